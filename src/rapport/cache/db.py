"""Opening the client cache: pragmas, integrity check, migrations.

One writer connection (the sync worker's) and any number of reader connections (the UI's); WAL lets
them run at the same time.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from rapport.cache.schema import migrate

log = logging.getLogger(__name__)


class CacheError(RuntimeError):
    """The cache cannot be opened or written (disk full, permissions, a newer schema)."""


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What happened while opening; the UI tells the user when ``moved_aside`` is set."""

    path: Path
    created: bool
    migrated_from: int
    moved_aside: Path | None = None
    salvaged: int = 0  # pending writes recovered from the damaged file
    check_deferred: bool = False  # too big to check now: call check_in_background once shown


# ``PRAGMA quick_check`` reads every page, about a second per GB here: a call-center cache (several
# GB) would spend the whole start-up budget on it. Up to this size it runs at open; above, open
# only reads the header and schema, and the full check runs on a thread once the window is up
# (``check_in_background``). A failure there leaves a marker so the next start moves the file aside.
QUICK_CHECK_AT_OPEN_BYTES = 256 * 1024 * 1024

# A checkpoint resets the WAL but leaves the file at its largest; after one, SQLite cuts it back to
# this (above the sync writer's 40 MiB autocheckpoint, so it is not cut and regrown each time).
JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024


def connect(path: Path, *, readonly: bool = False, durable: bool = True) -> sqlite3.Connection:
    """``durable=False`` is for the sync writer: replicated rows can always be pulled again, so a
    power cut may lose the last pages (never corrupt them: WAL) and each commit skips the fsync
    that FULL costs. What a person typed is written with ``durable=True``."""
    if readonly:
        conn = sqlite3.connect(
            f"file:{path.as_posix()}?mode=ro", uri=True, check_same_thread=False, timeout=10
        )
    else:
        conn = sqlite3.connect(path, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA cache_size = -32000")  # 32 MiB page cache per connection
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a write the agent made must survive a power cut once the call returns.
        conn.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
        # Erasure: deleted rows are overwritten with zeros, and so are the pages they free, or
        # an erased person's name stays readable in the file. Not FAST: it leaves freed pages as
        # they were (a customer with many rows, a long note in overflow pages), see
        # tests/cache/test_secure_delete.py.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    return conn


def connect_sync_writer(path: Path) -> sqlite3.Connection:
    """The sync's single writer of replicated rows (the engine's thread, or its child process).

    Not durable (see :func:`connect`). A 128 MiB page cache keeps the index pages that big pages
    insert into in memory. Checkpoints every 10,000 WAL pages (40 MiB) instead of SQLite's 1,000:
    each checkpoint copies and fsyncs, and an initial sync applies 42,000 rows/s with 4,000 and
    45,000 with 10,000, against 39,000 with the default (bench/README.md, issue 7, third pass);
    the WAL file then stays at up to about 40 MiB.
    """
    conn = connect(path, durable=False)
    conn.execute("PRAGMA cache_size = -131072")
    conn.execute("PRAGMA wal_autocheckpoint = 10000")
    return conn


def truncate_wal(conn: sqlite3.Connection, wait_ms: int) -> bool:
    """Copy the WAL into the database and empty it: until then it holds the pages as they were
    before (an erased person's rows among them). Waits up to ``wait_ms`` for readers of older
    pages and for a writer; False when they kept it from finishing. Call outside a transaction."""
    before = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(before)}")
    return busy == 0


def _check_marker(path: Path) -> Path:
    return path.with_name(path.name + ".check-failed")


def _healthy(path: Path, full: bool = True) -> bool:
    try:
        conn = sqlite3.connect(path, timeout=10)
        try:
            if not full:
                # Header and schema pages: catches a file that is not a database at all.
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return True
            row = conn.execute("PRAGMA quick_check").fetchone()
            return row is not None and row[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def check_in_background(path: Path) -> threading.Thread:
    """Run the full integrity check that ``open_cache`` deferred, on its own connection and
    thread; when it fails, the next ``open_cache`` moves the file aside (the open app keeps
    working on what it can read, and sync repairs nothing in a damaged file)."""

    def run() -> None:
        if not _healthy(path):
            _check_marker(path).touch()
            log.warning("cache failed its integrity check; it is rebuilt at the next start")

    thread = threading.Thread(target=run, name="rapport-cache-check", daemon=True)
    thread.start()
    return thread


def open_cache(path: Path) -> tuple[sqlite3.Connection, OpenReport]:
    """Open (creating or migrating) the cache at ``path``. A corrupt file is moved aside, never
    deleted, and a fresh cache takes its place; the data comes back with the next sync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    moved: Path | None = None
    created = not path.exists() or path.stat().st_size == 0
    marker = _check_marker(path)
    deferred = (
        not created and path.stat().st_size > QUICK_CHECK_AT_OPEN_BYTES and not marker.exists()
    )
    if not created and not _healthy(path, full=not deferred):
        moved = path.with_name(f"{path.stem}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
        path.rename(moved)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(moved.with_name(moved.name + suffix))
        log.warning("cache failed its integrity check; moved aside to %s", moved.name)
        created = True
        deferred = False
    marker.unlink(missing_ok=True)
    try:
        conn = connect(path)
        start = migrate(conn)
    except (sqlite3.Error, RuntimeError) as exc:
        raise CacheError(f"cannot open the cache {path}: {exc}") from exc
    salvaged = salvage_outbox(moved, conn) if moved is not None else 0
    return conn, OpenReport(path, created, start, moved, salvaged, deferred)


def salvage_outbox(damaged: Path, conn: sqlite3.Connection) -> int:
    """Copy what can still be read of a damaged cache's outbox into the fresh one, under the same
    device id and numbers: the hub then answers writes it already has with their stored result,
    and applies the others, each once. Returns how many writes were recovered."""
    try:
        old = sqlite3.connect(f"file:{damaged.as_posix()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    old.row_factory = sqlite3.Row
    rows: list[sqlite3.Row] = []
    device = None
    try:
        device_row = old.execute("SELECT value FROM sync_state WHERE key = 'device_id'").fetchone()
        device = device_row[0] if device_row else None
        # Row by row: a damaged page ends the scan, and what was read before it is kept.
        for row in old.execute("SELECT * FROM outbox WHERE state != 'notice' ORDER BY client_seq"):
            rows.append(row)
    except sqlite3.Error as exc:
        log.warning("outbox salvage stopped early: %s", type(exc).__name__)
    finally:
        old.close()
    if not rows:
        return 0
    cols = [c for c in rows[0].keys()]  # noqa: SIM118 (sqlite3.Row has no __iter__ of keys)
    with conn:
        if device:
            set_state(conn, "device_id", device)
        conn.executemany(
            f"INSERT OR IGNORE INTO outbox ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [tuple(r) for r in rows],
        )
    log.warning("recovered %d pending writes from the damaged cache", len(rows))
    return len(rows)


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
