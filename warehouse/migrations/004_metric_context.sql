-- 004 metric context: what a share is of, whose figure it is, and whether it happened.
-- denominator: the base of a share ("gdp", "total revenue"); NULL for other kinds.
-- place:       a place other than Ningbo the fact is about ("Hangzhou"); NULL = Ningbo's own.
-- modality:    actual | target (a plan or goal) | forecast (an expectation). Rows loaded
--              before this migration were all read as facts: 'actual'.
ALTER TABLE news.metrics
    ADD COLUMN denominator text,
    ADD COLUMN place text,
    ADD COLUMN modality text NOT NULL DEFAULT 'actual'
        CONSTRAINT metrics_modality_check CHECK (modality IN ('actual', 'target', 'forecast'));
COMMENT ON COLUMN news.metrics.denominator IS 'What a share is a share of ("gdp"); NULL unless kind = share.';
COMMENT ON COLUMN news.metrics.place IS 'A place other than Ningbo that the fact is about ("Hangzhou"); NULL for Ningbo''s own figures.';
COMMENT ON COLUMN news.metrics.modality IS 'actual (it happened), target (a plan or goal) or forecast (someone''s expectation).';
CREATE INDEX metrics_modality_idx ON news.metrics (modality) WHERE modality <> 'actual';

-- The metric set hash covers the new columns: a changed denominator, place or modality
-- rewrites the article's set. The 11-column function stays for migration 003's history.
CREATE FUNCTION news.metric_row_text(
    m_position integer, m_value numeric, m_unit text, m_kind text, m_subject text, m_period text,
    m_qualifier text, m_text text, m_char_start integer, m_char_end integer, m_extractor_version text,
    m_denominator text, m_place text, m_modality text
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ROW(m_position, m_value, m_unit, m_kind, m_subject, m_period, m_qualifier, m_text, m_char_start,
             m_char_end, m_extractor_version, m_denominator, m_place, m_modality)::text
$$;
COMMENT ON FUNCTION news.metric_row_text(integer, numeric, text, text, text, text, text, text, integer, integer,
                                         text, text, text, text)
    IS 'A metric row''s content as text (with denominator, place, modality); articles.metrics_hash = md5(string_agg(this, E''\n'' ORDER BY position)).';

UPDATE news.articles a SET metrics_hash = s.metrics_hash
FROM (SELECT article_id,
             md5(string_agg(news.metric_row_text(position, value, unit, kind, subject, period, qualifier,
                                                 text, char_start, char_end, extractor_version,
                                                 denominator, place, modality),
                            E'\n' ORDER BY position)) AS metrics_hash
      FROM news.metrics
      GROUP BY article_id) s
WHERE s.article_id = a.article_id;

-- v_metrics gains the three columns (at the end: CREATE OR REPLACE keeps the grants).
CREATE OR REPLACE VIEW news.v_metrics AS
SELECT m.metric_id, m.article_id, a.url, a.source, a.title, a.published, a.section,
       m.position, m.value, m.unit, m.kind, m.subject, m.period, m.period_start, m.period_end,
       m.qualifier, m.text, m.char_start, m.char_end, m.extractor_version, m.run_id,
       m.denominator, m.place, m.modality
FROM news.metrics m
JOIN news.articles a ON a.article_id = m.article_id;
COMMENT ON VIEW news.v_metrics IS 'Metrics with their article''s url, source, title and publication date; modality tells facts from targets and forecasts.';
