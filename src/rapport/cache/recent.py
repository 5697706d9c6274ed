"""Customers opened on this computer, newest first: what the start screen offers to reopen.

A view is noted in the same transaction that queues it for the hub's audit trail
(:func:`rapport.cache.audit.record_view`). Erasure and merges keep the list honest
(:mod:`rapport.cache.apply`): an erased person leaves it, a merged profile hands its place to the
survivor. Only this many are kept: the list is a convenience, not a history.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

KEEP = 50

__all__ = ["KEEP", "RecentCustomer", "note_recent", "recent_customers"]


@dataclass(frozen=True, slots=True)
class RecentCustomer:
    id: str
    name: str
    tier: str | None
    phone: str | None  # E.164 of the primary phone; the UI formats it
    email: str | None
    opened_at: str  # UTC ...Z


def note_recent(conn: sqlite3.Connection, customer_id: str, at: str) -> None:
    """Runs inside the caller's transaction (the audited view)."""
    conn.execute(
        "INSERT INTO recent_customer (customer_id, opened_at) VALUES (?, ?)"
        " ON CONFLICT (customer_id) DO UPDATE SET opened_at = excluded.opened_at",
        (customer_id, at),
    )
    conn.execute(
        "DELETE FROM recent_customer WHERE customer_id NOT IN"
        " (SELECT customer_id FROM recent_customer ORDER BY opened_at DESC LIMIT ?)",
        (KEEP,),
    )


def _identity(conn: sqlite3.Connection, customer_id: str, kind: str) -> str | None:
    row = conn.execute(
        "SELECT coalesce(normalized, value) FROM identity WHERE customer_id = ? AND kind = ?"
        " ORDER BY coalesce(is_primary, 0) DESC, created_at LIMIT 1",
        (customer_id, kind),
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def recent_customers(conn: sqlite3.Connection, limit: int = 8) -> list[RecentCustomer]:
    """The last ``limit`` customers opened here that are still in the cache, newest first."""
    # CROSS JOIN: SQLite then walks the recent rows, newest first, and looks each customer up.
    # With a plain JOIN, statistics that cover `customer` and not this small table (a cache
    # analyzed while it was empty) made it walk every customer instead.
    rows = conn.execute(
        "SELECT r.customer_id, r.opened_at, c.given_name, c.family_name, c.tier"
        " FROM recent_customer AS r CROSS JOIN customer AS c ON c.id = r.customer_id"
        " ORDER BY r.opened_at DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        RecentCustomer(
            id=r[0],
            name=" ".join(p for p in (r[2], r[3]) if p) or "",
            tier=r[4],
            phone=_identity(conn, r[0], "phone"),
            email=_identity(conn, r[0], "email"),
            opened_at=r[1],
        )
        for r in rows
    ]
