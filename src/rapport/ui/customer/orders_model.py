"""A customer's orders as a tree: one row per order (newest first), its lines as children.

Orders load a page at a time through :func:`rapport.cache.queries.orders_page`. A child index keeps
its order's row (plus one) as its internal id, so ``parent()`` needs no lookup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from rapport.cache.customer_360 import PAGE_SIZE
from rapport.cache.queries import OrderLineView, OrderView, order_count, orders_page
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common.accessible import tooltip_description
from rapport.ui.common.i18n import TranslatedNames
from rapport.ui.common.product_images import product_icon

Index = QModelIndex | QPersistentModelIndex


class OrderColumn(IntEnum):
    Item = 0
    Details = 1
    Date = 2
    Quantity = 3
    Amount = 4
    Status = 5


_HEADERS = TranslatedNames(
    "OrdersModel",
    {
        OrderColumn.Item: QT_TRANSLATE_NOOP("OrdersModel", "Order / item"),
        OrderColumn.Details: QT_TRANSLATE_NOOP("OrdersModel", "Channel / variant"),
        OrderColumn.Date: QT_TRANSLATE_NOOP("OrdersModel", "Date"),
        OrderColumn.Quantity: QT_TRANSLATE_NOOP("OrdersModel", "Qty"),
        OrderColumn.Amount: QT_TRANSLATE_NOOP("OrdersModel", "Amount"),
        OrderColumn.Status: QT_TRANSLATE_NOOP("OrdersModel", "Status / return"),
    },
)
_CHANNELS = TranslatedNames(
    "OrdersModel",
    {
        "web": QT_TRANSLATE_NOOP("OrdersModel", "Web"),
        "store": QT_TRANSLATE_NOOP("OrdersModel", "Store"),
        "phone": QT_TRANSLATE_NOOP("OrdersModel", "Phone"),
    },
)
# rapport.hub.ingest.records.ORDER_STATUSES; another status is shown as sent.
_STATUSES = TranslatedNames(
    "OrdersModel",
    {
        "processing": QT_TRANSLATE_NOOP("OrdersModel", "Processing"),
        "shipped": QT_TRANSLATE_NOOP("OrdersModel", "Shipped"),
        "delivered": QT_TRANSLATE_NOOP("OrdersModel", "Delivered"),
        "completed": QT_TRANSLATE_NOOP("OrdersModel", "Completed"),
        "cancelled": QT_TRANSLATE_NOOP("OrdersModel", "Cancelled"),
        "returned": QT_TRANSLATE_NOOP("OrdersModel", "Returned"),
    },
)


class OrderRole(IntEnum):
    Order = Qt.ItemDataRole.UserRole + 1  # the OrderView (for lines: their order's)
    Line = Qt.ItemDataRole.UserRole + 2  # the OrderLineView, None on order rows
    IsOrder = Qt.ItemDataRole.UserRole + 3
    Status = Qt.ItemDataRole.UserRole + 4  # raw order status
    Returned = Qt.ItemDataRole.UserRole + 5  # quantity returned (order: total over its lines)
    PlacedAt = Qt.ItemDataRole.UserRole + 6  # aware datetime


def _status_text(status: str | None) -> str:
    if status in _STATUSES:
        return _STATUSES[status]
    return (status or "").replace("_", " ").capitalize()


class OrdersModel(QAbstractItemModel):
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
        self._orders: list[OrderView] = []
        self._total = 0
        self._fetching = False

    @property
    def total_orders(self) -> int:
        """All the customer's orders, loaded or not."""
        return self._total

    def set_customer(self, customer_id: str | None) -> None:
        self._customer_id = customer_id
        self._reload(self._page_size)

    def refresh(self) -> None:
        self._reload(max(self._page_size, len(self._orders)))

    def order(self, row: int) -> OrderView | None:
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def show(self, customer_id: str, orders: Sequence[OrderView], total: int) -> None:
        """Show a first page read elsewhere (:func:`rapport.cache.customer_360.load_customer`)
        and how many orders there are in all; later pages are read here as the view scrolls."""
        self._customer_id = customer_id
        self._set(list(orders), total)

    def _reload(self, limit: int) -> None:
        cid = self._customer_id
        orders = orders_page(self._reader, cid, limit, 0) if cid else []
        total = order_count(self._reader, cid) if cid else 0
        self._set(orders, total)

    def _set(self, orders: list[OrderView], total: int) -> None:
        self.beginResetModel()
        self._orders = orders
        self._total = total
        self.endResetModel()

    # ---- lazy loading ----------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._orders) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._customer_id is None:
            return
        self._fetching = True  # no second read of this page from a signal handler
        try:
            page = orders_page(self._reader, self._customer_id, self._page_size, len(self._orders))
            if not page:
                self._total = len(self._orders)
                return
            first = len(self._orders)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._orders.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    # ---- tree structure --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._orders)
        if parent.internalId() == 0 and parent.column() == 0:
            order = self.order(parent.row())
            return len(order.lines) if order else 0
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(OrderColumn)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(OrderColumn):
            return None
        column = OrderColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            OrderColumn.Quantity,
            OrderColumn.Amount,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ---- data ------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return tooltip_description(index)  # totals, unit prices, returns
        if index.internalId() == 0:
            order = self.order(index.row())
            return None if order is None else self._order_data(order, index.column(), role)
        order = self.order(index.internalId() - 1)
        if order is None or not 0 <= index.row() < len(order.lines):
            return None
        return self._line_data(order, order.lines[index.row()], index.column(), role)

    def _placed(self, order: OrderView) -> datetime | None:
        at = parse_timestamp(order.placed_at)
        now = self._now()
        return at.astimezone(now.tzinfo) if at else None

    def _order_data(self, order: OrderView, column: int, role: int) -> Any:
        if role == OrderRole.Order:
            return order
        if role == OrderRole.Line:
            return None
        if role == OrderRole.IsOrder:
            return True
        if role == OrderRole.Status:
            return order.status
        if role == OrderRole.Returned:
            return sum(line.returned_quantity for line in order.lines)
        if role == OrderRole.PlacedAt:
            return self._placed(order)
        if role == Qt.ItemDataRole.DisplayRole:
            placed = self._placed(order)
            return {
                OrderColumn.Item: order.number,
                OrderColumn.Details: " · ".join(
                    x for x in (_CHANNELS.get(order.channel, order.channel), order.store_name) if x
                ),
                OrderColumn.Date: fmt.when_text(placed, self._now()) if placed else "",
                OrderColumn.Quantity: str(order.items),
                OrderColumn.Amount: fmt.money(order.total, order.currency),
                OrderColumn.Status: _status_text(order.status),
            }.get(OrderColumn(column))
        if role == Qt.ItemDataRole.ToolTipRole and column == OrderColumn.Details:
            return self._order_data(order, column, Qt.ItemDataRole.DisplayRole)  # may be elided
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                self.tr("Subtotal {amount}").format(
                    amount=fmt.money(order.subtotal, order.currency)
                ),
                self.tr("shipping {amount}").format(
                    amount=fmt.money(order.shipping, order.currency)
                ),
            ]
            if order.refunded:
                parts.append(
                    self.tr("refunded {amount}").format(
                        amount=fmt.money(order.refunded, order.currency)
                    )
                )
            return ", ".join(parts)
        if role == Qt.ItemDataRole.FontRole and column == OrderColumn.Item:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        return None

    def _line_data(self, order: OrderView, line: OrderLineView, column: int, role: int) -> Any:
        if role == OrderRole.Order:
            return order
        if role == OrderRole.Line:
            return line
        if role == OrderRole.IsOrder:
            return False
        if role == OrderRole.Status:
            return order.status
        if role == OrderRole.Returned:
            return line.returned_quantity
        if role == OrderRole.PlacedAt:
            return self._placed(order)
        if role == Qt.ItemDataRole.DisplayRole:
            returned = ""
            if line.returned_quantity:
                returned = self.tr("%n returned", "", line.returned_quantity)
                if line.return_reason:
                    returned = self.tr("{returned}: {reason}").format(
                        returned=returned, reason=line.return_reason
                    )
            return {
                OrderColumn.Item: line.name,
                OrderColumn.Details: " · ".join(
                    x
                    for x in (
                        self.tr("Size {size}").format(size=line.size) if line.size else None,
                        line.color,
                    )
                    if x
                ),
                OrderColumn.Date: "",
                OrderColumn.Quantity: str(line.quantity),
                OrderColumn.Amount: fmt.money(line.amount, order.currency),
                OrderColumn.Status: returned,
            }.get(OrderColumn(column))
        if role == Qt.ItemDataRole.ToolTipRole and column == OrderColumn.Amount:
            return f"{line.quantity} × {fmt.money(line.unit_price, order.currency)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == OrderColumn.Item:
            return line.name
        if role == Qt.ItemDataRole.ToolTipRole and column == OrderColumn.Status:
            return self._line_data(order, line, column, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.DecorationRole and column == OrderColumn.Item:
            return product_icon(line.category, QGuiApplication.palette())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        return None

    @staticmethod
    def _alignment(column: int) -> int:
        if column in (OrderColumn.Quantity, OrderColumn.Amount):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def roleNames(self) -> dict[int, bytes]:
        names = {r.value: (r.name[0].lower() + r.name[1:]).encode() for r in OrderRole}
        return names | {Qt.ItemDataRole.DisplayRole: b"display"}
