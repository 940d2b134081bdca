#!/usr/bin/env bash
# First start of the compose Postgres: the Airflow metadata database and the warehouse
# database. Roles news_loader / news_analyst are created by the warehouse migrations.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" \
     -v airflow_pw="$AIRFLOW_DB_PASSWORD" <<'SQL'
CREATE ROLE airflow LOGIN PASSWORD :'airflow_pw';
CREATE DATABASE airflow OWNER airflow;
CREATE DATABASE news;
SQL
