"""The log holds no customer data: a real session on the demo data (sync, search, open, log a
call with a note, a live update back from the hub) at debug level, then the log file is scanned for
the story customers' names, emails and phones and for the note."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.logs import setup_logging
from rapport.ui.shell.session import Session

CTRL = Qt.KeyboardModifier.ControlModifier
NOTE = "Wants the Zephyrine hoop gift-wrapped before Saturday"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = setup_logging(verbose=True, folder=tmp_path / "logs")
    assert path is not None
    yield path
    for handler in root.handlers[len(before) :]:
        handler.close()
    root.handlers[:] = before
    root.setLevel(level)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo-privacy"), customers=300)
    yield site
    site.close()


def _story_data(demo: DemoSite) -> list[str]:
    """Every name, email and phone of the story customers, as the hub stores them (phones also
    as typed and in their national form, the way a log line might quote them)."""
    found: list[str] = []
    with demo.server.hub.engine.connect() as conn:
        for customer_id in STORY_CUSTOMERS.values():
            names = conn.exec_driver_sql(
                "SELECT given_name, family_name FROM customer WHERE id = ?", (customer_id,)
            ).first()
            assert names is not None
            found += [f"{names[0]} {names[1]}", names[1]]
            for value, normalized in conn.exec_driver_sql(
                "SELECT value, normalized FROM identity WHERE customer_id = ? "
                "AND kind IN ('email', 'phone')",
                (customer_id,),
            ):
                found += [value, normalized]
                if normalized.startswith("+33"):
                    found.append("0" + normalized[3:])
    return [s for s in found if s and len(s) >= 4]


def test_a_session_leaves_no_customer_data_in_the_log(
    qtbot, demo: DemoSite, tmp_path: Path, log_file: Path
) -> None:  # type: ignore[no-untyped-def]
    secrets = _story_data(demo)
    assert any("@" in s for s in secrets) and len(secrets) >= 8  # names, emails, phones found
    session = Session(
        tmp_path / "cache.sqlite3",
        demo.hub_url,
        demo.login.token,
        user=dict(demo.login.user),
        live_wait=1.0,
    )
    qtbot.addWidget(session.window)
    session.start(show=True)
    try:
        qtbot.waitUntil(lambda: session.worker.status.state == "online", timeout=60_000)
        win = session.window
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
        qtbot.keyClick(win, Qt.Key.Key_K, CTRL)
        qtbot.keyClicks(win.search.box, "Lucas Martin")
        qtbot.waitUntil(lambda: win.search.model.query == "Lucas Martin", timeout=5000)
        qtbot.keyClick(win.search.box, Qt.Key.Key_Return)
        hoops = STORY_CUSTOMERS["hoops"]
        qtbot.waitUntil(lambda: win.customer.current_customer_id == hoops, timeout=5000)

        qtbot.keyClick(win, Qt.Key.Key_L, CTRL)
        dialog = win.log_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
        qtbot.keyClicks(dialog.note, NOTE)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)
        timeline = win.findChild(QAbstractItemView, "timelineList").model()
        # Sent, applied by the hub and confirmed back: every layer has handled the note.
        qtbot.waitUntil(lambda: "All changes sent" in win.status.text(), timeout=15_000)
        assert timeline.index(0, 0).data(Qt.ItemDataRole.DisplayRole) is not None
    finally:
        session.shutdown()

    for handler in logging.getLogger().handlers:
        handler.flush()
    log = log_file.read_text(encoding="utf-8")
    assert "sync" in log.lower()  # the session did log: an empty log would prove nothing
    leaks = [s for s in [*secrets, NOTE, "Lucas Martin", "Zephyrine"] if s.lower() in log.lower()]
    assert leaks == []
