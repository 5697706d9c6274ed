"""The search results' delegate and column: the name in bold, the phone and email underneath in the
regular font and elided to the row, rows as tall as two lines of the user's font, and a column
the agent can widen that grows with the window."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QSplitter, QStyleOptionViewItem

from rapport.ui.common import format as fmt
from rapport.ui.search.panel import SearchHitDelegate, SearchPanel
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW


@pytest.fixture
def panel(qtbot, reader: sqlite3.Connection) -> SearchPanel:  # type: ignore[no-untyped-def]
    widget = SearchPanel(reader)
    qtbot.addWidget(widget)
    widget.resize(400, 600)
    widget.show()
    widget.model.set_query("mar")
    assert widget.model.rowCount() > 3
    return widget


def _option(panel: SearchPanel, font: QFont, width: int = 240) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(panel.results)
    option.font = QFont(font)
    option.widget = panel.results
    option.rect = QRect(0, 0, width, 80)
    return option


@pytest.mark.parametrize("scale", [1.0, 1.6])
def test_the_delegate_leaves_the_options_font_alone(panel: SearchPanel, scale: float) -> None:
    delegate = panel.results.itemDelegate()
    assert isinstance(delegate, SearchHitDelegate)
    font = fmt.scaled_font(panel.results.font(), scale)
    option = _option(panel, font)
    index = panel.model.index(0, 0)
    image = QImage(240, 80, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    delegate.sizeHint(option, index)
    # The second line is drawn in this font: a bold leftover would widen it past its elision.
    assert not option.font.bold()
    assert option.font == font


@pytest.mark.parametrize("scale", [1.0, 1.6])
def test_rows_are_two_lines_of_the_users_font_tall(panel: SearchPanel, scale: float) -> None:
    delegate = panel.results.itemDelegate()
    font = fmt.scaled_font(panel.results.font(), scale)
    option = _option(panel, font)
    hint = delegate.sizeHint(option, panel.model.index(0, 0))
    bold = QFont(font)
    bold.setBold(True)
    two_lines = QFontMetrics(bold).height() + QFontMetrics(font).height()
    assert hint.height() >= two_lines + QFontMetrics(font).height() // 2


def test_the_results_column_grows_with_the_window_and_can_be_widened(  # type: ignore[no-untyped-def]
    qtbot, reader: sqlite3.Connection
) -> None:
    win = MainWindow(reader, now=lambda: FIXED_NOW)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    splitter = win.centralWidget()
    assert isinstance(splitter, QSplitter) and splitter.widget(0) is win.search
    win.resize(1024, 768)
    qtbot.waitUntil(lambda: win.width() == 1024, timeout=2000)
    before = win.search.width()
    win.resize(1900, 768)
    qtbot.waitUntil(lambda: win.search.width() > before, timeout=2000)
    # The agent drags the handle to give the results more room.
    sizes = splitter.sizes()
    splitter.moveSplitter(sizes[0] + 200, 1)
    assert splitter.sizes()[0] >= sizes[0] + 150
    assert win.search.results.viewport().width() > before
    win.detach()
