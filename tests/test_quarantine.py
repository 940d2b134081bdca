"""`newsetl quarantine list|release|accept` against a real Postgres, through the real CLI:
states, the audit rows written with each change, refusals that change nothing, the roles,
and a release that makes the next crawl of the mirror fetch the page again.
"""
from __future__ import annotations

import getpass
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from helpers import make_article, make_metric, make_run_dir, query

from core import config
from transforms import stories
from warehouse import db
from warehouse.load import load_run
from warehouse.queries import stored_article_urls

NEWSETL = str(Path(sys.executable).with_name("newsetl"))
BASE = "http://www.ningbolife.com/index.php/ningbo-news/"
GOOD = BASE + "1-good.html"
KEPT = BASE + "2-kept-whole.html"        # validation quarantined it: the whole article is kept
BROKEN = BASE + "3-broken.html"          # the transform rejected it: only the page head is kept
UNKNOWN = BASE + "9-never-seen.html"
RUN = "run-q1"
REPORT = {"sources": {"ningbolife": {"started_at": "2026-11-21T06:00:00+00:00",
                                     "finished_at": "2026-11-21T06:01:00+00:00",
                                     "articles": {"new": 3, "unchanged": 0, "failed": 0}}}}


def newsetl(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "GX_ANALYTICS_ENABLED": "false", **(env or {})})


def seed(tmp_path: Path, pg_url: str, kept_fields: dict | None = None) -> None:
    """One loaded run: GOOD accepted; KEPT quarantined by validation with two metrics (one only
    for its article, one failing on its own); BROKEN rejected by the transform."""
    kept = make_article(KEPT, title="Ningbo robots", **(kept_fields or {}))
    quarantine = [
        {"table": "articles", "key": KEPT, "stage": "validate", "reasons": ["body_not_boilerplate"],
         "record": kept},
        {"table": "metrics", "key": f"{KEPT}#0", "stage": "validate", "reasons": ["article_quarantined"],
         "record": make_metric(KEPT, 0)},
        {"table": "metrics", "key": f"{KEPT}#1", "stage": "validate",
         "reasons": ["share_at_most_100", "article_quarantined"],
         "record": make_metric(KEPT, 1, value=180.0, kind="share", text="180%")},
    ]
    rejects = [{"url": BROKEN, "source": "ningbolife", "stage": "transform",
                "reasons": ["empty: no article text after removing boilerplate"],
                "record": {"url": BROKEN, "source": "ningbolife", "html_head": "<html>"}}]
    run_dir = make_run_dir(tmp_path, [make_article(GOOD)], [make_metric(GOOD)], quarantine,
                           run_id=RUN, rejects=rejects, crawl_report=REPORT)
    load_run(run_dir, pg_url)


@pytest.fixture()
def env(tmp_path: Path, pg_url: str) -> dict[str, str]:
    seed(tmp_path, pg_url)
    return {config.ENV_DATABASE_URL: pg_url}


def audit_rows(pg_url: str) -> list[tuple]:
    return query(pg_url, "SELECT action, url, acted_by, note, run_id FROM news.quarantine_audit ORDER BY audit_id")


def test_list_shows_each_quarantined_url_with_source_reasons_run_and_state(env, pg_url):
    listed = newsetl("quarantine", "list", "--json", env=env)
    assert listed.returncode == 0 and listed.stderr == ""
    rows = {r["url"]: r for r in json.loads(listed.stdout)}
    assert set(rows) == {KEPT, BROKEN}  # articles and pages only; the metric rows follow their article
    assert rows[KEPT]["reasons"] == ["body_not_boilerplate"] and rows[KEPT]["stage"] == "validate"
    assert rows[BROKEN]["reasons"] == ["empty: no article text after removing boilerplate"]
    for row in rows.values():
        assert (row["source"], row["run_id"], row["state"], row["acted_by"]) == ("ningbolife", RUN, "quarantined", None)
        assert row["quarantined_at"]
    assert json.loads(newsetl("quarantine", "list", "--json", "--source", "ningbo_gov", env=env).stdout) == []
    assert len(json.loads(newsetl("quarantine", "list", "--json", "--limit", "1", env=env).stdout)) == 1

    human = newsetl("quarantine", "list", env=env)
    assert human.returncode == 0
    assert KEPT in human.stdout and BROKEN in human.stdout and "quarantined" in human.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(human.stdout)


def test_a_list_cut_by_its_limit_says_how_many_more_there_are(env, pg_url):
    """`quarantine list --limit 1` (or the default 50 on a run that quarantined 51 pages) showed the
    first rows and nothing else, so on-call, whom the runbook sends there to see "all of them",
    could not tell the list was cut."""
    cut = newsetl("quarantine", "list", "--limit", "1", env=env)
    assert cut.returncode == 0, cut.stderr
    assert cut.stdout.splitlines()[-1] == ("... 1 more quarantined article URL not shown "
                                          "(--limit 1; --limit 2 lists them all)")
    whole = newsetl("quarantine", "list", "--limit", "2", env=env)
    assert "more" not in whole.stdout.splitlines()[-1]
    accepted_none = newsetl("quarantine", "list", "--state", "accepted", "--limit", "1", env=env)
    assert accepted_none.stdout.strip() == "no accepted URL"
    assert len(json.loads(newsetl("quarantine", "list", "--json", "--limit", "1", env=env).stdout)) == 1


def test_release_takes_the_url_out_of_the_seen_set_and_audits_it(env, pg_url):
    assert {KEPT, BROKEN, GOOD} <= set(stored_article_urls("ningbolife", pg_url))
    pasted = BROKEN.replace("http://www.", "HTTP://WWW.") + "?utm_source=mail#top"  # as a browser shows it
    done = newsetl("quarantine", "release", pasted, "--by", "alice", "--note", "site fixed", "--json", env=env)
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert (result["url"], result["action"], result["refetch"], result["by"]) == (BROKEN, "release", True, "alice")

    seen = stored_article_urls("ningbolife", pg_url)
    assert BROKEN not in seen and {KEPT, GOOD} <= set(seen)
    assert audit_rows(pg_url) == [("release", BROKEN, "alice", "site fixed", RUN)]
    [row] = [r for r in json.loads(newsetl("quarantine", "list", "--json", env=env).stdout) if r["url"] == BROKEN]
    assert (row["state"], row["acted_by"], row["note"]) == ("released", "alice", "site fixed")
    released = json.loads(newsetl("quarantine", "list", "--json", "--state", "released", env=env).stdout)
    assert [r["url"] for r in released] == [BROKEN]

    again = newsetl("quarantine", "release", BROKEN, env=env)
    assert again.returncode == 4 and again.stdout == ""
    [line] = again.stderr.strip().splitlines()
    assert line.startswith("newsetl quarantine release: ") and "already released (by alice" in line
    assert len(audit_rows(pg_url)) == 1


def test_a_url_quarantined_again_after_its_release_is_held_again(env, pg_url, tmp_path):
    assert newsetl("quarantine", "release", BROKEN, env=env).returncode == 0
    rejects = [{"url": BROKEN, "source": "ningbolife", "stage": "transform", "reasons": ["empty: still"],
                "record": {"url": BROKEN}}]
    load_run(make_run_dir(tmp_path / "again", [], [], run_id="run-q2", rejects=rejects, crawl_report=REPORT), pg_url)
    assert BROKEN in stored_article_urls("ningbolife", pg_url)
    [row] = [r for r in json.loads(newsetl("quarantine", "list", "--json", env=env).stdout) if r["url"] == BROKEN]
    assert (row["state"], row["run_id"], row["reasons"]) == ("quarantined", "run-q2", ["empty: still"])


def test_accept_loads_the_kept_article_with_the_metrics_quarantined_only_for_it(env, pg_url):
    done = newsetl("quarantine", "accept", KEPT, "--note", "false positive", "--json", env=env)
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert result["loaded"] is True and result["article"] == "inserted"
    assert (result["metrics_loaded"], result["metrics_left_quarantined"]) == (1, 1)
    assert result["stories_computed"] == 1  # its record has no staged story print: computed at accept
    assert result["by"] == getpass.getuser()  # the OS user when --by is not given

    [(title, loaded_run, first_seen, article_id)] = query(
        pg_url, "SELECT title, loaded_run, first_seen_run, article_id FROM news.articles WHERE url = %s", (KEPT,))
    assert (title, loaded_run, first_seen, article_id) == ("Ningbo robots", RUN, RUN, result["article_id"])
    assert query(pg_url, "SELECT position, value::float8, text FROM news.v_metrics WHERE url = %s", (KEPT,)) == [
        (0, 17.6, "17.6%")]
    # mapped to the catalog as the loader maps ("r&d expenditures", a percent change)
    assert query(pg_url, "SELECT indicator FROM news.v_metric_facts WHERE url = %s", (KEPT,)) == [
        ("rd_expenditure_growth",)]
    assert audit_rows(pg_url) == [("accept", KEPT, getpass.getuser(), "false positive", RUN)]
    [(outcome,)] = query(pg_url, "SELECT outcome FROM news.quarantine_audit")
    assert outcome["article_id"] == result["article_id"] and outcome["loaded"] is True
    assert KEPT in stored_article_urls("ningbolife", pg_url)  # a stored article: not fetched again
    states = {r["url"]: r["state"] for r in json.loads(newsetl("quarantine", "list", "--json", env=env).stdout)}
    assert states == {KEPT: "accepted", BROKEN: "quarantined"}

    human = newsetl("quarantine", "accept", KEPT, env=env)  # already accepted: refused, nothing changes
    assert human.returncode == 4 and "already accepted" in human.stderr
    assert query(pg_url, "SELECT count(*) FROM news.articles WHERE url = %s", (KEPT,)) == [(1,)]


def test_accept_of_a_page_kept_only_in_part_marks_it_never_to_be_fetched_again(env, pg_url):
    done = newsetl("quarantine", "accept", BROKEN, "--by", "bob", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{BROKEN}: accepted (marked") and "bob" in done.stdout
    assert query(pg_url, "SELECT count(*) FROM news.articles WHERE url = %s", (BROKEN,)) == [(0,)]
    assert BROKEN in stored_article_urls("ningbolife", pg_url)
    [(outcome,)] = query(pg_url, "SELECT outcome FROM news.quarantine_audit WHERE url = %s", (BROKEN,))
    assert outcome["loaded"] is False and "keeps no article record" in outcome["why"]


def test_an_unknown_url_refuses_the_whole_command_and_changes_nothing(env, pg_url):
    for action in ("release", "accept"):
        proc = newsetl("quarantine", action, BROKEN, UNKNOWN, "--json", env=env)
        assert proc.returncode == 4 and proc.stdout == ""
        [line] = proc.stderr.strip().splitlines()
        assert line == f"newsetl quarantine {action}: {UNKNOWN} is not in the quarantine; nothing changed"
    assert audit_rows(pg_url) == []
    assert BROKEN in stored_article_urls("ningbolife", pg_url)
    assert {r["state"] for r in json.loads(newsetl("quarantine", "list", "--json", env=env).stdout)} == {"quarantined"}


def test_a_url_given_with_the_other_scheme_is_the_quarantined_one(env, pg_url):
    """A URL copied from a browser as https:// (the sites were crawled over http) was "not in the
    quarantine; nothing changed", exit 4: the http one it names is acted on, and audited as stored."""
    https = BROKEN.replace("http://", "https://", 1) + "?utm_source=mail#top"
    done = newsetl("quarantine", "accept", https, "--by", "bob", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{BROKEN}: accepted")
    assert [u for (u,) in query(pg_url, "SELECT url FROM news.quarantine_audit")] == [BROKEN]
    again = newsetl("quarantine", "accept", https, env=env)  # and the second time it is that URL's state
    assert again.returncode == 4 and f"{BROKEN} is already accepted" in again.stderr


def test_an_accept_the_warehouse_refuses_leaves_no_audit_row(tmp_path, pg_url):
    """The change and its audit row commit together: a record the articles table refuses
    (a malformed content hash) rolls both back."""
    seed(tmp_path, pg_url, kept_fields={"content_hash": "not-a-hash"})
    proc = newsetl("quarantine", "accept", BROKEN, KEPT, env={config.ENV_DATABASE_URL: pg_url})
    assert proc.returncode == 4 and proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"newsetl quarantine accept: {KEPT}: its quarantined record cannot be loaded")
    assert "articles_content_hash_check" in line
    assert audit_rows(pg_url) == []
    assert query(pg_url, "SELECT count(*) FROM news.articles WHERE url = %s", (KEPT,)) == [(0,)]


def test_quarantine_list_refuses_a_limit_that_is_not_positive(env):
    proc = newsetl("quarantine", "list", "--limit", "0", env=env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "argument --limit: not a positive whole number: '0'" in proc.stderr


def test_quarantine_commands_need_the_audit_migration(tmp_path, pg_url):
    proc = newsetl("quarantine", "list", env={config.ENV_DATABASE_URL: pg_url})  # an empty database
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == ("newsetl quarantine: the warehouse is at schema version 0; the quarantine "
                                   "commands need 6: run `newsetl db upgrade`")


def test_analyst_reads_the_audit_and_only_the_loader_appends_to_it(env, pg_url, monkeypatch):
    monkeypatch.setenv(db.ENV_LOADER_PASSWORD, "loader-Secret-7")
    monkeypatch.setenv(db.ENV_ANALYST_PASSWORD, "analyst-Secret-42")
    db.upgrade(pg_url)  # gives both roles LOGIN with these passwords
    assert newsetl("quarantine", "release", BROKEN, "--by", "carol", env=env).returncode == 0
    loader_dsn = psycopg2.extensions.make_dsn(pg_url, user="news_loader", password="loader-Secret-7")
    as_loader = newsetl("quarantine", "accept", KEPT, "--json", env={config.ENV_DATABASE_URL: loader_dsn})
    assert as_loader.returncode == 0, as_loader.stderr
    analyst = psycopg2.connect(pg_url, user="news_analyst", password="analyst-Secret-42")
    loader = psycopg2.connect(loader_dsn)
    analyst.autocommit = loader.autocommit = True
    try:
        with analyst.cursor() as cur:
            cur.execute("SELECT action, acted_by FROM news.quarantine_audit ORDER BY audit_id")
            assert cur.fetchall() == [("release", "carol"), ("accept", getpass.getuser())]
            cur.execute("SELECT url, state FROM news.v_quarantined_urls ORDER BY url")
            assert cur.fetchall() == [(KEPT, "accepted"), (BROKEN, "released")]
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute("INSERT INTO news.quarantine_audit (action, url) VALUES ('release', 'http://x')")
        with loader.cursor() as cur:
            for statement in ("UPDATE news.quarantine_audit SET note = 'rewritten'",
                              "DELETE FROM news.quarantine_audit"):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(statement)
    finally:
        analyst.close()
        loader.close()
    assert len(audit_rows(pg_url)) == 2


@pytest.mark.slow
def test_a_released_page_is_fetched_again_by_the_next_crawl_of_the_mirror(tmp_path, pg_url):
    """A page the transform rejects is quarantined and skipped by the next incremental crawl;
    once released (and fixed on the site) the next crawl fetches it and it loads."""
    from devtools import PAGES_DIR
    from devtools.mirror import start_mirror

    pages = tmp_path / "pages"
    shutil.copytree(PAGES_DIR, pages)
    broken_page = sorted((pages / "ningbolife" / "index.php" / "business-news").glob("*.html"))[0]
    original = broken_page.read_bytes()
    broken_page.write_text("<html><head><title>x</title></head><body><p>&nbsp;</p></body></html>",
                           encoding="utf-8")
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data")}
    with start_mirror(pages_dir=pages) as mirror:
        env[config.ENV_BASE_URLS] = mirror.env_value()

        def run(run_id: str) -> dict:
            proc = newsetl("run", "--source", "ningbolife", "--run-id", run_id, "--json", env=env)
            assert proc.returncode == 0, proc.stderr[-3000:]
            return json.loads(proc.stdout)

        first = run("rel_1")
        [held] = json.loads(newsetl("quarantine", "list", "--json", env=env).stdout)
        assert held["url"].endswith(broken_page.name) and held["stage"] == "transform"
        assert first["transform"]["rejected"] == 1
        assert run("rel_2")["crawl"]["ningbolife"]["articles"]["new"] == 0  # held: not fetched again

        assert newsetl("quarantine", "release", held["url"], "--by", "oncall", env=env).returncode == 0
        broken_page.write_bytes(original)  # the site fixed the page
        third = run("rel_3")
    assert third["crawl"]["ningbolife"]["articles"]["new"] == 1
    assert (third["transform"]["rejected"], third["load"]["articles_inserted"]) == (0, 1)
    assert query(pg_url, "SELECT loaded_run FROM news.articles WHERE url = %s", (held["url"],)) == [("rel_3",)]
    [row] = json.loads(newsetl("quarantine", "list", "--json", env=env).stdout)
    assert (row["url"], row["state"], row["acted_by"]) == (held["url"], "released", "oncall")


def test_accept_of_an_article_stored_under_another_url_does_not_store_it_twice(tmp_path, pg_url):
    """The kept article has the content of GOOD, stored by the same run under another URL of its source
    (Joomla serves an article under each of its category paths): accepting it stores no second row and
    loads none of its metrics, as the load would have decided; it is marked accepted as GOOD's duplicate,
    audited, and stays out of the next crawl."""
    seed(tmp_path, pg_url, kept_fields={"content_hash": make_article(GOOD)["content_hash"]})
    env = {config.ENV_DATABASE_URL: pg_url}
    done = newsetl("quarantine", "accept", KEPT, "--json", env=env)
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert (result["loaded"], result["article"], result["duplicate_of"]) == (False, "duplicate", GOOD)
    assert query(pg_url, "SELECT url FROM news.articles ORDER BY url") == [(GOOD,)]
    assert query(pg_url, "SELECT count(*) FROM news.v_metrics WHERE url = %s", (KEPT,)) == [(0,)]
    [(outcome,)] = query(pg_url, "SELECT outcome FROM news.quarantine_audit")
    assert outcome["duplicate_of"] == GOOD
    assert KEPT in stored_article_urls("ningbolife", pg_url)
    human = newsetl("quarantine", "accept", BROKEN, KEPT, env=env)  # already accepted: refused, nothing changes
    assert human.returncode == 4 and "already accepted" in human.stderr
    assert KEPT in newsetl("quarantine", "list", "--state", "accepted", env=env).stdout


def test_the_accept_line_names_the_stored_article_a_duplicate_has_the_content_of():
    from newsetl import summaries

    line = summaries.quarantine_decisions([{"url": KEPT, "action": "accept", "loaded": False, "article": "duplicate",
                                            "duplicate_of": GOOD, "audit_id": 7, "by": "oncall"}])
    assert line == (f"{KEPT}: accepted; not loaded: its content is stored as {GOOD} (the same article) "
                    f"[audit 7, by oncall]")


def test_accept_copies_the_story_print_the_quarantined_record_staged(tmp_path, pg_url):
    kept = make_article(KEPT, title="Ningbo robots")
    staged = stories.to_record(stories.story_print(kept["title"], kept["body"]))
    seed(tmp_path, pg_url, kept_fields={"story_print": staged})
    done = newsetl("quarantine", "accept", KEPT, "--json", env={config.ENV_DATABASE_URL: pg_url})
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert result["loaded"] is True and result["stories_computed"] == 0
    assert query(pg_url, "SELECT p.text_minhash, p.fact_minhash, p.facts, p.scheme FROM news.story_prints p "
                         "JOIN news.articles a USING (article_id) WHERE a.url = %s", (KEPT,)) == [
        (staged["text_minhash"], staged["fact_minhash"], staged["facts"], stories.SCHEME)]
