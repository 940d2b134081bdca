"""denominator, place and modality of extracted metrics (transforms.context), in whole sentences."""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pytest
from helpers import assert_words_found_plainly, joined_words
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.records import MODALITIES, Metric
from transforms import context
from transforms.fastre import TailPattern, folded_text
from transforms.metrics import describe, extract_metrics, matchers, periods, qualifiers, structure, subjects
from transforms.metrics.qualifiers import WordTail


def one(sentence: str, text: str) -> Metric:
    [metric] = [m for m in extract_metrics(sentence, "2020-06-01") if m.text == text]
    return metric


@pytest.mark.parametrize(("sentence", "text", "denominator"), [
    ("In 2019, R&D expenditures accounted for nearly 2.8% of GDP.", "2.8%", "gdp"),
    ("Its R&D spending accounted for 7.6% of the total revenue.", "7.6%", "total revenue"),
    ("High-tech industries made up 55.1% of the city's industrial added value in 2019.", "55.1%",
     "city's industrial added value"),
    ("Exports rose by 17.6% year-on-year.", "17.6%", None),           # a change has no denominator
])
def test_denominator_is_what_a_share_is_of(sentence: str, text: str, denominator: str | None) -> None:
    assert one(sentence, text).denominator == denominator


@pytest.mark.parametrize(("sentence", "text", "place"), [
    ("R&D intensity in Hangzhou was 3.4% last year.", "3.4%", "Hangzhou"),
    ("Zhejiang's GDP reached 6.2 trillion yuan in 2019.", "6.2 trillion yuan", "Zhejiang"),
    ("Ningbo ranked first in Zhejiang province with 12,524 innovative start-ups.", "12,524 innovative start-ups",
     None),                                                         # Ningbo's figure, Zhejiang is the scope
    ("Exports to Germany rose by 17.6% year-on-year.", "17.6%", None),  # Ningbo's exports
    ("The city's R&D intensity was 2.8%, higher than in Shanghai.", "2.8%", None),  # comparison only
    ("Ningbo's output value was 1.2 trillion yuan.", "1.2 trillion yuan", None),
])
def test_place_is_another_place_the_fact_is_about(sentence: str, text: str, place: str | None) -> None:
    assert one(sentence, text).place == place


# Ningbo's districts, county-level cities and zones are places: their figures are not the city's.
@pytest.mark.parametrize(("sentence", "text", "place"), [
    ("Beilun has 300 high-tech enterprises.", "300 high-tech enterprises", "Beilun"),
    ("Yinzhou District's GDP reached 221.1 billion yuan in 2019.", "221.1 billion yuan", "Yinzhou"),
    ("Cixi county is home to 58 robot makers.", "58 robot makers", "Cixi"),
    ("Ningbo National High-tech Zone had 637 national high-tech enterprises.",
     "637 national high-tech enterprises", "Ningbo National Hi-Tech Zone"),   # one name for its spellings
    ("Enterprises in Ningbo High-tech Zone earned 186.2 billion yuan.", "186.2 billion yuan",
     "Ningbo National Hi-Tech Zone"),
    ("Hangzhou Bay New Area produced 312,000 vehicles in 2019.", "312,000 vehicles", "Hangzhou Bay New Area"),
    ("The Meishan Bonded Port Area attracted 10 enterprises.", "10 enterprises", "Meishan Bonded Port Area"),
    ("In Ningbo, Beilun district had 300 high-tech enterprises.", "300 high-tech enterprises", "Beilun"),
    ("Ningbo's Yinzhou district had 300 high-tech enterprises.", "300 high-tech enterprises", "Yinzhou"),
    ("Yinzhou ranked first in Ningbo with 300 high-tech enterprises.", "300 high-tech enterprises", "Yinzhou"),
    # still Ningbo's (null): the city itself, a part that is only a scope, a comparison or a rank's scope
    ("Ningbo had 2,851 high-tech enterprises at the end of 2019.", "2,851 high-tech enterprises", None),
    ("Ningbo ranked first in Zhejiang with 12,524 innovative start-ups.", "12,524 innovative start-ups", None),
    ("Its sales were 5% higher than in Beilun.", "5%", None),
    ("Compared with Beilun, the city had 300 high-tech enterprises.", "300 high-tech enterprises", None),
    ("The company's sales ranked first in Yinzhou District.", "ranked first", None),
    ("Among the districts, Ningbo ranked 3rd.", "ranked 3rd", None),
])
def test_a_part_of_ningbo_is_the_place(sentence: str, text: str, place: str | None) -> None:
    metric = one(sentence, text)
    assert metric.place == place
    assert ("place.named" in metric.rules) == (place is not None)


def test_a_part_of_ningbo_that_ranks_is_the_rank_s_place() -> None:
    assert one("Fenghua ranks 73rd among the top 100 districts in China.", "ranks 73rd").place == "Fenghua"


def test_the_zone_refers_to_the_zone_named_before_it() -> None:
    body = ("Enterprises in Ningbo National High-tech Zone earned operating revenue of 186.2 billion yuan, "
            "the zone's administrative committee said.\n\nThe zone is home to 637 national high-tech "
            "enterprises. Beilun, next to it, has 400 high-tech enterprises.")
    metrics = {m.text: m for m in extract_metrics(body, "2019-09-10")}
    zone = metrics["637 national high-tech enterprises"]
    assert zone.place == "Ningbo National Hi-Tech Zone"
    assert "place.referred" in zone.rules and "place.named" not in zone.rules
    assert metrics["400 high-tech enterprises"].place == "Beilun"


@pytest.mark.parametrize(("body", "title", "place"), [
    # the title names it
    ("The zone is home to 637 national high-tech enterprises.", "Ningbo High-tech Zone draws firms",
     "Ningbo National Hi-Tech Zone"),
    # the last name the noun covers: "the district" skips the zone named after Yinzhou
    ("Yinzhou District hosts the Ningbo Free Trade Zone. The district's output grew by 7.5%.", None, "Yinzhou"),
    ("Ningbo High-tech Zone lies in Yinzhou. The zone's output grew by 7.5%.", None,
     "Ningbo National Hi-Tech Zone"),
    # a name written ending in the noun: "the district" after "Ningbo High-Tech District"
    ("R&D spending in Ningbo High-Tech District soared. The district's output grew by 7.5%.", None,
     "Ningbo National Hi-Tech Zone"),
    ("Qianwan New District opened. The new area signed 18 projects.", None, "Qianwan New Area"),
])
def test_a_back_reference_takes_the_last_name_it_can_mean(body: str, title: str | None, place: str) -> None:
    [metric] = [m for m in extract_metrics(body, "2020-06-01", title) if m.place]
    assert metric.place == place and "place.referred" in metric.rules


def test_a_back_reference_with_nothing_named_before_is_kept_as_written() -> None:
    """Documented choice (docs/CONTRACTS.md, `place`): not null, which would make it the city's figure."""
    [metric] = extract_metrics("The zone is home to 637 national high-tech enterprises.", "2019-09-10",
                               "Ningbo adds high-tech enterprises")
    assert metric.place == "the zone"
    assert "place.unresolved" in metric.rules and "place.referred" not in metric.rules
    [county] = extract_metrics("Last year, the county's output rose by 7.2%.", "2020-06-01")
    assert county.place == "the county"


def test_a_name_after_the_reference_does_not_resolve_it() -> None:
    body = "The zone is home to 637 national high-tech enterprises. Ningbo High-tech Zone was set up in 2007."
    [metric] = [m for m in extract_metrics(body, "2019-09-10") if m.unit == "count"]
    assert metric.place == "the zone"


def test_a_figure_in_apposition_takes_the_place_of_the_figure_before_it() -> None:
    body = ("Enterprises in Ningbo National High-tech Zone earned operating revenue of 186.2 billion yuan, "
            "up 13.1% year-on-year. Ningbo's GDP reached 1.2 trillion yuan, up 6.8%.")
    metrics = {m.text: m for m in extract_metrics(body, "2019-09-10")}
    assert metrics["13.1%"].place == "Ningbo National Hi-Tech Zone" and "place.inherited" in metrics["13.1%"].rules
    assert metrics["6.8%"].place is None


def test_place_tables_are_data_the_patterns_are_built_from() -> None:
    assert set(context.NINGBO_DIVISIONS.values()) | {noun for noun, _ in context.NINGBO_ZONES.values()} <= {
        covered for nouns in context.BACK_REFERENCE_NOUNS.values() for covered in nouns}
    assert "Ningbo" in context.HOME_PLACES and "Beilun" not in context.HOME_PLACES
    assert context.place("Beilun has 300 firms", 11, "level") == context.Place("Beilun", context.RULE_NAMED)


@pytest.mark.parametrize(("sentence", "text", "modality"), [
    ("The city will have 8,000 high-tech enterprises in 2025.", "8,000 high-tech enterprises", "target"),
    ("The zone strives to launch 100 strategic innovation products in five years.",
     "100 strategic innovation products", "target"),
    ("Analysts expect GDP to grow by about 3.5% this year.", "3.5%", "forecast"),
    ("Output is expected to reach 50 billion yuan in 2021.", "50 billion yuan", "forecast"),
    ("By the end of 2018, the city had 23,611 valid invention patents.", "23,611 valid invention patents",
     "actual"),
    ("Exports rose by 17.6%, while the city plans to add 300 firms next year.", "17.6%", "actual"),
    ("Exports rose by 17.6%, while the city plans to add 300 firms next year.", "300 firms", "target"),
])
def test_modality_tells_facts_from_targets_and_forecasts(sentence: str, text: str, modality: str) -> None:
    assert one(sentence, text).modality == modality


@pytest.mark.parametrize(("body", "published", "text", "modality"), [
    # no cue word reaches these figures, but their period lies after the article's publication month
    ("During the 14th Five-Year Plan period (2021-2025), Ningbo wants R&D intensity to reach 3.5%.", "2020-08-19",
     "3.5%", "target"),
    ("It aims to attract 3,000 researchers by 2025, and build 10 major research platforms.", "2020-08-19",
     "10 major research platforms", "target"),
    ("In September 2020, the zone is to open 4 labs.", "2020-08-19", "4 labs", "target"),
    # a period already begun or past when the article appeared stays a fact; no date, nothing to compare
    ("In 2020, exports rose by 7.6%.", "2020-08-19", "7.6%", "actual"),
    ("In 2019, R&D intensity reached 2.8%.", "2020-08-19", "2.8%", "actual"),
    ("In 2025, R&D intensity reached 3.5%.", None, "3.5%", "actual"),
])
def test_a_figure_for_a_period_after_publication_is_a_target(body: str, published: str | None, text: str,
                                                               modality: str) -> None:
    [metric] = [m for m in extract_metrics(body, published) if m.text == text]
    assert metric.modality == modality
    assert ("modality.target_future_period" in metric.rules) is (modality == "target" and "4 labs" not in text)


def test_every_metric_has_a_known_modality() -> None:
    body = ("Ningbo will build 10 labs. Analysts forecast 5% growth. Exports were 1.1 trillion yuan, "
            "up 7.4%. R&D accounted for 2.9% of GDP.")
    assert {m.modality for m in extract_metrics(body)} <= set(MODALITIES)
    assert context.modality("plain fact of 5%", 14, 16) == "actual"
    with pytest.raises(ValueError, match="modality"):
        Metric(1.0, "count", "level", None, None, None, "1", 0, 1, modality="rumour")


# ------------------------------------------------------------------ the work a sentence's quantities share
# context.Sentence finds a sentence's clause breaks, cues and places once; each quantity reads them.
# These tests check it against the plain calls it replaces: the readable break pattern searched in the
# text cut at the quantity, and each cue/place pattern searched in the quantity's own clause.
READABLE_CLAUSE_BREAK_RE = re.compile(r";|:\s|,\s*(?:while|whereas|but|and|compared|up|down)\b|\bwhile\b|\bwhereas\b")
SENTENCE_WORDS = ("while", "whereas", "awhile", "and", "but", "up", "down", "compared", "will", "is", "are", "to",
                  "set", "expected", "plans", "Analysts", "target", "aim", "in", "of", "than", "among", "Hangzhou",
                  "Hangzhou Bay New Area", "Zhejiang's", "Ningbo", "the zone", "this district", "Beilun", "Cixi",
                  "the US", "USD", "China", "5", "2,000", "7.5%", "WILL", "PLANS", "ExpecTed", "ſet", "\u212a",
                  "ı", "İs", "wıll", "likely", "Goal", "aimed", "endeavour", "outlook", "estimated", "-", "(", ")")
SENTENCE_SEPARATORS = (" ", " ", " ", "", ", ", "; ", ": ", ":", ",", "\t", "  ", "-")
sentence_strategy = joined_words(SENTENCE_WORDS, SENTENCE_SEPARATORS, max_size=30)


def plain_clause_start(text: str, pos: int) -> int:
    left = 0
    for match in READABLE_CLAUSE_BREAK_RE.finditer(text, 0, pos):
        left = match.end()
    return left


def plain_clause_end(text: str, pos: int) -> int:
    match = READABLE_CLAUSE_BREAK_RE.search(text, pos)
    return match.start() if match else len(text)


def plain_modality(text: str, start: int, end: int) -> str:
    clause = text[plain_clause_start(text, start):plain_clause_end(text, end)]
    return ("forecast" if context.FORECAST_RE.search(clause) else "target" if context.TARGET_RE.search(clause)
            else "actual")


def _same_clause_breaks(text: str) -> None:
    """The break pattern and its hand reading (context.clause_breaks) find the readable pattern's breaks in the
    text, and in the text cut at each position (before it and after it)."""
    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
        return [m.span() for m in matches]

    assert spans(context.CLAUSE_BREAK_RE.finditer(text)) == spans(READABLE_CLAUSE_BREAK_RE.finditer(text))
    for pos in range(len(text) + 1):
        for cut in ((0, pos), (pos, len(text))):
            plain = spans(READABLE_CLAUSE_BREAK_RE.finditer(text, *cut))
            assert spans(context.CLAUSE_BREAK_RE.finditer(text, *cut)) == plain, (text, cut)
            assert context.clause_breaks(text, *cut) == plain, (text, cut)


def test_the_clause_breaks_are_the_readable_pattern_s_on_the_real_pages() -> None:
    for line in real_lines()[::3]:
        _same_clause_breaks(line[:200])


@settings(max_examples=300, deadline=None)
@given(sentence_strategy)
@example("a,while b, whereas c,\u3000and d,   up, upper,down5,compared_ x: y:z; while_ éwhile 5while -while (whereas)")
@example(",but,and:\n:\twhile,whil,wherea,  ,")
def test_the_clause_break_pattern_is_the_readable_one(text: str) -> None:
    _same_clause_breaks(text)


@settings(max_examples=300, deadline=None)
@given(sentence_strategy)
def test_a_sentence_s_clauses_and_modality_are_the_plain_searches(text: str) -> None:
    shared = context.Sentence(text)
    for pos in range(len(text) + 1):
        assert shared.clause_start(pos) == plain_clause_start(text, pos), (text, pos)
        assert shared.clause_end(pos) == plain_clause_end(text, pos), (text, pos)
        for end in range(pos, min(len(text), pos + 6) + 1):
            assert shared.modality(pos, end) == plain_modality(text, pos, end), (text, pos, end)


@settings(max_examples=300, deadline=None)
@given(sentence_strategy)
def test_the_gates_pass_wherever_their_patterns_match(text: str) -> None:
    low = context.gate_text(text)
    if context.FORECAST_RE.search(text) or context.TARGET_RE.search(text):
        assert context._has_modality_cue(low), text
    if context.PART_RE.search(text):
        assert context.holds_any(low, context.PART_GATE_WORDS), text
    for pos in range(len(text) + 1):
        before = text[plain_clause_start(text, pos):pos]
        if context.PLACE_OF_RE.search(before):
            assert context.PLACE_GATE_RE.search(text), text
        for kind in ("level", "rank"):
            assert context.Sentence(text).place(pos, kind) == plain_place(text, pos, kind), (text, pos, kind)


# The place gate as first written: the places' last words, longest first (PLACE_GATE_RE groups them by first letter).
PLAIN_PLACE_GATE_RE = re.compile(context._alternation({name.split()[-1] for name in context.PLACES}))


def _place_gate_is_the_plain_search(text: str, order: list[int]) -> None:
    """One Sentence asked at the positions of `order` in turn (the place gate searches only as far as it is
    asked, each stretch once) answers what the plain search of text[:start] and a fresh Sentence answer."""
    assert [m.span() for m in context.PLACE_GATE_RE.finditer(text)] == \
        [m.span() for m in PLAIN_PLACE_GATE_RE.finditer(text)], text
    shared = context.Sentence(text)
    for start in order:
        plain = PLAIN_PLACE_GATE_RE.search(text[:start]) is not None
        assert shared._names_place_before(start) == plain, (text, start, order)
        for kind in ("level", "rank"):
            assert shared.place(start, kind) == context.Sentence(text).place(start, kind), (text, start, kind)


def _place_gate_orders(text: str) -> list[list[int]]:
    """Every position in order, in reverse, and the word ends twice over (as quantities come, and again)."""
    positions = list(range(len(text) + 1))
    ends = [m.end() for m in re.finditer(r"\w\b", text)]
    return [positions, positions[::-1], ends + ends]


def test_the_place_gate_searched_as_asked_is_the_plain_search_on_the_real_pages() -> None:
    lines = [line for line in real_lines() if PLAIN_PLACE_GATE_RE.search(line)]
    assert len(lines) > 50
    for line in lines[::7]:
        for order in _place_gate_orders(line[:300])[1:]:
            _place_gate_is_the_plain_search(line[:300], order)


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentence_strategy, st.lists(st.sampled_from(
    ["Singapore", "Singapor", "Kong", "Hong Kong", "the US", "UK", "EU", "Xi'an", "Chongqing", "in", "of", "5%",
     "Ningbo", "the zone", "Beilun", "", " ", ",", "a"]), max_size=12).map("".join)),
       st.lists(st.integers(min_value=0, max_value=80), max_size=12))
def test_the_place_gate_searched_as_asked_is_the_plain_search(text: str, starts: list[int]) -> None:
    for order in [*_place_gate_orders(text), [min(start, len(text)) for start in starts]]:
        _place_gate_is_the_plain_search(text, order)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcé", min_size=1, max_size=4), min_size=1, max_size=6).map(tuple),
       st.text("abcéx ", max_size=40))
@example(("he", "she", "his", "hers"), "ushers")
@example(("ab", "b", "bab", "abab"), "babab aab")
def test_a_word_finder_finds_what_substring_tests_find(words: tuple[str, ...], text: str) -> None:
    """WordFinder on any words (a word inside another, repeated, a prefix of another; a character not ASCII)."""
    assert_words_found_plainly(context.WordFinder(words), text)


def _sentence_gates_found_plainly(text: str) -> None:
    """SENTENCE_GATE_FINDER finds in the text's gate_text (and its stretches) exactly the modality cue, part and
    place words a substring test of each finds."""
    assert context.SENTENCE_GATE_FINDER.words == \
        context.MODALITY_CUE_WORDS + context.PART_GATE_WORDS + context.PLACE_FOLDED_WORDS
    assert_words_found_plainly(context.SENTENCE_GATE_FINDER, context.gate_text(text))


def test_sentence_gates_found_plainly_on_the_real_pages() -> None:
    for line in real_lines():
        _sentence_gates_found_plainly(line[:400])


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentence_strategy, st.lists(st.sampled_from(
    [*context.MODALITY_CUE_WORDS, *context.PART_GATE_WORDS, "aim", "striving", "Zone", "Haishu", "x", "k", "ei", " ",
     "ſeek", "Kelvin\u212a", "İs"]), max_size=8).map(" ".join)))
def test_sentence_gates_found_plainly(text: str) -> None:
    _sentence_gates_found_plainly(text)


def _short_cue_gate_passes_its_matches(text: str) -> None:
    """Wherever MODALITY_SHORT_CUE_RE matches (in the text's gate_text, or any stretch of it ending at a
    word's end), _may_hold_short_cue says it may; _has_modality_cue is the plain test of words and regex."""
    low = context.gate_text(text)
    for part in {low, *(low[:m.end()] for m in re.finditer(r"\w\b", low)),
                 *(low[m.start():] for m in re.finditer(r"\b\w", low))}:
        if context.MODALITY_SHORT_CUE_RE.search(part):
            assert context._may_hold_short_cue(part), part
        plain = context.holds_any(part, context.MODALITY_CUE_WORDS) or bool(context.MODALITY_SHORT_CUE_RE.search(part))
        assert context._has_modality_cue(part) == plain, part


def test_the_short_cue_gate_passes_its_matches_on_the_real_pages() -> None:
    for line in real_lines():
        if " to" in line.lower():
            _short_cue_gate_passes_its_matches(line[:300])


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentence_strategy, st.lists(st.tuples(
    st.sampled_from(["is", "are", "aim", "set", "this", "to", "toward", "arise", "Is", "ARE", "ſet", "to5", "x"]),
    st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "\u3000", "", ",", " \n "])),
    max_size=10).map(lambda parts: "".join(word + sep for word, sep in parts))))
@example("they are  set \t to build it; the aim\xa0to; is\u3000to; this to")
def test_the_short_cue_gate_passes_its_matches(text: str) -> None:
    _short_cue_gate_passes_its_matches(text)


def plain_place(sentence: str, start: int, kind: str) -> context.Place | None:
    """context.place with every pattern searched for the one quantity (no gates, nothing shared)."""
    clause_start = plain_clause_start(sentence, start)
    parts = [m for m in context.PART_RE.finditer(sentence) if m.start() >= clause_start and m.end() <= start]
    for match in reversed(parts):
        if context.SCOPE_BEFORE_RE.search(context.IN_OF_END_RE.sub("", sentence[clause_start:match.start()])):
            continue
        if match.group("ref"):
            return context._resolve(match.group("noun"), context.NOTHING_EARLIER, sentence[:match.start("ref")])
        return context.Place(context._part_name(match), context.RULE_NAMED)
    if kind in context.SCOPE_KINDS:
        return None
    before = sentence[clause_start:start]
    spans = [(m.start() - clause_start, m.end() - clause_start) for m in parts]
    found = None
    for match in context.PLACE_OF_RE.finditer(before):
        if context.SCOPE_BEFORE_RE.search(before[:match.start()]) or context._inside(match.span(), spans):
            continue
        found = match
    if found is None or any(not context._inside(m.span(), spans) for m in context.HOME_RE.finditer(before)):
        return None
    return context.Place(found.group("in") or found.group("own"), context.RULE_NAMED)


def test_the_ignorecase_fold_names_every_character_ignorecase_takes_for_an_ascii_letter() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    taken = {ch for ch in map(chr, range(128, sys.maxunicode + 1)) if ascii_letter.fullmatch(ch)}
    assert taken == {chr(code) for code in context.IGNORECASE_FOLD}
    for ch in taken:
        assert re.fullmatch(ch.translate(context.IGNORECASE_FOLD), ch, re.IGNORECASE)


def test_every_modality_cue_passes_the_cue_gate() -> None:
    for cue in context.FORECAST_CUES + context.TARGET_CUES:
        for written in (cue, cue.upper(), cue.title(), cue.replace(" ", "\n  "), cue.replace("s", "\u017f")):
            assert context._has_modality_cue(context.gate_text(f"x {written} y")), written


# ------------------------------------------------------------------ the describe stage's shortcuts, on real pages
# The texts the describe stage asks about: each line with a number of the real pages (not the held-out
# set) up to each of its digit runs (the text before a number) and up to each of its words (as the text
# before a number is cut at a qualifier or a verb), whole, from its sentence's start, and its last 60
# characters.
REALGOLD_DIR = Path(__file__).parent / "realgold"
TUNING_SETS = ("dev", "tune_sites", "tune_other")
DIGIT_RUN_RE = re.compile(r"(?<!\d)\d|(?<=\s)\S")


@lru_cache(maxsize=1)
def real_befores() -> tuple[str, ...]:
    texts: list[str] = []
    for name in TUNING_SETS:
        for path in sorted((REALGOLD_DIR / name / "pages").glob("*.json")):
            for line in json.loads(path.read_text(encoding="utf-8"))["raw_text"].splitlines():
                for match in DIGIT_RUN_RE.finditer(line) if any(c.isdigit() for c in line) else ():
                    before = line[:match.start()]
                    sentence_start = max(before.rfind(". "), before.rfind("; ")) + 1
                    texts.append(before[sentence_start:])
                    if match.group().isdigit():
                        texts += [before, before.rstrip(), before[-60:]]
    return tuple(dict.fromkeys(texts))


OPENING_LOOKAHEAD_RE = re.compile(r"\(\?=\[[^\]]*\]\)\(\?:(?P<pattern>.*)\)\Z", re.DOTALL)


def readable(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern opening_with put behind a lookahead (else `pattern` itself)."""
    match = OPENING_LOOKAHEAD_RE.match(pattern.pattern)
    return re.compile(match.group("pattern"), pattern.flags) if match else pattern


def word_tails() -> list[tuple[str, TailPattern, re.Pattern[str]]]:
    """(name, tail pattern, the readable pattern it searches) of the describe stage's tails and the matchers'."""
    tails = [(f"{module.__name__}.{name}", value, readable(value.pattern))
             for module in (qualifiers, subjects, describe, matchers)
             for name, value in vars(module).items() if isinstance(value, TailPattern)]
    assert subjects.LINK_TAIL.pattern is not subjects.LINK_RE and readable(subjects.LINK_TAIL.pattern).pattern == \
        subjects.LINK_RE.pattern  # (behind a lookahead, read back)
    return tails


def test_word_gated_tails_equal_their_plain_patterns_on_real_texts() -> None:
    """A WordTail's last-word test skips only texts its pattern does not match, and a pattern behind a
    lookahead of its first characters finds what it finds: search and sub equal the plain calls of the
    readable pattern on every text before a number of the real pages (and these texts are gated often)."""
    tails = word_tails()
    assert len([tail for _, tail, _ in tails if isinstance(tail, WordTail)]) >= 10
    texts = real_befores()
    assert len(texts) > 25000
    for name, tail, pattern in tails:
        skipped = 0
        for text in texts:
            plain = pattern.search(text)
            got = tail.search(text)
            assert (got and (got.span(), got.groups())) == (plain and (plain.span(), plain.groups())), (name, text)
            assert tail.sub("", text) == pattern.sub("", text), (name, text)
            skipped += isinstance(tail, WordTail) and not tail.may_match(text)
        assert skipped > len(texts) // 2 or not isinstance(tail, WordTail), name  # the gate earns its keep


GATE_WORDS = ("about", "ABOUT", "abouT", "close to", "up to", "more than", "by", "BY", "of", "or", "Or", ",", ";",
              "which", "that", "however,", "however", "rose", "rose sharply by", "an average of", "at an average "
              "annual growth rate of", "totaling", "worth", "accounted for", "added", "newly added", "in the City",
              "in Zhejiang", "to Hangzhou Bay", "province", "was", "is expected to", "cost", "ſome", "\u212am",
              "ıs", "aſ", "x-about", "(about", "only", "just", "a total of", "2019", "5%", "-", "é", "Zürich",
              "among these", "THESE", "thеse", "of the year", "in the first half", "months", "a record", "as much as",
              "to top", "no less than", "Not", "less", "than", "share", "of", "year", "reached", "x-reached", "(was",
              "REACHED", "stood at", "edged up", "has already", "sharply", "raised", "cut the number", "efficiency",
              "increased", "fell", "declined", "a decline of", "growth rate of", "made up", "down", "x-up", "sup",
              "xdown", "DOWN", "UP", "Of", "ly", "a_ly", "ſly", "aLY", "1ly", "x.ly", "éély", "\u00a0", "\u2003",
              "capacity", "rate", "growth", "annual", "an", "a", "total", "Total", "yearly", "costs", "costing",
              "about", "still", "Average", "rate of", "cost of", "stood", "Stood AT", "2018, up", "ſtill", "by by",
              "decline", "DECLINED", "x-declining", "fell", "Fall", "slid", "sharply by", "a drop of", "the loss of",
              "reduction", "cut", "x-cut", "slump", "a fall of", "declinẹd", "ſlid", "growth of", "x-growth",
              "increase", "rose", "grew", "grows", "risen", "jumps", "rise of", "gain", "uptick of", "made up",
              "them", "Those", "which,", "of the 35 categories,", "exceeded", "Surpassed", "EXCEEDS", "topped", "tops")
gate_strategy = joined_words(GATE_WORDS, (" ", "  ", "\t", "\n", ", ", ""), max_size=12)


@settings(max_examples=400, deadline=None)
@given(gate_strategy)
def test_word_gated_tails_equal_their_plain_patterns_on_generated_texts(text: str) -> None:
    for name, tail, pattern in word_tails():
        plain = pattern.search(text)
        got = tail.search(text)
        assert (got and (got.span(), got.groups())) == (plain and (plain.span(), plain.groups())), (name, text)
        assert tail.sub("", text) == pattern.sub("", text), (name, text)


def _qualifier_plain(before: str) -> tuple[str | None, str]:
    """qualifiers._qualifier with the plain searches and substitutions of its patterns."""
    core = qualifiers.FILLER_RE.sub("", before)
    match = qualifiers.QUALIFIER_RE.search(core)
    if not match:
        return None, core
    rest = qualifiers.FILLER_RE.sub("", core[: match.start()])
    if qualifiers.VERB_QUALIFIER_RE.match(match.group()):
        rest = rest.rstrip() + " is "
    return match.lastgroup, rest


def test_qualifier_equals_its_plain_form_on_real_texts() -> None:
    """_qualifier reads the qualifier's match as found on the lowercased text (its lastgroup and text)."""
    assert sum(_qualifier_plain(text)[0] is not None for text in real_befores()) > 500
    for text in real_befores():
        assert qualifiers._qualifier(text) == _qualifier_plain(text), text


@settings(max_examples=400, deadline=None)
@given(gate_strategy)
def test_qualifier_equals_its_plain_form_on_generated_texts(text: str) -> None:
    assert qualifiers._qualifier(text) == _qualifier_plain(text), text


@lru_cache(maxsize=1)
def real_lines() -> tuple[str, ...]:
    """Every line of the real tuning pages (not the held-out set)."""
    return tuple(line for name in TUNING_SETS for path in sorted((REALGOLD_DIR / name / "pages").glob("*.json"))
                 for line in json.loads(path.read_text(encoding="utf-8"))["raw_text"].splitlines())


def cue_scans() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(the scan _period_cues uses, the readable pattern it stands for)."""
    scans = [(value, getattr(periods, name.removesuffix("_SCAN") + "_RE")) for name, value in vars(periods).items()
             if name.endswith("_SCAN")]
    assert len(scans) >= 9
    return scans


def finds(regex: re.Pattern[str], text: str, endpos: int | None = None) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in regex.finditer(text, 0, len(text) if endpos is None else endpos)]


def test_the_period_cue_scans_find_what_their_patterns_find_on_real_lines() -> None:
    """A cue pattern behind a lookahead of its first characters finds the same cues, in every line of the
    real pages (and cut at each of its numbers, as the event pattern is searched)."""
    lines = real_lines()
    assert len(lines) > 2000
    for line in lines:
        for scan, plain in cue_scans():
            assert finds(scan, line) == finds(plain, line), (plain.pattern, line)
        assert bool(periods.YEAR_DIGITS_RE.search(line)) <= context.holds_any(line, periods.CENTURIES), line


ORDINAL_CUES = ((periods.FIRST_MONTHS_RE, periods.FIRST_MONTHS_WORDS),
                (periods.PART_OF_YEAR_RE, periods.PART_OF_YEAR_WORDS))


def _same_ordinal_cues(text: str) -> None:
    """periods.ordinal_cue_matches (an ASCII text) finds the cue pattern's matches, spans and groups; a text without
    "from" and "between" in its lower() holds no month range."""
    for regex, words in ORDINAL_CUES if text.isascii() else ():
        assert finds_in(periods.ordinal_cue_matches(regex, text.lower(), text, words)) == finds(regex, text), \
            (regex.pattern, text)
    if "from" not in text.lower() and "between" not in text.lower():
        assert not periods.MONTH_RANGE_RE.search(text) and not periods.DAY_RANGE_RE.search(text), text


def finds_in(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_the_cues_matched_at_their_words_are_the_scanned_ones_on_real_lines() -> None:
    lines = real_lines()
    for regex in (periods.PART_OF_YEAR_RE, periods.FIRST_MONTHS_RE):
        assert sum(1 for line in lines if line.isascii() and regex.search(line)) > 10, regex.pattern
    for line in lines:
        _same_ordinal_cues(line)


ORDINAL_CUE_WORDS = ("in", "In", "IN", "within", "during", "During", "for", "For", "over", "Over", "the", "The", "THE",
                     "first", "First", "FIRST", "second", "third", "fourth", "half", "Half", "quarter", "quarters",
                     "three", "six", "10", "months", "Months", "of", "this", "year", "2021", "from", "From", "between",
                     "May", "June", "1", "to", "and", "-", "x", "thefirst", "inthe", "(in", ",", "é", "İ", "\u3000")
ordinal_cue_strategy = joined_words(ORDINAL_CUE_WORDS, (" ", "  ", "\t", "\n", "\x1c", ", ", ""), max_size=24)


@settings(max_examples=400, deadline=None)
@given(ordinal_cue_strategy)
@example("within the first half, For  the\tfirst three quarters of 2021, inthe second half, over the FIRST 6 months")
@example("during\x1cthe\x1cfourth quarter, thefirst half, in the the third quarter, In The Second Half of this year")
def test_the_cues_matched_at_their_words_are_the_scanned_ones(text: str) -> None:
    _same_ordinal_cues(text)


def _same_lead_cues(text: str) -> None:
    """periods.month_cue_matches (given where MONTH_NAME_RE finds the month names) and relative_year_matches (an
    ASCII text) find the cue patterns' matches, spans and groups."""
    months = [m.start() for m in periods.MONTH_NAME_RE.finditer(text)]
    assert finds_in(periods.month_cue_matches(text, months)) == finds(periods.MONTH_CUE_RE, text), text
    if text.isascii():
        assert finds_in(periods.relative_year_matches(text.lower(), text)) == finds(periods.RELATIVE_YEAR_RE, text), \
            text


def test_the_cues_matched_after_their_leads_are_the_scanned_ones_on_real_lines() -> None:
    lines = real_lines()
    for regex in (periods.MONTH_CUE_RE, periods.RELATIVE_YEAR_RE):
        assert sum(1 for line in lines if regex.search(line)) > 30, regex.pattern
    for line in lines:
        _same_lead_cues(line)


LEAD_CUE_WORDS = ("In", "in", "IN", "during", "During", "as of", "As  of", "by", "By", "at", "At", "the", "end", "of",
                  "early", "mid", "late", "first", "last", "week", "half", "ten days", "March", "May", "Mayor", "11th",
                  "2019", "to", "and", "through", "within", "Marches", "é", "İn", "Inn", "theend", "ofMarch", "LAST",
                  "This", "this", "year", "Year", "thisyear", "lastly", "atlast", "by the end of", "at the end of")
lead_cue_strategy = joined_words(LEAD_CUE_WORDS, (" ", "  ", "\t", "\n", "\x1c", ", ", "", "-", "- "), max_size=16)


@settings(max_examples=600, deadline=None)
@given(lead_cue_strategy)
@example("as of the end of March 2019, in mid-May to June, By the end of last year, in the first ten days of May")
@example("during  this year in- \tMarch 5th, at the end of this Year, In early May and June, inMarch, as of\nlast year")
def test_the_cues_matched_after_their_leads_are_the_scanned_ones(text: str) -> None:
    _same_lead_cues(text)


CUE_START_RE = re.compile(r"\b|\W")


def _same_after_event(text: str) -> int:
    """periods.after_event at each word boundary and non-word character of `text` (where a cue can start) is
    whether EVENT_BEFORE_YEAR_RE has a match in the text before it (what _period_cues asked, behind a gate of
    the whole sentence); the count of matches."""
    low, plain = text.lower(), text.isascii()
    found = 0
    for end in sorted({m.start() for m in CUE_START_RE.finditer(text)} | {len(text)}):
        expected = periods.EVENT_BEFORE_YEAR_RE.search(text[:end]) is not None
        assert periods.after_event(text, low, plain, end) == expected, (text, end)
        found += expected
    return found


def test_the_event_before_a_cue_is_found_as_the_pattern_finds_it_on_real_lines() -> None:
    """after_event, gated by the event words in the run of words before the cue, at every position of the real
    lines that hold an event word."""
    found = 0
    for line in real_lines():
        if context.holds_any(context.gate_text(line), periods.EVENT_GATE_WORDS):
            found += _same_after_event(line)
    assert found > 100


EVENT_WORDS = ("opened", "Opened", "OPENED", "set", "up", "set up", "took place", "founded", "in", "In", "at", "AT",
               "Ningbo", "the", "Zhenhai's", "Hi-Tech", "o’clock", "ſigned", "Kunming", "İn", "ın", "launch",
               "launches", "relaunched", "2020", "5G", "_x", "é", "(", ")", ",", ".", "—", "’s", " ", "")
event_strategy = joined_words(EVENT_WORDS, (" ", "  ", "\t", "\n", "\x1c", "\u3000", ", ", "-", ""), max_size=16)


@settings(max_examples=400, deadline=None)
@given(event_strategy)
@example("The park opened in Zhenhai's Hi-Tech Zone in 2020, ſigned at \u212aunming\x1cin 2019")
@example("It was set\xa0up at İn Ningbo\x85 took  place in (2018) launches, AT the o’clock Ningbo 5G")
def test_the_event_before_a_cue_is_found_as_the_pattern_finds_it(text: str) -> None:
    _same_after_event(text)


def test_the_period_tails_find_what_their_patterns_find_before_each_number_of_the_real_lines() -> None:
    """The comparison and event patterns searched as tail patterns (periods.*_TAIL) in the text before each
    number of every real line, as _period_for and _period_cues search them: the plain search's match."""
    count = 0
    for line in real_lines():
        for match in DIGIT_RUN_RE.finditer(line):
            count += sum(tails_agree(line, match.start()))
    assert count > 100


PERIOD_TAILS = ((periods.COMPARISON_BEFORE_CUE_TAIL, periods.COMPARISON_BEFORE_CUE_RE),
                (periods.EVENT_BEFORE_YEAR_TAIL, periods.EVENT_BEFORE_YEAR_RE))


def tails_agree(text: str, end: int) -> list[bool]:
    """Assert each period tail's search of text[:end] gives the plain search's match; whether each found one."""
    found_any = []
    for tail, plain in PERIOD_TAILS:
        found, expected = tail.search(text[:end]), plain.search(text, 0, end)
        assert (found and (found.span(), found.groupdict())) == \
            (expected and (expected.span(), expected.groupdict())), (plain.pattern, text[:end])
        found_any.append(expected is not None)
    return found_any


CUE_WORDS = ("In", "in", "IN", "ın", "İn", "by the end of", "By", "at the end of", "As of", "during", "DURING",
             "than", "THAN", "compared with", "same period of", "times the", "versus", "and below", "below", "after",
             "throughout", "For", "for", "over the", "Over", "end of", "in the year of", "from", "From", "to",
             "between", "Between", "and", "through", "since", "Since", "ſince", "first", "FIRST", "fırst", "ſecond",
             "third", "fourth", "half", "quarter", "first three quarters", "three", "11", "months", "of", "this",
             "last", "LAST", "year", "the", "January", "May", "March 5", "late", "early", "2019", "2020", "1998",
             "-", "–", "~", "founded", "Founded", "ſet up", "opened", "Launched", "took place", "Ningbo", ",", ".",
             ";", "(", ")")
cue_text_strategy = joined_words(CUE_WORDS, (" ", "  ", "\t", "\n", "", ", "), max_size=20)


@settings(max_examples=500, deadline=None)
@given(cue_text_strategy)
def test_the_period_cue_scans_find_what_their_patterns_find_on_generated_texts(text: str) -> None:
    for scan, plain in cue_scans():
        assert finds(scan, text) == finds(plain, text), (plain.pattern, text)
    for end in range(len(text) + 1):
        tails_agree(text, end)
    assert bool(periods.YEAR_DIGITS_RE.search(text)) <= context.holds_any(text, periods.CENTURIES), text


def test_the_mid_sentence_names_scan_finds_what_the_readable_pattern_finds() -> None:
    """The capitalized words an article uses mid-sentence, found from the space before them: the same
    words on every real page and on generated texts."""
    texts = [json.loads(path.read_text(encoding="utf-8"))["raw_text"] for name in TUNING_SETS
             for path in sorted((REALGOLD_DIR / name / "pages").glob("*.json"))]
    texts += ["a  Bc, De ;Fg) Hi”  Jk\u00a0Lm ’ No Pq-r The. Rs: Tu) Vw\" X1 Yz_a", " Ab", "a Ab", "a Ab Cd Ef, Gh"]
    for text in texts:
        assert subjects.MID_SENTENCE_CAPITAL_SCAN.findall(text) == subjects.MID_SENTENCE_CAPITAL_RE.findall(text)
    assert sum(len(subjects.MID_SENTENCE_CAPITAL_RE.findall(text)) for text in texts) > 1000


def test_an_article_s_mid_sentence_names_are_found_when_a_subject_first_asks() -> None:
    """extract_metrics hands the subjects the article's names unscanned (most articles never ask): asked,
    they are the words of the scan of the whole body, inside extract_metrics and only there. (It watches
    the calls of a module function: with the native build, in a child run of the Python source.)"""
    from transforms.native import is_compiled

    if is_compiled(subjects):
        from helpers import passes_in_pure_python

        assert passes_in_pure_python("tests/test_context.py::"
                                     "test_an_article_s_mid_sentence_names_are_found_when_a_subject_first_asks")
        return
    seen: list[tuple[str, frozenset[str]]] = []
    asked = subjects._sentence_initial_common_noun

    def asking(word: str) -> bool:
        names = subjects._MID_SENTENCE_NAMES.get()
        assert names is not None
        seen.append((names.body, names.words))
        return asked(word)

    body = "Exports rose by 5% to 300 million yuan. The Exports Board said Efficiency rose 3%. Exports fell 2%."
    subjects._sentence_initial_common_noun = asking  # type: ignore[assignment]
    try:
        extract_metrics(body, "2020-06-01")
    finally:
        subjects._sentence_initial_common_noun = asked  # type: ignore[assignment]
    assert seen and all(names == frozenset(subjects.MID_SENTENCE_CAPITAL_SCAN.findall(body)) for _, names in seen)
    assert {text for text, _ in seen} == {body} and subjects._MID_SENTENCE_NAMES.get() is None
    assert subjects._sentence_initial_common_noun("Exports") and not subjects._is_plural("Efficiency")
    assert subjects._sentence_initial_common_noun("Efficiency")  # (outside an article: no names)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("a", "Ab", "AB", "aB", "Ab-c", "x", ",", ";", ":", "’", "'", '"', "”", ")", "(",
                                 " ", "  ", "\t", "1", "Éa", "Ñandu")), max_size=30).map("".join))
def test_the_mid_sentence_names_scan_on_generated_texts(text: str) -> None:
    assert subjects.MID_SENTENCE_CAPITAL_SCAN.findall(text) == subjects.MID_SENTENCE_CAPITAL_RE.findall(text)


CONTEXT_SCANS = ((context.FORECAST_SCAN, context.FORECAST_RE), (context.TARGET_SCAN, context.TARGET_RE),
                 (context.PLACE_OF_SCAN, context.PLACE_OF_RE), (context.PART_SCAN, context.PART_RE))


def test_the_context_scans_find_what_their_patterns_find_on_real_lines() -> None:
    """The modality cue and place patterns behind a lookahead of their first letters: the same matches in
    every line of the real tuning pages; the short cue pattern's gate ("to") passes wherever it matches."""
    for line in real_lines():
        for scan, plain in CONTEXT_SCANS:
            assert finds(scan, line) == finds(plain, line), (plain.pattern, line)
        folded = context.gate_text(line)
        assert not context.MODALITY_SHORT_CUE_RE.search(folded) or "to" in folded, line


@settings(max_examples=300, deadline=None)
@given(sentence_strategy)
def test_the_context_scans_find_what_their_patterns_find_on_generated_texts(text: str) -> None:
    for scan, plain in CONTEXT_SCANS:
        assert finds(scan, text) == finds(plain, text), (plain.pattern, text)


def test_the_subject_tokens_skip_the_quote_filter_only_without_quotes() -> None:
    """subjects._tokens filters quote tokens only from a text holding a quote: the same tokens as the
    filter over every token, on the real texts before a number (some with quotes) and on quoted ones."""
    texts = [*real_befores(), 'He said "5G" and “smart” ‘city’ things', '"', "“a”", "a ‘ b"]
    assert any(subjects.QUOTE_RE.search(text) for text in texts)
    for text in texts:
        assert subjects._tokens(text) == [t for t in subjects.WORD_RE.findall(text) if t not in subjects.QUOTES]


def test_change_and_verb_object_searches_equal_the_plain_searches_on_real_texts() -> None:
    """_change_before and verb_object_by search their tails (with no gate of their own) only where a
    string test of the text's end lets them: the same answers as the plain searches on the real texts."""
    for text in real_befores():
        assert qualifiers._long_end(text) == (qualifiers.CHANGE_LONG_END_RE.search(text) is not None), text
        assert qualifiers._change_before(text) == (qualifiers.CHANGE_BEFORE_RE.search(text) is not None), text
        assert qualifiers._decrease_before(text) == (qualifiers.DECREASE_BEFORE_RE.search(text) is not None), text
        got, plain = qualifiers.verb_object_by(text), qualifiers.VERB_OBJECT_BY_RE.search(text)
        assert (got and got.span()) == (plain and plain.span()), text


def test_verb_object_by_remembering_its_last_text_answers_as_the_plain_search() -> None:
    """verb_object_by answers the text it last searched without a search: asked about texts in turn, again,
    and about equal texts that are other objects, it finds what VERB_OBJECT_BY_RE finds."""
    texts = [text for text in real_befores() if text.rstrip().lower().endswith(" by")][:400]
    assert len(texts) > 50
    texts += ["cut the number of drivers needed by ", "raised efficiency by ", "x by ", "by ", "(raised efficiency by ",
              "5%,cut x_y by ", "raised x_ y by", "’raised the firm’s R&D by ", "x_raised y by"]  # (verb_object_bound)
    for first, second in zip(texts, texts[1:] + texts[:1]):
        for text in (first, first, "".join(list(first)), second, first):
            got, plain = qualifiers.verb_object_by(text), qualifiers.VERB_OBJECT_BY_RE.search(text)
            assert (got and (got.span(), got.group("object"))) == \
                (plain and (plain.span(), plain.group("object"))), text


CHANGE_ENDS = ("fell", "declined", "x-declining", "decline", "drop", "a drop", "cut", "rose", "grew", "increase",
               "increases", "up", "down", "made up", "capacity", "rate", "growth", "ſlid", "the loss", "uptick",
               "slumped", "FELL", "Decline", "2018,", "x-up", "total", "average", "déclined", "",
               "makes up", "remade up", "MAKING up", "(up", "x_up", "5%,up", "x-down", "surgically", "the growth rate")
CHANGE_TRAILS = ((), ("by",), ("sharply",), ("sharply", "by"), ("of",), ("an", "average", "of"), ("a", "total", "of"),
                 ("rate", "of"), ("at", "a", "rate", "of"), ("at", "an", "average", "annual", "growth", "rate", "of"),
                 ("by", "an", "average", "of"), ("by", "a", "total", "of"), ("ly",), ("x-ly",), ("BY",), ("Of",),
                 ("fully",), ("ſharply", "by"), ("to",), ("and",), ("x-ly", "by"), ("up", "by"))


def test_change_and_decrease_searches_equal_the_plain_searches_after_every_end_and_trail() -> None:
    """_change_before and _decrease_before (their tails searched only where the last two words allow a
    match) answer as the plain searches after every verb, noun or other word and run of trailing words."""
    for lead in ("Exports", "The output of the city", "", "Café’s exports"):
        for end in CHANGE_ENDS:
            for trail in CHANGE_TRAILS:
                for sep in (" ", "  ", "\n", "\t "):
                    text = sep.join((lead, end, *trail)) + sep
                    for probe in (text, text.rstrip(), text.upper()):
                        assert qualifiers._change_before(probe) == (
                            qualifiers.CHANGE_BEFORE_RE.search(probe) is not None), probe
                        assert qualifiers._decrease_before(probe) == (
                            qualifiers.DECREASE_BEFORE_RE.search(probe) is not None), probe


@settings(max_examples=400, deadline=None)
@given(gate_strategy)
def test_change_and_verb_object_searches_equal_the_plain_searches_on_generated_texts(text: str) -> None:
    assert qualifiers._long_end(text) == (qualifiers.CHANGE_LONG_END_RE.search(text) is not None), text
    assert qualifiers._change_before(text) == (qualifiers.CHANGE_BEFORE_RE.search(text) is not None), text
    assert qualifiers._decrease_before(text) == (qualifiers.DECREASE_BEFORE_RE.search(text) is not None), text
    got, plain = qualifiers.verb_object_by(text), qualifiers.VERB_OBJECT_BY_RE.search(text)
    assert (got and got.span()) == (plain and plain.span()), text


def test_modality_of_a_headline_is_the_plain_search_on_real_lines() -> None:
    """context.modality (the headline's: no Sentence built when no cue word occurs) equals the plain
    clause search on every real tuning line, whole and for its first and last words."""
    for line in real_lines():
        for start, end in ((0, len(line)), (0, min(5, len(line))), (max(0, len(line) - 5), len(line))):
            assert context.modality(line, start, end) == plain_modality(line, start, end), line


@settings(max_examples=300, deadline=None)
@given(sentence_strategy)
def test_modality_of_a_headline_is_the_plain_search_on_generated_texts(text: str) -> None:
    for pos in range(len(text) + 1):
        assert context.modality(text, 0, pos) == plain_modality(text, 0, pos), (text, pos)
        assert context.modality(text, pos, len(text)) == plain_modality(text, pos, len(text)), (text, pos)


def _may_match_splitting_each_time(tail: WordTail, text: str) -> bool:
    """WordTail.may_match as written first: the text's last `count` words split off for each tail."""
    if tail.spaced and not text[-1:].isspace():
        return False
    words = text.rsplit(None, tail.count)
    if not words:
        return True
    word = words[-1]
    if not word.isascii():
        return True
    last = word.lower()
    if (last in tail.whole if tail.whole is not None else last.endswith(tail.endings)) \
            or tail.capitalized and "A" <= word[0] <= "Z":
        return True
    before = tail.longer.get(last)
    if before is not None and len(words) > 1 and (not words[-2].isascii() or words[-2].lower().endswith(before)):
        return True
    if any(not word.isascii() or word.lower() in tail.near_words
           for word in (words[-1 - tail.near_count:-1] if tail.near_count else ())):
        return True
    if not tail.trailing or last not in tail.trailing_last:
        return False
    assert tail.whole is not None and tail.count == qualifiers.WORD_TAIL_READ
    for word in reversed(words[1:-1] if len(words) > tail.count else words[:-1]):
        if not word.isascii() or word.lower() in tail.whole:
            return True
        if word.lower() not in tail.trailing:
            return False
    return True


def _same_word_tests(text: str) -> None:
    tails = [tail for _, tail, _ in word_tails() if isinstance(tail, WordTail)]
    for tail in tails:
        for probe in (text, text + " ", "  " + text, text.lower(), text.title(), text.upper()):
            assert tail.may_match(probe) == _may_match_splitting_each_time(tail, probe), (tail.pattern.pattern, probe)
    copy = "".join(list(text))  # an equal string that is another object: its own words
    assert qualifiers.trailing_words(copy) == copy.rsplit(None, qualifiers.WORD_TAIL_READ)


def test_word_tails_reading_the_remembered_last_words_answer_as_splitting_each_time() -> None:
    """The last words remembered for the last text (several tails asked about it in a row) give every
    WordTail's last-word test the answer of splitting off its own `count` words (on the real texts)."""
    assert all(tail.count <= qualifiers.WORD_TAIL_READ for _, tail, _ in word_tails() if isinstance(tail, WordTail))
    for text in real_befores()[:6000]:
        _same_word_tests(text)
    first, second = "rose by ", "fell by "
    assert qualifiers.trailing_words(first) == ["rose", "by"] and qualifiers.trailing_words(second) == ["fell", "by"]


LINK_ENDS = ("reached", "REACHED", "stood", "edged up", "made up", "averaged", "average", "top", "was", "cost",
             "2018, up", "edged down", "making  up", "EDGED UP", "made", "x-made up", "up", "down",
             "costing", "will cost", "capacity", "2018,", "increase", "rate", "growth", "ſtood", "x-reached", "by")
LINK_TRAILS = ((), ("by",), ("at",), ("to",), ("up", "by"), ("down", "to"), ("of",), ("an", "average", "of"),
               ("a", "total", "of"), ("A", "TOTAL", "OF"), ("at", "an", "average", "annual", "growth", "rate", "of"),
               ("at", "a", "rate", "of"), ("just", "about"), ("only",), ("still", "at"), ("rate", "of"), ("a",),
               ("an", "annual"), ("total",), ("ſtill",), ("growth", "rate", "of"), ("yearly", "growth", "rate", "of"))


def test_link_tail_reads_back_over_trailing_words_as_the_plain_search() -> None:
    """LINK_TAIL (its last word a trailing preposition: read back to a link verb's last word) finds what
    LINK_RE finds, after every link verb's last word or another word, before every run of trailing words;
    and it skips a text whose trailing words follow a word that ends no link verb."""
    for lead in ("Exports", "The value added of the city's industry", ""):
        for end in LINK_ENDS:
            for trail in LINK_TRAILS:
                for sep in (" ", "  ", "\n", "\t "):
                    text = sep.join((lead, end, *trail)) + sep
                    plain = subjects.LINK_RE.search(text)
                    got = subjects.LINK_TAIL.find(text)
                    assert (got and got.span()) == (plain and plain.span()), text
                    assert subjects.LINK_TAIL.may_match(text) == _may_match_splitting_each_time(
                        subjects.LINK_TAIL, text), text
    for text in ("an annual capacity of ", "in 2018, by ", "an increase of 5%, rate of ", "the loan rate of ",
                 "in 2018, up ", "exports, down "):
        assert not subjects.LINK_TAIL.may_match(text) and subjects.LINK_RE.search(text) is None, text
    for text in ("stood at a rate of ", "rose at a rate of ", "Costs of "):
        assert subjects.LINK_TAIL.may_match(text), text


def _link_starts_are_the_plain_searches(text: str) -> None:
    """link_start and of_link_start (read off the last words) give the start of LINK_RE's and OF_LINK_RE's search."""
    for reader, pattern in ((subjects.link_start, subjects.LINK_RE), (subjects.of_link_start, subjects.OF_LINK_RE)):
        plain = pattern.search(text)
        assert reader(text) == (plain.start() if plain else -1), (pattern.pattern[:20], text)


def test_the_link_readers_are_the_plain_searches_on_real_texts_and_every_link_end() -> None:
    for text in real_befores():
        _link_starts_are_the_plain_searches(text)
    for lead in ("Exports", "The value added of the city's industry", "", "x,", " ,"):
        for end in LINK_ENDS:
            for trail in LINK_TRAILS:
                for sep in (" ", "  ", "\n", "\t ", ", "):
                    text = sep.join((lead, end, *trail)) + sep
                    for probe in (text, text.rstrip(), " " + text, text.upper()):
                        _link_starts_are_the_plain_searches(probe)


# (beside GATE_WORDS: the words of LINK_RE's two grammars, \w+ly words that are not ASCII or not [A-Za-z]+,
# commas alone and glued)
LINK_WORDS_GENERATED = (*GATE_WORDS, "rate", "at", "an", "average", "annual", "growth", "edged", "up", "made",
                        "making", "is", "will", "would", "to", "be", "been", "likely", "li\u212aely", "_ly", "fully",
                        "naïvely", "ſtill", "\u212a", "ſ", "Exports,", ",", "x,", "yearly", "expected", "ATTRACTED")
link_text_strategy = joined_words(LINK_WORDS_GENERATED, (" ", "  ", "\t", "\n", ", ", "", ",", "\xa0", " ,"),
                                  max_size=14)


@settings(max_examples=1500, deadline=None)
@given(link_text_strategy)
@example("by by by by by by by by by by ")  # (more link words than the first split reads)
@example("x is expected to still be likely to rise by by by by by by")
@example("rose by ")  # (the text's first word: no whitespace before it)
@example(" will would is are cost ")
@example("x edged up up ")
@example("x is at an average annual growth rate of at a total of ")
@example("x is now already naïvely ſtill about ")
@example("x _ly rose by ")  # (\w+ly: "_" is a word character)
def test_the_link_readers_are_the_plain_searches_on_generated_texts(text: str) -> None:
    _link_starts_are_the_plain_searches(text)


def test_word_tails_answer_alike_when_their_remembered_verdicts_are_forgotten_often(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The last-word and near-word verdicts a WordTail remembers are forgotten all at once past VERDICTS_KEPT
    words: with room for three, every answer is still the first version's."""
    monkeypatch.setattr(qualifiers, "VERDICTS_KEPT", 3)
    for text in real_befores()[:1500]:
        _same_word_tests(text)


@settings(max_examples=300, deadline=None)
@given(gate_strategy)
def test_word_tails_reading_the_remembered_last_words_answer_as_splitting_each_time_on_generated_texts(
        text: str) -> None:
    _same_word_tests(text)


def _same_sentence_gates(para: str) -> int:
    """A Sentence given its paragraph's folded_text cut at it (as the engine makes it) tells the same modality
    cue gate and names the same parts as one that folds its own text; the count of sentences."""
    low = folded_text(para)
    count = 0
    for start, end in structure._sentences(para):
        own = context.Sentence(para[start:end])
        cut = context.Sentence(para[start:end], low[start:end] if low is not None else None)
        assert (cut._cued, [m.span() for m in cut._parts]) == (own._cued, [m.span() for m in own._parts]), para
        count += 1
    return count


def test_a_sentence_gated_on_its_paragraphs_folded_text_is_gated_as_on_its_own_on_real_lines() -> None:
    assert sum(_same_sentence_gates(line) for line in real_lines()) > 2000


GATE_WORDS = ("will", "WILL", "Will", "is", "to", "set", "aim", "are", "plans", "Beilun", "ZONE", "Zhenhai", "ſeek",
              "li\u212aely", "İs", "ıs", "ΑΣ", "Σ", "ΑΣΑ", "5", "2020", "the", "Cixi", "ſtrive", "endeavour")
gate_text_strategy = joined_words(GATE_WORDS, (" ", "  ", "\t", "\x1c", "\xa0", ". ", "? ", ", ", ""), max_size=20)


@settings(max_examples=300, deadline=None)
@given(gate_text_strategy)
@example("ΑΣ. The zone will add 5. It is  to ſeek 2020 targets in Beilun. ΑΣ5 plans to")
def test_a_sentence_gated_on_its_paragraphs_folded_text_is_gated_as_on_its_own(para: str) -> None:
    _same_sentence_gates(para)


def _same_period_cues(para: str) -> int:
    """_period_cues given the sentence cut from its paragraph's folded_text (as the engine calls it) finds the
    cues it finds lowercasing the sentence itself; the count of cues."""
    low = folded_text(para)
    count = 0
    for start, end in structure._sentences(para):
        sentence = para[start:end]
        own = periods._period_cues(sentence, para[:start], (2020, 6))
        assert periods._period_cues(sentence, para[:start], (2020, 6), None,
                                    low[start:end] if low is not None else None) == own, para
        count += len(own)
    return count


def test_the_period_cues_read_off_the_paragraphs_folded_text_are_the_sentences_own_on_real_lines() -> None:
    assert sum(_same_period_cues(line) for line in real_lines()) > 500


PERIOD_WORDS = ("in", "In", "İn", "ın", "the", "first", "fırst", "ſix", "half", "Half", "HALF", "quarter", "of", "2019",
                "2020", "months", "from", "From", "January", "to", "May", "last", "this", "year", "Year", "since",
                "opened", "launched", "ΑΣ", "Σ", "ΑΣΑ", "\u212aunming", "5", "by", "the end of")
period_text_strategy = joined_words(PERIOD_WORDS, (" ", "  ", "\t", ". ", ", ", ""), max_size=20)


@settings(max_examples=300, deadline=None)
@given(period_text_strategy)
@example("ΑΣ in 2019. In the fırst half of 2020, ſix months from January to May this year. ΑΣ opened in 2018")
@example("In the fırst ſix months of 2020, output rose. In the fıRST 6 months, ΑΣ grew. In 2019 ΑΣ")
def test_the_period_cues_read_off_the_paragraphs_folded_text_are_the_sentences_own(para: str) -> None:
    _same_period_cues(para)
