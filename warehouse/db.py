"""Connections and forward-only schema migrations for the warehouse (schema `news`).

Where the database is: NEWSETL_DATABASE_URL, else the Airflow connection
`news_warehouse` given as AIRFLOW_CONN_NEWS_WAREHOUSE (URI or JSON), else -- inside a
running Airflow task -- the `news_warehouse` connection Airflow resolves (secrets
backend or metadata database), else the embedded server under .newsetl/pg (started on
first use and left running).

Migrations are warehouse/migrations/NNN_name.sql, applied in order, each in its own
transaction under an advisory lock, recorded in news.schema_migrations with a sha256
checksum. A file changed after it was applied is refused, never re-run.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import psycopg2
import psycopg2.errors
import psycopg2.extensions
from psycopg2 import sql as pgsql

from newsetl import config
from warehouse import sql

log = logging.getLogger(__name__)

AIRFLOW_CONN_ID = "news_warehouse"
ENV_AIRFLOW_CONN = "AIRFLOW_CONN_NEWS_WAREHOUSE"
ENV_LOADER_PASSWORD = "NEWSETL_LOADER_PASSWORD"
ENV_ANALYST_PASSWORD = "NEWSETL_ANALYST_PASSWORD"
ROLE_PASSWORD_ENV = {"news_loader": ENV_LOADER_PASSWORD, "news_analyst": ENV_ANALYST_PASSWORD}
EMBEDDED_DIR = config.STATE_DIR / "pg"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MIGRATION_FILE_RE = re.compile(r"^(?P<version>\d{3})_(?P<name>[a-z0-9_]+)\.sql$")
APPLICATION_NAME = "newsetl"
# Airflow connection extras that are libpq parameters (others, like "cursor", are dropped).
LIBPQ_PARAMS = frozenset({
    "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslpassword", "connect_timeout",
    "application_name", "options", "target_session_attrs", "keepalives", "keepalives_idle",
    "keepalives_interval", "keepalives_count", "gssencmode", "passfile", "channel_binding",
})


class MigrationError(RuntimeError):
    """The database's migration history does not match the migration files."""


@dataclass(frozen=True)
class Migration:
    """One warehouse/migrations/NNN_name.sql file."""

    version: int
    name: str
    path: Path

    @property
    def label(self) -> str:
        return f"{self.version:03d}_{self.name}"

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @cached_property
    def checksum(self) -> str:
        """sha256 of the file with line endings normalized (a CRLF checkout is not a change)."""
        return hashlib.sha256(self.text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migration files of `directory`, in version order."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = MIGRATION_FILE_RE.match(path.name)
        if not match:
            raise MigrationError(f"migration file {path.name!r} is not named NNN_name.sql")
        version = int(match["version"])
        if version in found:
            raise MigrationError(f"two migration files have version {version:03d}: "
                                 f"{found[version].path.name}, {path.name}")
        found[version] = Migration(version, match["name"], path)
    return [found[v] for v in sorted(found)]


# --------------------------------------------------------------------------- URLs
def database_url() -> str:
    """The warehouse URL: NEWSETL_DATABASE_URL, AIRFLOW_CONN_NEWS_WAREHOUSE, or the embedded server."""
    url = os.environ.get(config.ENV_DATABASE_URL, "").strip()
    if url:
        return url
    conn = os.environ.get(ENV_AIRFLOW_CONN, "").strip()
    if conn:
        return airflow_conn_to_url(conn)
    task_url = airflow_task_connection_url()
    if task_url:
        return task_url
    from warehouse.embedded import start_embedded

    return start_embedded(EMBEDDED_DIR, cleanup_mode=None)


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
        spec = json.loads(value)
        extra = spec.get("extra") or {}
        if isinstance(extra, str):
            extra = json.loads(extra) if extra.strip() else {}
        return _build_url(spec.get("login"), spec.get("password"), spec.get("host"), spec.get("port"),
                          spec.get("schema"), extra)
    parts = urlsplit(value)
    if parts.scheme.split("+")[0] not in {"postgres", "postgresql"}:
        raise ValueError(f"{ENV_AIRFLOW_CONN} is not a postgres connection (scheme {parts.scheme!r})")
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
        parts.port,
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


def url_with_database(url: str, dbname: str) -> str:
    """The same server and credentials as `url`, database `dbname` (URI or key=value DSN)."""
    if "://" not in url:
        return psycopg2.extensions.make_dsn(url, dbname=dbname)
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "dbname"])
    return urlunsplit((parts.scheme, parts.netloc, "/" + quote(dbname, safe=""), query, ""))


def connect(url: str | None = None) -> psycopg2.extensions.connection:
    """A new psycopg2 connection to the warehouse (UTF-8, autocommit off)."""
    conn = psycopg2.connect(url or database_url(), application_name=APPLICATION_NAME)
    conn.set_client_encoding("UTF8")
    return conn


# --------------------------------------------------------------------------- migrations
def _applied(cur: psycopg2.extensions.cursor) -> dict[int, tuple[str, str]]:
    cur.execute(sql.LEDGER_EXISTS)
    if not cur.fetchone()[0]:
        return {}
    cur.execute(sql.APPLIED_MIGRATIONS)
    return {version: (name, checksum) for version, name, checksum in cur.fetchall()}


def _verify(applied: Mapping[int, tuple[str, str]], files: list[Migration]) -> None:
    by_version = {m.version: m for m in files}
    for version, (name, checksum) in sorted(applied.items()):
        migration = by_version.get(version)
        if migration is None:
            raise MigrationError(
                f"the database has migration {version:03d}_{name}, which the migration files "
                f"do not have: the code is older than the database"
            )
        if migration.checksum != checksum:
            raise MigrationError(
                f"migration {migration.path.name} changed after it was applied (recorded sha256 "
                f"{checksum[:12]}..., file {migration.checksum[:12]}...). Migrations are forward-only: "
                f"restore the file and put the change in a new migration"
            )


def upgrade(url: str | None = None, directory: Path | None = None) -> list[str]:
    """Apply pending migrations in order; return the labels applied ("001_core", ...).

    Safe to call concurrently (an advisory lock serializes appliers; each re-reads the
    ledger under the lock). Raises MigrationError if an applied file's checksum changed.
    Then sets role login passwords from NEWSETL_LOADER_PASSWORD / NEWSETL_ANALYST_PASSWORD.
    `directory` replaces warehouse/migrations (tests).
    """
    files = migrations(directory or MIGRATIONS_DIR)
    done: list[str] = []
    pending: list[Migration] = []
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            applied = _applied(cur)
            conn.rollback()
            _verify(applied, files)
            pending = [m for m in files if m.version not in applied]
            if pending:
                cur.execute(sql.ADVISORY_XACT_LOCK, (sql.MIGRATION_LOCK_KEY,))
                cur.execute(sql.BOOTSTRAP_LEDGER)
                conn.commit()
            for migration in pending:
                cur.execute(sql.ADVISORY_XACT_LOCK, (sql.MIGRATION_LOCK_KEY,))
                applied = _applied(cur)
                _verify(applied, files)
                if migration.version in applied:  # a concurrent caller applied it
                    conn.rollback()
                    continue
                log.info("applying migration %s", migration.path.name)
                cur.execute(migration.text)
                cur.execute(sql.RECORD_MIGRATION, {"version": migration.version, "name": migration.name,
                                                   "checksum": migration.checksum})
                conn.commit()
                done.append(migration.label)
            _apply_role_passwords(conn)
    except psycopg2.errors.InsufficientPrivilege as exc:
        conn.rollback()
        raise MigrationError(
            f"pending migrations ({', '.join(m.label for m in pending)}) need the schema owner: "
            f"run `newsetl db upgrade` as the database owner "
            f"({(exc.pgerror or str(exc)).strip().splitlines()[0]})"
        ) from exc
    except BaseException:
        if not conn.closed:
            conn.rollback()
        raise
    finally:
        conn.close()
    return done


def _apply_role_passwords(conn: psycopg2.extensions.connection) -> None:
    """ALTER ROLE ... LOGIN PASSWORD for the roles whose password env var is set (never logged)."""
    wanted = {role: os.environ[env] for role, env in ROLE_PASSWORD_ENV.items() if os.environ.get(env)}
    if not wanted:
        return
    with conn.cursor() as cur:
        cur.execute(sql.CAN_MANAGE_ROLES)
        row = cur.fetchone()
        if not row or not row[0]:
            log.info("role passwords not set: the current user may not alter roles")
            conn.rollback()
            return
        for role, password in wanted.items():
            cur.execute(sql.ROLE_EXISTS, (role,))
            if cur.fetchone() is None:
                continue
            cur.execute(pgsql.SQL(sql.ALTER_ROLE_LOGIN_PASSWORD).format(
                role=pgsql.Identifier(role), password=pgsql.Literal(password)))
            log.info("login password set for role %s", role)
    conn.commit()


def current_version(url: str | None = None) -> int:
    """The highest applied migration version (0 on an empty database)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.LEDGER_EXISTS)
            if not cur.fetchone()[0]:
                return 0
            cur.execute(sql.CURRENT_VERSION)
            return int(cur.fetchone()[0])
    finally:
        conn.close()
