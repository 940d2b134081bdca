"""Small text helpers shared by the templates: whitespace, captions, dates, language.

Pure functions on strings; the template modules decide *where* text comes from, these
decide what a paragraph, a caption, a date and an English text look like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Final

from transforms.boilerplate import (
    COMMENTER_SAID,
    CONTACT_EMAIL,
    CONTACT_LINE,
    DATE_LINE,
    JOOMLA_CLOAKING,
    SHARE_LETTERS,
    is_boilerplate_text,
)
from transforms.pagere import ASCII_CHARS, first_chars
from transforms.spacing import SPACE_RE as SPACE_RE  # re-exported: the templates take them from here
from transforms.spacing import normalize_space as normalize_space

if TYPE_CHECKING:  # (mypyc's native 64-bit int; the annotations are never evaluated, so pure Python needs no import)
    from mypy_extensions import i64

# An undeclared page that decodes as GB18030 is Chinese only if its non-ASCII characters are
# mostly everyday Chinese ones: GB18030 decodes most byte strings strictly, so a few stray
# Latin-1 bytes of an English page would otherwise become Chinese characters without a word.
COMMON_CHINESE: Final = "gb2312"  # the repertoire of everyday Chinese text
MIN_COMMON_CHINESE_SHARE: Final = 0.8  # of the non-ASCII characters (a page may name a rare GBK-only character)


def _in_common_chinese(char: str) -> bool:
    try:
        char.encode(COMMON_CHINESE)
    except UnicodeEncodeError:
        return False
    return True


def looks_chinese(text: str) -> bool:
    """True if at least MIN_COMMON_CHINESE_SHARE of the non-ASCII characters of `text` are
    GB2312 characters. Text without non-ASCII characters is not Chinese."""
    non_ascii = [char for char in text if not char.isascii()]
    if not non_ascii:
        return False
    common = sum(1 for char in non_ascii if _in_common_chinese(char))
    return common >= MIN_COMMON_CHINESE_SHARE * len(non_ascii)

# Whitespace as a browser collapses it (U+3000, nbsp, zero-width space and BOM included):
# SPACE_RE and normalize_space are transforms.spacing's.
# A paragraph that has no letters or digits at all (e.g. "&nbsp;", "***", "|") is dropped.
# A table's unit line alone in brackets ("(in million CNY)" over MarkLines' table set apart by spaces, tune_sites s185,
# metrics17) is no source in brackets (boilerplate SOURCE_BRACKETS, whose patterns take no lookaround): the body keeps
# it, for the metric rules to scale the table's cells (engine._with_spaced_table_metrics).
TABLE_UNIT_LINE_KEPT_RE: Final = re.compile(
    r"\(\s*(?:in\s+)?(?:(?:thousands?|millions?|billions?)\s+(?:cny|rmb|usd|eur)|"
    r"(?:cny|rmb|usd|eur)\s+(?:thousands?|millions?|billions?))\s*\)", re.IGNORECASE)
HAS_CONTENT_RE: Final = re.compile(r"[^\W_]")

# Photo captions: a credit at the end "(Photo by Yan Long)", "(Xinhua/Wang Peng)", or a
# caption opening "Photo shows ...", "Photo: ...".
CAPTION_CREDIT_RE: Final = re.compile(
    r"[(（]\s*(?:(?:file\s+)?(?:photos?|pictures?|pics?|images?|video|photographed)"
    r"\s*(?:by|from|courtesy|provided|supplied|/|:|：)[^()（）]{0,120}"
    r"|(?:xinhua|cfp|ic|vcg|imaginechina|cnsphoto)\s*/[^()（）]{0,80})[)）]\s*[.。]?$",
    re.IGNORECASE,
)
# A credit opens with one of these brackets and closes with one of those: a text without both has none.
CREDIT_OPENERS: Final = ("(", "（")
CREDIT_CLOSERS: Final = (")", "）")
CAPTION_OPENING_RE: Final = re.compile(
    r"^[(（]?\s*(?:photos?|pictures?|images?)\s*(?:shows?|taken|by\b|:|：|/)", re.IGNORECASE
)
# The ASCII characters a caption opening can start with (transforms.pagere.first_chars, read with the pattern's
# flag): a paragraph that opens with another ASCII character is not matched against it (most body paragraphs).
CAPTION_OPENING_FIRST: Final = first_chars("(?i)" + CAPTION_OPENING_RE.pattern) or frozenset(ASCII_CHARS)
# A stand-alone line that opens the headline with at least this many characters is the
# headline repeated and cut (a related-link or a page cut), not body text.
TITLE_PREFIX_MIN_CHARS: Final = 20
# A page that ends with a press contact ("E-mail: xulinqi@nimte.ac.cn", "Tel: ...") has
# its name and organisation on up to this many short lines right above it.
CONTACT_RES: Final[tuple[re.Pattern[str], ...]] = (re.compile(CONTACT_EMAIL), re.compile(CONTACT_LINE))
CONTACT_COLONS: Final = (":", "：")  # both patterns need one after their label
CONTACT_NAME_LINES: Final = 2
NAME_LINE_MAX_WORDS: Final = 8
# The share icons closing an article ("f t g m"): after them, under the body, only module titles follow on the
# pages that print any ("Follow NingboExpat NingboLife" / "Get Your Original German Bread" / "Monthly Mixer Open For
# All", ningbolife.com t212): short lines without a sentence, up to this many words. A paragraph after the icons keeps
# them all (the icons were not the article's end).
SHARE_BAR_RE: Final = re.compile(SHARE_LETTERS)
MODULE_TITLE_MAX_WORDS: Final = 8
# A related-posts box under the body ("Related News" / "Easter office closure advisory" / "German Strikes: Railways,
# ports and airports impacted by one-day strikes", each title printed twice, www.woodlandgroup.com t269): after its
# heading only the posts' titles follow, headline-sized lines without a sentence end, up to this many words; a
# paragraph after the heading keeps them all, as after the share icons.
# Also "RELATED CONTENT" over items of a headline and its one-sentence teaser each ("Rage Against the Machine" / "There
# have been more than 20 reported attacks against Waymo’s self-driving fleet ...", a trade publisher's news page,
# www.gardnerweb.com tune_sites s226, metrics21: the teasers were read as text): a teaser of one sentence, up to
# RELATED_TEASER_MAX_WORDS words, right under a headline-sized line, goes with it, in a box of RELATED_TEASED_MIN_ITEMS
# items or more.
RELATED_BOX_RE: Final = re.compile(r"^ *related +(news|stories|articles|posts|content) *$", re.IGNORECASE)
RELATED_TITLE_MAX_WORDS: Final = 16
RELATED_TEASER_MAX_WORDS: Final = 40
RELATED_TEASED_MIN_ITEMS: Final = 2
SENTENCE_BREAK_RE: Final = re.compile(r"[.!?。！？][\"”’)]?\s+[A-Z]")  # (a second sentence opening after one's end)
# A pager to the neighbouring stories under the body ("Last" / "Collision Between Maersk Gironde and SFL Composer in
# the Danish Strait" / its teaser, cut / "Next" / ..., www.jctrans.com t292, eleventh pass): a label alone, then a
# headline-sized line; everything from the label on goes with it. And a related story's headline with its date closing
# the page ("Inside Hangzhou: China's high-tech dream factory" / "March 12, 2025", pyhair.net t288): the headline goes
# with the date line under it.
NEIGHBOUR_LABEL_RE: Final = re.compile(r"^ *(last|prev|previous|next)( +(article|post|story|news))? *$",
                                       re.IGNORECASE)
DATE_ONLY_RE: Final = re.compile(DATE_LINE)
# A blog's comment section under the body: its count with a colon ("2 comments:", Blogger), then a commenter's line
# ("jerryshe said...", boilerplate.COMMENTER_SAID) right under it; the readers' comments follow, each under its
# commenter's line (cheekiongaw.blogspot.com t345, the thirteenth tune_other pass): everything from the count on goes
# with it. A count without a commenter's line under it keeps what follows.
COMMENTS_COUNT_RE: Final = re.compile(r"^ *[0-9]+ +comments? *[:：] *$", re.IGNORECASE)
COMMENTER_RE: Final = re.compile(COMMENTER_SAID)
# Longer than this, a paragraph ending in a photo credit is body text, not a caption.
CAPTION_MAX_CHARS: Final = 400

# English detection: share of common function words among ASCII words, and the share of
# East Asian letters (CJK ideographs, kana, hangul) among letters; which script those are
# names the language: hangul Korean, kana Japanese (its text mixes kana with ideographs,
# Chinese has none but a stray one), ideographs alone Chinese.
EN_STOPWORDS: Final = frozenset(
    "the of and to in a is that for on with as by was are it from at be this has have "
    "an its which were will their been or not also more than has had".split()
)
EN_MIN_STOPWORD_RATIO: Final = 0.12
# A page whose lines are mostly pipe-table rows (at least one in TABLE_MIN_ROW_SHARE_INVERSE) is English at this
# share of function words: its labels are noun phrases ("Gross profit on sales change in %"); a German table has
# next to none of them (english_table).
TABLE_EN_MIN_STOPWORD_RATIO: Final = 0.06
TABLE_MIN_ROW_SHARE_INVERSE: Final = 2
# A table's row opens with its bar or closes with one ("Route | 2022-3-11 | 2022-3-4 | Weekly change (%) |"); a list's
# item opens with its dash or bullet ("- CCL Logistics Co", "- Peak season surcharge": a freight index's contributors
# and surcharges under its tables, mfame.guru t858, the thirtieth tune_other pass): both are a table's lines here.
TABLE_ROW_OPENERS: Final = ("|", "- ", "• ", "* ")
# A page whose lines mostly carry a figure (or are pipe-table rows) is a page of figures: a stock site's statement or
# key figures ("Revenue TTM CN¥28,833,814,528", "| Operating Revenue | 60,134 |", "Gross Profit" over "8.3B CNY":
# tune_sites s260, s261, s268, s269, metrics23). Its labels are noun phrases in English words of accounts and
# statistics, next to no function words (4 in 100): those words count with the function words (english_figures).
# A German or French page names none of them (dev 037: 0 of 261).
EN_FIGURE_LABEL_WORDS: Final = frozenset(
    "revenue revenues income profit profits gross net cost costs expenses expense operating sales ratio growth shares "
    "price cash flow equity debt assets dividend dividends yield earnings market interest tax taxes fiscal quarter "
    "quarterly ending estimate estimates average outstanding valuation enterprise statement financials balance "
    "sheet liabilities loss losses before after adjusted reported diluted basic book investing financing capital "
    "expenditure research development general admin selling charges items unusual other year".split()
)
FIGURE_MIN_LINE_SHARE_INVERSE: Final = 2
# A scale letter glued to its figure ("34.44B", "802M", "1.2K": a table of amounts with scale letters, moomoo's key
# stats for Bank of Ningbo, tune_sites s290, metrics25) is a run of ASCII letters but no word: english_figures leaves
# them out of the words it counts (one a cell, they outnumbered the labels' words and the page was refused as "und").
FIGURE_SCALE_LETTER_RE: Final = re.compile(r"(?<=\d)[KMB]\b")
ASCII_WORD_RE: Final = re.compile(r"[A-Za-z]+")
CJK_MAX_RATIO: Final = 0.15
CJK_RE: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Hiragana, katakana (with its phonetic extensions and the half-width forms).
KANA_RE: Final = re.compile(r"[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
# Hangul syllables, jamo and compatibility jamo.
HANGUL_RE: Final = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3131-\u318e]")
# Any character of the three classes: text without one (one scan) needs none of the three counts.
EAST_ASIAN_RE: Final = re.compile("[" + "".join(regex.pattern[1:-1] for regex in (CJK_RE, KANA_RE, HANGUL_RE)) + "]")
KANA_MIN_SHARE: Final = 0.05  # of the East Asian letters: Japanese below it is ideographs with a stray kana
# The text's ASCII words are the runs of ASCII letters in its UTF-8 bytes (no byte of a multi-byte sequence is
# an ASCII letter): every other byte is a space here.
_ASCII_LETTERS_ONLY: Final = bytes(code if chr(code).isascii() and chr(code).isalpha() else 0x20 for code in range(256))
LANG_MIN_WORDS: Final = 8
# Every letter of the three classes is a three-byte UTF-8 sequence (U+0800..U+FFFF) whose lead byte,
# 0xE0 | code point >> 12, is one of these (a byte of 0xE0 and above is only ever a lead byte): a text
# whose UTF-8 holds none of them (a few memchr scans) has no East Asian letter, without the class scan
# of every character. A lone surrogate (surrogatepass: lead 0xED) only sends the text to that scan.
_EAST_ASIAN_RANGES: Final = [(low, high) for _, (low, high) in sre_parse.parse(EAST_ASIAN_RE.pattern)[0][1]]
assert all(0x800 <= low <= high <= 0xFFFF for low, high in _EAST_ASIAN_RANGES), "a letter outside 3-byte UTF-8"
_EAST_ASIAN_LEAD_BYTES: Final = tuple(sorted({lead for low, high in _EAST_ASIAN_RANGES
                                              for lead in range(0xE0 | low >> 12, (0xE0 | high >> 12) + 1)}))
# The ASCII words and their stopwords, counted in one pass over the UTF-8 bytes by an automaton (no word is
# made a bytes object and hashed): a state is START (no word begun), HIT or MISS (as START, the word just
# ended a stopword, or another word), DEAD (in a word that is no stopword) or a lower-case prefix of a stopword.
# An ASCII letter moves a prefix to the prefix longer by the letter's lower case, or to DEAD when that is none;
# any other byte (a space of _ASCII_LETTERS_ONLY) ends the word: to HIT from a stopword, to MISS from another
# word, from START, HIT or MISS to START. So HIT and MISS are each word's end, HIT exactly a stopword's. The move
# from state s on byte b is _WORD_MOVES[s << 8 | b] (fewer than 256 states: a byte each).
_START: Final = 0
_HIT: Final = 1
_MISS: Final = 2
_DEAD: Final = 3


def _word_moves() -> bytes:
    prefixes = sorted({word[:end] for word in EN_STOPWORDS for end in range(1, len(word) + 1)})
    numbers = {"": _START} | {prefix: _DEAD + 1 + k for k, prefix in enumerate(prefixes)}
    rows = [("", _START), ("", _HIT), ("", _MISS), (None, _DEAD)] + [(prefix, numbers[prefix]) for prefix in prefixes]
    moves = bytearray(len(rows) << 8)
    for prefix, state in rows:
        for code in range(256):
            if _ASCII_LETTERS_ONLY[code] != 0x20:
                move = _DEAD if prefix is None else numbers.get(prefix + chr(code).lower(), _DEAD)
            elif state in (_START, _HIT, _MISS):
                move = _START
            else:
                move = _HIT if prefix in EN_STOPWORDS else _MISS
            moves[state << 8 | code] = move
    assert len(rows) <= 256
    return bytes(moves)


_WORD_MOVES: Final = _word_moves()

# Dates.
ISO_DATE_RE: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.年]\s?(\d{1,2})[-/.月]\s?(\d{1,2})(?!\d)")
# "11月 28, 2024": the month numbered in Chinese, then the day and the year (a Chinese locale's format of an English
# post's date, tune_sites s091).
CJK_MONTH_DAY_YEAR_RE: Final = re.compile(r"(?<!\d)(\d{1,2})月\s*(\d{1,2}),?\s+((?:19|20)\d{2})(?!\d)")
MONTHS: Final = ("january february march april may june july august september october "
                 "november december").split()
MONTH_ABBR: Final = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# "24 May 2019", "22-Jul-2020", "1. March 2020" (a dot after the day), "14th of September 2021" (neolink.au t294),
# "17th, February 2020" (a comma after an ordinal day: www.lxtelecom.com t851, the thirtieth tune_other pass)
DAY_MONTH_YEAR_RE: Final = re.compile(
    r"\b(\d{1,2})(?:(?:st|nd|rd|th),?|\.)?[\s-]+(?:of\s+)?(" + "|".join(m[:3] for m in MONTHS)
    + r")[a-z]*\.?,?[\s-]+((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# Also the abbreviation, the day and the year joined by hyphens: "Aug-04-2021" (a posting stamp, www.nbcsj-mr.com
# t359, the thirteenth tune_other pass); the year glued to the day's comma: "Jun 06,2014" (a closing "Posted:" stamp,
# www.graphene-info.com, tune_sites s345, the thirty-fifth tune_other pass).
MONTH_DAY_YEAR_RE: Final = re.compile(
    r"\b(" + "|".join(m[:3] for m in MONTHS) + r")(?:[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)|-(\d{1,2})-)"
    r"((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# The month and the day, a clock time, then the year: "September 25 22:07 2020" (a press-release aggregator's date
# line, www.lucknownewsflash.in t378, the fourteenth tune_other pass).
MONTH_DAY_TIME_YEAR_RE: Final = re.compile(
    r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?,?\s+((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
YEAR_MONTH_DAY_RE: Final = re.compile(  # "2022 December 29 09:08" (portnews.ru)
    r"\b((?:19|20)\d{2}),?\s+(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(\d{1,2})(?!\d)",
    re.IGNORECASE,
)
# "06/05/2023", "6.5.2023", "30-05-2019": day and month order is a site convention the text does not
# state. Read only when one part cannot be a month (13-31); otherwise no date is better
# than a wrong one.
NUMERIC_DMY_RE: Final = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])")
MIN_YEAR: Final = 1990
MAX_YEAR: Final = 2100


NON_SPACE_RE: Final = re.compile(r"[^\s\u200b\ufeff]")


def has_text(text: str) -> bool:
    """normalize_space(text) != "", without building the normalized copy of a whole page."""
    return NON_SPACE_RE.search(text) is not None


def is_caption(text: str) -> bool:
    """True if a (normalized) paragraph is a photo caption by its wording alone."""
    if len(text) > CAPTION_MAX_CHARS:
        return False
    first = text[:1]
    if (not first.isascii() or first in CAPTION_OPENING_FIRST) and CAPTION_OPENING_RE.match(text):
        return True
    # the credit's search scans the whole paragraph for a bracket: asked only when it has both kinds
    return (CREDIT_OPENERS[0] in text or CREDIT_OPENERS[1] in text) and (
        CREDIT_CLOSERS[0] in text or CREDIT_CLOSERS[1] in text) and CAPTION_CREDIT_RE.search(text) is not None


def parse_date(text: str | None) -> str | None:
    """The first date in `text` as YYYY-MM-DD.

    ISO/slashed/Chinese, "24 May 2019", "May 24, 2019", "2022 December 29", and "06/05/2023"
    only when the day/month order is certain (one part above 12).
    """
    if not text:
        return None
    candidates: list[tuple[int, int, int, int]] = []  # (position, y, m, d)
    # The month names need letters: ASCII text without any (lower and upper case alike), such as a
    # "2019-01-28 09:15" date meta, is not searched for them.
    named = not text.isascii() or text.lower() != text.upper()
    for m in ISO_DATE_RE.finditer(text):
        candidates.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if not text.isascii():
        for m in CJK_MONTH_DAY_YEAR_RE.finditer(text):
            candidates.append((m.start(), int(m.group(3)), int(m.group(1)), int(m.group(2))))
    if named:
        for m in YEAR_MONTH_DAY_RE.finditer(text):
            candidates.append((m.start(), int(m.group(1)), MONTH_ABBR[m.group(2)[:3].casefold()], int(m.group(3))))
    for m in NUMERIC_DMY_RE.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        if (first > 12) != (second > 12):  # exactly one part is a day that cannot be a month
            day, month = (first, second) if first > 12 else (second, first)
            candidates.append((m.start(), int(m.group(4)), month, day))
    if named:
        for m in DAY_MONTH_YEAR_RE.finditer(text):
            candidates.append((m.start(), int(m.group(3)), MONTH_ABBR[m.group(2)[:3].casefold()], int(m.group(1))))
        for m in MONTH_DAY_YEAR_RE.finditer(text):
            candidates.append((m.start(), int(m.group(4)), MONTH_ABBR[m.group(1)[:3].casefold()],
                               int(m.group(2) or m.group(3))))
        for m in MONTH_DAY_TIME_YEAR_RE.finditer(text):
            candidates.append((m.start(), int(m.group(3)), MONTH_ABBR[m.group(1)[:3].casefold()], int(m.group(2))))
    for _, y, mo, d in sorted(candidates):
        iso = make_date(y, mo, d)
        if iso:
            return iso
    return None


# Dates in article URLs, the fallback when a page shows none (as htmldate does): the path shapes of
# the news CMSs seen on the tune sets, most specific first. Year and month alone ("/202306/") give none.
URL_DATE_RES: Final = (
    re.compile(r"/((?:19|20)\d{2})-(\d{1,2})[/-](\d{1,2})(?:/|$)"),       # China Daily /2020-03/23/, CGTN /2025-02-24/
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),                      # /a/201902/26/, /s/202306/06/
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),                      # people.cn /n3/2023/0202/
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),                      # TRS /201905/t20190529_...
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),                 # Hanweb /art/2020/1/9/, blogs /2024/09/27/
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:[-/_]|\.s?html?$)"),    # /20190825/, /20240630-slug
    re.compile(r"/((?:19|20)\d{2})/([a-z]{3,9})/(\d{1,2})/", re.IGNORECASE),  # /2001/january/19/
)


def url_date(url: str | None, patterns: tuple[re.Pattern[str], ...] = URL_DATE_RES) -> str | None:
    """YYYY-MM-DD from an article URL's path ("/2020-03/23/c_464255.htm"), else None. patterns: each
    with year, month (digits or a month's name) and day groups, tried in order (a template may pass
    its own CMS's shape alone)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in patterns:
        for match in pattern.finditer(path):
            year, month, day = match.groups()
            word = month.lower()
            month_number = int(month) if month.isdigit() else MONTH_ABBR.get(word[:3]) if (
                word in MONTH_ABBR or word in MONTHS) else None
            iso = make_date(int(year), month_number, int(day)) if month_number else None
            if iso:
                return iso
    return None


def make_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD if the parts form a real date in a plausible news range, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        datetime(year, month, day)  # a real date
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"  # strftime("%Y-%m-%d") of it (four-digit years), without strftime


def detect_language(text: str) -> str:
    """"en" for English text; for text mostly in East Asian letters "ko" (hangul), "ja" (kana
    among them) or "zh" (ideographs); "und" otherwise (cheap heuristic)."""
    encoded = text.encode("utf-8", "surrogatepass")
    # isascii: a flag of the string, no scan; the lead bytes: memchr scans, before the class scan
    if text.isascii() or not _may_hold_east_asian(encoded) or EAST_ASIAN_RE.search(text) is None:
        cjk = kana = hangul = 0
    else:
        cjk = len(CJK_RE.findall(text))
        kana = len(KANA_RE.findall(text))
        hangul = len(HANGUL_RE.findall(text))
    east_asian = cjk + kana + hangul
    if east_asian:  # (without East Asian letters the share is 0, and no letters is no words: "und" below)
        letters = east_asian + len(encoded) - encoded.translate(_ASCII_LETTERS_ONLY).count(b" ")
        if east_asian / letters > CJK_MAX_RATIO:
            return east_asian_language(cjk, kana, hangul)
    words, stopwords = ascii_word_counts(encoded)
    if words < LANG_MIN_WORDS:
        return "en" if words else "und"
    return "en" if stopwords / words >= EN_MIN_STOPWORD_RATIO else "und"


def english_table(text: str) -> bool:
    """True for a page of English pipe tables that detect_language could not name ("und"): most of its lines are
    table rows ("| Change of sales in % | 8.29 | 11.21 |", a stock site's financial tables, tune_sites s202,
    metrics18), or list items under them (TABLE_ROW_OPENERS), whose labels are noun phrases with few function words;
    their share among its ASCII words is then held to TABLE_EN_MIN_STOPWORD_RATIO, not EN_MIN_STOPWORD_RATIO. A text
    of sentences is never one."""
    lines = [line for line in text.splitlines() if line.strip()]
    rows = sum(1 for line in lines if line.lstrip().startswith(TABLE_ROW_OPENERS) or line.rstrip().endswith("|"))
    if not lines or rows * TABLE_MIN_ROW_SHARE_INVERSE < len(lines):
        return False
    words, stopwords = ascii_word_counts(text.encode("utf-8", "surrogatepass"))
    return words >= LANG_MIN_WORDS and stopwords / words >= TABLE_EN_MIN_STOPWORD_RATIO


def english_figures(text: str) -> bool:
    """True for a page of figures with English labels that detect_language could not name ("und"): at least one line
    in FIGURE_MIN_LINE_SHARE_INVERSE holds a digit or is a pipe-table row, and its function words with its words of
    accounts and statistics (EN_FIGURE_LABEL_WORDS) make up EN_MIN_STOPWORD_RATIO of its ASCII words (a stock site's
    statement, "| Operating Revenue | 60,134 |", or key figures, "Profit Margin 17.16%": tune_sites s260, s261), scale
    letters glued to figures ("34.44B", FIGURE_SCALE_LETTER_RE) not counted as words (s290)."""
    lines = [line for line in text.splitlines() if line.strip()]
    figures = sum(1 for line in lines if line.lstrip().startswith("|") or any(char.isdigit() for char in line))
    if not lines or figures * FIGURE_MIN_LINE_SHARE_INVERSE < len(lines):
        return False
    words, stopwords = ascii_word_counts(text.encode("utf-8", "surrogatepass"))
    words -= len(FIGURE_SCALE_LETTER_RE.findall(text))  # "34.44B": a figure's scale letter, no word
    if words < LANG_MIN_WORDS:
        return False
    labels = sum(1 for word in ASCII_WORD_RE.findall(text) if word.lower() in EN_FIGURE_LABEL_WORDS)
    return (stopwords + labels) / words >= EN_MIN_STOPWORD_RATIO


def ascii_word_counts(encoded: bytes) -> tuple[int, int]:
    """How many ASCII words the UTF-8 bytes hold (runs of ASCII letters: len(re.findall(r"[A-Za-z]+", text)))
    and how many of them are stopwords in lower case. Compiled, the i64 locals are machine integers and each
    byte is two array reads (the byte, its move) and a test; the separator after a word a second test."""
    moves = _WORD_MOVES
    size: i64 = len(encoded)
    state: i64 = _START
    hits: i64 = 0
    misses: i64 = 0
    index: i64 = 0
    while index < size:
        state = moves[state << 8 | encoded[index]]
        if state <= _MISS:
            if state == _HIT:
                hits += 1
            elif state == _MISS:
                misses += 1
        index += 1
    state = moves[state << 8 | 0x20]  # the end of the bytes ends their last word
    if state == _HIT:
        hits += 1
    elif state == _MISS:
        misses += 1
    return hits + misses, hits


def _may_hold_east_asian(encoded: bytes) -> bool:
    """False if the UTF-8 bytes hold no lead byte of an East Asian letter (then EAST_ASIAN_RE finds none)."""
    for lead in _EAST_ASIAN_LEAD_BYTES:
        if lead in encoded:
            return True
    return False


def east_asian_language(cjk: int, kana: int, hangul: int) -> str:
    """The language of text whose East Asian letters are `cjk` ideographs, `kana` and `hangul`."""
    if hangul > kana and hangul >= cjk:
        return "ko"
    if kana and kana >= KANA_MIN_SHARE * (cjk + kana + hangul):
        return "ja"
    return "zh"


class Block:
    """One text block of a page region, with the layout hints the caption rule uses.

    What `@dataclass` made of these fields (their __init__, __eq__ and __repr__, no hash), written out:
    compiled, a dataclass's __init__ is the one the dataclasses module generates, run interpreted (about
    4,000 instructions a block, the walker makes some 8 a page); this class's compiles with it.

    `normalized`: the text is normalize_space's answer already (the block walker's are), so split_body
    takes it as it is (normalize_space gives such text back unchanged, after reading all of it). Not a
    field: no part of the block's equality or repr."""

    __slots__ = ("text", "centered", "caption_markup", "after_image", "heading", "normalized")

    def __init__(self, text: str, centered: bool = False, caption_markup: bool = False,
                 after_image: bool = False, heading: bool = False, normalized: bool = False) -> None:
        self.text = text
        self.centered = centered
        self.caption_markup = caption_markup  # inside <figcaption> or an element with a caption class
        self.after_image = after_image  # the previous block was only an image / this one holds an image
        self.heading = heading
        self.normalized = normalized

    def _fields(self) -> tuple[object, ...]:
        return (self.text, self.centered, self.caption_markup, self.after_image, self.heading)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Block) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # (and, defining __eq__, no __hash__: as the dataclass's)

    def __repr__(self) -> str:
        return (f"Block(text={self.text!r}, centered={self.centered!r}, caption_markup={self.caption_markup!r}, "
                f"after_image={self.after_image!r}, heading={self.heading!r})")


@dataclass
class Content:
    """What a template found on a page, before the shared clean-up."""

    title: str | None
    published: str | None
    section: str | None
    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    # for text pages: the site template the page text shows ("hanweb"/"joomla"), if any
    site_template: str | None = None
    # the title is the body's first paragraph (a page without a headline: its lead stands for the
    # title), so that paragraph stays in the body
    title_in_body: bool = False


def split_body(blocks: list[Block], title: str | None) -> tuple[list[str], list[str]]:
    """Normalize blocks, drop boilerplate/empty/title-repeat lines, split off captions.

    Returns (body paragraphs, captions) in page order.
    """
    body: list[str] = []
    captions: list[str] = []
    norm_title = normalize_space(title or "").casefold()
    block_of_paragraph: list[int] = []  # for each body paragraph, the index of its block
    contact_at: int | None = None  # index of a contact line after which no body paragraph comes
    share_at: int | None = None  # index of the share icons under the body
    related_at: int | None = None  # index of a related-posts box's heading under the body
    neighbour_at: int | None = None  # index of a pager's label to the neighbouring stories under the body
    comments_at: int | None = None  # index of a comment section's count under the body
    last_index = -1  # index of the last block with text
    for index, block in enumerate(blocks):
        text = block_text(block)
        if not text:
            continue
        last_index = index
        if (CONTACT_COLONS[0] in text or CONTACT_COLONS[1] in text) and any(
                regex.match(text) for regex in CONTACT_RES):  # ^ can only match at 0: no newline
            contact_at = index
        # text: normalized, non-empty. HAS_CONTENT_RE's class is str.isalnum() (sre's \w less "_"): a paragraph
        # opening with a letter or a digit (most) has content without the search.
        if not (text[0].isalnum() or HAS_CONTENT_RE.search(text)) or is_boilerplate_text(text) \
                and not TABLE_UNIT_LINE_KEPT_RE.fullmatch(text):
            if share_at is None and body and SHARE_BAR_RE.match(text):
                share_at = index
            if related_at is None and body and RELATED_BOX_RE.match(text):
                related_at = index
            if neighbour_at is None and body and NEIGHBOUR_LABEL_RE.match(text):
                neighbour_at = index
            if comments_at is None and body and COMMENTS_COUNT_RE.match(text):
                comments_at = index
            continue
        if norm_title and is_title_repeat(text, norm_title):
            continue  # the headline repeated (top of the content region, image alt text, a cut link)
        if JOOMLA_CLOAKING in text:  # the cloak's notice inside a sentence (alone on a line it is boilerplate)
            text = normalize_space(text.replace(JOOMLA_CLOAKING, " "))
        if _block_is_caption(block, text):
            captions.append(text)
        else:
            body.append(text)
            block_of_paragraph.append(index)
    if contact_at is not None and (not block_of_paragraph or block_of_paragraph[-1] < contact_at):
        # the press contact closing the page: its name and organisation lines go with it
        for _ in range(CONTACT_NAME_LINES):
            if not body or block_of_paragraph[-1] != contact_at - 1 or not _is_name_line(body[-1]):
                break
            body.pop()
            contact_at = block_of_paragraph.pop()
    if share_at is not None:
        after = _first_paragraph_after(block_of_paragraph, share_at)
        if after is not None and all(_is_module_title(text) for text in body[after:]):
            del body[after:]
    if related_at is not None:
        after = _first_paragraph_after(block_of_paragraph, related_at)
        if after is not None and _is_related_box(body[after:]):
            del body[after:]
    if neighbour_at is not None:
        after = _first_paragraph_after(block_of_paragraph, neighbour_at)
        if after is not None and block_of_paragraph[after] == neighbour_at + 1 \
                and _is_module_title(body[after], RELATED_TITLE_MAX_WORDS):
            del body[after:]
    if comments_at is not None:
        after = _first_paragraph_after(block_of_paragraph, comments_at)
        commenter = next((block_text(block) for block in blocks[comments_at + 1:] if block.text.strip()), "")
        if after is not None and COMMENTER_RE.match(commenter):
            del body[after:]
    if body and block_of_paragraph[len(body) - 1] == last_index - 1 and len(body) > 1 \
            and _is_module_title(body[-1], RELATED_TITLE_MAX_WORDS):
        closing = blocks[last_index]
        if DATE_ONLY_RE.match(block_text(closing)):
            body.pop()
    _join_wrapped(body, block_of_paragraph)
    _drop_cut_teasers(body)
    return body, captions


# A sentence broken over lines where its text was wrapped by hand ("Ningbo handled 16.77 million" over "twenty-foot
# equivalent units (TEUs) in 2013", tune_other t316; 52 of the tuned sets' pages): a paragraph of at least this many
# words whose last word is lowercase, a number or closed by a comma, right above a block of two words or more that
# opens with a lowercase word, is one paragraph with it (the metric rules read a sentence within its paragraph:
# "decline by 5.4" over "percentage points" was no metric, tune_sites s001). Not a name's line over a lowercase
# line ("... reporter Zhang Xiaojie" over "data", "Generado por ... Philip Carter" over "viernes, 29 de agosto"),
# nor over a code ("e59bbee78987"): site chrome stays its own line.
WRAPPED_MIN_WORDS: Final = 5
# Currency marks written before a number ("RMB110 million", "US$ 5 billion"; metrics.vocab's table, kept here so the
# page walk reads them too).
CURRENCY_PREFIXES: Final = ("US$", "USD", "RMB", "rmb", "CNY", "CN¥", "EUR", "€", "¥", "￥", "$")
# A line closed by a word no sentence ends on goes on in a next line opening with a figure ("... had totally employed
# more than" over "160,000 people, with ...", "... took up RMB" over "1.5 billion Yuans", a PDF's text, tune_sites
# s094; "... can be traced back to" over "7,000 years ago", tune_other t841): hedges, prepositions, articles,
# copulas and the currency marks.
FIGURE_LEAD_WORDS: Final = frozenset({"about", "approximately", "around", "nearly", "over", "than", "almost", "beyond",
                                      "least", "roughly", "some", "of", "to", "by", "in", "at", "from", "with", "for",
                                      "the", "a", "an", "is", "are", "was", "were", "covers", *CURRENCY_PREFIXES})
WRAPPED_REST_RE: Final = re.compile(r"[a-z]+(?:[-'][a-z]+)*[ ,;:)]\S*\s\S")


def _join_wrapped(body: list[str], block_of_paragraph: list[int]) -> None:
    """Join (in place) each body paragraph to the wrapped rest of its sentence in the block right after it."""
    for i in range(len(body) - 2, -1, -1):
        text, rest = body[i], body[i + 1]
        figure = "0" <= rest[0] <= "9"  # (a figure goes on a sentence left open by a word no sentence ends on)
        if not figure and not "a" <= rest[0] <= "z" or block_of_paragraph[i + 1] != block_of_paragraph[i] + 1 \
                or text.count(" ") < WRAPPED_MIN_WORDS - 1:  # (normalized: one space between words)
            continue
        last = text[text.rfind(" ") + 1:]
        if figure:
            joined = last in FIGURE_LEAD_WORDS and " " in rest
        else:
            open_end = text[-1] == "," or (text[-1].isalnum() and (last[0].islower() or last[0].isdigit()))
            joined = open_end and WRAPPED_REST_RE.match(rest) is not None
        if joined:
            body[i] = f"{text} {rest}"
            del body[i + 1]
            del block_of_paragraph[i + 1]


# A listing's teaser cut by the site with an ellipsis, right above the paragraph it was cut from ("... the more
# peaceful surrounds of Ningbo, some four ho..." over "... of Ningbo, some four hours journey to the south. ...", a
# travel site's section page showing one post, www.synotrip.com t668, the twenty-second tune_other pass): the teaser
# goes, the paragraph stays. The part before the ellipsis has at least this many characters.
# CUT_ENDS also closes a headline the site cut ("... during summer h...", templates/text.py).
CUT_ENDS: Final = ("...", "…")
CUT_TEASER_MIN_CHARS: Final = 40


def _drop_cut_teasers(body: list[str]) -> None:
    """Remove (in place) each paragraph closed by an ellipsis whose text before it opens the next paragraph."""
    for i in range(len(body) - 2, -1, -1):
        text = body[i]
        if text.endswith(CUT_ENDS):
            stem = text.rstrip(".…").rstrip()
            if len(stem) >= CUT_TEASER_MIN_CHARS and body[i + 1].startswith(stem):
                del body[i]


def block_text(block: Block) -> str:
    """The block's text, normalized (normalize_space; a block the walker marked normalized as it is)."""
    return block.text if block.normalized else normalize_space(block.text)


def _first_paragraph_after(block_of_paragraph: list[int], index: int) -> int | None:
    """The position of the first body paragraph whose block comes after blocks[index], else None."""
    for position, block in enumerate(block_of_paragraph):
        if block > index:
            return position
    return None


def _is_module_title(text: str, max_words: int = MODULE_TITLE_MAX_WORDS) -> bool:
    """A module's title under the share icons (or a related post's under its box's heading): a few words, no
    sentence end."""
    return len(text.split()) <= max_words and not re.search(r"[.!?。！？]$", text)


def _is_related_box(items: list[str]) -> bool:
    """The paragraphs under a related box's heading are its items: headline-sized lines, each with at most one
    teaser of one sentence right under it, teasers only in a box of two items or more (one headline-sized line
    over one sentence may be a subheading over the text's last paragraph)."""
    teaser_allowed = False
    titles = teasers = 0
    for text in items:
        if _is_module_title(text, RELATED_TITLE_MAX_WORDS):
            teaser_allowed = True
            titles += 1
        elif teaser_allowed and len(text.split()) <= RELATED_TEASER_MAX_WORDS and not SENTENCE_BREAK_RE.search(text):
            teaser_allowed = False
            teasers += 1
        else:
            return False
    return not teasers or titles >= RELATED_TEASED_MIN_ITEMS


def _is_name_line(text: str) -> bool:
    """A contact block's name or organisation line: a few words, no sentence punctuation."""
    return len(text.split()) <= NAME_LINE_MAX_WORDS and not re.search(r"[.,;:!?。，]$|[,;]", text)


def is_title_repeat(text: str, norm_title: str) -> bool:
    """True if a paragraph is the headline again, whole or cut ("Ningbo, Zhejiang: A two-way journey...").

    norm_title is the normalized, casefolded title. A cut repeat must keep TITLE_PREFIX_MIN_CHARS
    of it, so that a short body line that happens to open like the headline stays.
    """
    # casefold() folds character by character (no context): the folded text opens with its first character's
    # folding, and a repeat (whole, or a cut of at least TITLE_PREFIX_MIN_CHARS) opens as the title does. Most
    # paragraphs differ there, and are not folded whole.
    if text[:1].casefold()[:1] != norm_title[:1]:
        return False
    folded = text.casefold()
    if folded == norm_title:
        return True
    cut = folded.rstrip(".…").rstrip()
    return len(cut) >= TITLE_PREFIX_MIN_CHARS and norm_title.startswith(cut)


def _block_is_caption(block: Block, text: str) -> bool:
    if block.heading:
        return False
    if block.caption_markup and len(text) <= CAPTION_MAX_CHARS:
        return True
    if is_caption(text):
        return True
    return block.centered and block.after_image and len(text) <= CAPTION_MAX_CHARS
