"""The basket dialog (Ctrl+B on an open customer): find a product in the catalog, pick its color
and size with the stock in this store and the others, choose how the customer gets it, then save
the draft or send it by email or SMS where the customer consented.

Everything is written to this computer's cache and outbox at once and reaches the hub when it can;
the hub prices the basket from its catalog and sends the message with the link to pay.

A customer who left a cart on the website lately starts with its items (a note says so, and one
click puts them aside); the catalog lists what they looked at online first. The dialog takes at
most the screen's available room: the columns share it through a splitter and scroll when short.

Keys: type to search, Down to the results, Enter picks a product; Alt+underlined letters reach each
field; Enter in the quantity adds; Delete removes the selected line; Ctrl+S saves the draft.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rapport.cache import basket as bk
from rapport.cache.writes import LocalWrites, WriteError
from rapport.ui.basket.models import (
    BasketLinesModel,
    CatalogModel,
    LineColumn,
    LineRole,
    VariantColumn,
    VariantStockModel,
    stock_elsewhere_text,
)
from rapport.ui.common import format as fmt
from rapport.ui.common.accessible import name_clear_button
from rapport.ui.common.field_error import FieldError
from rapport.ui.common.forms import add_field_row, customer_title, quiet
from rapport.ui.common.messages import error_text, message_text
from rapport.ui.common.touch import row_height

BASKET_SHORTCUT = "Ctrl+B"
SEARCH_DELAY_MS = 150
# What the dialog would like, in average character widths and lines of its font; it never takes
# more than the screen's available room.
PREFERRED_EM = 205
PREFERRED_LINES = 44


def _fulfillment_name(code: str) -> str:
    names = {
        "take_now": QCoreApplication.translate("BasketDialog", "Take now"),
        "pickup": QCoreApplication.translate("BasketDialog", "Pick up in store"),
        "ship": QCoreApplication.translate("BasketDialog", "Ship to home"),
    }
    return names.get(code, code)


def _channel_name(channel: str) -> str:
    names = {
        "email": QCoreApplication.translate("BasketDialog", "email"),
        "sms": QCoreApplication.translate("BasketDialog", "SMS"),
    }
    return names.get(channel, channel)


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
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("basketDialog")
        self.setWindowTitle(self.tr("Basket — {name}").format(name=customer_name))
        self._reader = reader
        self._writes = writes
        self._now = now or (lambda: datetime.now().astimezone())
        self.customer_id = customer_id
        # "This store": the associate's; for an agent (no store), the customer's home store.
        self.store_id = store_id = store_id or bk.home_store(reader, customer_id)
        self._stores = dict(bk.stores(reader))
        found = bk.customer_basket(reader, customer_id, writes.user_id)
        self.basket = found or bk.Basket.new(customer_id, store_id)
        now_at = self._now()
        intent = bk.customer_intent(reader, customer_id, now_at)
        self._interest = bk.Interest.of(intent)
        # A new basket starts from the cart the customer left on the website, if any.
        self.web_cart = (
            bk.abandoned_cart(reader, customer_id, intent, store_id, now_at)
            if found is None
            else None
        )
        self._dirty = False
        self._attempt_error = ""  # what went wrong when the associate last tried to send
        self._fitted = False
        self._cart_line_ids: set[str] = set()
        fm = self.fontMetrics()
        self._em, self._lh = fm.averageCharWidth(), fm.height()
        # Roomy on a desktop; tablet mode's style makes every control fingertip-sized anyway.
        self._touch = round(self._lh * 1.8)

        # The controls, in Tab order; then the columns they sit in.
        self._make_cart_bar()
        self._make_catalog()
        pick = self._make_pick(self._store_name(store_id) if store_id else self.tr("This store"))
        how = self._make_basket(store_id)
        footer = self._make_footer()
        self._lay_out(customer_name, pick, how, footer)
        self.resize(self._em * PREFERRED_EM, self._lh * PREFERRED_LINES)

        self._fulfillment_changed(mark=False)
        self._set_pick_enabled(False)
        self._show_web_cart()
        self._refresh_state()
        self.search.setFocus()

    # -- building ------------------------------------------------------------------------------
    def _make_cart_bar(self) -> None:
        """The web cart the basket started from, and a button to put its items aside."""
        em, lh = self._em, self._lh
        self.cart_bar = QFrame(self)
        self.cart_bar.setObjectName("basketCartBar")
        self.cart_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.cart_note = QLabel(self.cart_bar)
        self.cart_note.setObjectName("basketFromCart")
        self.cart_note.setWordWrap(True)
        self.clear_cart_button = self._button(
            self.tr("&Clear these items"), "basketClearCart",
            self.tr("Start from an empty basket instead of the customer's web cart"),
            self.clear_web_cart, self.cart_bar,
        )  # fmt: skip
        self.clear_cart_button.setAccessibleName(self.tr("Clear the items from the web cart"))
        bar = QHBoxLayout(self.cart_bar)
        bar.setContentsMargins(em, lh // 4, em, lh // 4)
        bar.addWidget(self.cart_note, 1)
        bar.addWidget(self.clear_cart_button)

    def _button(
        self,
        text: str,
        name: str,
        tip: str,
        clicked: Callable[[], object],
        parent: QWidget | None = None,
    ) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.setMinimumHeight(self._touch)
        button.clicked.connect(clicked)
        return button

    def _table(
        self, name: str, accessible: str, model: QAbstractItemModel, stretch: int
    ) -> QTableView:
        """The variants' and the lines' table: whole rows, roomy, Tab leaves it (not cell by
        cell), the ``stretch`` column takes what is left."""
        view = QTableView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(row_height(view, 1.8))
        view.setTabKeyNavigation(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.setMinimumHeight(round(self._lh * 4.5))
        return view

    def _make_catalog(self) -> None:
        """The catalog search and its results."""
        self.search = QLineEdit(self)
        self.search.setObjectName("basketSearch")
        self.search.setPlaceholderText(self.tr("Product name, SKU or category"))
        self.search.setAccessibleName(self.tr("Search the catalog"))
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search, self.tr("Clear the catalog search"))
        self.search.setMinimumHeight(self._touch)
        self.search.installEventFilter(self)
        self.catalog = CatalogModel(self)
        self.results = QListView(self)
        self.results.setObjectName("basketResults")
        self.results.setModel(self.catalog)
        self.results.setAccessibleName(self.tr("Products"))
        self.results.setSpacing(self._lh // 6)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.installEventFilter(self)
        self.results.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._pick(cur.row())
        )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

    def _make_pick(self, here_name: str) -> QGridLayout:
        """The chosen product: its variants with their stock, colour, size, where from, how many."""
        em, touch = self._em, self._touch
        self.product_label = QLabel(self.tr("Pick a product on the left."), self)
        self.product_label.setObjectName("basketProduct")
        self.product_label.setWordWrap(True)
        self.variants = VariantStockModel(here_name, self)
        self.variant_view = self._table(
            "basketVariants", self.tr("Colours and sizes with their stock"), self.variants,
            VariantColumn.Elsewhere,
        )  # fmt: skip
        self.variant_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.variant_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variant_view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._variant_row_chosen(cur.row())
        )
        self.color = QComboBox(self)
        self.color.setObjectName("basketColor")
        self.size = QComboBox(self)
        self.size.setObjectName("basketSize")
        for combo in (self.color, self.size):
            combo.setMinimumHeight(touch)
            combo.setMinimumWidth(em * 12)
            combo.currentIndexChanged.connect(self._size_or_color_changed)
        self.results.activated.connect(lambda _i: self.color.setFocus())
        self.stock = QLabel(self)
        self.stock.setObjectName("basketStock")
        self.stock.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("basketSource")
        self.source.setMinimumHeight(touch)
        self.source.setMinimumContentsLength(12)
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("basketQuantity")
        self.quantity.setRange(1, bk.MAX_QUANTITY)
        self.quantity.setMinimumHeight(touch)
        self.quantity.setMinimumWidth(em * 8)
        self.quantity.installEventFilter(self)
        self.add_button = self._button(
            self.tr("&Add to basket"), "basketAdd",
            self.tr("Add to the basket (Enter in the quantity)"), self.add_current,
        )  # fmt: skip
        return self._pick_grid()

    def _pick_grid(self) -> QGridLayout:
        # A grid, not a form layout: QFormLayout gives a wrapped label (the stock) one line too
        # few at some widths.
        pick = QGridLayout()
        pick.setColumnStretch(1, 1)
        adding = QHBoxLayout()
        adding.addWidget(self.quantity)
        adding.addWidget(self.add_button, 1)
        rows: tuple[tuple[str, QWidget, QWidget | QHBoxLayout, str], ...] = (
            (self.tr("C&olor"), self.color, self.color, self.tr("Colour")),
            (self.tr("Si&ze"), self.size, self.size, self.tr("Size")),
            (self.tr("Stock"), self.stock, self.stock, self.tr("Stock")),
            (self.tr("&From"), self.source, self.source, self.tr("Take it from")),
            (self.tr("&Quantity"), self.quantity, adding, self.tr("Quantity")),
        )
        for row, (text, field, cell, name) in enumerate(rows):
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(name)
            top = field is self.stock  # beside the first line of a wrapped text
            label.setAlignment(
                Qt.AlignmentFlag.AlignRight
                | (Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter)
            )
            pick.addWidget(label, row, 0)
            if isinstance(cell, QHBoxLayout):
                pick.addLayout(cell, row, 1)
            else:
                pick.addWidget(cell, row, 1)
        return pick

    def _make_basket(self, store_id: str | None) -> QFormLayout:
        """The basket's lines, how the customer gets them, the totals."""
        touch = self._touch
        self.lines = BasketLinesModel(self.basket.currency, self._stores, self)
        self.lines.set_lines(self.basket.lines)
        self.line_view = self._table(
            "basketLines", self.tr("Basket lines"), self.lines, LineColumn.Item
        )
        self.line_view.setWordWrap(True)
        self.line_view.installEventFilter(self)
        self.remove_button = self._button(
            self.tr("&Remove line"), "basketRemove",
            self.tr("Remove the selected line (Delete)"), self.remove_selected,
        )  # fmt: skip
        for signal in (self.lines.rowsInserted, self.lines.rowsRemoved, self.lines.dataChanged,
                       self.lines.modelReset):  # fmt: skip
            signal.connect(self._lines_changed)

        self.fulfillment = QComboBox(self)
        self.fulfillment.setObjectName("basketFulfillment")
        self.fulfillment.setAccessibleName(self.tr("Delivery"))
        for code in ("take_now", "pickup", "ship"):
            self.fulfillment.addItem(_fulfillment_name(code), code)
        self.fulfillment.setMinimumHeight(touch)
        self.pickup_store = QComboBox(self)
        self.pickup_store.setObjectName("basketPickupStore")
        self.pickup_store.setAccessibleName(self.tr("Pick-up store"))
        self.pickup_store.setMinimumHeight(touch)
        self.pickup_store.setMinimumContentsLength(14)
        self.pickup_store.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
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
        self.totals.setFont(fmt.scaled_font(self.totals.font(), 1.15))
        how = QFormLayout()
        how.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_field_row(how, self.tr("&Delivery"), self.fulfillment)
        self._pickup_label = add_field_row(how, self.tr("Pick-up s&tore"), self.pickup_store)
        return how

    def _make_footer(self) -> QGridLayout:
        """What happened last, and the buttons: save the draft, send it, close."""
        self.status = QLabel(self)
        self.status.setObjectName("basketStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = FieldError("basketProblem", self)
        self.save_button = self._button(
            self.tr("&Save draft"), "basketSave",
            self.tr("Save the draft on this computer (Ctrl+S)"), self.save,
        )  # fmt: skip
        self.send_buttons = {
            "email": self._button(self.tr("Send by &email"), "basketSendEmail", "",
                                  lambda: self.send("email")),
            "sms": self._button(self.tr("Send by S&MS"), "basketSendSms", "",
                                lambda: self.send("sms")),
        }  # fmt: skip
        # Why a channel cannot be used (the customer's consent, no address): a hint in the
        # secondary text colour, not an error; errors come from an attempt, in self.problem.
        self.reasons = {
            "email": quiet(parent=self, name="basketEmailReason"),
            "sms": quiet(parent=self, name="basketSmsReason"),
        }
        for hint in self.reasons.values():
            hint.hide()
        self.close_button = self._button(
            self.tr("Close"), "basketClose", self.tr("Close (Esc); a draft not saved is lost"),
            self.reject,
        )  # fmt: skip
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        footer = QGridLayout()
        footer.setHorizontalSpacing(self._em)
        footer.setColumnStretch(0, 1)
        messages = QVBoxLayout()
        messages.addWidget(self.status)
        messages.addWidget(self.problem)
        footer.addLayout(messages, 0, 0, 2, 1)
        for column, button in enumerate(
            (self.save_button, self.send_buttons["email"], self.send_buttons["sms"],
             self.close_button), start=1
        ):  # fmt: skip
            footer.addWidget(button, 0, column)
        footer.addWidget(self.reasons["email"], 1, 2)
        footer.addWidget(self.reasons["sms"], 1, 3)
        return footer

    def _lay_out(
        self, customer_name: str, pick: QGridLayout, how: QFormLayout, footer: QGridLayout
    ) -> None:
        """Three columns in a splitter, the middle and right ones scroll when short; the title,
        the web cart note and the buttons stay in view."""
        em = self._em
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("Searc&h the catalog"), left)
        search_label.setBuddy(self.search)
        left_column.addWidget(search_label)
        left_column.addWidget(self.search)
        left_column.addWidget(self.results, 1)
        left.setMinimumWidth(em * 26)

        middle = _Pane(self)
        middle_column = QVBoxLayout(middle)
        middle_column.setContentsMargins(0, 0, em, 0)
        middle_column.addWidget(self.product_label)
        middle_column.addWidget(self.variant_view, 1)
        middle_column.addLayout(pick)

        right = _Pane(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, em, 0)
        basket_label = QLabel(self.tr("In the &basket"), right)
        basket_label.setBuddy(self.line_view)
        right_column.addWidget(basket_label)
        right_column.addWidget(self.line_view, 1)
        right_column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_column.addLayout(how)
        right_column.addWidget(self.totals)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("basketColumns")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(em * 2)
        self.splitter.addWidget(left)
        for pane, min_em in ((middle, 34), (right, 38)):
            scroll = QScrollArea(self)
            scroll.setWidget(pane)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # Not a Tab stop of its own: Tab goes to the controls in it, which it scrolls to.
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setMinimumWidth(em * min_em)
            pane.setMinimumWidth(em * (min_em - 2))
            self.splitter.addWidget(scroll)
        for i in range(3):
            self.splitter.setStretchFactor(i, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(customer_title(self.tr("Basket for"), customer_name, "basketCustomer",
                                        self))  # fmt: skip
        layout.addWidget(self.cart_bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(footer)

    # -- size ----------------------------------------------------------------------------------
    def fit_to(self, available: QRect) -> None:
        """Take what the dialog would like, but no more than ``available`` (a screen's available
        geometry) less a margin for the window frame, centred in it."""
        margin = self._lh * 2  # the title bar and border a window manager adds
        width = min(self._em * PREFERRED_EM, available.width() - margin)
        height = min(self._lh * PREFERRED_LINES, available.height() - margin)
        self.resize(max(width, self.minimumSizeHint().width()), max(height, 1))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())
        self._fitted = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            screen = self.screen() or (
                self.parentWidget().screen() if self.parentWidget() else None
            )
            if screen is not None:
                self.fit_to(screen.availableGeometry())
        super().showEvent(event)

    # -- the web cart --------------------------------------------------------------------------
    def _show_web_cart(self) -> None:
        cart = self.web_cart
        if cart is None:
            self.cart_bar.hide()
            return
        for line in cart.lines:
            self.lines.add(line)
        self._cart_line_ids = {line.line_id for line in cart.lines}
        self.cart_note.setText(
            self.tr("From the web cart abandoned {when} ({amount})").format(
                when=fmt.when_text(cart.left_at, self._now()),
                amount=fmt.money(cart.value, cart.currency, compact=True),
            )
        )
        self.cart_bar.show()

    def clear_web_cart(self) -> None:
        """Put the web cart's items aside: what the associate added stays."""
        for row in reversed(range(self.lines.rowCount())):
            line = self.lines.index(row, 0).data(LineRole.LineId)
            if line in self._cart_line_ids:
                self.lines.remove(row)
        self._cart_line_ids.clear()
        self.cart_bar.hide()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

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
        # What this customer looked at online comes first (the cache's query ranks it).
        self.catalog.set_results(
            bk.search_catalog(self._reader, self.search.text(), interest=self._interest)
        )
        if self.catalog.rowCount():
            self.results.setCurrentIndex(self.catalog.index(0, 0))
        else:
            self._pick(-1)

    def _pick(self, row: int) -> None:
        hit = self.catalog.product(row)
        if hit is None:
            self.variants.set_variants([])
            self.product_label.setText(self.tr("No product matches.") if self.search.text() else "")
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
        for combo in (self.color, self.size):  # a hoop comes in one size: nothing to choose
            combo.setEnabled(combo.isEnabled() and combo.count() > 0)
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
            self.stock.setText(self.tr("This color does not come in this size."))
            self.add_button.setEnabled(False)
            return
        here = self._store_name(self.store_id) or self.tr("this store")
        parts = [
            self.tr("{n} at {store}").format(n=v.here, store=here)
            if v.here
            else self.tr("Out of stock at {store}").format(store=here)
        ]
        elsewhere = stock_elsewhere_text(v)
        parts.append(
            self.tr("In stock at {stores}").format(stores=elsewhere)
            if elsewhere
            else self.tr("None in other stores")
        )
        self.stock.setText(". ".join(parts) + ".")
        self.stock.setToolTip("\n".join(f"{s.name}: {s.quantity}" for s in v.elsewhere))
        if v.here:
            self.source.addItem(f"{here} ({v.here})", None)
        for s in v.elsewhere:
            self.source.addItem(f"{s.name} ({s.quantity})", s.store_id)
        if not v.here and not v.elsewhere:
            self.source.addItem(self.tr("No stock: order anyway"), None)
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
        self._attempt_error = ""  # what the last attempt lacked may be there now
        self._mark_dirty()

    def current_basket(self) -> bk.Basket:
        fulfillment = self.fulfillment.currentData() or "ship"
        return replace(
            self.basket,
            lines=self.lines.lines,
            fulfillment=fulfillment,
            pickup_store_id=self.pickup_store.currentData() if fulfillment == "pickup" else None,
        )

    def _totals_text(self, b: bk.Basket) -> str:
        items = self.tr("%n item(s)", "", b.items)
        subtotal = self.tr("Subtotal {amount}").format(amount=fmt.money(b.subtotal, b.currency))
        parts = [items, subtotal]
        if b.fulfillment == "ship":
            shipping = self.tr("Free") if b.shipping == 0 else fmt.money(b.shipping, b.currency)
            parts.append(self.tr("Shipping {amount}").format(amount=shipping))
        parts.append(self.tr("Total {amount}").format(amount=fmt.money(b.total, b.currency)))
        return "  ·  ".join(parts)

    def _refresh_state(self) -> None:
        b = self.current_basket()
        self.totals.setText(self._totals_text(b))
        editable = b.editable
        self.lines.editable = editable
        self.fulfillment.setEnabled(editable)
        self.pickup_store.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(b.lines))
        self.save_button.setEnabled(editable and self._dirty and bool(b.lines))
        blockers = bk.send_blockers(self._reader, self.customer_id)
        for channel, button in self.send_buttons.items():
            # What stops a channel whatever the basket holds is said up front, as a hint; an
            # empty basket is said only when someone tries to send it.
            blocker = blockers.get(channel)
            reason = message_text(blocker) if blocker is not None else None
            if reason is None and not editable:
                reason = (
                    self.tr("Already on its way.")
                    if b.status == bk.SENDING
                    else self.tr("Already sent.")
                )
            button.setEnabled(reason is None)
            button.setToolTip(
                reason
                or self.tr("Save and send the basket by {channel}.").format(
                    channel=_channel_name(channel)
                )
            )
            self.reasons[channel].setText(reason or "")
            self.reasons[channel].setVisible(bool(reason))
        channel_name = _channel_name(b.sent_channel or "")
        if b.status == bk.SENDING:
            self.status.setText(
                self.tr(
                    "Sending by {channel}: the hub sends it as soon as it can be reached."
                ).format(channel=channel_name)
            )
        elif b.status == "sent":
            self.status.setText(
                self.tr("Sent by {channel}. Link: {link}").format(
                    channel=channel_name, link=b.link or ""
                )
            )
        elif self._dirty and b.lines:
            self.status.setText(self.tr("Not saved yet."))
        elif b.lines:
            self.status.setText(self.tr("Draft saved on this computer."))
        else:
            self.status.setText("")
        self.problem.show_error(self._attempt_error or message_text(b.problem))

    # -- writes --------------------------------------------------------------------------------
    def _refuse(self, message: str) -> bool:
        self._attempt_error = message
        self.problem.show_error(message)
        return False

    def save(self) -> bool:
        if not self.basket.editable:
            return False
        try:
            self.basket = bk.save_basket(self._writes, self.current_basket())
        except WriteError as exc:
            return self._refuse(error_text(exc))
        self.basket = replace(self.basket, problem=None)
        self._dirty = False
        self._attempt_error = ""
        self._refresh_state()
        self.saved.emit(self.customer_id)
        return True

    def send(self, channel: str) -> bool:
        if not self.lines.rowCount():
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            return self._refuse(self.tr("Add an item before sending the basket."))
        if self._dirty and not self.save():
            return False
        try:
            bk.send_basket(self._writes, self.basket.id, channel)
        except WriteError as exc:
            return self._refuse(error_text(exc))
        reloaded = bk.customer_basket(
            self._writes.conn, self.customer_id, self._writes.user_id, self.basket.id
        )
        if reloaded is not None:
            self.basket = reloaded
        self._attempt_error = ""
        self.lines.editable = False
        self._set_pick_enabled(False)
        self.cart_bar.hide()
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


class _Pane(QWidget):
    """A column inside a scroll area: as tall as its wrapped text needs at its width (a scroll
    area sizes its widget from the minimum size, which ignores height-for-width, and would squash
    a wrapped label)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(self.width())
            if wanted != self.minimumHeight():
                self.setMinimumHeight(wanted)


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
