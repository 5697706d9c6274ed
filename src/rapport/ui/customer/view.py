"""The customer 360: the header (with the window's action strip), a band of open issues when there
are any, the web intent sentence (always visible), then the Timeline, Web intent, Purchases and
Offers tabs beside the next best actions. With nobody open, the page the window gives it (the
shell's start page). Every read goes through
:mod:`rapport.cache` on the UI's reader connection; a customer opens in a few milliseconds, so it
reads on the UI thread, in one pass (:func:`rapport.cache.customer_360.load_customer`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.customer_360 import PAGE_SIZE, Customer360Data, load_customer
from rapport.domain.intent import Intent
from rapport.domain.next_best_action import Suggestion, suggest
from rapport.ui.common import format as fmt
from rapport.ui.customer.header import CustomerHeaderView
from rapport.ui.customer.intent import IntentBanner, IntentPanel
from rapport.ui.customer.issues import IssuesBand
from rapport.ui.customer.next_actions import NextActionsPanel
from rapport.ui.customer.offers import OffersModel, OffersView
from rapport.ui.customer.orders_model import OrdersModel
from rapport.ui.customer.purchases import PurchasesView
from rapport.ui.customer.timeline import TimelineView
from rapport.ui.customer.timeline_model import TimelineModel

# The next best action column: its share of the width, between these many average characters.
ACTIONS_MIN_EM, ACTIONS_MAX_EM = 26, 40


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Customer360(QWidget):
    """One customer at a time. ``show_customer`` opens one, ``refresh`` re-reads it after sync
    changed it, and with nothing open ``empty`` shows (the window passes its start page: how to
    find someone, recent customers, today's tasks)."""

    customerShown = Signal(str)
    customerClosed = Signal()
    consent_requested = Signal()  # a click on a consent chip (Ctrl+Shift+C from the main window)
    issue_activated = Signal(str)  # a link in the open-issues band: "issue", "tasks", "outbox"

    def __init__(
        self,
        reader: sqlite3.Connection,
        region: str = "FR",
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
        empty: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._region = region
        self._now = now or _local_now
        self._customer_id: str | None = None
        self._customer_name = ""
        self.intent: Intent | None = None
        self.suggestions: list[Suggestion] = []
        lh = self.fontMetrics().height()

        self.header = CustomerHeaderView()
        self.header.installEventFilter(self)  # chips pass their clicks up to the header
        self.issues = IssuesBand()
        self.issues.activated.connect(self.issue_activated)
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
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        self.tabs.addTab(self.intent_panel, self.tr("&Web intent"))
        self.tabs.addTab(self.purchases, self.tr("&Purchases"))
        self.tabs.addTab(self.offers, self.tr("&Offers"))
        page = QWidget()
        content = QVBoxLayout(page)
        # Tight on height: a 600 px screen still shows a useful part of the timeline.
        content.setContentsMargins(lh, lh * 2 // 3, lh, lh // 3)
        content.setSpacing(lh // 2)
        content.addWidget(self.header)
        content.addWidget(self.issues)
        content.addWidget(self.intent_banner)
        body = QHBoxLayout()
        body.setSpacing(lh)
        body.addWidget(self.tabs, 1)
        body.addWidget(self.next_actions)
        content.addLayout(body, 1)
        self._content = content
        self._fit_actions_column(self.width())

        self.empty = empty if empty is not None else QWidget()

        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(page)
        self._page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

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
        changed = customer_id != self._customer_id
        # A re-read keeps the filter and as many rows as were loaded, so the lists do not jump.
        rows = PAGE_SIZE if changed else max(PAGE_SIZE, self.timeline_model.rowCount())
        orders = PAGE_SIZE if changed else max(PAGE_SIZE, self.orders_model.rowCount())
        data = load_customer(
            self._reader,
            customer_id,
            now,
            region=self._region,
            channels=None if changed else self.timeline_model.channels,
            timeline_limit=rows,
            orders_limit=orders,
        )
        if data is None:
            return False
        self._customer_id = customer_id
        self._customer_name = data.header.name
        self.header.set_header(data.header, now)
        self._show_intent(data, now)
        self.issues.set_issues(self._resolve(), data.issues.tasks, data.issues.refused, now)
        self.timeline_model.show(customer_id, data.channels, data.timeline, rows,
                                 data.pending, data.refused)  # fmt: skip
        self.orders_model.show(customer_id, data.orders, data.order_count)
        if changed:
            self.timeline.set_channels(None)  # the model shows every channel already: no read
            self.tabs.setCurrentIndex(0)
            self.timeline.list.scrollToTop()
        self.offers_model.set_offers(data.offers)
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

    def _show_intent(self, data: Customer360Data, now: datetime) -> None:
        self.intent = data.intent
        self.intent_banner.set_intent(data.intent, now)
        self.intent_panel.set_intent(data.intent, now)
        self.suggestions = suggest(data.nba, now)
        self.next_actions.set_suggestions(self.suggestions)

    def _resolve(self) -> Suggestion | None:
        """An unresolved complaint, as the next best action decided (the band shows it too)."""
        return next((s for s in self.suggestions if s.kind == "resolve"), None)

    # ---- layout ----------------------------------------------------------------------------------

    def _fit_actions_column(self, width: int) -> None:
        """The next best action column takes a quarter of the width, within bounds: on a narrow
        window the timeline keeps the room it needs."""
        em = self.fontMetrics().averageCharWidth()
        column = max(ACTIONS_MIN_EM * em, min(ACTIONS_MAX_EM * em, width // 4))
        if self.next_actions.width() != column or self.next_actions.minimumWidth() != column:
            self.next_actions.setFixedWidth(column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_actions_column(event.size().width())
        super().resizeEvent(event)

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
        self.tabs.setTabText(
            2,
            self.tr("&Purchases ({count})").format(count=orders)
            if orders
            else self.tr("&Purchases"),
        )
        self.tabs.setTabText(
            3, self.tr("&Offers (%n active)", "", active) if active else self.tr("&Offers")
        )
