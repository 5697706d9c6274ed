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

During a catch-up the child also reads the pages from the hub: :func:`apply`, given the next
page's request, starts it on a thread of the child's own before writing, and :func:`take_fetched`
decodes it when it is in. The UI's process then carries no page at all: reading a few megabytes
through httpx is thousands of small steps, each wanting the GIL the UI thread needs
(``bench/ui_scale.py --only stall`` showed the UI thread blocked behind them for 30-90 ms).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapport.cache.apply import Applied, apply_changes
from rapport.cache.db import connect_sync_writer
from rapport.sync.client import HubClient, decode_change_page

NICE = 5
_conn: sqlite3.Connection | None = None
_cache_path: Path | None = None
_changes: list[dict[str, Any]] | None = None
_fetcher: _Fetcher | None = None
_fetched: Future[bytes] | None = None


@dataclass(frozen=True, slots=True)
class PageRequest:
    """The next change page to read from the hub, as the engine would ask for it."""

    base_url: str
    timeout: float
    token: str | None
    cursor: str
    limit: int
    device: str | None


class _Fetcher:
    """A thread with its own event loop and hub client: reads the next page while the child's
    main thread writes this one (sqlite releases the GIL while it works)."""

    def __init__(self, base_url: str, timeout: float) -> None:
        self.key = (base_url, timeout)
        self._client = HubClient(base_url, None, timeout=timeout)
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="rapport-fetch", daemon=True).start()

    def start(self, request: PageRequest) -> Future[bytes]:
        return asyncio.run_coroutine_threadsafe(self._get(request), self._loop)

    async def _get(self, request: PageRequest) -> bytes:
        self._client.token = request.token  # a new sign-in's token reaches the next request
        return await self._client.changes_raw(request.cursor, request.limit, device=request.device)


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
        _conn = connect_sync_writer(_cache_path)
    return _conn


def decode(raw: bytes) -> dict[str, Any]:
    """Decode and check a page; keep its changes for :func:`apply`; return the rest of it and
    ``count``, the number of changes."""
    global _changes
    page = decode_change_page(raw)
    _changes = page.pop("changes")
    page["count"] = len(_changes)
    return page


def apply(
    cursor: str | None, acked_through: int | None, following: PageRequest | None = None
) -> Applied:
    """Apply the page :func:`decode` kept and store ``cursor`` with it, in one transaction; with
    ``following``, read that page from the hub meanwhile (:func:`take_fetched` hands it over)."""
    global _changes, _fetcher, _fetched
    changes, _changes = _changes, None
    if changes is None:
        raise RuntimeError("apply() without a decoded page")
    if following is not None:
        if _fetcher is None or _fetcher.key != (following.base_url, following.timeout):
            _fetcher = _Fetcher(following.base_url, following.timeout)
        # A request left by a page that failed to apply is dropped: the engine starts again
        # from the stored cursor.
        _fetched = _fetcher.start(following)
    return apply_changes(_open(), changes, cursor, None, acked_through)


def take_fetched() -> dict[str, Any]:
    """The page :func:`apply` asked for, decoded as by :func:`decode`; the hub's error if the
    request failed (the client's own timeouts bound the wait)."""
    global _fetched
    fetched, _fetched = _fetched, None
    if fetched is None:
        raise RuntimeError("take_fetched() without a page asked for")
    return decode(fetched.result())
