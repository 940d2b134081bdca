"""Warehouse schema on a real Postgres: migrations, roles, constraints, URLs, embedded server."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import textwrap
import threading
from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest
from helpers import make_article, make_metric, make_run_dir
from helpers import query as _query

from core.records import UNITS
from devtools import airflow_local
from newsetl import connections
from warehouse import db
from warehouse.embedded import start_embedded, stop_embedded
from warehouse.load import load_run

ROOT = Path(__file__).resolve().parents[1]
ALL_MIGRATIONS = ["001_core", "002_roles", "003_metric_set_hash", "004_metric_context", "005_alert_outbox",
                  "006_quarantine_audit", "007_indicators", "008_stories", "009_validation_samples",
                  "010_validation_recorded_at", "011_validation_validated_at", "012_articles_content_hash_idx",
                  "013_day_periods", "014_no_analyst_storage", "015_no_analyst_locks", "016_physical_units"]
LATEST = len(ALL_MIGRATIONS)
EXTRA = f"{LATEST + 1:03d}_extra"  # a migration file the tests add after the shipped ones
MORE = f"{LATEST + 2:03d}_more"
NEWS_TABLES = {"schema_migrations", "sources", "crawl_runs", "articles", "article_versions", "metrics",
               "quarantine", "validation_runs", "alert_outbox", "quarantine_audit",
               "indicators", "indicator_catalog", "story_prints", "story_bands", "validation_samples"}
NEWS_VIEWS = {"v_articles", "v_metrics", "v_quarantine", "v_quarantined_urls", "v_metric_facts", "v_metric_series",
              "v_source_daily", "v_stories"}


# --------------------------------------------------------------------------- migrations
def test_upgrade_applies_every_migration_once(pg_url: str) -> None:
    assert db.current_version(pg_url) == 0
    assert db.upgrade(pg_url) == ALL_MIGRATIONS
    assert db.upgrade(pg_url) == []  # idempotent: nothing pending
    assert db.current_version(pg_url) == LATEST

    ledger = _query(pg_url, "SELECT version, name, checksum FROM news.schema_migrations ORDER BY version")
    files = sorted(Path(db.MIGRATIONS_DIR).glob("*.sql"))
    assert [(v, n) for v, n, _ in ledger] == [(1, "core"), (2, "roles"), (3, "metric_set_hash"), (4, "metric_context"),
                                                  (5, "alert_outbox"), (6, "quarantine_audit"),
                                                  (7, "indicators"), (8, "stories"), (9, "validation_samples"),
                                                      (10, "validation_recorded_at"), (11, "validation_validated_at"),
                                                          (12, "articles_content_hash_idx"), (13, "day_periods"),
                                                          (14, "no_analyst_storage"), (15, "no_analyst_locks"),
                                                          (16, "physical_units")]
    assert [c for _, _, c in ledger] == [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]

    tables = {r[0] for r in _query(pg_url, "SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = 'news' AND table_type = 'BASE TABLE'")}
    views = {r[0] for r in _query(pg_url, "SELECT table_name FROM information_schema.views "
                                          "WHERE table_schema = 'news'")}
    assert tables == NEWS_TABLES
    assert views == NEWS_VIEWS
    indexes = {r[0] for r in _query(pg_url, "SELECT indexname FROM pg_indexes WHERE schemaname = 'news'")}
    assert {"articles_source_published_idx", "articles_search_idx", "metrics_subject_period_idx"} <= indexes


def test_concurrent_upgrades_apply_each_migration_once(pg_url: str) -> None:
    results: list[list[str]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def worker() -> None:
        try:
            barrier.wait()
            results.append(db.upgrade(pg_url))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(label for r in results for label in r) == ALL_MIGRATIONS
    assert _query(pg_url, "SELECT count(*) FROM news.schema_migrations") == [(len(ALL_MIGRATIONS),)]


def test_changed_migration_is_refused_and_new_one_applied(pg_url: str, tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, migrations)
    assert db.upgrade(pg_url, directory=migrations) == ALL_MIGRATIONS

    (migrations / f"{EXTRA}.sql").write_text("CREATE TABLE news.extra (x int);\n", encoding="utf-8")
    assert db.upgrade(pg_url, directory=migrations) == [EXTRA]
    assert db.current_version(pg_url) == LATEST + 1

    core = migrations / "001_core.sql"
    core.write_text(core.read_text(encoding="utf-8") + "\n-- edited after release\n", encoding="utf-8")
    (migrations / f"{MORE}.sql").write_text("CREATE TABLE news.more (x int);\n", encoding="utf-8")
    with pytest.raises(db.MigrationError, match=r"001_core\.sql changed after it was applied"):
        db.upgrade(pg_url, directory=migrations)
    assert db.current_version(pg_url) == LATEST + 1  # nothing applied after the refusal
    assert _query(pg_url, "SELECT to_regclass('news.more')") == [(None,)]


def test_database_ahead_of_code_is_refused(pg_url: str) -> None:
    db.upgrade(pg_url)
    _query(pg_url, "INSERT INTO news.schema_migrations (version, name, checksum) VALUES (999, 'future', 'x')")
    with pytest.raises(db.MigrationError, match="999_future"):
        db.upgrade(pg_url)


def test_migration_files_are_numbered_uniquely(tmp_path: Path) -> None:
    (tmp_path / "001_a.sql").write_text("SELECT 1;")
    (tmp_path / "001_b.sql").write_text("SELECT 1;")
    with pytest.raises(db.MigrationError, match="two migration files have version 001"):
        db.migrations(tmp_path)
    (tmp_path / "001_b.sql").unlink()
    (tmp_path / "2_bad.sql").write_text("SELECT 1;")
    with pytest.raises(db.MigrationError, match="NNN_name"):
        db.migrations(tmp_path)


# --------------------------------------------------------------------------- schema rules
@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2019", "2019-01-01", "2019-12-31"),
        ("2020-01..2020-05", "2020-01-01", "2020-05-31"),
        ("2010..2019", "2010-01-01", "2019-12-31"),
        ("2020-02", "2020-02-01", "2020-02-29"),
        ("2019-11..2020", "2019-11-01", "2020-12-31"),
        ("recently", None, None),
        ("2020-13", None, None),
        ("2022-06-01..2022-06-19", "2022-06-01", "2022-06-19"),  # 013: days ("from June 1 to June 19")
        ("2022-06-19", "2022-06-19", "2022-06-19"),
        ("2021-02-28..2021-03-02", "2021-02-28", "2021-03-02"),
        ("2020-02-29", "2020-02-29", "2020-02-29"),
        ("2021-02-29", None, None),  # no such day
        ("2022-06-31..2022-07-02", None, "2022-07-02"),
        ("2022-06-00", None, None),
        ("2020-05..2020-05-04", "2020-05-01", "2020-05-04"),
        ("20190", None, None),
        (None, None, None),
    ],
)
def test_period_bounds(pg_url: str, period: str | None, start: str | None, end: str | None) -> None:
    db.upgrade(pg_url)
    rows = _query(pg_url, "SELECT news.period_start(%s)::text, news.period_end(%s)::text", (period, period))
    assert rows == [(start, end)]


def _seed(pg_url: str, tmp_path: Path) -> None:
    url = "http://www.ningbolife.com/index.php/ningbo-news/1.html"
    run = make_run_dir(tmp_path, [make_article(url)], [make_metric(url)],
                       [{"table": "articles", "key": "http://x/bad", "stage": "validate",
                         "reasons": ["title_not_null"], "record": {"url": "http://x/bad", "secret": "payload"}}])
    load_run(run, pg_url)


def test_unit_check_is_the_records_vocabulary(pg_url: str, tmp_path: Path) -> None:
    """The database refuses exactly what the validation suites refuse: the check's list is core.records.UNITS."""
    _seed(pg_url, tmp_path)
    [(definition,)] = _query(pg_url, "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                     "WHERE conname = 'metrics_unit_check'")
    assert sorted(re.findall(r"'([^']+)'::text", definition)) == sorted(UNITS)


def test_check_constraints_reject_bad_values(pg_url: str, tmp_path: Path) -> None:
    _seed(pg_url, tmp_path)
    insert = ("INSERT INTO news.metrics (article_id, position, value, unit, kind, text, run_id) "
              "SELECT article_id, 9, 1, %s, %s, '1', 'run-001' FROM news.articles")
    with pytest.raises(psycopg2.errors.CheckViolation, match="metrics_unit_check"):
        _query(pg_url, insert, ("furlongs", "level"))
    with pytest.raises(psycopg2.errors.CheckViolation, match="metrics_kind_check"):
        _query(pg_url, insert, ("percent", "guess"))
    _query(pg_url, insert, ("km2", "level"))  # a vocabulary unit is accepted
    assert _query(pg_url, "SELECT unit FROM news.metrics WHERE position = 9") == [("km2",)]
    _query(pg_url, insert.replace(" 9, ", " 10, "), ("km/h", "level"))  # and a physical measure (016)
    with pytest.raises(psycopg2.errors.CheckViolation):
        _query(pg_url, "UPDATE news.articles SET content_hash = 'not-a-sha'")


# The typical analyst queries and the index each must use (issue: articles by source and
# date, metrics by subject and period, text search on title/body).
ANALYST_QUERIES = [
    ("SELECT url, title FROM news.v_articles WHERE source = 'ningbolife' "
     "AND published BETWEEN '2020-03-01' AND '2020-03-31'", "articles_source_published_idx"),
    ("SELECT published, value, unit FROM news.v_metrics WHERE subject = 'port throughput' "
     "AND period_start >= '2019-01-01' AND period_start < '2020-01-01'", "metrics_subject_period_idx"),
    ("SELECT title FROM news.articles WHERE search @@ websearch_to_tsquery('english', 'robots laboratory')",
     "articles_search_idx"),
    ("SELECT title FROM news.articles WHERE search @@ to_tsquery('english', 'robot:A')",  # titles only
     "articles_search_idx"),
]


def test_typical_analyst_queries_use_their_indexes(pg_url: str, tmp_path: Path) -> None:
    """EXPLAIN with sequential scans priced out: the plan names the index only if it fits the query."""
    base = "http://english.ningbo.gov.cn/art/2020/3/{}/art_933_{}.html"
    articles, metrics = [], []
    for i in range(300):
        url = base.format(1 + i % 28, i)
        robots = i % 50 == 0
        articles.append(make_article(url, title=f"{'Robots' if robots else 'Port'} story {i}",
                                     body=f"The laboratory built {'robots' if robots else 'cranes'} in 2019.",
                                     source="ningbo_gov" if i % 2 else "ningbolife",
                                     published=f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"))
        metrics.append(make_metric(url, 0, subject="port throughput" if i % 30 == 0 else f"subject {i % 7}",
                                   period="2019" if i % 60 == 0 else f"{2015 + i % 4}"))
    load_run(make_run_dir(tmp_path, articles, metrics), pg_url)
    _query(pg_url, "ANALYZE news.articles; ANALYZE news.metrics")

    conn = psycopg2.connect(pg_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SET enable_seqscan = off")
            for statement, index in ANALYST_QUERIES:
                cur.execute("EXPLAIN " + statement)
                plan = "\n".join(r[0] for r in cur.fetchall())
                assert index in plan, plan
                cur.execute(statement)
                assert cur.fetchall(), statement  # the query finds rows, through the index
            cur.execute("EXPLAIN SELECT title FROM news.articles WHERE title LIKE '%%Robots%%'")
            assert "_idx" not in "\n".join(r[0] for r in cur.fetchall())  # absence: no index fits this one
    finally:
        conn.close()


# --------------------------------------------------------------------------- roles
def test_analyst_reads_but_cannot_write_or_see_payloads(pg_url: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Log in as news_analyst with its password (the embedded server asks the login roles
    for it: scram-sha-256, warehouse.embedded), and check its stored SCRAM verifier."""
    password = "analyst-Secret-42"
    monkeypatch.setenv(db.ENV_ANALYST_PASSWORD, password)
    _seed(pg_url, tmp_path)
    can_login, verifier = _query(pg_url, "SELECT rolcanlogin, rolpassword FROM pg_authid "
                                         "WHERE rolname = 'news_analyst'")[0]
    assert can_login is True
    assert verifier.startswith("SCRAM-SHA-256$") and password not in verifier

    conn = psycopg2.connect(pg_url, user="news_analyst", password=password)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT current_user")
            assert cur.fetchone() == ("news_analyst",)
            for relation in ("news.articles", "news.metrics", "news.v_articles", "news.v_metrics",
                             "news.v_quarantine", "news.sources", "news.crawl_runs"):
                cur.execute(f"SELECT count(*) FROM {relation}")  # noqa: S608 - fixed names
                assert cur.fetchone()[0] >= 1, relation
            cur.execute("SELECT title, unit FROM news.v_metrics")
            assert cur.fetchone() == ("Ningbo R&D spending rises", "percent")
            cur.execute("SELECT record_key, reasons FROM news.quarantine")
            assert cur.fetchall() == [("http://x/bad", ["title_not_null"])]
            forbidden = [
                "SELECT record FROM news.quarantine",
                "SELECT * FROM news.quarantine",
                "INSERT INTO news.sources (name) VALUES ('intruder')",
                "UPDATE news.articles SET title = 'x'",
                "DELETE FROM news.metrics",
                "CREATE TABLE news.mine (x int)",
                "CREATE TABLE public.mine (x int)",
                "DROP VIEW news.v_metrics",
            ]
            for statement in forbidden:
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(statement)
    finally:
        conn.close()
    assert _query(pg_url, "SELECT count(*) FROM news.sources WHERE name = 'intruder'") == [(0,)]
    assert _query(pg_url, "SELECT title FROM news.articles") == [("Ningbo R&D spending rises",)]


def test_loader_role_can_load_and_future_tables_are_covered(pg_url: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(db.ENV_LOADER_PASSWORD, "loader-Secret-7")
    monkeypatch.setenv(db.ENV_ANALYST_PASSWORD, "analyst-Secret-42")
    db.upgrade(pg_url)
    conn = psycopg2.connect(pg_url, user="news_loader", password="loader-Secret-7")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            for statement in ("CREATE TABLE news.mine (x int)",
                              "DELETE FROM news.schema_migrations",
                              "DROP TABLE news.metrics"):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(statement)
    finally:
        conn.close()

    # a migration only the owner may apply: the loader gets a clear refusal
    extra = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, extra)
    (extra / f"{EXTRA}.sql").write_text("CREATE TABLE news.extra (x int);\n", encoding="utf-8")
    dsn = psycopg2.extensions.make_dsn(pg_url, user="news_loader", password="loader-Secret-7")
    with pytest.raises(db.MigrationError, match=f"{EXTRA}.*database owner"):
        db.upgrade(dsn, directory=extra)
    assert db.current_version(pg_url) == LATEST

    # load_run as the loader: the upgrade is a no-op read, the load writes rows.
    url = "http://www.ningbolife.com/index.php/ningbo-news/2.html"
    result = load_run(make_run_dir(tmp_path, [make_article(url)], [make_metric(url)]), dsn)
    assert (result.articles_inserted, result.metrics_loaded) == (1, 1)

    # a table a later migration creates is readable by the analyst and writable by the loader
    _query(pg_url, "CREATE TABLE news.later (x int)")
    analyst = psycopg2.connect(pg_url, user="news_analyst", password="analyst-Secret-42")
    loader = psycopg2.connect(pg_url, user="news_loader", password="loader-Secret-7")
    try:
        with loader.cursor() as cur:
            cur.execute("INSERT INTO news.later VALUES (1)")
        loader.commit()
        with analyst.cursor() as cur:
            cur.execute("SELECT x FROM news.later")
            assert cur.fetchall() == [(1,)]
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute("INSERT INTO news.later VALUES (2)")
    finally:
        analyst.close()
        loader.close()


# --------------------------------------------------------------------------- URLs
def test_database_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(connections.ENV_AIRFLOW_CONN, "postgres://u:p%40ss@db.example:5433/warehouse?sslmode=require")
    monkeypatch.setenv("NEWSETL_DATABASE_URL", "postgresql://direct@h/d")
    assert connections.database_url() == "postgresql://direct@h/d"
    monkeypatch.delenv("NEWSETL_DATABASE_URL")
    assert connections.database_url() == "postgresql://u:p%40ss@db.example:5433/warehouse?sslmode=require"


@pytest.mark.parametrize(
    ("conn", "url"),
    [
        ('{"conn_type": "postgres", "host": "pg", "login": "news_loader", "password": "s3:cr@t",'
         ' "schema": "news", "port": 5432, "extra": {"sslmode": "disable", "cursor": "dictcursor"}}',
         "postgresql://news_loader:s3%3Acr%40t@pg:5432/news?sslmode=disable"),
        ("postgresql://postgres@%2Ftmp%2FSock/db", "postgresql://postgres@/db?host=%2Ftmp%2FSock"),
        ('postgres://a:b@h/d?__extra__=%7B%22sslmode%22%3A+%22verify-full%22%7D',
         "postgresql://a:b@h/d?sslmode=verify-full"),
    ],
)
def test_airflow_connection_forms(conn: str, url: str) -> None:
    assert connections.airflow_conn_to_url(conn) == url


def test_url_with_database() -> None:
    assert (db.url_with_database("postgresql://postgres:@/postgres?host=/tmp/x", "t1")
            == "postgresql://postgres:@/t1?host=%2Ftmp%2Fx")
    assert "dbname=t2" in db.url_with_database("host=/tmp/x user=postgres dbname=postgres", "t2")


# A DAG whose task reports how newsetl.connections resolves the warehouse inside Airflow.
PROBE_DAG = """
from pathlib import Path

import pendulum
from airflow.sdk import dag, task


@dag(dag_id="warehouse_conn_probe", schedule=None, start_date=pendulum.datetime(2026, 1, 1), catchup=False)
def warehouse_conn_probe():
    @task
    def resolve() -> None:
        import json
        from newsetl import connections

        found = connections.airflow_task_connection_url()
        # database_url() only when the connection was found: never start an embedded server here
        Path({out!r}).write_text(json.dumps({{"task": found, "database_url": found and connections.database_url()}}))

    resolve()


warehouse_conn_probe()
"""


@pytest.mark.slow
def test_news_warehouse_connection_from_the_airflow_metadata_db(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """No env var: a task finds `news_warehouse` where Airflow keeps it (here its metadata DB)."""
    dags, out = tmp_path / "dags", tmp_path / "resolved.json"
    dags.mkdir()
    (dags / "probe.py").write_text(textwrap.dedent(PROBE_DAG.format(out=str(out))), encoding="utf-8")
    env = airflow_local.airflow_env(tmp_path / "airflow", {"AIRFLOW__CORE__DAGS_FOLDER": str(dags)})
    for name in ("NEWSETL_DATABASE_URL", connections.ENV_AIRFLOW_CONN):
        env.pop(name, None)
    log = tmp_path / "airflow.log"
    airflow_local.migrate(env, log)
    airflow = airflow_local.airflow_bin()
    with log.open("a", encoding="utf-8") as sink:
        for cmd in ([airflow, "connections", "add", connections.AIRFLOW_CONN_ID, "--conn-uri",
                     "postgresql://news_loader:s3cr%40t@warehouse.example:5433/news?sslmode=require"],
                    [airflow, "dags", "test", "warehouse_conn_probe", "2026-11-20"]):
            done = subprocess.run(cmd, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT, timeout=300)
            assert done.returncode == 0, airflow_local.task_states(log)
    expected = "postgresql://news_loader:s3cr%40t@warehouse.example:5433/news?sslmode=require"
    assert json.loads(out.read_text(encoding="utf-8")) == {"task": expected, "database_url": expected}

    # an Airflow process outside a task (this one, once it imported the SDK) asks nothing
    import airflow.sdk  # noqa: F401

    monkeypatch.delenv(connections.ENV_AIRFLOW_CONN, raising=False)
    assert connections.airflow_task_connection_url() is None


def test_airflow_connection_of_another_type_is_refused() -> None:
    with pytest.raises(ValueError, match="not a postgres connection"):
        connections.airflow_conn_to_url("mysql://u:p@h/d")


# --------------------------------------------------------------------------- embedded
def test_embedded_start_stop_restart(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = Path(tempfile.mkdtemp(prefix="newsetl-pg-"))  # see conftest: not under basetemp
    data_dir = parent / "pg"
    monkeypatch.delenv("NEWSETL_DATABASE_URL", raising=False)
    monkeypatch.delenv(connections.ENV_AIRFLOW_CONN, raising=False)
    monkeypatch.setenv("NEWSETL_HOME", str(parent))  # the embedded server lives in <home>/pg
    try:
        url = connections.database_url()  # the embedded fallback starts a server in <home>/pg
        assert url.startswith("postgresql://postgres:@/postgres?host=")
        assert (data_dir / "PG_VERSION").exists()
        assert start_embedded(data_dir) == url  # reused, not started twice
        assert _query(url, "SELECT 1") == [(1,)]
        stop_embedded(data_dir)
        with pytest.raises(psycopg2.OperationalError):
            psycopg2.connect(url)
        stop_embedded(data_dir)  # stopping a stopped server is a no-op
        url2 = start_embedded(data_dir)  # restarts through the cached handle, data kept
        assert _query(url2, "SELECT 2") == [(2,)]
    finally:
        stop_embedded(data_dir)
        shutil.rmtree(parent, ignore_errors=True)
    with pytest.raises(ValueError, match="cleanup_mode"):
        start_embedded(data_dir, cleanup_mode="later")
