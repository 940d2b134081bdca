"""Configuration: the source registry (seeds/sources.yml) and environment settings.

Everything configurable comes from the environment (or matching Airflow
connections/variables): NEWSETL_DATABASE_URL, NEWSETL_DATA_DIR, NEWSETL_ALERT_EMAILS,
NEWSETL_BASE_URLS, AIRFLOW_CONN_SMTP_DEFAULT. Nothing here touches the network.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
SOURCES_FILE = SEEDS_DIR / "sources.yml"
PAGES_DIR = SEEDS_DIR / "pages"
STATE_DIR = PROJECT_ROOT / ".newsetl"

ENV_DATABASE_URL = "NEWSETL_DATABASE_URL"
ENV_DATA_DIR = "NEWSETL_DATA_DIR"
ENV_ALERT_EMAILS = "NEWSETL_ALERT_EMAILS"
ENV_BASE_URLS = "NEWSETL_BASE_URLS"
ENV_SMTP_CONN = "AIRFLOW_CONN_SMTP_DEFAULT"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Source:
    """One crawl source from seeds/sources.yml, with its effective base URL."""

    name: str
    template: str
    base_url: str
    live_base_url: str
    listings: tuple[str, ...]
    feeds: tuple[str, ...] = ()
    language: str = "en"
    politeness: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_loopback(self) -> bool:
        return urlsplit(self.base_url).hostname in LOOPBACK_HOSTS

    def canonical_url(self, url: str) -> str:
        """Map a URL fetched from base_url (e.g. the mirror) onto the live site."""
        if url.startswith(self.base_url.rstrip("/")):
            return self.live_base_url.rstrip("/") + url[len(self.base_url.rstrip("/")):]
        return url


def parse_base_urls(spec: str | None) -> dict[str, str]:
    """Parse 'name=url,name=url' (NEWSETL_BASE_URLS / --base-url NAME=URL)."""
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, url = part.partition("=")
        if not sep or not url.strip():
            raise ValueError(f"bad base URL override {part!r}: expected name=url")
        out[name.strip()] = url.strip().rstrip("/")
    return out


def load_sources(
    overrides: Mapping[str, str] | None = None, path: Path = SOURCES_FILE
) -> dict[str, Source]:
    """The source registry, with base URLs overridden by NEWSETL_BASE_URLS and `overrides`."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    effective = parse_base_urls(os.environ.get(ENV_BASE_URLS))
    effective.update(overrides or {})
    unknown = set(effective) - set(raw["sources"])
    if unknown:
        raise ValueError(f"base URL override for unknown source(s): {sorted(unknown)}")
    sources: dict[str, Source] = {}
    for name, spec in raw["sources"].items():
        live = spec["base_url"].rstrip("/")
        sources[name] = Source(
            name=name,
            template=spec["template"],
            base_url=effective.get(name, live),
            live_base_url=live,
            listings=tuple(spec.get("listings", ())),
            feeds=tuple(spec.get("feeds", ())),
            language=spec.get("language", "en"),
            politeness=dict(spec.get("politeness", {})),
        )
    return sources


def crawl_settings(path: Path = SOURCES_FILE) -> dict[str, Any]:
    """The global `crawl:` block of sources.yml (user agent, robots.txt)."""
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")).get("crawl", {}))


def data_dir() -> Path:
    """Where run directories live (NEWSETL_DATA_DIR, else .newsetl/data)."""
    return Path(os.environ.get(ENV_DATA_DIR) or STATE_DIR / "data")


def run_dir(run_id: str) -> Path:
    """The directory of one run: <data dir>/runs/<run_id>/."""
    if not run_id or "/" in run_id or run_id.startswith("."):
        raise ValueError(f"bad run id {run_id!r}")
    return data_dir() / "runs" / run_id


def alert_emails() -> list[str]:
    """On-call recipients (NEWSETL_ALERT_EMAILS, comma separated)."""
    return [a.strip() for a in os.environ.get(ENV_ALERT_EMAILS, "").split(",") if a.strip()]
