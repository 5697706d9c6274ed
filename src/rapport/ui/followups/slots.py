"""The free times of the appointment dialog: a list model of starts, and the view that shows them
as a wrap of time chips to click, tap or move through with the arrow keys."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from rapport.ui.common import format as fmt
from rapport.ui.common.touch import row_height

Index = QModelIndex | QPersistentModelIndex


class SlotRole(IntEnum):
    Start = Qt.ItemDataRole.UserRole + 1  # aware datetime


class SlotsModel(QAbstractListModel):
    """Free starts, shown as times in ``zone`` (the dialog's)."""

    def __init__(self, zone: tzinfo | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._starts: list[datetime] = []
        self._zone = zone

    def set_slots(self, starts: Sequence[datetime], zone: tzinfo | None) -> None:
        self.beginResetModel()
        self._starts = list(starts)
        self._zone = zone
        self.endResetModel()

    def start(self, row: int) -> datetime | None:
        return self._starts[row] if 0 <= row < len(self._starts) else None

    def row_of(self, at: datetime) -> int:
        return next((i for i, s in enumerate(self._starts) if s == at), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._starts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._starts):
            return None
        start = self._starts[index.row()]
        local = start.astimezone(self._zone) if self._zone else start.astimezone()
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt.time_text(local)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fmt.date_time_text(local, local)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SlotRole.Start:
            return start
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {SlotRole.Start: b"start", Qt.ItemDataRole.DisplayRole: b"display"}


class _Chip(QStyledItemDelegate):
    def __init__(self, size: QSize, parent: QWidget) -> None:
        super().__init__(parent)
        self._size = size

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self._size


def slots_view(model: SlotsModel, parent: QWidget) -> QListView:
    """Times in rows that wrap to the view's width, each a chip a finger can hit, sized from the
    font; Left/Right/Up/Down move, and the current time is the chosen one."""
    view = QListView(parent)
    view.setModel(model)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setUniformItemSizes(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    fm = view.fontMetrics()
    chip = QSize(fm.horizontalAdvance("00:00 PM") + fm.height(), row_height(view, 1.9))
    view.setItemDelegate(_Chip(chip, view))
    view.setSpacing(fm.height() // 6)
    view.setMinimumHeight(chip.height() * 3 + fm.height())
    return view
