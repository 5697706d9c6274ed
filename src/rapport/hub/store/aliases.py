"""Customer aliases: after B is merged into A, B resolves to A for every writer that still names B
(offline devices, ingestion). Chains are collapsed when they form, so one lookup resolves."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, select, update

from rapport.hub.store.schema import customer_alias

_CHUNK = 500
_MAX_HOPS = 32  # chains are collapsed on merge; this only guards against a hand-edited loop


def any_alias(conn: Connection) -> bool:
    return conn.execute(select(customer_alias.c.alias_id).limit(1)).first() is not None


def targets(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """``{alias: surviving customer}`` for the ids of ``ids`` that are aliases."""
    pending = sorted({i for i in ids if i})
    out: dict[str, str] = {}
    for start in range(0, len(pending), _CHUNK):
        chunk = pending[start : start + _CHUNK]
        for alias_id, into in conn.execute(
            select(customer_alias.c.alias_id, customer_alias.c.customer_id).where(
                customer_alias.c.alias_id.in_(chunk)
            )
        ):
            out[alias_id] = into
    # Chains are collapsed on merge, so this is one more lookup per alias found, which says so.
    return {alias_id: resolve_one(conn, into) for alias_id, into in out.items()}


def resolve_one(conn: Connection, customer_id: str) -> str:
    """The customer ``customer_id`` now is: itself, or the end of its alias chain."""
    current = customer_id
    for _ in range(_MAX_HOPS):
        into = conn.execute(
            select(customer_alias.c.customer_id).where(customer_alias.c.alias_id == current)
        ).scalar()
        if into is None or into == current:
            return current
        current = into
    return current


def add_alias(
    conn: Connection, alias_id: str, into: str, reason: str, by: str | None, at: str
) -> None:
    """Record ``alias_id`` -> ``into`` and re-point aliases of ``alias_id`` to ``into``."""
    conn.execute(
        update(customer_alias)
        .where(customer_alias.c.customer_id == alias_id)
        .values(customer_id=into)
    )
    conn.execute(
        customer_alias.insert().values(
            alias_id=alias_id, customer_id=into, reason=reason, merged_by=by, created_at=at
        )
    )


def aliases_of(conn: Connection, customer_id: str) -> list[str]:
    return list(
        conn.execute(
            select(customer_alias.c.alias_id)
            .where(customer_alias.c.customer_id == customer_id)
            .order_by(customer_alias.c.alias_id)
        ).scalars()
    )


def forget(conn: Connection, alias_ids: Iterable[str]) -> None:
    ids = list(alias_ids)
    if ids:
        conn.execute(delete(customer_alias).where(customer_alias.c.alias_id.in_(ids)))


class MergedCustomerError(ValueError):
    """A write would re-create a customer that was merged into another."""
