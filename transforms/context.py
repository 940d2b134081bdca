"""What a metric is measured against, where and whether it happened: denominator, place, modality.

Pure functions over one sentence and the span of one quantity in it:
- `denominator`: what a share is a share of ("2.8% of GDP" -> "gdp",
  "7.6% of the total revenue" -> "total revenue"); None for other kinds.
- `place`: a named place other than Ningbo that the fact is about ("R&D intensity in
  Hangzhou was 3.4%" -> "Hangzhou"), with the id of its rule; a district, county-level city
  or zone of Ningbo is such a place ("Beilun has 300 high-tech enterprises" -> "Beilun"), and
  a back-reference to one ("The zone is home to 637 ...") is resolved to the one last named
  before it in the article (`Earlier`: title and body before the sentence), else kept as
  written ("the zone"); None when the fact is Ningbo's (or a place only names a
  comparison, a rank's scope or a share's base).
- `modality`: "actual", "target" ("will reach 8,000 in 2025", "strive to create 2-3") or
  "forecast" ("is expected to", "analysts expect"), from cue words in the quantity's clause.

The vocabularies are the data tables below; the functions only look them up. The engine asks
them through a `Sentence`, which finds what a sentence's quantities share (its clause breaks,
whether it has any cue or place word at all) once for all of them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from core.records import MODALITIES
from transforms.fastre import LeadScan, TailPattern, lead_positions, opening_scan, opening_with

if TYPE_CHECKING:  # (mypyc's native 64-bit int; the annotations are never evaluated, so pure Python needs no import)
    from mypy_extensions import i64

# (each its own Final name: a tuple assignment makes module variables, which compiled code reads from the
# module's dict at every use)
ACTUAL: Final = MODALITIES[0]
TARGET: Final = MODALITIES[1]
FORECAST: Final = MODALITIES[2]
assert (ACTUAL, TARGET, FORECAST) == MODALITIES

# Cue words, whole words, lowercase. A forecast cue wins over a target cue in one clause.
FORECAST_CUES: Final[tuple[str, ...]] = (
    "expected to", "is expected", "are expected", "expects", "expect", "forecast", "forecasts", "projected",
    "is estimated to", "are estimated to", "predicted", "predicts", "predict", "anticipated", "likely to",
    "analysts", "outlook",
)
TARGET_CUES: Final[tuple[str, ...]] = (
    "will", "shall", "plan to", "plans to", "planned to", "planning to", "aim to", "aims to", "aiming to",
    "aimed at", "strive to", "strives to", "striving to", "target", "targets", "targeted", "goal",
    "is set to", "are set to", "seek to", "seeks to", "endeavor to", "endeavour to", "intends to",
    "is to", "are to", "to be built",
)
# A clause ends at these (the cue of one clause does not colour a number in the next): ";", ": ",
# ", while/whereas/but/and/compared/up/down", "while", "whereas" as words. "\bwhile" is written
# "w(?<!\ww)hile" (a "w" with no word character before it: the same), so that every alternative
# opens with a literal and the regex engine skips straight to the next ";", ":", "," or "w"
# instead of trying every position (eight times faster).
CLAUSE_BREAK_RE: Final = re.compile(
    r";|:\s|,\s*(?:while|whereas|but|and|compared|up|down)\b|w(?<!\ww)(?:hile|hereas)\b")
# Its words after a comma, the words that break alone, and the characters its matches open with
# (`clause_breaks` reads the pattern by hand).
CLAUSE_BREAK_AFTER_COMMA: Final = ("while", "whereas", "but", "and", "compared", "up", "down")
CLAUSE_BREAK_WORDS: Final = ("while", "whereas")
CLAUSE_BREAK_LEADS: Final = ";:,w"
# The words after a comma by their first letter (each alternative's first letter is its own but "w"'s, whose
# words differ next).
CLAUSE_BREAK_BY_LETTER: Final[dict[str, tuple[str, ...]]] = {
    letter: tuple(word for word in CLAUSE_BREAK_AFTER_COMMA if word[0] == letter)
    for letter in {word[0] for word in CLAUSE_BREAK_AFTER_COMMA}}
assert CLAUSE_BREAK_RE.pattern == (rf";|:\s|,\s*(?:{'|'.join(CLAUSE_BREAK_AFTER_COMMA)})\b|"
                                   rf"w(?<!\ww)(?:{'|'.join(word[1:] for word in CLAUSE_BREAK_WORDS)})\b")


def is_word_char(char: str) -> bool:
    """Whether the character `char` is one re's \\w matches in a str pattern (str.isalnum, or "_")."""
    return char.isalnum() or char == "_"


def clause_breaks(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """[m.span() for m in CLAUSE_BREAK_RE.finditer(text, pos, endpos)] (0 <= pos <= endpos <= len(text)), read by
    hand: each of its alternatives opens with its own character of CLAUSE_BREAK_LEADS (found by str.find), where
    that one alternative decides (the comma's words open with different letters but the two w-words, which
    differ next); as finditer, the next match is looked for from the end of the one before. The text before
    `pos` is read, as the pattern's lookbehind reads it; nothing from `endpos` on is (\\b holds there)."""
    spans: list[tuple[int, int]] = []
    after = pos
    for at in lead_positions(text, CLAUSE_BREAK_LEADS, pos, endpos):
        if at < after:
            continue
        end = _clause_break_end(text, at, endpos)
        if end >= 0:
            spans.append((at, end))
            after = end
    return spans


def _clause_break_end(text: str, at: int, endpos: int) -> int:
    """Where CLAUSE_BREAK_RE's match at `at` of text[:endpos] ends (-1: none), text[at] being one of
    CLAUSE_BREAK_LEADS."""
    mark = text[at]
    if mark == ";":
        return at + 1
    if mark == ":":
        return at + 2 if at + 1 < endpos and text[at + 1].isspace() else -1  # (\s: str.isspace)
    if mark == ",":
        word_at = at + 1
        while word_at < endpos and text[word_at].isspace():
            word_at += 1
    elif at and is_word_char(text[at - 1]):  # (?<!\ww): no word character right before the "w"
        return -1
    else:
        word_at = at
    words = CLAUSE_BREAK_BY_LETTER.get(text[word_at:word_at + 1]) if mark == "," else CLAUSE_BREAK_WORDS
    for word in words or ():
        end = word_at + len(word)
        if end <= endpos and text[word_at:end] == word:
            return end if end == endpos or not is_word_char(text[end]) else -1  # (\b)
    return -1


# Places a Ningbo article compares itself with: provinces, cities and countries, as written.
PLACES: Final[tuple[str, ...]] = (
    "China", "Zhejiang", "Jiangsu", "Guangdong", "Shandong", "Fujian", "Anhui", "Hubei", "Sichuan", "Henan",
    "Hangzhou", "Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Tianjin", "Chongqing", "Suzhou", "Nanjing",
    "Wuxi", "Hefei", "Wuhan", "Chengdu", "Xiamen", "Qingdao", "Dalian", "Xi'an", "Changsha", "Wenzhou",
    "Shaoxing", "Jiaxing", "Huzhou", "Taizhou", "Jinhua", "Quzhou", "Zhoushan", "Lishui", "Yiwu",
    "Hong Kong", "Taiwan", "Singapore", "Japan", "Korea", "Germany", "the United States", "the US", "Europe",
    "the EU", "the UK", "Britain", "France", "Italy", "Russia", "India", "Australia", "Canada",
)
# The article's own place: a figure said of it is the home figure (place null).
HOME_PLACES: Final[tuple[str, ...]] = ("Ningbo",)
# Ningbo's districts and county-level cities -> the noun a back-reference calls them by ("the
# district", "the county"). A figure said of one is that part's figure, not the city's: it is the
# `place`, reported as the name here ("Yinzhou District's" -> "Yinzhou").
NINGBO_DIVISIONS: Final[dict[str, str]] = {
    "Haishu": "district", "Jiangbei": "district", "Zhenhai": "district", "Beilun": "district",
    "Yinzhou": "district", "Fenghua": "district", "Yuyao": "county", "Cixi": "county", "Ninghai": "county",
    "Xiangshan": "county",
}
# Words that may follow a division's name and are not part of the place reported ("Ninghai County").
DIVISION_SUFFIXES: Final[tuple[str, ...]] = ("district", "county", "city")
# Ningbo's named zones and areas: the name reported -> (the noun a back-reference calls it by, the
# other ways articles write it). Matched ignoring case ("Ningbo National High-tech Zone").
NINGBO_ZONES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "Ningbo National Hi-Tech Zone": ("high-tech zone", (
        "Ningbo National High-Tech Zone", "Ningbo Hi-Tech Zone", "Ningbo High-Tech Zone", "Ningbo Hi-Tech District",
        "Ningbo High-Tech District", "Ningbo National Hi-Tech Industrial Development Zone",
        "Ningbo National High-Tech Industrial Development Zone")),
    "Hangzhou Bay New Area": ("new area", ("Ningbo Hangzhou Bay New Area", "Hangzhou Bay New Zone")),
    "Qianwan New Area": ("new area", ("Ningbo Qianwan New Area", "Qianwan New District")),
    "Meishan Bonded Port Area": ("zone", ("Ningbo Meishan Bonded Port Area", "Meishan Bonded Port Zone",
                                          "Meishan Bonded Area")),
    "Meishan": ("zone", ("Meishan Island",)),
    "Ningbo Free Trade Zone": ("zone", ("Ningbo Bonded Area",)),
    "Ningbo Economic and Technological Development Zone": ("zone", ("Ningbo ETDZ",)),
    "Ningbo Eastern New Town": ("zone", ("Eastern New Town",)),
}
# Back-references: "the zone", "this district", "the new area" as a quantity's subject mean the part of
# Ningbo last named before it (in the title or the body) that the noun can call so: the noun -> the
# nouns of the tables above it covers; a name written ending in the noun is covered too ("the
# district" after "Ningbo High-Tech District", "Qianwan New District"). Unresolved (nothing it covers
# named before), the place is the reference as written, with "the" ("the zone"): never null, which
# would make it the city's figure.
BACK_REFERENCE_NOUNS: Final[dict[str, tuple[str, ...]]] = {
    "zone": ("zone", "high-tech zone", "new area"), "high-tech zone": ("high-tech zone",),
    "hi-tech zone": ("high-tech zone",), "new area": ("new area",), "new district": ("new area",),
    "district": ("district",), "county": ("county",),
}
BACK_REFERENCE_DETERMINERS: Final[tuple[str, ...]] = ("the", "this")

# Rule ids (Metric.rules): a place named in the clause, a back-reference resolved to an earlier
# name, a back-reference with no earlier name of its kind; and (set by the engine) the place of the
# figure before one in apposition that takes that figure's subject ("186.2 billion yuan, up 13.1%").
RULE_NAMED: Final = "place.named"
RULE_REFERRED: Final = "place.referred"
RULE_UNRESOLVED: Final = "place.unresolved"
RULE_INHERITED: Final = "place.inherited"


def _alternation(phrases: Iterable[str]) -> str:
    """Regex alternatives for literal phrases, longest first, spaces matching any whitespace run."""
    words = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in words)


_PLACE_ALT: Final = _alternation(PLACES)
# "in Hangzhou", "Hangzhou's", "Zhejiang province's": the fact is said of the place.
PLACE_OF_RE: Final = re.compile(rf"(?:\b(?:in|of)\s+(?P<in>{_PLACE_ALT})\b(?!['’]s?\s+(?:share|total))"
                                rf"|\b(?P<own>{_PLACE_ALT})(?:\s+[Pp]rovince)?['’]s?\s)")
# (scanned behind a lookahead of its first letters: "in", "of", "the", a place's first letter)
PLACE_OF_SCAN: Final = opening_scan(PLACE_OF_RE, "iot" + "".join(sorted({place[0] for place in PLACES})))
HOME_RE: Final = re.compile(rf"\b(?:{_alternation(HOME_PLACES)})\b")
# A zone's spellings, lowercase with single spaces -> the name reported.
ZONE_BY_SPELLING: Final[dict[str, str]] = {
    " ".join(spelling.lower().split()): name
    for name, (_, others) in NINGBO_ZONES.items() for spelling in (name, *others)
}
# Every part of Ningbo by name -> the noun a back-reference calls it by.
PART_NOUNS: Final[dict[str, str]] = {**NINGBO_DIVISIONS, **{name: noun for name, (noun, _) in NINGBO_ZONES.items()}}


def _name_alternation(names: Iterable[str]) -> str:
    """Regex alternatives for proper names: the first letter as written, the rest ignoring case."""
    words = sorted({" ".join(n.split()) for n in names}, key=len, reverse=True)
    return "|".join(re.escape(w[0]) + "(?i:" + r"\s+".join(map(re.escape, w[1:].split(" "))) + ")" for w in words)


# A part of Ningbo by name: a zone before a division ("Ningbo National Hi-Tech Zone" is not "Ningbo",
# "Hangzhou Bay New Area" not "Hangzhou"); a division's suffix is matched but not reported. (The
# lookahead lets the search skip every position that cannot start a name: ten times faster.)
_NAME_PATTERN = (rf"(?P<zone>\b(?:{_name_alternation(n for n, (_, o) in NINGBO_ZONES.items() for n in (n, *o))}))"
                 rf"(?![\w-])|(?P<division>\b(?:{_alternation(NINGBO_DIVISIONS)}))"
                 rf"(?:\s+(?i:{_alternation(DIVISION_SUFFIXES)}))?(?![\w-])")
NAME_RE: Final = re.compile(rf"(?=[A-Z])(?:{_NAME_PATTERN})")
# A part of Ningbo named, or a back-reference to one ("the zone", not "the zone of ...").
PART_RE: Final = re.compile(
    rf"(?=[A-Z]|[Tt]h)(?:{_NAME_PATTERN}"
    rf"|\b(?P<ref>(?i:{_alternation(BACK_REFERENCE_DETERMINERS)})\s+"
    rf"(?P<noun>(?i:{_alternation(BACK_REFERENCE_NOUNS)})))(?![\w-])(?!\s+of\b))")
# "in"/"of" right before a name ("than in Beilun": the scope word is before it).
IN_OF_END_RE: Final = re.compile(r"\b(?:in|of)\s+$")
# A place after these words only names a scope, a base or a comparison, not whose figure it is.
SCOPE_BEFORE_RE: Final = re.compile(r"\b(?:among|than|across|throughout|nationwide|out of|compared with|compared to|"
                                    r"over|versus|vs\.?|of the|(?:rank|place|position)\w*\s+[\w-]+)\s*$",
                                    re.IGNORECASE)
# (both anchored at the end of the text: its reversed pattern, matched once at the start of the reversed text,
# tells whether there is a match, where the search tried every position)
IN_OF_END_TAIL: Final = TailPattern(IN_OF_END_RE)
SCOPE_BEFORE_TAIL: Final = TailPattern(SCOPE_BEFORE_RE)
# Kinds whose places (other than a part of Ningbo the figure is said of) are scopes: "ranking first in
# the province".
SCOPE_KINDS: Final = ("rank",)
# (searched through its LeadScan: every match opens with a capital, "T" or "t", as its lookahead says)
PART_SCAN: Final = LeadScan(PART_RE, "A-ZTt")

# What a share is of: "of (the) <noun phrase>" right after the quantity, up to a stop word.
DENOMINATOR_RE: Final = re.compile(r"^\s*(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(?P<np>[\w'’&-]+(?:\s+[\w'’&-]+){0,6})")
DENOMINATOR_STOP_WORDS: Final = frozenset({
    "in", "for", "during", "and", "which", "that", "with", "than", "compared", "from", "to", "by", "at",
    "on", "last", "this", "year", "while", "up", "down", "as", "respectively", "was", "were", "is", "are",
})
DENOMINATOR_MAX_WORDS: Final = 6
NUMBER_WORD_RE: Final = re.compile(r"\d[\d,.]*")  # a number ends a denominator's words


def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a cue table: any cue as whole words, spaces inside a cue matching any run."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(cues)})(?![\w-])", re.IGNORECASE)


FORECAST_RE: Final = _cue_regex(FORECAST_CUES)
TARGET_RE: Final = _cue_regex(TARGET_CUES)
# (scanned behind a lookahead of the cues' first letters)
FORECAST_SCAN: Final = opening_with(FORECAST_RE, "".join(sorted({cue[0] for cue in FORECAST_CUES})))
TARGET_SCAN: Final = opening_with(TARGET_RE, "".join(sorted({cue[0] for cue in TARGET_CUES})))


# The non-ASCII characters IGNORECASE matches to an ASCII letter, as that letter (Python's re:
# "ſ" is "s", the Kelvin sign "k", both dotted and dotless capital/small I "i"; a test checks there
# are no others).
IGNORECASE_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# One of them (rare: a text without one needs no translate).
IGNORECASE_FOLDED_RE: Final = re.compile("[" + "".join(map(chr, IGNORECASE_FOLD)) + "]")


def gate_text(text: str) -> str:
    """`text` lowercase, the characters of IGNORECASE_FOLD made their ASCII letter: wherever a
    case-insensitive pattern of ASCII letters and whitespace matches in `text`, its letters, in
    lowercase, occur in this (a plain substring test on it is a cheap gate for such patterns)."""
    if text.isascii() or IGNORECASE_FOLDED_RE.search(text) is None:
        return text.lower()
    return text.translate(IGNORECASE_FOLD).lower()


def vocab_key(text: str) -> str:
    """What a case-insensitive match of a vocabulary word or phrase is looked up by in its table: lowercase,
    IGNORECASE's non-ASCII letters made their ASCII letter ("fırst", "ſix" matched "first", "six": a
    table lookup by text.lower() raised KeyError and lost the page), whitespace runs one space."""
    return " ".join(gate_text(text).split())


def _longest_word(cue: str) -> str:
    """The longest word of a cue (the one a gate looks for: the rarest, most often)."""
    return max(cue.split(), key=len)


# Every match of FORECAST_RE or TARGET_RE is one of the cues, so it holds the cue's longest word: a
# sentence whose gate_text holds none of these words (those of four letters or more, none inside
# another) nor a match of the short cues' regex ("is to") has no clause with a cue, and its
# quantities are actual without a clause looked at (most sentences: a few substring tests).
_CUES: Final = FORECAST_CUES + TARGET_CUES
_CUE_WORDS: Final = {_longest_word(cue) for cue in _CUES if len(_longest_word(cue)) >= 4}
MODALITY_CUE_WORDS: Final = tuple(sorted(w for w in _CUE_WORDS if not any(o != w and o in w for o in _CUE_WORDS)))
MODALITY_SHORT_CUE_RE: Final = re.compile(_alternation(cue for cue in _CUES if len(_longest_word(cue)) < 4))
assert all(cue.endswith(" to") for cue in _CUES if len(_longest_word(cue)) < 4)  # (its gate: "to" in the text)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` occurs in `text` (a loop of substring tests: cheaper than a regex of
    them, whose first letters are most letters)."""
    for word in words:
        if word in text:
            return True
    return False


class WordFinder:
    """Which of a fixed tuple of words occur in a text (as substrings, `word in text`), found in one pass over
    it instead of a substring test per word: each test walks the whole text (str's search, about three
    instructions a character and a word), the pass walks it once, a read of the character and of its move.

    The words' Aho-Corasick automaton, made deterministic: a state per prefix of a word, and for each state
    and character the state of the longest prefix of a word that ends the text read so far (the trie's
    child, else the move of the state's failure link, the longest proper suffix that is a prefix); a state
    stands for every word that ends the text it stands for (its own, and its failure links'). The table is a
    str read by ord() (compiled, without making a str per character): at a state's row (its number times
    `width`) plus the column of a character (its code if ASCII; else its column in `others`, or the last one,
    where the characters of no word move), the next state's row. The states that end a word are numbered
    last (from the row `first_end`), so one comparison tells them."""

    __slots__ = ("words", "others", "width", "moves", "first_end", "ends")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.others = {ord(char): column for column, char in enumerate(
            sorted({char for word in words for char in word if ord(char) >= 128}), 128)}
        width = self.width = 129 + len(self.others)
        children: list[dict[int, int]] = [{}]  # the trie, a state per prefix (0: the empty one), by column
        ends: list[list[int]] = [[]]  # the words (their positions) each state ends
        for index, word in enumerate(words):
            state = 0
            for char in word:
                column = ord(char) if ord(char) < 128 else self.others[ord(char)]
                if column not in children[state]:
                    children[state][column] = len(children)
                    children.append({})
                    ends.append([])
                state = children[state][column]
            ends[state].append(index)
        moves = [0] * (len(children) * width)
        failure = [0] * len(children)
        queue = list(children[0].values())
        for column, first in children[0].items():
            moves[column] = first
        for state in queue:  # (breadth first: a state's failure link is shallower, so done before it)
            ends[state].extend(ends[failure[state]])
            for column in range(width):
                child = children[state].get(column)
                if child is None:
                    moves[state * width + column] = moves[failure[state] * width + column]
                else:
                    failure[child] = moves[failure[state] * width + column]
                    moves[state * width + column] = child
                    queue.append(child)
        # numbered again: the states that end no word first
        order = sorted(range(len(children)), key=lambda state: (bool(ends[state]), state))
        number_of = {state: new for new, state in enumerate(order)}
        self.first_end = sum(1 for state in order if not ends[state]) * width
        self.moves = "".join(chr(number_of[moves[state * width + column]] * width)
                             for state in order for column in range(width))
        self.ends = tuple(tuple(sorted(set(ends[state]))) for state in order)

    def found(self, text: str, start: int, end: int) -> list[int]:
        """The positions in `words`, ascending, of the words that occur in text[start:end]."""
        # (compiled, the i64 locals are machine integers: no tagged-int checks at each character)
        others = self.others
        moves = self.moves
        first_end: i64 = self.first_end
        other: i64 = self.width - 1
        row: i64 = 0
        begin: i64 = start
        stop: i64 = end
        width: i64 = self.width
        ends = self.ends
        reached: list[tuple[int, ...]] = []  # the words of each state reached that ends one, in order
        index: i64
        for index in range(begin, stop):
            code: i64 = ord(text[index])
            if code >= 128:
                code = others.get(code, other)
            row = ord(moves[row + code])
            if row >= first_end:
                reached.append(ends[row // width])
        if not reached:
            return []
        if len(reached) == 1:
            return list(reached[0])  # (a state's words: ascending, each once)
        # (a list, each position put in once, then sorted in place: a state ends a word or two, and a sentence reaches
        # a few such states, so the `in` tests read a few items; a set's update per state (a call through the generic
        # path, about 540 instructions each), then sorted() of the set (a list made of it first), cost about twice as
        # much, and a state's row kept as an int was boxed)
        present: list[int] = []
        for words in reached:
            for position in words:
                if position not in present:
                    present.append(position)
        present.sort()
        return present


# The words right before "to" in the short cues ("is to", "are set to"): every match of
# MODALITY_SHORT_CUE_RE is one of them, whitespace, then "to".
MODALITY_SHORT_CUE_LEADS: Final = tuple(sorted({cue.split()[-2] for cue in _CUES if len(_longest_word(cue)) < 4}))


def _may_hold_short_cue(folded: str) -> bool:
    """False if MODALITY_SHORT_CUE_RE has no match in `folded`: no "to" in it has whitespace right before
    it and one of MODALITY_SHORT_CUE_LEADS before that (a find per "to", instead of a regex tried at
    every "a" and "i" of the text). True: it may have one."""
    at = folded.find("to", 1)
    while at >= 0:
        end = at
        while end and folded[end - 1].isspace():  # (str.isspace is re's \s)
            end -= 1
        if end < at and folded.endswith(MODALITY_SHORT_CUE_LEADS, 0, end):
            return True
        at = folded.find("to", at + 1)
    return False


def _has_modality_cue(folded: str) -> bool:
    """Whether the gate_text `folded` may hold a modality cue (False: none of FORECAST_RE, TARGET_RE
    matches in any part of its text)."""
    return _holds_modality_cue(folded, SENTENCE_GATE_FINDER.found(folded, 0, len(folded)))


def _holds_modality_cue(folded: str, found: list[int]) -> bool:
    """_has_modality_cue of `folded`, whose SENTENCE_GATE_FINDER.found is `found`."""
    return bool(found) and found[0] < len(MODALITY_CUE_WORDS) \
        or _may_hold_short_cue(folded) and MODALITY_SHORT_CUE_RE.search(folded) is not None


def modality(sentence: str, start: int, end: int) -> str:
    """'forecast', 'target' or 'actual' for the quantity at [start, end) of `sentence` (a sentence without
    a cue word is told at once, without the places a Sentence also looks for: the headline's case)."""
    if not _has_modality_cue(gate_text(sentence)):
        return ACTUAL
    return Sentence(sentence).modality(start, end)


@lru_cache(maxsize=256)
def _clause_modality(clause: str) -> str:
    """The modality cue words of one clause say (the quantities of a clause share it)."""
    if FORECAST_SCAN.search(clause):
        return FORECAST
    if TARGET_SCAN.search(clause):
        return TARGET
    return ACTUAL


def denominator(kind: str, after: str) -> str | None:
    """What a share is a share of, from the text right after it ("of GDP" -> "gdp")."""
    if kind != "share":
        return None
    match = DENOMINATOR_RE.match(after)
    if not match:
        return None
    words: list[str] = []
    for word in match.group("np").split():
        if word.lower() in DENOMINATOR_STOP_WORDS or NUMBER_WORD_RE.fullmatch(word):
            break
        words.append(word)
        if len(words) == DENOMINATOR_MAX_WORDS:
            break
    phrase = " ".join(words).strip(" ,.;:'’").lower()
    return phrase or None


class Earlier:
    """The article text before a sentence, where a back-reference's name is looked for: the title,
    then `body[:end]` (the body is passed whole, with the sentence's start, so nothing is copied).

    The named tuple it was (its fields, ==, hash and repr), as a plain class, for the reason Place is one."""

    __slots__ = ("title", "body", "end")

    def __init__(self, title: str, body: str, end: int) -> None:
        self.title = title
        self.body = body
        self.end = end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Earlier):
            return NotImplemented
        return self.title == other.title and self.body == other.body and self.end == other.end

    def __hash__(self) -> int:
        return hash((self.title, self.body, self.end))

    def __repr__(self) -> str:
        return f"Earlier(title={self.title!r}, body={self.body!r}, end={self.end!r})"


NOTHING_EARLIER: Final = Earlier("", "", 0)


class Place:
    """Whose figure a quantity is: the place's name and the id of the rule that decided it.

    The named tuple it was (its fields, ==, hash and repr), as a plain class: compiled, a named tuple is
    built by its interpreted __new__ (about 2,000 instructions) and its fields read through Python's
    attribute lookup, a plain class's in C."""

    __slots__ = ("name", "rule")

    def __init__(self, name: str, rule: str) -> None:
        self.name = name
        self.rule = rule

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Place):
            return NotImplemented
        return self.name == other.name and self.rule == other.rule

    def __hash__(self) -> int:
        return hash((self.name, self.rule))

    def __repr__(self) -> str:
        return f"Place(name={self.name!r}, rule={self.rule!r})"


def place(sentence: str, start: int, kind: str, earlier: Earlier = NOTHING_EARLIER) -> Place | None:
    """The place other than Ningbo that the quantity at `start` of `sentence` is said of, or None
    for Ningbo's own figure. In the quantity's clause, before it, and not after a scope word:
    a part of Ningbo (a district, a county-level city, a named zone) or a back-reference to one
    ("the zone", resolved in `earlier`) wins, the last one named; else a mention of Ningbo makes
    it Ningbo's; else the last other place said to hold the figure ("in Hangzhou", "Zhejiang's").
    A rank's other places are its scope ("ranking first in the province"), never its place."""
    return Sentence(sentence).place(start, kind, earlier)


# Every match of PART_RE holds one of these words (the last word of a zone's spelling, a division's
# name, a back-reference's noun), in any case: a sentence whose gate_text holds none names no part.
PART_GATE_WORDS: Final = tuple(sorted(
    {spelling.split()[-1].lower() for name, (_, others) in NINGBO_ZONES.items() for spelling in (name, *others)}
    | {name.lower() for name in NINGBO_DIVISIONS} | {noun.split()[-1] for noun in BACK_REFERENCE_NOUNS}))
# The last words of the places as written (none holds another).
PLACE_GATE_WORDS: Final = frozenset(name.split()[-1] for name in PLACES)
assert not any(word != other and word in other for word in PLACE_GATE_WORDS for other in PLACE_GATE_WORDS)
# PLACE_GATE_WORDS in lowercase: each is ASCII, so where one occurs in a text its lowercase occurs in the text's
# gate_text (lower() and IGNORECASE_FOLD leave an ASCII letter's place and length alone): a sentence whose
# gate_text holds none has no match of PLACE_GATE_RE.
PLACE_FOLDED_WORDS: Final = tuple(sorted({word.lower() for word in PLACE_GATE_WORDS}))
assert all(word.isascii() for word in PLACE_GATE_WORDS)
# The words a sentence's gates look for, found in one pass: MODALITY_CUE_WORDS, PART_GATE_WORDS, then
# PLACE_FOLDED_WORDS (their positions from PARTS_END on).
SENTENCE_GATE_WORDS: Final = MODALITY_CUE_WORDS + PART_GATE_WORDS + PLACE_FOLDED_WORDS
PARTS_END: Final = len(MODALITY_CUE_WORDS) + len(PART_GATE_WORDS)
SENTENCE_GATE_FINDER: Final = WordFinder(SENTENCE_GATE_WORDS)


def _first_letter_alternation(words: Iterable[str]) -> str:
    """_alternation of `words` (literal, no spaces), grouped by first letter ("C(?:hongqing|hina)|Z(?:hejiang)"): the
    same matches where no word is another's prefix (one word at most matches at a place, whichever is tried
    first), but a place is tried against the one group of its letter instead of against every word."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")"
                    for first, rests in sorted(groups.items()))


# Every match of PLACE_OF_RE holds the last word of a place as written (it is case-sensitive): a
# sentence without one names no other place.
PLACE_GATE_RE: Final = re.compile(_first_letter_alternation(PLACE_GATE_WORDS))
# The longest match of PLACE_GATE_RE (a gate search resumed this far before the end of the text searched
# before finds every match that ends past that end: the pattern has no lookaround).
PLACE_GATE_LONGEST: Final = max(len(word) for word in PLACE_GATE_WORDS)


def _holds_part_word(found: list[int]) -> bool:
    """Whether `found` (SENTENCE_GATE_FINDER.found, ascending) holds a position of PART_GATE_WORDS."""
    for position in found:
        if position >= len(MODALITY_CUE_WORDS):
            return position < PARTS_END
    return False


class Sentence:
    """One sentence, with what all its quantities share found once for all of them: where its
    clauses break, whether it holds a modality cue at all, the parts of Ningbo it names and
    whether it names another place before a quantity (`modality` and `place` of one quantity read these)."""

    __slots__ = ("text", "_cued", "_parts", "_place_none_to", "_place_end", "_break_spans")

    def __init__(self, text: str, folded: str | None = None, found: list[int] | None = None) -> None:
        """folded: gate_text(text) or, where they differ, a text no gate here tells from it (the caller's
        paragraph's folded_text cut at the sentence: a final sigma may stand as σ there); found: the positions
        in SENTENCE_GATE_WORDS of the words `folded` holds (SENTENCE_GATE_FINDER.found), if the caller knows."""
        self.text = text
        if folded is None:
            folded = gate_text(text)
        if found is None:
            found = SENTENCE_GATE_FINDER.found(folded, 0, len(folded))
        self._cued = _holds_modality_cue(folded, found)
        # the parts of Ningbo and back-references the sentence names
        self._parts: tuple[re.Match[str], ...] = tuple(PART_SCAN.finditer(text)) \
            if _holds_part_word(found) else ()
        # what the place gate found so far: no match of it ends within text[:_place_none_to]; one ends at
        # _place_end (past the text: none found yet). No place word in `folded`: no match anywhere.
        self._place_none_to = 0 if found and found[-1] >= PARTS_END else len(text)
        self._place_end = len(text) + 1
        self._break_spans: list[tuple[int, int]] | None = None

    def _names_place_before(self, start: int) -> bool:
        """Whether text[:start] holds a match of PLACE_GATE_RE (else no place is said before `start`: every
        match of PLACE_OF_RE in the text before a quantity holds one). Searched only as far as a quantity
        asks (the text after the last is never read), each stretch once (the quantities come in order)."""
        if start <= self._place_none_to:
            return False
        if self._place_end <= start:
            return True
        match = PLACE_GATE_RE.search(self.text, max(0, self._place_none_to - PLACE_GATE_LONGEST + 1), start)
        if match is None:
            self._place_none_to = start
            return False
        self._place_end = min(self._place_end, match.end())
        return True

    @property
    def _breaks(self) -> list[tuple[int, int]]:
        """The spans of CLAUSE_BREAK_RE in the whole sentence (found when a quantity first needs its clause)."""
        if self._break_spans is None:
            self._break_spans = clause_breaks(self.text, 0, len(self.text))
        return self._break_spans

    def clause_start(self, pos: int) -> int:
        """Where the clause holding `pos` begins: the end of the last break of text[:pos] (0 if none).

        That is the last break of the whole sentence that ends by `pos` (one that runs past it is no
        break of text[:pos], and hides none), unless a break word ends at `pos` with a word character
        after it: that one is a break of text[:pos] only (it is then looked for there)."""
        text = self.text
        if 0 < pos < len(text) and is_word_char(text[pos - 1]) and is_word_char(text[pos]):
            # (a break word, "and", that ends right before a word character, "and5", breaks only the text cut
            # there: its \b holds at the cut)
            breaks = clause_breaks(text, 0, pos)
            return breaks[-1][1] if breaks else 0
        left = 0
        for _, end in self._breaks:
            if end > pos:
                break
            left = end
        return left

    def clause_end(self, pos: int) -> int:
        """Where the clause holding `pos` ends: the start of the first break at or after `pos`
        (CLAUSE_BREAK_RE.search(text, pos)); the sentence's end if none. The first break of the whole
        sentence starting there, unless one runs across `pos` (then searched from `pos`)."""
        for start, end in self._breaks:
            if start >= pos:
                return start
            if end > pos:
                breaks = clause_breaks(self.text, pos, len(self.text))
                return breaks[0][0] if breaks else len(self.text)
        return len(self.text)

    def modality(self, start: int, end: int) -> str:
        """'forecast', 'target' or 'actual' for the quantity at [start, end): the cue words of its clause."""
        if not self._cued:
            return ACTUAL
        return _clause_modality(self.text[self.clause_start(start):self.clause_end(end)])

    def place(self, start: int, kind: str, earlier: Earlier = NOTHING_EARLIER) -> Place | None:
        """`place` of the quantity at `start` of this sentence."""
        if not self._parts and (kind in SCOPE_KINDS or not self._names_place_before(start)):
            return None  # no part named, and no other place (or a rank's, which is a scope): no clause needed
        sentence = self.text
        clause_start = self.clause_start(start)
        parts = [m for m in self._parts if m.start() >= clause_start and m.end() <= start]
        for match in reversed(parts):
            if SCOPE_BEFORE_TAIL.has_match(IN_OF_END_TAIL.sub("", sentence[clause_start:match.start()])):
                continue
            if match.group("ref"):
                return _resolve(match.group("noun"), earlier, sentence[:match.start("ref")])
            return Place(_part_name(match), RULE_NAMED)
        if kind in SCOPE_KINDS or not self._names_place_before(start):
            return None
        before = sentence[clause_start:start]
        spans = [(m.start() - clause_start, m.end() - clause_start) for m in parts]
        found = None
        for match in PLACE_OF_SCAN.finditer(before):
            if SCOPE_BEFORE_TAIL.has_match(before[:match.start()]) or _inside(match.span(), spans):
                continue
            found = match
        if found is None or any(not _inside(m.span(), spans) for m in HOME_RE.finditer(before)):
            return None  # "Ningbo ranked first in Zhejiang with 12,524 start-ups": Ningbo's figure
        return Place(found.group("in") or found.group("own"), RULE_NAMED)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` overlaps one of `spans` ("Hangzhou" inside "Hangzhou Bay New Area")."""
    return any(span[0] < end and start < span[1] for start, end in spans)


def _resolve(noun: str, earlier: Earlier, sentence_before: str) -> Place:
    """The part of Ningbo a back-reference ("the zone") means: the last one `noun` covers named in the
    title, the body before the sentence, or the sentence before the reference; else the reference
    itself ("the zone"), marked unresolved."""
    noun = " ".join(noun.lower().split())
    covers = BACK_REFERENCE_NOUNS[noun]
    found = None
    for text, end in ((earlier.title, len(earlier.title)), (earlier.body, earlier.end),
                      (sentence_before, len(sentence_before))):
        for match in NAME_RE.finditer(text, 0, end):
            name = _part_name(match)
            if PART_NOUNS[name] in covers or " ".join(match.group().lower().split()).endswith(noun):
                found = name
    return Place(found, RULE_REFERRED) if found else Place(f"the {noun}", RULE_UNRESOLVED)


def _part_name(match: re.Match[str]) -> str:
    """The name a part of Ningbo is reported by, from a NAME_RE/PART_RE match."""
    return match.group("division") or ZONE_BY_SPELLING[vocab_key(match.group("zone"))]
