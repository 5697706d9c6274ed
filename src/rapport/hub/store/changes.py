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

from rapport.hub.pglisten import NOTIFY_SQL
from rapport.hub.store import aliases
from rapport.hub.store.aliases import MergedCustomerError
from rapport.hub.store.db import CHANGE_COUNTER
from rapport.hub.store.fold import FOLDED, fold
from rapport.hub.store.schema import change_log, counter, entity_tables, subscription
from rapport.hub.store.subjects import check_not_erased
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


def lock_feed(conn: Connection) -> None:
    """Take the change counter's row lock without using a number: merges, erasures and pushed
    mutations take it before reading a customer, so each sees the others entirely or not at all
    (on PostgreSQL; SQLite's single writer lock already serializes them)."""
    allocate_seqs(conn, 0)


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
        cols = _written_columns(entity)
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
        sql = (
            f'INSERT INTO "{spec.table}" ({", ".join(cols)}) VALUES ({", ".join([mark] * len(cols))})'
            f" ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        _UPSERT_SQL[key] = sql
    return sql


_PG_UPSERT_SQL: dict[str, str] = {}


def _pg_upsert_sql(entity: str) -> str:
    """PostgreSQL: the whole batch as one statement, a column per array parameter. psycopg's
    executemany still costs a round of Python work and a server statement per row (a demo seed
    took 3x SQLite's time); unnest has the server do it all in one go. The arrays go as ``%b``
    (binary): in text form psycopg quotes every element with a regex, which cost more than the
    insert itself."""
    sql = _PG_UPSERT_SQL.get(entity)
    if sql is None:
        spec = ENTITIES[entity]
        cols = _written_columns(entity)
        types = [c.type for c in spec.columns] + ["text"] * len(FOLDED.get(entity, ()))
        arrays = ", ".join("%b::bigint[]" if t == "int" else "%b::text[]" for t in types)
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
        sql = _PG_UPSERT_SQL[entity] = (
            f'INSERT INTO "{spec.table}" ({", ".join(cols)}) SELECT * FROM unnest({arrays})'
            f" ON CONFLICT (id) DO UPDATE SET {updates}"
        )
    return sql


def _as_arrays(rows: Iterable[tuple[Any, ...]]) -> tuple[list[Any], ...]:
    """Rows to one list per column. One statement cannot update a row twice (ON CONFLICT refuses),
    so a key repeated in the batch keeps its last row, as one statement per row would have left
    it. Booleans become 0/1 for the integer columns."""
    last = {r[0]: r for r in rows}
    return tuple(
        [int(v) if isinstance(v, bool) else v for v in col]
        for col in zip(*last.values(), strict=True)
    )


def _upsert(conn: Connection, entity: str, encoded: list[tuple[Any, ...]]) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_pg_upsert_sql(entity), _as_arrays(encoded))
    else:
        conn.exec_driver_sql(_upsert_sql(entity, _placeholder(conn)), encoded)


def _written_columns(entity: str) -> tuple[str, ...]:
    """The replicated columns, then the hub's folded copies (which only the upsert writes)."""
    return ENTITIES[entity].column_names + tuple(n for n, _src in FOLDED.get(entity, ()))


def _encode(entity: str, row: Mapping[str, Any]) -> tuple[Any, ...]:
    spec = ENTITIES[entity]
    out = [row.get(c) for c in spec.column_names]
    for c in spec.json_columns:
        i = spec.column_names.index(c)
        if out[i] is not None and not isinstance(out[i], str):
            out[i] = orjson.dumps(out[i]).decode()
    out += [fold(row.get(src)) for _name, src in FOLDED.get(entity, ())]
    return tuple(out)


def write_rows(conn: Connection, entity: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Upsert whole rows of one entity and log them. Returns the last seq used (0 when empty).

    Rows about an erased customer raise :class:`ErasedSubjectError` (nothing is written: the caller's
    transaction rolls back); rows naming a merged-away customer are re-pointed to the survivor; a
    customer row re-creating a merged-away id raises :class:`MergedCustomerError`."""
    if not rows:
        return 0
    spec = ENTITIES[entity]
    # The counter's row lock first: the checks below then see every erasure and merge committed
    # before, and those starting later wait for this transaction (they take the counter first too).
    first = allocate_seqs(conn, len(rows))
    encoded = [_encode(entity, r) for r in rows]
    owner_idx = spec.column_names.index(spec.customer_column) if spec.customer_column else None
    if owner_idx is not None:
        encoded = _guard_owners(conn, entity, encoded, owner_idx)
    _upsert(conn, entity, encoded)
    keys = [(r[0], r[owner_idx] if owner_idx is not None else None) for r in encoded]
    _insert_log(conn, entity, keys, "upsert", first)
    return first + len(keys) - 1


def _guard_owners(
    conn: Connection, entity: str, encoded: list[tuple[Any, ...]], owner_idx: int
) -> list[tuple[Any, ...]]:
    owners = {r[owner_idx] for r in encoded if r[owner_idx]}
    check_not_erased(conn, owners)
    if not aliases.any_alias(conn):
        return encoded
    merged = aliases.targets(conn, owners)
    if not merged:
        return encoded
    if entity == "customer":
        raise MergedCustomerError("refusing to re-create a customer that was merged into another")
    return [
        r
        if r[owner_idx] not in merged
        else (*r[:owner_idx], merged[r[owner_idx]], *r[owner_idx + 1 :])
        for r in encoded
    ]


def delete_rows(conn: Connection, entity: str, ids: Sequence[str]) -> int:
    """Delete rows and leave tombstones in the change log."""
    if not ids:
        return 0
    first = allocate_seqs(conn, len(ids))
    table = entity_tables[entity]
    spec = ENTITIES[entity]
    owners: dict[str, str | None] = {}
    if spec.customer_column:
        col = table.c[spec.customer_column]
        for rid, cid in conn.execute(select(table.c.id, col).where(table.c.id.in_(ids))):
            owners[rid] = cid
    conn.execute(delete(table).where(table.c.id.in_(ids)))
    _insert_log(conn, entity, [(i, owners.get(i)) for i in ids], "delete", first)
    return first + len(ids) - 1


def any_rows(conn: Connection, entity: str) -> bool:
    table = entity_tables[entity]
    return conn.execute(select(table.c.id).limit(1)).first() is not None


def log_ops(conn: Connection, entity: str, keys: Sequence[tuple[str, str | None]], op: str) -> int:
    """Log changes that are not a row write: ``redirect`` and ``purge`` of customers. ``keys`` are
    ``(entity_id, customer_id)``. Returns the last seq used."""
    if not keys:
        return 0
    first = allocate_seqs(conn, len(keys))
    _insert_log(conn, entity, list(keys), op, first)
    return first + len(keys) - 1


def _insert_log(
    conn: Connection, entity: str, keys: list[tuple[str, str | None]], op: str, first: int
) -> None:
    on_conflict = (
        " ON CONFLICT (entity_id, entity) DO UPDATE SET"
        " seq = excluded.seq, op = excluded.op, customer_id = excluded.customer_id"
    )
    if conn.dialect.name == "postgresql":
        # One statement per batch (see _pg_upsert_sql); an id repeated keeps its last seq. The
        # NOTIFY for the other hub processes rides in the same statement (delivered on commit).
        eids, seqs, cids = _as_arrays((eid, first + i, cid) for i, (eid, cid) in enumerate(keys))
        conn.exec_driver_sql(
            "WITH logged AS (INSERT INTO change_log (seq, entity, entity_id, customer_id, op)"
            " SELECT s, %s, e, c, %s FROM unnest(%b::bigint[], %b::text[], %b::text[]) AS u(s, e, c)"
            + on_conflict
            + f") {NOTIFY_SQL}",
            (entity, op, seqs, eids, cids),
        )
    else:
        m = _placeholder(conn)
        conn.exec_driver_sql(
            "INSERT INTO change_log (seq, entity, entity_id, customer_id, op)"
            f" VALUES ({m}, {m}, {m}, {m}, {m})" + on_conflict,
            [(first + i, entity, eid, cid, op) for i, (eid, cid) in enumerate(keys)],
        )


# Ops about a whole customer. They carry ids only, and are sent to every user: after a merge or an
# erasure the customer row is gone, so its store (the scope) is no longer known, and a cache that
# never held the id ignores them.
CUSTOMER_OPS = ("redirect", "purge")


@dataclass(frozen=True, slots=True)
class Scope:
    """What a user replicates: everything (no ``store_id`` and no ``user_id``), or the customers of
    ``store_id`` plus those ``user_id`` subscribed to."""

    store_id: str | None = None
    user_id: str | None = None

    @property
    def restricted(self) -> bool:
        return self.store_id is not None or self.user_id is not None


@dataclass(frozen=True, slots=True)
class ChangePage:
    changes: list[dict[str, Any]]
    last_seq: int
    more: bool
    head: int  # newest seq in the log: the client estimates its progress from it


def read_changes(conn: Connection, after: int, limit: int, scope: Scope) -> ChangePage:
    """Up to ``limit`` changes with seq > ``after`` in seq order, each with its current row."""
    # Read before the page: every seq up to it has committed (seq order is commit order), so a
    # restricted reader's cursor can skip past the rows outside its scope instead of rescanning them.
    head = latest_seq(conn)
    cond = change_log.c.seq > after
    if scope.restricted:
        cond = and_(cond, _in_scope(scope))
    log_rows = conn.execute(
        select(change_log.c.seq, change_log.c.entity, change_log.c.entity_id, change_log.c.op)
        .where(cond)
        .order_by(change_log.c.seq)
        .limit(limit + 1)
    ).all()
    more = len(log_rows) > limit
    log_rows = log_rows[:limit]
    if not log_rows:
        return ChangePage([], max(after, head), False, latest_seq(conn))
    last = int(log_rows[-1][0])
    # One join per entity present in the page instead of an IN list of ids per row.
    data: dict[tuple[str, str], dict[str, Any]] = {}
    for entity in {e for _s, e, _i, op in log_rows if op == "upsert"}:
        for row in _fetch_page_rows(conn, entity, after, last):
            data[(entity, row["id"])] = row
    redirected = [eid for _s, _e, eid, op in log_rows if op == "redirect"]
    into = aliases.targets(conn, redirected) if redirected else {}
    changes = []
    for seq, entity, eid, op in log_rows:
        row: Any = None
        if op == "upsert":
            row = data.get((entity, eid))
            if row is None:
                continue  # deleted after this read started; its tombstone has a later seq
        elif op == "redirect":
            if eid not in into:
                continue  # the survivor was erased since: a purge of this id follows
            row = {"into": into[eid]}
        changes.append({"entity": entity, "op": op, "id": eid, "version": seq, "data": row})
    if not more:
        last = max(last, head)
    return ChangePage(changes, last, more, latest_seq(conn))


def _in_scope(scope: Scope) -> Any:
    owner = change_log.c.customer_id
    allowed = [owner.is_(None), change_log.c.op.in_(CUSTOMER_OPS)]
    if scope.store_id is not None:
        customer = entity_tables["customer"]
        allowed.append(
            owner.in_(select(customer.c.id).where(customer.c.home_store_id == scope.store_id))
        )
    if scope.user_id is not None:
        allowed.append(
            owner.in_(
                select(subscription.c.customer_id).where(subscription.c.user_id == scope.user_id)
            )
        )
    return or_(*allowed)


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


def current_changes(conn: Connection, entity: str, cond: Any) -> list[dict[str, Any]]:
    """Rows of ``entity`` matching ``cond`` as upsert changes (wire format), each with the seq of
    its change-log row as version: a snapshot, for history that predates a reader's cursor."""
    table = entity_tables[entity]
    spec = ENTITIES[entity]
    names = [str(c) for c in spec.column_names]
    json_idx = [names.index(c) for c in spec.json_columns]
    stmt = (
        select(change_log.c.seq, *[table.c[n] for n in names])
        .select_from(table)
        .outerjoin(
            change_log, and_(change_log.c.entity_id == table.c.id, change_log.c.entity == entity)
        )
        .where(cond)
        # Rows without a change-log entry first, as SQLite sorts NULL (PostgreSQL would put them
        # last); then by id for rows that share none.
        .order_by(change_log.c.seq.nulls_first(), table.c.id)
    )
    out = []
    for seq, *vals in conn.execute(stmt).all():
        for i in json_idx:
            if vals[i] is not None:
                vals[i] = orjson.Fragment(vals[i])
        row = dict(zip(names, vals, strict=True))
        out.append(
            {"entity": entity, "op": "upsert", "id": row["id"], "version": seq or 0, "data": row}
        )
    return out


def latest_seq(conn: Connection) -> int:
    return int(
        conn.execute(select(counter.c.seq).where(counter.c.name == CHANGE_COUNTER)).scalar_one()
    )
