"""URL normalization: the key articles are deduplicated and stored under."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that change the view, not the document (Joomla print/feed views,
# crawler tags, analytics).
IGNORED_PARAMS = frozenset(
    {"siteversion", "type", "tmpl", "print", "layout", "format", "utm_source", "utm_medium",
     "utm_campaign", "utm_term", "utm_content", "from", "spm"}
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str) -> str:
    """Lowercase scheme/host, drop default port, fragment and view/tracking params, sort the rest."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if k.lower() not in IGNORED_PARAMS)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))
