"""The analyst views at volume: a million synthetic metrics (generate_series, straight into the
tables) and the plans of the typical queries. Each must reach news.metrics through an index,
never a sequential scan, so they stay fast at ten million rows (the plans grow with the rows
asked for, not with the table)."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from transforms.indicators import load_catalog
from warehouse import db

# about a minute on the 2-core machine; its database is built once, on one xdist worker (conftest)
pytestmark = pytest.mark.slow

ARTICLES = 100_000
METRICS = 1_000_000        # 10 per article; about 1% of them per indicator
SOURCES = ("ningbo_gov", "ningbolife", "cnnb", "chinadaily")
# Bulk fill as a restore would: foreign-key triggers off (session_replication_role; the rows are
# consistent by construction) and the metrics indexes built after the rows (the same
# definitions, read from pg_indexes).
FILL = f"""
SET LOCAL synchronous_commit = off;
SET LOCAL session_replication_role = replica;
SET LOCAL maintenance_work_mem = '256MB';
INSERT INTO news.crawl_runs (run_id) VALUES ('scale');
INSERT INTO news.sources (name) SELECT unnest(%(sources)s::text[]);
INSERT INTO news.articles (url, source, title, published, body, content_hash, scitech,
                           first_seen_run, last_seen_run, loaded_run)
SELECT 'http://example.org/a/' || i,
       (%(sources)s::text[])[1 + i %% 4],
       CASE WHEN i %% 997 = 0 THEN 'Graphene lab opens ' ELSE 'Port story ' END || i,
       date '2015-01-01' + (i %% 3650),
       'The city reported ' || i || ' containers and ' || (i %% 89) || ' cranes. '
           || CASE WHEN i %% 1009 = 0 THEN 'A graphene laboratory was built.' ELSE 'Trade rose.' END,
       md5(i::text) || md5((-i)::text), i %% 3 = 0, 'scale', 'scale', 'scale'
FROM generate_series(1, {ARTICLES}) i;
INSERT INTO news.metrics (article_id, position, value, unit, kind, subject, period, period_start, period_end,
                          text, char_start, char_end, run_id, modality, indicator, indicator_rule)
SELECT 1 + i %% {ARTICLES}, i / {ARTICLES}, (i %% 1000) / 10.0, 'percent', 'level', 'subject ' || (i %% 5000),
       (2000 + i %% 25)::text, make_date(2000 + i %% 25, 1, 1), make_date(2000 + i %% 25, 12, 31),
       'x', 0, 1, 'scale', CASE WHEN i %% 10 = 0 THEN 'target' ELSE 'actual' END,
       CASE WHEN i %% 5 < 3 THEN (%(keys)s::text[])[1 + (i / 5) %% %(nkeys)s] END,
       CASE WHEN i %% 5 < 3 THEN 'rule' END
FROM generate_series(0, {METRICS - 1}) i;
"""

# The secondary indexes of news.metrics (the primary and unique keys stay).
METRIC_INDEXES = """
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'news' AND i.tablename = 'metrics'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
ORDER BY 1
"""

# (name, query, indexes the plan must use)
QUERIES = [
    ("facts of one indicator over a period range",
     "SELECT published, title, value, unit, period, sentence FROM news.v_metric_facts "
     "WHERE indicator = 'patents' AND period_start BETWEEN '2019-01-01' AND '2020-12-31' ORDER BY period_start",
     {"metrics_indicator_period_idx"}),
    ("facts of one indicator published in a date range",
     "SELECT published, title, value, unit, period FROM news.v_metric_facts "
     "WHERE indicator = 'gdp' AND published BETWEEN '2019-01-01' AND '2019-06-30'",
     {"metrics_indicator_period_idx"}),
    ("series of one indicator",
     "SELECT period, place, value, articles, disagree FROM news.v_metric_series "
     "WHERE indicator = 'rd_share_gdp' ORDER BY period_start",
     {"metrics_indicator_period_idx"}),
    ("ranked full-text search",
     "SELECT url, rank, headline FROM news.search_articles('graphene laboratory', 20)",
     {"articles_search_idx"}),
    ("full-text filter on v_articles with metric counts",
     "SELECT url, metric_count, indicator_metric_count FROM news.v_articles "
     "WHERE search @@ websearch_to_tsquery('english', 'graphene')",
     {"articles_search_idx", "metrics_article_position_key"}),
    ("one source's days",
     "SELECT day, articles, metrics FROM news.v_source_daily "
     "WHERE source = 'ningbolife' AND day BETWEEN '2019-03-01' AND '2019-03-31'",
     {"articles_source_published_idx", "metrics_article_position_key"}),
]


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


@pytest.fixture(scope="module")
def big_url(pg_module_url: str) -> str:
    db.upgrade(pg_module_url)
    keys = load_catalog().keys()
    started = time.monotonic()
    conn = psycopg2.connect(pg_module_url)
    try:
        with conn.cursor() as cur:
            cur.execute(METRIC_INDEXES)
            indexes = cur.fetchall()
            for name, _ in indexes:
                cur.execute(f"DROP INDEX news.{name}")
            cur.execute(FILL, {"sources": list(SOURCES), "keys": keys, "nkeys": len(keys)})
            for _, definition in indexes:
                cur.execute(definition)
        conn.commit()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("ANALYZE news.articles; ANALYZE news.metrics")
    finally:
        conn.close()
    print(f"\nscale fixture: {ARTICLES} articles, {METRICS} metrics in {time.monotonic() - started:.1f} s")
    return pg_module_url


def _plan(url: str, query: str) -> dict[str, Any]:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query)
            result = cur.fetchone()[0]
            return result[0] if isinstance(result, list) else json.loads(result)[0]
    finally:
        conn.close()


def test_the_plan_check_sees_a_sequential_scan_where_no_index_fits(big_url: str) -> None:
    """The control: a filter no index serves reads news.metrics sequentially, and the check sees it."""
    explained = _plan(big_url, "SELECT count(*) FROM news.v_metric_facts WHERE indicator_rule = 'no such rule'")
    assert "metrics" in [n.get("Relation Name") for n in _nodes(explained["Plan"]) if n["Node Type"] == "Seq Scan"]


@pytest.mark.parametrize(("name", "query", "indexes"), QUERIES, ids=[q[0] for q in QUERIES])
def test_typical_queries_use_indexes_at_a_million_metrics(big_url: str, name: str, query: str,
                                                          indexes: set[str]) -> None:
    """Real statistics, default planner settings: the plan uses the indexes and never reads
    news.metrics sequentially; the query answers rows, in well under a second of server time."""
    explained = _plan(big_url, query)
    nodes = list(_nodes(explained["Plan"]))
    seq = [n.get("Relation Name") for n in nodes if n["Node Type"] == "Seq Scan"]
    assert "metrics" not in seq, (name, json.dumps(explained["Plan"], indent=1)[:3000])
    used = {n.get("Index Name") for n in nodes if n.get("Index Name")}
    assert indexes <= used, (name, used)
    assert explained["Plan"]["Actual Rows"] > 0, name
    assert explained["Execution Time"] < 2000, (name, explained["Execution Time"])
