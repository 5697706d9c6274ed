"""The message under a form field that was refused: hidden until there is something to say."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from rapport.ui.common.theme import warning


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


class FieldErrors:
    """A form's error labels by field, and one under the form for what belongs to no field: showing
    an error puts the cursor in the field to correct."""

    def __init__(
        self,
        labels: dict[str, FieldError],
        general: FieldError,
        widgets: dict[str, QWidget],
    ) -> None:
        self.labels = labels
        self.general = general
        self.widgets = widgets

    def show(self, field: str, message: str) -> None:
        label = self.labels.get(field)
        if label is None:
            self.general.show_error(message)
            return
        label.show_error(message)
        widget = self.widgets.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for label in (*self.labels.values(), self.general):
            label.show_error("")

    def text(self, field: str) -> str:
        """The error shown for ``field`` (``""`` for the one under the form), or ``""``."""
        label = self.labels.get(field, self.general)
        return "" if label.isHidden() else label.text()
