"""Alert mail reaches a real SMTP server on loopback; a dead relay is logged, not raised; one
mail per run: a re-validated run with the same failures, or the validate task failing after
its alert, mails nobody again."""
from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_validation_history import crawl_report, staged_run

from devtools.smtp_sink import free_port, start_sink
from newsetl import steps
from newsetl.alerts import (
    ALERT_ALREADY_SENT_NOTE,
    alert_fingerprint,
    send_alert,
    send_alert_once,
    task_failure_notifier,
    validation_alert,
)

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
    subject, body = validation_alert(SUMMARY, "r1")
    assert "r1" in subject and "1 articles" in subject and "1 metrics" in subject
    assert "LOAD BLOCKED" not in subject
    assert "expect_column_values_to_not_match_regex_list" in body and "unit" in body
    assert "http://x/a.html: &#x27;Visit Charity Shop&#x27;" in body
    assert "<code>c</code>" in body and "<code>d</code>" not in body  # 3 samples, not 4
    assert "/runs/r1/validation/data_docs/index.html" in body
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
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert "data_docs/index.html" in html


def test_unreachable_smtp_is_logged_not_raised(monkeypatch, caplog):
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://:@127.0.0.1:{free_port()}?disable_ssl=true&disable_tls=true&timeout=2&retry_limit=0")
    with caplog.at_level(logging.ERROR, logger="newsetl.alerts"):
        assert send_alert("s", "b", ["oncall@example.org"]) is False
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
    assert "Warnings (not blocking): 2 expectation(s)" in body
    assert "subject_not_null (metrics.warning): 154 row(s)" in body
    assert "volume_drop (articles.warning): 1 row(s)" in body
    assert "skipped" not in body
    same_run, _ = validation_alert(summary, "r1", dag_run_id="r1")
    assert "DAG run" not in same_run


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


def test_a_failed_send_leaves_no_marker_so_the_next_validation_mails(tmp_path, caplog):
    marker = tmp_path / "alert_sent.json"
    with _env({"AIRFLOW_CONN_SMTP_DEFAULT": _dead_smtp()}), caplog.at_level(logging.ERROR):
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
    assert "failing" in mail["Subject"] and "1 articles, 1 metrics quarantined" in mail["Subject"]
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


def test_unreachable_smtp_is_logged_and_the_validation_result_stands(tmp_path, pg_url, monkeypatch, caplog):
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", _dead_smtp())
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


def _dead_smtp() -> str:
    return f"smtp://:@127.0.0.1:{free_port()}?disable_ssl=true&disable_tls=true&timeout=2&retry_limit=0"


def test_a_crawl_alert_alone_mails_with_its_own_subject_and_escaped_text():
    summary = {"articles_total": 4, "articles_accepted": 4, "articles_quarantined": 0, "metrics_total": 9,
               "metrics_accepted": 9, "metrics_quarantined": 0, "critical_success": True, "batch_failed": False,
               "failed_expectations": [], "warnings": [], "data_docs": "/tmp/docs/index.html",
               "crawl_alerts": ["source ningbolife: template drift?: listing http://x/<b>list</b> "
                                "yielded 0 article links"]}
    subject, body = validation_alert(summary, "run-7")
    assert subject.startswith("[newsetl] crawl needs attention in run run-7: source ningbolife: template drift?")
    assert "the crawl needs attention" in body and "Crawl alerts" in body
    assert "<b>list</b>" not in body and "&lt;b&gt;list&lt;/b&gt;" in body
    assert alert_fingerprint(summary) != alert_fingerprint({**summary, "crawl_alerts": []})


def test_the_mail_says_what_to_do_for_each_kind_of_failure():
    base = {"articles_total": 4, "articles_accepted": 4, "articles_quarantined": 0, "metrics_total": 9,
            "metrics_accepted": 9, "metrics_quarantined": 0, "critical_success": True, "batch_failed": False,
            "failed_expectations": [], "warnings": [], "data_docs": "/tmp/docs/index.html"}
    drift_alert = "source x: template drift?: listing L yielded 0 article links"
    _, drift = validation_alert({**base, "crawl_alerts": [drift_alert]}, "r")
    assert "What to do" in drift and "section Runbook" in drift and "template drift" in drift
    assert "crawl found no article" not in drift
    outage_reason = "source ningbo_gov: crawl found no articles (new or unchanged)"
    _, outage = validation_alert({**base, "batch_failed": True, "articles_quarantined": 1,
                                  "batch_failed_reasons": [outage_reason]}, "r")
    assert "open its listing pages in a browser" in outage and "--force" in outage
    _, clean = validation_alert(base, "r")
    assert "What to do" not in clean
