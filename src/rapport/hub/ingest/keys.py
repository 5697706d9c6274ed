"""Write keys: created once (the raw key is shown once), checked on every tracking call."""

from __future__ import annotations

import hashlib
import secrets
import uuid

from sqlalchemy import Connection, and_, select

from rapport.hub.ingest.tables import write_key


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def add_write_key(conn: Connection, name: str, now: str) -> tuple[str, str]:
    """Create a key for source ``name``; returns ``(source_id, raw_key)``."""
    source_id = uuid.uuid4().hex
    raw = "wk_" + secrets.token_urlsafe(24)
    conn.execute(
        write_key.insert().values(
            id=source_id, name=name, key_hash=_digest(raw), disabled=0, created_at=now
        )
    )
    return source_id, raw


def source_for_key(conn: Connection, raw: str) -> str | None:
    """The source id of an enabled key, or None."""
    return conn.execute(
        select(write_key.c.id).where(
            and_(write_key.c.key_hash == _digest(raw), write_key.c.disabled == 0)
        )
    ).scalar()
