"""Search results as a list model: one query per keystroke against the local cache."""

from __future__ import annotations

import sqlite3
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rapport.cache.search import SearchHit, search_customers
from rapport.domain.phones import format_phone

Index = QModelIndex | QPersistentModelIndex


class SearchRole(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    Name = Qt.ItemDataRole.UserRole + 2
    Tier = Qt.ItemDataRole.UserRole + 3
    Email = Qt.ItemDataRole.UserRole + 4
    Phone = Qt.ItemDataRole.UserRole + 5
    LastContact = Qt.ItemDataRole.UserRole + 6


class SearchModel(QAbstractListModel):
    def __init__(
        self, reader: sqlite3.Connection, region: str = "FR", limit: int = 50, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._region = region
        self._limit = limit
        self._hits: list[SearchHit] = []
        self.query = ""

    def set_query(self, text: str) -> None:
        self.query = text
        hits = (
            search_customers(self._reader, text, self._limit, self._region) if text.strip() else []
        )
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def refresh(self) -> None:
        """Re-run the current query (the cache changed under it)."""
        if self.query.strip():
            self.set_query(self.query)

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SearchRole.Name):
            return hit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(x for x in (hit.name, hit.email, self._phone(hit)) if x)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.name}, {hit.tier or ''} customer"
        return {
            SearchRole.Id: hit.id,
            SearchRole.Tier: hit.tier,
            SearchRole.Email: hit.email,
            SearchRole.Phone: self._phone(hit),
            SearchRole.LastContact: hit.last_contact_at,
        }.get(role)  # type: ignore[call-overload]

    def _phone(self, hit: SearchHit) -> str | None:
        return format_phone(hit.phone, self._region) if hit.phone else None

    def roleNames(self) -> dict[int, bytes]:
        return {r.value: r.name.lower().encode() for r in SearchRole} | {
            Qt.ItemDataRole.DisplayRole: b"display"
        }
