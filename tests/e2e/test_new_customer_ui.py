"""End to end, new customers: an unknown caller becomes a customer from the screen pop with the
number filled in, from the keyboard; the hub gets them once; a caller the hub already knows by email
ends up on their existing profile, and the window follows it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rapport.cache.outbox import counts
from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.calls.screen_pop import UNKNOWN
from rapport.ui.customer.new_customer import NewCustomerDialog
from rapport.ui.shell.session import Session

from .support import activate, hub_row

CTRL = Qt.KeyboardModifier.ControlModifier
HOOPS = STORY_CUSTOMERS["hoops"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo-new-customer"), customers=200)
    yield site
    site.close()


def _dialog(qtbot) -> NewCustomerDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), NewCustomerDialog), timeout=5000
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewCustomerDialog)
    activate(qtbot, dialog)
    return dialog


def test_an_unknown_caller_becomes_a_customer_from_the_keyboard(
    qtbot, session: Session, demo: DemoSite
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    # The number as a carrier sends it: international, with spaces (a UK mobile in the range kept
    # for fiction, so no demo customer has it).
    assert session.screen_pop.pop("+44 7700 900461") == UNKNOWN
    panel = session.screen_pop.unknown
    assert panel is not None
    activate(qtbot, panel)
    qtbot.keyClick(panel.new_button, Qt.Key.Key_Return)  # the default, focused button

    dialog = _dialog(qtbot)
    assert dialog.phone.text() == "+44 7700 900461"  # filled in, as an agent in France writes it
    assert dialog.focusWidget() is dialog.given
    # Enter with no name: refused next to the field, nothing lost.
    qtbot.keyClick(dialog.given, Qt.Key.Key_Return)
    assert dialog.isVisible() and "name" in dialog.error_text("family_name")
    qtbot.keyClicks(dialog.given, "Yasmine")
    qtbot.keyClick(dialog.given, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.family, "Haddad")
    # A typo in the email is caught before anything is saved.
    dialog.email.setFocus()
    qtbot.keyClicks(dialog.email, "yasmine.haddad@example")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    assert "not an email address" in dialog.error_text("email")
    assert dialog.customer_id is None
    qtbot.keyClicks(dialog.email, ".com")
    qtbot.keyClick(dialog.consent["sms"], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    # Opened at once from this computer's cache, then sent to the hub.
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    cid = dialog.customer_id
    assert cid is not None and win.customer.current_customer_id == cid
    assert win.customer.current_customer_name == "Yasmine Haddad"
    qtbot.waitUntil(lambda: counts(session.reader).pending == 0, timeout=30_000)
    row = hub_row(demo, "SELECT given_name, family_name, consent FROM customer WHERE id = ?", cid)
    assert (row["given_name"], row["family_name"]) == ("Yasmine", "Haddad")
    assert '"sms"' in row["consent"] and '"granted"' in row["consent"]
    phone = hub_row(demo, "SELECT customer_id FROM identity WHERE normalized = '+447700900461'")
    assert phone["customer_id"] == cid

    # The next call from that number opens them directly.
    assert session.screen_pop.pop("00447700900461") != UNKNOWN
    assert win.customer.current_customer_id == cid


def test_a_caller_the_hub_knows_by_email_lands_on_their_profile(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_N, CTRL)
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.given, "Lucas")
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, "Martin")
    dialog.email.setFocus()
    qtbot.keyClicks(dialog.email, "Lucas.Martin@example.com")  # known to the hub, other case
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    new_id = dialog.customer_id
    assert win.customer.current_customer_id == new_id

    # The hub merges the new profile into the one it knows; the window follows, the agent is told.
    qtbot.waitUntil(lambda: win.customer.current_customer_id == HOOPS, timeout=30_000)
    assert (
        session.reader.execute("SELECT 1 FROM customer WHERE id = ?", (new_id,)).fetchone() is None
    )
    qtbot.waitUntil(lambda: counts(session.reader).notices == 1, timeout=10_000)
