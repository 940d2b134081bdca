"""Regex searches that touch less text, with exactly the results of the plain calls.

Most rules look at the words right before a number with a pattern anchored at the end
("... rose by $", "about $"). `pattern.search(before)` tries every position of `before`
(a pattern that opens with \\b or a lookbehind gets no first-character skip), so the cost
grew with the sentence, for a match that can only sit in its last few words.

`TailPattern` knows, from the parsed pattern, how many whitespace runs a match can hold at
most (T); a match ending at the end of the string then starts after the (T+2)-th
whitespace run from the end, and the search starts there. A search from `pos` still sees
the text before `pos` (\\b and lookbehinds), so the result is the one of the plain search:
the same leftmost match. Patterns whose matches can hold any number of whitespace runs
(an unbounded repeat of something that matches a space) keep the plain search.

`opening_with` puts a pattern behind a lookahead of the characters its every match opens with, so
the engine fails at once where another character stands (it still tries every position: Python's re
jumps ahead only to a leading literal or character class). `LeadScan` searches such a pattern through a
twin that opens with the character class itself, so the engine does jump from one such character to
the next (worth it where they are rare: capitals, digits, currency marks).

`matches_from_starts` is `finditer` for patterns whose every match starts at a known kind of
position (the start of a digit run, of a month name): only those positions are tried;
`iter_from_unclaimed_starts` leaves out the starts inside spans already claimed (their matches could
never be taken) unless a later start needs to know where their match ends.

`reversed_pattern`: a tail pattern written backwards, matched once at the start of the reversed
text, tells whether the pattern has a match at all, in one anchored attempt instead of a scan.

`case_folded` and `folded_text`: an IGNORECASE pattern tries every position two to three times
slower than the same pattern without the flag. For a pattern with no uppercase letter, the plain
pattern on `text.lower()` matches exactly where the IGNORECASE one matches `text`, with the same
spans, whenever `folded_text` gives a lowercase text (same length, none of the few characters that
IGNORECASE equates with an ASCII letter but str.lower() leaves alone): the position is found on the
lowercase text and the match itself is then taken, at that position, from `text`.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Final

from transforms.pagere import first_chars

UNBOUNDED: Final = None
_WHITESPACE_ONLY_CATEGORIES: Final = {sre_c.CATEGORY_SPACE, sre_c.CATEGORY_UNI_SPACE}
_NO_WHITESPACE_CATEGORIES: Final = {sre_c.CATEGORY_DIGIT, sre_c.CATEGORY_WORD, sre_c.CATEGORY_NOT_SPACE,
                                    sre_c.CATEGORY_UNI_DIGIT, sre_c.CATEGORY_UNI_WORD, sre_c.CATEGORY_UNI_NOT_SPACE}
_REPEATS: Final = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", sre_c.MAX_REPEAT)}


def _set_whitespace(items: list[tuple[Any, Any]]) -> tuple[bool, bool]:
    """(may match whitespace, matches only whitespace) for the items of a character set."""
    may, only = False, True
    for op, av in items:
        if op is sre_c.NEGATE:
            return True, False
        if op is sre_c.LITERAL:
            space = chr(av).isspace()
        elif op is sre_c.RANGE:
            space = any(chr(c).isspace() for c in range(av[0], av[1] + 1))
            only = False if not all(chr(c).isspace() for c in range(av[0], av[1] + 1)) else only
        elif op is sre_c.CATEGORY and av in _WHITESPACE_ONLY_CATEGORIES:
            space = True
        elif op is sre_c.CATEGORY and av in _NO_WHITESPACE_CATEGORIES:
            space = False
        else:  # a category or set this module does not know: assume the worst
            return True, False
        may = may or space
        only = only and space
    return may, only


def _single_char(op: Any, av: Any) -> tuple[bool, bool] | None:
    """(may match whitespace, only whitespace) if (op, av) matches exactly one character."""
    if op is sre_c.LITERAL:
        return chr(av).isspace(), chr(av).isspace()
    if op is sre_c.NOT_LITERAL or op is sre_c.ANY:
        return True, False
    if op is sre_c.IN:
        return _set_whitespace(av)
    if op is sre_c.CATEGORY:
        return _set_whitespace([(op, av)])
    return None


def whitespace_runs(items: Iterable[tuple[Any, Any]]) -> int | None:
    """An upper bound of the whitespace runs one match of the parsed pattern holds (None: no bound)."""
    total = 0
    for op, av in items:
        single = _single_char(op, av)
        runs: int | None
        if single is not None:
            runs = 1 if single[0] else 0
        elif op is sre_c.AT or op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
            runs = 0  # zero width (a lookbehind reads text before the start, which a search from pos still sees)
        elif op is sre_c.SUBPATTERN:
            runs = whitespace_runs(av[-1])
        elif op is sre_c.BRANCH:
            branch_runs = [whitespace_runs(branch) for branch in av[1]]
            runs = None if any(r is None for r in branch_runs) else max(r for r in branch_runs if r is not None)
        elif op in _REPEATS:
            low, high, sub = av
            inner = whitespace_runs(sub)
            if inner is None:
                return None
            if inner == 0:
                runs = 0
            elif high != sre_c.MAXREPEAT:
                one = _single_char(*sub[0]) if len(sub) == 1 else None
                # one character at a time: runs are separated by at least one other character
                runs = (high + 1) // 2 if one is not None and not one[1] else inner * high
            else:
                only = _single_char(*sub[0]) if len(sub) == 1 else None
                if only is None or not only[1]:
                    return None  # any number of spaced words
                runs = 1  # "\s+": one run however long
        else:
            return None  # back references, conditionals: no bound
        if runs is None:
            return None
        total += runs
    return total


def longest_on_normalized(items: Iterable[tuple[Any, Any]]) -> int | None:
    """The most characters one match of the parsed pattern spans in a whitespace-normalized text
    (no two whitespace characters in a row: a repeat of whitespace matches one at most); None: no bound."""
    total = 0
    for op, av in items:
        width: int | None
        if _single_char(op, av) is not None:
            width = 1
        elif op is sre_c.AT or op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
            width = 0 if op is sre_c.AT or av[0] < 0 else None  # a lookahead may read past the end of the match
        elif op is sre_c.SUBPATTERN:
            width = longest_on_normalized(av[-1])
        elif op is sre_c.BRANCH:
            widths = [longest_on_normalized(branch) for branch in av[1]]
            width = None if any(w is None for w in widths) else max(w for w in widths if w is not None)
        elif op in _REPEATS:
            low, high, sub = av
            one = _single_char(*sub[0]) if len(sub) == 1 else None
            inner = longest_on_normalized(sub)
            if one is not None and one[1]:
                width = min(high, 1)  # whitespace only
            elif inner is None or high == sre_c.MAXREPEAT and inner > 0:
                width = None
            else:
                width = inner * high if high != sre_c.MAXREPEAT else 0
        else:
            width = None
        if width is None:
            return None
        total += width
    return total


def _ends_at_end(items: list[tuple[Any, Any]]) -> bool:
    """True if every match of the parsed pattern ends at `$`."""
    if not items:
        return False
    op, av = items[-1]
    if op is sre_c.AT:
        return bool(av is sre_c.AT_END)
    if op is sre_c.SUBPATTERN:
        return _ends_at_end(list(av[-1]))
    if op is sre_c.BRANCH:
        return all(_ends_at_end(list(branch)) for branch in av[1])
    return False


# Non-ASCII characters that IGNORECASE equates with an ASCII letter though str.lower() does not
# map them to it (dotless i, long s, the Kelvin sign), and the capital I with a dot, whose
# lowercase is two characters (tests/test_fastre.py checks every code point).
CASE_SPECIAL: Final = "\u0130\u0131\u017f\u212a"


def folded_text(text: str) -> str | None:
    """text.lower() if a case-folded pattern (`case_folded`) finds in it what the IGNORECASE one finds in text."""
    low = text.lower()
    if text.isascii():
        return low
    if len(low) != len(text) or any(char in text for char in CASE_SPECIAL):
        return None  # (every other character keeps its length, and its \w, \s, \d class, when lowercased)
    return low


# The last text asked about and its folded text reversed: the rules ask several tail patterns in a
# row about the same text (the same string object), which is then lowercased and reversed once.
class _LastBackwards:
    """The last text asked about with its folded text reversed, as one tuple (replaced whole: never a text with
    another's result), in an attribute of a module constant: compiled, a module variable is read from the
    module's dict and written into it (several hundred instructions a write), a Final object's attribute directly."""

    def __init__(self) -> None:
        self.last: tuple[str, str | None] = ("", "")


_LAST_BACKWARDS: Final = _LastBackwards()


def folded_backwards(text: str) -> str | None:
    """folded_text(text) reversed (None if text has no folded form)."""
    remembered = _LAST_BACKWARDS
    last_text, backwards = remembered.last
    if last_text is not text:
        low = folded_text(text)
        backwards = None if low is None else low[::-1]
        remembered.last = (text, backwards)
    return backwards


def _caseless(char: str) -> bool:
    return char.lower() == char == char.upper()


def _foldable_items(items: Iterable[tuple[Any, Any]]) -> bool:
    """True if the parsed pattern (under IGNORECASE) holds no uppercase letter, no non-ASCII letter
    with a case, no range beyond ASCII, no inline flag and no back reference."""
    for op, av in items:
        if op is sre_c.LITERAL or op is sre_c.NOT_LITERAL:
            char = chr(av)
            if char.isascii() and char.isupper() or not char.isascii() and not _caseless(char):
                return False
        elif op is sre_c.IN:
            letters = set()
            for item_op, item_av in av:
                if item_op is sre_c.RANGE:
                    low, high = item_av
                    if high > 0x7F:
                        return False
                    letters |= {chr(c) for c in range(low, high + 1)}
                elif item_op is sre_c.LITERAL:
                    if not chr(item_av).isascii() and not _caseless(chr(item_av)):
                        return False
                    letters.add(chr(item_av))
                elif item_op is not sre_c.NEGATE and item_op is not sre_c.CATEGORY:
                    return False
            # a set with an uppercase letter must hold its lowercase too ("[A-Za-z]", not "[A-Z]")
            if any(c.isupper() and c.lower() not in letters for c in letters):
                return False
        elif op is sre_c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _foldable_items(sub):
                return False
        elif op is sre_c.BRANCH:
            if not all(_foldable_items(branch) for branch in av[1]):
                return False
        elif op in _REPEATS:
            if not _foldable_items(av[2]):
                return False
        elif op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
            if not _foldable_items(av[1]):
                return False
        elif op is not sre_c.AT and op is not sre_c.ANY and op is not sre_c.CATEGORY:
            return False  # back references, conditionals, atomic groups: not worth knowing
    return True


def case_folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` without IGNORECASE, to search `folded_text(text)` instead of text; None if
    `pattern` is not IGNORECASE or holds what would make the two differ (see `_foldable_items`)."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & (re.ASCII | re.LOCALE):
        return None
    if not _foldable_items(sre_parse.parse(pattern.pattern, pattern.flags)):
        return None
    folded = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return None if folded.flags & re.IGNORECASE else folded  # an inline (?i) would stay


class FoldedPattern:
    """An IGNORECASE pattern with its case-folded twin (`case_folded`, None when the pattern has
    none): `finditer` gives what `pattern.finditer` gives, scanning the folded text when there is one."""

    def __init__(self, pattern: re.Pattern[str], lead: str | None = None) -> None:
        self.pattern = pattern
        self.folded = case_folded(pattern)
        # lead: the characters (a class body) every match of a pattern without a folded twin opens with:
        # it is then scanned through its LeadScan
        self._scan: re.Pattern[str] | LeadScan = pattern if lead is None or self.folded is not None \
            else LeadScan(pattern, lead)

    def finditer(self, text: str, low: str | None, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """pattern.finditer(text, pos, endpos); low: folded_text(text) (None: text has no folded form).

        Each match is found on `low` (the same positions, one after another, as on text) and then
        taken from `text` at its position, with its groups."""
        if self.folded is None or low is None:
            yield from self._scan.finditer(text, pos, endpos)
            return
        match = self.pattern.match
        for found in self.folded.finditer(low, pos, endpos):
            yield match(text, found.start(), endpos)  # type: ignore[misc]  # it matches there (the fold is exact)

    def scan(self, text: str, low: str | None, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """Matches with the spans of pattern.finditer(text, pos, endpos)'s, found on `low` when there
        is one: their groups are then `low`'s text (lowercase), not taken again from `text`."""
        if self.folded is None or low is None:
            return self.pattern.finditer(text, pos, endpos)
        return self.folded.finditer(low, pos, endpos)


# ------------------------------------------------------------------ reversed patterns
# A tail pattern's matches all end at the end of the text; most searches find none. The pattern
# written backwards, matched once at the start of the reversed text, tells whether there is one:
# a backtracking match tries every way the pattern can match from there, so it fails exactly when
# no match of the pattern ends at the end of the text. Only then is the search skipped: a match's
# span and groups are still the forward search's.
_CATEGORY_CODES: Final = {sre_c.CATEGORY_DIGIT: r"\d", sre_c.CATEGORY_NOT_DIGIT: r"\D", sre_c.CATEGORY_SPACE: r"\s",
                          sre_c.CATEGORY_NOT_SPACE: r"\S", sre_c.CATEGORY_WORD: r"\w", sre_c.CATEGORY_NOT_WORD: r"\W"}
# Positions seen from the other end (for a text that does not end with a newline, where `$` is its end).
_REVERSED_AT: Final = {sre_c.AT_BOUNDARY: r"\b", sre_c.AT_NON_BOUNDARY: r"\B", sre_c.AT_END: r"\A",
                       sre_c.AT_END_STRING: r"\A", sre_c.AT_BEGINNING: r"\Z", sre_c.AT_BEGINNING_STRING: r"\Z"}
_INLINE_FLAGS: Final = {re.IGNORECASE: "i", re.DOTALL: "s"}


class _NotReversible(Exception):
    pass


def _class_char(code: int) -> str:
    return f"\\U{code:08x}"


def _reversed_class(items: list[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    for op, av in items:
        if op is sre_c.NEGATE:
            parts.insert(0, "^")
        elif op is sre_c.LITERAL:
            parts.append(_class_char(av))
        elif op is sre_c.RANGE:
            parts.append(f"{_class_char(av[0])}-{_class_char(av[1])}")
        elif op is sre_c.CATEGORY and av in _CATEGORY_CODES:
            parts.append(_CATEGORY_CODES[av])
        else:
            raise _NotReversible(op)
    return "[" + "".join(parts) + "]"


def _flag_letters(flags: int) -> str:
    if flags & ~(re.IGNORECASE | re.DOTALL):
        raise _NotReversible(flags)
    return "".join(letter for flag, letter in _INLINE_FLAGS.items() if flags & flag)


def _reversed_source(items: Iterable[tuple[Any, Any]]) -> str:
    """The source of a pattern that matches the reversed strings of the parsed pattern's matches
    (with the text around them reversed: a lookbehind becomes a lookahead and the other way round)."""
    parts: list[str] = []
    for op, av in items:
        if op is sre_c.LITERAL:
            part = re.escape(chr(av))
        elif op is sre_c.NOT_LITERAL:
            part = f"[^{_class_char(av)}]"
        elif op is sre_c.ANY:
            part = "."
        elif op is sre_c.IN:
            part = _reversed_class(av)
        elif op is sre_c.CATEGORY and av in _CATEGORY_CODES:
            part = _CATEGORY_CODES[av]
        elif op is sre_c.AT and av in _REVERSED_AT:
            part = _REVERSED_AT[av]
        elif op is sre_c.BRANCH:
            part = "(?:" + "|".join(_reversed_source(branch) for branch in av[1]) + ")"
        elif op is sre_c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            flags = _flag_letters(add_flags) + ("-" + _flag_letters(del_flags) if del_flags else "")
            part = f"(?{flags}:{_reversed_source(sub)})"
        elif op is sre_c.MAX_REPEAT or op is sre_c.MIN_REPEAT:  # (lazy or greedy: the same strings match)
            low, high, sub = av
            part = f"(?:{_reversed_source(sub)}){{{low},{'' if high == sre_c.MAXREPEAT else high}}}"
        elif op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
            direction, sub = av
            if direction > 0:  # a lookahead becomes a lookbehind, which must have a fixed width
                low, high = sub.getwidth()
                if low != high or high >= sre_c.MAXREPEAT:
                    raise _NotReversible(op)
            kind = ("?<" if direction > 0 else "?") + ("=" if op is sre_c.ASSERT else "!")
            part = f"({kind}{_reversed_source(sub)})"
        else:  # back references, conditionals, atomic groups and possessive repeats
            raise _NotReversible(op)
        parts.append(part)
    return "".join(reversed(parts))


def reversed_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches at the start of text[::-1] exactly when `pattern` has a match that
    ends at the end of text (for a text not ending in a newline); None if it cannot be written."""
    if pattern.flags & (re.ASCII | re.LOCALE | re.MULTILINE):
        return None
    try:
        source = _reversed_source(sre_parse.parse(pattern.pattern, pattern.flags))
    except _NotReversible:
        return None
    return re.compile(source, pattern.flags & (re.IGNORECASE | re.DOTALL))


# Up to this length the plain search is cheaper than finding where to start it (but for a pattern of
# `match_words`, whose start is read off the text's last words by character tests).
SHORT_TEXT: Final = 40


def vocabulary_start(text: str, vocabulary: frozenset[str], endings: tuple[str, ...]) -> int:
    """Where the last run of non-whitespace of `text` that is not a word of a `match_words` match starts (0: every
    run can be one): not ASCII, or its lowercase one of `vocabulary` or ending with one of `endings`. Its runs are
    str.split()'s (str.isspace: re's \\s), read back from the end of the text."""
    plain = text.isascii()  # (then every run is: str.isascii() is a generic call compiled, asked once)
    end = len(text)
    while end > 0:
        if text[end - 1].isspace():
            end -= 1
            continue
        start = end - 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        word = text[start:end]
        if plain or word.isascii():
            lower = word.lower()
            if lower not in vocabulary and not lower.endswith(endings):
                return start
        end = start
    return 0


class TailPattern:
    """A compiled pattern whose matches all end at the end of the string ("... $"): `search`
    and `sub` give what the plain calls give, scanning only the words a match can hold.

    gate: a pattern, itself anchored at the end with a bounded match, that matches wherever
    `pattern` does (the last words every match of `pattern` ends with): when the gate finds
    nothing, neither would `pattern`, and an unbounded `pattern` is not scanned at all.

    match_words: for a pattern whose matches are, after an optional first partial word and
    a whitespace run, whole words of a known vocabulary: (the lowercase words, the endings of
    the other words it takes, e.g. "ly" for adverbs). The window then starts with the text's last
    word that cannot be such a word (`vocabulary_start`: a match holds that word whole if it starts
    before it, which it cannot, so it starts inside it or after it), whatever the text's length.
    An ASCII word can be one only if it is one in any case; a non-ASCII word is counted whatever
    it is (IGNORECASE matches "ſ" for "s").

    Before any of that, the pattern written backwards (`reversed_pattern`), matched once at the
    start of the reversed text, tells whether there is a match at all (most searches find none);
    the gate is asked only for a pattern that cannot be written backwards.

    longest_reversed: for a pattern whose reversed pattern's first match is always its longest
    (`([A-Za-z][\\w.]*)\\s*$`: the greedy repeat gives back one character at a time until a letter
    ends it), the end of that match is where the leftmost match starts: no forward search at all.

    ask_reversed=False: the reversed pattern is not asked first (for a pattern that has a match in most
    of the texts it is searched in, after its callers' own tests: the forward search from `_start`,
    which finds the match, costs about what the reversed match costs to tell there is one).
    """

    def __init__(self, pattern: re.Pattern[str], gate: re.Pattern[str] | None = None,
                 match_words: tuple[frozenset[str], tuple[str, ...]] | None = None,
                 longest_reversed: bool = False, ask_reversed: bool = True) -> None:
        self.pattern = pattern
        self._longest_reversed = longest_reversed
        self._ask_reversed = ask_reversed
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if pattern.flags & re.MULTILINE or not _ends_at_end(list(parsed)):
            raise ValueError(f"not a pattern anchored at the end of the text: {pattern.pattern!r}")
        runs = whitespace_runs(parsed)
        self._match_words = match_words
        # the longest text searched whole (SHORT_TEXT; with match_words, none: its start costs less than a search)
        self._searched_whole = SHORT_TEXT if match_words is None else -1
        # one extra run: `$` also matches before a final newline, outside the match
        self._runs = None if runs is None else runs + 1
        self._nonempty = parsed.getwidth()[0] > 0
        self._folded = case_folded(pattern)
        self._reversed = reversed_pattern(pattern)
        self._reversed_folded = case_folded(self._reversed) if self._reversed is not None else None
        self.gate = TailPattern(gate) if gate is not None else None
        if self.gate is not None and self.gate._runs is None:
            raise ValueError(f"a gate must have bounded matches: {gate!r}")

    def _start(self, text: str) -> int:
        """A position no later than the start of any match: before the last `runs` + 1 whitespace runs (with
        match_words, `vocabulary_start`)."""
        if self._match_words is not None:
            words, endings = self._match_words
            return vocabulary_start(text, words, endings)
        runs = self._runs
        if runs is None:
            return 0
        # rsplit cuts at the last `runs` whitespace runs between words (a trailing run is not cut: one run to spare)
        parts = text.rsplit(None, runs)
        return len(parts[0]) if len(parts) > runs else 0

    def _absent(self, text: str) -> bool:
        """True if `pattern` has no match in text, as the reversed pattern (matched once at the start
        of the reversed text) or else the gate tells; False: it may have one."""
        if self._reversed is not None and text[-1:] != "\n":  # ("$" is then the end of the text)
            if self._reversed_folded is not None:
                last_text, backwards = _LAST_BACKWARDS.last  # (folded_backwards, its remembered case read here)
                if last_text is not text:
                    backwards = folded_backwards(text)
                if backwards is not None:
                    return self._reversed_folded.match(backwards) is None
            return self._reversed.match(text[::-1]) is None
        return self.gate is not None and self.gate.search(text) is None

    def search(self, text: str) -> re.Match[str] | None:
        """pattern.search(text)."""
        if self._longest_reversed and self._reversed is not None and text[-1:] != "\n":
            # the reversed pattern's first match is its longest: it ends where the leftmost match starts
            found = self._reversed.match(text[::-1])
            return None if found is None else self.pattern.match(text, len(text) - found.end())
        if self._ask_reversed and self._absent(text):
            return None
        if len(text) <= self._searched_whole:
            return self.pattern.search(text)
        return self._located(text)

    def has_match(self, text: str) -> bool:
        """pattern.search(text) is not None: the reversed pattern alone tells it (exactly whether a match
        ends at the end of the text, which every match does), and no match is then located; for a text
        that ends with a newline ("$" is then also before it), or a pattern not written backwards, `search`."""
        if self._reversed is not None and text[-1:] != "\n":
            return not self._absent(text)
        return self.search(text) is not None

    def find(self, text: str) -> re.Match[str] | None:
        """A match with the span of pattern.search(text)'s, or None when that is None; found on the
        lowercased text when the pattern folds, and then not taken again from `text`: its groups are
        the lowercased text's (for callers that read only its span, or its text in any case)."""
        if self._longest_reversed:
            return self.search(text)
        if self._ask_reversed and self._absent(text):
            return None
        if len(text) <= self._searched_whole:
            return self.pattern.search(text)
        return self._located(text, retake=False)

    def _located(self, text: str, retake: bool = True) -> re.Match[str] | None:
        """pattern.search(text), scanning from `_start`, on the lowercased text when the pattern folds
        (retake=False: that match, with the lowercased text's groups, not taken again from `text`)."""
        start = self._start(text)
        if self._folded is not None:
            low = folded_text(text)
            if low is not None:
                found = self._folded.search(low, start)
                if found is None or not retake:
                    return found
                return self.pattern.match(text, found.start())
        return self.pattern.search(text, start)

    def sub(self, repl: str, text: str) -> str:
        """pattern.sub(repl, text) for a literal `repl` (one match at most: it ends at the end)."""
        if self._absent(text):
            return text
        if "\n" in text or not self._nonempty:
            return self.pattern.sub(repl, text)
        match = self._located(text)
        return text if match is None else text[: match.start()] + repl + text[match.end():]


SPACED_OPENINGS: Final = ("^\\s*", "^\\s+", "\\s+")


class SpacedOpening:
    """`pattern.match(text)` for a pattern that opens with one of SPACED_OPENINGS, its rest opening on an ASCII
    character only with one of a known set (pagere.first_chars of the rest, read with the pattern's flags), none of
    them whitespace. Where the text opens with ASCII whitespace and then another ASCII character, a match's `\\s*`
    (`\\s+`) takes that whole run (the rest cannot open on an ASCII whitespace character), so where that character
    is not one of the set there is no match, told by character tests instead of a match (the call and the engine's
    state, some two to five thousand instructions; a text that opens with that character: an empty run). A
    character beyond ASCII before it, or none, leaves it to the pattern (IGNORECASE takes "ſ" for "s"; the rest
    may open on other whitespace)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        rest = next((pattern.pattern.removeprefix(opening) for opening in SPACED_OPENINGS
                     if pattern.pattern.startswith(opening)), pattern.pattern)
        firsts = first_chars(("(?i)" if pattern.flags & re.IGNORECASE else "") + rest)
        if rest == pattern.pattern or pattern.flags & re.MULTILINE or firsts is None \
                or any(char.isspace() for char in firsts):
            raise ValueError(f"not a pattern opening with a spaced opening, then known characters: {pattern.pattern!r}")
        self.pattern = pattern
        self.firsts = "".join(sorted(firsts))

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """pattern.match(text, pos) (for a pattern opening with `^`, without MULTILINE: pattern.search(text) at 0,
        no match elsewhere)."""
        index = pos
        while index < len(text) and ord(text[index]) < 128:  # (ASCII whitespace, which the rest cannot open on)
            if not text[index].isspace():
                return None if text[index] not in self.firsts else self.pattern.match(text, pos)
            index += 1
        return self.pattern.match(text, pos)


def lead_positions(text: str, chars: str, pos: int, endpos: int) -> list[int]:
    """Every position of text[pos:endpos] that holds one of `chars`, ascending: one str.find loop per
    character, which runs at memchr's speed (a regex opening with a class of them tests the class at
    every character, some forty instructions each), for characters that are rare in the text."""
    found: list[int] = []
    for char in chars:
        at = text.find(char, pos, endpos)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1, endpos)
    if len(chars) > 1:
        found.sort()
    return found


def matches_from_starts(pattern: re.Pattern[str], text: str, starts: Iterable[int], pos: int,
                        endpos: int) -> list[re.Match[str]]:
    """list(pattern.finditer(text, pos, endpos)) when every match starts at one of `starts` (ascending),
    made without a generator.

    Matches must be non-empty. Like finditer, a match is looked for only after the end of the previous one.
    """
    matches: list[re.Match[str]] = []
    after = pos
    for start in starts:
        if start < after:
            continue
        if start >= endpos:
            break
        match = pattern.match(text, start, endpos)
        if match is not None:
            matches.append(match)
            after = match.end()
    return matches


class CharLeadPattern:
    """`pattern.finditer` for a pattern every match of which opens with one of `chars` (characters rare in
    the texts it scans: capitals, sentence marks): their positions are found by str.find (`lead_positions`)
    and the pattern is matched there only, in order, as finditer would find them (its matches are never empty).

    Only for characters about one in a hundred or rarer: a match tried costs some two thousand
    instructions (the call and the regex state), a LeadScan some forty per character of the text."""

    def __init__(self, pattern: re.Pattern[str], chars: str) -> None:
        if sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0:
            raise ValueError(f"a pattern that can match empty: {pattern.pattern!r}")
        self.pattern = pattern
        self.chars = chars

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match[str]]:
        """list(pattern.finditer(text, pos, endpos))."""
        end = min(endpos, len(text))
        return matches_from_starts(self.pattern, text, lead_positions(text, self.chars, pos, end), pos, end)


def in_claimed(pos: int, claimed: list[tuple[int, int]]) -> bool:
    """Whether `pos` lies inside one of the `claimed` spans."""
    for start, end in claimed:  # (a loop: no generator made for the one or two spans)
        if start <= pos < end:
            return True
    return False


def iter_from_unclaimed_starts(pattern: re.Pattern[str], text: str, starts: Iterable[int], pos: int, endpos: int,
                               claimed: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """matches_from_starts(pattern, text, starts, pos, endpos) less its matches that start inside one of the
    `claimed` spans (as they stand when the match would be given: the caller may add to the list between
    matches); those overlap a claimed span whatever they are, and are not even looked for unless a later
    start needs them.

    A claimed start's match is looked for only when a later start that is not claimed comes (finditer
    looks for the next match after the end of the one before, which a skipped match would have moved):
    then the claimed starts before it are matched in order, as matches_from_starts matches them. Claimed
    starts after the last unclaimed one (a sentence's figures its earlier matchers took) are never matched.
    Matches must be non-empty and start at their start (pattern.match there), as for matches_from_starts.
    """
    after = pos  # (while claimed starts wait, no later than the end matches_from_starts would have reached)
    waiting: list[int] = []  # the claimed starts not matched yet
    for start in starts:
        if start < after:
            continue
        if start >= endpos:
            break
        if in_claimed(start, claimed):
            waiting.append(start)
            continue
        if waiting:  # where matches_from_starts would be now: the waiting starts matched in order
            for earlier in waiting:
                if earlier >= after:
                    match = pattern.match(text, earlier, endpos)
                    if match is not None:
                        after = match.end()
            waiting.clear()
            if start < after:
                continue
        match = pattern.match(text, start, endpos)
        if match is not None:
            yield match
            after = match.end()


class LeadScan:
    """`pattern.search` and `pattern.finditer` for a pattern every match of which opens with a character of
    the class `[chars]` (as the pattern's flags read it: `opening_with`'s lookahead makes sure of it), found
    by a twin that opens with that class itself: the same matches, groups and all.

    Python's re skips ahead to the next possible start only for a pattern that opens with a literal or
    a character class: one that opens with a lookahead (opening_with's), \\b or a lookbehind is tried at
    every position. The twin, `[chars]` and then a lookbehind of that one character in which a lookahead
    matches the pattern there, matches the first character of each place the pattern matches (seeing the
    same text around it), and the engine jumps from one such character to the next; the pattern itself
    is then matched where the twin stopped. finditer goes on from the end of each match, as the pattern's
    own does (its matches are never empty).
    """

    def __init__(self, pattern: re.Pattern[str], chars: str) -> None:
        if sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0:
            raise ValueError(f"a pattern that can match empty: {pattern.pattern!r}")
        self.pattern = pattern
        self._lead = re.compile(rf"[{chars}](?<=(?=(?:{pattern.pattern}))[{chars}])", pattern.flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """pattern.search(text, pos, endpos)."""
        lead = self._lead.search(text, pos, endpos)
        if lead is None:
            return None
        # (the twin's lookahead matched the pattern there; were it ever not so, the plain search decides)
        return self.pattern.match(text, lead.start(), endpos) or self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """pattern.finditer(text, pos, endpos)."""
        search, match = self._lead.search, self.pattern.match
        while (lead := search(text, pos, endpos)) is not None:
            found = match(text, lead.start(), endpos)
            if found is None:  # (never: the twin's lookahead matched the pattern there; else finditer goes on)
                yield from self.pattern.finditer(text, pos, endpos)
                return
            yield found
            pos = found.end()


def opening_scan(regex: re.Pattern[str], chars: str) -> LeadScan:
    """`opening_with(regex, chars)` searched through its LeadScan (the engine skips to the next of `chars`)."""
    return LeadScan(opening_with(regex, chars), chars)


def opening_with(regex: re.Pattern[str], chars: str) -> re.Pattern[str]:
    """`regex` behind a lookahead for the characters every match of it opens with (as cased in the
    pattern; under IGNORECASE, in either case): the same matches, but the engine skips every position
    another character stands at instead of trying the pattern there (a pattern that opens with \\b,
    an optional group or alternatives gives it no first character to look for)."""
    return re.compile(rf"(?=[{chars}])(?:{regex.pattern})", regex.flags)
