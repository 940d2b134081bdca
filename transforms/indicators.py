"""Metric -> indicator: which catalog indicator (seeds/indicators.csv) a metric measures.

The catalog is a CSV with the header `key,label,unit,kind,denominator,patterns`:
- `key`: the indicator's id (`rd_expenditure`), lowercase letters, digits and `_`;
- `label`: what an analyst reads ("R&D expenditure");
- `unit`: the METRIC unit(s) its figures have, several separated by `|` (`CNY|USD`);
- `kind`: the METRIC kind (`level`, `change`, `share`, `rank`);
- `denominator`: for a share, a regular expression the metric's denominator must match
  (`gdp|gross domestic product`: "city's gdp" fits); empty = any denominator, or none;
- `patterns`: `;`-separated regular expressions (Python syntax, matched case-insensitively
  anywhere in the subject, lowercased and with runs of spaces made one); a pattern starting
  with `!` excludes: the row does not fit a subject it matches.

A metric maps to the FIRST row, in file order, whose unit and kind equal the metric's, whose
denominator pattern (if any) matches the metric's denominator, and one of whose patterns matches the subject while
none of its exclusions does: specific rows ("invention patents") come before general ones
("patents"). The rule reported is that pattern's text. No subject, or no fitting row: None.
A subject that states a rate of a counted base ("invention patents per 10,000 people", "doctors
for each 1,000 people") fits only a pattern that states one too (one whose text has "per",
"every" or "each"): a density never maps to the stock it is a density of.

Place and modality play no part: a Hangzhou figure or a target maps to the same indicator
(filter on `place` and `modality` in the warehouse). Pure functions; the loader
(warehouse.indicators) calls `Catalog.map` once per distinct (subject, unit, kind,
denominator) of a load and syncs the catalog into news.indicators.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from core.records import KINDS, UNITS
from transforms.metrics.vocab import RATE_BASE_WORDS, RATE_WORDS, words_pattern

CATALOG_PACKAGE = "seeds"          # indicators.csv ships as package data of seeds/
CATALOG_FILE = "indicators.csv"
CATALOG_COLUMNS: tuple[str, ...] = ("key", "label", "unit", "kind", "denominator", "patterns")
# Changed whenever the matching rules of this module change (not the CSV): stored metrics are
# then remapped by the next sync, as after a catalog edit.
RULES_VERSION = "2026.12.02.2"  # before: "2026.12.02" (rates fit only rate patterns)
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
SPACES_RE = re.compile(r"\s+")
# A subject stating a rate of a counted base, and a pattern written for one.
RATE_SUBJECT_RE = re.compile(rf"\b(?:{words_pattern(RATE_WORDS)}) (?:\d|(?:{words_pattern(RATE_BASE_WORDS)})\b)")
RATE_PATTERN_RE = re.compile(r"\bper\b|\bevery\b|\beach\b")


class CatalogError(ValueError):
    """seeds/indicators.csv is malformed: the message names the line and the field."""


@dataclass(frozen=True)
class IndicatorMatch:
    """The indicator a metric maps to and the pattern that decided it."""

    key: str
    rule: str


@dataclass(frozen=True)
class Indicator:
    """One catalog row."""

    key: str
    label: str
    units: tuple[str, ...]
    kind: str
    denominator: str | None            # the denominator pattern as written
    patterns: tuple[str, ...]          # as written, '!' exclusions included
    position: int                      # 0-based order in the file
    _include: tuple[tuple[str, re.Pattern[str]], ...] = field(default=(), repr=False, compare=False)
    _exclude: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _denominator: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    @property
    def unit(self) -> str:
        """The unit column as written (`CNY|USD`)."""
        return "|".join(self.units)

    def fits(self, subject: str, unit: str, kind: str, denominator: str | None) -> str | None:
        """The including pattern that matches `subject` (already normalized), if this row fits."""
        if unit not in self.units or kind != self.kind:
            return None
        if self._denominator is not None and (denominator is None or not self._denominator.search(denominator)):
            return None
        if any(p.search(subject) for p in self._exclude):
            return None
        rate = RATE_SUBJECT_RE.search(subject) is not None
        for text, pattern in self._include:
            if pattern.search(subject) and (not rate or RATE_PATTERN_RE.search(text)):
                return text
        return None


def normalize_subject(subject: str) -> str:
    """Lowercased, trimmed, runs of whitespace made one space: what the patterns see."""
    return SPACES_RE.sub(" ", subject).strip().lower()


class Catalog:
    """The parsed catalog; `map` decides a metric's indicator (cached per distinct input)."""

    def __init__(self, indicators: tuple[Indicator, ...], text: str) -> None:
        self.indicators = indicators
        self.text = text
        self._map = lru_cache(maxsize=65536)(self._map_uncached)

    @property
    def checksum(self) -> str:
        """sha256 of the CSV text (line endings normalized) and RULES_VERSION: what a sync compares."""
        data = f"{RULES_VERSION}\n{self.text.replace(chr(13) + chr(10), chr(10))}"
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def keys(self) -> list[str]:
        return [i.key for i in self.indicators]

    def get(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)

    def map(self, subject: str | None, unit: str, kind: str, denominator: str | None = None) -> IndicatorMatch | None:
        """The indicator of a metric with these fields, or None (no subject, or no row fits)."""
        if not subject or not subject.strip():
            return None
        return self._map(normalize_subject(subject), unit, kind, (denominator or "").strip().lower() or None)

    def _map_uncached(self, subject: str, unit: str, kind: str, denominator: str | None) -> IndicatorMatch | None:
        for indicator in self.indicators:
            rule = indicator.fits(subject, unit, kind, denominator)
            if rule is not None:
                return IndicatorMatch(indicator.key, rule)
        return None


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise CatalogError(f"{where}: pattern {pattern!r} is not a regular expression ({exc})") from None


def parse_catalog(text: str) -> Catalog:
    """The catalog from its CSV text. Raises CatalogError on a bad header, key, unit, kind or pattern."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != CATALOG_COLUMNS:
        raise CatalogError(f"{CATALOG_FILE}: the header must be {','.join(CATALOG_COLUMNS)}, found {header!r}")
    rows: list[Indicator] = []
    seen: set[str] = set()
    for line, cells in enumerate(reader, start=2):
        if not cells or all(not c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        where = f"{CATALOG_FILE}, line {line}"
        if len(cells) != len(CATALOG_COLUMNS):
            raise CatalogError(f"{where}: {len(cells)} fields, expected {len(CATALOG_COLUMNS)}")
        key, label, unit, kind, denominator, patterns = (c.strip() for c in cells)
        if not KEY_RE.match(key):
            raise CatalogError(f"{where}: key {key!r} is not lowercase letters, digits and _")
        if key in seen:
            raise CatalogError(f"{where}: key {key!r} appears twice")
        seen.add(key)
        units = tuple(u.strip() for u in unit.split("|") if u.strip())
        bad = [u for u in units if u not in UNITS]
        if not units or bad:
            raise CatalogError(f"{where}: unit {unit!r} is not METRIC units separated by | ({bad or 'empty'})")
        if kind not in KINDS:
            raise CatalogError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        written = tuple(p.strip() for p in patterns.split(";") if p.strip())
        include = tuple((p, _compile(p, where)) for p in written if not p.startswith("!"))
        exclude = tuple(_compile(p[1:], where) for p in written if p.startswith("!"))
        if not include:
            raise CatalogError(f"{where}: no pattern (an indicator needs at least one that is not an exclusion)")
        if not label:
            raise CatalogError(f"{where}: empty label")
        rows.append(Indicator(key=key, label=label, units=units, kind=kind,
                              denominator=denominator or None, patterns=written, position=len(rows),
                              _include=include, _exclude=exclude,
                              _denominator=_compile(denominator, where) if denominator else None))
    if not rows:
        raise CatalogError(f"{CATALOG_FILE}: no indicator")
    return Catalog(tuple(rows), text)


def catalog_text(path: Path | None = None) -> str:
    """The CSV text: `path`, else the copy shipped as package data (seeds/indicators.csv)."""
    if path is not None:
        return path.read_text(encoding="utf-8")
    return resources.files(CATALOG_PACKAGE).joinpath(CATALOG_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def _default_catalog(text: str) -> Catalog:
    return parse_catalog(text)


def load_catalog(path: Path | None = None) -> Catalog:
    """The catalog of `path`, else the shipped one (parsed once per process)."""
    return _default_catalog(catalog_text(path))


def map_indicator(subject: str | None, unit: str, kind: str, denominator: str | None = None,
                  catalog: Catalog | None = None) -> IndicatorMatch | None:
    """The indicator a metric measures under `catalog` (default: the shipped one), or None."""
    return (catalog or load_catalog()).map(subject, unit, kind, denominator)
