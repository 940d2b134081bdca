-- 002 roles: news_loader (writes the news tables) and news_analyst (read-only).
-- Roles are cluster-wide: created NOLOGIN if absent (another database of the same
-- cluster may have created them already). Login passwords are not in this file:
-- warehouse.db.upgrade() applies NEWSETL_LOADER_PASSWORD / NEWSETL_ANALYST_PASSWORD.
--
-- news_analyst reads every table and view of schema news except the raw rejected
-- payload news.quarantine.record (scraped page heads, tracebacks): it gets column-level
-- SELECT on quarantine without `record`, and the view news.v_quarantine.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['news_loader', 'news_analyst'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- created concurrently from another database
            END;
        END IF;
    END LOOP;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO news_loader', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO news_analyst', current_database());
END
$$;

GRANT USAGE ON SCHEMA news TO news_loader, news_analyst;

-- loader: read/write rows (not DDL); the migration ledger stays read-only.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA news TO news_loader;
REVOKE INSERT, UPDATE, DELETE ON news.schema_migrations FROM news_loader;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA news TO news_loader;

-- analyst: read tables and views, not the quarantined payloads.
GRANT SELECT ON ALL TABLES IN SCHEMA news TO news_analyst;
REVOKE SELECT ON news.quarantine FROM news_analyst;
GRANT SELECT (quarantine_id, run_id, stage, table_name, record_key, source, reasons, quarantined_at)
    ON news.quarantine TO news_analyst;

-- Tables, views and sequences that later migrations create (as the role running the
-- migrations) are covered too.
ALTER DEFAULT PRIVILEGES IN SCHEMA news GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO news_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA news GRANT USAGE, SELECT ON SEQUENCES TO news_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA news GRANT SELECT ON TABLES TO news_analyst;
