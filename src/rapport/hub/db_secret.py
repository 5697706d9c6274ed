"""The hub's database password in the OS keyring, so it appears in no URL, unit file or `ps`.

``rapport hub db-password --database postgresql://USER@HOST/DB`` stores it (asked at a prompt or
read from stdin); a hub started with that URL, no password in it, finds it there. Without a
keyring entry libpq's own ways still apply (``PGPASSFILE``, ``PGPASSWORD``, peer or certificate
authentication), since the URL is passed on without a password.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError
from sqlalchemy.engine import URL

SERVICE = "rapport-hub-database"
log = logging.getLogger(__name__)


def account(url: URL) -> str:
    """One entry per user and database: ``rapport@db.example:5432/rapport``."""
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    return f"{url.username or ''}@{host}:{url.port or 5432}/{url.database or ''}"


def with_keyring_password(url: URL) -> URL:
    """``url`` with the keyring's password filled in, when it names a user but no password."""
    if url.get_backend_name() != "postgresql" or not url.username or url.password is not None:
        return url
    try:
        secret = keyring.get_password(SERVICE, account(url))
    except KeyringError as exc:
        log.info("no keyring to read the database password from (%s)", type(exc).__name__)
        return url
    return url.set(password=secret) if secret else url


def store_password(url: URL, password: str) -> None:
    """Raises KeyringError when the machine has no usable keyring."""
    keyring.set_password(SERVICE, account(url), password)
