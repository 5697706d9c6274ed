"""The Purchases tab: every order in store, online and by phone, with its lines (size, colour,
quantity, price) and what came back and why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStackedLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rapport.ui.common.forms import empty_state
from rapport.ui.customer.orders_model import OrderColumn, OrdersModel

# Columns that keep the width of their widest text; the others share what is left, the product
# name first (it is what the agent reads), then the channel and variant, then the return reason.
_FIXED = (OrderColumn.Date, OrderColumn.Quantity, OrderColumn.Amount)
_FLEXIBLE = (OrderColumn.Item, OrderColumn.Details, OrderColumn.Status)
# Narrowest a flexible column gets, in average character widths, before the tree scrolls sideways.
_MINIMUM_EM = {OrderColumn.Item: 18, OrderColumn.Details: 12, OrderColumn.Status: 8}


class _RowDelegate(QStyledItemDelegate):
    """Every row as tall as a product thumbnail, so order rows and their lines line up (and the
    view can keep uniform row heights)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        icon = view.iconSize().height() if isinstance(view, QAbstractItemView) else 0
        return QSize(
            hint.width(), max(hint.height(), icon + QFontMetrics(option.font).height() // 3)
        )


class PurchasesView(QWidget):
    """Orders newest first, each expanded to its lines (with a picture of the product); more load
    as the list scrolls. Column widths follow the loaded rows and the view's width until the
    agent drags one."""

    def __init__(self, model: OrdersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        lh = self.fontMetrics().height()

        self.tree = QTreeView()
        self.tree.setObjectName("ordersTree")
        self.tree.setAccessibleName(self.tr("Orders and their items"))
        self.tree.setModel(model)
        self.tree.setIconSize(QSize(round(lh * 1.5), round(lh * 1.5)))
        self.tree.setItemDelegate(_RowDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._wants: dict[int, int] = {}
        self._essential: dict[int, int] = {}
        self._auto = True  # until the agent drags a column edge
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self.tree.viewport().installEventFilter(self)

        self.empty = empty_state(self.tr("No orders yet"), name="ordersEmpty")

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
        self._measure()

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._expand(first, last)
            self._stack.setCurrentWidget(self.tree)
            self._measure()

    def _expand(self, first: int, last: int) -> None:
        # Orders open on their lines; expandAll() would also fetch every remaining page.
        for row in range(first, last + 1):
            self.tree.expand(self.model.index(row, 0))

    # ---- column widths -------------------------------------------------------------------------

    def _measure(self) -> None:
        """How wide each column's text is over the loaded rows (a page or a few: cheap), plus the
        indentation and picture of the name column."""
        fm = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        fm_bold = QFontMetrics(bold)
        pad = fm.averageCharWidth() * 2
        header = self.tree.header()
        wants = {c: header.sectionSizeHint(c) for c in OrderColumn}
        # Kept whole before names get their room: each order's status word and each line's size
        # and colour (store names and return reasons are the ones elided, with a tooltip).
        status_words = variants = 0
        indent = self.tree.indentation()
        icon = self.tree.iconSize().width() + fm.averageCharWidth()

        def want(column: int, width: int) -> None:
            wants[column] = max(wants[column], width + pad)

        for row in range(self.model.rowCount()):
            order = self.model.index(row, 0)
            want(OrderColumn.Item, indent + fm_bold.horizontalAdvance(str(order.data() or "")))
            for column in OrderColumn:
                if column != OrderColumn.Item:
                    width = fm.horizontalAdvance(str(self.model.index(row, column).data() or ""))
                    want(column, width)
                    if column == OrderColumn.Status:
                        status_words = max(status_words, width + pad)
            for child in range(self.model.rowCount(order)):
                for column in OrderColumn:
                    text = str(self.model.index(child, column, order).data() or "")
                    extra = 2 * indent + icon if column == OrderColumn.Item else 0
                    want(column, extra + fm.horizontalAdvance(text))
                    if column == OrderColumn.Details:
                        variants = max(variants, fm.horizontalAdvance(text) + pad)
        self._wants = wants
        self._essential = {OrderColumn.Status: status_words, OrderColumn.Details: variants}
        self._fit()

    def _fit(self) -> None:
        if not self._auto or not self._wants:
            return
        em = self.tree.fontMetrics().averageCharWidth()
        widths = {c: self._wants[c] for c in _FIXED}
        for c in _FLEXIBLE:
            widths[c] = min(self._wants[c], em * _MINIMUM_EM[c])
        for c, width in self._essential.items():
            widths[c] = max(widths[c], width)
        rest = self.tree.viewport().width() - sum(widths.values())
        for c in _FLEXIBLE:
            give = max(0, min(rest, self._wants[c] - widths[c]))
            widths[c] += give
            rest -= give
        widths[OrderColumn.Item] += max(rest, 0)  # the room left over goes to the names
        self._fitting = True
        try:
            for column, width in widths.items():
                self.tree.header().resizeSection(column, width)
        finally:
            self._fitting = False

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        # Only a drag on the header takes over (a model reset resizes sections too).
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._auto = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)
