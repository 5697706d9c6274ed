"""The message outbox's rows (table ``message_outbox``): written in the transaction of the push
that sends a message, claimed and settled by :mod:`rapport.hub.outbox`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, select, update

from rapport.hub.notify import Message
from rapport.hub.store.schema import message_outbox as _t

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    basket_id: str
    user_id: str | None
    channel: str
    attempts: int
    created_at: str
    message: Message


def exists(conn: Connection, key: str) -> bool:
    return conn.execute(select(_t.c.key).where(_t.c.key == key)).first() is not None


def enqueue(
    conn: Connection,
    key: str,
    basket_id: str,
    customer_id: str,
    user_id: str | None,
    message: Message,
    now: str,
) -> None:
    conn.execute(
        _t.insert().values(
            key=key,
            basket_id=basket_id,
            customer_id=customer_id,
            user_id=user_id,
            channel=message.channel,
            recipient=message.to,
            subject=message.subject,
            body=message.body,
            state=PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )


def due(conn: Connection, now: str, limit: int) -> list[str]:
    return list(
        conn.execute(
            select(_t.c.key)
            .where(_t.c.state == PENDING, _t.c.next_attempt_at <= now)
            .order_by(_t.c.next_attempt_at, _t.c.created_at)
            .limit(limit)
        ).scalars()
    )


def next_due(conn: Connection) -> str | None:
    return conn.execute(
        select(_t.c.next_attempt_at).where(_t.c.state == PENDING).order_by(_t.c.next_attempt_at)
    ).scalar()


def claim(conn: Connection, key: str, now: str) -> Row | None:
    """Mark the row as being sent, if it still waits (another hub process may have claimed it);
    the caller commits before calling the provider."""
    won = conn.execute(
        update(_t)
        .where(_t.c.key == key, _t.c.state == PENDING)
        .values(state=SENDING, claimed_at=now, attempts=_t.c.attempts + 1)
    ).rowcount
    if won != 1:
        return None
    r = conn.execute(select(_t).where(_t.c.key == key)).one()
    return Row(
        r.key,
        r.basket_id,
        r.user_id,
        r.channel,
        int(r.attempts),
        r.created_at,
        Message(r.channel, r.recipient or "", r.subject or "", r.body or "", r.key),
    )


def settle(conn: Connection, key: str, state: str, now: str, error: str | None = None) -> bool:
    """Sent or failed for good: the address and body are no longer needed, so they go."""
    return (
        conn.execute(
            update(_t)
            .where(_t.c.key == key, _t.c.state == SENDING)
            .values(
                state=state, done_at=now, last_error=error, recipient=None, subject=None, body=None
            )
        ).rowcount
        == 1
    )


def retry_later(conn: Connection, key: str, at: str, error: str) -> None:
    conn.execute(
        update(_t)
        .where(_t.c.key == key, _t.c.state == SENDING)
        .values(state=PENDING, next_attempt_at=at, last_error=error, claimed_at=None)
    )


def orphans(conn: Connection, claimed_before: str) -> list[tuple[str, str]]:
    """(key, basket id) of rows claimed before ``claimed_before`` and never settled: the hub
    stopped between the provider call and recording its outcome."""
    return [
        (k, b)
        for k, b in conn.execute(
            select(_t.c.key, _t.c.basket_id).where(
                _t.c.state == SENDING, _t.c.claimed_at < claimed_before
            )
        )
    ]


def state_of(conn: Connection, key: str) -> str | None:
    return conn.execute(select(_t.c.state).where(_t.c.key == key)).scalar()


def forget_customers(conn: Connection, ids: list[str]) -> int:
    """Erasure: the messages (addresses, bodies) about these customers go, sent or not."""
    return int(conn.execute(delete(_t).where(_t.c.customer_id.in_(ids))).rowcount or 0)


def repoint(conn: Connection, source: str, into: str) -> None:
    """Merge: B's messages are A's, so erasing A erases them too."""
    conn.execute(update(_t).where(_t.c.customer_id == source).values(customer_id=into))
