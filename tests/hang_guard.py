"""The per-test timeout (pytest-timeout's `timeout`), made so that nothing can swallow it.

pytest-timeout's signal method raises pytest's `Failed` from SIGALRM. Hypothesis counts `Failed` as
the test failing on that example, and then shrinks it: it replays the hanging example and smaller
ones with no alarm left, so a test that hung once hangs for good (a breadcrumb pattern's 2^N
backtracking did so in CI, which ran out of its time instead of reporting one failed test). The
thread method cannot help either: its timer thread needs the GIL, which a regular expression match
in C keeps until it returns.

So a test's timeout raises `TestTimedOut`, a BaseException that neither hypothesis nor an
`except Exception` catches; pytest still reports it as the test's failure. Behind it, faulthandler's
watchdog (a C thread that needs no GIL) dumps every thread's stack and ends the process if the test
is still running GRACE_S seconds later; under xdist the worker is replaced and the test reported as
crashed. conftest.py registers the three hooks; tests/test_hang_guard.py checks both paths.
"""
from __future__ import annotations

import faulthandler
import os
import signal
import sys
from typing import Any

import pytest

_STDERR: list[int] = []  # a copy of fd 2 taken before pytest captures it for a test


def pytest_configure(config: pytest.Config) -> None:
    if not _STDERR:
        _STDERR.append(os.dup(2))


GRACE_S = float(os.environ.get("NEWSETL_TEST_HANG_GRACE_S", "60"))  # the env var: for test_hang_guard only


class TestTimedOut(BaseException):
    """A test ran over its timeout (not an Exception: no handler in the test may catch it)."""

    __test__ = False  # a name starting with "Test", not a test class


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> bool | None:  # noqa: ANN401 - pytest-timeout's Settings
    if settings.method != "signal" or not settings.timeout:
        return None  # pytest-timeout's own implementation

    def on_alarm(signum: int, frame: object) -> None:
        raise TestTimedOut(f"{item.nodeid} ran over its timeout of {settings.timeout:g} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    faulthandler.dump_traceback_later(settings.timeout + GRACE_S, exit=True,
                                   file=_STDERR[0] if _STDERR else sys.__stderr__)
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_cancel_timer(item: pytest.Item) -> bool:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    faulthandler.cancel_dump_traceback_later()
    return True
