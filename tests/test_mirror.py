"""The offline mirror (devtools.mirror) over real loopback HTTP with urllib."""
from __future__ import annotations

import http.client
import re
import socket
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import lxml.html
import pytest

from core.sources import parse_base_urls
from devtools import LOOPBACK, PAGES_DIR, refused_port
from devtools.mirror import FaultPlan, Mirror, resolve_file, start_mirror

GOV_ARTICLE = "/art/2019/8/18/art_933_1016946.html"
GBK_ARTICLE = "/art/2019/2/26/art_934_988102.html"
LIFE_ARTICLE = "/index.php/ningbo-news/5801-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
FEED = "/index.php/ningbo-news.html?format=feed&type=rss"
DATAPROXY = "/module/web/jpage/dataproxy.jsp"
OLD_DATAPROXY = "/module/jpage/dataproxy.jsp"
LIVE_LIFE = "http://www.ningbolife.com"
JPAGE_INT_RE = r"{}\s*:\s*(\d+)"
STORE_RE = re.compile(r'<script type="text/xml">(.*?)</script>', re.S)
HREF_RE = re.compile(r'href="([^"]+)"')
TIMEOUT = 10


@pytest.fixture(scope="module")
def mirror() -> Iterator[Mirror]:
    with start_mirror() as m:
        yield m


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET",
        data: bytes | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
    req = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def dataproxy(base: str, column: int | None, start: int, end: int, per_page: int,
              path: str = DATAPROXY) -> tuple[int, bytes]:
    form = {"col": 1, "appid": 1, "webid": 6, "path": "/", "sourceContentType": 1,
            "unitid": 4375, "permissiontype": 0}
    if column is not None:
        form["columnid"] = column
    query = urlencode({"startrecord": start, "endrecord": end, "perpage": per_page})
    status, _, body = get(f"{base}{path}?{query}", method="POST", data=urlencode(form).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "Referer": f"{base}/col/col{column}/index.html"})
    return status, body


def column_files(column: int) -> set[str]:
    root = PAGES_DIR / "ningbo_gov"
    return {"/" + p.relative_to(root).as_posix() for p in root.glob(f"art/**/art_{column}_*.html")}


# ------------------------------------------------------------------ basics
def test_a_refused_port_refuses_connections_and_cannot_be_taken_until_released() -> None:
    """The "dead" endpoint of the unreachable-service tests: a port from free_port() is
    released at once, so a server another xdist worker starts could take it in between."""
    with refused_port() as port:
        with socket.socket() as client, pytest.raises(ConnectionRefusedError):
            client.connect((LOOPBACK, port))
        with socket.socket() as server:
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            with pytest.raises(OSError, match="in use"):
                server.bind((LOOPBACK, port))
    with socket.socket() as server:  # released when the block ends
        server.bind((LOOPBACK, port))


def test_base_urls_are_loopback_and_env_value_round_trips(mirror: Mirror) -> None:
    assert set(mirror.base_urls) == {"ningbo_gov", "ningbolife"}
    assert all(urlsplit(u).hostname == "127.0.0.1" and urlsplit(u).port for u in mirror.base_urls.values())
    assert parse_base_urls(mirror.env_value()) == mirror.base_urls
    assert len({urlsplit(u).port for u in mirror.base_urls.values()}) == 2


def test_article_is_served_with_its_declared_charset(mirror: Mirror) -> None:
    status, headers, body = get(mirror.base_urls["ningbo_gov"] + GOV_ARTICLE)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (PAGES_DIR / "ningbo_gov" / GOV_ARTICLE.lstrip("/")).read_bytes()
    assert headers["ETag"] and headers["Last-Modified"]


def test_gbk_page_decodes_with_the_declared_charset(mirror: Mirror) -> None:
    status, headers, body = get(mirror.base_urls["ningbo_gov"] + GBK_ARTICLE)
    assert status == 200
    charset = headers.get_content_charset()
    assert charset == "gb2312"
    text = body.decode(charset)
    assert "【Trademarks】" in text and "（up 77,300 in one year）" in text
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_missing_paths_and_internal_files_are_404(mirror: Mirror) -> None:
    gov = mirror.base_urls["ningbo_gov"]
    for path in ("/art/2019/8/18/art_933_1.html", "/col/col933/records.xml", "/../ningbolife/robots.txt",
                 "/index.php/ningbo-news.html@start=5", "/nothing/"):
        base = mirror.base_urls["ningbolife"] if path.startswith("/index.php") else gov
        status, headers, _ = get(base + path)
        assert status == 404, path
    assert get(gov + "/robots.txt")[0] == 200
    assert get(gov + "/col/col933/")[2] == get(gov + "/col/col933/index.html")[2]


def test_conditional_get_answers_304(mirror: Mirror) -> None:
    url = mirror.base_urls["ningbolife"] + LIFE_ARTICLE
    _, headers, body = get(url)
    status, h304, again = get(url, {"If-None-Match": headers["ETag"]})
    assert status == 304 and again == b"" and h304["ETag"] == headers["ETag"]
    assert get(url, {"If-None-Match": '"something-else"'})[0] == 200
    assert get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(url, {"If-Modified-Since": formatdate(0, usegmt=True)})[0] == 200


def test_head_has_headers_and_no_body(mirror: Mirror) -> None:
    url = mirror.base_urls["ningbolife"] + LIFE_ARTICLE
    status, headers, body = get(url, method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


# ------------------------------------------------------------------ Joomla
def test_live_host_links_are_rewritten_to_the_mirror(mirror: Mirror) -> None:
    base = mirror.base_urls["ningbolife"]
    _, _, body = get(base + LIFE_ARTICLE)
    tree = lxml.html.fromstring(body)
    assert tree.xpath("//base/@href") == [base + LIFE_ARTICLE]
    assert LIVE_LIFE.encode() not in body
    # the file itself keeps the live host, as the site renders it
    assert LIVE_LIFE.encode() in (PAGES_DIR / "ningbolife" / LIFE_ARTICLE.lstrip("/")).read_bytes()


def test_query_variants_map_to_stored_files(mirror: Mirror) -> None:
    base = mirror.base_urls["ningbolife"]
    page1 = get(base + "/index.php/ningbo-news.html")[2]
    page2 = get(base + "/index.php/ningbo-news.html?start=5")[2]
    assert page1 != page2 and b"Page 2 of" in page2
    assert get(base + "/index.php/ningbo-news.html?start=0")[2] == page1
    feed = get(base + FEED)[2]
    assert get(base + "/index.php/ningbo-news.html?type=rss&format=feed")[2] == feed
    assert get(base + "/index.php/ningbo-news.html?format=feed&type=rss&siteversion=2")[2] == feed
    assert get(base + LIFE_ARTICLE + "?siteversion=2")[2] == get(base + LIFE_ARTICLE)[2]


def _text(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


@pytest.mark.parametrize("article", [
    LIFE_ARTICLE,  # Beez3 override: ul.actions
    "/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html",  # core: div.icons
])
def test_print_view_is_the_component_only_template(mirror: Mirror, article: str) -> None:
    from transforms.page import parse_page

    base = mirror.base_urls["ningbolife"]
    _, _, full_body = get(base + article)
    status, headers, body = get(base + article + "?tmpl=component&print=1&layout=default")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    full, printed = lxml.html.fromstring(full_body), lxml.html.fromstring(body)
    # the article itself, unchanged
    assert _text(printed, '//div[contains(@class, "item-page")]//h2') == _text(full, '//div[contains(@class, "item-page")]//h2')
    assert _text(printed, "//dd") == _text(full, "//dd")
    assert _text(printed, '//div[contains(@class, "item-page")]//p') == [
        t for t in _text(full, '//div[contains(@class, "item-page")]//p')]
    # ... in the component template: no header module, menus, breadcrumbs, modules, footer
    text = printed.text_content()
    for furniture in ("Copyright 2020 - Custom text here", "Visit Charity Shop", "Back to Top", "You are here",
                      "Business News", "Skip to content"):
        assert furniture in full.text_content() and furniture not in text, furniture
    assert printed.xpath('//body/@class') == ["contentpane"]
    assert not printed.xpath('//ul[contains(@class, "menu")] | //header | //footer | //div[@id="right"]')
    # print mode: a print-screen button instead of the icons, no share links, not indexed
    assert printed.xpath('//div[@id="pop-print"]//a[@onclick="window.print();return false;"]')
    assert not printed.xpath('//li[@class="print-icon"] | //li[@class="email-icon"] | //div[@class="share-links"]')
    assert printed.xpath('//meta[@name="robots"]/@content') == ["noindex, nofollow"]
    assert printed.xpath("//base/@href") == full.xpath("//base/@href") == [base + article]
    # the transform reads the same article from both
    live_url = LIVE_LIFE + article
    a = parse_page(full_body.decode(), url=live_url, source="ningbolife", template="joomla")
    b = parse_page(body.decode(), url=live_url, source="ningbolife", template="joomla")
    assert (b.title, b.published, b.section, b.body, b.captions) == (a.title, a.published, a.section, a.body, a.captions)


def test_component_view_without_print_keeps_icons_and_other_pages_are_untouched(mirror: Mirror) -> None:
    base = mirror.base_urls["ningbolife"]
    _, _, body = get(base + LIFE_ARTICLE + "?tmpl=component")
    tree = lxml.html.fromstring(body)
    assert tree.xpath('//body/@class') == ["contentpane"] and "Visit Charity Shop" not in tree.text_content()
    assert tree.xpath('//li[@class="print-icon"]') and not tree.xpath('//div[@id="pop-print"]')
    assert tree.xpath('//div[@class="share-links"]') and not tree.xpath('//meta[@name="robots"]')
    gov = mirror.base_urls["ningbo_gov"]  # not a Joomla page: served as stored
    assert get(gov + GOV_ARTICLE + "?tmpl=component&print=1")[2] == get(gov + GOV_ARTICLE)[2]
    # a stored variant wins over the rendered view
    blog = base + "/index.php/ningbo-news.html?start=5&tmpl=component"
    assert get(blog)[2] == get(base + "/index.php/ningbo-news.html?start=5")[2]


def test_joomla_start_pages_and_next_links_reach_every_article(mirror: Mirror) -> None:
    base = mirror.base_urls["ningbolife"]
    root = PAGES_DIR / "ningbolife"
    for category in ("ningbo-news", "business-news"):
        url, found, pages = f"{base}/index.php/{category}.html", [], 0
        while url:
            status, _, body = get(url)
            assert status == 200
            pages += 1
            tree = lxml.html.fromstring(body, base_url=url)
            tree.make_links_absolute(url)
            found += tree.xpath('//div[@class="blog"]//h2/a/@href')
            nxt = tree.xpath('//div[@class="pagination"]//li[@class="pagination-next"]/a[@title="Next"]/@href')
            url = nxt[0] if nxt else None
            assert pages < 20
        files = {p for p in root.glob(f"index.php/{category}/*.html")}
        assert len(found) == len(set(found)) == len(files) and pages >= 2
        assert {root / urlsplit(u).path.lstrip("/") for u in found} == files
        assert all(u.startswith(base) for u in found)


def test_rss_feed_parses_with_ten_items(mirror: Mirror) -> None:
    base = mirror.base_urls["ningbolife"]
    status, headers, body = get(base + FEED)
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(body).findall("./channel/item")
    assert len(items) == 10
    links = [i.findtext("link") for i in items]
    assert all(link.startswith(base + "/index.php/ningbo-news/") for link in links)
    assert all(get(link)[0] == 200 for link in links)


# ------------------------------------------------------------------ Hanweb dataproxy
def test_dataproxy_returns_the_requested_slice(mirror: Mirror) -> None:
    base = mirror.base_urls["ningbo_gov"]
    records = [r.text for r in ET.parse(PAGES_DIR / "ningbo_gov/col/col933/records.xml").iter("record")]
    status, body = dataproxy(base, 933, 16, 30, 5)
    assert status == 200
    root = ET.fromstring(body)
    assert root.findtext("totalrecord") == str(len(records))
    assert root.findtext("totalpage") == str(-(-len(records) // 5))
    assert [r.text for r in root.iter("record")] == records[15:30]
    status, body = dataproxy(base, 933, 2, 3, 15, path=OLD_DATAPROXY)
    assert status == 200 and [r.text for r in ET.fromstring(body).iter("record")] == records[1:3]
    assert ET.fromstring(dataproxy(base, 933, 2, 3, 15)[1]).findtext("totalpage") == "2"


def test_dataproxy_without_columnid_is_400(mirror: Mirror) -> None:
    assert dataproxy(mirror.base_urls["ningbo_gov"], None, 1, 15, 5)[0] == 400
    assert dataproxy(mirror.base_urls["ningbo_gov"], 999, 1, 15, 5)[0] == 200  # unknown column: empty
    assert dataproxy(mirror.base_urls["ningbolife"], 933, 1, 15, 5)[0] == 200
    status, _, _ = get(mirror.base_urls["ningbo_gov"] + GOV_ARTICLE, method="POST", data=b"x=1")
    assert status == 405


@pytest.mark.parametrize("column", [933, 934])
def test_column_page_plus_dataproxy_reach_exactly_the_column_articles(mirror: Mirror, column: int) -> None:
    base = mirror.base_urls["ningbo_gov"]
    status, _, body = get(f"{base}/col/col{column}/index.html")
    page = body.decode("utf-8")
    per_page, group_size, total = (int(re.search(JPAGE_INT_RE.format(k), page).group(1))
                                   for k in ("perPage", "groupSize", "totalRecord"))
    embedded = [r.text for r in ET.fromstring(STORE_RE.search(page).group(1)).iter("record")]
    proxy = re.search(r"proxyUrl:\s*'([^']+)'", page).group(1)
    assert proxy == {933: DATAPROXY, 934: OLD_DATAPROXY}[column]  # column 934's template is older
    group = per_page * group_size
    assert len(embedded) == group < total
    hrefs = [HREF_RE.search(r).group(1) for r in embedded]
    start = group + 1
    while start <= total:
        status, body = dataproxy(base, column, start, start + group - 1, per_page, path=proxy)
        root = ET.fromstring(body)
        assert status == 200 and int(root.findtext("totalrecord")) == total
        hrefs += [HREF_RE.search(r.text).group(1) for r in root.iter("record")]
        start += group
    assert len(hrefs) == len(set(hrefs)) == total
    assert set(hrefs) == column_files(column)
    assert all(get(base + h, method="HEAD")[0] == 200 for h in hrefs)


# ------------------------------------------------------------------ faults
def test_fault_plan_parses_the_spec_and_rejects_bad_rules() -> None:
    plan = FaultPlan.parse(f"status=503:{GOV_ARTICLE};truncate:/art/*;slow=0.5:ningbolife:/index.php/*;"
                           "charset=latin-1:/x.html;every=5:429;status=500*2:/y;redirect_loop:/r.html;"
                           "huge=6M:/h.html;huge=2048:/k.html;status=500:ningbolife:/a.html@;status=502:/p.html@*print=1*")
    kinds = [(r.kind, r.source, r.path, r.query) for r in plan.rules]
    assert kinds == [("status", None, GOV_ARTICLE, None), ("truncate", None, "/art/*", None),
                     ("slow", "ningbolife", "/index.php/*", None), ("charset", None, "/x.html", None),
                     ("every", None, "*", None), ("status", None, "/y", None),
                     ("redirect_loop", None, "/r.html", None), ("huge", None, "/h.html", None),
                     ("huge", None, "/k.html", None), ("status", "ningbolife", "/a.html", ""),
                     ("status", None, "/p.html", "*print=1*")]
    assert plan.rules[4].status == 429 and plan.rules[4].every == 5 and plan.rules[5].times == 2
    assert plan.rules[7].size == 6 * 1024 * 1024 and plan.rules[8].size == 2048
    assert plan.rules[1].fraction == 0.5 and FaultPlan.parse("truncate=0.7:/x").rules[0].fraction == 0.7
    cut_twice = FaultPlan.parse("truncate=0.7*2:/x")  # the first 2 requests cut, then whole
    assert (cut_twice.rules[0].fraction, cut_twice.rules[0].times) == (0.7, 2)
    assert [cut_twice.decide("ningbo_gov", "/x").truncate for _ in range(3)] == [0.7, 0.7, 0.0]
    assert cut_twice.decide("ningbo_gov", "/y").truncate == 0.0
    assert plan.rules[9].matches("ningbolife", "/a.html") and not plan.rules[9].matches("ningbolife", "/a.html", "x=1")
    assert plan.rules[10].matches("ningbo_gov", "/p.html", "tmpl=component&print=1&layout=default")
    assert not plan.rules[10].matches("ningbo_gov", "/p.html")
    for bad in ("status=abc:/x", "status=99:/x", "bogus:/x", "slow=-1:/x", "every=0:503", "status=503", "truncate:",
                "huge=0:/x", "huge=lots:/x", "redirect_loop=3:/x", "status=500:@x=1", "truncate=1.5:/x",
                "truncate=0.5*0:/x", "truncate=0.5*x:/x"):
        with pytest.raises(ValueError):
            FaultPlan.parse(bad)


def test_faults_are_served_for_their_paths_only() -> None:
    plan = FaultPlan.parse(f"status=503:{GOV_ARTICLE};status=500*2:ningbo_gov:/robots.txt;"
                           f"charset=latin-1:{GBK_ARTICLE};slow=1.5:ningbolife:/robots.txt;"
                           "truncate:/col/col934/index.html;status=412:ningbolife:/index.php/business-news.html")
    with start_mirror(faults=plan) as m:
        gov, life = m.base_urls["ningbo_gov"], m.base_urls["ningbolife"]
        status, headers, _ = get(gov + GOV_ARTICLE)
        assert status == 503 and headers["Retry-After"]
        assert get(gov + GOV_ARTICLE)[0] == 503  # always
        assert get(gov + "/art/2019/1/28/art_933_981487.html")[0] == 200  # other paths untouched
        assert [get(gov + "/robots.txt")[0] for _ in range(3)] == [500, 500, 200]  # first two only
        assert get(gov + GBK_ARTICLE)[1]["Content-Type"] == "text/html; charset=latin-1"
        began = time.monotonic()
        assert get(life + "/robots.txt")[0] == 200  # the 500 rule is limited to ningbo_gov
        assert time.monotonic() - began >= 1.5
        began = time.monotonic()
        get(gov + "/col/col933/index.html")
        assert time.monotonic() - began < 1.5  # slow applies to ningbolife only (a loopback get, with room for a loaded CI)
        with pytest.raises(http.client.IncompleteRead) as cut:
            get(gov + "/col/col934/index.html")
        whole = (PAGES_DIR / "ningbo_gov" / "col/col934/index.html").read_bytes()
        assert cut.value.partial == whole[: len(whole) // 2]
        assert get(life + "/index.php/business-news.html")[0] == 412
        assert get(gov + "/col/col933/index.html")[0] == 200


def test_redirect_loop_huge_and_query_targeted_faults() -> None:
    life_print = LIFE_ARTICLE + "?tmpl=component&print=1&layout=default"
    plan = FaultPlan.parse(f"redirect_loop:{GOV_ARTICLE};huge=3M:{GBK_ARTICLE};status=500:ningbolife:{LIFE_ARTICLE}@")
    with start_mirror(faults=plan) as m:
        gov, life = m.base_urls["ningbo_gov"], m.base_urls["ningbolife"]
        conn = http.client.HTTPConnection(urlsplit(gov).hostname, urlsplit(gov).port, timeout=TIMEOUT)
        conn.request("GET", GOV_ARTICLE + "?a=1")
        resp = conn.getresponse()
        resp.read()
        assert resp.status == 302 and resp.getheader("Location") == gov + GOV_ARTICLE + "?a=1"  # itself
        conn.close()
        with pytest.raises(urllib.error.HTTPError, match="redirect"):
            urllib.request.urlopen(gov + GOV_ARTICLE, timeout=TIMEOUT)  # urllib gives up on the loop
        status, headers, body = get(gov + GBK_ARTICLE)
        stored = (PAGES_DIR / "ningbo_gov" / GBK_ARTICLE.lstrip("/")).read_bytes()
        assert status == 200 and len(body) >= 3 * 1024 * 1024 == int(headers["Content-Length"]) and body.startswith(stored)
        assert get(life + LIFE_ARTICLE)[0] == 500  # the page itself ...
        assert get(life + life_print)[0] == 200  # ... but not its print view
        assert get(life + "/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html")[0] == 200


def test_every_nth_request_fails() -> None:
    with start_mirror(faults=FaultPlan.parse("every=3:503")) as m:
        statuses = [get(m.base_urls["ningbo_gov"] + "/robots.txt")[0] for _ in range(6)]
        assert statuses == [200, 200, 503, 200, 200, 503]
        assert get(m.base_urls["ningbolife"] + "/robots.txt")[0] == 200  # counted per source


# ------------------------------------------------------------------ lifecycle and safety
def test_mirror_binds_loopback_only_and_stops(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        start_mirror(host="0.0.0.0")
    with pytest.raises(ValueError):
        start_mirror(ports={"no_such_source": 0})
    m = start_mirror()
    port = urlsplit(m.base_urls["ningbo_gov"]).port
    m.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_mirror_serves_any_pages_dir_with_fixed_ports(tmp_path: Path) -> None:
    (tmp_path / "site_a").mkdir()
    (tmp_path / "site_a" / "index.html").write_bytes(b"<html><head><meta charset=\"iso-8859-1\"></head>A\xe9</html>")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    with start_mirror(pages_dir=tmp_path, ports={"site_a": free}) as m:
        assert m.base_urls == {"site_a": f"http://127.0.0.1:{free}"}
        status, headers, body = get(m.base_urls["site_a"] + "/")
        assert status == 200 and headers.get_content_charset() == "iso-8859-1"
        assert body.decode("iso-8859-1").endswith("A\u00e9</html>")


def test_resolve_file_prefers_exact_then_sorted_then_subset(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text("plain")
    (tmp_path / "p.html@b=2&a=1").write_text("exact")
    (tmp_path / "p.html@a=1&b=2").write_text("sorted")
    (tmp_path / "p.html@a=1").write_text("subset")
    assert resolve_file(tmp_path, "/p.html", "b=2&a=1").read_text() == "exact"
    assert resolve_file(tmp_path, "/p.html", "a=1&b=2").read_text() == "sorted"
    assert resolve_file(tmp_path, "/p.html", "a=1&c=3").read_text() == "subset"
    assert resolve_file(tmp_path, "/p.html", "c=3").read_text() == "plain"
    assert resolve_file(tmp_path, "/p.html@a=1", "") is None
    assert resolve_file(tmp_path, "/missing.html", "a=1") is None
