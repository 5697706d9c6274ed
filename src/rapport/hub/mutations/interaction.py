"""``interaction.log``: a new timeline row, immutable once written."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, Rejected, target_customer
from rapport.hub.store import aliases
from rapport.hub.store.changes import write_rows
from rapport.hub.store.customers import get_customer, put_customer
from rapport.hub.store.schema import entity_tables
from rapport.protocol import CHANNELS

MAX_SUMMARY = 10_000
DIRECTIONS = ("inbound", "outbound", "internal")
_interaction = entity_tables["interaction"]


def log_interaction(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    iid = v.uuid_text(args, "id")
    cid = target_customer(conn, args)
    row = {
        "id": iid,
        "customer_id": cid,
        "channel": v.choice(args, "channel", CHANNELS),
        "direction": v.choice(args, "direction", DIRECTIONS, required=False),
        "kind": v.text(args, "kind", 64, required=True),
        "occurred_at": v.timestamp(args, "occurred_at", ctx.now),
        "user_id": ctx.user.id,  # who logged it is the signed-in user, whatever the args say
        "store_id": v.text(args, "store_id", 64),
        "summary": v.text(args, "summary", MAX_SUMMARY),
        "disposition": v.text(args, "disposition", 200),
        "payload": v.json_object(args.get("payload"), "payload", 64_000),
    }
    existing = conn.execute(
        select(_interaction.c.customer_id).where(_interaction.c.id == iid)
    ).first()
    if existing is not None:
        # The same interaction sent again (say, by a rebuilt cache under a new device id): keep
        # the first copy. An id reused for another customer is a client bug: refuse it.
        if aliases.resolve_one(conn, existing[0] or "") != cid:
            raise Rejected("invalid", "id is already used by another interaction")
        return Outcome("applied", {"id": iid, "customer_id": cid, "duplicate": True}, None, cid)
    write_rows(conn, "interaction", [row])
    customer = get_customer(conn, cid)
    assert customer is not None  # target_customer checked it, under the write lock
    last = customer.get("last_contact_at")
    if last is None or last < row["occurred_at"]:
        customer["last_contact_at"] = row["occurred_at"]
        put_customer(conn, customer)
    return Outcome("applied", {"id": iid, "customer_id": cid}, None, cid)
