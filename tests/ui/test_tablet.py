"""Tablet mode on a seeded cache, driven with taps: the search fills the window, a tapped result
opens the customer full-window, Back returns to the search as it was; controls are finger-sized and
lists scroll with a drag. With tablet mode off the desktop layout is untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QScroller,
    QSplitter,
    QTabBar,
)

from rapport.config import Settings
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.common.theme import apply_theme
from rapport.ui.common.touch import MIN_LINES, touch_height
from rapport.ui.customer.consent_preferences import ConsentPreferencesDialog
from rapport.ui.shell.main_window import MainWindow
from rapport.ui.shell.tablet_panes import TabletPanes
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]


@pytest.fixture
def tablet_look(qapp: QApplication) -> Iterator[None]:
    before = qapp.font().pointSizeF()
    apply_theme(qapp, tablet=True)
    assert qapp.font().pointSizeF() > before  # one step larger
    yield
    apply_theme(qapp, tablet=False)


def _window(qtbot, reader: sqlite3.Connection, tablet: bool, writes=None) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(reader, writes=writes, region="FR", now=lambda: FIXED_NOW, tablet=tablet)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def tablet(qtbot, reader: sqlite3.Connection, writes, tablet_look: None) -> MainWindow:  # type: ignore[no-untyped-def]
    return _window(qtbot, reader, tablet=True, writes=writes)


def _tap_first_result(qtbot, win: MainWindow, typed: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(win.search.box, typed)
    qtbot.waitUntil(lambda: win.search.model.query == typed, timeout=5000)
    view = win.search.results
    assert view.model().rowCount() >= 1
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_search_fills_the_window_alone(tablet: MainWindow) -> None:
    assert isinstance(tablet.centralWidget(), TabletPanes)
    assert tablet.findChild(QSplitter) is None
    assert tablet.search.isVisible()
    assert not tablet.customer.isVisible()
    # Nearly the whole width: no second pane beside it.
    assert tablet.search.width() > tablet.width() * 0.75


def test_a_tap_opens_the_customer_and_back_keeps_the_query(qtbot, tablet: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _tap_first_result(qtbot, tablet, "+33612345678")
    qtbot.waitUntil(lambda: tablet.customer.isVisible(), timeout=5000)
    assert tablet.customer.current_customer_id == HOOPS
    assert not tablet.search.isVisible()
    name = tablet.findChild(QLabel, "customerName")
    assert "Lucas Martin" in name.text() and name.isVisible()

    back = tablet.panes.back_button
    assert back.isVisible() and "Back" in back.text()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert tablet.search.isVisible()
    assert not tablet.customer.isVisible()
    assert tablet.search.box.text() == "+33612345678"
    assert tablet.search.model.rowCount() >= 1  # the results are still there to pick another


def test_what_the_desktop_opens_with_keys_has_a_button(qtbot, tablet: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert tablet.open_customer(HOOPS)
    consent = tablet.findChild(QAbstractButton, "tablet-consent")
    basket = tablet.findChild(QAbstractButton, "tablet-basket")
    assert consent.isVisible() and basket.isVisible()
    qtbot.mouseClick(consent, Qt.MouseButton.LeftButton)
    dialog = tablet.findChild(ConsentPreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_escape_goes_back_too(qtbot, tablet: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert tablet.open_customer(HOOPS)
    assert tablet.customer.isVisible() and not tablet.search.isVisible()
    tablet.panes.back_button.setFocus()
    qtbot.keyClick(tablet.panes.back_button, Qt.Key.Key_Escape)
    assert tablet.search.isVisible()


def test_controls_are_finger_sized(tablet: MainWindow) -> None:
    assert tablet.open_customer(HOOPS)
    lh = QFontMetrics(QApplication.font()).height()
    minimum = touch_height(QFontMetrics(QApplication.font()))
    assert minimum >= MIN_LINES * lh
    controls = [
        w
        for w in tablet.findChildren(QAbstractButton) + tablet.findChildren(QLineEdit)
        if w.isVisible()
    ]
    assert len(controls) > 8  # back, log, channel filters, outbox...
    small = {
        w.objectName() or type(w).__name__: w.height() for w in controls if w.height() < minimum
    }
    assert not small, f"smaller than {minimum} px: {small}"
    tabs = tablet.customer.tabs.findChild(QTabBar)
    assert tabs.tabRect(0).height() >= minimum
    tablet.show_search_pane()
    assert tablet.search.box.height() >= minimum
    rows = tablet.search.results
    assert tablet.search.model.rowCount() == 0 or rows.sizeHintForRow(0) >= minimum


def test_the_timeline_scrolls_with_a_drag(tablet: MainWindow) -> None:
    timeline = tablet.findChild(QAbstractItemView, "timelineList")
    assert QScroller.hasScroller(timeline.viewport())
    assert QScroller.hasScroller(tablet.search.results.viewport())


def test_a_drag_on_the_timeline_scrolls_it(qtbot, tablet: MainWindow, reader) -> None:  # type: ignore[no-untyped-def]
    busiest = reader.execute(
        "SELECT customer_id FROM interaction GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    assert tablet.open_customer(busiest)
    timeline = tablet.findChild(QAbstractItemView, "timelineList")
    bar = timeline.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    scroller = QScroller.scroller(timeline.viewport())
    scroller.scrollTo(QPoint(0, min(bar.maximum(), 200)), 0)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)


def test_tablet_off_keeps_the_desktop_splitter(qtbot, reader: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, reader, tablet=False)
    splitter = win.centralWidget()
    assert isinstance(splitter, QSplitter)
    assert win.panes is None
    # The customer's side holds the call strip above the customer 360.
    assert splitter.widget(0) is win.search and splitter.widget(1) is win.customer_pane
    assert win.customer.parentWidget() is win.customer_pane
    assert win.search.isVisible() and win.customer.isVisible()
    assert win.open_customer(HOOPS)
    assert win.search.isVisible() and win.customer.isVisible()
    assert not QScroller.hasScroller(win.findChild(QAbstractItemView, "timelineList").viewport())
    assert "Ctrl+K" in win.search.box.placeholderText()


def test_the_setting_comes_from_the_environment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "none.toml"
    assert Settings.load(missing, env={}).tablet_mode is False
    assert Settings.load(missing, env={"RAPPORT_TABLET_MODE": "1"}).tablet_mode is True


def test_next_best_action_cards_name_no_keys_on_a_tablet(qtbot, tablet: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert tablet.open_customer(HOOPS)
    actions = [c.go.text() for c in tablet.customer.next_actions.cards() if c.go is not None]
    assert actions and not any("Ctrl" in a for a in actions)
