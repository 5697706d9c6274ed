"""The outbox as a table: writes waiting for the hub, refused by it, or applied with a notice.

Columns: state, when (local time), customer, what, reason. Rows are read through
:func:`rapport.cache.outbox_view.outbox_items` (refused first, then notices, then pending in send
order); :meth:`OutboxModel.refresh` re-reads and resets only when something changed, so a selection
survives the frequent refreshes sync triggers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from rapport.cache.outbox import NOTICE, PENDING, REJECTED
from rapport.cache.outbox_view import OutboxItem, outbox_items
from rapport.ui import format as fmt
from rapport.ui.theme import caution, warning
from rapport.ui.wrapup import channel_name, default_kind, kind_name

Index = QModelIndex | QPersistentModelIndex

STATE_WORDS = {PENDING: "Pending", REJECTED: "Rejected", NOTICE: "Notice"}


class OutboxColumn(IntEnum):
    State = 0
    When = 1
    Customer = 2
    What = 3
    Reason = 4


HEADERS = {
    OutboxColumn.State: "State",
    OutboxColumn.When: "When",
    OutboxColumn.Customer: "Customer",
    OutboxColumn.What: "What",
    OutboxColumn.Reason: "Reason",
}


class OutboxRole(IntEnum):
    Seq = Qt.ItemDataRole.UserRole + 1
    State = Qt.ItemDataRole.UserRole + 2
    Item = Qt.ItemDataRole.UserRole + 3  # the OutboxItem
    CanRedo = Qt.ItemDataRole.UserRole + 4
    CanDismiss = Qt.ItemDataRole.UserRole + 5
    CustomerId = Qt.ItemDataRole.UserRole + 6


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


# Profile fields as the agent knows them (the hub's messages name the columns).
FIELD_LABELS = {
    "given_name": "first name",
    "family_name": "last name",
    "birth_date": "birth date",
    "notes": "notes",
    "preferences": "preferences",
}
_CONSENT_WORDS = {"granted": "opted in", "denied": "opted out"}


def _fields(text: str) -> str:
    for field, words in FIELD_LABELS.items():
        text = text.replace(field, words)
    return text


def what_text(item: OutboxItem) -> str:
    """The write in the agent's words: ``Call: Asked about delivery``, ``Profile: first name →
    Hélène``, ``SMS consent: opted out (phone call)``."""
    a = item.args
    if item.name == "interaction.log" and a.get("summary"):
        kind, channel = str(a.get("kind") or ""), str(a.get("channel") or "")
        head = kind_name(kind)
        if default_kind(channel) != kind:
            head = f"{head} ({channel_name(channel)})"
        return f"{head}: {_sentence(str(a['summary']))}"
    if item.name == "customer.update" and isinstance(a.get("changes"), list):
        parts = [
            f"{FIELD_LABELS.get(str(c.get('field')), str(c.get('field')))} → {c.get('new')}"
            for c in a["changes"]
            if isinstance(c, dict)
        ]
        return "Profile: " + ", ".join(parts)
    if item.name == "consent.set" and a.get("channel"):
        status = _CONSENT_WORDS.get(str(a.get("status")), str(a.get("status")))
        source = f" ({a['source']})" if a.get("source") else ""
        return f"{channel_name(str(a['channel']))} consent: {status}{source}"
    return _sentence(item.summary)


def reason_text(item: OutboxItem) -> str:
    if item.state == PENDING:
        if item.reason:
            return f"Not sent yet: {item.reason}"
        return "Waiting to be sent"
    return _fields(_sentence(item.reason or item.error_code or ""))


def customer_text(item: OutboxItem) -> str:
    return item.customer_name or "Customer not on this computer"


def _local_now() -> datetime:
    return datetime.now().astimezone()


class OutboxModel(QAbstractTableModel):
    def __init__(
        self,
        reader: sqlite3.Connection,
        now: Callable[[], datetime] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._now = now or _local_now
        self._items: list[OutboxItem] = []

    def refresh(self) -> bool:
        """Re-read the outbox; True when the rows changed."""
        items = outbox_items(self._reader)
        if items == self._items:
            return False
        self.beginResetModel()
        self._items = items
        self.endResetModel()
        return True

    def item(self, row: int) -> OutboxItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, client_seq: int) -> int:
        for row, item in enumerate(self._items):
            if item.client_seq == client_seq:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OutboxColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(OutboxColumn)
        ):
            return HEADERS[OutboxColumn(section)]
        return None

    def _when(self, item: OutboxItem) -> str:
        at = fmt.parse_timestamp(item.created_at)
        return fmt.relative_text(at, self._now()) if at else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = OutboxColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OutboxColumn.State:
                return STATE_WORDS.get(item.state, item.state)
            if column == OutboxColumn.When:
                return self._when(item)
            if column == OutboxColumn.Customer:
                return customer_text(item)
            if column == OutboxColumn.What:
                return what_text(item)
            return reason_text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and column in (
            OutboxColumn.State,
            OutboxColumn.Reason,
        ):
            palette = QGuiApplication.palette()
            if item.state == REJECTED:
                return warning(palette)
            if item.state == NOTICE:
                return caution(palette)
            return None
        if role == Qt.ItemDataRole.FontRole and column == OutboxColumn.State:
            if item.state == REJECTED:
                font = QFont(QGuiApplication.font())
                font.setWeight(QFont.Weight.Bold)
                return font
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{STATE_WORDS.get(item.state, item.state)}: {what_text(item)}, "
                f"{customer_text(item)}. {reason_text(item)}"
            )
        if role == OutboxRole.Seq:
            return item.client_seq
        if role == OutboxRole.State:
            return item.state
        if role == OutboxRole.Item:
            return item
        if role == OutboxRole.CanRedo:
            return item.can_redo
        if role == OutboxRole.CanDismiss:
            return item.can_dismiss
        if role == OutboxRole.CustomerId:
            return item.customer_id
        return None

    def _tooltip(self, item: OutboxItem) -> str:
        at = fmt.parse_timestamp(item.created_at)
        lines = [what_text(item), f"{customer_text(item)} · made {self._when(item)}"]
        if at is not None:
            lines[-1] = f"{customer_text(item)} · made {fmt.date_time_text(at, self._now())}"
        if item.state == REJECTED:
            code = f" ({item.error_code})" if item.error_code else ""
            lines.append(f"Rejected by the hub{code}: {reason_text(item) or 'no reason given'}")
            lines.append("Redo (Enter) sends it again; Dismiss (Delete) forgets it.")
        elif item.state == NOTICE:
            lines.append(f"Applied, with a notice: {reason_text(item)}")
        else:
            lines.append(reason_text(item))
        return "\n".join(lines)

    def roleNames(self) -> dict[int, bytes]:
        names = {r.value: (r.name[0].lower() + r.name[1:]).encode() for r in OutboxRole}
        return names | {Qt.ItemDataRole.DisplayRole: b"display"}
