"""Logging an interaction from the keyboard on a real cache: Ctrl+L on the open customer, type a
note, Ctrl+Enter; the row is at the top of the timeline at once, marked "Not synced yet", and the
mark changes when the hub answers. A refused field is named next to it and nothing typed is lost."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QPlainTextEdit

from rapport.cache.acks import apply_push_results
from rapport.cache.apply import apply_changes
from rapport.cache.db import open_cache
from rapport.cache.hub_settings import wrapup_codes
from rapport.cache.outbox import counts, entries, pending_batch
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.protocol import DEFAULT_WRAPUP_CODES
from rapport.ui.customer.log_interaction import LogInteractionDialog
from rapport.ui.customer.timeline_model import SYNC_PENDING, SYNC_REJECTED, TimelineRole
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW
from tests.ui.fakes import FakeWorker

HOOPS = STORY_CUSTOMERS["hoops"]


@pytest.fixture
def worker() -> FakeWorker:
    return FakeWorker()


@pytest.fixture
def window(
    qtbot, reader: sqlite3.Connection, writes: LocalWrites, worker: FakeWorker
) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(reader, writes=writes, worker=worker, now=lambda: FIXED_NOW)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.detach()


def _open_log(qtbot, win: MainWindow) -> LogInteractionDialog:  # type: ignore[no-untyped-def]
    win.activateWindow()  # what the window manager does when a dialog closes; offscreen does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.log_dialog is not None and win.log_dialog.isVisible(), timeout=2000)
    dialog = win.log_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def _top(win: MainWindow):  # type: ignore[no-untyped-def]
    model = win.findChild(QAbstractItemView, "timelineList").model()
    return model.index(0, 0)


def test_ctrl_l_logs_a_call_that_shows_at_once_as_pending(qtbot, window, worker, reader) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    assert dialog.windowTitle() == "Log an interaction — Lucas Martin"
    # Defaults for a phone agent; the focus is in the note.
    assert dialog.findChild(QComboBox, "logChannel").currentData() == "phone"
    assert dialog.findChild(QComboBox, "logKind").currentData() == "call"
    note = dialog.findChild(QPlainTextEdit, "logNote")
    assert note.hasFocus()
    # Shift+Tab reaches the wrap-up code; typing picks one.
    qtbot.keyClick(note, Qt.Key.Key_Backtab)
    disposition = dialog.findChild(QComboBox, "logDisposition")
    assert disposition.hasFocus()
    qtbot.keyClicks(disposition, "res")
    assert disposition.currentData() == "resolved"
    qtbot.keyClick(disposition, Qt.Key.Key_Tab)
    assert note.hasFocus()
    qtbot.keyClicks(note, "Asked whether the hoop ships assembled.")
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.log_dialog is None, timeout=2000)

    top = _top(window)
    assert top.data(TimelineRole.Detail) == "Asked whether the hoop ships assembled."
    assert top.data(TimelineRole.Disposition) == "resolved"
    assert top.data(TimelineRole.SyncState) == SYNC_PENDING
    assert "Not synced yet" in top.data(Qt.ItemDataRole.ToolTipRole)
    assert worker.kicks >= 1
    assert "1 pending" in window.status.text()

    # The hub applies it: the worker reports the customer changed, the mark goes.
    (entry,) = entries(window._writes.conn)
    apply_push_results(
        window._writes.conn, [{"client_seq": entry.client_seq, "status": "applied", "result": {}}]
    )
    worker.customers_changed.emit(frozenset({HOOPS}))
    qtbot.waitUntil(lambda: _top(window).data(TimelineRole.SyncState) is None, timeout=2000)
    assert "All changes sent" in window.status.text()


def test_a_refused_write_is_marked_with_the_reason_and_announced(qtbot, window, worker) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    qtbot.keyClicks(dialog.note, "Called about the hoop.")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.log_dialog is None, timeout=2000)
    (entry,) = entries(window._writes.conn)
    apply_push_results(
        window._writes.conn,
        [
            {
                "client_seq": entry.client_seq,
                "status": "rejected",
                "error": {"code": "forbidden", "message": "Not your customer."},
            }
        ],
    )
    worker.customers_changed.emit(frozenset({HOOPS}))
    qtbot.waitUntil(
        lambda: _top(window).data(TimelineRole.SyncState) == SYNC_REJECTED, timeout=2000
    )
    assert _top(window).data(TimelineRole.SyncReason) == "Not your customer."
    message = window.statusBar().currentMessage()
    assert "The hub refused" in message and "Not your customer" in message
    assert "1 rejected" in window.status.text()


def test_a_validation_error_keeps_what_was_typed(qtbot, window, reader) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    channel = dialog.findChild(QComboBox, "logChannel")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Backtab)  # wrap-up
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert channel.hasFocus()
    qtbot.keyClicks(channel, "Chat")
    assert channel.currentData() == "chat"
    # The kind follows the channel until the agent picks one.
    assert dialog.findChild(QComboBox, "logKind").currentData() == "chat"
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "   ")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    error = dialog.findChild(QLabel, "noteError")
    assert error.isVisible() and "Write a short note" in error.text()
    assert dialog.isVisible() and dialog.note.hasFocus()
    assert channel.currentData() == "chat"  # nothing typed is lost
    assert counts(reader).pending == 0
    # Typing clears the error; the second try goes through.
    qtbot.keyClicks(dialog.note, "Chat about delivery slots")
    assert not error.isVisible()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.log_dialog is None, timeout=2000)
    assert counts(reader).pending == 1
    row = reader.execute(
        "SELECT channel, kind, summary FROM interaction WHERE customer_id = ?"
        " ORDER BY occurred_at DESC LIMIT 1",
        (HOOPS,),
    ).fetchone()
    assert tuple(row) == ("chat", "chat", "Chat about delivery slots")


def test_a_pasted_nul_is_named_next_to_the_note(qtbot, window, reader) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    dialog.note.insertPlainText("Asked about\x00 delivery")  # as pasted from another program
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    error = dialog.findChild(QLabel, "noteError")
    assert error.isVisible() and "cannot be saved" in error.text()
    assert dialog.isVisible() and counts(reader).pending == 0


def test_a_cancelled_note_comes_back_with_ctrl_l(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    qtbot.keyClicks(dialog.note, "Half-written note")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.log_dialog is None, timeout=2000)
    assert "Ctrl+L brings it back" in window.statusBar().currentMessage()
    dialog = _open_log(qtbot, window)
    assert dialog.note.toPlainText() == "Half-written note"


def test_ctrl_l_without_a_customer_says_what_to_do(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.log_dialog is None
    assert "Open a customer first" in window.statusBar().currentMessage()


def test_ctrl_shift_o_opens_the_outbox_panel(qtbot, window, writes) -> None:  # type: ignore[no-untyped-def]
    writes.log_interaction(HOOPS, channel="phone", summary="Queued while offline")
    window.on_customers_changed(frozenset({HOOPS}))
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.outbox_panel
    assert panel is not None and panel.isVisible()
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 3).data() == "Call: Queued while offline"
    panel.close()
    # The counts in the status bar open it too.
    window.status.outbox.click()
    assert panel.isVisible()


def test_a_merged_away_customer_shows_the_survivor(qtbot, window, worker, reader) -> None:  # type: ignore[no-untyped-def]
    vip = STORY_CUSTOMERS["vip"]
    assert window.open_customer(HOOPS)
    worker.customers_redirected.emit({HOOPS: vip})
    qtbot.waitUntil(lambda: window.customer.current_customer_id == vip, timeout=2000)
    assert "Lucas Martin was merged into Hélène Rousseau" in window.statusBar().currentMessage()


def test_a_follow_up_can_be_created_with_the_call(qtbot, window, reader) -> None:  # type: ignore[no-untyped-def]
    from rapport.cache.outbox import pending_batch

    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    qtbot.keyClicks(dialog.note, "Wants the hoop delivered before Saturday")
    dialog.follow_up.setChecked(True)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # a follow-up needs a title: said next to it, nothing lost
    assert "follow-up" in dialog.error_text("follow_up")
    assert dialog.note.toPlainText() == "Wants the hoop delivered before Saturday"
    qtbot.keyClicks(dialog.follow_up_title, "Call back with the delivery slot")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    names = [e.name for e in pending_batch(dialog._writes.conn)]
    assert names[-2:] == ["interaction.log", "task.create"]
    task = next(e for e in pending_batch(dialog._writes.conn) if e.name == "task.create")
    assert task.args["title"] == "Call back with the delivery slot"
    assert task.args["customer_id"] == HOOPS and task.args["kind"] == "follow_up"


def test_wrapup_codes_are_the_hubs_and_follow_the_channel(qtbot, window, writes) -> None:  # type: ignore[no-untyped-def]
    codes = [
        {"code": "refund", "label": "Refund issued"},
        {"code": "no answer", "label": "No answer", "channels": ["phone"]},
    ]
    apply_changes(
        writes.conn,
        [{"entity": "setting", "op": "upsert", "id": "wrapup_codes",
          "data": {"id": "wrapup_codes", "value": codes, "updated_at": "2026-11-01T00:00:00Z"}}],
        None,
    )  # fmt: skip
    assert window.open_customer(HOOPS)
    dialog = _open_log(qtbot, window)
    combo = dialog.findChild(QComboBox, "logDisposition")

    def offered() -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]

    assert offered() == ["No wrap-up code", "Refund issued", "No answer"]  # on the phone
    combo.setCurrentIndex(1)
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    assert offered() == ["No wrap-up code", "Refund issued"]  # no "no answer" by email
    assert combo.currentData() == "refund"  # what was chosen stays chosen
    dialog.reject()


def test_before_the_first_sync_the_built_in_codes_are_offered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    conn, _ = open_cache(tmp_path / "fresh.sqlite3")
    codes = wrapup_codes(conn)
    assert [c.code for c in codes] == [c["code"] for c in DEFAULT_WRAPUP_CODES]
    assert codes[0].offered_on("email") and not codes[-1].offered_on("email")


def test_opening_a_customer_is_audited_without_showing_as_pending(qtbot, window, writes) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search.box, "Lucas Mar")
    qtbot.waitUntil(lambda: window.search.model.query == "Lucas Mar", timeout=2000)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer.current_customer_id == HOOPS, timeout=2000)
    [view] = pending_batch(writes.conn)
    assert view.name == "customer.view" and view.customer_id == HOOPS
    assert view.args["source"] == "search" and view.args["query"] == "Lucas Mar"
    # Nothing for the agent to see or wait for.
    assert counts(writes.conn).pending == 0 and entries(writes.conn) == []
    assert "All changes sent" in window.status.text()
    # The hub refusing it (say, erased meanwhile) drops it quietly.
    apply_push_results(
        writes.conn,
        [{"client_seq": view.client_seq, "status": "rejected", "error": {"code": "erased"}}],
    )
    assert pending_batch(writes.conn) == [] and counts(writes.conn).rejected == 0


def test_it_policy_limits_the_channels_offered(qtbot, reader, writes) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(
        reader, writes=writes, now=lambda: FIXED_NOW, allowed_channels=("phone", "email")
    )
    qtbot.addWidget(win)
    win.show()
    assert win.open_customer(HOOPS)
    dialog = win.log_interaction()
    assert dialog is not None
    offered = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
    assert offered == ["phone", "email"]
    dialog.reject()
    win.detach()
