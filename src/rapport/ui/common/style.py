"""The app's style: Fusion everywhere, with the app's own icons where a style would hand out its stock
ones (dialog buttons), and a focus ring that can be seen on every control.

Fusion alone marks the focused control faintly or not at all (a flat tool button, a list), which
leaves a keyboard user guessing. :class:`FocusRing` follows the application's focus and draws a ring
in the palette's highlight colour around whatever has it, outside the control so it hides nothing.
"""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from rapport.ui.common import icons

_SP = QStyle.StandardPixmap
# Stock pixmaps a dialog asks the style for, and the app's icon that replaces each.
_DIALOG_ICONS = {
    _SP.SP_DialogOkButton: "ok",
    _SP.SP_DialogSaveButton: "save",
    _SP.SP_DialogApplyButton: "ok",
    _SP.SP_DialogYesButton: "ok",
    _SP.SP_DialogCancelButton: "close",
    _SP.SP_DialogCloseButton: "close",
    _SP.SP_DialogNoButton: "close",
    _SP.SP_DialogDiscardButton: "close",
    _SP.SP_DialogAbortButton: "close",
    _SP.SP_DialogHelpButton: "help",
    _SP.SP_MessageBoxInformation: "about",
    _SP.SP_MessageBoxQuestion: "help",
    _SP.SP_MessageBoxWarning: "alert",
    _SP.SP_MessageBoxCritical: "alert",
}


def ring_width(font: QFont | None = None) -> int:
    """The focus ring's stroke: an eighth of a line, never under 2 px (visible on any screen)."""
    metrics = QFontMetrics(font if font is not None else QApplication.font())
    return max(2, math.ceil(metrics.height() / 8))


class AppStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__("Fusion")

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        name = _DIALOG_ICONS.get(standardIcon)
        if name is None:
            return super().standardIcon(standardIcon, option, widget)
        palette = widget.palette() if widget is not None else QApplication.palette()
        return icons.icon(name, palette)

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1  # the app's icons on every desktop, not the platform's on some
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1  # the ring over neighbours that touch the control (a row of buttons)
        return super().styleHint(hint, option, widget, returnData)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return ring_width(widget.font() if widget is not None else None) + 1
        return super().pixelMetric(metric, option, widget)


class RingFrame(QFocusFrame):
    """The ring itself, around one control. Mouse clicks go through it (QFocusFrame is
    transparent to them) and it is masked to the ring, so it never covers the control."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusRing")

    def paintEvent(self, _event: QPaintEvent) -> None:
        target = self.widget()
        if target is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = ring_width(target.font())
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        p.setPen(QPen(color, width))
        p.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        rect = QRectF(self.rect()).adjusted(half, half, -half, -half)
        radius = min(rect.height() / 2, width * 2.5)
        p.drawRoundedRect(rect, radius, radius)


class FocusRing(QObject):
    """One ring for the whole application; it moves to whatever control has the keyboard focus.
    The frame lives in the focused control's window, so it goes when that window is deleted (a
    dialog closed for good): a new one is made at the next focus change."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._frame: RingFrame | None = None
        app.focusChanged.connect(self._focus_changed)

    def frame(self) -> RingFrame | None:
        """The ring now on screen, if any."""
        if self._frame is not None and not shiboken6.isValid(self._frame):
            self._frame = None
        return self._frame

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        frame = self.frame()
        if new is None or new.isWindow() or isinstance(new, QFocusFrame):
            if frame is not None:
                frame.setWidget(None)  # type: ignore[arg-type]
            return
        if frame is None:
            frame = self._frame = RingFrame()
        frame.setWidget(new)


def install_focus_ring(app: QApplication | None = None) -> FocusRing:
    """The application's focus ring, made on the first call."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    ring = app.findChild(FocusRing)
    return ring if ring is not None else FocusRing(app)
