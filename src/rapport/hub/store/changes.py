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
from sqlalchemy.dialects import postgresql, sqlite

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


def _insert(conn: Connection, table: Any) -> Any:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def _encode(entity: str, row: Mapping[str, Any]) -> dict[str, Any]:
    cols = ENTITIES[entity].column_names
    json_cols = ENTITIES[entity].json_columns
    out = {c: row.get(c) for c in cols}
    for c in json_cols:
        if out[c] is not None and not isinstance(out[c], str):
            out[c] = orjson.dumps(out[c]).decode()
    return out


def write_rows(conn: Connection, entity: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Upsert whole rows of one entity and log them. Returns the last seq used (0 when empty)."""
    if not rows:
        return 0
    spec = ENTITIES[entity]
    table = entity_tables[entity]
    encoded = [_encode(entity, r) for r in rows]
    stmt = _insert(conn, table)
    non_key = {c: stmt.excluded[c] for c in spec.column_names if c != "id"}
    conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=non_key), encoded)
    return _log(conn, entity, [(r["id"], _customer_of(entity, r)) for r in encoded], "upsert")


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


def _customer_of(entity: str, row: Mapping[str, Any]) -> str | None:
    col = ENTITIES[entity].customer_column
    return row.get(col) if col else None


def _log(conn: Connection, entity: str, keys: list[tuple[str, str | None]], op: str) -> int:
    first = allocate_seqs(conn, len(keys))
    stmt = _insert(conn, change_log)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["entity_id", "entity"],
            set_={
                "seq": stmt.excluded.seq,
                "op": stmt.excluded.op,
                "customer_id": stmt.excluded.customer_id,
            },
        ),
        [
            {"seq": first + i, "entity": entity, "entity_id": eid, "customer_id": cid, "op": op}
            for i, (eid, cid) in enumerate(keys)
        ],
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
