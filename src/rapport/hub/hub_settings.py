"""The hub's settings that devices replicate (``setting`` rows): checked when an admin changes
them, and given defaults when a hub starts without them, so a new hub offers wrap-up codes at once."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Connection, select

from rapport.hub.store.changes import write_rows
from rapport.hub.store.schema import entity_tables
from rapport.hub.textcheck import refusal
from rapport.protocol import CHANNELS, DEFAULT_WRAPUP_CODES

_setting = entity_tables["setting"]
MAX_CODES = 100


class SettingError(ValueError):
    """A setting value that devices could not use; the message says what is wrong."""


def check_wrapup_codes(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise SettingError("wrapup_codes must be a non-empty list of {code, label, channels?}")
    if len(value) > MAX_CODES:
        raise SettingError(f"wrapup_codes has over {MAX_CODES} codes: agents cannot choose")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        where = f"wrapup_codes[{i}]"
        if not isinstance(item, dict):
            raise SettingError(f"{where} must be an object")
        code, label = item.get("code"), item.get("label")
        if not isinstance(code, str) or not code.strip() or len(code) > 64:
            raise SettingError(f"{where}.code must be text of 1 to 64 characters")
        if code in seen:
            raise SettingError(f"{where}.code {code!r} appears twice")
        seen.add(code)
        if not isinstance(label, str) or not label.strip() or len(label) > 80:
            raise SettingError(f"{where}.label must be text of 1 to 80 characters")
        entry: dict[str, Any] = {"code": code, "label": label.strip()}
        channels = item.get("channels")
        if channels is not None:
            if (
                not isinstance(channels, list)
                or not channels
                or any(c not in CHANNELS for c in channels)
            ):
                raise SettingError(f"{where}.channels must list some of {', '.join(CHANNELS)}")
            entry["channels"] = list(dict.fromkeys(channels))
        out.append(entry)
    return out


CHECKS = {"wrapup_codes": check_wrapup_codes}
DEFAULTS: dict[str, Any] = {"wrapup_codes": [dict(c) for c in DEFAULT_WRAPUP_CODES]}


def put_setting(conn: Connection, key: str, value: Any, now: str) -> dict[str, Any]:
    check = CHECKS.get(key)
    if check is None:
        raise SettingError(f"unknown setting {key!r}; known: {', '.join(sorted(CHECKS))}")
    if (why := refusal(value, key)) is not None:
        raise SettingError(why)
    row = {"id": key, "value": check(value), "updated_at": now}
    write_rows(conn, "setting", [row])
    return row


def get_setting(conn: Connection, key: str) -> Any:
    raw = conn.execute(select(_setting.c.value).where(_setting.c.id == key)).scalar()
    return orjson.loads(raw) if raw is not None else None


def ensure_defaults(conn: Connection, now: str) -> None:
    """Write the defaults this hub lacks (a new hub, or one from before a setting existed)."""
    have = set(conn.execute(select(_setting.c.id)).scalars())
    for key, value in DEFAULTS.items():
        if key not in have:
            put_setting(conn, key, value, now)
