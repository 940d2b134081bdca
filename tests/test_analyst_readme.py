"""The README's analyst examples run on the demo data: every article page of the offline
snapshot (seeds/pages, what `make demo` crawls) transformed and loaded as the pipeline does,
then each SQL statement between the README's analyst-examples markers executed."""
from __future__ import annotations

import re
from pathlib import Path

import psycopg2
import pytest
from helpers import demo_rows, make_run_dir

from warehouse.load import load_run

ROOT = Path(__file__).resolve().parents[1]
MARKERS = re.compile(r"<!-- analyst-examples -->(.*?)<!-- /analyst-examples -->", re.S)


def readme_statements() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = MARKERS.findall(text)
    assert blocks, "README.md has no analyst-examples section"
    sql = "\n".join(b for block in blocks for b in re.findall(r"```sql\n(.*?)```", block, re.S))
    return [s.strip() for s in sql.split(";") if s.strip()]


@pytest.fixture(scope="module")
def demo_url(pg_module_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    articles, metrics = demo_rows("readme-demo")
    assert len(articles) == 48  # the demo's 48 articles
    load_run(make_run_dir(tmp_path_factory.mktemp("readme"), articles, metrics, run_id="readme-demo"),
             pg_module_url)
    return pg_module_url


def test_every_readme_example_answers_on_the_demo_data(demo_url: str) -> None:
    statements = readme_statements()
    assert len(statements) >= 4
    conn = psycopg2.connect(demo_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SET ROLE news_analyst")  # the analysts' role: read-only is enough
            for statement in statements:
                cur.execute(statement)
                assert cur.fetchall(), statement
    finally:
        conn.close()


def test_the_search_example_ranks_matching_articles(demo_url: str) -> None:
    search = next(s for s in readme_statements() if "search_articles" in s)
    conn = psycopg2.connect(demo_url)
    try:
        with conn.cursor() as cur:
            cur.execute(search)
            names = [d[0] for d in cur.description]
            hits = [dict(zip(names, r)) for r in cur.fetchall()]
    finally:
        conn.close()
    ranks = [h["rank"] for h in hits]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1] >= 0
    assert all("[" in h["headline"] for h in hits)  # the matched words are marked


def test_the_readme_mapping_figures_hold_on_the_demo_data(demo_url: str) -> None:
    """README: "After `make demo`, 141 of the 689 metrics map to 46 of the indicators"."""
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    figures = re.search(r"After `make demo`, (\d+) of the (\d+) metrics map to (\d+) of the indicators", text)
    assert figures, "README lost the sentence"
    conn = psycopg2.connect(demo_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(indicator), count(*), count(DISTINCT indicator) FROM news.metrics")
            assert cur.fetchone() == tuple(int(g) for g in figures.groups())
    finally:
        conn.close()


def test_the_readme_story_figures_hold_on_the_demo_data(demo_url: str) -> None:
    """README: "On the demo data (after `make demo`) the 48 articles tell 45 stories"."""
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    figures = re.search(r"the (\d+) articles tell (\d+) stories", text)
    assert figures, "README lost the sentence"
    conn = psycopg2.connect(demo_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*), count(DISTINCT story_id) FROM news.v_articles")
            assert cur.fetchone() == tuple(int(g) for g in figures.groups())
    finally:
        conn.close()
