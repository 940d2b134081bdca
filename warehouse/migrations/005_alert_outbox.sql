-- 005 alert outbox: every alert a run raises is recorded with its delivery state, so an
-- alert the relay did not take is retried (by the next validation of any run) and never
-- lost, and one result is mailed once: (run_id, fingerprint) is unique.
CREATE TABLE news.alert_outbox (
    alert_id      bigserial PRIMARY KEY,
    run_id        text NOT NULL,
    fingerprint   text NOT NULL,
    subject       text NOT NULL,
    html          text NOT NULL,
    recipients    jsonb NOT NULL DEFAULT '[]',
    created_at    timestamptz NOT NULL DEFAULT now(),
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    delivered_at  timestamptz,
    CONSTRAINT alert_outbox_run_fingerprint_key UNIQUE (run_id, fingerprint)
);
CREATE INDEX alert_outbox_pending_idx ON news.alert_outbox (created_at) WHERE delivered_at IS NULL;
COMMENT ON TABLE news.alert_outbox IS 'Alerts to on-call and their delivery: delivered_at NULL = still to send (retried by the next validation).';
-- On-call's mail (recipients, payload) is not the analysts' business; the loader writes it.
REVOKE ALL ON news.alert_outbox FROM news_analyst;
GRANT SELECT, INSERT, UPDATE ON news.alert_outbox TO news_loader;
GRANT USAGE, SELECT ON SEQUENCE news.alert_outbox_alert_id_seq TO news_loader;
