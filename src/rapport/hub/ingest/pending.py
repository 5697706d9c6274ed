"""Events held until their visitor is known: keyed by the identifier that will link them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, and_, delete, or_, select, update

from rapport.hub.ingest.tables import pending_event

Key = tuple[str, str]  # (identity kind, value): ("anonymous_id", ...) or ("user_id", ...)


def hold_many(conn: Connection, held: Sequence[tuple[Key, str, dict[str, Any]]], now: str) -> None:
    """Hold rows for later; a row already held (a message replayed after its dedupe window, same
    id) is kept as it was."""
    if not held:
        return
    m = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        "INSERT INTO ingest_pending_event (id, key_kind, key_value, entity, row, received_at)"
        f" VALUES ({m}, {m}, {m}, {m}, {m}, {m}) ON CONFLICT (id) DO NOTHING",
        [
            (row["id"], key[0], key[1], entity, orjson.dumps(row).decode(), now)
            for key, entity, row in held
        ],
    )


def _match(keys: Iterable[Key]) -> Any:
    return or_(
        *[and_(pending_event.c.key_kind == k, pending_event.c.key_value == v) for k, v in keys]
    )


def take(conn: Connection, keys: Iterable[Key]) -> list[tuple[str, dict[str, Any]]]:
    """Remove and return the ``(entity, row)`` held under any of ``keys``, oldest first."""
    keys = list(keys)
    if not keys:
        return []
    found = conn.execute(
        select(pending_event.c.id, pending_event.c.entity, pending_event.c.row)
        .where(_match(keys))
        .order_by(pending_event.c.received_at, pending_event.c.id)
    ).all()
    if found:
        conn.execute(delete(pending_event).where(pending_event.c.id.in_([r[0] for r in found])))
    return [(entity, orjson.loads(row)) for _id, entity, row in found]


def get(conn: Connection, row_id: str) -> dict[str, Any] | None:
    text = conn.execute(select(pending_event.c.row).where(pending_event.c.id == row_id)).scalar()
    return orjson.loads(text) if text else None


def replace(conn: Connection, row: dict[str, Any]) -> None:
    """Change a held row (a guest's order refunded before they identified)."""
    conn.execute(
        update(pending_event)
        .where(pending_event.c.id == row["id"])
        .values(row=orjson.dumps(row).decode())
    )


def forget(conn: Connection, ids: Iterable[str]) -> int:
    """Erasure: what is held under the erased person's web ids (as an anonymous id or a user id)
    goes; nothing will claim it."""
    values = sorted(set(ids))
    gone = 0
    for start in range(0, len(values), 500):
        gone += int(
            conn.execute(
                delete(pending_event).where(
                    pending_event.c.key_kind.in_(("anonymous_id", "user_id")),
                    pending_event.c.key_value.in_(values[start : start + 500]),
                )
            ).rowcount
            or 0
        )
    return gone
