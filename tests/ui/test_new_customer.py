"""The new-customer form warns, as the phone or email is filled in or typed, when a customer on this
computer already has it, names them, and opens them instead in one click."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from rapport.cache.outbox import entries
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.customer.new_customer import NewCustomerDialog
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW
from tests.ui.fakes import FakeWorker

HOOPS = STORY_CUSTOMERS["hoops"]


@pytest.fixture
def window(qtbot, reader: sqlite3.Connection, writes: LocalWrites):  # type: ignore[no-untyped-def]
    win = MainWindow(reader, writes=writes, worker=FakeWorker(), now=lambda: FIXED_NOW)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.detach()


def _warning(dialog: NewCustomerDialog) -> str:
    label = dialog.findChild(QLabel, "newCustomerDuplicate")
    assert label is not None
    return label.text() if label.isVisibleTo(dialog) else ""


def _open_instead(dialog: NewCustomerDialog) -> QPushButton | None:
    buttons = [
        b
        for b in dialog.findChildren(QPushButton)
        if b.objectName() == "newCustomerOpenExisting" and b.isVisibleTo(dialog)
    ]
    return buttons[0] if buttons else None


def test_a_prefilled_number_of_the_open_customer_is_flagged(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(HOOPS)
    dialog = window.new_customer(phone="+33612345678")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert _warning(dialog) == "This phone number belongs to Lucas Martin."
    button = _open_instead(dialog)
    assert button is not None and button.text() == "Open Lucas Martin instead"
    dialog.reject()


def test_a_typed_email_is_flagged_and_open_instead_opens_them(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, writes: LocalWrites
) -> None:
    dialog = window.new_customer()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert _warning(dialog) == "" and _open_instead(dialog) is None
    qtbot.keyClicks(dialog.given, "Lucas")
    dialog.email.setFocus()
    qtbot.keyClicks(dialog.email, "Lucas.Martin@example.co")
    assert _warning(dialog) == ""  # not yet: one letter short
    qtbot.keyClicks(dialog.email, "m")
    assert _warning(dialog) == "This email address belongs to Lucas Martin."
    # A number typed as dialled belongs to someone else: both are named.
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "06 98 76 54 32")
    assert _warning(dialog) == (
        "This phone number belongs to Camille Dubois. This email address belongs to Lucas Martin."
    )
    dialog.phone.clear()
    button = _open_instead(dialog)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.customer.current_customer_id == HOOPS
    assert not [e for e in entries(writes.conn) if e.name == "customer.create"]
