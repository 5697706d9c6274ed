"""Tablet mode's look, for store associates working with a finger: touch-sized controls and
drag-to-scroll.

The look is app-wide (:func:`touch_style` through :func:`rapport.ui.common.theme.apply_theme`): a
font one step larger and a proxy style that gives every button, field, tab and plain list row at
least :func:`touch_height`; :func:`row_height` is what a widget that sizes its own rows asks. The
layout of tablet mode, one pane at a time, is the shell's
(:class:`rapport.ui.shell.tablet_panes.TabletPanes`)."""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QPlainTextEdit,
    QScroller,
    QScrollerProperties,
    QStyle,
    QStyledItemDelegate,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionViewItem,
    QTextEdit,
    QWidget,
)

from rapport.ui.common.style import AppStyle

FONT_STEP = 1.2  # tablet text is one step larger than the desktop's
# A fingertip target: 2.75 lines of the tablet font, the 44 px of the touch guidelines at a 16 px
# line, and never less than 1.5 lines whatever the font.
TOUCH_LINES = 2.75
MIN_LINES = 1.5

_TOUCH_CONTENTS = frozenset(
    {
        QStyle.ContentsType.CT_PushButton,
        QStyle.ContentsType.CT_ToolButton,
        QStyle.ContentsType.CT_LineEdit,
        QStyle.ContentsType.CT_ComboBox,
        QStyle.ContentsType.CT_SpinBox,
        QStyle.ContentsType.CT_CheckBox,
        QStyle.ContentsType.CT_RadioButton,
        QStyle.ContentsType.CT_TabBarTab,
        QStyle.ContentsType.CT_ItemViewItem,
        QStyle.ContentsType.CT_MenuItem,  # the tablet's Menu button opens a menu of these
    }
)


def touch_height(metrics: QFontMetrics) -> int:
    """The smallest height of anything a finger must hit, from the font's line height."""
    lh = metrics.height()
    return max(math.ceil(lh * TOUCH_LINES), math.ceil(lh * MIN_LINES))


def row_height(widget: QWidget, lines: float) -> int:
    """The height of an item view's row or chip the widget sets itself: ``lines`` of its font, and
    never less than the style gives an item (a fingertip in tablet mode, where a row set by hand
    would otherwise stay desktop-sized)."""
    lh = widget.fontMetrics().height()
    item = widget.style().sizeFromContents(
        QStyle.ContentsType.CT_ItemViewItem, QStyleOptionViewItem(), QSize(0, lh), widget
    )
    return max(round(lh * lines), item.height())


def tablet_font(font: QFont) -> QFont:
    larger = QFont(font)
    if font.pointSizeF() > 0:
        larger.setPointSizeF(font.pointSizeF() * FONT_STEP)
    elif font.pixelSize() > 0:
        larger.setPixelSize(max(1, round(font.pixelSize() * FONT_STEP)))
    return larger


class TouchStyle(AppStyle):
    """The app's style with finger-sized controls; an item view opens what it is tapped on (one
    tap, as on every touch platform, not a double click)."""

    def __init__(self, touch: int) -> None:
        super().__init__()
        self.touch = touch
        self._line = max(1, round(touch / TOUCH_LINES))

    def sizeFromContents(
        self,
        contents: QStyle.ContentsType,
        option: QStyleOption | None,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        result = super().sizeFromContents(contents, option, size, widget)
        if contents in _TOUCH_CONTENTS and result.height() < self.touch:
            result.setHeight(self.touch)
        if contents == QStyle.ContentsType.CT_TabBarTab:
            # A little taller than a button: a corner widget beside the tabs (the 360's "Log
            # interaction…") is given the tab bar's height less its frame, and stays touch-sized.
            result.setHeight(max(result.height(), self.touch + self._line // 4))
            result.setWidth(result.width() + self._line)
        return result

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric in (
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        ):
            return max(base, round(self._line * 1.1))
        if metric == QStyle.PixelMetric.PM_ScrollBarExtent:
            return max(base, round(self._line * 0.75))
        return base

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
            return 1
        return super().styleHint(hint, option, widget, returnData)


def touch_style(font: QFont) -> TouchStyle:
    return TouchStyle(touch_height(QFontMetrics(font)))


class RoomierRows(QStyledItemDelegate):
    """Another list's delegate with more room above and below each row, for a finger to land on
    (and for the eye: rows on a tablet sit further apart)."""

    def __init__(
        self, inner: QStyledItemDelegate, extra: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.inner = inner
        self.extra = extra

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = self.inner.sizeHint(option, index)
        return QSize(size.width(), size.height() + self.extra)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:  # the selection covers the whole, taller row
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        inner = QStyleOptionViewItem(option)
        half = self.extra // 2
        inner.rect = option.rect.adjusted(0, half, 0, half - self.extra)  # type: ignore[attr-defined]
        self.inner.paint(painter, inner, index)


def roomier_rows(view: QAbstractItemView, extra: int) -> None:
    delegate = view.itemDelegate()
    if isinstance(delegate, QStyledItemDelegate) and not isinstance(delegate, RoomierRows):
        view.setItemDelegate(RoomierRows(delegate, extra, view))


def enable_kinetic_scrolling(root: QWidget) -> list[QAbstractScrollArea]:
    """A finger (or mouse) drag scrolls every scrollable view under ``root`` and flicks on.
    Editable text stays as it is: there a drag selects text."""
    grabbed = []
    for area in root.findChildren(QAbstractScrollArea):
        if isinstance(area, QTextEdit | QPlainTextEdit) and not area.isReadOnly():
            continue
        if isinstance(area, QAbstractItemView):
            area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        viewport = area.viewport()
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        props = scroller.scrollerProperties()
        # No rubber band past the ends of a list: it reads as a glitch in a business app.
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
        scroller.setScrollerProperties(props)
        grabbed.append(area)
    return grabbed
