"""Reprocessing archived runs (no crawl): `newsetl reprocess`, `steps.reprocess_all`, the reprocess DAG's steps.

Against a real crawl of the mirror and a real Postgres: the archived run is left as it was,
the reprocess run loads nothing new when nothing changed, and a new extractor version
replaces every article's metrics (with the new version) without touching the articles.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import query

from core import config
from devtools import PAGES_DIR
from devtools.mirror import start_mirror
from newsetl import steps

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def archived(tmp_path_factory, pg_module_url):
    """One daily run crawled from the mirror and loaded: (data dir, database URL, its result)."""
    data = tmp_path_factory.mktemp("data")
    mp = pytest.MonkeyPatch()
    mp.setenv(config.ENV_DATA_DIR, str(data))
    mp.delenv(config.ENV_ALERT_EMAILS, raising=False)
    with start_mirror(pages_dir=PAGES_DIR) as mirror:
        mp.setenv(config.ENV_BASE_URLS, mirror.env_value())
        result = steps.run_all(run_id="daily_1", database_url=pg_module_url)
    yield data, pg_module_url, result
    mp.undo()


def test_reprocess_reloads_from_raw_pages_and_a_new_extractor_replaces_the_metrics(archived, monkeypatch):
    data, url, daily = archived
    monkeypatch.setenv(config.ENV_DATA_DIR, str(data))
    articles_before = query(url, "SELECT count(*), (SELECT count(*) FROM news.article_versions) FROM news.articles")
    assert daily["load"]["articles_inserted"] == articles_before[0][0] > 40
    # the transform staged every article's story print: the load copied them, computed none
    assert daily["load"]["stories_fingerprinted"] == articles_before[0][0]
    assert (daily["load"]["stories_computed"], daily["load"]["stories_malformed_prints"]) == (0, 0)

    [same] = steps.reprocess_all(["daily_1"], database_url=url)
    run_dir = Path(same["run_dir"])
    assert run_dir.name.startswith("reprocess__daily_1__") and "error" not in same
    assert same["transform"]["articles"] == daily["transform"]["articles"]
    assert same["load"]["articles_inserted"] == 0 and same["load"]["articles_unchanged"] == articles_before[0][0]
    assert json.loads((run_dir / "crawl_report.json").read_text())["reprocess_of"] == "daily_1"
    assert query(url, "SELECT count(*) FROM news.crawl_runs WHERE run_id = %s", (run_dir.name,)) == [(1,)]
    # the archived run is untouched: its own load result is still the daily one
    assert json.loads((data / "runs" / "daily_1" / "load_result.json").read_text())["run_id"] == "daily_1"

    import transforms.metrics

    monkeypatch.setattr(transforms.metrics, "EXTRACTOR_VERSION", "next-extractor")
    [newer] = steps.reprocess_all(["daily_1"], database_url=url)
    assert "error" not in newer and newer["load"]["articles_inserted"] == 0
    versions = query(url, "SELECT extractor_version, count(*) FROM news.metrics GROUP BY 1")
    assert versions == [("next-extractor", daily["load"]["metrics_loaded"])]
    assert newer["load"]["metrics_written"] == daily["load"]["metrics_loaded"] and same["load"]["metrics_written"] == 0
    assert query(url, "SELECT count(*), (SELECT count(*) FROM news.article_versions) FROM news.articles") \
        == articles_before  # same content: no new article versions


def test_select_runs_by_name_or_crawl_day_and_bad_requests(archived, monkeypatch):
    data, _url, _daily = archived
    monkeypatch.setenv(config.ENV_DATA_DIR, str(data))
    today = json.loads((data / "runs" / "daily_1" / "crawl_report.json").read_text())
    day = min(r["started_at"] for r in today["sources"].values())[:10]
    assert steps.select_runs(date_from=day, date_to=day) == ["daily_1"]  # reprocess runs are never selected
    assert steps.select_runs(date_from="2001-01-01", date_to="2001-12-31") == []
    assert steps.select_runs(["daily_1"]) == ["daily_1"]
    with pytest.raises(ValueError, match="no archived raw pages"):
        steps.select_runs(["no_such_run"])
    with pytest.raises(ValueError, match="name the runs"):
        steps.select_runs()


def test_cli_reprocess_one_line_errors(archived, tmp_path):
    data, url, _daily = archived
    env = {**__import__("os").environ, config.ENV_DATA_DIR: str(data), config.ENV_DATABASE_URL: url}
    cli = [sys.executable, "-m", "newsetl.cli", "reprocess"]
    unknown = subprocess.run([*cli, "no_such_run"], capture_output=True, text=True, env=env, timeout=120)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.strip().splitlines() == [
        "newsetl reprocess: run 'no_such_run' has no archived raw pages under " + str(data / "runs")]
    nothing = subprocess.run([*cli, "--from", "2001-01-01", "--to", "2001-01-02"], capture_output=True, text=True,
                             env=env, timeout=120)
    assert nothing.returncode == 2 and "nothing to reprocess" in nothing.stderr
    # a setting that cannot be right fails the reprocess before it starts, not the alert mail it would time
    runs_before = sorted((data / "runs").iterdir())
    bad = subprocess.run([*cli, "daily_1"], capture_output=True, text=True, timeout=120,
                         env={**env, config.ENV_SMTP_TIMEOUT: "10s"})
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.splitlines() == ["newsetl reprocess: NEWSETL_SMTP_TIMEOUT must be a number, got '10s'"]
    assert sorted((data / "runs").iterdir()) == runs_before
    as_json = subprocess.run([*cli, "daily_1", "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert as_json.returncode == 0, as_json.stderr[-2000:]
    [result] = json.loads(as_json.stdout)
    assert result["reprocess_of"] == "daily_1" and result["load"]["articles_inserted"] == 0
    summary = subprocess.run([*cli, "daily_1"], capture_output=True, text=True, env=env, timeout=300)
    assert summary.returncode == 0 and summary.stdout.startswith("reprocess of daily_1 -> ")
