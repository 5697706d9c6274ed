"""The customer 360 screen on a seeded cache, driven the way an agent uses it: open the hoops
customer, read the header and the intent sentence, scroll the timeline, filter it by channel, look at
the purchases; and the models it is built on through pytest-qt's model tester."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from rapport.cache.queries import timeline_page
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.customer.header import Chip
from rapport.ui.customer.orders_model import OrderColumn, OrderRole, OrdersModel
from rapport.ui.customer.timeline_model import TimelineModel, TimelineRole
from rapport.ui.customer.view import Customer360
from rapport.ui.shell.start_page import StartPage
from tests.helpers import FIXED_NOW, seeded_cache

HOOPS = STORY_CUSTOMERS["hoops"]
VIP = STORY_CUSTOMERS["vip"]


def fixed_now() -> datetime:
    return FIXED_NOW


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    conn = seeded_cache(Path(tmp_path_factory.mktemp("c360")) / "cache.db")
    yield conn
    conn.close()


@pytest.fixture
def view(qtbot, reader: sqlite3.Connection) -> Customer360:
    # With nobody open the 360 shows the page the window gives it: the shell's start page.
    widget = Customer360(reader, region="FR", now=fixed_now, empty=StartPage("FR"))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _label(widget: QWidget, name: str) -> QLabel:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label


def _busiest(conn: sqlite3.Connection) -> str:
    return conn.execute(
        "SELECT customer_id FROM interaction GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]


def test_empty_state_until_a_customer_opens(view: Customer360) -> None:
    assert view.current_customer_id is None
    assert _label(view, "customerEmpty").isVisible()
    assert "Ctrl+K" in _label(view, "customerEmptyHint").text()
    assert view.show_customer("no-such-customer") is False
    assert view.current_customer_id is None
    assert _label(view, "customerEmpty").isVisible()


def test_hoops_customer_header_and_intent(view: Customer360) -> None:
    assert view.show_customer(HOOPS) is True
    assert view.current_customer_id == HOOPS
    assert not _label(view, "customerEmpty").isVisible()
    assert _label(view, "customerName").text() == "Lucas Martin"
    tier = view.findChild(Chip, "tierBadge")
    assert tier is not None and tier.text() == "Silver"
    assert "Paris Opéra" in _label(view, "homeStore").text()
    assert "06 12 34 56 78" in _label(view, "identifiers").text()
    assert "lucas.martin@example.com" in _label(view, "identifiers").text()

    sentence = _label(view, "intentSentence")
    assert sentence.isVisible()
    text = sentence.text()
    assert text.startswith(
        "Researching basketball hoops: 9 views over 3 days on 2 devices; cart of "
    )
    assert "349" in text and text.endswith(" abandoned yesterday")

    # Consent chips say what, where from and since when.
    email = view.findChild(Chip, "consent-email")
    assert email is not None and "✓" in email.text()
    assert "opted in" in email.toolTip() and "source:" in email.toolTip()
    assert "since" in email.toolTip()
    push = view.findChild(Chip, "consent-push")
    assert push is not None and "not asked" in push.toolTip()


def test_consent_chips_are_reused_across_customers(view: Customer360, reader) -> None:
    """Opening customer after customer keeps one visible chip per consent channel: chips dropped
    on every open used to stay painted until the event loop deleted them."""
    others = [
        r[0] for r in reader.execute("SELECT id FROM customer WHERE id != ? LIMIT 5", (HOOPS,))
    ]
    for cid in [HOOPS, *others, HOOPS]:
        assert view.show_customer(cid)
        QApplication.processEvents()  # shows the chips added to the row (a queued show)
        shown = [
            c
            for c in view.header.findChildren(Chip)
            if not c.isHidden() and c is not view.header.tier
        ]
        assert sorted(c.objectName() for c in shown) == sorted(
            f"consent-{ch}" for ch in view.header.consent_chips
        )
    email = view.findChild(Chip, "consent-email")
    assert email is not None and "✓" in email.text()


def test_timeline_rows(view: Customer360) -> None:
    view.show_customer(HOOPS)
    model = view.timeline_model
    assert model.rowCount() > 0
    first = model.index(0, 0)
    assert first.data(TimelineRole.Title) == "Web session on mobile"
    assert first.data(TimelineRole.Channel) == "web"
    assert first.data(TimelineRole.FirstOfDay) is True
    assert first.data(TimelineRole.DayTitle) == "Today"
    assert first.data(TimelineRole.Time) == "09:18"
    assert first.data(Qt.ItemDataRole.DisplayRole) == "Web session on mobile"
    assert model.index(1, 0).data(TimelineRole.DayTitle) == "Yesterday"
    cart = model.index(1, 0)
    assert "added to cart" in cart.data(TimelineRole.Detail)
    assert "349" in cart.data(TimelineRole.Amount)
    assert cart.data(TimelineRole.FirstOfDay) is True
    assert model.index(2, 0).data(TimelineRole.FirstOfDay) is False  # same day as the row above
    days = [model.index(r, 0).data(TimelineRole.OccurredAt) for r in range(model.rowCount())]
    assert days == sorted(days, reverse=True)


def test_fetch_more_pages_through_everything(reader: sqlite3.Connection) -> None:
    cid = _busiest(reader)
    model = TimelineModel(reader, fixed_now, page_size=5)
    model.set_customer(cid)
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [model.index(r, 0).data(TimelineRole.Id) for r in range(model.rowCount())]
    assert len(ids) == len(set(ids))
    assert ids == [e.id for e in timeline_page(reader, cid, limit=100_000)]


def test_view_fetches_more_when_scrolled(qtbot, view: Customer360, reader) -> None:
    view.show_customer(_busiest(reader))
    model = view.timeline_model
    loaded = model.rowCount()
    assert model.canFetchMore(QModelIndex())
    view.timeline.list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > loaded)


def test_timeline_rows_are_taller_where_a_day_begins(qtbot, view: Customer360, reader) -> None:
    """Row heights live in the view's header: each row has the delegate's size for it, pages
    fetched later included, and a new customer starts from fresh heights."""
    timeline = view.timeline.list
    delegate = timeline.itemDelegate()
    model = view.timeline_model

    def heights_match() -> bool:
        option = QStyleOptionViewItem()
        option.initFrom(timeline)
        return all(
            timeline.rowHeight(r) == delegate.sizeHint(option, model.index(r, 0)).height()
            for r in range(model.rowCount())
        )

    view.show_customer(_busiest(reader))
    loaded = model.rowCount()
    assert len({timeline.rowHeight(r) for r in range(loaded)}) == 2  # entries, and day starts
    assert heights_match()
    timeline.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > loaded)
    assert heights_match()
    view.show_customer(HOOPS)
    assert heights_match()
    font = timeline.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    timeline.setFont(font)  # a bigger font: taller rows, day starts still taller
    assert heights_match()
    assert model.day_starts(0, model.rowCount() - 1) == [
        r for r in range(model.rowCount()) if model.index(r, 0).data(TimelineRole.FirstOfDay)
    ]


def test_channel_filter_buttons(qtbot, view: Customer360, reader) -> None:
    cid = _busiest(reader)
    view.show_customer(cid)
    model = view.timeline_model
    everything = len(timeline_page(reader, cid, limit=100_000))
    phone_only = len(timeline_page(reader, cid, channels=frozenset({"phone"}), limit=100_000))
    assert 0 < phone_only < everything

    phone = view.findChild(QToolButton, "channel-phone")
    qtbot.mouseClick(phone, Qt.MouseButton.LeftButton)
    assert model.channels == frozenset({"phone"})
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == phone_only
    assert {model.index(r, 0).data(TimelineRole.Channel) for r in range(model.rowCount())} == {
        "phone"
    }

    qtbot.mouseClick(view.findChild(QToolButton, "channel-email"), Qt.MouseButton.LeftButton)
    assert model.channels == frozenset({"phone", "email"})

    qtbot.mouseClick(view.findChild(QToolButton, "channel-all"), Qt.MouseButton.LeftButton)
    assert model.channels is None
    assert not phone.isChecked()
    assert model.rowCount() == min(everything, 50)


def test_purchases_tab_shows_orders_and_lines(view: Customer360) -> None:
    view.show_customer(HOOPS)
    view.tabs.setCurrentWidget(view.purchases)
    model = view.orders_model
    assert model.rowCount() == model.total_orders >= 3
    assert view.tabs.tabText(2) == f"&Purchases ({model.total_orders})"
    newest = model.index(0, OrderColumn.Item)
    number = newest.data()
    assert number.startswith(("W-", "S-", "P-"))
    assert model.rowCount(newest) == len(newest.data(OrderRole.Order).lines) >= 1
    line = model.index(0, OrderColumn.Item, newest)
    assert line.data() == newest.data(OrderRole.Order).lines[0].name
    assert line.parent() == newest
    assert "€" in model.index(0, OrderColumn.Amount).data()
    assert view.purchases.tree.isExpanded(newest)


def test_orders_model_shows_returns(qtmodeltester, reader: sqlite3.Connection) -> None:
    cid, number = reader.execute(
        "SELECT o.customer_id, o.number FROM orders AS o, json_each(o.lines) AS j"
        " WHERE json_extract(j.value, '$.returned_quantity') > 0 LIMIT 1"
    ).fetchone()
    model = OrdersModel(reader, fixed_now, page_size=2)
    model.set_customer(cid)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == number)
    parent = model.index(row, 0)
    statuses = [
        model.index(r, OrderColumn.Status, parent).data() for r in range(model.rowCount(parent))
    ]
    assert any(s and "returned" in s for s in statuses)
    qtmodeltester.check(model)


def test_offers_tab_and_header_show_the_vip_offer(view: Customer360) -> None:
    view.show_customer(VIP)
    assert "VIP-20-HROUSSEAU" in _label(view, "activeOffers").text()
    assert view.tabs.tabText(3) == "&Offers (1 active)"
    model = view.offers_model
    assert model.index(0, 0).data() == "VIP-20-HROUSSEAU"
    assert model.index(0, 5).data() == "Active"


def test_refresh_rereads_after_sync(qtbot, tmp_path: Path) -> None:
    conn = seeded_cache(tmp_path / "cache.db", customers=8)
    widget = Customer360(conn, now=fixed_now)
    qtbot.addWidget(widget)
    widget.show_customer(HOOPS)
    before = widget.timeline_model.rowCount()
    at = (FIXED_NOW - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with conn:
        conn.execute(
            "INSERT INTO interaction (id, customer_id, channel, direction, kind, occurred_at,"
            " summary, disposition, payload) VALUES ('new-call', ?, 'phone', 'inbound', 'call', ?,"
            " 'Asked about the hoop in the cart.', 'resolved', '{\"duration_s\": 240}')",
            (HOOPS, at),
        )
    widget.refresh()
    model = widget.timeline_model
    assert model.rowCount() == before + 1
    assert model.index(0, 0).data(TimelineRole.Id) == "new-call"
    assert model.index(0, 0).data(TimelineRole.Title) == "Inbound call · 4 min"
    assert model.index(0, 0).data(TimelineRole.Disposition) == "resolved"

    with conn:
        conn.execute("DELETE FROM customer WHERE id = ?", (HOOPS,))
    widget.refresh()  # erased while open: back to the empty state
    assert widget.current_customer_id is None
    assert model.rowCount() == 0
    conn.close()


def test_models_pass_the_model_tester(qtmodeltester, view: Customer360) -> None:
    view.show_customer(HOOPS)
    qtmodeltester.check(view.timeline_model)
    qtmodeltester.check(view.orders_model)
    qtmodeltester.check(view.intent_panel.products)
    view.show_customer(VIP)
    qtmodeltester.check(view.offers_model)


@pytest.mark.parametrize("channels", [None, frozenset({"email"}), frozenset({"web", "store"})])
def test_timeline_model_tester_while_paging(
    qtmodeltester,
    reader: sqlite3.Connection,
    channels: frozenset[str] | None,
) -> None:
    model = TimelineModel(reader, fixed_now, page_size=3)
    model.set_customer(_busiest(reader))
    model.set_channels(channels)
    qtmodeltester.check(model)
    rows = model.rowCount()
    model.fetchMore(QModelIndex())
    assert model.rowCount() > rows


def test_opening_reads_each_part_once(view: Customer360, reader: sqlite3.Connection) -> None:
    """One read pass: the profile, the web events, the offers and the last contact are read once
    each (the next best action used to read the profile, the offers and the last contact again)."""
    statements: list[str] = []
    reader.set_trace_callback(statements.append)
    try:
        assert view.show_customer(HOOPS)
    finally:
        reader.set_trace_callback(None)

    def count(*words: str) -> int:
        return sum(all(w in s for w in words) for s in statements)

    assert count("FROM customer AS c") + count("FROM customer WHERE") == 1  # the profile
    assert count("FROM web_event", "anonymous_id") == 1  # the intent's events
    assert count("FROM offer ") == 1
    assert count("SELECT occurred_at FROM interaction") == 1  # the last contact
