"""The offline snapshot (seeds/pages/): article files, generated listings, seed fidelity.

No server here: these read the committed files (the mirror is tested in test_mirror.py).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from core.sources import load_sources
from devtools import PAGES_DIR, SEEDS_DIR

ROOT = Path(__file__).resolve().parents[1]
GOV = PAGES_DIR / "ningbo_gov"
LIFE = PAGES_DIR / "ningbolife"
MIN_ARTICLES = 22
MIN_WORDS, MAX_WORDS = 150, 600
GOV_ARTICLE_RE = re.compile(r"^art/(\d{4})/(\d{1,2})/(\d{1,2})/art_(\d+)_(\d+)\.html$")
LIFE_ARTICLE_RE = re.compile(r"^index\.php/([\w-]+)/(\d+)-[^/]+\.html$")
RECORD_HREF_RE = re.compile(r'href="([^"]+)"')
CAPTION_RE = re.compile(r"\(Photo (?:by|provided by) [^)]+\)$")
SEED_GOV = GOV / "art/2019/8/18/art_933_1016946.html"
SEED_LIFE = LIFE / "index.php/ningbo-news/5801-ningbo-accelerates-construction-of-high-level-innovative-cities.html"
SEED_GOV_TXT = SEEDS_DIR / "text" / "ningbo_gov_innovation-leads-2019-08-18.txt"
SEED_LIFE_TXT = SEEDS_DIR / "text" / "ningbolife_high-level-innovative-cities.txt"
GBK_PAGE = GOV / "art/2019/2/26/art_934_988102.html"


from devtools import build_listings  # noqa: E402


def gov_articles() -> dict[str, Path]:
    return {p.relative_to(GOV).as_posix(): p for p in GOV.glob("art/**/*.html")}


def life_articles() -> dict[str, Path]:
    return {rel: p for p in LIFE.glob("index.php/*/*.html")
            if LIFE_ARTICLE_RE.match(rel := p.relative_to(LIFE).as_posix())}


def doc(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(build_listings.decode_page(path.read_bytes()))


def body_paragraphs(path: Path) -> list[str]:
    """Visible text of each body <p> (gov: #zoom; ningbolife: div.item-page), stripped."""
    tree = doc(path)
    nodes = tree.xpath('//div[@id="zoom"]//p') or tree.xpath(build_listings.ARTICLE_PARAGRAPHS_XPATH)
    return [t for t in (n.text_content().strip(" \n\u3000\xa0") for n in nodes) if t]


# ------------------------------------------------------------------ article files
def test_each_source_has_enough_articles_in_the_real_url_layout() -> None:
    gov, life = gov_articles(), life_articles()
    assert len(gov) >= MIN_ARTICLES and len(life) >= MIN_ARTICLES
    assert all(GOV_ARTICLE_RE.match(rel) for rel in gov), [r for r in gov if not GOV_ARTICLE_RE.match(r)]
    assert set(load_sources()) == {p.name for p in PAGES_DIR.iterdir() if p.is_dir()}


def test_gov_articles_follow_the_hanweb_template() -> None:
    columns = Counter()
    for rel, path in gov_articles().items():
        year, month, day, col, _ = GOV_ARTICLE_RE.match(rel).groups()
        columns[col] += 1
        tree = doc(path)
        metas = {(m.get("name") or "").lower(): m.get("content") for m in tree.iter("meta")}
        assert metas["pubdate"].startswith(f"{int(year):04d}-{int(month):02d}-{int(day):02d} "), rel
        assert metas["generator"] == "大汉版通" and metas["articletitle"], rel
        raw = build_listings.decode_page(path.read_bytes())
        assert re.search(r"<!--ZJEG_RSS\.content\.begin--><meta name=\"?ContentStart", raw, re.I), rel
        assert re.search(r"<meta name=\"?ContentEnd\"?><!--ZJEG_RSS\.content\.end-->", raw, re.I), rel
        info = " ".join(tree.xpath('//td[contains(@class, "info")]')[0].text_content().split())
        assert info == f"{metas['pubdate'][:10]}Text Size: A A A", rel
        assert "【Print】 【Close】" in tree.text_content()
        assert "Produced By 大汉网络 大汉版通发布系统" in raw
        zoom = tree.xpath('//div[@id="zoom"]')[0].text_content()
        assert "Text Size" not in zoom and "【Print】" not in zoom and "Copyright" not in zoom
    assert set(columns) == {"933", "934"}


def test_markup_variants_are_present() -> None:
    raws = {rel: build_listings.decode_page(p.read_bytes()) for rel, p in gov_articles().items()}
    legacy = [r for r, t in raws.items() if "<P align=center>" in t and "<META name=ContentStart>" in t
              and '<TD class=bt_content>' in t and "<FONT" in t]
    assert len(legacy) >= 3
    assert any("\u3000\u3000" in t for t in raws.values()) and any("<p>&nbsp;&nbsp;" in t for t in raws.values())
    life_raw = [p.read_text(encoding="utf-8") for p in life_articles().values()]
    core = [t for t in life_raw if 'itemtype="https://schema.org/Article"' in t
            and 'itemprop="datePublished"' in t and 'itemprop="articleBody"' in t]
    beez = [t for t in life_raw if '<dd class="published">Published: ' in t]
    assert len(core) >= 3 and len(beez) >= 3 and len(core) + len(beez) == len(life_raw)
    assert sum("#ningbo #expat" in t for t in life_raw) >= 2
    assert {LIFE_ARTICLE_RE.match(r).group(1) for r in life_articles()} == {"ningbo-news", "business-news"}


def test_gbk_page_needs_its_declared_charset() -> None:
    data = GBK_PAGE.read_bytes()
    assert b"<meta charset=gb2312>" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("gb2312")
    assert "【Trademarks】" in text and "（up 77,300 in one year）" in text and "“Patents are" in text


def test_articles_are_news_sized_with_photo_captions() -> None:
    for rel, path in {**gov_articles(), **life_articles()}.items():
        paras = body_paragraphs(path)
        words = sum(len(p.split()) for p in paras if not CAPTION_RE.search(p))
        if path in (SEED_GOV, SEED_LIFE):  # the seeds are as given (one is longer, one has no photo)
            continue
        assert MIN_WORDS <= words <= MAX_WORDS, (rel, words)
        assert any(CAPTION_RE.search(p) for p in paras), rel


def test_articles_do_not_repeat_each_others_sentences() -> None:
    seen: dict[str, str] = {}
    for rel, path in sorted({**gov_articles(), **life_articles()}.items()):
        for para in body_paragraphs(path):
            if len(para) > 80 and not CAPTION_RE.search(para):
                assert para not in seen, (rel, seen.get(para))
                seen[para] = rel


# ------------------------------------------------------------------ seed fidelity
def test_seed_gov_page_keeps_the_text_verbatim() -> None:
    lines = SEED_GOV_TXT.read_text(encoding="utf-8").split("\n")
    paras = body_paragraphs(SEED_GOV)
    expected = [ln.strip(" \xa0") for ln in lines[3:-1] if ln.strip()]
    assert [p.strip(" \xa0") for p in paras] == expected
    tree = doc(SEED_GOV)
    crumbs = " ".join(tree.xpath('//table[@class="position"]')[0].text_content().split())
    assert crumbs == "> News > In the City > Hot Topic" == lines[0]
    assert tree.xpath('//td[@class="title"]')[0].text_content() == lines[1]
    # the lead caption comes right after the lead image
    zoom_ps = tree.xpath('//div[@id="zoom"]//p')
    assert zoom_ps[0].xpath(".//img") and zoom_ps[1].text_content() == lines[4]
    raw = SEED_GOV.read_text(encoding="utf-8")
    assert "Since 2010, the high-tech enterprise income tax" in raw and "12.35 times" in raw
    assert "\u201cthree nos\xa0to three haves\u201d" in raw  # the odd spacing is kept


def test_seed_ningbolife_page_keeps_the_text_verbatim() -> None:
    parts = SEED_LIFE_TXT.read_text(encoding="utf-8").split("\n\n")
    paras = [p for p in body_paragraphs(SEED_LIFE)]
    assert paras == [p.strip(" \xa0") for p in parts[2:-2]]
    tree = doc(SEED_LIFE)
    text = tree.text_content()
    assert tree.xpath('//div[@class="item-page"]/h2')[0].text_content() == parts[1]
    assert parts[0] in text and "Visit Charity Shop" in text
    share = " ".join(tree.xpath('//div[@class="share-links"]')[0].text_content().split())
    assert share == "f t g m"
    assert tree.xpath('//dd[@class="published"]')[0].text_content() == "Published: Tuesday, 30 June 2020 09:12"
    assert "<p>&nbsp;</p>" in SEED_LIFE.read_text(encoding="utf-8")


# ------------------------------------------------------------------ listings
def test_listings_are_up_to_date_with_build_listings() -> None:
    built = build_listings.build(PAGES_DIR)
    assert built, "build_listings produced nothing"
    stale = [str(p.relative_to(PAGES_DIR)) for p, data in built.items()
             if not p.is_file() or p.read_bytes() != data]
    assert stale == [], f"run python -m devtools.build_listings: {stale}"
    # and nothing generated-looking is left over that the script no longer produces
    generated = set(GOV.glob("col/*/*")) | {p for p in LIFE.glob("index.php/*.html*")}
    assert generated == set(built)


def _records(path: Path) -> list[str]:
    return [r.text or "" for r in ET.parse(path).getroot().iter("record")]


@pytest.mark.parametrize("col", sorted(build_listings.GOV_COLUMNS))
def test_gov_records_cover_exactly_the_column_articles_newest_first(col: int) -> None:
    spec = build_listings.GOV_COLUMNS[col]
    records = _records(GOV / f"col/col{col}/records.xml")
    hrefs = [RECORD_HREF_RE.search(r).group(1) for r in records]
    files = {"/" + rel for rel in gov_articles() if f"/art_{col}_" in rel}
    assert set(hrefs) == files and len(hrefs) == len(files)
    assert all((GOV / h.lstrip("/")).is_file() for h in hrefs)
    dates = [re.search(r"\d{4}-\d{2}-\d{2}", r).group(0) for r in records]
    assert dates == sorted(dates, reverse=True)
    group = spec.per_page * spec.group_size
    assert len(records) > group, "the column must need dataproxy paging"
    page = (GOV / f"col/col{col}/index.html").read_text(encoding="utf-8")
    store = re.search(r'<script type="text/xml">(.*?)</script>', page, re.S).group(1)
    embedded = _records_from_text(store)
    assert embedded == records[:group]
    assert f"totalRecord:{len(records)}" in page
    assert f"perPage:{spec.per_page}" in page and f"groupSize:{spec.group_size}" in page
    assert f"columnid={col}&" in store
    assert f"proxyUrl: '{spec.proxy_path}'" in page and f'<a href="{spec.proxy_path}?page=1&' in store
    marker = "<li><a " if spec.record_style == "li" else "<tr><td"
    assert all(r.strip().startswith(marker) for r in records)


def test_both_hanweb_dataproxy_paths_are_in_use() -> None:
    """Column 933 pages through /module/web/jpage/, 934's older template through /module/jpage/."""
    paths = {spec.proxy_path for spec in build_listings.GOV_COLUMNS.values()}
    assert paths == {"/module/web/jpage/dataproxy.jsp", "/module/jpage/dataproxy.jsp"}
    for col, spec in build_listings.GOV_COLUMNS.items():
        page = (GOV / f"col/col{col}/index.html").read_text(encoding="utf-8")
        others = paths - {spec.proxy_path}
        assert not any(other in page for other in others), col


def _records_from_text(text: str) -> list[str]:
    return [r.text or "" for r in ET.fromstring(text).iter("record")]


@pytest.mark.parametrize("category", sorted(build_listings.LIFE_CATEGORIES))
def test_joomla_blog_pages_list_each_category_article_once(category: str) -> None:
    folder = LIFE / "index.php"
    pages = sorted(folder.glob(f"{category}.html@start=*"), key=lambda p: int(p.name.rsplit("=", 1)[1]))
    pages.insert(0, folder / f"{category}.html")
    listed: list[str] = []
    for number, page in enumerate(pages, start=1):
        tree = lxml.html.fromstring(page.read_bytes())
        items = tree.xpath('//div[@class="blog"]//div[starts-with(@class, "leading-") '
                           'or contains(@class, "item column-")]')
        assert 1 <= len(items) <= build_listings.LIFE_PER_PAGE
        for item in items:
            href = item.xpath(".//h2/a/@href")[0]
            assert item.xpath('.//p[@class="readmore"]/a/@href') == [href]
            assert item.xpath('string(.//p[@class="readmore"]/a)').strip().startswith("Read more: ")
            listed.append(href)
        counter = tree.xpath('string(//p[@class="counter"])')
        assert counter == f"Page {number} of {len(pages)}"
        nxt = tree.xpath('//li[@class="pagination-next"]/a[@title="Next"]/@href')
        if number < len(pages):
            assert nxt == [f"/index.php/{category}.html?start={number * build_listings.LIFE_PER_PAGE}"]
        else:
            assert nxt == []
    files = {"/" + rel for rel in life_articles() if rel.startswith(f"index.php/{category}/")}
    assert len(listed) == len(files) and set(listed) == files


def test_rss_feed_has_the_newest_ten_ningbo_news_items() -> None:
    feed = LIFE / "index.php/ningbo-news.html@format=feed&type=rss"
    root = ET.parse(feed).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == build_listings.FEED_LENGTH
    arts = sorted((a for a in build_listings.scan_life(PAGES_DIR) if a.category == "ningbo-news"),
                  key=lambda a: a.published, reverse=True)
    assert [i.findtext("link") for i in items] == [build_listings.LIFE_LIVE_BASE + a.url for a in arts[:10]]
    for item in items:
        assert item.find("guid").get("isPermaLink") == "true"
        assert re.match(r"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$", item.findtext("pubDate"))
        assert item.findtext("category") == "Ningbo News"
        assert item.findtext("description").startswith("<p>")
    # the oldest articles are not in the feed
    assert build_listings.LIFE_LIVE_BASE + arts[-1].url not in feed.read_text(encoding="utf-8")


def test_readmore_title_is_cut_at_a_word_boundary() -> None:
    assert build_listings.readmore_title("Short title") == "Short title"
    cut = build_listings.readmore_title("Ningbo accelerates construction of high-level innovative cities")
    assert cut == "Ningbo accelerates construction of..." and len(cut) <= build_listings.READMORE_CUT + 3


def test_robots_txt_allow_articles_and_listings() -> None:
    from urllib.robotparser import RobotFileParser

    for source, paths in {
        "ningbolife": ["/index.php/ningbo-news.html", "/index.php/ningbo-news/5801-x.html"],
        "ningbo_gov": ["/art/2019/8/18/art_933_1016946.html", "/col/col933/index.html",
                       "/module/web/jpage/dataproxy.jsp"],
    }.items():
        parser = RobotFileParser()
        parser.parse((PAGES_DIR / source / "robots.txt").read_text().splitlines())
        assert all(parser.can_fetch("newsetl", p) for p in paths), source
    parser = RobotFileParser()
    parser.parse((LIFE / "robots.txt").read_text().splitlines())
    assert not parser.can_fetch("newsetl", "/administrator/index.php")
