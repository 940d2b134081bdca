"""Periods: time expressions of a sentence (cues) and the one each quantity takes.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Final

from transforms.context import gate_text, holds_any, vocab_key
from transforms.fastre import TailPattern, matches_from_starts, opening_scan, opening_with
from transforms.metrics.numbers import ADJECTIVAL_UNIT_RE, ANY_YEAR_RE, MONTH_NAMES, YEAR
from transforms.metrics.structure import PUBLISHED_RE
from transforms.metrics.vocab import (
    AMOUNT_COMPARATIVES,
    MONTH_COUNT_WORDS,
    MONTH_NUMBER,
    MONTH_PART_ORDINALS,
    NUMBER_WORDS,
    PART_MONTHS,
    words_pattern,
)
from transforms.textutil import MONTHS

MONTH: Final = "|".join(m.capitalize() for m in MONTHS)
MONTH_RANGE_RE: Final = re.compile(
    rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{MONTH})\s+(?:to|and|through|till|until)\s+(?P<m2>{MONTH})"
    rf"(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR}))?"
)
# A range of days: "from June 1 to June 19", "between May 1 and 5", "from June 10-19, 2022" (the month of the
# second day may be left out; its year as MONTH_RANGE_RE's).
DAY: Final = r"(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
DAY_RANGE_RE: Final = re.compile(
    rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{MONTH})\s+(?P<d1>{DAY})\s*(?:to|and|through|till|until|-|–)\s*"
    rf"(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})\b(?:\s*,?\s*(?P<year>{YEAR})(?![\d,]))?"
)
CUE_PREFIX: Final = r"(?:(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]ver)\s+the\s+)?"
FIRST_MONTHS_RE: Final = re.compile(
    rf"{CUE_PREFIX}\bfirst\s+(?P<n>{words_pattern(MONTH_COUNT_WORDS)}|\d{{1,2}})\s+months"
    rf"(?:\s+of\s+(?:(?:this|the)\s+year|(?P<year>{YEAR})))?",
    re.IGNORECASE,
)
PART_OF_YEAR_RE: Final = re.compile(
    rf"{CUE_PREFIX}\b(?P<part>{words_pattern(PART_MONTHS)})(?:\s+of\s+(?:(?:this|the)\s+year|(?P<year>{YEAR})))?",
    re.IGNORECASE,
)

# A quarter, a half or a fiscal year as company reports and brokers' notes write them: "1Q24", "3Q 2024", "1-3Q24",
# "Q1 2024", "Q1-Q3 2024", "Q3'24", "2024Q1", "1H24", "H1 2024", "FY2023" (a Chinese company's fiscal year is the
# calendar year). Upper-case letters only ("h1"/"q1" in running text are rarely these); "H1" needs its year ("H1N1",
# a heading); two-digit years are 20xx.
FISCAL_PART_RE: Final = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<qa>[1-4])(?:\s*-\s*(?P<qb>[1-4]))?Q\s?'?(?P<y1>20\d{2}|\d{2})"
    r"|Q(?P<qc>[1-4])(?:\s*-\s*Q?(?P<qd>[1-4]))?(?:(?:\s+|\s*,\s*|\s?')(?P<y2>(?:19|20)\d{2}|(?<=')\d{2}))?"
    r"|(?P<ha>[12])H\s?'?(?P<y3>20\d{2}|\d{2})"
    r"|H(?P<hb>[12])\s+(?P<y4>(?:19|20)\d{2})"
    r"|(?P<y5>(?:19|20)\d{2})\s?Q(?P<qe>[1-4])"
    r"|FY\s?(?P<y6>(?:19|20)\d{2}|\d{2})"
    r")(?![\w-])"
)
FISCAL_PART_GATE: Final = ("Q", "H", "FY")


YEAR_RANGE_RE: Final = re.compile(
    rf"\b(?:[Ff]rom\s+(?P<a1>{YEAR})\s+(?:to|till|until|through)\s+(?P<b1>{YEAR})|"
    rf"[Bb]etween\s+(?P<a2>{YEAR})\s+and\s+(?P<b2>{YEAR})|(?P<a3>{YEAR})\s*(?:-|–|—|~)\s*(?P<b3>{YEAR}))\b"
)
SINCE_RE: Final = re.compile(rf"\b[Ss]ince\b(?:(?!\b{YEAR}\b)[^.;]){{0,100}}?\b(?P<year>{YEAR})\b(?!\s*[-–])")
# The words before a year that make it the period ("in", "by the end of", ...): IN_YEAR_RE's opening.
IN_YEAR_LEAD: Final = (r"\b(?:[Ii]n|[Bb]y\s+the\s+end\s+of|[Aa]t\s+the\s+end\s+of|[Aa]s\s+of|[Bb]y|[Dd]uring|"
                       r"[Tt]hroughout|[Ff]or|[Ii]n\s+the\s+year(?:\s+of)?|[Ee]nd\s+of)")
IN_YEAR_RE: Final = re.compile(rf"{IN_YEAR_LEAD}\s+(?P<year>{YEAR})\b(?!\s*[-–]\d)")
# "founded in 1998" dates an event, it is not the period a figure is measured over.
# ("formed": "Key Safety was formed in 2003 when private equity firm Carlyle Group bought the assets ...", metrics21,
# tune_sites s226: the next sentence's "$1.5 billion in revenue annually" was dated 2003)
EVENT_WORDS: Final = ("founded", "formed", "established", "set up", "built", "born", "opened", "open", "opens",
                      "launched", "launch", "launches", "started", "start", "starts", "begin", "begins", "began",
                      "completed", "complete", "completes", "created", "inaugurated", "listed", "approved", "held",
                      "awarded", "introduced", "proposed", "published", "released", "announced", "issued", "signed",
                      "unveiled", "took place", "take place")
EVENT_BEFORE_YEAR_RE: Final = re.compile(
    r"\b(?:" + "|".join(word.replace(" ", r"\s+") for word in EVENT_WORDS) + ")"
    r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\s*$",
    re.IGNORECASE,
)
# Every EVENT_BEFORE_YEAR_RE match holds its event's longest word (in a gate_text): the text before a year or
# month cue is not searched for an event where the run of words before the cue holds none of these (most).
_EVENT_KEYS: Final = {max(event.split(), key=len) for event in EVENT_WORDS}
EVENT_GATE_WORDS: Final = tuple(sorted(key for key in _EVENT_KEYS
                                     if not any(o != key and o in key for o in _EVENT_KEYS)))
# A single month: "In March alone", "as of March 11", "at (as of) the end of September", "in late January".
# (its words before the month, and the "-" or space and whitespace after them)
MONTH_CUE_LEAD: Final = (
    r"\b(?:[Ii]n|[Dd]uring|[Aa]s\s+of|[Bb]y|(?:[Bb]y|[Aa]t|[Aa]s\s+of)\s+the\s+end\s+of|[Ii]n\s+(?:early|mid|late)|"
    rf"[Ii]n\s+the\s+{words_pattern(MONTH_PART_ORDINALS)}\s+(?:week|half|ten\s+days)\s+of)[- ]\s*")
MONTH_CUE_RE: Final = re.compile(
    rf"{MONTH_CUE_LEAD}"
    rf"(?P<m>{MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?\b(?!\s+(?:to|and|through|-)\s+"
    rf"(?:{MONTH}))"
)
# Words between a figure and a later cue that make the cue the comparison base ("30% more than at the
# previous expo in 2018", "11 times the output at the end of January").
COMPARISON_BETWEEN_RE: Final = re.compile(
    r"\b(?:(?<!\bmore\s)(?<!\bless\s)(?<!\bfewer\s)than|"
    rf"{words_pattern(AMOUNT_COMPARATIVES)}\s+than(?!\s+(?:RMB|US\$|\$|¥|￥)?\s*\d)"
    r"|compared|from\s+a\s+year|same\s+period|times\s+(?:the|that|as))\b",
    re.IGNORECASE)
# Where one clause of a sentence ends and another begins: a cue does not cross it to a later figure.
CLAUSE_BOUNDARY_RE: Final = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|although|though|yet)\b")
CLAUSE_COMMA_RE: Final = re.compile(r",(?!\d{3})")  # not the thousands separator of "860,000"
RELATIVE_CLAUSE_BEFORE_RE: Final = re.compile(r",\s*(?:which|who|that)\b[^,]*$")
# A clause that dates its main clause: "When Line 4 opens in 2020, the network will cover 154.3 km".
WHEN_CLAUSE_RE: Final = re.compile(r"^\s*(?:When|Once|After|By\s+the\s+time)\b")
# A cue after a figure that only says what it is compared with: "than in 2018", "over the same period last year".
COMPARISON_BEFORE_CUE_RE: Final = re.compile(
    r"(?:\bthan|\bfrom|\bover|\bcompared\s+with|\bcompared\s+to|\bagainst|\bsince|\bversus|same\s+period\s+(?:of)?|"
    r"\bof|(?<!and\s)(?<!or\s)\bbelow|(?<!and\s)(?<!or\s)\babove|\bbeyond|"
    r"\bthat\s+of|\bbefore|\bafter)\s*(?:in\s+|the\s+|that\s+of\s+)*$",
    re.IGNORECASE,
)
# The words before "last year" that make it what a figure is compared with, not the sentence's time ("an increase
# of 297 people over that of the last year", "compared to the last year"); not "since"/"from" ("Since the beginning
# of this year" is a time).
RELATIVE_BASE_RE: Final = re.compile(
    r"(?:\bthan|\bover|\bcompared\s+(?:with|to)|\bagainst|\bversus|same\s+period\s+(?:of)?|\bthat\s+of)"
    r"\s*(?:in\s+|the\s+|that\s+of\s+)*$",
    re.IGNORECASE,
)
# "last year", with the preposition that makes it the figure's time ("by the end of last year")
RELATIVE_YEAR_LEAD: Final = r"\b(?:(?:[Bb]y|[Aa]t)\s+the\s+end\s+of\s+|[Aa]s\s+of\s+|[Ii]n\s+|[Dd]uring\s+)"
RELATIVE_YEAR_RE: Final = re.compile(rf"{RELATIVE_YEAR_LEAD}?(?P<rel>(?i:last|this))\s+(?i:year)\b")
RELATIVE_YEAR_WORDS: Final = ("last", "this")
# "in the year", "during the whole year", "for the year", "in the same year": a cue of the year the text named before
# (period.cue); not "the year of 2019" (IN_YEAR_LEAD's), "in the year to June", "the year before", "the year ahead",
# "for the year-on-year".
# A year the text names as a time: after IN_YEAR_LEAD's words or a month ("in 2018", "by the end of 2020", "From
# January to November 2018", "June 30, 2021"): what "in the year" refers back to.
YEAR_NAMED_RE: Final = re.compile(
    rf"(?:{IN_YEAR_LEAD}|\b(?:{MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?)\s+(?P<year>{YEAR})\b(?!\s*[-–]\d)"
)
THE_YEAR_CORE: Final = r"the\s+(?:whole\s+|entire\s+|full\s+|same\s+)?year\b"
THE_YEAR_RE: Final = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]ver|[Tt]hroughout)\s+{THE_YEAR_CORE}"
    r"(?![-‐–'’]|\s+(?:of|to|before|after|ahead|since|end|ending|ended|earlier|later|round|\d))"
)
# THE_YEAR_RE's gate: every match of it holds a match of its middle, THE_YEAR_CORE (the same text around it), so a
# sentence this finds nothing in holds no match of it. THE_YEAR_RE opens with \b and alternatives, so re tries it at
# every character (some 300 instructions each); this opens with the literal "the", which re skips ahead to.
THE_YEAR_GATE_RE: Final = re.compile(THE_YEAR_CORE)
# What may stand between a month cue and the relative year that dates it: "From January to May (of) this year".
MONTHS_THEN_YEAR_GAP_RE: Final = re.compile(r"\s*,?\s*(?:of\s+)?")
MONTHS_PERIOD_RE: Final = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?(?:\.\.\d{4}-\d{2}(?:-\d{2})?)?$")  # (or days)
# Cheap gates: a cue pattern is scanned only if the sentence has what every match of it contains.
MONTH_NAME_RE: Final = re.compile(MONTH)
# The month names written in full (MONTH's), the first of the month names _MONTH_GATE finds.
FULL_MONTH_NAMES: Final = frozenset(MONTH.split("|"))
assert MONTH_NAMES.split("|")[:len(FULL_MONTH_NAMES)] == MONTH.split("|")


def sentence_month_starts(months: list[tuple[int, str]], start: int, end: int) -> list[int]:
    """Where the month names written in full start in the sentence para[start:end] (relative to it): the starts
    of MONTH_NAME_RE.finditer(para[start:end]), read off the paragraph's month names (structure.month_names:
    every full name in the paragraph is one of them, found whole, since no month name holds a capital but its
    first letter)."""
    return [month_start - start for month_start, name in months
            if month_start >= start and month_start + len(name) <= end and name in FULL_MONTH_NAMES]


# A year's digits, at a word boundary or not (without ANY_YEAR_RE's leading \b the engine skips
# straight to the next 1 or 2): every year pattern holds one, a range two apart (findall, taking
# the leftmost each time, finds as many of these four-digit strings as can be found apart).
YEAR_DIGITS_RE: Final = re.compile(YEAR)
# What every RELATIVE_YEAR_RE match holds, in a gate_text (lowercase, IGNORECASE's letters folded).
RELATIVE_YEAR_GATE_RE: Final = re.compile(r"(?:last|this)\s+year")


# The cue patterns as _period_cues scans sentences with them (test_context: the same matches as the above);
# through a LeadScan (opening_scan) those whose first characters are rare in a sentence (capitals, digits,
# "s" of "since" after a year test): where they are common letters, the twin tries about as many places.
MONTH_RANGE_SCAN: Final = opening_scan(MONTH_RANGE_RE, "FfBb")  # From, Between
DAY_RANGE_SCAN: Final = opening_scan(DAY_RANGE_RE, "FfBb")  # From, Between
FIRST_MONTHS_SCAN: Final = opening_with(FIRST_MONTHS_RE, "idfo")  # (in|during|for|over the) first
PART_OF_YEAR_SCAN: Final = opening_with(PART_OF_YEAR_RE, "idfost")  # (in|during|for|over the) first|second|third|fourth
YEAR_RANGE_SCAN: Final = opening_scan(YEAR_RANGE_RE, "FfBb12")  # From, Between, a year
SINCE_SCAN: Final = opening_scan(SINCE_RE, "Ss")
# What every match of FIRST_MONTHS_RE and PART_OF_YEAR_RE opens with, or has right after CUE_PREFIX: a part
# word (in any case) at a word start (`ordinal_cue_matches`); CUE_PREFIX's lead words.
FIRST_MONTHS_WORDS: Final = ("first",)
PART_OF_YEAR_WORDS: Final = ("first", "second", "third", "fourth")
CUE_PREFIX_LEADS: Final = ("in", "during", "for", "over")
assert CUE_PREFIX == r"(?:(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]ver)\s+the\s+)?" and all(
    regex.pattern.startswith(CUE_PREFIX + r"\b") for regex in (FIRST_MONTHS_RE, PART_OF_YEAR_RE))
assert all(regex.pattern.startswith(r"\b(?:[Ff]rom|[Bb]etween)\s+") for regex in (MONTH_RANGE_RE, DAY_RANGE_RE))
IN_YEAR_SCAN: Final = opening_with(IN_YEAR_RE, "IiBbAaDdTtFfEe")  # In, By, At, As, During, Throughout, For, End
# IN_YEAR_LEAD with the whitespace run after it, at the end of the text before a year (in_year_matches).
# (Of its leads only "end of" ends another, "by/at the end of", which stands before it among the alternatives:
# the reversed pattern's first match is its longest, as below.)
IN_YEAR_LEAD_TAIL: Final = TailPattern(re.compile(rf"{IN_YEAR_LEAD}\s+$"), longest_reversed=True)
# MONTH_CUE_LEAD at the end of the text before a month name (month_cue_matches), and RELATIVE_YEAR_LEAD before
# "last" or "this" (relative_year_matches). No lead is the end of another (as words: each opens after \b), so
# at most one matches at the end of a text: the reversed pattern's first match is its longest.
MONTH_CUE_LEAD_TAIL: Final = TailPattern(re.compile(rf"{MONTH_CUE_LEAD}$"), longest_reversed=True)
RELATIVE_YEAR_SCAN: Final = opening_scan(RELATIVE_YEAR_RE, "BbAaIiDdLlTt")  # By, At, As, In, During, last, this
RELATIVE_YEAR_LEAD_TAIL: Final = TailPattern(re.compile(rf"{RELATIVE_YEAR_LEAD}$"), longest_reversed=True)
# than, more/less/fewer than, compared, from, same, times
COMPARISON_BETWEEN_SCAN: Final = opening_with(COMPARISON_BETWEEN_RE, "cfstml")
# The comparison-before-cue and event-before-year patterns are anchored at the end of the text they are
# searched in (a sentence up to a cue): as tail patterns, their reversed pattern, matched once at the start of
# the reversed text, tells first whether there is a match at all (most texts have none), instead of a scan
# from the sentence's start.
COMPARISON_BEFORE_CUE_TAIL: Final = TailPattern(COMPARISON_BEFORE_CUE_RE)
RELATIVE_BASE_TAIL: Final = TailPattern(RELATIVE_BASE_RE)
EVENT_BEFORE_YEAR_TAIL: Final = TailPattern(EVENT_BEFORE_YEAR_RE)
# Every YEAR_DIGITS_RE match holds one of these (a sentence without either holds no year).
CENTURIES: Final = ("19", "20")
assert YEAR.startswith("(?:19|20)")

FOLLOWING_CUE_GAP: Final = 2  # a cue starting at most this many chars after the quantity belongs to it
# ... or one separated from it only by a bracketed conversion: "923.7 billion yuan ($133.6 billion) in 2019"
PARENTHETICAL_GAP_RE: Final = re.compile(r"\s*[(（][^()（）]{0,60}[)）]\s*")
# priorities when two cues end at the same place
CUE_MONTHS: Final = 3
CUE_SINCE: Final = 2
CUE_YEAR: Final = 1


class _Cue:
    """A period cue of a sentence: its span, the period it names and its priority.

    What `@dataclass` made of these fields (their __init__, __eq__ and __repr__, no hash), written out:
    compiled, a dataclass's __init__ is the one the dataclasses module generates, run interpreted."""

    __slots__ = ("start", "end", "period", "priority")

    def __init__(self, start: int, end: int, period: str | None, priority: int) -> None:
        self.start = start
        self.end = end
        self.period = period
        self.priority = priority

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Cue) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end, self.period, self.priority) == \
            (other.start, other.end, other.period, other.priority)  # (and, defining __eq__, no __hash__)

    def __repr__(self) -> str:
        return f"_Cue(start={self.start!r}, end={self.end!r}, period={self.period!r}, priority={self.priority!r})"


def _published_parts(published: str | None) -> tuple[int, int] | None:
    match = PUBLISHED_RE.match(published or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def _month_period(m1: int, m2: int, year: str | None, pub: tuple[int, int] | None,
                  context: str) -> str | None:
    if year:
        y = int(year)
    elif pub:
        y = pub[0] if m2 <= pub[1] else pub[0] - 1
    else:
        years = ANY_YEAR_RE.findall(context)
        if not years:
            return None
        y = int(years[-1])
    return f"{y}-{_two_digits(m1)}..{y}-{_two_digits(m2)}"


def _fiscal_part(m: re.Match[str]) -> tuple[int, int, str | None] | None:
    """(first month, last month, year or None) of a FISCAL_PART_RE match: "1-3Q24" (1, 9, "2024"), "H1 2024" (1, 6,
    "2024"), "Q3" (7, 9, None), "FY2023" (1, 12, "2023"); None for quarters out of order ("3-1Q24")."""
    year = next((y for y in (m.group(name) for name in ("y1", "y2", "y3", "y4", "y5", "y6")) if y), None)
    if year is not None and len(year) == 2:
        year = "20" + year
    if m.group("y6"):
        return 1, 12, year
    half = m.group("ha") or m.group("hb")
    if half:
        return (1, 6, year) if half == "1" else (7, 12, year)
    first = int(m.group("qa") or m.group("qc") or m.group("qe"))
    last_quarter = m.group("qb") or m.group("qd")
    last = int(last_quarter) if last_quarter else first
    if last < first:
        return None
    return 3 * first - 2, 3 * last, year


def _two_digits(number: int) -> str:
    """f"{number:02d}" of a number from 0 (compiled, a format spec is a generic call of format())."""
    return f"0{number}" if number < 10 else str(number)


def _day_period(m: re.Match[str], pub: tuple[int, int] | None, context: str) -> str | None:
    """ "2022-06-01..2022-06-19" for a DAY_RANGE_RE match, its year as a month range's; None when the days are
    no range of real dates or no year is known."""
    m1 = MONTH_NUMBER[vocab_key(m.group("m1"))]
    m2 = MONTH_NUMBER[vocab_key(m.group("m2"))] if m.group("m2") else m1
    months = _month_period(m1, m2, m.group("year"), pub, context) if m1 <= m2 else None
    if months is None:
        return None
    year = int(months[:4])
    try:
        first = date(year, m1, int(m.group("d1").rstrip("stndrh")))
        last = date(year, m2, int(m.group("d2").rstrip("stndrh")))
    except ValueError:  # "February 30"
        return None
    return f"{first.isoformat()}..{last.isoformat()}" if first < last else None


def year_starts(sentence: str) -> list[int]:
    """[m.start() for m in YEAR_DIGITS_RE.finditer(sentence)], by str.find of the centuries: the leftmost "19" or
    "20" followed by two decimal digits (re's \\d in a str pattern is str.isdecimal's Unicode category Nd), then
    the next from the end of that one (a sentence holds few of them: a find each, where the regex tried
    every position)."""
    found: list[int] = []
    pos = 0
    end = len(sentence) - 4
    while pos <= end:
        nineteen = sentence.find("19", pos, end + 2)
        twenty = sentence.find("20", pos, end + 2)
        if nineteen < 0 and twenty < 0:
            break
        at = nineteen if twenty < 0 or 0 <= nineteen < twenty else twenty
        if sentence[at + 2].isdecimal() and sentence[at + 3].isdecimal():
            found.append(at)
            pos = at + 4
        else:
            pos = at + 1
    return found


def ordinal_cue_matches(regex: re.Pattern[str], low: str, sentence: str, words: tuple[str, ...]) -> list[re.Match[str]]:
    """list(regex.finditer(sentence)) for FIRST_MONTHS_RE or PART_OF_YEAR_RE (IGNORECASE, opening with CUE_PREFIX,
    then \\b and one of `words`) in an ASCII sentence, `low` its lower(): matched only where a match can start,
    at each of the words in `low` and, where CUE_PREFIX's "the" and lead word stand before it, at that lead
    word (CUE_PREFIX's \\s+ runs are the whole whitespace runs before the word and before "the", which stands
    alone between them; its lead word has no \\b before it: "within the first half" matches from "in"). The
    scan tried every position, some 600 instructions a character."""
    starts: list[int] = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            starts.append(at)
            the_end = at
            while the_end and low[the_end - 1].isspace():
                the_end -= 1
            the_start = lead_end = the_end - 3
            if the_end < at and the_start > 0 and low.startswith("the", the_start):
                while lead_end and low[lead_end - 1].isspace():
                    lead_end -= 1
                if lead_end < the_start:
                    for lead in CUE_PREFIX_LEADS:
                        if low.endswith(lead, 0, lead_end):
                            starts.append(lead_end - len(lead))
            at = low.find(word, at + 1)
    return matches_from_starts(regex, sentence, sorted(set(starts)), 0, len(sentence))


def in_year_matches(sentence: str, years: list[int] | None = None) -> list[re.Match[str]]:
    """list(IN_YEAR_SCAN.finditer(sentence)), found from the sentence's years instead of a scan of every
    position: a match's year follows the whitespace after its lead words, so it starts after a whitespace
    character, where YEAR_DIGITS_RE finds it (no year found before it covers that character); its match
    starts where IN_YEAR_LEAD_TAIL first matches the text before the year (the leads hold no digit: no
    other year lies between), and is IN_YEAR_RE's match there or none (a match of that year starting
    later reads the same year and what follows it). Matches of different years do not overlap (a
    year's lead starts after the year before it), and come in order. years: year_starts(sentence), if known."""
    found: list[re.Match[str]] = []
    for at in year_starts(sentence) if years is None else years:
        if not (at and sentence[at - 1].isspace()):
            continue
        lead = IN_YEAR_LEAD_TAIL.search(sentence[:at])
        if lead is not None:
            match = IN_YEAR_RE.match(sentence, lead.start())
            if match is not None:
                found.append(match)
    return found


def month_cue_matches(sentence: str, month_starts: list[int]) -> list[re.Match[str]]:
    """list(MONTH_CUE_RE.finditer(sentence)), matched only where a match can start instead of a scan (its
    lead letters are common ones: a try at every "a", "i", "d" and "b", some 1.5k instructions each). A match is
    its lead words, "-" or a space and whitespace, then a month name written in full (`month_starts`: where
    MONTH_NAME_RE's matches start) and what follows it. The
    leads hold no capital but their first letter, no digit and no month name: every lead from a start reaches
    the same month, and a month's match opens where MONTH_CUE_LEAD_TAIL matches the text before it, or nowhere
    (from a later start, the same month and what follows it are read again); those starts ascend, and none lies
    inside the match of an earlier month (which ends with a month name's letters or digits, where no lead
    opens)."""
    starts: list[int] = []
    for month in month_starts:
        lead = MONTH_CUE_LEAD_TAIL.search(sentence[:month])
        if lead is not None:
            starts.append(lead.start())
    return matches_from_starts(MONTH_CUE_RE, sentence, starts, 0, len(sentence))


def relative_year_matches(low: str, sentence: str) -> list[re.Match[str]]:
    """list(RELATIVE_YEAR_RE.finditer(sentence)) in an ASCII sentence, `low` its lower(), matched only where a
    match can start: at "last" or "this" (any case), or where RELATIVE_YEAR_LEAD_TAIL first matches the text
    before one (the lead's words, one lead at most from a start, each opening on a word of its own: no other
    lead ends there; they hold no "year", so none opens inside an earlier match). Where the year does not
    follow, neither start matches."""
    starts: list[int] = []
    for word in RELATIVE_YEAR_WORDS:
        at = low.find(word)
        while at >= 0:
            starts.append(at)
            if at and low[at - 1].isspace():  # (the lead ends with whitespace)
                lead = RELATIVE_YEAR_LEAD_TAIL.search(sentence[:at])
                if lead is not None:
                    starts.append(lead.start())
            at = low.find(word, at + 1)
    return matches_from_starts(RELATIVE_YEAR_RE, sentence, sorted(starts), 0, len(sentence))


def event_run_start(text: str, end: int) -> int:
    """Where the run of the characters EVENT_BEFORE_YEAR_RE's matches are made of (re's \\w and \\s, "'", "’"
    and "-": the event words, "in"/"at" and the words after it, whitespace) that ends at `end` begins: a match
    ending at `end` lies in text[start:end]. ASCII characters are told by their code (\\s: 9-13, 28-32; compiled,
    ord() of a character of a str is read without making it a str), the others by str methods."""
    start = end
    while start:
        code = ord(text[start - 1])
        if code < 128:
            if not (97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95 or code == 45
                    or code == 39 or 9 <= code <= 13 or 28 <= code <= 32):
                break
        elif not (code == 0x2019 or text[start - 1].isalnum() or text[start - 1].isspace()):  # (’)
            break
        start -= 1
    return start


def after_event(sentence: str, low: str, plain: bool, end: int) -> bool:
    """Whether an event ("founded in", "opened") ends sentence[:end]: EVENT_BEFORE_YEAR_RE has a match there
    (low: sentence.lower(); plain: sentence.isascii()). Its match, within the run event_run_start finds,
    holds one of EVENT_GATE_WORDS (in a gate_text): a run holding none (most) is not matched."""
    start = event_run_start(sentence, end)
    run = low[start:end] if plain else gate_text(sentence[start:end])
    return holds_any(run, EVENT_GATE_WORDS) and EVENT_BEFORE_YEAR_TAIL.has_match(sentence[:end])


def _period_cues(sentence: str, para_before: str, pub: tuple[int, int] | None,
                 month_starts: list[int] | None = None, folded_cut: str | None = None) -> list[_Cue]:
    """The time cues of `sentence`. month_starts: where it names a month in full (MONTH_NAME_RE's matches), if
    the caller knows (the engine reads them off its paragraph's month names: sentence_month_starts).
    folded_cut: the sentence cut from its paragraph's folded_text, if that is not None (the paragraph holds no
    character IGNORECASE folds, so it is the sentence's lower() and gate_text, but for a final sigma, σ where
    the sentence alone has ς, which nothing here tells: `low` is read for ASCII words, and whole only in an
    ASCII sentence)."""
    plain = sentence.isascii()
    if folded_cut is not None:
        low = folded = folded_cut
    else:
        low = sentence.lower()
        folded = low if plain else gate_text(sentence)
    if month_starts is None:
        month_starts = [m.start() for m in MONTH_NAME_RE.finditer(sentence)]
    has_month = bool(month_starts)
    year_at = year_starts(sentence)
    years = len(year_at)
    first_months = "first" in folded and "months" in folded  # (folded: "firſt" matches too)
    part_of_year = "half" in low or "quarter" in low
    fiscal_part = any(mark in sentence for mark in FISCAL_PART_GATE)
    relative_year = ("year" in low and ("last" in folded or "this" in folded)
                     and RELATIVE_YEAR_GATE_RE.search(folded) is not None)
    if not (has_month or years or first_months or part_of_year or relative_year or fiscal_part):
        return []  # most sentences: no cue pattern can match
    cues: list[_Cue] = []

    def months(m: re.Match[str], m1: int, m2: int, year: str | None = None) -> None:
        """A cue of months m1..m2 of `year`, else of the match's year group, else of the year the context gives."""
        if year is None and "year" in m.re.groupindex:
            year = m.group("year")
        if 1 <= m1 <= m2 <= 12:
            period = _month_period(m1, m2, year, pub, para_before + sentence[: m.start()])
            cues.append(_Cue(m.start(), m.end(), period, CUE_MONTHS))

    # (a month range opens with "from" or "between", in either case: `low` holds it)
    month_range = has_month and ("from" in low or "between" in low)
    for m in MONTH_RANGE_SCAN.finditer(sentence) if month_range else ():
        months(m, MONTH_NUMBER[vocab_key(m.group("m1"))], MONTH_NUMBER[vocab_key(m.group("m2"))])
    for m in DAY_RANGE_SCAN.finditer(sentence) if month_range else ():
        cues.append(_Cue(m.start(), m.end(), _day_period(m, pub, para_before + sentence[: m.start()]), CUE_MONTHS))
    for m in (ordinal_cue_matches(FIRST_MONTHS_RE, low, sentence, FIRST_MONTHS_WORDS) if plain
              else FIRST_MONTHS_SCAN.finditer(sentence)) if first_months else ():
        n = vocab_key(m.group("n"))
        months(m, 1, NUMBER_WORDS.get(n) or int(n))
    for m in (ordinal_cue_matches(PART_OF_YEAR_RE, low, sentence, PART_OF_YEAR_WORDS) if plain
              else PART_OF_YEAR_SCAN.finditer(sentence)) if part_of_year else ():
        months(m, *PART_MONTHS[vocab_key(m.group("part"))])
    for m in FISCAL_PART_RE.finditer(sentence) if fiscal_part else ():
        fiscal = _fiscal_part(m)
        if fiscal is not None:
            first_month, last_month, fiscal_year = fiscal
            if first_month == 1 and last_month == 12 and fiscal_year:
                cues.append(_Cue(m.start(), m.end(), fiscal_year, CUE_YEAR))
            else:
                months(m, first_month, last_month, fiscal_year)
    for m in YEAR_RANGE_SCAN.finditer(sentence) if years >= 2 else ():
        a = m.group("a1") or m.group("a2") or m.group("a3")
        b = m.group("b1") or m.group("b2") or m.group("b3")
        if int(a) < int(b):
            cues.append(_Cue(m.start(), m.end(), f"{a}..{b}", CUE_MONTHS))
    for m in SINCE_SCAN.finditer(sentence) if years and "ince" in sentence else ():
        year = int(m.group("year"))
        period = f"{year}..{pub[0]}" if pub and pub[0] > year else None
        cues.append(_Cue(m.start(), m.end(), period, CUE_SINCE))
    for m in in_year_matches(sentence, year_at) if years else ():
        if not after_event(sentence, low, plain, m.start()) or WHEN_CLAUSE_RE.match(sentence):
            cues.append(_Cue(m.start(), m.end(), m.group("year"), CUE_YEAR))
    for m in month_cue_matches(sentence, month_starts) if has_month else ():
        if after_event(sentence, low, plain, m.start()):
            continue
        month = MONTH_NUMBER[vocab_key(m.group("m"))]
        if not any(c.start <= m.start() < c.end for c in cues):  # inside "from January to May"
            period = _month_period(month, month, m.group("year"), pub, para_before + sentence[: m.start()])
            cues.append(_Cue(m.start(), m.end(), period[:7] if period else None, CUE_MONTHS))
    for m in (relative_year_matches(low, sentence) if plain else RELATIVE_YEAR_SCAN.finditer(sentence)) \
            if relative_year else ():
        if RELATIVE_BASE_TAIL.has_match(sentence[:m.start()]):
            continue  # "an increase of 297 people over that of the last year": the base, no time of the sentence's
        if pub:
            year = pub[0] - 1 if m.group("rel").lower() == "last" else pub[0]
            dated = next((i for i, c in enumerate(cues) if c.period and MONTHS_PERIOD_RE.match(c.period)
                          and MONTHS_THEN_YEAR_GAP_RE.fullmatch(sentence, c.end, m.start())), None)
            if dated is not None:  # "From January to May this year": the months cue takes the year
                cue = cues[dated]
                cues[dated] = _Cue(cue.start, m.end(), re.sub(r"\d{4}", str(year), cue.period or ""), cue.priority)
                continue
            cues.append(_Cue(m.start(), m.end(), str(year), CUE_YEAR))
    return cues


def earliest_cue(cues: list[_Cue]) -> _Cue | None:
    """min(cues, key=lambda c: c.start, default=None): the first of those that start first (a loop: compiled,
    min with a key is a generic call and the key a closure called for each cue)."""
    first = None
    for cue in cues:
        if first is None or cue.start < first.start:
            first = cue
    return first


def _latest_cue(cues: list[_Cue]) -> _Cue:
    """max(cues, key=lambda c: (c.end, c.priority)) of a non-empty list, as earliest_cue: the first of those
    that end last with the highest priority."""
    last = cues[0]
    for cue in cues:
        if cue.end > last.end or cue.end == last.end and cue.priority > last.priority:
            last = cue
    return last


def _period_for(cues: list[_Cue], sentence: str, start: int, end: int) -> str | None:
    following = [c for c in cues if c.start >= end and (
        c.start - end <= FOLLOWING_CUE_GAP or PARENTHETICAL_GAP_RE.fullmatch(sentence, end, c.start))]
    first = earliest_cue(following)
    if first is not None:
        return first.period
    preceding = [c for c in cues if c.end <= start]
    # a cue later in the sentence ("1.172 billion tonnes of cargo in 2020"), unless it is a comparison base
    # or belongs to another quantity in between
    # (the cheap searches of the gap first: COMPARISON_BEFORE_CUE_RE reads the sentence from its start)
    later = [c for c in cues if c.start >= end and not CLAUSE_COMMA_RE.search(sentence, end, c.start)
             and not CLAUSE_BOUNDARY_RE.search(sentence, end, c.start)
             and not COMPARISON_BETWEEN_SCAN.search(sentence, end, c.start)
             and not COMPARISON_BEFORE_CUE_TAIL.has_match(sentence[:c.start])]
    text = sentence[start:end]
    if later and (text.endswith("times") or "-" in text and ADJECTIVAL_UNIT_RE.search(text) or (
            "," in sentence[end:later[0].start] and RELATIVE_CLAUSE_BEFORE_RE.search(sentence, 0, start))):
        # "11 times the output at the end of January" (the date is the base), "a 3,000-mu farm produced ...
        # last year", "The area, which covers 235 square kilometers, has attracted ... since 2010" (asked only
        # where there is a later cue to drop)
        later = []
    if preceding:
        nearest = _latest_cue(preceding)
        if not (later and CLAUSE_BOUNDARY_RE.search(sentence, nearest.end, start)):
            return nearest.period
    first = earliest_cue(later)
    return first.period if first is not None else None
