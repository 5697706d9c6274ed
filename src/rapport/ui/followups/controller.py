"""Tasks in the main window: what Ctrl+T and Ctrl+Shift+A open, the status-bar badge and the
due notifier. The window creates one and tells it when it detaches; everything else is here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from rapport.cache.tasks import MyTasks, my_tasks
from rapport.cache.writes import LocalWrites
from rapport.ui.followups.appointment import APPOINTMENT_SHORTCUT, BookAppointmentDialog
from rapport.ui.followups.badge import TasksBadge
from rapport.ui.followups.notifier import DueNotifier
from rapport.ui.followups.panel import MyTasksPanel

if TYPE_CHECKING:
    from rapport.ui.shell.main_window import MainWindow


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _keys(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class TasksController(QObject):
    def __init__(
        self,
        window: MainWindow,
        reader: sqlite3.Connection,
        writes: LocalWrites | None,
        worker: Any = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._reader = reader
        self._writes = writes
        self._worker = worker
        self._now = now or _local_now
        self.panel: MyTasksPanel | None = None
        self._stopped = False
        self.badge = TasksBadge(window)
        self.badge.clicked.connect(self.show_my_tasks)
        window.statusBar().addPermanentWidget(self.badge)
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
                reader, writes.user_id, self._now, window.show_message, tray, self
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
            self._window.show_message(self.tr("This window has no local cache to keep tasks in."))
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
        if not self._window.open_customer(customer_id, "tasks"):
            self._window.show_message(self.tr("This customer is no longer on this computer."))
            return
        self._window.activateWindow()

    def book_appointment(self) -> BookAppointmentDialog | None:
        """Ctrl+Shift+A: book an appointment for the open customer."""
        cid = self._window.customer.current_customer_id
        if cid is None or self._writes is None:
            self._window.show_message(
                self.tr(
                    "Open a customer first ({search} to search), then book with {book}."
                ).format(search=_keys("Ctrl+K"), book=_keys(APPOINTMENT_SHORTCUT))
            )
            return None
        dialog = BookAppointmentDialog(
            self._reader,
            self._writes,
            cid,
            self._window.customer.current_customer_name,
            self._now(),
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.booked.connect(self._booked)
        dialog.open()
        return dialog

    def _booked(self, customer_id: str, _task_id: str) -> None:
        self._window.show_message(
            self.tr("Appointment booked on this computer; on its way to the hub.")
        )
        self._changed(customer_id)

    def _changed(self, customer_id: str) -> None:
        self.refresh()
        self._window.on_customers_changed(frozenset({customer_id}))
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
