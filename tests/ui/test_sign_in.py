"""Sign-in against a real hub, and where the token goes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import Qt

from rapport.credentials import forget_token, load_token, save_token
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.ui.shell.sign_in import SignInDialog, check_hub_url


@pytest.fixture
def server(tmp_path: Path) -> Iterator[HubServer]:
    hub = Hub.open(database_url(tmp_path))
    hub.add_user("agent", "correct horse", "Alex Moreau", "agent")
    with HubServer(hub) as srv:
        yield srv
    hub.engine.dispose()


def _fill(qtbot, dialog: SignInDialog, url: str, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.hub.clear()
    qtbot.keyClicks(dialog.hub, url)
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_is_said_and_right_one_signs_in(qtbot, server: HubServer) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, server.url, "agent", "wrong")
    qtbot.waitUntil(lambda: dialog.error.text() == "Wrong user name or password.", timeout=10000)
    assert dialog.password.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.keyClicks(dialog.password, "correct horse")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result_login is not None
    assert dialog.result_login.user["display_name"] == "Alex Moreau"


def test_bad_address_and_unreachable_hub_are_explained(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, "not a url", "agent", "pw")
    assert "hub address" in dialog.error.text()
    from rapport.hub.server import free_port

    dialog.password.clear()
    _fill(qtbot, dialog, f"http://127.0.0.1:{free_port()}", "agent", "pw")
    qtbot.waitUntil(lambda: "cannot reach the hub" in dialog.error.text(), timeout=10000)
    assert dialog.buttons.isEnabled()


def test_check_hub_url() -> None:
    assert check_hub_url("https://rapport.example.com") is None
    assert check_hub_url("http://127.0.0.1:8765") is None
    assert check_hub_url("rapport.example.com") is not None
    assert check_hub_url("") is not None


def test_token_goes_to_the_keyring(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    assert save_token("https://hub", "agent", "tok-1") is True
    assert memory_keyring.store == {("rapport", "agent@https://hub"): "tok-1"}
    assert load_token("https://hub/", "agent") == "tok-1"
    forget_token("https://hub", "agent")
    assert load_token("https://hub", "agent") is None


def test_without_a_keyring_the_token_is_not_written_anywhere(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        assert save_token("https://hub", "agent", "tok-2") is False
        assert load_token("https://hub", "agent") is None
    finally:
        keyring.set_keyring(previous)


def test_a_plain_http_hub_elsewhere_is_warned_about_while_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.hub_warning.isVisible()
    qtbot.keyClicks(dialog.hub, "http://hub.corp.example:8765")
    assert dialog.hub_warning.isVisible() and "unencrypted" in dialog.hub_warning.text()
    dialog.hub.clear()
    qtbot.keyClicks(dialog.hub, "https://hub.corp.example")
    assert not dialog.hub_warning.isVisible()
    dialog.hub.clear()
    qtbot.keyClicks(dialog.hub, "http://127.0.0.1:8765")  # this machine: the demo, a local proxy
    assert not dialog.hub_warning.isVisible()
    # Remembered from last time: said at once. IT's allow_plain_http silences it.
    remembered = SignInDialog("http://10.1.2.3:8765", "agent")
    qtbot.addWidget(remembered)
    remembered.show()
    assert remembered.hub_warning.isVisible()
    allowed = SignInDialog("http://10.1.2.3:8765", "agent", allow_plain_http=True)
    qtbot.addWidget(allowed)
    allowed.show()
    assert not allowed.hub_warning.isVisible()


def test_the_app_keeps_the_warning_in_its_status_bar(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rapport.config import Settings
    from rapport.ui.shell.session import Session

    settings = Settings(hub_url="http://hub.corp.example:8765", username="agent")
    session = Session(tmp_path / "cache.sqlite3", settings.hub_url, "token",
                      user={"username": "agent"}, hub_warning=settings.hub_warning())  # fmt: skip
    qtbot.addWidget(session.window)
    try:
        session.window.show()
        label = session.window.connection_warning
        assert label is not None and label.isVisible() and "not encrypted" in label.text()
        assert "https://" in label.toolTip()
    finally:
        session.shutdown()
    assert Settings(hub_url="https://hub.corp.example").hub_warning() is None
