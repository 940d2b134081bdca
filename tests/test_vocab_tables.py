"""The metric rules' vocabularies are data tables in transforms/metrics/vocab.py, read into the regexes through
`words_pattern`, not word lists spelled again inside a matcher's regex (issue 11: "Vocabularies (verbs and their
roles, units, scale words, currency marks) are data tables in one place, not repeated inside regexes").

Function words (prepositions, auxiliaries, determiners, "this/last/next" and the like) stay in the patterns as their
grammar; the tables below are the content vocabularies: months, ordinals, numbers in words, scales, currencies,
ranking and change verbs and nouns, hedges, superlatives.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import transforms.metrics.vocab as vocab
from transforms.metrics.matchers import (
    NUMBER_OF_LINK_RE,
    NUMBER_OF_RE,
    ORDINAL_SUPERLATIVE_RE,
    RANK_RE,
    TOP_RANK_RE,
)
from transforms.metrics.numbers import MONTH_NAMES
from transforms.metrics.periods import FIRST_MONTHS_RE, PART_OF_YEAR_RE
from transforms.metrics.qualifiers import CHANGE_AFTER_RE, DECREASE_AFTER_RE

PACKAGE = Path(vocab.__file__).parent
CONTENT_TABLES = (
    "MONTH_NUMBER", "MONTH_ABBREVIATIONS", "ORDINAL_WORDS", "RANK_ORDINAL_WORDS", "SPELLED_NUMBERS", "NUMBER_WORDS",
    "TOP_SPELLED_COUNTS", "SCALE_WORDS", "ROUND_SCALES", "SIZE_CLASS_WORDS", "CURRENCIES", "TABLE_CURRENCIES",
    "RANK_VERBS", "RANK_PARTICIPLES", "RANK_MOVE_WORDS", "RANK_MOVE_VERBS", "RANK_SCOPE_PLACES", "TOP_RANK_LEADS",
    "SUPERLATIVES", "ORDINAL_SUPERLATIVES", "CHANGE_NOUNS", "DECREASE_NOUNS", "CHANGE_AFTER_NOUNS",
    "DECREASE_AFTER_NOUNS", "CHANGE_COMPARATIVES", "CHANGE_OBJECT_VERB_STEMS", "CHANGE_VERB_STEMS",
    "DECREASE_VERB_FORMS", "INHERIT_CHANGE_NOUNS", "INHERIT_CHANGE_VERBS", "NUMBER_OF_CHANGE_VERBS",
    "NUMBER_OF_PAST_VERBS", "NUMBER_OF_PAST_LINKS", "SCHEME_NOUNS", "HEDGE_WORDS", "UNSIGNED_HEDGES",
    "FREQUENCY_ADVERBS", "PLACE_PP_NOUNS", "FIGURE_FOR_LINKS", "GROWTH_RATE_LINKS",
)
# A run of three or more words joined by "|" (a regex alternation spelled in the source).
ALTERNATION_RE = re.compile(r"(?:[A-Za-z]+\|){2,}[A-Za-z]+")


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of a module with their comments cut off (a comment may quote a pattern's words)."""
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("  # ", 1)[0]
        if not code.lstrip().startswith(("#", '"""')):
            lines.append((number, code))
    return lines


@pytest.mark.parametrize("table", CONTENT_TABLES)
def test_no_vocabulary_is_spelled_inside_a_regex(table: str) -> None:
    words = {word.lower() for word in getattr(vocab, table) if len(word) >= 3} - vocab.AUXILIARIES
    assert len(words) >= 3, f"{table} is no vocabulary of three words or more"
    spelled = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "vocab.py":
            continue
        for number, code in _code_lines(path):
            for run in ALTERNATION_RE.findall(code):
                hits = [word for word in run.lower().split("|") if word in words]
                if len(hits) >= 3:
                    spelled.append(f"{path.name}:{number}: {'|'.join(hits)}")
    assert not spelled, f"words of vocab.{table} spelled inside a regex (read them with words_pattern): {spelled}"


def test_the_guard_finds_a_spelled_vocabulary(tmp_path: Path) -> None:
    """The scan above would catch the lists the tables replaced (RANK_FROM_TO_RE's month names, the superlatives)."""
    sample = tmp_path / "sample.py"
    sample.write_text('X = r"(?!\\s+(?:January|February|March|April)\\b)"  # months\n'
                      'Y = r"[- ](?:largest|biggest|highest|best)"\n', encoding="utf-8")
    runs = [run for _, code in _code_lines(sample) for run in ALTERNATION_RE.findall(code)]
    assert runs == ["January|February|March|April", "largest|biggest|highest|best"]


@pytest.mark.parametrize(("pattern", "text", "found"), [
    # the patterns now read from tables match what their spelled lists matched (real pages' phrases)
    (RANK_RE, "ranked second in the Yangtze River Delta", "ranked second in the Yangtze River Delta"),
    (RANK_RE, "ranking top globally", "ranking top"),
    (RANK_RE, "ranked top ten", None),
    (TOP_RANK_RE, "named among the top 10", "named among the top 10"),
    (ORDINAL_SUPERLATIVE_RE, "the third-largest port", "third-largest"),
    (ORDINAL_SUPERLATIVE_RE, "the first-largest", None),
    (PART_OF_YEAR_RE, "in the first three quarters of 2023", "in the first three quarters of 2023"),
    (FIRST_MONTHS_RE, "in the first eleven months", "in the first eleven months"),
    (FIRST_MONTHS_RE, "the first twelve months", None),
    (CHANGE_AFTER_RE, " uptick in", " uptick"),
    (CHANGE_AFTER_RE, " year-on-year", " year-on-year"),
    (DECREASE_AFTER_RE, " lower than", " lower than"),
    (NUMBER_OF_RE, "the number of flights stood at", "the number of flights"),
    (NUMBER_OF_LINK_RE, "stood at ", "stood at "),
])
def test_tables_read_as_the_lists_did(pattern: re.Pattern[str], text: str, found: str | None) -> None:
    match = pattern.search(text)
    assert (match.group() if match else None) == found


def test_month_names_are_the_months_then_their_short_names() -> None:
    names = MONTH_NAMES.split("|")
    assert names[:12] == [month.capitalize() for month in vocab.MONTH_NUMBER]
    assert names[12:] == ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
