"""Alert mail reaches a real SMTP server on loopback as multipart/alternative (text + HTML)
naming its kind and source; a dead or hung relay is logged, not raised, and costs seconds; one
mail per run: a re-validated run with the same failures, or the validate task failing after
its alert, mails nobody again."""
from __future__ import annotations

import contextlib
import html
import json
import logging
import os
import re
import time
from email.message import EmailMessage
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_validation_history import crawl_report, staged_run

from devtools import refused_port
from devtools.smtp_sink import hung_relay, start_sink
from newsetl import steps
from newsetl.alerts import (
    ALERT_ALREADY_SENT_NOTE,
    KIND_NAMES,
    WHAT_TO_DO,
    alert_fingerprint,
    deliver,
    send_alert,
    send_alert_once,
    task_failure_alert,
    task_failure_notifier,
    validation_alert,
)
from newsetl.mail import relay_settings

ROOT = Path(__file__).resolve().parents[1]

SUMMARY = {
    "articles_total": 10, "articles_accepted": 9, "articles_quarantined": 1,
    "metrics_total": 40, "metrics_accepted": 39, "metrics_quarantined": 1,
    "critical_success": False, "batch_failed": False,
    "failed_expectations": [
        {"suite": "articles.critical", "expectation": "expect_column_values_to_not_match_regex_list",
         "column": "body", "unexpected_count": 4,
         "samples": [{"key": "http://x/a.html", "value": "Visit Charity Shop"}, "b", "c", "d"]},
        {"suite": "metrics.critical", "expectation": "expect_column_values_to_be_in_set",
         "column": "unit", "unexpected_count": 1, "samples": ["http://x/a.html#3"]},
    ],
    "warnings": [], "data_docs": "/runs/r1/validation/data_docs/index.html",
}


def test_validation_alert_names_run_counts_reasons_samples_and_docs():
    subject, body = validation_alert(SUMMARY, "r1", data_docs_base="")
    assert subject == "[newsetl] validation failure: 1 article, 1 metric quarantined (run r1)"
    assert "LOAD BLOCKED" not in subject
    assert "expect_column_values_to_not_match_regex_list" in body and "unit" in body
    assert 'page: <a href="http://x/a.html">http://x/a.html</a>' in body
    assert "failing value: <code>Visit Charity Shop</code>" in body
    assert "<code>c</code>" in body and "<code>d</code>" not in body  # 3 samples, not 4
    # no base URL: the file path on the worker, and the mail says so
    assert 'href="file:///runs/r1/validation/data_docs/index.html"' in body
    assert "NEWSETL_DATA_DOCS_BASE_URL is not set" in body
    blocked, _ = validation_alert({**SUMMARY, "batch_failed": True}, "r1")
    assert "LOAD BLOCKED" in blocked


def test_alert_is_delivered_to_a_real_smtp_server(tmp_path, monkeypatch):
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org, second@example.org")
        subject, body = validation_alert(SUMMARY, "r1")
        assert send_alert(subject, body) is True
        [msg] = sink.messages()
    assert msg["Subject"] == subject
    assert "oncall@example.org" in msg["To"] and "second@example.org" in msg["To"]
    text, html = _parts(msg)
    assert "data_docs/index.html" in html and "data_docs/index.html" in text
    assert "Visit Charity Shop" in text and "<code>" not in text


def test_a_bad_smtp_timeout_setting_still_lets_the_mail_out(tmp_path, monkeypatch, caplog):
    """A run with NEWSETL_SMTP_TIMEOUT=abc fails at its start (config.check_settings); the task-failure
    mail saying so went through relay_settings, which raised the same error: on-call got nothing.
    The mail goes out on the default timeout, and the bad value is logged."""
    monkeypatch.setenv("NEWSETL_SMTP_TIMEOUT", "abc")
    logger = logging.getLogger("newsetl.mail")
    logger.addHandler(caplog.handler)
    try:
        with start_sink(tmp_path / "mail") as sink, caplog.at_level(logging.ERROR, logger="newsetl.mail"):
            monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
            assert relay_settings().timeout == 10.0
            assert send_alert("run failed", "<p>NEWSETL_SMTP_TIMEOUT must be a number</p>", ["oncall@example.org"])
            [msg] = sink.messages()
    finally:
        logger.removeHandler(caplog.handler)
    assert msg["Subject"] == "run failed"
    assert "NEWSETL_SMTP_TIMEOUT must be a number, got 'abc'; alert mail waits the default 10 s" in caplog.text


def test_unreachable_smtp_is_logged_not_raised(monkeypatch, caplog, dead_smtp):
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", dead_smtp)
    # caplog's handler on the logger itself: Airflow's logging setup, run by an earlier in-process
    # Airflow call in the same xdist worker, reconfigures the loggers, so the root handler caplog
    # listens on may not see this record; a handler on the logger sees it either way.
    logger = logging.getLogger("newsetl.alerts")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.ERROR, logger="newsetl.alerts"):
            assert send_alert("s", "b", ["oncall@example.org"]) is False
    finally:
        logger.removeHandler(caplog.handler)
    assert "could not be sent" in caplog.text


def test_no_recipients_means_no_mail(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSETL_ALERT_EMAILS", raising=False)
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        assert send_alert("s", "b") is False
        assert sink.messages() == []


# --------------------------------------------------------------------------- content

def test_alert_names_the_dag_run_and_lists_batch_reasons_and_warning_counts():
    summary = {**SUMMARY, "batch_failed": True,
               "batch_failed_reasons": ["source ningbo_gov: crawl found no articles (new or unchanged)"],
               "warnings": [
                   {"suite": "metrics.warning", "expectation": "subject_not_null", "column": "subject",
                    "unexpected_count": 154, "samples": [{"key": "http://x/b.html#0", "value": None}]},
                   {"suite": "articles.warning", "expectation": "volume_drop", "column": "source",
                    "unexpected_count": 1, "samples": [{"key": "ningbolife", "value": {"seen": 3}}]}],
               "history": {"available": True}}
    subject, body = validation_alert(summary, "scheduled__2026-11-20T22_00_00_00_00",
                                     dag_run_id="scheduled__2026-11-20T22:00:00+00:00")
    assert "DAG run scheduled__2026-11-20T22:00:00+00:00" in subject and "LOAD BLOCKED" in subject
    assert "<li>source ningbo_gov: crawl found no articles (new or unchanged)</li>" in body
    # warnings: one section, one line per expectation with its count, not one mail each
    assert "Warnings (not blocking): 2 expectations" in body
    assert "subject_not_null (metrics.warning): 154 rows" in body
    assert "volume_drop (articles.warning): 1 row e.g." in body
    assert "skipped" not in body
    same_run, _ = validation_alert(summary, "r1", dag_run_id="r1")
    assert "DAG run" not in same_run


def test_the_mail_reads_as_prose_for_this_run_not_as_markdown_or_python():
    # a blocked run's mail said "the rest of the run loads"; `code` showed its backticks in the HTML
    # part; samples read "None" and "{'seen': 3}"; "1 articles"; "metric #0"; "newsetl load RUN_DIR --force"
    title = "<script>alert(`x`)</script> Ningbo `R&D` report"
    blocked = {**SUMMARY, "batch_failed": True, "articles_quarantined": 3,
               "batch_failed_reasons": ["articles: 3 of 10 quarantined (> 20% and at least 3)"],
               "failed_expectations": [
                   {"suite": "metrics.critical", "expectation": "unit_not_null", "column": "unit",
                    "unexpected_count": 1, "samples": [{"key": "http://x/a.html#0", "value": None, "title": title}]},
                   {"suite": "metrics.critical", "expectation": "value_range", "column": ["value", "unit"],
                    "unexpected_count": 2, "samples": [{"key": "http://x/a.html#4",
                                                        "value": {"value": 37541000000.0, "unit": "furlongs"}}]}],
               "warnings": [{"suite": "articles.warning", "expectation": "volume_drop", "column": "source",
                             "unexpected_count": 1, "samples": [{"key": "ningbolife", "value": {
                                 "seen": 3, "median_previous": 10.0, "previous": [12, 9, 11]}}]},
                            {"suite": "articles.warning", "expectation": "template_drift", "column": "source",
                             "unexpected_count": 1, "samples": [{"key": "ningbolife", "value": None}]}],
               "findings": [{"kind": "load_blocked", "source": None, "blocks_load": True,
                             "text": "articles: 3 of 10 quarantined (> 20% and at least 3)"},
                            {"kind": "validation_failure", "source": "ningbolife", "blocks_load": False,
                             "text": "source ningbolife: 3 articles and 1 metric quarantined"}]}
    _, body = validation_alert(blocked, "r9", data_docs_base="", runbook_url="", run_dir="/data/runs/r9")
    assert "the rest of the run loads" not in body
    assert "the rest of the run is not loaded either: the load is blocked" in body
    assert "`" not in body.replace(html.escape(title), "")  # backticks only where the scraped title has them
    assert "<code>newsetl load /data/runs/r9 --force</code>" in body and "RUN_DIR" not in body
    assert "<code>newsetl quarantine accept URL --note &quot;why&quot;</code>" in body
    assert f"title: {html.escape(title)}" in body and "<script>" not in body  # scraped text stays escaped
    assert "(metric 1 on the page)" in body and "(metric 5 on the page)" in body and "#0" not in body
    assert "unit_not_null (column unit): 1 failing row</h4>" in body and "2 failing rows" in body
    assert "failing value: <code>(no value)</code>" in body
    assert "failing value: <code>value 37541000000; unit furlongs</code>" in body
    assert "ningbolife: seen 3; median previous 10; previous 12, 9, 11" in body
    assert "e.g. <code>ningbolife: (no value)</code>" in body
    for python in (r"\bNone\b", r"\{'", r"\bnull\b", r"\b1 articles", r"\(s\)"):
        assert not re.search(python, body), python
    # not blocked: the rest loads; no run_dir given: the one the Data Docs are in
    subject, passed = validation_alert(SUMMARY, "r1", data_docs_base="")
    assert "the rest of the run loads" in passed and "the load is blocked" not in passed
    assert subject == "[newsetl] validation failure: 1 article, 1 metric quarantined (run r1)"
    _, derived = validation_alert({**blocked, "data_docs": "/srv/runs/r9/validation/data_docs/index.html"},
                                  "r9", data_docs_base="")
    assert "<code>newsetl load /srv/runs/r9 --force</code>" in derived
    # no article passed: --force would refuse, so the mail does not offer it
    _, nothing = validation_alert({**blocked, "articles_accepted": 0}, "r9", data_docs_base="", run_dir="/data/runs/r9")
    assert "load --force</code> has nothing to load" in nothing and "/data/runs/r9 --force" not in nothing
    _, task = task_failure_alert("load", "dag", "r9", 3, "boom")
    assert "`" not in task and "<code>newsetl crawl --source &lt;source&gt; --out &lt;run dir&gt;</code>" in task


def test_alert_says_when_history_rules_were_skipped():
    _, body = validation_alert({**SUMMARY, "history": {"available": False,
                                                       "error": "OperationalError: refused"}}, "r1")
    assert "Day-over-day checks" in body and "OperationalError: refused" in body
    assert "Warnings (not blocking)</h3><p>None.</p>" in body


def test_fingerprint_ignores_docs_path_and_warnings_but_not_failures():
    base = alert_fingerprint(SUMMARY)
    assert alert_fingerprint({**SUMMARY, "data_docs": "/elsewhere/index.html",
                              "warnings": [{"expectation": "x"}], "alert_sent": True}) == base
    assert alert_fingerprint({**SUMMARY, "metrics_quarantined": 2}) != base
    more = [dict(SUMMARY["failed_expectations"][0], unexpected_count=5)] + SUMMARY["failed_expectations"][1:]
    assert alert_fingerprint({**SUMMARY, "failed_expectations": more}) != base


# --------------------------------------------------------------------------- once per run

def test_send_alert_once_mails_a_result_once_and_a_new_result_again(tmp_path):
    marker = tmp_path / "validation" / "alert_sent.json"
    with start_sink(tmp_path / "mail") as sink:
        env = {"AIRFLOW_CONN_SMTP_DEFAULT": sink.conn_uri}
        with _env(env):
            first = send_alert_once(marker, "f1", "s1", "b", ["oncall@example.org"])
            again = send_alert_once(marker, "f1", "s1", "b", ["oncall@example.org"])
            changed = send_alert_once(marker, "f2", "s2", "b", ["oncall@example.org"])
        subjects = [m["Subject"] for m in sink.messages()]
    assert (first.delivered, first.repeated) == (True, False)
    assert (again.delivered, again.repeated) == (True, True)
    assert (changed.delivered, changed.repeated) == (True, False)
    assert subjects == ["s1", "s2"]
    assert json.loads(marker.read_text())["fingerprint"] == "f2"


def test_a_failed_send_leaves_no_marker_so_the_next_validation_mails(tmp_path, caplog, dead_smtp):
    marker = tmp_path / "alert_sent.json"
    with _env({"AIRFLOW_CONN_SMTP_DEFAULT": dead_smtp}), caplog.at_level(logging.ERROR):
        lost = send_alert_once(marker, "f1", "s1", "b", ["oncall@example.org"])
    assert (lost.delivered, lost.repeated) == (False, False) and not marker.exists()
    assert "could not be sent" in caplog.text
    with start_sink(tmp_path / "mail") as sink, _env({"AIRFLOW_CONN_SMTP_DEFAULT": sink.conn_uri}):
        assert send_alert_once(marker, "f1", "s1", "b", ["oncall@example.org"]).delivered
        assert [m["Subject"] for m in sink.messages()] == ["s1"]


def test_clean_run_mails_nobody_and_failing_run_mails_once_when_validated_twice(tmp_path, pg_url, monkeypatch):
    report = crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(7, 0))
    clean = staged_run(tmp_path / "clean", report)
    failing = staged_run(tmp_path / "failing", report, bad_article=True)
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        clean_summary = steps.validate(str(clean), database_url=pg_url)
        assert sink.messages() == []
        first = steps.validate(str(failing), database_url=pg_url, dag_run_id="manual__1")
        second = steps.validate(str(failing), database_url=pg_url, dag_run_id="manual__1")
        mails = sink.messages()
    assert clean_summary["alert_sent"] is False and not (clean / "validation" / "alert_sent.json").exists()
    assert (first["alert_sent"], first["alert_repeated"]) == (True, False)
    assert (second["alert_sent"], second["alert_repeated"]) == (True, True)
    [mail] = mails
    assert "failing" in mail["Subject"] and "1 article, 1 metric quarantined" in mail["Subject"]
    body = mail.get_body(preferencelist=("html",)).get_content()
    assert "body_boilerplate" in body and "article_quarantined" in body
    assert "http://english.ningbo.gov.cn/art/2026/11/21/art_6.html" in body
    assert second["data_docs"] in body and Path(second["data_docs"]).is_file()


def test_a_source_whose_pages_stop_transforming_mails_on_call_and_blocks_the_load(tmp_path, pg_url, monkeypatch):
    # 6 pages became articles; 4 others of the same source came back as "not an article"
    # (a changed template): counted and quarantined is not enough, on-call has to hear of it.
    run_dir = staged_run(tmp_path / "drift", crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(10, 0)))
    (run_dir / "staged" / "rejects.jsonl").write_text("".join(
        json.dumps({"url": f"http://english.ningbo.gov.cn/art/2026/11/21/new_{i}.html", "source": "ningbo_gov",
                    "stage": "transform", "reasons": ["unknown_template: no article region found"],
                    "record": {}}) + "\n" for i in range(4)), encoding="utf-8")
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        with pytest.raises(steps.ValidationGateFailed, match="4 of 10 article pages could not be transformed"):
            steps.validate(str(run_dir), database_url=pg_url)
        [mail] = sink.messages()
    assert "LOAD BLOCKED" in mail["Subject"]
    body = mail.get_body(preferencelist=("html",)).get_content()
    assert "has the page template changed?" in body and "transform_rejects" in body
    assert "http://english.ningbo.gov.cn/art/2026/11/21/new_0.html" in body
    assert "Article pages the transform rejected: 4 (ningbo_gov 4 of 10" in body


def test_unreachable_smtp_is_logged_and_the_validation_result_stands(tmp_path, pg_url, monkeypatch, caplog,
                                                                   dead_smtp):
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", dead_smtp)
    partly_bad = staged_run(tmp_path / "partly_bad",
                            crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(7, 0)), bad_article=True)
    with caplog.at_level(logging.ERROR, logger="newsetl.alerts"):
        summary = steps.validate(str(partly_bad), database_url=pg_url)
    assert "could not be sent" in caplog.text
    assert summary["alert_sent"] is False and summary["articles_quarantined"] == 1
    assert not (partly_bad / "validation" / "alert_sent.json").exists()   # the next validation retries
    quarantine = (partly_bad / "validation" / "quarantine.jsonl").read_text(encoding="utf-8")
    assert "art_6.html" in quarantine
    blocked = staged_run(tmp_path / "blocked", crawl_report("2026-11-21T06:00:00+00:00",
                                                            ningbo_gov=(7, 0), ningbolife=(0, 0)))
    with pytest.raises(steps.ValidationGateFailed) as failure:
        steps.validate(str(blocked), database_url=pg_url)
    assert ALERT_ALREADY_SENT_NOTE not in str(failure.value)   # so the task-failure mail still goes


# --------------------------------------------------------------------------- task failure notifier

def _failure_context(exception: BaseException) -> dict:
    ti = SimpleNamespace(task_id="validate", try_number=1, log_url="http://airflow/log")
    return {"ti": ti, "dag": None, "run_id": "manual__1", "exception": exception}


def test_task_failure_mail_is_skipped_when_the_validation_alert_went_out(tmp_path, monkeypatch):
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
        task_failure_notifier()(_failure_context(RuntimeError(f"load blocked. {ALERT_ALREADY_SENT_NOTE}")))
        assert sink.messages() == []
        task_failure_notifier()(_failure_context(RuntimeError("crawl exploded")))
        [mail] = sink.messages()
    assert "validate" in mail["Subject"] and "manual__1" in mail["Subject"]
    assert "crawl exploded" in mail.get_body(preferencelist=("html",)).get_content()
    assert mail["To"] == "oncall@example.org"


@contextlib.contextmanager
def _env(values: dict[str, str]):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture
def dead_smtp():
    """An SMTP connection URI whose port refuses connections for the whole test."""
    with refused_port() as port:
        yield f"smtp://:@127.0.0.1:{port}?disable_ssl=true&disable_tls=true&timeout=2&retry_limit=0"


def test_a_crawl_alert_alone_mails_with_its_own_subject_and_escaped_text():
    summary = {"articles_total": 4, "articles_accepted": 4, "articles_quarantined": 0, "metrics_total": 9,
               "metrics_accepted": 9, "metrics_quarantined": 0, "critical_success": True, "batch_failed": False,
               "failed_expectations": [], "warnings": [], "data_docs": "/tmp/docs/index.html",
               "crawl_alerts": ["source ningbolife: template drift?: listing http://x/<b>list</b> "
                                "yielded 0 article links"]}
    subject, body = validation_alert(summary, "run-7")
    assert subject == ("[newsetl] template drift: ningbolife — 1 listing with no or few article links "
                       "(run run-7)")
    assert "newsetl: template drift" in body and "Findings" in body and "The load is not blocked" in body
    assert "<b>list</b>" not in body and "&lt;b&gt;list&lt;/b&gt;" in body
    assert alert_fingerprint(summary) != alert_fingerprint({**summary, "crawl_alerts": []})


BASE = {"articles_total": 4, "articles_accepted": 4, "articles_quarantined": 0, "metrics_total": 9,
        "metrics_accepted": 9, "metrics_quarantined": 0, "critical_success": True, "batch_failed": False,
        "failed_expectations": [], "warnings": [], "data_docs": "/tmp/docs/index.html"}


def test_the_mail_says_what_to_do_for_each_kind_of_failure():
    drift_alert = "source x: template drift?: listing L yielded 0 article links"
    _, drift = validation_alert({**BASE, "crawl_alerts": [drift_alert]}, "r", runbook_url="")
    assert "What to do" in drift and 'href="README.md#template-drift"' in drift
    assert "crawl-outage" not in drift and "crawl found no article" not in drift
    outage_reason = "source ningbo_gov: crawl found no articles (new or unchanged)"
    subject, outage = validation_alert({**BASE, "batch_failed": True, "articles_quarantined": 1,
                                        "batch_failed_reasons": [outage_reason]}, "r", runbook_url="")
    assert subject.startswith("[newsetl] crawl outage: ningbo_gov — crawl found no articles; LOAD BLOCKED")
    assert "README.md#crawl-outage" in outage and "README.md#validation-failure" in outage
    assert "open its listing pages" in outage.lower() or "Open its listing pages" in outage
    _, clean = validation_alert(BASE, "r")
    assert "What to do" not in clean
    _, linked = validation_alert({**BASE, "crawl_alerts": [drift_alert]}, "r",
                                 runbook_url="https://git.example.org/newsetl/blob/main/README.md")
    assert 'href="https://git.example.org/newsetl/blob/main/README.md#template-drift"' in linked


def _readme_anchors() -> set[str]:
    """GitHub's anchors of README.md's headings: lower case, punctuation dropped, spaces to hyphens."""
    anchors = set()
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{1,6} (.+)", line)
        if heading:
            anchors.add(re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-"))
    return anchors


def test_every_runbook_anchor_a_mail_links_to_is_a_readme_heading():
    every_kind = {**BASE, "batch_failed": True, "articles_quarantined": 3, "metrics_quarantined": 1,
                  "findings": [{"kind": kind, "source": "ningbolife", "text": f"{kind} happened",
                                "blocks_load": kind in ("crawl_outage", "load_blocked")}
                               for kind in KIND_NAMES if kind != "task_failure"]}
    _, body = validation_alert(every_kind, "r", runbook_url="")
    _, task_body = task_failure_alert("load", "ningbo_scitech_news", "r", 3, "boom", runbook_url="")
    links = re.findall(r'href="README\.md#([^"]+)"', body + task_body)
    assert sorted(set(links)) == sorted(anchor for anchor, _ in WHAT_TO_DO.values())  # one per kind
    missing = set(links) - _readme_anchors()
    assert not missing, f"mail links to README.md anchors that do not exist: {missing}"


def test_a_finding_names_its_page_once_as_a_link():
    """The off-site redirect finding's text already names the page ("... (from URL)"), and the mail
    then named it again after the text: "(e.g. offsite redirect: X (from U)) (U)"."""
    page = "http://www.ningbolife.com/a.html?x=1&y=2"
    finding = {"kind": "offsite_redirect", "source": "ningbolife", "blocks_load": False, "url": page,
               "text": "source ningbolife: 1 article redirected to another host, not followed (e.g. offsite "
                       f"redirect: http://evil.example/a.html (from {page}))"}
    _, body = validation_alert({**BASE, "findings": [finding]}, "r", runbook_url="")
    escaped = html.escape(page)
    assert body.count(escaped) == 2  # the link's href and its text, once
    assert f'(from <a href="{escaped}">{escaped}</a>))</li>' in body
    other = {**finding, "kind": "template_drift", "text": "source ningbolife: listing yielded 0 article links"}
    _, body = validation_alert({**BASE, "findings": [other]}, "r", runbook_url="")
    assert f'yielded 0 article links (<a href="{escaped}">{escaped}</a>)</li>' in body  # not in the text: after it


def _parts(msg: EmailMessage) -> tuple[str, str]:
    """(text, html) of a multipart/alternative alert: exactly those two parts."""
    assert msg.get_content_type() == "multipart/alternative"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    return tuple(p.get_content().replace("\r\n", "\n") for p in parts)  # type: ignore[return-value]


SCRIPT_TITLE = "Ningbo <script>alert('x')</script> robots report"


def _scripted_run(run_dir: Path) -> Path:
    """A staged run of ningbo_gov whose leaky article (boilerplate at the end of its body) has a
    `<script>` in its title, and whose first article has a metric with a unit nobody knows."""
    root = staged_run(run_dir, crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(7, 0)), bad_article=True)
    articles_file, metrics_file = root / "staged" / "articles.jsonl", root / "staged" / "metrics.jsonl"
    articles = [json.loads(line) for line in articles_file.read_text(encoding="utf-8").splitlines()]
    articles[-1]["title"] = SCRIPT_TITLE
    metrics = [json.loads(line) for line in metrics_file.read_text(encoding="utf-8").splitlines()]
    metrics[0]["unit"] = "furlongs"
    articles_file.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    metrics_file.write_text("".join(json.dumps(m) + "\n" for m in metrics), encoding="utf-8")
    return root


def test_the_validation_mail_on_the_wire_has_both_parts_kind_source_escaping_and_docs_link(
        tmp_path, pg_url, monkeypatch):
    run_dir = _scripted_run(tmp_path / "mailrun")
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    monkeypatch.setenv("NEWSETL_DATA_DOCS_BASE_URL", "http://127.0.0.1:8081/runs/")
    monkeypatch.delenv("NEWSETL_RUNBOOK_URL", raising=False)
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        summary = steps.validate(str(run_dir), database_url=pg_url)
        [msg] = sink.messages()
    assert summary["alert_sent"] is True
    assert msg["Subject"] == ("[newsetl] validation failure: ningbo_gov — 1 article, 2 metrics quarantined "
                              "(run mailrun)")
    text, html = _parts(msg)
    # the scraped title: markup-free text in the HTML part, the literal characters in the text part
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert f"title: {SCRIPT_TITLE}" in text
    # the boilerplate failure: its page, the matched fragment, 40 characters of context, not the body
    leaky = "http://english.ningbo.gov.cn/art/2026/11/21/art_6.html"
    assert f"page: {leaky}" in text
    assert "matched boilerplate: Text Size: A A A" in text
    assert "in: ...sities joined the programme this year. Text Size: A A A" in text
    assert "Report 6." not in text and "Report 6." not in html
    # the bad metric: its page and the sentence its figure was read from
    assert "page: http://english.ningbo.gov.cn/art/2026/11/21/art_0.html (metric 1 on the page)" in text
    assert ("sentence: Ningbo's investment in high-tech industries increased by 17.6% "
            "year-on-year from January to May, and the value added of high-tech industries accounted "
            "for 55.1% of the total.") in text
    assert "failing value: furlongs" in text
    # Data Docs behind the configured base URL, in both parts; the worker's path nowhere
    docs = "http://127.0.0.1:8081/runs/mailrun/validation/data_docs/index.html"
    assert f'<a href="{docs}">' in html and docs in text
    assert "file://" not in html and str(tmp_path) not in text
    # what to do, with the runbook section, in both parts
    assert "README.md#validation-failure" in text and 'href="README.md#validation-failure"' in html
    # same facts: every sample URL and count of the HTML part is in the text part
    for url in set(re.findall(r'href="(http[^"]+)"', html)):
        assert url in text


def test_template_drift_subject_says_how_many_pages_of_which_source_failed_and_why(tmp_path, pg_url, monkeypatch):
    run_dir = staged_run(tmp_path / "drift8", crawl_report("2026-11-21T06:00:00+00:00", ningbo_gov=(6, 0),
                                                           ningbolife=(5, 0)))
    (run_dir / "staged" / "rejects.jsonl").write_text("".join(
        json.dumps({"url": f"http://www.ningbolife.com/index.php/ningbo-news/{i}.html", "source": "ningbolife",
                    "stage": "transform", "reasons": ["empty: no article text after removing boilerplate"],
                    "record": {}}) + "\n" for i in range(8)), encoding="utf-8")
    # 3 more ningbolife pages that did transform
    staged = run_dir / "staged" / "articles.jsonl"
    rows = [json.loads(line) for line in staged.read_text(encoding="utf-8").splitlines()]
    for i, row in enumerate(rows[:3]):
        row.update(source="ningbolife", url=f"http://www.ningbolife.com/index.php/ningbo-news/ok-{i}.html")
    staged.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    metrics = run_dir / "staged" / "metrics.jsonl"
    mrows = [json.loads(line) for line in metrics.read_text(encoding="utf-8").splitlines()]
    for i, m in enumerate(mrows[:3]):
        m["article_url"] = rows[i]["url"]
    metrics.write_text("".join(json.dumps(m) + "\n" for m in mrows), encoding="utf-8")
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    monkeypatch.delenv("NEWSETL_DATA_DOCS_BASE_URL", raising=False)
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        with pytest.raises(steps.ValidationGateFailed):
            steps.validate(str(run_dir), database_url=pg_url)
        [msg] = sink.messages()
    assert msg["Subject"] == ("[newsetl] template drift: ningbolife — 8 of 11 article pages empty; LOAD BLOCKED "
                              "(run drift8)")
    text, html = _parts(msg)
    assert "README.md#template-drift" in text and "page: http://www.ningbolife.com/index.php/ningbo-news/0.html" in text
    assert "failing value: empty: no article text after removing boilerplate" in text
    # no base URL: the worker's file path, and the mail says why
    assert "file://" in html and "NEWSETL_DATA_DOCS_BASE_URL is not set" in text
    summary = json.loads((run_dir / "validation" / "summary.json").read_text(encoding="utf-8"))
    [drift] = [f for f in summary["findings"] if f["kind"] == "template_drift"]
    assert (drift["source"], drift["blocks_load"], drift["why"]) == ("ningbolife", True, {"empty": 8})


def test_crawl_outage_and_load_blocked_are_named_by_kind_and_source():
    outage = {**BASE, "batch_failed": True,
              "batch_failed_reasons": ["source ningbolife: crawl found no articles (new or unchanged)"],
              "findings": [{"kind": "crawl_outage", "source": "ningbolife", "blocks_load": True,
                            "text": "source ningbolife: crawl found no articles (new or unchanged)"}]}
    subject, _ = validation_alert(outage, "r9")
    assert subject == "[newsetl] crawl outage: ningbolife — crawl found no articles; LOAD BLOCKED (run r9)"
    share = "articles: 3 of 10 quarantined (> 20% and at least 3)"
    blocked = {**BASE, "batch_failed": True, "articles_quarantined": 3, "batch_failed_reasons": [share],
               "findings": [{"kind": "load_blocked", "source": None, "blocks_load": True, "text": share},
                            {"kind": "validation_failure", "source": "ningbo_gov", "blocks_load": False,
                             "text": "source ningbo_gov: 3 articles and 0 metrics quarantined"}]}
    subject, body = validation_alert(blocked, "r9")
    assert subject == (f"[newsetl] load blocked: ningbo_gov — {share} (+ validation failure) (run r9)")
    assert "README.md#load-blocked" in body and "--force" in body


def test_task_failure_mail_is_multipart_and_names_kind_task_and_run(tmp_path, monkeypatch):
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
        context = _failure_context(RuntimeError("title <script>x</script> broke the crawl"))
        # the crawl of one source: a mapped task named by its map_index_template (the DAG's crawl_source)
        context["ti"] = SimpleNamespace(task_id="crawl", try_number=3, log_url="http://airflow/log", map_index=1,
                                        rendered_map_index="ningbolife")
        from airflow.sdk import DAG

        context["dag"] = DAG("ningbo_scitech_news", schedule=None)
        task_failure_notifier()(context)
        [msg] = sink.messages()
    assert msg["Subject"] == "[newsetl] task failure: crawl of ningbolife in ningbo_scitech_news (run manual__1)"
    text, html = _parts(msg)
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert "RuntimeError: title <script>x</script> broke the crawl" in text
    assert "README.md#task-failure" in text and "http://airflow/log" in text


# --------------------------------------------------------------------------- SMTP timeouts

def test_the_smtp_timeout_defaults_to_10_s_without_a_timeout_extra(monkeypatch):
    monkeypatch.delenv("NEWSETL_SMTP_TIMEOUT", raising=False)
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", "smtp://:@127.0.0.1:2525?disable_ssl=true&disable_tls=false")
    relay = relay_settings()
    assert (relay.timeout, relay.use_ssl, relay.starttls) == (10.0, False, True)   # "false" is false
    monkeypatch.setenv("NEWSETL_SMTP_TIMEOUT", "4")
    assert relay_settings().timeout == 4.0
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", "smtp://:@127.0.0.1:2525?disable_ssl=true&timeout=7")
    assert relay_settings().timeout == 7.0   # the connection's own timeout wins


@pytest.mark.parametrize(("extra", "starttls"), [
    ({}, True),                                             # the provider's default: STARTTLS
    ({"disable_tls": "false"}, True), ({"disable_tls": "False"}, True), ({"disable_tls": " no "}, True),
    ({"disable_tls": "0"}, True), ({"disable_tls": ""}, True), ({"disable_tls": False}, True),
    ({"disable_tls": "true"}, False), ({"disable_tls": "TRUE"}, False), ({"disable_tls": "1"}, False),
    ({"disable_tls": "on"}, False), ({"disable_tls": True}, False),
])
def test_disable_tls_from_a_json_connection_extra_is_read_as_a_flag_not_as_truthiness(monkeypatch, extra, starttls):
    """Airflow's SmtpHook reads `bool(extra["disable_tls"])`: the string "false" (a UI or JSON
    connection's extra) would turn STARTTLS off. relay_settings reads it as a word."""
    conn = {"conn_type": "smtp", "host": "relay.example.org", "port": 587, "extra": {"disable_ssl": "true", **extra}}
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", json.dumps(conn))
    relay = relay_settings()
    assert (relay.host, relay.port, relay.use_ssl, relay.starttls) == ("relay.example.org", 587, False, starttls)


def test_a_hung_relay_costs_one_timeout_per_try_not_minutes(tmp_path, monkeypatch):
    """A relay that accepts the TCP connection and never answers: the connection has no timeout
    extra (the provider would wait 30 s, 6 times), NEWSETL_SMTP_TIMEOUT bounds each try."""
    monkeypatch.setenv("NEWSETL_SMTP_TIMEOUT", "2")
    with hung_relay() as relay:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", relay.conn_uri)
        started = time.monotonic()
        error = deliver("s", "<p>b</p>", ["oncall@example.org"])
        took = time.monotonic() - started
        assert relay.accepted == 1
    assert error is not None and "timed out" in error
    assert 1.5 < took < 10, took


def test_unreachable_smtp_is_logged_not_raised_with_the_default_timeout(monkeypatch, caplog):
    monkeypatch.delenv("NEWSETL_SMTP_TIMEOUT", raising=False)
    with refused_port() as port, caplog.at_level(logging.ERROR, logger="newsetl.alerts"):
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://:@127.0.0.1:{port}?disable_ssl=true&disable_tls=true")
        assert send_alert("s", "b", ["oncall@example.org"]) is False
    assert "could not be sent" in caplog.text and "ConnectionRefusedError" in caplog.text
