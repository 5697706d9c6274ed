"""What every mutation handler shares: its context, its outcome and its refusal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from rapport.hub.store import aliases, customers
from rapport.hub.store.changes import lock_feed
from rapport.hub.store.subjects import is_erased
from rapport.hub.store.users import User, now_iso


@dataclass(frozen=True, slots=True)
class Context:
    user: User
    now: datetime
    device_id: str | None = None
    mutation_id: str | None = None  # the idempotency key of what the mutation sends out

    @property
    def now_text(self) -> str:
        return now_iso(self.now)


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # "applied" | "rejected"
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    customer_id: str | None = None  # what the mutation was about (merges re-point, erasure redacts)


class Rejected(Exception):
    """The mutation fails for good: the device's counter still advances."""

    def __init__(self, code: str, message: str, current: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.current = current

    def outcome(self, customer_id: str | None = None) -> Outcome:
        return Outcome(
            "rejected",
            None,
            {"code": self.code, "message": self.message, "current": self.current},
            customer_id,
        )


ERASED_MESSAGE = "this customer's data was erased at their request; the write was not kept"


def target_customer(conn: Connection, args: dict[str, Any], key: str = "customer_id") -> str:
    """The live customer ``args[key]`` names, following merges; refuses erased and unknown ids."""
    cid = args.get(key)
    if not isinstance(cid, str) or not cid or len(cid) > 64:
        raise Rejected("invalid", f"{key} must be a customer id")
    lock_feed(conn)  # a merge or erasure of this customer is then wholly before or after us
    if is_erased(conn, cid):
        raise Rejected("erased", ERASED_MESSAGE)
    resolved = aliases.resolve_one(conn, cid)
    if not customers.exists(conn, resolved):
        raise Rejected("unknown_customer", "no such customer on the hub")
    return resolved
