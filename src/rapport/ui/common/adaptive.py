"""Widgets that give up words before they give up room: a row of tool buttons that drops to icons
(each keeping its words as tooltip and accessible name) when the window is narrow, and a label that
elides instead of pushing its neighbours out of the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

_TEXT = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
_ICON = Qt.ToolButtonStyle.ToolButtonIconOnly


class ButtonStrip(QWidget):
    """Tool buttons in a row, aligned left or right. With room for all their words they show icon
    and words; without, icons only. The choice follows the strip's own width, which its layout gives
    it whatever the buttons show (it is Expanding, its minimum is the icons-only row), so it cannot
    flip back and forth."""

    def __init__(self, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._buttons: list[QToolButton] = []
        self._full_width: int | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(max(2, self.fontMetrics().height() // 4))
        self._align = align
        self._layout.addStretch(1)  # buttons go after it (right-aligned) or before it (left)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.compact = False

    @property
    def buttons(self) -> list[QToolButton]:
        return list(self._buttons)

    def add_action(self, action: QAction, name: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(name or f"strip-{action.objectName()}")
        button.setAccessibleName(action.iconText())
        self.add_button(button)
        return button

    def add_button(self, button: QToolButton) -> None:
        button.setParent(self)
        button.setAutoRaise(False)
        button.setToolButtonStyle(_ICON if self.compact else _TEXT)
        if not button.accessibleName():
            button.setAccessibleName(button.text())
        self._buttons.append(button)
        index = (
            self._layout.count() - 1
            if self._align == Qt.AlignmentFlag.AlignLeft
            else self._layout.count()
        )
        self._layout.insertWidget(index, button)
        self._full_width = None
        self.updateGeometry()

    def _widths(self, style: Qt.ToolButtonStyle) -> int:
        shown = [b for b in self._buttons if not b.isHidden()]
        total = 0
        for b in shown:
            before = b.toolButtonStyle()
            b.setToolButtonStyle(style)
            total += b.sizeHint().width()
            b.setToolButtonStyle(before)
        return total + self._layout.spacing() * max(0, len(shown) - 1)

    def full_width(self) -> int:
        """The row with every button's words."""
        if self._full_width is None:
            self._full_width = self._widths(_TEXT)
        return self._full_width

    def sizeHint(self) -> QSize:
        height = max((b.sizeHint().height() for b in self._buttons), default=0)
        return QSize(self.full_width(), height)

    def minimumSizeHint(self) -> QSize:
        height = max((b.sizeHint().height() for b in self._buttons), default=0)
        return QSize(self._widths(_ICON), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        compact = width < self.full_width()
        if compact == self.compact and all(
            b.toolButtonStyle() == (_ICON if compact else _TEXT) for b in self._buttons
        ):
            return
        self.compact = compact
        for b in self._buttons:
            b.setToolButtonStyle(_ICON if compact else _TEXT)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._full_width = None
            self.updateGeometry()
        super().changeEvent(event)


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when it does not fit; the whole text is in the
    tooltip and the accessible name. It asks for no width of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.text():
            super().setText(shown)
