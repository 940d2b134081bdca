"""On-call email: validation alerts and task-failure notifications over `smtp_default`.

Every mail names its kind and source(s) in the subject ("[newsetl] template drift:
ningbolife — 8 of 11 article pages empty (run X)"), lists each failure with its page,
sentence or matched fragment, says what to do per kind with a link to the README.md runbook
section, and is multipart/alternative (plain text + HTML, `newsetl.mail`). Delivery uses
the settings of connection `smtp_default` (AIRFLOW_CONN_SMTP_DEFAULT, or the Airflow
connection of that id) with short timeouts, inside and outside Airflow alike. An
unreachable SMTP server is logged, never raised: the caller's state must reflect the data,
not the mail relay.

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
import re
import shlex
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from core.config import DEFAULT_SMTP_TIMEOUT_S, alert_emails, data_docs_base_url, runbook_base_url
from core.rundir import read_json, write_json
from core.wording import counted
from newsetl import mail

log = logging.getLogger(__name__)

SMTP_CONN_ID = mail.SMTP_CONN_ID
FROM_EMAIL = mail.FROM_EMAIL
MAX_SAMPLES = 3
# Appended to a ValidationGateFailed message when on-call already has the validation alert.
ALERT_ALREADY_SENT_NOTE = "[on-call already mailed: validation alert]"
DELIVERY_TRIES = 3            # tries of one alert within the task (then it waits in the outbox)
DELIVERY_BACKOFF_S = 0.5      # before the 2nd try; doubled before each further one
DELIVERY_BUDGET_S = 25.0      # no further try starts unless it could end (backoff + SMTP timeout) within
                              # this many seconds of the first: a hung relay costs one task ~20 s, not minutes
MAX_DELIVERY_ATTEMPTS = 50    # an alert is retried by later runs until it has had this many
# summary.json keys that identify a validation result for the once-per-run rule.
FINGERPRINT_KEYS = ("articles_total", "articles_quarantined", "metrics_total", "metrics_quarantined",
                    "critical_success", "batch_failed", "batch_failed_reasons", "crawl_alerts")


# --------------------------------------------------------------------------- what the mail says

# The kinds of mail, as the subject names them (summary.json "findings" carry the first five).
KIND_NAMES = {
    "crawl_outage": "crawl outage",
    "template_drift": "template drift",
    "load_blocked": "load blocked",
    "validation_failure": "validation failure",
    "offsite_redirect": "off-site redirect",
    "task_failure": "task failure",
}
KIND_ORDER = tuple(KIND_NAMES)  # a subject names the first kind present (blocking findings before others)
RUNBOOK_FILE = "README.md"
# kind -> (README.md anchor of its runbook section, what on-call does). `code` in backticks is
# shown as <code> (escaped); {run_dir} is the run's directory (or URL); {rest} what happens to the
# rows that passed (they load, or the load is blocked).
WHAT_TO_DO: dict[str, tuple[str, str]] = {
    "crawl_outage": (
        "crawl-outage",
        "A source's crawl found no article at all, so the load is blocked, or some of its listing pages could "
        "not be read, so the articles listed only there were not crawled (the rest loads). Open its listing pages "
        "(seeds/sources.yml) in a browser (when the finding says every article page failed, one of those "
        "pages, and the site's /robots.txt if it disallowed them). If the site is down nothing is lost: "
        "the next run crawls again. If it moved, update base_url/hosts in seeds/sources.yml; if one listing "
        "moved or is gone (HTTP 404), its entry under listings."),
    "template_drift": (
        "template-drift",
        "The site's pages changed shape: a listing yielded no or far fewer article links than usual, its "
        "links were found by URL shape only (articles and further pages may be missed), or article pages no "
        "longer transform. Open a listed page in a browser; if its layout changed, update "
        "the template's selectors (crawlers/spiders/, transforms/templates/) with a fixture of the new markup."),
    "load_blocked": (
        "load-blocked",
        "Too many rows failed a critical expectation (or a gate could not be evaluated), so nothing of this "
        "run was loaded. Read the failures below; fix the extractor or the suite and rerun{force}; a quarantined "
        "article is loaded with `newsetl quarantine accept URL`."),
    "validation_failure": (
        "validation-failure",
        "Rows failed a critical expectation and are in `news.quarantine`; {rest}. Read the "
        "failures below (page, sentence, matched fragment), the Data Docs and `newsetl quarantine list`; fix "
        "the extractor, the boilerplate patterns or the suite. An article wrongly quarantined: "
        "`newsetl quarantine accept URL --note \"why\"`."),
    "offsite_redirect": (
        "off-site-redirect",
        "An article answered with a redirect to another host, which was not followed. Check where it points; "
        "if the site really moved, change base_url/hosts in seeds/sources.yml."),
    "task_failure": (
        "task-failure",
        "An Airflow task failed after its retries. Read the error and the task log; once the cause is fixed, "
        "clear the task in Airflow, or rerun the step with the CLI on the run's directory: a crawl with "
        "`newsetl crawl --source {source} --out {run_dir}`, the others with "
        "`newsetl transform|validate|load {run_dir}`."),
}
REST_LOADS = "the rest of the run loads"
REST_BLOCKED = "the rest of the run is not loaded either: the load is blocked (see Load blocked)"
SUBJECT_MAX = 200
DOCS_UNSET_NOTE = ("NEWSETL_DATA_DOCS_BASE_URL is not set, so this is the file on the worker that validated "
                   "the run; it opens only on that machine.")


def validation_alert(summary: Mapping[str, Any], run_id: str, dag_run_id: str | None = None,
                     data_docs_base: str | None = None, runbook_url: str | None = None,
                     run_dir: str | None = None) -> tuple[str, str]:
    """Subject and HTML body of the one mail a run sends when it needs on-call.

    The subject names the kind (crawl outage, template drift, load blocked, validation
    failure, off-site redirect), the source(s) and the fact, then the run; the body gives
    each finding, a "What to do" block per kind linking to its README.md runbook section,
    each failed expectation with its count and MAX_SAMPLES samples (page URL, title, the
    matched boilerplate fragment or the metric's sentence), the warnings and the Data Docs
    link (NEWSETL_DATA_DOCS_BASE_URL, else the file path, said so). The text part is this
    HTML read as text (`newsetl.mail`). Scraped text is HTML-escaped. `run_dir` (the run's
    directory or URL) fills the commands on-call is told to run; without it, it is read from
    the Data Docs path.
    """
    base = data_docs_base if data_docs_base is not None else data_docs_base_url()
    runbook = runbook_url if runbook_url is not None else runbook_base_url()
    findings = summary_findings(summary)
    kinds = [k for k in KIND_ORDER if any(f["kind"] == k for f in findings)]
    subject = _subject(summary, findings, run_id, dag_run_id)
    dag_note = f" (DAG run {dag_run_id})" if dag_run_id and dag_run_id != run_id else ""
    heading = ", ".join(KIND_NAMES[k] for k in kinds) or "validation result"
    docs_html = _docs_html(str(summary.get("data_docs") or ""), run_id, base)
    sql = f"SELECT stage, table_name, record_key, reasons FROM news.quarantine WHERE run_id = '{run_id}';"
    body = f"""<h2>newsetl: {html.escape(heading)}</h2>
<p>Run <b>{html.escape(run_id)}</b>{html.escape(dag_note)}.
Articles: {summary.get('articles_total', 0)} staged, {summary.get('articles_accepted', 0)} accepted,
{summary.get('articles_quarantined', 0)} quarantined.
Metrics: {summary.get('metrics_total', 0)} staged, {summary.get('metrics_accepted', 0)} accepted,
{summary.get('metrics_quarantined', 0)} quarantined.{_rejects_line(summary)}</p>
{_blocked_html(summary)}
<h3>Findings</h3>
<ul>{''.join(_finding_html(f) for f in findings) or '<li>none</li>'}</ul>
{_what_to_do(kinds, runbook, blocked=bool(summary.get("batch_failed")),
             run_dir=run_dir or _run_dir_of(str(summary.get("data_docs") or ""), run_id),
             none_passed=summary.get("articles_accepted") == 0)}
<h3>Failed critical expectations</h3>
{_failures_html(summary)}
{_warnings_section(summary)}
{docs_html}
<p>To inspect: <code>{html.escape(sql)}</code></p>
"""
    return subject, body


def summary_findings(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The summary's findings, most pressing first: those blocking the load, then the rest, each
    group in KIND_ORDER. A summary written before findings existed has them read from its
    batch_failed_reasons and crawl_alerts."""
    findings = [dict(f) for f in summary.get("findings") or []
                if isinstance(f, Mapping) and f.get("kind") in KIND_NAMES]
    if not findings and not summary.get("findings"):
        findings = _findings_from_text(summary)
    return sorted(findings, key=lambda f: (not f.get("blocks_load"), KIND_ORDER.index(f["kind"])))


def _findings_from_text(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Findings of a summary without them (older runs): the kinds its reason texts name."""
    findings = []
    for reason in summary.get("batch_failed_reasons") or []:
        text = str(reason)
        source = _source_of_text(text)
        kind = ("crawl_outage" if "crawl found no articles" in text or text == "no articles staged"
                else "template_drift" if "could not be transformed" in text else "load_blocked")
        findings.append({"kind": kind, "source": source, "text": text, "blocks_load": True})
    for alert in summary.get("crawl_alerts") or []:
        text = str(alert)
        kind = "offsite_redirect" if "redirected to another host" in text else "template_drift"
        findings.append({"kind": kind, "source": _source_of_text(text), "text": text, "blocks_load": False})
    if summary.get("articles_quarantined") or summary.get("metrics_quarantined"):
        findings.append({"kind": "validation_failure", "source": None, "blocks_load": False,
                         "text": f"{counted(summary.get('articles_quarantined', 0), 'article')} and "
                                 f"{counted(summary.get('metrics_quarantined', 0), 'metric')} quarantined"})
    return findings


def _source_of_text(text: str) -> str | None:
    match = re.match(r"source ([\w.-]+):", text)
    return match.group(1) if match else None


def _sources(findings: Iterable[Mapping[str, Any]]) -> list[str]:
    return list(dict.fromkeys(str(f["source"]) for f in findings if f.get("source")))


def _subject(summary: Mapping[str, Any], findings: list[dict[str, Any]], run_id: str,
             dag_run_id: str | None) -> str:
    """"[newsetl] <kind>: <sources> — <fact> (run <run>)", plus "LOAD BLOCKED" and other kinds."""
    run = f"run {run_id}" + (f", DAG run {dag_run_id}" if dag_run_id and dag_run_id != run_id else "")
    if not findings:
        return f"[newsetl] validation result ({run})"
    kind = findings[0]["kind"]
    same = [f for f in findings if f["kind"] == kind]
    sources = _sources(same)
    if kind == "load_blocked":  # the sources whose rows were quarantined
        sources = _sources(f for f in findings if f["kind"] == "validation_failure")
    fact = _subject_fact(kind, same, summary)
    others = [KIND_NAMES[k] for k in KIND_ORDER if k != kind and any(f["kind"] == k for f in findings)]
    text = (f"[newsetl] {KIND_NAMES[kind]}: " + (", ".join(sources) + " — " if sources else "") + fact
            + ("; LOAD BLOCKED" if summary.get("batch_failed") and kind != "load_blocked" else "")
            + (f" (+ {', '.join(others)})" if others else ""))
    text = " ".join(text.split())
    tail = f" ({run})"
    if len(text) + len(tail) > SUBJECT_MAX:
        text = text[:max(40, SUBJECT_MAX - len(tail) - 3)].rstrip() + "..."
    return text + tail


REJECT_WORDS = {"empty": "empty", "listing": "listing pages", "unparseable": "unparseable",
                "non_english": "not English", "binary": "binary", "oversized": "oversized"}


def _subject_fact(kind: str, same: list[dict[str, Any]], summary: Mapping[str, Any]) -> str:
    """The short fact of the subject for the findings `same` of one kind."""
    first = same[0]
    more = f" (+{len(same) - 1} more)" if len(same) > 1 else ""
    if kind == "crawl_outage" and not first.get("blocks_load") and first.get("listings_failed"):
        failed = sum(int(f.get("listings_failed") or 0) for f in same)
        return f"{counted(failed, 'listing page')} could not be read"
    if kind == "crawl_outage":  # the sources are named before the fact
        return "crawl found no articles" if first.get("source") else str(first.get("text")) + more
    if kind == "template_drift" and first.get("blocks_load") and first.get("pages"):
        why = dict(first.get("why") or {})
        top, count = next(iter(why.items()), ("", 0))
        if top in REJECT_WORDS and count == first.get("rejected"):
            return f"{first['rejected']} of {first['pages']} article pages {REJECT_WORDS[top]}{more}"
        detail = ", ".join(f"{n} {REJECT_WORDS.get(k, k)}" for k, n in why.items())
        return f"{first.get('rejected')} of {first['pages']} article pages not transformed ({detail}){more}"
    if kind == "template_drift":
        listings = [f for f in same if not f.get("blocks_load") and not f.get("by_url_shape")]
        shaped = sum(int(f.get("by_url_shape") or 0) for f in same if not f.get("blocks_load"))
        parts = ([f"{counted(len(listings), 'listing')} with no or few article links"] if listings else []) + (
            [f"{counted(shaped, 'listing page')} read by URL shape only"] if shaped else [])
        return "; ".join(parts) if parts else str(first.get("text"))
    if kind == "load_blocked":
        return str(first.get("text")) + more
    if kind == "validation_failure":
        return (f"{counted(summary.get('articles_quarantined', 0), 'article')}, "
                f"{counted(summary.get('metrics_quarantined', 0), 'metric')} quarantined")
    return f"{counted(len(same), 'source')} with articles redirected to another host"


def _finding_html(finding: Mapping[str, Any]) -> str:
    """One finding's line: its text, and its URL as a link, in the text where the text names it
    (an off-site redirect's "... (from URL)"), else after it."""
    url = str(finding.get("url") or "")
    text = html.escape(readable(finding.get("text")))
    if url and html.escape(url) in text:
        text = text.replace(html.escape(url), _link(url), 1)
    elif url:
        text += f" ({_link(url)})"
    return (f"<li><b>{html.escape(KIND_NAMES[finding['kind']])}</b>"
            f"{' (blocks the load)' if finding.get('blocks_load') else ''}: {text}</li>")


def _blocked_html(summary: Mapping[str, Any]) -> str:
    if summary.get("batch_failed"):
        reasons = "".join(f"<li>{html.escape(str(r))}</li>" for r in summary.get("batch_failed_reasons") or [])
        return f"<p><b>The load for this run is blocked</b> (whole-batch failure):</p><ul>{reasons}</ul>"
    return ("<p>The load is not blocked: accepted rows load; quarantined rows go to "
            "<code>news.quarantine</code> with their reasons.</p>")


def runbook_link(kind: str, runbook: str | None = None) -> str:
    """The URL of the README.md runbook section for `kind` (NEWSETL_RUNBOOK_URL, else README.md)."""
    return f"{runbook or RUNBOOK_FILE}#{WHAT_TO_DO[kind][0]}"


# How a blocked run's rows that passed are loaded; with none, --force has nothing to load (it refuses).
FORCE_LOADS = ", or load the rows that passed with `newsetl load {run_dir} --force` (recorded as forced)"
FORCE_NOTHING = " (no article passed validation, so `newsetl load --force` has nothing to load)"


def _what_to_do(kinds: Iterable[str], runbook: str | None, blocked: bool = False, run_dir: str = "",
                none_passed: bool = False) -> str:
    """One block per kind present: what on-call does, and the runbook section it is in. The
    advice is said for this run: its run directory in the commands, whether the rows that
    passed load ("the rest of the run loads" was wrong when the load was blocked), and whether
    `--force` would load anything (it refuses a run with no article that passed)."""
    blocks = []
    for kind in kinds:
        anchor, text = WHAT_TO_DO[kind]
        href = runbook_link(kind, runbook)
        where = shlex.quote(run_dir) if run_dir else "RUN_DIR"
        said = text.format(run_dir=where, rest=REST_BLOCKED if blocked else REST_LOADS,
                           force=FORCE_NOTHING if none_passed else FORCE_LOADS.format(run_dir=where))
        blocks.append(f"<h4>{html.escape(KIND_NAMES[kind].capitalize())}</h4><p>{inline_code(said)}</p>"
                      f'<p>Runbook: <a href="{html.escape(href)}">{html.escape(href)}</a></p>')
    return "<h3>What to do</h3>" + "".join(blocks) if blocks else ""


def inline_code(text: str) -> str:
    """`text` as HTML: every part escaped, the parts in Markdown backticks as <code> (the mail
    showed the backticks themselves)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: the text as it is
        return html.escape(text)
    return "".join(f"<code>{html.escape(part)}</code>" if i % 2 else html.escape(part)
                   for i, part in enumerate(parts))


def readable(value: Any) -> str:
    """A value of a summary as a person reads it, not as Python or JSON writes it: None (null) is
    "(no value)", a mapping "key value; key value" (keys' underscores as spaces), a list its items
    joined by ", ", a whole float without ".0", true/false as "yes"/"no"."""
    if value is None:
        return "(no value)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Mapping):
        return "; ".join(f"{str(k).replace('_', ' ')} {readable(v)}" for k, v in value.items()) or "(empty)"
    if isinstance(value, (list, tuple)):
        return ", ".join(readable(v) for v in value) or "(none)"
    return str(value)


def _run_dir_of(docs_path: str, run_id: str) -> str:
    """The run directory (or URL) a Data Docs path lies in (`<run dir>/validation/data_docs/...`)."""
    marker = "/validation/data_docs/"
    path = docs_path.replace("\\", "/")
    if marker in path:
        return path.split(marker, 1)[0]
    return f"<data dir>/runs/{run_id}"


def _link(url: str) -> str:
    """An http(s) URL as a link, anything else as code (a scraped `javascript:` never becomes a link)."""
    if re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'
    return f"<code>{html.escape(url)}</code>"


def _failures_html(summary: Mapping[str, Any]) -> str:
    failures = list(summary.get("failed_expectations") or [])
    if not failures:
        return "<p>No row failed a critical expectation.</p>"
    parts = []
    for failure in failures:
        column = failure.get("column")
        title = (f"{failure.get('suite')} / {failure.get('expectation')}"
                 + (f" (column {column})" if column else "")
                 + f": {counted(failure.get('unexpected_count'), 'failing row')}")
        error = f"<p>Error: <code>{html.escape(str(failure['error']))}</code></p>" if failure.get("error") else ""
        samples = "".join(_sample_html(s) for s in list(failure.get("samples") or [])[:MAX_SAMPLES])
        parts.append(f"<h4>{html.escape(title)}</h4>{error}<ul>{samples}</ul>")
    return "".join(parts)


def _sample_html(sample: Any) -> str:
    """One failing row: page URL, title, and what failed in it (fragment, sentence or value)."""
    if not isinstance(sample, Mapping):
        return f"<li><code>{html.escape(str(sample)[:300])}</code></li>"
    key = str(sample.get("key"))
    url = str(sample.get("url") or key.split("#", 1)[0])
    lines = [f"page: {_link(url)}" + _metric_on_page(key)]
    if sample.get("title"):
        lines.append(f"title: {html.escape(str(sample['title']))}")
    if sample.get("match"):
        lines.append(f"matched boilerplate: <code>{html.escape(str(sample['match']))}</code>")
        lines.append(f"in: <code>{html.escape(_short(sample.get('value')))}</code>")
    elif sample.get("sentence"):
        lines.append(f"sentence: <q>{html.escape(str(sample['sentence']))}</q>")
        lines.append(f"failing value: <code>{html.escape(_short(sample.get('value')))}</code>")
    else:
        lines.append(f"failing value: <code>{html.escape(_short(sample.get('value')))}</code>")
    return "<li>" + "<br>".join(lines) + "</li>"


def _metric_on_page(key: str) -> str:
    """" (metric 3 on the page)" for a metric's row key `<url>#<0-based position>` ("metric #0" before)."""
    if "#" not in key:
        return ""
    position = key.rsplit("#", 1)[1]
    number = str(int(position) + 1) if position.isdigit() else position
    return f" (metric {html.escape(number)} on the page)"


def _short(value: Any) -> str:
    text = readable(value)
    return text if len(text) <= 300 else text[:300] + "..."


def data_docs_link(docs_path: str, run_id: str, base: str | None) -> str | None:
    """`<base>/<run_id>/validation/data_docs/index.html` (the part of `docs_path` from the run
    directory on), or None without a base URL."""
    if not base:
        return None
    parts = PurePosixPath(docs_path.replace("\\", "/")).parts
    tail = parts[len(parts) - 1 - parts[::-1].index(run_id):] if run_id in parts else (
        run_id, "validation", "data_docs", "index.html")
    return base.rstrip("/") + "/" + "/".join(quote(p) for p in tail)


def _docs_html(docs_path: str, run_id: str, base: str | None) -> str:
    url = data_docs_link(docs_path, run_id, base) if docs_path else None
    if url:
        return f'<p>Data Docs: <a href="{html.escape(url)}">{html.escape(url)}</a></p>'
    if not docs_path:
        return "<p>Data Docs: none were built.</p>"
    return (f'<p>Data Docs: <a href="file://{html.escape(docs_path)}">{html.escape(docs_path)}</a> '
            f"({html.escape(DOCS_UNSET_NOTE)})</p>")


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
    """All warnings in one section: a count per warning expectation, one example each."""
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
                     f"({html.escape(str(w.get('suite')))}): {counted(w.get('unexpected_count'), 'row')}{example}</li>")
    return (f"<h3>Warnings (not blocking): {counted(len(warnings), 'expectation')}</h3>"
            f"<ul>{''.join(items)}</ul>{note}")


def task_failure_alert(task_id: str, dag_id: str, run_id: str, try_number: Any, error: str,
                       log_url: str | None = None, source: str | None = None,
                       runbook_url: str | None = None, run_dir: str | None = None) -> tuple[str, str]:
    """Subject and HTML of the mail for a task that failed after its retries.

    `run_id` is the Airflow DAG run's id; `run_dir` the run directory the failed task wrote (a path
    or URL under NEWSETL_DATA_DIR; the daily DAG's is named after the run id made safe:
    `manual__2026-12-03T22:26:18+00:00` is `.../runs/manual__2026-12-03T22_26_18_00_00`; the reprocess
    DAG's `reprocess__<run>__<stamp>`, one per reprocessed run): the mail names it and its commands take
    it, so that on-call does not crawl into a second run directory named after the DAG run id."""
    what = f"{task_id}" + (f" of {source}" if source else "")
    subject = " ".join(f"[newsetl] task failure: {what} in {dag_id} (run {run_id})".split())
    anchor_text = WHAT_TO_DO["task_failure"][1].format(
        source=shlex.quote(source) if source else "<source>", run_dir=shlex.quote(run_dir) if run_dir else "<run dir>")
    href = runbook_link("task_failure", runbook_url if runbook_url is not None else runbook_base_url())
    log_line = f"<p>Log: {_link(log_url)}</p>" if log_url else ""
    dir_line = (f"<p>Run directory: <code>{html.escape(run_dir)}</code> (the commands below take this path, not "
                f"the DAG run id: a daily run's directory is the run id with the characters a directory name cannot "
                f"hold replaced, a reprocess run's is named after the run it reprocesses)</p>"
                if run_dir else "")
    body = (f"<h2>newsetl: task failure</h2>"
            f"<p>Task <b>{html.escape(task_id)}</b>{' (source ' + html.escape(source) + ')' if source else ''} "
            f"of DAG <b>{html.escape(dag_id)}</b> failed after {html.escape(str(try_number))} tries in run "
            f"<b>{html.escape(run_id)}</b>.</p>{dir_line}"
            f"<p>Error: <code>{html.escape(error[:2000])}</code></p>{log_line}"
            f"<h3>What to do</h3><h4>Task failure</h4><p>{inline_code(anchor_text)}</p>"
            f'<p>Runbook: <a href="{html.escape(href)}">{html.escape(href)}</a></p>')
    return subject, body


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
    waiting: str | None = None  # not delivered and kept in news.alert_outbox: where and why (the validate line)


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


NO_RECIPIENTS = "no recipients configured (NEWSETL_ALERT_EMAILS)"
NO_RECIPIENTS_HINT = "no recipients configured: set NEWSETL_ALERT_EMAILS"


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
        text = f"{readable(sample.get('key'))}: {readable(sample.get('value'))}"
    else:
        text = readable(sample)
    return text[:300]


def send_alert(subject: str, html_content: str, recipients: Iterable[str] | None = None) -> bool:
    """Send one mail on smtp_default; False (and a logged error) if it could not be delivered."""
    return deliver(subject, html_content, recipients) is None


def deliver(subject: str, html_content: str, recipients: Iterable[str] | None = None) -> str | None:
    """Send one mail on smtp_default; None when the relay took it, else why not (logged)."""
    return _deliver(subject, html_content, recipients)[0]


def _deliver(subject: str, html_content: str, recipients: Iterable[str] | None = None
             ) -> tuple[str | None, bool]:
    """(None, False) when the relay took the mail, else (why not, whether the relay is down)."""
    to = _recipients(recipients)
    if not to:
        log.warning("no NEWSETL_ALERT_EMAILS configured; alert not mailed: %s", subject)
        return NO_RECIPIENTS, False
    try:
        mail.send(mail.Mail.from_html(subject, html_content), to)
    except Exception as exc:  # noqa: BLE001 - the relay being down must not change the run's outcome
        error = f"{type(exc).__name__}: {exc}"[:500]
        log.error("alert mail could not be sent via %s: %s", SMTP_CONN_ID, error)
        return error, mail.relay_down(exc)
    log.info("alert mailed to %s: %s", ", ".join(to), subject)
    return None, False


def _smtp_timeout() -> float:
    """The SMTP timeout of smtp_default (for the delivery budget); the default when unreadable."""
    try:
        return mail.relay_settings().timeout
    except Exception:  # noqa: BLE001 - the send itself reports a broken connection
        return DEFAULT_SMTP_TIMEOUT_S


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
    if not to:  # the documented default: alerts are logged; no try is spent (it is mailed once recipients are set)
        log.warning("alert %s of run %s not mailed: %s; it waits in the outbox: %s", alert.alert_id, run_id,
                    NO_RECIPIENTS, subject)
        return AlertOutcome(delivered=False, repeated=False,
                            waiting=f"it waits in news.alert_outbox ({NO_RECIPIENTS_HINT}); `newsetl status` counts it")
    started, timeout = time.monotonic(), _smtp_timeout()
    error: str | None = None
    for attempt in range(DELIVERY_TRIES):
        if attempt:
            backoff = DELIVERY_BACKOFF_S * 2 ** (attempt - 1)
            if time.monotonic() - started + backoff + timeout > DELIVERY_BUDGET_S:
                log.warning("alert %s: no further try within the %.0f s delivery budget; it waits in the "
                            "outbox", alert.alert_id, DELIVERY_BUDGET_S)
                break
            time.sleep(backoff)
        log.info("alert %s of run %s: delivery try %d of %d", alert.alert_id, run_id, attempt + 1, DELIVERY_TRIES)
        error = deliver(subject, html_content, to)
        outbox.mark(url, alert.alert_id, delivered=error is None, error=error)
        if error is None:
            _write_marker(marker, fingerprint, subject, to, alert_id=alert.alert_id)
            return AlertOutcome(delivered=True, repeated=False)
    return AlertOutcome(delivered=False, repeated=False,
                        waiting=f"it waits in news.alert_outbox (the relay did not take it: {error}); the next "
                                f"validation mails it, `newsetl status` counts it")


def retry_undelivered(url: str) -> tuple[int, int]:
    """Mail every alert the outbox still holds undelivered (one try each): (delivered, still pending).

    Stops at the first try that finds the relay down or silent: the others would wait out the
    same timeout each, and stay pending for the next validation.
    """
    from warehouse import outbox

    delivered = 0
    pending = outbox.pending(url, MAX_DELIVERY_ATTEMPTS)
    for alert in pending:
        if not _recipients(alert.recipients or None):
            continue  # nobody to mail yet: no try spent, it stays pending until recipients are set
        error, down = _deliver(alert.subject, alert.html, alert.recipients or None)
        outbox.mark(url, alert.alert_id, delivered=error is None, error=error)
        if error is None:
            delivered += 1
            log.info("undelivered alert %s of run %s mailed now", alert.alert_id, alert.run_id)
        elif down:
            log.warning("relay unreachable; %s wait for the next validation",
                        counted(len(pending) - delivered, "undelivered alert"))
            break
    return delivered, len(pending) - delivered


def task_failure_notifier(run_dir_of: Callable[[Any], str | None] | None = None):  # -> SmtpNotifier subclass
    """SmtpNotifier for on_failure_callback: fires once a task has exhausted its retries.

    `run_dir_of(context)` gives the failed task's run directory (the daily DAG:
    newsetl.dag_defaults.daily_run_dir), which the mail names and its commands take.

    Configured like the provider's SmtpNotifier (recipients, sender, `smtp_default`), but
    mails through `deliver`: a multipart "task failure" mail (`task_failure_alert`) with the
    same short SMTP timeouts as the validation alerts. Stays silent when the failure's
    message carries ALERT_ALREADY_SENT_NOTE (the validate task failing the batch after
    mailing the validation alert): one mail per run.
    """
    # `to` is the provider's required argument; notify() reads NEWSETL_ALERT_EMAILS when a task fails
    notifier = _notifier_class()(to=alert_emails() or ["oncall@localhost"], from_email=FROM_EMAIL,
                                 smtp_conn_id=SMTP_CONN_ID)
    notifier.run_dir_of = run_dir_of
    return notifier


@functools.cache
def _notifier_class() -> type:
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    class OncallSmtpNotifier(SmtpNotifier):
        """Mails on-call about a failed task; not again for a validation alert already mailed."""

        def notify(self, context: Any) -> None:
            exception = context.get("exception")
            if ALERT_ALREADY_SENT_NOTE in str(exception or ""):
                log.info("task failure not mailed: the validation alert for this run already was")
                return
            ti, dag = context.get("ti"), context.get("dag")
            task_id = str(getattr(ti, "task_id", None) or "unknown task")
            map_index = getattr(ti, "map_index", -1)
            named = getattr(ti, "rendered_map_index", None)
            if not named and isinstance(map_index, int) and map_index >= 0:
                task_id += f"[{map_index}]"
            run_dir = None
            run_dir_of = getattr(self, "run_dir_of", None)
            if run_dir_of is not None:
                try:
                    run_dir = run_dir_of(context)
                except Exception as exc:  # noqa: BLE001 - the mail goes out without it rather than not at all
                    log.warning("task failure mail: could not tell the run directory: %s: %s",
                                type(exc).__name__, exc)
            subject, body = task_failure_alert(
                run_dir=run_dir, task_id=task_id,
                dag_id=str(getattr(dag, "dag_id", None) or getattr(ti, "dag_id", None) or "?"),
                run_id=str(context.get("run_id") or getattr(ti, "run_id", "?")),
                try_number=getattr(ti, "try_number", "?"),
                error=f"{type(exception).__name__}: {exception}" if exception else "(no exception in context)",
                log_url=getattr(ti, "log_url", None), source=str(named) if named else None)
            to = alert_emails()  # read when the task fails, as the validation alerts read them
            if not to:  # as for validation alerts: logged, not mailed to a recipient nobody configured
                log.warning("task failure not mailed: %s: %s", NO_RECIPIENTS, subject)
                return
            deliver(subject, body, to)

    return OncallSmtpNotifier
