"""Record shapes the transforms hand to the rest of the pipeline: Article and Metric.

`Metric` carries the DESIGN.md METRIC contract fields plus the character offsets of
`text` in the article body (`body[char_start:char_end] == text`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

UNITS: tuple[str, ...] = (
    "percent", "percentage_points", "CNY", "USD", "EUR", "count", "times", "rank",
    "m2", "km2", "mu", "tonnes", "kWh", "km", "years",
)
KINDS: tuple[str, ...] = ("level", "change", "share", "rank")
# null (None) is also a valid qualifier: an exact figure.
QUALIFIERS: tuple[str, ...] = ("approx", "at_least", "at_most")
# The fields of the external METRIC contract (DESIGN.md), in contract order.
METRIC_FIELDS: tuple[str, ...] = ("value", "unit", "kind", "subject", "period", "qualifier", "text")

# A word: letters/digits, joined inside by - ' ’ & ("R&D", "Ningbo's", "start-ups"); numbers
# keep their decimal point and thousands separators ("12,524", "2.8").
WORD_RE = re.compile(r"[^\W_]+(?:[-'’&][^\W_]+|(?<=\d)[.,]\d+)*")


@dataclass
class Metric:
    """One numeric fact found in an article body."""

    value: float
    unit: str
    kind: str
    subject: str | None
    period: str | None
    qualifier: str | None
    text: str
    char_start: int
    char_end: int

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.char_end - self.char_start != len(self.text):
            raise ValueError("char_start/char_end do not span text")

    def to_dict(self) -> dict[str, Any]:
        """All fields: the METRIC contract fields plus char_start/char_end."""
        return asdict(self)

    def contract_dict(self) -> dict[str, Any]:
        """Only the DESIGN.md METRIC contract fields, in contract order."""
        return {name: getattr(self, name) for name in METRIC_FIELDS}


@dataclass
class Article:
    """One parsed article page."""

    url: str | None
    source: str | None
    title: str
    published: str | None
    section: str | None
    body: str
    captions: list[str] = field(default_factory=list)
    language: str = "en"
    metrics: list[Metric] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict: every field, metrics as `Metric.to_dict()` dicts."""
        out = {name: getattr(self, name) for name in
               ("url", "source", "title", "published", "section", "body")}
        out["captions"] = list(self.captions)
        out["language"] = self.language
        out["metrics"] = [m.to_dict() for m in self.metrics]
        return out


def content_hash(title: str, body: str) -> str:
    """sha256 hex digest of title + "\\n" + body (the article's change detector)."""
    return hashlib.sha256((title + "\n" + body).encode("utf-8")).hexdigest()


def word_count(body: str) -> int:
    """Number of words in `body` (runs of letters/digits, joined by - ' & inside a word)."""
    return len(WORD_RE.findall(body))
