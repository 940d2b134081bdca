-- 008 stories: articles that tell the same story (a print view, a copy with small edits, a
-- rewrite on another site) share a story id, so series count stories, not copies.
--   articles.story_id      the article_id of the story's first stored article (its own id
--                          when no earlier article tells the story); assigned by the loader
--                          (warehouse.stories) in the load transaction.
--   news.story_prints      per article, the fingerprint the rule compares (transforms.stories):
--                          MinHash signatures of its word shingles and of its facts (the
--                          numbers it states) and the facts themselves, for the content_hash
--                          and scheme they were computed from.
--   news.story_bands       the LSH band keys of each fingerprint: a new article is compared
--                          only with the stored articles sharing a band (index on band_key).
-- Then v_metric_series counts stories: `stories` and `facts` (distinct story and value
-- pairs) are added, and `value` is the value the most STORIES state (a copy no longer
-- outvotes); `articles` and `metrics` still count copies.

ALTER TABLE news.articles ADD COLUMN story_id bigint;
COMMENT ON COLUMN news.articles.story_id IS 'The story this article tells: article_id of the story''s first stored article (transforms.stories decides, the loader assigns). NULL until the loader fingerprinted it.';
CREATE INDEX articles_story_idx ON news.articles (story_id);

CREATE TABLE news.story_prints (
    article_id    bigint PRIMARY KEY REFERENCES news.articles (article_id) ON DELETE CASCADE,
    content_hash  text NOT NULL,      -- the content the fingerprint is of
    scheme        text NOT NULL,      -- transforms.stories.SCHEME
    text_minhash  bigint[] NOT NULL,  -- MinHash of the word shingles (empty: no words)
    fact_minhash  bigint[] NOT NULL,  -- MinHash of the facts (empty: no facts)
    facts         text[] NOT NULL     -- the facts, normalized numbers ("1.5e+09")
);
COMMENT ON TABLE news.story_prints IS 'Story fingerprint per article (transforms.stories): MinHash signatures of word shingles and facts, and the facts.';

-- No foreign key (the hot path of a load: 64 rows per article, as metrics.run_id): a band row
-- whose article is gone matches no story_prints row, and the candidates are joined through it.
CREATE TABLE news.story_bands (
    band_key    bigint NOT NULL,
    article_id  bigint NOT NULL,
    PRIMARY KEY (band_key, article_id)
);
CREATE INDEX story_bands_article_idx ON news.story_bands (article_id);
COMMENT ON TABLE news.story_bands IS 'LSH band keys of each story fingerprint: candidates for the same story share a key.';

-- Series over stories: each story states a value once however many copies carry it.
CREATE OR REPLACE VIEW news.v_metric_series AS
SELECT r.indicator, r.place, r.period, r.period_start, r.period_end, r.unit,
       f.value,
       count(DISTINCT r.article_id) AS articles,
       count(*) AS metrics,
       count(DISTINCT r.value) AS distinct_values,
       min(r.value) AS min_value,
       max(r.value) AS max_value,
       (max(r.value) - min(r.value)) > 0.01 * greatest(abs(max(r.value)), abs(min(r.value))) AS disagree,
       min(r.published) AS first_published,
       max(r.published) AS last_published,
       f.stories,
       f.facts
FROM (SELECT m.indicator, m.place, m.period, m.period_start, m.period_end, m.unit, m.value, m.article_id,
             a.published
      FROM news.metrics m
      JOIN news.articles a ON a.article_id = m.article_id
      WHERE m.indicator IS NOT NULL AND m.modality = 'actual' AND m.period IS NOT NULL) r
JOIN (SELECT indicator, place, period, unit,
             mode() WITHIN GROUP (ORDER BY value) AS value,
             count(DISTINCT story) AS stories,
             count(*) AS facts
      FROM (SELECT DISTINCT m.indicator, m.place, m.period, m.unit, m.value,
                   coalesce(a.story_id, a.article_id) AS story
            FROM news.metrics m
            JOIN news.articles a ON a.article_id = m.article_id
            WHERE m.indicator IS NOT NULL AND m.modality = 'actual' AND m.period IS NOT NULL) d
      GROUP BY indicator, place, period, unit) f
  ON f.indicator = r.indicator AND f.place IS NOT DISTINCT FROM r.place AND f.period = r.period
 AND f.unit = r.unit
GROUP BY r.indicator, r.place, r.period, r.period_start, r.period_end, r.unit, f.value, f.stories, f.facts;
COMMENT ON VIEW news.v_metric_series IS 'Per indicator, place (NULL = Ningbo), period and unit: the value the most stories state, how many articles and stories state a value, whether they disagree (>1%). Actual figures with a period only.';

-- v_articles and v_metric_facts gain the story id (at the end: the columns and grants stay).
CREATE OR REPLACE VIEW news.v_articles AS
SELECT a.article_id, a.url, a.source, s.site, a.title, a.published, a.section, a.language,
       a.word_count, a.scitech, a.captions, a.content_hash, a.fetched_at,
       a.first_seen_run, a.last_seen_run, a.loaded_run, a.updated_at,
       (SELECT count(*) FROM news.metrics m WHERE m.article_id = a.article_id) AS metric_count,
       (SELECT count(*) FROM news.article_versions v WHERE v.article_id = a.article_id) AS earlier_versions,
       (SELECT count(*) FROM news.metrics m WHERE m.article_id = a.article_id AND m.indicator IS NOT NULL)
           AS indicator_metric_count,
       a.search,
       coalesce(a.story_id, a.article_id) AS story_id
FROM news.articles a
JOIN news.sources s ON s.name = a.source;

CREATE OR REPLACE VIEW news.v_metric_facts AS
SELECT m.metric_id, m.article_id, a.title, a.url, a.source, a.published,
       m.indicator, i.label AS indicator_label, m.subject, m.place, m.period, m.period_start, m.period_end,
       m.value, m.unit, m.kind, m.denominator, m.modality, m.qualifier, m.text,
       news.metric_sentence(a.body, m.char_start, m.char_end) AS sentence,
       m.indicator_rule, m.position, a.scitech,
       coalesce(a.story_id, a.article_id) AS story_id
FROM news.metrics m
JOIN news.articles a ON a.article_id = m.article_id
LEFT JOIN news.indicators i ON i.key = m.indicator;

-- Per story: its articles (copies), first and last publication.
CREATE VIEW news.v_stories AS
SELECT coalesce(a.story_id, a.article_id) AS story_id,
       count(*) AS articles,
       count(DISTINCT a.source) AS sources,
       (array_agg(a.title ORDER BY a.article_id))[1] AS title,
       min(a.published) AS first_published,
       max(a.published) AS last_published,
       array_agg(a.article_id ORDER BY a.article_id) AS article_ids
FROM news.articles a
GROUP BY 1;
COMMENT ON VIEW news.v_stories IS 'One row per story: how many articles (copies, rewrites) and sources tell it, the first article''s title, first/last publication.';

GRANT SELECT ON news.story_prints, news.story_bands, news.v_stories TO news_analyst;
GRANT SELECT, INSERT, UPDATE, DELETE ON news.story_prints, news.story_bands TO news_loader;
GRANT SELECT ON news.v_stories TO news_loader;
