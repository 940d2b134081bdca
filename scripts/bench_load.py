"""Benchmark warehouse.load.load_run against a raw COPY of the same rows.

Writes a synthetic validated run dir (N articles of W words, M metrics each) and, into a
fresh database of one server:
  1. load_run of the run (first load: every row new);
  2. load_run of the same run again (no-op rerun);
  3. load_run of an overlapping run: the same URLs fetched later, 10% of them with a
     new body and new metric values (versions, metric sets replaced, the rest touched);
  4. the baseline: a raw COPY of run 1's rows, pre-rendered as CSV before the clock
     starts, into plain logged tables with the same data columns and no index, key,
     constraint or generated column, committed.
Rows/s = (articles + metrics in the files) / seconds; the ratio compares 1 with 4.
Then, unless --no-feature-costs, the first load again into fresh databases, each with
one feature of schema news dropped after migrating (full-text search, foreign keys,
secondary indexes): what each feature costs the first load, measured, not kept.

    .venv/bin/python scripts/bench_load.py                   # 20k articles, 200k metrics, embedded Postgres
    .venv/bin/python scripts/bench_load.py --articles 500 --database-url postgresql://...

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
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg2
from psycopg2 import sql as pgsql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.db import upgrade, url_with_database  # noqa: E402
from warehouse.load import LoadResult, load_run  # noqa: E402

DEFAULT_ARTICLES = 20_000
DEFAULT_METRICS_PER_ARTICLE = 10
DEFAULT_BODY_WORDS = 400
CHANGED_EVERY = 10  # the overlapping run changes every 10th article (10%)
TARGET_RATIO = 0.6
STEP_SHOWN_S = 0.05  # load steps shorter than this are left out of the breakdown
SEED = 20191118
FIRST_FETCH = "2026-11-20T08:00:00+00:00"
SECOND_FETCH = "2026-11-21T08:00:00+00:00"
WORDS = ("ningbo innovation science technology city enterprises research development industrial "
         "high-tech investment growth province billion yuan percent port manufacturing talent "
         "university laboratory platform expo robot intelligent digital economy export").split()
UNITS = ("percent", "CNY", "count", "times", "USD", "km2", "tonnes")
KINDS = ("level", "change", "share")
RAW_ARTICLES = """CREATE TABLE bench_raw.articles (url text, source text, title text, published date,
    section text, body text, captions jsonb, language text, word_count integer, content_hash text,
    scitech boolean, fetched_at timestamptz)"""
RAW_METRICS = """CREATE TABLE bench_raw.metrics (article_url text, position integer, value numeric, unit text,
    kind text, subject text, period text, qualifier text, text text, char_start integer, char_end integer,
    extractor_version text)"""
ARTICLE_COLS = ("url", "source", "title", "published", "section", "body", "captions", "language",
                "word_count", "content_hash", "scitech", "fetched_at")
METRIC_COLS = ("article_url", "position", "value", "unit", "kind", "subject", "period", "qualifier", "text",
               "char_start", "char_end", "extractor_version")
# Features dropped (in a throwaway database, after migrating) to measure what each costs.
FEATURES = {
    "full-text search (articles.search + its GIN index)": [
        "ALTER TABLE news.articles DROP COLUMN search",
    ],
    "foreign keys (articles -> sources, crawl_runs x3; metrics -> articles)": [
        "ALTER TABLE news.articles DROP CONSTRAINT articles_source_fkey, DROP CONSTRAINT articles_first_seen_run_fkey,"
        " DROP CONSTRAINT articles_last_seen_run_fkey, DROP CONSTRAINT articles_loaded_run_fkey",
        "ALTER TABLE news.metrics DROP CONSTRAINT metrics_article_id_fkey",
    ],
    "analyst indexes (source+published, GIN on search, subject+period_start)": [
        "DROP INDEX news.articles_source_published_idx, news.articles_search_idx, news.metrics_subject_period_idx",
    ],
}


def synthesize(run_dir: Path, n_articles: int, per_article: int, body_words: int,
               changed_every: int = 0) -> int:
    """Write validation/articles.jsonl and metrics.jsonl; return the number of rows.

    changed_every=k > 0: the run of the same articles fetched a day later, every k-th
    with another body (new content hash) and other metric values.
    """
    rng = random.Random(SEED)
    (run_dir / "validation").mkdir(parents=True)
    fetched_at = SECOND_FETCH if changed_every else FIRST_FETCH
    rows = 0
    with open(run_dir / "validation" / "articles.jsonl", "w", encoding="utf-8") as fa, \
            open(run_dir / "validation" / "metrics.jsonl", "w", encoding="utf-8") as fm:
        for i in range(n_articles):
            changed = bool(changed_every) and i % changed_every == 0
            url = f"http://www.ningbolife.com/index.php/ningbo-news/{i}-bench.html"
            title = f"Ningbo bench story {i}: " + " ".join(rng.choices(WORDS, k=6))
            body = " ".join(rng.choices(WORDS, k=body_words)) + "."
            if changed:
                body += " Updated: figures revised."
            fa.write(json.dumps({
                "url": url, "source": "ningbolife", "title": title, "published": "2020-06-01",
                "section": "Ningbo News", "body": body, "captions": [], "language": "en",
                "word_count": len(body.split()), "scitech": True, "fetched_at": fetched_at, "run_id": "bench",
                "content_hash": hashlib.sha256(f"{title}\n{body}".encode()).hexdigest(),
            }) + "\n")
            for p in range(per_article):
                value = round(rng.uniform(1, 1000), 2)
                if changed:
                    value = round(value * 1.1, 2)
                fm.write(json.dumps({
                    "value": value, "unit": rng.choice(UNITS), "kind": rng.choice(KINDS),
                    "subject": rng.choice(WORDS) + " output", "period": rng.choice(("2019", "2020-01..2020-05", None)),
                    "qualifier": rng.choice((None, "approx")), "text": f"{value} units", "article_url": url,
                    "position": p, "char_start": p * 10, "char_end": p * 10 + 8, "run_id": "bench",
                }) + "\n")
            rows += 1 + per_article
    return rows


def csv_buffer(path: Path, cols: tuple[str, ...]) -> io.StringIO:
    """The JSON Lines rows of `path` as CSV (prepared before the raw COPY is timed)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            writer.writerow([json.dumps(row[c]) if c == "captions" else row.get(c) for c in cols])
    buf.seek(0)
    return buf


def raw_copy(url: str, run_dir: Path) -> float:
    """Seconds to COPY the run's rows into plain tables and commit (CSV prepared beforehand)."""
    articles = csv_buffer(run_dir / "validation" / "articles.jsonl", ARTICLE_COLS)
    metrics = csv_buffer(run_dir / "validation" / "metrics.jsonl", METRIC_COLS)
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE SCHEMA bench_raw")
            cur.execute(RAW_ARTICLES)
            cur.execute(RAW_METRICS)
            conn.commit()
            start = time.perf_counter()
            cur.copy_expert(f"COPY bench_raw.articles ({', '.join(ARTICLE_COLS)}) FROM STDIN WITH (FORMAT csv)",
                            articles)
            cur.copy_expert(f"COPY bench_raw.metrics ({', '.join(METRIC_COLS)}) FROM STDIN WITH (FORMAT csv)",
                            metrics)
            conn.commit()
            return time.perf_counter() - start
    finally:
        conn.close()


@contextmanager
def fresh_database(server_url: str, drop: list[str] = ()) -> Iterator[str]:
    """A new database bench_<hex> with schema news migrated (then `drop` run), dropped on exit."""
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
        url = url_with_database(server_url, name)
        upgrade(url)  # schema first: the timed load_run finds nothing to migrate
        if drop:
            conn = psycopg2.connect(url)
            try:
                with conn.cursor() as cur:
                    for statement in drop:
                        cur.execute(statement)
                conn.commit()
            finally:
                conn.close()
        yield url
    finally:
        with admin.cursor() as cur:
            cur.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(pgsql.Identifier(name)))
        admin.close()


def timed_load(run_dir: Path, url: str, run_id: str, steps: dict[str, float] | None = None
               ) -> tuple[float, LoadResult]:
    """Seconds of one load_run call, and its result."""
    start = time.perf_counter()
    result = load_run(run_dir, url, run_id=run_id, timings=steps)
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    p.add_argument("--metrics-per-article", type=int, default=DEFAULT_METRICS_PER_ARTICLE)
    p.add_argument("--body-words", type=int, default=DEFAULT_BODY_WORDS)
    p.add_argument("--database-url", help="admin URL of a server (default: a temporary embedded one)")
    p.add_argument("--no-feature-costs", action="store_true", help="skip the loads without a feature")
    args = p.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    server_url = args.database_url
    embedded = None
    try:
        if server_url is None:
            from warehouse.embedded import start_embedded

            embedded = work / "pg"
            server_url = start_embedded(embedded, cleanup_mode="delete")
        first_dir, second_dir = work / "runs" / "bench-1", work / "runs" / "bench-2"
        rows = synthesize(first_dir, args.articles, args.metrics_per_article, args.body_words)
        synthesize(second_dir, args.articles, args.metrics_per_article, args.body_words, changed_every=CHANGED_EVERY)
        size_mb = sum(f.stat().st_size for f in (first_dir / "validation").iterdir()) / 1e6
        steps: list[dict[str, float]] = [{}, {}, {}]
        with fresh_database(server_url) as url:
            first_s, first = timed_load(first_dir, url, "bench-1", steps[0])
            rerun_s, rerun = timed_load(first_dir, url, "bench-1", steps[1])
            second_s, second = timed_load(second_dir, url, "bench-2", steps[2])
            copy_s = raw_copy(url, first_dir)
        changed = len(range(0, args.articles, CHANGED_EVERY))
        assert first.articles_inserted == args.articles, first
        assert (rerun.articles_unchanged, rerun.metrics_written) == (args.articles, 0), rerun
        assert (second.versions_created, second.articles_unchanged) == (changed, args.articles - changed), second
        assert second.metrics_written == changed * args.metrics_per_article, second

        copy_rate = rows / copy_s
        print(f"{rows} rows ({args.articles} articles + {args.articles * args.metrics_per_article} metrics, "
              f"{args.body_words} words per body, {size_mb:.1f} MB of JSON Lines), one database, one server")
        print(f"raw COPY (plain tables, data columns, no index/key/constraint): {copy_s:7.2f} s "
              f"{copy_rate:9.0f} rows/s")
        loads = (("load_run first load (all new)", first_s),
                 ("load_run rerun of the same run (no-op)", rerun_s),
                 (f"load_run overlapping run, {100 // CHANGED_EVERY}% changed", second_s))
        for label, seconds in loads:
            print(f"{label:<63}: {seconds:7.2f} s {rows / seconds:9.0f} rows/s  "
                  f"{rows / seconds / copy_rate:.2f}x raw COPY")
        ratio = (rows / first_s) / copy_rate
        verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
        print(f"target: first load >= {TARGET_RATIO}x raw COPY: {verdict} ({ratio:.2f}x)")
        print("where the time goes (load_run steps, s):")
        for (label, _), timing in zip(loads, steps):
            print(f"  {label.removeprefix('load_run ')}: "
                  + ", ".join(f"{k} {v:.2f}" for k, v in timing.items() if v >= STEP_SHOWN_S))

        if not args.no_feature_costs:
            print("first load into a fresh database without one feature (dropped after migrating; measured, "
                  "not kept):")
            for feature, drop in FEATURES.items():
                with fresh_database(server_url, drop) as url:
                    seconds, _ = timed_load(first_dir, url, "bench-1")
                print(f"  without {feature:<72}: {seconds:7.2f} s  {rows / seconds / copy_rate:.2f}x raw COPY"
                      f"  (the feature costs {first_s - seconds:5.2f} s)")
        return 0
    finally:
        if embedded is not None:
            from warehouse.embedded import stop_embedded

            stop_embedded(embedded)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
