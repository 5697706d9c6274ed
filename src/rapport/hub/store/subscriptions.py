"""Customers a user pinned: their rows flow to that user's device even outside its scope."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select

from rapport.hub.store.changes import current_changes
from rapport.hub.store.schema import entity_tables, subscription
from rapport.protocol import ENTITIES


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def subscribe(conn: Connection, user_id: str, customer_id: str, now: str) -> None:
    m = _mark(conn)
    conn.exec_driver_sql(
        f"INSERT INTO subscription (user_id, customer_id, created_at) VALUES ({m}, {m}, {m})"
        " ON CONFLICT (user_id, customer_id) DO NOTHING",
        (user_id, customer_id, now),
    )


def unsubscribe(conn: Connection, user_id: str, customer_id: str) -> int:
    return conn.execute(
        delete(subscription).where(
            subscription.c.user_id == user_id, subscription.c.customer_id == customer_id
        )
    ).rowcount


def subscribed(conn: Connection, user_id: str) -> list[str]:
    return list(
        conn.execute(
            select(subscription.c.customer_id).where(subscription.c.user_id == user_id)
        ).scalars()
    )


def customer_snapshot(conn: Connection, customer_id: str) -> list[dict[str, Any]]:
    """Every row about the customer as upsert changes: the customer first, then the rest."""
    out: list[dict[str, Any]] = []
    for name, spec in ENTITIES.items():
        if spec.customer_column:
            table = entity_tables[name]
            out += current_changes(conn, name, table.c[spec.customer_column] == customer_id)
    return out
