"""Ningbo sci-tech news: crawl -> transform -> validate -> load, once a day.

Wiring only: every task body calls a function in `newsetl.steps`, the same code path as
`newsetl run`. Tasks pass the run directory and counts, never page payloads.

The run directory is a path, or its URL when NEWSETL_DATA_DIR is object storage
(s3://bucket/prefix): each task then pulls what it reads and publishes what it writes
(core.rundir.open_run), so the tasks of one run may run on different workers.

Run conf (optional): {"run_id": "<name of the run directory>", "full": true,
"since": "YYYY-MM-DD"} — by default the run directory is named after the DAG run and
crawls are incremental; "since" backfills listings back to that day. A run id names one
crawl: a DAG run with the run id of a run that was loaded already fails `prepare_run` at once
(no retry, nothing written; reprocess archived runs with ningbo_news_reprocess), and a cleared
or retried task reuses each source whose crawl into the run finished (only unfinished crawls run
again).
Rows failing a critical expectation are quarantined and on-call is mailed once per run;
a whole-batch failure fails `validate` at once (bad data: no retry) and blocks `load`,
while a transient error in `validate` (warehouse or relay down) is retried like any task;
the alert outbox keeps a retried validation to one mail. Any task that fails after its
retries mails on-call a "task failure" on `smtp_default` (`newsetl.alerts.task_failure_notifier`).
`load` emits the warehouse Asset (newsetl.dag_defaults.WAREHOUSE_ASSET), as the reprocess
DAG's load does.
"""
from __future__ import annotations

import pendulum
from airflow.sdk import dag, get_current_context, task

from core.sources import load_sources
from newsetl import steps
from newsetl.alerts import task_failure_notifier
from newsetl.dag_defaults import DEFAULT_ARGS, WAREHOUSE_ASSET, daily_run_dir, prepare_run_task, validate_task

SOURCES = sorted(load_sources())  # the site registry (package data): a local file read, no network


@dag(
    dag_id="ningbo_scitech_news",
    schedule="0 6 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    # the task-failure mail names this DAG run's run directory (the path on-call's commands take)
    default_args={**DEFAULT_ARGS, "on_failure_callback": task_failure_notifier(run_dir_of=daily_run_dir)},
    tags=["news", "ningbo", "etl"],
    doc_md=__doc__,
)
def ningbo_scitech_news():
    @task
    def prepare_run() -> str:
        return prepare_run_task(get_current_context())

    @task(map_index_template="{{ crawl_source }}")
    def crawl(run_dir: str, source: str) -> dict:
        from airflow.sdk.exceptions import AirflowFailException

        ctx = get_current_context()
        ctx["crawl_source"] = source  # names the mapped task: Airflow's UI, the task-failure mail's subject
        conf = ctx["dag_run"].conf or {}
        try:  # a source whose crawl into this run finished is reused (a cleared task), not crawled again
            return steps.crawl(run_dir, source, full=bool(conf.get("full", False)), since=conf.get("since"))
        except steps.RunAlreadyLoaded as exc:
            raise AirflowFailException(str(exc)) from exc

    @task
    def transform(run_dir: str, crawl_reports: list[dict]) -> dict:
        return {"run_dir": run_dir, **steps.transform(run_dir)}

    @task
    def validate(staged: dict) -> dict:
        return validate_task(staged["run_dir"], dag_run_id=get_current_context()["run_id"])

    @task(outlets=[WAREHOUSE_ASSET])
    def load(validated: dict) -> dict:
        return steps.load(validated["run_dir"], dag_run_id=get_current_context()["run_id"])

    run_dir = prepare_run()
    reports = crawl.partial(run_dir=run_dir).expand(source=SOURCES)
    load(validate(transform(run_dir, reports)))


ningbo_scitech_news()
