"""Joomla 3 com_content article pages: ningbolife.com (Beez3 overrides and core layout).

Beez3: `article.item-page > h2` title (its HTML5 override; `div.item-page` in older
overrides), `dl.article-info` ("Details") with `dd.category-name` and `dd.published`
("Published: Friday, 24 May 2019 16:54"), body paragraphs directly in the item page. Core
Joomla 3 / schema.org: `div.item-page`, `h2[itemprop=headline]`,
`time[itemprop=datePublished]/@datetime`, body in `div[itemprop=articleBody]`. The item page
is the element of class `item-page` whatever its tag (div, article, section); the info block
is read for the category and date and dropped from the body wherever it stands (above, below,
split). The h1 of an item page is the menu item's page heading, never the title. The pagebreak
plugin's counter, index and pager are dropped: a multipage article's body is the page shown.
Category blogs (several items with "Read more:" links) are listings. Templates' own article overrides: Helix Ultimate
writes div.article-details (no item page) with h1[itemprop=headline], div[itemprop=articleBody] and its info block items
as spans (span.category-name, span.published); Astroid an item page with dd items; Joomla 4 (Cassiopeia) an item page
whose text is div.com-content-article__body, its title an h1 without itemprop (read from <title>).
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import datetime
from urllib.parse import unquote, urlsplit

import lxml.html

from transforms.errors import NotAnArticle
from transforms.templates.htmlutil import (
    AttributeValues,
    ClassDrops,
    breadcrumb_items,
    first_text,
    first_text_of,
    meta_content,
    region_blocks,
    xpath,
)
from transforms.textutil import MONTHS, Content, normalize_space, parse_date

NAME = "joomla"


def _has_class(name: str) -> str:
    """XPath predicate body: the element's class list contains `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# The article's container, whatever its tag: core Joomla 3 writes div.item-page, Beez3's
# article override <article class="item-page">, a template may use <section>. (One `//*[class
# test]` step: transforms.xpathfast rewrites it into the fast form; a tag test would not be.)
ITEM_PAGE_CLASS = "item-page"
ITEM_PAGE = f"//*[{_has_class(ITEM_PAGE_CLASS)}]"
# An image caption of an article (the full-text image, layouts/joomla/content/full_image.php, or an
# image of the text): img.caption with the caption in its title attribute, which Joomla's caption.js
# (JCaption) turns into a caption in the browser; the page itself holds no caption text.
IMAGE_CAPTION_XPATH = f"{ITEM_PAGE}//img[{_has_class('caption')}]/@title"
# A category blog: div.blog (core, protostar), section.blog (Beez3's HTML5 override), featured.
BLOG_DIV = f"//div[{_has_class('blog')} or {_has_class('blog-featured')}]"
BLOG_SECTION = f"//section[{_has_class('blog')} or {_has_class('blog-featured')}]"
# Markers of a Joomla page (the first MARKUP_MARKERS are its own markup).
GENERATOR_RE = re.compile(r"joomla", re.IGNORECASE)
MARKUP_MARKERS = 4
MARKER_XPATHS = (
    ITEM_PAGE,
    BLOG_DIV,
    BLOG_SECTION,
    "//body[contains(@class, 'com_content')]",
    "//*[contains(@href, '/index.php/') or contains(@src, '/media/system/')]",
)

# Listing (category blog / category list) markers.
BLOG_XPATHS = (
    BLOG_DIV,
    BLOG_SECTION,
    f"//div[{_has_class('items-leading')} or {_has_class('items-row')}]",
    f"//table[{_has_class('category')}]",
)
READMORE_XPATH = f"//p[{_has_class('readmore')}] | //a[{_has_class('readmore')}]"
LISTING_MIN_READMORE = 2
# An article page without an item page: a template's article override with its own container (Helix Ultimate:
# div.article-details) still marks the text itemprop="articleBody" (schema.org), which no blog item carries. Such a page
# with a module's two "Read more" links (mod_articles_news) was taken for a blog and lost.
ARTICLE_BODY_XPATH = "//*[@itemprop='articleBody']"

# Title. The h1 of an item page is never the article's title: core Joomla 3 and Beez3 write the menu
# item's page heading there (show_page_heading: "Ningbo Port News"), and the title as an h2 (or not at
# all: show_title off). An h2 of the article text (a subheading) is not the title either: with no
# title h2, the title is the document's (og:title, <title> without its " - Site Name").
TITLE_XPATHS = (
    f"{ITEM_PAGE}//*[@itemprop='headline']",
    f"{ITEM_PAGE}//h2[not(ancestor::*[@itemprop='articleBody'])]",
    "//*[@itemprop='headline']",
    f"//*[{_has_class('contentheading')}]",
)
TITLE_METAS = ("og:title", "twitter:title")
HEAD_TITLE_XPATH = "//title"
TITLE_SUFFIX_RE = re.compile(r"\s+[-|–—]\s+[^-|–—]{1,60}$")
# Joomla's "Site Name in Page Titles" puts the site name after the title (the default where it is on) or
# before it ("Ningbo Life - Title"); off, the <title> is the title alone, which may hold " - " itself. A SEF
# article URL ends in the alias Joomla made of the title (/5936-ningbo-accelerates-....html): the reading of
# <title> whose alias it is wins.
TITLE_PREFIX_RE = re.compile(r"^[^-|–—]{1,60}?\s+[-|–—]\s+")
URL_ALIAS_RE = re.compile(r"/\d+-([^/]+?)(?:\.html?)?$", re.IGNORECASE)
NOT_ALIAS_RE = re.compile(r"[^a-z0-9]+")

# Publication date.
PUBLISHED_XPATHS = (f"//dd[{_has_class('published')}]", f"//*[{_has_class('published')}]")
PUBLISHED_FORMAT = "%A, %d %B %Y %H:%M"
# The parts of PUBLISHED_FORMAT as strptime's pattern for it matches them in the C locale (the process sets no
# other LC_TIME), lowercase (IGNORECASE): the English names, %d 1-31 with at most one leading 0, %H 0-23 and %M
# 0-59, each also as one digit.
PUBLISHED_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
PUBLISHED_MONTHS = {name: number for number, name in enumerate(MONTHS, start=1)}
PUBLISHED_DAYS = {**{str(day): day for day in range(1, 32)}, **{f"{day:02d}": day for day in range(1, 10)}}
PUBLISHED_HOURS = frozenset((*(str(hour) for hour in range(10)), *(f"{hour:02d}" for hour in range(24))))
PUBLISHED_MINUTES = frozenset((*(str(minute) for minute in range(10)), *(f"{minute:02d}" for minute in range(60))))
PUBLISHED_PREFIX_RE = re.compile(r"^\s*(published|written on|created)\s*(on)?\s*[:：]?\s*", re.IGNORECASE)
DATETIME_XPATHS = (
    f"//dd[{_has_class('published')}]//time/@datetime",
    "//time[@itemprop='datePublished']/@datetime",
    "//*[@itemprop='datePublished']/@content",
)
DATE_METAS = ("article:published_time", "datePublished")
CREATED_XPATHS = (f"//dd[{_has_class('create')}]",)

# Section (category).
CATEGORY_XPATHS = (
    f"//dd[{_has_class('category-name')}]//a",
    f"//dd[{_has_class('category-name')}]",
    "//*[@itemprop='genre']",
    # Helix Ultimate's info block items are spans (layouts/joomla/content/info_block/category.php): span.category-name
    f"//*[{_has_class('category-name')}]//a",
    f"//*[{_has_class('category-name')}]",
    f"//dd[{_has_class('parent-category-name')}]//a",
)
CATEGORY_PREFIX_RE = re.compile(r"^\s*(parent\s+)?category\s*[:：]\s*", re.IGNORECASE)
BREADCRUMB_XPATHS = (f"//ul[{_has_class('breadcrumb')}]", f"//*[{_has_class('breadcrumbs')}]")
# The article's own category in a SEF path: the last category segment (`/index.php/<cat>/<id>-...`,
# nested `/index.php/<cat>/<subcat>/<id>-...`, the same without `/index.php` on a site that rewrites
# URLs, or without the id on the modern router's "Remove IDs from URLs"); a non-SEF URL names none, only a catid.
URL_CATEGORY_RE = re.compile(r"^(?:/index\.php)?/(?!component/)(?:[a-z0-9-]+/)*([a-z0-9-]+)/[^/]*$",
                             re.IGNORECASE)

# The items of Joomla's info block (layouts/joomla/content/info_block/*.php, Beez3's article override).
INFO_ITEM_CLASSES = ("parent-category-name", "category-name", "create", "modified", "published", "createdby", "hits")
# The article lists of Joomla 3's modules (modules/mod_*/tmpl/default.php).
MODULE_LIST_CLASSES = ("mod-list", "relateditems", "latestnews", "mostread", "category-module", "archive-module")
# Body region, and what to cut out of it.
BODY_XPATHS = (
    f"{ITEM_PAGE}//*[@itemprop='articleBody']",
    ITEM_PAGE,
    "//*[@itemprop='articleBody']",
    f"//div[{_has_class('article-content')} or {_has_class('article-body')}]",
)
# What is cut out of the body region, written once: for each tag, the class words that drop it ("*": any element),
# the class value parts and the ids that drop any element. BODY_DROPS drops them in one walk over the region;
# BODY_DROP_XPATHS is the same list as XPath expressions (drop_nodes' form: tests compare the two trees).
BODY_DROP_WORDS: dict[str, tuple[str, ...]] = {
    # the page header, the icons, the info block (and its items wherever they stand: a dl that lost its
    # article-info class), the article pager; the pagebreak plugin's parts of a multipage article
    # (plugins/content/pagebreak): the counter "Page 1 of 2" and the Prev / Next >> list (div.pager,
    # div.pagination before 3.0) written into the text, the article index (toc: "Article Index", the page titles,
    # "All Pages") before it; modules loaded into the text ({loadposition}/{loadmodule}, plugins/content/loadmodule):
    # in the xhtml module chrome (templates/system/html/modules.php) a div.moduletable with its heading; in the
    # "none" chrome the module's own markup alone: the article lists of mod_related_items,
    # mod_articles_latest/_popular/_category/_archive (ul.relateditems/.latestnews/.mostread/.category-module/
    # .archive-module, all .mod-list since 3.x), the intros of mod_articles_news (div.newsflash) and the tags of
    # mod_tags_similar/_popular: other articles' titles and text
    "div": ("page-header", "icons", "article-info", "pagenav", "pagination", "pagenavcounter", "pager",
            "moduletable", "newsflash", "tagssimilar", "tagspopular"),
    "ul": ("actions", "pager", "pagenav", *MODULE_LIST_CLASSES),
    "dl": ("article-info",),
    "dt": ("article-info-term",),
    "dd": INFO_ITEM_CLASSES,
    "*": ("article-index", "tags", "content_rating", "content_vote", "readmore", "items-more", "related-items"),
}
BODY_DROP_PARTS = ("share", "social", "addthis", "jcomments")  # share bars and comments, in any class name
BODY_DROP_IDS = ("article-index", "jc", "comments")
BODY_DROPS = ClassDrops(BODY_DROP_WORDS, parts=BODY_DROP_PARTS, ids=BODY_DROP_IDS)
BODY_DROP_XPATHS = (
    *(f".//{tag}[{' or '.join(_has_class(word) for word in words)}]" for tag, words in BODY_DROP_WORDS.items()),
    ".//*[" + " or ".join([*(f"contains(@class, '{part}')" for part in BODY_DROP_PARTS),
                           *(f"@id='{name}'" for name in BODY_DROP_IDS)]) + "]",
)


def detect(doc: lxml.html.HtmlElement, html: str, generator: str | None = None) -> bool:
    """True if the page looks like a Joomla page (article, blog or list view). `generator`:
    meta_content(doc, "generator") or "", when the caller has it."""
    if GENERATOR_RE.search(meta_content(doc, "generator") or "" if generator is None else generator):
        return True
    return any(xpath(doc, x) for x in MARKER_XPATHS[:MARKUP_MARKERS]) or "com_content" in html


def is_listing(doc: lxml.html.HtmlElement, items: list[lxml.html.HtmlElement] | None = None,
               values: AttributeValues | None = None) -> bool:
    """A category blog/list view: blog containers, or several "Read more" links and no item page nor article text
    (itemprop="articleBody").

    An article page (.item-page) stays an article even when a side module shows
    "Read more" links to other articles. `items`: the page's ITEM_PAGE elements, `values`: its
    AttributeValues, if known.
    """
    values = values or AttributeValues(doc)
    if any(values.xpath(doc, x) for x in BLOG_XPATHS):  # an article page has none of their classes
        return True
    if items if items is not None else values.xpath(doc, ITEM_PAGE):
        return False
    readmore = values.xpath(doc, READMORE_XPATH)
    return len(readmore) >= LISTING_MIN_READMORE and not xpath(doc, ARTICLE_BODY_XPATH)


def parse(doc: lxml.html.HtmlElement, html: str, url: str | None = None) -> Content:
    """Title, date, section and text blocks of a Joomla article page."""
    # The class values, read once before any edit: most class tests here (blog containers, the furniture
    # dropped from the body) find no element with the class, and are not evaluated then.
    values = AttributeValues(doc)
    # asked once: the listing test, the title and the body start from it (values.xpath(doc, ITEM_PAGE))
    items = values.word_owners("class", ITEM_PAGE_CLASS)
    if is_listing(doc, items, values):
        raise NotAnArticle("listing", "Joomla category blog/list page (several items with Read more)")
    title = first_text_of(in_item_pages(doc, items, expr) for expr in TITLE_XPATHS) or _title_from_head(doc, url)
    published = _published(doc, values)
    section = _section(doc, title, url, values)
    region = next((nodes[0] for nodes in (in_item_pages(doc, items, expr) for expr in BODY_XPATHS) if nodes), None)
    if region is None:
        raise NotAnArticle("unparseable", "Joomla page without an article body (no .item-page)")
    captions = [text for c in values.xpath(doc, IMAGE_CAPTION_XPATH) if (text := normalize_space(str(c)))]
    BODY_DROPS.drop(region, values)
    return Content(title=title, published=published, section=section, blocks=region_blocks(region),
                   captions=captions)


def in_item_pages(doc: lxml.html.HtmlElement, items: list[lxml.html.HtmlElement], expr: str) -> list:
    """xpath(doc, expr), where `items` is xpath(doc, ITEM_PAGE): an expression ITEM_PAGE//X is evaluated
    as .//X from the one item page (its descendants, in document order), not from the whole page again;
    with no item page it selects nothing. With several (maybe nested) item pages, or a union, the whole
    expression runs."""
    if not expr.startswith(ITEM_PAGE):
        return xpath(doc, expr)
    rest = expr[len(ITEM_PAGE):]
    if not rest:
        return items
    if not rest.startswith("//") or "|" in rest or len(items) > 1:
        return xpath(doc, expr)
    return xpath(items[0], "." + rest) if items else []


def parse_published(text: str | None) -> str | None:
    """Joomla's "Published: Friday, 24 May 2019 16:54" (or any date text) as YYYY-MM-DD."""
    if not text:
        return None
    text = PUBLISHED_PREFIX_RE.sub("", normalize_space(text))
    found = published_date(text)
    if found is not None:
        return found
    try:
        return datetime.strptime(text, PUBLISHED_FORMAT).strftime("%Y-%m-%d")
    except ValueError:
        return parse_date(text)


def published_date(text: str) -> str | None:
    """datetime.strptime(text, PUBLISHED_FORMAT).strftime("%Y-%m-%d") for a text of the form Joomla writes
    ("Monday, 20 May 2019 14:02": ASCII, the parts one space apart, a year from 1000 on), else None (strptime
    decides). strptime (interpreted _strptime: its regex, the locale's check, two dates made) cost about 35k
    instructions a page. Exact: such a text is a full match of strptime's pattern (PUBLISHED_WEEKDAYS ...; ASCII,
    so its IGNORECASE is lower()), dated as the valid day it names (the weekday is not checked against it);
    a day past the month's end is left to strptime (which raises), and a year before 1000, which %Y writes
    without its zeros."""
    parts = text.split(" ")
    if len(parts) != 5 or not text.isascii():
        return None
    weekday, day, month_name, year, clock = parts
    hour, _, minute = clock.partition(":")  # (no colon: minute "", none of PUBLISHED_MINUTES)
    month = PUBLISHED_MONTHS.get(month_name.lower())
    if (month is None or not weekday.endswith(",") or weekday[:-1].lower() not in PUBLISHED_WEEKDAYS
            or day not in PUBLISHED_DAYS or len(year) != 4 or not year.isdigit() or year < "1000"
            or hour not in PUBLISHED_HOURS or minute not in PUBLISHED_MINUTES):
        return None
    number = PUBLISHED_DAYS[day]
    if number > monthrange(int(year), month)[1]:
        return None
    return f"{year}-{month:02d}-{number:02d}"


def _published(doc: lxml.html.HtmlElement, values: AttributeValues) -> str | None:
    for expr in PUBLISHED_XPATHS:
        for node in values.xpath(doc, expr):
            found = parse_published(node.text_content())
            if found:
                return found
    for expr in DATETIME_XPATHS:
        for value in values.xpath(doc, expr):
            found = parse_date(str(value)[:10])
            if found:
                return found
    for name in DATE_METAS:
        found = parse_date((meta_content(doc, name) or "")[:10])
        if found:
            return found
    for expr in CREATED_XPATHS:
        for node in values.xpath(doc, expr):
            found = parse_published(node.text_content())
            if found:
                return found
    return None


def _section(doc: lxml.html.HtmlElement, title: str | None, url: str | None, values: AttributeValues) -> str | None:
    for expr in CATEGORY_XPATHS:
        for node in values.xpath(doc, expr):
            text = CATEGORY_PREFIX_RE.sub("", normalize_space(node.text_content()))
            if text:
                return text
    crumb = next((nodes[0] for nodes in (values.xpath(doc, expr) for expr in BREADCRUMB_XPATHS) if nodes), None)
    if crumb is not None:
        items = [i for i in breadcrumb_items(crumb)
                 if i.casefold() not in {"home", "you are here:", (title or "").casefold()}]
        if items:
            return items[-1]
    match = URL_CATEGORY_RE.search(urlsplit(url or "").path)
    if match:
        return match.group(1).replace("-", " ").title()
    return None


def _title_from_head(doc: lxml.html.HtmlElement, url: str | None = None) -> str | None:
    for name in TITLE_METAS:
        value = meta_content(doc, name)
        if value:
            return value
    title = first_text(doc, (HEAD_TITLE_XPATH,))
    if not title:
        return None
    cut = TITLE_SUFFIX_RE.sub("", title)
    alias = URL_ALIAS_RE.search(urlsplit(url or "").path)
    if alias is None:
        return cut  # no alias to tell by: the site name is taken to follow the title, the usual setting
    readings = (title, cut, TITLE_PREFIX_RE.sub("", title, count=1), TITLE_PREFIX_RE.sub("", cut, count=1))
    wanted = _alias(unquote(alias.group(1)))
    return next((reading for reading in readings if _alias(reading) == wanted), cut)


def _alias(text: str) -> str:
    """Text as Joomla makes an alias of it, near enough to compare: lowercase, each run of other
    characters one "-" ("Ningbo's GDP - a record" -> "ningbo-s-gdp-a-record")."""
    return NOT_ALIAS_RE.sub("-", text.lower()).strip("-")
