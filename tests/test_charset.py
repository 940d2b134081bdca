"""A page that declares no charset and is not UTF-8 (transforms.charset rules 4 and 4b).

GB18030 decodes most byte strings strictly, so an English page with a few stray Latin-1
bytes "decodes" as GB18030 too, each stray byte and the letter after it becoming a Chinese
character. The crawl takes GB18030 only when the text looks Chinese, and says so
(`charset_guessed`: RawPage, crawl report, run totals, the crawl and transform summaries);
otherwise it reads UTF-8 and counts the replaced bytes (`decode_errors`)."""
from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from core.records import RawPage
from core.rundir import RunPaths, read_jsonl, write_jsonl
from core.sources import load_sources
from crawlers.middlewares import STAT_CHARSET_CORRECTED, CharsetMiddleware
from crawlers.pipelines import RawPagePipeline
from crawlers.settings import settings_for
from crawlers.spiders.hanweb import HanwebSpider
from devtools import PAGES_DIR
from newsetl import summaries
from transforms.charset import choose_charset, looks_chinese
from transforms.page import decode_counted

BASE = "http://127.0.0.1:9"
URL = BASE + "/art/2019/2/26/art_934_988102.html"
NO_CHARSET = "text/html"  # a Content-Type without charset=
CJK = re.compile(r"[\u3400-\u9fff]")
# An English page with Latin-1 accents (no charset anywhere), each accent before a letter: every
# byte pair is a valid GBK code, so the whole body decodes as GB18030 strictly.
STRAY_LATIN1 = ("The caf\u00e9s and r\u00e9sum\u00e9s of Ningbo: cr\u00e8me br\u00fbl\u00e9e for the "
                "visitors of the science park, which opened with 12 new laboratories.")
# A Chinese news paragraph written in GBK (a Hanweb site's own charset), declared nowhere.
CHINESE = ("宁波市科技局发布：2019年全市研究与试验发展经费投入增长17.6%，高新技术企业达到2000家，"
           "甬江实验室引进顶尖科学家团队。")


def hanweb_page(text: str, title: str = "Ningbo science park opens") -> str:
    return (f"<html><head><title>{title}</title><meta name=ArticleTitle content=\"{title}\"></head><body>"
            f"<td class=bt_content><div id=zoom><meta name=ContentStart><p>{text}</p>"
            "<meta name=ContentEnd></div></td></body></html>")


def seed_gbk_page_undeclared() -> bytes:
    """The snapshot's GBK page (English, with a Chinese footer), its charset declarations removed."""
    body = (PAGES_DIR / "ningbo_gov" / "art" / "2019" / "2" / "26" / "art_934_988102.html").read_bytes()
    undeclared = body.replace(b"charset=gb2312", b"")
    assert b"charset" not in undeclared.lower() and not undeclared.isascii()
    return undeclared


def crawl_page(body: bytes, crawler=None) -> RawPage:
    """One article response through CharsetMiddleware and the Hanweb spider: its RawPage."""
    crawler = crawler or get_crawler(HanwebSpider)
    request = Request(URL, meta={"kind": "article", "via": "direct"})
    response = HtmlResponse(url=URL, body=body, request=request, headers={"Content-Type": NO_CHARSET})
    response = CharsetMiddleware(crawler).process_response(request, response)
    (page,) = list(HanwebSpider(base_url=BASE).parse_article(response))
    assert isinstance(page, RawPage)
    return page


# --------------------------------------------------------------------------- the rule
def test_an_english_page_with_stray_latin1_bytes_is_read_as_utf8_and_its_bytes_counted() -> None:
    body = hanweb_page(STRAY_LATIN1).encode("latin-1")
    as_gb18030 = body.decode("gb18030")  # strict: the old rule 4 took it, silently
    assert len(CJK.findall(as_gb18030)) == 6 and "caf" in as_gb18030 and "cafés" not in as_gb18030
    assert not looks_chinese(as_gb18030)
    choice = choose_charset(body, NO_CHARSET)
    assert (choice.encoding, choice.guessed, choice.undeclared) == ("utf-8", False, True)

    page = crawl_page(body)
    assert (page.encoding, page.charset_guessed, page.decode_errors) == ("utf-8", False, 6)
    assert not CJK.search(page.html)
    assert "caf\ufffds and r\ufffdsum\ufffds of Ningbo" in page.html


def test_an_undeclared_page_that_is_not_even_gb18030_is_utf8_with_replacements() -> None:
    body = hanweb_page("The caf\u00e9 opened.").encode("latin-1")  # é before a space: no GBK pair
    choice = choose_charset(body, NO_CHARSET)
    assert (choice.encoding, choice.guessed) == ("utf-8", False)
    page = crawl_page(body)
    assert (page.encoding, page.decode_errors, page.charset_guessed) == ("utf-8", 1, False)


def test_a_gbk_chinese_page_without_a_charset_is_gb18030_and_counted_as_a_guess() -> None:
    body = hanweb_page(CHINESE, title="宁波科技").encode("gbk")
    choice = choose_charset(body, NO_CHARSET)
    assert (choice.encoding, choice.guessed) == ("gb18030", True)
    crawler = get_crawler(HanwebSpider)
    page = crawl_page(body, crawler)
    assert (page.encoding, page.charset_guessed, page.decode_errors) == ("gb18030", True, 0)
    assert CHINESE in page.html
    assert crawler.stats.get_value(STAT_CHARSET_CORRECTED) is None  # nothing declared: nothing corrected


def test_an_english_gbk_page_with_a_chinese_footer_still_counts_as_chinese() -> None:
    """The site's own kind of page: English text, a few Chinese characters and CJK punctuation
    (2 % of its letters): a share of the whole text would reject it; the GB2312 share does not."""
    page = crawl_page(seed_gbk_page_undeclared())
    assert (page.encoding, page.charset_guessed, page.decode_errors) == ("gb18030", True, 0)
    assert "大汉版通发布系统" in page.html


def test_declared_pages_are_not_guesses() -> None:
    gbk = hanweb_page(CHINESE).encode("gbk")
    for content_type in ("text/html; charset=gbk", "text/html; charset=iso-8859-1"):
        choice = choose_charset(gbk, content_type)
        assert (choice.guessed, choice.undeclared) == (False, False), content_type


# --------------------------------------------------------------------------- one decision
BYTES_AND_HEADERS = [  # (body, Content-Type): pages of every charset case, declared and not
    (hanweb_page("Caf\u00e9 \u201cNingbo\u201d").encode("utf-8"), "text/html; charset=iso-8859-1"),  # header wrong
    (hanweb_page("Caf\u00e9").replace("<head>", "<head><meta charset=windows-1252>").encode("utf-8"), NO_CHARSET),
    (hanweb_page(CHINESE).encode("gbk"), "text/html; charset=utf-8"),         # a proxy's header on a GBK page
    (hanweb_page(CHINESE).replace("<head>", "<head><meta charset=gb2312>").encode("gbk"), NO_CHARSET),
    (hanweb_page(CHINESE).encode("gbk"), "text/html; charset=x-gbk"),
    (hanweb_page(CHINESE).encode("gbk"), NO_CHARSET),                          # rule 4: a guess
    (hanweb_page(STRAY_LATIN1).encode("latin-1"), NO_CHARSET),                 # rule 4b
    (hanweb_page("\u201cQuoted\u201d").encode("windows-1252"), "text/html; charset=windows-1252"),
    (hanweb_page("\u201cQuoted\u201d").encode("windows-1252"), "text/html; charset=utf-8"),  # nothing fits
    (hanweb_page("plain").encode("ascii"), "text/html; charset=gbk"),
    (codecs.BOM_UTF8 + hanweb_page("Caf\u00e9").encode("utf-8"), "text/html; charset=gbk"),
    (seed_gbk_page_undeclared(), NO_CHARSET),
]


@pytest.mark.parametrize(("body", "content_type"), BYTES_AND_HEADERS)
def test_the_crawl_and_the_transform_read_the_same_bytes_as_the_same_text(body: bytes, content_type: str) -> None:
    """`newsetl extract` on a saved page reads what the crawl read from the same response: one
    decision (transforms.charset) serves the CharsetMiddleware and transforms.page."""
    request = Request(URL, meta={"kind": "article", "via": "direct"})
    response = HtmlResponse(url=URL, body=body, request=request, headers={"Content-Type": content_type})
    crawled = CharsetMiddleware(get_crawler(HanwebSpider)).process_response(request, response)
    text, _, replaced = decode_counted(body, content_type)
    assert text == crawled.text
    assert replaced == crawled.text.count("\ufffd")


# --------------------------------------------------------------------------- reported
def test_a_guessed_charset_is_counted_in_the_crawl_report_totals_and_summaries(tmp_path: Path) -> None:
    from newsetl.steps import transform

    run = tmp_path / "runs" / "r1"
    source = load_sources({"ningbo_gov": BASE})["ningbo_gov"]
    crawler = get_crawler(HanwebSpider, settings_for(source, run))
    pipeline = RawPagePipeline.from_crawler(crawler)
    pipeline.open_spider()
    guessed = crawl_page(seed_gbk_page_undeclared(), crawler)
    stray = crawl_page(hanweb_page(STRAY_LATIN1).encode("latin-1"), crawler)
    stray.url = stray.canonical_url = URL.replace("988102", "988103")
    for page in (guessed, stray):
        pipeline.process_item(page)
    pipeline.close_spider()
    pipeline.spider_closed(HanwebSpider(base_url=BASE), "finished")

    report = json.loads((run / "raw" / "ningbo_gov" / "crawl_report.json").read_text())
    assert (report["charset_guessed"], report["pages_with_decode_errors"], report["charset_corrected"]) == (1, 1, 0)
    assert report["warnings"] == [
        {"url": URL, "warning": "charset_guessed: no charset declared; decoded as gb18030, its text looking Chinese"},
        {"url": stray.url, "warning": "invalid utf-8 bytes: 6 byte sequences replaced with U+FFFD"}]
    totals = json.loads((run / "crawl_report.json").read_text())
    assert (totals["charset_guessed"], totals["pages_with_decode_errors"]) == (1, 1)
    assert summaries.crawl("ningbo_gov", {**report, "run_dir": str(run)}).splitlines()[0].endswith(
        "; 2 warnings (charset_guessed 1, pages_with_decode_errors 1)")
    assert [p["charset_guessed"] for p in read_jsonl(RunPaths(run).pages("ningbo_gov"))] == [True, False]

    counts = transform(str(run))
    assert counts["warnings"] == {"charset_guessed": 1, "encoding": 1}
    assert counts["page_warnings"][0]["warnings"] == [
        "charset_guessed: no charset declared; the crawl decoded the page as gb18030, its text looking Chinese"]
    assert summaries.transform(counts).endswith("; page warnings: charset_guessed 1, encoding 1")


def test_a_clean_page_has_no_charset_warning_in_the_transform(tmp_path: Path) -> None:
    from newsetl.steps import transform

    run = tmp_path / "runs" / "r1"
    page = crawl_page(hanweb_page("The science park opened with 12 new laboratories.").encode("ascii"))
    assert not page.charset_guessed
    write_jsonl(RunPaths(run).make().pages("ningbo_gov"), [page.__dict__])
    assert transform(str(run))["warnings"] == {}
