"""Merging customer B into customer A, in the caller's transaction: B's rows move to A (and re-enter
the change feed with A), A's profile absorbs B's, B becomes an alias of A and the feed carries a
``redirect`` of B. The admin endpoint calls this; identity resolution will too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, select, update

from rapport.hub.rules import combine_profiles
from rapport.hub.store import aliases, audit, outbox
from rapport.hub.store.changes import delete_rows, lock_feed, log_ops, write_rows
from rapport.hub.store.customers import get_customer, put_customer
from rapport.hub.store.schema import entity_tables, mutation_result, subscription
from rapport.hub.store.subjects import is_erased
from rapport.protocol import ENTITIES


class MergeError(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class MergeReport:
    merged: str
    into: str
    moved: dict[str, int] = field(default_factory=dict)


def _owned_entities() -> list[str]:
    return [n for n, e in ENTITIES.items() if e.customer_column and n != "customer"]


def _move_rows(conn: Connection, entity: str, source: str, into: str) -> int:
    table = entity_tables[entity]
    col = ENTITIES[entity].customer_column
    assert col is not None
    rows = [
        {str(k): v for k, v in r.items()}
        for r in conn.execute(select(table).where(table.c[col] == source)).mappings()
    ]
    if not rows:
        return 0
    if entity == "identity":
        # The same email or phone on both profiles: keep the survivor's row, drop the copy.
        have = {
            (k, n)
            for k, n in conn.execute(
                select(table.c.kind, table.c.normalized).where(table.c.customer_id == into)
            )
        }
        dupes = [r["id"] for r in rows if (r["kind"], r["normalized"]) in have]
        delete_rows(conn, entity, dupes)
        rows = [r for r in rows if (r["kind"], r["normalized"]) not in have]
    for r in rows:
        r[col] = into
    write_rows(conn, entity, rows)
    return len(rows)


def merge_customers(
    conn: Connection, source: str, into: str, reason: str, by: str | None, now: str
) -> MergeReport:
    """Merge ``source`` (B) into ``into`` (A, or whoever A was merged into)."""
    lock_feed(conn)  # the feed's lock first: no write to B can slip in behind the move
    if is_erased(conn, source) or is_erased(conn, into):
        raise MergeError(404, "no such customer")
    target = aliases.resolve_one(conn, into)
    b = get_customer(conn, source)
    if b is None:
        already = aliases.resolve_one(conn, source)
        if already != source:
            raise MergeError(409, f"customer {source} was already merged into {already}")
        raise MergeError(404, f"no customer {source}")
    if target == source:
        raise MergeError(400, "a customer cannot be merged into itself")
    a = get_customer(conn, target)
    if a is None:
        raise MergeError(404, f"no customer {into}")
    report = MergeReport(source, target)
    for entity in _owned_entities():
        report.moved[entity] = _move_rows(conn, entity, source, target)
    put_customer(conn, combine_profiles(a, b, now))
    customer = entity_tables["customer"]
    conn.execute(delete(customer).where(customer.c.id == source))
    # Earlier aliases of B now point at A too; their redirects read the alias, so a cache that
    # has not applied them yet goes straight to A, and one that has follows this redirect.
    aliases.add_alias(conn, source, target, reason, by, now)
    log_ops(conn, "customer", [(source, source)], "redirect")
    _move_subscriptions(conn, source, target)
    audit.record(conn, "merge", by, now, target, {"merged": source, "reason": reason})
    conn.execute(
        update(mutation_result)
        .where(mutation_result.c.customer_id == source)
        .values(customer_id=target)
    )
    outbox.repoint(conn, source, target)
    return report


def _move_subscriptions(conn: Connection, source: str, into: str) -> None:
    """Whoever pinned B now follows A."""
    users = list(
        conn.execute(
            select(subscription.c.user_id, subscription.c.created_at).where(
                subscription.c.customer_id == source
            )
        )
    )
    if not users:
        return
    have = set(
        conn.execute(
            select(subscription.c.user_id).where(subscription.c.customer_id == into)
        ).scalars()
    )
    rows: list[dict[str, Any]] = [
        {"user_id": u, "customer_id": into, "created_at": at} for u, at in users if u not in have
    ]
    if rows:
        conn.execute(subscription.insert(), rows)
    conn.execute(delete(subscription).where(subscription.c.customer_id == source))
