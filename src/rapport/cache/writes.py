"""Local writes: each changes the cache and appends to the outbox in one durable transaction, so
what an agent typed is on disk before the call returns and reaches the hub when it can. The
transaction runs on a local writer connection, which commits the outbox file first (see
``rapport.cache.outbox_file``)."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from rapport.cache.outbox import enqueue
from rapport.cache.outbox_file import begin_write, connect_local_writer, is_local_writer
from rapport.cache.search_index import reindex_customers
from rapport.domain.messages import QT_TRANSLATE_NOOP, Message
from rapport.domain.text import find_bad_text
from rapport.domain.timestamps import utc_text
from rapport.protocol import CHANNELS, CONSENT_CHANNELS, EDITABLE_CUSTOMER_FIELDS

MAX_SUMMARY = 10_000
DIRECTIONS = ("inbound", "outbound", "internal")


class WriteError(ValueError):
    """A write that cannot be queued as given; ``field`` names what to correct. ``message`` is a
    :class:`~rapport.domain.messages.Message` (the interface says it in the agent's language):
    an English template marked with ``QT_TRANSLATE_NOOP("Messages", ...)`` and its ``values``,
    or a message made elsewhere. ``str()`` is the English sentence."""

    def __init__(self, field: str, message: str | Message, **values: object) -> None:
        self.message = message if isinstance(message, Message) else Message(message, values)
        super().__init__(str(self.message))
        self.field = field


def refuse_bad_text(**fields: Any) -> None:
    """Raise a :class:`WriteError` naming the first field whose text the hub could not store
    (a NUL, a lone surrogate): refused here, it never blocks the outbox."""
    for field, value in fields.items():
        if problem := find_bad_text(value):
            raise WriteError(
                field,
                QT_TRANSLATE_NOOP(
                    "Messages", "This text {problem}, which cannot be saved: retype it."
                ),
                problem=Message(problem),
            )


def _cache_file(conn: sqlite3.Connection) -> Path:
    main = next(r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main")
    return Path(main)


class LocalWrites:
    def __init__(
        self,
        conn: sqlite3.Connection,
        user_id: str,
        store_id: str | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        # The outbox row must reach the disk before the local change: a cache connection given
        # here is reopened as a local writer on the same files (see rapport.cache.outbox_file).
        self.conn = conn if is_local_writer(conn) else connect_local_writer(_cache_file(conn))
        self.user_id = user_id
        self.store_id = store_id
        self._now = now or (lambda: datetime.now(UTC))

    def now_text(self) -> str:
        return utc_text(self._now())

    def _customer(self, customer_id: str) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM customer WHERE id = ?", (customer_id,)).fetchone()
        if row is None:
            raise WriteError(
                "customer",
                QT_TRANSLATE_NOOP("Messages", "This customer is not in this computer's cache."),
            )
        return row

    def log_interaction(
        self,
        customer_id: str,
        *,
        channel: str,
        summary: str,
        direction: str = "inbound",
        kind: str = "call",
        disposition: str | None = None,
        payload: Mapping[str, Any] | None = None,
        occurred_at: datetime | None = None,
        store_id: str | None = None,
    ) -> str:
        """Queue an interaction; returns its id (made here, so a retry never duplicates it)."""
        if channel not in CHANNELS:
            raise WriteError(
                "channel",
                QT_TRANSLATE_NOOP("Messages", "Unknown channel {channel}."),
                channel=channel,
            )
        if direction not in DIRECTIONS:
            raise WriteError(
                "direction",
                QT_TRANSLATE_NOOP("Messages", "Direction must be one of {directions}."),
                directions=", ".join(DIRECTIONS),
            )
        summary = summary.strip()
        if not summary:
            raise WriteError(
                "summary", QT_TRANSLATE_NOOP("Messages", "Write a short note of what happened.")
            )
        if len(summary) > MAX_SUMMARY:
            raise WriteError(
                "summary",
                QT_TRANSLATE_NOOP("Messages", "The note is over {n} characters."),
                n=MAX_SUMMARY,
            )
        if not kind.strip():
            raise WriteError(
                "kind", QT_TRANSLATE_NOOP("Messages", "Say what kind of interaction this was.")
            )
        refuse_bad_text(summary=summary, kind=kind, disposition=disposition, payload=payload)
        row = {
            "id": str(uuid.uuid4()),
            "customer_id": customer_id,
            "channel": channel,
            "direction": direction,
            "kind": kind.strip(),
            "occurred_at": utc_text(occurred_at or self._now()),
            "user_id": self.user_id,
            "store_id": store_id or self.store_id,
            "summary": summary,
            "disposition": disposition or None,
            "payload": dict(payload) if payload else None,
        }
        with self.conn:
            begin_write(self.conn)
            self._customer(customer_id)
            self.conn.execute(
                "INSERT INTO interaction (id, customer_id, channel, direction, kind, occurred_at,"
                " user_id, store_id, summary, disposition, payload)"
                " VALUES (:id, :customer_id, :channel, :direction, :kind, :occurred_at, :user_id,"
                " :store_id, :summary, :disposition, :payload)",
                {
                    **row,
                    "payload": orjson.dumps(row["payload"]).decode() if row["payload"] else None,
                },
            )
            self.conn.execute(
                "UPDATE customer SET last_contact_at = ? WHERE id = ?"
                " AND (last_contact_at IS NULL OR last_contact_at < ?)",
                (row["occurred_at"], customer_id, row["occurred_at"]),
            )
            enqueue(
                self.conn,
                "interaction.log",
                row,
                customer_id=customer_id,
                target_id=row["id"],
                summary=f"{kind} on {channel}: {summary[:200]}",
            )
        return str(row["id"])

    def update_customer(self, customer_id: str, changes: Mapping[str, Any]) -> int:
        """Change profile fields; the hub compares each field's base value before applying."""
        bad = [f for f in changes if f not in EDITABLE_CUSTOMER_FIELDS]
        if bad:
            raise WriteError(
                bad[0],
                QT_TRANSLATE_NOOP("Messages", "{field} cannot be edited here."),
                field=bad[0],
            )
        if not changes:
            raise WriteError("changes", QT_TRANSLATE_NOOP("Messages", "Nothing to change."))
        refuse_bad_text(**changes)
        with self.conn:
            begin_write(self.conn)
            current = self._customer(customer_id)
            diff = []
            for field, new in changes.items():
                base = current[field]
                if field == "preferences":
                    base = orjson.loads(base) if base else None
                    stored = orjson.dumps(new).decode() if new is not None else None
                else:
                    stored = new
                diff.append({"field": field, "base": base, "new": new})
                self.conn.execute(
                    f"UPDATE customer SET {field} = ? WHERE id = ?", (stored, customer_id)
                )
            if {"given_name", "family_name"} & changes.keys():
                reindex_customers(self.conn, [customer_id])
            return enqueue(
                self.conn,
                "customer.update",
                {"customer_id": customer_id, "changes": diff},
                customer_id=customer_id,
                target_id=customer_id,
                summary="Profile: " + ", ".join(f"{d['field']} → {d['new']}" for d in diff)[:200],
            )

    def set_consent(self, customer_id: str, channel: str, status: str, source: str) -> int:
        """Record a consent change now; an opt-out takes effect locally at once."""
        if channel not in CONSENT_CHANNELS:
            raise WriteError(
                "channel",
                QT_TRANSLATE_NOOP("Messages", "Unknown consent channel {channel}."),
                channel=channel,
            )
        if status not in ("granted", "denied"):
            raise WriteError(
                "status", QT_TRANSLATE_NOOP("Messages", "Consent is granted or denied.")
            )
        if not source.strip():
            raise WriteError(
                "source", QT_TRANSLATE_NOOP("Messages", "Say where the consent came from.")
            )
        refuse_bad_text(source=source)
        effective_at = utc_text(self._now())
        with self.conn:
            begin_write(self.conn)
            current = self._customer(customer_id)
            consent = orjson.loads(current["consent"]) if current["consent"] else {}
            consent[channel] = {"status": status, "source": source.strip(),
                                "effective_at": effective_at}  # fmt: skip
            self.conn.execute(
                "UPDATE customer SET consent = ? WHERE id = ?",
                (orjson.dumps(consent).decode(), customer_id),
            )
            return enqueue(
                self.conn,
                "consent.set",
                {
                    "customer_id": customer_id,
                    "channel": channel,
                    "status": status,
                    "source": source.strip(),
                    "effective_at": effective_at,
                },
                customer_id=customer_id,
                target_id=customer_id,
                summary=f"Consent {channel}: {status} ({source.strip()})",
            )

    def redo(self, client_seq: int) -> int:
        """Queue a refused write again, as the user corrected or confirmed it."""
        row = self.conn.execute(
            "SELECT name, args FROM outbox WHERE client_seq = ? AND state = 'rejected'",
            (client_seq,),
        ).fetchone()
        if row is None:
            raise WriteError(
                "outbox",
                QT_TRANSLATE_NOOP("Messages", "This write is no longer waiting for a decision."),
            )
        name, args = row[0], orjson.loads(row[1])
        if name == "interaction.log":
            with self.conn:
                begin_write(self.conn)
                self.conn.execute("DELETE FROM outbox WHERE client_seq = ?", (client_seq,))
                return enqueue(
                    self.conn,
                    name,
                    args,
                    customer_id=args.get("customer_id"),
                    target_id=args.get("id"),
                    summary=f"{args.get('kind')} on {args.get('channel')}: "
                    f"{str(args.get('summary'))[:200]}",
                )
        if name == "customer.update":
            seq = self.update_customer(
                args["customer_id"], {c["field"]: c["new"] for c in args["changes"]}
            )
        elif name == "consent.set":
            seq = self.set_consent(
                args["customer_id"], args["channel"], args["status"], args["source"]
            )
        else:
            raise WriteError(
                "outbox", QT_TRANSLATE_NOOP("Messages", "Cannot redo a {name} write."), name=name
            )
        with self.conn:
            self.conn.execute("DELETE FROM outbox WHERE client_seq = ?", (client_seq,))
        return seq
