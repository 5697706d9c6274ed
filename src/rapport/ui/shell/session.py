"""A signed-in session: the cache, the sync worker and the main window, wired and torn down."""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from rapport.cache.db import (
    OpenReport,
    check_in_background,
    connect,
    connect_local_writer,
    open_cache,
)
from rapport.cache.profile import save_profile
from rapport.cache.retention import release_stale
from rapport.cache.writes import LocalWrites
from rapport.sync.engine import SyncStatus
from rapport.ui.calls.screen_pop import ScreenPop
from rapport.ui.common.i18n import Context
from rapport.ui.shell.main_window import MainWindow
from rapport.ui.shell.network_watch import NetworkWatch
from rapport.ui.shell.single_instance import InstanceServer
from rapport.ui.shell.sync_worker import SyncWorker

log = logging.getLogger(__name__)
RETENTION_CHECK_MS = 12 * 3600 * 1000

_heap_frozen = False


RepairWords = Context("RepairWords")


def _repair_message(report: OpenReport) -> str | None:
    """What the agent is told after a damaged file was repaired (``OpenReport.message`` in the
    agent's language); None when nothing was."""
    parts = []
    if report.moved_aside is not None:
        parts.append(
            RepairWords.tr(
                "This computer's copy of the customer data was damaged and has been rebuilt; "
                "it is being downloaded again from the hub."
            )
        )
    if report.outbox_moved_aside is not None:
        parts.append(
            RepairWords.tr("The file of changes not yet sent was damaged and has been repaired.")
        )
    if report.salvaged and parts:
        parts.append(
            RepairWords.tr(
                "%n change(s) not yet sent were recovered and will be sent.", "", report.salvaged
            )
        )
    if report.lost is None:
        parts.append(
            RepairWords.tr(
                "Some changes not yet sent may not have been recovered: check your last entries."
            )
        )
    elif report.lost:
        parts.append(
            RepairWords.tr(
                "%n change(s) not yet sent could not be recovered: please enter them again.",
                "",
                report.lost,
            )
        )
    return " ".join(parts) or None


def _freeze_heap_once() -> None:
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        # No gc.collect() first: with the window up it walked the whole start-up heap on the UI
        # thread (95-200 ms, the worst tick of the stall probe) and found nothing to free (0
        # unreachable objects in bench/ui_scale.py --only stall). Whatever garbage start-up left
        # stays allocated, a few objects at most.
        gc.freeze()
        # The sync thread allocates a page of rows at a time: fewer, larger young collections
        # instead of one every 700 allocations, each promoting rows about to die anyway.
        gc.set_threshold(50_000, 50, 100)


class Session(QObject):
    def __init__(
        self,
        cache_path: Path,
        hub_url: str,
        token: str,
        *,
        user: dict[str, Any],
        user_label: str = "",
        region: str = "FR",
        now: Callable[[], datetime] | None = None,
        live_wait: float = 25.0,
        tablet: bool = False,
        allowed_channels: Sequence[str] = (),
        retention_days: int = 0,
        settings_path: Path | None = None,
        hub_warning: str | None = None,
    ) -> None:
        """``settings_path``: the user's settings file, where the window remembers what the agent
        chose (the header's details); None in tests. ``hub_warning``: what to say about the hub's
        address for as long as the app runs (``Settings.hub_warning``: plain http to another
        machine)."""
        super().__init__()
        conn, report = open_cache(cache_path)
        save_profile(conn, hub_url, user)
        conn.close()  # the sync worker opens its own; this call only created/migrated/checked
        self.open_report = report
        self.user = user
        self.reader: sqlite3.Connection = connect(cache_path)
        # What the person types is written here, durably, on the UI thread: one small
        # transaction, then the worker is asked to send it.
        self.writes = LocalWrites(
            connect_local_writer(cache_path), str(user.get("id") or ""), user.get("store_id")
        )
        user_label = user_label or str(user.get("display_name") or user.get("username") or "")
        self.worker = SyncWorker(cache_path, hub_url, token, live_wait=live_wait)
        # Back online: send the outbox now rather than at the next backoff step.
        self.network = NetworkWatch(self.worker.kick, self)
        # The window connects to the worker's signals itself and lets go of them in detach().
        self.window = MainWindow(
            self.reader,
            writes=self.writes,
            worker=self.worker,
            user_label=user_label,
            region=region,
            now=now,
            tablet=tablet,
            allowed_channels=allowed_channels,
            hub_url=hub_url,
            settings_path=settings_path,
        )
        self.window.closing.connect(self.shutdown)
        if hub_warning:
            self.window.show_connection_warning(hub_warning)
        self.retention_days = retention_days
        # Retention runs at start and then twice a day, for an app that stays open for weeks.
        self._retention_timer = QTimer(self, interval=RETENTION_CHECK_MS)
        self._retention_timer.timeout.connect(self.apply_retention)
        self.screen_pop = ScreenPop(self.window, self.window, self.reader, region)
        self.instance: InstanceServer | None = None
        self._closed = False

    def listen(self, name: str | None = None) -> bool:
        """Be the running Rapport that ``rapport pop`` and a second start talk to; False when
        another one already is (it was asked to come to the front)."""
        if self.instance is None:
            self.instance = InstanceServer(self.screen_pop.handle, name)
        return self.instance.listen()

    def start(self, show: bool = True) -> None:
        if show:
            self.window.fit_to_screen()
        report = self.open_report
        repaired = _repair_message(report)
        if repaired:
            QMessageBox.warning(self.window, self.tr("Local cache repaired"), repaired)
        self.apply_retention()
        if self.retention_days > 0:
            self._retention_timer.start()
        if report.check_deferred:
            check_in_background(report.path)
        # Everything built so far (Qt, the window, modules) lives as long as the app. Out of the
        # collector's generations, a full collection no longer walks it: those collections, set
        # off by the sync thread's garbage, held the GIL and stalled the UI thread for 50-130 ms
        # during an initial sync (bench/ui_scale.py --only stall); frozen, none over 50 ms.
        _freeze_heap_once()
        self.worker.start()

    def apply_retention(self) -> list[str]:
        """IT policy ``cache_retention_days``: let go of pinned customers not opened since."""
        if self.retention_days <= 0 or self._closed:
            return []
        try:
            released = release_stale(self.writes.conn, self.retention_days)
        except sqlite3.Error as exc:
            log.warning("retention not applied: %s", type(exc).__name__)
            return []
        if released:
            log.info("retention: %d pinned customer(s) let go of", len(released))
            self.window.on_customers_changed(frozenset(released))
        return released

    def open_when_synced(self, text: str) -> None:
        """Search ``text`` and open the first match once the first sync has finished."""

        def on_status(status: SyncStatus) -> None:
            if status.state == "online":
                self.worker.status_changed.disconnect(on_status)
                self.window.search.box.setText(text)
                self.window.search.box.returnPressed.emit()

        self.worker.status_changed.connect(on_status)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._retention_timer.stop()
        if self.instance is not None:
            self.instance.close()
        # Signals already queued from the sync thread must not reach a closed reader.
        self.window.detach()
        self.worker.stop()
        self.reader.close()
        self.writes.conn.close()
