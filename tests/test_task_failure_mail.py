"""A task that fails after its retries under real Airflow (`airflow dags test`) mails on-call
through the DAG's on_failure_callback (newsetl.alerts.task_failure_notifier): one mail per failed
task, with its source, the tries, the error (password hidden) and the link to the task's log.

The warehouse is a closed port, so each source's crawl task (incremental: it asks the warehouse
what is stored) fails three times; the tasks after it never run and are not mailed.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from core import config
from devtools import PAGES_DIR, airflow_local
from devtools.mirror import start_mirror
from devtools.smtp_sink import start_sink

pytestmark = pytest.mark.slow

PASSWORD = "s3cret-pw"


def _fail_the_crawls(tmp: Path, recipients: str, conf: dict[str, Any] | None = None) -> dict[str, Any]:
    """`airflow dags test` of the daily DAG with the warehouse on a closed port: every crawl task fails
    after its retries; the mails the sink caught, the exit code and the Airflow log."""
    with start_mirror(pages_dir=PAGES_DIR) as mirror, start_sink(tmp / "mail") as sink:
        env = airflow_local.airflow_env(tmp / "airflow", {
            config.ENV_DATABASE_URL: f"postgresql://news_loader:{PASSWORD}@127.0.0.1:1/news",
            config.ENV_DATA_DIR: str(tmp / "data"),
            config.ENV_BASE_URLS: mirror.env_value(),
            config.ENV_SMTP_CONN: sink.conn_uri,
            config.ENV_ALERT_EMAILS: recipients,
            config.ENV_TASK_RETRY_DELAY: "1",
        })
        log = tmp / "airflow.log"
        airflow_local.migrate(env, log)
        rc = airflow_local.dags_test(env, "2026-11-20", log, conf=conf)
        mails = sink.messages()
    return {"rc": rc, "mails": mails, "log": log, "data": tmp / "data"}


@pytest.fixture(scope="module")
def failed_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # no run_id in the conf: the run directory is named after the DAG run id, made safe
    return _fail_the_crawls(tmp_path_factory.mktemp("task_failure"), "oncall@example.org")


def _text(mail: Any) -> str:
    return mail.get_body(preferencelist=("plain",)).get_content()


def _html(mail: Any) -> str:
    return mail.get_body(preferencelist=("html",)).get_content()


def test_each_failed_crawl_task_mails_once_with_its_source_tries_and_log_link(failed_run: dict[str, Any]) -> None:
    assert failed_run["rc"] != 0, airflow_local.task_states(failed_run["log"])
    mails = failed_run["mails"]
    subjects = sorted(" ".join(str(m["Subject"]).split()) for m in mails)
    assert [re.sub(r"\(run .*\)$", "(run R)", s) for s in subjects] == [
        "[newsetl] task failure: crawl of ningbo_gov in ningbo_scitech_news (run R)",
        "[newsetl] task failure: crawl of ningbolife in ningbo_scitech_news (run R)",
    ], airflow_local.task_states(failed_run["log"])
    for mail in mails:
        text, html = _text(mail), _html(mail)
        source = "ningbo_gov" if "crawl of ningbo_gov" in " ".join(str(mail["Subject"]).split()) else "ningbolife"
        assert f"Task crawl (source {source}) of DAG ningbo_scitech_news failed after 3 tries" in text
        assert "WarehouseUnavailable: cannot reach the warehouse at postgresql://news_loader:***@127.0.0.1:1/news" \
            in text
        [link] = re.findall(r"^Log: (\S+)\s*$", text, flags=re.M)
        assert re.fullmatch(r"http://localhost:8080/dags/ningbo_scitech_news/runs/[^/\s]+/tasks/crawl/mapped/[01]"
                            r"\?try_number=3", link), link
        assert f'href="{link.replace("&", "&amp;")}"' in html
        assert PASSWORD not in text and PASSWORD not in html


def test_the_mail_names_the_run_directory_and_its_commands_take_it(failed_run: dict[str, Any]) -> None:
    """The mail named only the DAG run id (`manual__2026-11-20T00:00:00+00:00`), while the run directory
    is named after it made safe (`manual__2026-11-20T00_00_00_00_00`): the runbook's `newsetl crawl
    --out .../runs/<the id from the mail>` made a second run directory, which `reprocess --from`
    then took for a run of its own."""
    [run_dir] = (failed_run["data"] / "runs").iterdir()  # what prepare_run made
    assert ":" not in run_dir.name and "+" not in run_dir.name
    for mail in failed_run["mails"]:
        subject = " ".join(str(mail["Subject"]).split())
        dag_run_id = re.search(r"\(run (\S+)\)$", subject).group(1)
        assert dag_run_id != run_dir.name and dag_run_id.startswith("manual__")
        source = "ningbo_gov" if "crawl of ningbo_gov" in subject else "ningbolife"
        text, html = _text(mail), _html(mail)
        assert f"Run directory: {run_dir} (" in text
        assert f"newsetl crawl --source {source} --out {run_dir}`" in text or \
            f"newsetl crawl --source {source} --out {run_dir}" in text
        assert f"newsetl transform|validate|load {run_dir}" in text
        assert f"<code>newsetl crawl --source {source} --out {run_dir}</code>" in html
        assert f"runs/{dag_run_id}" not in text


@pytest.fixture(scope="module")
def failed_reprocess(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An archived run (one source crawled from the mirror, nothing loaded), then `airflow dags test
    ningbo_news_reprocess` on it with the warehouse a closed port: a task after prepare fails its tries."""
    from newsetl import steps

    tmp = tmp_path_factory.mktemp("reprocess_failure")
    mp = pytest.MonkeyPatch()
    try:
        with start_mirror(pages_dir=PAGES_DIR) as mirror, start_sink(tmp / "mail") as sink:
            mp.setenv(config.ENV_DATA_DIR, str(tmp / "data"))
            mp.setenv(config.ENV_BASE_URLS, mirror.env_value())
            archived = steps.prepare_run("archived_1")
            steps.crawl(archived, "ningbolife", seen_from_warehouse=False)
            env = airflow_local.airflow_env(tmp / "airflow", {
                config.ENV_DATABASE_URL: f"postgresql://news_loader:{PASSWORD}@127.0.0.1:1/news",
                config.ENV_DATA_DIR: str(tmp / "data"),
                config.ENV_SMTP_CONN: sink.conn_uri,
                config.ENV_ALERT_EMAILS: "oncall@example.org",
                config.ENV_TASK_RETRY_DELAY: "1",
            })
            log = tmp / "airflow.log"
            airflow_local.migrate(env, log)
            rc = airflow_local.dags_test(env, "2026-11-20", log, conf={"run_ids": ["archived_1"]},
                                         dag_id="ningbo_news_reprocess")
            mails = sink.messages()
    finally:
        mp.undo()
    return {"rc": rc, "mails": mails, "log": log, "data": tmp / "data"}


def test_a_failed_reprocess_task_mails_the_reprocess_run_directory(failed_reprocess: dict[str, Any]) -> None:
    """Each mapped task of the reprocess DAG works on its own new run directory (reprocess__<run>__<stamp>):
    the mail names that one, and its commands take it (not "<run dir>", not the archived run)."""
    assert failed_reprocess["rc"] != 0, airflow_local.task_states(failed_reprocess["log"])
    [mail] = failed_reprocess["mails"]
    subject = " ".join(str(mail["Subject"]).split())
    assert subject.startswith("[newsetl] task failure: ") and " in ningbo_news_reprocess (run " in subject, subject
    [run_dir] = [p for p in (failed_reprocess["data"] / "runs").iterdir() if p.name.startswith("reprocess__")]
    assert run_dir.name.startswith("reprocess__archived_1__")
    text, html = _text(mail), _html(mail)
    assert f"Run directory: {run_dir} (" in text
    assert f"newsetl transform|validate|load {run_dir}" in text and "<run dir>" not in text
    assert f"<code>{run_dir}</code>" in html
    assert "WarehouseUnavailable" in text and PASSWORD not in text and PASSWORD not in html


def test_with_no_recipients_configured_a_task_failure_is_logged_not_mailed(tmp_path) -> None:
    """NEWSETL_ALERT_EMAILS unset: validation alerts are logged and wait in the outbox (README), but the
    task-failure notifier mailed "oncall@localhost", a recipient nobody configured, through the relay:
    on a real relay a lost mail, and no log line said it was not delivered to anyone."""
    failed = _fail_the_crawls(tmp_path, "", conf={"run_id": "no_recipients_1"})
    rc, mails, log = failed["rc"], failed["mails"], failed["log"]
    assert rc != 0, airflow_local.task_states(log)
    assert [str(m["To"]) for m in mails] == []
    text = log.read_text(encoding="utf-8", errors="replace")
    assert text.count("task failure not mailed: no recipients configured (NEWSETL_ALERT_EMAILS)") == 2, \
        airflow_local.task_states(log)
