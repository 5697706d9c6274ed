"""The outbox file: what agents typed and who this device is, in a small durable SQLite file next
to the cache (``cache.outbox.sqlite3`` beside ``cache.sqlite3``).

The cache is a copy of the hub that can always be downloaded again; the outbox is the only copy
of writes the hub does not have yet. Kept apart, damage to the big, busy cache file (a disk error,
a truncated copy, a sync killed mid-page) never reaches a typed write, and recovery knows which
hub and user the cache belongs to.

Layout. Cache connections (:func:`rapport.cache.db.connect`) ATTACH this file as ``outbox_file``;
an unqualified ``outbox`` resolves to it since the cache itself has no such table (migration 8
moved it here). The local writer (:func:`connect_local_writer`) opens it the other way round: this
file is ``main`` and the cache is attached as ``cache``. SQLite commits the files of a transaction
one after the other, ``main`` first (atomic per file, not across files, in WAL mode), so a local
write's transaction puts its outbox row on disk before the local change it describes: a crash
between the two leaves a queued write whose local copy comes back with the next sync, never a
local change the hub will not hear of.

Locks. Every writer takes the cache's write lock before the outbox file's (:func:`begin_write`):
two writers taking them in opposite orders would each wait for the other until the busy timeout.

Numbers. ``client_seq`` is issued from ``high_water`` (the highest number ever issued, which never
goes down) and ``hub_last_seq`` (the hub's last applied number for this device, as last heard):
the next number is above both, so a number is never reused, even after a repair. Both, with the
device id, hub and user, are mirrored in the cache's ``sync_state``: each file can rebuild the
other's identity.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from rapport.private_files import private_file

SCHEMA = "outbox_file"  # the outbox file's name on cache connections
CACHE_SCHEMA = "cache"  # the cache's name on the local writer's connection
VERSION = 1

IDENTITY_KEYS = ("device_id", "hub_url", "user")
COUNTER_KEYS = ("high_water", "hub_last_seq")


def outbox_path(cache_path: Path) -> Path:
    return cache_path.with_name(f"{cache_path.stem}.outbox{cache_path.suffix}")


def create_schema(conn: sqlite3.Connection, schema: str) -> None:
    """The outbox file's tables; the meta table first, so that its pages come before the rows'
    (a file cut short keeps its counters)."""
    if conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0] >= VERSION:
        return
    with conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {schema}.outbox_meta (key TEXT PRIMARY KEY, value TEXT)"
        )
        # Same columns as the cache's outbox before migration 8. No AUTOINCREMENT: numbers come
        # from outbox_meta (see the module docstring), which survives the rows being lost.
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {schema}.outbox ("
            " client_seq INTEGER PRIMARY KEY,"
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
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS {schema}.ix_outbox_customer ON outbox (customer_id)"
        )
        conn.execute(f"CREATE INDEX IF NOT EXISTS {schema}.ix_outbox_target ON outbox (target_id)")
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS {schema}.ix_outbox_state ON outbox (state, client_seq)"
        )
        # Numbers of pending writes that left without reaching the hub (erased, renumbered):
        # a salvage counts as lost only the numbers above the hub's that are neither here nor
        # recovered. Pruned up to the hub's last number as it is heard.
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {schema}.outbox_dropped (client_seq INTEGER PRIMARY KEY)"
        )
        conn.execute(
            f"CREATE TRIGGER IF NOT EXISTS {schema}.outbox_pending_dropped AFTER DELETE ON outbox"
            " WHEN old.state = 'pending'"
            " BEGIN INSERT OR IGNORE INTO outbox_dropped (client_seq) VALUES (old.client_seq); END"
        )
        conn.execute(f"PRAGMA {schema}.user_version = {VERSION}")


def attach(conn: sqlite3.Connection, cache_path: Path, *, readonly: bool) -> None:
    """ATTACH the outbox file of ``cache_path`` to a cache connection as :data:`SCHEMA`."""
    path = outbox_path(cache_path)
    if readonly:
        if path.exists():
            conn.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (f"file:{path.as_posix()}?mode=ro",))
        else:
            # A cache never opened by this release, or one copied without its outbox file: no
            # writes are waiting. An empty outbox in memory keeps every reader's query valid.
            conn.execute(f"ATTACH DATABASE ':memory:' AS {SCHEMA}")
            create_schema(conn, SCHEMA)
        return
    if not path.exists():
        private_file(path)
    conn.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(path),))
    _durable(conn, SCHEMA)
    create_schema(conn, SCHEMA)


def _durable(conn: sqlite3.Connection, schema: str) -> None:
    # WAL: the UI's reader, the local writer and the sync writer use it at once. FULL: what a
    # person typed is on disk once the call returns, whatever the cache connection's setting.
    conn.execute(f"PRAGMA {schema}.journal_mode = WAL")
    conn.execute(f"PRAGMA {schema}.synchronous = FULL")
    # A write dropped at an erasure is overwritten with zeros, not left readable in a free page.
    conn.execute(f"PRAGMA {schema}.secure_delete = ON")


class LocalWriterConnection(sqlite3.Connection):
    """A connection whose ``main`` is the outbox file and whose ``cache`` is the cache."""


def connect_local_writer(cache_path: Path) -> sqlite3.Connection:
    """The connection for what a person types (:class:`rapport.cache.writes.LocalWrites`):
    its transactions commit the outbox row before the local change (see the module docstring).
    Unqualified names resolve as on a cache connection: the outbox tables here, the rest in the
    cache."""
    path = outbox_path(cache_path)
    if not path.exists():
        private_file(path)
    conn = sqlite3.connect(path, check_same_thread=False, timeout=10, factory=LocalWriterConnection)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA busy_timeout = 10000")
    _durable(conn, "main")
    create_schema(conn, "main")
    conn.execute(f"ATTACH DATABASE ? AS {CACHE_SCHEMA}", (str(cache_path),))
    _durable(conn, CACHE_SCHEMA)
    conn.execute(f"PRAGMA {CACHE_SCHEMA}.cache_size = -32000")
    return conn


def is_local_writer(conn: sqlite3.Connection) -> bool:
    return isinstance(conn, LocalWriterConnection)


def _schemas(conn: sqlite3.Connection) -> tuple[str, str]:
    """(cache schema, outbox schema) on this connection."""
    return (CACHE_SCHEMA, "main") if is_local_writer(conn) else ("main", SCHEMA)


def begin_write(conn: sqlite3.Connection) -> None:
    """Start a write transaction holding the cache's write lock, then the outbox file's: the
    order every writer takes them in. (``BEGIN IMMEDIATE`` takes ``main``'s first, which on the
    local writer is the outbox file.) A DELETE that matches nothing takes a write lock and
    writes nothing."""
    cache, outbox = _schemas(conn)
    conn.execute("BEGIN")
    conn.execute(f"DELETE FROM {cache}.sync_state WHERE 0")
    conn.execute(f"DELETE FROM {outbox}.outbox_meta WHERE 0")


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM outbox_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM outbox_meta") if v}


def set_meta(
    conn: sqlite3.Connection, values: Mapping[str, object], *, mirror: bool = True
) -> None:
    """Set keys of the outbox file's meta table and, with ``mirror``, the cache's copy in
    ``sync_state``; inside the caller's transaction."""
    pairs = [(k, None if v is None else str(v)) for k, v in values.items()]
    sql = " (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    if mirror:  # the cache first: outside begin_write, the first write takes the first lock
        conn.executemany("INSERT INTO sync_state" + sql, pairs)
    conn.executemany("INSERT INTO outbox_meta" + sql, pairs)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def next_seq(conn: sqlite3.Connection) -> int:
    """A number above every one issued here and every one the hub has applied for this device."""
    meta = dict(
        conn.execute(
            "SELECT key, value FROM outbox_meta WHERE key IN ('high_water', 'hub_last_seq')"
        ).fetchall()
    )
    top = conn.execute("SELECT max(client_seq) FROM outbox").fetchone()[0]
    return max(_int(meta.get("high_water")), _int(meta.get("hub_last_seq")), _int(top)) + 1


def heard_last_seq(conn: sqlite3.Connection, last_seq: int) -> None:
    """The hub said its last applied number for this device is ``last_seq`` (inside the
    transaction that applies its answers)."""
    set_meta(conn, {"hub_last_seq": int(last_seq)})
    conn.execute("DELETE FROM outbox_dropped WHERE client_seq <= ?", (int(last_seq),))


def renumber_pending(conn: sqlite3.Connection, last_seq: int, seqs: Iterable[int] = ()) -> int:
    """Give the pending writes above the hub's ``last_seq`` (and ``seqs``: pending writes whose
    number the hub holds for another write) the numbers right after it, in their order.

    The hub applies a device's writes in unbroken order: after a gap (a pending write erased
    here) or a number it already used (a counter lost in a repair) it would refuse or wait
    forever. Numbers above ``last_seq`` were never applied by the hub, so handing them out again
    cannot make it answer a new write with an old one's result. Returns how many moved."""
    extra = sorted(set(seqs))
    rows = conn.execute(
        "SELECT client_seq FROM outbox WHERE state = 'pending' AND client_seq > ?"
        " ORDER BY client_seq",
        (last_seq,),
    ).fetchall()
    old = sorted({*extra, *(r[0] for r in rows)})
    new = list(range(last_seq + 1, last_seq + 1 + len(old)))
    if old == new:
        return 0
    # Two steps, through negative numbers: old and new ranges overlap.
    conn.executemany(
        "UPDATE outbox SET client_seq = ? WHERE client_seq = ?",
        [(-n, o) for o, n in zip(old, new, strict=True)],
    )
    conn.execute("UPDATE outbox SET client_seq = -client_seq WHERE client_seq < 0")
    gone = set(old) - set(new)
    conn.executemany(
        "INSERT OR IGNORE INTO outbox_dropped (client_seq) VALUES (?)",
        [(s,) for s in gone if s > last_seq],
    )
    high = max([*new, _int(get_meta(conn, "high_water"))])
    set_meta(conn, {"high_water": high})
    return len(old)
