"""Benchmark warehouse.load.load_run against a raw COPY of the same rows.

Writes a synthetic validated run dir (N articles, N*M metrics), loads it into a fresh
database with load_run (COPY into TEMP staging + upsert, one transaction, indexes and
constraints of schema news), then COPYs the same rows, pre-rendered as CSV, into plain
tables without keys or indexes in the same database. Prints rows/s of both and the ratio.

    .venv/bin/python scripts/bench_load.py                   # 20k articles, 200k metrics, embedded Postgres
    .venv/bin/python scripts/bench_load.py --articles 500 --database-url postgresql://...

The database URL is an admin URL: a database bench_<hex> is created on that server and
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
from pathlib import Path

import psycopg2
from psycopg2 import sql as pgsql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.db import upgrade, url_with_database  # noqa: E402
from warehouse.load import load_run  # noqa: E402

DEFAULT_ARTICLES = 20_000
DEFAULT_METRICS_PER_ARTICLE = 10
DEFAULT_BODY_WORDS = 400
TARGET_RATIO = 0.6
SEED = 20191118
WORDS = ("ningbo innovation science technology city enterprises research development industrial "
         "high-tech investment growth province billion yuan percent port manufacturing talent "
         "university laboratory platform expo robot intelligent digital economy export").split()
UNITS = ("percent", "CNY", "count", "times", "USD", "km2", "tonnes")
KINDS = ("level", "change", "share")
RAW_ARTICLES = """CREATE TABLE bench_raw.articles (url text, source text, title text, published date,
    section text, body text, captions jsonb, language text, word_count integer, content_hash text,
    fetched_at timestamptz)"""
RAW_METRICS = """CREATE TABLE bench_raw.metrics (article_url text, position integer, value numeric, unit text,
    kind text, subject text, period text, qualifier text, text text, char_start integer, char_end integer)"""
# The same expression as news.articles.search: what full-text indexing costs on its own.
FTS_COST = """SELECT sum(length(setweight(to_tsvector('english', coalesce(title, '')), 'A')
                     || setweight(to_tsvector('english', body), 'B'))) FROM news.articles"""
ARTICLE_COLS = ("url", "source", "title", "published", "section", "body", "captions", "language",
                "word_count", "content_hash", "fetched_at")
METRIC_COLS = ("article_url", "position", "value", "unit", "kind", "subject", "period", "qualifier", "text",
               "char_start", "char_end")


def synthesize(run_dir: Path, n_articles: int, per_article: int, body_words: int) -> int:
    """Write validation/articles.jsonl and metrics.jsonl; return the number of rows."""
    rng = random.Random(SEED)
    (run_dir / "validation").mkdir(parents=True)
    rows = 0
    with open(run_dir / "validation" / "articles.jsonl", "w", encoding="utf-8") as fa, \
            open(run_dir / "validation" / "metrics.jsonl", "w", encoding="utf-8") as fm:
        for i in range(n_articles):
            url = f"http://www.ningbolife.com/index.php/ningbo-news/{i}-bench.html"
            title = f"Ningbo bench story {i}: " + " ".join(rng.choices(WORDS, k=6))
            body = " ".join(rng.choices(WORDS, k=body_words)) + "."
            fa.write(json.dumps({
                "url": url, "source": "ningbolife", "title": title, "published": "2020-06-01",
                "section": "Ningbo News", "body": body, "captions": [], "language": "en",
                "word_count": body_words, "fetched_at": "2026-11-20T08:00:00+00:00", "run_id": "bench",
                "content_hash": hashlib.sha256(f"{title}\n{body}".encode()).hexdigest(),
            }) + "\n")
            for p in range(per_article):
                value = round(rng.uniform(1, 1000), 2)
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
    """Seconds to COPY the run's rows into plain tables (CSV prepared beforehand)."""
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


def timed_query(url: str, statement: str) -> float:
    """Seconds one query takes."""
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            start = time.perf_counter()
            cur.execute(statement)
            cur.fetchall()
            return time.perf_counter() - start
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    p.add_argument("--metrics-per-article", type=int, default=DEFAULT_METRICS_PER_ARTICLE)
    p.add_argument("--body-words", type=int, default=DEFAULT_BODY_WORDS)
    p.add_argument("--database-url", help="admin URL of a server (default: a temporary embedded one)")
    args = p.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    server_url = args.database_url
    embedded = None
    try:
        if server_url is None:
            from warehouse.embedded import start_embedded

            embedded = work / "pg"
            server_url = start_embedded(embedded, cleanup_mode="delete")
        run_dir = work / "runs" / "bench"
        rows = synthesize(run_dir, args.articles, args.metrics_per_article, args.body_words)
        size_mb = sum(f.stat().st_size for f in (run_dir / "validation").iterdir()) / 1e6
        name = f"bench_{uuid.uuid4().hex[:12]}"
        admin = psycopg2.connect(server_url)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
        try:
            url = url_with_database(server_url, name)
            upgrade(url)  # schema first: the timed load_run finds nothing to migrate
            start = time.perf_counter()
            result = load_run(run_dir, url)
            load_s = time.perf_counter() - start
            start = time.perf_counter()
            load_run(run_dir, url)
            rerun_s = time.perf_counter() - start
            copy_s = raw_copy(url, run_dir)
            fts_s = timed_query(url, FTS_COST)
        finally:
            with admin.cursor() as cur:
                cur.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(pgsql.Identifier(name)))
            admin.close()
        assert result.articles_inserted == args.articles, result
        ratio = (rows / load_s) / (rows / copy_s)
        print(f"{rows} rows ({args.articles} articles + {args.articles * args.metrics_per_article} metrics, "
              f"{args.body_words} words per body, {size_mb:.1f} MB of JSON Lines)")
        print(f"load_run (first load)  : {load_s:7.2f} s  {rows / load_s:10.0f} rows/s")
        print(f"load_run (rerun, no-op): {rerun_s:7.2f} s  {rows / rerun_s:10.0f} rows/s")
        print(f"raw COPY (plain tables): {copy_s:7.2f} s  {rows / copy_s:10.0f} rows/s")
        print(f"ratio load/raw COPY    : {ratio:.2f}x (target >= {TARGET_RATIO}x)")
        print(f"of the first load, to_tsvector of titles+bodies (news.articles.search) alone: {fts_s:.2f} s")
        return 0
    finally:
        if embedded is not None:
            from warehouse.embedded import stop_embedded

            stop_embedded(embedded)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
