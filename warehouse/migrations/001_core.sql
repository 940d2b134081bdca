-- 001 core: the news schema's tables, indexes and analyst views.
-- Applied by warehouse.db.upgrade() in one transaction; never edit once applied
-- (upgrade refuses a changed checksum): add a new NNN_name.sql instead.

-- Period text ("2019", "2020-01", "2020-01..2020-05", "2010..2019") -> first/last day.
-- Anything else gives NULL. Plain SQL, IMMUTABLE and not STRICT so the planner inlines it.
CREATE FUNCTION news.period_start(period text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN period ~ '^[12][0-9]{3}(-(0[1-9]|1[0-2]))?(\.\.[12][0-9]{3}(-(0[1-9]|1[0-2]))?)?$'
    THEN make_date(substr(period, 1, 4)::int,
                   CASE WHEN substr(period, 5, 1) = '-' THEN substr(period, 6, 2)::int ELSE 1 END,
                   1)
  END
$$;

CREATE FUNCTION news.period_end(period text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN period ~ '^[12][0-9]{3}(-(0[1-9]|1[0-2]))?(\.\.[12][0-9]{3}(-(0[1-9]|1[0-2]))?)?$'
    THEN CASE WHEN right(period, 3) ~ '^-[0-9]{2}$'
      THEN (make_date(substr(right(period, 7), 1, 4)::int, substr(right(period, 7), 6, 2)::int, 1)
            + interval '1 month' - interval '1 day')::date
      ELSE make_date(right(period, 4)::int, 12, 31)
    END
  END
$$;

COMMENT ON FUNCTION news.period_start(text) IS 'First day of a metric period ("2019" -> 2019-01-01, "2020-01..2020-05" -> 2020-01-01); NULL if not a period.';
COMMENT ON FUNCTION news.period_end(text) IS 'Last day of a metric period ("2019" -> 2019-12-31, "2020-01..2020-05" -> 2020-05-31); NULL if not a period.';

CREATE TABLE news.sources (
    name      text PRIMARY KEY,
    site      text,
    template  text,
    base_url  text
);
COMMENT ON TABLE news.sources IS 'Crawl sources (seeds/sources.yml), upserted on every load; base_url is the live site.';

-- One row per pipeline run (crawl -> transform -> validate -> load).
CREATE TABLE news.crawl_runs (
    run_id        text PRIMARY KEY,
    dag_run_id    text,
    started_at    timestamptz,
    finished_at   timestamptz,
    status        text NOT NULL DEFAULT 'loaded',
    counts        jsonb NOT NULL DEFAULT '{}',  -- what the run dir holds: articles, metrics, quarantined, rejects
    crawl_report  jsonb,                        -- crawl_report.json as written by the crawl
    load_result   jsonb,                        -- bookkeeping: outcome of the latest load of this run
    loaded_at     timestamptz                   -- bookkeeping: when it was last loaded
);
COMMENT ON TABLE news.crawl_runs IS 'Pipeline runs; every article, metric and quarantine row references the run that loaded it.';

CREATE TABLE news.articles (
    article_id      bigserial PRIMARY KEY,
    url             text NOT NULL UNIQUE CHECK (url ~ '^https?://'),
    source          text NOT NULL REFERENCES news.sources (name),
    title           text NOT NULL,
    published       date,
    section         text,
    body            text NOT NULL,
    captions        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(captions) = 'array'),
    language        text,
    word_count      integer CHECK (word_count >= 0),
    content_hash    text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    scitech         boolean,
    fetched_at      timestamptz,
    first_seen_run  text NOT NULL REFERENCES news.crawl_runs (run_id),
    last_seen_run   text NOT NULL REFERENCES news.crawl_runs (run_id),
    loaded_run      text NOT NULL REFERENCES news.crawl_runs (run_id),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search          tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', coalesce(title, '')), 'A')
                        || setweight(to_tsvector('english', body), 'B')) STORED
);
COMMENT ON TABLE news.articles IS 'One row per article, keyed by normalized URL; the current content. Earlier content is in article_versions.';
COMMENT ON COLUMN news.articles.content_hash IS 'sha256 hex of title + "\n" + body; a change creates an article_versions row.';
COMMENT ON COLUMN news.articles.loaded_run IS 'The run that loaded the current content.';
COMMENT ON COLUMN news.articles.last_seen_run IS 'Bookkeeping: the latest run that saw this article (changed or not).';
COMMENT ON COLUMN news.articles.search IS 'Full-text vector (english; title weight A, body B): WHERE search @@ websearch_to_tsquery(''english'', ''robot'').';
CREATE INDEX articles_source_published_idx ON news.articles (source, published);
CREATE INDEX articles_search_idx ON news.articles USING gin (search);

-- Superseded content: written when a known URL comes back with another content_hash.
CREATE TABLE news.article_versions (
    article_id         bigint NOT NULL REFERENCES news.articles (article_id) ON DELETE CASCADE,
    version            integer NOT NULL CHECK (version >= 1),
    content_hash       text NOT NULL,
    title              text NOT NULL,
    body               text NOT NULL,
    published          date,
    fetched_at         timestamptz,
    valid_from_run     text REFERENCES news.crawl_runs (run_id),
    superseded_by_run  text REFERENCES news.crawl_runs (run_id),
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, version)
);
COMMENT ON TABLE news.article_versions IS 'Earlier contents of an article (version 1 = first seen), newest current content stays in articles.';

CREATE TABLE news.metrics (
    metric_id          bigserial PRIMARY KEY,
    article_id         bigint NOT NULL REFERENCES news.articles (article_id) ON DELETE CASCADE,
    position           integer NOT NULL CHECK (position >= 0),
    value              numeric NOT NULL,
    unit               text NOT NULL CONSTRAINT metrics_unit_check CHECK (unit IN (
                           'percent', 'percentage_points', 'CNY', 'USD', 'EUR', 'count', 'times',
                           'rank', 'm2', 'km2', 'mu', 'tonnes', 'kWh', 'km', 'years')),
    kind               text NOT NULL CONSTRAINT metrics_kind_check CHECK (kind IN ('level', 'change', 'share', 'rank')),
    subject            text,
    period             text,
    period_start       date,
    period_end         date,
    qualifier          text CONSTRAINT metrics_qualifier_check CHECK (qualifier IN ('approx', 'at_least', 'at_most')),
    text               text NOT NULL,
    char_start         integer CHECK (char_start >= 0),
    char_end           integer,
    extractor_version  text,
    run_id             text NOT NULL,  -- a crawl_runs row written in the same load; no FK: hot path
    CONSTRAINT metrics_span_check CHECK (char_end >= char_start),
    CONSTRAINT metrics_article_position_key UNIQUE (article_id, position)
);
COMMENT ON TABLE news.metrics IS 'Numeric facts extracted from article bodies; the set of an article is replaced as a whole when it changes.';
COMMENT ON COLUMN news.metrics.period_start IS 'news.period_start(period), filled by the loader.';
COMMENT ON COLUMN news.metrics.run_id IS 'The run that loaded this metric set.';
CREATE INDEX metrics_subject_period_idx ON news.metrics (subject, period_start);

-- Rejected rows with their reasons: pages that could not become articles (transform),
-- rows failing a Great Expectations gate (validate), rows the loader could not attach (load).
CREATE TABLE news.quarantine (
    quarantine_id   bigserial PRIMARY KEY,
    run_id          text NOT NULL REFERENCES news.crawl_runs (run_id),
    stage           text NOT NULL CHECK (stage IN ('transform', 'validate', 'load')),
    table_name      text NOT NULL,
    record_key      text NOT NULL,
    source          text,
    reasons         jsonb NOT NULL DEFAULT '[]',
    record          jsonb,
    quarantined_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quarantine_run_stage_table_key UNIQUE (run_id, stage, table_name, record_key)
);
COMMENT ON TABLE news.quarantine IS 'Rejected rows and why. The record payload is not readable by news_analyst (see v_quarantine).';

CREATE TABLE news.validation_runs (
    run_id      text NOT NULL REFERENCES news.crawl_runs (run_id),
    suite       text NOT NULL,
    success     boolean,
    statistics  jsonb,
    failed      jsonb,
    data_docs   text,
    PRIMARY KEY (run_id, suite)
);
COMMENT ON TABLE news.validation_runs IS 'Great Expectations results per run and suite (validation/summary.json).';

CREATE VIEW news.v_articles AS
SELECT a.article_id, a.url, a.source, s.site, a.title, a.published, a.section, a.language,
       a.word_count, a.scitech, a.captions, a.content_hash, a.fetched_at,
       a.first_seen_run, a.last_seen_run, a.loaded_run, a.updated_at,
       (SELECT count(*) FROM news.metrics m WHERE m.article_id = a.article_id) AS metric_count,
       (SELECT count(*) FROM news.article_versions v WHERE v.article_id = a.article_id) AS earlier_versions
FROM news.articles a
JOIN news.sources s ON s.name = a.source;
COMMENT ON VIEW news.v_articles IS 'Articles without body and search vector, with metric and earlier-version counts.';

CREATE VIEW news.v_metrics AS
SELECT m.metric_id, m.article_id, a.url, a.source, a.title, a.published, a.section,
       m.position, m.value, m.unit, m.kind, m.subject, m.period, m.period_start, m.period_end,
       m.qualifier, m.text, m.char_start, m.char_end, m.extractor_version, m.run_id
FROM news.metrics m
JOIN news.articles a ON a.article_id = m.article_id;
COMMENT ON VIEW news.v_metrics IS 'Metrics with their article''s url, source, title and publication date.';

CREATE VIEW news.v_quarantine AS
SELECT quarantine_id, run_id, stage, table_name, record_key, source, reasons, quarantined_at
FROM news.quarantine;
COMMENT ON VIEW news.v_quarantine IS 'Quarantine without the record payload (what news_analyst may read).';
