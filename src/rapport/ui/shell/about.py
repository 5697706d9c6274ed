"""Help > About Rapport: the version, the hub this window talks to, and the licences of what it is
built on (Qt and Qt for Python are used under the LGPL v3, which asks that users be told)."""

from __future__ import annotations

import html

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rapport import __version__
from rapport.ui.common.forms import heading

QT_LICENSING_URL = "https://www.qt.io/licensing/open-source-lgpl-obligations"
LGPL_URL = "https://www.gnu.org/licenses/lgpl-3.0.html"


class AboutDialog(QDialog):
    def __init__(self, hub_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Rapport"))
        lh = self.fontMetrics().height()

        logo = QLabel(self)
        logo.setPixmap(QGuiApplication.windowIcon().pixmap(lh * 4, lh * 4))
        logo.setAccessibleName(self.tr("Rapport logo"))
        name = heading(
            self.tr("Rapport {version}").format(version=__version__), self, name="aboutVersion",
            scale=1.5,
        )  # fmt: skip
        tagline = QLabel(self.tr("The agent's single view of the customer."), self)
        hub = QLabel(
            self.tr("Hub: {address}").format(address=hub_url) if hub_url else self.tr("Hub: none"),
            self,
        )
        hub.setObjectName("aboutHub")
        hub.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        built = self.tr(
            "Built with Qt {qt} and Qt for Python (PySide6) {pyside}, used under the "
            '<a href="{lgpl}">GNU LGPL version 3</a> (<a href="{qt_url}">what that means</a>). '
            "Icons are Rapport's own."
        ).format(
            qt=html.escape(qVersion()),
            pyside=html.escape(PySide6.__version__),
            lgpl=LGPL_URL,
            qt_url=QT_LICENSING_URL,
        )
        licences = QLabel(built, self)
        licences.setObjectName("aboutLicences")
        licences.setWordWrap(True)
        licences.setTextFormat(Qt.TextFormat.RichText)
        licences.setOpenExternalLinks(True)
        licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        about_qt = QPushButton(self.tr("About &Qt"), self)
        about_qt.setObjectName("aboutQt")
        about_qt.clicked.connect(QApplication.aboutQt)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(about_qt, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.setSpacing(lh // 2)
        for widget in (name, tagline, hub, licences):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(lh)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def text(self) -> str:
        """Everything the dialog says (tests, accessibility)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel) if label.text())
