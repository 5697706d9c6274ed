"""The client cache's schema and its migrations (``PRAGMA user_version``).

Replicated tables mirror ``rapport.protocol.ENTITIES``; the rest is the client's own: the search
index and the sync state. A migration is a function of a connection; they run in order, each in
its own transaction, so a cache from any earlier version opens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rapport.protocol import BASKET, ENTITIES, SETTING, STAFF, TASK, Entity

_SQL_TYPES = {"text": "TEXT", "int": "INTEGER", "json": "TEXT"}


# Tables whose rows the customer 360 reads by (customer_id, time): the composite index below
# serves customer_id lookups too, so the single-column one would only cost inserts.
_COMPOSITE_CUSTOMER_INDEX = {"interaction", "web_event", "orders"}


def entity_ddl(entity: Entity) -> list[str]:
    cols = ", ".join(
        f"{c.name} TEXT PRIMARY KEY" if c.name == "id" else f"{c.name} {_SQL_TYPES[c.type]}"
        for c in entity.columns
    )
    ddl = [f'CREATE TABLE IF NOT EXISTS "{entity.table}" ({cols})']
    for c in entity.columns:
        if c.name == "customer_id" and entity.table in _COMPOSITE_CUSTOMER_INDEX:
            continue
        if c.indexed:
            ddl.append(
                f'CREATE INDEX IF NOT EXISTS ix_{entity.table}_{c.name} ON "{entity.table}" ({c.name})'
            )
    return ddl


def _v1(conn: sqlite3.Connection) -> None:
    for entity in ENTITIES.values():
        for stmt in entity_ddl(entity):
            conn.execute(stmt)
    # The customer 360 reads a customer's newest rows first: these make that one index range scan.
    conn.execute(
        "CREATE INDEX IF NOT EXISTS ix_interaction_customer_time"
        " ON interaction (customer_id, occurred_at DESC)"
    )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS ix_web_event_customer_time"
        " ON web_event (customer_id, occurred_at DESC)"
    )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS ix_orders_customer_time ON orders (customer_id, placed_at DESC)"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS ix_identity_normalized ON identity (normalized)")
    _create_customer_fts(conn, "customer_fts", "2 3")
    conn.execute("CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT)")


def _create_customer_fts(conn: sqlite3.Connection, name: str, prefix: str) -> None:
    # One row per customer (rowid = customer.rowid). Prefix indexes make as-you-type prefix
    # queries an index lookup instead of a merge of every matching term (80 ms -> 0.15 ms at 1M
    # rows, TOOLCHAIN.md).
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5("
        " name, emails, phones, loyalty,"
        f" tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefix}')"
    )


def _v2(conn: sqlite3.Connection) -> None:
    # (Until migration 8.) The outbox: every local write, in order, until the hub has it. AUTOINCREMENT because a
    # client_seq must never be reused: the hub answers a seq it already applied with the stored
    # result, so a reused number would silently drop a new write.
    conn.execute(
        "CREATE TABLE IF NOT EXISTS outbox ("
        " client_seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " mutation_id TEXT NOT NULL UNIQUE,"
        " name TEXT NOT NULL,"
        " args TEXT NOT NULL,"
        " customer_id TEXT,"
        " target_id TEXT,"  # the row the write creates or changes: the UI marks it pending
        " state TEXT NOT NULL DEFAULT 'pending',"  # pending | rejected | notice
        " created_at TEXT NOT NULL,"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " error_code TEXT,"
        " last_error TEXT,"
        " summary TEXT)"  # what the write was, in words, for the pending/rejected panel
    )
    conn.execute("CREATE INDEX IF NOT EXISTS ix_outbox_customer ON outbox (customer_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS ix_outbox_target ON outbox (target_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS ix_outbox_state ON outbox (state, client_seq)")
    # A cache is a device: a fresh (or rebuilt) cache pushes under a new id, so its client_seq
    # numbering can start over without colliding with what the hub remembers.
    conn.execute(
        "INSERT OR IGNORE INTO sync_state (key, value) VALUES ('device_id', lower(hex(randomblob(16))))"
    )


def _v3(conn: sqlite3.Connection) -> None:
    for entity in (BASKET, TASK):
        for stmt in entity_ddl(entity):
            conn.execute(stmt)
    conn.execute("CREATE INDEX IF NOT EXISTS ix_task_assignee_due ON task (assignee_id, due_at)")


def _v4(conn: sqlite3.Connection) -> None:
    # Where merged-away customers went: a view that reads a customer after the merge was applied
    # but before it heard of it (a timer, a link, a pop for the old id) follows it here.
    conn.execute(
        "CREATE TABLE IF NOT EXISTS customer_redirect ("
        " old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL, at TEXT NOT NULL)"
    )


def _v5(conn: sqlite3.Connection) -> None:
    for entity in (SETTING, STAFF):
        for stmt in entity_ddl(entity):
            conn.execute(stmt)


def _v6(conn: sqlite3.Connection) -> None:
    # Retention (IT policy cache_retention_days): customers brought here by a pin, and when they
    # were last opened; customers let go of, whose changes the sync then leaves out.
    conn.execute(
        "CREATE TABLE IF NOT EXISTS local_pin ("
        " customer_id TEXT PRIMARY KEY, pinned_at TEXT NOT NULL, opened_at TEXT)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS released_customer ("
        " customer_id TEXT PRIMARY KEY, released_at TEXT NOT NULL)"
    )


# Every keystroke ends in a prefix token: "lucas m" and "lucas.m" end in a one-character token,
# and caller-ID digits go through 4 and 5 digits. Without an index for that length, FTS5 merges the
# doclists of every matching term (a million for "m" at call-center scale); with one, it reads a
# single doclist and stops at the LIMIT. From 6 characters on, few enough terms match.
FTS_PREFIXES = "1 2 3 4 5"


def _v7(conn: sqlite3.Connection) -> None:
    # FTS5 fixes its prefix indexes at creation: build the new table from the old one's stored
    # text (no re-tokenizing of phones in Python), then swap the names.
    conn.execute("DROP TABLE IF EXISTS customer_fts_v7")
    _create_customer_fts(conn, "customer_fts_v7", FTS_PREFIXES)
    conn.execute(
        "INSERT INTO customer_fts_v7 (rowid, name, emails, phones, loyalty)"
        " SELECT rowid, name, emails, phones, loyalty FROM customer_fts"
    )
    conn.execute("DROP TABLE customer_fts")
    conn.execute("ALTER TABLE customer_fts_v7 RENAME TO customer_fts")


def _v8(conn: sqlite3.Connection) -> None:
    # Customers opened on this computer, newest first: the start screen's "recent customers". The
    # client's own table (the hub's audit trail has the views, but only supervisors may read it).
    conn.execute(
        "CREATE TABLE IF NOT EXISTS recent_customer ("
        " customer_id TEXT PRIMARY KEY, opened_at TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS ix_recent_customer_opened ON recent_customer (opened_at)"
    )


def _v9(conn: sqlite3.Connection) -> None:
    # The outbox moves to its own file (rapport.cache.outbox_file), attached as outbox_file by
    # every cache connection. Copied and committed there before the table here goes: a crash in
    # between copies again at the next open (same numbers and ids: nothing twice). The device id,
    # hub and user stay in sync_state as the cache's copy; open_cache writes them to the outbox
    # file too.
    old = conn.execute(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'outbox'"
    ).fetchone()
    if old is None:
        return
    cols = (
        "client_seq, mutation_id, name, args, customer_id, target_id, state, created_at,"
        " attempts, error_code, last_error, summary"
    )
    conn.execute(
        f"INSERT OR IGNORE INTO outbox_file.outbox ({cols}) SELECT {cols} FROM main.outbox"
    )
    # AUTOINCREMENT's counter: numbers of writes already applied and gone are never reused.
    high = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = 'outbox'), 0),"
        " coalesce((SELECT max(client_seq) FROM main.outbox), 0),"
        " coalesce((SELECT CAST(value AS INTEGER) FROM outbox_file.outbox_meta"
        "           WHERE key = 'high_water'), 0))"
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO outbox_file.outbox_meta (key, value) VALUES ('high_water', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(high),),
    )
    conn.commit()
    conn.execute("DROP TABLE main.outbox")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the cache to :data:`SCHEMA_VERSION`; returns the version it started from."""
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    if start > SCHEMA_VERSION:
        raise RuntimeError(
            f"this cache was written by a newer Rapport (schema {start} > {SCHEMA_VERSION})"
        )
    for version in range(start, SCHEMA_VERSION):
        with conn:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return int(start)
