"""The customers last opened on this computer, as a list model for the start screen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rapport.cache.recent import RecentCustomer
from rapport.domain.phones import format_phone
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common.accessible import tooltip_description

Index = QModelIndex | QPersistentModelIndex


class RecentRole(IntEnum):
    CustomerId = Qt.ItemDataRole.UserRole + 1
    Name = Qt.ItemDataRole.UserRole + 2
    Contact = Qt.ItemDataRole.UserRole + 3  # phone as the agent dials it, else the email
    Opened = Qt.ItemDataRole.UserRole + 4  # when, as shown


class RecentCustomersModel(QAbstractListModel):
    def __init__(self, region: str = "FR", parent: Any = None) -> None:
        super().__init__(parent)
        self._region = region
        self._rows: list[RecentCustomer] = []
        self._now: datetime | None = None

    def set_customers(self, rows: Sequence[RecentCustomer], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _contact(self, row: RecentCustomer) -> str:
        if row.phone:
            return format_phone(row.phone, self._region)
        return row.email or ""

    def _opened(self, row: RecentCustomer) -> str:
        at = parse_timestamp(row.opened_at)
        if at is None:
            return ""
        now = self._now or datetime.now().astimezone()
        return fmt.relative_text(at, now)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return tooltip_description(index)
        row = self._rows[index.row()]
        name = row.name or QCoreApplication.translate("RecentCustomersModel", "Unnamed customer")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [name, self._contact(row), self._opened(row)]
            return "  ·  ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("RecentCustomersModel", "Opened {when}").format(
                when=self._opened(row)
            )
        values = {
            RecentRole.CustomerId: row.id,
            RecentRole.Name: name,
            RecentRole.Contact: self._contact(row),
            RecentRole.Opened: self._opened(row),
        }
        return values.get(role)  # type: ignore[call-overload]

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({int(r): r.name.lower().encode() for r in RecentRole})
        return names
