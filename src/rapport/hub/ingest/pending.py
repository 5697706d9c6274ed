"""Events held until their visitor is known: keyed by the identifier that will link them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from sqlalchemy import Connection, and_, delete, or_, select, update

from rapport.hub.ingest.tables import pending_event

Key = tuple[str, str]  # (identity kind, value): ("anonymous_id", ...) or ("user_id", ...)


def hold(conn: Connection, key: Key, entity: str, row: dict[str, Any], now: str) -> None:
    values = {"key_kind": key[0], "key_value": key[1], "entity": entity, "received_at": now}
    text = orjson.dumps(row).decode()
    done = conn.execute(
        update(pending_event).where(pending_event.c.id == row["id"]).values(row=text, **values)
    )
    if done.rowcount == 0:
        conn.execute(pending_event.insert().values(id=row["id"], row=text, **values))


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


def rekey(conn: Connection, old: Iterable[Key], new: Key) -> None:
    """An alias of two unknown ids: what was held under the old ones waits for the new one."""
    conn.execute(update(pending_event).where(_match(old)).values(key_kind=new[0], key_value=new[1]))
