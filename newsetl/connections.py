"""Where the warehouse is: the one function that turns configuration into a DSN.

Entry points (CLI commands, DAG tasks, `newsetl run`) call `database_url()` once and
pass the DSN down; warehouse functions only take a DSN. The fallbacks (an Airflow
connection, the embedded pgserver) live here, in the orchestration layer.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from core import config

log = logging.getLogger(__name__)

AIRFLOW_CONN_ID = "news_warehouse"
ENV_AIRFLOW_CONN = "AIRFLOW_CONN_NEWS_WAREHOUSE"
# Airflow connection extras that are libpq parameters (others, like "cursor", are dropped).
LIBPQ_PARAMS = frozenset({
    "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslpassword", "connect_timeout",
    "application_name", "options", "target_session_attrs", "keepalives", "keepalives_idle",
    "keepalives_interval", "keepalives_count", "gssencmode", "passfile", "channel_binding",
})

CREATE_COMMAND = "newsetl db upgrade"  # creates the embedded warehouse and its schema (README)


class NoWarehouse(RuntimeError):
    """A read-only command found no embedded warehouse where NEWSETL_HOME points (and created none)."""


def database_url(create: bool = True) -> str:
    """The warehouse DSN, decided here and nowhere else.

    NEWSETL_DATABASE_URL, else the Airflow connection `news_warehouse` given as
    AIRFLOW_CONN_NEWS_WAREHOUSE (URI or JSON), else -- inside a running Airflow task --
    the `news_warehouse` connection Airflow resolves (secrets backend or metadata
    database), else the embedded server under <NEWSETL_HOME>/pg (started on first use
    and left running). For the embedded server the login roles' passwords come from
    <NEWSETL_HOME>/role_passwords.json (generated once, mode 0600) unless
    NEWSETL_LOADER_PASSWORD / NEWSETL_ANALYST_PASSWORD are set: they are put into this
    process's environment, where `warehouse.db.upgrade` applies them.

    `create` False (read-only commands: status, runs, ...): no embedded cluster there raises
    NoWarehouse instead of creating an empty one. Creating one says so on stderr (see
    `start_embedded_warehouse`).
    """
    url = config.database_url_from_env()
    if url:
        return url
    conn = os.environ.get(ENV_AIRFLOW_CONN, "").strip()
    if conn:
        return airflow_conn_to_url(conn)
    task_url = airflow_task_connection_url()
    if task_url:
        return task_url
    url = start_embedded_warehouse(config.embedded_pg_dir(), create=create)
    use_embedded_role_passwords()
    return url


def start_embedded_warehouse(pg_dir: Path, create: bool = True) -> str:
    """Start (or reuse) the embedded server whose cluster is `pg_dir`, left running; its URI.

    A wrong NEWSETL_HOME, or a command run from another directory than usual (the default
    ./.newsetl is relative to it), used to create a new empty warehouse quietly. Now: with
    `create`, a new cluster is announced on stderr in one line naming the directory; without,
    NoWarehouse says where none was found and how to create one.
    """
    from warehouse.embedded import cluster_exists, start_embedded

    pg_dir = Path(pg_dir).expanduser().resolve()
    for above in (pg_dir, *pg_dir.parents):  # a home that is a file: the path error, not "no warehouse there"
        if above.exists():
            if not above.is_dir():
                raise FileExistsError(errno.EEXIST, "File exists", str(above))  # as creating the directory says
            break
    if not cluster_exists(pg_dir):
        if not create:
            raise NoWarehouse(
                f"no warehouse at {pg_dir} (no embedded Postgres cluster there; NEWSETL_HOME "
                f"{_home_said()}): point NEWSETL_HOME at your state directory or set NEWSETL_DATABASE_URL, "
                f"or create a warehouse there with `{CREATE_COMMAND}`")
        print(f"newsetl: creating a new embedded warehouse in {pg_dir} (none there yet; NEWSETL_HOME "
              f"{_home_said()})", file=sys.stderr, flush=True)
    return start_embedded(pg_dir, cleanup_mode=None)


def _home_said() -> str:
    home = os.environ.get(config.ENV_HOME)
    return f"is {home}" if home else f"unset: ./{config.DEFAULT_HOME} of the working directory {Path.cwd()}"


def role_passwords_file() -> Path:
    """Where the embedded warehouse's login role passwords are kept (outside the repository)."""
    return config.state_dir() / "role_passwords.json"


def use_embedded_role_passwords() -> None:
    """NEWSETL_LOADER_PASSWORD / NEWSETL_ANALYST_PASSWORD default to the generated passwords of
    `role_passwords_file()` in this process (and its children), so every `warehouse.db.upgrade`
    on the embedded server gives the login roles a password; a variable already set wins."""
    from warehouse.db import ROLE_PASSWORD_ENV
    from warehouse.embedded import role_passwords

    for role, password in role_passwords(role_passwords_file()).items():
        os.environ.setdefault(ROLE_PASSWORD_ENV[role], password)


def airflow_task_connection_url(conn_id: str = AIRFLOW_CONN_ID) -> str | None:
    """Inside a running Airflow task: connection `conn_id` as Airflow resolves it, as a libpq URI.

    Covers a connection kept in the metadata database or a secrets backend (the task
    asks the Airflow API server). None outside a task (never imports Airflow itself) or
    when Airflow has no such connection.
    """
    if "airflow.sdk" not in sys.modules:  # not an Airflow process: nothing to ask
        return None
    try:
        from airflow.sdk import Connection, get_current_context

        get_current_context()
    except Exception:  # noqa: BLE001 - an Airflow process, but not inside a task
        return None
    try:
        conn = Connection.get(conn_id)
    except Exception as exc:  # noqa: BLE001 - AirflowNotFoundException and API errors
        log.info("Airflow connection %s not available (%s): using the next fallback", conn_id, type(exc).__name__)
        return None
    if conn.conn_type and conn.conn_type.split("+")[0] not in {"postgres", "postgresql"}:
        raise ValueError(f"Airflow connection {conn_id} is not a postgres connection (type {conn.conn_type!r})")
    return _build_url(conn.login, conn.password, conn.host, conn.port, conn.schema, conn.extra_dejson)


def airflow_conn_to_url(value: str) -> str:
    """An Airflow connection (URI or JSON form, as in AIRFLOW_CONN_<ID>) as a libpq URI."""
    value = value.strip()
    if value.startswith("{"):
        try:  # (json's message says where, never the text: it may hold the password)
            spec = json.loads(value)
            extra = spec.get("extra") or {}
            if isinstance(extra, str):
                extra = json.loads(extra) if extra.strip() else {}
        except json.JSONDecodeError as exc:
            raise ValueError(f"{ENV_AIRFLOW_CONN} is not valid JSON ({exc.msg} at line {exc.lineno} column "
                             f"{exc.colno}): give the connection as a postgresql:// URI or as JSON") from None
        if not isinstance(spec, dict) or not isinstance(extra, dict):
            raise ValueError(f"{ENV_AIRFLOW_CONN}: the JSON form is an object with login, password, host, port, "
                             f"schema and extra")
        return _build_url(spec.get("login"), spec.get("password"), spec.get("host"), spec.get("port"),
                          spec.get("schema"), extra)
    from warehouse.db import redacted, unencoded_credentials

    parts = urlsplit(value)
    if parts.scheme.split("+")[0] not in {"postgres", "postgresql"}:
        raise ValueError(f"{ENV_AIRFLOW_CONN} is not a postgres connection (scheme {parts.scheme!r})")
    if unencoded_credentials(value):  # urlsplit would read part of the password as host or port
        raise ValueError(f"{ENV_AIRFLOW_CONN} ({redacted(value)}) has an unencoded @ or / in its login or "
                         f"password: URL-encode them, or give the connection in JSON form")
    try:
        port = parts.port
    except ValueError:  # "Port could not be cast to integer value as '<text>'": text may be secret
        raise ValueError(f"{ENV_AIRFLOW_CONN} ({redacted(value)}) has a bad port") from None
    extra: dict[str, Any] = {}
    for key, val in parse_qsl(parts.query, keep_blank_values=True):
        if key == "__extra__":
            extra.update(json.loads(val))
        else:
            extra[key] = val
    return _build_url(
        unquote(parts.username) if parts.username else None,
        unquote(parts.password) if parts.password else None,
        _raw_host(parts.netloc),
        port,
        unquote(parts.path.lstrip("/")) or None,
        extra,
    )


def _raw_host(netloc: str) -> str | None:
    # urlsplit lowercases hostnames; a percent-encoded socket directory must keep its case.
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        return host[1:host.index("]")]
    host = host.rsplit(":", 1)[0] if re.search(r":\d+$", host) else host
    return unquote(host) or None


def _build_url(user: str | None, password: str | None, host: str | None, port: Any,
               dbname: str | None, extra: Mapping[str, Any]) -> str:
    params = {k: str(v) for k, v in extra.items() if k in LIBPQ_PARAMS and v is not None}
    netloc = ""
    if user:
        netloc = quote(user, safe="")
        if password:
            netloc += ":" + quote(str(password), safe="")
        netloc += "@"
    if host and host.startswith("/"):
        params["host"] = host  # unix socket directory
        if port:
            params["port"] = str(port)
    elif host:
        netloc += f"[{host}]" if ":" in host else host
        if port:
            netloc += f":{int(port)}"
    return urlunsplit(("postgresql", netloc, "/" + quote(dbname or "", safe=""), urlencode(params), ""))
