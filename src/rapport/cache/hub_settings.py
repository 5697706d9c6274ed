"""The hub's settings as this computer last received them (``hub_setting`` rows), with the
built-in values until the first sync brings them: an agent offline on day one can still wrap up."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import orjson

from rapport.protocol import DEFAULT_WRAPUP_CODES


@dataclass(frozen=True, slots=True)
class WrapUpCode:
    code: str
    label: str
    channels: frozenset[str] | None = None  # None: offered on every channel

    def offered_on(self, channel: str) -> bool:
        return self.channels is None or channel in self.channels


def _read(conn: sqlite3.Connection, key: str) -> object:
    try:
        row = conn.execute("SELECT value FROM hub_setting WHERE id = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # a cache from before settings were replicated
        return None
    if row is None or row[0] is None:
        return None
    try:
        return orjson.loads(row[0])
    except orjson.JSONDecodeError:
        return None


def wrapup_codes(conn: sqlite3.Connection) -> list[WrapUpCode]:
    raw = _read(conn, "wrapup_codes")
    items = raw if isinstance(raw, list) and raw else list(DEFAULT_WRAPUP_CODES)
    out: list[WrapUpCode] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            continue  # the hub checks these; a damaged row must not stop the dialog
        channels = item.get("channels")
        out.append(
            WrapUpCode(
                item["code"],
                str(item.get("label") or item["code"]),
                frozenset(channels) if isinstance(channels, list) else None,
            )
        )
    return out
