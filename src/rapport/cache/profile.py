"""Who this cache belongs to: the hub and the signed-in user, kept in the cache itself so that
headless commands (`rapport log`, `rapport sync`) act as the same person as the app."""

from __future__ import annotations

import sqlite3
from typing import Any

import orjson

from rapport.cache.db import get_state, set_state


def save_profile(conn: sqlite3.Connection, hub_url: str, user: dict[str, Any]) -> None:
    with conn:
        set_state(conn, "hub_url", hub_url)
        set_state(conn, "user", orjson.dumps(user).decode())


def load_profile(conn: sqlite3.Connection) -> tuple[str | None, dict[str, Any] | None]:
    hub_url = get_state(conn, "hub_url")
    raw = get_state(conn, "user")
    return hub_url, (orjson.loads(raw) if raw else None)
