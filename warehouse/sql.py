"""SQL statements of the warehouse package (migration ledger, loader, summary queries).

Every value travels as a bound parameter (%(name)s); identifiers are fixed here. The
schema itself lives in migrations/NNN_name.sql.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- migrations
# Advisory lock keys (pg_advisory_xact_lock(bigint)): "newsetl" migrations / loads.
MIGRATION_LOCK_KEY = 0x6E657773_00000001
LOAD_LOCK_KEY = 0x6E657773_00000002

ADVISORY_XACT_LOCK = "SELECT pg_advisory_xact_lock(%s)"

LEDGER_EXISTS = "SELECT to_regclass('news.schema_migrations') IS NOT NULL"

BOOTSTRAP_LEDGER = """
CREATE SCHEMA IF NOT EXISTS news;
CREATE TABLE IF NOT EXISTS news.schema_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    checksum    text NOT NULL
);
COMMENT ON TABLE news.schema_migrations IS 'Applied warehouse/migrations/NNN_name.sql files (forward-only; sha256 checksums).';
"""

APPLIED_MIGRATIONS = "SELECT version, name, checksum FROM news.schema_migrations ORDER BY version"

RECORD_MIGRATION = (
    "INSERT INTO news.schema_migrations (version, name, checksum) VALUES (%(version)s, %(name)s, %(checksum)s)"
)

CURRENT_VERSION = "SELECT coalesce(max(version), 0) FROM news.schema_migrations"

CAN_MANAGE_ROLES = "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"

ROLE_EXISTS = "SELECT 1 FROM pg_roles WHERE rolname = %s"

# ALTER ROLE takes no server-side parameters: built with psycopg2.sql (Identifier + Literal).
ALTER_ROLE_LOGIN_PASSWORD = "ALTER ROLE {role} WITH LOGIN PASSWORD {password}"

# --------------------------------------------------------------------------- loader: staging
# temp_buffers must be set before the session's first temp table: keep staging in memory.
# the session's limit per statement (warehouse.db.connect; NEWSETL_DB_STATEMENT_TIMEOUT)
SET_STATEMENT_TIMEOUT = "SET statement_timeout = %s"
LOAD_SESSION_SETTINGS = "SET LOCAL work_mem = '64MB'; SET LOCAL temp_buffers = '256MB'"

# Typed TEMP staging tables, filled by COPY from rows the client parsed (warehouse.copyrows;
# column order = copyrows.ARTICLE_COLUMNS / METRIC_COLUMNS / ORPHAN_COLUMNS). n is the line
# number in the file. _stage_metrics holds only metrics whose article is in the file; the
# others (orphans) keep their raw line for the quarantine record. Quarantine and reject
# files are small and copied as raw JSON lines (CSV with control-character quote and
# delimiter: a JSON line never contains raw 0x01/0x02) and parsed in SQL.
CREATE_STAGE_TABLES = """
CREATE TEMP TABLE _stage_articles (
    n bigint, url text, source text, title text, published date, section text, body text, captions jsonb,
    language text, word_count numeric, content_hash text, scitech boolean, fetched_at timestamptz,
    story_print text  -- the staged story print, raw JSON (transforms.stories): read back by warehouse.stories
) ON COMMIT DROP;
-- Staged bodies uncompressed: only new and changed ones are compressed, once, into news.articles.
ALTER TABLE _stage_articles ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TEMP TABLE _stage_metrics (
    n bigint, article_url text, position integer, value numeric, unit text, kind text, subject text,
    period text, qualifier text, text text, char_start integer, char_end integer, extractor_version text,
    denominator text, place text, modality text
) ON COMMIT DROP;
CREATE TEMP TABLE _orphan_metrics (n bigint, article_url text, position integer, line text) ON COMMIT DROP;
CREATE TEMP TABLE _lines_quarantine (n bigint GENERATED ALWAYS AS IDENTITY, line text) ON COMMIT DROP;
CREATE TEMP TABLE _lines_rejects    (n bigint GENERATED ALWAYS AS IDENTITY, line text) ON COMMIT DROP;
"""

COPY_STAGE = {
    "articles": "COPY _stage_articles (n, url, source, title, published, section, body, captions, language, "
                "word_count, content_hash, scitech, fetched_at, story_print) FROM STDIN",
    "metrics": "COPY _stage_metrics (n, article_url, position, value, unit, kind, subject, period, qualifier, "
               "text, char_start, char_end, extractor_version, denominator, place, modality) FROM STDIN",
    "orphans": "COPY _orphan_metrics (n, article_url, position, line) FROM STDIN",
}
COPY_LINES = {
    name: f"COPY _lines_{name} (line) FROM STDIN WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')"
    for name in ("quarantine", "rejects")
}

# Only run when the client saw a key twice in a file: the last line wins.
DEDUPLICATE_ARTICLES = """
DELETE FROM _stage_articles s USING _stage_articles t WHERE t.url = s.url AND t.n > s.n
"""
DEDUPLICATE_METRICS = """
DELETE FROM _stage_metrics s USING _stage_metrics t
WHERE t.article_url = s.article_url AND t.position = s.position AND t.n > s.n
"""

# A new URL of a source whose content (content_hash: title and body) is the current content of an
# article the warehouse holds under another URL of that source (Joomla serves an article under each
# of its category paths, Hanweb JCMS in several columns): the same article, not a new one. It is not
# inserted (no second row with the same content), its metrics go with it, and the load names it as a
# duplicate of the stored URL (the shortest, then first, when several hold that content). A stored
# article staged again in this run is not matched: its staged content is what it is about to hold.
DROP_STORED_DUPLICATES = """
CREATE TEMP TABLE _stored_duplicates ON COMMIT DROP AS
SELECT DISTINCT ON (s.url) s.url, s.source, a.url AS duplicate_of
FROM _stage_articles s
JOIN news.articles a ON a.source = s.source AND a.content_hash = s.content_hash
WHERE NOT EXISTS (SELECT 1 FROM news.articles x WHERE x.url = s.url)
  AND NOT EXISTS (SELECT 1 FROM _stage_articles t WHERE t.url = a.url)
ORDER BY s.url, length(a.url), a.url;
DELETE FROM _stage_metrics m USING _stored_duplicates d WHERE m.article_url = d.url;
DELETE FROM _stage_articles s USING _stored_duplicates d WHERE s.url = d.url;
SELECT url, source, duplicate_of FROM _stored_duplicates ORDER BY source, duplicate_of, url
"""

# The metric set of each staged article, hashed as migration 004 defines articles.metrics_hash
# (a row staged before modality existed is 'actual', as the column default loads it).
EMPTY_SET_HASH = "md5('')"
METRIC_SET_HASH = """md5(string_agg(news.metric_row_text(position, value, unit, kind, subject, period, qualifier,
                                                   text, char_start, char_end, extractor_version,
                                                   denominator, place, coalesce(modality, 'actual')),
                      E'\\n' ORDER BY position))"""
STAGE_METRIC_SETS = f"""
CREATE TEMP TABLE _stage_sets ON COMMIT DROP AS
SELECT article_url, count(*) AS metrics, {METRIC_SET_HASH} AS metrics_hash
FROM _stage_metrics
GROUP BY article_url;
ANALYZE _stage_articles (url);
ANALYZE _stage_sets;
"""

# text -> jsonb; Postgres text cannot hold NUL, so JSON "\u0000" escapes (not "\\u0000") are dropped.
_JSON = r"""(CASE WHEN strpos(line, '\u0000') > 0
      THEN regexp_replace(line, '(?<!\\)((?:\\\\)*)\\u0000', '\1', 'g') ELSE line END)::jsonb"""
_NONBLANK = "line IS NOT NULL AND btrim(line) <> ''"
# "reasons" as a JSON array whatever the writer gave (array, one string, nothing).
_REASONS = """CASE WHEN jsonb_typeof(j->'reasons') = 'array' THEN j->'reasons'
            WHEN coalesce(jsonb_typeof(j->'reasons'), 'null') = 'null' THEN '[]'::jsonb
            ELSE jsonb_build_array(j->'reasons') END"""

# Quarantine rows of this run: validation quarantine, transform rejects, and accepted
# metrics whose article is not among this run's accepted articles (stage 'load').
ORPHAN_REASON = "article_not_loaded"
STAGE_QUARANTINE = f"""
CREATE TEMP TABLE _stage_quarantine ON COMMIT DROP AS
WITH v AS MATERIALIZED (SELECT n, {_JSON} AS j FROM _lines_quarantine WHERE {_NONBLANK}),
     r AS MATERIALIZED (SELECT n, {_JSON} AS j FROM _lines_rejects WHERE {_NONBLANK})
SELECT 1 AS file, n,
       coalesce(j->>'stage', 'validate') AS stage,
       coalesce(j->>'table', 'unknown') AS table_name,
       coalesce(CASE jsonb_typeof(j->'key') WHEN 'string' THEN j->>'key' WHEN 'null' THEN NULL
                     ELSE (j->'key')::text END,
                j->'record'->>'url', (j->'record'->>'article_url') || '#' || (j->'record'->>'position'),
                md5(coalesce(j->'record', j)::text)) AS record_key,
       coalesce(j->>'source', j->'record'->>'source') AS source,
       {_REASONS} AS reasons,
       j->'record' AS record
FROM v
UNION ALL
SELECT 2, n,
       coalesce(j->>'stage', 'transform'),
       'pages',
       coalesce(j->>'url', j->'record'->>'url', md5(coalesce(j->'record', j)::text)),
       coalesce(j->>'source', j->'record'->>'source'),
       {_REASONS},
       j->'record'
FROM r
UNION ALL
SELECT 3, n, 'load', 'metrics', coalesce(article_url, '') || '#' || coalesce(position::text, ''), NULL,
       jsonb_build_array(%(orphan_reason)s::text), {_JSON}
FROM _orphan_metrics;

-- Source of rows that do not name one: their article (quarantined beside them, or known).
UPDATE _stage_quarantine q SET source = k.source
FROM (SELECT DISTINCT ON (url) url, source
      FROM (SELECT record->>'url' AS url, source, 0 AS pref FROM _stage_quarantine WHERE source IS NOT NULL
            UNION ALL SELECT url, source, 1 FROM _stage_articles
                      WHERE url IN (SELECT record->>'article_url' FROM _stage_quarantine WHERE source IS NULL)
            UNION ALL SELECT url, source, 2 FROM news.articles
                      WHERE url IN (SELECT record->>'article_url' FROM _stage_quarantine WHERE source IS NULL)) u
      WHERE url IS NOT NULL
      ORDER BY url, pref) k
WHERE q.source IS NULL AND k.url = q.record->>'article_url';

-- One row per (stage, table, key): reasons merged, the first record kept.
CREATE TEMP TABLE _quarantine_final ON COMMIT DROP AS
SELECT q.stage, q.table_name, q.record_key,
       (array_agg(q.source ORDER BY q.file, q.n) FILTER (WHERE q.source IS NOT NULL))[1] AS source,
       coalesce(jsonb_agg(DISTINCT x.reason ORDER BY x.reason) FILTER (WHERE x.reason IS NOT NULL),
                '[]'::jsonb) AS reasons,
       (array_agg(q.record ORDER BY q.file, q.n))[1] AS record
FROM _stage_quarantine q
LEFT JOIN LATERAL jsonb_array_elements(q.reasons) AS x(reason) ON true
GROUP BY q.stage, q.table_name, q.record_key;
"""

STAGED_COUNTS = """
SELECT (SELECT count(*) FROM _stage_articles),
       (SELECT coalesce(sum(metrics), 0)::bigint FROM _stage_sets),
       (SELECT count(*) FROM _quarantine_final),
       (SELECT count(*) FROM _stage_quarantine WHERE file = 2),
       (SELECT min(fetched_at) FROM _stage_articles),
       (SELECT max(fetched_at) FROM _stage_articles)
"""

# --------------------------------------------------------------------------- loader: runs, sources
UPSERT_RUN = """
INSERT INTO news.crawl_runs AS r (run_id, dag_run_id, started_at, finished_at, status, counts, crawl_report)
VALUES (%(run_id)s, %(dag_run_id)s, %(started_at)s, %(finished_at)s, 'loading', %(counts)s, %(crawl_report)s)
ON CONFLICT (run_id) DO UPDATE SET
    dag_run_id = coalesce(EXCLUDED.dag_run_id, r.dag_run_id),
    started_at = EXCLUDED.started_at,
    finished_at = EXCLUDED.finished_at,
    counts = EXCLUDED.counts,
    crawl_report = EXCLUDED.crawl_report
WHERE (r.dag_run_id, r.started_at, r.finished_at, r.counts, r.crawl_report)
      IS DISTINCT FROM (coalesce(EXCLUDED.dag_run_id, r.dag_run_id), EXCLUDED.started_at,
                        EXCLUDED.finished_at, EXCLUDED.counts, EXCLUDED.crawl_report)
"""

FINISH_RUN = """
UPDATE news.crawl_runs SET status = %(status)s, load_result = %(load_result)s, loaded_at = now()
WHERE run_id = %(run_id)s
"""

UPSERT_SOURCE = """
INSERT INTO news.sources AS s (name, site, template, base_url)
VALUES (%(name)s, %(site)s, %(template)s, %(base_url)s)
ON CONFLICT (name) DO UPDATE SET site = EXCLUDED.site, template = EXCLUDED.template, base_url = EXCLUDED.base_url
WHERE (s.site, s.template, s.base_url) IS DISTINCT FROM (EXCLUDED.site, EXCLUDED.template, EXCLUDED.base_url)
"""

# Sources not in seeds/sources.yml get a bare row so the foreign key holds.
INSERT_UNKNOWN_SOURCES = """
INSERT INTO news.sources (name)
SELECT DISTINCT source FROM _stage_articles WHERE source IS NOT NULL
ON CONFLICT (name) DO NOTHING
"""

# --------------------------------------------------------------------------- loader: articles
# One pass over the staged articles decides, per URL:
#   action  inserted: new URL; unchanged: same content and fields; stale: another content
#           fetched earlier than the stored one (an old run reloaded after a newer one);
#           versioned: new content_hash (the old content goes to article_versions);
#           updated: same hash, other fields changed (e.g. a transform fix). fetched_at
#           alone does not make a change.
#   metrics_changed  the staged metric set's hash differs from articles.metrics_hash (never
#           for stale articles): only those sets are rewritten.
CLASSIFY_ARTICLES = f"""
CREATE TEMP TABLE _classified ON COMMIT DROP AS
SELECT url, article_id, action, metrics, metrics_hash,
       action <> 'stale' AND stored_hash IS DISTINCT FROM metrics_hash AS metrics_changed
FROM (
    SELECT s.url, a.article_id, a.metrics_hash AS stored_hash,
           coalesce(h.metrics, 0) AS metrics, coalesce(h.metrics_hash, {EMPTY_SET_HASH}) AS metrics_hash,
           CASE WHEN a.article_id IS NULL THEN 'inserted'
                WHEN (s.source, s.title, s.published, s.section, s.body, s.captions, s.language,
                      s.word_count::integer, s.content_hash, s.scitech)
                     IS NOT DISTINCT FROM
                     (a.source, a.title, a.published, a.section, a.body, a.captions, a.language,
                      a.word_count, a.content_hash, a.scitech) THEN 'unchanged'
                WHEN s.fetched_at < a.fetched_at THEN 'stale'
                WHEN s.content_hash <> a.content_hash THEN 'versioned'
                ELSE 'updated'
           END AS action
    FROM _stage_articles s
    LEFT JOIN _stage_sets h ON h.article_url = s.url
    LEFT JOIN news.articles a ON a.url = s.url
) c;
ANALYZE _classified;
"""

# action, articles, metrics staged for them
ARTICLE_ACTION_COUNTS = "SELECT action, count(*), sum(metrics) FROM _classified GROUP BY action"

RECORD_ARTICLE_VERSIONS = """
INSERT INTO news.article_versions
    (article_id, version, content_hash, title, body, published, fetched_at, valid_from_run, superseded_by_run)
SELECT a.article_id, coalesce(v.last_version, 0) + 1, a.content_hash, a.title, a.body, a.published,
       a.fetched_at, a.loaded_run, %(run_id)s
FROM _classified c
JOIN news.articles a ON a.article_id = c.article_id
LEFT JOIN LATERAL (SELECT max(version) AS last_version FROM news.article_versions x
                   WHERE x.article_id = a.article_id) v ON true
WHERE c.action = 'versioned'
"""

# New and changed articles; article_ids of new rows in URL order. The ids of new rows go
# back into _classified for the metrics insert.
UPSERT_ARTICLES = """
WITH up AS (
    INSERT INTO news.articles AS a
        (url, source, title, published, section, body, captions, language, word_count,
         content_hash, scitech, fetched_at, first_seen_run, last_seen_run, loaded_run, metrics_hash)
    SELECT s.url, s.source, s.title, s.published, s.section, s.body, s.captions, s.language,
           s.word_count, s.content_hash, s.scitech, s.fetched_at, %(run_id)s, %(run_id)s, %(run_id)s,
           c.metrics_hash
    FROM _stage_articles s
    JOIN _classified c ON c.url = s.url
    WHERE c.action IN ('inserted', 'versioned', 'updated')
    ORDER BY s.url
    ON CONFLICT (url) DO UPDATE SET
        source = EXCLUDED.source, title = EXCLUDED.title, published = EXCLUDED.published,
        section = EXCLUDED.section, body = EXCLUDED.body, captions = EXCLUDED.captions,
        language = EXCLUDED.language, word_count = EXCLUDED.word_count,
        content_hash = EXCLUDED.content_hash, scitech = EXCLUDED.scitech,
        fetched_at = EXCLUDED.fetched_at, last_seen_run = EXCLUDED.last_seen_run,
        loaded_run = EXCLUDED.loaded_run, metrics_hash = EXCLUDED.metrics_hash, updated_at = now()
    RETURNING a.url, a.article_id
)
UPDATE _classified c SET article_id = up.article_id FROM up
WHERE c.url = up.url AND c.article_id IS NULL
"""

# Unchanged articles: the run saw them (bookkeeping), and a changed metric set gets its hash.
TOUCH_UNCHANGED_ARTICLES = """
UPDATE news.articles a SET last_seen_run = %(run_id)s, metrics_hash = c.metrics_hash
FROM _classified c
WHERE c.article_id = a.article_id AND c.action = 'unchanged'
  AND (a.last_seen_run IS DISTINCT FROM %(run_id)s OR c.metrics_changed)
"""

# --------------------------------------------------------------------------- loader: metrics
# The metric set of an article is replaced as a whole (delete + insert) when its hash
# changed; an identical set is left alone (same metric_ids). period_start/period_end are
# computed once per distinct period text.
DELETE_CHANGED_METRICS = """
DELETE FROM news.metrics m USING _classified c
WHERE c.metrics_changed AND c.action <> 'inserted' AND m.article_id = c.article_id
"""

# indicator / indicator_rule: from _indicator_map (warehouse.indicators.stage_indicator_map,
# migration 007), the catalog's mapping of each distinct staged input.
INSERT_CHANGED_METRICS = """
INSERT INTO news.metrics
    (article_id, position, value, unit, kind, subject, period, qualifier, text, char_start, char_end,
     extractor_version, denominator, place, modality, period_start, period_end, run_id, indicator, indicator_rule)
SELECT c.article_id, m.position, m.value, m.unit, m.kind, m.subject, m.period, m.qualifier, m.text,
       m.char_start, m.char_end, m.extractor_version, m.denominator, m.place, coalesce(m.modality, 'actual'),
       p.period_start, p.period_end, %(run_id)s, x.indicator, x.indicator_rule
FROM _stage_metrics m
JOIN _classified c ON c.url = m.article_url
LEFT JOIN (SELECT period, news.period_start(period) AS period_start, news.period_end(period) AS period_end
           FROM (SELECT DISTINCT period FROM _stage_metrics WHERE period IS NOT NULL) d) p ON p.period = m.period
LEFT JOIN _indicator_map x ON x.subject = m.subject AND x.unit = m.unit AND x.kind = m.kind
                          AND x.denominator = coalesce(m.denominator, '')
WHERE c.metrics_changed
ORDER BY c.article_id, m.position
"""

# --------------------------------------------------------------------------- loader: quarantine, validation
UPSERT_QUARANTINE = """
INSERT INTO news.quarantine AS q (run_id, stage, table_name, record_key, source, reasons, record)
SELECT %(run_id)s, stage, table_name, record_key, source, reasons, record
FROM _quarantine_final
ORDER BY stage, table_name, record_key
ON CONFLICT (run_id, stage, table_name, record_key) DO UPDATE SET
    source = EXCLUDED.source, reasons = EXCLUDED.reasons, record = EXCLUDED.record
WHERE (q.source, q.reasons, q.record) IS DISTINCT FROM (EXCLUDED.source, EXCLUDED.reasons, EXCLUDED.record)
"""

QUARANTINE_COUNT = "SELECT count(*) FROM _quarantine_final"

# What on-call accepted (`newsetl quarantine accept`), by URL: an article's content_hash (validation
# quarantined it), a rejected page's html_sha256 (the transform rejected it; staged rejects carry it from
# 2026-12-05: older ones match nothing). That exact content is not quarantined again by a later run (a --full
# crawl fetches it again): validation reads it as history (warehouse.queries.accepted_contents), the load below.
AUDIT_EXISTS = "SELECT to_regclass('news.quarantine_audit') IS NOT NULL"
ACCEPTED_CONTENTS = """
SELECT DISTINCT a.url, CASE q.stage WHEN 'validate' THEN q.record ->> 'content_hash' ELSE q.record ->> 'html_sha256' END
FROM news.quarantine_audit a
JOIN news.quarantine q ON q.quarantine_id = a.quarantine_id
WHERE a.action = 'accept'
  AND ((q.stage = 'validate' AND q.table_name = 'articles' AND jsonb_typeof(q.record -> 'content_hash') = 'string')
       OR (q.stage = 'transform' AND q.table_name = 'pages' AND jsonb_typeof(q.record -> 'html_sha256') = 'string'))
ORDER BY 1, 2
"""
# A page the transform rejected again that on-call accepted as rejected before (its URL and html_sha256 among
# ACCEPTED_CONTENTS): no new quarantine row, so the URL stays accepted and is not listed as quarantined again
# (validation named it, uncounted: rejects_accepted_before). Returns the URLs dropped.
DROP_ACCEPTED_REJECTS = f"""
DELETE FROM _quarantine_final f
WHERE f.stage = 'transform' AND f.table_name = 'pages'
  AND (f.record_key, f.record ->> 'html_sha256') IN (SELECT * FROM ({ACCEPTED_CONTENTS}) accepted)
RETURNING f.record_key
"""

# A rerun replaces the run's quarantine: rows no longer in the run dir go.
DELETE_GONE_QUARANTINE = """
DELETE FROM news.quarantine q
WHERE q.run_id = %(run_id)s
  AND NOT EXISTS (SELECT 1 FROM _quarantine_final f
                  WHERE (f.stage, f.table_name, f.record_key) = (q.stage, q.table_name, q.record_key))
"""

# recorded_at (010): now() when the suite's result is new or changed; a reload of the same result
# leaves the row, and so its time, as it was. validated_at (011): when the validation ran, from
# summary.json (null for a summary without it); a new validation of the run is a new result.
UPSERT_VALIDATION_RUN = """
INSERT INTO news.validation_runs AS v (run_id, suite, success, statistics, failed, data_docs, validated_at)
VALUES (%(run_id)s, %(suite)s, %(success)s, %(statistics)s, %(failed)s, %(data_docs)s, %(validated_at)s)
ON CONFLICT (run_id, suite) DO UPDATE SET
    success = EXCLUDED.success, statistics = EXCLUDED.statistics, failed = EXCLUDED.failed,
    data_docs = EXCLUDED.data_docs, validated_at = EXCLUDED.validated_at, recorded_at = now()
WHERE (v.success, v.statistics, v.failed, v.data_docs, v.validated_at)
      IS DISTINCT FROM (EXCLUDED.success, EXCLUDED.statistics, EXCLUDED.failed, EXCLUDED.data_docs,
                        EXCLUDED.validated_at)
"""

# The failed expectations with their sample rows (rejected values), out of news_analyst's reach (009).
UPSERT_VALIDATION_SAMPLES = """
INSERT INTO news.validation_samples AS s (run_id, suite, failed)
VALUES (%(run_id)s, %(suite)s, %(failed)s)
ON CONFLICT (run_id, suite) DO UPDATE SET failed = EXCLUDED.failed
WHERE s.failed IS DISTINCT FROM EXCLUDED.failed
"""

DELETE_VALIDATION_SAMPLES = """
DELETE FROM news.validation_samples WHERE run_id = %(run_id)s AND suite = %(suite)s
"""

DELETE_GONE_VALIDATION_RUNS = """
DELETE FROM news.validation_runs WHERE run_id = %(run_id)s AND NOT (suite = ANY(%(suites)s))
"""

# --------------------------------------------------------------------------- summary queries
SUMMARY_PER_SOURCE = """
WITH a AS (SELECT source, count(*) AS n FROM news.articles GROUP BY source),
     m AS (SELECT ar.source, count(*) AS n FROM news.metrics mt JOIN news.articles ar USING (article_id)
           GROUP BY ar.source),
     q AS (SELECT coalesce(source, 'unknown') AS source, count(*) AS n FROM news.quarantine
           WHERE %(run_id)s::text IS NULL OR run_id = %(run_id)s GROUP BY 1)
SELECT s.source, coalesce(a.n, 0), coalesce(m.n, 0), coalesce(q.n, 0)
FROM (SELECT name AS source FROM news.sources UNION SELECT source FROM q) s
LEFT JOIN a USING (source) LEFT JOIN m USING (source) LEFT JOIN q USING (source)
ORDER BY s.source
"""
