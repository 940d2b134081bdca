"""Read-only queries over schema news (the demo summary)."""
from __future__ import annotations

from typing import Any

from warehouse import sql
from warehouse.db import connect


def summary_counts(url: str, run_id: str | None = None) -> dict[str, Any]:
    """Totals and per-source counts: {"articles", "metrics", "quarantined", "sources": {name: {..}}}.

    Quarantined rows are those of `run_id` when given, else of every run.
    """
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.LEDGER_EXISTS)
            rows = []
            if cur.fetchone()[0]:
                cur.execute(sql.SUMMARY_PER_SOURCE, {"run_id": run_id})
                rows = cur.fetchall()
    finally:
        conn.close()
    per_source = {name: {"articles": a, "metrics": m, "quarantined": q} for name, a, m, q in rows}
    return {
        "articles": sum(r["articles"] for r in per_source.values()),
        "metrics": sum(r["metrics"] for r in per_source.values()),
        "quarantined": sum(r["quarantined"] for r in per_source.values()),
        "sources": per_source,
    }


# --------------------------------------------------------------------------- validation history
# Read by `newsetl.steps.validate` for the day-over-day rules; best-effort, so it must fail
# fast when the warehouse is unreachable or slow, and never migrate or write.
HISTORY_CONNECT_TIMEOUT_S = 5
HISTORY_STATEMENT_TIMEOUT = "10s"
HISTORY_RUNS = 7
SEEN_KEYS = ("new", "unchanged")      # articles a crawl saw: fetched new or found unchanged

CRAWL_RUNS_EXISTS = "SELECT to_regclass('news.crawl_runs') IS NOT NULL"
METRICS_EXISTS = "SELECT to_regclass('news.metrics') IS NOT NULL"
SET_HISTORY_TIMEOUT = "SET LOCAL statement_timeout = %s"
# The previous runs that have a per-source crawl report, most recent first: those started
# before `before` (default: the start of run `run_id` when it is stored), never run `run_id`.
PREVIOUS_CRAWL_REPORTS = """
WITH bound AS (
    SELECT coalesce(%(before)s::timestamptz,
                    (SELECT started_at FROM news.crawl_runs WHERE run_id = %(run_id)s)) AS at
)
SELECT r.run_id, r.crawl_report -> 'sources'
FROM news.crawl_runs r, bound
WHERE r.run_id <> %(run_id)s
  AND jsonb_typeof(r.crawl_report -> 'sources') = 'object'
  AND (bound.at IS NULL OR r.started_at < bound.at)
ORDER BY r.started_at DESC NULLS LAST, r.run_id DESC
LIMIT %(runs)s
"""
# Median |value| and count of the stored level metrics per (unit, subject) asked for,
# leaving out the metrics loaded by run `run_id` (a re-validated run is not its own history).
SUBJECT_MEDIANS = """
SELECT m.unit, lower(btrim(m.subject)) AS subject,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(m.value)::float8) AS median,
       count(*) AS n
FROM news.metrics m
JOIN unnest(%(units)s::text[], %(subjects)s::text[]) AS k(unit, subject)
  ON m.unit = k.unit AND lower(btrim(m.subject)) = k.subject
WHERE m.kind = ANY(%(kinds)s) AND m.value > 0 AND m.run_id <> %(run_id)s
GROUP BY 1, 2
"""


def _history_connection(url: str) -> Any:
    """A connection that gives up after HISTORY_CONNECT_TIMEOUT_S (URI or key=value URL)."""
    from psycopg2.extensions import make_dsn

    return connect(make_dsn(url, connect_timeout=HISTORY_CONNECT_TIMEOUT_S))


def _history_rows(url: str, table_exists: str, statement: str,
                  params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of `statement` under the history statement timeout; [] when `table_exists` (a
    to_regclass test) says its table is not there yet. Raises on connection errors."""
    conn = _history_connection(url)
    try:
        with conn.cursor() as cur:
            cur.execute(SET_HISTORY_TIMEOUT, (HISTORY_STATEMENT_TIMEOUT,))
            cur.execute(table_exists)
            if not cur.fetchone()[0]:
                return []
            cur.execute(statement, params)
            return list(cur.fetchall())
    finally:
        conn.close()


def _seen(source_report: Any) -> int:
    articles = source_report.get("articles") if isinstance(source_report, dict) else None
    if not isinstance(articles, dict):
        return 0
    total = 0
    for value in [*(articles.get(key) for key in SEEN_KEYS), source_report.get("articles_refetched")]:
        try:  # a --full crawl's stored articles fetched again ("articles_refetched") were seen too
            total += int(value or 0)
        except (TypeError, ValueError):
            continue
    return total


def source_history(
    url: str,
    before_run_id: str,
    runs: int = HISTORY_RUNS,
    before: str | None = None,
) -> dict[str, list[int]]:
    """Articles seen (new + unchanged) per source by the last `runs` runs before `before_run_id`.

    {source: [count of the latest earlier run that crawled it, the one before, ...]}. "Before"
    is the `before` timestamp (ISO-8601) when given, else the stored start of `before_run_id`,
    else every stored run but that one. Empty on a database without the schema. Raises on
    connection errors (the caller decides whether history is optional).
    """
    history: dict[str, list[int]] = {}
    for sources in _previous_reports(url, before_run_id, runs, before):
        for name, report in sorted(sources.items()):
            history.setdefault(name, []).append(_seen(report))
    return history


def listing_link_history(
    url: str,
    before_run_id: str,
    runs: int = HISTORY_RUNS,
    before: str | None = None,
) -> dict[str, dict[str, list[int]]]:
    """Article links each listing entry point yielded in the last `runs` runs (most recent
    first), per source: {source: {listing URL: [n, ...]}} (runs as in `source_history`)."""
    history: dict[str, dict[str, list[int]]] = {}
    for sources in _previous_reports(url, before_run_id, runs, before):
        for name, report in sorted(sources.items()):
            links = report.get("listing_links") if isinstance(report, dict) else None
            for root, count in sorted((links or {}).items()):
                if isinstance(count, int):
                    history.setdefault(name, {}).setdefault(root, []).append(count)
    return history


def _previous_reports(url: str, before_run_id: str, runs: int, before: str | None) -> list[dict[str, Any]]:
    """The per-source crawl reports of the last `runs` stored runs before `before_run_id`."""
    rows = _history_rows(url, CRAWL_RUNS_EXISTS, PREVIOUS_CRAWL_REPORTS,
                         {"run_id": before_run_id, "before": before, "runs": runs})
    return [sources for _run_id, sources in rows]


def accepted_contents(url: str) -> dict[str, frozenset[str]]:
    """{URL: hashes of its contents on-call accepted: an article's content_hash, a rejected page's html_sha256};
    empty before the audit migration.
    Raises on connection errors (the caller decides whether history is optional)."""
    accepted: dict[str, set[str]] = {}
    for page_url, digest in _history_rows(url, sql.AUDIT_EXISTS, sql.ACCEPTED_CONTENTS):
        accepted.setdefault(page_url, set()).add(digest)
    return {key: frozenset(hashes) for key, hashes in accepted.items()}


def subject_medians(
    url: str,
    keys: list[tuple[str, str]],
    exclude_run_id: str,
    kinds: tuple[str, ...] = ("level",),
) -> dict[tuple[str, str], tuple[float, int]]:
    """(unit, subject) -> (median |value|, count) of the stored positive metrics of `kinds`.

    Only the asked-for `keys` (subject compared lowercased and trimmed); metrics loaded by
    `exclude_run_id` are left out. Empty on a database without the schema.
    """
    if not keys:
        return {}
    rows = _history_rows(url, METRICS_EXISTS, SUBJECT_MEDIANS, {
        "units": [u for u, _ in keys], "subjects": [s.strip().lower() for _, s in keys],
        "kinds": list(kinds), "run_id": exclude_run_id,
    })
    return {(unit, subject): (float(median), int(n)) for unit, subject, median, n in rows}


ARTICLES_EXISTS = "SELECT to_regclass('news.articles') IS NOT NULL"
# Stored articles, and article pages quarantined by a loaded run (the transform rejected them,
# or validation did): an incremental crawl does not fetch them again, so one bad page is
# quarantined once instead of failing every later run; `--full` fetches everything.
# Pages a loaded run found to hold the content of another URL of their source (the load's
# duplicates, warehouse.load.LoadResult): the article is stored once, under that other URL.
_DUPLICATE_URLS = """
SELECT d ->> 'url' FROM news.crawl_runs r
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.load_result -> 'duplicates') = 'array'
                                             THEN r.load_result -> 'duplicates' ELSE '[]'::jsonb END) d
WHERE r.status = 'loaded' AND d ->> 'source' = %(source)s AND d ->> 'url' LIKE 'http%%'
"""
STORED_ARTICLE_URLS = f"""
SELECT url FROM news.articles WHERE source = %(source)s
UNION
SELECT record_key FROM news.quarantine
WHERE source = %(source)s AND table_name IN ('articles', 'pages') AND record_key LIKE 'http%%'
UNION{_DUPLICATE_URLS}ORDER BY 1
"""


# From migration 006 on: a quarantined page on-call released (`newsetl quarantine release`)
# leaves the set, so the next crawl refetches it; an accepted one stays.
STORED_AND_HELD_URLS = f"""
SELECT url FROM news.articles WHERE source = %(source)s
UNION
SELECT url FROM news.v_quarantined_urls WHERE source = %(source)s AND state <> 'released'
UNION{_DUPLICATE_URLS}ORDER BY 1
"""
QUARANTINE_STATES_EXIST = "SELECT to_regclass('news.v_quarantined_urls') IS NOT NULL"


def stored_article_urls(source: str, url: str) -> list[str]:
    """Normalized URLs of `source`'s stored and quarantined article pages, and of the pages a loaded
    run found to duplicate a stored one (incremental crawls skip them), less the quarantined ones
    on-call released."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(ARTICLES_EXISTS)
            if not cur.fetchone()[0]:
                return []
            cur.execute(QUARANTINE_STATES_EXIST)
            held = cur.fetchone()[0]
            cur.execute(STORED_AND_HELD_URLS if held else STORED_ARTICLE_URLS, {"source": source})
            return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


# When a run row's work happened: a run's crawl start; a reprocess run's load (its crawl report, and
# so its started_at, is the archived run's: sorted by that, a reprocess of last week's run sank
# below every run since).
_REPROCESS_OF = "(r.crawl_report ->> 'reprocess_of')"
_RAN_AT = (f"CASE WHEN {_REPROCESS_OF} IS NOT NULL THEN coalesce(r.loaded_at, r.started_at) "
           "ELSE coalesce(r.started_at, r.loaded_at) END")
RECENT_RUNS = f"""
SELECT r.run_id, r.dag_run_id, r.status, r.started_at, r.finished_at, r.loaded_at, r.counts, r.load_result,
       {_REPROCESS_OF} AS reprocess_of, {_RAN_AT} AS ran_at,
       CASE WHEN {_REPROCESS_OF} IS NOT NULL THEN '{{}}'::jsonb  -- a reprocess crawled nothing
            -- a --full crawl's stored articles fetched again count as refetched, not new (crawl report)
            ELSE (SELECT coalesce(jsonb_object_agg(name, CASE
                      WHEN jsonb_typeof(report -> 'articles_refetched') = 'number'
                           AND (report -> 'articles_refetched')::numeric > 0
                      THEN report -> 'articles' || jsonb_build_object('refetched', report -> 'articles_refetched')
                      ELSE report -> 'articles' END), '{{}}'::jsonb)
                  FROM jsonb_each(coalesce(r.crawl_report -> 'sources', '{{}}'::jsonb)) AS s(name, report))
       END AS crawled
FROM news.crawl_runs r
ORDER BY ran_at DESC NULLS LAST, r.run_id DESC
LIMIT %(limit)s
"""
LAST_RUN_PER_SOURCE = f"""
SELECT DISTINCT ON (s.name) s.name, r.run_id, r.status, r.started_at, r.loaded_at, {_REPROCESS_OF}, {_RAN_AT},
       coalesce(r.load_result ->> 'forced' = 'true', false) AS forced
FROM news.crawl_runs r, jsonb_object_keys(coalesce(r.crawl_report -> 'sources', '{{}}'::jsonb)) AS s(name)
ORDER BY s.name, {_RAN_AT} DESC NULLS LAST, r.run_id DESC
"""
CRAWL_RUNS_EXISTS = "SELECT to_regclass('news.crawl_runs') IS NOT NULL"


def recent_runs(url: str, limit: int = 10) -> list[dict[str, Any]]:
    """The latest runs, newest first by when their work happened (`ran_at`: a run's crawl start, a
    reprocess run's load): status (loaded/blocked), when, counts, what each source crawled (nothing
    for a reprocess, which names the run it reprocessed in `reprocess_of`)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(CRAWL_RUNS_EXISTS)
            if not cur.fetchone()[0]:
                return []
            cur.execute(RECENT_RUNS, {"limit": limit})
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        conn.close()


def last_run_per_source(url: str) -> dict[str, dict[str, Any]]:
    """{source: {run_id, status, started_at, loaded_at, reprocess_of, ran_at, forced}} of the latest run
    that crawled it, or reprocessed its pages (`ran_at`: when the run's work happened, as in `recent_runs`;
    `forced`: loaded with --force although validation blocked it or had not seen its data)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(CRAWL_RUNS_EXISTS)
            if not cur.fetchone()[0]:
                return {}
            cur.execute(LAST_RUN_PER_SOURCE)
            return {name: {"run_id": run_id, "status": status, "started_at": started, "loaded_at": loaded,
                           "reprocess_of": reprocess_of, "ran_at": ran_at, "forced": forced}
                    for name, run_id, status, started, loaded, reprocess_of, ran_at, forced in cur.fetchall()}
    finally:
        conn.close()


# --------------------------------------------------------------------------- the analyst report
# `newsetl report`: what the static HTML report shows, for articles published in [from, to].
# Read in a READ ONLY transaction, as news_analyst when the connecting role may act as it.
REPORT_TOP_INDICATORS = 6     # indicators drawn as series: those the most stories state
REPORT_DISAGREEMENTS = 20     # (indicator, period) groups whose articles disagree, most stories first
REPORT_QUARANTINE = 50        # quarantined URLs listed, newest first
REPORT_ARTICLES = 300         # articles listed, newest first
ANALYST_ROLE = "news_analyst"
CAN_ACT_AS_ANALYST = "SELECT pg_has_role(current_user, %s, 'MEMBER') FROM pg_roles WHERE rolname = %s"
SET_ANALYST_ROLE = "SET LOCAL ROLE news_analyst"
REPORT_READY = "SELECT to_regclass('news.story_prints') IS NOT NULL"

# articles (and stories) per source and publication day
REPORT_SOURCE_DAILY = """
SELECT a.source, a.published AS day, count(*) AS articles,
       count(DISTINCT coalesce(a.story_id, a.article_id)) AS stories,
       count(*) FILTER (WHERE a.scitech) AS scitech_articles
FROM news.articles a
WHERE a.published BETWEEN %(date_from)s AND %(date_to)s
GROUP BY a.source, a.published
ORDER BY a.published, a.source
"""
# the actual Ningbo figures with a period, of articles in the window, one row per metric
_REPORT_FACTS = """
SELECT m.indicator, i.label, m.unit, m.period, m.period_start, m.period_end, m.value, m.article_id,
       coalesce(a.story_id, a.article_id) AS story_id, a.title, a.url, a.source, a.published
FROM news.metrics m
JOIN news.articles a ON a.article_id = m.article_id
LEFT JOIN news.indicators i ON i.key = m.indicator
WHERE a.published BETWEEN %(date_from)s AND %(date_to)s
  AND m.indicator IS NOT NULL AND m.modality = 'actual' AND m.place IS NULL
  AND m.period IS NOT NULL AND m.period_start IS NOT NULL AND m.period_end IS NOT NULL
"""
# per indicator, unit and period: the value the most stories state (the smallest on a tie),
# stories, articles, min and max; for the REPORT_TOP_INDICATORS indicators most stories state;
# by period end (newsetl.report draws one line per kind of period: years, quarters, Jan..N, months)
REPORT_SERIES = f"""
WITH f AS MATERIALIZED ({_REPORT_FACTS}),
top AS (SELECT indicator, unit, max(label) AS label, count(DISTINCT story_id) AS stories FROM f
        GROUP BY indicator, unit ORDER BY stories DESC, indicator, unit LIMIT %(top)s),
d AS (SELECT DISTINCT f.indicator, f.unit, f.period, f.period_start, f.period_end, f.story_id, f.value
      FROM f JOIN top USING (indicator, unit)),
n AS (SELECT f.indicator, f.unit, f.period, count(DISTINCT f.article_id) AS articles
      FROM f JOIN top USING (indicator, unit) GROUP BY f.indicator, f.unit, f.period)
SELECT d.indicator, top.label, d.unit, d.period, d.period_start, d.period_end,
       mode() WITHIN GROUP (ORDER BY d.value) AS value,
       count(DISTINCT d.story_id) AS stories, n.articles,
       min(d.value) AS min_value, max(d.value) AS max_value,
       (max(d.value) - min(d.value)) > 0.01 * greatest(abs(max(d.value)), abs(min(d.value))) AS disagree,
       top.stories AS indicator_stories
FROM d JOIN top USING (indicator, unit) JOIN n USING (indicator, unit, period)
GROUP BY d.indicator, top.label, d.unit, d.period, d.period_start, d.period_end, n.articles, top.stories
ORDER BY top.stories DESC, d.indicator, d.unit, d.period_end, d.period_start, d.period
"""
# groups whose stated values differ by more than 1%, with every article's value
REPORT_DISAGREEMENTS_SQL = f"""
WITH f AS MATERIALIZED ({_REPORT_FACTS}),
g AS (SELECT indicator, unit, period, count(DISTINCT story_id) AS stories
      FROM f GROUP BY indicator, unit, period
      HAVING (max(value) - min(value)) > 0.01 * greatest(abs(max(value)), abs(min(value)))
      ORDER BY stories DESC, indicator, period LIMIT %(limit)s)
SELECT DISTINCT f.indicator, f.label, f.unit, f.period, g.stories, f.value, f.story_id, f.title, f.url,
       f.source, f.published, f.article_id
FROM f JOIN g USING (indicator, unit, period)
ORDER BY g.stories DESC, f.indicator, f.period, f.value, f.published, f.article_id
"""
REPORT_ARTICLES_SQL = """
SELECT a.published, a.source, a.title, a.url, coalesce(a.story_id, a.article_id) AS story_id,
       greatest(1, (SELECT count(*) FROM news.articles c WHERE c.story_id = a.story_id)) AS story_articles,
       (SELECT count(*) FROM news.metrics m WHERE m.article_id = a.article_id) AS metrics
FROM news.articles a
WHERE a.published BETWEEN %(date_from)s AND %(date_to)s
ORDER BY a.published DESC, a.source, a.title, a.article_id
LIMIT %(limit)s
"""
REPORT_TOTALS = """
SELECT count(*), count(DISTINCT coalesce(story_id, article_id)),
       (SELECT count(*) FROM news.metrics m JOIN news.articles x ON x.article_id = m.article_id
        WHERE x.published BETWEEN %(date_from)s AND %(date_to)s)
FROM news.articles WHERE published BETWEEN %(date_from)s AND %(date_to)s
"""
# The latest validation: per run, when its results were recorded (validation_runs.recorded_at,
# migration 010; before it, the run's last load) and whether it evaluated anything (an expectation
# GX evaluated, a failure, or rows in an old summary's counts). The run shown is the most recently
# recorded one that evaluated something (a run with nothing new, e.g. a second `make demo`, passes
# 0 of 0 expectations and must not hide the last real failures), else the most recent one. Never
# by crawl_runs.started_at: a reprocess run keeps the start of the crawl it reprocesses.
# validated_at is when the validation ran (validation_runs.validated_at, migration 011, from
# summary.json): null before 011 and for results whose summary did not record it.
_VALIDATED_RUNS = """
WITH per_run AS (
    SELECT v.run_id, max({recorded}) AS recorded_at, max({validated}) AS validated_at,
           bool_or(coalesce(CASE WHEN jsonb_typeof(v.statistics -> 'evaluated_expectations') = 'number'
                                 THEN (v.statistics ->> 'evaluated_expectations')::numeric END, 0) > 0
                   OR coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(v.failed) = 'array' THEN v.failed END), 0) > 0
                   OR coalesce(CASE WHEN jsonb_typeof(v.statistics -> 'articles_total') = 'number'
                                    THEN (v.statistics ->> 'articles_total')::numeric END, 0) > 0) AS evaluated
    FROM news.validation_runs v JOIN news.crawl_runs r ON r.run_id = v.run_id
    GROUP BY v.run_id),
latest AS (
    SELECT run_id, recorded_at, validated_at, evaluated FROM per_run
    ORDER BY evaluated DESC, recorded_at DESC NULLS LAST, run_id DESC
    LIMIT 1)
"""
REPORT_LATEST_VALIDATION = _VALIDATED_RUNS + """
SELECT l.run_id, r.status, r.started_at, r.loaded_at, l.recorded_at, l.validated_at, l.evaluated, v.suite,
       v.success,
       coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(v.failed) = 'array' THEN v.failed END), 0) AS failed,
       CASE WHEN jsonb_typeof(v.failed) = 'array' THEN v.failed END AS failed_expectations,
       v.statistics
FROM latest l JOIN news.crawl_runs r ON r.run_id = l.run_id JOIN news.validation_runs v ON v.run_id = l.run_id
ORDER BY v.suite
"""
# the runs recorded after the one shown that had nothing to validate: how many, and the latest
REPORT_LATER_EMPTY_VALIDATIONS = _VALIDATED_RUNS + """
SELECT p.run_id, p.recorded_at, p.validated_at, count(*) OVER () AS runs
FROM per_run p, latest l
WHERE NOT p.evaluated AND l.evaluated AND p.recorded_at > l.recorded_at
ORDER BY p.recorded_at DESC, p.run_id DESC
LIMIT 1
"""
# which of validation_runs' time columns exist: recorded_at (010), validated_at (011)
VALIDATION_TIME_COLUMNS = """
SELECT column_name FROM information_schema.columns
WHERE table_schema = 'news' AND table_name = 'validation_runs' AND column_name IN ('recorded_at', 'validated_at')
"""
REPORT_QUARANTINE_STATES = "SELECT state, count(*) FROM news.v_quarantined_urls GROUP BY state ORDER BY state"
REPORT_QUARANTINED = """
SELECT url, source, stage, reasons, quarantined_at, run_id
FROM news.v_quarantined_urls
WHERE state = 'quarantined'
ORDER BY quarantined_at DESC, url
LIMIT %(limit)s
"""


def _rows(cur: Any, statement: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cur.execute(statement, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def report_data(url: str, date_from: Any, date_to: Any) -> dict[str, Any]:
    """Everything `newsetl report` draws, for articles published from `date_from` to `date_to`
    (dates, both included): {"as_role", "totals", "source_daily", "series", "disagreements",
    "articles", "validation" (the latest validation that evaluated something: one row per suite, with
    `recorded_at`, when its result was stored, and `validated_at`, when it ran or None if unknown),
    "later_empty_validations" (the latest run recorded after it with nothing to validate, with the
    number of such runs: [] or one row), "quarantine_states", "quarantined"}. Needs schema version 8.
    """
    params = {"date_from": date_from, "date_to": date_to}
    conn = connect(url)
    try:
        conn.set_session(readonly=True)
        with conn.cursor() as cur:
            cur.execute(REPORT_READY)
            if not cur.fetchone()[0]:
                raise RuntimeError("the report needs schema version 8 (story ids), which this warehouse has not "
                                   "reached: run `newsetl db upgrade`")
            cur.execute(CAN_ACT_AS_ANALYST, (ANALYST_ROLE, ANALYST_ROLE))
            row = cur.fetchone()
            if row and row[0]:
                cur.execute(SET_ANALYST_ROLE)
            cur.execute("SELECT current_user")
            as_role = cur.fetchone()[0]
            cur.execute(VALIDATION_TIME_COLUMNS)  # before migration 010: when the run was last loaded
            columns = {name for (name,) in cur.fetchall()}
            times = {"recorded": "v.recorded_at" if "recorded_at" in columns else "r.loaded_at",
                     "validated": "v.validated_at" if "validated_at" in columns else "NULL::timestamptz"}
            cur.execute(REPORT_TOTALS, params)
            articles, stories, metrics = cur.fetchone()
            data = {
                "as_role": as_role,
                "totals": {"articles": articles, "stories": stories, "metrics": metrics},
                "source_daily": _rows(cur, REPORT_SOURCE_DAILY, params),
                "series": _rows(cur, REPORT_SERIES, {**params, "top": REPORT_TOP_INDICATORS}),
                "disagreements": _rows(cur, REPORT_DISAGREEMENTS_SQL, {**params, "limit": REPORT_DISAGREEMENTS}),
                "articles": _rows(cur, REPORT_ARTICLES_SQL, {**params, "limit": REPORT_ARTICLES}),
                "validation": _rows(cur, REPORT_LATEST_VALIDATION.format(**times), {}),
                "later_empty_validations": _rows(cur, REPORT_LATER_EMPTY_VALIDATIONS.format(**times), {}),
                "quarantine_states": dict(_rows_pairs(cur, REPORT_QUARANTINE_STATES)),
                "quarantined": _rows(cur, REPORT_QUARANTINED, {"limit": REPORT_QUARANTINE}),
            }
        conn.rollback()
        return data
    finally:
        conn.close()


def _rows_pairs(cur: Any, statement: str) -> list[tuple[Any, Any]]:
    cur.execute(statement)
    return [(a, b) for a, b in cur.fetchall()]
