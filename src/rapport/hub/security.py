"""Password hashing and bearer tokens.

scrypt from the standard library: memory-hard (16 MiB per hash at these settings), no extra
dependency. Tokens are random; the hub stores only their SHA-256, so a copy of the database does
not hold usable tokens.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


# What an unknown username's password is checked against: the same scrypt, at the same cost, as
# a real user's, so the time a wrong answer takes does not tell which usernames exist. Any digest
# will do (none matches); no scrypt runs to make it.
_B64 = base64.b64encode
DUMMY_HASH = (
    f"scrypt${_N}${_R}${_P}${_B64(secrets.token_bytes(16)).decode()}"
    f"${_B64(secrets.token_bytes(32)).decode()}"
)


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if algo != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        got = hashlib.scrypt(
            password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
