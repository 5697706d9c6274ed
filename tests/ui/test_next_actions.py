"""The next best action column on the story customers of a seeded cache: the hoops shopper who left
a cart gets an incentive, the customer with an escalated complaint gets "resolve first" and no pitch,
the VIP gets the reminder of her unused offer."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.basket.dialog import BasketDialog
from rapport.ui.customer.consent_preferences import ConsentPreferencesDialog
from rapport.ui.customer.next_actions import NextActionsPanel, SuggestionRole
from rapport.ui.customer.view import Customer360
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW


def fixed_now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def view(qtbot, reader: sqlite3.Connection) -> Customer360:  # type: ignore[no-untyped-def]
    widget = Customer360(reader, region="FR", now=fixed_now)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(panel: NextActionsPanel) -> list[tuple[str, str, str]]:
    model = panel.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    return [
        (i.data(SuggestionRole.Kind), i.data(SuggestionRole.Title), i.data(SuggestionRole.Why))
        for i in rows
    ]


def test_hoops_abandoned_cart_gets_an_incentive(view: Customer360) -> None:
    assert view.show_customer(STORY_CUSTOMERS["hoops"])
    shown = _shown(view.next_actions)
    kind, title, why = shown[0]
    assert kind == "incentive"
    assert title.startswith("Offer an incentive on the Spalding")
    assert "349" in why and "yesterday" in why and "opted in to SMS, email and phone" in why
    assert [k for k, _, _ in shown] == ["incentive", "consent"]
    cards = view.next_actions.cards()
    assert [c.title.text() for c in cards] == [t for _, t, _ in shown]
    assert all(c.isVisible() for c in cards)


def test_complaint_resolve_first_and_nothing_else(view: Customer360) -> None:
    assert view.show_customer(STORY_CUSTOMERS["complaint"])
    [(kind, title, why)] = _shown(view.next_actions)
    assert kind == "resolve" and title == "Resolve the open issue first"
    assert why.startswith("Escalated call 6 days ago (“Order ")
    assert "broken backboard" in why
    assert "wait until the issue is resolved" in view.next_actions.note.text()
    assert view.next_actions.note.isVisible()


def test_vip_offer_reminder(view: Customer360) -> None:
    assert view.show_customer(STORY_CUSTOMERS["vip"])
    shown = _shown(view.next_actions)
    kind, title, why = shown[0]
    assert kind == "offer" and title == "Remind them of offer VIP-20-HROUSSEAU"
    assert [k for k, _, _ in shown] == ["offer", "reach_out", "consent"]
    assert shown[1][2].startswith("Platinum customer with no contact for ")
    assert "not used yet" in why and "valid until" in why


def test_switching_customers_replaces_the_cards(view: Customer360) -> None:
    view.show_customer(STORY_CUSTOMERS["complaint"])
    view.show_customer(STORY_CUSTOMERS["hoops"])
    assert [c.kind for c in view.next_actions.cards()] == ["incentive", "consent"]
    assert not view.next_actions.note.isVisible()


def test_model_passes_the_model_tester(qtmodeltester, view: Customer360) -> None:  # type: ignore[no-untyped-def]
    view.show_customer(STORY_CUSTOMERS["hoops"])
    qtmodeltester.check(view.next_actions.model)


def test_a_card_leads_to_the_action_by_click_or_by_keyboard(  # type: ignore[no-untyped-def]
    qtbot, reader: sqlite3.Connection, writes
) -> None:
    win = MainWindow(reader, writes=writes, now=fixed_now)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_customer(STORY_CUSTOMERS["hoops"])
    incentive, consent = win.customer.next_actions.cards()
    assert incentive.go is not None and "basket" in incentive.go.text()
    assert incentive.go.isVisible()

    # A click (or a tap) on the win-back card opens a basket on the abandoned hoop, ready to add.
    qtbot.mouseClick(incentive, Qt.MouseButton.LeftButton)
    basket = win.findChild(BasketDialog)
    assert basket is not None and basket.isVisible()
    qtbot.waitUntil(lambda: basket.catalog.rowCount() == 1, timeout=2000)
    assert "Spalding" in basket.catalog.product(0).name
    assert basket.add_button.isEnabled()
    basket.close()

    # Keyboard: the consent card takes focus and Enter opens the consent dialog.
    consent.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(consent, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.findChild(ConsentPreferencesDialog) is not None, timeout=2000)
    win.findChild(ConsentPreferencesDialog).reject()
    win.detach()


def test_each_cards_caption_is_drawn_in_its_kinds_colour(view: Customer360) -> None:
    # A card that leads somewhere is a button: its labels inherit the button's roles, so a caption
    # coloured through WindowText alone came out in the plain button text colour.
    from rapport.ui.customer.next_actions import kind_color

    assert view.show_customer(STORY_CUSTOMERS["hoops"])
    cards = view.next_actions.cards()
    assert {c.kind for c in cards} == {"incentive", "consent"}
    for card in cards:
        drawn = card.caption.palette().color(card.caption.foregroundRole())
        assert drawn == kind_color(card.kind, card.palette()), card.kind
