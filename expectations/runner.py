"""Validate a run's staged rows with the GX suites: accept, quarantine, summarise, build Data Docs.

The suites are GX 1.x ExpectationSuite JSON files next to this module
(``<table>.<severity>.json``, loadable with ``gx.ExpectationSuite(**json.load(f))``).
Values owned by other parts of the project are never copied into them: such a kwarg is
written in GX's own parameter syntax, ``{"$PARAMETER": "<name>"}``, and `load_suite`
fills it in when the suite is loaded:

- ``boilerplate_patterns`` <- ``transforms.boilerplate.GATE_PATTERNS``
- ``units``                <- ``core.records.UNITS``
- ``kinds``                <- ``core.records.KINDS``
- ``modalities``           <- ``core.records.MODALITIES``
- ``sources``              <- the keys of ``core.sources.load_sources()`` (the site registry)
- ``max_published_date``   <- passed by `validate_run` (reference date + 1 day); a parameter
  nobody fills stays a ``$PARAMETER`` and GX resolves it at run time.

History (optional, `History`, read from the warehouse by the caller) adds the day-over-day
rules: per source, the articles this run's crawl saw (new + unchanged in crawl_report.json)
against the previous runs' (a drop below VOLUME_DROP_SHARE of their median is the warning
``volume_drop``; zero when the latest run saw some is a whole-batch failure), and the usual
value of a (unit, subject) level for the ``value_usual_for_subject`` outlier warning.

Critical suites run over all staged rows with result_format COMPLETE and the row key as
``unexpected_index_column_names``; a row failing any critical expectation is quarantined
with the failed expectations' short names (``meta.name``) as reasons. Metrics of a
quarantined article follow it: metrics.critical runs after articles.critical, and its
expectation ``article_quarantined`` (derived column ``quarantined_article``) fails them, so
GX's own result, the Data Docs and the summary say that suite failed. Warning suites run over
the accepted rows and are only summarised. Quarantine reasons that are not GX expectations
(``invalid_json``, ``not_an_object``; the transform's rejects when they fail the batch) are
listed in the summary's failed_expectations too, under their table's critical suite (they are
part of its gate), and make that suite's ``success`` false in the summary: no suite reads as
passed while rows were quarantined under it.
Output files are strict JSON: a NaN in a record is written as null and +-inf as the string
"Infinity"/"-Infinity", so every line fits a Postgres jsonb column. Data Docs are built into ``validation/data_docs/``
from an ephemeral GX context, escaped, cut to the failing fragment and made to work offline
by `expectations.datadocs`. GX is imported inside the functions (about 3 s).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import os
import re
import shutil
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.records import KINDS, MODALITIES, UNITS, articles_all_failed, unreadable
from core.rundir import RunPaths, input_fingerprints, open_lines, read_json, write_json, write_jsonl
from core.sources import load_sources
from core.wording import counted, plural
from transforms import stories

if TYPE_CHECKING:  # pragma: no cover - typing only, GX is imported lazily
    import great_expectations as gx
    import pandas as pd

SUITES_DIR = Path(__file__).resolve().parent
SUITE_NAMES = ("articles.critical", "articles.warning", "metrics.critical", "metrics.warning")
PARAMETER_KEY = "$PARAMETER"

MAX_QUARANTINE_SHARE = 0.2          # more than this share of articles or metrics quarantined fails the batch,
MIN_QUARANTINED_TO_FAIL = 3         # ... and at least this many: one bad page among a few new ones is
                                    # quarantined and the rest loads (a blocked run would refetch it forever)
SAMPLE_COUNT = 3                    # sample rows per failed expectation in the summary
MAX_DUPLICATES_NAMED = 50           # duplicate pages (same content, another URL of the source) named in the summary
SAMPLE_VALUE_CHARS = 120            # sample values are cut to this many characters
FOLLOW_REASON = "article_quarantined"
INVALID_JSON_REASON = "invalid_json"
NOT_AN_OBJECT_REASON = "not_an_object"
STAGE = "validate"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENTENCE_END = re.compile(r"[.!?][\"')\]]?(?=\s)|\n")

SEEN_KEYS = ("new", "unchanged")    # a crawl "saw" an article it fetched new or found unchanged
VOLUME_HISTORY_RUNS = 7             # day-over-day volume: compare with the median of this many previous runs
VOLUME_DROP_SHARE = 0.5             # a source seeing fewer than this share of that median: warning volume_drop
VOLUME_DROP = "volume_drop"
OFFSITE = "offsite_requests"        # a source's crawl dropped off-site links or redirects (crawl report)
OFFSITE_KEYS = ("offsite_links", "offsite_redirects")
TEMPLATE_DRIFT = "template_drift"   # a listing yielded no article link (crawl report warning)
DRIFT_PREFIX = "template drift?"    # crawlers.pipelines.WARNING_DRIFT
BY_SHAPE_WARNING = "article links found by URL shape only"  # crawlers.spiders.base.WARNING_BY_SHAPE starts so
BY_SHAPE_COUNT = "listings_by_url_shape"  # crawl report: listing pages read by URL shape only
LINK_DROP_SHARE = 0.5               # a listing yielding under this share of its usual links: drift
MIN_LINK_HISTORY = 2                # ... judged once this many earlier runs fetched that listing
OFFSITE_REDIRECT_PREFIX = "offsite redirect:"
OUTLIER_KINDS = ("level",)          # outliers are checked on levels (amounts, counts) only
OUTLIER_MIN_VALUES = 3              # a (unit, subject) needs this many values to have a usual value
TRANSFORM_REJECTS = "transform_rejects"
MIN_REJECTS_TO_FAIL = 3             # a source fails the batch on rejects only from this many pages up, so
                                    # one odd page in a small incremental run does not block the load
FRAGMENT_CONTEXT_CHARS = 40         # a boilerplate sample: the matched fragment with this much text either side
MAX_FRAGMENT_CHARS = 60             # ... the fragment itself cut to this many characters
MAX_SENTENCE_CHARS = 300            # a metric sample's sentence is cut to this many characters around the figure

# What on-call is told about, by kind (summary.json "findings"; newsetl.alerts names the mail after them).
CRAWL_OUTAGE = "crawl_outage"             # a source's crawl saw no article: blocks the load; listing
                                          # pages that could not be read: does not
TEMPLATE_DRIFT_KIND = "template_drift"    # listings without links, or pages that no longer transform
LOAD_BLOCKED = "load_blocked"             # too many rows quarantined, or a gate that could not be evaluated
VALIDATION_FAILURE = "validation_failure"  # rows quarantined by a critical expectation, the rest loads
OFFSITE_REDIRECT = "offsite_redirect"     # an article redirected to another host (not followed)
FINDING_KINDS = (CRAWL_OUTAGE, TEMPLATE_DRIFT_KIND, LOAD_BLOCKED, VALIDATION_FAILURE, OFFSITE_REDIRECT)

ROW_INDEX = "row_index"             # derived: position of the row in its staged file
ROW_KEY = "row_key"                 # derived: url, or "<article_url>#<position>"
INDEX_COLUMNS = [ROW_INDEX, ROW_KEY]

ARTICLE_TEXT_COLUMNS = ("url", "source", "title", "published", "section", "body", "language",
                        "content_hash")
ARTICLE_NUMBER_COLUMNS = ("word_count",)
METRIC_TEXT_COLUMNS = ("article_url", "unit", "kind", "subject", "period", "qualifier", "text",
                       "denominator", "place", "modality")
METRIC_NUMBER_COLUMNS = ("value", "position", "char_start", "char_end")

DATASOURCE_NAME = "staged"
BATCH_NAME = "whole_dataframe"
DATA_DOCS_SITE = "run_site"
GX_ENV = {"GX_ANALYTICS_ENABLED": "false"}
# pandas warns when a boilerplate regex has capture groups; the match result is still right.
QUIET_WARNINGS = (r".*has match groups.*",)

log = logging.getLogger(__name__)
# GX logs ~50 INFO lines while it is imported ("Skipping registering function ... because it is a
# closure", "Multiple declarations of metric ...": its own registries), noise in every task log and
# `newsetl run`'s INFO output; its warnings and errors still show. A level set by the operator stays.
_GX_LOG = logging.getLogger("great_expectations")
if _GX_LOG.level == logging.NOTSET:
    _GX_LOG.setLevel(logging.WARNING)


@dataclass
class ValidationSummary:
    """Outcome of validating one run; `to_dict()` is what validation/summary.json holds."""

    articles_total: int
    articles_accepted: int
    articles_quarantined: int
    metrics_total: int
    metrics_accepted: int
    metrics_quarantined: int
    critical_success: bool
    batch_failed: bool
    failed_expectations: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    data_docs: str = ""
    batch_failed_reasons: list[str] = field(default_factory=list)
    suites: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> success, statistics
    reference_date: str = ""
    max_quarantine_share: float = MAX_QUARANTINE_SHARE
    min_quarantined_to_fail: int = MIN_QUARANTINED_TO_FAIL
    history: dict[str, Any] = field(default_factory=dict)  # what the day-over-day rules compared
    # article pages the transform rejected: {"total": n, "sources": {name: {"rejected": n, "pages": n}}}
    transform_rejects: dict[str, Any] = field(default_factory=dict)
    # what the crawl saw that on-call must look at although no row failed: a listing that
    # yielded no article link (template drift?), an article redirected to another host
    crawl_alerts: list[str] = field(default_factory=list)
    # every reason above with its kind: {"kind" (FINDING_KINDS), "source" (or None), "text",
    # "blocks_load"}; batch_failed_reasons are the texts that block, crawl_alerts the crawl's others
    findings: list[dict[str, Any]] = field(default_factory=list)
    # fingerprints of the files validated (core.rundir.input_fingerprints): the load refuses the
    # result when the run's staged rows or crawl report changed since
    inputs: dict[str, Any] = field(default_factory=dict)
    # article pages the transform did not stage because another URL of the same source has the same
    # content (staged/transform_report.json): {"total": n, "sources": {name: n}, "pages": the first
    # MAX_DUPLICATES_NAMED {url, source, duplicate_of}}; one article, not quarantined, not in the counts above
    duplicates: dict[str, Any] = field(default_factory=dict)
    # when this validation ran: the UTC time its result was decided (ISO 8601), stored by the load as
    # validation_runs.validated_at (migration 011) and shown by the report; "" in no summary written now
    validated_at: str = ""
    # staged articles whose exact content on-call accepted after an earlier validation quarantined
    # it (History.accepted_contents): not validated again, not quarantined, loaded as the others:
    # {"total": n, "sources": {name: n}, "pages": the first MAX_DUPLICATES_NAMED {url, source}}
    accepted_before: dict[str, Any] = field(default_factory=dict)
    # pages the transform rejected again whose exact page (html_sha256) on-call accepted as rejected before
    # (History.accepted_contents; a --full crawl fetches them again): not counted among transform_rejects, not
    # quarantined again by the load; the same {"total", "sources", "pages"} shape
    rejects_accepted_before: dict[str, Any] = field(default_factory=dict)
    alert_sent: bool = False       # on-call was mailed about this result
    alert_repeated: bool = False   # the same result was mailed before (not mailed again)

    @property
    def needs_alert(self) -> bool:
        """Something on-call must hear about: rows quarantined, a critical failure, a blocked batch."""
        return (self.articles_quarantined + self.metrics_quarantined > 0
                or not self.critical_success or self.batch_failed or bool(self.crawl_alerts))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


# Called with the summary when it needs an alert; returns (delivered, repeated).
AlertHook = Callable[[dict[str, Any]], tuple[bool, bool]]


@dataclass
class History:
    """What earlier runs in the warehouse saw, for the day-over-day rules of `validate_run`.

    `source_counts`: source -> articles seen (new + unchanged) by each previous run that
    crawled it, most recent first. `subject_medians`: (unit, subject) -> (median |value|,
    number of values) of the stored level metrics.
    """

    source_counts: Mapping[str, list[int]] = field(default_factory=dict)
    subject_medians: Mapping[tuple[str, str], tuple[float, int]] = field(default_factory=dict)
    # source -> listing entry point -> article links it yielded in previous runs, most recent first
    listing_links: Mapping[str, Mapping[str, list[int]]] = field(default_factory=dict)
    # URL -> the hashes of its contents on-call accepted (`newsetl quarantine accept`): an article's content_hash,
    # a rejected page's html_sha256
    accepted_contents: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass
class _Row:
    """One staged line: its 0-based position, its key, the parsed record (or the raw line)."""

    index: int
    key: str
    record: Any
    reasons: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- batch rules

def seen_counts(report: Mapping[str, Any]) -> dict[str, int]:
    """Per source of a run's crawl report: articles its crawl saw (new + unchanged)."""
    sources = report.get("sources") if isinstance(report, Mapping) else None
    if not isinstance(sources, Mapping):
        return {}
    counts = {}
    for name, source_report in sources.items():
        articles = source_report.get("articles") if isinstance(source_report, Mapping) else None
        articles = articles if isinstance(articles, Mapping) else {}
        counts[name] = (sum(int(articles.get(k) or 0) for k in SEEN_KEYS)
                        + int(source_report.get("articles_refetched") or 0))  # stored, fetched again (--full)
    return counts


def _finding(kind: str, source: str | None, text: str, blocks_load: bool, **extra: Any) -> dict[str, Any]:
    """One thing on-call is told about, with its kind (one of FINDING_KINDS) and source."""
    assert kind in FINDING_KINDS, kind
    return {"kind": kind, "source": source, "text": text, "blocks_load": blocks_load, **extra}


def _median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _crawl_checks(run_dir: Path, staged_any: bool, history: History | None
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Findings (whole-batch reasons and crawl alerts), volume warnings and the per-source
    comparison for the summary.

    With a crawl report, a source fails the batch when its crawl saw no article at all
    (new + unchanged == 0; the reason names what the latest earlier run saw); an
    incremental run whose articles are all unchanged stages nothing and is healthy. A
    source seeing fewer than VOLUME_DROP_SHARE of the median of its last
    VOLUME_HISTORY_RUNS runs is a warning. Without a report, an empty batch fails.
    """
    info: dict[str, Any] = {"available": history is not None, "sources": {}}
    report_path = RunPaths(Path(run_dir)).crawl_report
    if not report_path.exists():
        return ([] if staged_any else [_finding(CRAWL_OUTAGE, None, "no articles staged", True)]), [], info
    report = json.loads(report_path.read_text(encoding="utf-8"))
    seen = seen_counts(report)
    if not seen:
        return [_finding(CRAWL_OUTAGE, None, "crawl report lists no source", True)], [], info
    reasons: list[dict[str, Any]] = []
    drops: list[dict[str, Any]] = []
    for name, count in sorted(seen.items()):
        previous = list((history.source_counts if history else {}).get(name) or [])[:VOLUME_HISTORY_RUNS]
        median = _median(previous) if previous else None
        info["sources"][name] = {"seen": count, "previous": previous, "median_previous": median}
        source_report = (report.get("sources") or {}).get(name)
        # a backfill (--since, the DAG's conf "since"): links its listings dated before the day were
        # skipped and counted, so it sees only the window's articles; a quiet window is no outage
        # and no volume drop
        before_since, failed = ((int(source_report.get("articles_before_since") or 0),
                                 int((source_report.get("articles") or {}).get("failed") or 0))
                                if isinstance(source_report, Mapping) else (0, 0))
        if before_since and not (count == 0 and failed):  # the window's pages all failing is still an outage
            info["sources"][name]["before_since"] = before_since
            continue
        if count == 0:
            reason = f"source {name}: crawl found no articles (new or unchanged)"
            why = unreadable(source_report) if isinstance(source_report, Mapping) else None
            if why:  # its listing pages failed: what `newsetl crawl` says of it
                reason += f"; could not be read: {why}"
            elif isinstance(source_report, Mapping) and (failed := articles_all_failed(source_report)):
                reason += f"; {failed}"  # listings read, every article page refused (robots.txt, 5xx)
            if previous and previous[0] > 0:
                reason += f"; the previous run saw {previous[0]}"
            reasons.append(_finding(CRAWL_OUTAGE, name, reason, True))
        elif median is not None and count < VOLUME_DROP_SHARE * median:
            drops.append({"key": name, "value": {"seen": count, "median_previous": median,
                                                 "previous": previous}})
    warnings_ = []
    if drops:
        warnings_.append({"suite": "articles.warning", "expectation": VOLUME_DROP, "column": "source",
                          "unexpected_count": len(drops), "samples": drops[:SAMPLE_COUNT],
                          "threshold": f"< {VOLUME_DROP_SHARE:.0%} of the median of the last "
                                       f"{VOLUME_HISTORY_RUNS} runs"})
    offsite = [{"key": name, "value": {key: int(source.get(key) or 0) for key in OFFSITE_KEYS}}
               for name, source in sorted((report.get("sources") or {}).items())
               if isinstance(source, dict) and any(int(source.get(key) or 0) for key in OFFSITE_KEYS)]
    if offsite:
        warnings_.append({"suite": "articles.warning", "expectation": OFFSITE, "column": "source",
                          "unexpected_count": len(offsite), "samples": offsite[:SAMPLE_COUNT],
                          "threshold": "links or redirects to hosts outside the source's were dropped "
                                       "(see crawl_report.json errors/warnings)"})
    alerts, drift = _crawl_alerts(report, history)
    outages = {f["source"] for f in reasons if f["kind"] == CRAWL_OUTAGE}  # named there already
    alerts = [f for f in alerts if not (f["kind"] == CRAWL_OUTAGE and f["source"] in outages)]
    if drift:
        warnings_.append({"suite": "articles.warning", "expectation": TEMPLATE_DRIFT, "column": "source",
                          "unexpected_count": len(drift), "samples": drift[:SAMPLE_COUNT],
                          "threshold": "a listing entry point whose pages yielded 0 article links or under half its "
                                       "usual number, or listing pages read by URL shape only"})
    return reasons + alerts, warnings_, info


def _crawl_alerts(report: Mapping[str, Any], history: History | None = None
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(findings for on-call, drift samples) from the per-source crawl reports: listings that
    yielded no article link or well under their usual number, or whose links only the URL-shape
    fallback found (a changed template?), and articles redirected to another host."""
    alerts: list[dict[str, Any]] = []
    drift: list[dict[str, Any]] = []
    for name, source in sorted((report.get("sources") or {}).items()):
        if not isinstance(source, dict):
            continue
        usual_links = (history.listing_links if history else {}).get(name) or {}
        for root, count in sorted((source.get("listing_links") or {}).items()):
            previous = list(usual_links.get(root) or [])[:VOLUME_HISTORY_RUNS]
            median = _median(previous) if len(previous) >= MIN_LINK_HISTORY else None
            if isinstance(count, int) and count > 0 and median and count < LINK_DROP_SHARE * median:
                alerts.append(_finding(TEMPLATE_DRIFT_KIND, name,
                                       f"source {name}: {DRIFT_PREFIX} listing {root} yielded {count} article "
                                       f"links, under {LINK_DROP_SHARE:.0%} of its usual {median:g}", False,
                                       url=root))
                drift.append({"key": name, "value": {"listing": root, "links": count, "median_previous": median}})
        by_shape: list[str] = []
        for warning in source.get("warnings") or []:
            text = str(warning.get("warning", "")) if isinstance(warning, dict) else ""
            if text.startswith(DRIFT_PREFIX):
                alerts.append(_finding(TEMPLATE_DRIFT_KIND, name, f"source {name}: {text}", False,
                                       url=warning.get("url")))
                drift.append({"key": name, "value": warning.get("url")})
            elif text.startswith(BY_SHAPE_WARNING):
                by_shape.append(str(warning.get("url")))
        count = source.get(BY_SHAPE_COUNT)
        shaped = max(count if isinstance(count, int) else 0, len(by_shape))
        if shaped:
            # The template's selectors found no item on these listing pages: the URL-shape fallback took the
            # article-shaped links of the main content, which can miss articles (links outside it, a next
            # page whose link it cannot recognise: a non-SEF Joomla blog's limitstart stopped at page 1).
            # It was a log warning only; on-call must update the selectors, so it is a finding.
            first = by_shape[0] if by_shape else None
            alerts.append(_finding(
                TEMPLATE_DRIFT_KIND, name,
                f"source {name}: {DRIFT_PREFIX} {counted(shaped, 'listing page')} read by URL shape only (the "
                "template's selectors found no item" + (f", e.g. on {first}" if first else "") + "): articles "
                "and further listing pages the URL shape does not reveal are missed until the selectors "
                "know the new markup", False, url=first, by_url_shape=shaped))
            drift.append({"key": name, "value": {"listings_by_url_shape": shaped, "first": first}})
        listing_errors = [e for e in source.get("errors") or [] if isinstance(e, dict) and e.get("kind") == "listing"]
        failed = source.get("listings_failed")
        failed_listings = max(failed if isinstance(failed, int) else 0, len(listing_errors))
        if failed_listings:
            # Some listing pages could not be read (after the crawl's retries): the articles listed only there
            # were not crawled. A listing that moved (404) lost its column's articles every day with a count in
            # the crawl line only. (A source none of whose listings was read is a blocking crawl outage.)
            first = listing_errors[0] if listing_errors else {}
            named = f" (first: {first.get('url')}: {first.get('error')})" if first else ""
            alerts.append(_finding(
                CRAWL_OUTAGE, name,
                f"source {name}: {counted(failed_listings, 'listing page')} could not be read{named}: the articles "
                f"listed only there were not crawled this run", False, url=first.get("url"),
                listings_failed=failed_listings))
        redirected = [e for e in source.get("errors") or []
                      if isinstance(e, dict) and str(e.get("error", "")).startswith(OFFSITE_REDIRECT_PREFIX)]
        if redirected:
            alerts.append(_finding(OFFSITE_REDIRECT, name,
                                   f"source {name}: {counted(len(redirected), 'article')} redirected to another host, "
                                   f"not followed (e.g. {redirected[0].get('error')})", False,
                                   url=redirected[0].get("url")))
    return alerts, drift


def _reject_checks(paths: RunPaths, articles: list[_Row], history: History | None = None
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], dict[str, Any],
                              list[_Row]]:
    """Findings (whole-batch reasons), failure entries, warnings and counts from the transform's
    rejects (per source: pages, rejected, and `why`: rejected pages per reason kind, e.g. empty), and the
    rejects on-call accepted before with the same page (_accepted_rejects), which none of these count.

    A source fails the batch when more than MAX_QUARANTINE_SHARE of its article pages
    (staged articles + rejected pages) were rejected, and at least MIN_REJECTS_TO_FAIL: the
    sign of a changed page template, which would otherwise load nothing new without a
    word. Fewer rejects are a warning. A missing rejects file counts as none.
    """
    path = paths.rejects
    rejects = _read_jsonl(path, _article_key) if path.is_file() else []
    accepted = _accepted_rejects(rejects, history)
    accepted_lines = {r.index for r in accepted}
    rejects = [r for r in rejects if r.index not in accepted_lines]
    staged = Counter(_source_of(row) for row in articles)
    by_source: dict[str, list[_Row]] = {}
    for row in rejects:
        by_source.setdefault(_source_of(row), []).append(row)
    counts = {name: {"rejected": len(rows), "pages": len(rows) + staged[name],
                     "why": dict(Counter(_reject_kind(r) for r in rows).most_common())}
              for name, rows in sorted(by_source.items())}
    reasons: list[dict[str, Any]] = []
    failing: list[_Row] = []
    for name, c in counts.items():
        if c["rejected"] >= MIN_REJECTS_TO_FAIL and c["rejected"] / c["pages"] > MAX_QUARANTINE_SHARE:
            reasons.append(_finding(TEMPLATE_DRIFT_KIND, name,
                                    f"source {name}: {c['rejected']} of {c['pages']} article pages could not be "
                                    f"transformed (> {MAX_QUARANTINE_SHARE:.0%}); has the page template changed?",
                                    True, rejected=c["rejected"], pages=c["pages"], why=c["why"]))
            failing += by_source[name]

    def entry(suite: str, rows: list[_Row]) -> dict[str, Any]:
        return {"suite": suite, "expectation": TRANSFORM_REJECTS, "column": "page",
                "unexpected_count": len(rows),
                "samples": [{"key": r.key, "value": _json_safe("; ".join(map(str, _reject_reasons(r))))}
                            for r in rows[:SAMPLE_COUNT]]}

    failures = [entry("articles.critical", failing)] if failing else []
    warnings_ = [entry("articles.warning", rejects)] if rejects and not failing else []
    return reasons, failures, warnings_, {"total": len(rejects), "sources": counts}, accepted


def _accepted_rejects(rejects: list[_Row], history: History | None) -> list[_Row]:
    """The rejects whose URL and page (the record's html_sha256) on-call accepted as rejected before."""
    return _on_call_accepted(rejects, history, lambda reject: reject["record"].get("html_sha256")
                             if isinstance(reject.get("record"), dict) else None)


def _on_call_accepted(rows: list[_Row], history: History | None,
                      digest: Callable[[dict[str, Any]], Any]) -> list[_Row]:
    """The readable rows whose URL and `digest` (of the record) are a content on-call accepted
    (History.accepted_contents: an article's content_hash, a rejected page's html_sha256)."""
    accepted = history.accepted_contents if history is not None else {}
    if not accepted:
        return []
    return [r for r in rows if isinstance(r.record, dict)
            and digest(r.record) in accepted.get(str(r.record.get("url")), ())]


def _duplicate_pages(paths: RunPaths) -> dict[str, Any]:
    """What the transform staged once of an article its source serves under several URLs (its
    report's `duplicate_pages`): counted per source and named; empty without a report (a run
    transformed before duplicates were reported)."""
    try:
        report = read_json(paths.transform_report)
    except (OSError, ValueError):  # an unreadable report names no duplicate; validation goes on
        report = None
    pages = report.get("duplicate_pages") if isinstance(report, dict) else None
    pages = [p for p in pages if isinstance(p, dict)] if isinstance(pages, list) else []
    return _named_pages(pages, ("url", "source", "duplicate_of"))


def _accepted_before(articles: list[_Row], history: History | None) -> set[int]:
    """Positions of the readable staged articles whose URL and content_hash on-call accepted."""
    readable = [r for r in articles if not r.reasons]
    return {r.index for r in _on_call_accepted(readable, history, lambda article: article.get("content_hash"))}


def _named_pages(pages: list[dict[str, Any]], keys: tuple[str, ...]) -> dict[str, Any]:
    """{"total", "sources": {name: n}, "pages": the first MAX_DUPLICATES_NAMED pages, their `keys` only}."""
    sources = Counter(str(p.get("source") or "unknown") for p in pages)
    return {"total": len(pages), "sources": dict(sorted(sources.items())),
            "pages": [{k: p.get(k) for k in keys} for p in pages[:MAX_DUPLICATES_NAMED]]}


def _source_of(row: _Row) -> str:
    source = row.record.get("source") if isinstance(row.record, dict) else None
    return str(source or "unknown")


def _reject_kind(row: _Row) -> str:
    """The kind of a rejected page's first reason ("empty" of "empty: no article text"), else "unreadable"."""
    reasons = _reject_reasons(row)
    head = str(reasons[0]).split(":", 1)[0].strip() if reasons else ""
    return head if re.fullmatch(r"[a-z_]{1,40}", head) else "unreadable"


def _reject_reasons(row: _Row) -> list[Any]:
    """The transform's reasons of a rejects line (or why the line itself could not be read)."""
    reasons = row.record.get("reasons") if isinstance(row.record, dict) and not row.reasons else row.reasons
    return list(reasons) if isinstance(reasons, list) else [reasons] if reasons else []


# --------------------------------------------------------------------------- suites

def _registry_parameters() -> dict[str, Callable[[], Any]]:
    def boilerplate() -> list[str]:
        from transforms.boilerplate import GATE_PATTERNS

        return list(GATE_PATTERNS)

    def units() -> list[str]:
        return list(UNITS)

    def kinds() -> list[str]:
        return list(KINDS)

    def modalities() -> list[str]:
        return list(MODALITIES)

    def sources() -> list[str]:
        return sorted(load_sources())

    return {"boilerplate_patterns": boilerplate, "units": units, "kinds": kinds, "modalities": modalities,
            "sources": sources}


def suite_parameter_names(node: Any) -> set[str]:
    """Names of every ``{"$PARAMETER": name}`` placeholder inside a suite dict."""
    if isinstance(node, dict):
        if set(node) == {PARAMETER_KEY}:
            return {node[PARAMETER_KEY]}
        return set().union(*(suite_parameter_names(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(suite_parameter_names(v) for v in node)) if node else set()
    return set()


def _fill(node: Any, values: Mapping[str, Any]) -> Any:
    if isinstance(node, dict):
        if set(node) == {PARAMETER_KEY} and node[PARAMETER_KEY] in values:
            return values[node[PARAMETER_KEY]]
        return {k: _fill(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, values) for v in node]
    return node


def load_suite_dict(name: str, parameters: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The suite JSON `name` as a dict with its ``$PARAMETER`` placeholders filled.

    Registry placeholders (boilerplate_patterns, units, sources) are filled from their
    owners unless `parameters` gives them; other placeholders are filled from `parameters`
    or left for GX to resolve at run time.
    """
    path = SUITES_DIR / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"no expectation suite {name!r} at {path}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    values = dict(parameters or {})
    registry = _registry_parameters()
    for needed in suite_parameter_names(raw.get("expectations", [])):
        if needed not in values and needed in registry:
            values[needed] = registry[needed]()
    return _fill(raw, values)


def load_suite(name: str, parameters: Mapping[str, Any] | None = None) -> gx.ExpectationSuite:
    """Load suite `name` (e.g. "articles.critical") as a GX ExpectationSuite, placeholders filled.

    Raises ValueError when GX rejects an expectation (GX itself only logs and drops it).
    """
    os.environ.update(GX_ENV)
    import great_expectations as gx

    spec = load_suite_dict(name, parameters)
    suite = gx.ExpectationSuite(**spec)
    if len(suite.expectations) != len(spec.get("expectations", [])):
        kept = {e.meta.get("name") for e in suite.expectations if e.meta}
        dropped = [e.get("meta", {}).get("name") for e in spec["expectations"]
                   if e.get("meta", {}).get("name") not in kept]
        raise ValueError(f"suite {name!r}: GX rejected {plural(len(dropped), 'expectation')} {dropped}")
    return suite


# --------------------------------------------------------------------------- reading rows

def _read_jsonl(path: Path, key_of: Callable[[dict[str, Any], int], str]) -> list[_Row]:
    if not path.is_file():
        raise FileNotFoundError(f"staged input missing: {path}")
    rows: list[_Row] = []
    with open_lines(path) as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            index = len(rows)
            fallback = f"{path.name}:{line_no}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                rows.append(_Row(index, fallback, {"raw": line.rstrip("\n")}, [INVALID_JSON_REASON]))
                continue
            if not isinstance(record, dict):
                rows.append(_Row(index, fallback, record, [NOT_AN_OBJECT_REASON]))
                continue
            rows.append(_Row(index, key_of(record, line_no) or fallback, record))
    return rows


def _article_key(record: dict[str, Any], line_no: int) -> str:
    url = record.get("url")
    return url if isinstance(url, str) and url else ""


def _metric_key(record: dict[str, Any], line_no: int) -> str:
    url, pos = record.get("article_url"), record.get("position")
    if not isinstance(url, str) or not url or pos is None or isinstance(pos, bool):
        return ""
    if isinstance(pos, float) and pos.is_integer():
        pos = int(pos)
    return f"{url}#{pos}"


def _as_text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value if isinstance(value, str) else str(value)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if not (isinstance(value, float) and math.isnan(value)) else None


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not DATE_RE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _frame(rows: list[_Row], text_cols: Iterable[str], number_cols: Iterable[str]) -> pd.DataFrame:
    import pandas as pd

    data: dict[str, Any] = {
        ROW_INDEX: pd.Series([r.index for r in rows], dtype="int64"),
        ROW_KEY: pd.Series([r.key for r in rows], dtype=object),
    }
    for col in text_cols:
        data[col] = pd.Series([_as_text(r.record.get(col)) for r in rows], dtype=object)
    for col in number_cols:
        data[col] = pd.Series([_as_number(r.record.get(col)) for r in rows], dtype="float64")
    return pd.DataFrame(data)


def _article_frame(rows: list[_Row], metric_counts: Mapping[str, int] | None = None) -> pd.DataFrame:
    import pandas as pd

    df = _frame(rows, ARTICLE_TEXT_COLUMNS, ARTICLE_NUMBER_COLUMNS)
    counts = metric_counts or {}
    df["scitech_metric_count"] = pd.Series(
        [float(counts.get(r.record.get("url"), 0)) if r.record.get("scitech") is True else None
         for r in rows], dtype="float64")
    df["published_date"] = pd.Series([_parse_date(p) for p in df["published"]], dtype=object)
    ratios, hash_ok = [], []
    for title, body, words, digest in zip(df["title"], df["body"], df["word_count"], df["content_hash"]):
        body_words = len(body.split()) if isinstance(body, str) else 0
        ratios.append(words / body_words if body_words and not math.isnan(words) else None)
        hash_ok.append(
            hashlib.sha256(f"{title}\n{body}".encode()).hexdigest() == digest
            if isinstance(title, str) and isinstance(body, str) and isinstance(digest, str) else None
        )
    df["word_count_ratio"] = pd.Series(ratios, dtype="float64")
    df["content_hash_matches"] = pd.Series(hash_ok, dtype=object)
    df["story_print_ok"] = pd.Series([_story_print_ok(r.record.get(stories.RECORD_KEY)) for r in rows],
                                     dtype=object)
    return df


def _story_print_ok(value: Any) -> bool | None:
    """The staged story print is one the loader can copy (True) or malformed (False); None when
    the record has none or one of another scheme (a run transformed by older code: the loader
    computes those, not a failure)."""
    status = stories.record_status(value)
    return True if status == stories.CURRENT else False if status == stories.MALFORMED else None


def outlier_key(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """The (unit, subject) group of a metric for the outlier rule, or None when it is not checked."""
    unit, subject, kind = record.get("unit"), record.get("subject"), record.get("kind")
    if kind not in OUTLIER_KINDS or not isinstance(unit, str) or not isinstance(subject, str):
        return None
    subject = subject.strip().lower()
    return (unit, subject) if subject else None


def outlier_keys(run_dir: Path) -> list[tuple[str, str]]:
    """The (unit, subject) groups of a run's staged metrics (what to ask the history for)."""
    path = RunPaths(Path(run_dir)).staged_metrics
    if not path.is_file():
        return []
    rows = _read_jsonl(path, _metric_key)
    return sorted({k for r in rows if isinstance(r.record, dict) for k in [outlier_key(r.record)] if k})


def _usual_values(rows: list[_Row], history: History | None) -> dict[tuple[str, str], float]:
    """(unit, subject) -> usual |value|: the stored median when history has enough values, else
    the median of this batch's values when it has enough."""
    batch: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        key, value = outlier_key(r.record), _as_number(r.record.get("value"))
        if key and value is not None and math.isfinite(value) and value > 0:
            batch.setdefault(key, []).append(value)
    usual = {k: _median(v) for k, v in batch.items() if len(v) >= OUTLIER_MIN_VALUES}
    for key, (median, count) in (history.subject_medians if history else {}).items():
        if count >= OUTLIER_MIN_VALUES and median and median > 0:
            usual[key] = float(median)
    return usual


def _metric_frame(rows: list[_Row], staged_urls: set[str], bodies: Mapping[str, str],
                  usual: Mapping[tuple[str, str], float] | None = None) -> pd.DataFrame:
    """The metrics as GX sees them, with the derived columns; `bodies` holds the accepted
    articles (url -> body), so a staged article missing from it was quarantined."""
    import pandas as pd

    df = _frame(rows, METRIC_TEXT_COLUMNS, METRIC_NUMBER_COLUMNS)
    ratios = []
    for r in rows:
        key, value = outlier_key(r.record), _as_number(r.record.get("value"))
        reference = (usual or {}).get(key) if key else None
        ok = reference and value is not None and math.isfinite(value) and value > 0
        ratios.append(value / reference if ok else None)
    df["subject_value_ratio"] = pd.Series(ratios, dtype="float64")
    in_batch, at_offsets, quarantined = [], [], []
    for url, text, start, end in zip(df["article_url"], df["text"], df["char_start"], df["char_end"]):
        in_batch.append(url in staged_urls if isinstance(url, str) else None)
        quarantined.append(url if isinstance(url, str) and url in staged_urls and url not in bodies else None)
        body = bodies.get(url) if isinstance(url, str) else None
        ok = None
        if isinstance(body, str) and isinstance(text, str) and not (math.isnan(start) or math.isnan(end)):
            ok = body[int(start):int(end)] == text
        at_offsets.append(ok)
    df["article_in_batch"] = pd.Series(in_batch, dtype=object)
    df["text_at_offsets"] = pd.Series(at_offsets, dtype=object)
    df["quarantined_article"] = pd.Series(quarantined, dtype=object)
    return df


# --------------------------------------------------------------------------- GX plumbing

class _Gx:
    """One ephemeral GX context with a pandas asset per table and a local Data Docs site."""

    def __init__(self, docs_dir: Path, run_name: str) -> None:
        os.environ.update(GX_ENV)
        self.docs_dir = docs_dir
        import great_expectations as gx
        from great_expectations.core.run_identifier import RunIdentifier
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.gx = gx
        self.ctx = gx.get_context(mode="ephemeral")
        self.ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self.ctx.add_data_docs_site(
            DATA_DOCS_SITE,
            {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                  "base_directory": str(docs_dir)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
        self.datasource = self.ctx.data_sources.add_pandas(DATASOURCE_NAME)
        self.batches: dict[str, Any] = {}
        self.run_id = RunIdentifier(run_name=run_name,
                                    run_time=dt.datetime.now(dt.UTC))

    def validate(self, suite: gx.ExpectationSuite, table: str, frame: pd.DataFrame) -> Any:
        """Run `suite` on `frame` (stored for Data Docs); the ExpectationSuiteValidationResult."""
        if table not in self.batches:
            asset = self.datasource.add_dataframe_asset(table)
            self.batches[table] = asset.add_batch_definition_whole_dataframe(BATCH_NAME)
        suite = self.ctx.suites.add(suite)
        definition = self.ctx.validation_definitions.add(
            self.gx.ValidationDefinition(name=suite.name, data=self.batches[table], suite=suite)
        )
        result_format = {"result_format": "COMPLETE",
                         "unexpected_index_column_names": list(INDEX_COLUMNS),
                         "return_unexpected_index_query": False,
                         "partial_unexpected_count": SAMPLE_COUNT}
        with warnings.catch_warnings():
            for pattern in QUIET_WARNINGS:
                warnings.filterwarnings("ignore", message=pattern)
            return definition.run(batch_parameters={"dataframe": frame},
                                  result_format=result_format, run_id=self.run_id)

    def build_docs(self) -> Path:
        """Build the static Data Docs site; the path of its index.html.

        Scraped text reaches the pages as failing values, and GX's renderer writes them into
        the HTML as they are: the stored results are first rewritten for display
        (`datadocs.for_display`: a failing regex check cut to the matched text with context,
        every string HTML-escaped), so a `<script>` in a title shows as text and never runs.
        Afterwards `datadocs.localize_site` points the pages at local copies of GX's CDN
        assets, so the site renders offline and loads nothing from the network.
        """
        from expectations.datadocs import for_display, localize_site

        store = self.ctx.validation_results_store
        for key in store.list_keys():
            suite_result = store.get(key)
            for result in suite_result.results:
                for_display(result)
            store.set(key, suite_result)
        self.ctx.build_data_docs(site_names=[DATA_DOCS_SITE])
        index = self.docs_dir / "index.html"
        if not index.is_file():
            raise RuntimeError(f"GX did not build Data Docs at {index}")
        removed = localize_site(self.docs_dir)
        if removed:
            log.warning("Data Docs: removed %s with no local copy, e.g. %s",
                        counted(len(removed), "external asset"), removed[0])
        return index


def _json_safe(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return strict_json(value)
    if isinstance(value, str) and len(value) > SAMPLE_VALUE_CHARS:
        return value[:SAMPLE_VALUE_CHARS] + "..."
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def _fragment(value: Any, regex_list: Any) -> tuple[Any, str | None]:
    """For a regex-list failure: (the matched fragment with FRAGMENT_CONTEXT_CHARS of text either
    side, the fragment itself), not the whole value; (value, None) when nothing matches."""
    if not isinstance(value, str) or not isinstance(regex_list, list):
        return value, None
    for pattern in regex_list:
        match = re.search(pattern, value)
        if match:
            end = min(match.end(), match.start() + MAX_FRAGMENT_CHARS)
            start, stop = max(0, match.start() - FRAGMENT_CONTEXT_CHARS), min(len(value), end + FRAGMENT_CONTEXT_CHARS)
            around = ("..." if start else "") + value[start:stop] + ("..." if stop < len(value) else "")
            return around, value[match.start():end]
    return value, None


def _sentence(body: Any, start: Any, end: Any) -> str | None:
    """The sentence of `body` holding body[start:end] (a metric's figure), cut to MAX_SENTENCE_CHARS
    around the figure; "..." marks a side that was cut (as the fragments of _fragment)."""
    if not isinstance(body, str) or not isinstance(start, int) or not isinstance(end, int) \
            or not 0 <= start < end <= len(body):
        return None
    stops = [m.end() for m in SENTENCE_END.finditer(body, 0, start)]
    sentence_first = stops[-1] if stops else 0
    after = SENTENCE_END.search(body, end)
    sentence_last = after.end() if after else len(body)
    first = max(sentence_first, start - MAX_SENTENCE_CHARS // 2)
    last = min(sentence_last, end + MAX_SENTENCE_CHARS // 2)
    text = " ".join(body[first:last].split())
    return ("..." if first > sentence_first else "") + text + ("..." if last < sentence_last else "")


def _add_context(entries: list[dict[str, Any]], articles: list[_Row], metrics: list[_Row]) -> None:
    """Give each row sample what on-call needs to find it: the page `url`, the article's `title`
    and `source`, and for a metric the `sentence` its figure was read from."""
    by_key = {"articles": {r.key: r for r in articles}, "metrics": {r.key: r for r in metrics}}
    by_url = {r.record.get("url"): r.record for r in articles if isinstance(r.record, dict)}
    for entry in entries:
        table = str(entry.get("suite", "")).split(".", 1)[0]
        if table not in by_key or entry.get("expectation") == TRANSFORM_REJECTS:
            continue
        for sample in entry.get("samples") or []:
            row = by_key[table].get(sample.get("key")) if isinstance(sample, dict) else None
            if row is None or not isinstance(row.record, dict):
                continue
            record = row.record
            url = record.get("url") if table == "articles" else record.get("article_url")
            article = by_url.get(url) or {}
            context: dict[str, Any] = {"url": url, "source": article.get("source"), "title": article.get("title")}
            if table == "metrics":
                context["sentence"] = _sentence(article.get("body"), record.get("char_start"),
                                                record.get("char_end")) or record.get("text")
            sample.update({k: v if k == "sentence" else _json_safe(v) for k, v in context.items()
                           if isinstance(v, str) and v and k not in sample})


def _collect(result: Any, suite_name: str, order: list[str]
             ) -> tuple[list[dict[str, Any]], dict[int, list[str]], list[str]]:
    """Failures (summary entries), row index -> failed expectation names, and expectation errors."""
    failures: list[dict[str, Any]] = []
    by_row: dict[int, list[str]] = {}
    errors: list[str] = []
    rank = {name: i for i, name in enumerate(order)}
    ordered = sorted(result.results,
                     key=lambda r: rank.get((r.expectation_config.meta or {}).get("name"), len(rank)))
    for res in ordered:
        if res.success:
            continue
        config = res.expectation_config
        name = (config.meta or {}).get("name") or config.type
        kwargs = config.kwargs
        entry: dict[str, Any] = {"suite": suite_name, "expectation": name,
                                 "column": kwargs.get("column", kwargs.get("column_list")),
                                 "unexpected_count": None, "samples": []}
        info = res.exception_info or {}
        raised = [v for v in info.values() if isinstance(v, dict) and v.get("raised_exception")]
        if info.get("raised_exception") or raised:
            message = info.get("exception_message") or (raised[0].get("exception_message") if raised else "")
            entry["error"] = str(message)[:500]
            errors.append(name)
            failures.append(entry)
            continue
        index_list = sorted(res.result.get("unexpected_index_list") or [],
                            key=lambda d: d.get(ROW_INDEX, 0))
        entry["unexpected_count"] = int(res.result.get("unexpected_count") or len(index_list))
        for item in index_list:
            by_row.setdefault(int(item[ROW_INDEX]), []).append(name)
        for item in index_list[:SAMPLE_COUNT]:
            values = {k: v for k, v in item.items() if k not in INDEX_COLUMNS}
            value = next(iter(values.values())) if len(values) == 1 else values
            value, match = _fragment(value, kwargs.get("regex_list"))
            sample = {"key": item.get(ROW_KEY), "value": value if match else _json_safe(value)}
            if match:
                sample["match"] = match
            entry["samples"].append(sample)
        if not index_list:
            errors.append(name)  # a failure GX could not pin to rows: the gate cannot be trusted
        failures.append(entry)
    return failures, by_row, errors


# --------------------------------------------------------------------------- the run

def strict_json(value: Any) -> Any:
    """`value` with NaN as null and +-inf as the strings "Infinity"/"-Infinity" (valid JSON/JSONB)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: strict_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strict_json(v) for v in value]
    return value


def _write_jsonl(path: Path, records: Iterable[Any]) -> None:
    write_jsonl(path, (strict_json(record) for record in records))


def _reference_date(rows: list[_Row], today: dt.date | None) -> dt.date:
    """min(today, latest fetched_at): stable when a run is re-validated later."""
    today = today or dt.datetime.now(dt.UTC).date()
    fetched = [_parse_date(str(r.record.get("fetched_at", ""))[:10])
               for r in rows if isinstance(r.record, dict)]
    fetched = [d for d in fetched if d]
    return min(today, max(fetched)) if fetched else today


def _share_exceeded(quarantined: int, total: int, max_share: float = MAX_QUARANTINE_SHARE,
                    min_count: int = MIN_QUARANTINED_TO_FAIL) -> bool:
    return total > 0 and quarantined >= min_count and quarantined / total > max_share


NOTHING_STAGED = "nothing staged: no expectation evaluated, no Data Docs built"


def validate_run(run_dir: Path, today: dt.date | None = None,
                 history: History | None = None, history_error: str | None = None,
                 alert: AlertHook | None = None, max_share: float = MAX_QUARANTINE_SHARE,
                 min_count: int = MIN_QUARANTINED_TO_FAIL) -> ValidationSummary:
    """Validate `run_dir`/staged/*.jsonl; write validation/ (accepted, quarantine, summary, Data Docs).

    The batch fails when more than `max_share` of its articles or metrics are quarantined
    and at least `min_count` of them. This is the one writer of validation/summary.json:
    `history_error` (why the warehouse history was unavailable) is recorded in it;
    `alert`, when the result needs one, is called with the summary before it is written
    and reports whether mail went out.

    `today` (default: today in UTC) caps the reference date for the published-date bound.
    `history` (earlier runs, from the warehouse) enables the day-over-day volume rules and
    the stored usual values of the outlier rule; None validates without them.
    Raises FileNotFoundError when a staged input is missing; bad rows never raise.
    """
    run_dir = Path(run_dir).resolve()
    paths = RunPaths(run_dir)
    inputs = input_fingerprints(paths)  # what this result is of: the files as read below
    articles = _read_jsonl(paths.staged_articles, _article_key)
    metrics = _read_jsonl(paths.staged_metrics, _metric_key)
    paths.validation.mkdir(parents=True, exist_ok=True)
    docs_dir = paths.data_docs
    shutil.rmtree(docs_dir, ignore_errors=True)

    reference = _reference_date(articles, today)
    # Nothing staged (an incremental run with nothing new): every expectation holds vacuously, so GX
    # (import, context, four suites, Data Docs: most of such a run's time) is not started. The
    # checks outside GX (crawl outage, volume, transform rejects) run as always.
    nothing_staged = not articles and not metrics
    if nothing_staged:
        suites, orders, gxr = {}, {}, None
    else:
        params = {"max_published_date": (reference + dt.timedelta(days=1)).isoformat()}
        suites = {name: load_suite(name, params) for name in SUITE_NAMES}
        orders = {name: [(e.meta or {}).get("name") for e in s.expectations] for name, s in suites.items()}
        gxr = _Gx(docs_dir, run_dir.name)

    failed: list[dict[str, Any]] = []
    warn: list[dict[str, Any]] = []
    errors: list[str] = []
    suite_results: dict[str, dict[str, Any]] = {}

    def run(name: str, table: str, rows: list[_Row], frame: pd.DataFrame, critical: bool) -> None:
        if gxr is None:
            suite_results[name] = {"success": True, "statistics": {"evaluated_expectations": 0},
                                   "skipped": NOTHING_STAGED}
            return
        result = gxr.validate(suites[name], table, frame)
        suite_results[name] = {"success": bool(result.success),
                               "statistics": _json_safe(dict(result.statistics))}
        failures, by_row, errs = _collect(result, name, orders[name])
        (failed if critical else warn).extend(failures)
        if critical:
            errors.extend(f"{name}: {e}" for e in errs)
            for index, reasons in by_row.items():
                rows[index].reasons.extend(reasons)

    # unreadable lines are already quarantined; ROW_INDEX maps GX's failing rows back to `articles`;
    # a content on-call accepted before is not judged again
    kept = _accepted_before(articles, history)
    good_articles = [r for r in articles if not r.reasons and r.index not in kept]
    run("articles.critical", "articles", articles, _article_frame(good_articles), True)
    accepted_articles = [r for r in articles if not r.reasons]
    staged_urls = {r.record.get("url") for r in articles if isinstance(r.record, dict)} - {None}
    bodies = {r.record["url"]: r.record.get("body") for r in accepted_articles}

    good_metrics = [r for r in metrics if not r.reasons]
    # after articles.critical: its expectation article_quarantined (FOLLOW_REASON) fails the metrics
    # of the articles just quarantined, so they follow them as a GX failure of this suite
    run("metrics.critical", "metrics", metrics, _metric_frame(good_metrics, staged_urls, bodies), True)
    accepted_metrics = [r for r in metrics if not r.reasons]

    metric_counts: dict[str, int] = {}
    for row in metrics:
        url = row.record.get("article_url") if isinstance(row.record, dict) else None
        if isinstance(url, str):
            metric_counts[url] = metric_counts.get(url, 0) + 1
    run("articles.warning", "articles", accepted_articles,
        _article_frame(accepted_articles, metric_counts), False)
    run("metrics.warning", "metrics", accepted_metrics,
        _metric_frame(accepted_metrics, staged_urls, bodies, _usual_values(accepted_metrics, history)),
        False)

    index_html = gxr.build_docs() if gxr is not None else ""
    failed = _read_failures(articles, "articles") + failed
    failed += _read_failures(metrics, "metrics")

    quarantined_articles = [r for r in articles if r.reasons]
    quarantined_metrics = [r for r in metrics if r.reasons]
    findings, volume_warnings, history_info = _crawl_checks(run_dir, bool(articles), history)
    reject_findings, reject_failures, reject_warnings, reject_counts, accepted_rejects = _reject_checks(
        paths, articles, history)
    findings += reject_findings
    failed += reject_failures
    for entry in failed:  # a critical suite with rows quarantined under it did not pass, whatever GX evaluated
        result = suite_results.get(str(entry.get("suite")))
        if result is not None and result.get("success"):
            result["success"] = False
    warn = volume_warnings + reject_warnings + warn
    # the metric gate counts metrics that failed on their own: a metric quarantined only because
    # its article was (FOLLOW_REASON) is the article gate's, which it would otherwise count twice
    # (one bad article with 15 figures among 3 new ones blocked the 2 good ones through the metrics)
    own_metrics = sum(1 for r in quarantined_metrics if any(reason != FOLLOW_REASON for reason in r.reasons))
    for table, bad, total in (("articles", len(quarantined_articles), len(articles)),
                              ("metrics", own_metrics, len(metrics))):
        if _share_exceeded(bad, total, max_share, min_count):
            findings.append(_finding(LOAD_BLOCKED, None, f"{table}: {bad} of {total} quarantined "
                                     f"(> {max_share:.0%} and at least {min_count})", True))
    findings.extend(_finding(LOAD_BLOCKED, None, f"expectation could not be evaluated per row: {e}", True)
                    for e in errors)
    findings += _quarantine_findings(quarantined_articles, quarantined_metrics, articles)
    _add_context(failed + warn, articles, metrics)
    reasons = [f["text"] for f in findings if f["blocks_load"]]
    crawl_alerts = [f["text"] for f in findings
                    if not f["blocks_load"] and f["kind"] in (CRAWL_OUTAGE, TEMPLATE_DRIFT_KIND, OFFSITE_REDIRECT)]

    summary = ValidationSummary(
        articles_total=len(articles),
        articles_accepted=len(accepted_articles),
        articles_quarantined=len(quarantined_articles),
        metrics_total=len(metrics),
        metrics_accepted=len(accepted_metrics),
        metrics_quarantined=len(quarantined_metrics),
        critical_success=not quarantined_articles and not quarantined_metrics and not errors,
        batch_failed=bool(reasons),
        failed_expectations=failed,
        warnings=warn,
        data_docs=str(index_html),
        batch_failed_reasons=reasons,
        suites=suite_results,
        reference_date=reference.isoformat(),
        history=history_info,
        transform_rejects=reject_counts,
        crawl_alerts=crawl_alerts,
        findings=findings,
        max_quarantine_share=max_share,
        min_quarantined_to_fail=min_count,
        inputs=inputs,
        duplicates=_duplicate_pages(paths),
        validated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        accepted_before=_named_pages([articles[i].record for i in sorted(kept)], ("url", "source")),
        rejects_accepted_before=_named_pages([r.record for r in accepted_rejects], ("url", "source")),
    )

    if history_error:
        summary.history["error"] = history_error
    if alert is not None and summary.needs_alert:
        summary.alert_sent, summary.alert_repeated = alert(summary.to_dict())
    _write_jsonl(paths.accepted_articles, (r.record for r in accepted_articles))
    _write_jsonl(paths.accepted_metrics, (r.record for r in accepted_metrics))
    _write_jsonl(paths.quarantine, (
        {"table": table, "key": r.key, "stage": STAGE, "reasons": _dedupe(r.reasons), "record": r.record}
        for table, rows in (("articles", quarantined_articles), ("metrics", quarantined_metrics))
        for r in rows
    ))
    write_json(paths.summary, strict_json(summary.to_dict()))
    return summary


def _quarantine_findings(bad_articles: list[_Row], bad_metrics: list[_Row], articles: list[_Row]
                         ) -> list[dict[str, Any]]:
    """One validation_failure finding per source with quarantined rows (a metric counts for its
    article's source); it blocks nothing by itself (the share rule decides that)."""
    source_of = {r.record.get("url"): _source_of(r) for r in articles if isinstance(r.record, dict)}
    counts: dict[str, Counter[str]] = {}
    for table, rows in (("articles", bad_articles), ("metrics", bad_metrics)):
        for row in rows:
            record = row.record if isinstance(row.record, dict) else {}
            url = record.get("url") if table == "articles" else record.get("article_url")
            source = source_of.get(url) or (_source_of(row) if table == "articles" else "unknown")
            counts.setdefault(source, Counter())[table] += 1
    return [_finding(VALIDATION_FAILURE, source, f"source {source}: {counted(c['articles'], 'article')} and "
                     f"{counted(c['metrics'], 'metric')} quarantined", False, articles=c["articles"],
                     metrics=c["metrics"])
            for source, c in sorted(counts.items())]


def _read_failures(rows: list[_Row], table: str) -> list[dict[str, Any]]:
    """Summary entries for lines that could not be read as records."""
    entries = []
    for reason in (INVALID_JSON_REASON, NOT_AN_OBJECT_REASON):
        bad = [r for r in rows if reason in r.reasons]
        if bad:
            entries.append({"suite": f"{table}.critical", "expectation": reason, "column": None,
                            "unexpected_count": len(bad),
                            "samples": [{"key": r.key, "value": _json_safe(str(r.record))}
                                        for r in bad[:SAMPLE_COUNT]]})
    return entries


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
