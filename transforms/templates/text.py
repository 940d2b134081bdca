"""Seed-format text pages: the text of an article page as a browser shows it.

One line per block, blank lines between paragraphs (see seeds/text/*.txt). Header lines
before the body carry the metadata:
- ningbo_gov: "> News > In the City > Hot Topic" (breadcrumb), the title, then
  "2019-08-18Text Size: A A A" (date cell glued to the text-size links).
- ningbolife: "Copyright 2020 - Custom text here" (a footer-ish header: boilerplate,
  never a date), the title, and where present "Category: ..." / "Published: ...".
Section = the LAST breadcrumb item ("Hot Topic"), the narrowest column the article is
filed under, which is what the Hanweb ColumnName meta holds for the same page; the
Joomla category otherwise. Title = the first line that is neither boilerplate nor
metadata. Everything after the header is body (captions split off by wording).
"""
from __future__ import annotations

import re

from transforms.boilerplate import DATE_LINE, is_boilerplate_line
from transforms.templates.joomla import parse_published
from transforms.textutil import Block, Content, normalize_space, parse_date

NAME = "text"

BREADCRUMB_LINE_RE = re.compile(r"^(?:home\s*)?[>»›]\s*\S", re.IGNORECASE)
BREADCRUMB_SPLIT_RE = re.compile(r"\s*[>»›]\s*")
DATE_TEXT_SIZE_RE = re.compile(r"^(?P<date>[0-9][0-9 :./-]{7,})\s*(?:text|font)\s+size\b", re.IGNORECASE)
CATEGORY_LINE_RE = re.compile(r"^(?:parent\s+)?category\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)
PUBLISHED_LINE_RE = re.compile(r"^(?:published|written on|created)\s*(?:on)?\s*[:：]?\s*(?P<value>.+)$",
                               re.IGNORECASE)
# Text input that looks like markup is not a seed-format page.
# Header lines that are neither title nor body ("Written by Administrator", "Details").
SKIP_HEADER_RE = re.compile(r"^(?:written by\b.{0,60}|details|hits\s*[:：]?\s*\d*)$", re.IGNORECASE)
# Page furniture that tells which site template rendered the text (for the source when
# no URL is given).
SITE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hanweb", re.compile(r"^[0-9 :./-]*text size\s*[:：]?(\s*a){1,3}\s*$|【\s*print\s*】|【\s*close\s*】",
                          re.IGNORECASE | re.MULTILINE)),
    ("joomla", re.compile(r"^\s*(visit charity shop|f t g m|copyright \d{4} - (custom text here|ningbo life))",
                          re.IGNORECASE | re.MULTILINE)),
)
MARKUP_RE = re.compile(
    r"<\s*(?:!doctype|html|head|body|div|p|meta|table|span|a|br|rss|feed|channel|\?xml)\b", re.IGNORECASE
)
MARKUP_SCAN_CHARS = 4096
DATE_LINE_RE = re.compile(DATE_LINE)


def looks_like_text_page(text: str) -> bool:
    """True if `text` is plain text (no HTML/XML markup near the top)."""
    return not MARKUP_RE.search(text[:MARKUP_SCAN_CHARS])


def parse(text: str) -> Content:
    """Title, date, section and paragraph blocks of a seed-format text page."""
    lines = [normalize_space(line) for line in text.splitlines()]
    title: str | None = None
    published: str | None = None
    section: str | None = None
    body_start = len(lines)
    for index, line in enumerate(lines):
        if not line:
            continue
        meta = _header_line(line)
        if meta is not None:
            key, value = meta
            if key == "section" and value and section is None:
                section = value
            elif key == "published" and value and published is None:
                published = value
            continue
        if is_boilerplate_line(line) or (title is not None and SKIP_HEADER_RE.match(line)):
            continue
        if title is None:
            title = line
            continue
        body_start = index
        break
    blocks = [Block(text=line) for line in lines[body_start:] if line]
    return Content(title=title, published=published, section=section, blocks=blocks,
                   site_template=site_template(text))


def site_template(text: str) -> str | None:
    """"hanweb" or "joomla" when the text carries that site's page furniture, else None."""
    for name, marker in SITE_MARKERS:
        if marker.search(text):
            return name
    return None


def _header_line(line: str) -> tuple[str, str | None] | None:
    """("section"|"published", value) for a metadata line of the header, else None."""
    if BREADCRUMB_LINE_RE.match(line):
        items = [i for i in BREADCRUMB_SPLIT_RE.split(line) if i]
        return "section", items[-1] if items else None
    match = DATE_TEXT_SIZE_RE.match(line)
    if match:
        return "published", parse_date(match.group("date"))
    if DATE_LINE_RE.search(line):  # "2019-08-18 10:21", "Release date: 2019/8/18", "May 24, 2019"
        return "published", parse_date(line)
    match = CATEGORY_LINE_RE.match(line)
    if match and len(line) <= 120:
        return "section", normalize_space(match.group("value"))
    match = PUBLISHED_LINE_RE.match(line)
    if match and len(line) <= 120:
        value = parse_published(match.group("value"))
        if value:
            return "published", value
    return None
