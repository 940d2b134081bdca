"""End to end with real parts: the mirror of both sites, real Airflow (`airflow dags test`
on SQLite metadata), real Scrapy crawls, real GX suites, a real Postgres and a real SMTP
server on loopback.

The snapshot is copied with two faults injected: one gov article whose body leaks
boilerplate (the "Text Size" widget rendered inside the content), and one ningbolife
article reporting an impossible share ("accounting for 167% of the ..."). Exactly that
article and that metric must end up in news.quarantine with their reasons, everything
else loaded, and exactly one alert mail naming both must reach the SMTP server.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import query

from core import config
from devtools import PAGES_DIR, airflow_local
from devtools.mirror import start_mirror
from devtools.smtp_sink import start_sink

pytestmark = pytest.mark.slow  # one Airflow run for the module, on one xdist worker (conftest)

LEAKY_PAGE = "art/2019/8/18/art_933_1016946.html"
LEAK = "Text Size: A A A"
LEAKY_URL = "http://english.ningbo.gov.cn/" + LEAKY_PAGE
BAD_METRIC_PAGE = "index.php/ningbo-news/5756-ningbo-rd-spending-hits-new-high.html"
BAD_METRIC_URL = "http://www.ningbolife.com/" + BAD_METRIC_PAGE
GOOD_SHARE, BAD_SHARE = "accounting for 6.7% of the general", "accounting for 167% of the general"


def snapshot_articles(pages: Path) -> int:
    gov = list((pages / "ningbo_gov" / "art").rglob("art_*.html"))
    life = [p for p in (pages / "ningbolife" / "index.php").glob("*/*.html") if p.name[0].isdigit()]
    return len(gov) + len(life)


def inject_boilerplate(pages: Path) -> None:
    """Append the Text Size widget's text to the last body paragraph of the seed gov article."""
    page = pages / "ningbo_gov" / LEAKY_PAGE
    html = page.read_text(encoding="utf-8")
    marker = "innovation.\u201d The relevant person in charge of the Municipal Bureau of Science and Technology said."
    if marker not in html:  # tolerate markup around the sentence: fall back to the ContentEnd marker
        idx = html.lower().rfind("<meta name=\"contentend\"")
        assert idx > 0, "seed gov article has no ContentEnd marker"
        html = html[:idx] + f"<p>The bureau said. {LEAK}</p>" + html[idx:]
    else:
        html = html.replace(marker, marker + " " + LEAK, 1)
    page.write_text(html, encoding="utf-8")


def inject_bad_metric(pages: Path) -> None:
    """Turn a 6.7% budget share into 167%: a share above 100% that no real article reports."""
    page = pages / "ningbolife" / BAD_METRIC_PAGE
    html = page.read_text(encoding="utf-8")
    assert GOOD_SHARE in html
    page.write_text(html.replace(GOOD_SHARE, BAD_SHARE), encoding="utf-8")


@pytest.fixture(scope="module")
def e2e(tmp_path_factory, pg_module_url):
    tmp = tmp_path_factory.mktemp("e2e")
    pages = tmp / "pages"
    shutil.copytree(PAGES_DIR, pages)
    inject_boilerplate(pages)
    inject_bad_metric(pages)
    with start_mirror(pages_dir=pages) as mirror, start_sink(tmp / "mail") as sink:
        env = airflow_local.airflow_env(
            tmp / "airflow",
            {
                config.ENV_DATABASE_URL: pg_module_url,
                config.ENV_DATA_DIR: str(tmp / "data"),
                config.ENV_BASE_URLS: mirror.env_value(),
                config.ENV_SMTP_CONN: sink.conn_uri,
                config.ENV_ALERT_EMAILS: "oncall@example.org",
            },
        )
        log = tmp / "airflow.log"
        airflow_local.migrate(env, log)
        rc = airflow_local.dags_test(env, "2026-11-20", log, conf={"run_id": "e2e_run"})
        mails = sink.messages()
    yield {"rc": rc, "log": log, "mails": mails, "pages": pages, "db": pg_module_url,
           "run_dir": tmp / "data" / "runs" / "e2e_run", "env": env}


def test_dag_run_succeeds(e2e):
    assert e2e["rc"] == 0, airflow_local.task_states(e2e["log"])
    assert (e2e["run_dir"] / "load_result.json").exists()


def test_every_good_article_is_loaded_and_the_leaky_one_is_not(e2e):
    expected = snapshot_articles(e2e["pages"])
    assert expected >= 44
    loaded = {u for (u,) in query(e2e["db"], "SELECT url FROM news.articles")}
    assert LEAKY_URL not in loaded
    assert len(loaded) == expected - 1
    by_source = dict(query(e2e["db"], "SELECT source, count(*) FROM news.articles GROUP BY 1"))
    assert by_source["ningbo_gov"] >= 21 and by_source["ningbolife"] >= 22
    # articles are keyed by their live URL even though the mirror served them
    assert all(u.startswith(("http://english.ningbo.gov.cn/", "http://www.ningbolife.com/")) for u in loaded)


def test_leaky_article_is_quarantined_with_the_boilerplate_reason(e2e):
    rows = query(e2e["db"], "SELECT table_name, record_key, reasons::text, record->>'body' "
                            "FROM news.quarantine WHERE run_id = %s", ("e2e_run",))
    articles = [r for r in rows if r[0] == "articles"]
    assert [r[1] for r in articles] == [LEAKY_URL]
    assert "regex" in articles[0][2] or "boilerplate" in articles[0][2]
    assert LEAK in articles[0][3]  # the original record is kept, not lost
    # its metrics followed it; the only other quarantined metric is the impossible share
    metrics = [r for r in rows if r[0] == "metrics"]
    followers = [r for r in metrics if r[1].startswith(LEAKY_URL + "#")]
    assert followers and all("article_quarantined" in r[2] for r in followers)
    [bad] = [r for r in metrics if not r[1].startswith(LEAKY_URL + "#")]
    assert bad[1].startswith(BAD_METRIC_URL + "#") and "share_percent_range" in bad[2]


def test_the_bad_metrics_article_and_its_other_metrics_are_loaded(e2e):
    rows = query(e2e["db"], "SELECT m.text FROM news.metrics m JOIN news.articles a USING (article_id) "
                            "WHERE a.url = %s", (BAD_METRIC_URL,))
    texts = [t for (t,) in rows]
    assert "167%" not in texts
    assert {"28.44 billion yuan", "91.1%", "9.87 billion yuan"} <= set(texts)


def test_metrics_are_loaded_and_queryable(e2e):
    [(n,)] = query(e2e["db"], "SELECT count(*) FROM news.metrics")
    assert n >= 100
    from transforms.metrics import EXTRACTOR_VERSION

    assert query(e2e["db"], "SELECT DISTINCT extractor_version FROM news.metrics") == [(EXTRACTOR_VERSION,)]
    life = query(e2e["db"], "SELECT value, unit, kind, qualifier FROM news.v_metrics "
                            "WHERE text LIKE %s AND url LIKE %s", ("%2.8%", "%ningbolife%"))
    assert (2.8, "percent", "share", "approx") in [(float(v), u, k, q) for v, u, k, q in life]


def test_one_alert_mail_reaches_the_smtp_server(e2e):
    assert len(e2e["mails"]) == 1
    mail = e2e["mails"][0]
    assert "e2e_run" in mail["Subject"] and "1 article," in mail["Subject"]
    assert mail["To"] == "oncall@example.org"
    body = mail.get_body(preferencelist=("html",)).get_content()
    assert "body_boilerplate" in body and LEAKY_URL in body  # reason 1 with its sample
    assert "share_percent_range" in body and BAD_METRIC_URL in body  # reason 2 with its sample
    docs = re.search(r'href="file://([^"]+)"', body).group(1)
    assert Path(docs).is_file() and Path(docs).name == "index.html"


def test_data_docs_and_crawl_report_are_in_the_run_dir(e2e):
    summary = json.loads((e2e["run_dir"] / "validation" / "summary.json").read_text())
    assert Path(summary["data_docs"]).is_file()
    report = json.loads((e2e["run_dir"] / "crawl_report.json").read_text())
    assert set(report["sources"]) == {"ningbo_gov", "ningbolife"}


def test_reloading_the_same_run_changes_nothing(e2e):
    from newsetl import steps

    tables = ("articles", "metrics", "quarantine")
    checksum = "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM news.{} t"
    before = [query(e2e["db"], checksum.format(t)) for t in tables]
    steps.load(str(e2e["run_dir"]), database_url=e2e["db"])
    after = [query(e2e["db"], checksum.format(t)) for t in tables]
    assert before == after


def test_the_reprocess_dag_reloads_the_archived_run_and_both_dags_emit_the_warehouse_asset(e2e):
    """`airflow dags test ningbo_news_reprocess` with run_ids=[the daily run]: a new reprocess
    run re-transforms, re-validates and re-loads its raw pages (nothing new to insert), and the
    load tasks of both DAGs record an event of the warehouse Asset in Airflow's metadata."""
    import sqlite3

    log = e2e["log"].with_name("reprocess.log")
    rc = airflow_local.dags_test(e2e["env"], "2026-11-21", log, conf={"run_ids": ["e2e_run"]},
                                 dag_id=airflow_local.REPROCESS_DAG_ID)
    assert rc == 0, airflow_local.task_states(log)
    [run_dir] = e2e["run_dir"].parent.glob("reprocess__e2e_run__*")
    result = json.loads((run_dir / "load_result.json").read_text())
    assert result["articles_inserted"] == 0 and result["articles_unchanged"] > 40
    home = Path(e2e["env"]["AIRFLOW_HOME"])
    with sqlite3.connect(home / "airflow.db") as db:
        events = db.execute("SELECT e.source_dag_id, a.name FROM asset_event e JOIN asset a ON a.id = e.asset_id"
                            " ORDER BY e.id").fetchall()
    assert ("ningbo_scitech_news", "ningbo_news_warehouse") in events
    assert ("ningbo_news_reprocess", "ningbo_news_warehouse") in events


def test_a_new_dag_run_with_the_run_id_of_a_loaded_run_is_refused_and_changes_nothing(e2e, tmp_path):
    """`airflow dags test ... -c '{"run_id": "<a loaded run>"}'` re-crawled into the loaded run: its
    raw pages then held 0 lines (the loaded ones only in raw/.attempts/), load_result.json and its
    news.crawl_runs counts were overwritten (48 inserted -> 0). Now prepare_run fails at once (no
    retry), nothing in the run directory or the warehouse changes, and the task-failure mail names
    the run directory."""
    import hashlib

    run_dir = e2e["run_dir"]

    def files() -> dict[str, str]:
        return {str(p.relative_to(run_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(run_dir.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}

    row = ("SELECT started_at, finished_at, status, counts::text, load_result::text FROM news.crawl_runs "
           "WHERE run_id = %s")
    before_files, before_row = files(), query(e2e["db"], row, ("e2e_run",))
    log = e2e["log"].with_name("rerun.log")
    with start_sink(tmp_path / "mail") as sink:
        env = {**e2e["env"], config.ENV_SMTP_CONN: sink.conn_uri}
        rc = airflow_local.dags_test(env, "2026-11-22", log, conf={"run_id": "e2e_run"})
        mails = sink.messages()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert rc != 0, airflow_local.task_states(log)
    assert "AirflowFailException" in text and "run e2e_run was loaded already" in text
    assert "up_for_retry" not in text  # refused once: retrying cannot change it
    assert files() == before_files
    assert query(e2e["db"], row, ("e2e_run",)) == before_row
    [mail] = mails
    assert "task failure: prepare_run in ningbo_scitech_news" in " ".join(str(mail["Subject"]).split())
    body = mail.get_body(preferencelist=("plain",)).get_content()
    assert f"Run directory: {run_dir}" in body and "newsetl reprocess e2e_run" in body
