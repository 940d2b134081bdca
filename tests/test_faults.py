"""`newsetl faults`: every fault scenario (devtools.faults) against the real mirror, Postgres,
SMTP server and CLI stages, one test per scenario, grouped as the harness groups them.

Each test runs its scenario and asserts what the table's row must say: 0 rows lost, 0
duplicates, and the scenario's own expectation (its outcome). Scenarios that fail today
because of a known bug are xfail(strict=True) naming the bug: the fix flips them to XPASS,
which fails the run until the mark is removed.
"""
from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import faults_artifact_part

from devtools import faults
from devtools.mirror import FaultPlan, start_mirror

SLOW_GROUPS = {"site", "database", "smtp", "content", "airflow"}  # every scenario crawls the mirror
GOV_ART = "/art/2019/8/18/art_933_1016946.html"


def _param(spec: faults.Scenario):
    marks = [pytest.mark.slow] if spec.group in SLOW_GROUPS else []
    if spec.known_bug:
        marks.append(pytest.mark.xfail(strict=True, reason=f"known bug: {spec.known_bug}"))
    return pytest.param(spec.name, marks=marks, id=spec.name)


@pytest.fixture(scope="module")
def rig(tmp_path_factory, pg_server_url) -> Iterator[faults.Rig]:
    r = faults.Rig(tmp_path_factory.mktemp("faults"), server_url=pg_server_url)
    yield r
    r.close()


@pytest.mark.parametrize("group", faults.GROUPS)
def test_every_group_has_scenarios(group: str) -> None:
    assert [s for s in faults.SCENARIOS.values() if s.group == group]


@pytest.fixture(scope="session")
def table_rows() -> Iterator[list[dict]]:
    """Every scenario's row of this test session, kept as build/test-artifacts/faults.json:
    `newsetl faults --show build/test-artifacts/faults.json` prints the table of the session.
    Each pytest-xdist worker writes its part; conftest.pytest_sessionfinish merges them."""
    rows: list[dict] = []
    yield rows
    if rows:
        part = faults_artifact_part(os.environ.get("PYTEST_XDIST_WORKER", "main"))
        part.parent.mkdir(parents=True, exist_ok=True)
        part.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name", [_param(s) for s in faults.SCENARIOS.values()])
def test_scenario(rig: faults.Rig, name: str, table_rows: list[dict]) -> None:
    result = faults.run_scenario(rig, faults.SCENARIOS[name])
    table_rows.append(result.to_dict())
    assert result.ok, (result.outcome, result.details)
    assert result.rows_lost == 0, result.details
    assert result.duplicates == 0, result.details
    assert not result.outcome.startswith(("FAILED", "ERROR", "known bug"))


# ------------------------------------------------------------------ the new mirror fault kinds
def _get(url: str, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_fault_plan_parses_the_new_kinds_and_rejects_bad_ones() -> None:
    plan = FaultPlan.parse("reset=2:/a;gzip_bomb=1G:/b;endless:/c;trickle=2:/d;offsite_redirect=evil.test:/e;"
                           "nocharset:/f;robots=/art/:gov:/robots.txt;mutate=injection+boilerplate:/g")
    assert [r.kind for r in plan.rules] == ["reset", "gzip_bomb", "endless", "trickle", "offsite_redirect",
                                            "nocharset", "robots", "mutate"]
    assert plan.decide("x", "/a").reset and plan.decide("x", "/a").reset and not plan.decide("x", "/a").reset
    assert plan.decide("x", "/b").gzip_bomb == 1024 ** 3
    assert plan.decide("gov", "/robots.txt").robots_disallow == "/art/"
    assert plan.decide("other", "/robots.txt").robots_disallow is None
    assert plan.decide("x", "/g").mutations == ("injection", "boilerplate")
    for bad in ("mutate=nope:/a", "trickle=0:/a", "reset=0:/a", "endless=3:/a", "offsite_redirect:/a"):
        with pytest.raises(ValueError, match="bad fault rule"):
            FaultPlan.parse(bad)


def test_mirror_serves_the_new_faults() -> None:
    plan = ("reset:/art/2019/8/18/*;gzip_bomb=64M:/art/2020/8/19/*;nocharset:/art/2019/3/12/*;"
            "offsite_redirect=evil.test:/art/2019/1/28/*;robots=/art/:ningbo_gov:/robots.txt;"
            "mutate=deep_nesting+injection:/art/2019/12/20/*")
    with start_mirror(faults=FaultPlan.parse(plan)) as mirror:
        base = mirror.base_urls["ningbo_gov"]
        with pytest.raises((ConnectionError, urllib.error.URLError, OSError)):
            _get(base + GOV_ART)
        status, headers, body = _get(base + "/art/2020/8/19/art_933_1075566.html")
        assert status == 200 and headers["Content-Encoding"] == "gzip" and len(body) < 1024 * 1024
        assert len(gzip.decompress(body)) == 64 * 1024 * 1024
        status, headers, body = _get(base + "/art/2019/3/12/art_933_990215.html")
        assert headers["Content-Type"] == "text/html" and b"charset" not in body.lower()
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(base + "/art/2019/1/28/art_933_981487.html", timeout=10)
        assert redirect.value.headers["Location"] == "http://evil.test/art/2019/1/28/art_933_981487.html"
        assert _get(base + "/robots.txt")[2] == b"User-agent: *\nDisallow: /art/\n"
        assert _get(mirror.base_urls["ningbolife"] + "/robots.txt")[2] != b"User-agent: *\nDisallow: /art/\n"
        _, _, page = _get(base + "/art/2019/12/20/art_933_1040017.html")
        assert page.count(b"<div>") >= 10_000 and b"DROP TABLE news.articles;-- &lt;script&gt;" in page


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's signature
        return None


def test_endless_body_streams_until_the_client_leaves() -> None:
    with start_mirror(faults=FaultPlan.parse(f"endless:{GOV_ART}")) as mirror:
        host, port = mirror.base_urls["ningbo_gov"].removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as conn:
            conn.sendall(f"GET {GOV_ART} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            received = 0
            while received < 8 * 1024 * 1024:  # more than DOWNLOAD_MAXSIZE, and it keeps coming
                chunk = conn.recv(65536)
                assert chunk
                received += len(chunk)
    assert received >= 8 * 1024 * 1024


@pytest.mark.slow
def test_faults_command_runs_one_scenario_and_writes_the_json(tmp_path: Path) -> None:
    """`newsetl faults --only NAME --json PATH`: the table on stdout, the list in the file."""
    out = tmp_path / "faults.json"
    proc = subprocess.run([sys.executable, "-m", "newsetl.cli", "faults", "--only", "db_same_run_loaded_twice",
                           "--json", str(out)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:5] == ["fault", "runs", "rows", "lost", "duplicates"]
    assert lines[1].startswith("db_same_run_loaded_twice")
    [row] = json.loads(out.read_text())
    assert {"fault", "runs", "rows_lost", "duplicates", "outcome"} <= set(row)
    assert (row["fault"], row["rows_lost"], row["duplicates"]) == ("db_same_run_loaded_twice", 0, 0)
    assert row["runs"] == 2
    bad = subprocess.run([sys.executable, "-m", "newsetl.cli", "faults", "--only", "no_such_fault"],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "unknown scenario" in bad.stderr.strip().splitlines()[-1]



def test_show_prints_the_table_of_saved_json_later_files_winning(tmp_path: Path) -> None:
    row = {"fault": "site_timeout", "group": "site", "runs": 1, "rows_lost": 2, "duplicates": 0,
           "outcome": "FAILED: first", "seconds": 3.0, "ok": False}
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps([row, {**row, "fault": "db_disk_full", "group": "database"}]))
    second.write_text(json.dumps([{**row, "rows_lost": 0, "outcome": "counted failed", "ok": True}]))
    proc = subprocess.run([sys.executable, "-m", "newsetl.cli", "faults", "--show", str(first), "--show",
                           str(second)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["site_timeout", "db_disk_full"]  # scenario order
    assert lines[1].split()[1:4] == ["1", "0", "0"] and "counted failed" in lines[1]
    assert lines[-1] == "1 of 2 scenarios passed; 2 rows lost, 0 duplicates"


def test_offsite_links_mutation_adds_a_foreign_copy_beside_each_article_link() -> None:
    from devtools import PAGES_DIR
    from devtools.mirror import ARTICLE_LINK_RE, OFFSITE_LINK_HOST, mutate

    listing = (PAGES_DIR / "ningbolife" / "index.php" / "ningbo-news.html").read_bytes()
    links = ARTICLE_LINK_RE.findall(listing)
    changed = mutate(listing, ("offsite_links",))
    assert links and changed.count(f'href="http://{OFFSITE_LINK_HOST}/index.php/'.encode()) == len(links)
    assert all(link in changed for link in links)  # the listing's own links stay
