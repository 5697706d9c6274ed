"""No customer on this computer has the calling number: create one with the number filled in
(Enter), search every customer on the hub for it, search this computer by name (the caller may use
another phone), or copy the number."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rapport.ui.common.format import scaled_font
from rapport.ui.common.theme import muted


class UnknownCallerPanel(QDialog):
    search_hub = Signal(str)  # the E.164 number
    search_by_name = Signal()
    new_customer = Signal(str)  # the E.164 number

    def __init__(self, e164: str, shown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unknownCaller")
        self.setWindowTitle(self.tr("Unknown caller — {number}").format(number=shown))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.e164 = e164
        title = QLabel(self.tr("Unknown caller"), self)
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
            self.tr(
                "No customer on this computer has this number. Create a customer with it, search "
                "every customer on the hub, or ask the caller's name."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {muted(self.palette()).name()}")
        self.new_button = QPushButton(self.tr("&New customer…"), self)
        self.new_button.setObjectName("unknownNewCustomer")
        self.new_button.setDefault(True)
        self.hub_button = QPushButton(self.tr("Search the &hub"), self)
        self.hub_button.setObjectName("unknownSearchHub")
        self.name_button = QPushButton(self.tr("Search by &name"), self)
        self.name_button.setObjectName("unknownSearchName")
        self.copy_button = QPushButton(self.tr("&Copy number"), self)
        self.copy_button.setObjectName("unknownCopy")
        self.new_button.clicked.connect(self._new_customer)
        self.hub_button.clicked.connect(self._search_hub)
        self.name_button.clicked.connect(self._search_by_name)
        self.copy_button.clicked.connect(self.copy_number)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.hub_button, self.name_button, self.copy_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.number)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.hub_button.setToolTip(self.tr("Search every customer on the hub for this number"))
        self.setMinimumWidth(
            max(self.fontMetrics().averageCharWidth() * 60, layout.sizeHint().width())
        )
        self.new_button.setFocus()

    def copy_number(self) -> None:
        QGuiApplication.clipboard().setText(self.e164)
        self.copy_button.setText(self.tr("Copied"))

    def _new_customer(self) -> None:
        self.new_customer.emit(self.e164)
        self.accept()

    def _search_hub(self) -> None:
        self.search_hub.emit(self.e164)
        self.accept()

    def _search_by_name(self) -> None:
        self.search_by_name.emit()
        self.accept()
