"""Record types handed between stages: RawPage/FetchFailure (crawl), Article and Metric (transform).

`Metric` carries the METRIC contract fields (docs/CONTRACTS.md) plus the character
offsets of `text` in the article body (`body[char_start:char_end] == text`). The
vocabularies (UNITS, KINDS, QUALIFIERS) are the ones the validation suites check.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

UNITS: tuple[str, ...] = (
    "percent", "percentage_points", "CNY", "USD", "EUR", "count", "times", "rank",
    "m2", "km2", "mu", "tonnes", "kWh", "km", "years",
    # physical measures (extractor 2026.12.06.73, migration 016): as the page gives them, not converted
    "mm", "m", "m3", "hectares", "acres", "km/h", "m/s",
)
KINDS: tuple[str, ...] = ("level", "change", "share", "rank")
# null (None) is also a valid qualifier: an exact figure.
QUALIFIERS: tuple[str, ...] = ("approx", "at_least", "at_most")
# Whether the fact happened ("actual"), is a plan or goal ("target") or someone's expectation ("forecast").
MODALITIES: tuple[str, ...] = ("actual", "target", "forecast")
# The fields of the external METRIC contract (docs/CONTRACTS.md), in contract order.
METRIC_FIELDS: tuple[str, ...] = ("value", "unit", "kind", "subject", "period", "qualifier", "text",
                                  "denominator", "place", "modality")

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
    denominator: str | None = None  # what a share is of ("gdp"); None unless kind is "share"
    place: str | None = None        # a place other than Ningbo the fact is about ("Hangzhou")
    modality: str = "actual"        # actual | target | forecast
    # ids of the rules that decided it ("match.percent", "kind.share_of_after", ...): not part
    # of the record handed on, shown by `newsetl extract --explain`
    rules: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}")
        if self.char_end - self.char_start != len(self.text):
            raise ValueError("char_start/char_end do not span text")

    def to_dict(self) -> dict[str, Any]:
        """The METRIC contract fields plus char_start/char_end (not the rule ids)."""
        out = asdict(self)
        del out["rules"]
        return out

    def contract_dict(self) -> dict[str, Any]:
        """Only the METRIC contract fields, in contract order."""
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
    # what the parse had to repair, one line each, "<kind>: <what>" (kind one of
    # PARSE_WARNING_KINDS): the article is complete but someone should know
    warnings: list[str] = field(default_factory=list)

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


# Article.warnings kinds: bytes the decoder replaced with U+FFFD, markup nested deeper than
# the HTML parser allows (flattened), a body above MAX_BODY_CHARS (validation quarantines it).
WARNING_ENCODING = "encoding"
WARNING_NESTING = "nesting"
WARNING_OVERSIZED = "oversized"
PARSE_WARNING_KINDS = (WARNING_ENCODING, WARNING_NESTING, WARNING_OVERSIZED)
# A transform page warning from the crawl, not the parse: the page declared no charset and
# the crawl guessed one (RawPage.charset_guessed).
WARNING_CHARSET_GUESSED = "charset_guessed"
# The longest article body the product stores (characters): the critical suite's
# `body_length` quarantines longer ones (expectations fill it in as `max_body_chars`).
MAX_BODY_CHARS = 100_000
# The largest page the product reads (bytes): the crawl's DOWNLOAD_MAXSIZE, and the
# transform rejects a larger page ("oversized") instead of spending minutes on it.
MAX_PAGE_BYTES = 5 * 1024 * 1024


def warning_kind(warning: str) -> str:
    """The kind of an Article.warnings line (the text before the first colon)."""
    return warning.split(":", 1)[0].strip()


KIND_ARTICLE = "article"
KIND_LISTING = "listing"
VIA_DIRECT = "direct"  # the page itself
VIA_PRINT = "print"  # Joomla's print view, fetched because the page itself failed
VIA_ALL_PAGES = "all_pages"  # Joomla's all-pages view of an article split by page breaks (?showall=1)
VIA_FIRST_PAGE = "first_page"  # that view asked for, the site served page 1 alone: the later pages are missing


@dataclass
class RawPage:
    """One fetched page, as written to raw/<source>/pages.jsonl.gz (docs/ARCHITECTURE.md RawPage).

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
    truncated: bool = False  # a listing cut short (after retries), kept as it came (an article: a FetchFailure)
    decode_errors: int = 0  # byte sequences `encoding` could not decode: each became U+FFFD in `html`
    charset_guessed: bool = False  # no charset declared: `encoding` is the crawl's guess (transforms.charset rule 4)


@dataclass
class FetchFailure:
    """A request that produced no usable page (download error, HTTP error, robots.txt)."""

    url: str
    source: str
    kind: str
    error: str
    status: int | None = None


# --------------------------------------------------------------------------- crawl report
# A source's crawl report counts its article pages by outcome under "articles".
CRAWL_ARTICLE_COUNTS: tuple[str, ...] = ("new", "unchanged", "failed")


def unreadable(report: Mapping[str, Any]) -> str | None:
    """Why one source's crawl could not read the source at all, else None: every listing page
    it requested failed (refused, timed out, 5xx after retries), none was read or answered 304,
    and it saw no article. `newsetl crawl` says so; the run's validation blocks it as a crawl
    outage and names this in its reason, so `newsetl run`, the mail and `newsetl runs` do too."""
    failed = int(report.get("listings_failed") or 0)
    read = int(report.get("listings") or 0) + int(report.get("listings_not_modified") or 0)
    articles = report.get("articles") or {}
    refetched = int(report.get("articles_refetched") or 0)
    if not failed or read or refetched or any(int(articles.get(k) or 0) for k in CRAWL_ARTICLE_COUNTS):
        return None
    first = next((str(e["error"]) for e in report.get("errors") or () if isinstance(e, dict) and e.get("error")),
                 None)
    if failed == 1:
        return "the 1 listing page failed" + (f" ({first})" if first else "")
    return f"all {failed} listing pages failed" + (f" (first: {first})" if first else "")


def articles_all_failed(report: Mapping[str, Any]) -> str | None:
    """Why one source's crawl saw no article although its listings were read, else None: every
    article page it requested failed (robots.txt, HTTP errors, timeouts), none new, unchanged or
    refetched. The outage reason names it, so on-call does not look for a listing that works."""
    articles = report.get("articles") or {}
    failed = int(articles.get("failed") or 0)
    if (not failed or int(report.get("articles_refetched") or 0)
            or any(int(articles.get(k) or 0) for k in CRAWL_ARTICLE_COUNTS if k != "failed")):
        return None
    errors = [e for e in report.get("errors") or () if isinstance(e, dict) and e.get("error")]
    if int(report.get("listings_failed") or 0):  # the first error may be a listing's: name none
        errors = []
    first = str(errors[0]["error"]) if errors else None
    if failed == 1:
        return "the 1 article page failed" + (f" ({first})" if first else "")
    return f"all {failed} article pages failed" + (f" (first: {first})" if first else "")
