"""The basket dialog (Ctrl+B on an open customer): find a product in the catalog, pick its color
and size with the stock in this store and the others, choose how the customer gets it, then save
the draft or send it by email or SMS where the customer consented.

Everything is written to this computer's cache and outbox at once and reaches the hub when it can;
the hub prices the basket from its catalog and sends the message with the link to pay.

Keys: type to search, Down to the results, Enter picks a product; Alt+underlined letters reach each
field; Enter in the quantity adds; Delete removes the selected line; Ctrl+S saves the draft.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rapport.cache import basket as bk
from rapport.cache.writes import LocalWrites, WriteError
from rapport.ui import format as fmt
from rapport.ui.basket.models import (
    BasketLinesModel,
    CatalogModel,
    LineColumn,
    VariantColumn,
    VariantStockModel,
    stock_elsewhere_text,
)
from rapport.ui.field_error import FieldError

BASKET_SHORTCUT = "Ctrl+B"
SEARCH_DELAY_MS = 150
FULFILLMENT_NAMES = {"take_now": "Take now", "pickup": "Pick up in store", "ship": "Ship to home"}
CHANNEL_NAMES = {"email": "email", "sms": "SMS"}


class BasketDialog(QDialog):
    saved = Signal(str)  # customer id: a write was queued

    def __init__(
        self,
        reader: sqlite3.Connection,
        writes: LocalWrites,
        customer_id: str,
        customer_name: str,
        store_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("basketDialog")
        self.setWindowTitle(f"Basket — {customer_name}")
        self._reader = reader
        self._writes = writes
        self.customer_id = customer_id
        # "This store": the associate's; for an agent (no store), the customer's home store.
        self.store_id = store_id = store_id or bk.home_store(reader, customer_id)
        self._stores = dict(bk.stores(reader))
        here_name = self._store_name(store_id) if store_id else "This store"
        found = bk.customer_basket(reader, customer_id, writes.user_id)
        self.basket = found or bk.Basket.new(customer_id, store_id)
        self._dirty = False
        fm = self.fontMetrics()
        em, lh = fm.averageCharWidth(), fm.height()
        touch = int(lh * 2.2)  # comfortable for a finger on a store tablet

        overline = QLabel("Basket for", self)
        overline.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        heading = QLabel(customer_name, self)
        heading.setObjectName("basketCustomer")
        heading_font = fmt.scaled_font(heading.font(), 1.3)
        heading_font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(heading_font)

        # -- catalog ----------------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setObjectName("basketSearch")
        self.search.setPlaceholderText("Product name, SKU or category")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(touch)
        self.search.installEventFilter(self)
        self.catalog = CatalogModel(self)
        self.results = QListView(self)
        self.results.setObjectName("basketResults")
        self.results.setModel(self.catalog)
        self.results.setAccessibleName("Products")
        self.results.setSpacing(lh // 6)
        self.results.setMinimumWidth(em * 44)
        self.results.installEventFilter(self)
        self.results.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._pick(cur.row())
        )
        self.results.activated.connect(lambda _i: self.color.setFocus())
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.product_label = QLabel("Pick a product on the left.", self)
        self.product_label.setObjectName("basketProduct")
        self.product_label.setWordWrap(True)
        self.variants = VariantStockModel(here_name, self)
        self.variant_view = QTableView(self)
        self.variant_view.setObjectName("basketVariants")
        self.variant_view.setModel(self.variants)
        self.variant_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.variant_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.variant_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variant_view.verticalHeader().hide()
        self.variant_view.verticalHeader().setDefaultSectionSize(int(lh * 1.8))
        header = self.variant_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VariantColumn.Elsewhere, QHeaderView.ResizeMode.Stretch)
        self.variant_view.setMinimumHeight(lh * 9)
        self.variant_view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._variant_row_chosen(cur.row())
        )

        self.color = QComboBox(self)
        self.color.setObjectName("basketColor")
        self.size = QComboBox(self)
        self.size.setObjectName("basketSize")
        for combo in (self.color, self.size):
            combo.setMinimumHeight(touch)
            combo.setMinimumWidth(em * 14)
            combo.currentIndexChanged.connect(self._size_or_color_changed)
        self.stock = QLabel(self)
        self.stock.setObjectName("basketStock")
        self.stock.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("basketSource")
        self.source.setMinimumHeight(touch)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("basketQuantity")
        self.quantity.setRange(1, bk.MAX_QUANTITY)
        self.quantity.setMinimumHeight(touch)
        self.quantity.setMinimumWidth(em * 8)
        self.quantity.installEventFilter(self)
        self.add_button = QPushButton("&Add to basket", self)
        self.add_button.setObjectName("basketAdd")
        self.add_button.setMinimumHeight(touch)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current)

        pick = QFormLayout()
        pick.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for text, field in (
            ("C&olor", self.color),
            ("Si&ze", self.size),
            ("Stock", self.stock),
            ("&From", self.source),
            ("&Quantity", self.quantity),
        ):
            pick.addRow(text, field)
            buddy = pick.labelForField(field)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(field)

        # -- basket -----------------------------------------------------------------------------
        self.lines = BasketLinesModel(self.basket.currency, self._stores, self)
        self.lines.set_lines(self.basket.lines)
        self.line_view = QTableView(self)
        self.line_view.setObjectName("basketLines")
        self.line_view.setModel(self.lines)
        self.line_view.setAccessibleName("Basket lines")
        self.line_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.line_view.verticalHeader().hide()
        self.line_view.verticalHeader().setDefaultSectionSize(int(lh * 1.8))
        header = self.line_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LineColumn.Item, QHeaderView.ResizeMode.Stretch)
        self.line_view.setWordWrap(True)
        self.line_view.setMinimumHeight(lh * 7)
        self.line_view.installEventFilter(self)
        self.remove_button = QPushButton("&Remove line", self)
        self.remove_button.setObjectName("basketRemove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setMinimumHeight(touch)
        self.remove_button.clicked.connect(self.remove_selected)
        self.lines.rowsInserted.connect(self._lines_changed)
        self.lines.rowsRemoved.connect(self._lines_changed)
        self.lines.dataChanged.connect(self._lines_changed)
        self.lines.modelReset.connect(self._lines_changed)

        self.fulfillment = QComboBox(self)
        self.fulfillment.setObjectName("basketFulfillment")
        for code in ("take_now", "pickup", "ship"):
            self.fulfillment.addItem(FULFILLMENT_NAMES[code], code)
        self.fulfillment.setMinimumHeight(touch)
        self.pickup_store = QComboBox(self)
        self.pickup_store.setObjectName("basketPickupStore")
        self.pickup_store.setMinimumHeight(touch)
        for sid, name in self._stores.items():
            self.pickup_store.addItem(name, sid)
        self.fulfillment.setCurrentIndex(self.fulfillment.findData(self.basket.fulfillment))
        pickup = self.basket.pickup_store_id or store_id
        if pickup and self.pickup_store.findData(pickup) >= 0:
            self.pickup_store.setCurrentIndex(self.pickup_store.findData(pickup))
        self.fulfillment.currentIndexChanged.connect(self._fulfillment_changed)
        self.pickup_store.currentIndexChanged.connect(self._mark_dirty)

        self.totals = QLabel(self)
        self.totals.setObjectName("basketTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        totals_font = fmt.scaled_font(self.totals.font(), 1.15)
        self.totals.setFont(totals_font)
        self.status = QLabel(self)
        self.status.setObjectName("basketStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = FieldError("basketProblem", self)

        self.save_button = QPushButton("&Save draft", self)
        self.save_button.setObjectName("basketSave")
        self.send_buttons = {
            "email": QPushButton("Send by &email", self),
            "sms": QPushButton("Send by S&MS", self),
        }
        self.send_buttons["email"].setObjectName("basketSendEmail")
        self.send_buttons["sms"].setObjectName("basketSendSms")
        self.reasons = {
            "email": FieldError("basketEmailReason", self),
            "sms": FieldError("basketSmsReason", self),
        }
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("basketClose")
        for button in (self.save_button, *self.send_buttons.values(), self.close_button):
            button.setMinimumHeight(touch)
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.send_buttons["email"].clicked.connect(lambda: self.send("email"))
        self.send_buttons["sms"].clicked.connect(lambda: self.send("sms"))
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        # -- layout -----------------------------------------------------------------------------
        left = QVBoxLayout()
        search_label = QLabel("Searc&h the catalog", self)
        search_label.setBuddy(self.search)
        left.addWidget(search_label)
        left.addWidget(self.search)
        left.addWidget(self.results, 1)

        middle = QVBoxLayout()
        middle.addWidget(self.product_label)
        middle.addWidget(self.variant_view, 1)
        middle.addLayout(pick)
        middle.addWidget(self.add_button)

        right = QVBoxLayout()
        basket_label = QLabel("In the &basket", self)
        basket_label.setBuddy(self.line_view)
        right.addWidget(basket_label)
        right.addWidget(self.line_view, 1)
        right.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        how = QFormLayout()
        how.addRow("&Delivery", self.fulfillment)
        how.addRow("Pick-up s&tore", self.pickup_store)
        for field in (self.fulfillment, self.pickup_store):
            buddy = how.labelForField(field)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(field)
        self._pickup_label = how.labelForField(self.pickup_store)
        right.addLayout(how)
        right.addWidget(self.totals)
        right.addWidget(self.status)
        right.addWidget(self.problem)
        send = QGridLayout()
        send.addWidget(self.save_button, 0, 0)
        send.addWidget(self.send_buttons["email"], 0, 1)
        send.addWidget(self.send_buttons["sms"], 0, 2)
        send.addWidget(self.reasons["email"], 1, 1)
        send.addWidget(self.reasons["sms"], 1, 2)
        right.addLayout(send)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        right.addLayout(closing)

        columns = QHBoxLayout()
        columns.setSpacing(em * 3)
        columns.addLayout(left, 3)
        columns.addLayout(middle, 4)
        columns.addLayout(right, 5)
        layout = QVBoxLayout(self)
        title = QVBoxLayout()
        title.setSpacing(0)
        title.addWidget(overline)
        title.addWidget(heading)
        layout.addLayout(title)
        layout.addLayout(columns, 1)
        self.resize(em * 230, lh * 42)

        self._fulfillment_changed(mark=False)
        self._set_pick_enabled(False)
        self._refresh_state()
        self.search.setFocus()

    # -- catalog -------------------------------------------------------------------------------
    def _store_name(self, store_id: str | None) -> str:
        return self._stores.get(store_id or "", store_id or "")

    def find_product(self, product_id: str) -> bool:
        """Show this product, ready to add (a next best action's cart item); False when the
        catalog on this computer does not have it."""
        sku = bk.product_sku(self._reader, product_id)
        if sku is None:
            return False
        self.search.setText(sku)
        self._search_timer.stop()
        self._run_search()
        self.size.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.catalog.rowCount() > 0

    def _run_search(self) -> None:
        self.catalog.set_results(bk.search_catalog(self._reader, self.search.text()))
        if self.catalog.rowCount():
            self.results.setCurrentIndex(self.catalog.index(0, 0))
        else:
            self._pick(-1)

    def _pick(self, row: int) -> None:
        hit = self.catalog.product(row)
        if hit is None:
            self.variants.set_variants([])
            self.product_label.setText("No product matches." if self.search.text() else "")
            self._set_pick_enabled(False)
            return
        self.product_label.setText(f"{hit.name}\n{fmt.money(hit.price, hit.currency)} · {hit.sku}")
        variants = bk.variant_stock(self._reader, hit.id, self.store_id)
        self.variants.set_variants(variants)
        for combo, values in (
            (self.color, sorted({v.color for v in variants if v.color})),
            (self.size, _sizes({v.size for v in variants if v.size})),
        ):
            combo.blockSignals(True)
            combo.clear()
            for value in values:
                combo.addItem(value.capitalize() if combo is self.color else value, value)
            combo.blockSignals(False)
        self._set_pick_enabled(bool(variants))
        first = next((v for v in variants if v.here), variants[0] if variants else None)
        if first is not None:
            self._select_variant(first.size, first.color)

    def _set_pick_enabled(self, on: bool) -> None:
        for w in (self.color, self.size, self.source, self.quantity, self.add_button):
            w.setEnabled(on and self.basket.editable)
        if not on:
            self.stock.setText("")
            self.source.clear()

    def _select_variant(self, size: str | None, color: str | None) -> None:
        for combo, value in ((self.color, color), (self.size, size)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self._size_or_color_changed()

    def _size_or_color_changed(self) -> None:
        row = self.variants.row_of(self.size.currentData(), self.color.currentData())
        view_row = self.variant_view.currentIndex().row()
        if row >= 0 and row != view_row:
            self.variant_view.selectionModel().setCurrentIndex(
                self.variants.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_stock(row)

    def _variant_row_chosen(self, row: int) -> None:
        v = self.variants.variant(row)
        if v is None:
            return
        if (v.size, v.color) != (self.size.currentData(), self.color.currentData()):
            self._select_variant(v.size, v.color)
        else:
            self._show_stock(row)

    def current_variant(self) -> bk.VariantStock | None:
        return self.variants.variant(
            self.variants.row_of(self.size.currentData(), self.color.currentData())
        )

    def _show_stock(self, row: int) -> None:
        v = self.variants.variant(row)
        self.source.clear()
        if v is None:
            self.stock.setText("This color does not come in this size.")
            self.add_button.setEnabled(False)
            return
        here = self._store_name(self.store_id) or "this store"
        parts = [f"{v.here} at {here}" if v.here else f"Out of stock at {here}"]
        elsewhere = stock_elsewhere_text(v)
        parts.append(f"In stock at {elsewhere}" if elsewhere else "None in other stores")
        self.stock.setText(". ".join(parts) + ".")
        self.stock.setToolTip("\n".join(f"{s.name}: {s.quantity}" for s in v.elsewhere))
        if v.here:
            self.source.addItem(f"{here} ({v.here})", None)
        for s in v.elsewhere:
            self.source.addItem(f"{s.name} ({s.quantity})", s.store_id)
        if not v.here and not v.elsewhere:
            self.source.addItem("No stock: order anyway", None)
        self.add_button.setEnabled(self.basket.editable)

    def add_current(self) -> None:
        v = self.current_variant()
        if v is None or not self.basket.editable:
            return
        line = bk.line_for(v, self.quantity.value(), self.source.currentData())
        row = self.lines.add(line)
        self.line_view.selectRow(row)
        if line.source_store_id and self.fulfillment.currentData() == "take_now":
            # Nothing to take away here: the usual answer is free shipping to home.
            self.fulfillment.setCurrentIndex(self.fulfillment.findData("ship"))
        self.quantity.setValue(1)

    def remove_selected(self) -> None:
        rows = sorted(
            {i.row() for i in self.line_view.selectionModel().selectedRows()}, reverse=True
        )
        for row in rows:
            self.lines.remove(row)

    # -- basket state -------------------------------------------------------------------------
    def _fulfillment_changed(self, *_args: object, mark: bool = True) -> None:
        pickup = self.fulfillment.currentData() == "pickup"
        self.pickup_store.setVisible(pickup)
        if isinstance(self._pickup_label, QWidget):
            self._pickup_label.setVisible(pickup)
        if mark:
            self._mark_dirty()

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True
        self._refresh_state()

    def _lines_changed(self, *_args: object) -> None:
        self._mark_dirty()

    def current_basket(self) -> bk.Basket:
        fulfillment = self.fulfillment.currentData() or "ship"
        return replace(
            self.basket,
            lines=self.lines.lines,
            fulfillment=fulfillment,
            pickup_store_id=self.pickup_store.currentData() if fulfillment == "pickup" else None,
        )

    def _refresh_state(self) -> None:
        b = self.current_basket()
        shipping = "Free" if b.shipping == 0 else fmt.money(b.shipping, b.currency)
        ship_part = f"  ·  Shipping {shipping}" if b.fulfillment == "ship" else ""
        self.totals.setText(
            f"{b.items} item{'s' if b.items != 1 else ''}  ·  Subtotal "
            f"{fmt.money(b.subtotal, b.currency)}{ship_part}  ·  Total {fmt.money(b.total, b.currency)}"
        )
        editable = b.editable
        self.lines.editable = editable
        self.fulfillment.setEnabled(editable)
        self.pickup_store.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(b.lines))
        self.save_button.setEnabled(editable and self._dirty and bool(b.lines))
        blockers = bk.send_blockers(self._reader, self.customer_id)
        for channel, button in self.send_buttons.items():
            reason = blockers.get(channel)
            if reason is None and not b.lines:
                reason = "Add an item first."
            if reason is None and not editable:
                reason = "Already on its way." if b.status == bk.SENDING else f"Already {b.status}."
            button.setEnabled(reason is None)
            button.setToolTip(reason or f"Save and send the basket by {CHANNEL_NAMES[channel]}.")
            self.reasons[channel].show_error(reason or "")
        if b.status == bk.SENDING:
            self.status.setText(
                f"Sending by {CHANNEL_NAMES.get(b.sent_channel or '', '')}: the hub sends it as soon"
                " as it can be reached."
            )
        elif b.status == "sent":
            self.status.setText(
                f"Sent by {CHANNEL_NAMES.get(b.sent_channel or '', '')}. Link: {b.link or ''}"
            )
        elif self._dirty:
            self.status.setText("Not saved yet.")
        elif b.lines:
            self.status.setText("Draft saved on this computer.")
        else:
            self.status.setText("")
        self.problem.show_error(b.problem or "")

    # -- writes --------------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.basket.editable:
            return False
        try:
            self.basket = bk.save_basket(self._writes, self.current_basket())
        except WriteError as exc:
            self.problem.show_error(str(exc))
            return False
        self.basket = replace(self.basket, problem=None)
        self._dirty = False
        self._refresh_state()
        self.saved.emit(self.customer_id)
        return True

    def send(self, channel: str) -> bool:
        if self._dirty and not self.save():
            return False
        try:
            bk.send_basket(self._writes, self.basket.id, channel)
        except WriteError as exc:
            self.problem.show_error(str(exc))
            return False
        reloaded = bk.customer_basket(
            self._writes.conn, self.customer_id, self._writes.user_id, self.basket.id
        )
        if reloaded is not None:
            self.basket = reloaded
        self.lines.editable = False
        self._set_pick_enabled(False)
        self._refresh_state()
        self.saved.emit(self.customer_id)
        return True

    def refresh(self, customer_ids: object = None) -> None:
        """The cache changed (sync): pick up the hub's answer about this basket."""
        if self._dirty or (
            isinstance(customer_ids, frozenset | set) and self.customer_id not in customer_ids
        ):
            return
        reloaded = bk.customer_basket(
            self._reader, self.customer_id, self._writes.user_id, self.basket.id
        )
        if reloaded is not None:
            self.basket = reloaded
            self.lines.set_lines(reloaded.lines)
            self._dirty = False
            self._refresh_state()

    # -- keyboard ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.catalog.rowCount():
                self.results.setFocus()
                return True
            if watched is self.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._search_timer.stop()
                self._run_search()
                if self.catalog.rowCount():
                    self.color.setFocus()
                return True
            if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.color.setFocus()
                return True
            if watched is self.quantity and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add_current()
                return True
            if watched is self.line_view and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter must not close the dialog (QDialog's default): it adds or searches instead.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


_SIZE_ORDER = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL")


def _sizes(values: set[str]) -> list[str]:
    """Letter sizes in wearing order, numbers in numeric order, the rest alphabetically."""

    def key(value: str) -> tuple[int, float, str]:
        if value.upper() in _SIZE_ORDER:
            return (0, _SIZE_ORDER.index(value.upper()), value)
        try:
            return (1, float(value.replace(",", ".")), value)
        except ValueError:
            return (2, 0.0, value)

    return sorted(values, key=key)


__all__ = ["BASKET_SHORTCUT", "BasketDialog"]
