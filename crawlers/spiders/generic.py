"""Sources of no known CMS (sources.yml `template: generic`): feeds, sitemaps and listing pages.

The source says where its article links are (`feeds`: RSS/Atom; `sitemaps`: sitemap.xml or a
sitemap index; `listings`: pages whose main content links to articles) and what an article
URL looks like (`article_pattern`, a regex on the path). Pages are parsed later by the
generic extractor. Adding such a source is a YAML entry: no code.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy.http import Request, Response

from core.records import FetchFailure, RawPage
from crawlers.spiders.base import SourceSpider


class GenericSpider(SourceSpider):
    """Crawl a generic source's feeds, sitemaps and listing pages and the articles they link."""

    name = "generic"  # found by SpiderLoader from a source's `spider`/`template`

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ARTICLE_PATH_RE = re.compile(self.source.article_pattern)

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls_for(self.source.feeds):
            yield self.root_request(url, self.parse_feed)
        for url in self.start_urls_for(self.source.sitemaps):
            yield self.root_request(url, self.parse_sitemap)
        for url in self.start_urls_for(self.source.listings):
            yield self.root_request(url, self.parse_listing)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        return self.parse_listing(response)

    def parse_listing(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """A listing page: the article-shaped links of its main content."""
        head, go_on = self.open_listing(response)
        yield from head
        if go_on:
            yield from self.article_requests(self.links_by_shape(response, fallback=False), response)
