-- 006 quarantine audit: on-call's `newsetl quarantine release|accept` decisions on
-- quarantined article pages, one row per action and URL, written in the same transaction
-- as the change it records (append-only: nobody updates or deletes a decision).
--   release: the URL leaves the incremental crawl's seen-set, so the next crawl refetches it.
--   accept:  the validation was wrong; a record kept whole (stage validate, table articles)
--            is loaded as a normal article, a page kept only in part (stage transform) is
--            marked accepted: it stays in the seen-set and is not fetched or alerted on again.
-- A URL's state is its latest decision made after its latest quarantine row: a released URL
-- that the next crawl quarantines again is "quarantined" again (v_quarantined_urls).
CREATE TABLE news.quarantine_audit (
    audit_id       bigserial PRIMARY KEY,
    action         text NOT NULL CHECK (action IN ('release', 'accept')),
    url            text NOT NULL,
    source         text,
    run_id         text,          -- the run of the quarantine row acted on
    quarantine_id  bigint,        -- that row (no foreign key: a reloaded run may replace its rows)
    acted_by       text NOT NULL DEFAULT current_user,  -- the CLI sends --by, else the OS user
    note           text,
    outcome        jsonb NOT NULL DEFAULT '{}',  -- accept: {"loaded": true, "article_id", "metrics"} or {"loaded": false, "why"}
    acted_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarantine_audit_url_idx ON news.quarantine_audit (url, acted_at);
COMMENT ON TABLE news.quarantine_audit IS 'On-call decisions on quarantined URLs (newsetl quarantine release|accept); append-only.';
COMMENT ON COLUMN news.quarantine_audit.acted_by IS 'Who decided: --by, else the OS user running newsetl.';

-- Quarantine by URL: the latest quarantine row of every quarantined article page (stage
-- transform, table pages; stage validate, table articles) and its state. No payload.
CREATE VIEW news.v_quarantined_urls AS
WITH latest AS (
    SELECT DISTINCT ON (record_key)
           quarantine_id, record_key AS url, source, run_id, stage, table_name, reasons, quarantined_at
    FROM news.quarantine
    WHERE table_name IN ('articles', 'pages') AND record_key LIKE 'http%'
    ORDER BY record_key, quarantined_at DESC, quarantine_id DESC
)
SELECT l.url, l.source, l.run_id, l.stage, l.table_name, l.reasons, l.quarantined_at, l.quarantine_id,
       CASE d.action WHEN 'release' THEN 'released' WHEN 'accept' THEN 'accepted' ELSE 'quarantined' END AS state,
       d.acted_by, d.acted_at, d.note, d.outcome
FROM latest l
LEFT JOIN LATERAL (SELECT a.action, a.acted_by, a.acted_at, a.note, a.outcome
                   FROM news.quarantine_audit a
                   WHERE a.url = l.url AND a.acted_at >= l.quarantined_at
                   ORDER BY a.acted_at DESC, a.audit_id DESC
                   LIMIT 1) d ON true;
COMMENT ON VIEW news.v_quarantined_urls IS 'Each quarantined article URL: its latest quarantine row and state (quarantined / released / accepted).';

-- Analysts read the decisions and the view; only the loader (and the owner) writes, and
-- only appends.
REVOKE ALL ON news.quarantine_audit FROM news_analyst, news_loader;
GRANT SELECT ON news.quarantine_audit, news.v_quarantined_urls TO news_analyst;
GRANT SELECT, INSERT ON news.quarantine_audit TO news_loader;
GRANT SELECT ON news.v_quarantined_urls TO news_loader;
GRANT USAGE, SELECT ON SEQUENCE news.quarantine_audit_audit_id_seq TO news_loader;
