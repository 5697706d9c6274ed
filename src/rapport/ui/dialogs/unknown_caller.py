"""No customer on this computer has the calling number. Creating a customer from Rapport is not
in the sync protocol yet, so the panel offers what an agent can do now: search every customer on
the hub for the number, search this computer by name (the caller may use another phone), or copy
the number to paste elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rapport.ui.format import scaled_font
from rapport.ui.theme import muted


class UnknownCallerPanel(QDialog):
    search_hub = Signal(str)  # the E.164 number
    search_by_name = Signal()

    def __init__(self, e164: str, shown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unknownCaller")
        self.setWindowTitle(f"Unknown caller — {shown}")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.e164 = e164
        title = QLabel("Unknown caller", self)
        title.setObjectName("unknownCallerTitle")
        font = scaled_font(title.font(), 1.4)
        font.setBold(True)
        title.setFont(font)
        self.number = QLabel(shown, self)
        self.number.setObjectName("unknownNumber")
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if shown != e164:
            self.number.setToolTip(e164)
        note = QLabel(
            "No customer on this computer has this number. Search every customer on the hub, or "
            "ask the caller's name. Creating a customer from Rapport is not available yet.",
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {muted(self.palette()).name()}")
        self.hub_button = QPushButton("Search the &hub for this number", self)
        self.hub_button.setObjectName("unknownSearchHub")
        self.hub_button.setDefault(True)
        self.name_button = QPushButton("Search by &name", self)
        self.name_button.setObjectName("unknownSearchName")
        self.copy_button = QPushButton("&Copy number", self)
        self.copy_button.setObjectName("unknownCopy")
        self.hub_button.clicked.connect(self._search_hub)
        self.name_button.clicked.connect(self._search_by_name)
        self.copy_button.clicked.connect(self.copy_number)
        buttons = QHBoxLayout()
        for b in (self.hub_button, self.name_button, self.copy_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.number)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.hub_button.setFocus()

    def copy_number(self) -> None:
        QGuiApplication.clipboard().setText(self.e164)
        self.copy_button.setText("Copied")

    def _search_hub(self) -> None:
        self.search_hub.emit(self.e164)
        self.accept()

    def _search_by_name(self) -> None:
        self.search_by_name.emit()
        self.accept()
