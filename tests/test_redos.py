"""No regular expression of the project backtracks without bound on a line built from its own matches.

A pattern whose repeated item can take the same text in two ways (" *" beside an item that may hold
spaces, "( *[|]+)*") answers a line of N such items that fails at its end in 2^N steps: a page
with such a line stalls the transform, and one such line hung the CI. Every compiled pattern of
transforms/ and crawlers/ is searched on "pumped" lines: a real match of it (from the furniture
samples and the real pages of tests/realgold, the held-out part excluded) with a short piece of it
repeated PUMPS times, then a tail that spoils the match. A search that is still running after
ALARM_S seconds fails the test (a hang guard: a linear search of these lines takes microseconds; the
three trail patterns this test was written for took minutes to hours).
"""
from __future__ import annotations

import gc
import importlib
import json
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from test_boilerplate import ARTICLE_SENTENCES, FURNITURE

import crawlers
import transforms

ROOT = Path(__file__).resolve().parent.parent
PUMPS = 16
PIECE_MAX = 7
ALARM_S = 2.0
TAILS = ("", "<", "\x01", "x" * 130, "|x", "-")
SAMPLES_PER_PATTERN = 3


def project_patterns() -> list[re.Pattern[str]]:
    """Every str pattern compiled once every module of transforms/ and crawlers/ is imported."""
    for package in (transforms, crawlers):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    patterns: dict[tuple[str, int], re.Pattern[str]] = {}
    for obj in gc.get_objects():
        # type(), not isinstance(): the latter reads __class__, which makes lazy proxies of other
        # packages in the process (Airflow's) import what they stand for.
        if type(obj) is re.Pattern and isinstance(obj.pattern, str):
            patterns.setdefault((obj.pattern, obj.flags), obj)
    return list(patterns.values())


@cache
def sample_lines() -> tuple[str, ...]:
    lines = [line for _, furniture in FURNITURE for line in furniture] + list(ARTICLE_SENTENCES)
    for name in ("dev", "tune_sites", "tune_other"):  # not holdout
        for path in sorted((ROOT / "tests" / "realgold" / name / "pages").glob("*.json")):
            lines += json.loads(path.read_text(encoding="utf-8"))["raw_text"].splitlines()
    return tuple(text for text in (" ".join(line.split()) for line in lines) if text)


def pumped(sample: str) -> Iterator[str]:
    for i in range(len(sample)):
        for size in range(1, PIECE_MAX + 1):
            piece = sample[i:i + size]
            if len(piece) < size:
                break
            for tail in TAILS:
                yield sample[:i] + piece * PUMPS + sample[i:] + tail


class _Slow(Exception):
    pass


def _first_slow_line(pattern: re.Pattern[str], samples: list[str]) -> str | None:
    def on_alarm(signum: int, frame: object) -> None:
        raise _Slow

    # The test's own timeout (tests/hang_guard.py) is a SIGALRM too: put back its handler and what
    # was left of its time.
    previous = signal.signal(signal.SIGALRM, on_alarm)
    left, started = signal.getitimer(signal.ITIMER_REAL)[0], time.monotonic()
    try:
        for sample in samples:
            for line in pumped(sample):
                signal.setitimer(signal.ITIMER_REAL, ALARM_S)
                try:
                    pattern.search(line)
                except _Slow:
                    return line
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
        if left:
            signal.setitimer(signal.ITIMER_REAL, max(left - (time.monotonic() - started), 0.001))
    return None


def matched_samples(pattern: re.Pattern[str], lines: tuple[str, ...]) -> list[str]:
    samples = []
    for line in lines:
        match = pattern.search(line)
        if match and match.end() > match.start():
            samples.append(line[max(0, match.start() - 3):match.end() + 3])
            if len(samples) == SAMPLES_PER_PATTERN:
                break
    return samples


OLD_TRAIL_PATTERNS = [  # the three this test was written for, as they were
    r"(?im)^ *(>|»|›) *[^>»›\n]{1,60}( *(>|»|›) *[^>»›\n]{1,60})* *$",
    r"(?im)^ *((you are here|current location|current position|location|position) *[:：]? *)?"
    r"(home|english|首页) *(>>|>|»|›|- *>)[^>»›\n]{1,120}( *(>>|>|»|›|- *>) *[^>»›\n]{1,120})* *$",
    r"(?im)^ *[^<>»›|\n]{1,40}( *(>>|>|»|›) *[^<>»›|\n]{1,40}){2,}( *[|]+)* *$",
]


@pytest.mark.timeout(900)
def test_no_project_pattern_backtracks_without_bound_on_pumped_matches() -> None:
    lines = sample_lines()
    patterns = project_patterns()
    assert len(patterns) > 500  # the boilerplate, template, metric and crawler patterns were all found
    slow = {}
    for pattern in patterns:
        line = _first_slow_line(pattern, matched_samples(pattern, lines))
        if line is not None:
            slow[pattern.pattern] = line[:300]
    assert not slow, slow


@pytest.mark.timeout(300)
@pytest.mark.parametrize("source", OLD_TRAIL_PATTERNS, ids=["BREADCRUMB", "BREADCRUMB_HOME", "BREADCRUMB_CHAIN"])
def test_the_check_finds_the_trail_patterns_it_was_written_for(source: str) -> None:
    pattern = re.compile(source)
    assert _first_slow_line(pattern, matched_samples(pattern, sample_lines())) is not None
