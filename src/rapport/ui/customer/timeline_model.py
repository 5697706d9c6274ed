"""The cross-channel timeline as a list model: pages of :func:`rapport.cache.queries.timeline_page`,
loaded as the view scrolls (``canFetchMore``/``fetchMore``), newest first. The customer 360 hands
it the first page it read with the rest of the customer (:meth:`TimelineModel.show`).

Rows are grouped by the agent's calendar day (the time zone of ``now()``); ``FirstOfDay`` marks the
row a delegate draws the day header above. ``SyncState`` tells which rows were written on this
computer and are not on the hub yet (pending), or were refused by it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rapport.cache.customer_360 import PAGE_SIZE
from rapport.cache.outbox import pending_targets
from rapport.cache.outbox_view import rejected_targets
from rapport.cache.queries import TimelineEntry, timeline_page
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common import wording

Index = QModelIndex | QPersistentModelIndex


class TimelineRole(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    OccurredAt = Qt.ItemDataRole.UserRole + 2  # aware datetime, local to now()
    Channel = Qt.ItemDataRole.UserRole + 3
    Kind = Qt.ItemDataRole.UserRole + 4
    Direction = Qt.ItemDataRole.UserRole + 5
    Title = Qt.ItemDataRole.UserRole + 6
    Detail = Qt.ItemDataRole.UserRole + 7
    Disposition = Qt.ItemDataRole.UserRole + 8
    StoreName = Qt.ItemDataRole.UserRole + 9
    Amount = Qt.ItemDataRole.UserRole + 10  # formatted money, or None
    Time = Qt.ItemDataRole.UserRole + 11  # "14:05"
    Day = Qt.ItemDataRole.UserRole + 12  # datetime.date, local
    DayTitle = Qt.ItemDataRole.UserRole + 13  # "Today", "Yesterday", "Monday 16 November"
    FirstOfDay = Qt.ItemDataRole.UserRole + 14
    Reference = Qt.ItemDataRole.UserRole + 15
    Entry = Qt.ItemDataRole.UserRole + 16  # the TimelineEntry itself
    SyncState = Qt.ItemDataRole.UserRole + 17  # SYNC_PENDING, SYNC_REJECTED, or None (on the hub)
    SyncReason = Qt.ItemDataRole.UserRole + 18  # why the hub refused it


SYNC_PENDING = "pending"  # written on this computer, not on the hub yet
SYNC_REJECTED = "rejected"  # the hub refused it; it stays until redone or dismissed


class TimelineModel(QAbstractListModel):
    def __init__(
        self,
        reader: sqlite3.Connection,
        now: Callable[[], datetime],
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._now = now
        self._page_size = page_size
        self._customer_id: str | None = None
        self._channels: frozenset[str] | None = None
        self._entries: list[TimelineEntry] = []
        self._times: list[datetime] = []
        self._texts: list[tuple[str, str]] = []  # (title, detail), written once per entry
        self._exhausted = True
        self._fetching = False
        self._pending: set[str] = set()
        self._rejected: dict[str, str] = {}

    # ---- what is shown ---------------------------------------------------------------------------

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def channels(self) -> frozenset[str] | None:
        """The channels shown, or None for all of them."""
        return self._channels

    def set_customer(self, customer_id: str | None) -> None:
        self._customer_id = customer_id
        self._reload(self._page_size)

    def set_channels(self, channels: frozenset[str] | None) -> None:
        """Show only these channels (None: all); starts again from the newest entry."""
        self._channels = None if channels is None else frozenset(channels)
        self._reload(self._page_size)

    def refresh(self) -> None:
        """Re-read what is loaded (sync changed this customer), keeping as many rows as before."""
        self._reload(max(self._page_size, len(self._entries)))

    def entry(self, row: int) -> TimelineEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _read(self, before: tuple[str, str] | None, limit: int) -> list[TimelineEntry]:
        if self._customer_id is None:
            return []
        return timeline_page(
            self._reader, self._customer_id, channels=self._channels, before=before, limit=limit
        )

    def _local(self, entry: TimelineEntry) -> datetime:
        now = self._now()
        at = parse_timestamp(entry.occurred_at) or now
        return at.astimezone(now.tzinfo)

    @staticmethod
    def _words(entry: TimelineEntry) -> tuple[str, str]:
        return wording.timeline_title(entry), wording.timeline_detail(entry)

    def show(
        self,
        customer_id: str,
        channels: frozenset[str] | None,
        entries: Sequence[TimelineEntry],
        limit: int,
        pending: Collection[str],
        rejected: Mapping[str, str],
    ) -> None:
        """Show a first page read elsewhere (:func:`rapport.cache.customer_360.load_customer`,
        asked for ``limit`` rows of ``channels``) with the sync marks of the customer's rows;
        later pages are read here as the view scrolls."""
        self._customer_id = customer_id
        self._channels = channels
        self._set(list(entries), limit, set(pending), dict(rejected))

    def _reload(self, limit: int) -> None:
        cid = self._customer_id
        entries = self._read(None, limit)
        pending = pending_targets(self._reader, cid) if cid else set()
        rejected = rejected_targets(self._reader, cid) if cid else {}
        self._set(entries, limit, pending, rejected)

    def _set(
        self, entries: list[TimelineEntry], limit: int, pending: set[str], rejected: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self._entries = entries
        self._pending, self._rejected = pending, rejected
        self._times = [self._local(e) for e in entries]
        self._texts = [self._words(e) for e in entries]
        self._exhausted = len(entries) < limit
        self.endResetModel()

    # ---- lazy loading ----------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        # Views and testers may ask again from a rowsAboutToBeInserted handler, before this page is
        # in: the guard keeps that from reading (and inserting) the same page twice.
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            before = self._entries[-1].key if self._entries else None
            page = self._read(before, self._page_size)
            self._exhausted = len(page) < self._page_size
            if not page:
                return
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._entries.extend(page)
            self._times.extend(self._local(e) for e in page)
            self._texts.extend(self._words(e) for e in page)
            self.endInsertRows()
        finally:
            self._fetching = False

    # ---- model -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def _day(self, row: int) -> date:
        return self._times[row].date()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        row = index.row()
        e = self._entries[row]
        title, detail = self._texts[row]
        if role in (Qt.ItemDataRole.DisplayRole, TimelineRole.Title):
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            when = fmt.date_time_text(self._times[row])
            lines = [self.tr("{title} — {when}").format(title=title, when=when)]
            if detail:
                lines.append(detail)
            extra = [x for x in (e.store_name, e.disposition, e.reference) if x]
            if extra:
                lines.append(" · ".join(extra))
            sync = self._sync_state(e.id)
            if sync == SYNC_PENDING:
                lines.append(
                    self.tr(
                        "Not synced yet: saved on this computer, sent to the hub as soon as it "
                        "can be reached."
                    )
                )
            elif sync == SYNC_REJECTED:
                lines.append(
                    self.tr("Refused by the hub: {reason}").format(reason=self._rejected[e.id])
                )
                lines.append(self.tr("Open the outbox (Ctrl+Shift+O) to redo or dismiss it."))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = fmt.when_text(self._times[row], self._now())
            text = self.tr("{title}, {when}. {detail}").format(
                title=title, when=when, detail=detail
            )
            sync = self._sync_state(e.id)
            if sync == SYNC_PENDING:
                text += " " + self.tr("Not synced yet.")
            elif sync == SYNC_REJECTED:
                text += " " + self.tr("Refused by the hub: {reason}.").format(
                    reason=self._rejected[e.id]
                )
            return text
        if role == TimelineRole.SyncState:
            return self._sync_state(e.id)
        if role == TimelineRole.SyncReason:
            return self._rejected.get(e.id)
        if role == TimelineRole.Id:
            return e.id
        if role == TimelineRole.OccurredAt:
            return self._times[row]
        if role == TimelineRole.Channel:
            return e.channel
        if role == TimelineRole.Kind:
            return e.kind
        if role == TimelineRole.Direction:
            return e.direction
        if role == TimelineRole.Detail:
            return detail
        if role == TimelineRole.Disposition:
            return e.disposition
        if role == TimelineRole.StoreName:
            return e.store_name
        if role == TimelineRole.Amount:
            return fmt.money(e.amount, e.currency) if e.amount is not None else None
        if role == TimelineRole.Time:
            return fmt.time_text(self._times[row])
        if role == TimelineRole.Day:
            return self._day(row)
        if role == TimelineRole.DayTitle:
            return fmt.day_title(self._day(row), self._now().date())
        if role == TimelineRole.FirstOfDay:
            return row == 0 or self._day(row) != self._day(row - 1)
        if role == TimelineRole.Reference:
            return e.reference
        if role == TimelineRole.Entry:
            return e
        return None

    def _sync_state(self, entry_id: str) -> str | None:
        if entry_id in self._rejected:
            return SYNC_REJECTED
        if entry_id in self._pending:
            return SYNC_PENDING
        return None

    def day_starts(self, first: int, last: int) -> list[int]:
        """The rows in ``first..last`` that begin a day (``FirstOfDay``), in one pass over the
        loaded times: a view sizing thousands of rows asks this instead of each row's data."""
        times = self._times
        last = min(last, len(times) - 1)
        return [
            row
            for row in range(max(0, first), last + 1)
            if row == 0 or times[row].date() != times[row - 1].date()
        ]

    def row_of(self, entry_id: str) -> int:
        """The row showing this entry among those loaded, or -1."""
        for row, e in enumerate(self._entries):
            if e.id == entry_id:
                return row
        return -1

    def roleNames(self) -> dict[int, bytes]:
        names = {r.value: (r.name[0].lower() + r.name[1:]).encode() for r in TimelineRole}
        return names | {Qt.ItemDataRole.DisplayRole: b"display"}
