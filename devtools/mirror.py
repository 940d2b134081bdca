"""Offline mirror: serves the snapshot of each site (seeds/pages/<source>/) on loopback.

One ThreadingHTTPServer per source directory, each on its own 127.0.0.1 port, under the
real URL layout of the site, so a spider crawls the mirror exactly as it crawls the live
site (only the base URL differs; see NEWSETL_BASE_URLS).

Request -> file mapping (GET/HEAD):
  * `/a/b.html` -> `<source>/a/b.html`; `/` or a directory -> its `index.html`.
  * With a query string the mirror looks for a file `<path>@<query>` (how the snapshot
    stores Joomla's `?start=5` pages and `?format=feed&type=rss` feeds), in this order:
      1. the query exactly as sent,
      2. the query parameters sorted by name (`urlencode(sorted(parse_qsl(query)))`),
      3. the stored variant whose parameters are all present in the request (the one with
         the most parameters wins), so unknown extra parameters are ignored as Joomla
         ignores them (`?format=feed&type=rss&siteversion=2` is still the feed),
      4. `<path>` itself; for a Joomla page asked with `tmpl=component` the mirror renders
         the component-only view from it as Joomla's `component.php` does (the article
         without header, menus, modules or footer; with `print=1` the print view: a
         print-screen button instead of the print/email icons, no share links,
         `robots: noindex, nofollow`).
  * Missing file -> 404. `records.xml` (the dataproxy database) and stored `@` variants
    are not addressable directly.
Responses carry Content-Type with the charset the page declares in its <meta> (so the
GB2312 page is served as `text/html; charset=gb2312`), `application/rss+xml` for feeds,
Last-Modified and ETag; If-None-Match / If-Modified-Since give 304.
Absolute links to the live site (Joomla's `<base href>`, feed links) are rewritten to the
mirror's own address, as a Joomla install does for whatever host it is served on.

Hanweb paging: `POST /module/web/jpage/dataproxy.jsp?startrecord=N&endrecord=M&perpage=P`
(also the older `/module/jpage/dataproxy.jsp`, and GET) with a form body holding
`columnid=` answers `<datastore><totalrecord>..<totalpage>..<recordset>` sliced from
`col/col<id>/records.xml` (1-based, inclusive); no columnid -> 400.

Faults (FaultPlan) make the mirror misbehave deterministically for crawler-robustness
tests; see FaultPlan.parse for the spec grammar.
"""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import io
import ipaddress
import logging
import math
import mimetypes
import re
import socket
import struct
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import lxml.html

from core.sources import load_sources
from devtools import PAGES_DIR, tcp_port, wait_until_interrupted

log = logging.getLogger(__name__)
access_log = logging.getLogger(__name__ + ".access")

DEFAULT_HOST = "127.0.0.1"
ALT_SEP = "@"  # <path>@<query> stores the page served for <path>?<query>
INDEX_FILE = "index.html"
HIDDEN_FILES = frozenset({"records.xml"})
DATAPROXY_PATHS = frozenset({"/module/web/jpage/dataproxy.jsp", "/module/jpage/dataproxy.jsp"})
RECORDS_FILE = "col/col{column}/records.xml"
DEFAULT_PERPAGE = 15  # Hanweb's default page size when the request names none
COLUMN_ID_RE = re.compile(r"^\d+$")
CHARSET_META_RE = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
CHARSET_SNIFF_BYTES = 4096
DEFAULT_CHARSET = "utf-8"
HTML_SUFFIXES = frozenset({".html", ".htm", ".php", ".jsp"})
XML_PROLOG = b"<?xml"
FEED_SNIFF_BYTES = 512
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
DATAPROXY_TYPE = "text/xml; charset=utf-8"
TEXT_TYPE_PREFIXES = ("text/", "application/rss+xml", "application/atom+xml", "application/xml")
FAULT_BODY = ("<html><head><title>{code} {phrase}</title></head><body><h1>{code} {phrase}</h1>"
              "<p>fault injected by newsetl mirror</p></body></html>")
RETRY_AFTER_SECONDS = "1"
ENDLESS_MAX_SECONDS = 600.0
ENDLESS_PAUSE = 0.01
TRICKLE_PIECES = 20


# ================================================================== fault injection
FAULT_KINDS = ("status", "truncate", "slow", "charset", "every", "redirect_loop", "huge", "reset", "gzip_bomb",
               "endless", "trickle", "offsite_redirect", "nocharset", "robots", "mutate")
QUERY_SEP = "@"  # a target `path@query-glob` matches the query too (`path@` = no query)
SIZE_SUFFIXES = {"k": 1024, "m": 1024 * 1024, "g": 1024 * 1024 * 1024}
PAD_OPEN, PAD_CLOSE = b"<!-- padding ", b" -->\n"


@dataclass(frozen=True)
class FaultRule:
    """One fault: `kind` applied to requests whose path matches `path` (fnmatch glob)."""

    kind: str
    path: str = "*"
    source: str | None = None
    query: str | None = None  # glob on the raw query string; None = any query
    status: int | None = None
    times: int | None = None  # status, reset, truncate: only the first N matching requests (None = always)
    seconds: float = 0.0  # slow
    charset: str | None = None  # charset: the (wrong) charset to declare in Content-Type
    every: int = 0  # every: the N-th, 2N-th, ... request to the source gets `status`
    size: int = 0  # huge: pad the body to at least this many bytes
    fraction: float = 0.5  # truncate: the share of the body sent before the connection drops
    text: str | None = None  # offsite_redirect: the foreign host; robots: the disallowed prefix; mutate: the name

    def matches(self, source: str, path: str, query: str = "") -> bool:
        """True if this rule applies to `path?query` on `source`."""
        return ((self.source is None or self.source == source)
                and fnmatch.fnmatchcase(path, self.path)
                and (self.query is None or fnmatch.fnmatchcase(query, self.query)))


@dataclass
class FaultDecision:
    """What to do to one response."""

    status: int | None = None
    truncate: float = 0.0  # share of the body to send before closing (0: send it all)
    delay: float = 0.0
    charset: str | None = None
    redirect_loop: bool = False
    pad_to: int = 0
    reset: bool = False  # close the connection with a TCP RST instead of answering
    gzip_bomb: int = 0  # answer a gzip body that inflates to this many bytes
    endless: bool = False  # a 200 whose body never ends (no Content-Length)
    trickle: float = 0.0  # send the body spread over this many seconds
    offsite_host: str | None = None  # 302 to the same path on this (foreign) host
    no_charset: bool = False  # no charset in Content-Type nor in the page's <meta>
    robots_disallow: str | None = None  # answer robots.txt disallowing this path prefix
    mutations: tuple[str, ...] = ()  # MUTATORS applied to the body, in order

    @property
    def active(self) -> bool:
        """True if any fault applies."""
        return bool(self.status or self.truncate or self.delay or self.charset
                    or self.redirect_loop or self.pad_to or self.reset or self.gzip_bomb or self.endless
                    or self.trickle or self.offsite_host or self.no_charset
                    or self.robots_disallow is not None or self.mutations)


def _parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = SIZE_SUFFIXES.get(text[-1:], 1)
    number = int(text[:-1] if factor > 1 else text)
    if number < 1:
        raise ValueError(f"bad size {text!r}")
    return number * factor


def _parse_status(text: str) -> tuple[int, int | None]:
    code, _, times = text.partition("*")
    status = int(code)
    if not 100 <= status <= 599:
        raise ValueError(f"bad HTTP status {status}")
    count = int(times) if times else None
    if count is not None and count < 1:
        raise ValueError(f"bad repeat count {times!r}")
    return status, count


def _parse_target(target: str) -> tuple[str | None, str, str | None]:
    """`[source:]path-glob[@query-glob]` -> (source, path glob, query glob or None)."""
    target = target.strip()
    if not target:
        raise ValueError("fault rule needs a target path")
    source: str | None = None
    if not target.startswith("/") and ":" in target:
        source_text, _, target = target.partition(":")
        source, target = source_text.strip(), target.strip()
    path, sep, query = target.partition(QUERY_SEP)
    if not path:
        raise ValueError("fault rule needs a target path")
    return source, path, (query if sep else None)


@dataclass
class FaultPlan:
    """Deterministic faults for the mirror; build with FaultPlan.parse(spec)."""

    rules: tuple[FaultRule, ...] = ()
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _hits: dict[tuple[int, str], int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def parse(cls, spec: str) -> FaultPlan:
        """Parse `rule;rule;...`, each rule `kind[=arg]:target`:

        status=503:/art/2019/8/18/art_933_1016946.html   always answer 503 for that path
        status=503*2:/col/col933/index.html               503 for the first 2 requests only
        truncate:/art/...                                 send half the body, then close
        truncate=0.7:/art/...                             send 70% of the body, then close
        truncate=0.7*4:/art/...                           ... for the first 4 requests only, then whole
        slow=2.0:/index.php/*                             wait 2 s before answering
        charset=latin-1:/art/...                          declare this charset in Content-Type
        every=5:503                                       every 5th request to a source -> 503
        redirect_loop:/art/...                            302 to the very same URL, forever
        huge=6M:/art/...                                  pad the body to 6 MiB (k, M suffixes)
        reset:/art/...                                    close the connection with a TCP RST (reset=2: first 2 only)
        gzip_bomb=1G:/art/...                             a gzip body inflating to 1 GiB (k, M, G suffixes)
        endless:/art/...                                  200, then a body that never ends
        trickle=20:/art/...                               send the body spread over 20 s (a slow body)
        offsite_redirect=evil.example.org:/art/...        302 to the same path on that host
        nocharset:/art/...                                no charset in Content-Type nor in the <meta>
        robots=/art/:/robots.txt                          robots.txt answers `Disallow: /art/`
        mutate=deep_nesting:/art/...                      rewrite the page (MUTATORS: deep_nesting,
                                                          big_paragraph, invalid_utf8, injection,
                                                          boilerplate, listing_markup, offsite_links); `a+b` = both
        Targets are fnmatch globs on the URL path; prefix `source:` to limit a rule to one
        source, e.g. `status=404:ningbolife:/robots.txt`; suffix `@query-glob` to match the
        query string too (`/a.html@` = only without a query, `/a.html@*print=1*` = the
        print view only).
        """
        rules: list[FaultRule] = []
        for raw in spec.split(";"):
            raw = raw.strip()
            if not raw:
                continue
            head, sep, target = raw.partition(":")
            if not sep:
                raise ValueError(f"bad fault rule {raw!r}: expected kind[=arg]:target")
            kind, _, arg = head.partition("=")
            kind = kind.strip().lower()
            try:
                if kind == "every":
                    every = int(arg)
                    if every < 1:
                        raise ValueError("every needs N >= 1")
                    status, _ = _parse_status(target.strip())
                    rules.append(FaultRule("every", "*", None, status=status, every=every))
                    continue
                if kind not in FAULT_KINDS:
                    raise ValueError(f"unknown kind {kind!r} (one of {', '.join(FAULT_KINDS)})")
                source, path, query = _parse_target(target)
                if kind == "status":
                    status, times = _parse_status(arg)
                    rules.append(FaultRule("status", path, source, query, status=status, times=times))
                elif kind == "slow":
                    seconds = float(arg)
                    if seconds < 0:
                        raise ValueError("negative delay")
                    rules.append(FaultRule("slow", path, source, query, seconds=seconds))
                elif kind == "charset":
                    if not arg.strip():
                        raise ValueError("charset rule needs a charset")
                    rules.append(FaultRule("charset", path, source, query, charset=arg.strip()))
                elif kind == "huge":
                    rules.append(FaultRule("huge", path, source, query, size=_parse_size(arg)))
                elif kind == "truncate":
                    share, star, count = arg.partition("*")
                    fraction = float(share) if share.strip() else FaultRule.fraction
                    if not 0 <= fraction < 1:
                        raise ValueError("truncate takes a fraction in [0, 1)")
                    times = int(count) if star else None
                    if times is not None and times < 1:
                        raise ValueError("truncate=F*N needs N >= 1")
                    rules.append(FaultRule("truncate", path, source, query, fraction=fraction, times=times))
                elif kind == "reset":
                    times = int(arg) if arg.strip() else None
                    if times is not None and times < 1:
                        raise ValueError("reset=N needs N >= 1")
                    rules.append(FaultRule("reset", path, source, query, times=times))
                elif kind == "gzip_bomb":
                    rules.append(FaultRule("gzip_bomb", path, source, query, size=_parse_size(arg)))
                elif kind == "trickle":
                    seconds = float(arg)
                    if seconds <= 0:
                        raise ValueError("trickle needs seconds > 0")
                    rules.append(FaultRule("trickle", path, source, query, seconds=seconds))
                elif kind in ("offsite_redirect", "robots", "mutate"):
                    if not arg.strip():
                        raise ValueError(f"{kind} needs an argument")
                    if kind == "mutate":
                        unknown = [m for m in arg.strip().split("+") if m not in MUTATORS]
                        if unknown:
                            raise ValueError(f"unknown mutation(s) {unknown} (one of {', '.join(MUTATORS)})")
                    rules.append(FaultRule(kind, path, source, query, text=arg.strip()))
                else:  # redirect_loop, endless, nocharset: no argument
                    if arg:
                        raise ValueError(f"{kind} takes no argument")
                    rules.append(FaultRule(kind, path, source, query))
            except ValueError as exc:
                raise ValueError(f"bad fault rule {raw!r}: {exc}") from exc
        return cls(tuple(rules))

    def decide(self, source: str, path: str, query: str = "") -> FaultDecision:
        """The faults for one request (counts it); thread-safe and deterministic."""
        decision = FaultDecision()
        with self._lock:
            for index, rule in enumerate(self.rules):
                if rule.kind == "every":
                    key = (index, source)
                    self._hits[key] = self._hits.get(key, 0) + 1
                    if self._hits[key] % rule.every == 0 and decision.status is None:
                        decision.status = rule.status
                    continue
                if not rule.matches(source, path, query):
                    continue
                if rule.kind == "status":
                    key = (index, f"{source}:{path}")
                    self._hits[key] = self._hits.get(key, 0) + 1
                    if (rule.times is None or self._hits[key] <= rule.times) and decision.status is None:
                        decision.status = rule.status
                elif rule.kind == "truncate":
                    key = (index, f"{source}:{path}")
                    self._hits[key] = self._hits.get(key, 0) + 1
                    if rule.times is None or self._hits[key] <= rule.times:
                        decision.truncate = rule.fraction or 1e-9
                elif rule.kind == "slow":
                    decision.delay = max(decision.delay, rule.seconds)
                elif rule.kind == "charset":
                    decision.charset = rule.charset
                elif rule.kind == "redirect_loop":
                    decision.redirect_loop = True
                elif rule.kind == "huge":
                    decision.pad_to = max(decision.pad_to, rule.size)
                elif rule.kind == "reset":
                    key = (index, f"{source}:{path}")
                    self._hits[key] = self._hits.get(key, 0) + 1
                    decision.reset = decision.reset or rule.times is None or self._hits[key] <= rule.times
                elif rule.kind == "gzip_bomb":
                    decision.gzip_bomb = max(decision.gzip_bomb, rule.size)
                elif rule.kind == "endless":
                    decision.endless = True
                elif rule.kind == "trickle":
                    decision.trickle = max(decision.trickle, rule.seconds)
                elif rule.kind == "offsite_redirect":
                    decision.offsite_host = rule.text
                elif rule.kind == "nocharset":
                    decision.no_charset = True
                elif rule.kind == "robots":
                    decision.robots_disallow = rule.text
                elif rule.kind == "mutate" and rule.text:
                    decision.mutations += tuple(rule.text.split("+"))
        return decision


def pad_body(data: bytes, size: int) -> bytes:
    """`data` followed by an HTML comment that brings it to at least `size` bytes."""
    missing = size - len(data) - len(PAD_OPEN) - len(PAD_CLOSE)
    if missing < 0:
        return data
    return data + PAD_OPEN + b"x" * missing + PAD_CLOSE


# ================================================================== page mutations (mutate=NAME)
PARAGRAPH_RE = re.compile(rb"<p\b[^>]*>(?:(?!</?p\b).)*?</p>", re.S | re.I)
TAG_RE = re.compile(rb"<[^>]+>")
META_CHARSET_RE = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?[A-Za-z0-9_.:-]+[^>]*>""", re.I)
CLASS_ID_RE = re.compile(rb"""\b(class|id)\s*=\s*(["'])([^"']*)\2""", re.I)
TITLE_META_RE = re.compile(rb"""(<meta[^>]+name=["']?ArticleTitle["']?[^>]+content=["']?)""", re.I)
NESTING_DEPTH = 10_000
BIG_PARAGRAPH_BYTES = 10 * 1000 * 1000
BIG_PARAGRAPH_WORDS = b"innovation platforms in the city keep growing and researchers keep arriving "
INVALID_UTF8 = b"\xff\xfe \xc3\x28 \xed\xa0\x80 \x80"  # a stray BOM, bad continuations, a surrogate, a lone byte
# Visible text (entity-escaped in the markup): the transform must read them as text, the
# warehouse store them verbatim, every renderer escape them.
INJECTION_TITLE = "Robert'); DROP TABLE news.articles;-- <script>alert('title')</script>"
INJECTION_BODY = ("<img src=x onerror=alert('body')> <script>document.title='pwned'</script> "
                  "'; DELETE FROM news.metrics WHERE '1'='1")
BOILERPLATE_LEAK = b" Text Size: A A A"


def _longest_paragraph(data: bytes) -> re.Match[bytes] | None:
    """The body paragraph with the most text (where an article's content is)."""
    best: re.Match[bytes] | None = None
    best_len = 0
    for m in PARAGRAPH_RE.finditer(data):
        length = len(TAG_RE.sub(b"", m.group()))
        if length > best_len:
            best, best_len = m, length
    return best


def _around_paragraph(data: bytes, before: bytes, after: bytes, inside: bytes | None = None) -> bytes:
    m = _longest_paragraph(data)
    if m is None:
        return data
    para = m.group()
    if inside is not None:  # into the paragraph's text, before its closing tag
        para = para[: -len(b"</p>")] + inside + b"</p>"
    return data[: m.start()] + before + para + after + data[m.end():]


def _deep_nesting(data: bytes) -> bytes:
    """The longest paragraph wrapped in 10,000 nested <div>s."""
    return _around_paragraph(data, b"<div>" * NESTING_DEPTH, b"</div>" * NESTING_DEPTH)


def _big_paragraph(data: bytes) -> bytes:
    """A paragraph of 10 MB of plain words (no numbers) after the longest one."""
    words = BIG_PARAGRAPH_WORDS * (BIG_PARAGRAPH_BYTES // len(BIG_PARAGRAPH_WORDS) + 1)
    return _around_paragraph(data, b"", b"<p>" + words[:BIG_PARAGRAPH_BYTES] + b"</p>")


def _invalid_utf8(data: bytes) -> bytes:
    """Bytes that are not UTF-8 inside the longest paragraph of a page declaring UTF-8."""
    return _around_paragraph(data, b"", b"", inside=b" " + INVALID_UTF8)


def _escaped(text: str) -> bytes:
    import html

    return html.escape(text, quote=True).encode("ascii", "xmlcharrefreplace")


def _injection(data: bytes) -> bytes:
    """SQL and HTML/JS payloads as visible text in the title and in a body paragraph."""
    doc = lxml.html.document_fromstring(data)
    heads = doc.xpath('//div[contains(@class, "item-page")]//h2') or doc.xpath("//h1 | //h2")
    title_meta = TITLE_META_RE.search(data)
    if title_meta:  # Hanweb: the ArticleTitle meta is the title
        data = data[: title_meta.end(1)] + _escaped(INJECTION_TITLE + " ") + data[title_meta.end(1):]
    elif heads:
        old = " ".join(heads[0].text_content().split())
        start = data.find(_escaped(old)) if old else -1
        if start >= 0:
            data = data[:start] + _escaped(INJECTION_TITLE + " ") + data[start:]
    return _around_paragraph(data, b"", b"<p>" + _escaped(INJECTION_BODY) + b"</p>")


def _boilerplate(data: bytes) -> bytes:
    """A page-chrome line leaked into the longest paragraph (the boilerplate gate quarantines it)."""
    return _around_paragraph(data, b"", b"", inside=BOILERPLATE_LEAK)


def _listing_markup(data: bytes) -> bytes:
    """Every class and id renamed (`x` -> `v2-x`): a listing whose template changed."""
    def rename(m: re.Match[bytes]) -> bytes:
        names = b" ".join(b"v2-" + n for n in m.group(3).split())
        return m.group(1) + b"=" + m.group(2) + names + m.group(2)
    return CLASS_ID_RE.sub(rename, data)


OFFSITE_LINK_HOST = "evil.example.org"
ARTICLE_LINK_RE = re.compile(rb'<a href="(/index\.php/[a-z0-9-]+/\d+-[^"]*\.html)"[^>]*>.*?</a>', re.S)


def _offsite_links(data: bytes) -> bytes:
    """Beside each article link of a listing, the same article on another host (absolute URL)."""
    def add(m: re.Match[bytes]) -> bytes:
        return (m.group(0) + b' <a href="http://' + OFFSITE_LINK_HOST.encode() + m.group(1) + b'">'
                + b"mirror copy</a>")
    return ARTICLE_LINK_RE.sub(add, data)


MUTATORS = {
    "deep_nesting": _deep_nesting,
    "big_paragraph": _big_paragraph,
    "invalid_utf8": _invalid_utf8,
    "injection": _injection,
    "boilerplate": _boilerplate,
    "listing_markup": _listing_markup,
    "offsite_links": _offsite_links,
}


def mutate(data: bytes, names: tuple[str, ...]) -> bytes:
    """`data` rewritten by each named mutator in turn."""
    for name in names:
        data = MUTATORS[name](data)
    return data


_BOMBS: dict[int, bytes] = {}


def gzip_bomb(size: int) -> bytes:
    """gzip of `size` zero bytes (about 1/1000 of it), built once per size."""
    import zlib

    if size not in _BOMBS:
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
        chunk = b"\0" * (1024 * 1024)
        parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
        parts.append(packer.compress(b"\0" * (size % len(chunk))))
        parts.append(packer.flush())
        _BOMBS[size] = b"".join(parts)
    return _BOMBS[size]


# ================================================================== file resolution
def _sorted_query(query: str) -> str:
    return urlencode(sorted(parse_qsl(query, keep_blank_values=True)))


def _best_subset_variant(target: Path, query: str) -> Path | None:
    """The stored `<name>@<q>` whose parameters are all in the request (most params wins)."""
    wanted = set(parse_qsl(query, keep_blank_values=True))
    best: tuple[int, str] | None = None
    prefix = target.name + ALT_SEP
    try:
        names = sorted(p.name for p in target.parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return None
    for name in names:
        params = set(parse_qsl(name[len(prefix):], keep_blank_values=True))
        if params and params <= wanted and (best is None or len(params) > best[0]):
            best = (len(params), name)
    return target.parent / best[1] if best else None


def resolve_file(root: Path, url_path: str, query: str = "") -> Path | None:
    """The snapshot file served for `url_path?query` under `root`, or None (-> 404)."""
    rel = unquote(url_path)
    parts = [p for p in rel.split("/") if p]
    if any(p in (".", "..") or ALT_SEP in p or "\\" in p or p in HIDDEN_FILES for p in parts):
        return None
    target = root.joinpath(*parts) if parts else root
    if rel.endswith("/") or target.is_dir():
        target = target / INDEX_FILE
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    if query:
        for candidate in (query, _sorted_query(query)):
            alt = target.with_name(target.name + ALT_SEP + candidate)
            if candidate and alt.is_file():
                return alt
        alt = _best_subset_variant(target, query)
        if alt is not None:
            return alt
    return target if target.is_file() else None


def declared_charset(data: bytes) -> str:
    """The charset an HTML page declares in its <meta> (utf-8 when none)."""
    match = CHARSET_META_RE.search(data[:CHARSET_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else DEFAULT_CHARSET


def content_type(path: Path, data: bytes) -> str:
    """Content-Type for a snapshot file: feeds by content, HTML with its declared charset."""
    head = data[:FEED_SNIFF_BYTES].lstrip()
    if head.startswith(XML_PROLOG) or head.startswith(b"<rss"):
        if b"<rss" in head:
            return RSS_TYPE
        if b"<feed" in head:
            return ATOM_TYPE
        return "application/xml; charset=utf-8"
    base_name = path.name.split(ALT_SEP, 1)[0]
    suffix = Path(base_name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return f"text/html; charset={declared_charset(data)}"
    guessed, _ = mimetypes.guess_type(base_name)
    if guessed and guessed.startswith("text/"):
        return f"{guessed}; charset=utf-8"
    return guessed or "application/octet-stream"


# ================================================================== Joomla component view
JOOMLA_GENERATOR_RE = re.compile(rb"""<meta[^>]+name=["']generator["'][^>]+content=["']Joomla""", re.I)
COMPONENT_PARAM = ("tmpl", "component")
PRINT_PARAM = ("print", "1")
COMPONENT_REGION_XPATH = '//div[@id="main"]'
MESSAGE_CONTAINER_ID = "system-message-container"
# In the print view Joomla replaces the print/email icons by a print-screen button and
# share plugins render nothing.
ICONS_XPATH = ('.//ul[contains(concat(" ", normalize-space(@class), " "), " actions ")]'
               ' | .//div[contains(concat(" ", normalize-space(@class), " "), " icons ")]')
PRINT_HIDDEN_XPATH = './/div[contains(concat(" ", normalize-space(@class), " "), " share-links ")]'
PRINT_SCREEN_HTML = ('<div id="pop-print" class="btn hidden-print"><a href="#" onclick="window.print();return false;">'
                     '<img src="/media/system/images/printButton.png" alt="Print" /></a></div>')
ROBOTS_META_HTML = '<meta name="robots" content="noindex, nofollow" />'
COMPONENT_PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="ltr">
{head}
<body class="contentpane">
<div id="all">
<div id="main">
<div id="{messages}">
</div>
{component}
</div>
</div>
</body>
</html>
"""


def wants_component_view(query: str) -> bool:
    """True for Joomla's `tmpl=component` (component-only) requests, print views included."""
    return COMPONENT_PARAM in parse_qsl(query, keep_blank_values=True)


def component_view(data: bytes, print_view: bool) -> bytes | None:
    """Joomla's component-only rendering of a full page (None if it is not a Joomla page).

    What `templates/<template>/component.php` outputs: the document head, the message
    container and the component (the article); no header, menus, breadcrumbs, modules
    or footer.
    """
    if not JOOMLA_GENERATOR_RE.search(data[:CHARSET_SNIFF_BYTES]):
        return None
    charset = declared_charset(data)
    doc = lxml.html.document_fromstring(data.decode(charset, "replace"))
    regions = doc.xpath(COMPONENT_REGION_XPATH)
    head = doc.find("head")
    if not regions or head is None:
        return None
    parts: list[str] = []
    for child in regions[0]:
        if child.get("id") == MESSAGE_CONTAINER_ID:
            continue
        if print_view:
            for icons in child.xpath(ICONS_XPATH):
                icons.addprevious(lxml.html.fragment_fromstring(PRINT_SCREEN_HTML))
                icons.drop_tree()
            for hidden in child.xpath(PRINT_HIDDEN_XPATH):
                hidden.drop_tree()
        parts.append(lxml.html.tostring(child, encoding="unicode", with_tail=False))
    if print_view:
        head.append(lxml.html.fragment_fromstring(ROBOTS_META_HTML))
    page = COMPONENT_PAGE.format(
        lang=doc.get("lang") or "en-gb",
        head=lxml.html.tostring(head, encoding="unicode"),
        messages=MESSAGE_CONTAINER_ID,
        component="\n".join(parts),
    )
    return page.encode(charset, "xmlcharrefreplace")


def load_live_bases(sources_file: Path | None = None) -> dict[str, str]:
    """Live base URL per source name from the site registry (for rewriting absolute links)."""
    return {name: source.live_base_url for name, source in load_sources(path=sources_file).items()}


def _host_variants(live: str) -> list[bytes]:
    parts = urlsplit(live)
    host = parts.netloc
    return [f"{scheme}://{host}".encode("ascii") for scheme in ("https", "http")]


# ================================================================== Hanweb dataproxy
def load_records(root: Path, column: str) -> list[str]:
    """All records (CDATA contents) of one Hanweb column's records.xml, newest first."""
    path = root / RECORDS_FILE.format(column=column)
    if not path.is_file():
        return []
    tree = ET.parse(path)
    return [r.text or "" for r in tree.getroot().iter("record")]


def dataproxy_response(records: list[str], start: int, end: int, per_page: int) -> bytes:
    """Hanweb's dataproxy XML for records[start-1:end] (1-based inclusive)."""
    total = len(records)
    chosen = records[max(start, 1) - 1:max(end, 0)]
    body = "".join(f"<record><![CDATA[{r}]]></record>\n" for r in chosen)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f"<datastore>\n<totalrecord>{total}</totalrecord>\n"
            f"<totalpage>{math.ceil(total / per_page) if per_page > 0 else 0}</totalpage>\n"
            f"<recordset>\n{body}</recordset>\n</datastore>\n").encode()


# ================================================================== HTTP
class MirrorServer(ThreadingHTTPServer):
    """One source's server: its snapshot root, live base URL and the shared fault plan."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], source: str, root: Path,
                 live_base: str | None, faults: FaultPlan | None) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, MirrorHandler)
        self.source = source
        self.root = root
        self.live_base = live_base
        self.faults = faults

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (timeout, size cap) is routine here: log it, no traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, socket.timeout)):
            log.debug("mirror %s: client %s went away: %s", self.source, client_address, exc)
            return
        super().handle_error(request, client_address)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        host_text = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{host_text}:{port}"


class MirrorHandler(BaseHTTPRequestHandler):
    """GET/HEAD for snapshot files, POST/GET for Hanweb's dataproxy."""

    server: MirrorServer
    server_version = "newsetl-mirror/1.0"
    # keep-alive like a real server (every response carries Content-Length); an HTTP/1.0
    # close after each response races clients that reuse connections (Scrapy)
    protocol_version = "HTTP/1.1"

    # --- plumbing -----------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        access_log.debug("%s %s - " + format, self.server.source, self.client_address[0], *args)

    def _self_base(self) -> str:
        host = self.headers.get("Host")
        return f"http://{host}" if host else self.server.base_url

    def _send(self, status: int, body: bytes, ctype: str, headers: Mapping[str, str] | None = None,
              head_only: bool = False, truncate: float = 0.0, trickle: float = 0.0) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        if head_only:
            return
        if truncate:
            self.wfile.write(body[: int(len(body) * truncate)])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if trickle:  # a slow body: TRICKLE_PIECES pieces spread over `trickle` seconds
            step = max(1, math.ceil(len(body) / TRICKLE_PIECES))
            try:
                for start in range(0, len(body), step):
                    self.wfile.write(body[start:start + step])
                    self.wfile.flush()
                    time.sleep(trickle / TRICKLE_PIECES)
            except OSError:
                self.close_connection = True
            return
        self.wfile.write(body)

    def _error(self, status: int, head_only: bool = False) -> None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        body = FAULT_BODY.format(code=status, phrase=phrase).encode("utf-8")
        extra = {"Retry-After": RETRY_AFTER_SECONDS} if status in (429, 503) else None
        self._send(status, body, "text/html; charset=utf-8", extra, head_only)

    def _faults(self, path: str, query: str) -> FaultDecision:
        plan = self.server.faults
        decision = plan.decide(self.server.source, path, query) if plan else FaultDecision()
        if decision.active:
            log.info("mirror fault %s %s?%s: %s", self.server.source, path, query, decision)
        if decision.delay:
            time.sleep(decision.delay)
        return decision

    # --- methods ------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self._handle(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle(head_only=True)

    def do_POST(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        decision = self._faults(parts.path, parts.query)
        if decision.status:
            self._error(decision.status)
            return
        if decision.redirect_loop:
            self._redirect_to_self()
            return
        if parts.path not in DATAPROXY_PATHS:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED)
            return
        form = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        self._dataproxy(parse_qsl(parts.query, keep_blank_values=True) + form, decision)

    def _handle(self, head_only: bool) -> None:
        parts = urlsplit(self.path)
        decision = self._faults(parts.path, parts.query)
        if decision.reset:
            self._reset()
            return
        if decision.status:
            self._error(decision.status, head_only)
            return
        if decision.redirect_loop:
            self._redirect_to_self(head_only)
            return
        if decision.offsite_host:
            self._send(HTTPStatus.FOUND, b"<html><body>Moved</body></html>", "text/html; charset=utf-8",
                       {"Location": f"http://{decision.offsite_host}{self.path}"}, head_only)
            return
        if decision.robots_disallow is not None:
            robots = f"User-agent: *\nDisallow: {decision.robots_disallow}\n".encode()
            self._send(HTTPStatus.OK, robots, "text/plain; charset=utf-8", None, head_only)
            return
        if decision.gzip_bomb:
            self._send(HTTPStatus.OK, gzip_bomb(decision.gzip_bomb), "text/html; charset=utf-8",
                       {"Content-Encoding": "gzip"}, head_only)
            return
        if decision.endless:
            self._endless(head_only)
            return
        if parts.path in DATAPROXY_PATHS:
            self._dataproxy(parse_qsl(parts.query, keep_blank_values=True), decision, head_only)
            return
        path = resolve_file(self.server.root, parts.path, parts.query)
        if path is None:
            self._error(HTTPStatus.NOT_FOUND, head_only)
            return
        data = path.read_bytes()
        if ALT_SEP not in path.name and wants_component_view(parts.query):
            view = component_view(data, PRINT_PARAM in parse_qsl(parts.query, keep_blank_values=True))
            data = view if view is not None else data
        ctype = content_type(path, data)
        if self.server.live_base and ctype.startswith(TEXT_TYPE_PREFIXES):
            own = self._self_base().encode("ascii", "replace")
            for live in _host_variants(self.server.live_base):
                data = data.replace(live, own)
        if decision.mutations:
            data = mutate(data, decision.mutations)
        if decision.no_charset and ctype.startswith("text/html"):
            ctype = "text/html"
            data = META_CHARSET_RE.sub(b"", data)
        if decision.charset and ctype.startswith("text/html"):
            ctype = f"text/html; charset={decision.charset}"
        if decision.pad_to:
            data = pad_body(data, decision.pad_to)
        mtime = int(path.stat().st_mtime)
        etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
        headers = {"ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
        if self._not_modified(etag, mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self._send(HTTPStatus.OK, data, ctype, headers, head_only, decision.truncate, decision.trickle)

    def _reset(self) -> None:
        """Drop the connection with a TCP RST (SO_LINGER 0), no answer at all."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        for stream in (self.wfile, self.rfile):
            try:
                stream.close()
            except OSError:
                pass
        self.connection.close()  # the last reference: the kernel sends the RST now
        self.wfile = io.BytesIO()  # what the handler still flushes after this method


    def _endless(self, head_only: bool) -> None:
        """200 without Content-Length, then body bytes until the client gives up (or 10 min)."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if head_only:
            return
        chunk = b"<p>" + BIG_PARAGRAPH_WORDS * 800 + b"</p>\n"
        deadline = time.monotonic() + ENDLESS_MAX_SECONDS
        try:
            self.wfile.write(b"<html><body>")
            while time.monotonic() < deadline:
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(ENDLESS_PAUSE)
        except OSError:  # the client went away: the point of the exercise
            pass

    def _redirect_to_self(self, head_only: bool = False) -> None:
        """302 back to the very URL requested: a redirect loop."""
        body = b"<html><body>Found</body></html>"
        self._send(HTTPStatus.FOUND, body, "text/html; charset=utf-8",
                   {"Location": self._self_base() + self.path}, head_only)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip() for t in inm.split(",")}
            return "*" in tags or etag in tags or f"W/{etag}" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return parsedate_to_datetime(ims).timestamp() >= mtime
            except (TypeError, ValueError):
                return False
        return False

    def _dataproxy(self, params: list[tuple[str, str]], decision: FaultDecision,
                   head_only: bool = False) -> None:
        values = {k.lower(): v for k, v in params}
        column = values.get("columnid", "").strip()
        if not COLUMN_ID_RE.match(column):
            self._error(HTTPStatus.BAD_REQUEST, head_only)
            return
        records = load_records(self.server.root, column)
        try:
            per_page = int(values.get("perpage") or DEFAULT_PERPAGE)
            start = int(values.get("startrecord") or 1)
            end = int(values.get("endrecord") or len(records))
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, head_only)
            return
        if per_page < 1 or start < 1 or end < start - 1:
            self._error(HTTPStatus.BAD_REQUEST, head_only)
            return
        body = dataproxy_response(records, start, end, per_page)
        self._send(HTTPStatus.OK, body, DATAPROXY_TYPE, {"Cache-Control": "no-cache"}, head_only,
                   decision.truncate)


# ================================================================== lifecycle
def _check_loopback(host: str) -> None:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise ValueError(f"cannot resolve mirror host {host!r}") from exc
    for info in infos:
        address = info[4][0].split("%", 1)[0]
        if not ipaddress.ip_address(address).is_loopback:
            raise ValueError(f"the mirror binds loopback only; {host!r} resolves to {address}")


@dataclass
class Mirror:
    """Running mirror servers, one per source; use as a context manager or call stop()."""

    base_urls: dict[str, str]
    servers: dict[str, MirrorServer] = field(repr=False)
    threads: list[threading.Thread] = field(repr=False)

    def env_value(self) -> str:
        """NEWSETL_BASE_URLS value: `name=url,name=url` (sorted by name)."""
        return ",".join(f"{name}={url}" for name, url in sorted(self.base_urls.items()))

    def stop(self) -> None:
        """Shut every server down and wait for their threads."""
        for server in self.servers.values():
            server.shutdown()
            server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)
        self.servers.clear()
        self.threads.clear()

    def __enter__(self) -> Mirror:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def source_dirs(pages_dir: Path = PAGES_DIR) -> dict[str, Path]:
    """Every source directory in the snapshot (name -> path), sorted."""
    return {p.name: p for p in sorted(pages_dir.iterdir()) if p.is_dir() and not p.name.startswith(".")}


def start_mirror(pages_dir: Path = PAGES_DIR, host: str = DEFAULT_HOST,
                 ports: Mapping[str, int] | None = None, faults: FaultPlan | None = None) -> Mirror:
    """Serve every `pages_dir/<source>/` on its own loopback port (port 0 = ephemeral)."""
    _check_loopback(host)
    dirs = source_dirs(Path(pages_dir))
    if not dirs:
        raise ValueError(f"no source directories in {pages_dir}")
    unknown = set(ports or {}) - set(dirs)
    if unknown:
        raise ValueError(f"ports given for unknown source(s) {sorted(unknown)}; have {sorted(dirs)}")
    for rule in faults.rules if faults else ():
        if rule.kind == "gzip_bomb":
            gzip_bomb(rule.size)  # built now: compressing hundreds of MiB must not eat the client's timeout
    live = load_live_bases()
    servers: dict[str, MirrorServer] = {}
    threads: list[threading.Thread] = []
    try:
        for name, root in dirs.items():
            server = MirrorServer((host, int((ports or {}).get(name, 0))), name, root,
                                  live.get(name), faults)
            servers[name] = server
            thread = threading.Thread(target=server.serve_forever, name=f"mirror-{name}", daemon=True)
            thread.start()
            threads.append(thread)
    except Exception:
        Mirror({}, servers, threads).stop()
        raise
    mirror = Mirror({name: s.base_url for name, s in servers.items()}, servers, threads)
    log.info("mirror serving %s", mirror.env_value())
    return mirror


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `newsetl mirror` options: --port (first port, one per source), --faults, --pages-dir."""
    parser.add_argument("--port", type=tcp_port, default=0,
                        help="first port; sources get consecutive ports in name order (default: free ports)")
    parser.add_argument("--faults", help="fault plan, e.g. 'status=503:/art/*;every=5:503' (see FaultPlan.parse)")
    parser.add_argument("--pages-dir", type=Path, default=PAGES_DIR, help="snapshot root (default seeds/pages)")


def ports_from_first(first_port: int, pages_dir: Path = PAGES_DIR) -> dict[str, int] | None:
    """Consecutive ports from `first_port` for the sources in name order (None for 0)."""
    if not first_port:
        return None
    return {name: first_port + i for i, name in enumerate(source_dirs(pages_dir))}


def serve(ports: Mapping[str, int] | None = None, faults: FaultPlan | None = None,
          pages_dir: Path = PAGES_DIR, host: str = DEFAULT_HOST) -> None:
    """Run the mirror in the foreground until interrupted, printing the base URLs."""
    with start_mirror(pages_dir, host, ports, faults) as mirror:
        wait_until_interrupted(*(f"{name}: {url}" for name, url in sorted(mirror.base_urls.items())),
                               f"export NEWSETL_BASE_URLS='{mirror.env_value()}'")


def main(argv: list[str] | None = None) -> int:
    """`python -m devtools.mirror [--port N] [--faults SPEC]`."""
    parser = argparse.ArgumentParser(description="serve the offline snapshot on 127.0.0.1")
    add_arguments(parser)
    args = parser.parse_args(argv)
    faults = FaultPlan.parse(args.faults) if args.faults else None
    serve(ports_from_first(args.port, args.pages_dir), faults, args.pages_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
