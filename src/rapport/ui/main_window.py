"""The main window: search on the left, the customer 360 on the right, sync state below."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QSplitter, QStatusBar, QWidget

from rapport.sync.engine import SyncStatus
from rapport.ui.customer.view import Customer360
from rapport.ui.search_panel import SearchPanel
from rapport.ui.status import SyncStatusWidget


class MainWindow(QMainWindow):
    customer_opened = Signal(str)  # after the 360 shows a customer
    closing = Signal()

    def __init__(
        self,
        reader: sqlite3.Connection,
        *,
        user_label: str = "",
        region: str = "FR",
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Rapport — {user_label}" if user_label else "Rapport")
        self.search = SearchPanel(reader, region, self)
        self.customer = Customer360(reader, region=region, now=now, parent=self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.search)
        splitter.addWidget(self.customer)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        em = self.fontMetrics().averageCharWidth()
        self.search.setMinimumWidth(em * 34)
        splitter.setSizes([em * 44, em * 140])
        self.setCentralWidget(splitter)
        self.status = SyncStatusWidget(self)
        bar = QStatusBar(self)
        bar.addWidget(self.status, 1)
        self.setStatusBar(bar)

        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.search.focus_search)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Find), self, activated=self.search.focus_search
        )
        QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self, activated=self.close)
        self.search.customer_activated.connect(self.open_customer)

        # Sync can deliver many pages a second; re-read what is on screen at most 4 times a second.
        self._pending_customers: set[str] = set()
        self._detached = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self._refresh_views)
        self.resize(em * 190, self.fontMetrics().height() * 52)

    def open_customer(self, customer_id: str) -> bool:
        shown = self.customer.show_customer(customer_id)
        if shown:
            self.customer_opened.emit(customer_id)
        return shown

    # -- sync notifications (queued from the sync thread) ---------------------------------------
    def on_sync_status(self, status: SyncStatus) -> None:
        self.status.set_status(status)
        if status.state == "syncing" and status.total:
            pct = int(100 * status.done / max(1, status.total))
            self.search.set_syncing_note(f"Syncing customers to this computer… {pct} %")
        elif status.state in ("online", "offline", "signin"):
            self.search.set_syncing_note("")
            self._refresh_views()

    def on_customers_changed(self, ids: frozenset[str]) -> None:
        self._pending_customers |= ids
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def detach(self) -> None:
        """The session is ending: no more re-reads of the cache."""
        self._detached = True
        self._refresh_timer.stop()

    def _refresh_views(self) -> None:
        if self._detached:
            return
        changed, self._pending_customers = self._pending_customers, set()
        self.search.refresh()
        current = self.customer.current_customer_id
        if current and (not changed or current in changed):
            self.customer.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
