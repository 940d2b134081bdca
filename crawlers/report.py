"""Crawl reports: one per source (raw/<source>/crawl_report.json) and the run total.

The run total (<run dir>/crawl_report.json) is merged under an fcntl lock because
crawls of several sources may finish concurrently into the same run directory.
"""
from __future__ import annotations

import fcntl
import json
from collections.abc import Mapping
from typing import Any

from core.records import CRAWL_ARTICLE_COUNTS
from core.records import unreadable as unreadable  # `newsetl crawl` asks it here; validation in core
from core.rundir import RunPaths, write_json

STATUS_STAT_PREFIX = "downloader/response_status_count/"
REQUEST_COUNT_STAT = "downloader/request_count"
ARTICLE_COUNTS = CRAWL_ARTICLE_COUNTS
# Per-source integer counts summed into the run totals as they are.
SUMMED_COUNTS = ("articles_refetched", "listings", "listings_failed", "listings_not_modified", "articles_via_print",
                 "articles_all_pages", "articles_first_page_only",
                 "pages_truncated", "charset_corrected", "charset_guessed", "pages_with_decode_errors",
                 "offsite_links", "offsite_redirects", "listings_without_links", "listings_by_url_shape",
                 "listing_items_without_link")
# Keep reports readable when a site is down: at most this many error entries.
MAX_REPORT_ERRORS = 500


def responses_by_status(stats: Mapping[str, Any]) -> dict[str, int]:
    """{"200": n, "404": n, ...} from Scrapy's downloader stats."""
    return {
        key[len(STATUS_STAT_PREFIX):]: int(value)
        for key, value in sorted(stats.items())
        if key.startswith(STATUS_STAT_PREFIX)
    }


def run_totals(sources: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Totals over per-source reports: requests, responses by status, articles, listings, ..."""
    statuses: dict[str, int] = {}
    for report in sources.values():
        for status, count in report.get("responses_by_status", {}).items():
            statuses[status] = statuses.get(status, 0) + int(count)
    return {
        "requests": sum(int(r.get("requests", 0)) for r in sources.values()),
        "responses_by_status": dict(sorted(statuses.items())),
        "articles": {
            k: sum(int(r.get("articles", {}).get(k, 0)) for r in sources.values())
            for k in ARTICLE_COUNTS
        },
        **{key: sum(int(r.get(key, 0)) for r in sources.values()) for key in SUMMED_COUNTS},
        "error_count": sum(len(r.get("errors", ())) for r in sources.values()),
        "warning_count": sum(len(r.get("warnings", ())) for r in sources.values()),
        "sources": {name: dict(sources[name]) for name in sorted(sources)},
    }


def merge_run_report(paths: RunPaths, report: Mapping[str, Any]) -> dict[str, Any]:
    """Add one source's report to <run dir>/crawl_report.json (locked), return the new totals."""
    paths.root.mkdir(parents=True, exist_ok=True)
    path = paths.crawl_report
    with open(paths.crawl_report_lock, "a+", encoding="utf-8") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            sources: dict[str, Any] = {}
            if path.exists():
                try:
                    sources = dict(json.loads(path.read_text(encoding="utf-8")).get("sources", {}))
                except (ValueError, AttributeError):
                    sources = {}
            sources[str(report["source"])] = dict(report)
            totals = run_totals(sources)
            write_json(path, totals)
            return totals
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
