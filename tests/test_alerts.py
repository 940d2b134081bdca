"""Alert mail reaches a real SMTP server on loopback; a dead relay is logged, not raised."""
from __future__ import annotations

import logging

from newsetl.alerts import send_alert, validation_alert
from newsetl.smtp_sink import free_port, start_sink

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
