"""My tasks (Ctrl+T): what is overdue, due today and coming up for the signed-in user. Enter opens
the customer; Ctrl+D marks the selected task done (saved here at once, sent to the hub)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.tasks import complete_task, my_tasks
from rapport.cache.writes import LocalWrites, WriteError
from rapport.ui.common.forms import empty_state
from rapport.ui.common.messages import error_text
from rapport.ui.followups.appointment import APPOINTMENT_SHORTCUT
from rapport.ui.followups.model import MyTasksModel, TaskRole

DONE_SHORTCUT = "Ctrl+D"


class MyTasksPanel(QDialog):
    customer_requested = Signal(str)
    changed = Signal(str)  # a task of this customer was marked done

    def __init__(
        self,
        reader: sqlite3.Connection,
        writes: LocalWrites,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("myTasks")
        self.setWindowTitle(self.tr("My tasks"))
        self._reader = reader
        self._writes = writes
        self._now = now
        fm = self.fontMetrics()
        self.model = MyTasksModel(self)
        self.view = QListView(self)
        self.view.setObjectName("myTasksList")
        self.view.setAccessibleName(self.tr("My tasks"))
        self.view.setAccessibleDescription(
            self.tr("Overdue, due today and coming up. Enter opens the customer; {keys} marks the "
                    "task done.").format(
                keys=QKeySequence(DONE_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )  # fmt: skip
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.activated.connect(self._open)
        # The empty state sits in the list's own area, where the tasks would be.
        keys = QKeySequence(APPOINTMENT_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.empty = empty_state(
            self.tr(
                "Nothing to follow up.\nBook an appointment for the open customer with {keys}."
            ).format(keys=keys),
            self.view.viewport(),
            name="myTasksEmpty",
            wrap=True,
        )
        inside = QVBoxLayout(self.view.viewport())
        inside.setContentsMargins(fm.height(), fm.height(), fm.height(), fm.height())
        inside.addWidget(self.empty)
        self.message = QLabel(self)
        self.message.setObjectName("myTasksMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("&Open customer"), self)
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        keys = QKeySequence(DONE_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.done_button.setToolTip(
            self.tr("Mark the selected task done ({keys})").format(keys=keys)
        )
        for b in (self.open_button, self.done_button):
            b.setAutoDefault(False)
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.done_button.clicked.connect(self.mark_done)
        buttons.rejected.connect(self.close)
        QShortcut(QKeySequence(DONE_SHORTCUT), self, activated=self.mark_done)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(fm.averageCharWidth() * 90, fm.height() * 24)
        self.refresh()

    def refresh(self) -> None:
        current = self.view.currentIndex().data(TaskRole.Id)
        now = self._now()
        self.model.set_tasks(my_tasks(self._reader, self._writes.user_id, now), now)
        self.empty.setVisible(self.model.rowCount() == 0)
        for button in (self.open_button, self.done_button):
            button.setEnabled(self.model.rowCount() > 0)
        row = self.model.first_task_row()
        for i in range(self.model.rowCount()):
            if current and self.model.index(i, 0).data(TaskRole.Id) == current:
                row = i
                break
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self, index: QModelIndex) -> None:
        cid = index.data(TaskRole.CustomerId) if index.isValid() else None
        if cid:
            self.customer_requested.emit(cid)

    def mark_done(self) -> None:
        index = self.view.currentIndex()
        task_id = index.data(TaskRole.Id) if index.isValid() else None
        if not task_id:
            return
        customer_id = index.data(TaskRole.CustomerId)
        row = index.row()
        try:
            complete_task(self._writes, task_id)
        except (WriteError, sqlite3.Error) as exc:
            self.message.setText(
                self.tr("Could not mark it done: {reason}").format(reason=error_text(exc))
            )
            self.message.show()
            return
        self.message.setText(self.tr("Done: {title}").format(title=index.data(TaskRole.Title)))
        self.message.show()
        self.refresh()
        # Stay near where the agent was working down the list.
        nearest = next(
            (
                i
                for i in [*range(row, self.model.rowCount()), *range(row - 1, -1, -1)]
                if not self.model.index(i, 0).data(TaskRole.IsHeader)
            ),
            -1,
        )
        if nearest >= 0:
            self.view.setCurrentIndex(self.model.index(nearest, 0))
        self.changed.emit(customer_id)
