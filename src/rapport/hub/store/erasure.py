"""Erasing a customer at their request, in the caller's transaction: every row about them goes,
their change-log rows are compacted away (or a fresh cache would replay them), one ``purge`` per id
they had is logged, stored push answers about them are redacted, and their id and identifiers are
remembered (hashed) so nothing re-creates them. What else held their name, email, phone or notes
goes too: the text of searches that found them, web visits held for an identify (under their ids
and the ids an alias tied to them), those aliases, the import's record of which customer a
system's id became, the mark that a website made their profile, merge reviews naming them, the
messages sent to them.

The rows are gone at commit; their bytes are not, on SQLite, until ``Hub.erase`` empties the WAL
(the database overwrites deleted content with zeros, see ``rapport.hub.store.db``). On PostgreSQL
the old row versions stay in the table's files until ``VACUUM FULL`` rewrites them (a plain VACUUM
only marks their space free for reuse)."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from sqlalchemy import Connection, and_, delete, or_, select, update

from rapport.hub.ingest import identity, pending, review
from rapport.hub.ingest.tables import source_record
from rapport.hub.store import aliases, audit, outbox
from rapport.hub.store.changes import lock_feed, log_ops
from rapport.hub.store.customers import UnknownCustomer, exists
from rapport.hub.store.schema import (
    change_log,
    entity_tables,
    message_outbox,
    mutation_result,
    subscription,
)
from rapport.hub.store.search import query_finds
from rapport.hub.store.subjects import (
    is_erased,
    reason_kind,
    record_erased,
    record_erased_identifiers,
)
from rapport.protocol import ENTITIES

REDACTED_RESULT = {"redacted": "erased"}
REDACTED_ERROR = {
    "code": "erased",
    "message": "this customer's data was erased at their request",
    "current": None,
}


@dataclass(frozen=True, slots=True)
class ErasureReport:
    ids: int  # the customer's id and the ids merged into it
    rows: int  # rows deleted, the customer's own included
    already: bool = False
    # The kind of reason kept (subjects.ERASURE_REASONS), never the text; None when already.
    reason: str | None = None
    # Their email addresses and phone numbers, for the caller to take out of what was handed to
    # a message provider outside the database (``Outbound.forget``). Never logged.
    addresses: frozenset[str] = field(default=frozenset(), repr=False)


def erase_customer(
    conn: Connection,
    customer_id: str,
    reason: str,
    by: str | None,
    now: str,
    default_region: str = "FR",
) -> ErasureReport:
    """Erase ``customer_id`` (or, if it was merged, the customer it was merged into: same person).
    ``default_region``: the hub's, to read national phone numbers typed into searches."""
    lock_feed(conn)  # the feed's lock first: a concurrent write waits, then sees the erasure
    if is_erased(conn, customer_id):
        return ErasureReport(0, 0, already=True)
    target = aliases.resolve_one(conn, customer_id)
    if not exists(conn, target):
        raise UnknownCustomer(customer_id)
    ids = [target, *aliases.aliases_of(conn, target)]
    # Before the rows go: what tracking and imports must not re-create them from, and what to
    # recognize them by elsewhere.
    idents = entity_tables["identity"]
    held = [
        (str(kind), str(normalized or value or ""), str(value or ""))
        for kind, normalized, value in conn.execute(
            select(idents.c.kind, idents.c.normalized, idents.c.value).where(
                idents.c.customer_id.in_(ids)
            )
        )
    ]
    record_erased_identifiers(conn, ((k, n) for k, n, _v in held), now)
    customer = entity_tables["customer"]
    names = [
        name
        for row in conn.execute(
            select(customer.c.given_name, customer.c.family_name).where(customer.c.id.in_(ids))
        )
        for name in row
    ]
    pairs = [(k, n) for k, n, _v in held]
    audit.forget_searches(conn, lambda q: query_finds(q, names, pairs, default_region))
    # A site may use any identifier as its user id (an email often): what is held or linked
    # under any of hers is hers, and so is what an alias tied to those ids.
    own = {x for _k, n, v in held for x in (n, v) if x}
    web_ids = identity.forget_links(conn, own)
    pending.forget(conn, web_ids)
    # The ids an alias tied to hers are hers too: a later visit from them is refused, not held.
    tied = sorted(web_ids - own)
    record_erased_identifiers(
        conn, [(k, x) for x in tied for k in ("anonymous_id", "user_id")], now
    )
    identity.forget_web_profiles(conn, ids)
    review.forget(conn, ids)
    addresses = {x.lower() for k, n, v in held if k in ("email", "phone") for x in (n, v) if x}
    addresses |= {
        str(r).lower()
        for r in conn.execute(
            select(message_outbox.c.recipient).where(
                message_outbox.c.customer_id.in_(ids), message_outbox.c.recipient.is_not(None)
            )
        ).scalars()
    }
    _forget_source_records(conn, ids)
    rows = 0
    for spec in ENTITIES.values():
        if spec.customer_column:
            table = entity_tables[spec.name]
            rows += conn.execute(
                delete(table).where(table.c[spec.customer_column].in_(ids))
            ).rowcount
    conn.execute(delete(change_log).where(change_log.c.customer_id.in_(ids)))
    conn.execute(
        delete(change_log).where(change_log.c.entity == "customer", change_log.c.entity_id.in_(ids))
    )
    aliases.forget(conn, ids[1:])
    conn.execute(delete(subscription).where(subscription.c.customer_id.in_(ids)))
    outbox.forget_customers(conn, ids)  # an unsent basket to them is not sent either
    conn.execute(
        update(mutation_result)
        .where(mutation_result.c.customer_id.in_(ids), mutation_result.c.status == "applied")
        .values(result=_json(REDACTED_RESULT), error=None, customer_id=None)
    )
    conn.execute(
        update(mutation_result)
        .where(mutation_result.c.customer_id.in_(ids))
        .values(result=None, error=_json(REDACTED_ERROR), customer_id=None)
    )
    audit.forget_subject(conn, ids)
    audit.record(conn, "erase", by, now)  # that an erasure happened, not of whom
    kind = reason_kind(reason)  # the text typed may name them: only its kind is kept
    record_erased(conn, ids, kind, by, now)
    # No customer_id on the purge rows: they hold the id the caches must forget, nothing else.
    log_ops(conn, "customer", [(i, None) for i in ids], "purge")
    return ErasureReport(len(ids), rows, reason=kind, addresses=frozenset(addresses))


def _forget_source_records(conn: Connection, ids: list[str]) -> None:
    """Which customer, order or interaction a source system's id became: their ids in clear, with
    nothing left to answer (a record about them posted again names no customer and is refused)."""
    owned = [
        and_(
            source_record.c.entity == entity,
            source_record.c.entity_id.in_(
                select(entity_tables[entity].c.id).where(
                    entity_tables[entity].c.customer_id.in_(ids)
                )
            ),
        )
        for entity in ("order", "interaction")
    ]
    conn.execute(
        delete(source_record).where(
            or_(
                and_(source_record.c.entity == "customer", source_record.c.entity_id.in_(ids)),
                *owned,
            )
        )
    )


def _json(value: object) -> str:
    return orjson.dumps(value).decode()
