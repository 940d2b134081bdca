"""Regex facts the page transform reads off its patterns once, to try fewer of them per line.

`first_chars(pattern)`, `last_chars(pattern)`: the ASCII characters a match of the pattern can begin
(end) with, from the parsed
pattern (each single-character element is tested on all 128 ASCII characters with the pattern's own
flags, so IGNORECASE is the regex engine's, not a guess), or None when that is not known (an empty
match, a backreference, a scoped flag, any other construct). A line whose first character is
ASCII and not in the first set cannot be matched from its start; one whose last character is ASCII
and not in the last set cannot be matched up to its end. tests/test_page_shortcuts.py checks the
sets against plain matching.
"""
from __future__ import annotations

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
    return _edge_chars(pattern, last=False)


def last_chars(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a non-empty match of `pattern` can end with; None if not known."""
    return _edge_chars(pattern, last=True)


def _edge_chars(pattern: str, last: bool) -> frozenset[str] | None:
    parsed = sre_parse.parse(pattern)
    chars, nullable = _first_of_sequence(list(parsed), parsed.state, last)
    return None if chars is None or nullable else frozenset(chars)


def _first_of_sequence(items: list[tuple[Any, Any]], state: Any, last: bool) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match empty); (None, _) when not known. With
    `last`, the last characters (the sequence read from its end)."""
    found: set[str] = set()
    for op, av in reversed(items) if last else items:
        chars, nullable = _first_of_item(op, av, state, last)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: Any, av: Any, state: Any, last: bool) -> tuple[set[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return set(), True  # consumes nothing: the next item gives the first character (a superset)
    if op in _ONE_CHAR:
        single = sre_compile.compile(sre_parse.SubPattern(state, [(op, av)]), state.flags)
        return {char for char in ASCII_CHARS if single.fullmatch(char)}, False
    if op is sre_constants.BRANCH:
        found: set[str] = set()
        nullable = False
        for alternative in av[1]:
            chars, empty = _first_of_sequence(list(alternative), state, last)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, False
        return _first_of_sequence(list(sub), state, last)
    if op in _REPEATS:
        low, _, sub = av
        chars, empty = _first_of_sequence(list(sub), state, last)
        return chars, empty or low == 0
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
