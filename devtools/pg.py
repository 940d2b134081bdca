"""Postgres for the tools and the tests: a throwaway database on a server, one statement on a URL.

The fault harness (`devtools.faults`), the load benchmark (`devtools.bench_load`) and the
test fixtures (`tests/conftest.py`, `tests/helpers.py`) all use these two, so a scratch
database is made and dropped one way everywhere.
"""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg2
from psycopg2 import sql as pgsql

from warehouse.db import url_with_database


@contextlib.contextmanager
def fresh_database(server_url: str, prefix: str = "scratch") -> Iterator[str]:
    """URL of a new empty database `<prefix>_<hex>` on the server (admin URL), dropped on exit.

    Made from template0 (nothing a server's template1 may carry); dropped WITH (FORCE), also
    when the block raised. The drop is best effort: a server killed or restarted meanwhile
    (the harness's own scenarios do that) has closed the admin connection, and the database
    goes with the server's data directory."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(pgsql.SQL("CREATE DATABASE {} TEMPLATE template0").format(pgsql.Identifier(name)))
        yield url_with_database(server_url, name)
    finally:
        with contextlib.suppress(psycopg2.Error), admin.cursor() as cur:
            cur.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(pgsql.Identifier(name)))
        admin.close()


def query(url: str, statement: str, params: Any = ()) -> list[tuple]:
    """Run one statement on its own connection, commit, and return its rows ([] if it returns none)."""
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(statement, params)
            rows = cur.fetchall() if cur.description else []
        conn.commit()
        return rows
    finally:
        conn.close()
