"""Test-wide setup: Qt offscreen, a private runtime dir, an in-memory keyring."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt: no display here, and Qt wants a private 0700 runtime dir.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "XDG_RUNTIME_DIR" not in os.environ or not os.path.isdir(os.environ["XDG_RUNTIME_DIR"]):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="rapport-xdg-")
    os.chmod(os.environ["XDG_RUNTIME_DIR"], 0o700)

# A machine's own IT policy (/etc/rapport/policy.toml) must not steer the tests.
os.environ.setdefault(
    "RAPPORT_POLICY_FILE", os.path.join(tempfile.mkdtemp(prefix="rapport-policy-"), "none.toml")
)

import keyring
import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Negative priority: never auto-selected, only installed explicitly by the fixture."""

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def english(qapp) -> None:  # type: ignore[no-untyped-def]
    """The interface in English, as a fresh install on an English computer shows it: the English
    catalog (its plural forms) and British English money and dates."""
    from rapport.ui.common import i18n

    i18n.install(qapp, "en")
