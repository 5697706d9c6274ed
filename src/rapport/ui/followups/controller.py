"""Tasks in the main window: what Ctrl+T and Ctrl+Shift+A open, the status-bar badge and the
due notifier. The window creates one, puts its badge in the status bar and tells it when it
detaches; everything else is here. What the controller needs of the window is :class:`TasksHost`,
so this package does not import the shell (the shell imports it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from rapport.cache.tasks import MyTasks, my_tasks
from rapport.cache.writes import LocalWrites
from rapport.ui.followups.appointment import APPOINTMENT_SHORTCUT, BookAppointmentDialog
from rapport.ui.followups.badge import TasksBadge
from rapport.ui.followups.notifier import DueNotifier
from rapport.ui.followups.panel import MyTasksPanel


class TasksHost(Protocol):
    """The window's side of the tasks: the shell's main window is one."""

    def show_message(self, text: str) -> None:
        """A transient line in the status bar."""

    def open_customer(self, customer_id: str, source: str) -> bool:
        """Show this customer's 360; False when this computer no longer has them."""

    def current_customer(self) -> tuple[str, str] | None:
        """The open customer's id and name, or None with nobody open."""

    def on_customers_changed(self, ids: frozenset[str]) -> None:
        """These customers changed here: re-read what shows them."""


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _keys(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class TasksController(QObject):
    def __init__(
        self,
        window: QWidget,
        host: TasksHost,
        reader: sqlite3.Connection,
        writes: LocalWrites | None,
        worker: Any = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._host = host
        self._reader = reader
        self._writes = writes
        self._worker = worker
        self._now = now or _local_now
        self.panel: MyTasksPanel | None = None
        self._stopped = False
        self.badge = TasksBadge(window)  # the window puts it in its status bar
        self.badge.clicked.connect(self.show_my_tasks)
        # Ctrl+T and Ctrl+Shift+A are the window's actions (rapport.ui.shell.actions), which call these.
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self.refresh)
        self.notifier: DueNotifier | None = None
        if writes is not None:
            tray = None
            if QSystemTrayIcon.isSystemTrayAvailable():
                tray = QSystemTrayIcon(QApplication.windowIcon(), self)
                tray.setToolTip("Rapport")
                tray.show()
            self.notifier = DueNotifier(
                reader, writes.user_id, self._now, host.show_message, tray, self
            )
            self.notifier.fell_due.connect(lambda _t: self.refresh())
            self.notifier.start()
        if worker is not None:
            worker.customers_changed.connect(self._schedule)
            worker.status_changed.connect(self._schedule)
        self.refresh()

    def _schedule(self, *_args: object) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def tasks(self) -> MyTasks:
        if self._writes is None:
            return MyTasks((), (), ())
        return my_tasks(self._reader, self._writes.user_id, self._now())

    def refresh(self) -> None:
        if self._stopped:  # the session closed the cache: a late signal must not read it
            return
        self.badge.set_tasks(self.tasks())
        if self.panel is not None and self.panel.isVisible():
            self.panel.refresh()

    def show_my_tasks(self) -> MyTasksPanel | None:
        """Ctrl+T."""
        if self._writes is None:
            self._host.show_message(self.tr("This window has no local cache to keep tasks in."))
            return None
        if self.panel is None:
            self.panel = MyTasksPanel(self._reader, self._writes, self._now, self._window)
            self.panel.customer_requested.connect(self._open_customer)
            self.panel.changed.connect(self._changed)
        elif self.panel.isVisible():
            self.panel.refresh()
            self.panel.raise_()
        self.panel.show()
        self.panel.activateWindow()
        return self.panel

    def _open_customer(self, customer_id: str) -> None:
        if not self._host.open_customer(customer_id, "tasks"):
            self._host.show_message(self.tr("This customer is no longer on this computer."))
            return
        self._window.activateWindow()

    def book_appointment(self) -> BookAppointmentDialog | None:
        """Ctrl+Shift+A: book an appointment for the open customer."""
        current = self._host.current_customer()
        if current is None or self._writes is None:
            self._host.show_message(
                self.tr(
                    "Open a customer first ({search} to search), then book with {book}."
                ).format(search=_keys("Ctrl+K"), book=_keys(APPOINTMENT_SHORTCUT))
            )
            return None
        cid, name = current
        dialog = BookAppointmentDialog(
            self._reader,
            self._writes,
            cid,
            name,
            self._now(),
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.booked.connect(self._booked)
        dialog.open()
        return dialog

    def _booked(self, customer_id: str, _task_id: str) -> None:
        self._host.show_message(
            self.tr("Appointment booked on this computer; on its way to the hub.")
        )
        self._changed(customer_id)

    def _changed(self, customer_id: str) -> None:
        self.refresh()
        self._host.on_customers_changed(frozenset({customer_id}))
        if self._worker is not None:
            self._worker.kick()

    def stop(self) -> None:
        self._stopped = True
        self._refresh_timer.stop()
        if self.notifier is not None:
            self.notifier.stop()
        if self._worker is not None:
            self._worker.customers_changed.disconnect(self._schedule)
            self._worker.status_changed.disconnect(self._schedule)
            self._worker = None
        if self.panel is not None:
            self.panel.close()
