"""The run steps: crawl -> transform -> validate -> load on one run directory.

The DAG's tasks and `newsetl run` call these same functions; they hand each other the
run directory and small count dicts, never page payloads. Heavy imports (Scrapy, GX,
psycopg2) happen inside the steps so importing this module (e.g. at DAG parse) is cheap.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import traceback
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from core import config
from core import sources as sources_module
from core.records import content_hash, word_count
from core.rundir import (
    RunPaths,
    exclusive,
    new_run_id,
    open_lines,
    read_json,
    read_jsonl,
    run_paths,
    runs_root,
    safe_run_id,
    write_json,
    write_jsonl,
    write_lines,
)
from core.sources import Source, load_sources
from newsetl.connections import database_url as resolve_database_url
from newsetl.progress import Progress

log = logging.getLogger(__name__)
T = TypeVar("T")
NO_PROGRESS = Progress(enabled=False)  # the DAG's tasks and every caller that shows no bars

__all__ = ["LoadRefused", "ValidationGateFailed", "crawl", "load", "new_run_id", "prepare_reprocess", "prepare_run",
           "reprocess_all", "resolve_sources", "run_all", "safe_run_id", "select_runs", "transform", "transform_page",
           "validate"]

REPROCESS_PREFIX = "reprocess__"  # run ids of reprocess runs: reprocess__<archived run>__<UTC stamp>


class ValidationGateFailed(RuntimeError):
    """The whole batch failed validation: the load for this run is blocked."""


class LoadRefused(RuntimeError):
    """`load` of a run that validation blocked or never saw (without --force)."""


def _one_writer(stage: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Run a step on a run directory under the run's lock: a second transform/validate/load
    of the same run fails at once (RunLocked) instead of interleaving its writes."""
    def wrap(func: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(func)
        def locked(run_dir: str, *args: Any, **kwargs: Any) -> T:
            paths = RunPaths(Path(run_dir))
            with exclusive(paths.run_lock, f"the {stage} of run {paths.run_id}"):
                return func(run_dir, *args, **kwargs)
        return locked
    return wrap


def resolve_sources(overrides: Mapping[str, str] | None = None) -> dict[str, Source]:
    """The site registry with NEWSETL_BASE_URLS, then `overrides`, applied (core.sources.resolve_sources)."""
    return sources_module.resolve_sources(overrides)


def prepare_run(run_id: str) -> str:
    """Create the run directory and return its path."""
    return str(run_paths(config.data_dir(), safe_run_id(run_id)).make().root)


# --------------------------------------------------------------------------- crawl
def seen_urls_file(run_root: Path, source: str, database_url: str) -> Path:
    """Write the warehouse's stored article URLs of `source` for an incremental crawl."""
    from warehouse.queries import stored_article_urls

    path = RunPaths(run_root).seen_file(source)
    write_lines(path, stored_article_urls(source, database_url))
    return path


def crawl(
    run_dir: str,
    source: str,
    base_url: str | None = None,
    full: bool = False,
    database_url: str | None = None,
    since: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Crawl one source into the run directory (in its own process); returns its crawl report.

    `since` (YYYY-MM-DD) backfills: listings are paged back to that day (in full, not
    conditionally) and links the listing dates earlier are skipped.

    The source is resolved here (registry + NEWSETL_BASE_URLS + `base_url`) and handed to
    the crawl process whole; the stored URLs come from the warehouse unless `full`.
    """
    from crawlers.run import run_crawl_subprocess

    registry = resolve_sources({source: base_url} if base_url else None)
    if source not in registry:
        raise ValueError(f"unknown source {source!r}; known: {sorted(registry)}")
    root = Path(run_dir)
    seen = None if full else seen_urls_file(root, source, database_url or resolve_database_url())
    with (progress or NO_PROGRESS).crawl(source) as crawled:
        report = run_crawl_subprocess(registry[source], root, full=full, seen_file=seen,
                                      state_dir=config.data_dir() / "state", since=since)
        crawled(report)
    log.info("crawl %s: %s", source, json.dumps(report.get("articles", {})))
    return report


# --------------------------------------------------------------------------- transform
def transform_page(
    page: Mapping[str, Any], run_id: str, template: str | None = None
) -> tuple[dict, list[dict]]:
    """One raw article page -> (staged article row, staged metric rows). Raises on bad pages."""
    from transforms.metrics import EXTRACTOR_VERSION
    from transforms.page import parse_page
    from transforms.relevance import scitech_verdict
    from transforms.stories import story_print
    from transforms.stories import to_record as print_record
    from transforms.urls import normalize_url

    url = normalize_url(page.get("canonical_url") or page["url"])
    article = parse_page(
        page["html"],
        url=url,
        source=page.get("source"),
        template=template,
        content_type=(page.get("headers") or {}).get("Content-Type"),
    )
    scitech, score = scitech_verdict(article.title, article.body)
    row = {
        "url": url,
        "source": page.get("source") or article.source,
        "title": article.title,
        "published": article.published,
        "section": article.section,
        "body": article.body,
        "captions": list(article.captions),
        "language": article.language,
        "word_count": word_count(article.body),
        "content_hash": content_hash(article.title, article.body),
        "scitech": scitech,
        "scitech_score": score,
        "fetched_at": page.get("fetched_at"),
        "run_id": run_id,
        # the story fingerprint, computed here from the title and body the loader stores: the
        # load copies it (transforms.stories, warehouse.stories)
        "story_print": print_record(story_print(article.title, article.body)),
    }
    metrics = []
    for position, metric in enumerate(article.metrics):
        m = metric.to_dict()
        m.update({"article_url": url, "position": position, "run_id": run_id,
                  "extractor_version": EXTRACTOR_VERSION})
        metrics.append(m)
    return row, metrics


@_one_writer("transform")
def transform(run_dir: str, progress: Progress | None = None) -> dict[str, int]:
    """Raw pages of every source -> staged articles/metrics; bad pages go to staged/rejects."""
    from transforms.errors import NotAnArticle

    paths = RunPaths(Path(run_dir)).make()
    run_id = paths.run_id
    templates = {name: s.template for name, s in load_sources().items()}
    articles: dict[str, dict] = {}
    metrics: dict[str, list[dict]] = {}
    rejects: list[dict] = []
    pages = 0
    raw_files = paths.all_pages()
    progress = progress or NO_PROGRESS
    page_read = progress.pages(_count_lines(raw_files)) if progress.enabled else None
    for raw_file in raw_files:
        for page in read_jsonl(raw_file):
            if page_read is not None:
                page_read()
            if page.get("kind") != "article" or int(page.get("status") or 0) != 200:
                continue
            pages += 1
            try:
                row, rows = transform_page(page, run_id, templates.get(page.get("source")))
            except NotAnArticle as exc:
                rejects.append(_reject(page, [f"{exc.kind}: {exc}"]))
                continue
            except Exception as exc:  # noqa: BLE001 - a parser bug must not lose the page or stop the run
                log.error("transform failed for %s: %s", page.get("url"), exc)
                rejects.append(_reject(page, [f"error: {type(exc).__name__}: {exc}"],
                                       traceback.format_exc(limit=3)))
                continue
            articles[row["url"]] = row  # the same article reached twice: keep one
            metrics[row["url"]] = rows
    counts = {
        "pages": pages,
        "articles": write_jsonl(paths.staged_articles, articles.values()),
        "metrics": write_jsonl(paths.staged_metrics, (m for rows in metrics.values() for m in rows)),
        "rejected": write_jsonl(paths.rejects, rejects),
    }
    write_json(paths.transform_report, counts)
    log.info("transform: %s", counts)
    return counts


def _count_lines(files: list[Path]) -> int:
    """Non-blank lines of JSON Lines files (the pages a transform will read: a bar's total)."""
    total = 0
    for path in files:
        if path.exists():
            with open_lines(path) as fh:
                total += sum(1 for line in fh if line.strip())
    return total


def _reject(page: Mapping[str, Any], reasons: list[str], detail: str | None = None) -> dict:
    record = {k: page.get(k) for k in ("url", "canonical_url", "source", "status", "fetched_at", "encoding")}
    record["html_head"] = (page.get("html") or "")[:2000]
    if detail:
        record["traceback"] = detail
    return {"url": page.get("canonical_url") or page.get("url"), "source": page.get("source"),
            "stage": "transform", "reasons": reasons, "record": record}


# --------------------------------------------------------------------------- validate
def _validation_history(run_dir: str, database_url: str | None) -> tuple[Any, str | None, str | None]:
    """(History, None, DSN) read from the warehouse for `run_dir`, or (None, error, DSN or
    None) when unavailable; the DSN is the one resolved here, for the rest of the validation.

    Best-effort: an unreachable or empty warehouse never blocks validation, it only turns
    the day-over-day rules off (logged as a warning).
    """
    from expectations.runner import History, outlier_keys
    from warehouse.queries import listing_link_history, source_history, subject_medians

    root = Path(run_dir)
    resolved: str | None = None
    try:
        resolved = database_url or resolve_database_url()
        before = _crawl_started_at(RunPaths(root).crawl_report)
        history = History(
            source_counts=source_history(resolved, root.name, before=before),
            subject_medians=subject_medians(resolved, outlier_keys(root), root.name),
            listing_links=listing_link_history(resolved, root.name, before=before),
        )
    except Exception as exc:  # noqa: BLE001 - any failure here only costs the history rules
        error = f"{type(exc).__name__}: {str(exc).strip()[:300]}"
        log.warning("validate: warehouse history unavailable (%s); validating without the "
                    "day-over-day rules", error)
        return None, error, resolved
    return history, None, resolved


def _crawl_started_at(report_path: Path) -> str | None:
    """Earliest started_at over the run's per-source crawl reports (ISO-8601), if any."""
    if not report_path.is_file():
        return None
    report = json.loads(report_path.read_text(encoding="utf-8"))
    sources = report.get("sources") if isinstance(report, dict) else None
    starts = [r.get("started_at") for r in (sources or {}).values() if isinstance(r, dict)]
    parsed = []
    for value in starts:
        try:
            parsed.append((datetime.fromisoformat(str(value).replace("Z", "+00:00")), value))
        except ValueError:
            continue
    aware = [(ts, value) for ts, value in parsed if ts.tzinfo is not None]
    return min(aware)[1] if aware else None


@_one_writer("validation")
def validate(
    run_dir: str,
    alert: bool = True,
    database_url: str | None = None,
    dag_run_id: str | None = None,
) -> dict[str, Any]:
    """Run the GX gates; mail on-call once per run on a critical failure; raise if the batch failed.

    History for the day-over-day rules comes from the warehouse (best-effort). The alert is
    mailed at most once per validation result: validation/alert_sent.json remembers the
    last one delivered, so a retry or rerun with the same failures mails nobody.
    """
    from expectations.runner import validate_run
    from newsetl.alerts import (
        ALERT_ALREADY_SENT_NOTE,
        alert_fingerprint,
        alert_via_outbox,
        retry_undelivered,
        validation_alert,
    )

    paths = RunPaths(Path(run_dir))
    history, history_error, resolved_url = _validation_history(run_dir, database_url)
    outbox_url = None if history_error else resolved_url
    if outbox_url is not None and alert:
        try:  # alerts earlier runs could not deliver go out first
            retry_undelivered(outbox_url)
        except Exception as exc:  # noqa: BLE001 - the outbox is best-effort here, validation is not
            log.warning("validate: could not retry undelivered alerts: %s: %s", type(exc).__name__, exc)

    def mail_on_call(summary: dict[str, Any]) -> tuple[bool, bool]:
        subject, body = validation_alert(summary, paths.run_id, dag_run_id=dag_run_id)
        outcome = alert_via_outbox(outbox_url, paths.alert_marker, paths.run_id, alert_fingerprint(summary),
                                   subject, body)
        return outcome.delivered, outcome.repeated

    max_share, min_count = config.quarantine_gate()
    summary = validate_run(paths.root, history=history, history_error=history_error,
                           alert=mail_on_call if alert else None, max_share=max_share,
                           min_count=min_count).to_dict()
    log.info("validate: %s", {k: v for k, v in summary.items() if isinstance(v, (int, bool))})
    log.info("validate: Data Docs for run %s: %s", paths.run_id, summary.get("data_docs"))
    for warning in summary.get("warnings", []):
        log.warning("validate: warning %s: %s row(s)", warning.get("expectation"),
                    warning.get("unexpected_count"))
    if summary["batch_failed"]:
        _record_blocked_run(paths, summary, dag_run_id, resolved_url)
        raise ValidationGateFailed(
            f"run {paths.run_id}: whole-batch validation failure "
            f"({summary['articles_quarantined']}/{summary['articles_total']} articles, "
            f"{summary['metrics_quarantined']}/{summary['metrics_total']} metrics quarantined; "
            f"{'; '.join(summary['batch_failed_reasons'])}); load blocked. "
            f"Data Docs: {summary.get('data_docs')}"
            + (f" {ALERT_ALREADY_SENT_NOTE}" if summary["alert_sent"] else "")
        )
    return summary


def _record_blocked_run(paths: RunPaths, summary: Mapping[str, Any], dag_run_id: str | None,
                        database_url: str | None) -> None:
    """Store a blocked run's row (status blocked, reasons) and its quarantine, not its rows.

    Best-effort: an unreachable warehouse is logged; the run stays blocked either way.
    """
    from warehouse.load import load_run

    try:
        load_run(paths.root, url=database_url or resolve_database_url(), run_id=paths.run_id,
                 dag_run_id=dag_run_id, sources=load_sources().values(),
                 blocked_reasons=list(summary.get("batch_failed_reasons") or []))
    except Exception as exc:  # noqa: BLE001 - recording must not hide the validation failure
        log.warning("validate: could not record blocked run %s in the warehouse: %s: %s",
                    paths.run_id, type(exc).__name__, exc)


# --------------------------------------------------------------------------- load
@_one_writer("load")
def load(run_dir: str, dag_run_id: str | None = None, database_url: str | None = None,
         force: bool = False, progress: Progress | None = None) -> dict[str, Any]:
    """Load the accepted rows and the quarantine of one run in one transaction.

    The load gate: a run that was never validated, or whose validation blocked the load,
    is refused (LoadRefused) unless `force`, which the load result records.
    """
    from warehouse.load import LOAD_STEPS, load_run

    paths = RunPaths(Path(run_dir))
    summary = read_json(paths.summary)
    if not isinstance(summary, dict):
        raise LoadRefused(f"run {paths.run_id} was never validated (no {paths.summary}): "
                          f"run `newsetl validate {paths.root}` first")
    if summary.get("batch_failed") and not force:
        reasons = "; ".join(str(r) for r in summary.get("batch_failed_reasons") or []) or "see summary.json"
        raise LoadRefused(f"run {paths.run_id}: validation blocked the load ({reasons}); "
                          f"load it anyway with --force")
    progress = progress or NO_PROGRESS
    result = load_run(paths.root, url=database_url or resolve_database_url(), run_id=paths.run_id,
                      dag_run_id=dag_run_id, sources=load_sources().values(),
                      forced=bool(force and summary.get("batch_failed")),
                      on_step=progress.load_steps(LOAD_STEPS)).to_dict()
    progress.finish_load()
    write_json(paths.load_result, result)
    log.info("load: %s", result)
    return result


# --------------------------------------------------------------------------- whole run
def run_all(
    sources: list[str] | None = None,
    base_urls: Mapping[str, str] | None = None,
    full: bool = False,
    run_id: str | None = None,
    database_url: str | None = None,
    since: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """One whole run without Airflow (same steps as the DAG); returns every step's counts.

    `progress` shows bars for the crawl, the transform and the load (newsetl.progress)."""
    registry = resolve_sources(base_urls)
    database_url = database_url or resolve_database_url()
    names = sources or list(registry)
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise ValueError(f"unknown source(s) {unknown}; known: {sorted(registry)}")
    run_dir = prepare_run(run_id or new_run_id())
    result: dict[str, Any] = {"run_dir": run_dir, "crawl": {}}
    # The sources' crawls run side by side, as the DAG's mapped crawl tasks do (each is its own
    # process; the run's crawl report is merged under a lock). Every crawl ends before the first
    # error, if any, is raised: one failing source does not cut another's crawl short.
    with ThreadPoolExecutor(max_workers=max(1, len(names)), thread_name_prefix="crawl") as pool:
        futures = {name: pool.submit(crawl, run_dir, name, base_url=registry[name].base_url, full=full,
                                     database_url=database_url, since=since, progress=progress)
                   for name in names}
    for name, future in futures.items():
        result["crawl"][name] = future.result()
    result["transform"] = transform(run_dir, progress=progress)
    result["validate"] = validate(run_dir, database_url=database_url)
    result["load"] = load(run_dir, database_url=database_url, progress=progress)
    return result


# --------------------------------------------------------------------------- reprocess
def select_runs(run_ids: Sequence[str] | None = None, date_from: str | None = None,
                date_to: str | None = None) -> list[str]:
    """Archived runs to reprocess: the named ones, or those whose crawl started in [from, to] (UTC days).

    Only runs that kept raw pages qualify; reprocess runs themselves are never selected by
    date. A named run that does not exist or has no raw pages is an error (ValueError).
    """
    root = runs_root(config.data_dir())
    if run_ids:
        chosen = []
        for run_id in run_ids:
            paths = run_paths(config.data_dir(), run_id)
            if not paths.all_pages():
                raise ValueError(f"run {run_id!r} has no archived raw pages under {root}")
            chosen.append(paths.run_id)
        return chosen
    if not date_from and not date_to:
        raise ValueError("name the runs to reprocess, or a date range (--from/--to)")
    first = date.fromisoformat(date_from) if date_from else date.min
    last = date.fromisoformat(date_to) if date_to else date.max
    chosen = []
    for run_dir in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else ():
        paths = RunPaths(run_dir)
        if paths.run_id.startswith(REPROCESS_PREFIX) or not paths.all_pages():
            continue
        started = _crawl_started_at(paths.crawl_report)
        day = (datetime.fromisoformat(started.replace("Z", "+00:00")).astimezone(UTC).date() if started
               else datetime.fromtimestamp(run_dir.stat().st_mtime, UTC).date())
        if first <= day <= last:
            chosen.append(paths.run_id)
    return chosen


def prepare_reprocess(run_id: str, now: datetime | None = None) -> str:
    """A new run directory holding the archived run's raw pages and crawl reports; returns its path.

    The archived run is left as it was (its staged rows, validation and load result stay its
    history); the pages are hard-linked where the file system allows, else copied.
    """
    source = run_paths(config.data_dir(), run_id)
    if not source.all_pages():
        raise ValueError(f"run {run_id!r} has no archived raw pages")
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    target = run_paths(config.data_dir(), f"{REPROCESS_PREFIX}{source.run_id}__{stamp}").make()
    for pages in source.all_pages():
        name = pages.parent.name
        for path in (pages, source.source_crawl_report(name)):
            if path.is_file():
                dest = target.source_raw(name) / path.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, dest)
                except OSError:
                    shutil.copy2(path, dest)
    report = read_json(source.crawl_report)
    if isinstance(report, dict):
        write_json(target.crawl_report, {**report, "reprocess_of": source.run_id})
    log.info("reprocess %s -> %s", source.run_id, target.run_id)
    return str(target.root)


def reprocess_all(run_ids: Sequence[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, database_url: str | None = None) -> list[dict[str, Any]]:
    """Re-transform, re-validate and re-load archived runs without crawling (as the reprocess DAG does).

    A run whose validation blocks its load is reported (its "error"), and the next run goes on.
    """
    database_url = database_url or resolve_database_url()
    results = []
    for run_id in select_runs(run_ids, date_from, date_to):
        run_dir = prepare_reprocess(run_id)
        result: dict[str, Any] = {"reprocess_of": run_id, "run_dir": run_dir, "transform": transform(run_dir)}
        try:
            result["validate"] = validate(run_dir, database_url=database_url)
            result["load"] = load(run_dir, database_url=database_url)
        except (ValidationGateFailed, LoadRefused) as exc:
            result["error"] = str(exc)
        results.append(result)
    return results
