"""Devices and the results of their mutations: what makes a push exactly-once.

A device row is locked (by an UPDATE) at the start of every mutation's transaction, so two pushes of
the same device apply one mutation at a time, each seeing the other's committed ``last_seq``.

Every answer is kept for as long as the hub keeps the device (nothing prunes ``mutation_result``;
an erasure redacts the answers about the person but keeps the rows), so a write is recognized by
its ``client_seq`` and by its ``mutation_id`` however late it is sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, select, update

from rapport.hub.store.schema import device, mutation_result


@dataclass(frozen=True, slots=True)
class StoredResult:
    mutation_id: str
    status: str
    result: Any
    error: Any
    name: str = ""
    customer_id: str | None = None


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def ensure_device(conn: Connection, device_id: str, user_id: str, now: str) -> str:
    """Create the device for ``user_id`` unless it exists; returns its owner."""
    owner = conn.execute(select(device.c.user_id).where(device.c.id == device_id)).scalar()
    if owner is not None:
        return str(owner)
    m = _mark(conn)
    # ON CONFLICT DO NOTHING: two first pushes of one device may race here.
    conn.exec_driver_sql(
        "INSERT INTO device (id, user_id, last_seq, created_at, last_seen_at)"
        f" VALUES ({m}, {m}, 0, {m}, {m}) ON CONFLICT (id) DO NOTHING",
        (device_id, user_id, now, now),
    )
    return str(conn.execute(select(device.c.user_id).where(device.c.id == device_id)).scalar_one())


def lock_device(conn: Connection, device_id: str, now: str) -> int:
    """Lock the device row until the transaction ends; returns its ``last_seq``. Must be the first
    statement of the transaction (SQLite: takes the write lock before anything is read)."""
    return int(
        conn.execute(
            update(device)
            .where(device.c.id == device_id)
            .values(last_seen_at=now)
            .returning(device.c.last_seq)
        ).scalar_one()
    )


def last_seq(conn: Connection, device_id: str, user_id: str) -> int | None:
    """The device's last applied client_seq, or None when it is unknown or someone else's."""
    row = conn.execute(
        select(device.c.last_seq, device.c.user_id).where(device.c.id == device_id)
    ).first()
    if row is None or row.user_id != user_id:
        return None
    return int(row.last_seq)


def last_seqs(conn: Connection, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """:func:`last_seq` of many ``(device_id, user_id)`` at once (long polls woken together)."""
    out: dict[tuple[str, str], int] = {}
    ids = sorted({d for d, _u in pairs})
    for start in range(0, len(ids), 500):
        for row in conn.execute(
            select(device.c.id, device.c.last_seq, device.c.user_id).where(
                device.c.id.in_(ids[start : start + 500])
            )
        ):
            out[(row.id, row.user_id)] = int(row.last_seq)
    return out


def _stored(conn: Connection, *where: Any) -> StoredResult | None:
    # Any of the rows will do: a write answered again under a new number is recorded with the
    # same answer (and merges and erasures change them all). No ORDER BY, which would have the
    # database walk the device's rows by number instead of using the index.
    c = mutation_result.c
    row = conn.execute(
        select(c.mutation_id, c.status, c.result, c.error, c.name, c.customer_id)
        .where(*where)
        .limit(1)
    ).first()
    if row is None:
        return None
    return StoredResult(
        row.mutation_id,
        row.status,
        orjson.loads(row.result) if row.result is not None else None,
        orjson.loads(row.error) if row.error is not None else None,
        row.name,
        row.customer_id,
    )


def stored_result(conn: Connection, device_id: str, client_seq: int) -> StoredResult | None:
    """The answer given to this device's write number ``client_seq``."""
    c = mutation_result.c
    return _stored(conn, c.device_id == device_id, c.client_seq == client_seq)


def result_of(conn: Connection, device_id: str, mutation_id: str) -> StoredResult | None:
    """The answer given to this device's write ``mutation_id``, under whatever number it had
    first (the client renumbers pending writes after a gap or a repair)."""
    c = mutation_result.c
    return _stored(conn, c.device_id == device_id, c.mutation_id == mutation_id)


def record_result(
    conn: Connection,
    device_id: str,
    client_seq: int,
    mutation_id: str,
    name: str,
    status: str,
    result: Any,
    error: Any,
    customer_id: str | None,
    now: str,
) -> None:
    """Store a mutation's answer and advance the device's counter (same transaction)."""
    conn.execute(
        mutation_result.insert().values(
            device_id=device_id,
            client_seq=client_seq,
            mutation_id=mutation_id,
            name=name,
            status=status,
            result=orjson.dumps(result).decode() if result is not None else None,
            error=orjson.dumps(error).decode() if error is not None else None,
            customer_id=customer_id,
            created_at=now,
        )
    )
    conn.execute(update(device).where(device.c.id == device_id).values(last_seq=client_seq))
