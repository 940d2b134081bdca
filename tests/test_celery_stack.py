"""CeleryExecutor for real: Redis, the scheduler, dag-processor, api-server and two Celery
workers (devtools/stack.py), the metadata database on Postgres, the project's dags/.

One run of `ningbo_scitech_news`, triggered through the REST API against the mirror of both
sites, must succeed; its two mapped crawl tasks must have run on different workers
(`task_instance.hostname` in the metadata database: each worker's task processes report the
worker's name), and the warehouse must hold the mirror's articles. The data dir is on object
storage (moto's S3 server on loopback, devtools/objectstore.py): the workers share nothing on
disk, each task pulls what it reads from the bucket and publishes what it writes, so the
bucket must hold both crawls' pages, the staged rows, the validation summary and the load result.
"""
from __future__ import annotations

import re
import time

import pytest
from conftest import fresh_database
from helpers import query

from core import config
from devtools import airflow_local
from devtools.mirror import FaultPlan, start_mirror
from devtools.objectstore import start_s3
from devtools.smtp_sink import start_sink
from devtools.stack import CeleryStack, StackConfig

pytestmark = pytest.mark.slow

RUN_TIMEOUT_S = 240


def workloads(worker_log: str, run_id: str) -> set[tuple[str, int]]:
    """(task_id, map_index) of each workload of the run a Celery worker logged executing."""
    pattern = (r"Executing workload in Celery:.*?log_path='dag_id=" + re.escape(airflow_local.DAG_ID)
               + "/run_id=" + re.escape(run_id) + r"/task_id=(\w+)/(?:map_index=(-?\d+)/)?attempt=")
    return {(t, int(i or -1)) for t, i in re.findall(pattern, worker_log)}


def most_held_at_once(worker_log: str) -> int:
    """The most tasks a Celery worker held at one time: +1 at each "received", -1 at each
    "succeeded"/"raised"/"failed" of `execute_workload`, in log order."""
    held = most = 0
    for event in re.findall(r"Task execute_workload\[[\w-]+\] (received|succeeded|raised|failed)", worker_log):
        held += 1 if event == "received" else -1
        most = max(most, held)
    return most


# One article of each site answers after 10 s, so that whichever crawl a worker takes first keeps it
# busy while the other is queued: without it a crawl could end before the scheduler queued the
# next, and the same worker could rightly take both (it did once in a fresh-clone run).
SLOW_ONE_PAGE_EACH = FaultPlan.parse("slow=10:/art/2019/8/18/art_933_1016946.html;"
                                     "slow=10:/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html")


@pytest.mark.timeout(480)
def test_one_run_on_two_celery_workers(tmp_path, pg_server_url):
    started = time.monotonic()
    with fresh_database(pg_server_url) as metadata_url, fresh_database(pg_server_url) as warehouse_url, \
            start_mirror(faults=SLOW_ONE_PAGE_EACH) as mirror, start_sink(tmp_path / "mail") as sink, \
            start_s3(tmp_path / "s3") as s3:
        cfg = StackConfig(home=tmp_path / "airflow", metadata_url=metadata_url, workers=("w1", "w2"), extra_env={
            config.ENV_DATABASE_URL: warehouse_url,
            **s3.env("stack"),  # NEWSETL_DATA_DIR=s3://<bucket>/stack: no directory shared by the workers
            config.ENV_WORK_DIR: str(tmp_path / "work"),
            config.ENV_BASE_URLS: mirror.env_value(),
            config.ENV_SMTP_CONN: sink.conn_uri,
            config.ENV_ALERT_EMAILS: "oncall@example.org",
        })
        with CeleryStack(cfg) as stack:
            run_id = stack.trigger(airflow_local.DAG_ID, {"run_id": "celery_run"})
            state = stack.wait_for_run(airflow_local.DAG_ID, run_id, RUN_TIMEOUT_S)
            assert state == "success", (f"run {run_id} ended {state}\n"
                                        + stack.task_states(airflow_local.DAG_ID, run_id) + "\n" + stack.logs_tail())
            logs = {w: (stack.log_dir / f"worker-{w}.log").read_text(errors="replace") for w in cfg.workers}
            ran = {w: workloads(log, run_id) for w, log in logs.items()}
        crawls = query(metadata_url, "SELECT map_index, hostname, state FROM task_instance "
                                     "WHERE dag_id = %s AND run_id = %s AND task_id = 'crawl' ORDER BY map_index",
                       (airflow_local.DAG_ID, run_id))
        by_source = dict(query(warehouse_url, "SELECT source, count(*) FROM news.articles GROUP BY 1"))
        keys = set(s3.keys("stack/runs/celery_run"))
    print(f"celery stack: run {run_id} {state} in {time.monotonic() - started:.0f} s; crawls {crawls}")
    assert [c[2] for c in crawls] == ["success", "success"]
    # concurrency 1 and worker_disable_prefetch (newsetl/celery_config.py): a busy worker never
    # reserves the next task, which would leave the other worker idle
    assert {w: most_held_at_once(log) for w, log in logs.items()} == {w: 1 for w in cfg.workers}
    hosts = {c[1] for c in crawls}
    assert hosts == {"w1.localhost", "w2.localhost"}, f"the mapped crawls did not run on both workers: {crawls}"
    # and each Celery worker's own log shows it executed that crawl's workload, and no other crawl
    for map_index, host, _ in crawls:
        worker = host.split(".")[0]
        assert ("crawl", map_index) in ran[worker], f"{worker} did not log crawl[{map_index}]: {ran}"
    assert all(len([t for t in r if t[0] == "crawl"]) == 1 for r in ran.values()), ran
    assert by_source.get("ningbo_gov", 0) >= 21 and by_source.get("ningbolife", 0) >= 22, by_source
    run = "stack/runs/celery_run/"
    for name in ("raw/ningbo_gov/pages.jsonl.gz", "raw/ningbolife/pages.jsonl.gz", "crawl_report.json",
                 "staged/articles.jsonl", "validation/summary.json", "load_result.json"):
        assert run + name in keys, f"{name} is not in the bucket: {sorted(keys)}"
    assert not (tmp_path / "data").exists() and list((tmp_path / "work").iterdir()) == []
