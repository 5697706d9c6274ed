"""A 401 asks the person to sign in again once, hands the new token to sync, and never loops."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from rapport.sync.client import LoginResult
from rapport.sync.engine import SyncStatus
from rapport.ui.shell.reauth import Reauthenticator


def test_signin_state_prompts_once_and_passes_the_token(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    tokens: list[str] = []
    remembered: list[str] = []

    def ask(message: str) -> LoginResult | None:
        asked.append(message)
        return LoginResult("new-token", "2026-12-01T00:00:00Z", {"username": "agent"})

    r = Reauthenticator(ask, tokens.append, remembered.append)
    r.on_status(SyncStatus(state="signin", message="token expired"))
    r.on_status(SyncStatus(state="signin", message="token expired"))  # a repeat while asking
    qtbot.waitUntil(lambda: tokens == ["new-token"])
    assert asked == ["token expired"] and remembered == ["new-token"]


def test_declining_stops_asking_until_the_next_expiry(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    r = Reauthenticator(lambda m: asked.append(m), lambda t: None)  # type: ignore[arg-type,func-returns-value]
    r.on_status(SyncStatus(state="signin"))
    qtbot.waitUntil(lambda: len(asked) == 1)
    r.on_status(SyncStatus(state="signin"))
    # A prompt is queued as a zero timer; one queued after it runs after it: then none came.
    flushed: list[bool] = []
    QTimer.singleShot(0, lambda: flushed.append(True))
    qtbot.waitUntil(lambda: flushed == [True])
    assert len(asked) == 1
    r.on_status(SyncStatus(state="online"))
    r.on_status(SyncStatus(state="signin"))
    qtbot.waitUntil(lambda: len(asked) == 2)
