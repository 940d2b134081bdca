"""Fallback for pages of unknown templates: trafilatura 2.x finds the main text.

Used when a page is neither Hanweb nor Joomla. trafilatura returns one line per text
block (headings, paragraphs, list items, <br> lines); metadata comes from its
extractor (title, date without extensive text search, categories). When it finds no
date, the page's own header date line ("Updated: 2020-01-21", "Release date: ...",
"Last Updated(Beijing Time): ...") near the top of the page text gives it.
"""
from __future__ import annotations

import re

import lxml.html
import trafilatura

from transforms.boilerplate import DATED_HEADER
from transforms.errors import NotAnArticle
from transforms.textutil import Block, Content, normalize_space, parse_date

DATED_HEADER_RE = re.compile(DATED_HEADER)
HEADER_DATE_SCAN_LINES = 60  # text lines of the page searched for its header date line

NAME = "generic"

# Only dates the page states as its own (metadata, not dates anywhere in the text).
DATE_EXTRACTION_PARAMS = {"extensive_search": False, "original_date": True}
FAVOR_PRECISION = True
# Less main text than this is navigation or a stub, not an article.
MIN_WORDS = 25


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
        raise NotAnArticle("empty", f"no article text found by the generic extractor ({len(text.split())} words)")
    blocks = [Block(text=line) for line in (result.text or "").splitlines() if normalize_space(line)]
    section = result.categories[0] if result.categories else None
    return Content(
        title=normalize_space(result.title or "") or None,
        published=parse_date(result.date) or header_date(doc),
        section=normalize_space(section) if section else None,
        blocks=blocks,
    )


def header_date(doc: lxml.html.HtmlElement) -> str | None:
    """The date of the first header date line among the page's first text lines, if any."""
    lines = [normalize_space(t) for t in doc.itertext() if normalize_space(t)][:HEADER_DATE_SCAN_LINES]
    for line in lines:
        if DATED_HEADER_RE.search(line):
            found = parse_date(line)
            if found:
                return found
    return None
