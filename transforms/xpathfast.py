"""Faster equivalents of the templates' attribute-test XPath expressions, for libxml2.

`//div[@id='zoom' or @id='Zoom']` makes libxml2 collect every node of the page (text nodes
included) under `descendant-or-self::node()`, take each one's element children, and evaluate
the predicate on every element, each attribute test allocating a node-set and a string.
`/descendant::div/@id[.='zoom' or .='Zoom']/..` visits the attributes named id of the divs and
returns the elements that own a matching one: the same node-set (a predicate that tests only
the element's own attributes, and never its position, gives the same elements whichever way
they are found), in a third to a half of the time.

`faster(expr)` rewrites an expression made only of steps `//TAG[PRED]` (the first may be
`.//TAG[PRED]` or `ancestor-or-self::TAG[PRED]`, relative to the context node: its elements, or the
context node and the elements above it, own the attributes; after the first, a step may be a plain `//TAG`,
`descendant::TAG`, and the path may end in `/@A`), each PRED an `or` of terms that test one attribute
each: the class-list test `contains(concat(' ', normalize-space(@A), ' '), ' NAME ')`,
`contains(@A, 'TEXT')`, `@A='TEXT'` and `translate(@A, 'FROM', 'TO')='TEXT'`. The terms are grouped
by attribute, one `descendant::TAG/@A[...]/..` path per attribute, joined by `|`; a class-list test
is asked after `contains(., 'NAME')`, which needs no copy of the value (normalize-space and concat()
make three): most class values fail it. Any other
expression is returned as it is. tests/test_page_shortcuts.py compares both forms on every
template expression over the real pages and tag soup.

`needed_texts(expr)`, for the same expressions: what the page's attribute values must hold for `expr`
to select anything. Each term above is true only if its text is part of the attribute's value (for
the class-list test: the name is one of the value's words, split at XML whitespace); a predicate (an
`or`) only if one of its terms' is; a path only if every predicate's is. A page whose values hold
none of a step's texts gets nothing from the expression, and htmlutil.AttributeValues skips its
evaluation.
"""
from __future__ import annotations

import re

_ATTR = r"@(?P<attr>[A-Za-z_][A-Za-z0-9_-]*)"
_LITERAL = r"'[^']*'"
# (term pattern, the term with the attribute replaced by the context node)
_TERMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"contains\(concat\(' ', normalize-space\({_ATTR}\), ' '\), (?P<a>{_LITERAL})\)"),
     "{word}contains(concat(' ', normalize-space(.), ' '), {a})"),
    (re.compile(rf"contains\({_ATTR}, (?P<a>{_LITERAL})\)"), "contains(., {a})"),
    (re.compile(rf"{_ATTR}=(?P<a>{_LITERAL})"), ".={a}"),
    (re.compile(rf"translate\({_ATTR}, (?P<a>{_LITERAL}), (?P<b>{_LITERAL})\)=(?P<c>{_LITERAL})"),
     "translate(., {a}, {b})={c}"),
)
_STEP_RE = re.compile(r"(?P<axis>\.?//|ancestor-or-self::)(?P<tag>\*|[A-Za-z][A-Za-z0-9]*)\[")
# After a rewritten step: a step without a predicate (//TAG), or the attribute that ends the path (/@A).
_PLAIN_STEP_RE = re.compile(r"//(?P<tag>\*|[A-Za-z][A-Za-z0-9]*)(?=/|$)")
_LAST_ATTRIBUTE_RE = re.compile(r"/@(?P<attr>[A-Za-z_][A-Za-z0-9_-]*)$")
_OR = " or "
# XML's whitespace, which normalize-space collapses: a class name holding none of it is part of the value.
_XML_SPACE = (" ", "\t", "\n", "\r")


def faster(expr: str) -> str:
    """An expression selecting the same node-set as `expr` faster, or `expr` when it is not of the form above."""
    pos = 0
    paths: list[str] | None = None
    while pos < len(expr):
        step = _STEP_RE.match(expr, pos)
        if step is None and paths is not None:
            plain = _PLAIN_STEP_RE.match(expr, pos) or _LAST_ATTRIBUTE_RE.match(expr, pos)
            if plain is None:
                return expr
            tail = f"descendant::{plain.group('tag')}" if "tag" in plain.groupdict() else f"@{plain.group('attr')}"
            paths = [f"({' | '.join(paths)})/{tail}"]
            pos = plain.end()
            continue
        if step is None or (step.group("axis") != "//" and pos > 0):
            return expr
        end = _closing_bracket(expr, step.end())
        if end is None:
            return expr
        groups = _attribute_groups(expr[step.end():end])
        if groups is None:
            return expr
        tag = step.group("tag")
        if paths is None:
            axis = {".//": "descendant::", "//": "/descendant::"}.get(step.group("axis"), step.group("axis"))
            paths = [f"{axis}{tag}/@{attr}[{_OR.join(terms)}]/.." for attr, terms in groups.items()]
        else:
            above = " | ".join(paths)
            paths = [f"({above})/descendant::{tag}/@{attr}[{_OR.join(terms)}]/.." for attr, terms in groups.items()]
        pos = end + 1
    return " | ".join(paths) if paths else expr


def _closing_bracket(expr: str, pos: int) -> int | None:
    """Index of the "]" closing the predicate that starts at `pos` (no nested brackets or parentheses
    left open, quotes skipped); None if there is none."""
    depth = 0
    while pos < len(expr):
        char = expr[pos]
        if char == "'":
            close = expr.find("'", pos + 1)
            if close < 0:
                return None
            pos = close
        elif char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                return pos if char == "]" else None
            depth -= 1
        pos += 1
    return None


def _word_first(literal: str) -> str:
    """What the class-list test of `literal` (' NAME ') is asked after: "contains(., 'NAME') and " when NAME
    holds no XML whitespace (normalize-space keeps every other character where it stands, so a name found in
    the normalized value is in the value as it is: the plain substring test, without the copies the
    normalization and concat() make, rules out the attributes that do not hold it), else nothing."""
    name = literal[1:-1].strip(" ")
    if not name or any(space in name for space in _XML_SPACE):
        return ""
    return f"contains(., '{name}') and "


def _attribute_groups(predicate: str) -> dict[str, list[str]] | None:
    """The predicate's terms rewritten for the attribute axis, grouped by attribute in order of first
    appearance; None if a term is not one of _TERMS."""
    groups: dict[str, list[str]] = {}
    pos = 0
    while True:
        for regex, template in _TERMS:
            match = regex.match(predicate, pos)
            if match:
                values = {k: v for k, v in match.groupdict().items() if k != "attr"}
                if "{word}" in template:
                    values["word"] = _word_first(values["a"])
                groups.setdefault(match.group("attr"), []).append(template.format(**values))
                pos = match.end()
                break
        else:
            return None
        if pos == len(predicate):
            return groups
        if not predicate.startswith(_OR, pos):
            return None
        pos += len(_OR)


def needed_texts(expr: str) -> list[tuple[tuple[str, str, bool], ...]] | None:
    """For an expression `faster` rewrites: per step with a predicate, the (attribute, text, word) of its
    terms, one of which some element's attribute value must hold for the step to select anything (as a
    word when `word`, else anywhere in it; a step whose predicate has a term with no such text is left
    out); None for any other expression."""
    if faster(expr) == expr:
        return None
    needs: list[tuple[tuple[str, str, bool], ...]] = []
    pos = 0
    while pos < len(expr):
        step = _STEP_RE.match(expr, pos)
        if step is None:  # a plain //TAG step or the closing /@A: checked by faster, no predicate
            plain = _PLAIN_STEP_RE.match(expr, pos) or _LAST_ATTRIBUTE_RE.match(expr, pos)
            if plain is None:
                return None
            pos = plain.end()
            continue
        end = _closing_bracket(expr, step.end())
        if end is None:
            return None
        texts = _term_texts(expr[step.end():end])
        if texts:
            needs.append(texts)
        pos = end + 1
    return needs


def _term_texts(predicate: str) -> tuple[tuple[str, str, bool], ...] | None:
    """(attribute, text, word) of each term of a predicate faster() rewrote; None when a term needs no text."""
    texts: list[tuple[str, str, bool]] = []
    pos = 0
    while pos < len(predicate):
        found = next(((kind, match) for kind, (regex, _) in enumerate(_TERMS)
                      if (match := regex.match(predicate, pos))), None)
        if found is None:
            return None
        kind, match = found
        if kind == 3:  # translate(): the value is not compared as it stands
            return None
        text = match.group("a")[1:-1]
        word = kind == 0  # the class-list test: the name inside the spaces concat() adds, a word of the value
        if word:
            text = text.strip(" ")
            if any(space in text for space in _XML_SPACE):
                return None
        # An empty text is part of any value (and contains(@A, '') holds without the attribute); a NUL or, in
        # a word, any whitespace str.split() splits at is where AttributeValues joins and splits the values.
        if not text or "\x00" in text or word and any(char.isspace() for char in text):
            return None
        texts.append((match.group("attr"), text, word))
        pos = match.end()
        if predicate.startswith(_OR, pos):
            pos += len(_OR)
    return tuple(texts)
