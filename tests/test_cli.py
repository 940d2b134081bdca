"""The `newsetl` console script as a user runs it: extract on saved pages, and a whole
`newsetl run` (the DAG's code path without Airflow) against a mirror with injected faults.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from helpers import query

from core import config
from devtools import PAGES_DIR, SEEDS_DIR
from devtools.mirror import FaultPlan, start_mirror
from devtools.smtp_sink import start_sink

NEWSETL = str(Path(sys.executable).with_name("newsetl"))
GOV_TXT = SEEDS_DIR / "text" / "ningbo_gov_innovation-leads-2019-08-18.txt"
LIFE_HTML = next((PAGES_DIR / "ningbolife" / "index.php" / "ningbo-news").glob(
    "*-ningbo-accelerates-construction-of-high-level-innovative-cities.html"))
GOV_LISTING = PAGES_DIR / "ningbo_gov" / "col" / "col933" / "index.html"


def newsetl(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "GX_ANALYTICS_ENABLED": "false", **(env or {})})


def test_extract_emits_one_json_line_per_good_file_in_input_order_and_one_error_line_per_bad(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>", encoding="utf-8")
    missing = tmp_path / "missing.html"
    proc = newsetl("extract", str(GOV_TXT), str(missing), str(binary), str(LIFE_HTML), str(empty),
                   str(GOV_LISTING))
    assert proc.returncode != 0
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["path"] for d in docs] == [str(GOV_TXT), str(LIFE_HTML)]
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 4
    for bad, line in zip((missing, binary, empty, GOV_LISTING), errors):
        assert line.startswith(f"newsetl extract: {bad}:"), line
    assert "listing" in errors[3]

    gov, life = docs
    assert set(gov) == {"path", "url", "source", "title", "published", "section", "body", "captions",
                        "language", "metrics"}
    assert gov["source"] == "ningbo_gov" and gov["published"] == "2019-08-18"
    assert gov["title"] == ("Innovation leads science and technology to add power to Ningbo's "
                            "high quality development")
    assert "【Print】" not in gov["body"] and "Text Size" not in gov["body"]
    assert "(Photo by Yan Long)" not in gov["body"] and any("Yan Long" in c for c in gov["captions"])
    tax = [m for m in gov["metrics"] if m["text"] == "37.541 billion yuan"]
    assert tax and tax[0]["value"] == 37541000000.0 and tax[0]["unit"] == "CNY"
    assert set(tax[0]) == {"value", "unit", "kind", "subject", "period", "qualifier", "text",
                           "denominator", "place", "modality"}
    assert all(m["text"] in gov["body"] for m in gov["metrics"])
    assert life["source"] == "ningbolife" and "Visit Charity Shop" not in life["body"]
    share = [m for m in life["metrics"] if m["value"] == 2.8]
    assert share and share[0]["unit"] == "percent" and share[0]["kind"] == "share"
    assert (share[0]["denominator"], share[0]["place"], share[0]["modality"]) == ("gdp", None, "actual")


def test_extract_takes_the_url_option(tmp_path):
    proc = newsetl("extract", str(GOV_TXT), "--url",
                   "http://english.ningbo.gov.cn/art/2019/8/18/art_933_1016946.html")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["url"] == "http://english.ningbo.gov.cn/art/2019/8/18/art_933_1016946.html"


@pytest.mark.slow
def test_run_completes_through_http_errors_and_a_broken_page_and_reruns_cleanly(tmp_path, pg_url):
    """Bad input gets: a 500 -> counted crawl failure; a page that is not an article ->
    quarantined as a transform reject with its reason; the rest loads; a rerun completes."""
    pages = tmp_path / "pages"
    shutil.copytree(PAGES_DIR, pages)
    broken = pages / "ningbolife" / "index.php" / "business-news"
    broken_page = sorted(broken.glob("*.html"))[0]
    broken_page.write_text("<html><head><title>x</title></head><body><p>&nbsp;</p></body></html>",
                           encoding="utf-8")
    faults = FaultPlan.parse("status=500:ningbo_gov:/art/2019/1/28/art_933_981487.html")
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data"),
           config.ENV_ALERT_EMAILS: "oncall@example.org"}
    with start_mirror(pages_dir=pages, faults=faults) as mirror, start_sink(tmp_path / "mail") as sink:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        env[config.ENV_SMTP_CONN] = sink.conn_uri
        first = newsetl("run", "--run-id", "cli_run_1", "--json", env=env)
        assert first.returncode == 0, first.stderr[-3000:]
        result = json.loads(first.stdout)
        second = newsetl("run", "--run-id", "cli_run_2", "--full", "--json", env=env)
        assert second.returncode == 0, second.stderr[-3000:]
        mails = sink.messages()

    # every staged row passed validation: no alert mail (crawl failures and transform
    # rejects are counted and quarantined, not mailed)
    assert result["validate"]["critical_success"] is True and mails == []
    assert result["crawl"]["ningbo_gov"]["articles"]["failed"] == 1
    assert result["crawl"]["ningbo_gov"]["responses_by_status"].get("500", 0) >= 1
    assert result["transform"]["rejected"] == 1
    assert result["load"]["articles_inserted"] == result["validate"]["articles_accepted"] == 46
    conn = psycopg2.connect(pg_url)
    with conn, conn.cursor() as cur:
        cur.execute("SELECT stage, record_key, reasons::text FROM news.quarantine WHERE run_id = 'cli_run_1'")
        [(stage, key, reasons)] = cur.fetchall()
        cur.execute("SELECT count(*) FROM news.articles")
        [(n_articles,)] = cur.fetchall()
    conn.close()
    assert stage == "transform" and key.endswith(broken_page.name) and "unparseable" in reasons
    assert n_articles == 46  # the full rerun found the same articles: no duplicates
    assert json.loads(second.stdout)["load"]["articles_unchanged"] == 46


def test_dev_commands_join_through_the_entry_point_and_runtime_never_imports_devtools():
    listed = newsetl("--help")
    assert listed.returncode == 0
    for command in ("extract", "crawl", "run", "transform", "validate", "load", "db",  # runtime
                    "mirror", "smtp-sink", "eval", "demo"):                          # devtools plugin
        assert command in listed.stdout, command
    probe = ("import sys, newsetl.cli, newsetl.steps, newsetl.connections, crawlers.run, "
             "expectations.runner, warehouse.load, transforms.page; "
             "newsetl.steps.resolve_sources(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'devtools'))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _subcommand_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _subcommand_parsers(sub, (*path, name))


def test_every_command_prints_its_help():
    # a help text with a bare "%" ("within about 1%") made `newsetl eval --help` a TypeError traceback:
    # argparse formats every help string with %-substitution
    from newsetl.cli import build_parser

    parsers = list(_subcommand_parsers(build_parser()))
    assert {("eval",), ("extract",), ("db",)} <= {path for path, _ in parsers}
    for path, parser in parsers:
        assert parser.format_help(), path


def test_a_summary_with_no_data_docs_says_none_were_built():
    # a validation with nothing staged printed "Data Docs: " and nothing after it
    from newsetl import summaries

    assert summaries.validate({"articles_total": 0, "data_docs": None}).splitlines()[-1] == "  Data Docs: none built"
    assert summaries.validate({"data_docs": "/r/validation/data_docs/index.html"}).endswith(
        "Data Docs: /r/validation/data_docs/index.html")


def test_a_count_of_one_reads_in_the_singular_in_every_summary_line():
    # a run of one page printed "1 article pages -> 1 articles, 1 metrics" and "1 articles inserted"
    from newsetl import summaries

    assert summaries.transform({"pages": 1, "articles": 1, "metrics": 1, "rejected": 0}) == (
        "transform: 1 article page -> 1 article, 1 metric; 0 rejected (quarantined)")
    load = summaries.load({"run_id": "r", "articles_inserted": 1, "metrics_loaded": 1, "stories_fingerprinted": 1,
                           "seconds": 0.1})
    assert load.startswith("load r: 1 article inserted, 0 updated, 0 unchanged, 0 stale; 1 metric (0 written);")
    assert "0 of 1 fingerprinted article joined" in load
    crawl = summaries.crawl("s", {"articles": {"new": 1, "failed": 1}, "listings_failed": 1, "requests": 1})
    assert crawl.startswith("crawl s: 1 new, 0 unchanged, 1 failed article page, 1 failed listing page (1 request)")


def test_the_crawl_summary_names_the_failed_pages_and_page_warnings():
    """The crawl line counted failed article pages ("2 failed article pages; 2 warning(s)") and named
    none: on-call had to open crawl_report.json to learn which pages and why."""
    from newsetl import summaries

    errors = [{"url": f"http://www.ningbolife.com/index.php/ningbo-news/{i}-a.html", "error": f"HTTP 50{i}"}
              for i in range(7)]
    warnings = [{"url": "http://www.ningbolife.com/index.php/ningbo-news/9-b.html",
                 "warning": "article page failed; stored its print view"}]
    report = {"articles": {"new": 3, "unchanged": 0, "failed": 7}, "listings_failed": 0, "requests": 20,
              "errors": errors, "warnings": warnings, "run_dir": "/r"}
    lines = summaries.crawl("ningbolife", report).splitlines()
    assert lines[0] == ("crawl ningbolife: 3 new, 0 unchanged, 7 failed article pages, 0 failed listing pages "
                        "(20 requests); 1 warning")
    assert lines[1:7] == [f"    failed: http://www.ningbolife.com/index.php/ningbo-news/{i}-a.html (HTTP 50{i})"
                          for i in range(5)] + ["    ... 2 more failed pages in crawl_report.json"]
    assert lines[7:] == ["    warning: http://www.ningbolife.com/index.php/ningbo-news/9-b.html "
                         "(article page failed; stored its print view)", "  run directory: /r"]
    clean = summaries.crawl("ningbolife", {**report, "errors": [], "warnings": []}).splitlines()
    assert len(clean) == 2  # nothing failed: the line and the run directory


@pytest.mark.parametrize(("argv", "message"), [
    # an empty or relative --url was taken as the page's URL ("url": ""), a limit past 2^63 reached Postgres
    (["extract", "--url", "", "f.html"], "not an http(s) URL with a host: ''"),
    (["extract", "--url", "not a url", "f.html"], "not an http(s) URL with a host: 'not a url'"),
    (["runs", "--limit", "99999999999999999999"], "at most 1000000"),
    (["runs", "--limit", "0"], "not a positive whole number: '0'"),
    # a run id was made safe without a word: a/b ran as a_b, ../../etc as etc; a path given to reprocess
    (["run", "--run-id", "a/b"], "not a run id: 'a/b'"),
    (["run", "--run-id", "../../etc"], "not a run id: '../../etc'"),
    (["reprocess", "/data/runs/cli__1"], "e.g. 'cli__1'"),
    (["bench", "--articles", "0"], "not a whole number >= 1: '0'"),  # it ran one article, then failed validation
    (["mirror", "--port", "99999"], "not a TCP port (0 to 65535): '99999'"),  # a bind() OverflowError traceback
    (["smtp-sink", "--port", "-1"], "not a TCP port (0 to 65535): '-1'"),
    # a future --since skipped every listed link and ended as a crawl outage: load blocked, alert queued, exit 3
    (["run", "--since", "2099-01-01"], "argument --since: 2099-01-01 is after today ("),
    (["crawl", "--source", "ningbolife", "--since", "2099-01-01"], "2099-01-01 is after today ("),
])
def test_bad_arguments_are_refused_by_the_parser_with_one_line(argv, message, capsys):
    from newsetl.cli import build_parser

    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(argv)
    assert exited.value.code == 2 and message in capsys.readouterr().err


def test_since_today_is_accepted_and_a_future_since_is_refused_before_anything_is_created(tmp_path, monkeypatch):
    from datetime import date

    from crawlers.run import latest_since_day
    from newsetl import cli, steps

    parser = cli.build_parser()
    today = latest_since_day()
    assert today >= date.today().isoformat()
    assert parser.parse_args(["run", "--since", today]).since == today
    # the DAG's conf reaches the steps without the parser: refused there too, before a run directory exists
    monkeypatch.setenv("NEWSETL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NEWSETL_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(ValueError, match=r"^since 2099-01-01 is after today \(.*nothing crawled$"):
        steps.run_all(since="2099-01-01", run_id="future")
    with pytest.raises(ValueError, match="since 2099-01-01 is after today"):
        steps.crawl(str(tmp_path / "runs" / "future"), "ningbolife", since="2099-01-01")
    assert list(tmp_path.iterdir()) == []


def test_reprocess_refuses_a_period_that_ends_before_it_starts(capsys):
    from newsetl import cli

    assert cli.main(["reprocess", "--from", "2026-12-04", "--to", "2026-12-01"]) == 2
    assert "--from 2026-12-04 is after --to 2026-12-01" in capsys.readouterr().err


def test_dev_servers_on_a_port_in_use_and_a_missing_revision_are_one_line():
    # each was a Python traceback (OSError from the bind, CalledProcessError from git archive)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for command in (["smtp-sink", "--port", str(port)], ["mirror", "--port", str(port)]):
            proc = newsetl(*command, timeout=60)
            assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
            assert proc.stderr.startswith(f"newsetl {command[0]}: cannot listen on ") and "in use" in proc.stderr
    proc = newsetl("eval", "--speed", "--against", "no-such-revision", timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "--against no-such-revision: git archive failed" in proc.stderr


def test_status_says_why_alerts_wait_when_nobody_is_to_be_mailed():
    # with no NEWSETL_ALERT_EMAILS the count alone sent on-call to fix the SMTP relay
    from newsetl import summaries

    state = {"warehouse": "w", "schema_version": 9, "latest_migration": 9, "migrations_current": True,
             "undelivered_alerts": 2, "alert_recipients": 0}
    assert "undelivered alerts: 2 (no recipients configured: set NEWSETL_ALERT_EMAILS" in summaries.status(state)
    assert "undelivered alerts: 2\n" in summaries.status({**state, "alert_recipients": 1}) + "\n"


def test_json_timestamps_are_iso_8601_as_in_the_crawl_report(capsys):
    # `runs --json` printed "2026-12-03 18:53:31+00:00" (str of a datetime) beside the report's "...T..." form
    from datetime import UTC, date, datetime

    from newsetl import cli

    cli._print_json({"started_at": datetime(2026, 12, 3, 18, 53, 31, tzinfo=UTC), "day": date(2026, 12, 3)})
    assert json.loads(capsys.readouterr().out) == {"started_at": "2026-12-03T18:53:31+00:00", "day": "2026-12-03"}


def test_every_command_the_runbook_tells_on_call_to_run_is_one_the_cli_takes(capsys):
    # the Task failure runbook said to run `newsetl crawl|transform|validate|load` "on the run
    # directory": crawl takes no run directory (it takes --source and --out)
    import re
    import shlex

    from newsetl import cli

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    runbook = readme.split("\n## Runbook\n", 1)[1].split("\n## ", 1)[0]
    fills = {"<run dir>": "/data/runs/r1", "<source>": "ningbolife"}
    checked = 0
    for span in re.findall(r"`(newsetl [^`]*)`", runbook):
        words = span.split()
        if words[1].startswith("<") or words[1].endswith(":") or (len(words) == 2 and "|" not in span):
            continue  # an error line quoted, or a command named, not a command to run
        for choice in words[1].split("|"):
            text = " ".join([choice, *words[2:]])
            for placeholder, value in fills.items():
                text = text.replace(placeholder, value)
            try:
                cli.build_parser().parse_args(shlex.split(text))
            except SystemExit:
                pytest.fail(f"the runbook's `{span}` is no command line the CLI takes ({choice}): "
                            f"{capsys.readouterr().err.strip()}")
            checked += 1
    assert checked >= 6


def test_second_pass_refusals_and_wording(capsys):
    # found by a second exploratory pass: a mistyped source listed an empty quarantine (exit 0); reprocess took
    # run ids and --from together and ignored --from; a repeated validation said "alert mailed: yes"
    from newsetl import cli, summaries

    assert cli.main(["quarantine", "list", "--source", "nosuch"]) == 2
    assert "unknown source 'nosuch' (known: ningbo_gov, ningbolife" in capsys.readouterr().err
    assert cli.main(["reprocess", "demo__1", "--from", "2026-12-01"]) == 2
    assert "give run ids or --from/--to, not both" in capsys.readouterr().err
    assert "alert mailed: no (already mailed for this result)" in summaries.validate(
        {"alert_sent": False, "alert_repeated": True})


def test_version_names_the_installed_package(capsys):
    from newsetl.cli import build_parser

    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.startswith("newsetl 0.")


def test_extract_explain_lists_the_rules_that_decided_each_metric():
    life_txt = SEEDS_DIR / "text" / "ningbolife_high-level-innovative-cities.txt"
    plain = newsetl("extract", str(life_txt))
    explained = newsetl("extract", "--explain", str(life_txt))
    assert plain.returncode == explained.returncode == 0
    [doc] = [json.loads(line) for line in plain.stdout.splitlines()]
    [why] = [json.loads(line) for line in explained.stdout.splitlines()]
    assert all("rules" not in m for m in doc["metrics"])
    assert [{k: v for k, v in m.items() if k != "rules"} for m in why["metrics"]] == doc["metrics"]
    for m in why["metrics"]:
        assert m["rules"][0].startswith("match.") and any(r.startswith("kind.") for r in m["rules"])
    [share] = [m for m in why["metrics"] if m["text"] == "2.8%"]
    assert share["rules"] == ["match.percent", "qualifier.words_before:approx", "kind.share_words_before",
                              "subject.before", "period.cue", "denominator.of_after"]


def test_extract_explain_shows_a_resolved_back_reference():
    """The real page's "The zone is home to 637 ..." is the zone named before it, and says so."""
    zone_page = PAGES_DIR / "ningbo_gov" / "art" / "2019" / "9" / "10" / "art_934_1021776.html"
    explained = newsetl("extract", "--explain", str(zone_page))
    assert explained.returncode == 0, explained.stderr
    [why] = [json.loads(line) for line in explained.stdout.splitlines()]
    [zone] = [m for m in why["metrics"] if m["text"] == "637 national high-tech enterprises"]
    assert zone["place"] == "Ningbo National Hi-Tech Zone"
    assert "place.referred" in zone["rules"] and "place.named" not in zone["rules"]


def test_an_unreachable_warehouse_is_one_line_without_the_password(tmp_path):
    from devtools import refused_port

    with refused_port() as port:
        dsn = f"postgresql://news_loader:s3cret-pw@127.0.0.1:{port}/news"
        proc = newsetl("db", "upgrade", env={config.ENV_DATABASE_URL: dsn})
    assert proc.returncode == 2 and proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("newsetl db: cannot reach the warehouse at postgresql://news_loader:***@127.0.0.1:")
    assert "s3cret-pw" not in proc.stderr


def test_a_warehouse_that_accepts_and_never_answers_ends_in_one_line_after_the_connect_timeout():
    """A server that takes the TCP connection and says nothing hung `newsetl status` forever: no
    connect_timeout was set. NEWSETL_DB_CONNECT_TIMEOUT (here 2 s, default 10) bounds it."""
    import time

    from devtools.smtp_sink import hung_relay  # any silent TCP listener on loopback

    with hung_relay() as silent:
        dsn = f"postgresql://news_loader:s3cret-pw@127.0.0.1:{silent.port}/news"
        started = time.monotonic()
        proc = newsetl("status", env={config.ENV_DATABASE_URL: dsn, config.ENV_DB_CONNECT_TIMEOUT: "2"}, timeout=60)
        took = time.monotonic() - started
        assert silent.accepted >= 1  # it really reached the listener and waited on it
    assert proc.returncode == 2 and proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"newsetl status: cannot reach the warehouse at postgresql://news_loader:***@127.0.0.1:"
                           f"{silent.port}/news (OperationalError: ")
    assert "timeout expired" in line and "s3cret-pw" not in proc.stderr
    assert took < 30, took


def test_a_one_letter_password_is_hidden_without_mangling_the_message():
    """The password "p" was replaced wherever the letter occurred: "***ort 5999 failed: timeout
    ex***ired". The DSN's own connect_timeout wins over the default."""
    from devtools.smtp_sink import hung_relay

    with hung_relay() as silent:
        dsn = f"postgresql://u:p@127.0.0.1:{silent.port}/db?connect_timeout=2"
        proc = newsetl("status", env={config.ENV_DATABASE_URL: dsn}, timeout=60)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line == (f"newsetl status: cannot reach the warehouse at postgresql://u:***@127.0.0.1:{silent.port}/db"
                    f"?connect_timeout=2 (OperationalError: connection to server at \"127.0.0.1\", port "
                    f"{silent.port} failed: timeout expired)")


def test_a_query_stuck_behind_a_lock_ends_in_one_line_after_the_statement_timeout(pg_url):
    """Only the connect had a timeout: a warehouse that took the login and then held a query (here a
    lock another session keeps on the runs table) hung `newsetl runs` forever. The server now cancels
    a statement after NEWSETL_DB_STATEMENT_TIMEOUT seconds (here 2, default 600)."""
    import time

    import psycopg2

    env = {config.ENV_DATABASE_URL: pg_url}
    assert newsetl("db", "upgrade", env=env).returncode == 0
    holder = psycopg2.connect(pg_url)
    try:
        with holder.cursor() as cur:  # an open transaction keeps the lock until it ends
            cur.execute("LOCK TABLE news.crawl_runs IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        proc = newsetl("runs", env={**env, config.ENV_DB_STATEMENT_TIMEOUT: "2"}, timeout=120)
        took = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert proc.returncode == 2 and proc.stdout == "", proc
    [line] = proc.stderr.strip().splitlines()
    assert line == ("newsetl runs: warehouse error (QueryCanceled): canceling statement due to statement timeout "
                    "(after 2 s, NEWSETL_DB_STATEMENT_TIMEOUT; a lock held by another session, "
                    "or a statement that runs too long)")
    assert took < 60, took
    assert newsetl("runs", env=env).returncode == 0  # the lock gone, the same command answers


def test_a_bad_statement_timeout_setting_is_one_line_naming_it(pg_url):
    proc = newsetl("runs", env={config.ENV_DATABASE_URL: pg_url, config.ENV_DB_STATEMENT_TIMEOUT: "ten"})
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "newsetl runs: NEWSETL_DB_STATEMENT_TIMEOUT must be whole seconds in [0, 86400], got 'ten'"]


def test_runs_and_status_tell_an_operator_where_things_stand(tmp_path, pg_url):
    from helpers import make_article, make_run_dir

    from warehouse.load import load_run

    env = {config.ENV_DATABASE_URL: pg_url}
    empty = newsetl("status", env=env)  # a new database: nothing applied yet
    assert empty.returncode == 1 and "migrations pending: run `newsetl db upgrade`" in empty.stderr
    report = {"sources": {"ningbolife": {"started_at": "2026-11-21T06:00:00+00:00",
                                         "finished_at": "2026-11-21T06:01:00+00:00",
                                         "articles": {"new": 1, "unchanged": 4, "failed": 0}}}}
    art = make_article("http://www.ningbolife.com/index.php/ningbo-news/1-a.html")
    load_run(make_run_dir(tmp_path, [art], [], run_id="run-ok", crawl_report=report), pg_url)
    load_run(make_run_dir(tmp_path / "b", [art], [], run_id="run-blocked", crawl_report={
        "sources": {"ningbolife": {**report["sources"]["ningbolife"], "started_at": "2026-11-22T06:00:00+00:00"}}}),
        pg_url, blocked_reasons=["articles: 3 of 10 quarantined (> 20% and at least 3)"])
    runs = newsetl("runs", "--json", env=env)
    assert runs.returncode == 0 and runs.stderr == ""
    listed = json.loads(runs.stdout)
    assert [(r["run_id"], r["status"]) for r in listed] == [("run-blocked", "blocked"), ("run-ok", "loaded")]
    assert listed[0]["load_result"]["blocked_reasons"] == ["articles: 3 of 10 quarantined (> 20% and at least 3)"]
    assert listed[1]["crawled"] == {"ningbolife": {"new": 1, "unchanged": 4, "failed": 0}}
    status = newsetl("status", "--json", env=env)
    assert status.returncode == 0
    state = json.loads(status.stdout)
    assert state["migrations_current"] is True and state["sources"]["ningbolife"]["run_id"] == "run-blocked"
    # without --json: a short summary, one line per run / per source
    human_runs = newsetl("runs", env=env).stdout.splitlines()
    assert [line.split()[:2] for line in human_runs] == [["run-blocked", "blocked"], ["run-ok", "loaded"]]
    # a blocked run's row said "1 articles, 0 metrics, 0 quarantined", as a loaded one does
    assert ("  load blocked (articles: 3 of 10 quarantined (> 20% and at least 3)): nothing loaded of 1 article, "
            "0 metrics staged; 0 quarantined  [ningbolife 1 new/4 unchanged]") in human_runs[0]
    assert human_runs[1].endswith("started 2026-11-21 06:00  1 article, 0 metrics, 0 quarantined  "
                                  "[ningbolife 1 new/4 unchanged]")
    human_status = newsetl("status", env=env).stdout
    assert "(current)" in human_status
    assert "ningbolife: last run run-blocked (blocked: nothing loaded, started 2026-11-22 06:00)" in human_status
    # a configured source that never ran was left out: on-call could not tell it from one not configured
    assert state["sources"]["ningbo_gov"] is None and "  ningbo_gov: no run yet" in human_status.splitlines()
    # and which rules run: the native build when it is there and current (tests/test_native.py), else the source
    import transforms
    from transforms.metrics import EXTRACTOR_VERSION

    assert state["metric_rules"] == transforms.CODE and state["extractor_version"] == EXTRACTOR_VERSION
    assert f"metric rules: extractor {EXTRACTOR_VERSION}, {transforms.CODE}" in human_status.splitlines()


def test_runs_counts_what_a_full_crawl_fetched_again(tmp_path, pg_url, monkeypatch, capsys):
    """A `newsetl run --full` fetched the 22 stored articles again (crawl: "0 new, 22 refetched"), and
    `newsetl runs` listed it as "[ningbolife 0 new/0 unchanged]": a run that crawled nothing."""
    from helpers import make_article, make_run_dir

    from newsetl import cli
    from warehouse.load import load_run

    report = {"sources": {"ningbolife": {"started_at": "2026-11-21T06:00:00+00:00",
                                         "finished_at": "2026-11-21T06:01:00+00:00",
                                         "articles": {"new": 0, "unchanged": 0, "failed": 0},
                                         "articles_refetched": 22}}}
    art = make_article("http://www.ningbolife.com/index.php/ningbo-news/1-a.html")
    load_run(make_run_dir(tmp_path, [art], [], run_id="run-full", crawl_report=report), pg_url)
    monkeypatch.setenv(config.ENV_DATABASE_URL, pg_url)
    assert cli.main(["runs", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["crawled"] == {"ningbolife": {"new": 0, "unchanged": 0, "failed": 0, "refetched": 22}}
    assert cli.main(["runs"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("[ningbolife 0 new/22 refetched/0 unchanged]")


def test_a_reprocess_is_listed_when_it_ran_as_a_reprocess_of_its_run(tmp_path, pg_url, monkeypatch, capsys):
    # `runs` and `status` sorted a reprocess row by its archived run's crawl start (below every run
    # since) and showed that run's crawl counts as if the reprocess had crawled
    from helpers import make_article, make_run_dir

    from newsetl import cli
    from warehouse.load import load_run

    def report(day: str, **extra: str) -> dict:
        return {"sources": {"ningbolife": {"started_at": f"{day}T06:00:00+00:00",
                                           "finished_at": f"{day}T06:01:00+00:00",
                                           "articles": {"new": 1, "unchanged": 4, "failed": 0}}}, **extra}

    art = make_article("http://www.ningbolife.com/index.php/ningbo-news/1-a.html")
    load_run(make_run_dir(tmp_path / "a", [art], [], run_id="run-old", crawl_report=report("2026-11-20")), pg_url)
    load_run(make_run_dir(tmp_path / "b", [art], [], run_id="run-new", crawl_report=report("2026-11-22")), pg_url)
    again = "reprocess__run-old__20261123T060000000000Z"  # loaded now: after both runs' work
    load_run(make_run_dir(tmp_path / "c", [art], [], run_id=again,
                          crawl_report=report("2026-11-20", reprocess_of="run-old")), pg_url)
    monkeypatch.setenv(config.ENV_DATABASE_URL, pg_url)
    assert cli.main(["runs", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["run_id"] for r in listed] == [again, "run-new", "run-old"]
    assert (listed[0]["reprocess_of"], listed[0]["crawled"], listed[1]["reprocess_of"]) == ("run-old", {}, None)
    assert listed[0]["ran_at"] == listed[0]["loaded_at"] and listed[1]["ran_at"] == listed[1]["started_at"]
    assert cli.main(["runs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{again}  loaded  reprocessed ")
    assert lines[0].endswith("  reprocess of run run-old: 1 article, 0 metrics, 0 quarantined")  # no crawl counts
    assert lines[1].endswith("[ningbolife 1 new/4 unchanged]")
    assert cli.main(["status"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("  ningbolife:")]
    assert line.startswith(f"  ningbolife: last run {again} (loaded, reprocess of run run-old, reprocessed ")


def test_status_and_runs_work_for_the_read_only_analyst_login(tmp_path, pg_url, monkeypatch):
    """news_analyst may not read news.alert_outbox: `newsetl status` ended with "warehouse error
    (InsufficientPrivilege): permission denied for table alert_outbox", exit 2. It shows what the
    role can read and says which part it may not."""
    from helpers import make_article, make_run_dir

    from warehouse import db
    from warehouse.load import load_run

    monkeypatch.setenv(db.ENV_ANALYST_PASSWORD, "analyst-Secret-42")
    db.upgrade(pg_url)  # gives news_analyst its login
    report = {"sources": {"ningbolife": {"started_at": "2026-11-21T06:00:00+00:00",
                                         "finished_at": "2026-11-21T06:01:00+00:00",
                                         "articles": {"new": 1, "unchanged": 0, "failed": 0}}}}
    art = make_article("http://www.ningbolife.com/index.php/ningbo-news/1-a.html")
    quarantined = "http://www.ningbolife.com/index.php/ningbo-news/2-b.html"
    held = [{"table": "articles", "key": quarantined, "stage": "validate", "reasons": ["title_not_null"],
             "record": {"url": quarantined, "source": "ningbolife"}}]
    load_run(make_run_dir(tmp_path, [art], [], held, run_id="run-ok", crawl_report=report), pg_url)
    analyst = psycopg2.extensions.make_dsn(pg_url, user="news_analyst", password="analyst-Secret-42")
    env = {config.ENV_DATABASE_URL: analyst}

    status = newsetl("status", "--json", env=env)
    assert (status.returncode, status.stderr) == (0, "")
    state = json.loads(status.stdout)
    assert state["migrations_current"] is True and state["sources"]["ningbolife"]["run_id"] == "run-ok"
    assert state["undelivered_alerts"] is None and state["not_visible"] == ["undelivered_alerts"]
    human = newsetl("status", env=env)
    assert (human.returncode, human.stderr) == (0, "")
    lines = human.stdout.splitlines()
    assert "undelivered alerts: not visible to this role" in lines
    assert any(line.startswith("  ningbolife: last run run-ok (loaded") for line in lines)
    runs = newsetl("runs", env=env)
    assert (runs.returncode, runs.stderr) == (0, "") and runs.stdout.split()[:2] == ["run-ok", "loaded"]
    # the loader (and the owner) still see the count
    owner = json.loads(newsetl("status", "--json", env={config.ENV_DATABASE_URL: pg_url}).stdout)
    assert owner["undelivered_alerts"] == 0 and owner["not_visible"] == []
    # what the analyst may not do says which login may (it said only "permission denied for table ...")
    accept = newsetl("quarantine", "accept", quarantined, env=env)
    assert accept.returncode == 2 and len(accept.stderr.strip().splitlines()) == 1
    assert "warehouse error (InsufficientPrivilege): permission denied" in accept.stderr
    assert ("(this login may not do that: news_analyst only reads; run it with the loader's or the owner's login, "
            "NEWSETL_DATABASE_URL)") in accept.stderr


# ------------------------------------------------------------------ the embedded warehouse: where NEWSETL_HOME points
WAREHOUSE_VARS = (config.ENV_DATABASE_URL, "AIRFLOW_CONN_NEWS_WAREHOUSE", config.ENV_HOME,
                  "NEWSETL_LOADER_PASSWORD", "NEWSETL_ANALYST_PASSWORD")


def _on_embedded(*args: str, home: Path | None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`newsetl ARGS` with no warehouse configured: the embedded one under NEWSETL_HOME (or ./.newsetl of cwd)."""
    env = {k: v for k, v in os.environ.items() if k not in WAREHOUSE_VARS}
    env["GX_ANALYTICS_ENABLED"] = "false"
    if home is not None:
        env[config.ENV_HOME] = str(home)
    return subprocess.run([NEWSETL, *args], capture_output=True, text=True, timeout=300, env=env, cwd=cwd)


def test_read_only_commands_create_no_warehouse_where_none_is(tmp_path):
    """A wrong NEWSETL_HOME (or the default ./.newsetl of another directory) quietly initialised a new
    cluster, left a Postgres running on it and reported `schema version 0 of 9` / `no run stored yet`."""
    home = tmp_path / "nonexistent" / "dir"
    for args in (("status",), ("status", "--json"), ("runs",), ("quarantine", "list"), ("indicators", "unmapped")):
        proc = _on_embedded(*args, home=home)
        assert (proc.returncode, proc.stdout) == (2, ""), (args, proc)
        [line] = proc.stderr.strip().splitlines()
        assert line.startswith(f"newsetl {args[0]}: no warehouse at {home / 'pg'} "), line
        assert f"NEWSETL_HOME is {home}" in line and "`newsetl db upgrade`" in line, line
    assert not (tmp_path / "nonexistent").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = _on_embedded("status", home=None, cwd=elsewhere)
    assert proc.returncode == 2
    assert f"no warehouse at {elsewhere / '.newsetl' / 'pg'} " in proc.stderr
    assert "NEWSETL_HOME unset" in proc.stderr
    assert list(elsewhere.iterdir()) == []


def test_db_stop_says_when_no_embedded_postgres_was_running(tmp_path):
    """It printed "embedded Postgres stopped", exit 0, where nothing ran (a wrong NEWSETL_HOME)."""
    home = tmp_path / "nonexistent" / "dir"
    proc = _on_embedded("db", "stop", home=home)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"no embedded Postgres running at {home / 'pg'}\n", "")
    assert not (tmp_path / "nonexistent").exists()


def test_a_command_that_creates_the_embedded_warehouse_says_so_in_one_line(tmp_path):
    from warehouse import db
    from warehouse.embedded import stop_embedded

    # Not under pytest's basetemp (private to root: the server's own user could not enter it)
    home = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsetl-home-{os.getpid()}-{tmp_path.name}"
    announce = f"newsetl: creating a new embedded warehouse in {home / 'pg'} (none there yet; NEWSETL_HOME is {home})"
    try:
        created = _on_embedded("db", "upgrade", home=home)
        assert created.returncode == 0, created.stderr
        assert [line for line in created.stderr.splitlines() if "creating" in line] == [announce]
        assert f"schema version: {db.migrations()[-1].version}" in created.stdout
        again = _on_embedded("db", "upgrade", home=home)
        assert again.returncode == 0 and "creating" not in again.stderr
        status = _on_embedded("status", home=home)
        assert (status.returncode, status.stderr) == (0, ""), status
        assert "(current)" in status.stdout and "no run stored yet" in status.stdout
        stopped = _on_embedded("db", "stop", home=home)
        assert (stopped.returncode, stopped.stdout) == (0, f"embedded Postgres stopped ({home / 'pg'})\n")
        # a cluster that is there but not running: nothing to stop, and it says so
        again = _on_embedded("db", "stop", home=home)
        assert (again.returncode, again.stdout) == (0, f"no embedded Postgres running at {home / 'pg'}\n")
    finally:
        stop_embedded(home / "pg")
        shutil.rmtree(home, ignore_errors=True)


# ------------------------------------------------------------------ output: --json, summaries, progress bars
BAR = "━"  # rich's bar glyph


def _raw_run(tmp_path: Path, run_id: str = "cli_out") -> Path:
    """A run directory holding raw pages of the snapshot (what a crawl of ningbolife writes)."""
    import gzip

    run_dir = tmp_path / "data" / "runs" / run_id
    raw = run_dir / "raw" / "ningbolife"
    raw.mkdir(parents=True)
    pages = sorted((PAGES_DIR / "ningbolife" / "index.php" / "ningbo-news").glob("*.html"))[:6]
    with gzip.open(raw / "pages.jsonl.gz", "wt", encoding="utf-8") as fh:
        for page in pages:
            url = f"http://www.ningbolife.com/index.php/ningbo-news/{page.name}"
            fh.write(json.dumps({"url": url, "final_url": url, "canonical_url": url, "source": "ningbolife",
                                "kind": "article", "status": 200, "headers": {}, "encoding": "utf-8",
                                "fetched_at": "2026-11-21T06:00:00+00:00", "via": "direct", "truncated": False,
                                "html": page.read_text(encoding="utf-8")}) + "\n")
    return run_dir


def test_json_output_is_json_alone_and_the_summary_is_short_text(tmp_path, pg_url):
    run_dir = _raw_run(tmp_path)
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data")}
    results = {}
    for step in (["transform"], ["validate", "--no-alert"], ["load"]):
        proc = newsetl(*step, str(run_dir), "--json", env=env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        results[step[0]] = json.loads(proc.stdout)  # the whole of stdout is one JSON document
        assert " INFO " in proc.stderr and " INFO " not in proc.stdout  # the steps log, on stderr only
        assert BAR not in proc.stderr  # stderr is no terminal here: no progress bars
    assert results["transform"] == {"pages": 6, "articles": 6, "metrics": results["transform"]["metrics"],
                                    "rejected": 0, "pages_rejected": 0, "rejected_pages": [], "warnings": {},
                                    "page_warnings": [], "archive_errors": [],
                                    "duplicates": 0, "duplicate_pages": []}
    assert results["validate"]["articles_accepted"] == 6 and results["load"]["articles_inserted"] == 6

    human = newsetl("load", str(run_dir), env=env)
    assert human.returncode == 0
    assert human.stdout.strip() == human.stdout.strip().splitlines()[0]  # one line
    assert human.stdout.startswith("load cli_out: 0 articles inserted, 0 updated, 6 unchanged, 0 stale;")
    assert BAR not in human.stderr and "\x1b[" not in human.stderr + human.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(human.stdout)


LIFE = "http://www.ningbolife.com/index.php/"
OTHER_CATEGORY = LIFE + "science-and-technology/"  # a longer path: the page's own URL is the one kept


def _raw_run_with_duplicates(tmp_path: Path, good: int, pairs: int) -> tuple[Path, list[str], list[str]]:
    """A raw ningbolife run of `good` articles and `pairs` articles Joomla served under two category
    paths (the second copy fetched first); (run dir, URLs that should be stored, duplicate URLs)."""
    import gzip

    pages = sorted((PAGES_DIR / "ningbolife" / "index.php").glob("*/*.html"))[:good + pairs]
    assert len(pages) == good + pairs
    kept = [f"{LIFE}{page.parent.name}/{page.name}" for page in pages]
    copies = [OTHER_CATEGORY + page.name for page in pages[good:]]
    run_dir = tmp_path / "data" / "runs" / "dups"
    raw = run_dir / "raw" / "ningbolife"
    raw.mkdir(parents=True)
    with gzip.open(raw / "pages.jsonl.gz", "wt", encoding="utf-8") as fh:
        for url, page in [*zip(copies, pages[good:]), *zip(kept, pages)]:
            fh.write(json.dumps({"url": url, "final_url": url, "canonical_url": url, "source": "ningbolife",
                                "kind": "article", "status": 200, "headers": {}, "encoding": "utf-8",
                                "fetched_at": "2026-11-21T06:00:00+00:00", "via": "direct", "truncated": False,
                                "html": page.read_text(encoding="utf-8")}) + "\n")
    return run_dir, kept, copies


@pytest.mark.parametrize(("good", "pairs"), [(5, 1), (13, 2)], ids=["5-good-1-pair", "13-good-2-pairs"])
def test_an_article_under_two_urls_of_its_source_is_loaded_once_and_blocks_nothing(tmp_path, pg_url, good, pairs):
    """Both copies failed content_hash_unique and were quarantined with their metrics: one pair among 5
    good articles blocked the load on the metrics share (26 of 81), two pairs among 13 on the articles
    share (4 of 17). Now one copy is staged and loaded, the other named as its duplicate."""
    from newsetl import steps, summaries
    from warehouse.queries import stored_article_urls

    run_dir, kept, copies = _raw_run_with_duplicates(tmp_path, good, pairs)
    named = [{"url": copy, "source": "ningbolife", "duplicate_of": url} for copy, url in zip(copies, kept[good:])]
    transformed = steps.transform(str(run_dir))
    assert (transformed["pages"], transformed["articles"], transformed["rejected"]) == (good + 2 * pairs,
                                                                                         good + pairs, 0)
    assert (transformed["duplicates"], transformed["duplicate_pages"]) == (pairs, named)
    validated = steps.validate(str(run_dir), alert=False, database_url=pg_url)
    assert not validated["batch_failed"] and validated["critical_success"]
    assert (validated["articles_total"], validated["articles_quarantined"], validated["metrics_quarantined"]) == (
        good + pairs, 0, 0)
    assert validated["metrics_total"] == transformed["metrics"]
    assert validated["duplicates"] == {"total": pairs, "sources": {"ningbolife": pairs}, "pages": named}
    loaded = steps.load(str(run_dir), database_url=pg_url)
    assert (loaded["articles_inserted"], loaded["quarantined"], loaded["metrics_loaded"]) == (
        good + pairs, 0, transformed["metrics"])
    assert loaded["duplicates"] == [dict(d, stored=False) for d in named] and loaded["articles_duplicate"] == pairs
    assert query(pg_url, "SELECT url FROM news.articles ORDER BY url") == [(url,) for url in sorted(kept)]
    assert query(pg_url, "SELECT count(*) FROM news.metrics") == [(transformed["metrics"],)]
    assert query(pg_url, "SELECT count(*) FROM news.quarantine") == [(0,)]
    assert set(copies) <= set(stored_article_urls("ningbolife", pg_url))  # not fetched again

    lines = summaries.run({"run_dir": str(run_dir), "transform": transformed, "validate": validated,
                           "load": loaded}).splitlines()
    what = (f"{pairs} duplicate page{'' if pairs == 1 else 's'}, the content of another URL of "
            f"{'its' if pairs == 1 else 'their'} source, kept once")
    named_in = [line for line in lines if f"{what}: {copies[0]} (= {kept[good]})" in line]
    # the transform's, the validation's and the load's line
    assert [line.split(":")[0] for line in named_in] == ["  transform", f"  {what}", "  load dups"]
    assert named_in[1].endswith("(not validated again, not quarantined)")


def _stage_out_of_range(run_dir: Path, count: int) -> None:
    """Date the first `count` staged articles 1900-01-01: validation quarantines them (published_range)."""
    staged = run_dir / "staged" / "articles.jsonl"
    rows = [json.loads(line) for line in staged.read_text(encoding="utf-8").splitlines()]
    for row in rows[:count]:
        row["published"] = "1900-01-01"
    staged.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def test_json_output_stays_json_alone_when_an_alert_is_mailed(tmp_path, pg_url):
    # the alert mail imported Airflow, which put its own log handler on stdout: once a delivery was
    # tried, "... [info     ] alert 1 of run cli_out: delivery try 1 of 3" lines went to stdout, and
    # the blocked run's stdout held those lines and no JSON
    run_dir = _raw_run(tmp_path)
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data"),
           config.ENV_ALERT_EMAILS: "oncall@example.org"}
    with start_sink(tmp_path / "mail") as sink:
        env[config.ENV_SMTP_CONN] = sink.conn_uri
        assert newsetl("transform", str(run_dir), env=env).returncode == 0
        _stage_out_of_range(run_dir, 1)  # 1 of 6 quarantined: mailed, not blocked
        quarantined = newsetl("validate", str(run_dir), "--json", env=env)
        _stage_out_of_range(run_dir, 3)  # 3 of 6: the whole batch fails, the load is blocked
        blocked = newsetl("validate", str(run_dir), "--json", env=env)
        mails = sink.messages()
    assert quarantined.returncode == 0, quarantined.stderr[-2000:]
    summary = json.loads(quarantined.stdout)  # the whole of stdout is one JSON document
    assert summary["articles_quarantined"] == 1 and summary["alert_sent"] is True
    assert "delivery try 1 of 3" in quarantined.stderr and " INFO " in quarantined.stderr
    assert blocked.returncode == 3, blocked.stderr[-2000:]
    summary = json.loads(blocked.stdout)  # blocked: still the validation summary, and only it
    assert summary["batch_failed"] is True and summary["articles_quarantined"] == 3
    assert "delivery try 1 of 3" in blocked.stderr and "whole-batch validation failure" in blocked.stderr
    assert len(mails) == 2


def test_a_blocked_run_with_json_prints_its_result_so_far_and_exits_3(tmp_path, monkeypatch, capsys):
    # a blocked `run --json` printed nothing on stdout (and the alert's log lines, before the fix above)
    from newsetl import cli, steps

    summary = {"batch_failed": True, "articles_quarantined": 3}

    def blocked(run_dir, **kwargs):
        raise steps.ValidationGateFailed("run r: whole-batch validation failure (...); load blocked.", result=summary)

    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setattr(steps, "resolve_database_url", lambda: "postgresql://unused")
    monkeypatch.setattr(steps, "crawl", lambda run_dir, name, **kwargs: {"articles": {"new": 1}})
    monkeypatch.setattr(steps, "transform", lambda run_dir, **kwargs: {"articles": 6})
    monkeypatch.setattr(steps, "validate", blocked)
    assert cli.main(["run", "--source", "ningbolife", "--run-id", "r", "--json"]) == 3
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["crawl"] == {"ningbolife": {"articles": {"new": 1}}} and result["transform"] == {"articles": 6}
    assert result["validate"] == summary and result["error"].startswith("run r: whole-batch validation failure")
    assert "load" not in result and err.strip().splitlines()[-1].startswith("newsetl run: run r: whole-batch")


def test_a_blocked_run_or_reprocess_prints_its_steps_then_why_it_was_blocked(tmp_path, monkeypatch, capsys):
    # a blocked `run` without --json printed nothing on stdout (one stderr line only); a blocked
    # `reprocess` printed "blocked:" before "transform:" and no "validate:" line
    from newsetl import cli, steps

    summary = {"batch_failed": True, "articles_total": 6, "articles_accepted": 3, "articles_quarantined": 3,
               "metrics_total": 0, "critical_success": False, "alert_sent": True}
    error = "run r: whole-batch validation failure (3/6 articles, 0/0 metrics quarantined; ...); load blocked."

    def blocked(run_dir, **kwargs):
        raise steps.ValidationGateFailed(error, result=summary)

    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setattr(steps, "resolve_database_url", lambda: "postgresql://unused")
    monkeypatch.setattr(steps, "crawl", lambda run_dir, name, **kwargs: {"articles": {"new": 6}})
    monkeypatch.setattr(steps, "transform", lambda run_dir, **kwargs: {"pages": 6, "articles": 6})
    monkeypatch.setattr(steps, "validate", blocked)
    assert cli.main(["run", "--source", "ningbolife", "--run-id", "r"]) == 3
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("run ") and lines[1].startswith("  crawl ningbolife: 6 new, ")
    assert lines[2].startswith("  transform: 6 article pages -> 6 articles")
    assert lines[3].startswith("  validate: articles 3 accepted, 3 quarantined of 6")
    assert lines[-1] == f"  blocked: {error}" and not any(line.startswith("  load ") for line in lines)
    assert err.strip().splitlines()[-1] == f"newsetl run: {error}"

    monkeypatch.setattr(steps, "select_runs", lambda run_ids, date_from, date_to: ["r"])
    monkeypatch.setattr(steps, "prepare_reprocess", lambda run_id: "/data/runs/reprocess__r__1")
    assert cli.main(["reprocess", "r"]) == 3
    out, err = capsys.readouterr()
    assert [line.split(":")[0].strip() for line in out.splitlines()[1:]] == [
        "transform", "validate", "critical gates", "Data Docs", "blocked"]
    assert out.splitlines()[-1] == f"  blocked: {error}"
    assert err.strip() == f"newsetl reprocess: r: {error}"


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run newsetl with stderr on a pseudo-terminal: (exit code, stdout, what the terminal showed)."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen([NEWSETL, *args], stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL,
                            env={**os.environ, "GX_ANALYTICS_ENABLED": "false", "TERM": "xterm-256color",
                                 "COLUMNS": "120", **env})
    os.close(slave)
    shown = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        out = proc.stdout.read().decode()
        code = proc.wait(timeout=120)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    return code, out, shown.decode("utf-8", "replace")


def test_progress_bars_show_on_a_terminal_and_never_on_stdout_or_with_json(tmp_path, pg_url):
    run_dir = _raw_run(tmp_path)
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data")}
    code, out, shown = _on_a_terminal(["transform", str(run_dir)], env)
    assert code == 0, shown[-2000:]
    assert "transform pages" in shown and BAR in shown and "6/6" in shown
    assert out.startswith("transform: 6 article pages -> 6 articles,") and BAR not in out and "\x1b[" not in out

    assert newsetl("validate", "--no-alert", str(run_dir), env=env).returncode == 0
    code, out, shown = _on_a_terminal(["load", str(run_dir)], env)
    assert code == 0, shown[-2000:]
    assert "load" in shown and BAR in shown and out.startswith("load cli_out: 6 articles inserted")

    code, out, shown = _on_a_terminal(["transform", str(run_dir), "--json"], env)
    assert code == 0 and json.loads(out)["articles"] == 6
    assert BAR not in shown and "transform pages" not in shown and " INFO " in shown  # logs only


@pytest.mark.parametrize("command, ready", [
    (["mirror"], "export NEWSETL_BASE_URLS="),
    (["smtp-sink", "--port", "0"], "export "),
])
def test_foreground_dev_servers_serve_until_ctrl_c_then_exit_cleanly(tmp_path, command, ready):
    import signal

    extra = ["--dir", str(tmp_path / "mail")] if command[0] == "smtp-sink" else []
    # Started the way `cmd &` in a script starts it: SIGINT ignored, which the child inherits.
    proc = subprocess.Popen([NEWSETL, *command, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "GX_ANALYTICS_ENABLED": "false"},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        lines = []
        for line in proc.stdout:  # blocks until the server says where it listens
            lines.append(line)
            if line.startswith(ready):
                break
        assert any(line.startswith(ready) for line in lines), (lines, proc.stderr.read())
        assert proc.poll() is None  # still serving
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_ctrl_c_while_the_mirror_announces_itself_is_a_clean_stop(monkeypatch):
    """A Ctrl-C that lands while the mirror prints its export line (a script that signals as
    soon as it reads a line) stops it cleanly: the announcement is inside the Ctrl-C guard."""
    import builtins

    from devtools.mirror import serve

    printed = []

    def print_then_interrupted(*args, **kwargs):
        printed.append(" ".join(map(str, args)))
        if printed[-1].startswith("export NEWSETL_BASE_URLS="):
            raise KeyboardInterrupt  # SIGINT delivered while this line is written

    monkeypatch.setattr(builtins, "print", print_then_interrupted)
    serve()  # returns: no KeyboardInterrupt escapes, the servers are shut down
    assert printed[-1].startswith("export NEWSETL_BASE_URLS=") and len(printed) == 3


@pytest.mark.slow
def test_crawl_shows_its_bar_on_a_terminal_and_prints_json_alone_with_json(tmp_path):
    with start_mirror() as mirror:
        env = {config.ENV_DATA_DIR: str(tmp_path / "data"), config.ENV_BASE_URLS: mirror.env_value(),
               config.ENV_HOME: str(tmp_path / "home"), config.ENV_DATABASE_URL: ""}  # no warehouse: all new
        code, out, shown = _on_a_terminal(["crawl", "--source", "ningbolife", "--out", str(tmp_path / "a")], env)
        assert code == 0, shown[-2000:]
        assert "crawl ningbolife: 22 new, 0 unchanged, 0 failed" in shown and BAR in shown
        assert out.startswith("crawl ningbolife: 22 new, 0 unchanged, 0 failed article pages") and BAR not in out
        piped = newsetl("crawl", "--source", "ningbolife", "--out", str(tmp_path / "b"), "--json", env=env)
    assert piped.returncode == 0, piped.stderr[-2000:]
    report = json.loads(piped.stdout)
    assert report["run_dir"] == str(tmp_path / "b") and report["articles"]["new"] == 22
    assert BAR not in piped.stderr


@pytest.mark.slow
def test_a_recovery_crawl_into_a_run_directory_counts_what_the_warehouse_stores_as_not_new(tmp_path, pg_url):
    """The Task failure runbook's `newsetl crawl --source S --out <run dir>` never asked the warehouse:
    it counted every stored article as new ("22 new"), and the load then found them all unchanged."""
    with start_mirror() as mirror:
        env = {config.ENV_DATA_DIR: str(tmp_path / "data"), config.ENV_BASE_URLS: mirror.env_value(),
               config.ENV_DATABASE_URL: pg_url}
        first = newsetl("run", "--source", "ningbolife", "--run-id", "first", "--json", env=env)
        assert first.returncode == 0, first.stderr[-2000:]
        assert json.loads(first.stdout)["load"]["articles_inserted"] == 22
        run_dir = tmp_path / "data" / "runs" / "recovered"  # as the DAG's prepare_run made it
        crawled = newsetl("crawl", "--source", "ningbolife", "--out", str(run_dir), "--json", env=env)
        assert crawled.returncode == 0, crawled.stderr[-2000:]
        assert json.loads(crawled.stdout)["articles"] == {"new": 0, "unchanged": 22, "failed": 0}
        # --no-warehouse: not asked (what `crawl` did before), said by the flag; a finished crawl is not redone
        again = newsetl("crawl", "--source", "ningbolife", "--out", str(run_dir), "--json", env=env)
        assert again.returncode == 2 and again.stderr.startswith(
            "newsetl crawl: run recovered already holds a finished crawl of ningbolife (finished ")
        blind = newsetl("crawl", "--source", "ningbolife", "--out", str(tmp_path / "blind"), "--no-warehouse",
                        "--json", env=env)
        assert blind.returncode == 0 and json.loads(blind.stdout)["articles"]["new"] == 22
        # no warehouse anywhere: said on stderr, the crawl goes on
        alone = newsetl("crawl", "--source", "ningbolife", "--out", str(tmp_path / "alone"), "--json",
                        env={**env, config.ENV_DATABASE_URL: "", config.ENV_HOME: str(tmp_path / "home")})
        assert alone.returncode == 0 and json.loads(alone.stdout)["articles"]["new"] == 22
        assert "newsetl crawl: no warehouse configured or found" in alone.stderr
        assert not (tmp_path / "home" / "pg").exists()
    loaded = newsetl("transform", str(run_dir), env=env), newsetl("validate", str(run_dir), env=env)
    assert all(p.returncode == 0 for p in loaded), [p.stderr[-1000:] for p in loaded]
    load = newsetl("load", str(run_dir), "--json", env=env)
    assert load.returncode == 0 and json.loads(load.stdout)["articles_inserted"] == 0


# ------------------------------------------------------------------ pipes, paths and Ctrl-C: one line, no traceback
def _with_closed_stdout(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run newsetl with its stdout's reader gone before the first byte (`newsetl ... | head -c 0`)."""
    proc = subprocess.Popen([NEWSETL, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "GX_ANALYTICS_ENABLED": "false", **env})
    proc.stdout.close()
    try:
        err = proc.stderr.read()
        return proc.wait(timeout=300), err
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path, pg_url):
    # `newsetl extract MANY | head -1`, `status --json | head -c 10`, `indicators unmapped | head -1`
    # were BrokenPipeError tracebacks: now nothing on stderr and exit 141, as a shell reports for `yes | head`
    env = {config.ENV_DATABASE_URL: pg_url}
    assert newsetl("db", "upgrade", env=env).returncode == 0
    for argv in (["extract", str(GOV_TXT), str(LIFE_HTML), str(GOV_TXT)], ["status", "--json"],
                 ["indicators", "unmapped"]):
        code, err = _with_closed_stdout(argv, env)
        assert (code, err) == (141, ""), (argv, code, err[-2000:])


def test_report_out_on_a_path_it_cannot_write_is_one_line_naming_the_path(tmp_path, pg_url):
    # each was a traceback: FileExistsError, NotADirectoryError, IsADirectoryError
    env = {config.ENV_DATABASE_URL: pg_url}
    assert newsetl("db", "upgrade", env=env).returncode == 0
    a_file = tmp_path / "a_file"
    a_file.write_text("x", encoding="utf-8")
    taken = tmp_path / "taken"
    (taken / "index.html").mkdir(parents=True)
    window = ["--from", "2019-01-01", "--to", "2019-12-31"]
    for out, message in ((a_file, f"newsetl report: {a_file}: is a file, not a directory"),
                         (a_file / "sub", f"newsetl report: {a_file / 'sub'}: cannot be a directory: "
                                          f"{a_file} is a file"),
                         (taken, f"newsetl report: {taken / 'index.html'}: is a directory")):
        proc = newsetl("report", *window, "--out", str(out), env=env)
        assert proc.returncode == 2 and proc.stdout == "", proc.stderr[-2000:]
        [line] = proc.stderr.strip().splitlines()
        assert line.startswith(message), line
    assert sorted(p.name for p in taken.iterdir()) == ["index.html"]  # no half-written page left


def test_a_home_or_crawl_out_that_is_a_file_is_one_line_naming_the_path(tmp_path):
    # NEWSETL_HOME=/etc/passwd newsetl status, newsetl crawl --out /etc/passwd: FileExistsError tracebacks
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0::/root:/bin/sh\n", encoding="utf-8")
    status = newsetl("status", env={config.ENV_HOME: str(a_file), config.ENV_DATABASE_URL: "",
                                    "AIRFLOW_CONN_NEWS_WAREHOUSE": "", config.ENV_DATA_DIR: ""})
    assert status.returncode == 2 and status.stdout == ""
    assert status.stderr == (f"newsetl status: {a_file}: is a file, not a directory (a directory is needed "
                             f"here) ({config.ENV_HOME}={a_file})\n")
    crawl = newsetl("crawl", "--source", "ningbolife", "--out", str(a_file))
    assert crawl.returncode == 2 and crawl.stdout == ""
    assert crawl.stderr == f"newsetl crawl: {a_file}: is a file, not a directory (a directory is needed here)\n"


def _children(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_ctrl_c_during_a_run_stops_the_crawls_and_exits_130_with_one_line(tmp_path, pg_url):
    # Ctrl-C was a KeyboardInterrupt traceback, and the crawl child processes (run in worker
    # threads) kept running, the command waiting for them
    import signal
    import time

    faults = FaultPlan.parse("slow=20:/*")  # every page of the mirror answers after 20 s
    with start_mirror(faults=faults) as mirror:
        env = {**os.environ, "GX_ANALYTICS_ENABLED": "false", config.ENV_DATABASE_URL: pg_url,
               config.ENV_DATA_DIR: str(tmp_path / "data"), config.ENV_BASE_URLS: mirror.env_value()}
        proc = subprocess.Popen([NEWSETL, "run", "--run-id", "cli_ctrl_c", "--json"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            deadline = time.monotonic() + 120
            crawls: list[int] = []
            while len(crawls) < 2 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.5)
                crawls = [pid for pid in _children(proc.pid)
                          if "crawlers.run" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")]
            assert len(crawls) == 2, (proc.poll(), crawls)  # one crawl process per source
            time.sleep(2)  # the crawls are waiting on the slow mirror
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 130, err[-3000:]
    assert "Traceback" not in err and out == ""
    assert err.strip().splitlines()[-1] == "newsetl run: interrupted (Ctrl-C); stopped"
    assert "2 crawl process(es) stopped" in err
    assert not [pid for pid in crawls if Path(f"/proc/{pid}").exists()]  # no crawl outlived the command
def _closed_loopback_port() -> int:
    import socket

    with socket.socket() as sock:  # bound, then closed: nothing listens there (connection refused)
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_crawl_of_a_source_that_cannot_be_read_says_so_and_exits_3(tmp_path):
    """Every listing page refused: the summary printed "0 failed article pages", exit 0 and nothing on
    stderr, while crawl_report.json had listings_failed 2 (what `run` blocks as a crawl outage)."""
    port = _closed_loopback_port()
    proc = newsetl("crawl", "--source", "ningbo_gov", "--base-url", f"http://127.0.0.1:{port}",
                   "--out", str(tmp_path / "run"),
                   env={config.ENV_DATA_DIR: str(tmp_path / "data"), config.ENV_HOME: str(tmp_path / "home"),
                        config.ENV_DATABASE_URL: ""})
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert proc.stdout.startswith("crawl ningbo_gov: 0 new, 0 unchanged, 0 failed article pages, "
                                  "2 failed listing pages (")
    assert proc.stderr.strip().splitlines()[-1].startswith(
        "newsetl crawl: crawl outage: source ningbo_gov could not be read: all 2 listing pages failed (first: ")
    assert "Connection was refused" in proc.stderr
    report = json.loads((tmp_path / "run" / "raw" / "ningbo_gov" / "crawl_report.json").read_text())
    assert report["listings_failed"] == 2 and report["listings"] == 0


def test_a_run_whose_source_cannot_be_read_names_the_failed_listing_pages_as_crawl_does(tmp_path, pg_url):
    """Inside `run` the outage said only "crawl found no articles (new or unchanged)", not what
    `newsetl crawl` alone says: every listing page failed, and the first error."""
    port = _closed_loopback_port()
    proc = newsetl("run", "--source", "ningbo_gov", "--base-url", f"ningbo_gov=http://127.0.0.1:{port}",
                   env={config.ENV_DATA_DIR: str(tmp_path / "data"), config.ENV_DATABASE_URL: pg_url})
    assert proc.returncode == 3, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert lines[1].startswith("  crawl ningbo_gov: 0 new, 0 unchanged, 0 failed article pages, "
                               "2 failed listing pages (")
    said = ("source ningbo_gov: crawl found no articles (new or unchanged); could not be read: "
            "all 2 listing pages failed (first: ")
    assert lines[-1].startswith("  blocked: ") and said in lines[-1] and "Connection was refused" in lines[-1]
    assert said in proc.stderr.strip().splitlines()[-1]


@pytest.mark.slow
def test_a_source_whose_every_article_page_failed_is_named_so_in_the_outage_reason(tmp_path, pg_url):
    """robots.txt disallowing /art/: the listings read fine and all 26 article pages were refused, yet
    the blocked line, the mail and `newsetl runs` said only "crawl found no articles (new or
    unchanged)", and the runbook sends on-call to open the listing pages, which work."""
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data"),
           config.ENV_ALERT_EMAILS: "oncall@example.org"}
    with start_mirror(faults=FaultPlan.parse("robots=/art/:ningbo_gov:/robots.txt")) as mirror, \
            start_sink(tmp_path / "mail") as sink:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        env[config.ENV_SMTP_CONN] = sink.conn_uri
        proc = newsetl("run", "--source", "ningbo_gov", "--run-id", "robots_1", env=env)
        mails = sink.messages()
    assert proc.returncode == 3, proc.stderr[-2000:]
    said = ("source ningbo_gov: crawl found no articles (new or unchanged); all 26 article pages "
            "failed (first: robots.txt: disallowed)")
    assert said in proc.stdout.splitlines()[-1]
    [mail] = mails
    assert said in mail.get_body(preferencelist=("plain",)).get_content()
    runs = newsetl("runs", env=env)
    assert said in runs.stdout, runs.stdout

    # the runbook's `newsetl load <run dir> --force`: nothing staged, nothing quarantined. The refusals
    # said "Run `newsetl validate RUN` first" (it was validated) and pointed to `quarantine accept`
    # (nothing is quarantined)
    run_dir = str(tmp_path / "data" / "runs" / "robots_1")
    for args in ((run_dir,), (run_dir, "--force")):
        refused = newsetl("load", *args, env=env)
        assert refused.returncode == 2, refused.stderr[-2000:]
        last = refused.stderr.strip().splitlines()[-1]
        assert "newsetl validate" not in last and "quarantine accept" not in last, last
        assert last.endswith("it staged no article, so there is nothing to load or accept: the next run "
                             "crawls the source again (README.md#crawl-outage)"), last


@pytest.mark.slow
def test_an_alert_not_mailed_says_it_waits_in_the_outbox(tmp_path, pg_url):
    """With no NEWSETL_ALERT_EMAILS (or the relay down) the validate line of a run that quarantined
    rows said "alert mailed: no", as it does for a run that needed none: nothing told the operator an
    alert was due and waits in news.alert_outbox for `newsetl status` and the next validation."""
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data"),
           config.ENV_ALERT_EMAILS: ""}
    plan = FaultPlan.parse("mutate=boilerplate:ningbolife:/index.php/business-news/5762-*")
    with start_mirror(faults=plan) as mirror, start_sink(tmp_path / "mail") as sink:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        env[config.ENV_SMTP_CONN] = sink.conn_uri
        proc = newsetl("run", "--source", "ningbolife", "--run-id", "unmailed_1", env=env)
        assert sink.messages() == []
    assert proc.returncode == 0, proc.stderr[-2000:]
    [line] = [x for x in proc.stdout.splitlines() if "alert mailed:" in x]
    assert line.endswith("alert mailed: no: it waits in news.alert_outbox (no recipients configured: "
                         "set NEWSETL_ALERT_EMAILS); `newsetl status` counts it"), line
    summary = json.loads((tmp_path / "data" / "runs" / "unmailed_1" / "validation" / "summary.json").read_text())
    assert summary["alert_sent"] is False and summary["alert_waiting"].startswith("it waits in news.alert_outbox")


@pytest.mark.slow
def test_runs_names_the_article_pages_a_crawl_failed(tmp_path, pg_url):
    """An article page that answered 404 was counted by `newsetl run` ("1 failed article page") and in
    `runs --json` (crawled.failed), but the `newsetl runs` line on-call reads after a DAG run said only
    "[ningbo_gov 25 new/0 unchanged]": the failed page was nowhere in it."""
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data"),
           config.ENV_ALERT_EMAILS: ""}
    with start_mirror(faults=FaultPlan.parse("status=404:ningbo_gov:/art/2019/3/12/art_933_990215.html")) as mirror:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        proc = newsetl("run", "--source", "ningbo_gov", "--run-id", "failed_page_1", env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    runs = newsetl("runs", env=env)
    assert runs.stdout.rstrip().endswith("[ningbo_gov 25 new/0 unchanged/1 failed]"), runs.stdout


@pytest.mark.slow
def test_a_backfill_window_with_no_article_in_it_is_no_crawl_outage(tmp_path, pg_url):
    """`newsetl run --since D` (or the DAG's conf "since") over days the site published nothing in:
    the listings were read and every link counted in articles_before_since, yet validation blocked
    the load as a crawl outage ("crawl found no articles (new or unchanged)") and queued an alert."""
    env = {config.ENV_DATABASE_URL: pg_url, config.ENV_DATA_DIR: str(tmp_path / "data"),
           config.ENV_ALERT_EMAILS: "oncall@example.org"}
    with start_mirror() as mirror, start_sink(tmp_path / "mail") as sink:
        env[config.ENV_BASE_URLS] = mirror.env_value()
        env[config.ENV_SMTP_CONN] = sink.conn_uri
        proc = newsetl("run", "--source", "ningbo_gov", "--since", "2021-01-01", "--run-id", "quiet_1", env=env)
        mails = sink.messages()
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    assert "blocked" not in proc.stdout and "crawl outage" not in proc.stdout, proc.stdout
    assert mails == []
    report = json.loads((tmp_path / "data" / "runs" / "quiet_1" / "crawl_report.json").read_text())
    skipped = report["sources"]["ningbo_gov"]["articles_before_since"]
    assert skipped >= 20
    # the crawl line says what the backfill skipped (it said "0 new, 0 unchanged" and nothing more)
    assert f"crawl ningbo_gov: 0 new, 0 unchanged, {skipped} dated before --since (skipped), 0 failed" in proc.stdout


def test_the_crawl_summary_counts_failed_listing_pages_and_a_partly_read_source_is_no_outage():
    from crawlers.report import unreadable
    from newsetl import summaries

    partly = {"articles": {"new": 5, "unchanged": 0, "failed": 0}, "listings": 3, "listings_failed": 1,
              "requests": 9, "errors": [{"url": "http://x/col/1", "error": "HttpError 503"}]}
    assert summaries.crawl("ningbo_gov", partly).startswith(
        "crawl ningbo_gov: 5 new, 0 unchanged, 0 failed article pages, 1 failed listing page (9 requests)")
    assert unreadable(partly) is None
    assert unreadable({**partly, "listings": 0, "listings_not_modified": 2, "articles": {}}) is None  # 304s read
    down = {**partly, "listings": 0, "articles": {"new": 0, "unchanged": 0, "failed": 0}}
    assert unreadable(down) == "the 1 listing page failed (HttpError 503)"  # it said "all 1 listing page(s)"
    assert unreadable({**down, "listings_failed": 2}) == "all 2 listing pages failed (first: HttpError 503)"


# ------------------------------------------------------------------ running the DAGs by hand: `newsetl airflow`
@pytest.mark.slow
def test_newsetl_airflow_runs_the_dag_by_hand_with_the_demo_s_airflow_and_the_cli_s_warehouse(tmp_path, pg_url):
    """The README's "Running the DAGs by hand": with the mirror's and the SMTP sink's exports set,
    `newsetl airflow dags test ningbo_scitech_news -c '{"run_id": ...}'` creates the Airflow metadata
    under NEWSETL_HOME once (said on stderr), runs this checkout's DAG with real Airflow and loads the
    warehouse the CLI names; a second command reuses the metadata; no command is a one-line error."""
    home = tmp_path / "home"
    with start_mirror(pages_dir=PAGES_DIR) as mirror, start_sink(tmp_path / "mail") as sink:
        env = {config.ENV_HOME: str(home), config.ENV_DATABASE_URL: pg_url, config.ENV_BASE_URLS: mirror.env_value(),
               config.ENV_SMTP_CONN: sink.conn_uri, config.ENV_DATA_DIR: str(tmp_path / "data")}
        listed = newsetl("airflow", "dags", "list", "--local", "-o", "plain", env=env)
        ran = newsetl("airflow", "dags", "test", "ningbo_scitech_news", "-c", '{"run_id": "by_hand_1"}', env=env,
                      timeout=600)
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert "creating the Airflow metadata database" in listed.stderr and (home / "airflow" / "airflow.db").is_file()
    assert {"ningbo_scitech_news", "ningbo_news_reprocess"} <= set(listed.stdout.split())
    assert ran.returncode == 0, (ran.stdout + ran.stderr)[-3000:]
    assert "creating the Airflow metadata database" not in ran.stderr
    run_dir = tmp_path / "data" / "runs" / "by_hand_1"
    load = json.loads((run_dir / "load_result.json").read_text())
    crawled = json.loads((run_dir / "crawl_report.json").read_text())["articles"]
    stored = query(pg_url, "SELECT count(*) FROM news.articles")[0][0]
    assert stored == load["articles_inserted"] == crawled["new"] > 0


def test_newsetl_airflow_listing_commands_start_and_create_no_warehouse(tmp_path):
    """`newsetl airflow dags list` (any command that runs no task) resolved the warehouse first: with no
    warehouse configured it created an embedded Postgres cluster under NEWSETL_HOME (and role passwords) and
    left it running. It now creates only the Airflow metadata; a command that runs tasks still gets the DSN."""
    from devtools import airflow_local

    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in {config.ENV_DATABASE_URL, "AIRFLOW_CONN_NEWS_WAREHOUSE"}}
    env.update({config.ENV_HOME: str(home), "GX_ANALYTICS_ENABLED": "false"})
    listed = subprocess.run([NEWSETL, "airflow", "dags", "list", "--local", "-o", "plain"], capture_output=True,
                            text=True, timeout=300, env=env, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert {"ningbo_scitech_news", "ningbo_news_reprocess"} <= set(listed.stdout.split())
    assert "creating a new embedded warehouse" not in listed.stderr
    assert sorted(p.name for p in home.iterdir()) == ["airflow"]  # no pg/, no role_passwords.json
    assert [a for a in (["dags", "test", "x"], ["tasks", "test", "x", "t"], ["scheduler"], ["dags", "list"],
                        ["tasks", "list", "x"], ["dags", "show", "x"], ["config", "get-value", "core", "x"])
            if airflow_local.runs_tasks(a)] == [["dags", "test", "x"], ["tasks", "test", "x", "t"], ["scheduler"]]


def test_newsetl_airflow_pins_newsetl_home_and_passes_a_configured_warehouse_to_task_commands(
        tmp_path, monkeypatch):
    """airflow runs in the checkout: a relative (or unset) NEWSETL_HOME would name another state there."""
    from devtools import airflow_local

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(config.ENV_HOME, "state")
    monkeypatch.delenv(config.ENV_DATABASE_URL, raising=False)
    assert airflow_local.warehouse_env(["dags", "list"]) == {config.ENV_HOME: str(tmp_path / "state")}
    assert not (tmp_path / "state").exists()
    monkeypatch.setenv(config.ENV_DATABASE_URL, "postgresql://u@127.0.0.1:9/news")  # configured: passed as is
    assert airflow_local.warehouse_env(["dags", "test", "ningbo_scitech_news"]) == {
        config.ENV_HOME: str(tmp_path / "state")}
    assert not (tmp_path / "state").exists()


def test_the_demo_s_stop_command_works_from_where_the_demo_ran(tmp_path):
    """`NEWSETL_HOME=/tmp/h newsetl demo` run outside the checkout printed `stop Postgres : NEWSETL_HOME=/tmp/h
    .venv/bin/newsetl db stop`, a path that names no file there."""
    from devtools import PROJECT_ROOT
    from devtools.demo import db_stop_command

    assert db_stop_command(None, PROJECT_ROOT) == ".venv/bin/newsetl db stop"
    assert db_stop_command("/tmp/h", tmp_path) == f"NEWSETL_HOME=/tmp/h {NEWSETL} db stop"
    assert Path(db_stop_command(None, tmp_path).split()[0]).is_file()


def test_newsetl_airflow_without_a_command_is_a_one_line_error():
    done = newsetl("airflow")
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [
        "newsetl airflow: give the airflow command, e.g. `newsetl airflow dags list --local`"]


def test_a_usage_error_is_one_line_naming_the_help_to_read():
    """README: a `--since` after today is refused in one line; argparse printed its usage block above the error
    (three lines), and `status --bogus` the top-level usage. Every usage error is now one line."""
    since = newsetl("run", "--since", "2099-01-01")
    assert since.returncode == 2 and since.stdout == ""
    assert since.stderr.splitlines() == [since.stderr.strip()]
    assert since.stderr.startswith("newsetl run: error: argument --since: 2099-01-01 is after today")
    assert since.stderr.rstrip().endswith("(see newsetl run --help)")
    bogus = newsetl("status", "--bogus")
    assert (bogus.returncode, bogus.stderr) == (2, "newsetl: error: unrecognized arguments: --bogus "
                                                   "(see newsetl --help)\n")
    missing = newsetl("quarantine")
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1
    assert "newsetl quarantine: error: the following arguments are required" in missing.stderr
