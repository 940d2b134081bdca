"""The run steps: crawl -> transform -> validate -> load on one run directory.

The DAG's tasks and `newsetl run` call these same functions; they hand each other the
run directory and small count dicts, never page payloads. Heavy imports (Scrapy, GX,
psycopg2) happen inside the steps so importing this module (e.g. at DAG parse) is cheap.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import traceback
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from core import config
from core import sources as sources_module
from core.records import content_hash, warning_kind, word_count
from core.rundir import (
    ATTEMPTS_DIR,
    CRAWL_OUTPUT,
    CRAWL_REPORT_FILE,
    DAMAGED_ARCHIVE,
    LOAD_RESULT_FILE,
    PAGES_FILE,
    RAW,
    RUNS,
    TRANSFORM_OUTPUT,
    DataDir,
    RunCopy,
    RunPaths,
    changed_inputs,
    check_run_dir,
    http_validators,
    is_remote,
    json_bytes,
    new_run_id,
    open_lines,
    open_run,
    read_json,
    read_jsonl_salvaged,
    run_paths,
    safe_run_id,
    state_root,
    write_json,
    write_jsonl,
    write_lines,
)
from core.sources import Source, load_sources
from core.wording import counted, plural
from newsetl.connections import database_url as resolve_database_url
from newsetl.progress import Progress

log = logging.getLogger(__name__)
T = TypeVar("T")
NO_PROGRESS = Progress(enabled=False)  # the DAG's tasks and every caller that shows no bars

__all__ = ["CrawlFinished", "LoadRefused", "RunAlreadyLoaded", "ValidationGateFailed", "crawl", "load", "new_run_id",
           "prepare_reprocess", "prepare_run", "reprocess_all", "resolve_sources", "run_all", "safe_run_id",
           "select_runs", "transform", "transform_page", "validate"]

MAX_REPORTED_WARNINGS = 50  # pages listed with their warning lines in transform_report.json
REPROCESS_PREFIX = "reprocess__"  # run ids of reprocess runs: reprocess__<archived run>__<UTC stamp>


class ValidationGateFailed(RuntimeError):
    """The whole batch failed validation: the load for this run is blocked.

    `result` is what the command had when it stopped (validate: the validation summary; run:
    the run's result so far with its "validate" summary): `--json` prints it, and exit is 3.
    """

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.result = result


class LoadRefused(RuntimeError):
    """`load` of a run that validation blocked or never saw (without --force), or, even with
    --force, of a run whose validation passed no article (nothing to load)."""


class RunAlreadyLoaded(ValueError):
    """A crawl into a run that was loaded already (a new DAG run or `newsetl run` with its run id,
    a crawl into it): refused before anything is written. A run id names one crawl; crawling into
    a loaded run again replaced its raw pages (the loaded ones only left in raw/.attempts/), its
    load_result.json and its news.crawl_runs counts."""


class CrawlFinished(ValueError):
    """`newsetl crawl --out RUN` of a source whose crawl into RUN already finished (without --again)."""


PathsOf = Callable[[RunPaths], Sequence[Path]]


def _run_name(run_dir: str) -> str:
    return str(run_dir).rstrip("/").rsplit("/", 1)[-1]


def _one_writer(stage: str, reads: PathsOf, writes: PathsOf, needs: tuple[str, ...] = (), verb: str = "",
                before: str = "") -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Run a step on a run directory (a path or an object-storage URL) under the run's lock: a
    second transform/validate/load of the same run fails at once (RunLocked) instead of
    interleaving its writes. The step gets the run as a `RunCopy`: on object storage the files
    it `reads` are materialized first and the ones it `writes` are published when it ends.

    First, with nothing created and no lock taken, a directory that is no run directory, or a
    run holding none of `needs` (what step `before` writes), is refused (core.rundir.check_run_dir)."""
    def wrap(func: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(func)
        def locked(run_dir: str, *args: Any, **kwargs: Any) -> T:
            check_run_dir(run_dir, needs, verb, before)
            with open_run(run_dir, f"the {stage} of run {_run_name(run_dir)}") as run:
                run.pull(*reads(run.paths))
                run.owns(*writes(run.paths))
                return func(run, *args, **kwargs)
        return locked
    return wrap


def resolve_sources(overrides: Mapping[str, str] | None = None) -> dict[str, Source]:
    """The site registry with NEWSETL_BASE_URLS, then `overrides`, applied (core.sources.resolve_sources)."""
    return sources_module.resolve_sources(overrides)


def prepare_run(run_id: str) -> str:
    """Create the run directory and return its path; on object storage (nothing to create:
    a run is the objects under its prefix) check the storage answers and return the run's URL.

    A run that was loaded already (load_result.json) is refused (RunAlreadyLoaded), nothing
    written: a new DAG run or `newsetl run` with its id re-crawled into it and replaced its history.
    A run not loaded yet (a DAG run cleared or retried after a failure, or one that crawled only) is
    prepared again: its sources whose crawl finished are reused by `crawl`, the others crawled."""
    data = DataDir.from_env()
    run_id = safe_run_id(run_id)
    if data.local is not None:
        paths = run_paths(data.local, run_id)
        if paths.loaded:
            raise RunAlreadyLoaded(_already_loaded(run_id, str(paths.load_result)))
        return str(paths.make().root)
    data.check()
    if data.exists(f"{RUNS}/{run_id}/{LOAD_RESULT_FILE}"):
        raise RunAlreadyLoaded(_already_loaded(run_id, data.url_of(f"{RUNS}/{run_id}/{LOAD_RESULT_FILE}")))
    return data.run_location(run_id)


RUN_CONF_KEYS = ("run_id", "full", "since")  # what a ningbo_scitech_news DAG run's conf may hold


def check_run_conf(conf: Mapping[str, Any]) -> None:
    """ValueError (one line) for a daily DAG run's conf that cannot be right: an unknown key (a typo
    such as "sinse" was ignored: a full crawl ran instead of the backfill), "full" not true/false,
    "since" not a YYYY-MM-DD day up to today, "run_id" not a non-empty string. Checked once, by the
    first task, so that the run fails there without retries instead of in each crawl task, retried."""
    unknown = sorted(set(conf) - set(RUN_CONF_KEYS))
    if unknown:
        raise ValueError(f"run conf: unknown {plural(len(unknown), 'key')} {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(RUN_CONF_KEYS)}")
    if "full" in conf and not isinstance(conf["full"], bool):
        raise ValueError(f"run conf: full must be true or false, got {conf['full']!r}")
    if "run_id" in conf and not (isinstance(conf["run_id"], str) and conf["run_id"].strip()):
        raise ValueError(f"run conf: run_id must be a non-empty string, got {conf['run_id']!r}")
    if conf.get("since") is not None:
        _check_since(str(conf["since"]))


def _already_loaded(run_id: str, load_result: str, what: str = "crawled into again") -> str:
    return (f"run {run_id} was loaded already ({load_result}): a run id names one crawl, and it is not {what} "
            f"(that replaced the raw pages its warehouse rows came from, and its recorded counts). Crawl into a "
            f"new run (no run id, or another one), or re-transform its archived pages with "
            f"`newsetl reprocess {run_id}` (DAG ningbo_news_reprocess); nothing done")


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
    seen_file: Path | None = None,
    seen_from_warehouse: bool = True,
    if_finished: str = "reuse",
) -> dict[str, Any]:
    """Crawl one source into the run directory (in its own process); returns its crawl report.

    A run id names one crawl. A source whose crawl into this run already finished (its report
    says "finished", its pages are there: a cleared or retried task of the DAG run that crawled
    it, a DAG run or `newsetl run` with that run id again) is not crawled again: with `if_finished`
    "reuse" (the DAG, `newsetl run`) its report is returned as it is, with "reused": true, and
    the same pages give the same result; "refuse" raises CrawlFinished; "again" crawls it anew,
    the finished crawl kept under raw/.attempts/ (`newsetl crawl --again`). A crawl that failed,
    was killed or ended early is crawled again (its files kept under raw/.attempts/). Any crawl
    into a run that was loaded already is refused (RunAlreadyLoaded), nothing written.

    `since` (YYYY-MM-DD) backfills: listings are paged back to that day (in full, not
    conditionally) and links the listing dates earlier are skipped.

    The source is resolved here (registry + NEWSETL_BASE_URLS + `base_url`) and handed to
    the crawl process whole; the stored URLs are `seen_file`, else (unless not
    `seen_from_warehouse`) the warehouse's: skipped, or with `full` fetched again and counted as
    refetched, not new. On object storage the crawl runs into a local
    copy: the source's earlier pages and its listing validators are pulled first; its pages,
    report, log, seen file, any earlier attempt and the validators are published after, and
    the source's report is merged into the run's crawl report under a lock object.
    """
    from crawlers.report import merge_run_report
    from crawlers.run import run_crawl_subprocess

    since = _check_since(since)
    registry = resolve_sources({source: base_url} if base_url else None)
    if source not in registry:
        raise ValueError(f"unknown source {source!r}; known: {sorted(registry)}")
    what = f"the crawl of {source} into run {_run_name(run_dir)}"
    # locally the crawl process takes the source's fcntl lock itself; remotely this process
    # holds the lock object for the whole materialize -> crawl -> publish
    lock = f"{RAW}/.{source}.lock" if is_remote(run_dir) else None
    with open_run(run_dir, what, lock=lock, create=True) as run:
        paths = run.paths
        state_dir = run.state_dir if run.remote else state_root(config.data_dir())
        assert state_dir is not None
        validators = http_validators(state_dir, source)
        run.pull(paths.source_raw(source), validators, paths.load_result)
        finished = paths.finished_crawl(source)
        if paths.loaded and not (finished is not None and if_finished == "reuse"):
            raise RunAlreadyLoaded(_already_loaded(paths.run_id, run.url(paths.load_result),
                                                   f"crawled into again (source {source})"))
        if finished is not None and if_finished != "again":
            if if_finished == "refuse":
                raise CrawlFinished(
                    f"run {paths.run_id} already holds a finished crawl of {source} (finished "
                    f"{finished.get('finished_at')}; {run.url(paths.pages(source))}): not crawled again. "
                    f"`--again` crawls it anew (the finished crawl kept under {RAW}/.attempts/), or crawl into "
                    f"a new run (no --out)")
            log.warning("crawl %s: run %s already holds its finished crawl (finished %s): reused, nothing "
                        "fetched (a run id names one crawl: crawl into a new run to fetch again)",
                        source, paths.run_id, finished.get("finished_at"))
            return {**finished, "reused": True}
        run.owns(validators)
        seen = seen_file
        if seen is None and seen_from_warehouse:  # --full too: what it refetches is not new
            seen = seen_urls_file(paths.root, source, database_url or resolve_database_url())
            run.owns(seen)

        def publish_source() -> None:
            # an earlier crawl of the source, moved aside by this one, lands first; then the
            # source's folder is made to match this crawl (the old attempt's files go)
            run.publish(paths.attempts())
            run.mirror(paths.source_raw(source))

        try:
            with (progress or NO_PROGRESS).crawl(source) as crawled:
                report = run_crawl_subprocess(registry[source], paths.root, full=full, seen_file=seen,
                                              state_dir=state_dir, since=since)
                if run.remote:
                    with run.locked_update(paths.crawl_report, paths.crawl_report_lock,
                                           f"the crawl report of run {paths.run_id}"):
                        merge_run_report(paths, report)
                crawled(report)
        except BaseException:
            try:  # what the failed crawl left (its log) is published; its own error is what counts
                publish_source()
            except Exception as exc:  # noqa: BLE001
                log.error("crawl %s: could not publish the failed crawl's files: %s", source, exc)
            raise
        publish_source()
    log.info("crawl %s: %s", source, json.dumps(report.get("articles", {})))
    return report


def _check_since(since: str | None) -> str | None:
    """`since` as a YYYY-MM-DD day, or ValueError (one line) when it is not one or is after today
    (a DAG run's conf, a caller of run_all): a later day skipped every listed link, and the run
    ended as a crawl outage with its load blocked."""
    if not since:
        return None
    from crawlers.run import future_since

    try:
        day = date.fromisoformat(str(since).strip()).isoformat()
    except ValueError:
        raise ValueError(f"since: expected YYYY-MM-DD, got {since!r}") from None
    why = future_since(day)
    if why:
        raise ValueError(f"since {why}")
    return day


# --------------------------------------------------------------------------- transform
def transform_page(
    page: Mapping[str, Any], run_id: str, template: str | None = None, warnings: list[str] | None = None
) -> tuple[dict, list[dict]]:
    """One raw article page -> (staged article row, staged metric rows). Raises on bad pages.

    What the parse repaired (Article.warnings: replaced bytes, flattened nesting, an
    oversized body) is appended to `warnings`."""
    from core.records import WARNING_CHARSET_GUESSED, WARNING_ENCODING
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
    if warnings is not None:
        found = list(article.warnings)
        decode_errors = int(page.get("decode_errors") or 0)
        if decode_errors:  # the crawl counted them on the bytes: its count and codec are exact
            found = [w for w in found if warning_kind(w) != WARNING_ENCODING]
            sequences = counted(decode_errors, f"invalid {page.get('encoding')} byte sequence")
            found.insert(0, f"{WARNING_ENCODING}: {sequences} replaced with U+FFFD by the crawl")
        if page.get("charset_guessed"):
            found.insert(0, f"{WARNING_CHARSET_GUESSED}: no charset declared; the crawl decoded the page as "
                            f"{page.get('encoding')}, its text looking Chinese")
        warnings.extend(found)
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


@_one_writer("transform", reads=lambda p: [p.raw / "*" / PAGES_FILE], writes=lambda p: [p.staged],
             needs=CRAWL_OUTPUT, verb="transform", before="crawl into it (`newsetl crawl --source NAME --out {run}`)")
def transform(run: RunCopy, progress: Progress | None = None) -> dict[str, int]:
    """Raw pages of every source -> staged articles/metrics; bad pages go to staged/rejects."""
    from transforms.errors import NotAnArticle

    paths = run.paths.make()
    run_id = paths.run_id
    templates = {name: s.template for name, s in load_sources().items()}
    articles: dict[str, dict] = {}
    metrics: dict[str, list[dict]] = {}
    rejects: list[dict] = []
    warned: list[dict] = []
    pages = 0
    raw_files = paths.all_pages()
    progress = progress or NO_PROGRESS
    page_read = progress.pages(_count_lines(raw_files)) if progress.enabled else None
    damage: list[dict[str, Any]] = []  # raw archive lines that could not be read (named, quarantined)
    for raw_file in raw_files:
        bad: list[dict[str, Any]] = []
        for page in read_jsonl_salvaged(raw_file, bad):
            if page_read is not None:
                page_read()
            if page.get("kind") != "article" or int(page.get("status") or 0) != 200:
                continue
            pages += 1
            page_warnings: list[str] = []
            try:
                row, rows = transform_page(page, run_id, templates.get(page.get("source")), page_warnings)
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
            if page_warnings:
                log.warning("transform %s: %s", row["url"], "; ".join(page_warnings))
                warned.append({"url": row["url"], "source": row["source"], "warnings": page_warnings})
        for entry in bad:  # a bad line is one counted record; a damaged archive one failure of its source
            reject = _archive_reject(paths, raw_file, entry)
            log.error("transform: %s", reject["reasons"][0])
            rejects.append(reject)
            damage.append({"file": reject["record"]["file"], "source": reject["source"], "line": entry["line"],
                           "kind": entry["kind"], "error": entry["error"]})
    duplicates = _drop_duplicates(articles, metrics)
    page_rejects = [r for r in rejects if "file" not in r["record"]]  # (not the raw archive lines)
    counts: dict[str, Any] = {
        "pages": pages,
        "articles": write_jsonl(paths.staged_articles, articles.values()),
        "metrics": write_jsonl(paths.staged_metrics, (m for rows in metrics.values() for m in rows)),
        "rejected": write_jsonl(paths.rejects, rejects),
        # the pages rejected (not the raw archive lines, named below), how many and the first
        # MAX_REPORTED_WARNINGS of them, each {url, source, reason}: the run summary names them under its
        # transform line (all of them, with the page head, are in staged/rejects.jsonl and the quarantine)
        "pages_rejected": len(page_rejects),
        "rejected_pages": [{"url": r["url"], "source": r["source"], "reason": r["reasons"][0]}
                           for r in page_rejects[:MAX_REPORTED_WARNINGS]],
        # pages whose article came out whole after a repair, per warning kind (core.records
        # PARSE_WARNING_KINDS), and the first MAX_REPORTED_WARNINGS of them with their lines
        "warnings": dict(sorted(Counter(warning_kind(w) for entry in warned
                                        for w in dict.fromkeys(entry["warnings"])).items())),
        "page_warnings": warned[:MAX_REPORTED_WARNINGS],
        # raw archive lines that could not be read (each also a reject above): file, source, line,
        # kind (bad_record: that line, the rest read; damaged_archive: the file from that line on)
        "archive_errors": damage[:MAX_REPORTED_WARNINGS],
        # article pages not staged because another URL of the same source has the same content
        # (title and body): each {url, source, duplicate_of: the URL staged}; all of them, the load
        # records them so incremental crawls skip them as they skip stored articles
        "duplicates": len(duplicates),
        "duplicate_pages": duplicates,
    }
    write_json(paths.transform_report, counts)
    log.info("transform: %s", counts)
    return counts


def _drop_duplicates(articles: dict[str, dict], metrics: dict[str, list[dict]]) -> list[dict]:
    """Keep one staged article per source and content: the same title and body under two URLs of
    one source (Joomla serves an article under each of its category paths, Hanweb JCMS lists it in
    several columns as art_<column>_<id>.html) is one article. The URL kept is the first by
    `transforms.urls.duplicate_preference` (shortest, then alphabetical: the same whatever order the
    crawl fetched the pages in); the others are dropped with their metrics (the same facts at the
    same places) and returned as {url, source, duplicate_of}, sorted. They are not rejects: nothing
    is wrong with them, so they are neither quarantined nor counted toward the quarantine share.
    The same text on two sources is two articles (one story: transforms.stories)."""
    from transforms.urls import duplicate_preference

    groups: dict[tuple[Any, Any], list[str]] = {}
    for url, row in articles.items():
        if row.get("content_hash"):  # (a record without one is validation's to judge, not a duplicate)
            groups.setdefault((row.get("source"), row.get("content_hash")), []).append(url)
    dropped: list[dict] = []
    for urls in groups.values():
        if len(urls) < 2:
            continue
        kept, *others = sorted(urls, key=duplicate_preference)
        for url in others:
            row = articles.pop(url)
            metrics.pop(url, None)
            log.info("transform: %s has the content of %s (source %s): staged once, as %s",
                     url, kept, row.get("source"), kept)
            dropped.append({"url": url, "source": row.get("source"), "duplicate_of": kept})
    return sorted(dropped, key=lambda d: (str(d["source"]), d["duplicate_of"], d["url"]))


def _count_lines(files: list[Path]) -> int:
    """Non-blank lines of JSON Lines files (the pages a transform will read: a bar's total); a
    damaged file counts the lines readable before the damage (the transform reports it)."""
    import zlib

    total = 0
    for path in files:
        if path.exists():
            try:
                with open_lines(path) as fh:
                    for line in fh:
                        total += bool(line.strip())
            except (OSError, EOFError, zlib.error, UnicodeDecodeError):
                continue
    return total


URL_IN_LINE = re.compile(r'"(?:canonical_url|url)"\s*:\s*"(https?://[^"\\]{1,2000})"')


def _archive_reject(paths: RunPaths, raw_file: Path, entry: Mapping[str, Any]) -> dict:
    """A staged reject for a raw archive line that could not be read (core.rundir.read_jsonl_salvaged):
    keyed by the archive and line (not a page URL, so the page is not kept out of the next crawl),
    its source the archive's (raw/<source>/pages.jsonl.gz), the page URL when the bad line names one."""
    rel = raw_file.relative_to(paths.root).as_posix()
    source = raw_file.parent.name
    where = f"{rel} line {entry['line']}"
    record: dict[str, Any] = {"file": rel, "line": entry["line"], "error": entry["error"]}
    if entry.get("text") is not None:
        record["text_head"] = entry["text"]
        found = URL_IN_LINE.search(entry["text"])
        if found:
            record["page_url"] = found.group(1)
    reason = (f"{entry['kind']}: {where}: {entry['error']}" if entry["kind"] != DAMAGED_ARCHIVE
              else f"{entry['kind']}: {rel}: {entry['error']}")
    return {"url": f"{rel}#line={entry['line']}", "source": source, "stage": "transform", "reasons": [reason],
            "record": record}


def _reject(page: Mapping[str, Any], reasons: list[str], detail: str | None = None) -> dict:
    """A staged reject: the page's head and why, and `html_sha256` of the whole page, which tells a page on-call
    accepted (newsetl quarantine accept) from a changed one when a --full crawl fetches it again."""
    record = {k: page.get(k) for k in ("url", "canonical_url", "source", "status", "fetched_at", "encoding")}
    html = page.get("html") or ""
    record["html_head"] = html[:2000]
    record["html_sha256"] = hashlib.sha256(str(html).encode("utf-8", "replace")).hexdigest()
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
    from warehouse.queries import accepted_contents, listing_link_history, source_history, subject_medians

    root = Path(run_dir)
    resolved: str | None = None
    try:
        resolved = database_url or resolve_database_url()
        before = _crawl_started_at(RunPaths(root).crawl_report)
        history = History(
            source_counts=source_history(resolved, root.name, before=before),
            subject_medians=subject_medians(resolved, outlier_keys(root), root.name),
            listing_links=listing_link_history(resolved, root.name, before=before),
            accepted_contents=accepted_contents(resolved),
        )
    except Exception as exc:  # noqa: BLE001 - any failure here only costs the history rules
        error = f"{type(exc).__name__}: {str(exc).strip()[:300]}"
        log.warning("validate: warehouse history unavailable (%s); validating without the "
                    "day-over-day rules", error)
        return None, error, resolved
    return history, None, resolved


def _crawl_started_at(report_path: Path) -> str | None:
    """Earliest started_at over the run's per-source crawl reports (ISO-8601), if any."""
    return _started_at(report_path.read_text(encoding="utf-8") if report_path.is_file() else None)


def _started_at(report_text: str | None) -> str | None:
    """Earliest started_at in a run crawl report's text (ISO-8601), if any."""
    if not report_text:
        return None
    report = json.loads(report_text)
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


@_one_writer("validation",
             reads=lambda p: [p.crawl_report, p.staged, p.alert_marker], writes=lambda p: [p.validation],
             needs=TRANSFORM_OUTPUT, verb="validate", before="run `newsetl transform {run}`")
def validate(
    run: RunCopy,
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

    paths = run.paths
    history, history_error, resolved_url = _validation_history(str(paths.root), database_url)
    outbox_url = None if history_error else resolved_url
    if outbox_url is not None and alert:
        try:  # alerts earlier runs could not deliver go out first
            retry_undelivered(outbox_url)
        except Exception as exc:  # noqa: BLE001 - the outbox is best-effort here, validation is not
            log.warning("validate: could not retry undelivered alerts: %s: %s", type(exc).__name__, exc)

    waiting: list[str] = []  # where the alert waits when it was due and not mailed (the validate line)

    def mail_on_call(summary: dict[str, Any]) -> tuple[bool, bool]:
        summary = _published_docs(run, summary)
        subject, body = validation_alert(summary, paths.run_id, dag_run_id=dag_run_id, run_dir=run.location)
        outcome = alert_via_outbox(outbox_url, paths.alert_marker, paths.run_id, alert_fingerprint(summary),
                                   subject, body)
        waiting.extend([outcome.waiting] if outcome.waiting else [])
        return outcome.delivered, outcome.repeated

    max_share, min_count = config.quarantine_gate()
    summary = validate_run(paths.root, history=history, history_error=history_error,
                           alert=mail_on_call if alert else None, max_share=max_share,
                           min_count=min_count).to_dict()
    summary["alert_waiting"] = waiting[0] if waiting else None
    if waiting:  # summary.json says it too (`newsetl validate --json`, a later look at the run)
        write_json(paths.summary, {**read_json(paths.summary), "alert_waiting": summary["alert_waiting"]})
    if run.remote:  # the summary names the Data Docs where they are published, not the work copy
        summary = _published_docs(run, summary)
        write_json(paths.summary, {**read_json(paths.summary), "data_docs": summary["data_docs"]})
    log.info("validate: %s", {k: v for k, v in summary.items() if isinstance(v, (int, bool))})
    log.info("validate: Data Docs for run %s: %s", paths.run_id, summary.get("data_docs"))
    for warning in summary.get("warnings", []):
        log.warning("validate: warning %s: %s", warning.get("expectation"),
                    counted(warning.get("unexpected_count"), "row"))
    if summary["batch_failed"]:
        _record_blocked_run(paths, summary, dag_run_id, resolved_url)
        raise ValidationGateFailed(
            f"run {paths.run_id}: whole-batch validation failure "
            f"({summary['articles_quarantined']}/{summary['articles_total']} articles, "
            f"{summary['metrics_quarantined']}/{summary['metrics_total']} metrics quarantined; "
            f"{'; '.join(summary['batch_failed_reasons'])}); load blocked. "
            f"Data Docs: {summary.get('data_docs') or 'none built'}"
            + (f" {ALERT_ALREADY_SENT_NOTE}" if summary["alert_sent"] else ""),
            result=summary,
        )
    return summary


def _published_docs(run: RunCopy, summary: dict[str, Any]) -> dict[str, Any]:
    """`summary` with its Data Docs path as the published URL (on object storage)."""
    docs = summary.get("data_docs")
    if not run.remote or not docs:
        return summary
    return {**summary, "data_docs": run.url(Path(str(docs)))}


def _record_blocked_run(paths: RunPaths, summary: Mapping[str, Any], dag_run_id: str | None,
                        database_url: str | None, step: str = "validate") -> None:
    """Store a blocked run's row (status blocked, reasons) and its quarantine, not its rows.

    Best-effort: an unreachable warehouse is logged; the run stays blocked either way.
    """
    from warehouse.load import load_run

    try:
        load_run(paths.root, url=database_url or resolve_database_url(), run_id=paths.run_id,
                 dag_run_id=dag_run_id, sources=load_sources().values(),
                 blocked_reasons=list(summary.get("batch_failed_reasons") or []))
    except Exception as exc:  # noqa: BLE001 - recording must not hide the validation failure
        log.warning("%s: could not record blocked run %s in the warehouse: %s: %s",
                    step, paths.run_id, type(exc).__name__, exc)


# A blocked run that staged no article (a crawl outage): neither --force nor `quarantine accept` has anything.
NOTHING_STAGED = ("it staged no article, so there is nothing to load or accept: the next run crawls the source "
                  "again (README.md#crawl-outage)")
MAX_NAMED_REASONS = 4  # failed expectations named in the line of a forced load with nothing to load


def _accepted_articles(summary: Mapping[str, Any], paths: RunPaths) -> int:
    """Articles the validation passed (summary.json; else the lines of validation/articles.jsonl)."""
    accepted = summary.get("articles_accepted")
    if isinstance(accepted, int) and not isinstance(accepted, bool):
        return accepted
    with open(paths.accepted_articles, encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def _nothing_to_force(run: RunCopy, summary: Mapping[str, Any]) -> str:
    """The one line of a --force load refused because validation passed no article: how many
    rows passed (none), why the others did not, and what on-call can do instead."""
    paths = run.paths
    counts: dict[str, int] = {}
    for failure in summary.get("failed_expectations") or []:
        if isinstance(failure, Mapping) and failure.get("expectation"):
            name = str(failure["expectation"])
            counts[name] = counts.get(name, 0) + int(failure.get("unexpected_count") or 0)
    named = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    why = ", ".join(f"{name} {n}" for name, n in named[:MAX_NAMED_REASONS]) + (", ..." if len(named) > MAX_NAMED_REASONS
                                                                               else "")
    quarantined = int(summary.get("articles_quarantined") or 0) + int(summary.get("metrics_quarantined") or 0)
    line = (f"run {paths.run_id}: nothing to load with --force: 0 of {int(summary.get('articles_total') or 0)} "
            f"articles and {int(summary.get('metrics_accepted') or 0)} of {int(summary.get('metrics_total') or 0)} "
            f"metrics passed validation, and --force loads only the rows that passed"
            + (f" (quarantined: {why})" if why else "") + "; nothing loaded")
    if summary.get("batch_failed"):
        line += ", the run stays blocked"
    if quarantined:
        line += (". A quarantined article is loaded with `newsetl quarantine accept URL` "
                 "(`newsetl quarantine list` shows them)")
    elif summary.get("batch_failed") and not summary.get("articles_total"):  # validated: it had nothing
        line += f": {NOTHING_STAGED}"
    else:
        line += f". Run `newsetl validate {run.location}` first"
    return line


# --------------------------------------------------------------------------- load
@_one_writer("load", reads=lambda p: [p.crawl_report, p.staged, p.summary, p.accepted_articles,
                                          p.accepted_metrics, p.quarantine],
             writes=lambda p: [p.load_result])
def load(run: RunCopy, dag_run_id: str | None = None, database_url: str | None = None,
         force: bool = False, progress: Progress | None = None) -> dict[str, Any]:
    """Load the accepted rows and the quarantine of one run in one transaction.

    The load gate: a run that was never validated, whose validation blocked the load, or
    whose validation is older than its staged rows or crawl report (a transform rerun since:
    the fingerprints in summary.json "inputs" differ) is refused (LoadRefused); `force` loads
    a blocked or outdated one anyway, which the load result records. `force` loads only the rows
    the validation passed: when it passed no article, the load is refused all the same (a blocked
    run stays blocked, its quarantine recorded) and the message says why and points to
    `newsetl quarantine accept`.
    """
    from warehouse.load import LOAD_STEPS, load_run

    paths = run.paths
    summary = read_json(paths.summary)
    if not isinstance(summary, dict):
        raise LoadRefused(f"run {paths.run_id} was never validated (no {run.url(paths.summary)}): "
                          f"run `newsetl validate {run.location}` first")
    if summary.get("batch_failed") and not force:
        reasons = "; ".join(str(r) for r in summary.get("batch_failed_reasons") or []) or "see summary.json"
        if summary.get("articles_accepted") == 0 and not summary.get("articles_total"):  # e.g. a crawl outage
            raise LoadRefused(f"run {paths.run_id}: validation blocked the load ({reasons}); {NOTHING_STAGED}")
        if summary.get("articles_accepted") == 0:  # --force would refuse too: nothing passed
            raise LoadRefused(f"run {paths.run_id}: validation blocked the load ({reasons}); no article passed "
                              f"validation, so --force has nothing to load: a quarantined article is loaded with "
                              f"`newsetl quarantine accept URL` (`newsetl quarantine list` shows them)")
        raise LoadRefused(f"run {paths.run_id}: validation blocked the load ({reasons}); "
                          f"load the rows that passed anyway with --force")
    # a transform (or crawl) rerun after the validation: its result is of other rows. A summary
    # without "inputs" was written before validations recorded them: nothing to compare.
    recorded = summary.get("inputs")
    changed = changed_inputs(recorded, paths) if isinstance(recorded, dict) and recorded else []
    if changed and not force:
        raise LoadRefused(f"run {paths.run_id}: its validation is older than the run's data ({', '.join(changed)} "
                          f"changed since it was validated): run `newsetl validate {run.location}` first, or "
                          f"load the earlier validation's rows anyway with --force")
    forced = bool(force and (summary.get("batch_failed") or changed))
    if forced and not _accepted_articles(summary, paths):
        # --force loads the rows validation passed; with none, a "forced" load of 0 rows read as a
        # normal load (status loaded, exit 0). Refused instead: the run keeps its blocked row and
        # its quarantine (recorded again here, in case validation could not reach the warehouse).
        if summary.get("batch_failed"):
            _record_blocked_run(paths, summary, dag_run_id, database_url, step="load")
        raise LoadRefused(_nothing_to_force(run, summary))
    if changed:
        log.warning("load: run %s: loading a validation older than %s (--force)", paths.run_id, ", ".join(changed))
    progress = progress or NO_PROGRESS
    result = load_run(paths.root, url=database_url or resolve_database_url(), run_id=paths.run_id,
                      dag_run_id=dag_run_id, sources=load_sources().values(), forced=forced,
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
    since = _check_since(since)  # before the run directory exists
    config.check_settings()  # a bad setting fails here, not in the step (or the alert) that reads it
    registry = resolve_sources(base_urls)
    names = sources or list(registry)
    unknown = [n for n in names if n not in registry]
    if unknown:  # before the warehouse: a mistyped source creates none
        raise ValueError(f"unknown {plural(len(unknown), 'source')} {unknown}; known: {sorted(registry)}")
    database_url = database_url or resolve_database_url()
    run_dir = prepare_run(run_id or new_run_id())
    result: dict[str, Any] = {"run_dir": run_dir, "crawl": {}}
    # The sources' crawls run side by side, as the DAG's mapped crawl tasks do (each is its own
    # process; the run's crawl report is merged under a lock). Every crawl ends before the first
    # error, if any, is raised: one failing source does not cut another's crawl short.
    futures: dict[str, Any] = {}
    try:
        with ThreadPoolExecutor(max_workers=max(1, len(names)), thread_name_prefix="crawl") as pool:
            futures = {name: pool.submit(crawl, run_dir, name, base_url=registry[name].base_url, full=full,
                                         database_url=database_url, since=since, progress=progress)
                       for name in names}
    except KeyboardInterrupt:  # Ctrl-C reaches this thread only: stop the crawl children, then stop
        from crawlers.run import stop_running_crawls

        for future in futures.values():
            future.cancel()
        stopped = stop_running_crawls()
        log.warning("run %s interrupted: %d crawl process(es) stopped", _run_name(run_dir), stopped)
        raise
    for name, future in futures.items():
        result["crawl"][name] = future.result()
    result["transform"] = transform(run_dir, progress=progress)
    try:
        result["validate"] = validate(run_dir, database_url=database_url)
    except ValidationGateFailed as exc:
        exc.result = {**result, "validate": exc.result, "error": str(exc)}
        raise
    result["load"] = load(run_dir, database_url=database_url, progress=progress)
    return result


# --------------------------------------------------------------------------- reprocess
def select_runs(run_ids: Sequence[str] | None = None, date_from: str | None = None,
                date_to: str | None = None) -> list[str]:
    """Archived runs to reprocess: the named ones, or those whose crawl started in [from, to] (UTC days).

    Only runs that kept raw pages qualify; reprocess runs themselves are never selected by
    date. A named run that does not exist or has no raw pages is an error (ValueError).
    Works the same on a local data dir and on object storage.
    """
    data = DataDir.from_env()

    def has_pages(run_id: str) -> bool:
        return bool(data.glob(f"{RUNS}/{run_id}/{RAW}/*/{PAGES_FILE}"))

    if run_ids:
        chosen = []
        for run_id in run_ids:
            run_id = run_paths(Path("/"), run_id).run_id  # a bad run id is refused
            if not has_pages(run_id):
                raise ValueError(f"run {run_id!r} has no archived raw pages under {data.url_of(RUNS)}")
            empty = _without_article_pages(data, run_id)
            if empty:
                raise ValueError(empty)
            chosen.append(run_id)
        return chosen
    if not date_from and not date_to:
        raise ValueError("name the runs to reprocess, or a date range (--from/--to)")
    first = date.fromisoformat(date_from) if date_from else date.min
    last = date.fromisoformat(date_to) if date_to else date.max
    chosen = []
    for run_id in data.subfolders(RUNS):
        if run_id.startswith((REPROCESS_PREFIX, ".")) or not has_pages(run_id):
            continue
        started = _started_at(data.read_text(f"{RUNS}/{run_id}/{CRAWL_REPORT_FILE}"))
        modified = data.modified(f"{RUNS}/{run_id}")
        day = (datetime.fromisoformat(started.replace("Z", "+00:00")).astimezone(UTC).date() if started
               else modified.date() if modified else None)
        if day is None or not first <= day <= last:
            continue  # the day first: a run of another day is neither read nor named
        empty = _without_article_pages(data, run_id)
        if empty:
            log.warning("reprocess: skipped: %s", empty.removesuffix("; nothing done"))
            continue
        chosen.append(run_id)
    return chosen


def _without_article_pages(data: DataDir, run_id: str) -> str | None:
    """Why run `run_id` has nothing to reprocess when none of its raw pages files holds an article
    page (a crawl that found nothing new, or a later crawl into the run that fetched nothing and
    moved the earlier pages aside: reprocessing it transformed 0 pages and said nothing); None when
    one does (a damaged archive counts as holding pages: the transform names the damage)."""
    rels = data.glob(f"{RUNS}/{run_id}/{RAW}/*/{PAGES_FILE}")
    if any(_holds_article_page(data, rel) for rel in rels):
        return None
    names = ", ".join(rel.split(f"{RUNS}/{run_id}/", 1)[-1] for rel in rels)
    kept = data.glob(f"{RUNS}/{run_id}/{RAW}/{ATTEMPTS_DIR}/*/{PAGES_FILE}")
    where = (f"; earlier crawls of it are kept under {data.url_of(f'{RUNS}/{run_id}/{RAW}/{ATTEMPTS_DIR}')}/ "
             f"({', '.join(rel.rsplit('/', 2)[-2] for rel in kept)})" if kept else "")
    return (f"run {run_id} has no article page to reprocess: its raw pages ({names}) hold none (a crawl that "
            f"found nothing new, or a later crawl into the run that fetched nothing){where}; nothing done")


def _holds_article_page(data: DataDir, rel: str) -> bool:
    """True when the pages file `rel` holds an article page the transform would read (or cannot be read)."""
    import gzip
    import io
    import zlib

    def lines() -> Any:
        if data.local is not None:
            return open_lines(data.local / rel)
        blob = data.read_bytes(rel) or b""
        return io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(blob)), encoding="utf-8")

    try:
        with lines() as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    page = json.loads(line)
                except ValueError:
                    return True  # a damaged line: the transform reports it
                if isinstance(page, dict) and page.get("kind") == "article" and str(page.get("status")) == "200":
                    return True
    except (OSError, EOFError, zlib.error, UnicodeDecodeError):
        return True  # a damaged archive: the transform names the damage
    return False


def prepare_reprocess(run_id: str, now: datetime | None = None) -> str:
    """A new run directory holding the archived run's raw pages and crawl reports; returns its
    path (or URL, on object storage).

    The archived run is left as it was (its staged rows, validation and load result stay its
    history); the pages are hard-linked where the file system allows, else copied (on object
    storage: copied server-side).
    """
    data = DataDir.from_env()
    run_id = run_paths(Path("/"), run_id).run_id
    pages = data.glob(f"{RUNS}/{run_id}/{RAW}/*/{PAGES_FILE}")
    if not pages:
        raise ValueError(f"run {run_id!r} has no archived raw pages")
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    target = f"{REPROCESS_PREFIX}{run_id}__{stamp}"
    if data.local is not None:
        run_paths(data.local, target).make()
    for rel in pages:
        name = rel.split("/")[-2]
        for file in (PAGES_FILE, CRAWL_REPORT_FILE):
            src = f"{RUNS}/{run_id}/{RAW}/{name}/{file}"
            if data.exists(src):
                data.copy(src, f"{RUNS}/{target}/{RAW}/{name}/{file}")
    text = data.read_text(f"{RUNS}/{run_id}/{CRAWL_REPORT_FILE}")
    report = json.loads(text) if text else None
    if isinstance(report, dict):
        data.write_bytes(f"{RUNS}/{target}/{CRAWL_REPORT_FILE}", json_bytes({**report, "reprocess_of": run_id}))
    log.info("reprocess %s -> %s", run_id, target)
    return data.run_location(target)


def reprocess_all(run_ids: Sequence[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, database_url: str | None = None) -> list[dict[str, Any]]:
    """Re-transform, re-validate and re-load archived runs without crawling (as the reprocess DAG does).

    A run whose validation blocks its load is reported (its "error"), and the next run goes on.
    """
    chosen = select_runs(run_ids, date_from, date_to)  # before the warehouse: a bad run id creates none
    config.check_settings()
    if chosen:
        database_url = database_url or resolve_database_url()
    results = []
    for run_id in chosen:
        run_dir = prepare_reprocess(run_id)
        result: dict[str, Any] = {"reprocess_of": run_id, "run_dir": run_dir, "transform": transform(run_dir)}
        try:
            result["validate"] = validate(run_dir, database_url=database_url)
            result["load"] = load(run_dir, database_url=database_url)
        except (ValidationGateFailed, LoadRefused) as exc:
            if isinstance(exc, ValidationGateFailed) and isinstance(exc.result, dict):
                result["validate"] = exc.result  # what the validation found, as `run` reports it
            result["error"] = str(exc)
        results.append(result)
    return results
