"""URL normalization: the key articles are deduplicated and stored under.

Two URLs that name the same document normalize to the same string:
  * scheme and host lowercased, a trailing dot on the host dropped, the default port
    (80 for http, 443 for https) dropped, user info dropped;
  * path: dot segments resolved, percent-escapes of unreserved characters decoded and
    the others uppercased, an empty path is "/";
  * query: parameters that change the view of a page or only tag the visit are dropped
    (Joomla view switches `tmpl`, `print`, `layout`, `siteversion`, `Itemid`, the feed
    view `type=rss|atom`; analytics and share tags `utm_*`, `fbclid`, `spm`, `from`, ...),
    the rest sorted by name, a bare `?` dropped;
  * the fragment dropped.
What is kept: `format=` (a feed or JSON view is another document), every other
parameter (Hanweb and Joomla non-SEF URLs are identified by theirs), `www.` (another
host; `core.sources.Source.canonical_url` maps a mirror onto the live host).
"""
from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that change the view, not the document (names compared lowercased).
VIEW_PARAMS = frozenset({"tmpl", "print", "layout", "siteversion", "itemid"})
# Parameters that are view switches only with these values (`type=rss` on a Joomla URL;
# `type=3` on Hanweb's visit counter is not).
VIEW_PARAM_VALUES = {"type": frozenset({"rss", "atom"})}
# Tracking / share tags added by analytics, social networks and WeChat.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl",
    "spm", "from", "isappinstalled", "scene", "clicktime", "share_token",
})
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": 80, "https": 443}
# RFC 3986 unreserved characters: their percent-escapes are decoded.
UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
PERCENT_ESCAPE_RE = re.compile(r"%([0-9A-Fa-f]{2})")


def is_ignored_param(name: str, value: str) -> bool:
    """True if query parameter `name=value` does not change which document a URL names."""
    key = name.lower()
    if key in VIEW_PARAMS or key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
        return True
    return value.lower() in VIEW_PARAM_VALUES.get(key, frozenset())


def _normalize_escapes(path: str) -> str:
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in UNRESERVED else "%" + match.group(1).upper()
    return PERCENT_ESCAPE_RE.sub(fix, path)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4 for an absolute path."""
    segments = path.split("/")
    out: list[str] = []
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        if segment in (".", ".."):
            if segment == ".." and len(out) > 1:
                out.pop()
            if index == last:
                out.append("")
            continue
        out.append(segment)
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result


def _netloc(scheme: str, parts: SplitResult) -> str:
    """Lowercased host without a trailing dot or the scheme's default port; no user info."""
    if parts.hostname is None:
        return parts.netloc.lower()
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # not a number: keep the netloc as given
        return parts.netloc.lower()
    return host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"


def normalize_url(url: str) -> str:
    """The normalized form of `url` (see the module docstring); idempotent."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = _netloc(scheme, parts)
    path = _remove_dot_segments(_normalize_escapes(parts.path)) if parts.path else "/"
    query = urlencode(sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_ignored_param(k, v)
    ))
    return urlunsplit((scheme, netloc, path, query, ""))


def duplicate_preference(url: str) -> tuple[int, str]:
    """Sort key of the URLs one source serves the same article under (Joomla under each of its
    category paths, Hanweb JCMS in each column that lists it): the first is the one kept.

    The shortest URL, then the first in code-point order: it depends on the URLs alone, so every
    crawl and reprocess of the same pages keeps the same one (the order a crawl finished the pages
    in, which Scrapy's concurrent downloads change from crawl to crawl, would not), and the
    shortest is the least nested category path.
    """
    return len(url), url
