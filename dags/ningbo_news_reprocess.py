"""Reprocess archived runs: re-transform, re-validate and re-load their raw pages, no crawl.

Wiring only: every task body calls a function in `newsetl.steps`, the same code path as
`newsetl reprocess`. Triggered by hand (no schedule), with params: `run_ids` (names of run
directories), or `date_from` / `date_to` (YYYY-MM-DD, the UTC day each crawl started).
Each selected run is reprocessed into a new run directory
`reprocess__<run>__<UTC stamp>` (the archived run stays as it was); articles whose
content changed get a new version, and an article's metrics are replaced when the
re-extraction changes them (with the current extractor version). Validation gates and
alerts are those of the daily DAG, but a run whose validation blocks fails its `load` task, not
`validate`, so the other runs' loads still run; `load` emits the warehouse Asset.
"""
from __future__ import annotations

import pendulum
from airflow.sdk import Param, dag, get_current_context, task

from newsetl import steps
from newsetl.alerts import task_failure_notifier
from newsetl.dag_defaults import (
    DEFAULT_ARGS,
    WAREHOUSE_ASSET,
    remember_run_dir,
    reprocess_load_task,
    reprocess_validate_task,
    select_runs_task,
    task_run_dir,
)


@dag(
    dag_id="ningbo_news_reprocess",
    schedule=None,
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    # the task-failure mail names the reprocess run directory the failed task worked on
    default_args={**DEFAULT_ARGS, "on_failure_callback": task_failure_notifier(run_dir_of=task_run_dir)},
    tags=["news", "ningbo", "etl", "reprocess"],
    params={
        "run_ids": Param([], type="array", items={"type": "string"},
                         description="run directories to reprocess (empty: use the date range)"),
        "date_from": Param(None, type=["null", "string"], format="date", description="first crawl day, UTC"),
        "date_to": Param(None, type=["null", "string"], format="date", description="last crawl day, UTC"),
    },
    doc_md=__doc__,
)
def ningbo_news_reprocess():
    @task
    def select_runs() -> list[str]:
        return select_runs_task(get_current_context())

    @task
    def prepare(archived_run: str) -> str:
        return steps.prepare_reprocess(archived_run)

    @task
    def transform(run_dir: str) -> dict:
        return {"run_dir": run_dir, **steps.transform(remember_run_dir(get_current_context(), run_dir))}

    @task
    def validate(staged: dict) -> dict:
        ctx = get_current_context()
        return reprocess_validate_task(remember_run_dir(ctx, staged["run_dir"]), dag_run_id=ctx["run_id"])

    @task(outlets=[WAREHOUSE_ASSET])
    def load(validated: dict) -> dict:
        ctx = get_current_context()
        remember_run_dir(ctx, validated["run_dir"])
        return reprocess_load_task(validated, dag_run_id=ctx["run_id"])

    run_dirs = prepare.expand(archived_run=select_runs())
    load.expand(validated=validate.expand(staged=transform.expand(run_dir=run_dirs)))


ningbo_news_reprocess()
