"""Bad input that used to lose text silently: deep nesting, a text node over 10 MB, invalid UTF-8.

Each case runs the real parser (lxml/libxml2) on a Joomla article page of the snapshot's
shape, and where a user sees it, the real `newsetl extract` command or the crawl's
pipeline and the transform step on a run directory.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request

from core.records import MAX_BODY_CHARS, MAX_PAGE_BYTES
from core.rundir import RunPaths, read_jsonl, write_jsonl
from transforms.errors import NotAnArticle
from transforms.page import parse_page
from transforms.templates import htmlutil

ROOT = Path(__file__).resolve().parents[1]
NEWSETL = str(Path(sys.executable).with_name("newsetl"))
PAGE = ROOT / "tests" / "fixtures" / "html" / "ningbolife" / \
    "5812-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
URL = "http://www.ningbolife.com/index.php/ningbo-news/5812-ningbo-accelerates.html"
PARAGRAPHS = ("<p>Innovation is Ningbo's core competitiveness.</p>\n"
              "<p>In 2019, Ningbo R&amp;D expenditures accounted for nearly 2.8% of GDP.</p>")
FIRST = "Innovation is Ningbo's core competitiveness."
SECOND = "In 2019, Ningbo R&D expenditures accounted for nearly 2.8% of GDP."
# A text node over libxml2's 10 MB limit: without huge_tree lxml 6.1 / libxml2 2.14 dropped this
# one (12 MB) whole and `extract` printed the article without it, exit 0.
HUGE_TEXT = 12 * 1000 * 1000


def page_with(paragraphs: str) -> str:
    """The snapshot's Joomla article page with its two body paragraphs replaced."""
    html = PAGE.read_text(encoding="utf-8")
    assert PARAGRAPHS in html
    return html.replace(PARAGRAPHS, paragraphs)


def nested(depth: int) -> str:
    return page_with("<div>" * depth + PARAGRAPHS + "</div>" * depth)


def newsetl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], capture_output=True, text=True, timeout=600)


# --------------------------------------------------------------------------- deep nesting
@pytest.mark.parametrize(("depth", "warned"), [(300, []), (3000, ["nesting"])])
def test_deeply_nested_article_keeps_its_text(depth: int, warned: list[str]) -> None:
    """libxml2 stopped at 256 levels and the page came out "empty"; 3000 levels is beyond
    even its huge_tree limit (2048), so the page is flattened first (and says so)."""
    article = parse_page(nested(depth), url=URL)
    assert article.title == "Ningbo accelerates construction of high-level innovative cities"
    assert FIRST in article.body and SECOND in article.body
    assert [m.value for m in article.metrics] == [2.8]
    assert [w.split(":")[0] for w in article.warnings] == warned


def test_nesting_that_cannot_be_flattened_is_rejected_as_unparseable_never_empty(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a pre-pass that keeps more levels than the parser allows cannot help: the reason says so
    monkeypatch.setattr(htmlutil, "FLATTEN_MARGIN", -5000)
    with pytest.raises(NotAnArticle) as caught:
        parse_page(nested(3000), url=URL)
    assert caught.value.kind == "unparseable"
    assert f"nesting deeper than {htmlutil.FLATTEN_DEPTH} levels" in str(caught.value)


def test_flatten_keeps_every_text_and_turns_deep_blocks_into_breaks() -> None:
    html = "<div>" * 5 + "<p>one</p><span>two</span><script>if (a<b) {}</script><!-- <div> -->" + "</div>" * 5
    flat, unwrapped = htmlutil.flatten_nesting(html, 3)
    assert unwrapped == 4  # two divs, the p and the span below level 3
    assert flat == ("<div>" * 3 + "<br><br><br>one<br>two<script>if (a<b) {}</script><!-- <div> -->"
                    + "<br><br>" + "</div>" * 3)


# --------------------------------------------------------------------------- huge text node
def test_text_node_over_10_mb_is_rejected_by_name_not_dropped(tmp_path: Path) -> None:
    """A text node over 10 MB: libxml2 dropped it and `extract` printed the article without it, exit 0."""
    sentence = "Ningbo reported steady growth in research output across its districts this year. "
    huge = sentence * (HUGE_TEXT // len(sentence))
    page = tmp_path / "huge.html"
    page.write_text(page_with(f"<p>{FIRST}</p>\n<p>{huge}</p>"), encoding="utf-8")
    assert page.stat().st_size > MAX_PAGE_BYTES

    proc = newsetl("extract", str(page))
    assert proc.returncode == 1 and proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"newsetl extract: {page}: not an article (oversized): page of ")
    assert f"above the page size limit of {MAX_PAGE_BYTES} bytes" in line


def test_body_above_the_max_article_size_survives_the_transform_with_a_warning() -> None:
    sentence = "Ningbo reported steady growth in research output across its districts this year. "
    long_text = sentence * (MAX_BODY_CHARS // len(sentence) + 100)
    article = parse_page(page_with(f"<p>{FIRST}</p>\n<p>{long_text}</p>"), url=URL)
    assert long_text.strip() in article.body and len(article.body) > MAX_BODY_CHARS
    (warning,) = article.warnings
    assert warning.startswith("oversized: body of ") and "validation quarantines it (body_length)" in warning


# --------------------------------------------------------------------------- invalid UTF-8
def bad_utf8_page() -> bytes:
    """The page declaring UTF-8, with two bytes that are not UTF-8 in its body (and none that GB18030 reads)."""
    good = page_with(PARAGRAPHS.replace("core competitiveness", "core \x00\x00competitiveness"))
    raw = good.encode("utf-8")
    return raw.replace(b"\x00\x00", b"\xff\xfe ")


def test_invalid_utf8_is_counted_and_warned_not_replaced_silently() -> None:
    article = parse_page(bad_utf8_page(), url=URL)
    assert "core \ufffd\ufffd competitiveness" in article.body  # replaced, and now counted
    assert article.warnings == ["encoding: 2 invalid utf-8 byte sequences replaced with U+FFFD"]
    # a page that really contains U+FFFD (valid UTF-8) is no decoding error
    genuine = parse_page(page_with(PARAGRAPHS.replace("core", "core \ufffd")).encode("utf-8"), url=URL)
    assert genuine.warnings == []


def test_extract_prints_one_warning_line_per_repair_and_the_whole_article(tmp_path: Path) -> None:
    bad = tmp_path / "bad-utf8.html"
    bad.write_bytes(bad_utf8_page())
    deep = tmp_path / "deep.html"
    deep.write_text(nested(1000), encoding="utf-8")
    proc = newsetl("extract", str(bad), str(deep))
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["path"] for d in docs] == [str(bad), str(deep)]
    assert all(SECOND in d["body"] for d in docs) and "warnings" not in docs[0]
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == (f"newsetl extract: {bad}: warning: encoding: 2 invalid utf-8 byte sequences "
                        "replaced with U+FFFD")
    assert lines[1].startswith(f"newsetl extract: {deep}: warning: nesting: HTML nested deeper than ")
    assert len(lines) == 2


def test_crawl_counts_pages_it_decoded_with_replacements(tmp_path: Path) -> None:
    from scrapy.utils.test import get_crawler

    from core.sources import load_sources
    from crawlers.pipelines import RawPagePipeline
    from crawlers.settings import settings_for
    from crawlers.spiders.joomla import JoomlaSpider

    base = "http://127.0.0.1:9"
    source = load_sources({"ningbolife": base})["ningbolife"]
    crawler = get_crawler(JoomlaSpider, settings_for(source, tmp_path))
    pipeline = RawPagePipeline.from_crawler(crawler)
    pipeline.open_spider()
    spider = JoomlaSpider(base_url=base)
    url = base + "/index.php/ningbo-news/5812-ningbo-accelerates.html"
    request = Request(url, meta={"kind": "article", "via": "direct"})
    good = PAGE.read_bytes()
    for body in (bad_utf8_page(), good):
        response = HtmlResponse(url=url, body=body, request=request,
                                headers={"Content-Type": "text/html; charset=utf-8"})
        (page,) = list(spider.parse_article(response))
        pipeline.process_item(page)
    pipeline.close_spider()
    pipeline.spider_closed(spider, "finished")
    report = json.loads((tmp_path / "raw" / "ningbolife" / "crawl_report.json").read_text())
    assert report["pages_with_decode_errors"] == 1
    assert report["warnings"] == [{"url": url, "warning": "invalid utf-8 bytes: 2 byte sequences replaced "
                                                          "with U+FFFD"}]
    assert json.loads((tmp_path / "crawl_report.json").read_text())["pages_with_decode_errors"] == 1
    stored = list(read_jsonl(RunPaths(tmp_path).pages("ningbolife")))
    assert [p["decode_errors"] for p in stored] == [2, 0]


def test_transform_report_names_and_counts_the_repaired_pages(tmp_path: Path) -> None:
    from newsetl import summaries
    from newsetl.steps import transform

    run = tmp_path / "runs" / "run1"
    paths = RunPaths(run).make()
    base = {"source": "ningbolife", "kind": "article", "status": 200, "headers": {}, "encoding": "utf-8",
            "fetched_at": "2026-12-02T00:00:00+00:00", "via": "direct", "truncated": False}
    rows = [
        {**base, "url": URL + "?bad", "canonical_url": URL.replace("5812", "5813"), "decode_errors": 2,
         "html": bad_utf8_page().decode("utf-8", errors="replace")},
        # its text differs from the third page's: the same content under two URLs is one article
        {**base, "url": URL + "?deep", "canonical_url": URL.replace("5812", "5814"),
         "html": nested(600).replace(FIRST, "Innovation is Ningbo's deepest competitiveness.")},
        {**base, "url": URL + "?ok", "canonical_url": URL, "html": PAGE.read_text(encoding="utf-8")},
    ]
    write_jsonl(paths.pages("ningbolife"), rows)
    counts = transform(str(run))
    assert (counts["articles"], counts["rejected"]) == (3, 0)
    assert counts["warnings"] == {"encoding": 1, "nesting": 1}
    assert [(w["url"], [line.split(":")[0] for line in w["warnings"]]) for w in counts["page_warnings"]] == [
        (URL.replace("5812", "5813"), ["encoding"]), (URL.replace("5812", "5814"), ["nesting"])]
    assert counts["page_warnings"][0]["warnings"] == [
        "encoding: 2 invalid utf-8 byte sequences replaced with U+FFFD by the crawl"]
    assert json.loads(paths.transform_report.read_text()) == counts
    assert summaries.transform(counts).endswith("; page warnings: encoding 1, nesting 1")


def test_the_transform_line_names_each_rejected_page_and_why(tmp_path: Path) -> None:
    """A page the transform rejects is counted, quarantined and named under the run summary's
    transform line with its reason (on-call reads which page and why without opening rejects.jsonl);
    past summaries.NAMED_PAGES of them, the rest are counted."""
    from newsetl import summaries
    from newsetl.steps import transform

    run = tmp_path / "runs" / "run1"
    paths = RunPaths(run).make()
    base = {"source": "ningbolife", "kind": "article", "status": 200, "headers": {}, "encoding": "utf-8",
            "fetched_at": "2026-12-02T00:00:00+00:00", "via": "direct", "truncated": False}
    page = PAGE.read_text(encoding="utf-8")
    empty = [{**base, "url": f"{URL}?empty{n}", "canonical_url": URL.replace("5812", str(5820 + n)),
              "html": "<html><body><div class='item-page'><p>&nbsp;</p></div></body></html>"}
             for n in range(summaries.NAMED_PAGES + 1)]
    rows = [{**base, "url": URL, "canonical_url": URL, "html": page},
            {**base, "url": URL + "?zh", "canonical_url": URL.replace("5812", "5819"),
             "html": "<html><body><div class='item-page'><h2>宁波科技创新</h2><div itemprop='articleBody'><p>"
                     + "宁波市科技创新大会召开。" * 30 + "</p></div></div></body></html>"},
            *empty]
    write_jsonl(paths.pages("ningbolife"), rows)
    counts = transform(str(run))
    rejected = len(rows) - 1
    assert (counts["articles"], counts["rejected"], counts["pages_rejected"]) == (1, rejected, rejected)
    assert [r["url"] for r in counts["rejected_pages"]] == [r["canonical_url"] for r in rows[1:]]
    line = summaries.transform(counts)
    named = [entry.strip() for entry in line.splitlines()[1:]]
    assert named[0] == f"rejected: {URL.replace('5812', '5819')} (non_english: page language is 'zh', not English)"
    assert named[1] == f"rejected: {URL.replace('5812', '5820')} (empty: HTML page has no text)"
    assert len(named) == summaries.NAMED_PAGES + 1
    assert named[-1] == "... 2 more rejected pages in staged/rejects.jsonl"
    assert f"{rejected} rejected (quarantined)" in line.splitlines()[0]


def test_transform_quarantines_an_oversized_page_by_name(tmp_path: Path) -> None:
    """A raw page above the page limit (an archived run reprocessed, a crawl with another cap)."""
    from newsetl.steps import transform

    run = tmp_path / "runs" / "run2"
    paths = RunPaths(run).make()
    sentence = "Ningbo reported steady growth in research output across its districts this year. "
    huge = page_with(f"<p>{FIRST}</p>\n<p>{sentence * (HUGE_TEXT // len(sentence))}</p>")
    write_jsonl(paths.pages("ningbolife"), [
        {"url": URL, "canonical_url": URL, "source": "ningbolife", "kind": "article", "status": 200,
         "headers": {}, "encoding": "utf-8", "html": huge}])
    counts = transform(str(run))
    assert (counts["pages"], counts["articles"], counts["rejected"]) == (1, 0, 1)
    (reject,) = read_jsonl(paths.rejects)
    assert reject["url"] == URL and reject["stage"] == "transform"
    assert reject["reasons"] == [f"oversized: page of {len(huge.encode())} bytes is above the page size limit of "
                                 f"{MAX_PAGE_BYTES} bytes (the crawl's DOWNLOAD_MAXSIZE); not parsed"]


# --------------------------------------------------------------------------- damaged raw archives
def _archive_run(tmp_path: Path, name: str, pages: int = 3) -> tuple[RunPaths, list[bytes]]:
    """A run with two sources' archives of good article pages (three, and `pages` for ningbolife);
    returns the ningbolife archive's JSON lines (bytes) for a test to damage."""
    paths = RunPaths(tmp_path / "runs" / name).make()
    base = {"kind": "article", "status": 200, "headers": {}, "encoding": "utf-8",
            "fetched_at": "2026-12-02T00:00:00+00:00"}
    html = PAGE.read_text(encoding="utf-8")
    for source, count in (("ningbo_gov", 3), ("ningbolife", pages)):
        write_jsonl(paths.pages(source), [{"url": f"{URL}?{source}{n}", "source": source,  # url first, as crawled
                                           "canonical_url": URL.replace("5812", f"5812-{source}-{n}"), **base,
                                           # each its own text: one content under two URLs is one article
                                           "html": html.replace(FIRST, f"{FIRST[:-1]}, page {n}.")}
                                          for n in range(count)])
    import gzip

    lines = gzip.decompress(paths.pages("ningbolife").read_bytes()).splitlines(keepends=True)
    return paths, lines


def _transform_cli(paths: RunPaths) -> tuple[subprocess.CompletedProcess, dict]:
    proc = newsetl("transform", str(paths.root), "--json")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    counts = json.loads(proc.stdout)
    assert json.loads(paths.transform_report.read_text()) == counts
    return proc, counts


def test_a_bad_json_line_in_a_raw_archive_is_one_counted_record_and_the_rest_is_read(tmp_path: Path) -> None:
    """It stopped the transform: `newsetl transform: Expecting value: line 1 column 1 (char 0)`, naming
    neither file nor line, no page transformed."""
    import gzip

    from newsetl import summaries

    paths, lines = _archive_run(tmp_path, "badline")
    damaged = [lines[0], b"not json\n", lines[1][:300] + b"\n", lines[2]]  # line 3 cut mid-record
    paths.pages("ningbolife").write_bytes(gzip.compress(b"".join(damaged)))
    proc, counts = _transform_cli(paths)
    assert (counts["pages"], counts["articles"], counts["rejected"]) == (5, 5, 2)
    assert [(e["file"], e["source"], e["line"], e["kind"]) for e in counts["archive_errors"]] == [
        ("raw/ningbolife/pages.jsonl.gz", "ningbolife", 2, "bad_record"),
        ("raw/ningbolife/pages.jsonl.gz", "ningbolife", 3, "bad_record")]
    assert counts["archive_errors"][0]["error"] == "not JSON (Expecting value: line 1 column 1 (char 0))"
    assert ("transform: bad_record: raw/ningbolife/pages.jsonl.gz line 2: not JSON (Expecting value: line 1 "
            "column 1 (char 0))") in proc.stderr
    rejects = list(read_jsonl(paths.rejects))
    assert [(r["url"], r["source"], r["stage"]) for r in rejects] == [
        ("raw/ningbolife/pages.jsonl.gz#line=2", "ningbolife", "transform"),
        ("raw/ningbolife/pages.jsonl.gz#line=3", "ningbolife", "transform")]
    assert rejects[1]["reasons"][0].startswith("bad_record: raw/ningbolife/pages.jsonl.gz line 3: not JSON (")
    assert rejects[1]["record"]["page_url"] == URL + "?ningbolife1"  # named when the line still shows it
    assert summaries.transform(counts).endswith(
        "2 rejected (quarantined); 2 raw archive errors: raw/ningbolife/pages.jsonl.gz line 2 (bad_record), "
        "raw/ningbolife/pages.jsonl.gz line 3 (bad_record)")
    again = transform_in_process(paths)  # a rerun completes the same way
    assert (again["articles"], again["rejected"]) == (5, 2)


def transform_in_process(paths: RunPaths) -> dict:
    from newsetl.steps import transform

    return transform(str(paths.root))


@pytest.mark.parametrize(("damage", "line", "error"), [
    ("random bytes", 1, "not a gzip file (BadGzipFile: Not a gzipped file "),
    ("half a gzip file", None, "truncated from line "),
])
def test_a_damaged_raw_archive_is_one_named_failure_of_its_source_and_the_others_transform(
        tmp_path: Path, damage: str, line: int | None, error: str) -> None:
    """A random-bytes archive gave a BadGzipFile traceback, a half-written one an EOFError traceback;
    both exit 1 with no page transformed."""
    import gzip
    import os

    paths, lines = _archive_run(tmp_path, "damaged", pages=40)
    if damage == "random bytes":
        paths.pages("ningbolife").write_bytes(os.urandom(4096).replace(b"\x1f\x8b", b"xx"))
    else:  # a long archive cut in half: the pages before the cut are read
        whole = gzip.compress(b"".join(lines), compresslevel=0)
        paths.pages("ningbolife").write_bytes(whole[: len(whole) // 2])
    proc, counts = _transform_cli(paths)
    (entry,) = counts["archive_errors"]
    assert (entry["file"], entry["source"], entry["kind"]) == ("raw/ningbolife/pages.jsonl.gz", "ningbolife",
                                                               "damaged_archive")
    assert entry["error"].startswith(error)
    read_before = entry["line"] - 1
    if line is not None:
        assert entry["line"] == line and entry["error"].endswith("; nothing read")
    else:
        assert read_before > 3 and entry["error"].endswith(f"; the {read_before} lines before it read")
    assert counts["rejected"] == 1 and counts["pages"] == counts["articles"] == 3 + read_before
    (reject,) = read_jsonl(paths.rejects)
    assert reject["source"] == "ningbolife" and reject["url"] == f"raw/ningbolife/pages.jsonl.gz#line={entry['line']}"
    assert reject["reasons"] == [f"damaged_archive: raw/ningbolife/pages.jsonl.gz: {entry['error']}"]
    assert f"transform: damaged_archive: raw/ningbolife/pages.jsonl.gz: {entry['error']}" in proc.stderr
    gov = [a for a in read_jsonl(paths.staged_articles) if a["source"] == "ningbo_gov"]
    assert len(gov) == 3  # the other source's archive is transformed whole


# --------------------------------------------------------------------------- one article under several URLs
GOV_PAGE = ROOT / "seeds" / "pages" / "ningbo_gov" / "art" / "2019" / "1" / "28" / "art_933_981487.html"
GOV_ART = "http://english.ningbo.gov.cn/art/2019/1/28/art_{column}_981487.html"


@pytest.mark.parametrize("columns", [(934, 933, 940), (933, 940, 934)])
def test_an_article_listed_in_several_columns_is_staged_once_whatever_the_crawl_order(tmp_path: Path,
                                                                                     columns: tuple[int, ...]) -> None:
    """Hanweb JCMS lists one article in several columns as art_<column>_<id>.html: every copy was staged,
    and validation's content_hash_unique quarantined them all. Now the shortest URL, then the first
    alphabetically, is staged (art_933_...: the same whichever page the crawl finished first), with its
    metrics once; the others are counted and named as its duplicates, not rejected."""
    from newsetl.steps import transform

    paths = RunPaths(tmp_path / "runs" / f"gov{columns[0]}").make()
    html = GOV_PAGE.read_text(encoding="utf-8")
    write_jsonl(paths.pages("ningbo_gov"), [
        {"url": GOV_ART.format(column=c), "canonical_url": GOV_ART.format(column=c), "source": "ningbo_gov",
         "kind": "article", "status": 200, "headers": {}, "encoding": "utf-8", "html": html} for c in columns])
    counts = transform(str(paths.root))
    kept = GOV_ART.format(column=933)
    assert (counts["pages"], counts["articles"], counts["rejected"], counts["duplicates"]) == (3, 1, 0, 2)
    assert counts["duplicate_pages"] == [{"url": GOV_ART.format(column=c), "source": "ningbo_gov", "duplicate_of": kept}
                                         for c in (934, 940)]
    assert [a["url"] for a in read_jsonl(paths.staged_articles)] == [kept]
    metrics = list(read_jsonl(paths.staged_metrics))
    assert metrics and {m["article_url"] for m in metrics} == {kept} and counts["metrics"] == len(metrics)
    assert list(read_jsonl(paths.rejects)) == []


def test_articles_without_a_content_hash_are_not_taken_for_duplicates_of_each_other():
    """Grouped by (source, content_hash), two records that lack a hash would have been one
    "duplicate" of the other and dropped; they go on to validation (which judges such a record)."""
    from newsetl.steps import _drop_duplicates

    articles = {u: {"url": u, "source": "ningbolife", "content_hash": None}
                for u in ("http://www.ningbolife.com/a.html", "http://www.ningbolife.com/b.html")}
    articles["http://www.ningbolife.com/c.html"] = {"source": "ningbolife", "content_hash": "ab" * 32}
    articles["http://www.ningbolife.com/cc.html"] = {"source": "ningbolife", "content_hash": "ab" * 32}
    metrics = {u: [{"position": 0}] for u in articles}
    dropped = _drop_duplicates(articles, metrics)
    assert dropped == [{"url": "http://www.ningbolife.com/cc.html", "source": "ningbolife",
                        "duplicate_of": "http://www.ningbolife.com/c.html"}]
    assert sorted(articles) == ["http://www.ningbolife.com/a.html", "http://www.ningbolife.com/b.html",
                                "http://www.ningbolife.com/c.html"]
    assert "http://www.ningbolife.com/cc.html" not in metrics
