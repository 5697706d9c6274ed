"""The sync state in the status bar: always says online, offline since when, or syncing."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from rapport.sync.engine import SyncStatus

_STATE_COLORS = {
    "online": "#2e9d57",
    "syncing": "#2f7fd8",
    "offline": "#d08a16",
    "signin": "#c8423b",
    "starting": "#8a8a8a",
}


def _local_time(iso: str | None) -> str:
    if not iso:
        return ""
    dt = QDateTime.fromString(iso, Qt.DateFormat.ISODate).toLocalTime()
    return dt.toString("HH:mm") if dt.isValid() else ""


def describe(status: SyncStatus) -> str:
    last = _local_time(status.last_sync_at)
    if status.state == "online":
        return f"Online · last sync {last}" if last else "Online"
    if status.state == "syncing":
        if status.total:
            return f"Syncing · {status.done:,} of about {status.total:,} changes"
        return "Syncing…"
    if status.state == "offline":
        since = _local_time(status.since)
        text = f"Offline since {since} · retrying" if since else "Offline · retrying"
        return f"{text} · working from this computer's cache"
    if status.state == "signin":
        return "Signed out · sign in again to sync (nothing local is lost)"
    return "Starting…"


class _Dot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = QColor(_STATE_COLORS["starting"])
        size = self.fontMetrics().height() // 2 + 2
        self.setFixedSize(size, size)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        p.drawEllipse(self.rect().adjusted(1, 1, -1, -1))


class SyncStatusWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = _Dot(self)
        self.label = QLabel("Starting…", self)
        self.label.setObjectName("syncStatus")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)

    def set_status(self, status: SyncStatus) -> None:
        self.dot.color = QColor(_STATE_COLORS.get(status.state, "#8a8a8a"))
        self.dot.update()
        self.label.setText(describe(status))
        self.label.setToolTip(status.message or describe(status))
        if status.state == "syncing" and status.total:
            self.progress.setRange(0, status.total)
            self.progress.setValue(min(status.done, status.total))
            self.progress.show()
        else:
            self.progress.hide()
