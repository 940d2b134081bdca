"""Hanweb JCMS ("大汉版通") article pages: english.ningbo.gov.cn.

Content region: everything between `<meta name="ContentStart">` and
`<meta name="ContentEnd">` (inside `div#zoom`, sometimes `td.bt_content`; legacy pages
use uppercase/unquoted `<META name=ContentStart>`), else between the
`<!--ZJEG_RSS.content.begin-->`/`<!--ZJEG_RSS.content.end-->` comments (templates that write
no marker metas), else the first region selector that matches (`#zoom`, `.zoom`,
`.article_zoom`, `#ivs_content`, ...). Title from the ArticleTitle meta, date from PubDate, section from ColumnName,
each with fallbacks to the visible page (the date: the "Text Size" cell, then a dated line
above the content such as legacy pages' "Release date:2019-07-21Browse times: ...").
Column pages (`<datastore>` record lists) are listings.
"""
from __future__ import annotations

import re

import lxml.html

from transforms.boilerplate import DATED_HEADER
from transforms.errors import NotAnArticle
from transforms.templates.htmlutil import (
    breadcrumb_items,
    drop_nodes,
    first_node,
    first_text,
    has_attribute_value,
    meta_content,
    named_metas,
    region_blocks,
    xpath,
)
from transforms.textutil import Content, normalize_space, parse_date, url_date

NAME = "hanweb"

# Markers that say "this page was produced by Hanweb JCMS".
GENERATOR_RE = re.compile(r"大汉|hanweb", re.IGNORECASE)
MARKER_XPATHS = (
    "//meta[@name='ContentStart' or @name='contentstart' or @name='CONTENTSTART']",
    "//div[@id='zoom' or @id='Zoom' or @id='ZOOM']",
    "//td[contains(concat(' ', normalize-space(@class), ' '), ' bt_content ')]",
)
# What detect asks of MARKER_XPATHS[:2] (the ContentStart meta, div#zoom), for htmlutil.has_attribute_value's
# one walk over the metas and divs: on every page of another template both expressions walked the whole tree.
MARKER_VALUES = {"meta": ("name", frozenset(("ContentStart", "contentstart", "CONTENTSTART"))),
                 "div": ("id", frozenset(("zoom", "Zoom", "ZOOM")))}
DIV_MARKER_VALUES = {"div": MARKER_VALUES["div"]}
CONTENT_COMMENT_RE = re.compile(r"ZJEG_RSS\.content\.begin", re.IGNORECASE)
# What CONTENT_COMMENT_RE's uncased characters need ("_", then "." 3 and 11 characters on): a
# case-sensitive pattern that opens with a literal is scanned fast, an IGNORECASE one is tried at
# every position of the page; the full pattern runs only where this one finds something.
CONTENT_COMMENT_GATE_RE = re.compile(r"_...\.\w{7}\.")

# Content region.
CONTENT_START_XPATH = "//meta[translate(@name, 'CONTENTSAR', 'contentsar')='contentstart']"
CONTENT_END_XPATH = "//meta[translate(@name, 'CONTENTSAR', 'contentsar')='contentend']"
# What both XPaths compare (content_markers reads them off one pass over the metas).
MARKER_CASE = str.maketrans("CONTENTSAR", "contentsar")
START_NAME, END_NAME = "contentstart", "contentend"
ALL_METAS_XPATH = "//meta"
# Templates without the marker metas keep the RSS comments around the content.
COMMENT_BEGIN_XPATH = "//comment()[normalize-space(.)='ZJEG_RSS.content.begin']"
COMMENT_END_XPATH = "//comment()[normalize-space(.)='ZJEG_RSS.content.end']"
REGION_XPATHS = (
    "//div[@id='zoom' or @id='Zoom' or @id='ZOOM']",
    "//td[contains(concat(' ', normalize-space(@class), ' '), ' bt_content ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' bt_content ')]",
    # other Hanweb templates: div.zoom (Shandong), div.article_zoom (Jiangsu gxt), div#ivs_content (Zhejiang)
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' zoom ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' article_zoom ')]",
    "//div[@id='ivs_content']",
    "//div[@id='content' or @class='content' or @class='article-content' or @class='art_con']",
)
# Page furniture that can sit inside a region (text-size and print/close links, counters).
REGION_DROP_XPATHS = (
    ".//a[contains(@href, 'doZoom') or contains(@href, 'window.print') or contains(@href, 'window.close')]",
    ".//*[contains(@src, 'visitcount') or contains(@href, 'visitcount')]",
)

# The same tests on a node and the elements above it (what dropping a region's furniture would take
# the region with).
REGION_DROP_ABOVE_XPATHS = tuple(expr.replace(".//", "ancestor-or-self::", 1) for expr in REGION_DROP_XPATHS)

# Metadata.
TITLE_META = "ArticleTitle"
TITLE_XPATHS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' title ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' bt_title ')]",
    "//h1",
)
DATE_META = "PubDate"
# The date cell next to "Text Size: A A A" first; class-named date cells last (sidebars
# listing other articles' dates use them too), after the /art/YYYY/M/D/ URL.
DATE_CELL_XPATHS = ("//*[contains(., 'Text Size') and not(*[contains(., 'Text Size')])]",)
DATE_CLASS_XPATHS = (
    "//*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'fbrq')]",
)
# A dated line above the content region: legacy pages have neither the PubDate meta nor the
# "Text Size" cell, only "Release date:2019-07-21Browse times: Source:... Size:[ big middle small ]"
# (the furniture pattern the boilerplate filter knows: "Release date:", "Updated:", "Published on:").
DATED_LINE_RE = re.compile(DATED_HEADER)
TEXT_BEFORE_CONTENT_XPATH = "preceding::text()[not(ancestor::script or ancestor::style)]"
BODY_TEXT_XPATH = "//body//text()[not(ancestor::script or ancestor::style)]"
DATED_LINE_SCAN = 200  # text pieces searched when the page has no content marker
SECTION_META = "ColumnName"
BREADCRUMB_XPATHS = (
    "//*[contains(@class, 'bt_link') or contains(@class, 'crumb') or contains(@class, 'position')"
    " or contains(@class, 'location') or contains(@class, 'dqwz')]",
)
# Any short cell whose text reads like "> News > Sci-Tech" (pages without a breadcrumb class).
BREADCRUMB_CANDIDATES_XPATH = "//td|//div|//span|//p"
HEAD_TITLE_XPATH = "//title"
# Breadcrumb text as seen on the page: "> News > In the City > Hot Topic".
BREADCRUMB_TEXT_RE = re.compile(r"^\s*(?:home\s*)?[>»›]\s*\S.*", re.IGNORECASE)
DATE_CELL_MAX_CHARS = 80
DATE_CELL_LEVELS = 3
URL_DATE_RE = re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")
TITLE_SEPARATORS_RE = re.compile(r"\s+[-|_—]\s+")

# Listing pages: a column page embeds records in a <datastore> (script text); static
# column pages are plain lists of /art/ links.
DATASTORE_RE = re.compile(r"<datastore>|<recordset>|dataproxy\.jsp", re.IGNORECASE)
ARTICLE_LINKS_XPATH = "//a[contains(@href, '/art/')]"
LISTING_MIN_ARTICLE_LINKS = 5


def detect(doc: lxml.html.HtmlElement, html: str, generator: str | None = None,
           starts: list[lxml.html.HtmlElement] | None = None) -> bool:
    """True if the page looks like a Hanweb JCMS page. `generator`: meta_content(doc, "generator") or "",
    `starts`: content_markers(doc)[0], when the caller has them."""
    if generator is None:
        generator = meta_content(doc, "Generator") or ""
    if GENERATOR_RE.search(generator):
        return True
    if CONTENT_COMMENT_GATE_RE.search(html) and CONTENT_COMMENT_RE.search(html) or (
            "/module/" in html and DATASTORE_RE.search(html)):
        return True
    if starts is None:
        return has_attribute_value(doc, MARKER_VALUES)  # any(xpath(doc, x) for x in MARKER_XPATHS[:2])
    # a meta of MARKER_VALUES is one of `starts` (the document's metas whose name is ContentStart in any case):
    # only the divs are walked
    attr, names = MARKER_VALUES["meta"]
    return any(meta.get(attr) in names for meta in starts) or has_attribute_value(doc, DIV_MARKER_VALUES)


def content_markers(doc: lxml.html.HtmlElement) -> tuple[list[lxml.html.HtmlElement], list[lxml.html.HtmlElement]]:
    """(xpath(doc, CONTENT_START_XPATH), xpath(doc, CONTENT_END_XPATH)): the page's metas (ALL_METAS_XPATH,
    the document's, not only the root element's: libxml2 leaves what follows a closed </html> beside it)
    selected once, then read in Python, about a third of the two XPaths' time."""
    starts: list[lxml.html.HtmlElement] = []
    ends: list[lxml.html.HtmlElement] = []
    for meta in xpath(doc, ALL_METAS_XPATH):
        name = meta.get("name")
        if name is not None:
            folded = name.translate(MARKER_CASE)
            if folded == START_NAME:
                starts.append(meta)
            elif folded == END_NAME:
                ends.append(meta)
    return starts, ends


# The metas parse reads (meta_values' keys: lowercase).
READ_METAS = frozenset(name.lower() for name in (TITLE_META, DATE_META, SECTION_META))
# What page._detect reads of the metas before a template is chosen: the generator (every template's detect asks
# for it) and what parse reads, handed to parse on a Hanweb page (one pass over the metas instead of two).
GENERATOR_META = "generator"
DETECT_METAS = READ_METAS | {GENERATOR_META}
Metas = tuple[list[lxml.html.HtmlElement], list[lxml.html.HtmlElement], dict[str, str]]


def markers_and_metas(doc: lxml.html.HtmlElement, keys: frozenset[str] = READ_METAS) -> Metas:
    """(*content_markers(doc), meta_values(doc) of the `keys`), from one pass over the metas
    (htmlutil.named_metas)."""
    (starts, ends), values = named_metas(doc, MARKER_CASE, (START_NAME, END_NAME), keys)
    return starts, ends, values


def comment_markers(doc: lxml.html.HtmlElement, html: str) -> tuple[list, list]:
    """The page's ZJEG_RSS.content.begin and .end comments (([], []) when the page names neither)."""
    if not (CONTENT_COMMENT_GATE_RE.search(html) and CONTENT_COMMENT_RE.search(html)):
        return [], []
    return xpath(doc, COMMENT_BEGIN_XPATH), xpath(doc, COMMENT_END_XPATH)


def is_listing(doc: lxml.html.HtmlElement, html: str, starts: list[lxml.html.HtmlElement],
               title_meta: str | None) -> bool:
    """A column page: no article content markers/metas, and a record datastore or many article links.
    `starts`: the page's CONTENT_START_XPATH elements; `title_meta`: meta_content(doc, TITLE_META)."""
    if starts or title_meta is not None:
        return False
    if DATASTORE_RE.search(html):
        return True
    return first_node(doc, REGION_XPATHS[:2]) is None and (
        len(xpath(doc, ARTICLE_LINKS_XPATH)) >= LISTING_MIN_ARTICLE_LINKS)


def parse(doc: lxml.html.HtmlElement, html: str, url: str | None = None, read: Metas | None = None) -> Content:
    """Title, date, section and text blocks of a Hanweb article page. `read`: markers_and_metas(doc, keys) of
    keys holding READ_METAS, read before any edit, when the caller has it (page._detect)."""
    # Asked once, before anything edits the tree: the markers (the listing test, the date and the blocks
    # need them) and the metas (meta_content of each name).
    starts, ends, metas = read if read is not None else markers_and_metas(doc)
    # the content between the RSS comments of a template without marker metas (the date's dated line is
    # then looked for above the content region, as on a page without markers)
    bounds = comment_markers(doc, html) if not starts else (starts, ends)
    if is_listing(doc, html, bounds[0], metas.get(TITLE_META.lower())):
        raise NotAnArticle("listing", "Hanweb column page (record datastore, no article content)")
    title = metas.get(TITLE_META.lower()) or first_text(doc, TITLE_XPATHS) or _title_from_head(doc)
    published = _published(doc, url, starts, metas.get(DATE_META.lower()))
    section = metas.get(SECTION_META.lower()) or _breadcrumb_section(doc)
    blocks = _content_blocks(doc, *bounds)
    return Content(title=title, published=published, section=section, blocks=blocks)


def _content_blocks(doc: lxml.html.HtmlElement, starts: list[lxml.html.HtmlElement],
                    ends: list[lxml.html.HtmlElement]) -> list:
    if starts:
        start = starts[0]
        end = next((e for e in ends if _follows(start, e)), None)
        # without an end marker, stay inside the region the start marker sits in (not the footer)
        root = doc.getroottree().getroot() if end is not None else _enclosing_region(start)
        if end is None:
            drop_nodes(root, REGION_DROP_XPATHS)
        else:
            _drop_between(root, start, end)
        return region_blocks(root, start=start, end=end)
    region = first_node(doc, REGION_XPATHS)
    if region is None:
        raise NotAnArticle("unparseable", "Hanweb page without a content region (no ContentStart/#zoom)")
    drop_nodes(region, REGION_DROP_XPATHS)
    return region_blocks(region)


def _drop_between(root: lxml.html.HtmlElement, start: lxml.html.HtmlElement, end: lxml.html.HtmlElement) -> None:
    """drop_nodes(root, REGION_DROP_XPATHS) as far as region_blocks(root, start, end) can tell, searching
    only the smallest element holding both markers (the content region, not the whole page).

    The walk reads nothing before `start` or after `end` but the markers' ancestors (their layout), and
    a dropped element's tail text stays where it stood: an element outside the smallest common ancestor
    of the markers, and not above it, changes no block. The whole root is searched when that ancestor is
    not inside root, when it or an element above it (below root) is to be dropped (the markers go with
    it), or when a drop took the end marker (the walk then reads on to the end of root).
    """
    common = _common_ancestor(start, end)
    if common is None or (common is not root and root not in common.iterancestors()) or any(
            node is not root for expr in REGION_DROP_ABOVE_XPATHS for node in xpath(common, expr)):
        drop_nodes(root, REGION_DROP_XPATHS)
        return
    drop_nodes(common, REGION_DROP_XPATHS)
    if common not in end.iterancestors():  # the end marker went with a dropped element
        drop_nodes(root, REGION_DROP_XPATHS)


def _common_ancestor(first: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest element that is an ancestor of both (None when they are in different trees)."""
    above = set(first.iterancestors())
    return next((ancestor for ancestor in other.iterancestors() if ancestor in above), None)


ENCLOSING_IDS = ("zoom", "ivs_content")
ENCLOSING_CLASSES = ("bt_content", "zoom", "article_zoom")


def _enclosing_region(node: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The nearest #zoom / #ivs_content / .bt_content / .zoom / .article_zoom ancestor of `node`, else its parent."""
    for ancestor in node.iterancestors():
        classes = (ancestor.get("class") or "").split()
        if ((ancestor.get("id") or "").lower() in ENCLOSING_IDS
                or any(name in classes for name in ENCLOSING_CLASSES)):
            return ancestor
    parent = node.getparent()
    if parent is not None:
        return parent
    # an RSS comment before <html> stands beside the root, not in it
    return node if isinstance(node.tag, str) else node.getroottree().getroot()


def _follows(first: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> bool:
    """True if `other` comes after `first` in document order (a following sibling of `first` or of an
    element above it, or inside one).

    Read off the two lines of ancestors: `other` is in that part of the tree exactly when, below their
    nearest common parent, its line's node follows `first`'s (one comparison of child positions; beside
    the root element, where there is no parent, the siblings are walked). Where the siblings and their
    descendants were walked in turn, most of the content region."""
    below: dict[lxml.html.HtmlElement | None, lxml.html.HtmlElement] = {}  # parent -> its child on other's line
    node = other
    while True:
        parent = node.getparent()
        below[parent] = node
        if parent is None:
            break
        node = parent
    node = first
    while True:
        parent = node.getparent()
        mine = below.get(parent)
        if mine is not None:
            if mine is node:  # other is node or inside it: not after first
                return False
            if parent is None:  # beside the root element: its siblings in order
                return any(sibling is mine for sibling in node.itersiblings())
            return parent.index(mine) > parent.index(node)
        if parent is None:
            return False
        node = parent


def _published(doc: lxml.html.HtmlElement, url: str | None, starts: list[lxml.html.HtmlElement],
               date_meta: str | None) -> str | None:
    """date_meta: meta_content(doc, DATE_META)."""
    published = parse_date(date_meta)
    if published:
        return published
    found = _date_from(doc, DATE_CELL_XPATHS) or _dated_line(doc, starts)
    if found:
        return found
    from_url = url_date(url, (URL_DATE_RE,))
    if from_url:
        return from_url
    return _date_from(doc, DATE_CLASS_XPATHS)


def _dated_line(doc: lxml.html.HtmlElement, starts: list[lxml.html.HtmlElement]) -> str | None:
    """The date of the first dated line ("Release date:2019-07-21Browse times:") above the
    content (the ContentStart marker, else the content region; the body's first text pieces
    on a page with neither)."""
    boundary = starts[0] if starts else first_node(doc, REGION_XPATHS)
    pieces = (xpath(boundary, TEXT_BEFORE_CONTENT_XPATH) if boundary is not None
              else xpath(doc, BODY_TEXT_XPATH)[:DATED_LINE_SCAN])
    for piece in pieces:
        line = normalize_space(str(piece))
        if line and DATED_LINE_RE.search(line):
            found = parse_date(line)
            if found:
                return found
    return None


def _date_from(doc: lxml.html.HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    """A date in a short matched cell, or in its parent/grandparent while those stay short."""
    for expr in xpaths:
        for node in xpath(doc, expr):
            for _ in range(DATE_CELL_LEVELS):
                if node is None:
                    break
                text = normalize_space(node.text_content())
                if len(text) > DATE_CELL_MAX_CHARS:
                    break
                found = parse_date(text)
                if found:
                    return found
                node = node.getparent()
    return None


def _breadcrumb_section(doc: lxml.html.HtmlElement) -> str | None:
    node = first_node(doc, BREADCRUMB_XPATHS)
    if node is None:
        for candidate in xpath(doc, BREADCRUMB_CANDIDATES_XPATH):
            text = normalize_space(candidate.text_content())
            if len(text) <= 120 and BREADCRUMB_TEXT_RE.match(text) and len(candidate) > 0:
                node = candidate
                break
    if node is None:
        return None
    items = breadcrumb_items(node)
    return items[-1] if items else None


def _title_from_head(doc: lxml.html.HtmlElement) -> str | None:
    title = first_text(doc, (HEAD_TITLE_XPATH,))
    if not title:
        return None
    # "site - column - title" (the title itself may contain " - ")
    parts = TITLE_SEPARATORS_RE.split(title)
    if len(parts) >= 3:
        return " - ".join(parts[2:])
    return parts[-1]
