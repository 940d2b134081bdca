"""Crawl state kept across runs: HTTP validators of each source's listing entry points.

`<state dir>/<source>/http_validators.json` (the state dir defaults to
`<NEWSETL_DATA_DIR>/state`; the path is `core.rundir.http_validators`):

    {"version": 1,
     "listings": {"<listing URL as requested>": {
         "etag": "\\"abc\\"" | null, "last_modified": "<HTTP date>" | null,
         "stored_at": "<ISO-8601 UTC>",
         "links": [["<article URL>", {"listing_title": .., "listing_date": .., "listing_url": ..}], ...]}}}

The next run sends If-None-Match / If-Modified-Since for each stored listing. A 304
means the listing, and so every page or dataproxy group behind it, is unchanged: the
spider skips them and replays the stored `links` through the seen-filter instead, so
stored articles still count as unchanged and an article that failed or was never
loaded is still fetched. An entry is only stored when the whole chain behind the
listing was crawled without a failure.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.rundir import write_json

log = logging.getLogger(__name__)

STATE_VERSION = 1


@dataclass
class ListingEntry:
    """What one listing entry point looked like when it was last crawled completely."""

    etag: str | None = None
    last_modified: str | None = None
    links: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    stored_at: str = ""

    @property
    def has_validators(self) -> bool:
        return bool(self.etag or self.last_modified)

    def request_headers(self) -> dict[str, str]:
        """Conditional-GET headers for the next request of this listing."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def to_json(self) -> dict[str, Any]:
        return {"etag": self.etag, "last_modified": self.last_modified,
                "stored_at": self.stored_at, "links": [[url, meta] for url, meta in self.links]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ListingEntry:
        links = [(str(url), dict(meta)) for url, meta in data.get("links", [])]
        return cls(etag=data.get("etag") or None, last_modified=data.get("last_modified") or None,
                   links=links, stored_at=str(data.get("stored_at", "")))


def load_state(path: Path | None) -> dict[str, ListingEntry]:
    """Stored listing entries by URL; empty when there is no file or it cannot be read."""
    if path is None or not Path(path).is_file():
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {STATE_VERSION}")
        return {str(url): ListingEntry.from_json(entry) for url, entry in data["listings"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("ignoring unreadable crawl state %s (%s): listings are fetched in full", path, exc)
        return {}


def save_state(path: Path, entries: Mapping[str, ListingEntry]) -> None:
    """Write the entries atomically (readers never see half a file)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for entry in entries.values():
        entry.stored_at = entry.stored_at or now
    write_json(Path(path), {
        "version": STATE_VERSION,
        "listings": {url: entries[url].to_json() for url in sorted(entries)},
    })
