"""parse_page / extract_document on the seed pages, the snapshot and small markup variants.

Golden files (tests/golden/*.json) hold the full `extract_document` output of reviewed
pages; regenerate deliberately with `NEWSETL_UPDATE_GOLDEN=1 pytest tests/test_transforms.py`
and review the diff.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.records import METRIC_FIELDS, Article, Metric, content_hash, word_count
from transforms.api import EXTRACT_FIELDS, extract_document
from transforms.boilerplate import find_boilerplate
from transforms.errors import NotAnArticle
from transforms.metrics import extract_metrics
from transforms.page import decode_content, decode_counted, detect_template, parse_page, source_for
from transforms.textutil import parse_date

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
TEXTS = ROOT / "seeds" / "text"
PAGES = ROOT / "seeds" / "pages"
GOV_TEXT = TEXTS / "ningbo_gov_innovation-leads-2019-08-18.txt"
LIFE_TEXT = TEXTS / "ningbolife_high-level-innovative-cities.txt"
GOV_HTML = PAGES / "ningbo_gov" / "art" / "2019" / "8" / "18" / "art_933_1016946.html"
LIFE_HTML = (PAGES / "ningbolife" / "index.php" / "ningbo-news"
             / "5801-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
GOV_URL = "http://english.ningbo.gov.cn/art/2019/8/18/art_933_1016946.html"
LIFE_URL = ("http://www.ningbolife.com/index.php/ningbo-news/"
            "5801-ningbo-accelerates-construction-of-high-level-innovative-cities.html")
LIVE_HOSTS = {"ningbo_gov": "http://english.ningbo.gov.cn", "ningbolife": "http://www.ningbolife.com"}

# Furniture lines of the seed pages that must never reach a body.
GOV_FURNITURE = ["【Print】", "【Close】", "Text Size", "> News", "In the City >", "A A A"]
LIFE_FURNITURE = ["Copyright 2020", "Custom text here", "f t g m", "Visit Charity Shop"]
GOV_CAPTIONS = [
    "On August 4, 2018, the 20th IRO International Robot Olympics Competition in Zhejiang Province "
    "kicked off in Cixi. (Photo by Yan Long)",
    "The China Smart City Technology and Application Products Expo, which has been held for many years, "
    "has become a booster for improving the management level of smart cities in Ningbo. (Photo by Xu Neng)",
]


def normalized_lines(text: str) -> list[str]:
    """An independent reading of the seed text: non-empty lines, whitespace collapsed."""
    lines = [re.sub(r"[\s\u3000\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return [line for line in lines if line]


# ---------------------------------------------------------------- seed text pages
def test_gov_seed_text_golden_fields() -> None:
    article = parse_page(GOV_TEXT.read_bytes())
    assert article.title == ("Innovation leads science and technology to add power to Ningbo's "
                             "high quality development")
    assert article.published == "2019-08-18"
    assert article.section == "Hot Topic"
    assert article.language == "en"
    assert article.captions == GOV_CAPTIONS


def test_gov_seed_text_body_is_exactly_the_content_paragraphs() -> None:
    text = GOV_TEXT.read_text(encoding="utf-8")
    lines = normalized_lines(text)
    # breadcrumb, title, date/text-size line; then content up to 【Print】 【Close】; captions apart
    assert lines[0].startswith("> News") and lines[2].startswith("2019-08-18Text Size")
    assert lines[-1] == "【Print】 【Close】"
    expected = [line for line in lines[3:-1] if line not in GOV_CAPTIONS]
    article = parse_page(text)
    paragraphs = article.body.split("\n\n")
    assert paragraphs == expected
    assert len(paragraphs) == 39
    assert article.body.startswith("Innovation is a city gene deeply rooted in Ningbo and an inexhaustible "
                                   "motive force for urban development.\n\nSince the founding")
    assert article.body.endswith("The relevant person in charge of the Municipal Bureau of Science and "
                                 "Technology said.")
    # subheadings stay as their own paragraphs
    for heading in ("From tracking and imitation to original leadership",
                    "From digestion and absorption to the backbone of innovation.",
                    "From small investment to comprehensive innovation ecology"):
        assert heading in paragraphs
    assert "\n\n\n" not in article.body and "\u00a0" not in article.body and "  " not in article.body


def test_gov_seed_text_body_has_no_furniture_and_no_captions() -> None:
    article = parse_page(GOV_TEXT.read_bytes())
    for fragment in GOV_FURNITURE + ["(Photo by", "Hot Topic"]:
        assert fragment not in article.body, fragment
    assert not article.body.startswith(article.title)
    assert find_boilerplate(article.body) == []


def test_life_seed_text_golden_fields_and_body() -> None:
    text = LIFE_TEXT.read_text(encoding="utf-8")
    article = parse_page(text)
    assert article.title == "Ningbo accelerates construction of high-level innovative cities"
    assert article.published is None  # "Copyright 2020" is never a publication date
    assert article.section is None
    assert article.captions == []
    lines = normalized_lines(text)
    assert lines[0] == "Copyright 2020 - Custom text here" and lines[-2:] == ["f t g m", "Visit Charity Shop"]
    paragraphs = article.body.split("\n\n")
    # (the page breaks one sentence over two lines, '... the "tree planting project",' over 'accelerated deployment of
    # ...': one paragraph in the body, textutil._join_wrapped)
    wrapped = next(i for i, line in enumerate(lines) if line.endswith('"tree planting project",'))
    assert lines[wrapped + 1].startswith("accelerated deployment of")
    assert paragraphs == lines[2:wrapped] + [f"{lines[wrapped]} {lines[wrapped + 1]}"] + lines[wrapped + 2:-2]
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Innovation is Ningbo's core competitiveness.")
    assert paragraphs[-1].endswith("can truly become the main body of innovation")
    for fragment in LIFE_FURNITURE:
        assert fragment not in article.body, fragment
    assert find_boilerplate(article.body) == []


def test_text_page_skips_joomla_byline_and_details_lines() -> None:
    text = ("Ningbo metro Line 4 to open\nDetails\nWritten by Administrator\nCategory: Ningbo News\n"
            "Hits: 35\n\nThe 36.1 km line has 25 stations and links Cicheng with Dongqian Lake.")
    article = parse_page(text)
    assert (article.title, article.section) == ("Ningbo metro Line 4 to open", "Ningbo News")
    assert article.body == "The 36.1 km line has 25 stations and links Cicheng with Dongqian Lake."


def test_text_page_date_only_line_is_the_publication_date() -> None:
    article = parse_page("> News > Sci-Tech\nNingbo opens robot park\n2019-03-05 10:21\n\n"
                         "The robot park in Yuyao opened on March 4 with 35 companies.")
    assert (article.published, article.section) == ("2019-03-05", "Sci-Tech")
    assert article.body == "The robot park in Yuyao opened on March 4 with 35 companies."


def test_text_page_category_and_published_lines() -> None:
    text = ("Copyright 2022 - Ningbo Life / Ningbo Expat\n\nNingbo Science and Technology Week kicks off\n"
            "Category: Ningbo News\nPublished: Friday, 24 May 2019 16:54\n\n"
            "The week opened on Friday with more than 600 science activities across the city, and "
            "organizers expect about 1.5 million visits.\n\n(Photo by Jin Lu and Zhang Chaoliang)\n\n"
            "#ningbo #expat #news #china\n\nf t g m\n\nVisit Charity Shop")
    article = parse_page(text)
    assert (article.title, article.section, article.published) == (
        "Ningbo Science and Technology Week kicks off", "Ningbo News", "2019-05-24")
    assert article.captions == ["(Photo by Jin Lu and Zhang Chaoliang)"]
    assert article.body.count("\n\n") == 0 and article.body.startswith("The week opened")
    assert "#ningbo" not in article.body and "2022" not in (article.published or "")


# ---------------------------------------------------------------- HTML rebuilds of the seeds
@pytest.mark.parametrize(("text_path", "html_path", "url"), [(GOV_TEXT, GOV_HTML, GOV_URL),
                                                             (LIFE_TEXT, LIFE_HTML, LIFE_URL)])
def test_html_rebuild_gives_the_same_article_as_the_text(text_path: Path, html_path: Path, url: str) -> None:
    from_text = parse_page(text_path.read_bytes())
    from_html = parse_page(html_path.read_bytes(), url=url)
    assert from_html.title == from_text.title
    assert from_html.body == from_text.body
    assert from_html.captions == from_text.captions
    assert [m.to_dict() for m in from_html.metrics] == [m.to_dict() for m in from_text.metrics]


def test_gov_html_metadata() -> None:
    article = parse_page(GOV_HTML.read_bytes(), url=GOV_URL)
    assert (article.source, article.published, article.section) == ("ningbo_gov", "2019-08-18", "Hot Topic")
    for fragment in GOV_FURNITURE + ["Produced By", "大汉"]:
        assert fragment not in article.body


def test_life_html_metadata() -> None:
    article = parse_page(LIFE_HTML.read_bytes(), url=LIFE_URL)
    assert (article.source, article.section) == ("ningbolife", "Ningbo News")
    assert article.published == "2020-06-30"
    for fragment in LIFE_FURNITURE + ["Category:", "Published:", "Print", "Email"]:
        assert fragment not in article.body


# ---------------------------------------------------------------- golden files
GOLDEN_CASES = {
    "seed_text_ningbo_gov": (GOV_TEXT, None),
    "seed_text_ningbolife": (LIFE_TEXT, None),
    "seed_html_ningbo_gov": (GOV_HTML, GOV_URL),
    "seed_html_ningbolife": (LIFE_HTML, LIFE_URL),
    "hanweb_legacy_gbk_art_934_988102": (
        PAGES / "ningbo_gov/art/2019/2/26/art_934_988102.html",
        "http://english.ningbo.gov.cn/art/2019/2/26/art_934_988102.html"),
    "joomla_core_5812": (
        PAGES / "ningbolife/index.php/ningbo-news/5812-ningbo-economy-grows-in-first-half.html",
        "http://www.ningbolife.com/index.php/ningbo-news/5812-ningbo-economy-grows-in-first-half.html"),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_extract(name: str) -> None:
    path, url = GOLDEN_CASES[name]
    got = extract_document(path.read_bytes(), url=url, path=str(path.relative_to(ROOT)))
    golden_file = GOLDEN / f"{name}.json"
    if os.environ.get("NEWSETL_UPDATE_GOLDEN") == "1":
        golden_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden_file.read_text(encoding="utf-8"))
    assert got == expected


def test_golden_seed_metrics_match_design_examples() -> None:
    gov = json.loads((GOLDEN / "seed_text_ningbo_gov.json").read_text(encoding="utf-8"))
    life = json.loads((GOLDEN / "seed_text_ningbolife.json").read_text(encoding="utf-8"))
    metrics = {m["text"]: m for m in gov["metrics"] + life["metrics"]}
    assert metrics["2.8%"] == {"value": 2.8, "unit": "percent", "kind": "share", "subject": "r&d expenditures",
                               "period": "2019", "qualifier": "approx", "text": "2.8%",
                               "denominator": "gdp", "place": None, "modality": "actual"}
    assert metrics["37.541 billion yuan"]["value"] == 37541000000.0
    assert metrics["37.541 billion yuan"]["subject"] == "tax reduction"
    assert {k: metrics["12,524 innovative start-ups"][k] for k in ("value", "unit")} == {"value": 12524.0,
                                                                                        "unit": "count"}


# ---------------------------------------------------------------- extract_document / records
def test_extract_document_shape_and_source() -> None:
    doc = extract_document(GOV_HTML.read_bytes(), url=GOV_URL, path="saved.html")
    assert tuple(doc) == EXTRACT_FIELDS
    assert (doc["path"], doc["url"], doc["source"]) == ("saved.html", GOV_URL, "ningbo_gov")
    assert doc["metrics"] and all(tuple(m) == METRIC_FIELDS for m in doc["metrics"])
    json.dumps(doc)  # JSON-serializable as is
    # no URL: source from the detected template; mirror URL: same
    assert extract_document(GOV_HTML.read_bytes())["source"] == "ningbo_gov"
    assert extract_document(LIFE_HTML.read_bytes(), url="http://127.0.0.1:8000/x.html")["source"] == "ningbolife"
    # seed-format text: the site's page furniture tells the source
    assert extract_document(GOV_TEXT.read_bytes())["source"] == "ningbo_gov"
    assert extract_document(LIFE_TEXT.read_bytes())["source"] == "ningbolife"
    assert extract_document(b"A title\n\nA plain text page with no site furniture at all.")["source"] is None


def test_source_for() -> None:
    assert source_for("https://english.ningbo.gov.cn/art/2019/8/18/x.html", None) == "ningbo_gov"
    assert source_for("http://www.ningbolife.com/index.php/x.html", "generic") == "ningbolife"
    assert source_for("http://ningbolife.com/", None) == "ningbolife"
    assert source_for("http://notningbolife.com/", None) is None
    assert source_for(None, "hanweb") == "ningbo_gov"
    assert source_for(None, "generic") is None


def test_records_helpers() -> None:
    assert content_hash("Title", "Body – ü") == "739982fc9ff121ee93bbccc2d16daa21d39df9cc93eeb240b56bb62809d598ef"
    assert content_hash("Title", "Body") != content_hash("Title ", "Body")
    assert word_count("R&D spending rose 12.5% to 3.2 billion yuan, Ningbo's bureau said.") == 11
    article = parse_page(LIFE_TEXT.read_bytes())
    data = article.to_dict()
    assert set(data) == {"url", "source", "title", "published", "section", "body", "captions", "language",
                         "metrics"}
    assert data["metrics"][0]["char_end"] > data["metrics"][0]["char_start"]
    with pytest.raises(ValueError):
        Metric(value=1.0, unit="furlongs", kind="level", subject=None, period=None, qualifier=None,
               text="1", char_start=0, char_end=1)
    assert isinstance(article, Article)


# ---------------------------------------------------------------- not articles
def _kind(content: bytes | str, **kwargs: str) -> str:
    with pytest.raises(NotAnArticle) as info:
        parse_page(content, **kwargs)
    assert "\n" not in str(info.value)
    return info.value.kind


def test_snapshot_listings_are_rejected() -> None:
    assert _kind((PAGES / "ningbo_gov/col/col933/index.html").read_bytes()) == "listing"
    assert _kind((PAGES / "ningbo_gov/col/col933/records.xml").read_bytes()) == "listing"
    assert _kind((PAGES / "ningbolife/index.php/ningbo-news.html").read_bytes()) == "listing"
    assert _kind((PAGES / "ningbolife/index.php/ningbo-news.html@format=feed&type=rss").read_bytes()) == "listing"


HANWEB_COLUMN = """<html><head><meta name="Generator" content="大汉版通"><title>Ningbo China - Hot Topic</title></head>
<body><div class="bt_link">&gt; News &gt; In the City &gt; Hot Topic</div><div id="4485">
<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=6&path=/&columnid=933"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2019/8/18/art_933_1016946.html" title="Innovation leads">Innovation leads...</a><span>2019-08-18</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2019/1/28/art_933_981487.html" title="GDP tops">GDP tops...</a><span>2019-01-28</span></li>]]></record></recordset></datastore></script></div>
<script>var totalRecord:2;</script></body></html>"""

JOOMLA_BLOG = """<html><head><meta name="generator" content="Joomla! - Open Source Content Management"></head>
<body class="com_content"><div class="blog"><div class="items-leading"><div class="leading-0">
<h2><a href="/index.php/ningbo-news/5801-a.html">Ningbo accelerates construction</a></h2>
<p>Innovation is Ningbo's core competitiveness. The city promoted scientific and technological innovation.</p>
<p class="readmore"><a href="/index.php/ningbo-news/5801-a.html">Read more: Ningbo accelerates construction...</a></p></div></div>
<div class="items-row"><div class="item"><h2><a href="/index.php/ningbo-news/5785-b.html">Foreign trade rebounds</a></h2>
<p>Ningbo's foreign trade rebounded in April as exports rose by 8.9% year-on-year.</p>
<p class="readmore"><a href="/index.php/ningbo-news/5785-b.html">Read more: Foreign trade rebounds...</a></p></div></div>
<div class="pagination"><p class="counter">Page 1 of 3</p></div></div></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ningbo News</title><item><title>Ningbo accelerates</title>
<link>http://www.ningbolife.com/index.php/ningbo-news/5801-a.html</link><description><![CDATA[<p>Innovation is core.</p>]]></description>
<pubDate>Tue, 30 Jun 2020 09:12:00 +0000</pubDate></item></channel></rss>"""


HANWEB_STATIC_COLUMN = """<html><head><meta name="Generator" content="大汉版通"><title>Ningbo China - Sci-Tech</title>
</head><body><table><tr><td class="position">&gt; News &gt; Sci-Tech</td></tr></table><ul class="list">""" + "".join(
    f'<li><a href="/art/2019/{m}/1/art_934_{m}00.html">Sci-tech story {m}</a><span>2019-{m:02d}-01</span></li>'
    for m in range(1, 9)) + "</ul></body></html>"


def test_inline_listings_are_rejected() -> None:
    assert _kind(HANWEB_COLUMN) == "listing"
    assert _kind(HANWEB_STATIC_COLUMN) == "listing"
    assert _kind(JOOMLA_BLOG) == "listing"
    assert _kind(RSS.encode("utf-8")) == "listing"


@pytest.mark.parametrize("content", [b"", b"   \n\t ", "", "<html><body>\n</body></html>",
                                     "<html><head><title>x</title></head><body><nav><a href='/'>Home</a> "
                                     "<a href='/n'>News</a></nav></body></html>"])
def test_empty_pages_are_rejected(content: bytes | str) -> None:
    assert _kind(content) == "empty"


def test_hanweb_page_with_empty_content_region_is_empty() -> None:
    html = ("<html><head><meta name='Generator' content='大汉版通'><meta name='ArticleTitle' content='Title'>"
            "</head><body><div id='zoom'><meta name='ContentStart'><p>&nbsp;</p><p>　　</p>"
            "<meta name='ContentEnd'></div><a href='javascript:window.print()'>【Print】</a></body></html>")
    assert _kind(html) == "empty"


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, None),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", None),
        (b"PK\x03\x04\x14\x00\x00\x00", None),
        (b"some\x00binary\x00payload\x00" * 10, None),
        (b"<html><body><p>text</p></body></html>", "image/jpeg"),
    ],
)
def test_binary_content_is_rejected(content: bytes, content_type: str | None) -> None:
    assert _kind(content, content_type=content_type) == "binary"


CHINESE_HANWEB = """<html><head><meta charset="gb2312"><meta name="Generator" content="大汉版通">
<meta name="ArticleTitle" content="宁波市科技创新大会召开"><meta name="PubDate" content="2019-08-18 10:00"></head>
<body><div id="zoom"><meta name="ContentStart"><p>　　近日，宁波市召开科技创新大会，会议总结了过去一年的科技创新工作，部署了下一阶段的重点任务。</p>
<p>　　会议指出，要加快建设高水平创新型城市，全社会研发投入占GDP比重达到2.8%。</p><meta name="ContentEnd"></div></body></html>"""


def test_chinese_page_is_non_english() -> None:
    assert _kind(CHINESE_HANWEB.encode("gbk")) == "non_english"


JAPANESE_HANWEB = """<html><head><meta charset="utf-8"><meta name="Generator" content="大汉版通">
<meta name="ArticleTitle" content="寧波市で科学技術イノベーション大会が開催"><meta name="PubDate" content="2019-08-18 10:00">
</head><body><div id="zoom"><meta name="ContentStart"><p>寧波市は先日、科学技術イノベーション大会を開催し、
この一年の取り組みを振り返りました。</p><p>会議では、研究開発への投資をGDPの2.8%に引き上げることが示されました。</p>
<meta name="ContentEnd"></div></body></html>"""
KOREAN_HANWEB = """<html><head><meta charset="utf-8"><meta name="Generator" content="大汉版通">
<meta name="ArticleTitle" content="닝보시 과학기술 혁신 대회 개최"><meta name="PubDate" content="2019-08-18 10:00">
</head><body><div id="zoom"><meta name="ContentStart"><p>닝보시는 최근 과학기술 혁신 대회를 열고 지난 1년간의
성과를 점검했습니다.</p><p>회의에서는 연구개발 투자를 GDP의 2.8%로 늘리겠다고 밝혔습니다.</p>
<meta name="ContentEnd"></div></body></html>"""


@pytest.mark.parametrize(("html", "language"), [(CHINESE_HANWEB, "zh"), (JAPANESE_HANWEB, "ja"),
                                                (KOREAN_HANWEB, "ko")], ids=["zh", "ja", "ko"])
def test_a_non_english_page_is_labelled_with_its_language(html: str, language: str) -> None:
    """A Japanese page (kana among the ideographs) was rejected as language 'zh', and a Korean
    one (hangul only) as 'und'."""
    with pytest.raises(NotAnArticle) as info:
        parse_page(html.encode("gbk" if language == "zh" else "utf-8"))
    assert info.value.kind == "non_english"
    assert f"page language is {language!r}, not English" in str(info.value)


CHINESE_PARAGRAPH = "宁波市科技局今天发布了一项新的政策，支持企业创新发展，全市研发投入达到二百八十亿元，同比增长百分之十七。"
CHINESE_GENERIC = ('<html lang="zh-CN"><head><meta charset="utf-8"><title>宁波科技新闻</title></head><body>'
                   "<h1>宁波科技新闻</h1>" + f"<p>{CHINESE_PARAGRAPH * 3}</p>" * 8 + "</body></html>")


def test_a_chinese_page_of_no_known_template_is_non_english_not_empty() -> None:
    """A Chinese article of no known template (a generic source) was rejected "(empty): no article text
    found by the generic extractor (9 words)": its text has no spaces, so it counted few words."""
    with pytest.raises(NotAnArticle) as info:
        parse_page(CHINESE_GENERIC.encode("utf-8"))
    assert info.value.kind == "non_english"
    assert "page language is 'zh', not English" in str(info.value)


@pytest.mark.parametrize(("text", "language"), [
    ("寧波市は中国浙江省の都市です。科学技術の研究開発が盛んです。", "ja"),  # kanji and kana
    ("ニュース テクノロジー イノベーション ハイテク", "ja"),  # katakana only
    ("ﾆｭｰｽ ﾃｸﾉﾛｼﾞｰ ｲﾉﾍﾞｰｼｮﾝ", "ja"),  # half-width katakana
    ("닝보시는 중국 저장성에 있는 도시입니다. 과학 기술 연구가 활발합니다.", "ko"),
    ("寧波市 科學技術 硏究 開發 닝보시는 중국 저장성에 있는 도시입니다.", "ko"),  # hangul with some hanja
    ("宁波市科学技术局发布了新的政策，支持高新技术企业发展。", "zh"),
    ("宁波の科学技术局发布了新的政策，支持高新技术企业发展和创新平台建设。", "zh"),  # one stray kana in Chinese
    ("The city of Ningbo (宁波, ニンボー, 닝보) said on Monday that the new lab is open and that it has "
     "hired 20 scientists for the work of the year.", "en"),
], ids=["ja-kanji-kana", "ja-katakana", "ja-halfwidth", "ko", "ko-hanja", "zh", "zh-stray-kana", "en-names"])
def test_detect_language_names_japanese_korean_and_chinese(text: str, language: str) -> None:
    from transforms.textutil import detect_language

    assert detect_language(text) == language


# ---------------------------------------------------------------- decoding
LEGACY_GBK = """<HTML><HEAD>
<META http-equiv=Content-Type content="text/html; charset=gb2312">
<TITLE>Ningbo China - Sci-Tech - Ningbo opens robot park</TITLE>
<META name=Generator content="大汉版通">
</HEAD><BODY>
<TABLE><TR><TD class=position><A href="/"><IMG src="/home.gif"></A> &gt; <A href="/col/col928/index.html">News</A> &gt; <A href="/col/col934/index.html">Sci-Tech</A></TD></TR></TABLE>
<TABLE><TR><TD class=title align=center><FONT size=4><B>Ningbo opens robot park</B></FONT></TD></TR>
<TR><TD class=info align=center>2019-03-05<SPAN>Text Size: <A href="javascript:doZoom(16)">A</A> <A href="javascript:doZoom(14)">A</A> <A href="javascript:doZoom(12)">A</A></SPAN></TD></TR>
<TR><TD class=bt_content><DIV id=zoom><!--ZJEG_RSS.content.begin--><META name=ContentStart>
<P align=center><IMG src="/picture/1.jpg"></P>
<P align=center><FONT face=Arial>Robots at the new park in Yuyao</FONT></P>
<P>&nbsp;&nbsp;&nbsp;&nbsp;The robot park in Yuyao（余姚）opened on March 4 with 35 companies, the city said.<BR>　　It covers 1,200 mu and will employ more than 5,000 workers by 2021.</P>
<P><STRONG>【Next steps】</STRONG></P>
<P>&nbsp;&nbsp;&nbsp;&nbsp;“We will attract more projects,” an official said. Enquiries: 0574-89185120.</P>
<META name=ContentEnd><!--ZJEG_RSS.content.end--></DIV></TD></TR>
<TR><TD align=right><A href="javascript:window.print()">【Print】</A> <A href="javascript:window.close()">【Close】</A></TD></TR></TABLE>
<IFRAME src="/module/visitcount/visit.jsp?type=3&amp;i_webid=6"></IFRAME><A style="DISPLAY: none" href="http://www.hanweb.com">Produced By 大汉网络 大汉版通发布系统</A>
</BODY></HTML>"""


def test_legacy_hanweb_gbk_page() -> None:
    content = LEGACY_GBK.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")
    article = parse_page(content, url="http://english.ningbo.gov.cn/art/2019/3/5/art_934_1.html")
    # no ArticleTitle/PubDate/ColumnName metas: title from the title cell, date from the date cell,
    # section from the breadcrumb
    assert article.title == "Ningbo opens robot park"
    assert article.published == "2019-03-05"
    assert article.section == "Sci-Tech"
    assert article.captions == ["Robots at the new park in Yuyao"]  # centered paragraph after the image
    assert article.body.split("\n\n") == [
        "The robot park in Yuyao（余姚）opened on March 4 with 35 companies, the city said.",
        "It covers 1,200 mu and will employ more than 5,000 workers by 2021.",
        "【Next steps】",
        "“We will attract more projects,” an official said. Enquiries: 0574-89185120.",
    ]
    assert [(m.text, m.unit) for m in article.metrics] == [
        ("35 companies", "count"), ("1,200 mu", "mu"), ("5,000 workers", "count")]
    assert find_boilerplate(article.body) == []


def test_gbk_snapshot_page_decodes_by_its_declared_charset() -> None:
    raw = (PAGES / "ningbo_gov/art/2019/2/26/art_934_988102.html").read_bytes()
    assert b"charset=gb2312" in raw
    article = parse_page(raw)
    assert "Ningbo Fotile Kitchen Ware Co., Ltd.（方太）" in article.body
    assert "【Enterprises lead the way】" in article.body.split("\n\n")


def test_decoding_order() -> None:
    text = "<html><head><meta charset='gb2312'></head><body><p>宁波 Ningbo</p></body></html>"
    assert decode_content(text.encode("gbk")) == text
    # the HTTP header wins when it decodes; a wrong header falls back to the page's declaration
    assert decode_content(text.encode("gbk"), "text/html; charset=GBK") == text
    assert decode_content(text.encode("gbk"), "text/html; charset=utf-8") == text
    plain = "<p>Ningbo’s port</p>"
    assert decode_content(plain.encode("utf-8")) == plain
    assert decode_content(b"\xef\xbb\xbf" + plain.encode("utf-8")) == plain
    assert decode_content(plain.encode("gb18030")) == plain  # undeclared: UTF-8 fails, GB18030 fits


def test_undeclared_english_with_stray_bytes_is_not_read_as_chinese() -> None:
    """GB18030 decodes "café" in Latin-1 strictly, as a Chinese character: an undeclared page is
    taken as GB18030 only when its text looks Chinese, else read as UTF-8 with the bytes counted."""
    english = "<p>Naïve protégés and their fiancées moved to Yinzhou district.</p>".encode("latin-1")
    assert english.decode("gb18030")  # strictly decodable: the old fallback took it
    text, codec, replaced = decode_counted(english)
    assert (codec, replaced) == ("utf-8", 4) and "Na\ufffdve" in text and not re.search(r"[\u4e00-\u9fff]", text)
    chinese = "<p>宁波市科技局发布创新数据</p>".encode("gbk")
    assert decode_counted(chinese) == ("<p>宁波市科技局发布创新数据</p>", "gb18030", 0)
    declared = b"<meta charset='gbk'>" + english  # a declared charset is taken as declared
    assert decode_counted(declared)[1] == "gb18030"


# ---------------------------------------------------------------- template variants
HANWEB_NO_MARKERS = """<html><head><meta name="Generator" content="大汉版通">
<meta name="ArticleTitle" content="Ningbo adds 1,100 high-tech enterprises">
<meta name="PubDate" content="2020-06-09 09:30"><meta name="ColumnName" content="Sci-Tech"></head>
<body><table><tr><td class="bt_content"><div id="zoom">
<p style="text-align: center"><img src="/a.jpg"></p><p style="text-align: center">Technicians test a servo motor. (Photo by Jiang Xiaodong)</p>
<p>Ningbo added 1,110 national high-tech enterprises in 2019, an increase of 63.8%.</p>
<p style="text-align:center"><strong>Policy support</strong></p>
<p>The bureau will spend 500 million yuan on rewards.</p></div></td></tr></table></body></html>"""


def test_hanweb_without_content_markers_uses_the_zoom_region() -> None:
    article = parse_page(HANWEB_NO_MARKERS)
    assert (article.title, article.published, article.section) == (
        "Ningbo adds 1,100 high-tech enterprises", "2020-06-09", "Sci-Tech")
    assert article.captions == ["Technicians test a servo motor. (Photo by Jiang Xiaodong)"]
    # a centered subheading that does not follow an image stays in the body
    assert article.body.split("\n\n") == [
        "Ningbo added 1,110 national high-tech enterprises in 2019, an increase of 63.8%.",
        "Policy support",
        "The bureau will spend 500 million yuan on rewards.",
    ]


def test_centered_page_layout_does_not_make_body_paragraphs_captions() -> None:
    # legacy pages centre the whole layout (<div align=center>, <TABLE align=center>): only a
    # paragraph's own centering inside the content region marks a caption
    html = ("<html><head><meta name=Generator content='大汉版通'><meta name=ArticleTitle content='Port news'>"
            "<meta name=PubDate content='2019-03-12 09:00'></head><body><div align=center>"
            "<table align=center><tr><td><div id=zoom><meta name=ContentStart>"
            "<p><img src='/a.jpg'></p><p>Ningbo-Zhoushan Port handled 4.68 million TEUs in January and "
            "February, a year-on-year increase of 6.3%.</p><p>The port now operates 246 container routes.</p>"
            "<meta name=ContentEnd></div></td></tr></table></div></body></html>")
    article = parse_page(html)
    assert article.captions == []
    assert article.body.split("\n\n")[0].startswith("Ningbo-Zhoushan Port handled 4.68 million TEUs")


def test_hanweb_bt_content_cell_without_zoom_or_markers() -> None:
    html = (HANWEB_NO_MARKERS.replace('<div id="zoom">', "<div>")
            .replace("<body>", "<body><table><tr><td>Home | News | Sci-Tech</td></tr></table>"))
    article = parse_page(html)
    assert article.body.startswith("Ningbo added 1,110 national high-tech enterprises in 2019")
    assert "Home | News" not in article.body


def test_hanweb_missing_content_end_marker_stays_in_the_region() -> None:
    html = LEGACY_GBK.replace("<META name=ContentEnd>", "")
    article = parse_page(html)
    assert article.body.endswith("Enquiries: 0574-89185120.")
    assert "Produced By" not in article.body and "【Print】" not in article.body


LEGACY_RELEASE_DATE = ROOT / "tests" / "fixtures" / "html" / "ningbo_gov" / "art_933_1013636_legacy.html"


def test_legacy_hanweb_page_takes_its_date_from_the_visible_release_date_line() -> None:
    """`newsetl extract` without --url gave `published: null` on a legacy page whose only date is
    the line "Release date:2019-07-21Browse times: Source:Ningbo Daily Size:[ big middle small ]"
    (no PubDate meta, no "Text Size" cell; in the crawl the date came from the URL)."""
    content = LEGACY_RELEASE_DATE.read_bytes()
    article = parse_page(content)
    assert article.published == "2019-07-21"
    assert article.title == "Manufacturing industry in Ningbo witnesses high-quality development"
    assert article.section == "Hot Topic"
    assert article.body.startswith("70 years ago, Ningbo’s manufacturing industry lagged behind")
    assert "Release date" not in article.body and "Size:[" not in article.body
    # the page's own line wins over the URL's date, as the PubDate meta does
    assert parse_page(content, url="http://english.ningbo.gov.cn/art/2019/7/22/art_933_1013636.html"
                      ).published == "2019-07-21"
    # a PubDate meta still comes first
    html = content.decode().replace("<META name=Generator", '<META name=PubDate content="2019-07-20 09:00"><META '
                                    "name=Generator")
    assert parse_page(html).published == "2019-07-20"


def test_hanweb_dated_line_is_read_above_the_content_only() -> None:
    """An "Updated:" line inside the article text is the article's words, not the page's date."""
    html = ("<html><head><meta name=Generator content='大汉版通'><title>Ningbo China - Hot Topic - "
            "Ningbo-Zhoushan Port - a record year</title></head><body><div id=zoom><meta name=ContentStart>"
            "<p>Updated: 2018-05-04</p><p>The port handled 1.12 billion tonnes of cargo in 2019.</p>"
            "<meta name=ContentEnd></div></body></html>")
    assert parse_page(html).published is None
    assert parse_page(html, url="http://english.ningbo.gov.cn/art/2020/1/2/art_933_5.html").published == "2020-01-02"
    above = html.replace("<div id=zoom>", "<div class=info>Release time: 2020-01-03 10:00</div><div id=zoom>")
    assert parse_page(above).published == "2020-01-03"


def test_hanweb_title_falls_back_to_the_head_title() -> None:
    html = ("<html><head><meta name=Generator content='大汉版通'><title>Ningbo China - Hot Topic - "
            "Ningbo-Zhoushan Port - a record year</title></head><body><div id=zoom><p>The port handled "
            "1.12 billion tonnes of cargo in 2019.</p></div></body></html>")
    article = parse_page(html, url="http://english.ningbo.gov.cn/art/2020/1/2/art_933_5.html")
    assert article.title == "Ningbo-Zhoushan Port - a record year"
    assert article.published == "2020-01-02"  # from the /art/YYYY/M/D/ URL


def test_joomla_article_with_read_more_links_in_a_side_module_is_an_article() -> None:
    side = ('<div class="moduletable"><p class="readmore"><a href="/a">Read more: A...</a></p>'
            '<p class="readmore"><a href="/b">Read more: B...</a></p></div>')
    article = parse_page(JOOMLA_CORE.replace("</body>", side + "</body>"))
    assert article.title == "Ningbo's GDP grows 2.3% in first three quarters"
    assert "Read more" not in article.body


JOOMLA_BEEZ = """<html><head><meta name="generator" content="Joomla! - Open Source Content Management">
<title>Ningbo Science and Technology Week kicks off</title></head><body>
<div class="custom"><p>Copyright 2020 - Custom text here</p></div>
<div class="breadcrumbs"><a href="/index.php">Home</a> <a href="/index.php/ningbo-news.html">Ningbo News</a></div>
<div class="item-page"><h2><a href="/index.php/ningbo-news/5605-x.html">Ningbo Science and Technology Week kicks off</a></h2>
<ul class="actions"><li class="print-icon"><a href="?tmpl=component&amp;print=1"><img src="/media/system/images/printButton.png" alt="Print"></a></li>
<li class="email-icon"><a href="/mailto"><img src="/media/system/images/emailButton.png" alt="Email"></a></li></ul>
<dl class="article-info"><dt class="article-info-term">Details</dt>
<dd class="category-name">Category: <a href="/index.php/ningbo-news.html">Ningbo News</a></dd>
<dd class="published">Published: Friday, 24 May 2019 16:54</dd><dd class="hits">Hits: 1024</dd></dl>
<p>The 2019 Ningbo Science and Technology Week opened on Friday with more than 600 science activities.</p>
<p>&nbsp;</p><p><img src="/images/2019/kids.jpg"></p>
<p>(Photo by Jin Lu and Zhang Chaoliang)</p>
<p>About 86 research institutes open their labs to the public.</p>
<p>#ningbo #expat #news #china</p>
<ul class="pager pagenav"><li class="previous"><a href="/p">&lt; Prev</a></li><li class="next"><a href="/n">Next &gt;</a></li></ul>
</div><div class="moduletable"><p>f t g m</p></div><div class="moduletable"><p>Visit Charity Shop</p></div></body></html>"""

JOOMLA_CORE = """<html><head><meta name="generator" content="Joomla! - Open Source Content Management"></head>
<body class="site com_content view-article"><div class="item-page" itemscope itemtype="https://schema.org/Article">
<dl class="article-info muted"><dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Written by <span itemprop="name">Editor</span></dd></dl>
<div class="page-header"><h2 itemprop="headline">Ningbo's GDP grows 2.3% in first three quarters</h2></div>
<dl class="article-info muted"><dt class="article-info-term">Details</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Written by <span itemprop="name">Administrator</span></dd>
<dd class="category-name">Category: <a href="/index.php/business-news.html" itemprop="genre">Business News</a></dd>
<dd class="published"><span class="icon-calendar"></span><time datetime="2020-10-13T09:20:00+00:00" itemprop="datePublished">Published: 13 October 2020</time></dd></dl>
<div itemprop="articleBody"><p>Ningbo's GDP reached 882.56 billion yuan in the first three quarters, up 2.3% year-on-year.</p>
<h3>Industry</h3><p>The added value of high-tech manufacturing rose by 7.3%.</p>
<p style="text-align: center;"><img src="/images/towers.jpg"></p><p style="text-align: center;">Office towers in the Eastern New Town.</p></div>
<ul class="pager pagenav"><li class="next"><a href="/n">Next</a></li></ul></div></body></html>"""


def test_joomla_beez_article() -> None:
    article = parse_page(JOOMLA_BEEZ)
    assert (article.title, article.section, article.published, article.source) == (
        "Ningbo Science and Technology Week kicks off", "Ningbo News", "2019-05-24", "ningbolife")
    assert article.captions == ["(Photo by Jin Lu and Zhang Chaoliang)"]
    assert article.body.split("\n\n") == [
        "The 2019 Ningbo Science and Technology Week opened on Friday with more than 600 science activities.",
        "About 86 research institutes open their labs to the public.",
    ]
    for fragment in ("Details", "Hits", "Category", "Published", "Prev", "#ningbo", "f t g m", "Charity",
                     "Copyright"):
        assert fragment not in article.body


def test_joomla_core_schema_org_article() -> None:
    article = parse_page(JOOMLA_CORE)
    assert article.title == "Ningbo's GDP grows 2.3% in first three quarters"
    assert (article.section, article.published) == ("Business News", "2020-10-13")
    assert article.body.split("\n\n") == [
        "Ningbo's GDP reached 882.56 billion yuan in the first three quarters, up 2.3% year-on-year.",
        "Industry",
        "The added value of high-tech manufacturing rose by 7.3%.",
    ]
    assert article.captions == ["Office towers in the Eastern New Town."]
    gdp = article.metrics[0]
    assert (gdp.value, gdp.unit, gdp.period) == (882560000000.0, "CNY", "2020-01..2020-09")


# Joomla 3 modules loaded into an article's text ({loadposition user1} / {loadmodule mod_related_items}), as
# joomla-cms 3.10 renders them: modules/mod_*/tmpl/default.php, in the xhtml module chrome
# (templates/system/html/modules.php: div.moduletable and the module's h3) or in the "none" chrome (the module alone).
JOOMLA_MODULES = {
    "related_items": ('<ul class="relateditems mod-list"><li><a href="/index.php/business-news/5600-a.html">'
                      "Story 0 about port cargo</a></li><li><a href=\"/index.php/business-news/5601-b.html\">"
                      "Story 1 about exports</a></li></ul>"),
    "articles_latest": ('<ul class="latestnews mod-list"><li itemscope itemtype="https://schema.org/Article">'
                        '<a href="/index.php/business-news/5602-c.html" itemprop="url"><span itemprop="name">'
                        "Story 2 about the airport</span></a></li></ul>"),
    "articles_popular": ('<ul class="mostread mod-list"><li itemscope itemtype="https://schema.org/Article">'
                         '<a href="/index.php/business-news/5603-d.html" itemprop="url"><span itemprop="name">'
                         "Story 3 about 12 new flights</span></a></li></ul>"),
    "articles_category": ('<ul class="category-module mod-list"><li><a class="mod-articles-category-title " '
                          'href="/index.php/business-news/5604-e.html">Story 4 about trade</a></li></ul>'),
    "articles_news": ('<div class="newsflash"><h4 class="newsflash-title">Story 5 about the port</h4>'
                      "<p>Story 5's intro: the port handled 30 million TEUs.</p></div>"),
}


@pytest.mark.parametrize("chrome", ["xhtml", "none"])
@pytest.mark.parametrize("module", sorted(JOOMLA_MODULES))
def test_joomla_modules_loaded_into_the_text_are_not_the_article(module: str, chrome: str) -> None:
    """A module placed inside the article (the loadmodule plugin) lists other articles' titles and intros: it
    leaked into the body ("Story 0 ...", the module's heading "Latest") and its figures became metrics."""
    html = JOOMLA_MODULES[module]
    if chrome == "xhtml":
        html = f'<div class="moduletable"><h3>Latest</h3>{html}</div>'
    page = JOOMLA_CORE.replace("<h3>Industry</h3>", html + "<h3>Industry</h3>")
    assert page != JOOMLA_CORE
    article = parse_page(page)
    assert article.body == parse_page(JOOMLA_CORE).body
    assert "Story" not in article.body and "Latest" not in article.body


@pytest.mark.parametrize(("url", "section"), [
    ("http://www.ningbolife.com/index.php?option=com_content&view=article&id=6604:r-d&catid=12&Itemid=110", None),
    ("http://www.ningbolife.com/index.php?Itemid=110&id=6604&option=com_content&view=article", None),
    ("http://www.ningbolife.com/index.php/business-news/innovation/6044-innovation-boosts.html", "Innovation"),
    ("http://www.ningbolife.com/index.php/business-news/6044-innovation-boosts.html", "Business News"),
    ("http://www.ningbolife.com/index.php/component/content/article/12-business-news/6044-x.html", None),
    # URL rewriting on (no /index.php), the .html suffix off
    ("http://www.ningbolife.com/business-news/innovation/6044-innovation-boosts.html", "Innovation"),
    ("http://www.ningbolife.com/business-news/6044-innovation-boosts", "Business News"),
    ("http://www.ningbolife.com/component/content/article/12-business-news/6044-x", None),
    # the modern router without ids
    ("http://www.ningbolife.com/index.php/business-news/innovation/innovation-boosts.html", "Innovation"),
    ("http://www.ningbolife.com/business-news/innovation-boosts", "Business News"),
])
def test_joomla_articles_under_every_url_form_are_ningbolife_articles(url: str, section: str | None) -> None:
    """Non-SEF and nested-category URLs are articles of the source like the SEF ones; a page that
    shows no category takes the article's own (innermost) category from a SEF path."""
    article = parse_page(JOOMLA_CORE, url=url)
    assert (article.source, article.section) == ("ningbolife", "Business News")
    bare = JOOMLA_CORE.replace('<dd class="category-name">Category: <a href="/index.php/business-news.html" '
                               'itemprop="genre">Business News</a></dd>', "")
    assert bare != JOOMLA_CORE
    article = parse_page(bare, url=url)
    assert (article.source, article.section, article.published) == ("ningbolife", section, "2020-10-13")


ARTICLE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html" / "articles"


@pytest.mark.parametrize("tag", ["article", "div", "section"])
@pytest.mark.parametrize("info", ["above", "below", "unclassed"])
def test_joomla_item_page_on_any_element_with_its_info_block_anywhere(tag: str, info: str) -> None:
    """Beez3's article override wraps the article in <article class="item-page"> (core: div): it
    was read by the generic fallback, the body opening "- Details - Category: Distrct News -
    Published: ..." and the section lost. Any container tag, the info block above or below the
    text or without its class: the same article."""
    expected = json.loads((ARTICLE_FIXTURES / "expected.json").read_text(encoding="utf-8"))
    spec = expected["joomla3_beez3_article.html"]
    html = (ARTICLE_FIXTURES / "joomla3_beez3_article.html").read_text(encoding="utf-8")
    assert '<article class="item-page">' in html and "</article>" in html
    html = html.replace('<article class="item-page">', f'<{tag} class="item-page">').replace("</article>", f"</{tag}>")
    block = html[html.index(' <dl class="article-info">'):html.index(" </dl>") + len(" </dl>")]
    if info == "below":
        html = html.replace(block, "").replace(f"</{tag}>", block + f"</{tag}>")
    elif info == "unclassed":
        html = html.replace('<dl class="article-info">', "<dl>")
    article = parse_page(html, url=spec["url"])
    assert (article.source, article.title, article.published, article.section) == (
        spec["source"], spec["title"], spec["published"], spec["section"])
    assert article.body.startswith(spec["body_starts"])
    assert len(article.body.split("\n\n")) == spec["paragraphs"]
    for fragment in ("Details", "Category", "Published", "Written by", "Hits", "Copyright"):
        assert fragment not in article.body
    assert find_boilerplate(article.body) == []


ARTICLE_EXPECTED = json.loads((ARTICLE_FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _metric_facts(metrics: list[Metric]) -> list[tuple[float, str, str, str | None, str | None]]:
    """What a metric says, without where it stands (spans move when chrome is cut from a body)."""
    return [(m.value, m.unit, m.kind, m.period, m.qualifier) for m in metrics]


@pytest.mark.parametrize("name", sorted(k for k in ARTICLE_EXPECTED if k.endswith(".html")))
def test_joomla3_article_fixtures(name: str) -> None:
    """The Joomla 3 article views hand-rendered from joomla-cms's template files (each fixture's header
    says which files, at which commit, with which options): title, date, section and the article's
    paragraphs and image captions, with none of the page's chrome (info block, icons, vote form, tags, pager, the pagebreak
    plugin's counter, index and pager) anywhere in the body, and the body's metrics those of the clean text."""
    spec = ARTICLE_EXPECTED[name]
    article = parse_page((ARTICLE_FIXTURES / name).read_text(encoding="utf-8"), url=spec["url"])
    assert (article.source, article.title, article.published, article.section) == (
        spec["source"], spec["title"], spec["published"], spec["section"])
    assert article.body.startswith(spec["body_starts"])
    assert len(article.body.split("\n\n")) == spec["paragraphs"]
    leaked = [chrome for chrome in spec["chrome"] if chrome in article.body]
    assert leaked == []
    assert find_boilerplate(article.body) == []
    # an image's caption lives in its title attribute (img.caption, shown by caption.js): kept as a caption
    assert article.captions == spec.get("captions", [])
    if "body" in spec:
        clean = "\n\n".join(spec["body"])
        assert article.body == clean
        assert _metric_facts(article.metrics) == _metric_facts(extract_metrics(clean, spec["published"], spec["title"]))


@pytest.mark.parametrize("module", [True, False])
def test_helix_ultimate_article_without_item_page_is_an_article_with_its_span_category(module: bool) -> None:
    """Helix Ultimate's article override writes div.article-details (no item-page), the text in
    div[itemprop=articleBody] and the info block's items as spans. With a news-flash module's two "Read more" links
    in its right column the page was taken for a category blog (NotAnArticle "listing"): the article was lost. Without
    the module its section was the menu item's alias in the URL ("News"), not span.category-name's category. A page
    without article text and two "Read more" links is still a listing."""
    name = "joomla3_helix_ultimate_article.html"
    spec = ARTICLE_EXPECTED[name]
    html = (ARTICLE_FIXTURES / name).read_text(encoding="utf-8")
    assert not re.search(r'class="[^"]*\bitem-page\b', html) and html.count('class="readmore"') == 2
    if not module:
        html = re.sub(r'<div class="sp-module"><h3 class="sp-module-title">Latest News</h3>.*?</div>\n</div></div>', "",
                      html, flags=re.S)
        assert 'class="readmore"' not in html
    article = parse_page(html, url=spec["url"])
    assert (article.title, article.published, article.section) == (spec["title"], spec["published"], spec["section"])
    assert article.body == "\n\n".join(spec["body"])
    with pytest.raises(NotAnArticle):
        parse_page(html.replace('itemprop="articleBody"', ""), url=spec["url"]) if module else \
            parse_page("<html><body><p class='readmore'><a href='/a'>Read more</a></p>"
                       "<p class='readmore'><a href='/b'>Read more</a></p></body></html>", url=spec["url"])


def test_joomla3_title_is_never_the_page_heading_or_a_subheading() -> None:
    """show_title off: core Joomla 3 writes no title h2, only the menu item's page heading (div.page-header >
    h1, "Ningbo Port News"); it was taken as the title. An h2 of the article text is no title either: the
    document's <title> (without " - Ningbo Life") is."""
    name = "joomla3_core_no_title_shown.html"
    spec = ARTICLE_EXPECTED[name]
    html = (ARTICLE_FIXTURES / name).read_text(encoding="utf-8")
    text_start = '<div itemprop="articleBody">'
    assert html.count(text_start) == 1
    html = html.replace(text_start, text_start + "<h2>Sea-rail transport</h2>")
    article = parse_page(html, url=spec["url"])
    assert article.title == spec["title"]
    assert article.body.startswith("Sea-rail transport\n\n" + spec["body_starts"])
    headless = re.sub(r"<title>[^<]*</title>", "", html)
    with pytest.raises(NotAnArticle):  # nothing names the article: not an article, never a heading as title
        parse_page(headless.replace("<h2>Sea-rail transport</h2>", ""), url=spec["url"])


@pytest.mark.parametrize(("head_title", "alias", "title"), [
    ("{t} - Ningbo Life", None, "{t}"),  # the site name after the title (Joomla's "After")
    ("Ningbo Life - {t}", None, "{t}"),  # before it ("Before")
    ("{t}", None, "{t}"),  # no site name (Joomla's default)
    ("Port data - a record quarter", "port-data-a-record-quarter", "Port data - a record quarter"),
    ("Port data - a record quarter - Ningbo Life", "port-data-a-record-quarter", "Port data - a record quarter"),
    ("Port data - a record quarter", "", "Port data"),  # no alias to tell by: the last " - X" is the site's
])
def test_joomla3_title_from_the_head_is_the_reading_of_title_whose_alias_the_url_ends_in(
        head_title: str, alias: str | None, title: str) -> None:
    """show_title off: the title is the document's <title>, with the site name Joomla may put after or
    before it cut off; which parts are the title's is told by the SEF URL's alias (Joomla makes it of the
    title), so a title holding " - " itself is kept whole."""
    name = "joomla3_core_no_title_shown.html"
    spec = ARTICLE_EXPECTED[name]
    html = (ARTICLE_FIXTURES / name).read_text(encoding="utf-8")
    url = spec["url"]
    if alias is not None:
        url = re.sub(r"/(\d+)-[^/]+\.html$", rf"/\1-{alias}.html" if alias else r"/\1.html", url)
    html = re.sub(r"<title>[^<]*</title>", f"<title>{head_title.format(t=spec['title'])}</title>", html)
    assert parse_page(html, url=url).title == title.format(t=spec["title"])


def test_a_beez3_article_with_read_more_links_in_a_side_module_is_an_article() -> None:
    html = (ARTICLE_FIXTURES / "joomla3_beez3_article.html").read_text(encoding="utf-8")
    side = ('<div class="moduletable"><p class="readmore"><a href="/a">Read more: A...</a></p>'
            '<p class="readmore"><a href="/b">Read more: B...</a></p></div>')
    article = parse_page(html.replace("</footer>", "</footer>" + side))
    assert article.section == "Distrct News"


def test_joomla_date_falls_back_to_time_datetime() -> None:
    html = JOOMLA_CORE.replace("Published: 13 October 2020", "Published")
    assert parse_page(html).published == "2020-10-13"


GENERIC_PAGE = """<html><head><title>Port handles record cargo - Example Daily</title>
<meta property="og:title" content="Port handles record cargo">
<meta property="article:published_time" content="2021-03-05T08:00:00+08:00"></head>
<body><header><a href="/">Home</a> | <a href="/news">News</a></header><article><h1>Port handles record cargo</h1>
<p>The port handled 1.2 billion tonnes of cargo in 2020, up 4.7% year-on-year, officials said on Friday in a statement.</p>
<p>Container throughput reached 28.7 million TEUs, ranking third in the world, and the port opened 20 new routes.</p>
</article><footer>Copyright 2021 Example Daily</footer></body></html>"""


def test_generic_fallback_for_unknown_templates() -> None:
    assert detect_template(GENERIC_PAGE) == "generic"
    assert detect_template(GOV_HTML.read_text(encoding="utf-8")) == "hanweb"
    assert detect_template(LIFE_HTML.read_text(encoding="utf-8")) == "joomla"
    article = parse_page(GENERIC_PAGE, url="https://example.org/news/1.html")
    assert (article.title, article.published, article.source) == ("Port handles record cargo", "2021-03-05", None)
    assert article.body.startswith("The port handled 1.2 billion tonnes")
    assert "Copyright" not in article.body and "Home" not in article.body
    assert [m.text for m in article.metrics][:2] == ["1.2 billion tonnes", "4.7%"]


def test_drifted_template_falls_back_to_the_generic_extractor() -> None:
    # configured as a Hanweb source, but the page has no Hanweb content region any more
    article = parse_page(GENERIC_PAGE, template="hanweb", url="http://english.ningbo.gov.cn/art/2021/3/5/x.html")
    assert article.title == "Port handles record cargo"
    assert article.body.startswith("The port handled 1.2 billion tonnes")
    assert _kind("<html><body><p>Too short.</p></body></html>", template="hanweb") == "unparseable"


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_damaged_snapshot_pages_never_crash(data: st.DataObject) -> None:
    """Truncated or spliced pages give an Article or NotAnArticle, never another exception."""
    path = data.draw(st.sampled_from(_snapshot_files()))
    raw = path.read_bytes()
    cut = data.draw(st.integers(0, len(raw)))
    junk = data.draw(st.sampled_from([b"", b"<p>", b"</div></td>", b"<META name=ContentEnd>", b"<!--",
                                      b"]]>", b"\xff\xfe\x00", "【Print】".encode()]))
    tail = data.draw(st.integers(0, len(raw)))
    try:
        article = parse_page(raw[:cut] + junk + raw[tail:])
    except NotAnArticle as exc:
        assert exc.kind in {"listing", "empty", "non_english", "binary", "unparseable"}
    else:
        assert article.title and article.body
        for m in article.metrics:
            assert article.body[m.char_start:m.char_end] == m.text


def test_explicit_template_overrides_detection() -> None:
    article = parse_page(GOV_HTML.read_bytes(), template="generic")
    assert "Innovation is a city gene" in article.body
    with pytest.raises(ValueError):
        parse_page("x", template="wordpress")
    text_article = parse_page(GOV_TEXT.read_text(encoding="utf-8"), template="text")
    assert text_article.section == "Hot Topic"


# ---------------------------------------------------------------- the whole snapshot
def _snapshot_files() -> list[Path]:
    return sorted(p for p in PAGES.rglob("*") if p.is_file() and p.name != "robots.txt")


def _is_article(path: Path) -> bool:
    rel = path.relative_to(PAGES).as_posix()
    return "/art/" in rel or re.search(r"/index\.php/[^/]+/\d+-[^/@]+\.html$", rel) is not None


def _live_url(path: Path) -> str:
    source, rest = path.relative_to(PAGES).as_posix().split("/", 1)
    return f"{LIVE_HOSTS[source]}/{rest.replace('@', '?')}"


def test_snapshot_has_articles_of_both_sources() -> None:
    articles = [p for p in _snapshot_files() if _is_article(p)]
    assert sum("ningbo_gov" in str(p) for p in articles) >= 20
    assert sum("ningbolife" in str(p) for p in articles) >= 20


@pytest.mark.parametrize("path", _snapshot_files(), ids=lambda p: p.relative_to(PAGES).as_posix())
def test_every_snapshot_page(path: Path) -> None:
    content = path.read_bytes()
    url = _live_url(path)
    if not _is_article(path):
        assert _kind(content, url=url) == "listing"
        return
    article = parse_page(content, url=url)
    source = path.relative_to(PAGES).parts[0]
    assert article.source == source
    assert article.title and article.published and article.section
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)
    assert article.language == "en"
    assert find_boilerplate(article.body) == [], find_boilerplate(article.body)
    assert article.title not in article.body.split("\n\n")[:1]
    paragraphs = article.body.split("\n\n")
    assert all(p and p == p.strip() and "  " not in p and "\n" not in p for p in paragraphs)
    assert not any("(Photo" in p for p in paragraphs)
    for caption in article.captions:
        assert caption not in paragraphs
    for m in article.metrics:
        assert article.body[m.char_start:m.char_end] == m.text


# ---------------------------------------------------------------- text pages of other sources
# Excerpts of real pages of other English Ningbo sources (tests/realgold/dev, with their URLs):
# a site menu or portal links above the title, the date line under it.
NBHTZ_TEXT = """Ningbo National Hi-Tech Industrial Development Zone
Profile of Ningbo
General Introduction
Economic Profile
      Profile News
Ningbo National High-tech Zone Escalates into the Forefront of the Country
Last Updated(Beijing Time):2017-08-09 10:18:00

With it Sustainability Ranking Second in the Country

The Torch High Technology Industry Development Center, Ministry of Science and Technology published the evaluation results of 2016 annual national high-tech zones. Ningbo National High-tech Zone stands out from 146 national high-tech zones.

Tool: Close | Print"""  # http://en.nbhtz.gov.cn/doc/news/2017_8_9/297049.shtml (realgold dev 043, cut)
NINGHAI_TEXT = """Make Us You Homepage
NingHai·China Ninghai News
Ningbo ranks No.1 in number of Top 100 Towns

Release date:2019-05-30Browse times: Size:[ big middle small ]

Recently, after a careful assessment of the comprehensive competitiveness of 1,283 townships, towns or streets in the province, the list of Top 100 Towns was issued."""  # http://www.ninghai.gov.cn/art/2019/5/30/art_128189_9109273.html (dev 044, cut)
CHINADAILY_TEXT = """Home>Biz Updates

Ningbo High-Tech District spends heavily on R&D

Updated:2020-01-21 (chinadaily.com.cn)

Print Mail Large Medium Small

The R&D expenditure in Ningbo High-tech District soared 57 percent to more than 1.5 billion yuan ($223 million) in 2019."""  # http://ningbo.chinadaily.com.cn/2020-01/21/c_449517.htm (dev 039, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words"), [
    (NBHTZ_TEXT, "Ningbo National High-tech Zone Escalates into the Forefront of the Country", "2017-08-09",
     "With it Sustainability"),
    (NINGHAI_TEXT, "Ningbo ranks No.1 in number of Top 100 Towns", "2019-05-30", "Recently, after"),
    (CHINADAILY_TEXT, "Ningbo High-Tech District spends heavily on R&D", "2020-01-21", "The R&D expenditure"),
])
def test_other_sources_title_above_their_date_line_and_no_header_chrome(
        text: str, title: str, published: str, first_words: str) -> None:
    article = parse_page(text)
    assert (article.title, article.published) == (title, published)
    assert article.body.startswith(first_words)
    for chrome in ("Profile of Ningbo", "Make Us You Homepage", "NingHai", "Tool: Close", "Print Mail",
                   "Updated:", "Release date", "Home>"):
        assert chrome not in article.body


def test_generic_html_takes_the_date_from_its_header_line() -> None:
    """China Daily's later layout (a markup variant of dev page 040,
    http://ningbo.chinadaily.com.cn/2022-06/16/c_771287.htm): no date metadata, a
    "chinadaily.com.cn| Updated: June 16, 2022 L M S" line under the title, which
    trafilatura's own date search does not read; the widget line does not reach the body."""
    paragraphs = "".join(f"<p>{line}</p>" for line in CHINADAILY_TEXT.split("\n\n")[4:] * 3)
    html = (f"<html><head><title>Ningbo High-Tech District spends heavily on R&amp;D</title></head><body>"
            f"<div class='crumb'>Home&gt;Biz Updates</div><h1>Ningbo High-Tech District spends heavily on R&amp;D</h1>"
            f"<div class='info'>chinadaily.com.cn| Updated:  June 16, 2022 L M S</div>"
            f"<div>Print Mail Large Medium Small</div>"
            f"<div class='article'>{paragraphs}</div></body></html>")
    article = parse_page(html)  # no URL: its date path would give the date away
    assert article.source is None and article.published == "2022-06-16"
    assert "Print Mail" not in article.body and "Updated:" not in article.body


@pytest.mark.parametrize("url, date", [
    ("http://ningbo.chinadaily.com.cn/2020-03/23/c_464255.htm", "2020-03-23"),           # tune_other t000
    ("https://chinaservicesinfo.com/s/202306/06/WS6482bee4498ea274927bf101/2-ningbo.html", "2023-06-06"),
    ("http://en.people.cn/n3/2023/0202/c90000-10202218.html", "2023-02-02"),
    ("https://en.ndrc.gov.cn/netcoo/goingout/goingoutpic/202302/t20230215_1350544.html", "2023-02-15"),
    ("http://en.yy.gov.cn/art/2020/1/9/art_27624_9940844.html", "2020-01-09"),
    ("https://information.bz/english/news/view/2024/09/27/53175.html", "2024-09-27"),
    ("https://news.cgtn.com/news/2025-02-24/VHJhbnNjcmlwdDgzMjUz/index.html", "2025-02-24"),
    ("https://www.pressreader.com/usa/global-times-us-edition/20190825/281908774805375", "2019-08-25"),
    ("https://netcomposites.com/news/2001/january/19/chinas-ningbo-to-construct-materials/", "2001-01-19"),
    ("https://www.viewsandtech.com/2023/07/the-evolution-of-port-of-ningbo-from.html", None),  # a month only
    ("http://english.nimte.cas.cn/ns/ne/201901/", None),
    ("https://example.org/2019/market/12/report", None),                                    # not a month name
    ("https://example.org/news/2019/09/31/", None),                                         # no such day
    ("https://example.org/show.asp?date=2019-09-30", None),                                 # the query is not the path
    ("https://english.ningbo.gov.cn/col/col1229100981/index.html", None),
    (None, None),
])
def test_url_date_reads_the_news_cms_path_shapes(url: str | None, date: str | None) -> None:
    from transforms.textutil import url_date

    assert url_date(url) == date


def test_a_page_that_shows_no_date_takes_its_url_s_and_its_own_date_wins() -> None:
    """HTML pages had it through trafilatura's date search; text pages (and the real-page eval,
    which reads text) now have it too."""
    body = "".join(f"<p>{line}</p>" for line in CHINADAILY_TEXT.split("\n\n")[4:] * 3)
    undated = (f"<html><head><title>Ningbo spends heavily on R&amp;D</title></head><body>"
               f"<h1>Ningbo spends heavily on R&amp;D</h1><div class='article'>{body}</div></body></html>")
    url = "http://ningbo.chinadaily.com.cn/2022-06/15/c_771287.htm"
    assert parse_page(undated).published is None
    assert parse_page(undated, url=url).published == "2022-06-15"
    text = "Ningbo spends heavily on R&D\n\n" + CHINADAILY_TEXT.split("\n\n", 4)[4]
    assert parse_page(text, url=url, template="text").published == "2022-06-15"
    dated = text.replace("\n\n", "\n\nchinadaily.com.cn| Updated: June 16, 2022 L M S\n\n", 1)
    assert parse_page(dated, url=url, template="text").published == "2022-06-16"


# Excerpts of real pages of tests/realgold/tune_other (URLs beside them): no date line to
# anchor the title, so site menus, section labels and pull quotes must not become it.
ZWU_TEXT = """The University of Nottingham, Ningbo China
University of Dundee


Deputy Governor of Zhejiang Province Came to Campus for Inspection and Research

July 11th, Deputy Governor of Zhejiang Province Cheng Yuechong came to conduct investigation and research in Zhejiang Wanli University."""  # https://en.zwu.edu.cn/b3/fd/c1703a111613/page.htm (t035, cut)
CARZXZC_TEXT = """Industry dynamics

Geely breaks ground on new energy vehicle headquarters in Ningbo city

Publishtime:1970-01-01 08:00:00 Views:28

Shanghai (ZXZC)- On September 29, the groundbreaking ceremony for the Geely New Energy Vehicle (NEV) Headquarters took place during the Major Projects Promotion Conference in Beilun District, Ningbo."""  # https://carzxzc.com/industry/39658.html (t022, cut)
PULL_QUOTE_TEXT = """Copyright 2024 - Ningbo Life / Ningbo Expat

R&D investment in Ningbo hits a new high

“We will give full play to the driving effect of innovation.”

The Economic Work Conference held by Ningbo Municipal Party Committee on December 25 deployed the eight key economic jobs for the new year, giving priority to the innovation work."""  # ningbolife.com 6604 (realgold dev 010, cut)
PORTNEWS_TEXT = """2022 December 29 09:08

China ports container volume rises 4.2% in January - November 2022

From January to November of 2022, the cargo volume of Chinese ports was 14313.1million tons, a year-on-year increase of 0.7%, according to Ningbo Zhoushan port's release.

Source：Ministry of Transport of the People’s Republic of China"""  # https://www.en.portnews.ru/news/340861/ (t036, cut)
MENU_BULLETS_TEXT = """• See More Than You Might Expect

  • Ningbo, A Modern City Full Of Life--NingboLife

  • Linked To The World

Copyright 2024 - Ningbo Life / Ningbo Expat

It's Happening....

Ningbo faces aging issues

Ningbo had 1,187,000 residents aged 60 or above by the end of 2013, accounting for 20.5 percent of the total population."""  # ningbolife.com ningbo-district-2/2728 (realgold tune_sites s057, cut)
BULLETED_HEADLINE_TEXT = """60th Anniversary of ¡

  • How do you think of this site?
    I like it very much

  • Ningbo Polytechnic is selected as top 50 in national vocational colleges

    According to the 2017 annual report on the quality of Higher Vocational Education in China, Ningbo Polytechnic was selected as top 50."""  # coohoom.com (tune_other t057, cut and title shortened)
A5QU_TEXT = """Ningbo, Zhejiang: A two-way journey between port and city

Release time:Apr 16, 2024 22:00 PM

Ningbo Beilun is thriving due to its port, and the free trade zone covering an area of 46 square kilometers was located in Beilun in August 2020.

Deep water harbor gathers advantageous resources

Ningbo, Zhejiang: A two-way journey between po"""  # a5qu.com regional_situation 31015 (t039, cut and title shortened)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    (ZWU_TEXT, "Deputy Governor of Zhejiang Province Came to Campus for Inspection and Research", None,
     "July 11th", ["University of Dundee"]),
    (CARZXZC_TEXT, "Geely breaks ground on new energy vehicle headquarters in Ningbo city", None,
     "Shanghai (ZXZC)", ["Industry dynamics", "Publishtime"]),
    (PULL_QUOTE_TEXT, "R&D investment in Ningbo hits a new high", None, "“We will give", ["Copyright"]),
    (PORTNEWS_TEXT, "China ports container volume rises 4.2% in January - November 2022", "2022-12-29",
     "From January", ["09:08", "Source："]),
    (A5QU_TEXT, "Ningbo, Zhejiang: A two-way journey between port and city", "2024-04-16", "Ningbo Beilun",
     ["Release time", "between po"]),
    # the sixth tune_sites pass: bulleted lines above the site's copyright line are its menu, not the title
    (MENU_BULLETS_TEXT, "Ningbo faces aging issues", None, "Ningbo had", ["See More", "Linked To", "Happening"]),
    (BULLETED_HEADLINE_TEXT, "• Ningbo Polytechnic is selected as top 50 in national vocational colleges", None,
     "According to", ["How do you think"]),
])
def test_other_sources_title_among_header_lines_date_lines_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


def _assert_text_page(text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    """The page's title and date as labelled, its body from the first words on, none of its chrome."""
    article = parse_page(text)
    assert (article.title, article.published) == (title, published)
    assert article.body.startswith(first_words)
    for line in chrome:
        assert line not in article.body


# Third pass of tune_other (t044-t068): layouts the first two passes did not have.
SHIPANDBUNKER_TEXT = """'Partial Reopening' of Ningbo Terminal Slated for August 24

by Ship & Bunker News Team
Tuesday August 17, 2021

A partial reopening of a Ningbo terminal closed last week after a COVID-19 case was found there has been scheduled for August 24."""  # https://shipandbunker.com/news/apac/628278-... (t063, cut)
MACNELS_TEXT = """Need a quotation?

Dear Customers, if you wish to receive a quotation, we kindly ask you to fill in below form. Once the form has been duly filled and submitted, the rates will be quoted to you.

SEARCH SITE BY TYPING (ESC TO CLOSE)

Skip to Content

Blog Archives

Ningbo Meishan terminal may re-open on 1 September

Staff at Ningbo Meishan Island International Container Terminal (MSICT), which has been closed for the seventh straight day as of 17 August, told Container News that they hope the terminal can resume normal operations on 1 September."""  # https://macnelsvietnam.com/tag/ningbo-en/ (t064, cut)
FRUCTIDOR_TEXT = """Search for a news or an article already published

Express Search

Search using map

End of health restrictions in one of the main Chinese ports

Send by email to a friend
Printable version
The Chinese authorities closed in early August the port of Ningbo-Zhoushan, located 200 km south of Shanghai,
after the discovery of a Covid-19 case among employees. The restrictions are now lifted and the port of Ningbo-Zhoushan should be fully operational in the coming days."""  # fructidor.com newsdetail 56934 (t067, cut, its dd/mm date line left out)
TERALOGISTICS_TEXT = """International Cargo Seaport: Port of Ningbo Zhouhsan
Posted in International Seaport - 9 Aug 2021, 9:43 AMAs the world’s third-largest cargo port, the Port of Ningbo Zhoushan is still not entirely known that much, especially when compared with Shanghai and Singapore Ports—the first and second-largest. With a historic journey and exciting information that can further expand your knowledge about this particular industry, we recommend you to keep reading the article below.
About the Port of Ningbo Zhoushan"""  # https://www.teralogistics.com/international-cargo-seaport-port-of-ningbo-zhouhsan/ (t048, cut)
NBPT_TEXT = """Government Official Program

作者:来源:宁波职业技术学院英文网发布时间:2020-09-09点击数:295

Ningbo Polytechnic began to undertake the Chinese government's human resources training program in November 2007."""  # https://en.nbpt.edu.cn/2020/0909/c1547a88734/page.htm (t058, cut)
CARNEWS_TEXT = """Search

Geely to invest $398 million in new powertrain plant in China

1 min to read
Mar 4, 2013 8:40 AM CET

Chinese carmaker Geely is expected to invest 2.5 billion yuan (398 million U.S. dollars) to build its largest powertrain manufacturing center in the coastal city of Ningbo."""  # https://carnewschina.com/2013/03/04/geely-to-invest-398-million-... (t053, cut)
HUATAI_TEXT = """Geely Automobile's docking event with local parts and components companies was held in Hangzhou Bay

Update:11 Nov
Since the Ningbo Municipal Party Committee and Government put forward the "246" development plan, the development of the automobile and parts industry has become a top priority."""  # huataiinc.com industry news (t052, cut)


def test_text_saved_as_markdown_keeps_its_title_and_date() -> None:
    """A page's text rendered as Markdown (tests/realgold/tune_sites/s005, Joomla's print view):
    "## " before the title, the article-info <dd> as a "- " list item."""
    text = ("## Ningbo residents incomes grow by 70% in 5 years\n\n- Published: Monday, 06 February 2012 09:54\n\n"
            "Statistics show that in 2006, Ningbo had 8.8 cars per 100 urban households, whereas in 2011 the figure "
            "has reached 33.2.\n\n## Consumption\n\n- Urban dwellers' per capita disposable income reached 34,058 yuan.")
    article = parse_page(text)
    assert (article.title, article.published) == ("Ningbo residents incomes grow by 70% in 5 years", "2012-02-06")
    assert article.body.startswith("Statistics show") and "Published" not in article.body and "#" not in article.body
    assert "- Urban dwellers' per capita disposable income reached 34,058 yuan." in article.body  # a list item stays


def test_a_date_line_with_a_chinese_numbered_month_dates_the_page() -> None:
    """ "11月 28, 2024" under an English headline (a Chinese locale's format of the post's date, tune_sites s091): the
    page's date, and the line is no body text."""
    text = ("In-Depth | Why Did the Leaders of the World's Top 7 Fabric Manufacturers Gather in Ningbo?\n\n11月 28, 2024\n\n"
            "Recently, the leaders of seven top global fabric manufacturers flew to Ningbo, China, and gathered around "
            "the same table in a rare meeting.")
    article = parse_page(text)
    assert article.published == "2024-11-28" and article.body.startswith("Recently,")


def test_a_wiki_heading_title_loses_its_marks() -> None:
    """A wiki page's text (tune_sites s143, s170): "= Sunny Optical =" opens it; the title is its words, the infobox
    lines under it stay as they were read."""
    text = ("= Sunny Optical =\n\nSunny Optical Technology (Group) Co. Ltd.\n- Type: Public\n- Founder: Wang Wenjian\n"
            "- Num Employees: 16,535\n\nSunny Optical Technology is a Chinese optical company based in Yuyao, Ningbo. "
            "It employed 16,535 people in 2019.\n\n== History ==\n\nThe company was founded in 1984.")
    article = parse_page(text)
    assert article.title == "Sunny Optical"
    assert article.body.startswith("Sunny Optical Technology (Group) Co. Ltd.") and "= Sunny Optical =" not in article.body


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a byline of four words and an "&" under the title, above a weekday date without a comma
    (SHIPANDBUNKER_TEXT, "'Partial Reopening' of Ningbo Terminal Slated for August 24", "2021-08-17",
     "A partial reopening", ["Bunker News", "Tuesday"]),
    # a pop-up paragraph directly followed by furniture is not the lead: the header goes on
    (MACNELS_TEXT, "Ningbo Meishan terminal may re-open on 1 September", None, "Staff at Ningbo",
     ["Dear Customers", "Skip to Content", "Blog Archives"]),
    # search widgets above the title are chrome, not the title
    (FRUCTIDOR_TEXT, "End of health restrictions in one of the main Chinese ports", None, "The Chinese authorities",
     ["Express Search", "Send by email", "Printable version"]),
    # a posting stamp glued to the lead sentence dates the page
    (TERALOGISTICS_TEXT, "International Cargo Seaport: Port of Ningbo Zhouhsan", "2021-08-09", "Posted in", []),
    # a Chinese meta line ("发布时间:") gives the date and is dropped
    (NBPT_TEXT, "Government Official Program", "2020-09-09", "Ningbo Polytechnic", ["发布时间"]),
    # a bare date line with a time zone; a reading-time line
    (CARNEWS_TEXT, "Geely to invest $398 million in new powertrain plant in China", "2013-03-04", "Chinese carmaker",
     ["1 min to read", "CET"]),
    # "Update:" with a day and month but no year: dropped, and no year is guessed
    (HUATAI_TEXT, "Geely Automobile's docking event with local parts and components companies was held in Hangzhou Bay",
     None, "Since the Ningbo", ["Update:"]),
])
def test_third_pass_layouts_title_date_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# Fourth pass of tune_other (t069-t094): pages chosen for the date lines in their chrome.
ZWU_DATED_TEXT = """Today:
The University of Nottingham, Ningbo China
University of Dundee

Date:2019-10-31Read:279

Deputy Secretary of Zhejiang Provincial Party Committee Visited the Hamburg Campus of Zhejiang Wanli University

In the afternoon of October 29th, Mr. Zheng Shanjie, Deputy Secretary of Zhejiang Provincial Party Committee and Secretary General of Ningbo Municipal Party Committee visited the Hamburg campus of our university."""  # http://en.zwu.edu.cn/d6/34/c1703a120372/page.htm (t092, cut)
CNNB_EPAPER_TEXT = (  # a whitespace-only line and trailing spaces, as on the page
    "第A8版:INSIGHT NINGBO 上一版3  4下一版\n标题导航\ndlrb\n \n2021年03月29日 星期一  \n放大 缩小 默认\n\n"
    "Airlines to Add a Slew of Flights in Lishe Airport with First Ningbo-Tibet Route\n\n    by Fan Hong\n\n"
    "    Ningbo Lishe International Airport is to carry out the new flight schedule for summer and autumn from"
    " March 28, reviving services along routes to 76 domestic cities."
)  # http://daily.cnnb.com.cn/nbwb/html/2021-03/29/content_1266672.htm (t093, cut)
NBTJJ_TEXT = """2012 Statistics Bulletin of National Economy and Social Development of Ningbo

Ningbo Municipal Statistics Bureau   State Statistical Bureau

Ningbo Investigation Team

Feb. 4, 2013

In face of complex and fast-changing macro-economy home and abroad in 2012, Ningbo people strive to tide over adversity and solve problems confronted."""  # zjjcmspublic...cloud.zj.gov.cn/.../nbtjj/tjnj1/2013nbnj/html/gbe.htm (t090, cut)
NBSTATS_TEXT = """Yearbook Ningbo
Month Report Ningbo
Information Focus
How about the site
 just so so
 very good
Home>>All News>>Yearbook Ningbo
Statistics of Ningbo On The 2008 National Economic and Social Development
2009-09-29 09:58:48 visits:1546
Bureau of Statistics of Ningbo
January 22, 2009
2008 is a special year. Confronting the challenge of global financial crisis, the city thoroughly insisted the scientific approach to the economic and social development."""  # http://english.nbstats.gov.cn/ShowArticle.aspx?ID=330 (t088, cut)
AD_LINE_TEXT = """People Counting,Footfall Analytics For Public Space,Retail Foot Traffic Analysis,People Counting Analysis OP Retail (Suzhou) Technology Co., Ltd , https://www.opretailtech.com
The world's first graphene production line will be built
The world's first graphene production line is set to be completed and start operations in Ningbo this year."""  # http://www.ssvalvefittings.com/p-8147.html (t086, cut)
PR_DATELINE_TEXT = """From Ningbo to the world: China’s port city evolving into global opening-up hub

NINGBO, China, March 28, 2024 /PRNewswire/ — For many people, the city of Ningbo may not sound as well-known as metropolis such as Beijing and Shanghai in China."""  # https://9krapalm.com/?p=47254 (t087, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a date line set apart under a site menu heads the article: the title is under it, not the menu's last line
    (ZWU_DATED_TEXT, "Deputy Secretary of Zhejiang Provincial Party Committee Visited the Hamburg Campus of "
     "Zhejiang Wanli University", "2019-10-31", "In the afternoon", ["Date:", "Dundee", "Today:"]),
    # an e-paper: a dated issue line with its weekday, a Chinese size switch, the title under them
    (CNNB_EPAPER_TEXT, "Airlines to Add a Slew of Flights in Lishe Airport with First Ningbo-Tibet Route",
     "2021-03-29", "Ningbo Lishe", ["星期一", "放大", "Fan Hong", "dlrb"]),
    # the issuing bodies between a document's title and its date line are not the title
    (NBTJJ_TEXT, "2012 Statistics Bulletin of National Economy and Social Development of Ningbo", "2013-02-04",
     "In face of", ["Investigation Team", "Feb. 4"]),
    # ... nor the body when they follow the date line; the title above its date under a menu stays
    (NBSTATS_TEXT, "Statistics of Ningbo On The 2008 National Economic and Social Development", "2009-09-29",
     "2008 is a special year", ["Bureau of Statistics", "January 22", "visits:", "just so so"]),
    # an advertisement ending in a web address is neither the headline nor the lead
    (AD_LINE_TEXT, "The world's first graphene production line will be built", None, "The world's first graphene "
     "production line is set", ["opretailtech"]),
    # a press-release dateline with its year dates the page
    (PR_DATELINE_TEXT, "From Ningbo to the world: China’s port city evolving into global opening-up hub",
     "2024-03-28", "NINGBO, China", []),
])
def test_fourth_pass_date_lines_titles_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# Fifth pass of tune_other (t095-t125): date lines and layouts the held-out pages showed the set lacked.
EESEA_TEXT = """The world’s largest port, Ningbo, starts to turn ships away as a worker tests positive for Covid-19
Sam Chambers - August 11, 2021
“Initially, the ports authority claimed that its operating system was down early this morning before the Ningbo Municipal Health Commission came clean with the news. The infected worker was part of the workforce at Ningbo Meidong Container Terminal.”
See the original story at: Splash247.com"""  # https://eesea.com/press-blog/the-worlds-largest-port-ningbo-starts-to-turn-ships-away-as-a-worker-tests-positive-for-covid-19 (t100)
SHINE_ARCHIVE_TEXT = """Ningbo (China)-Nice (France) Carnival time for city’s international image

Dancers dressed in traditional Chinese wedding costumes perform at the Nice Carnival (SHINE)
Dancers dressed in traditional Chinese wedding costumes perform at the Nice Carnival (SHINE)

SHINE | 22-Jul-2020 | By Zhang Long

The Nice Carnival, one of the world’s most famous carnivals, is coming to China from September 28 to October 3. Continue reading “Ningbo (China)-Nice (France) Carnival time for city’s international image”"""  # https://usachinatrading.com/explore-china-by-regions/china-municipalities/shanghai-municipality/page/56 (t113, cut)
TITLE_DATE_TEXT = """Home   /  News   /  City news   /   CCTV "Happy Chinese" focuses on Ningbo style
CCTV "Happy Chinese" focuses on Ningbo style 2014-04-15


"Learning Chinese, friends all over the world." The author learned from the Municipal Tourism Bureau yesterday that the CCTV "Happy Chinese" column crew came to Yucheng."""  # http://www.ningbo-china.com/news/city-news/2924.html (t117, cut)
SILKROAD_TEXT = """Xinhua Silk Road - Belt and Road Portal, China's silk road economic belt and 21st Century Maritime Silk Road Website Xinhua Silk Road - Belt and Road Portal, China's silk road economic belt and 21st Century Maritime Silk Road Website
Subscribe CustomBlackClose

Research ReportCustomBlackClose

The full edition of the report is available at Xinhua Silk Road Database. You can click the “Table of Content” to have a general understanding of it.

Click on the button below to create your account and get immediate access to thousands of articles.

Start a Free Trial

Xinhua Silk Road Database
Company

Ningbo-Zhoushan Port records more container throughput year to date

March 09, 2021


Abstract : East China's Ningbo-Zhoushan Port has continued its good momentum in container throughput sine the beginning of the year.

Ningbo Zhoushan Port.png

BEIJING, March 9 (Xinhua) -- East China's Ningbo-Zhoushan Port has continued its good momentum in container throughput since the beginning of the year."""  # https://en.imsilkroad.com/p/320154.html (t107, cut)
REUTERS_MIRROR_TEXT = (  # a whitespace-only line, as on the page
    "www射-国产免费一级-欧美福利-亚洲成人福利-成人一区在线观看-亚州成人\n\n   \n\n"
    "Chinese city Ningbo builds bridge to prosperity\n\n(Reuters)\nUpdated: 2007-07-09 10:19\n\n"
    "NINGBO, China - The $1.5 billion, S-shaped bridge that will link Ningbo and Shanghai is graceful testimony to"
    " the huge sums that China is investing in infrastructure."
)  # http://www.orobotics.cn/china/2007-07/09/content_5421979.htm (t120, cut)
SLASH_CRUMB_TEXT = """Home / News / China's small household appliances have exploded in Africa, leading to the rise of a billion dollar industrial belt

China's small household appliances have exploded in Africa, leading to the rise of a billion dollar industrial belt

From October 17 to 18, the third "the Belt and Road" International Cooperation Summit Forum was held in Beijing."""  # https://www.newtach.com/news/china-s-small-household-appliances-have-exploded-in-africa-leading-to-the-rise-of-a-billion-dollar-industrial-belt.html (t095, cut)
XINHUA_BAR_TEXT = """China's Ningbo-Zhoushan Port gears up for busy winter

Xinhua| Updated:  December 19, 2022 L M S

As the year ends, ships of over 10,000 tonnes are lined up at the Meishan port area of Ningbo-Zhoushan Port in East China's Zhejiang province."""  # http://regional.chinadaily.com.cn/ningbo/2022-12/19/c_840966.htm (t119, cut)
CHAIN_CRUMB_TEXT = """Full Coverages>China>Linking Zhejiang>News | ||
Cixi Impressions
Situated along the coastline of China's Southeast Zhejiang Province and the southern banks of Hangzhou Bay, Cixi city boasts a long history and prosperous culture."""  # http://covid-19.chinadaily.com.cn/english/focus/2004-06/07/content_337287.htm (t121, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # an author, a dash and a written date under the title; a link to the original story
    (EESEA_TEXT, "The world’s largest port, Ningbo, starts to turn ships away as a worker tests positive for Covid-19",
     "2021-08-11", "“Initially", ["Sam Chambers", "Splash247"]),
    # source | day-Mon-year | byline; the caption printed twice (alt text and caption) is not the title
    (SHINE_ARCHIVE_TEXT, "Ningbo (China)-Nice (France) Carnival time for city’s international image", "2020-07-22",
     "The Nice Carnival", ["22-Jul-2020", "Dancers dressed"]),
    # a headline with its posting date glued after it; a slash breadcrumb ending with the headline
    (TITLE_DATE_TEXT, 'CCTV "Happy Chinese" focuses on Ningbo style', "2014-04-15", '"Learning Chinese',
     ["Home", "2014-04-15"]),
    # a site name doubled by its logo's alt text, pop-up sentences, then the title and a bare date line
    (SILKROAD_TEXT, "Ningbo-Zhoushan Port records more container throughput year to date", "2021-03-09", "Abstract",
     ["Belt and Road Portal", "Free Trial", "Click on the button", "Port.png"]),
    # a source alone in brackets between the title and its "Updated:" line
    (REUTERS_MIRROR_TEXT, "Chinese city Ningbo builds bridge to prosperity", "2007-07-09", "NINGBO, China",
     ["(Reuters)", "Updated:"]),
    (SLASH_CRUMB_TEXT, "China's small household appliances have exploded in Africa, leading to the rise of a billion "
     "dollar industrial belt", None, "From October", ["Home /"]),
    # an agency's name before the bar of China Daily's "| Updated:" line
    (XINHUA_BAR_TEXT, "China's Ningbo-Zhoushan Port gears up for busy winter", "2022-12-19", "As the year ends",
     ["Xinhua|", "L M S"]),
    # a breadcrumb of four items without a leading "Home" or ">"
    (CHAIN_CRUMB_TEXT, "Cixi Impressions", None, "Situated along", ["Full Coverages"]),
])
def test_fifth_pass_date_lines_titles_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# Sixth pass of tune_other (t126-t150): new hosts and layouts, labelled before the extractor was run on them.
DOCSTOC_TEXT = """Ningbo Ports by SCcouncil


\t\t\t\t\t\t\t\t\tNingbo Ports
Ningbo, also called ‗Yong‘ for short, is located in the middle of the coastal line of the Chinese Mainland
and in the South of the Yangtze River Delta, which enjoys the most developed economy in China
(120°55‘-122°16‘E and 28°51‘-30°33 ‘N). To the east of Ningbo is the Zhoushan Archipelago, as natural
bulwark; to the north, Hangzhou Bay; to the west, the City of Shaoxing and to the south, the City of
Taizhou .

The camphor tree is the municipal tree, and the camellia is the flower of the city."""  # http://www.docstoc.com/docs/75209320/Ningbo-Ports (t127, cut)
QA_CRUMB_TEXT = """Current location - Plastic Surgery and Aesthetics Network - Wedding planning company - Which province and city does Fenghua District of Ningbo City, Zhejiang Province belong to?
Which province and city does Fenghua District of Ningbo City, Zhejiang Province belong to?
Located in Fenghua District, Ningbo City, Zhejiang Province.

Fenghua is located in the east coast of Zhejiang Province, south of Ningbo, with the latitude of 29 25' ~ 29 47' north and the longitude of12103' ~12146' east. Xiangshan Port is in the east, facing Xiangshan County across the harbor."""  # https://wodezhubaowang.com/Weddingcompany/hhireqojtb.html (t141, cut)
SINOPEC_TEXT = """Sinopec to invest US$29 billion to upgrade four refinery and petrochemical bases

Sinopec will invest 200 billion yuan (US$29 billion) to upgrade four refinery and petrochemical bases in China’s Maoming-Zhanjiang region, Zhenhai, Shanghai and Nanjing during the 13th Five-Year Plan period (2016-20), the company announced on March 2.

Following the upgrade, the total refining capacity of the four bases is expected to reach 130 million tons per year.

信息来源:Sinopecnews.com
2017-03-02"""  # http://www.sinopecgroup.com/group/en/PhotoNews/20170817/news_20170817_566481974718.shtml (t139, cut)
WORDPRESS_COM_TEXT = """Ningbo Port closes a terminal

The world’s third busiest container port has been partially shut down after a worker became infected with Corona virus. All inbound and outbound container services at Meishan terminal in Ningbo-Zhoushan port were halted on Wednesday.

Leave a Reply

Fill in your details below or click an icon to log in: Logo

You are commenting using your account. Log Out /  Change )

Twitter picture

You are commenting using your Twitter account. Log Out /  Change )

Facebook photo

Connecting to %s

This site uses Akismet to reduce spam. Learn how your comment data is processed."""  # after https://sunbight.com/2021/08/13/global-third-busiest-port-closed/ (t132; headline line made up)
METRO_GUIDE_TEXT = """Ningbo Rail Transit (宁波轨道交通)

Information on this page will progressively be improved. Thank you for your patience.

The Ningbo Rail Transit system serves the city of Ningbo in the province of Zhejiang, in eastern coastal China.

Jump to: Lines / History

Fares: Minimum fare ¥ 2.—; distance-based fares up to ¥ 6.— at present."""  # https://en.trackingchina.com/metro/ningbo/ (t131, cut)
PEOPLE_PRINT_TEXT = """Ningbo Joins Rank of World's Big Ports

For the first time Ningbo, a port city in east China's Zhejiang Province, has so far surpassed the 100-million-ton mark in terms of cargo handling capacity.






People's Daily Online --- http://english.peopledaily.com.cn/"""  # http://en.people.cn/english/200011/22/print20001122_55881.html (t144, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a document site's header: the title with its uploader ("X by Name") above the title alone
    (DOCSTOC_TEXT, "Ningbo Ports", None, "Ningbo, also called", ["SCcouncil"]),
    # "Current location - ... - <question>" above the question as its own line
    (QA_CRUMB_TEXT, "Which province and city does Fenghua District of Ningbo City, Zhejiang Province belong to?", None,
     "Located in Fenghua", ["Current location", "Wedding"]),
    # a closing Chinese source line ("信息来源:" = information source) above a bare date line: the page's date
    (SINOPEC_TEXT, "Sinopec to invest US$29 billion to upgrade four refinery and petrochemical bases", "2017-03-02",
     "Sinopec will invest", ["信息来源", "2017-03-02"]),
    # the comment form of a WordPress.com blog
    (WORDPRESS_COM_TEXT, "Ningbo Port closes a terminal", None, "The world’s third",
     ["Leave a Reply", "commenting using", "Twitter picture", "Facebook photo", "Connecting to", "Akismet"]),
    # a site notice under the title, an in-page jump menu
    (METRO_GUIDE_TEXT, "Ningbo Rail Transit (宁波轨道交通)", None, "The Ningbo Rail Transit system",
     ["Thank you for your patience", "Jump to"]),
    # a site name and its web address as the footer of a print page
    (PEOPLE_PRINT_TEXT, "Ningbo Joins Rank of World's Big Ports", None, "For the first time",
     ["People's Daily Online", "http://"]),
])
def test_sixth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# Seventh pass of tune_other (t151-t175), exactly as on the pages (cut where marked).
JBLOG_TEXT = """• See More Than You Might Expect

  • Ningbo, A Modern City Full Of Life--NingboLife

  • Starting Point Of The Silk Road On The Sea

  • Linked To The World

  • Build On 7000 Years Of Culture

Copyright 2019 - Custom text here

It's Happening....

Museums: Bridge between Citizens and Multiple Cultures

With the “International Museum Day” approaching, the museum units plans to carry out themed activities around May 18 to set up communication platforms for citizens to enhance their understanding about museums."""  # http://www.ningbolife.com/jblog/index.php/ningbo-news/5427-museums-bridge-between-citizens-and-multiple-cultures.html (t154, cut)
NBMUSEUM_TEXT = """Special Exhibitions
Precious Antiques of Ningbo Museum

Museums are sacred halls for collecting achievements of human civilization and inheriting culture. It is an important duty and mission of Chinese museums to collect, preserve and exhibit the cultural relics that bear the spirit of the Chinese nation and the skills of the times.

President Xi Jinping emphasized that “we need to bring all collections in our museums to life”. The vitality of cultural relics comes from integrating into society, returning to society and serving the people.

Produced By 大汉网络 大汉版通发布系统"""  # http://www.nbmuseum.cn/art/2020/12/22/art_561_4751.html (t157, cut)
SHAOXING_TEXT = """>Office of the Mayor>Related News
Eyesight Protection:
Ningbo Municipal Party and Government Delegation visited Shaoxing
Accompanied by Shaoxing Municipal Leaders Wang Yongchang, Zhang Jinru, Chen Changxing, Shu Binyan, Zheng Jiwei, and Qi Kuanming, Ningbo Municipal Party and Government Delegation led by Mao Guanglie, Deputy Party Secretary and Mayor of Ningbo, visited Shaoxing yesterday.
During the stay in Shaoxing, Ningbo Municipal Party and Government Delegation paid on-the-spot visits to relevant enterprises.

print】 【close
Produced By 大汉网络 大汉版通发布系统"""  # http://en.sx.gov.cn/art/2007/11/29/art_4307_104008.html (t158, cut)
FAO_TEXT = """| 中文版
Homepage Functions Leadership Organization News Overview of Ningbo Ningbo's Official Web Policies
The delegation from Matola, Mozambique visits Ningbo

发布日期:2024-08-13 访问次数: 信息来源:市外办(市港澳办) 字号:[ ]

At the invitation of enterprises in Ningbo, Mr. Júlio José Parruque, Mayor of Matola, Mozambique, visited Ningbo with a delegation of 8 colleagues from August 4 to 8. During their stay in Ningbo, the delegation visited Ningbo Zhoushan Port, Ningbo City Exhibition Hall, and enterprises including Roaby Group and Sellers Union Group.

打印本页 关闭窗口
Copyright fao.ningbo.gov.cn All right served.
网站备案: 浙ICP备11049522号"""  # http://fao.ningbo.gov.cn/art/2024/8/13/art_1229149604_58934606.html (t159, cut)
CGTN_VIDEO_TEXT = """'I Love Ningbo': When a village is inspired by art
Updated 10:28, 15-May-2023

How can the revitalization of Chinese villages through art be achieved? Gejia Village in east China's Zhejiang Province is recognized as a model for rural artistic revival. What inspired local people to make the village a more beautiful and pleasant place to live? CGTN Digital brings us more from Ningbo, Zhejiang.


Video directors: Zhang Meng, Shi Chan

Video editors: Zhang Meng, Shi Chan

Camera: Hu Rui

Cover photo designer: Liang Qian

Chief editor: Lin Dongwei

Producers: Li Meng, Li Tianfu

Supervisor: Liu Yuqi

Search Trends"""  # https://news.cgtn.com/news/2023-05-14/-I-Love-Ningbo-When-a-village-is-inspired-by-art-1jO1GdEq4AE/index.html (t167)
FAO_BULLETS_TEXT = """  • 工作动态
  • 文字:
    2020最新宁波中英文简介 About Ningbo
  • 阅读:
  • 来源:市外办
  • 时间:2020-05-06
  • 宁 波 简 介


    Ningbo, also known as Yong, is located halfway down the coastline of the Chinese mainland and to the south of the Yangtze River Delta."""  # http://fao.ningbo.gov.cn/art/2020/5/6/art_1229154118_49748916.html (t175, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a bulleted slogan menu, the copyright line and a news box's heading above the headline
    (JBLOG_TEXT, "Museums: Bridge between Citizens and Multiple Cultures", None, "With the “International Museum Day”",
     ["See More", "Linked To The World", "It's Happening", "Copyright", "Museums: Bridge"]),
    # a section label right above the headline, in one block with it
    (NBMUSEUM_TEXT, "Precious Antiques of Ningbo Museum", None, "Museums are sacred halls",
     ["Special Exhibitions", "Precious Antiques", "Produced By"]),
    # an empty widget label ending in a colon above the headline; the print/close widget cut at both ends
    (SHAOXING_TEXT, "Ningbo Municipal Party and Government Delegation visited Shaoxing", None, "Accompanied by",
     ["Office of the Mayor", "Eyesight", "print】", "Produced By"]),
    # a Chinese print/close widget and a misspelt copyright line closing the page
    (FAO_TEXT, "The delegation from Matola, Mozambique visits Ningbo", "2024-08-13", "At the invitation",
     ["中文版", "Homepage Functions", "发布日期", "打印本页", "All right served", "ICP"]),
    # the time before the date ("Updated 10:28, 15-May-2023"), a video's credits and a box heading under the text
    (CGTN_VIDEO_TEXT, "'I Love Ningbo': When a village is inspired by art", "2023-05-15", "How can the revitalization",
     ["Updated", "Video directors", "Video editors", "Camera:", "Cover photo designer", "Chief editor", "Producers",
      "Supervisor", "Search Trends"]),
    # bulleted Chinese meta lines with empty labels ("• 文字:", "• 阅读:") around the title's own line
    (FAO_BULLETS_TEXT, "2020最新宁波中英文简介 About Ningbo", "2020-05-06", "• 宁 波 简 介",
     ["阅读", "来源", "时间"]),
])
def test_seventh_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# Eighth pass of tune_other (t182-t206), exactly as on the pages (cut where marked).
KOREATRIP_TEXT = """ChinaCulture

Cultural Exploration around Ningbo Tianyi Pavilion

1. How old is the Tianyi Pavilion and what is its significance in Chinese history?


The Tianyi Pavilion is over 400 years old, with construction beginning in 1561 during the Ming Dynasty. It was initially built as a private library by Fan Qin, an imperial censor and high-ranking official of the Ming court. Over the centuries, it became one of the largest private libraries in China and played an important role in preserving and promoting Chinese literature."""  # https://koreatripguide.com/culture/cultural-exploration-around-ningbo-tianyi-pavilion (t194, cut)
NINGBO_CHINA_TEXT = """Home  /  Story   /  Two days in Ningbo, good weather is naturally good mood
Two days in Ningbo, good weather is naturally good mood
Like0 Comment0 Browse2507
Keywords: photography Freedom

Write in front

It can be said that no travel notes have been written for a long time, and the busyness of life and the dull duplication of life have worn life a bit impatient. In Hangzhou from the end of July to the beginning of August, it is almost 36 degrees every day. The burning air is everywhere. Fortunately, in such a hot season and the enthusiasm of the sun, the weather is still very powerful. The blue sky and white clouds are staged every day, many People who love photography have not harvested their favorite photos in this good weather, such as the morning glow and the evening glow. After a few days at Snail House, I finally bought a ticket for Ningbo on August 1st, and went from Hangzhou to Ningbo early in the morning. I came to Ningbo for the first time, and told my friends about Ningbo before I came. The first recommendation to me was Tianyi Pavilion, which reminded me of the article I saw in Mr. Yu Qiuyu's "Culture in Culture": Tianyi Pavilion. So although little is known about Ningbo, at least one or two relatively clear goals can be reached."""  # http://www.ningbo-china.com/story/30.html (t195, cut)
TRAVELAGE_TEXT = """Tracing History and Modernity in Ningbo

The Coastal City of Ningbo is an up-and-coming destination By: Gary Bowerman & Janet Martin
Ningbo is less than 150 miles from Shanghai. // (C) 2012 Shutterstock
Ningbo is less than 150 miles from Shanghai. // (C) 2012 Shutterstock

The Details

The Westin Ningbo

Park Hyatt Ningbo Resort & Spa

Shangri-La Ningbo

Ningbo Focus

New and Noteworthy:

Finnair Offers Flights to Chongqing
Starting in May, Finnair will become the first European airline to open a direct route to Chongqing, a city located in the upper regions of the Yangtze River. This new route will run four times a week using Finnair’s Airbus A340 aircraft. If you are travelling from the U.S., Finnair flies from JFK Airport in New York to Helsinki, where it offers connecting flights to 10 destinations in Asia including Beijing, Hong Kong and Shanghai."""  # http://www.travelagewest.com/Travel/Asia/Info/Tracing-History-and-Modernity-in-Ningbo/ (t197, cut)
CFERA_TEXT = """Home
>>English>>Haishu Today

m88明升体育网址-Ningbo Marathon 2025 | Crossing the main urban area for the first time! 20,000 people start running in Haishu!

Time:2025-03-31     Click:

On March 23, the Ningbo Marathon 2025 fired its gun amidst high expectations."""  # https://www.cfera.net/art/2025/3/31/art_1229100397_59103893.html (t203, cut)
BUSINESSTRAVELLER_TEXT = """Features

Ningbo: Coastal charisma

31 Mar 2014 by Clement Huang
Located on the southern shore of Hangzhou Bay in northeast Zhejiang province, some 135 miles south of Shanghai, the coastal city of Ningbo is emerging as a dynamic city of commerce and tourism, and an increasingly coveted MICE destination."""  # https://www.businesstraveller.com/features/coastal-charisma/ (t196, cut after the first sentence)
CHINADAILY_VIDEO_TEXT = """Bustling Ningbo-Zhoushan Port on the rise
By Ma Zhenhuan in Hangzhou | chinadaily.com.cn | Updated: 2022-06-01 16:41
Mist shrouds the Chuanshan Port area of Ningbo-Zhoushan Port in Zhejiang province, creating a spectacular night view, as ships, containers and cranes shine through the fog.
April's combined sea-rail transportation volume at the Chuanshan Port station of the Ningbo-Zhoushan Port Railway exceeded 50,000 twenty-foot equivalent units (TEUs), reaching 51,600 TEUs for the first time after a year-on-year increase of 133 percent. It was the highest single month since the Chuanshan station opened.
More efforts will be made in digital reform and smart port construction projects at Ningbo-Zhoushan Port to stabilize the operation of sea-rail intermodal trains, promote high-quality development of the sea-rail intermodal transportation business and keep logistical supply chains secure and smooth.
Video provided by Beilun Media Center.
Yu Yin in Ningbo and Fang Xiaoying in Hangzhou contributed to this story."""  # https://global.chinadaily.com.cn/a/202206/01/WS6297265fa310fd2b29e6051f.html (t183, cut)
KINGHOGE_TEXT = """Ningbo: Delta Dawn

Published in Global Traveler

Ningbo rises to a new day in the prosperous Yangtze Delta.

Only in China is it easy to overlook a city of 5.5 million people, but recent Frommer’s and Rough Guide volumes about China don’t even bother to mention Ningbo. It’s an oversight that might surprise Dow Chemical, DuPont, Hearst, HSBC, PriceWaterhouseCoopers, Burberry and dozens of overseas companies with operations in this major port city on China’s east coast. Briefly in Shanghai’s shadow, Ningbo is re-emerging as an important export and economic hub, included this year in the China Travel Channel’s listing of “Cities of Best International Image.”"""  # https://sharonkinghoge.com/ningbo-delta-dawn (t185, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a numbered question under the headline: the guide's own first item, not the headline, and no yardstick for it
    (KOREATRIP_TEXT, "Cultural Exploration around Ningbo Tianyi Pavilion", None, "1. How old is",
     ["ChinaCulture", "Cultural Exploration"]),
    # counters glued to their words and a keywords line in the headline's block, under a trail ending with it
    (NINGBO_CHINA_TEXT, "Two days in Ningbo, good weather is naturally good mood", None, "Write in front",
     ["Home  /", "Like0", "Keywords"]),
    # a standfirst with the byline glued after it ("... By: Name & Name") under the headline; the caption and its
    # repeat (alt text) stay out of the title
    (TRAVELAGE_TEXT, "Tracing History and Modernity in Ningbo", None, "Ningbo is less than 150 miles",
     ["By: Gary Bowerman"]),
    # a lone "Home" link, a spam brand glued before the headline, an empty click counter after the date
    (CFERA_TEXT, "m88明升体育网址-Ningbo Marathon 2025 | Crossing the main urban area for the first time! 20,000 people"
     " start running in Haishu!", "2025-03-31", "On March 23", ["Home", "Time:", "Click"]),
    # the date and the byline on one line ("31 Mar 2014 by Clement Huang") above the text
    (BUSINESSTRAVELLER_TEXT, "Ningbo: Coastal charisma", "2014-03-31", "Located on the southern shore",
     ["Features", "Clement Huang"]),
    # closing credits: a video's provider and the contributors
    (CHINADAILY_VIDEO_TEXT, "Bustling Ningbo-Zhoushan Port on the rise", "2022-06-01", "Mist shrouds",
     ["Ma Zhenhuan", "Video provided", "contributed to this story"]),
    # a magazine's source line between the headline and the standfirst (the standfirst stays)
    (KINGHOGE_TEXT, "Ningbo: Delta Dawn", None, "Ningbo rises to a new day", ["Global Traveler"]),
])
def test_eighth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# Pages gathered after the eighth pass's rules (t207-t214), exactly as on the pages (cut where marked).
UPCHINATRAVEL_TEXT = """Enjoy an ancient feast that spans thousands of years in Cicheng, Ningbo
UP ChinaTravel
2024-07-25 12:45:30
0Times

preface


"The thousand-year-old Gu County City is a place for spiritual health."

With spring breeze, Cicheng, which is separated by an arm's length from the urban area, is an excellent choice without any burden."""  # https://upchinatravel.com/ningbo-5884.html (t207, cut)
TRIP_MOMENT_TEXT = """https://au.trip.com/moments/detail/ningbo-83-121278186/
DavidPowell789-

The "Number One Ancient County Town in the South of the Yangtze River"

Ningbo Cicheng Ancient County Town | Exploring the "Number One Ancient County Town in the South of the Yangtze River" Cicheng Town in Jiangbei District, Ningbo City, Zhejiang Province, is known as the "Number One Ancient County Town in the South of the Yangtze River". Cicheng was established in the 26th year of the Kaiyuan era of the Tang Dynasty (AD 738) and has a history of over 1200 years. It is the only ancient county town in the Jiangnan area that has been preserved relatively intact. ~ Within Cicheng Ancient County Town, there is an abundance of traditional buildings such as academies, book collection towers, pharmacies, temples, official residences, lanes, residential houses, examination halls, Confucian temples, and county yamen (government offices). ~ In addition to the newly renovated and open to the public county yamen, Confucian temples, and Feng Yu's residence, there are also many ancient Ming and Qing buildings integrated into the existing residential houses in the old streets and alleys, such as archways, ancestral halls, brick-carved gates, and ancient residential houses. These are the mansions of officials and the exquisitely crafted local residences from the Ming and Qing dynasties that have been preserved to this day. ~ If time permits, one can wander through the streets and alleys, searching for these Ming and Qing relics, and feel the profound history amidst the lights of thousands of homes. Cicheng Ancient County Town
View Original Text
*Created by local travelers and translated by AI.
Posted: Apr 24, 2024
Submit
0
Mentioned in This Moment
Attraction

Cicheng Ancient Town

4.3/5991 reviews | Ancient Towns
Ningbo
#11 of Best Things to Do in Ningbo
View
Show More
Related Moments"""  # https://au.trip.com/moments/detail/ningbo-83-121278186/ (t208)
NINGBOLIFE_MODULES_TEXT = """Copyright 2017 - Custom text here

23 projects of Ningbo to be signed on the upcoming three trade events

A special meeting was held to promote the signing of investment contract in the upcoming 3 expositions, whose names are “The 3rd Expo of Central and Eastern Europe”, “The 19th ZJITS”, and “The 16th CICGF” in respective. According to this meeting, the government and some companies of Ningbo are going to sign 23 important investment agreements this year, with a total amount of 4.482 billion dollars, which is 94.9% more than that of last year.

Compared with former ones, these project contracts have some new features. Firstly, foreign investors from different countries have increased a lot. Originally, investors only come from several countries, including the United States, France, Japan and so on, but this year, some investors from Israel, Norway and the Czech Republic etc. will also participate.

Secondly, the percentage of high level projects also shows an upward trend. To be specific, as many as 43% of the 23 projects are high-level manufacture projects, among which there are mergers and acquisitions of companies in Ningbo by some of the world’s top 500 enterprises, production lines with the productivity of 6 million air purifying equipment per year, as well as manufacturing of

high-quality coating.

Thirdly, more than a half of the projects are high-level projects related to tertiary sector of the economy. According to the director of the special meeting mentioned in the first paragraph, compared with former years, when real estate project accounted most among the signed projects, there are only 3 projects related to real estate this year. For the rest of the projects, they are about research, finance and trade

f t g m

Follow NingboExpat NingboLife

Get Your Original German Bread

Monthly Mixer Open For All"""  # http://ningbolife.com/index.php/business-news/5319-23-projects-of-ningbo-to-be-signed-on-the-upcoming-three-trade-events.html (t212, a trailing space cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a site name under the headline, right above a bare timestamp; a counter with its number first ("0Times")
    (UPCHINATRAVEL_TEXT, "Enjoy an ancient feast that spans thousands of years in Cicheng, Ningbo", "2024-07-25",
     "preface", ["UP ChinaTravel", "0Times"]),
    # a post's only paragraph followed by its widgets is its lead, not a widget's text; the widgets are furniture;
    # the one "Posted:" stamp under the text dates the page
    (TRIP_MOMENT_TEXT, 'The "Number One Ancient County Town in the South of the Yangtze River"', "2024-04-24",
     "Ningbo Cicheng Ancient County Town |", ["View Original Text", "translated by AI", "Submit", "reviews",
                                             "#11 of", "Show More", "Related Moments"]),
    # module titles under the share icons closing the article
    (NINGBOLIFE_MODULES_TEXT, "23 projects of Ningbo to be signed on the upcoming three trade events", None,
     "A special meeting", ["f t g m", "Follow NingboExpat", "German Bread", "Monthly Mixer"]),
])
def test_titles_dates_and_chrome_of_the_pages_after_the_eighth_pass(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# The ninth tune_other pass (t215-t239), exactly as on the pages (cut where marked).
NINGBOLIFE_CAPTION_TEXT = """Copyright 2019 - Custom text here

Line 3 starts trial operation

On June 30th, passengers rushed to try Line 3. The picture shows the crowd standing in the gate at Children's Park Station. (Photo by Liu Bo)

At 10:00 on the morning of June 30, the first phase of Ningbo Rail Transit Line 3 begun its trial operation. It indicates that Ningbo Rail Transit has entered the era of multi-line operation."""  # http://ningbolife.com/index.php/ningbo-news/5660-line-3-starts-trial-operation.html (t234, cut)
PRLOG_TEXT = """Despite economic crisis international buyers register for China International Consumer Goods Fair

In an interview Mr Li Xinhua, Ningbo's economic minister, outlines details of prospects for a successful fair. With only 40 days until the fair, thousands of exhibition booths have been booked and many thousands of visitors have already registered.
By: Sarah Yardley
\x20
April 29, 2009 - PRLog -- The 8th China International Consumer Goods Fair (CICGF) will take place in the southern Chinese city of Ningbo (near Shanghai) from 8th -12th June 2009."""  # http://www.prlog.org/10226598-... (t221, cut)
HUANQIU_TEXT = """Foreigners experience Spring Festival in Ningbo

(People’s Daily Online) 15:42, January 21, 2019

Foreigners take a group photo with opera performers. (Photo/Zhang Yongtao)

More than 100 people from over 20 countries visited Qiucun Township of Fenghua District in Ningbo City, east China’s Zhejiang Province on Jan. 19, to experience the local traditional folk culture and welcome the Chinese Spring Festival."""  # http://en.huanqiu.com/foreigners-experience-spring-festival-in-ningbo/ (t229, cut)
CHINACULTURE_TEXT = """Home >> Photo

Ningbo village filled with Spring Festival vibes

Updated: 2023-01-16 16:21 ( chinadaily.com.cn )
Share - WeChat
A paper-cutter displays artwork featuring the Chinese character  shou (longevity) in Hehong village of Ningbo, Zhejiang province, on Saturday. [Photo provided to chinadaily.com.cn]

With the fast approaching of the Spring Festival, or Lunar New Year, Hehong village in Ningbo, Zhejiang province, has offered fun for residents and visitors with a collection of traditional activities.

1 2 3 4 Next   >>|
1/4 Next"""  # http://en.chinaculture.org/a/202301/16/WS63c50939a31057c47eba9e41.html (t228, a paragraph cut)
MFAME_TEXT = """Routes and Ports Served by the Ningbo Containerised Freight Index

470

  • Ningbo Containerised Freight Index Sees Notable Rate Increases Across Key Routes.

The Ningbo Containerised Freight Index is published weekly by the Ningbo Shipping Exchange and promoted to the market by the Baltic Exchange."""  # https://mfame.guru/?p=324060 (t227, cut)
WECHAT_MIRROR_TEXT = """
2022 Winter Graduation | 徐宇尧:我在宁诺传递科研之炬

FoSEr 宁波诺丁汉大学理工学院 2024-03-12

点击蓝字 关注我们

Please scroll down for the English version



UNNC PhD student passes the torch of scientific research in UNNC

In this November, Yuyao Xu has completed his study and is going to receive the doctoral title from the University of Nottingham Ningbo China (UNNC)."""  # https://tianhengxin.com/fwc/a/MzI0MDYwMjc3OQ==/2247496917/1 (t225, its Chinese paragraph and most blank lines cut)


ECNS_TEXT = """Text: | Print|

Catch Ningbo seafood and sights

2014-04-10 14:57 Shanghai Daily Web Editor: Wang YuXia
1

It is always a pleasure to discover a new place little by little, savoring it with a lot of walking, stopping for snacks, ducking into interesting buildings, chatting with locals, and eating more snacks."""  # http://www.ecns.cn/experience/2014/04-10/108866.shtml (t242, gathered after the pass's rules, cut)
WORDPRESS_FORM_TEXT = """Tianyi Square- Ningbo, China

Tianyi Square is the main square surrounded by shops in downtown Ningbo. There are fountains, some interesting bronze sculptures of jazz musicians, and tons of retail stores.

Leave a Reply

Fill in your details below or click an icon to log in:

WordPress.com Logo"""  # https://wanderingbrowns.wordpress.com/2015/07/17/tianyi-square-ningbo-china/ (t243, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a date line with the time, the source's name and its web editor; a lone gallery count under it
    (ECNS_TEXT, "Catch Ningbo seafood and sights", "2014-04-10", "It is always", ["Text:", "Wang YuXia", "\n1"]),
    # the WordPress.com comment form's prompt
    (WORDPRESS_FORM_TEXT, "Tianyi Square- Ningbo, China", None, "Tianyi Square is", ["Fill in", "Logo", "Leave"]),
    # a photo caption under the headline, longer than it: neither the title nor a yardstick that makes the headline a
    # section label (the caption goes to the captions)
    (NINGBOLIFE_CAPTION_TEXT, "Line 3 starts trial operation", None, "At 10:00", ["Copyright", "Photo by Liu Bo"]),
    # "By: Name" under a release's summary, then its dateline opening the next paragraph with the date and the wire
    (PRLOG_TEXT, "Despite economic crisis international buyers register for China International Consumer Goods Fair",
     "2009-04-29", "In an interview", ["Sarah Yardley"]),
    # an agency stamp with a curly apostrophe
    (HUANQIU_TEXT, "Foreigners experience Spring Festival in Ningbo", "2019-01-21", "More than 100",
     ["People’s Daily Online"]),
    # a gallery's pager with its links, and its position
    (CHINACULTURE_TEXT, "Ningbo village filled with Spring Festival vibes", "2023-01-16", "A paper-cutter",
     ["Share - WeChat", ">>|", "1/4"]),
    # a bare view counter under the headline
    (MFAME_TEXT, "Routes and Ports Served by the Ningbo Containerised Freight Index", None, "• Ningbo Containerised",
     ["470"]),
    # a WeChat account's name with the date dates the article; WeChat's prompts are furniture
    (WECHAT_MIRROR_TEXT, "2022 Winter Graduation | 徐宇尧:我在宁诺传递科研之炬", "2024-03-12", "UNNC PhD student",
     ["FoSEr", "点击蓝字", "scroll down"]),
])
def test_ninth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


HARDERS_TEXT = """1. Home
  2. /
  3. News
  4. /
  5. Important Shipping Update

Important Shipping Update

Relief for shippers as Ningbo’s Meishan Island Terminal is set to reopen

Shippers moving cargo via the Meishan Island Container Terminal at Ningbo-Zhoushan Port will be relieved to hear it may partially reopen within days."""  # https://harders.co.nz/news/important-shipping-update-5/ (t268, cut)
FUNPLACE_TEXT = """Home ASIA Unlocking the Rich Tapestry of Culture and Commerce: What is Ningbo Famous For?

Unlocking the Rich Tapestry of Culture and Commerce: What is Ningbo Famous For?

by yang

Ningbo, a bustling metropolis on China’s eastern seaboard, has long been a hidden gem waiting to be discovered by the world."""  # https://www.funplacetotravel.com/archives/6534 (t270, cut)
OKCHINA_TEXT = """← Back to City List

Ningbo (宁波)

Zhejiang (浙江), China

Short Introduction

1. Introduction

Ningbo, abbreviated as Yong and sometimes as Ning, is a significant port city on the southeastern coast of the People's Republic of China."""  # https://okchina.net/china-city-detail-page/... (t257, cut)
OFTHEWEEK_TEXT = """• Now
  • Last week
  • Two weeks ago
  • Three weeks ago

Ningbo, located in the eastern coastal province of Zhejiang, China, is a thriving city with a rich cultural heritage and a vibrant economy."""  # https://city.oftheweek.com/vote/ningbo (t258, cut)
FLYBARBARA_TEXT = """1. March 2020
3. March 2020

Ningbo (宁波 or 寧波; Níngbō) is a city in Zhejiang province. The name is also used for the 9,365 km² (3,615 mi²) territory which it administers."""  # https://www.flybarbara.com/guide/detail/ningbo (t259, cut)
WOODLAND_TEXT = """Back to all news


China Shipping Update - Ningbo Port

With China continuing its COVID-zero policy, a Coronavirus outbreak in the Zhejiang province has pushed increased protocols onto Ningbo, the world's largest port.

We will continue to keep you updated.

Contact us

We would love to hear from you. Please contact us here:"""  # https://www.woodlandgroup.com/news/news/china-shipping-update-ningbo-port/ (t269, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a numbered breadcrumb, an item and a separator a line, ending with the headline; a long subtitle under it
    (HARDERS_TEXT, "Important Shipping Update", None, "Relief for", ["Home", "5. Important"]),
    # a breadcrumb without separators ending with the headline
    (FUNPLACE_TEXT, "Unlocking the Rich Tapestry of Culture and Commerce: What is Ningbo Famous For?", None,
     "Ningbo, a bustling", ["Home ASIA", "by yang"]),
    # a link back to the listing above the heading
    (OKCHINA_TEXT, "Ningbo (宁波)", None, "Zhejiang (浙江)", ["Back to"]),
    # only a bulleted menu above the lead: no headline, the lead stands for it
    (OFTHEWEEK_TEXT, "Ningbo, located in the eastern coastal province of Zhejiang, China, is a thriving city with a rich "
     "cultural heritage and a vibrant economy.", None, "Ningbo, located", ["Now", "Last week", "Three weeks"]),
    # day-month-year stamps with a dot after the day
    (FLYBARBARA_TEXT, "Ningbo (宁波 or 寧波; Níngbō) is a city in Zhejiang province. The name is also used for the 9,365 "
     "km² (3,615 mi²) territory which it administers.", "2020-03-01", "Ningbo (宁波", ["March 2020"]),
    # a back link above the headline, a contact box under the text
    (WOODLAND_TEXT, "China Shipping Update - Ningbo Port", None, "With China", ["Back to", "Contact us",
                                                                                "love to hear"]),
])
def test_tenth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


SHANGHAIFOCUS_TEXT = """300+ things to do in Shanghai China. Book ahead - save time and money
Home >  Ningbo Travel Guide

ningbo Travel Guide

Location: in the south of Yangtze River Delta
Area: 9,365 sq km
Population: 5,681,000

Ningbo, a beautiful and prosperous city in Zhejiang Province, is the economic center of the region and also known as a popular tourist city."""  # http://www.shanghaifocus.com/ningbo-travel-guide (t277, gathered after the pass's rules, cut)
CHINARUN_TEXT = ("测试\n\n China NingBo\n\n \n\n"  # (a line of one space under the heading, as printed)
                 """Ningbo is also known as “Yong”, a name that originated in the Zhou Dynasty about 3,000 years ago. According to one explanation, this is because the Chinese character for Yong (甬) is what the city’s iconic, bell-shaped mountain resembles.""")  # http://beima.demo.ss.chinarun.com/html/page-15859.html (t273, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # an advertisement line over a breadcrumb ending with the heading, their case apart
    (SHANGHAIFOCUS_TEXT, "ningbo Travel Guide", None, "Location:", ["300+", "Home >"]),
    # a test page's leftover line without a Latin letter over an English heading
    (CHINARUN_TEXT, "China NingBo", None, "Ningbo is also", ["测试"]),
])
def test_after_the_tenth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


SIMIC_TEXT = """Home >> News Room >>Ningbo-Zhoushan container volume surpasses 20m teu

News Room

Ningbo-Zhoushan container volume surpasses 20m teu

Author: Posttime:2022-07-28 08:44:49

Container volume at Ningbo-Zhoushan port has exceeded 20m teu in less than seven months this year, 22 days ahead of last year’s record date to hit the same level of handling.

Katherine Si | Jul 27, 2022
Acting as the busiest hub port, Ningbo-Zhoushan port strengthened collaboration with shipping companies, newly opened up shipping services and reinforced empty containers supply this year.
Related: Promoting opportunities and cooperation in Ningbo
Landbridge connections are also paying dividens and sea-rail container volume was 854,000 teu as of late July, an increase of 31.7% year-on-year. """  # http://m.simic.net.cn/news_show.php?lan=en&id=259647 (t284, cut)
NBCC_TEXT = """Taiwan Lunghwa University of Science and Technology Paid a Visit to Our College

[2011-10-25]   Author:

Yu and Lian had deep communication about the educational system, the history of schooling of us two colleges, educational traits and cooperation in the meeting.

9 Xuefu Road,Yinzhou Higher Educational Zone,NingBo,ZheJiang,P.R.China 315100

TEL: (86)574-87415011 FAX: (86)574-88122212 Copyright@NBCC"""  # https://www.nbcc.cn/english/internationalexchange/201208/t20120817_5976.html (t285, cut)
SPLASH_TEXT = """Greater ChinaMaritime CEOPorts and Logistics

Ningbo Port: Shipping hub in the making

Ningbo: Ningbo Port, one of China’s leading ports in terms of cargo throughput, is ramping up for a new round of growth.
According to Xu, Ningbo Port is expected to replace Busan Port as the fifth largest container port for the year of 2014.  [15/01/15]

Back to top button"""  # https://splash247.com/ningbo-port-shipping-hub-in-the-making/ (t286, cut)
PUBLICNOW_TEXT = """Ningbo Municipal Government

07/17/2023 | News release | Distributed by Public on 07/17/2023 03:07

Surge in visitors to museums exhibitions and study trips during summer h...

[Link]

"Whale's Night" activity (Photo by Tang Yan)

During the summer vacation, museums are attracting a surge of visitors, including students on study trips, to explore and learn."""  # https://www.publicnow.com/view/9A0FAD90ABE2112183526E4A30DA93EDAFF2CB2D?1689587177 (t291, cut)
NEOLINK_TEXT = """site logo

Want to know more?
Explore our site.

arrow down

Neolink Announcement – Super Typhoon Hits Shanghai – 14.9.21

NEOLINK Announcement – Super Typhoon hits Shanghai – 14.9.21

Tuesday 14th of September 2021

Dear Valued Clients,

As some of you may be aware currently a super typhoon has been impacting the Zhejiang region in China the past 48 hours.

Get in touch to learn more about our global logistics and innovative freight forwarding solutions.

Talk to Us"""  # https://neolink.au/neolink-announcement-super-typhoon-hits-shanghai-14-9-21/ (t294, cut)
CANAAN_TEXT = """September 12, 2021 – Ports in Shanghai and Ningbo, the world’s largest and third-largest container hubs, have closed for the second time due to the impact of a typhoon this summer."""  # https://www.canaantransport.com/port-of-shanghai-and-ningbo-shut-down-due-to-typhoon/ (t295, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a posting stamp after an empty author field dates the page, the original's byline and date under the standfirst
    # is chrome; related links inside the text
    (SIMIC_TEXT, "Ningbo-Zhoushan container volume surpasses 20m teu", "2022-07-28", "Container volume",
     ["News Room", "Posttime", "Katherine Si", "Related:"]),
    # a bracketed date before an empty author field; an address with its post code, a TEL/FAX line
    (NBCC_TEXT, "Taiwan Lunghwa University of Science and Technology Paid a Visit to Our College", "2011-10-25",
     "Yu and Lian", ["Author:", "Xuefu Road", "FAX"]),
    # category tags glued into one line are not the headline; a bracketed stamp closing the text dates it
    (SPLASH_TEXT, "Ningbo Port: Shipping hub in the making", "2015-01-15", "Ningbo: Ningbo Port",
     ["Greater China", "Back to top"]),
    # the issuer above a date line that opens with the date and a bar: the headline (cut by the site) is under it
    (PUBLICNOW_TEXT, "Surge in visitors to museums exhibitions and study trips during summer h...", "2023-07-17",
     "During the summer", ["Ningbo Municipal", "Distributed", "[Link]"]),
    # the headline printed again in capitals; "14th of September 2021"; a call to action
    (NEOLINK_TEXT, "Neolink Announcement – Super Typhoon Hits Shanghai – 14.9.21", "2021-09-14", "Dear Valued",
     ["site logo", "NEOLINK Announcement", "Tuesday 14th", "Get in touch", "Talk to Us"]),
    # no headline: the lead opens with its date and a dash
    (CANAAN_TEXT, CANAAN_TEXT, "2021-09-12", "September 12, 2021 –", []),
])
def test_eleventh_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


SHIPPINGMATTERS_TEXT = """Further lockdowns at Ningbo being watched

Chamber of Shipping > Blog > News > International > Further lockdowns at Ningbo being watched

The pandemic has entered its third year with a partial lockdown again at the Port of Ningbo as a result of China’s “zero-tolerance” COVID policy.

Related Posts"""  # https://shippingmatters.ca/further-lockdowns-at-ningbo-being-watched/ (t307, gathered after the pass's rules, cut)
SAVINO_TEXT = """Skip to content

PUBLISHER: Splash247 (

State media in China is insisting that volumes at the world’s largest port have not dropped, even as lockdown measures across the city of Ningbo increase.

Read more…"""  # https://southafrica.savinodelbene.com/industry-updates/ningbo-lockdown-measures-tightened/ (t308, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a breadcrumb under the headline ending with it (a last item longer than the others)
    (SHIPPINGMATTERS_TEXT, "Further lockdowns at Ningbo being watched", None, "The pandemic", ["Chamber", "Related"]),
    # a publisher line cut at its parenthesis is an attribution, not the headline: the lead stands for it
    (SAVINO_TEXT, "State media in China is insisting that volumes at the world’s largest port have not dropped, even as "
     "lockdown measures across the city of Ningbo increase.", None, "State media", ["PUBLISHER", "Read more"]),
])
def test_after_the_eleventh_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


NBQB_TEXT = """Current Location:English-Ningbo impression-Brief introduction of Ningbo
Brief Introduction to Ningbo
pubtime:2014-03-25   hits: 6678

    Ningbo, called Yong for short, is located midway on the eastern coast of China, in the South of the Yangtze River Delta and the east part of Zhejiang province(28º51'-30º33N and 120º55'-122º16E)."""  # http://www.nbqb.gov.cn/new_english/info.jsp?aid=18757 (t328, cut)
KAOGU_TEXT = """Ningbo Found a Hemudu Culture Site Nearest to the Coastline
From: NetWriter:Date:2014-09-22
Yushan Site is located in Ningbo, Zhejiang province, only 7.3 kilometers east to the coastline, and with an area of about 16,500 square meters.

remains of tree root
The cultural layers of the Early-to-Mid Hemudu Culture Period is thin, and among all the unearthed relics"""  # http://kaogu.cssn.cn/ywb/news/new_discoveries_1/201409/t20140922_3930831.shtml (t332, cut)
CNNB_CAPTION_TEXT = """Hemudu Site: One of the 'Top 100 Archaeological Discoveries of the Century'
Hemudu site. [Photo by Wang Peng]
By Dong Na
On the morning of October 18, good news arrived from The Third China Archaeology Conference held in Sanmenxia City, Henan Province: Ningbo Yuyao Hemudu Culture Site was selected as one of the "Top 100 Archaeological Discoveries of the Century"."""  # http://daily.cnnb.com.cn/nbrb/html/2021-10/29/content_1294936.htm?div=-1 (t335, cut)
AMP_BLOG_TEXT = """Journey of Our Dreams (追梦)

View Original

Ningbo/ Shaoxing 宁波/绍兴

May 16: We took the subway to Shanghai Hongqiao Railway Station in the early morning to catch a high-speed train to Ningbo. These days, real-name authentication is mandatory for almost every activity in China."""  # https://journeyofourdreams.com/blog/ningbo-shaoxing?format=amp (t337, cut)
CHINACULTURE_2010_TEXT = (  # lines of spaces as on the page
    "Subscribe to free Email Newsletter\n\n \n  Exchange>Stage\n \n"
    "Ningbo Museum Shows 8,000 Years of History with Cultural Relics\n\n"
    "Audiences puzzle over Si Yang Fang Zun, a quadripod carved with four goat-heads.\n\n"
    "Including Si Yang Fang Zun, a quadripod carved with four goat-heads, 119 top-grade cultural relics from the "
    "National Museum of China are on display at Ningbo Museum of Zhejiang province, from March 30 to the end of June."
    "\n\nEditor: Dong Lin\n \nPrint\nSave")  # http://en.chinaculture.org/exchange/2010-04/26/content_378106.htm (t325, cut)
PHOTOTOUR_TEXT = """Capital of Culture in East Asia

Next article:Dancing with the ghost in Los Angeles

Ningbo, an ancient harbor city, has been an important trading port for millennia, and today is one of China's busiest.

All the photos are from the web and the copyright retains with the original author. If there is any problem, please contact us."""  # http://en.g-photography.net/phototour/resources/news_19416.html (t323, cut)
FLYINGTYPERS_TEXT = """Nightmare In Ningbo
Labor unrest in China—somewhat
commonplace in 2014—flared white-hot as the Chinese port of Ningbo
was hit by strikes with thousands of truck drivers demonstrating. It all
spun a bit out of control last Thursday.
For the record, Ningbo handled 16.77 million
twenty-foot equivalent units (TEUs) in 2013, an increase of 7 percent
from the previous year.
Geoffrey/Flossie |"""  # http://aircargonews.com/0814/140825/Nightmare-In-Ningbo.html (t316, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # "pubtime:" (a label glued from "pub" and "time") and a hit counter: the stamp dates the page
    (NBQB_TEXT, "Brief Introduction to Ningbo", "2014-03-25", "Ningbo, called", ["Current Location", "pubtime"]),
    (NBQB_TEXT.replace("pubtime:2014-03-25   hits: 6678", "Pub Date: 2021/5/6 Views: 12"), "Brief Introduction to Ningbo",
     "2021-05-06", "Ningbo, called", ["Pub Date", "Views"]),
    # labelled fields glued into one line, some empty, closing with the date: the line dates the page
    (KAOGU_TEXT, "Ningbo Found a Hemudu Culture Site Nearest to the Coastline", "2014-09-22", "Yushan Site",
     ["NetWriter"]),
    (KAOGU_TEXT.replace("From: NetWriter:Date:2014-09-22", "Source: Ningbo Daily Author:Time: 2021-03-04 10:20"),
     "Ningbo Found a Hemudu Culture Site Nearest to the Coastline", "2021-03-04", "Yushan Site", ["Source:"]),
    # a caption with its credit in square brackets under the headline is neither the title nor its yardstick
    (CNNB_CAPTION_TEXT, "Hemudu Site: One of the 'Top 100 Archaeological Discoveries of the Century'", None,
     "Hemudu site. [Photo", ["By Dong Na"]),
    (CNNB_CAPTION_TEXT.replace("[Photo by Wang Peng]", "[Photo/Xinhua]"),
     "Hemudu Site: One of the 'Top 100 Archaeological Discoveries of the Century'", None, "Hemudu site.", []),
    # the site's banner over a widget's link: the post's title is the line above the lead
    (AMP_BLOG_TEXT, "Ningbo/ Shaoxing 宁波/绍兴", None, "May 16:", ["Journey of Our Dreams", "View Original"]),
    (AMP_BLOG_TEXT.replace("Journey of Our Dreams (追梦)", "Wandering Around China With Anna").replace(
        "View Original", "Skip to content"), "Ningbo/ Shaoxing 宁波/绍兴", None, "May 16:", ["Wandering", "Skip to"]),
    # a newsletter prompt, a section trail of two items glued to its mark, "Print" and "Save"
    (CHINACULTURE_2010_TEXT, "Ningbo Museum Shows 8,000 Years of History with Cultural Relics", None, "Audiences",
     ["Subscribe", "Exchange>Stage", "Editor:", "Save"]),
    # a pager's link glued to its label; the pictures' copyright notice asking to be told of a problem
    (PHOTOTOUR_TEXT, "Capital of Culture in East Asia", None, "Ningbo, an ancient", ["Next article", "All the photos"]),
    # the authors' names joined by a slash over a closing bar
    (FLYINGTYPERS_TEXT, "Nightmare In Ningbo", None, "Labor unrest", ["Geoffrey/Flossie"]),
])
def test_twelfth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


HOTELEXECUTIVE_TEXT = """Marriott International Signs Agreement to Debut The Ritz-Carlton Brand in Ningbo

USA, Bethesda, Maryland. June 30, 2021

Marriott International announced the signing of an agreement with the Ningbo Central Plaza Construction and Development Co. Ltd to bring Marriott Bonvoy's iconic Ritz-Carlton brand to the heart of Ningbo."""  # https://www.hotelexecutive.com/newswire/68452/marriott-international-signs-agreement-to-debut-the-ritz-carlton-brand-in-ningbo (t340, gathered after the pass's rules, cut)


@pytest.mark.parametrize("dateline, published", [
    ("USA, Bethesda, Maryland. June 30, 2021", "2021-06-30"),
    ("China, Ningbo, Zhejiang, 5 May 2022", "2022-05-05"),
])
def test_a_dateline_of_places_dates_the_page(dateline: str, published: str) -> None:
    """A dateline of places then the date under the headline (after the twelfth pass's rules) dates the page and
    leaves the body."""
    text = HOTELEXECUTIVE_TEXT.replace("USA, Bethesda, Maryland. June 30, 2021", dateline)
    _assert_text_page(text, "Marriott International Signs Agreement to Debut The Ritz-Carlton Brand in Ningbo",
                      published, "Marriott International announced", [dateline])


BAMBOO_TEXT = """A PHP Error was encountered

Severity: Notice

Message: Undefined index: admission

Filename: controllers/attractions.php

Line Number: 341

Moon Lake (Yue Hu), Ningbo: Address & how to get to Moon Lake (Yue Hu) | Bamboo Compass

Moon Lake (Yue Hu)



The man-made crescent-shaped Moon Lake (Yuè Hú, 月湖) was dug during the 7th century in the Tang Dynasty in what is now Ningbo's central Haishu District. Today, Moon Lake provides a serene break from the bustle of the growing city."""  # http://www.bamboocompass.com/china-attractions/moon-lake-yue-hu-/introduction-861.html (t346, cut)
HANJOURNEY_TEXT = """Ningbo Xikou Tengtou Tourist Area

Ningbo Xikou Tengtou Tourist Area

Spread the love

Geographic location:Xikou Town, Fenghua, Ningbo


Famous scenery:Wushan Temple, Wulingmen, Wenchang Pavilion, Xuedou Mountain, Chiang’s former residence

Suitable for the play season:All seasons

Ningbo Xikou Tengtou Tourist Area, the national AAAAA-level tourist scenic spot, covers an area of 140 square kilometers, is located in Xikou Town, Fenghua, Ningbo City, has a long history, beautiful mountains and rivers, and profound cultural heritage."""  # https://hanjourney.com/ningbo-xikou-tengtou-tourist-area.html (t366, cut)
NBCSJ_TEXT = """Shili Meixiang ■Meixiang Shili

Every year from mid-to-late May to mid-to-early June is the hottest time of the Yuyao Yangmei Festival. Tourists from all over the country will come to participate in the activities and experience the fun.

On June 11, 2021, the company organized everyone to pick Yangmei in Zhangting, the capital of Meixiang in Yuyao.


Post time: Aug-04-2021"""  # https://www.nbcsj-mr.com/news/shili/ (t359, shortened)
BLOGGER_COMMENTS_TEXT = """Saturday, February 24, 2007

China, NingBo ( Da Lu Mei)


This is the 1st time i was on my business trip to NingBo in China with my manager. The weather is quite cold about 4 deg Cel.

Stay Tune.............

2 comments:

jerryshe said...

make sure your screening follow the strict procedure. make anyhow pass.

Bacarrat Wonderboy said...

I will be screening the city, see what entertainment the town have, so stay tune."""  # http://cheekiongaw.blogspot.com/2007/02/china-ningbo-da-lu-mei-this-is-1st-time.html (t345, shortened)
EPAPER_PAGER_TEXT = (  # lines of spaces as on the page
    '第A6版:Ningbo Times 上一版3  4下一版\n'
    '标题导航\n'
    'dlrb\n'
    ' \n'
    '2023年06月02日 星期五  \n'
    '3 上一篇 放大 缩小 默认\n'
    '\n'
    'Bountiful Bayberry Harvest Begins\n'
    '\n'
    '    By Gou Wen \n'
    '\n'
    "    It is now prime season for the harvest of greenhouse-grown bayberries, a busy time for Ningbo's fruit farmers.\n"
    '\n'
    "    Due to weather conditions, this year's harvest came a week later than last year's. However, the quality of this year's haul is exceptional.")  # http://daily.cnnb.com.cn/nbrb/html/2023-06/02/content_1363440.htm?div=-1 (t358, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a document title that opens with the headline, more words and the site's name after a bar closing it, over the
    # headline: the headline is the title
    (BAMBOO_TEXT, "Moon Lake (Yue Hu)", None, "The man-made", ["PHP Error", "Bamboo Compass", "Line Number"]),
    (BAMBOO_TEXT.replace("Moon Lake (Yue Hu), Ningbo: Address & how to get to Moon Lake (Yue Hu) | Bamboo Compass",
                         "Moon Lake (Yue Hu), Haishu District: opening hours and tickets | Travel China Guide"),
     "Moon Lake (Yue Hu)", None, "The man-made", ["Travel China Guide"]),
    # a guide's facts, each label glued to its value by a colon, under the headline printed twice: neither the
    # title nor its yardstick; a share widget's "Spread the love"
    (HANJOURNEY_TEXT, "Ningbo Xikou Tengtou Tourist Area", None, "Geographic location:", ["Spread the love"]),
    (HANJOURNEY_TEXT.replace("Ningbo Xikou Tengtou Tourist Area\n\nSpread", "Spread").replace(
        "Famous scenery:", "Opening hours:8:00-17:00 for the temples and the residence, ticket for the whole area "
                           "sold at the gate, scenery:"),
     "Ningbo Xikou Tengtou Tourist Area", None, "Geographic location:", ["Spread the love"]),
    # a posting stamp under the text, the month's abbreviation, the day and the year joined by hyphens
    (NBCSJ_TEXT, "Shili Meixiang ■Meixiang Shili", "2021-08-04", "Every year", ["Post time"]),
    (NBCSJ_TEXT.replace("Post time: Aug-04-2021", "Post date: Sep-4-2022"), "Shili Meixiang ■Meixiang Shili",
     "2022-09-04", "Every year", ["Post date"]),
    # a blog's comment section: the count with its colon, then each commenter's line over the comment
    (BLOGGER_COMMENTS_TEXT, "China, NingBo ( Da Lu Mei)", "2007-02-24", "This is the 1st time",
     ["comments:", "said...", "make sure your screening", "I will be screening"]),
    # an e-paper's pager glued to its size switch under the issue date: furniture, the headline under it the title
    (EPAPER_PAGER_TEXT, "Bountiful Bayberry Harvest Begins", "2023-06-02", "It is now prime season",
     ["上一篇", "dlrb", "By Gou Wen"]),
])
def test_thirteenth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


XINDE_TEXT = (  # a line of a space as on the page
    'XINDE MARINE NEWS\n'
    'Ningbo-Zhoushan port set to expand box throughput by 5.6m TEU xinde marine news 2020-03-06 10:22\n'
    '\n'
    '\n'
    "The  world's largest port in terms of cargo throughput in the past decade, Ningbo-Zhoushan, has mapped out a significant expansion to its far flung set of container terminals.\n"
    ' \n'
    'Source:HKSG GROUP\n'
    '\n'
    "The opinions expressed herein are the author's and not necessarily those of The Xinde Marine News.\n"
    '\n'
    'Please Contact Us at:\n'
    '\n'
    'admin@xindemarine.com\n'
    '\n'
    '\n'
    '展开全文')  # https://www.xindemarinenews.com/m/view.php?aid=18756 (t372, gathered after the pass's rules, shortened)


def test_a_disclaimer_a_contact_address_and_an_expand_link_under_the_text_are_furniture() -> None:
    """After the thirteenth pass's rules (t372): the disclaimer that the opinions are the author's, the contact prompt,
    the address alone and the mobile page's link to expand the text leave the body; the text stays."""
    body = parse_page(XINDE_TEXT).body
    assert "mapped out a significant expansion" in body
    for chrome in ("opinions expressed", "Contact Us", "admin@", "展开全文"):
        assert chrome not in body


def test_a_comment_count_without_a_commenter_under_it_keeps_what_follows() -> None:
    """The comment section's rule (thirteenth pass) takes the lines under the count only when a commenter's line
    follows it: a count alone (a widget's) leaves the text under it in the body."""
    text = BLOGGER_COMMENTS_TEXT.replace("jerryshe said...\n\n", "").replace("Bacarrat Wonderboy said...\n\n", "")
    body = parse_page(text).body
    assert "make sure your screening" in body and "I will be screening" in body


def test_a_headline_opening_a_longer_header_line_without_a_site_name_stays_under_it() -> None:
    """The document title's rule (thirteenth pass) needs the site's name after a bar closing the longer line: a
    subtitle that opens with a later line's words is no document title."""
    text = BAMBOO_TEXT.replace("Moon Lake (Yue Hu), Ningbo: Address & how to get to Moon Lake (Yue Hu) | Bamboo Compass",
                               "Moon Lake (Yue Hu), Ningbo: the lake of the city's scholars, its bridges and its "
                               "gardens, a walk of a morning")
    assert parse_page(text).title != "Moon Lake (Yue Hu)"


def test_a_banner_is_not_taken_for_a_byline_or_date_over_the_headline() -> None:
    """The banner rule (twelfth pass) leaves the first line the title when the short furniture line under it is a
    byline or a date line: the headline's own header."""
    for under in ("By Jin Lu", "2021-05-06"):
        text = AMP_BLOG_TEXT.replace("Journey of Our Dreams (追梦)", "Ningbo opens a new museum").replace(
            "View Original", under)
        assert parse_page(text).title == "Ningbo opens a new museum"


@pytest.mark.parametrize(("stamp", "published"), [
    ("[15/01/15]", "2015-01-15"),  # day first and year first agree, month first is no date
    ("[05/01/15]", None),  # 5 January 2015, 15 January 2005 or 1 May 2015: no date
    ("[2015-01-15]", "2015-01-15"),
])
def test_a_bracketed_stamp_closing_the_text_is_read_only_when_unambiguous(stamp: str, published: str | None) -> None:
    text = SPLASH_TEXT.replace("[15/01/15]", stamp)
    assert parse_page(text).published == published


NEIGHBOURS_TAIL = """Last
Collision Between Maersk Gironde and SFL Composer in the Danish Strait
On Monday evening, August 4 (with some media reports stating it was Tuesday), the container ship “Maersk Gironde” collided with th

Next
Maersk Expands Fleet with the Addition of "Beijing Maersk": A Powerful New Vessel Advancing Green Shipping
Danish shipping giant Maersk has once again expanded its fleet with the arrival of a powerful new member — the Beijing Maersk. Bel"""  # https://www.jctrans.com/en/news/detail/12187 (t292, cut)
RELATED_DATED_TAIL = """-
Inside Hangzhou: China's high-tech dream factory
March 12, 2025"""  # https://pyhair.net/2025-04/18/c_293361.htm (t288)


@pytest.mark.parametrize(("tail", "gone"), [
    # a pager to the neighbouring stories: each label over a headline and its teaser
    (NEIGHBOURS_TAIL, ["Collision", "Danish shipping"]),
    # a related story's headline with its date closing the page
    (RELATED_DATED_TAIL, ["Inside Hangzhou"]),
])
def test_neighbouring_and_related_stories_under_the_body_go(tail: str, gone: list[str]) -> None:
    text = ("Zhejiang ports power foreign trade\n\nIn March alone, container throughput of the Meishan area hit 1.05 "
            "million TEUs, up 13.9 percent year-on-year, a record for this time of year.\n\nThe port plans to expand "
            "into high-end agricultural imports, including South American meats and Russian king crab.\n" + tail)
    body = parse_page(text).body
    assert body.startswith("In March") and body.endswith("Russian king crab.")
    assert not any(words in body for words in gone)


def test_a_pager_label_over_a_paragraph_keeps_the_text() -> None:
    """A "Next" label followed by a paragraph, not a headline, was no pager: every line stays."""
    text = ("Zhejiang ports power foreign trade\n\nIn March alone, container throughput of the Meishan area hit 1.05 "
            "million TEUs, up 13.9 percent year-on-year, a record for this time of year.\n\nNext\n\nThe port plans to "
            "expand into high-end agricultural imports, including South American meats and Russian king crab.")
    assert parse_page(text).body.endswith("Russian king crab.")


@pytest.mark.parametrize(("tail", "kept"), [
    # the related posts' titles, each printed twice, go with the box's heading
    ("Related News\n\n30 March 2023\n\nEaster office closure advisory\n\nEaster office closure advisory\n\nRead more\n\n"
     "German Strikes: Railways, ports and airports impacted by one-day strikes\n\n"
     "German Strikes: Railways, ports and airports impacted by one-day strikes", []),
    # a paragraph after the heading: the box was not the page's end, every line stays
    ("Related News\n\nEaster office closure advisory\n\nThe port handled 141 ships on Tuesday, 60 more than the median "
     "number from April to August, according to the operator.",
     ["Easter office closure advisory", "The port handled 141 ships"]),
])
def test_a_related_posts_box_under_the_body_goes_with_its_heading(tail: str, kept: list[str]) -> None:
    text = ("China Shipping Update - Ningbo Port\n\nWith China continuing its COVID-zero policy, a Coronavirus outbreak "
            "in the Zhejiang province has pushed increased protocols onto Ningbo, the world's largest port.\n\n" + tail)
    body = parse_page(text).body
    assert body.startswith("With China") and "Related" not in body and "30 March" not in body
    assert all(words in body for words in kept) and ("Easter" in body) == bool(kept)


def test_a_breadcrumb_ends_with_the_headline_only_after_a_few_words() -> None:
    """A line that ends with a later header line after more than CRUMB_PREFIX_MAX_WORDS words is no breadcrumb
    (a headline that ends with a section label's words keeps the title)."""
    text = ("Port update: Ningbo sees a record week as Meishan Island Terminal reopens\n\n"
            "Meishan Island Terminal reopens\n\n"
            "Shippers moving cargo via the Meishan Island Container Terminal at Ningbo-Zhoushan Port will be relieved "
            "to hear it may partially reopen within days.")
    assert parse_page(text).title == "Port update: Ningbo sees a record week as Meishan Island Terminal reopens"


@pytest.mark.parametrize("second", [
    "April 29, 2009 was the day the fair opened, with 4,000 stands.",  # a date opening a sentence: no dateline
    "The fair opened on April 29, 2009 - PRLog -- with 4,000 stands.",  # not at the paragraph's start
])
def test_a_date_first_dateline_needs_the_date_the_wire_and_the_paragraph_s_start(second: str) -> None:
    text = ("Ningbo fair draws buyers\n\nThe 8th China International Consumer Goods Fair will take place in the city "
            f"of Ningbo, the organisers said.\nBy: Sarah Yardley\n\n{second}")
    assert parse_page(text).published is None


@pytest.mark.parametrize("tail", [
    "Posted: Apr 24, 2024\n\nPosted: May 2, 2024",  # two stamps: a list's or a sidebar's, not the page's
    "Updated: Apr 24, 2024",  # an update stamp is no posting date
])
def test_a_stamp_under_the_text_dates_the_page_only_when_it_is_its_one_posting_stamp(tail: str) -> None:
    text = ("Ningbo port handles more containers\n\nThe port handled 3 million TEUs in January, up 14.6 percent year "
            f"on year, the operator said.\n\n{tail}\n\nSubmit")
    assert parse_page(text).published is None


def test_a_paragraph_after_the_share_icons_keeps_the_lines_under_them() -> None:
    """Only module titles follow the share icons that close an article: a paragraph under them means the icons were
    not the article's end, and the short lines there stay."""
    text = ("Ningbo port handles more containers\n\nThe port handled 3 million TEUs in January, up 14.6 percent year "
            "on year, the operator said.\n\nf t g m\n\nNew routes\n\nThe port opened 5 new routes in January, "
            "the operator said in a statement.")
    assert "New routes" in parse_page(text).body


def test_a_bulleted_headline_under_a_bulleted_poll_stays_the_title() -> None:
    """Only bulleted lines one after another are a menu: a poll's bulleted question, its answers, then a
    bulleted headline (coohoom.com, t057) keep that headline."""
    text = ("  • How do you think of this site?\n    I like it very much\n    Just so so\n\n"
            "  • Ningbo Polytechnic is selected as top 50 in national vocational colleges\n\n"
            "    According to the 2017 annual report on the quality of Higher Vocational Education in China which was "
            "released on the 16th, Ningbo Polytechnic was selected as top 50 in service contribution.")
    assert parse_page(text).title == "• Ningbo Polytechnic is selected as top 50 in national vocational colleges"


def test_a_photo_caption_in_the_headline_s_block_is_not_the_title() -> None:
    """With every header line in one block, the section-label rule weighs headline-sized lines only: a longer
    caption with its credit under the headline (t118's layout) does not make the headline a section label."""
    text = ("Ningbo International University Students Festival Opens\n"
            "A group of UNNC's international teachers and students perform Yue opera. [Photo provided to Ningbo Times]\n"
            "By Gou Wen\n"
            "On April 12th, the 9th Ningbo International University Students Festival and the 5th University of "
            "Nottingham Ningbo China (UNNC) Educational Week officially opened, with the aim of building a broader "
            "and more inclusive cultural exchange platform.")
    assert parse_page(text).title == "Ningbo International University Students Festival Opens"


@pytest.mark.parametrize("ending", [
    "The port handled 3 million TEUs in 2016.\n2017-03-02",  # no source or editor line above the date
    "The port handled 3 million TEUs in 2016.\n2017-03-02\nf t g m",  # under a paragraph, above furniture
])
def test_a_closing_date_line_dates_the_page_only_under_furniture_at_its_end(ending: str) -> None:
    text = ("Ningbo port handles more containers\n\nThe port handled 3 million TEUs in January, up 14.6 percent year "
            f"on year, the operator said.\n\n{ending}")
    assert parse_page(text).published is None


def test_a_later_header_line_is_the_title_only_when_the_first_is_it_plus_an_affix() -> None:
    """A subtitle that merely starts like the headline (no separator after it) does not replace the headline."""
    text = ("Ningbo Ports expand their sea-rail services\n\nNingbo Ports\n\n"
            "The port handled 3 million TEUs in January, up 14.6 percent year on year, the operator said.")
    assert parse_page(text).title == "Ningbo Ports expand their sea-rail services"


def test_a_repeated_line_is_the_title_when_nothing_else_is() -> None:
    """The alt-text-and-caption rule only passes over a doubled line: a headline printed twice in a row,
    with nothing else above the lead, stays the title."""
    text = ("Ningbo port handles more containers\nNingbo port handles more containers\n\n"
            "The port handled 3 million TEUs in January, up 14.6 percent year on year, the operator said.")
    assert parse_page(text).title == "Ningbo port handles more containers"


@pytest.mark.parametrize("lead", [
    "NINGBO, July 29 – The Ningbo National Hi-Tech Industrial Development Zone serves as a powerful instrument.",
    "HANGZHOU, Dec. 29 (Xinhua) -- The Ningbo-Zhoushan Port has reported a record container throughput this year.",
    "NINGBO, a port city in Zhejiang Province, is becoming an important player since March 28, 2024 in chemicals.",
])
def test_a_dateline_without_its_year_or_not_opening_the_lead_dates_nothing(lead: str) -> None:
    text = f"From Ningbo to the world: China’s port city evolving into global opening-up hub\n\n{lead}"
    assert parse_page(text).published is None


def test_a_date_line_under_its_title_in_a_menu_block_keeps_the_title_above() -> None:
    """The date line heads the article only when a blank line sets it apart from the menu: a title and
    its date line in one block with menu lines (english.nbstats.gov.cn, t088) keep the title above,
    even with a short plain line (a caption) right above the lead under the date."""
    text = NBSTATS_TEXT.replace("January 22, 2009\n", "January 22, 2009\n\nA view of Ningbo [Photo/VCG]\n\n")
    article = parse_page(text)
    assert article.title == "Statistics of Ningbo On The 2008 National Economic and Social Development"
    assert article.published == "2009-09-29"


def test_a_posting_stamp_dates_only_a_lead_that_opens_with_it() -> None:
    """"Posted in ..." must open the lead: a date later in the first paragraph is not the page's."""
    moved = TERALOGISTICS_TEXT.replace("Posted in International Seaport - 9 Aug 2021, 9:43 AMAs the",
                                       "As of 9 Aug 2021, the")
    assert parse_page(moved).published is None


@pytest.mark.parametrize(("line", "published"), [
    ("Date: 13/05/2023", "2023-05-13"),  # the day cannot be a month: day first
    ("Date: 05/13/2023", "2023-05-13"),  # month first
    ("Date: 06/05/2023", None),  # 6 May or June 5: no date rather than a wrong one
    ("30-05-2019 10:21", "2019-05-30"),
    ("Source: Ningbo Daily | Date: May 6, 2023", "2023-05-06"),
    ("Last Updated(Beijing Time):2017-08-09 10:18:00", "2017-08-09"),
])
def test_text_page_date_lines_and_day_month_order(line: str, published: str | None) -> None:
    text = f"Ningbo sets up a new materials lab\n\n{line}\n\n{CHINADAILY_TEXT.split(chr(10) * 2)[-1]}"
    article = parse_page(text)
    assert article.title == "Ningbo sets up a new materials lab" and article.published == published
    assert line not in article.body


def test_generic_html_takes_a_bare_date_line_under_its_headline_only() -> None:
    """netcomposites.com layout (t041): the date is a bare "19 January 2001" line under the
    headline (or a few lines above it, as in Shanghai Daily's print box, t012); a bare date
    farther up (a sidebar item above a menu) is not the page's date."""
    from transforms.templates.generic import header_date
    from transforms.templates.htmlutil import parse_html

    paragraphs = "".join(f"<p>{line}</p>" for line in CHINADAILY_TEXT.split("\n\n")[4:] * 3)
    menu = "".join(f"<a href='/{n}'>Section {n}</a>" for n in range(10))

    def page(under_title: str, sidebar: str = "") -> str:
        return (f"<html><head><title>Ningbo to construct materials base</title></head><body>"
                f"<div class='side'><b>{sidebar}</b>{menu}</div>"
                f"<h1>Ningbo to construct materials base</h1><div>{under_title}</div>"
                f"<div class='article'>{paragraphs}</div><div>Share this story</div></body></html>")

    article = parse_page(page("19 January 2001"))
    assert article.published == "2001-01-19" and "Share this story" not in article.body
    title = "Ningbo to construct materials base"
    assert header_date(parse_html(page("19 January 2001", "3 March 1999")), title) == "2001-01-19"
    assert header_date(parse_html(page("", "3 March 1999")), title) is None


def test_a_closing_press_contact_block_is_not_body() -> None:
    """english.nimte.cas.cn (t042): the page ends with the press contact's name, organisation
    and e-mail; a name-like line followed by more article text stays."""
    text = """Location: Home > News > News & Events

Cornerstone Laid for Ningbo College of Materials Engineering, UCAS

The cornerstone laying ceremony for Ningbo College of Materials Engineering (NCME), University of Chinese Academy of Sciences (UCAS) was held on January 23 in Zhenhai District, Ningbo, China.

Representatives lay the cornerstone for NCME

XU Linqi
Ningbo Institute of Materials Technology and Engineering
E-mail: xulinqi@nimte.ac.cn"""  # http://english.nimte.cas.cn/ns/ne/201901/t20190123_204921.html (cut)
    article = parse_page(text)
    assert article.title == "Cornerstone Laid for Ningbo College of Materials Engineering, UCAS"
    assert article.body.split("\n\n")[-1] == "Representatives lay the cornerstone for NCME"
    kept = parse_page(text.replace("E-mail: xulinqi@nimte.ac.cn", "E-mail: xulinqi@nimte.ac.cn\n\n"
                                   "The college will open in 2021 with 2,000 places for postgraduates."))
    assert "XU Linqi" in kept.body.split("\n\n")


def test_a_long_glued_menu_line_does_not_end_the_header() -> None:
    """A portal menu rendered as one long line (no sentence in it) sits above the title and
    its date line; the title is still the line above the date, not a menu item."""
    menu = " ".join(["Home", "About Yuyao", "Yuyao Today", "Enterprises' Glamours", "Conferences & Exhibitions",
                     "Travel & Living", "Investment", "Government", "Policies", "Services", "Culture",
                     "Education", "Health", "Contact Us", "Sitemap", "Links"] * 2)
    assert len(menu) > 160
    text = (f"{menu}\n\nThe construction of rural agricultural modernization contributes to the rural revitalization"
            f"\n\nText Size:A A A 2020-01-09\n\n{CHINADAILY_TEXT.split(chr(10) * 2)[-1]}")
    article = parse_page(text)
    assert article.title.startswith("The construction of rural") and article.published == "2020-01-09"
    assert "Sitemap" not in article.body


@pytest.mark.parametrize("source", ["ningbo_gov", "ningbolife"])
def test_a_robots_txt_is_not_an_article(source: str) -> None:
    """`newsetl extract` on a saved site copy meets the sites' robots.txt: crawl rules, no article."""
    with pytest.raises(NotAnArticle) as info:
        parse_page((PAGES / source / "robots.txt").read_bytes())
    assert info.value.kind == "unparseable" and "robots.txt" in info.value.message
    article = parse_page("Host: Ningbo Science Park\n\nThe park opened 12 new laboratories in 2019, the city said.\n")
    assert "12 new laboratories" in article.body  # one directive-like line does not make a robots.txt


def test_a_text_page_without_a_headline_keeps_its_lead_paragraph_in_the_body() -> None:
    """A page whose text starts with its lead (no headline line; 20 of tune_other's pages): the lead
    stands for the title, and was dropped from the body with the figures it held."""
    lead = ("Ningbo's R&D expenditure reached 37.541 billion yuan in 2022, up 17.6% year-on-year, "
            "the municipal science bureau said on Monday.")
    text = f"{lead}\n\nThe city also counted 12,524 innovative start-ups by the end of the year, the bureau said.\n"
    article = parse_page(text)
    assert article.title == lead
    assert article.body.split("\n\n")[0] == lead
    assert [m.text for m in article.metrics] == ["37.541 billion yuan", "17.6%", "12,524 innovative start-ups"]
    # a headline above the lead is still the title alone, and not repeated in the body
    headed = parse_page("Ningbo R&D spending rises\n\n" + text)
    assert headed.title == "Ningbo R&D spending rises" and headed.body.startswith(lead)


HANWEB_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html" / "hanweb"
HANWEB_EXPECTED = json.loads((HANWEB_FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(k for k in HANWEB_EXPECTED if k.endswith(".html")))
def test_hanweb_article_variants_of_other_sites_templates(name: str) -> None:
    """Hanweb article pages as other sites' templates write them (each fixture's header names the real
    markup it follows): content between the RSS comments without marker metas, in div#ivs_content, in a
    legacy FOUNDER-CONTENT block after a lead photo table, in div.zoom without markers: title, date,
    section, the exact paragraphs and captions, none of the page's chrome."""
    spec = HANWEB_EXPECTED[name]
    article = parse_page((HANWEB_FIXTURES / name).read_bytes(), url=spec["url"])
    assert (article.source, article.title, article.published, article.section) == (
        spec["source"], spec["title"], spec["published"], spec["section"])
    assert article.body.split("\n\n") == spec["body"]
    assert article.captions == spec["captions"]
    assert [chrome for chrome in spec["chrome"] if chrome in article.body] == []
    assert find_boilerplate(article.body) == []


# The fourteenth tune_other pass (t378-t405): date lines in new shapes and furniture above and under the text.
PRESS_AGGREGATOR_TEXT = """2020 Maritime Silk Road Culture and Tourism Expo (Ningbo-China) has been successfully opened

September 25 22:07 2020

On September 25, 2020, the 2020 Maritime Silk Road Culture and Tourism Expo (Ningbo-China) was successfully opened in Ningbo International Conference and Exhibition Center."""  # http://www.lucknownewsflash.in/story/94415/... (t378, cut)
TRAVEL_BLOG_TEXT = """An Expat Couple Enjoying Ningbo

China's flag
Asia » China » Zhejiang » Ningbo
September 1st 2017
Published: September 18th 2017
Edit Blog Post

My girlfriend and I are fascinated by Chinese culture. However we’ve found many Chinese cities overcrowded and difficult to enjoy precious quiet moments while exploring Chinese culture.

It seems we have been charmed by the city of Ningbo.

Additional photos below
Photos: 5, Displayed: 5


Tot: 0.112s; Tpl: 0.047s; cc: 6; qc: 24; dbt: 0.0135s; 1; m:saturn w:www (; sld: 1; ; mem: 1.2mb"""  # https://www.travelblog.org/Asia/China/Zhejiang/Ningbo/blog-996548.html (t381, shortened)
PODCAST_TEXT = """Your basket is currently empty!
Hello from China!
—
I’ve been in China for 12 days and I have so much to tell you. Keep listening to find out about my new life halfway across the world.

Hello, my Lovely Learners and welcome to Easy Stories in English, the podcast that will take your English from Okay to Good and from Good to Great!"""  # https://easystoriesinenglish.com/china2 (t395, cut)
MIRROR_TOOLBAR_TEXT = """10 sensuous delights of a visit to Ningbo

0 Comment(s)Print E-mail Shanghai Daily, May 25, 2015
Adjust font size:

7. Dongqian Lake

One of China's most beautiful and serene lakes, Dongqian Lake in Ningbo is four times as large as the West Lake in neighboring Hangzhou but blessedly less famous — and less crowded with tourists."""  # http://www.ccgp-fushun.com/travel/2015-05/25/content_35650622_4.htm (t401, cut)
REPRINT_TEXT = """Ningbo's subway is very crowded and comfortable

From Zhujiajian to Ningbo, it was our last stop. We stayed one night, visited the night view of the landmark Tianyi Square in Ningbo, and tasted the authentic Ningbo dumplings and dishes.

See also  Donald Trump denies quid pro quo with China on trade deal and inquiry into Joe Biden and son

This article is reproduced by the editor of this website. The purpose of reprinting is to convey more information. If you are involved in the content, copyright and other issues, please contact this website within 30 days.

Warning:The use of any news and articles published on this site without written permission constitutes copyright infringement, and legal action can be taken.

All comments are subject to moderation by our staff. Because we wish to encourage healthy and productive dialogue we ask that all comments remain polite.

Be the first to comment on "Ningbo's subway"
"""  # shapes of t388, t390, t393 and t387 closing one page


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # the month and day, a clock time, then the year, under the headline
    (PRESS_AGGREGATOR_TEXT, "2020 Maritime Silk Road Culture and Tourism Expo (Ningbo-China) has been successfully "
     "opened", "2020-09-25", "On September 25, 2020", ["22:07"]),
    (PRESS_AGGREGATOR_TEXT.replace("September 25 22:07 2020", "Sep. 3, 08:15:40 2021"),
     "2020 Maritime Silk Road Culture and Tourism Expo (Ningbo-China) has been successfully opened", "2021-09-03",
     "On September 25, 2020", ["08:15"]),
    # a flag's alt text over a trail of places, the trip's day over the labelled posting day, the owner's edit link;
    # a gallery's counter lines and a server's timing line closing the page
    (TRAVEL_BLOG_TEXT, "An Expat Couple Enjoying Ningbo", "2017-09-18", "My girlfriend",
     ["China's flag", "Edit Blog Post", "Additional photos", "Displayed", "Tpl:"]),
    (TRAVEL_BLOG_TEXT.replace("September 1st 2017", "2017-09-01").replace("Published: September 18th 2017",
                                                                          "Posted on: 2017-09-18"),
     "An Expat Couple Enjoying Ningbo", "2017-09-18", "My girlfriend", ["China's flag"]),
    # a shop's empty basket over the headline (a lone dash under it)
    (PODCAST_TEXT, "Hello from China!", None, "I’ve been in China", ["Your basket"]),
    # a tool bar glued to the source's name and the date under the headline, "Adjust font size:" under it
    (MIRROR_TOOLBAR_TEXT, "10 sensuous delights of a visit to Ningbo", "2015-05-25", "7. Dongqian Lake",
     ["Comment(s)", "Adjust font size"]),
    # a "See also" link, a reprint notice, a copyright warning, a comments policy and a comment prompt under the text
    (REPRINT_TEXT, "Ningbo's subway is very crowded and comfortable", None, "From Zhujiajian",
     ["See also", "reproduced", "Warning:", "moderation", "Be the first"]),
])
def test_fourteenth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


def test_a_labelled_date_line_over_a_bare_one_stays_the_page_date() -> None:
    """The posting line's rule (fourteenth pass) reads a labelled line under a bare date only: an "Updated:" line
    over a "Published:" one keeps the first (the header's date line, as before), and so does a bare date with no
    labelled line under it."""
    text = TRAVEL_BLOG_TEXT.replace("September 1st 2017", "Updated: September 1st 2017")
    assert parse_page(text).published == "2017-09-01"
    text = TRAVEL_BLOG_TEXT.replace("Published: September 18th 2017\n", "")
    assert parse_page(text).published == "2017-09-01"


BLOG_PHOTOS_TEXT = """Saturday, June 7, 2008

To Ningbo and Back Again

We took a 2 hour trip yesterday to Ningbo to check out the town and visit our friend Qiu Dan Ling (Anita).  The weather was so hot and muggy that we wished it rain, and boy, did it!
Ningbo 004

We walked around the gardens looking at all of the carvings and decoration...

Ningbo 018    Ningbo 024

Ningbo 046

Balancing the camera on a "monopod", or what the rest of the family unknowingly calls a "rock"."""  # http://lewisesinchina.blogspot.com/2008/06/to-ningbo-and-back-again.html (t408, shortened)
DRUPAL_FORM_TEXT = """Langham signs for new property in China

Langham signs for new property in China

By HMA Staff 14 September 2010

Langham Hotels International has announced it has signed a management agreement under its Langham Place brand in the Chinese port city of Ningbo.

Comment on this article

The content of this field is kept private and will not be shown publicly.
  • Web page addresses and e-mail addresses turn into links automatically.
  • Lines and paragraphs break automatically.

More information about formatting options

Verification Code
This question is for test"""  # http://hma.hotelworldasia.com/content/langham-signs-new-property-china (t411, shortened)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a photo's file title, a word and a zero-padded number, left as a line (one or two on a line)
    (BLOG_PHOTOS_TEXT, "To Ningbo and Back Again", "2008-06-07", "We took a 2 hour trip",
     ["Ningbo 004", "Ningbo 018", "Ningbo 046"]),
    # a Drupal comment form's help lines under the text (its "Allowed HTML tags: <a> ..." line left out: markup as text
    # makes parse_page read the page as HTML; test_boilerplate has it)
    (DRUPAL_FORM_TEXT, "Langham signs for new property in China", "2010-09-14", "Langham Hotels International",
     ["kept private", "turn into links", "break automatically", "formatting options",
      "Verification Code", "This question"]),
    # a travel blog's weather widget and map link under the entry's headline
    ("A Travellerspoint blog\n\nNingbo and Putuoshan Island March 29 - 30\n\nsunny 72 °F\nView Buddhist "
     "Pilgrimmage on inchinahil's travel map.\n\nThe bus to Ningbo left at 0700 so we got up at 0500, checked out "
     "of the small hotel and went to where we were supposed to catch the bus.",
     "Ningbo and Putuoshan Island March 29 - 30", None, "The bus to Ningbo", ["72 °F", "travel map"]),
])
def test_fourteenth_pass_later_pages_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


# The fifteenth tune_other pass (t412-t436): port, shipping and trade press, news portals and government hosts.
SHIPPING_INSTITUTE_TEXT = """Login | Contact Us
International Shipping
Shippers uses Shanghai and Xiamen instead of Covid-hit Ningbo
Date:2022-01-12 Readers:
AS the world's third-largest box gateway Ningbo fights a Covid outbreak that has resulted in the lockdown of its Beilun district since last weekend, cargo owners are diverting freight away from the port."""  # http://sisi.gstta.org/index.php?c=article&id=20823 (t413, shortened)
NEWSPAPER_THEME_TEXT = """Saturday, September 30, 2023
HomeHeadlinesNingbo port congestion risk grows amid COVID crackdown

Subscribe

To our FREE newsletter
Get all the latest maritime news delivered straight to your inbox.

Ningbo port congestion risk grows amid COVID crackdown

Loading and discharge of container vessels is proceeding normally at the Port of Ningbo, but backlogs there are in the forecast because lockdown restrictions have impacted trucking."""  # https://www.shippingherald.com/ningbo-port-congestion-risk-grows-amid-covid-crackdown/ (t415, cut)
ALT_TEXT_PAGE_TEXT = """Ningbo’s Meishan Terminal Closed for the 8th Day and Counting

ningbo terminal

In what seems like a year of relentless disruptions for the international logistics sector, we are again facing another detrimental bottleneck with the recent suspension of operations at Ningbo’s Meishan terminal."""  # https://glc-inc.com/2021/08/ningbos-meishan-terminal-closed-for-the-8th-day-and-counting/ (t416, cut)
PUBLISHER_NOTICE_TEXT = """Seatrade Maritime is part of the Informa Markets Division of Informa PLC

This site is operated by a business or businesses owned by Informa PLC and all copyright resides with them. Informa PLC's registered office is 5 Howick Place, London SW1P 1WG. Registered in England and Wales. Number 8860726.

Ningbo port plans to reduce IPO

Ningbo port plans to reduce IPO

Shanghai: China's Ningbo Port said on Monday its reduced initial public offering size would benefit shareholders and boost its post-debut share price, writes Reuters.

Ningbo Port expects at least 10 percent growth in its profit this year, Chief Financial Officer Dai Minwei said during the online roadshow.  [14/09/10]"""  # https://www.seatrade-maritime.com/asia/ningbo-port-plans-reduce-ipo (t421, shortened)
ARCHIVE_NOTICE_TEXT = """Posts made in August 2021

Ningbo Terminal Update – COVID shutdown – Aug-13-2021

Dear valued customers,


On 8/11/2021 (Wed), Ningbo terminal had a worker who tested positive for COVID-19 and is raising the specter of a Chinese port meltdown given officials’ aggressive effort to contain the pandemic."""  # https://uspti.com/2021/08/ (t428, cut)
TWO_STAMPS_TEXT = """Mass Protests Force Scrapping of Chemical Plant in Chinese City

October 28, 2012 7:45 pm Last Updated: October 1, 2015 11:59 am
For several days residents in Ningbo City, Zhejiang Province, have been protesting against plans for a chemical factory producing p-Xylene in Zhenhai County, Ningbo. (

Residents in a Chinese coastal province tried to block the expansion of a chemical factory with massive protests over multiple days recently, despite harsh police suppression and a media blackout."""  # https://www.theepochtimes.com/mass-protests-force-scrapping-of-chemical-plant-in-chinese-city_1480705.html (t429, cut)
NEWSLETTER_BOX_TEXT = """China vows to drop plans for plant’s growth

BEIJING — Several hundred people protesting the planned expansion of a petrochemical plant in the Chinese port city of Ningbo swarmed the city center for a third day Sunday.

Get Today's Headlines in your inbox:
The day's top stories delivered every morning.
Thank you for signing up! Sign up for more newsletters here

Although the crowds in Ningbo were smaller than on Friday and Saturday, protesters managed Sunday to evade roadblocks and police cordons."""  # http://www.bostonglobe.com/news/world/2012/10/28/... (t431, shortened)
CASE_DATABASE_TEXT = """Chinese residents and students stop petrochemical plant expansion in Ningbo, 2012

Printer-friendly versionPrinter-friendly versionPDF versionPDF version
Time Period:
22 October
29 October

Just two weeks before the once-per-decade Communist Party congress to announce the party’s new leadership, farmers in the Zhenhai district of Zhejiang province expressed their concerns about pollution.

T"""  # https://nvdatabase.swarthmore.edu/content/... (t430 with t433's cut letter closing it, shortened)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # an empty readers counter after the date under the headline
    (SHIPPING_INSTITUTE_TEXT, "Shippers uses Shanghai and Xiamen instead of Covid-hit Ningbo", "2022-01-12",
     "AS the world's", ["Readers:"]),
    # a theme's top-bar date over a glued breadcrumb (not the story's date), a newsletter box over the headline
    (NEWSPAPER_THEME_TEXT, "Ningbo port congestion risk grows amid COVID crackdown", None, "Loading and discharge",
     ["Subscribe", "newsletter", "inbox"]),
    (NEWSPAPER_THEME_TEXT.replace("HomeHeadlines", "Home > Headlines > "),
     "Ningbo port congestion risk grows amid COVID crackdown", None, "Loading and discharge", ["Subscribe"]),
    # an image's lower-case alt text between the headline and the lead
    (ALT_TEXT_PAGE_TEXT, "Ningbo’s Meishan Terminal Closed for the 8th Day and Counting", None, "In what seems",
     ["ningbo terminal"]),
    (ALT_TEXT_PAGE_TEXT.replace("ningbo terminal", "meishan port cranes"),
     "Ningbo’s Meishan Terminal Closed for the 8th Day and Counting", None, "In what seems", ["meishan port"]),
    # a publisher's ownership notice over the headline (printed twice); the date only as a slash stamp closing the text
    (PUBLISHER_NOTICE_TEXT, "Ningbo port plans to reduce IPO", "2010-09-14", "Shanghai: China's Ningbo Port",
     ["Informa"]),
    (PUBLISHER_NOTICE_TEXT.replace("[14/09/10]", "[03/25/11]"), "Ningbo port plans to reduce IPO", "2011-03-25",
     "Shanghai: China's Ningbo Port", ["Informa"]),
    # a month archive's heading over its one post, whose headline closes with its date after a dash
    (ARCHIVE_NOTICE_TEXT, "Ningbo Terminal Update – COVID shutdown – Aug-13-2021", "2021-08-13", "Dear valued",
     ["Posts made"]),
    (ARCHIVE_NOTICE_TEXT.replace("Posts made in August", "Posts made in Aug").replace("Aug-13-2021", "13 August 2021"),
     "Ningbo Terminal Update – COVID shutdown – 13 August 2021", "2021-08-13", "Dear valued", ["Posts made"]),
    # the publication stamp and a later "Last Updated:" one on one line: the first is the page's date
    (TWO_STAMPS_TEXT, "Mass Protests Force Scrapping of Chemical Plant in Chinese City", "2012-10-28",
     "For several days", ["Last Updated"]),
    # a newsletter sign-up box between paragraphs
    (NEWSLETTER_BOX_TEXT, "China vows to drop plans for plant’s growth", None, "BEIJING — Several",
     ["inbox", "top stories", "signing up"]),
    # glued print links under the headline; a cut letter closing the text
    (CASE_DATABASE_TEXT, "Chinese residents and students stop petrochemical plant expansion in Ningbo, 2012", None,
     "Time Period:", ["Printer-friendly", "PDF version", "\n\nT"]),
])
def test_fifteenth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


def test_fifteenth_pass_rules_leave_their_neighbours_alone() -> None:
    """What the fifteenth pass's rules do not touch: a date line over a headline (no "Home" breadcrumb under it)
    still dates the page; a year-first stamp joined by hyphens still reads year first; a lower-case line of four words
    (a headline's second line) and a closing paragraph of three letters stay in the body; a headline whose dash part
    is no date gives none."""
    assert parse_page(NEWSPAPER_THEME_TEXT.replace("HomeHeadlinesNingbo port congestion risk grows amid COVID "
                                                   "crackdown\n", "")).published == "2023-09-30"
    assert parse_page(PUBLISHER_NOTICE_TEXT.replace("[14/09/10]", "[14-09-10]")).published is None
    text = ALT_TEXT_PAGE_TEXT.replace("ningbo terminal", "theme activity was launched")
    assert "theme activity was launched" in parse_page(text).body
    assert parse_page(CASE_DATABASE_TEXT.replace("\n\nT", "\n\nYes")).body.endswith("Yes")
    text = ARCHIVE_NOTICE_TEXT.replace("Aug-13-2021", "Ningbo and Zhoushan")
    assert parse_page(text).published is None


# After the fifteenth pass's rules (t437-t443): an author's name alone over the date line; a category glued to a
# day-first date under a closed-comments notice.
AGENCY_AMP_TEXT = """Meishan Terminal at China's Ningbo Port Resumes Operations

Muyu Xu
Wednesday, August 25, 2021

Meishan terminal at China's Ningbo port resumed operations on Wednesday after shutting down for two weeks due to a COVID-19 case, a port official said at a press briefing.

(Reporting by Muyu Xu and Ryan Woo; editing by Richard Pullin)

Categories: Ports Coastal/Inland Containers Terminals Container Shipping"""  # https://www.maritimeprofessional.com/amp/news/meishan-terminal-china-ningbo-port-370079 (t437, shortened)
CLOSED_COMMENTS_TEXT = """Shipping disruptions contained as Ningbo port nears reopening

Comments Off on Shipping disruptions contained as Ningbo port nears reopening

Shipping disruptions contained as Ningbo port nears reopening

in Port News 19/08/2021

Chinese authorities are expected to begin a phased reopening of a container terminal at the massive Port of Ningbo by the end of the week if no further COVID infections are detected."""  # http://juldians.org/2021/08/shipping-disruptions-contained-as-ningbo-port-nears-reopening/ (t442, cut)


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    (AGENCY_AMP_TEXT, "Meishan Terminal at China's Ningbo Port Resumes Operations", "2021-08-25", "Meishan terminal",
     ["Muyu Xu\\n", "Reporting by", "Categories:"]),
    (AGENCY_AMP_TEXT.replace("Muyu Xu\n", "Jean-Paul Martin\n"),
     "Meishan Terminal at China's Ningbo Port Resumes Operations", "2021-08-25", "Meishan terminal", ["Jean-Paul"]),
    (CLOSED_COMMENTS_TEXT, "Shipping disruptions contained as Ningbo port nears reopening", "2021-08-19",
     "Chinese authorities", ["Comments Off", "Port News"]),
])
def test_fifteenth_pass_later_pages_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


def test_a_short_headline_over_a_section_name_keeps_its_place() -> None:
    """The name rule takes the line above a two- or three-word name only when that line has twice its words or more:
    a two-word headline over a two-word section label stays as before (the last line above the date)."""
    text = AGENCY_AMP_TEXT.replace("Meishan Terminal at China's Ningbo Port Resumes Operations", "Port Reopens")
    assert parse_page(text).title == "Muyu Xu"


# The sixteenth tune_other pass (t460-t491): blogs' archives and headers, headlines in odd places, widgets.
BLOG_ARCHIVE_TEXT = """My Adventures in Bengbu China

Teaching English with ILP

Sunday, December 9, 2012

City Change

I was originally assigned to the city of Benbu. I am been re-assigned to the city of Ningbo. It is across the gulf from Shanghai. It's a newer school and I am excited to be in such a big coastal city."""  # https://brittsadventuresinchina.blogspot.com/2012/12 (t471)
MONTH_ARCHIVE_TEXT = """Saturday, February 25, 2006

This morning I went to Tiantong Temple with one of the Chinese teachers and her husband. It was pouring down with rain so the photos aren't so good.
Tomorrow I have to fly to Hong Kong in order to get my visa sorted out. I'm looking forward to it. Tiantong Temple

Thursday, February 23, 2006

After I last wrote I got a phonecall inviting me into town to go for a meal with some other teachers who work in Ningbo.
Sunday I decided to head back into Ningbo centre and have a walk around to orientate myself."""  # http://grazulis.blogspot.com/2006/02/ (t470, shortened)
CATEGORY_ARCHIVE_TEXT = """Archive | Ningbo RSS feed for this section

Life Lately.

30 Apr

Laundry drying in student dorm balconies, Basketball // Sunset in Yinzhou, Japanese plum wine // Stuffed Chinese flatbreads cooking in an oven, Teppanyaki // Dave hard at work, Planning Bureau Yinzhou and cherry blossoms.



Ruth and Kenny in China aka How to see as much of China in 10 days (Part 1).

16 Apr

Ruth and Kenny left on Friday afternoon after an action-packed 10 days with us in China. We did a lot. Walked A LOT.

Continue reading

I Heart the Internet.

25 Mar

One of the fun things I like to do with my blog every so often is to check out how you readers got here."""  # https://ningbonights.wordpress.com/category/ningbo/ (t472, shortened)
TRAVELLERSPOINT_TEXT = """A Travellerspoint blog

Ningbo, Let's go!

semi-overcast 26 °C

After completing our first week of teaching, which felt like about a month, we very much welcomed the news that we would be getting a four day weekend."""  # http://hannahinchina.travellerspoint.com/s16/ (t468, cut)
PICTURE_UNDER_HEADLINE_TEXT = """Dongqian Lake- A Scenic Escape close to Ningbo!

Dongqian Lake

We had a rough end of the week with packing and preparing to leave China, and then being told less than 24 hours before our flight that we were not actually leaving China yet."""  # https://wanderingbrowns.wordpress.com/2015/09/08/... (t485, cut)
TEASER_TEXT = """The Old Bund of Ningbo

The Old Bund is located at the confluence of three rivers, right at the heart of Ningbo, with a hist[...]

The Old Bund is located at the confluence of three rivers, right at the heart of Ningbo, with a history that predates Shanghai’s Bund by 20 years."""  # https://chinaadvent.com/?p=201768 (t491, cut)
DATED_NAME_TEXT = """The Roaring Dragon marches in discipline- By Sumeer Walia

The Roaring Dragon marches in discipline- By Sumeer Walia

CEED October 8, 2018

Unequivocally, China remains the most economically innovative developed nation on
the globe, here is a personal experience on a visit to University of Nottingham as lead
representative of CRIKC."""  # http://cuceed.org/the-roaring-dragon-marches-in-discipline-by-sumeer-walia/ (t464, cut)
HITS_DATETIME_TEXT = """Home  News

The First China (Ningbo) Global Experts Summit

Hits:603  Datetime:2018/3/28

On the morning of March 20th, organized by the People's Government of Ningbo, the First China (Ningbo) Global Experts Summit was held in Inshow International Hotel."""  # http://dedaloitalia.com/news_view.asp?id=73 (t483, cut)
MAGAZINE_GALLERY_TEXT = """Relax beside Dongqian Lake

1/3
2/3
3/3
Dongqian Lake is an increasingly popular destination for residents of Ningbo (it’s around a 45- minute drive out of the city centre), but the gaotie links mean that it’s also a convenient weekend break.

Seafood-House-00-0

Dongqian actually consists of three lakes, with the North Lake the pick of these."""  # https://www.timeoutshanghai.com/features/... (t488, its standfirst left out)
WIDGETS_TEXT = """International Day at Ningbo International School

Students, staff and parents acknowledged the day further by the proud wearing of national costumes and the eating of delicious food from our 39 different nationalities at NBIS.

Warning: count(): Parameter must be an array or an object that implements Countable in /nfs/c02/h02/mnt/42122/domains/ on line 405

Leave a Reply

You have to be logged in ."""  # shapes of ningboguide.com t476 and www.thestartupadventure.com t463


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # a blog's name and tag line over its date header: the headline is under the date
    (BLOG_ARCHIVE_TEXT, "City Change", "2012-12-09", "I was originally", ["Teaching English", "December"]),
    # a month's archive: the next post's date header and text are not the page's
    (MONTH_ARCHIVE_TEXT, "This morning I went to Tiantong Temple with one of the Chinese teachers and her husband. It "
     "was pouring down with rain so the photos aren't so good.", "2006-02-25", "This morning",
     ["Thursday", "After I last wrote", "Sunday I decided"]),
    # a category archive: its heading, the post's day stamp without a year, the later posts from their headlines on
    (CATEGORY_ARCHIVE_TEXT, "Life Lately.", None, "Laundry drying",
     ["Archive |", "30 Apr", "Ruth and Kenny", "16 Apr", "Continue reading", "I Heart", "One of the fun"]),
    # a blog host's tag line and a weather widget around a headline ending in "!"
    (TRAVELLERSPOINT_TEXT, "Ningbo, Let's go!", None, "After completing", ["Travellerspoint", "26 °C"]),
    # a picture's short line under a headline ending in "!" is not the title
    (PICTURE_UNDER_HEADLINE_TEXT, "Dongqian Lake- A Scenic Escape close to Ningbo!", None, "Dongqian Lake\n", []),
    # a teaser cut by a bracketed ellipsis is neither the title nor the text
    (TEASER_TEXT, "The Old Bund of Ningbo", None, "The Old Bund is located", ["[...]"]),
    # a short name glued before the date under a doubled headline
    (DATED_NAME_TEXT, "The Roaring Dragon marches in discipline- By Sumeer Walia", "2018-10-08", "Unequivocally",
     ["CEED"]),
    (DATED_NAME_TEXT.replace("CEED October 8, 2018", "Xinhua 8 October 2018"),
     "The Roaring Dragon marches in discipline- By Sumeer Walia", "2018-10-08", "Unequivocally", ["Xinhua"]),
    # a hit counter before the "Datetime:" label
    (HITS_DATETIME_TEXT, "The First China (Ningbo) Global Experts Summit", "2018-03-28", "On the morning",
     ["Hits:", "Datetime"]),
    (HITS_DATETIME_TEXT.replace("Hits:603  Datetime:2018/3/28", "Views: 1200 Date: 2018-03-28"),
     "The First China (Ningbo) Global Experts Summit", "2018-03-28", "On the morning", ["Views"]),
    # a gallery's counters and an image's hyphenated file name
    (MAGAZINE_GALLERY_TEXT, "Relax beside Dongqian Lake", None, "Dongqian Lake is", ["1/3", "3/3", "Seafood-House"]),
    # a PHP warning and a login notice with a space before its full stop under the text
    (WIDGETS_TEXT, "International Day at Ningbo International School", None, "Students", ["Warning:", "logged in"]),
])
def test_sixteenth_pass_titles_dates_and_chrome(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


def test_a_letter_under_a_weekday_date_keeps_its_headline_above() -> None:
    """The blog header's rule (sixteenth pass) takes the line under a weekday's date for the headline only when it is
    no salutation ("Dear Valued Clients,", neolink.au t294) and no sentence: the headline above the date stays."""
    text = ("Site logo\n\nNeolink Announcement – Super Typhoon Hits Shanghai\n\nTuesday 14th of September 2021\n\n"
            "Dear Valued Clients,\n\nAs some of you may be aware currently a super typhoon has been impacting the "
            "Zhejiang region in China the past 48 hours.")
    assert parse_page(text).title == "Neolink Announcement – Super Typhoon Hits Shanghai"
    text = BLOG_ARCHIVE_TEXT.replace("My Adventures in Bengbu China\n\n", "")  # one line above the date: its headline
    assert parse_page(text).title == "Teaching English with ILP"


def test_a_dated_line_in_a_single_post_is_not_a_later_post() -> None:
    """The archive rule (sixteenth pass) cuts the body at a stamp of the header's shape only: a date of another shape
    in the text (without the weekday the header's date has) stays body."""
    text = MONTH_ARCHIVE_TEXT.replace("Thursday, February 23, 2006", "February 23, 2006")
    assert "After I last wrote" in parse_page(text).body


CREDITED_STORY_TEXT = """[Flower World] Spring Festival Self-Driving in East Zhejiang-Xiaohua 4 years and 5 months tour Ningbo Cicheng, Putuo Mountain, Qiantong Ancient Town
Keywords: Self-driving Humanities Food

Text: Flower Dad / Picture: Flower Mom (Originally published, may not be reproduced without the author's consent)

Travel time: February 5th to February 7th, 2011 (3 days)

Travel location: Ningbo (Cicheng, Putuoshan, Qiantong Ancient Town)

Travel age: 4 years and 5 months

Zhedong Zijia Road Book

February 5

Shanghai-Xinqiao Entrance-A8-A5-Tingwei Exit-Jinshan Petrochemical (connected with grandparents) -Jinshan New Town Entrance-Hangpu-Hangzhou Bay Cross-sea Bridge-Shenhai Expressway-Cicheng Exit-Cicheng

Cicheng-S61-Ningbo (Circular West-Liuding Street)

Mileage: 230 kilometers

Cost: 155 yuan (25 + 10 + 120)

Travel time: Shanghai-Cicheng 3 hours (with rest)

Cicheng-Ningbo 1 hour

February 6

Ningbo-Zhongshan Road-Renmin Road-North Ring Road-Century Avenue-Camel-Zhenluo Road-Xichuan-Zhoushan Cross-sea Bridge-Dinghai-Shenjiamen

Shenjiamen-Dinghai-Zhoushan Cross-sea Bridge-Xichuan-Ningbo

Mileage: 230 kilometers

Cost: 210 yuan (110 + 100)

Driving time: Ningbo-Shenjiamen 2:30

Shenjiamen-Ningbo 1:40

February 7

Ningbo-Liuding Street-Century Avenue-Ningbo East-Ninghai East-Qiantong

Qiantong-Ninghaidong-Shenhai Expressway-Ningbo Bypass-Shenhai Expressway-Hangzhou Bay Cross-sea Bridge-Hangpu-Jinshan New Town-Jinshan Petrochemical (Send grandparents) -Tingwei Entrance-A5-A8-Xinqiao-Shanghai Urban area

Mileage: 440 kilometers

Cost: 225 yuan (40 + 150 + 10 + 25)

Travel time: Ningbo-Qiantong 1:30

Former Child-Shanghai 4 hours (including rest and refueling)


This year's Spring Festival originally planned to go to Xiamen, but ended up because of the fare increase in airfare and accommodation, and then changed to a three-day trip to East Zhejiang by car. Afterwards, I found that my luck was very good. The three days were basically sunny, and it felt like a small spring, so my """  # http://www.ningbo-china.com/story/84.html (t493, cut)


def test_sixteenth_pass_later_pages_chrome() -> None:
    """After the sixteenth pass's rules (t492-t497): the text's and the pictures' credits on one line are furniture."""
    article = parse_page(CREDITED_STORY_TEXT)
    assert article.title.startswith("[Flower World] Spring Festival")
    assert "Travel location:" in article.body and "Flower Dad" not in article.body
    article = parse_page(CREDITED_STORY_TEXT.replace("Text: Flower Dad / Picture: Flower Mom (Originally published, may "
                                                     "not be reproduced without the author's consent)",
                                                     "Words: Li Ming | Photos: Wang Gang"))
    assert "Travel location:" in article.body and "Li Ming" not in article.body


# The seventeenth tune_other pass (t498-t517): a section word under a tag line, closing related headlines and names.
SECTION_WORD_TEXT = """starsoftonline News

Seattle News Central: Discover What's Happening in the Pacific Northwest

NEWS

(Changes around us) Xianghai strives to be strong. The -newness- and -change- of the world's largest port

In an exclusive interview, we explore the lively atmosphere at the Port of Ningbo-Zhoushan, which remains abuzz with activity even during the National Day holiday. The scene is strikingly modern."""  # https://starsoftonline.com/?p=87 (t498, shortened)
RELATED_LIST_TEXT = """Hangzhou-Ningbo high-speed line to open in July
The Hangzhou-Ningbo high-speed railway line, now under test run, will be fully operational by early July if the trial runs smoothly, said the railway authority.
The new train line will shorten the travel time between Hangzhou and Ningbo from two hours to about 35 minutes.
- China's high-speed railway boom to continue
- High-speed railway for frigid regions starts operation
- China launches new high-speed railway"""  # http://covid-19.chinadaily.com.cn/china/2013-03/06/content_16285950.htm (t515, shortened)
CLOSING_NAMES_TEXT = """Ningbo discovered that the site 8000 years ago
  is 1000 years earlier than Hemudu culture

  Newspaper, Hangzhou, May 31 (Dou Hanyang, Shen Zhaohui) On May 30, the Zhejiang Provincial Cultural Relics Bureau held a press conference to release the archaeological excavation results of the Jingtou Mountain site in Yuyao.

  The results of carbon 14 dating show that the age of the cultural layer of the Jingtou Mountain site is around 8000 years ago.

Dou Hanyang, Shen Zhaohui"""  # https://www.tellerreport.com/life/2020-06-01-ningbo-... (t502, shortened)


def test_seventeenth_pass_titles_and_chrome() -> None:
    """The seventeenth pass's rules: a lone section word in capitals heads the post (the headline is below it, not
    the site's tag line above it); a list of three or more related headlines opened by '- ' closing the text is
    furniture, unless a line ending with a colon introduces it; reporters' names alone closing the text, credited in
    the same words above, are furniture."""
    article = parse_page(SECTION_WORD_TEXT)
    assert article.title.startswith("(Changes around us) Xianghai")
    assert "NEWS" not in article.body.split("\n") and article.body.startswith("In an exclusive interview")
    article = parse_page(SECTION_WORD_TEXT.replace("Seattle News Central", "Daily Digest"))
    assert article.title.startswith("(Changes around us) Xianghai")
    article = parse_page(RELATED_LIST_TEXT)
    assert article.title == "Hangzhou-Ningbo high-speed line to open in July"
    assert "35 minutes" in article.body and "frigid" not in article.body
    introduced = RELATED_LIST_TEXT.replace("to about 35 minutes.", "to about 35 minutes. The line has three parts:")
    assert "frigid" in parse_page(introduced).body  # the body's own list, introduced by a colon, stays
    two = RELATED_LIST_TEXT.replace("\n- China launches new high-speed railway", "")
    assert "frigid" in parse_page(two).body  # two dashed lines are no list of related headlines
    article = parse_page(CLOSING_NAMES_TEXT)
    assert article.body.rstrip().endswith("8000 years ago.")
    uncredited = CLOSING_NAMES_TEXT.replace("(Dou Hanyang, Shen Zhaohui) ", "")
    assert parse_page(uncredited).body.rstrip().endswith("Dou Hanyang, Shen Zhaohui")  # not credited above: kept


# The eighteenth tune_other pass (t523-t549), pages shaped like its own.
AGENCY_DATELINE_TEXT = """Ningbo’s City Character: Online Buzz Explores the City’s Allure
Read also
DUSHANBE, 20.12.2024 (NIAT Khovar) – Since December 14, prominent cultural figures such as Xu Zhiyuan and Liu Qing have sparked a wave of online conversation about the city’s distinctive character and its global connections.
Xu Zhiyuan, a renowned writer and host of a cultural interview program, initiated the dialogue with his impressions of Ningbo."""  # https://eng.khovar.tj/2024/12/ningbo-s-city-character-... (t549, shortened)
FORUM_POST_TEXT = """waxberry season

waxberry - delicious waxberry in my hometown
@sophialin (2677)
China
May 31, 2008 9:46pm CST
i live in ningbo,zhejiang,china.waxberry is one symbol of my hometown. now,i'm eating waxberry which is in season.it's very delicious. have you ever eaten it? do you like it?
7 people like this
17 responses
@nikkiji (62)
2 Jun 08
yes,i like it very much,but i'm the first time to hear that red bayberry is the symbol of ningbo."""  # https://www.mylot.com/post/1539876/waxberry-season (t546, shortened)


@pytest.mark.parametrize(("dateline", "published"), [
    ("DUSHANBE, 20.12.2024 (NIAT Khovar) –", "2024-12-20"),  # t549
    ("MOSCOW, 23.11.2023 (TASS) -", "2023-11-23"),
    ("TASHKENT, Uzbekistan, 15.07.2022 (UzA) –", "2022-07-15"),
    ("DUSHANBE, 05.06.2024 (NIAT Khovar) –", None),  # day and month cannot be told apart: no date
])
def test_eighteenth_pass_a_day_first_agency_dateline_dates_the_page(dateline: str, published: str | None) -> None:
    """An agency's dateline opening the lead with a numeric date joined by full stops, day first, dates the page when
    one part cannot be a month; the box label 'Read also' under the headline is furniture."""
    text = AGENCY_DATELINE_TEXT.replace("DUSHANBE, 20.12.2024 (NIAT Khovar) –", dateline)
    _assert_text_page(text, "Ningbo’s City Character: Online Buzz Explores the City’s Allure", published,
                      dateline.split(",")[0], ["Read also"])


def test_eighteenth_pass_a_forum_post_s_stamp_and_furniture() -> None:
    """A forum post's stamp with its time zone ('May 31, 2008 9:46pm CST') dates the page; the users' handles with
    their scores, a reply counter and a reply's short day-first stamp ('2 Jun 08') are furniture (the post's title
    above its tag line is not found: the line above the stamp is taken, t546's miss)."""
    article = parse_page(FORUM_POST_TEXT)
    assert article.published == "2008-05-31"
    assert article.body.startswith("i live in ningbo")
    for line in ("@sophialin (2677)", "@nikkiji (62)", "17 responses", "2 Jun 08", "7 people like this"):
        assert line not in article.body.split("\n")
    assert "yes,i like it" in article.body


DATED_HEADLINE_TEXT = """XINDE MARINE NEWS
Ningbo-Zhoushan port set to expand box throughput by 5.6m TEU xinde marine news 2020-03-06 10:22


The  world's largest port in terms of cargo throughput in the past decade, Ningbo-Zhoushan, has mapped out a significant expansion to its far flung set of container terminals."""  # https://www.xindemarinenews.com/m/view.php?aid=18756 (t372, shortened)


@pytest.mark.parametrize(("stamp", "published"), [
    ("2020-03-06 10:22", "2020-03-06"),  # t372
    ("2021-7-9 08:05:13", "2021-07-09"),
    ("2020-03-06", "2020-03-06"),
])
def test_eighteenth_pass_a_headline_with_its_date_glued_under_a_site_name_dates_the_page(
        stamp: str, published: str) -> None:
    """A headline closing with its ISO posting date (and time), set in one block under the site's name that is taken
    for the title, dates the page; a header line with a sentence break before the date does not."""
    text = DATED_HEADLINE_TEXT.replace("2020-03-06 10:22", stamp)
    assert parse_page(text).published == published
    broken = text.replace("by 5.6m TEU xinde", "by 5.6m TEU, xinde")
    assert parse_page(broken).published is None


# The nineteenth tune_other pass (t561-t585), pages shaped like its own.
RELATED_TAIL_TEXT = """Ninghai's hiking trail
Updated: 2015-05-01 07:31
By Peng Yining(China Daily)
Ninghai was one of the first cities in China to build a standard hiking trail in the wild. Completed in 2009, the 100-kilometer trail connects Ninghai's seven counties and a forest park.
The trail offers various levels of hiking difficulty. The shortest and easiest of its seven routes is 4.5 km.
(China Daily 05/01/2015 page10)
- Across Canada (May 1)
- China's top 10 GDP provinces in Q1
- Photos capture marvelous landscapes of China
- Ten photos you don't wanna miss - April 30
Most Viewed
Editor's Picks
What do we know about AIIB |
Spring Festival trends reflect a changing China |
Today's Top News
Abe betrays history's conscience
Vancouver property"""  # https://global.chinadaily.com.cn/usa/travel/2015-05/01/content_20594590.htm (t568, shortened)


def test_nineteenth_pass_a_related_list_with_the_widgets_after_it_closes_the_text() -> None:
    """A list of related headlines opened by '- ' followed by furniture (widget headings, a link box closed by bars)
    and a few short headlines without a sentence's stop closes the text: all of it goes, with the paper's print
    credit; a closing paragraph after the list, or more short lines than a widget holds, keep the list."""
    article = parse_page(RELATED_TAIL_TEXT)
    assert (article.title, article.published) == ("Ninghai's hiking trail", "2015-05-01")
    assert article.body.split("\n\n")[-1].startswith("The trail offers")
    text = RELATED_TAIL_TEXT + "\nThe trail's map is at the visitor centre, the county said."
    assert "- Across Canada (May 1)" in parse_page(text).body  # text closes the page: the list stays
    longer = RELATED_TAIL_TEXT + "\nOne\nTwo more\nThree more here"
    assert "- Across Canada (May 1)" in parse_page(longer).body  # more short lines than a widget's tail


ARCHIVE_TEASERS_TEXT = """New Old Street

Stinky tofu fried crispy, covered in hot chili oil and green onions! Finally had some at Nantang Old Street or what I like to call New Old Street. It’s a newly built shopping & restaurant complex made to look old school Chinese. All the streets are very nicely decorated. I really enjoyed the clean washrooms. I […]

Read More

Old Ningbo

Ningbo like any other Chinese city is constantly growing, adding new buildings and metro lines at breakneck speeds. The neighbourhood where I grew up as a child is such an example. The old houses have all been vacated, now a ghost town of the past. Brick and mud to be turned to glass and concrete. […]

Read More"""  # http://www.jizzaroundtheworld.com/page/18/ (t564)


@pytest.mark.parametrize("link", ["Read More", "Continue reading →", "Read more »"])
def test_nineteenth_pass_an_archive_of_teasers_is_its_first_post(link: str) -> None:
    """On an archive page each post's teaser is followed by the same continuation link: the first teaser is the
    page's text under its headline, the later posts go; a teaser whose link does not come again is a widget's."""
    article = parse_page(ARCHIVE_TEASERS_TEXT.replace("Read More", link))
    assert article.title == "New Old Street"
    assert article.body.startswith("Stinky tofu") and "Old Ningbo" not in article.body
    single = ARCHIVE_TEASERS_TEXT.rsplit("\n\nRead More", 1)[0].replace("Read More", link)
    assert "Old Ningbo" in parse_page(single).body  # the link once: no archive, the rules as before


# The twentieth tune_other pass (t594-t613): a bar menu over a short headline, an encyclopedia's synonym box, an
# editor's credit followed by the next menu cut by the excerpt.
SIGNOFF_TAIL_TEXT = (
    "Home   | New Year Gala   | Year of Tiger   | Festival Traditions   | Videos & Audios   | Photo Gallery   |  \n"
    " \n"
    "Rice Glue Balls\n\n"
    "Tangtuan (rice glue ball) is a kind of traditional food in China. Originally named yuanxiao in the Sui Dynasty "
    "(581- 618 A.D.), it used to refer to the Lantern Festival, a day celebrated with rice glue balls. It now has a "
    "history of over 700 years.\n\n"
    "With its connotation of reunion and good luck, even the overseas Chinese, thinking of their relatives far away on "
    "festive days, will never forget to eat the lard \"Tangtuan\" on the Spring Festival.\n\n"
    "Editor: Feng Hui\n\n"
    " \n\n\n"
    "New Year C"
)  # http://en.chinaculture.org/focus/focus/2010spring/2010-02/08/content_370405.htm (t611, shortened)


@pytest.mark.parametrize("tail", ["New Year C", "Lantern Festival\nPhoto Gallery"])
def test_twentieth_pass_short_lines_after_an_editors_credit_close_nothing(tail: str) -> None:
    """A bar menu opening with 'Home' is no headline; after an editor's credit closing the text, up to two short lines
    without a sentence's stop are the next widgets (gone); a sentence after the credit, or more short lines, stay."""
    article = parse_page(SIGNOFF_TAIL_TEXT.replace("New Year C", tail))
    assert article.title == "Rice Glue Balls"
    assert article.body.split("\n\n")[-1].startswith("With its connotation")
    sentence = SIGNOFF_TAIL_TEXT.replace("New Year C", "The festival's snacks were sold out by noon.")
    assert parse_page(sentence).body.endswith("sold out by noon.")
    three = SIGNOFF_TAIL_TEXT.replace("New Year C", "One\nTwo more\nThree more")
    assert parse_page(three).body.endswith("Three more")


SYNONYM_BOX_TEXT = """Yuyao Hemudu Site Museum
synonym
Hemudu Site Museum generally refers to Yuyao Hemudu Site Museum
Hemudu site is a primitive village site of Neolithic period in China. It is located on the South Bank of Hangzhou Bay and the Bank of Yaojiang River at the north foot of Siming Mountain. A large number of animal skeletons unearthed from the site belong to 61 animal species and genera.
brief introduction
Yuyao Hemudu Site Museum is located at the foot of Siming Mountain and the North Bank of Yaojiang River."""  # https://chinawiki.net/thread/48/33960.html (t604, shortened)


def test_twentieth_pass_an_encyclopedias_synonym_box_is_no_headline() -> None:
    """An encyclopedia's synonym box under the headline ('synonym', '<A> generally refers to <B>') is furniture: the
    headline above it is the title, and neither line is in the body."""
    article = parse_page(SYNONYM_BOX_TEXT)
    assert article.title == "Yuyao Hemudu Site Museum"
    assert "synonym" not in article.body and "generally refers" not in article.body


# The twenty-first tune_other pass (t621-t647): a dashed side menu over an old portal's date line and headline, a
# category line over a tag archive's date, a trail's two-word last item, a forum post's first line closed by a comma,
# a stamp with "(Beijing Time)" and a source's name.
DASH_MENU_TEXT = (
    "English home Forum Photo Gallery Features Newsletter Archive   About US Help Site Map\n"
    + "".join(f"- {item}\n" for item in ("Newsletter", "Online Community", "China Biz Info", "News Archive",
                                          "Feedback", "Voices of Readers", "Weather Forecast"))
    + " RSS Feeds\n"
    + "".join(f"- {item} \n" for item in ("China", "Business", "World", "Sci-Edu", "Culture/Life", "Sports",
                                           "Photos", "Most Popular", "FM Briefings"))
    + " About China\n"
    + "".join(f"- {item}\n" for item in ("China at a glance", "Chinese history", "Constitution",
                                          "Laws & regulations", "Ethnic minorities"))
    + "\nHome >> Business\n"
    "UPDATED: 10:20, May 03, 2007\n"
    "Ningbo port plans a third container terminal\n"
    "font size    \n\n"
    "Ningbo plans to build a third container terminal at Beilun by 2010, with a handling capacity of 3 million TEUs, "
    "the port authority said on Wednesday.\n\n"
    "The terminal will be the port's largest, officials said."
)  # shaped like http://en.people.cn/200606/08/eng20060608_272036.html (t624)


def test_twenty_first_pass_a_dashed_side_menu_is_passed_over_by_the_header_scan() -> None:
    """The items of a dashed side menu (runs of three or more short '- ' lines) are no header lines: the header scan
    reaches the date line and the headline under it past them, and no item is the title or in the body."""
    article = parse_page(DASH_MENU_TEXT)
    assert article.title == "Ningbo port plans a third container terminal"
    assert article.published == "2007-05-03"
    assert article.body.startswith("Ningbo plans to build") and "- Newsletter" not in article.body
    # two dashed lines are no menu: a list of the text's own points stays the text's
    points = "Port Notes\n\n- Beilun grows\n- Meishan waits\n\nThe port handled 1.2 billion tonnes last year, up 5 " \
             "percent from the year before, the authority said."
    assert "- Beilun grows" in parse_page(points).body


CATEGORY_OVER_DATE_TEXT = (
    "China Film\nFeb 16, 2020\n\n"
    "Xiangshan Film and TV City  \n\n"  # the two trailing spaces as on the page
    "The Xiangshan studios opened in 2005 on an undeveloped peninsula of fishing villages south of Ningbo for The "
    "Return of the Condor Heroes (2006), based on the Wuxia novel by Jin Yong.\n\n"
    "Read More"
)  # https://www.parascandola.com/tag/xiangshan/ (t645)


@pytest.mark.parametrize(("category", "headline"), [
    ("China Film", "Xiangshan Film and TV City"),
    ("Travel", "A Walk Along the Old Bund in Ningbo"),
])
def test_twenty_first_pass_a_category_over_the_date_line_is_no_headline(category: str, headline: str) -> None:
    """A short line directly over the date line, a header line under the date with more than twice its words and then
    the lead: the line under the date is the headline, the one over it the post's category."""
    article = parse_page(CATEGORY_OVER_DATE_TEXT.replace("China Film", category).replace(
        "Xiangshan Film and TV City", headline))
    assert article.title == headline and article.published == "2020-02-16"
    # a headline over the date and a standfirst closed by a full stop under it: the headline stays the title
    standfirst = CATEGORY_OVER_DATE_TEXT.replace("China Film", "Xiangshan Film City").replace(
        "Xiangshan Film and TV City  ", "Fans of period dramas flock to the old sets.")
    assert parse_page(standfirst).title == "Xiangshan Film City"
    # a gov page's headline over its date line and a photo caption under it: the headline stays the title
    captioned = ("> News > Sci-Tech\nNingbo helps 1,512 manufacturers go digital\n2019-09-26Text Size: A A A\n\n"
                 "Workers monitor production at a digital workshop in Yuyao. (Photo by Xu Neng)\n\n"
                 "Ningbo has helped 1,512 manufacturers complete digital transformation since 2017, the bureau said.")
    assert parse_page(captioned).title == "Ningbo helps 1,512 manufacturers go digital"
    assert parse_page(captioned.replace("Ningbo helps 1,512 manufacturers go digital", "Digital Ningbo")).title \
        == "Digital Ningbo"


SERVICE_PAGE_TEXT = (
    "Home\n> Service > Work permit\nWork Permit\n\n"
    "Administrative Authority: \n"  # trailing spaces as on the page
    "Ningbo Municipal Bureau of Science and Technology, and the authorized bureaus in districts and counties of "
    "Ningbo \n\n"
    "Eligible Applicants\n"
    "1.  Foreign experts working in enterprises and institutions in Ningbo with a valid contract of employment.\n\n"
    "2. Foreign teachers working in appointed schools in Ningbo. "
)  # shaped like www.bl.gov.cn's service page (t631)


def test_twenty_first_pass_a_trails_two_word_last_item_is_the_headline() -> None:
    """A header line of two words that a '>' trail ends with (case aside) is the headline, not dwarfed by a long field
    value under it; without the trail's mark before it, two words are not enough."""
    assert parse_page(SERVICE_PAGE_TEXT).title == "Work Permit"
    unmarked = SERVICE_PAGE_TEXT.replace("> Service > Work permit", "Our Service Work permit")
    assert parse_page(unmarked).title != "Work Permit"


FORUM_THREAD_TEXT = """What's new

Holi festival in China - NingBo

.
IT is not holi, its colourful powder running, it is dangerous and prohibited now,

by the way, Ningbo city is not a small city, with more than 9000 km square and 8 m population.
https://en.wikipedia.org/wiki/Ningbo
111.jpg
View attachment 391196 View attachment 391197

When I said "small", it means kind of average city in China, of course, Ningbo is a big city for its population and size with compare to other city in the world! :)

Beautiful city. Looks modern and well planned. Better than some developed countries."""  # defence.pk (t634, shortened)


def test_twenty_first_pass_a_line_closed_by_a_comma_is_no_headline() -> None:
    """A header line closed by a comma runs on into the next line (a post's first sentence): the thread's title above
    it is the title; the forum's attachment links are furniture."""
    article = parse_page(FORUM_THREAD_TEXT)
    assert article.title == "Holi festival in China - NingBo"
    assert "View attachment" not in article.body


def test_twenty_first_pass_a_stamp_with_beijing_time_and_a_source_dates_the_page() -> None:
    """A stamp with its time zone in brackets and the source's name ('2010-07-02 09:38:51 GMT2010-07-02 17:38:51
    (Beijing Time)  China Daily', english.sina.com t640) is a dated header line, not the headline it dwarfs."""
    text = ("Lifestyle > Travel\n\nThe very best of berries\n\n"
            "2010-07-02 09:38:51 GMT2010-07-02 17:38:51 (Beijing Time)  China Daily\n\n"
            "Yuyao city offers a treat that's sweet but challenging to collect, and visitors climb the hills in June to "
            "pick the waxberries themselves.\n\nWaxberries have been growing in Yuyao for thousands of years.")
    article = parse_page(text)
    assert article.title == "The very best of berries" and article.published == "2010-07-02"
    assert "Beijing Time" not in article.body


# The twenty-second tune_other pass (t655-t672): a listing's teaser cut with an ellipsis above the paragraph it
# repeats, bulleted share links, a copied wiki's section link, a related box of pictures. (Its rule for a " date
# <ISO date>" stamp glued before a headline-less lead was dropped at the merge: that stamp is the stored-page
# corpus's, which the sets' convention excludes, not a line of the page.)
def test_twenty_second_pass_a_cut_teaser_over_its_paragraph_goes() -> None:
    """A listing's teaser closed by an ellipsis directly above the paragraph it was cut from is dropped (the paragraph
    stays); a paragraph that ends with an ellipsis but opens nothing below it stays (www.synotrip.com t668)."""
    text = ("Skip to main content\n\nNingbo Attractions\n\nThe Tale of Qiantong - A Visit Into History\n\n"
            "Sometimes when travelling in China, the massive crowds make us hungry for a rest. So here we were, in "
            "the quieter surrounds of Ningbo, some four ho...\n\n"
            "Sometimes when travelling in China, the massive crowds make us hungry for a rest. So here we were, in "
            "the quieter surrounds of Ningbo, some four hours journey to the south.\n\n"
            "The town's history goes back 800 years, and it was all we had hoped for and more...\n\n"
            "The bus back took one hour.")
    article = parse_page(text)
    assert article.title == "The Tale of Qiantong - A Visit Into History"
    assert "some four ho..." not in article.body
    assert article.body.count("Sometimes when travelling") == 1
    assert "hoped for and more..." in article.body


def test_twenty_second_pass_share_links_wiki_edit_links_and_a_picture_box_are_chrome() -> None:
    """Bulleted share links ('  • WeiBo', www.e-yamaguchi.com t663), a copied wiki's '[Edit this paragraph]' link
    glued before its heading (gnagarna.com t656) and 'Related Photo Set' (archive.shine.cn t669) leave the body."""
    text = ("Home > News\nThe Group Company held an executive work meeting in 2023\n"
            "Release time:2023-01-06 Browse times:553\n\n"
            "On the morning of January 5, the meeting was held in the report hall of the industrial park.\n\n"
            "Related Photo Set\n\n[Edit this paragraph] Overview\n\n"
            "The senior management of the group company attended the meeting.\n\n  \u2022 WeiBo\n\n  \u2022 WeiXin")
    article = parse_page(text)
    assert article.title == "The Group Company held an executive work meeting in 2023"
    assert article.published == "2023-01-06"
    for line in ("WeiBo", "WeiXin", "Edit this paragraph", "Related Photo Set"):
        assert line not in article.body
    assert "The senior management" in article.body


def test_twenty_second_pass_lines_under_the_first_numbered_heading_are_no_yardstick() -> None:
    """A header line under the text's first numbered heading ('1. Scheme' over a day's schedule, bica2023.org t662)
    is the text's: a long schedule line under it does not dwarf the headline above it."""
    text = ("Xiko FengHua One-day Investigation Scheme\n\n1. Scheme\n\nArrive in Fenghua      (9:00- 10:00 a.m)\n\n"
            "Visit the former residence of Chiang Kai-shek, Fenghao Room, Xiaoyangfang (small foreign house), Wuling "
            "Gate\n\nLunch      (11:45-13:00 p.m)\n\n2. Introduction\n\n"
            "The former residence of Chiang Kai-shek, the home of several generations of the family, was listed in "
            "the second batch of China's 20th century architectural heritage in 2017, and 300,000 people visit it a "
            "year.")
    assert parse_page(text).title == "Xiko FengHua One-day Investigation Scheme"


def test_twenty_fourth_pass_a_trail_ending_with_the_next_line_names_the_headline() -> None:
    """A trail or document title joined by ' - ' that ends with the line under it names that line the headline, though
    the headline is closed by a full stop and long enough to pass for a sentence and the trail long enough to pass for
    a paragraph (lfasc.com t722); the text under it is the body. Without the trail's join the trail is the lead."""
    text = ("Traditional Culture Encyclopedia - Travel guide - Travel notes of Cicheng, Ningbo, an eternal "
            "thousand-year-old city with charm inheritance.\n\n"
            "Travel notes of Cicheng, Ningbo, an eternal thousand-year-old city with charm inheritance.\n\n"
            "The name \"Cicheng\" sounds like a power of compassion and faith, and 14 museums now stand in the town "
            "of 33 listed buildings.\n\nCihu\n\nCihu outside Cicheng is quiet and humid, and the lakeside scenery "
            "is fascinating for 2,000 visitors a day.")
    article = parse_page(text)
    assert article.title == "Travel notes of Cicheng, Ningbo, an eternal thousand-year-old city with charm inheritance."
    assert article.body.startswith("The name")
    assert "Traditional Culture Encyclopedia" not in article.body
    # the headline as the trail's last item, the lead under it (www.ningbo-china.com t566): the headline leaves the body
    crumbed = ("Home  /  Story   /  Come to Ningbo to see Tianyi Pavilion, the oldest library in China, and find local "
               "specialties in Drum Tower!\nCome to Ningbo to see Tianyi Pavilion, the oldest library in China, and "
               "find local specialties in Drum Tower!\nLike0 Comment0 Browse801\n\n"
               "When the high-speed train stopped at the Ningbo platform this July, I finally had the opportunity to "
               "walk the 2 km from the station.")
    article = parse_page(crumbed)
    assert article.title.startswith("Come to Ningbo to see Tianyi Pavilion")
    assert article.body.startswith("When the high-speed train")
    unjoined = text.replace("Travel guide - Travel notes", "Travel guide and Travel notes", 1).replace(
        "Culture Encyclopedia -", "Culture Encyclopedia and", 1)
    assert parse_page(unjoined).title != "Travel notes of Cicheng, Ningbo, an eternal thousand-year-old city with " \
        "charm inheritance."


SINOWAY_TEXT = """FAQ            Testimonials            Contact Us
Home      China Vacation       Yangtze Cruise      Cheap China Flights      China Train      China Travel Guide
  >> home >> China travel guide >> City Guide of China >> Ningbo attractions

Ningbo Attractions

Sightseeing Ningbo


Tiantong Temple

Zoom in
enlarge   reduce
Tiantong Temple

Tiantong Temple is Located at the foot of undulated Taibai Mountain, resting upon six hillsides in the east, west and north and an avenue in the south. The temple was built in 300 AD in the West Jin Dynasty."""  # http://www.sinowaytravel.com/Ningbo-Attractions/Tiantong-Temple.1840.aspx (t700, cut)


def test_twenty_fourth_pass_the_header_line_printed_again_is_the_headline() -> None:
    """Of two-word section names and a two-word headline, none dwarfing another, the one header line printed again
    further down (a picture's label under it, www.sinowaytravel.com t700) is the headline, when the line taken is
    printed once; printed once, the first section name stays the title."""
    assert parse_page(SINOWAY_TEXT).title == "Tiantong Temple"
    once = SINOWAY_TEXT.replace("enlarge   reduce\nTiantong Temple", "enlarge   reduce")
    assert parse_page(once).title == "Ningbo Attractions"


def test_twenty_fourth_pass_a_lead_opening_with_its_full_date_dates_the_page() -> None:
    """A lead opening with a full date and then its first sentence's capital after spaces, no dash between them (a
    company's release under its picture's caption, www.hkmotors.com t714), dates the page; a date run into a
    lower-case word does not."""
    text = ("Home > News\n\nHK Clean Energy Automotive Project Lands at Fenghua, Ningbo, Building a Clean Energy "
            "Passenger Vehicle Production Base\n\n\n"
            "Mr. Chen Xiao, Executive Director of the Board of Hybrid Kinetic Group presents at a forum hosted in Hong "
            "Kong and signs investment agreement\n\n\n"
            "September 27, 2017  Hybrid Kinetic Group, Ningbo Fenghua Government and Beijing WKW Automotive Parts Co., "
            "Ltd. signed an agreement, building a clean energy production base with an annual capacity of 300,000 "
            "cars.")
    assert parse_page(text).published == "2017-09-27"
    assert parse_page(text.replace("2017  Hybrid", "2017  saw Hybrid")).published is None


def test_a_lead_opening_with_its_full_date_and_a_bar_dates_the_page() -> None:
    """Real page tune_sites s319 (www.bio-itworld.com, metrics26): the feature's lead opens with its date and a bar
    ("May 18, 2010 | Ningbo is located 138 miles south of Shanghai"), which dated nothing (text.DATE_DASH_LEAD_RE);
    the social bar over the headline is furniture (boilerplate.SOCIAL_BAR), not the title."""
    text = ("YouTube Facebook LinkedIn Google+ Twitter Xinginstagram rss  \n\nNingbo Lures Biotech South of Shanghai\n\n"
            "By Allison Proffitt\n\nMay 18, 2010 | Ningbo is located 138 miles south of Shanghai—a pleasant drive. We "
            "crossed the Hangzhou Bay Bridge, the longest trans-oceanic bridge in the world, to get there, but the fog "
            "in January was so thick I couldn’t see past the edge of the bridge, much less to the East China Sea.")
    article = parse_page(text)
    assert (article.title, article.published) == ("Ningbo Lures Biotech South of Shanghai", "2010-05-18")
    assert parse_page(text.replace("2010 | Ningbo", "2010 saw Ningbo")).published is None


def test_headlines_without_dashes_closing_the_text_are_related_links() -> None:
    """Real page tune_sites s316 (a Xinhua story on en.people.cn, metrics26): twelve headlines one a line under the
    story's last sentence, without a list's dashes, leaked into the text and the last one, cut ("Top 10 media buzzwords
    of 2"), gave a count of 2 (text._drop_plain_related); fewer such lines, or lines under a colon, stay."""
    story = ("HANGZHOU, Nov. 18 (Xinhua) -- Ningbo Zhoushan port, China's busiest port in the eastern province of "
             "Zhejiang, reported its oil and gas throughput exceeding 100 million tonnes in the first ten months of the "
             "year, marking the first time it reached this volume, local authorities said.\n"
             "The Zhejiang Pilot Free Trade Zone in Zhoushan has been seeking cooperation with global oil and gas "
             "enterprises since its establishment in April 2017.\n")
    related = ("Fire brigade in Shanghai holds group wedding\nTourists enjoy ice sculptures in Datan Town, north China\n"
               "Sunset scenery of Dayan Pagoda in Xi'an\nTourists have fun at scenic spot in Nanlong Town, NW China\n"
               "Harbin attracts tourists by making best use of ice in winter\n"
               "In pics: FIS Alpine Ski Women's World Cup Slalom\n"
               "Top 10 world news events of People's Daily in 2020\nTop 10 China news events of People's Daily in 2020\n"
               "Top 10 media buzzwords of 2")
    article = parse_page(story + related, template="text")
    assert article.body.endswith("since its establishment in April 2017.")
    assert [m.value for m in article.metrics if m.unit == "count"] == []
    three = "\n".join(related.split("\n")[:3])
    assert parse_page(story + three, template="text").body.endswith("Sunset scenery of Dayan Pagoda in Xi'an")
    listed = story.replace("April 2017.", "April 2017, in these areas:")
    assert parse_page(listed + related, template="text").body.endswith("Top 10 media buzzwords of 2")


def test_a_pipe_table_above_the_text_is_no_headline() -> None:
    """Real pages tune_sites s160 and s176 (metrics16, MarkLines): the rows of a pipe table set under a company
    report's headline ("(CNY millions) |", "Sales | 49,793.35 | 45,670.03 | 9.03 |") were taken for the title; a line
    ending in a cell separator next to another such line is a table's row, never the headline (text._is_table_row);
    one alone is a headline with its site's name (tune_other t724)."""
    text = ("Ningbo Joyson Electronic Corp. Business Report FY ended Dec. 2022\nFinancial Overview |\n(CNY millions) |\n"
            "FY ended Dec. 31, 2022 | FY ended Dec. 31, 2021 | Rate of change (%) | Factors | |\n"
            "Sales | 49,793.35 | 45,670.03 | 9.03 |\n"
            "-The company actively responds to unfavorable factors such as macro cycle fluctuations and international "
            "political turmoil, and its automotive electronics business has achieved rapid growth. |\n"
            "Operating income | 291.56 | (3,877.94) | - | |")
    article = parse_page(text, template="text")
    assert article.title == "Ningbo Joyson Electronic Corp. Business Report FY ended Dec. 2022"
    assert "Sales | 49,793.35" in article.body
    single = ("Baoguo Temple [nbtravel.gov.cn] |\nClick here to enter photo gallery >>\n"
              "- Location: Ningbo City, Zhejiang Province\n"
              "Baoguo Temple, situated 15 kilometers from downtown Ningbo City on the side of Lingshan Mountain, is the "
              "oldest and most completely preserved wooden structure in south China.")
    assert parse_page(single, template="text").title == "Baoguo Temple [nbtravel.gov.cn] |"


def test_twenty_fifth_pass_a_label_glued_to_a_date_line_is_a_date_line() -> None:
    """A date line whose label lost its space before the date (a blog post's category glued to its posting stamp over
    a post without a headline line, 'China19 Mar 2010 07:21 pm', mattisonthompson.net t741; a source's name glued to
    the weekday before a date in words under an aggregator's headline, 'Global TimesThursday 24th January, 2013',
    www.bignewsnetwork.com t733) dates the page and leaves the body; a weekday set apart by a space inside a sentence
    ('He left on Thursday 24th January, 2013') is no such line."""
    text = ("China19 Mar 2010 07:21 pm\n\n"
            "Considering that this is my 100th blog entry, I thought I'd make it a special one and report from my day "
            "off in the tea plantations outside of Ningbo, some 20 km from the city.\n\n"
            "Before setting off on our adventure into the Ningbo countryside, we stopped to have coffee.")
    article = parse_page(text)
    assert article.published == "2010-03-19"
    assert "07:21" not in article.body and article.title != "China19 Mar 2010 07:21 pm"
    teaser = ("Zhejiang Online: Economy booster of Geely vows to build safer homegrown cars\n\n"
              "Global TimesThursday 24th January, 2013\n\n"
              "Enterprise is the energetic source of innovations. Geely has transformed itself from a mechanical "
              "manufacturer to creative manufacturer, with 3 research institutes in the province.\nRead More")
    article = parse_page(teaser)
    assert article.published == "2013-01-24"
    assert article.title.startswith("Zhejiang Online:") and "Global Times" not in article.body
    spaced = teaser.replace("Global TimesThursday 24th January, 2013", "He left on Thursday 24th January, 2013")
    assert "He left on Thursday" in parse_page(spaced).body


def test_twenty_fifth_pass_a_dateline_with_its_date_in_brackets_dates_the_page() -> None:
    """A video script's capitals dateline setting the date in brackets after the last place name, the source after it
    ('XIANGSHAN COUNTY, ZHEJIANG PROVINCE, CHINA (JULY 11, 2015) (CCTV) – ...', a video aggregator's typhoon story,
    t685), dates the page; without a year it dates nothing."""
    text = ("China evacuates nearly a million people from expected path of typhoon\n\n"
            "XIANGSHAN COUNTY, ZHEJIANG PROVINCE, CHINA (JULY 11, 2015) (CCTV) – Rescuers evacuated people out of "
            "rising flood waters in China's southern, Zhejiang province as approaching Typhoon Chan-Hom caused heavy "
            "rain, state media reported on Saturday (July 11).\n\n"
            "In Xiangshan county in Zhejiang, over 30 rescuers and life boats were dispatched for the evacuation.")
    assert parse_page(text).published == "2015-07-11"
    assert parse_page(text.replace("(JULY 11, 2015)", "(JULY 11)")).published is None


def test_a_sentence_wrapped_over_lines_is_one_paragraph_and_its_figure_read() -> None:
    """A text whose sentences were wrapped by hand ("Ningbo handled 16.77 million" over "twenty-foot equivalent units
    (TEUs) in 2013", tune_other t316; "narrowing the decline by 5.4" over "percentage points", tune_sites s001) made
    each line a paragraph and the metric rules, which read a sentence within its paragraph, lost the figure. The
    wrapped rest joins its line (textutil._join_wrapped); a name's line over a lowercase line ("... reporter Zhang
    Xiaojie" over "data"), a line over a code ("e59bbee78987") and a short line stay apart."""
    text = ("Ningbo port strike ends\n\n2014-04-25\n\n"
            "For the record, Ningbo handled 16.77 million\ntwenty-foot equivalent units (TEUs) in 2013, an increase of "
            "7 percent\nfrom the previous year.\n\n"
            "The evening show was hosted by Zhang Xiaojie\ndata and more\n\n"
            "Geely Auto eyes 3.45 million sales in 2026 following\ne59bbee78987 tags\n\n"
            "China Car News\nengine and plant")
    article = parse_page(text, template="text")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == ("For the record, Ningbo handled 16.77 million twenty-foot equivalent units (TEUs) in 2013, "
                             "an increase of 7 percent from the previous year.")
    assert [(m.value, m.unit) for m in article.metrics][:2] == [(16.77e6, "count"), (7.0, "percent")]
    assert {"The evening show was hosted by Zhang Xiaojie", "data and more", "e59bbee78987 tags",
            "China Car News", "engine and plant"} <= set(paragraphs)
def test_a_line_left_open_by_a_word_no_sentence_ends_on_goes_on_in_the_figure_below() -> None:
    """Real page tune_sites s094 (a PDF's text on a documents site): "These enterprises had totally employed more than"
    over "160,000 people, ..." and "... of which the exported moulds took up RMB" over "1.5 billion Yuans." were two
    paragraphs each (a line opening with a figure never joined the line above), so the count lost its hedge and the
    amount its currency mark. A line closed by a hedge, preposition, article, copula or currency mark goes on in a next
    line opening with a figure (textutil.FIGURE_LEAD_WORDS); a line closed by a noun ("... high-quality development"
    over a date line) and a lone figure ("... Currency is CNY" over "4.100") stay apart."""
    text = ("Mould industry report\n\nBy the end of 2005, there existed over 6000 enterprises engaged in mould "
            "processing in Ningbo. These enterprises had totally employed more than\n160,000 people, with total output "
            "value reaching RMB 16.1 billion Yuans, of which the exported moulds took up RMB\n1.5 billion Yuans. The "
            "5-year average increase rate of the mould output value has gone beyond\n30%, and more.\n\n"
            "Ningbo witnesses high-quality development\n2019-07-21 with more\n\n"
            "Shanghai Stock Exchange Delayed Price Currency is CNY\n4.100")
    article = parse_page(text, template="text")
    paragraphs = article.body.split("\n\n")
    assert any("employed more than 160,000 people" in p and "took up RMB 1.5 billion Yuans" in p
               and "gone beyond 30%, and more." in p for p in paragraphs)
    found = {m.text: m for m in article.metrics}
    assert found["160,000 people"].qualifier == "at_least"
    assert found["RMB 1.5 billion Yuans"].unit == "CNY"
    assert {"Ningbo witnesses high-quality development", "4.100"} <= set(paragraphs)


def test_a_date_glued_to_a_closing_bracket_is_a_date_line() -> None:
    """Real page tune_sites s196 (metrics17, a reports site's summary): "HAITIAN INT'LHAITIAN INT'L(HK:01882)2025-09-12
    09:28" under the report's name was taken for the headline and gave no date: an ISO date glued to a closing bracket,
    its time after it, is a date line (text.GLUED_BRACKET_DATE_RE); a bracket and a year inside a sentence is not."""
    text = ("Workflow\n海天国际(01882) - 2025 - 中期财报\nHAITIAN INT'LHAITIAN INT'L(HK:01882)2025-09-12 09:28\n\n"
            "Executive Summary H1 2025 sales grew 12.5% and net profit 12.6%, benefiting from global supply chain "
            "shifts. The company's board met in Ningbo and approved the results for the half year.")
    article = parse_page(text, url="https://example.com/financials/1", template="text")
    assert (article.title, article.published) == ("海天国际(01882) - 2025 - 中期财报", "2025-09-12")
    from transforms.templates.text import GLUED_BRACKET_DATE_RE
    assert GLUED_BRACKET_DATE_RE.match("The company (Haitian)2025-09-12 09:28") is not None
    assert GLUED_BRACKET_DATE_RE.match("It grew (in yuan) in 2025-09 by half.") is None
def test_twenty_sixth_pass_a_menu_bar_is_never_the_headline() -> None:
    """A site's menu bar on one line, three or more items of one to three words joined by ' | ' ('About us | Add to
    Favorites | Chinese', 7hips.com t758), above a 'Position:' trail and the headline, was taken for the title; it
    is never the headline (text._is_menu_bar). A headline with its site's name after ' | ' has a longer first part
    and stays the title."""
    text = ("About us | Add to Favorites | Chinese\nPosition:Policies and regulations\n\n"
            "Yuyao production of plastic raw materials are not as China Plastics City\n\n"
            "From;    Author:\n"
            "November 9, from the twelfth to the China Plastics Expo upload messages, this plastic Fair fruitful. In "
            "the opening of the first day, trading volume has already reached 790 million yuan.")
    assert parse_page(text, template="text").title == \
        "Yuyao production of plastic raw materials are not as China Plastics City"
    named = ("Ningbo plastics fair opens its doors to buyers | Plastics News | Home\n\n"
             "November 9, from the twelfth to the China Plastics Expo upload messages, this plastic Fair fruitful. In "
             "the opening of the first day, trading volume has already reached 790 million yuan.")
    assert parse_page(named, template="text").title.startswith("Ningbo plastics fair opens its doors to buyers")


def test_twenty_sixth_pass_a_list_item_s_mark_is_no_word_of_a_sentence() -> None:
    """A bulleted breadcrumb's last item, the headline closed by an abbreviation's full stop ('  • Congestion all
    around, from COVID in China to gridlocks in L.A.', www.freightright.com t766), counted its bullet as a twelfth
    word and was taken for the lead, so the page's cut title above it became the headline and the date line under the
    headline was never read. Without its mark it is eleven words: no sentence; the headline over the date line is
    found and the page dated."""
    text = ("Congestion all around, from COVID in China to gridlocks in L\n\n"
            "  • Home\n  • >\n  • News\n  • >\n  • Congestion all around, from COVID in China to gridlocks in L.A.\n"
            "News\nFreight Right\n\n"
            "Congestion all around, from COVID in China to gridlocks in L.A.\n\n\nAugust 12, 2021\n\n"
            "Logisticians, shippers, carriers, and supply chain enthusiasts were very active Wednesday morning as news "
            "started to spread from East China: a container terminal at the port of Ningbo has been shut down.")
    article = parse_page(text, template="text")
    assert article.title == "Congestion all around, from COVID in China to gridlocks in L.A."
    assert article.published == "2021-08-12"
    from transforms.templates import text as text_template

    assert not text_template.is_sentence("• Congestion all around, from COVID in China to gridlocks in L.A.")
    assert text_template.is_sentence("• Ningbo-Zhoushan Port handled more than 35 million containers in 2023, up "
                                     "six percent.")


def test_twenty_sixth_pass_a_wire_dateline_with_its_place_in_any_case_dates_the_page() -> None:
    """A release's dateline whose place is not in capitals, the wire's name between slashes after the date ('Beijing,
    October 21, 2021 / PRNewswire / – The Silk Road ...', an aggregator's one-line copy, exbulletin.com t753), dates
    the page (text.DATELINE_WIRE_RE); without the slashes a place and a date opening a sentence date nothing, and
    without its year neither."""
    text = ("Beijing, October 21, 2021 / PRNewswire / – The Silk Road Port International Cooperation Forum, one of "
            "the activities to mark China Maritime Day, opened Wednesday in the eastern Chinese city of Ningbo, "
            "Zhejiang Province.")
    assert parse_page(text, template="text").published == "2021-10-21"
    assert parse_page(text.replace("/ PRNewswire /", "the"), template="text").published is None
    assert parse_page(text.replace("October 21, 2021", "October 21"), template="text").published is None


def test_twenty_sixth_pass_a_line_without_a_letter_is_no_headline() -> None:
    """Template residue above a dateline ('} ?>' over '(Yicai Global) Jan. 17 -- ...', yicaiglobal.com t767) was
    taken for the title: a header line without a letter of any script heads nothing; the lead stands for the missing
    headline, and the residue stays out of the body."""
    text = ("} ?>\n(Yicai Global) Jan. 17 -- The world’s busiest cargo port, the Chinese port of Ningbo-Zhoushan, "
            "resumed operations on Jan. 14 after a partial lockdown lasting two weeks, analysts said.\n"
            "Goods can now be shipped out of Ningbo but foreign ports are still blocked as the pandemic continues.")
    article = parse_page(text, template="text")
    assert article.title is not None and article.title.startswith("(Yicai Global) Jan. 17")
    assert "} ?>" not in article.body and article.published is None


def test_twenty_sixth_pass_a_numeric_date_line_the_text_settles_dates_the_page() -> None:
    """A bare date line of three numbers whose day and month the line alone does not tell apart ('5 11 2016' under a
    blog post's headline, jlavision.wordpress.com t377, left by the twenty-fifth pass) dates the page when the text
    under it names one reading's month and day in words ('November 5, 6 AM, ...'); when the text names neither
    reading, or names both, it dates nothing (t067's 'China 01/09/2021' stays undated): no date is guessed."""
    text = ("Biking Before Breakfast\n\n5 11 2016\n\n"
            "November 5, 6 AM, 6 people, 70 degrees, 120 kilometers to go, pumped tires, fruit, boiled eggs, and "
            "excited anticipation.\n\nThus began our bike trip to Ningbo.")
    assert parse_page(text, template="text").published == "2016-11-05"
    assert parse_page(text.replace("November 5,", "On the fifth,"), template="text").published is None
    both = text.replace("Thus began", "On May 11 and November 5 we rode. Thus began")
    assert parse_page(both, template="text").published is None


def test_twenty_sixth_pass_a_headline_opening_with_a_short_numeric_date_dates_the_page() -> None:
    """A headline that opens with a month-day-year date in numbers with a two-digit year, its day above 12 ('09.13.22
    Client Advisory – Typhoon Updates for Shanghai and Ningbo', a forwarder's market letter, lgi.laufer.com t716, left
    by the twenty-fifth pass), dates the page; with both parts 12 or less ('09.12.22 ...') it dates nothing."""
    text = ("Market Letters\n\n09.13.22 Client Advisory – Typhoon Updates for Shanghai and Ningbo\n\n"
            "Another typhoon has prompted the ports of Shanghai and Ningbo to close for the second time in ten days. "
            "The storm arrives not long after last week’s Super Typhoon Hinnamnor.")
    article = parse_page(text, template="text")
    assert article.title == "09.13.22 Client Advisory – Typhoon Updates for Shanghai and Ningbo"
    assert article.published == "2022-09-13"
    assert parse_page(text.replace("09.13.22", "09.12.22"), template="text").published is None


def test_twenty_seventh_pass_a_category_archive_is_its_first_teaser() -> None:
    """A category archive of two teasers under a heading without a colon ('Category Off Campus', nottinghamchina.com
    t783): the heading was taken for the title and the second teaser stayed in the text. The heading is furniture
    (boilerplate.KEYWORDS_LINE); each teaser closes with WordPress's cut mark '[…]', so when the text's first block is
    such a teaser and a later block closes the same way, the page is the first teaser (text._later_cut_teasers)."""
    text = ("Category Off Campus\n\nYinzhou Incubator Incubation Park\n\n"
            "Brought to you by the Office of Redundancy Office and the Ningbo Government, I present the new Yinzhou "
            "Sci-Tech Incubation Incubator Park, located across the street from Nottingham University. The Incubator "
            "is on the left with the cranes. Cranes represent long life. I visited the management office recently "
            "along with the ever active Jessica He. […]\n\n\nTaxis in Ningbo\n\n"
            "There aren’t many. My average wait time is just over 19 minutes (n=37). On (regular) occasion I will wait "
            "nearly an hour. There are not a lot of taxis in Ningbo, especially near UNNC campus which is not “in "
            "town”.  Of the existing stock, taxi drivers are generally pretty courteous, work with your terrible "
            "Chinese, and […]")
    article = parse_page(text, template="text")
    assert article.title == "Yinzhou Incubator Incubation Park"
    assert "Taxis in Ningbo" not in article.body and article.body.startswith("Brought to you by")
    # one teaser mark only: an article quoting a passage cut with '[…]' keeps its text
    single = text.replace("Chinese, and […]", "Chinese, and patient.")
    assert "Taxis in Ningbo" in parse_page(single, template="text").body
    # two marks, but a sentence after the first: an article quoting passages, not an archive
    quoting = text.replace("Taxis in Ningbo", "The park's manager told us more about the plans for next year.")
    assert "There aren’t many" in parse_page(quoting, template="text").body


def test_twenty_seventh_pass_a_tag_reader_s_word_counts_close_its_teasers() -> None:
    """WordPress.com's tag reader ('Tags » Ningbo', en.wordpress.com t799) prints teasers of several blogs, each
    closed by a count of the words left ('... 1,325 more words'): the page is its first teaser, the later ones go
    (text._later_cut_teasers)."""
    text = ("Tags » Ningbo\n\nKTV, Cold Beer and Flash Flooding...\n\n"
            "Most people do not know the names of smaller places in a country that has a lot of the words population "
            "residing in it! This was what we felt when we were telling people back home that we were going to "
            "Hangzhou for the weekend! 1,325 more words\n\nIt takes 3 weeks to find Chinese friends...\n\n"
            "I have been finding it hard to find time to write my blog/ find interesting things to say day to day.\n\n"
            "This weekend was most probably the best weather we have had, you could actually see the blue skies which "
            "is very unusual in a smog filled China. 1,086 more words\n\n"
            "An art historian out and about in China: of visiting Ningbo.")
    article = parse_page(text, template="text")
    assert article.title == "KTV, Cold Beer and Flash Flooding..."
    assert article.body.endswith("for the weekend! 1,325 more words")


def test_twenty_seventh_pass_a_key_figure_line_is_no_headline_and_stays_in_the_text() -> None:
    """A stock page's header ('Bank of Ningbo Co., Ltd.' / 'XSEC:002142 Stock Report' / 'Market Cap: CN¥176.7b' over
    the heading 'Bank of Ningbo Past Earnings Performance', simplywall.st t795; tune_sites s187 has the same): the
    code line was taken for the title. It is furniture (boilerplate.SITE_WIDGETS); a key figure's line, a label and one
    amount with its currency or unit (text.KEY_FIGURE_RE), is never the headline and stays in the text with its
    figure. A bare number is no amount ('Line Number: 341', a PHP error's, t346)."""
    text = ("Bank of Ningbo Co., Ltd.\n\nXSEC:002142 Stock Report\n\nMarket Cap: CN¥176.7b\n\n"
            "Bank of Ningbo Past Earnings Performance\n\nPast criteria checks 4/6\n\n"
            "Bank of Ningbo has been growing earnings at an average annual rate of 15.9%, while the Banks industry saw "
            "earnings growing at 9.7% annually. Revenues have been growing at an average rate of 15.3% per year.")
    article = parse_page(text, template="text")
    assert article.title == "Bank of Ningbo Past Earnings Performance"
    assert article.body.startswith("Market Cap: CN¥176.7b") and "XSEC" not in article.body
    assert any(metric.value == 176.7e9 and metric.unit == "CNY" for metric in article.metrics)
    from transforms.templates.text import KEY_FIGURE_RE

    assert KEY_FIGURE_RE.match("Line Number: 341") is None
    assert KEY_FIGURE_RE.match("Ningbo: GDP up 7% in 2019") is None


def test_twenty_seventh_pass_a_closing_release_credit_dates_the_page() -> None:
    """A one-paragraph repost without a headline closed by the release it copies and its date ('CAS news release,
    November 9, 2016', window-to-china.eu t792): the line is furniture (boilerplate.RELEASE_CREDIT) and dates the page
    (text.closing_date) without the URL's help; a sentence naming a release's date is no credit line."""
    text = ("According to Zhongxue GAN, Dean of Ningbo Institute of Intelligent Manufacturing Industries, industrial "
            "robots in China will soon be developed into two-armed robots with online-sensing intelligence and some AI "
            "during the Made in China 2025″ program.\n\nCAS news release, November 9, 2016")
    article = parse_page(text, template="text")
    assert article.published == "2016-11-09" and "CAS news release" not in article.body
    from transforms.templates.text import RELEASE_CREDIT_RE, closing_date

    assert RELEASE_CREDIT_RE.match("The CAS news release of November 9, 2016 said so.") is None
    assert closing_date(["The text.", "", "The CAS news release of November 9, 2016 said so."]) is None


def test_twenty_seventh_pass_menu_bars_closed_by_a_bar_head_nothing() -> None:
    """A video page's menu over its lead, split over three lines, the icons mis-decoded as '?' ('Videos | ? Latest |' /
    '|' / '? Feature | ? Sports | ? Your Videos |', formacion-profesional-a-distancia.com t779): the first line was
    taken for the title and the third stayed in the text. A bar closing the line marks a menu of two items already;
    with only menu bars and letterless lines above it, the lead stands for the missing headline and the menu goes."""
    text = ("Videos | ? Latest |\n|\n? Feature | ? Sports | ? Your Videos |\n"
            "China's oldest private library has entered the digital age. Tianyige, in the western part of Ningbo city "
            "of east China's Zhejiang Province, boasts a collection of rare books and documents that dates back to the "
            "11th century.\nNow, the nearly 30,000 volumes of ancient books are only a click away from curious readers.")
    article = parse_page(text, template="text")
    assert article.title is not None and article.title.startswith("China's oldest private library")
    assert "Feature" not in article.body
    from transforms.templates.text import _is_menu_bar

    assert _is_menu_bar("Videos | ? Latest |") and not _is_menu_bar("Ningbo port | Shipping news")


def test_twenty_seventh_pass_a_related_box_of_cut_teasers_closes_no_text() -> None:
    """LiveJournal's related entries under a post ('• An interesting comment from a student' over 'One of the things
    ... It was…', two more, the last teaser cut by the excerpt: jamiebowen0306.livejournal.com t782) stayed in the
    text: bulleted headlines each over a teaser closed by a cut mark, two at least, are a related box
    (text._drop_related_teasers); a bulleted list of the text's own points is not."""
    post = ("I hate travelling from Ningbo\n\n"
            "Ningbo is a big city. Depending on how you count it, it's got up to 7 million people living there. So "
            "it's big enough to have a decent airport, where you can fly places, or it would be in the west.\n\n"
            "I know I could go to Hangzhou or Shanghai and get a flight from there. So all in all, I'm feeling blah.\n"
            "Tags: home, travel\n\n")
    box = ("  • An interesting comment from a student\n\n    One of the things I've got to teach at the moment is DNA "
           "in my Senior Year class, and I had the students brainstorm what they knew about DNA. It was…\n\n"
           "  • Shanghai taxi drivers aren't good either\n\n    I complained a while ago about Ningbo taxi drivers, "
           "saying they didn't know their ar** from a hole in the wall when it comes to finding where I live.…\n\n"
           "  • I hate.....\n\n    working in the run u")
    article = parse_page(post + box, template="text")
    assert article.body.endswith("I'm feeling blah.") and "taxi drivers" not in article.body
    points = ("  • Ningbo has two airports nearby.\n\n    Both have direct flights to Beijing.\n\n"
              "  • Trains take two hours.\n\n    They leave every hour.")
    assert "Trains take two hours." in parse_page(post + points, template="text").body


def test_twenty_seventh_pass_the_headline_with_its_read_more_link_is_no_text() -> None:
    """An author archive of one teaser (emsstrom.com t804, gathered after the pass's first rules) closes with the
    headline again and the continuation link glued after it ('First Container Ship Sets Sail on “Polar Silk Road” Read
    More »'): the teaser's link, not text (text._is_title_link); a sentence opening with the headline's words stays."""
    text = ("First Container Ship Sets Sail on “Polar Silk Road”\n"
            "China Daily reports that Ningbo-Zhoushan Port has launched the world’s first China-Europe Arctic Express, "
            "realizing China’s “Polar Silk Road” vision.On Monday, the container vessel Istanbul Bridge departed from "
            "Beiyi Container Terminal for Felixstowe…\n"
            "First Container Ship Sets Sail on “Polar Silk Road” Read More »")
    article = parse_page(text, template="text")
    assert article.title == "First Container Ship Sets Sail on “Polar Silk Road”"
    assert "Read More" not in article.body and article.body.startswith("China Daily reports")
    sentence = text.replace("Read More »", "from Ningbo, the port said on Monday.")
    assert "the port said on Monday" in parse_page(sentence, template="text").body


# The twenty-eighth tune_other pass (t806-t828): job and scholarship listings, Chinese date lines, a label archive.
LABEL_ARCHIVE_TEXT = """Showing posts with label Ningbo. Show all posts
Showing posts with label Ningbo. Show all posts

Thursday, 11 December 2008

Ningbo

View over Moon Lake

More Moon Lake


Gardens around Moon Lake


Tianyi Square Ningbo.



Ningbo is a wonderful place - both times I have been I have enjoyed it. From the railway station we go across the road to a hotel for coffee (and the Western toilet). Not far from the hotel is the Moon Lake, and it is a wonderful walk along the side of the lake through beautiful gardens, littered with pavilions."""  # http://theadventurelady.blogspot.com/search/label/Ningbo (t817, shortened)


def test_twenty_eighth_pass_a_label_archive_opens_with_a_day_heading_over_the_headline() -> None:
    """Blogger's archive notice ('Showing posts with label Ningbo. Show all posts', boilerplate.PAGE_BOXES) is
    furniture; the day heading under it opens the page, and the short line under that is the post's headline
    however short ('Ningbo' over its photo captions, text._title_under_opening_day); a theme's top-bar date over the
    site's glued bar in the same block (www.shippingherald.com t415) heads no headline."""
    article = parse_page(LABEL_ARCHIVE_TEXT, template="text")
    assert article.title == "Ningbo" and article.published == "2008-12-11"
    assert "Show all posts" not in article.body
    assert article.body.startswith("View over Moon Lake")
    glued = LABEL_ARCHIVE_TEXT.replace("2008\n\nNingbo", "2008\nHomeHeadlinesNingbo")
    assert parse_page(glued, template="text").title != "HomeHeadlinesNingbo"


def test_twenty_eighth_pass_a_place_line_under_the_headline_is_no_text() -> None:
    """A listing's location tag under the headline ('Ningbo, China' under an attraction's name, china-travel-guide.net
    t825 and t367; 'Ningbo City, Zhejiang Province' under a school's name, t808) is no text (text.PLACE_LINE_RE); a
    line naming places in a sentence, or a place line further down, stays."""
    text = ("Ningbo Museum\n\nNingbo, China\n\nLocated on the Shounam Middle Road, opened in 2008, Ningbo Museum is one "
            "of the must-see places for all those visiting Ningbo. Peculiar museum building is a unique example of "
            "extraordinary contemporary, unique and striking Chinese architecture.\n\nOther Attractions In Ningbo")
    article = parse_page(text, template="text")
    assert article.title == "Ningbo Museum" and article.body.startswith("Located on the Shounam")
    school = text.replace("Ningbo Museum\n\nNingbo, China", "Ningbo College of Health Sciences (Zhejiang)\n\n"
                          "Ningbo City, Zhejiang Province")
    assert parse_page(school, template="text").body.startswith("Located on the Shounam")
    sentence = text.replace("Ningbo, China\n", "Ningbo, a port city in Zhejiang, China.\n")
    assert parse_page(sentence, template="text").body.startswith("Ningbo, a port city")
    later = text.replace("Ningbo, China\n\nLocated", "Located") + "\n\nNingbo, China"
    assert parse_page(later, template="text").body.endswith("Ningbo, China")


NOTICE_TEXT = "The People's Republic of China Ningbo Customs Notice (2009 No. 12)\n\nThe People's Republic of China Ningbo Customs Notice (2009 No. 12)\n\nIn order to optimize customs supervision and services, improve customs clearance efficiency, according to \"The People's Republic of China Customs Law,\" \"The People's Republic of China customs supervision and workplace management approach\" (Customs Administration Order No. 171) and other relevant legal and regulatory requirements, combined with the practical Ningbo Port , Ningbo Customs decided to October 21, 2009, the second of the Ningbo Port Beilun Container Terminal Company Limited (hereinafter referred to as: 3 terminals) to provide supervision of the implementation of bayonet. Related matters now announced as follows:\n\n1, 3 terminal mount the container to establish transit dedicated lanes, empty cars, and bulk cargo dedicated lanes.\n\nBased on the actual loading of vehicles to choose the appropriate dedicated channel access port.\n\nTwo, three terminals mount buffer zone set up a \"customs inspection seal area\" and \"Customs Shi Feng zone\" turn off all export containers into the bayonet should be subject \"Customs inspection seal zone\" to accept FENG Zhi-auditing. All imports transit containers should be out of cards before the \"Customs Shi Feng zone\" imposed by seals (formerly three terminal switch closure Shih HTC yards to the business since October 21, 2009 cease implementation).\n\n3, the relevant enterprises should comply with bayonet regulations, vehicles must be subordinate to mount and guide the staff, pay attention to traffic safety, and consciously safeguard the order bayonet.\n\nBusiness Consulting Tel :0574-89090864.\n\nIs hereby announced.\n\nOctober 20, 2009"  # www.sourcejuice.com (t818, its PHP warning line aside)


def test_twenty_eighth_pass_a_notice_closes_with_its_signing_date() -> None:
    """A customs notice closing with its formula and its signing date alone ('Is hereby announced.' / 'October 20,
    2009', www.sourcejuice.com t818) is dated by that line (text.closing_date, NOTICE_CLOSINGS) before the date in its
    URL (the posting day after it); a date line under a sentence of the text leaves the URL's date."""
    url = "http://www.sourcejuice.com/1267418/2009/10/21/People-Republic-China-Ningbo-Customs-Notice-2009-12/"
    text = NOTICE_TEXT
    article = parse_page(text, url=url, template="text")
    assert article.published == "2009-10-20" and "October 20, 2009" not in article.body
    sentence = text.replace("Is hereby announced.", "The terminals will announce the lanes before the rule starts.")
    assert parse_page(sentence, url=url, template="text").published == "2009-10-21"


def test_thirtieth_pass_an_ordinal_day_with_a_comma_and_a_chinese_posted_on_date_the_page() -> None:
    """A maker's news item dated by an ordinal day with a comma under its headline ('17th, February 2020',
    www.lxtelecom.com t851) and an English post under a Chinese 'posted on' line ('发表于 2018-06-06 10:54',
    www.sunmmit.com t867) are dated by those lines, which leave the text; '发表于' inside a sentence dates nothing."""
    text = ("Home Products Solutions Support News Contact Quote List\nHome - News - Latest News\n\nWe are open now\n\n\n"
            "17th, February 2020\n\nWe are pleased to inform you that LongXing has been approved by the government to "
            "reopen the factory after the delayed opening due to the coronavirus outbreak. \nHowever, due to the "
            "restrictions for people movement from city to city are still in force for many places of China, only the "
            "local staff can return to work immediately while most of LongXing’s factory workers are from outside of "
            "Ningbo.")
    article = parse_page(text, url="https://www.lxtelecom.com/we-are-open-now.html", template="text")
    assert article.published == "2020-02-17" and "17th, February 2020" not in article.body
    assert article.title == "We are open now"
    post = ("发表于 2018-06-06 10:54\n\nI have been blessed to have seen many parts of China while I have lived here. "
            "Fenghua - Xikou in Zhejiang province is one of those beautiful places.Friday after I finished work I "
            "quickly rushed to the train station to catch the high speed train to Shanghai from Changzhou. Once In "
            "Shanghai I had a quick change of trains to Ningbo station and then finally a taxi to my hotel in Fenghua.")
    article = parse_page(post, url="http://www.sunmmit.com/blrly/687.html", template="text")
    assert article.published == "2018-06-06" and "发表于" not in article.body
    sentence = post.replace("发表于 2018-06-06 10:54", "The post 发表于 2018-06-06 10:54 on the travel forum was read.")
    assert parse_page(sentence, url="http://www.sunmmit.com/blrly/687.html", template="text").published is None


ZHENHAI_WIKI = "Zhenhai District\n\nFrom Wikipedia, the free encyclopedia\nJump to: navigation, search\nClockwise from the top: Zhaobao Hill, Zhenhai Harbor Area, Anyuan Fort, Ningbobang Museum, Zhenhai Skyline\nClockwise from the top: Zhaobao Hill, Zhenhai Harbor Area, Anyuan Fort, Ningbobang Museum, Zhenhai Skyline\nZhenhai District in Ningbo Municipality\nZhenhai District in Ningbo Municipality\nNingbo Municipality in China\nNingbo Municipality in China\nCountry China\nProvince Zhejiang\nPrefecture Ningbo\nTime zone China Standard (UTC+8)\nWebsite www.zh.gov.cn\n\nZhenhai (simplified Chinese: 镇海区; traditional Chinese: 鎮海區; pinyin: Zhènhǎi Qū; Wade–Giles: Chen-Hai; Wu: Tzen-he Chiu) is a district of Ningbo prefecture-level city, Zhejiang, and also a town within that district. Located at the mouth of the Yong River 12 miles (19 km) north-east of Ningbo proper, the town of Zhenhai lies at the foot of Zhaobao Hill on a tongue of land. It is partly protected from the sea to the north by a dike about 3 miles (4.8 km) long, composed entirely of large blocks of granite.[1]\n\nThe Zhenhai district has a population of 200,0"  # en.wikipedia.org (t864)
XIKOU_POST = "发表于 2018-06-06 10:54\n\nI have been blessed to have seen many parts of China while I have lived here. Fenghua - Xikou in Zhejiang province is one of those beautiful places.Friday after I finished work I quickly rushed to the train station to catch the high speed train to Shanghai from Changzhou. Once In Shanghai I had a quick change of trains to Ningbo station and then finally a taxi to my hotel in Fenghua. Arriving at 11pm I was welcome into the well decorated Siji Qingteng Garden Hotel (Ningbo Xikou). After a few minutes I was checked in and ushered to my room on the third floor.\n\n图片 1\n\n图片 2\n\n图片 3\n\nThe next morning after a good nights rest and a traditional breakfast we met up with the group and set off for our first destination just down the street at Chiang Kai-shek’s former residence. The first stop was in front of the performance hall where they had performers singing and posing for pictures with all the tourists while promoting for the evenings show. Once done watching the perform"  # www.sunmmit.com (t867)


def test_thirtieth_pass_the_line_above_wikipedias_tagline_is_the_headline() -> None:
    """Wikipedia's older layout (t864) prints the article's name, then 'From Wikipedia, the free encyclopedia' and
    the infobox, whose long caption dwarfs the name: the tagline is furniture and the line above it the headline
    (text._above_encyclopedia_tagline); a user's page ('User:Eckhard Goessl', t473's layout) keeps its own heading."""
    article = parse_page(ZHENHAI_WIKI, url="https://en.wikipedia.org/wiki/Zhenhai_District", template="text")
    assert article.title == "Zhenhai District" and "free encyclopedia" not in article.body
    assert article.body.startswith("Country China")  # (the montage caption, .172, and the map's labels, .174, furniture)
    user = ("Jump to content\n\nUser:Eckhard Goessl\n\nFrom Wikipedia, the free encyclopedia\n(Redirected from "
            "User:NingboExpat)\n\nLooking back at 5 years of expat Net-WORKING\n\nLooking back today at the last 6 "
            "years and summing up some of the activates and events done here in Ningbo, it looks like a peace of "
            "history to me. But how little it is, considering the history of China in 5000 of Ningbo.")
    assert parse_page(user, template="text").title == "Looking back at 5 years of expat Net-WORKING"


def test_thirtieth_pass_an_infobox_s_map_labels_printed_twice_are_furniture() -> None:
    """Wikipedia's locator map labels its place and area, each label printed twice in a row ('Zhenhai District in
    Ningbo Municipality', 'Ningbo Municipality in China', t864; tune_sites s197's 'Ningbo in Zhejiang province'):
    both copies leave the text (text._blank_map_labels); such a line printed once stays."""
    article = parse_page(ZHENHAI_WIKI, url="https://en.wikipedia.org/wiki/Zhenhai_District", template="text")
    assert "Municipality in China" not in article.body and "in Ningbo Municipality" not in article.body
    once = ZHENHAI_WIKI.replace("Ningbo Municipality in China\nNingbo Municipality in China\n",
                                "Ningbo Municipality in China\n")
    assert "Ningbo Municipality in China" in parse_page(once, template="text").body


def test_thirtieth_pass_a_paragraph_over_a_picture_placeholder_leads_the_body() -> None:
    """An English post under a Chinese 'posted on' line whose first paragraph is followed by numbered picture
    placeholders ('图片 1', '图片 2', '图片 3', t867): the placeholders are furniture (boilerplate.IMAGE_FILE) and the
    paragraph above them still leads the body, not a widget's text dropped with the header."""
    article = parse_page(XIKOU_POST, url="http://www.sunmmit.com/blrly/687.html", template="text")
    assert article.body.startswith("I have been blessed to have seen many parts of China")
    assert "图片" not in article.body and article.published == "2018-06-06"


def test_thirtieth_pass_a_motto_in_quotation_marks_is_no_headline() -> None:
    """A travel blog's category page opens with its motto set wholly in quotation marks, a full stop after them, over
    'Category: China' and the first teaser's headline (leightontravels.com t860): the motto is not the headline
    (text.QUOTED_MOTTO_RE); a headline that only opens with a quoted phrase still is."""
    text = "\"Short stories and travel reports from my life adventures around the globe\".\n\nCategory: China\n\nTravel Report: Beijian Bridge, Taishun County.\n\nBeijian Bridge Taishun County. November 2017. Located in Sixi Town, Beijian Bridge is one of Taishun County’s most picturesque spots. Initially camouflaged by a stupendous one thousand year old camphor tree, you’ll need to make your way to the start of the lake’s stepping-stones before the bridge fully reveals itself. Perched eleven meters above water […]\n\nRead More\n\nTravel Report: Bao Family Ancestral Hall, Taishun County.\n\nNovember 2017. “Where are we going next?” I asked, more than a little intrigued by the Magical Mystery Tour feel of the day. “Bao Family Ancestral Hall” replied Amy, running her finger across the little map we’d picked up from the hotel. “IF I can find it”.  We’d just finished checking out the atmospheric Nanyang Bridge […]\n\nRead More\n\nTravel Report: Cool Spots Around Ningbo.\n\nCool Spots Around Ningbo. August 2017. There’s no doubting what a clean, handsome and highly walkable city Ningbo is. Wherever you find yourself in the centre, it won’t be too long until you catch sight of the soaring Drum Tower poking above the trees and low-rise buildings. Dating back to the Tang Dynasty, this is the […]\n\nRead More\n\nTravel Report: Zhongshan Square, Ningbo.\n\nZhongshan Square, Ningbo. August 2017. We were walking down the atmospheric Gongyuan Lu shopping street when I saw the entrance gates to a leafy square at the end of the road. Strolling in, we suddenly found ourselves among a hundred or so local pensioners. The atmosphere was joyous, with live traditional Chinese music drifting across the clustered […]\n\nRead More\n\nTravel Report: Tianyi Square, Ningbo.\n\nAugust 2017. Are you into branded clothing, luxury accessories and being followed around by over-attentive sales clerks desperate for your money? Then no doubt Tianyi Square will be pushing for top spot on your Ningbo to-do"
    assert parse_page(text, template="text").title == "Travel Report: Beijian Bridge, Taishun County."
    quoted = "\"Walkin’ With Buddha\" at Ningbo’s Temples\n\n" + text.split("\n\n", 1)[1].split("Category: China\n\n")[1]
    assert parse_page(quoted, template="text").title == "\"Walkin’ With Buddha\" at Ningbo’s Temples"


FREIGHT_INDEX = "Weekly composite index covering 20ft, 40ft and Hi Cube box rates says an article published in Baltic Exchange.\nNingbo Shipping Exchange\nRoute | 2022-3-11 | 2022-3-4 | Weekly change (%) |\nNingbo – Europe | 4877.79 | 5337.42 | -8.61 |\nNingbo – West Mediterranean | 5286.78 | 5475.51 | -3.45 |\nNingbo – East Mediterranean | 4236.50 | 4434.75 | -4.47 |\nNingbo – Middle East | 2736.37 | 3057.76 | -10.51 |\nThe weeklyNingbo Containerised Freight Index is compiled by the Ningbo Shipping Exchange and promoted by the Baltic Exchange.\nThe index is reported every Friday (except Chinese holidays) at 1600 (Beijing).\nRoute | Port Served |\nNingbo – Europe | Hamburg & Rotterdam |\nNingbo – West Mediterranean | Barcelona, Valencia & Genoa |\nNingbo – East Mediterranean | Piraeus & Istanbul |\nNingbo – Middle East | Dammam & Dubai |\nThe Ningbo Containerised Freight Index is based on transactional data submitted by:\n- CCL Logistics Co\n- Headwin Logistics Co., Ltd\n- Ningbo E-Union Group of China\n- Zhejiang Xinggang International Freight Co., Ltd\n- Perfectever Logistics (Ningbo) Co., Ltd\n- Ningbo Jet Express International Freight Forwarding Co., Ltd\n- Dashing International Logistics\n- Huanji International\n- De Well Group\n- Whale Logistics Co., Ltd\n- Sinotrans Ningbo Logistics Co., Ltd\nSurcharges included in the total ocean freight reported:\n- Bunker adjustment factor/ fuel adjustment factor/ low sulphur surcharge\n- Emergency bunker surcharge/ emergency bunker additional\n- Currency adjustment factor/ Yen applica surcharge\n- Peak season surcharge\n- War risk surcharge\n- Port congestion surcharge\n- Suez Canal transit fee/surcharge/ Suez Canal fee/ Panama Canal surcharge/ Panama Canal charge\nSurcharges not included in the total ocean freight reported:\n- Terminal operation fee\n- Security charge\n- Origin received charges\n- Inland point intermodal\n- Booking fee\n- Customs clearance\nDid you subscribe to our daily newsletter?\nIt’s Free! Click here to Subscribe!\nSource: Baltic Exchange"  # mfame.guru (t858)


def test_thirtieth_pass_a_page_of_tables_and_lists_is_english() -> None:
    """A freight index's page (t858): two pipe tables whose rows close with their bar, then dash lists of contributors
    and surcharges (noun phrases: 26 function words in 241) was refused as "und"; a page whose lines are mostly table
    rows or list items is English at the tables' share (textutil.english_table, TABLE_ROW_OPENERS), and the plug's
    lines under it are furniture. A German page with a list stays refused."""
    found = parse_page(FREIGHT_INDEX, url="https://mfame.guru/ningbo-containerised-freight-index-49", template="text")
    assert found.language == "en" and "Route | Port Served |" in found.body
    assert "newsletter" not in found.body and "Subscribe" not in found.body
    german = ("Startseite\n\nGute Nachrichten kamen gestern vom Marktaufsichtsamt von Ningbo: Ningbo gewann 10 Preise."
              "\n- Preise der Stadt\n- Preise der Provinz\n- Preise des Landes")
    with pytest.raises(NotAnArticle):
        parse_page(german, url="https://www.example.de/a", template="text")


def test_twenty_eighth_pass_a_heading_printed_twice_above_a_profile_is_the_headline() -> None:
    """A China Daily museum profile (t827) prints its heading twice, apart, around the share bar, over 'Address:' and
    'Hours:' lines that dwarf it: the line printed twice is the headline (text._printed_twice_above); a menu's item
    said again as the section's name, in a block of menu lines, is not (t813's layout)."""
    text = ("govt.chinadaily.com.cn\n\nMuseums\n\nNingbo Museum\n\ngovt.chinadaily.com.cn Print\nShare - WeChat\n\n"
            "Ningbo Museum\n宁波博物馆\n\n"
            "Address: 1000 Middle Shounan Street, Yinshou district, Ningbo, Zhejiang province\n"
            "Hours: 9:00-17:00(no entry after 16:00)\nClosed Mondays (except for national holidays)\n\n"
            "Wang Shu, the first Chinese winner of the Pritzker Architecture Prize, is a name that cannot be ignored "
            "when talking about Chinese modern architectural history.")
    assert parse_page(text, template="text").title == "Ningbo Museum"
    menu = ("HomeAbout schoolClubsMapCalendarAlumniFaqOfficesProcedures\n Latest News \n Student Affairs Post \n"
            " Teaching Affairs post \nStudent Affairs Post\n您的位置: Home>Student Affairs Post>正文\n\n"
            "How to Win a Scholarship\n\n时间:[2016-12-01]  来源:\n\nHow to Win a Scholarship?\n\n\nStep 1. The "
            "International College or the Business School publishes the notice of scholarship application on the "
            "English website or Wechat posts.")
    assert parse_page(menu, template="text").title == "How to Win a Scholarship"


def test_twenty_eighth_pass_a_last_updated_stamp_under_a_profile_dates_it() -> None:
    """A 'Last Updated:' stamp under a profile's text, the only date it states for itself ('Last Updated: Dec 14,
    2018' over China Daily's copyright line, on a copy under a 2020/04/08 URL, t827), dates the page before its URL
    (text.UNDER_STAMP_RE); two such stamps (a list's) date nothing."""
    url = "https://www.chinadaily.com.cn/a/202004/08/WS5e8d8d46a310aeaeeed50d2a.html"
    text = ("Ningbo Museum\n\nWang Shu, the first Chinese winner of the Pritzker Architecture Prize, is a name that cannot "
            "be ignored when talking about Chinese modern architectural history. As a professor in China Academy of Art "
            "in Hangzhou, Wang has created numerous masterpieces in Zhejiang province, including the Ningbo Museum.\n\n"
            "Last Updated: Dec 14, 2018\n\nCopyright©2024 China Daily. All rights reserved.")
    assert parse_page(text, url=url, template="text").published == "2018-12-14"
    listed = text.replace("Last Updated: Dec 14, 2018", "Last Updated: Dec 14, 2018\n\nLast Updated: Jan 3, 2019")
    assert parse_page(listed, url=url, template="text").published == "2020-04-08"


def test_twenty_eighth_pass_a_menu_set_out_by_spaces_is_no_headline() -> None:
    """A header menu set out by runs of spaces ('zhejiang   Hangzhou    Suzhou ...' under a tour agency's headline,
    www.chinauniquetour.com t829, gathered after the pass's first rules) is blanked before the text template collapses
    its spaces (text._blank_spaced_menus): the headline it dwarfed is the title. Under the first paragraph (a table's
    heading row), with fewer items (a form's 'City  Ningbo Zhejiang') or in a block of menu lines (t700's layout, see
    the twenty-fourth pass's test) such lines stay."""
    lead = ("Ningbo is called Yong for short, Ningbo locates on the beach of East China Sea in our country, in the middle "
            "of the continent's coast line, in the south of the delta of Changjiang River.")
    text = ("Home>>>City Guide>>>>Attraction>>>>Hangzhou\n\nNingbo Overview\n\n"
            "zhejiang   Hangzhou    Suzhou     Jinhua  Jiaxing   Wenzhou\n\n" + lead)
    article = parse_page(text, template="text")
    assert article.title == "Ningbo Overview" and "Suzhou" not in article.body
    row = "Item   Unit   Amount   Share"
    assert row.replace("   ", " ") in parse_page(text + "\n\n" + row + "\n\nGDP   yuan   100   60%", template="text").body
    form = text.replace("zhejiang   Hangzhou    Suzhou     Jinhua  Jiaxing   Wenzhou", "City  Ningbo Zhejiang")
    assert "City Ningbo Zhejiang" in parse_page(form, template="text").body
    once = SINOWAY_TEXT.replace("enlarge   reduce\nTiantong Temple", "enlarge   reduce")
    assert parse_page(once).title == "Ningbo Attractions"


# The twenty-fourth tune_sites pass (metrics24, s280-s289): three header lines over the text, as on the pages.
GATEWAY_FONT_TEXT = """You are here:   Home

China expands cross-border e-commerce pilot zones to 12 cities

Xinhua, January 15, 2016 Adjust font size:

China will set up 12 more pilot zones for cross-border e-commerce, the State Council said on Friday."""  # s280's head
MIRROR_STAMP_TEXT = """Home >

Ningbo'S "12Th Five-Year" Will Upgrade The Development Of Textile And Garment Industry

2011/10/13 10:42:00 36

Recently, the Ningbo city's action plan to accelerate industrial upgrading shows that in 12th Five-Year, Ningbo will vigorously implement the industrial "4+4+4" industrial upgrading project."""  # s281's head, its view count after the time
REPOST_BYLINE_TEXT = """Growing Ningbo luring world-class talent

Posted by freemexy on February 27th, 2019

In 2005, 29-year-old Wang Hong was a third year graduate student at Fujian Medical University in Fuzhou, southern China’s Fujian Province."""  # s283's head


@pytest.mark.parametrize(("text", "title", "published", "first_words", "chrome"), [
    # an agency and the date before "Adjust font size:" (boilerplate.TEXT_SIZE)
    (GATEWAY_FONT_TEXT, "China expands cross-border e-commerce pilot zones to 12 cities", "2016-01-15",
     "China will set up", ["Adjust font size", "Xinhua, January"]),
    # a view count after a space behind the seconds (boilerplate.DATE_LINE)
    (MIRROR_STAMP_TEXT, "Ningbo'S \"12Th Five-Year\" Will Upgrade The Development Of Textile And Garment Industry",
     "2011-10-13", "Recently, the Ningbo city's", ["10:42:00"]),
    # "Posted by", the name and "on" the date (boilerplate.DATE_BYLINE)
    (REPOST_BYLINE_TEXT, "Growing Ningbo luring world-class talent", "2019-02-27", "In 2005, 29-year-old",
     ["Posted by", "freemexy"]),
])
def test_twenty_fourth_tune_sites_pass_header_lines(
        text: str, title: str, published: str | None, first_words: str, chrome: list[str]) -> None:
    _assert_text_page(text, title, published, first_words, chrome)


TIANYI_TAGGED = "A beautiful example of traditional Chinese architecture and landscaping, Tian Yi Ge, in my view, is one of the most stellar places to visit in China. Combine it with a trip to the restored Go Lou shopping area and Moon Lake Park, and you have the perfect itinerary for a late afternoon or early evening stroll while you are in Ningbo.\n\nImage credits: Leon Kaye\n\nTian Yi Ge, China, architecture, Ningbo, travel, Leon Kaye\n\nA landscaper's dream\n\nTian Yi Ge, China, architecture, Ningbo, travel, Leon Kaye\n\nYou can get lost wandering through this ancient library\n\nTian Yi Ge, China, architecture, Ningbo, travel, Leon Kaye\n\nThe verdant grounds offer a nice break from Ningbo's bustle\n\nTian Yi Ge, China, architecture, Ningbo, travel, Leon Kaye\n\nStrike a pose with one of the many statues that are centuries old\n\nTian Yi Ge, China, architecture, Ningbo, travel, Leon Kaye\n\nEven on a cloudy day the buildings at Tian Yi Ge are spectacular"
XIKOU_HUB = "Hubbry Logo\nXikouXikouMain\nOpen search\nXikou\nCommunity hub\nXikou\nlogo\n8 pages, 0 posts\n0 subscribers\nBe the first to start a discussion here.\nBe the first to start a discussion here.\nXikou\nXikou\nfrom Wikipedia\n\nKey Information\n\nXikou\n(the town when Fenghua was a county)\nChinese溪口\nPostalChikow/Hsikow/Kikow\nTranscriptions\nStandard Mandarin\nHanyu PinyinXīkǒu\nWade–GilesHsi1-k'ou3\n\nXikou[2] (simplified Chinese: 溪口镇; traditional Chinese: 溪口鎮; pinyin: Xīkǒu Zhèn; Wade–Giles: Hsi1-k'ou3 Chen4) is a town of 84,000 in northeastern Zhejiang province, People's Republic of China. It is located 39 kilometers (24 mi) west of Ningbo and covers 381 square kilometers (147 sq mi). It is under the administration of Fenghua District, and is the birthplace and ancestral home [zh] of the former President of the Republic of China Chiang Kai-shek.[3][4] Mao Fumei, divorced wife of ROC President Chiang Kai-shek and mother of ROC President Chiang Ching-kuo, was killed during the Japanese bombing of Xikou on December 12, 1939.\n\nReferences\n\n[edit]\nRevisions and contributorsEdit on WikipediaRead on Wikipedia\nfrom Grokipedia\nXikou is a historic town situated at the foot of Siming Mountain in Fenghua District, Municipality, Province, . It serves as the ancestral home and birthplace of , the military and political leader who headed the party and presided over the Republic of government for much of the 20th century. The town's significance stems primarily from its association with Chiang's family compounds, including his childhood residence and later retreats, which have been preserved as historical sites offering insights into his early life and the socio-political environment of Republican-era . Beyond its historical ties, Xikou forms part of the expansive Xikou-Tengtou Scenic Area, designated a national 5A-level , encompassing rugged mountainous terrain, Xuedou Mountain with its ancient temples, cascading waterfalls, and ecological villages that draw visitors for natu"


def test_thirty_second_pass_a_picture_tag_line_printed_again_and_again_is_furniture() -> None:
    """A travel post prints the same tag line under each of its pictures, over the picture's caption ('Tian Yi Ge,
    China, architecture, Ningbo, travel, Leon Kaye' five times, greengopost.com t896): every copy leaves the text
    (text._blank_tag_lines), the captions stay; such a line printed once, or a sentence's commas, stay."""
    body = parse_page(TIANYI_TAGGED, template="text").body
    assert "Leon Kaye" not in body.replace("Image credits: Leon Kaye", "") and "A landscaper's dream" in body
    tag = "Tian Yi Ge, China, architecture, Ningbo, travel, Leon Kaye"
    once = TIANYI_TAGGED.replace(tag + "\n", "", 4)
    assert once.count(tag) == 1 and tag in parse_page(once, template="text").body


def test_thirty_second_pass_glued_tab_labels_and_a_hub_header_are_no_headline() -> None:
    """A 'community hub' wrapping a Wikipedia article opens with its logo's name, its tab labels glued into one word
    ('XikouXikouMain'), a search button, counters and a discussion prompt (www.hubbry.com t912): the glued labels are
    no headline (text.GLUED_TABS_RE), 'Open search', 'logo' and the prompt are furniture, and the article's name
    under them is the title; cut before its Grokipedia text, the page's header ends at its lead, and the line above the
    mirror's bare 'from Wikipedia' label is the headline (text.ENCYCLOPEDIA_TAGLINE_RE), not the hub's counters."""
    article = parse_page(XIKOU_HUB, url="https://www.hubbry.com/Xikou", template="text")
    assert article.title == "Xikou"
    assert "Open search" not in article.body and "Be the first to start" not in article.body
    assert parse_page(XIKOU_HUB.split("\nReferences")[0], template="text").title == "Xikou"


WECO_TOUR = "Team tour in Ninghai on May 2,2018Position: Home> Team tour in Ninghai on May 2,2018\n\n    Team tour in Ninghai on May 2,2018\n\n    news source:WECOannouncer:adminPage views:3191Release date:2018-05-02share it:\n\n    Let our soul travel! Life is like a journey. It doesn't care about the destination. but cares about the scenery of the journey and the mood when looking at the scenery. On April 21, 2018, the company organized nearly 100 employees to travel to Ninghai."


def test_thirty_third_pass_a_title_glued_to_its_trail_and_glued_info_fields() -> None:
    """A company's news page opens with its document title glued to a labelled trail that repeats it ('Team tour in
    Ninghai on May 2,2018Position: Home> ...'), the headline indented under it, then glued info fields with the
    release date ('news source:WECOannouncer:adminPage views:3191Release date:2018-05-02share it:', www.weco.cc t922):
    the glued trail is furniture (boilerplate.GLUED_TRAIL), the headline is the title, and the fields are a dated line
    (boilerplate.GLUED_META_DATE) giving the page's date, not the tour's 'April 21, 2018'."""
    article = parse_page(WECO_TOUR, url="http://www.weco.cc/news/0-67.html", template="text")
    assert article.title == "Team tour in Ninghai on May 2,2018"
    assert article.published == "2018-05-02"
    assert "Position:" not in article.body and "news source:" not in article.body
    assert article.body.startswith("Let our soul travel!")


PEACH_PAGE = ("Fenghua White Peach\n\nFenghua White Peach-1\n\nBasic Introduction to Fenghua White Peach\n\n"
              "The Fenghua White Peach is hailed as the “best in China,” a historical affirmation of this traditional "
              "fruit. A comprehensive system of 25 early, mid-season, and late varieties has been developed, including "
              "Early Dew, Snowy Rain Dew, Early Shazi, Honeydew Lakeview, Tabridge, Yulu, and Yingqing, ensuring a "
              "supply period of over 120 days.\n\nNutritional Value")
FACTORY_VISITS = ("Skip to main content\nMeeting Chinese Suppliers & “Factory Visits”- My Experiences 1\n\n"
                  "Meeting Chinese Suppliers & “Factory Visits”- My Experiences\n\nMarch 6, 2020\n\n"
                  "Every good relationship in China is forged with the so called “Factory Visit”. It’s a great "
                  "opportunity to see the premises of the company you’re thinking of purchasing from but it’s an even "
                  "better opportunity to forge a relationship with your company.\n\n"
                  "Meeting Chinese Suppliers & “Factory Visits”- My Experiences 2\n\n"
                  "One of my Supplier’s factories in Ningbo\n\nVisiting the Factory")


def test_thirty_fourth_pass_the_headline_numbered_as_a_picture_s_alt_text_is_no_text() -> None:
    """A product page's picture named after its headline with a number ('Fenghua White Peach-1', tasteallchina.com
    t932) and a blog post's pictures named so between its paragraphs ('... My Experiences 2', www.wedoimport.com
    t942): text.TITLE_ALT_NUMBER_RE drops them; the section heading under the alt text and the caption stay."""
    peach = parse_page(PEACH_PAGE, url="https://tasteallchina.com/specialty-products/20213.html", template="text")
    assert peach.title == "Fenghua White Peach"
    assert "Peach-1" not in peach.body
    assert peach.body.startswith("Basic Introduction to Fenghua White Peach")
    visits = parse_page(FACTORY_VISITS, url="https://www.wedoimport.com/meeting-chinese-suppliers-factory-visits-my-"
                        "experiences/", template="text")
    assert visits.title == "Meeting Chinese Suppliers & “Factory Visits”- My Experiences"
    assert visits.published == "2020-03-06"
    assert "My Experiences 2" not in visits.body and "My Experiences 1" not in visits.body
    assert "One of my Supplier’s factories in Ningbo" in visits.body + "".join(visits.captions)


def test_thirty_fourth_pass_a_headline_word_with_a_number_after_it_stays() -> None:
    """Only the headline itself with a number is an alt text: a line that adds words or a longer number stays."""
    page = FACTORY_VISITS.replace("My Experiences 2\n", "My Experiences 2 and 3\n")
    visits = parse_page(page, url="https://www.wedoimport.com/x/", template="text")
    assert "My Experiences 2 and 3" in visits.body


STONE_PAGES = ("(5943 articles):\n\nClive Price-Jones \nDiego Meozzi \nPaola Arosio \nPhilip Hansen \nWolf Thandoy \n\n"
               "If you think our news service is a valuable resource, please consider a donation. Select your currency "
               "and click the PayPal button:\n\nMain Index\n\nArchaeo News \n\n22 May 2013\n"
               "Neolithic site revealed in China\n\nNew archaeological discoveries in Yuyao city, in eastern China's "
               "Zhejiang province, provide a clearer picture of life in China's Neolithic age.\n     Archaeologists are "
               "completing a 10-year dig in Tianluo Mountain - one of the cradles of Chinese civilisation.\n\n"
               "Edited from China Daily (18 May 2013)\n\nShare this webpage:\n\nCopyright Statement\n"
               "Publishing system powered by Movable Type 2.63")


def test_thirty_fourth_pass_a_date_heading_the_headline_s_block_under_a_section_label() -> None:
    """A news service's item (www.stonepages.com t948): a sidebar, the section label 'Archaeo News ' apart, then the
    date line opening the headline's block ('22 May 2013' / 'Neolithic site revealed in China'): the line under the
    date is the title (text._heads_its_block), the date the page's, and the closing credit, share prompt, copyright
    link and CMS credit are furniture (not the credit's '18 May 2013')."""
    article = parse_page(STONE_PAGES, url="https://www.stonepages.com/news/archives/005034.html", template="text")
    assert article.title == "Neolithic site revealed in China"
    assert article.published == "2013-05-22"
    assert article.body.startswith("New archaeological discoveries")
    assert "Archaeo News" not in article.body
    for furniture in ("Edited from", "Share this", "Copyright Statement", "Movable Type"):
        assert furniture not in article.body


def test_thirty_fourth_pass_a_date_heading_the_lead_s_block_leaves_the_headline_above() -> None:
    """The headline above the date and the lead glued under it ('Neolithic site revealed in China' / '' / '22 May 2013'
    / 'New archaeological discoveries ...'): the line under the date is a paragraph, no headline, so the title stays
    the line above the date."""
    page = STONE_PAGES.replace("Archaeo News \n\n22 May 2013\nNeolithic site revealed in China\n\nNew",
                               "Neolithic site revealed in China\n\n22 May 2013\nNew")
    article = parse_page(page, url="https://www.stonepages.com/news/archives/005034.html", template="text")
    assert article.title == "Neolithic site revealed in China"
    assert article.published == "2013-05-22"
    assert article.body.startswith("New archaeological discoveries")


GRAPHENE_POST = ("China's Ningo government launch a local long-term graphene plan\n\nNingbo Morsh Technology logo The Ningbo "
                 "government in China decided to help build the local graphene industry as part of its strategic "
                 "industry plans.\n\nNingbo is supplying graphene to Chongqing Morsh Technology, which uses the material "
                 "to produce transparent graphene films for display touch layers. They expect to produce 300,000 films "
                 "in 2014.\n\nPosted: Jun 06,2014 by Ron Mertens")  # www.graphene-info.com (tune_sites s345)


def test_thirty_fifth_pass_a_closing_posted_stamp_with_its_byline_dates_the_page() -> None:
    """A news post closing with its stamp and byline, the year glued to the day's comma ('Posted: Jun 06,2014 by Ron
    Mertens', www.graphene-info.com s345): the line is furniture and the page's date; 'Jun 06,2014' reads as a date;
    the same words inside a sentence date nothing."""
    url = "https://www.graphene-info.com/chinas-ningo-government-launch-local-long-term-graphene-plan"
    article = parse_page(GRAPHENE_POST, url=url, template="text")
    assert article.published == "2014-06-06"
    assert "Posted:" not in article.body and "Ron Mertens" not in article.body
    assert parse_date("They met on Jun 06,2014 in Ningbo.") == "2014-06-06"
    sentence = GRAPHENE_POST.replace("Posted: Jun 06,2014 by Ron Mertens",
                                     "The plan was posted: Jun 06,2014 by Ron Mertens and his team of editors.")
    assert parse_page(sentence, url=url, template="text").published is None
