"""Item pipeline: raw pages to <out>/raw/<source>/pages.jsonl.gz, plus the crawl reports.

Counts come from Scrapy stats (requests, responses by status) and from the items and
signals seen here (articles new/failed, listings, spider errors); "unchanged" is
counted by the spider when it skips a URL of the seen-file, "listings_not_modified" when
a listing answers 304, "charset_corrected" by crawlers.middlewares.CharsetMiddleware;
"charset_guessed" counts pages that declared no charset and were read as GB18030 (the
middleware's guess, carried by RawPage.charset_guessed).
Pages kept although something went wrong (a truncated listing, an article stored from its
print view) are listed under "warnings"; failed pages under "errors" (an article whose body
was still cut short after its retries is one of them, not a page).
"""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from twisted.python.failure import Failure

from core.records import KIND_ARTICLE, VIA_ALL_PAGES, VIA_FIRST_PAGE, VIA_PRINT, FetchFailure, RawPage
from core.rundir import AtomicWriter, RunPaths, write_json
from core.wording import counted
from crawlers.middlewares import STAT_CHARSET_CORRECTED
from crawlers.report import MAX_REPORT_ERRORS, REQUEST_COUNT_STAT, merge_run_report, responses_by_status
from crawlers.settings import SETTING_BASE_URL, SETTING_OUT_DIR, SETTING_SOURCE
from crawlers.spiders.base import (
    OFFSITE_LINK,
    STAT_BEFORE_SINCE,
    STAT_ITEMS_WITHOUT_LINK,
    STAT_LINKS_BY_SHAPE,
    STAT_NOT_MODIFIED,
    STAT_OFFSITE_LINKS,
    STAT_OFFSITE_REDIRECTS,
    STAT_UNCHANGED,
    WARNING_BY_SHAPE,
    WARNING_DRIFT,
    describe_failure,
)

STAT_NEW = "newsetl/articles/new"
STAT_REFETCHED = "newsetl/articles/refetched"  # stored already, fetched again by a --full crawl
STAT_FAILED = "newsetl/articles/failed"
STAT_LISTINGS = "newsetl/listings"
STAT_LISTINGS_FAILED = "newsetl/listings/failed"
STAT_VIA_PRINT = "newsetl/articles/via_print"
STAT_ALL_PAGES = "newsetl/articles/all_pages"  # multipage articles stored whole (their all-pages view)
STAT_FIRST_PAGE = "newsetl/articles/first_page_only"  # multipage articles of which the site served page 1 only
STAT_TRUNCATED = "newsetl/pages/truncated"
STAT_DECODE_ERRORS = "newsetl/pages/decode_errors"
STAT_CHARSET_GUESSED = "newsetl/pages/charset_guessed"
WARNING_DECODE = "invalid {encoding} bytes: {sequences} replaced with U+FFFD"
WARNING_CHARSET_GUESSED = "charset_guessed: no charset declared; decoded as {encoding}, its text looking Chinese"
WARNING_TRUNCATED = "truncated response kept as received (best effort)"
WARNING_VIA = "article page failed; stored its {via} view"
WARNING_FIRST_PAGE = ("multipage article: the site served its first page only (no all-pages view); "
                      "the later pages are missing")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RawPagePipeline:
    """Write RawPage items as JSON lines (gzip) and the crawl reports when the spider closes."""

    def __init__(self, crawler: Crawler, out: Path, source: str, base_url: str) -> None:
        self.crawler = crawler
        self.out = out
        self.source = source
        self.base_url = base_url
        self.paths = RunPaths(out)
        self.dir = self.paths.source_raw(source)
        self.errors: list[dict[str, Any]] = []
        self.warnings: list[dict[str, Any]] = []
        self.started_at = ""
        self._pages: AtomicWriter | None = None
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RawPagePipeline:
        """Read the run dir and source from the settings (crawlers.settings.settings_for)."""
        out = crawler.settings.get(SETTING_OUT_DIR)
        source = crawler.settings.get(SETTING_SOURCE) or crawler.spidercls.name
        if not out or not source:
            raise NotConfigured(f"{SETTING_OUT_DIR} and {SETTING_SOURCE} must be set")
        return cls(crawler, Path(out), source, crawler.settings.get(SETTING_BASE_URL, ""))

    @property
    def pages_path(self) -> Path:
        return self.paths.pages(self.source)

    def open_spider(self) -> None:
        """Open <out>/raw/<source>/pages.jsonl.gz (written under a temporary name, renamed at close)."""
        self.started_at = _now()
        self._pages = AtomicWriter(self.pages_path)

    def process_item(self, item: Any) -> Any:
        """Write pages; record failures; count both in the crawl stats."""
        stats = self.crawler.stats
        if isinstance(item, RawPage):
            assert self._pages is not None, "pipeline not opened"
            self._pages.write_row(dataclasses.asdict(item))
            stats.inc_value(STAT_LISTINGS if item.kind != KIND_ARTICLE
                            else STAT_REFETCHED if self._refetched(item.url) else STAT_NEW)
            if item.via == VIA_PRINT:
                stats.inc_value(STAT_VIA_PRINT)
                self._add_warning(item.url, WARNING_VIA.format(via=item.via))
            elif item.via == VIA_ALL_PAGES:  # the whole article: nothing to warn of
                stats.inc_value(STAT_ALL_PAGES)
            elif item.via == VIA_FIRST_PAGE:
                stats.inc_value(STAT_FIRST_PAGE)
                self._add_warning(item.url, WARNING_FIRST_PAGE)
            if item.truncated:
                stats.inc_value(STAT_TRUNCATED)
                self._add_warning(item.url, WARNING_TRUNCATED)
            if item.decode_errors:
                stats.inc_value(STAT_DECODE_ERRORS)
                self._add_warning(item.url, WARNING_DECODE.format(
                    encoding=item.encoding, sequences=counted(item.decode_errors, "byte sequence")))
            if item.charset_guessed:
                stats.inc_value(STAT_CHARSET_GUESSED)
                self._add_warning(item.url, WARNING_CHARSET_GUESSED.format(encoding=item.encoding))
        elif isinstance(item, FetchFailure):
            self._add_error(item.url, item.error, None if item.kind == KIND_ARTICLE else item.kind)
            stats.inc_value(STAT_FAILED if item.kind == KIND_ARTICLE else STAT_LISTINGS_FAILED)
        return item

    def _refetched(self, url: str) -> bool:
        """True when the spider fetched this article although it is stored (a --full crawl)."""
        is_refetch = getattr(getattr(self.crawler, "spider", None), "is_refetch", None)
        return bool(is_refetch is not None and is_refetch(url))

    def close_spider(self) -> None:
        """Close the pages file and move it into place."""
        if self._pages is not None:
            self._pages.commit()
            self._pages = None

    def spider_error(self, failure: Failure, response: Response, spider: Spider) -> None:
        """A callback raised: record it; an article whose callback failed counts as failed."""
        self._add_error(response.url, describe_failure(failure))
        if response.meta.get("kind") == KIND_ARTICLE:
            self.crawler.stats.inc_value(STAT_FAILED)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Write raw/<source>/crawl_report.json and merge it into <out>/crawl_report.json."""
        for entry in getattr(spider, "offsite", ()):  # off-site redirects are errors already (errback)
            if entry["reason"] == OFFSITE_LINK:
                self._add_warning(entry["url"], f"{OFFSITE_LINK}: not requested (not one of the source's hosts)")
        for url in getattr(spider, "by_shape", ()):
            self._add_warning(url, WARNING_BY_SHAPE)
        for url, warning in getattr(spider, "listing_warnings", ()):
            self._add_warning(url, warning)
        silent = spider.silent_listings() if reason == "finished" and hasattr(spider, "silent_listings") else []
        for root in silent:
            self._add_warning(root, f"{WARNING_DRIFT}: listing {root} yielded 0 article links")
        report = self.report(reason)
        report["listings_without_links"] = len(silent)
        if hasattr(spider, "listing_link_counts"):
            report["listing_links"] = spider.listing_link_counts()
        write_json(self.paths.source_crawl_report(self.source), report)
        merge_run_report(self.paths, report)

    def report(self, reason: str) -> dict[str, Any]:
        """The per-source crawl report from the crawl's stats."""
        stats = self.crawler.stats.get_stats()
        return {
            "source": self.source,
            "base_url": self.base_url,
            "started_at": self.started_at or _now(),
            "finished_at": _now(),
            "requests": int(stats.get(REQUEST_COUNT_STAT, 0)),
            "responses_by_status": responses_by_status(stats),
            "articles": {
                "new": int(stats.get(STAT_NEW, 0)),
                "unchanged": int(stats.get(STAT_UNCHANGED, 0)),
                "failed": int(stats.get(STAT_FAILED, 0)),
            },
            # articles fetched again although stored (--full): not in "new", which counts only
            # articles the warehouse (or the seen-file) did not have
            "articles_refetched": int(stats.get(STAT_REFETCHED, 0)),
            "articles_via_print": int(stats.get(STAT_VIA_PRINT, 0)),
            "articles_all_pages": int(stats.get(STAT_ALL_PAGES, 0)),
            "articles_first_page_only": int(stats.get(STAT_FIRST_PAGE, 0)),
            "listings": int(stats.get(STAT_LISTINGS, 0)),
            "listings_failed": int(stats.get(STAT_LISTINGS_FAILED, 0)),
            "listings_not_modified": int(stats.get(STAT_NOT_MODIFIED, 0)),
            "pages_truncated": int(stats.get(STAT_TRUNCATED, 0)),
            "charset_corrected": int(stats.get(STAT_CHARSET_CORRECTED, 0)),
            "pages_with_decode_errors": int(stats.get(STAT_DECODE_ERRORS, 0)),
            "charset_guessed": int(stats.get(STAT_CHARSET_GUESSED, 0)),
            "offsite_links": int(stats.get(STAT_OFFSITE_LINKS, 0)),
            "offsite_redirects": int(stats.get(STAT_OFFSITE_REDIRECTS, 0)),
            "listings_by_url_shape": int(stats.get(STAT_LINKS_BY_SHAPE, 0)),
            "listing_items_without_link": int(stats.get(STAT_ITEMS_WITHOUT_LINK, 0)),
            "articles_before_since": int(stats.get(STAT_BEFORE_SINCE, 0)),
            "errors": self.errors,
            "warnings": self.warnings,
            "finish_reason": reason,
        }

    def _add_error(self, url: str, error: str, kind: str | None = None) -> None:
        """One failed page; a listing's says so (`"kind": "listing"`: validation names it to on-call)."""
        if len(self.errors) < MAX_REPORT_ERRORS:
            self.errors.append({"url": url, "error": error, **({"kind": kind} if kind else {})})

    def _add_warning(self, url: str, warning: str) -> None:
        if len(self.warnings) < MAX_REPORT_ERRORS:
            self.warnings.append({"url": url, "warning": warning})
