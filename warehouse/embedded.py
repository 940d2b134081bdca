"""Embedded Postgres (pgserver: PostgreSQL 16 from a wheel) for the demo and the tests.

The server listens on a unix socket only (no TCP), in `data_dir` or, when that path is
too long for a socket name (108 bytes), in a short runtime directory pgserver picks.
As root, pgserver runs the server as a system user `pgserver` it creates.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import warnings
from pathlib import Path

log = logging.getLogger(__name__)

CLEANUP_MODES = (None, "stop", "delete")
STOP_MODE = "fast"  # pg_ctl -m: roll back open transactions, then shut down cleanly
STOP_TIMEOUT_S = 60


def _pgserver():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (it falls back to /tmp/runtime-<uid>).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
        from pgserver.postgres_server import PostgresServer
        from pgserver.utils import PostmasterInfo
    return pgserver, PostgresServer, PostmasterInfo


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
    log.info("embedded Postgres at %s", uri)
    return uri


def stop_embedded(data_dir: Path) -> None:
    """Stop the embedded server of `data_dir` if it is running (its data stays)."""
    pgserver, PostgresServer, PostmasterInfo = _pgserver()
    data_dir = Path(data_dir).expanduser().resolve()
    handle = PostgresServer._instances.get(data_dir)
    if handle is not None:
        # This process's pgserver handle would try to stop the server again at exit.
        handle._postmaster_info = None
    info = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
    if info is None or not info.is_running():
        return
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
