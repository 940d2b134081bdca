"""Short human summaries of the commands' results: what `newsetl` prints without `--json`.

Each takes the very object `--json` prints (docs/CONTRACTS.md) and returns a few lines of
text; nothing here reads the warehouse or the run directory.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from core.wording import counted


def _n(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _c(value: Any, noun: str) -> str:
    """"1 article", "2 articles": a count and its noun in the right number (a missing count is 0)."""
    return counted(_n(value), noun)


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)[:16].replace("T", " ") if value else "-"


# Crawl report counts of pages kept whole but read uncertainly, named in the crawl line when not 0.
NAMED_CRAWL_WARNINGS = ("charset_guessed", "pages_with_decode_errors")
NAMED_PAGES = 5  # failed pages and page warnings named under a crawl line (all are in crawl_report.json)


def _crawled(name: str, report: Mapping[str, Any]) -> str:
    articles = report.get("articles") or {}
    refetched = _n(report.get("articles_refetched"))  # --full: articles stored or quarantined before, fetched again
    line = (f"crawl {name}: {_n(articles.get('new'))} new, "
            + (f"{refetched} refetched (stored or quarantined before), " if refetched else "")
            + f"{_n(articles.get('unchanged'))} unchanged, "
            + (f"{_n(report.get('articles_before_since'))} dated before --since (skipped), "
               if _n(report.get("articles_before_since")) else "")
            + f"{_c(articles.get('failed'), 'failed article page')}, "
            f"{_c(report.get('listings_failed'), 'failed listing page')} ({_c(report.get('requests'), 'request')})")
    warnings = report.get("warnings") or []
    named = [f"{key} {_n(report.get(key))}" for key in NAMED_CRAWL_WARNINGS if _n(report.get(key))]
    return (line + (f"; {counted(len(warnings), 'warning')}" if warnings else "")
            + (f" ({', '.join(named)})" if named else "")
            + _named_pages("failed", report.get("errors"), "error")
            + _named_pages("warning", warnings, "warning"))


def _named_pages(label: str, entries: Any, key: str, total: int | None = None,
                 where: str = "crawl_report.json") -> str:
    """Lines under a stage's line naming its first failed, warned or rejected pages: URL and reason;
    `total`: how many there are when `entries` lists only the first of them (all of them are in `where`)."""
    if not isinstance(entries, list) or not entries:
        return ""
    lines = [f"\n    {label}: {e.get('url')} ({' '.join(str(e.get(key)).split())})" if isinstance(e, Mapping)
             else f"\n    {label}: {e}" for e in entries[:NAMED_PAGES]]
    more = (len(entries) if total is None else total) - min(len(entries), NAMED_PAGES)
    if more > 0:
        lines.append(f"\n    ... {counted(more, f'more {label} page')} in {where}")
    return "".join(lines)


def crawl(source: str, result: Mapping[str, Any]) -> str:
    return _crawled(source, result) + f"\n  run directory: {result.get('run_dir')}"


def transform(result: Mapping[str, Any]) -> str:
    line = (f"transform: {_c(result.get('pages'), 'article page')} -> {_c(result.get('articles'), 'article')}, "
            f"{_c(result.get('metrics'), 'metric')}; {_n(result.get('rejected'))} rejected (quarantined)")
    damaged = result.get("archive_errors") or []
    if damaged:  # raw archive lines that could not be read: counted in rejected, named here
        named = [f"{d.get('file')} line {d.get('line')} ({d.get('kind')})" for d in damaged[:3]]
        line += (f"; {counted(len(damaged), 'raw archive error')}: " + ", ".join(named)
                 + (", ..." if len(damaged) > 3 else ""))
    line += _duplicates(result.get("duplicate_pages"), result.get("duplicates"))
    warned = result.get("warnings") or {}
    if warned:  # pages kept whole: repaired (replaced bytes, flattened nesting, oversized body), charset guessed
        line += "; page warnings: " + ", ".join(f"{kind} {_n(n)}" for kind, n in sorted(warned.items()))
    # each rejected page by URL and why (a report written before they were listed names none); more
    # than NAMED_PAGES: the count of the rest, all of them in staged/rejects.jsonl and the quarantine
    rejected = [r for r in result.get("rejected_pages") or [] if isinstance(r, Mapping)]
    return line + _named_pages("rejected", rejected, "reason", _n(result.get("pages_rejected")),
                               "staged/rejects.jsonl")


def _duplicates(pages: Any, count: Any = None, shown: int = 3, lead: str = "; ") -> str:
    """"; N duplicate pages ...: URL (= the URL kept), ..." for pages of one source with the same
    content as another URL of it (staged or stored once), or "" when there were none."""
    total, named = _first_named(pages, count, shown, lambda p: f"{p.get('url')} (= {p.get('duplicate_of')})")
    if not total:
        return ""
    return (f"{lead}{counted(total, 'duplicate page')}, the content of another URL of "
            f"{'its' if total == 1 else 'their'} source, kept once: {named}")


def _first_named(pages: Any, count: Any, shown: int, name: Callable[[Mapping[str, Any]], str]) -> tuple[int, str]:
    """(how many pages a summary names, "first, second, third, ..."): `count`, else as many as `pages`
    lists; the first `shown` of them by `name`, then ", ..." when there are more."""
    pages = [p for p in pages or [] if isinstance(p, Mapping)] if isinstance(pages, list) else []
    total = _n(count) or len(pages)
    named = [name(p) for p in pages[:shown]]
    return total, ", ".join(named) + (", ..." if total > len(named) else "")


def _mailed(summary: Mapping[str, Any]) -> str:
    if summary.get("alert_repeated"):  # the same result's alert went out before: nothing sent now
        return "no (already mailed for this result)"
    if summary.get("alert_waiting"):  # due, not mailed: where it waits (no recipients, relay down)
        return f"no: {summary['alert_waiting']}"
    return "yes" if summary.get("alert_sent") else "no"


# Blocking finding kinds (summary.json "findings", expectations.runner.FINDING_KINDS) as the
# validate line names them; any other kind is shown with its underscores as spaces.
BLOCK_NAMES = {"crawl_outage": "crawl outage", "template_drift": "template drift",
               "load_blocked": "whole-batch gate"}


def _blocked(summary: Mapping[str, Any]) -> str:
    """"; load blocked by crawl outage (source x: ...)" when a whole-batch rule blocked the load, else "".

    The critical gates only count quarantined rows, so a run blocked by a crawl outage "passed"
    them: without this on-call read "passed" on a run that loaded nothing."""
    if not summary.get("batch_failed"):
        return ""
    findings = [f for f in summary.get("findings") or [] if isinstance(f, Mapping) and f.get("blocks_load")]
    if findings:  # each reason with its kind, as the alert mail names them
        named = [f"{BLOCK_NAMES.get(str(f.get('kind')), str(f.get('kind')).replace('_', ' '))} ({f.get('text')})"
                 for f in findings]
        return "; load blocked by " + ", ".join(named)
    reasons = [str(r) for r in summary.get("batch_failed_reasons") or []]  # a summary without findings
    return "; load blocked" + (f" ({'; '.join(reasons)})" if reasons else "")


def validate(summary: Mapping[str, Any]) -> str:
    lines = [f"validate: articles {_n(summary.get('articles_accepted'))} accepted, "
             f"{_n(summary.get('articles_quarantined'))} quarantined of {_n(summary.get('articles_total'))}; "
             f"metrics {_n(summary.get('metrics_accepted'))} accepted, {_n(summary.get('metrics_quarantined'))} "
             f"quarantined of {_n(summary.get('metrics_total'))}",
             f"  critical gates: {'passed' if summary.get('critical_success') else 'failed'}{_blocked(summary)}; "
             f"{counted(len(summary.get('warnings') or []), 'warning')}; alert mailed: "
             f"{_mailed(summary)}"]
    for alert in summary.get("crawl_alerts") or []:  # what on-call is mailed of the crawl: named here too
        lines.append(f"  alert: {alert}")
    duplicates = summary.get("duplicates") or {}
    if isinstance(duplicates, Mapping) and _n(duplicates.get("total")):
        lines.append(_duplicates(duplicates.get("pages"), duplicates.get("total"), lead="  ")
                     + " (not validated again, not quarantined)")
    for key, noun, what in ACCEPTED_BEFORE:
        line = _accepted_before(summary.get(key), noun, what)
        if line is not None:
            lines.append(line)
    lines.append(f"  Data Docs: {summary.get('data_docs') or 'none built'}")
    return "\n".join(lines)


# What on-call accepted before came again (the validation summary's key, its noun, what was done with it).
ACCEPTED_BEFORE = (
    ("accepted_before", "article",
     "on-call accepted before with this content (newsetl quarantine accept), not validated again"),
    ("rejects_accepted_before", "page",
     "the transform rejected again as on-call accepted it before (newsetl quarantine accept), "
     "not counted or quarantined again"),
)


def _accepted_before(entry: Any, noun: str, what: str, shown: int = 3) -> str | None:
    """"  N articles on-call accepted before with this content, ...: URL, ..." for one of the summary's
    ACCEPTED_BEFORE entries ({"total", "pages"}), or None when it names none."""
    if not isinstance(entry, Mapping) or not _n(entry.get("total")):
        return None
    total, named = _first_named(entry.get("pages"), entry.get("total"), shown, lambda p: str(p.get("url")))
    return f"  {counted(total, noun)} {what}: {named}"


def load(result: Mapping[str, Any]) -> str:
    return (f"load {result.get('run_id')}: {_c(result.get('articles_inserted'), 'article')} inserted, "
            f"{_n(result.get('articles_updated'))} updated, {_n(result.get('articles_unchanged'))} unchanged, "
            f"{_n(result.get('articles_stale'))} stale; {_c(result.get('metrics_loaded'), 'metric')} "
            f"({_n(result.get('metrics_written'))} written); {_n(result.get('quarantined'))} quarantined; "
            f"{_n(result.get('stories_joined'))} of {_c(result.get('stories_fingerprinted'), 'fingerprinted article')} "
            f"joined a known story" + _computed_prints(result)
            + _duplicates(result.get("duplicates"), result.get("articles_duplicate"))
            + ("; FORCED" if result.get("forced") else "") + f" in {result.get('seconds')} s")


def _computed_prints(result: Mapping[str, Any]) -> str:
    """" (N fingerprints computed at load ...)" when the staged articles did not all carry a usable one."""
    computed, malformed = result.get("stories_computed") or 0, result.get("stories_malformed_prints") or 0
    if not computed and not malformed:
        return ""
    return (f" ({counted(computed, 'fingerprint')} computed at load: staged without a usable one"
            + (f"; {counted(malformed, 'staged fingerprint')} malformed" if malformed else "") + ")")


def _steps_then_blocked(result: Mapping[str, Any]) -> list[str]:
    """The lines of the steps that ran, in the order they ran (transform, validate, load), then
    the line of what stopped the run, if anything did ("blocked: ..."): a blocked run shows what its
    transform and validation found before saying why nothing was loaded."""
    lines = []
    for step, summary in (("transform", transform), ("validate", validate), ("load", load)):
        if isinstance(result.get(step), Mapping):
            lines += ["  " + line.strip() for line in summary(result[step]).splitlines()]
    if result.get("error"):
        lines.append(f"  blocked: {result['error']}")
    return lines


def run(result: Mapping[str, Any]) -> str:
    lines = [f"run {result.get('run_dir')}"]
    lines += ["  " + _crawled(name, report) for name, report in (result.get("crawl") or {}).items()]
    return "\n".join(lines + _steps_then_blocked(result))


def reprocess(results: list[Mapping[str, Any]]) -> str:
    lines = []
    for result in results:
        lines.append(f"reprocess of {result.get('reprocess_of')} -> {result.get('run_dir')}")
        lines += _steps_then_blocked(result)
    return "\n".join(lines)


def _status(status: Any, forced: Any) -> str:
    """A run's status, "loaded (forced)" when --force loaded it past its validation."""
    return f"{status} (forced)" if forced else str(status)


def _ran(r: Mapping[str, Any]) -> str:
    """When a run row's work happened: a run's crawl start, a reprocess run's load."""
    if r.get("reprocess_of"):
        return f"reprocessed {_when(r.get('ran_at') or r.get('loaded_at'))}"
    return f"started {_when(r.get('started_at'))}"


def runs(rows: list[Mapping[str, Any]]) -> str:
    """One line per run: a loaded run's counts (with the duplicate pages it stored once, when any); a
    blocked run says nothing of it was loaded and why; a reprocess names the run it reprocessed
    instead of repeating that run's crawl counts."""
    if not rows:
        return "no run stored yet"
    lines = []
    for r in rows:
        counts = r.get("counts") or {}
        crawled = ", ".join(f"{name} {_n((a or {}).get('new'))} new/"
                            + (f"{_n(a.get('refetched'))} refetched/" if (a or {}).get("refetched") else "")
                            + f"{_n((a or {}).get('unchanged'))} unchanged"
                            + (f"/{_n(a.get('failed'))} failed" if (a or {}).get("failed") else "")
                            for name, a in (r.get("crawled") or {}).items())
        rows_ = f"{counted(counts.get('articles'), 'article')}, {counted(counts.get('metrics'), 'metric')}"
        quarantined = f"{_n(counts.get('quarantined'))} quarantined"
        if r.get("status") == "blocked":
            reasons = "; ".join(str(x) for x in (r.get("load_result") or {}).get("blocked_reasons") or [])
            what = (f"load blocked{f' ({reasons})' if reasons else ''}: nothing loaded of {rows_} staged; "
                    f"{quarantined}")
        else:
            # load_result.articles_duplicate: pages of another URL's content, not stored again; only the
            # load counts them (a blocked run's record does not), and `load` and `validate` name them
            duplicates = _n((r.get("load_result") or {}).get("articles_duplicate"))
            what = f"{rows_}, {quarantined}" + (f", {counted(duplicates, 'duplicate page')} kept once"
                                                if duplicates else "")
        if r.get("reprocess_of"):
            what = f"reprocess of run {r['reprocess_of']}: {what}"
        result = r.get("load_result")
        forced = result.get("forced") if isinstance(result, Mapping) else None
        lines.append(f"{r.get('run_id')}  {_status(r.get('status'), forced)}  {_ran(r)}  {what}"
                     + (f"  [{crawled}]" if crawled and not r.get("reprocess_of") else ""))
    return "\n".join(lines)


def status(state: Mapping[str, Any]) -> str:
    current = "current" if state.get("migrations_current") else "PENDING: run `newsetl db upgrade`"
    lines = [f"warehouse: {state.get('warehouse')}",
             f"schema version {state.get('schema_version')} of {state.get('latest_migration')} ({current})"]
    if "undelivered_alerts" in (state.get("not_visible") or ()):
        lines.append("undelivered alerts: not visible to this role")
    elif state.get("undelivered_alerts") is not None:
        waiting = state["undelivered_alerts"]
        why = " (no recipients configured: set NEWSETL_ALERT_EMAILS; they are mailed then)" \
            if waiting and state.get("alert_recipients") == 0 else ""
        lines.append(f"undelivered alerts: {waiting}{why}")
    if state.get("metric_rules"):
        lines.append(f"metric rules: extractor {state.get('extractor_version')}, {state['metric_rules']}")
    for name, last in sorted((state.get("sources") or {}).items()):
        if not last:  # configured, never crawled
            lines.append(f"  {name}: no run yet")
            continue
        status_ = ("blocked: nothing loaded" if last.get("status") == "blocked"
                   else _status(last.get("status"), last.get("forced")))
        of = f", reprocess of run {last['reprocess_of']}" if last.get("reprocess_of") else ""
        lines.append(f"  {name}: last run {last.get('run_id')} ({status_}{of}, {_ran(last)})")
    if not any((state.get("sources") or {}).values()):
        lines.append("  no run stored yet")
    return "\n".join(lines)


def quarantine_list(rows: list[Mapping[str, Any]], state: str | None = None, source: str | None = None,
                    total: int | None = None, limit: int | None = None) -> str:
    """`quarantine list`: two lines per URL; with none, what was asked for found nothing ("no accepted
    URL" for --state accepted, not "no quarantined article URL", which reads as an empty quarantine).
    A list its --limit cut (`total` rows match, more than shown) ends saying how many it left out."""
    if not rows:
        return (f"no {state} URL" if state else "no quarantined article URL") + (f" from {source}" if source else "")
    lines = []
    for r in rows:
        decided = f" by {r['acted_by']} {_when(r['acted_at'])}" if r["state"] != "quarantined" else ""
        lines.append(f"{r['state']}{decided}  {_when(r['quarantined_at'])}  {r['source'] or '-'}  "
                     f"run {r['run_id']}  {r['url']}")
        lines.append(f"    {r['stage']}: {'; '.join(str(x) for x in r['reasons'] or [])[:300]}")
    if total is not None and total > len(rows):
        more, shown = total - len(rows), limit if limit is not None else len(rows)
        lines.append(f"... {more} more {state + ' ' if state else 'quarantined article '}"
                     f"{'URL' if more == 1 else 'URLs'} not shown (--limit {shown}; --limit {total} lists them all)")
    return "\n".join(lines)


def quarantine_decisions(results: list[Mapping[str, Any]]) -> str:
    lines = []
    for r in results:
        if r["action"] == "release":
            what = ("released: the next crawl fetches it again" if r["refetch"] else
                    "released, but it is a stored article: only a --full crawl fetches it again")
        elif r["loaded"]:
            left = r["metrics_left_quarantined"]
            what = (f"accepted: article {r['article']} (id {r['article_id']}), {counted(r['metrics_loaded'], 'metric')}"
                    + (f", {left} left quarantined" if left else ""))
        elif r.get("article") == "stale":
            what = "accepted; not loaded: the stored article is newer"
        elif r.get("article") == "duplicate":
            what = f"accepted; not loaded: its content is stored as {r.get('duplicate_of')} (the same article)"
        else:
            what = "accepted (marked; its page is not fetched again): " + str(r["why"]).split(":")[0]
        lines.append(f"{r['url']}: {what} [audit {r['audit_id']}, by {r['by']}]")
    return "\n".join(lines)


def indicators_unmapped(rows: list[Mapping[str, Any]]) -> str:
    if not rows:
        return "every metric subject maps to an indicator (or no metric is stored)"
    total = rows[0].get("unmapped_subjects") or len(rows)
    shown = f"the {len(rows)} most frequent" if len(rows) < total else "most frequent first"
    lines = [f"{counted(total, 'unmapped subject')}, {shown} (metrics / articles, units):"]
    for r in rows:
        lines.append(f"  {_n(r.get('metrics')):>5} / {_n(r.get('articles')):<4} {r.get('subject')}  "
                     f"[{', '.join(r.get('units') or [])}]")
    return "\n".join(lines)


def report(result: Mapping[str, Any]) -> str:
    return (f"report: {result['report']}\n"
            f"  {result['from']} to {result['to']}: {counted(result.get('articles'), 'article')}, "
            f"{counted(result.get('stories'), 'story', 'stories')}, "
            f"{counted(result.get('metrics'), 'metric')}; "
            f"{counted(result.get('charts'), 'chart')} ({_n(result.get('indicators'))} indicator series), "
            f"{counted(result.get('disagreements'), 'disagreement')}, "
            f"{counted(result.get('quarantined'), 'quarantined URL')} listed "
            f"(read as {result.get('as_role')})")
