"""Decoding and applying big change pages in a child process.

In the app, the sync thread shares the interpreter with the UI thread, and decoding a page of a few
thousand changes holds the GIL from start to end (orjson: 15-70 ms for 5,000 changes on a busy
2-core machine, and longer when the OS takes the core from the thread holding it): the UI thread
waits that long for its next event. A child process has its own GIL; this one holds its own
writer connection to the cache, decodes a page there and applies it, and sends back what changed.
The UI thread's process only moves the page's bytes and a summary.

One page at a time, in two steps, so that the engine can ask for the next page (it needs the
cursor) while this one is written: :func:`decode` keeps the changes in the child and returns the
page without them; :func:`apply` writes what :func:`decode` kept.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from rapport.cache.apply import Applied, apply_changes
from rapport.cache.db import connect
from rapport.sync.client import decode_change_page

NICE = 5
_conn: sqlite3.Connection | None = None
_cache_path: Path | None = None
_changes: list[dict[str, Any]] | None = None


def init(cache_path: str) -> None:
    """The child's initializer: the connection opens on first use."""
    global _cache_path
    _cache_path = Path(cache_path)
    # Background work: when the cores are busy, the UI process gets one first.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICE)


def _open() -> sqlite3.Connection:
    global _conn
    if _conn is None:
        assert _cache_path is not None, "init() was not called"
        _conn = connect(_cache_path, durable=False)
        # As the engine's own writer: index inserts of big pages stay in memory.
        _conn.execute("PRAGMA cache_size = -131072")
    return _conn


def decode(raw: bytes) -> dict[str, Any]:
    """Decode and check a page; keep its changes for :func:`apply`; return the rest of it and
    ``count``, the number of changes."""
    global _changes
    page = decode_change_page(raw)
    _changes = page.pop("changes")
    page["count"] = len(_changes)
    return page


def apply(cursor: str | None, acked_through: int | None) -> Applied:
    """Apply the page :func:`decode` kept and store ``cursor`` with it, in one transaction."""
    global _changes
    changes, _changes = _changes, None
    if changes is None:
        raise RuntimeError("apply() without a decoded page")
    return apply_changes(_open(), changes, cursor, None, acked_through)
