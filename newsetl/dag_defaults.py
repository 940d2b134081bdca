"""What every DAG of the project shares: task defaults and the warehouse Asset.

Imported by the DAG files only (parse time: no GX, Scrapy or psycopg2 here).
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from airflow.sdk import Asset

from core import config
from newsetl import steps
from newsetl.alerts import task_failure_notifier

# Emitted by the load task of every DAG that writes the warehouse: a consumer DAG can be
# scheduled on it (schedule=[WAREHOUSE_ASSET]). The URI names the tables, not a server.
WAREHOUSE_ASSET = Asset(uri="postgres://warehouse:5432/newsetl/news/articles", name="ningbo_news_warehouse")

DEFAULT_ARGS = {
    "owner": "data-engineering",
    "retries": 2,
    "retry_delay": timedelta(seconds=config.task_retry_delay()),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": task_failure_notifier(),
}


def daily_run_id(context: Any) -> str:
    """The run id of a `ningbo_scitech_news` DAG run: its conf's "run_id", else the DAG run's id
    (made safe for a directory name by steps.prepare_run / core.rundir.run_location)."""
    dag_run = context.get("dag_run")
    conf = getattr(dag_run, "conf", None) or {}
    return str(conf.get("run_id") or context.get("run_id") or getattr(dag_run, "run_id", ""))


def daily_run_dir(context: Any) -> str | None:
    """The run directory of a `ningbo_scitech_news` DAG run (a path or URL under NEWSETL_DATA_DIR),
    as its prepare_run task computes it; for the task-failure mail (nothing is created)."""
    from core.rundir import run_location

    try:
        return run_location(daily_run_id(context))
    except ValueError:  # no usable run id: the mail says so rather than failing the callback
        return None


# Where a task of the reprocess DAG keeps the run directory it works on, in its context, for the
# task-failure mail: each mapped task there works on its own reprocess run, which no DAG-level rule can
# tell (the daily DAG's run directory follows from its run id: daily_run_dir).
RUN_DIR_KEY = "newsetl_run_dir"


def remember_run_dir(context: Any, run_dir: str) -> str:
    """Keep `run_dir` in the running task's context (for task_run_dir); returns it."""
    context[RUN_DIR_KEY] = run_dir
    return run_dir


def task_run_dir(context: Any) -> str | None:
    """The run directory the failed task kept with remember_run_dir (None: it failed before it knew one)."""
    run_dir = context.get(RUN_DIR_KEY)
    return str(run_dir) if run_dir else None


def prepare_run_task(context: Any) -> str:
    """The `prepare_run` task of the daily DAG: a run that was loaded already, or a conf that cannot
    be right (steps.check_run_conf: an unknown key, "since" not a day up to today), fails the task
    without retry (AirflowFailException: a new DAG run with the run id of a loaded run is refused,
    not re-crawled into it; a bad "since" was retried in each crawl task; retrying cannot change that)."""
    from airflow.sdk.exceptions import AirflowFailException

    try:
        steps.check_run_conf(getattr(context.get("dag_run"), "conf", None) or {})
        config.check_settings()  # a bad NEWSETL_* number fails the run here, once, not the alert hours later
        return steps.prepare_run(daily_run_id(context))
    except (steps.RunAlreadyLoaded, ValueError) as exc:  # a wrong conf or run id: retrying cannot help
        raise AirflowFailException(str(exc)) from exc


def select_runs_task(context: Any) -> list[str]:
    """The `select_runs` task of the reprocess DAG: the archived runs its params name. A wrong param,
    a bad NEWSETL_* setting (config.check_settings) or no matching run fails the task without retry
    (AirflowFailException: retrying cannot change them)."""
    from airflow.sdk.exceptions import AirflowFailException

    params = context["params"]
    try:
        runs = steps.select_runs(params.get("run_ids") or None, params.get("date_from"), params.get("date_to"))
        config.check_settings()
    except ValueError as exc:
        raise AirflowFailException(str(exc)) from exc
    if not runs:
        raise AirflowFailException("no archived run matches the params: nothing to reprocess")
    return runs


def reprocess_validate_task(run_dir: str, dag_run_id: str) -> dict[str, Any]:
    """The reprocess DAG's `validate`: a blocked run is passed on as blocked (its load task fails),
    not failed here. Its load is mapped over every validate's result, so a failed validate left every
    other reprocessed run validated and never loaded (upstream_failed); `newsetl reprocess` goes on
    with the others, and so does the DAG now. Any other error is retried as in `validate_task`."""
    try:
        summary = steps.validate(run_dir, dag_run_id=dag_run_id)
    except steps.ValidationGateFailed as exc:
        return {"run_dir": run_dir, "blocked": str(exc)}
    return _validated(run_dir, summary)


def reprocess_load_task(validated: dict[str, Any], dag_run_id: str) -> dict[str, Any]:
    """The reprocess DAG's `load`: a run whose validation blocked fails this task without retry, with
    the validation's message (which says the alert was mailed: no task-failure mail on top)."""
    from airflow.sdk.exceptions import AirflowFailException

    if validated.get("blocked"):
        raise AirflowFailException(str(validated["blocked"]))
    return steps.load(validated["run_dir"], dag_run_id=dag_run_id)


def validate_task(run_dir: str, dag_run_id: str) -> dict[str, Any]:
    """The `validate` task of both DAGs: a failed batch fails the task without retry
    (AirflowFailException: retrying cannot fix bad data); any other error is retried."""
    from airflow.sdk.exceptions import AirflowFailException

    try:
        summary = steps.validate(run_dir, dag_run_id=dag_run_id)
    except steps.ValidationGateFailed as exc:
        raise AirflowFailException(str(exc)) from exc
    return _validated(run_dir, summary)


def _validated(run_dir: str, summary: dict[str, Any]) -> dict[str, Any]:
    """What a `validate` task hands its `load` (XCom)."""
    return {"run_dir": run_dir, "data_docs": summary.get("data_docs"),
            "articles_accepted": summary["articles_accepted"],
            "quarantined": summary["articles_quarantined"] + summary["metrics_quarantined"]}
