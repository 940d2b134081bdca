"""GX gate on real Great Expectations: every critical expectation quarantines the row that
violates it (with its name as the reason) while the good rows of the same batch pass;
metrics follow their article; warnings are summarised, never quarantined; Data Docs exist."""
from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from core.records import KINDS, UNITS
from core.sources import load_sources
from expectations.runner import (
    MAX_QUARANTINE_SHARE,
    MIN_REJECTS_TO_FAIL,
    SUITE_NAMES,
    SUITES_DIR,
    TRANSFORM_REJECTS,
    VOLUME_DROP,
    VOLUME_DROP_SHARE,
    VOLUME_HISTORY_RUNS,
    History,
    load_suite,
    outlier_keys,
    strict_json,
    validate_run,
)
from transforms import stories
from transforms.boilerplate import GATE_PATTERNS

TODAY = dt.date(2026, 11, 1)          # reference date: min(TODAY, latest fetched_at)
FETCHED_AT = "2026-11-01T08:00:00+00:00"
BASE = "http://english.ningbo.gov.cn/art/2020/6/1/art_"
PARAGRAPHS = (
    "Since 2020, the leading role of Ningbo Science and Technology in industrial development has "
    "become more apparent. From January to May, Ningbo's investment in high-tech industries "
    "increased by 17.6% year-on-year, and the value added of high-tech industries accounted for "
    "55.1% of the industry's added value.",
    "In 2019, Ningbo R&D expenditures accounted for nearly 2.8% of GDP; the Yongjiang Science and "
    "Technology Grand Corridor started construction, and a total of 69 industrial technology "
    "research institutes were introduced.",
    "With the support of the science and technology platform, Ningbo will further build a science "
    "and technology enterprise forest and form a development echelon of technological SMEs.",
)
METRIC_TEXT = "17.6%"
N_GOOD = 110                            # keeps the main batch under the 20% quarantine share


def article(i: int, **over: Any) -> dict[str, Any]:
    """A good staged article (ARCHITECTURE.md shape); `over` replaces fields before hashing."""
    rec: dict[str, Any] = {
        "url": f"{BASE}{i}.html", "source": "ningbo_gov",
        "title": f"Ningbo innovation report number {i}", "published": "2020-06-01",
        "section": "Sci-Tech", "body": f"Report {i}.\n\n" + "\n\n".join(PARAGRAPHS),
        "captions": [], "language": "en", "fetched_at": FETCHED_AT, "run_id": "test_run",
    }
    rec.update({k: v for k, v in over.items() if k != "content_hash"})
    body = rec["body"] if isinstance(rec["body"], str) else ""
    rec["word_count"] = len(body.split())
    rec["content_hash"] = over.get(
        "content_hash", hashlib.sha256(f"{rec['title']}\n{rec['body']}".encode()).hexdigest())
    if "story_print" not in over and isinstance(rec["title"], str) and isinstance(rec["body"], str):
        # the story fingerprint, as the transform stages it
        rec["story_print"] = stories.to_record(stories.story_print(rec["title"], rec["body"]))
    return rec


def metric(art: dict[str, Any], position: int | None, **over: Any) -> dict[str, Any]:
    """A good staged metric of `art` ("17.6%" at its real offsets in the body)."""
    start = art["body"].index(METRIC_TEXT)
    rec = {"value": 17.6, "unit": "percent", "kind": "change",
           "subject": "investment in high-tech industries", "period": "2020-01..2020-05",
           "qualifier": None, "text": METRIC_TEXT, "article_url": art["url"], "position": position,
           "char_start": start, "char_end": start + len(METRIC_TEXT), "run_id": "test_run"}
    rec.update(over)
    return rec


LONG_BODY = "Ningbo keeps growing. " * 5000          # 110,000 characters
ARTICLE_CASES = [
    ("url_not_null", {"url": None}),
    ("url_format", {"url": "english.ningbo.gov.cn/no-scheme.html"}),
    ("content_hash_not_null", {"content_hash": None}),
    ("content_hash_format", {"content_hash": "not-a-sha256"}),
    ("title_not_null", {"title": None}),
    ("title_not_empty", {"title": "   "}),
    ("title_boilerplate", {"title": "Visit Charity Shop"}),
    ("body_not_null", {"body": None}),
    ("body_length", {"body": "Too short to be an article."}),
    ("body_length", {"body": LONG_BODY}),
    ("body_boilerplate", {"body": "\n\n".join(PARAGRAPHS) + "\n\n【Print】 【Close】"}),
    ("body_boilerplate", {"body": "\n\n".join(PARAGRAPHS) + "\n\nVisit Charity Shop"}),
    # a widget glued into a sentence: not a whole furniture line, still caught by a marker
    ("body_boilerplate", {"body": "\n\n".join(PARAGRAPHS) + " Text Size: A A A"}),
    ("published_format", {"published": "18/08/2019"}),
    ("published_format", {"published": "2019-02-30"}),
    ("published_range", {"published": "1949-09-30"}),
    ("published_range", {"published": "2026-11-03"}),      # reference date + 2 days
    ("source_not_null", {"source": None}),
    ("source_registered", {"source": "example_news"}),
    ("language_not_null", {"language": None}),
    ("language_en", {"language": "zh"}),
]
# (reason, field overrides of the first and second row): both rows of a duplicate fail.
ARTICLE_PAIR_CASES = [
    ("url_unique", {"url": f"{BASE}dup.html"}, {"url": f"{BASE}dup.html"}),
    ("content_hash_unique", {"content_hash": "ab" * 32}, {"content_hash": "ab" * 32}),
]
METRIC_CASES = [
    ("article_url_not_null", {"article_url": None}),
    ("article_url_in_batch", {"article_url": f"{BASE}never-staged.html"}),
    ("position_not_null", {"position": None}),
    ("position_non_negative", {"position": -1}),
    ("unit_not_null", {"unit": None}),
    ("unit_in_vocabulary", {"unit": "furlongs"}),
    ("kind_not_null", {"kind": None}),
    ("kind_in_set", {"kind": "ratio"}),
    ("modality_in_set", {"modality": "rumour"}),
    ("value_not_null", {"value": None}),
    ("value_not_null", {"value": "17.6"}),
    ("value_finite", {"value": float("inf"), "unit": "CNY", "kind": "level"}),
    ("share_percent_range", {"value": 100.5, "kind": "share"}),
    ("share_percent_range", {"value": -0.5, "kind": "share"}),
    ("rank_at_least_one", {"value": 0.0, "unit": "rank", "kind": "rank"}),
    ("text_not_null", {"text": None}),
    ("text_not_empty", {"text": "  "}),
]
METRIC_PAIR_CASES = [("metric_key_unique", {"position": 90}, {"position": 90, "value": 55.1,
                                                              "text": "55.1%"})]


def _case_id(case: tuple) -> str:
    return f"{case[0]}-{json.dumps(case[1:], default=str)[:40]}"


def _write_run(run_dir: Path, articles: list[Any], metrics: list[Any], extra_article_lines=()) -> Path:
    staged = run_dir / "staged"
    staged.mkdir(parents=True)
    lines = [json.dumps(a) for a in articles] + list(extra_article_lines)
    (staged / "articles.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    (staged / "metrics.jsonl").write_text("".join(json.dumps(m) + "\n" for m in metrics),
                                          encoding="utf-8")
    return run_dir


def _read_jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def main_run(tmp_path_factory) -> dict[str, Any]:
    """One batch: 110 good articles (+ boundary rows), one bad row per critical expectation."""
    good = [article(i) for i in range(N_GOOD)]
    boundary = {
        "published_null": article(500, published=None),
        "published_first_day": article(501, published="1949-10-01"),
        "published_tomorrow": article(502, published="2026-11-02"),
        "short_no_section": article(503, body="Short but valid. " + PARAGRAPHS[1] + " " + PARAGRAPHS[2],
                                    section=None),
        # good[7]'s title and body on another source: another article of the same story
        # (transforms.stories), not a duplicate; content_hash_unique is per source
        "same_text_other_source": article(504, title=good[7]["title"], body=good[7]["body"], source="ningbolife"),
    }
    cases: dict[str, list[dict]] = {}
    bad_articles: list[dict] = []
    for n, (reason, over) in enumerate(ARTICLE_CASES):
        rows = [article(1000 + n, **over)]
        cases[_case_id((reason, over))] = rows
        bad_articles += rows
    for n, (reason, first, second) in enumerate(ARTICLE_PAIR_CASES):
        rows = [article(1100 + 2 * n, **first), article(1101 + 2 * n, **second)]
        cases[_case_id((reason, first, second))] = rows
        bad_articles += rows
    leaky = cases[_case_id(ARTICLE_CASES[10])][0]  # the 【Print】 【Close】 article
    followers = [metric(leaky, 0), metric(leaky, 1, value=55.1, text="55.1%",
                                           char_start=leaky["body"].index("55.1%"),
                                           char_end=leaky["body"].index("55.1%") + 5)]

    good_metrics = [metric(a, 0) for a in good]
    anchor = good[0]
    boundary_metrics = {
        "share_100": metric(good[1], 1, value=100.0, kind="share"),
        "share_0": metric(good[2], 1, value=0.0, kind="share"),
        "percent_change_150": metric(good[3], 1, value=150.0),
        "rank_1": metric(good[4], 1, value=1.0, unit="rank", kind="rank", text="Ningbo",
                         char_start=None, char_end=None),
        "duplicate_fact": metric(good[5], 2),   # same value/unit/subject as good[5] position 0
    }
    bad_metrics: list[dict] = []
    for n, (reason, over) in enumerate(METRIC_CASES):
        rows = [metric(anchor, **{"position": 50 + n, **over})]
        cases[_case_id((reason, over))] = rows
        bad_metrics += rows
    for reason, first, second in METRIC_PAIR_CASES:
        rows = [metric(good[6], **first), metric(good[6], **second)]  # type: ignore[misc]
        cases[_case_id((reason, first, second))] = rows
        bad_metrics += rows

    articles = good + list(boundary.values()) + bad_articles
    metrics = good_metrics + list(boundary_metrics.values()) + bad_metrics + followers
    run_dir = _write_run(tmp_path_factory.mktemp("gx") / "run_main", articles, metrics,
                         extra_article_lines=["{not json"])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        summary = validate_run(run_dir, today=TODAY)
    validation = run_dir / "validation"
    return {
        "run_dir": run_dir, "summary": summary, "stdout": out.getvalue(), "stderr": err.getvalue(),
        "good": good, "good_metrics": good_metrics, "boundary": boundary,
        "boundary_metrics": boundary_metrics, "cases": cases, "followers": followers,
        "leaky": leaky, "articles": articles, "metrics": metrics,
        "accepted": _read_jsonl(validation / "articles.jsonl"),
        "accepted_metrics": _read_jsonl(validation / "metrics.jsonl"),
        "quarantine": _read_jsonl(validation / "quarantine.jsonl"),
    }


def _quarantined(run: dict, record: Any) -> list[dict]:
    return [q for q in run["quarantine"] if q["record"] == strict_json(record)]


# --------------------------------------------------------------------------- one row per expectation

@pytest.mark.parametrize("case", ARTICLE_CASES + ARTICLE_PAIR_CASES, ids=_case_id)
def test_article_violating_a_critical_expectation_is_quarantined_with_its_name(main_run, case):
    rows = main_run["cases"][_case_id(case)]
    for row in rows:
        [entry] = _quarantined(main_run, row)
        assert entry["table"] == "articles" and entry["stage"] == "validate"
        assert entry["reasons"] == [case[0]]
        if row["url"] is None:
            assert entry["key"].startswith("articles.jsonl:")
        else:
            assert entry["key"] == row["url"]
        assert row not in main_run["accepted"]
    # the good rows of the same batch are accepted
    assert main_run["good"][0] in main_run["accepted"] and main_run["good"][-1] in main_run["accepted"]


@pytest.mark.parametrize("case", METRIC_CASES + METRIC_PAIR_CASES, ids=_case_id)
def test_metric_violating_a_critical_expectation_is_quarantined_with_its_name(main_run, case):
    for row in main_run["cases"][_case_id(case)]:
        [entry] = _quarantined(main_run, row)
        assert entry["table"] == "metrics" and entry["stage"] == "validate"
        assert entry["reasons"] == [case[0]]
        if row["article_url"] is not None and row["position"] is not None:
            assert entry["key"] == f"{row['article_url']}#{row['position']}"
        assert row not in main_run["accepted_metrics"]
    assert main_run["good_metrics"][0] in main_run["accepted_metrics"]


def test_every_critical_expectation_has_a_violating_case():
    names = {
        "articles.critical": {c[0] for c in ARTICLE_CASES + ARTICLE_PAIR_CASES},
        # article_quarantined: the followers of main_run (test_metrics_of_a_quarantined_article_follow_it)
        "metrics.critical": {c[0] for c in METRIC_CASES + METRIC_PAIR_CASES} | {"article_quarantined"},
    }
    for suite, covered in names.items():
        spec = json.loads((SUITES_DIR / f"{suite}.json").read_text(encoding="utf-8"))
        assert {e["meta"]["name"] for e in spec["expectations"]} == covered


def test_boundary_rows_are_accepted(main_run):
    for name, row in main_run["boundary"].items():
        assert row in main_run["accepted"], name
        assert not _quarantined(main_run, row), name
    for name, row in main_run["boundary_metrics"].items():
        assert row in main_run["accepted_metrics"], name


def test_boilerplate_gate_catches_print_close_and_charity_shop(main_run):
    bodies = [q["record"]["body"] for q in main_run["quarantine"]
              if q["table"] == "articles" and "body_boilerplate" in q["reasons"]]
    assert len(bodies) == 3
    assert any("\n【Print】 【Close】" in b for b in bodies)
    assert any("\nVisit Charity Shop" in b for b in bodies)
    assert any(b.endswith(". Text Size: A A A") for b in bodies)  # glued inside a paragraph
    assert not any("【Print】" in (a["body"] or "") or "Charity Shop" in (a["body"] or "")
                   for a in main_run["accepted"])
    [entry] = [f for f in main_run["summary"].failed_expectations
               if f["expectation"] == "body_boilerplate"]
    assert entry["suite"] == "articles.critical" and entry["column"] == "body"
    assert entry["unexpected_count"] == 3
    # the sample shows the leaked line, not just the start of the body
    assert any("【Print】 【Close】" in s["value"] for s in entry["samples"])
    # ... cut to the matched fragment with 40 characters either side, with its page and title
    for sample in entry["samples"]:
        assert sample["match"] and sample["match"] in sample["value"]
        assert len(sample["value"]) <= len(sample["match"]) + 2 * 40 + 6, sample["value"]
        assert sample["url"] == sample["key"] and sample["title"]


def test_a_metric_sample_comes_with_the_sentence_it_was_read_from(main_run):
    leaky = main_run["leaky"]
    [entry] = [f for f in main_run["summary"].failed_expectations if f["expectation"] == "article_quarantined"]
    by_key = {s["key"]: s for s in entry["samples"]}
    sample = by_key[leaky["url"] + "#1"]   # the follower whose figure is "55.1%"
    assert sample["url"] == leaky["url"] and sample["title"] == leaky["title"]
    sentence = sample["sentence"].removeprefix("...").removesuffix("...")  # the marks of a cut
    assert "55.1%" in sentence and sentence in " ".join(leaky["body"].split())
    assert len(sample["sentence"]) < len(leaky["body"])


def test_metrics_of_a_quarantined_article_follow_it(main_run):
    for row in main_run["followers"]:
        [entry] = _quarantined(main_run, row)
        assert entry["reasons"] == ["article_quarantined"]
        assert entry["key"].startswith(main_run["leaky"]["url"] + "#")
        assert row not in main_run["accepted_metrics"]
    accepted_urls = {a["url"] for a in main_run["accepted"]}
    assert all(m["article_url"] in accepted_urls for m in main_run["accepted_metrics"])
    [follow] = [f for f in main_run["summary"].failed_expectations
                if f["expectation"] == "article_quarantined"]
    assert follow["unexpected_count"] == 2 and follow["suite"] == "metrics.critical"


def test_metrics_following_their_article_fail_the_metrics_suite_everywhere(tmp_path):
    """metrics.critical read "passed" in summary.json, news.validation_runs, the report and the Data Docs
    when its only failures were metrics quarantined because their article was (article_quarantined),
    while the alert mail listed them as failed. The follow rule is an expectation of the suite now: GX's
    result, the summary and the Data Docs say the suite failed, with the article's URL as the sample."""
    good = [article(i) for i in range(6)]
    leaky = article(99, body=article(99)["body"] + "\n\nText Size: A A A")
    metrics = [metric(a, 0) for a in good] + [metric(leaky, 0), metric(leaky, 1)]
    summary = validate_run(_write_run(tmp_path / "run", good + [leaky], metrics), today=TODAY)
    assert (summary.articles_quarantined, summary.metrics_quarantined) == (1, 2)
    suite = summary.suites["metrics.critical"]
    assert suite["success"] is False and suite["statistics"]["unsuccessful_expectations"] == 1
    [follow] = [f for f in summary.failed_expectations if f["suite"] == "metrics.critical"]
    assert (follow["expectation"], follow["column"], follow["unexpected_count"]) == (
        "article_quarantined", "quarantined_article", 2)
    assert {s["value"] for s in follow["samples"]} == {leaky["url"]}
    assert summary.suites["metrics.warning"]["success"] is True  # the accepted metrics are fine
    quarantine = _read_jsonl(tmp_path / "run" / "validation" / "quarantine.jsonl")
    assert sorted((q["key"], q["reasons"]) for q in quarantine if q["table"] == "metrics") == [
        (f"{leaky['url']}#0", ["article_quarantined"]), (f"{leaky['url']}#1", ["article_quarantined"])]
    index = Path(summary.data_docs).read_text(encoding="utf-8")
    results = {m.group(1): m.group(2) for m in re.finditer(
        r"'_expectation_suite_name_sort': '([a-z.]+)'.*?'_validation_success_text': '(\w+)'", index)}
    assert results == {"articles.critical": "Failed", "metrics.critical": "Failed",
                       "articles.warning": "Success", "metrics.warning": "Success"}


def test_an_unreadable_line_fails_its_critical_suite_in_the_summary(tmp_path):
    """A line that is no record is quarantined without GX seeing it: the suite's result says failed too."""
    summary = validate_run(_write_run(tmp_path / "run", [article(i) for i in range(6)], [],
                                      extra_article_lines=["{not json"]), today=TODAY)
    assert summary.articles_quarantined == 1
    assert summary.suites["articles.critical"]["success"] is False
    assert summary.suites["articles.critical"]["statistics"]["unsuccessful_expectations"] == 0  # GX saw no failure


def test_outputs_are_strict_json(main_run):
    [entry] = [q for q in main_run["quarantine"] if q["reasons"] == ["value_finite"]]
    assert entry["record"]["value"] == "Infinity"      # jsonb has no Infinity literal
    for name in ("articles.jsonl", "metrics.jsonl", "quarantine.jsonl", "summary.json"):
        text = (main_run["run_dir"] / "validation" / name).read_text(encoding="utf-8")
        json.loads(f"[{','.join(text.splitlines())}]" if name.endswith("l") else text,
                   parse_constant=lambda c, name=name: pytest.fail(f"{name} has {c}"))


def test_unreadable_line_is_quarantined_not_raised(main_run):
    [entry] = [q for q in main_run["quarantine"] if q["reasons"] == ["invalid_json"]]
    assert entry["table"] == "articles" and entry["record"] == {"raw": "{not json"}
    assert entry["key"] == f"articles.jsonl:{len(main_run['articles']) + 1}"


def test_counts_and_outputs_partition_the_staged_rows(main_run):
    s = main_run["summary"]
    assert s.articles_total == len(main_run["articles"]) + 1       # + the unreadable line
    assert s.metrics_total == len(main_run["metrics"])
    assert s.articles_accepted == len(main_run["good"]) + len(main_run["boundary"])
    assert s.metrics_accepted == len(main_run["good_metrics"]) + len(main_run["boundary_metrics"])
    assert s.articles_accepted + s.articles_quarantined == s.articles_total
    assert s.metrics_accepted + s.metrics_quarantined == s.metrics_total
    assert len(main_run["quarantine"]) == s.articles_quarantined + s.metrics_quarantined
    # accepted rows keep the staged dict shape and order
    staged = [a for a in main_run["articles"] if a in main_run["accepted"]]
    assert main_run["accepted"] == staged
    assert s.critical_success is False
    assert s.articles_quarantined / s.articles_total <= MAX_QUARANTINE_SHARE
    assert s.batch_failed is False
    assert s.suites["articles.critical"]["success"] is False
    assert s.suites["metrics.critical"]["success"] is False
    stats = s.suites["articles.critical"]["statistics"]
    assert stats["evaluated_expectations"] == 18 and stats["unsuccessful_expectations"] == 18


def test_summary_json_and_data_docs_exist(main_run):
    validation = main_run["run_dir"] / "validation"
    on_disk = json.loads((validation / "summary.json").read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(main_run["summary"].to_dict()))
    index = Path(on_disk["data_docs"])
    assert index == validation / "data_docs" / "index.html" and index.is_file()
    pages = glob.glob(str(validation / "data_docs" / "validations" / "**" / "*.html"), recursive=True)
    assert len(pages) == len(SUITE_NAMES)
    html = index.read_text(encoding="utf-8")
    assert "articles.critical" in html and "metrics.warning" in html
    for failure in on_disk["failed_expectations"]:
        assert set(failure) >= {"suite", "expectation", "column", "unexpected_count", "samples"}
        assert 1 <= len(failure["samples"]) <= 3


def test_warnings_are_summarised_but_quarantine_nothing(main_run):
    s = main_run["summary"]
    by_name = {w["expectation"]: w for w in s.warnings}
    assert set(by_name) == {"body_length_usual", "section_not_null", "published_not_null",
                            "duplicate_fact"}
    assert [x["key"] for x in by_name["published_not_null"]["samples"]] == \
        [main_run["boundary"]["published_null"]["url"]]
    short = main_run["boundary"]["short_no_section"]
    assert by_name["body_length_usual"]["suite"] == "articles.warning"
    assert [x["key"] for x in by_name["body_length_usual"]["samples"]] == [short["url"]]
    assert [x["key"] for x in by_name["section_not_null"]["samples"]] == [short["url"]]
    assert by_name["duplicate_fact"]["suite"] == "metrics.warning"
    assert by_name["duplicate_fact"]["unexpected_count"] == 2
    assert short in main_run["accepted"]
    assert main_run["boundary_metrics"]["duplicate_fact"] in main_run["accepted_metrics"]
    reasons = {r for q in main_run["quarantine"] for r in q["reasons"]}
    assert not reasons & set(by_name)
    assert s.suites["articles.warning"]["success"] is False
    assert s.suites["metrics.warning"]["success"] is False


def test_validation_is_quiet(main_run):
    assert "Calculating Metrics" not in main_run["stderr"] + main_run["stdout"]
    assert main_run["stdout"] == "" and main_run["stderr"] == ""


# --------------------------------------------------------------------------- batch-level gate

def _small_run(tmp_path: Path, good: int, bad: int, good_metrics: int, bad_metrics: int) -> Path:
    arts = [article(i) for i in range(good)] + [article(100 + i, language="de") for i in range(bad)]
    mets = [metric(arts[i % good], i) for i in range(good_metrics)] if good else []
    mets += [metric(arts[0], 50 + i, unit="furlongs") for i in range(bad_metrics)]
    return _write_run(tmp_path / "run", arts, mets)


@pytest.mark.parametrize(
    ("good", "bad", "good_metrics", "bad_metrics", "failed", "reason"),
    [
        (4, 1, 4, 1, False, None),            # exactly 20% of each: still loadable
        (3, 1, 4, 0, False, None),            # 1 of 4 (25%): one bad page must not block the 3 good ones
        (5, 0, 3, 1, False, None),            # 1 of 4 metrics: the same
        (7, 3, 8, 0, True, "articles: 3 of 10 quarantined"),   # over 20% and at least 3
        (8, 0, 9, 3, True, "metrics: 3 of 12 quarantined"),
        (0, 0, 0, 0, True, "no articles staged"),
    ],
)
def test_batch_fails_above_the_quarantine_share(tmp_path, good, bad, good_metrics, bad_metrics,
                                                failed, reason):
    summary = validate_run(_small_run(tmp_path, good, bad, good_metrics, bad_metrics), today=TODAY)
    assert MAX_QUARANTINE_SHARE == 0.2
    assert summary.batch_failed is failed
    if reason:
        assert any(r.startswith(reason) for r in summary.batch_failed_reasons)
    else:
        assert summary.batch_failed_reasons == []
    assert summary.articles_quarantined == bad
    if good + bad + good_metrics + bad_metrics:
        assert Path(summary.data_docs).is_file()
    else:  # nothing staged: GX is not started, so there are no Data Docs to link
        assert summary.data_docs == ""


def _crawl_report(run_dir: Path, **per_source: tuple[int, int]) -> None:
    sources = {name: {"articles": {"new": new, "unchanged": unchanged, "failed": 0}}
               for name, (new, unchanged) in per_source.items()}
    (run_dir / "crawl_report.json").write_text(json.dumps({"sources": sources}), encoding="utf-8")


def test_metrics_that_follow_a_quarantined_article_do_not_block_the_batch_through_the_metric_gate(tmp_path):
    """One article quarantined among 3 new ones (33%, but fewer than 3) is no batch failure; its 15
    figures, quarantined because it was, made 15 of 23 metrics quarantined and blocked the 2 good
    articles. They follow it into the quarantine; the metric gate counts metrics failed on their own."""
    arts = [article(0), article(1), article(100, language="de")]
    mets = [metric(arts[i % 2], i) for i in range(8)] + [metric(arts[2], 50 + i) for i in range(15)]
    summary = validate_run(_write_run(tmp_path / "run", arts, mets), today=TODAY)
    assert summary.articles_quarantined == 1 and summary.metrics_quarantined == 15
    assert summary.batch_failed is False and summary.batch_failed_reasons == []
    # three such articles are blocked by the article gate, once
    arts += [article(101, language="de"), article(102, language="de")]
    summary = validate_run(_write_run(tmp_path / "run3", arts, mets), today=TODAY)
    assert summary.batch_failed is True
    assert [r.split(" quarantined")[0] for r in summary.batch_failed_reasons] == ["articles: 3 of 5"]


def test_incremental_run_with_only_unchanged_articles_is_not_a_batch_failure(tmp_path):
    run_dir = _small_run(tmp_path, 0, 0, 0, 0)
    _crawl_report(run_dir, ningbo_gov=(0, 26), ningbolife=(0, 22))
    summary = validate_run(run_dir, today=TODAY)
    assert summary.articles_total == 0
    assert summary.batch_failed is False and summary.batch_failed_reasons == []


def test_a_source_whose_crawl_found_nothing_fails_the_batch(tmp_path):
    run_dir = _small_run(tmp_path, 5, 0, 5, 0)
    _crawl_report(run_dir, ningbo_gov=(0, 0), ningbolife=(5, 17))
    summary = validate_run(run_dir, today=TODAY)
    assert summary.batch_failed is True
    assert summary.batch_failed_reasons == ["source ningbo_gov: crawl found no articles (new or unchanged)"]


def test_the_validate_line_of_a_run_blocked_by_a_crawl_outage_says_it_was_blocked(tmp_path):
    # no row was quarantined, so `newsetl validate` printed "critical gates: passed" for a run whose
    # load the outage blocked: on-call read that everything passed
    from newsetl import summaries

    run_dir = _small_run(tmp_path, 5, 0, 5, 0)
    _crawl_report(run_dir, ningbo_gov=(0, 0), ningbolife=(5, 17))
    summary = validate_run(run_dir, today=TODAY).to_dict()
    assert summary["critical_success"] is True and summary["batch_failed"] is True
    line = summaries.validate(summary).splitlines()[1]
    assert line.startswith("  critical gates: passed; load blocked by crawl outage (source ningbo_gov: crawl "
                           "found no articles (new or unchanged)); "), line
    healthy = summaries.validate({**summary, "batch_failed": False}).splitlines()[1]
    assert healthy.startswith("  critical gates: passed; 0 warnings") and "blocked" not in healthy
    # a summary that names the reasons only (no findings) still says the load was blocked, and why
    assert "critical gates: passed; load blocked (source ningbo_gov: crawl found" in summaries.validate(
        {**summary, "findings": []})


def _rejects(run_dir: Path, n: int, source: str = "ningbo_gov") -> None:
    """staged/rejects.jsonl as the transform writes it: n article pages that are not articles."""
    lines = [json.dumps({"url": f"{BASE}rejected_{i}.html", "source": source, "stage": "transform",
                         "reasons": ["unknown_template: no article region found"], "record": {}})
             for i in range(n)]
    (run_dir / "staged" / "rejects.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("staged", "rejected", "failed"),
    [
        (5, 2, False),    # 2 of 7 pages (29%), but fewer than MIN_REJECTS_TO_FAIL: a warning
        (5, 3, True),     # 3 of 8 pages (38%): the template has probably changed
        (20, 3, False),   # 3 of 23 pages (13%): a warning
        (0, 3, True),     # every page rejected
    ],
)
def test_transform_rejects_above_the_share_fail_the_batch_else_warn(tmp_path, staged, rejected, failed):
    run_dir = _small_run(tmp_path, staged, 0, staged, 0)
    _rejects(run_dir, rejected)
    summary = validate_run(run_dir, today=TODAY)
    assert MIN_REJECTS_TO_FAIL == 3
    assert summary.transform_rejects == {"total": rejected,
                                         "sources": {"ningbo_gov": {"rejected": rejected, "pages": staged + rejected,
                                                                    "why": {"unknown_template": rejected}}}}
    reason = (f"source ningbo_gov: {rejected} of {staged + rejected} article pages could not be transformed "
              f"(> 20%); has the page template changed?")
    # the kind is explicit: a blocking template_drift finding of the source, with its counts
    drift = [f for f in summary.findings if f["kind"] == "template_drift"]
    assert drift == ([{"kind": "template_drift", "source": "ningbo_gov", "text": reason, "blocks_load": True,
                       "rejected": rejected, "pages": staged + rejected, "why": {"unknown_template": rejected}}]
                     if failed else [])
    entries = [e for e in summary.failed_expectations + summary.warnings if e["expectation"] == TRANSFORM_REJECTS]
    [entry] = entries
    assert entry["unexpected_count"] == rejected
    assert entry["samples"][0] == {"key": f"{BASE}rejected_0.html",
                                   "value": "unknown_template: no article region found"}
    if failed:
        assert summary.batch_failed is True and reason in summary.batch_failed_reasons
        assert entry in summary.failed_expectations
    else:
        assert reason not in summary.batch_failed_reasons and entry in summary.warnings
        assert summary.batch_failed is (staged == 0)  # an empty batch fails on its own rule


def test_rejects_of_one_source_do_not_count_against_another(tmp_path):
    run_dir = _small_run(tmp_path, 5, 0, 5, 0)          # 5 ningbo_gov articles
    _rejects(run_dir, 4, source="ningbolife")           # every ningbolife page rejected
    summary = validate_run(run_dir, today=TODAY)
    assert summary.batch_failed_reasons == [
        "source ningbolife: 4 of 4 article pages could not be transformed (> 20%); has the page template changed?"]
    assert summary.transform_rejects["sources"] == {"ningbolife": {"rejected": 4, "pages": 4,
                                                                   "why": {"unknown_template": 4}}}
    assert [(f["kind"], f["source"]) for f in summary.findings] == [("template_drift", "ningbolife")]


def test_a_damaged_rejects_file_is_counted_not_raised(tmp_path):
    run_dir = _small_run(tmp_path, 5, 0, 5, 0)
    (run_dir / "staged" / "rejects.jsonl").write_text('{"url": "x", "source": "ningbo_gov"}\nnot json\n\n[1]\n',
                                                      encoding="utf-8")
    summary = validate_run(run_dir, today=TODAY)
    assert summary.transform_rejects["total"] == 3
    assert summary.batch_failed is False  # 1 of 6 ningbo_gov pages; 2 lines name no source


def test_no_rejects_file_means_no_rejects(tmp_path):
    summary = validate_run(_small_run(tmp_path, 5, 0, 5, 0), today=TODAY)
    assert summary.transform_rejects == {"total": 0, "sources": {}}
    assert all(w["expectation"] != TRANSFORM_REJECTS for w in summary.warnings)


def test_revalidating_a_run_gives_identical_outputs(tmp_path):
    run_dir = _small_run(tmp_path, 4, 1, 4, 1)
    first = validate_run(run_dir, today=TODAY).to_dict()
    files = {n: (run_dir / "validation" / n).read_bytes()
             for n in ("articles.jsonl", "metrics.jsonl", "quarantine.jsonl", "summary.json")}
    second = validate_run(run_dir, today=TODAY + dt.timedelta(days=30)).to_dict()
    # everything but when each validation ran (the clock may pass a second between the two)
    stamps = [d.pop("validated_at") for d in (first, second)]
    earlier, later = map(dt.datetime.fromisoformat, stamps)
    assert earlier <= later and earlier.tzinfo is not None
    assert first == second                 # the reference date is capped by fetched_at
    for name, content in files.items():
        now = (run_dir / "validation" / name).read_bytes()
        if name == "summary.json":  # byte for byte, the second run's time read as the first's
            assert stamps[1].encode() in now
            now = now.replace(stamps[1].encode(), stamps[0].encode())
        assert now == content, name


def test_missing_staged_input_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        validate_run(tmp_path)
    (tmp_path / "staged").mkdir()
    (tmp_path / "staged" / "articles.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="metrics.jsonl"):
        validate_run(tmp_path)


# --------------------------------------------------------------------------- suite files

@pytest.mark.parametrize("name", SUITE_NAMES)
def test_suite_files_are_gx_suites_without_copied_registries(name):
    import great_expectations as gx

    text = (SUITES_DIR / f"{name}.json").read_text(encoding="utf-8")
    spec = json.loads(text)
    raw = gx.ExpectationSuite(**json.loads(text))      # loadable as-is, placeholders included
    assert raw.name == name and len(raw.expectations) == len(spec["expectations"]) > 0
    for pattern in GATE_PATTERNS:
        assert pattern not in text and json.dumps(pattern, ensure_ascii=False)[1:-1] not in text
    assert "kWh" not in text and "ningbolife" not in text        # units/sources not copied
    names = [e["meta"]["name"] for e in spec["expectations"]]
    assert len(names) == len(set(names))


def test_load_suite_fills_registry_placeholders():
    suite = load_suite("articles.critical")
    by_name = {e.meta["name"]: e for e in suite.expectations}
    assert by_name["body_boilerplate"].regex_list == list(GATE_PATTERNS)
    assert by_name["title_boilerplate"].regex_list == list(GATE_PATTERNS)
    assert by_name["source_registered"].value_set == sorted(load_sources())
    # a run-time parameter stays a GX $PARAMETER until validate_run supplies it
    assert by_name["published_range"].max_value == {"$PARAMETER": "max_published_date"}
    metrics = {e.meta["name"]: e for e in load_suite("metrics.critical").expectations}
    assert metrics["unit_in_vocabulary"].value_set == list(UNITS)
    assert metrics["kind_in_set"].value_set == list(KINDS)
    filled = load_suite("articles.critical", {"max_published_date": "2026-11-02"})
    assert {e.meta["name"]: e for e in filled.expectations}["published_range"].max_value == \
        dt.date(2026, 11, 2)


# --------------------------------------------------------------------------- warning suites, one row each

LONG_WORDS_BODY = " ".join(["Biotechnology"] * 45) + "."   # 630 characters, 45 words
# name -> field overrides of one otherwise good article that violates only that warning
ARTICLE_WARNING_CASES = {
    "body_length_usual": {"body": "Ningbo has a new lab. " * 11},      # 242 characters, 55 words
    "title_length_usual": {"title": "Ningbo labs"},
    "section_not_null": {"section": None},
    "section_not_empty": {"section": "  "},
    "published_not_null": {"published": None},
    "word_count_not_null": {"word_count": None},
    "word_count_range": {"body": LONG_WORDS_BODY},
    "word_count_matches_body": {"word_count": 400},
    "content_hash_matches": {"content_hash": "cd" * 32},
    "scitech_has_metrics": {"scitech": True, "scitech_score": 4.2},
    "story_print_well_formed": {"story_print": {"scheme": stories.SCHEME, "text_minhash": [1, 2, 3],
                                                "fact_minhash": [], "facts": []}},
}
METRIC_WARNING_CASES = ("duplicate_fact", "subject_not_null", "text_at_offsets", "value_usual_for_subject")


def _warning_article(i: int, name: str, over: dict[str, Any]) -> dict[str, Any]:
    rec = article(i, **{k: v for k, v in over.items() if k != "word_count"})
    if "word_count" in over:
        rec["word_count"] = over["word_count"]
    return rec


@pytest.fixture(scope="module")
def warning_run(tmp_path_factory) -> dict[str, Any]:
    """Good rows plus one row per warning expectation; every row passes the critical gate."""
    good = [article(i) for i in range(12)]
    good[0]["scitech"], good[0]["scitech_score"] = True, 6.0        # sci-tech WITH a metric: fine
    good[1]["scitech"], good[1]["scitech_score"] = False, 0.0       # not sci-tech, no metric: fine
    del good[9]["story_print"]                                      # staged before prints were: fine
    good[10]["story_print"]["scheme"] = "stories-0"                 # another scheme: the loader computes it
    cases = {name: _warning_article(200 + n, name, over)
             for n, (name, over) in enumerate(ARTICLE_WARNING_CASES.items())}
    mets = [metric(good[0], 0)]
    # duplicate_fact: the same fact twice in good[2]; the same value for another period is fine
    dup = [metric(good[2], 0), metric(good[2], 1)]
    other_period = metric(good[2], 2, period="2019")
    # outlier: r&d spending of about 1 billion yuan in three articles, then 5 trillion
    spend = dict(unit="CNY", kind="level", subject="r&d spending", period="2019")
    usual = [metric(good[3 + k], 0, value=v, **spend) for k, v in enumerate((0.9e9, 1.0e9, 1.2e9))]
    outlier = metric(good[6], 0, value=5.0e12, **spend)
    metric_cases = {
        "duplicate_fact": dup,
        "subject_not_null": [metric(good[7], 0, subject=None)],
        "text_at_offsets": [metric(good[8], 0, char_start=3, char_end=8)],
        "value_usual_for_subject": [outlier],
    }
    articles = good + list(cases.values())
    metrics = mets + dup + [other_period] + usual + [m for k, rows in metric_cases.items()
                                                     if k != "duplicate_fact" for m in rows]
    run_dir = _write_run(tmp_path_factory.mktemp("gx") / "run_warn", articles, metrics)
    summary = validate_run(run_dir, today=TODAY)
    return {"summary": summary, "cases": cases, "metric_cases": metric_cases, "good": good,
            "usual": usual, "other_period": other_period,
            "warnings": {w["expectation"]: w for w in summary.warnings}}


def test_warning_rows_are_accepted_not_quarantined(warning_run):
    s = warning_run["summary"]
    assert s.articles_quarantined == 0 and s.metrics_quarantined == 0
    assert s.critical_success is True and s.batch_failed is False
    assert set(warning_run["warnings"]) == set(ARTICLE_WARNING_CASES) | set(METRIC_WARNING_CASES)


@pytest.mark.parametrize("name", list(ARTICLE_WARNING_CASES))
def test_article_violating_a_warning_expectation_is_reported_with_its_key(warning_run, name):
    entry = warning_run["warnings"][name]
    assert entry["suite"] == "articles.warning"
    assert [s["key"] for s in entry["samples"]] == [warning_run["cases"][name]["url"]]
    assert entry["unexpected_count"] == 1


@pytest.mark.parametrize("name", METRIC_WARNING_CASES)
def test_metric_violating_a_warning_expectation_is_reported_with_its_key(warning_run, name):
    entry = warning_run["warnings"][name]
    rows = warning_run["metric_cases"][name]
    assert entry["suite"] == "metrics.warning"
    assert [s["key"] for s in entry["samples"]] == [f"{m['article_url']}#{m['position']}" for m in rows]
    assert entry["unexpected_count"] == len(rows)


def test_warning_rules_leave_normal_rows_alone(warning_run):
    keys = {s["key"] for w in warning_run["summary"].warnings for s in w["samples"]}
    good = warning_run["good"]
    assert good[0]["url"] not in keys and good[1]["url"] not in keys   # sci-tech with metrics / not sci-tech
    assert good[9]["url"] not in keys and good[10]["url"] not in keys  # no story print / one of another scheme
    assert good[11]["url"] not in keys and "story_print" in good[11]   # a print as the transform stages it
    other = warning_run["other_period"]
    assert f"{other['article_url']}#{other['position']}" not in keys   # same value, another period
    for m in warning_run["usual"]:                                      # the usual amounts are usual
        assert f"{m['article_url']}#{m['position']}" not in keys


def test_every_warning_expectation_has_a_violating_case():
    covered = {"articles.warning": set(ARTICLE_WARNING_CASES),
               "metrics.warning": set(METRIC_WARNING_CASES)}
    for suite, names in covered.items():
        spec = json.loads((SUITES_DIR / f"{suite}.json").read_text(encoding="utf-8"))
        assert {e["meta"]["name"] for e in spec["expectations"]} == names


# --------------------------------------------------------------------------- history rules (no DB)

def _history_run(tmp_path: Path, **per_source: tuple[int, int]) -> Path:
    run_dir = _small_run(tmp_path, 5, 0, 5, 0)
    _crawl_report(run_dir, **per_source)
    return run_dir


def test_volume_drop_against_the_median_of_previous_runs_is_a_warning(tmp_path):
    history = History(source_counts={"ningbo_gov": [26, 25, 27, 2], "ningbolife": [22, 21]})
    summary = validate_run(_history_run(tmp_path, ningbo_gov=(3, 9), ningbolife=(0, 12)),
                           today=TODAY, history=history)
    assert VOLUME_DROP_SHARE == 0.5 and VOLUME_HISTORY_RUNS == 7
    [drop] = [w for w in summary.warnings if w["expectation"] == VOLUME_DROP]
    assert drop["suite"] == "articles.warning" and drop["unexpected_count"] == 1
    # gov saw 12, under half of its median 25.5; ningbolife's 12 is over half of 21.5
    assert drop["samples"] == [{"key": "ningbo_gov", "value": {
        "seen": 12, "median_previous": 25.5, "previous": [26, 25, 27, 2]}}]
    assert summary.batch_failed is False
    assert summary.history["available"] is True
    assert summary.history["sources"]["ningbolife"] == {"seen": 12, "previous": [22, 21],
                                                        "median_previous": 21.5}


def test_only_the_last_runs_count_for_the_volume_median(tmp_path):
    # eight runs: the oldest (1000) is beyond VOLUME_HISTORY_RUNS and must not raise the median
    history = History(source_counts={"ningbo_gov": [20] * 7 + [1000]})
    summary = validate_run(_history_run(tmp_path, ningbo_gov=(0, 11)), today=TODAY, history=history)
    assert not [w for w in summary.warnings if w["expectation"] == VOLUME_DROP]
    assert summary.history["sources"]["ningbo_gov"]["previous"] == [20] * 7


def test_incremental_run_with_unchanged_articles_is_no_volume_drop(tmp_path):
    history = History(source_counts={"ningbo_gov": [26], "ningbolife": [22]})
    summary = validate_run(_history_run(tmp_path, ningbo_gov=(0, 26), ningbolife=(1, 22)),
                           today=TODAY, history=history)
    assert not [w for w in summary.warnings if w["expectation"] == VOLUME_DROP]
    assert summary.batch_failed is False


def test_zero_articles_from_a_source_that_had_some_last_run_fails_the_batch(tmp_path):
    history = History(source_counts={"ningbo_gov": [26, 26], "ningbolife": [22]})
    summary = validate_run(_history_run(tmp_path, ningbo_gov=(0, 0), ningbolife=(5, 17)),
                           today=TODAY, history=history)
    assert summary.batch_failed is True
    assert summary.batch_failed_reasons == [
        "source ningbo_gov: crawl found no articles (new or unchanged); the previous run saw 26"]


def test_a_source_whose_listing_pages_all_failed_is_named_so_in_the_outage_reason(tmp_path):
    # `newsetl crawl` said "could not be read: all 2 listing page(s) failed (first: ...)"; inside
    # `newsetl run` (and the mail) the outage said only "crawl found no articles; the previous run saw 26"
    run_dir = _history_run(tmp_path, ningbo_gov=(0, 0), ningbolife=(5, 17))
    report = json.loads((run_dir / "crawl_report.json").read_text(encoding="utf-8"))
    report["sources"]["ningbo_gov"].update(listings=0, listings_failed=2, errors=[
        {"url": "http://english.ningbo.gov.cn/col/col933/index.html", "error": "HttpError 503"}])
    report["sources"]["ningbolife"].update(listings=3, listings_failed=1)  # partly read: no outage
    (run_dir / "crawl_report.json").write_text(json.dumps(report), encoding="utf-8")
    history = History(source_counts={"ningbo_gov": [26], "ningbolife": [22]})
    summary = validate_run(run_dir, today=TODAY, history=history)
    assert summary.batch_failed_reasons == [
        "source ningbo_gov: crawl found no articles (new or unchanged); could not be read: all 2 listing pages "
        "failed (first: HttpError 503); the previous run saw 26"]
    [finding] = [f for f in summary.findings if f["kind"] == "crawl_outage" and f["blocks_load"]]
    assert finding["source"] == "ningbo_gov" and "all 2 listing pages failed" in finding["text"]
    # ningbolife, partly read, is no outage; its failed listing page is named to on-call, not blocking (and
    # ningbo_gov's failed listings are not named a second time beside its outage)
    partial = [f for f in summary.findings if f["kind"] == "crawl_outage" and not f["blocks_load"]]
    assert [(f["source"], f["text"]) for f in partial] == [(
        "ningbolife", "source ningbolife: 1 listing page could not be read: the articles listed only there were "
                      "not crawled this run")]


def test_a_full_run_that_only_refetched_stored_articles_is_no_outage_or_volume_drop(tmp_path):
    # `--full` counts stored articles fetched again as "articles_refetched", not "new": they were seen
    run_dir = _history_run(tmp_path, ningbo_gov=(0, 0), ningbolife=(5, 17))
    report = json.loads((run_dir / "crawl_report.json").read_text(encoding="utf-8"))
    report["sources"]["ningbo_gov"]["articles_refetched"] = 26
    (run_dir / "crawl_report.json").write_text(json.dumps(report), encoding="utf-8")
    history = History(source_counts={"ningbo_gov": [26], "ningbolife": [22]})
    summary = validate_run(run_dir, today=TODAY, history=history)
    assert summary.batch_failed is False and summary.history["sources"]["ningbo_gov"]["seen"] == 26
    assert not [w for w in summary.warnings if w["expectation"] == VOLUME_DROP]


def test_without_history_there_is_no_volume_rule(tmp_path):
    summary = validate_run(_history_run(tmp_path, ningbo_gov=(1, 0), ningbolife=(5, 17)), today=TODAY)
    assert not [w for w in summary.warnings if w["expectation"] == VOLUME_DROP]
    assert summary.history == {"available": False, "sources": {
        "ningbo_gov": {"seen": 1, "previous": [], "median_previous": None},
        "ningbolife": {"seen": 22, "previous": [], "median_previous": None}}}


def test_stored_usual_value_flags_an_outlier_a_small_batch_cannot(tmp_path):
    arts = [article(i) for i in range(2)]
    spend = dict(unit="CNY", kind="level", subject="R&D Spending ", period="2019")
    mets = [metric(arts[0], 0, value=4.0e12, **spend), metric(arts[1], 0, value=1.1e9, **spend)]
    run_dir = _write_run(tmp_path / "run", arts, mets)
    assert outlier_keys(run_dir) == [("CNY", "r&d spending")]
    alone = validate_run(run_dir, today=TODAY)
    assert "value_usual_for_subject" not in {w["expectation"] for w in alone.warnings}
    stored = History(subject_medians={("CNY", "r&d spending"): (1.0e9, 40)})
    summary = validate_run(run_dir, today=TODAY, history=stored)
    [entry] = [w for w in summary.warnings if w["expectation"] == "value_usual_for_subject"]
    assert [s["key"] for s in entry["samples"]] == [f"{arts[0]['url']}#0"]
    too_few = History(subject_medians={("CNY", "r&d spending"): (1.0e9, 2)})
    assert "value_usual_for_subject" not in {
        w["expectation"] for w in validate_run(run_dir, today=TODAY, history=too_few).warnings}


def test_offsite_links_and_redirects_of_a_crawl_reach_the_summary_as_a_warning(tmp_path):
    run_dir = _small_run(tmp_path, 5, 0, 5, 0)
    report = {"sources": {
        "ningbo_gov": {"articles": {"new": 5, "unchanged": 0, "failed": 1}, "offsite_links": 2, "offsite_redirects": 1},
        "ningbolife": {"articles": {"new": 3, "unchanged": 0, "failed": 0}, "offsite_links": 0, "offsite_redirects": 0},
    }}
    (run_dir / "crawl_report.json").write_text(json.dumps(report), encoding="utf-8")
    summary = validate_run(run_dir, today=TODAY)
    [offsite] = [w for w in summary.warnings if w["expectation"] == "offsite_requests"]
    assert offsite["unexpected_count"] == 1
    assert offsite["samples"] == [{"key": "ningbo_gov", "value": {"offsite_links": 2, "offsite_redirects": 1}}]
    assert summary.batch_failed is False
    on_disk = json.loads((run_dir / "validation" / "summary.json").read_text(encoding="utf-8"))
    assert "offsite_requests" in {w["expectation"] for w in on_disk["warnings"]}


def test_a_listing_without_article_links_is_a_crawl_alert_even_on_a_clean_batch(tmp_path):
    run_dir = _small_run(tmp_path, 5, 0, 5, 0)
    listing = "http://www.ningbolife.com/index.php/ningbo-news.html"
    report = {"sources": {
        "ningbolife": {"articles": {"new": 5, "unchanged": 0, "failed": 0}, "listings_without_links": 1,
                       "warnings": [{"url": listing,
                                     "warning": f"template drift?: listing {listing} yielded 0 article links"}],
                       "errors": [{"url": "http://www.ningbolife.com/a.html",
                                   "error": "offsite redirect: http://evil.example/a.html "
                                            "(from http://www.ningbolife.com/a.html)"}]},
        "ningbo_gov": {"articles": {"new": 3, "unchanged": 0, "failed": 0}},
    }}
    (run_dir / "crawl_report.json").write_text(json.dumps(report), encoding="utf-8")
    summary = validate_run(run_dir, today=TODAY)
    assert summary.critical_success and not summary.batch_failed and summary.needs_alert
    assert summary.crawl_alerts == [
        f"source ningbolife: template drift?: listing {listing} yielded 0 article links",
        "source ningbolife: 1 article redirected to another host, not followed (e.g. offsite redirect: "
        "http://evil.example/a.html (from http://www.ningbolife.com/a.html))"]
    [drift] = [w for w in summary.warnings if w["expectation"] == "template_drift"]
    assert drift["samples"] == [{"key": "ningbolife", "value": listing}]


def test_scraped_text_in_data_docs_is_shown_as_text_and_never_runs(tmp_path):
    """A title carrying <script> and an onerror= attribute fails the boilerplate gate: the
    Data Docs page on-call opens shows the text, and the markup is not markup."""
    import lxml.html

    payload = 'Evil <script>alert(1)</script> <img src=x onerror=alert(2)> 【Print】'
    arts = [article(i) for i in range(10)] + [article(99, title=payload)]
    run_dir = _write_run(tmp_path / "run", arts, [metric(a, 0) for a in arts[:10]])
    summary = validate_run(run_dir, today=TODAY)
    assert summary.articles_quarantined == 1
    pages = list((run_dir / "validation" / "data_docs").rglob("*.html"))
    shown = False
    for page in pages:
        doc = lxml.html.fromstring(page.read_bytes())
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            assert element.tag != "img" or element.get("src") != "x", page
            assert not any("alert(" in value for name, value in element.attrib.items() if name.startswith("on"))
            assert element.tag != "script" or "alert(" not in (element.text or ""), page
        shown = shown or "<script>alert(1)</script>" in doc.text_content()
    assert shown, "the failing title is not shown on any Data Docs page"


def test_nothing_staged_runs_the_checks_outside_gx_without_starting_gx(tmp_path):
    """An incremental run with nothing new: no expectation can fail on zero rows, so GX (most of
    such a run's time) is not even imported; the empty-batch rule and the summary still hold."""
    import subprocess
    import sys

    run_dir = _small_run(tmp_path, 0, 0, 0, 0)
    probe = ("import json, sys, datetime as dt\n"
             "from expectations.runner import validate_run\n"
             f"s = validate_run({str(run_dir)!r}, today=dt.date.fromisoformat({TODAY.isoformat()!r}))\n"
             "print(json.dumps({'gx': 'great_expectations' in sys.modules, 'summary': s.to_dict()}))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    out = json.loads(done.stdout.strip().splitlines()[-1])
    summary = out["summary"]
    assert out["gx"] is False
    assert summary["articles_total"] == summary["metrics_total"] == 0
    assert set(summary["suites"]) == {"articles.critical", "metrics.critical", "articles.warning", "metrics.warning"}
    assert all(s["skipped"].startswith("nothing staged") and s["statistics"]["evaluated_expectations"] == 0
               for s in summary["suites"].values())
    assert summary["data_docs"] == "" and not (run_dir / "validation" / "data_docs").exists()
    # the rule outside GX still fails an empty batch that has no crawl report behind it
    assert summary["batch_failed"] is True and "no articles staged" in summary["batch_failed_reasons"]
    # one staged row and GX runs as always
    one = _small_run(tmp_path / "one", 1, 0, 0, 0)
    assert validate_run(one, today=TODAY).suites["articles.critical"].get("skipped") is None


def test_importing_gx_logs_no_api_registry_lines_at_info():
    """GX logged ~50 INFO lines "Skipping registering function ... because it is a closure" when it
    was imported: noise in every Airflow task log and `newsetl run`'s output (both log at INFO)."""
    import subprocess
    import sys

    code = ("import logging; logging.basicConfig(level=logging.INFO)\n"
            "from expectations.runner import load_suite\n"
            "print(len(load_suite('articles.critical').expectations))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0 and int(done.stdout) > 5, done.stderr[-2000:]  # GX was imported and used
    assert "Skipping registering function" not in done.stderr
    assert not [line for line in done.stderr.splitlines() if line.startswith("INFO:great_expectations")], \
        done.stderr[-2000:]


def test_a_metric_sample_s_sentence_says_where_it_was_cut() -> None:
    """The mail showed "... despite the Spring Festival holiday falling in the period, the Ningbo Port Gr":
    a sentence cut to MAX_SENTENCE_CHARS around its figure ended mid-word with nothing saying so."""
    from expectations.runner import MAX_SENTENCE_CHARS, _sentence

    head = "Ningbo-Zhoushan Port handled 4.68 million TEUs of containers in January and February"
    tail = ", despite the holiday" * 20 + ", the port said."
    body = "An earlier sentence. " + head + tail + " A later one."
    start = body.index("4.68 million TEUs")
    cut = _sentence(body, start, start + len("4.68 million TEUs"))
    assert cut is not None and cut.startswith("Ningbo-Zhoushan Port handled 4.68") and cut.endswith("...")
    assert len(cut) <= MAX_SENTENCE_CHARS + 6
    late = body.index("the port said")
    assert _sentence(body, late, late + 4).startswith("...")  # cut before: says so at its start
    whole = _sentence("One. Exports fell by 4.6% in 2019. Two.", 21, 25)
    assert whole == "Exports fell by 4.6% in 2019."  # a whole sentence: no marks
