"""The audit trail: who viewed, searched, exported, merged or erased which customer, and when.

Rows are about a customer id; a query for a customer finds the rows of the ids merged into it too.
The detail is a small JSON object (the search text, where a view came from)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select, update

from rapport.hub.store import aliases
from rapport.hub.store.schema import audit_event

ACTIONS = ("view", "search", "export", "merge", "erase")
MAX_ROWS = 1000


def record(
    conn: Connection,
    action: str,
    user_id: str | None,
    at: str,
    customer_id: str | None = None,
    detail: Mapping[str, Any] | None = None,
    device_id: str | None = None,
) -> None:
    conn.execute(
        insert(audit_event).values(
            at=at,
            user_id=user_id,
            action=action,
            customer_id=customer_id,
            device_id=device_id,
            detail=orjson.dumps(dict(detail)).decode() if detail else None,
        )
    )


def query(
    conn: Connection,
    *,
    customer_id: str | None = None,
    user_id: str | None = None,
    action: str | None = None,
    since: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Newest first."""
    stmt = select(audit_event).order_by(audit_event.c.at.desc(), audit_event.c.id.desc())
    if customer_id is not None:
        live = aliases.resolve_one(conn, customer_id)
        ids = [live, *aliases.aliases_of(conn, live)]
        stmt = stmt.where(audit_event.c.customer_id.in_(ids))
    if user_id is not None:
        stmt = stmt.where(audit_event.c.user_id == user_id)
    if action is not None:
        stmt = stmt.where(audit_event.c.action == action)
    if since is not None:
        stmt = stmt.where(audit_event.c.at >= since)
    rows = conn.execute(stmt.limit(max(1, min(limit, MAX_ROWS)))).mappings().all()
    # str(): SQLAlchemy's key type is a str subclass, which orjson refuses as a dict key.
    return [
        {
            **{str(k): v for k, v in r.items()},
            "detail": orjson.loads(r["detail"]) if r["detail"] else None,
        }
        for r in rows
    ]


def forget_subject(conn: Connection, ids: Iterable[str]) -> int:
    """Erasure: the rows stay (someone looked, at that time) but no longer say about whom, nor
    what was typed to find them."""
    return conn.execute(
        update(audit_event)
        .where(audit_event.c.customer_id.in_(list(ids)))
        .values(customer_id=None, detail=None)
    ).rowcount


def forget_searches(conn: Connection, finds: Callable[[str], bool]) -> int:
    """Erasure: searches whose text finds the erased person, among others or before the hub had
    them (no single result, so no ``customer_id`` for :func:`forget_subject` to go by), keep that
    they happened, not what was typed (a name, a phone number)."""
    found: list[int] = []
    stmt = (
        select(audit_event.c.id, audit_event.c.detail)
        .where(
            audit_event.c.action == "search",
            audit_event.c.customer_id.is_(None),
            audit_event.c.detail.is_not(None),
        )
        .execution_options(yield_per=2000)
    )
    for row_id, detail in conn.execute(stmt):
        q = orjson.loads(detail).get("q")
        if isinstance(q, str) and finds(q):
            found.append(row_id)
    for start in range(0, len(found), 500):
        chunk = found[start : start + 500]
        conn.execute(update(audit_event).where(audit_event.c.id.in_(chunk)).values(detail=None))
    return len(found)
