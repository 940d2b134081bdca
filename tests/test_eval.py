"""The gold-set scorer (devtools.evaluate) and the quality floors the transforms must keep.

The floors sit a little below the figures `newsetl eval` reports, so a regression in
extraction quality fails the build (as trafilatura's CI does). quantulum3/trafilatura are
compared by the command only; this test scores this project alone and stays fast.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.records import KINDS, QUALIFIERS, UNITS
from devtools import evaluate
from devtools.evaluate import (
    GoldMetric,
    PageOutput,
    Predicted,
    Scores,
    leaks,
    load_gold,
    match_metrics,
    score_system,
    span_of,
    subject_matches,
    token_f1,
    values_agree,
)

# Floors: the achieved figures minus a small margin (see the final table in the README).
FLOORS: dict[str, float] = {
    "precision": 0.98,
    "recall": 0.96,
    "f1": 0.97,
    "subject_accuracy": 0.90,
    # The project's own pages were labelled with a period only where the sentence names one; the
    # real pages' labels (tests/realgold, written by others) also date a sentence by the "In 2019, ..."
    # that opens its paragraph and by the headline's period, which the rules now follow (extractor
    # 2026.12.02.15): 0.96+ -> 0.836 here by that convention, 0.653 -> 0.730 on the real dev pages.
    # Likewise the period a sentence's own cue gave its figures, carried to the paragraph's next sentences
    # (extractor 2026.12.06.33): 0.822 -> 0.808 here (4 figures), 1020 -> 1025 of 1353 on the real tuned labels.
    "period_accuracy": 0.80,
    "kind_accuracy": 0.97,
    "qualifier_accuracy": 0.97,
    "title_accuracy_all": 0.98,
    "date_accuracy_all": 0.98,
    "section_accuracy": 0.95,
    "body_f1_all": 0.98,
}
MAX_LEAKS = 0
MIN_PAGES, MIN_METRICS = 24, 150
# The held-out pages (tests/gold/holdout) were not tuned on; their floors are looser.
HOLDOUT_FLOORS: dict[str, float] = {"precision": 0.95, "recall": 0.93, "f1": 0.94,
                                    "period_accuracy": 0.84,  # as above (0.879 -> 0.848 at 2026.12.06.33)
                                    "title_accuracy_all": 0.98, "date_accuracy_all": 0.98, "body_f1_all": 0.98}


@pytest.fixture(scope="module")
def gold() -> list[evaluate.GoldPage]:
    return load_gold()


@pytest.fixture(scope="module")
def scores(gold: list[evaluate.GoldPage]) -> Scores:
    return score_system("newsetl", gold, evaluate.run_newsetl(gold))


# ---------------------------------------------------------------- the gold set itself
def test_gold_set_size_and_coverage(gold: list[evaluate.GoldPage]) -> None:
    assert len(gold) >= MIN_PAGES
    assert sum(len(p.metrics) for p in gold) >= MIN_METRICS
    assert {p.source for p in gold} == {"ningbo_gov", "ningbolife"}
    # both formats for both sites, and every HTML variant the sites use
    assert {(p.source, p.is_html) for p in gold} == {("ningbo_gov", True), ("ningbo_gov", False),
                                                     ("ningbolife", True), ("ningbolife", False)}
    assert {"hanweb", "hanweb_legacy", "joomla_beez", "joomla_core", "joomla_print"} <= {p.template for p in gold}


def test_gold_labels_are_consistent(gold: list[evaluate.GoldPage]) -> None:
    for page in gold:
        assert page.path.is_file(), page.path
        assert page.body and page.title
        for m in page.metrics:
            assert span_of(page.body, m.text, m.nth) is not None, (page.id, m.text)
            assert m.unit in UNITS and m.kind in KINDS and m.qualifier in (None, *QUALIFIERS), (page.id, m)
            assert m.subject is None or m.subject == m.subject.lower(), (page.id, m.subject)
        for caption in page.captions:
            assert caption not in page.body, (page.id, caption)


# ---------------------------------------------------------------- scoring rules
def test_span_of_counts_occurrences() -> None:
    assert span_of("5% and 5%", "5%") == (0, 2)
    assert span_of("5% and 5%", "5%", nth=1) == (7, 9)
    assert span_of("5% and 5%", "5%", nth=2) is None
    assert span_of("no figure", "5%") is None


def test_values_agree_relatively_and_optionally_unsigned() -> None:
    assert values_agree(37541000000.0, 37541000000.0 * (1 + 1e-7))
    assert not values_agree(37541000000.0, 37540000000.0)
    assert not values_agree(-4.6, 4.6)
    assert values_agree(-4.6, 4.6, absolute=True)
    assert values_agree(0.0, 0.0)


def test_metrics_match_one_to_one_on_unit_value_and_overlap() -> None:
    gold = [GoldMetric("12.3%", 12.3, "percent", "change", None, None, None),
            GoldMetric("12.3%", 12.3, "percent", "change", None, None, None, nth=1)]
    body = "Exports rose 12.3% and imports 12.3%."
    spans = [span_of(body, g.text, g.nth) for g in gold]
    both = [Predicted(12.3, "percent", 13, 18), Predicted(12.3, "percent", 31, 36)]
    assert match_metrics(gold, spans, both) == [(0, 0), (1, 1)]
    # one prediction cannot match two gold metrics
    assert match_metrics(gold, spans, both[:1]) == [(0, 0)]
    # wrong unit, wrong value, or no overlap: no match
    assert match_metrics(gold, spans, [Predicted(12.3, "percentage_points", 13, 18)]) == []
    assert match_metrics(gold, spans, [Predicted(12.4, "percent", 13, 18)]) == []
    assert match_metrics(gold, spans, [Predicted(12.3, "percent", 0, 7)]) == []
    # a gold text the extracted body lacks cannot be matched
    assert match_metrics(gold, [None, None], both) == []


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        (None, None, True),
        ("gdp", None, False),
        (None, "gdp", False),
        ("r&d expenditure", "r&d expenditures", True),  # plural -s
        ("added value of the secondary industry", "added value of secondary industry", True),
        ("sales of agricultural products", "sales of agricultural products through e-commerce platforms", True),
        ("high-tech enterprises", "high tech enterprises", True),
        ("number of high-tech enterprises", "high-tech enterprises", False),  # different head noun
        ("exports", "imports", False),
        ("trade with the eu", "eu", False),
    ],
)
def test_subject_matching_is_lenient_but_honest(gold: str | None, predicted: str | None, same: bool) -> None:
    assert subject_matches(gold, predicted) is same


def test_token_f1() -> None:
    assert token_f1("Exports rose 12.3%.", "Exports rose 12.3%.") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert token_f1("a b", "") == 0.0


def test_leaks_find_furniture_and_gate_patterns() -> None:
    clean = "Ningbo's exports rose 5%.\n\nThe port handled 1 billion tonnes."
    assert leaks(clean) == []
    found = leaks(clean + "\n\n【Print】 【Close】\n\nRelated news", furniture=["Related news"])
    assert "【Print】" in found and "Related news" in found
    assert any(p.startswith("(?im)") for p in found)  # a GATE_PATTERNS line hit


def test_score_system_counts_misses_extras_and_fields(gold: list[evaluate.GoldPage]) -> None:
    page = gold[0]
    g = page.metrics[0]
    start, end = span_of(page.body, g.text, g.nth)
    right = Predicted(g.value, g.unit, start, end, g.kind, g.subject, g.period, g.qualifier)
    wrong = Predicted(g.value + 1, g.unit, start, end, g.kind, g.subject, g.period, g.qualifier)
    out = PageOutput(body=page.body, title=page.title, published=page.published, section=page.section,
                     metrics=[right, wrong])
    s = score_system("newsetl", [page], [out])
    assert (s.gold_metrics, s.predicted, s.matched) == (len(page.metrics), 2, 1)
    assert s.precision == 0.5 and s.recall == pytest.approx(1 / len(page.metrics))
    assert s.subject_accuracy == s.period_accuracy == 1.0
    assert s.title_accuracy_all == s.date_accuracy_all == s.body_f1_all == 1.0 and s.leaks_all == 0
    assert any("EXTRA" in line for line in s.misses) and any("MISSED" in line for line in s.misses)
    bad = score_system("newsetl", [page], [PageOutput(body=page.body + "\n\nVisit Charity Shop", title="x",
                                                      published=None, metrics=[])])
    assert bad.leaks_all >= 1 and bad.title_accuracy_all == 0.0 and bad.recall == 0.0


# ---------------------------------------------------------------- the floors
def test_quality_floors(scores: Scores) -> None:
    assert scores.failed_pages == 0, scores.misses
    below = {name: getattr(scores, name) for name, floor in FLOORS.items() if getattr(scores, name) < floor}
    assert below == {}, "\n".join(m for m in scores.misses if not m.startswith(("TITLE", "DATE")))
    assert scores.leaks_all <= MAX_LEAKS, [m for m in scores.misses if "LEAKS" in m]


def test_holdout_floors() -> None:
    pages = load_gold(evaluate.GOLD_DIR / "holdout")
    assert len(pages) >= 8 and sum(len(p.metrics) for p in pages) >= 60
    held = score_system("newsetl", pages, evaluate.run_newsetl(pages))
    below = {name: getattr(held, name) for name, floor in HOLDOUT_FLOORS.items() if getattr(held, name) < floor}
    assert below == {} and held.leaks_all == 0, held.misses


def test_table_names_every_system_and_marks_what_does_not_apply(gold: list[evaluate.GoldPage],
                                                                 scores: Scores) -> None:
    other = Scores(system="trafilatura", pages=len(gold), title_accuracy_html=0.5)
    table = evaluate.format_table({"newsetl": scores, "trafilatura": other}, gold, Path("tests/gold"))
    assert "metric F1" in table and "newsetl" in table and "trafilatura" in table
    f1_line = next(line for line in table.splitlines() if line.startswith("metric F1"))
    assert f1_line.split()[-2] == f"{scores.f1:.3f}" and f1_line.split()[-1] == "n/a"
