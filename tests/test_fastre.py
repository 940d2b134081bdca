"""The faster searches of transforms.fastre give exactly what the plain regex calls give.

Texts are drawn from the words the rules look for (so that the patterns do match), with
spaces, tabs, newlines, punctuation, digits and the characters IGNORECASE treats specially
("ſ" for "s", the Kelvin sign for "k", dotless i).
"""
from __future__ import annotations

import json
import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path

from helpers import assert_words_found_plainly, joined_words
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transforms import context
from transforms.fastre import (
    CASE_SPECIAL,
    FoldedPattern,
    LeadScan,
    SpacedOpening,
    TailPattern,
    case_folded,
    folded_backwards,
    folded_text,
    iter_from_unclaimed_starts,
    matches_from_starts,
    reversed_pattern,
    vocabulary_start,
)
from transforms.metrics import describe, engine, matchers, numbers, periods, qualifiers, structure, subjects, vocab
from transforms.metrics.numbers import EXCLUDED_SPAN_RES, NOT_BEFORE_NUMBER, number_starts, scan_numbers
from transforms.metrics.vocab import (
    FRACTION_WORDS,
    ORDINAL_WORDS,
    SPELLED_NUMBERS,
    SPELLED_TENS,
    SPELLED_UNITS,
    words_pattern,
)

TAILS = [value for module in (qualifiers, subjects, matchers, structure, describe, periods, context)
         for value in vars(module).values()
         if isinstance(value, TailPattern)]
# The real pages the shortcuts are checked on (never the held-out set: its texts stay unseen).
REAL_SETS = ("dev", "tune_sites", "tune_other")


@lru_cache(maxsize=1)
def real_texts() -> tuple[str, ...]:
    """The real pages' texts (dev and tuning sets)."""
    root = Path(__file__).parent / "realgold"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["raw_text"]
                 for name in REAL_SETS for path in sorted((root / name / "pages").glob("*.json")))


@lru_cache(maxsize=1)
def real_paragraphs() -> tuple[str, ...]:
    """Every paragraph of the real pages' texts, as the engine splits them."""
    return tuple(para for text in real_texts() for _, para in structure._paragraphs(text))


def test_paragraphs_are_the_paragraph_matches() -> None:
    """structure._paragraphs (one str.split) gives PARAGRAPH_RE's matches, offsets and texts, on the real texts
    and on line breaks of every other kind (which are no paragraph breaks), empty and blank lines, and ends."""
    texts = [*real_texts(), "", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb", " \n \n", "a\r\nb\rc\u2028d\x0be\x0c\x85f\n",
             "\n\n\nx\ny\n\n"]
    for text in texts:
        assert structure._paragraphs(text) == [(m.start(), m.group()) for m in structure.PARAGRAPH_RE.finditer(text)]


@given(st.text(alphabet="ab \n\r\u2028", max_size=30))
def test_paragraphs_on_generated_text(text: str) -> None:
    assert structure._paragraphs(text) == [(m.start(), m.group()) for m in structure.PARAGRAPH_RE.finditer(text)]


def real_sentences() -> list[str]:
    """Every sentence of the real pages' texts, as the engine splits them."""
    sentences = [para[a:b] for para in real_paragraphs() for a, b in structure._sentences(para)]
    assert len(sentences) > 2000
    return sentences


def real_befores() -> list[str]:
    """The text before each number of the real sentences (what the tail patterns are searched in)."""
    return [sentence[:m.start()] for sentence in real_sentences() for m in re.finditer(r"\d+", sentence)]
WORDS = ("rose", "grew", "increased", "by", "to", "of", "an", "average", "annual", "growth", "rate", "at", "up",
         "down", "about", "more", "than", "only", "a", "total", "just", "is", "expected", "was", "reached",
         "accounted", "for", "cost", "will", "sharply", "which", "the", "city", "Ningbo", "Zhejiang", "in", "2019",
         "last", "year", "of them", "among", "these", "exceeded", "number", "now", "ranked", "places", "with",
         "among the 35 categories", "however", "Jan", "May", "March 5", "12:30", "1,200", "5G", "15th", "ſ", "\u212a",
         "ı", "RoſE", "BY", "Rate", "tota\u212al", "worth", "however,", "(", ")", ",", ";", ".", "-")
SEPARATORS = (" ", " ", " ", "  ", "\t", "\n", ", ", "")
text_strategy = joined_words(WORDS, SEPARATORS, max_size=40)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups() and a.lastgroup == b.lastgroup


def _found_alike(tail: TailPattern, text: str) -> bool:
    """tail.find(text) has the span of the plain search's match, and its text in any case."""
    found, plain = tail.find(text), tail.pattern.search(text)
    if found is None or plain is None:
        return found is plain
    return found.span() == plain.span() and found.group().lower() == plain.group().lower()


def test_every_tail_pattern_is_checked() -> None:
    assert len(TAILS) >= 20  # the modules define their tail patterns at module level


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_tail_search_and_sub_equal_the_plain_calls(text: str) -> None:
    for tail in TAILS:
        assert _same(tail.search(text), tail.pattern.search(text)), (tail.pattern.pattern, text)
        assert tail.has_match(text) == (tail.pattern.search(text) is not None), (tail.pattern.pattern, text)
        assert tail.sub("", text) == tail.pattern.sub("", text), (tail.pattern.pattern, text)
        assert _found_alike(tail, text), (tail.pattern.pattern, text)


def test_long_texts_search_only_their_tail_with_the_same_result() -> None:
    before = "In 2019, the total output value of the city's strategic emerging industries " * 5
    for ending in ("rose by ", "grew at an average annual growth rate of ", "was expected to reach about ",
                   "exceeded ", "only ", "among them, ", "now number ",
                   "rose" + " to" * 12 + " ", "rose by" + " an average of" * 4 + " "):
        text = before + ending
        for tail in TAILS:
            assert _same(tail.search(text), tail.pattern.search(text)), (tail.pattern.pattern, text)
            assert tail.has_match(text) == (tail.pattern.search(text) is not None), (tail.pattern.pattern, text)
            assert _found_alike(tail, text), (tail.pattern.pattern, text)


def test_tail_searches_on_the_real_pages_equal_the_plain_searches() -> None:
    """Windows, gates and the case fold on the text before every number of the real pages."""
    befores = real_befores()
    assert sum(not before.isascii() for before in befores) > 100  # curly quotes and the like: the fold's check
    for tail in TAILS:
        for before in befores:
            assert _same(tail.search(before), tail.pattern.search(before)), (tail.pattern.pattern, before)
            assert tail.has_match(before) == (tail.pattern.search(before) is not None), (tail.pattern.pattern, before)
            assert _found_alike(tail, before), (tail.pattern.pattern, before)


def _same_vocabulary_starts(text: str) -> None:
    """fastre.vocabulary_start (the window of a tail of `match_words`) is where the text's last run of \\S that
    is ASCII and neither a vocabulary word nor ending with one of the endings (in any case) starts, else 0."""
    for tail in TAILS:
        if tail._match_words is not None:
            words, endings = tail._match_words
            plain = 0
            for run in re.finditer(r"\S+", text):
                word = run.group()
                if word.isascii() and word.lower() not in words and not word.lower().endswith(endings):
                    plain = run.start()
            assert vocabulary_start(text, words, endings) == plain, (tail.pattern.pattern, text)


def test_vocabulary_starts_on_the_real_pages() -> None:
    befores = real_befores()
    for before in befores:
        _same_vocabulary_starts(before)
    assert sum(tail._match_words is not None for tail in TAILS) >= 3


@settings(max_examples=300, deadline=None)
@given(text_strategy)
@example("rose by\u3000 EXCEEDED\x1cı RoſE ,  sharply  \n")
@example("the output, \u212ameanwhile increased by ")
def test_vocabulary_starts(text: str) -> None:
    _same_vocabulary_starts(text)


@cache
def _reversed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    reverse = reversed_pattern(pattern)
    assert reverse is not None, pattern.pattern
    return reverse


def _reversed_agrees(pattern: re.Pattern[str], text: str) -> bool:
    """The reversed pattern matches at the start of the reversed text iff the pattern has a match (at the end)."""
    return (_reversed(pattern).match(text[::-1]) is None) == (pattern.search(text) is None)


def test_every_tail_pattern_has_a_reversed_pattern_that_agrees_on_the_real_pages() -> None:
    befores = real_befores()
    for tail in TAILS:
        for before in befores:
            assert _reversed_agrees(tail.pattern, before), (tail.pattern.pattern, before)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_reversed_patterns_agree_with_the_patterns(text: str) -> None:
    text = text.rstrip("\n")  # ("$" also matches before a final newline: the reversed pattern is not asked then)
    for tail in TAILS:
        assert _reversed_agrees(tail.pattern, text), (tail.pattern.pattern, text)
        if tail.gate is not None:
            assert _reversed_agrees(tail.gate.pattern, text), (tail.gate.pattern.pattern, text)


def test_reversed_patterns_turn_lookarounds_and_anchors_around() -> None:
    cases = [(r"(?<!made\s)\bup(?:\s+by)?\s*$", ["prices up by ", "made up by", "upup", "made  up"]),
             (r"(?:^|,)\s*(?=[a-z]{2})\w+(?!x)$", ["ab", ", cd", "A", "x, yz"]),
             (r"[^,;.]{1,3}[A-Z]\.?$", ["abC.", "a,C", "abcdE"]),
             (r"\Ato(?-i:[A-Z])\w*$", ["toNingbo", "toningbo", "a toX"])]
    for pattern, texts in cases:
        for flags in (0, re.IGNORECASE):
            for text in texts:
                assert _reversed_agrees(re.compile(pattern, flags), text), (pattern, text)
    for pattern in (r"(\w)\1$", r"a(?=\s+b)\s+b$", r"(?>ab|a)b$", r"a++$", r"(?x) a $"):
        assert reversed_pattern(re.compile(pattern)) is None or pattern == r"(?x) a $", pattern
    assert reversed_pattern(re.compile(r"(?x) a $")).match("a"[::-1])  # (the source is re-written, no verbose spaces)


def test_the_case_fold_names_every_character_that_would_make_it_differ() -> None:
    """Outside CASE_SPECIAL, lowercasing keeps a character one character long, never makes it an
    ASCII letter (nor is it one for IGNORECASE), and keeps its \\w, \\s and \\d class."""
    classes = [re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")]
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    special = set()
    for char in map(chr, range(128, sys.maxunicode + 1)):
        low = char.lower()
        if (len(low) != 1 or low.isascii() or ascii_letter.fullmatch(char)
                or any(bool(c.fullmatch(char)) != bool(c.fullmatch(low)) for c in classes)):
            special.add(char)
    assert special == set(CASE_SPECIAL)
    for char in CASE_SPECIAL:
        assert folded_text(f"x{char}y") is None
    assert folded_text("Rose “by” 5%") == "rose “by” 5%"


def test_the_folded_text_reversed_is_remembered_for_the_same_text_only() -> None:
    texts = ["Rose by ", "Rose by ", "".join(["Rose", " by "]), "ſo ", "Up “5”", "Up “5”"]
    for text in texts + texts[::-1] + real_befores()[:300]:
        low = folded_text(text)
        assert folded_backwards(text) == (None if low is None else low[::-1]), text


def test_case_folded_takes_only_patterns_without_an_uppercase_letter() -> None:
    for pattern in (r"rose\s+by$", r"\b(?:up|down)\s*$", r"[a-z,’]+ of$", r"[A-Za-z]\w*$", r"(?<!made\s)\bup$",
                    r"[^,;.]{1,80},\s*$", r"(?:,\s*)?\s+(?:is|are){0,4}\s*$", r"’s\s*$"):
        assert case_folded(re.compile(pattern, re.IGNORECASE)) is not None, pattern
    for pattern in (r"Rose$", r"[A-Z]\w*$", r"(?-i:[A-Z])$", r"(\w)\1$", r"é$", r"[à-ÿ]$", r"(?i)rose$"):
        assert case_folded(re.compile(pattern, re.IGNORECASE)) is None, pattern
    assert case_folded(re.compile(r"rose$")) is None  # not IGNORECASE: nothing to fold
    assert case_folded(re.compile(r"rose$", re.IGNORECASE | re.ASCII)) is None


@settings(max_examples=150, deadline=None)
@given(text_strategy)
def test_a_case_folded_pattern_on_the_folded_text_matches_where_the_pattern_does(text: str) -> None:
    low = folded_text(text)
    for tail in TAILS:
        folded = case_folded(tail.pattern)
        if folded is None or low is None:
            continue
        for pos in range(0, len(text) + 1, 7):
            plain = tail.pattern.search(text, pos)
            got = folded.search(low, pos)
            assert (got is None) == (plain is None) and (got is None or plain is None or got.span() == plain.span())


def _same_capitals(body: str) -> None:
    assert subjects.MID_SENTENCE_CAPITAL_SCAN.findall(body) == subjects.MID_SENTENCE_CAPITAL_RE.findall(body), body


def test_mid_sentence_capitals_led_by_their_space_are_the_plain_ones_on_the_real_pages() -> None:
    for body in real_texts():
        _same_capitals(body)


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_mid_sentence_capitals_led_by_their_space_are_the_plain_ones(text: str) -> None:
    for body in (text, text.title(), "A ".join(text.split())):
        _same_capitals(body)


FOLDED = list(engine.FOLDED_MATCHERS.values())


def test_the_ascii_leads_of_number_words_are_the_ascii_characters_the_lookbehind_takes() -> None:
    leads = re.compile(f"[{numbers.ASCII_NOT_WORD_SPACE_HYPHEN}]")
    for code in range(128):
        assert bool(leads.fullmatch(chr(code))) == (re.fullmatch(r"[^\w -]", chr(code)) is not None), code
    assert re.fullmatch(r"\d", "٣") and not numbers._ASCII_NUMBER_SCAN_RE.fullmatch("٣")  # (ASCII texts only)


def test_the_one_pass_number_scan_opens_at_every_digit_and_lead_and_nowhere_else() -> None:
    """The scan's first character is a digit (the run read on) or a character NUMBERISH_RE's lookbehind
    lets stand before a word (the word read after it): every code point (but the surrogates) before a
    digit and before a number word, in the scan for any text and, for ASCII ones, the ASCII scan."""
    codes = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    for scan, limit in ((numbers._NUMBER_SCAN_RE, len(codes)), (numbers._ASCII_NUMBER_SCAN_RE, 128)):
        for code in codes[:limit]:
            char = chr(code)
            digit = re.fullmatch(r"\d", char) is not None
            lead = re.fullmatch(r"[^\w-]", char) is not None
            for after in ("5", "five"):
                match = scan.match(char + after + " ")
                if digit:  # the digit run, read to its end
                    assert match is not None and match.lastindex is None and match.span() == (0, 1 + (after == "5"))
                elif lead and after == "five":  # the word after the lead
                    assert match is not None and match.span(1) == (1, 5), code
                else:
                    assert match is None, (code, after)


def _same_number_scan(text: str) -> None:
    """scan_numbers (two passes over the lowercased text) finds NUMBERISH_RE's matches, from any start."""
    for start, end in ((0, len(text)), (min(4, len(text)), len(text)), (1, max(1, len(text) - 3))):
        plain = [(m.start(), m.end(), m.group().isdigit()) for m in numbers.NUMBERISH_RE.finditer(text, start, end)]
        assert numbers.scan_numbers(text, start, end) == plain, (text, start, end)


def _decimal_number(match: re.Match[str]) -> float:
    """numbers._number as written first: every number through Decimal."""
    from decimal import Decimal

    value = Decimal(match.group("num").replace(",", ""))
    scale = match.groupdict().get("scale")
    if scale:
        value *= Decimal(int(numbers.SCALE_WORDS[scale.lower()]))
    return float(value)


def test_numbers_read_without_decimal_are_the_decimal_ones() -> None:
    texts = [*real_paragraphs(), "0.1 0.7 2.675 1,234,567.891 ١٢.٥ 9007199254740993 123456789012345678901234567890.1 "
             "1.15 billion 0.1 million 3.3 trillion 12,345.6789 thousand 2.5 bn 7 10,000"]
    regexes = [matchers.BARE_NUMBER_RE, matchers.COUNT_COPULA_RE, matchers.PERCENT_RE]
    count = 0
    for text in texts:
        for regex in regexes:
            for match in regex.finditer(text):
                assert numbers._number(match) == _decimal_number(match), match.group()
                count += 1
    assert count > 1500


def _same_spelled_counts(para: str) -> None:
    """Spelled counts (and amounts) tried at the number words of each sentence the scan says has a
    spelled number (a number word), and fractions at their starts, are the ones finditer finds there."""
    tokens = scan_numbers(para)
    for start, end in structure._sentences(para):
        scan = numbers.sentence_scan(tokens, para, start, end)
        word_led = [regex for rule, regex, _ in matchers.MATCHERS if rule in engine.WORD_LED]
        for regex in [matchers.SPELLED_COUNT_RE] * scan.spelled + word_led * scan.words:
            got = [m.span() for m in matches_from_starts(regex, para, scan.word_starts, start, end)]
            assert got == [m.span() for m in regex.finditer(para, start, end)], (regex.pattern, para[start:end])
        got = [m.span() for m in matches_from_starts(matchers.FRACTION_RE, para, engine.fraction_starts(para, scan),
                                                    start, end)]
        assert got == [m.span() for m in matchers.FRACTION_RE.finditer(para, start, end)], para[start:end]


def _same_scans(fold: FoldedPattern, text: str, pos: int, endpos: int) -> None:
    plain = list(fold.pattern.finditer(text, pos, endpos))
    got = list(fold.finditer(text, folded_text(text), pos, endpos))
    assert len(got) == len(plain) and all(_same(a, b) for a, b in zip(got, plain, strict=True)), (fold.pattern, text)
    spans = [m.span() for m in fold.scan(text, folded_text(text), pos, endpos)]
    assert spans == [m.span() for m in plain], (fold.pattern, text)


def test_folded_scans_on_the_real_pages_equal_the_plain_scans() -> None:
    """The whole-sentence matchers and the number scan, on the lowercased paragraph, find what
    they find on the paragraph (each sentence of the dev and tuning pages, and whole paragraphs)."""
    assert sum(fold.folded is not None for fold in FOLDED) >= 6
    paragraphs = real_paragraphs()
    assert sum(not para.isascii() for para in paragraphs) > 100
    for para in paragraphs:
        for fold in FOLDED:
            _same_scans(fold, para, 0, len(para))
            for start, end in structure._sentences(para):
                _same_scans(fold, para, start, end)
        _same_number_scan(para)
        _same_spelled_counts(para)


def test_the_previous_word_read_off_the_reversed_match_is_the_searched_one() -> None:
    tail = structure.PREVIOUS_WORD_TAIL
    assert tail._longest_reversed
    for text in ("ranked No. ", "Line 4.", "a_b1.c2x  \t", "x. ", "1.5 ", "é ", "é1a ", "the 3rd ", "word\n", "word \n",
                 "U.S. ", "ſt ", "", " ", "5", "-a ", "up by 3.5.a_ ", *real_befores()[:2000]):
        assert _same(tail.search(text), tail.pattern.search(text)), text


OPENINGS = [value for module in (qualifiers, subjects, matchers, structure, describe, periods)
            for value in vars(module).values() if isinstance(value, SpacedOpening)]
# The words read after a number (and characters IGNORECASE takes for ASCII letters, whitespace beyond ASCII).
AFTER_WORDS = ("year-on-year", "year on year", "YoY", "y-o-y", "compared with", "over", "the", "same", "period", "more",
               "Lower", "lower", "less", "than", "below", "above", "last", "of", "city's", "decline", "Cut", "drop",
               "growth", "ſhorter", "\u212am", "ıncrease", "%", ",", ".", "（", "and", "in", "2019", "Monthly",
               "weeKly", "daily", "with", "With", "a", "aged", "Aged", "between the ages of", "80", "or", "\u212aids",
               "on", "ON", "per", "Per", "for", "every", "each", "are", "were", "Came", "36", "nine")
after_strategy = st.lists(st.tuples(st.sampled_from(("", " ", "  ", "\t", "\n", "\u3000", "\xa0", "\x1c")),
                                    st.sampled_from(AFTER_WORDS)), max_size=8).map(
    lambda parts: "".join(sep + word for sep, word in parts))


def _same_openings(text: str, pos: int = 0) -> None:
    for opening in OPENINGS:
        assert _same(opening.match(text, pos), opening.pattern.match(text, pos)), (opening.pattern.pattern, text, pos)
        if not pos and opening.pattern.pattern.startswith("^"):  # (matched at the start: the search's match)
            assert _same(opening.match(text), opening.pattern.search(text)), (opening.pattern.pattern, text)


def test_spaced_openings_on_the_real_pages_equal_the_plain_searches() -> None:
    """The patterns read after a number, gated by the first character after the whitespace, on the text after
    every number of the real sentences."""
    assert len(OPENINGS) >= 8
    for sentence in real_sentences():
        for match in re.finditer(r"\d+%?", sentence):
            _same_openings(sentence[match.end():])
            _same_openings(sentence, match.end())


@settings(max_examples=300, deadline=None)
@given(after_strategy)
@example(" ſhorter than expected")
@example("\u3000lower than")
@example(" Year on year")
@example(" monthly")
@example("\x1c aged 80 or above")
@example("with a")
@example("")
def test_spaced_openings_equal_the_plain_searches(text: str) -> None:
    _same_openings(text)
    _same_openings("12" + text, 2)


def test_a_pattern_that_may_open_on_whitespace_or_not_with_it_is_refused() -> None:
    for pattern in (r"^\s*\s?x", r"^\s*(?:x|)", r"x", r"\s*x", r"\s+\s?x", r"\s+(?:x|)", r"\s+\w*", r"^\s+\s?x"):
        try:
            SpacedOpening(re.compile(pattern))
        except ValueError:
            continue
        raise AssertionError(f"{pattern!r} accepted")


def test_a_pattern_not_anchored_at_the_end_is_refused() -> None:
    for pattern in (r"rose", r"^rose", r"rose$|fell"):
        try:
            TailPattern(re.compile(pattern))
        except ValueError:
            continue
        raise AssertionError(f"{pattern!r} accepted")


# Characters around numbers that NUM's lookbehind refuses or lets through, and units of the number-led matchers.
NUMBER_WORDS = ("−", "-", "–", "~", "#", "+", "/", "_", "x", "٣", "²", "1", "12", "2019", "1,200", "3.5", "%", "％",
                "percent", "yuan", "USD", "km", "km2", "sq m", "mu", "tonnes", "kWh", "times", "years", "points",
                "companies", "are", "of them", "billion", "-level", "points", "point", "lower", "higher", "and",
                "than", "were", "~", "4-5")
number_text_strategy = joined_words(NUMBER_WORDS, ("", " ", "  ", ", "), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_strategy, number_text_strategy))
@example("In −12 - 15 companies, 2 – 3 centers, #5 and 3-4 labs")
def test_matches_from_starts_equals_finditer(text: str) -> None:
    """The number-led matchers tried only at the number starts (the range count at every digit
    run: its lookbehind lets a minus sign through) find what finditer finds."""
    digit_starts = [a for a, _, is_digits in scan_numbers(text) if is_digits]
    num_starts = number_starts(text, digit_starts)
    number_led = [regex for rule, regex, _ in matchers.MATCHERS if rule in engine.NUMBER_LED]
    assert len(number_led) == len(engine.NUMBER_LED)
    for regex in number_led:
        got = [m.span() for m in matches_from_starts(regex, text, num_starts, 0, len(text))]
        assert got == [m.span() for m in regex.finditer(text)], (regex.pattern, text)
    pos, endpos = 3, max(3, len(text) - 2)
    for regex, starts in ((matchers.COUNT_RE, num_starts), (matchers.BARE_NUMBER_RE, num_starts),
                          (matchers.COUNT_COPULA_RE, num_starts), (matchers.YEARS_RE, num_starts),
                          (matchers.RANGE_COUNT_RE, digit_starts)):
        got = [m.span() for m in matches_from_starts(regex, text, starts, pos, endpos)]
        assert got == [m.span() for m in regex.finditer(text, pos, endpos)], (regex.pattern, text)


# The number patterns as NUM and SCALE spelled them before they were written for less work (numbers.NUMBER_READ).
PLAIN_SCALE = rf"(?:\s*(?P<scale>{words_pattern(numbers.SCALE_WORDS, space=' ')})\b)?"
NUMBER_READ_WORDS = ("1,234", "1,23", "1,2345", "12,345,678", "12,345,67", "1234,567", "1,234.5", "1,234.", "3.5", "3.",
                     "3.5.6", "0.25", "10,000", "٣,٤٥٦", "12", ",", ".", "million", "billion", "bln", "bn", "mln",
                     "ten thousand", "10 thousand", "hundred million", "thousand", "trillion", "millions", "-level",
                     "%", "percent", "per cent", "yuan", "RMB", "US$", "km2", "mu", "tonnes", "kWh", "times", "years",
                     "Plan", "Talent", "companies", "are", "of them", "(", ")", "-", "#", "x")
number_read_strategy = joined_words(NUMBER_READ_WORDS, ("", " ", "  ", "\t"), max_size=20)


def _number_read_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Every pattern of the rules that holds NUMBER_READ or SCALE, with its twin spelled with NUMBER and the
    optional SCALE group."""
    pairs = []
    for module in (numbers, matchers, engine, describe, subjects, qualifiers, structure, periods):
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and any(part in value.pattern for part in (numbers.NUMBER_READ,
                                                                                        numbers.SCALE)):
                plain = value.pattern.replace(numbers.NUMBER_READ, numbers.NUMBER).replace(numbers.SCALE, PLAIN_SCALE)
                pairs.append((value, re.compile(plain, value.flags)))
    return list({id(regex): (regex, plain) for regex, plain in pairs}.values())


def _same_number_reads(text: str) -> None:
    """The patterns match what their plain twins match (spans and groups), at every position of the text and,
    anchored, at every digit with the text cut two characters short (an end that lookaheads cannot read past)."""
    for regex, plain in _number_read_patterns():
        assert [(m.span(), m.groups()) for m in regex.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)], (regex.pattern, text)
        for at, char in enumerate(text):
            if char.isdecimal():
                for endpos in (len(text), max(at, len(text) - 2)):
                    assert _same(regex.match(text, at, endpos), plain.match(text, at, endpos)), (regex.pattern, text)


def test_the_number_patterns_read_what_their_plain_spelling_reads_on_the_real_paragraphs() -> None:
    assert len(_number_read_patterns()) >= 15
    count = 0
    for para in real_paragraphs():
        if any(char.isdigit() for char in para):
            _same_number_reads(para)
            count += 1
    assert count > 500


@settings(max_examples=300, deadline=None)
@given(number_read_strategy)
@example("1,234 companies, 12,345,67 yuan, 1234,567 tonnes, 1,234.5 million, 3.5. 10,000 times, 5 million-level")
@example("12,345,678.25 billion RMB, 1,2345 mu and 3.5.6 km2, 7 hundred million yuan, 8 bn, 9 mln")
def test_the_number_patterns_read_what_their_plain_spelling_reads(text: str) -> None:
    _same_number_reads(text)


def _same_count_reads(text: str) -> None:
    """matchers.read_at reads at every position what COUNT_RE, BARE_NUMBER_RE, PERCENT_RE and MONEY_SUFFIXED_RE
    (matchers.READ_PATTERNS) match there (its NumberRead: span, number, scale word and currency word), with the
    text whole and cut short of its end (lookaheads cannot read past it)."""
    for at in range(len(text)):
        for endpos in {len(text), max(at + 1, len(text) - 2), at + 1}:
            for reader, regex in enumerate(matchers.READ_PATTERNS):
                match = regex.match(text, at, endpos)
                read = matchers.read_at(text, at, endpos, reader)
                assert read == (match and numbers.number_read(match)), (regex.pattern, text, at, endpos)
                if read is not None and reader in READ_BUILDERS:  # (what the engine builds of it)
                    assert matchers.read_quantity(read, reader, text) == READ_BUILDERS[reader](match), (text, at)


# The builders of the matchers whose matches the engine reads by hand (engine.MATCHER_READERS), by reader.
READ_BUILDERS = {engine.MATCHER_READERS[rule]: build for rule, _, build in matchers.MATCHERS
                 if rule in engine.MATCHER_READERS}


def test_count_reads_are_the_count_matches_on_the_real_paragraphs() -> None:
    counts = [0] * len(matchers.READ_PATTERNS)
    for para in real_paragraphs():
        if any(char.isdigit() for char in para):
            for at in range(len(para)):
                if para[at].isdecimal():
                    for reader, regex in enumerate(matchers.READ_PATTERNS):
                        match = regex.match(para, at)
                        counts[reader] += match is not None
                        read = matchers.read_at(para, at, len(para), reader)
                        assert read == (match and numbers.number_read(match)), (regex.pattern, para, at)
    assert sum(counts[:2]) > 5000 and min(counts) > 200, counts


def test_the_percent_words_are_caseless_in_ascii_only() -> None:
    """IGNORECASE equates no character beyond ASCII with a letter of the percent words (matchers.read_percent
    compares ASCII codes), and the read's caseless test takes exactly the words in any case."""
    letters = "".join(sorted(set("".join(matchers.PERCENT_WORDS).replace(" ", ""))))
    assert not [hex(code) for code in range(128, sys.maxunicode + 1)
                if re.fullmatch(f"(?i)[{letters}]", chr(code))]
    for word in matchers.PERCENT_WORDS:
        for text in (word, word.upper(), word.title(), word.replace(" ", "\x00"), word.replace("e", "E", 1),
                     word.replace("t", "\x14"), word.replace(" ", "\t"), word[:-1] + "\u0163"):
            assert matchers._ascii_caseless_at(text, 0, word) == bool(re.fullmatch(f"(?i){word}", text)), text


COUNT_READ_WORDS = (*NUMBER_READ_WORDS, "Talent Introduction Plan", "Plan", "hundred-level", "billion-level",
                    "yuan level", "“", "‘", '"', "'", "5G", "10th", "per  cent", "per", "cent", "\u3000", "\u2028",
                    "٣", "a", "Z", "_", "−", "/", "+", "%x", "PerCent", "PER CENT", "percentage", "％", "Yuan", "YUAN",
                    "yuanx", "euros", "euro", "EUR", "US dollars", "US  dollars", "Dollars", "USD", "CNY", "ſ")
count_read_strategy = joined_words(COUNT_READ_WORDS, ("", " ", "  ", "\t"), max_size=16)


@settings(max_examples=400, deadline=None)
@given(count_read_strategy)
@example("5 companies, 12,345 \"green\" firms, 3.5 billion yuan, 7 per cent, 8 percent, 9 %, 10,000 Talent Plan")
@example("3.110,000 yuan, 1,2345 mu, 5 millions of, 6 million-level parks, 7 5G stations, 8 ‘smart’ towns")
@example("9\u3000bn units, 10 bn")
@example("5 billion%, 6 billion, 7 billion-x, 110,000, 3.110 thousand, 2.10,000 x, 110 thousand. 8 million 9 bn(")
@example("5 per  cent, 6 per, 7 percentage, 8 people, 9 per\tcentral, 10 hundred-level, 11 hundred thousand-level")
@example("12 billion yuan-levels, 13 trillion level, 14 (x), 15 Plan, 16 ‘A’, 17 “5G”, 18 _x, 19 5G towns, 20 ٣x")
@example("RMB 300 hundred-level, 2 yuan-level, 4 Big Plan, 12,345,67 items, 1.2.3 rows, 5billion x, 6 bnx, 10 thousand")
@example("5 %, 6  %, 7\u3000percent, 8 PerCent, 9 per centx, 10 percentage, 11％, 12 per\tcent, 1,2345%, 3.5.6%, 7 %x")
@example("5 yuan, 6 billion Yuan, 7 billionyuan, 8 bn  euros, 9 eurosx, 10 euro, 11 US  dollars, 12 thousand yuanx")
@example("110 thousand dollars, 210,000 USD, 5 10,000 yuan, 6 billionX yuan, 7 hundred million RMB, 8\u3000CNY, 9 EURx")
def test_count_reads_are_the_count_matches(text: str) -> None:
    _same_count_reads(text)


def _unclaimed_both_ways(regex: re.Pattern[str], text: str, starts: list[int], pos: int, endpos: int,
                         claims: list[tuple[int, int]], claim_every: int) -> None:
    """iter_from_unclaimed_starts gives the matches of iter_from_starts that start in no claimed span, with
    the spans claimed as they stand at each match: the first `claims` from the outset, and then, as the
    engine's `add` does, the span of every `claim_every`-th match given (and a span after it)."""
    def run(matches: Iterator[re.Match[str]], claimed: list[tuple[int, int]], plain: bool) -> list[tuple[int, int]]:
        given: list[tuple[int, int]] = []
        for match in matches:
            if plain and any(a <= match.start() < b for a, b in claimed):
                continue  # (what the engine's `free` refuses)
            given.append(match.span())
            if len(given) % claim_every == 0:
                claimed += [match.span(), (match.end() + 2, match.end() + 9)]
        return given

    plain_claims, claims = list(claims), list(claims)
    expected = run(matches_from_starts(regex, text, starts, pos, endpos), plain_claims, plain=True)
    got = run(iter_from_unclaimed_starts(regex, text, starts, pos, endpos, claims), claims, plain=False)
    assert got == expected, (regex.pattern, text, pos, endpos)


def _reads_both_ways(text: str, starts: list[int], pos: int, endpos: int, claims: list[tuple[int, int]],
                     claim_every: int, reader: int) -> None:
    """matchers.unclaimed_reads gives the NumberReads of iter_from_unclaimed_starts' matches of
    matchers.READ_PATTERNS[reader], with spans claimed as they are given (as in _unclaimed_both_ways)."""
    def run(reads: Iterator[numbers.NumberRead], claimed: list[tuple[int, int]]) -> list[numbers.NumberRead]:
        given = []
        for read in reads:
            given.append(read)
            if len(given) % claim_every == 0:
                claimed += [(read.start, read.end), (read.end + 2, read.end + 9)]
        return given

    regex = matchers.READ_PATTERNS[reader]
    plain_claims, claims = list(claims), list(claims)
    expected = run(map(numbers.number_read, iter_from_unclaimed_starts(regex, text, starts, pos, endpos, plain_claims)),
                   plain_claims)
    assert run(matchers.unclaimed_reads(text, starts, pos, endpos, claims, reader), claims) == expected, (text, reader)


def _unclaimed_cases(text: str) -> None:
    """The count, bare-number, year and number-led matchers at the number starts, with the spans of the
    percents, money and every digit run (each alone) claimed, and claims made while they are read."""
    digit_runs = [(a, b) for a, b, is_digits in scan_numbers(text) if is_digits]
    digit_starts = [a for a, _ in digit_runs]
    num_starts = number_starts(text, digit_starts)
    regexes = [(regex, num_starts) for rule, regex, _ in matchers.MATCHERS if rule in engine.NUMBER_LED]
    regexes += [(matchers.COUNT_RE, num_starts), (matchers.BARE_NUMBER_RE, num_starts),
                (matchers.COUNT_COPULA_RE, num_starts), (matchers.YEARS_RE, num_starts),
                (matchers.RANGE_COUNT_RE, digit_starts)]
    taken = [m.span() for regex in (matchers.PERCENT_RE, matchers.MONEY_SUFFIXED_RE, matchers.MONEY_PREFIXED_RE)
             for m in regex.finditer(text)]
    claim_sets = [[], taken, *([run] for run in digit_runs[:6]), [(a, b + 6) for a, b in digit_runs[1::2]]]
    for reader in range(len(matchers.READ_PATTERNS)):
        for claims in claim_sets:
            for pos, endpos in ((0, len(text)), (min(3, len(text)), max(min(3, len(text)), len(text) - 2))):
                for claim_every in (1, 2, 1000):
                    _reads_both_ways(text, num_starts, pos, endpos, claims, claim_every, reader)
    for regex, starts in regexes:
        for claims in claim_sets:
            for pos, endpos in ((0, len(text)), (min(3, len(text)), max(min(3, len(text)), len(text) - 2))):
                for claim_every in (1, 2, 1000):
                    _unclaimed_both_ways(regex, text, starts, pos, endpos, claims, claim_every)


@settings(max_examples=200, deadline=None)
@given(number_text_strategy)
@example("RMB 5 10,000 yuan and 12 companies, 3-4 labs, 7.5% and 20 more")
def test_iter_from_unclaimed_starts_is_iter_from_starts_less_the_claimed_starts(text: str) -> None:
    _unclaimed_cases(text)


def test_iter_from_unclaimed_starts_on_the_real_paragraphs() -> None:
    count = 0
    for para in real_paragraphs():
        if any(char.isdigit() for char in para):
            _unclaimed_cases(para)
            count += 1
    assert count > 500


def _same_lead_scans(scan: LeadScan, plain: re.Pattern[str], text: str) -> None:
    """A LeadScan's finditer and search give the plain pattern's matches (spans and groups), from pos to endpos."""
    size = len(text)
    for pos, endpos in ((0, size), (min(5, size), size), (1, max(1, size - 4)), (0, size // 2)):
        assert [(m.span(), m.groupdict()) for m in scan.finditer(text, pos, endpos)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, endpos)], (plain.pattern, text, pos, endpos)
        for start in range(pos, endpos + 1, 7):
            found, expected = scan.search(text, start, endpos), plain.search(text, start, endpos)
            assert _same(found, expected) and (found is None or found.groupdict() == expected.groupdict()), text


# Patterns that open with \b, a lookbehind or a lookahead (tried at every position by re), each with the
# characters every match of it opens with, and the plain pattern it must equal.
LEAD_CASES = (
    (matchers.RANK_RE, "rpcRPC"),  # (IGNORECASE: the class takes either case anyway)
    (matchers.TOP_RANK_RE, "ieaormnIEAORMN"),
    (re.compile(r"(?<![\w-])(?:five|six)\b"), "fs"),
    (re.compile(r"(?=[A-Z])(?:\b[A-Z]\w+)(?!\s+of)"), "A-Z"),
)


def test_lead_scans_find_what_their_patterns_find() -> None:
    texts = [*real_sentences()[:3000], "Ranked first, ranking 2nd; placed No. 3 among the top 10", "", "R",
             "five-six five"]
    for regex, chars in LEAD_CASES:
        scan = LeadScan(regex, chars)
        for text in texts:
            _same_lead_scans(scan, regex, text)


def test_the_matchers_scanned_through_their_leads_find_what_finditer_finds() -> None:
    """engine.MATCHER_LEADS: the matchers scanned through a LeadScan of their first characters, as the engine
    calls them (FoldedPattern.finditer), on every real paragraph and sentence, and on texts made to match."""
    texts = [*real_paragraphs(), "US$ 5 billion, USD5, RMB 3 million, CNY 2, EUR 1, €4, ¥5, ￥6 and $7; ſ $8 rmb 9",
             "It ranked first, Ranking 2nd, placed third, came No. 1, coming 4th; one of the top 10, among the TOP 5"]
    assert set(engine.MATCHER_LEADS) <= {rule for rule, _, _ in matchers.MATCHERS}
    for rule, regex, _ in matchers.MATCHERS:
        if rule not in engine.MATCHER_LEADS:
            continue
        scan = engine.FOLDED_MATCHERS[rule]
        assert isinstance(scan._scan, LeadScan)
        found = 0
        for text in texts:
            low = folded_text(text)
            for start, end in [(0, len(text)), *structure._sentences(text)]:
                got = [(m.span(), m.groupdict()) for m in scan.finditer(text, low, start, end)]
                assert got == [(m.span(), m.groupdict()) for m in regex.finditer(text, start, end)], (rule, text)
                found += len(got)
        assert found > 5, rule


def test_a_lead_scan_of_a_pattern_that_can_match_empty_is_refused() -> None:
    try:
        LeadScan(re.compile(r"\bx?"), "x")
    except ValueError:
        return
    raise AssertionError("an empty match was not refused")


# Pieces of dates, times, year ranges, phone numbers and ids, for the excluded-span patterns to match.
SPAN_WORDS = ("+86", "+1", "(0574)", "(", ")", "8765", "4321", "87654321", "13812345678", "0574", "-", " - ", "–",
              "~", "to", "2019", "2020", "1999", "21", "5", "12", ":", "12:30", "9:05:10", "年", "月", "日", ".",
              ",", "January", "Jan.", "May", "Sept", "of", "5th", "1st", "١٢٣٤", "²", "%", "x")
span_text_strategy = joined_words(SPAN_WORDS, ("", " ", "  ", "\t", ", "), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_strategy, span_text_strategy))
@example("Call +86 574 8765 4321 or (0574) 8765-4321 by 12:30 on May 5, 2020 (2019-2021, 13812345678).")
@example("2019 - 21, 2019\u3000to 2021, 2020.5.1, 2019年5月1日, 2020—2021, 2019 ~ 20, 2019/05 and 2019 -2020x")
@example("(0574)87654321, 0574 8765 4321, 12 3456 7890, 574-8765-4321, +1 (212) 555 1234, 0574)8765 4321")
@example("0574-x, 0574 -8765 4321, 0574) -8765 4321, 574)-8765-4321, 12 -3456 7890, 0574 ١٢٣٤ 5678, 21 ١٢٣٤ 5678")
@example("5 May, 5th of May, 21st\tMay 2020, 2nd June, 3rd July, 4th Aug, 5ht May, 5s May, 12\u3000May, 5\nMay")
def test_excluded_spans_with_the_scan_equal_the_plain_scan(text: str) -> None:
    """The gates, the gates read off the digit runs and the start positions skip nothing a plain
    scan of every pattern finds."""
    digit_runs = [(a, b) for a, b, is_digits in scan_numbers(text) if is_digits]
    plain = [m.span() for _, regex in EXCLUDED_SPAN_RES for m in regex.finditer(text)]
    assert structure._excluded_spans(text, digit_runs) == plain
    assert structure._excluded_spans(text) == plain


def test_excluded_spans_read_off_the_digit_runs_on_the_real_pages() -> None:
    for para in real_paragraphs():
        digit_runs = [(a, b) for a, b, is_digits in scan_numbers(para) if is_digits]
        plain = [m.span() for _, regex in EXCLUDED_SPAN_RES for m in regex.finditer(para)]
        assert structure._excluded_spans(para, digit_runs) == plain, para


def test_boilerplate_line_checks_equal_searching_every_pattern() -> None:
    """is_boilerplate_line skips patterns by line length and required characters: same answers as
    searching all of them, on the tests' furniture lines and on body sentences of the gold pages."""
    from pathlib import Path

    from transforms import boilerplate

    lines = [line for path in sorted(Path(__file__).parent.glob("test_boilerplate.py"))
             for line in re.findall(r'"([^"\n]{1,300})"', path.read_text(encoding="utf-8"))]
    lines += [line for path in sorted((Path(__file__).parent / "gold" / "pages").glob("*.html"))[:8]
              for line in re.split(r"<[^>]+>", path.read_bytes().decode("utf-8", "replace"))]
    lines += ["©  2022 Ningbo Life", "浙ICP备05015023号", "Xie's visit to Yongjiang Lab-thumbnail image", "x" * 500]
    assert len(lines) > 200
    for line in lines:
        text = boilerplate._normalize(line)
        plain = bool(text) and any(re.search(p, text) for p in boilerplate.BOILERPLATE_PATTERNS)
        assert boilerplate.is_boilerplate_line(line) == plain, line


LAST_TOKEN_RE = re.compile(r"([\w.]+)[.!?。！？][\"”’)）]*\s+$")  # (the word before a period, as first written)


def _sentences_scanning_whole_sentences(para: str) -> list[tuple[int, int]]:
    """structure._sentences as it was written first: the word before a period searched from the sentence start."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in structure.SENTENCE_END_RE.finditer(para):
        last = LAST_TOKEN_RE.search(para, start, match.end())
        token = last.group(1).lower() if last else ""
        if para[match.start()] == "." and (token in structure.ABBREVIATIONS or re.fullmatch("[a-z]", token)):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    if start < len(para):
        spans.append((start, len(para)))
    return spans


SENTENCE_WORDS = ("Dr.", "dr.", "F.", "f.", "Tan", "U.S.", "u.s.", "Co.", "Ltd.", "No.", "No.5", "e.g.", "5.", "3.5",
                  "It", "the", "rose", "5%", ".", "!", "?", "。", "”", "\"", ")", "）", "“", "(", "Ningbo", "2020.",
                  "a.b.", "x_y.", "é.", "Jan.", "ſt.")
sentence_text_strategy = st.lists(
    st.tuples(st.sampled_from(SENTENCE_WORDS), st.sampled_from((" ", " ", "  ", "\t", " \t", ""))), max_size=30,
).map(lambda parts: "".join(word + sep for word, sep in parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentence_text_strategy, text_strategy))
def test_sentences_search_only_the_last_word_with_the_same_result(text: str) -> None:
    assert structure._sentences(text) == _sentences_scanning_whole_sentences(text)


def _spelled_out(regex: re.Pattern[str], alternations: list[tuple[str, tuple[str, ...]]]) -> re.Pattern[str]:
    """`regex` with each trie (words_pattern) replaced by the plain list of its words, longest first."""
    pattern = regex.pattern
    for trie, words in alternations:
        assert trie in pattern
        pattern = pattern.replace(trie, "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")")
    return re.compile(pattern, regex.flags)


RANK_WORDS = ("at", "in", "to", "took", "take", "takes", "taking", "the", "first", "Second", "third", "fourth",
              "fourteenth", "eighteenth", "Seventh", "seventeenth", "twentieth", "17th", "3rd", "place", "nationwide",
              "worldwide", "among", "all", "cities", "country", "one", "two", "three", "third", "thirds", "quarter",
              "quarters", "half", "of", "-", "than", "nearly", "about", "to", "by", "out", "9", "10", "1/3", "3 / 4",
              "Nine", "ſixth", "ı", "twenty-one", "Fifty", "seventy-", "eleven", "new", "firms")
rank_text_strategy = st.lists(
    st.tuples(st.sampled_from(RANK_WORDS), st.sampled_from((" ", " ", "  ", "-", ", ", ""))), max_size=30,
).map(lambda parts: "".join(word + sep for word, sep in parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(rank_text_strategy, text_strategy))
@example("took the Seventh place nationwide, one-third of cities, nearly half of them, 9 out of 10, 2 / 3")
@example(", ".join([f"{w} nationwide, at the {w} place" for w in ORDINAL_WORDS] + [f"{w} of" for w in FRACTION_WORDS]
                   + [f"{w} half of" for w in matchers.HALF_OF_LEADS]
                   + [f"{w} the third place" for w in matchers.PLACE_LEADS]
                   + [f"{w} out of ten" for w in matchers.OUT_OF_NUMERATORS]
                   + [f"{w} parks, {t}-{u} labs"
                      for w in SPELLED_NUMBERS for t in SPELLED_TENS for u in SPELLED_UNITS]))
def test_rank_fraction_and_spelled_count_tries_equal_the_word_lists(text: str) -> None:
    """The rank, fraction and spelled-count matchers with tries of their words match what the plain
    lists of the words match."""
    from transforms.metrics import numbers

    fraction_words = tuple(w.replace(" ", "[- ]") for w in FRACTION_WORDS)
    plain_fraction = _spelled_out(matchers.FRACTION_RE, [
        (numbers._FRACTION_WORD_ALT, fraction_words),
        (words_pattern(matchers.HALF_OF_LEADS), matchers.HALF_OF_LEADS),
        (words_pattern(matchers.OUT_OF_NUMERATORS), matchers.OUT_OF_NUMERATORS)])
    plain_scoped = _spelled_out(matchers.SCOPED_RANK_RE, [(numbers.ORDINAL_ALT, tuple(ORDINAL_WORDS)),
                                                          (words_pattern(matchers.PLACE_LEADS), matchers.PLACE_LEADS)])
    plain_spelled = _spelled_out(matchers.SPELLED_COUNT_RE, [(words_pattern(SPELLED_TENS), tuple(SPELLED_TENS)),
                                                             (words_pattern(SPELLED_UNITS), tuple(SPELLED_UNITS)),
                                                             (words_pattern(SPELLED_NUMBERS), tuple(SPELLED_NUMBERS))])
    for fast, plain in ((matchers.FRACTION_RE, plain_fraction), (matchers.SCOPED_RANK_RE, plain_scoped),
                        (matchers.SPELLED_COUNT_RE, plain_spelled)):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], (plain.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(number_text_strategy, text_strategy))
@example("2 - 3 centers, 4–5 labs, 6 ~ 7 parks; 1,684 were on patents and 12 are new")
def test_count_gates_hold_wherever_the_counts_match(text: str) -> None:
    """Every count range holds a dash or tilde, every copula count "are" or "were" (lowercase in the
    lowercased sentence): a sentence without one is not tried."""
    for regex, marks in ((matchers.RANGE_COUNT_RE, engine.RANGE_COUNT_MARKS),
                         (matchers.COUNT_COPULA_RE, engine.COPULA_COUNT_WORDS)):
        for match in regex.finditer(text):
            assert any(mark in match.group().lower() for mark in marks), (regex.pattern, text)


def _rules_of_one_trigger_scan(low: str) -> set[str]:
    """The triggered matchers as one regex scan finds them: at each position the longest trigger
    starting there, which stands for every trigger that is a prefix of it."""
    triggers = {t for ts in matchers.MATCHER_TRIGGERS.values() for t in ts}
    found = set(re.findall(f"(?=({words_pattern(triggers, space=' ')}))", low))
    return {rule for rule, ts in matchers.MATCHER_TRIGGERS.items() if any(f.startswith(t) for f in found for t in ts)}


TRIGGER_PIECES = tuple(sorted({t for ts in matchers.MATCHER_TRIGGERS.values() for t in ts})) + (
    "s", "a", "k", "ing", "ed", "per", "cen", "out", "of", "1", "-", ".", "ſ", "İ")
trigger_text_strategy = joined_words(TRIGGER_PIECES, ("", " ", ", "), max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.one_of(trigger_text_strategy, text_strategy))
def test_triggered_rules_equal_one_trigger_scan(text: str) -> None:
    low = text.lower()
    assert engine.triggered_rules(low) == _rules_of_one_trigger_scan(low), low


def _triggers_found_plainly(para: str) -> None:
    """SENTENCE_FINDER finds in the lowercased paragraph, in each of its stretches between word starts and in each
    lowercased sentence (as the engine lowers it: the folded paragraph's slice, else the sentence lowercased)
    exactly the triggers and gate words a substring test of each finds."""
    low = folded_text(para)
    assert_words_found_plainly(engine.SENTENCE_FINDER, low if low is not None else para.lower())
    for start, end in structure._sentences(para):
        sentence_low = low[start:end] if low is not None else para[start:end].lower()
        assert_words_found_plainly(engine.SENTENCE_FINDER, sentence_low)


def test_triggers_found_plainly_on_the_real_pages() -> None:
    for para in real_paragraphs():
        _triggers_found_plainly(para)


@settings(max_examples=300, deadline=None)
@given(st.one_of(trigger_text_strategy, text_strategy,
                 trigger_text_strategy.map(lambda text: text.replace("a", "Σ").replace("e", "ΑΣ. ").upper())))
@example("ΟΔΥΣΣΕΥΣ 5 ΒİLLION yuan. İllion Σ% out of 3. ſquare 4 km. ΑΣ. Top 3")
@example("the biggest 5 kg, KILOMETRES; in 3rd place. 4 m² ¥5 €6 7％ ￥8 per cent euro nationwide sq")
@example("placesplaceplac eureuro squaresq km2 m^2 percentper cent kilometkilogram")
def test_triggers_found_plainly(text: str) -> None:
    _triggers_found_plainly(text)


def _same_sentences_up_to(para: str) -> None:
    """The sentences read up to a position are those of the whole split that start there or before."""
    plain = structure._sentences(para)
    for last in {0, 1, len(para) // 3, len(para) // 2, max(0, len(para) - 1), len(para),
                 *(start for start, _ in plain), *(end for _, end in plain)}:
        assert structure._sentences(para, last) == [span for span in plain if span[0] <= last], (para, last)


def test_sentences_up_to_a_position_on_the_real_pages() -> None:
    for para in real_paragraphs():
        _same_sentences_up_to(para)


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentence_text_strategy, text_strategy))
@example("Dr. Li said 5. F. Tan met 3 firms. No. 4 came. Growth was 7%! Done")
def test_sentences_up_to_a_position(text: str) -> None:
    _same_sentences_up_to(text)


def test_number_starts_equal_the_lookbehind_of_num_on_every_character() -> None:
    """number_starts' character test refuses exactly the characters NUM's lookbehind refuses: every
    code point (but the surrogates), each before a digit run."""
    text = "".join(chr(code) + "1 " for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    digit_starts = [m.start() for m in re.finditer(r"\d+", text)]
    assert number_starts(text, digit_starts) == [m.start() for m in re.finditer(rf"\d(?<!{NOT_BEFORE_NUMBER}.)", text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_strategy, rank_text_strategy, number_text_strategy))
@example("(five)\tsix,seven;eight 3 nine 'ten' -two _three four- first\x0cSecond 12 five\x1fsix.Seven")
@example("(five)\tsix,seven;eight ٣ nine “ten” -two _three four- first\x0cSecond 12 five\xa0six")
@example("five ſix seven")
@example("-two five")  # (a number word after a hyphen that opens the text)
@example("“Five”–six ‘one’ 【ten】 （12）twenty-one‐two —three five\u3000seven\xa0eight 😀nine ²ten x٣one éfive")
@example("“Five”–six ‘one’ 【ten】 （12）twenty-one‐two —three five\u3000seven\xa0eight 😀nine (ten)")
@example("someone oneself one's phone, tone-one fifty5 5five one_ a\x7fone `one` [ten] {six} first.Second-third 7")
@example("(one)(two)12three,4 five-six 7-seven ‘eight’9 ten\u00a0one\u3000two—three–four 12٣4 first:second")
@example("More than half of them, x_than half of, nearly\t half of, 2by half of, (about HALF of), "
         "one-third of, Nine out of ten, 1/3, 3 / 4, ſix out of 9, for half of")
def test_folded_scans_equal_the_plain_scans(text: str) -> None:
    for fold in FOLDED:
        _same_scans(fold, text, 0, len(text))
        _same_scans(fold, text, min(3, len(text)), max(min(3, len(text)), len(text) - 2))
    _same_number_scan(text)
    _same_spelled_counts(text)


def _same_noun_phrase_after(para: str, pos: int) -> None:
    """_noun_phrase_after (its first tokens read first) finds the phrase it finds in all NP_AFTER_TOKENS (with the
    same quoted stretches)."""
    quoted = subjects._quoted_spans(para, pos)
    for singular in (False, True):
        plain = subjects._noun_phrase_in(subjects._words_after(para, pos), singular, quoted=quoted)
        assert subjects._noun_phrase_after(para, pos, singular) == plain, (para[pos:pos + 120], singular)


def _same_words_after(para: str, pos: int) -> None:
    """_words_after (one match of FIRST_TOKENS_RES) is WORD_RE's finditer over the 200 characters from pos,
    quotes dropped, cut to the count asked, as (word, start)."""
    plain = [(t.group(), t.start()) for t in subjects.WORD_RE.finditer(para, pos, min(len(para), pos + 200))
             if t.group() not in subjects.QUOTES]
    for count in (subjects.NP_FIRST_TOKENS, subjects.NP_AFTER_TOKENS):
        assert subjects._words_after(para, pos, count) == plain[:count], (para[pos:pos + 200], count)


def test_the_words_after_are_the_plain_tokens_on_the_real_pages() -> None:
    count = 0
    for para in real_paragraphs():
        _same_words_after(para, 0)
        for match in re.finditer(r"\s+", para):
            _same_words_after(para, match.end())
            count += 1
    assert count > 40000


WORDS_AFTER_CHARS = "".join(map(chr, range(128))) + "éſ\u212a’“”‘\xa0\u3000٣²😀—–‐（【"


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(alphabet="".join(map(chr, range(128))), max_size=260),
                 st.text(alphabet=WORDS_AFTER_CHARS, max_size=260),
                 st.lists(st.sampled_from(("ab", "a", "5", "_", "__", "'", ".", "-", "&", "a-", "-a", "a.b", "x'",
                                           " ", "  ", "\t", "\x1c", "\x0b", "\x7f", "\x00", '"', "“", "é", "’")),
                          max_size=120).map("".join)),
       st.integers(0, 70))
@example("_ a b c d e f g h i j k l m n o p q", 0)  # (a chunk of "_" holds no token: the chunks run short)
@example("a __ b _ c d e f g h i j k l m n o p q r s", 0)
@example("a, b. c- d& e_ f' (g) h i j k l m n o p q r s", 0)
def test_the_words_after_are_the_plain_tokens(text: str, pos: int) -> None:
    _same_words_after(text, min(pos, len(text)))


def _same_chunk_spans(text: str) -> None:
    """subjects._ascii_token_spans of each chunk between whitespace of an ASCII text: the pattern's spans."""
    for chunk in re.finditer(r"\S+", text):
        assert subjects._ascii_token_spans(text, chunk.start(), chunk.end()) == [
            t.span() for t in subjects.ASCII_WORD_RE.finditer(text, chunk.start(), chunk.end())], chunk.group()


def test_the_ascii_tokens_are_the_pattern_s_on_the_real_lines() -> None:
    count = 0
    for para in real_paragraphs():
        if para.isascii():
            _same_chunk_spans(para)
            for match in re.finditer(r"\s+", para):
                region = para[:match.start()]
                cut = subjects._token_cut(region, len(region) - subjects.NP_BEFORE_CHARS)
                assert subjects._ascii_tokens(region, cut) == subjects.ASCII_WORD_RE.findall(region, cut), region[cut:]
                count += 1
    assert count > 30000


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(alphabet="".join(map(chr, range(128))), max_size=120),
                 st.lists(st.sampled_from(("ab", "a", "5", "_", "&", "'", ".", "-", ",", "a-", "-a", "a.b", "x'", "a&",
                                           "a_", "(", ")", " ", "  ", "\t", "\x1c", "\x0b", "\x7f", "\x00", '"')),
                          max_size=60).map("".join)),
       st.integers(0, 30))
def test_the_ascii_tokens_are_the_pattern_s(text: str, pos: int) -> None:
    _same_chunk_spans(text)
    assert subjects._ascii_tokens(text, pos) == subjects.ASCII_WORD_RE.findall(text, pos), (text, pos)
    assert subjects._ascii_tokens(text, pos) == subjects.WORD_RE.findall(text, pos), (text, pos)


def test_noun_phrases_after_numbers_read_off_the_first_tokens_on_the_real_pages() -> None:
    count = 0
    for para in real_paragraphs():
        for match in re.finditer(r"\s+", para):  # (after every word: after the numbers and more)
            _same_noun_phrase_after(para, match.end())
            count += 1
    assert count > 40000


PHRASE_WORDS = ("enterprises", "companies", "high-tech", "new", "and", "or", "more", "such", "of", "pieces",
                "equipment", "Fortune", "Global", "500", "5G", "base", "stations", "sent", "signed", "ranking",
                "annually", "in", "the", "city", "“", "”", "\"", "no", "’s", "TEUs", "TEU", ",", ".", "hour", "July",
                "users", "leading", "bases", "museums", "attracted", "registered", "best", "start-ups", "SMEs", "865")
phrase_text_strategy = joined_words(PHRASE_WORDS, (" ", " ", "", "  "), max_size=24)


@settings(max_examples=400, deadline=None)
@given(phrase_text_strategy, st.integers(0, 6))
@example("museums and bases and parks and zones and labs and centres and farms and firms and stations attracted", 0)
@example("more high-tech new new new enterprises and new companies and SMEs", 0)
def test_noun_phrases_after_numbers_read_off_the_first_tokens(text: str, pos: int) -> None:
    _same_noun_phrase_after(text, min(pos, len(text)))


def _same_sentence_scans(para: str) -> None:
    """sentence_scan (the paragraph's tokens bisected; a shared scan for a sentence without any) is the
    scan made from NUMBERISH_RE's matches that start in the sentence."""
    tokens = scan_numbers(para)
    for pos in range(len(para) + 2):  # (the bisection, from the start and from a later token)
        for lo in (0, len(tokens) // 2):
            assert numbers.first_token_at(tokens, pos, lo) == bisect_left(tokens, pos, lo, key=itemgetter(0)), pos
    for start, end in [*structure._sentences(para), (0, len(para)), (min(2, len(para)), len(para))]:
        inside = [m for m in numbers.NUMBERISH_RE.finditer(para) if start <= m.start() < end]
        digits = tuple(m.start() for m in inside if m.group().isdigit())
        words = tuple(m.start() for m in inside if not m.group().isdigit())
        spelled = any(m.group().lower() in numbers.SPELLED_START_WORDS for m in inside)
        plain = numbers.NumberScan(bool(digits), bool(words), spelled, digits, words)
        assert numbers.sentence_scan(tokens, para, start, end) == plain, (para[start:end], plain)


def test_sentence_scans_equal_the_scans_of_their_number_tokens_on_the_real_pages() -> None:
    for para in real_paragraphs():
        _same_sentence_scans(para)


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_strategy, number_text_strategy, rank_text_strategy))
@example("Five labs. No number here. 12 and twenty-one firms. First, 3 more. ")
def test_sentence_scans_equal_the_scans_of_their_number_tokens(text: str) -> None:
    _same_sentence_scans(text)


def _same_month_tests(para: str) -> None:
    """Where a sentence names a month in full, read off its paragraph's month names, is where the plain search
    finds one (each sentence of `para`, and spans cutting words); the excluded spans given them are the same too."""
    from transforms.metrics import periods

    months = structure.month_names(para)
    assert months == [(m.start(), m.group()) for m in numbers._MONTH_GATE.finditer(para)], para
    spans = [*structure._sentences(para), (0, len(para))]
    spans += [(a, b) for a in range(0, len(para), 7) for b in (a + 5, a + 13) if b <= len(para)]
    for start, end in spans:
        plain = [m.start() for m in periods.MONTH_NAME_RE.finditer(para[start:end])]
        assert periods.sentence_month_starts(months, start, end) == plain, (para[start:end], months)
    digit_runs = [(a, b) for a, b, is_digits in scan_numbers(para) if is_digits]
    assert structure._excluded_spans(para, digit_runs, months) == structure._excluded_spans(para, digit_runs)


def _plain_sentences(para: str, last: int | None = None) -> list[tuple[int, int]]:
    """structure._sentences as written with SENTENCE_END_RE.finditer over the whole paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in structure.SENTENCE_END_RE.finditer(para):
        if para[match.start()] == "." and structure._abbreviation_before(para, start, match):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
        if last is not None and start > last:
            return spans
    if start < len(para):
        spans.append((start, len(para)))
    return spans


SENTENCE_TEXTS = ("It rose 3.5% to 4.2 billion. Then it fell! Dr. Li said \"Yes.\" Next (a).) B. F. Tan came? 5 more.",
                  "Up 1.2.3. 4 units.\u201d X\u3002 Y. z. Q.  R.\t7 A.\n B", ".", "", "A. ", "3.5", "Mr.. X")


def test_sentences_are_the_plain_scans_of_the_whole_paragraph() -> None:
    """_sentences (the marks matched one by one, a mark before neither whitespace nor a closer passed over,
    the scan stopped at the sentence `last` needs) gives the spans of the plain scan."""
    for para in (*real_paragraphs(), *SENTENCE_TEXTS):
        for last in (None, 0, len(para) // 3, len(para)):
            assert structure._sentences(para, last) == _plain_sentences(para, last), (para, last)
        assert structure._sentences(para) == _sentences_scanning_whole_sentences(para), para


def test_month_names_read_off_the_paragraph_on_the_real_pages() -> None:
    paragraphs = real_paragraphs()
    assert sum(structure.month_names(para) != [] for para in paragraphs) > 100
    for para in paragraphs:
        _same_month_tests(para)


MONTH_WORDS = ("January", "June", "July", "Jan", "Jun", "Sept", "September", "May", "Mayor", "MAY", "march", "March",
               "SMarch", "JanuaryJune", "Dec.", "5", "2019", "of", ".", ". ", ",", "x")


@settings(max_examples=300, deadline=None)
@given(joined_words(MONTH_WORDS, ("", " ", ". ", "  "), max_size=20))
@example("JanuaryJune SMarch Septembers MayJun. Dec 5, 2019. In March alone, 12 firms. OctoberNov")
def test_month_names_read_off_the_paragraph(text: str) -> None:
    _same_month_tests(text)


def test_the_ascii_word_pattern_tokenizes_ascii_texts_as_the_word_pattern() -> None:
    """subjects.ASCII_WORD_RE, WORD_RE's classes written out in ASCII, finds WORD_RE's tokens in an ASCII text:
    every pair of ASCII characters between letters, and the real paragraphs that are ASCII."""
    assert subjects.ASCII_SPACES == "".join(chr(c) for c in range(128) if chr(c).isspace())
    for a in range(128):
        for b in range(128):
            text = f"a{chr(a)}{chr(b)}b {chr(a)}{chr(b)}"
            assert subjects.ASCII_WORD_RE.findall(text) == subjects.WORD_RE.findall(text), text
    paragraphs = [para for para in real_paragraphs() if para.isascii()]
    assert len(paragraphs) > 500
    for para in paragraphs:
        assert subjects.ASCII_WORD_RE.findall(para) == subjects.WORD_RE.findall(para)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_the_ascii_word_pattern_tokenizes_any_ascii_text_as_the_word_pattern(text: str) -> None:
    assert subjects.ASCII_WORD_RE.findall(text) == subjects.WORD_RE.findall(text)


def _same_noun_phrase_before(region: str) -> None:
    """_noun_phrase_before (the tokens of its last NP_BEFORE_CHARS read first) finds the phrase it finds in
    all the region's tokens."""
    for stop_at_number in (False, True):
        tokens = [t for t in subjects.WORD_RE.findall(region) if t not in subjects.QUOTES]
        plain = subjects._noun_phrase_before_in(tokens, stop_at_number)
        assert subjects._noun_phrase_before(region, stop_at_number) == plain, (region[-200:], stop_at_number)


def test_noun_phrases_before_numbers_read_off_the_last_tokens_on_the_real_pages() -> None:
    count = 0
    for para in real_paragraphs():
        for match in re.finditer(r"\s+", para):  # (the text before every word: before the link verbs and more)
            _same_noun_phrase_before(para[:match.start()])
            count += 1
    assert count > 40000


before_phrase_strategy = joined_words(
    (*PHRASE_WORDS, "Belt", "Road", "Ningbo", "Zhejiang", "Province", "of", "with", "The", "Port", "EU", "R&D", "GDP",
     "value", "added", "output", "2016", "'s", "city's", "through", "zone", "were", "has"),
    (" ", " ", "", "  ", "\n"), max_size=60)


@settings(max_examples=400, deadline=None)
@given(before_phrase_strategy, st.integers(0, 100))
@example("Ningbo " + "x" * 70 + " Ningbo", 0)
@example("of the Belt and Road and Belt and Road and Belt and Road and Belt and Road and Belt and Road and Belt and "
         "Road and Belt and Road and Belt and Road and Belt and Road and Belt and Road and Belt and Road exports", 0)
def test_noun_phrases_before_numbers_read_off_the_last_tokens(text: str, pad: int) -> None:
    _same_noun_phrase_before(text)
    _same_noun_phrase_before("x" * pad + " " + text)


def _first_chars(items: object) -> set[str]:
    """The characters every match of the parsed pattern can open with (literals, sets of literals and ranges,
    alternatives and groups of them; anything else fails the test)."""
    from re import _constants as sre_c  # type: ignore[attr-defined]

    op, av = list(items)[0]  # type: ignore[call-overload]
    if op is sre_c.LITERAL:
        return {chr(av)}
    if op is sre_c.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is sre_c.LITERAL:
                chars.add(chr(item_av))
            else:
                assert item_op is sre_c.RANGE, item_op
                chars |= {chr(c) for c in range(item_av[0], item_av[1] + 1)}
        return chars
    if op is sre_c.BRANCH:
        return set().union(*(_first_chars(branch) for branch in av[1]))
    assert op is sre_c.SUBPATTERN, op
    return _first_chars(av[-1])


CHAR_LEAD_SCANS = (structure.SENTENCE_END_SCAN, structure.MONTH_NAME_SCAN)


def test_char_lead_scans_know_the_characters_their_matches_open_with() -> None:
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    for scan in CHAR_LEAD_SCANS:
        assert not scan.pattern.flags & re.IGNORECASE
        assert _first_chars(sre_parse.parse(scan.pattern.pattern, scan.pattern.flags)) <= set(scan.chars)


def _same_char_lead_scans(text: str) -> None:
    for scan in CHAR_LEAD_SCANS:
        for pos, endpos in ((0, len(text)), (min(3, len(text)), max(min(3, len(text)), len(text) - 2))):
            found = scan.finditer(text, pos, endpos)
            plain = list(scan.pattern.finditer(text, pos, endpos))
            assert [m.span() for m in found] == [m.span() for m in plain], text
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]


def test_char_lead_scans_find_the_plain_matches_on_the_real_pages() -> None:
    for para in real_paragraphs():
        _same_char_lead_scans(para)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("Jan", "January", "May", "Mayor", "Dec.", "Sept", "Sep", "Ma", "ay", ". ", "! ",
                                 "? ", "。", ".\" ", ".” ", ". ", "  ", "A", "5", "x", "(", "）", "\n", "Dr.", " ")),
                max_size=40).map("".join))
def test_char_lead_scans_find_the_plain_matches(text: str) -> None:
    _same_char_lead_scans(text)


# ------------------------------------------------------------------ the edition a text names
EDITION_WORDS = ("the", "The", "THE", "tHe", "2020", "1998", "2119", "20", "19", "Zhejiang", "Science", "Awards",
                 "ningbo", "Xinhua-Baltic", "Index", "bathe", "of", "x2020", "\u00a0", "٢٠٢٠", ",", ".")


def _same_edition_years(text: str) -> None:
    assert engine.named_edition_years(text) == {m.group("year") for m in engine.NAMED_EDITION_RE.finditer(text)}, \
        text


@settings(max_examples=400, deadline=None)
@given(joined_words(EDITION_WORDS, (" ", "  ", "\n", "\t ", "", "\u3000"), max_size=20))
@example("The 2020 Zhejiang Science and the 2019 Xinhua-Baltic Index, bathe 2018 Ningbo Port; the\n2021  Ningbo Week")
def test_named_edition_years_are_the_plain_finditer_years(text: str) -> None:
    _same_edition_years(text)


def test_named_edition_years_are_the_plain_finditer_years_on_the_real_pages() -> None:
    for text in real_texts():
        _same_edition_years(text)
        _same_edition_years(text[:engine.EVENT_LEAD_CHARS])


# Words after a number that open (or nearly open) what the number-led matchers need, in any case, glued or not.
FOLLOWER_WORDS = (*NUMBER_WORDS, "10 thousand", "10,000", "ten thousand", "hundred million", "Million", "BN", "mln",
                  "Yuan", "RMB", "CNY", "US dollars", "Dollars", "euros", "EUR", "more", "less", "fewer", "Percentage",
                  "pct.", "per cent", "PERCENT", "square", "SQ", "sqm", "m²", "m^2", "km²", "metric", "tons", "Tonne",
                  "kilograms", "kg", "KG", "MWh", "GWh", "megawatt", "kilowatt hours", "Kilometers", "\u212am",
                  "ſquare", "year", "Years", "of which", "\u3000", "\xa0", ".", ",", "5.", "0.5", "٣")
follower_text_strategy = joined_words(FOLLOWER_WORDS, ("", " ", "  ", "\t", "-", ", "), max_size=16)


def _plain_follower(text: str, start: int, end: int) -> str | None:
    """number_follower as written first: the text after the run stripped of its number characters and whitespace."""
    rest = text[start:end].lstrip(numbers.NUMBER_RUN_CHARS).lstrip()
    return None if not rest else rest[0] if rest[0].isascii() else ""


def _followed_matches_are_all_matches(text: str) -> None:
    """At a digit run whose follower a matcher's NUMBER_FOLLOWERS refuse, its pattern has no match (from any
    end of the sentence at or after the run: the engine matches up to the sentence's end); the follower read
    character by character is the stripped text's."""
    patterns = {**{rule: regex for rule, regex, _ in matchers.MATCHERS}, **matchers.FOLLOWED_PATTERNS}
    for run in re.finditer(r"\d", text):
        start = run.start()
        for end in {len(text), start + 1, start + 3, start + 6, start + 12, len(text) + 5}:
            follower = numbers.number_follower(text, start, end)
            assert follower == _plain_follower(text, start, end), (text, start, end)
            end = min(end, len(text))
            for rule, chars in matchers.NUMBER_FOLLOWERS.items():
                if not matchers.may_follow(follower, chars):
                    assert patterns[rule].match(text, start, end) is None, (rule, text, start, end, follower)


def test_number_followers_refuse_no_match_on_the_real_pages() -> None:
    for para in real_paragraphs():
        _followed_matches_are_all_matches(para)


@settings(max_examples=500, deadline=None)
@given(st.one_of(follower_text_strategy, number_text_strategy))
@example("5 10,000 yuan, 510 thousand yuan, 3 ten thousand tonnes, 12.5-3 kg, 1-2 firms, 4 – 5 firms, 7\xa0%, 8 ％")
@example("1,2345% 1١-3 firms 5.%, 2 ſquare km 3 \u212am 4BN yuan 5 of which are 6\u3000percent")
@example("USD 4.5 Million, 2 Billion Yuan, 3 Thousand tonnes, 7 Trillion yuan, 6 Million people")
@example("1,234,567,890,123,456,789,012 percent, 7" + " " * 30 + "%, 8" + "\t" * 30)
def test_number_followers_refuse_no_match(text: str) -> None:
    _followed_matches_are_all_matches(text)


OWN_TIME_PIECES = ("currently", "at present", "presently", "nowadays", "now", "today", "so far", "to\tdate",
                   "at the moment", "ago", "Past", "recently", "next year", "in the future", "every  year", "annually",
                   "each year",
                   "ſo far", "NOW", "known", "pasta", "now-", "-now", "January", "on July", "June 5", "Mayor", "Jan",
                   "in", "the", "rose", "5%", ",", ".", "ı", "\u212a")
own_time_strategy = joined_words(OWN_TIME_PIECES, (" ", "", "  ", ", "), max_size=12)


def _same_own_time(sentence: str) -> None:
    """names_own_time, its gate reading the sentence's gate_text and its paragraph's folded_text (the sentence as
    a paragraph, and cut out of one), its month starts read off the paragraph's month names."""
    plain = bool(engine.OWN_TIME_RE.search(sentence) or engine.OWN_MONTH_RE.search(sentence))
    prefix = "In 2020, a March. "
    para = f"{prefix}{sentence} Ten ago."
    start = len(prefix)
    for text, at in ((sentence, 0), (para, start)):
        folded = folded_text(text)
        cut = folded[at:at + len(sentence)] if folded is not None else None
        assert engine._names_own_time(sentence, cut, structure.month_names(text), at, at + len(sentence)) == plain, \
            sentence


def test_own_time_gates_on_the_real_sentences() -> None:
    for sentence in real_sentences():
        _same_own_time(sentence)


@settings(max_examples=300, deadline=None)
@given(own_time_strategy)
@example("ſo far, NOW and pasta; said on July 5, in June")
def test_own_time_gates(text: str) -> None:
    _same_own_time(text)


IN_YEAR_PIECES = ("In", "in", "by the end of", "By", "at the end\tof", "As of", "during", "Throughout", "for",
                  "in the year of", "end of", "2019", "2020-21", "2019 - 5", "1998", "20190", "x2019", "the", "year",
                  "of", "and", "12", ",", "(", "\n", "in  2021", "for2020")
in_year_strategy = joined_words(IN_YEAR_PIECES, (" ", "", "  ", ", ", "\t"), max_size=14)


def _same_in_year(sentence: str) -> None:
    plain = [(m.span(), m.group("year")) for m in periods.IN_YEAR_SCAN.finditer(sentence)]
    assert [(m.span(), m.group("year")) for m in periods.in_year_matches(sentence)] == plain, sentence


def _same_year_starts(sentence: str) -> None:
    assert periods.year_starts(sentence) == [m.start() for m in periods.YEAR_DIGITS_RE.finditer(sentence)], sentence


def test_in_year_matches_on_the_real_sentences() -> None:
    for sentence in real_sentences():
        _same_in_year(sentence)
        _same_year_starts(sentence)


YEAR_PIECES = ("19", "20", "2019", "1920", "201", "19190", "2020", "202020", "1", "2", "0", "9", "٢٠", "٠١", "１９",
               "2０19", "20١٩", "x", " ", "-", "²", "½", "20\n", "1919")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=12).map("".join))
@example("201920 1920192 20١٩ 2０19 19²2 2020")
def test_year_starts_are_the_year_digits_pattern_starts(text: str) -> None:
    _same_year_starts(text)


@settings(max_examples=400, deadline=None)
@given(in_year_strategy)
@example("By the end of 2019 and in the year of 2020, for 2021-2 and end of 1999; as of\t2018 during 20190")
def test_in_year_matches(text: str) -> None:
    _same_in_year(text)


# Pieces of what the gated sentence matchers match (engine.MATCHER_OPENINGS and MATCHER_PAIRS), near misses and
# the characters IGNORECASE equates with ASCII letters.
GATED_MATCHER_PIECES = ("ranked", "Ranking", "RANKS", "rank", "frank", "placed", "Placing", "came", "Coming", "as",
                        "at", "the", "first", "2nd", "third", "4th", "No. 3", "No.1", "number 5", "and", "in",
                        "province", "China", "among", "Among", "all", "cities", "the 10", "nationwide", "worldwide",
                        "place", "places", "at fourth place", "took", "got", "ten", "Ten", "a hundred", "one\thundred",
                        "two", "fifty", "times", "TIMES", "fold", "of that", "higher", "grew", "increase of",
                        "nearly", "second-largest", "third largest", "5th-biggest", "22nd busiest", "most", "best",
                        "fastest", "second -largest", "dropping by", "fell", "down", "by", "3.6", "0.9", "١٢",
                        "points", "point", "Points", "ſ", "\u212a", "ı", "-", ",", ".",
                        # rank_from_to's verbs and rank_move's units (session 28)
                        "jumped", "Rose", "rising", "moved up", "slipped", "from", "to", "the 6th", "5th", "spots",
                        "4 places", "one spot", "lower", "rankings", "positions", "notch")
gated_matcher_strategy = joined_words(GATED_MATCHER_PIECES, (" ", "", "  ", "\t", "-", "\n", ", "), max_size=14)


def _gated_matchers_find_what_finditer_finds(text: str) -> None:
    """A sentence matcher of MATCHER_OPENINGS matched at its opening words finds what its finditer finds; one of
    MATCHER_PAIRS has no match in a text without its pair (from any start to any end the engine may ask)."""
    low = folded_text(text)
    if low is None:
        return  # (the engine then scans: no gate)
    bounds = {(0, len(text)), *structure._sentences(text)}
    step = max(1, len(text) // 40)
    bounds |= {(start, len(text)) for start in range(0, len(text), step)}
    bounds |= {(0, end) for end in range(0, len(text), step)}
    for rule, regex, _ in matchers.MATCHERS:
        if rule not in engine.MATCHER_OPENINGS and rule not in engine.MATCHER_PAIRS:
            continue
        for start, end in bounds:
            plain = [(m.span(), m.groupdict()) for m in regex.finditer(text, start, end)]
            if rule in engine.MATCHER_OPENINGS:
                starts = engine.opening_starts(low, engine.MATCHER_OPENINGS[rule], start, end)
                got = [(m.span(), m.groupdict()) for m in matches_from_starts(regex, text, starts, start, end)]
                assert got == plain, (rule, text, start, end)
            if rule in engine.MATCHER_PAIRS and not engine.holds_pair(low, start, end, engine.MATCHER_PAIRS[rule]):
                assert plain == [], (rule, text, start, end)


def test_gated_matchers_on_the_real_paragraphs() -> None:
    for para in real_paragraphs():
        _gated_matchers_find_what_finditer_finds(para)


@settings(max_examples=600, deadline=None)
@given(gated_matcher_strategy)
@example("It ranked second and third, Ranking 2nd, placed No. 3, came 4th in the province, coming first in China")
@example("Taiwan and Thailand ranked second, third and fourth; frank came first and second")
@example("at fourth place nationwide, 15th nationwide, first among cities, the 2nd among the 10, took the first place")
@example("grew nearly ten times, an increase of a hundred  fold, two times of that, fifty\ttimes higher, TEN TIMES")
@example("the second-largest, 3rd biggest, fifth most important, 22nd best, second -largest, 1st\tfastest")
@example("dropping by 3.6 points, fell 0.9 point, down by ١٢ points, up 5\npoints, 7points")
def test_gated_matchers_find_what_finditer_finds(text: str) -> None:
    _gated_matchers_find_what_finditer_finds(text)


def test_the_matcher_gates_are_not_vacuous() -> None:
    """Each gate lets through the texts its matcher matches, and refuses one it does not (a gate that refused
    nothing, or an opening missing from the list, fails here or in the tests above)."""
    cases = {"times_spelled": ("grew ten times", "ten of the times"), "rank_scoped": ("at fourth place", "the place"),
             "rank_ordinal_superlative": ("the second-largest", "the largest"),
             "points_changed": ("dropping by 3.6 points", "the points"),
             "rank_move": ("dropping two spots", "the spots")}
    for rule, (matched, refused) in cases.items():
        assert engine.holds_pair(matched, 0, len(matched), engine.MATCHER_PAIRS[rule]), rule
        assert not engine.holds_pair(refused, 0, len(refused), engine.MATCHER_PAIRS[rule]), rule
    for opening in engine.RANK_VERB_OPENINGS:
        text = f"it {opening} first"
        assert engine.opening_starts(text, engine.RANK_VERB_OPENINGS, 0, len(text)) == [3], opening
    for verb in vocab.RANK_MOVE_VERBS:  # (rank_from_to's openings: each verb's first four letters)
        text = f"it {verb} from the 6th to the 5th"
        assert 3 in engine.opening_starts(text, engine.RANK_FROM_TO_OPENINGS, 0, len(text)), verb


def _same_previous_word(before: str) -> None:
    plain = structure.PREVIOUS_WORD_RE.search(before)
    assert matchers.previous_word(before) == (None if plain is None else (plain.start(), plain.group(1))), before


def test_previous_words_are_the_plain_searches_on_the_real_pages() -> None:
    for before in real_befores():
        _same_previous_word(before)


PREVIOUS_WORD_PIECES = ("Line", "line", "No.", "U.S.", "Shenzhou", "3315", "_x", "x_", "ſ", "é", "Étape", "٣", "²",
                        "(", "“", "'s", "’s", ".", ",", "-", "a", "Z", "5G", "\u212a", "ı", "over", "in")
PREVIOUS_WORD_SEPARATORS = ("", " ", "  ", "\t", "\n", "\xa0", "\x1c", "\u3000", "-")
previous_word_strategy = joined_words(PREVIOUS_WORD_PIECES, PREVIOUS_WORD_SEPARATORS, max_size=8)


@settings(max_examples=500, deadline=None)
@given(previous_word_strategy)
@example("in Line 4.\n")
@example("(Shenzhou_é.5 \n\n")
@example("é٣x.ſ ")
@example(".5a ")
def test_previous_words_are_the_plain_searches(before: str) -> None:
    _same_previous_word(before)


@given(st.text(alphabet="0123456789٣²,.\n", max_size=6))
@example("1999")
@example("20٣4")
@example("2019\n")
def test_year_like_numbers_are_the_plain_matches(raw: str) -> None:
    assert numbers.is_year_like(raw) == (numbers.YEAR_LIKE_RE.match(raw) is not None) or raw.endswith("\n"), raw


def _same_generic_verdict(subject: str) -> None:
    assert subjects.is_generic_subject(subject) == (subjects.GENERIC_SUBJECT_RE.match(subject) is not None), subject


def test_generic_subjects_are_the_plain_matches_on_the_real_phrases() -> None:
    """Every run of one to four words of the real paragraphs, lowercased and as written."""
    for para in real_paragraphs():
        words = para.split()
        for start in range(len(words)):
            for size in range(1, 5):
                phrase = " ".join(words[start:start + size])
                _same_generic_verdict(phrase)
                _same_generic_verdict(phrase.lower())


# The words of GENERIC_SUBJECT_RE, spelled here apart from the pattern, and others opening alike.
GENERIC_PIECES = ("average", "annual", "yearly", "year-on-year", "yoy", "overall", "net", "growth", "increase", "rise",
                  "decline", "decrease", "drop", "gain", "uptick", "surge", "jump", "fall", "reduction", "rate", "same",
                  "period", "of", "the", "last", "previous", "prior", "past", "year", "years", "month", "months",
                  "quarter", "quarters", "income", "Growth", "yo", "ne", "x", "\n")
generic_subject_strategy = joined_words(GENERIC_PIECES, ("", " ", "  ", "\n"), max_size=5)


@settings(max_examples=500, deadline=None)
@given(st.one_of(generic_subject_strategy, st.text(max_size=4)))
@example("")
@example("\n")
@example("yoy\n")
@example("netgrowth")
@example("same period of the last year")
def test_generic_subjects_are_the_plain_matches(subject: str) -> None:
    _same_generic_verdict(subject)


# INHERIT_GAP_RE as first written, its optional groups "(?:X)?" where it has "(?:X|)" (no other "|)" in it).
INHERIT_GAP_OPTIONAL_RE = re.compile(subjects.INHERIT_GAP_RE.pattern.replace("|)", ")?"))


def _same_inherit_verdict(gap: str) -> None:
    plain = INHERIT_GAP_OPTIONAL_RE.match(gap)
    match = subjects.INHERIT_GAP_RE.match(gap)
    assert (match and match.span()) == (plain and plain.span()), gap
    assert subjects.inherit_gap(gap) == (plain is not None), gap


NUMBER_RUN_RE = re.compile(r"\d+(?:[.,]\d+)*")


def test_inherit_gaps_are_the_plain_matches_on_the_real_texts() -> None:
    """The text between two numbers of every real paragraph (up to 300 characters), and its ends from each
    whitespace run on: the gaps between quantities are such texts."""
    matched = 0
    for para in real_paragraphs():
        for piece in NUMBER_RUN_RE.split(para)[1:-1]:
            piece = piece[:300]
            for start in {0, *(match.end() for match in re.finditer(r"\s+", piece))}:
                _same_inherit_verdict(piece[start:])
                matched += subjects.INHERIT_GAP_RE.match(piece[start:]) is not None
    assert matched > 1000
    assert INHERIT_GAP_OPTIONAL_RE.pattern.count(")?") == subjects.INHERIT_GAP_RE.pattern.count("|)") == 11


# Every phrase INHERIT_GAP_RE can end with, spelled here apart from the pattern, and words ending alike or not.
INHERIT_PHRASES = ("year-on-year", "year on year", "yoy", "from a year earlier", "from a year ago", "in 2019",
                   "by 2020", "and", "to", "or", "versus", "up", "down", "up from", "down from", "from",
                   "accounting for", "making up", "representing", "equal to", "equivalent to", "saving",
                   "with an annual increase of", "a decrease of", "daily average of", "rise of", "drop of",
                   "decline of", "growth of", "gain of", "increasing", "rising", "growing", "falling", "dropping",
                   "declining", "increased", "decreased", "rose", "grew", "fell", "dropped", "declined", "edging up",
                   "edged down", "inching up", "inched down", "reflecting", "marking a", "registering an", "posting",
                   "exceeding", "surpassing", "topping", "by", "up by about", "around", "nearly", "almost", "over",
                   "more than", "some", "roughly")
INHERIT_OTHER_WORDS = ("total", "Up", "TO", "ago.", "2019", "（", "(", ",", ";", "an", "versuss", "yearly", "China",
                       "\u0663", "é", "ſome", "x")


def test_inherit_gaps_are_the_plain_matches_on_every_phrase() -> None:
    """Each phrase the pattern can end with, after openings of every kind and before whitespace of every kind
    (a word left out of INHERIT_GAP_LAST_WORDS fails here)."""
    openings = ("", " ", ", ", " in 2019, ", " compared with 2018 and ", "; and ", " the plan ", "(")
    for phrase in INHERIT_PHRASES + INHERIT_OTHER_WORDS:
        for opening in openings:
            for end in ("", " ", "\n", " \u3000\n"):
                _same_inherit_verdict(opening + phrase + end)
    assert all(subjects.INHERIT_GAP_RE.match(", " + phrase + " ") for phrase in INHERIT_PHRASES)


inherit_gap_strategy = joined_words((*INHERIT_PHRASES, *INHERIT_OTHER_WORDS, "the", "of the same period", "."),
                                    ("", " ", "  ", ", ", "\n", "\t"), max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.one_of(inherit_gap_strategy, st.text(max_size=6)))
@example("")
@example("\n")
@example(" and\n")
def test_inherit_gaps_are_the_plain_matches(gap: str) -> None:
    _same_inherit_verdict(gap)


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(1, 3)), max_size=6))
def test_the_earliest_and_latest_cues_are_min_and_max(spans: list[tuple[int, int, int]]) -> None:
    cues = [periods._Cue(start, start + size, str(index), priority)
            for index, (start, size, priority) in enumerate(spans)]
    assert periods.earliest_cue(cues) is min(cues, key=lambda c: c.start, default=None)
    if cues:
        assert periods._latest_cue(cues) is max(cues, key=lambda c: (c.end, c.priority))


def test_two_digits_are_the_format_spec_s() -> None:
    for number in range(200):
        assert periods._two_digits(number) == f"{number:02d}"


def test_shorthand_possible_is_the_gate_search() -> None:
    """matchers.shorthand_possible (str's searches) says what SHORTHAND_GATE_RE's search says, on the real sentences
    lowercased, on each needle alone and inside text, and on each digit unit with what may stand before it."""
    texts = [sentence.lower() for sentence in real_sentences()]
    assert 0 < sum(1 for text in texts if matchers.shorthand_possible(text)) < len(texts)  # (both answers occur)
    texts += [needle for needle in matchers.SHORTHAND_NEEDLES]
    texts += [f"up {needle}." for needle in matchers.SHORTHAND_NEEDLES]
    for unit, _ in matchers.SHORTHAND_DIGIT_UNITS:
        texts += [unit, f"a{unit}", f" {unit}", f"5{unit}", f"5 {unit}", f"5  {unit}", f"x5 {unit}y", f"a {unit} 5",
                  f"{unit}5{unit}", f"٥{unit}"]
    for text in texts:
        assert matchers.shorthand_possible(text) == (matchers.SHORTHAND_GATE_RE.search(text) is not None), text


@given(st.text(alphabet="0123456789 xpctm+-−a", max_size=12))
def test_shorthand_possible_on_generated_text(text: str) -> None:
    assert matchers.shorthand_possible(text) == (matchers.SHORTHAND_GATE_RE.search(text) is not None)


def test_the_spaced_thousands_gate_never_hides_a_match() -> None:
    """engine.may_space_thousands answers False only where SPACED_THOUSANDS_RE finds nothing: on every real page's
    text (some hold spaced thousands: both answers occur) and on numbers set with each kind of space."""
    texts = list(real_texts())
    texts += [f"a population of 7{space}600{space}000 people" for space in (" ", *engine.TYPESET_SPACES)]
    texts += ["1 000", "12 000 000", "7\u00a0600", "60 500-yuan awards", "on May 1 100 people", "2023-03-06 418"]
    gated = [text for text in texts if not engine.may_space_thousands(text)]
    assert gated and len(gated) < len(texts)
    assert not any(engine.SPACED_THOUSANDS_RE.search(text) for text in gated)


@given(st.text(alphabet="0123456789 \u00a0\u2009,.-x", max_size=16))
def test_the_spaced_thousands_gate_on_generated_text(text: str) -> None:
    assert engine.may_space_thousands(text) or engine.SPACED_THOUSANDS_RE.search(text) is None


def _shape_gates_alike(text: str) -> None:
    """engine.body_shape is as long as the text; in an ASCII text the spaced-thousands shape is found exactly where
    SPACED_THOUSANDS_GATE_RE matches (the regex the gate replaces there), and in any text where that regex matches
    with every "?" of the shape read as a digit; GLUED_SENTENCE_SHAPE then "a" exactly where GLUED_SENTENCE_RE
    matches, so GLUED_SENTENCE_SHAPE wherever it does (extract_metrics runs its sub only then); may_space_thousands,
    given the shape or not, answers False only where SPACED_THOUSANDS_RE finds nothing."""
    shape = engine.body_shape(text)
    assert len(shape) == len(text)
    if text.isascii():
        assert (engine.SPACED_THOUSANDS_SHAPE in shape) == (engine.SPACED_THOUSANDS_GATE_RE.search(text) is not None)
    glued = engine.GLUED_SENTENCE_RE.search(text) is not None
    assert (engine.GLUED_SENTENCE_SHAPE in shape) == engine.glued_possible(shape) >= glued, text
    assert (engine.GLUED_SENTENCE_SHAPE + b"a" in shape) == glued, text  # (the gate's needle is the match's but one)
    if engine.SPACED_THOUSANDS_GATE_RE.search(text) is not None:
        assert engine.SPACED_THOUSANDS_SHAPE in shape.translate(engine.UNKNOWN_AS_DIGIT), text
    gated = engine.may_space_thousands(text, shape)
    assert gated == engine.may_space_thousands(text)
    assert gated or engine.SPACED_THOUSANDS_RE.search(text) is None


SHAPE_ADVERSARIAL = ("a population of 7 600 000 people", "7 600 000", " 123 456", "123 456", " 12 345 678", " 123 45",
                     " １２３ ４５６", " ١٢٣ ٤٥٦", " 123 ٤٥٦", " 123\u00a0456", " 123  456", " 123\t456", "x 123 456.",
                     "courses.By 2015", "courses.BY", "courses.B", "courses. By", "ab.By", "Abc.By", "ABC.By", "abc.Ǆa",
                     "abc.Bſ", "abcé.By", "éabc.By", "abc.\u212aa", "ningbo.gov.cn", "U.S.Navy", "Inc.The",
                     "rmb.Yuan’s", "“quoted.The” end", "digits9.By", "abc.By\u2028def.Gh", "\ud800abc.By",
                     ".A", "a.A", "aa.A", "aaa.A", ".Abc.Abcd.Ab", "x.Aabc.Ab", "ab.Aabc", "AB.Cabc.D")


def test_the_body_shape_gates_match_their_regexes() -> None:
    """On every real page's text and paragraph (both answers of each occur) and on adversarial texts: digits beyond
    ASCII (fullwidth, Arabic-Indic: the ASCII shape is not asked of them), letters beyond ASCII and case-special
    letters around a period, glued sentences and near misses."""
    texts = [*real_texts(), *real_paragraphs(), *SHAPE_ADVERSARIAL]
    assert 0 < sum(1 for text in texts if engine.GLUED_SENTENCE_RE.search(text)) < len(texts)
    assert 0 < sum(1 for text in texts if engine.SPACED_THOUSANDS_GATE_RE.search(text)) < len(texts)
    for text in texts:
        _shape_gates_alike(text)


@given(st.text(alphabet="0123456789 \u00a0aBcZ.,é١ſK\u212a\n", max_size=20))
def test_the_body_shape_gates_on_generated_text(text: str) -> None:
    _shape_gates_alike(text)


THE_YEAR_PIECES = ("in", "In", "during", "During", "for", "For", "over", "Over", "throughout", "Throughout", "the",
                   "The", "THE", "whole", "entire", "full", "same", "year", "years", "yearly", "year-on-year", "of",
                   "to", "end", "2018", "ſ", "\u212a", "\u0130", "then", "them", ",", ".", "'", "’", "-")
the_year_strategy = joined_words(THE_YEAR_PIECES, ("", " ", "  ", "\t", "\n", "\u00a0", "\u3000"), max_size=12)


def _the_year_gated_alike(text: str) -> None:
    """periods.THE_YEAR_GATE_RE finds nothing only where THE_YEAR_RE finds nothing (engine._the_year_cues returns
    before its finditer then)."""
    if periods.THE_YEAR_GATE_RE.search(text) is None:
        assert periods.THE_YEAR_RE.search(text) is None, text


def test_the_year_gate_never_hides_a_match_on_the_real_sentences() -> None:
    """On every real sentence and paragraph (some hold "in the year": both answers occur), and on each of the
    pattern's phrases with and without what its lookahead refuses after it."""
    texts = [*real_sentences(), *real_paragraphs()]
    for lead in ("in", "In", "during", "For", "over", "Throughout"):
        for middle in ("", "whole ", "entire ", "full ", "same ", "same  ", "whole\n"):
            for after in ("", ".", " of 2019", "-on-year", " ahead", " when", "s", "ly"):
                texts.append(f"{lead} the {middle}year{after}")
                texts.append(f"x {lead}\u00a0the\t{middle}year{after} y")
    assert 0 < sum(1 for text in texts if periods.THE_YEAR_RE.search(text)) < len(texts)
    assert 0 < sum(1 for text in texts if periods.THE_YEAR_GATE_RE.search(text) is None)
    for text in texts:
        _the_year_gated_alike(text)


@settings(max_examples=300, deadline=None)
@given(the_year_strategy)
@example("in the year")
@example("Throughout  the\u00a0same\tyear,")
def test_the_year_gate_never_hides_a_match(text: str) -> None:
    _the_year_gated_alike(text)


def test_compound_possible_is_the_gate_search() -> None:
    """engine.compound_possible (the two branches searched apart) says what COMPOUND_GATE_RE's search says, on the
    real paragraphs (some hold a number said in parts: both answers occur) and on each branch with what may
    stand between its word and the digit."""
    texts = list(real_paragraphs())
    for word in ("illion", "million", "billion", "thousand", "Thousand", "thousands", "illio", "thousan"):
        for gap in ("", " ", "  ", "\n", "\u00a0", "\u3000", " and ", " and", "and ", " and  ", ", ", " - "):
            for digit in ("5", "٥", "x", ""):
                texts += [f"{word}{gap}{digit}", f"3 {word}{gap}{digit}00 yuan", f"a thousand and {word}{gap}{digit}"]
    assert 0 < sum(1 for text in texts if engine.compound_possible(text)) < len(texts)
    for text in texts:
        assert engine.compound_possible(text) == (engine.COMPOUND_GATE_RE.search(text) is not None), text


@given(joined_words(("illion", "thousand", "and", "5", "٥", "x", "mill", "ion"), ("", " ", "  ", "\n", "\t"),
                    max_size=8))
def test_compound_possible_on_generated_text(text: str) -> None:
    assert engine.compound_possible(text) == (engine.COMPOUND_GATE_RE.search(text) is not None)


def test_the_spaced_table_unit_line_gate_never_hides_a_match() -> None:
    """extract_metrics searches SPACED_TABLE_UNIT_LINE_RE only in a body with a line opening with "(" (it opens with
    a MULTILINE ^): on every real page's text, and on unit lines after each kind of line break and none."""
    texts = list(real_texts())
    for unit in ("(in million CNY)", "( RMB million )", "(thousands USD)\t", "(in  billion yuan)"):
        for before in ("", "Table\n", "Table\r\n", "Table\r", "Table\u2028", "Table\x0b", "Table \n", "Table\n\n"):
            texts += [before + unit, f"{before}{unit}\nSales 1.0 2.0"]
    gated = [text for text in texts if not (text.startswith("(") or "\n(" in text)]
    assert gated and len(gated) < len(texts)
    assert sum(1 for text in texts if engine.SPACED_TABLE_UNIT_LINE_RE.search(text)) > 10
    assert not any(engine.SPACED_TABLE_UNIT_LINE_RE.search(text) for text in gated)


def _needles_alike(low: str) -> None:
    """engine.holds_needle, given the needle_mask of SENTENCE_FINDER.found of `low` (as _find_quantities reads it),
    says what the plain `in` tests say, for each of QUANTITY_NEEDLES and the sets asked as one; and the gates' words
    read off the same finder are SENTENCE_GATE_FINDER's."""
    words = engine.SENTENCE_FINDER.found(low, 0, len(low))
    mask = engine.needle_mask(words)
    assert engine.needle_mask(None) == -1
    for index, needle in enumerate(engine.QUANTITY_NEEDLES):
        assert engine.holds_needle(low, mask, (needle,), 1 << index) == (needle in low), (low, needle)
        assert engine.holds_needle(low, -1, (needle,), 1 << index) == (needle in low), (low, needle)
    for needles, bits in ((engine.RANGE_COUNT_MARKS, engine.RANGE_COUNT_MARKS_BITS),
                          (engine.COPULA_COUNT_WORDS, engine.COPULA_COUNT_WORDS_BITS), (("%",), engine.PERCENT_BIT),
                          (("pct",), engine.PCT_BIT), (("year",), engine.YEAR_BIT),
                          ((" one ",), engine.SPACED_ONE_BIT)):
        assert engine.holds_needle(low, mask, needles, bits) == any(needle in low for needle in needles), (low, needles)
    if mask & engine.SHORTHAND_LEADS_BITS == 0:  # (no part or unit of a shorthand needle: none of them)
        assert not matchers.shorthand_possible(low) and matchers.SHORTHAND_GATE_RE.search(low) is None, low
    gates = [p - engine.TRIGGER_COUNT for p in words if engine.TRIGGER_COUNT <= p < engine.NEEDLES_AT]
    assert gates == context.SENTENCE_GATE_FINDER.found(low, 0, len(low))


def test_the_quantity_needles_are_the_plain_tests() -> None:
    """On the real sentences folded (both answers occur), and on each needle alone, at a text's edges, split by a
    character and beside non-ASCII letters."""
    texts = [context.gate_text(sentence) for sentence in real_sentences()]
    assert 0 < sum(1 for text in texts if "%" in text) < len(texts)
    texts += [*matchers.SHORTHAND_NEEDLES, *(f"up {needle}." for needle in matchers.SHORTHAND_NEEDLES)]
    for needle in engine.QUANTITY_NEEDLES:
        texts += [needle, f"a{needle}", f"{needle}a", needle[:-1], needle[1:], f"{needle[:1]}x{needle[1:]}",
                  f"é{needle}ſ", f"{needle}{needle}"]
    for text in texts:
        _needles_alike(text)


@given(st.text(alphabet="%pctyear onwe-–~ſé15xm+−/", max_size=14))
def test_the_quantity_needles_on_generated_text(text: str) -> None:
    _needles_alike(text)
