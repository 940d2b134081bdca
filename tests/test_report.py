"""`newsetl report`: the static HTML report on the demo data (every snapshot article page
transformed and loaded as the pipeline does), plus a copy of one article on another URL (a
story told twice), an article whose title is a script/onerror payload, a quarantined page and
a validation result. Then the report opened in Debian's headless Chromium (tests/browser.py),
offline: it renders, every chart has marks, the payload does not run, the console stays
empty, no request leaves loopback; a screenshot is kept in build/test-artifacts/."""
from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from browser import page_requests, recording_proxy, visit
from helpers import demo_rows, make_article, make_run_dir, query

from newsetl import cli
from newsetl.report import _link
from warehouse.load import load_run

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "build" / "test-artifacts"
PWNED = "pwn3d"
PAYLOAD = (f"Evil <script>document.title='{PWNED}'</script> <img src=x onerror=\"document.body.id='{PWNED}'\"> "
           f"<b onmouseover=\"document.body.id='{PWNED}'\">hover</b>")
EVIL_URL = "http://www.ningbolife.com/index.php/ningbo-news/9999-evil.html"
COPY_URL = "http://www.ningbolife.com/index.php/ningbo-news/9998-republished.html"
QUARANTINED = "http://english.ningbo.gov.cn/art/2020/1/1/art_1_broken.html"
WINDOW = ("2018-01-01", "2021-12-31")


@pytest.fixture(scope="module")
def report_env(pg_module_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    articles, metrics = demo_rows("report-demo")
    # the richest article again on another URL (republished): one story, two articles
    original = max(articles, key=lambda a: sum(1 for m in metrics if m["article_url"] == a["url"]))
    copy = {**original, "url": COPY_URL, "title": original["title"] + " (republished)"}
    articles.append(copy)
    metrics += [{**m, "article_url": COPY_URL} for m in metrics if m["article_url"] == original["url"]]
    articles.append(make_article(EVIL_URL, title=PAYLOAD, published="2020-05-05",
                                 body="The city opened 12 new laboratories this spring."))
    quarantine = [{"table": "articles", "key": QUARANTINED, "stage": "validate", "reasons": ["body_boilerplate"],
                   "record": {"url": QUARANTINED, "source": "ningbo_gov", "title": PAYLOAD}}]
    summary = {"articles_total": len(articles) + 1, "articles_accepted": len(articles), "articles_quarantined": 1,
               "metrics_total": len(metrics), "metrics_accepted": len(metrics), "metrics_quarantined": 0,
               "critical_success": False,
               "failed_expectations": [{"suite": "articles.critical", "expectation": "body_boilerplate",
                                        "unexpected_count": 1}]}
    root = tmp_path_factory.mktemp("report")
    load_run(make_run_dir(root, articles, metrics, quarantine, run_id="report-demo", summary=summary,
                          crawl_report={"started_at": "2026-12-02T04:00:00+00:00",
                                        "finished_at": "2026-12-02T04:01:00+00:00"}), pg_module_url)
    return {"url": pg_module_url, "dir": root, "original": original}


@pytest.fixture(scope="module")
def report(report_env: dict[str, Any]) -> dict[str, Any]:
    out = report_env["dir"] / "out"
    env_url = report_env["url"]
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSETL_DATABASE_URL", env_url)
    try:
        code = cli.main(["report", "--from", WINDOW[0], "--to", WINDOW[1], "--out", str(out), "--json"])
    finally:
        mp.undo()
    assert code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    return {"path": out / "index.html", "html": html, "doc": lxml.html.fromstring(html), **report_env}


def _charts(doc: lxml.html.HtmlElement) -> list[Any]:
    return [e for e in doc.iter() if isinstance(e.tag, str) and e.tag.endswith("svg") and e.get("class") == "chart"]


def _marks(svg: Any) -> list[Any]:
    return [e for e in svg.iter() if isinstance(e.tag, str) and e.get("class") == "mark"]


def test_the_report_has_its_sections_and_charts(report: dict[str, Any]) -> None:
    doc = report["doc"]
    assert [h.text_content() for h in doc.iter("h2")] == [
        "Articles per source over time", "Top indicators", "Disagreements", "Latest validation", "Quarantine",
        "Articles"]
    charts = _charts(doc)
    series = doc.find_class("series")
    assert len(series) >= 3 and len(charts) == 1 + len(series)
    for svg in charts:
        assert _marks(svg), svg.get("aria-label")
    # the source chart: one bar segment per source and month that has articles
    months = {(s, str(d)[:7]) for s, d in query(report["url"], "SELECT source, published FROM news.articles "
                                                 "WHERE published BETWEEN %s AND %s", WINDOW)}
    assert len(_marks(charts[0])) == len(months)
    text = doc.text_content()
    assert "report-demo" in text and "failed" in text  # the latest validation
    assert QUARANTINED in text and "body_boilerplate" in text  # the quarantine


def test_series_count_stories_and_the_copy_is_listed_with_its_story(report: dict[str, Any]) -> None:
    stories = query(report["url"], "SELECT count(DISTINCT story_id), count(*) FROM news.articles "
                                   "WHERE published BETWEEN %s AND %s", WINDOW)[0]
    assert stories[0] < stories[1]
    [(same,)] = query(report["url"], "SELECT count(DISTINCT story_id) FROM news.articles WHERE url IN (%s, %s)",
                      (report["original"]["url"], COPY_URL))
    assert same == 1  # the republished copy joined its original's story
    rows = {tr.xpath("string(td[3])"): tr.xpath("string(td[4])") for tr in report["doc"].xpath("//h2[@id='articles']"
                                                                                              "/following::table[1]//tr[td]")}
    assert rows[report["original"]["title"]].endswith("(2)")
    assert rows[report["original"]["title"] + " (republished)"] == rows[report["original"]["title"]]
    assert f"<b>{stories[1]}</b> articles, <b>{stories[0]}</b> stories" in report["html"]


def _series(report: dict[str, Any], indicator: str) -> Any:
    [section] = [s for s in report["doc"].find_class("series") if f"({indicator}," in s.find("h3").text_content()]
    return section


def _lines(section: Any) -> dict[str, list[str]]:
    """A series chart's lines: legend name -> the x-axis labels of its points, left to right, for the
    lines drawn as a path (two points or more); each path goes through exactly its series' marks."""
    [svg] = _charts(section)
    marks = _marks(svg)
    lines: dict[str, list[str]] = {}
    for path in (e for e in svg.iter() if isinstance(e.tag, str) and e.get("class") == "line"):
        name = path.get("data-series")
        own = [m for m in marks if m.get("data-series") == name]
        vertices = [tuple(v[1:].split(",")) for v in path.get("d").split()]
        assert vertices == [(m.get("cx"), m.get("cy")) for m in own], name
        lines[name] = [m.findtext("title").split(":")[0] for m in own]
    return lines


def test_a_series_line_joins_only_periods_of_one_kind(report: dict[str, Any]) -> None:
    """Exports: 549 bn for 2018, 188 bn for Jan..Apr 2019, 129 bn for Jan..Mar 2020 were one line (a
    "collapse"). Now the only line is Jan..Apr 2019 -> Jan..Apr 2020; the other periods are lone points,
    each kind with its legend entry."""
    section = _series(report, "exports")
    [svg] = _charts(section)
    assert _lines(section) == {"Jan–Apr (YTD)": ["2019 Jan–Apr", "2020 Jan–Apr"]}
    kinds = {m.get("data-series") for m in _marks(svg)}
    assert kinds == {"full years", "quarters", "Jan–Apr (YTD)", "Jan–Jun (YTD)", "Jan–Sep (YTD)"}
    legend = [t.text_content() for t in svg.iter("{*}text", "text") if t.get("font-size") == "12"]
    assert legend == ["full years", "quarters", "Jan–Apr (YTD)", "Jan–Jun (YTD)", "Jan–Sep (YTD)",
                      "articles disagree"]
    # the table names each period's line and the period in words, with its stored form
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in section.xpath(".//tr[td]")]
    assert [r[:2] for r in rows] == [
        ["full years", "2018 (full year) 2018"],
        ["quarters", "Q1 2020 (Jan–Mar) 2020-01..2020-03"],
        ["Jan–Apr (YTD)", "Jan–Apr 2019 (year to date) 2019-01..2019-04"],
        ["Jan–Apr (YTD)", "Jan–Apr 2020 (year to date) 2020-01..2020-04"],
        ["Jan–Jun (YTD)", "Jan–Jun 2020 (year to date) 2020-01..2020-06"],
        ["Jan–Sep (YTD)", "Jan–Sep 2020 (year to date) 2020-01..2020-09"]]


def test_series_points_follow_the_period_end_and_every_line_is_of_one_kind(report: dict[str, Any]) -> None:
    """exports_growth drew the single month 2020-04 after Jan..Sep 2020 (ordered by period start); it is
    placed by its end now, and on its own. Every line of every chart joins periods of one length."""
    [svg] = _charts(_series(report, "exports_growth"))
    order = [m.findtext("title").split(":")[0] for m in _marks(svg)]
    assert order == ["2019 Jan–Apr", "2020 Q1", "2020 Jan–Apr", "2020-04", "2020 Jan–Jun", "2020 Jan–Sep"]
    assert [m.get("data-series") for m in _marks(svg)][order.index("2020-04")] == "months"
    xs = [float(m.get("cx")) for m in _marks(svg)]
    assert xs == sorted(xs)
    stored = {(r[0], r[1]): (r[2], r[3]) for r in query(
        report["url"], "SELECT DISTINCT indicator, period, period_start, period_end FROM news.metrics "
                       "WHERE indicator IS NOT NULL AND period_start IS NOT NULL")}
    drawn = 0
    for section in report["doc"].find_class("series"):
        indicator = section.find("h3").text_content().split("(")[-1].split(",")[0]
        periods = {tr.xpath("string(td[1])"): [] for tr in section.xpath(".//tr[td]")}
        for tr in section.xpath(".//tr[td]"):
            periods[tr.xpath("string(td[1])")].append(tr.xpath("string(td[2]/span)"))
        for name in _lines(section):
            spans = [stored[(indicator, p)] for p in periods[name]]
            months = {(e.year - s.year) * 12 + e.month - s.month for s, e in spans}
            assert len(spans) >= 2 and len(months) == 1, (indicator, name, periods[name])
            assert [e for _, e in spans] == sorted(e for _, e in spans)
            drawn += 1
    assert drawn >= 3


@pytest.mark.parametrize(("start", "end", "key", "short"), [
    ("2018-01-01", "2018-12-31", "year", "2018"),
    ("2020-01-01", "2020-03-31", "quarter", "2020 Q1"),
    ("2020-10-01", "2020-12-31", "quarter", "2020 Q4"),
    ("2019-01-01", "2019-04-30", "ytd-4", "2019 Jan–Apr"),
    ("2020-01-01", "2020-09-30", "ytd-9", "2020 Jan–Sep"),
    ("2020-04-01", "2020-04-30", "month", "2020-04"),
    ("2011-01-01", "2019-12-31", "years-9", "2011–2019"),
    ("2019-03-01", "2019-05-31", "months-3", "2019-03–2019-05"),
    ("2019-11-01", "2020-02-29", "months-4", "2019-11–2020-02"),
    # periods of days (migration 013): their own kind by length, never whole months
    ("2022-06-01", "2022-06-19", "days-19", "2022-06-01–2022-06-19"),
    ("2022-06-10", "2022-06-30", "days-21", "2022-06-10–2022-06-30"),
    ("2020-05-01", "2020-05-01", "day", "2020-05-01"),
    ("2021-02-28", "2021-03-02", "days-3", "2021-02-28–2021-03-02"),
])
def test_period_kinds(start: str, end: str, key: str, short: str) -> None:
    from datetime import date

    from newsetl.report import period_span

    span = period_span(date.fromisoformat(start), date.fromisoformat(end))
    assert (span.key, span.short) == (key, short)


def test_every_scraped_string_is_escaped(report: dict[str, Any]) -> None:
    html = report["html"]
    assert "<script" not in html and "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;script&gt;document.title=&#x27;pwn3d&#x27;&lt;/script&gt;" in html
    assert "<img" not in html
    # the payload is in the page as text, linked to its article
    [link] = [a for a in report["doc"].iter("a") if a.get("href") == EVIL_URL]
    assert link.text_content() == PAYLOAD
    assert 'http-equiv="Content-Security-Policy"' in html


def _validated_run(root: Path, run_id: str, started: str, evaluated: int, failed: list[dict[str, Any]]) -> Path:
    suites = {name: {"success": not any(f["suite"] == name for f in failed),
                     "statistics": {"evaluated_expectations": evaluated}}
              for name in ("articles.critical", "articles.warning", "metrics.critical", "metrics.warning")}
    return make_run_dir(root, [], [], run_id=run_id, crawl_report={"started_at": started, "finished_at": started},
                        summary={"articles_total": 0, "metrics_total": 0, "suites": suites,
                                 "failed_expectations": failed})


def test_the_latest_validation_is_the_last_one_recorded_that_evaluated_something(pg_url: str, tmp_path: Path) -> None:
    """The section picked the run with the latest crawl start: a reprocess run keeps the start of the crawl it
    reprocesses, so its fresh validation was never the latest, and a run with nothing new (a second `make demo`)
    showed "passed, 0 evaluated", hiding the last real failures. Now: the most recently recorded validation
    that evaluated something, and a line naming the empty runs recorded after it."""
    from newsetl.report import validation_section
    from warehouse.queries import report_data

    boilerplate = [{"suite": "articles.critical", "expectation": "body_boilerplate", "unexpected_count": 2}]
    follow = [{"suite": "metrics.critical", "expectation": "article_quarantined", "unexpected_count": 5}]
    for run_dir in (_validated_run(tmp_path, "cli__nov22", "2026-11-22T06:00:00+00:00", 18, boilerplate),
                    # reprocessed after it: the crawl it reprocesses started earlier
                    _validated_run(tmp_path, "reprocess__cli__nov01__x", "2026-11-01T06:00:00+00:00", 18, follow),
                    # then two runs with nothing new, crawled last
                    _validated_run(tmp_path, "cli__nov23", "2026-11-23T06:00:00+00:00", 0, []),
                    _validated_run(tmp_path, "cli__nov24", "2026-11-24T06:00:00+00:00", 0, [])):
        load_run(run_dir, pg_url)
    data = report_data(pg_url, *WINDOW)
    shown = {r["suite"]: r["success"] for r in data["validation"]}
    assert {r["run_id"] for r in data["validation"]} == {"reprocess__cli__nov01__x"}
    assert shown == {"articles.critical": True, "articles.warning": True, "metrics.critical": False,
                     "metrics.warning": True}
    [later] = data["later_empty_validations"]
    assert (later["run_id"], later["runs"]) == ("cli__nov24", 2)
    text = lxml.html.fromstring(validation_section(data["validation"], data["later_empty_validations"])).text_content()
    assert "Run reprocess__cli__nov01__x" in text and "failed" in text
    assert "2 later runs had nothing to validate" in text and "cli__nov24" in text
    # a reload of an older run's unchanged result does not make it the latest again
    load_run(tmp_path / "runs" / "cli__nov22", pg_url)
    assert {r["run_id"] for r in report_data(pg_url, *WINDOW)["validation"]} == {"reprocess__cli__nov01__x"}


def test_the_report_says_when_the_validation_ran_not_when_it_was_loaded(pg_url: str, tmp_path: Path) -> None:
    """"validated X ... loaded X": the time shown as the validation's was validation_runs.recorded_at, which
    the load writes. summary.json records validated_at now, the load stores it (migration 011) and the page
    shows it; a result whose summary has none says when it was recorded, not that it was validated then."""
    from datetime import UTC, datetime

    from newsetl.report import validation_section
    from warehouse.queries import report_data

    run = _validated_run(tmp_path, "cli__nov20", "2026-11-20T05:00:00+00:00", 18, [])
    summary_path = run / "validation" / "summary.json"
    summary = {**json.loads(summary_path.read_text()), "validated_at": "2026-11-20T06:30:00+00:00"}
    summary_path.write_text(json.dumps(summary))
    load_run(run, pg_url)
    data = report_data(pg_url, *WINDOW)
    [first, *_] = data["validation"]
    assert first["validated_at"] == datetime(2026, 11, 20, 6, 30, tzinfo=UTC)
    assert first["recorded_at"] > first["validated_at"]  # stored by the load, today
    text = lxml.html.fromstring(validation_section(data["validation"])).text_content()
    assert "validated 2026-11-20 06:30:00 UTC" in text
    assert f"results recorded {first['recorded_at'].astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC" in text
    # validated again, then loaded: the new time is stored
    summary_path.write_text(json.dumps({**summary, "validated_at": "2026-11-21T07:00:00+00:00"}))
    load_run(run, pg_url)
    assert {r["validated_at"] for r in report_data(pg_url, *WINDOW)["validation"]} == {
        datetime(2026, 11, 21, 7, tzinfo=UTC)}
    # a summary written before validated_at: no time claimed for the validation
    old = _validated_run(tmp_path, "cli__nov22", "2026-11-22T05:00:00+00:00", 18, [])
    load_run(old, pg_url)
    data = report_data(pg_url, *WINDOW)
    assert {(r["run_id"], r["validated_at"]) for r in data["validation"]} == {("cli__nov22", None)}
    text = lxml.html.fromstring(validation_section(data["validation"])).text_content()
    assert "validated 20" not in text and "results recorded 20" in text and "validated is not stored" in text


def test_the_validation_records_when_it_ran(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from expectations.runner import validate_run

    run = make_run_dir(tmp_path, [], [], run_id="empty")
    for name in ("articles", "metrics"):
        (run / "staged" / f"{name}.jsonl").write_text("", encoding="utf-8")
    before = datetime.now(UTC).replace(microsecond=0)
    validate_run(run)
    written = json.loads((run / "validation" / "summary.json").read_text())["validated_at"]
    assert before <= datetime.fromisoformat(written) <= datetime.now(UTC) + timedelta(seconds=1)


def test_before_migration_010_the_latest_validation_is_the_last_loaded(pg_url: str, tmp_path: Path) -> None:
    """A warehouse not yet upgraded has no validation_runs.recorded_at: the report orders by the runs' last
    load instead; the migration fills recorded_at from it."""
    import shutil

    from warehouse import db
    from warehouse.queries import report_data

    before = tmp_path / "migrations"
    before.mkdir()
    for path in sorted(db.MIGRATIONS_DIR.glob("*.sql")):
        if int(path.name[:3]) < 10:
            shutil.copy(path, before / path.name)
    db.upgrade(pg_url, directory=before)
    query(pg_url, "INSERT INTO news.crawl_runs (run_id, started_at, loaded_at) VALUES "
                  "('late-start', '2026-11-20', '2026-11-21'), ('early-start', '2026-11-01', '2026-11-22')")
    query(pg_url, "INSERT INTO news.validation_runs (run_id, suite, success, statistics, failed) VALUES "
                  "('late-start', 'articles.critical', true, '{\"evaluated_expectations\": 18}', '[]'), "
                  "('early-start', 'articles.critical', false, '{\"evaluated_expectations\": 18}', "
                  "'[{\"suite\": \"articles.critical\"}]')")
    assert {r["run_id"] for r in report_data(pg_url, *WINDOW)["validation"]} == {"early-start"}
    assert "010_validation_recorded_at" in db.upgrade(pg_url)
    assert query(pg_url, "SELECT run_id, recorded_at = (SELECT loaded_at FROM news.crawl_runs c "
                         "WHERE c.run_id = v.run_id) FROM news.validation_runs v ORDER BY run_id") == [
        ("early-start", True), ("late-start", True)]
    assert {r["run_id"] for r in report_data(pg_url, *WINDOW)["validation"]} == {"early-start"}


def _page(**data: Any) -> str:
    from datetime import date

    from newsetl.report import render

    base = {"as_role": "news_analyst", "totals": {"articles": 1, "stories": 1, "metrics": 1}, "source_daily": [],
            "series": [], "disagreements": [], "articles": [], "validation": [], "quarantine_states": {},
            "quarantined": []}
    return render({**base, **data}, date(2020, 1, 1), date(2020, 12, 31))[0]


def test_counts_of_one_are_singular() -> None:
    """The page said "1 articles, 1 stories", and so did the command's summary line."""
    from newsetl.summaries import report as report_line

    assert "<b>1</b> article, <b>1</b> story,\n<b>1</b> metric." in _page()
    assert "<b>2</b> articles, <b>1</b> story,\n<b>0</b> metrics." in _page(
        totals={"articles": 2, "stories": 1, "metrics": 0})
    line = report_line({"report": "x/index.html", "from": "2020-01-01", "to": "2020-12-31", "articles": 1,
                        "stories": 1, "metrics": 2, "charts": 1, "indicators": 0, "disagreements": 1,
                        "quarantined": 1, "as_role": "news_analyst"})
    assert line.splitlines()[1] == ("  2020-01-01 to 2020-12-31: 1 article, 1 story, 2 metrics; 1 chart "
                                    "(0 indicator series), 1 disagreement, 1 quarantined URL listed "
                                    "(read as news_analyst)")


def test_a_blocked_run_s_validation_does_not_say_it_was_loaded() -> None:
    """"Run by_hand_1, status blocked, validated ... loaded 2026-12-04 22:40:35 UTC": a run whose load
    validation blocked has its blocked record's time in loaded_at, but nothing of it was loaded."""
    from datetime import UTC, datetime

    from newsetl.report import validation_section

    at = datetime(2026, 12, 4, 22, 40, 35, tzinfo=UTC)
    row = {"run_id": "by_hand_1", "status": "blocked", "started_at": at, "loaded_at": at, "validated_at": at,
           "recorded_at": at, "suite": "articles.critical", "success": False, "failed": 1, "statistics": None}
    text = lxml.html.fromstring(validation_section([row])).text_content()
    assert "loaded 2026" not in text and "nothing loaded (load blocked)" in text
    loaded = lxml.html.fromstring(validation_section([{**row, "status": "loaded"}])).text_content()
    assert "loaded 2026-12-04 22:40:35 UTC" in loaded


def test_the_latest_validation_names_the_failed_expectations() -> None:
    """The table said "articles.critical | failed | 1 | 18 expectations evaluated: 18 successful, 0
    unsuccessful": the failure was the project's transform_rejects check (6 pages), which GX's counts
    leave out, and the page named no expectation."""
    from newsetl.report import validation_section

    row = {"run_id": "r1", "status": "blocked", "started_at": "s", "loaded_at": "l", "validated_at": "v",
           "recorded_at": "v", "suite": "articles.critical", "success": False, "failed": 1,
           "failed_expectations": [{"expectation": "transform_rejects", "unexpected_count": 6,
                                    "column": "page"}],
           "statistics": {"evaluated_expectations": 18, "successful_expectations": 18,
                          "unsuccessful_expectations": 0}}
    [cells] = [[td.text_content() for td in tr.xpath("td")]
               for tr in lxml.html.fromstring(validation_section([row])).xpath("//tr[td]")]
    assert cells[2] == "1: transform_rejects (6 rows)"
    odd = {**row, "failed_expectations": [{"expectation": "<b>x</b>", "unexpected_count": None}]}
    [cells] = [[td.text_content() for td in tr.xpath("td")]
               for tr in lxml.html.fromstring(validation_section([odd])).xpath("//tr[td]")]
    assert cells[2] == "1: <b>x</b>"  # a name stays text


def test_suite_statistics_read_as_counts_not_json(report: dict[str, Any]) -> None:
    """The "statistics" column showed raw JSON ({"evaluated_expectations": 18, ...})."""
    from newsetl.report import validation_section

    row = {"run_id": "r1", "status": "loaded", "started_at": "s", "loaded_at": "l", "validated_at": "v",
           "recorded_at": "v", "suite": "<b>s</b>", "success": False, "failed": 1}
    stats = {"success_percent": 94.4, "evaluated_expectations": 18, "successful_expectations": 17,
             "unsuccessful_expectations": 1}
    cells = [[td.text_content() for td in tr.xpath("td")] for tr in lxml.html.fromstring(
        validation_section([{**row, "statistics": stats}, {**row, "statistics": {"evaluated_expectations": 0}},
                            {**row, "statistics": {"evaluated_expectations": 1, "successful_expectations": 1,
                                                   "unsuccessful_expectations": 0}},
                            {**row, "statistics": None}])).xpath("//tr[td]")]
    assert [c[3] for c in cells] == ["18 expectations evaluated: 17 successful, 1 unsuccessful",
                                     "0 expectations evaluated",
                                     "1 expectation evaluated: 1 successful, 0 unsuccessful", ""]
    assert cells[0][0] == "<b>s</b>"  # a suite name stays text
    # the fixture's summary has no suites: its one row "all" has the run's row counts
    section = report["doc"].xpath("//h2[@id='validation']/following::table[1]")[0]
    stats_cell = section.xpath("string(.//tr[td]/td[4])")
    assert "{" not in stats_cell and "articles total" in stats_cell and "articles quarantined 1" in stats_cell


@pytest.mark.parametrize(("state", "source", "said"), [
    ("accepted", None, "no accepted URL"), ("released", None, "no released URL"),
    ("accepted", "ningbolife", "no accepted URL from ningbolife"), (None, None, "no quarantined article URL")])
def test_an_empty_quarantine_list_names_the_state_asked_for(state: str | None, source: str | None, said: str) -> None:
    from newsetl.summaries import quarantine_list

    assert quarantine_list([], state, source) == said


def test_quarantine_list_of_a_state_with_no_url_says_that_state(report: dict[str, Any], capsys) -> None:
    """`quarantine list --state accepted` with nothing accepted said "no quarantined article URL" although
    a URL is quarantined."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSETL_DATABASE_URL", report["url"])
    try:
        assert cli.main(["quarantine", "list", "--state", "accepted"]) == 0
        assert capsys.readouterr().out.strip() == "no accepted URL"
        assert cli.main(["quarantine", "list", "--state", "quarantined"]) == 0
        assert QUARANTINED in capsys.readouterr().out
    finally:
        mp.undo()


def test_links_are_http_only() -> None:
    assert _link("javascript:alert(1)", "x") == "x"
    assert _link("data:text/html,<b>", "<b>") == "&lt;b&gt;"
    assert _link("https://a.example/?q=\"'><", "t") == ('<a href="https://a.example/?q=&quot;&#x27;&gt;&lt;" '
                                                      'rel="noopener noreferrer">t</a>')


def test_the_report_reads_as_the_analyst_and_refuses_a_reversed_window(report: dict[str, Any], capsys) -> None:
    assert "as database role <code>news_analyst</code>" in report["html"]
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSETL_DATABASE_URL", report["url"])
    try:
        code = cli.main(["report", "--from", "2021-01-02", "--to", "2021-01-01", "--out", str(report["dir"] / "x")])
    finally:
        mp.undo()
    err = capsys.readouterr().err
    assert code == 2 and err.strip().splitlines() == [
        "newsetl report: --from 2021-01-02 is after --to 2021-01-01"]
    assert not (report["dir"] / "x").exists()


# --------------------------------------------------------------------------- in the browser
@pytest.fixture(scope="module")
def proxy() -> Iterator[Any]:
    with recording_proxy() as server:
        yield server


@pytest.mark.slow
def test_the_report_renders_offline_in_chromium(report: dict[str, Any], proxy: Any, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    seen = visit(report["path"].as_uri(), proxy, tmp_path / "profile", screenshot=tmp_path / "report.png")
    shutil.copyfile(tmp_path / "report.png", shot)
    print(f"report screenshot: {shot}")
    doc = seen.doc
    charts = _charts(doc)
    assert len(charts) == len(_charts(report["doc"])) >= 4
    for svg in charts:
        assert _marks(svg), svg.get("aria-label")
    # the hostile title is there as text, and none of it ran or became markup
    assert any(a.text_content() == PAYLOAD for a in doc.iter("a"))
    assert PWNED not in (doc.findtext(".//title") or "")
    body = doc.find(".//body")
    assert body is not None and body.get("id") != PWNED
    assert not any(e.tag == "img" for e in doc.iter())
    assert seen.console == [], seen.console
    assert page_requests(proxy) == []
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1280, 2000)


@pytest.mark.slow
def test_the_browser_check_sees_console_errors_and_requests(tmp_path: Path, proxy: Any) -> None:
    """The control for the test above: a page that logs an error and loads from a CDN is caught."""
    page = tmp_path / "bad.html"
    page.write_text('<html><body><script>console.error("boom " + 6 * 7)</script>'
                    '<img src="http://cdn.example.com/logo.png"></body></html>', encoding="utf-8")
    before = len(proxy.requests)
    seen = visit(page.as_uri(), proxy, tmp_path / "profile")
    assert any("boom 42" in line for line in seen.console), seen.stderr[-2000:]
    assert [r for r in proxy.requests[before:] if "cdn.example.com" in r]
    del proxy.requests[before:]
    assert re.search(r"CONSOLE", "\n".join(seen.console))
