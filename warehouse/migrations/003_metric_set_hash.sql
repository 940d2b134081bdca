-- 003 metric set hash: lets a load skip an article's unchanged metric set without
-- reading news.metrics. articles.metrics_hash is the md5 of the article's metric rows
-- (content columns only: no metric_id, run_id or derived period bounds) in position
-- order; the empty set is md5(''). The loader computes the same value over the staged
-- rows and rewrites the set (delete + insert) only when the two differ.

-- One metric row as text: ROW(...)::text, so NULL and '' differ and numerics keep their scale.
-- STABLE (record output is), so the planner inlines it: the loader calls it per staged row.
CREATE FUNCTION news.metric_row_text(
    m_position integer, m_value numeric, m_unit text, m_kind text, m_subject text, m_period text,
    m_qualifier text, m_text text, m_char_start integer, m_char_end integer, m_extractor_version text
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ROW(m_position, m_value, m_unit, m_kind, m_subject, m_period, m_qualifier, m_text, m_char_start,
             m_char_end, m_extractor_version)::text
$$;
COMMENT ON FUNCTION news.metric_row_text(integer, numeric, text, text, text, text, text, text, integer, integer, text)
    IS 'A metric row''s content as text; articles.metrics_hash = md5(string_agg(this, E''\n'' ORDER BY position)).';

ALTER TABLE news.articles ADD COLUMN metrics_hash text NOT NULL DEFAULT md5('');
COMMENT ON COLUMN news.articles.metrics_hash IS
    'Loader bookkeeping: md5 of the article''s metric set (news.metric_row_text rows joined by newlines in position order; md5('''') when empty).';

-- Articles loaded before this migration: hash their stored sets.
UPDATE news.articles a SET metrics_hash = s.metrics_hash
FROM (SELECT article_id,
             md5(string_agg(news.metric_row_text(position, value, unit, kind, subject, period, qualifier,
                                                 text, char_start, char_end, extractor_version),
                            E'\n' ORDER BY position)) AS metrics_hash
      FROM news.metrics
      GROUP BY article_id) s
WHERE s.article_id = a.article_id;
