"""The client sync engine: initial sync, then live pulls, with backoff. No widgets, no Qt.

It owns its own cache connection (the single writer) and HTTP client, and reports through plain
callbacks; ``rapport.ui.shell.sync_worker`` turns those into Qt signals on a background thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import random
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from rapport.cache.acks import apply_push_results
from rapport.cache.apply import Applied, apply_changes, reset_cache
from rapport.cache.db import connect_sync_writer, forget_set_aside, get_state
from rapport.cache.outbox import counts, device_id, pending_batch
from rapport.cache.retention import apply_pinned
from rapport.cache.schema import SCHEMA_VERSION
from rapport.domain.timestamps import utc_now_text
from rapport.sync import apply_process
from rapport.sync.client import (
    AuthRequired,
    HubClient,
    HubError,
    HubUnavailable,
    decode_change_page,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

INITIAL_PAGE = 5_000
LIVE_WAIT_SECONDS = 25.0
BACKOFF_MIN = 1.0
BACKOFF_MAX = 60.0
# A change page at least this big is decoded and applied in the child process (apply_process=True);
# live pulls' pages of a few changes stay in this one.
CHILD_MIN_BYTES = 256 * 1024
# Renumberings in one push before giving up (each follows a fresh answer from the hub: more than
# a couple means something else is numbering this device's writes).
MAX_RENUMBER = 5


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows. ``state``: starting, syncing, online, offline, signin."""

    state: str = "starting"
    since: str | None = None  # when the current state began (offline since ...)
    last_sync_at: str | None = None
    message: str = ""
    done: int = 0  # rows applied in the current catch-up
    total: int = 0  # estimate of rows in the current catch-up (0: unknown)
    pending: int = 0  # local writes the hub does not have yet
    rejected: int = 0  # writes the hub refused: shown with their reason until dismissed
    notices: int = 0  # writes applied in part (the hub kept a newer value)


@dataclass(slots=True)
class PushReport:
    batches: int = 0
    applied: int = 0
    rejected: int = 0
    notices: int = 0


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
        http_timeout: float = 15.0,
        apply_process: bool = False,
    ) -> None:
        """``apply_process``: decode and apply big pages in a child process (see
        :mod:`rapport.sync.apply_process`), for an engine that shares its interpreter with a UI."""
        self.cache_path = cache_path
        self.apply_process = apply_process
        self._child: ProcessPoolExecutor | None = None
        self.client = HubClient(hub_url, token, timeout=http_timeout)
        self._http_timeout = http_timeout
        self.page_limit = page_limit
        self.live_wait = live_wait
        self._on_status = on_status or (lambda _s: None)
        self._on_applied = on_applied or (lambda _a: None)
        self._conn: sqlite3.Connection | None = None
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rapport-cache-writer")
        self._kick: asyncio.Event | None = None
        self._stop: asyncio.Event | None = None
        self.status = SyncStatus()

    def kick(self) -> None:
        """Retry now (the network came back, a new token): call on the engine's loop."""
        if self._kick is not None:
            self._kick.set()

    # -- plumbing -------------------------------------------------------------------------------
    # All cache work runs on one dedicated thread, in order: the single writer. A cancelled
    # coroutine never leaves a half-used connection behind, since the thread finishes each job.
    async def _db(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.wrap_future(self._writer.submit(fn, *args))

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect_sync_writer(self.cache_path)
        return self._conn

    def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return fn(self._open(), *args)

    async def aclose(self) -> None:
        await self.client.aclose()
        if self._child is not None:
            # Waits for a page being written to commit: the child is never killed mid-page.
            self._child.shutdown(wait=True, cancel_futures=True)
            self._child = None

        def close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        self._writer.submit(close).result()
        self._writer.shutdown(wait=True)

    def _set_status(self, **changes: object) -> None:
        new = replace(self.status, **changes)  # type: ignore[arg-type]
        if new.state != self.status.state:
            new = replace(new, since=utc_now_text())
        if new != self.status:
            self.status = new
            self._on_status(new)

    async def _refresh_counts(self) -> None:
        c = await self._db(self._call, counts)
        self._set_status(pending=c.pending, rejected=c.rejected, notices=c.notices)

    async def _safe_refresh_counts(self) -> None:
        # Offline, push() fails before it recounts: a write made offline must still show.
        with contextlib.suppress(sqlite3.Error):
            await self._refresh_counts()

    # -- pushing --------------------------------------------------------------------------------
    async def push(self, batch_size: int = 100) -> PushReport:
        """Send the outbox in order until it is empty or the hub stops taking it."""
        report = PushReport()
        device = await self._db(self._call, device_id)
        renumbered = 0
        while True:
            batch = await self._db(self._call, pending_batch, batch_size)
            if not batch:
                break
            body = await self.client.push(
                device,
                SCHEMA_VERSION,
                [
                    {
                        "client_seq": e.client_seq,
                        "mutation_id": e.mutation_id,
                        "name": e.name,
                        "args": e.args,
                    }
                    for e in batch
                ],
            )
            expected = body.get("expected_seq")
            acks = await self._db(
                self._call, apply_push_results, body["results"], body.get("last_seq"), expected
            )
            report.batches += 1
            report.applied += acks.applied
            report.rejected += acks.rejected
            report.notices += acks.notices
            if acks.customers:
                self._on_applied(Applied(customers=set(acks.customers)))
            if acks.renumbered:
                # Numbers the hub holds for other writes, or a gap (a pending write erased here,
                # a restored hub): the pending writes now follow the hub's last number; resend.
                renumbered += 1
                log.warning("renumbered %d pending writes after the hub's", acks.renumbered)
                if renumbered > MAX_RENUMBER:
                    raise HubError("the hub keeps refusing this computer's write numbers")
                continue
            if expected is not None and expected < batch[0].client_seq:
                raise HubError(
                    f"the hub expects write #{expected} from this computer, which it no longer "
                    "has; contact support"
                )
            if not body["results"]:
                break
        await self._refresh_counts()
        return report

    # -- outside the scope -----------------------------------------------------------------------
    async def search_online(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        return await self.client.search(text, limit)

    async def pin(self, customer_id: str) -> Applied:
        """Subscribe to a customer outside this user's scope and store their history now: it
        predates our cursor, so the change feed alone would never bring it."""
        changes = await self.client.subscribe(customer_id)
        applied = await self._db(self._call, apply_pinned, customer_id, changes)
        self._on_applied(applied)
        return applied

    # -- the child process ------------------------------------------------------------------------
    def _child_pool(self) -> ProcessPoolExecutor | None:
        if not self.apply_process:
            return None
        if self._child is None:
            try:
                # spawn, not fork: a forked copy of a process running Qt and threads is unsafe.
                self._child = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=apply_process.init,
                    initargs=(str(self.cache_path),),
                )
            except (OSError, RuntimeError) as exc:
                log.warning("pages are applied in this process: no child (%s)", exc)
                self.apply_process = False
                return None
        return self._child

    async def _in_child(self, fn: Callable[..., T], *args: Any) -> T:
        pool = self._child_pool()
        assert pool is not None
        try:
            return await asyncio.wrap_future(pool.submit(fn, *args))
        except BrokenProcessPool as exc:
            # The child died (killed, out of memory): a new one next time; the page is pulled
            # again from the stored cursor.
            self._child = None
            raise HubUnavailable("the sync's helper process stopped; retrying") from exc

    async def _fetch(
        self, cursor: str | None, limit: int, wait: float = 0, device: str | None = None
    ) -> dict[str, Any]:
        """A change page. A big one, with a child process, is decoded there and kept for
        :meth:`_apply_page`: the page returned has no ``changes`` and ``in_child`` is set."""
        if not self.apply_process:
            return await self.client.changes(cursor, limit, wait, device=device)
        raw = await self.client.changes_raw(cursor, limit, wait, device=device)
        if len(raw) < CHILD_MIN_BYTES or self._child_pool() is None:
            return decode_change_page(raw)
        page = await self._in_child(apply_process.decode, raw)
        page["in_child"] = True
        return page

    async def _apply_page(
        self, page: dict[str, Any], limit: int, device: str
    ) -> tuple[Applied, asyncio.Future[dict[str, Any]] | None]:
        """Write ``page``; when the hub has more, ask for the next page while this one is written
        (the hub's read and our write overlap instead of taking turns) and return it to await.
        A page in the child process: the child reads the next one itself, so that this process,
        the UI's, carries no page of the catch-up (see :mod:`rapport.sync.apply_process`)."""
        acked = page.get("acked_through")
        acked_through = int(acked) if isinstance(acked, int) else None
        more = bool(page.get("more"))
        if page.get("in_child"):
            following = (
                apply_process.PageRequest(
                    self.client.base_url,
                    self._http_timeout,
                    self.client.token,
                    page["cursor"],
                    limit,
                    device,
                )
                if more
                else None
            )
            # The child runs one job at a time: the next page is decoded (and its changes kept)
            # only once this one's are written.
            applied = await self._in_child(
                apply_process.apply, page["cursor"], acked_through, following
            )
            return applied, asyncio.ensure_future(self._fetched_in_child()) if more else None
        prefetch = (
            asyncio.ensure_future(self._fetch(page["cursor"], limit, device=device))
            if more
            else None
        )
        try:
            applied = await self._db(
                self._call, apply_changes, page["changes"], page["cursor"], None, acked_through
            )
        except BaseException:
            if prefetch is not None:
                prefetch.cancel()
            raise
        return applied, prefetch

    async def _fetched_in_child(self) -> dict[str, Any]:
        page = await self._in_child(apply_process.take_fetched)
        page["in_child"] = True
        return page

    # -- pulling --------------------------------------------------------------------------------
    async def pull(self, wait: float = 0.0, page_limit: int | None = None) -> PullReport:
        """Pull until the hub has nothing more. With ``wait``, the first request long-polls, and a
        :meth:`kick` (a local write to send) ends the wait early."""
        report = PullReport()
        started = time.perf_counter()
        limit = page_limit or self.page_limit
        cursor = await self._db(self._call, get_state, "cursor")
        device = await self._db(self._call, device_id)
        done = 0
        page = await self._first_page(cursor, limit, wait, device)
        while page is not None:
            if page.get("reset"):
                # The hub no longer has our history (another database, compaction): start over.
                await self._db(self._call, reset_cache)
                report.reset = True
                page = await self._fetch(None, limit, device=device)
                continue
            applied, following = await self._apply_page(page, limit, device)
            report.pages += 1
            report.rows += applied.rows
            report.customers |= applied.customers
            done += applied.rows
            if applied.purged:
                # An erasure: no damaged copy set aside may still hold the person (they cannot
                # be edited safely; rapport.cache.recovery).
                forget_set_aside(self.cache_path)
            if applied.rows or applied.acked:
                self._on_applied(applied)
            if following is None:
                break
            remaining = int(page.get("remaining") or 0)
            self._set_status(state="syncing", done=done, total=done + remaining, message="Syncing")
            page = await following
        report.seconds = time.perf_counter() - started
        return report

    async def _first_page(
        self, cursor: str | None, limit: int, wait: float, device: str
    ) -> dict[str, Any] | None:
        request = asyncio.ensure_future(self._fetch(cursor, limit, wait, device=device))
        if not wait or self._kick is None:
            return await request
        waits = [asyncio.ensure_future(self._kick.wait())]
        if self._stop is not None:
            waits.append(asyncio.ensure_future(self._stop.wait()))
        try:
            await asyncio.wait([request, *waits], return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()
        if request.done():
            return request.result()
        request.cancel()  # nothing was applied yet: dropping this long poll loses nothing
        return None

    async def run(self, stop: asyncio.Event) -> None:
        """Push, catch up, then keep the cache live until ``stop`` is set. Never gives up on a
        network error; stops on 401 until a new token arrives (:meth:`kick`)."""
        attempt = 0
        self._stop = stop
        self._kick = asyncio.Event()
        await self._refresh_counts()
        while not stop.is_set():
            self._kick.clear()
            try:
                await self.push()
                caught_up = self.status.state == "online" and not self.status.pending
                report = await self.pull(wait=self.live_wait if caught_up else 0)
                attempt = 0
                self._set_status(
                    state="online", last_sync_at=utc_now_text(), message="", done=0, total=0
                )
                log.debug("pulled %d rows in %d pages", report.rows, report.pages)
            except AuthRequired:
                await self._safe_refresh_counts()
                self._set_status(state="signin", message="Sign in again to resume syncing")
                await _sleep_or_stop(stop, 3600, self._kick)
            except HubUnavailable as exc:
                delay = exc.retry_after if exc.retry_after is not None else backoff_delay(attempt)
                attempt += 1
                await self._safe_refresh_counts()
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
