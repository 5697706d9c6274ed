"""The Purchases tab: every order in store, online and by phone, with its lines (size, colour,
quantity, price) and what came back and why."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rapport.ui.models.orders_model import OrderColumn, OrdersModel

_COLUMN_SAMPLES = {
    OrderColumn.Details: "Store · Bordeaux Sainte-Catherine",
    OrderColumn.Date: "30 Sep 2026",
    OrderColumn.Quantity: "Qty 00",
    OrderColumn.Amount: "€10,000.00",
    OrderColumn.Status: "1 returned: Colour differs from the photos",
}


class PurchasesView(QWidget):
    """Orders newest first, each expanded to its lines; more load as the list scrolls."""

    def __init__(self, model: OrdersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        lh = self.fontMetrics().height()

        self.tree = QTreeView()
        self.tree.setObjectName("ordersTree")
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAllColumnsShowFocus(True)
        # Widths from sample text, not ResizeToContents: that would read every row on each change.
        fm = self.fontMetrics()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OrderColumn.Item, QHeaderView.ResizeMode.Stretch)
        for column, sample in _COLUMN_SAMPLES.items():
            header.resizeSection(column, fm.horizontalAdvance(sample) + fm.height())

        self.empty = QLabel("No orders yet")
        self.empty.setObjectName("ordersEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._stack = QStackedLayout()
        self._stack.addWidget(self.tree)
        self._stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, lh // 2, 0, 0)
        layout.addLayout(self._stack)

        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)
        self._reset()

    def _reset(self) -> None:
        self._expand(0, self.model.rowCount() - 1)
        self._stack.setCurrentWidget(self.tree if self.model.rowCount() else self.empty)

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._expand(first, last)
            self._stack.setCurrentWidget(self.tree)

    def _expand(self, first: int, last: int) -> None:
        # Orders open on their lines; expandAll() would also fetch every remaining page.
        for row in range(first, last + 1):
            self.tree.expand(self.model.index(row, 0))
