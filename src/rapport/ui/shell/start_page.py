"""What the customer side shows with nobody open: how to find someone, the customers last opened
here and today's tasks (overdue first), each one Enter or a click away. On a wide window the two
lists stand side by side, on a narrow one above each other."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.recent import RecentCustomer
from rapport.cache.tasks import MyTasks
from rapport.ui.common.forms import heading
from rapport.ui.followups.model import MyTasksModel, TaskRole
from rapport.ui.shell.actions import SEARCH_SHORTCUT, key_text
from rapport.ui.shell.recent_model import RecentCustomersModel, RecentRole

SIDE_BY_SIDE_EM = 90  # narrower than this many average characters: the lists stack


def _list(name: str, accessible: str) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setUniformItemSizes(True)
    return view


class StartPage(QWidget):
    customer_requested = Signal(str, str)  # customer id, where from ("recent" or "tasks")

    def __init__(self, region: str = "FR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        lh = self.fontMetrics().height()
        title = heading(self.tr("No customer open"), name="customerEmpty", scale=1.5)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Search for a customer with {keys}, or take a call: the caller opens here."
            ).format(keys=key_text(SEARCH_SHORTCUT))
        )
        hint.setObjectName("customerEmptyHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.recent_model = RecentCustomersModel(region, self)
        self.recent = _list("recentCustomers", self.tr("Recent customers"))
        self.recent.setModel(self.recent_model)
        self.recent.activated.connect(self._open_recent)
        self.recent_empty = QLabel(self.tr("Customers you open show up here."))
        self.recent_empty.setObjectName("recentEmpty")
        self.recent_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.tasks_model = MyTasksModel(self)
        self.tasks = _list("todayTasks", self.tr("Today's tasks"))
        self.tasks.setModel(self.tasks_model)
        self.tasks.activated.connect(self._open_task)
        self.tasks_empty = QLabel(self.tr("Nothing due today."))
        self.tasks_empty.setObjectName("todayTasksEmpty")
        self.tasks_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        columns = []
        for caption, view, empty in (
            (self.tr("Recent customers"), self.recent, self.recent_empty),
            (self.tr("Today's tasks"), self.tasks, self.tasks_empty),
        ):
            column = QVBoxLayout()
            column.setSpacing(lh // 3)
            column.addWidget(heading(caption, scale=1.0))
            column.addWidget(view, 100)
            column.addWidget(empty)
            column.addStretch(1)  # an empty list's line stays under its heading
            columns.append(column)
        self._lists = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._lists.setSpacing(lh * 2)
        for column in columns:
            self._lists.addLayout(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(lh * 2, lh * 2, lh * 2, lh)
        layout.setSpacing(lh // 2)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(lh)
        layout.addLayout(self._lists, 1)
        self._show_empties()

    def set_recent(self, rows: Sequence[RecentCustomer], now: datetime) -> None:
        self.recent_model.set_customers(rows, now)
        self._show_empties()

    def set_tasks(self, tasks: MyTasks, now: datetime) -> None:
        # Today's work: what is overdue and what falls due today; later ones are in My tasks.
        self.tasks_model.set_tasks(MyTasks(tasks.overdue, tasks.today, ()), now)
        self._show_empties()

    def _show_empties(self) -> None:
        for view, empty in ((self.recent, self.recent_empty), (self.tasks, self.tasks_empty)):
            has_rows = view.model().rowCount() > 0
            view.setVisible(has_rows)
            empty.setVisible(not has_rows)

    def _open_recent(self, index: QModelIndex) -> None:
        cid = index.data(RecentRole.CustomerId) if index.isValid() else None
        if cid:
            self.customer_requested.emit(cid, "recent")

    def _open_task(self, index: QModelIndex) -> None:
        cid = index.data(TaskRole.CustomerId) if index.isValid() else None
        if cid:
            self.customer_requested.emit(cid, "tasks")

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_EM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._lists.direction() != direction:
            self._lists.setDirection(direction)
        super().resizeEvent(event)
