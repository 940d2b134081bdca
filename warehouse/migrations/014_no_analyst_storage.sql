-- 014 the read-only login stores nothing. 002 gave news_analyst SELECT only, but two things any
-- role of a database may do by default were left: create large objects (`SELECT lo_from_bytea(0,
-- 'x')`, libpq's lo_creat: bytes kept in pg_largeobject after the session) and create temp tables
-- (PUBLIC's TEMPORARY on the database). Both are taken from PUBLIC here; news_loader keeps TEMPORARY
-- (002: the load's COPY staging tables). The project uses no large objects.
-- Function privileges live in each database's catalog, so this changes this database only; only a
-- superuser (the embedded server's postgres, the stack's migrating POSTGRES_USER) may revoke them
-- on pg_catalog's functions: another owner gets a NOTICE and the large-object functions stay open.

DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO news_loader', current_database());
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
            pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text),
            pg_catalog.lo_import(text, oid) FROM PUBLIC;
    ELSE
        RAISE NOTICE 'large objects left to every role: only a superuser may revoke lo_create and its kin';
    END IF;
END
$$;
