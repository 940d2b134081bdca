"""Integration: real crawls (`run_crawl_subprocess`, one Scrapy process each) over loopback.

Two servers: a small fixture site over tests/fixtures/html (records every request, so
"fetched exactly once" is checked server-side) and the project's mirror of
seeds/pages (devtools.mirror).
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from core.sources import load_sources
from crawlers.run import run_crawl_subprocess
from devtools import PAGES_DIR
from newsetl import summaries
from transforms.urls import normalize_url

FIXTURES = Path(__file__).parent / "fixtures" / "html"
GOV_ARTICLE_RE = re.compile(r"^/art/\d{4}/\d{1,2}/\d{1,2}/art_(\d+)_(\d+)\.html$")
LIFE_ARTICLE_RE = re.compile(r"^/index\.php/[\w-]+/(\d+)-[^/]+\.html$")
ROBOTS = b"User-agent: *\nDisallow: /administrator/\nDisallow: /module/visitcount/\n"
MISSING_GOV_ARTICLE = "/art/2019/1/28/art_933_981487.html"  # listed, but 404 on the fixture site
GB2312_ARTICLE = "/art/2019/4/9/art_934_995510.html"
# Fixture site: dataproxy groups by (columnid, startrecord).
GOV_DATAPROXY = {
    ("933", "16"): "dataproxy_col933_16_30.xml",
    ("934", "9"): "dataproxy_col934_9_16.xml",
    ("934", "17"): "dataproxy_col934_17_24.xml",
}
LIFE_PAGES = {
    "/index.php/ningbo-news.html": "ningbo-news.html",
    "/index.php/ningbo-news.html?start=5": "ningbo-news_start5.html",
    "/index.php/ningbo-news.html?start=10": "ningbo-news_start10.html",
}
LIFE_FEED = "/index.php/ningbo-news.html?format=feed&type=rss"


def fixture(*parts: str) -> bytes:
    return FIXTURES.joinpath(*parts).read_bytes()


class FixtureSite:
    """Both sites' fixture pages on two loopback ports; `hits` records (method, path?query)."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str, str]] = []  # (site, method, path?query)
        self.bad_referers: list[str] = []
        # (site, path?query) -> (status, content type, body, extra headers): answers that win
        self.overrides: dict[tuple[str, str], tuple[int, str, bytes, dict[str, str]]] = {}
        # ningbolife's SEO settings (Joomla's Global Configuration, com_content's router): (URL rewriting on,
        # .html suffix on, ids in article URLs)
        self.life_seo = (False, True, True)
        # ningbolife's news blog as the site's home page, URL rewriting on: the blog at `/`, its pages `/?start=N`,
        # its articles at the root (`/<id>-<alias>.html`)
        self.life_home = False
        self._servers = [self._serve("ningbo_gov", self._gov), self._serve("ningbolife", self._life),
                         self._serve("foreign", self._foreign, host="127.0.0.2")]
        self.base_urls = {
            name: f"http://{server.server_address[0]}:{server.server_address[1]}" for name, server in self._servers
        }

    def _serve(self, name: str, route, host: str = "127.0.0.1") -> tuple[str, ThreadingHTTPServer]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            # keep-alive like a real server: an HTTP/1.0 close races Scrapy's connection reuse
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _answer(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                site.hits.append((name, method, self.path))
                status, ctype, payload, extra = site.overrides.get((name, self.path), (None, "", b"", {}))
                if status is None:
                    status, ctype, payload = route(method, self.path, body, self.headers)
                self.send_response(status)
                for header, value in extra.items():
                    self.send_header(header, value)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                self._answer("GET")

            def do_POST(self) -> None:
                self._answer("POST")

        server = ThreadingHTTPServer((host, 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return name, server

    def _gov(self, method: str, path: str, body: str, headers) -> tuple[int, str, bytes]:
        html = "text/html; charset=UTF-8"
        parts = urlsplit(path)
        if path == "/robots.txt":
            return 200, "text/plain", ROBOTS
        col = re.fullmatch(r"/col/col(\d+)/index\.html", parts.path)
        if col and method == "GET" and (FIXTURES / "ningbo_gov" / f"col{col.group(1)}_index.html").exists():
            return 200, html, fixture("ningbo_gov", f"col{col.group(1)}_index.html")
        if parts.path == "/module/web/jpage/dataproxy.jsp" and method == "POST":
            form = {k: v[0] for k, v in parse_qs(body).items()}
            start = parse_qs(parts.query).get("startrecord", [""])[0]
            column = form.get("columnid", "")
            if headers.get("Referer") != f"{self.base_urls['ningbo_gov']}/col/col{column}/index.html":
                self.bad_referers.append(path)
                return 403, "text/plain", b"bad referer"
            name = GOV_DATAPROXY.get((column, start))
            if name is None:
                return 500, "text/plain", b"no such group"
            return 200, "text/xml; charset=UTF-8", fixture("ningbo_gov", name)
        if GOV_ARTICLE_RE.match(parts.path) and method == "GET":
            if parts.path == MISSING_GOV_ARTICLE:
                return 404, html, b"<html><body>404 Not Found</body></html>"
            if parts.path == GB2312_ARTICLE:
                return 200, "text/html; charset=GB2312", fixture("ningbo_gov", "art_934_500001_gb2312.html")
            return 200, html, fixture("ningbo_gov", "art_933_1016946.html")
        return 404, html, b"<html><body>404 Not Found</body></html>"

    def _foreign(self, method: str, path: str, body: str, headers) -> tuple[int, str, bytes]:
        """Another host (127.0.0.2): any article path answers a page that must never be stored."""
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\n"
        return 200, "text/html; charset=UTF-8", fixture("ningbo_gov", "art_933_1016946.html").replace(
            b"Innovation", b"SPOOFED Innovation")

    def _life(self, method: str, path: str, body: str, headers) -> tuple[int, str, bytes]:
        if self.life_home:
            return self._life_home(method, path, body, headers)
        rewrite, suffix, ids = self.life_seo
        if (rewrite, suffix, ids) == (False, True, True):
            return self._life_pages(method, path, body, headers)
        # Another SEO setting: the site writes its SEF links without /index.php, .html and/or the article's
        # id, and answers both forms (Joomla with rewriting on still routes /index.php/ paths).
        parts = urlsplit(path)
        stored = parts.path
        if stored != "/robots.txt":
            stored = stored if stored.startswith("/index.php") else "/index.php" + stored
            stored = stored if stored.endswith(".html") or stored == "/index.php" else stored + ".html"
            if not ids and stored.count("/") > 2 and not LIFE_ARTICLE_RE.match(stored):
                stored = re.sub(r"/([^/]+)$", r"/1-\1", stored)  # an article's path (the fixture site serves one)
        status, ctype, payload = self._life_pages(method, stored + (f"?{parts.query}" if parts.query else ""),
                                                  body, headers)
        if not ids:
            payload = re.sub(rb'((?:href="|<link>|<guid[^>]*>)[^"<]*?/index\.php/[^"<?#]*?/)\d+-', rb"\1", payload)
        if rewrite:
            payload = re.sub(rb'(href="|<link>|<guid>|ningbolife\.com)/index\.php/', rb"\1/", payload)
            payload = re.sub(rb"(<link>|<guid>)http://www\.ningbolife\.com/index\.php/", rb"\1http://www.ningbolife.com/",
                             payload)
        if not suffix:
            payload = re.sub(rb'((?:href="|<link>|<guid>)[^"<?#]*?)\.html', rb"\1", payload)
        return status, ctype, payload

    def _life_home(self, method: str, path: str, body: str, headers) -> tuple[int, str, bytes]:
        """The news blog as the home page with URL rewriting on (life_home): its own paths mapped onto the stored
        pages, its links written as such a site writes them."""
        parts = urlsplit(path)
        stored = parts.path
        if stored == "/":
            stored = "/index.php/ningbo-news.html"
        elif re.fullmatch(r"/\d+-[^/]+\.html", stored):
            stored = "/index.php/ningbo-news" + stored
        elif stored != "/robots.txt":
            stored = "/index.php" + stored
        status, ctype, payload = self._life_pages(method, stored + (f"?{parts.query}" if parts.query else ""),
                                                  body, headers)
        payload = payload.replace(b"/index.php/ningbo-news/", b"/").replace(b"/index.php/ningbo-news.html", b"/")
        payload = re.sub(rb'(href="|ningbolife\.com)/index\.php/', rb"\1/", payload)
        return status, ctype, payload

    def _life_pages(self, method: str, path: str, body: str, headers) -> tuple[int, str, bytes]:
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            return 200, "text/plain", ROBOTS
        if path in LIFE_PAGES:
            return 200, html, fixture("ningbolife", LIFE_PAGES[path])
        if path == LIFE_FEED:
            return 200, "application/rss+xml; charset=utf-8", fixture("ningbolife", "ningbo-news_rss.xml")
        if LIFE_ARTICLE_RE.match(urlsplit(path).path):
            return 200, html, fixture(
                "ningbolife", "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
        return 404, html, b"<html><body>404</body></html>"  # business-news.html: a failed listing

    def article_hits(self, name: str) -> Counter[str]:
        regex = GOV_ARTICLE_RE if name == "ningbo_gov" else LIFE_ARTICLE_RE
        return Counter(p for site, m, p in self.hits if site == name and regex.match(urlsplit(p).path))

    def stop(self) -> None:
        for _, server in self._servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Crawls inherit NEWSETL_DATA_DIR: their default state dir stays inside the test."""
    monkeypatch.setenv("NEWSETL_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture()
def site() -> Iterator[FixtureSite]:
    s = FixtureSite()
    yield s
    s.stop()


def read_pages(run_dir: Path, source: str) -> list[dict]:
    with gzip.open(run_dir / "raw" / source / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_seen(path: Path, pages: list[dict]) -> Path:
    path.write_text("".join(normalize_url(p["canonical_url"]) + "\n"
                            for p in pages if p["kind"] == "article"), encoding="utf-8")
    return path


# ------------------------------------------------------------------- fixture site
@pytest.mark.slow
def test_gov_crawl_end_to_end_on_the_fixture_site(site: FixtureSite, tmp_path: Path) -> None:
    base = site.base_urls["ningbo_gov"]
    report = run_crawl_subprocess("ningbo_gov", tmp_path, base_url=base, timeout=300)

    hits = site.article_hits("ningbo_gov")
    # 15 + 2 (col933) + 8 + 8 + 4 (col934) listed articles, each fetched exactly once
    assert len(hits) == 37 and set(hits.values()) == {1}
    assert site.bad_referers == []
    posts = sorted(p for s, m, p in site.hits if m == "POST")
    assert posts == sorted([
        "/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5",
        "/module/web/jpage/dataproxy.jsp?startrecord=9&endrecord=16&perpage=4",
        "/module/web/jpage/dataproxy.jsp?startrecord=17&endrecord=24&perpage=4",
    ])

    pages = read_pages(tmp_path, "ningbo_gov")
    articles = [p for p in pages if p["kind"] == "article"]
    listings = [p for p in pages if p["kind"] == "listing"]
    assert len(articles) == 36  # the 404 is a failure, not a page
    assert not any("/col/" in p["url"] or "dataproxy" in p["url"] for p in articles)
    assert len(listings) == 5  # 2 column pages + 3 dataproxy groups
    assert all(p["canonical_url"].startswith("http://english.ningbo.gov.cn/art/") for p in articles)
    assert all(p["url"].startswith(base) for p in pages)
    gb = next(p for p in articles if p["url"].endswith(GB2312_ARTICLE))
    assert "宁波" in gb["html"] and gb["encoding"].lower() in {"gb2312", "gb18030", "gbk"}
    assert set(pages[0]) == {"url", "final_url", "canonical_url", "source", "kind", "status",
                             "headers", "encoding", "fetched_at", "html", "via", "truncated", "decode_errors",
                             "charset_guessed"}
    assert {(p["via"], p["truncated"], p["decode_errors"], p["charset_guessed"]) for p in pages} == {
        ("direct", False, 0, False)}

    assert report["source"] == "ningbo_gov" and report["base_url"] == base
    assert report["articles"] == {"new": 36, "unchanged": 0, "failed": 1}
    assert report["listings"] == 5
    assert report["errors"] == [{"url": base + MISSING_GOV_ARTICLE, "error": "HTTP 404"}]
    assert report["finish_reason"] == "finished"
    assert report["responses_by_status"] == {"200": 1 + 5 + 36, "404": 1}  # robots + listings + articles
    assert report["requests"] == len(site.hits) == 1 + 5 + 37
    on_disk = json.loads((tmp_path / "raw" / "ningbo_gov" / "crawl_report.json").read_text())
    assert on_disk == report
    log = (tmp_path / "raw" / "ningbo_gov" / "crawl.log").read_text()
    assert "Spider closed (finished)" in log


@pytest.mark.slow
def test_the_crawl_never_leaves_the_sources_host(site: FixtureSite, tmp_path: Path) -> None:
    """A listing link to another host is not requested; an article answering 302 to another
    host is not followed; both are counted under their reason and nothing foreign is stored."""
    base, foreign = site.base_urls["ningbo_gov"], site.base_urls["foreign"]
    column = fixture("ningbo_gov", "col933_index.html")
    linked = "/art/2020/8/19/art_933_1075566.html"            # listed with a foreign host
    redirected = "/art/2020/7/22/art_933_1071309.html"        # answers 302 to the foreign host
    assert linked.encode() in column and redirected.encode() in column
    site.overrides[("ningbo_gov", "/col/col933/index.html")] = (
        200, "text/html; charset=UTF-8", column.replace(f'href="{linked}"'.encode(),
                                                        f'href="{foreign}{linked}"'.encode()), {})
    site.overrides[("ningbo_gov", redirected)] = (302, "text/html", b"", {"Location": f"{foreign}{redirected}"})

    report = run_crawl_subprocess("ningbo_gov", tmp_path, base_url=base, timeout=300)

    assert [hit for hit in site.hits if hit[0] == "foreign"] == []  # not even robots.txt
    assert (report["offsite_links"], report["offsite_redirects"]) == (1, 1)
    assert {"url": f"{foreign}{linked}",
            "warning": "offsite link: not requested (not one of the source's hosts)"} in report["warnings"]
    [redirect_error] = [e for e in report["errors"] if e["url"] == base + redirected]
    assert redirect_error["error"] == f"offsite redirect: {foreign}{redirected} (from {base}{redirected})"
    pages = read_pages(tmp_path, "ningbo_gov")
    assert not any(b"SPOOFED" in p["html"].encode() or foreign in p["final_url"] for p in pages)
    assert report["articles"]["failed"] == 2  # the redirected article and the fixture's 404
    totals = json.loads((tmp_path / "crawl_report.json").read_text())
    assert (totals["offsite_links"], totals["offsite_redirects"]) == (1, 1)


@pytest.mark.slow
def test_a_site_known_only_by_its_registry_entry_is_crawled_with_its_templates_spider(
        site: FixtureSite, tmp_path: Path) -> None:
    """Adding a site of a known template is a sources.yml entry: here a source that is in no
    registry file at all, resolved by the caller and handed to the crawl process whole."""
    gov = load_sources()["ningbo_gov"]
    other = replace(gov, name="gov_copy", base_url=site.base_urls["ningbo_gov"])
    report = run_crawl_subprocess(other, tmp_path, timeout=300)
    assert report["source"] == "gov_copy" and report["base_url"] == other.base_url
    assert report["articles"] == {"new": 36, "unchanged": 0, "failed": 1}
    pages = read_pages(tmp_path, "gov_copy")
    assert {p["source"] for p in pages} == {"gov_copy"}
    assert all(p["canonical_url"].startswith(gov.live_base_url) for p in pages if p["kind"] == "article")


@pytest.mark.slow
def test_ningbolife_crawl_and_run_totals_and_incremental_recrawl(site: FixtureSite, tmp_path: Path) -> None:
    base = site.base_urls["ningbolife"]
    report = run_crawl_subprocess("ningbolife", tmp_path, base_url=base, timeout=300)
    hits = site.article_hits("ningbolife")
    # 5 + 2 + 2 from the blog pages, 5812 only from the feed; the feed's 5839/5588 are deduplicated
    assert len(hits) == 10 and set(hits.values()) == {1}
    pages = read_pages(tmp_path, "ningbolife")
    articles = [p for p in pages if p["kind"] == "article"]
    assert len(articles) == 10
    assert not any(".html?" in p["url"] or p["url"].endswith(("news.html",)) for p in articles)
    assert {p["url"] for p in pages if p["kind"] == "listing"} == {
        base + "/index.php/ningbo-news.html", base + "/index.php/ningbo-news.html?start=5",
        base + "/index.php/ningbo-news.html?start=10", base + LIFE_FEED,
    }
    assert report["articles"] == {"new": 10, "unchanged": 0, "failed": 0}
    assert report["responses_by_status"]["404"] == 1  # business-news.html
    assert report["errors"] == [{"url": base + "/index.php/business-news.html", "error": "HTTP 404", "kind": "listing"}]

    # a second source into the same run dir: totals are the sum of both sources
    gov = run_crawl_subprocess("ningbo_gov", tmp_path, base_url=site.base_urls["ningbo_gov"], timeout=300)
    totals = json.loads((tmp_path / "crawl_report.json").read_text())
    assert sorted(totals["sources"]) == ["ningbo_gov", "ningbolife"]
    assert totals["requests"] == report["requests"] + gov["requests"]
    assert totals["articles"] == {k: report["articles"][k] + gov["articles"][k]
                                  for k in ("new", "unchanged", "failed")}
    assert totals["responses_by_status"]["200"] == (report["responses_by_status"]["200"]
                                                    + gov["responses_by_status"]["200"])

    # incremental: a seen-file of the first crawl's canonical URLs -> no article fetched
    seen = write_seen(tmp_path / "seen.txt", pages)
    site.hits.clear()
    second_dir = tmp_path / "second"
    again = run_crawl_subprocess("ningbolife", second_dir, base_url=base, seen_file=seen, timeout=300)
    assert site.article_hits("ningbolife") == Counter()
    assert again["articles"] == {"new": 0, "unchanged": 10, "failed": 0}
    assert [p for p in read_pages(second_dir, "ningbolife") if p["kind"] == "article"] == []
    # --full fetches the seen articles again: refetched, not new (it counted all 10 as new)
    site.hits.clear()
    full = run_crawl_subprocess("ningbolife", tmp_path / "third", base_url=base, seen_file=seen,
                                full=True, timeout=300)
    assert len(site.article_hits("ningbolife")) == 10
    assert full["articles"] == {"new": 0, "unchanged": 0, "failed": 0} and full["articles_refetched"] == 10
    assert summaries.crawl("ningbolife", full).startswith(
        "crawl ningbolife: 0 new, 10 refetched (stored or quarantined before), 0 unchanged, ")
    # one stored article forgotten (not in the seen-file): that one is new
    write_seen(tmp_path / "seen9.txt", [p for p in pages if p["kind"] == "article"][1:])
    partly = run_crawl_subprocess("ningbolife", tmp_path / "fourth", base_url=base,
                                  seen_file=tmp_path / "seen9.txt", full=True, timeout=300)
    assert (partly["articles"]["new"], partly["articles_refetched"]) == (1, 9)


@pytest.mark.slow
@pytest.mark.parametrize(("rewrite", "suffix", "ids"), [(True, True, True), (True, False, True), (False, True, False),
                                                     (True, False, False)])
def test_a_joomla_site_with_other_seo_settings_is_crawled_whole(site: FixtureSite, tmp_path: Path, rewrite: bool,
                                                                suffix: bool, ids: bool) -> None:
    """ningbolife with Joomla's "Use URL Rewriting" on, "Adds Suffix to URL" on or off, or the modern router's
    "Remove IDs from URLs": its blog and feed link `/ningbo-news/<id>-<alias>[.html]` or
    `/index.php/ningbo-news/<alias>.html`. The spider knew only `/index.php/.../<id>-<alias>.html`: the
    crawl requested no article of the blog (a drift warning named the listings, every blog article was
    lost). Now the same ten articles, each fetched once, and no drift warning; the next crawl with the
    seen-file fetches none of them again."""
    site.life_seo = (rewrite, suffix, ids)
    base = site.base_urls["ningbolife"]
    report = run_crawl_subprocess("ningbolife", tmp_path, base_url=base, timeout=300)
    shape = r"(?:/index\.php)?/[\w-]+/" + (r"\d+-" if ids else "") + r"[^/]+"
    menu = {"/index.php/ningbo-news.html", "/index.php/business-news.html"}
    article_paths = [urlsplit(p).path for name, method, p in site.hits
                     if name == "ningbolife" and re.fullmatch(shape, urlsplit(p).path)
                     and urlsplit(p).path not in menu]
    assert len(article_paths) == 10 and len(set(article_paths)) == 10
    assert all(p.endswith(".html") is suffix and p.startswith("/index.php/") is not rewrite for p in article_paths)
    pages = read_pages(tmp_path, "ningbolife")
    articles = [p for p in pages if p["kind"] == "article"]
    assert len(articles) == 10 and report["articles"] == {"new": 10, "unchanged": 0, "failed": 0}
    assert report["listings_without_links"] == 0
    assert not [w for w in report["warnings"] if "drift" in w["warning"]]
    site.hits.clear()
    again = run_crawl_subprocess("ningbolife", tmp_path / "second", base_url=base,
                                 seen_file=write_seen(tmp_path / "seen.txt", pages), timeout=300)
    assert again["articles"] == {"new": 0, "unchanged": 10, "failed": 0}


@pytest.mark.slow
def test_a_joomla_site_whose_home_page_is_the_blog_is_crawled_whole(site: FixtureSite, tmp_path: Path) -> None:
    """ningbolife's news blog as the site's home page, URL rewriting on: the blog at `/` links its own category's
    articles at the root (`/5839-<alias>.html`), a shape the spider did not take, so they were lost (a drift warning
    named the items). Now every article of the blog, each fetched once, no drift warning; the next crawl fetches
    none again."""
    site.life_home = True
    base = site.base_urls["ningbolife"]
    source = replace(load_sources()["ningbolife"], name="life_home", base_url=base, listings=("/",), feeds=())
    report = run_crawl_subprocess(source, tmp_path, timeout=300)
    article_paths = [urlsplit(p).path for name, method, p in site.hits
                     if name == "ningbolife" and re.fullmatch(r"(/[\w-]+)?/\d+-[^/]+\.html", urlsplit(p).path)]
    # the blog's three pages list nine articles: eight of its own category (root links), one of another
    assert len(article_paths) == 9 and len(set(article_paths)) == 9
    assert len([path for path in article_paths if path.count("/") == 1]) == 8
    pages = read_pages(tmp_path, "life_home")
    assert len([p for p in pages if p["kind"] == "article"]) == 9
    assert report["articles"] == {"new": 9, "unchanged": 0, "failed": 0} and report["listings_without_links"] == 0
    assert not [w for w in report["warnings"] if "drift" in w["warning"]]
    site.hits.clear()
    again = run_crawl_subprocess(source, tmp_path / "second", seen_file=write_seen(tmp_path / "seen.txt", pages),
                                 timeout=300)
    assert again["articles"] == {"new": 0, "unchanged": 9, "failed": 0}


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawlers.run", *args], capture_output=True,
                          text=True, timeout=120)


def test_config_errors_exit_non_zero_with_one_line(tmp_path: Path) -> None:
    unknown = _run_cli("--source", "nope", "--out", str(tmp_path))
    assert unknown.returncode == 2
    assert unknown.stdout == ""
    assert len(unknown.stderr.strip().splitlines()) == 1 and "nope" in unknown.stderr
    bad = _run_cli("--source", "ningbo_gov", "--out", str(tmp_path), "--base-url", "ftp//x")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "bad base URL" in bad.stderr
    assert not (tmp_path / "raw").exists()
    with pytest.raises(RuntimeError, match="unknown source"):
        run_crawl_subprocess("nope", tmp_path, timeout=120)


def test_unreachable_host_completes_with_counted_failures(tmp_path: Path) -> None:
    # nothing listens on port 9 of loopback: every listing fails, the crawl still completes
    report = run_crawl_subprocess("ningbo_gov", tmp_path, base_url="http://127.0.0.1:9", timeout=300)
    assert report["finish_reason"] == "finished"
    assert report["articles"] == {"new": 0, "unchanged": 0, "failed": 0}
    assert report["listings"] == 0
    assert sorted(e["url"] for e in report["errors"]) == [
        "http://127.0.0.1:9/col/col933/index.html", "http://127.0.0.1:9/col/col934/index.html"]
    assert all("ConnectionRefused" in e["error"] for e in report["errors"])
    assert read_pages(tmp_path, "ningbo_gov") == []


# ------------------------------------------------------------------- the mirror of seeds/pages
def snapshot_articles(source: str) -> set[str]:
    """Live-site URLs of every article file in seeds/pages/<source>."""
    root = PAGES_DIR / source
    live = load_sources()[source].live_base_url
    if source == "ningbo_gov":
        files = root.glob("art/**/art_*.html")
    else:
        files = (p for p in root.glob("index.php/*/*.html") if re.match(r"\d+-", p.name))
    return {normalize_url(live + "/" + p.relative_to(root).as_posix()) for p in files}


ROOTS = {"ningbo_gov": 2, "ningbolife": 3}  # listing entry points in sources.yml (columns; blogs + feed)


@pytest.mark.slow
def test_crawl_of_the_mirror_fetches_every_snapshot_article_once(tmp_path: Path,
                                                                 isolated_data_dir: Path) -> None:
    from devtools.mirror import start_mirror

    with start_mirror() as mirror:
        reports = {
            name: run_crawl_subprocess(name, tmp_path, base_url=mirror.base_urls[name], timeout=600)
            for name in ("ningbo_gov", "ningbolife")
        }
        first_pages = {name: read_pages(tmp_path, name) for name in reports}
        for name, report in reports.items():
            expected = snapshot_articles(name)
            assert expected, f"no snapshot articles for {name}"
            articles = [p for p in first_pages[name] if p["kind"] == "article"]
            fetched = Counter(normalize_url(p["canonical_url"]) for p in articles)
            assert set(fetched) == expected, name
            assert set(fetched.values()) == {1}, name
            assert not any(not (GOV_ARTICLE_RE if name == "ningbo_gov" else LIFE_ARTICLE_RE)
                           .match(urlsplit(p["url"]).path) for p in articles)
            assert all(p["status"] == 200 and p["via"] == "direct" and not p["truncated"] for p in articles)
            assert report["articles"] == {"new": len(expected), "unchanged": 0, "failed": 0}
            assert report["listings"] == len([p for p in first_pages[name] if p["kind"] == "listing"])
            assert report["errors"] == [] and report["warnings"] == [] and report["finish_reason"] == "finished"
            assert report["listings_not_modified"] == 0 and "304" not in report["responses_by_status"]
            # the default state dir is <NEWSETL_DATA_DIR>/state
            assert (isolated_data_dir / "state" / name / "http_validators.json").is_file()
        # real pagination: both Hanweb dataproxy paths (column 934's template is the older one)
        proxies = {urlsplit(p["url"]).path + "?" + urlsplit(p["url"]).query
                   for p in first_pages["ningbo_gov"] if "dataproxy" in p["url"]}
        assert proxies == {"/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5",
                           "/module/jpage/dataproxy.jsp?startrecord=9&endrecord=16&perpage=4"}
        assert {urlsplit(p["url"]).query for p in first_pages["ningbolife"] if p["kind"] == "listing"} == {
            "", "start=5", "start=10", "format=feed&type=rss"}
        totals = json.loads((tmp_path / "crawl_report.json").read_text())
        assert totals["requests"] == sum(r["requests"] for r in reports.values())
        assert totals["articles"] == {k: sum(r["articles"][k] for r in reports.values())
                                      for k in ("new", "unchanged", "failed")}
        statuses = Counter()
        for r in reports.values():
            statuses.update(r["responses_by_status"])
        assert totals["responses_by_status"] == dict(statuses)
        assert totals["sources"] == reports

        for name in reports:
            total = reports[name]["articles"]["new"]
            seen = write_seen(tmp_path / f"{name}.seen.txt", first_pages[name])
            # incremental: every listing entry point answers 304, nothing behind it is
            # fetched (no dataproxy group, no ?start= page), no article page
            again = run_crawl_subprocess(name, tmp_path / "again", base_url=mirror.base_urls[name],
                                         seen_file=seen, timeout=600)
            assert again["articles"] == {"new": 0, "unchanged": total, "failed": 0}
            assert again["listings_not_modified"] == ROOTS[name] and again["listings"] == 0
            assert again["responses_by_status"] == {"200": 1, "304": ROOTS[name]}  # robots.txt + 304s
            assert again["requests"] == 1 + ROOTS[name]
            assert read_pages(tmp_path / "again", name) == []

            # the listings did not change but the warehouse lost the articles (e.g. a failed
            # load): the stored links are replayed and every article is fetched again
            lost = run_crawl_subprocess(name, tmp_path / "lost", base_url=mirror.base_urls[name], timeout=600)
            assert lost["listings_not_modified"] == ROOTS[name] and lost["listings"] == 0
            assert lost["articles"] == {"new": total, "unchanged": 0, "failed": 0}

            # --full ignores the validators (and the seen-file)
            full = run_crawl_subprocess(name, tmp_path / "full", base_url=mirror.base_urls[name],
                                        seen_file=seen, full=True, timeout=600)
            assert full["listings_not_modified"] == 0 and "304" not in full["responses_by_status"]
            assert full["articles"]["new"] == 0 and full["articles_refetched"] == total
            assert full["listings"] == reports[name]["listings"]

        # an explicit state dir starts from nothing
        fresh = run_crawl_subprocess("ningbo_gov", tmp_path / "fresh", base_url=mirror.base_urls["ningbo_gov"],
                                     state_dir=tmp_path / "other-state", timeout=600)
        assert fresh["listings_not_modified"] == 0 and fresh["listings"] == reports["ningbo_gov"]["listings"]
        assert (tmp_path / "other-state" / "ningbo_gov" / "http_validators.json").is_file()


GOV_FLAKY = "/art/2019/8/18/art_933_1016946.html"     # 503 twice, then fine: retried
GOV_BROKEN = "/art/2020/8/19/art_933_1075566.html"    # always 500: failed after 3 retries
GOV_GONE = "/art/2019/1/28/art_933_981487.html"       # 404: failed, not retried
GOV_CUT = "/art/2019/12/20/art_933_1040017.html"      # 70% of the body, every time: failed after 3 retries
GOV_GBK = "/art/2019/2/26/art_934_988102.html"        # GBK page, header says latin-1
GOV_UTF8_LIE = "/art/2019/3/12/art_933_990215.html"   # UTF-8 page, header says gb2312
GOV_LOOP = "/art/2019/4/22/art_933_997834.html"       # redirects to itself
GOV_HUGE = "/art/2019/5/30/art_933_1003377.html"      # 6 MiB > DOWNLOAD_MAXSIZE
GOV_SLOW = "/art/2019/7/9/art_933_1010534.html"       # 1 s: slow but inside DOWNLOAD_TIMEOUT
GOV_TOO_SLOW = "/art/2019/6/17/art_933_1006720.html"  # 4 s > DOWNLOAD_TIMEOUT 2 s: failed
LIFE_PRINTED = "/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html"  # page 500, print ok
LIFE_BROKEN = "/index.php/ningbo-news/5785-ningbo-foreign-trade-rebounds-in-april.html"  # page and print 502
LIFE_GONE = "/index.php/business-news/5650-ningbo-private-firms-on-top-500-list.html"  # 410
LIFE_CUT = "/index.php/business-news/5597-ningbo-cross-border-e-commerce-booms.html"  # page and print cut
ALL_FAULTS = ";".join([
    f"status=503*2:{GOV_FLAKY}", f"status=500:{GOV_BROKEN}", f"status=404:{GOV_GONE}", f"truncate=0.7:{GOV_CUT}",
    f"charset=latin-1:{GOV_GBK}", f"charset=gb2312:{GOV_UTF8_LIE}", f"redirect_loop:{GOV_LOOP}",
    f"huge=6M:{GOV_HUGE}", f"slow=1:{GOV_SLOW}", f"slow=4:{GOV_TOO_SLOW}",
    "status=503*1:ningbo_gov:/module/jpage/dataproxy.jsp",  # a listing hiccup: retried
    f"status=500:ningbolife:{LIFE_PRINTED}@", f"status=502:ningbolife:{LIFE_BROKEN}",
    f"status=410:ningbolife:{LIFE_GONE}", f"truncate=0.7:ningbolife:{LIFE_CUT}",
    "slow=1:ningbolife:/index.php/business-news.html@start=5",
])


@pytest.mark.slow
def test_fault_mode_crawl_finishes_and_counts_every_failure(tmp_path: Path) -> None:
    """Every fault kind of the mirror at once, on both sites."""
    from devtools.mirror import FaultPlan, start_mirror
    from newsetl.steps import transform_page

    with start_mirror(faults=FaultPlan.parse(ALL_FAULTS)) as mirror:
        gov_base, life_base = mirror.base_urls["ningbo_gov"], mirror.base_urls["ningbolife"]
        gov = run_crawl_subprocess("ningbo_gov", tmp_path, base_url=gov_base, timeout=600,
                                   settings={"DOWNLOAD_TIMEOUT": 2})
        life = run_crawl_subprocess("ningbolife", tmp_path, base_url=life_base, timeout=600)

    # ---- ningbo_gov
    assert gov["finish_reason"] == "finished"
    errors = {e["url"][len(gov_base):]: e["error"] for e in gov["errors"]}
    cut_size = len((PAGES_DIR / "ningbo_gov" / GOV_CUT.lstrip("/")).read_bytes())
    assert errors == {
        GOV_BROKEN: "HTTP 500",
        # a body cut short on every try is no article: failed, named, not stored (nor seen)
        GOV_CUT: f"truncated response: got {int(cut_size * 0.7)} of {cut_size} bytes after 4 tries",
        GOV_GONE: "HTTP 404",
        GOV_LOOP: "redirect loop: gave up after 5 redirects",
        GOV_HUGE: f"too large: {6 * 1024 * 1024} bytes > DOWNLOAD_MAXSIZE {5 * 1024 * 1024}",
        GOV_TOO_SLOW: f"DownloadTimeoutError: Getting {gov_base}{GOV_TOO_SLOW} took longer than 2.0 seconds.",
    }
    expected = snapshot_articles("ningbo_gov")
    assert gov["articles"] == {"new": len(expected) - 6, "unchanged": 0, "failed": 6}
    assert gov["listings"] == 4 and gov["listings_failed"] == 0  # the dataproxy hiccup was retried
    assert gov["responses_by_status"]["503"] == 2 + 1
    assert gov["responses_by_status"]["500"] == 4  # first try + RETRY_TIMES
    assert gov["responses_by_status"]["404"] == 1 and gov["responses_by_status"]["302"] == 6
    assert gov["pages_truncated"] == 0 and gov["charset_corrected"] == 2  # no truncated page kept
    assert gov["warnings"] == []
    pages = {urlsplit(p["url"]).path: p for p in read_pages(tmp_path, "ningbo_gov") if p["kind"] == "article"}
    assert set(pages) == {urlsplit(u).path for u in expected} - set(errors)
    assert GOV_FLAKY in pages and GOV_SLOW in pages
    # wrong header charsets: the bytes decided
    assert "【Trademarks】" in pages[GOV_GBK]["html"] and pages[GOV_GBK]["encoding"] == "gb18030"
    assert pages[GOV_GBK]["headers"]["Content-Type"] == "text/html; charset=latin-1"
    assert pages[GOV_UTF8_LIE]["headers"]["Content-Type"] == "text/html; charset=gb2312"
    assert pages[GOV_UTF8_LIE]["encoding"] == "utf-8" and "大汉网络 大汉版通发布系统" in pages[GOV_UTF8_LIE]["html"]
    assert GOV_CUT not in pages and all(not p["truncated"] for p in pages.values())

    # ---- ningbolife
    assert life["finish_reason"] == "finished"
    errors = {e["url"][len(life_base):]: e["error"] for e in life["errors"]}
    cut_error = errors.pop(LIFE_CUT)  # the page cut, then its print view (the fault's glob matches both)
    assert re.fullmatch(r"truncated response: got \d+ of \d+ bytes after 4 tries; "
                        r"print view: truncated response: got \d+ of \d+ bytes after 4 tries", cut_error), cut_error
    assert errors == {LIFE_BROKEN: "HTTP 502; print view: HTTP 502", LIFE_GONE: "HTTP 410"}
    expected = snapshot_articles("ningbolife")
    assert life["articles"] == {"new": len(expected) - 3, "unchanged": 0, "failed": 3}
    assert life["articles_via_print"] == 1 and life["pages_truncated"] == 0
    assert life["responses_by_status"]["500"] == 4 and life["responses_by_status"]["502"] == 8
    assert life["responses_by_status"]["410"] == 1
    assert [w["url"][len(life_base):] for w in life["warnings"]] == [LIFE_PRINTED]
    pages = {urlsplit(p["url"]).path: p for p in read_pages(tmp_path, "ningbolife") if p["kind"] == "article"}
    assert set(pages) == {urlsplit(u).path for u in expected} - set(errors) - {LIFE_CUT}
    printed = pages[LIFE_PRINTED]
    assert printed["via"] == "print" and printed["url"] == life_base + LIFE_PRINTED
    assert printed["final_url"] == life_base + LIFE_PRINTED + "?tmpl=component&print=1&layout=default"
    assert printed["canonical_url"] == "http://www.ningbolife.com" + LIFE_PRINTED
    assert 'id="pop-print"' in printed["html"] and "Visit Charity Shop" not in printed["html"]
    row, _ = transform_page(printed, "run", "joomla")
    assert row["url"] == "http://www.ningbolife.com" + LIFE_PRINTED
    assert row["title"] == "Yongjiang Laboratory recruits top scientists" and "1,200 mu" in row["body"]
    assert sum(p["via"] == "print" for p in pages.values()) == 1

    totals = json.loads((tmp_path / "crawl_report.json").read_text())
    assert totals["articles"]["failed"] == 9 and totals["error_count"] == 9
    assert totals["articles_via_print"] == 1 and totals["pages_truncated"] == 0 and totals["warning_count"] == 1


@pytest.mark.slow
def test_one_crawl_per_source_and_run_and_a_rerun_keeps_the_first(site: FixtureSite, tmp_path: Path) -> None:
    from core.rundir import RunPaths, exclusive

    base = site.base_urls["ningbolife"]
    first = run_crawl_subprocess("ningbolife", tmp_path, base_url=base, timeout=300)
    first_pages = read_pages(tmp_path, "ningbolife")
    paths = RunPaths(tmp_path.resolve())
    with exclusive(paths.crawl_lock("ningbolife"), "the crawl of ningbolife into run x"):
        busy = _run_cli("--source", "ningbolife", "--base-url", base, "--out", str(tmp_path))
    assert busy.returncode != 0
    assert busy.stderr.splitlines()[-1].startswith(
        f"crawlers.run: error: the crawl of ningbolife into run {tmp_path.name} is already running (pid ")
    again = run_crawl_subprocess("ningbolife", tmp_path, base_url=base, timeout=300)
    assert again["articles"] == first["articles"]
    [kept] = paths.attempts().iterdir()
    with gzip.open(kept / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert [json.loads(line)["url"] for line in fh] == [p["url"] for p in first_pages]
    assert len(read_pages(tmp_path, "ningbolife")) == len(first_pages)


@pytest.mark.slow
def test_a_listing_that_yields_no_article_links_mails_on_call_as_template_drift(
        site: FixtureSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ningbolife category blog changes its markup (no item the spider knows): the crawl
    still finishes, but the listing's 0 links reach the crawl report, the run summary and
    one mail on a real SMTP server; the feed's articles still load."""
    from devtools import refused_port
    from devtools.smtp_sink import start_sink
    from newsetl import steps

    base = site.base_urls["ningbolife"]
    site.overrides[("ningbolife", "/index.php/ningbo-news.html")] = (
        200, "text/html; charset=utf-8",
        b"<html><head><title>Ningbo News</title></head><body><div class='com-content-category-blog'>"
        b"<div class='new-layout'><p>Items are now rendered by a script.</p></div></div></body></html>", {})
    run_dir = tmp_path / "run-drift"
    report = run_crawl_subprocess("ningbolife", run_dir, base_url=base, timeout=300)
    listing = f"{base}/index.php/ningbo-news.html"
    assert report["finish_reason"] == "finished" and report["listings_without_links"] == 1
    assert {"url": listing, "warning": f"template drift?: listing {listing} yielded 0 article links"} \
        in report["warnings"]
    assert report["articles"]["new"] > 0  # the feed still reaches articles
    live = "http://www.ningbolife.com/index.php/ningbo-news.html"
    assert report["listing_links"][live] == 0  # per listing, under the live URL (history compares them)
    assert report["listing_links"][f"{live}?format=feed&type=rss"] > 0

    steps.transform(str(run_dir))
    summary_file = run_dir / "validation" / "summary.json"
    with refused_port() as port, start_sink(tmp_path / "mail") as sink:
        dead = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
        for _attempt in range(2):  # a rerun mails nobody again
            steps.validate(str(run_dir), database_url=dead)  # the drift alone does not block the load
        mails = sink.messages()
    # the fixture site serves one article page for every article URL: the transform stages it once,
    # the other URLs named as its duplicates (not quarantined)
    transformed = json.loads((run_dir / "staged" / "transform_report.json").read_text(encoding="utf-8"))
    assert transformed["articles"] == 1 and transformed["duplicates"] == report["articles"]["new"] - 1
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    assert summary["batch_failed"] is False
    assert summary["crawl_alerts"] == [  # (the fixture site's business-news listing answers 404)
        f"source ningbolife: template drift?: listing {listing} yielded 0 article links",
        f"source ningbolife: 1 listing page could not be read (first: {base}/index.php/business-news.html: HTTP 404): "
        "the articles listed only there were not crawled this run"]
    assert summary["alert_sent"] is True
    assert "template_drift" in {w["expectation"] for w in summary["warnings"]}
    [mail] = mails
    body = mail.get_body(preferencelist=("html",)).get_content()
    # the listing's URL a link where the finding names it, not repeated after the text
    assert f'listing <a href="{listing}">{listing}</a> yielded 0 article links</li>' in body
    assert 'href="README.md#template-drift"' in body
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert f"listing {listing} yielded 0 article links" in text


def _validate_mailing_on_call(run_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list]:
    """Validate a transformed crawl run with on-call's mail going to a real SMTP sink on loopback and no
    warehouse to compare with (a refused port): (the run summary, the mails sent)."""
    from devtools import refused_port
    from devtools.smtp_sink import start_sink
    from newsetl import steps

    with refused_port() as port, start_sink(tmp_path / "mail") as sink:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.conn_uri)
        monkeypatch.setenv("NEWSETL_ALERT_EMAILS", "oncall@example.org")
        steps.validate(str(run_dir), database_url=f"postgresql://postgres@127.0.0.1:{port}/postgres")
        mails = sink.messages()
    return json.loads((run_dir / "validation" / "summary.json").read_text(encoding="utf-8")), mails


@pytest.mark.slow
def test_a_blog_item_without_any_link_to_its_article_is_mailed_as_template_drift(
        site: FixtureSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Link Titles: No" and an article without Read more: the first item of ningbolife's blog shows no link
    to its article. It was never requested nor counted; now the crawl report counts and names it, and
    validation mails it (a template-drift finding beside the unreadable business-news listing)."""
    from newsetl import steps

    base = site.base_urls["ningbolife"]
    page = fixture("ningbolife", "ningbo-news.html").decode()
    page = re.sub(r'<h2><a href="[^"]*5839-[^"]*">(.*?)</a></h2>', r"<h2>\1</h2>", page)
    page = re.sub(r'<p class="readmore"><a href="[^"]*5839-.*?</p>', "", page)
    assert "5839-" not in page
    site.overrides[("ningbolife", "/index.php/ningbo-news.html")] = (200, "text/html; charset=utf-8", page.encode(), {})
    run_dir = tmp_path / "run-unlinked"
    report = run_crawl_subprocess("ningbolife", run_dir, base_url=base, timeout=300)
    listing = f"{base}/index.php/ningbo-news.html"
    warning = (f"template drift?: listing {listing}: 1 item shows no link to its article, not crawled "
               "(first: 'Yongjiang Laboratory recruits top scientists from home and abroad')")
    assert report["listing_items_without_link"] == 1 and {"url": listing, "warning": warning} in report["warnings"]
    steps.transform(str(run_dir))
    summary, mails = _validate_mailing_on_call(run_dir, tmp_path, monkeypatch)
    assert f"source ningbolife: {warning}" in summary["crawl_alerts"] and summary["batch_failed"] is False
    [mail] = mails
    assert "Yongjiang Laboratory recruits top scientists" in mail.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.slow
def test_a_listing_page_that_cannot_be_read_is_named_in_the_run_summary_and_mailed(
        site: FixtureSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One of ningbolife's two listings answers 404 (a category moved or removed): the other and the feed
    still reach articles, so it is no crawl outage, and the articles listed only there were lost with a
    count in the crawl line only, day after day. Now a (non-blocking) crawl-outage finding: in the
    validate lines of the run summary and in one mail on a real SMTP server; the load goes on."""
    from newsetl import steps

    base = site.base_urls["ningbolife"]
    run_dir = tmp_path / "run-listing-404"
    report = run_crawl_subprocess("ningbolife", run_dir, base_url=base, timeout=300)
    gone = f"{base}/index.php/business-news.html"
    assert report["listings_failed"] == 1 and report["articles"]["new"] > 0
    assert {"url": gone, "error": "HTTP 404", "kind": "listing"} in report["errors"]
    steps.transform(str(run_dir))
    summary, mails = _validate_mailing_on_call(run_dir, tmp_path, monkeypatch)
    text = (f"source ningbolife: 1 listing page could not be read (first: {gone}: HTTP 404): the articles listed "
            "only there were not crawled this run")
    assert summary["batch_failed"] is False and summary["crawl_alerts"] == [text]
    [finding] = [f for f in summary["findings"] if f["kind"] == "crawl_outage"]
    assert finding == {"kind": "crawl_outage", "source": "ningbolife", "text": text, "blocks_load": False,
                       "url": gone, "listings_failed": 1}
    assert f"  alert: {text}" in summaries.validate(summary).splitlines()
    [mail] = mails
    assert mail["Subject"].startswith("[newsetl] crawl outage: ningbolife — 1 listing page could not be read")
    plain = mail.get_body(preferencelist=("plain",)).get_content()
    assert gone in plain and "README.md#crawl-outage" in plain and "LOAD BLOCKED" not in mail["Subject"]


@pytest.mark.slow
def test_a_listing_read_by_url_shape_only_mails_on_call_as_template_drift(
        site: FixtureSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ningbolife blog's markup changed (every class and id renamed, as devtools.mirror's listing_markup
    fault): the template's selectors find no item and the URL-shape fallback reads the links. That fallback
    can miss articles (a non-SEF blog's next page, links outside the main content), yet it was only a log
    line and a crawl-report warning: now it is a template-drift finding in the run summary and the mail."""
    from devtools.mirror import mutate
    from newsetl import steps

    base = site.base_urls["ningbolife"]
    pages = {**LIFE_PAGES, "/index.php/business-news.html": "ningbo-news.html"}  # (it answers 404 otherwise)
    for path, name in pages.items():
        site.overrides[("ningbolife", path)] = (200, "text/html; charset=utf-8",
                                                mutate(fixture("ningbolife", name), ("listing_markup",)), {})
    run_dir = tmp_path / "run-shape"
    report = run_crawl_subprocess("ningbolife", run_dir, base_url=base, timeout=300)
    listing = f"{base}/index.php/ningbo-news.html"
    assert report["finish_reason"] == "finished" and report["listings_by_url_shape"] >= 1
    steps.transform(str(run_dir))
    summary, mails = _validate_mailing_on_call(run_dir, tmp_path, monkeypatch)
    assert summary["batch_failed"] is False  # the links were found: the load goes on
    [finding] = [f for f in summary["findings"] if f.get("by_url_shape")]
    assert finding["kind"] == "template_drift" and finding["source"] == "ningbolife"
    first = finding["url"]
    assert finding["by_url_shape"] == report["listings_by_url_shape"]
    assert first in (listing, f"{base}/index.php/business-news.html")
    assert finding["text"] in summary["crawl_alerts"]
    assert "read by URL shape only" in finding["text"] and first in finding["text"]
    [mail] = mails
    assert mail["Subject"].startswith(f"[newsetl] template drift: ningbolife — "
                                      f"{report['listings_by_url_shape']} listing page")
    assert "read by URL shape only" in mail["Subject"]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "read by URL shape only" in text and first in text and "README.md#template-drift" in text
    assert "template drift" in mail["Subject"] and "ningbolife" in mail["Subject"]


# ------------------------------------------------------------------- a generic source (YAML only)
GENERIC_YAML = """
sources:
  cnnb_en:
    site: cnnb.example
    template: generic
    base_url: http://cnnb.example
    article_pattern: '^/en/news/\\d{4}-\\d{2}/\\d{2}/[\\w-]+\\.html$'
    feeds: [/en/rss.xml]
    sitemaps: [/sitemap_index.xml, /robots.txt]
    listings: [/en/list.html]
"""
GENERIC_ARTICLES = {f"/en/news/2020-06/0{i}/story-{i}.html": f"Ningbo story number {i}" for i in range(1, 8)}
GENERIC_PARAGRAPHS = (
    "Ningbo's high-tech enterprises invested 12.5 billion yuan in research and development last year, "
    "up 14.2 percent year-on-year, the city's science bureau said on Monday.",
    "The city now has 3,900 high-tech enterprises, and their output accounted for 60.3 percent of the "
    "industrial output of large enterprises.",
    "Officials said the new laboratories in the Yongjiang corridor would open to companies next spring.",
)


def _generic_site(foreign: str) -> ThreadingHTTPServer:
    paths = list(GENERIC_ARTICLES)
    pages = {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /admin/\nSitemap: http://cnnb.example/en/news-sitemap.xml\n"),
        "/en/news-sitemap.xml": ("application/xml", (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<url><loc>http://cnnb.example{paths[6]}</loc></url></urlset>").encode()),
        "/en/rss.xml": ("application/rss+xml", (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
            + "".join(f"<item><title>{GENERIC_ARTICLES[p]}</title><link>http://cnnb.example{p}</link>"
                      f"<pubDate>Mon, 01 Jun 2020 08:00:00 +0800</pubDate></item>" for p in paths[:2])
            + f"<item><title>elsewhere</title><link>{foreign}/en/news/2020-06/09/elsewhere.html</link></item>"
            + "<item><title>about</title><link>http://cnnb.example/en/about.html</link></item>"
            "</channel></rss>").encode()),
        "/sitemap_index.xml": ("application/xml", (
            b"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            b"<sitemap><loc>http://cnnb.example/en/sitemap-1.xml</loc></sitemap></sitemapindex>")),
        "/en/sitemap-1.xml": ("application/xml", (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "".join(f"<url><loc>http://cnnb.example{p}</loc></url>" for p in paths[1:4])
            + "</urlset>").encode()),
        "/en/list.html": ("text/html", (
            "<html><body><nav><a href='/en/news/2020-06/08/menu-only.html'>menu</a></nav><main>"
            + "".join(f"<h3><a href='{p}'>{GENERIC_ARTICLES[p]}</a></h3>" for p in paths[3:6])
            + "</main><footer><a href='/en/news/2020-06/09/footer-only.html'>footer</a></footer></body></html>"
        ).encode()),
    }
    for path, title in GENERIC_ARTICLES.items():
        pages[path] = ("text/html", (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><article>"
                                     + "".join(f"<p>{text}</p>" for text in GENERIC_PARAGRAPHS)
                                     + "</article></body></html>").encode())

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            ctype, body = pages.get(self.path, ("text/html", b"<html><body>404</body></html>"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", ctype + "; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.slow
def test_a_generic_source_is_a_yaml_entry_crawled_from_feeds_sitemaps_and_listings(
        site: FixtureSite, tmp_path: Path) -> None:
    from newsetl import steps

    server = _generic_site(site.base_urls["foreign"])
    try:
        registry = tmp_path / "sources.yml"
        registry.write_text(GENERIC_YAML, encoding="utf-8")
        base = f"http://127.0.0.1:{server.server_address[1]}"
        source = load_sources({"cnnb_en": base}, path=registry)["cnnb_en"]
        assert (source.template, source.spider_name) == ("generic", "generic")
        run_dir = tmp_path / "run-generic"
        report = run_crawl_subprocess(source, run_dir, timeout=300)
    finally:
        server.shutdown()
        server.server_close()
    assert report["source"] == "cnnb_en" and report["finish_reason"] == "finished"
    # feed 2 + sitemap index 3 + list 3 + robots.txt's sitemap 1, each once
    assert report["articles"] == {"new": 7, "unchanged": 0, "failed": 0}
    assert report["offsite_links"] == 1 and not [h for h in site.hits if h[0] == "foreign"]
    stored = {p["canonical_url"] for p in read_pages(run_dir, "cnnb_en") if p["kind"] == "article"}
    assert stored == {f"http://cnnb.example{p}" for p in GENERIC_ARTICLES}  # not the menu or footer links

    counts = steps.transform(str(run_dir))
    assert counts["articles"] == 7 and counts["rejected"] == 0 and counts["metrics"] >= 14


@pytest.mark.slow
def test_since_backfills_to_a_day_and_stops_paging_there(site: FixtureSite, tmp_path: Path) -> None:
    """--since 2019-06-01: the column pages' records dated 2019-06-01 or later are fetched,
    older ones are skipped and counted, and no dataproxy group (all older) is asked for."""
    base = site.base_urls["ningbo_gov"]
    state = tmp_path / "state"
    report = run_crawl_subprocess("ningbo_gov", tmp_path / "run", base_url=base, since="2019-06-01",
                                  state_dir=state, timeout=300)
    hits = site.article_hits("ningbo_gov")
    # col933 lists 12 articles from 2019-06-17 on (3 older), col934 7 from 2019-07-02 on (1 older)
    assert report["articles"] == {"new": 19, "unchanged": 0, "failed": 0} and len(hits) == 19
    assert report["articles_before_since"] == 4
    assert not [p for s, m, p in site.hits if s == "ningbo_gov" and m == "POST"]  # the groups are older
    dated = [urlsplit(p).path.split("/")[2:5] for p in hits]
    assert all((int(y), int(m), int(d)) >= (2019, 6, 1) for y, m, d in dated)
    bad = _run_cli("--source", "ningbo_gov", "--base-url", base, "--out", str(tmp_path / "x"), "--since", "2019-6-1")
    assert bad.returncode == 2 and "expected YYYY-MM-DD" in bad.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("name", "since"), [("ningbo_gov", "2019-06-01"), ("ningbolife", "2020-08-01")])
def test_a_backfill_leaves_the_next_incremental_crawl_counting_as_before(tmp_path: Path, name: str,
                                                                         since: str) -> None:
    """A backfill stops paging at `since` and stored its chains' links as the listings' state: the
    next incremental crawl, answered 304, replayed only those links, so it counted fewer articles
    unchanged (ningbo_gov 26 -> 23, ningbolife 22 -> 15 on the mirror) and a volume-drop warning
    could follow. A backfill keeps the state the last crawl of the whole listings stored."""
    from devtools.mirror import start_mirror

    state = tmp_path / "state"
    with start_mirror() as mirror:
        base = mirror.base_urls[name]
        first = run_crawl_subprocess(name, tmp_path / "r1", base_url=base, state_dir=state, timeout=600)
        seen = write_seen(tmp_path / "seen.txt", read_pages(tmp_path / "r1", name))
        before = run_crawl_subprocess(name, tmp_path / "r2", base_url=base, state_dir=state, seen_file=seen,
                                      timeout=600)
        assert before["articles"] == {"new": 0, "unchanged": first["articles"]["new"], "failed": 0}
        assert before["listings_not_modified"] == ROOTS[name]  # the stored links were replayed
        run_crawl_subprocess(name, tmp_path / "r3", base_url=base, state_dir=state, seen_file=seen, since=since,
                             timeout=600)
        after = run_crawl_subprocess(name, tmp_path / "r4", base_url=base, state_dir=state, seen_file=seen,
                                     timeout=600)
    assert after["articles"] == before["articles"] and after["listings_not_modified"] == ROOTS[name]


@pytest.mark.slow
def test_a_backfill_over_undated_blog_pages_stops_at_the_articles_own_dates(site: FixtureSite, tmp_path: Path):
    """The fixture blog pages show no dates; their articles say 'Published: Tuesday, 30 June
    2020'. A backfill to 2020-07-01 reads the first page's articles, finds them older, and
    pages no further; one to 2020-06-01 walks the whole category."""
    base = site.base_urls["ningbolife"]
    short = run_crawl_subprocess("ningbolife", tmp_path / "short", base_url=base, since="2020-07-01",
                                 state_dir=tmp_path / "s1", timeout=300)
    listed = {p for s, m, p in site.hits if s == "ningbolife" and "ningbo-news.html" in p}
    assert "/index.php/ningbo-news.html?start=5" not in listed and short["finish_reason"] == "finished"
    site.hits.clear()
    whole = run_crawl_subprocess("ningbolife", tmp_path / "whole", base_url=base, since="2020-06-01",
                                 state_dir=tmp_path / "s2", timeout=300)
    listed = {p for s, m, p in site.hits if s == "ningbolife" and "ningbo-news.html" in p}
    assert {"/index.php/ningbo-news.html?start=5", "/index.php/ningbo-news.html?start=10"} <= listed
    assert whole["articles"]["new"] > short["articles"]["new"]
