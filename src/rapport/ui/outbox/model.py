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

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from rapport.cache.outbox import NOTICE, PENDING, REJECTED
from rapport.cache.outbox_view import OutboxItem, outbox_items
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common.i18n import Context, TranslatedNames
from rapport.ui.common.item_models import is_column_title
from rapport.ui.common.theme import caution, warning
from rapport.ui.common.wrapup import channel_name, default_kind, kind_name

Index = QModelIndex | QPersistentModelIndex

STATE_WORDS = TranslatedNames(
    "OutboxModel",
    {
        PENDING: QT_TRANSLATE_NOOP("OutboxModel", "Pending"),
        REJECTED: QT_TRANSLATE_NOOP("OutboxModel", "Rejected"),
        NOTICE: QT_TRANSLATE_NOOP("OutboxModel", "Notice"),
    },
)


class OutboxColumn(IntEnum):
    State = 0
    When = 1
    Customer = 2
    What = 3
    Reason = 4


HEADERS = TranslatedNames(
    "OutboxModel",
    {
        OutboxColumn.State: QT_TRANSLATE_NOOP("OutboxModel", "State"),
        OutboxColumn.When: QT_TRANSLATE_NOOP("OutboxModel", "When"),
        OutboxColumn.Customer: QT_TRANSLATE_NOOP("OutboxModel", "Customer"),
        OutboxColumn.What: QT_TRANSLATE_NOOP("OutboxModel", "What"),
        OutboxColumn.Reason: QT_TRANSLATE_NOOP("OutboxModel", "Reason"),
    },
)


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
FIELD_LABELS = TranslatedNames(
    "OutboxModel",
    {
        "given_name": QT_TRANSLATE_NOOP("OutboxModel", "first name"),
        "family_name": QT_TRANSLATE_NOOP("OutboxModel", "last name"),
        "birth_date": QT_TRANSLATE_NOOP("OutboxModel", "birth date"),
        "notes": QT_TRANSLATE_NOOP("OutboxModel", "notes"),
        "preferences": QT_TRANSLATE_NOOP("OutboxModel", "preferences"),
    },
)
_CONSENT_WORDS = TranslatedNames(
    "OutboxModel",
    {
        "granted": QT_TRANSLATE_NOOP("OutboxModel", "opted in"),
        "denied": QT_TRANSLATE_NOOP("OutboxModel", "opted out"),
    },
)


def _fields(text: str) -> str:
    for field, words in FIELD_LABELS.items():
        text = text.replace(field, words)
    return text


OutboxWords = Context("OutboxWords")


def what_text(item: OutboxItem, now: datetime | None = None) -> str:
    """The write in the agent's words, in the language of the moment (the summary the cache stored
    when it was queued is English, and only the last resort): ``Call: Asked about delivery``,
    ``Profile: first name → Hélène``, ``Basket saved: 2 items``, ``Task done: Call back``."""
    words = _WORDINGS.get(item.name)
    text = words(item, now) if words is not None else None
    return text or _sentence(item.summary)


def _interaction(item: OutboxItem, _now: datetime | None) -> str | None:
    a = item.args
    if not a.get("summary"):
        return None
    kind, channel = str(a.get("kind") or ""), str(a.get("channel") or "")
    head = kind_name(kind)
    if default_kind(channel) != kind:
        head = f"{head} ({channel_name(channel)})"
    return QCoreApplication.translate("OutboxModel", "{kind}: {summary}").format(
        kind=head, summary=_sentence(str(a["summary"]))
    )


def _profile(item: OutboxItem, _now: datetime | None) -> str | None:
    changes = item.args.get("changes")
    if not isinstance(changes, list):
        return None
    parts = [
        f"{FIELD_LABELS.get(str(c.get('field')), str(c.get('field')))} → {c.get('new')}"
        for c in changes
        if isinstance(c, dict)
    ]
    return QCoreApplication.translate("OutboxModel", "Profile: {changes}").format(
        changes=", ".join(parts)
    )


def _consent(item: OutboxItem, _now: datetime | None) -> str | None:
    a = item.args
    if not a.get("channel"):
        return None
    status = _CONSENT_WORDS.get(str(a.get("status")), str(a.get("status")))
    channel = channel_name(str(a["channel"]))
    if a.get("source"):
        return QCoreApplication.translate(
            "OutboxModel", "{channel} consent: {status} ({source})"
        ).format(channel=channel, status=status, source=a["source"])
    return QCoreApplication.translate("OutboxModel", "{channel} consent: {status}").format(
        channel=channel, status=status
    )


def _basket_saved(item: OutboxItem, _now: datetime | None) -> str | None:
    lines = item.args.get("lines")
    if not isinstance(lines, list):
        return None
    quantities = [line.get("quantity") for line in lines if isinstance(line, dict)]
    if not all(isinstance(q, int) and not isinstance(q, bool) for q in quantities):
        return None  # not a write this desk made: the summary stored with it says it
    return OutboxWords.tr("Basket saved: %n item(s)", "", sum(quantities))


# Whole sentences per channel: a translation may need the channel's word to agree with the rest.
_BASKET_SENT = TranslatedNames(
    "OutboxModel",
    {
        "email": QT_TRANSLATE_NOOP("OutboxModel", "Basket sent by email"),
        "sms": QT_TRANSLATE_NOOP("OutboxModel", "Basket sent by SMS"),
    },
)


def _basket_sent(item: OutboxItem, _now: datetime | None) -> str | None:
    return _BASKET_SENT.get(str(item.args.get("channel")))


def _new_customer(item: OutboxItem, _now: datetime | None) -> str | None:
    a = item.args
    name = " ".join(str(a[k]) for k in ("given_name", "family_name") if a.get(k))
    if not name:
        return None
    return QCoreApplication.translate("OutboxModel", "New customer: {name}").format(name=name)


def _task_created(item: OutboxItem, now: datetime | None) -> str | None:
    a = item.args
    title = str(a.get("title") or "")
    if a.get("kind") == "follow_up" and title:
        return QCoreApplication.translate("OutboxModel", "Follow-up: {title}").format(title=title)
    due = parse_timestamp(str(a.get("due_at") or ""))
    if a.get("kind") == "appointment" and title and due is not None:
        return QCoreApplication.translate("OutboxModel", "{title} on {when}").format(
            title=title, when=fmt.date_time_text(due, now)
        )
    return None


_TASK_STATUS = TranslatedNames(
    "OutboxModel",
    {
        "done": QT_TRANSLATE_NOOP("OutboxModel", "Task done: {title}"),
        "cancelled": QT_TRANSLATE_NOOP("OutboxModel", "Task cancelled: {title}"),
        "open": QT_TRANSLATE_NOOP("OutboxModel", "Task reopened: {title}"),
    },
)


def _task_updated(item: OutboxItem, now: datetime | None) -> str | None:
    a = item.args
    title, status = item.task_title, str(a.get("status"))
    if not title or status not in _TASK_STATUS:
        return None  # the task has left this cache: the stored summary still names it
    due = parse_timestamp(str(a.get("due_at") or ""))
    if status == "open" and due is not None:
        return QCoreApplication.translate("OutboxModel", "Task moved to {when}: {title}").format(
            when=fmt.date_time_text(due, now), title=title
        )
    return _TASK_STATUS[status].format(title=title)


_WORDINGS: dict[str, Callable[[OutboxItem, datetime | None], str | None]] = {
    "interaction.log": _interaction,
    "customer.update": _profile,
    "consent.set": _consent,
    "basket.save": _basket_saved,
    "basket.send": _basket_sent,
    "customer.create": _new_customer,
    "task.create": _task_created,
    "task.update": _task_updated,
}


def reason_text(item: OutboxItem) -> str:
    if item.state == PENDING:
        if item.reason:
            return QCoreApplication.translate("OutboxModel", "Not sent yet: {reason}").format(
                reason=item.reason
            )
        return QCoreApplication.translate("OutboxModel", "Waiting to be sent")
    words = _notice_text(item) if item.state == NOTICE else _refusal_text(item)
    return words or _fields(_sentence(item.reason or item.error_code or ""))


_MERGED = TranslatedNames(
    "OutboxModel",
    {
        "email": QT_TRANSLATE_NOOP(
            "OutboxModel",
            "Already a customer with the same email: the new profile was merged into theirs.",
        ),
        "phone": QT_TRANSLATE_NOOP(
            "OutboxModel",
            "Already a customer with the same phone number: the new profile was merged into"
            " theirs.",
        ),
    },
)


def _notice_text(item: OutboxItem) -> str | None:
    """A notice in the agent's language, from the code the cache kept with it (notices from
    before 2026-12 have none: their English sentence is shown)."""
    kind, _, detail = (item.error_code or "").partition(":")
    if kind == "conflict" and detail:
        fields = ", ".join(FIELD_LABELS.get(f, f) for f in detail.split(","))
        return QCoreApplication.translate(
            "OutboxModel", "Someone changed {fields} first; the newer value was kept."
        ).format(fields=fields)
    if kind == "merged":
        return _MERGED.get(detail) or QCoreApplication.translate(
            "OutboxModel",
            "Already a customer with the same details: the new profile was merged into theirs.",
        )
    if kind == "superseded":
        return QCoreApplication.translate(
            "OutboxModel", "A more recent {channel} consent was already recorded and was kept."
        ).format(channel=channel_name(str(item.args.get("channel") or "")))
    return None


def _refusal_text(item: OutboxItem) -> str | None:
    """The refusals an agent can act on, in their language; the others (``invalid``: a write the
    desk should not have sent) keep the hub's own words, which name the field for whoever fixes
    it."""
    code = item.error_code
    if code == "erased":
        return QCoreApplication.translate(
            "OutboxModel",
            "This customer's data was erased at their request; the write was not kept.",
        )
    if code == "unknown_customer":
        return QCoreApplication.translate(
            "OutboxModel", "This customer is not on the hub (any more)."
        )
    # (A refused basket.send is forbidden for consent too: the hub's words say which.)
    if code == "forbidden" and item.name == "basket.save":
        return QCoreApplication.translate(
            "OutboxModel", "This basket belongs to another associate: only its owner may change it."
        )
    if code == "forbidden" and item.name.startswith("task."):
        return QCoreApplication.translate(
            "OutboxModel",
            "Only the task's assignee, its creator or a supervisor may change it.",
        )
    return None


def customer_text(item: OutboxItem) -> str:
    return item.customer_name or QCoreApplication.translate(
        "OutboxModel", "Customer not on this computer"
    )


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
        return (
            HEADERS[OutboxColumn(section)]
            if is_column_title(section, orientation, role, len(OutboxColumn))
            else None
        )

    def _when(self, item: OutboxItem) -> str:
        at = parse_timestamp(item.created_at)
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
                return what_text(item, self._now())
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
            return self.tr("{state}: {what}, {customer}. {reason}").format(
                state=STATE_WORDS.get(item.state, item.state),
                what=what_text(item, self._now()),
                customer=customer_text(item),
                reason=reason_text(item),
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
        at = parse_timestamp(item.created_at)
        when = fmt.date_time_text(at, self._now()) if at is not None else self._when(item)
        lines = [
            what_text(item, self._now()),
            self.tr("{customer} · made {when}").format(customer=customer_text(item), when=when),
        ]
        if item.state == REJECTED:
            reason = reason_text(item) or self.tr("no reason given")
            lines.append(
                self.tr("Rejected by the hub ({code}): {reason}").format(
                    code=item.error_code, reason=reason
                )
                if item.error_code
                else self.tr("Rejected by the hub: {reason}").format(reason=reason)
            )
            lines.append(self.tr("Redo (Enter) sends it again; Dismiss (Delete) forgets it."))
        elif item.state == NOTICE:
            lines.append(
                self.tr("Applied, with a notice: {notice}").format(notice=reason_text(item))
            )
        else:
            lines.append(reason_text(item))
        return "\n".join(lines)

    def roleNames(self) -> dict[int, bytes]:
        names = {r.value: (r.name[0].lower() + r.name[1:]).encode() for r in OutboxRole}
        return names | {Qt.ItemDataRole.DisplayRole: b"display"}
