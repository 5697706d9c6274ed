"""What the next best action needs, read from the local cache: the customer's tier and consent,
recent orders and contacts, offers, the web intent and the catalog rows of the products involved
(names, and ``related`` for what goes with a purchase). Index range scans on the customer's rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from rapport.cache.queries import intent_inputs, last_contact_at
from rapport.domain.intent import INTENT_WINDOW_DAYS, Intent, summarize_intent
from rapport.domain.json_text import json_or
from rapport.domain.next_best_action import (
    RECENT_PURCHASE,
    RECENT_SERVICE,
    ContactFact,
    NbaInputs,
    OfferFact,
    OrderFact,
)
from rapport.domain.timestamps import parse_timestamp, utc_text

__all__ = ["nba_inputs", "nba_inputs_around"]

# Contacts only: the customer started it or a person took part (same rule as the header's count).
_CONTACT_SQL = "(direction = 'inbound' OR user_id IS NOT NULL)"


def _orders(conn: sqlite3.Connection, customer_id: str, since: str) -> list[OrderFact]:
    out = []
    for row in conn.execute(
        "SELECT id, number, channel, status, placed_at, lines FROM orders"
        " WHERE customer_id = ? AND placed_at >= ? ORDER BY placed_at DESC",
        (customer_id, since),
    ):
        at = parse_timestamp(row["placed_at"])
        if at is None:
            continue
        lines = json_or(row["lines"], [])
        lines = [x for x in lines if isinstance(x, dict)] if isinstance(lines, list) else []
        out.append(
            OrderFact(
                id=row["id"],
                number=row["number"] or "",
                placed_at=at,
                channel=row["channel"] or "",
                status=row["status"],
                product_ids=tuple(str(x["product_id"]) for x in lines if x.get("product_id")),
                names=tuple(str(x.get("name") or x.get("sku") or "") for x in lines),
            )
        )
    return out


def _contacts(conn: sqlite3.Connection, customer_id: str, since: str) -> list[ContactFact]:
    out = []
    for row in conn.execute(
        "SELECT id, occurred_at, channel, kind, direction, disposition, summary FROM interaction"
        f" WHERE customer_id = ? AND occurred_at >= ? AND {_CONTACT_SQL}"
        " ORDER BY occurred_at",
        (customer_id, since),
    ):
        at = parse_timestamp(row["occurred_at"])
        if at is not None:
            out.append(
                ContactFact(
                    id=row["id"],
                    occurred_at=at,
                    channel=row["channel"] or "",
                    kind=row["kind"] or "",
                    direction=row["direction"],
                    disposition=row["disposition"],
                    summary=row["summary"] or "",
                )
            )
    return out


def _offers(conn: sqlite3.Connection, customer_id: str, now: str) -> list[OfferFact]:
    return [
        OfferFact(
            code=row["code"] or "",
            description=row["description"] or "",
            channel=row["channel"] or "",
            sent_at=parse_timestamp(row["sent_at"]),
            expires_at=parse_timestamp(row["expires_at"]),
            redeemed=row["redeemed_at"] is not None,
        )
        for row in conn.execute(
            "SELECT code, channel, description, sent_at, expires_at, redeemed_at FROM offer"
            " WHERE customer_id = ? AND redeemed_at IS NULL"
            " AND (expires_at IS NULL OR expires_at > ?) ORDER BY sent_at DESC",
            (customer_id, now),
        )
    ]


def _products(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        for row in conn.execute(
            "SELECT id, name, category, price, currency, related FROM product"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            product = dict(row)
            product["related"] = json_or(row["related"], [])
            out[row["id"]] = product
    return out


def nba_inputs(
    conn: sqlite3.Connection, customer_id: str, now: datetime, intent: Intent | None = None
) -> NbaInputs | None:
    """The inputs of :func:`rapport.domain.next_best_action.suggest`, or None when the customer is
    not in the cache. Pass the ``intent`` already computed for the screen to save reading it twice
    (:func:`rapport.cache.customer_360.load_customer` passes what it has read already)."""
    row = conn.execute("SELECT tier, consent FROM customer WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        return None
    if intent is None:
        events, catalog = intent_inputs(conn, customer_id, now - timedelta(days=INTENT_WINDOW_DAYS))
        intent = summarize_intent(events, catalog, now, window_days=INTENT_WINDOW_DAYS)
    consent_raw = json_or(row["consent"], {})
    consent = {
        str(ch): str(entry.get("status") or "unknown")
        for ch, entry in (consent_raw.items() if isinstance(consent_raw, dict) else ())
        if isinstance(entry, dict)
    }
    return nba_inputs_around(
        conn,
        customer_id,
        now,
        intent,
        tier=row["tier"],
        consent=consent,
        offers=_offers(conn, customer_id, utc_text(now)),
        last_contact_at=last_contact_at(conn, customer_id),
    )


def nba_inputs_around(
    conn: sqlite3.Connection,
    customer_id: str,
    now: datetime,
    intent: Intent,
    *,
    tier: str | None,
    consent: Mapping[str, str],
    offers: Sequence[OfferFact],
    last_contact_at: str | None,
) -> NbaInputs:
    """The inputs around what the caller has read already: it reads the recent orders and contacts
    and the catalog rows of the products involved. ``offers`` are the active ones, latest first;
    ``last_contact_at`` is the header's (a person's contact, mailings left out)."""
    orders = _orders(conn, customer_id, utc_text(now - RECENT_PURCHASE - timedelta(days=1)))
    contacts = _contacts(conn, customer_id, utc_text(now - RECENT_SERVICE))
    bought = {pid for o in orders for pid in o.product_ids}
    carts = {pid for c in intent.carts for pid in c.product_ids}
    products = _products(conn, bought | carts)
    related = {
        rid
        for pid in bought
        for rid in products.get(pid, {}).get("related") or ()
        if isinstance(rid, str) and rid not in products
    }
    products.update(_products(conn, related))
    return NbaInputs(
        tier=tier,
        consent=consent,
        intent=intent,
        orders=orders,
        contacts=contacts,
        offers=offers,
        products=products,
        last_contact_at=parse_timestamp(last_contact_at),
    )
