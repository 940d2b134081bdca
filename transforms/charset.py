"""Which charset page bytes are decoded with: one decision for the crawl and the transform.

The crawl's CharsetMiddleware re-decodes a response by it, and `transforms.page` decodes
bytes by it (`newsetl extract`, `parse_page` on bytes), so a page reads the same either way.

Browsers let the HTTP header win. Hanweb and other Chinese government servers often send
a wrong one: the servlet container's default (`ISO-8859-1`), or a front proxy's
`charset=utf-8` stamped on GB2312 pages, while the `<meta>` is written by the CMS with
the page and matches its bytes. So the bytes decide:

1. a byte-order mark wins;
2. a body that is valid UTF-8 and not plain ASCII is UTF-8 (GBK/GB2312 or Latin-1 text
   practically never forms valid UTF-8 by accident);
3. otherwise the first declaration the body decodes with strictly, the page's own
   `<meta>` before the HTTP header, multi-byte charsets before single-byte ones (any
   byte string "decodes" as ISO-8859-1, so a single-byte declaration proves nothing);
4. a page that declares no charset at all (neither header nor meta) and is not UTF-8 is
   GB18030 when it decodes as such strictly *and* its text looks Chinese: the sources are
   Chinese sites, and Scrapy's detection would read GBK bytes as windows-1252 mojibake
   without a word (found by `newsetl faults`, scenario site_missing_charset). That is a
   guess, and the crawl reports it (`charset_guessed`). "Looks Chinese": at least
   MIN_COMMON_CHINESE_SHARE of the decoded non-ASCII characters are GB2312 characters (the
   common hanzi and CJK punctuation GBK pages are written in). The sites' English pages in
   GBK carry only a few Chinese characters among their English text, so a share of the whole
   text would reject them; a few stray Latin-1 bytes in an English page, read as GB18030,
   pair with the ASCII letter after them into rare GBK-only characters, and fail this test;
4b. otherwise a page that declares no charset is UTF-8: its invalid bytes become U+FFFD,
   which the crawl counts (`decode_errors`) instead of guessing a single-byte charset;
5. otherwise Scrapy's own choice stands (header, then meta): `scrapy_choice`, which the
   transform decodes with, replacing what does not decode.

Names are resolved through w3lib, so `gb2312` decodes as its superset GB18030.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

from transforms.textutil import looks_chinese

UTF8 = "utf-8"
UNDECLARED_FALLBACK = "gb18030"  # rule 4: the sites' own family of charsets (GB2312 < GBK < GB18030)
# Charsets in which every byte string decodes: a declaration of one is no evidence.
SINGLE_BYTE_PREFIXES = ("iso8859", "latin", "cp125", "windows-125", "ascii", "us-ascii", "cp437", "koi8")


# Labels w3lib does not know that pages of the sites' family use.
EXTRA_ALIASES = {"x-gbk": "gb18030", "csgb2312": "gb18030"}


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    resolved = resolve_encoding(EXTRA_ALIASES.get(name.strip().lower(), name))
    if not resolved:
        return None
    return codecs.lookup(resolved).name


def _declared(body: bytes, content_type: str | None) -> tuple[str | None, str | None]:
    """(the page's own <meta>/XML declaration, the HTTP header's charset), as codec names."""
    return (_codec_name(html_body_declared_encoding(body)),
            _codec_name(http_content_type_encoding(content_type or "")))


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def is_single_byte(encoding: str) -> bool:
    """True for charsets in which any byte string decodes (ISO-8859-x, windows-125x, ...)."""
    name = encoding.lower().replace("_", "-")
    return name.startswith(SINGLE_BYTE_PREFIXES)


@dataclass(frozen=True)
class CharsetChoice:
    """What the bytes say: the codec to decode with (None: keep Scrapy's choice); whether it
    is rule 4's guess (no charset declared; GB18030 because the text looks Chinese); whether
    the page declared no charset at all (rules 4 and 4b: nothing was corrected)."""

    encoding: str | None
    guessed: bool = False
    undeclared: bool = False


def choose_charset(body: bytes, content_type: str | None) -> CharsetChoice:
    """The codec to decode `body` with, by the rules in the module docstring."""
    return choose_charset_decoding(body, content_type)[0]


def choose_charset_decoding(body: bytes, content_type: str | None) -> tuple[CharsetChoice, str | None]:
    """(choose_charset(body, content_type), body decoded as UTF-8 when that is the choice of rule 2, else None):
    rule 2 decodes the whole body to know it is valid UTF-8, and the transform keeps that text instead of
    decoding the same bytes a second time."""
    bom_encoding, _ = read_bom(body)
    if bom_encoding:
        return CharsetChoice(_codec_name(bom_encoding)), None
    if body.isascii():
        return CharsetChoice(None), None
    try:
        return CharsetChoice(UTF8), body.decode(UTF8)  # _decodes(body, UTF8), keeping the text
    except UnicodeDecodeError:
        pass
    return _choose_declared(body, content_type), None


def _choose_declared(body: bytes, content_type: str | None) -> CharsetChoice:
    """Rules 3 and 4 (`body`: no BOM, neither ASCII nor UTF-8)."""
    declared = [name for name in _declared(body, content_type) if name]
    for name in sorted(declared, key=is_single_byte):  # stable: meta before header
        if _decodes(body, name):
            return CharsetChoice(name)
    if declared:
        return CharsetChoice(None)
    try:
        text = body.decode(UNDECLARED_FALLBACK)
    except UnicodeDecodeError:
        return CharsetChoice(UTF8, undeclared=True)  # rule 4b
    if looks_chinese(text):
        return CharsetChoice(_codec_name(UNDECLARED_FALLBACK), guessed=True, undeclared=True)
    return CharsetChoice(UTF8, undeclared=True)  # rule 4b


def scrapy_choice(body: bytes, content_type: str | None) -> str | None:
    """Rule 5: the charset Scrapy decodes with when the bytes give no evidence (the header's,
    then the page's own declaration), or None when neither names a known codec."""
    meta, header = _declared(body, content_type)
    return header or meta


def choose_encoding(body: bytes, content_type: str | None) -> str | None:
    """The codec name to decode `body` with (rules in the module docstring), or None for
    'no evidence either way: keep the default choice'."""
    return choose_charset(body, content_type).encoding


def same_encoding(a: str | None, b: str | None) -> bool:
    """True if two charset names denote the same codec."""
    return _codec_name(a) == _codec_name(b) if a and b else a == b
