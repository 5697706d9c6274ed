"""``rapport demo --self-test``: drive the real window once, print one line, exit 0 or 1."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from rapport.cache.stats import table_counts
from rapport.sync.engine import SyncStatus
from rapport.ui.shell.session import Session

# The number a caller ID gives for the demo's basketball-hoop researcher (stored as 06 12 34 56 78).
CALLER_ID = "+33612345678"
EXPECTED_NAME = "Lucas Martin"


class SelfTest:
    def __init__(
        self, session: Session, report: Callable[[bool, str], None], timeout_s: float = 600.0
    ) -> None:
        self.session = session
        self.report = report
        self.started = time.perf_counter()
        self.synced_at: float | None = None
        self.done = False
        session.worker.status_changed.connect(self._on_status)
        QTimer.singleShot(int(timeout_s * 1000), lambda: self._finish(False, "timed out"))

    def _on_status(self, status: SyncStatus) -> None:
        if self.done:
            return
        if status.state == "online" and self.synced_at is None:
            self.synced_at = time.perf_counter()
            QTimer.singleShot(0, self._open_customer)
        elif status.state in ("offline", "signin"):
            self._finish(False, f"sync failed: {status.message}")

    def _open_customer(self) -> None:
        win = self.session.window
        t0 = time.perf_counter()
        win.search.box.setText(CALLER_ID)
        win.search.box.returnPressed.emit()  # what Enter does
        QApplication.processEvents()
        opened_ms = (time.perf_counter() - t0) * 1000
        name = win.findChild(QLabel, "customerName")
        shown = name.text() if name is not None else ""
        if EXPECTED_NAME not in shown:
            self._finish(
                False, f"searching {CALLER_ID} did not open {EXPECTED_NAME} (saw {shown!r})"
            )
            return
        n = table_counts(self.session.reader)
        sync_s = (self.synced_at or t0) - self.started
        total = sum(n.values())
        self._finish(
            True,
            f"synced {total:,} rows ({n['customer']:,} customers, "
            f"{n['interaction']:,} interactions, {n['web_event']:,} web events, "
            f"{n['order']:,} orders) in {sync_s:.1f} s "
            f"({total / max(sync_s, 1e-9):,.0f} rows/s); "
            f"found and opened {EXPECTED_NAME} by caller ID in {opened_ms:.0f} ms",
        )

    def _finish(self, ok: bool, message: str) -> None:
        if self.done:
            return
        self.done = True
        self.report(ok, message)
