"""Write keys: created once (the raw key is shown once), checked on every tracking call, each with
the browser origins allowed to use it."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import orjson
from sqlalchemy import Connection, and_, select, update

from rapport.hub.ingest.tables import write_key

ANY_ORIGIN = "*"


class BadOrigin(ValueError):
    """An allowed origin that is not ``scheme://host[:port]`` (or ``*`` alone)."""


@dataclass(frozen=True, slots=True)
class WriteKey:
    id: str
    name: str
    allowed_origins: tuple[str, ...]
    disabled: bool
    created_at: str

    def allows(self, origin: str) -> bool:
        return allows(self.allowed_origins, origin)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "allowed_origins": list(self.allowed_origins),
            "disabled": self.disabled,
            "created_at": self.created_at,
        }


def allows(allowed: Iterable[str], origin: str) -> bool:
    allowed = set(allowed)
    return ANY_ORIGIN in allowed or origin.lower() in allowed


def normalize_origins(origins: Iterable[str]) -> tuple[str, ...]:
    """What a browser sends as ``Origin``: lower-case ``scheme://host[:port]``, no path. ``*``
    (any site) must stand alone, so that choosing it is explicit."""
    out: list[str] = []
    for raw in origins:
        text = raw.strip()
        if text == ANY_ORIGIN:
            out.append(ANY_ORIGIN)
            continue
        try:
            parts = urlsplit(text.rstrip("/"))
            parts.port  # noqa: B018  (raises for a port that is not a number)
        except ValueError as exc:
            raise BadOrigin(f"{raw!r} is not an origin") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BadOrigin(f"{raw!r} is not an origin: give scheme://host[:port]")
        if parts.path or parts.query or parts.fragment or parts.username or parts.password:
            raise BadOrigin(f"{raw!r} is not an origin: no path, query or credentials")
        default = {"http": 80, "https": 443}[parts.scheme]
        port = f":{parts.port}" if parts.port not in (None, default) else ""
        out.append(f"{parts.scheme}://{parts.hostname}{port}")
    if ANY_ORIGIN in out and len(out) > 1:
        raise BadOrigin("'*' allows every site: give it alone")
    return tuple(dict.fromkeys(out))


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _row(r: Any) -> WriteKey:
    return WriteKey(
        r.id, r.name, tuple(orjson.loads(r.allowed_origins or "[]")), bool(r.disabled), r.created_at
    )


def add_write_key(
    conn: Connection, name: str, now: str, origins: Iterable[str] = ()
) -> tuple[str, str]:
    """Create a key for source ``name``; returns ``(source_id, raw_key)``. Raises BadOrigin."""
    allowed = normalize_origins(origins)
    source_id = uuid.uuid4().hex
    raw = "wk_" + secrets.token_urlsafe(24)
    conn.execute(
        write_key.insert().values(
            id=source_id,
            name=name,
            key_hash=_digest(raw),
            disabled=0,
            created_at=now,
            allowed_origins=orjson.dumps(list(allowed)).decode(),
        )
    )
    return source_id, raw


def set_origins(conn: Connection, source_id: str, origins: Iterable[str]) -> WriteKey | None:
    """Replace a key's allowed origins; None for an unknown key. Raises BadOrigin."""
    allowed = normalize_origins(origins)
    conn.execute(
        update(write_key)
        .where(write_key.c.id == source_id)
        .values(allowed_origins=orjson.dumps(list(allowed)).decode())
    )
    found = conn.execute(select(write_key).where(write_key.c.id == source_id)).first()
    return _row(found) if found else None


def list_keys(conn: Connection) -> list[WriteKey]:
    return [_row(r) for r in conn.execute(select(write_key).order_by(write_key.c.created_at))]


def lookup(conn: Connection, raw: str) -> WriteKey | None:
    """The enabled key ``raw`` is, or None."""
    found = conn.execute(
        select(write_key).where(
            and_(write_key.c.key_hash == _digest(raw), write_key.c.disabled == 0)
        )
    ).first()
    return _row(found) if found else None


def source_for_key(conn: Connection, raw: str) -> str | None:
    """The source id of an enabled key, or None."""
    found = lookup(conn, raw)
    return found.id if found else None


def any_key_allows(conn: Connection, origin: str) -> bool:
    """Whether some enabled key allows ``origin``: what a preflight, which carries no key, can
    be answered from (the request itself is then checked against its own key)."""
    for (text,) in conn.execute(
        select(write_key.c.allowed_origins).where(write_key.c.disabled == 0)
    ):
        if allows(orjson.loads(text or "[]"), origin):
            return True
    return False
