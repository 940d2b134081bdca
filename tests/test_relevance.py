"""Sci-tech relevance flag: present on real sci-tech news, absent on port/trade news."""
from __future__ import annotations

from devtools import PAGES_DIR, SEEDS_DIR
from transforms.page import parse_page
from transforms.relevance import SCITECH_TERMS, is_scitech, scitech_score, scitech_verdict


def article(rel: str):
    return parse_page((PAGES_DIR / rel).read_bytes())


def test_both_seed_pages_are_scitech():
    for txt in (SEEDS_DIR / "text").glob("*.txt"):
        a = parse_page(txt.read_bytes())
        assert is_scitech(a.title, a.body), txt.name


def test_port_and_trade_news_is_not_scitech():
    a = article("ningbolife/index.php/ningbo-news/5702-ningbo-zhoushan-port-container-throughput-climbs.html")
    assert not is_scitech(a.title, a.body)
    assert scitech_score(a.title, a.body) < 1.0


def test_score_counts_terms_per_100_words_with_title_double():
    body = " ".join(["word"] * 98) + " patents innovation"
    assert scitech_score("", body) == 2.0
    assert scitech_score("patents", body) == round(100 * 4 / 101, 3)
    assert scitech_score("", "") == 0.0


def test_terms_match_on_word_bounds_only():
    assert scitech_score("", "the science behind it") > 0
    assert scitech_score("", "consciences and prescient sciences") == 0.0  # no stem matches
    assert all(t == t.lower() for t in SCITECH_TERMS)


def test_the_transforms_one_pass_verdict_is_the_flag_and_the_score():
    pages = sorted([*PAGES_DIR.glob("ningbo_gov/art/**/art_*.html"),
                    *PAGES_DIR.glob("ningbolife/index.php/*/[0-9]*.html")])
    assert len(pages) > 20
    flags = set()
    for path in pages:
        a = parse_page(path.read_bytes())
        verdict = scitech_verdict(a.title, a.body)
        assert verdict == (is_scitech(a.title, a.body), scitech_score(a.title, a.body)), path.name
        flags.add(verdict[0])
    assert flags == {True, False}  # both outcomes are exercised
