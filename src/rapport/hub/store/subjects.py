"""Erased subjects: the hub remembers that a customer id was erased (by its SHA-256 only) so that
no mutation, ingestion or merge brings them back; and which identifiers they had (by a keyed hash,
see ``erased_identifier`` in the schema) so that tracking and imports do not re-create them under a
new id."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy import Connection, insert, select

from rapport.hub.store.schema import erased_identifier, erased_subject, meta

_CHUNK = 500


# Why a person was erased, as kept: the grounds of GDPR art. 17(1) an admin can name, and
# ``other``. Free text is not kept (an admin would type the person's name, email or phone).
ERASURE_REASONS = (
    "request",  # the person asked (art. 17)
    "consent_withdrawn",
    "objection",  # art. 21
    "retention",  # no longer needed: the retention period ended
    "unlawful",
    "legal_obligation",
    "other",
)


def reason_kind(typed: str) -> str:
    """The kind of reason ``typed`` names; anything but one of :data:`ERASURE_REASONS` is
    ``other``, its text dropped."""
    word = typed.strip().lower().replace("-", "_").replace(" ", "_")
    return word if word in ERASURE_REASONS else "other"


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
    """``reason``: one of :data:`ERASURE_REASONS` (anything else is kept as ``other``)."""
    kind = reason_kind(reason)
    rows = [
        {"digest": digest(i), "reason": kind, "erased_by": by, "erased_at": at}
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


# -- identifiers of erased customers ---------------------------------------------------------------
IDENTIFIER_KINDS = ("email", "phone", "user_id", "loyalty", "anonymous_id")
_KEY = "identifier_key"


def _identifier_key(conn: Connection, create: bool) -> bytes | None:
    # Created by the first erasure, which holds the change feed's lock (``lock_feed``): two hub
    # processes erasing at once take turns, and the second reads the key the first committed.
    found = conn.execute(select(meta.c.value).where(meta.c.key == _KEY)).scalar()
    if found is None and create:
        found = secrets.token_hex(32)
        conn.execute(insert(meta).values(key=_KEY, value=found))
    return bytes.fromhex(found) if found else None


def _identifier_digest(key: bytes, kind: str, normalized: str) -> str:
    return hmac.new(key, f"{kind}\x1f{normalized}".encode(), hashlib.sha256).hexdigest()


def record_erased_identifiers(
    conn: Connection, identifiers: Iterable[tuple[str, str]], at: str
) -> int:
    """Remember ``(kind, normalized)`` pairs of an erased customer; returns how many were new."""
    pairs = {(k, n) for k, n in identifiers if k in IDENTIFIER_KINDS and n}
    if not pairs:
        return 0
    key = _identifier_key(conn, create=True)
    assert key is not None
    rows = {_identifier_digest(key, k, n): k for k, n in pairs}
    existing = set(
        conn.execute(
            select(erased_identifier.c.digest).where(erased_identifier.c.digest.in_(list(rows)))
        ).scalars()
    )
    fresh = [
        {"digest": d, "kind": k, "erased_at": at} for d, k in rows.items() if d not in existing
    ]
    if fresh:
        conn.execute(erased_identifier.insert(), fresh)
    return len(fresh)


class ErasedIdentifiers:
    """Checks identifiers against those of erased customers, for one transaction: most hubs never
    erase anyone, so the key is read (and the table known non-empty) once, not per message."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._key = _identifier_key(conn, create=False)
        self._any = (
            self._key is not None
            and conn.execute(select(erased_identifier.c.digest).limit(1)).first() is not None
        )

    def erased_kinds(self, identifiers: Iterable[tuple[str, str | None]]) -> list[str]:
        """The kinds of ``(kind, normalized)`` pairs that belonged to an erased customer."""
        if not self._any:
            return []
        assert self._key is not None
        by_digest = {_identifier_digest(self._key, k, n): k for k, n in identifiers if n}
        if not by_digest:
            return []
        found = self.conn.execute(
            select(erased_identifier.c.digest).where(
                erased_identifier.c.digest.in_(list(by_digest))
            )
        ).scalars()
        return sorted({by_digest[d] for d in found})

    def check(self, identifiers: Iterable[tuple[str, str | None]]) -> None:
        kinds = self.erased_kinds(identifiers)
        if kinds:
            # Names the kind, never the value: the reason goes back to the sender and into logs.
            words = " and ".join(k.replace("_", " ") for k in kinds)
            raise ErasedSubjectError(
                f"refused: the {words} belonged to a person whose data was erased at their request"
            )
