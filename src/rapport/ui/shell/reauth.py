"""When the hub says the token is no longer good (401), ask the person to sign in again, once,
without closing anything: the outbox keeps every pending write meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from rapport.sync.client import LoginResult
from rapport.sync.engine import SyncStatus

# Returns the new login, or None when the person chose to stay signed out for now.
AskLogin = Callable[[str], LoginResult | None]


class Reauthenticator(QObject):
    def __init__(
        self,
        ask: AskLogin,
        set_token: Callable[[str], None],
        remember: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ask = ask
        self._set_token = set_token
        self._remember = remember
        self._asking = False
        self._declined = False

    def on_status(self, status: SyncStatus) -> None:
        if status.state != "signin":
            self._declined = False
            return
        if self._asking or self._declined:
            return
        self._asking = True
        # Not from inside the signal: the dialog's own event loop must not nest in a slot.
        QTimer.singleShot(0, lambda: self._prompt(status.message))

    def _prompt(self, message: str) -> None:
        try:
            login = self._ask(message or self.tr("Your sign-in has expired."))
        finally:
            self._asking = False
        if login is None:
            self._declined = True  # the status bar keeps saying so; no nagging loop
            return
        if self._remember is not None:
            self._remember(login.token)
        self._set_token(login.token)
