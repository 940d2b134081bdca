"""The warehouse's login roles need their passwords; the analyst cannot read rejected values;
scraped payloads (SQL, HTML/JS) are stored verbatim and escaped in the alert mail.

All against the real embedded Postgres (pgserver, tests/conftest.py) and a real SMTP server
on loopback (devtools.smtp_sink).
"""
from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest
from helpers import make_article, make_run_dir, query

from devtools import PROJECT_ROOT
from warehouse import db
from warehouse.embedded import LOGIN_ROLES, role_passwords, write_auth_config
from warehouse.load import load_run

ROOT = Path(__file__).resolve().parents[1]
ANALYST_PW = "analyst-Secret-42"
LOADER_PW = "loader-Secret-7"


def _connect(url: str, user: str, password: str | None) -> psycopg2.extensions.connection:
    kwargs = {"user": user, "connect_timeout": 10}
    if password is not None:
        kwargs["password"] = password
    return psycopg2.connect(url, **kwargs)


@pytest.fixture()
def roles_url(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(db.ENV_ANALYST_PASSWORD, ANALYST_PW)
    monkeypatch.setenv(db.ENV_LOADER_PASSWORD, LOADER_PW)
    db.upgrade(pg_url)
    return pg_url


# --------------------------------------------------------------------------- passwords
def test_login_roles_need_their_password_on_the_embedded_server(roles_url: str, tmp_path: Path) -> None:
    """pgserver's initdb trusts every local connection: any password (or none) let news_analyst in."""
    for user, wrong in (("news_analyst", "not-the-password"), ("news_analyst", None),
                        ("news_loader", "not-the-password"), ("news_loader", None)):
        with pytest.raises(psycopg2.OperationalError, match="password authentication failed|no password supplied"):
            _connect(roles_url, user, wrong)
    analyst = _connect(roles_url, "news_analyst", ANALYST_PW)
    try:
        with analyst.cursor() as cur:
            cur.execute("SELECT current_user, count(*) FROM news.articles")
            assert cur.fetchone() == ("news_analyst", 0)
    finally:
        analyst.close()
    # the loader, with its password, still loads a run
    loader = psycopg2.extensions.make_dsn(roles_url, user="news_loader", password=LOADER_PW)
    url = "http://www.ningbolife.com/index.php/ningbo-news/7.html"
    result = load_run(make_run_dir(tmp_path, [make_article(url)], []), loader)
    assert result.articles_inserted == 1
    assert query(roles_url, "SELECT url FROM news.articles") == [(url,)]


def test_the_server_rules_name_scram_for_the_login_roles_and_peer_for_the_superuser(roles_url: str) -> None:
    rules = query(roles_url, "SELECT type, user_name, auth_method, options FROM pg_hba_file_rules "
                             "WHERE error IS NULL ORDER BY rule_number")
    by_user = {}
    for kind, users, method, options in rules:
        for user in users:
            by_user.setdefault((kind, user), (method, options))
    for role in LOGIN_ROLES:
        assert by_user[("local", role)] == ("scram-sha-256", None)
        assert by_user[("host", role)] == ("scram-sha-256", None)
    assert by_user[("local", "postgres")] == ("peer", ["map=newsetl"])
    assert by_user[("local", "all")] == ("scram-sha-256", None)
    assert "trust" not in {method for _, _, method, _ in rules}


def test_auth_files_are_rewritten_only_when_they_differ(tmp_path: Path) -> None:
    assert write_auth_config(tmp_path) is True
    assert write_auth_config(tmp_path) is False
    (tmp_path / "pg_hba.conf").write_text("local all all trust\n", encoding="utf-8")
    assert write_auth_config(tmp_path) is True
    assert "trust" not in (tmp_path / "pg_hba.conf").read_text(encoding="utf-8")


def test_role_passwords_are_generated_once_and_kept_private(tmp_path: Path) -> None:
    path = tmp_path / "home" / "role_passwords.json"
    first = role_passwords(path)
    assert sorted(first) == sorted(LOGIN_ROLES) and len(set(first.values())) == 2
    assert all(len(pw) >= 24 for pw in first.values())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert role_passwords(path) == first
    assert json.loads(path.read_text(encoding="utf-8")) == first


def test_processes_generating_the_role_passwords_at_once_agree_on_one_set(tmp_path: Path) -> None:
    """Two processes starting together (parallel test workers, a scheduler and a worker) must not
    each keep a password the file does not hold: the first to link its file wins, the rest read it."""
    path = tmp_path / "home" / "role_passwords.json"
    code = ("import json, sys, time; from warehouse.embedded import role_passwords; "
            "time.sleep(max(0.0, float(sys.argv[2]) - time.time())); "
            "print(json.dumps(role_passwords(sys.argv[1])))")
    start = time.time() + 2.0  # every process imports first, then all call at the same instant
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), str(start)], stdout=subprocess.PIPE,
                              text=True, cwd=PROJECT_ROOT) for _ in range(8)]
    results = [json.loads(p.communicate(timeout=60)[0]) for p in procs]
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert all(result == stored for result in results)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["role_passwords.json"]  # no temporary files left


def test_the_embedded_warehouse_gives_the_roles_generated_passwords(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`newsetl db upgrade` on the default (embedded) warehouse: the roles get passwords kept
    under NEWSETL_HOME, and log in with them only."""
    from newsetl import connections
    from warehouse.embedded import stop_embedded

    home = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsetl-home-{os.getpid()}-{tmp_path.name}"
    home.mkdir(parents=True)
    for var in ("NEWSETL_DATABASE_URL", "AIRFLOW_CONN_NEWS_WAREHOUSE", db.ENV_ANALYST_PASSWORD,
                db.ENV_LOADER_PASSWORD):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NEWSETL_HOME", str(home))
    try:
        url = connections.database_url()
        db.upgrade(url)
        stored = json.loads((home / "role_passwords.json").read_text(encoding="utf-8"))
        conn = _connect(url, "news_analyst", stored["news_analyst"])
        conn.close()
        with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
            _connect(url, "news_analyst", stored["news_loader"])
    finally:
        for var in (db.ENV_ANALYST_PASSWORD, db.ENV_LOADER_PASSWORD):  # set by database_url()
            os.environ.pop(var, None)
        stop_embedded(home / "pg")
        shutil.rmtree(home, ignore_errors=True)


# --------------------------------------------------------------------------- validation samples
SUMMARY = {
    "articles_total": 2, "articles_accepted": 1, "articles_quarantined": 1,
    "metrics_total": 0, "metrics_accepted": 0, "metrics_quarantined": 0,
    "critical_success": False, "batch_failed": False,
    "suites": {"articles.critical": {"success": False, "statistics": {"evaluated_expectations": 9}}},
    "failed_expectations": [
        {"suite": "articles.critical", "expectation": "expect_column_values_to_not_match_regex_list",
         "name": "body_boilerplate", "column": "body", "unexpected_count": 1,
         "samples": [{"key": "http://x/bad.html", "value": "SECRET rejected body text"}]},
    ],
    "warnings": [],
}


def test_the_analyst_reads_failure_counts_but_not_the_rejected_samples(roles_url: str, tmp_path: Path) -> None:
    url = "http://www.ningbolife.com/index.php/ningbo-news/8.html"
    run = make_run_dir(tmp_path, [make_article(url)], [], summary=SUMMARY)
    load_run(run, psycopg2.extensions.make_dsn(roles_url, user="news_loader", password=LOADER_PW))

    analyst = _connect(roles_url, "news_analyst", ANALYST_PW)
    analyst.autocommit = True
    try:
        with analyst.cursor() as cur:
            cur.execute("SELECT suite, success, failed FROM news.validation_runs")
            ((suite, success, failed),) = cur.fetchall()
            assert (suite, success) == ("articles.critical", False)
            assert failed == [{k: v for k, v in SUMMARY["failed_expectations"][0].items() if k != "samples"}]
            assert "SECRET" not in json.dumps(failed)
            for statement in ("SELECT * FROM news.validation_samples", "SELECT failed FROM news.validation_samples"):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(statement)
    finally:
        analyst.close()
    # the samples are kept, for the roles that may read them
    assert query(roles_url, "SELECT suite, failed FROM news.validation_samples") == [
        ("articles.critical", SUMMARY["failed_expectations"])]


def test_the_analyst_stores_nothing_not_even_a_large_object_or_a_temp_table(roles_url: str, tmp_path: Path) -> None:
    """Table privileges kept news_analyst from the news tables, but any role may create large
    objects and (PUBLIC's default) temp tables: `SELECT lo_from_bytea(0, 'x')` as the analyst
    stored bytes in the warehouse (pg_largeobject) that stayed after its session. Migration 014
    takes both from PUBLIC; the loader keeps TEMP (its COPY staging) and still loads."""
    analyst = _connect(roles_url, "news_analyst", ANALYST_PW)
    analyst.autocommit = True
    try:
        with analyst.cursor() as cur:
            for statement in ("SELECT lo_from_bytea(0, 'analyst bytes')", "SELECT lo_create(0)",
                              "SELECT lo_creat(-1)", "CREATE TEMP TABLE mine (x int)"):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(statement)
        analyst.autocommit = False
        with pytest.raises(psycopg2.OperationalError, match="permission denied for function lo_creat"):
            analyst.lobject(0, "wb")  # libpq's client-side large object API
    finally:
        analyst.close()
    assert query(roles_url, "SELECT count(*) FROM pg_largeobject_metadata") == [(0,)]

    url = "http://www.ningbolife.com/index.php/ningbo-news/9.html"
    run = make_run_dir(tmp_path, [make_article(url)], [])
    result = load_run(run, psycopg2.extensions.make_dsn(roles_url, user="news_loader", password=LOADER_PW))
    assert result.articles_inserted == 1


ANALYST_WRITES = (  # every way a session could store or change something in the warehouse
    "INSERT INTO news.articles (url) VALUES ('http://x/1')",
    "UPDATE news.articles SET title = 'x'",
    "DELETE FROM news.articles",
    "TRUNCATE news.articles",
    "INSERT INTO news.quarantine_audit (action, url) VALUES ('accept', 'http://x/1')",
    "UPDATE news.schema_migrations SET version = version",
    "SELECT url FROM news.articles FOR UPDATE",
    "SELECT url FROM news.articles FOR SHARE",
    "LOCK TABLE news.articles IN SHARE MODE",  # would block every load's inserts
    "ALTER TABLE news.articles ADD COLUMN x int",
    "CREATE TABLE news.mine (x int)",
    "CREATE TABLE public.mine (x int)",
    "CREATE SCHEMA mine",
    "CREATE TEMP TABLE mine (x int)",
    "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    "CREATE VIEW public.v AS SELECT 1",
    "SELECT nextval(pg_get_serial_sequence('news.metrics', 'metric_id'))",
    "SELECT setval(pg_get_serial_sequence('news.metrics', 'metric_id'), 1)",
    "SELECT lo_from_bytea(0, 'analyst bytes')",
    "SELECT lo_create(0)",
    "SELECT lo_import('/etc/hostname')",
    "COPY news.articles (url) FROM STDIN",
    "COPY news.articles (url) FROM '/etc/hostname'",
    "COPY (SELECT 1) TO '/tmp/qa-analyst-copy'",
    "SELECT pg_read_file('/etc/hostname')",
    "SET ROLE news_loader",
    "SET SESSION AUTHORIZATION news_loader",
    "ALTER ROLE news_analyst SUPERUSER",
    "ALTER ROLE news_analyst CREATEROLE",
    "ALTER ROLE news_analyst CREATEDB",
    "ALTER ROLE news_analyst BYPASSRLS",
    "ALTER ROLE news_analyst VALID UNTIL 'infinity'",
    "ALTER ROLE news_loader PASSWORD 'taken'",
    "ALTER ROLE news_loader SET default_transaction_read_only = on",
    "GRANT news_loader TO news_analyst",
)


def test_the_analyst_cannot_write_even_after_resetting_its_own_settings(roles_url: str) -> None:
    """Postgres lets every role change its own password and its own role-level settings (`ALTER ROLE
    news_analyst SET/RESET ...`); nothing can forbid that. The read-only guarantee therefore rests on
    privileges alone, not on a setting such as default_transaction_read_only: with its settings reset and
    read-only turned off, in a fresh session, every write path still fails."""
    analyst = _connect(roles_url, "news_analyst", ANALYST_PW)
    analyst.autocommit = True
    try:
        with analyst.cursor() as cur:
            # what it may change about itself (each only for its own sessions)
            cur.execute("ALTER ROLE news_analyst RESET ALL")
            cur.execute("ALTER ROLE news_analyst SET default_transaction_read_only = off")
            cur.execute("ALTER ROLE news_analyst SET statement_timeout = 0")
            cur.execute("ALTER ROLE news_analyst PASSWORD 'the-analyst-chose-this'")
        analyst.close()
        analyst = _connect(roles_url, "news_analyst", "the-analyst-chose-this")
        failed: dict[str, str] = {}
        with analyst.cursor() as cur:
            cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")
            cur.execute("SHOW default_transaction_read_only")
            assert cur.fetchone() == ("off",)
            analyst.commit()
            for statement in ANALYST_WRITES:  # each in its own transaction, which is then committed
                try:
                    if statement.endswith("FROM STDIN"):
                        cur.copy_expert(statement, io.StringIO("http://x/2\n"))
                    else:
                        cur.execute(statement)
                    analyst.commit()
                except psycopg2.errors.InsufficientPrivilege as exc:
                    failed[statement] = type(exc).__name__
                    analyst.rollback()
                else:
                    failed[statement] = "SUCCEEDED" + (f" ({analyst.notices[-1].strip()})" if analyst.notices else "")
        assert {k: v for k, v in failed.items() if v.startswith("SUCCEEDED")} == {}
        with analyst.cursor() as cur:  # granting itself more: a no-op with a warning, not an error
            cur.execute("GRANT INSERT, UPDATE ON news.articles TO news_analyst")
            cur.execute("SELECT has_table_privilege('news_analyst', 'news.articles', 'INSERT, UPDATE')")
            assert cur.fetchone() == (False,)
        analyst.commit()
    finally:
        analyst.close()
    assert query(roles_url, "SELECT count(*) FROM news.articles") == [(0,)]
    assert query(roles_url, "SELECT count(*) FROM pg_largeobject_metadata") == [(0,)]
    assert query(roles_url, "SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolvaliduntil "
                            "FROM pg_roles WHERE rolname = 'news_analyst'") == [(False, False, False, False, None)]
    # the password it chose lasts until the next `newsetl db upgrade` or load by a role that may alter roles
    db.upgrade(roles_url)
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        _connect(roles_url, "news_analyst", "the-analyst-chose-this")
    _connect(roles_url, "news_analyst", ANALYST_PW).close()
    query(roles_url, "ALTER ROLE news_analyst RESET ALL")  # (roles are cluster-wide: leave no setting behind)


ADVISORY_LOCKS = ("pg_advisory_lock(%(key)s)", "pg_advisory_lock_shared(%(key)s)", "pg_try_advisory_lock(%(key)s)",
                  "pg_try_advisory_lock_shared(%(key)s)", "pg_advisory_xact_lock(%(key)s)",
                  "pg_advisory_xact_lock_shared(%(key)s)", "pg_try_advisory_xact_lock(%(key)s)",
                  "pg_try_advisory_xact_lock_shared(%(key)s)", "pg_advisory_lock(1, 2)",
                  "pg_advisory_lock_shared(1, 2)", "pg_try_advisory_lock(1, 2)", "pg_advisory_xact_lock(1, 2)")


def test_the_analyst_cannot_hold_the_load_lock_and_stall_every_load(roles_url: str, tmp_path: Path) -> None:
    """Advisory locks are every role's by default: as news_analyst, `SELECT pg_advisory_lock(<the load lock's
    key>)` (or a shared one, or the xact form in a transaction left open) made every load, and every upgrade's
    indicator sync, wait on it until statement_timeout (600 s) failed them, day after day, and the migrations
    lock stopped `newsetl db upgrade`. Migration 015 gives the advisory lock functions to news_loader and the
    database owner only; the loader still loads."""
    from warehouse import sql

    analyst = _connect(roles_url, "news_analyst", ANALYST_PW)
    analyst.autocommit = True
    try:
        with analyst.cursor() as cur:
            for call in ADVISORY_LOCKS:
                for key in (sql.LOAD_LOCK_KEY, sql.MIGRATION_LOCK_KEY):
                    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="permission denied for function"):
                        cur.execute(f"SELECT {call}", {"key": key})
    finally:
        analyst.close()
    url = "http://www.ningbolife.com/index.php/ningbo-news/10.html"
    loader_url = psycopg2.extensions.make_dsn(roles_url, user="news_loader", password=LOADER_PW)
    result = load_run(make_run_dir(tmp_path, [make_article(url)], []), loader_url)
    assert result.articles_inserted == 1
    db.upgrade(loader_url)  # the loader's upgrade (ledger read, indicator sync under the load lock) still runs


def test_migration_009_moves_the_stored_samples_out_of_validation_runs(pg_url: str, tmp_path: Path) -> None:
    before = tmp_path / "migrations"
    before.mkdir()
    for path in sorted(db.MIGRATIONS_DIR.glob("*.sql")):
        if int(path.name[:3]) < 9:
            shutil.copy(path, before / path.name)
    db.upgrade(pg_url, directory=before)
    query(pg_url, "INSERT INTO news.crawl_runs (run_id) VALUES ('old')")
    query(pg_url, "INSERT INTO news.validation_runs (run_id, suite, success, failed) VALUES "
                  "('old', 'articles.critical', false, %s), ('old', 'metrics.critical', true, '[]')",
          (json.dumps(SUMMARY["failed_expectations"]),))
    assert "009_validation_samples" in db.upgrade(pg_url)
    assert query(pg_url, "SELECT suite, failed FROM news.validation_runs ORDER BY suite") == [
        ("articles.critical", [{k: v for k, v in SUMMARY["failed_expectations"][0].items() if k != "samples"}]),
        ("metrics.critical", [])]
    assert query(pg_url, "SELECT run_id, suite, failed FROM news.validation_samples") == [
        ("old", "articles.critical", SUMMARY["failed_expectations"])]


def test_concurrent_upgrades_with_role_passwords_set_do_not_collide(roles_url: str) -> None:
    """Every load and validation runs db.upgrade, which sets the role passwords: concurrent
    ones altered the same role at once and failed with "tuple concurrently updated"."""
    import threading

    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(30)
            for _ in range(5):
                db.upgrade(roles_url)
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    _connect(roles_url, "news_analyst", ANALYST_PW).close()
