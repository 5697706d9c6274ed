"""The outbox: local writes waiting for the hub, and what the hub said about them.

Rows are appended in the same transaction as the local change they describe (see
``rapport.cache.writes``), in the outbox file (see ``rapport.cache.outbox_file``), which commits
first. Applied rows are deleted; rejected rows stay, with the reason, until the user redoes or
dismisses them: nothing is dropped silently.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from rapport.cache.outbox_file import get_meta, next_seq, set_meta
from rapport.domain.timestamps import utc_now_text
from rapport.protocol import SILENT_MUTATIONS

PENDING = "pending"
REJECTED = "rejected"
NOTICE = "notice"  # applied, but the hub kept a newer value for part of it: tell the user


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    client_seq: int
    mutation_id: str
    name: str
    args: dict[str, Any]
    customer_id: str | None
    target_id: str | None
    state: str
    created_at: str
    attempts: int
    error_code: str | None
    last_error: str | None
    summary: str | None


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int = 0
    rejected: int = 0
    notices: int = 0


def enqueue(
    conn: sqlite3.Connection,
    name: str,
    args: Mapping[str, Any],
    *,
    customer_id: str | None,
    target_id: str | None,
    summary: str,
) -> int:
    """Append a mutation; the caller holds the transaction that also made the local change
    (begun with :func:`rapport.cache.outbox_file.begin_write`). Returns its number."""
    seq = next_seq(conn)
    conn.execute(
        "INSERT INTO outbox (client_seq, mutation_id, name, args, customer_id, target_id, state,"
        " created_at, summary) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        (
            seq,
            str(uuid.uuid4()),
            name,
            orjson.dumps(dict(args)).decode(),
            customer_id,
            target_id,
            utc_now_text(),
            summary,
        ),
    )
    set_meta(conn, {"high_water": seq})
    return seq


def _entry(row: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        client_seq=row["client_seq"],
        mutation_id=row["mutation_id"],
        name=row["name"],
        args=orjson.loads(row["args"]),
        customer_id=row["customer_id"],
        target_id=row["target_id"],
        state=row["state"],
        created_at=row["created_at"],
        attempts=row["attempts"],
        error_code=row["error_code"],
        last_error=row["last_error"],
        summary=row["summary"],
    )


# SILENT_MUTATIONS are fixed names from the protocol, not input: safe to inline.
VISIBLE = "name NOT IN ({})".format(", ".join(f"'{n}'" for n in SILENT_MUTATIONS))


def pending_batch(conn: sqlite3.Connection, limit: int = 100) -> list[OutboxEntry]:
    rows = conn.execute(
        "SELECT * FROM outbox WHERE state = 'pending' ORDER BY client_seq LIMIT ?", (limit,)
    ).fetchall()
    return [_entry(r) for r in rows]


def entries(
    conn: sqlite3.Connection, states: Iterable[str] = (PENDING, REJECTED, NOTICE)
) -> list[OutboxEntry]:
    """What the user sees of the outbox (audit-only writes left out)."""
    states = tuple(states)
    marks = ",".join("?" * len(states))
    rows = conn.execute(
        f"SELECT * FROM outbox WHERE state IN ({marks}) AND {VISIBLE} ORDER BY client_seq", states
    ).fetchall()
    return [_entry(r) for r in rows]


def counts(conn: sqlite3.Connection) -> OutboxCounts:
    found = dict(
        conn.execute(
            f"SELECT state, count(*) FROM outbox WHERE {VISIBLE} GROUP BY state"
        ).fetchall()
    )
    return OutboxCounts(found.get(PENDING, 0), found.get(REJECTED, 0), found.get(NOTICE, 0))


def pending_targets(conn: sqlite3.Connection, customer_id: str) -> set[str]:
    """Ids of this customer's rows that were written here and are not on the hub yet."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT target_id FROM outbox WHERE customer_id = ? AND state = 'pending'"
            " AND target_id IS NOT NULL",
            (customer_id,),
        )
    }


def mark_attempt(conn: sqlite3.Connection, seqs: Iterable[int], error: str | None) -> None:
    conn.executemany(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE client_seq = ?",
        [(error, s) for s in seqs],
    )


def drop_acked(conn: sqlite3.Connection, acked_through: int) -> int:
    """The hub has applied everything up to ``acked_through``: forget those pending rows."""
    cur = conn.execute(
        "DELETE FROM outbox WHERE state = 'pending' AND client_seq <= ?", (acked_through,)
    )
    return cur.rowcount


def device_id(conn: sqlite3.Connection) -> str:
    return str(get_meta(conn, "device_id"))
