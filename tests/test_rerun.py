"""A run id names one crawl: a run directory that holds a finished crawl or a load is never crawled
over again.

`airflow dags test ningbo_scitech_news ... -c '{"run_id": "<a loaded run>"}'` (or `newsetl run
--run-id` with it) re-crawled into the run: its raw pages held 0 lines afterwards (the loaded ones
only in raw/.attempts/), load_result.json and the run's news.crawl_runs counts were overwritten
(48 inserted -> 0), and `newsetl reprocess` of it then transformed 0 pages, exit 0. The real DAG
case is in tests/test_end_to_end.py; these are the steps and the CLI on local run directories.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from core import config
from core.rundir import RunPaths, read_jsonl, write_json, write_jsonl
from newsetl import steps

NEWSETL = str(Path(os.sys.executable).with_name("newsetl"))
ARTICLE = {"kind": "article", "status": 200, "source": "ningbolife", "url": "http://www.ningbolife.com/a.html",
           "html": "<html></html>"}


def _crawled(data: Path, run_id: str, source: str = "ningbolife", pages: list[dict] | None = None,
             finish_reason: str = "finished") -> RunPaths:
    paths = RunPaths(data / "runs" / run_id).make()
    write_jsonl(paths.pages(source), [ARTICLE] if pages is None else pages)
    write_json(paths.source_crawl_report(source), {"source": source, "finish_reason": finish_reason,
                                                   "finished_at": "2026-12-02T14:38:00+00:00",
                                                   "articles": {"new": 1, "unchanged": 0, "failed": 0}})
    return paths


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture()
def no_crawl(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The crawl process: recorded, never started (and no warehouse asked for its seen-set)."""
    import crawlers.run

    calls: list[Any] = []

    def fake(source, out, **kwargs):
        calls.append(source.name)
        return {"source": source.name, "finish_reason": "finished", "articles": {"new": 0}}

    monkeypatch.setattr(crawlers.run, "run_crawl_subprocess", fake)
    return calls


def test_prepare_run_refuses_a_run_that_was_loaded_and_writes_nothing(data: Path) -> None:
    paths = _crawled(data, "demo__20261202T143759Z")
    write_json(paths.load_result, {"articles_inserted": 48})
    before = sorted(p.relative_to(paths.root) for p in paths.root.rglob("*"))
    with pytest.raises(steps.RunAlreadyLoaded) as refused:
        steps.prepare_run("demo__20261202T143759Z")
    message = str(refused.value)
    assert message.startswith(f"run demo__20261202T143759Z was loaded already ({paths.load_result})")
    assert "`newsetl reprocess demo__20261202T143759Z`" in message and "\n" not in message
    assert sorted(p.relative_to(paths.root) for p in paths.root.rglob("*")) == before
    # a run not loaded yet (a DAG run cleared after a failure) is prepared again
    _crawled(data, "failed_run")
    assert steps.prepare_run("failed_run") == str(data / "runs" / "failed_run")


def test_a_finished_crawl_is_reused_not_crawled_over(data: Path, no_crawl: list[Any]) -> None:
    paths = _crawled(data, "r1")
    report = steps.crawl(str(paths.root), "ningbolife", seen_from_warehouse=False)
    assert report["reused"] is True and report["finish_reason"] == "finished" and no_crawl == []
    assert [p["url"] for p in read_jsonl(paths.pages("ningbolife"))] == [ARTICLE["url"]]
    assert not paths.attempts().exists()
    # the CLI's default: refused, one line; --again crawls anew
    with pytest.raises(steps.CrawlFinished, match=r"^run r1 already holds a finished crawl of ningbolife \(finished "):
        steps.crawl(str(paths.root), "ningbolife", seen_from_warehouse=False, if_finished="refuse")
    steps.crawl(str(paths.root), "ningbolife", seen_from_warehouse=False, if_finished="again")
    assert no_crawl == ["ningbolife"]


@pytest.mark.parametrize("finish_reason", ["shutdown", None])
def test_a_crawl_that_did_not_finish_is_crawled_again(data: Path, no_crawl: list[Any],
                                                      finish_reason: str | None) -> None:
    """A cleared or retried crawl task of a run whose crawl failed, was killed or ended early continues."""
    paths = _crawled(data, "r2", finish_reason=finish_reason or "finished")
    if finish_reason is None:  # killed: no report of this attempt
        paths.source_crawl_report("ningbolife").unlink()
    steps.crawl(str(paths.root), "ningbolife", seen_from_warehouse=False)
    assert no_crawl == ["ningbolife"]


def test_no_crawl_goes_into_a_loaded_run(data: Path, no_crawl: list[Any]) -> None:
    paths = _crawled(data, "r3", source="ningbo_gov")
    write_json(paths.load_result, {"articles_inserted": 26})
    with pytest.raises(steps.RunAlreadyLoaded, match=r"^run r3 was loaded already .*\(source ningbolife\)"):
        steps.crawl(str(paths.root), "ningbolife", seen_from_warehouse=False)
    with pytest.raises(steps.RunAlreadyLoaded):
        steps.crawl(str(paths.root), "ningbo_gov", seen_from_warehouse=False, if_finished="again")
    assert no_crawl == [] and not paths.source_raw("ningbolife").exists()


def test_reprocess_of_a_run_whose_raw_pages_hold_no_article_says_so(data: Path, caplog) -> None:
    empty = _crawled(data, "emptied", source="ningbo_gov", pages=[])
    kept = empty.attempts() / "ningbo_gov-20261208T010203000000Z"
    write_jsonl(kept / "pages.jsonl.gz", [ARTICLE])
    _crawled(data, "listings_only", pages=[{"kind": "listing", "status": 200, "url": "http://x/list"}])
    _crawled(data, "good")
    with pytest.raises(ValueError) as refused:
        steps.select_runs(["emptied"])
    assert str(refused.value) == (
        "run emptied has no article page to reprocess: its raw pages (raw/ningbo_gov/pages.jsonl.gz) hold none "
        "(a crawl that found nothing new, or a later crawl into the run that fetched nothing); earlier crawls of "
        f"it are kept under {empty.attempts()}/ (ningbo_gov-20261208T010203000000Z); nothing done")
    with pytest.raises(ValueError, match="^run listings_only has no article page to reprocess"):
        steps.select_runs(["listings_only"])
    assert steps.select_runs(["good"]) == ["good"]
    with caplog.at_level("WARNING"):
        assert steps.select_runs(date_from="2000-01-01") == ["good"]
    assert "skipped: run emptied has no article page" in caplog.text


def test_reprocess_by_dates_names_only_empty_runs_of_its_days(data: Path, caplog) -> None:
    """`newsetl reprocess --from 2099-01-01` warned "skipped: run R has no article page" for runs
    crawled on other days (and read every archive of the data dir to find out): the day decides first."""
    _crawled(data, "emptied", pages=[])
    _crawled(data, "good")
    with caplog.at_level("WARNING"):
        assert steps.select_runs(date_from="2001-01-01", date_to="2001-01-02") == []
    assert "emptied" not in caplog.text


def test_cli_run_and_reprocess_refuse_in_one_line(data: Path) -> None:
    paths = _crawled(data, "loaded_run")
    write_json(paths.load_result, {"articles_inserted": 48})
    _crawled(data, "emptied", pages=[])
    env = {**os.environ, config.ENV_DATA_DIR: str(data), "GX_ANALYTICS_ENABLED": "false",
           config.ENV_DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none"}  # never reached
    run = subprocess.run([NEWSETL, "run", "--run-id", "loaded_run", "--source", "ningbolife"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("newsetl run: run loaded_run was loaded already (") and run.stderr.count("\n") == 1
    assert json.loads(paths.load_result.read_text()) == {"articles_inserted": 48}
    again = subprocess.run([NEWSETL, "reprocess", "emptied"], env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and again.stderr.startswith(
        "newsetl reprocess: run emptied has no article page to reprocess") and again.stderr.count("\n") == 1
    assert not list(data.glob("runs/reprocess__*"))


@pytest.mark.parametrize(("args", "settings", "said"), [
    (["reprocess", "nosuch"], {}, "newsetl reprocess: run 'nosuch' has no archived raw pages under {runs}"),
    (["run", "--source", "nosuch"], {},
     "newsetl run: unknown source ['nosuch']; known: ['ningbo_gov', 'ningbolife']"),
    # read only when an alert was due: the run crawled and validated, then the alert mail itself failed
    (["run", "--source", "ningbolife"], {config.ENV_SMTP_TIMEOUT: "abc"},
     "newsetl run: NEWSETL_SMTP_TIMEOUT must be a number, got 'abc'"),
    (["run"], {config.ENV_DB_STATEMENT_TIMEOUT: "-1"},
     "newsetl run: NEWSETL_DB_STATEMENT_TIMEOUT must be whole seconds in [0, 86400], got '-1'"),
], ids=["reprocess", "run", "smtp-timeout", "statement-timeout"])
def test_a_mistyped_run_source_or_setting_creates_no_warehouse(tmp_path: Path, args: list[str],
                                                               settings: dict[str, str], said: str) -> None:
    """`NEWSETL_HOME=DIR newsetl reprocess nosuch` (a mistyped run id, or the wrong state directory), or
    `newsetl run --source nosuch`, created an embedded Postgres cluster in DIR, left it running and only
    then said the run or source is unknown: the arguments, and the settings, are checked before the
    warehouse is looked for and before a run directory exists."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in (config.ENV_DATABASE_URL, config.ENV_DATA_DIR, "AIRFLOW_CONN_NEWS_WAREHOUSE")}
    env.update({config.ENV_HOME: str(home), "GX_ANALYTICS_ENABLED": "false", **settings})
    try:
        done = subprocess.run([NEWSETL, *args], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.splitlines() == [said.format(runs=home / "data" / "runs")]
        assert not (home / "pg").exists() and not (home / "data" / "runs").exists()
    finally:
        if (home / "pg").exists():
            subprocess.run([NEWSETL, "db", "stop"], env=env, capture_output=True, timeout=120)
