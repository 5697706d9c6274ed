"""Opening the client cache: pragmas, integrity check, migrations.

One writer connection (the sync worker's) and any number of reader connections (the UI's); WAL lets
them run at the same time.
"""

from __future__ import annotations

import logging
import sqlite3
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
    return conn


def _healthy(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path, timeout=10)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            return row is not None and row[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def open_cache(path: Path) -> tuple[sqlite3.Connection, OpenReport]:
    """Open (creating or migrating) the cache at ``path``. A corrupt file is moved aside, never
    deleted, and a fresh cache takes its place; the data comes back with the next sync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    moved: Path | None = None
    created = not path.exists() or path.stat().st_size == 0
    if not created and not _healthy(path):
        moved = path.with_name(f"{path.stem}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
        path.rename(moved)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(moved.with_name(moved.name + suffix))
        log.warning("cache failed its integrity check; moved aside to %s", moved.name)
        created = True
    try:
        conn = connect(path)
        start = migrate(conn)
    except (sqlite3.Error, RuntimeError) as exc:
        raise CacheError(f"cannot open the cache {path}: {exc}") from exc
    return conn, OpenReport(path, created, start, moved)


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
