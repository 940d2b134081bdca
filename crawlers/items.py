"""Items the spiders yield: a fetched page, or a fetch that failed."""
from __future__ import annotations

from dataclasses import dataclass, field

KIND_ARTICLE = "article"
KIND_LISTING = "listing"


@dataclass
class RawPage:
    """One fetched page, as written to raw/<source>/pages.jsonl.gz (ARCHITECTURE.md RawPage)."""

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


@dataclass
class FetchFailure:
    """A request that produced no usable page (download error, HTTP error, robots.txt)."""

    url: str
    source: str
    kind: str
    error: str
    status: int | None = None
