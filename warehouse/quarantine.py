"""On-call's view of, and decisions on, quarantined article pages (migration 006).

`quarantined` lists each quarantined article URL with its state (news.v_quarantined_urls);
`release` and `accept` act on URLs whose state is "quarantined" and write one
news.quarantine_audit row per URL in the same transaction as the change:

- release: the audit row alone is the change: the incremental crawl's seen-set
  (`warehouse.queries.stored_article_urls`) leaves released URLs out, so the next crawl
  refetches them.
- accept: a record the quarantine keeps whole (stage validate, table articles: the staged
  article as validation saw it) is loaded into news.articles as the loader would load it
  (new, a new version of a stored article, or stale when the stored content is newer),
  with the metrics that were quarantined only because their article was
  (`article_quarantined`, `article_not_loaded`); a page the quarantine keeps only in part
  (stage transform: the page head and the error, no article) is marked accepted and stays
  in the seen-set, so it is not fetched nor alerted on again. A kept article whose content the warehouse
  already holds under another URL of its source (the loader's duplicate rule) is not inserted a second
  time: it is marked accepted as a duplicate of that URL, its metrics not loaded.

A URL that is not quarantined now (never quarantined, or already released/accepted), or
whose record cannot be loaded, refuses the whole command (QuarantineRefused): nothing changes.
Every function takes the warehouse DSN.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg2
from psycopg2.extras import Json

from warehouse import indicators, sql, stories
from warehouse.db import connect

AUDIT_MIGRATION = 6  # news.quarantine_audit and news.v_quarantined_urls exist from this version on
ACCEPT_MIGRATION = 7  # accept loads metrics, with their indicator columns (migration 007)
STATES = ("quarantined", "released", "accepted")
FOLLOWER_REASONS = ["article_quarantined", "article_not_loaded"]  # metrics quarantined only for their article

LIST = """
SELECT url, source, run_id, stage, reasons, quarantined_at, state, acted_by, acted_at, note
FROM news.v_quarantined_urls
WHERE (%(source)s::text IS NULL OR source = %(source)s)
  AND (%(state)s::text IS NULL OR state = %(state)s)
ORDER BY quarantined_at DESC, url
LIMIT %(limit)s
"""
COUNT = """
SELECT count(*) FROM news.v_quarantined_urls
WHERE (%(source)s::text IS NULL OR source = %(source)s)
  AND (%(state)s::text IS NULL OR state = %(state)s)
"""
# The URLs asked for, locked against a concurrent decision on the same URLs.
LOCK_URLS = "SELECT pg_advisory_xact_lock(hashtextextended(u, 0)) FROM unnest(%(urls)s::text[]) AS u ORDER BY u"
CURRENT = """
SELECT v.url, v.source, v.run_id, v.stage, v.table_name, v.quarantine_id, v.state, v.acted_by, v.acted_at,
       EXISTS (SELECT 1 FROM news.articles a WHERE a.url = v.url) AS stored
FROM news.v_quarantined_urls v
WHERE v.url = ANY(%(urls)s)
"""
AUDIT = """
INSERT INTO news.quarantine_audit (action, url, source, run_id, quarantine_id, acted_by, note, outcome)
VALUES (%(action)s, %(url)s, %(source)s, %(run_id)s, %(quarantine_id)s, %(by)s, %(note)s, %(outcome)s)
RETURNING audit_id, acted_at
"""
# The quarantined article record -> the loader's staging tables (warehouse.sql.CREATE_STAGE_TABLES).
STAGE_ARTICLE = """
INSERT INTO _stage_articles (n, url, source, title, published, section, body, captions, language,
                             word_count, content_hash, scitech, fetched_at, story_print)
SELECT 1, q.record_key, coalesce(r->>'source', q.source), r->>'title', nullif(r->>'published', '')::date,
       r->>'section', r->>'body', CASE WHEN jsonb_typeof(r->'captions') = 'array' THEN r->'captions' ELSE '[]' END,
       r->>'language', (r->>'word_count')::numeric, r->>'content_hash', (r->>'scitech')::boolean,
       (r->>'fetched_at')::timestamptz, (r->'story_print')::text
FROM news.quarantine q, LATERAL (SELECT q.record AS r) x
WHERE q.quarantine_id = %(quarantine_id)s
"""
STAGE_METRICS = """
INSERT INTO _stage_metrics (n, article_url, position, value, unit, kind, subject, period, qualifier, text,
                            char_start, char_end, extractor_version, denominator, place, modality)
SELECT DISTINCT ON ((r->>'position')::integer)
       q.quarantine_id, r->>'article_url', (r->>'position')::integer, (r->>'value')::numeric, r->>'unit',
       r->>'kind', r->>'subject', r->>'period', r->>'qualifier', r->>'text', (r->>'char_start')::integer,
       (r->>'char_end')::integer, r->>'extractor_version', r->>'denominator', r->>'place', r->>'modality'
FROM news.quarantine q, LATERAL (SELECT q.record AS r) x
WHERE q.run_id = %(run_id)s AND q.table_name = 'metrics' AND jsonb_typeof(q.record) = 'object'
  AND r->>'article_url' = %(url)s AND q.reasons <@ %(followers)s::jsonb
ORDER BY (r->>'position')::integer, q.stage DESC
"""
METRICS_LEFT = """
SELECT count(*) FROM news.quarantine q
WHERE q.run_id = %(run_id)s AND q.table_name = 'metrics' AND q.record->>'article_url' = %(url)s
  AND NOT q.reasons <@ %(followers)s::jsonb
"""
RESET_STAGE = ("TRUNCATE _stage_articles, _stage_metrics; "
               "DROP TABLE IF EXISTS _stage_sets, _classified, _indicator_map")
CLASSIFIED = "SELECT c.action, c.article_id, c.metrics FROM _classified c"


class QuarantineRefused(RuntimeError):
    """release/accept of a URL that is not quarantined now, or whose record cannot be loaded."""


def audit_available(url: str) -> bool:
    """True when the warehouse has migration 006 (the audit table and the state view)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.AUDIT_EXISTS)
            return bool(cur.fetchone()[0])
    finally:
        conn.close()


def quarantined(url: str, source: str | None = None, state: str | None = None,
                limit: int = 50) -> list[dict[str, Any]]:
    """Quarantined article URLs, newest quarantine first: source, reasons, run id, when, state
    (and who decided, when, with what note, for released and accepted ones)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(LIST, {"source": source, "state": state, "limit": limit})
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        conn.close()


def quarantined_count(url: str, source: str | None = None, state: str | None = None) -> int:
    """How many URLs `quarantined` lists without a limit (a cut list says how many it left out)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(COUNT, {"source": source, "state": state})
            return int(cur.fetchone()[0])
    finally:
        conn.close()


def release(url: str, urls: Sequence[str], by: str, note: str | None = None) -> list[dict[str, Any]]:
    """Release quarantined URLs: the next incremental crawl fetches them again."""
    return _decide(url, "release", urls, by, note)


def accept(url: str, urls: Sequence[str], by: str, note: str | None = None) -> list[dict[str, Any]]:
    """Accept quarantined URLs: load the kept article (and its follower metrics), else mark it."""
    return _decide(url, "accept", urls, by, note)


def _other_scheme(url: str) -> str:
    """The URL with http and https swapped (the sites are stored under the scheme they were crawled
    with: an https:// copy from a browser named no quarantined URL)."""
    for a, b in (("http://", "https://"), ("https://", "http://")):
        if url.startswith(a):
            return b + url[len(a):]
    return url


def _decide(url: str, action: str, urls: Sequence[str], by: str, note: str | None) -> list[dict[str, Any]]:
    given = list(dict.fromkeys(urls))  # in the order given, once each
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.ADVISORY_XACT_LOCK, (sql.LOAD_LOCK_KEY,))  # not beside a load
            candidates = list(dict.fromkeys([*given, *map(_other_scheme, given)]))
            cur.execute(LOCK_URLS, {"urls": candidates})
            cur.execute(CURRENT, {"urls": candidates})
            names = [d[0] for d in cur.description]
            found = {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}
            # a URL as given, else its other scheme when only that is in the quarantine
            wanted = list(dict.fromkeys(u if u in found or _other_scheme(u) not in found else _other_scheme(u)
                                        for u in given))
            _refuse_unless_quarantined(wanted, found)
            if action == "accept" and any(_kept_whole(found[u]) for u in wanted):
                cur.execute(sql.CREATE_STAGE_TABLES)
            results = []
            for one in wanted:
                row = found[one]
                outcome = _accept(cur, row) if action == "accept" else {"refetch": not row["stored"]}
                cur.execute(AUDIT, {"action": action, "url": one, "source": row["source"], "run_id": row["run_id"],
                                    "quarantine_id": row["quarantine_id"], "by": by, "note": note,
                                    "outcome": Json(outcome)})
                audit_id, acted_at = cur.fetchone()
                results.append({"url": one, "action": action, "source": row["source"], "run_id": row["run_id"],
                                "stage": row["stage"], "audit_id": audit_id, "by": by, "at": acted_at,
                                "note": note, **outcome})
        conn.commit()
        return results
    except BaseException:
        if not conn.closed:
            conn.rollback()
        raise
    finally:
        conn.close()


def _refuse_unless_quarantined(wanted: list[str], found: dict[str, dict[str, Any]]) -> None:
    problems = []
    for one in wanted:
        row = found.get(one)
        if row is None:
            problems.append(f"{one} is not in the quarantine")
        elif row["state"] != "quarantined":
            problems.append(f"{one} is already {row['state']} (by {row['acted_by']} at "
                            f"{row['acted_at'].isoformat(timespec='seconds')})")
    if problems:
        raise QuarantineRefused("; ".join(problems) + "; nothing changed")


def _kept_whole(row: dict[str, Any]) -> bool:
    """The quarantine keeps the whole staged article (validation quarantined it)."""
    return row["stage"] == "validate" and row["table_name"] == "articles"


def _accept(cur: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Load one quarantined article with the loader's own statements; or say why it is only marked."""
    if not _kept_whole(row):
        return {"loaded": False, "why": f"stage {row['stage']} keeps no article record (only the page head "
                                        f"and the error): marked accepted, not fetched again"}
    params = {"run_id": row["run_id"], "url": row["url"], "followers": Json(FOLLOWER_REASONS)}
    cur.execute(RESET_STAGE)
    try:
        cur.execute(STAGE_ARTICLE, {"quarantine_id": row["quarantine_id"]})
        cur.execute(STAGE_METRICS, params)
        # the same article stored under another URL of its source: not a second row (as the load decides)
        cur.execute(sql.DROP_STORED_DUPLICATES)
        duplicate = cur.fetchone()
        cur.execute("DROP TABLE _stored_duplicates")  # (ON COMMIT DROP: another accept may follow)
        if duplicate is not None:
            return {"loaded": False, "article": "duplicate", "duplicate_of": duplicate[2],
                    "why": "its content is stored under another URL of its source: not stored again"}
        cur.execute(sql.STAGE_METRIC_SETS)
        cur.execute(sql.INSERT_UNKNOWN_SOURCES)
        cur.execute(sql.CLASSIFY_ARTICLES)
        cur.execute(sql.RECORD_ARTICLE_VERSIONS, params)
        cur.execute(sql.UPSERT_ARTICLES, params)
        cur.execute(sql.TOUCH_UNCHANGED_ARTICLES, params)
        cur.execute(sql.DELETE_CHANGED_METRICS)
        indicators.stage_indicator_map(cur)
        cur.execute(sql.INSERT_CHANGED_METRICS, params)
        written = cur.rowcount
        # the accepted article joins its story as a loaded one would, with the print its record
        # staged (a record quarantined before prints were staged has none: computed here, counted)
        told = stories.assign_stories(cur)
    except (psycopg2.DataError, psycopg2.IntegrityError) as exc:
        reason = (exc.pgerror or str(exc)).strip().splitlines()[0]
        raise QuarantineRefused(f"{row['url']}: its quarantined record cannot be loaded as an article "
                                f"({reason}); nothing changed") from exc
    cur.execute(CLASSIFIED)
    action, article_id, metrics = cur.fetchone()
    cur.execute(METRICS_LEFT, params)
    left = int(cur.fetchone()[0])
    return {"loaded": action != "stale", "article": action, "article_id": article_id,
            "metrics_loaded": int(metrics) if action != "stale" else 0, "metrics_written": written,
            "metrics_left_quarantined": left, "stories_computed": told.computed}
