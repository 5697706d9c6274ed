"""``basket.save`` and ``basket.send``: a basket an associate builds for a customer, then sends
them (email or SMS, only where they consented) with a link to pay.

The hub owns the money: unit prices come from the catalog and totals are recomputed, whatever the
client sent. One owner per basket: only they change or send it.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import orjson
from sqlalchemy import Connection, select

from rapport.hub import notify
from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, Rejected, target_customer
from rapport.hub.store import outbox
from rapport.hub.store.changes import write_rows
from rapport.hub.store.customers import get_customer
from rapport.hub.store.schema import entity_tables
from rapport.protocol import BASKET, FULFILLMENTS

MAX_LINES = 50
MAX_QUANTITY = 99
SHIP_TO_HOME_FEE = 0  # minor units: free shipping in the demo (story 5)
SEND_CHANNELS = ("email", "sms")
CHANNEL_WORDS = {"email": "email", "sms": "SMS"}
_basket = entity_tables["basket"]
_product = entity_tables["product"]
_variant = entity_tables["variant"]
_store = entity_tables["store"]
_identity = entity_tables["identity"]


def get_basket(conn: Connection, basket_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(_basket).where(_basket.c.id == basket_id)).mappings().first()
    if row is None:
        return None
    out = {str(k): val for k, val in row.items()}
    for c in BASKET.json_columns:
        if isinstance(out[c], str):
            out[c] = orjson.loads(out[c])
    return out


def _store_exists(conn: Connection, store_id: str) -> bool:
    return conn.execute(select(_store.c.id).where(_store.c.id == store_id)).first() is not None


def _owned(conn: Connection, ctx: Context, basket_id: str) -> dict[str, Any] | None:
    existing = get_basket(conn, basket_id)
    if existing is not None and existing.get("owner_id") != ctx.user.id:
        raise Rejected(
            "forbidden", "this basket belongs to another associate: only its owner may change it"
        )
    return existing


def _priced_lines(conn: Connection, raw: Any) -> tuple[list[dict[str, Any]], str | None]:
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise Rejected("invalid", "lines must be a list")
    if len(raw) > MAX_LINES:
        raise Rejected("invalid", f"a basket holds at most {MAX_LINES} lines")
    lines: list[dict[str, Any]] = []
    currency: str | None = None
    seen: set[str] = set()
    for i, line in enumerate(raw, 1):
        if not isinstance(line, dict):
            raise Rejected("invalid", f"line {i} must be an object")
        line_id = v.text(line, "line_id", 64, required=True)
        assert line_id is not None
        if line_id in seen:
            raise Rejected("invalid", f"line {i}: line_id {line_id!r} is used twice")
        seen.add(line_id)
        variant_id = v.text(line, "variant_id", 64, required=True)
        found = conn.execute(
            select(
                _variant.c.id,
                _variant.c.sku,
                _variant.c.size,
                _variant.c.color,
                _variant.c.price,
                _product.c.id,
                _product.c.name,
                _product.c.price,
                _product.c.currency,
            )
            .join(_product, _product.c.id == _variant.c.product_id)
            .where(_variant.c.id == variant_id)
        ).first()
        if found is None:
            raise Rejected("invalid", f"line {i}: no product variant {variant_id!r} in the catalog")
        qty = line.get("quantity")
        if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= MAX_QUANTITY:
            raise Rejected("invalid", f"line {i}: quantity must be a whole number 1 to 99")
        source = v.text(line, "source_store_id", 64)
        if source is not None and not _store_exists(conn, source):
            raise Rejected("invalid", f"line {i}: no store {source!r}")
        vid, sku, size, color, vprice, pid, name, pprice, cur = found
        if currency is not None and cur != currency:
            raise Rejected("invalid", "every line of a basket must be in one currency")
        currency = cur
        lines.append(
            {
                "line_id": line_id,
                "product_id": pid,
                "variant_id": vid,
                "sku": sku,
                "name": name,
                "size": size,
                "color": color,
                "quantity": qty,
                "unit_price": int(vprice if vprice is not None else pprice or 0),
                "source_store_id": source,
            }
        )
    return lines, currency


def save_basket(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    bid = v.uuid_text(args, "id")
    cid = target_customer(conn, args)
    existing = _owned(conn, ctx, bid)
    if existing is not None:
        if existing.get("customer_id") != cid:
            raise Rejected("invalid", "id is already used by a basket of another customer")
        if existing.get("status") not in (None, "draft", "failed"):
            raise Rejected(
                "invalid",
                f"this basket was already {existing.get('status')}: start a new basket to change it",
                existing,
            )
    fulfillment = v.choice(args, "fulfillment", FULFILLMENTS)
    pickup = v.text(args, "pickup_store_id", 64)
    if fulfillment == "pickup":
        if pickup is None:
            raise Rejected("invalid", "pickup_store_id is required to pick up in store")
        if not _store_exists(conn, pickup):
            raise Rejected("invalid", f"no store {pickup!r} to pick up from")
    else:
        pickup = None
    store_id = v.text(args, "store_id", 64) or ctx.user.store_id
    lines, currency = _priced_lines(conn, args.get("lines"))
    # An empty basket keeps the currency the client names; it must be a currency code.
    asked = v.text(args, "currency", 3)
    if asked is not None and not (len(asked) == 3 and asked.isalpha()):
        raise Rejected("invalid", "currency must be a three-letter code")
    subtotal = sum(line["unit_price"] * line["quantity"] for line in lines)
    shipping = SHIP_TO_HOME_FEE if fulfillment == "ship" else 0
    row = {
        "id": bid,
        "customer_id": cid,
        "owner_id": ctx.user.id,
        "store_id": store_id,
        "status": "draft",
        "fulfillment": fulfillment,
        "pickup_store_id": pickup,
        "currency": currency or (existing or {}).get("currency") or (asked or "EUR").upper(),
        "subtotal": subtotal,
        "shipping": shipping,
        "total": subtotal + shipping,
        "lines": lines,
        "sent_channel": None,
        "sent_at": None,
        "link": None,
        "created_at": (existing or {}).get("created_at") or ctx.now_text,
        "updated_at": ctx.now_text,
    }
    write_rows(conn, "basket", [row])
    result = {k: row[k] for k in ("id", "currency", "subtotal", "shipping", "total", "status")}
    return Outcome("applied", result, None, cid)


def _address(conn: Connection, customer_id: str, channel: str) -> str | None:
    kind = "email" if channel == "email" else "phone"
    rows = conn.execute(
        select(_identity.c.normalized, _identity.c.value, _identity.c.is_primary)
        .where(_identity.c.customer_id == customer_id, _identity.c.kind == kind)
        # NULLS LAST and FIRST spelled out: PostgreSQL sorts NULL high, SQLite low.
        .order_by(
            _identity.c.is_primary.desc().nulls_last(),
            _identity.c.created_at.nulls_first(),
            _identity.c.id,
        )
    ).all()
    for normalized, value, _primary in rows:
        if normalized or value:
            return str(normalized or value)
    return None


def money_text(amount: int, currency: str | None) -> str:
    return f"{amount / 100:,.2f} {currency or ''}".strip()


def _message(
    channel: str, to: str, basket: dict[str, Any], link: str, store: str | None
) -> notify.Message:
    total = money_text(int(basket.get("total") or 0), basket.get("currency"))
    where = f" at {store}" if store else ""
    if channel == "sms":
        body = f"Your basket{where} is ready: {total}. Pay securely here: {link}"
        return notify.Message(channel, to, "", body)
    lines = [
        f"- {line['quantity']} x {line['name']}"
        + (f" ({', '.join(str(x) for x in (line.get('size'), line.get('color')) if x)})")
        + f": {money_text(line['unit_price'] * line['quantity'], basket.get('currency'))}"
        for line in basket.get("lines") or []
    ]
    shipping = int(basket.get("shipping") or 0)
    body = "\n".join(
        [
            "Hello,",
            "",
            f"Here is the basket we prepared for you{where}:",
            "",
            *lines,
            "",
            "Shipping: "
            + ("free" if shipping == 0 else money_text(shipping, basket.get("currency"))),
            f"Total: {total}",
            "",
            f"Pay securely here: {link}",
            "",
            "This link is personal: please do not share it.",
        ]
    )
    return notify.Message(channel, to, f"Your basket{where}: {total}", body)


def send_basket(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    bid = v.uuid_text(args, "basket_id")
    channel = v.choice(args, "channel", SEND_CHANNELS)
    assert channel is not None
    basket = _owned(conn, ctx, bid)
    if basket is None:
        raise Rejected("invalid", "no such basket on the hub: save it before sending it")
    cid = target_customer(conn, basket)
    if basket.get("status") not in ("draft", "sent", "failed", "queued"):
        raise Rejected("invalid", f"this basket is {basket.get('status')}: it cannot be sent")
    if not basket.get("lines"):
        raise Rejected("invalid", "the basket is empty: add an item before sending it")
    customer = get_customer(conn, cid)
    assert customer is not None
    consent = customer.get("consent")
    entry = consent.get(channel) if isinstance(consent, dict) else None
    status = entry.get("status") if isinstance(entry, dict) else None
    word = CHANNEL_WORDS[channel]
    if status != "granted":
        why = "opted out of" if status == "denied" else "not agreed to"
        raise Rejected(
            "forbidden",
            f"the customer has {why} {word} messages: the basket was not sent by {word}",
            entry,
        )
    to = _address(conn, cid, channel)
    if to is None:
        noun = "email address" if channel == "email" else "phone number"
        raise Rejected("invalid", f"no {noun} on file for this customer")
    if basket.get("status") == "queued":
        raise Rejected("invalid", "this basket is being sent: wait until it is sent or has failed")
    outbound = notify.outbound_for(conn.engine)
    if outbound.notifiers.get(channel) is None:
        raise Rejected("invalid", f"this hub cannot send {word} messages")
    key = ctx.mutation_id or str(uuid.uuid4())
    if outbox.exists(conn, key):
        raise Rejected("invalid", "this write's id was already used for another message: redo it")
    link = basket.get("link") or outbound.link(secrets.token_urlsafe(24))
    store = None
    if basket.get("store_id"):
        store = conn.execute(
            select(_store.c.name).where(_store.c.id == basket["store_id"])
        ).scalar_one_or_none()
    basket.update(status="queued", sent_channel=channel, link=link, updated_at=ctx.now_text)
    write_rows(conn, "basket", [basket])
    # Sent after this transaction commits (rapport.hub.outbox): a failed commit sends nothing, and
    # a resent push finds the mutation applied and enqueues nothing. The dispatcher turns the
    # basket "sent" (and logs the basket_sent interaction) or "failed" with the reason.
    message = _message(channel, to, basket, link, store)
    outbox.enqueue(conn, key, bid, cid, ctx.user.id, message, ctx.now_text)
    return Outcome("applied", {"link": link, "queued_at": ctx.now_text}, None, cid)


def sent_interaction(
    basket: dict[str, Any], channel: str, at: str, user_id: str | None
) -> dict[str, Any]:
    """The timeline row of a basket that reached the customer."""
    word = CHANNEL_WORDS.get(channel, channel)
    items = sum(int(line.get("quantity") or 0) for line in basket.get("lines") or [])
    total = money_text(int(basket.get("total") or 0), basket.get("currency"))
    return {
        "id": str(uuid.uuid4()),
        "customer_id": basket["customer_id"],
        "channel": channel,
        "direction": "outbound",
        "kind": "basket_sent",
        "occurred_at": at,
        "user_id": user_id,
        "store_id": basket.get("store_id"),
        "summary": f"Basket sent by {word}: {items} item{'s' if items != 1 else ''}, {total}",
        "disposition": None,
        "payload": {
            "basket_id": basket["id"],
            "link": basket.get("link"),
            "total": basket.get("total"),
            "currency": basket.get("currency"),
            "fulfillment": basket.get("fulfillment"),
        },
    }


def failed_interaction(
    basket: dict[str, Any], channel: str, at: str, user_id: str | None, reason: str
) -> dict[str, Any]:
    """The timeline row of a basket that could not be sent: the desk shows the reason."""
    word = CHANNEL_WORDS.get(channel, channel)
    return {
        "id": str(uuid.uuid4()),
        "customer_id": basket["customer_id"],
        "channel": channel,
        "direction": "outbound",
        "kind": "basket_send_failed",
        "occurred_at": at,
        "user_id": user_id,
        "store_id": basket.get("store_id"),
        "summary": f"Basket not sent by {word}: {reason}",
        "disposition": None,
        "payload": {"basket_id": basket["id"], "reason": reason},
    }
