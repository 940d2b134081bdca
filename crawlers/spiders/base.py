"""Shared plumbing for the source spiders: source config, seen-URL filter, listing chains,
conditional GET, fallbacks and item building.

Each site spider subclasses `SourceSpider`, sets `name` (the source slug) and
`ARTICLE_PATH_RE`, and only selects links; this module turns links into requests
(normalized, each article once, skipping articles already stored unless `full`) and
responses into `RawPage` / `FetchFailure` items.

Listings form chains: an entry point from sources.yml (the chain's root: a Hanweb column
page, a Joomla category blog's first page, a feed) and the pages or dataproxy groups
reached from it. Roots are fetched with the validators stored by the last complete crawl
(crawlers.state); a 304 replays the links stored for the whole chain instead of paging.

All requests are `dont_filter`: the spider deduplicates articles by `article_key` (the
normalized canonical URL, or a site's own article id) and listings by request, and a
redirect loop must run into REDIRECT_MAX_TIMES (and be reported) instead of vanishing
in Scrapy's duplicate filter.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from parsel import Selector
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionDone, ConnectionLost, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from core.records import KIND_ARTICLE, KIND_LISTING, VIA_DIRECT, FetchFailure, RawPage
from core.sources import Source, check_base_url, load_sources, source_named
from crawlers.middlewares import CHARSET_GUESSED_FLAG, DATALOSS_FLAG, OffsiteRequest
from crawlers.state import ListingEntry, load_state, save_state
from transforms.textutil import parse_date
from transforms.urls import normalize_url

REPLACEMENT_CHAR = "\ufffd"
STAT_UNCHANGED = "newsetl/articles/unchanged"
STAT_OFFSITE_LINKS = "newsetl/offsite/links"
STAT_OFFSITE_REDIRECTS = "newsetl/offsite/redirects"
OFFSITE_LINK = "offsite link"
OFFSITE_REDIRECT = "offsite redirect"
MAX_OFFSITE_RECORDS = 200
STAT_LINKS_BY_SHAPE = "newsetl/listings/links_by_shape"
STAT_ITEMS_WITHOUT_LINK = "newsetl/listings/items_without_link"
STAT_BEFORE_SINCE = "newsetl/articles/before_since"
# Where a listing's own items live when the template's selectors find none: the page's main
# content, first match wins (else the whole page) ...
CONTENT_SCOPES_XPATH: tuple[str, ...] = (
    "//main", '//*[@role="main"]', '//*[@id="content"]', '//*[@id="main"]', '//*[@id="component"]',
)
# ... minus page chrome: menus, sidebars, headers, footers, Joomla modules. Not by the classes of <body> (or <html>):
# those describe the page, not a part of it (Joomla 4's Cassiopeia writes body.has-sidebar-right on every page with a
# right column, and every link of the page was chrome: the fallback found nothing).
CHROME_ANCESTOR_XPATH = (
    "ancestor::*[not(self::body or self::html) and (self::nav or self::header or self::footer or self::aside"
    " or contains(concat(' ', normalize-space(@class), ' '), ' moduletable')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' header ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' footer ')"
    " or @id = 'header' or @id = 'footer' or starts-with(@id, 'nav')"
    " or contains(@class, 'menu') or contains(@class, 'sidebar') or contains(@id, 'sidebar')"
    " or contains(@class, 'breadcrumb') or contains(@class, 'pagination') or contains(@class, 'module'))]"
)
WARNING_BY_SHAPE = "article links found by URL shape only (the template's selectors found none)"
WARNING_DRIFT = "template drift?"  # a crawl-report warning on-call is mailed (expectations.runner.DRIFT_PREFIX)
# Feeds: RSS 2.0 items and Atom entries (namespaces removed).
FEED_ITEM_XPATH = "//item | //entry"
FEED_LINK_XPATH = "link/text() | link[not(@rel) or @rel='alternate']/@href"
FEED_GUID_XPATH = 'guid[not(@isPermaLink="false")]/text()'
FEED_TITLE_XPATH = "title/text()"
FEED_DATE_XPATH = "pubDate/text() | published/text() | updated/text()"
# Sitemaps: <urlset><url><loc> and <sitemapindex><sitemap><loc> (namespaces removed).
SITEMAP_URL_XPATH = "//url/loc/text()"
SITEMAP_INDEX_XPATH = "//sitemap/loc/text()"
ROBOTS_PATH = "/robots.txt"
ROBOTS_SITEMAP_RE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
STAT_NOT_MODIFIED = "newsetl/listings/not_modified"
TRUE_STRINGS = frozenset({"1", "true", "yes", "on"})
LISTING_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
WWW_PREFIX = "www."
# HTTP statuses that reach callbacks (HTTPERROR_ALLOWED_CODES) but are not pages.
OK_STATUS_MAX = 299
NOT_MODIFIED = 304
FINISHED = "finished"
# Request meta keys.
META_KIND = "kind"
META_ROOT = "listing_root"  # URL of the chain's entry point
META_IS_ROOT = "listing_is_root"  # set on the entry point's own request only
META_VIA = "via"  # how an article page was fetched: "direct" | a fallback view ("print")
META_ARTICLE_URL = "article_url"  # the article a fallback request stands for
META_FIRST_ERROR = "first_error"  # why the direct fetch failed
# Failures worth a fallback view: the server or the connection had a bad moment.
TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 522, 524})
TRANSIENT_EXCEPTIONS = (DownloadTimeoutError, DownloadFailedError, ResponseDataLossError,
                        TimeoutError, TCPTimedOutError, ConnectionLost, ConnectionDone)
DECOMPRESSED_MAXSIZE_RE = re.compile(
    r"\((\d+) B compressed, (\d+) B decompressed so far\) exceeded DOWNLOAD_MAXSIZE \((\d+) B\) during decompression")
STREAM_CANCELLED_REASON = "too large: the body passed DOWNLOAD_MAXSIZE before it ended (download cancelled)"
MAXSIZE_MESSAGE_RE = re.compile(r"receive (\d+) bytes which is larger than download max size \((\d+)\)")
MAX_REDIRECTS_MESSAGE = "max redirections reached"
ROBOTS_MESSAGE = "Forbidden by robots.txt"
# An article whose body is still cut short after its retries is a failed fetch, not a page.
TRUNCATED_REASON = "truncated response"


def resolve_source(spider_name: str, source: Source | str | None, base_url: str | None = None) -> Source:
    """The source a spider crawls: a resolved `Source` (what the crawl runner passes), its
    JSON or registry name (`scrapy crawl hanweb -a source=...`), else the first registry
    source whose spider this is; `base_url` points it at another host with the same layout."""
    if isinstance(source, str) and source.lstrip().startswith("{"):
        source = Source.from_json(source)
    if not isinstance(source, Source):
        registry = load_sources()
        if source is not None:
            source = source_named(source, registry)
        else:
            source = next((s for s in registry.values() if s.spider_name == spider_name), None)
            if source is None:
                raise ValueError(f"no source in the registry uses spider {spider_name!r}")
    if source.spider_name != spider_name:
        raise ValueError(f"source {source.name!r} is crawled by spider {source.spider_name!r}, not {spider_name!r}")
    if base_url:
        source = replace(source, base_url=check_base_url(base_url))
    return source


def listing_day(value: str | None) -> date | None:
    """The day a listing gives for a link: "2019-08-18", "[2019-8-18]", an RSS/Atom date, "06 May 2020"."""
    if not value:
        return None
    match = LISTING_DATE_RE.search(value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        pass
    written = parse_date(value)  # "06 May 2020", "May 6, 2020"
    return date.fromisoformat(written) if written else None


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
    """A one-line reason: 'redirect loop: ...', 'too large: ...', else 'ExceptionType: message'."""
    message = failure.getErrorMessage().strip()
    if failure.check(IgnoreRequest) and MAX_REDIRECTS_MESSAGE in message:
        request = getattr(failure, "request", None)
        times = request.meta.get("redirect_times") if request is not None else None
        return f"redirect loop: gave up after {times or 'too many'} redirects"
    bomb = DECOMPRESSED_MAXSIZE_RE.search(message) if failure.check(IgnoreRequest) else None
    if bomb:  # a gzip bomb: HttpCompressionMiddleware stops inflating at the cap
        return (f"too large: {bomb.group(1)} bytes compressed inflated past DOWNLOAD_MAXSIZE {bomb.group(3)} "
                f"(stopped at {bomb.group(2)} bytes)")
    if failure.check(IgnoreRequest) and ROBOTS_MESSAGE in message:
        return "robots.txt: disallowed"
    if failure.check(OffsiteRequest):
        return message
    if failure.check(DownloadCancelledError):
        match = MAXSIZE_MESSAGE_RE.search(message)
        if match:
            return f"too large: {match.group(1)} bytes > DOWNLOAD_MAXSIZE {match.group(2)}"
        if not message:  # Scrapy cancels a body without Content-Length once it passes the cap
            return STREAM_CANCELLED_REASON
    return f"{failure.type.__name__}: {message}" if message else failure.type.__name__


def truncation_reason(response: Response) -> str:
    """Why a body cut short (after its data-loss retries) is no page: 'truncated response: got N
    of M bytes after K tries' (M from Content-Length; 'got N bytes' when the length was not sent)."""
    request = getattr(response, "request", None)
    tries = int(request.meta.get("retry_times", 0)) + 1 if request is not None else 1
    length = (response.headers.get("Content-Length") or b"").decode("latin-1").strip()
    of = f" of {length}" if length.isdigit() else ""
    return f"{TRUNCATED_REASON}: got {len(response.body)}{of} bytes after {tries} tr{'y' if tries == 1 else 'ies'}"


def is_transient(failure: Failure) -> bool:
    """True for failures a second view of the page might not have (5xx, timeouts, cut bodies)."""
    if failure.check(HttpError):
        return failure.value.response.status in TRANSIENT_STATUSES
    return bool(failure.check(*TRANSIENT_EXCEPTIONS))


def _bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[len(WWW_PREFIX):] if host.startswith(WWW_PREFIX) else host


def replaced_on_decode(body: bytes, encoding: str, text: str) -> int:
    """How many U+FFFD in `text` the decoder put there: byte sequences of `body` that
    `encoding` could not decode (Scrapy decodes with errors="replace", silently)."""
    if REPLACEMENT_CHAR not in text:
        return 0
    try:
        genuine = body.decode(encoding, errors="ignore").count(REPLACEMENT_CHAR)
    except LookupError:
        genuine = 0
    return max(0, text.count(REPLACEMENT_CHAR) - genuine)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class ListingChain:
    """One listing entry point and what this run saw behind it."""

    root: str
    previous: ListingEntry | None
    status: str = "pending"  # pending | fetched | not_modified | failed
    etag: str | None = None
    last_modified: str | None = None
    links: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    complete: bool = True

    def record(self, key: str, url: str, meta: dict[str, Any]) -> None:
        self.links.setdefault(key, (url, dict(meta)))

    def entry_to_store(self) -> ListingEntry | None:
        """What to keep for the next run: the old entry after a 304, a new one after a
        complete crawl of the chain with validators, else nothing (fetch in full next time)."""
        if self.status == "not_modified":
            return self.previous
        if self.status == "fetched" and self.complete and (self.etag or self.last_modified):
            return ListingEntry(self.etag, self.last_modified, list(self.links.values()))
        return None


class SourceSpider(scrapy.Spider):
    """Base spider for one template's sites; subclasses set `name` (the template) and `ARTICLE_PATH_RE`."""

    ARTICLE_PATH_RE: ClassVar[re.Pattern[str]]

    def __init__(
        self,
        source: Source | str | None = None,
        base_url: str | None = None,
        seen_file: str | Path | None = None,
        full: bool | str = False,
        seen: Iterable[str] | None = None,
        state_file: str | Path | None = None,
        since: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source: Source = resolve_source(self.name, source, base_url)
        self.full: bool = _truthy(full)
        # backfill: walk listings back to this day (ISO date); older dated links are skipped
        self.since: date | None = date.fromisoformat(since) if since else None
        self.seen: frozenset[str] = read_seen_file(seen_file) | frozenset(
            normalize_url(u) for u in (seen or ())
        )
        # the stored articles by what this site's articles are known by (`article_key`)
        self.seen_articles: frozenset[str] = frozenset(self.article_key(u) for u in self.seen)
        self.state_file: Path | None = Path(state_file) if state_file else None
        self.previous_state: dict[str, ListingEntry] = load_state(self.state_file)
        self.chains: dict[str, ListingChain] = {}
        self.unchanged: set[str] = set()
        self._requested: set[str] = set()
        self.offsite: list[dict[str, str]] = []  # dropped off-site URLs: {"url", "reason"} (crawl report)
        self.by_shape: list[str] = []  # listing pages whose links only the URL-shape fallback found
        # (listing page URL, warning) the crawl report lists; "template drift?: ..." ones are alerted
        self.listing_warnings: list[tuple[str, str]] = []
        self._listings_requested: set[tuple[str, str, bytes]] = set()

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
        """The key articles are stored under: normalized canonical URL (normalized first too,
        so `HTTP://HOST:80/...` spellings of the base URL map onto the live site)."""
        return normalize_url(self.canonical(normalize_url(url)))

    def article_key(self, url: str) -> str:
        """What one article of the site is known by: its seen key (normalized canonical URL). A
        site whose articles carry an id of their own and are reachable under several URLs (Joomla)
        keys them by the id: such an article is requested once a crawl, and counts as seen when
        it is stored under another of its URLs."""
        return self.seen_key(url)

    def request_url(self, url: str) -> str:
        """The URL an article link is fetched from: the link normalized."""
        return normalize_url(url)

    def is_refetch(self, url: str) -> bool:
        """True for an article a --full crawl fetches although it is stored already (its URL, or
        another URL of the same article, is in the seen set): counted as refetched, not as new."""
        return self.full and bool(self.seen) and self.article_key(url) in self.seen_articles

    def _stats_inc(self, key: str, count: int = 1) -> None:
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(key, count)

    # ---- listing requests ---------------------------------------------------
    def root_request(self, url: str, callback: Callable[..., Any], **meta: Any) -> Request:
        """The request of a listing entry point: conditional unless `full` or nothing stored."""
        previous = self.previous_state.get(url)
        self.chains[url] = ListingChain(url, previous)
        self._listings_requested.add(("GET", url, b""))
        conditional = previous is not None and not self.full and self.since is None  # a backfill pages in full
        headers = previous.request_headers() if conditional else {}
        return Request(url, callback=callback, errback=self.on_error, headers=headers, dont_filter=True,
                       meta={META_KIND: KIND_LISTING, META_ROOT: url, META_IS_ROOT: True, **meta})

    def follow_listing(self, request: Request) -> Request | None:
        """`request` (a further page of a chain) unless an identical one was already made."""
        key = (request.method, request.url, request.body)
        if key in self._listings_requested or not self.on_site(request.url):
            return None
        self._listings_requested.add(key)
        return request.replace(dont_filter=True)

    def chain_of(self, response_or_request: Response | Request) -> ListingChain | None:
        root = response_or_request.meta.get(META_ROOT)
        return self.chains.get(root) if root else None

    def is_not_modified(self, response: Response) -> bool:
        """True for a 304 answer to a conditional listing request."""
        return response.status == NOT_MODIFIED

    def replay_listing(self, response: Response) -> Iterator[Request | FetchFailure]:
        """304: the chain is unchanged; request the stored links (the seen-filter skips stored ones)."""
        chain = self.chain_of(response)
        if chain is None or chain.previous is None or not response.meta.get(META_IS_ROOT):
            yield self.listing_failure(response.url, "HTTP 304 without a stored copy", NOT_MODIFIED, response)
            return
        chain.status = "not_modified"
        self._stats_inc(STAT_NOT_MODIFIED)
        self.logger.info("listing not modified: %s (%d stored links)", response.url, len(chain.previous.links))
        yield from self.article_requests(chain.previous.links)

    def listing_failure(self, url: str, error: str, status: int | None,
                        source: Response | Request | None = None) -> FetchFailure:
        """A failed listing: marks its chain incomplete (nothing stored for it this run)."""
        chain = self.chain_of(source) if source is not None else None
        if chain is not None:
            chain.complete = False
            if chain.status == "pending":
                chain.status = "failed"
        return FetchFailure(url=url, source=self.source.name, kind=KIND_LISTING, error=error, status=status)

    def listing_page(self, response: Response) -> RawPage | FetchFailure:
        """The RawPage(kind=listing) of a listing response, or its failure."""
        if response.status > OK_STATUS_MAX:
            return self.listing_failure(response.url, f"HTTP {response.status}", response.status, response)
        page = self.raw_page(response, KIND_LISTING)
        chain = self.chain_of(response)
        if chain is not None:
            if page.truncated:
                chain.complete = False
            if response.meta.get(META_IS_ROOT):
                chain.status = "fetched"
                chain.etag = _header(response, "ETag")
                chain.last_modified = _header(response, "Last-Modified")
        return page

    def open_listing(self, response: Response) -> tuple[list[Any], bool]:
        """What a listing callback yields first, and whether it goes on to parse the page.

        A 304 replays the links stored for the listing (and stops); otherwise the listing's
        RawPage is yielded, and parsing goes on unless the response was a failure.
        """
        if self.is_not_modified(response):
            return list(self.replay_listing(response)), False
        page = self.listing_page(response)
        return [page], not isinstance(page, FetchFailure)

    # ---- article requests ---------------------------------------------------
    def links_by_shape(self, response: Response, fallback: bool = True) -> list[tuple[str, dict[str, Any]]]:
        """Article-shaped links in the page's main content outside its chrome, in page order,
        once each: the fallback when the template's selectors find no item on a listing
        (counted and reported as such), or the generic spider's way to read a listing."""
        scope = next((nodes for xpath in CONTENT_SCOPES_XPATH for nodes in [response.xpath(xpath)] if nodes),
                     response.xpath("/html"))
        links: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        for anchor in scope.xpath(".//a[@href]"):
            url = response.urljoin(anchor.attrib["href"].strip())
            if not self.is_article_url(url) or anchor.xpath(CHROME_ANCESTOR_XPATH) or url in seen:
                continue
            seen.add(url)
            title = " ".join((anchor.xpath("string()").get() or "").split())
            links.append((url, {"listing_title": title, "listing_url": response.url}))
        if links and fallback:
            self.record_by_shape(response.url, WARNING_BY_SHAPE)
        return links

    def record_by_shape(self, listing_url: str, message: str) -> None:
        """Count a listing read by URL shape (listings_by_url_shape in the crawl report: a drift finding), name it
        in `by_shape` (up to MAX_OFFSITE_RECORDS) and log `message`."""
        self._stats_inc(STAT_LINKS_BY_SHAPE)
        if len(self.by_shape) < MAX_OFFSITE_RECORDS:
            self.by_shape.append(listing_url)
        self.logger.warning("listing %s: %s", listing_url, message)

    def parse_feed(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """RSS/Atom feed: one request per item link (live-site links mapped onto the base URL)."""
        head, go_on = self.open_listing(response)
        yield from head
        if not go_on:
            return
        feed = Selector(text=response.text, type="xml")
        feed.remove_namespaces()
        links: list[tuple[str, dict[str, Any]]] = []
        for item in feed.xpath(FEED_ITEM_XPATH):
            href = (item.xpath(FEED_LINK_XPATH).get() or item.xpath(FEED_GUID_XPATH).get() or "").strip()
            if href:
                links.append((self.rebase(response.urljoin(href)), {
                    "listing_title": (item.xpath(FEED_TITLE_XPATH).get() or "").strip(),
                    "listing_date": (item.xpath(FEED_DATE_XPATH).get() or "").strip() or None,
                    "listing_url": response.url,
                }))
        self.mark_layout_articles(links, response.url)
        yield from self.article_requests(links, response)

    def mark_layout_articles(self, links: list[tuple[str, dict[str, Any]]], listing_url: str) -> None:
        """Links a listing's layout marks as articles (a feed's items): a template whose article links may
        lack an article shape takes them here (JoomlaSpider); by default only the shape decides."""

    def parse_sitemap(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """sitemap.xml: its article-shaped URLs; a sitemap index's sitemaps are followed; a
        robots.txt listed as a sitemap gives its `Sitemap:` lines."""
        head, go_on = self.open_listing(response)
        yield from head
        if not go_on:
            return
        if urlsplit(response.url).path.endswith(ROBOTS_PATH):
            indexes = ROBOTS_SITEMAP_RE.findall(response.text)
            links: list[tuple[str, dict[str, Any]]] = []
        else:
            sitemap = Selector(text=response.text, type="xml")
            sitemap.remove_namespaces()
            links = [(self.rebase(response.urljoin(loc.strip())), {"listing_url": response.url})
                     for loc in sitemap.xpath(SITEMAP_URL_XPATH).getall() if loc.strip()]
            indexes = sitemap.xpath(SITEMAP_INDEX_XPATH).getall()
        yield from self.article_requests(links, response)
        for loc in indexes:
            request = self.follow_listing(Request(
                self.rebase(response.urljoin(loc.strip())), callback=self.parse_sitemap, errback=self.on_error,
                meta={META_KIND: KIND_LISTING, META_ROOT: response.meta.get(META_ROOT)}))
            if request is not None:
                yield request

    def listing_link_counts(self) -> dict[str, int]:
        """Article links each listing entry point fetched this run yielded (304s left out)."""
        return {self.canonical(root): len(chain.links) for root, chain in sorted(self.chains.items())
                if chain.status == "fetched"}

    def silent_listings(self) -> list[str]:
        """Listing entry points fetched this run whose pages yielded no article link at all:
        the sign of a changed template (a 304 replays stored links; failures are errors)."""
        return [root for root, chain in self.chains.items() if chain.status == "fetched" and not chain.links]

    def on_site(self, url: str, reason: str = OFFSITE_LINK) -> bool:
        """True when `url` is on this crawl's hosts; else count and record it as off-site."""
        if self.source.allows(url):
            return True
        self.record_offsite(url, reason)
        return False

    def record_offsite(self, url: str, reason: str) -> None:
        """Count an off-site URL that was not requested (a link) or not followed (a redirect)."""
        self._stats_inc(STAT_OFFSITE_REDIRECTS if reason == OFFSITE_REDIRECT else STAT_OFFSITE_LINKS)
        if len(self.offsite) < MAX_OFFSITE_RECORDS:
            self.offsite.append({"url": url, "reason": reason})
        self.logger.warning("%s dropped: %s", reason, url)

    def before_since(self, listing_date: str | None) -> bool:
        """True when a backfill (`since`) is running and the listing dates the link before it."""
        day = listing_day(listing_date) if self.since is not None else None
        return day is not None and self.since is not None and day < self.since

    def reached_since(self, links: Iterable[tuple[str, dict[str, Any]]]) -> bool:
        """True when a backfill's listing page, newest first, ends with a link dated before
        `since`: later pages are older still, so paging stops there. A page in another order (a Joomla
        category set to "Oldest first", by title or by hits) says nothing of the later pages: paging
        goes on (it stopped at the first page of an oldest-first category, whose newer articles on
        later pages were never requested nor counted)."""
        dated = [listing_day(meta.get("listing_date")) for _, meta in links]
        days = [d for d in dated if d is not None]
        newest_first = all(a >= b for a, b in zip(days, days[1:]))
        return self.since is not None and bool(days) and days[-1] < self.since and newest_first

    def article_request(self, url: str, **meta: Any) -> Request | None:
        """A request for an article link, or None if not an article, off-site, dated before `since`,
        already requested or seen (under this URL or, by `article_key`, another of the article's)."""
        if not self.is_article_url(url) or not self.on_site(url):
            return None
        if self.before_since(meta.get("listing_date")):
            self._stats_inc(STAT_BEFORE_SINCE)
            return None
        key = self.article_key(url)
        if key in self._requested or key in self.unchanged:
            return None
        if key in self.seen_articles and not self.full:
            self.unchanged.add(key)
            self._stats_inc(STAT_UNCHANGED)
            return None
        self._requested.add(key)
        return Request(
            self.request_url(url),
            callback=self.parse_article,
            errback=self.on_error,
            dont_filter=True,
            meta={META_KIND: KIND_ARTICLE, META_VIA: VIA_DIRECT, **meta},
        )

    def article_requests(self, links: Iterable[tuple[str, dict[str, Any]]],
                         response: Response | None = None) -> Iterator[Request]:
        """Requests for (absolute url, meta) article links, skipping duplicates and seen URLs;
        the links are recorded in the chain of `response` for a later 304 replay."""
        chain = self.chain_of(response) if response is not None else None
        for url, meta in links:
            if chain is not None and self.is_article_url(url):
                chain.record(self.seen_key(url), url, meta)
            request = self.article_request(url, **meta)
            if request is not None:
                yield request

    def fallback_request(self, request: Request, error: str) -> Request | None:
        """Another view of an article whose page failed transiently (None: no fallback)."""
        return None

    # ---- items ----------------------------------------------------------------
    def raw_page(self, response: Response, kind: str) -> RawPage:
        """The RawPage of a response, html decoded with the response's (repaired) encoding."""
        redirects = response.meta.get("redirect_urls") or []
        url = response.meta.get(META_ARTICLE_URL) or (redirects[0] if redirects else response.url)
        text = getattr(response, "text", None)
        encoding = getattr(response, "encoding", None) or "utf-8"
        if text is None:
            text = response.body.decode(encoding, errors="replace")
        return RawPage(
            url=url,
            final_url=response.url,
            canonical_url=self.canonical(url),
            source=self.source.name,
            kind=kind,
            status=response.status,
            headers={
                k.decode("latin-1"): b", ".join(v).decode("latin-1")
                for k, v in response.headers.items()
            },
            encoding=encoding,
            fetched_at=_now(),
            html=text,
            via=response.meta.get(META_VIA, VIA_DIRECT) if kind == KIND_ARTICLE else VIA_DIRECT,
            truncated=DATALOSS_FLAG in response.flags,
            decode_errors=replaced_on_decode(response.body, encoding, text),
            charset_guessed=CHARSET_GUESSED_FLAG in response.flags,
        )

    def article_failure(self, meta: dict[str, Any], url: str, error: str, status: int | None) -> FetchFailure:
        """A failed article: reported under the article's URL, with the direct fetch's error first."""
        first = meta.get(META_FIRST_ERROR)
        if first:
            error = f"{first}; {meta.get(META_VIA)} view: {error}"
        return FetchFailure(url=meta.get(META_ARTICLE_URL) or url, source=self.source.name, kind=KIND_ARTICLE,
                            error=error, status=status)

    def parse_article(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """One RawPage(kind=article) per article response; 404/410 are failures, and so is a
        body still cut short after its retries (DataLossRetryMiddleware): stored, part of an
        article would pass for the article and, seen, never be fetched again. Like another
        transient failure it gets the template's fallback view first."""
        if response.status > OK_STATUS_MAX:
            yield self.article_failure(response.meta, response.url, f"HTTP {response.status}", response.status)
            return
        if DATALOSS_FLAG in response.flags:
            yield from self.truncated_article(response)
            return
        yield self.raw_page(response, KIND_ARTICLE)

    def truncated_article(self, response: Response) -> Iterator[FetchFailure | Request]:
        """A truncated article response: its fallback view (a direct fetch), else a FetchFailure
        'truncated response: got N of M bytes after K tries'."""
        error = truncation_reason(response)
        meta = response.meta
        url = (meta.get("redirect_urls") or [response.url])[0]
        self.logger.warning("fetch failed %s: %s", url, error)
        request = response.request
        if request is not None and meta.get(META_VIA) == VIA_DIRECT:
            fallback = self.fallback_request(request, error)
            if fallback is not None:
                self.logger.warning("trying the %s view of %s: %s", fallback.meta.get(META_VIA), url, fallback.url)
                yield fallback
                return
        yield self.article_failure(meta, url, error, None)

    def on_error(self, failure: Failure) -> Iterator[FetchFailure | Request]:
        """Errback: a fallback view for a transiently failed article, else a FetchFailure."""
        request: Request | None = getattr(failure, "request", None)
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
            error = f"HTTP {status}"
            url = failure.value.response.url
        else:
            error = describe_failure(failure)
            url = request.url if request is not None else ""
        meta = request.meta if request is not None else {}
        url = (meta.get("redirect_urls") or [url])[0]
        self.logger.warning("fetch failed %s: %s", url, error)
        if meta.get(META_KIND, KIND_LISTING) != KIND_ARTICLE:
            yield self.listing_failure(url, error, status, request)
            return
        if request is not None and meta.get(META_VIA) == VIA_DIRECT and is_transient(failure):
            fallback = self.fallback_request(request, error)
            if fallback is not None:
                self.logger.warning("trying the %s view of %s: %s", fallback.meta.get(META_VIA), url, fallback.url)
                yield fallback
                return
        yield self.article_failure(meta, url, error, status)

    # ---- end ------------------------------------------------------------------
    def closed(self, reason: str) -> None:
        """After a crawl that ran to its end, store the listing validators for the next run (a
        backfill keeps the ones stored before it)."""
        if self.state_file is None or reason != FINISHED:
            return
        if self.since is None:
            entries = {root: entry for root, chain in self.chains.items()
                       if (entry := chain.entry_to_store()) is not None}
        else:  # a backfill stops paging at `since`: its links are not the whole listing, which a 304
            # replays for the next incremental crawl (it counted fewer unchanged); the last whole state stays
            entries = {root: chain.previous for root, chain in self.chains.items() if chain.previous is not None}
        try:
            save_state(self.state_file, entries)
        except OSError as exc:
            self.logger.error("could not store crawl state %s: %s", self.state_file, exc)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
