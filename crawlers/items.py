"""Items the spiders yield: a fetched page, or a fetch that failed."""
from __future__ import annotations

from dataclasses import dataclass, field

KIND_ARTICLE = "article"
KIND_LISTING = "listing"
VIA_DIRECT = "direct"  # the page itself
VIA_PRINT = "print"  # Joomla's print view, fetched because the page itself failed


@dataclass
class RawPage:
    """One fetched page, as written to raw/<source>/pages.jsonl.gz (ARCHITECTURE.md RawPage).

    `url` is the URL the page was asked for (for a print-view fallback: the article's
    URL), `final_url` the one that answered (after redirects; the print view's URL).
    """

    url: str
    final_url: str
    canonical_url: str
    source: str
    kind: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    fetched_at: str = ""
    html: str = ""
    via: str = VIA_DIRECT
    truncated: bool = False  # the body was cut short (after retries) and is kept as it came


@dataclass
class FetchFailure:
    """A request that produced no usable page (download error, HTTP error, robots.txt)."""

    url: str
    source: str
    kind: str
    error: str
    status: int | None = None
