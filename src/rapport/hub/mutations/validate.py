"""Checks of mutation arguments; each failure is a ``Rejected("invalid")`` naming the field."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from rapport.domain.timestamps import parse_utc_text
from rapport.hub.ingest.messages import EARLIEST, LATEST
from rapport.hub.mutations.base import Rejected

_ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A device clock running a little fast must not be refused; one far ahead could pin a value
# forever (nothing "newer" could replace it).
FUTURE_TOLERANCE = timedelta(hours=1)


def text(args: dict[str, Any], key: str, max_len: int, *, required: bool = False) -> str | None:
    value = args.get(key)
    if value is None:
        if required:
            raise Rejected("invalid", f"{key} is required")
        return None
    if not isinstance(value, str):
        raise Rejected("invalid", f"{key} must be text")
    if required and not value.strip():
        raise Rejected("invalid", f"{key} must not be empty")
    if len(value) > max_len:
        raise Rejected("invalid", f"{key} is over {max_len:,} characters")
    return value


def choice(
    args: dict[str, Any], key: str, allowed: Sequence[str], *, required: bool = True
) -> str | None:
    value = args.get(key)
    if value is None and not required:
        return None
    if value not in allowed:
        raise Rejected("invalid", f"{key} must be one of {', '.join(allowed)}")
    return str(value)


def uuid_text(args: dict[str, Any], key: str) -> str:
    value = args.get(key)
    try:
        ok = isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        ok = False
    if not ok:
        raise Rejected("invalid", f"{key} must be a lower-case UUID like {uuid.UUID(int=0)}")
    return str(value)


def moment(args: dict[str, Any], key: str) -> tuple[str, datetime]:
    """A UTC time like ``2026-11-23T18:11:30Z`` within the years tracking and imports take
    (1900-2099): any real event, and nothing a database or the ISO format cannot hold."""
    value = args.get(key)
    if not isinstance(value, str) or not _ISO_Z.match(value):
        raise Rejected("invalid", f"{key} must be a UTC time like 2026-11-23T18:11:30Z")
    try:
        when = parse_utc_text(value)
    except ValueError:
        raise Rejected("invalid", f"{key} is not a real date and time") from None
    if not EARLIEST <= when < LATEST:
        raise Rejected("invalid", f"{key} must be between {EARLIEST.year} and {LATEST.year - 1}")
    return value, when


def timestamp(args: dict[str, Any], key: str, now: datetime) -> str:
    """:func:`moment`, and not in the future beyond a clock's drift."""
    value, when = moment(args, key)
    if when > now + FUTURE_TOLERANCE:
        raise Rejected("invalid", f"{key} is in the future; check the computer's clock")
    return value


def birth_date(value: Any, key: str = "birth_date") -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise Rejected("invalid", f"{key} must be a date like 1990-04-30")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise Rejected("invalid", f"{key} is not a real date") from None
    return value


def json_object(value: Any, key: str, max_bytes: int) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Rejected("invalid", f"{key} must be an object")
    try:
        size = len(orjson.dumps(value))
    except TypeError:
        raise Rejected("invalid", f"{key} is not valid JSON") from None
    if size > max_bytes:
        raise Rejected("invalid", f"{key} is over {max_bytes:,} bytes")
    return value
