"""Day-over-day validation against the warehouse, on a real Postgres: earlier runs' crawl
reports (news.crawl_runs) and stored metrics feed the volume and outlier rules of
`steps.validate`; an unreachable warehouse only turns those rules off."""
from __future__ import annotations

import contextlib
import json
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from helpers import content_hash, make_article, make_metric, make_run_dir

from devtools import free_port, refused_port
from devtools.smtp_sink import hung_relay, start_sink
from newsetl import steps, summaries
from warehouse.load import load_run
from warehouse.queries import source_history, subject_medians

SPEND = {"unit": "CNY", "kind": "level", "subject": "r&d spending", "period": "2019"}
FETCHED_AT = "2026-11-21T06:05:00+00:00"
BODY = ("Ningbo's investment in high-tech industries increased by 17.6% year-on-year from January "
        "to May, and the value added of high-tech industries accounted for 55.1% of the total. "
        "The city introduced 69 industrial technology research institutes and will further build "
        "a science and technology enterprise forest with a development echelon of technological "
        "small and medium-sized enterprises, the municipal science bureau said on Monday. "
        "Researchers from local universities joined the programme this year.")
LEAK = "\n\nText Size: A A A"           # page furniture leaking into a body: critical
GOOD_ARTICLES = 6


def crawl_report(started: str | None, **seen: tuple[int, int]) -> dict[str, Any]:
    """A run's crawl_report.json: per source (new, unchanged) articles, started at `started`."""
    return {"sources": {name: {"source": name, "started_at": started, "finished_at": started,
                               "articles": {"new": new, "unchanged": unchanged, "failed": 0}}
                        for name, (new, unchanged) in seen.items()}}


def staged_run(run_dir: Path, report: dict[str, Any] | None = None, bad_article: bool = False) -> Path:
    """A transformed run: GOOD_ARTICLES clean articles with one metric each (+ one leaky one)."""
    articles, metrics = [], []
    for i in range(GOOD_ARTICLES + int(bad_article)):
        body = f"Report {i}. {BODY}" + (LEAK if bad_article and i == GOOD_ARTICLES else "")
        title = f"Ningbo high-tech investment report {i}"
        url = f"http://english.ningbo.gov.cn/art/2026/11/21/art_{i}.html"
        articles.append({
            "url": url, "source": "ningbo_gov", "title": title, "published": "2026-11-20",
            "section": "Sci-Tech", "body": body, "captions": [], "language": "en",
            "word_count": len(body.split()), "content_hash": content_hash(title, body),
            "scitech": True, "scitech_score": 5.0, "fetched_at": FETCHED_AT, "run_id": run_dir.name})
        start = body.index("17.6%")
        metrics.append({"value": 17.6, "unit": "percent", "kind": "change",
                        "subject": "investment in high-tech industries", "period": "2026-01..2026-05",
                        "qualifier": None, "text": "17.6%", "article_url": url, "position": 0,
                        "char_start": start, "char_end": start + 5, "run_id": run_dir.name})
    staged = run_dir / "staged"
    staged.mkdir(parents=True)
    for name, rows in (("articles", articles), ("metrics", metrics)):
        (staged / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    if report is not None:
        (run_dir / "crawl_report.json").write_text(json.dumps(report), encoding="utf-8")
    return run_dir


def _load(tmp_path: Path, url: str, run_id: str, started: str | None, metrics_values=(),
          **seen: tuple[int, int]) -> None:
    """Load one earlier run: its crawl report (per-source new/unchanged) and some metrics."""
    art = make_article(f"http://www.ningbolife.com/index.php/ningbo-news/{run_id}.html")
    mets = [make_metric(art["url"], i, value=v, text="17.6%", **SPEND) for i, v in enumerate(metrics_values)]
    root = make_run_dir(tmp_path, [art], mets, run_id=run_id,
                        crawl_report=crawl_report(started, **seen) if seen else None)
    load_run(root, url=url, run_id=run_id)


@pytest.fixture()
def stored(tmp_path, pg_url) -> str:
    """Three loaded runs a day apart; r2 crawled ningbo_gov only; r0 has no crawl report."""
    _load(tmp_path, pg_url, "r0", None)
    _load(tmp_path, pg_url, "r1", "2026-11-18T06:00:00+00:00", (1.0e9, 1.2e9),
          ningbo_gov=(26, 0), ningbolife=(22, 0))
    _load(tmp_path, pg_url, "r2", "2026-11-19T06:00:00+00:00", (0.8e9,), ningbo_gov=(2, 23))
    _load(tmp_path, pg_url, "r3", "2026-11-20T06:00:00+00:00", (5.0e8,),
          ningbo_gov=(0, 24), ningbolife=(1, 21))
    return pg_url


def test_source_history_lists_earlier_runs_most_recent_first(stored):
    assert source_history(stored, "new_run") == {"ningbo_gov": [24, 25, 26], "ningbolife": [22, 22]}
    # a stored run's history is the runs started before it, never itself
    assert source_history(stored, "r3") == {"ningbo_gov": [25, 26], "ningbolife": [22]}
    assert source_history(stored, "new_run", before="2026-11-19T12:00:00+00:00") == \
        {"ningbo_gov": [25, 26], "ningbolife": [22]}
    assert source_history(stored, "new_run", runs=1) == {"ningbo_gov": [24], "ningbolife": [22]}


def test_subject_medians_of_stored_levels(stored):
    key = ("CNY", "r&d spending")
    assert subject_medians(stored, [key, ("CNY", "gdp")], "new_run") == {key: (9.0e8, 4)}
    assert subject_medians(stored, [("CNY", " R&D Spending")], "r3") == {key: (1.0e9, 3)}
    assert subject_medians(stored, [], "new_run") == {}


def test_a_database_without_the_schema_has_no_history(pg_url):
    assert source_history(pg_url, "new_run") == {}
    assert subject_medians(pg_url, [("CNY", "gdp")], "new_run") == {}


def test_validate_warns_on_a_volume_drop_against_the_warehouse(stored, tmp_path):
    run_dir = staged_run(tmp_path / "today", crawl_report("2026-11-21T06:00:00+00:00",
                                                          ningbo_gov=(1, 6), ningbolife=(2, 20)))
    summary = steps.validate(str(run_dir), alert=False, database_url=stored)
    [drop] = [w for w in summary["warnings"] if w["expectation"] == "volume_drop"]
    assert drop["samples"] == [{"key": "ningbo_gov", "value": {
        "seen": 7, "median_previous": 25.0, "previous": [24, 25, 26]}}]
    assert summary["history"]["available"] is True and "error" not in summary["history"]
    assert summary["batch_failed"] is False
    on_disk = json.loads((run_dir / "validation" / "summary.json").read_text(encoding="utf-8"))
    assert on_disk["history"]["sources"]["ningbolife"]["previous"] == [22, 22]


def test_zero_articles_after_a_run_that_had_some_blocks_the_load_and_mails_once(stored, tmp_path, monkeypatch):
    run_dir = staged_run(tmp_path / "today", crawl_report("2026-11-21T06:00:00+00:00",
                                                          ningbo_gov=(0, 0), ningbolife=(2, 20)))
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
        for _attempt in range(2):        # a rerun of the same run mails nobody again
            with pytest.raises(steps.ValidationGateFailed, match="the previous run saw 24") as failure:
                steps.validate(str(run_dir), database_url=stored)
            assert "on-call already mailed" in str(failure.value)
        mails = sink.messages()
    [mail] = mails
    assert "LOAD BLOCKED" in mail["Subject"] and run_dir.name in mail["Subject"]
    body = mail.get_body(preferencelist=("html",)).get_content()
    assert "source ningbo_gov: crawl found no articles (new or unchanged); the previous run saw 24" in body


@pytest.fixture
def dead():
    """A warehouse DSN whose port refuses connections for the whole test."""
    with refused_port() as port:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"


def test_unreachable_warehouse_only_turns_the_history_rules_off(tmp_path, caplog, dead):
    run_dir = staged_run(tmp_path / "today", crawl_report("2026-11-21T06:00:00+00:00",
                                                          ningbo_gov=(0, 0), ningbolife=(2, 20)))
    with caplog.at_level(logging.WARNING, logger="newsetl.steps"):
        with pytest.raises(steps.ValidationGateFailed) as failure:
            steps.validate(str(run_dir), alert=False, database_url=dead)
    # the no-history rule still holds: a source whose crawl saw nothing fails the batch
    assert "source ningbo_gov: crawl found no articles (new or unchanged)" in str(failure.value)
    assert "previous run" not in str(failure.value)
    assert "warehouse history unavailable" in caplog.text
    summary = json.loads((run_dir / "validation" / "summary.json").read_text(encoding="utf-8"))
    assert summary["history"]["available"] is False
    assert "OperationalError" in summary["history"]["error"]
    assert summary["articles_accepted"] == summary["articles_total"] > 0
    assert not [w for w in summary["warnings"] if w["expectation"] == "volume_drop"]


def test_history_of_a_clean_unreachable_run_still_validates(tmp_path, dead):
    run_dir = staged_run(tmp_path / "today", crawl_report("2026-11-21T06:00:00+00:00",
                                                          ningbo_gov=(1, 6), ningbolife=(2, 20)))
    summary = steps.validate(str(run_dir), alert=False, database_url=dead)
    assert summary["batch_failed"] is False and summary["critical_success"] is True
    assert Path(summary["data_docs"]).is_file()


def test_a_listing_yielding_far_fewer_links_than_usual_is_template_drift(tmp_path, pg_url):
    """Earlier runs stored how many article links each listing entry point yielded; a run
    whose listing yields under half its usual number raises a crawl alert (not blocking)."""
    root = "http://english.ningbo.gov.cn/col/col933/index.html"
    for i, (links, started) in enumerate(((20, "2026-11-18T06:00:00+00:00"), (22, "2026-11-19T06:00:00+00:00"),
                                          (21, "2026-11-20T06:00:00+00:00"))):
        report = crawl_report(started, ningbo_gov=(links, 0))
        report["sources"]["ningbo_gov"]["listing_links"] = {root: links}
        art = make_article(f"http://english.ningbo.gov.cn/art/2026/11/1{i}/art_{i}.html")
        load_run(make_run_dir(tmp_path / f"earlier{i}", [art], [], run_id=f"earlier-{i}", crawl_report=report),
                 url=pg_url, run_id=f"earlier-{i}")
    today = crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(6, 0))
    today["sources"]["ningbo_gov"]["listing_links"] = {root: 4}
    summary = steps.validate(str(staged_run(tmp_path / "today", today)), alert=False, database_url=pg_url)
    assert summary["crawl_alerts"] == [
        f"source ningbo_gov: template drift? listing {root} yielded 4 article links, under 50% of its usual 21"]
    assert summary["batch_failed"] is False
    [drift] = [w for w in summary["warnings"] if w["expectation"] == "template_drift"]
    assert drift["samples"] == [{"key": "ningbo_gov", "value": {"listing": root, "links": 4, "median_previous": 21}}]

    usual = crawl_report("2026-11-22T06:00:00+00:00", ningbo_gov=(6, 0))
    usual["sources"]["ningbo_gov"]["listing_links"] = {root: 19}  # within the usual range: quiet
    quiet = steps.validate(str(staged_run(tmp_path / "usual", usual)), alert=False, database_url=pg_url)
    assert quiet["crawl_alerts"] == []


def test_a_blocked_run_is_recorded_with_its_reasons_and_quarantine_but_not_its_rows(tmp_path, pg_url):
    """The SQL hint in the mail finds what failed: the blocked run has a crawl_runs row
    (status blocked, its reasons) and its quarantined rows; its accepted articles wait."""
    run_dir = staged_run(tmp_path / "blocked", crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(0, 0),
                                                            ningbolife=(2, 20)), bad_article=True)
    with pytest.raises(steps.ValidationGateFailed, match="crawl found no articles"):
        steps.validate(str(run_dir), alert=False, database_url=pg_url)
    conn = psycopg2.connect(pg_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT status, load_result->'blocked_reasons' FROM news.crawl_runs WHERE run_id = %s",
                        (run_dir.name,))
            assert cur.fetchall() == [("blocked", ["source ningbo_gov: crawl found no articles (new or unchanged)"])]
            cur.execute("SELECT stage, table_name, reasons FROM news.quarantine WHERE run_id = %s "
                        "ORDER BY table_name", (run_dir.name,))
            assert cur.fetchall() == [("validate", "articles", ["body_boilerplate"]),
                                      ("validate", "metrics", ["article_quarantined"])]
            cur.execute("SELECT count(*) FROM news.articles")
            assert cur.fetchone() == (0,)
    finally:
        conn.close()
    forced = steps.load(str(run_dir), database_url=pg_url, force=True)  # on-call decides to load it
    assert forced["forced"] is True and forced["articles_inserted"] == GOOD_ARTICLES


@pytest.mark.parametrize("relay", ["refused", "hung"])
def test_an_alert_the_relay_did_not_take_is_mailed_later_exactly_once(tmp_path, pg_url, monkeypatch, relay):
    """The relay refuses connections, or accepts them and never answers (a real socket server
    on loopback; the connection has no timeout extra): the tries give up in bounded time, the
    alert waits in the outbox, and once the relay is up the next validation mails it once."""
    from newsetl import alerts
    from warehouse import outbox

    monkeypatch.setattr(alerts, "DELIVERY_BACKOFF_S", 0.01 if relay == "refused" else 0.5)
    monkeypatch.setenv("NEWSETL_SMTP_TIMEOUT", "3")
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    failing = staged_run(tmp_path / "failing", crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(7, 0)),
                         bad_article=True)
    with contextlib.ExitStack() as down:
        if relay == "hung":
            silent = down.enter_context(hung_relay())
            port, uri = silent.port, silent.conn_uri
        else:
            port = free_port()
            with start_sink(tmp_path / "probe", port=port) as probe:
                uri = probe.conn_uri  # the relay's address; it is down from here on
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", uri)
        with _records("newsetl.alerts") as records:
            first = steps.validate(str(failing), database_url=pg_url)
        if relay == "hung":
            assert silent.accepted == alerts.DELIVERY_TRIES   # every try reached the relay and waited
    # measured from the first try's start to the last try's failure (the log records' clock)
    tries = [r.created for r in records if "delivery try" in r.getMessage()]
    failures = [r.created for r in records if "could not be sent" in r.getMessage()]
    assert len(tries) == len(failures) == alerts.DELIVERY_TRIES
    took = failures[-1] - tries[0]
    assert took < 30, f"{alerts.DELIVERY_TRIES} tries with a {relay} relay took {took:.1f} s"
    if relay == "hung":
        assert took >= alerts.DELIVERY_TRIES * 3 - 0.5   # each try waited out NEWSETL_SMTP_TIMEOUT
    assert first["articles_quarantined"] == 1 and first["alert_sent"] is False
    [pending] = outbox.pending(pg_url, alerts.MAX_DELIVERY_ATTEMPTS)
    assert pending.run_id == "failing" and pending.attempts == alerts.DELIVERY_TRIES
    if relay == "hung":
        assert "timed out" in _last_error(pg_url, pending.alert_id)

    with start_sink(tmp_path / "mail", port=port) as sink:  # the relay is back
        clean = staged_run(tmp_path / "clean", crawl_report("2026-11-22T06:00:00+00:00", ningbo_gov=(6, 0)))
        assert steps.validate(str(clean), database_url=pg_url)["alert_sent"] is False  # nothing of its own
        again = steps.validate(str(failing), database_url=pg_url)  # a rerun of the failing run
        mails = sink.messages()
    assert again["alert_repeated"] is True
    [mail] = mails
    assert mail["Subject"].startswith("[newsetl] validation failure: ningbo_gov")
    assert mail["Subject"].endswith("(run failing)")
    assert [p.get_content_type() for p in mail.iter_parts()] == ["text/plain", "text/html"]
    assert outbox.pending(pg_url, alerts.MAX_DELIVERY_ATTEMPTS) == [] and outbox.count_pending(pg_url) == 0


def test_retrying_undelivered_alerts_stops_at_the_first_try_a_hung_relay_does_not_answer(pg_url, monkeypatch):
    from newsetl import alerts
    from warehouse import outbox
    from warehouse.db import upgrade

    upgrade(pg_url)
    first = outbox.enqueue(pg_url, "r1", "f1", "s1", "<p>one</p>", ["oncall@example.org"])
    second = outbox.enqueue(pg_url, "r2", "f2", "s2", "<p>two</p>", ["oncall@example.org"])
    monkeypatch.setenv("NEWSETL_SMTP_TIMEOUT", "2")
    with hung_relay() as silent:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", silent.conn_uri)
        started = time.monotonic()
        assert alerts.retry_undelivered(pg_url) == (0, 2)
        took = time.monotonic() - started
        assert silent.accepted == 1   # the second alert was not tried against the silent relay
    assert 1.5 < took < 10, took
    attempts = {a.alert_id: a.attempts for a in outbox.pending(pg_url, alerts.MAX_DELIVERY_ATTEMPTS)}
    assert attempts == {first.alert_id: 1, second.alert_id: 0}


def test_with_no_recipients_an_alert_is_logged_and_waits_without_spending_tries(pg_url, monkeypatch):
    # NEWSETL_ALERT_EMAILS unset (the documented default: alerts are logged): each alert was "tried" three
    # times with backoff and used up its tries, so setting recipients later never mailed it
    from newsetl import alerts
    from warehouse import outbox

    monkeypatch.delenv("NEWSETL_ALERT_EMAILS", raising=False)
    with _records("newsetl.alerts") as records:
        outcome = alerts.alert_via_outbox(pg_url, Path("/nonexistent/marker"), "r1", "f1", "[newsetl] s1",
                                          "<p>one</p>")
        assert alerts.retry_undelivered(pg_url) == (0, 1)
    assert outcome.delivered is False
    # no try (each logs "delivery try"), hence no backoff either: it sleeps only before a second try
    assert not [r for r in records if "delivery try" in r.getMessage()]
    assert any("not mailed: no recipients configured (NEWSETL_ALERT_EMAILS)" in r.getMessage() and "[newsetl] s1"
               in r.getMessage() for r in records)
    [alert] = outbox.pending(pg_url, alerts.MAX_DELIVERY_ATTEMPTS)
    assert alert.attempts == 0
    with start_sink(Path(tempfile.mkdtemp())) as sink:  # recipients set and a relay up: the next retry mails it
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
        assert alerts.retry_undelivered(pg_url) == (1, 0)
        [mail] = sink.messages()
    assert mail["Subject"] == "[newsetl] s1" and mail["To"] == "oncall@example.org"


@contextlib.contextmanager
def _records(name: str):
    """The log records of logger `name` while the block runs (a handler of its own, so whatever
    Airflow's logging setup does with propagation, the records are seen)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger(name)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _last_error(url: str, alert_id: int) -> str:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT last_error FROM news.alert_outbox WHERE alert_id = %s", (alert_id,))
            return str(cur.fetchone()[0])
    finally:
        conn.close()


def test_an_article_on_call_accepted_is_not_quarantined_again_with_the_same_content(tmp_path, pg_url):
    """A --full crawl fetches an accepted article again: the same content is not judged (and
    alerted on) again, it is named in the summary; a changed content is validated as any other."""
    from warehouse.quarantine import accept

    def run(name: str, started: str, body_tail: str = "") -> Path:
        run_dir = staged_run(tmp_path / name, crawl_report(started, ningbo_gov=(7, 0)), bad_article=True)
        if body_tail:  # the leaky article's content changed since it was accepted
            path = run_dir / "staged" / "articles.jsonl"
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            rows[-1]["body"] += body_tail
            rows[-1]["content_hash"] = content_hash(rows[-1]["title"], rows[-1]["body"])
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return run_dir

    first = run("first", "2026-11-20T06:00:00+00:00")
    summary = steps.validate(str(first), alert=False, database_url=pg_url)
    assert summary["articles_quarantined"] == 1 and summary["accepted_before"]["total"] == 0
    steps.load(str(first), database_url=pg_url)
    leaky = f"http://english.ningbo.gov.cn/art/2026/11/21/art_{GOOD_ARTICLES}.html"
    [decision] = accept(pg_url, [leaky], by="oncall", note="the leak is the article's own text")
    assert decision["loaded"] is True

    again = run("again", "2026-11-21T06:00:00+00:00")
    summary = steps.validate(str(again), alert=False, database_url=pg_url)
    assert (summary["articles_quarantined"], summary["metrics_quarantined"]) == (0, 0)
    assert summary["critical_success"] is True and summary["failed_expectations"] == []
    assert summary["articles_accepted"] == GOOD_ARTICLES + 1
    assert summary["accepted_before"] == {"total": 1, "sources": {"ningbo_gov": 1},
                                          "pages": [{"url": leaky, "source": "ningbo_gov"}]}
    line = summaries.validate(summary)
    assert f"1 article on-call accepted before with this content (newsetl quarantine accept), " \
           f"not validated again: {leaky}" in line
    result = steps.load(str(again), database_url=pg_url)
    assert result["articles_unchanged"] == GOOD_ARTICLES + 1 and result["quarantined"] == 0

    changed = run("changed", "2026-11-22T06:00:00+00:00", body_tail=" Updated.")
    summary = steps.validate(str(changed), alert=False, database_url=pg_url)
    assert summary["articles_quarantined"] == 1 and summary["accepted_before"]["total"] == 0


def test_a_page_on_call_accepted_as_rejected_is_not_counted_or_quarantined_again(tmp_path, pg_url):
    """A page the transform rejects (a photo gallery under an article URL) that on-call accepted: a --full crawl
    fetches it again and the transform rejects it again. The same page is named in the summary, not counted
    among the rejects (three such pages of a small source would fail its batch as a changed template) and not
    quarantined again (it stays `accepted`); a changed page is counted and quarantined as any other."""
    from warehouse.quarantine import accept

    gallery = "http://english.ningbo.gov.cn/art/2026/11/21/art_gallery.html"

    def run(name: str, started: str, html: str = "<html><body><div class=gallery></div></body></html>") -> Path:
        run_dir = staged_run(tmp_path / name, crawl_report(started, ningbo_gov=(GOOD_ARTICLES + 1, 0)))
        page = {"url": gallery, "source": "ningbo_gov", "status": 200, "fetched_at": FETCHED_AT, "html": html}
        reject = steps._reject(page, ["empty: no article body"])  # what the transform stages for it
        (run_dir / "staged" / "rejects.jsonl").write_text(json.dumps(reject) + "\n", encoding="utf-8")
        return run_dir

    def state() -> str:
        rows = _rows(pg_url, "SELECT state FROM news.v_quarantined_urls WHERE url = %s", (gallery,))
        return str(rows[0][0])

    first = run("first", "2026-11-20T06:00:00+00:00")
    summary = steps.validate(str(first), alert=False, database_url=pg_url)
    assert summary["transform_rejects"]["total"] == 1 and summary["rejects_accepted_before"]["total"] == 0
    assert steps.load(str(first), database_url=pg_url)["quarantined"] == 1
    [decision] = accept(pg_url, [gallery], by="oncall", note="a photo gallery, not an article")
    assert decision["stage"] == "transform" and state() == "accepted"

    again = run("again", "2026-11-21T06:00:00+00:00")
    summary = steps.validate(str(again), alert=False, database_url=pg_url)
    assert summary["transform_rejects"]["total"] == 0 and summary["warnings"] == []
    assert summary["rejects_accepted_before"] == {"total": 1, "sources": {"ningbo_gov": 1},
                                                  "pages": [{"url": gallery, "source": "ningbo_gov"}]}
    assert ("1 page the transform rejected again as on-call accepted it before (newsetl quarantine accept), "
            f"not counted or quarantined again: {gallery}") in summaries.validate(summary)
    assert steps.load(str(again), database_url=pg_url)["quarantined"] == 0
    assert state() == "accepted"

    changed = run("changed", "2026-11-22T06:00:00+00:00", html="<html><body><div class=video></div></body></html>")
    summary = steps.validate(str(changed), alert=False, database_url=pg_url)
    assert summary["transform_rejects"]["total"] == 1 and summary["rejects_accepted_before"]["total"] == 0
    assert steps.load(str(changed), database_url=pg_url)["quarantined"] == 1
    assert state() == "quarantined"


def _rows(url: str, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()
    finally:
        conn.close()
