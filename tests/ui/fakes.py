"""Stand-ins for the UI tests that need no hub."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class FakeWorker(QObject):
    """The sync worker's signals and calls, without a hub: tests play the hub's answers."""

    status_changed = Signal(object)
    customers_changed = Signal(object)
    catalog_changed = Signal()
    customers_redirected = Signal(object)
    online_results = Signal(str, object)
    online_failed = Signal(str, str)
    pinned = Signal(str)
    pin_failed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.kicks = 0
        self.searched: list[str] = []
        self.pins: list[str] = []

    def kick(self) -> None:
        self.kicks += 1

    def search_online(self, text: str) -> None:
        self.searched.append(text)

    def pin(self, customer_id: str) -> None:
        self.pins.append(customer_id)
