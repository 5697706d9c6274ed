"""The message under a form field that was refused: hidden until there is something to say."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from rapport.ui.theme import warning


class FieldError(QLabel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.hide()
        self._recolor()

    def _recolor(self) -> None:
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.WindowText, warning(pal))
        self.setPalette(pal)

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        # A theme switch (dark mode) recomputes the warning colour against the new palette.
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._recolor()
        super().changeEvent(event)
