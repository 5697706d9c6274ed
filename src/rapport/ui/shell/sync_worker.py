"""Runs the sync engine on a background thread and reports with Qt signals.

The thread owns an asyncio loop; stopping cancels the pending long poll at once (a blocking HTTP
call could hold shutdown for the whole poll). Signals carry plain data, never widgets.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from rapport.cache.apply import Applied
from rapport.sync.client import HubError
from rapport.sync.engine import SyncEngine, SyncStatus

log = logging.getLogger(__name__)


class SyncWorker(QObject):
    status_changed = Signal(object)  # SyncStatus
    customers_changed = Signal(object)  # frozenset[str] of customer ids whose rows changed
    catalog_changed = Signal()
    customers_redirected = Signal(object)  # dict[str, str]: merged-away id -> surviving id
    online_results = Signal(str, object)  # query, list[dict] from the hub's search
    online_failed = Signal(str, str)  # query, message
    pinned = Signal(str)  # customer id, now in the cache
    pin_failed = Signal(str, str)  # customer id, message

    def __init__(
        self,
        cache_path: Path,
        hub_url: str,
        token: str | None,
        parent: QObject | None = None,
        *,
        live_wait: float = 25.0,
    ) -> None:
        super().__init__(parent)
        self._engine = SyncEngine(
            cache_path,
            hub_url,
            token,
            on_status=self._status,
            on_applied=self._applied,
            live_wait=live_wait,
            # The UI thread shares this interpreter: big pages are decoded and written in a child
            # process, whose GIL is not the UI's (bench/ui_scale.py --only stall).
            apply_process=True,
        )
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._closing = False

    @property
    def status(self) -> SyncStatus:
        return self._engine.status

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="rapport-sync", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def stop(self, timeout: float = 5.0) -> None:
        """Cancel the pull in flight and join the thread (call before the app quits)."""
        stop = self._stop
        if stop is not None and self._call_soon(stop.set):
            self._call_soon(self._cancel_all)
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("sync thread did not stop within %.1f s", timeout)
            self._thread = None

    def kick(self) -> None:
        """Send the outbox now (a local write was just made, or the network came back)."""
        self._call_soon(self._engine.kick)

    def _call_soon(self, callback: Callable[[], object]) -> bool:
        """Run ``callback`` on the worker's loop; False when the loop is gone or closing (once
        ``stop`` is set the loop may close between any check and the call)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return False
        try:
            loop.call_soon_threadsafe(callback)
        except RuntimeError:
            return False
        return True

    def search_online(self, text: str) -> None:
        """Search the hub; answers with ``online_results`` or ``online_failed``."""

        async def go() -> None:
            try:
                self.online_results.emit(text, await self._engine.search_online(text))
            except HubError as exc:
                self.online_failed.emit(text, str(exc))

        self._submit(go())

    def pin(self, customer_id: str) -> None:
        """Bring a customer outside this user's scope into the cache, and keep them synced."""

        async def go() -> None:
            try:
                await self._engine.pin(customer_id)
            except HubError as exc:
                self.pin_failed.emit(customer_id, str(exc))
            else:
                self.pinned.emit(customer_id)

        self._submit(go())

    def _submit(self, coro: Coroutine[Any, Any, None]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed() or self._closing:
            coro.close()
            return
        try:
            asyncio.run_coroutine_threadsafe(coro, loop)
        except RuntimeError:  # the loop closed between the check and the call
            coro.close()

    def set_token(self, token: str) -> None:
        self._engine.client.token = token
        self._call_soon(self._engine.kick)

    # -- thread side ----------------------------------------------------------------------------
    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        finally:
            # Searches and pins still in flight end here; then the engine closes, uncancelled.
            self._closing = True
            leftovers = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in leftovers:
                task.cancel()
            if leftovers:
                loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
            loop.run_until_complete(self._engine.aclose())
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        self._ready.set()
        with contextlib.suppress(asyncio.CancelledError):
            await self._engine.run(self._stop)

    def _cancel_all(self) -> None:
        if self._closing:
            return  # the engine is closing: cancelling that would leak its connection
        for task in asyncio.all_tasks(self._loop):
            task.cancel()

    def _status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def _applied(self, applied: Applied) -> None:
        if applied.redirects:
            self.customers_redirected.emit(dict(applied.redirects))
        if applied.customers or applied.deleted_customers or applied.purged:
            self.customers_changed.emit(
                frozenset(applied.customers | applied.deleted_customers | applied.purged)
            )
        if {"product", "variant", "inventory", "store"} & applied.by_entity.keys():
            self.catalog_changed.emit()
