"""Applying pulled change pages to the cache.

A page, its search-index updates and the new cursor commit in one transaction: a crash repeats a
page but never skips one (saving the cursor first is PouchDB's classic lost-changes bug).
"""

from __future__ import annotations

import logging
import operator
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from rapport.cache.db import get_state, set_state, truncate_wal
from rapport.cache.search_index import forget_deleted_terms, reindex_customers
from rapport.domain.timestamps import UTC_FORMAT, utc_text
from rapport.protocol import ENTITIES


@dataclass(slots=True)
class Applied:
    """What one page changed, for the UI to re-read: entity -> ids, plus customers touched."""

    rows: int = 0
    by_entity: dict[str, set[str]] = field(default_factory=dict)
    customers: set[str] = field(default_factory=set)
    deleted_customers: set[str] = field(default_factory=set)
    redirects: dict[str, str] = field(default_factory=dict)  # merged-away id -> surviving id
    purged: set[str] = field(default_factory=set)  # erased customers
    acked: int = 0  # outbox rows the hub confirmed


log = logging.getLogger(__name__)

# What is still owed after a purge for the person's bytes to leave the cache's files (a
# ``sync_state`` key): "index" (the search index's old segments hold their terms), then "wal".
ERASURE_CLEANUP = "erasure_cleanup"

_UPSERT_SQL: dict[str, str] = {}


def _upsert_sql(entity: str) -> str:
    sql = _UPSERT_SQL.get(entity)
    if sql is None:
        spec = ENTITIES[entity]
        cols = spec.column_names
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
        sql = (
            f'INSERT INTO "{spec.table}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})'
            f" ON CONFLICT(id) DO UPDATE SET {updates}"
        )
        _UPSERT_SQL[entity] = sql
    return sql


class _RowShape:
    """How one entity's wire rows become insert tuples, worked out once per entity."""

    __slots__ = ("columns", "getter", "json_at")

    def __init__(self, entity: str) -> None:
        spec = ENTITIES[entity]
        self.columns = spec.column_names
        self.getter = operator.itemgetter(*self.columns)
        self.json_at = tuple(self.columns.index(c) for c in spec.json_columns)

    def row(self, data: Mapping[str, Any]) -> tuple[Any, ...]:
        # A hub sends every column; itemgetter reads them all in C. A row without some (an older
        # hub) takes the slower path, with None for what is missing.
        try:
            out = self.getter(data)
        except KeyError:
            out = tuple(data.get(c) for c in self.columns)
        if len(self.columns) == 1:
            out = (out,)
        if not self.json_at:
            return out
        values = list(out)
        for i in self.json_at:
            v = values[i]
            if v is not None and not isinstance(v, str):
                values[i] = orjson.dumps(v).decode()
        return tuple(values)


_SHAPES: dict[str, _RowShape] = {}


def _row_tuple(entity: str, data: Mapping[str, Any]) -> tuple[Any, ...]:
    shape = _SHAPES.get(entity)
    if shape is None:
        shape = _SHAPES[entity] = _RowShape(entity)
    return shape.row(data)


def apply_changes(
    conn: sqlite3.Connection,
    changes: Sequence[Mapping[str, Any]],
    cursor: str | None,
    now: datetime | None = None,
    acked_through: int | None = None,
) -> Applied:
    """Apply ``changes`` (wire format ``{entity, op, id, version, data}``) and store ``cursor``,
    atomically. Unknown entities are skipped: a newer
    hub may replicate tables this client lacks."""
    applied = Applied()
    upserts: dict[str, list[tuple[Any, ...]]] = {}
    deletes: dict[str, list[str]] = {}
    specials: list[Mapping[str, Any]] = []
    released = _released(conn)
    for ch in changes:
        entity = ch.get("entity")
        if entity not in ENTITIES:
            continue
        spec = ENTITIES[entity]
        rid = ch["id"]
        op = ch.get("op")
        if op in ("redirect", "purge"):
            # Order matters around these: apply what came before, then the redirect or purge.
            specials.append(ch)
            continue
        applied.by_entity.setdefault(entity, set()).add(rid)
        if op == "delete":
            deletes.setdefault(entity, []).append(rid)
            continue
        data = ch.get("data") or {}
        if released and spec.customer_column and data.get(spec.customer_column) in released:
            continue  # let go of under the retention policy: not kept until pinned again
        upserts.setdefault(entity, []).append(_row_tuple(entity, data))
        if spec.customer_column and data.get(spec.customer_column):
            applied.customers.add(data[spec.customer_column])
    if specials:
        _outbox_first(conn, specials)
    with conn:
        for entity, ids in deletes.items():
            spec = ENTITIES[entity]
            if spec.customer_column:
                applied.customers.update(_owners(conn, spec.table, spec.customer_column, ids))
            if entity == "customer":
                applied.deleted_customers.update(ids)
                conn.executemany(
                    "DELETE FROM customer_fts WHERE rowid IN"
                    " (SELECT rowid FROM customer WHERE id = ?)",
                    [(i,) for i in ids],
                )
            conn.executemany(f'DELETE FROM "{spec.table}" WHERE id = ?', [(i,) for i in ids])
        for entity, rows in upserts.items():
            conn.executemany(_upsert_sql(entity), rows)
        applied.rows = sum(len(r) for r in upserts.values()) + sum(len(d) for d in deletes.values())
        touched_index = set()
        if "customer" in applied.by_entity or "identity" in applied.by_entity:
            touched_index = applied.by_entity.get("customer", set()) | _identity_owners(
                applied, upserts
            )
        for ch in specials:
            if ch.get("op") == "redirect":
                into = str((ch.get("data") or {}).get("into") or "")
                if into and into != ch["id"]:
                    _redirect(conn, ch["id"], into)
                    applied.redirects[ch["id"]] = into
                    applied.customers.add(into)
                    touched_index.add(into)
            else:
                purge_customer(conn, ch["id"])
                applied.purged.add(ch["id"])
            applied.rows += 1
        gone = applied.deleted_customers | applied.purged | set(applied.redirects)
        reindex_customers(conn, touched_index - gone)
        # ``acked_through`` is not used to drop outbox rows: it counts rejected writes too, and a
        # lost push answer would then lose a rejection silently. Re-pushing those rows returns
        # the hub's stored answer for each instead.
        del acked_through
        if cursor is not None:
            set_state(conn, "cursor", cursor)
        set_state(conn, "last_sync_at", utc_text(now or datetime.now(UTC)))
    if applied.purged or get_state(conn, ERASURE_CLEANUP):
        finish_erasure(conn)
    return applied


def _released(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(r[0] for r in conn.execute("SELECT customer_id FROM released_customer"))


def _customer_tables() -> list[tuple[str, str]]:
    return [
        (spec.table, spec.customer_column)
        for spec in ENTITIES.values()
        if spec.customer_column and spec.name != "customer"
    ]


def _redirect(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Customer ``old`` was merged into ``new``: re-point local rows and pending writes."""
    for table, column in _customer_tables():
        conn.execute(f'UPDATE "{table}" SET {column} = ? WHERE {column} = ?', (new, old))
    conn.execute(
        "DELETE FROM customer_fts WHERE rowid IN (SELECT rowid FROM customer WHERE id = ?)", (old,)
    )
    conn.execute("DELETE FROM customer WHERE id = ?", (old,))
    # The survivor takes the merged profile's place among the recent customers (newest open).
    conn.execute(
        "INSERT INTO recent_customer (customer_id, opened_at)"
        " SELECT ?, opened_at FROM recent_customer WHERE customer_id = ?"
        " ON CONFLICT (customer_id) DO UPDATE SET opened_at = max(opened_at, excluded.opened_at)",
        (new, old),
    )
    conn.execute("DELETE FROM recent_customer WHERE customer_id = ?", (old,))
    # Chains stay one hop long: whoever was merged into ``old`` now points at ``new`` as well.
    conn.execute("UPDATE customer_redirect SET new_id = ? WHERE new_id = ?", (new, old))
    conn.execute(
        "INSERT OR REPLACE INTO customer_redirect (old_id, new_id, at)"
        f" VALUES (?, ?, strftime('{UTC_FORMAT}', 'now'))",
        (old, new),
    )
    _repoint_outbox(conn, old, new)


def _repoint_outbox(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute(
        "UPDATE outbox SET customer_id = ?, args = json_set(args, '$.customer_id', ?),"
        " target_id = CASE WHEN target_id = ? THEN ? ELSE target_id END"
        " WHERE customer_id = ?",
        (new, new, old, new, old),
    )


def _outbox_first(conn: sqlite3.Connection, specials: Sequence[Mapping[str, Any]]) -> None:
    """A page's merges and erasures reach the pending writes (in the outbox file) in a
    transaction of their own, before the page's. In one transaction of both files, the cache
    (and the cursor) would commit first: a crash between the two would keep a pending write
    about an erased customer once the cursor has moved past the erasure. The page repeats these
    (the same updates again, harmless) for writes queued in between."""
    with conn:
        for ch in specials:
            if ch.get("op") == "redirect":
                into = str((ch.get("data") or {}).get("into") or "")
                if into and into != ch["id"]:
                    _repoint_outbox(conn, ch["id"], into)
            else:
                conn.execute("DELETE FROM outbox WHERE customer_id = ?", (ch["id"],))


def purge_customer(conn: sqlite3.Connection, customer_id: str) -> None:
    """Customer erased: every row about them goes, pending writes included. Logs a count only."""
    removed = 0
    for table, column in _customer_tables():
        removed += conn.execute(
            f'DELETE FROM "{table}" WHERE {column} = ?', (customer_id,)
        ).rowcount
    conn.execute(
        "DELETE FROM customer_fts WHERE rowid IN (SELECT rowid FROM customer WHERE id = ?)",
        (customer_id,),
    )
    removed += conn.execute("DELETE FROM customer WHERE id = ?", (customer_id,)).rowcount
    dropped = conn.execute("DELETE FROM outbox WHERE customer_id = ?", (customer_id,)).rowcount
    conn.execute(
        "DELETE FROM customer_redirect WHERE old_id = ? OR new_id = ?", (customer_id, customer_id)
    )
    conn.execute("DELETE FROM recent_customer WHERE customer_id = ?", (customer_id,))
    conn.execute("DELETE FROM local_pin WHERE customer_id = ?", (customer_id,))
    conn.execute("DELETE FROM released_customer WHERE customer_id = ?", (customer_id,))
    # The rows are gone, their bytes not yet: see finish_erasure (after the commit).
    set_state(conn, ERASURE_CLEANUP, "index")
    log.info("erasure applied: %d rows and %d pending writes removed", removed, dropped)


def finish_erasure(conn: sqlite3.Connection) -> None:
    """After a purge commits, make the purged bytes leave the files. The rows' cells and the pages
    they freed were zeroed (``secure_delete``), but FTS5 deletes by writing a tombstone: the
    terms stay in the index's older segments until those are merged, so the whole index is merged
    into one segment without them. Then the WAL, which still holds every page as it was, is
    emptied. When a reader keeps it from that, each page's apply tries again, without waiting:
    a reader that stays (a statement left open) must not slow every page down."""
    owed = get_state(conn, ERASURE_CLEANUP)
    if owed == "index":
        with conn:
            forget_deleted_terms(conn)
            set_state(conn, ERASURE_CLEANUP, "wal")
    if truncate_wal(conn, wait_ms=2000 if owed == "index" else 0):
        with conn:
            set_state(conn, ERASURE_CLEANUP, None)
    else:
        log.info("erasure: the cache's WAL is in use; emptied after the next page")


def _owners(conn: sqlite3.Connection, table: str, column: str, ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for rid in ids:
        row = conn.execute(f'SELECT {column} FROM "{table}" WHERE id = ?', (rid,)).fetchone()
        if row and row[0]:
            out.add(row[0])
    return out


def _identity_owners(applied: Applied, upserts: dict[str, list[tuple[Any, ...]]]) -> set[str]:
    cols = ENTITIES["identity"].column_names
    idx = cols.index("customer_id")
    owners = {row[idx] for row in upserts.get("identity", []) if row[idx]}
    # Deleted identities' owners were collected into applied.customers before deletion.
    if "identity" in applied.by_entity:
        owners |= applied.customers
    return owners


def reset_cache(conn: sqlite3.Connection) -> None:
    """Forget every replicated row and the cursor (the hub answered ``reset``)."""
    with conn:
        for spec in ENTITIES.values():
            conn.execute(f'DELETE FROM "{spec.table}"')
        conn.execute("DELETE FROM customer_fts")
        set_state(conn, "cursor", None)
