"""Read-only queries over schema news (the demo summary)."""
from __future__ import annotations

from typing import Any

from warehouse import sql
from warehouse.db import connect


def summary_counts(url: str | None = None, run_id: str | None = None) -> dict[str, Any]:
    """Totals and per-source counts: {"articles", "metrics", "quarantined", "sources": {name: {..}}}.

    Quarantined rows are those of `run_id` when given, else of every run.
    """
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.LEDGER_EXISTS)
            rows = []
            if cur.fetchone()[0]:
                cur.execute(sql.SUMMARY_PER_SOURCE, {"run_id": run_id})
                rows = cur.fetchall()
    finally:
        conn.close()
    per_source = {name: {"articles": a, "metrics": m, "quarantined": q} for name, a, m, q in rows}
    return {
        "articles": sum(r["articles"] for r in per_source.values()),
        "metrics": sum(r["metrics"] for r in per_source.values()),
        "quarantined": sum(r["quarantined"] for r in per_source.values()),
        "sources": per_source,
    }
