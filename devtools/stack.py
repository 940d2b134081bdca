"""A local CeleryExecutor stack: Redis, the Airflow scheduler, dag-processor, api-server and
Celery workers (plus the triggerer for `make stack`), each its own process on loopback.

Topology (every server on 127.0.0.1):
  redis-server (broker + Celery results) <- scheduler (CeleryExecutor) -> queue "default"
  -> N `airflow celery worker` processes (`--celery-hostname wK@%h`, concurrency 1 each)
  -> each task process talks to the api-server's Execution API (JWT, shared secret);
  the dag-processor parses the project's dags/ into the metadata database (Postgres);
  the api-server serves the UI and REST API. Task logs go to <home>/logs, shared by all,
  so no worker log server is started (it would listen on every interface).

Each worker's task processes report their own host name through `worker_hostname`
(`[core] hostname_callable`): on one machine the workers stand in for separate hosts, and
`task_instance.hostname` in the metadata database says which worker ran a task.

The data dir is on object storage: moto's S3 server on loopback (devtools/objectstore.py), so
the workers share no directory; each task materializes what it reads and publishes what it
writes (core.rundir.open_run).

Used by `make stack` (`python -m devtools.stack`: embedded Postgres, the mirror, the SMTP
sink, the S3 server; Ctrl-C stops all) and tests/test_celery_stack.py (one DAG run across two workers).
Needs `redis-server` on PATH (devtools/install-redis.sh, run by `make stack` / `make test`).
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devtools import LOOPBACK, PROJECT_ROOT, airflow_local, free_port

ENV_WORKER_HOSTNAME = "NEWSETL_WORKER_HOSTNAME"
CELERY_CONFIG_OPTIONS = "newsetl.celery_config.CELERY_CONFIG"  # also in docker-compose.yml
ADMIN_USER = "admin"
STOP_GRACE_S = 20
TERMINAL_RUN_STATES = frozenset({"success", "failed"})


def worker_hostname() -> str:
    """`[core] hostname_callable` of the workers: the worker's own name, else the FQDN."""
    return os.environ.get(ENV_WORKER_HOSTNAME) or socket.getfqdn()


def sqlalchemy_url(libpq_url: str) -> str:
    """`postgresql://...` (pgserver's URI, unix socket in ?host=) -> `postgresql+psycopg2://...`."""
    scheme, rest = libpq_url.split("://", 1)
    if scheme not in ("postgresql", "postgres"):
        raise ValueError(f"not a Postgres URL: {scheme}://...")
    return f"postgresql+psycopg2://{rest}"


class StackError(RuntimeError):
    pass


@dataclass
class StackConfig:
    home: Path  # AIRFLOW_HOME: airflow.cfg-less; logs/, the process logs, the password file
    metadata_url: str  # libpq URL of an (empty or migrated) Postgres database for Airflow
    extra_env: Mapping[str, str] = field(default_factory=dict)  # NEWSETL_* and AIRFLOW_CONN_* for the tasks
    workers: tuple[str, ...] = ("w1", "w2")
    api_port: int = 0  # 0: a free port
    triggerer: bool = False
    worker_concurrency: int = 1


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen
    log: Path


class CeleryStack:
    """Start with `start()` (or as a context manager); `stop()` ends every process group."""

    def __init__(self, cfg: StackConfig) -> None:
        self.cfg = cfg
        self.home = Path(cfg.home).resolve()
        self.log_dir = self.home / "proc-logs"
        self.procs: list[Proc] = []
        self.redis_port = 0
        self.api_port = cfg.api_port or free_port()
        self.password = secrets.token_urlsafe(12)
        self._token: str | None = None
        self.env: dict[str, str] = {}

    # ---- lifecycle -------------------------------------------------------------------------
    @property
    def api_url(self) -> str:
        return f"http://{LOOPBACK}:{self.api_port}"

    def __enter__(self) -> CeleryStack:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, timeout: float = 180) -> None:
        redis = shutil.which("redis-server")
        if not redis:
            raise StackError("redis-server is not installed: run devtools/install-redis.sh (make stack / make test do)")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.redis_port = free_port()
        self._spawn("redis", [redis, "--bind", LOOPBACK, "--port", str(self.redis_port), "--save", "",
                              "--appendonly", "no", "--protected-mode", "yes", "--dir", str(self.home)], os.environ)
        self.env = self._airflow_env()
        self._wait_port(self.redis_port, "redis", 30)
        airflow_local.migrate(self.env, self.log_dir / "db-migrate.log")
        # SimpleAuthManager reads its users' passwords from this file (and only adds missing ones).
        (self.home / "passwords.json").write_text(json.dumps({ADMIN_USER: self.password}) + "\n")
        af = airflow_local.airflow_bin()
        self._spawn("api-server", [af, "api-server", "--host", LOOPBACK, "--port", str(self.api_port),
                                   "--workers", "1"], self.env)
        self._spawn("scheduler", [af, "scheduler", "--skip-serve-logs"], self.env)
        self._spawn("dag-processor", [af, "dag-processor"], self.env)
        if self.cfg.triggerer:
            self._spawn("triggerer", [af, "triggerer", "--skip-serve-logs"], self.env)
        for name in self.cfg.workers:
            env = dict(self.env, **{ENV_WORKER_HOSTNAME: f"{name}.localhost",
                                    "AIRFLOW__CORE__HOSTNAME_CALLABLE": "devtools.stack.worker_hostname"})
            self._spawn(f"worker-{name}", [af, "celery", "worker", "--celery-hostname", f"{name}@%h",
                                           "--concurrency", str(self.cfg.worker_concurrency), "--skip-serve-logs",
                                           "--pid", str(self.home / f"worker-{name}.pid")], env)
        deadline = time.monotonic() + timeout
        self._wait(lambda: self._http_ok("/api/v2/monitor/health"), "the api-server's health endpoint", deadline)
        for name in self.cfg.workers:
            log = self.log_dir / f"worker-{name}.log"
            self._wait(lambda log=log: " ready." in log.read_text(errors="replace"),
                       f"Celery worker {name} to be ready", deadline)

    def stop(self) -> None:
        """SIGTERM each process group (newest first), then SIGKILL what is left after a grace period.

        A second Ctrl-C (or SIGTERM) while stopping is ignored, so it cannot leave processes behind."""
        with _signals_ignored():
            self._stop()

    def _stop(self) -> None:
        for p in reversed(self.procs):
            if p.popen.poll() is None:
                _signal_group(p.popen, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        for p in reversed(self.procs):
            try:
                p.popen.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(p.popen, signal.SIGKILL)  # also the group's children that outlived the leader
            try:
                p.popen.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.procs.clear()

    def _airflow_env(self) -> dict[str, str]:
        broker = f"redis://{LOOPBACK}:{self.redis_port}"
        secret = secrets.token_urlsafe(32)
        return airflow_local.airflow_env(self.home, {
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": sqlalchemy_url(self.cfg.metadata_url),
            "AIRFLOW__CELERY__BROKER_URL": f"{broker}/0",
            "AIRFLOW__CELERY__RESULT_BACKEND": f"{broker}/1",
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": str(self.cfg.worker_concurrency),
            # a worker takes a task only when it has a free process (newsetl/celery_config.py)
            "AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS": CELERY_CONFIG_OPTIONS,
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.api_url}/execution/",
            "AIRFLOW__API__BASE_URL": self.api_url,
            "AIRFLOW__API__HOST": LOOPBACK,
            "AIRFLOW__API__PORT": str(self.api_port),
            "AIRFLOW__API__SECRET_KEY": secret,
            "AIRFLOW__API_AUTH__JWT_SECRET": secret,
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{ADMIN_USER}:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(self.home / "passwords.json"),
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            # Runs start when triggered (UI, REST API, CLI), never from the daily schedule.
            "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
            "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(self.home / "logs"),
            **self.cfg.extra_env,
        })

    def _spawn(self, name: str, cmd: list[str], env: Mapping[str, str]) -> None:
        log = self.log_dir / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(cmd, env=dict(env), stdout=out, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, cwd=PROJECT_ROOT, start_new_session=True)
        self.procs.append(Proc(name, popen, log))

    def _check_alive(self) -> None:
        for p in self.procs:
            if p.popen.poll() is not None:
                raise StackError(f"{p.name} exited with {p.popen.returncode}; last lines of {p.log}:\n"
                                 + tail(p.log))

    def _wait(self, ready, what: str, deadline: float) -> None:
        while True:
            self._check_alive()
            try:
                if ready():
                    return
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() > deadline:
                raise StackError(f"timed out waiting for {what}\n" + self.logs_tail())
            time.sleep(1)

    def _wait_port(self, port: int, what: str, timeout: float) -> None:
        def up() -> bool:
            with socket.create_connection((LOOPBACK, port), timeout=1):
                return True
        self._wait(up, f"{what} on port {port}", time.monotonic() + timeout)

    # ---- REST API ---------------------------------------------------------------------------
    def _http_ok(self, path: str) -> bool:
        with urllib.request.urlopen(self.api_url + path, timeout=5) as r:
            return r.status == 200

    def token(self) -> str:
        if self._token is None:
            body = json.dumps({"username": ADMIN_USER, "password": self.password}).encode()
            req = urllib.request.Request(self.api_url + "/auth/token", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=30) as r:
                self._token = json.load(r)["access_token"]
        return self._token

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """Call the public REST API (/api/v2/...) as the admin user; returns the JSON answer."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.api_url + "/api/v2" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {self.token()}"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as exc:
            raise StackError(f"{method} {path}: HTTP {exc.code} {exc.read()[:500]!r}") from exc

    def trigger(self, dag_id: str, conf: Mapping[str, Any] | None = None, timeout: float = 120) -> str:
        """Wait until the dag-processor has stored `dag_id`, unpause it, trigger a run; returns its run id."""
        deadline = time.monotonic() + timeout

        def parsed() -> bool:
            try:
                self.api("GET", f"/dags/{dag_id}")
                return True
            except StackError:
                return False
        self._wait(parsed, f"the dag-processor to store {dag_id}", deadline)
        self.api("PATCH", f"/dags/{dag_id}", {"is_paused": False})
        run = self.api("POST", f"/dags/{dag_id}/dagRuns", {"logical_date": None, "conf": dict(conf or {})})
        return str(run["dag_run_id"])

    def wait_for_run(self, dag_id: str, run_id: str, timeout: float) -> str:
        """Poll until the run is success/failed; raises StackError with task states and log tails on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            self._check_alive()
            state = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}")["state"]
            if state in TERMINAL_RUN_STATES:
                return str(state)
            if time.monotonic() > deadline:
                raise StackError(f"run {run_id} of {dag_id} still {state} after {timeout:.0f} s\n"
                                 + self.task_states(dag_id, run_id) + "\n" + self.logs_tail())
            time.sleep(3)

    def task_states(self, dag_id: str, run_id: str) -> str:
        try:
            tis = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances")["task_instances"]
        except (StackError, OSError) as exc:
            return f"task states unavailable: {exc}"
        return "task states:\n" + "\n".join(
            f"  {ti['task_id']}[{ti.get('map_index', -1)}]: {ti['state']} on {ti.get('hostname') or '-'}"
            for ti in sorted(tis, key=lambda t: (t["task_id"], t.get("map_index", -1))))

    def logs_tail(self, lines: int = 25) -> str:
        names = ("scheduler", *(f"worker-{w}" for w in self.cfg.workers))
        return "\n".join(f"--- last lines of {n}.log ---\n{tail(self.log_dir / f'{n}.log', lines)}" for n in names)


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"({exc})"


@contextmanager
def _signals_ignored():
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _signal_group(popen: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(popen.pid, sig)  # start_new_session: the group id is the leader's pid
    except (ProcessLookupError, PermissionError):
        pass


# ---- `make stack` ---------------------------------------------------------------------------
@contextmanager
def _ensure_database(server_url: str, name: str):
    import psycopg2
    from psycopg2 import sql as pgsql

    from warehouse.db import url_with_database

    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is None:
                cur.execute(pgsql.SQL("CREATE DATABASE {} TEMPLATE template0").format(pgsql.Identifier(name)))
    finally:
        admin.close()
    yield url_with_database(server_url, name)


def run_stack(state_dir: Path | None = None, port: int = 8080) -> int:
    """`make stack`: everything on loopback until Ctrl-C; prints the UI's URL and login."""
    from core import config
    from devtools.mirror import start_mirror
    from devtools.objectstore import start_s3
    from devtools.smtp_sink import start_sink
    from warehouse.embedded import start_embedded

    state_dir = (state_dir or config.state_dir()).resolve()
    print("newsetl stack: starting embedded Postgres, the mirror, the SMTP sink, an S3 server, Redis and Airflow "
          "(CeleryExecutor, two workers; loopback only)...", flush=True)
    server_url = start_embedded(state_dir / "pg", cleanup_mode="stop")
    with ExitStack() as stack:
        warehouse_url = stack.enter_context(_ensure_database(server_url, "news_stack"))
        metadata_url = stack.enter_context(_ensure_database(server_url, "airflow_stack"))
        mirror = stack.enter_context(start_mirror())
        sink = stack.enter_context(start_sink(state_dir / "mail"))
        s3 = stack.enter_context(start_s3(state_dir / "stack" / "s3"))
        cfg = StackConfig(
            home=state_dir / "stack" / "airflow", metadata_url=metadata_url, api_port=port, triggerer=True,
            extra_env={
                config.ENV_DATABASE_URL: warehouse_url,
                **s3.env("stack"),  # NEWSETL_DATA_DIR=s3://newsetl-data/stack + the AWS_* variables
                config.ENV_BASE_URLS: mirror.env_value(),
                config.ENV_SMTP_CONN: sink.conn_uri,
                config.ENV_ALERT_EMAILS: ",".join(config.alert_emails()) or "oncall@localhost",
            })
        celery = stack.enter_context(CeleryStack(cfg))
        print(f"""
newsetl stack: up
  Airflow UI    : {celery.api_url}/   login {ADMIN_USER} / {celery.password}
  DAGs          : {airflow_local.DAGS_FOLDER} (paused: unpause and trigger ningbo_scitech_news in the UI)
  workers       : {', '.join(cfg.workers)} (Celery, broker redis://{LOOPBACK}:{celery.redis_port})
  mirror (sites): {mirror.env_value()}
  data dir      : {s3.data_dir("stack")} (moto's S3 on {s3.endpoint}; in memory: gone when stopped)
  warehouse     : psql "{warehouse_url}"
  alert mail    : {sink.mail_dir}/
  process logs  : {celery.log_dir}/
Ctrl-C stops everything.""", flush=True)
        try:
            while True:
                celery._check_alive()
                time.sleep(2)
        except KeyboardInterrupt:
            print("\nnewsetl stack: stopping...", flush=True)
    print("newsetl stack: stopped (Postgres too; its data stays under .newsetl/pg)", flush=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m devtools.stack", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="the api-server's port on 127.0.0.1 (default 8080)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the stack as Ctrl-C does
    return run_stack(port=args.port)


if __name__ == "__main__":
    raise SystemExit(main())
