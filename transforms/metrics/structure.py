"""Paragraphs, sentences and subheadings of an article body, and the spans a sentence excludes.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from transforms.fastre import TailPattern, iter_from_starts
from transforms.metrics.numbers import (
    _FOUR_DIGITS_GATE,
    _MONTH_GATE,
    _YEAR_GATE,
    EXCLUDED_SPAN_RES,
    EXCLUDED_SPAN_STARTS,
    YEAR,
)
from transforms.metrics.vocab import ABBREVIATIONS, SUBHEADING_SMALL_WORDS

PARAGRAPH_RE = re.compile(r"[^\n]+")
SENTENCE_END_CHARS = ".!?。！？:;,\"”')）"
SUBHEADING_MAX_WORDS = 8

INITIAL_RE = re.compile(r"[a-z]")  # "F. Tan": a one-letter initial does not end a sentence
PREVIOUS_WORD_RE = re.compile(r"([A-Za-z][\w.]*)\s*$")
PREVIOUS_WORD_TAIL = TailPattern(PREVIOUS_WORD_RE)
PUBLISHED_RE = re.compile(rf"^({YEAR})-(\d{{2}})")
SENTENCE_END_RE = re.compile(r"[.!?。！？][\"”’)）]*\s+(?=[\"“‘(（]?[A-Z0-9])")
LAST_TOKEN_RE = re.compile(r"([\w.]+)[.!?。！？][\"”’)）]*\s+$")
# Where a phone number can start other than at a digit run: a country code's "+", an area code's "(".
PHONE_LEAD_RE = re.compile(r"[+(]")


def _is_subheading(para: str) -> bool:
    """A short Title Case line without closing punctuation (a subheading inside the body)."""
    text = para.strip()
    if not text or text[-1] in SENTENCE_END_CHARS:
        return False
    words = text.split()
    if len(words) > SUBHEADING_MAX_WORDS:
        return False
    content = [w for w in words if w[:1].isalpha() and w.lower() not in SUBHEADING_SMALL_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def _paragraphs(body: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in PARAGRAPH_RE.finditer(body)]


def _sentences(para: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `para`: it ends at . ! ? and the like before a capital or a
    digit, except at a period after an abbreviation or an initial ("Dr. Li", "F. Tan")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(para):
        if para[match.start()] == "." and _abbreviation_before(para, start, match):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    if start < len(para):
        spans.append((start, len(para)))
    return spans


def _abbreviation_before(para: str, start: int, end: re.Match[str]) -> bool:
    """True if the word before the period `end` matched (a SENTENCE_END_RE match in the sentence
    from `start`) is an abbreviation or an initial.

    The word is LAST_TOKEN_RE's group: the run of [\\w.] right before the period, which holds no
    space, so the search starts after the last space before it instead of at the sentence start.
    """
    word_start = para.rfind(" ", start, end.start()) + 1 or start
    last = LAST_TOKEN_RE.search(para, word_start, end.end())
    token = last.group(1).lower() if last else ""
    return token in ABBREVIATIONS or INITIAL_RE.fullmatch(token) is not None


def _excluded_spans(para: str, digit_runs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of dates, times, year ranges, phone numbers and ids in `para`.

    digit_runs: the (start, end) of every digit run of `para` (from its number scan), if known:
    the patterns that start at a digit are tried only at the runs of their kind
    (EXCLUDED_SPAN_STARTS), the month ones at month names, the phone one also at "+" and "(".
    Every pattern holds a digit, so a paragraph without one has no span; a gate that several
    patterns share is searched once, and the four-digit gate is read off the runs (a year is
    four digits: no run of four, no year).
    """
    if digit_runs is not None and not digit_runs:
        return []
    gate_open: dict[re.Pattern[str], bool] = {}
    if digit_runs is not None:
        gate_open[_FOUR_DIGITS_GATE] = any(end - start >= 4 for start, end in digit_runs)
        if not gate_open[_FOUR_DIGITS_GATE]:
            gate_open[_YEAR_GATE] = False
    spans: list[tuple[int, int]] = []
    month_starts: list[int] | None = None
    for (gate, regex), starts in zip(EXCLUDED_SPAN_RES, EXCLUDED_SPAN_STARTS, strict=True):
        is_open = gate_open.get(gate)
        if is_open is None:
            is_open = gate_open[gate] = gate.search(para) is not None
        if not is_open:
            continue
        if starts == "month":
            if month_starts is None:  # a month name holds no other: the gate's matches are every name
                month_starts = [m.start() for m in _MONTH_GATE.finditer(para)]
            matches = iter_from_starts(regex, para, month_starts, 0, len(para))
        elif digit_runs is None:
            matches = regex.finditer(para)
        elif starts == "phone":
            leads = sorted([*(a for a, _ in digit_runs), *(m.start() for m in PHONE_LEAD_RE.finditer(para))])
            matches = iter_from_starts(regex, para, leads, 0, len(para))
        else:
            kinds = [a for a, b in digit_runs if _RUN_KINDS[starts](para, a, b)]
            matches = iter_from_starts(regex, para, kinds, 0, len(para))
        spans += [m.span() for m in matches]
    return spans


# The digit runs (start, end) a pattern of each kind of EXCLUDED_SPAN_STARTS can start at.
_RUN_KINDS: dict[str, Callable[[str, int, int], bool]] = {
    "short": lambda para, a, b: b - a <= 2,
    "time": lambda para, a, b: b - a <= 2 and para.startswith(":", b),
    "year": lambda para, a, b: b - a == 4 and para.startswith(("19", "20"), a),
    "long": lambda para, a, b: b - a >= 7,
}


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)
