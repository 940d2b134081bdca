"""warehouse.load_run on a real Postgres: counts, idempotent reruns, versions, quarantine,
rollback of a load killed mid-transaction, and the load benchmark's smoke run."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg2
import psycopg2.errors
import pytest
from helpers import content_hash, make_article, make_metric, make_run_dir
from helpers import query as rows
from psycopg2 import sql as pgsql
from psycopg2.extras import Json

from warehouse.db import APPLICATION_NAME, MIGRATIONS_DIR, upgrade
from warehouse.load import ORPHAN_METRIC_REASON, LoadResult, load_run, suite_results
from warehouse.queries import summary_counts

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://www.ningbolife.com/index.php/ningbo-news/"
GOV = "http://english.ningbo.gov.cn/art/2019/8/18/"
# (table, ORDER BY) of every data table; crawl_runs without its bookkeeping columns.
SNAPSHOT = {
    "sources": "SELECT * FROM news.sources",
    "crawl_runs": "SELECT run_id, dag_run_id, started_at, finished_at, status, counts, crawl_report "
                  "FROM news.crawl_runs",
    "articles": "SELECT * FROM news.articles",
    "article_versions": "SELECT * FROM news.article_versions",
    "metrics": "SELECT * FROM news.metrics",
    "quarantine": "SELECT * FROM news.quarantine",
    "validation_runs": "SELECT * FROM news.validation_runs",
}
CRAWL_REPORT = {
    "requests": 12, "responses_by_status": {"200": 11, "404": 1},
    "articles": {"new": 3, "unchanged": 0, "failed": 1},
    "sources": {
        "ningbolife": {"started_at": "2026-11-20T08:00:00+00:00", "finished_at": "2026-11-20T08:01:00+00:00"},
        "ningbo_gov": {"started_at": "2026-11-20T07:59:30+00:00", "finished_at": "2026-11-20T08:00:40+00:00"},
    },
}
SUMMARY = {
    "articles_total": 4, "articles_accepted": 3, "articles_quarantined": 1,
    "metrics_total": 5, "metrics_accepted": 4, "metrics_quarantined": 1, "critical_success": False,
    "failed_expectations": [{"suite": "articles.critical", "expectation": "title_not_null", "column": "title",
                             "unexpected_count": 1, "samples": ["http://x"]}],
    "warnings": [{"suite": "metrics.warning", "expectation": "subject_length", "column": "subject",
                  "unexpected_count": 1}],
    "data_docs": "/data/runs/run-001/validation/data_docs/index.html",
}


def snapshot(url: str) -> dict[str, tuple[int, str]]:
    """Row count and md5 of every table's rows in a fixed order."""
    out = {}
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            for table, select in SNAPSHOT.items():
                cur.execute(pgsql.SQL("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                                      "FROM ({}) t").format(pgsql.SQL(select)))
                out[table] = cur.fetchone()
    finally:
        conn.close()
    return out


def three_articles(fetched_at: str = "2026-11-20T08:00:00+00:00") -> tuple[list[dict], list[dict]]:
    articles = [make_article(BASE + f"{i}.html", title=f"Story {i}", fetched_at=fetched_at) for i in (1, 2, 3)]
    articles[2]["source"] = "ningbo_gov"
    articles[2]["url"] = GOV + "art_1.html"
    metrics = [make_metric(a["url"], p, value=10.0 + p, text="17.6%") for a in articles for p in range(2)]
    return articles, metrics


QUARANTINE = [
    {"table": "articles", "key": BASE + "9.html", "stage": "validate", "reasons": ["title_not_null"],
     "record": {"url": BASE + "9.html", "source": "ningbolife", "title": None}},
    # the same row again from another suite: merged into one quarantine row
    {"table": "articles", "key": BASE + "9.html", "stage": "validate", "reasons": ["body_no_boilerplate"],
     "record": {"url": BASE + "9.html", "source": "ningbolife", "title": None}},
    {"table": "metrics", "key": BASE + "9.html#0", "stage": "validate", "reasons": ["article_quarantined"],
     "record": {"article_url": BASE + "9.html", "position": 0, "unit": "percent"}},
]
REJECTS = [{"url": GOV + "empty.html", "source": "ningbo_gov", "stage": "transform",
            "reasons": ["empty: no article body"], "record": {"url": GOV + "empty.html", "html_head": "<html>"}}]


def full_run(tmp_path: Path, run_id: str = "run-001", **kw: Any) -> Path:
    articles, metrics = three_articles()
    metrics.append(make_metric(BASE + "orphan.html", 0))  # accepted, but its article is not
    return make_run_dir(tmp_path, articles, metrics, QUARANTINE, rejects=REJECTS, run_id=run_id,
                        crawl_report=CRAWL_REPORT, summary=SUMMARY, **kw)


# --------------------------------------------------------------------------- counts and contents
def test_a_period_of_days_reaches_the_warehouse_with_its_days(pg_url: str, tmp_path: Path) -> None:
    """Extractor 2026.12.05.3 writes ranges of days ("from June 1 to June 19"); migration 013's bounds give
    their first and last day (before it, NULL: such a metric was in no series and no period filter)."""
    url = BASE + "days.html"
    metrics = [make_metric(url, 0, period="2022-06-01..2022-06-19"), make_metric(url, 1, period="2022-02-30")]
    load_run(make_run_dir(tmp_path, [make_article(url)], metrics), pg_url)
    assert rows(pg_url, "SELECT period, period_start::text, period_end::text FROM news.metrics ORDER BY position") == [
        ("2022-06-01..2022-06-19", "2022-06-01", "2022-06-19"), ("2022-02-30", None, None)]


def test_load_counts_and_contents(pg_url: str, tmp_path: Path) -> None:
    result = load_run(full_run(tmp_path), pg_url, dag_run_id="manual__2026-11-20")
    assert isinstance(result, LoadResult)
    assert result.counts() == {
        "articles_inserted": 3, "articles_updated": 0, "articles_unchanged": 0, "articles_stale": 0,
        "versions_created": 0, "metrics_loaded": 6, "metrics_written": 6, "quarantined": 4,
        # the test articles all say "R&D expenditures rose by 17.6% in 2019. (<url>)": near-copies
        # to the story rule, so the second and third join the first one's story
        "stories_fingerprinted": 3, "stories_joined": 2,
        # staged without a story print (as runs transformed before prints were staged): computed at load
        "stories_computed": 3, "stories_malformed_prints": 0, "articles_duplicate": 0,
    }
    assert result.to_dict()["run_id"] == "run-001" and result.duplicates == []

    arts = rows(pg_url, "SELECT url, source, title, published::text, captions, first_seen_run, last_seen_run, "
                        "loaded_run FROM news.articles ORDER BY url")
    assert [a[0] for a in arts] == [GOV + "art_1.html", BASE + "1.html", BASE + "2.html"]
    assert arts[1][1:] == ("ningbolife", "Story 1", "2020-06-01", ["A photo (Photo by X)"],
                           "run-001", "run-001", "run-001")
    metric = rows(pg_url, "SELECT value::float, unit, kind, period, period_start::text, period_end::text, run_id "
                          "FROM news.v_metrics WHERE url = %s AND position = 1", (BASE + "1.html",))
    assert metric == [(11.0, "percent", "change", "2019", "2019-01-01", "2019-12-31", "run-001")]
    # the orphan metric is not in metrics but in quarantine (stage load)
    assert rows(pg_url, "SELECT count(*) FROM news.v_metrics WHERE url LIKE %s", ("%orphan%",)) == [(0,)]

    quarantine = rows(pg_url, "SELECT stage, table_name, record_key, source, reasons FROM news.quarantine "
                              "ORDER BY stage, table_name, record_key")
    assert quarantine == [
        ("load", "metrics", BASE + "orphan.html#0", None, [ORPHAN_METRIC_REASON]),
        ("transform", "pages", GOV + "empty.html", "ningbo_gov", ["empty: no article body"]),
        ("validate", "articles", BASE + "9.html", "ningbolife", ["body_no_boilerplate", "title_not_null"]),
        ("validate", "metrics", BASE + "9.html#0", "ningbolife", ["article_quarantined"]),
    ]
    run = rows(pg_url, "SELECT dag_run_id, started_at::text, finished_at::text, status, counts, "
                       "crawl_report->'requests', load_result->'articles_inserted' FROM news.crawl_runs")
    assert run == [("manual__2026-11-20", "2026-11-20 07:59:30+00", "2026-11-20 08:01:00+00", "loaded",
                    {"articles": 3, "metrics": 6, "quarantined": 4, "rejects": 1}, 12, 3)]
    suites = rows(pg_url, "SELECT suite, success, jsonb_array_length(failed), data_docs FROM news.validation_runs "
                          "ORDER BY suite")
    assert suites == [("all", False, 2, SUMMARY["data_docs"]), ("articles.critical", False, 1, SUMMARY["data_docs"]),
                      ("metrics.warning", True, 1, SUMMARY["data_docs"])]
    sources = rows(pg_url, "SELECT name, site, template, base_url FROM news.sources ORDER BY name")
    assert sources == [("ningbo_gov", "english.ningbo.gov.cn", "hanweb", "http://english.ningbo.gov.cn"),
                       ("ningbolife", "ningbolife.com", "joomla", "http://www.ningbolife.com")]
    # `site` is the registry's `site:` key (it was the base URL's host before the key was parsed)

    counts = summary_counts(pg_url)
    assert (counts["articles"], counts["metrics"], counts["quarantined"]) == (3, 6, 4)
    assert counts["sources"]["ningbolife"] == {"articles": 2, "metrics": 4, "quarantined": 2}
    assert counts["sources"]["unknown"] == {"articles": 0, "metrics": 0, "quarantined": 1}


def test_run_id_defaults_to_dir_name_and_required_files(pg_url: str, tmp_path: Path) -> None:
    articles, metrics = three_articles()
    run = make_run_dir(tmp_path, articles, metrics, run_id="scheduled__2026-11-21")
    assert load_run(run, pg_url).run_id == "scheduled__2026-11-21"
    assert rows(pg_url, "SELECT DISTINCT loaded_run FROM news.articles") == [("scheduled__2026-11-21",)]
    (run / "validation" / "metrics.jsonl").unlink()
    with pytest.raises(FileNotFoundError, match="metrics.jsonl"):
        load_run(run, pg_url)


# --------------------------------------------------------------------------- idempotency
def test_rerun_of_the_same_run_changes_nothing(pg_url: str, tmp_path: Path) -> None:
    run = full_run(tmp_path)
    load_run(run, pg_url)
    before = snapshot(pg_url)
    again = load_run(run, pg_url)
    assert snapshot(pg_url) == before
    assert (again.articles_inserted, again.articles_unchanged, again.metrics_written, again.quarantined) == (0, 3, 0, 4)
    assert before["quarantine"][0] == 4 and before["metrics"][0] == 6


def test_overlapping_run_changes_only_bookkeeping(pg_url: str, tmp_path: Path) -> None:
    articles, metrics = three_articles()
    load_run(make_run_dir(tmp_path, articles, metrics, run_id="run-A"), pg_url)
    metric_ids = rows(pg_url, "SELECT metric_id FROM news.metrics ORDER BY metric_id")

    # run B sees articles 2 and 3 again (same content, fetched later) plus a new one
    later, later_metrics = three_articles(fetched_at="2026-11-21T08:00:00+00:00")
    new = make_article(BASE + "4.html", title="Story 4", fetched_at="2026-11-21T08:00:00+00:00")
    run_b = make_run_dir(tmp_path, later[1:] + [new], later_metrics[2:] + [make_metric(new["url"], 0)],
                         run_id="run-B")
    result = load_run(run_b, pg_url)
    assert (result.articles_inserted, result.articles_unchanged, result.articles_updated) == (1, 2, 0)
    assert result.metrics_written == 1
    assert rows(pg_url, "SELECT metric_id FROM news.metrics WHERE run_id = 'run-A' ORDER BY metric_id") == metric_ids
    assert rows(pg_url, "SELECT url, first_seen_run, last_seen_run, loaded_run, fetched_at::date::text "
                        "FROM news.articles ORDER BY url") == [
        (GOV + "art_1.html", "run-A", "run-B", "run-A", "2026-11-20"),
        (BASE + "1.html", "run-A", "run-A", "run-A", "2026-11-20"),
        (BASE + "2.html", "run-A", "run-B", "run-A", "2026-11-20"),
        (BASE + "4.html", "run-B", "run-B", "run-B", "2026-11-21"),
    ]
    before = snapshot(pg_url)
    load_run(run_b, pg_url)
    assert snapshot(pg_url) == before


def test_concurrent_loads_of_one_run_are_serialized(pg_url: str, tmp_path: Path) -> None:
    run = full_run(tmp_path)
    upgrade(pg_url)
    results: list[LoadResult] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(load_run(run, pg_url))
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert sorted(r.articles_inserted for r in results) == [0, 0, 3]
    assert rows(pg_url, "SELECT count(*) FROM news.articles") == [(3,)]
    assert rows(pg_url, "SELECT count(*) FROM news.quarantine") == [(4,)]


# --------------------------------------------------------------------------- changes
def test_changed_content_keeps_history_and_replaces_metrics(pg_url: str, tmp_path: Path) -> None:
    url = BASE + "1.html"
    old = make_article(url, title="Ningbo R&D", body="Spending rose 17.6% in 2019.")
    load_run(make_run_dir(tmp_path, [old], [make_metric(url, 0, 17.6), make_metric(url, 1, 2019.5, unit="CNY")],
                          run_id="run-A"), pg_url)
    new = make_article(url, title="Ningbo R&D", body="Spending rose 18.1% in 2020.",
                       fetched_at="2026-11-22T08:00:00+00:00")
    run_b = make_run_dir(tmp_path, [new], [make_metric(url, 0, 18.1, text="18.1%", period="2020")], run_id="run-B")
    result = load_run(run_b, pg_url)
    assert (result.articles_updated, result.versions_created, result.metrics_written) == (1, 1, 1)

    assert rows(pg_url, "SELECT version, content_hash, body, valid_from_run, superseded_by_run "
                        "FROM news.article_versions") == [
        (1, content_hash("Ningbo R&D", "Spending rose 17.6% in 2019."), "Spending rose 17.6% in 2019.",
         "run-A", "run-B")]
    assert rows(pg_url, "SELECT body, content_hash, first_seen_run, loaded_run FROM news.articles") == [
        ("Spending rose 18.1% in 2020.", new["content_hash"], "run-A", "run-B")]
    assert rows(pg_url, "SELECT position, value::float, unit, period_start::text, run_id FROM news.metrics") == [
        (0, 18.1, "percent", "2020-01-01", "run-B")]  # old set gone, not merged

    before = snapshot(pg_url)
    load_run(run_b, pg_url)  # rerun: no second version
    assert snapshot(pg_url) == before

    # run A again (a backfill of older content): stale, nothing is overwritten
    stale = load_run(tmp_path / "runs" / "run-A", pg_url)
    assert (stale.articles_stale, stale.versions_created, stale.metrics_written) == (1, 0, 0)
    assert rows(pg_url, "SELECT body FROM news.articles") == [("Spending rose 18.1% in 2020.",)]
    assert rows(pg_url, "SELECT count(*) FROM news.article_versions") == [(1,)]

    # a third content: version 2 records run B's content
    third = make_article(url, title="Ningbo R&D", body="Spending rose 19% in 2021.",
                         fetched_at="2026-11-23T08:00:00+00:00")
    load_run(make_run_dir(tmp_path, [third], [], run_id="run-C"), pg_url)
    assert rows(pg_url, "SELECT version, body, valid_from_run, superseded_by_run FROM news.article_versions "
                        "ORDER BY version") == [
        (1, "Spending rose 17.6% in 2019.", "run-A", "run-B"),
        (2, "Spending rose 18.1% in 2020.", "run-B", "run-C")]
    assert rows(pg_url, "SELECT count(*) FROM news.metrics") == [(0,)]  # its new set is empty


def test_field_fix_updates_in_place_and_metric_set_change_rewrites(pg_url: str, tmp_path: Path) -> None:
    url = BASE + "1.html"
    article = make_article(url)
    metrics = [make_metric(url, 0), make_metric(url, 1, 3.0, unit="times", kind="level")]
    load_run(make_run_dir(tmp_path, [article], metrics, run_id="run-A"), pg_url)
    ids = rows(pg_url, "SELECT metric_id FROM news.metrics ORDER BY position")

    fixed = dict(article, section="Sci-Tech", published="2020-06-02")  # same title+body, same hash
    result = load_run(make_run_dir(tmp_path, [fixed], metrics, run_id="run-B"), pg_url)
    assert (result.articles_updated, result.versions_created, result.metrics_written) == (1, 0, 0)
    assert rows(pg_url, "SELECT section, published::text, loaded_run FROM news.articles") == [
        ("Sci-Tech", "2020-06-02", "run-B")]
    assert rows(pg_url, "SELECT metric_id FROM news.metrics ORDER BY position") == ids

    retagged = [dict(m, extractor_version="metrics-2") for m in metrics]  # e.g. a new extractor
    result = load_run(make_run_dir(tmp_path, [fixed], retagged, run_id="run-C"), pg_url)
    assert (result.articles_unchanged, result.metrics_written) == (1, 2)
    assert rows(pg_url, "SELECT DISTINCT extractor_version, run_id FROM news.metrics") == [("metrics-2", "run-C")]
    assert rows(pg_url, "SELECT metric_id FROM news.metrics ORDER BY position") != ids


# --------------------------------------------------------------------------- quarantine
def test_quarantine_not_duplicated_and_follows_the_run_dir(pg_url: str, tmp_path: Path) -> None:
    run = full_run(tmp_path)
    load_run(run, pg_url)
    load_run(run, pg_url)
    assert rows(pg_url, "SELECT count(*), count(DISTINCT (stage, table_name, record_key)) FROM news.quarantine") \
        == [(4, 4)]
    record = rows(pg_url, "SELECT record FROM news.quarantine WHERE stage = 'transform'")
    assert record == [({"url": GOV + "empty.html", "html_head": "<html>"},)]

    # validation re-run for this run dir: one quarantined row fewer, one reason changed
    lines = [dict(QUARANTINE[0], reasons=["published_in_range"])]
    (run / "validation" / "quarantine.jsonl").write_text("".join(json.dumps(q) + "\n" for q in lines))
    result = load_run(run, pg_url)
    assert result.quarantined == 3
    assert rows(pg_url, "SELECT record_key, reasons FROM news.quarantine WHERE stage = 'validate' "
                        "ORDER BY record_key") == [(BASE + "9.html", ["published_in_range"])]


# --------------------------------------------------------------------------- failures
def test_constraint_violation_rolls_back_the_whole_run(pg_url: str, tmp_path: Path) -> None:
    articles, metrics = three_articles()
    metrics[-1]["unit"] = "furlongs"  # the last rows written in the transaction
    with pytest.raises(psycopg2.errors.CheckViolation, match="metrics_unit_check"):
        load_run(make_run_dir(tmp_path, articles, metrics, QUARANTINE, run_id="run-bad"), pg_url)
    assert snapshot(pg_url)["articles"][0] == 0
    assert rows(pg_url, "SELECT count(*) FROM news.crawl_runs") == [(0,)]
    assert rows(pg_url, "SELECT count(*) FROM news.quarantine") == [(0,)]


def _wait_for_blocked_load(admin_url: str, timeout: float = 60.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = rows(admin_url, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                "AND application_name = %s AND wait_event_type = 'Lock'", (APPLICATION_NAME,))
        if found:
            return found[0][0]
        time.sleep(0.05)
    raise AssertionError("the load never blocked on the metrics lock")


def test_load_killed_mid_transaction_leaves_no_rows_and_rerun_completes(pg_url: str, tmp_path: Path) -> None:
    articles, metrics = three_articles()
    load_run(make_run_dir(tmp_path, articles, metrics, run_id="run-A"), pg_url)
    before = snapshot(pg_url)

    changed = dict(articles[0], body="New body 21.5%.", fetched_at="2026-11-22T08:00:00+00:00")
    changed["content_hash"] = content_hash(changed["title"], changed["body"])
    new = make_article(BASE + "5.html", title="Story 5")
    run_b = make_run_dir(tmp_path, [changed, new], [make_metric(new["url"], 0)], QUARANTINE, run_id="run-B")

    # Hold news.metrics exclusively: run B's load writes its articles, versions and run
    # row, then blocks at its first read of news.metrics; kill that backend there.
    blocker = psycopg2.connect(pg_url)
    outcome: list[BaseException | LoadResult] = []
    try:
        with blocker.cursor() as cur:
            cur.execute("LOCK TABLE news.metrics IN ACCESS EXCLUSIVE MODE")
        thread = threading.Thread(target=lambda: outcome.append(_capture(run_b, pg_url)))
        thread.start()
        pid = _wait_for_blocked_load(pg_url)
        held = rows(pg_url, "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                            "WHERE l.pid = %s AND l.mode = 'RowExclusiveLock' AND l.granted", (pid,))
        assert {"articles", "article_versions", "crawl_runs"} <= {r[0] for r in held}  # it had written
        assert rows(pg_url, "SELECT pg_terminate_backend(%s)", (pid,)) == [(True,)]
        thread.join(60)
    finally:
        blocker.rollback()
        blocker.close()
    assert len(outcome) == 1 and isinstance(outcome[0], psycopg2.Error)
    assert snapshot(pg_url) == before  # nothing of run B is left

    result = load_run(run_b, pg_url)
    assert (result.articles_inserted, result.versions_created, result.quarantined) == (1, 1, 2)
    assert rows(pg_url, "SELECT count(*) FROM news.articles") == [(4,)]


def _capture(run: Path, url: str) -> BaseException | LoadResult:
    try:
        return load_run(run, url)
    except BaseException as exc:  # noqa: BLE001 - the test inspects it
        return exc


def test_text_edge_cases_load(pg_url: str, tmp_path: Path) -> None:
    url = BASE + "edge.html"
    body = "宁波 R&D \u0000 spending\\u0000 \"quoted\", comma;\ttab\nnew line"
    article = make_article(url, title="Ningbo's \"edge\"", body=body, captions=[])
    load_run(make_run_dir(tmp_path, [article], []), pg_url)
    stored = rows(pg_url, "SELECT body, title, captions FROM news.articles")[0]
    assert stored == (body.replace("\u0000", ""), "Ningbo's \"edge\"", [])
    assert "\\u0000" in stored[0]  # a literal backslash-u text is kept


def test_suite_results_shapes() -> None:
    assert suite_results(None) == []
    rows_ = suite_results({"suites": {"articles.critical": {"success": True, "statistics": {"evaluated": 3}}},
                           "data_docs": "/d"})
    assert rows_ == [{"suite": "articles.critical", "success": True, "statistics": {"evaluated": 3},
                      "failed": [], "data_docs": "/d", "validated_at": None}]


def test_a_suite_with_rows_quarantined_under_it_is_not_stored_as_passed() -> None:
    """A summary.json written before the follow rule was an expectation says metrics.critical passed
    although its article_quarantined metrics are in its failed_expectations: news.validation_runs (and
    the report, which reads it) must not say passed while the alert mail lists them as failed."""
    summary = {"suites": {"articles.critical": {"success": False, "statistics": {"evaluated_expectations": 18}},
                          "metrics.critical": {"success": True, "statistics": {"evaluated_expectations": 16}},
                          "metrics.warning": {"success": True, "statistics": {"evaluated_expectations": 4}}},
               "failed_expectations": [
                   {"suite": "articles.critical", "expectation": "body_boilerplate", "unexpected_count": 1},
                   {"suite": "metrics.critical", "expectation": "article_quarantined", "unexpected_count": 2}]}
    stored = {r["suite"]: (r["success"], [f["expectation"] for f in r["failed"]]) for r in suite_results(summary)}
    assert stored == {"articles.critical": (False, ["body_boilerplate"]),
                      "metrics.critical": (False, ["article_quarantined"]),
                      "metrics.warning": (True, [])}


def test_bench_smoke(pg_url: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "devtools.bench_load", "--articles", "40", "--metrics-per-article", "3",
         "--repeat", "2", "--database-url", pg_url],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert "load_run" in out.stdout and "raw COPY" in out.stdout and "rows/s" in out.stdout
    assert "160 rows" in out.stdout  # 40 articles + 120 metrics
    # Both baselines are measured, and the target line names the one it is judged against.
    assert "2 repetition(s)" in out.stdout
    timing = r": \d+\.\d+ s \(\d+\.\d+-\d+\.\d+\) +\d+ rows/s"
    assert re.search(r"into the warehouse tables .*" + timing, out.stdout), out.stdout
    assert re.search(r"into bare tables .*" + timing, out.stdout), out.stdout
    assert re.search(r"target: first load >= 0\.6x a raw COPY of the same rows into the warehouse tables: "
                     r"(met|NOT met) \(median \d+\.\d+x, lowest \d+\.\d+x\); against bare tables \d+\.\d+x",
                     out.stdout), out.stdout


# --------------------------------------------------------------------------- staging on the client
def test_duplicate_lines_the_last_one_wins(pg_url: str, tmp_path: Path) -> None:
    url = BASE + "1.html"
    first, last = make_article(url, title="First title"), make_article(url, title="Last title")
    metrics = [make_metric(url, 0, 1.0), make_metric(url, 1, 2.0), make_metric(url, 0, 3.0, text="3.0")]
    orphans = [make_metric(BASE + "gone.html", 0, 4.0), make_metric(BASE + "gone.html", 0, 5.0)]
    result = load_run(make_run_dir(tmp_path, [first, last], metrics + orphans), pg_url)
    assert (result.articles_inserted, result.metrics_loaded, result.metrics_written) == (1, 2, 2)
    assert rows(pg_url, "SELECT title FROM news.articles") == [("Last title",)]
    assert rows(pg_url, "SELECT position, value::float, text FROM news.metrics ORDER BY position") == [
        (0, 3.0, "3.0"), (1, 2.0, "17.6%")]
    # the orphan's quarantine record is its original line (the last one of its key)
    assert rows(pg_url, "SELECT record_key, record FROM news.quarantine") == [
        (BASE + "gone.html#0", orphans[1])]


def test_a_line_that_is_not_json_names_file_and_line_and_loads_nothing(pg_url: str, tmp_path: Path) -> None:
    articles, metrics = three_articles()
    run = make_run_dir(tmp_path, articles, metrics)
    path = run / "validation" / "metrics.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][:-1]  # truncated object
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"metrics\.jsonl, line 4: not a JSON object"):
        load_run(run, pg_url)
    assert rows(pg_url, "SELECT count(*) FROM news.articles") == [(0,)]
    assert rows(pg_url, "SELECT count(*) FROM news.crawl_runs") == [(0,)]
    path.write_text("\n".join(lines[:3] + ['["a", "list"]'] + lines[4:]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 4: not a JSON object"):
        load_run(run, pg_url)

    # a value the staging column refuses: the server's error, and the reader thread is gone
    threads = threading.active_count()
    bad_date = [dict(a, published="June 2020") for a in articles]
    with pytest.raises(psycopg2.errors.InvalidDatetimeFormat, match="June 2020"):
        load_run(make_run_dir(tmp_path, bad_date, metrics, run_id="run-002"), pg_url)
    assert threading.active_count() == threads
    assert rows(pg_url, "SELECT count(*) FROM news.crawl_runs") == [(0,)]


def test_values_arrive_exactly(pg_url: str, tmp_path: Path) -> None:
    """Numbers keep their written text, COPY's special characters and NUL survive or go as Postgres needs."""
    url = BASE + "exact.html"
    article = make_article(url, title="Tab\there, line\nbreak, back\\slash", published="",
                           captions="not a list", word_count=12.0)
    run = make_run_dir(tmp_path, [article], [])
    metrics = [
        '{"article_url": "%s", "position": 0, "value": 17.60, "unit": "percent", "kind": "share", '
        '"text": "a\\\\b\\tc\\u0000d", "char_start": 0, "char_end": 5}' % url,
        '{"article_url": "%s", "position": 1, "value": 37541000000.0, "unit": "CNY", "kind": "level", '
        '"text": "37.541 billion yuan", "period": "", "qualifier": null}' % url,
        '{"article_url": "%s", "position": 2, "value": 123456789012345678901234567890, "unit": "count", '
        '"kind": "level", "text": "\\u5b81\\u6ce2 \\"many\\""}' % url,
        "",  # a blank line is skipped
    ]
    (run / "validation" / "metrics.jsonl").write_text("\n".join(metrics) + "\n", encoding="utf-8")
    second = make_article(BASE + "nul.html", captions=["cap\u0000tion", "ok"])
    (run / "validation" / "articles.jsonl").write_text(
        json.dumps(article) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    result = load_run(run, pg_url)
    assert (result.articles_inserted, result.metrics_written) == (2, 3)
    assert rows(pg_url, "SELECT title, published, captions, word_count FROM news.articles WHERE url = %s",
                (url,)) == [("Tab\there, line\nbreak, back\\slash", None, [], 12)]
    assert rows(pg_url, "SELECT captions FROM news.articles WHERE url = %s", (BASE + "nul.html",)) == [
        (["caption", "ok"],)]
    assert rows(pg_url, "SELECT value::text, text, period, qualifier FROM news.metrics ORDER BY position") == [
        ("17.60", "a\\b\tcd", None, None),
        ("37541000000.0", "37.541 billion yuan", "", None),
        ("123456789012345678901234567890", "宁波 \"many\"", None, None),
    ]


def test_metric_set_hash_is_the_stored_sets_hash_also_after_upgrading(pg_url: str, tmp_path: Path) -> None:
    """Rows loaded before migration 003 get their hash from it (and from 004, which adds the
    context columns); reloading them then rewrites nothing."""
    old = tmp_path / "migrations"
    old.mkdir()
    for name in ("001_core.sql", "002_roles.sql"):
        shutil.copy(Path(MIGRATIONS_DIR) / name, old / name)
    upgrade(pg_url, directory=old)
    url = BASE + "old.html"
    article = make_article(url)
    metrics = [make_metric(url, 0, 17.6), make_metric(url, 1, 2019.5, unit="CNY", kind="level", period=None,
                                                      qualifier="approx", extractor_version="metrics-1")]
    conn = psycopg2.connect(pg_url)
    try:
        with conn.cursor() as cur:  # what a loader of schema version 2 stored
            cur.execute("INSERT INTO news.crawl_runs (run_id) VALUES ('run-0');"
                        "INSERT INTO news.sources (name) VALUES ('ningbolife')")
            cur.execute("INSERT INTO news.articles (url, source, title, published, section, body, captions, language,"
                        " word_count, content_hash, fetched_at, first_seen_run, last_seen_run, loaded_run)"
                        " VALUES (%s, 'ningbolife', %s, '2020-06-01', 'Ningbo News', %s, %s, 'en', %s, %s, %s,"
                        " 'run-0', 'run-0', 'run-0') RETURNING article_id",
                        (url, article["title"], article["body"], Json(article["captions"]), article["word_count"],
                         article["content_hash"], article["fetched_at"]))
            article_id = cur.fetchone()[0]
            for m in metrics:
                cur.execute("INSERT INTO news.metrics (article_id, position, value, unit, kind, subject, period,"
                            " qualifier, text, char_start, char_end, extractor_version, run_id)"
                            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'run-0')",
                            (article_id, m["position"], m["value"], m["unit"], m["kind"], m["subject"], m["period"],
                             m["qualifier"], m["text"], m["char_start"], m["char_end"], m.get("extractor_version")))
        conn.commit()
    finally:
        conn.close()
    assert upgrade(pg_url) == ["003_metric_set_hash", "004_metric_context", "005_alert_outbox",
                               "006_quarantine_audit", "007_indicators", "008_stories", "009_validation_samples",
                               "010_validation_recorded_at", "011_validation_validated_at",
                               "012_articles_content_hash_idx", "013_day_periods", "014_no_analyst_storage",
                               "015_no_analyst_locks", "016_physical_units"]
    stored = rows(pg_url, "SELECT metrics_hash FROM news.articles")[0][0]
    assert stored != rows(pg_url, "SELECT md5('')")[0][0]
    ids = rows(pg_url, "SELECT metric_id FROM news.metrics ORDER BY position")

    result = load_run(make_run_dir(tmp_path, [article], metrics, run_id="run-1"), pg_url)
    assert (result.articles_unchanged, result.metrics_loaded, result.metrics_written) == (1, 2, 0)
    assert rows(pg_url, "SELECT metric_id FROM news.metrics ORDER BY position") == ids
    assert rows(pg_url, "SELECT metrics_hash FROM news.articles") == [(stored,)]

    # one value differs: the set is rewritten and the hash follows the stored rows
    metrics[1]["value"] = 2019.6
    result = load_run(make_run_dir(tmp_path, [article], metrics, run_id="run-2"), pg_url)
    assert result.metrics_written == 2
    assert rows(pg_url, """
        SELECT a.metrics_hash = md5(string_agg(news.metric_row_text(m.position, m.value, m.unit, m.kind, m.subject,
                   m.period, m.qualifier, m.text, m.char_start, m.char_end, m.extractor_version,
                   m.denominator, m.place, m.modality), E'\\n' ORDER BY m.position))
        FROM news.articles a JOIN news.metrics m USING (article_id) GROUP BY a.metrics_hash""") == [(True,)]
    assert rows(pg_url, "SELECT metrics_hash <> %s FROM news.articles", (stored,)) == [(True,)]


def test_denominator_place_and_modality_reach_the_warehouse(pg_url: str, tmp_path: Path) -> None:
    url = BASE + "context.html"
    metrics = [
        make_metric(url, 0, 2.8, kind="share", text="2.8%", denominator="gdp"),
        make_metric(url, 1, 3.4, text="3.4%", place="Hangzhou"),
        make_metric(url, 2, 8000, unit="count", kind="level", text="8,000 enterprises", modality="target"),
        make_metric(url, 3, 3.5, text="3.5%", modality="forecast"),
        make_metric(url, 4, 17.6),  # staged before the fields existed: no keys at all
    ]
    for key in ("denominator", "place", "modality"):
        metrics[4].pop(key, None)
    load_run(make_run_dir(tmp_path, [make_article(url)], metrics, run_id="run-ctx"), pg_url)
    assert rows(pg_url, "SELECT position, denominator, place, modality FROM news.v_metrics ORDER BY position") == [
        (0, "gdp", None, "actual"), (1, None, "Hangzhou", "actual"), (2, None, None, "target"),
        (3, None, None, "forecast"), (4, None, None, "actual")]
    # reloading the same rows rewrites nothing; a changed modality rewrites the set
    again = load_run(make_run_dir(tmp_path, [make_article(url)], metrics, run_id="run-ctx2"), pg_url)
    assert again.metrics_written == 0
    metrics[3]["modality"] = "target"
    changed = load_run(make_run_dir(tmp_path, [make_article(url)], metrics, run_id="run-ctx3"), pg_url)
    assert changed.metrics_written == 5
    with pytest.raises(psycopg2.errors.CheckViolation):
        with psycopg2.connect(pg_url) as conn, conn.cursor() as cur:
            cur.execute("UPDATE news.metrics SET modality = 'rumour' WHERE position = 0")


def test_copy_statements_match_the_client_column_order() -> None:
    from warehouse import copyrows, sql

    def columns(statement: str) -> tuple[str, ...]:
        return tuple(c.strip() for c in statement.split("(", 1)[1].split(")", 1)[0].split(","))

    assert columns(sql.COPY_STAGE["articles"]) == copyrows.ARTICLE_COLUMNS
    assert columns(sql.COPY_STAGE["metrics"]) == copyrows.METRIC_COLUMNS
    assert columns(sql.COPY_STAGE["orphans"]) == copyrows.ORPHAN_COLUMNS


def test_quarantined_article_pages_join_the_incremental_seen_set(pg_url: str, tmp_path: Path) -> None:
    """A page quarantined by a loaded run (validation or the transform) is not fetched again by
    the next incremental crawl, so one bad page cannot fail every later run."""
    from warehouse.queries import stored_article_urls

    assert stored_article_urls("ningbolife", pg_url) == []  # no schema yet: nothing stored
    load_run(full_run(tmp_path), pg_url)
    life = stored_article_urls("ningbolife", pg_url)
    assert BASE + "9.html" in life                          # quarantined by validation
    assert {BASE + "1.html", BASE + "2.html"} <= set(life)  # stored
    assert BASE + "9.html#0" not in life                    # a metric's key is no page
    assert stored_article_urls("ningbo_gov", pg_url) == sorted([GOV + "art_1.html", GOV + "empty.html"])


def test_the_load_gate_refuses_blocked_or_unvalidated_runs_unless_forced(pg_url: str, tmp_path: Path) -> None:
    from newsetl import steps

    articles, metrics = three_articles()
    never = make_run_dir(tmp_path, articles, metrics, run_id="run-never")  # validation/ rows, no summary
    blocked = make_run_dir(tmp_path, articles, metrics, run_id="run-blocked",
                           summary={**SUMMARY, "batch_failed": True,
                                    "batch_failed_reasons": ["articles: 3 of 10 quarantined (> 20% and at least 3)"]})
    with pytest.raises(steps.LoadRefused, match="run-never was never validated"):
        steps.load(str(never), database_url=pg_url)
    env = {**os.environ, "NEWSETL_DATABASE_URL": pg_url}
    cli = subprocess.run([sys.executable, "-m", "newsetl.cli", "load", str(blocked)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert cli.returncode == 2 and cli.stdout == ""
    assert cli.stderr.strip() == ("newsetl load: run run-blocked: validation blocked the load (articles: 3 of 10 "
                                  "quarantined (> 20% and at least 3)); load the rows that passed anyway with --force")
    assert rows(pg_url, "SELECT to_regclass('news.articles') IS NULL") == [(True,)]  # nothing touched
    forced = steps.load(str(blocked), database_url=pg_url, force=True)
    assert forced["forced"] is True and forced["articles_inserted"] == 3
    assert rows(pg_url, "SELECT load_result->>'forced' FROM news.crawl_runs WHERE run_id = 'run-blocked'") == [
        ("true",)]


def test_a_forced_load_of_a_run_whose_every_row_was_quarantined_is_refused_and_stays_blocked(
        pg_url: str, tmp_path: Path) -> None:
    """`load --force` of a run validation blocked with every row quarantined loaded 0 rows, exited 0, and
    `newsetl runs` listed it as `loaded`. --force loads only the rows that passed: with none, the load is
    refused (one line: nothing was loadable, why, and `newsetl quarantine accept`), exit 2, and the run
    stays blocked with its quarantine stored (so `quarantine accept` finds the rows)."""
    from newsetl import steps, summaries
    from warehouse.queries import last_run_per_source, recent_runs

    articles, metrics = three_articles()
    quarantine = ([{"table": "articles", "key": a["url"], "stage": "validate", "reasons": ["body_boilerplate"],
                    "record": a} for a in articles]
                  + [{"table": "metrics", "key": f"{m['article_url']}#{m['position']}", "stage": "validate",
                      "reasons": ["article_quarantined"], "record": m} for m in metrics])
    reason = "articles: 3 of 3 quarantined (> 20% and at least 3)"
    run = make_run_dir(tmp_path, [], [], quarantine, run_id="run-allbad", crawl_report=CRAWL_REPORT, summary={
        "articles_total": 3, "articles_accepted": 0, "articles_quarantined": 3,
        "metrics_total": 6, "metrics_accepted": 0, "metrics_quarantined": 6, "critical_success": False,
        "batch_failed": True, "batch_failed_reasons": [reason],
        "failed_expectations": [
            {"suite": "articles.critical", "expectation": "body_boilerplate", "column": "body", "unexpected_count": 3},
            {"suite": "metrics.critical", "expectation": "article_quarantined", "column": "article_url",
             "unexpected_count": 6}]})
    env = {**os.environ, "NEWSETL_DATABASE_URL": pg_url}
    cli = subprocess.run([sys.executable, "-m", "newsetl.cli", "load", "--force", str(run)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert cli.returncode == 2 and cli.stdout == ""
    [line] = [x for x in cli.stderr.splitlines() if x.startswith("newsetl load:")]
    assert line == ("newsetl load: run run-allbad: nothing to load with --force: 0 of 3 articles and 0 of 6 metrics "
                    "passed validation, and --force loads only the rows that passed (quarantined: article_quarantined "
                    "6, body_boilerplate 3); nothing loaded, the run stays blocked. A quarantined article is loaded "
                    "with `newsetl quarantine accept URL` (`newsetl quarantine list` shows them)")
    assert not (run / "load_result.json").exists()
    # the run reads as blocked everywhere, its quarantine is there for `newsetl quarantine accept`
    assert rows(pg_url, "SELECT status, load_result->'blocked_reasons', load_result->>'forced' "
                        "FROM news.crawl_runs") == [("blocked", [reason], None)]
    assert rows(pg_url, "SELECT count(*) FROM news.articles") == [(0,)]
    assert rows(pg_url, "SELECT table_name, count(*) FROM news.quarantine GROUP BY 1 ORDER BY 1") == [
        ("articles", 3), ("metrics", 6)]
    [listed] = recent_runs(pg_url)
    assert summaries.runs([listed]).split()[:2] == ["run-allbad", "blocked"]
    assert {s["status"] for s in last_run_per_source(pg_url).values()} == {"blocked"}
    with pytest.raises(steps.LoadRefused, match="nothing to load with --force"):  # the same through the step
        steps.load(str(run), database_url=pg_url, force=True)
    # without --force the refusal advised "load it anyway with --force", which then refused: not offered
    plain = subprocess.run([sys.executable, "-m", "newsetl.cli", "load", str(run)], capture_output=True,
                           text=True, env=env, timeout=120)
    assert plain.returncode == 2 and plain.stderr.strip() == (
        f"newsetl load: run run-allbad: validation blocked the load ({reason}); no article passed validation, so "
        "--force has nothing to load: a quarantined article is loaded with `newsetl quarantine accept URL` "
        "(`newsetl quarantine list` shows them)")


def test_runs_and_status_say_when_a_run_was_loaded_with_force(pg_url: str, tmp_path: Path) -> None:
    """A forced load of the rows that passed is not a normal load: `runs` and `status` say "(forced)"."""
    from newsetl import steps, summaries
    from warehouse.queries import last_run_per_source, recent_runs

    articles, metrics = three_articles()
    run = make_run_dir(tmp_path, articles, metrics, run_id="run-forced", crawl_report=CRAWL_REPORT,
                       summary={**SUMMARY, "batch_failed": True, "batch_failed_reasons": ["too many"]})
    steps.load(str(run), database_url=pg_url, force=True)
    [listed] = recent_runs(pg_url)
    assert summaries.runs([listed]).split()[:3] == ["run-forced", "loaded", "(forced)"]
    last = last_run_per_source(pg_url)
    assert last and all(s["forced"] is True and s["status"] == "loaded" for s in last.values())
    assert "(loaded (forced), started" in summaries.status({"sources": last})


def test_a_validation_older_than_the_staged_rows_is_not_loaded_unless_forced(pg_url: str, tmp_path: Path) -> None:
    """A transform rerun after `validate` (one source's archive emptied: 48 articles -> 26) was loaded with
    the earlier validation's 48 articles and 683 metrics, exit 0. The validation records the fingerprints
    of what it validated (content, not mtimes); the load compares them with the run's files."""
    from core import rundir
    from newsetl import steps

    words = " ".join(f"Ningbo's research institutes reported progress on project {n}." for n in range(30))
    articles = [make_article(f"{BASE}{i}.html", title=f"Story {i}", body=f"R&D expenditures rose by 17.6% in 2019. "
                             f"{words} ({i})", run_id="run-rerun") for i in (1, 2, 3)]
    metrics = [make_metric(a["url"], run_id="run-rerun") for a in articles]
    run = make_run_dir(tmp_path, [], [], run_id="run-rerun", crawl_report={
        "sources": {"ningbolife": {"articles": {"new": 3, "unchanged": 0, "failed": 0}}}})
    paths = rundir.RunPaths(run)
    rundir.write_jsonl(paths.staged_articles, articles)
    rundir.write_jsonl(paths.staged_metrics, metrics)
    summary = steps.validate(str(run), alert=False, database_url=pg_url)
    assert summary["articles_total"] == 3 and not summary["batch_failed"]
    recorded = rundir.read_json(paths.summary)["inputs"]
    assert set(recorded) == {"staged/articles.jsonl", "staged/metrics.jsonl", "staged/rejects.jsonl",
                             "crawl_report.json"}
    assert recorded["staged/articles.jsonl"] == rundir.file_fingerprint(paths.staged_articles)
    # the transform again, with one article fewer: same size class, same second, other content
    stat = paths.staged_articles.stat()
    rundir.write_jsonl(paths.staged_articles, articles[:2])
    rundir.write_jsonl(paths.staged_metrics, [m for m in metrics if m["article_url"] != articles[2]["url"]])
    os.utime(paths.staged_articles, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # mtimes tell nothing
    env = {**os.environ, "NEWSETL_DATABASE_URL": pg_url}
    cli = subprocess.run([sys.executable, "-m", "newsetl.cli", "load", str(run)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert cli.returncode == 2 and cli.stdout == ""
    assert cli.stderr.strip() == (
        f"newsetl load: run run-rerun: its validation is older than the run's data (staged/articles.jsonl, "
        f"staged/metrics.jsonl changed since it was validated): run `newsetl validate {run}` first, or load the "
        f"earlier validation's rows anyway with --force")
    assert rows(pg_url, "SELECT to_regclass('news.articles') IS NULL") == [(True,)]  # nothing loaded
    assert not paths.load_result.exists()
    forced = steps.load(str(run), database_url=pg_url, force=True)  # the earlier validation's rows, as forced
    assert forced["forced"] is True and forced["articles_inserted"] == 3
    steps.validate(str(run), alert=False, database_url=pg_url)
    again = steps.load(str(run), database_url=pg_url)
    assert again["forced"] is False and again["articles_unchanged"] == 2
    # a crawl report changed since (another source crawled into the run) is refused the same way
    rundir.write_json(paths.crawl_report, {"sources": {"ningbo_gov": {"articles": {"new": 1}}}})
    with pytest.raises(steps.LoadRefused, match=r"\(crawl_report.json changed since it was validated\)"):
        steps.load(str(run), database_url=pg_url)
    # a summary written before validations recorded their inputs is loaded as before
    rundir.write_json(paths.summary, {k: v for k, v in rundir.read_json(paths.summary).items() if k != "inputs"})
    assert steps.load(str(run), database_url=pg_url)["forced"] is False


def test_a_stored_article_found_again_under_another_url_of_its_source_is_not_stored_twice(
        pg_url: str, tmp_path: Path) -> None:
    """A later run finds the content of a stored article under another URL of the same source (Joomla
    serves it under another category path): it was inserted as a second article with the same content,
    one story, and only `stories_joined` said so. Now it is not stored, not quarantined, and named."""
    from newsetl import summaries
    from warehouse.queries import recent_runs, stored_article_urls

    articles, metrics = three_articles()
    load_run(make_run_dir(tmp_path, articles, metrics, run_id="run-A"), pg_url)
    other_path = dict(articles[0], url=BASE.replace("ningbo-news", "business-news") + "1.html",
                      fetched_at="2026-11-21T08:00:00+00:00")
    new = make_article(BASE + "4.html", title="Story 4")
    # the same text on another source is another article (one story: transforms.stories), stored
    other_source = dict(articles[1], url=GOV + "art_2.html", source="ningbo_gov")
    staged = [other_path, new, other_source, articles[2]]
    run_b = make_run_dir(tmp_path, staged, [make_metric(a["url"], 0) for a in staged], run_id="run-B")
    result = load_run(run_b, pg_url)

    assert (result.articles_inserted, result.articles_unchanged, result.articles_duplicate) == (2, 1, 1)
    assert result.duplicates == [{"url": other_path["url"], "source": "ningbolife",
                                  "duplicate_of": BASE + "1.html", "stored": True}]
    assert result.metrics_loaded == 3 and result.quarantined == 0  # its metric is not stored, nor quarantined
    assert rows(pg_url, "SELECT url FROM news.articles WHERE content_hash = %s ORDER BY url",
                (articles[0]["content_hash"],)) == [(BASE + "1.html",)]
    assert rows(pg_url, "SELECT count(*) FROM news.metrics m JOIN news.articles a USING (article_id) "
                        "WHERE a.url = %s", (BASE + "1.html",)) == [(2,)]  # run A's set, untouched
    assert rows(pg_url, "SELECT url FROM news.articles ORDER BY url") == [
        (GOV + "art_1.html",), (GOV + "art_2.html",), (BASE + "1.html",), (BASE + "2.html",), (BASE + "4.html",)]
    recorded = rows(pg_url, "SELECT status, load_result->'articles_duplicate', load_result->'duplicates' "
                            "FROM news.crawl_runs WHERE run_id = 'run-B'")
    assert recorded == [("loaded", 1, result.duplicates)]
    # the next incremental crawl skips it as it skips the stored article
    assert other_path["url"] in stored_article_urls("ningbolife", pg_url)
    assert other_path["url"] not in stored_article_urls("ningbo_gov", pg_url)
    line = summaries.load(result.to_dict())
    assert (f"; 1 duplicate page, the content of another URL of its source, kept once: {other_path['url']} "
            f"(= {BASE}1.html)") in line
    # `newsetl runs` counted run B's rows and quarantine and said nothing of the page it stored once
    listed = summaries.runs(recent_runs(pg_url)).splitlines()
    [run_b_line] = [x for x in listed if x.startswith("run-B ")]
    [run_a_line] = [x for x in listed if x.startswith("run-A ")]
    assert "3 articles, 3 metrics, 0 quarantined, 1 duplicate page kept once" in run_b_line, run_b_line
    assert "duplicate" not in run_a_line, run_a_line
    # loading the run again finds the same and changes nothing
    again = load_run(run_b, pg_url)
    assert (again.articles_inserted, again.duplicates) == (0, result.duplicates)
