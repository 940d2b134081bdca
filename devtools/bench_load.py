"""Benchmark warehouse.load.load_run against a raw COPY of the same rows.

Writes a synthetic validated run dir (N articles of W words, M metrics each) and, on one
server:
  1. load_run of the run into a fresh database (first load: every row new);
  2. load_run of the same run again (no-op rerun);
  3. load_run of an overlapping run: the same URLs fetched later, 10% of them with a
     new body and new metric values (versions, metric sets replaced, the rest touched);
  4. baseline "into the warehouse tables": a raw COPY of run 1's rows straight into
     news.articles and news.metrics of another fresh database migrated the same way
     (the same keys, checks, foreign keys, indexes and full-text column the load must
     maintain), with the run and source rows the foreign keys need written and the CSV
     rendered before the clock starts, committed. This is the reference of the 0.6x
     target: what loading these rows costs with no staging, dedup, classification,
     versioning or idempotency;
  5. baseline "into bare tables": the same COPY into plain tables with the data columns
     only and no index, key, constraint or generated column: the floor, printed for
     comparison (the gap between 4 and 5 is the schema's own cost).
Rows/s = (articles + metrics in the files) / seconds; ratios compare 1-3 with 4 and 5.
Then, unless --no-feature-costs, the first load again into fresh databases, each with
one feature of schema news dropped after migrating (full-text search, foreign keys,
secondary indexes): what each feature costs the first load, measured, not kept.

    .venv/bin/python -m devtools.bench_load                   # 20k articles, 200k metrics, embedded Postgres
    .venv/bin/python -m devtools.bench_load --articles 500 --database-url postgresql://...

The database URL is an admin URL: databases bench_<hex> are created on that server and
dropped afterwards.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import psycopg2
import psycopg2.errors
from psycopg2 import sql as pgsql

from core.rundir import AtomicWriter, RunPaths
from devtools import at_least_one, pg
from transforms import stories
from warehouse.db import upgrade
from warehouse.load import LoadResult, load_run

DEFAULT_ARTICLES = 20_000
DEFAULT_METRICS_PER_ARTICLE = 10
DEFAULT_BODY_WORDS = 400
CHANGED_EVERY = 10  # the overlapping run changes every 10th article (10%)
TARGET_RATIO = 0.6
DEFAULT_REPEAT = 3
STEP_SHOWN_S = 0.05  # load steps shorter than this are left out of the breakdown
SEED = 20191118
FIRST_FETCH = "2026-11-20T08:00:00+00:00"
SECOND_FETCH = "2026-11-21T08:00:00+00:00"
WORDS = ("ningbo innovation science technology city enterprises research development industrial "
         "high-tech investment growth province billion yuan percent port manufacturing talent "
         "university laboratory platform expo robot intelligent digital economy export").split()
UNITS = ("percent", "CNY", "count", "times", "USD", "km2", "tonnes")
KINDS = ("level", "change", "share")
RAW_SETUP = """CREATE SCHEMA bench_raw;
CREATE TABLE bench_raw.articles (url text, source text, title text, published date,
    section text, body text, captions jsonb, language text, word_count integer, content_hash text,
    scitech boolean, fetched_at timestamptz);
CREATE TABLE bench_raw.metrics (article_url text, position integer, value numeric, unit text,
    kind text, subject text, period text, qualifier text, text text, char_start integer, char_end integer,
    extractor_version text)"""
ARTICLE_COLS = ("url", "source", "title", "published", "section", "body", "captions", "language",
                "word_count", "content_hash", "scitech", "fetched_at")
METRIC_COLS = ("article_url", "position", "value", "unit", "kind", "subject", "period", "qualifier", "text",
               "char_start", "char_end", "extractor_version")
# Baseline 4: the columns a load writes into the warehouse tables (period bounds and
# metrics_hash, which the load derives, are left to their defaults: less work, not more).
SCHEMA_ARTICLE_COLS = ("article_id",) + ARTICLE_COLS + ("first_seen_run", "last_seen_run", "loaded_run")
SCHEMA_METRIC_COLS = ("article_id",) + METRIC_COLS[1:] + ("run_id",)
SCHEMA_PREREQUISITES = """
INSERT INTO news.crawl_runs (run_id) VALUES (%(run_id)s);
INSERT INTO news.sources (name) SELECT unnest(%(sources)s::text[])
"""
# The full-text work of the generated column articles.search, alone (read-only SELECTs
# over the stored rows): its expression as the catalog holds it, and Postgres's
# text-search parser by itself.
SEARCH_EXPRESSION = """
SELECT pg_get_expr(d.adbin, d.adrelid)
FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
WHERE d.adrelid = 'news.articles'::regclass AND a.attname = 'search'
"""
FTS_VECTOR = "SELECT sum(length({expression})) FROM news.articles"
FTS_PARSER = "SELECT count(*) FROM news.articles, ts_parse('default', title || ' ' || body)"
SCHEMA_COUNTS = "SELECT (SELECT count(*) FROM news.articles), (SELECT count(*) FROM news.metrics)"
# Features dropped (in a throwaway database, after migrating) to measure what each costs.
FEATURES = {
    "full-text search (articles.search + its GIN index)": [
        "DROP VIEW news.v_articles",  # shows the column (migration 007)
        "ALTER TABLE news.articles DROP COLUMN search",
    ],
    "foreign keys (articles -> sources, crawl_runs x3; metrics -> articles)": [
        "ALTER TABLE news.articles DROP CONSTRAINT articles_source_fkey, DROP CONSTRAINT articles_first_seen_run_fkey,"
        " DROP CONSTRAINT articles_last_seen_run_fkey, DROP CONSTRAINT articles_loaded_run_fkey",
        "ALTER TABLE news.metrics DROP CONSTRAINT metrics_article_id_fkey",
    ],
    "analyst indexes (source+published, GIN on search, subject+period_start, indicator+period_start)": [
        "DROP INDEX news.articles_source_published_idx, news.articles_search_idx, news.metrics_subject_period_idx,"
        " news.metrics_indicator_period_idx",
    ],
}


def synthesize(run_dir: Path, n_articles: int, per_article: int, body_words: int,
               changed_every: int = 0, prints: bool = True) -> int:
    """Write validation/articles.jsonl and metrics.jsonl; return the number of rows.

    changed_every=k > 0: the run of the same articles fetched a day later, every k-th
    with another body (new content hash) and other metric values. Each article carries its
    story print as the transform stages it (computed here, before any clock starts) unless
    `prints` is false: a run staged before prints were, whose prints the load computes.
    """
    rng = random.Random(SEED)
    paths = RunPaths(run_dir)
    fetched_at = SECOND_FETCH if changed_every else FIRST_FETCH
    rows = 0
    fa, fm = AtomicWriter(paths.accepted_articles), AtomicWriter(paths.accepted_metrics)
    try:
        for i in range(n_articles):
            changed = bool(changed_every) and i % changed_every == 0
            url = f"http://www.ningbolife.com/index.php/ningbo-news/{i}-bench.html"
            title = f"Ningbo bench story {i}: " + " ".join(rng.choices(WORDS, k=6))
            body = " ".join(rng.choices(WORDS, k=body_words)) + "."
            if changed:
                body += " Updated: figures revised."
            fa.write_row({
                "url": url, "source": "ningbolife", "title": title, "published": "2020-06-01",
                "section": "Ningbo News", "body": body, "captions": [], "language": "en",
                "word_count": len(body.split()), "scitech": True, "fetched_at": fetched_at, "run_id": "bench",
                "content_hash": hashlib.sha256(f"{title}\n{body}".encode()).hexdigest(),
                **({stories.RECORD_KEY: stories.to_record(stories.story_print(title, body))} if prints else {}),
            })
            for p in range(per_article):
                value = round(rng.uniform(1, 1000), 2)
                if changed:
                    value = round(value * 1.1, 2)
                fm.write_row({
                    "value": value, "unit": rng.choice(UNITS), "kind": rng.choice(KINDS),
                    "subject": rng.choice(WORDS) + " output", "period": rng.choice(("2019", "2020-01..2020-05", None)),
                    "qualifier": rng.choice((None, "approx")), "text": f"{value} units", "article_url": url,
                    "position": p, "char_start": p * 10, "char_end": p * 10 + 8, "run_id": "bench",
                })
            rows += 1 + per_article
    except BaseException:
        fa.abort()
        fm.abort()
        raise
    fa.commit()
    fm.commit()
    return rows


def _json_cell(row: dict, col: str) -> object:
    return json.dumps(row[col]) if col == "captions" else row.get(col)


def csv_buffer(path: Path, cols: tuple[str, ...]) -> io.StringIO:
    """The JSON Lines rows of `path` as CSV (prepared before the raw COPY is timed)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            writer.writerow([_json_cell(row, c) for c in cols])
    buf.seek(0)
    return buf


def checkpoint(url: str) -> None:
    """CHECKPOINT before a timed step, so no step pays for the dirty pages and WAL of the one
    before it (without this, later steps of a repetition ran up to 30% slower). Skipped, once
    with a note, when the user may not checkpoint (needs superuser or pg_checkpoint)."""
    global _CHECKPOINT_REFUSED
    if _CHECKPOINT_REFUSED:
        return
    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("CHECKPOINT")
    except psycopg2.errors.InsufficientPrivilege:
        _CHECKPOINT_REFUSED = True
        print("note: CHECKPOINT refused for this user; steps are timed without it", file=sys.stderr)
    finally:
        conn.close()


_CHECKPOINT_REFUSED = False


def timed_copies(url: str, setup: str, params: dict, copies: list[tuple[str, tuple[str, ...], io.StringIO]]
                 ) -> float:
    """Run `setup` and commit; then seconds to COPY each CSV buffer into its table and commit."""
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(setup, params)
            conn.commit()
            checkpoint(url)
            start = time.perf_counter()
            for table, cols, buf in copies:
                cur.copy_expert(f"COPY {table} ({', '.join(cols)}) FROM STDIN WITH (FORMAT csv)", buf)
            conn.commit()
            return time.perf_counter() - start
    finally:
        conn.close()


def raw_copy(url: str, run_dir: Path) -> float:
    """Baseline 5: seconds to COPY the run's rows into bare tables and commit (CSV prepared beforehand)."""
    articles = csv_buffer(RunPaths(run_dir).accepted_articles, ARTICLE_COLS)
    metrics = csv_buffer(RunPaths(run_dir).accepted_metrics, METRIC_COLS)
    return timed_copies(url, RAW_SETUP, {}, [("bench_raw.articles", ARTICLE_COLS, articles),
                                             ("bench_raw.metrics", METRIC_COLS, metrics)])


def fts_work(url: str) -> dict[str, float]:
    """Seconds of the articles.search expression ("vector") and of the parser alone ("parser")
    over the articles stored in `url`, in one process like the INSERT."""
    checkpoint(url)
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SET max_parallel_workers_per_gather = 0")
            cur.execute(SEARCH_EXPRESSION)
            (expression,) = cur.fetchone()
            queries = {"vector": pgsql.SQL(FTS_VECTOR).format(expression=pgsql.SQL(expression)),
                       "parser": pgsql.SQL(FTS_PARSER)}
            took = {}
            for name, query in queries.items():
                start = time.perf_counter()
                cur.execute(query)
                cur.fetchall()
                took[name] = time.perf_counter() - start
            return took
    finally:
        conn.close()


def schema_csv(run_dir: Path, run_id: str) -> tuple[io.StringIO, io.StringIO, list[str], int]:
    """The run's rows as CSV for news.articles / news.metrics (article ids 1..N), their sources
    and the number of rows."""
    ids: dict[str, int] = {}
    sources: set[str] = set()
    articles, metrics = io.StringIO(), io.StringIO()
    writer = csv.writer(articles)
    with open(RunPaths(run_dir).accepted_articles, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            ids[row["url"]] = len(ids) + 1
            sources.add(row["source"])
            writer.writerow([ids[row["url"]]] + [_json_cell(row, c) for c in ARTICLE_COLS] + [run_id] * 3)
    n_metrics = 0
    writer = csv.writer(metrics)
    with open(RunPaths(run_dir).accepted_metrics, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            writer.writerow([ids[row["article_url"]]] + [row.get(c) for c in METRIC_COLS[1:]] + [run_id])
            n_metrics += 1
    articles.seek(0)
    metrics.seek(0)
    return articles, metrics, sorted(sources), len(ids) + n_metrics


def raw_copy_into_schema(server_url: str, run_dir: Path, run_id: str) -> float:
    """Baseline 4: seconds to COPY the run's rows into a fresh database's news tables and commit."""
    articles, metrics, sources, expected = schema_csv(run_dir, run_id)
    with fresh_database(server_url) as url:
        seconds = timed_copies(url, SCHEMA_PREREQUISITES, {"run_id": run_id, "sources": sources},
                               [("news.articles", SCHEMA_ARTICLE_COLS, articles),
                                ("news.metrics", SCHEMA_METRIC_COLS, metrics)])
        conn = psycopg2.connect(url)
        try:
            with conn.cursor() as cur:
                cur.execute(SCHEMA_COUNTS)
                copied = sum(cur.fetchone())
        finally:
            conn.close()
    assert copied == expected, f"baseline COPY stored {copied} rows of {expected}"
    return seconds


@contextmanager
def fresh_database(server_url: str, drop: Sequence[str] = ()) -> Iterator[str]:
    """A new database bench_<hex> (devtools.pg) with schema news migrated (then `drop` run), dropped on exit."""
    with pg.fresh_database(server_url, prefix="bench") as url:
        upgrade(url)  # schema first: the timed load_run finds nothing to migrate
        for statement in drop:
            pg.query(url, statement)
        yield url


def timed_load(run_dir: Path, url: str, run_id: str, steps: dict[str, float] | None = None
               ) -> tuple[float, LoadResult]:
    """Seconds of one load_run call, and its result."""
    checkpoint(url)
    start = time.perf_counter()
    result = load_run(run_dir, url, run_id=run_id, timings=steps)
    return time.perf_counter() - start, result


def spread(values: list[float], unit: str = " s", digits: int = 2) -> str:
    """Median of `values`, with min-max when there are several: "12.20 s (11.90-13.05)"."""
    text = f"{statistics.median(values):.{digits}f}{unit}"
    if len(values) > 1:
        text += f" ({min(values):.{digits}f}-{max(values):.{digits}f})"
    return text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=at_least_one, default=DEFAULT_ARTICLES)
    p.add_argument("--metrics-per-article", type=int, default=DEFAULT_METRICS_PER_ARTICLE)
    p.add_argument("--body-words", type=int, default=DEFAULT_BODY_WORDS)
    p.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                   help="measure everything this many times; print medians and min-max (default %(default)s)")
    p.add_argument("--database-url", help="admin URL of a server (default: a temporary embedded one)")
    p.add_argument("--no-feature-costs", action="store_true", help="skip the loads without a feature")
    p.add_argument("--without-prints", action="store_true",
                   help="stage the articles without their story prints (a run transformed before prints "
                        "were staged): the load computes every print itself")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")

    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    server_url = args.database_url
    embedded = None
    try:
        if server_url is None:
            from warehouse.embedded import start_embedded

            embedded = work / "pg"
            server_url = start_embedded(embedded, cleanup_mode="delete")
        first_dir, second_dir = work / "runs" / "bench-1", work / "runs" / "bench-2"
        prints = not args.without_prints
        rows = synthesize(first_dir, args.articles, args.metrics_per_article, args.body_words, prints=prints)
        synthesize(second_dir, args.articles, args.metrics_per_article, args.body_words, changed_every=CHANGED_EVERY,
                   prints=prints)
        size_mb = sum(f.stat().st_size for f in RunPaths(first_dir).validation.iterdir()) / 1e6
        changed = len(range(0, args.articles, CHANGED_EVERY))
        loads = ("load_run first load (all new)", "load_run rerun of the same run (no-op)",
                 f"load_run overlapping run, {100 // CHANGED_EVERY}% changed")
        seconds: dict[str, list[float]] = {name: [] for name in loads + ("schema", "bare")}
        steps: dict[str, dict[str, list[float]]] = {name: {} for name in loads}
        without: dict[str, list[float]] = {feature: [] for feature in FEATURES}
        fts: dict[str, list[float]] = {"vector": [], "parser": []}
        for _ in range(args.repeat):
            with fresh_database(server_url) as url:
                for name, run_dir, run_id in zip(loads, (first_dir, first_dir, second_dir),
                                                 ("bench-1", "bench-1", "bench-2")):
                    timing: dict[str, float] = {}
                    took, result = timed_load(run_dir, url, run_id, timing)
                    seconds[name].append(took)
                    for step, value in timing.items():
                        steps[name].setdefault(step, []).append(value)
                    # the load copies the staged prints; it computes them only for a run without
                    assert result.stories_computed == (0 if prints else result.stories_fingerprinted), result
                    if name == loads[0]:
                        assert result.articles_inserted == args.articles, result
                    elif name == loads[1]:
                        assert (result.articles_unchanged, result.metrics_written) == (args.articles, 0), result
                    else:
                        assert (result.versions_created, result.articles_unchanged) == \
                            (changed, args.articles - changed), result
                        assert result.metrics_written == changed * args.metrics_per_article, result
                seconds["bare"].append(raw_copy(url, first_dir))
                for name, took in fts_work(url).items():
                    fts[name].append(took)
            seconds["schema"].append(raw_copy_into_schema(server_url, first_dir, "bench-1"))
            if not args.no_feature_costs:
                for feature, drop in FEATURES.items():
                    with fresh_database(server_url, drop) as url:
                        without[feature].append(timed_load(first_dir, url, "bench-1")[0])

        def ratios(name: str, baseline: str) -> list[float]:
            """Baseline seconds / load seconds, per repetition (measured minutes apart, not hours)."""
            return [b / s for b, s in zip(seconds[baseline], seconds[name])]

        print(f"{rows} rows ({args.articles} articles + {args.articles * args.metrics_per_article} metrics, "
              f"{args.body_words} words per body, {size_mb:.1f} MB of JSON Lines), one server, "
              f"{args.repeat} repetition(s): median (min-max); story prints "
              + ("staged with the articles (as the transform writes them)" if prints
                 else "NOT staged (--without-prints): the load computes them"))
        print("raw COPY of the same rows (CSV rendered before the clock starts), committed:")
        for key, label in (("schema", "into the warehouse tables (schema news: keys, checks, FKs, indexes, full-text)"),
                           ("bare", "into bare tables (data columns only: "
                                    "no index, key, constraint, generated column)")):
            print(f"  {label:<84}: {spread(seconds[key])}  {rows / statistics.median(seconds[key]):.0f} rows/s")
        for name in loads:
            print(f"{name:<40}: {spread(seconds[name])}  {rows / statistics.median(seconds[name]):.0f} rows/s;  "
                  f"{spread(ratios(name, 'schema'), 'x')} COPY into the warehouse tables, "
                  f"{spread(ratios(name, 'bare'), 'x')} COPY into bare tables")
        first_ratios = ratios(loads[0], "schema")
        verdict = "met" if min(first_ratios) >= TARGET_RATIO else "NOT met"
        print(f"target: first load >= {TARGET_RATIO}x a raw COPY of the same rows into the warehouse tables: "
              f"{verdict} (median {statistics.median(first_ratios):.2f}x, lowest {min(first_ratios):.2f}x); "
              f"against bare tables {statistics.median(ratios(loads[0], 'bare')):.2f}x")
        print(f"full-text work alone over the {args.articles} stored articles (one process, SELECT, no write): "
              f"the articles.search expression {spread(fts['vector'])}, of which the parser (ts_parse) "
              f"{spread(fts['parser'])}")
        print("where the time goes (load_run steps, median s):")
        for name in loads:
            shown = {k: statistics.median(v) for k, v in steps[name].items()}
            print(f"  {name.removeprefix('load_run ')}: "
                  + (", ".join(f"{k} {v:.2f}" for k, v in shown.items() if v >= STEP_SHOWN_S)
                     or f"every step under {STEP_SHOWN_S} s"))
        if not args.no_feature_costs:
            first_median = statistics.median(seconds[loads[0]])
            print("first load into a fresh database without one feature (dropped after migrating; measured, "
                  "not kept):")
            for feature, took in without.items():
                print(f"  without {feature:<72}: {spread(took)}  "
                      f"(the feature costs {first_median - statistics.median(took):5.2f} s of the median first load)")
        return 0
    finally:
        if embedded is not None:
            from warehouse.embedded import stop_embedded

            stop_embedded(embedded)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
