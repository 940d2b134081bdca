-- 015 the read-only login cannot stall the loads. Advisory locks are every role's by default: as
-- news_analyst, `SELECT pg_advisory_lock(<the load lock's key>)` (warehouse.sql.LOAD_LOCK_KEY), a shared
-- one, or the xact form in a transaction left open, made every load (and the indicator sync of every
-- upgrade, and with MIGRATION_LOCK_KEY every migration) wait until statement_timeout failed it.
-- The advisory lock functions are taken from PUBLIC and given to news_loader (loads, quarantine
-- decisions, indicator sync) and to the database's owner (its upgrades, when it is no superuser);
-- superusers need no grant. As 014: function privileges live in this database's catalog, and only a
-- superuser may revoke them on pg_catalog's functions: another owner gets a NOTICE and leaves them open.

DO $$
DECLARE
    f regprocedure;
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE NOTICE 'advisory locks left to every role: only a superuser may revoke pg_advisory_lock and its kin';
        RETURN;
    END IF;
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = 'pg_catalog'::regnamespace
               AND p.proname ~ '^pg_(try_)?advisory_(xact_)?lock(_shared)?$' LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO news_loader, %I', f,
                       (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()));
    END LOOP;
END
$$;
