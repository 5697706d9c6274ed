"""A call on a real demo hub and a real synced cache: the app starts filling its screen; a screen pop
opens the caller under a call strip (the number as the softphone gave it, a running timer); Wrap up
opens the log dialog as a phone call with the call's duration, and logging it ends the call."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.calls.call_strip import duration_text
from rapport.ui.calls.screen_pop import OPENED
from rapport.ui.customer.log_interaction import LogInteractionDialog
from rapport.ui.shell.session import Session
from tests.ui.test_layout import cut_off

LUCAS = STORY_CUSTOMERS["hoops"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo"), customers=60)
    yield site
    site.close()


@pytest.fixture
def session(qtbot, demo: DemoSite, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    s = Session(
        tmp_path / "cache.sqlite3",
        demo.hub_url,
        demo.login.token,
        user=dict(demo.login.user),
        live_wait=1.0,
    )
    qtbot.addWidget(s.window)
    s.start(show=True)
    qtbot.waitUntil(lambda: s.worker.status.state == "online", timeout=60_000)
    yield s
    s.shutdown()


def test_the_window_starts_filling_its_screen(session: Session) -> None:
    win = session.window
    available = win.screen().availableGeometry()
    assert win.isMaximized()
    # Offscreen adds a frame of its own, inside or outside the area depending on the order of
    # events: the window or its frame is the screen's available area.
    assert available.size() in (win.size(), win.frameGeometry().size())
    assert cut_off(win) == []


def test_a_pop_shows_the_call_and_wrap_up_logs_it(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    strip = win.call_strip
    assert not strip.isVisible()
    assert not win.actions["wrap_up"].isEnabled()  # no call, nothing to wrap up

    assert session.screen_pop.pop("06 12 34 56 78") == OPENED
    assert strip.isVisible()
    assert strip.caller.full_text() == "Call from 06 12 34 56 78 · Lucas Martin"  # as given
    assert win.actions["wrap_up"].isEnabled()
    assert strip.timer.text() == "0:00"
    qtbot.waitUntil(lambda: strip.timer.text() != "0:00", timeout=5000)  # it runs
    assert strip.timer.text() == duration_text(strip.elapsed_seconds())
    assert cut_off(win) == []

    qtbot.mouseClick(strip.wrap_up, Qt.MouseButton.LeftButton)
    dialog = win.log_dialog
    assert isinstance(dialog, LogInteractionDialog) and dialog.isVisible()
    assert dialog.customer_id == LUCAS
    assert dialog.channel.currentData() == "phone"
    assert dialog.direction.currentData() == "inbound"
    assert dialog.kind.currentData() == "call"
    assert dialog.duration.isVisible()
    seconds = dialog.call_duration()
    assert seconds is not None and seconds >= 1

    dialog.note.setPlainText("Asked about the hoop's delivery time")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.log_dialog is None, timeout=5000)
    assert not strip.isVisible()  # wrapped up: the call is over
    assert not win.actions["wrap_up"].isEnabled()

    conn: sqlite3.Connection = session.reader
    row = conn.execute(
        "SELECT channel, kind, payload FROM interaction WHERE customer_id = ? AND summary = ?",
        (LUCAS, "Asked about the hoop's delivery time"),
    ).fetchone()
    assert row[0] == "phone" and row[1] == "call"
    assert orjson.loads(row[2]) == {"duration_s": seconds}


def test_a_dismissed_call_ends_without_logging(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    assert session.screen_pop.pop("+33612345678") == OPENED
    assert win.call_strip.isVisible()
    # Wrap up cancelled: the call goes on.
    qtbot.keyClick(
        win, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert win.log_dialog is not None
    win.log_dialog.reject()
    QApplication.processEvents()
    assert win.call_strip.isVisible()
    qtbot.mouseClick(win.call_strip.dismiss, Qt.MouseButton.LeftButton)
    assert not win.call_strip.isVisible()
    assert not win.actions["wrap_up"].isEnabled()
