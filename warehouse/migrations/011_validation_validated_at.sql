-- 011 when each validation ran.
-- The report said "validated <time>" with validation_runs.recorded_at (010), which is when the
-- loader stored the result: every run read "validated X ... loaded X" with one time, however long
-- before the load its validation ran (a blocked run validated on Monday, forced in on Friday).
-- validation/summary.json now records `validated_at` (the UTC time the validation decided its
-- result); the loader stores it here. Results from summaries written before it have none: NULL,
-- and the report says when they were recorded instead, not that they were validated then.

ALTER TABLE news.validation_runs ADD COLUMN validated_at timestamptz;

COMMENT ON COLUMN news.validation_runs.validated_at IS
    'When the validation ran (validation/summary.json validated_at); NULL for a summary written before it recorded that. recorded_at is when the loader stored the result.';
