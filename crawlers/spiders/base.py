"""Shared plumbing for the source spiders: source config, seen-URL filter, item building.

Each site spider subclasses `SourceSpider`, sets `name` (the source slug) and
`ARTICLE_PATH_RE`, and only selects links; this module turns links into requests
(skipping URLs already stored unless `full`) and responses into `RawPage` items.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.items import KIND_ARTICLE, KIND_LISTING, FetchFailure, RawPage
from newsetl.config import Source, load_sources
from transforms.urls import normalize_url

STAT_UNCHANGED = "newsetl/articles/unchanged"
TRUE_STRINGS = frozenset({"1", "true", "yes", "on"})
WWW_PREFIX = "www."
# HTTP statuses that reach callbacks (HTTPERROR_ALLOWED_CODES) but are not pages.
OK_STATUS_MAX = 299


def _truthy(value: Any) -> bool:
    """Spider arguments arrive as strings from `scrapy crawl -a`; accept both forms."""
    if isinstance(value, str):
        return value.strip().lower() in TRUE_STRINGS
    return bool(value)


def read_seen_file(path: str | Path | None) -> frozenset[str]:
    """Normalized canonical URLs from a seen-file (one URL per line, blanks and #comments ignored)."""
    if not path:
        return frozenset()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(
        normalize_url(line.strip()) for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def describe_failure(failure: Failure) -> str:
    """'ExceptionType: message' (just the type when the exception has no message)."""
    message = failure.getErrorMessage().strip()
    return f"{failure.type.__name__}: {message}" if message else failure.type.__name__


def _bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[len(WWW_PREFIX):] if host.startswith(WWW_PREFIX) else host


class SourceSpider(scrapy.Spider):
    """Base spider for one `sources.yml` source; subclasses set `name` and `ARTICLE_PATH_RE`."""

    ARTICLE_PATH_RE: ClassVar[re.Pattern[str]]

    def __init__(
        self,
        base_url: str | None = None,
        seen_file: str | Path | None = None,
        full: bool | str = False,
        seen: Iterable[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        overrides = {self.name: base_url.rstrip("/")} if base_url else None
        self.source: Source = load_sources(overrides)[self.name]
        self.full: bool = _truthy(full)
        self.seen: frozenset[str] = read_seen_file(seen_file) | frozenset(
            normalize_url(u) for u in (seen or ())
        )
        self.unchanged: set[str] = set()
        self._requested: set[str] = set()

    # ---- start -------------------------------------------------------------
    def start_urls_for(self, paths: Iterable[str]) -> list[str]:
        """Listing/feed paths from sources.yml joined onto the effective base URL."""
        return [urljoin(self.source.base_url.rstrip("/") + "/", p.lstrip("/")) for p in paths]

    # ---- URL helpers -------------------------------------------------------
    def canonical(self, url: str) -> str:
        """The live-site URL of a URL fetched from the base URL (mirror or live)."""
        return self.source.canonical_url(url)

    def rebase(self, url: str) -> str:
        """Map an absolute live-site link (e.g. from RSS) onto the effective base URL."""
        base, live = self.source.base_url.rstrip("/"), self.source.live_base_url.rstrip("/")
        if base == live or _bare_host(url) != _bare_host(live):
            return url
        parts = urlsplit(url)
        return base + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def is_article_url(self, url: str) -> bool:
        """True when the URL's path has this site's article shape."""
        return bool(self.ARTICLE_PATH_RE.search(urlsplit(url).path))

    def seen_key(self, url: str) -> str:
        """The key articles are stored under: normalized canonical URL."""
        return normalize_url(self.canonical(url))

    # ---- requests ------------------------------------------------------------
    def article_request(self, url: str, **meta: Any) -> Request | None:
        """A request for an article link, or None if not an article, already requested or seen."""
        if not self.is_article_url(url):
            return None
        key = self.seen_key(url)
        if key in self._requested or key in self.unchanged:
            return None
        if key in self.seen and not self.full:
            self.unchanged.add(key)
            crawler = getattr(self, "crawler", None)
            if crawler is not None and crawler.stats is not None:
                crawler.stats.inc_value(STAT_UNCHANGED)
            return None
        self._requested.add(key)
        return Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            meta={"kind": KIND_ARTICLE, **meta},
        )

    def article_requests(self, links: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[Request]:
        """Requests for (absolute url, meta) article links, skipping duplicates and seen URLs."""
        for url, meta in links:
            request = self.article_request(url, **meta)
            if request is not None:
                yield request

    # ---- items ----------------------------------------------------------------
    def raw_page(self, response: Response, kind: str) -> RawPage:
        """The RawPage of a response, html decoded with the response's declared encoding."""
        redirects = response.meta.get("redirect_urls") or []
        url = redirects[0] if redirects else response.url
        text = getattr(response, "text", None)
        if text is None:
            text = response.body.decode("utf-8", errors="replace")
        return RawPage(
            url=url,
            final_url=response.url,
            canonical_url=self.canonical(url),
            source=self.name,
            kind=kind,
            status=response.status,
            headers={
                k.decode("latin-1"): b", ".join(v).decode("latin-1")
                for k, v in response.headers.items()
            },
            encoding=getattr(response, "encoding", None) or "utf-8",
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            html=text,
        )

    def error_status(self, response: Response, kind: str) -> FetchFailure | None:
        """A FetchFailure for an allowed-but-failed status (404/410), else None."""
        if response.status <= OK_STATUS_MAX:
            return None
        return FetchFailure(
            url=response.url, source=self.name, kind=kind,
            error=f"HTTP {response.status}", status=response.status,
        )

    def parse_article(self, response: Response) -> Iterator[RawPage | FetchFailure]:
        """One RawPage(kind=article) per article response."""
        failure = self.error_status(response, KIND_ARTICLE)
        if failure is not None:
            yield failure
            return
        yield self.raw_page(response, KIND_ARTICLE)

    def listing_page(self, response: Response) -> RawPage | FetchFailure:
        """The RawPage(kind=listing) of a listing response, or its failure."""
        return self.error_status(response, KIND_LISTING) or self.raw_page(response, KIND_LISTING)

    def on_error(self, failure: Failure) -> Iterator[FetchFailure]:
        """Errback: turn download/HTTP errors into FetchFailure items for the report."""
        request = failure.request if hasattr(failure, "request") else None
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
            error = f"HTTP {status}"
            url = failure.value.response.url
        else:
            error = describe_failure(failure)
            url = request.url if request is not None else ""
        kind = request.meta.get("kind", KIND_LISTING) if request is not None else KIND_LISTING
        self.logger.warning("fetch failed %s: %s", url, error)
        yield FetchFailure(url=url, source=self.name, kind=kind, error=error, status=status)
