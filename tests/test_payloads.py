"""Hostile text in scraped pages through the real pipeline: raw pages -> transform -> validate
(GX, alert mail to a real SMTP server on loopback) -> load (embedded Postgres).

SQL in a title or body is data (bound parameters, COPY): stored verbatim, nothing dropped.
HTML/JS in them is text: stored verbatim, HTML-escaped in the alert mail's HTML part
(Data Docs escaping: tests/test_data_docs_browser.py, in a real browser).
"""
from __future__ import annotations

import html
from pathlib import Path

import pytest
from helpers import query

from core.rundir import RunPaths, write_jsonl
from devtools.smtp_sink import start_sink
from newsetl import steps

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "tests" / "fixtures" / "html" / "ningbolife" / \
    "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
HEADING = "<h2>Ningbo accelerates construction of high-level innovative cities</h2>"
PARAGRAPHS = ("<p>Innovation is Ningbo's core competitiveness.</p>\n"
              "<p>In 2019, Ningbo R&amp;D expenditures accounted for nearly 2.8% of GDP.</p>")
SQL = "'); DROP TABLE news.article;--"
TITLE = f"Ningbo robots {SQL} <script>alert('x')</script> <img src=x onerror=alert(1)>"
BODY = (f"The city's science bureau quoted a visitor who typed {SQL} and "
        f"<script>document.title='pwned'</script> and <img src=x onerror=alert(2)> into the form of the "
        "exhibition, which the organisers said was a test of the new robots at the industrial park.")
LEAK = "More than 2,000 research institutes were introduced. 【Print】 【Close】 With the support of the city."
BASE = "http://www.ningbolife.com/index.php/ningbo-news/"


def page(title: str, extra: str) -> str:
    """The snapshot's Joomla article with `title` and a paragraph `extra` (both as text)."""
    text = PAGE.read_text(encoding="utf-8")
    assert HEADING in text and PARAGRAPHS in text
    text = text.replace(HEADING, f"<h2>{html.escape(title)}</h2>")
    text = text.replace("<title>Ningbo accelerates construction of high-level innovative cities</title>",
                        f"<title>{html.escape(title)}</title>")
    return text.replace(PARAGRAPHS, PARAGRAPHS + f"\n<p>{html.escape(extra)}</p>")


def test_sql_and_script_payloads_are_stored_verbatim_and_escaped_in_the_mail(
        tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    run = tmp_path / "runs" / "payload_run"
    paths = RunPaths(run).make()
    raw = {"source": "ningbolife", "kind": "article", "status": 200, "headers": {}, "encoding": "utf-8",
           "fetched_at": "2026-12-02T00:00:00+00:00", "via": "direct", "truncated": False}
    stored_url, leaky_url = BASE + "9001-payload.html", BASE + "9002-payload-leak.html"
    write_jsonl(paths.pages("ningbolife"), [
        {**raw, "url": stored_url, "canonical_url": stored_url, "html": page(TITLE, BODY)},
        {**raw, "url": leaky_url, "canonical_url": leaky_url, "html": page(TITLE + " (2)", BODY + " " + LEAK)},
    ])
    (run / "crawl_report.json").write_text(
        '{"sources": {"ningbolife": {"source": "ningbolife", "articles": {"new": 2, "unchanged": 0, "failed": 0}}}}',
        encoding="utf-8")

    assert steps.transform(str(run))["articles"] == 2
    monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
    with start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        summary = steps.validate(str(run), database_url=pg_url)
        [mail] = sink.messages()
    assert summary["articles_quarantined"] == 1 and summary["alert_sent"] is True
    steps.load(str(run), database_url=pg_url)

    # stored verbatim; the SQL in it did nothing
    [(title, body)] = query(pg_url, "SELECT title, body FROM news.articles")
    assert title == TITLE and BODY in body
    assert query(pg_url, "SELECT to_regclass('news.articles') IS NOT NULL, count(*) FROM news.articles") == [(True, 1)]
    [(record,)] = query(pg_url, "SELECT record FROM news.quarantine WHERE record_key = %s", (leaky_url,))
    assert record["title"] == TITLE + " (2)" and BODY in record["body"]

    # the mail: the payload as escaped text in the HTML part, literal in the text part
    html_part = mail.get_body(preferencelist=("html",)).get_content()
    text_part = mail.get_body(preferencelist=("plain",)).get_content()
    assert leaky_url in html_part and leaky_url in text_part
    for markup in ("<script", "<img", "onerror=alert(1)>"):
        assert markup not in html_part
    assert html.escape(TITLE + " (2)") in html_part
    assert f"title: {TITLE} (2)" in text_part
