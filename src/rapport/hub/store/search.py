"""Online customer search on the hub, for customers outside a device's replicated scope.

The desktop app searches its local cache (FTS5) first; this is the slower, exact-prefix path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import phonenumbers
from sqlalchemy import Connection, and_, or_, select

from rapport.hub.store.changes import Scope
from rapport.hub.store.fold import fold
from rapport.hub.store.schema import entity_tables

_WORD = re.compile(r"\w+", re.UNICODE)
_PHONEISH = re.compile(r"^[\d\s+\-.()/]+$")
MAX_TOKENS = 6


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _phone_prefixes(q: str, digits: str, default_region: str) -> set[str]:
    """The E.164 prefixes a phone-like query stands for: as typed, without its ``00``, or with
    its national ``0`` replaced by the country code of ``default_region``."""
    prefixes = {"+" + digits}
    if q.lstrip().startswith("00"):
        prefixes = {"+" + digits[2:]}
    elif digits.startswith("0"):
        cc = phonenumbers.country_code_for_region(default_region)
        prefixes.add(f"+{cc}{digits[1:]}")
    return prefixes


def search_customers(
    conn: Connection, q: str, limit: int, scope: Scope | None = None, default_region: str = "FR"
) -> list[dict[str, Any]]:
    customer = entity_tables["customer"]
    identity = entity_tables["identity"]
    q = q.strip()[:256]
    if not q:
        return []
    ids_query = None
    digits = re.sub(r"\D", "", q)
    if _PHONEISH.match(q) and len(digits) >= 3:
        prefixes = _phone_prefixes(q, digits, default_region)
        ids_query = select(identity.c.customer_id).where(
            and_(
                identity.c.kind == "phone",
                or_(*[identity.c.normalized.like(_like_prefix(p), escape="\\") for p in prefixes]),
            )
        )
    elif "@" in q:
        ids_query = select(identity.c.customer_id).where(
            and_(
                identity.c.kind == "email",
                identity.c.normalized.like(_like_prefix(q.lower()), escape="\\"),
            )
        )
    else:
        # Folded first: "E" + a combining acute is one word, as "É" is.
        words = _WORD.findall(fold(q) or "")[:MAX_TOKENS]
        if not words:
            return []
        name_match = and_(
            *[
                or_(
                    customer.c.given_key.like(_like_prefix(w), escape="\\"),
                    customer.c.family_key.like(_like_prefix(w), escape="\\"),
                )
                for w in words
            ]
        )
        loyalty = select(identity.c.customer_id).where(
            and_(identity.c.kind == "loyalty", identity.c.normalized == q.upper())
        )
        ids_query = select(customer.c.id).where(or_(name_match, customer.c.id.in_(loyalty)))
    cond = customer.c.id.in_(ids_query)
    if scope is not None and scope.store_id is not None:
        cond = and_(cond, customer.c.home_store_id == scope.store_id)
    rows = (
        conn.execute(
            select(
                customer.c.id,
                customer.c.given_name,
                customer.c.family_name,
                customer.c.tier,
                customer.c.home_store_id,
                customer.c.last_contact_at,
            )
            .where(cond)
            # Never-contacted customers last on both databases (PostgreSQL sorts NULL high), and
            # ties in a stable order so a page is the same whichever database answers.
            .order_by(customer.c.last_contact_at.desc().nulls_last(), customer.c.id)
            .limit(limit)
        )
        .mappings()
        .all()
    )
    return [{str(k): v for k, v in r.items()} for r in rows]


def query_finds(
    q: str,
    names: Iterable[str | None],
    identities: Iterable[tuple[str, str]],
    default_region: str = "FR",
) -> bool:
    """Whether :func:`search_customers` finds, by ``q``, a person with these names and these
    ``(kind, normalized)`` identities (whoever else it finds, and whatever the scope). Erasure
    uses it to forget what was typed to find them. The same rules in Python; names compare
    with Unicode case folding where SQLite's ``lower`` folds ASCII only, so it finds a little more,
    never less."""
    q = q.strip()[:256]
    if not q:
        return False
    idents = [(k, n) for k, n in identities if n]
    digits = re.sub(r"\D", "", q)
    if _PHONEISH.match(q) and len(digits) >= 3:
        prefixes = _phone_prefixes(q, digits, default_region)
        return any(k == "phone" and n.startswith(tuple(prefixes)) for k, n in idents)
    if "@" in q:
        return any(k == "email" and n.startswith(q.lower()) for k, n in idents)
    words = [w.lower() for w in _WORD.findall(q)][:MAX_TOKENS]
    if not words:
        return False
    lowered = [n.lower() for n in names if n]
    if all(any(n.startswith(w) for n in lowered) for w in words):
        return True
    return any(k == "loyalty" and n == q.upper() for k, n in idents)
