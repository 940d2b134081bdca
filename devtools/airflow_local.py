"""Run the DAG with real Airflow on SQLite metadata (`airflow dags test`), for the demo and tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from core import config
from devtools import PROJECT_ROOT

DAG_ID = "ningbo_scitech_news"
REPROCESS_DAG_ID = "ningbo_news_reprocess"
DAGS_FOLDER = PROJECT_ROOT / "dags"


def airflow_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for an Airflow CLI subprocess: its own home, SQLite metadata, our dags/."""
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        {
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
            "GX_ANALYTICS_ENABLED": "false",
            "SCARF_ANALYTICS": "false",
            "DO_NOT_TRACK": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    return env


def airflow_bin() -> str:
    """The `airflow` script of this interpreter's environment."""
    return str(Path(sys.executable).with_name("airflow"))


def migrate(env: Mapping[str, str], log_file: Path) -> None:
    """`airflow db migrate` (idempotent) with output to log_file; raises on failure."""
    _run([airflow_bin(), "db", "migrate"], env, log_file)


def dags_test(
    env: Mapping[str, str], logical_date: str, log_file: Path, conf: Mapping[str, object] | None = None,
    dag_id: str = DAG_ID,
) -> int:
    """`airflow dags test <dag_id> DATE`; returns its exit code (output in log_file)."""
    cmd = [airflow_bin(), "dags", "test", dag_id, logical_date]
    if conf:
        cmd += ["-c", json.dumps(dict(conf))]
    return _run(cmd, env, log_file, check=False)


# The airflow commands that run task code in this process tree (the DAG's tasks need the warehouse): for these
# the embedded warehouse is started (or created, said on stderr) up front, before Airflow's output. Every other
# command (`dags list`, `dags show`, `tasks list`, `config get`, `version`, ...) only reads the DAG files and
# the metadata, and starts or creates no Postgres cluster.
RUNS_TASKS = (("dags", "test"), ("tasks", "test"), ("tasks", "run"), ("standalone",), ("scheduler",),
              ("celery", "worker"), ("backfill",))


def runs_tasks(args: Sequence[str]) -> bool:
    """Whether `airflow ARGS` runs task code (see RUNS_TASKS); options before the command are skipped."""
    words = [a for a in args if not a.startswith("-")]
    return any(tuple(words[:len(cmd)]) == cmd for cmd in RUNS_TASKS)


def warehouse_env(args: Sequence[str]) -> dict[str, str]:
    """What `newsetl airflow ARGS` adds to the environment about the state and the warehouse.

    NEWSETL_HOME always, as an absolute path: airflow runs in this checkout, where a relative default
    (./.newsetl of the working directory) would name another state directory. The embedded warehouse's
    DSN (and the role passwords) only when ARGS runs tasks (`runs_tasks`) and no warehouse is configured:
    a listing command used to start, or create, an embedded Postgres cluster as a side effect. A task
    that runs anyway resolves the warehouse itself (`newsetl.connections.database_url`, same NEWSETL_HOME).
    """
    extra = {config.ENV_HOME: str(config.state_dir().resolve())}
    if runs_tasks(args) and not config.database_url_from_env():
        from newsetl.connections import database_url, use_embedded_role_passwords

        extra[config.ENV_DATABASE_URL] = database_url()  # the configured one, else the embedded server
        use_embedded_role_passwords()  # (the DAG's upgrade gives the login roles their passwords)
    return extra


def by_hand(args: Sequence[str]) -> int:
    """`newsetl airflow ARGS...`: the venv's `airflow ARGS` with the demo's Airflow (its home under
    <NEWSETL_HOME>/airflow, SQLite metadata, this checkout's dags/), the warehouse the CLI uses
    (NEWSETL_DATABASE_URL, else the embedded one, started if needed, only for a command that runs tasks:
    `warehouse_env`) and the rest of the environment as it is (NEWSETL_BASE_URLS from `newsetl mirror`,
    AIRFLOW_CONN_SMTP_DEFAULT from `newsetl smtp-sink`, ...).
    The metadata database is migrated first when it does not exist yet. Output goes to the terminal;
    returns airflow's exit code."""
    home = config.state_dir() / "airflow"
    env = airflow_env(home, warehouse_env(args))
    env["AIRFLOW__LOGGING__LOGGING_LEVEL"] = os.environ.get("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
    if not (home / "airflow.db").exists():
        print(f"newsetl airflow: creating the Airflow metadata database in {home} (airflow db migrate)",
              file=sys.stderr)
        done = subprocess.run([airflow_bin(), "db", "migrate"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT)
        if done.returncode:
            tail = "\n".join(done.stderr.splitlines()[-5:])
            print(f"newsetl airflow: airflow db migrate failed (exit {done.returncode}):\n{tail}", file=sys.stderr)
            return done.returncode
    return subprocess.run([airflow_bin(), *args], env=env, cwd=PROJECT_ROOT).returncode


def _run(cmd: list[str], env: Mapping[str, str], log_file: Path, check: bool = True) -> int:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        proc = subprocess.run(cmd, env=dict(env), stdout=out, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[1:3])} failed (exit {proc.returncode}); see {log_file}")
    return proc.returncode


def task_states(log_file: Path) -> str:
    """The last lines of a dags-test log (for error messages)."""
    lines = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(lines[-25:])
