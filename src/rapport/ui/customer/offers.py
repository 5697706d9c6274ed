"""The Offers tab: campaign offers sent to the customer, so any channel honours the same code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedLayout,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.queries import OfferView
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common.accessible import tooltip_description
from rapport.ui.common.forms import empty_state
from rapport.ui.common.i18n import TranslatedNames
from rapport.ui.common.item_models import is_column_title

Index = QModelIndex | QPersistentModelIndex

_CHANNELS = TranslatedNames(
    "OffersModel",
    {
        "email": QT_TRANSLATE_NOOP("OffersModel", "Email"),
        "sms": QT_TRANSLATE_NOOP("OffersModel", "SMS"),
        "push": QT_TRANSLATE_NOOP("OffersModel", "Push"),
        "mail": QT_TRANSLATE_NOOP("OffersModel", "Mail"),
        "phone": QT_TRANSLATE_NOOP("OffersModel", "Phone"),
    },
)


class OfferColumn(IntEnum):
    Code = 0
    Offer = 1
    Channel = 2
    Sent = 3
    Expires = 4
    Status = 5


_HEADERS = (
    QT_TRANSLATE_NOOP("OffersModel", "Code"),
    QT_TRANSLATE_NOOP("OffersModel", "Offer"),
    QT_TRANSLATE_NOOP("OffersModel", "Sent by"),
    QT_TRANSLATE_NOOP("OffersModel", "Sent"),
    QT_TRANSLATE_NOOP("OffersModel", "Expires"),
    QT_TRANSLATE_NOOP("OffersModel", "Status"),
)


class OfferRole(IntEnum):
    Offer = Qt.ItemDataRole.UserRole + 1  # the OfferView
    Status = Qt.ItemDataRole.UserRole + 2  # active, redeemed, expired


class OffersModel(QAbstractTableModel):
    """Offers, active ones first, then the latest sent."""

    def __init__(self, now: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._now = now
        self._offers: list[OfferView] = []

    def set_offers(self, offers: Sequence[OfferView]) -> None:
        now = self._now()
        self.beginResetModel()
        self._offers = sorted(offers, key=lambda o: o.status(now) != "active")
        self.endResetModel()

    def offer(self, row: int) -> OfferView | None:
        return self._offers[row] if 0 <= row < len(self._offers) else None

    def active(self) -> list[OfferView]:
        now = self._now()
        return [o for o in self._offers if o.status(now) == "active"]

    def active_count(self) -> int:
        return len(self.active())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OfferColumn)

    def _date(self, text: str | None) -> str:
        at = parse_timestamp(text)
        return fmt.date_text(at.astimezone(self._now().tzinfo)) if at else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        offer = self.offer(index.row()) if index.isValid() else None
        if offer is None:
            return None
        status = offer.status(self._now())
        column = OfferColumn(index.column())
        if role == OfferRole.Offer:
            return offer
        if role == OfferRole.Status:
            return status
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OfferColumn.Code:
                return offer.code
            if column == OfferColumn.Offer:
                return offer.description or offer.campaign
            if column == OfferColumn.Channel:
                return _CHANNELS.get(offer.channel, offer.channel.capitalize())
            if column == OfferColumn.Sent:
                return self._date(offer.sent_at)
            if column == OfferColumn.Expires:
                return self._date(offer.expires_at)
            if status == "redeemed":
                return self.tr("Redeemed {date}").format(date=self._date(offer.redeemed_at))
            return self.tr("Active") if status == "active" else self.tr("Expired")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{campaign}: {offer}").format(
                campaign=offer.campaign, offer=offer.description
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return tooltip_description(index)  # the campaign
        if (
            role == Qt.ItemDataRole.FontRole
            and status == "active"
            and column
            in (
                OfferColumn.Code,
                OfferColumn.Status,
            )
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and status != "active":
            return QPalette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return (
            self.tr(_HEADERS[section])
            if is_column_title(section, orientation, role, len(_HEADERS))
            else None
        )

    def roleNames(self) -> dict[int, bytes]:
        return {r.value: r.name.lower().encode() for r in OfferRole} | {
            Qt.ItemDataRole.DisplayRole: b"display"
        }


class OffersView(QWidget):
    def __init__(self, model: OffersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        lh = self.fontMetrics().height()
        self.table = QTreeView()
        self.table.setObjectName("offersTable")
        self.table.setAccessibleName(self.tr("Offers sent to this customer"))
        self.table.setModel(model)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OfferColumn.Offer, QHeaderView.ResizeMode.Stretch)
        for column in OfferColumn:
            if column != OfferColumn.Offer:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.empty = empty_state(self.tr("No offers sent to this customer"), name="offersEmpty")

        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, lh // 2, 0, 0)
        layout.addLayout(self._stack)
        model.modelReset.connect(self._shown)
        self._shown()

    def _shown(self) -> None:
        self._stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
