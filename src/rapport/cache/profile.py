"""Who this cache belongs to: the hub and the signed-in user, kept with the outbox (and copied in
the cache) so that headless commands (`rapport log`, `rapport sync`) act as the same person as the
app, also after a damaged cache was rebuilt."""

from __future__ import annotations

import sqlite3
from typing import Any

import orjson

from rapport.cache.db import get_state
from rapport.cache.outbox_file import get_meta, set_meta


def save_profile(conn: sqlite3.Connection, hub_url: str, user: dict[str, Any]) -> None:
    with conn:
        set_meta(conn, {"hub_url": hub_url, "user": orjson.dumps(user).decode()})


def load_profile(conn: sqlite3.Connection) -> tuple[str | None, dict[str, Any] | None]:
    # sync_state: a cache from before the outbox file, read before open_cache migrated it.
    hub_url = get_meta(conn, "hub_url") or get_state(conn, "hub_url")
    raw = get_meta(conn, "user") or get_state(conn, "user")
    return hub_url, (orjson.loads(raw) if raw else None)
