"""Erased subjects: the hub remembers that a customer id was erased (by its SHA-256 only) so that
no mutation, ingestion or merge brings them back."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import Connection, select

from rapport.hub.store.schema import erased_subject

_CHUNK = 500


class ErasedSubjectError(ValueError):
    """A write names a customer who was erased."""


def digest(customer_id: str) -> str:
    return hashlib.sha256(customer_id.encode()).hexdigest()


def any_erased(conn: Connection) -> bool:
    """Cheap check first: most hubs never erase anyone, and bulk writes call this per batch."""
    return conn.execute(select(erased_subject.c.digest).limit(1)).first() is not None


def erased_among(conn: Connection, ids: Iterable[str]) -> set[str]:
    """The ids of ``ids`` that were erased."""
    by_digest: dict[str, str] = {digest(i): i for i in set(ids) if i}
    keys = list(by_digest)
    found: set[str] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        for (d,) in conn.execute(
            select(erased_subject.c.digest).where(erased_subject.c.digest.in_(chunk))
        ):
            found.add(by_digest[d])
    return found


def is_erased(conn: Connection, customer_id: str) -> bool:
    return bool(erased_among(conn, [customer_id]))


def check_not_erased(conn: Connection, ids: Iterable[str]) -> None:
    if not any_erased(conn):
        return
    if erased_among(conn, ids):
        # The message holds no id: it may end up in a log.
        raise ErasedSubjectError("refusing to write rows about an erased customer")


def record_erased(
    conn: Connection, ids: Iterable[str], reason: str, by: str | None, at: str
) -> None:
    rows = [
        {"digest": digest(i), "reason": reason, "erased_by": by, "erased_at": at}
        for i in sorted(set(ids))
    ]
    existing = {
        d
        for (d,) in conn.execute(
            select(erased_subject.c.digest).where(
                erased_subject.c.digest.in_([r["digest"] for r in rows])
            )
        )
    }
    fresh = [r for r in rows if r["digest"] not in existing]
    if fresh:
        conn.execute(erased_subject.insert(), fresh)
