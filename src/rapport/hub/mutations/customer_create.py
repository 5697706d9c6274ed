"""``customer.create``: a customer an agent met first (an unknown caller, a walk-in).

The device makes the id, so the notes and tasks it queues behind the creation name the customer
before the hub has heard of them. A caller the hub already knows by the same email or phone is
not made twice: the new profile is merged into the existing one at once, so everything queued for
the new id lands there, and the device follows the redirect like any merge."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, and_, select

from rapport.domain.phones import normalize_phone
from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, Rejected
from rapport.hub.store import aliases, customers, subscriptions
from rapport.hub.store.changes import lock_feed, write_rows
from rapport.hub.store.merge import merge_customers
from rapport.hub.store.schema import entity_tables
from rapport.hub.store.subjects import is_erased
from rapport.protocol import CONSENT_CHANNELS

# Enough to catch a typo ("name@", "name.example.com"); deliverability is the mail server's call.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
CREATE_KINDS = ("email", "phone")
_identity = entity_tables["identity"]


def _identities(args: dict[str, Any]) -> list[dict[str, Any]]:
    raw = args.get("identities") or []
    if not isinstance(raw, list) or len(raw) > 8:
        raise Rejected("invalid", "identities must be a list of at most 8 {id, kind, value}")
    out: list[dict[str, Any]] = []
    for item in raw:
        if not isinstance(item, dict):
            raise Rejected("invalid", "each identity needs id, kind and value")
        iid = v.uuid_text(item, "id")
        kind = v.choice(item, "kind", CREATE_KINDS)
        value = (v.text(item, "value", 320, required=True) or "").strip()
        if kind == "email":
            if not EMAIL.match(value):
                raise Rejected("invalid", f"email {value!r} is not an email address")
            normalized = value.lower()
        else:
            # Devices send E.164; a national form would need a region the hub cannot guess.
            normalized = normalize_phone(value, None) if value.startswith("+") else None
            if normalized is None:
                raise Rejected("invalid", f"phone {value!r} is not an international number")
        out.append({"id": iid, "kind": kind, "value": value, "normalized": normalized})
    return out


def _consent(args: dict[str, Any], now: Any) -> dict[str, Any]:
    raw = args.get("consent") or {}
    if not isinstance(raw, dict):
        raise Rejected("invalid", "consent must be an object by channel")
    out: dict[str, Any] = {}
    for channel, entry in raw.items():
        if channel not in CONSENT_CHANNELS or not isinstance(entry, dict):
            raise Rejected(
                "invalid", f"consent channel must be one of {', '.join(CONSENT_CHANNELS)}"
            )
        out[channel] = {
            "status": v.choice(entry, "status", ("granted", "denied")),
            "source": v.text(entry, "source", 200, required=True),
            "effective_at": v.timestamp(entry, "effective_at", now),
        }
    return out


def _known_owner(conn: Connection, identities: list[dict[str, Any]]) -> tuple[str, str] | None:
    """A live customer holding one of these emails or phones, and which kind matched."""
    for ident in identities:
        rows = conn.execute(
            select(_identity.c.customer_id).where(
                and_(
                    _identity.c.kind == ident["kind"], _identity.c.normalized == ident["normalized"]
                )
            )
        ).scalars()
        for owner in rows:
            live = aliases.resolve_one(conn, owner)
            if customers.exists(conn, live):
                return live, ident["kind"]
    return None


def _normalized_of(conn: Connection, customer_id: str | None) -> set[str]:
    """The identities a customer holds already: the merge must not give them a second copy."""
    if customer_id is None:
        return set()
    return set(
        conn.execute(
            select(_identity.c.normalized).where(_identity.c.customer_id == customer_id)
        ).scalars()
    )


def create_customer(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    cid = v.uuid_text(args, "id")
    given = (v.text(args, "given_name", 200) or "").strip()
    family = (v.text(args, "family_name", 200) or "").strip()
    if not given and not family:
        raise Rejected("invalid", "given_name or family_name is required")
    identities = _identities(args)
    consent = _consent(args, ctx.now)
    lock_feed(conn)
    if is_erased(conn, cid):
        raise Rejected("erased", "this id belonged to an erased customer; it is not reused")
    resolved = aliases.resolve_one(conn, cid)
    if resolved != cid or customers.exists(conn, cid):
        # Sent again (a rebuilt cache under a new device id): the first creation stands.
        return Outcome("applied", {"customer_id": resolved, "duplicate": True}, None, resolved)
    known = _known_owner(conn, identities)
    home_store = v.text(args, "home_store_id", 64) or ctx.user.store_id
    customers.put_customer(
        conn,
        {
            "id": cid,
            "given_name": given or None,
            "family_name": family or None,
            "tier": "bronze",
            "home_store_id": home_store,
            "lifetime_value": 0,
            "currency": v.text(args, "currency", 3) or "EUR",
            "consent": consent or None,
            "created_at": ctx.now_text,
            "updated_at": ctx.now_text,
            "version": 1,
        },
    )
    have = _normalized_of(conn, known[0] if known else None)
    rows = [
        {
            **ident,
            "customer_id": cid,
            "label": None,
            "is_primary": 1,
            "created_at": ctx.now_text,
        }
        for ident in identities
        if ident["normalized"] not in have
    ]
    write_rows(conn, "identity", rows)
    # The creator follows the customer, whatever their sync scope.
    subscriptions.subscribe(conn, ctx.user.id, cid, ctx.now_text)
    if known is None:
        return Outcome("applied", {"customer_id": cid}, None, cid)
    survivor, kind = known
    merge_customers(conn, cid, survivor, f"created for a known {kind}", ctx.user.id, ctx.now_text)
    return Outcome(
        "applied",
        {"customer_id": survivor, "merged_into": survivor, "matched": kind},
        None,
        survivor,
    )
