"""Writing entity rows together with their change-log rows, and reading the change feed.

Every write goes through :func:`write_rows` or :func:`delete_rows` in the caller's transaction, so
the row and its change-log entry commit together (or not at all).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, and_, delete, or_, select, update

from rapport.hub.store.db import CHANGE_COUNTER
from rapport.hub.store.schema import change_log, counter, entity_tables
from rapport.protocol import ENTITIES


def allocate_seqs(conn: Connection, n: int) -> int:
    """Reserve ``n`` consecutive change numbers; returns the first. The row lock held until commit
    serializes writers, which is what makes seq order equal commit order."""
    new_top = conn.execute(
        update(counter)
        .where(counter.c.name == CHANGE_COUNTER)
        .values(seq=counter.c.seq + n)
        .returning(counter.c.seq)
    ).scalar_one()
    return int(new_top) - n + 1


def _placeholder(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


_UPSERT_SQL: dict[tuple[str, str], str] = {}


def _upsert_sql(entity: str, mark: str) -> str:
    """``INSERT ... ON CONFLICT (id) DO UPDATE``: the same text on SQLite and PostgreSQL. Plain SQL
    through the driver's executemany: SQLAlchemy's per-row parameter processing cost more than the
    database's own work on bulk loads."""
    key = (entity, mark)
    sql = _UPSERT_SQL.get(key)
    if sql is None:
        spec = ENTITIES[entity]
        cols = spec.column_names
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
        sql = (
            f'INSERT INTO "{spec.table}" ({", ".join(cols)}) VALUES ({", ".join([mark] * len(cols))})'
            f" ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        _UPSERT_SQL[key] = sql
    return sql


def _encode(entity: str, row: Mapping[str, Any]) -> tuple[Any, ...]:
    spec = ENTITIES[entity]
    out = [row.get(c) for c in spec.column_names]
    for c in spec.json_columns:
        i = spec.column_names.index(c)
        if out[i] is not None and not isinstance(out[i], str):
            out[i] = orjson.dumps(out[i]).decode()
    return tuple(out)


def write_rows(conn: Connection, entity: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Upsert whole rows of one entity and log them. Returns the last seq used (0 when empty)."""
    if not rows:
        return 0
    spec = ENTITIES[entity]
    encoded = [_encode(entity, r) for r in rows]
    conn.exec_driver_sql(_upsert_sql(entity, _placeholder(conn)), encoded)
    id_idx = 0
    owner_idx = spec.column_names.index(spec.customer_column) if spec.customer_column else None
    keys = [(r[id_idx], r[owner_idx] if owner_idx is not None else None) for r in encoded]
    return _log(conn, entity, keys, "upsert")


def delete_rows(conn: Connection, entity: str, ids: Sequence[str]) -> int:
    """Delete rows and leave tombstones in the change log."""
    if not ids:
        return 0
    table = entity_tables[entity]
    spec = ENTITIES[entity]
    owners: dict[str, str | None] = {}
    if spec.customer_column:
        col = table.c[spec.customer_column]
        for rid, cid in conn.execute(select(table.c.id, col).where(table.c.id.in_(ids))):
            owners[rid] = cid
    conn.execute(delete(table).where(table.c.id.in_(ids)))
    return _log(conn, entity, [(i, owners.get(i)) for i in ids], "delete")


def _log(conn: Connection, entity: str, keys: list[tuple[str, str | None]], op: str) -> int:
    first = allocate_seqs(conn, len(keys))
    m = _placeholder(conn)
    conn.exec_driver_sql(
        f"INSERT INTO change_log (seq, entity, entity_id, customer_id, op) VALUES ({m}, {m}, {m}, {m}, {m})"
        " ON CONFLICT (entity_id, entity) DO UPDATE SET"
        " seq = excluded.seq, op = excluded.op, customer_id = excluded.customer_id",
        [(first + i, entity, eid, cid, op) for i, (eid, cid) in enumerate(keys)],
    )
    return first + len(keys) - 1


@dataclass(frozen=True, slots=True)
class Scope:
    """What a user replicates: everything (``store_id`` None) or the customers of one store."""

    store_id: str | None = None


@dataclass(frozen=True, slots=True)
class ChangePage:
    changes: list[dict[str, Any]]
    last_seq: int
    more: bool
    head: int  # newest seq in the log: the client estimates its progress from it


def read_changes(conn: Connection, after: int, limit: int, scope: Scope) -> ChangePage:
    """Up to ``limit`` changes with seq > ``after`` in seq order, each with its current row."""
    cond = change_log.c.seq > after
    if scope.store_id is not None:
        customer = entity_tables["customer"]
        in_store = select(customer.c.id).where(customer.c.home_store_id == scope.store_id)
        cond = and_(
            cond, or_(change_log.c.customer_id.is_(None), change_log.c.customer_id.in_(in_store))
        )
    log_rows = conn.execute(
        select(change_log.c.seq, change_log.c.entity, change_log.c.entity_id, change_log.c.op)
        .where(cond)
        .order_by(change_log.c.seq)
        .limit(limit + 1)
    ).all()
    more = len(log_rows) > limit
    log_rows = log_rows[:limit]
    if not log_rows:
        return ChangePage([], after, False, latest_seq(conn))
    last = int(log_rows[-1][0])
    # One join per entity present in the page instead of an IN list of ids per row.
    data: dict[tuple[str, str], dict[str, Any]] = {}
    for entity in {e for _s, e, _i, op in log_rows if op == "upsert"}:
        for row in _fetch_page_rows(conn, entity, after, last):
            data[(entity, row["id"])] = row
    changes = []
    for seq, entity, eid, op in log_rows:
        row = data.get((entity, eid)) if op == "upsert" else None
        if op == "upsert" and row is None:
            continue  # deleted after this read started; its tombstone has a later seq
        changes.append({"entity": entity, "op": op, "id": eid, "version": seq, "data": row})
    return ChangePage(changes, last, more, latest_seq(conn))


def _fetch_page_rows(
    conn: Connection, entity: str, after: int, last: int
) -> Iterable[dict[str, Any]]:
    table = entity_tables[entity]
    spec = ENTITIES[entity]
    # Plain str keys: SQLAlchemy's column keys are a str subclass that orjson refuses.
    names = [str(c) for c in spec.column_names]
    json_idx = [names.index(c) for c in spec.json_columns]
    stmt = (
        select(*[table.c[n] for n in names])
        .join(change_log, change_log.c.entity_id == table.c.id)
        .where(change_log.c.entity == entity, change_log.c.seq > after, change_log.c.seq <= last)
    )
    for values in conn.execute(stmt).all():
        vals = list(values)
        for i in json_idx:
            if vals[i] is not None:
                # Already JSON text: embed it as is rather than parse and re-serialize.
                vals[i] = orjson.Fragment(vals[i])
        yield dict(zip(names, vals, strict=True))


def latest_seq(conn: Connection) -> int:
    return int(
        conn.execute(select(counter.c.seq).where(counter.c.name == CHANGE_COUNTER)).scalar_one()
    )
