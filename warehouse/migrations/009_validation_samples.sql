-- 009 validation samples out of the analyst's reach.
-- news.validation_runs.failed held, per failed expectation, up to 3 sample rows with the
-- rejected values (scraped titles, bodies, page URLs, tracebacks of rejected pages): the
-- raw rejected payload that news_analyst must not read (as news.quarantine.record).
-- From here on validation_runs.failed keeps each failed expectation without its
-- "samples" (suite, expectation, name, counts stay readable), and the whole entries, samples
-- included, live in news.validation_samples, which news_analyst has no grant on.
-- (Numbered 009: 008 is reserved for another branch's migration.)

CREATE TABLE news.validation_samples (
    run_id  text NOT NULL,
    suite   text NOT NULL,
    failed  jsonb NOT NULL,
    PRIMARY KEY (run_id, suite),
    FOREIGN KEY (run_id, suite) REFERENCES news.validation_runs (run_id, suite) ON DELETE CASCADE
);
COMMENT ON TABLE news.validation_samples IS
    'Failed expectations of a validation run with their sample rows (rejected values). Not readable by news_analyst.';

-- the default privileges of 002 granted SELECT to news_analyst on the new table: take it back
REVOKE ALL ON news.validation_samples FROM news_analyst;

INSERT INTO news.validation_samples (run_id, suite, failed)
SELECT run_id, suite, failed FROM news.validation_runs
WHERE jsonb_typeof(failed) = 'array'
  AND jsonb_path_exists(failed, '$[*] ? (exists(@.samples))');

UPDATE news.validation_runs
SET failed = (SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'object' THEN e - 'samples' ELSE e END
                                        ORDER BY n), '[]'::jsonb)
              FROM jsonb_array_elements(failed) WITH ORDINALITY AS f(e, n))
WHERE jsonb_typeof(failed) = 'array'
  AND jsonb_path_exists(failed, '$[*] ? (exists(@.samples))');

COMMENT ON COLUMN news.validation_runs.failed IS
    'Failed expectations (suite, expectation, name, counts) without sample rows: those are in news.validation_samples.';
