"""Checking the records that systems post (orders, interactions) or a CRM export holds
(customers): plain dicts in, clean dicts out, :class:`BadRecord` with the reason otherwise. The API
and ``rapport hub import`` share these, so both refuse the same things the same way."""

from __future__ import annotations

from typing import Any

from rapport.domain.timestamps import utc_text
from rapport.hub.ingest.messages import MAX_AMOUNT, BadMessage, parse_time
from rapport.protocol import CHANNELS, TIERS

ORDER_CHANNELS = ("web", "store", "phone")
ORDER_STATUSES = (
    "processing", "shipped", "delivered", "completed", "cancelled", "returned",
)  # fmt: skip
DIRECTIONS = ("inbound", "outbound", "internal")
REF_KINDS = ("email", "phone", "loyalty")
MAX_QUANTITY = 1_000_000


class BadRecord(ValueError):
    """The reason a record is refused (names the field, never echoes customer data)."""


def text(rec: dict[str, Any], key: str, limit: int, required: bool = False) -> str | None:
    value = rec.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadRecord(f"{key} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadRecord(f"{key} must be text")
    out = str(value).strip()
    if len(out) > limit:
        raise BadRecord(f"{key} is longer than {limit} characters")
    return out


def choice(rec: dict[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
    value = text(rec, key, 32) or default
    if value not in allowed:
        raise BadRecord(f"{key} must be one of {', '.join(allowed)}")
    return value


def integer(
    rec: dict[str, Any],
    key: str,
    default: int | None = None,
    minimum: int = 0,
    maximum: int = MAX_AMOUNT,
) -> int | None:
    value = rec.get(key)
    if value is None or value == "":
        return default
    try:
        out = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError as exc:
        raise BadRecord(f"{key} must be a whole number (minor units)") from exc
    if isinstance(value, bool) or out < minimum:
        raise BadRecord(f"{key} must be a whole number of at least {minimum}")
    if out > maximum:
        raise BadRecord(f"{key} must be at most {maximum:,}")
    return out


def amount(value: int, what: str) -> int:
    """A sum the hub computed (a subtotal): refused when no column could hold it."""
    if abs(value) > MAX_AMOUNT:
        raise BadRecord(f"{what} is out of range")
    return value


def timestamp(rec: dict[str, Any], key: str, now: str, required: bool = False) -> str:
    try:
        parsed = parse_time(rec.get(key), key)
    except BadMessage as exc:
        raise BadRecord(str(exc)) from exc
    if parsed is None:
        if required:
            raise BadRecord(f"{key} is required")
        return now
    return utc_text(parsed)


def customer_ref(rec: dict[str, Any]) -> dict[str, str]:
    """Who the record is about: ``customer_id``, ``customer_external_id`` (a customer imported
    from the same source) or an email, phone or loyalty id, flat or under ``customer``."""
    nested = rec.get("customer")
    src = nested if isinstance(nested, dict) else rec
    ref: dict[str, str] = {}
    for key in ("customer_id", "customer_external_id", *REF_KINDS):
        value = text(src, key, 320) if key in src else text(rec, key, 320)
        if value:
            ref[key] = value
    if not ref:
        raise BadRecord("customer_id, customer_external_id, email, phone or loyalty is required")
    return ref


def order(rec: dict[str, Any], now: str) -> dict[str, Any]:
    lines_in = rec.get("lines")
    if not isinstance(lines_in, list) or not lines_in:
        raise BadRecord("lines must be a non-empty list")
    lines = []
    for n, line in enumerate(lines_in, 1):
        if not isinstance(line, dict):
            raise BadRecord("each line must be an object")
        if not text(line, "sku", 64) and not text(line, "product_id", 64):
            raise BadRecord(f"line {n}: sku or product_id is required")
        qty = integer(line, "quantity", 1, minimum=1, maximum=MAX_QUANTITY)
        assert qty is not None
        lines.append(
            {
                "sku": text(line, "sku", 64),
                "product_id": text(line, "product_id", 64),
                "name": text(line, "name", 200),
                "quantity": qty,
                "unit_price": integer(line, "unit_price"),
                "returned_quantity": min(qty, integer(line, "returned_quantity", 0) or 0),
                "return_reason": text(line, "return_reason", 200),
            }
        )
    return {
        "external_id": text(rec, "external_id", 128, required=True),
        "ref": customer_ref(rec),
        "number": text(rec, "number", 64),
        "channel": choice(rec, "channel", ORDER_CHANNELS, "store"),
        "store_id": text(rec, "store_id", 64),
        "status": choice(rec, "status", ORDER_STATUSES, "completed"),
        "placed_at": timestamp(rec, "placed_at", now, required=True),
        "currency": (text(rec, "currency", 3) or "EUR").upper(),
        "shipping": integer(rec, "shipping", 0),
        "total": integer(rec, "total"),
        "lines": lines,
    }


def interaction(rec: dict[str, Any], now: str) -> dict[str, Any]:
    payload = rec.get("payload")
    if payload is not None and not isinstance(payload, dict):
        raise BadRecord("payload must be an object")
    return {
        "external_id": text(rec, "external_id", 128, required=True),
        "ref": customer_ref(rec),
        "channel": choice(rec, "channel", CHANNELS, ""),
        "direction": choice(rec, "direction", DIRECTIONS, "inbound"),
        "kind": text(rec, "kind", 64, required=True),
        "occurred_at": timestamp(rec, "occurred_at", now, required=True),
        "store_id": text(rec, "store_id", 64),
        "summary": text(rec, "summary", 2000),
        "disposition": text(rec, "disposition", 64),
        "payload": payload,
    }


def customer(rec: dict[str, Any], now: str) -> dict[str, Any]:
    given, family = text(rec, "given_name", 200), text(rec, "family_name", 200)
    if not given and not family:
        raise BadRecord("given_name or family_name is required")
    return {
        "external_id": text(rec, "external_id", 128, required=True),
        "given_name": given,
        "family_name": family,
        "tier": choice(rec, "tier", TIERS, "bronze"),
        "home_store_id": text(rec, "home_store_id", 64),
        "birth_date": text(rec, "birth_date", 10),
        "currency": (text(rec, "currency", 3) or "EUR").upper(),
        "created_at": timestamp(rec, "created_at", now),
        "identities": {k: v for k in REF_KINDS if (v := text(rec, k, 320))},
    }
