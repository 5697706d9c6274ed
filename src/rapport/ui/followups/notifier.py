"""Telling the user when one of their tasks falls due while the app runs: each minute it looks for
open tasks that came due since the last look, and says so in a desktop notification (the system
tray) or, where there is no tray, in the status bar. Tasks already overdue at start are the badge's
job, not a notification's."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from rapport.cache.tasks import TaskView, due_between
from rapport.ui.common import format as fmt
from rapport.ui.common.i18n import Context

CHECK_MS = 60_000
TaskWords = Context("TaskWords")


def due_message(tasks: list[TaskView], now: datetime) -> str:
    if len(tasks) == 1:
        t = tasks[0]
        return TaskWords.tr("Due {when}: {title} — {customer}").format(
            when=fmt.when_text(t.due_at, now), title=t.title, customer=t.customer_name
        )
    names = ", ".join(dict.fromkeys(t.customer_name for t in tasks))
    return TaskWords.tr("%n tasks are due now ({names})", "", len(tasks)).format(names=names)


class DueNotifier(QObject):
    fell_due = Signal(object)  # list[TaskView]
    message_shown = Signal(str)

    def __init__(
        self,
        reader: sqlite3.Connection,
        user_id: str,
        now: Callable[[], datetime],
        fallback: Callable[[str], None],
        tray: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._user_id = user_id
        self._now = now
        self._fallback = fallback
        self.tray = tray
        self.last_check = now()
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check(self) -> list[TaskView]:
        """Announce what fell due since the last check; returns it."""
        now = self._now()
        if now <= self.last_check:
            return []
        due = due_between(self._reader, self._user_id, self.last_check, now)
        self.last_check = now
        if due:
            text = due_message(due, now)
            if self.tray is not None and self.tray.isVisible():
                self.tray.showMessage("Rapport", text, QSystemTrayIcon.MessageIcon.Information)
            else:
                self._fallback(text)
            self.message_shown.emit(text)
            self.fell_due.emit(due)
        return due
