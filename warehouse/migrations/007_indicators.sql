-- 007 indicators: a catalog of the figures Ningbo sci-tech news reports (R&D expenditure,
-- high-tech enterprises, patents, GDP, ...) and, per metric, the indicator it measures.
--   news.indicators         the catalog seeds/indicators.csv, one row per indicator; the rows
--                           are written by warehouse.indicators.sync_catalog (at `newsetl db
--                           upgrade` and at every load), not by this file, so a catalog edit
--                           needs no migration.
--   news.indicator_catalog  one row: which catalog (sha256 of the CSV and the mapping rules'
--                           version) the stored metrics were mapped with.
--   metrics.indicator       the catalog key the metric maps to, NULL when none fits;
--   metrics.indicator_rule  the catalog pattern that matched (transforms.indicators decides,
--                           over subject, unit, kind and denominator). No foreign key (the
--                           hot path, as metrics.run_id): a sync remaps every stored metric
--                           when the catalog changes.
-- Then the analyst views over them: v_metric_facts, v_metric_series, v_source_daily,
-- v_articles (extended) and the ranked full-text search news.search_articles().

CREATE TABLE news.indicators (
    key          text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),
    label        text NOT NULL,
    unit         text NOT NULL,   -- one METRIC unit, or several separated by '|' ("CNY|USD")
    kind         text NOT NULL CHECK (kind IN ('level', 'change', 'share', 'rank')),
    denominator  text,            -- a share's base the metric must name ("gdp"); NULL = any
    patterns     text[] NOT NULL, -- regexes over the lowercased subject; '!'-prefixed ones exclude
    position     integer NOT NULL -- the row's order in the CSV: the first fitting row wins
);
COMMENT ON TABLE news.indicators IS 'The indicator catalog (seeds/indicators.csv), synced at db upgrade and load; metrics.indicator refers to key.';

CREATE TABLE news.indicator_catalog (
    singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    checksum          text NOT NULL,
    indicators        integer NOT NULL,
    loaded_at         timestamptz NOT NULL DEFAULT now(),
    metrics_remapped  bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE news.indicator_catalog IS 'The catalog the stored metrics were mapped with: sha256 of seeds/indicators.csv and the rules version; metrics_remapped = rows changed by the last sync.';

ALTER TABLE news.metrics
    ADD COLUMN indicator text,
    ADD COLUMN indicator_rule text;
COMMENT ON COLUMN news.metrics.indicator IS 'The news.indicators key this metric measures (transforms.indicators); NULL when no catalog row fits.';
COMMENT ON COLUMN news.metrics.indicator_rule IS 'The catalog pattern that matched the subject (NULL when indicator is NULL).';

-- Facts and series of one indicator over a period range (the analysts' typical questions).
CREATE INDEX metrics_indicator_period_idx ON news.metrics (indicator, period_start) WHERE indicator IS NOT NULL;

-- The sentence of a metric: from the end of the previous sentence (". ", "! ", "? " or a
-- line break) to the end of its own, at most 400 characters either side of the quantity.
-- Offsets are 0-based Unicode characters (body[char_start:char_end] = text).
CREATE FUNCTION news.metric_sentence(body text, char_start integer, char_end integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN body IS NULL OR char_start IS NULL OR char_end IS NULL OR char_start < 0
                   OR char_end < char_start OR char_end > length(body) THEN NULL
    ELSE btrim(
      regexp_replace(substr(body, greatest(1, char_start - 399), char_start - greatest(0, char_start - 400)),
                     '^.*([.!?](\s|$)|\n)', '')
      || substr(body, char_start + 1, char_end - char_start)
      || coalesce(substring(substr(body, char_end + 1, 400) from '^[^\n]*?[.!?](?=\s|$)'),
                  substring(substr(body, char_end + 1, 400) from '^[^\n]*')))
  END
$$;
COMMENT ON FUNCTION news.metric_sentence(text, integer, integer) IS 'The sentence holding body[char_start:char_end] (at most 400 characters either side).';

-- One row per metric with its article and its sentence.
CREATE VIEW news.v_metric_facts AS
SELECT m.metric_id, m.article_id, a.title, a.url, a.source, a.published,
       m.indicator, i.label AS indicator_label, m.subject, m.place, m.period, m.period_start, m.period_end,
       m.value, m.unit, m.kind, m.denominator, m.modality, m.qualifier, m.text,
       news.metric_sentence(a.body, m.char_start, m.char_end) AS sentence,
       m.indicator_rule, m.position, a.scitech
FROM news.metrics m
JOIN news.articles a ON a.article_id = m.article_id
LEFT JOIN news.indicators i ON i.key = m.indicator;
COMMENT ON VIEW news.v_metric_facts IS 'One row per metric: article title/url/source/published, indicator, subject, place, period, value, unit, kind, denominator, modality, qualifier, text and its sentence.';

-- One row per indicator, place, period and unit: the figures the articles actually report
-- (modality actual, a period stated). value = the value stated most often (the smallest on
-- a tie); disagree = the stated values differ by more than 1% of the largest.
CREATE VIEW news.v_metric_series AS
SELECT m.indicator, m.place, m.period, m.period_start, m.period_end, m.unit,
       mode() WITHIN GROUP (ORDER BY m.value) AS value,
       count(DISTINCT m.article_id) AS articles,
       count(*) AS metrics,
       count(DISTINCT m.value) AS distinct_values,
       min(m.value) AS min_value,
       max(m.value) AS max_value,
       (max(m.value) - min(m.value)) > 0.01 * greatest(abs(max(m.value)), abs(min(m.value))) AS disagree,
       min(a.published) AS first_published,
       max(a.published) AS last_published
FROM news.metrics m
JOIN news.articles a ON a.article_id = m.article_id
WHERE m.indicator IS NOT NULL AND m.modality = 'actual' AND m.period IS NOT NULL
GROUP BY m.indicator, m.place, m.period, m.period_start, m.period_end, m.unit;
COMMENT ON VIEW news.v_metric_series IS 'Per indicator, place (NULL = Ningbo), period and unit: the value reported most often, how many articles state it, whether they disagree (>1%). Actual figures with a period only.';

-- Articles and metrics per source and publication day.
CREATE VIEW news.v_source_daily AS
SELECT a.source, a.published AS day,
       count(*) AS articles,
       count(*) FILTER (WHERE a.scitech) AS scitech_articles,
       coalesce(sum(mc.metrics), 0)::bigint AS metrics,
       coalesce(sum(mc.indicator_metrics), 0)::bigint AS indicator_metrics
FROM news.articles a
LEFT JOIN LATERAL (SELECT count(*) AS metrics, count(m.indicator) AS indicator_metrics
                   FROM news.metrics m WHERE m.article_id = a.article_id) mc ON true
GROUP BY a.source, a.published;
COMMENT ON VIEW news.v_source_daily IS 'Per source and publication day (NULL = undated): articles, sci-tech articles, metrics, metrics mapped to an indicator.';

-- v_articles gains the count of indicator metrics and the search vector (at the end:
-- CREATE OR REPLACE keeps the columns and grants it had). Still no body.
CREATE OR REPLACE VIEW news.v_articles AS
SELECT a.article_id, a.url, a.source, s.site, a.title, a.published, a.section, a.language,
       a.word_count, a.scitech, a.captions, a.content_hash, a.fetched_at,
       a.first_seen_run, a.last_seen_run, a.loaded_run, a.updated_at,
       (SELECT count(*) FROM news.metrics m WHERE m.article_id = a.article_id) AS metric_count,
       (SELECT count(*) FROM news.article_versions v WHERE v.article_id = a.article_id) AS earlier_versions,
       (SELECT count(*) FROM news.metrics m WHERE m.article_id = a.article_id AND m.indicator IS NOT NULL)
           AS indicator_metric_count,
       a.search
FROM news.articles a
JOIN news.sources s ON s.name = a.source;
COMMENT ON VIEW news.v_articles IS 'Articles (current content) without body, with metric, indicator-metric and earlier-version counts and the full-text vector (search @@ websearch_to_tsquery(''english'', ...)).';

-- Ranked full-text search over titles (weight A) and bodies (B), through the GIN index on
-- articles.search: websearch syntax ("robot OR laboratory", "\"new materials\"", "-port").
CREATE FUNCTION news.search_articles(q text, max_results integer DEFAULT 20)
RETURNS TABLE (article_id bigint, url text, source text, title text, published date, rank real, headline text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT hit.article_id, hit.url, hit.source, hit.title, hit.published, hit.rank,
         ts_headline('english', art.body, websearch_to_tsquery('english', q),
                     'MaxFragments=2, MinWords=8, MaxWords=20, StartSel=[, StopSel=]')
  FROM (SELECT x.article_id, x.url, x.source, x.title, x.published,
               ts_rank_cd(x.search, websearch_to_tsquery('english', q)) AS rank
        FROM news.articles x
        WHERE x.search @@ websearch_to_tsquery('english', q)
        ORDER BY 6 DESC, x.published DESC NULLS LAST, x.article_id
        LIMIT max_results) hit
  JOIN news.articles art ON art.article_id = hit.article_id
  ORDER BY hit.rank DESC, hit.published DESC NULLS LAST, hit.article_id
$$;
COMMENT ON FUNCTION news.search_articles(text, integer) IS 'Ranked full-text search (english; title weight A, body B): SELECT * FROM news.search_articles(''robot OR laboratory'', 10).';

-- Analysts read the catalog, the views and call the functions; the loader writes the catalog.
GRANT SELECT ON news.indicators, news.indicator_catalog, news.v_metric_facts, news.v_metric_series,
    news.v_source_daily, news.v_articles TO news_analyst;
GRANT SELECT, INSERT, UPDATE, DELETE ON news.indicators, news.indicator_catalog TO news_loader;
GRANT SELECT ON news.v_metric_facts, news.v_metric_series, news.v_source_daily TO news_loader;
GRANT EXECUTE ON FUNCTION news.metric_sentence(text, integer, integer), news.search_articles(text, integer)
    TO news_analyst, news_loader;
