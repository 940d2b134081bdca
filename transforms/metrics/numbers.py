"""Numbers first: the number grammar every matcher builds on, the spans that are never quantities
(dates, times, phone numbers, ids), and the `_Found` record a matched quantity becomes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from transforms.metrics.vocab import (
    FRACTION_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SPELLED_NUMBERS,
    SPELLED_TENS,
    SPELLED_UNITS,
    words_pattern,
)

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUM = rf"(?<![\w.,/#+\-−])(?P<num>{NUMBER})(?![.,]\d)"

SCALE = rf"(?:\s+(?P<scale>{words_pattern(SCALE_WORDS, space=' ')})\b)?"

# A number right after a currency mark, glued or not ("RMB110 million", "US$ 5 billion").
PREFIXED_NUM = rf"(?P<num>{NUMBER})(?![.,]\d)"

ORDINAL_ALT = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))

_FRACTION_WORD_ALT = "|".join(w.replace(" ", "[- ]") for w in sorted(FRACTION_WORDS, key=len, reverse=True))

MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|"
               "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
EXCLUDED_SPAN_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,?\s*(?:19|20)\d{{2}})?\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b\.?(?:,?\s+(?:19|20)\d{{2}})?"),
    re.compile(rf"\b(?:{MONTH_NAMES})\s+(?:of\s+)?(?:19|20)\d{{2}}\b"),
    re.compile(r"\b(?:19|20)\d{2}[-/年]\d{1,2}(?:[-/月]\d{1,2}日?)?"),
    re.compile(r"\b(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\b"),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(r"\b(?:19|20)\d{2}\s*(?:(?:-|–|—|~|to)\s*(?:19|20)\d{2}|(?:-|–|—|~)\s*\d{2}(?![\d.,%]))\b"),
    re.compile(r"(?:\+\d{1,3}[- ]?)?\(?\b\d{2,4}\)?[- ]\d{3,4}[- ]?\d{4}\b"),
    re.compile(r"\b\d{7,}\b"),
)
YEAR_LIKE_RE = re.compile(r"^(?:19|20)\d{2}$")

YEAR = r"(?:19|20)\d{2}"

ANY_YEAR_RE = re.compile(rf"\b{YEAR}\b")

ADJECTIVAL_UNIT_RE = re.compile(r"\d-[a-z]")

ANY_NUMBER_RE = re.compile(r"\d")


@dataclass
class _Found:
    """One quantity found in a sentence (offsets relative to the paragraph)."""

    start: int  # start of `text`
    end: int
    value: float
    unit: str
    kind: str | None = None  # decided later unless fixed by the matcher
    subject: str | None = None
    num_start: int = 0  # where the number (or currency sign) starts: qualifier context
    qualifier: str | None = None  # fixed by the matcher ("top 10" is at most 10)
    rules: list[str] = field(default_factory=list)  # ids of the rules that decided it, in order


def _number(match: re.Match[str]) -> float:
    """The matched number with its scale word applied, exactly ("32.8 billion" -> 32800000000.0)."""
    value = Decimal(match.group("num").replace(",", ""))
    scale = match.groupdict().get("scale")
    if scale:
        value *= Decimal(int(SCALE_WORDS[scale.lower()]))
    return float(value)


# Every matcher needs a digit or one of these words: a sentence with neither is skipped
# (most sentences of an article), which is where most of the time went.
NUMBERISH_RE = re.compile(
    r"\d|(?<![\w-])(?:" + "|".join(sorted({*SPELLED_NUMBERS, *SPELLED_TENS, *SPELLED_UNITS, *ORDINAL_WORDS,
                                          "half", "halves", "thirds", "quarter", "quarters", "fourths", "fifths"},
                                         key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)


def _spelled_value(word: str) -> int:
    """ "seven" -> 7, "twenty-one" -> 21."""
    tens, _, units = word.lower().partition("-")
    return SPELLED_TENS[tens] + SPELLED_UNITS[units] if units else SPELLED_NUMBERS[tens]
