"""``customer.view``: a device says its user opened a customer's 360, and when. It arrives through
the outbox like any write, so a view made offline is audited when the device comes back."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, target_customer
from rapport.hub.store import audit

SOURCES = ("search", "pop", "link", "tasks", "outbox", "merge", "new", "other")


def view_customer(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    cid = target_customer(conn, args)
    at = v.timestamp(args, "viewed_at", ctx.now)
    source = v.choice(args, "source", SOURCES, required=False) or "other"
    query = v.text(args, "query", 256)
    detail = {"source": source, **({"query": query} if query else {})}
    audit.record(conn, "view", ctx.user.id, at, cid, detail, ctx.device_id)
    return Outcome("applied", None, None, cid)
