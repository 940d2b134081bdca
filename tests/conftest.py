"""Shared pytest fixtures: a real Postgres (pgserver, or NEWSETL_TEST_DATABASE_URL).

pg_server_url: one server per test session; pg_url / pg_module_url: a fresh empty
database per test / per module.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hang_guard import pytest_configure, pytest_timeout_cancel_timer, pytest_timeout_set_timer  # noqa: F401 - hooks
from helpers import ARTIFACTS, FAULTS_ARTIFACT
from hypothesis import settings

from devtools import pg

ENV_TEST_DATABASE_URL = "NEWSETL_TEST_DATABASE_URL"

# Hypothesis draws the same examples on every `make test` (derandomize: CI gives the verdict the
# last local run gave); `make fuzz` runs the hypothesis tests on new random examples instead.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("fuzz", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# Modules whose tests share one expensive module-scoped setup (a whole Airflow run, a million-row
# database): under pytest-xdist all their tests go to one worker, so the setup runs once. (xdist's
# own `--dist loadgroup` marks do not work with this pytest: it renames items through an attribute
# pytest 9 no longer reads.)
ONE_WORKER_MODULES = frozenset({"tests/test_end_to_end.py", "tests/test_analyst_scale.py"})


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A failing hypothesis test is reported as the plain failure it is, with its falsifying example.

    Hypothesis then also writes an "add this @example" patch through libcst, and libcst crashes on
    zope.interface objects that Scrapy's Twisted leaves in test modules (AttributeError: __provides__)
    -- inside pytest's report hook, so one failing property test became an INTERNALERROR that ended
    the xdist worker and hid every other result of the run. The patch is a convenience; the failure
    and its example are kept."""
    try:
        return (yield)
    finally:
        if hasattr(item, "_hypothesis_failing_examples"):
            del item._hypothesis_failing_examples  # type: ignore[attr-defined]


def pytest_xdist_make_scheduler(config: pytest.Config, log):  # noqa: ANN201 - xdist's Scheduling protocol
    """Like `--dist load` (each test its own unit, handed to whichever worker is free), except that
    the tests of ONE_WORKER_MODULES form one unit per module."""
    from xdist.scheduler import LoadScopeScheduling

    class OneWorkerModules(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER_MODULES else nodeid

    return OneWorkerModules(config, log)


def _is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")  # xdist workers carry workerinput


def pytest_sessionstart(session: pytest.Session) -> None:
    if _is_controller(session.config):
        for stale in ARTIFACTS.glob("faults.part-*.json"):  # an interrupted session's parts
            stale.unlink()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Merge the workers' fault rows into build/test-artifacts/faults.json, in scenario order."""
    if not _is_controller(session.config):
        return
    parts = sorted(ARTIFACTS.glob("faults.part-*.json"))
    if not parts:
        return
    from devtools.faults import SCENARIOS

    order = {name: index for index, name in enumerate(SCENARIOS)}
    rows = [row for part in parts for row in json.loads(part.read_text(encoding="utf-8"))]
    rows.sort(key=lambda row: order.get(row["fault"], len(order)))
    FAULTS_ARTIFACT.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    for part in parts:
        part.unlink()


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """Admin URL of a Postgres server for the session (embedded one deleted afterwards)."""
    url = os.environ.get(ENV_TEST_DATABASE_URL)
    if url:
        yield url
        return
    from warehouse.embedded import start_embedded, stop_embedded

    # Not under pytest's basetemp: pytest makes /tmp/pytest-of-<user> private at each
    # session start, which locks out the `pgserver` user the server runs as under root.
    parent = Path(tempfile.mkdtemp(prefix="newsetl-pg-"))
    data_dir = parent / "data"
    try:
        yield start_embedded(data_dir, cleanup_mode="delete")
    finally:
        stop_embedded(data_dir)
        shutil.rmtree(parent, ignore_errors=True)
        # pgserver's atexit hook logs after pytest has closed the captured streams that
        # in-process CLI tests bound handlers to; that exit chatter is not worth an error.
        logging.getLogger("pgserver").disabled = True


def fresh_database(server_url: str) -> AbstractContextManager[str]:
    """A new empty database (test_<hex>) on the server, dropped on exit (devtools.pg)."""
    return pg.fresh_database(server_url, prefix="test")


@pytest.fixture()
def pg_url(pg_server_url: str) -> Iterator[str]:
    """URL of a new empty database for one test."""
    with fresh_database(pg_server_url) as url:
        yield url


@pytest.fixture(scope="module")
def pg_module_url(pg_server_url: str) -> Iterator[str]:
    """URL of a new empty database shared by one test module (end-to-end runs)."""
    with fresh_database(pg_server_url) as url:
        yield url
