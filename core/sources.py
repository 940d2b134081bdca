"""The site registry: `seeds/sources.yml` parsed into typed specs, the one place a site is known.

A site is one `sources:` entry. Every key is parsed (an unknown key is an error, not
ignored): `site` (its registrable host; any subdomain belongs to it), `hosts` (more
hosts of the same site), `template` (the page parser in `transforms.templates` and,
unless `spider` names another, the Scrapy spider of that name), `base_url` (the live
site), `listings`, `feeds`, `language`, `politeness`. The crawl settings shared by all
sources are the `crawl:` block. Everything else (the crawl runner, the transform's
host/template tables, the suites' source list) derives from this registry.

Entry points resolve the registry once (`load_sources`, with NEWSETL_BASE_URLS or
`--base-url` overrides) and hand `Source` objects down; a crawl child process receives
its source as JSON (`Source.to_json` / `Source.from_json`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit

import yaml

from core.wording import plural

REGISTRY_PACKAGE = "seeds"  # sources.yml ships as package data of the seeds/ folder
REGISTRY_FILE = "sources.yml"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
SOURCE_KEYS = frozenset({"site", "hosts", "template", "spider", "base_url", "listings", "feeds",
                         "sitemaps", "article_pattern", "language", "politeness"})
GENERIC_TEMPLATE = "generic"  # a source of no known CMS: feeds/sitemaps + an article URL pattern
POLITENESS_KEYS = frozenset({"download_delay", "concurrent_requests_per_domain", "autothrottle"})
CRAWL_KEYS = frozenset({"user_agent", "robotstxt_obey"})
DEFAULT_DOWNLOAD_DELAY = 1.5
DEFAULT_CONCURRENCY_PER_DOMAIN = 1
FALLBACK_USER_AGENT = "newsetl/0.1 (news monitoring)"


class RegistryError(ValueError):
    """sources.yml (or an override of it) is not a valid registry."""


@dataclass(frozen=True)
class Politeness:
    """How gently a live site is crawled (ignored against a loopback mirror)."""

    download_delay: float = DEFAULT_DOWNLOAD_DELAY
    concurrent_requests_per_domain: int = DEFAULT_CONCURRENCY_PER_DOMAIN
    autothrottle: bool = True


@dataclass(frozen=True)
class CrawlSettings:
    """The registry's `crawl:` block: what every crawl shares."""

    user_agent: str = FALLBACK_USER_AGENT
    robotstxt_obey: bool = True


@dataclass(frozen=True)
class Source:
    """One site of the registry, with its effective base URL (live site or an override)."""

    name: str
    site: str
    template: str
    base_url: str
    live_base_url: str
    listings: tuple[str, ...]
    feeds: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    spider: str = ""
    sitemaps: tuple[str, ...] = ()
    article_pattern: str = ""  # regex on the URL path of an article (required for generic sources)
    language: str = "en"
    politeness: Politeness = field(default_factory=Politeness)

    @property
    def spider_name(self) -> str:
        """The name Scrapy's SpiderLoader finds this source's spider by (default: the template)."""
        return self.spider or self.template

    @property
    def all_hosts(self) -> tuple[str, ...]:
        """The site's hosts: `site` and `hosts` (each also covers its subdomains)."""
        return (self.site, *self.hosts)

    @property
    def is_loopback(self) -> bool:
        return urlsplit(self.base_url).hostname in LOOPBACK_HOSTS

    def owns_host(self, host: str | None) -> bool:
        """True for one of the site's hosts or a subdomain of one."""
        host = (host or "").lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.all_hosts)

    def allows(self, url: str) -> bool:
        """True for an http(s) URL on this crawl's hosts: the base URL's host and port when the
        crawl goes to another host than the live site (a mirror), else the site's hosts."""
        parts = urlsplit(url)
        if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
            return False
        base = urlsplit(self.base_url)
        if self.base_url.rstrip("/") != self.live_base_url.rstrip("/"):
            return (parts.hostname, _port(parts)) == (base.hostname, _port(base))
        return self.owns_host(parts.hostname)

    def canonical_url(self, url: str) -> str:
        """Map a URL fetched from base_url (e.g. the mirror) onto the live site."""
        if url.startswith(self.base_url.rstrip("/")):
            return self.live_base_url.rstrip("/") + url[len(self.base_url.rstrip("/")):]
        return url

    def to_json(self) -> str:
        """The resolved source as JSON (what a crawl child process receives)."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Source:
        """The inverse of `to_json`."""
        data = json.loads(text)
        data["politeness"] = Politeness(**data.get("politeness", {}))
        for key in ("listings", "feeds", "hosts", "sitemaps"):
            data[key] = tuple(data.get(key, ()))
        return cls(**data)


def _port(parts: SplitResult) -> int | None:
    try:
        return parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None


def check_base_url(url: str) -> str:
    """The URL without a trailing slash; RegistryError unless it is http(s)://host[:port]."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
        raise RegistryError(f"bad base URL {url!r}: expected http(s)://host[:port]")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise RegistryError(f"bad base URL {url!r}: {exc}") from exc
    return url.strip().rstrip("/")


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


def registry_text(path: Path | None = None) -> str:
    """The text of sources.yml: `path`, else the copy shipped as package data."""
    if path is not None:
        return path.read_text(encoding="utf-8")
    return resources.files(REGISTRY_PACKAGE).joinpath(REGISTRY_FILE).read_text(encoding="utf-8")


def _registry(path: Path | None) -> dict[str, Any]:
    raw = yaml.safe_load(registry_text(path))
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), dict) or not raw["sources"]:
        raise RegistryError("sources.yml needs a non-empty `sources:` mapping")
    return raw


def _check_keys(where: str, spec: Any, allowed: frozenset[str]) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise RegistryError(f"{where}: expected a mapping, got {type(spec).__name__}")
    unknown = set(spec) - allowed
    if unknown:
        raise RegistryError(f"{where}: unknown {plural(len(unknown), 'key')} {sorted(unknown)} "
                            f"(known: {sorted(allowed)})")
    return spec


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RegistryError(f"{where}: expected a list of strings")
    return tuple(value)


def _source(name: str, spec: Any, base_url: str | None) -> Source:
    spec = _check_keys(f"sources.{name}", spec, SOURCE_KEYS)
    for required in ("site", "template", "base_url"):
        if not isinstance(spec.get(required), str) or not spec[required].strip():
            raise RegistryError(f"sources.{name}: `{required}` is required")
    live = check_base_url(spec["base_url"])
    politeness = _check_keys(f"sources.{name}.politeness", spec.get("politeness") or {}, POLITENESS_KEYS)
    source = Source(
        name=name,
        site=spec["site"].strip().lower(),
        template=spec["template"].strip(),
        base_url=check_base_url(base_url) if base_url else live,
        live_base_url=live,
        listings=_strings(f"sources.{name}.listings", spec.get("listings")),
        feeds=_strings(f"sources.{name}.feeds", spec.get("feeds")),
        hosts=tuple(h.lower() for h in _strings(f"sources.{name}.hosts", spec.get("hosts"))),
        spider=str(spec.get("spider") or ""),
        sitemaps=_strings(f"sources.{name}.sitemaps", spec.get("sitemaps")),
        article_pattern=str(spec.get("article_pattern") or ""),
        language=str(spec.get("language") or "en"),
        politeness=Politeness(
            download_delay=float(politeness.get("download_delay", DEFAULT_DOWNLOAD_DELAY)),
            concurrent_requests_per_domain=int(politeness.get("concurrent_requests_per_domain",
                                                              DEFAULT_CONCURRENCY_PER_DOMAIN)),
            autothrottle=bool(politeness.get("autothrottle", True)),
        ),
    )
    if not source.owns_host(urlsplit(live).hostname):
        raise RegistryError(f"sources.{name}: base_url host is not one of the site's hosts {source.all_hosts}")
    if not source.listings and not source.feeds and not source.sitemaps:
        raise RegistryError(f"sources.{name}: needs at least one listing, feed or sitemap")
    if source.template == GENERIC_TEMPLATE and not source.article_pattern:
        raise RegistryError(f"sources.{name}: a generic source needs `article_pattern` (a regex on article paths)")
    if source.article_pattern:
        try:
            re.compile(source.article_pattern)
        except re.error as exc:
            raise RegistryError(f"sources.{name}: bad article_pattern: {exc}") from exc
    return source


def load_sources(
    overrides: Mapping[str, str] | None = None,
    path: Path | None = None,
    env_overrides: str | None = None,
) -> dict[str, Source]:
    """The registry, with base URLs overridden by `env_overrides` ('name=url,...') then `overrides`."""
    raw = _registry(path)
    effective = parse_base_urls(env_overrides)
    effective.update({k: v for k, v in (overrides or {}).items() if v})
    unknown = set(effective) - set(raw["sources"])
    if unknown:
        raise ValueError(f"base URL override for unknown {plural(len(unknown), 'source')}: {sorted(unknown)}")
    return {name: _source(name, spec, effective.get(name)) for name, spec in raw["sources"].items()}


def resolve_sources(overrides: Mapping[str, str] | None = None) -> dict[str, Source]:
    """The registry as configured: NEWSETL_BASE_URLS, then `overrides`, applied (the one place
    the crawl runner, the run steps and the spiders resolve sources)."""
    from core.config import base_url_overrides

    return load_sources(overrides, env_overrides=base_url_overrides())


def source_named(name: str, registry: Mapping[str, Source]) -> Source:
    """`registry[name]`, or a ValueError that lists the known names."""
    if name not in registry:
        raise ValueError(f"unknown source {name!r} (known: {', '.join(sorted(registry))})")
    return registry[name]


def crawl_settings(path: Path | None = None) -> CrawlSettings:
    """The registry's `crawl:` block."""
    block = _check_keys("crawl", _registry(path).get("crawl") or {}, CRAWL_KEYS)
    return CrawlSettings(user_agent=str(block.get("user_agent") or FALLBACK_USER_AGENT),
                         robotstxt_obey=bool(block.get("robotstxt_obey", True)))


def source_for_host(host: str | None, sources: Mapping[str, Source] | None = None) -> Source | None:
    """The registry source whose site owns `host` (a host or any subdomain of one)."""
    for source in (sources if sources is not None else load_sources()).values():
        if source.owns_host(host):
            return source
    return None


def source_for_template(template: str, sources: Mapping[str, Source] | None = None) -> Source | None:
    """The first registry source with `template` (for a page whose URL names no known site)."""
    for source in (sources if sources is not None else load_sources()).values():
        if source.template == template:
            return source
    return None
