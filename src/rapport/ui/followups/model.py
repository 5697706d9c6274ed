"""My tasks as a list model: a header row per group (overdue, today, upcoming), then its tasks,
each with the customer's name, when it is due and its title."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from rapport.cache.tasks import MyTasks, TaskView
from rapport.ui.common import format as fmt
from rapport.ui.common.accessible import tooltip_description

GROUPS = (
    ("overdue", QT_TRANSLATE_NOOP("MyTasksModel", "Overdue")),
    ("today", QT_TRANSLATE_NOOP("MyTasksModel", "Today")),
    ("upcoming", QT_TRANSLATE_NOOP("MyTasksModel", "Upcoming")),
)

Index = QModelIndex | QPersistentModelIndex


class TaskRole(IntEnum):
    IsHeader = Qt.ItemDataRole.UserRole + 1
    Group = Qt.ItemDataRole.UserRole + 2
    Id = Qt.ItemDataRole.UserRole + 3
    CustomerId = Qt.ItemDataRole.UserRole + 4
    CustomerName = Qt.ItemDataRole.UserRole + 5
    Due = Qt.ItemDataRole.UserRole + 6  # the due time as shown
    Title = Qt.ItemDataRole.UserRole + 7
    Kind = Qt.ItemDataRole.UserRole + 8
    Pending = Qt.ItemDataRole.UserRole + 9


@dataclass(frozen=True, slots=True)
class _Row:
    group: str
    header: str | None = None  # set on a group's header row
    task: TaskView | None = None


def due_text(task: TaskView, group: str, now: datetime) -> str:
    """When the task is due, by the one rule of :func:`rapport.ui.common.format.when_text` (the group
    header above says overdue or upcoming)."""
    return fmt.when_text(task.due_at, now)


class MyTasksModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._now: datetime | None = None
        self.tasks = MyTasks((), (), ())

    def set_tasks(self, tasks: MyTasks, now: datetime) -> None:
        self.beginResetModel()
        self.tasks = tasks
        self._now = now
        self._rows = []
        for key, name in GROUPS:
            items = getattr(tasks, key)
            if not items:
                continue
            header = self.tr("{group} ({count})").format(group=self.tr(name), count=len(items))
            self._rows.append(_Row(key, header))
            self._rows.extend(_Row(key, None, t) for t in items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].task is None:
            return Qt.ItemFlag.NoItemFlags  # a group header: keyboard navigation steps over it
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return tooltip_description(index)  # the due date and time
        row = self._rows[index.row()]
        task = row.task
        if role == TaskRole.IsHeader:
            return task is None
        if role == TaskRole.Group:
            return row.group
        if task is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.header
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        now = self._now or datetime.now().astimezone()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mark = self.tr(" · not sent yet") if task.pending else ""
            return self.tr("{due}  {customer} — {title}{mark}").format(
                due=due_text(task, row.group, now),
                customer=task.customer_name,
                title=task.title,
                mark=mark,
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{title}\n{customer}, due {when}").format(
                title=task.title,
                customer=task.customer_name,
                when=fmt.date_time_text(task.due_at, now),
            )
        values = {
            TaskRole.Id: task.id,
            TaskRole.CustomerId: task.customer_id,
            TaskRole.CustomerName: task.customer_name,
            TaskRole.Due: due_text(task, row.group, now),
            TaskRole.Title: task.title,
            TaskRole.Kind: task.kind,
            TaskRole.Pending: task.pending,
        }
        return values.get(role)  # type: ignore[call-overload]

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({int(r): r.name.lower().encode() for r in TaskRole})
        return names

    def first_task_row(self) -> int:
        return next((i for i, r in enumerate(self._rows) if r.task is not None), -1)
