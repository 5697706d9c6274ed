"""Users and their tokens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from rapport.domain.timestamps import utc_text
from rapport.hub.security import (
    DUMMY_HASH,
    hash_password,
    new_token,
    token_digest,
    verify_password,
)
from rapport.hub.store.schema import token, user
from rapport.protocol import ROLES


@dataclass(frozen=True, slots=True)
class User:
    id: str
    username: str
    display_name: str
    role: str
    store_id: str | None


def now_iso(now: datetime | None = None) -> str:
    return utc_text(now or datetime.now(UTC))


def add_user(
    conn: Connection,
    username: str,
    password: str,
    display_name: str,
    role: str,
    store_id: str | None = None,
    user_id: str | None = None,
) -> User:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    uid = user_id or str(uuid.uuid4())
    conn.execute(
        insert(user).values(
            id=uid,
            username=username,
            display_name=display_name,
            role=role,
            store_id=store_id,
            password_hash=hash_password(password),
            disabled=0,
            created_at=now_iso(),
        )
    )
    return User(uid, username, display_name, role, store_id)


def _user_from(row) -> User:  # type: ignore[no-untyped-def]
    return User(row.id, row.username, row.display_name, row.role, row.store_id)


def authenticate(conn: Connection, username: str, password: str) -> User | None:
    row = conn.execute(select(user).where(user.c.username == username)).first()
    # One scrypt whether or not the user exists, so the timing does not reveal which do.
    ok = verify_password(password, row.password_hash if row is not None else DUMMY_HASH)
    if row is None or not ok or row.disabled:
        return None
    return _user_from(row)


def issue_token(conn: Connection, u: User, ttl: timedelta) -> tuple[str, str]:
    raw = new_token()
    now = datetime.now(UTC)
    expires = now_iso(now + ttl)
    conn.execute(
        insert(token).values(
            token_hash=token_digest(raw),
            user_id=u.id,
            created_at=now_iso(now),
            expires_at=expires,
            revoked=0,
        )
    )
    return raw, expires


def user_for_token(conn: Connection, raw: str) -> User | None:
    row = conn.execute(
        select(user, token.c.expires_at, token.c.revoked)
        .join(token, token.c.user_id == user.c.id)
        .where(token.c.token_hash == token_digest(raw))
    ).first()
    if row is None or row.revoked or row.disabled or row.expires_at <= now_iso():
        return None
    return _user_from(row)


class UnknownUser(LookupError):
    pass


def _find(conn: Connection, username: str) -> Row[Any]:
    row = conn.execute(select(user).where(user.c.username == username)).first()
    if row is None:
        raise UnknownUser(username)
    return row


def list_users(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(user).order_by(user.c.username)).all()
    return [
        {
            "username": r.username,
            "display_name": r.display_name,
            "role": r.role,
            "store_id": r.store_id,
            "disabled": bool(r.disabled),
        }
        for r in rows
    ]


def set_disabled(conn: Connection, username: str, disabled: bool) -> User:
    """Disabling signs the user out everywhere: their tokens stop working at once."""
    row = _find(conn, username)
    conn.execute(update(user).where(user.c.id == row.id).values(disabled=int(disabled)))
    if disabled:
        revoke_tokens(conn, row.id)
    return _user_from(row)


def reset_password(conn: Connection, username: str, password: str) -> User:
    """A new password; every session of the old one ends."""
    row = _find(conn, username)
    conn.execute(
        update(user).where(user.c.id == row.id).values(password_hash=hash_password(password))
    )
    revoke_tokens(conn, row.id)
    return _user_from(row)


def revoke_tokens(conn: Connection, user_id: str) -> int:
    return conn.execute(
        update(token).where(token.c.user_id == user_id, token.c.revoked == 0).values(revoked=1)
    ).rowcount


def revoke_token(conn: Connection, raw: str) -> bool:
    return (
        conn.execute(
            update(token).where(token.c.token_hash == token_digest(raw)).values(revoked=1)
        ).rowcount
        > 0
    )
