"""The front door: one page (HTML or seed-format text) -> one Article.

`parse_page` decodes bytes by the declared charset, tells text pages from HTML, picks
the template (given, or detected from the markup, else the generic extractor), rejects
listings/empty/binary/non-English pages with `NotAnArticle`, cleans the body and
extracts the metrics. Pure: no I/O beyond the content passed in.
"""
from __future__ import annotations

import codecs
import re
from functools import cache, lru_cache
from types import ModuleType
from urllib.parse import urlsplit

import lxml.html

from core.records import MAX_BODY_CHARS, MAX_PAGE_BYTES, WARNING_ENCODING, WARNING_OVERSIZED, Article
from core.sources import Source, load_sources, source_for_host, source_for_template
from core.wording import counted
from transforms.charset import choose_charset_decoding, scrapy_choice
from transforms.errors import NotAnArticle
from transforms.metrics import extract_metrics
from transforms.neardate import date_near_title
from transforms.slugs import slug_title
from transforms.templates import generic, hanweb, joomla
from transforms.templates import text as text_template
from transforms.templates.htmlutil import holds_text, parse_html
from transforms.textutil import (
    Content,
    detect_language,
    english_figures,
    english_table,
    has_text,
    normalize_space,
    split_body,
    url_date,
)

# One parser module per template (its NAME is the `template:` of sources.yml); generic is
# the fallback for pages of no known template.
PARSERS: tuple[ModuleType, ...] = (hanweb, joomla, generic)
TEMPLATES: dict[str, ModuleType] = {module.NAME: module for module in PARSERS}
TEXT_TEMPLATE = "text"
# Detection order for HTML without an explicit template.
DETECT_ORDER: tuple[ModuleType, ...] = (hanweb, joomla)

# Which source a page belongs to comes from the site registry (core.sources): by site host
# (a host or any subdomain of it), else by template when the URL is unknown or not the
# live site (e.g. the loopback mirror).

# Decoding: transforms.charset decides the codec (the crawl uses the same decision).
REPLACEMENT_FALLBACK = "utf-8"  # bytes no charset names or decodes: read as UTF-8, bad bytes counted
# Binary content.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
                b"BM", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"\xd0\xcf\x11\xe0")
BINARY_CONTENT_TYPES = re.compile(r"^\s*(image|audio|video|font)/|application/(pdf|zip|octet-stream|"
                                  r"gzip|msword|vnd\.)", re.IGNORECASE)
BINARY_SCAN_BYTES = 2048
MAX_CONTROL_RATIO = 0.05
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Feeds and record lists (RSS/Atom, Hanweb dataproxy.jsp <datastore> responses) are listings
# whatever their template.
FEED_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF|datastore)\b", re.IGNORECASE | re.DOTALL
)
# A robots.txt (every line a directive or a comment) is a site's crawl rules, not a page.
ROBOTS_DIRECTIVE = r"(?:#|(?:user-agent|disallow|allow|sitemap|crawl-delay|host|clean-param)\s*:)"
ROBOTS_START_RE = re.compile(rf"\s*{ROBOTS_DIRECTIVE}", re.IGNORECASE)  # a cheap first test for every page
ROBOTS_LINE_RE = re.compile(rf"^\s*(?:{ROBOTS_DIRECTIVE}.*)?$", re.IGNORECASE)
ENGLISH = "en"
UNDETERMINED = "und"  # detect_language's answer for text it cannot name
REPLACEMENT_CHAR = "\ufffd"


def parse_page(
    content: bytes | str,
    url: str | None = None,
    source: str | None = None,
    template: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Parse one page into an Article (metrics included); raise NotAnArticle if it is not one.

    content: raw bytes (decoded by HTTP `content_type` charset, else the page's own
    declaration, else UTF-8/GB18030) or already-decoded text. template: "hanweb",
    "joomla", "generic" or "text" to skip detection.
    """
    if template is not None and template not in TEMPLATES and template != TEXT_TEMPLATE:
        raise ValueError(f"unknown template {template!r}")
    size = len(content) if isinstance(content, bytes) else len(content.encode("utf-8", "surrogatepass"))
    if size > MAX_PAGE_BYTES:
        raise NotAnArticle("oversized", f"page of {size} bytes is above the page size limit of "
                                        f"{MAX_PAGE_BYTES} bytes (the crawl's DOWNLOAD_MAXSIZE); not parsed")
    warnings: list[str] = []
    utf8: bytes | None = None  # the text in UTF-8, when the page's bytes are that already
    if isinstance(content, bytes):
        text, codec, replaced, utf8 = decode_utf8_counted(content, content_type)
        if replaced:
            warnings.append(f"{WARNING_ENCODING}: {counted(replaced, f'invalid {codec} byte sequence')} "
                            f"replaced with U+FFFD")
    else:
        text = content
        replaced = text.count(REPLACEMENT_CHAR)
        if replaced:
            warnings.append(f"{WARNING_ENCODING}: {counted(replaced, 'replacement character')} U+FFFD in the "
                            f"page text (bytes the decoder could not read)")
    if isinstance(content, str) and _looks_binary_text(text):
        raise NotAnArticle("binary", "content is not text")
    if not has_text(text):
        raise NotAnArticle("empty", "page is empty")
    if FEED_RE.match(text):
        raise NotAnArticle("listing", "feed or record list (RSS/Atom/datastore), not an article page")
    if _is_robots_txt(text):
        raise NotAnArticle("unparseable", "robots.txt (crawl rules), not an article page")

    if template == TEXT_TEMPLATE or (template is None and text_template.looks_like_text_page(text)):
        found = text_template.parse(text)
        used = found.site_template or TEXT_TEMPLATE
        lines = text.splitlines()
        named = slug_title(found.title, lines, url)  # the headline the URL's slug names
        if named is not None:
            found.title, found.title_in_body = named, False
        if found.published is None:  # a short dated line beside the headline
            found.published = date_near_title(lines, found.title)
    else:
        used, found = _parse_html(text, url, template, warnings, utf8)
    article = _to_article(found, url=url, source=source or source_for(url, used))
    if len(article.body) > MAX_BODY_CHARS:
        warnings.append(f"{WARNING_OVERSIZED}: body of {len(article.body)} characters is above the "
                        f"maximum article size of {MAX_BODY_CHARS}; validation quarantines it (body_length)")
    article.warnings = warnings
    return article


def decode_content(content: bytes, content_type: str | None = None) -> str:
    """Decode page bytes: BOM, HTTP charset, <meta charset>/http-equiv, then UTF-8, GB18030."""
    return decode_counted(content, content_type)[0]


def decode_counted(content: bytes, content_type: str | None = None) -> tuple[str, str, int]:
    """(text, codec, replaced): `decode_content`, and how many byte sequences the codec could
    not decode (each became U+FFFD; 0 when a charset decoded the bytes cleanly)."""
    return decode_utf8_counted(content, content_type)[:3]


def decode_utf8_counted(content: bytes, content_type: str | None = None) -> tuple[str, str, int, bytes | None]:
    """(text, codec, replaced, utf8): `decode_counted`, and text.encode("utf-8") when the page's bytes (after a
    UTF-8 BOM) are exactly that (ASCII, or UTF-8 that decoded cleanly), else None: the HTML parser is handed
    those bytes instead of encoding the text again."""
    if not content.strip():
        return "", "utf-8", 0, b""
    if is_binary(content, content_type):
        raise NotAnArticle("binary", f"binary content ({content_type or 'unknown type'})")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            text, codec, replaced = _decode_replacing(content, codec)
            # a clean utf-8-sig decode: the bytes after the BOM are the text's UTF-8
            return text, codec, replaced, content[len(bom):] if codec == "utf-8-sig" and not replaced else None
    choice, decoded = choose_charset_decoding(content, content_type)
    if decoded is not None:  # valid UTF-8 (charset rule 2): the text choose_charset decoded to know it
        return decoded, choice.encoding or REPLACEMENT_FALLBACK, 0, content
    if choice.encoding is None and content.isascii():
        # the same text in any ASCII-based charset
        return content.decode(REPLACEMENT_FALLBACK), REPLACEMENT_FALLBACK, 0, content
    codec = choice.encoding or scrapy_choice(content, content_type) or REPLACEMENT_FALLBACK
    return (*_decode_replacing(content, codec), None)


def _decode_replacing(content: bytes, codec: str) -> tuple[str, str, int]:
    try:
        return content.decode(codec), codec, 0  # the common case: one pass, nothing to count
    except UnicodeDecodeError:
        pass
    text = content.decode(codec, errors="replace")
    genuine = content.decode(codec, errors="ignore").count(REPLACEMENT_CHAR)  # U+FFFD the page really has
    return text, codec, text.count(REPLACEMENT_CHAR) - genuine


def is_binary(content: bytes, content_type: str | None = None) -> bool:
    """True for images, PDFs, archives and other non-text bytes."""
    if content_type and BINARY_CONTENT_TYPES.search(content_type):
        return True
    head = content[:BINARY_SCAN_BYTES]
    if head.startswith(BINARY_MAGIC):
        return True
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return False


def source_for(url: str | None, template: str | None) -> str | None:
    """Source slug from the URL host (live site), else from the template; None for generic pages."""
    host = urlsplit(url).hostname if url else None
    return _source_named(host, template) if host else _hostless_source_named(template)


@cache
def _hostless_source_named(template: str | None) -> str | None:
    """_source_named(None, template): the same answer for every page without a URL host (owns_host reads None
    and "" alike), from the registry read once, so kept per template: the registry's walk was about 3 us a page."""
    return _source_named(None, template)


def _source_named(host: str | None, template: str | None) -> str | None:
    registry = _registry()
    source = source_for_host(host, registry)
    if source is None and template:
        source = source_for_template(template, registry)
    return source.name if source is not None else None


@lru_cache(maxsize=1)
def _registry() -> dict[str, Source]:
    """The live site registry (package data; no environment overrides matter here)."""
    return load_sources()


def detect_template(html: str) -> str:
    """"hanweb", "joomla" or "generic" for an HTML page, from its markup."""
    doc = parse_html(html)
    return _detect(doc, html)[0].NAME


def _detect(doc: lxml.html.HtmlElement, html: str) -> tuple[ModuleType, hanweb.Metas]:
    """(the page's template, hanweb.markers_and_metas(doc, hanweb.DETECT_METAS)): the generator meta, which
    every template's detect asks for first, read in the pass over the metas that hanweb.parse needs (on a
    Hanweb page, meta_content's pass to the generator was read again by parse)."""
    metas = hanweb.markers_and_metas(doc, hanweb.DETECT_METAS)
    generator = metas[2].get(hanweb.GENERATOR_META) or ""  # meta_content(doc, "generator") or ""
    for module in DETECT_ORDER:  # (hanweb's detect walks only the divs for its markers, given the metas')
        if hanweb.detect(doc, html, generator, metas[0]) if module is hanweb else module.detect(doc, html, generator):
            return module, metas
    return generic, metas


def _parse_html(html: str, url: str | None, template: str | None,
                warnings: list[str] | None = None, utf8: bytes | None = None) -> tuple[str, Content]:
    """utf8: html.encode("utf-8") when the caller has it (the page's own bytes)."""
    try:
        doc = parse_html(html, warnings, utf8)
    except NotAnArticle:
        raise
    except Exception as exc:  # lxml raises several types for hopeless input
        raise NotAnArticle("unparseable", f"HTML could not be parsed: {exc}") from exc
    if not holds_text(doc):  # has_text(doc.text_content()), from the first text pieces
        raise NotAnArticle("empty", "HTML page has no text")
    module, metas = (TEMPLATES[template], None) if template else _detect(doc, html)
    try:
        return module.NAME, hanweb.parse(doc, html, url, metas) if module is hanweb else module.parse(doc, html, url)
    except NotAnArticle as exc:
        if exc.kind != "unparseable" or module is generic:
            raise
        # the site's template drifted (no content region where it should be): generic extractor
        try:
            return generic.NAME, generic.parse(parse_html(html), html, url)
        except NotAnArticle:
            raise exc from None


def _to_article(found: Content, url: str | None, source: str | None) -> Article:
    body_paragraphs, captions = split_body(found.blocks, None if found.title_in_body else found.title)
    captions = found.captions + captions
    title = normalize_space(found.title or "")
    body = "\n\n".join(body_paragraphs)
    if not body:
        raise NotAnArticle("empty", "no article text after removing boilerplate")
    if not title:
        raise NotAnArticle("unparseable", "article has no title")
    language = detect_language(title + "\n" + body)
    if language == UNDETERMINED and (english_table(title + "\n" + body) or english_figures(title + "\n" + body)):
        language = ENGLISH  # a page of English pipe tables or figures (textutil.english_table, english_figures)
    if language != ENGLISH:
        raise NotAnArticle("non_english", f"page language is {language!r}, not English")
    published = found.published or url_date(url)  # the page's own date first; the URL's when it shows none
    return Article(
        url=url,
        source=source,
        title=title,
        published=published,
        section=found.section,
        body=body,
        captions=captions,
        language=language,
        metrics=extract_metrics(body, published, title),
    )


def _is_robots_txt(text: str) -> bool:
    if not ROBOTS_START_RE.match(text):
        return False
    lines = text.splitlines()
    return any(line.strip() and not line.lstrip().startswith("#") for line in lines) and \
        all(ROBOTS_LINE_RE.match(line) for line in lines)


def _looks_binary_text(text: str) -> bool:
    head = text[:BINARY_SCAN_BYTES]
    return bool(head) and len(CONTROL_RE.findall(head)) / len(head) > MAX_CONTROL_RATIO
