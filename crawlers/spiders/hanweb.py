"""Hanweb JCMS sites (english.ningbo.gov.cn): column pages, jpage dataproxy paging, articles.

A column page embeds its first group of records as text inside
`<script type="text/xml"><datastore>...`; later groups come from a POST to
`dataproxy.jsp?startrecord=..&endrecord=..&perpage=..` (the path the page names:
`/module/web/jpage/` or the older `/module/jpage/`). The group size is read from the
page's jpage JavaScript (perPage x groupSize), else the embedded record count.
A page can hold several jpage units (`<div id="UNIT"><script type="text/xml">` each, set up by its
own `$('#UNIT').jpage({...})` call and `var param_UNIT={...}`): each unit pages on its own.
A column page answered 304 (conditional GET) skips its dataproxy groups: their stored
links are replayed instead (crawlers.state).
"""
from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from parsel import Selector
from scrapy.http import FormRequest, Request, Response

from core.records import KIND_LISTING, FetchFailure, RawPage
from crawlers.spiders.base import META_KIND, META_ROOT, SourceSpider

# Column page: the embedded datastore is script text, not markup.
DATASTORE_XPATH = '//script[@type="text/xml"]/text()'
DATASTORE_SCRIPT_XPATH = '//script[@type="text/xml"]'
UNIT_ID_XPATH = "../@id"  # the jpage unit: the element holding the datastore script
JS_SCRIPT_XPATH = '//script[not(@type="text/xml")]/text()'
RECORD_RE = re.compile(r"<record>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</record>", re.S | re.I)
NEXTGROUP_RE = re.compile(r"<nextgroup>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</nextgroup>", re.S | re.I)
# The value runs to the quote that opened it: a nextgroup link can hold the other quote
# (`...&path='/'&webname='Site name'&...` inside href="...").
HREF_RE = re.compile(r"""href\s*=\s*(["'])(.*?)\1""", re.I | re.S)
QUOTED_VALUE_RE = re.compile(r"""^(["'])(.*)\1$""", re.S)
TOTALRECORD_XML_RE = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
# jpage JavaScript options, e.g. `perPage:5, groupSize:3, totalRecord:14,`.
JS_PER_PAGE_RE = re.compile(r"""\bperPage\s*[:=]\s*["']?(\d+)""", re.I)
JS_GROUP_SIZE_RE = re.compile(r"""\bgroupSize\s*[:=]\s*["']?(\d+)""", re.I)
JS_TOTAL_RECORD_RE = re.compile(r"""\btotalRecord\s*[:=]\s*["']?(\d+)""", re.I)
JS_PROXY_URL_RE = re.compile(r"""\bproxyUrl\s*[:=]\s*["']([^"']+)["']""", re.I)
# Form fields of the dataproxy POST, in the order the jpage script sends them.
FORM_FIELDS = ("col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid",
               "webname", "permissiontype")
FORM_DEFAULTS = {"col": "1", "appid": "1", "path": "/", "sourceContentType": "1",
                 "permissiontype": "0"}
# Sent only when the page's JavaScript names them (a morecolumndataproxy list's keyword length).
FORM_OPTIONAL_FIELDS = ("keyWordCount",)
# A quoted value is read to its closing quote (`columnid:'77276,77277'` of a morecolumndataproxy list).
JS_FORM_FIELD_RE = r"""\b{field}\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|([^"',;}}\s]+))"""
# One unit's own JavaScript: its jpage call and its parameter object.
JS_UNIT_CALL_RE = r"""\$\(\s*["']#{unit}["']\s*\)\s*\.jpage\(\s*\{{.*?\}}\s*\)"""
JS_UNIT_PARAM_RE = r"""\bparam_{unit}\s*=\s*\{{.*?\}}"""
# Query parameters of the nextgroup link that are not form fields.
NEXTGROUP_SKIP_PARAMS = frozenset({"page", "startrecord", "endrecord", "perpage"})
DEFAULT_PROXY_PATH = "/module/web/jpage/dataproxy.jsp"
COLUMN_ID_RE = re.compile(r"/col/col(\d+)/")
# Records: `<li><a href title>cut...</a><span>2019-08-18</span></li>` or table rows.
RECORD_LINK_XPATH = "//a[@href]"
RECORD_DATE_RE = re.compile(r"\[?(\d{4}-\d{1,2}-\d{1,2})\]?")
CUT_TITLE_SUFFIXES = ("...", "\u2026")
ARTICLE_PATH_RE = re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html?$")
# Safety cap: never page a column beyond this record number.
MAX_RECORD = 100_000


@dataclass(frozen=True)
class JpagePaging:
    """How one column pages through dataproxy.jsp."""

    column_url: str
    root: str  # the chain's entry point (the column page as requested)
    proxy_url: str
    form: tuple[tuple[str, str], ...]
    per_page: int
    group: int


def record_links(records: list[str], base_url: str, listing_url: str) -> list[tuple[str, dict[str, Any]]]:
    """(absolute url, meta) for each link in datastore records; meta has the full title and date."""
    links: list[tuple[str, dict[str, Any]]] = []
    for record in records:
        fragment = html.unescape(record) if "&lt;" in record and "<" not in record else record
        sel = Selector(text=fragment)
        date_match = RECORD_DATE_RE.search(sel.xpath("string()").get() or "")
        for anchor in sel.xpath(RECORD_LINK_XPATH):
            shown = " ".join((anchor.xpath("string()").get() or "").split())
            full = " ".join((anchor.attrib.get("title") or "").split())
            # Shown text is often cut ("..."): prefer the title attribute (the full title).
            title = full or shown.rstrip("".join(CUT_TITLE_SUFFIXES)).rstrip()
            links.append((
                urljoin(base_url, anchor.attrib["href"].strip()),
                {"listing_title": title, "listing_date": date_match.group(1) if date_match else None,
                 "listing_url": listing_url},
            ))
    return links


def jpage_options(scripts: str) -> tuple[int | None, int | None, int | None]:
    """(perPage, groupSize, totalRecord) from the column page's jpage JavaScript."""
    def _int(regex: re.Pattern[str]) -> int | None:
        match = regex.search(scripts)
        return int(match.group(1)) if match else None
    return _int(JS_PER_PAGE_RE), _int(JS_GROUP_SIZE_RE), _int(JS_TOTAL_RECORD_RE)


def unit_scripts(scripts: str, unit_id: str) -> str:
    """The JavaScript that sets up jpage unit `unit_id` (its jpage call and `param_UNIT` object), '' if none."""
    unit = re.escape(unit_id)
    return "\n".join(m.group(0) for expr in (JS_UNIT_CALL_RE, JS_UNIT_PARAM_RE)
                     for m in re.finditer(expr.format(unit=unit), scripts, re.S))


def dataproxy_form(nextgroup_href: str | None, scripts: str, column_id: str | None) -> dict[str, str]:
    """The dataproxy POST form: nextgroup link query, else page JS, else defaults."""
    found: dict[str, str] = {}
    if nextgroup_href:
        for key, value in parse_qsl(urlsplit(nextgroup_href).query, keep_blank_values=True):
            if key.lower() not in NEXTGROUP_SKIP_PARAMS:
                quoted = QUOTED_VALUE_RE.match(value)  # path='/' as some templates write it
                found[key] = quoted.group(2) if quoted else value
    for name in FORM_FIELDS + FORM_OPTIONAL_FIELDS:
        if name not in found:
            match = re.search(JS_FORM_FIELD_RE.format(field=name), scripts)
            if match:
                found[name] = next(g for g in match.groups() if g is not None)
    if "columnid" not in found and column_id:
        found["columnid"] = column_id
    form = {name: found.get(name, FORM_DEFAULTS.get(name, "")) for name in FORM_FIELDS}
    form.update({k: v for k, v in found.items() if k not in form})
    return form


class HanwebSpider(SourceSpider):
    """Crawl english.ningbo.gov.cn columns (sources.yml `listings`) and their articles."""

    name = "hanweb"  # found by SpiderLoader from a source's `spider`/`template`
    ARTICLE_PATH_RE = ARTICLE_PATH_RE

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls_for(self.source.listings):
            yield self.root_request(url, self.parse_column)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        return self.parse_column(response)

    def parse_column(self, response: Response) -> Iterator[RawPage | FetchFailure | Request]:
        """Column page: embedded records -> article requests; first dataproxy group request."""
        head, go_on = self.open_listing(response)
        yield from head
        if not go_on:
            return
        units = [(script.xpath("text()").get() or "", script.xpath(UNIT_ID_XPATH).get())
                 for script in response.xpath(DATASTORE_SCRIPT_XPATH)]
        unit_records = [RECORD_RE.findall(text) for text, _ in units]
        records = [r for found in unit_records for r in found]
        links = record_links(records, response.url, response.url)
        if not any(self.is_article_url(url) for url, _ in links):
            links = self.links_by_shape(response)  # a static column list (no datastore)
        yield from self.article_requests(links, response)
        if self.reached_since(links):
            return  # a backfill: the rest of the column is older than `since`

        scripts = "\n".join(response.xpath(JS_SCRIPT_XPATH).getall())
        for (text, unit_id), found in zip(units, unit_records):
            # one unit: the page's scripts set it up; several: each by its own call (else it pages by
            # its nextgroup link only, never by another unit's options)
            scope = scripts if len(units) == 1 else (unit_scripts(scripts, unit_id) if unit_id else "")
            request = self.first_group_request(response, text, len(found), scope)
            if request is not None:
                yield request

    def first_group_request(self, response: Response, datastore: str, embedded: int,
                            scripts: str) -> FormRequest | None:
        """The dataproxy request for the group after a unit's embedded records (None: no further group).
        datastore: the unit's script text; embedded: its record count; scripts: the JavaScript that
        sets the unit up."""
        per_page, group_size, total = jpage_options(scripts)
        nextgroup = next(iter(NEXTGROUP_RE.findall(datastore)), "")
        href_match = HREF_RE.search(nextgroup)
        nextgroup_href = html.unescape(href_match.group(2)) if href_match else None
        group = per_page * group_size if per_page and group_size else embedded
        if group <= 0:
            return None
        if total is not None and group >= total:
            return None
        if total is None and nextgroup_href is None:
            return None
        proxy_match = JS_PROXY_URL_RE.search(scripts)
        proxy_path = urlsplit(nextgroup_href).path if nextgroup_href else ""
        if not proxy_path:
            proxy_path = proxy_match.group(1) if proxy_match else DEFAULT_PROXY_PATH
        column_id = COLUMN_ID_RE.search(urlsplit(response.url).path)
        paging = JpagePaging(
            column_url=response.url,
            root=response.meta.get(META_ROOT) or response.url,
            proxy_url=urljoin(response.url, proxy_path),
            form=tuple(dataproxy_form(nextgroup_href, scripts,
                                      column_id.group(1) if column_id else None).items()),
            per_page=per_page or group,
            group=group,
        )
        return self.dataproxy_request(paging, group + 1)

    def dataproxy_request(self, paging: JpagePaging, start: int) -> FormRequest | None:
        """POST for records start..start+group-1, Referer = the column page (None if already made)."""
        end = start + paging.group - 1
        query = urlencode({"startrecord": start, "endrecord": end, "perpage": paging.per_page})
        return self.follow_listing(FormRequest(
            f"{paging.proxy_url}?{query}",
            formdata=dict(paging.form),
            headers={"Referer": paging.column_url},
            callback=self.parse_dataproxy,
            errback=self.on_error,
            cb_kwargs={"paging": paging, "start": start},
            meta={META_KIND: KIND_LISTING, META_ROOT: paging.root},
        ))

    def parse_dataproxy(
        self, response: Response, paging: JpagePaging, start: int
    ) -> Iterator[RawPage | FetchFailure | Request]:
        """One dataproxy group: article requests, then the next group until totalrecord."""
        page = self.listing_page(response)
        yield page
        if isinstance(page, FetchFailure):
            return
        text = response.text
        records = RECORD_RE.findall(text)
        links = record_links(records, response.url, paging.column_url)
        yield from self.article_requests(links, response)
        if self.reached_since(links):
            return
        total_match = TOTALRECORD_XML_RE.search(text)
        next_start = start + paging.group
        if not records or next_start > MAX_RECORD:
            return
        if total_match is not None:
            if next_start > int(total_match.group(1)):
                return
        elif len(records) < paging.group:
            return
        request = self.dataproxy_request(paging, next_start)
        if request is not None:
            yield request
