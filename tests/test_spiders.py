"""Offline spider tests: saved responses (tests/fixtures/html) fed straight into the callbacks."""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.http import FormRequest, HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError as TxConnectionRefusedError
from twisted.python.failure import Failure

from core.records import FetchFailure, RawPage
from core.rundir import RunPaths
from crawlers.report import merge_run_report, run_totals
from crawlers.spiders.hanweb import HanwebSpider, dataproxy_form
from crawlers.spiders.joomla import JoomlaSpider
from transforms.urls import normalize_url

FIXTURES = Path(__file__).parent / "fixtures" / "html"
GOV = "http://127.0.0.1:8931"
LIFE = "http://127.0.0.1:8932"
GOV_LIVE = "http://english.ningbo.gov.cn"
LIFE_LIVE = "http://www.ningbolife.com"


def fixture(*parts: str) -> bytes:
    return (FIXTURES.joinpath(*parts)).read_bytes()


def html_response(url: str, body: bytes, request: Request | None = None, status: int = 200,
                  encoding: str | None = "utf-8", headers: dict | None = None) -> HtmlResponse:
    request = request or Request(url, meta={"kind": "listing"})
    return HtmlResponse(url=url, body=body, encoding=encoding, request=request, status=status,
                        headers=headers)


def split(results) -> tuple[list, list[Request], list[FetchFailure]]:
    pages, requests, failures = [], [], []
    for r in results:
        if isinstance(r, RawPage):
            pages.append(r)
        elif isinstance(r, Request):
            requests.append(r)
        elif isinstance(r, FetchFailure):
            failures.append(r)
        else:  # pragma: no cover - would be a spider bug
            raise AssertionError(f"unexpected output {r!r}")
    return pages, requests, failures


def form_of(request: Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}


def query_of(request: Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}


# --------------------------------------------------------------------------- ningbo_gov
@pytest.fixture()
def gov() -> HanwebSpider:
    return HanwebSpider(base_url=GOV)


def column(spider: HanwebSpider, col: str, name: str | None = None):
    url = f"{GOV}/col/col{col}/index.html"
    return split(spider.parse_column(html_response(url, fixture("ningbo_gov", name or f"col{col}_index.html"))))


def dataproxy(spider: HanwebSpider, request: FormRequest, name: str):
    response = XmlResponse(url=request.url, body=fixture("ningbo_gov", name), encoding="utf-8",
                           request=request)
    return split(request.callback(response, **request.cb_kwargs))


def test_start_requests_come_from_sources_listings_on_the_base_url(gov: HanwebSpider) -> None:
    async def collect() -> list[Request]:
        return [r async for r in gov.start()]

    requests = asyncio.run(collect())
    assert [r.url for r in requests] == [f"{GOV}/col/col933/index.html", f"{GOV}/col/col934/index.html"]
    assert all(r.callback == gov.parse_column for r in requests)
    live = HanwebSpider()
    assert [r.url for r in asyncio.run(_collect(live))][0] == f"{GOV_LIVE}/col/col933/index.html"


async def _collect(spider) -> list[Request]:
    return [r async for r in spider.start()]


def test_column_page_requests_every_embedded_article_and_the_first_dataproxy_group(gov) -> None:
    pages, requests, failures = column(gov, "933")
    assert failures == []
    assert [p.kind for p in pages] == ["listing"]
    assert pages[0].canonical_url == f"{GOV_LIVE}/col/col933/index.html"
    articles = [r for r in requests if r.callback == gov.parse_article]
    proxies = [r for r in requests if isinstance(r, FormRequest)]
    assert len(articles) == 15
    assert len({r.url for r in articles}) == 15
    assert f"{GOV}/art/2019/8/18/art_933_1016946.html" in {r.url for r in articles}
    # the sidebar link is outside the datastore: not requested from the column page
    assert f"{GOV}/art/2019/1/28/art_933_981487.html" not in {r.url for r in articles}
    assert all(r.meta["kind"] == "article" for r in articles)

    assert len(proxies) == 1
    proxy = proxies[0]
    assert proxy.method == "POST"
    assert urlsplit(proxy.url).path == "/module/web/jpage/dataproxy.jsp"
    assert query_of(proxy) == {"startrecord": "16", "endrecord": "30", "perpage": "5"}
    assert form_of(proxy) == {
        "col": "1", "appid": "1", "webid": "6", "path": "/", "columnid": "933",
        "sourceContentType": "1", "unitid": "3340", "webname": "Ningbo China", "permissiontype": "0",
    }
    assert "page" not in form_of(proxy)
    assert proxy.headers.get("Referer") == f"{GOV}/col/col933/index.html".encode()
    assert proxy.headers.get("Content-Type") == b"application/x-www-form-urlencoded"


def test_cut_titles_use_the_title_attribute_and_dates_come_from_the_record(gov) -> None:
    _, requests, _ = column(gov, "933")
    by_url = {r.url: r.meta for r in requests if r.callback == gov.parse_article}
    meta = by_url[f"{GOV}/art/2019/8/18/art_933_1016946.html"]
    assert meta["listing_title"] == "Hot topic article number 10 about Ningbo science and technology innovation"
    assert "..." not in meta["listing_title"]
    assert meta["listing_date"] == "2019-08-18"
    assert meta["listing_url"] == f"{GOV}/col/col933/index.html"


def test_dataproxy_group_yields_articles_and_stops_at_totalrecord(gov) -> None:
    _, requests, _ = column(gov, "933")
    proxy = next(r for r in requests if isinstance(r, FormRequest))
    pages, more, failures = dataproxy(gov, proxy, "dataproxy_col933_16_30.xml")
    assert failures == []
    assert [p.kind for p in pages] == ["listing"]
    assert sorted(r.url for r in more) == [
        f"{GOV}/art/2019/1/28/art_933_981487.html", f"{GOV}/art/2019/2/26/art_933_988200.html",
    ]
    # 17 records in total: 31 > 17, so no further group
    assert not any(isinstance(r, FormRequest) for r in more)


def test_table_row_column_pages_on_through_every_group_and_no_further(gov) -> None:
    _, requests, _ = column(gov, "934")
    articles = [r for r in requests if r.callback == gov.parse_article]
    assert len(articles) == 8
    meta = {r.url: r.meta for r in articles}
    cut = meta[f"{GOV}/art/2020/8/4/art_934_1073415.html"]  # shown text cut with "..."
    assert cut["listing_title"] == "Sci-Tech news item 1: Ningbo researchers report progress"
    assert cut["listing_date"] == "2020-08-04"  # from "[2020-08-04]"

    proxy = next(r for r in requests if isinstance(r, FormRequest))
    assert query_of(proxy) == {"startrecord": "9", "endrecord": "16", "perpage": "4"}
    assert form_of(proxy)["columnid"] == "934" and form_of(proxy)["unitid"] == "3341"

    _, group2, _ = dataproxy(gov, proxy, "dataproxy_col934_9_16.xml")
    assert len([r for r in group2 if r.callback == gov.parse_article]) == 8
    proxy2 = [r for r in group2 if isinstance(r, FormRequest)]
    assert len(proxy2) == 1
    assert query_of(proxy2[0]) == {"startrecord": "17", "endrecord": "24", "perpage": "4"}
    assert proxy2[0].headers.get("Referer") == f"{GOV}/col/col934/index.html".encode()
    assert form_of(proxy2[0]) == form_of(proxy)

    _, group3, _ = dataproxy(gov, proxy2[0], "dataproxy_col934_17_24.xml")
    assert len([r for r in group3 if r.callback == gov.parse_article]) == 4
    assert not any(isinstance(r, FormRequest) for r in group3)  # 25 > totalrecord 20


def test_column_without_jpage_script_uses_embedded_record_count_as_group(gov) -> None:
    _, requests, _ = column(gov, "935", "col935_nojs_index.html")
    assert len([r for r in requests if r.callback == gov.parse_article]) == 3
    proxy = next(r for r in requests if isinstance(r, FormRequest))
    assert urlsplit(proxy.url).path == "/module/jpage/dataproxy.jsp"  # older build, from nextgroup
    assert query_of(proxy) == {"startrecord": "4", "endrecord": "6", "perpage": "3"}
    assert form_of(proxy)["columnid"] == "935"


def test_gov_article_yields_one_rawpage_mapped_to_the_live_site(gov) -> None:
    url = f"{GOV}/art/2019/8/18/art_933_1016946.html"
    request = Request(url, meta={"kind": "article"})
    out = list(gov.parse_article(html_response(url, fixture("ningbo_gov", "art_933_1016946.html"),
                                               request=request)))
    assert len(out) == 1 and isinstance(out[0], RawPage)
    page = out[0]
    assert page.kind == "article" and page.status == 200 and page.source == "ningbo_gov"
    assert page.url == url and page.final_url == url
    assert page.canonical_url == f"{GOV_LIVE}/art/2019/8/18/art_933_1016946.html"
    assert "“In retrospect" in page.html
    assert page.fetched_at.endswith("+00:00")
    json.dumps(page.__dict__)  # serializable as-is


def test_gb2312_article_is_decoded_with_its_declared_charset(gov) -> None:
    url = f"{GOV}/art/2012/3/5/art_934_500001.html"
    body = fixture("ningbo_gov", "art_934_500001_gb2312.html")
    response = HtmlResponse(url=url, body=body, request=Request(url, meta={"kind": "article"}),
                            headers={"Content-Type": "text/html; charset=GB2312"})
    (page,) = list(gov.parse_article(response))
    assert "宁波" in page.html
    assert "（Photo by Xu Neng）" in page.html
    assert page.encoding.lower() in {"gb2312", "gb18030", "gbk"}
    # and from the <meta> alone, without a Content-Type charset
    response = HtmlResponse(url=url, body=body, request=Request(url, meta={"kind": "article"}))
    (page,) = list(gov.parse_article(response))
    assert "宁波" in page.html and "\ufffd" not in page.html


def test_article_404_is_a_failure_not_a_page(gov) -> None:
    url = f"{GOV}/art/2019/1/1/art_933_1.html"
    out = list(gov.parse_article(html_response(url, b"<html>Not found</html>", status=404,
                                               request=Request(url, meta={"kind": "article"}))))
    assert out == [FetchFailure(url=url, source="ningbo_gov", kind="article", error="HTTP 404", status=404)]


def test_errback_turns_download_and_http_errors_into_failures(gov) -> None:
    url = f"{GOV}/art/2019/1/1/art_933_2.html"
    request = Request(url, meta={"kind": "article"})
    failure = Failure(TxConnectionRefusedError("refused"))
    failure.request = request
    (item,) = list(gov.on_error(failure))
    assert item.kind == "article" and item.url == url and "ConnectionRefused" in item.error
    response = html_response(url, b"oops", status=503, request=request)
    failure = Failure(HttpError(response, "Ignoring non-200 response"))
    failure.request = request
    (item,) = list(gov.on_error(failure))
    assert (item.error, item.status, item.kind) == ("HTTP 503", 503, "article")


def test_seen_articles_are_skipped_and_counted_unless_full(tmp_path: Path) -> None:
    seen_file = tmp_path / "seen.txt"
    stored = f"{GOV_LIVE}/art/2019/8/18/art_933_1016946.html"
    seen_file.write_text(f"# stored articles\n{stored}\n\n", encoding="utf-8")
    spider = HanwebSpider(base_url=GOV, seen_file=str(seen_file))
    _, requests, _ = column(spider, "933")
    urls = {r.url for r in requests if r.callback == spider.parse_article}
    assert len(urls) == 14
    assert f"{GOV}/art/2019/8/18/art_933_1016946.html" not in urls
    assert spider.unchanged == {normalize_url(stored)}
    # listing paging is unaffected
    assert any(isinstance(r, FormRequest) for r in requests)

    full = HanwebSpider(base_url=GOV, seen_file=str(seen_file), full="true")
    _, requests, _ = column(full, "933")
    urls = {r.url for r in requests if r.callback == full.parse_article}
    assert len(urls) == 15 and f"{GOV}/art/2019/8/18/art_933_1016946.html" in urls
    assert full.unchanged == set()


def test_an_article_listed_twice_is_requested_once(gov) -> None:
    _, first, _ = column(gov, "933")
    _, again, _ = column(gov, "933")
    assert len([r for r in first if r.callback == gov.parse_article]) == 15
    assert [r for r in again if r.callback == gov.parse_article] == []


# --------------------------------------------------------------------------- ningbolife
@pytest.fixture()
def life() -> JoomlaSpider:
    return JoomlaSpider(base_url=LIFE)


def test_ningbolife_start_has_blogs_and_feeds(life) -> None:
    requests = asyncio.run(_collect(life))
    assert [r.url for r in requests] == [
        f"{LIFE}/index.php/ningbo-news.html", f"{LIFE}/index.php/business-news.html",
        f"{LIFE}/index.php/ningbo-news.html?format=feed&type=rss",
    ]
    assert [r.callback for r in requests] == [life.parse_blog, life.parse_blog, life.parse_feed]


def test_blog_page_requests_each_item_once_and_the_next_page(life) -> None:
    url = f"{LIFE}/index.php/ningbo-news.html"
    pages, requests, _ = split(life.parse_blog(html_response(url, fixture("ningbolife", "ningbo-news.html"))))
    assert [p.kind for p in pages] == ["listing"]
    articles = [r for r in requests if r.callback == life.parse_article]
    assert [r.url for r in articles] == [
        f"{LIFE}/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html",
        f"{LIFE}/index.php/ningbo-news/5785-ningbo-foreign-trade-rebounds-in-april.html",
        f"{LIFE}/index.php/ningbo-news/5734-world-intelligent-manufacturing-conference-in-ningbo.html",
        f"{LIFE}/index.php/ningbo-news/5702-ningbo-zhoushan-port-container-throughput-climbs.html",
        f"{LIFE}/index.php/ningbo-news/5671-hangzhou-bay-new-area-attracts-new-projects.html",
    ]
    assert articles[0].meta["listing_title"] == "Yongjiang Laboratory recruits top scientists from home and abroad"
    listings = [r for r in requests if r.callback == life.parse_blog]
    assert [r.url for r in listings] == [f"{LIFE}/index.php/ningbo-news.html?start=5"]
    # menu, charity shop and pagination links are never requested as articles
    assert not any("charity" in r.url or "business-news.html" in r.url for r in requests)


def test_last_blog_page_has_no_next_request(life) -> None:
    url = f"{LIFE}/index.php/ningbo-news.html?start=10"
    _, requests, _ = split(life.parse_blog(html_response(url, fixture("ningbolife", "ningbo-news_start10.html"))))
    assert len([r for r in requests if r.callback == life.parse_article]) == 2
    assert [r for r in requests if r.callback == life.parse_blog] == []


def test_rss_items_become_article_requests_on_the_base_url(life) -> None:
    url = f"{LIFE}/index.php/ningbo-news.html?format=feed&type=rss"
    response = XmlResponse(url=url, body=fixture("ningbolife", "ningbo-news_rss.xml"),
                           request=Request(url, meta={"kind": "listing"}))
    pages, requests, _ = split(life.parse_feed(response))
    assert [p.kind for p in pages] == ["listing"]
    assert [r.url for r in requests] == [
        f"{LIFE}/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html",
        f"{LIFE}/index.php/ningbo-news/5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html",
        f"{LIFE}/index.php/ningbo-news/5588-ningbo-technology-market-turnover-rises.html",
    ]
    assert not any(urlsplit(r.url).hostname == "www.ningbolife.com" for r in requests)
    assert requests[1].meta["listing_date"] == "Tue, 30 Jun 2020 09:12:00 +0000"
    # the feed served as text/html (a misconfigured server) still parses
    text = TextResponse(url=url, body=fixture("ningbolife", "ningbo-news_rss.xml"), encoding="utf-8",
                        request=Request(url))
    assert len(split(JoomlaSpider(base_url=LIFE).parse_feed(text))[1]) == 3


IDLESS = re.compile(rb"(/index\.php/[\w-]+/)\d+-")  # Joomla's modern router with "Remove IDs from URLs"


def test_an_idless_site_is_crawled_from_its_blog_items_and_feed_items_only(tmp_path: Path) -> None:
    """Joomla 3.8+'s modern router can drop the id from article links: `/index.php/ningbo-news/<alias>.html`
    has no article's shape (a subcategory's link looks the same), so every article was lost. A link the
    layout marks (a blog item's title or read-more link, a feed item) is requested as an article, keyed by
    its URL; chrome links of that shape, the menu and pagination stay unrequested. An incremental crawl
    counts the stored ones unchanged, and a stored listing's links replayed after a 304 are articles again."""
    url = f"{LIFE}/index.php/ningbo-news.html"
    life = JoomlaSpider(base_url=LIFE)
    body = IDLESS.sub(rb"\1", fixture("ningbolife", "ningbo-news.html"))
    _, requests, _ = split(life.parse_blog(html_response(url, body)))
    articles = [r for r in requests if r.callback == life.parse_article]
    assert [r.url for r in articles] == [
        f"{LIFE}/index.php/ningbo-news/yongjiang-laboratory-recruits-top-scientists.html",
        f"{LIFE}/index.php/ningbo-news/ningbo-foreign-trade-rebounds-in-april.html",
        f"{LIFE}/index.php/ningbo-news/world-intelligent-manufacturing-conference-in-ningbo.html",
        f"{LIFE}/index.php/ningbo-news/ningbo-zhoushan-port-container-throughput-climbs.html",
        f"{LIFE}/index.php/ningbo-news/hangzhou-bay-new-area-attracts-new-projects.html",
    ]
    assert all(r.meta["listing_by_layout"] is True for r in articles)
    assert [r.url for r in requests if r.callback == life.parse_blog] == [f"{LIFE}/index.php/ningbo-news.html?start=5"]
    assert life.by_shape == [] and life.listing_warnings == []
    # a link of the same shape outside the layout's items (chrome, a module) is no article
    assert life.article_request(f"{LIFE}/index.php/ningbo-news/another-alias.html") is None
    feed_url = f"{url}?format=feed&type=rss"
    feed = IDLESS.sub(rb"\1", fixture("ningbolife", "ningbo-news_rss.xml"))
    _, from_feed, _ = split(life.parse_feed(XmlResponse(url=feed_url, body=feed, request=Request(feed_url))))
    assert [r.url.rsplit("/", 1)[1] for r in from_feed] == [  # 5839's link was requested from the blog
        "ningbo-accelerates-construction-of-high-level-innovative-cities.html",
        "ningbo-technology-market-turnover-rises.html"]
    # the next crawl, with the first one's articles stored: none is requested again
    seen = tmp_path / "seen.txt"
    seen.write_text("".join(r.url.replace(LIFE, LIFE_LIVE) + "\n" for r in articles + from_feed))
    again = JoomlaSpider(base_url=LIFE, seen_file=seen)
    _, requests, _ = split(again.parse_blog(html_response(url, body)))
    assert [r for r in requests if r.callback == again.parse_article] == [] and len(again.unchanged) == 5
    # a 304's replay: the stored links with their meta are articles again in a crawl that read no listing
    fresh = JoomlaSpider(base_url=LIFE)
    replayed = list(fresh.article_requests([(r.url, {"listing_by_layout": True}) for r in articles]))
    assert len(replayed) == 5
    assert list(JoomlaSpider(base_url=LIFE).article_requests([(articles[0].url, {})])) == []


@pytest.mark.parametrize(("url", "idless"), [
    (f"{LIFE}/index.php/ningbo-news/yongjiang-laboratory.html", True),
    (f"{LIFE}/ningbo-news/science-technology/yongjiang-laboratory", True),
    (f"{LIFE}/index.php/component/content/article/ningbo-news/yongjiang-laboratory.html", True),
    (f"{LIFE}/index.php/ningbo-news.html", False),  # one segment: a menu item (the category itself)
    (f"{LIFE}/ningbo-news/yongjiang-laboratory.html?start=5", False),
    (f"{LIFE}/index.php/component/tags/tag/ningbo.html", False),  # another component
    (f"{LIFE}/index.php/component/users/login.html", False),
    (f"{LIFE}/images/news/yongjiang-laboratory.jpg", False),
    (f"{LIFE}/ningbo-news/science-technology/", False),
    # a home page blog's root links (the home menu item's category, URL rewriting on)
    (f"{LIFE}/5839-yongjiang-laboratory.html", True),
    (f"{LIFE}/5839-yongjiang-laboratory", True),
    (f"{LIFE}/5839-yongjiang-laboratory.html?start=5", False),
    (f"{LIFE}/2019-annual-report.pdf", False),
    (f"{LIFE}/5839-yongjiang-laboratory/", False),
])
def test_which_links_a_layout_can_mark_as_idless_articles(url: str, idless: bool) -> None:
    spider = JoomlaSpider(base_url=LIFE)
    links = [(url, {})]
    spider.mark_layout_articles(links, f"{LIFE}/index.php/other-news.html")
    assert spider.is_article_url(url) is idless and links[0][1].get("listing_by_layout", False) is idless


def test_a_home_page_blogs_root_links_are_articles_keyed_by_their_id() -> None:
    """A root link `/<id>-<alias>` (a home page blog's, URL rewriting on) has no article's shape (a subcategory's
    link looks the same): marked by a listing's layout it is an article, keyed by its id like the article's other
    URLs, so the same article under its category path is not requested twice; unmarked it is none."""
    spider = JoomlaSpider(base_url=LIFE)
    root = f"{LIFE}/5839-yongjiang-laboratory-recruits-top-scientists.html"
    assert spider.article_request(root) is None
    links = [(root, {})]
    spider.mark_layout_articles(links, f"{LIFE}/")
    assert spider.article_key(root) == "article:5839"
    assert spider.article_request(root, **links[0][1]) is not None
    nested = f"{LIFE}/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html"
    assert spider.article_request(nested) is None  # the same article (requested once)


def test_a_stored_root_link_is_unchanged_in_the_next_crawl(tmp_path: Path) -> None:
    """The next crawl keys its stored articles before any listing marked a root link: the same key, so the home
    page's stored articles count unchanged and are not fetched again."""
    root = f"{LIFE}/5839-yongjiang-laboratory-recruits-top-scientists.html"
    seen = tmp_path / "seen.txt"
    seen.write_text(root.replace(LIFE, LIFE_LIVE) + "\n")
    spider = JoomlaSpider(base_url=LIFE, seen_file=seen)
    links = [(root, {})]
    spider.mark_layout_articles(links, f"{LIFE}/")
    assert spider.article_request(root, **links[0][1]) is None and len(spider.unchanged) == 1


def test_feed_and_blog_share_the_dedupe_and_seen_filter(tmp_path: Path) -> None:
    seen = tmp_path / "seen.txt"
    seen.write_text(f"{LIFE_LIVE}/index.php/ningbo-news/5785-ningbo-foreign-trade-rebounds-in-april.html?type=rss\n")
    spider = JoomlaSpider(base_url=LIFE, seen_file=seen)
    url = f"{LIFE}/index.php/ningbo-news.html"
    _, blog, _ = split(spider.parse_blog(html_response(url, fixture("ningbolife", "ningbo-news.html"))))
    assert len([r for r in blog if r.callback == spider.parse_article]) == 4
    feed_url = f"{LIFE}/index.php/ningbo-news.html?format=feed&type=rss"
    _, feed, _ = split(spider.parse_feed(XmlResponse(url=feed_url, body=fixture("ningbolife", "ningbo-news_rss.xml"),
                                                       request=Request(feed_url))))
    # 5839 already requested from the blog page: only 5812 and 5588 are new
    assert sorted(r.url.rsplit("/", 1)[1][:4] for r in feed) == ["5588", "5812"]
    assert len(spider.unchanged) == 1


def test_joomla_article_maps_to_live_url_and_blog_pages_are_never_articles(life) -> None:
    url = f"{LIFE}/index.php/ningbo-news/5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
    body = fixture("ningbolife", "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
    (page,) = list(life.parse_article(html_response(url, body, request=Request(url, meta={"kind": "article"}))))
    assert page.kind == "article"
    assert page.canonical_url == url.replace(LIFE, LIFE_LIVE)
    assert "nearly 2.8% of GDP" in page.html
    blog = f"{LIFE}/index.php/ningbo-news/1-odd.html"
    (page,) = list(life.parse_article(html_response(blog, fixture("ningbolife", "ningbo-news.html"))))
    assert page.kind == "listing"


PAGEBREAK_ART = f"{LIFE}/index.php/ningbo-news/6116-ningbo-ramps-up-support-for-emerging-industries.html"


def _pagebreak(name: str) -> bytes:
    return (FIXTURES / "articles" / name).read_bytes()


def test_a_multipage_joomla_article_is_stored_whole_from_its_all_pages_view(life) -> None:
    """The pagebreak plugin shows page 1 of 2 at the article's URL; page 2 is another URL no listing
    links to. Stored as it was, the article lost its second half silently."""
    listing = f"{LIFE}/index.php/ningbo-news.html"
    request = Request(PAGEBREAK_ART, meta={"kind": "article", "via": "direct", "listing_url": listing})
    (all_pages,) = list(life.parse_article(html_response(PAGEBREAK_ART, _pagebreak("joomla3_core_pagebreak.html"),
                                                         request=request)))
    assert isinstance(all_pages, Request) and all_pages.url == PAGEBREAK_ART + "?showall=1"
    assert (all_pages.meta["via"], all_pages.meta["article_url"], all_pages.meta["listing_url"]) == (
        "all_pages", PAGEBREAK_ART, listing)
    assert all_pages.callback == life.parse_article and all_pages.dont_filter

    (page,) = list(life.parse_article(html_response(all_pages.url, _pagebreak("joomla3_core_pagebreak_showall.html"),
                                                    request=all_pages)))
    assert isinstance(page, RawPage)
    assert (page.url, page.final_url, page.via) == (PAGEBREAK_ART, all_pages.url, "all_pages")
    assert page.canonical_url == PAGEBREAK_ART.replace(LIFE, LIFE_LIVE)
    assert "A maximum of 3 million yuan" in page.html  # page 2's text


def test_a_site_without_the_all_pages_view_gets_page_1_stored_and_named_as_incomplete(life) -> None:
    request = Request(PAGEBREAK_ART, meta={"kind": "article", "via": "direct"})
    (all_pages,) = list(life.parse_article(html_response(PAGEBREAK_ART, _pagebreak("joomla3_core_pagebreak.html"),
                                                         request=request)))
    # the plugin's showall option off: the view answers with page 1 again
    (page,) = list(life.parse_article(html_response(all_pages.url, _pagebreak("joomla3_core_pagebreak.html"),
                                                    request=all_pages)))
    assert (page.url, page.via) == (PAGEBREAK_ART, "first_page")
    # the all-pages view failing: the article fails, under its URL, saying why it was asked for
    failure = Failure(HttpError(html_response(all_pages.url, b"oops", status=500, request=all_pages), "500"))
    failure.request = all_pages
    (failed,) = list(life.on_error(failure))
    assert (failed.url, failed.error) == (PAGEBREAK_ART, "multipage article (page 1 of 2); all_pages view: HTTP 500")


def test_a_later_page_or_a_single_page_article_is_stored_as_it_is(life) -> None:
    later = PAGEBREAK_ART + "?limitstart=1"  # linked by a listing: not turned into the all-pages view
    (page,) = list(life.parse_article(html_response(later, _pagebreak("joomla3_core_pagebreak_page2.html"),
                                                    request=Request(later, meta={"kind": "article", "via": "direct"}))))
    assert isinstance(page, RawPage) and page.via == "direct"
    single = _pagebreak("joomla3_core_info_above.html")
    url = f"{LIFE}/index.php/ningbo-news/1-single.html"
    (page,) = list(life.parse_article(html_response(url, single, request=Request(url, meta={"kind": "article",
                                                                                             "via": "direct"}))))
    assert isinstance(page, RawPage) and page.via == "direct"


def test_beez3_html5_pages_are_told_apart_by_their_containers(life) -> None:
    """Beez3 writes <article class="item-page"> and <section class="blog">: the article stays an
    article, the blog served at an article URL is a listing."""
    url = f"{LIFE}/index.php/distrct-news/5936-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
    article = (FIXTURES / "articles" / "joomla3_beez3_article.html").read_bytes()
    side = b'<div class="blog"><p class="readmore"><a href="/a">Read more</a></p></div></footer>'
    (page,) = list(life.parse_article(html_response(url, article.replace(b"</footer>", side),
                                                    request=Request(url, meta={"kind": "article"}))))
    assert page.kind == "article"
    blog = (FIXTURES / "layouts" / "joomla3_beez3_blog.html").read_bytes()
    assert b'<section class="blog' in blog and b'class="blog' not in blog.replace(b'<section class="blog', b"")
    (page,) = list(life.parse_article(html_response(url, blog, request=Request(url, meta={"kind": "article"}))))
    assert page.kind == "listing"


def test_non_article_links_are_not_requested(life, gov) -> None:
    assert life.article_request(f"{LIFE}/index.php/ningbo-news.html?start=5") is None
    assert life.article_request(f"{LIFE}/index.php/charity-shop.html") is None
    assert life.article_request(f"{LIFE}/index.php/ningbo-news/5605-x.html") is not None
    assert gov.article_request(f"{GOV}/col/col933/index.html") is None
    assert gov.article_request(f"{GOV}/art/2019/8/18/art_933_1016946.html") is not None


# Joomla 3 writes an article's link in several forms (components/com_content/helpers/route.php and
# the router): SEF under the category path (a nested category gives a longer path), or non-SEF with
# the article in the query (Search Engine Friendly URLs off, or a link an editor pasted).
NON_SEF = (f"{LIFE}/index.php?option=com_content&view=article&id=6604:r-d-investment-in-ningbo-hits-a-new-high"
           "&catid=12&Itemid=110")
NESTED = f"{LIFE}/index.php/business-news/innovation/6044-innovation-boosts-yongjiang-sci-tech-innovation-center.html"


@pytest.mark.parametrize("url", [
    NON_SEF,
    f"{LIFE}/index.php?Itemid=110&catid=12&id=6604&view=article&option=com_content",  # any order, no alias
    f"{LIFE}/index.php?option=com_content&amp;view=article&amp;id=6604:r-d&amp;catid=12",  # &amp; left in a feed
    NESTED,
    f"{LIFE}/index.php/component/content/article/12-business-news/6604-r-d.html",  # no menu item
    # the Global Configuration's SEO switches: "Use URL Rewriting" (no /index.php), "Adds Suffix to URL" off
    f"{LIFE}/ningbo-news/6604-r-d-investment-in-ningbo-hits-a-new-high.html",
    f"{LIFE}/index.php/ningbo-news/6604-r-d-investment-in-ningbo-hits-a-new-high",
    f"{LIFE}/ningbo-news/6604-r-d-investment-in-ningbo-hits-a-new-high",
    f"{LIFE}/business-news/innovation/6044-innovation-boosts",
    f"{LIFE}/component/content/article/12-business-news/6604-r-d",
])
def test_every_joomla_article_url_form_is_requested(life, url: str) -> None:
    assert life.is_article_url(url)
    request = life.article_request(url)
    assert request is not None and request.callback == life.parse_article


@pytest.mark.parametrize("url", [
    f"{LIFE}/index.php?option=com_content&view=category&id=12&Itemid=110",
    f"{LIFE}/index.php?option=com_content&view=article&catid=12",
    f"{LIFE}/index.php?option=com_content&view=article&id=x6604",
    f"{LIFE}/index.php?option=com_contact&view=contact&id=1",
    f"{LIFE}/index.php/business-news/innovation.html",
    f"{LIFE}/index.php/ningbo-news.html?start=5",
    f"{LIFE}/ningbo-news.html",  # a category blog, rewritten or not
    f"{LIFE}/ningbo-news",
    f"{LIFE}/index.php/ningbo-news",
    f"{LIFE}/images/2020/5839-yongjiang.jpg",  # files whose names open with digits and a dash
    f"{LIFE}/images/stories/2019-annual-report.pdf",
    f"{LIFE}/media/system/12-modal.css",
    f"{LIFE}/5839-no-category-segment",
])
def test_joomla_links_that_are_not_articles_are_not_requested(life, url: str) -> None:
    assert life.article_request(url) is None


def test_a_joomla_article_is_one_article_under_every_seo_setting(life) -> None:
    """With URL rewriting on, Joomla still answers the /index.php/ paths: a feed or an old link may name the
    article one way and the blog another. Each form is the same article (one request, one key)."""
    alias = "3012-new-materials-science-and-technology-city-develops-with-talents"
    urls = [f"{LIFE}/ningbo-news/{alias}.html", f"{LIFE}/index.php/ningbo-news/{alias}.html",
            f"{LIFE}/ningbo-news/{alias}", f"{LIFE}/index.php/ningbo-news/{alias}"]
    assert {life.article_key(url) for url in urls} == {"article:3012"}
    requests = [r for url in urls if (r := life.article_request(url)) is not None]
    assert [r.url for r in requests] == [urls[0]]


def test_a_non_sef_article_is_fetched_as_written(life) -> None:
    """Its Itemid picks the menu item (and the template) the page renders with: not dropped, not
    reordered; `&amp;` is read as `&` and a fragment dropped."""
    request = life.article_request(NON_SEF.replace("&", "&amp;") + "#comments")
    assert request is not None and request.url == NON_SEF


def test_a_joomla_article_under_several_urls_is_requested_once(life) -> None:
    urls = [f"{LIFE}/index.php/on-the-campus/3012-new-materials-science-and-technology-city-develops-with-talents.html",
            f"{LIFE}/index.php/ningbo-news/3012-new-materials-science-and-technology-city-develops-with-talents.html",
            f"{LIFE}/index.php?option=com_content&view=article&id=3012:new-materials&catid=9&Itemid=102",
            f"{LIFE}/index.php?option=com_content&view=article&id=3012"]
    requests = [r for url in urls if (r := life.article_request(url)) is not None]
    assert [r.url for r in requests] == [urls[0]]
    assert life.article_request(NESTED) is not None  # another id


def test_a_joomla_article_stored_under_another_url_is_seen(tmp_path: Path) -> None:
    """The seen-file holds the normalized URLs articles were stored under (a non-SEF one sorted,
    Itemid dropped): a link of the same article in another form is unchanged, not new."""
    seen = tmp_path / "seen.txt"
    seen.write_text(normalize_url(NON_SEF.replace(LIFE, LIFE_LIVE)) + "\n"
                    + f"{LIFE_LIVE}/index.php/business-news/6044-innovation-boosts.html\n")
    spider = JoomlaSpider(base_url=LIFE, seen_file=seen)
    assert spider.article_request(f"{LIFE}/index.php/business-news/6604-r-d-investment-in-ningbo.html") is None
    assert spider.article_request(NESTED) is None
    assert len(spider.unchanged) == 2
    assert spider.article_request(f"{LIFE}/index.php/business-news/6605-another.html") is not None
    full = JoomlaSpider(base_url=LIFE, seen_file=seen, full=True)
    request = full.article_request(NESTED)
    assert request is not None and full.is_refetch(request.url)  # a --full crawl counts it refetched, not new


# --------------------------------------------------------------------------- reports
def _report(source: str, requests: int, new: int, statuses: dict[str, int]) -> dict:
    return {"source": source, "requests": requests, "responses_by_status": statuses,
            "articles": {"new": new, "unchanged": 1, "failed": 0}, "listings": 2, "errors": []}


def test_run_report_totals_are_the_sum_of_sources(tmp_path: Path) -> None:
    merge_run_report(RunPaths(tmp_path), _report("ningbo_gov", 10, 7, {"200": 9, "404": 1}))
    totals = merge_run_report(RunPaths(tmp_path), _report("ningbolife", 5, 3, {"200": 5}))
    on_disk = json.loads((tmp_path / "crawl_report.json").read_text())
    assert on_disk == totals
    assert totals["requests"] == 15
    assert totals["responses_by_status"] == {"200": 14, "404": 1}
    assert totals["articles"] == {"new": 10, "unchanged": 2, "failed": 0}
    assert sorted(totals["sources"]) == ["ningbo_gov", "ningbolife"]
    # re-crawling a source replaces its entry, never double counts
    totals = merge_run_report(RunPaths(tmp_path), _report("ningbolife", 6, 4, {"200": 6}))
    assert totals["requests"] == 16 and totals["articles"]["new"] == 11
    assert run_totals({})["requests"] == 0


# --------------------------------------------------------------------------- pipeline
def test_pipeline_writes_pages_and_counts_into_the_reports(tmp_path: Path) -> None:
    import gzip

    from scrapy.utils.test import get_crawler

    from core.sources import load_sources
    from crawlers.pipelines import RawPagePipeline
    from crawlers.settings import settings_for

    source = load_sources({"ningbo_gov": GOV})["ningbo_gov"]
    crawler = get_crawler(HanwebSpider, settings_for(source, tmp_path))
    stats = crawler.stats
    stats.set_value("downloader/request_count", 5)
    stats.set_value("downloader/response_status_count/200", 3)
    stats.set_value("downloader/response_status_count/404", 1)
    pipeline = RawPagePipeline.from_crawler(crawler)
    pipeline.open_spider()
    spider = HanwebSpider(base_url=GOV)
    url = f"{GOV}/art/2019/8/18/art_933_1016946.html"
    article = next(spider.parse_article(html_response(url, fixture("ningbo_gov", "art_933_1016946.html"),
                                                      request=Request(url, meta={"kind": "article"}))))
    listing = next(spider.parse_column(html_response(f"{GOV}/col/col933/index.html",
                                                     fixture("ningbo_gov", "col933_index.html"))))
    for item in (article, listing, FetchFailure(url=f"{GOV}/x", source="ningbo_gov", kind="article",
                                                error="HTTP 404", status=404)):
        assert pipeline.process_item(item) is item
    broken = html_response(f"{GOV}/art/2019/1/1/art_933_3.html", b"<html></html>",
                           request=Request(f"{GOV}/art/2019/1/1/art_933_3.html", meta={"kind": "article"}))
    pipeline.spider_error(Failure(ValueError("selector broke")), broken, spider)
    stats.set_value("newsetl/articles/unchanged", 2)
    pipeline.close_spider()
    pipeline.spider_closed(spider, "finished")

    raw = tmp_path / "raw" / "ningbo_gov"
    assert not (raw / "pages.jsonl.gz.part").exists()
    with gzip.open(raw / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        lines = [json.loads(line) for line in fh]
    assert [(p["kind"], p["url"]) for p in lines] == [("article", url), ("listing", f"{GOV}/col/col933/index.html")]
    assert lines[0]["canonical_url"] == f"{GOV_LIVE}/art/2019/8/18/art_933_1016946.html"
    report = json.loads((raw / "crawl_report.json").read_text())
    assert report["articles"] == {"new": 1, "unchanged": 2, "failed": 2}
    assert report["listings"] == 1
    assert report["requests"] == 5 and report["responses_by_status"] == {"200": 3, "404": 1}
    assert report["errors"] == [{"url": f"{GOV}/x", "error": "HTTP 404"},
                                {"url": f"{GOV}/art/2019/1/1/art_933_3.html", "error": "ValueError: selector broke"}]
    assert report["finish_reason"] == "finished" and report["base_url"] == GOV
    totals = json.loads((tmp_path / "crawl_report.json").read_text())
    assert totals["sources"] == {"ningbo_gov": report}
    assert totals["articles"] == report["articles"]


def test_settings_are_polite_live_and_fast_on_loopback(tmp_path: Path) -> None:
    from core.sources import load_sources
    from crawlers import settings as s

    live = load_sources()["ningbo_gov"]
    mirror = load_sources({"ningbo_gov": GOV})["ningbo_gov"]
    live_settings, mirror_settings = s.settings_for(live, tmp_path), s.settings_for(mirror, tmp_path)
    assert live_settings["DOWNLOAD_DELAY"] == 1.5 and live_settings["AUTOTHROTTLE_ENABLED"] is True
    assert live_settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert mirror_settings["DOWNLOAD_DELAY"] == 0 and mirror_settings["AUTOTHROTTLE_ENABLED"] is False
    assert s.ROBOTSTXT_OBEY is True and s.HTTPCACHE_ENABLED is False and s.TELNETCONSOLE_ENABLED is False
    for settings in (live_settings, mirror_settings):  # the registry's user agent, on every host
        assert settings["USER_AGENT"].startswith("newsetl/") and "contact" in settings["USER_AGENT"]
        assert settings["ROBOTSTXT_OBEY"] is True
    assert {429, 500, 503} <= set(s.RETRY_HTTP_CODES) and s.RETRY_TIMES == 3
    assert {304, 404, 410} == set(s.HTTPERROR_ALLOWED_CODES)
    assert s.DOWNLOAD_FAIL_ON_DATALOSS is False and s.DOWNLOAD_MAXSIZE == 5 * 1024 * 1024
    assert set(s.DOWNLOADER_MIDDLEWARES) == {"crawlers.middlewares.OffsiteGuardMiddleware",
                                             "crawlers.middlewares.CharsetMiddleware",
                                             "crawlers.middlewares.DataLossRetryMiddleware",
                                             "crawlers.middlewares.RetryBackoffMiddleware"}
    # charset repair sees decompressed bodies (HttpCompression is 590), backoff notes
    # Retry-After before RetryMiddleware (550) builds the retry
    assert 590 > s.DOWNLOADER_MIDDLEWARES["crawlers.middlewares.CharsetMiddleware"] > 550
    assert s.DOWNLOADER_MIDDLEWARES["crawlers.middlewares.OffsiteGuardMiddleware"] < 100  # before robots.txt
    assert s.DOWNLOADER_MIDDLEWARES["crawlers.middlewares.RetryBackoffMiddleware"] > 550
    assert live_settings.get("NEWSETL_RETRY_BACKOFF_BASE", s.NEWSETL_RETRY_BACKOFF_BASE) == 2.0
    assert mirror_settings["NEWSETL_RETRY_BACKOFF_BASE"] < 0.5 and mirror_settings["NEWSETL_RETRY_BACKOFF_MAX"] <= 1.0


def _merge_one(run_dir: str, name: str) -> None:
    merge_run_report(RunPaths(Path(run_dir)), _report(name, 1, 1, {"200": 1}))


def test_concurrent_merges_from_several_processes_lose_nothing(tmp_path: Path) -> None:
    import multiprocessing

    names = [f"source_{i}" for i in range(8)]
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_merge_one, args=(str(tmp_path), n)) for n in names]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * len(names)
    totals = json.loads((tmp_path / "crawl_report.json").read_text())
    assert sorted(totals["sources"]) == names
    assert totals["requests"] == 8 and totals["articles"]["new"] == 8


# --------------------------------------------------------------------------- URL dedup
def test_links_differing_only_in_view_and_tracking_params_make_one_normalized_request(life) -> None:
    art = f"{LIFE}/index.php/ningbo-news/5605-ningbo-science-and-technology-week-kicks-off.html"
    links = [(art + "?siteversion=2", {}), (art + "#comments", {}), (art + "?type=rss&utm_source=wechat", {}),
             (art + "?tmpl=component&print=1&layout=default", {}), (art.replace("http://", "HTTP://"), {})]
    requests = list(life.article_requests(links))
    assert [r.url for r in requests] == [art]
    assert requests[0].dont_filter  # the spider dedups; a redirect loop must not vanish in the dupefilter
    other = f"{LIFE}/index.php/ningbo-news/5606-another.html"
    # a parameter that names another document is kept: two requests
    assert [r.url for r in life.article_requests([(other + "?id=2", {}), (other + "#x", {}), (other, {})])] == [
        other + "?id=2", other]


# --------------------------------------------------------------------------- charset
def _gbk_page() -> bytes:
    return fixture("ningbo_gov", "art_934_500001_gb2312.html")


@pytest.mark.parametrize("header, body_name, expected", [
    ("text/html; charset=ISO-8859-1", "gbk", "gb18030"),   # servlet default, meta right: meta wins
    ("text/html; charset=utf-8", "gbk", "gb18030"),        # proxy stamps utf-8 on a GB2312 page
    ("text/html", "gbk", "gb18030"),                       # no header charset: the meta
    ("text/html; charset=gb2312", "utf8", "utf-8"),        # valid UTF-8 beats a wrong declaration
    ("text/html; charset=iso-8859-1", "utf8", "utf-8"),
    ("text/html; charset=gbk", "gbk_meta_latin1", "gbk"),  # a single-byte meta proves nothing
    ("text/html", "gbk_undeclared", "gb18030"),            # no charset anywhere: the sites' GB family
])
def test_choose_encoding_lets_the_bytes_decide(header: str, body_name: str, expected: str) -> None:
    from transforms.charset import choose_encoding, same_encoding

    bodies = {
        "gbk": _gbk_page(),
        "utf8": fixture("ningbo_gov", "art_933_1016946.html"),
        "gbk_meta_latin1": _gbk_page().replace(b"charset=gb2312", b"charset=iso-8859-1"),
        "gbk_undeclared": _gbk_page().replace(b"charset=gb2312", b""),
    }
    assert b"charset=gb2312" in bodies["gbk"] and bodies["gbk_meta_latin1"] != bodies["gbk"]
    assert same_encoding(choose_encoding(bodies[body_name], header), expected)


def test_choose_encoding_bom_and_ascii() -> None:
    from transforms.charset import choose_encoding

    assert choose_encoding(b"\xef\xbb\xbf<html>caf\xc3\xa9</html>", "text/html; charset=gbk") == "utf-8"
    assert choose_encoding(b"<html>plain ascii</html>", "text/html; charset=gbk") is None  # no evidence


def _crawler(spider_cls=HanwebSpider, base=GOV):
    """A crawler with the project's settings (RETRY_TIMES, ...) and its spider."""
    from scrapy.utils.test import get_crawler

    from crawlers import settings as project

    crawler = get_crawler(spider_cls, {k: getattr(project, k) for k in dir(project) if k.isupper()})
    crawler.spider = spider_cls.from_crawler(crawler, base_url=base)
    return crawler


def test_charset_middleware_redecodes_a_page_whose_header_lies() -> None:
    from crawlers.middlewares import STAT_CHARSET_CORRECTED, CharsetMiddleware

    crawler = _crawler()
    mw = CharsetMiddleware.from_crawler(crawler)
    url = f"{GOV}/art/2012/3/5/art_934_500001.html"
    request = Request(url, meta={"kind": "article"})
    lying = HtmlResponse(url=url, body=_gbk_page(), request=request,
                         headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    assert "宁波" not in lying.text  # what Scrapy (like a browser) would make of it
    fixed = mw.process_response(request, lying)
    assert "宁波" in fixed.text and "（Photo by Xu Neng）" in fixed.text
    (page,) = list(crawler.spider.parse_article(fixed))
    assert "宁波" in page.html and page.encoding == "gb18030"
    assert crawler.stats.get_value(STAT_CHARSET_CORRECTED) == 1
    honest = HtmlResponse(url=url, body=_gbk_page(), request=request,
                          headers={"Content-Type": "text/html; charset=GB2312"})
    assert mw.process_response(request, honest) is honest  # nothing to repair
    feed = XmlResponse(url=url, body=b"<rss/>", request=request)
    assert mw.process_response(request, feed) is feed
    assert crawler.stats.get_value(STAT_CHARSET_CORRECTED) == 1


# --------------------------------------------------------------------------- truncated bodies
def _retried_to_the_end(mw, request: Request, body: bytes, headers: dict | None = None) -> HtmlResponse:
    """Truncated answers to `request` until the middleware stops retrying: the last response."""
    for attempt in range(1, 4):  # RETRY_TIMES = 3
        response = HtmlResponse(url=request.url, body=body, request=request, flags=["dataloss"],
                                encoding="utf-8", headers=headers)
        retry = mw.process_response(request, response)
        assert isinstance(retry, Request) and retry.meta["retry_times"] == attempt
        request = retry
    kept = mw.process_response(request, HtmlResponse(url=request.url, body=body, request=request,
                                                     flags=["dataloss"], encoding="utf-8", headers=headers))
    assert isinstance(kept, HtmlResponse) and "dataloss" in kept.flags
    return kept


def test_truncated_article_is_retried_then_counted_failed_not_stored() -> None:
    """An article cut short on every try was stored as the article (393 of 986 characters, ending
    mid-sentence, nothing on the row saying so) and, seen, never fetched again: it is a failed
    fetch naming the truncation, like an HTTP 500."""
    from crawlers.middlewares import DataLossRetryMiddleware

    crawler = _crawler()
    mw = DataLossRetryMiddleware.from_crawler(crawler)
    url = f"{GOV}/art/2019/8/18/art_933_1016946.html"
    whole_body = fixture("ningbo_gov", "art_933_1016946.html")
    body = whole_body[:len(whole_body) // 2]
    request = crawler.spider.article_request(url)
    kept = _retried_to_the_end(mw, request, body, {"Content-Length": str(len(whole_body))})
    (item,) = list(crawler.spider.parse_article(kept))
    assert item == FetchFailure(url=url, source="ningbo_gov", kind="article", status=None,
                                error=f"truncated response: got {len(body)} of {len(whole_body)} bytes after 4 tries")
    # no Content-Length (a chunked body cut short): the bytes that came, and the tries
    (item,) = list(crawler.spider.parse_article(_retried_to_the_end(mw, crawler.spider.article_request(
        url.replace("1016946", "1016947")), body)))
    assert item.error == f"truncated response: got {len(body)} bytes after 4 tries"
    whole = HtmlResponse(url=url, body=whole_body, request=request, encoding="utf-8")
    assert mw.process_response(request, whole) is whole
    (page,) = list(crawler.spider.parse_article(whole))
    assert isinstance(page, RawPage) and page.truncated is False


def test_truncated_listing_is_kept_and_flagged() -> None:
    """A listing cut short stays best effort: its links are still usable."""
    from crawlers.middlewares import DataLossRetryMiddleware

    crawler = _crawler()
    mw = DataLossRetryMiddleware.from_crawler(crawler)
    url = f"{GOV}/col/col933/index.html"
    body = fixture("ningbo_gov", "col933_index.html")
    kept = _retried_to_the_end(mw, Request(url, meta={"kind": "listing"}), body[: len(body) * 9 // 10])
    pages, _requests, failures = split(crawler.spider.parse_column(kept))
    assert failures == [] and [(p.kind, p.truncated) for p in pages] == [("listing", True)]
    assert "<html" in pages[0].html and pages[0].html == kept.text  # the partial text, as it came


def test_truncated_joomla_article_tries_its_print_view_then_fails() -> None:
    from crawlers.middlewares import DataLossRetryMiddleware

    crawler = _crawler(JoomlaSpider, LIFE)
    mw, life = DataLossRetryMiddleware.from_crawler(crawler), crawler.spider
    body = fixture("ningbolife", "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
    cut = body[: len(body) // 2]
    kept = _retried_to_the_end(mw, life.article_request(LIFE_ART, listing_title="T"), cut)
    (fallback,) = list(life.parse_article(kept))
    assert isinstance(fallback, Request) and fallback.url == f"{LIFE_ART}?{PRINT_QUERY}"
    assert fallback.meta["via"] == "print" and fallback.meta["article_url"] == LIFE_ART
    assert "retry_times" not in fallback.meta  # the print view gets its own retries
    (item,) = list(life.parse_article(_retried_to_the_end(mw, fallback, cut)))
    reason = f"truncated response: got {len(cut)} bytes after 4 tries"
    assert item == FetchFailure(url=LIFE_ART, source="ningbolife", kind="article", status=None,
                                error=f"{reason}; print view: {reason}")


# --------------------------------------------------------------------------- retry backoff
def test_backoff_doubles_honours_retry_after_and_is_capped() -> None:
    from email.utils import formatdate

    from crawlers.middlewares import backoff_delay, retry_after_seconds

    assert [backoff_delay(n, 2.0, 60.0) for n in (0, 1, 2, 3)] == [0.0, 2.0, 4.0, 8.0]
    assert backoff_delay(1, 2.0, 60.0, retry_after=30) == 30.0
    assert backoff_delay(3, 2.0, 60.0, retry_after=1) == 8.0
    assert backoff_delay(1, 2.0, 60.0, retry_after=3600) == 60.0
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    import time
    assert 50 < retry_after_seconds(formatdate(time.time() + 60, usegmt=True)) <= 60


def test_retry_after_is_noted_for_the_retry_and_forgotten_afterwards() -> None:
    from crawlers.middlewares import META_RETRY_AFTER, RetryBackoffMiddleware

    mw = RetryBackoffMiddleware.from_crawler(_crawler())
    url = f"{GOV}/col/col933/index.html"
    request = Request(url)
    mw.process_response(request, HtmlResponse(url=url, status=503, headers={"Retry-After": "7"}, request=request))
    assert request.meta[META_RETRY_AFTER] == 7.0
    mw.process_response(request, HtmlResponse(url=url, status=500, request=request))
    assert META_RETRY_AFTER not in request.meta


# --------------------------------------------------------------------------- failure reasons
def test_redirect_loops_size_cap_and_robots_get_readable_reasons(gov) -> None:
    from scrapy.exceptions import DownloadCancelledError, IgnoreRequest

    url = f"{GOV}/art/2019/4/22/art_933_997834.html"
    looped = Request(url, meta={"kind": "article", "via": "direct", "redirect_times": 5,
                                "redirect_urls": [url] * 5})
    failure = Failure(IgnoreRequest("max redirections reached"))
    failure.request = looped
    (item,) = list(gov.on_error(failure))
    assert item == FetchFailure(url=url, source="ningbo_gov", kind="article",
                                error="redirect loop: gave up after 5 redirects")
    huge = Failure(DownloadCancelledError(
        f"Expected to receive 6291456 bytes which is larger than download max size (5242880) in request <GET {url}>."))
    huge.request = Request(url, meta={"kind": "article", "via": "direct"})
    (item,) = list(gov.on_error(huge))
    assert item.error == "too large: 6291456 bytes > DOWNLOAD_MAXSIZE 5242880" and item.kind == "article"
    robots = Failure(IgnoreRequest("Forbidden by robots.txt"))
    robots.request = Request(url, meta={"kind": "article", "via": "direct"})
    assert next(gov.on_error(robots)).error == "robots.txt: disallowed"


# --------------------------------------------------------------------------- print fallback
LIFE_ART = f"{LIFE}/index.php/ningbo-news/5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
PRINT_QUERY = "tmpl=component&print=1&layout=default"


def _http_failure(request: Request, status: int) -> Failure:
    failure = Failure(HttpError(html_response(request.url, b"err", status=status, request=request), "bad"))
    failure.request = request
    return failure


def test_failed_joomla_article_falls_back_to_its_print_view(life) -> None:
    request = life.article_request(LIFE_ART, listing_title="T", listing_url=f"{LIFE}/index.php/ningbo-news.html")
    (fallback,) = list(life.on_error(_http_failure(request, 500)))
    assert isinstance(fallback, Request)
    assert fallback.url == f"{LIFE_ART}?{PRINT_QUERY}" and fallback.dont_filter
    assert fallback.meta["via"] == "print" and fallback.meta["article_url"] == LIFE_ART
    assert fallback.meta["listing_title"] == "T"
    body = fixture("ningbolife", "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
    (page,) = list(life.parse_article(html_response(fallback.url, body, request=fallback)))
    assert isinstance(page, RawPage) and page.kind == "article" and page.via == "print"
    assert page.url == LIFE_ART and page.final_url == f"{LIFE_ART}?{PRINT_QUERY}"
    assert page.canonical_url == LIFE_ART.replace(LIFE, LIFE_LIVE)
    assert normalize_url(page.canonical_url) == normalize_url(page.final_url.replace(LIFE, LIFE_LIVE))

    # the print view failing too: one failure, under the article's URL, with both reasons
    (item,) = list(life.on_error(_http_failure(fallback, 503)))
    assert item == FetchFailure(url=LIFE_ART, source="ningbolife", kind="article",
                                error="HTTP 500; print view: HTTP 503", status=503)
    (item,) = list(life.parse_article(html_response(fallback.url, b"gone", status=404, request=fallback)))
    assert item.url == LIFE_ART and item.error == "HTTP 500; print view: HTTP 404"


def test_no_print_fallback_for_permanent_failures_listings_or_hanweb(life, gov) -> None:
    request = life.article_request(LIFE_ART)
    refused = Failure(TxConnectionRefusedError("refused"))
    refused.request = request
    assert [type(x) for x in life.on_error(refused)] == [FetchFailure]  # the host is down
    assert [type(x) for x in life.on_error(_http_failure(request, 403))] == [FetchFailure]
    (gone,) = list(life.parse_article(html_response(LIFE_ART, b"x", status=404, request=request)))
    assert gone.error == "HTTP 404"
    listing = Request(f"{LIFE}/index.php/ningbo-news.html", meta={"kind": "listing"})
    assert [type(x) for x in life.on_error(_http_failure(listing, 500))] == [FetchFailure]
    gov_request = gov.article_request(f"{GOV}/art/2019/8/18/art_933_1016946.html")
    (item,) = list(gov.on_error(_http_failure(gov_request, 500)))
    assert isinstance(item, FetchFailure) and item.error == "HTTP 500"  # Hanweb has no print view


# --------------------------------------------------------------------------- conditional GET
def _column_response(request: Request, col: str = "933", status: int = 200, etag: str = '"v1"') -> HtmlResponse:
    body = fixture("ningbo_gov", f"col{col}_index.html") if status == 200 else b""
    headers = {"ETag": etag, "Last-Modified": "Mon, 02 Nov 2026 08:00:00 GMT"} if status in (200, 304) else {}
    return HtmlResponse(url=request.url, body=body, request=request, status=status, encoding="utf-8",
                        headers=headers)


def test_complete_chains_store_validators_and_links_for_the_next_run(tmp_path: Path) -> None:
    from crawlers.state import load_state

    state = tmp_path / "state" / "ningbo_gov" / "http_validators.json"
    spider = HanwebSpider(base_url=GOV, state_file=state)
    col933, col934 = asyncio.run(_collect(spider))
    assert "If-None-Match" not in col933.headers  # nothing stored yet
    _, requests, _ = split(spider.parse_column(_column_response(col933)))
    proxy = next(r for r in requests if isinstance(r, FormRequest))
    assert proxy.meta["listing_root"] == col933.url and "listing_is_root" not in proxy.meta
    dataproxy(spider, proxy, "dataproxy_col933_16_30.xml")
    # col934: the column page is fine but its first dataproxy group fails -> incomplete
    _, requests, _ = split(spider.parse_column(_column_response(col934, "934")))
    proxy934 = next(r for r in requests if isinstance(r, FormRequest))
    (failure,) = list(spider.on_error(_http_failure(proxy934, 500)))
    assert failure.kind == "listing"
    spider.closed("finished")

    stored = load_state(state)
    assert list(stored) == [col933.url]
    entry = stored[col933.url]
    assert entry.etag == '"v1"' and entry.last_modified == "Mon, 02 Nov 2026 08:00:00 GMT"
    assert len(entry.links) == 17  # 15 embedded + 2 from the dataproxy group
    assert f"{GOV}/art/2019/1/28/art_933_981487.html" in {u for u, _ in entry.links}

    again = HanwebSpider(base_url=GOV, state_file=state)
    col933, col934 = asyncio.run(_collect(again))
    assert col933.headers["If-None-Match"] == b'"v1"'
    assert col933.headers["If-Modified-Since"] == b"Mon, 02 Nov 2026 08:00:00 GMT"
    assert "If-None-Match" not in col934.headers
    full = HanwebSpider(base_url=GOV, state_file=state, full=True)
    assert all("If-None-Match" not in r.headers for r in asyncio.run(_collect(full)))


def test_not_modified_column_skips_dataproxy_and_replays_stored_links(tmp_path: Path) -> None:
    from crawlers.spiders.base import STAT_NOT_MODIFIED
    from crawlers.state import ListingEntry, load_state, save_state

    state = tmp_path / "http_validators.json"
    root = f"{GOV}/col/col933/index.html"
    stored = [f"{GOV}/art/2019/8/18/art_933_1016946.html", f"{GOV}/art/2019/1/28/art_933_981487.html"]
    save_state(state, {root: ListingEntry('"v1"', None, [(u, {"listing_url": root}) for u in stored])})
    seen = tmp_path / "seen.txt"
    seen.write_text(stored[0].replace(GOV, GOV_LIVE) + "\n")
    from scrapy.utils.test import get_crawler
    crawler = get_crawler(HanwebSpider)
    spider = HanwebSpider.from_crawler(crawler, base_url=GOV, state_file=state, seen_file=seen)
    col933, _ = asyncio.run(_collect(spider))
    pages, requests, failures = split(spider.parse_column(_column_response(col933, status=304)))
    assert pages == [] and failures == []  # a 304 is not a page
    assert not any(isinstance(r, FormRequest) for r in requests)  # dataproxy groups skipped
    # the stored article is unchanged; the one never stored (e.g. failed last time) is fetched
    assert [r.url for r in requests] == [stored[1]]
    assert spider.unchanged == {normalize_url(stored[0].replace(GOV, GOV_LIVE))}
    assert crawler.stats.get_value(STAT_NOT_MODIFIED) == 1
    spider.closed("finished")
    assert load_state(state)[root].etag == '"v1"'  # kept for the next run
    spider.closed("shutdown")  # an interrupted crawl never rewrites the state
    # a 304 nobody asked for (no stored copy) is a failed listing, not silence
    stranger = HanwebSpider(base_url=GOV)
    first, _ = asyncio.run(_collect(stranger))
    (failure,) = list(stranger.parse_column(_column_response(first, status=304)))
    assert failure.kind == "listing" and failure.error == "HTTP 304 without a stored copy"


def test_interrupted_crawl_stores_nothing_and_unreadable_state_is_ignored(tmp_path: Path) -> None:
    from crawlers.state import load_state

    state = tmp_path / "http_validators.json"
    spider = HanwebSpider(base_url=GOV, state_file=state)
    col933, _ = asyncio.run(_collect(spider))
    list(spider.parse_column(_column_response(col933)))
    spider.closed("shutdown")
    assert not state.exists()
    state.write_text("{not json")
    assert load_state(state) == {}
    assert all("If-None-Match" not in r.headers
               for r in asyncio.run(_collect(HanwebSpider(base_url=GOV, state_file=state))))


def test_ningbolife_blog_chain_records_links_of_every_page(tmp_path: Path) -> None:
    from crawlers.state import load_state

    state = tmp_path / "http_validators.json"
    spider = JoomlaSpider(base_url=LIFE, state_file=state)
    blog, business, feed = asyncio.run(_collect(spider))
    first = html_response(blog.url, fixture("ningbolife", "ningbo-news.html"), request=blog,
                          headers={"ETag": '"b1"'})
    _, requests, _ = split(spider.parse_blog(first))
    (page2,) = [r for r in requests if r.callback == spider.parse_blog]
    assert page2.meta["listing_root"] == blog.url and page2.dont_filter
    _, requests, _ = split(spider.parse_blog(html_response(page2.url, fixture("ningbolife", "ningbo-news_start5.html"),
                                                           request=page2)))
    (page3,) = [r for r in requests if r.callback == spider.parse_blog]
    split(spider.parse_blog(html_response(page3.url, fixture("ningbolife", "ningbo-news_start10.html"), request=page3)))
    # a Next link back to a page already requested is not followed again
    assert spider.follow_listing(page2.replace(dont_filter=False)) is None
    spider.closed("finished")
    stored = load_state(state)
    assert list(stored) == [blog.url]  # business-news and the feed were never answered
    assert len(stored[blog.url].links) == 9  # 5 + 2 + 2 items


def test_report_counts_print_fallbacks_truncations_not_modified_and_charset(tmp_path: Path) -> None:
    import dataclasses

    from scrapy.utils.test import get_crawler

    from core.sources import load_sources
    from crawlers.pipelines import RawPagePipeline
    from crawlers.settings import settings_for

    source = load_sources({"ningbolife": LIFE})["ningbolife"]
    crawler = get_crawler(JoomlaSpider, settings_for(source, tmp_path))
    pipeline = RawPagePipeline.from_crawler(crawler)
    pipeline.open_spider()
    body = fixture("ningbolife", "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
    request = Request(LIFE_ART, meta={"kind": "article", "via": "direct"})
    page = next(JoomlaSpider(base_url=LIFE).parse_article(html_response(LIFE_ART, body, request=request)))
    other = LIFE_ART.replace("5812", "5813")
    whole, first_only = LIFE_ART.replace("5812", "5814"), LIFE_ART.replace("5812", "5815")
    for item in (page, dataclasses.replace(page, url=other, via="print"),
                 dataclasses.replace(page, url=LIFE_ART + "x", truncated=True),
                 dataclasses.replace(page, url=whole, via="all_pages"),
                 dataclasses.replace(page, url=first_only, via="first_page")):
        pipeline.process_item(item)
    crawler.stats.set_value("newsetl/listings/not_modified", 3)
    crawler.stats.set_value("newsetl/charset/corrected", 1)
    pipeline.close_spider()
    pipeline.spider_closed(JoomlaSpider(base_url=LIFE), "finished")
    report = json.loads((tmp_path / "raw" / "ningbolife" / "crawl_report.json").read_text())
    assert report["articles"] == {"new": 5, "unchanged": 0, "failed": 0}
    assert (report["articles_via_print"], report["pages_truncated"]) == (1, 1)
    assert (report["articles_all_pages"], report["articles_first_page_only"]) == (1, 1)
    assert (report["listings_not_modified"], report["charset_corrected"]) == (3, 1)
    assert report["warnings"] == [
        {"url": other, "warning": "article page failed; stored its print view"},
        {"url": LIFE_ART + "x", "warning": "truncated response kept as received (best effort)"},
        {"url": first_only, "warning": "multipage article: the site served its first page only (no all-pages "
                                       "view); the later pages are missing"},
    ]
    assert report["errors"] == []
    totals = json.loads((tmp_path / "crawl_report.json").read_text())
    assert (totals["articles_via_print"], totals["listings_not_modified"], totals["warning_count"]) == (1, 3, 3)
    assert (totals["articles_all_pages"], totals["articles_first_page_only"]) == (1, 1)
    import gzip
    with gzip.open(tmp_path / "raw" / "ningbolife" / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        stored = [json.loads(line) for line in fh]
    assert [(p["via"], p["truncated"]) for p in stored] == [("direct", False), ("print", False), ("direct", True),
                                                           ("all_pages", False), ("first_page", False)]


def test_a_body_cancelled_at_the_size_cap_is_named_too_large() -> None:
    """Scrapy cancels a body without Content-Length (an endless stream) once it passes
    DOWNLOAD_MAXSIZE, with an empty message: the crawl report still says why."""
    from scrapy.exceptions import DownloadCancelledError

    from crawlers.spiders.base import describe_failure

    reason = describe_failure(Failure(DownloadCancelledError()))
    assert reason.startswith("too large:") and "DOWNLOAD_MAXSIZE" in reason


def test_a_gzip_bomb_stopped_at_the_size_cap_is_named_too_large() -> None:
    from scrapy.exceptions import IgnoreRequest

    from crawlers.spiders.base import describe_failure

    message = ("Ignored response <200 http://127.0.0.1:1/a.html> because its body (268435 B compressed, "
               "5242881 B decompressed so far) exceeded DOWNLOAD_MAXSIZE (5242880 B) during decompression.")
    assert describe_failure(Failure(IgnoreRequest(message))) == (
        "too large: 268435 bytes compressed inflated past DOWNLOAD_MAXSIZE 5242880 (stopped at 5242881 bytes)")


def test_jpage_form_reads_a_quoted_value_whole_and_unquotes_nextgroup_values() -> None:
    """A morecolumndataproxy list names several columns in one quoted value (jshrss.jiangsu.gov.cn's
    columnid "77276,77277,...", keyWordCount, sourceContentType 3 as public scrapers of it send them): read
    to the closing quote, not to the first comma. A nextgroup link written with quoted values
    (zfcg.nantong.gov.cn: `path='/'&...&webname='...'`) gives them unquoted."""
    scripts = ("$('#313354').jpage({proxyUrl:'/module/web/jpage/morecolumndataproxy.jsp', ajaxParam:{col:1,"
               "appid:1,webid:67,path:'/',columnid:'77276,77277,77278',sourceContentType:3,unitid:'313354',"
               "keyWordCount:999,webname:\"Jiangsu HRSS, Nanjing\",permissiontype:0}, perPage:15});")
    form = dataproxy_form(None, scripts, "77273")
    assert (form["columnid"], form["unitid"], form["webname"], form["sourceContentType"], form["keyWordCount"]) == (
        "77276,77277,77278", "313354", "Jiangsu HRSS, Nanjing", "3", "999")
    nextgroup = ("/module/jslib/jquery/jpage/dataproxy.jsp?page=1&appid=1&appid=1&webid=60&path='/'&columnid=31685"
                 "&unitid=80325&webname='Site'&permissiontype=0")
    form = dataproxy_form(nextgroup, "", None)
    assert (form["path"], form["webname"], form["columnid"], form["unitid"]) == ("/", "Site", "31685", "80325")
    assert "keyWordCount" not in dataproxy_form(None, "", "933")
