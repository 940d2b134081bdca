"""Link discovery survives markup variation: every documented category layout reaches all its items.

Fixtures in tests/fixtures/html/layouts/ follow the CMSs' own templates (each file's header
names the Joomla 3.10 layout files it follows; the Hanweb variants and the flat-list
override are marked there as built by hand). `expected.json` lists each page's items in page
order, its next page, and article-shaped links of the page chrome that are not items.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from scrapy.http import FormRequest, HtmlResponse, Request

from crawlers.spiders.base import META_IS_ROOT, META_KIND, META_ROOT
from crawlers.spiders.hanweb import HanwebSpider
from crawlers.spiders.joomla import JoomlaSpider

LAYOUTS = Path(__file__).parent / "fixtures" / "html" / "layouts"
EXPECTED = {name: spec for name, spec in json.loads((LAYOUTS / "expected.json").read_text()).items()
            if not name.startswith("_")}


def crawl_listing(name: str) -> tuple[list[str], list[str], list[str]]:
    """(article paths requested, further listing paths requested, listing warnings) for one fixture page."""
    articles, listings, by_shape, _ = crawl_listing_full(name)
    return articles, listings, by_shape


def crawl_listing_full(name: str) -> tuple[list[str], list[str], list[str], tuple[list[Request], list[dict[str, str]]]]:
    """crawl_listing's answer and (the requests made, the off-site links dropped)."""
    spec = EXPECTED[name]
    spider = HanwebSpider() if name.startswith("hanweb") else JoomlaSpider()
    url = spec["page_url"]
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    spider.root_request(url, spider.parse)  # registers the listing chain, as start() does
    response = HtmlResponse(url=url, body=(LAYOUTS / name).read_bytes(), encoding="utf-8", request=request)
    callback = spider.parse_column if name.startswith("hanweb") else spider.parse_blog
    requests = [r for r in callback(response) if isinstance(r, Request)]
    articles = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"]
    listings = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"]
    return articles, listings, spider.by_shape, (requests, spider.offsite)


def _path_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_layout_reaches_all_its_items_and_no_chrome_link(name: str) -> None:
    spec = EXPECTED[name]
    articles, listings, _ = crawl_listing(name)
    assert articles == spec["items"]
    assert not set(articles) & set(spec.get("not_items") or [])
    if name.startswith("joomla"):  # the next blog page; Hanweb paging goes through dataproxy POSTs
        assert listings == ([spec["next_page"]] if spec.get("next_page") else [])


def test_layouts_the_selectors_do_not_know_are_found_by_url_shape_and_reported() -> None:
    """The template's selectors are a preference: a page they do not match is read by URL
    shape inside the main content, and the crawl report says so (listings_by_url_shape)."""
    for name in ("joomla3_override_flat_list.html", "hanweb_static_list.html"):
        _, _, by_shape = crawl_listing(name)
        assert by_shape == [EXPECTED[name]["page_url"]], name
    for name in ("joomla3_protostar_blog.html", "joomla3_beez3_blog.html", "joomla3_category_list.html",
                 "joomla3_category_list_nonsef.html", "joomla3_blog_subcategories.html",
                 "hanweb_column_cdata_table.html"):
        assert crawl_listing(name)[2] == [], name


def _seo(text: str, rewrite: bool, suffix: bool, ids: bool = True) -> str:
    """A Joomla page, link or path as the site writes it under other SEO settings (Global Configuration):
    "Use URL Rewriting" on drops `/index.php` from SEF paths (non-SEF `/index.php?...` links stay),
    "Adds Suffix to URL" off drops their `.html`; the modern router's "Remove IDs from URLs" drops an
    article's `<id>-`."""
    if not ids:
        text = re.sub(r'((?:href="|^)/index\.php/[^"?#]*?/)\d+-', r"\1", text)
    if rewrite:
        text = re.sub(r'(href="|^|ningbolife\.com)/index\.php/', r"\1/", text)
    if not suffix:
        text = re.sub(r'((?:href="|^)[^"?#]*?)\.html', r"\1", text)
    return text


JOOMLA_SEF = sorted(name for name in EXPECTED if name.startswith("joomla") and "nonsef" not in name)
SEO_SETTINGS = [(True, True, True), (False, False, True), (True, False, True), (False, True, False),
                (True, False, False)]


@pytest.mark.parametrize(("rewrite", "suffix", "ids"), SEO_SETTINGS)
@pytest.mark.parametrize("name", JOOMLA_SEF)
def test_a_joomla_site_with_other_seo_settings_reaches_the_same_items(name: str, rewrite: bool, suffix: bool,
                                                                      ids: bool) -> None:
    """Joomla's SEO switches (URL rewriting, the .html suffix, the modern router's ids) change every SEF link
    of a site. With rewriting on, the blog linked `/ningbo-news/<id>-<alias>.html`: no item matched the
    spider's article shape and the URL-shape fallback found nothing either, so the site's articles were never
    requested (a drift warning only); without ids no link has an article's shape at all. Every layout reaches
    the same items and next page by its selectors, and no chrome link. The one layout the selectors do not
    know (a flat list, read by URL shape) cannot be read by shape without ids: named as drift."""
    spec = EXPECTED[name]
    spider = JoomlaSpider()
    url = _seo(spec["page_url"], rewrite, suffix, ids)
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    body = _seo((LAYOUTS / name).read_text(encoding="utf-8"), rewrite, suffix, ids)
    assert body != (LAYOUTS / name).read_text(encoding="utf-8")
    response = HtmlResponse(url=url, body=body, encoding="utf-8", request=request)
    requests = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    articles = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"]
    listings = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"]
    if name == "joomla3_override_flat_list.html" and not ids:
        assert articles == [] and spider.by_shape == []  # -> listings_without_links, a drift warning
        return
    assert articles == [_seo(item, rewrite, suffix, ids) for item in spec["items"]]
    assert not set(articles) & {_seo(item, rewrite, suffix, ids) for item in spec.get("not_items") or []}
    assert listings == ([_seo(spec["next_page"], rewrite, suffix, ids)] if spec.get("next_page") else [])
    assert spider.by_shape == [] or name == "joomla3_override_flat_list.html"
    marked = [r.meta.get("listing_by_layout", False) for r in requests if r.meta.get(META_KIND) == "article"]
    assert marked == [not ids] * len(articles)  # only links without an article's shape are taken on the layout's word


def _home(text: str, rewrite: bool) -> str:
    """A Joomla blog page, link or path as the site writes it when the blog is its home page (the home menu item):
    the menu item's alias leaves every link of it, so the category's own articles are linked at the root
    (`/index.php/<id>-<alias>.html`, `/<id>-<alias>.html` with URL rewriting) and its pages are `/index.php?start=N`
    (`/?start=N`)."""
    text = text.replace("/index.php/ningbo-news/", "/index.php/").replace("/index.php/ningbo-news.html", "/index.php")
    if rewrite:
        text = re.sub(r'(href="|^|ningbolife\.com)/index\.php/', r"\1/", text)
        text = re.sub(r'(href="|^|ningbolife\.com)/index\.php(?=[?"]|$)(?!\?option=)', r"\1/", text)
    return text


@pytest.mark.parametrize("rewrite", [False, True])
@pytest.mark.parametrize("name", JOOMLA_SEF)
def test_a_joomla_blog_on_the_home_page_reaches_the_same_items(name: str, rewrite: bool) -> None:
    """A blog that is the site's home page links its category's articles at the root. With URL rewriting on,
    `/<id>-<alias>.html` had no article's shape (a subcategory's root link looks the same), so every item of
    the home page was lost, by three of the layouts (the list view, the links-only blog, the flat list) with no
    warning at all. The layouts' items are articles again; the flat list (read by URL shape) cannot tell them
    from subcategories and is named as drift (listings_without_links), as without ids."""
    spec = EXPECTED[name]
    spider = JoomlaSpider()
    url = _home(spec["page_url"], rewrite)
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    body = _home((LAYOUTS / name).read_text(encoding="utf-8"), rewrite)
    response = HtmlResponse(url=url, body=body, encoding="utf-8", request=request)
    requests = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    articles = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"]
    listings = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"]
    assert listings == ([_home(spec["next_page"], rewrite)] if spec.get("next_page") else [])
    if name == "joomla3_override_flat_list.html" and rewrite:
        assert articles == [] and spider.by_shape == []
        return
    assert articles == [_home(item, rewrite) for item in spec["items"]]
    assert any(re.fullmatch(r"/(index\.php/)?\d+-[^/]+", path) for path in articles)  # (root links there are)
    assert spider.listing_warnings == []


JOOMLA_PAGED = sorted(name for name, spec in EXPECTED.items() if name.startswith("joomla") and spec.get("next_page"))


@pytest.mark.parametrize("name", JOOMLA_PAGED)
def test_a_joomla_layout_whose_markup_changed_is_read_by_url_shape_to_its_next_page(name: str) -> None:
    """Every class and id renamed (devtools.mirror's listing_markup fault): the selectors find nothing, the
    URL-shape fallback reads the items and the next page. A non-SEF page (`&limitstart=N` beside its
    option/view/id/Itemid) was read on its first page only: the fallback knew only a query of exactly
    `start=N`, so the category's later pages were lost with a warning."""
    from devtools.mirror import mutate

    spec = EXPECTED[name]
    spider = JoomlaSpider()
    url = spec["page_url"]
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    body = mutate((LAYOUTS / name).read_bytes(), ("listing_markup",))
    response = HtmlResponse(url=url, body=body, encoding="utf-8", request=request)
    requests = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"] == spec["items"]
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"] == [spec["next_page"]]
    assert spider.by_shape == [url]


@pytest.mark.parametrize(("name", "since", "kept", "next_followed"), [
    ("joomla3_protostar_blog.html", "2020-05-25", 3, False),  # items dated 29, 27, 25 May kept; 21, 19 May older
    ("joomla3_protostar_blog.html", "2020-05-01", 5, True),   # the whole page is newer: page on
    ("joomla3_category_list.html", "2020-05-05", None, False),  # the list view's td.list-date dates its rows
])
def test_a_backfill_reads_the_dates_a_joomla_layout_shows(name: str, since: str, kept: int | None,
                                                           next_followed: bool) -> None:
    spec = EXPECTED[name]
    spider = JoomlaSpider(since=since)
    url = spec["page_url"]
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    response = HtmlResponse(url=url, body=(LAYOUTS / name).read_bytes(), encoding="utf-8", request=request)
    requests = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    articles = [urlsplit(r.url).path for r in requests if r.meta.get(META_KIND) == "article"]
    assert articles == spec["items"][:len(articles)] and 0 < len(articles) < 5 if kept is None else \
        articles == spec["items"][:kept]
    assert any(r.meta.get(META_KIND) == "listing" for r in requests) is next_followed


def test_a_backfill_pages_on_through_a_category_listed_oldest_first() -> None:
    """A Joomla category set to "Article Order: Oldest first": page 1 holds the oldest items, all before
    `since`. The backfill stopped paging there (its last link was dated before the day), so the newer
    articles on the later pages were never requested and never counted. Paging stops only on a page
    whose dates run newest first."""
    name = "joomla3_protostar_blog.html"
    spec = EXPECTED[name]
    body = (LAYOUTS / name).read_bytes()
    for old, new in (("29", "01"), ("27", "03"), ("25", "05"), ("21", "07"), ("19", "09")):  # oldest first
        body = body.replace(f'datetime="2020-05-{old}T'.encode(), f'datetime="2020-05-{new}T'.encode())
    spider = JoomlaSpider(since="2020-05-20")
    url = spec["page_url"]
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    response = HtmlResponse(url=url, body=body, encoding="utf-8", request=request)
    requests = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    assert [r for r in requests if r.meta.get(META_KIND) == "article"] == []  # all five before the day
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"] == [spec["next_page"]]


def _unlinked_item(body: str, article: str, print_icon: bool) -> str:
    """The protostar blog with one item as Joomla writes it with "Link Titles" off and no "Read more" (an
    article with no more text): its title plain text, no readmore link; its print icon kept or not."""
    body = re.sub(rf'<a href="/index.php/ningbo-news/{article}-[^"]*" itemprop="url">(.*?)</a>', r"\1", body,
                  flags=re.S)
    body = re.sub(rf'<p class="readmore">\s*<a class="btn" href="/index.php/ningbo-news/{article}-.*?</p>', "",
                  body, flags=re.S)
    if not print_icon:
        body = re.sub(rf'<li class="print-icon"> <a href="/index.php/ningbo-news/{article}-.*?</li>', "", body,
                      flags=re.S)
    assert f"{article}-" in body or not print_icon
    return body


@pytest.mark.parametrize("print_icon", [True, False])
def test_a_blog_item_without_title_or_readmore_link_is_reached_or_named(print_icon: bool) -> None:
    """Joomla 3's blog with "Link Titles: No" shows an article that has no more text than its intro without
    any link (no Read more): the spider took only title and readmore links, and that article was never
    requested nor counted. Its print (or email, intro image) link now leads to it; an item with no link at
    all is named in a "template drift?" warning of the crawl report, which on-call is mailed."""
    name = "joomla3_protostar_blog.html"
    spec = EXPECTED[name]
    body = _unlinked_item((LAYOUTS / name).read_text(encoding="utf-8"), "6010", print_icon)
    spider = JoomlaSpider()
    url = spec["page_url"]
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    response = HtmlResponse(url=url, body=body.encode(), encoding="utf-8", request=request)
    requests = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    articles = [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"]
    gone = "/index.php/ningbo-news/6010-ningbo-industrial-output-returns-to-growth.html"
    if print_icon:
        assert articles == spec["items"] and spider.listing_warnings == []
    else:
        assert articles == [item for item in spec["items"] if item != gone]
        assert spider.listing_warnings == [(url, (
            f"template drift?: listing {url}: 1 item shows no link to its article, not crawled "
            "(first: 'Ningbo industrial output returns to growth')"))]


ARTICLE_PAGE = Path(__file__).parent / "fixtures" / "html" / "ningbolife" / \
    "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html"


@pytest.mark.parametrize(("days", "next_followed"), [
    ([29, 27, 25, 21, 19], False),  # newest first, all before the day: the later pages are older still
    ([1, 3, 5, 7, 9], True),        # oldest first: the later pages hold the newer articles
    ([9, 1, 7, 3, 5], True),        # by title or hits: the dates say nothing of the later pages
])
def test_a_backfill_over_an_undated_blog_pages_on_unless_its_articles_run_newest_first(
        days: list[int], next_followed: bool) -> None:
    """A blog that shows no dates (ningbolife's today): the next page waits for the page's articles, and
    the backfill stopped when any of them was older than `since`. A category set to "Oldest first" thus
    stopped at its first page and never requested the newer articles of the later pages."""
    name = "joomla3_blog_links_only.html"
    spec = EXPECTED[name]
    spider = JoomlaSpider(since="2020-07-01")  # every article below is older
    url = spec["page_url"]
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    response = HtmlResponse(url=url, body=(LAYOUTS / name).read_bytes(), encoding="utf-8", request=request)
    held = [r for r in spider.parse_blog(response) if isinstance(r, Request)]
    assert [r.meta.get(META_KIND) for r in held] == ["article"] * 5  # the next page is held
    article = ARTICLE_PAGE.read_bytes()
    later: list[Request] = []
    for day, req in reversed(list(zip(days, held))):  # answers in any order
        body = article.replace(b"Tuesday, 30 June 2020", f"Monday, {day} June 2020".encode())
        answer = HtmlResponse(url=req.url, body=body, encoding="utf-8", request=req)
        later += [r for r in spider.parse_article(answer) if isinstance(r, Request)]
    assert [_path_query(r.url) for r in later if r.meta.get(META_KIND) == "listing"] == (
        [spec["next_page"]] if next_followed else [])


HANWEB_PAGED = sorted(name for name, spec in EXPECTED.items() if "dataproxy" in spec)


@pytest.mark.parametrize("name", HANWEB_PAGED)
def test_hanweb_column_variants_request_the_next_group_of_the_column_list(name: str) -> None:
    """Hanweb column pages written by other sites' templates (each fixture's header names the real page
    it follows): the group after the embedded records is asked from the proxy the page names, with the
    unit's own form (quoted nextgroup values unquoted; on a page of several jpage units, the column list's
    unit, not the first one); a record linking to another host is dropped and reported, not requested."""
    spec = EXPECTED[name]
    _, _, by_shape, (requests, offsite) = crawl_listing_full(name)
    proxies = [r for r in requests if isinstance(r, FormRequest)]
    assert by_shape == []
    want = spec["dataproxy"]
    assert len(proxies) == 1, [r.url for r in proxies]
    proxy = proxies[0]
    assert proxy.method == "POST" and urlsplit(proxy.url).path == want["path"]
    assert dict(parse_qsl(urlsplit(proxy.url).query)) == {
        "startrecord": str(want["startrecord"]), "endrecord": str(want["endrecord"]), "perpage": str(want["perpage"])}
    form = dict(parse_qsl(proxy.body.decode()))
    assert {key: form.get(key) for key in want["form"]} == want["form"]
    assert proxy.headers.get("Referer") == spec["page_url"].encode()
    assert [entry["url"] for entry in offsite] == spec.get("offsite", [])


TEMPLATE_OVERRIDES = ("joomla3_helix_ultimate_blog.html", "joomla3_astroid_blog.html", "joomla4_cassiopeia_blog.html")


def _parse_fixture(name: str, body: bytes | None = None) -> tuple[JoomlaSpider, list[Request]]:
    spec = EXPECTED[name]
    spider = JoomlaSpider()
    url = spec["page_url"]
    spider.root_request(url, spider.parse)
    request = Request(url, meta={META_KIND: "listing", META_ROOT: url, META_IS_ROOT: True})
    response = HtmlResponse(url=url, body=body if body is not None else (LAYOUTS / name).read_bytes(),
                            encoding="utf-8", request=request)
    return spider, [r for r in spider.parse_blog(response) if isinstance(r, Request)]


@pytest.mark.parametrize("name", TEMPLATE_OVERRIDES)
def test_a_third_party_blog_override_is_read_by_its_selectors_with_its_dates_and_next_page(name: str) -> None:
    """Templates' own category blog overrides (each fixture's header names the framework's files): Joomla 4's core
    blog (Cassiopeia) puts its intro items in div.blog-items > div.blog-item, not items-row: the leading item was
    read and the other four of five were lost with no warning (one item found, so no fallback ran). Helix Ultimate's
    div.article-list > div.article items were read by URL shape only (a drift warning, no item dated, so a
    backfill held every page) and both frameworks' next-page links (Helix's a.page-link.next "»", Joomla 4's icon
    with aria-label "Go to next page") only by URL shape. Every item is read by the selectors (itemprop=blogPost,
    div.blog-item, .readmore a) with its date, the next page by the pagination selectors, nothing reported."""
    from parsel import Selector

    from crawlers.spiders.joomla import NEXT_PAGE_CSS, PAGE_COUNTER_CSS

    spec = EXPECTED[name]
    spider, requests = _parse_fixture(name)
    articles = [r for r in requests if r.meta.get(META_KIND) == "article"]
    assert [_path_query(r.url) for r in articles] == spec["items"]
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"] == [spec["next_page"]]
    assert spider.by_shape == [] and spider.listing_warnings == []
    assert all(r.meta.get("listing_date") for r in articles)
    page = Selector(text=(LAYOUTS / name).read_text(encoding="utf-8"))
    assert page.css(NEXT_PAGE_CSS).get() == spec["next_page"]
    assert spec["page_counter"] in " ".join(" ".join(page.css(PAGE_COUNTER_CSS).getall()).split())


def test_blog_items_in_markup_the_selectors_do_not_know_are_read_by_url_shape_and_named() -> None:
    """A template whose blog items beside the first have markup of their own (here Joomla 4's intro items renamed and
    unmarked, as another framework might write them): the selectors find the leading item, and the other article
    links of the blog container were never requested nor reported (Joomla 4's real markup lost four of five so). They
    are read by URL shape, in page order, chrome (the modules' article lists) left out, and the page is named as read
    by URL shape (listings_by_url_shape, a drift line of the crawl report). The same on Cassiopeia's page, whose
    <body class="... has-sidebar-right"> made every link of the page chrome to the URL-shape fallback."""
    name = "joomla4_cassiopeia_blog.html"
    spec = EXPECTED[name]
    body = (LAYOUTS / name).read_text(encoding="utf-8")
    cut = body.index("blog-items  masonry-2")
    intro = re.sub(r'<div class="com-content-category-blog__item blog-item"\s+itemprop="blogPost" itemscope '
                   r'itemtype="https://schema.org/BlogPosting">', '<div class="tpl-card">', body[cut:])
    assert intro.count('<div class="tpl-card">') == 4
    spider, requests = _parse_fixture(name, (body[:cut] + intro).encode())
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"] == spec["items"]
    assert spider.by_shape == [spec["page_url"]]
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "listing"] == [spec["next_page"]]


@pytest.mark.parametrize("name", TEMPLATE_OVERRIDES + ("joomla3_protostar_blog.html",))
def test_article_links_in_a_category_description_or_an_intro_text_are_not_items(name: str) -> None:
    """The blog's article links outside its items are read by URL shape and reported (above), but not the editor's
    links: one in the category description and one in an item's intro text are neither requested nor reported."""
    spec = EXPECTED[name]
    body = (LAYOUTS / name).read_text(encoding="utf-8")
    desc = "<p>News about Ningbo’s economy, science and city life.</p>"
    intro = "<p>Meishan Bonded Port Area opened a new 60,000-square-metre bonded warehouse"
    assert desc in body and intro in body, name
    body = body.replace(desc, desc[:-4] + ' See <a href="/index.php/guides/5001-living-in-ningbo.html">our guide</a>.'
                        "</p>").replace(intro, '<p>As <a href="/index.php/business-news/7002-ningbo-firms-join-online-'
                                               'canton-fair.html">reported</a>, Meishan Bonded Port Area opened a new '
                                               "60,000-square-metre bonded warehouse", 1)
    spider, requests = _parse_fixture(name, body.encode())
    assert [_path_query(r.url) for r in requests if r.meta.get(META_KIND) == "article"] == spec["items"]
    assert spider.by_shape == [] and spider.listing_warnings == []
