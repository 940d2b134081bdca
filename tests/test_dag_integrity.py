"""The DAG file imports cleanly in a real DagBag and is wired as documented."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory):
    os.environ.setdefault("AIRFLOW_HOME", str(tmp_path_factory.mktemp("airflow_home")))
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags"))


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}
    assert {"ningbo_scitech_news", "ningbo_news_reprocess"} <= set(dagbag.dags)


def test_flow_is_crawl_transform_validate_load(dagbag):
    dag = dagbag.dags["ningbo_scitech_news"]
    assert set(dag.task_ids) == {"prepare_run", "crawl", "transform", "validate", "load"}
    assert dag.get_task("crawl").upstream_task_ids == {"prepare_run"}
    assert dag.get_task("transform").upstream_task_ids == {"prepare_run", "crawl"}
    assert dag.get_task("validate").upstream_task_ids == {"transform"}
    assert dag.get_task("load").upstream_task_ids == {"validate"}


def test_schedule_tags_and_no_catchup(dagbag):
    dag = dagbag.dags["ningbo_scitech_news"]
    assert dag.schedule == "0 6 * * *" or str(dag.timetable.summary) == "0 6 * * *"
    assert dag.catchup is False and dag.max_active_runs == 1
    assert {"news", "ningbo", "etl"} <= set(dag.tags)


@pytest.mark.parametrize("dag_id", ["ningbo_scitech_news", "ningbo_news_reprocess"])
def test_retries_and_failure_mail_on_every_task(dagbag, dag_id):
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    dag = dagbag.dags[dag_id]
    for task in dag.tasks:
        assert task.retries == 2, task.task_id  # transient errors retry; bad data fails fast (below)
        callbacks = task.on_failure_callback
        callbacks = callbacks if isinstance(callbacks, list) else [callbacks]
        assert any(isinstance(cb, SmtpNotifier) for cb in callbacks), task.task_id
        notifier = next(cb for cb in callbacks if isinstance(cb, SmtpNotifier))
        assert notifier.smtp_conn_id == "smtp_default"


def test_reprocess_dag_is_manual_with_params_and_both_loads_emit_the_warehouse_asset(dagbag):
    from newsetl.dag_defaults import WAREHOUSE_ASSET

    dag = dagbag.dags["ningbo_news_reprocess"]
    assert type(dag.timetable).__name__ == "NullTimetable"  # schedule=None: triggered by hand
    assert set(dag.params) == {"run_ids", "date_from", "date_to"} and dag.params["run_ids"] == []
    assert set(dag.task_ids) == {"select_runs", "prepare", "transform", "validate", "load"}
    assert dag.get_task("prepare").upstream_task_ids == {"select_runs"}
    assert dag.get_task("load").upstream_task_ids == {"validate"}
    assert not {"crawl"} & set(dag.task_ids)  # no crawl: archived raw pages only
    for dag_id in ("ningbo_scitech_news", "ningbo_news_reprocess"):
        outlets = dagbag.dags[dag_id].get_task("load").outlets
        assert [o.uri for o in outlets] == [WAREHOUSE_ASSET.uri], dag_id
        assert all(t.execution_timeout for t in dagbag.dags[dag_id].tasks), dag_id


def _validate_callable(dagbag, monkeypatch, error, dag_id="ningbo_scitech_news"):
    """The validate task's body, as the DagBag loaded it, with steps.validate raising `error`."""
    body = dagbag.dags[dag_id].get_task("validate").python_callable
    monkeypatch.setitem(body.__globals__, "get_current_context", lambda: {"run_id": "manual__t"})

    def failing(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(body.__globals__["steps"], "validate", failing)
    return body


@pytest.mark.parametrize("dag_id", ["ningbo_scitech_news", "ningbo_news_reprocess"])
def test_a_failed_batch_fails_without_retry_and_a_transient_error_retries(dagbag, monkeypatch, dag_id):
    """The daily DAG fails `validate`; the reprocess DAG passes the blocked run on and fails its `load`
    (its mapped load waits for every validate: tests/test_reprocess_dag.py)."""
    from airflow.sdk.exceptions import AirflowFailException

    from newsetl import steps

    body = _validate_callable(dagbag, monkeypatch, steps.ValidationGateFailed("batch blocked"), dag_id)
    if dag_id == "ningbo_scitech_news":
        with pytest.raises(AirflowFailException, match="batch blocked"):  # no retry for bad data
            body({"run_dir": "/nonexistent"})
    else:
        validated = body({"run_dir": "/nonexistent"})
        assert validated == {"run_dir": "/nonexistent", "blocked": "batch blocked"}
        load = dagbag.dags[dag_id].get_task("load").python_callable
        monkeypatch.setitem(load.__globals__, "get_current_context", lambda: {"run_id": "manual__t"})
        with pytest.raises(AirflowFailException, match="batch blocked"):  # no retry for bad data
            load(validated)
    body = _validate_callable(dagbag, monkeypatch, ConnectionError("warehouse down"), dag_id)
    with pytest.raises(ConnectionError):  # an ordinary failure: Airflow retries it
        body({"run_dir": "/nonexistent"})


@pytest.mark.parametrize(("conf", "message"), [
    ({"since": "2099-01-01"}, "is after today"),
    ({"since": "2026/11/01"}, "since: expected YYYY-MM-DD"),
    ({"sinse": "2026-11-01"}, "unknown key 'sinse'"),
    ({"full": "yes"}, "full must be true or false"),
    ({"run_id": ""}, "run_id must be a non-empty string"),
])
def test_a_run_conf_that_cannot_be_right_fails_the_first_task_without_retry(tmp_path, monkeypatch, conf, message):
    """A conf with "since" in the future was retried in each crawl task like a transient error (two
    retries, minutes apart), then mailed once per source; a typo'd key was ignored (a full crawl ran
    instead of the backfill). prepare_run refuses it: no retry, nothing created, one failure mail."""
    from types import SimpleNamespace

    from airflow.sdk.exceptions import AirflowFailException

    from newsetl.dag_defaults import prepare_run_task

    monkeypatch.setenv("NEWSETL_DATA_DIR", str(tmp_path / "data"))
    context = {"dag_run": SimpleNamespace(conf=conf, run_id="manual__1"), "run_id": "manual__1"}
    with pytest.raises(AirflowFailException) as refused:
        prepare_run_task(context)
    assert message in str(refused.value)
    assert not (tmp_path / "data").exists()
    ok = {"dag_run": SimpleNamespace(conf={"since": "2026-11-01", "full": True}, run_id="manual__2"),
          "run_id": "manual__2"}
    assert prepare_run_task(ok).endswith("manual__2")  # a right conf prepares the run


def test_a_bad_setting_fails_the_first_task_of_either_dag_without_retry(tmp_path, monkeypatch):
    """A bad NEWSETL_SMTP_TIMEOUT was read only when an alert was due: the run crawled, validated and
    then failed the one mail on-call needed. Both DAGs' first task checks every numeric setting."""
    from types import SimpleNamespace

    from airflow.sdk.exceptions import AirflowFailException

    from newsetl.dag_defaults import prepare_run_task, select_runs_task

    monkeypatch.setenv("NEWSETL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSETL_SMTP_TIMEOUT", "0")
    context = {"dag_run": SimpleNamespace(conf={}, run_id="manual__1"), "run_id": "manual__1"}
    with pytest.raises(AirflowFailException, match=r"^NEWSETL_SMTP_TIMEOUT must be in \(0, 600\] seconds, got '0'$"):
        prepare_run_task(context)
    assert not (tmp_path / "data").exists()
    params = {"params": {"run_ids": ["daily_1"], "date_from": None, "date_to": None}}
    monkeypatch.setattr("newsetl.steps.select_runs", lambda run_ids, date_from, date_to: list(run_ids))
    with pytest.raises(AirflowFailException, match="^NEWSETL_SMTP_TIMEOUT must be in"):
        select_runs_task(params)
    monkeypatch.delenv("NEWSETL_SMTP_TIMEOUT")
    assert select_runs_task(params) == ["daily_1"] and prepare_run_task(context).endswith("manual__1")


def test_dag_file_only_wires_steps():
    """No heavy imports or I/O at parse time: the DAG module imports neither GX, Scrapy nor psycopg2."""
    text = (ROOT / "dags" / "ningbo_scitech_news.py").read_text()
    for heavy in ("great_expectations", "scrapy", "psycopg2", "pandas", "Variable.get"):
        assert heavy not in text
