"""Embedded Postgres (pgserver: PostgreSQL 16 from a wheel) for the demo and the tests.

The server listens on a unix socket only (no TCP), in `data_dir` or, when that path is
too long for a socket name (108 bytes), in a short runtime directory pgserver picks.
As root, pgserver runs the server as a system user `pgserver` it creates.

Authentication (`pg_hba.conf`, rewritten at every start): pgserver's initdb trusts every
local connection, so any role could log in without its password. The login roles
(`news_loader`, `news_analyst`, LOGIN_ROLES) need their password (scram-sha-256) on the
socket and on 127.0.0.1/::1; any other role too. The superuser `postgres`, which the
project's own setup uses (migrations, the tests' databases, `newsetl db url`) and which
has no password, keeps a passwordless path on the socket only, restricted by `peer` to the
OS user that started the server (and the `pgserver` system user the server runs as under
root): another OS user who can reach the socket directory gets no superuser session.
`role_passwords` generates the login roles' passwords once, outside the repository.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import signal
import subprocess
import warnings
from pathlib import Path

from core.wording import counted

log = logging.getLogger(__name__)

CLEANUP_MODES = (None, "stop", "delete")
STOP_MODE = "fast"  # pg_ctl -m: roll back open transactions, then shut down cleanly
STOP_TIMEOUT_S = 60
SUPERUSER = "postgres"             # pgserver's superuser (initdb -U postgres)
SERVER_OS_USER = "pgserver"        # the OS user pgserver runs the server as under root
LOGIN_ROLES = ("news_loader", "news_analyst")
IDENT_MAP = "newsetl"
HBA_HEADER = "# written by newsetl (warehouse.embedded.write_auth_config) at every start; edits are lost\n"
PASSWORDS_MODE = 0o600


def _pgserver():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (it falls back to /tmp/runtime-<uid>).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
        from pgserver.postgres_server import PostgresServer
        from pgserver.utils import PostmasterInfo
    return pgserver, PostgresServer, PostmasterInfo


def cluster_exists(data_dir: Path) -> bool:
    """True when `data_dir` holds an initialised cluster (initdb wrote its PG_VERSION);
    `start_embedded` on any other directory creates a new, empty one there."""
    return (Path(data_dir).expanduser() / "PG_VERSION").is_file()


def start_embedded(data_dir: Path, cleanup_mode: str | None = None) -> str:
    """Start (or reuse) the embedded server whose data lives in `data_dir`; return its libpq URI.

    cleanup_mode None keeps the server running after this process exits (so a user can
    psql into it after `newsetl demo`); "stop" stops it and "delete" also removes
    `data_dir` when the last process using it exits (pgserver semantics).
    """
    if cleanup_mode not in CLEANUP_MODES:
        raise ValueError(f"cleanup_mode must be one of {CLEANUP_MODES}, not {cleanup_mode!r}")
    pgserver, PostgresServer, PostmasterInfo = _pgserver()
    data_dir = Path(data_dir).expanduser().resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir, cleanup_mode=cleanup_mode)
    info = PostmasterInfo.read_from_pgdata(data_dir)
    if info is None or not info.is_running():
        # This process stopped it earlier (stop_embedded): pgserver caches the handle, so
        # start the server again through that handle.
        with PostgresServer._lock:
            server.ensure_postgres_running()
    uri = server.get_uri()
    if write_auth_config(data_dir):
        _reload(uri)
    log.info("embedded Postgres at %s", uri)
    return uri


def hba_lines() -> list[str]:
    """pg_hba.conf of the embedded server (first match wins; see the module docstring)."""
    roles = ",".join(LOGIN_ROLES)
    return [
        f"local  all  {roles}  scram-sha-256",
        f"host   all  {roles}  127.0.0.1/32  scram-sha-256",
        f"host   all  {roles}  ::1/128  scram-sha-256",
        f"local  all  {SUPERUSER}  peer map={IDENT_MAP}",
        "local  all  all  scram-sha-256",
        "host   all  all  127.0.0.1/32  scram-sha-256",
        "host   all  all  ::1/128  scram-sha-256",
    ]


def ident_lines() -> list[str]:
    """pg_ident.conf: the OS users that may be the passwordless superuser on the socket."""
    import pwd

    os_users = dict.fromkeys([pwd.getpwuid(os.geteuid()).pw_name, SERVER_OS_USER])
    return [f"{IDENT_MAP}  {user}  {SUPERUSER}" for user in os_users]


def write_auth_config(data_dir: Path) -> bool:
    """Write pg_hba.conf and pg_ident.conf into `data_dir`; True if either changed (reload)."""
    changed = False
    owner = data_dir.stat()
    for name, lines in (("pg_hba.conf", hba_lines()), ("pg_ident.conf", ident_lines())):
        path = data_dir / name
        text = HBA_HEADER + "\n".join(lines) + "\n"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        tmp = path.with_name(name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.chmod(0o600)
        if os.name == "posix" and os.geteuid() == 0:
            os.chown(tmp, owner.st_uid, owner.st_gid)  # readable by the server's own user
        tmp.replace(path)
        changed = True
    return changed


def _reload(uri: str) -> None:
    """Make the running server read its auth files again (pg_reload_conf as the superuser)."""
    import psycopg2

    conn = psycopg2.connect(uri)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT pg_reload_conf()")
            cur.execute("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")
            bad = cur.fetchone()[0]
    finally:
        conn.close()
    if bad:
        raise RuntimeError(f"the embedded server rejected {counted(bad, 'line')} of its pg_hba.conf")


def role_passwords(path: Path) -> dict[str, str]:
    """The login roles' passwords kept in `path` (JSON, mode 0600, outside the repository:
    <NEWSETL_HOME>/role_passwords.json); generated once, at random, when missing."""
    path = Path(path)
    stored = _stored_passwords(path)
    if stored is not None:
        return stored
    passwords = {role: secrets.token_urlsafe(24) for role in LOGIN_ROLES}
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written under a name of this process's own, then linked into place only if no other
    # process did so first: processes starting at once agree on one set of passwords.
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PASSWORDS_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(passwords, fh, indent=1)
        try:
            os.link(tmp, path)
        except FileExistsError:
            stored = _stored_passwords(path)
            if stored is not None:
                return stored  # another process wrote them first: theirs are the roles' passwords
            tmp.replace(path)  # a file missing a role: replaced
        return passwords
    finally:
        tmp.unlink(missing_ok=True)


def _stored_passwords(path: Path) -> dict[str, str] | None:
    if not path.exists():
        return None
    stored = json.loads(path.read_text(encoding="utf-8"))
    if all(isinstance(stored.get(role), str) and stored[role] for role in LOGIN_ROLES):
        return {role: stored[role] for role in LOGIN_ROLES}
    return None


def stop_embedded(data_dir: Path) -> bool:
    """Stop the embedded server of `data_dir` if it is running (its data stays); False when
    none was running there (no cluster, or a stopped one): nothing was done."""
    pgserver, PostgresServer, PostmasterInfo = _pgserver()
    data_dir = Path(data_dir).expanduser().resolve()
    handle = PostgresServer._instances.get(data_dir)
    if handle is not None:
        # This process's pgserver handle would try to stop the server again at exit.
        handle._postmaster_info = None
    info = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
    if info is None or not info.is_running():
        return False
    user = None
    if os.name == "posix" and os.geteuid() == 0:
        user = "pgserver"  # pgserver runs the server as this user when started as root
    try:
        pgserver.pg_ctl(["-w", "-m", STOP_MODE, "stop"], pgdata=data_dir, user=user)
    except subprocess.CalledProcessError:
        # pg_ctl runs as the server user and may not reach data_dir (e.g. a parent directory
        # made private since): signal the postmaster directly, SIGINT = fast shutdown.
        info.process.send_signal(signal.SIGINT)
        info.process.wait(STOP_TIMEOUT_S)
    log.info("embedded Postgres in %s stopped", data_dir)
    return True
