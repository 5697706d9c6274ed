"""Sign-in: hub address, user name, password. The network call runs off the UI thread."""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rapport.domain.hub_address import plain_http_warning
from rapport.sync.client import AuthRequired, HubClient, HubError, LoginResult
from rapport.ui.common.background import run_task


def check_hub_url(text: str) -> str | None:
    """An error message, or None when the address looks usable."""
    url = urlparse(text.strip())
    if url.scheme not in ("http", "https") or not url.netloc:
        return QCoreApplication.translate(
            "SignInDialog", "Enter the hub address, for example https://rapport.example.com"
        )
    return None


class SignInDialog(QDialog):
    def __init__(
        self,
        hub_url: str = "",
        username: str = "",
        message: str = "",
        parent: QWidget | None = None,
        allow_plain_http: bool = False,
    ) -> None:
        super().__init__(parent)
        self._allow_plain_http = allow_plain_http
        self.setWindowTitle(self.tr("Sign in to Rapport"))
        self.result_login: LoginResult | None = None
        self.hub = QLineEdit(hub_url, self)
        self.hub.setObjectName("hubUrl")
        self.user = QLineEdit(username, self)
        self.user.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(message, self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(link);")
        # Plain http to another machine: said while the address is typed, before the password.
        self.hub_warning = QLabel(self)
        self.hub_warning.setObjectName("hubWarning")
        self.hub_warning.setWordWrap(True)
        self.hub.textChanged.connect(self._warn_about_address)
        form = QFormLayout()
        form.addRow(self.tr("&Hub address"), self.hub)
        form.addRow(self.tr("&User name"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hub_warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._warn_about_address(hub_url)
        (
            self.password if hub_url and username else self.hub if not hub_url else self.user
        ).setFocus()

    def _warn_about_address(self, text: str) -> None:
        warning = plain_http_warning(text, self._allow_plain_http)
        self.hub_warning.setText(f"⚠ {warning}" if warning else "")
        self.hub_warning.setVisible(warning is not None)

    def _submit(self) -> None:
        problem = check_hub_url(self.hub.text())
        if problem is None and not self.user.text().strip():
            problem = self.tr("Enter your user name.")
        if problem is None and not self.password.text():
            problem = self.tr("Enter your password.")
        if problem:
            self.error.setText(problem)
            return
        self.error.setText(self.tr("Signing in…"))
        self.buttons.setEnabled(False)
        url, user, pw = self.hub.text().strip(), self.user.text().strip(), self.password.text()

        async def login() -> LoginResult:
            async with HubClient(url) as client:
                return await client.login(user, pw)

        run_task(lambda: asyncio.run(login()), self._done, self._failed)

    def _done(self, result: LoginResult) -> None:
        self.result_login = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, AuthRequired):
            self.error.setText(self.tr("Wrong user name or password."))
        elif isinstance(exc, HubError):
            self.error.setText(str(exc))
        else:
            self.error.setText(
                self.tr("Sign-in failed: {reason}").format(reason=type(exc).__name__)
            )
