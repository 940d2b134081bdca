"""A text page's date from a short dated line beside its headline: the fallback when the page's rules
found none.

Sites print the article's date next to the headline in more shapes than rules can list ("31 Mar
2014 by Clement Huang", "(People's Daily Online) 15:42, January 21, 2019", "Pubdate:2023.11.30
Source: Hit:653", "in Port News 19/08/2021"). Each tune_other pass wrote rules for the shapes its pages
showed, and the next pass's unseen pages brought new ones. This is the shape they share: a line of at
most MAX_LINE_CHARS, within a few lines under the headline (else above it, nearest first, never past a
sentence of the text), in which
`parse_date` finds a date, with at most MAX_OTHER_WORDS words besides the date's. A line giving a span
of days ("Time: 22 July - 28 August, 2022", "Date: 2016/06/30 to 2016/07/03", "28-31 March 2018") dates
an event or a trip, not the page, and is passed over.

Measured on pages the rules had not seen (`python -m devtools.unseen_checks --rules-rev 31dd53b~1 --from
t151 --to t522 tune_other`): the rules as they stood before the seventh tune_other pass dated 85 of the
118 dated pages that pass and the later ones added; with this line 103, none broken, and no date given
to any of their 238 pages labelled without one.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.templates.text import is_sentence
from transforms.textutil import MONTH_ABBR, MONTHS, normalize_space, parse_date

LINES_UNDER = 6  # lines under the headline searched, nearest first ...
LINES_ABOVE = 3  # ... then these above it, nearest first
MAX_LINE_CHARS = 120  # a longer line is a paragraph (a dateline opening the text is the text's rules' business)
MAX_OTHER_WORDS = 8  # words other than the date's: a byline, a source name, "Posted:", "hits"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The words a date is written with (textutil's months and their abbreviations, weekdays and theirs, ordinal
# suffixes, clock words).
DATE_WORDS = frozenset(MONTHS) | MONTH_ABBR.keys() | frozenset(WEEKDAYS) | frozenset(day[:3] for day in WEEKDAYS) \
    | frozenset(("st", "nd", "rd", "th", "of", "am", "pm"))
WORD_RE = re.compile(r"[A-Za-z]+")
MONTH_NAME_RE = re.compile(r"\b(?:" + "|".join(month[:3] for month in MONTHS) + r")[a-z]*\.?(?![a-z])", re.IGNORECASE)
NUMERIC_DATE_RE = re.compile(r"\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b")
# "28-31 March 2018", "5th to 7th of May" (not the month and day of a numeric date: "2014-03-25 hits")
DAY_SPAN_RE = re.compile(
    r"(?<![-/.\d])\b\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3}")
SPAN_JOINER_RE = re.compile(r"\bto\b|\s[-–—]\s|[–—]")  # what joins the two dates of a span


# A fiscal year's end named in a column heading ("FY ended Dec. 31, 2017").
FISCAL_END_RE = re.compile(r"\b(?:ended|ending)\b", re.IGNORECASE)


def is_date_span(line: str) -> bool:
    """True if the line gives a span of days: two dates (month names or numeric dates) joined by
    "to" or a dash, or two days of one month ("28-31 March")."""
    if DAY_SPAN_RE.search(line):
        return True
    starts = sorted([m.start() for m in MONTH_NAME_RE.finditer(line)] +
                    [m.start() for m in NUMERIC_DATE_RE.finditer(line)])
    return len(starts) >= 2 and SPAN_JOINER_RE.search(line, starts[0], starts[1]) is not None


def is_table_headings(line: str) -> bool:
    """True if the line is a table's column headings, a date in two of its cells ("FY2020 (ended Dec. 31, 2020) |
    FY2019 (ended Dec. 31, 2019) | Rate of change(%) |", a company report's financial overview, tune_sites s160 and
    s176), or two fiscal years' ends with no bars between them ("FY ended Dec. 31, 2017 FY ended Dec. 31, 2016 Rate
    of change Factors", a table set apart by spaces, s185, metrics17): the fiscal years of its columns, not the
    page's date."""
    bars = "|" in line
    if not bars and len(FISCAL_END_RE.findall(line)) < 2:
        return False
    starts = sorted([m.start() for m in MONTH_NAME_RE.finditer(line)] +
                    [m.start() for m in NUMERIC_DATE_RE.finditer(line)])
    return len(starts) >= 2 and (not bars or "|" in line[starts[0]:starts[1]])


def dated_line(line: str) -> str | None:
    """YYYY-MM-DD if `line` is a short line carrying one date (not a span, nor a table's column headings), else
    None."""
    if len(line) > MAX_LINE_CHARS:
        return None
    found = parse_date(line)
    if found is None or is_date_span(line) or is_table_headings(line):
        return None
    others = sum(1 for word in WORD_RE.findall(line) if word.lower() not in DATE_WORDS)
    return found if others <= MAX_OTHER_WORDS else None


def date_near_title(lines: Sequence[str], title: str | None) -> str | None:
    """The date of the first dated line under the headline line (LINES_UNDER), else above it
    (LINES_ABOVE), nearest first, neither search passing a sentence of the text; None when no line is
    the headline or none is dated."""
    headline = normalize_space(title or "")
    if not headline:
        return None
    texts = [normalize_space(line.strip().lstrip("#")) for line in lines]  # (a "## " heading mark aside)
    texts = [text for text in texts if text]
    index = next((i for i, text in enumerate(texts) if text == headline), None)
    if index is None:
        return None
    for near in (texts[index + 1:index + 1 + LINES_UNDER], texts[max(0, index - LINES_ABOVE):index][::-1]):
        for text in near:
            # A sentence of the text (the text template's `is_sentence`) ends the headline's surroundings: a date
            # line past it is the text's ("April 29, 2009 was the day the fair opened.") or under it (a sidebar's
            # stamp, a closing date), which the text template's own rules weigh.
            if is_sentence(text):
                break
            found = dated_line(text)
            if found is not None:
                return found
    return None

