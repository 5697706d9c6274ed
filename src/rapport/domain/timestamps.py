"""The one text form of a moment, on the wire and in both databases: UTC to the second with a
``Z`` (``2026-11-23T18:11:30Z``, see :mod:`rapport.protocol`). Fixed width, so text order is time
order: the range scans on ``occurred_at`` and the like rely on it."""

from __future__ import annotations

from datetime import UTC, datetime

UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_text(at: datetime) -> str:
    """An aware ``at`` as the protocol's text (a naive one is read as local time)."""
    return at.astimezone(UTC).strftime(UTC_FORMAT)


def utc_now_text() -> str:
    return utc_text(datetime.now(UTC))


def parse_utc_text(text: str) -> datetime:
    """The protocol's text back to an aware datetime; ValueError for any other form."""
    return datetime.strptime(text, UTC_FORMAT).replace(tzinfo=UTC)


def parse_timestamp(text: str | None) -> datetime | None:
    """A stored moment as an aware datetime, leniently: the protocol's text or any ISO 8601 form
    (a naive one is that UTC without its marker); None when missing or unreadable. For showing and
    reasoning on rows, where one odd value must not break a screen; :func:`parse_utc_text` is the
    strict reader."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at
