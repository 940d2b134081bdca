"""Load one validated run directory into the warehouse in ONE transaction.

Reads (docs/ARCHITECTURE.md): validation/articles.jsonl and validation/metrics.jsonl
(accepted rows, required; an article's story print, staged by the transform, is copied, not
computed: warehouse.stories), validation/quarantine.jsonl and staged/rejects.jsonl
(-> news.quarantine), crawl_report.json (-> news.crawl_runs) and validation/summary.json
(-> news.validation_runs) when present.

How: the accepted articles and metrics are parsed once on the client
(warehouse.copyrows) and streamed with COPY into typed TEMP tables; quarantine and
reject lines go in raw and are parsed in SQL. One pass classifies every staged article
against news.articles, then INSERT ... SELECT ... ON CONFLICT merges the new and changed
ones. A new content_hash of a known URL moves the old content to news.article_versions;
an article's metric set is replaced as a whole (delete + insert) only when its hash
(articles.metrics_hash) differs. Loading the same run again, or a run overlapping an
earlier one, writes nothing new. Any failure (or a dropped connection) rolls the whole
run back.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg2
from psycopg2.extras import Json

from core.rundir import RunPaths, read_json
from core.sources import Source, load_sources
from warehouse import copyrows, indicators, sql, stories
from warehouse.db import connect, upgrade

log = logging.getLogger(__name__)

COPY_BUFFER = 1 << 20
ORPHAN_METRIC_REASON = sql.ORPHAN_REASON  # quarantine reason of a metric whose article was not loaded
# summary.json keys that describe the whole validation (stored as statistics when the
# summary has no per-suite section).
SUMMARY_COUNT_KEYS = ("articles_total", "articles_accepted", "articles_quarantined",
                      "metrics_total", "metrics_accepted", "metrics_quarantined")
OVERALL_SUITE = "all"
SAMPLES_KEY = "samples"  # a failed expectation's sample rows: news.validation_samples, not validation_runs
RUN_LOADED = "loaded"
RUN_BLOCKED = "blocked"
LOAD_STEPS = 15  # steps of a full load's transaction (_Steps calls), for a progress bar


@dataclass
class LoadResult:
    """Counts of one load_run call."""

    run_id: str
    articles_inserted: int = 0
    articles_updated: int = 0      # content or fields changed (includes versions_created)
    articles_unchanged: int = 0
    articles_stale: int = 0        # older than the stored content (an old run reloaded): skipped
    versions_created: int = 0
    metrics_loaded: int = 0        # accepted metrics of the loaded articles (now stored)
    metrics_written: int = 0       # of those, rows (re)written because their article's set changed
    quarantined: int = 0           # quarantine rows of this run (transform + validate + load)
    stories_fingerprinted: int = 0  # articles given a story fingerprint (new or changed content)
    stories_joined: int = 0        # of those, articles that joined a known story (a copy or rewrite)
    stories_computed: int = 0      # of those, prints the load computed itself (the staged row had none usable)
    stories_malformed_prints: int = 0  # staged prints the load could not read (computed instead; a transform bug)
    articles_duplicate: int = 0    # article pages not stored: the content of another URL of their source
    forced: bool = False           # loaded with --force although validation blocked the run
    seconds: float = 0.0
    # those pages: {url, source, duplicate_of, stored}; stored true: the load found the content stored
    # under duplicate_of by an earlier run; false: the transform staged it once, as duplicate_of.
    # Recorded in crawl_runs.load_result: incremental crawls skip them as they skip stored articles.
    duplicates: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready)."""
        return asdict(self)

    def counts(self) -> dict[str, int]:
        """The row counts without run id and timing."""
        return {k: v for k, v in self.to_dict().items() if isinstance(v, int) and not isinstance(v, bool)}


def load_run(
    run_dir: Path,
    url: str,
    run_id: str | None = None,
    dag_run_id: str | None = None,
    timings: dict[str, float] | None = None,
    sources: Iterable[Source] | None = None,
    forced: bool = False,
    blocked_reasons: list[str] | None = None,
    on_step: Callable[[str], None] | None = None,
) -> LoadResult:
    """Load `run_dir` (accepted rows, quarantine, reports) into schema news in one transaction.

    `blocked_reasons` (validation blocked the run): only the run's row (status "blocked",
    with the reasons), its quarantine and validation results are stored, not its articles
    and metrics, so on-call finds what failed and the quarantined pages are not fetched again.

    `timings`, when given, receives the seconds each step of the transaction took
    (benchmarks; the same figures are logged at DEBUG). `on_step`, when given, is called
    with each step's name as it starts (about LOAD_STEPS of them: a progress bar).
    """
    started = time.monotonic()
    paths = RunPaths(Path(run_dir))
    missing = [str(f) for f in (paths.accepted_articles, paths.accepted_metrics) if not f.is_file()]
    if missing:
        raise FileNotFoundError(f"not a validated run directory: missing {', '.join(missing)}")
    run_id = run_id or paths.run_id
    registry = list(sources) if sources is not None else list(load_sources().values())
    upgrade(url)
    crawl_report = _read_json(paths.crawl_report)
    summary = _read_json(paths.summary)
    result = LoadResult(run_id=run_id, forced=forced)
    steps = _Steps(timings if timings is not None else {}, on_step)

    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.LOAD_SESSION_SETTINGS)
            cur.execute(sql.ADVISORY_XACT_LOCK, (sql.LOAD_LOCK_KEY,))  # one load at a time
            _stage(cur, paths, steps, result if blocked_reasons is None else None)
            with steps("runs and sources"):
                _upsert_run(cur, run_id, dag_run_id, crawl_report)
                _upsert_sources(cur, registry)
            if blocked_reasons is None:
                _load_articles(cur, run_id, result, steps)
                _load_metrics(cur, run_id, result, steps)
                with steps("stories"):
                    told = stories.assign_stories(cur)
                result.stories_fingerprinted, result.stories_joined = told.fingerprinted, told.joined
                result.stories_computed, result.stories_malformed_prints = told.computed, told.malformed
            with steps("quarantine and validation"):
                _load_quarantine(cur, run_id, result)
                _load_validation(cur, run_id, summary)
            result.seconds = round(time.monotonic() - started, 3)
            recorded: dict[str, Any] = {**result.counts(), **({"forced": True} if result.forced else {}),
                                        **({"duplicates": result.duplicates} if result.duplicates else {})}
            if blocked_reasons is not None:
                recorded["blocked_reasons"] = list(blocked_reasons)
            cur.execute(sql.FINISH_RUN, {"run_id": run_id, "load_result": Json(recorded),
                                         "status": RUN_BLOCKED if blocked_reasons is not None else RUN_LOADED})
        with steps("commit"):
            conn.commit()
    except BaseException:
        if not conn.closed:
            try:
                conn.rollback()
            except Exception:  # noqa: BLE001 - the connection died mid-load: the server rolled back already
                pass
        raise
    finally:
        conn.close()
    log.info("loaded run %s: %s", run_id, result.to_dict())
    log.debug("load steps of run %s (s): %s", run_id, steps.timings)
    return result


class _Steps:
    """Times the named steps of a load: `with steps("name"): ...` adds seconds to timings[name]."""

    def __init__(self, timings: dict[str, float], on_step: Callable[[str], None] | None = None) -> None:
        self.timings = timings
        self.on_step = on_step
        self._name = ""
        self._start = 0.0

    def __call__(self, name: str) -> _Steps:
        self._name = name
        if self.on_step is not None:
            self.on_step(name)
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self._start
        self.timings[self._name] = round(self.timings.get(self._name, 0.0) + elapsed, 4)


def _read_json(path: Path) -> dict[str, Any] | None:
    data = read_json(path)
    return data if isinstance(data, dict) else None


def _stage(cur: Any, paths: RunPaths, steps: _Steps, result: LoadResult | None = None) -> None:
    """COPY the run's files into TEMP tables: accepted rows typed, quarantine lines raw.

    With `result` (a load of the articles, not a blocked run's record), staged articles whose
    content the warehouse holds under another URL of their source are dropped with their metrics
    and named in result.duplicates, with the pages the transform staged once (its report)."""
    cur.execute(sql.CREATE_STAGE_TABLES)
    articles = copyrows.FileStats()
    metrics = copyrows.FileStats()
    orphans: dict[tuple[Any, Any], tuple[Any, ...]] = {}
    with steps("stage articles (parse + COPY)"):
        _copy(cur, sql.COPY_STAGE["articles"], copyrows.article_rows(paths.accepted_articles, articles))
    with steps("stage metrics (parse + COPY)"):
        _copy(cur, sql.COPY_STAGE["metrics"],
              copyrows.metric_rows(paths.accepted_metrics, metrics, articles.keys, orphans))
    with steps("stage quarantine"):
        if orphans:
            _copy(cur, sql.COPY_STAGE["orphans"], copyrows.value_rows(list(orphans.values())))
        # quarantine and transform rejects are copied as raw JSON lines
        for name, path in (("quarantine", paths.quarantine), ("rejects", paths.rejects)):
            if path.is_file():
                with open(path, "rb") as fh:
                    cur.copy_expert(sql.COPY_LINES[name], fh, size=COPY_BUFFER)
    with steps("stage: duplicates, metric set hashes"):
        if articles.duplicates:
            cur.execute(sql.DEDUPLICATE_ARTICLES)
        if metrics.duplicates:
            cur.execute(sql.DEDUPLICATE_METRICS)
        if result is not None:
            _drop_stored_duplicates(cur, paths, result)
        cur.execute(sql.STAGE_METRIC_SETS)
    with steps("stage quarantine"):
        cur.execute(sql.STAGE_QUARANTINE, {"orphan_reason": ORPHAN_METRIC_REASON})
        cur.execute(sql.DROP_ACCEPTED_REJECTS)
        for (url,) in cur.fetchall():
            log.info("load: %s: the transform rejected the page on-call accepted before; not quarantined again", url)


def _drop_stored_duplicates(cur: Any, paths: RunPaths, result: LoadResult) -> None:
    """result.duplicates: the transform's (pages it staged once, staged/transform_report.json) and
    the staged articles whose content is stored under another URL of their source (dropped here)."""
    report = _read_json(paths.transform_report) or {}
    staged_once = report.get("duplicate_pages")
    found = [{"url": d.get("url"), "source": d.get("source"), "duplicate_of": d.get("duplicate_of"), "stored": False}
             for d in (staged_once if isinstance(staged_once, list) else []) if isinstance(d, dict)]
    cur.execute(sql.DROP_STORED_DUPLICATES)
    stored = [{"url": url, "source": source, "duplicate_of": of, "stored": True} for url, source, of in cur.fetchall()]
    for d in stored:
        log.info("load: %s has the content of stored article %s (source %s): not stored again",
                 d["url"], d["duplicate_of"], d["source"])
    result.duplicates = found + stored
    result.articles_duplicate = len(result.duplicates)


def _copy(cur: Any, statement: str, rows: Iterator[str]) -> None:
    """COPY `rows` (COPY text lines) with `statement`; a bad input line raises its own error."""
    with copyrows.CopyStream(rows) as stream:
        try:
            cur.copy_expert(statement, stream, size=COPY_BUFFER)
        except psycopg2.Error:
            if stream.error is not None:  # psycopg2 reports the reader's exception as QueryCanceled
                raise stream.error from None
            raise


def _upsert_run(cur: Any, run_id: str, dag_run_id: str | None, report: Mapping[str, Any] | None) -> None:
    cur.execute(sql.STAGED_COUNTS)
    articles, metrics, quarantined, rejects, first_fetch, last_fetch = cur.fetchone()
    started_at, finished_at = _run_window(report)
    cur.execute(sql.UPSERT_RUN, {
        "run_id": run_id,
        "dag_run_id": dag_run_id,
        "started_at": started_at or first_fetch,
        "finished_at": finished_at or last_fetch,
        "counts": Json({"articles": articles, "metrics": metrics, "quarantined": quarantined,
                        "rejects": rejects}),
        "crawl_report": Json(report) if report is not None else None,
    })


def _run_window(report: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """Earliest start and latest finish over the crawl report (per-source or top level)."""
    if not report:
        return None, None
    reports: list[Mapping[str, Any]] = [report]
    sources = report.get("sources")
    if isinstance(sources, Mapping):
        reports += [r for r in sources.values() if isinstance(r, Mapping)]
    starts = [_parse_ts(r.get("started_at")) for r in reports]
    ends = [_parse_ts(r.get("finished_at")) for r in reports]
    start = min((s for s in starts if s), default=None)
    end = max((e for e in ends if e), default=None)
    return (start.isoformat() if start else None, end.isoformat() if end else None)


def _parse_ts(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return ts if ts.tzinfo else None


def _upsert_sources(cur: Any, sources: Iterable[Source]) -> None:
    for source in sources:
        live = source.live_base_url
        cur.execute(sql.UPSERT_SOURCE, {
            "name": source.name,
            "site": source.site,
            "template": source.template,
            "base_url": live,
        })
    cur.execute(sql.INSERT_UNKNOWN_SOURCES)


def _load_articles(cur: Any, run_id: str, result: LoadResult, steps: _Steps) -> None:
    params = {"run_id": run_id}
    with steps("classify articles"):
        cur.execute(sql.CLASSIFY_ARTICLES)
        cur.execute(sql.ARTICLE_ACTION_COUNTS)
        actions = {action: (int(n), int(m or 0)) for action, n, m in cur.fetchall()}
    count = {action: n for action, (n, _) in actions.items()}
    result.articles_inserted = count.get("inserted", 0)
    result.versions_created = count.get("versioned", 0)
    result.articles_updated = count.get("updated", 0) + result.versions_created
    result.articles_unchanged = count.get("unchanged", 0)
    result.articles_stale = count.get("stale", 0)
    result.metrics_loaded = sum(m for action, (_, m) in actions.items() if action != "stale")
    with steps("article versions"):
        cur.execute(sql.RECORD_ARTICLE_VERSIONS, params)
    with steps("insert/update articles"):
        cur.execute(sql.UPSERT_ARTICLES, params)
    with steps("touch unchanged articles"):
        cur.execute(sql.TOUCH_UNCHANGED_ARTICLES, params)


def _load_metrics(cur: Any, run_id: str, result: LoadResult, steps: _Steps) -> None:
    with steps("delete changed metric sets"):
        cur.execute(sql.DELETE_CHANGED_METRICS)
    with steps("insert metric sets"):
        indicators.stage_indicator_map(cur)
        cur.execute(sql.INSERT_CHANGED_METRICS, {"run_id": run_id})
        result.metrics_written = cur.rowcount


def _load_quarantine(cur: Any, run_id: str, result: LoadResult) -> None:
    cur.execute(sql.UPSERT_QUARANTINE, {"run_id": run_id})
    cur.execute(sql.DELETE_GONE_QUARANTINE, {"run_id": run_id})
    cur.execute(sql.QUARANTINE_COUNT)
    result.quarantined = int(cur.fetchone()[0])


def suite_results(summary: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """validation/summary.json -> one row per suite for news.validation_runs.

    Uses summary["suites"] ({name: {...}} or [{"suite"|"name": ..}]) when present; else one
    row per suite named in failed_expectations/warnings plus an overall row "all". A suite
    with an entry in failed_expectations (rows quarantined under it) is stored as not
    successful even when its own result says it passed: a summary written before metrics of a
    quarantined article failed their suite in GX (`article_quarantined`) said so.
    """
    if not summary:
        return []
    validated_at = validated_time(summary)
    docs = summary.get("data_docs")
    docs = str(docs) if docs else None
    failures = [f for f in _as_list(summary.get("failed_expectations")) if isinstance(f, Mapping)]
    warnings = [w for w in _as_list(summary.get("warnings")) if isinstance(w, Mapping)]
    rows: dict[str, dict[str, Any]] = {}
    suites = summary.get("suites")
    if isinstance(suites, Mapping):
        suites = [{"suite": name, **(spec if isinstance(spec, Mapping) else {"success": spec})}
                  for name, spec in suites.items()]
    for spec in _as_list(suites):
        if not isinstance(spec, Mapping) or not (spec.get("suite") or spec.get("name")):
            continue
        name = str(spec.get("suite") or spec.get("name"))
        failed = spec.get("failed")
        if failed is None:
            failed = [f for f in failures + warnings if f.get("suite") == name]
        quarantined_under = any(f.get("suite") == name for f in failures)
        rows[name] = {"suite": name, "success": False if quarantined_under else _as_bool(spec.get("success")),
                      "statistics": spec.get("statistics"), "failed": failed,
                      "data_docs": str(spec.get("data_docs") or docs or "") or None}
    if not rows:
        for item in failures + warnings:
            name = str(item.get("suite") or OVERALL_SUITE)
            row = rows.setdefault(name, {"suite": name, "success": True, "statistics": None,
                                         "failed": [], "data_docs": docs})
            row["failed"].append(item)
            if item in failures:
                row["success"] = False
        stats = {k: summary[k] for k in SUMMARY_COUNT_KEYS if k in summary}
        critical = summary.get("critical_success", summary.get("success"))
        rows[OVERALL_SUITE] = {
            "suite": OVERALL_SUITE,
            "success": _as_bool(critical) if critical is not None else not failures,
            "statistics": stats or None,
            "failed": failures + warnings,
            "data_docs": docs,
        }
    return [{**rows[name], "validated_at": validated_at} for name in sorted(rows)]


def validated_time(summary: Mapping[str, Any]) -> datetime | None:
    """When the validation ran (summary.json `validated_at`, ISO 8601; a time without a zone is UTC);
    None for a summary written before it recorded that, or a value that is not a time."""
    value = summary.get("validated_at")
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _as_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _load_validation(cur: Any, run_id: str, summary: Mapping[str, Any] | None) -> None:
    """news.validation_runs per suite: failed expectations without their sample rows (the
    analysts read those); the entries with samples go to news.validation_samples (009)."""
    rows = suite_results(summary)
    for row in rows:
        failed = row["failed"]
        cur.execute(sql.UPSERT_VALIDATION_RUN, {
            "run_id": run_id, "suite": row["suite"], "success": row["success"],
            "statistics": _json_or_none(row["statistics"]), "failed": _json_or_none(without_samples(failed)),
            "data_docs": row["data_docs"], "validated_at": row["validated_at"],
        })
        if _has_samples(failed):
            cur.execute(sql.UPSERT_VALIDATION_SAMPLES, {"run_id": run_id, "suite": row["suite"],
                                                        "failed": Json(failed)})
        else:
            cur.execute(sql.DELETE_VALIDATION_SAMPLES, {"run_id": run_id, "suite": row["suite"]})
    cur.execute(sql.DELETE_GONE_VALIDATION_RUNS, {"run_id": run_id, "suites": [r["suite"] for r in rows]})


def without_samples(failed: Any) -> Any:
    """A suite's failed expectations without their "samples" (rejected values)."""
    if not isinstance(failed, (list, tuple)):
        return failed
    return [{k: v for k, v in item.items() if k != SAMPLES_KEY} if isinstance(item, Mapping) else item
            for item in failed]


def _has_samples(failed: Any) -> bool:
    return isinstance(failed, (list, tuple)) and any(isinstance(i, Mapping) and SAMPLES_KEY in i for i in failed)


def _json_or_none(value: Any) -> Json | None:
    return None if value is None else Json(value)

