"""The indicator catalog in the warehouse: news.indicators and metrics.indicator (migration 007).

Where the mapping happens: in the LOADER, not in the transform. The staged METRIC records
stay as the contract says; at load time each distinct (subject, unit, kind, denominator)
of the staged metrics is mapped once by `transforms.indicators` (a pure function) and the
metric rows are inserted with `indicator` and `indicator_rule`. So a catalog edit needs no
reprocess: `sync_catalog` (run by `warehouse.db.upgrade`, hence by `newsetl db upgrade` and
at the start of every load) compares the stored catalog's checksum with the shipped CSV's
and, when they differ, rewrites news.indicators and remaps every stored metric.
"""
from __future__ import annotations

import logging
from typing import Any

from psycopg2.extras import execute_values

from transforms.indicators import Catalog, load_catalog

log = logging.getLogger(__name__)

CATALOG_EXISTS = "SELECT to_regclass('news.indicator_catalog') IS NOT NULL"
STORED_CHECKSUM = "SELECT checksum FROM news.indicator_catalog"
LOAD_LOCK = "SELECT pg_advisory_xact_lock(%s)"
DELETE_INDICATORS = "DELETE FROM news.indicators"
INSERT_INDICATORS = ("INSERT INTO news.indicators (key, label, unit, kind, denominator, patterns, position) "
                     "VALUES %s")
RECORD_CATALOG = """
INSERT INTO news.indicator_catalog (singleton, checksum, indicators, loaded_at, metrics_remapped)
VALUES (true, %(checksum)s, %(indicators)s, now(), %(remapped)s)
ON CONFLICT (singleton) DO UPDATE SET checksum = EXCLUDED.checksum, indicators = EXCLUDED.indicators,
    loaded_at = EXCLUDED.loaded_at, metrics_remapped = EXCLUDED.metrics_remapped
"""
# The map of distinct metric inputs -> indicator; denominator '' stands for NULL so the
# join is a plain equality (hashable).
CREATE_MAP = """
CREATE TEMP TABLE {name} (subject text, unit text, kind text, denominator text,
                          indicator text, indicator_rule text) ON COMMIT DROP
"""
FILL_MAP = "INSERT INTO {name} (subject, unit, kind, denominator, indicator, indicator_rule) VALUES %s"
STORED_INPUTS = "SELECT DISTINCT subject, unit, kind, denominator FROM news.metrics WHERE subject IS NOT NULL"
STAGED_INPUTS = "SELECT DISTINCT subject, unit, kind, denominator FROM _stage_metrics WHERE subject IS NOT NULL"
# Every stored metric whose mapping differs from the catalog's (NULL when it maps to nothing).
REMAP_STORED = """
UPDATE news.metrics m SET indicator = x.indicator, indicator_rule = x.indicator_rule
FROM _indicator_remap x
WHERE m.subject = x.subject AND m.unit = x.unit AND m.kind = x.kind
  AND coalesce(m.denominator, '') = x.denominator
  AND (m.indicator, m.indicator_rule) IS DISTINCT FROM (x.indicator, x.indicator_rule)
"""
CLEAR_SUBJECTLESS = """
UPDATE news.metrics SET indicator = NULL, indicator_rule = NULL
WHERE subject IS NULL AND (indicator IS NOT NULL OR indicator_rule IS NOT NULL)
"""
STAGED_MAP = "_indicator_map"  # read by warehouse.sql.INSERT_CHANGED_METRICS


def _fill_map(cur: Any, name: str, inputs: list[tuple[Any, ...]], catalog: Catalog, mapped_only: bool) -> None:
    cur.execute(CREATE_MAP.format(name=name))
    rows = []
    for subject, unit, kind, denominator in inputs:
        match = catalog.map(subject, unit, kind, denominator)
        if match is None and mapped_only:
            continue
        rows.append((subject, unit, kind, denominator or "",
                     match.key if match else None, match.rule if match else None))
    if rows:
        execute_values(cur, FILL_MAP.format(name=name), rows, page_size=1000)
    cur.execute(f"ANALYZE {name}")


def stage_indicator_map(cur: Any, catalog: Catalog | None = None) -> None:
    """TEMP _indicator_map: each distinct staged (subject, unit, kind, denominator) that maps,
    with its indicator and rule (the staging tables of warehouse.sql must exist)."""
    cur.execute(STAGED_INPUTS)
    _fill_map(cur, STAGED_MAP, cur.fetchall(), catalog or load_catalog(), mapped_only=True)


def sync_catalog(cur: Any, catalog: Catalog | None = None, lock_key: int | None = None) -> dict[str, Any] | None:
    """Make news.indicators the catalog and every stored metric's mapping the catalog's.

    Nothing is written when the stored checksum is the catalog's. Returns {"indicators",
    "metrics_remapped", "changed"}; None on a database without migration 007. `lock_key`:
    an advisory transaction lock to take first (the load lock, so no load runs beside it).
    The caller commits.
    """
    catalog = catalog or load_catalog()
    cur.execute(CATALOG_EXISTS)
    if not cur.fetchone()[0]:
        return None
    unchanged = {"indicators": len(catalog.indicators), "metrics_remapped": 0, "changed": False}
    cur.execute(STORED_CHECKSUM)
    row = cur.fetchone()
    if row is not None and row[0] == catalog.checksum:
        return unchanged  # the usual case: no lock taken, nothing written
    if lock_key is not None:
        cur.execute(LOAD_LOCK, (lock_key,))
        cur.execute(STORED_CHECKSUM)  # a concurrent sync may have done it meanwhile
        row = cur.fetchone()
        if row is not None and row[0] == catalog.checksum:
            return unchanged
    cur.execute(DELETE_INDICATORS)
    execute_values(cur, INSERT_INDICATORS, [
        (i.key, i.label, i.unit, i.kind, i.denominator, list(i.patterns), i.position) for i in catalog.indicators])
    cur.execute(STORED_INPUTS)
    _fill_map(cur, "_indicator_remap", cur.fetchall(), catalog, mapped_only=False)
    cur.execute(REMAP_STORED)
    remapped = cur.rowcount
    cur.execute(CLEAR_SUBJECTLESS)
    remapped += cur.rowcount
    cur.execute("DROP TABLE _indicator_remap")
    cur.execute(RECORD_CATALOG, {"checksum": catalog.checksum, "indicators": len(catalog.indicators),
                                 "remapped": remapped})
    log.info("indicator catalog synced: %d indicators, %d metrics remapped", len(catalog.indicators), remapped)
    return {"indicators": len(catalog.indicators), "metrics_remapped": remapped, "changed": True}


UNMAPPED_SUBJECTS = """
SELECT m.subject, count(*) AS metrics, count(DISTINCT m.article_id) AS articles,
       array_agg(DISTINCT m.unit ORDER BY m.unit) AS units,
       array_agg(DISTINCT m.kind ORDER BY m.kind) AS kinds,
       (array_agg(m.text ORDER BY m.metric_id))[1] AS example,
       count(*) OVER () AS unmapped_subjects
FROM news.metrics m
WHERE m.indicator IS NULL AND m.subject IS NOT NULL
GROUP BY m.subject
ORDER BY count(*) DESC, m.subject
LIMIT %(limit)s
"""


def unmapped_subjects(url: str, limit: int = 50) -> list[dict[str, Any]]:
    """Subjects whose metrics map to no indicator, most frequent first (the first `limit`): subject, metrics,
    articles, units, kinds, example (the first such metric's text), and unmapped_subjects (how many
    there are in all, the same on every row)."""
    from warehouse.db import connect

    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(CATALOG_EXISTS)
            if not cur.fetchone()[0]:
                raise RuntimeError("the warehouse has no indicator catalog (migration 007): "
                                   "run `newsetl db upgrade`")
            cur.execute(UNMAPPED_SUBJECTS, {"limit": limit})
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        conn.close()
