"""`airflow dags test ningbo_news_reprocess` over two archived runs, one of which blocks on
re-validation: the other is loaded all the same (what `newsetl reprocess` does, and what the
README says of both), and on-call gets the blocked run's validation alert, not also a task failure.

Real parts: the mirror (one copy with leaked boilerplate on every gov article), real Scrapy crawls,
real Airflow on SQLite metadata, real GX, a real Postgres and a real SMTP server on loopback.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import config
from devtools import PAGES_DIR, airflow_local
from devtools.mirror import FaultPlan, start_mirror
from devtools.smtp_sink import start_sink

pytestmark = pytest.mark.slow


def test_one_blocked_run_does_not_keep_the_reprocess_dag_from_loading_the_others(tmp_path: Path, pg_url: str) -> None:
    """`load.expand(validated=validate.expand(...))`: the mapped load waited for every validate, so one
    run whose re-validation blocked (its validate failed) left every other run validated, never loaded
    (upstream_failed) and absent from `newsetl runs`."""
    from newsetl import steps

    mp = pytest.MonkeyPatch()
    try:
        mp.setenv(config.ENV_DATA_DIR, str(tmp_path / "data"))
        with start_mirror(pages_dir=PAGES_DIR) as clean:
            mp.setenv(config.ENV_BASE_URLS, clean.env_value())
            steps.crawl(steps.prepare_run("good_1"), "ningbolife", seen_from_warehouse=False)
        with start_mirror(pages_dir=PAGES_DIR, faults=FaultPlan.parse("mutate=boilerplate:ningbo_gov:/art/*")) as bad:
            mp.setenv(config.ENV_BASE_URLS, bad.env_value())
            steps.crawl(steps.prepare_run("bad_1"), "ningbo_gov", seen_from_warehouse=False)
    finally:
        mp.undo()
    with start_sink(tmp_path / "mail") as sink:
        env = airflow_local.airflow_env(tmp_path / "airflow", {
            config.ENV_DATABASE_URL: pg_url,
            config.ENV_DATA_DIR: str(tmp_path / "data"),
            config.ENV_SMTP_CONN: sink.conn_uri,
            config.ENV_ALERT_EMAILS: "oncall@example.org",
            config.ENV_TASK_RETRY_DELAY: "1",
        })
        log = tmp_path / "airflow.log"
        airflow_local.migrate(env, log)
        rc = airflow_local.dags_test(env, "2026-11-20", log, conf={"run_ids": ["bad_1", "good_1"]},
                                     dag_id=airflow_local.REPROCESS_DAG_ID)
        mails = sink.messages()

    assert rc != 0, airflow_local.task_states(log)  # the DAG run still fails: one run was blocked
    runs = tmp_path / "data" / "runs"
    [good] = runs.glob("reprocess__good_1__*")
    [blocked] = runs.glob("reprocess__bad_1__*")
    assert (good / "load_result.json").exists(), airflow_local.task_states(log)
    assert json.loads((good / "load_result.json").read_text())["articles_inserted"] == 22
    assert not (blocked / "load_result.json").exists()
    assert json.loads((blocked / "validation" / "summary.json").read_text())["batch_failed"] is True
    subjects = [" ".join(str(m["Subject"]).split()) for m in mails]
    assert len(subjects) == 1 and subjects[0].startswith("[newsetl] load blocked: ningbo_gov"), subjects
