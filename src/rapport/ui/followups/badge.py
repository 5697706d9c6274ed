"""The status-bar badge: how many of my tasks are overdue or due today; a click opens my tasks."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QPushButton, QWidget

from rapport.cache.tasks import MyTasks
from rapport.ui.common.i18n import Context
from rapport.ui.common.theme import warning

TASKS_SHORTCUT = "Ctrl+T"
TaskWords = Context("TaskWords")


def badge_text(tasks: MyTasks) -> str:
    n = tasks.due_count
    if n == 0:
        return TaskWords.tr("No tasks due")
    return TaskWords.tr("%n task(s) due", "", n)


class TasksBadge(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(TaskWords.tr("No tasks due"), parent)
        self.setObjectName("tasksBadge")
        self.setFlat(True)
        self.count = 0
        self.overdue = 0

    def set_tasks(self, tasks: MyTasks) -> None:
        self.count = tasks.due_count
        self.overdue = len(tasks.overdue)
        self.setText(badge_text(tasks))
        keys = QKeySequence(TASKS_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(
            self.tr(
                "{overdue} overdue, {today} due later today, {upcoming} upcoming. Open my tasks "
                "({keys})."
            ).format(
                overdue=self.overdue,
                today=len(tasks.today),
                upcoming=len(tasks.upcoming),
                keys=keys,
            )
        )
        pal = self.palette()
        role = QPalette.ColorRole.ButtonText
        parent = self.parentWidget()
        base = (parent.palette() if parent is not None else pal).color(role)
        pal.setColor(role, warning(pal) if self.overdue else base)
        self.setPalette(pal)
        font = self.font()
        font.setBold(self.count > 0)
        self.setFont(font)
