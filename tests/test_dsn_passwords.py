"""Passwords with @ / : % in DSNs: encoded where a DSN is built, never echoed by an error.

The embedded test server trusts every local login; the role made here is switched to
scram-sha-256 in pg_hba.conf for the duration of the test, so a wrong password is
refused and a right one proves it reached the server intact.
"""
from __future__ import annotations

import json
import time
import traceback
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from psycopg2 import sql as pgsql

from newsetl import connections
from warehouse import db

HOSTILE = "p@ss/w:rd%"
# Pieces of HOSTILE that a misparse turns into a host, database, port or libpq token.
FRAGMENTS = ("p@ss", "ss/w", "w:rd", "rd%", "/w:", "p%ss")


def assert_no_secret(text: str) -> None:
    for fragment in FRAGMENTS:
        assert fragment not in text, (fragment, text)


@pytest.fixture()
def hostile_role(pg_server_url: str) -> Iterator[dict]:
    """A login role with password HOSTILE that the server really checks (scram)."""
    role = f"pwtest_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(pg_server_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(pgsql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            pgsql.Identifier(role), pgsql.Literal(HOSTILE)))
        cur.execute("SHOW hba_file")
        hba = Path(cur.fetchone()[0])
    params = psycopg2.extensions.parse_dsn(pg_server_url)
    original = hba.read_text()
    hba.write_text(f"local all {role} scram-sha-256\nhost all {role} all scram-sha-256\n" + original)
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT pg_reload_conf()")
        time.sleep(0.5)  # the postmaster reloads on SIGHUP, asynchronously
        yield {"role": role, "host": params.get("host"), "port": params.get("port"),
               "dbname": params.get("dbname") or "postgres"}
    finally:
        hba.write_text(original)
        with admin.cursor() as cur:
            cur.execute("SELECT pg_reload_conf()")
            time.sleep(0.5)
            cur.execute(pgsql.SQL("DROP ROLE IF EXISTS {}").format(pgsql.Identifier(role)))
        admin.close()


def _current_user(url: str) -> str:
    conn = db.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT current_user")
            return cur.fetchone()[0]
    finally:
        conn.close()


def test_hostile_password_connects_through_every_dsn_builder(hostile_role):
    r = hostile_role
    as_json = json.dumps({"conn_type": "postgres", "login": r["role"], "password": HOSTILE,
                          "host": r["host"], "port": r["port"], "schema": r["dbname"]})
    json_url = connections.airflow_conn_to_url(as_json)
    assert HOSTILE not in json_url and quote(HOSTILE, safe="") in json_url
    assert _current_user(json_url) == r["role"]

    port = f":{r['port']}" if r["port"] else ""
    # Airflow's URI form: a socket directory is the percent-encoded host.
    uri = f"postgresql://{r['role']}:{quote(HOSTILE, safe='')}@{quote(r['host'], safe='')}{port}/{r['dbname']}"
    assert _current_user(connections.airflow_conn_to_url(uri)) == r["role"]
    assert _current_user(db.url_with_database(uri, r["dbname"])) == r["role"]


def test_a_wrong_password_is_refused_and_the_message_hides_it(hostile_role):
    r = hostile_role
    wrong = HOSTILE + "x"
    url = connections.airflow_conn_to_url(json.dumps(
        {"conn_type": "postgres", "login": r["role"], "password": wrong, "host": r["host"],
         "port": r["port"], "schema": r["dbname"]}))
    with pytest.raises(db.WarehouseUnavailable) as info:
        db.connect(url)
    message = str(info.value)
    assert "password authentication failed" in message  # the server did check it
    assert_no_secret(message)
    assert quote(wrong, safe="") not in message and ":***@" in message


@pytest.mark.parametrize("dsn", [
    "postgresql://u:p@ss/w:rd%@127.0.0.1:1/db",   # libpq: host "ss", token "w:rd%@..." in its error
    "postgresql://u:p@ss/w:rd@127.0.0.1:1/db",    # libpq: "could not translate host name "ss""
    "postgresql://u:p%ss@127.0.0.1:1/db",         # libpq: invalid percent-encoded token "p%ss"
])
def test_an_unencoded_password_is_refused_without_echoing_it(dsn):
    with pytest.raises(db.WarehouseUnavailable) as info:
        db.connect(dsn)
    assert "URL-encode" in str(info.value)
    assert_no_secret(str(info.value))
    shown = "".join(traceback.format_exception(info.value))  # what a crash would print
    assert_no_secret(shown)
    error = info.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_unreachable_server_message_hides_a_key_value_password():
    with pytest.raises(db.WarehouseUnavailable) as info:
        db.connect(r"host=127.0.0.1 port=1 user=u password='p@ss/w:rd%\' x' connect_timeout=2")
    assert "password=***" in str(info.value)
    assert_no_secret(str(info.value))
    assert "x'" not in str(info.value)


@pytest.mark.parametrize("dsn,shown", [
    ("postgresql://u:p%40ss%2Fw%3Ard%25@h:5432/db", "postgresql://u:***@h:5432/db"),
    ("postgresql://u:p@ss/w:rd%@h:5432/db", "postgresql://u:***@h:5432/db"),
    ("postgresql://u:pa?ss@h/db", "postgresql://u:***@h/db"),
    ("postgresql://u@h/db?password=p@ss/w:rd%&sslmode=require", "postgresql://u@h/db?password=***&sslmode=require"),
    ("postgresql://postgres:@/postgres?host=/tmp/x", "postgresql://postgres:***@/postgres?host=/tmp/x"),
    (r"host=h password='p@ss/w:rd%\' x' user=u", "host=h password=*** user=u"),
])
def test_redacted_hides_the_whole_password(dsn, shown):
    assert db.redacted(dsn) == shown


def test_url_with_database_refuses_an_unencoded_password():
    with pytest.raises(ValueError, match="URL-encode") as info:
        db.url_with_database("postgresql://u:p@ss/w:rd%@h/db", "other")
    assert_no_secret(str(info.value))


@pytest.mark.parametrize("uri", ["postgresql://u:p@ss/w:rd%@h:5432/db",
                                 "postgresql://u:w:rd/x@h/db"])
def test_airflow_conn_uri_with_an_unencoded_password_is_refused_without_echoing_it(uri):
    with pytest.raises(ValueError) as info:
        connections.airflow_conn_to_url(uri)
    assert_no_secret(str(info.value))
    assert "w:rd" not in "".join(traceback.format_exception(info.value))


# --------------------------------------------------------------------------- scrubbing libpq's messages
@pytest.mark.parametrize("url,message,shown", [
    # a one-letter password: the letter inside words stays, the token goes
    ("postgresql://u:p@127.0.0.1:5999/db", 'connection to server at "127.0.0.1", port 5999 failed: timeout expired',
     'connection to server at "127.0.0.1", port 5999 failed: timeout expired'),
    ("postgresql://u:p@h/db", 'password "p" is wrong; p', 'password "***" is wrong; ***'),
    # the DSN's password field inside the message, URI or key=value, whatever it is
    ("postgresql://u:p@h/db", "invalid URI postgresql://u:p@h:x/db here", "invalid URI postgresql://u:***@h:x/db here"),
    ("postgresql://u:p@h/db", "bad option: host=h password=p port=x", "bad option: host=h password=*** port=x"),
    ("postgresql://u:other@h/db", "see postgresql://v:q@h2/db", "see postgresql://v:***@h2/db"),
    # a longer password as a token of its own, as written and decoded; inside a longer word it stays
    ("postgresql://u:s3cret@h/db", "user u with s3cret failed (s3cret)", "user u with *** failed (***)"),
    ("postgresql://u:s3cret@h/db", "nots3cretly", "nots3cretly"),
    (f"postgresql://u:{quote(HOSTILE, safe='')}@h/db", f"token {HOSTILE} and {quote(HOSTILE, safe='')}.",
     "token *** and ***."),
    ("postgresql://u:p%40ss@h/db", "user@p@ss@host", "user@***@host"),  # edges not letters: no word to be inside
])
def test_scrubbed_hides_the_password_where_it_is_a_credential_only(url, message, shown):
    assert db.scrubbed(message, url) == shown


def test_connect_sets_a_default_connect_timeout_unless_the_dsn_or_the_environment_does(monkeypatch):
    from core import config

    for var in (config.ENV_DB_CONNECT_TIMEOUT, config.ENV_LIBPQ_CONNECT_TIMEOUT):
        monkeypatch.delenv(var, raising=False)
    assert config.db_connect_timeout() == 10
    seen: list[dict] = []

    def fake_connect(dsn, **kwargs):
        seen.append(kwargs)
        raise psycopg2.OperationalError("stop here")

    monkeypatch.setattr(db.psycopg2, "connect", fake_connect)
    for dsn in ("postgresql://u:pw@h/db", "host=h user=u dbname=db"):
        with pytest.raises(db.WarehouseUnavailable):
            db.connect(dsn)
        assert seen.pop()["connect_timeout"] == "10"
    for dsn in ("postgresql://u:pw@h/db?connect_timeout=3", "host=h connect_timeout=3"):  # the DSN's own wins
        with pytest.raises(db.WarehouseUnavailable):
            db.connect(dsn)
        assert "connect_timeout" not in seen.pop()
    monkeypatch.setenv(config.ENV_LIBPQ_CONNECT_TIMEOUT, "4")  # libpq's own variable: libpq applies it
    with pytest.raises(db.WarehouseUnavailable):
        db.connect("postgresql://u:pw@h/db")
    assert "connect_timeout" not in seen.pop()
    monkeypatch.setenv(config.ENV_DB_CONNECT_TIMEOUT, "5")  # ours wins over libpq's
    with pytest.raises(db.WarehouseUnavailable):
        db.connect("postgresql://u:pw@h/db")
    assert seen.pop()["connect_timeout"] == "5"
    for bad in ("soon", "-1", "1.5"):
        monkeypatch.setenv(config.ENV_DB_CONNECT_TIMEOUT, bad)
        with pytest.raises(ValueError, match=config.ENV_DB_CONNECT_TIMEOUT):
            db.connect("postgresql://u:pw@h/db")


@pytest.mark.timeout(60)  # a hang guard: without a default timeout libpq waits forever
def test_without_any_setting_the_default_timeout_ends_a_connection_to_a_silent_server(monkeypatch):
    """The default, shortened to 2 s here, reaches libpq: a server that never answers costs that."""
    from core import config
    from devtools.smtp_sink import hung_relay

    for var in (config.ENV_DB_CONNECT_TIMEOUT, config.ENV_LIBPQ_CONNECT_TIMEOUT):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(config, "DEFAULT_DB_CONNECT_TIMEOUT_S", 2)
    with hung_relay() as silent:
        started = time.monotonic()
        with pytest.raises(db.WarehouseUnavailable, match="timeout expired"):
            db.connect(f"postgresql://u:pw@127.0.0.1:{silent.port}/db")
        took = time.monotonic() - started
        assert silent.accepted == 1
    assert 1.5 < took < 20, took


def test_a_dsn_of_another_database_and_a_broken_json_connection_say_what_is_wrong():
    # mysql://... was "cannot be parsed: URL-encode ..." (the wrong cause); '{not json' was json's own message
    with pytest.raises(db.WarehouseUnavailable) as raised:
        db.connect("mysql://u:secret@127.0.0.1/db")
    assert "is not a PostgreSQL URL (scheme 'mysql')" in str(raised.value) and "secret" not in str(raised.value)
    with pytest.raises(ValueError) as raised:
        connections.airflow_conn_to_url('{"login": "u", "password": "secret", not json')
    message = str(raised.value)
    assert message.startswith("AIRFLOW_CONN_NEWS_WAREHOUSE is not valid JSON (") and "secret" not in message
