"""Retention (IT policy ``cache_retention_days``): a customer outside this computer's sync scope,
brought here by a pin (a search of every customer on the hub), is let go of when nobody here has
opened them for that many days. Their rows leave the cache and the sync leaves their later changes
out, until someone pins them again.

Customers in the scope stay: the scope is what IT chose this computer to hold offline (an
associate's store), and narrowing it is how IT holds less. A customer with writes still waiting
for the hub is kept until they are sent: nothing an agent typed is dropped."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from rapport.cache.apply import Applied, apply_changes, purge_customer
from rapport.cache.outbox_file import begin_write
from rapport.domain.timestamps import utc_text


def apply_pinned(
    conn: sqlite3.Connection,
    customer_id: str,
    changes: Sequence[Mapping[str, Any]],
    now: datetime | None = None,
) -> Applied:
    """A pin's snapshot: the customer is wanted here again, and remembered as pinned."""
    with conn:
        conn.execute("DELETE FROM released_customer WHERE customer_id = ?", (customer_id,))
    applied = apply_changes(conn, changes, None)
    target = applied.redirects.get(customer_id, customer_id)
    stamp = utc_text(now or datetime.now(UTC))
    with conn:
        conn.execute("DELETE FROM released_customer WHERE customer_id = ?", (target,))
        conn.execute(
            "INSERT INTO local_pin (customer_id, pinned_at, opened_at) VALUES (?, ?, ?)"
            " ON CONFLICT (customer_id) DO UPDATE SET pinned_at = excluded.pinned_at",
            (target, stamp, stamp),
        )
    return applied


def note_opened(conn: sqlite3.Connection, customer_id: str, at: str) -> None:
    """Runs inside the caller's transaction (the audited view)."""
    conn.execute("UPDATE local_pin SET opened_at = ? WHERE customer_id = ?", (at, customer_id))


def release_stale(conn: sqlite3.Connection, days: int, now: datetime | None = None) -> list[str]:
    """Let go of pinned customers not opened for ``days``; returns their ids (no names: the
    caller may log the count)."""
    if days <= 0:
        return []
    cutoff = utc_text((now or datetime.now(UTC)) - timedelta(days=days))
    with conn:
        begin_write(conn)
        stale = [
            r[0]
            for r in conn.execute(
                "SELECT p.customer_id FROM local_pin AS p"
                " WHERE coalesce(p.opened_at, p.pinned_at) < ?"
                " AND NOT EXISTS (SELECT 1 FROM outbox AS o WHERE o.customer_id = p.customer_id"
                "  AND o.state IN ('pending', 'rejected'))",
                (cutoff,),
            )
        ]
        stamp = utc_text(now or datetime.now(UTC))
        for cid in stale:
            purge_customer(conn, cid)
            conn.execute("DELETE FROM local_pin WHERE customer_id = ?", (cid,))
            conn.execute(
                "INSERT OR REPLACE INTO released_customer (customer_id, released_at) VALUES (?, ?)",
                (cid, stamp),
            )
    return stale
