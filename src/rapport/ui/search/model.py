"""Search results as list models: one query per keystroke against the local cache
(:class:`SearchModel`), and the hub's answer to an online search (:class:`HubResultsModel`), for
customers this computer does not have yet."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence

from rapport.cache.search import SearchHit, search_customers
from rapport.domain.phones import format_phone
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common import wording

Index = QModelIndex | QPersistentModelIndex


class SearchRole(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    Name = Qt.ItemDataRole.UserRole + 2
    Tier = Qt.ItemDataRole.UserRole + 3
    Email = Qt.ItemDataRole.UserRole + 4
    Phone = Qt.ItemDataRole.UserRole + 5
    LastContact = Qt.ItemDataRole.UserRole + 6
    Detail = Qt.ItemDataRole.UserRole + 7  # a second line instead of phone and email, or None


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

    def ids(self) -> set[str]:
        return {h.id for h in self._hits}

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
            if not hit.tier:
                return hit.name
            return self.tr("{name}, {tier} customer").format(
                name=hit.name, tier=wording.tier_name(hit.tier)
            )
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


class HubResultsModel(QAbstractListModel):
    """Customers the hub found for ``query`` that are not on this computer: the same roles as
    :class:`SearchModel`, with a ``Detail`` line saying where they are."""

    def __init__(self, parent: Any = None, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._now = now or (lambda: datetime.now().astimezone())
        self.query = ""

    def set_results(self, query: str, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.query = query
        self._rows = [r for r in rows if isinstance(r, dict) and r.get("id")]
        self.endResetModel()

    def clear(self) -> None:
        if self._rows or self.query:
            self.set_results("", [])

    def drop(self, ids: set[str]) -> None:
        """Forget results that are now on this computer (pinned, or arrived by sync)."""
        keep = [r for r in self._rows if r["id"] not in ids]
        if len(keep) != len(self._rows):
            self.set_results(self.query, keep)

    def ids(self) -> set[str]:
        return {str(r["id"]) for r in self._rows}

    def row_id(self, row: int) -> str | None:
        return str(self._rows[row]["id"]) if 0 <= row < len(self._rows) else None

    def name(self, row: int) -> str:
        if not 0 <= row < len(self._rows):
            return ""
        r = self._rows[row]
        return " ".join(str(x) for x in (r.get("given_name"), r.get("family_name")) if x)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _detail(self, r: dict[str, Any]) -> str:
        last = parse_timestamp(r.get("last_contact_at"))
        if last is None:
            return self.tr("On the hub · no contact yet")
        return self.tr("On the hub · last contact {when}").format(
            when=fmt.when_text(last, self._now())
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        name = self.name(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, SearchRole.Name):
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            keys = QKeySequence(Qt.Key.Key_Return).toString(QKeySequence.SequenceFormat.NativeText)
            return self.tr(
                "{name} · {where}\n{keys} brings them to this computer and opens them."
            ).format(name=name, where=self._detail(r), keys=keys)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{name}, on the hub, not on this computer yet").format(name=name)
        return {
            SearchRole.Id: str(r["id"]),
            SearchRole.Tier: r.get("tier"),
            SearchRole.LastContact: r.get("last_contact_at"),
            SearchRole.Detail: self._detail(r),
        }.get(role)  # type: ignore[call-overload]

    def roleNames(self) -> dict[int, bytes]:
        return {r.value: r.name.lower().encode() for r in SearchRole} | {
            Qt.ItemDataRole.DisplayRole: b"display"
        }
