"""`newsetl demo`: the main job on embedded defaults, end to end, offline.

Starts the mirror of both sites (loopback), an embedded Postgres (pgserver, data under
.newsetl/pg, left running so the printed psql line works; `newsetl db stop` stops it)
and an SMTP sink that keeps mail as files, then runs the Airflow DAG once with
`airflow dags test` on SQLite metadata and prints a summary.
"""
from __future__ import annotations

import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from core import config
from core.rundir import run_paths
from devtools import PROJECT_ROOT, airflow_local

DEMO_RECIPIENT = "oncall@localhost"


def run_demo(state_dir: Path | None = None) -> int:
    """Run the demo; returns the process exit code."""
    from devtools.mirror import start_mirror
    from devtools.smtp_sink import start_sink
    from newsetl.connections import start_embedded_warehouse, use_embedded_role_passwords
    from warehouse.queries import summary_counts

    started = time.monotonic()
    state_dir = state_dir or config.state_dir()
    state_dir.mkdir(parents=True, exist_ok=True)
    mail_dir = state_dir / "mail"
    data_dir = state_dir / "data"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    run_id = f"demo__{stamp}"
    log_file = state_dir / "logs" / f"demo-{stamp}.log"

    print("newsetl demo: starting the mirror, embedded Postgres and SMTP sink (loopback only)...")
    db_url = start_embedded_warehouse(state_dir / "pg")  # a new cluster says so on stderr
    use_embedded_role_passwords()  # the DAG's upgrade gives news_loader/news_analyst their passwords
    mails_before = set(mail_dir.glob("*.eml"))
    with start_mirror() as mirror, start_sink(mail_dir) as sink:
        env = airflow_local.airflow_env(
            state_dir / "airflow",
            {
                config.ENV_DATABASE_URL: db_url,
                config.ENV_DATA_DIR: str(data_dir),
                config.ENV_BASE_URLS: mirror.env_value(),
                config.ENV_SMTP_CONN: sink.conn_uri,
                config.ENV_ALERT_EMAILS: ",".join(config.alert_emails()) or DEMO_RECIPIENT,
            },
        )
        print(f"  mirror: {mirror.env_value()}")
        print(f"  Airflow: airflow db migrate + airflow dags test {airflow_local.DAG_ID} (log: {log_file})")
        airflow_local.migrate(env, log_file)
        rc = airflow_local.dags_test(env, datetime.now(UTC).date().isoformat(), log_file,
                                     conf={"run_id": run_id})
    paths = run_paths(data_dir, run_id)
    run_dir = paths.root
    new_mails = sorted(set(mail_dir.glob("*.eml")) - mails_before)
    if rc != 0 or not paths.load_result.exists():
        print(f"newsetl demo: the DAG run failed (exit {rc}). Last log lines:", file=sys.stderr)
        print(airflow_local.task_states(log_file), file=sys.stderr)
        return 1

    load = json.loads(paths.load_result.read_text())
    crawled = json.loads(paths.crawl_report.read_text())["articles"]
    validation = json.loads(paths.summary.read_text())
    stop_command = db_stop_command(os.environ.get(config.ENV_HOME), Path.cwd())
    totals = summary_counts(db_url)
    print(
        f"""
newsetl demo: done in {time.monotonic() - started:.0f} s (run {run_id})
  crawl         : {crawled['new']} new, {crawled['unchanged']} unchanged (already stored), {crawled['failed']} failed article pages
  this run      : {validation['articles_accepted']} articles and {validation['metrics_accepted']} metrics accepted;
                  {validation['articles_quarantined']} articles and {validation['metrics_quarantined']} metrics quarantined
  load          : {load.get('articles_inserted', 0)} articles inserted, {load.get('articles_updated', 0)} updated, {load.get('articles_unchanged', 0)} unchanged; {load.get('metrics_loaded', 0)} metrics loaded
  in Postgres   : {totals['articles']} articles, {totals['metrics']} metrics, {totals['quarantined']} quarantined rows (schema news)
  Data Docs     : {validation.get('data_docs') or 'none built (no new article to validate)'}
  alert mails   : {len(new_mails)} new in {mail_dir}/ ({len(list(mail_dir.glob('*.eml')))} in all)
  run directory : {run_dir}
  Airflow log   : {log_file}
  query it      : psql "{db_url}" -c "SELECT source, count(*) FROM news.v_articles GROUP BY 1"
  stop Postgres : {stop_command}
"""
    )
    return 0


def db_stop_command(home: str | None, cwd: Path) -> str:
    """The demo's "stop Postgres" line: a non-default home named (the command must find it), and the
    venv's newsetl as a path that works where the demo ran (`.venv/bin/newsetl` only in the checkout:
    run from elsewhere, that relative path named no file)."""
    script = Path(sys.executable).with_name("newsetl")
    here = cwd.resolve() == PROJECT_ROOT.resolve() and (PROJECT_ROOT / ".venv" / "bin" / "newsetl").exists()
    return (f"{config.ENV_HOME}={home} " if home else "") + (".venv/bin/newsetl" if here else str(script)) + " db stop"
