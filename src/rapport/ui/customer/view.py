"""The customer 360: the header, the web intent sentence (always visible), then the Timeline, Web
intent, Purchases and Offers tabs. Every read goes through :mod:`rapport.cache.queries` on the UI's
reader connection; a customer opens in a few milliseconds, so it reads on the UI thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.nba_inputs import nba_inputs
from rapport.cache.queries import customer_header, intent_inputs, offers
from rapport.domain.intent import Intent, summarize_intent
from rapport.domain.next_best_action import suggest
from rapport.ui import format as fmt
from rapport.ui.customer.header import CustomerHeaderView
from rapport.ui.customer.intent import IntentBanner, IntentPanel
from rapport.ui.customer.next_actions import NextActionsPanel
from rapport.ui.customer.offers import OffersModel, OffersView
from rapport.ui.customer.purchases import PurchasesView
from rapport.ui.customer.timeline import TimelineView
from rapport.ui.models.orders_model import OrdersModel
from rapport.ui.models.timeline_model import TimelineModel

INTENT_WINDOW_DAYS = 30


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Customer360(QWidget):
    """One customer at a time. ``show_customer`` opens one, ``refresh`` re-reads it after sync
    changed it, and with nothing open an empty state says how to find someone."""

    customerShown = Signal(str)
    customerClosed = Signal()
    log_requested = Signal()  # the "Log interaction" button (Ctrl+L from the main window)
    consent_requested = Signal()  # a click on a consent chip (Ctrl+Shift+C from the main window)

    def __init__(
        self,
        reader: sqlite3.Connection,
        region: str = "FR",
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._region = region
        self._now = now or _local_now
        self._customer_id: str | None = None
        self._customer_name = ""
        self.intent: Intent | None = None
        lh = self.fontMetrics().height()

        self.header = CustomerHeaderView()
        self.header.installEventFilter(self)  # chips pass their clicks up to the header
        self.next_actions = NextActionsPanel()
        self.intent_banner = IntentBanner()
        self.intent_banner.setObjectName("intentBanner")
        self.timeline_model = TimelineModel(reader, self._now, parent=self)
        self.orders_model = OrdersModel(reader, self._now, parent=self)
        self.offers_model = OffersModel(self._now, parent=self)
        self.timeline = TimelineView(self.timeline_model)
        self.intent_panel = IntentPanel(money=fmt.money)
        self.purchases = PurchasesView(self.orders_model)
        self.offers = OffersView(self.offers_model)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, "&Timeline")
        self.tabs.addTab(self.intent_panel, "&Web intent")
        self.tabs.addTab(self.purchases, "&Purchases")
        self.tabs.addTab(self.offers, "&Offers")
        keys = QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText)
        self.log_button = QToolButton()
        self.log_button.setObjectName("logInteractionButton")
        self.log_button.setText("Log interaction…")
        self.log_button.setToolTip(f"Log a call, chat, visit or note for this customer ({keys})")
        self.log_button.setAutoRaise(False)
        self.log_button.clicked.connect(self.log_requested)
        self.tabs.setCornerWidget(self.log_button, Qt.Corner.TopRightCorner)

        page = QWidget()
        content = QVBoxLayout(page)
        content.setContentsMargins(lh, lh, lh, lh // 2)
        content.setSpacing(lh)
        content.addWidget(self.header)
        content.addWidget(self.intent_banner)
        body = QHBoxLayout()
        body.setSpacing(lh)
        body.addWidget(self.tabs, 1)
        self.next_actions.setFixedWidth(self.fontMetrics().averageCharWidth() * 40)
        body.addWidget(self.next_actions)
        content.addLayout(body, 1)

        self.empty = self._empty_state()

        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(page)
        self._page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def _empty_state(self) -> QWidget:
        title = QLabel("No customer open")
        title.setObjectName("customerEmpty")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font = fmt.scaled_font(font, 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        keys = QKeySequence("Ctrl+K").toString(QKeySequence.SequenceFormat.NativeText)
        hint = QLabel(f"Search for a customer with {keys}, or take a call: the caller opens here.")
        hint.setObjectName("customerEmptyHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(self.fontMetrics().height() // 2)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    # ---- API -------------------------------------------------------------------------------------

    @property
    def current_customer_id(self) -> str | None:
        return self._customer_id

    @property
    def current_customer_name(self) -> str:
        return self._customer_name if self._customer_id else ""

    def show_customer(self, customer_id: str) -> bool:
        """Open this customer; False (and nothing changes) when the cache does not have them."""
        now = self._now()
        header = customer_header(self._reader, customer_id, now=now, region=self._region)
        if header is None:
            return False
        changed = customer_id != self._customer_id
        self._customer_id = customer_id
        self._customer_name = header.name
        self.header.set_header(header, now)
        self._read_intent(now)
        if changed:
            self.timeline.set_channels(None)
            self.timeline_model.set_customer(customer_id)
            self.orders_model.set_customer(customer_id)
            self.tabs.setCurrentIndex(0)
            self.timeline.list.scrollToTop()
        else:
            self.timeline_model.refresh()
            self.orders_model.refresh()
        self.offers_model.set_offers(offers(self._reader, customer_id))
        self.header.set_offers(self.offers_model.active(), now)
        self._update_tab_titles()
        self._stack.setCurrentWidget(self._page)
        if changed:
            self.customerShown.emit(customer_id)
        return True

    def refresh(self) -> None:
        """Re-read the open customer (sync changed them); close the view if they are gone (merged
        away or erased)."""
        if self._customer_id is None:
            return
        if not self.show_customer(self._customer_id):
            self.clear()

    def clear(self) -> None:
        """Close the customer and show the empty state."""
        self._customer_id = None
        self.intent = None
        self.timeline_model.set_customer(None)
        self.orders_model.set_customer(None)
        self.offers_model.set_offers([])
        self._stack.setCurrentWidget(self.empty)
        self.customerClosed.emit()

    # ---- parts -----------------------------------------------------------------------------------

    def _read_intent(self, now: datetime) -> None:
        assert self._customer_id is not None
        events, products = intent_inputs(
            self._reader, self._customer_id, now - timedelta(days=INTENT_WINDOW_DAYS)
        )
        self.intent = summarize_intent(events, products, now, window_days=INTENT_WINDOW_DAYS)
        self.intent_banner.set_intent(self.intent, now)
        self.intent_panel.set_intent(self.intent, now)
        inputs = nba_inputs(self._reader, self._customer_id, now, self.intent)
        self.next_actions.set_suggestions(suggest(inputs, now) if inputs is not None else [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.header
            and event.type() == QEvent.Type.MouseButtonPress
            and self.header.childAt(event.position().toPoint())  # type: ignore[attr-defined]
            in self.header.consent_chips.values()
        ):
            self.consent_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def _update_tab_titles(self) -> None:
        orders = self.orders_model.total_orders
        active = self.offers_model.active_count()
        self.tabs.setTabText(2, f"&Purchases ({orders})" if orders else "&Purchases")
        self.tabs.setTabText(3, f"&Offers ({active} active)" if active else "&Offers")
