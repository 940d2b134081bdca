"""Print a Postgres URL whose password comes from an environment variable, URL-encoded.

Used by docker-compose.yml wherever a DSN is needed as one string
(AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD, AIRFLOW__CELERY__RESULT_BACKEND_CMD, the
warehouse URL of airflow-init): a password with `@`, `/`, `:`, `%`, `?` or `#` pasted
into `postgresql://user:${PASSWORD}@host/db` breaks the URL, and the parse error can
print part of it. Stdlib only (runs before anything else in the image is imported).

    python pg_dsn.py [--scheme postgresql+psycopg2] USER PASSWORD_ENV HOST[:PORT] DBNAME
"""
from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import quote


def dsn(scheme: str, user: str, password: str, hostport: str, dbname: str) -> str:
    """`scheme://user:password@hostport/dbname` with user, password and dbname percent-encoded."""
    auth = quote(user, safe="")
    if password:
        auth += ":" + quote(password, safe="")
    return f"{scheme}://{auth}@{hostport}/{quote(dbname, safe='')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheme", default="postgresql")
    parser.add_argument("user")
    parser.add_argument("password_env", help="name of the environment variable holding the password")
    parser.add_argument("hostport")
    parser.add_argument("dbname")
    args = parser.parse_args(argv)
    password = os.environ.get(args.password_env)
    if not password:  # say which variable, never a value
        print(f"pg_dsn: {args.password_env} is not set", file=sys.stderr)
        return 2
    print(dsn(args.scheme, args.user, password, args.hostport, args.dbname))
    return 0


if __name__ == "__main__":
    sys.exit(main())
