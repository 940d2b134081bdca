"""Environment settings: where state and run directories live, who gets alerts.

Everything configurable comes from the environment: NEWSETL_HOME, NEWSETL_DATA_DIR,
NEWSETL_DATABASE_URL, NEWSETL_ALERT_EMAILS, NEWSETL_BASE_URLS, AIRFLOW_CONN_SMTP_DEFAULT,
NEWSETL_SMTP_TIMEOUT, NEWSETL_DATA_DOCS_BASE_URL, NEWSETL_RUNBOOK_URL, NEWSETL_WORK_DIR,
NEWSETL_LOCK_TTL, NEWSETL_DB_CONNECT_TIMEOUT, NEWSETL_DB_STATEMENT_TIMEOUT; for a data dir on object storage
(NEWSETL_DATA_DIR=s3://bucket/prefix) the standard AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_DEFAULT_REGION and AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (an S3-compatible server).
The entry points (CLI commands, DAG tasks) read them once and hand the resolved values
down; nothing here touches the network or imports the rest of the project.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

ENV_HOME = "NEWSETL_HOME"
ENV_DATABASE_URL = "NEWSETL_DATABASE_URL"
ENV_DATA_DIR = "NEWSETL_DATA_DIR"
ENV_ALERT_EMAILS = "NEWSETL_ALERT_EMAILS"
ENV_BASE_URLS = "NEWSETL_BASE_URLS"
ENV_SMTP_CONN = "AIRFLOW_CONN_SMTP_DEFAULT"
ENV_MAX_QUARANTINE_SHARE = "NEWSETL_MAX_QUARANTINE_SHARE"
ENV_MIN_QUARANTINED = "NEWSETL_MIN_QUARANTINED"
ENV_SMTP_TIMEOUT = "NEWSETL_SMTP_TIMEOUT"
ENV_DB_CONNECT_TIMEOUT = "NEWSETL_DB_CONNECT_TIMEOUT"
ENV_LIBPQ_CONNECT_TIMEOUT = "PGCONNECT_TIMEOUT"  # libpq's own: read by libpq itself
DEFAULT_DB_CONNECT_TIMEOUT_S = 10  # a server that accepts TCP and never answers costs this, not forever
ENV_DB_STATEMENT_TIMEOUT = "NEWSETL_DB_STATEMENT_TIMEOUT"
# A statement waiting this long (a lock another session holds) or running this long is cancelled: a
# command or task fails with one line instead of hanging; far above what a load's statements take.
DEFAULT_DB_STATEMENT_TIMEOUT_S = 600
ENV_DATA_DOCS_BASE_URL = "NEWSETL_DATA_DOCS_BASE_URL"
ENV_RUNBOOK_URL = "NEWSETL_RUNBOOK_URL"
ENV_TASK_RETRY_DELAY = "NEWSETL_TASK_RETRY_DELAY"
DEFAULT_TASK_RETRY_DELAY_S = 300.0
DEFAULT_SMTP_TIMEOUT_S = 10.0  # connect and each read: a relay that accepts and never answers costs this
DEFAULT_MAX_QUARANTINE_SHARE = 0.2
DEFAULT_MIN_QUARANTINED = 3
ENV_WORK_DIR = "NEWSETL_WORK_DIR"
ENV_LOCK_TTL = "NEWSETL_LOCK_TTL"
ENV_S3_ENDPOINTS = ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")  # the first one set wins
DEFAULT_LOCK_TTL_S = 3 * 3600  # longer than a task's execution_timeout (2 h): see lock_ttl()
DEFAULT_HOME = ".newsetl"  # relative to the working directory (the checkout, for `make`)


def _env_number(name: str, default: float) -> float:
    """NEWSETL_<name> as a finite number, or `default` when unset or blank; ValueError naming the variable."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {raw!r}")
    return value


def _env_whole_number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from None


def state_dir() -> Path:
    """Local state: embedded Postgres, data, caught mail (NEWSETL_HOME, else ./.newsetl)."""
    return Path(os.environ.get(ENV_HOME) or Path.cwd() / DEFAULT_HOME)


def data_dir_location() -> str:
    """Where run directories live, as given: a local path or an object-storage URL such as
    s3://bucket/prefix (NEWSETL_DATA_DIR, else <state dir>/data)."""
    return (os.environ.get(ENV_DATA_DIR) or "").strip() or str(state_dir() / "data")


def data_dir() -> Path:
    """The data dir as a local directory; ValueError when NEWSETL_DATA_DIR is object storage
    (code that works on both goes through `core.rundir.DataDir(data_dir_location())`)."""
    location = data_dir_location()
    if "://" in location and not location.startswith("file://"):
        raise ValueError(f"{ENV_DATA_DIR} is object storage ({location}); this needs a local directory")
    return Path(location.removeprefix("file://"))


def work_dir() -> Path | None:
    """Where a step materializes a run of a remote data dir (NEWSETL_WORK_DIR, else the system's
    temporary directory); each step gets its own folder there, removed when it ends."""
    raw = os.environ.get(ENV_WORK_DIR, "").strip()
    return Path(raw) if raw else None


def s3_endpoint_url() -> str | None:
    """The S3 endpoint (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL): an S3-compatible server;
    None means AWS itself. Credentials are the standard AWS_* variables (botocore reads them)."""
    for name in ENV_S3_ENDPOINTS:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def lock_ttl() -> float:
    """Seconds after which a run lock object on object storage counts as abandoned (its holder
    was killed without releasing it): NEWSETL_LOCK_TTL, default 3 h."""
    ttl = _env_number(ENV_LOCK_TTL, DEFAULT_LOCK_TTL_S)
    if ttl <= 0:
        raise ValueError(f"{ENV_LOCK_TTL} must be > 0 seconds, got {os.environ.get(ENV_LOCK_TTL)!r}")
    return ttl


def embedded_pg_dir() -> Path:
    """Where the embedded Postgres (pgserver) keeps its cluster: <state dir>/pg."""
    return state_dir() / "pg"


def database_url_from_env() -> str | None:
    """NEWSETL_DATABASE_URL, when set (the orchestration layer owns the fallbacks)."""
    return os.environ.get(ENV_DATABASE_URL, "").strip() or None


def base_url_overrides() -> str | None:
    """NEWSETL_BASE_URLS as given ('name=url,...'), parsed by `core.sources.parse_base_urls`."""
    return os.environ.get(ENV_BASE_URLS)


def alert_emails() -> list[str]:
    """On-call recipients (NEWSETL_ALERT_EMAILS, comma separated)."""
    return [a.strip() for a in os.environ.get(ENV_ALERT_EMAILS, "").split(",") if a.strip()]


def quarantine_gate() -> tuple[float, int]:
    """(share, count): a batch with more than `share` of its articles or metrics quarantined,
    and at least `count` of them, is blocked (NEWSETL_MAX_QUARANTINE_SHARE, NEWSETL_MIN_QUARANTINED)."""
    share = _env_number(ENV_MAX_QUARANTINE_SHARE, DEFAULT_MAX_QUARANTINE_SHARE)
    count = _env_whole_number(ENV_MIN_QUARANTINED, DEFAULT_MIN_QUARANTINED)
    if not 0 <= share <= 1 or count < 1:
        raise ValueError(f"{ENV_MAX_QUARANTINE_SHARE} must be in [0, 1] and {ENV_MIN_QUARANTINED} >= 1, "
                         f"got {share} and {count}")
    return share, count


def smtp_timeout() -> float:
    """Seconds the alert mail waits to connect to the relay and for each of its answers
    (NEWSETL_SMTP_TIMEOUT, default 10); a `timeout` extra on the connection `smtp_default` wins."""
    timeout = _env_number(ENV_SMTP_TIMEOUT, DEFAULT_SMTP_TIMEOUT_S)
    if not 0 < timeout <= 600:
        raise ValueError(f"{ENV_SMTP_TIMEOUT} must be in (0, 600] seconds, got {os.environ.get(ENV_SMTP_TIMEOUT)!r}")
    return timeout


def db_connect_timeout() -> int | None:
    """Seconds a warehouse connection may take to be established (libpq `connect_timeout`, per
    host tried) when the DSN sets none: NEWSETL_DB_CONNECT_TIMEOUT, else None when libpq's own
    PGCONNECT_TIMEOUT is set (libpq applies it), else 10. 0 waits forever (libpq's default)."""
    raw = os.environ.get(ENV_DB_CONNECT_TIMEOUT, "").strip()
    if not raw:
        return None if os.environ.get(ENV_LIBPQ_CONNECT_TIMEOUT, "").strip() else DEFAULT_DB_CONNECT_TIMEOUT_S
    try:
        timeout = int(raw)
    except ValueError:
        timeout = -1
    if not 0 <= timeout <= 3600:
        raise ValueError(f"{ENV_DB_CONNECT_TIMEOUT} must be whole seconds in [0, 3600], got {raw!r}")
    return timeout


def db_statement_timeout() -> int:
    """Seconds one warehouse statement may run or wait for a lock before the server cancels it
    (Postgres `statement_timeout`, set on each connection): NEWSETL_DB_STATEMENT_TIMEOUT, default 600;
    0 lets statements run forever."""
    raw = os.environ.get(ENV_DB_STATEMENT_TIMEOUT, "").strip()
    if not raw:
        return DEFAULT_DB_STATEMENT_TIMEOUT_S
    try:
        timeout = int(raw)
    except ValueError:
        timeout = -1
    if not 0 <= timeout <= 86400:
        raise ValueError(f"{ENV_DB_STATEMENT_TIMEOUT} must be whole seconds in [0, 86400], got {raw!r}")
    return timeout


def task_retry_delay() -> float:
    """Seconds an Airflow task waits before its first retry (NEWSETL_TASK_RETRY_DELAY, default
    300; doubled for each later retry). `newsetl faults` sets 1 to see a retry within seconds."""
    delay = _env_number(ENV_TASK_RETRY_DELAY, DEFAULT_TASK_RETRY_DELAY_S)
    if not 0 < delay <= 86400:
        raise ValueError(f"{ENV_TASK_RETRY_DELAY} must be in (0, 86400] seconds, "
                         f"got {os.environ.get(ENV_TASK_RETRY_DELAY)!r}")
    return delay


def check_settings() -> None:
    """ValueError (one line, naming the variable and the value it got) for the first numeric setting
    that cannot be right. Run once at the start of every run and reprocess (`newsetl run`, the DAGs'
    first task), so that a bad NEWSETL_SMTP_TIMEOUT fails the run at once instead of failing the one
    alert mail it was meant to time, hours later."""
    quarantine_gate()
    smtp_timeout()
    lock_ttl()
    db_connect_timeout()
    db_statement_timeout()
    task_retry_delay()


def data_docs_base_url() -> str | None:
    """NEWSETL_DATA_DOCS_BASE_URL: the URL under which `<data dir>/runs/` is served, so a run's
    Data Docs are at `<base>/<run_id>/validation/data_docs/index.html`; None when unset."""
    return os.environ.get(ENV_DATA_DOCS_BASE_URL, "").strip().rstrip("/") or None


def runbook_base_url() -> str | None:
    """NEWSETL_RUNBOOK_URL: where on-call reads README.md (e.g. its page on the Git host); alert
    mail links `<url>#<section>`. None when unset (the mail then names `README.md#<section>`)."""
    return os.environ.get(ENV_RUNBOOK_URL, "").strip() or None
