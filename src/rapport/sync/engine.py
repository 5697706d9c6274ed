"""The client sync engine: initial sync, then live pulls, with backoff. No widgets, no Qt.

It owns its own cache connection (the single writer) and HTTP client, and reports through plain
callbacks; ``rapport.sync.worker`` turns those into Qt signals on a background thread.
"""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from rapport.cache.apply import Applied, apply_changes, reset_cache
from rapport.cache.db import connect, get_state
from rapport.sync.client import AuthRequired, HubClient, HubError, HubUnavailable

log = logging.getLogger(__name__)

INITIAL_PAGE = 5_000
LIVE_WAIT_SECONDS = 25.0
BACKOFF_MIN = 1.0
BACKOFF_MAX = 60.0


def utc_now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows. ``state``: starting, syncing, online, offline, signin."""

    state: str = "starting"
    since: str | None = None  # when the current state began (offline since ...)
    last_sync_at: str | None = None
    message: str = ""
    done: int = 0  # rows applied in the current catch-up
    total: int = 0  # estimate of rows in the current catch-up (0: unknown)


@dataclass(slots=True)
class PullReport:
    pages: int = 0
    rows: int = 0
    seconds: float = 0.0
    reset: bool = False
    customers: set[str] = field(default_factory=set)


def backoff_delay(attempt: int, rng: random.Random | None = None) -> float:
    """Full jitter (AWS architecture blog): uniform in [1 s, min(60 s, 2^attempt s)]."""
    cap = min(BACKOFF_MAX, BACKOFF_MIN * (2**attempt))
    return (rng or random).uniform(BACKOFF_MIN, max(BACKOFF_MIN, cap))


class SyncEngine:
    def __init__(
        self,
        cache_path: Path,
        hub_url: str,
        token: str | None,
        *,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_applied: Callable[[Applied], None] | None = None,
        page_limit: int = INITIAL_PAGE,
        live_wait: float = LIVE_WAIT_SECONDS,
    ) -> None:
        self.cache_path = cache_path
        self.client = HubClient(hub_url, token)
        self.page_limit = page_limit
        self.live_wait = live_wait
        self._on_status = on_status or (lambda _s: None)
        self._on_applied = on_applied or (lambda _a: None)
        self._conn: sqlite3.Connection | None = None
        self._kick: asyncio.Event | None = None
        self.status = SyncStatus()

    def kick(self) -> None:
        """Retry now (the network came back, a new token): call on the engine's loop."""
        if self._kick is not None:
            self._kick.set()

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.cache_path, durable=False)
            # A bigger page cache for the writer: index inserts of big pages stay in memory.
            self._conn.execute("PRAGMA cache_size = -131072")
        return self._conn

    async def aclose(self) -> None:
        await self.client.aclose()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _set_status(self, **changes: object) -> None:
        new = replace(self.status, **changes)  # type: ignore[arg-type]
        if new.state != self.status.state:
            new = replace(new, since=utc_now_iso())
        self.status = new
        self._on_status(new)

    # -- pulling --------------------------------------------------------------------------------
    async def pull(self, wait: float = 0.0, page_limit: int | None = None) -> PullReport:
        """Pull until the hub has nothing more. With ``wait``, the first request long-polls."""
        report = PullReport()
        started = time.perf_counter()
        limit = page_limit or self.page_limit
        cursor = get_state(self.conn, "cursor")
        done = 0
        page = await self.client.changes(cursor, limit, wait)
        while True:
            if page.get("reset"):
                # The hub no longer has our history (another database, compaction): start over.
                await asyncio.to_thread(reset_cache, self.conn)
                report.reset = True
                page = await self.client.changes(None, limit)
                continue
            # Ask for the next page while this one is written: the hub's read and our write
            # overlap instead of taking turns.
            prefetch = (
                asyncio.ensure_future(self.client.changes(page["cursor"], limit))
                if page.get("more")
                else None
            )
            try:
                applied = await asyncio.to_thread(
                    apply_changes, self.conn, page["changes"], page["cursor"]
                )
            except BaseException:
                if prefetch is not None:
                    prefetch.cancel()
                raise
            report.pages += 1
            report.rows += applied.rows
            report.customers |= applied.customers
            done += applied.rows
            if applied.rows:
                self._on_applied(applied)
            if prefetch is None:
                break
            remaining = int(page.get("remaining") or 0)
            self._set_status(state="syncing", done=done, total=done + remaining, message="Syncing")
            page = await prefetch
        report.seconds = time.perf_counter() - started
        return report

    async def run(self, stop: asyncio.Event) -> None:
        """Catch up, then keep the cache live until ``stop`` is set. Never gives up on a network
        error; stops polling on 401 until :meth:`set_token` is called."""
        attempt = 0
        self._kick = asyncio.Event()
        while not stop.is_set():
            self._kick.clear()
            try:
                caught_up = self.status.state == "online"
                report = await self.pull(wait=self.live_wait if caught_up else 0)
                attempt = 0
                self._set_status(
                    state="online", last_sync_at=utc_now_iso(), message="", done=0, total=0
                )
                log.debug("pulled %d rows in %d pages", report.rows, report.pages)
            except AuthRequired:
                self._set_status(state="signin", message="Sign in again to resume syncing")
                await _sleep_or_stop(stop, 3600, self._kick)
            except HubUnavailable as exc:
                delay = exc.retry_after if exc.retry_after is not None else backoff_delay(attempt)
                attempt += 1
                self._set_status(state="offline", message=str(exc))
                await _sleep_or_stop(stop, delay, self._kick)
            except HubError as exc:
                attempt += 1
                self._set_status(state="offline", message=str(exc))
                await _sleep_or_stop(stop, backoff_delay(attempt), self._kick)
            except sqlite3.Error as exc:
                # Disk full or a locked file: keep the network cursor where it was and retry.
                attempt += 1
                log.error("cache write failed: %s", type(exc).__name__)
                self._set_status(state="offline", message=f"Cannot write the local cache: {exc}")
                await _sleep_or_stop(stop, backoff_delay(attempt), self._kick)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float, kick: asyncio.Event) -> None:
    waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(kick.wait())]
    try:
        await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
