"""Offline spider tests: saved responses (tests/fixtures/html) fed straight into the callbacks."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.http import FormRequest, HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError as TxConnectionRefusedError
from twisted.python.failure import Failure

from crawlers.items import FetchFailure, RawPage
from crawlers.report import merge_run_report, run_totals
from crawlers.spiders.ningbo_gov import NingboGovSpider
from crawlers.spiders.ningbolife import NingbolifeSpider
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
def gov() -> NingboGovSpider:
    return NingboGovSpider(base_url=GOV)


def column(spider: NingboGovSpider, col: str, name: str | None = None):
    url = f"{GOV}/col/col{col}/index.html"
    return split(spider.parse_column(html_response(url, fixture("ningbo_gov", name or f"col{col}_index.html"))))


def dataproxy(spider: NingboGovSpider, request: FormRequest, name: str):
    response = XmlResponse(url=request.url, body=fixture("ningbo_gov", name), encoding="utf-8",
                           request=request)
    return split(request.callback(response, **request.cb_kwargs))


def test_start_requests_come_from_sources_listings_on_the_base_url(gov: NingboGovSpider) -> None:
    async def collect() -> list[Request]:
        return [r async for r in gov.start()]

    requests = asyncio.run(collect())
    assert [r.url for r in requests] == [f"{GOV}/col/col933/index.html", f"{GOV}/col/col934/index.html"]
    assert all(r.callback == gov.parse_column for r in requests)
    live = NingboGovSpider()
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
    spider = NingboGovSpider(base_url=GOV, seen_file=str(seen_file))
    _, requests, _ = column(spider, "933")
    urls = {r.url for r in requests if r.callback == spider.parse_article}
    assert len(urls) == 14
    assert f"{GOV}/art/2019/8/18/art_933_1016946.html" not in urls
    assert spider.unchanged == {normalize_url(stored)}
    # listing paging is unaffected
    assert any(isinstance(r, FormRequest) for r in requests)

    full = NingboGovSpider(base_url=GOV, seen_file=str(seen_file), full="true")
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
def life() -> NingbolifeSpider:
    return NingbolifeSpider(base_url=LIFE)


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
    assert len(split(NingbolifeSpider(base_url=LIFE).parse_feed(text))[1]) == 3


def test_feed_and_blog_share_the_dedupe_and_seen_filter(tmp_path: Path) -> None:
    seen = tmp_path / "seen.txt"
    seen.write_text(f"{LIFE_LIVE}/index.php/ningbo-news/5785-ningbo-foreign-trade-rebounds-in-april.html?type=rss\n")
    spider = NingbolifeSpider(base_url=LIFE, seen_file=seen)
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


def test_non_article_links_are_not_requested(life, gov) -> None:
    assert life.article_request(f"{LIFE}/index.php/ningbo-news.html?start=5") is None
    assert life.article_request(f"{LIFE}/index.php/charity-shop.html") is None
    assert life.article_request(f"{LIFE}/index.php/ningbo-news/5605-x.html") is not None
    assert gov.article_request(f"{GOV}/col/col933/index.html") is None
    assert gov.article_request(f"{GOV}/art/2019/8/18/art_933_1016946.html") is not None


# --------------------------------------------------------------------------- reports
def _report(source: str, requests: int, new: int, statuses: dict[str, int]) -> dict:
    return {"source": source, "requests": requests, "responses_by_status": statuses,
            "articles": {"new": new, "unchanged": 1, "failed": 0}, "listings": 2, "errors": []}


def test_run_report_totals_are_the_sum_of_sources(tmp_path: Path) -> None:
    merge_run_report(tmp_path, _report("ningbo_gov", 10, 7, {"200": 9, "404": 1}))
    totals = merge_run_report(tmp_path, _report("ningbolife", 5, 3, {"200": 5}))
    on_disk = json.loads((tmp_path / "crawl_report.json").read_text())
    assert on_disk == totals
    assert totals["requests"] == 15
    assert totals["responses_by_status"] == {"200": 14, "404": 1}
    assert totals["articles"] == {"new": 10, "unchanged": 2, "failed": 0}
    assert sorted(totals["sources"]) == ["ningbo_gov", "ningbolife"]
    # re-crawling a source replaces its entry, never double counts
    totals = merge_run_report(tmp_path, _report("ningbolife", 6, 4, {"200": 6}))
    assert totals["requests"] == 16 and totals["articles"]["new"] == 11
    assert run_totals({})["requests"] == 0


# --------------------------------------------------------------------------- pipeline
def test_pipeline_writes_pages_and_counts_into_the_reports(tmp_path: Path) -> None:
    import gzip

    from scrapy.utils.test import get_crawler

    from crawlers.pipelines import RawPagePipeline
    from crawlers.settings import settings_for
    from newsetl.config import load_sources

    source = load_sources({"ningbo_gov": GOV})["ningbo_gov"]
    crawler = get_crawler(NingboGovSpider, settings_for(source, tmp_path))
    stats = crawler.stats
    stats.set_value("downloader/request_count", 5)
    stats.set_value("downloader/response_status_count/200", 3)
    stats.set_value("downloader/response_status_count/404", 1)
    pipeline = RawPagePipeline.from_crawler(crawler)
    pipeline.open_spider()
    spider = NingboGovSpider(base_url=GOV)
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
    from crawlers import settings as s
    from newsetl.config import load_sources

    live = load_sources()["ningbo_gov"]
    mirror = load_sources({"ningbo_gov": GOV})["ningbo_gov"]
    live_settings, mirror_settings = s.settings_for(live, tmp_path), s.settings_for(mirror, tmp_path)
    assert live_settings["DOWNLOAD_DELAY"] == 1.5 and live_settings["AUTOTHROTTLE_ENABLED"] is True
    assert live_settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert mirror_settings["DOWNLOAD_DELAY"] == 0 and mirror_settings["AUTOTHROTTLE_ENABLED"] is False
    assert s.ROBOTSTXT_OBEY is True and s.HTTPCACHE_ENABLED is False and s.TELNETCONSOLE_ENABLED is False
    assert s.USER_AGENT.startswith("newsetl/") and "contact" in s.USER_AGENT
    assert {429, 500, 503} <= set(s.RETRY_HTTP_CODES) and s.RETRY_TIMES == 3
    assert {404, 410} == set(s.HTTPERROR_ALLOWED_CODES)


def _merge_one(run_dir: str, name: str) -> None:
    merge_run_report(Path(run_dir), _report(name, 1, 1, {"200": 1}))


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
