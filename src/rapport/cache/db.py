"""Opening the client cache: pragmas, integrity check, migrations, recovery.

One writer connection (the sync worker's) and any number of reader connections (the UI's); WAL lets
them run at the same time. What a person types goes through a local writer connection of its own
(:func:`rapport.cache.outbox_file.connect_local_writer`); the outbox itself lives in its own file
(see :mod:`rapport.cache.outbox_file`), attached to every cache connection.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from rapport.cache import recovery
from rapport.cache.outbox_file import (
    COUNTER_KEYS,
    IDENTITY_KEYS,
    attach,
    connect_local_writer,
    outbox_path,
    read_meta,
    set_meta,
)
from rapport.cache.recovery import SET_ASIDE_DAYS, forget_set_aside
from rapport.cache.schema import migrate
from rapport.private_files import private_dir, private_file

__all__ = [
    "SET_ASIDE_DAYS",
    "CacheError",
    "OpenReport",
    "check_in_background",
    "connect",
    "connect_local_writer",
    "connect_sync_writer",
    "forget_set_aside",
    "get_state",
    "open_cache",
    "outbox_path",
    "set_state",
]

log = logging.getLogger(__name__)


class CacheError(RuntimeError):
    """The cache cannot be opened or written (disk full, permissions, a newer schema)."""


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What happened while opening; the UI and the commands tell the user :meth:`message`."""

    path: Path
    created: bool
    migrated_from: int
    moved_aside: Path | None = None  # the damaged cache (deleted once read: it may be gone)
    salvaged: int = 0  # after a repair: the writes not yet sent that were kept through it
    check_deferred: bool = False  # too big to check now: call check_in_background once shown
    outbox_moved_aside: Path | None = (
        None  # the damaged outbox file, kept a while if writes were lost
    )
    lost: int | None = 0  # typed writes that could not be read back (None: cannot tell how many)

    def message(self) -> str | None:
        """What to tell the person, in words; None when nothing was repaired."""
        parts = []
        if self.moved_aside is not None:
            parts.append(
                "This computer's copy of the customer data was damaged and has been rebuilt; "
                "it is being downloaded again from the hub."
            )
        if self.outbox_moved_aside is not None:
            parts.append("The file of changes not yet sent was damaged and has been repaired.")
        if self.salvaged and parts:
            parts.append(f"{self.salvaged} change(s) not yet sent were recovered and will be sent.")
        if self.lost is None:
            parts.append(
                "Some changes not yet sent may not have been recovered: check your last entries."
            )
        elif self.lost:
            parts.append(
                f"{self.lost} change(s) not yet sent could not be recovered: please enter them "
                "again."
            )
        return " ".join(parts) or None


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
    # After the pragmas: an attached file takes main's secure_delete as it is at ATTACH.
    attach(conn, path, readonly=readonly)  # the outbox file, always synchronous=FULL
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
    """Open (creating or migrating) the cache at ``path`` and its outbox file; every caller of
    the cache goes through here first (the app, ``rapport log``, ``sync`` and ``search``).

    A cache that fails its integrity check is set aside and a fresh one takes its place: the data
    comes back with the next sync, the outbox file is not touched, and the device's identity
    (hub, user, device id, numbering) is read from the outbox file. An outbox file that fails its
    check is set aside and what can be read of it is copied into a fresh one; the report says how
    many typed writes were recovered and how many were lost."""
    private_dir(path.parent)
    forget_set_aside(path, older_than_days=SET_ASIDE_DAYS)
    obx = outbox_path(path)
    moved = moved_outbox = None
    created = not path.exists() or path.stat().st_size == 0
    marker = _check_marker(path)
    deferred = (
        not created and path.stat().st_size > QUICK_CHECK_AT_OPEN_BYTES and not marker.exists()
    )
    if not created and not _healthy(path, full=not deferred):
        moved = recovery.set_aside(path)
        created = True
        deferred = False
    marker.unlink(missing_ok=True)
    # Small: always checked in full.
    had_outbox = obx.exists() and obx.stat().st_size > 0
    if had_outbox and not _healthy(obx):
        moved_outbox = recovery.set_aside(obx)
    for f in (path, obx):
        private_file(f)
    try:
        conn = connect(path)
        start = migrate(conn)
    except (sqlite3.Error, RuntimeError) as exc:
        raise CacheError(f"cannot open the cache {path}: {exc}") from exc
    try:
        salvaged, lost = _recover(conn, moved, moved_outbox)
        if not had_outbox and start >= OUTBOX_FILE_SCHEMA and moved is None:
            lost = _lost_with_the_file(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise CacheError(f"cannot repair the cache {path}: {exc}") from exc
    report = OpenReport(path, created, start, moved, salvaged, deferred, moved_outbox, lost)
    return conn, report


def _recover(
    conn: sqlite3.Connection, moved: Path | None, moved_outbox: Path | None
) -> tuple[int, int | None]:
    """Salvage what the files set aside hold, settle the device's identity and numbering from
    the two files, and let go of the copies that hold nothing more. Returns (recovered, lost)."""
    state = _state(conn)
    from_cache = recovery.read_damaged_cache(moved) if moved is not None else None
    mirror = from_cache.state if from_cache is not None else state
    from_outbox = (
        recovery.read_damaged_outbox(moved_outbox, mirror) if moved_outbox is not None else None
    )
    meta = read_meta(conn)
    settled: dict[str, object] = {}
    for key in IDENTITY_KEYS:
        # The outbox file's own first, then what the damaged outbox file still held, then the
        # cache's copy (the damaged cache's rather than the fresh one's random device id).
        for source in (meta, from_outbox.state if from_outbox else {}, mirror, state):
            if source.get(key):
                settled[key] = source[key]
                break
    for key in COUNTER_KEYS:  # numbers: the highest heard anywhere (they only go up)
        sources = (meta, from_outbox.state if from_outbox else {}, mirror, state)
        settled[key] = max(_int(s.get(key)) for s in sources)
    salvaged = 0
    lost: int | None = 0
    if from_cache is not None and from_cache.rows:  # a cache from before the outbox file
        settled["high_water"] = max(_int(settled["high_water"]), max(from_cache.rows))
        salvaged += recovery.copy_rows(conn, from_cache)
        lost = 0 if from_cache.complete else None
    if from_outbox is not None:
        salvaged += recovery.copy_rows(conn, from_outbox)
        high = max(_int(settled["high_water"]), max(from_outbox.rows, default=0))
        settled["high_water"] = high
        counted = recovery.lost_writes(from_outbox, high, _int(settled["hub_last_seq"]))
        lost = counted if lost is not None else None
        if counted:
            log.warning("%d typed writes could not be recovered from the outbox file", counted)
    wanted = {k: str(v) for k, v in settled.items() if v}
    if any(meta.get(k) != v or state.get(k) != v for k, v in wanted.items()):
        with conn:  # only when something changed: most opens write nothing
            set_meta(conn, wanted)
    if moved is not None and (not from_cache or not from_cache.rows or lost == 0):
        recovery.delete_copy(moved)
    if moved_outbox is not None and lost == 0:
        recovery.delete_copy(moved_outbox)
    if moved is not None or moved_outbox is not None:
        salvaged = conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    return salvaged, lost


# The cache schema from which the outbox has its own file (migration 8).
OUTBOX_FILE_SCHEMA = 8


def _lost_with_the_file(conn: sqlite3.Connection) -> int | None:
    """The outbox file is gone (deleted, or never copied back with a restored cache): by the
    cache's copy of the counters, writes were issued above the hub's last number, and which of
    them had left without a loss cannot be told. None (some may be lost) or 0."""
    state = _state(conn)
    unsent = _int(state.get("high_water")) - _int(state.get("hub_last_seq"))
    if unsent > 0:
        log.warning("the outbox file is missing; up to %d typed writes may be lost", unsent)
        return None
    return 0


def _state(conn: sqlite3.Connection) -> dict[str, str]:
    keys = ", ".join(f"'{k}'" for k in (*IDENTITY_KEYS, *COUNTER_KEYS))
    rows = conn.execute(f"SELECT key, value FROM main.sync_state WHERE key IN ({keys})")
    return {str(k): str(v) for k, v in rows if v is not None}


def _int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
