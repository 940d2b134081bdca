"""Fallback for pages of unknown templates: trafilatura 2.x finds the main text.

Used when a page is neither Hanweb nor Joomla. trafilatura returns one line per text
block (headings, paragraphs, list items, <br> lines); metadata comes from its
extractor (title, date without extensive text search, categories). When it finds no
date, the page's own header date line ("Updated: 2020-01-21", "Release date: ...",
"Last Updated(Beijing Time): ...", "Source: X | 2023-05-06") near the top of the page
text gives it, else a bare date line right under the headline ("May 6, 2023").
"""
from __future__ import annotations

import re

import lxml.html
import trafilatura

from transforms.boilerplate import DATE_LINE, DATED_LINE_PATTERNS
from transforms.errors import NotAnArticle
from transforms.textutil import Block, Content, detect_language, normalize_space, parse_date

# Furniture lines carrying the page's date ("Updated: ...", "Release time: ...", "Source: X | date").
DATED_LINE_RES: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in DATED_LINE_PATTERNS)
DATE_LINE_RE = re.compile(DATE_LINE)
TITLE_SEPARATORS = ("|", "-", "–", "—", "_", ":")  # where trafilatura cuts a site name off a title
HEADER_DATE_SCAN_LINES = 60  # text lines of the page searched for its header date line
# A bare date line ("2023-05-06 09:12", "May 6, 2023") is the page's date only next to its
# headline (under it, else above it: a print-edition box), nearest first: elsewhere in the
# first lines it may date a sidebar item.
TITLE_DATE_SCAN_LINES = 8

NAME = "generic"

# Only dates the page states as its own (metadata, not dates anywhere in the text).
DATE_EXTRACTION_PARAMS = {"extensive_search": False, "original_date": True}
FAVOR_PRECISION = True
# Less main text than this is navigation or a stub, not an article.
MIN_WORDS = 25
# detect_language's answers for East Asian text (too few space-separated words is no stub then)
EAST_ASIAN_LANGUAGES = ("zh", "ja", "ko")


def parse(doc: lxml.html.HtmlElement, html: str, url: str | None = None) -> Content:
    """Title, date, section and text blocks of any HTML article page."""
    result = trafilatura.bare_extraction(
        doc,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=FAVOR_PRECISION,
        date_extraction_params=DATE_EXTRACTION_PARAMS,
    )
    if result is None or isinstance(result, dict):  # nothing found (dicts only with as_dict=True)
        raise NotAnArticle("empty", "no article text found by the generic extractor (0 words)")
    text = normalize_space(result.text or "")
    if len(text.split()) < MIN_WORDS:
        # Chinese, Japanese or Korean text: its words are not space separated, so it counts few
        language = detect_language(text)
        if language in EAST_ASIAN_LANGUAGES:
            raise NotAnArticle("non_english", f"page language is {language!r}, not English")
        raise NotAnArticle("empty", f"no article text found by the generic extractor ({len(text.split())} words)")
    blocks = [Block(text=line) for line in (result.text or "").splitlines() if normalize_space(line)]
    section = result.categories[0] if result.categories else None
    title = headline(doc, result.title)
    return Content(
        title=title,
        published=parse_date(result.date) or header_date(doc, title),
        section=normalize_space(section) if section else None,
        blocks=blocks,
    )


def header_date(doc: lxml.html.HtmlElement, title: str | None = None) -> str | None:
    """The page's date from its header: the first dated furniture line among the first text
    lines, else a bare date line right under the headline; None if neither gives a date."""
    lines = [normalize_space(t) for t in doc.itertext() if normalize_space(t)][:HEADER_DATE_SCAN_LINES]
    for line in lines:
        if any(regex.search(line) for regex in DATED_LINE_RES):
            found = parse_date(line)
            if found:
                return found
    headline = normalize_space(title or "").casefold()
    body = doc.find("body")
    if not headline or body is None:
        return None
    lines = [normalize_space(t) for t in body.itertext() if normalize_space(t)][:HEADER_DATE_SCAN_LINES]
    for index, line in enumerate(lines):
        if line.casefold() == headline:
            under = lines[index + 1:index + 1 + TITLE_DATE_SCAN_LINES]
            above = lines[max(0, index - TITLE_DATE_SCAN_LINES):index][::-1]  # nearest first
            for near in under + above:
                if DATE_LINE_RE.search(near):
                    return parse_date(near)
            break
    return None


def headline(doc: lxml.html.HtmlElement, title: str | None) -> str | None:
    """trafilatura's title, or the page's first <h1> when that title is a cut of it.

    trafilatura drops what follows " | " or " - " in a title as the site name, which also
    cuts headlines that contain the character ("... practitioners | products | commodities").
    """
    found = normalize_space(title or "")
    heading = doc.find(".//h1")
    if not found or heading is None:
        return found or None
    full = normalize_space(heading.text_content())
    cut = full.startswith(found) and full[len(found):].lstrip()[:1] in TITLE_SEPARATORS
    return full if cut and len(full) > len(found) else found
