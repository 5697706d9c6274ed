"""Erasing a customer at their request, in the caller's transaction: every row about them goes,
their change-log rows are compacted away (or a fresh cache would replay them), one ``purge`` per id
they had is logged, stored push answers about them are redacted, and their id and identifiers are
remembered (hashed) so nothing re-creates them."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, delete, select, update

from rapport.hub.store import aliases, audit, outbox
from rapport.hub.store.changes import lock_feed, log_ops
from rapport.hub.store.customers import UnknownCustomer, exists
from rapport.hub.store.schema import change_log, entity_tables, mutation_result, subscription
from rapport.hub.store.subjects import is_erased, record_erased, record_erased_identifiers
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


def erase_customer(
    conn: Connection, customer_id: str, reason: str, by: str | None, now: str
) -> ErasureReport:
    """Erase ``customer_id`` (or, if it was merged, the customer it was merged into: same person)."""
    lock_feed(conn)  # the feed's lock first: a concurrent write waits, then sees the erasure
    if is_erased(conn, customer_id):
        return ErasureReport(0, 0, already=True)
    target = aliases.resolve_one(conn, customer_id)
    if not exists(conn, target):
        raise UnknownCustomer(customer_id)
    ids = [target, *aliases.aliases_of(conn, target)]
    # Before the identity rows go: what tracking and imports must not re-create them from.
    idents = entity_tables["identity"]
    record_erased_identifiers(
        conn,
        (
            (kind, normalized or value)
            for kind, normalized, value in conn.execute(
                select(idents.c.kind, idents.c.normalized, idents.c.value).where(
                    idents.c.customer_id.in_(ids)
                )
            )
        ),
        now,
    )
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
    record_erased(conn, ids, reason, by, now)
    # No customer_id on the purge rows: they hold the id the caches must forget, nothing else.
    log_ops(conn, "customer", [(i, None) for i in ids], "purge")
    return ErasureReport(len(ids), rows)


def _json(value: object) -> str:
    return orjson.dumps(value).decode()
