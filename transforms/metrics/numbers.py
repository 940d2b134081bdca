"""Numbers first: the number grammar every matcher builds on, the spans that are never quantities
(dates, times, phone numbers, ids), and the `_Found` record a matched quantity becomes.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from transforms.context import vocab_key
from transforms.fastre import folded_text
from transforms.metrics.vocab import (
    FRACTION_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NUMBER,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SPELLED_NUMBERS,
    SPELLED_TENS,
    SPELLED_UNITS,
    words_pattern,
)

if TYPE_CHECKING:  # (mypyc's native 64-bit int; the annotations are never evaluated, so pure Python needs no import)
    from mypy_extensions import i64

NUMBER: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# NUMBER as the number-led patterns read it: the same matches, groups and order of trials, for less of the
# regex engine's work. A repeat of a group (`(?:,\d{3})+`, `(?:\.\d+)?`) is a REPEAT, whose context the engine
# allocates and whose every step saves the marks (about 300 instructions); `(?:X|)` tries X and then nothing,
# as `(?:X)?` does, by a BRANCH; the lookahead tries the thousands branch only where it can match (where 1-3
# digits, a comma and three digits stand: most numbers have no thousands comma), as the branch would find.
# (NUMBER itself stays for the patterns fastre reverses.)
NUMBER_READ: Final = r"(?:(?=\d{1,3},\d{3})\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|)"
# What may not stand right before a number: a word character, a decimal point or thousands
# comma ("1,200" holds no number "200"), a slash, "#", "+", a hyphen or a minus sign.
NOT_BEFORE_NUMBER: Final = r"[\w.,/#+\-−]"
NUM: Final = rf"(?<!{NOT_BEFORE_NUMBER})(?P<num>{NUMBER_READ})(?![.,]\d)"
# Those characters other than word characters (a word character: str.isalnum() or "_", which is what \w matches).
NOT_BEFORE_NUMBER_MARKS: Final = frozenset("_.,/#+-−")

# The scale word after a number, spaced or glued ("32.8 billion", "30.92billion").
SCALE: Final = rf"(?:\s*(?P<scale>{words_pattern(SCALE_WORDS, space=' ')})\b|)"  # ((?:X|): as NUMBER_READ's)

# A number right after a currency mark, glued or not ("RMB110 million", "US$ 5 billion").
PREFIXED_NUM: Final = rf"(?P<num>{NUMBER_READ})(?![.,]\d)"

# Tries (words_pattern), not lists of words: a rank or fraction matcher tries them at every word.
ORDINAL_ALT: Final = words_pattern(ORDINAL_WORDS)

_FRACTION_WORD_ALT: Final = words_pattern(FRACTION_WORDS, space="[- ]")

MONTH_NAMES: Final = "|".join(name.capitalize() for name in (*MONTH_NUMBER, *MONTH_ABBREVIATIONS))
# Spans that are never quantities, each with a cheap gate: the pattern is scanned only if the
# paragraph has what every match of it contains (a month name, a year, a digit colon digit, four digits).
_MONTH_GATE: Final = re.compile(MONTH_NAMES)
_YEAR_GATE: Final = re.compile(r"(?:19|20)\d{2}")
_FOUR_DIGITS_GATE: Final = re.compile(r"\d{4}")
# "\d:\d" written to open with its colon: the regex engine then jumps from colon to colon
# instead of trying the pattern at every position.
_DIGIT_COLON_GATE: Final = re.compile(r":(?<=\d:)\d")
EXCLUDED_SPAN_RES: Final[tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]] = (
    (_MONTH_GATE, re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,?\s*(?:19|20)\d{{2}})?\b")),
    (_MONTH_GATE,
     re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b\.?(?:,?\s+(?:19|20)\d{{2}})?")),
    (_MONTH_GATE, re.compile(rf"\b(?:{MONTH_NAMES})\s+(?:of\s+)?(?:19|20)\d{{2}}\b")),
    (_YEAR_GATE, re.compile(r"\b(?:19|20)\d{2}[-/年]\d{1,2}(?:[-/月]\d{1,2}日?)?")),
    (_YEAR_GATE, re.compile(r"\b(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\b")),
    (_DIGIT_COLON_GATE, re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")),
    (_YEAR_GATE,
     re.compile(r"\b(?:19|20)\d{2}\s*(?:(?:-|–|—|~|to)\s*(?:19|20)\d{2}|(?:-|–|—|~)\s*\d{2}(?![\d.,%]))\b")),
    (_FOUR_DIGITS_GATE, re.compile(r"(?:\+\d{1,3}[- ]?)?\(?\b\d{2,4}\)?[- ]\d{3,4}[- ]?\d{4}\b")),
    (_FOUR_DIGITS_GATE, re.compile(r"\b\d{7,}\b")),
)
# Where every match of each pattern above starts, so that only those positions are tried: "month"
# (a month name: \b then the name), "phone" (a digit run, or the "+" of a country code or the "("
# of an area code), or a digit run (\b then a digit) of a kind, read off the whole run (a pattern
# that reads some of its digits and then a non-digit reads the whole run) and the character after
# it: "short" (one or two digits, "5th of May"), "time" (one or two digits and a colon), a year (four
# digits opening with 19 or 20 and nothing more) before "-", "/" or "年" ("year_date": "2019-05-01"),
# before "." ("year_dots": "2020.5.1"), or before a dash, "~" or "t" after any whitespace
# ("year_range": "2019-2021", "2019 to 2021", "2019-21"), and "long" (seven digits or more). A phone
# number's first run (at a digit) is its whole run of two to four digits, then ")", "-" or " ".
EXCLUDED_SPAN_STARTS: Final[tuple[str, ...]] = ("month", "short", "month", "year_date", "year_dots", "time",
                                                  "year_range", "phone", "long")
YEAR_LIKE_RE: Final = re.compile(r"^(?:19|20)\d{2}$")
# The first two digits YEAR_LIKE_RE takes.
YEAR_CENTURIES: Final = ("19", "20")


def is_year_like(raw: str) -> bool:
    """YEAR_LIKE_RE.match(raw) is not None, for a NUMBER's text (digits, commas and a point: never a newline,
    which "$" also stands before): "19" or "20", then two decimal digits (\\d: str.isdecimal), nothing more."""
    return len(raw) == 4 and raw.startswith(YEAR_CENTURIES) and raw[2:].isdecimal()

YEAR: Final = r"(?:19|20)\d{2}"

ANY_YEAR_RE: Final = re.compile(rf"\b{YEAR}\b")

ADJECTIVAL_UNIT_RE: Final = re.compile(r"\d-[a-z]")

ANY_NUMBER_RE: Final = re.compile(r"\d")


# The integers a double holds exactly, all of them up to this one (2**53); compiled code divides two such
# integers as doubles (mypyc), so _number divides only these (one IEEE division: correctly rounded).
EXACT_DOUBLE_INT: Final = 2 ** 53


class _Found:
    """One quantity found in a sentence (offsets relative to the paragraph).

    What `@dataclass(slots=True)` made of these fields (their __init__, __eq__ and __repr__, no hash),
    written out: compiled, a dataclass's __init__ is the one the dataclasses module generates, run
    interpreted (about 4,000 instructions a quantity); this class's compiles with it."""

    __slots__ = ("start", "end", "value", "unit", "kind", "subject", "num_start", "qualifier", "rules")

    def __init__(self, start: int, end: int, value: float, unit: str, kind: str | None = None,
                 subject: str | None = None, num_start: int = 0, qualifier: str | None = None,
                 rules: list[str] | None = None) -> None:
        self.start = start  # start of `text`
        self.end = end
        self.value = value
        self.unit = unit
        self.kind = kind  # decided later unless fixed by the matcher
        self.subject = subject
        self.num_start = num_start  # where the number (or currency sign) starts: qualifier context
        self.qualifier = qualifier  # fixed by the matcher ("top 10" is at most 10)
        self.rules: list[str] = [] if rules is None else rules  # ids of the rules that decided it, in order

    def _fields(self) -> tuple[object, ...]:
        return (self.start, self.end, self.value, self.unit, self.kind, self.subject, self.num_start,
                self.qualifier, self.rules)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Found) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # (and, defining __eq__, no __hash__: as the dataclass's)

    def __repr__(self) -> str:
        return (f"_Found(start={self.start!r}, end={self.end!r}, value={self.value!r}, unit={self.unit!r}, "
                f"kind={self.kind!r}, subject={self.subject!r}, num_start={self.num_start!r}, "
                f"qualifier={self.qualifier!r}, rules={self.rules!r})")


class NumberRead:
    """A number-led match, as the matchers read it (matchers.read_count, read_percent, read_money): its span,
    where its number ends (the number starts the match), the number's text, its scale word (None: none) and
    the currency word of a money match (its `cur` group; None: none)."""

    __slots__ = ("start", "end", "num_end", "raw", "scale", "word")

    def __init__(self, start: int, end: int, num_end: int, raw: str, scale: str | None,
                 word: str | None = None) -> None:
        self.start = start
        self.end = end
        self.num_end = num_end
        self.raw = raw
        self.scale = scale
        self.word = word

    def _fields(self) -> tuple[object, ...]:
        return (self.start, self.end, self.num_end, self.raw, self.scale, self.word)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NumberRead):
            return NotImplemented
        return self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"NumberRead{self._fields()!r}"


def number_read(match: re.Match[str]) -> NumberRead:
    """The NumberRead of a match whose num group opens it (COUNT_RE, BARE_NUMBER_RE, COUNT_COPULA_RE,
    RANGE_COUNT_RE, PERCENT_RE, MONEY_SUFFIXED_RE)."""
    groups = match.re.groupindex
    return NumberRead(match.start(), match.end(), match.end("num"), match.group("num"),
                      match.group("scale") if "scale" in groups else None,
                      match.group("cur") if "cur" in groups else None)


def _number(match: re.Match[str]) -> float:
    """The matched number with its scale word applied, exactly ("32.8 billion" -> 32800000000.0).

    Without a scale, float() of the digits is the float nearest the decimal number, which is what
    float(Decimal(digits)) gives; a scale multiplies exactly before the one rounding: the digits as an
    integer times the scale, divided by the power of ten of their decimals, where both are exact doubles
    (at most EXACT_DOUBLE_INT: the division, IEEE's or Python's int division, then rounds once, to the float
    nearest the exact value, which is float(Decimal(digits) * Decimal(scale))); else in Decimal."""
    return number_value(match.group("num"), match.group("scale") if "scale" in match.re.groupindex else None)


def number_value(num: str, scale: str | None) -> float:
    """_number of a match whose num group is `num` and scale group `scale`."""
    raw = num.replace(",", "")
    if not scale:
        return float(raw)
    factor = int(SCALE_WORDS[vocab_key(scale)])
    whole, _, decimals = raw.partition(".")
    product = int(whole + decimals) * factor
    divisor = 10 ** len(decimals)
    if product <= EXACT_DOUBLE_INT and divisor <= EXACT_DOUBLE_INT:
        return product / divisor
    return float(Decimal(raw) * Decimal(factor))


# Every matcher needs a digit or one of these words: a sentence with neither is skipped
# (most sentences of an article), which is where most of the time went.
# Numbers first: one scan of a paragraph finds every digit run and number word (spelled-out
# numbers, ordinals, fraction words); a sentence with none is skipped, and matchers that need a
# digit (or a spelled-out number) run only where the scan found one.
NUMBER_WORDS: Final = frozenset({*SPELLED_NUMBERS, *SPELLED_TENS, *SPELLED_UNITS, *ORDINAL_WORDS,
                                 "half", "halves", "thirds", "quarter", "quarters", "fourths", "fifths",
                                 "twice", "thrice"})
NUMBER_WORDS_TRIE: Final = words_pattern(NUMBER_WORDS)
NUMBERISH_RE: Final = re.compile(r"\d+|(?<![\w-])(?:" + NUMBER_WORDS_TRIE + r")(?![\w])", re.IGNORECASE)
# The scan of a lowercased paragraph (fastre.folded_text) in one pass the regex engine can skip
# through (NUMBERISH_RE, opening with a lookbehind, is tried at every position): every digit run and
# every number word opens with, or has right before it, a character of one set: a digit, or the
# character before a word, which the lookbehind refuses to be a word character or a hyphen (a word
# at the scan's start is read with the lookbehind itself). The pattern opens with that set, so the
# engine skips to the next such character, and then reads the rest of the digit run if it was a
# digit, else the number word after it (group 1). Digit runs and words never touch (a digit is a word
# character), nor do two words' matches overlap (a lead is no letter), so one scan finds NUMBERISH_RE's
# matches, in order. On an ASCII text the set is ASCII ranges (a bitmap) and the digits [0-9] (\d also
# takes other scripts' digits); on any other, \d or \W, the hyphen then refused as a lead.
ASCII_NOT_WORD_SPACE_HYPHEN: Final = r"\x00-\x1f!-,./:-@\[-^`{-\x7f"  # (ASCII but [\w -]: tests/test_fastre.py)
_ASCII_NUMBER_SCAN_RE: Final = re.compile(rf"[0-9 {ASCII_NOT_WORD_SPACE_HYPHEN}]"
                                          rf"(?:(?<=[0-9])[0-9]*|({NUMBER_WORDS_TRIE})(?![\w]))")
_NUMBER_SCAN_RE: Final = re.compile(rf"[\W\d](?:(?<=\d)\d*|(?<!-)({NUMBER_WORDS_TRIE})(?![\w]))")
_NUMBER_WORD_AT_RE: Final = re.compile(r"(?<![\w-])(" + NUMBER_WORDS_TRIE + r")(?![\w])")
assert NUMBER_WORDS_TRIE == NUMBER_WORDS_TRIE.lower()  # (lowercase words: for the lowercased text)

# An ASCII text's tokens without a regex: a scan tries its pattern at every space and mark (about a thousand
# instructions each, where most words are no number word). The text is translated once (bytes.translate, then
# decoded: compiled, str.find is called directly, bytes.find through Python's method call) to _TOKEN_CLASSES:
# "0" for a digit, "w" for a letter a number word opens with (NUMBER_WORD_FIRSTS), "x" for any other word
# character (\w: [A-Za-z0-9_] in an ASCII text), " " for the rest. A digit run is a run of [0-9] (\d in an ASCII
# text): a run of "0", found by str.find and read to its end. A number word's token is a whole word, a maximal
# run of word characters: the lookbehind refuses a word character before it and (?![\w]) one after it; its
# letters are the word, which holds no digit. So the tokens are the runs of word characters that are
# NUMBER_WORDS, but those right after a hyphen: each opens the text or is a " w" of the translation (str.find
# steps from one to the next over the words that open otherwise, most of them, no word object made), and only a
# run of a number word's length whose first two letters open one (NUMBER_WORD_PAIRS, a table of the two codes)
# is sliced and looked up. (tests/test_fastre.py compares the scans.)
NUMBER_WORD_FIRSTS: Final = frozenset(word[0] for word in NUMBER_WORDS)
_TOKEN_CLASSES: Final = bytes(ord("0") if chr(code) in "0123456789" else ord("w") if chr(code) in NUMBER_WORD_FIRSTS
                              else ord("x") if code < 128 and re.fullmatch(r"\w", chr(code)) else ord(" ")
                              for code in range(256))
NUMBER_WORD_BYTES: Final = frozenset(word.encode("ascii") for word in NUMBER_WORDS)
assert all(word.isascii() and word.isalpha() and len(word) > 1 for word in NUMBER_WORDS)
SHORTEST_NUMBER_WORD: Final = min(len(word) for word in NUMBER_WORDS)
LONGEST_NUMBER_WORD: Final = max(len(word) for word in NUMBER_WORDS)
# (index: the first letter's code times 128 plus the second's, each below 128 in a run; 1: a number word opens so)
_OPENING_PAIRS: Final = frozenset(ord(word[0]) << 7 | ord(word[1]) for word in NUMBER_WORDS)
NUMBER_WORD_PAIRS: Final = bytes(int(code in _OPENING_PAIRS) for code in range(128 * 128))
HYPHEN_BYTE: Final = ord("-")


# A character beyond ASCII that is a word character (and so may be a digit): a text without one is scanned as an
# ASCII one with each of its other characters as "?" (neither a word character, a digit nor a hyphen, as they are).
NON_ASCII_WORD_RE: Final = re.compile(r"[^\x00-\x7f](?<=\w)")


def _ascii_tokens(raw: bytes) -> list[tuple[int, int, bool]]:
    """NUMBERISH_RE's matches in a lowercase text, whole (see _TOKEN_CLASSES), in order; `raw`: the text encoded in
    ASCII, each character beyond it as "?" (one byte a character: the same offsets)."""
    # (compiled, the i64 locals are machine integers: no tagged-int checks at each character)
    size: i64 = len(raw)
    classes = raw.translate(_TOKEN_CLASSES).decode("ascii")
    tokens: list[tuple[int, int, bool]] = []
    at: i64 = classes.find("0")
    stop: i64
    while at >= 0:
        stop = at + 1
        while stop < size and ord(classes[stop]) == 48:  # ("0")
            stop += 1
        tokens.append((at, stop, True))
        at = classes.find("0", stop)
    digit_runs = len(tokens)
    at = 0  # (the text's first word is tried whatever it opens with: _number_word_end refuses any other opening)
    while True:
        stop = _number_word_end(raw, classes, at, size)
        if stop >= 0:
            tokens.append((at, stop, False))
        at = classes.find(" w", at) + 1
        if at == 0:
            break
    if 0 < digit_runs < len(tokens):
        tokens.sort()
    return tokens


def _number_word_end(raw: bytes, classes: str, at: i64, size: i64) -> i64:
    """Where the run of word characters that opens at `at` (with a number word's first letter) ends if it is one of
    NUMBER_WORDS and no hyphen stands before it, else -1 (_ascii_tokens' `raw` and `classes`)."""
    if at + 1 >= size or not NUMBER_WORD_PAIRS[raw[at] << 7 | raw[at + 1]] or at and raw[at - 1] == HYPHEN_BYTE:
        return -1
    stop: i64 = classes.find(" ", at)
    if stop < 0:
        stop = size
    if SHORTEST_NUMBER_WORD <= stop - at <= LONGEST_NUMBER_WORD and raw[at:stop] in NUMBER_WORD_BYTES:
        return stop
    return -1


# The number words that SPELLED_COUNT_RE can start with ("five", "twenty-one").
SPELLED_START_WORDS: Final = frozenset({*SPELLED_NUMBERS, *SPELLED_TENS})


class NumberScan:
    """What the numbers-first scan found in one sentence: which kinds of number tokens occur.

    The named tuple it was (its fields, positional and keyword, its ==, hash and repr), as a plain class:
    one is built per sentence with a number, and compiled, a named tuple is built by its interpreted
    __new__ and its fields read by name through Python's attribute lookup, a plain class's in C.
    """

    __slots__ = ("digits", "words", "spelled", "digit_starts", "word_starts")

    def __init__(self, digits: bool, words: bool, spelled: bool, digit_starts: tuple[int, ...] = (),
                 word_starts: tuple[int, ...] = ()) -> None:
        self.digits = digits  # a digit: every digit-led matcher may match
        self.words = words  # a number word (spelled-out, ordinal, fraction): rank and fraction matchers may match
        self.spelled = spelled  # a spelled-out number word: the spelled-count matcher may match
        self.digit_starts = digit_starts  # where its digit runs start: where a number-led matcher can match
        self.word_starts = word_starts  # where its number words start: where a spelled count can match

    @property
    def any(self) -> bool:
        return self.digits or self.words

    def _fields(self) -> tuple[bool, bool, bool, tuple[int, ...], tuple[int, ...]]:
        return self.digits, self.words, self.spelled, self.digit_starts, self.word_starts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NumberScan):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"NumberScan(digits={self.digits!r}, words={self.words!r}, spelled={self.spelled!r}, "
                f"digit_starts={self.digit_starts!r}, word_starts={self.word_starts!r})")


def scan_numbers(text: str, start: int = 0, end: int | None = None,
                 low: str | None = None) -> list[tuple[int, int, bool]]:
    """Every number token of text[start:end] (NUMBERISH_RE's matches): (start, end, is_digits), in order.

    low: folded_text(text), if the caller has it: the tokens are then found on it, in one pass
    (a token of the lowercased text has the span of text's, and its digits)."""
    stop = len(text) if end is None else end
    if low is None:
        low = folded_text(text)
        if low is None:
            return [(m.start(), m.end(), m.group().isdigit()) for m in NUMBERISH_RE.finditer(text, start, stop)]
    if start == 0 and stop == len(low):  # (the whole text: no lookbehind before it, no end cut short)
        if low.isascii():
            return _ascii_tokens(low.encode("ascii"))
        if NON_ASCII_WORD_RE.search(low) is None:  # (curly quotes, dashes, CJK brackets: no word character)
            return _ascii_tokens(low.encode("ascii", "replace"))
    first = _NUMBER_WORD_AT_RE.match(low, start, stop)  # (the one token the scan cannot see: no lead before it)
    scan = _ASCII_NUMBER_SCAN_RE if low.isascii() else _NUMBER_SCAN_RE
    tokens = [(m.start(1), m.end(1), False) if m.lastindex else (m.start(), m.end(), True)
              for m in scan.finditer(low, start, stop)]
    if first is not None:  # (before every match of the scan, which start at its lead or later)
        tokens.insert(0, (first.start(), first.end(), False))
    return tokens


NO_NUMBERS: Final = NumberScan(digits=False, words=False,
                               spelled=False)  # the scan of a sentence without a number token


def first_token_at(tokens: list[tuple[int, int, bool]], pos: int, lo: int = 0) -> int:
    """bisect.bisect_left(tokens, pos, lo, key=a token's start): where the first token (of those from `lo` on)
    that starts at `pos` or later stands, or len(tokens). (Compiled, bisect_left with a key is called through
    Python's call protocol, some thousand instructions; this loop, the same bisection, a tenth of that.)"""
    hi = len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid][0] < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def sentence_scan(tokens: list[tuple[int, int, bool]], text: str, start: int, end: int) -> NumberScan:
    """The scan of one sentence text[start:end] from its paragraph's tokens (in order of their
    starts: the sentence's are found by bisection, not by a pass over the paragraph's)."""
    first = first_token_at(tokens, start)
    last = first_token_at(tokens, end, first)
    if first == last:
        return NO_NUMBERS  # (a sentence without a number token: one in four)
    inside = tokens[first:last]
    digit_starts = tuple([a for a, _, is_digits in inside if is_digits])
    if len(digit_starts) == len(inside):  # digits only: no word to look at
        return NumberScan(True, False, False, digit_starts)
    words = [text[a:b].lower() for a, b, is_digits in inside if not is_digits]
    return NumberScan(bool(digit_starts), True, not SPELLED_START_WORDS.isdisjoint(words), digit_starts,
                      tuple([a for a, _, is_digits in inside if not is_digits]))


def number_starts(text: str, digit_starts: Iterable[int]) -> list[int]:
    """The digit runs (of `digit_starts`) a NUM can start at: those without a NOT_BEFORE_NUMBER
    character right before them. A character test per run, instead of a regex scan of the sentence."""
    return [start for start in digit_starts
            if not start or not ((before := text[start - 1]).isalnum() or before in NOT_BEFORE_NUMBER_MARKS)]


# The characters of a NUMBER: decimal digits (re's \d is str.isdecimal; these are its ASCII ones), commas, points.
NUMBER_RUN_CHARS: Final = "0123456789,."


def number_follower(text: str, start: int, end: int) -> str | None:
    """What follows the number that starts at `start` in text[:end], for a test of what a matcher needs
    after it (matchers.NUMBER_FOLLOWERS): the first character that is not whitespace after the run of
    NUMBER_RUN_CHARS from `start` (a NUM there ends inside that run, and a matcher whose rest cannot open
    with one of those characters has its NUM end where the run ends); "" when it is not ASCII (a digit of
    another script, a fullwidth mark: anything may follow); None when nothing does. (Read character by
    character, by their codes: compiled, the slices and str.lstrip calls it was made with cost more.)"""
    stop = min(end, len(text))
    index = start
    while index < stop and ((code := ord(text[index])) <= 57 and code >= 48 or code == 44 or code == 46):
        index += 1
    while index < stop and text[index].isspace():
        index += 1
    if index >= stop:
        return None
    char = text[index]
    return char if ord(char) < 128 else ""


def _spelled_value(word: str) -> int:
    """ "seven" -> 7, "twenty-one" -> 21."""
    tens, _, units = vocab_key(word).partition("-")
    return SPELLED_TENS[tens] + SPELLED_UNITS[units] if units else SPELLED_NUMBERS[tens]
