"""Joomla 3 sites (ningbolife.com): category blogs with ?start= paging, RSS feeds, articles.

Blog pages and feeds are listings (kind "listing"); the links requested as articles are
the URLs Joomla 3 writes for a com_content article (ContentHelperRoute::getArticleRoute,
then the router):
  * SEF, with the .html suffix: `/index.php/<category>/<id>-<alias>.html`, a nested category
    `/index.php/<category>/<subcategory>/.../<id>-<alias>.html`, or an article without a
    menu item `/index.php/component/content/article/<catid>-<cat>/<id>-<alias>.html`; the
    Global Configuration's other two SEO switches give the same paths without `/index.php`
    ("Use URL Rewriting") and without `.html` ("Adds Suffix to URL" off), in any combination;
  * non-SEF: `/index.php?option=com_content&view=article&id=<id>[:<alias>]` with `catid`,
    `Itemid` or others in any order (`&amp;` in a feed's text read as `&`).
An article is known by its id (`article_key`): reachable under several URLs (two category
paths, a SEF and a non-SEF link) it is requested once a crawl, and an article stored under
one of its URLs is seen under any other.
A site on Joomla 3.8+'s modern router with "Remove IDs from URLs" writes SEF article links
without the id (`/index.php/<category>/<alias>.html`), a shape a subcategory's link also has:
such a link is an article when the layout says so (the title or read-more link of a blog item,
a blog's more-articles link, a list view's title link, an item of the category's feed), is
requested as one and keyed by its URL; a link found so is stored with its listing (a 304
replays it as an article again). A non-SEF link is requested as written (its
`Itemid` picks the menu item, and so the template, the page renders with). An article page
that fails transiently (5xx after retries, timeout, cut connection) is fetched once more as
Joomla's print view (`?tmpl=component&print=1&layout=default`: the same article in the
component-only template) and stored with `via: "print"`.
An article split by Joomla's pagebreak plugin shows page 1 of N at its URL ("Page 1 of 2" in
div.pagenavcounter); its other pages are other URLs (`?limitstart=1`) no listing links to. Such
a page is not stored: its all-pages view (`?showall=1`, the plugin's "All Pages" link) is
fetched and stored under the article's URL with `via: "all_pages"`. A site whose plugin has
that view off serves page 1 again: stored with `via: "first_page"`, which the crawl report
names as a warning (the later pages are missing), never as a complete article.
"""
from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from parsel import Selector
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from core.records import (
    KIND_ARTICLE,
    KIND_LISTING,
    VIA_ALL_PAGES,
    VIA_DIRECT,
    VIA_FIRST_PAGE,
    VIA_PRINT,
    FetchFailure,
    RawPage,
)
from core.wording import counted
from crawlers.spiders.base import (
    CHROME_ANCESTOR_XPATH,
    META_ARTICLE_URL,
    META_FIRST_ERROR,
    META_KIND,
    META_ROOT,
    META_VIA,
    STAT_ITEMS_WITHOUT_LINK,
    WARNING_DRIFT,
    SourceSpider,
    listing_day,
)
from transforms.urls import normalize_url

# Category page items, preferred selectors: the blog layout (core/protostar and Beez3:
# items-leading, items-row; featured), the blog's "more articles" links (blog_links.php)
# and the list/table view (default_articles.php). When none matches, article-shaped links
# in the main content are taken (SourceSpider.links_by_shape) and the crawl report says so.
# Templates' own blog overrides keep the blog container (div.blog) but not the item classes: Joomla 4's core
# layout (Cassiopeia) puts the intro items in div.blog-items > div.blog-item (no items-row: its leading item was read,
# the other four silently not), Helix Ultimate in div.article-list > div.article; every one of them (core 3.4+ and 4,
# Beez3 aside, Helix Ultimate, Astroid) marks an item itemprop="blogPost" (schema.org BlogPosting), the container-
# independent selector. A blog page's other article links, in the blog container outside the items taken, are read
# by URL shape too and the page named as read so (BLOG_CONTAINER_CSS, JoomlaSpider._blog_links_by_shape).
BLOG_ITEMS_CSS = (  # div.blog (core, protostar), section.blog (beez3), div.blog-featured
    ".blog .items-leading > *, .blog .items-row .item, "
    ".blog-featured .items-leading > *, .blog-featured .items-row .item, "
    ".blog .blog-items > .blog-item, .blog-featured .blog-items > .blog-item, "
    ".blog [itemprop=blogPost], .blog-featured [itemprop=blogPost]"
)
BLOG_CONTAINER_CSS = ".blog, .blog-featured"
BLOG_TEXT_CSS = ".category-desc"  # the category's description: its links are the editor's, not items
# (an item's read-more link: core writes p.readmore, Helix Ultimate and Astroid div.readmore)
ITEM_TITLE_LINK_CSS = "h2 a"
ITEM_READMORE_LINK_CSS = ".readmore a"
MORE_LINKS_CSS = "div.items-more li a"
LIST_VIEW_ROWS_CSS = "table.category tbody tr"
LIST_VIEW_TITLE_CSS = "td.list-title a"
ITEM_DATE_CSS = "dd.published time::attr(datetime), time::attr(datetime), td.list-date::text, dd.published::text"
NEXT_PAGE_CSS = (  # Joomla's pagination list (div.pagination, or a template's own wrapper)
    'li.pagination-next a::attr(href), a.pagenav[title="Next"]::attr(href), '
    'div.pagination a[title="Next"]::attr(href), a[rel="next"]::attr(href), link[rel="next"]::attr(href), '
    # Joomla 4's layouts/joomla/pagination/link.php (an icon, no title: the en-GB aria-label), Helix Ultimate's
    # pagination.php (a.page-link.next, its title "»")
    'ul.pagination a[aria-label="Go to next page"]::attr(href), ul.pagination a.next::attr(href)'
)
PAGE_COUNTER_CSS = (  # core's div.pagination p.counter; Astroid's div.pagination-wrapper p.counter, Joomla 4's
    # p.com-content-category-blog__counter, Helix Ultimate's div.pagination-counter
    "div.pagination p.counter::text, .pagination-wrapper p.counter::text, .com-content-category-blog__counter::text, "
    ".pagination-counter::text"
)
PAGE_COUNTER_RE = re.compile(r"Page\s+(\d+)\s+of\s+(\d+)", re.I)
# Article page marker: a response that is a blog page is never emitted as an article.
# (core: div.item-page, div.blog; Beez3's HTML5 overrides: article.item-page, section.blog)
ARTICLE_PAGE_CSS = "div.item-page, article.item-page, section.item-page"
BLOG_PAGE_CSS = "div.blog, section.blog"
# SEF article paths: `/index.php` unless the site rewrites URLs, one or more category segments, then
# `<id>-<alias>` with the `.html` suffix, or without it where the site adds none (group 1: the id). An
# alias is URL-safe (letters, digits, dashes): a last segment with another extension is a file, not an article.
ARTICLE_PATH_RE = re.compile(r"^(?:/index\.php)?/(?:[\w.-]+/)+(\d+)-(?:[^/]+\.html|[^/.]+)$")
# A home page's category blog (the home menu item a category blog, or the featured view) links its own category's
# articles at the site's root: `/<id>-<alias>[.html]` with URL rewriting on (`/index.php/<id>-<alias>` without it,
# which ARTICLE_PATH_RE takes, `index.php` read as a segment). A subcategory's link has the same shape, so such a
# root link is an article only when a listing's layout marks it (mark_layout_articles); it is keyed by its id.
ROOT_ARTICLE_SEGMENT_RE = re.compile(r"^(\d+)-[^/.]+(?:\.html)?$")
# Non-SEF article URLs: this path and option=com_content, view=article, id=<id>[:<alias>].
NON_SEF_PATHS = frozenset({"/index.php"})
NON_SEF_ID_RE = re.compile(r"^(\d+)(?::.*)?$", re.DOTALL)
HTML_AMP = "&amp;"
# The parameters that route a non-SEF URL to its article (Itemid and the view switches are
# dropped by normalize_url already); any other parameter is part of an article's key.
ROUTE_PARAMS = frozenset({"option", "view", "id", "catid"})
# Safety cap on ?start= pages per category.
MAX_LISTING_PAGES = 2000
# Joomla's print view of an article (the print icon's link).
PRINT_VIEW_QUERY = "tmpl=component&print=1&layout=default"
META_LISTING_PAGE = "listing_page"
# The pagebreak plugin's page counter of a multipage article (plugins/content/pagebreak), and
# the query of its all-pages view.
ARTICLE_PAGE_COUNTER_CSS = "div.pagenavcounter::text"
ALL_PAGES_QUERY = "showall=1"
META_POSITION = "listing_position"  # an article's place on its held blog page (backfill over an undated layout)
# An article link without an id (modern routing, "Remove IDs from URLs") the layout marks as an article.
META_BY_LAYOUT = "listing_by_layout"
# Another component's SEF path (`/component/<name>/...`): tags, contacts, users, search are never articles.
OTHER_COMPONENT_RE = re.compile(r"^(?:/index\.php)?/component/(?!content/)")


@dataclass
class _HeldPage:
    """A backfill's next blog page, held until the articles of the page before are fetched."""

    pending: int
    next_request: Request
    days: dict[int, date] = field(default_factory=dict)  # position on the page -> the article's own date


def _item_date(item: Selector | Response) -> str | None:
    """The date an item of a category page shows, as given (None when the layout shows none)."""
    for value in item.css(ITEM_DATE_CSS).getall():
        if value.strip():
            return " ".join(value.split())
    return None


def _query_params(query: str) -> dict[str, str]:
    """A query's parameters (first value of each), names lowercased; `&amp;` read as `&`."""
    params: dict[str, str] = {}
    for name, value in parse_qsl(query.replace(HTML_AMP, "&"), keep_blank_values=True):
        params.setdefault(name.lower(), value)
    return params


def article_id(url: str) -> str | None:
    """The Joomla article id of a com_content article URL (SEF or non-SEF), else None."""
    parts = urlsplit(url)
    match = ARTICLE_PATH_RE.match(parts.path)
    if match:
        return match.group(1)
    if parts.path not in NON_SEF_PATHS or not parts.query:
        return None
    params = _query_params(parts.query)
    if params.get("option") != "com_content" or params.get("view") != "article":
        return None
    found = NON_SEF_ID_RE.match(params.get("id", ""))
    return str(int(found.group(1))) if found else None


def _sef_segments(path: str) -> list[str]:
    """A SEF path's segments after `/index.php` (none with URL rewriting), empty ones left out."""
    return [s for s in path.removeprefix("/index.php").split("/") if s]


def _layout_article_path(url: str, listing_path: str) -> bool:
    """True when `url` could be a SEF article link without an article's shape: an id-less one, a path of at least
    a category and an alias after `/index.php` (none with URL rewriting), `.html` or no extension; or a home
    page blog's root link `/<id>-<alias>` (ROOT_ARTICLE_SEGMENT_RE). No query; another component's path and the
    listing's own path excluded."""
    parts = urlsplit(url)
    path = parts.path
    if parts.query or path == listing_path or OTHER_COMPONENT_RE.match(path):
        return False
    segments = _sef_segments(path)
    if not segments or path.endswith("/"):
        return False
    if len(segments) == 1:
        return ROOT_ARTICLE_SEGMENT_RE.match(segments[0]) is not None
    last = segments[-1].removesuffix(".html")
    return bool(last) and "." not in last


def _root_article_id(url: str) -> str | None:
    """The id of a root link `/<id>-<alias>[.html]` (ROOT_ARTICLE_SEGMENT_RE, no query), else None."""
    parts = urlsplit(url)
    segments = _sef_segments(parts.path)
    if parts.query or len(segments) != 1 or parts.path.endswith("/"):
        return None
    found = ROOT_ARTICLE_SEGMENT_RE.match(segments[0])
    return found.group(1) if found else None


def is_non_sef(url: str) -> bool:
    """True for a non-SEF article URL (`index.php?option=com_content&view=article&id=...`)."""
    return urlsplit(url).path in NON_SEF_PATHS and article_id(url) is not None


class JoomlaSpider(SourceSpider):
    """Crawl ningbolife.com category blogs and feeds (sources.yml) and their articles."""

    name = "joomla"  # found by SpiderLoader from a source's `spider`/`template`
    ARTICLE_PATH_RE = ARTICLE_PATH_RE

    def article_key(self, url: str) -> str:
        """`article:<id>` for an article URL: one article under several URLs is one article. A
        parameter that names another document stays in the key (`start=`/`limitstart=`: a
        further page of an article split by page breaks); view and tracking ones never do."""
        # (a home page blog's root link by its id too, marked or not: the key of a stored one, read before any
        # listing marked it, is the same)
        found = article_id(url) or _root_article_id(url)
        if found is None:
            return super().article_key(url)
        query = urlsplit(normalize_url(url.replace(HTML_AMP, "&"))).query
        routing = ROUTE_PARAMS if is_non_sef(url) else frozenset()
        rest = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() not in routing]
        return f"article:{found}" + (f"?{urlencode(rest)}" if rest else "")

    def request_url(self, url: str) -> str:
        """A non-SEF link as written (`&amp;` read as `&`, no fragment): sorting its parameters and
        dropping `Itemid` would ask for the article under another menu item (another template);
        a SEF link normalized."""
        if not is_non_sef(url):
            return super().request_url(url)
        scheme, netloc, path, _, _ = urlsplit(normalize_url(url))
        return urlunsplit((scheme, netloc, path, urlsplit(url).query.replace(HTML_AMP, "&"), ""))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._by_layout: set[str] = set()  # seen keys of the article links without a shape a listing's layout marked
        self._held: dict[str, _HeldPage] = {}  # listing page URL -> its held next page

    def is_article_url(self, url: str) -> bool:
        """True for a com_content article URL (SEF of any category depth, or non-SEF), or an id-less link a
        listing's layout marked as an article this crawl."""
        return article_id(url) is not None or (bool(self._by_layout) and self.seen_key(url) in self._by_layout)

    def mark_layout_articles(self, links: list[tuple[str, dict[str, Any]]], listing_url: str) -> None:
        """Links the layout marks as articles (blog items, feed items) that have no article shape: those with
        a SEF path of a category and an alias (`/<category>/<alias>[.html]`, no query, no file extension, not
        another component's, not the listing itself) or a home page blog's root path (`/<id>-<alias>[.html]`)
        become articles of this crawl, their meta saying so."""
        here = urlsplit(listing_url).path
        for url, meta in links:
            if article_id(url) is None and _layout_article_path(url, here):
                self._by_layout.add(self.seen_key(url))
                meta[META_BY_LAYOUT] = True

    def article_request(self, url: str, **meta: Any) -> Request | None:
        """A request for an article link (base); an id-less link marked by a listing's layout in an earlier
        crawl (replayed after a 304) is an article again."""
        if meta.get(META_BY_LAYOUT) and _layout_article_path(url, ""):
            self._by_layout.add(self.seen_key(url))
        return super().article_request(url, **meta)

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls_for(self.source.listings):
            yield self.root_request(url, self.parse_blog, **{META_LISTING_PAGE: 1})
        for url in self.start_urls_for(self.source.feeds):
            yield self.root_request(url, self.parse_feed)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        return self.parse_blog(response)

    def parse_blog(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """Category blog page: one request per item's article, then the next page."""
        head, go_on = self.open_listing(response)
        yield from head
        if not go_on:
            return
        # (anchor, the item's date where the layout shows one: protostar's dd.published <time>,
        # the list view's td.list-date)
        anchors: list[tuple[Selector, str | None]] = []
        unlinked: list[str] = []  # titles of items that show no link to their article
        items = response.css(BLOG_ITEMS_CSS)
        for item in items:
            day = _item_date(item)
            found = item.css(f"{ITEM_TITLE_LINK_CSS}, {ITEM_READMORE_LINK_CSS}")
            anchors += [(a, day) for a in found]
            self.mark_layout_articles([(response.urljoin((a.attrib.get("href") or "").strip()), {}) for a in found],
                                      response.url)
            if any(self.is_article_url(response.urljoin((a.attrib.get("href") or "").strip())) for a in found):
                continue
            # "Link Titles" off and no "Read more" (an article without more text): no title or readmore link.
            # Its article is still reached through the item's other links to it (intro image, print or
            # email icon: the article's own path, its view parameters dropped); else it is named.
            other = self._item_article_link(item, response)
            if other is not None:
                anchors.append((other, day))
            else:
                unlinked.append(" ".join(" ".join(item.css("h2 ::text, h3 ::text").getall()).split())[:80]
                                or "(no title)")
        if unlinked:
            self._stats_inc(STAT_ITEMS_WITHOUT_LINK, len(unlinked))
            self.listing_warnings.append((response.url, (
                f"{WARNING_DRIFT}: listing {response.url}: {counted(len(unlinked), 'item')} "
                f"{'shows no link to its' if len(unlinked) == 1 else 'show no link to their'} article, not crawled "
                f"(first: {unlinked[0]!r})")))
        anchors += [(a, None) for a in response.css(MORE_LINKS_CSS)]
        anchors += [(a, _item_date(row)) for row in response.css(LIST_VIEW_ROWS_CSS)
                    for a in row.css(LIST_VIEW_TITLE_CSS)]
        links: list[tuple[str, dict[str, Any]]] = []
        for anchor, day in anchors:
            href = anchor.attrib.get("href")
            if href:
                title = " ".join((anchor.xpath("string()").get() or "").split())
                links.append((response.urljoin(href.strip()),
                              {"listing_title": title, "listing_url": response.url, "listing_date": day}))
        self.mark_layout_articles(links, response.url)
        if not any(self.is_article_url(url) for url, _ in links):
            links = self.links_by_shape(response)
        else:
            links += self._blog_links_by_shape(response, links, items)
        requests = list(self.article_requests(links, response))
        yield from requests
        if self.reached_since(links):
            return  # a backfill: the next pages are older than `since`

        counter = PAGE_COUNTER_RE.search(" ".join(response.css(PAGE_COUNTER_CSS).getall()))
        if counter and int(counter.group(1)) >= int(counter.group(2)):
            return
        next_href = response.css(NEXT_PAGE_CSS).get() or self.next_page_by_shape(response)
        page_no = response.meta.get(META_LISTING_PAGE, 1)
        if next_href and page_no < MAX_LISTING_PAGES:
            request = self.follow_listing(Request(
                response.urljoin(next_href.strip()), callback=self.parse_blog, errback=self.on_error,
                meta={META_KIND: KIND_LISTING, META_ROOT: response.meta.get(META_ROOT),
                      META_LISTING_PAGE: page_no + 1}))
            if request is None:
                return
            undated = not any(listing_day(meta.get("listing_date")) for _, meta in links)
            if self.since is not None and undated and requests:
                # a backfill over a layout without dates: the articles' own dates decide
                self._held[response.url] = _HeldPage(len(requests), request)
                for position, article in enumerate(requests):
                    article.meta[META_POSITION] = position  # (a listing_ key: kept by the print-view fallback)
                return
            yield request

    def _blog_links_by_shape(self, response: Response, links: list[tuple[str, dict[str, Any]]],
                             items: Iterable[Selector]) -> list[tuple[str, dict[str, Any]]]:
        """The article links of the blog container (BLOG_CONTAINER_CSS) that are none of `links`' articles: items the
        selectors did not know (a template's own item markup beside the known one), read by URL shape; the page is
        named as read so (by_shape, listings_by_url_shape in the crawl report). Left out: links inside the `items`
        found (an intro text's link to another article), the category description's (BLOG_TEXT_CSS) and chrome
        (modules, pagination), as links_by_shape does; none without a blog container."""
        containers = response.css(BLOG_CONTAINER_CSS)
        if not containers:
            return []
        taken = {self.seen_key(url) for url, _ in links if self.is_article_url(url)}
        known = {item.root for item in items} | {text.root for text in containers[:1].css(BLOG_TEXT_CSS)}
        found: list[tuple[str, dict[str, Any]]] = []
        for anchor in containers[:1].xpath(".//a[@href]"):
            url = response.urljoin(anchor.attrib["href"].strip())
            if not self.is_article_url(url) or anchor.xpath(CHROME_ANCESTOR_XPATH) \
                    or any(parent in known for parent in anchor.root.iterancestors()):
                continue
            key = self.seen_key(url)
            if key in taken:
                continue
            taken.add(key)
            title = " ".join((anchor.xpath("string()").get() or "").split())
            found.append((url, {"listing_title": title, "listing_url": response.url, "listing_date": None}))
        if found:
            self.record_by_shape(response.url, f"{len(found)} article links in the blog outside the items its "
                                               "selectors found, read by URL shape")
        return found

    def _item_article_link(self, item: Selector, response: Response) -> Selector | None:
        """A blog item's other link to an article (intro image, print or email icon), as an anchor whose
        href is the article's SEF path without the view's parameters; None when it has none."""
        for anchor in item.css("a[href]"):
            url = urlsplit(response.urljoin(anchor.attrib["href"].strip()))
            plain = urlunsplit((url.scheme, url.netloc, url.path, "", ""))
            if ARTICLE_PATH_RE.match(url.path) and self.is_article_url(plain):
                title = " ".join(" ".join(item.css("h2 ::text, h3 ::text").getall()).split())
                return Selector(text=f'<a href="{html.escape(plain)}">{html.escape(title)}</a>').css("a")[0]
        return None

    def next_page_by_shape(self, response: Response) -> str | None:
        """The next blog page when the pagination markup is unknown (a changed template): the
        link to this same path with the smallest `start=` above this page's, and no other
        parameter (found by `newsetl faults`, site_listing_markup_changed: without it the
        pages after the first were never requested)."""
        here = urlsplit(response.url)
        rest, current = _paging_of(here.query)
        best: tuple[int, str] | None = None
        for href in response.css("a::attr(href)").getall():
            url = urlsplit(response.urljoin(href.strip()))
            other, start = _paging_of(url.query)
            if url.path == here.path and other == rest and start is not None and start > (current or 0) \
                    and (best is None or start < best[0]):
                best = (start, url.geturl())
        if best is not None:
            self.logger.warning("no pagination markup on %s: next page found by URL shape: %s",
                                response.url, best[1])
        return best[1] if best else None

    def parse_article(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """Article page -> RawPage(article); a blog page served at an article URL is a listing."""
        if (response.status < 300 and not response.css(ARTICLE_PAGE_CSS)
                and response.css(BLOG_PAGE_CSS)):
            yield self.raw_page(response, KIND_LISTING)
            return
        results = list(super().parse_article(response))
        pages = article_pages(response)
        if pages is not None and any(isinstance(r, RawPage) for r in results):
            if response.meta.get(META_VIA) == VIA_DIRECT and pages[0] == 1:
                yield self.all_pages_request(response, pages)  # stands for this page
                return
            if response.meta.get(META_VIA) == VIA_ALL_PAGES:  # the site ignored showall: page 1 alone
                results = [replace(r, via=VIA_FIRST_PAGE) if isinstance(r, RawPage) else r for r in results]
        yield from results
        if any(isinstance(r, Request) for r in results):
            return  # a truncated page's print view is on its way: that one is the article's outcome
        stored = any(isinstance(r, RawPage) for r in results)
        yield from self._article_done(response.meta, listing_day(_item_date(response)) if stored else None)

    def all_pages_request(self, response: Response, pages: tuple[int, int]) -> Request:
        """The all-pages view of the multipage article `response` shows page 1 of."""
        url = (response.meta.get("redirect_urls") or [response.url])[0]
        self.logger.info("multipage article (page %d of %d): fetching its all-pages view: %s", *pages, url)
        return self.view_request(response.url, ALL_PAGES_QUERY, response.meta, VIA_ALL_PAGES, url,
                                 f"multipage article (page {pages[0]} of {pages[1]})")

    def view_request(self, url: str, query: str, meta: Mapping[str, Any], via: str, article_url: str,
                     why: str) -> Request:
        """Another view of an article: `url` with `query` added, stored under `article_url` with `via`;
        `why` (the direct fetch's error, or why the view was asked for) leads the error of a failed view."""
        separator = "&" if urlsplit(url).query else "?"
        return Request(
            f"{url}{separator}{query}",
            callback=self.parse_article,
            errback=self.on_error,
            dont_filter=True,
            meta={**{k: v for k, v in meta.items() if k.startswith("listing_")},
                  META_KIND: KIND_ARTICLE, META_VIA: via, META_ARTICLE_URL: article_url, META_FIRST_ERROR: why},
        )

    def on_error(self, failure: Failure) -> Iterator[FetchFailure | Request]:
        """The base errback; an article that finally failed counts as done for a held page."""
        results = list(super().on_error(failure))
        yield from results
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get(META_KIND) == KIND_ARTICLE and \
                not any(isinstance(r, Request) for r in results):
            yield from self._article_done(request.meta, None)

    def _article_done(self, meta: Mapping[str, Any], day: date | None) -> Iterator[Request]:
        """One article of a held blog page is done: once all are, page on unless the page, newest
        first, ends before `since` (the next pages are older still). A page in another order (a
        category set to "Oldest first", by title or by hits) is paged on: it stopped the backfill at
        its first page, whose oldest articles hid the newer ones of the later pages."""
        held = self._held.get(meta.get("listing_url") or "")
        if held is None:
            return
        held.pending -= 1
        position = meta.get(META_POSITION)
        if day is not None and isinstance(position, int):
            held.days[position] = day
        if held.pending <= 0:
            del self._held[meta["listing_url"]]
            days = [held.days[p] for p in sorted(held.days)]
            newest_first = all(a >= b for a, b in zip(days, days[1:]))
            if self.since is not None and days and days[-1] < self.since and newest_first:
                self.logger.info("backfill: %s reaches back before %s; not paging further",
                                 meta["listing_url"], self.since)
            else:
                yield held.next_request

    def fallback_request(self, request: Request, error: str) -> Request | None:
        """The article's print view, for a page that failed transiently."""
        return self.view_request(request.url, PRINT_VIEW_QUERY, request.meta, VIA_PRINT, request.url, error)


def article_pages(response: Response) -> tuple[int, int] | None:
    """(page shown, pages) of an article split by page breaks ("Page 1 of 2"), else None."""
    counter = PAGE_COUNTER_RE.search(" ".join(response.css(ARTICLE_PAGE_COUNTER_CSS).getall()))
    if counter is None or int(counter.group(2)) < 2:
        return None
    return int(counter.group(1)), int(counter.group(2))


PAGING_PARAMS = ("start", "limitstart")  # Joomla's blog/list paging: SEF `?start=N`, non-SEF `&limitstart=N`


def _paging_of(query: str) -> tuple[frozenset[tuple[str, str]], int | None]:
    """(the query's other parameters, N of its one `start=N` or `limitstart=N`, else None). A non-SEF
    category page keeps option/view/id/Itemid on every page: its next page is the link with the same
    other parameters (before, only a query of exactly `start=N` counted, and such a blog whose
    pagination markup changed was read on its first page only)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    paging = [value for key, value in pairs if key in PAGING_PARAMS]
    rest = frozenset((key, value) for key, value in pairs if key not in PAGING_PARAMS)
    if len(paging) != 1 or not paging[0].isdigit():
        return rest, None
    return rest, int(paging[0])
