"""Whitespace as a browser collapses it, for the page transform (textutil and boilerplate both use it).

`normalize_space` turns every run of whitespace (nbsp, U+3000, newlines, zero-width space and BOM
included) into one space and strips the ends. Most text it is given is already collapsed (a block
the walker collapsed, then split_body and the boilerplate check collapse it again): such text is
returned as it is after a check that costs a scan of it, instead of a substitution that rebuilds
it at every space; text whose only whitespace but single spaces is at its ends (most of the block
walker's raw paragraphs) is returned stripped after the same check. tests/test_page_shortcuts.py
compares it with the plain substitution.
"""
from __future__ import annotations

import re
from typing import Final

SPACE_RE: Final = re.compile(r"[\s\u200b\ufeff]+")
DOUBLE_SPACE: Final = "  "


# The characters SPACE_RE takes besides str.isspace()'s (its \s is exactly str.isspace(), checked by
# the test): replaced by a space, they are split on like the others.
NOT_ISSPACE: Final = ("\u200b", "\ufeff")


def _single_spaced(text: str) -> bool:
    """Whether the only whitespace of `text` (SPACE_RE's characters) is single spaces. Printable (only the space
    is printable whitespace; an unprintable other character leaves the text to the split, which gives the same),
    but an ASCII text's other spaces (\\s's, test_page_shortcuts checks every code point) are each looked for by
    `in`, a memchr: str.isprintable() calls a function for every character, about 30 instructions each."""
    if not text.isascii():  # (a flag of the string, no scan)
        return text.isprintable() and DOUBLE_SPACE not in text
    return not ("\n" in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text or "\x1c" in text
                or "\x1d" in text or "\x1e" in text or "\x1f" in text or DOUBLE_SPACE in text)


def normalize_space(text: str) -> str:
    """Collapse every whitespace run (nbsp, U+3000, newlines included) to one space; strip."""
    # (str.isspace()'s characters, those split() splits at, off the ends: a compiled primitive scanning in
    # from both ends, the text itself when none is there, as for text already collapsed)
    stripped = text.strip()
    if not stripped or _single_spaced(stripped):  # (nothing but whitespace: half the walker's paragraphs)
        # already collapsed (the substitution would give the same text), or whitespace only at the ends
        # (most of the walker's other paragraphs: the markup's line breaks around them): inside, only
        # single spaces and no U+200B/U+FEFF, as the split would join them
        return stripped
    # SPACE_RE.sub(" ", text).strip(): the runs of other characters joined by one space. str.split
    # finds them in C, about a third of the substitution's time on the walker's raw paragraphs.
    for char in NOT_ISSPACE:
        if char in text:
            text = text.replace(char, " ")
    return " ".join(text.split())
