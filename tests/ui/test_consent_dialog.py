"""Consent and preferences (story 8): opting out of SMS from the dialog changes the header chip at
once and queues a consent.set in the outbox; a change without a source is refused next to its field
and nothing typed is lost; preferences are saved as the preferences json."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from rapport.cache.outbox import pending_batch
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.customer.consent_preferences import ConsentPreferencesDialog, parse_sizes
from rapport.ui.customer.header import Chip
from rapport.ui.customer.next_actions import SuggestionRole
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]


def fixed_now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def window(qtbot, reader: sqlite3.Connection, writes: LocalWrites) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(reader, writes=writes, now=fixed_now)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_customer(HOOPS)
    return w


def _save(dialog: ConsentPreferencesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_sms_opt_out_updates_the_chip_and_queues_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    chip = window.findChild(Chip, "consent-sms")
    assert chip is not None and "✓" in chip.text()
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(ConsentPreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    row = dialog.rows["sms"]
    row.status.setCurrentIndex(row.status.findData("denied"))
    assert row.source.isEnabled()
    _save(dialog)  # no source yet: refused next to the field, the choice is kept
    assert row.error.isVisible() and "where" in row.error.text().lower()
    assert row.value() == "denied"
    assert not [e for e in pending_batch(window._reader) if e.name == "consent.set"]

    qtbot.keyClicks(row.source.lineEdit(), "Told the agent on the phone")
    with qtbot.waitSignal(dialog.saved):
        _save(dialog)
    chip = window.customer.header.consent_chips["sms"]  # the chips are rebuilt on refresh
    assert "✕" in chip.text()
    assert "opted out" in chip.toolTip() and "Told the agent on the phone" in chip.toolTip()
    [entry] = [e for e in pending_batch(window._reader) if e.name == "consent.set"]
    assert entry.args["channel"] == "sms" and entry.args["status"] == "denied"
    # The incentive no longer names SMS.
    model = window.customer.next_actions.model
    assert model.suggestion(0).kind == "incentive"
    assert "SMS" not in model.index(0, 0).data(SuggestionRole.Why)


def test_clicking_a_consent_chip_opens_the_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    chip = window.findChild(Chip, "consent-email")
    assert chip is not None
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert window.findChild(ConsentPreferencesDialog) is not None


def test_preferences_saved_and_bad_sizes_kept(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.edit_consent()
    assert dialog is not None
    assert dialog.sizes.text() == "gloves L, shoes 43"
    dialog.sizes.clear()
    qtbot.keyClicks(dialog.sizes, "shoes 44, gloves")
    _save(dialog)
    assert dialog.sizes_error.isVisible() and "gloves" in dialog.sizes_error.text()
    assert dialog.sizes.text() == "shoes 44, gloves"  # nothing typed is lost
    qtbot.keyClicks(dialog.sizes, " M")
    dialog.brands.setText("Nike, Spalding")
    with qtbot.waitSignal(dialog.saved):
        _save(dialog)
    [entry] = [e for e in pending_batch(window._reader) if e.name == "customer.update"]
    [change] = entry.args["changes"]
    assert change["new"]["sizes"] == {"shoes": "44", "gloves": "M"}
    assert change["new"]["brands"] == ["Nike", "Spalding"]
    row = window._reader.execute(
        "SELECT preferences FROM customer WHERE id = ?", (HOOPS,)
    ).fetchone()
    assert orjson.loads(row[0])["sizes"]["shoes"] == "44"
    assert "shoes 44" in window.customer.header.preferences.text()


def test_parse_sizes() -> None:
    assert parse_sizes(" shoes 43 , ring: 52,") == {"shoes": "43", "ring": "52"}
    with pytest.raises(ValueError):
        parse_sizes("43")
