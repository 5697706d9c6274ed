"""Runs the sync engine on a background thread and reports with Qt signals.

The thread owns an asyncio loop; stopping cancels the pending long poll at once (a blocking HTTP
call could hold shutdown for the whole poll). Signals carry plain data, never widgets.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from rapport.cache.apply import Applied
from rapport.sync.engine import SyncEngine, SyncStatus

log = logging.getLogger(__name__)


class SyncWorker(QObject):
    status_changed = Signal(object)  # SyncStatus
    customers_changed = Signal(object)  # frozenset[str] of customer ids whose rows changed
    catalog_changed = Signal()

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
        )
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()

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
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)
            loop.call_soon_threadsafe(self._cancel_all)
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("sync thread did not stop within %.1f s", timeout)
            self._thread = None

    def set_token(self, token: str) -> None:
        loop = self._loop
        self._engine.client.token = token
        if loop is not None:
            loop.call_soon_threadsafe(self._engine.kick)

    # -- thread side ----------------------------------------------------------------------------
    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        finally:
            loop.run_until_complete(self._engine.aclose())
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        self._ready.set()
        with contextlib.suppress(asyncio.CancelledError):
            await self._engine.run(self._stop)

    def _cancel_all(self) -> None:
        for task in asyncio.all_tasks(self._loop):
            task.cancel()

    def _status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def _applied(self, applied: Applied) -> None:
        if applied.customers or applied.deleted_customers:
            self.customers_changed.emit(frozenset(applied.customers | applied.deleted_customers))
        if {"product", "variant", "inventory", "store"} & applied.by_entity.keys():
            self.catalog_changed.emit()
