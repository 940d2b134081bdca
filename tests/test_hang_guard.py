"""A test that runs over its timeout fails, and the run goes on (tests/hang_guard.py).

Each case runs pytest on a small test file in a subprocess. The subprocess's own timeout is the
check: without the guard, hypothesis swallows pytest-timeout's failure and shrinks the hanging
example with no alarm left, and the run never ends.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

TESTS = Path(__file__).resolve().parent

HANGING_HYPOTHESIS_TEST = '''
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.timeout(2)
@settings(deadline=None, max_examples=5, database=None)
@given(st.integers(28, 40))
def test_a_regex_that_backtracks_2_to_the_n_ways(n):
    assert re.search(r"^(a|a)*$", "a" * n + "b") is None


def test_the_next_test_still_runs():
    assert True
'''

TIMEOUT_SWALLOWING_TEST = '''
import time

import pytest


@pytest.mark.timeout(2)
def test_that_catches_everything():
    try:
        time.sleep(30)
    except BaseException:
        time.sleep(600)
'''


def run_pytest(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_case.py").write_text(textwrap.dedent(source), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(TESTS), NEWSETL_TEST_HANG_GRACE_S="3")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "hang_guard", "-p", "no:cacheprovider", "-q", "test_case.py", *args],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240,
    )


def test_a_hypothesis_test_that_hangs_in_a_regex_fails_at_its_timeout(tmp_path: Path) -> None:
    done = run_pytest(tmp_path, HANGING_HYPOTHESIS_TEST)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "1 failed, 1 passed" in out, out
    assert "TestTimedOut" in out and "ran over its timeout of 2 s" in out, out


def test_a_test_that_catches_its_timeout_is_ended_by_the_watchdog(tmp_path: Path) -> None:
    alone = run_pytest(tmp_path, TIMEOUT_SWALLOWING_TEST)
    assert alone.returncode != 0
    assert "Timeout (0:00:05)!" in alone.stderr, alone.stderr  # faulthandler: the timeout plus the grace
    assert "test_that_catches_everything" in alone.stderr, alone.stderr  # the stack it dumped
    # Under xdist, as `make test` runs: the worker ends, the test is reported, the run goes on.
    done = run_pytest(tmp_path, TIMEOUT_SWALLOWING_TEST + HANGING_HYPOTHESIS_TEST, "-n", "1")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "worker 'gw0' crashed while running 'test_case.py::test_that_catches_everything'" in out, out
    assert "2 failed, 1 passed" in out, out


def test_make_test_draws_the_same_hypothesis_examples_on_every_run() -> None:
    """CI gives the verdict the last local run gave; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) explores."""
    from hypothesis import settings

    assert settings.default.derandomize is (os.environ.get("HYPOTHESIS_PROFILE", "repeatable") == "repeatable")
