"""Connections and forward-only schema migrations for the warehouse (schema `news`).

Every function takes the warehouse DSN (a libpq URI or key=value string); which
database that is (NEWSETL_DATABASE_URL, the Airflow connection `news_warehouse`, the
embedded server) is decided once by the entry point (`newsetl.connections.database_url`).

Migrations are warehouse/migrations/NNN_name.sql, applied in order, each in its own
transaction under an advisory lock, recorded in news.schema_migrations with a sha256
checksum. A file changed after it was applied is refused, never re-run.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import psycopg2
import psycopg2.errors
import psycopg2.extensions
from psycopg2 import sql as pgsql

from core import config
from warehouse import sql

log = logging.getLogger(__name__)

ENV_LOADER_PASSWORD = "NEWSETL_LOADER_PASSWORD"
ENV_ANALYST_PASSWORD = "NEWSETL_ANALYST_PASSWORD"
ROLE_PASSWORD_ENV = {"news_loader": ENV_LOADER_PASSWORD, "news_analyst": ENV_ANALYST_PASSWORD}
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MIGRATION_FILE_RE = re.compile(r"^(?P<version>\d{3})_(?P<name>[a-z0-9_]+)\.sql$")
APPLICATION_NAME = "newsetl"


class MigrationError(RuntimeError):
    """The database's migration history does not match the migration files."""


class WarehouseUnavailable(psycopg2.OperationalError, RuntimeError):
    """The warehouse cannot be reached: one line saying where (password hidden) and why."""


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
# A key=value password: '...' with \' and \\ escapes, or up to the next blank.
_KV_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'?|\S+)")


def redacted(url: str) -> str:
    """A DSN (URI or key=value) with its password replaced by ***, for messages.

    A URI's user info is taken up to its last `@`, so a password pasted in without
    URL-encoding (`p@ss/w:rd`) is hidden whole too (at worst more than the password is).
    """
    if "://" in url:
        scheme, _, rest = url.partition("://")
        userinfo, at, hostpart = rest.rpartition("@")
        if at and ":" in userinfo:
            rest = userinfo.partition(":")[0] + ":***@" + hostpart
        return re.sub(r"(password=)[^&]*", r"\1***", f"{scheme}://{rest}")
    return _KV_PASSWORD.sub(r"\1***", url)


def unencoded_credentials(url: str) -> bool:
    """True if a URI's user or password holds an unencoded `@` or `/`.

    libpq ends the user info at the first `@` or `/`, urllib at the last `@` before the
    first `/`: such a URI names a wrong host or database (part of the password), and
    libpq's error would quote it. Encode with urllib.parse.quote(password, safe="").
    """
    if "://" not in url:
        return False
    before_query = url.partition("://")[2].partition("?")[0]
    userinfo, at, _ = before_query.rpartition("@")
    return bool(at) and ("@" in userinfo or "/" in userinfo)


def _passwords_in(url: str) -> list[str]:
    """The password of DSN `url` as written and decoded (to scrub it from messages)."""
    found: set[str] = set()
    if "://" in url:
        userinfo, at, _ = url.partition("://")[2].rpartition("@")
        if at and ":" in userinfo:
            found.add(userinfo.partition(":")[2])
        found.update(v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True) if k == "password")
    else:
        for match in _KV_PASSWORD.finditer(url):
            raw = match.group(2)
            found.add(raw)
            if raw.startswith("'"):
                found.add(re.sub(r"\\(.)", r"\1", raw.strip("'")))
    found |= {unquote(p) for p in found}
    return sorted((p for p in found if p), key=len, reverse=True)


# A URI written inside a message (libpq quotes DSNs and pieces of them).
_URI_IN_TEXT = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>()]*")


def _as_token(password: str) -> re.Pattern[str]:
    """`password` where it stands as a token of its own: not glued to letters or digits on a side
    where it begins or ends with one (password "p" is not the p of "port"; "p@ss" before "@host"
    still is a token)."""
    left = r"(?<!\w)" if re.match(r"\w", password[0]) else ""
    right = r"(?!\w)" if re.match(r"\w", password[-1]) else ""
    return re.compile(left + re.escape(password) + right)


def scrubbed(message: str, url: str) -> str:
    """`message` (e.g. libpq's error) with the password of DSN `url` hidden where it is a
    credential: the password field of any URI or `password=...` in it, and the password wherever
    it stands as a token of its own (as written and URL-decoded). The same letters inside other
    words stay (a password "p" does not turn "port" into "***ort")."""
    message = _URI_IN_TEXT.sub(lambda m: redacted(m.group(0)), message)
    message = _KV_PASSWORD.sub(r"\1***", message)
    for password in _passwords_in(url):
        message = _as_token(password).sub("***", message)
    return message


def url_with_database(url: str, dbname: str) -> str:
    """The same server and credentials as `url`, database `dbname` (URI or key=value DSN)."""
    if "://" not in url:
        return psycopg2.extensions.make_dsn(url, dbname=dbname)
    if unencoded_credentials(url):
        raise ValueError(f"the DSN {redacted(url)} has an unencoded @ or / in its user or password: "
                         f"URL-encode them (urllib.parse.quote(password, safe=''))")
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "dbname"])
    return urlunsplit((parts.scheme, parts.netloc, "/" + quote(dbname, safe=""), query, ""))


def connect_kwargs(url: str, timeout: int | None) -> dict[str, str]:
    """psycopg2.connect's keyword arguments for DSN `url`: the application name, and libpq's
    `connect_timeout` = `timeout` unless the DSN sets its own (a server that accepts the TCP
    connection and never answers would otherwise hang every command forever). ProgrammingError
    when libpq cannot parse the DSN."""
    kwargs = {"application_name": APPLICATION_NAME}
    if timeout is not None and "connect_timeout" not in psycopg2.extensions.parse_dsn(url):
        kwargs["connect_timeout"] = str(timeout)
    return kwargs


def connect(url: str) -> psycopg2.extensions.connection:
    """A new psycopg2 connection to the warehouse at DSN `url` (UTF-8, autocommit off).

    Establishing it takes at most `core.config.db_connect_timeout()` seconds (10 by default,
    NEWSETL_DB_CONNECT_TIMEOUT) per host tried, unless the DSN sets `connect_timeout` itself. Each
    statement then runs or waits for a lock at most `core.config.db_statement_timeout()` seconds (600 by
    default, NEWSETL_DB_STATEMENT_TIMEOUT; the server cancels it: QueryCanceled), unless the DSN's
    `options` or PGOPTIONS set `statement_timeout` themselves.

    Raises WarehouseUnavailable (an OperationalError) with a one-line reason when the
    server cannot be reached or refuses the login, or when the DSN is malformed. The
    message never holds the password, and the libpq error (which may quote part of a
    malformed DSN) is not chained to it.
    """
    where = redacted(url)
    scheme, sep, _ = url.partition("://")
    if sep and scheme.split("+")[0].lower() not in ("postgres", "postgresql"):
        raise WarehouseUnavailable(f"the warehouse DSN {where} is not a PostgreSQL URL (scheme {scheme!r}): "
                                   f"the warehouse is PostgreSQL, postgresql://user:password@host:port/database")
    if unencoded_credentials(url):
        raise WarehouseUnavailable(
            f"the warehouse DSN {where} has an unencoded @ or / in its user or password: "
            f"URL-encode them (urllib.parse.quote(password, safe=''))")
    timeout = config.db_connect_timeout()  # ValueError: a bad NEWSETL_DB_CONNECT_TIMEOUT
    statement_timeout = config.db_statement_timeout()  # ValueError: a bad NEWSETL_DB_STATEMENT_TIMEOUT
    try:
        conn = psycopg2.connect(url, **connect_kwargs(url, timeout))
    except psycopg2.OperationalError as exc:
        reason = scrubbed(" ".join(str(exc).split()), url) or type(exc).__name__
        raise WarehouseUnavailable(f"cannot reach the warehouse at {where} "
                                   f"(OperationalError: {reason})") from None
    except psycopg2.ProgrammingError:  # "invalid dsn: ..." quotes the token it choked on
        raise WarehouseUnavailable(
            f"the warehouse DSN {where} cannot be parsed: URL-encode the user, password and "
            f"database (urllib.parse.quote(value, safe='')), quote key=value values with '...'") from None
    conn.set_client_encoding("UTF8")
    if statement_timeout and not _sets_statement_timeout(url):
        with conn.cursor() as cur:
            cur.execute(sql.SET_STATEMENT_TIMEOUT, (f"{statement_timeout}s",))
        conn.commit()
    return conn


def _sets_statement_timeout(url: str) -> bool:
    """True when the DSN's `options` or libpq's PGOPTIONS already set a statement_timeout (theirs wins)."""
    try:
        options = psycopg2.extensions.parse_dsn(url).get("options", "")
    except psycopg2.ProgrammingError:
        options = ""
    return "statement_timeout" in options + " " + os.environ.get("PGOPTIONS", "")


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


def upgrade(url: str, directory: Path | None = None) -> list[str]:
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
            _sync_indicators(conn)
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


def _sync_indicators(conn: psycopg2.extensions.connection) -> None:
    """news.indicators = seeds/indicators.csv, stored metrics remapped when it changed (from 007 on),
    under the load lock (warehouse.indicators.sync_catalog)."""
    from warehouse.indicators import sync_catalog

    with conn.cursor() as cur:
        sync_catalog(cur, lock_key=sql.LOAD_LOCK_KEY)
    conn.commit()


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
        # Concurrent upgrades (loads, validations) altering the same role fail with "tuple
        # concurrently updated": one at a time, under the migrations' lock (released at commit).
        cur.execute(sql.ADVISORY_XACT_LOCK, (sql.MIGRATION_LOCK_KEY,))
        for role, password in wanted.items():
            cur.execute(sql.ROLE_EXISTS, (role,))
            if cur.fetchone() is None:
                continue
            cur.execute(pgsql.SQL(sql.ALTER_ROLE_LOGIN_PASSWORD).format(
                role=pgsql.Identifier(role), password=pgsql.Literal(password)))
            log.info("login password set for role %s", role)
    conn.commit()


def current_version(url: str) -> int:
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
