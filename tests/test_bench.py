"""`newsetl bench`: the generated corpus is what the crawler and parsers expect; the report carries the issue's keys."""
from __future__ import annotations

import json

from devtools import bench
from devtools.build_listings import LIFE_ARTICLE_RE
from transforms.page import parse_page


def test_generated_articles_are_distinct_parseable_pages_of_both_sites_with_listings(tmp_path):
    out = tmp_path / "pages"
    assert bench.generate(out, 130) == 130
    gov = sorted((out / "ningbo_gov").glob("art/*/*/*/art_*.html"))
    life = [p for p in (out / "ningbolife").glob("index.php/*/*.html")
            if LIFE_ARTICLE_RE.match(p.relative_to(out / "ningbolife").as_posix())]
    assert len(gov) + len(life) == 130 and len(gov) > 40 and len(life) > 40
    articles = [parse_page(p.read_bytes()) for p in gov + life]
    assert len({a.title for a in articles}) == 130  # every copy has its own title
    assert len({a.body for a in articles}) > 120    # and (nearly always) its own numbers
    # the listings list every generated article: Hanweb records and Joomla blog pages with paging
    records = "".join(p.read_text(encoding="utf-8") for p in (out / "ningbo_gov").glob("col/*/records.xml"))
    assert all(p.name in records for p in gov)
    blog = "".join(p.read_text(encoding="utf-8") for p in (out / "ningbolife" / "index.php").glob("*.html*"))
    assert all(p.stem in blog for p in life) and "start=" in blog
    # a copy keeps its site's markup: the same template is detected and the title carries the copy number
    copy = next(a for a in articles if a.title.endswith("(1)"))
    assert copy.source in {"ningbo_gov", "ningbolife"}


def test_a_stage_runs_as_a_child_and_reports_its_own_peak_rss(tmp_path):
    env = {"NEWSETL_DATA_DIR": str(tmp_path)}
    import os

    (tmp_path / "runs" / "empty" / "raw").mkdir(parents=True)
    (tmp_path / "runs" / "empty" / "crawl_report.json").write_text('{"sources": {}}')  # crawled: nothing
    stage = bench.run_stage("transform", ["transform", str(tmp_path / "runs" / "empty")], {**os.environ, **env})
    assert stage.result == {"pages": 0, "articles": 0, "metrics": 0, "rejected": 0, "pages_rejected": 0,
                            "rejected_pages": [], "warnings": {}, "page_warnings": [], "archive_errors": [],
                            "duplicates": 0, "duplicate_pages": []}
    assert stage.seconds > 0 and 10 < stage.peak_rss_mb < 2000
    missing = tmp_path / "runs" / "missing"
    try:
        bench.run_stage("transform", ["transform", str(missing)], {**os.environ, **env})
    except RuntimeError as exc:  # a failing stage stops the bench with the child's own message
        assert "bench stage transform failed (exit 2)" in str(exc) and "no run directory" in str(exc)
    else:
        raise AssertionError("a failed stage was not reported")


def _run(n: int, rss: float, stage_seconds: float = 2.0, copy_seconds: float = 0.25) -> bench.PipelineRun:
    stages = {name: bench.StageRun(name, stage_seconds, rss) for name in bench.STAGES}
    stages["crawl"].result = [{"responses_by_status": {"200": 10 * n}}]
    stages["validate"].result = {"articles_accepted": n, "metrics_accepted": 10 * n}
    stages["load"].result = {"articles_inserted": n, "seconds": 0.5}
    return bench.PipelineRun(articles=n, stages=stages, incremental=bench.StageRun("run", 3.0, rss),
                             copy_seconds=copy_seconds)


def test_the_json_has_the_keys_the_issue_asks_for():
    doc = bench.figures([_run(10, 100.0)], [_run(100, 110.0)],
                        {"newsetl transform": (50, [1.0]), "trafilatura.extract": (50, [2.0]),
                         "lxml parse": (50, [0.1]), "newsetl metric rules": (40, [0.4])})
    for key in ("transform_pages_per_s", "trafilatura_pages_per_s", "lxml_pages_per_s", "load_rows_per_s",
                "copy_rows_per_s", "validate_seconds", "e2e_seconds", "e2e_articles", "incremental_seconds",
                "transform_peak_rss_mb"):
        assert key in doc, key
    assert doc["e2e_seconds"] == 8.0 and doc["e2e_articles"] == 100 and doc["load_rows_per_s"] == 2200.0
    assert doc["copy_rows_per_s"] == 4400.0 and doc["transform_pages_per_s"] == 50.0
    table = bench.format_table(doc)
    assert "0.50x (target >= 0.6x)" in table and "transform 1.10x" in table
    json.dumps(doc)


def test_figures_are_medians_of_the_repetitions_with_their_spread():
    # three repetitions at N: one slow outlier does not move the median; its spread is kept
    big = [_run(100, 110.0, stage_seconds=2.0), _run(100, 130.0, stage_seconds=9.0, copy_seconds=1.0),
           _run(100, 120.0, stage_seconds=3.0)]
    small = [_run(10, 100.0), _run(10, 104.0), _run(10, 90.0)]
    speed = {"newsetl transform": (50, [1.0, 5.0, 2.0]), "trafilatura.extract": (50, [2.0, 2.0, 2.0]),
             "lxml parse": (50, [0.1, 0.1, 0.1]), "newsetl metric rules": (40, [0.4, 0.4, 0.4])}
    doc = bench.figures(small, big, speed)
    assert doc["repeat"] == 3
    assert doc["e2e_seconds"] == 12.0                       # stages 4 x 3.0 s, the middle run
    assert doc["stage_seconds"]["transform"] == 3.0
    assert doc["peak_rss_mb"]["load"] == 120.0 and doc["peak_rss_mb_at_tenth"]["load"] == 100.0
    assert doc["transform_pages_per_s"] == 25.0               # passes of 50, 10 and 25 pages/s
    assert doc["copy_rows_per_s"] == 4400.0                   # 1100 rows in 0.25 s twice, in 1 s once
    spread = doc["repetitions"]["at_n"]["e2e_seconds"]
    assert spread == {"lowest": 8.0, "median": 12.0, "highest": 36.0}
    assert doc["repetitions"]["per_s_side_by_side"]["newsetl transform"] == {"lowest": 10.0, "median": 25.0,
                                                                              "highest": 50.0}
    table = bench.format_table(doc)
    assert "medians of 3 repetitions" in table and "2.00-9.00" in table
    json.dumps(doc)


def test_side_by_side_systems_take_turns_pass_by_pass():
    calls: list[str] = []
    times = bench.pass_times({"a": (lambda item: calls.append("a"), [1, 2]),
                              "b": (lambda item: calls.append("b") or 1 / 0, [1])}, repeat=3)
    assert calls == ["a", "a", "b"] * 3            # a's pass, then b's, three times; b's errors count as done
    assert [len(v) for v in times.values()] == [3, 3] and all(t >= 0 for v in times.values() for t in v)
