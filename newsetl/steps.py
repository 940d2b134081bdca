"""The run steps: crawl -> transform -> validate -> load on one run directory.

The DAG's tasks and `newsetl run` call these same functions; they hand each other the
run directory and small count dicts, never page payloads. Heavy imports (Scrapy, GX,
psycopg2) happen inside the steps so importing this module (e.g. at DAG parse) is cheap.
"""
from __future__ import annotations

import gzip
import json
import logging
import re
import traceback
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from newsetl import config

log = logging.getLogger(__name__)

RUN_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
RAW_PAGES = "pages.jsonl.gz"


class ValidationGateFailed(RuntimeError):
    """The whole batch failed validation: the load for this run is blocked."""


@dataclass(frozen=True)
class RunPaths:
    """The layout of one run directory (docs/ARCHITECTURE.md)."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def staged(self) -> Path:
        return self.root / "staged"

    @property
    def validation(self) -> Path:
        return self.root / "validation"

    def make(self) -> "RunPaths":
        for d in (self.raw, self.staged, self.validation):
            d.mkdir(parents=True, exist_ok=True)
        return self


def safe_run_id(raw_run_id: str) -> str:
    """A filesystem- and SQL-friendly run id from an Airflow run id (or any string)."""
    cleaned = RUN_ID_UNSAFE.sub("_", raw_run_id).strip("._")
    if not cleaned:
        raise ValueError(f"empty run id from {raw_run_id!r}")
    return cleaned


def new_run_id(now: datetime | None = None) -> str:
    """A run id for runs started outside Airflow: cli__<UTC timestamp>."""
    now = now or datetime.now(timezone.utc)
    return "cli__" + now.strftime("%Y%m%dT%H%M%S%fZ")


def prepare_run(run_id: str) -> str:
    """Create the run directory and return its path."""
    return str(RunPaths(config.run_dir(safe_run_id(run_id))).make().root)


def write_json(path: Path, obj: Any) -> None:
    """Write JSON atomically (tmp file + rename) so a crashed step leaves no half file."""
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(obj, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(path)


def write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows as JSON Lines atomically; returns the row count."""
    tmp = path.with_suffix(path.suffix + ".part")
    n = 0
    with tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    tmp.replace(path)
    return n


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a JSON Lines file (gzip if it ends in .gz); nothing if it does not exist."""
    if not path.exists():
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


# --------------------------------------------------------------------------- crawl
def seen_urls_file(run_root: Path, source: str, database_url: str | None = None) -> Path:
    """Write the warehouse's stored article URLs of `source` for an incremental crawl."""
    from warehouse.queries import stored_article_urls

    path = run_root / "raw" / f"{source}.seen.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(u + "\n" for u in stored_article_urls(source, database_url)), encoding="utf-8")
    return path


def crawl(
    run_dir: str,
    source: str,
    base_url: str | None = None,
    full: bool = False,
    database_url: str | None = None,
) -> dict[str, Any]:
    """Crawl one source into the run directory (in its own process); returns its crawl report."""
    from crawlers.run import run_crawl_subprocess

    root = Path(run_dir)
    seen = None if full else seen_urls_file(root, source, database_url)
    report = run_crawl_subprocess(source, root, base_url=base_url, full=full, seen_file=seen)
    log.info("crawl %s: %s", source, json.dumps(report.get("articles", {})))
    return report


# --------------------------------------------------------------------------- transform
def transform_page(
    page: Mapping[str, Any], run_id: str, template: str | None = None
) -> tuple[dict, list[dict]]:
    """One raw article page -> (staged article row, staged metric rows). Raises on bad pages."""
    from transforms.page import parse_page
    from transforms.metrics import EXTRACTOR_VERSION
    from transforms.records import content_hash, word_count
    from transforms.relevance import is_scitech, scitech_score
    from transforms.urls import normalize_url

    url = normalize_url(page.get("canonical_url") or page["url"])
    article = parse_page(
        page["html"],
        url=url,
        source=page.get("source"),
        template=template,
        content_type=(page.get("headers") or {}).get("Content-Type"),
    )
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
        "scitech": is_scitech(article.title, article.body),
        "scitech_score": scitech_score(article.title, article.body),
        "fetched_at": page.get("fetched_at"),
        "run_id": run_id,
    }
    metrics = []
    for position, metric in enumerate(article.metrics):
        m = metric.to_dict()
        m.update({"article_url": url, "position": position, "run_id": run_id,
                  "extractor_version": EXTRACTOR_VERSION})
        metrics.append(m)
    return row, metrics


def transform(run_dir: str) -> dict[str, int]:
    """Raw pages of every source -> staged articles/metrics; bad pages go to staged/rejects."""
    from transforms.errors import NotAnArticle

    paths = RunPaths(Path(run_dir)).make()
    run_id = paths.root.name
    templates = {name: s.template for name, s in config.load_sources().items()}
    articles: dict[str, dict] = {}
    metrics: dict[str, list[dict]] = {}
    rejects: list[dict] = []
    pages = 0
    for raw_file in sorted(paths.raw.glob(f"*/{RAW_PAGES}")):
        for page in read_jsonl(raw_file):
            if page.get("kind") != "article" or int(page.get("status") or 0) != 200:
                continue
            pages += 1
            try:
                row, rows = transform_page(page, run_id, templates.get(page.get("source")))
            except NotAnArticle as exc:
                rejects.append(_reject(page, [f"{exc.kind}: {exc}"]))
                continue
            except Exception as exc:  # a parser bug must not lose the page or stop the run
                log.error("transform failed for %s: %s", page.get("url"), exc)
                rejects.append(_reject(page, [f"error: {type(exc).__name__}: {exc}"],
                                       traceback.format_exc(limit=3)))
                continue
            articles[row["url"]] = row  # the same article reached twice: keep one
            metrics[row["url"]] = rows
    counts = {
        "pages": pages,
        "articles": write_jsonl(paths.staged / "articles.jsonl", articles.values()),
        "metrics": write_jsonl(paths.staged / "metrics.jsonl",
                               (m for rows in metrics.values() for m in rows)),
        "rejected": write_jsonl(paths.staged / "rejects.jsonl", rejects),
    }
    write_json(paths.staged / "transform_report.json", counts)
    log.info("transform: %s", counts)
    return counts


def _reject(page: Mapping[str, Any], reasons: list[str], detail: str | None = None) -> dict:
    record = {k: page.get(k) for k in ("url", "canonical_url", "source", "status", "fetched_at", "encoding")}
    record["html_head"] = (page.get("html") or "")[:2000]
    if detail:
        record["traceback"] = detail
    return {"url": page.get("canonical_url") or page.get("url"), "source": page.get("source"),
            "stage": "transform", "reasons": reasons, "record": record}


# --------------------------------------------------------------------------- validate
ALERT_MARKER = "alert_sent.json"     # validation/alert_sent.json: the last validation alert mailed


def _validation_history(run_dir: str, database_url: str | None = None) -> tuple[Any, str | None]:
    """(History, None) read from the warehouse for `run_dir`, or (None, error) when unavailable.

    Best-effort: an unreachable or empty warehouse never blocks validation, it only turns
    the day-over-day rules off (logged as a warning).
    """
    from expectations.runner import CRAWL_REPORT, History, outlier_keys
    from warehouse.queries import source_history, subject_medians

    root = Path(run_dir)
    try:
        before = _crawl_started_at(root / CRAWL_REPORT)
        history = History(
            source_counts=source_history(database_url, root.name, before=before),
            subject_medians=subject_medians(database_url, outlier_keys(root), root.name),
        )
    except Exception as exc:  # noqa: BLE001 - any failure here only costs the history rules
        error = f"{type(exc).__name__}: {str(exc).strip()[:300]}"
        log.warning("validate: warehouse history unavailable (%s); validating without the "
                    "day-over-day rules", error)
        return None, error
    return history, None


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

    from newsetl.alerts import ALERT_ALREADY_SENT_NOTE, alert_fingerprint, send_alert_once, validation_alert

    root = Path(run_dir)
    history, history_error = _validation_history(run_dir, database_url)
    summary = validate_run(root, history=history).to_dict()
    if history_error:
        summary["history"]["error"] = history_error
    failed = (summary["articles_quarantined"] + summary["metrics_quarantined"] > 0
              or not summary["critical_success"] or summary["batch_failed"])
    summary["alert_sent"] = False
    summary["alert_repeated"] = False
    if failed and alert:
        subject, body = validation_alert(summary, root.name, dag_run_id=dag_run_id)
        outcome = send_alert_once(root / "validation" / ALERT_MARKER, alert_fingerprint(summary),
                                  subject, body)
        summary["alert_sent"] = outcome.delivered
        summary["alert_repeated"] = outcome.repeated
    write_json(root / "validation" / "summary.json", summary)
    log.info("validate: %s", {k: v for k, v in summary.items() if isinstance(v, (int, bool))})
    log.info("validate: Data Docs for run %s: %s", root.name, summary.get("data_docs"))
    for warning in summary.get("warnings", []):
        log.warning("validate: warning %s: %s row(s)", warning.get("expectation"),
                    warning.get("unexpected_count"))
    if summary["batch_failed"]:
        raise ValidationGateFailed(
            f"run {root.name}: whole-batch validation failure "
            f"({summary['articles_quarantined']}/{summary['articles_total']} articles, "
            f"{summary['metrics_quarantined']}/{summary['metrics_total']} metrics quarantined; "
            f"{'; '.join(summary['batch_failed_reasons'])}); load blocked. "
            f"Data Docs: {summary.get('data_docs')}"
            + (f" {ALERT_ALREADY_SENT_NOTE}" if summary["alert_sent"] else "")
        )
    return summary


# --------------------------------------------------------------------------- load
def load(run_dir: str, dag_run_id: str | None = None, database_url: str | None = None) -> dict[str, Any]:
    """Load the accepted rows and the quarantine of one run in one transaction."""
    from warehouse.load import load_run

    root = Path(run_dir)
    result = load_run(root, url=database_url, run_id=root.name, dag_run_id=dag_run_id).to_dict()
    write_json(root / "load_result.json", result)
    log.info("load: %s", result)
    return result


# --------------------------------------------------------------------------- whole run
def run_all(
    sources: list[str] | None = None,
    base_urls: Mapping[str, str] | None = None,
    full: bool = False,
    run_id: str | None = None,
    database_url: str | None = None,
) -> dict[str, Any]:
    """One whole run without Airflow (same steps as the DAG); returns every step's counts."""
    registry = config.load_sources(base_urls)
    names = sources or list(registry)
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise ValueError(f"unknown source(s) {unknown}; known: {sorted(registry)}")
    run_dir = prepare_run(run_id or new_run_id())
    result: dict[str, Any] = {"run_dir": run_dir, "crawl": {}}
    for name in names:
        result["crawl"][name] = crawl(run_dir, name, base_url=registry[name].base_url, full=full,
                                      database_url=database_url)
    result["transform"] = transform(run_dir)
    result["validate"] = validate(run_dir, database_url=database_url)
    result["load"] = load(run_dir, database_url=database_url)
    return result
