"""Downloader middlewares: charset repair, retries of truncated bodies, retry backoff.

Order (crawlers.settings.DOWNLOADER_MIDDLEWARES): responses pass HttpCompression (590)
first, then these, then Scrapy's RetryMiddleware (550).
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from transforms.charset import choose_charset, same_encoding

log = logging.getLogger(__name__)

STAT_CHARSET_CORRECTED = "newsetl/charset/corrected"
CHARSET_GUESSED_FLAG = "charset_guessed"  # on a response whose charset is rule 4's guess (transforms.charset)
STAT_DATALOSS_RETRIES = "newsetl/dataloss/retries"
STAT_BACKOFF_SECONDS = "newsetl/retry/backoff_seconds"
DATALOSS_FLAG = "dataloss"  # Scrapy's flag on a body cut short (DOWNLOAD_FAIL_ON_DATALOSS=False)
DATALOSS_REASON = "truncated response (data loss)"
# Settings read here (crawlers.settings sets them per live/loopback host).
SETTING_BACKOFF_BASE = "NEWSETL_RETRY_BACKOFF_BASE"
SETTING_BACKOFF_MAX = "NEWSETL_RETRY_BACKOFF_MAX"
META_RETRY_AFTER = "newsetl_retry_after"
RETRY_AFTER_STATUSES = frozenset({429, 503})


class OffsiteRequest(IgnoreRequest):
    """A request (a link, or a redirect's target) to a host the source does not own."""


class OffsiteGuardMiddleware:
    """Stop every request to a host outside the source's (`Source.allows`) before it is sent.

    Runs before robots.txt (which would fetch the foreign host's robots.txt) and sees each
    redirect's new request too, so a 302 to another host is not followed: the spider's
    errback gets an `OffsiteRequest` ("offsite redirect: <target> (from <url>)").
    """

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        crawler_spider = spider or getattr(self, "spider", None)
        source = getattr(crawler_spider, "source", None)
        if source is None or source.allows(request.url):
            return None
        redirects = request.meta.get("redirect_urls") or []
        reason = "offsite redirect" if redirects else "offsite link"
        record = getattr(crawler_spider, "record_offsite", None)
        if record is not None:
            record(request.url, reason)
        origin = f" (from {redirects[0]})" if redirects else ""
        raise OffsiteRequest(f"{reason}: {request.url}{origin}")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteGuardMiddleware:
        guard = cls()
        crawler.signals.connect(guard._spider_opened, signal=signals.spider_opened)
        return guard

    def _spider_opened(self, spider: Spider) -> None:
        self.spider = spider


class CharsetMiddleware:
    """Re-decode HTML whose declared charsets contradict its bytes (transforms.charset rules);
    flag a response whose charset is a guess (no charset declared) for the crawl report."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CharsetMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        """Return the response re-decoded when the bytes disprove Scrapy's charset choice.

        A declared charset the bytes disprove counts as corrected; a page that declares none
        is flagged CHARSET_GUESSED_FLAG when read as GB18030 (its text looks Chinese), else
        read as UTF-8, its invalid bytes replaced (the spider counts them: decode_errors)."""
        if not isinstance(response, HtmlResponse):
            return response
        choice = choose_charset(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))
        chosen = choice.encoding
        flags = [*response.flags, CHARSET_GUESSED_FLAG] if choice.guessed else response.flags
        if chosen is None or same_encoding(chosen, response.encoding):
            return response.replace(flags=flags) if choice.guessed else response
        if choice.guessed:
            log.warning("charset of %s: none declared; guessed %s (the text looks Chinese)", response.url, chosen)
        elif choice.undeclared:
            log.warning("charset of %s: none declared, not UTF-8 nor Chinese; decoded as %s with replacements",
                        response.url, chosen)
        else:
            log.info("charset of %s: declared %s, decoded as %s", response.url, response.encoding, chosen)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(STAT_CHARSET_CORRECTED)
        return response.replace(encoding=chosen, flags=flags)


class DataLossRetryMiddleware:
    """Retry a truncated body like a failed download; after the last retry pass it on flagged
    DATALOSS_FLAG: the spider counts an article as failed ('truncated response: got N of M
    bytes after K tries', crawlers.spiders.base.truncation_reason) and keeps a listing as it
    came (its links are still usable)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_retry_times = crawler.settings.getint("RETRY_TIMES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DataLossRetryMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response,
                         spider: Spider | None = None) -> Request | Response:
        """A retry request while retries are left, else the partial response."""
        if DATALOSS_FLAG not in response.flags or request.meta.get("dont_retry"):
            return response
        retry = get_retry_request(
            request, spider=self.crawler.spider, reason=DATALOSS_REASON,
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
        )
        if retry is None:
            log.warning("truncated response of %s after its retries (%d of %s bytes)", response.url,
                        len(response.body), response.headers.get("Content-Length", b"?").decode())
            return response
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(STAT_DATALOSS_RETRIES)
        return retry


def retry_after_seconds(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), None if absent/bad."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(retry_times: int, base: float, cap: float, retry_after: float | None = None) -> float:
    """Delay before retry number `retry_times` (1-based): base * 2**(n-1), or the server's
    Retry-After when it asks for longer; never more than `cap`."""
    if retry_times < 1:
        return 0.0
    delay = base * 2 ** (retry_times - 1)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(delay, cap)


class RetryBackoffMiddleware:
    """Wait before each retry (exponential backoff, Retry-After honoured up to a cap).

    process_response runs before RetryMiddleware's and notes Retry-After in the request
    meta, which the retry request copies; process_request of that retry waits.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.base = crawler.settings.getfloat(SETTING_BACKOFF_BASE, 0.0)
        self.cap = crawler.settings.getfloat(SETTING_BACKOFF_MAX, 0.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        """Sleep (without blocking the reactor) before a retried request."""
        delay = backoff_delay(int(request.meta.get("retry_times", 0)), self.base, self.cap,
                              request.meta.get(META_RETRY_AFTER))
        if delay > 0:
            from twisted.internet import reactor  # the one Scrapy installed (never at import)

            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(STAT_BACKOFF_SECONDS, delay)
            await maybe_deferred_to_future(deferLater(reactor, delay))

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Any:
        """Remember the server's Retry-After for the retry that may follow."""
        seconds = None
        if response.status in RETRY_AFTER_STATUSES:
            seconds = retry_after_seconds(response.headers.get("Retry-After"))
        if seconds is None:
            request.meta.pop(META_RETRY_AFTER, None)
        else:
            request.meta[META_RETRY_AFTER] = seconds
        return response
