#!/usr/bin/env bash
# First start of the compose Postgres: the Airflow metadata database and the warehouse
# database. The warehouse roles -- news_loader (writes the news tables) and news_analyst
# (read-only) -- are created by the warehouse migrations (002_roles) that airflow-init
# applies as this superuser, which also sets their passwords from .env.
# The password is passed as a psql variable and quoted by psql (:'...'): any character is safe.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" \
     -v airflow_pw="$AIRFLOW_DB_PASSWORD" <<'SQL'
CREATE ROLE airflow LOGIN PASSWORD :'airflow_pw';
CREATE DATABASE airflow OWNER airflow;
CREATE DATABASE news;
-- Only the roles granted CONNECT (airflow; news_loader / news_analyst by the migrations)
-- may connect: news_analyst logs in from 127.0.0.1:5432 and has no business in `airflow`.
REVOKE CONNECT, TEMPORARY ON DATABASE airflow FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE news FROM PUBLIC;
SQL
