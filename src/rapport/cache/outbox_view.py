"""Read-only views of the outbox for the UI: what is waiting for the hub, what it refused and what
it applied with a notice, each with the customer's name; and which timeline rows were refused.

Writes to the outbox stay in :mod:`rapport.cache.writes` and :mod:`rapport.cache.acks`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from rapport.cache.outbox import NOTICE, PENDING, REJECTED, VISIBLE

# Refused first (they need a decision), then notices, then what is still on its way, in send order.
_STATE_ORDER = f"CASE o.state WHEN '{REJECTED}' THEN 0 WHEN '{NOTICE}' THEN 1 ELSE 2 END"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    client_seq: int
    name: str  # the mutation: interaction.log, customer.update, consent.set
    args: dict[str, Any]  # what was sent, so the UI can say it in its own words
    state: str  # pending | rejected | notice
    created_at: str
    customer_id: str | None
    customer_name: str | None  # None when the customer is not (or no longer) in the cache
    target_id: str | None
    task_title: str | None  # a task write's task, as the cache knows it now
    summary: str
    reason: str | None  # the hub's message (rejected, notice) or the last sending error (pending)
    error_code: str | None
    attempts: int

    @property
    def can_redo(self) -> bool:
        return self.state == REJECTED

    @property
    def can_dismiss(self) -> bool:
        return self.state in (REJECTED, NOTICE)


def outbox_items(
    conn: sqlite3.Connection, states: Iterable[str] = (PENDING, REJECTED, NOTICE)
) -> list[OutboxItem]:
    states = tuple(states)
    if not states:
        return []
    marks = ",".join("?" * len(states))
    rows = conn.execute(
        "SELECT o.client_seq, o.name, o.args, o.state, o.created_at, o.customer_id, o.target_id,"
        " o.summary, o.last_error, o.error_code, o.attempts,"
        " c.id AS known, c.given_name, c.family_name, t.title AS task_title"
        " FROM outbox AS o LEFT JOIN customer AS c ON c.id = o.customer_id"
        " LEFT JOIN task AS t ON t.id = o.target_id AND o.name GLOB 'task.*'"
        f" WHERE o.state IN ({marks}) AND o.{VISIBLE} ORDER BY {_STATE_ORDER}, o.client_seq",
        states,
    ).fetchall()
    out = []
    for r in rows:
        name = " ".join(x for x in (r["given_name"], r["family_name"]) if x) if r["known"] else None
        out.append(
            OutboxItem(
                client_seq=int(r["client_seq"]),
                name=str(r["name"]),
                args=_args(r["args"]),
                state=str(r["state"]),
                created_at=str(r["created_at"]),
                customer_id=r["customer_id"],
                customer_name=name if r["known"] else None,
                target_id=r["target_id"],
                task_title=r["task_title"],
                summary=str(r["summary"] or r["name"]),
                reason=r["last_error"] or None,
                error_code=r["error_code"],
                attempts=int(r["attempts"] or 0),
            )
        )
    return out


def _args(raw: str | None) -> dict[str, Any]:
    try:
        args = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    return args if isinstance(args, dict) else {}


def rejected_targets(conn: sqlite3.Connection, customer_id: str) -> dict[str, str]:
    """This customer's rows written here that the hub refused: row id -> the hub's reason."""
    return {
        str(r[0]): str(r[1] or r[2] or "refused by the hub")
        for r in conn.execute(
            "SELECT target_id, last_error, error_code FROM outbox"
            " WHERE customer_id = ? AND state = ? AND target_id IS NOT NULL",
            (customer_id, REJECTED),
        )
    }
