"""Online customer search on the hub, for customers outside a device's replicated scope.

The desktop app searches its local cache (FTS5) first; this is the slower, exact-prefix path.
"""

from __future__ import annotations

import re
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
        prefixes = {"+" + digits}
        if q.lstrip().startswith("00"):
            prefixes = {"+" + digits[2:]}
        elif digits.startswith("0"):
            cc = phonenumbers.country_code_for_region(default_region)
            prefixes.add(f"+{cc}{digits[1:]}")
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
