"""``consent.set``: the most restrictive recent value wins, per channel."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, target_customer
from rapport.hub.rules import CONSENT_STATUSES, consent_supersedes
from rapport.hub.store.customers import get_customer, put_customer
from rapport.protocol import CONSENT_CHANNELS


def set_consent(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    cid = target_customer(conn, args)
    channel = v.choice(args, "channel", CONSENT_CHANNELS)
    assert channel is not None
    new = {
        "status": v.choice(args, "status", CONSENT_STATUSES),
        "source": v.text(args, "source", 64),
        "effective_at": v.timestamp(args, "effective_at", ctx.now),
    }
    customer = get_customer(conn, cid)
    assert customer is not None
    consent = customer.get("consent")
    consent = dict(consent) if isinstance(consent, dict) else {}
    current = consent.get(channel)
    if not consent_supersedes(new, current):
        # Kept: a newer value, or an opt-out at the same instant. Not "superseded" when the kept
        # value already says what this one says.
        superseded = not isinstance(current, dict) or current.get("status") != new["status"]
        return Outcome("applied", {"consent": current, "superseded": superseded}, None, cid)
    consent[channel] = new
    customer["consent"] = consent
    customer["version"] = int(customer.get("version") or 0) + 1
    customer["updated_at"] = ctx.now_text
    put_customer(conn, customer)
    return Outcome("applied", {"consent": new, "superseded": False}, None, cid)
