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
    """README: "After `make demo`, 141 of the 688 metrics map to 46 of the indicators"."""
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


def readme_examples_with_output() -> list[tuple[str, list[str]]]:
    """(statement, its output's data rows) for every analyst example followed by an output block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = MARKERS.findall(text)[0]
    pairs = re.findall(r"```sql\n(.*?)```\n```\n(.*?)```", block, re.S)
    examples = []
    for sql, output in pairs:
        lines = [line for line in output.splitlines() if line.strip()]
        if len(lines) > 1 and re.fullmatch(r"[-+]+", lines[1].strip()):
            lines = lines[2:]  # psql's header and its rule
        examples.append((sql.strip().rstrip(";"), lines))
    return examples


def _cell_matches(shown: str, value: object) -> bool:
    """A README cell against the value: equal, or (cut with "...") each shown part in order."""
    actual = " ".join(("" if value is None else "t" if value is True else "f" if value is False
                       else str(value)).split())
    if "..." not in shown:
        return shown == actual
    at = 0
    for part in (p.strip() for p in shown.split("...")):
        found = actual.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def test_the_readme_example_outputs_are_what_the_demo_data_gives(demo_url: str) -> None:
    """The outputs printed under the README's analyst examples are the demo's: the v_source_daily
    example said ningbo_gov 400 metrics / 93 mapped and ningbolife 283 / 48 (683 in all, of 689)."""
    examples = readme_examples_with_output()
    assert len(examples) >= 6
    conn = psycopg2.connect(demo_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SET ROLE news_analyst")
            for statement, shown in examples:
                cur.execute(statement)
                rows = cur.fetchall()
                got = [[c.strip() for c in line.split("|")] for line in shown]
                if got and got[0] == [d[0] for d in cur.description]:
                    got = got[1:]  # a header without psql's rule
                assert len(got) == len(rows), (statement, rows)
                for cells, row in zip(got, rows):
                    assert len(cells) == len(row) and all(map(_cell_matches, cells, row)), (statement, cells, row)
    finally:
        conn.close()
