"""On-call email: validation alerts and task-failure notifications over `smtp_default`.

Delivery goes through the Airflow SMTP provider's hook on connection `smtp_default`
(AIRFLOW_CONN_SMTP_DEFAULT, or the Airflow connection of that id), inside and outside
Airflow alike. An unreachable SMTP server is logged, never raised: the caller's state
must reflect the data, not the mail relay.
"""
from __future__ import annotations

import html
import logging
from typing import Any, Iterable, Mapping

from newsetl.config import alert_emails

log = logging.getLogger(__name__)

SMTP_CONN_ID = "smtp_default"
FROM_EMAIL = "newsetl@localhost"
MAX_SAMPLES = 3


def validation_alert(summary: Mapping[str, Any], run_id: str) -> tuple[str, str]:
    """Subject and HTML body of the one mail a run sends when critical validation fails."""
    subject = (
        f"[newsetl] validation failed in run {run_id}: "
        f"{summary.get('articles_quarantined', 0)} articles, "
        f"{summary.get('metrics_quarantined', 0)} metrics quarantined"
        + (" - LOAD BLOCKED" if summary.get("batch_failed") else "")
    )
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
    warnings = summary.get("warnings", [])
    docs = str(summary.get("data_docs") or "")
    body = f"""<h2>newsetl: critical validation failed</h2>
<p>Run <b>{html.escape(run_id)}</b>.
Articles: {summary.get('articles_total', 0)} staged, {summary.get('articles_accepted', 0)} accepted,
{summary.get('articles_quarantined', 0)} quarantined.
Metrics: {summary.get('metrics_total', 0)} staged, {summary.get('metrics_accepted', 0)} accepted,
{summary.get('metrics_quarantined', 0)} quarantined.</p>
<p>{"<b>The load for this run is blocked</b> (whole-batch failure)." if summary.get("batch_failed")
   else "Accepted rows were loaded; quarantined rows are in <code>news.quarantine</code> with their reasons."}</p>
<table border="1" cellpadding="4"><tr><th>suite</th><th>expectation</th><th>column</th><th>failing rows</th><th>samples</th></tr>
{''.join(rows)}</table>
<p>Warnings (not blocking): {len(warnings)} expectation(s).</p>
<p>Data Docs: <a href="file://{html.escape(docs)}">{html.escape(docs)}</a></p>
<p>To inspect: <code>SELECT reasons, record_key FROM news.quarantine WHERE run_id = '{html.escape(run_id)}';</code></p>
"""
    return subject, body


def _sample_text(sample: Any) -> str:
    """A failing row sample as one short line: 'key: value' (runner samples) or the value."""
    if isinstance(sample, Mapping):
        text = f"{sample.get('key')}: {sample.get('value')!r}"
    else:
        text = str(sample)
    return text[:300]


def send_alert(subject: str, html_content: str, recipients: Iterable[str] | None = None) -> bool:
    """Send one mail on smtp_default; False (and a logged error) if it could not be delivered."""
    to = list(recipients) if recipients is not None else alert_emails()
    if not to:
        log.warning("no NEWSETL_ALERT_EMAILS configured; alert not mailed: %s", subject)
        return False
    try:
        from airflow.providers.smtp.hooks.smtp import SmtpHook

        with SmtpHook(smtp_conn_id=SMTP_CONN_ID) as hook:
            hook.send_email_smtp(
                to=to, subject=subject, html_content=html_content, from_email=FROM_EMAIL
            )
    except Exception as exc:  # the relay being down must not change the run's outcome
        log.error("alert mail could not be sent via %s: %s: %s", SMTP_CONN_ID, type(exc).__name__, exc)
        return False
    log.info("alert mailed to %s: %s", ", ".join(to), subject)
    return True


def task_failure_notifier():  # -> SmtpNotifier (imported lazily: Airflow only)
    """SmtpNotifier for on_failure_callback: fires once a task has exhausted its retries."""
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    return SmtpNotifier(
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
