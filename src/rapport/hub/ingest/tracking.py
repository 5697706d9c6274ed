"""Applying tracked messages: dedupe by messageId, identity resolution, web events and orders, all
in one transaction per request; a message that cannot be applied (refused, or tripping a database
constraint) is set aside and the rest kept."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, and_, delete, select
from sqlalchemy.exc import DBAPIError

from rapport.hub.ingest import ecommerce, identity, keys, pending
from rapport.hub.ingest.catalog import Catalog
from rapport.hub.ingest.messages import BadMessage, Message, iso
from rapport.hub.ingest.review import MergeReviews
from rapport.hub.ingest.tables import pending_event, pending_link, seen_message
from rapport.hub.store.aliases import MergedCustomerError
from rapport.hub.store.changes import lock_feed, write_rows
from rapport.hub.store.dberrors import transient
from rapport.hub.store.merge import MergeError
from rapport.hub.store.schema import entity_tables
from rapport.hub.store.subjects import ErasedIdentifiers, ErasedSubjectError

# Failures that belong to one message: the others of its batch are applied without it.
MessageFailure = (BadMessage, ErasedSubjectError, MergedCustomerError, MergeError)
_orders = entity_tables["order"]
_log = logging.getLogger("rapport.hub.tracking")


@dataclass(slots=True)
class Outcome:
    accepted: int = 0
    duplicates: int = 0
    rejected: dict[int, str] = field(default_factory=dict)  # index in the request -> reason


def _seen_before(conn: Connection, source_id: str, message_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(message_ids), 500):
        chunk = message_ids[start : start + 500]
        found.update(
            conn.execute(
                select(seen_message.c.message_id).where(
                    and_(
                        seen_message.c.source_id == source_id,
                        seen_message.c.message_id.in_(chunk),
                    )
                )
            ).scalars()
        )
    return found


class _Writes:
    """Rows of one transaction, written per entity at :meth:`flush` (or at once when not bulk)."""

    def __init__(self, conn: Connection, now: str, bulk: bool) -> None:
        self.conn, self.now, self.bulk = conn, now, bulk
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.held: list[tuple[pending.Key, str, dict[str, Any]]] = []

    def write(self, entity: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(entity, []).append(row)
        if not self.bulk:
            self.flush()

    def hold(self, key: pending.Key, entity: str, row: dict[str, Any]) -> None:
        self.held.append((key, entity, row))
        if not self.bulk:
            self.flush()

    def discard(self) -> None:
        """Forget what a failed message left in the buffer (its savepoint was rolled back)."""
        self.rows.clear()
        self.held.clear()

    def flush(self) -> None:
        try:
            for entity, rows in self.rows.items():
                write_rows(self.conn, entity, rows)
            pending.hold_many(self.conn, self.held, self.now)
        except MessageFailure as exc:
            if self.bulk:
                raise _BufferFailed from exc
            raise
        self.rows.clear()
        self.held.clear()


class _BufferFailed(Exception):
    """A buffered write failed: which message it came from is not known."""


class Tracking:
    def __init__(
        self,
        engine: Engine,
        notify: Callable[[], None],
        default_region: str,
        dedupe_window: timedelta = timedelta(days=1),
        pending_window: timedelta = timedelta(days=90),
    ) -> None:
        self.engine = engine
        self.notify = notify
        self.default_region = default_region
        self.dedupe_window = dedupe_window
        # Most anonymous visitors never identify: what they did is dropped after this long.
        self.pending_window = pending_window
        self._next_purge = 0.0
        # Merges identity resolution found doubtful, for a supervisor or an admin to decide.
        self.reviews = MergeReviews(engine, notify)

    def add_write_key(self, name: str, origins: Iterable[str] = ()) -> tuple[str, str]:
        """``(source_id, raw_key)``; raises :class:`keys.BadOrigin`."""
        with self.engine.begin() as conn:
            return keys.add_write_key(conn, name, iso(datetime.now(UTC)), origins)

    def source_for_key(self, raw: str) -> str | None:
        with self.engine.connect() as conn:
            return keys.source_for_key(conn, raw)

    def key(self, raw: str) -> keys.WriteKey | None:
        with self.engine.connect() as conn:
            return keys.lookup(conn, raw)

    def write_keys(self) -> list[keys.WriteKey]:
        with self.engine.connect() as conn:
            return keys.list_keys(conn)

    def set_origins(self, source_id: str, origins: Iterable[str]) -> keys.WriteKey | None:
        """Raises :class:`keys.BadOrigin`; None for an unknown key."""
        with self.engine.begin() as conn:
            return keys.set_origins(conn, source_id, origins)

    def any_key_allows(self, origin: str) -> bool:
        with self.engine.connect() as conn:
            return keys.any_key_allows(conn, origin)

    def apply(self, source_id: str, messages: Sequence[Message]) -> Outcome:
        now_dt = datetime.now(UTC)
        now = iso(now_dt)
        remaining = list(enumerate(messages))
        out = Outcome()
        # Rows are buffered and written per entity (a batch is mostly web events); a failure while
        # writing a buffer cannot name its message, so that attempt is replayed one message at a
        # time, each in its own savepoint (see _apply_alone).
        bulk = True
        while True:
            current = -1
            rejected: dict[int, str] = {}
            try:
                with self.engine.begin() as conn:
                    lock_feed(conn)  # merges below need it; taking it first avoids upgrades
                    self._purge(conn, now_dt)
                    catalog = Catalog(conn)
                    erased = ErasedIdentifiers(conn)
                    writes = _Writes(conn, now, bulk)
                    seen = _seen_before(conn, source_id, [m.message_id for _i, m in remaining])
                    fresh: list[str] = []
                    duplicates = 0
                    known = identity.Owners(conn)
                    known.prefetch(_who(m for _i, m in remaining))
                    catalog.prefetch(_skus(m for _i, m in remaining))
                    for i, msg in remaining:
                        current = i  # which one failed, for the except clause
                        if msg.message_id in seen:
                            duplicates += 1
                            continue
                        if bulk:
                            self._apply_one(conn, source_id, msg, catalog, writes, erased, known)
                        else:
                            why = self._apply_alone(
                                conn, source_id, msg, catalog, writes, erased, known
                            )
                            if why is not None:
                                rejected[i] = why
                                continue
                        seen.add(msg.message_id)
                        fresh.append(msg.message_id)
                    writes.flush()
                    if fresh and bulk:
                        conn.execute(
                            seen_message.insert(),
                            [
                                {"source_id": source_id, "message_id": m, "received_at": now}
                                for m in fresh
                            ],
                        )
            except _BufferFailed:
                bulk = False  # replay one message at a time, to find the message at fault
                continue
            except MessageFailure as exc:
                _log_refusal(source_id, exc)
                # Roll back and go again without it: the batch keeps every valid message.
                out.rejected[current] = str(exc)
                remaining = [(i, m) for i, m in remaining if i != current]
                continue
            except DBAPIError as exc:
                if transient(exc) or not bulk:
                    raise  # busy: the request answers 503 and the sender retries
                bulk = False  # which message tripped the database is found one at a time
                continue
            out.rejected.update(rejected)
            out.accepted, out.duplicates = len(fresh), duplicates
            break
        if out.accepted:
            self.notify()
        return out

    def _apply_alone(
        self,
        conn: Connection,
        source_id: str,
        msg: Message,
        catalog: Catalog,
        writes: _Writes,
        erased: ErasedIdentifiers,
        known: identity.Owners,
    ) -> str | None:
        """Apply one message, and record it as seen, in its own savepoint: a refusal or a
        database error (a constraint it trips) undoes what it wrote and is its rejection only.
        Returns the reason, or None when it was applied."""
        savepoint = conn.begin_nested()
        try:
            self._apply_one(conn, source_id, msg, catalog, writes, erased, known)
            writes.flush()
            conn.execute(
                seen_message.insert().values(
                    source_id=source_id, message_id=msg.message_id, received_at=writes.now
                )
            )
        except MessageFailure as exc:
            savepoint.rollback()
            writes.discard()
            known.forget()  # who holds what may have been undone
            _log_refusal(source_id, exc)
            return str(exc)
        except DBAPIError as exc:
            if transient(exc):
                raise
            savepoint.rollback()
            writes.discard()
            known.forget()
            error_id = secrets.token_hex(6)
            # The error's text may quote the message: its type only, with an id to tell.
            _log.error(
                "error %s: tracking source %s: a message failed with %s",
                error_id, source_id, type(exc.orig).__name__,
            )  # fmt: skip
            return f"the hub could not store this message (error id {error_id})"
        savepoint.commit()
        return None

    def _purge(self, conn: Connection, now: datetime) -> None:
        # Every ten minutes is plenty for a window of a day, and keeps the DELETE off most requests.
        if time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + 600
        self._forget_before(conn, now)

    def forget_expired(self) -> None:
        """Forget messageIds older than the dedupe window, and events of visitors who did not
        identify within the pending window, now (requests do it every ten minutes)."""
        with self.engine.begin() as conn:
            self._forget_before(conn, datetime.now(UTC))

    def _forget_before(self, conn: Connection, now: datetime) -> None:
        cutoff = iso(now - self.dedupe_window)
        conn.execute(delete(seen_message).where(seen_message.c.received_at < cutoff))
        cutoff = iso(now - self.pending_window)
        conn.execute(delete(pending_event).where(pending_event.c.received_at < cutoff))
        conn.execute(delete(pending_link).where(pending_link.c.created_at < cutoff))

    def _apply_one(
        self,
        conn: Connection,
        source_id: str,
        msg: Message,
        catalog: Catalog,
        writes: _Writes,
        erased: ErasedIdentifiers,
        known: identity.Owners,
    ) -> None:
        # A person erased at their request is not re-created from their identifiers, nor are
        # their visits held for a later identify.
        named: list[tuple[str, str | None]] = [
            ("user_id", msg.user_id),
            ("anonymous_id", msg.anonymous_id),
        ]
        if msg.type == "identify":
            named += [(k, n) for k, _v, n in identity.strong_identifiers(msg, self.default_region)]
        elif msg.type == "alias":
            named += [("user_id", msg.previous_id), ("anonymous_id", msg.previous_id)]
        erased.check(named)
        if msg.type in ("identify", "alias"):
            writes.flush()  # identify attaches what is held for the visitor: hold it first
            known.forget()  # identities attached, customers created or merged
            if msg.type == "identify":
                identity.identify(conn, msg, self.default_region, writes.now)
            else:
                identity.alias(conn, msg, writes.now)
            return
        if msg.type == "group":
            return  # accounts are not part of the data model: accepted, deduped, not stored
        cid = identity.customer_for(conn, msg, known)
        rows: list[tuple[str, dict[str, Any]]] = []
        if msg.event == "Order Completed":
            rows.append(("order", ecommerce.order_row(source_id, msg, catalog, cid)))
        elif msg.event == "Order Refunded":
            writes.flush()
            self._refund(conn, source_id, msg, catalog)
        rows.append(("web_event", ecommerce.web_event_row(source_id, msg, catalog, cid)))
        for entity, row in rows:
            if cid is None:
                writes.hold(identity.pending_key(msg), entity, row)
            else:
                writes.write(entity, row)

    def _refund(self, conn: Connection, source_id: str, msg: Message, catalog: Catalog) -> None:
        """Mark the order's lines returned: an order the hub holds (it keeps whoever owns it), or a
        guest's order still held until they identify. An order the hub never saw is left alone;
        the web event still records the refund."""
        number = ecommerce.order_number(msg.properties or {})
        found = conn.execute(select(_orders).where(_orders.c.number == number)).mappings().first()
        if found is not None:
            order = {str(k): v for k, v in found.items()}
            if order["lines"]:
                order["lines"] = orjson.loads(order["lines"])
            write_rows(conn, "order", [ecommerce.refund(order, msg, catalog)])
            return
        held = pending.get(conn, ecommerce.row_id(source_id, "order", number))
        if held is not None:
            pending.replace(conn, ecommerce.refund(held, msg, catalog))


def _log_refusal(source_id: str, exc: Exception) -> None:
    if isinstance(exc, ErasedSubjectError):
        # Why a site's events vanish, for whoever runs the hub; the reason names the kind of
        # identifier only, never its value.
        _log.warning("tracking source %s: %s", source_id, exc)


def _who(messages: Iterable[Message]) -> Iterator[tuple[str, str]]:
    """The identifiers ``customer_for`` will look up for the batch's events."""
    for msg in messages:
        if msg.type in ("identify", "alias", "group"):
            continue
        if msg.user_id:
            yield ("user_id", msg.user_id)
        if msg.anonymous_id:
            yield ("anonymous_id", msg.anonymous_id)


def _skus(messages: Iterable[Message]) -> Iterator[Any]:
    for msg in messages:
        props = msg.properties if isinstance(msg.properties, dict) else None
        if msg.type != "track" or not props:
            continue
        yield props.get("sku")
        products = props.get("products")
        if isinstance(products, list):
            yield from (p.get("sku") for p in products if isinstance(p, dict))
