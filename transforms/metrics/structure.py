"""Paragraphs, sentences and subheadings of an article body, and the spans a sentence excludes.
"""
from __future__ import annotations

import re
from typing import Final

from transforms.fastre import CharLeadPattern, TailPattern, lead_positions, matches_from_starts
from transforms.metrics.numbers import (
    _MONTH_GATE,
    EXCLUDED_SPAN_RES,
    EXCLUDED_SPAN_STARTS,
    MONTH_NAMES,
    YEAR,
)
from transforms.metrics.vocab import (
    ABBREVIATIONS,
    SUBHEADING_SMALL_WORDS,
    VALUATION_LINE_LABEL_ENDS,
    VALUATION_LINE_LABEL_LEADS,
)

PARAGRAPH_RE: Final = re.compile(r"[^\n]+")
SENTENCE_END_CHARS: Final = ".!?。！？:;,\"”')）"
SUBHEADING_MAX_WORDS: Final = 8
HEADING_LINE_MAX_WORDS: Final = 20

PREVIOUS_WORD_RE: Final = re.compile(r"([A-Za-z][\w.]*)\s*$")
PREVIOUS_WORD_TAIL: Final = TailPattern(PREVIOUS_WORD_RE, longest_reversed=True)  # (the word is the whole last run)
PUBLISHED_RE: Final = re.compile(rf"^({YEAR})-(\d{{2}})")
# (a dash between a full stop and the next capital opens the next sentence: bullets run into one paragraph, "... the
# same period in 2022[1]. - Gross profit for the six months was ...", a reportify summary, tune_sites s199, metrics18)
SENTENCE_END_RE: Final = re.compile(r"[.!?。！？][\"”’)）]*\s+(?:[-–]\s+)?(?=[\"“‘(（]?[A-Z0-9])")
# (scanned from its marks, found by str.find: test_fastre checks that every match opens with one)
SENTENCE_END_SCAN: Final = CharLeadPattern(SENTENCE_END_RE, ".!?。！？")
# What may follow a sentence end's mark before its whitespace (SENTENCE_END_RE's closing quotes and brackets).
SENTENCE_END_CLOSERS: Final = "\"”’)）"
assert SENTENCE_END_RE.pattern.startswith(r"[.!?。！？][\"”’)）]*\s+") and SENTENCE_END_CLOSERS == "\"”’)）"
# Where a phone number can start other than at a digit run: a country code's "+", an area code's "(",
# each right before a digit ("+86", "(0574)").
PHONE_LEADS: Final = "+("


# A Title Case line "Label: value" whose value holds a digit in at most this many words is a key figure, no
# subheading ("Market Cap: CN¥158.4b", "Area: 1,277 Square Kilometers"); a longer value is a heading's subtitle
# ("Tianyi Pavilion: Ningbo's Ancient Treasure of 300,000 Books").
KEY_FIGURE_MAX_WORDS = 3
# metrics23 (tune_sites s261, disfold.com's key figures for Ningbo Zhoushan Port): a key figure's line with no colon,
# its figure last with the mark of its unit glued to it ("Profit Margin 17.16%", "Revenue TTM CN¥28,833,814,528",
# "Fifty Two Week Low CN¥3.19"), is no subheading either; a bare number last ("Top 10", "Phase 2") stays one.
KEY_FIGURE_LAST_RE: Final = re.compile(r"^(?:[A-Z]{0,3}[$¥€￥](?=\d)|US\$(?=\d))?[-+]?\d[\d,]*(?:\.\d+)?%?$")


def _is_subheading(para: str) -> bool:
    """A short Title Case line without closing punctuation (a subheading inside the body)."""
    text = para.strip()
    if not text or text[-1] in SENTENCE_END_CHARS:
        return False
    words = text.split()
    if len(words) > SUBHEADING_MAX_WORDS:
        return False
    label, colon, value = text.partition(":")
    if colon and label and any(c.isdigit() for c in value) and len(value.split()) <= KEY_FIGURE_MAX_WORDS:
        return False  # a key figure's line: "Market Cap: CN¥158.4b" (tune_sites s187, metrics17), as "GDP: 56.3 ..."
    if not colon and (key_figure_label(text) is not None or valuation_line_label(text) is not None):
        return False  # "Profit Margin 17.16%", "Revenue TTM CN¥28,833,814,528": a key figure's line, no colon
    content = [w for w in words if w[:1].isalpha() and w.lower() not in SUBHEADING_SMALL_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


# metrics25 (stockanalysis.com's statistics for Ningbo Joyson Electronic, tune_sites s292): the key figures as pipe rows
# of two cells, a label and its figure ("| Return on Assets (ROA) | 3.47% |", "| PS Ratio | 0.69 |"): read as the
# same line without its bars would be (key_figure_label, valuation_line_label); they were taken for subheadings.
PIPE_KEY_ROW_RE: Final = re.compile(r"^\|[ \t]*(?P<label>[^|]*?)[ \t]*\|[ \t]*(?P<value>[^|\s]+)[ \t]*\|$")


def _pipe_key_row(text: str) -> str | None:
    """"| Label | figure |" (two cells) as "Label figure", else None (PIPE_KEY_ROW_RE)."""
    row = PIPE_KEY_ROW_RE.match(text) if text[:1] == "|" else None
    return f"{row.group('label')} {row.group('value')}" if row is not None and row.group("label") else None


def key_figure_label(para: str) -> str | None:
    """The label of a key figure's line with no colon, its figure last with its unit's mark glued to it ("Profit
    Margin 17.16%" -> "profit margin", "Revenue TTM CN¥28,833,814,528" -> "revenue ttm"), else None: a short line
    (SUBHEADING_MAX_WORDS) of a label opening with a capital (or "%") and the figure; or such a pipe row ("| Return on
    Assets (ROA) | 3.47% |", PIPE_KEY_ROW_RE)."""
    text = para.strip()
    if text[:1] == "|":
        row = _pipe_key_row(text)
        return None if row is None else key_figure_label(row)
    words = text.split()
    if not 2 <= len(words) <= SUBHEADING_MAX_WORDS or ":" in text or not (text[0].isupper() or text[0] == "%"):
        return None
    last = words[-1]
    if not (last[-1] == "%" or not last[0].isdigit()) or KEY_FIGURE_LAST_RE.match(last) is None:
        return None
    return " ".join(words[:-1]).lower()


VALUATION_LINE_RE: Final = re.compile(r"^(?P<label>[A-Z][A-Za-z/ ]{0,40}[A-Za-z]) (?P<num>\d{1,4}\.\d{1,2})$")
# (the same as a pipe row of two cells, "| PS Ratio | 0.69 |": tune_sites s292)
VALUATION_PIPE_ROW_RE: Final = re.compile(
    r"^\|[ \t]*(?P<label>[A-Z][A-Za-z/ ]{0,40}[A-Za-z])[ \t]*\|[ \t]*(?P<num>\d{1,4}\.\d{1,2})[ \t]*\|$")


def valuation_line_label(para: str) -> re.Match[str] | None:
    """A line of a valuation multiple's label and its bare decimal ("Trailing PE 14.88", "PS Ratio 2.57", "EV / EBITDA
    7.96": vocab VALUATION_LINE_LABEL_ENDS, VALUATION_LINE_LABEL_LEADS), or such a pipe row ("| PS Ratio | 0.69 |",
    VALUATION_PIPE_ROW_RE), else None."""
    text = para.strip()
    line = (VALUATION_PIPE_ROW_RE if text[:1] == "|" else VALUATION_LINE_RE).match(text)
    if line is None:
        return None
    label = line.group("label").lower()
    return line if label.rsplit(" ", 1)[-1] in VALUATION_LINE_LABEL_ENDS \
        or label.startswith(VALUATION_LINE_LABEL_LEADS) else None


def is_heading_line(para: str) -> bool:
    """A line of the body that heads what follows rather than saying it: it opens with a capital or a digit (not a
    line a hard wrap broke off a sentence), has no closing punctuation, at most
    HEADING_LINE_MAX_WORDS words, no line break ("40 new first stores were opened in Ningbo in the first half of the
    year" between two paragraphs that say so)."""
    text = para.strip()
    return bool(text) and (text[0].isupper() or text[0].isdigit()) and text[-1] not in SENTENCE_END_CHARS \
        and "\n" not in text and len(text.split()) <= HEADING_LINE_MAX_WORDS


def _paragraphs(body: str) -> list[tuple[int, str]]:
    """The body's non-empty lines with their offsets: PARAGRAPH_RE's matches, from one str.split (the scan, whose
    pattern opens with a repeat, is set up and left at every line and builds a match object for each)."""
    found: list[tuple[int, str]] = []
    at = 0
    for line in body.split("\n"):
        if line:
            found.append((at, line))
        at += len(line) + 1
    return found


def _sentences(para: str, last: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `para`: it ends at . ! ? and the like before a capital or a
    digit, except at a period after an abbreviation or an initial ("Dr. Li", "F. Tan").

    last: only the sentences that start at `last` or before (the rest of the paragraph is not read:
    the engine asks for those up to its last number token's start)."""
    spans: list[tuple[int, int]] = []
    start = 0
    after = 0  # (SENTENCE_END_SCAN.finditer(para), its marks matched one by one up to the sentence `last` needs:
    # a mark not followed by whitespace or a closing quote or bracket, as in "3.5", is passed over unmatched)
    for at in lead_positions(para, SENTENCE_END_SCAN.chars, 0, len(para)):
        if at < after:
            continue
        following = para[at + 1:at + 2]
        if not (following.isspace() or following and following in SENTENCE_END_CLOSERS):
            continue  # (the pattern needs one of these right after its mark)
        match = SENTENCE_END_RE.match(para, at)
        if match is None:
            continue
        after = match.end()
        if para[at] == "." and _abbreviation_before(para, start, match):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
        if last is not None and start > last:
            return spans  # (every later sentence starts later still)
    if start < len(para):
        spans.append((start, len(para)))
    return spans


def _abbreviation_before(para: str, start: int, end: re.Match[str]) -> bool:
    """True if the word before the period `end` matched (a SENTENCE_END_RE match in the sentence
    from `start`) is an abbreviation or an initial.

    The word is the run of [\\w.] right before the period (\\w: str.isalnum or "_"), back to the last space
    before it at most (no word holds one), read a character at a time: what `([\\w.]+)[.!?。！？][\"”’)）]*\\s+$`,
    searched from there to the match's end, found (its mark can only be the period: closing quotes, brackets and
    whitespace alone follow it to the match's end).
    """
    word_start = para.rfind(" ", start, end.start()) + 1 or start
    at = end.start()
    while at > word_start:
        char = para[at - 1]
        if not (char.isalnum() or char == "." or char == "_"):
            break
        at -= 1
    token = para[at:end.start()].lower()
    # ("F. Tan": a one-letter initial, [a-z] in the lowercased token, does not end a sentence either)
    return token in ABBREVIATIONS or len(token) == 1 and "a" <= token <= "z"


def _excluded_spans(para: str, digit_runs: list[tuple[int, int]] | None = None,
                    months: list[tuple[int, str]] | None = None) -> list[tuple[int, int]]:
    """Spans of dates, times, year ranges, phone numbers and ids in `para`.

    digit_runs: the (start, end) of every digit run of `para` (from its number scan), if known:
    the patterns that start at a digit are then tried only at the runs of their kind
    (EXCLUDED_SPAN_STARTS), the month ones at month names, the phone one also at a "+" or "("
    right before a run (what a phone number opens with). Without the runs, each pattern is
    scanned if its gate finds what every match of it holds (a gate that several patterns share
    is searched once). months: month_names(para), if the caller has it.
    """
    if digit_runs is None:
        return _excluded_spans_gated(para)
    if not digit_runs:
        return []  # every pattern holds a digit
    spans: list[tuple[int, int]] = []
    month_starts = [start for start, _ in (month_names(para) if months is None else months)]
    positions_of = _run_kinds(para, digit_runs)
    positions_of["month"] = month_starts
    for gate, regex, kind in EXCLUDED_SPAN_PLAN:
        if gate is _MONTH_GATE and not month_starts:
            continue  # "5th of May" needs its month too
        positions = positions_of[kind]
        if positions:
            spans += [m.span() for m in matches_from_starts(regex, para, positions, 0, len(para))]
    return spans


# EXCLUDED_SPAN_RES's gates and patterns with the kind of their starts (compiled, a zip(..., strict=True) in
# the loop was a generic call and an iterator a paragraph).
EXCLUDED_SPAN_PLAN: Final[tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]] = tuple(
    (gate, regex, kind) for (gate, regex), kind in zip(EXCLUDED_SPAN_RES, EXCLUDED_SPAN_STARTS, strict=True))
# What may follow a year's four digits where a date, dotted date or year range can start at it
# (the range's after any whitespace).
YEAR_DATE_NEXT: Final = "-/年"
YEAR_RANGE_NEXT: Final = "-–—~t"
PHONE_FIRST_NEXT: Final = ")- "
# What may follow a day's one or two digits before its month ("5 May", "5th of May": an ordinal's first letter,
# or the whitespace before the month).
DAY_NEXT: Final = "snrt"


def month_names(para: str) -> list[tuple[int, str]]:
    """(start, name) of the month names of `para` (_MONTH_GATE's matches: a full name where there is one,
    its alternatives coming first; a month name holds no other, its one capital being its first letter)."""
    end = len(para)
    # MONTH_NAME_SCAN.finditer(para), its capitals kept only where a month name's first two letters stand ("N"
    # opens every "Ningbo"): a slice and a set lookup where the regex was tried (its names are case-sensitive)
    starts = [at for at in lead_positions(para, MONTH_NAME_SCAN.chars, 0, end) if para[at:at + 2] in MONTH_NAME_LEADS]
    return [(m.start(), m.group()) for m in matches_from_starts(_MONTH_GATE, para, starts, 0, end)]


# _MONTH_GATE scanned from the capitals its names open with (found by str.find: a capital is rare).
MONTH_NAME_SCAN: Final = CharLeadPattern(_MONTH_GATE, "JFMASOND")
# The first two letters of the month names (every match of _MONTH_GATE opens with one).
MONTH_NAME_LEADS: Final = frozenset(name[:2] for name in MONTH_NAMES.split("|"))
assert {lead[0] for lead in MONTH_NAME_LEADS} == set(MONTH_NAME_SCAN.chars) and _MONTH_GATE.pattern == MONTH_NAMES


def _run_kinds(para: str, digit_runs: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Where a pattern of each digit-led kind of EXCLUDED_SPAN_STARTS can start, given the paragraph's
    digit runs (one pass over them)."""
    short: list[int] = []
    time: list[int] = []
    year_date: list[int] = []
    year_dots: list[int] = []
    year_range: list[int] = []
    phone: list[int] = []
    long: list[int] = []
    four = False  # a run of four digits or more (a phone number ends with one)
    size_of_para = len(para)
    for start, end in digit_runs:
        size = end - start
        after = para[end:end + 1]
        if size <= 2:
            if after and (after in DAY_NEXT or after.isspace()):  # ((?:st|nd|rd|th)?\s+ follows its digits)
                short.append(start)
            if after == ":":
                time.append(start)
        else:
            four = four or size >= 4
            if size == 4 and para.startswith(("19", "20"), start):
                if after and after in YEAR_DATE_NEXT:
                    year_date.append(start)
                if after == ".":
                    year_dots.append(start)
                next_char = end
                while next_char < size_of_para and para[next_char].isspace():  # (what \s matches)
                    next_char += 1
                if next_char < size_of_para and para[next_char] in YEAR_RANGE_NEXT:
                    year_range.append(start)
            elif size >= 7:
                long.append(start)
        if 2 <= size <= 4 and after and after in PHONE_FIRST_NEXT and _phone_group_follows(para, end):
            phone.append(start)
    if four:  # (the "+" or "(" before a run: where a phone number starts, at the run before it)
        phone = sorted(phone + [start - 1 for start, _ in digit_runs if start and para[start - 1] in PHONE_LEADS])
    else:
        phone = []  # it ends with four digits
    return {"short": short, "time": time, "year_date": year_date, "year_dots": year_dots, "year_range": year_range,
            "phone": phone, "long": long}


def _phone_group_follows(para: str, end: int) -> bool:
    """Whether a phone number's next digits follow its first run ending at `end`: `\\)?[- ]\\d` (the phone
    pattern at a run of two to four digits reads the whole run, then that; \\d: str.isdecimal)."""
    size = len(para)
    if end < size and para[end] == ")":
        end += 1
    return end + 1 < size and para[end] in "- " and para[end + 1].isdecimal()


def _excluded_spans_gated(para: str) -> list[tuple[int, int]]:
    """_excluded_spans without the digit runs: each pattern is scanned where its gate opens."""
    gate_open: dict[re.Pattern[str], bool] = {}
    spans: list[tuple[int, int]] = []
    for gate, regex in EXCLUDED_SPAN_RES:
        is_open = gate_open.get(gate)
        if is_open is None:
            is_open = gate_open[gate] = gate.search(para) is not None
        if is_open:
            spans += [m.span() for m in regex.finditer(para)]
    return spans


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)
