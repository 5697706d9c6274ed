"""The sign-in token in the OS keyring, and only there.

Headless Linux often has no keyring: then the token lives in memory for the session and the user
is told why they will sign in again next time. Never a file fallback.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)
SERVICE = "rapport"


def _account(hub_url: str, username: str) -> str:
    return f"{username}@{hub_url.rstrip('/')}"


def save_token(hub_url: str, username: str, token: str) -> bool:
    """True when stored in the keyring; False when no keyring is available (keep it in memory)."""
    try:
        keyring.set_password(SERVICE, _account(hub_url, username), token)
    except KeyringError as exc:
        log.warning(
            "no usable keyring (%s); the token is kept for this session only", type(exc).__name__
        )
        return False
    return True


def load_token(hub_url: str, username: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(hub_url, username))
    except KeyringError:
        return None


def forget_token(hub_url: str, username: str) -> None:
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _account(hub_url, username))
