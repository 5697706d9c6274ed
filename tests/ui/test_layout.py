"""The main window on small and common screens: at 1024x600 (a small laptop, a netbook-class
tablet) and 1366x768 nothing is cut off: every visible widget lies inside the window (what sits in a
scroll area may run past its bottom, never past its sides), and the controls an agent needs (the
search box, the customer's action strip, the status bar) are on screen. The window fills its screen
at start; the header's details collapse and the choice is remembered."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QToolButton,
    QWidget,
)

from rapport.config import Settings
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.shell.main_window import MainWindow, header_starts_collapsed
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]
SIZES = [(1024, 600), (1366, 768), (1920, 1080)]


def _window(qtbot, reader, writes=None, size=(1366, 768), settings_path=None) -> MainWindow:  # type: ignore[no-untyped-def]
    kwargs = {"settings_path": settings_path} if settings_path is not None else {}
    win = MainWindow(reader, writes=writes, region="FR", now=lambda: FIXED_NOW, **kwargs)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _scroll_viewport(widget: QWidget, top: QWidget) -> QWidget | None:
    """The viewport of the scroll area ``widget`` sits in (under ``top``), if any."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        parent = area
    return None


def cut_off(win: QWidget) -> list[str]:
    """Every visible widget that is not wholly inside the window (or, inside a scroll area, that
    runs past its viewport's sides: content may scroll down, never sideways)."""
    bounds = win.rect()
    out = []
    for child in win.findChildren(QWidget):
        if not child.isVisible() or child.isWindow() or isinstance(child, QFocusFrame):
            continue  # dialogs are windows of their own; the focus ring is a decoration
        rect = _rect_in(child, win)
        viewport = _scroll_viewport(child, win)
        if viewport is not None:
            port = _rect_in(viewport, win)
            ok = port.left() <= rect.left() and rect.right() <= port.right()
        else:
            ok = bounds.contains(rect)
        if not ok:
            out.append(f"{type(child).__name__} {child.objectName()!r} at {rect.getRect()}")
    return out


def on_screen(win: QWidget, widget: QWidget) -> bool:
    return widget.isVisible() and win.rect().contains(_rect_in(widget, win))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("collapsed", [False, True], ids=["details", "collapsed"])
def test_nothing_is_cut_off(qtbot, reader: sqlite3.Connection, writes, size, collapsed) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, reader, writes, size)
    assert (win.width(), win.height()) == size  # the window's minimum fits the screen
    assert cut_off(win) == []  # the start page
    assert win.open_customer(HOOPS)
    win.start_call(HOOPS, "+33612345678")
    win.customer.header.set_collapsed(collapsed)
    QApplication.processEvents()
    assert (win.width(), win.height()) == size
    assert cut_off(win) == []
    for control in (
        win.search.box,
        win.menuBar(),
        win.statusBar(),
        win.status.label,
        win.status.outbox,
        win.call_strip.wrap_up,
        win.customer.timeline.list,
    ):
        assert on_screen(win, control), control.objectName()
    strip = [
        win.findChild(QToolButton, f"strip-action-{k}")
        for k in ("log", "basket", "consent", "appointment")
    ]
    assert all(b is not None and on_screen(win, b) for b in strip)
    # Narrow: the strip keeps its icons and drops its words, which stay in tooltips.
    if size[0] < 1280 and collapsed:
        assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly for b in strip)
        assert all("Ctrl+" in b.toolTip() for b in strip)


def test_wide_strip_shows_words(qtbot, reader, writes) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, reader, writes, (1920, 1080))
    assert win.open_customer(HOOPS)
    QApplication.processEvents()
    log = win.findChild(QToolButton, "strip-action-log")
    assert log is not None and log.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert log.text() == "Log call"


def test_the_window_fills_the_screen_at_start(qtbot, reader) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(reader, region="FR", now=lambda: FIXED_NOW)
    qtbot.addWidget(win)
    win.fit_to_screen()
    qtbot.waitExposed(win)
    available = win.screen().availableGeometry()
    assert win.isMaximized()
    # Offscreen adds a frame of its own, inside or outside the area depending on the order of
    # events: the window or its frame is the screen's available area.
    assert available.size() in (win.size(), win.frameGeometry().size())


def test_the_header_collapses_and_is_remembered(qtbot, reader, writes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = tmp_path / "settings.toml"
    settings.write_text('customer_header = "expanded"\nregion = "FR"\n', encoding="utf-8")
    win = _window(qtbot, reader, writes, (1366, 768), settings_path=settings)
    assert win.open_customer(HOOPS)
    header = win.customer.header
    assert not header.collapsed and header.chart.isVisible()
    assert win.actions["details"].isChecked()

    qtbot.mouseClick(header.toggle, Qt.MouseButton.LeftButton)
    assert header.collapsed and not header.chart.isVisible() and not header.details.isVisible()
    summary = header.summary
    assert summary.isVisible()
    assert "€612.93" in summary.full_text() and "Email" in summary.full_text()
    assert not win.actions["details"].isChecked()  # the View menu follows
    saved = Settings.load(settings, env={})
    assert saved.customer_header == "collapsed" and saved.region == "FR"  # the rest kept

    again = _window(qtbot, reader, writes, (1366, 768), settings_path=settings)
    assert again.customer.header.collapsed
    qtbot.keyClick(
        again, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not again.customer.header.collapsed
    assert Settings.load(settings, env={}).customer_header == "expanded"


def test_a_short_screen_starts_collapsed() -> None:
    assert header_starts_collapsed("auto", 600) and header_starts_collapsed("auto", 728)
    assert not header_starts_collapsed("auto", 1040)
    assert header_starts_collapsed("collapsed", 1040)
    assert not header_starts_collapsed("expanded", 600)


def test_empty_web_intent_is_one_line(qtbot, reader, writes) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, reader, writes)
    quiet = next(
        cid
        for (cid,) in reader.execute("SELECT id FROM customer ORDER BY id")
        if win.open_customer(cid)
        and win.customer.intent is not None
        and win.customer.intent.last_seen is None
    )
    assert quiet
    banner = win.customer.intent_banner
    QApplication.processEvents()
    assert banner.is_one_line()
    assert banner.sentence.text().startswith("Web intent: No web activity")
    assert not banner.caption.isVisible()
    assert banner.height() <= banner.fontMetrics().height() * 2  # a line, not a box
    assert win.open_customer(HOOPS)
    QApplication.processEvents()
    assert not banner.is_one_line() and banner.caption.isVisible()


def test_buttons_have_no_stock_icons(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """Dialog buttons carry the app's icons (its own SVGs in the palette's colour) on every
    desktop, not a style's floppy disk and red cross on some."""
    from PySide6.QtWidgets import QDialogButtonBox

    from rapport.ui.common import icons
    from rapport.ui.common.theme import apply_theme

    apply_theme(qapp)  # the app's look, as make_app gives it
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(box)
    close = box.button(QDialogButtonBox.StandardButton.Close)
    assert not close.icon().isNull()
    ours = icons.icon("close", close.palette()).pixmap(16).toImage()
    assert close.icon().pixmap(16).toImage() == ours
    save = box.button(QDialogButtonBox.StandardButton.Save)
    assert (
        save.icon().pixmap(16).toImage() == icons.icon("save", save.palette()).pixmap(16).toImage()
    )
