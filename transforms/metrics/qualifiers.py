"""Qualifier (approx / at_least / at_most) from the words before a number, and the kind
(level / change / share) and sign from the words around it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from transforms.fastre import SpacedOpening, TailPattern, opening_with
from transforms.metrics.numbers import _Found
from transforms.metrics.vocab import (
    CHANGE_AFTER_NOUNS,
    CHANGE_AFTER_RATE_WORDS,
    CHANGE_COMPARATIVES,
    CHANGE_NOUNS,
    CHANGE_OBJECT_VERB_STEMS,
    CHANGE_VERB_STEMS,
    CLOSING_DIRECTIONS,
    COMPARABLE_UNITS,
    COMPARISON_PERIODS,
    DECREASE_AFTER_NOUNS,
    DECREASE_COMPARATIVES,
    DECREASE_NOUNS,
    DECREASE_OBJECT_VERB_STEMS,
    DECREASE_VERB_FORMS,
    DECREASE_VERB_STEMS,
    FILLER_WORDS,
    GROWTH_AT_STEMS,
    GROWTH_RATE_BOUNDS,
    GROWTH_RATE_LINKS,
    HEDGE_WORDS,
    QUALIFIER_WORDS,
    SHARE_AFTER_NOUNS,
    SHARE_VERBS,
    words_pattern,
)

QUALIFIER_RE: Final = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{words_pattern(words)})" for name, words in QUALIFIER_WORDS.items()) + r")\s+$",
    re.IGNORECASE,
)
VERB_QUALIFIER_RE: Final = re.compile(r"^(?:exceed\w*|surpass\w*|to\s+top|topped|tops|topping|"
                                      r"(?:break|breaks|broke|breaking)\s+through)\s+$", re.IGNORECASE)
FILLER_RE: Final = re.compile(rf"(?:\b(?:{words_pattern(FILLER_WORDS)})\s+)+$", re.IGNORECASE)

CHANGE_BEFORE_RE: Final = re.compile(
    rf"(?:\b(?:{words_pattern(CHANGE_VERB_STEMS)})\w*(?:\s+\w+ly)?(?:\s+by)?(?:\s+an?\s+(?:average|total)\s+of)?"
    r"(?:\s+at\s+an?\s+(?:average\s+)?(?:annual\s+|yearly\s+)?(?:growth\s+)?rate\s+of)?|"
    r"(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)\bup(?:\s+by)?|\bdown(?:\s+by)?|"
    rf"\b(?:{words_pattern(CHANGE_NOUNS)})(?:\s+rate)?\s+of)\s*$",
    re.IGNORECASE,
)
# Decreases: a change after one of these is negative ("fell by 4.6%" -> -4.6).
DECREASE_BEFORE_RE: Final = re.compile(
    rf"(?:\b(?:{words_pattern(DECREASE_VERB_FORMS)}|(?:{words_pattern(DECREASE_VERB_STEMS)})\w*)"
    r"(?:\s+\w+ly)?(?:\s+by)?(?:\s+an?\s+(?:average|total)\s+of)?"
    rf"|\b(?:{words_pattern(DECREASE_NOUNS)})\s+of)\s*$",
    re.IGNORECASE,
)
DECREASE_VERB_OBJECT_RE: Final = re.compile(rf"^{words_pattern(DECREASE_OBJECT_VERB_STEMS)}", re.IGNORECASE)
_PERIODS: Final = words_pattern(COMPARISON_PERIODS)
# ("a 12% year-on-year decline", "a 25% month on month reduction": the comparison's name may stand between)
DECREASE_AFTER_RE: Final = re.compile(
    rf"^\s*(?:(?:{_PERIODS}[- ]on[- ]{_PERIODS}|yoy|y-o-y)\s+)?"
    rf"(?:{words_pattern(DECREASE_COMPARATIVES)}\s+(?:[\w-]+\s+){{0,3}}?than|below|"
    rf"(?:{words_pattern(CHANGE_AFTER_RATE_WORDS)}\s+)?{words_pattern(DECREASE_AFTER_NOUNS)}|"
    r"(?:down|lower)(?=\s*(?:[,;.)]|$)))\b",
    re.IGNORECASE,
)
# "the growth rate of industrial investment in June alone reached 31.9%", "Annual growth rate is 17.8%", "with the
# growth rate reaching 41.2%": a growth rate said to be the figure is a change (kind.growth_rate_is), read in the last
# GROWTH_RATE_IS_READ characters before it.
# (a hedge maybe, then the figure: "reached approximately 69.2%")
_HEDGED: Final = rf"(?:(?:{words_pattern((*HEDGE_WORDS, 'approximately'))})\s+)?"
GROWTH_RATE_IS_RE: Final = re.compile(
    r"\b(?:growth|increase)\s+rates?\b(?:"
    r"(?:\s+(?:of|in|for)\b[^,.;:%]{0,60}?)?\s+"
    rf"{words_pattern(GROWTH_RATE_LINKS)}\s+"
    rf"(?:(?:{words_pattern((*HEDGE_WORDS, *GROWTH_RATE_BOUNDS, 'approximately'))})\s+)?"
    # "posted growth rates of 16.5%, 13.5%, and 11.4%, respectively" (s009), "the increase rates of 4.6%" (s050)
    rf"|\s+of\s+{_HEDGED})$",
    re.IGNORECASE,
)
GROWTH_RATE_IS_READ: Final = 120
# "the percentage of sports wear products sales to total sales was approximately 69.2%" (tune_sites s200): a part named
# before its link verb makes the figure a share (kind.share_is), where the subject read keeps only "sales".
SHARE_IS_RE: Final = re.compile(
    r"\b(?:percentage|proportion|share)\s+of\b[^,;:%]{0,80}?\s+"
    rf"{words_pattern(GROWTH_RATE_LINKS)}\s+{_HEDGED}$",
    re.IGNORECASE,
)
GROWTH_AT_RE: Final = re.compile(
    rf"\b(?:{'|'.join(GROWTH_AT_STEMS)})\w*\s+at\s+{_HEDGED}$",
    re.IGNORECASE,
)
# "Sales of sports products were approximately RMB 8,560,723,000, down RMB 2,126,467,000 or 19.9% from ..." (tune_sites
# s199, metrics18): an amount set after a comma and "down" or "up" is the change of the one before (kind.apposed_move;
# a percentage's "down 19.9%" is a change already, _change_before).
APPOSED_MOVE_RE: Final = re.compile(r",\s*(?:down|up)\s+$", re.IGNORECASE)
# "24.5% and 11.2% respectively": the second of a list of changes.
LIST_GAP_RE: Final = re.compile(r"^\s*,?\s*(?:and|or)?\s*$", re.IGNORECASE)
# "High-tech manufacturing rose by 4.6%, and strategic emerging industries by 6.2%"
ELIDED_BY_RE: Final = re.compile(r"(?:,\s*|\band\s+)[\w\s'’&-]{1,60}?\s+by\s*$", re.IGNORECASE)
CHANGE_BY_RE: Final = re.compile(r"\b(?:by|of)\s*$", re.IGNORECASE)
# "raised efficiency by 20%", "cut the number of drivers needed by 70%": a change of the object.
VERB_OBJECT_BY_RE: Final = re.compile(
    rf"\b{words_pattern(CHANGE_OBJECT_VERB_STEMS)}\w*"
    r"\s+(?P<object>[\w\s&'’-]{1,60}?)\s+by\s*$",
    re.IGNORECASE,
)
# ("up 5% year-on-year", "a 1.3% quarter-on-quarter increase", "a 40 percent gain", "a 25% month on month reduction";
# "was 123.021 billion RMB, 16.6% up;", "80.433 billion RMB, 5.0% higher;": the direction word alone closing the clause)
CHANGE_AFTER_RE: Final = re.compile(
    rf"^\s*(?:{_PERIODS}[- ]on[- ]{_PERIODS}|yoy|y-o-y|"
    r"from\s+a\s+year\s+(?:earlier|ago)|over\s+the\s+same\s+period|"
    rf"compared\s+with|{words_pattern(CHANGE_COMPARATIVES)}"
    rf"\s+(?:[\w-]+\s+){{0,3}}?than|(?:{words_pattern(CHANGE_AFTER_RATE_WORDS)}\s+)?{words_pattern(CHANGE_AFTER_NOUNS)}|"
    r"(?:below|above)\s+(?:last\s+year|the\s+same\s+period|"
    rf"a\s+year\s+(?:earlier|ago)|the\s+level\s+of)|{words_pattern(CLOSING_DIRECTIONS)}(?=\s*(?:[,;.)]|$)))\b",
    re.IGNORECASE,
)


# The most last words a WordTail reads (its `count`), and the last text asked about with its last
# words split off: the tails are asked about the same text (the same string object) several in a row
# (the text before a number: qualifier, kind and subject tails; a subject's region: its trims).
WORD_TAIL_READ: Final = 3


class _LastWords:
    """The last text asked about with its last words, as one tuple (replaced whole: never a text with another's
    words), in an attribute of a module constant: compiled, a module variable is read from the module's dict
    and written into it (several hundred instructions a write), a Final object's attribute directly."""

    def __init__(self) -> None:
        self.last: tuple[str, list[str]] = ("", [])


_LAST_WORDS: Final = _LastWords()


def trailing_words(text: str) -> list[str]:
    """text.rsplit(None, WORD_TAIL_READ), remembered for the last text asked about."""
    remembered = _LAST_WORDS
    last_text, words = remembered.last
    if last_text is not text:
        words = text.rsplit(None, WORD_TAIL_READ)
        remembered.last = (text, words)
    return words


# What a WordTail's last word alone tells: it may end a match, it ends none, the words before it tell.
_MAY: Final = object()
_NOT: Final = object()
_FURTHER: Final = object()
VERDICTS_KEPT = 4096


class WordTail(TailPattern):
    """A TailPattern first asked of the text's last words (string tests instead of a regex search).

    The text's words here are its runs of non-whitespace (str.split: its whitespace is re's \\s).
    Every match of the pattern ends with one of `phrases` (words_pattern phrases: a space in one
    matches a whitespace run), then nothing but whitespace to the end of the text (`spaced`: at
    least one whitespace character). So unless the text's last word is the phrase's last word (or,
    for a phrase of one word, ends with it: "\\b" may stand inside a word) and, for a longer phrase,
    the word before it ends with the phrase's word before that, in any case, there is no match.
    Patterns that end otherwise also say:
    `capitalized`: a last word that opens with an ASCII capital may end a match (a case-sensitive
    pattern ending in a name, "[A-Z]\\w*");
    `near`: (words, n): a match may end with any last word if one of the n words before it is one of
    `words` ("of the year", "among these enterprises");
    `whole`: a one-word phrase is the whole last word (the pattern has whitespace before each);
    `trailing` (with `whole`): (last, inner): a match may end with its phrase, then whole words of `last`
    or `inner`, the last of them of `last` (a verb, then "by", "to", "at an average rate of"): a last word
    of `last` sends the reading back over the words before it, past those of either, to the first that is
    of neither, which must be a phrase (or not ASCII, or beyond the last WORD_TAIL_READ words: then the
    pattern decides).
    Words that are not ASCII are always searched (IGNORECASE matches "ſ" for "s")."""

    def __init__(self, pattern: re.Pattern[str], phrases: Iterable[str] = (), spaced: bool = False,
                 capitalized: bool = False, near: tuple[Iterable[str], int] | None = None, whole: bool = False,
                 gate: re.Pattern[str] | None = None,
                 match_words: tuple[frozenset[str], tuple[str, ...]] | None = None, ask_reversed: bool = True,
                 trailing: tuple[Iterable[str], Iterable[str]] = ((), ())) -> None:
        super().__init__(pattern, gate=gate, match_words=match_words, ask_reversed=ask_reversed)
        split = {tuple(phrase.lower().split()) for phrase in phrases}
        # one-word phrases: the last word ends with one; longer ones: their last word -> the words before it
        self.endings = tuple(sorted(words[0] for words in split if len(words) == 1))
        self.whole = frozenset(self.endings) if whole else None
        self.longer: dict[str, tuple[str, ...]] = {
            last: tuple(sorted({words[-2] for words in split if len(words) > 1 and words[-1] == last}))
            for last in {words[-1] for words in split if len(words) > 1}}
        self.spaced = spaced
        self.capitalized = capitalized
        self.near_words = frozenset(word.lower() for word in near[0]) if near else frozenset()
        self.near_count = near[1] if near else 0
        self.trailing_last = frozenset(word.lower() for word in trailing[0])
        self.trailing = self.trailing_last | {word.lower() for word in trailing[1]}
        if self.trailing and (self.whole is None or self.longer or self.near_count):
            raise ValueError(f"trailing words are read back to a whole one-word phrase only: {pattern.pattern!r}")
        # the last words it reads (trailing words: as many as are split off)
        self.count = WORD_TAIL_READ if self.trailing else max(2 if self.longer else 1, self.near_count + 1)
        self._verdicts: dict[str, object] = {}  # last word -> _last_word_verdict
        self._near_verdicts: dict[str, bool] = {}  # word before the last -> _is_near_word
        if self.count > WORD_TAIL_READ:
            raise ValueError(f"a WordTail reads {WORD_TAIL_READ} last words at most: {pattern.pattern!r}")

    def may_match(self, text: str) -> bool:
        """False if the pattern cannot match `text` (its last words end no match)."""
        if self.spaced and not text[-1:].isspace():
            return False
        # (the first may be the rest of the text: it ends with a word; it is never read as one of the
        # `count` last words, which are those of text.rsplit(None, count) whatever more are split off)
        words = trailing_words(text)
        if not words:
            return True  # nothing but whitespace: the pattern decides
        word = words[-1]
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._last_word_verdict(word)
        if verdict is not _FURTHER:
            return verdict is _MAY
        before = self.longer.get(word.lower())
        if before is not None and len(words) > 1 and (not words[-2].isascii() or words[-2].lower().endswith(before)):
            return True
        if self.near_count:
            # (words[-1 - near_count:-1] by index, no list sliced off: near_count < WORD_TAIL_READ, so never
            # the rest of the text)
            for index in range(max(len(words) - 1 - self.near_count, 0), len(words) - 1):
                if self._is_near_word(words[index]):
                    return True
        if self.trailing:  # (the last word is of `last`, and no phrase: back over the words before it)
            assert self.whole is not None
            # (with WORD_TAIL_READ words split off, the first part is the text before them: not a word)
            for index in range(len(words) - 2, 0 if len(words) > WORD_TAIL_READ else -1, -1):
                earlier = words[index]
                if not earlier.isascii():
                    return True
                lower = earlier.lower()
                if lower in self.whole:
                    return True
                if lower not in self.trailing:
                    return False
            return True  # (trailing words as far as it read: the pattern decides)
        return False

    def _last_word_verdict(self, word: str) -> object:
        """What the last word alone tells (_MAY: it may end a match; _NOT: no match; _FURTHER: the words
        before it tell), remembered for the word as written (a pure test of one word, asked of the same
        few hundred words over and over; forgotten all at once past VERDICTS_KEPT words)."""
        if not word.isascii():
            verdict = _MAY
        else:
            last = word.lower()
            if (last in self.whole if self.whole is not None else last.endswith(self.endings)) \
                    or self.capitalized and "A" <= word[0] <= "Z":
                verdict = _MAY
            else:
                verdict = _FURTHER if last in self.longer or self.near_count or last in self.trailing_last else _NOT
        if len(self._verdicts) >= VERDICTS_KEPT:
            self._verdicts.clear()
        self._verdicts[word] = verdict
        return verdict

    def _is_near_word(self, word: str) -> bool:
        """A word before the last that lets a match end with any last word (`near`; not ASCII: always),
        remembered for the word as written (one dict lookup instead of isascii, lower and a set lookup; the
        same few hundred words again and again; forgotten all at once past VERDICTS_KEPT words)."""
        near = self._near_verdicts.get(word)
        if near is None:
            near = not word.isascii() or word.lower() in self.near_words
            if len(self._near_verdicts) >= VERDICTS_KEPT:
                self._near_verdicts.clear()
            self._near_verdicts[word] = near
        return near

    def search(self, text: str) -> re.Match[str] | None:
        """pattern.search(text)."""
        return super().search(text) if self.may_match(text) else None

    def has_match(self, text: str) -> bool:
        """pattern.search(text) is not None."""
        return self.may_match(text) and super().has_match(text)

    def find(self, text: str) -> re.Match[str] | None:
        """TailPattern.find: a match with pattern.search(text)'s span, its groups maybe lowercased."""
        return super().find(text) if self.may_match(text) else None

    def sub(self, repl: str, text: str) -> str:
        """pattern.sub(repl, text) for a literal `repl`."""
        return super().sub(repl, text) if self.may_match(text) else text


def last_words(phrases: Iterable[str]) -> set[str]:
    """The last word of each phrase, lowercase (a match of a words_pattern of them ends with one)."""
    return {phrase.split()[-1].lower() for phrase in phrases}


# The same patterns, searched only where a match can be: in the last words of the text.
FILLER_TAIL: Final = WordTail(FILLER_RE, FILLER_WORDS, spaced=True,
                              gate=re.compile(rf"\b(?:{words_pattern(FILLER_WORDS)})\s+$", re.IGNORECASE))
QUALIFIER_TAIL: Final = WordTail(QUALIFIER_RE, (w for words in QUALIFIER_WORDS.values() for w in words), spaced=True,
                                 ask_reversed=False)
# Every match of CHANGE_BEFORE_RE ends with a change word, an -ly adverb, "by", "up", "down" or "of";
# it is a first word (a change verb or noun, "up", "down", maybe the end of a longer word), then whole
# words of CHANGE_TRAILING_WORDS and -ly adverbs: the search window is the text's last such words and
# the word before them.
CHANGE_TRAILING_WORDS: Final = frozenset("by an a average total of at annual yearly growth rate".split())
# (searched behind a lookahead of its first letters: a change verb's or noun's, "up", "down")
CHANGE_FIRST_LETTERS: Final = "".join(sorted({word[0] for word in CHANGE_VERB_STEMS + CHANGE_NOUNS + ("up", "down")}))
# (No gate: it is searched only in a text that ends in one of those, _long_end tells.)
CHANGE_BEFORE_TAIL: Final = TailPattern(opening_with(CHANGE_BEFORE_RE, CHANGE_FIRST_LETTERS),
                                        match_words=(CHANGE_TRAILING_WORDS, ("ly",)))
# A text that does not end in "by", "of", "up", "down" or an -ly adverb matches CHANGE_BEFORE_RE only
# with its last word (a change verb): that is all there is to look at. _long_end tells it from the string.
CHANGE_LONG_END_RE: Final = re.compile(r"(?:\s\w+ly|\sby|\bup|\bdown|\sof)\s*$", re.IGNORECASE)
CHANGE_WORD_RE: Final = re.compile(rf"\b(?:{words_pattern(CHANGE_VERB_STEMS)})\w*\s*$", re.IGNORECASE)
CHANGE_WORD_TAIL: Final = TailPattern(opening_with(CHANGE_WORD_RE,
                                      "".join(sorted({stem[0] for stem in CHANGE_VERB_STEMS}))))
# A decrease word (maybe the end of a longer word), then whole words of these and -ly adverbs (as above).
DECREASE_TRAILING_WORDS: Final = frozenset("by an a average total of".split())
DECREASE_BEFORE_TAIL: Final = TailPattern(
    opening_with(DECREASE_BEFORE_RE,
                 "".join(sorted({word[0] for word in DECREASE_VERB_FORMS + DECREASE_VERB_STEMS + DECREASE_NOUNS}))),
    match_words=(DECREASE_TRAILING_WORDS, ("ly",)))
ELIDED_BY_TAIL: Final = TailPattern(ELIDED_BY_RE)
CHANGE_BY_TAIL: Final = WordTail(CHANGE_BY_RE, ("by", "of"), ask_reversed=False)
# (behind a lookahead of the verbs' first letters; no gate: verb_object_by tests the " by" ending first)
VERB_OBJECT_BY_OPENING: Final = opening_with(VERB_OBJECT_BY_RE, "bcdeilrs")
# The characters other than re's \w and \s a match of VERB_OBJECT_BY_RE holds (its object's class [\w\s&'’-]).
VERB_OBJECT_MARKS: Final = "&'’-"


def verb_object_bound(text: str) -> int:
    """Where the text's last run of the characters of [\\w\\s&'’-] (\\w: str.isalnum() or "_", \\s: str.isspace())
    starts: every match of VERB_OBJECT_BY_RE is made of them (its verb \\w, its object of the class, then
    whitespace and "by", its \\b zero-width) and ends at the end of the text, so it starts there or later."""
    start = len(text)
    while start > 0:
        code = ord(text[start - 1])  # (an ASCII character by its code: [A-Za-z0-9_ ]; the methods beyond it)
        if not (97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 32 or code == 95):
            char = text[start - 1]
            if not (char.isalnum() or char.isspace() or char in VERB_OBJECT_MARKS):
                break
        start -= 1
    return start


class _LastVerbObject:
    """The last text verb_object_by searched, with what it found (as _LastWords: one tuple, replaced whole)."""

    def __init__(self) -> None:
        self.last: tuple[str, re.Match[str] | None] = ("", None)  # (verb_object_by("") is None)


_LAST_VERB_OBJECT: Final = _LastVerbObject()


def verb_object_by(before: str) -> re.Match[str] | None:
    """VERB_OBJECT_BY_RE.search(before), searched from verb_object_bound (its \\b reads the character before
    the position a search starts at), with its gate (" by" at the end, any case: every match of
    VERB_OBJECT_BY_RE ends so) tested on the string itself: most texts before a number do not end in "by",
    and this is told without a search. The kind, the sign and the subject of a quantity each ask it about
    the same text (the same string object) in a row: the last text searched is answered without a search."""
    end = len(before)
    while end > 0 and before[end - 1].isspace():
        end -= 1
    # ("b" or "B", "y" or "Y" by the code's small-letter bit: no other character lowercases to either)
    if end < 3 or ord(before[end - 1]) | 32 != 121 or ord(before[end - 2]) | 32 != 98 or not before[end - 3].isspace():
        return None
    remembered = _LAST_VERB_OBJECT
    last_text, found = remembered.last
    if last_text is not before:
        found = VERB_OBJECT_BY_OPENING.search(before, verb_object_bound(before))
        remembered.last = (before, found)
    return found


# ... and a subject that ends in the share word ("The industry proportion was 5.7%, 57.0% and 37.3% respectively",
# tune_sites s208; "market share").
SHARE_SUBJECT_RE: Final = re.compile(r"^(?:share|proportion|percentage|portion)\s+of\b|\b(?:share|proportion)$")
SHARE_BEFORE_RE: Final = re.compile(
    rf"\b(?:{words_pattern(SHARE_VERBS)})\s*$",
    re.IGNORECASE,
)
# "..., or 72.4% of the city's exports"
SHARE_OR_RE: Final = re.compile(r"[,;(（]\s*or\s*$", re.IGNORECASE)  # (and "286 million (or 45%)": s058)
SHARE_BEFORE_TAIL: Final = WordTail(SHARE_BEFORE_RE, SHARE_VERBS, ask_reversed=False)
SHARE_OR_TAIL: Final = WordTail(SHARE_OR_RE, ("or",))
# "58.3% of the foreign capital", "62% of buyers": a percent of something is a share of it
# (not "of the same period/last year", which compares).
SHARE_AFTER_RE: Final = re.compile(
    r"^\s*of\s+(?!(?:the\s+)?(?:same|previous|last|this|next)\s+(?:period|year|month|quarter)\b)"
    r"(?:the\s+)?[\w'’&-]", re.IGNORECASE
)


# (the patterns read after a number, tried only where its first word may open a match: SpacedOpening)
CHANGE_AFTER_OPENING: Final = SpacedOpening(CHANGE_AFTER_RE)
DECREASE_AFTER_OPENING: Final = SpacedOpening(DECREASE_AFTER_RE)
SHARE_AFTER_OPENING: Final = SpacedOpening(SHARE_AFTER_RE)
SHARE_NOUN_AFTER_RE: Final = re.compile(rf"^\s*(?:-\s*)?{words_pattern(SHARE_AFTER_NOUNS)}\b", re.IGNORECASE)
SHARE_NOUN_AFTER_OPENING: Final = SpacedOpening(SHARE_NOUN_AFTER_RE)
# The gap between a share and a percentage listed after it with a scope of its own ("takes up 80% of Ningbo and 21.4%
# in Zhejiang Province", s060; "a 11.46% market share in Ningbo City and 3.99% in Zhejiang Province", s124).
SHARE_SCOPE_GAP_RE: Final = re.compile(r"^(?:\s+[a-z][\w-]*){0,2}?\s+(?:of|in)\s+[^,;.%\d]{1,40}?,?\s+and\s+$")
SHARE_SCOPE_AFTER_RE: Final = re.compile(r"^\s+(?:of|in)\s")


def _qualifier(before: str) -> tuple[str | None, str]:
    """(qualifier, the text before the qualifier with filler words like "only" removed).

    A qualifier that is itself the verb ("exceeded", "surpassed") leaves " is " in its
    place, so the subject before it is still found ("GDP exceeded 20,000 US dollars").
    """
    core = FILLER_TAIL.sub("", before)
    # (find: the match found on the lowercased text is not taken again from `core`; its span and lastgroup are
    # the search's, and its text, lowercased, is what VERB_QUALIFIER_RE, IGNORECASE and foldable, reads alike)
    match = QUALIFIER_TAIL.find(core)
    if not match:
        return None, core
    rest = FILLER_TAIL.sub("", core[: match.start()])
    if VERB_QUALIFIER_RE.match(match.group()):
        rest = rest.rstrip() + " is "
    return match.lastgroup, rest


def _is_word_char(char: str) -> bool:
    """Whether re's \\w matches `char` (a str pattern's: alphanumeric or "_")."""
    return char.isalnum() or char == "_"


def _long_end(before: str) -> bool:
    """CHANGE_LONG_END_RE.search(before) is not None, told from the string: after its trailing whitespace
    (\\s*$) it ends in whitespace and "by", "of" or a run of word characters ending in "ly" (three at
    least), or in "up" or "down" with no word character right before (\\b). (No letter of these has
    another character IGNORECASE takes for it, and none lowercases to one: lower() compares exactly.)"""
    end = before.rstrip()
    tail = end[-2:].lower()
    if tail in ("by", "of"):
        return end[-3:-2].isspace()
    if tail == "up" or tail == "wn" and end[-4:].lower() == "down":
        cut = len(end) - len(tail if tail == "up" else "down")
        return cut == 0 or not _is_word_char(end[cut - 1])
    if tail != "ly":
        return False
    start = len(end)
    while start > 0 and _is_word_char(end[start - 1]):
        start -= 1
    return len(end) - start >= 3 and start > 0 and end[start - 1].isspace()


def _holds_part(word: str, parts: tuple[str, ...]) -> bool:
    """Whether one of `parts` occurs in `word`."""
    for part in parts:
        if part in word:
            return True
    return False


def _previous_word(words: list[str]) -> str | None:
    """The word before the last of trailing_words(text) (None if none: then the text has one word)."""
    return words[-2] if len(words) > 1 else None  # (only the first part can be more than a word)


def _change_before(before: str) -> bool:
    """CHANGE_BEFORE_RE.search(before) is not None (where the text ends in "by", "of", "up", "down" or an -ly
    adverb, which _long_end tells without a search, read off its last words by _change_read, else or where that
    cannot tell CHANGE_BEFORE_TAIL; CHANGE_WORD_TAIL for the other texts where the last word allows a match)."""
    if not _long_end(before):
        # its matches: a change verb's stem, word characters to the end of the last word (a stem holds no space)
        words = trailing_words(before)
        if words and words[-1].isascii() and not _holds_part(words[-1].lower(), CHANGE_VERB_STEMS):
            return False  # ("ſ" and the Kelvin sign match "s" and "k": a word that is not ASCII is searched)
        return CHANGE_WORD_TAIL.has_match(before)
    read = _change_read(trailing_words(before), before)
    return CHANGE_BEFORE_TAIL.has_match(before) if read is None else read


# CHANGE_BEFORE_RE read by words (_change_read). Each of its matches ends at the end of the text (then only
# whitespace) with a run of word characters ending its chunk (a run of non-whitespace), after \b: the run is
# the chunk's whole last run of word characters. Its four alternatives, read from the end, are: "by" maybe,
# then a chunk whose run is "up" or "down" ("up" refused after "made", "make", "makes" or "making" and one
# whitespace character: a lookbehind); "of", maybe "rate", then a chunk whose run is a change noun; or maybe
# "at an? (average)? (annual|yearly)? (growth)? rate of", maybe "an? (average|total) of", maybe "by", maybe
# an -ly word (word characters, the last two "ly"), then a chunk whose run opens with a change verb's stem (\w*
# after it). Every word but the run's chunk is a whole chunk (whitespace before and after it).
CHANGE_NOUN_SET: Final = frozenset(CHANGE_NOUNS)
UP_REFUSED_AFTER: Final = ("made", "make", "makes", "making")
RATE_OF_INNER_WORDS: Final = frozenset(("growth", "annual", "yearly", "average", "a", "an"))


def _word_run(chunk: str) -> str:
    """The run of word characters (re's \\w) that ends `chunk` ("" if none)."""
    start = len(chunk)
    while start > 0 and _is_word_char(chunk[start - 1]):
        start -= 1
    return chunk[start:]


def _chunk_back(lowered: list[str], index: int, more: bool) -> str | None:
    """The text's chunk `index` chunks from its last (lowercase; `lowered`: those read, the last first), "" where
    the text has no more, None where it has more than were read."""
    if index < len(lowered):
        return lowered[index]
    return None if more else ""


def _change_read(words: list[str], text: str) -> bool | None:
    """CHANGE_BEFORE_RE.search(text) is not None, read off the text's last chunks (`words`: trailing_words(text),
    its last WORD_TAIL_READ chunks and the rest), or None where the reading needs a chunk of the rest or one read
    is not ASCII (IGNORECASE takes "ſ" for "s" and the Kelvin sign for "k", \\w more than [A-Za-z0-9_]): the
    regex then decides. An ASCII chunk is read in lowercase: no other ASCII character is any of its letters in
    IGNORECASE."""
    read = words[1:] if len(words) > WORD_TAIL_READ else words
    more = len(read) < len(words)
    if not read:
        return False  # (only whitespace: no match)
    if not text.isascii():
        for word in read:
            if not word.isascii():
                return None
    lowered = [word.lower() for word in reversed(read)]
    undecided = False
    last = lowered[0]
    # "up" or "down", maybe "by" after it
    at = 1 if last == "by" else 0
    chunk = _chunk_back(lowered, at, more)
    if chunk is None:
        undecided = True
    else:
        run = _word_run(chunk)
        if run == "down":
            return True
        if run == "up":
            if len(run) < len(chunk):
                return True  # (a mark right before it, not whitespace: no lookbehind refuses it)
            earlier = _chunk_back(lowered, at + 1, more)
            if earlier is None or earlier.endswith(UP_REFUSED_AFTER):
                undecided = True  # (refused only after one whitespace character: the regex tells)
            else:
                return True
    if last == "of":
        # a change noun, maybe "rate", then "of"
        for at in (1, 2):
            chunk = _chunk_back(lowered, at, more)
            if chunk is None:
                undecided = True
                break
            if _word_run(chunk) in CHANGE_NOUN_SET:
                return True
            if chunk != "rate":
                break
        # a verb before "an? (average|total) of" or "at ... rate of": four chunks at least, three read
        if more and (lowered[1] in ("average", "total") and lowered[2] in ("a", "an")
                     or lowered[1] == "rate" and lowered[2] in RATE_OF_INNER_WORDS):
            undecided = True
        return None if undecided else False
    # a verb, maybe an -ly word, maybe "by"
    at = 1 if last == "by" else 0
    for index in (at, at + 1):
        chunk = _chunk_back(lowered, index, more)
        if chunk is None:
            undecided = True
            break
        run = _word_run(chunk)
        if run.startswith(CHANGE_VERB_STEMS):
            return True
        if index > at or not (len(chunk) > 2 and chunk.endswith("ly") and len(run) == len(chunk)):
            break
    return None if undecided else False


def _decrease_verb_end(word: str) -> bool:
    """Whether the lowercase ASCII word can end with DECREASE_BEFORE_RE's verb: it ends with a decrease verb
    form or holds a stem (then word characters to its end)."""
    return word.endswith(DECREASE_VERB_FORMS) or _holds_part(word, DECREASE_VERB_STEMS)


def _decrease_before(before: str) -> bool:
    """DECREASE_BEFORE_RE.search(before) is not None, searched only where the last words allow a match:
    every match ends with a decrease verb ("fell", "declin..."), an -ly adverb after one, "by" after
    either, or "of" after "average"/"total" or a decrease noun ("a decline of"), the trailing ones whole
    words after whitespace. An ASCII word is told by its lowercase (the pattern's letters are ASCII, and
    none takes another ASCII character in IGNORECASE); a word that is not ASCII is left to the search."""
    words = trailing_words(before)
    if words and words[-1].isascii():
        last = words[-1].lower()
        if not _decrease_verb_end(last):
            previous = _previous_word(words)
            if previous is None:
                return False
            if previous.isascii():
                word = previous.lower()
                if last == "of":
                    allowed = word in ("average", "total") or word.endswith(DECREASE_NOUNS)
                elif last == "by":
                    allowed = word.endswith("ly") or _decrease_verb_end(word)
                else:
                    allowed = last.endswith("ly") and _decrease_verb_end(word)
                if not allowed:
                    return False
            elif not (last in ("of", "by") or last.endswith("ly")):
                return False
    return DECREASE_BEFORE_TAIL.has_match(before)


def _kind(unit: str, before: str, after: str) -> tuple[str, str]:
    """(kind, id of the rule that decided it)."""
    if unit == "percent":
        share_verb = SHARE_BEFORE_TAIL.search(before)
        if share_verb and share_verb.group().split()[-1].lower() == "up":
            return "share", "kind.share_words_before"  # "taking up 31.46%": not the change word "up"
        if _change_before(before):
            return "change", "kind.change_words_before"
        if CHANGE_AFTER_OPENING.match(after):
            return "change", "kind.change_words_after"
        tail = before[-GROWTH_RATE_IS_READ:]
        if "rate" in tail and GROWTH_RATE_IS_RE.search(tail):
            return "change", "kind.growth_rate_is"
        if " at " in before[-24:] and GROWTH_AT_RE.search(before[-60:]):
            return "change", "kind.growth_at"  # "has been growing at 8.1 percent annually"
        if " of " in tail and ("ercentage" in tail or "roportion" in tail or "hare" in tail) \
                and SHARE_IS_RE.search(tail):
            return "share", "kind.share_is"  # "the percentage of ... sales to total sales was approximately 69.2%"
        if share_verb:
            return "share", "kind.share_words_before"
        if SHARE_AFTER_OPENING.match(after):
            return "share", "kind.share_of_after"
        if SHARE_NOUN_AFTER_OPENING.match(after):
            return "share", "kind.share_noun_after"  # "a 15.1pc stake", "100% controlled by"
    if verb_object_by(before):
        return "change", "kind.verb_object_by"
    if unit != "percent" and (CHANGE_BY_TAIL.has_match(before) and _change_before(before)
                              or unit in COMPARABLE_UNITS and CHANGE_AFTER_OPENING.match(after)):
        return "change", "kind.change_by"
    if unit in COMPARABLE_UNITS and before.endswith(" ") and APPOSED_MOVE_RE.search(before, len(before) - 8):
        return "change", "kind.apposed_move"  # "were approximately RMB 8,560,723,000, down RMB 2,126,467,000"
    return "level", "kind.level_default"


def _continues_change(previous: _Found, item: _Found, para: str, before: str) -> bool:
    """A quantity listed right after a change, or elided "and X by N%", is a change too."""
    if item.unit != previous.unit:
        return False
    return bool(LIST_GAP_RE.match(para[previous.end:item.start]) or ELIDED_BY_TAIL.has_match(before))


def _is_decrease(before: str, after: str) -> bool:
    """A change said to go down ("fell by", "a decline of", "cut ... by", "lower than")."""
    if _decrease_before(before) or DECREASE_AFTER_OPENING.match(after):
        return True
    verb_object = verb_object_by(before)
    return bool(verb_object and DECREASE_VERB_OBJECT_RE.match(verb_object.group()))
