"""The alert outbox (news.alert_outbox, migration 005): alerts recorded before they are
mailed, marked when the relay took them, retried while it did not.

Pure storage: the orchestration layer (newsetl.alerts) decides what to send and sends it.
Every function takes the warehouse DSN.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psycopg2.extras import Json

from warehouse.db import connect

ENQUEUE = """
INSERT INTO news.alert_outbox (run_id, fingerprint, subject, html, recipients)
VALUES (%(run_id)s, %(fingerprint)s, %(subject)s, %(html)s, %(recipients)s)
ON CONFLICT (run_id, fingerprint) DO UPDATE SET run_id = EXCLUDED.run_id
RETURNING alert_id, run_id, subject, html, recipients, attempts, delivered_at IS NOT NULL
"""
PENDING = """
SELECT alert_id, run_id, subject, html, recipients, attempts, false
FROM news.alert_outbox WHERE delivered_at IS NULL AND attempts < %(max_attempts)s
ORDER BY created_at, alert_id
"""
MARK = """
UPDATE news.alert_outbox
SET attempts = attempts + 1,
    last_error = %(error)s,
    delivered_at = CASE WHEN %(delivered)s THEN now() ELSE NULL END
WHERE alert_id = %(alert_id)s
"""
COUNT_PENDING = "SELECT count(*) FROM news.alert_outbox WHERE delivered_at IS NULL"
CAN_READ_OUTBOX = "SELECT has_table_privilege('news.alert_outbox', 'SELECT')"
OUTBOX_EXISTS = "SELECT to_regclass('news.alert_outbox') IS NOT NULL"


@dataclass(frozen=True)
class Alert:
    """One outbox row."""

    alert_id: int
    run_id: str
    subject: str
    html: str
    recipients: list[str]
    attempts: int
    delivered: bool


def _alert(row: tuple[Any, ...]) -> Alert:
    return Alert(int(row[0]), str(row[1]), str(row[2]), str(row[3]), list(row[4] or []), int(row[5]), bool(row[6]))


def enqueue(url: str, run_id: str, fingerprint: str, subject: str, html: str, recipients: list[str]) -> Alert:
    """Record an alert (once per run and fingerprint); the stored row, delivered or not."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(ENQUEUE, {"run_id": run_id, "fingerprint": fingerprint, "subject": subject,
                                  "html": html, "recipients": Json(recipients)})
            row = cur.fetchone()
        conn.commit()
    finally:
        conn.close()
    return _alert(row)


def pending(url: str, max_attempts: int) -> list[Alert]:
    """Undelivered alerts that have not used up `max_attempts`, oldest first (none before migration 005)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(OUTBOX_EXISTS)
            if not cur.fetchone()[0]:
                return []
            cur.execute(PENDING, {"max_attempts": max_attempts})
            return [_alert(row) for row in cur.fetchall()]
    finally:
        conn.close()


def mark(url: str, alert_id: int, delivered: bool, error: str | None = None) -> None:
    """Count one delivery attempt of `alert_id`: delivered now, or why not."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(MARK, {"alert_id": alert_id, "delivered": delivered, "error": error})
        conn.commit()
    finally:
        conn.close()


def count_pending(url: str) -> int | None:
    """How many alerts still wait for delivery; None when the login may not read the outbox
    (news_analyst: on-call's mail is not the analysts' business, migration 005)."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(CAN_READ_OUTBOX)
            if not cur.fetchone()[0]:
                return None
            cur.execute(COUNT_PENDING)
            return int(cur.fetchone()[0])
    finally:
        conn.close()
