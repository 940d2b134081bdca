"""The words of an article URL's slug, and the page line they name: a check on a text page's title.

Many CMSs (WordPress, Joomla's aliases, news sites) write the headline's words into the article's
URL ("/2022/03/ningbo-port-congestion-risk-grows-amid-covid-crackdown/"). When the line a text
page's rules took as its title shares few of those words, and another line of the page is the slug
written out, that line is the headline: the rules took a newsletter box, a byline, a standfirst or
a reading-time line instead. A URL without such a slug (numeric ids, Hanweb's `art_..._NNN.html`,
pinyin) checks nothing.

Measured on real pages (`python -m devtools.unseen_checks`): on the tune_other pages t151-t522 as
the rules stood before any of them was tuned on (31dd53b~1), 125 have a slug; the rules' titles were
right on 104, 120 after the check, none broken. On the tuning sets at 54f350e it changes two titles,
both to the labelled one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

# Words that say nothing of which line a slug names (and that slugs often drop).
STOPWORDS = frozenset({"the", "an", "of", "in", "on", "for", "to", "and", "at", "by", "with", "is", "as", "from"})
WORD_RE = re.compile(r"[A-Za-z]{2,}")  # one-letter pieces ("China's" -> "s") are dropped on both sides
SLUG_SEPARATORS_RE = re.compile(r"[-_+ ]+")
FILE_EXTENSION_RE = re.compile(r"\.[A-Za-z0-9]{2,5}$")
MIN_SLUG_WORDS = 3  # fewer distinct words than this is no headline ("/news/local-news")
# A title keeping less than this share of the slug's words, and of its own words in the slug, is
# not the headline the slug names ...
KEPT_TITLE_SHARE = 0.5
# ... and a line is the slug written out when it holds this share of the slug's words ...
SLUG_SHARE = 0.8
# ... with at least this share of its own words in the slug (slugs are often cut short).
LINE_SHARE = 0.5
MAX_TITLE_CHARS = 300  # a longer line is a paragraph, not a headline


def slug_words(url: str | None, minimum: int = MIN_SLUG_WORDS) -> frozenset[str]:
    """The distinct words of the URL path's last segment (lowercased, stopwords aside); empty when
    it has fewer than `minimum` of them."""
    if not url:
        return frozenset()
    segments = [segment for segment in unquote(urlsplit(url).path).split("/") if segment]
    if not segments:
        return frozenset()
    last = FILE_EXTENSION_RE.sub("", segments[-1])
    words = frozenset(piece.lower() for piece in SLUG_SEPARATORS_RE.split(last)
                      if len(piece) > 1 and piece.isascii() and piece.isalpha()) - STOPWORDS
    return words if len(words) >= minimum else frozenset()


# A slug of two words ("/blog/increasing-capacity/", "/semester/shengwei-sem-1-2024": digits are no words) names a
# line only when it is the page's first line written out word for word: on the tuned sets, where such a line opens the
# page it is the labelled headline, but for two first lines carrying marks ("/ / Pavilion Tien And", t543; "= Sunny
# Optical =", tune_sites s170) whose pages' titles are the slug written out already (kept); under the first lines, a
# section label ("International ports" over a news page's headline, t580) can be the slug's words. The thirty-third
# tune_other pass: the rules took the line under such a headline, a subtitle or a standfirst (t927, t374) or a tag
# (t546).
SHORT_SLUG_WORDS = 2


def line_words(line: str) -> frozenset[str]:
    """The distinct words of a line, as slug_words counts them."""
    return frozenset(word.lower() for word in WORD_RE.findall(line)) - STOPWORDS


# A possessive's word ("Zhejiang’s", "China's"): slugs write it with its "s" glued on
# ("outbound-zhejiangs-hiking-network", www.smartshanghai.com t569, the nineteenth tune_other pass) or cut off
# ("china-s-...": "s" is dropped as one letter).
POSSESSIVE_RE = re.compile(r"([A-Za-z]{2,})['’]s\b")


def shares(line: str, slug: frozenset[str]) -> tuple[float, float]:
    """(share of the slug's words in the line, share of the line's words in the slug); a possessive's word counts as
    in the slug when the slug holds it with its "s" glued on."""
    words = line_words(line)
    if not words or not slug:
        return 0.0, 0.0
    common = len(words & slug)
    if "'" in line or "’" in line:
        common += len({match.lower() for match in POSSESSIVE_RE.findall(line)}
                      & {word[:-1] for word in slug if word.endswith("s")} - slug - STOPWORDS)
    return common / len(slug), common / len(words)


def slug_title(title: str | None, lines: Iterable[str], url: str | None) -> str | None:
    """The line to take as the page's title instead of `title`, or None to keep it.

    Only when the URL has a slug, `title` keeps little of it (KEPT_TITLE_SHARE both ways) and a line
    is the slug written out (SLUG_SHARE of its words, LINE_SHARE of the line's): the best such line,
    the first of equals. A slug of SHORT_SLUG_WORDS words names only the page's first line, word for word.
    """
    slug = slug_words(url, SHORT_SLUG_WORDS)  # (the URL read once: a slug of MIN_SLUG_WORDS or more, or a short one)
    if len(slug) < MIN_SLUG_WORDS and len(slug) != SHORT_SLUG_WORDS:
        return None
    if title and min(shares(title, slug)) >= KEPT_TITLE_SHARE:
        return None
    if len(slug) < MIN_SLUG_WORDS:
        first = next((line for line in map(_plain_line, lines) if line), None)
        if first is None or first == title or len(first) > MAX_TITLE_CHARS or line_words(first) != slug:
            return None
        return first
    best: str | None = None
    best_score = 0.0
    for line in map(_plain_line, lines):
        if not line or len(line) > MAX_TITLE_CHARS or "://" in line or "www." in line:
            continue  # (a line carrying a link, "Source: https://...", holds the slug but is no headline)
        of_slug, of_line = shares(line, slug)
        if of_slug >= SLUG_SHARE and of_line >= LINE_SHARE and min(of_slug, of_line) > best_score:
            best, best_score = line, min(of_slug, of_line)
    return best


def _plain_line(raw: str) -> str:
    """A line as a headline is compared: stripped, a Markdown heading's marks aside."""
    return raw.strip().lstrip("#").strip()
