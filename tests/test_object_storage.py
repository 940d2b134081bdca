"""The data dir on object storage, for real: moto's S3 server on loopback (devtools/objectstore.py),
NEWSETL_DATA_DIR=s3://bucket/prefix, credentials and endpoint from the standard AWS_* variables.

Whole `newsetl run`s against the mirror: the warehouse holds the articles, the bucket the run's
files, no local copy outlives a step; a second run is incremental from what the bucket holds (the
listing validators: 304s) and the warehouse (0 new). The steps one by one on a run URL, reprocess,
the lock objects, and unreachable storage as one line with nothing loaded.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import query

from core import config
from core.rundir import DataDir, RunLocked, StorageUnavailable, open_run
from devtools.mirror import start_mirror
from devtools.objectstore import start_s3

NEWSETL = str(Path(sys.executable).with_name("newsetl"))
PREFIX = "team/news"


def newsetl(*args: str, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "GX_ANALYTICS_ENABLED": "false", **env})


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    with start_s3(tmp_path_factory.mktemp("moto")) as server:
        yield server


@pytest.fixture()
def s3_env(s3, tmp_path, monkeypatch):
    """The object-storage environment, also in this process (for DataDir and open_run)."""
    env = {**s3.env(PREFIX), config.ENV_HOME: str(tmp_path / "home"),
           config.ENV_WORK_DIR: str(tmp_path / "work")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


@pytest.mark.slow
def test_whole_runs_with_the_data_dir_on_s3(s3, s3_env, tmp_path, pg_url):
    env = {**s3_env, config.ENV_DATABASE_URL: pg_url}
    with start_mirror() as mirror:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        first = newsetl("run", "--run-id", "s3_run_1", "--json", env=env)
        assert first.returncode == 0, first.stderr[-3000:]
        second = newsetl("run", "--run-id", "s3_run_2", "--json", env=env)
        assert second.returncode == 0, second.stderr[-3000:]
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    run_url = f"s3://{s3.bucket}/{PREFIX}/runs/s3_run_1"
    assert one["run_dir"] == run_url

    # the warehouse holds the articles the run accepted
    stored = dict(query(pg_url, "SELECT source, count(*) FROM news.articles GROUP BY 1"))
    assert sum(stored.values()) == one["load"]["articles_inserted"] == one["validate"]["articles_accepted"] > 40
    assert set(stored) == {"ningbo_gov", "ningbolife"}

    # the bucket holds the run's files, one writer each: raw pages, reports, staged rows,
    # validation summary and Data Docs, load result; the listing validators across runs
    keys = set(s3.keys(PREFIX))
    run_key = f"{PREFIX}/runs/s3_run_1"
    for name in ("raw/ningbo_gov/pages.jsonl.gz", "raw/ningbolife/pages.jsonl.gz", "raw/ningbo_gov/crawl_report.json",
                 "raw/ningbo_gov/crawl.log", "raw/ningbo_gov.seen.txt", "crawl_report.json",
                 "staged/articles.jsonl", "staged/metrics.jsonl", "staged/transform_report.json",
                 "validation/articles.jsonl", "validation/summary.json", "validation/data_docs/index.html",
                 "load_result.json"):
        assert f"{run_key}/{name}" in keys, f"{name} not in the bucket: {sorted(keys)[:40]}"
    assert f"{PREFIX}/state/ningbo_gov/http_validators.json" in keys
    assert not [k for k in keys if k.endswith((".lock", ".part"))], "locks and temporary files stay local"
    # both sources' reports were merged into the run's report (each crawl merged under the lock object)
    report = json.loads(s3.read(f"{run_key}/crawl_report.json"))
    assert set(report["sources"]) == {"ningbo_gov", "ningbolife"}
    load_result = json.loads(s3.read(f"{run_key}/load_result.json"))
    assert load_result["articles_inserted"] == one["load"]["articles_inserted"]
    summary = json.loads(s3.read(f"{run_key}/validation/summary.json"))
    assert summary["data_docs"] == f"{run_url}/validation/data_docs/index.html"
    assert summary["articles_accepted"] == one["validate"]["articles_accepted"]
    # nothing was kept locally: no local data dir, every step's work copy removed
    assert not (tmp_path / "home" / "data").exists()
    assert list((tmp_path / "work").iterdir()) == []

    # the second run is incremental from storage: listings answered 304 to the validators the
    # first run published, the seen set skipped every stored article
    assert two["crawl"]["ningbo_gov"]["articles"]["new"] == two["crawl"]["ningbolife"]["articles"]["new"] == 0
    assert sum(two["crawl"][s]["listings_not_modified"] for s in two["crawl"]) > 0
    assert two["load"]["articles_inserted"] == 0
    assert f"{PREFIX}/runs/s3_run_2/load_result.json" in set(s3.keys(PREFIX))

    # reprocess reads the archived run from the bucket into a new run there, re-loads the same articles
    again = newsetl("reprocess", "s3_run_1", "--json", env=env)
    assert again.returncode == 0, again.stderr[-3000:]
    [result] = json.loads(again.stdout)
    assert result["run_dir"].startswith(f"s3://{s3.bucket}/{PREFIX}/runs/reprocess__s3_run_1__")
    assert result["load"]["articles_unchanged"] == one["load"]["articles_inserted"]
    target = result["run_dir"].split(f"{s3.bucket}/", 1)[1]
    assert {f"{target}/raw/ningbo_gov/pages.jsonl.gz", f"{target}/load_result.json"} <= set(s3.keys(target))
    runs = newsetl("runs", "--json", env=env)
    assert runs.returncode == 0, runs.stderr
    assert {"s3_run_1", "s3_run_2"} <= {r["run_id"] for r in json.loads(runs.stdout)}


@pytest.mark.slow
def test_the_steps_one_by_one_on_a_run_url(s3, s3_env, pg_url):
    env = {**s3_env, config.ENV_DATABASE_URL: pg_url}
    run_url = f"s3://{s3.bucket}/{PREFIX}/runs/steps_run"
    with start_mirror() as mirror:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        crawled = newsetl("crawl", "--source", "ningbolife", "--out", run_url, "--json", env=env)
        assert crawled.returncode == 0, crawled.stderr[-3000:]
        # a finished crawl is not crawled over unless asked to (--again)
        refused = newsetl("crawl", "--source", "ningbolife", "--out", run_url, "--full", "--json", env=env)
        assert refused.returncode == 2 and "already holds a finished crawl of ningbolife" in refused.stderr
        recrawled = newsetl("crawl", "--source", "ningbolife", "--out", run_url, "--full", "--again", "--json",
                            env=env)
        assert recrawled.returncode == 0, recrawled.stderr[-3000:]
    steps = {}
    for step in ("transform", "validate", "load"):
        proc = newsetl(step, run_url, "--json", env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
        steps[step] = json.loads(proc.stdout)
    new = json.loads(crawled.stdout)["articles"]["new"]
    assert new > 20 and steps["transform"]["articles"] == new
    assert steps["load"]["articles_inserted"] == steps["validate"]["articles_accepted"] > 20
    [(stored,)] = query(pg_url, "SELECT count(*) FROM news.articles WHERE source = 'ningbolife'")
    assert stored == steps["load"]["articles_inserted"]
    # the second crawl of the source kept the first under raw/.attempts/ in the bucket, and the
    # source's folder holds exactly one crawl's files
    keys = s3.keys(f"{PREFIX}/runs/steps_run/raw")
    attempts = [k for k in keys if "/raw/.attempts/ningbolife-" in k and k.endswith("/pages.jsonl.gz")]
    assert len(attempts) == 1, keys
    current = sorted(k.rsplit("/", 1)[1] for k in keys if "/raw/ningbolife/" in k)
    assert current == ["crawl.log", "crawl_report.json", "pages.jsonl.gz"]


def test_run_locks_are_objects_only_one_writer_gets(s3, s3_env):
    data = DataDir.from_env()
    data.write_bytes("runs/locked/raw/x/pages.jsonl.gz", b"")
    with open_run(data.run_location("locked"), "the transform of run locked"):
        with pytest.raises(RunLocked, match=r"the validation of run locked is already running \(pid \d+ on "):
            with open_run(data.run_location("locked"), "the validation of run locked"):
                pass
        assert data.exists("runs/locked/.run.lock")
    assert not data.exists("runs/locked/.run.lock")  # released
    # a holder that died without releasing (same host, its pid gone) is taken over
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import socket

    data.write_bytes("runs/locked/.run.lock", json.dumps({
        "host": socket.gethostname(), "pid": int(dead.stdout), "token": "x",
        "since": "2099-01-01T00:00:00+00:00"}).encode())
    with open_run(data.run_location("locked"), "the load of run locked") as run:
        assert run.remote and run.paths.root.is_dir()
    # a live holder elsewhere is respected until the lock's TTL
    data.write_bytes("runs/locked/.run.lock", json.dumps({
        "host": "another-worker", "pid": 1, "token": "y", "since": "2099-01-01T00:00:00+00:00"}).encode())
    with pytest.raises(RunLocked, match="pid 1 on another-worker"):
        with open_run(data.run_location("locked"), "the load of run locked"):
            pass


def test_a_missing_run_on_s3_is_one_line(s3, s3_env):
    proc = newsetl("transform", f"s3://{s3.bucket}/{PREFIX}/runs/no_such_run", env=s3_env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == f"newsetl transform: no run directory s3://{s3.bucket}/{PREFIX}/runs/no_such_run"


def test_unreachable_storage_is_one_line_and_nothing_is_loaded(s3, s3_env, tmp_path, pg_url):
    from devtools import refused_port

    upgraded = newsetl("db", "upgrade", env={config.ENV_DATABASE_URL: pg_url})
    assert upgraded.returncode == 0, upgraded.stderr
    with refused_port() as port, start_mirror() as mirror:
        down = f"http://127.0.0.1:{port}"
        env = {**s3_env, "AWS_ENDPOINT_URL_S3": down, config.ENV_DATABASE_URL: pg_url}
        env[config.ENV_BASE_URLS] = mirror.env_value()
        proc = newsetl("run", "--run-id", "never", env=env, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"newsetl run: object storage s3://{s3.bucket}/{PREFIX} (endpoint {down}): cannot "), line
    assert query(pg_url, "SELECT count(*) FROM news.articles") == [(0,)]
    assert query(pg_url, "SELECT count(*) FROM news.crawl_runs") == [(0,)]
    # a wrong bucket is one line too
    with pytest.raises(StorageUnavailable, match="no bucket 'no-such-bucket'"):
        DataDir("s3://no-such-bucket/x").check()


def test_a_shared_update_waits_for_the_lock_instead_of_failing(s3, s3_env):
    """Two crawls of one run merge the run's crawl report: the second waits for the first's
    lock object (held briefly), as the local fcntl path does, instead of failing the crawl."""
    import threading

    data = DataDir.from_env()
    held, released = threading.Event(), threading.Event()

    def holder():
        with data.lock("runs/shared/.crawl_report.lock", "the crawl report of run shared"):
            held.set()
            released.wait(10)

    t = threading.Thread(target=holder)
    t.start()
    assert held.wait(30)
    with pytest.raises(RunLocked):  # no wait: fails at once, as before
        with data.lock("runs/shared/.crawl_report.lock", "the crawl report of run shared"):
            pass
    threading.Timer(1.0, released.set).start()
    with data.lock("runs/shared/.crawl_report.lock", "the crawl report of run shared", wait=30):
        assert not t.is_alive() or released.is_set()  # taken only after the holder let go
    t.join()
