"""Reading one Segment message (track, identify, page, screen, alias, group): the checks the
Segment HTTP Tracking API documents, and the clock-skew correction of its timestamp."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from rapport.domain.timestamps import utc_text
from rapport.hub.textcheck import refusal

TYPES = ("track", "identify", "page", "screen", "alias", "group")
MAX_MESSAGE_BYTES = 32 * 1024
MAX_BATCH_BYTES = 500 * 1024
_MAX_ID = 256
# messageIds are kept a day for dedupe in a column of this size (SDKs send 36 to about 50).
_MAX_MESSAGE_ID = 128
# Times the hub takes: any real event, order or customer record, and nothing a database or the
# ISO format (four-digit years) cannot hold once shifted to UTC.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# The largest amount in minor units: the largest whole number a double (so a JSON reader in
# JavaScript) holds exactly, far beyond any real price and within every integer column.
MAX_AMOUNT = 2**53 - 1
_MAX_NAME = 200


class BadMessage(ValueError):
    """A message the hub refuses; the text is the reason given to the sender (no payload data)."""


@dataclass(frozen=True, slots=True)
class Message:
    type: str
    message_id: str
    user_id: str | None
    anonymous_id: str | None
    timestamp: str  # corrected for the client's clock, UTC, protocol format
    event: str | None = None  # track; page and screen get their view event here
    name: str | None = None  # page / screen name
    properties: dict[str, Any] | None = None
    traits: dict[str, Any] | None = None
    context: dict[str, Any] | None = None
    previous_id: str | None = None  # alias
    group_id: str | None = None  # group


def _ident(msg: dict[str, Any], key: str, longest: int = _MAX_ID) -> str | None:
    value = msg.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadMessage(f"{key} must be a string")
    text = str(value)
    if len(text) > longest:
        raise BadMessage(f"{key} is longer than {longest} characters")
    return text


def _object(msg: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = msg.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadMessage(f"{key} must be an object")
    return value


def parse_time(value: Any, key: str) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadMessage(f"{key} must be an ISO-8601 date-time string")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadMessage(f"{key} is not an ISO-8601 date-time") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        parsed = parsed.astimezone(UTC)
    except OverflowError:  # year 1 east of UTC, year 9999 west of it
        parsed = EARLIEST - timedelta(days=1)
    if not EARLIEST <= parsed < LATEST:
        raise BadMessage(f"{key} must be between {EARLIEST.year} and {LATEST.year - 1}")
    return parsed


def corrected_timestamp(
    timestamp: datetime | None, sent_at: datetime | None, received_at: datetime
) -> datetime:
    """Segment's rule: the client's clock may be wrong, but the time between the event and the
    send is right, so ``timestamp = receivedAt - (sentAt - timestamp)``."""
    if timestamp is None:
        return received_at
    if sent_at is None:
        return timestamp
    try:
        corrected = received_at - (sent_at - timestamp)
    except OverflowError:
        corrected = LATEST
    if not EARLIEST <= corrected < LATEST:  # not a clock off by some time: a bug
        raise BadMessage("timestamp and sentAt are too far apart")
    return corrected


# TODO(issue 15): rapport.hub.ingest.tracking still imports this name (it is being changed on
# another branch); call utc_text there and drop it.
iso = utc_text


def parse_message(
    msg: Any,
    kind: str | None,
    received_at: datetime,
    batch_sent_at: datetime | None = None,
    batch_context: dict[str, Any] | None = None,
    *,
    checked: bool = False,
) -> Message:
    """``kind`` is the endpoint's type (None in a batch: the message's own ``type``).
    ``checked``: the caller has already run :func:`refusal` on ``msg`` (a batch does, before it
    measures each message), so it is not walked twice."""
    if not isinstance(msg, dict):
        raise BadMessage("a message must be a JSON object")
    if not checked and (why := refusal(msg)) is not None:
        raise BadMessage(why)
    mtype = kind or msg.get("type")
    if mtype not in TYPES:
        raise BadMessage(f"type must be one of {', '.join(TYPES)}")
    message_id = _ident(msg, "messageId", _MAX_MESSAGE_ID) or f"hub-{uuid.uuid4()}"
    user_id = _ident(msg, "userId")
    anonymous_id = _ident(msg, "anonymousId")
    previous_id = _ident(msg, "previousId")
    if mtype == "alias":
        if not previous_id or not user_id:
            raise BadMessage("alias needs previousId and userId")
    elif not user_id and not anonymous_id:
        raise BadMessage("userId or anonymousId is required")
    event = msg.get("event")
    if mtype == "track" and (not isinstance(event, str) or not event.strip()):
        raise BadMessage("track needs an event name")
    if isinstance(event, str) and len(event) > _MAX_NAME:
        raise BadMessage(f"event is longer than {_MAX_NAME} characters")
    group_id = _ident(msg, "groupId")
    if mtype == "group" and not group_id:
        raise BadMessage("group needs a groupId")
    name = msg.get("name")
    if name is not None and not isinstance(name, str):
        raise BadMessage("name must be a string")
    properties = _object(msg, "properties")
    traits = _object(msg, "traits")
    context = _object(msg, "context")
    if batch_context:
        context = {**batch_context, **(context or {})}
    if mtype == "page":
        event = "Page Viewed"
    elif mtype == "screen":
        event = "Screen Viewed"
    elif mtype != "track":
        event = None
    sent_at = parse_time(msg.get("sentAt"), "sentAt") or batch_sent_at
    ts = parse_time(msg.get("timestamp") or msg.get("originalTimestamp"), "timestamp")
    return Message(
        type=mtype,
        message_id=message_id,
        user_id=user_id,
        anonymous_id=anonymous_id,
        timestamp=utc_text(corrected_timestamp(ts, sent_at, received_at)),
        event=event.strip() if isinstance(event, str) else None,
        name=name,
        properties=properties,
        traits=traits,
        context=context,
        previous_id=previous_id,
        group_id=group_id,
    )
