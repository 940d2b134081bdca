"""On-call email: validation alerts and task-failure notifications over `smtp_default`.

Delivery goes through the Airflow SMTP provider's hook on connection `smtp_default`
(AIRFLOW_CONN_SMTP_DEFAULT, or the Airflow connection of that id), inside and outside
Airflow alike. An unreachable SMTP server is logged, never raised: the caller's state
must reflect the data, not the mail relay.

One mail per run: `send_alert_once` remembers the fingerprint of the last validation
result it delivered in a marker file, so a retried or re-run validation with the same
failures mails nobody; the task-failure notifier stays silent for a failure whose
message says the validation alert already went out (`ALERT_ALREADY_SENT_NOTE`).
"""
from __future__ import annotations

import functools
import hashlib
import html
import json
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.config import alert_emails
from core.rundir import read_json, write_json

log = logging.getLogger(__name__)

SMTP_CONN_ID = "smtp_default"
FROM_EMAIL = "newsetl@localhost"
MAX_SAMPLES = 3
# Appended to a ValidationGateFailed message when on-call already has the validation alert.
ALERT_ALREADY_SENT_NOTE = "[on-call already mailed: validation alert]"
DELIVERY_TRIES = 3            # tries of one alert within the task (then it waits in the outbox)
DELIVERY_BACKOFF_S = 0.5      # before the 2nd try; doubled before each further one
MAX_DELIVERY_ATTEMPTS = 50    # an alert is retried by later runs until it has had this many
# summary.json keys that identify a validation result for the once-per-run rule.
FINGERPRINT_KEYS = ("articles_total", "articles_quarantined", "metrics_total", "metrics_quarantined",
                    "critical_success", "batch_failed", "batch_failed_reasons", "crawl_alerts")


def validation_alert(summary: Mapping[str, Any], run_id: str,
                     dag_run_id: str | None = None) -> tuple[str, str]:
    """Subject and HTML body of the one mail a run sends when critical validation fails.

    The subject names the run (and the DAG run when it differs) and the quarantined counts;
    the body gives the whole-batch reasons, each failed expectation with its count and
    MAX_SAMPLES sample rows, one section counting the warnings, and the Data Docs link.
    """
    dag_note = f" (DAG run {dag_run_id})" if dag_run_id and dag_run_id != run_id else ""
    crawl_alerts = [str(a) for a in summary.get("crawl_alerts") or []]
    validation_failed = bool(summary.get("articles_quarantined") or summary.get("metrics_quarantined")
                             or summary.get("batch_failed") or not summary.get("critical_success", True))
    if validation_failed or not crawl_alerts:
        subject = (
            f"[newsetl] validation failed in run {run_id}{dag_note}: "
            f"{summary.get('articles_quarantined', 0)} articles, "
            f"{summary.get('metrics_quarantined', 0)} metrics quarantined"
            + (" - LOAD BLOCKED" if summary.get("batch_failed") else "")
        )
    else:  # no row failed, but the crawl saw something on-call must look at
        subject = f"[newsetl] crawl needs attention in run {run_id}{dag_note}: {crawl_alerts[0][:150]}"
    rows = []
    for failure in summary.get("failed_expectations", []):
        samples = "".join(
            f"<li><code>{html.escape(_sample_text(s))}</code></li>"
            for s in list(failure.get("samples", []))[:MAX_SAMPLES]
        )
        rows.append(
            "<tr><td>{suite}</td><td>{exp}</td><td>{col}</td><td>{n}</td><td><ul>{samples}</ul></td></tr>".format(
                suite=html.escape(str(failure.get("suite"))),
                exp=html.escape(str(failure.get("expectation"))),
                col=html.escape(str(failure.get("column"))),
                n=failure.get("unexpected_count"),
                samples=samples,
            )
        )
    critical = (
        '<table border="1" cellpadding="4"><tr><th>suite</th><th>expectation</th><th>column</th>'
        f"<th>failing rows</th><th>samples</th></tr>{''.join(rows)}</table>"
        if rows else "<p>No row failed a critical expectation.</p>"
    )
    reasons = "".join(f"<li>{html.escape(str(r))}</li>" for r in summary.get("batch_failed_reasons", []))
    blocked = (f"<p><b>The load for this run is blocked</b> (whole-batch failure):</p><ul>{reasons}</ul>"
               if summary.get("batch_failed") else
               "<p>Accepted rows were loaded; quarantined rows are in <code>news.quarantine</code> "
               "with their reasons.</p>")
    docs = str(summary.get("data_docs") or "")
    crawl_section = ("<h3>Crawl alerts</h3><ul>" + "".join(f"<li>{html.escape(a)}</li>" for a in crawl_alerts)
                     + "</ul><p>A listing that yields no article link usually means the site changed its "
                       "page template: check the listing in a browser and the spider's selectors. A redirect "
                       "to another host was not followed: check whether the site moved.</p>"
                     if crawl_alerts else "")
    heading = "critical validation failed" if validation_failed else "the crawl needs attention"
    body = f"""<h2>newsetl: {heading}</h2>
<p>Run <b>{html.escape(run_id)}</b>{html.escape(dag_note)}.
Articles: {summary.get('articles_total', 0)} staged, {summary.get('articles_accepted', 0)} accepted,
{summary.get('articles_quarantined', 0)} quarantined.
Metrics: {summary.get('metrics_total', 0)} staged, {summary.get('metrics_accepted', 0)} accepted,
{summary.get('metrics_quarantined', 0)} quarantined.{_rejects_line(summary)}</p>
{crawl_section}
{_what_to_do(summary, run_id)}
{blocked}
<h3>Failed critical expectations</h3>
{critical}
{_warnings_section(summary)}
<p>Data Docs: <a href="file://{html.escape(docs)}">{html.escape(docs)}</a></p>
<p>To inspect: <code>SELECT reasons, record_key FROM news.quarantine WHERE run_id = '{html.escape(run_id)}';</code></p>
"""
    return subject, body


RUNBOOK = "README.md, section Runbook"
# (condition on the summary, what on-call does), in the order they are shown
WHAT_TO_DO: tuple[tuple[str, str], ...] = (
    ("outage", "A source's crawl found no article at all: open its listing pages in a browser. If the site "
               "is down, nothing is lost (the next run crawls again); if it moved, update base_url in "
               "seeds/sources.yml ({runbook}: crawl outage)."),
    ("drift", "A listing yielded no or far fewer article links than usual: open it in a browser; if its "
              "layout changed, update the template's selectors in crawlers/spiders/ ({runbook}: template drift)."),
    ("offsite", "An article redirected to another host and was not followed: check where it points before "
                "trusting it ({runbook}: off-site redirect)."),
    ("quarantine", "Rows failed a critical expectation and are in news.quarantine: read them with the SQL "
                   "below and the Data Docs; fix the extractor or the suite, or, if the rows are fine, load a "
                   "blocked run with `newsetl load RUN_DIR --force` ({runbook}: quarantined rows)."),
)


def _what_to_do(summary: Mapping[str, Any], run_id: str) -> str:
    """The actions this result asks of on-call, each pointing to its runbook section."""
    reasons = " ".join(str(r) for r in summary.get("batch_failed_reasons") or [])
    alerts = " ".join(str(a) for a in summary.get("crawl_alerts") or [])
    present = {
        "outage": "crawl found no articles" in reasons,
        "drift": "template drift" in alerts,
        "offsite": "redirected to another host" in alerts,
        "quarantine": bool(summary.get("articles_quarantined") or summary.get("metrics_quarantined")),
    }
    items = [f"<li>{html.escape(text.format(runbook=RUNBOOK))}</li>" for key, text in WHAT_TO_DO if present[key]]
    return f"<h3>What to do</h3><ul>{''.join(items)}</ul>" if items else ""


def _rejects_line(summary: Mapping[str, Any]) -> str:
    """The count of article pages the transform rejected, per source, when there are any."""
    rejects = summary.get("transform_rejects") or {}
    if not rejects.get("total"):
        return ""
    per_source = ", ".join(f"{html.escape(str(name))} {c.get('rejected')} of {c.get('pages')}"
                           for name, c in sorted((rejects.get("sources") or {}).items()))
    return (f"\nArticle pages the transform rejected: {rejects['total']} ({per_source}; in "
            "<code>news.quarantine</code>, stage transform, once loaded).")


def _warnings_section(summary: Mapping[str, Any]) -> str:
    """All warnings in one section: a count per warning expectation, one example key each."""
    warnings = list(summary.get("warnings", []))
    history = summary.get("history") or {}
    note = ""
    if history and not history.get("available", True):
        error = history.get("error")
        note = ("<p>Day-over-day checks (volume per source, stored usual values) were skipped: "
                "no warehouse history" + (f" ({html.escape(str(error))})" if error else "") + ".</p>")
    if not warnings:
        return f"<h3>Warnings (not blocking)</h3><p>None.</p>{note}"
    items = []
    for w in warnings:
        samples = list(w.get("samples") or [])
        example = f" e.g. <code>{html.escape(_sample_text(samples[0]))}</code>" if samples else ""
        items.append(f"<li>{html.escape(str(w.get('expectation')))} "
                     f"({html.escape(str(w.get('suite')))}): {w.get('unexpected_count')} row(s){example}</li>")
    return (f"<h3>Warnings (not blocking): {len(warnings)} expectation(s)</h3>"
            f"<ul>{''.join(items)}</ul>{note}")


def alert_fingerprint(summary: Mapping[str, Any]) -> str:
    """sha256 of what makes a validation result: counts, batch reasons, failed expectations and
    their sample keys (not the Data Docs path, warnings or timing)."""
    failures = [
        [f.get("suite"), f.get("expectation"), f.get("column"), f.get("unexpected_count"),
         [s.get("key") if isinstance(s, Mapping) else str(s) for s in f.get("samples", [])]]
        for f in summary.get("failed_expectations", [])
    ]
    essence = {k: summary.get(k) for k in FINGERPRINT_KEYS}
    essence["failed_expectations"] = failures
    return hashlib.sha256(json.dumps(essence, sort_keys=True, default=str).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AlertOutcome:
    """What `send_alert_once` did: `delivered` (now or before), `repeated` (skipped as a repeat)."""

    delivered: bool
    repeated: bool


def send_alert_once(marker: Path, fingerprint: str, subject: str, html_content: str,
                    recipients: Iterable[str] | None = None) -> AlertOutcome:
    """Send the alert unless `marker` records the same `fingerprint` as delivered already.

    The marker is written only after a delivery, so a failed send (relay down, no
    recipients) is tried again by the next validation of the same run.
    """
    marker = Path(marker)
    previous = _read_marker(marker)
    if previous.get("fingerprint") == fingerprint:
        log.info("alert for this validation result already mailed at %s to %s; not mailing again",
                 previous.get("sent_at"), ", ".join(previous.get("to") or []))
        return AlertOutcome(delivered=True, repeated=True)
    to = _recipients(recipients)
    if not send_alert(subject, html_content, to):
        return AlertOutcome(delivered=False, repeated=False)
    _write_marker(marker, fingerprint, subject, to)
    return AlertOutcome(delivered=True, repeated=False)


def _recipients(recipients: Iterable[str] | None) -> list[str]:
    """The given recipients, else NEWSETL_ALERT_EMAILS."""
    return list(recipients) if recipients is not None else alert_emails()


def _write_marker(marker: Path, fingerprint: str, subject: str, to: list[str], **extra: Any) -> None:
    """Record in the run's marker file that this validation result was mailed."""
    write_json(marker, {"fingerprint": fingerprint, "subject": subject, "to": to,
                        "sent_at": datetime.now(UTC).isoformat(timespec="seconds"), **extra})


def _read_marker(marker: Path) -> dict[str, Any]:
    try:
        data = read_json(marker)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _sample_text(sample: Any) -> str:
    """A failing row sample as one short line: 'key: value' (runner samples) or the value."""
    if isinstance(sample, Mapping):
        text = f"{sample.get('key')}: {sample.get('value')!r}"
    else:
        text = str(sample)
    return text[:300]


def send_alert(subject: str, html_content: str, recipients: Iterable[str] | None = None) -> bool:
    """Send one mail on smtp_default; False (and a logged error) if it could not be delivered."""
    return deliver(subject, html_content, recipients) is None


def deliver(subject: str, html_content: str, recipients: Iterable[str] | None = None) -> str | None:
    """Send one mail on smtp_default; None when the relay took it, else why not (logged)."""
    to = _recipients(recipients)
    if not to:
        log.warning("no NEWSETL_ALERT_EMAILS configured; alert not mailed: %s", subject)
        return "no recipients configured (NEWSETL_ALERT_EMAILS)"
    try:
        from airflow.providers.smtp.hooks.smtp import SmtpHook

        with SmtpHook(smtp_conn_id=SMTP_CONN_ID) as hook:
            hook.send_email_smtp(
                to=to, subject=subject, html_content=html_content, from_email=FROM_EMAIL
            )
    except Exception as exc:  # noqa: BLE001 - the relay being down must not change the run's outcome
        error = f"{type(exc).__name__}: {exc}"[:500]
        log.error("alert mail could not be sent via %s: %s", SMTP_CONN_ID, error)
        return error
    log.info("alert mailed to %s: %s", ", ".join(to), subject)
    return None


def alert_via_outbox(url: str | None, marker: Path, run_id: str, fingerprint: str, subject: str,
                     html_content: str, recipients: Iterable[str] | None = None) -> AlertOutcome:
    """Record the alert in news.alert_outbox, then mail it (a few tries with backoff).

    Once per run and result: a result the outbox holds as delivered is not mailed again.
    An alert the relay did not take stays in the outbox and is retried by the next
    validation (`retry_undelivered`). Without a reachable warehouse the run's marker file
    keeps it to one mail (`send_alert_once`).
    """
    from warehouse import outbox
    from warehouse.db import upgrade

    to = _recipients(recipients)
    try:
        if url is None:
            raise RuntimeError("no warehouse DSN")
        upgrade(url)  # the outbox table (migration 005), as a load would
        alert = outbox.enqueue(url, run_id, fingerprint, subject, html_content, to)
    except Exception as exc:  # noqa: BLE001 - no outbox: fall back to the marker file
        log.warning("alert outbox unavailable (%s: %s); mailing without it", type(exc).__name__, exc)
        return send_alert_once(marker, fingerprint, subject, html_content, to)
    if alert.delivered:
        log.info("alert %s of run %s already delivered; not mailing again", alert.alert_id, run_id)
        return AlertOutcome(delivered=True, repeated=True)
    for attempt in range(DELIVERY_TRIES):
        if attempt:
            time.sleep(DELIVERY_BACKOFF_S * 2 ** (attempt - 1))
        error = deliver(subject, html_content, to)
        outbox.mark(url, alert.alert_id, delivered=error is None, error=error)
        if error is None:
            _write_marker(marker, fingerprint, subject, to, alert_id=alert.alert_id)
            return AlertOutcome(delivered=True, repeated=False)
    return AlertOutcome(delivered=False, repeated=False)


def retry_undelivered(url: str) -> tuple[int, int]:
    """Mail every alert the outbox still holds undelivered (one try each): (delivered, still pending)."""
    from warehouse import outbox

    delivered = failed = 0
    for alert in outbox.pending(url, MAX_DELIVERY_ATTEMPTS):
        error = deliver(alert.subject, alert.html, alert.recipients or None)
        outbox.mark(url, alert.alert_id, delivered=error is None, error=error)
        if error is None:
            delivered += 1
            log.info("undelivered alert %s of run %s mailed now", alert.alert_id, alert.run_id)
        else:
            failed += 1
    return delivered, failed


def task_failure_notifier():  # -> SmtpNotifier (imported lazily: Airflow only)
    """SmtpNotifier for on_failure_callback: fires once a task has exhausted its retries.

    Stays silent when the failure's message carries ALERT_ALREADY_SENT_NOTE (the validate
    task failing the batch after mailing the validation alert): one mail per run.
    """
    return _notifier_class()(
        to=alert_emails() or ["oncall@localhost"],
        from_email=FROM_EMAIL,
        smtp_conn_id=SMTP_CONN_ID,
        subject="[newsetl] task {{ ti.task_id }} failed in {{ dag.dag_id }} run {{ run_id }}",
        html_content=(
            "<p>Task <b>{{ ti.task_id }}</b> of DAG <b>{{ dag.dag_id }}</b> failed after "
            "{{ ti.try_number }} tries in run <b>{{ run_id }}</b>.</p>"
            "<p>Error: <code>{{ exception }}</code></p>"
            "<p>Logs: {{ ti.log_url }}</p>"
        ),
    )


@functools.cache
def _notifier_class() -> type:
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    class OncallSmtpNotifier(SmtpNotifier):
        """SmtpNotifier that does not repeat a validation alert already mailed for the run."""

        def notify(self, context: Any) -> None:
            if ALERT_ALREADY_SENT_NOTE in str(context.get("exception") or ""):
                log.info("task failure not mailed: the validation alert for this run already was")
                return
            super().notify(context)

    return OncallSmtpNotifier
