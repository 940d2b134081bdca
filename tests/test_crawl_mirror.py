"""Integration: real crawls (`run_crawl_subprocess`, one Scrapy process each) over loopback.

Two servers: a small fixture site over tests/fixtures/html (records every request, so
"fetched exactly once" is checked server-side) and the project's mirror of
seeds/pages (newsetl.mirror).
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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawlers.run import run_crawl_subprocess
from newsetl.config import PAGES_DIR, load_sources
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
        self._servers = [self._serve("ningbo_gov", self._gov), self._serve("ningbolife", self._life)]
        self.base_urls = {
            name: f"http://127.0.0.1:{server.server_address[1]}" for name, server in self._servers
        }

    def _serve(self, name: str, route) -> tuple[str, ThreadingHTTPServer]:
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
                status, ctype, payload = route(method, self.path, body, self.headers)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                self._answer("GET")

            def do_POST(self) -> None:
                self._answer("POST")

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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

    def _life(self, method: str, path: str, body: str, headers) -> tuple[int, str, bytes]:
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
                             "headers", "encoding", "fetched_at", "html"}

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
    assert report["errors"] == [{"url": base + "/index.php/business-news.html", "error": "HTTP 404"}]

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
    # --full ignores the seen-file
    site.hits.clear()
    full = run_crawl_subprocess("ningbolife", tmp_path / "third", base_url=base, seen_file=seen,
                                full=True, timeout=300)
    assert full["articles"]["new"] == 10 and len(site.article_hits("ningbolife")) == 10


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


@pytest.mark.slow
def test_crawl_of_the_mirror_fetches_every_snapshot_article_once(tmp_path: Path) -> None:
    from newsetl.mirror import start_mirror

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
            assert all(p["status"] == 200 for p in articles)
            assert report["articles"] == {"new": len(expected), "unchanged": 0, "failed": 0}
            assert report["listings"] == len([p for p in first_pages[name] if p["kind"] == "listing"])
            assert report["errors"] == [] and report["finish_reason"] == "finished"
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
            seen = write_seen(tmp_path / f"{name}.seen.txt", first_pages[name])
            again = run_crawl_subprocess(name, tmp_path / "again", base_url=mirror.base_urls[name],
                                         seen_file=seen, timeout=600)
            assert again["articles"] == {"new": 0, "unchanged": reports[name]["articles"]["new"],
                                         "failed": 0}
            assert [p for p in read_pages(tmp_path / "again", name) if p["kind"] == "article"] == []


@pytest.mark.slow
def test_mirror_faults_are_retried_or_counted_as_failed(tmp_path: Path) -> None:
    from newsetl.mirror import FaultPlan, start_mirror

    flaky = "/art/2019/8/18/art_933_1016946.html"   # 503 twice, then fine: retried
    broken = "/art/2020/8/19/art_933_1075566.html"  # always 500: failed after 3 retries
    gone = "/art/2019/1/28/art_933_981487.html"     # 404: failed, not retried
    cut = "/art/2019/12/20/art_933_1040017.html"    # truncated body: download error, failed
    plan = FaultPlan.parse(f"status=503*2:{flaky};status=500:{broken};status=404:{gone};truncate:{cut}")
    expected = snapshot_articles("ningbo_gov")
    with start_mirror(faults=plan) as mirror:
        base = mirror.base_urls["ningbo_gov"]
        report = run_crawl_subprocess("ningbo_gov", tmp_path, base_url=base, timeout=600)
    assert report["finish_reason"] == "finished"
    assert report["articles"] == {"new": len(expected) - 3, "unchanged": 0, "failed": 3}
    errors = {e["url"][len(base):]: e["error"] for e in report["errors"]}
    assert set(errors) == {broken, gone, cut}
    assert errors[broken] == "HTTP 500" and errors[gone] == "HTTP 404"
    assert errors[cut].startswith("ResponseDataLoss")
    assert flaky not in errors
    assert report["responses_by_status"]["503"] == 2
    assert report["responses_by_status"]["500"] == 4  # first try + RETRY_TIMES
    assert report["responses_by_status"]["404"] == 1
    fetched = {urlsplit(p["url"]).path for p in read_pages(tmp_path, "ningbo_gov") if p["kind"] == "article"}
    assert flaky in fetched
    assert not fetched & {broken, gone, cut}
