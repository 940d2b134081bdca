"""The URL-slug title check (transforms/slugs.py): which URLs have a slug, which line it names,
and when a text page's title gives way to that line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.page import parse_page
from transforms.slugs import shares, slug_title, slug_words

TUNE_OTHER = Path(__file__).parent / "realgold" / "tune_other" / "pages"

# A travel feature's shape (t488's): a short headline, then a standfirst longer than it.
FEATURE = """Walk the old harbour wall

A quiet stretch of the coast that day-trippers have not found yet

The harbour wall at Shipu runs for almost two kilometres along the bay, and on a weekday morning the only other \
people on it are fishermen mending nets. The town is about two hours by bus from Ningbo's south station.

Most visitors come for the seafood market, which opens at six and sells out by nine. A boat to the islands leaves \
from the end of the wall three times a day.
"""
FEATURE_URL = "https://example.com/features/travel/1902/Walk-the-old-harbour-wall.html"


@pytest.mark.parametrize(("url", "words"), [
    ("https://example.com/2022/03/ningbo-port-congestion-risk-grows-amid-covid-crackdown/",
     {"ningbo", "port", "congestion", "risk", "grows", "amid", "covid", "crackdown"}),
    ("https://www.ningbolife.com/news/local-news/12345-ningbo-opens-new-metro-line",
     {"ningbo", "opens", "new", "metro", "line"}),  # a Joomla alias: the id is no word
    ("https://example.com/features/Relax-beside-Dongqian-Lake.html", {"relax", "beside", "dongqian", "lake"}),
    ("https://example.com/news/the%20city%20of%20ports", set()),  # two words left ("city", "ports"): no slug
    ("http://english.ningbo.gov.cn/art/2023/5/12/art_1229_5901.html", set()),  # Hanweb: ids only
    ("http://ningbo.chinadaily.com.cn/2020-03/23/c_464255.htm", set()),
    ("https://example.com/news/local-news", set()),
    ("https://example.com/", set()),
    (None, set()),
])
def test_slug_words(url: str | None, words: set[str]) -> None:
    assert slug_words(url) == words


def test_shares_count_both_ways() -> None:
    slug = slug_words("https://example.com/relax-beside-dongqian-lake")
    assert shares("Relax beside Dongqian Lake", slug) == (1.0, 1.0)
    assert shares("Dongqian Lake", slug) == (0.5, 1.0)
    assert shares("Dongqian Lake- A Scenic Escape close to Ningbo!", slug)[1] < 0.5
    assert shares("", slug) == (0.0, 0.0)


def test_a_title_sharing_the_slug_is_kept() -> None:
    url = "https://example.com/2022/03/ningbo-port-congestion-risk-grows-amid-covid-crackdown/"
    lines = ["Ningbo port congestion risk grows amid COVID crackdown", "Ningbo port congestion risk grows"]
    assert slug_title("Ningbo port congestion risk grows amid COVID crackdown", lines, url) is None
    assert slug_title("Ningbo port congestion risk grows", lines, url) is None  # over half of it both ways


def test_a_title_the_slug_does_not_name_gives_way_to_the_line_it_names() -> None:
    url = "https://example.com/2022/03/ningbo-port-congestion-risk-grows-amid-covid-crackdown/"
    lines = ["To our FREE newsletter", "## Ningbo port congestion risk grows amid COVID crackdown", "By A Reporter"]
    assert slug_title("To our FREE newsletter", lines, url) == "Ningbo port congestion risk grows amid COVID crackdown"
    assert slug_title(None, lines, url) == "Ningbo port congestion risk grows amid COVID crackdown"
    # a cut-short slug still names its line (half of the line's words in it)
    cut = "https://example.com/2021/08/meishan-terminal-ningbo-port-resumes/"
    assert slug_title("Muyu Xu", ["Muyu Xu", "Meishan Terminal at China's Ningbo Port Resumes Operations"], cut) == \
        "Meishan Terminal at China's Ningbo Port Resumes Operations"


def test_no_line_is_taken_when_none_is_the_slug_written_out() -> None:
    url = "https://example.com/2022/03/ningbo-port-congestion-risk-grows-amid-covid-crackdown/"
    lines = [
        "Source: https://example.com/2022/03/ningbo-port-congestion-risk-grows-amid-covid-crackdown/",  # a link
        "www.example.com/ningbo-port-congestion-risk-grows-amid-covid-crackdown",
        "Ningbo port risk",  # too little of the slug
        # a paragraph with the slug's words in it: too few of its own words are the slug's
        "Ningbo port congestion risk grows amid the COVID crackdown as ships wait longer to berth, analysts said on "
        "Friday, adding pressure to supply chains that were already stretched by the closure of a terminal.",
    ]
    assert slug_title("Ships wait at Ningbo", lines, url) is None
    hanweb = "http://english.ningbo.gov.cn/art/2023/5/12/art_1.html"
    assert slug_title("Ships wait at Ningbo", lines[:1], hanweb) is None


def test_text_page_title_follows_the_url_slug() -> None:
    without = parse_page(FEATURE, template="text")
    assert without.title == "A quiet stretch of the coast that day-trippers have not found yet"  # the rules alone
    page = parse_page(FEATURE, url=FEATURE_URL, template="text")
    assert page.title == "Walk the old harbour wall"
    assert "Walk the old harbour wall" not in page.body
    assert page.body.startswith("The harbour wall at Shipu")
    # a URL naming another story checks nothing
    other = parse_page(FEATURE, url="https://example.com/features/travel/1903/ningbo-metro-line-opens.html",
                       template="text")
    assert other.title == without.title


@pytest.mark.parametrize(("page_id", "title"), [
    ("t434", "First voyage on faster China-Europe Arctic shipping route reaches UK port"),  # printed after the body
    ("t488", "Relax beside Dongqian Lake"),
    # a slug of two words naming the page's first line word for word (slugs.SHORT_SLUG_WORDS, the thirty-third pass):
    # the rules took the subtitle, the standfirst or a tag under it
    ("t927", "Shengwei (Sem 1, 2024)"),  # 360internationalblog.com, "/semester/shengwei-sem-1-2024"
    ("t374", "Increasing capacity"),  # www.marinetraffic.com, "/blog/increasing-capacity/"
    ("t546", "waxberry season"),
])
def test_real_pages_take_the_headline_their_url_names(page_id: str, title: str) -> None:
    page = json.loads((TUNE_OTHER / f"{page_id}.json").read_text(encoding="utf-8"))
    assert parse_page(page["raw_text"], template="text").title != title
    article = parse_page(page["raw_text"], url=page["url"], template="text")
    assert article.title == title
    assert title not in article.body.split("\n\n")



@pytest.mark.parametrize(("line", "url"), [
    ("[Outbound]: Zhejiang’s Hiking Network",  # www.smartshanghai.com t569, the nineteenth tune_other pass
     "https://www.smartshanghai.com/articles/travelsightseeing/outbound-zhejiangs-hiking-network"),
    ("Ningbo's new metro line opens to riders", "https://example.com/2021/ningbos-new-metro-line-opens-to-riders/"),
])
def test_a_possessive_matches_its_slug_word_with_the_s_glued_on(line: str, url: str) -> None:
    """Slugs write a possessive without its apostrophe ("zhejiangs"): the line's word counts as the slug's."""
    lines = ["China’s first national hiking route. 500 km of trails through the mountains.", line]
    assert slug_title(lines[0], lines, url) == line
    assert shares(line, slug_words(url))[0] == 1.0


def test_a_slug_of_two_words_names_only_the_first_line_written_out() -> None:
    """A two-word slug is no slug for slug_words, and names a line only when it is the page's first line, word for
    word: a section label under the first line ("International ports" over a headline, t580's shape), a first line
    holding more words, or a title that keeps the slug's words, stays as the rules took it."""
    url = "https://example.com/blog/international-ports/"
    assert slug_words(url) == frozenset()
    headline = "China port congestion flares amid pre-CNY rush"
    assert slug_title(headline, ["International ports", headline, "Ships queued off Ningbo."], url) == \
        "International ports"
    assert slug_title(headline, [headline, "International ports", "Ships queued off Ningbo."], url) is None
    assert slug_title(headline, ["International ports and shipping lines", headline], url) is None
    assert slug_title("The international ports of 2022", ["International ports", "x"], url) is None
    assert slug_title(headline, ["International ports", headline], "https://example.com/blog/ports/") is None
