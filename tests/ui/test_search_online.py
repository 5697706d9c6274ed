"""Online search and pinning from the search panel, keyboard only: few or no local matches while
online offer the hub (Ctrl+Enter); its results come in their own section; Enter on one pins the
customer and opens them once they are here. Offline, the hint says only the cache was searched;
errors show in the hint, never in a modal box."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListView, QPushButton

from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.sync.engine import SyncStatus
from rapport.ui.search.model import HubResultsModel, SearchRole
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW
from tests.ui.fakes import FakeWorker

HOOPS = STORY_CUSTOMERS["hoops"]
FAR_AWAY = {
    "id": "c-far-away",
    "given_name": "Zoé",
    "family_name": "Zylberstein",
    "tier": "gold",
    "home_store_id": "st-lyon",
    "last_contact_at": "2026-10-02T10:00:00Z",
}


@pytest.fixture
def worker() -> FakeWorker:
    return FakeWorker()


@pytest.fixture
def window(qtbot, reader: sqlite3.Connection, worker: FakeWorker) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(reader, worker=worker, now=lambda: FIXED_NOW)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.detach()


def _online(win: MainWindow, worker: FakeWorker, online: bool = True) -> None:
    worker.status_changed.emit(SyncStatus(state="online" if online else "offline"))


def _search(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    win.search.focus_search()
    qtbot.keyClicks(win.search.box, text)
    qtbot.waitUntil(lambda: win.search.model.query == text, timeout=2000)


def _hint(win: MainWindow) -> str:
    return win.findChild(QLabel, "searchHint").text()


def test_hub_results_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = HubResultsModel()
    model.set_results("zyl", [FAR_AWAY, {"id": "c2", "given_name": "Zed"}, {"no": "id"}])
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 0).data(SearchRole.Name) == "Zoé Zylberstein"
    assert model.index(0, 0).data(SearchRole.Detail) == "On the hub · last contact 02/10/2026"
    assert model.index(1, 0).data(SearchRole.Detail) == "On the hub · no contact yet"


def test_no_local_match_offers_the_hub_then_pins_and_opens(qtbot, window, worker) -> None:  # type: ignore[no-untyped-def]
    _online(window, worker)
    _search(qtbot, window, "zylber")
    assert window.search.model.rowCount() == 0
    button = window.findChild(QPushButton, "searchOnline")
    assert button.isVisible() and "Search all customers on the hub" in button.text()
    assert "No customer matches" in _hint(window)

    qtbot.keyClick(window.search.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert worker.searched == ["zylber"]
    assert "Searching all customers on the hub" in _hint(window)
    worker.online_results.emit("zylber", [FAR_AWAY])
    title = window.findChild(QLabel, "hubResultsTitle")
    hub_list = window.findChild(QListView, "hubResults")
    qtbot.waitUntil(lambda: hub_list.isVisible(), timeout=2000)
    assert title.isVisible() and title.text() == "On the hub — not on this computer yet"
    assert not button.isVisible()  # asked already
    assert hub_list.model().index(0, 0).data(SearchRole.Id) == "c-far-away"

    # Enter on the (selected) hub result pins it; once pinned, it opens.
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert worker.pins == ["c-far-away"]
    assert "Bringing this customer to this computer" in _hint(window)
    # The pin brought them: here, a customer of the seeded cache stands in for the far-away one.
    worker.pins.clear()
    window.search.hub_model.set_results("zylber", [{**FAR_AWAY, "id": HOOPS}])
    window.search._set_position(0)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert worker.pins == [HOOPS]
    with qtbot.waitSignal(window.customer_opened, timeout=2000):
        worker.pinned.emit(HOOPS)
    assert window.customer.current_customer_id == HOOPS


def test_few_local_matches_still_offer_the_hub_and_arrows_cross_sections(
    qtbot, window, worker
) -> None:  # type: ignore[no-untyped-def]
    _online(window, worker)
    _search(qtbot, window, "LOY-100001")  # one local match
    assert window.search.model.rowCount() == 1
    assert window.findChild(QPushButton, "searchOnline").isVisible()
    window.search.request_online_search()
    worker.online_results.emit("LOY-100001", [FAR_AWAY, {"id": HOOPS, "given_name": "Lucas"}])
    # The customer already here is not listed again under the hub.
    assert window.search.hub_model.ids() == {"c-far-away"}
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    assert window.findChild(QListView, "hubResults").currentIndex().row() == 0
    qtbot.keyClick(window.search.box, Qt.Key.Key_Up)
    with qtbot.waitSignal(window.customer_opened, timeout=2000):
        qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.customer.current_customer_id == HOOPS


def test_offline_search_says_it_covers_this_computer_only(qtbot, window, worker) -> None:  # type: ignore[no-untyped-def]
    _online(window, worker, online=False)
    _search(qtbot, window, "zylber")
    assert not window.findChild(QPushButton, "searchOnline").isVisible()
    assert "only this computer's cache was searched" in _hint(window)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert worker.searched == []
    assert "cache only" in _hint(window)


def test_errors_show_in_the_hint(qtbot, window, worker) -> None:  # type: ignore[no-untyped-def]
    _online(window, worker)
    _search(qtbot, window, "zylber")
    window.search.request_online_search()
    worker.online_failed.emit("zylber", "the hub answered 503")
    assert "The hub could not be searched: the hub answered 503" in _hint(window)
    window.search.request_online_search()
    worker.online_results.emit("zylber", [FAR_AWAY])
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    worker.pin_failed.emit("c-far-away", "the hub did not answer in time")
    assert "could not be brought to this computer" in _hint(window)
    assert QApplication.activeModalWidget() is None


def test_stale_answers_are_ignored(qtbot, window, worker) -> None:  # type: ignore[no-untyped-def]
    _online(window, worker)
    _search(qtbot, window, "zylber")
    window.search.request_online_search()
    qtbot.keyClicks(window.search.box, "x")  # the text changed before the hub answered
    qtbot.waitUntil(lambda: window.search.model.query == "zylberx", timeout=2000)
    worker.online_results.emit("zylber", [FAR_AWAY])
    assert window.search.hub_model.rowCount() == 0
