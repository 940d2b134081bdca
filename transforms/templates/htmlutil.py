"""lxml helpers shared by the HTML templates: parse, metas, and region -> text blocks.

The block walker renders a content region the way a browser lays it out: every block
element (and every <br>) starts a new paragraph, inline text is joined, scripts/styles/
forms are skipped. Each block keeps the layout hints captions are recognized by.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Final

import lxml.html
from lxml import etree

from transforms.errors import NotAnArticle
from transforms.textutil import Block, has_text, normalize_space
from transforms.xpathfast import faster, needed_texts

BLOCK_TAGS: Final = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr td th caption "
    "blockquote section article header footer aside nav figure figcaption center pre "
    "address hr form fieldset details summary main".split()
)
HEADING_TAGS: Final = frozenset("h1 h2 h3 h4 h5 h6".split())
# Never text of an article.
SKIP_TAGS: Final = frozenset(
    "script style noscript template iframe object embed button input select textarea "
    "option label svg canvas map area audio video source head title link".split()
)
# Centering that marks a caption is text alignment of the caption's own block or of a
# wrapper inside the content region. A table's align attribute places the table, and a
# table cell starts a new alignment scope, so layout tables (align=center on the whole
# legacy Hanweb page) never make body paragraphs look centered.
ALIGN_SCOPE_TAGS: Final = frozenset("table td th tr thead tbody tfoot".split())
XML_DECLARATION_RE: Final = re.compile(r"^\s*<\?xml[^>]*>")
# Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF). lxml keeps them from the HTML parser but raises ValueError the moment
# a tree edit (drop_tree) writes such text back, so a stray \x01 in a page would make it a
# parser error. They carry no text: dropped before parsing.
# (the surrogates as chr(): mypyc compiles no surrogate in a string literal)
XML_INVALID_CHARS_RE: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f" + chr(0xD800) + "-" + chr(0xDFFF) + "\ufffe\uffff]")
# The same C0 controls as UTF-8 bytes (no byte of a multi-byte sequence is below 0x80): a page is checked
# for them in its UTF-8 by a memchr for each (29 scans of a few instructions per 32 bytes: a third of the
# instructions of the byte translation that read every byte through a table, itself a tenth of the regex's scan).
XML_INVALID_C0_BYTES: Final = bytes(code for code in range(0x20) if code not in (0x09, 0x0A, 0x0D))
XML_INVALID_NONCHARACTERS: Final = ("\ufffe", "\uffff")
BREADCRUMB_SEPARATOR_RE: Final = re.compile(r"[>»›]")
CENTER_STYLE_RE: Final = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
CAPTION_CLASS_RE: Final = re.compile(r"caption|img-desc|pic-desc|photo-desc|image-desc", re.IGNORECASE)


# libxml2's resource limits. Without XML_PARSE_HUGE (lxml's huge_tree) it stops at 256
# levels of nesting and at a text node of 10 MB and returns what it had so far, which
# lost an article's text silently (the page then looked "empty"). With huge_tree the
# limits are 2048 levels and 1 GB; a page nested deeper is flattened (below) and parsed
# again, and a page that still hits a limit is rejected as "unparseable", never "empty".
LIBXML_MAX_DEPTH: Final = 2048
# The block walker below recurses per element (Python's recursion limit is 1000): a tree
# deeper than this is flattened too, and the pre-pass keeps this many open elements.
FLATTEN_DEPTH: Final = 512
DEEPER_THAN_FLATTEN: Final = etree.XPath("boolean(" + "/*" * (FLATTEN_DEPTH + 1) + ")")
# An element that deep has an ancestor at every level above it: a tree with no element below
# SHALLOW_DEPTH levels (every snapshot page: at most 14) has none below FLATTEN_DEPTH either, and
# this shorter path (less than half the time) answers for it.
SHALLOW_DEPTH: Final = 32
DEEPER_THAN_SHALLOW: Final = etree.XPath("boolean(" + "/*" * (SHALLOW_DEPTH + 1) + ")")


def deeper_than_flatten(doc: lxml.html.HtmlElement) -> bool:
    """DEEPER_THAN_FLATTEN(doc), evaluated only for a tree deeper than SHALLOW_DEPTH."""
    return bool(DEEPER_THAN_SHALLOW(doc)) and bool(DEEPER_THAN_FLATTEN(doc))
FLATTEN_MARGIN = 32     # levels left for elements the parser adds (html, body, implied tbody ...)
RESOURCE_LIMIT: Final = "ERR_RESOURCE_LIMIT"
VOID_TAGS: Final = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
# Tags, and the spans the pre-pass copies unread (comments, script and style bodies).
FLATTEN_TOKEN_RE: Final = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([A-Za-z][A-Za-z0-9:_-]*)\b[^>]*?(/?)>",
    re.IGNORECASE | re.DOTALL,
)


def parse_html(html: str, warnings: list[str] | None = None, utf8: bytes | None = None) -> lxml.html.HtmlElement:
    """Parse a whole HTML document with lxml (tolerant of legacy markup).

    Never loses text to libxml2's limits silently: nesting deeper than the parser allows is
    flattened first (a warning is appended to `warnings`: block elements below
    FLATTEN_DEPTH become line breaks, inline ones are unwrapped, every text is kept); a
    page that still exceeds a limit raises NotAnArticle("unparseable", ...). `utf8`:
    html.encode("utf-8"), when the caller has it (a page's own bytes), else it is encoded here.
    """
    # lxml refuses str input that carries an XML encoding declaration (and the parser is given
    # the text's UTF-8 without it too, so that nothing but the text decides what it reads).
    declaration = XML_DECLARATION_RE.match(html)  # XML_DECLARATION_RE.sub("", html): ^ matches at 0 only
    if declaration is not None:
        html = html[declaration.end():]
        if utf8 is not None:  # the UTF-8 of a prefix is a prefix of the UTF-8
            utf8 = utf8[len(declaration.group().encode("utf-8")):]
    html, utf8 = xml_valid(html, utf8)
    doc, error = _parse_whole(utf8)
    if error is None and not deeper_than_flatten(doc):
        return doc
    if error is None or "depth" in error.lower():
        flat, unwrapped = flatten_nesting(html, FLATTEN_DEPTH - FLATTEN_MARGIN)
        doc, error = _parse_whole(flat)
        if error is None and not deeper_than_flatten(doc):
            if warnings is not None:
                warnings.append(f"nesting: HTML nested deeper than {FLATTEN_DEPTH} levels; "
                                f"{unwrapped} elements below that level unwrapped, text kept")
            return doc
        if error is None or "depth" in error.lower():
            raise NotAnArticle("unparseable", f"nesting deeper than {FLATTEN_DEPTH} levels even after "
                                              f"flattening ({error or 'the tree is still too deep'})")
    raise NotAnArticle("unparseable", f"HTML exceeds a parser limit: {error}")


# The classes of the parsed tree's nodes: lxml.html's own lookup is a Python method called for every
# node that gets a Python object (each element a walk, an XPath result or a meta scan touches), and
# gives form, input, select, textarea and label elements form-handling subclasses of HtmlElement that
# nothing here uses. This lookup runs in C and gives every element the plain HtmlElement (comments,
# processing instructions and entities lxml.html's classes, as before): a walk over the tree costs a
# third. tests/test_page_shortcuts.py compares whole transforms under both lookups.
ELEMENT_CLASS_LOOKUP: Final[etree.ElementClassLookup] = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def xml_valid(html: str, utf8: bytes | None = None) -> tuple[str, bytes]:
    """(XML_INVALID_CHARS_RE.sub("", html), the same in UTF-8), without the substitution's scan when there is
    nothing to drop; `utf8`: html.encode("utf-8") if the caller has it."""
    if utf8 is None:
        try:
            utf8 = html.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: dropped by the substitution
            html = XML_INVALID_CHARS_RE.sub("", html)
            return html, html.encode("utf-8")
    if not _holds_invalid_c0(utf8) and not any(char in html for char in XML_INVALID_NONCHARACTERS):
        return html, utf8
    html = XML_INVALID_CHARS_RE.sub("", html)  # it drops every surrogate: the rest encodes
    return html, html.encode("utf-8")


def _holds_invalid_c0(utf8: bytes) -> bool:
    """Whether the bytes hold one of XML_INVALID_C0_BYTES."""
    for code in XML_INVALID_C0_BYTES:
        if code in utf8:
            return True
    return False


# Each thread's parser of UTF-8 pages, built once (lxml.html.HTMLParser's __init__ is Python code and sets an
# element class lookup this one replaces: about a tenth of a parse's time) and reused: libxml2 resets the
# parser's context and lxml clears its error log at every parse, and a parser is one thread's (lxml lets one
# parse at a time, and its error log is read after the parse). With the lookup it was built with: a test
# that swaps ELEMENT_CLASS_LOOKUP gets a parser of its own.
# collect_ids=False: libxml2 registers no id attribute in the document's ID table (a hash per element with an
# id, and the table's upkeep when drop_tree removes one); only XPath's id() and getElementById read it, and
# nothing here does (every id test is @id, an attribute comparison).
_THREAD_PARSER: Final = threading.local()


def _utf8_parser() -> etree.HTMLParser:
    """This thread's HTML parser of UTF-8 bytes (huge_tree, no ID table, ELEMENT_CLASS_LOOKUP)."""
    local = _THREAD_PARSER
    parser: etree.HTMLParser | None = getattr(local, "parser", None)
    if parser is None or local.lookup is not ELEMENT_CLASS_LOOKUP:
        parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8", collect_ids=False)
        parser.set_element_class_lookup(ELEMENT_CLASS_LOOKUP)
        local.parser, local.lookup = parser, ELEMENT_CLASS_LOOKUP
    return parser


def _parse_whole(html: str | bytes) -> tuple[lxml.html.HtmlElement, str | None]:
    """(document, None), or (partial document, libxml2's message) when a resource limit cut it short.

    `html` as text, or as its UTF-8 (the parser told so: a <meta charset> or BOM in the page changes
    nothing): libxml2 reads UTF-8 as it is, where text with any character above U+007F reaches it as
    UTF-16 or UCS-4 that it converts first (tests/test_page_shortcuts.py compares the trees)."""
    if isinstance(html, bytes):
        parser = _utf8_parser()
    else:
        parser = lxml.html.HTMLParser(huge_tree=True, collect_ids=False)
        parser.set_element_class_lookup(ELEMENT_CLASS_LOOKUP)
    doc = etree.fromstring(html, parser)  # lxml.html.document_fromstring(html, parser=parser), less its frame
    if doc is None:  # what document_fromstring raises then
        raise etree.ParserError("Document is empty")
    for entry in parser.error_log:
        if entry.type_name == RESOURCE_LIMIT:
            return doc, " ".join(entry.message.split())
    return doc, None


def flatten_nesting(html: str, max_depth: int) -> tuple[str, int]:
    """`html` with no element opened deeper than `max_depth` (counted as written, void tags
    and self-closed tags aside): deeper block tags become <br>, deeper inline tags are
    dropped, with their end tags; text, comments, scripts and styles are copied as they
    are. Returns (html, number of elements unwrapped)."""
    out: list[str] = []
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    unwrapped_open: Counter[str] = Counter()
    unwrapped = 0
    pos = 0
    for match in FLATTEN_TOKEN_RE.finditer(html):
        name = match.group(3)
        if not name:
            continue  # a comment, script or style: copied with the text around it
        name = name.lower()
        closing = bool(match.group(2))
        if name in VOID_TAGS or match.group(4):
            continue
        replacement: str | None = None
        if not closing:
            if len(stack) >= max_depth:
                replacement = "<br>" if name in BLOCK_TAGS else ""
                unwrapped_open[name] += 1
                unwrapped += 1
            else:
                stack.append(name)
                open_names[name] += 1
        elif unwrapped_open[name] > 0:
            replacement = "<br>" if name in BLOCK_TAGS else ""
            unwrapped_open[name] -= 1
        elif open_names[name] > 0:
            while stack:  # the end tag closes its element and what was left open inside it
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
        if replacement is not None:
            out.append(html[pos:match.start()])
            out.append(replacement)
            pos = match.end()
    out.append(html[pos:])
    return "".join(out), unwrapped


# The string-value of the element's first <title> descendant (its text nodes joined; "" without one).
_FIRST_TITLE_TEXT: Final = etree.XPath("string(descendant::title[1])", smart_strings=False)


def holds_text(doc: lxml.html.HtmlElement) -> bool:
    """any(map(has_text, doc.itertext())): whether a text piece of the element's subtree holds a character that is
    not whitespace. Its first <title>'s text nodes are some of those pieces, and a character of their joined text
    is one of a piece's: a title with text answers (almost every page) without the walk, where itertext built an
    event tuple and an element proxy for every element before the first text (the head's metas' line breaks)."""
    return has_text(_FIRST_TITLE_TEXT(doc)) or any(map(has_text, doc.itertext()))


# An element's attribute by the method itself: el.get(...) looks the method up along HtmlElement's classes at
# every call (compiled, a method call through PyObject_VectorcallMethod).
_ELEMENT_GET: Final = etree._Element.get


@lru_cache(maxsize=256)
def _compiled(expr: str) -> etree.XPath:
    return etree.XPath(faster(expr))


def xpath(node: etree._Element, expr: str) -> Any:
    """node.xpath(expr), with the expression compiled once (node.xpath compiles it on every call), in the
    faster form of transforms.xpathfast when it has one (the same node-set)."""
    return _compiled(expr)(node)


@lru_cache(maxsize=32)
def _attribute_values(attr: str) -> etree.XPath:
    """The values of every `attr` of the document, in document order: `//@{attr}`, written as the elements'
    attributes (only elements have any), which libxml2 finds without gathering every node of the page first
    (`//` is descendant-or-self::node(), text nodes included): about a quarter less time."""
    return etree.XPath(f"/descendant::*/@{attr}", smart_strings=False)


@lru_cache(maxsize=32)
def _attribute_owner(attr: str) -> etree.XPath:
    """The element owning the $position-th `attr` of the document (in _attribute_values' order)."""
    return etree.XPath(f"(/descendant::*/@{attr})[$position]/..")


class AttributeValues:
    """The values of some attributes (`names`) of a whole document, read once each, to skip the XPaths
    that cannot select anything there (transforms.xpathfast.needed_texts: a step whose texts no value
    holds; a term on another attribute may always hold).

    Built before the tree is edited, it holds every value the tree can still have afterwards (the
    templates only remove elements), so it answers for the whole document and any part of it.
    """

    def __init__(self, doc: etree._Element, names: Iterable[str] = ("class",)) -> None:
        self.doc = doc
        self.names = frozenset(names)
        self.values: dict[str, list[str]] = {}
        self.joined: dict[str, str] = {}
        self.words: dict[str, frozenset[str]] = {}

    def _values(self, attr: str) -> list[str]:
        values = self.values.get(attr)
        if values is None:
            values = self.values[attr] = _attribute_values(attr)(self.doc)
        return values

    def _joined(self, attr: str) -> str:
        joined = self.joined.get(attr)
        if joined is None:  # NUL: no value holds it (XML cannot), so no text is found across two values
            joined = self.joined[attr] = "\x00".join(self._values(attr))
        return joined

    def holds(self, attr: str, text: str, word: bool) -> bool:
        """True if some element's `attr` value contains `text` (as one of its words, when `word`); always
        True for an attribute not in `names`. `text`: one of needed_texts' (no NUL; a word no whitespace)."""
        if attr not in self.names:
            return True
        if not word:
            return text in self._joined(attr)
        return text in self.word_set(attr)

    def word_set(self, attr: str) -> frozenset[str]:
        """The words of every `attr` value (of an attribute in `names`), split by str.split()."""
        words = self.words.get(attr)
        if words is None:
            # every value's words: str.split() splits at XML whitespace and more, so a word of a value is
            # one of these or holds a split point (a word with none is found). A set: a class test asks
            # for one word, where a search of the words joined by spaces read them all.
            words = self.words[attr] = frozenset(self._joined(attr).replace("\x00", " ").split())
        return words

    def may_select(self, expr: str) -> bool:
        """False only if `expr` selects nothing from any node of the document."""
        needs = _needed_texts(expr)
        if needs is None:
            return True
        for step in needs:
            for attr, text, word in step:
                if self.holds(attr, text, word):
                    break
            else:
                return False  # no value holds any text this step needs
        return True

    def xpath(self, node: etree._Element, expr: str) -> Any:
        """xpath(node, expr) for a node of the document: [] without evaluating when the values rule it out."""
        return xpath(node, expr) if self.may_select(expr) else []

    def word_owners(self, attr: str, word: str) -> list[etree._Element]:
        """xpath(doc, f"//*[contains(concat(' ', normalize-space(@{attr}), ' '), ' {word} ')]") for an `attr` of
        `names` and a `word` without whitespace, asked before any edit of the tree (the values, read then, are
        the tree's). The elements whose value holds `word` among its words split at XML whitespace (as
        normalize-space splits), each found by the value's position among the document's (document order,
        _attribute_values'; an element has one `attr` at most, so its owners come in document order too): one
        owner's path where the expression's predicate read every value of the page again (about 200k
        instructions a Joomla page for the item page)."""
        if word not in self.word_set(attr):  # (str.split() splits at more: an XML word with no whitespace is one)
            return []
        owners: list[etree._Element] = []
        for position, value in enumerate(self._values(attr), start=1):
            if word in value and word in _xml_words(value):
                owners.extend(_attribute_owner(attr)(self.doc, position=position))
        return owners


@lru_cache(maxsize=256)
def _needed_texts(expr: str) -> list[tuple[tuple[str, str, bool], ...]] | None:
    return needed_texts(expr)


def meta_content(doc: lxml.html.HtmlElement, name: str) -> str | None:
    """content of <meta name=NAME> or <meta property=NAME> (name matched case-insensitively).

    A key is lowered only when it can lower to the wanted name: for an ASCII name, only a key as long as it
    (no character lowers to more than one but İ, to i and a combining dot, which no ASCII name holds;
    test_page_shortcuts checks every character). Most metas are named otherwise; lower() was a method call each."""
    wanted = name.lower()
    size = len(wanted) if wanted.isascii() else -1
    get = _ELEMENT_GET
    for meta in doc.iter("meta"):
        key: str = get(meta, "name") or get(meta, "property") or get(meta, "itemprop") or ""
        if (size < 0 or len(key) == size) and key.lower() == wanted:
            value = normalize_space(get(meta, "content") or "")
            if value:
                return value
    return None


def meta_values(doc: lxml.html.HtmlElement) -> dict[str, str]:
    """Every meta_content answer of the page in one pass over its metas: for each lowercased name (or
    property, itemprop), the first non-empty normalized content; meta_content(doc, NAME) is
    meta_values(doc).get(NAME.lower())."""
    values: dict[str, str] = {}
    get = _ELEMENT_GET
    for meta in doc.iter("meta"):
        key = (get(meta, "name") or get(meta, "property") or get(meta, "itemprop") or "").lower()
        if key not in values:
            value = normalize_space(get(meta, "content") or "")
            if value:
                values[key] = value
    return values


def named_metas(doc: lxml.html.HtmlElement, case: dict[int, int], names: tuple[str, ...],
                keys: frozenset[str] | None = None) -> tuple[list[list[lxml.html.HtmlElement]], dict[str, str]]:
    """(for each of `names`, the document's <meta> elements whose name attribute, translated by `case`, is
    that name, in document order; meta_values(doc)), in one pass over the metas. The document's metas:
    those of xpath(doc, "//meta"), the root element's and any libxml2 left beside it (what follows a
    closed </html>); meta_values reads the root element's only. `keys`: the (lowercase) keys of meta_values
    wanted, when not all: the others' contents are neither read nor normalized (a page's metas are mostly
    keywords, descriptions and the like that nothing reads).

    `case` only changes letters' case (each character to itself in another case): a name translates to
    one of `names` only if its lower case is that name's, so only such names are translated (the lower
    case is meta_values' key anyway; a translation looks each character up in the dict, about 5k
    instructions a name)."""
    found: list[list[lxml.html.HtmlElement]] = [[] for _ in names]
    lowered = frozenset(wanted.lower() for wanted in names)
    values: dict[str, str] = {}
    before = list(doc.itersiblings(preceding=True))  # nearest first
    before.reverse()
    get = _ELEMENT_GET
    for top in (*before, doc, *doc.itersiblings()):
        own = top is doc
        for meta in top.iter("meta"):
            name: str | None = get(meta, "name")  # (typed: lower() compiled, not a method call)
            lower = name.lower() if name else None  # (an empty name translates to no wanted name)
            if name and lower in lowered:
                folded = name.translate(case)
                for index, wanted in enumerate(names):
                    if folded == wanted:
                        found[index].append(meta)
                        break
            if own:  # meta_values
                key = lower
                if key is None:
                    other: str = get(meta, "property") or get(meta, "itemprop") or ""
                    key = other.lower()
                if key not in values and (keys is None or key in keys):
                    value = normalize_space(get(meta, "content") or "")
                    if value:
                        values[key] = value
    return found, values


def has_attribute_value(doc: lxml.html.HtmlElement, wanted: Mapping[str, tuple[str, frozenset[str]]]) -> bool:
    """True if the document holds an element of a tag of `wanted` whose attribute (`wanted[tag][0]`) has one of
    the values `wanted[tag][1]`: any(xpath(doc, f"//{tag}[@{attr}='V1' or @{attr}='V2' ...]") for each tag), by
    one walk over the elements of those tags (libxml2 matches the tag names in C; only they get a proxy) where
    each expression walked every node of the page. The document's elements: the root element's and any libxml2
    left beside it, as `//` selects them."""
    get = _ELEMENT_GET
    for top in (*doc.itersiblings(preceding=True), doc, *doc.itersiblings()):  # (any order: one answer)
        for tag, (attr, values) in wanted.items():  # a walk per tag: no element's tag is read (a string built)
            for el in top.iter(tag):
                value = get(el, attr)
                if value is not None and value in values:
                    return True
    return False


def first_text(doc: lxml.html.HtmlElement, xpaths: Iterable[str]) -> str | None:
    """Normalized text of the first non-empty match of the first XPath that has one."""
    return first_text_of(xpath(doc, expr) for expr in xpaths)


def first_text_of(node_lists: Iterable[Iterable[Any]]) -> str | None:
    """Normalized text of the first non-empty node (or string) of the first list that has one (lists
    drawn one at a time: a generator of XPath results evaluates only as many as needed)."""
    for nodes in node_lists:
        for node in nodes:
            text = normalize_space(node if isinstance(node, str) else node.text_content())
            if text:
                return text
    return None


def first_node(doc: lxml.html.HtmlElement, xpaths: Iterable[str]) -> lxml.html.HtmlElement | None:
    """The first element matched by the first XPath that matches anything."""
    for expr in xpaths:
        nodes = xpath(doc, expr)
        if nodes:
            return nodes[0]
    return None


def drop_nodes(root: lxml.html.HtmlElement, xpaths: Iterable[str], values: AttributeValues | None = None) -> None:
    """Remove every element matched by `xpaths` from the tree, keeping its tail text. `values`: the
    document's AttributeValues, read before any edit (the expressions they rule out are not evaluated)."""
    for expr in xpaths:
        for node in xpath(root, expr) if values is None else values.xpath(root, expr):
            drop_tree(node)


def drop_tree(el: etree._Element) -> None:
    """lxml.html's HtmlElement.drop_tree (here compiled; lxml's is interpreted): remove `el` with its children
    and text, its tail text joined to the previous sibling's tail or the parent's text. Nothing for an
    element without a parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(el)


# XPath's normalize-space() and a class test's word split: XML's whitespace only (str.split() splits at more).
_XML_SPACES: Final = str.maketrans("\t\n\r", "   ")


class ClassDrops:
    """drop_nodes(root, xpaths) for a drop list whose every expression is `.//TAG[test or ...]` or
    `.//*[test or ...]`, each test a class word (`contains(concat(' ', normalize-space(@class), ' '), ' W ')`),
    a part of the class value (`contains(@class, 'P')`) or an id (`@id='I'`): one walk over the root's
    descendants instead of one XPath evaluation per expression. The same tree results: every test reads the
    element's own attributes, so an element is matched whatever was dropped before, and dropping the
    matches in document order leaves what dropping them expression by expression leaves (a drop only
    removes, and the dropped elements' tails join their neighbours' alike in any order).

    `words`: for each tag, the class words that drop it ("*": any element); `parts`: the class value parts
    that drop any element; `ids`: the ids that drop any element.
    """

    def __init__(self, words: Mapping[str, Iterable[str]], parts: Iterable[str], ids: Iterable[str]) -> None:
        any_words = frozenset(words.get("*", ()))
        self.any_words = any_words
        self.by_tag: dict[str, frozenset[str]] = {
            tag: frozenset(tag_words) | any_words for tag, tag_words in words.items() if tag != "*"}
        self.all_words = frozenset(w for tag_words in words.values() for w in tag_words)
        self.parts = tuple(parts)
        self.ids = frozenset(ids)

    def drop(self, root: lxml.html.HtmlElement, values: AttributeValues | None = None) -> None:
        """Remove the matched descendants of `root`, keeping their tail text. `values`: the document's
        AttributeValues, read before any edit (the class words and parts no value holds are not tested)."""
        words = self.all_words
        parts = self.parts
        if values is not None and "class" in values.names:
            words = words & values.word_set("class")
            parts = tuple(p for p in parts if values.holds("class", p, False))
        ids = self.ids
        test_class = bool(words) or bool(parts)
        if not test_class and not ids:
            return
        by_tag = self.by_tag
        any_words = self.any_words
        get = _ELEMENT_GET
        hits: list[lxml.html.HtmlElement] = []
        # A hit's descendants are not tested: dropping one of them (a drop_tree inside the dropped subtree) would
        # leave root's tree as it is. The walk skips to `after`, the first element past the last hit's subtree.
        after: etree._Element | None = None
        skipping = False
        for el in root.iterdescendants(etree.Element):
            if skipping:
                if el is not after:
                    continue
                skipping = False
            if ids:
                name = get(el, "id")
                if name is not None and name in ids:
                    hits.append(el)
                    after = _following(el, root)
                    skipping = True
                    continue
            if not test_class:
                continue
            value = get(el, "class")
            if value is None:
                continue
            if _class_dropped(value, words, parts, el, by_tag, any_words):
                hits.append(el)
                after = _following(el, root)
                skipping = True
        for el in hits:
            drop_tree(el)


def _following(el: etree._Element, root: etree._Element) -> etree._Element | None:
    """The first element after el's subtree in document order among root's descendants (None: none follows).
    el: a descendant of root."""
    while el is not root:
        sibling = next(el.itersiblings(etree.Element), None)
        if sibling is not None:
            return sibling
        parent = el.getparent()
        assert parent is not None  # (a descendant of root)
        el = parent
    return None


def _class_dropped(value: str, words: frozenset[str], parts: tuple[str, ...], el: etree._Element,
                   by_tag: dict[str, frozenset[str]], any_words: frozenset[str]) -> bool:
    """True if the class value `value` of `el` holds one of `parts` or a class word of `words` that drops
    el's tag (`by_tag`, else `any_words`). The tag is read only for a value holding one of `words` (reading
    it builds a string)."""
    for part in parts:
        if part in value:
            return True
    if words:
        for word in value.split():
            # str.split() splits at more than XML's whitespace: the word is one of the value's XML words
            # only if the value split at XML's whitespace alone holds it
            if word in words and word in by_tag.get(el.tag, any_words) and word in _xml_words(value):
                return True
    return False


def _xml_words(value: str) -> list[str]:
    """value.translate(_XML_SPACES).split(" "): the value split at XML's whitespace. A value without a tab,
    line feed or carriage return is split at its spaces alone (the translation looks every character up)."""
    if "\t" in value or "\n" in value or "\r" in value:
        return value.translate(_XML_SPACES).split(" ")
    return value.split(" ")


def _centered_by_attributes(el: etree._Element) -> bool:
    """An element centered by its align or style attribute (a <center> is centered by its tag: the walker has
    the tag already, where reading el.tag again builds the string again). No pattern searches an empty value:
    the pattern matches no empty text."""
    align = _ELEMENT_GET(el, "align")
    if align and align.strip().lower() == "center":
        return True
    style = _ELEMENT_GET(el, "style")
    return bool(style) and CENTER_STYLE_RE.search(style) is not None


def _caption_by_class(el: etree._Element) -> bool:
    """An element marked as a caption by its class (a <figcaption> is one by its tag)."""
    value = _ELEMENT_GET(el, "class")
    return bool(value) and CAPTION_CLASS_RE.search(value) is not None


class _Walker:
    """Collects blocks from a region; optionally only between two marker elements."""

    def __init__(self, start: etree._Element | None, end: etree._Element | None) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.start, self.end = start, end
        self.active = start is None
        # Until the start marker is reached nothing shows (no text is kept, flushes find nothing,
        # the block stack only grows and shrinks back): only the elements around it (and around the
        # end marker, which ends the walk wherever it is met) need walking.
        self.around_start: frozenset[etree._Element] = frozenset(
            (*start.iterancestors(), *(end.iterancestors() if end is not None else ()))
            if start is not None else ())
        # For each ancestor of the start marker, its child that is or holds the marker: the children
        # before it are not around the start, nor (unless the end marker comes first) around the end, so
        # the walk begins at it.
        self.toward_start: dict[etree._Element, etree._Element] = {}
        if start is not None:
            below = start
            for ancestor in start.iterancestors():
                self.toward_start[ancestor] = below
                below = ancestor
            if end is not None:
                below = end
                for ancestor in end.iterancestors():
                    toward = self.toward_start.get(ancestor)
                    if toward is not None:  # the markers' nearest common ancestor
                        if toward is not below and ancestor.index(below) < ancestor.index(toward):
                            self.toward_start = {}  # the end marker comes first: the walk ends there
                        break
                    below = ancestor
        self.done = False
        # per open block: (centered, caption markup, heading)
        self.ctx: list[tuple[bool, bool, bool]] = [(False, False, False)]
        self.saw_image = False  # an image since the last text block
        self.image_in_block = False

    def text(self, value: str | None) -> None:
        if value and self.active and not self.done:
            self.parts.append(value)

    def flush(self) -> None:
        if not self.parts:
            return  # nothing since the last flush
        text = normalize_space("".join(self.parts))
        self.parts.clear()
        if not text:
            return
        centered, caption, heading = self.ctx[-1]
        self.blocks.append(Block(text=text, centered=centered, caption_markup=caption,
                                 after_image=self.saw_image or self.image_in_block,
                                 heading=heading, normalized=True))
        self.saw_image = False
        self.image_in_block = False

    def walk(self, el: etree._Element) -> None:
        if self.done:
            return
        if el is self.start:
            self.active = True
            # alignment of the page layout around the content markers does not count
            self.ctx = [(False, c, h) for _, c, h in self.ctx]
            return
        if el is self.end:
            self.flush()
            self.done = True
            return
        if not self.active and el not in self.around_start:
            return  # before the start marker and not around it: walking it would change nothing
        raw_tag = el.tag  # read once: lxml builds the string on every read
        if not isinstance(raw_tag, str) or raw_tag in SKIP_TAGS:
            return
        tag = raw_tag.lower()
        if tag == "br":
            self.flush()
            return
        if tag == "img":
            if self.active:
                if normalize_space("".join(self.parts)):
                    self.image_in_block = True
                else:
                    self.saw_image = True
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.flush()
            parent = self.ctx[-1]
            own_centered, own_caption = raw_tag == "center", raw_tag == "figcaption"
            if el.attrib:  # (no align, style or class, as most paragraphs: the tag alone answers)
                own_centered = own_centered or _centered_by_attributes(el)
                own_caption = own_caption or _caption_by_class(el)
            if tag == "table":
                centered = False
            elif tag in ALIGN_SCOPE_TAGS:
                centered = own_centered
            else:
                centered = parent[0] or own_centered
            self.ctx.append((centered, parent[1] or own_caption, tag in HEADING_TAGS))
        self.children(el)
        if is_block:
            self.flush()
            self.ctx.pop()

    def children(self, el: etree._Element) -> None:
        """Walk el's text and children with their tails (before the start marker, only those from the child
        toward it on: the text and elements before it would show nothing)."""
        first = None if self.active else self.toward_start.get(el)
        if first is None:
            self.text(el.text)
            # getchildren(): the children iteration gives (elements, comments, processing instructions,
            # entity references: the same node types), as one list built in C, where `for child in el`
            # builds an ElementChildIterator and its tag matcher per element (about 1.6k instructions)
            for child in el.getchildren():
                self.walk(child)
                if self.done:
                    return
                self.text(child.tail)
            return
        self.walk(first)
        if self.done:
            return
        self.text(first.tail)
        for child in first.itersiblings():
            self.walk(child)
            if self.done:
                return
            self.text(child.tail)


def region_blocks(
    region: etree._Element,
    start: etree._Element | None = None,
    end: etree._Element | None = None,
) -> list[Block]:
    """Text blocks of `region` in document order (only those between `start` and `end` if given)."""
    walker = _Walker(start, end)
    walker.children(region)
    walker.flush()
    return walker.blocks


def breadcrumb_items(node: etree._Element) -> list[str]:
    """The items of a breadcrumb element: its link texts, else its text split on > » ›."""
    links = [normalize_space(a.text_content()) for a in node.iter("a")]
    links = [t for t in links if t]
    text = normalize_space(node.text_content())
    parts = [normalize_space(p) for p in BREADCRUMB_SEPARATOR_RE.split(text)]
    parts = [p for p in parts if p]
    # Prefer the split text when it has more items (the last item is often not a link).
    return parts if len(parts) >= len(links) else links
