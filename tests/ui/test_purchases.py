"""The Purchases tab at a 1366-pixel-wide window: product names whole (the other columns give way
first), and a thumbnail for every product line drawn from its category (the demo catalog has no
photos)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.customer.orders_model import OrderColumn, OrderRole, OrdersModel
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]


@pytest.fixture
def window(qtbot, reader: sqlite3.Connection) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(reader, now=lambda: FIXED_NOW)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    assert win.open_customer(HOOPS)
    win.customer.tabs.setCurrentWidget(win.customer.purchases)
    yield win
    win.detach()


def _lines(model: OrdersModel) -> list[QModelIndex]:
    out = []
    for row in range(model.rowCount()):
        order = model.index(row, 0)
        out += [model.index(r, OrderColumn.Item, order) for r in range(model.rowCount(order))]
    return out


def test_product_names_are_whole_at_1366(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tree = window.customer.purchases.tree
    qtbot.waitUntil(lambda: tree.viewport().width() > 0, timeout=2000)
    brooks = [i for i in _lines(tree.model()) if str(i.data()).startswith("Brooks")]
    assert brooks, "Lucas Martin bought Brooks running shoes"
    fm = QFontMetrics(tree.font())
    for index in brooks:
        rect = tree.visualRect(index)
        needed = (
            fm.horizontalAdvance(index.data()) + tree.iconSize().width() + fm.averageCharWidth()
        )
        assert rect.width() >= needed, (index.data(), rect.width(), needed)
        assert rect.right() <= tree.viewport().width()  # on screen, no sideways scrolling
    # The other columns are still there, just not wider than they need.
    for column in (OrderColumn.Date, OrderColumn.Amount):
        assert tree.columnWidth(column) >= fm.horizontalAdvance(
            tree.model().index(0, column).data()
        )


def test_product_lines_have_a_picture(window: MainWindow) -> None:
    model = window.customer.orders_model
    lines = _lines(model)
    assert lines
    for index in lines:
        image = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(image, QIcon | QPixmap) and not image.isNull(), index.data()
    # Order rows carry their number, not a product picture.
    assert model.index(0, OrderColumn.Item).data(Qt.ItemDataRole.DecorationRole) is None
    # Categories look different from one another; an unknown one still gets a neutral picture.
    from rapport.ui.common.product_images import product_pixmap

    palette = QApplication.palette()
    shoes = product_pixmap("Running shoes", 32, palette).toImage()
    hoops = product_pixmap("Basketball hoops", 32, palette).toImage()
    other = product_pixmap("Something new", 32, palette)
    assert shoes != hoops and not other.isNull()
    line = lines[0].data(OrderRole.Line)
    assert line.category  # the catalog's, looked up for the page
