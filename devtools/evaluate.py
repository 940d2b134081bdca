"""Extraction quality against the gold set (tests/gold): this project beside quantulum3 and trafilatura.

`evaluate(gold_dir)` runs each system over the labelled pages and returns `Scores`;
`format_table` prints them side by side (`newsetl eval`). The scoring functions are pure;
only `load_gold` reads files. Rules (tests/gold/README.md):

- metrics match one-to-one when the unit is equal, the values agree within
  `VALUE_TOLERANCE` (relative) and the predicted span overlaps the gold text's span in
  the body the system extracted; precision/recall/F1 pooled over all pages;
- subject, period, kind and qualifier accuracy on matched pairs (`subject_matches`);
- boilerplate leaks: GATE_PATTERNS matching a body + `FURNITURE` and page-specific
  furniture strings found in it;
- title/date accuracy: normalized equality; body token F1: bag-of-words F1.

quantulum3 is a metric extractor, so it reads the gold body (no page parsing) and its
units are mapped onto ours (`QUANTULUM_UNITS`); it has no notion of decreases, so its
values are matched by absolute value. trafilatura reads the HTML pages only (title, date
and main text from its own metadata and extraction); text pages are n/a for it.
"""
from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devtools import GOLD_DIR
from transforms.boilerplate import find_boilerplate

VALUE_TOLERANCE = 1e-6
SYSTEMS: tuple[str, ...] = ("newsetl", "quantulum3", "trafilatura")

# Furniture strings of both sites that must never reach a body (beside GATE_PATTERNS).
FURNITURE: tuple[str, ...] = (
    "Text Size", "【Print】", "【Close】", "Visit Charity Shop", "f t g m", "Custom text here",
    "All Rights Reserved", "Produced By", "大汉", "ICP备", "You are here", "Skip to content",
    "Jump to main navigation", "Back to Top", "Read more", "Share on", "Email this link",
    "Print article", "Search ...", "Category:", "Published:", "Hits:", "Written by",
    "Sponsored by the Information Office", "About Us | Contact Us",
)

# quantulum3 unit name -> (our unit, factor).
QUANTULUM_UNITS: dict[str, tuple[str, float]] = {
    "percentage": ("percent", 1.0),
    "chinese yuan": ("CNY", 1.0),
    "renminbi": ("CNY", 1.0),
    "united states dollar": ("USD", 1.0),
    "euro": ("EUR", 1.0),
    "square kilometre": ("km2", 1.0),
    "square metre": ("m2", 1.0),
    "tonne": ("tonnes", 1.0),
    "kilowatt hour": ("kWh", 1.0),
    "megawatt hour": ("kWh", 1e3),
    "gigawatt hour": ("kWh", 1e6),
    "kilometre": ("km", 1.0),
    "millimetre": ("mm", 1.0),
    "metre": ("m", 1.0),
    "cubic metre": ("m3", 1.0),
    "hectare": ("hectares", 1.0),
    "acre": ("acres", 1.0),
    "kilometre per hour": ("km/h", 1.0),
    "metre per second": ("m/s", 1.0),
    "year": ("years", 1.0),
    "dimensionless": ("count", 1.0),
    "count": ("count", 1.0),
}
PERCENTAGE_POINT_RE = re.compile(r"^\s*points?\b", re.IGNORECASE)
TIMES_AFTER_RE = re.compile(r"^\s*times\b", re.IGNORECASE)  # quantulum3 reads "2.5 times" as 2.5 (dimensionless)

TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’&.,][^\W_]+)*")
SPACE_RE = re.compile(r"\s+")
DETERMINERS = frozenset("the a an its their this these those".split())
PREPOSITIONS = frozenset("of in for from to on at by with between through along among".split())


# ------------------------------------------------------------------ gold set
@dataclass(frozen=True)
class GoldMetric:
    """One labelled metric: METRIC fields plus which occurrence of `text` in the body it is."""

    text: str
    value: float
    unit: str
    kind: str
    subject: str | None
    period: str | None
    qualifier: str | None
    nth: int = 0


@dataclass(frozen=True)
class GoldPage:
    """One labelled page of the gold set."""

    id: str
    path: Path
    url: str | None
    source: str
    template: str
    title: str
    published: str | None
    section: str | None
    body: str
    captions: tuple[str, ...]
    furniture: tuple[str, ...]
    metrics: tuple[GoldMetric, ...]

    @property
    def is_html(self) -> bool:
        return self.path.suffix != ".txt"


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldPage]:
    """Every labels/*.json page of a gold directory, sorted by id."""
    pages: list[GoldPage] = []
    for label_path in sorted((gold_dir / "labels").glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        pages.append(GoldPage(
            id=label_path.stem,
            path=gold_dir / label["page"],
            url=label.get("url"),
            source=label["source"],
            template=label.get("template", ""),
            title=label["title"],
            published=label.get("published"),
            section=label.get("section"),
            body="\n\n".join(label["body"]),
            captions=tuple(label.get("captions", ())),
            furniture=tuple(label.get("furniture", ())),
            metrics=tuple(GoldMetric(**m) for m in label["metrics"]),
        ))
    if not pages:
        raise FileNotFoundError(f"no gold labels under {gold_dir / 'labels'}")
    return pages


# ------------------------------------------------------------------ system output
@dataclass(frozen=True)
class Predicted:
    """One metric a system found, with its span in the body that system worked on."""

    value: float
    unit: str
    start: int
    end: int
    kind: str | None = None
    subject: str | None = None
    period: str | None = None
    qualifier: str | None = None


@dataclass
class PageOutput:
    """What one system produced for one page (None = the system does not give that field)."""

    body: str | None = None
    title: str | None = None
    published: str | None = None
    section: str | None = None
    metrics: list[Predicted] | None = None
    error: str | None = None


# ------------------------------------------------------------------ pure scoring helpers
def span_of(body: str, text: str, nth: int = 0) -> tuple[int, int] | None:
    """(start, end) of the nth occurrence of `text` in `body`, else None."""
    start = -1
    for _ in range(nth + 1):
        start = body.find(text, start + 1)
        if start < 0:
            return None
    return start, start + len(text)


def values_agree(gold: float, predicted: float, absolute: bool = False) -> bool:
    """Equal within VALUE_TOLERANCE relative (absolute values compared when `absolute`)."""
    if absolute:
        gold, predicted = abs(gold), abs(predicted)
    scale = max(abs(gold), abs(predicted))
    return abs(gold - predicted) <= VALUE_TOLERANCE * scale if scale else True


def match_metrics(
    gold: Sequence[GoldMetric],
    gold_spans: Sequence[tuple[int, int] | None],
    predicted: Sequence[Predicted],
    absolute: bool = False,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: same unit, values agree, spans overlap.

    Candidate pairs are taken largest overlap first.
    """
    candidates: list[tuple[int, int, int]] = []
    for gi, (g, span) in enumerate(zip(gold, gold_spans)):
        if span is None:
            continue
        for pi, p in enumerate(predicted):
            overlap = min(span[1], p.end) - max(span[0], p.start)
            if overlap > 0 and p.unit == g.unit and values_agree(g.value, p.value, absolute):
                candidates.append((overlap, gi, pi))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return sorted(pairs)


def _subject_words(phrase: str) -> list[str]:
    text = phrase.lower().replace("’", "'").replace("'s ", " ").replace("-", " ")
    words = [w for w in re.findall(r"[\w&]+", text) if w not in DETERMINERS]
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def _head(words: list[str]) -> str | None:
    before = []
    for word in words:
        if word in PREPOSITIONS:
            break
        before.append(word)
    return before[-1] if before else None


def subject_matches(gold: str | None, predicted: str | None) -> bool:
    """Lenient but honest subject equality (tests/gold/README.md).

    Both null; or equal after normalization (lowercase, determiners and "'s" dropped,
    hyphens as spaces, plural -s stripped); or the same head noun (last word before the
    first preposition) with all words of one phrase contained in the other.
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _subject_words(gold), _subject_words(predicted)
    if not g or not p:
        return g == p
    if g == p:
        return True
    if _head(g) is None or _head(g) != _head(p):
        return False
    return set(g) <= set(p) or set(p) <= set(g)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens (numbers keep their separators)."""
    return [t.lower() for t in TOKEN_RE.findall(text)]


def token_f1(gold: str, predicted: str) -> float:
    """Bag-of-words F1 of `predicted` against `gold`."""
    g, p = Counter(tokens(gold)), Counter(tokens(predicted))
    common = sum((g & p).values())
    if not common:
        return 1.0 if not g and not p else 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def leaks(body: str, furniture: Iterable[str] = ()) -> list[str]:
    """Boilerplate found in a body: matching GATE_PATTERNS, then furniture strings present."""
    found = find_boilerplate(body)
    found += [s for s in (*FURNITURE, *furniture) if s in body]
    return found


def normalize_title(title: str | None) -> str:
    """Whitespace-collapsed title for comparison."""
    return SPACE_RE.sub(" ", title or "").strip()


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


# ------------------------------------------------------------------ scores
@dataclass
class Scores:
    """One system's figures over the gold set (None = not applicable)."""

    system: str
    pages: int = 0
    failed_pages: int = 0
    gold_metrics: int | None = None
    predicted: int | None = None
    matched: int | None = None
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    subject_accuracy: float | None = None
    period_accuracy: float | None = None
    kind_accuracy: float | None = None
    qualifier_accuracy: float | None = None
    leaks_all: int | None = None
    leaks_html: int | None = None
    title_accuracy_all: float | None = None
    title_accuracy_html: float | None = None
    date_accuracy_all: float | None = None
    date_accuracy_html: float | None = None
    section_accuracy: float | None = None
    body_f1_all: float | None = None
    body_f1_html: float | None = None
    misses: list[str] = field(default_factory=list)  # per-page details for --details


def score_system(system: str, pages: Sequence[GoldPage], outputs: Sequence[PageOutput],
                 absolute_values: bool = False, metric_body: str = "extracted") -> Scores:
    """Score one system's outputs (one per page, same order).

    metric_body: "extracted" (gold spans located in the body the system extracted) or
    "gold" (the system read the gold body).
    """
    scores = Scores(system=system, pages=len(pages))
    gold_n = pred_n = matched_n = 0
    subject_ok = period_ok = kind_ok = qualifier_ok = 0
    has_metrics = has_body = has_title = has_date = has_section = False
    leaks_all = leaks_html = 0
    title_all: list[bool] = []
    title_html: list[bool] = []
    date_all: list[bool] = []
    date_html: list[bool] = []
    section_ok: list[bool] = []
    body_all: list[float] = []
    body_html: list[float] = []
    covers_all = all(out.body is not None for out in outputs)
    gives_fields = any(p.kind is not None for out in outputs for p in out.metrics or ())
    gives_section = any(out.section is not None for out in outputs)
    for page, out in zip(pages, outputs):
        if out.error:
            scores.failed_pages += 1
            scores.misses.append(f"{page.id}: FAILED {out.error}")
        if out.metrics is not None:
            has_metrics = True
            body = page.body if metric_body == "gold" else (out.body or "")
            spans = [span_of(body, m.text, m.nth) for m in page.metrics]
            pairs = match_metrics(page.metrics, spans, out.metrics, absolute=absolute_values)
            gold_n += len(page.metrics)
            pred_n += len(out.metrics)
            matched_n += len(pairs)
            for gi, pi in pairs:
                g, p = page.metrics[gi], out.metrics[pi]
                subject_ok += subject_matches(g.subject, p.subject)
                period_ok += g.period == p.period
                kind_ok += g.kind == p.kind
                qualifier_ok += g.qualifier == p.qualifier
                for name, ok in (("subject", subject_matches(g.subject, p.subject)),
                                 ("period", g.period == p.period), ("kind", g.kind == p.kind),
                                 ("qualifier", g.qualifier == p.qualifier)):
                    if not ok:
                        scores.misses.append(f"{page.id}: {name} of {g.text!r}: gold "
                                             f"{getattr(g, name)!r}, got {getattr(p, name)!r}")
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for gi, g in enumerate(page.metrics):
                if gi not in matched_g:
                    scores.misses.append(f"{page.id}: MISSED {g.text!r} ({g.value:g} {g.unit})")
            for pi, p in enumerate(out.metrics):
                if pi not in matched_p:
                    scores.misses.append(f"{page.id}: EXTRA {body[p.start:p.end]!r} ({p.value:g} {p.unit})")
        if out.body is not None:
            has_body = True
            found = leaks(out.body, page.furniture)
            leaks_all += len(found)
            leaks_html += len(found) if page.is_html else 0
            if found:
                scores.misses.append(f"{page.id}: LEAKS {found}")
            f1 = token_f1(page.body, out.body)
            body_all.append(f1)
            if page.is_html:
                body_html.append(f1)
        if out.body is not None:  # the system read this page: title and date count
            has_title = has_date = True
            ok = normalize_title(out.title) == normalize_title(page.title)
            title_all.append(ok)
            if page.is_html:
                title_html.append(ok)
            if not ok:
                scores.misses.append(f"{page.id}: TITLE {out.title!r}")
            ok = out.published == page.published
            date_all.append(ok)
            if page.is_html:
                date_html.append(ok)
            if not ok:
                scores.misses.append(f"{page.id}: DATE {out.published!r} (gold {page.published!r})")
        if out.section is not None or (out.body is not None and gives_section):
            has_section = True
            section_ok.append(out.section == page.section)
    if has_metrics:
        scores.gold_metrics, scores.predicted, scores.matched = gold_n, pred_n, matched_n
        scores.precision = _ratio(matched_n, pred_n) or 0.0
        scores.recall = _ratio(matched_n, gold_n) or 0.0
        p, r = scores.precision, scores.recall
        scores.f1 = 2 * p * r / (p + r) if p + r else 0.0
        if gives_fields:
            scores.subject_accuracy = _ratio(subject_ok, matched_n)
            scores.period_accuracy = _ratio(period_ok, matched_n)
            scores.kind_accuracy = _ratio(kind_ok, matched_n)
            scores.qualifier_accuracy = _ratio(qualifier_ok, matched_n)
    if has_body:
        scores.leaks_all = leaks_all if covers_all else None
        scores.leaks_html = leaks_html
        scores.body_f1_html = _mean(body_html)
        scores.body_f1_all = _mean(body_all) if covers_all else None
    if has_title:
        scores.title_accuracy_html = _mean(title_html)
        scores.title_accuracy_all = _mean(title_all) if covers_all else None
    if has_date:
        scores.date_accuracy_html = _mean(date_html)
        scores.date_accuracy_all = _mean(date_all) if covers_all else None
    if has_section:
        scores.section_accuracy = _mean(section_ok)
    return scores


def _mean(values: Sequence[float] | Sequence[bool]) -> float | None:
    return sum(values) / len(values) if values else None


# ------------------------------------------------------------------ the systems
def run_newsetl(pages: Sequence[GoldPage]) -> list[PageOutput]:
    """This project's transforms on each page file (parse_page with the page URL)."""
    from transforms.errors import NotAnArticle
    from transforms.page import parse_page

    outputs: list[PageOutput] = []
    for page in pages:
        try:
            article = parse_page(page.path.read_bytes(), url=page.url)
        except NotAnArticle as exc:
            outputs.append(PageOutput(body="", metrics=[], error=f"{exc.kind}: {exc}"))
            continue
        outputs.append(PageOutput(
            body=article.body, title=article.title, published=article.published, section=article.section,
            metrics=[Predicted(m.value, m.unit, m.char_start, m.char_end, m.kind, m.subject, m.period,
                               m.qualifier) for m in article.metrics],
        ))
    return outputs


def run_quantulum(pages: Sequence[GoldPage]) -> list[PageOutput]:
    """quantulum3's quantities in each gold body, units mapped onto ours (unmappable ones dropped)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        outputs = []
        for page in pages:
            found: list[Predicted] = []
            for quantity in parser.parse(page.body):
                mapped = QUANTULUM_UNITS.get(quantity.unit.name)
                if mapped is None:
                    continue
                unit, factor = mapped
                start, end = quantity.span
                if unit == "percent" and PERCENTAGE_POINT_RE.match(page.body[end:]):
                    unit = "percentage_points"
                if unit == "count" and (quantity.surface.endswith("times") or TIMES_AFTER_RE.match(page.body[end:])):
                    unit = "times"
                found.append(Predicted(float(quantity.value) * factor, unit, start, end))
            outputs.append(PageOutput(metrics=found))
    return outputs


def run_trafilatura(pages: Sequence[GoldPage]) -> list[PageOutput]:
    """trafilatura's main text, title and date of each HTML page (text pages: nothing)."""
    import trafilatura

    outputs = []
    for page in pages:
        if not page.is_html:
            outputs.append(PageOutput())
            continue
        result = trafilatura.bare_extraction(page.path.read_bytes(), url=page.url, with_metadata=True)
        if result is None:
            outputs.append(PageOutput(body="", error="no extraction"))
            continue
        outputs.append(PageOutput(body=result.text or "", title=result.title, published=result.date))
    return outputs


RUNNERS: dict[str, tuple[Callable[[Sequence[GoldPage]], list[PageOutput]], dict[str, Any]]] = {
    "newsetl": (run_newsetl, {}),
    "quantulum3": (run_quantulum, {"absolute_values": True, "metric_body": "gold"}),
    "trafilatura": (run_trafilatura, {}),
}


def evaluate(gold_dir: Path = GOLD_DIR, systems: Sequence[str] = SYSTEMS) -> dict[str, Scores]:
    """Run and score each named system over the gold set."""
    pages = load_gold(gold_dir)
    results: dict[str, Scores] = {}
    for name in systems:
        if name not in RUNNERS:
            raise ValueError(f"unknown system {name!r}; known: {', '.join(RUNNERS)}")
        run, options = RUNNERS[name]
        results[name] = score_system(name, pages, run(pages), **options)
    return results


# ------------------------------------------------------------------ table
ROWS: tuple[tuple[str, str, str], ...] = (
    ("metrics gold / predicted / matched", "counts", ""),
    ("metric precision", "precision", "f"),
    ("metric recall", "recall", "f"),
    ("metric F1", "f1", "f"),
    ("subject accuracy (matched)", "subject_accuracy", "f"),
    ("period accuracy (matched)", "period_accuracy", "f"),
    ("kind accuracy (matched)", "kind_accuracy", "f"),
    ("qualifier accuracy (matched)", "qualifier_accuracy", "f"),
    ("boilerplate leaks, all pages", "leaks_all", "d"),
    ("boilerplate leaks, HTML pages", "leaks_html", "d"),
    ("title accuracy, all pages", "title_accuracy_all", "f"),
    ("title accuracy, HTML pages", "title_accuracy_html", "f"),
    ("date accuracy, all pages", "date_accuracy_all", "f"),
    ("date accuracy, HTML pages", "date_accuracy_html", "f"),
    ("section accuracy, all pages", "section_accuracy", "f"),
    ("body token F1, all pages", "body_f1_all", "f"),
    ("body token F1, HTML pages", "body_f1_html", "f"),
)


def table_lines(names: list[str], rows: Sequence[tuple[str, str, Any]],
                cell: Callable[[str, str, Any], str]) -> list[str]:
    """A measure-by-system table: header, rule, one line per (label, attr, option) row."""
    width = max(len(label) for label, _, _ in rows) + 2
    header = "measure".ljust(width) + "".join(name.rjust(14) for name in names)
    return [header, "-" * len(header),
            *(label.ljust(width) + "".join(cell(name, attr, option).rjust(14) for name in names)
              for label, attr, option in rows)]


def _cell(scores: Scores, attr: str, fmt: str) -> str:
    if attr == "counts":
        if scores.predicted is None:
            return "n/a"
        return f"{scores.gold_metrics}/{scores.predicted}/{scores.matched}"
    value = getattr(scores, attr)
    if value is None:
        return "n/a"
    return f"{value:.3f}" if fmt == "f" else str(value)


def format_table(results: dict[str, Scores], pages: Sequence[GoldPage], gold_dir: Path) -> str:
    """The side-by-side table `newsetl eval` prints."""
    html = [p for p in pages if p.is_html]
    hanweb = sum(1 for p in html if p.source == "ningbo_gov")
    metrics = sum(len(p.metrics) for p in pages)
    try:
        shown = gold_dir.resolve().relative_to(Path.cwd())
    except ValueError:
        shown = gold_dir
    lines = [f"gold set {shown}: {len(pages)} pages ({len(html)} HTML: {hanweb} Hanweb, {len(html) - hanweb} "
             f"Joomla; {len(pages) - len(html)} text), {metrics} labelled metrics"]
    lines += table_lines(list(results), ROWS, lambda name, attr, fmt: _cell(results[name], attr, fmt))
    failed = {n: s.failed_pages for n, s in results.items() if s.failed_pages}
    if failed:
        lines.append(f"pages a system could not extract: {failed}")
    lines.append("quantulum3 reads the gold body (units mapped, values compared unsigned); trafilatura "
                 "reads the HTML pages.")
    return "\n".join(lines)
