"""End to end, writes: a real hub on 127.0.0.1, a real cache, the real window driven from the
keyboard. A call logged with Ctrl+L shows at once as pending and reaches the hub; offline it waits in
the outbox and the status bar says so; what the hub refuses is shown with its reason and can be
redone or dismissed; a merge on the hub moves the open customer to the surviving profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel

from rapport.cache.outbox import counts, entries
from rapport.cache.search_index import reindex_customers
from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.customer.log_interaction import LogInteractionDialog
from rapport.ui.customer.timeline_model import SYNC_PENDING, SYNC_REJECTED, TimelineRole
from rapport.ui.outbox.model import OutboxColumn
from rapport.ui.shell.main_window import MainWindow
from rapport.ui.shell.session import Session

from .support import DownHub
from .support import activate as _activate
from .support import hub_row as _hub_row
from .support import session_on as _session

CUSTOMERS = 300
HOOPS = STORY_CUSTOMERS["hoops"]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo-writes"), customers=CUSTOMERS)
    yield site
    site.close()


def _open_by_search(qtbot, win: MainWindow, text: str, customer_id: str) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(win.search.box, text)
    qtbot.waitUntil(lambda: win.search.model.query == text, timeout=5000)
    qtbot.keyClick(win.search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.customer.current_customer_id == customer_id, timeout=5000)


def _log_call(qtbot, win: MainWindow, note: str) -> LogInteractionDialog:  # type: ignore[no-untyped-def]
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_L, CTRL)
    dialog = win.log_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    qtbot.keyClicks(dialog.note, note)
    return dialog


def _submit(qtbot, dialog: LogInteractionDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)


def _top(win: MainWindow) -> Any:
    return win.findChild(QAbstractItemView, "timelineList").model().index(0, 0)


def test_a_logged_call_is_pending_at_once_then_reaches_the_hub(
    qtbot, session: Session, demo: DemoSite
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    _open_by_search(qtbot, win, "Lucas Martin", HOOPS)
    dialog = _log_call(qtbot, win, "Asked whether the hoop ships assembled.")
    disposition = dialog.findChild(type(dialog.channel), "logDisposition")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Backtab)
    qtbot.keyClicks(disposition, "inf")
    assert disposition.currentData() == "information given"
    qtbot.keyClick(disposition, Qt.Key.Key_Tab)
    _submit(qtbot, dialog)

    # At once, before the event loop has run: the new row on top, marked pending.
    assert win.log_dialog is None
    top = _top(win)
    assert top.data(TimelineRole.Detail) == "Asked whether the hoop ships assembled."
    assert top.data(TimelineRole.SyncState) == SYNC_PENDING
    interaction_id = top.data(TimelineRole.Id)

    # The worker was kicked: the hub takes it, the cache hears back, the mark goes.
    qtbot.waitUntil(lambda: _top(win).data(TimelineRole.SyncState) is None, timeout=15_000)
    assert _top(win).data(TimelineRole.Id) == interaction_id
    row = _hub_row(
        demo,
        "SELECT customer_id, summary, disposition FROM interaction WHERE id = ?",
        interaction_id,
    )
    assert row is not None
    assert dict(row) == {
        "customer_id": HOOPS,
        "summary": "Asked whether the hoop ships assembled.",
        "disposition": "information given",
    }
    qtbot.waitUntil(lambda: "All changes sent" in win.status.text(), timeout=5000)


def test_a_validation_error_keeps_the_typed_note(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    _open_by_search(qtbot, win, "Lucas Martin", HOOPS)
    dialog = _log_call(qtbot, win, "Long call. ")
    # Paste a transcript too long for a note.
    QApplication.clipboard().setText("x" * 10_000)
    qtbot.keyClick(dialog.note, Qt.Key.Key_V, CTRL)
    typed = dialog.note.toPlainText()
    assert len(typed) > 10_000
    _submit(qtbot, dialog)
    error = dialog.findChild(QLabel, "noteError")
    assert error.isVisible() and "over 10,000 characters" in error.text()
    assert dialog.isVisible() and dialog.note.toPlainText() == typed
    assert counts(session.reader).pending == 0
    # Trim it and save: it goes through.
    qtbot.keyClick(dialog.note, Qt.Key.Key_End, CTRL)
    for _ in range(len(typed) - 10_000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Backspace)
    assert not error.isVisible()
    _submit(qtbot, dialog)
    assert win.log_dialog is None
    assert _top(win).data(TimelineRole.Detail).startswith("Long call. xxx")


def test_offline_the_write_waits_in_the_outbox_and_the_status_says_so(
    qtbot, session: Session, demo: DemoSite, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache.sqlite3"
    session.shutdown()  # the cache is synced; now the hub goes away
    dead = DownHub()
    offline = _session(demo, cache, dead.url)
    qtbot.addWidget(offline.window)
    offline.start(show=True)
    try:
        win = offline.window
        qtbot.waitUntil(lambda: win.status.label.text().startswith("Offline since"), timeout=15_000)
        _open_by_search(qtbot, win, "Lucas Martin", HOOPS)
        dialog = _log_call(qtbot, win, "Called while the hub was down.")
        tried = dead.attempts
        _submit(qtbot, dialog)
        assert _top(win).data(TimelineRole.SyncState) == SYNC_PENDING
        status = win.status.text()
        assert status.startswith("Offline since") and "1 pending" in status
        assert "retrying" in status
        # The worker tries to send it meanwhile: nothing is lost, nothing sent.
        qtbot.waitUntil(lambda: dead.attempts > tried, timeout=15_000)
        assert [e.state for e in entries(offline.reader)] == ["pending"]
        interaction_id = entries(offline.reader)[0].target_id
    finally:
        offline.shutdown()
        dead.close()

    # The hub is back (the same cache, the right address): the write goes, once.
    back = _session(demo, cache)
    qtbot.addWidget(back.window)
    back.start(show=True)
    try:
        qtbot.waitUntil(lambda: counts(back.reader).pending == 0, timeout=30_000)
        row = _hub_row(demo, "SELECT count(*) AS n FROM interaction WHERE id = ?", interaction_id)
        assert row["n"] == 1
        qtbot.waitUntil(lambda: "All changes sent" in back.window.status.text(), timeout=10_000)
    finally:
        back.shutdown()


def _cache_only_customer(session: Session) -> str:
    """A customer this computer has but the hub never heard of."""
    cid = "c-only-on-this-computer"
    conn = session.writes.conn
    with conn:
        conn.execute(
            "INSERT INTO customer (id, given_name, family_name, tier, version)"
            " VALUES (?, 'Ghislaine', 'Nulle-Part', 'bronze', 1)",
            (cid,),
        )
        reindex_customers(conn, [cid])
    return cid


def test_a_refused_write_shows_its_reason_and_can_be_redone_or_dismissed(
    qtbot, session: Session
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    cid = _cache_only_customer(session)
    _open_by_search(qtbot, win, "Ghislaine Nulle", cid)
    dialog = _log_call(qtbot, win, "Asked for a refund.")
    _submit(qtbot, dialog)

    # The hub refuses: the timeline row says why, the status bar counts it and tells once.
    qtbot.waitUntil(lambda: _top(win).data(TimelineRole.SyncState) == SYNC_REJECTED, timeout=15_000)
    reason = _top(win).data(TimelineRole.SyncReason)
    assert "no such customer" in reason
    qtbot.waitUntil(lambda: "1 rejected" in win.status.text(), timeout=5000)
    assert "The hub refused" in win.statusBar().currentMessage()

    # Ctrl+Shift+O: the outbox panel lists it with its reason.
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    panel = win.outbox_panel
    assert panel is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=5000)
    model = panel.model
    assert model.rowCount() == 1
    assert model.index(0, OutboxColumn.State).data() == "Rejected"
    assert model.index(0, OutboxColumn.Customer).data() == "Ghislaine Nulle-Part"
    assert model.index(0, OutboxColumn.What).data() == "Call: Asked for a refund."
    # In the interface's words (the hub said "no such customer on the hub"; the code says which).
    assert (
        model.index(0, OutboxColumn.Reason).data() == "This customer is not on the hub (any more)."
    )

    # Enter redoes it: sent again, refused again (the hub still does not know them).
    first_seq = panel.selected_items()[0].client_seq
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == 1
            and model.item(0).state == "rejected"
            and model.item(0).client_seq > first_seq
        ),
        timeout=15_000,
    )

    # Delete dismisses it: the outbox is empty and the refused note leaves the timeline.
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 0
    assert panel.findChild(QLabel, "outboxEmpty").isVisible()
    qtbot.waitUntil(lambda: "All changes sent" in win.status.text(), timeout=5000)
    assert _top(win).data(TimelineRole.Detail) != "Asked for a refund."


def test_a_merge_on_the_hub_moves_the_open_customer_to_the_survivor(
    qtbot, session: Session, demo: DemoSite
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    story = set(STORY_CUSTOMERS.values())
    rows = session.reader.execute(
        "SELECT id, given_name, family_name FROM customer ORDER BY id LIMIT 20"
    ).fetchall()
    source, into = [r for r in rows if r["id"] not in story][:2]
    assert win.open_customer(source["id"])
    demo.server.hub.merge(source["id"], into["id"], "duplicate profile")
    qtbot.waitUntil(lambda: win.customer.current_customer_id == into["id"], timeout=15_000)
    assert "merged" in win.statusBar().currentMessage()
    name = win.findChild(QLabel, "customerName").text()
    assert into["family_name"] in name
