"""Regex facts the page transform reads off its patterns once, to try fewer of them per line.

`first_chars(pattern)`, `last_chars(pattern)`: the ASCII characters a match of the pattern can begin
(end) with, from the parsed
pattern (its single-character elements there, `edge_matcher`, tested on all 128 ASCII characters with the
pattern's own flags, so IGNORECASE is the regex engine's, not a guess), or None when that is not known (an
empty match, a backreference, a scoped flag, any other construct). A line whose first character is
not in the first set (for one that is not ASCII: not matched by `edge_matcher`) cannot be matched from its
start; one whose last character is not in the last set cannot be matched up to its end.
tests/test_page_shortcuts.py checks the sets against plain matching.
"""
from __future__ import annotations

import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

ASCII_CHARS: tuple[str, ...] = tuple(chr(code) for code in range(128))
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_ONE_CHAR = (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY, sre_constants.IN,
             sre_constants.CATEGORY)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def first_chars(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a non-empty match of `pattern` can start with; None if not known."""
    return _ascii_of(edge_matcher(pattern, last=False))


def last_chars(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a non-empty match of `pattern` can end with; None if not known."""
    return _ascii_of(edge_matcher(pattern, last=True))


def _ascii_of(matcher: re.Pattern[str] | None) -> frozenset[str] | None:
    return None if matcher is None else frozenset(char for char in ASCII_CHARS if matcher.fullmatch(char))


def edge_matcher(pattern: str, last: bool) -> re.Pattern[str] | None:
    """A pattern that matches (whole) every character a non-empty match of `pattern` can start with (end with,
    with `last`), and maybe more (a lookaround is not read): the single-character elements that can stand there,
    as one alternation with the pattern's flags (so that IGNORECASE is the engine's: "ſ" for "s", the Kelvin sign
    for "k"); None if not known. The edge sets of characters that are not ASCII, asked one character at a time."""
    parsed = sre_parse.parse(pattern)
    elements, nullable = _first_of_sequence(list(parsed), parsed.state, last)
    if elements is None or nullable:
        return None
    state = parsed.state
    alternatives = [sre_parse.SubPattern(state, [element]) for element in elements]
    return sre_compile.compile(sre_parse.SubPattern(state, [(sre_constants.BRANCH, (None, alternatives))]),
                               state.flags)


def _first_of_sequence(items: list[tuple[Any, Any]], state: Any, last: bool) -> tuple[list[Any] | None, bool]:
    """(the single-character elements a match can start with, whether the sequence can match empty); (None, _)
    when not known. With `last`, those it can end with (the sequence read from its end)."""
    found: list[Any] = []
    for op, av in reversed(items) if last else items:
        elements, nullable = _first_of_item(op, av, state, last)
        if elements is None:
            return None, False
        found += elements
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: Any, av: Any, state: Any, last: bool) -> tuple[list[Any] | None, bool]:
    if op in _ZERO_WIDTH:
        return [], True  # consumes nothing: the next item gives the first character (a superset)
    if op in _ONE_CHAR:
        return [(op, av)], False
    if op is sre_constants.BRANCH:
        found: list[Any] = []
        nullable = False
        for alternative in av[1]:
            elements, empty = _first_of_sequence(list(alternative), state, last)
            if elements is None:
                return None, False
            found += elements
            nullable = nullable or empty
        return found, nullable
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, False
        return _first_of_sequence(list(sub), state, last)
    if op in _REPEATS:
        low, _, sub = av
        elements, empty = _first_of_sequence(list(sub), state, last)
        return elements, empty or low == 0
    if op is sre_constants.ATOMIC_GROUP:
        return _first_of_sequence(list(av), state, last)
    return None, False


def opening_strings(pattern: str, size: int) -> frozenset[str] | None:
    """Strings of 1 to `size` lowercase ASCII characters such that every match of `pattern` whose first `size`
    characters are ASCII opens, lowercased, with one of them (a match shorter than `size` is one of them, or
    opens with one); None when that is not known (a match that can be empty or open with a non-ASCII character
    only, a construct `first_chars` does not read, or more than OPENINGS_MAX strings). Each single-character
    element is tested on the 128 ASCII characters with the pattern's own flags, as `first_chars` does, and the
    characters it takes are lowercased (str.lower() of an ASCII character is ASCII). The first-character sets,
    extended to the first `size` characters: a line's opening is a few dictionary lookups, where most
    patterns need their first two or three letters ("no comments", "the story appears on")."""
    parsed = sre_parse.parse(pattern)
    found = _openings(list(parsed), 0, parsed.state, size)
    if found is None or not found or any(not text for text, _ in found):
        return None
    return frozenset(text for text, _ in found)


OPENINGS_MAX = 4096  # strings a pattern's opening may take (a few [a-z] in a row give 26**n)


def _openings(items: list[tuple[Any, Any]], index: int, state: Any,
              size: int) -> set[tuple[str, bool]] | None:
    """(text, whole) pairs: every match of items[index:] opens with one text (lowercased, at most `size`
    characters), and `whole` says the text is the match entire (what follows may extend it); None if not known."""
    if index == len(items):
        return {("", True)}
    op, av = items[index]
    if op in _ZERO_WIDTH:
        return _openings(items, index + 1, state, size)  # consumes nothing (a superset of the openings)
    heads: set[tuple[str, bool]] | None
    nullable = False
    if op in _ONE_CHAR:
        single = sre_compile.compile(sre_parse.SubPattern(state, [(op, av)]), state.flags)
        heads = {(char.lower(), True) for char in ASCII_CHARS if single.fullmatch(char)}
    elif op is sre_constants.BRANCH:
        heads = set()
        for alternative in av[1]:
            found = _openings(list(alternative), 0, state, size)
            if found is None:
                return None
            heads |= found
    elif op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None
        heads = _openings(list(sub), 0, state, size)
    elif op in _REPEATS:
        low, _, sub = av
        heads = _openings(list(sub), 0, state, size)
        # the first repetition's opening, not followed further (the next could be another repetition or what
        # follows the repeat); with none, what follows opens the match
        heads = None if heads is None else {(text, False) for text, _ in heads}
        nullable = low == 0
    else:
        return None
    if heads is None:
        return None
    result: set[tuple[str, bool]] = set()
    # what follows, read only as far as the opening's `size` characters reach: a character beyond them that is
    # not ASCII ("fra" of "français") must not rule the opening out
    rests: dict[int, set[tuple[str, bool]] | None] = {}
    for text, whole in heads:
        if whole and len(text) < size:
            left = size - len(text)
            if left not in rests:
                rests[left] = _openings(items, index + 1, state, left)
            rest = rests[left]
            if rest is None:
                return None
            for more, more_whole in rest:
                joined = text + more
                result.add((joined[:size], more_whole and len(joined) <= size))
        else:
            result.add((text[:size], False))
    if nullable:
        skipped = _openings(items, index + 1, state, size)
        if skipped is None:
            return None
        result |= skipped
    return result if len(result) <= OPENINGS_MAX else None
