"""Subjects: the noun phrase a quantity is said of, before it ("X rose to N") or after it ("N X").
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Final

from transforms.fastre import TailPattern, opening_with
from transforms.metrics.numbers import YEAR, _Found
from transforms.metrics.qualifiers import WordTail, last_words, trailing_words, verb_object_by
from transforms.metrics.vocab import (
    AUXILIARIES,
    COUNT_CLASSIFIERS,
    COUNT_STOP_WORDS,
    DETERMINERS,
    FREQUENCY_ADJECTIVES,
    INHERIT_CHANGE_NOUNS,
    INHERIT_CHANGE_VERBS,
    INHERIT_HEDGES,
    INHERIT_PERIOD_ADJECTIVES,
    INHERIT_REPORTING,
    INHERIT_SMALL_MOVES,
    INVARIANT_UNIT_NOUNS,
    LINK_AUXILIARIES,
    LINK_VERBS,
    LY_NOUNS,
    MONTH_WORDS,
    NAME_RUN_WORDS,
    NONCOUNT_FIRST_WORDS,
    NOT_PLURAL_ENDINGS,
    NOUN_AFTER,
    NP_INNER_WORDS,
    NP_JOINER_WORDS,
    NP_NAME_LEFT_WORDS,
    NP_STOP_WORDS,
    NP_THE_LEFT_WORDS,
    PHRASE_STOP_WORDS,
    PLACE_APPOSITION_NOUNS,
    PLACE_PP_NOUNS,
    PLURAL_NOUN_NEXT_AFTER_MODIFIER,
    PLURAL_NOUN_NEXT_WORDS,
    PLURAL_NOUNS,
    QUOTES,
    RANK_ORDINAL_WORDS,
    RANK_PARTICIPLES,
    SUBJECT_DROP_LEADING,
    SUBJECT_LINK_VERBS_MORE,
    SUPERLATIVES,
    TIME_UNIT_WORDS,
    TIME_WORDS,
    UNIT_VOLUME_NOUNS,
    UNIT_WORDS,
    VERB_WORDS,
    words_pattern,
)

if TYPE_CHECKING:  # (mypyc's native 64-bit int; the annotations are never evaluated, so pure Python needs no import)
    from mypy_extensions import i64

VERB_FORM_RE: Final = re.compile(r"[a-z]+(?:ing|ed)\b")
MODEL_TOKEN_RE: Final = re.compile(r"\d{1,2}[A-Za-z]\w*")  # 5G, 3D, 4K as the first word of a counted noun

WORD_RE: Final = re.compile(r"[A-Za-z0-9][\w&'’.-]*[\w&]|[A-Za-z0-9]|[^\w\s]")
# WORD_RE for an ASCII text: its classes written out in ASCII (\w is [A-Za-z0-9_] there, \s the characters
# of ASCII_SPACES), which the regex engine tests in a bitmap instead of asking each character's Unicode
# category (a third less time; tests/test_fastre.py checks every ASCII character).
ASCII_SPACES: Final = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "  # (str.isspace, which is re's \s)
ASCII_WORD_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_&'.-]*[A-Za-z0-9_&]|[A-Za-z0-9]"
                                  r"|[\x00-\x08\x0e-\x1b!-/:-@\[-^`{-\x7f]")  # (the last: ASCII but [\w\s])
# The link verbs: the shared table's and those only subjects read.
ALL_LINK_VERBS: Final = (*LINK_VERBS, *SUBJECT_LINK_VERBS_MORE)
# The one-word phrases a link verb may be followed by (and the longer ones in LINK_RE), the words a cost
# may follow and the cost words (link_start reads the pattern's words off these).
LINK_TRAILING_PREPOSITIONS: Final = ("by", "to", "for", "at", "from", "of", "up", "down", "only", "just", "still",
                                     "about")
LINK_COST_AUXILIARIES: Final = ("will", "would", "is", "are", "to")
LINK_COST_WORDS: Final = ("cost", "costs", "costing")
LINK_RE: Final = re.compile(
    rf"(?:,\s*)?\s+(?:(?:{words_pattern(LINK_AUXILIARIES)})\s+){{0,4}}(?:\w+ly\s+)?"
    rf"(?:{words_pattern(ALL_LINK_VERBS)})"
    rf"(?:\s+(?:{'|'.join(LINK_TRAILING_PREPOSITIONS)}|an?\s+(?:average|total)\s+of|"
    r"at\s+an?\s+(?:average\s+)?(?:annual\s+|yearly\s+)?(?:growth\s+)?rate\s+of))*\s*$"
    rf"|(?:,\s*)?\s+(?:(?:{'|'.join(LINK_COST_AUXILIARIES)})\s+){{0,3}}(?:{'|'.join(LINK_COST_WORDS)})\s*$",
    re.IGNORECASE,
)
# Every match of LINK_RE ends with a link verb, one of its trailing prepositions or a cost word, after a space.
# Every match of LINK_RE is ", " or a space, then words of these (and -ly adverbs): the search
# window is the trailing words of the text that can be those.
LINK_WORDS: Final = frozenset({
    *LINK_AUXILIARIES, *(w for verb in ALL_LINK_VERBS for w in verb.split()),
    *LINK_COST_AUXILIARIES, *LINK_COST_WORDS, *LINK_TRAILING_PREPOSITIONS,
    *"an a average total annual yearly growth rate".split()})
# Every match of LINK_RE ends with the last word of a link verb, one of its trailing prepositions or a cost word,
# a whole word (after whitespace); and it opens with a comma or whitespace.
LINK_END_WORDS: Final = frozenset({*last_words(ALL_LINK_VERBS), *LINK_TRAILING_PREPOSITIONS, *LINK_COST_WORDS})
# More exactly: the last word of a link verb or a cost word, then whole words of the trailing prepositions'
# group (LINK_TRAILING_WORDS), the last of them one that ends it (LINK_TRAILING_LAST): a text whose trailing
# such words follow another word ("an annual capacity of", "an increase of", "in 2018, up") has no match.
LINK_TRAILING_LAST: Final = frozenset(LINK_TRAILING_PREPOSITIONS)
LINK_TRAILING_WORDS: Final = frozenset("an a average total annual yearly growth rate".split())


def _phrase_end(verb: str) -> str:
    """The word a link verb is read back to past the trailing words: its last word, or for "edged up", "made up"
    (whose last words are trailing prepositions too) the word before them ("2018, up" is then no match)."""
    words = verb.lower().split()
    while len(words) > 1 and words[-1] in LINK_TRAILING_LAST:
        words.pop()
    return words[-1]


LINK_PHRASE_END_WORDS: Final = frozenset({*(_phrase_end(verb) for verb in ALL_LINK_VERBS), *LINK_COST_WORDS})
assert LINK_END_WORDS <= LINK_PHRASE_END_WORDS | LINK_TRAILING_LAST
# (the reversed pattern is not asked first: three texts in five that end in a link word have a match, and
# the search from the trailing link words costs about what the reversed match costs)
LINK_TAIL: Final = WordTail(opening_with(LINK_RE, r",\s"), LINK_PHRASE_END_WORDS, whole=True,
                            match_words=(LINK_WORDS, ("ly",)), ask_reversed=False,
                            trailing=(LINK_TRAILING_LAST, LINK_TRAILING_WORDS))
OF_LINK_WORDS: Final = ("of", "at", "totaling", "totalling", "worth")
OF_LINK_RE: Final = re.compile(rf"\s+(?:{'|'.join(OF_LINK_WORDS)})\s*$", re.IGNORECASE)
OF_LINK_TAIL: Final = WordTail(opening_with(OF_LINK_RE, r"\s"), OF_LINK_WORDS, ask_reversed=False)
OF_LINK_WORD_SET: Final = frozenset(OF_LINK_WORDS)

# LINK_RE read by words (link_start). Each part of a match but its opening ", " is followed by whitespace or
# the end, and each opens after whitespace: a match is an optional comma, the whole whitespace run before
# the text's last words (the leftmost match takes the whole run), then those words, each whole, of one of two
# grammars: at most four LINK_AUXILIARIES, maybe a \w+ly word, a link verb (one word or two) and any number of
# trailing phrases (a word of LINK_TRAILING_PREPOSITIONS, "an? (average|total) of", "at an? (average)?
# (annual|yearly)? (growth)? rate of"); or at most three LINK_COST_AUXILIARIES and a cost word. Every such
# word is in LINK_WORDS or ends in "ly": the words read are the text's last ones that are.
LINK_AUXILIARY_WORDS: Final = frozenset(LINK_AUXILIARIES)
LINK_VERB_WORDS: Final = frozenset(verb for verb in ALL_LINK_VERBS if " " not in verb)
# the two-word link verbs: last word -> first words ("up" -> "edged", "made", ...)
LINK_VERB_PAIRS: Final = {last: frozenset(verb.split()[0] for verb in ALL_LINK_VERBS if verb.split()[1:] == [last])
                          for last in {verb.split()[-1] for verb in ALL_LINK_VERBS if " " in verb}}
assert all(len(verb.split()) <= 2 for verb in ALL_LINK_VERBS)
LINK_COST_AUXILIARY_WORDS: Final = frozenset(LINK_COST_AUXILIARIES)
LINK_COST_WORD_SET: Final = frozenset(LINK_COST_WORDS)
LINK_READ: Final = 8  # the last words split off first (all the text's words only when these all may be a match's)


def link_start(text: str) -> int:
    """LINK_RE.search(text).start(), -1 where it finds nothing (every match ends at the end of the text), read
    off the text's last words instead of a search (some 20k instructions); LINK_TAIL.find for a text whose
    words read hold one that is not ASCII (IGNORECASE takes "ſ" for "s", \\w more than [A-Za-z0-9_])."""
    if not LINK_TAIL.may_match(text):
        return -1
    words = text.rsplit(None, LINK_READ)
    run = _link_run(text, words, len(words) > LINK_READ)
    if run is not None and len(run) == LINK_READ:
        words = text.split()  # (all the last words may be a match's: so may the words before them)
        run = _link_run(text, words, False)
    if run is None:
        found = LINK_TAIL.find(text)
        return -1 if found is None else found.start()
    count = _link_match_words(run)
    if not count:
        return -1
    start = _run_start(text, words, count)
    return start - 1 if start and text[start - 1] == "," else start


def _link_run(text: str, words: list[str], cut: bool) -> list[str] | None:
    """The text's last words (`words`: its split, the first part the text before them if `cut`) that may stand in
    a match of LINK_RE, lowercase, the last first: those of LINK_WORDS and the ASCII \\w+ly words, back to the
    first that is neither, or to a first word of the text with no whitespace before it; None if a word read
    is neither and not ASCII."""
    run: list[str] = []
    for index in range(len(words) - 1, 0 if cut else -1, -1):
        word = words[index]
        lower = word.lower()
        if lower not in LINK_WORDS:
            if not word.isascii():
                return None
            if not (len(lower) > 2 and lower.endswith("ly") and lower[:-2].replace("_", "a").isalnum()):
                return run  # (ASCII: isalnum is [A-Za-z0-9], with "_" \w)
        run.append(lower)
    if not cut and run and not text[:1].isspace():
        run.pop()  # the text's first word: no match opens with it
    return run


def _link_match_words(run: list[str]) -> int:
    """How many of `run`'s words (_link_run's, the last first) the longest match of LINK_RE's grammars
    holds: the text's last ones; 0 if none."""
    size = len(run)
    best = 0
    if size and run[0] in LINK_COST_WORD_SET:
        best = 1
        while best < size and best < 4 and run[best] in LINK_COST_AUXILIARY_WORDS:
            best += 1
    ends = [0]  # where a run of trailing phrases can open (counted from the end), the empty one first
    index = 0
    while index < len(ends):
        at = ends[index]
        index += 1
        if at >= size:
            continue
        word = run[at]
        if word in LINK_TRAILING_LAST:
            ends.append(at + 1)
        if word == "of" and at + 2 < size:
            if run[at + 1] in ("average", "total") and run[at + 2] in ("a", "an"):
                ends.append(at + 3)
            elif run[at + 1] == "rate":
                at_rate = at + 2  # back over "(average)? (annual|yearly)? (growth)?" to "at an?"
                if at_rate < size and run[at_rate] == "growth":
                    at_rate += 1
                if at_rate < size and run[at_rate] in ("annual", "yearly"):
                    at_rate += 1
                if at_rate < size and run[at_rate] == "average":
                    at_rate += 1
                if at_rate + 1 < size and run[at_rate] in ("a", "an") and run[at_rate + 1] == "at":
                    ends.append(at_rate + 2)
        if word in LINK_VERB_WORDS:
            best = max(best, _link_verb_words(run, at + 1))
        firsts = LINK_VERB_PAIRS.get(word)
        if firsts is not None and at + 1 < size and run[at + 1] in firsts:
            best = max(best, _link_verb_words(run, at + 2))
    return best


def _link_verb_words(run: list[str], opening: int) -> int:
    """How many of `run`'s words the longest match holds whose link verb opens `opening` words from the end:
    maybe a \\w+ly word before it (every word of `run` ending in "ly" is one), and auxiliaries before those."""
    count = _auxiliaries_before(run, opening)
    if opening < len(run) and len(run[opening]) > 2 and run[opening].endswith("ly"):
        count = max(count, _auxiliaries_before(run, opening + 1))
    return count


def _auxiliaries_before(run: list[str], first: int) -> int:
    """`first` and the number of LINK_AUXILIARIES (four at most) right before the word it counts to."""
    count = first
    while count < len(run) and count - first < 4 and run[count] in LINK_AUXILIARY_WORDS:
        count += 1
    return count


def _run_start(text: str, words: list[str], count: int) -> int:
    """Where the whitespace run before the text's last `count` words starts (`words`: the end of its split;
    whitespace stands before the first of those)."""
    pos = len(text)
    while text[pos - 1].isspace():
        pos -= 1
    for index in range(len(words) - 1, len(words) - 1 - count, -1):
        pos -= len(words[index])
        while pos and text[pos - 1].isspace():
            pos -= 1
    return pos


def of_link_start(text: str) -> int:
    """OF_LINK_RE.search(text).start(), -1 where it finds nothing: its match is the whitespace run before the
    text's last word, one of OF_LINK_WORDS, then only whitespace (OF_LINK_TAIL.find for a last word that is not
    ASCII)."""
    words = trailing_words(text)
    if not words:
        return -1
    last = words[-1]
    if last.lower() not in OF_LINK_WORD_SET:
        if last.isascii():
            return -1
        found = OF_LINK_TAIL.find(text)
        return -1 if found is None else found.start()
    if len(words) == 1 and not text[:1].isspace():
        return -1  # (no whitespace before it)
    return _run_start(text, words, 1)


TRAILING_TIME_RE: Final = re.compile(
    r"\s+(?:(?:in|during|over|for)\s+the\s+(?:first|last|past|next)\s+\w+\s+(?:days|weeks|months|years)"
    r"|(?:in|during|over|for)\s+(?:the\s+)?(?:same\s+|first\s+|whole\s+|full\s+)?(?:period|year|quarter|month|"
    r"half)s?(?:\s+of\s+\w+)?|(?:this|last)\s+year|(?:in|by)\s+(?:19|20)\d{2}"
    # (a quarter, half or fiscal year as reports abbreviate them, periods.FISCAL_PART_RE: "revenue in H1 2024")
    r"|(?:in|for|during)\s+(?:[1-4](?:-[1-4])?Q'?\d{2,4}|Q[1-4](?:-Q?[1-4])?(?:\s+(?:19|20)\d{2})?|[12]H'?\d{2,4}"
    r"|H[12]\s+(?:19|20)\d{2}|FY\s?\d{2,4})"
    r"|(?:at|by|until|till|to)\s+the\s+end\s+of\s+(?:(?:the|this|last|that)\s+(?:year|month|quarter|period|week)"
    r"|\w+))\s*$",
    re.IGNORECASE,
)
PLACE_PP_RE: Final = re.compile(
    rf"\s+(?:(?:in|of)\s+(?:the\s+)?(?:{words_pattern(PLACE_PP_NOUNS)}|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)|"
    r"(?:through|across|at|to|throughout)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s*$"
)
# "production efficiency at these companies": a trailing phrase that points back, not a restriction.
# Every match of PLACE_PP_RE ends with a capitalized word or city/province/country after a space.
PLACE_PP_TAIL: Final = WordTail(opening_with(PLACE_PP_RE, r"\s"), PLACE_PP_NOUNS, capitalized=True,
                                gate=re.compile(rf"\s(?:{words_pattern(PLACE_PP_NOUNS)}|[A-Z][\w'’-]*)\s*$"))
REFERENCE_PP_RE: Final = re.compile(r"\s+(?:at|among|across|in|for)\s+(?:these|those|such|all|its|their)(?:\s+[\w-]+){1,2}\s*$",  # noqa: E501
                                    re.IGNORECASE)
DISCOURSE_TAIL_RE: Final = re.compile(r"\s*,\s*(?:however|meanwhile|in\s+contrast|by\s+contrast|too|also|though|"
                                      r"in\s+particular|for\s+example|in\s+turn)\s*,?\s*$", re.IGNORECASE)
# "enterprises with annual revenue above ...", ", and housing allowances up to ..."
QUALIFIED_NP_RE: Final = re.compile(r"(?:\bwith|,\s*and|;\s*and)\s+(?P<np>(?:[\w&'’-]+\s+){0,4}[\w&'’-]+)\s*$")
RELATIVE_TAIL_RE: Final = re.compile(r"\s*,\s*(?:which|that|who)\s*$", re.IGNORECASE)
QUALIFIED_NP_TAIL: Final = TailPattern(opening_with(QUALIFIED_NP_RE, "w,;"))
RELATIVE_TAIL: Final = WordTail(opening_with(RELATIVE_TAIL_RE, r",\s"), ("which", "that", "who"))
# (",?": the last word may be a comma)
DISCOURSE_TAIL: Final = WordTail(opening_with(DISCOURSE_TAIL_RE, r",\s"),
                                 ("however", "meanwhile", "contrast", "too", "also", "though", "particular",
                                  "example", "turn", ","))
# (the last word: a time unit, a year's last digit, or any word after "of")
TRAILING_TIME_TAIL: Final = WordTail(opening_with(TRAILING_TIME_RE, r"\s"),
                                     ("days weeks months years period periods year years quarter quarters month months "
                                      "half halfs 0 1 2 3 4 5 6 7 8 9").split(),
                                     near=(("of",), 1))
REFERENCE_PP_TAIL: Final = WordTail(opening_with(REFERENCE_PP_RE, r"\s"),
                                    near=(("these", "those", "such", "all", "its", "their"), 2))
# ", Ningbo's main cross-border channel," between a subject and its verb.
APPOSITION_RE: Final = re.compile(r"^\s*(?:the|a|an|[A-Z][\w-]*(?:'s|’s)|its|their)\s+[\w\s'’-]{1,60}$")
# "a record high", "a new high", "a historic peak" before "of N" (and the words such a phrase ends with).
RECORD_TAIL_RE: Final = re.compile(
    r"\s+(?:an?|the|its)\s+(?:(?:new|record|historic|historical|all-time)[\s-]+)*(?:high|peak|record)$", re.IGNORECASE)
RECORD_ENDINGS: Final = ("high", "peak", "record", "High", "Peak", "Record")
# "from January", "in early May", "from January to November" ending a subject's region (a time, not a restriction).
TRAILING_MONTH_RE: Final = re.compile(
    r"\s+(?:from|in|during|since|by|for|between)\s+(?:early\s+|late\s+|mid-)?[A-Z][a-z]+(?:\s+\d{1,2})?"
    r"(?:\s*(?:to|-|–|and|through|till|until)\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?\s*$")
# The endings a region has when TRAILING_MONTH_RE may match: a month's name, capitalized.
MONTH_TAIL_ENDINGS: Final = tuple(sorted(month.capitalize() for month in MONTH_WORDS))
# (the ordinals not ending in "th" are the first three)
FIRST_TIME_RE: Final = re.compile(rf",?\s+for\s+the\s+(?:{words_pattern(RANK_ORDINAL_WORDS[:3])}|\w+th)\s+time$",
                                  re.IGNORECASE)
# ", East China's Zhejiang province", ", Zhejiang province", ", China" after a place's name (the region ends with
# one of PLACE_APPOSITION_NOUNS).
PLACE_APPOSITION_RE: Final = re.compile(
    r",\s*(?:[A-Z][\w-]*\s+){0,2}(?:[A-Z][\w-]*(?:'s|’s)\s+)?(?:[A-Z][\w-]*\s+)?(?:[Pp]rovince|China)$")
LEADING_ADVERBIAL_RE: Final = re.compile(
    r"^\s*(?:in|on|by|as|at|during|from|since|after|before|for|with|among|of|over|under|according|last|this)\b",
    re.IGNORECASE)

MID_SENTENCE_CAPITAL_RE: Final = re.compile(r"(?<=[a-z,;:’'\"”)] )([A-Z][a-z][\w-]*)")
# The same words, found from the space before them: a pattern that opens with a literal lets the engine jump
# from space to space instead of trying the lookbehind at every character of the body (findall gives the group).
MID_SENTENCE_CAPITAL_SCAN: Final = re.compile(r" (?<=[a-z,;:’'\"”)] )([A-Z][a-z][\w-]*)")


class MidSentenceNames:
    """The capitalized words an article uses mid-sentence (names), found in its body when first asked
    (a few articles in a hundred have a subject that asks)."""

    __slots__ = ("body", "_words")

    def __init__(self, body: str) -> None:
        self.body = body
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(MID_SENTENCE_CAPITAL_SCAN.findall(self.body))
        return self._words


# Those of the current article, set by extract_metrics (None: no article, no names).
_MID_SENTENCE_NAMES: Final[ContextVar[MidSentenceNames | None]] = ContextVar("_MID_SENTENCE_NAMES", default=None)

# A character of QUOTES (each one a token of its own: no word holds one).
QUOTE_RE: Final = re.compile("[" + "".join(sorted(QUOTES)) + "]")
assert all(len(quote) == 1 for quote in QUOTES)
QUOTE_CHARS: Final = "".join(sorted(QUOTES))


def holds_quote(text: str, pos: int, end: int) -> bool:
    """QUOTE_RE.search(text, pos, end) is not None, told by a str.find per quote character (memchr's speed;
    the regex tests its class at every character), only the ASCII one in an ASCII text."""
    if text.isascii():
        return text.find('"', pos, end) >= 0
    for quote in QUOTE_CHARS:
        if text.find(quote, pos, end) >= 0:
            return True
    return False

NP_MAX_WORDS: Final = 8
NP_AFTER_TOKENS: Final = NP_MAX_WORDS + 8  # tokens _noun_phrase_after tokenizes (it can read 12)
# The longest quoted stretch read as a name in a counted noun phrase (_quoted_spans): "Run to Future, Run to the Asian
# Games" (37) is one; a longer quote is speech.
QUOTED_NAME_MAX_CHARS: Final = 40

GENERIC_MODIFIERS: Final = ("average", "annual", "yearly", "year-on-year", "yoy", "overall", "net")
GENERIC_CHANGES: Final = ("growth", "increase", "rise", "decline", "decrease", "drop", "gain", "uptick", "surge",
                          "jump", "fall", "reduction")
# (the words the time alternative opens with)
GENERIC_TIME_OPENINGS: Final = ("same", "previous", "last", "prior", "past", "year", "month", "quarter")
GENERIC_SUBJECT_RE: Final = re.compile(
    rf"^(?:(?:{'|'.join(GENERIC_MODIFIERS)})\s*)*(?:(?:{'|'.join(GENERIC_CHANGES)})(?:\s+rate)?)?$"
    # a time read as a noun phrase ("increased by 7.6% year on year, accounting for 49.1% of GDP": "year";
    # "up by 21.2% over the previous year, accounting for 14.8%": "previous year"): what was measured is
    # the quantity's before it, or nothing said
    r"|^(?:same\s+period(?:\s+of\s+(?:the\s+)?(?:last|previous)\s+year)?|(?:previous|last|prior|past)\s+"
    r"(?:year|month|quarter)|years?|months?|quarters?)$"
)
# The first three letters of the words a match of GENERIC_SUBJECT_RE opens with (each has three or more).
GENERIC_SUBJECT_HEADS: Final = frozenset(
    word[:3] for words in (GENERIC_MODIFIERS, GENERIC_CHANGES, GENERIC_TIME_OPENINGS) for word in words)
# Text between two quantities that makes the second share the first one's subject
# ("from 3.797 million yuan in 1987 to 137.4 million yuan").
# (Its optional groups are written as alternations with an empty last branch, "(?:X|)" for "(?:X)?": the same
# tries in the same order, so the same matches, but sre compiles a group's "?" to a general repeat, which saves
# and restores its state on a stack at every try, where a branch only moves on: about a quarter less time.)
INHERIT_GAP_RE: Final = re.compile(
    # (what comes before the joining words ends in a comma, or is a time the first quantity was compared with:
    # "with a rise of 13.6% compared with the same period and an increase of 2.2%")
    rf"^(?:[^;.]{{0,150}}[,;]|\s*(?:over|than|compared\s+(?:with|to)|from)\s+[^;.,]{{0,60}}(?=\s+and\s)|)"
    rf"[\s,(（]*(?:(?:year[- ]on[- ]year|yoy|from\s+a\s+year\s+(?:earlier|ago))\s*|)"
    rf"(?:(?:in|by)\s+{YEAR}\s*|)(?:and\s+|)(?:to|and|or|versus|up|down|(?:up|down)\s+from|from|accounting\s+for|"
    rf"making\s+up|representing|equal\s+to|equivalent\s+to|saving|"
    rf"(?:with\s+|)(?:an?\s+|)(?:{words_pattern(INHERIT_PERIOD_ADJECTIVES)}\s+|)"
    rf"{words_pattern(INHERIT_CHANGE_NOUNS)}\s+of|{words_pattern(INHERIT_CHANGE_VERBS)}|"
    rf"{words_pattern(INHERIT_SMALL_MOVES)}\s+(?:up|down)|{words_pattern(INHERIT_REPORTING)}(?:\s+an?|)|"
    rf"exceeding|surpassing|topping|)"  # "stood at 235.59 billion yuan, exceeding 200 billion yuan for the first time"
    rf"(?:\s+by|)\s*(?:{words_pattern(INHERIT_HEDGES)}\s+|)$"
)
# The words a match of INHERIT_GAP_RE that ends in a letter ends with: the last word of each phrase it can end
# with ("for" ends with "or", "than" with "an"). Its other matches end with ",", ";", "(", "（", a year's digit,
# or hold nothing but whitespace. The real pages' gaps' most frequent endings first (endswith stops at the first
# found); a variable-length tuple, one object (compiled, a fixed-length one is boxed anew at every use).
INHERIT_GAP_LAST_WORDS: Final[tuple[str, ...]] = (
    "by", "of", "to", "and", "up", "or", "an", "over", "from", "about", "down", "a", "rising", "nearly", "exceeding",
    "around", "year", "yoy", "earlier", "ago", "versus", "representing", "saving", "increasing", "growing",
    "falling", "dropping", "declining", "increased", "decreased", "rose", "grew", "fell", "dropped", "declined",
    "reflecting", "marking", "registering", "posting", "surpassing", "topping", "almost", "some", "roughly")
ELIDED_SUBJECT_GAP_RE: Final = re.compile(
    r"^[^;.]{0,80},\s*and\s+(?:is|are|was|were|will|has|have|had)\s+[a-z\s]{0,40}$")
FROM_GAP_RE: Final = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# "rose 45.6%, integrated circuits 38.1% and industrial robots 27.4%"
LISTED_CHANGE_GAP_RE: Final = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<np>[a-zA-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,4})\s+$")

# "..., the sales value 1,047 billion yuan": a clause whose verb is left out (a comma or "and", "the", its noun
# phrase of one to six words, then the number).
GAPPED_GAP_RE: Final = re.compile(
    r"^\s*(?:[,;]\s*(?:and\s+)?|and\s+)the\s+(?P<np>[a-z][\w'’&-]*(?:\s+[\w'’&-]+){0,5})\s+$")

UNIT_OF_RE: Final = re.compile(r"^\s+(?:of|in|on)\s+")
# "respectively" after a list of quantities, or right before it ("grew respectively 19.9 and 29.9 percent"), and
# the commas (with "and", "or") between the noun phrases of the list they are said of.
RESPECTIVELY_AFTER_RE: Final = re.compile(r"\s*(?:,\s*)?(?:respectively|separately)\b", re.IGNORECASE)
RESPECTIVELY_BEFORE_RE: Final = re.compile(r"\s+(?:respectively|separately)\s*$", re.IGNORECASE)
COORDINATION_SPLIT_RE: Final = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?")

SHARE_OF_RE: Final = re.compile(r"^\s+of\s+")

SHARE_OF_TOTAL_RE: Final = re.compile(r"^\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}total\b", re.IGNORECASE)

# "ranked No. 3 nationwide in sales of collaborative robots", "ranks third by the number of base stations"
RANK_MEASURE_RE: Final = re.compile(r"\b(?:in|by)\s+")
RANK_MEASURE_WINDOW: Final = 80

CLAUSE_END_RE: Final = re.compile(r"[,;]|\s+(?:and|while|whereas|but)\s+")
RANK_PARTICIPLE_RE: Final = re.compile(rf"^{words_pattern(RANK_PARTICIPLES)}\b", re.IGNORECASE)

SIMPLE_PHRASE_CHARS: Final = 160
# A ranking this close after a quantity ranks that quantity ("1.08 billion tonnes of cargo, ranking first").
RANK_INHERIT_GAP_RE: Final = re.compile(r"^[\w\s'’-]{0,40}[,;]?\s*$")

PARENTHESES_RE: Final = re.compile(r"\s*[(（][^()（）]*[)）]")

ACRONYM_PLURAL_RE: Final = re.compile(r"[A-Z][A-Z&]+s")  # TEUs, SMEs


def _ascii_token_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of ASCII_WORD_RE.finditer(text, start, stop), text[start:stop] ASCII without whitespace (a chunk
    str.split() cut), read by character codes (a regex call costs some 2.5k instructions, more than a chunk's
    reading): at [A-Za-z0-9] a token runs over [A-Za-z0-9_&'.-] to the last [A-Za-z0-9_&] (the first alternative,
    its greedy run given back to that character) or is that one character (the second); "_", a word character,
    starts none (skipped); every other character is a token of its own (the third: ASCII but [\\w\\s])."""
    spans: list[tuple[int, int]] = []
    at = start
    while at < stop:
        code = ord(text[at])
        if 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57:
            end = scan = at + 1
            while scan < stop:
                code = ord(text[scan])
                if 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95 or code == 38:
                    scan += 1
                    end = scan
                elif code == 39 or code == 46 or code == 45:  # ("'", ".", "-": inside a token, never its end)
                    scan += 1
                else:
                    break
            spans.append((at, end))
            at = end
        else:
            if code != 95:
                spans.append((at, at + 1))
            at += 1
    return spans


def _ascii_tokens(text: str, pos: int) -> list[str]:
    """ASCII_WORD_RE.findall(text, pos) of an ASCII text, read off its chunks between whitespace (no token holds
    whitespace, so each chunk's tokens are its own): a chunk of letters and digits is one token; one that
    ends in a single other character but "_" and "&" is two, the word and that character (the pattern's
    first alternative ends at a letter, a digit, "_" or "&"); any other chunk is read by _ascii_token_spans."""
    tokens: list[str] = []
    for chunk in text[pos:].split():
        if chunk.isalnum():
            tokens.append(chunk)
        elif chunk[-1] not in "_&" and chunk[:-1].isalnum():
            tokens.append(chunk[:-1])
            tokens.append(chunk[-1])
        else:
            tokens.extend([chunk[a:b] for a, b in _ascii_token_spans(chunk, 0, len(chunk))])
    return tokens


def _tokens(text: str, pos: int = 0) -> list[str]:
    """The words of text[pos:] (WORD_RE) but its quote characters (a quote is a token of its own): filtered
    only when one occurs at all (most texts hold none, and one search for them tells)."""
    tokens = _ascii_tokens(text, pos) if text.isascii() else WORD_RE.findall(text, pos)
    return [t for t in tokens if t not in QUOTES] if holds_quote(text, pos, len(text)) else tokens


def _simple_phrase(text: str, keep_names: bool = False) -> str | None:
    """The noun phrase at the start of `text`: words up to a verb, preposition (but "of") or punctuation."""
    words: list[str] = []
    tokens = _tokens(text[:SIMPLE_PHRASE_CHARS])
    for index, word in enumerate(tokens):
        lower = word.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not words and lower in DETERMINERS:
            continue
        if not words and lower.endswith("ing") and (following.lower() in DETERMINERS or not following[:1].isalpha()):
            return None  # "on cultivating the companies": a verb, not a noun phrase
        if not words and (lower.endswith(("'s", "’s"))):
            continue  # "Ningbo's industrial enterprises"
        if not (word[0].isalpha() or MODEL_TOKEN_RE.fullmatch(word) and words):
            break
        if (lower in NP_STOP_WORDS or lower in VERB_WORDS or lower in TIME_WORDS or lower in PHRASE_STOP_WORDS
                or lower in COUNT_STOP_WORDS and lower != "of"
                or lower.endswith("ly") and len(lower) > 4 and lower not in LY_NOUNS
                or words and VERB_FORM_RE.fullmatch(lower) and not _is_plural(lower)):
            break
        if word[0].isupper() and not keep_names and _is_name(word):
            break
        if lower == "of" and (not following[:1].isalpha() or following.lower() in NP_STOP_WORDS):
            break
        if lower == "and":
            after_next = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
            if (not following[:1].isalpha() or following.lower() in VERB_WORDS | NP_STOP_WORDS
                    or VERB_FORM_RE.fullmatch(following.lower()) or after_next in {"or", "the", "a", "an"}
                    or after_next[:1].isdigit()):
                break  # "2.3 billion yuan in subsidies and cut or deferred taxes"
        words.append(word)
        if len(words) >= NP_MAX_WORDS:
            break
    while words and words[-1].lower() in NP_INNER_WORDS:
        words.pop()
    if not words or not words[0][0].islower() and not MODEL_TOKEN_RE.fullmatch(words[0]) \
            and not words[0].isupper() or any(w.lower() in UNIT_WORDS for w in words):
        return None
    return " ".join(words).lower()


SINGULAR_MIN_WORDS: Final = 2  # a count of one names its thing in at least two words


# The tokens _noun_phrase_after reads first: most phrases end (or are refused) within them. Only when it
# would read past them (a token after the last, or the end of the tokens) are all NP_AFTER_TOKENS read.
NP_FIRST_TOKENS: Final = 6


def _first_tokens_re(word_re: re.Pattern[str], skip: str, count: int) -> re.Pattern[str]:
    """A pattern whose one match from a position holds the first `count` tokens of word_re.finditer from
    there, each in a group of its own (a group left out: no more tokens): `skip` is what finditer steps
    over, the characters no token starts with; a token once matched is kept (the groups after it are
    optional), so each is the token finditer finds there."""
    one = rf"{skip}*+({word_re.pattern})"
    return re.compile(one + rf"(?:{one})?" * (count - 1))


# The characters ASCII_WORD_RE steps over: ASCII_SPACES and "_" (a word character, but no token starts with
# it); WORD_RE's: whitespace and the word characters other than [A-Za-z0-9] (tests/test_metrics.py checks
# each against finditer).
FIRST_TOKENS_RES: Final = {
    (ascii_text, count): _first_tokens_re(word_re, skip, count)
    for ascii_text, word_re, skip in ((True, ASCII_WORD_RE, r"[\t\n\x0b\x0c\r\x1c-\x1f _]"),
                                      (False, WORD_RE, r"(?:\s|[^\WA-Za-z0-9])"))
    for count in (NP_FIRST_TOKENS, NP_AFTER_TOKENS)}


def _ascii_words_after(para: str, pos: int, end: int, count: int) -> list[tuple[str, int]]:
    """(word, start) of the first `count` tokens of ASCII_WORD_RE.finditer(para, pos, end) (an ASCII text), read
    off the first `count` chunks between whitespace (str.split's, ASCII_SPACES: \t-\r, \x1c-\x1f and " ") as
    `_ascii_tokens` reads them (a chunk of [A-Za-z0-9] is one token, one of them and a last other character but "_"
    and "&" two, any other read by _ascii_token_spans); empty when those chunks hold fewer tokens and more text
    follows (a chunk of "_" holds none), for the caller's pattern to read. The chunks are read by character codes
    (compiled, with i64 locals: no split of the text, no chunk made and found again, only the tokens sliced)."""
    tokens: list[tuple[str, int]] = []
    at: i64 = pos
    stop: i64 = end
    chunks: i64 = 0
    code: i64
    while True:
        while at < stop and ((code := ord(para[at])) == 32 or 9 <= code <= 13 or 28 <= code <= 31):
            at += 1
        if at >= stop:
            return tokens
        if chunks == count:
            return []  # (more text after `count` chunks that hold fewer tokens)
        chunks += 1
        start: i64 = at
        while at < stop and (97 <= (code := ord(para[at])) <= 122 or 65 <= code <= 90 or 48 <= code <= 57):
            at += 1
        alnum_end: i64 = at  # (the chunk's run of [A-Za-z0-9] from its start)
        while at < stop and not ((code := ord(para[at])) == 32 or 9 <= code <= 13 or 28 <= code <= 31):
            at += 1
        if alnum_end == at:
            tokens.append((para[start:at], start))
        elif alnum_end == at - 1 and alnum_end > start and (last := ord(para[alnum_end])) != 95 and last != 38:
            # (one other character ends the chunk, not "_" nor "&")
            tokens.append((para[start:alnum_end], start))
            tokens.append((para[alnum_end], alnum_end))
        else:
            tokens.extend([(para[a:b], a) for a, b in _ascii_token_spans(para, start, at)])
        if len(tokens) >= count:
            del tokens[count:]
            return tokens


def _words_after(para: str, pos: int, count: int = NP_AFTER_TOKENS) -> list[tuple[str, int]]:
    """(word, start) of the first `count` tokens (WORD_RE) of the 200 characters from `pos`, quotes skipped.

    Taken from one match of FIRST_TOKENS_RES (its groups: the tokens) when no quote is among them (most
    texts: one quick search for a quote character tells), else filtered one by one."""
    end = min(len(para), pos + 200)
    ascii_text = para.isascii()
    word_re = ASCII_WORD_RE if ascii_text else WORD_RE
    tokens = _ascii_words_after(para, pos, end, count) if ascii_text else []
    if not tokens:
        match = FIRST_TOKENS_RES[ascii_text, count].match(para, pos, end)
        if match is None:
            return []
        tokens = [(para[start:stop], start) for start, stop in match.regs[1:] if start >= 0]
    if holds_quote(para, pos, tokens[-1][1] + len(tokens[-1][0])):
        tokens = list(islice(((t.group(), t.start()) for t in word_re.finditer(para, pos, end)
                              if t.group() not in QUOTES), count))
    return tokens


class _ReadMore(Exception):
    """The phrase reads past the tokens it was given, which are not all there are."""


def _noun_phrase_after(para: str, pos: int, singular: bool = False, named: bool = False) -> tuple[int, str] | None:
    """(end offset, lowercase phrase) of the plural noun phrase starting at `pos`, else None.

    The phrase runs to a verb, a preposition or punctuation; it is the longest run of its
    words that ends in a plural noun ("1,512 manufacturers complete digital transformation"
    -> "manufacturers"). singular=True: a singular phrase of two words or more, in small letters unless `named`
    (a count of one: "1 provincial natural science first prize").
    """
    # the loop below appends a word or stops at each token, so it reads at most NP_MAX_WORDS tokens
    # (one more after "more"/"such") and looks three ahead: the first NP_AFTER_TOKENS are all it can see
    tokens = _words_after(para, pos, NP_FIRST_TOKENS)
    quoted = _quoted_spans(para, pos) if tokens and holds_quote(para, pos, min(len(para), pos + 200)) else ()
    if len(tokens) == NP_FIRST_TOKENS:  # (fewer: they are all the tokens there are)
        try:
            return _noun_phrase_in(tokens, singular, complete=False, quoted=quoted, named=named)
        except _ReadMore:
            tokens = _words_after(para, pos)
    return _noun_phrase_in(tokens, singular, quoted=quoted, named=named)


def _quoted_spans(para: str, pos: int) -> tuple[tuple[int, int], ...]:
    """The (start, end) stretches inside double quotes that open within the 200 characters from `pos` and close
    within QUOTED_NAME_MAX_CHARS of opening: short quoted names ('79 "no waste factories"', '120 “sci-tech
    innovation 2025” projects'), not quoted speech. Straight quotes pair in order from the paragraph's start (a
    number inside a quote is read as before), curly ones by their shape; the single ‘ quotes nothing (its closing
    ’ is the apostrophe too)."""
    end = min(len(para), pos + 200)
    straight = para.count('"', 0, pos) % 2 == 1  # (a quote open at `pos` closes first: no stretch there)
    spans: list[tuple[int, int]] = []
    opened = -1
    for at in range(pos, end):
        char = para[at]
        if char == '"':
            straight = not straight
            opening = straight
        elif char in "“”":
            opening = char == "“"
        else:
            continue
        if opening:
            opened = at + 1
        elif opened >= 0:
            if at - opened <= QUOTED_NAME_MAX_CHARS:
                spans.append((opened, at))
            opened = -1
    return tuple(spans)


def _in_spans(start: int, spans: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """The span of `spans` holding offset `start`, else None."""
    for span in spans:
        if span[0] <= start < span[1]:
            return span
    return None


def _top_as_adjective(lower: str, following: str) -> bool:
    """ "top" before a plural noun or its modifier ("9 top universities", "100 top scientists", "seven top global
    fabric manufacturers") qualifies what is counted; "the 10 largest", "China's 100 best cities" name a list."""
    return lower == "top" and following[:1].islower() and following.isalpha() and following not in COUNT_STOP_WORDS


def _noun_phrase_in(tokens: list[tuple[str, int]], singular: bool, complete: bool = True,
                    quoted: tuple[tuple[int, int], ...] = (), named: bool = False) -> tuple[int, str] | None:
    """_noun_phrase_after from the tokens after the number (_words_after); complete=False: more tokens
    may follow them, and reading past them raises _ReadMore (every token but the last reads the one
    after it, so the loop never runs out of incomplete tokens without asking for more). `quoted`: the
    short stretches inside quotes (_quoted_spans), whose words are a name's: no stop word, verb or number ends
    the phrase there ('79 "no waste factories"', '3 provincial "no waste windows"'), and an "and" after one does
    ('six “Beacons of Excellence” and six "wish trees"')."""
    words: list[tuple[str, int]] = []
    if tokens and tokens[0][0].lower() in ("more", "such") and len(tokens) > 1:
        tokens = tokens[1:]  # "300 more doctoral students", "55 such stations"
    count = len(tokens)
    for index, token in enumerate(tokens):
        word = token[0]
        lower = word.lower()
        if index + 1 < count:
            following = tokens[index + 1][0]
        elif complete:
            following = ""
        else:
            raise _ReadMore
        span = _in_spans(token[1], quoted) if quoted else None
        if span is not None and word[0].isalnum():
            words.append(token)
            if len(words) >= NP_MAX_WORDS:
                break
            continue
        if quoted and words and lower in ("and", "or") and _in_spans(words[-1][1], quoted) is not None:
            break  # 'six “Beacons of Excellence” and six "wish trees"': a name closed, the phrase too
        if not words:
            if (lower in NONCOUNT_FIRST_WORDS or lower in SUPERLATIVES and not _top_as_adjective(lower, following)
                    or lower in COUNT_STOP_WORDS
                    or lower in VERB_WORDS and not lower.endswith("ed")  # "registered users" is a noun
                    and not (lower.endswith("s") and following.lower() in PLURAL_NOUN_NEXT_WORDS)):  # "81 plans that"
                return None  # "China's 100 best cities" names a list, it does not count anything
            if not word[0].isalpha() and not (MODEL_TOKEN_RE.fullmatch(word) and following[:1].isalpha()):
                return None
        elif word[0].isdigit():
            if not (words[-1][0][0].isupper() and following[:1].isalpha()):
                break  # "25 Fortune Global 500 companies" keeps its name
        elif not word[0].isalnum():
            break
        if words and (lower in VERB_WORDS and not (
                lower.endswith("s") and not _is_plural(words[-1][0])
                and (not following[:1].isalpha() or following.lower() in PLURAL_NOUN_NEXT_AFTER_MODIFIER))
                or (_is_plural(words[-1][0]) or words[-1][0].lower() in INVARIANT_UNIT_NOUNS)
                and lower.endswith(("ed", "ing"))):
            break  # "17 countries sent", "52 projects signed", "start-ups ranking", "2.79 million TEU compared to"
            # ("6000 cultural shows have" goes on)
        if words and lower.endswith("ly") and len(lower) > 4 and lower not in LY_NOUNS and not (
                lower in FREQUENCY_ADJECTIVES and following[:1].islower() and following not in COUNT_STOP_WORDS):
            break  # "5 million tourists annually" ("25 fixed daily scheduled trains" goes on)
        if lower == "and":
            if not words or not following[:1].isalpha() or following.lower() in COUNT_STOP_WORDS:
                break
            if words[-1][0].lower() in INVARIANT_UNIT_NOUNS:
                break  # "2.76 million TEU and Guangzhou's throughput", "TEU and imports rose": a unit ends its phrase
            if _is_plural(words[-1][0]):
                if index + 3 >= count and not complete:
                    raise _ReadMore
                after_next = tokens[index + 2][0] if index + 2 < count else ""
                third = tokens[index + 3][0] if index + 3 < count else ""
                two_word = (not _is_plural(following) and following.lower() not in COUNT_STOP_WORDS
                            and _is_plural(after_next) and not third[:1].isalpha())
                if not two_word and (not _is_plural(following) or after_next[:1].isalpha() and after_next.lower()
                                     not in COUNT_STOP_WORDS and after_next.lower() not in VERB_WORDS
                                     and not after_next.lower().endswith(("ed", "ing"))):
                    break  # "12,524 start-ups and 865 SMEs"; "museums and bases attracted", "X and leading Ys," go on
        elif lower == "of" and words and words[-1][0].lower() in COUNT_CLASSIFIERS:
            pass  # "260,000 pieces of equipment"
        elif lower == "or" and words and not _is_plural(words[-1][0]):
            if index + 2 >= count and not complete:
                raise _ReadMore
            after_next = tokens[index + 2][0] if index + 2 < count else ""
            if not (following[:1].isalpha() and following.lower() not in COUNT_STOP_WORDS
                    and not _is_plural(following) and _is_plural(after_next)):
                break
            # "12,561 college or university graduates": two modifiers of one plural noun (sixth tune_sites pass)
        elif words and lower in COUNT_STOP_WORDS:
            break
        words.append(token)
        if len(words) >= NP_MAX_WORDS:
            break
    lowered = [w.lower() for w, _ in words]
    classified = any(a in COUNT_CLASSIFIERS and b == "of" for a, b in zip(lowered, lowered[1:]))
    # "7.8 million TEU,": a unit noun the same in the plural ends the phrase; so it does before what was moved in it
    # ("600,000 TEU sea-rail cargo volume")
    invariant_end = bool(lowered) and lowered[-1] in INVARIANT_UNIT_NOUNS
    volume_end = bool(lowered) and lowered[-1] in UNIT_VOLUME_NOUNS
    while words and (words[-1][0].lower() in NP_INNER_WORDS or not classified and not singular and not (
            (_is_plural(words[-1][0]) or invariant_end and len(words) == len(lowered)
             or volume_end and words[-1][0].lower() in INVARIANT_UNIT_NOUNS)
            and words[-1][0].lower() not in TIME_UNIT_WORDS)):
        words.pop()  # "1.2 million bottles of infant formula" keeps its mass noun
    if not words or words[0][0].lower() in TIME_UNIT_WORDS:
        return None
    if singular and (len(words) < SINGULAR_MIN_WORDS or not named and not words[0][0][0].islower()
                     or any(w.lower() in TIME_UNIT_WORDS | MONTH_WORDS or w.lower().endswith(("'s", "’s"))
                            for w, _ in words)):
        return None  # "1 July", "1 hour's drive", "1 Huizhan Road": not a count of one thing
    last_word, last_start = words[-1]
    return last_start + len(last_word), " ".join(w for w, _ in words).lower()


@lru_cache(maxsize=4096)  # a pure test of one word, asked of the same words over and over
def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(("'s", "’s")):
        return False  # "1 hour's drive"
    if lower in PLURAL_NOUNS or ACRONYM_PLURAL_RE.fullmatch(word):
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(NOT_PLURAL_ENDINGS)


def _subject_before(before: str, qualifier: str | None = None) -> str | None:
    """The noun phrase a quantity is said of, from the text before it."""
    link = link_start(before)  # (the match ends at the end of `before`)
    of_link = -1 if link >= 0 else of_link_start(before)
    if link < 0 and of_link < 0:
        verb_object = verb_object_by(before)
        if verb_object:
            return _object_phrase(verb_object.group("object"))
        qualified = QUALIFIED_NP_TAIL.search(before) if qualifier is not None else None
        if qualified:
            # "enterprises with annual revenue above 1 billion yuan", ", and housing allowances up to 80,000 yuan"
            return _simple_phrase(qualified.group("np"))
        return None
    if of_link >= 0 and before.endswith(RECORD_ENDINGS, 0, of_link):
        record = RECORD_TAIL_RE.search(before, 0, of_link)
        if record is not None and link_start(before[:record.start()]) >= 0:
            # "the sea-rail volume hit a record high of 100,000 TEUs": what hit it, not the record
            return _subject_before(before[:record.start()], qualifier)
    # (a match of LINK_RE opens with "," or whitespace, its words hold no ",")
    region = _trim_region(before[:link if link >= 0 else of_link], apposition=link >= 0 and before[link] == ",")
    # "1,015 deals worth 1.9 billion"
    attached = of_link >= 0 or before[link:].strip(" ,").lower() == "worth"
    return _noun_phrase_before(region, stop_at_number=attached)


def _trim_region(region: str, apposition: bool = True) -> str:
    """Drop what sits between a subject and its verb: brackets, trailing places/times, ", which",
    and an apposition ("Retail imports through the bonded zone, Ningbo's main channel, totaled")."""
    if "(" in region or "（" in region:  # every bracket PARENTHESES_RE drops opens with one
        region = PARENTHESES_RE.sub("", region)
    region = RELATIVE_TAIL.sub("", region)
    region = DISCOURSE_TAIL.sub("", region)
    if region.endswith(PLACE_APPOSITION_NOUNS) and "," in region:
        region = _without_place_apposition(region)
    parts = region.rsplit(",", 1) if apposition else [region]
    if len(parts) == 2 and APPOSITION_RE.match(parts[1]) and parts[0].strip() \
            and not LEADING_ADVERBIAL_RE.match(parts[0].rsplit(",", 1)[-1]):
        region = parts[0]
    for _ in range(2):
        # (the time first: "by the end of June" is no place "of June")
        trimmed = REFERENCE_PP_TAIL.sub("", PLACE_PP_TAIL.sub("", TRAILING_TIME_TAIL.sub("", region)))
        # "the home sales amount from January (to November)", "... aged over 60 for the first time, taking up"
        # (a month's name is capitalized: the tuple is asked only after a capital opening the last word)
        space = trimmed.rfind(" ")
        if 0 <= space < len(trimmed) - 1 and 65 <= ord(trimmed[space + 1]) <= 90 \
                and trimmed.endswith(MONTH_TAIL_ENDINGS):
            trimmed = TRAILING_MONTH_RE.sub("", trimmed)
        elif trimmed.endswith(" time"):
            trimmed = FIRST_TIME_RE.sub("", trimmed)
        if trimmed == region:
            break  # nothing trailing was dropped: a second pass would drop nothing either
        region = trimmed
    return region


def _without_place_apposition(region: str) -> str:
    """ "the life expectancy of residents in Ningbo, East China's Zhejiang province": the place's apposition
    goes (the place before it is then a trailing place phrase), when a capitalized name stands before it."""
    match = PLACE_APPOSITION_RE.search(region)
    if match is None:
        return region
    kept = region[:match.start()]
    last = kept.rsplit(None, 1)[-1] if kept.strip() else ""
    return kept if last[:1].isupper() and _is_name(last) else region


def _object_phrase(text: str) -> str | None:
    """A verb's object as a subject: "the number of drivers needed" -> "number of drivers needed"."""
    words = [w for w in text.split() if w not in QUOTES]
    while words and words[0].lower() in NP_STOP_WORDS:
        words.pop(0)
    if not words or len(words) > NP_MAX_WORDS or any(w.lower() in UNIT_WORDS for w in words):
        return None
    return " ".join(words).lower()


# The words after which a past participle in a noun phrase modifies its noun ("of registered residents").
PARTICIPLE_LEFT_WORDS: Final = frozenset({"of", "for", "with"})
# Words a subject found before its verb does not start or end with ("of the city's ...", "... of the").
NP_LEADING_DROPPED: Final = NP_INNER_WORDS | NP_JOINER_WORDS | SUBJECT_DROP_LEADING | {"the", "from"}
NP_TRAILING_DROPPED: Final = NP_INNER_WORDS | {"the"}


# The last characters of a subject's region whose tokens _noun_phrase_before reads first: the phrase it
# reads back from the region's end (NP_MAX_WORDS words at most, or a run of names) mostly lies within
# them. Only when it would read one of the first NP_BEFORE_MARGIN of those tokens (or needs the region's
# first token) are all the region's tokens read.
NP_BEFORE_CHARS: Final = 64
POSSESSIVE_ENDINGS: Final = ("'s", "’s")
NP_BEFORE_MARGIN: Final = 2  # (it reads two tokens before the one it stands at, at most)


def _token_cut(text: str, at: int) -> int:
    """The position right after the first whitespace character at or after `at` (0 if none, or `at` <= 0):
    no token (WORD_RE) holds whitespace, so the tokens of text[cut:] are the last tokens of text."""
    if at <= 0:
        return 0
    end = len(text)
    while at < end and not text[at].isspace():  # (str.isspace: what re's \s matches)
        at += 1
    return at + 1 if at < end else 0


def _noun_phrase_before(region: str, stop_at_number: bool = False) -> str | None:
    """The noun phrase that ends `region` (the text before a link verb), read back from its last word."""
    cut = _token_cut(region, len(region) - NP_BEFORE_CHARS)
    if cut:
        try:
            return _noun_phrase_before_in(_tokens(region, cut), stop_at_number, complete=False)
        except _ReadMore:
            pass
    return _noun_phrase_before_in(_tokens(region), stop_at_number)


def _noun_phrase_before_in(tokens: list[str], stop_at_number: bool, complete: bool = True) -> str | None:
    """_noun_phrase_before from the region's tokens; complete=False: `tokens` are only its last tokens, and
    reading one of their first NP_BEFORE_MARGIN (where the tokens before them could change what is read:
    `index > 1` and the like) or the region's first token raises _ReadMore."""
    # the words as strings (findall makes no match objects); only their order matters here
    if not tokens:
        if not complete:
            raise _ReadMore
        return None
    words: list[str] = []
    index = len(tokens) - 1
    left = ""
    left_at = -1  # the index of the token `left` is the lowercase of (read back one token: the next `lower`)
    while index >= 0 or not complete:  # (a partial list is never read to its start: that raises)
        if index < NP_BEFORE_MARGIN and not complete:
            raise _ReadMore
        word = tokens[index]
        lower = left if left_at == index else word.lower()
        left = tokens[index - 1].lower() if index > 0 else ""
        left_at = index - 1
        possessive = lower.endswith(POSSESSIVE_ENDINGS)
        if lower == "the" and words and left in NP_THE_LEFT_WORDS:
            words.insert(0, word)  # "added value of the secondary industry", "trade with the EU"
            index -= 1
            continue
        if possessive and words and (left in {"of", "in", "for"} or left == "the" and index > 1
                                     and tokens[index - 2].lower() in {"of", "in", "for"}):
            index -= 1 if left != "the" else 2  # "added value of (the city's) core industries": the possessive drops
            continue
        if lower in NP_JOINER_WORDS:  # ("per capita income among urban residents")
            if words and left[:1].isalpha() and left not in NP_STOP_WORDS and left not in VERB_WORDS:
                words.insert(0, word)  # "retail imports through the bonded zone", "trade with the EU"
                index -= 1
                continue
            break
        if lower in NOUN_AFTER and left in NOUN_AFTER[lower]:
            words.insert(0, word)  # "industrial value added" (a noun here, not the verb)
            index -= 1
            continue
        if (not word[0].isalnum() or possessive or lower in NP_STOP_WORDS
                or lower in VERB_WORDS and not word.isupper()  # "LED lights" is not "led"
                and not (words and left in PARTICIPLE_LEFT_WORDS and lower.endswith("ed"))):
            # (but "life expectancy of registered residents": a participle after "of" modifies the noun)
            break
        if word[0].isdigit() and not MODEL_TOKEN_RE.fullmatch(word) and left != "of" and not (
                left == "the" and index > 1 and tokens[index - 2].lower() == "of"):  # "output value of the 595 ..."
            if stop_at_number:
                break  # "520 government scholarships of 30,000 yuan"
            return None  # the noun phrase belongs to another number ("with 300 employees, earned ...")
        if words and 65 <= ord(word[0]) <= 90 and lower in MONTH_WORDS:
            break  # "in January container throughput (in Ningbo Port) totaled": a time, not a name in the phrase
        if _is_name(word) and index != 0:
            # a run of names ("the Belt and Road") stays when a preposition joins it to the phrase
            run_start = index
            while run_start > 0 and (_is_name(tokens[run_start - 1]) or tokens[run_start - 1].lower()
                                     in NAME_RUN_WORDS and run_start > 1 and _is_name(tokens[run_start - 2])):
                run_start -= 1
                if run_start < NP_BEFORE_MARGIN and not complete:
                    raise _ReadMore
            if run_start > 0 and tokens[run_start - 1].lower() == "the":
                run_start -= 1
            joiner = tokens[run_start - 1].lower() if run_start > 0 else ""
            if not words and not joiner or joiner not in NP_NAME_LEFT_WORDS:
                break
            if joiner == "and" and not words and tokens[run_start].lower() == "the":
                break  # "ranks third globally and the Ningbo Shipping Index has risen to": "and the" opens a clause
                # (not after a noun read: "buildings from the Qing Dynasty and the Republic of China periods")
            words[:0] = tokens[run_start - 1:index + 1]  # the joiner too
            index = run_start - 2
            continue
        if lower.endswith("ed") and left in AUXILIARIES:
            break
        if lower == "and" and (not words or not left[:1].isalpha() or left in NP_STOP_WORDS):
            break
        words.insert(0, word)
        index -= 1
        if len(words) >= NP_MAX_WORDS:
            break
    while words and words[0].lower() in NP_LEADING_DROPPED:
        words.pop(0)
    while words and words[-1].lower() in NP_TRAILING_DROPPED:
        words.pop()
    if len(words) > 1 and words[-1].lower().endswith("ed") and _is_plural(words[-2]):
        words.pop()  # "technology contracts signed (in Ningbo) were worth ..."
    while words and words[-1][0].isdigit():  # "with a total of 182, ranking third": a number is not what is measured;
        words.pop()                          # "the output value of 2016 was ...": nor is the year
        while words and words[-1].lower() in NP_TRAILING_DROPPED:
            words.pop()
    if not words or any(w.lower() in UNIT_WORDS for w in words) or words[-1].lower().endswith("ed") and not (
            len(words) > 1 and words[-2].lower() in NOUN_AFTER.get(words[-1].lower(), ())):  # "value added"
        return None
    if all(_is_name(w) or w.lower() in NAME_RUN_WORDS for w in words):
        if len(words) == 1 and not complete:
            raise _ReadMore  # (whether it is the region's first token)
        if not (len(words) == 1 and tokens[0] == words[0] and _sentence_initial_common_noun(words[0])):
            return None  # "Ningbo ranked first": a place or organisation is not what is measured
    return " ".join(words).lower()


def _sentence_initial_common_noun(word: str) -> bool:
    """A capitalized first word ("Efficiency rose", "Exports fell") that the article never
    capitalizes mid-sentence is a common noun, not a name."""
    names = _MID_SENTENCE_NAMES.get()
    return _is_plural(word) or names is None or word not in names.words


def _is_name(word: str) -> bool:
    """_word_is_name(word), its cache asked only of a word that opens with a capital or a character beyond
    ASCII: most words open with a small letter or a digit, and an ASCII character is upper case (str.isupper,
    the test's first) only from "A" to "Z" (compiled, a call through lru_cache costs some 650 instructions)."""
    code = ord(word[0])
    return (code > 127 or 65 <= code <= 90) and _word_is_name(word)


@lru_cache(maxsize=4096)  # a pure test of one word, asked of the same words over and over
def _word_is_name(word: str) -> bool:
    """A capitalized word that is not an acronym (R&D, GDP and SMEs are not names)."""
    if not word[0].isupper() or "&" in word:
        return False
    letters = [c for c in word if c.isalpha()]
    return sum(1 for c in letters if c.isupper()) <= max(1, len(letters) // 2 - 1)


def is_generic_subject(subject: str) -> bool:
    """GENERIC_SUBJECT_RE.match(subject) is not None, the regex asked only of a subject opening with one of
    GENERIC_SUBJECT_HEADS (most open otherwise): a match that takes a character opens with one of its words,
    three letters or more; one that takes none is the whole of "" or of "\\n" ($ stands before a final newline)."""
    if len(subject) >= 3 and subject[:3] not in GENERIC_SUBJECT_HEADS:
        return False
    return GENERIC_SUBJECT_RE.match(subject) is not None


def _inherits(item: _Found, previous: _Found, gap: str) -> bool:
    """Whether `item` is said of the same thing as the quantity right before it in the sentence.

    "growth rate of" figures, and second quantities joined by "to", "up", "up from", "an
    increase of"... ("grew by 6.2% to 553.8 billion yuan"). Ranks are decided in _rank_subject.
    """
    if previous.subject is None:
        return False
    if item.subject is not None:
        return is_generic_subject(item.subject)
    if item.unit == previous.unit and ELIDED_SUBJECT_GAP_RE.match(gap):
        return True  # "exceeded 10 billion yuan in 2018, and is expected to reach 13 billion yuan"
    return item.unit != "count" and inherit_gap(gap)


def inherit_gap(gap: str) -> bool:
    """INHERIT_GAP_RE.match(gap) is not None, the regex (about 7k instructions a gap, more where it fails) asked
    only of a gap that can end as a match does. A match runs to the end of the gap (or to a final newline: `$`),
    and all it holds after its last word or mark is \\s, the whitespace str.rstrip strips; its part before
    " and " (the lookahead) never ends it, " and " must follow. So a gap whose last character but whitespace is
    an ASCII letter matches only if it ends with one of INHERIT_GAP_LAST_WORDS (the pattern is case-sensitive:
    all lowercase); any other gap is asked."""
    core = gap.rstrip()
    if core:
        last = ord(core[-1])
        if (97 <= last <= 122 or 65 <= last <= 90) and not core.endswith(INHERIT_GAP_LAST_WORDS):
            return False  # (a-z, A-Z)
    return INHERIT_GAP_RE.match(gap) is not None
