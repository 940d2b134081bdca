-- 010 when each validation result was recorded.
-- "The latest validation" (newsetl report) was the run with the latest crawl_runs.started_at:
-- a reprocess run keeps the start time of the crawl it reprocesses, so a fresh validation of an
-- old run sorted far below newer ones. validation_runs.recorded_at is when the loader stored the
-- suite's result (the load, or the record of a blocked run right after its validation); a reload
-- of the same result leaves it as it was (the loader's upsert changes nothing then).
-- Rows stored before: the run's last load (crawl_runs.loaded_at), the closest time known.

ALTER TABLE news.validation_runs ADD COLUMN recorded_at timestamptz;

UPDATE news.validation_runs v
SET recorded_at = coalesce(r.loaded_at, r.finished_at, r.started_at, now())
FROM news.crawl_runs r
WHERE r.run_id = v.run_id;

UPDATE news.validation_runs SET recorded_at = now() WHERE recorded_at IS NULL;

ALTER TABLE news.validation_runs
    ALTER COLUMN recorded_at SET DEFAULT now(),
    ALTER COLUMN recorded_at SET NOT NULL;

CREATE INDEX validation_runs_recorded_at_idx ON news.validation_runs (recorded_at);

COMMENT ON COLUMN news.validation_runs.recorded_at IS
    'When this result was stored (the load, or a blocked run''s record after its validation); unchanged by a reload of the same result.';
