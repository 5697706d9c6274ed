"""Baskets in the local cache: catalog search, stock per variant here and in other stores, and the
local writes that save a draft basket and send it.

Each write changes the cache and appends its mutation (``basket.save`` / ``basket.send``) to the
outbox in one transaction, as :class:`rapport.cache.writes.LocalWrites` does. The hub prices the
lines from its catalog and recomputes the totals; the amounts shown here are computed the same way
from the cached catalog, so they agree unless a price changed in between.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import orjson

from rapport.cache.outbox import enqueue
from rapport.cache.outbox_file import begin_write
from rapport.cache.queries import intent_inputs
from rapport.cache.writes import LocalWrites, WriteError
from rapport.domain.intent import Intent, summarize_intent
from rapport.domain.messages import QT_TRANSLATE_NOOP, Message
from rapport.domain.timestamps import utc_text
from rapport.protocol import ENTITIES, FULFILLMENTS

__all__ = [
    "MAX_LINES",
    "MAX_QUANTITY",
    "SENDING",
    "SEND_CHANNELS",
    "SHIP_TO_HOME_FEE",
    "Basket",
    "BasketLine",
    "Interest",
    "ProductHit",
    "StoreStock",
    "VariantStock",
    "WebCart",
    "abandoned_cart",
    "customer_basket",
    "customer_intent",
    "home_store",
    "line_for",
    "save_basket",
    "search_catalog",
    "send_basket",
    "send_blockers",
    "stores",
    "variant_stock",
    "with_lines",
]

MAX_LINES = 50
MAX_QUANTITY = 99
SHIP_TO_HOME_FEE = 0  # as the hub: free shipping to home in the demo
SEND_CHANNELS = ("email", "sms")
SENDING = "sending"  # local only: a send is queued and the hub has not answered yet
INTEREST_DAYS = 30  # the web activity that steers the catalog, as the 360's intent summary
# A cart left longer ago than this is not what the customer is calling about any more.
CART_FRESH_DAYS = 14
_COLUMNS = ENTITIES["basket"].column_names


# -- catalog -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductHit:
    id: str
    sku: str
    name: str
    category: str | None
    brand: str | None
    price: int | None
    currency: str | None
    viewed: bool = False  # the customer looked at it online lately (see :class:`Interest`)


@dataclass(frozen=True, slots=True)
class Interest:
    """What a customer looked at online lately, as scores that fade with time (from
    :func:`rapport.domain.intent.summarize_intent`): catalog search lists their products first,
    then the rest of the categories they researched."""

    products: dict[str, float] = field(default_factory=dict)
    categories: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, intent: Intent) -> Interest:
        return cls(
            {p.product_id: p.score for p in intent.products if p.score > 0},
            {c.category: c.score for c in intent.categories if c.score > 0},
        )


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def product_sku(conn: sqlite3.Connection, product_id: str) -> str | None:
    row = conn.execute("SELECT sku FROM product WHERE id = ?", (product_id,)).fetchone()
    return str(row[0]) if row and row[0] else None


def search_catalog(
    conn: sqlite3.Connection, text: str, limit: int = 50, interest: Interest | None = None
) -> list[ProductHit]:
    """Products whose name, SKU (or a variant's), category or brand contain every word typed.

    With a customer's ``interest``: the products they looked at first (most interest first), then
    the categories they researched, then the rest; otherwise, and within those, names starting
    with the text first."""
    words = text.split()
    if not words:
        return []
    where, params = [], []
    for word in words[:8]:
        where.append(
            "(p.name LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.category LIKE ?"
            " ESCAPE '\\' OR p.brand LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM variant v"
            " WHERE v.product_id = p.id AND v.sku LIKE ? ESCAPE '\\'))"
        )
        params += [_like(word)] * 5
    prefix = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    interest = interest or Interest()
    rows = conn.execute(
        "SELECT p.id, p.sku, p.name, p.category, p.brand, p.price, p.currency,"
        " pi.value IS NOT NULL FROM product p"
        " LEFT JOIN json_each(?) AS pi ON pi.key = p.id"
        " LEFT JOIN json_each(?) AS ci ON ci.key = p.category"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY coalesce(pi.value, 0) DESC, coalesce(ci.value, 0) DESC,"
        " p.name LIKE ? ESCAPE '\\' DESC, p.category LIKE ? ESCAPE '\\' DESC, p.name"
        " LIMIT ?",
        [
            orjson.dumps(interest.products).decode(),
            orjson.dumps(interest.categories).decode(),
            *params,
            prefix,
            prefix,
            limit,
        ],
    ).fetchall()
    return [ProductHit(*tuple(r[:7]), viewed=bool(r[7])) for r in rows]


@dataclass(frozen=True, slots=True)
class StoreStock:
    store_id: str
    name: str
    city: str | None
    quantity: int


@dataclass(frozen=True, slots=True)
class VariantStock:
    id: str
    product_id: str
    sku: str
    name: str  # the product's
    size: str | None
    color: str | None
    price: int
    currency: str | None
    here: int  # in this store (0 when unknown)
    elsewhere: tuple[StoreStock, ...]  # other stores holding some, nearest then most first

    @property
    def elsewhere_total(self) -> int:
        return sum(s.quantity for s in self.elsewhere)


def _distance(home: sqlite3.Row | None, name: str, city: str | None, country: str | None) -> int:
    """How near another store is, without coordinates: 0 in the same town (same city, or named
    after the same one: "Paris La Défense" for "Paris Opéra"), 1 in the same country, else 2."""
    if home is None:
        return 2
    home_town = (home["name"] or "").split(" ")[0].lower()
    if (city and city == home["city"]) or (home_town and name.split(" ")[0].lower() == home_town):
        return 0
    return 1 if country and country == home["country"] else 2


def variant_stock(
    conn: sqlite3.Connection, product_id: str, store_id: str | None
) -> list[VariantStock]:
    """Every variant of a product with its stock in ``store_id`` and in the other stores."""
    variants = conn.execute(
        "SELECT v.id, v.product_id, v.sku, p.name, v.size, v.color,"
        " COALESCE(v.price, p.price, 0), p.currency"
        " FROM variant v JOIN product p ON p.id = v.product_id WHERE v.product_id = ?"
        " ORDER BY v.color, v.size, v.sku",
        (product_id,),
    ).fetchall()
    home = conn.execute(
        "SELECT name, city, country FROM store WHERE id = ?", (store_id,)
    ).fetchone()
    stock: dict[str, list[tuple[str, str, str | None, int]]] = {}
    distance: dict[str, int] = {}
    for vid, sid, name, city, country, qty in conn.execute(
        "SELECT i.variant_id, i.store_id, COALESCE(s.name, i.store_id), s.city, s.country,"
        " COALESCE(i.quantity, 0) FROM inventory i JOIN variant v ON v.id = i.variant_id"
        " LEFT JOIN store s ON s.id = i.store_id WHERE v.product_id = ?",
        (product_id,),
    ):
        stock.setdefault(vid, []).append((sid, name, city, int(qty)))
        if sid not in distance:
            distance[sid] = _distance(home, name, city, country)
    out = []
    for vid, pid, sku, name, size, color, price, currency in variants:
        rows = stock.get(vid, [])
        here = sum(q for sid, _n, _c, q in rows if sid == store_id)
        others = sorted(
            (StoreStock(sid, n, c, q) for sid, n, c, q in rows if sid != store_id and q > 0),
            key=lambda s: (distance.get(s.store_id, 2), -s.quantity, s.name),
        )
        out.append(
            VariantStock(
                vid, pid, sku, name, size, color, int(price), currency, here, tuple(others)
            )
        )
    return out


# -- baskets -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BasketLine:
    line_id: str
    product_id: str
    variant_id: str
    sku: str
    name: str
    size: str | None
    color: str | None
    quantity: int
    unit_price: int
    source_store_id: str | None = None

    @property
    def amount(self) -> int:
        return self.unit_price * self.quantity

    def as_json(self) -> dict[str, object]:
        return {
            "line_id": self.line_id,
            "product_id": self.product_id,
            "variant_id": self.variant_id,
            "sku": self.sku,
            "name": self.name,
            "size": self.size,
            "color": self.color,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "source_store_id": self.source_store_id,
        }


def line_for(
    variant: VariantStock, quantity: int = 1, source_store_id: str | None = None
) -> BasketLine:
    return BasketLine(
        str(uuid.uuid4()),
        variant.product_id,
        variant.id,
        variant.sku,
        variant.name,
        variant.size,
        variant.color,
        quantity,
        variant.price,
        source_store_id,
    )


@dataclass(frozen=True, slots=True)
class Basket:
    id: str
    customer_id: str
    store_id: str | None
    fulfillment: str = "ship"
    pickup_store_id: str | None = None
    currency: str = "EUR"
    lines: tuple[BasketLine, ...] = ()
    status: str = "draft"
    owner_id: str | None = None
    link: str | None = None
    sent_channel: str | None = None
    created_at: str | None = None
    # Why the hub refused the last write of it, if it did: its words, or a Message of ours.
    problem: str | Message | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def subtotal(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def shipping(self) -> int:
        return SHIP_TO_HOME_FEE if self.fulfillment == "ship" and self.lines else 0

    @property
    def total(self) -> int:
        return self.subtotal + self.shipping

    @property
    def items(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def editable(self) -> bool:
        return self.status == "draft"

    @classmethod
    def new(cls, customer_id: str, store_id: str | None, currency: str = "EUR") -> Basket:
        return cls(str(uuid.uuid4()), customer_id, store_id, currency=currency)


def _line(raw: dict[str, object]) -> BasketLine:
    def text(key: str) -> str | None:
        value = raw.get(key)
        return str(value) if value is not None else None

    return BasketLine(
        str(raw.get("line_id") or uuid.uuid4()),
        text("product_id") or "",
        text("variant_id") or "",
        text("sku") or "",
        text("name") or "",
        text("size"),
        text("color"),
        int(raw.get("quantity") or 1),  # type: ignore[call-overload]
        int(raw.get("unit_price") or 0),  # type: ignore[call-overload]
        text("source_store_id"),
    )


def _basket(conn: sqlite3.Connection, row: sqlite3.Row) -> Basket:
    lines = orjson.loads(row["lines"]) if row["lines"] else []
    status = row["status"] or "draft"
    problem = None
    if status == "queued":
        status = SENDING  # the hub has it and its outbox is sending it
    elif status == "failed":
        # The hub could not deliver it: a draft again, with the reason the hub logged.
        status = "draft"
        found = conn.execute(
            "SELECT summary FROM interaction WHERE customer_id = ? AND kind = 'basket_send_failed'"
            " AND json_extract(payload, '$.basket_id') = ? ORDER BY occurred_at DESC LIMIT 1",
            (row["customer_id"], row["id"]),
        ).fetchone()
        problem = (
            found[0]
            if found
            else Message(QT_TRANSLATE_NOOP("Messages", "The hub could not send this basket."))
        )
    elif status == SENDING:
        # The hub's answer to the send: applied (its row then arrives as "sent") or refused, in
        # which case the basket is a draft again and the reason is shown.
        last = conn.execute(
            "SELECT state, last_error FROM outbox WHERE name = 'basket.send' AND target_id = ?"
            " ORDER BY client_seq DESC LIMIT 1",
            (row["id"],),
        ).fetchone()
        if last is None or last[0] == "rejected":
            status, problem = "draft", (last[1] if last else None)
    return Basket(
        id=row["id"],
        customer_id=row["customer_id"],
        store_id=row["store_id"],
        fulfillment=row["fulfillment"] or "ship",
        pickup_store_id=row["pickup_store_id"],
        currency=row["currency"] or "EUR",
        lines=tuple(_line(x) for x in lines if isinstance(x, dict)),
        status=status,
        owner_id=row["owner_id"],
        link=row["link"],
        sent_channel=row["sent_channel"],
        created_at=row["created_at"],
        problem=problem,
    )


def customer_basket(
    conn: sqlite3.Connection, customer_id: str, owner_id: str, basket_id: str | None = None
) -> Basket | None:
    """``basket_id``, or this owner's latest basket for the customer still being built or sent."""
    if basket_id is not None:
        row = conn.execute("SELECT * FROM basket WHERE id = ?", (basket_id,)).fetchone()
    else:
        row = conn.execute(
            "SELECT * FROM basket WHERE customer_id = ? AND owner_id = ?"
            " AND status IN ('draft', 'queued', 'failed', ?)"
            " ORDER BY updated_at DESC, created_at DESC LIMIT 1",
            (customer_id, owner_id, SENDING),
        ).fetchone()
    return _basket(conn, row) if row is not None else None


def _check(basket: Basket) -> None:
    if basket.fulfillment not in FULFILLMENTS:
        raise WriteError(
            "fulfillment",
            QT_TRANSLATE_NOOP("Messages", "Fulfillment must be one of {ways}."),
            ways=", ".join(FULFILLMENTS),
        )
    if basket.fulfillment == "pickup" and not basket.pickup_store_id:
        raise WriteError(
            "pickup_store_id",
            QT_TRANSLATE_NOOP("Messages", "Choose the store where the customer picks it up."),
        )
    if len(basket.lines) > MAX_LINES:
        raise WriteError(
            "lines", QT_TRANSLATE_NOOP("Messages", "A basket holds at most {n} lines."), n=MAX_LINES
        )
    for line in basket.lines:
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise WriteError(
                "quantity",
                QT_TRANSLATE_NOOP("Messages", "Quantities go from 1 to {n}."),
                n=MAX_QUANTITY,
            )


def _write_row(writes: LocalWrites, basket: Basket, now: str) -> dict[str, object]:
    row: dict[str, object] = {
        "id": basket.id,
        "customer_id": basket.customer_id,
        "owner_id": writes.user_id,
        "store_id": basket.store_id,
        "status": basket.status,
        "fulfillment": basket.fulfillment,
        "pickup_store_id": basket.pickup_store_id if basket.fulfillment == "pickup" else None,
        "currency": basket.currency,
        "subtotal": basket.subtotal,
        "shipping": basket.shipping,
        "total": basket.total,
        "lines": [line.as_json() for line in basket.lines],
        "sent_channel": basket.sent_channel,
        "sent_at": None,
        "link": basket.link,
        "created_at": basket.created_at or now,
        "updated_at": now,
    }
    stored = {**row, "lines": orjson.dumps(row["lines"]).decode()}
    writes.conn.execute(
        f"INSERT OR REPLACE INTO basket ({', '.join(_COLUMNS)})"
        f" VALUES ({', '.join(':' + c for c in _COLUMNS)})",
        stored,
    )
    return row


def save_basket(writes: LocalWrites, basket: Basket) -> Basket:
    """Save a draft here and queue ``basket.save``; returns the basket as saved."""
    _check(basket)
    if not basket.editable:
        raise WriteError(
            "status",
            QT_TRANSLATE_NOOP("Messages", "This basket was sent: start a new one to change it."),
        )
    now = utc_text(writes._now())  # the writer's clock, so tests can fix it
    with writes.conn:
        begin_write(writes.conn)
        writes._customer(basket.customer_id)
        existing = writes.conn.execute(
            "SELECT owner_id, status FROM basket WHERE id = ?", (basket.id,)
        ).fetchone()
        if existing is not None and existing[0] not in (None, writes.user_id):
            raise WriteError(
                "owner", QT_TRANSLATE_NOOP("Messages", "This basket belongs to another associate.")
            )
        saved = replace(basket, status="draft", created_at=basket.created_at or now)
        row = _write_row(writes, saved, now)
        n = saved.items
        enqueue(
            writes.conn,
            "basket.save",
            row,
            customer_id=basket.customer_id,
            target_id=basket.id,
            summary=f"Basket saved: {n} item{'s' if n != 1 else ''}",
        )
    return replace(saved, owner_id=writes.user_id)


@dataclass(frozen=True, slots=True)
class _Contact:
    consent: dict[str, object]
    kinds: set[str]


def _contact(conn: sqlite3.Connection, customer_id: str) -> _Contact | None:
    row = conn.execute("SELECT consent FROM customer WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        return None
    consent = orjson.loads(row[0]) if row[0] else {}
    kinds = {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT kind FROM identity WHERE customer_id = ? AND kind IN ('email', 'phone')",
            (customer_id,),
        )
    }
    return _Contact(consent if isinstance(consent, dict) else {}, kinds)


_WORDS = {"email": "email", "sms": "SMS"}


# Why a basket cannot be sent on a channel, one sentence per channel (a translation may need
# the channel's word to agree with the rest).
_OPTED_OUT = {
    "email": QT_TRANSLATE_NOOP("Messages", "The customer opted out of email messages."),
    "sms": QT_TRANSLATE_NOOP("Messages", "The customer opted out of SMS messages."),
}
_NOT_AGREED = {
    "email": QT_TRANSLATE_NOOP("Messages", "The customer has not agreed to email messages."),
    "sms": QT_TRANSLATE_NOOP("Messages", "The customer has not agreed to SMS messages."),
}
_NO_ADDRESS = {
    "email": QT_TRANSLATE_NOOP("Messages", "No email address on file for this customer."),
    "sms": QT_TRANSLATE_NOOP("Messages", "No phone number on file for this customer."),
}


def send_blockers(conn: sqlite3.Connection, customer_id: str) -> dict[str, Message | None]:
    """Per channel, why a basket cannot be sent there (``None`` when it can)."""
    contact = _contact(conn, customer_id)
    out: dict[str, Message | None] = {}
    for channel in SEND_CHANNELS:
        if contact is None:
            out[channel] = Message(
                QT_TRANSLATE_NOOP("Messages", "This customer is not in this computer's cache.")
            )
            continue
        entry = contact.consent.get(channel)
        status = entry.get("status") if isinstance(entry, dict) else None
        if status == "denied":
            out[channel] = Message(_OPTED_OUT[channel])
        elif status != "granted":
            out[channel] = Message(_NOT_AGREED[channel])
        elif ("email" if channel == "email" else "phone") not in contact.kinds:
            out[channel] = Message(_NO_ADDRESS[channel])
        else:
            out[channel] = None
    return out


def send_basket(writes: LocalWrites, basket_id: str, channel: str) -> int:
    """Queue ``basket.send``; the basket shows as sending until the hub answers."""
    if channel not in SEND_CHANNELS:
        raise WriteError(
            "channel",
            QT_TRANSLATE_NOOP("Messages", "Baskets are sent by {channels}."),
            channels=" or ".join(SEND_CHANNELS),
        )
    with writes.conn:
        begin_write(writes.conn)
        row = writes.conn.execute("SELECT * FROM basket WHERE id = ?", (basket_id,)).fetchone()
        if row is None:
            raise WriteError(
                "basket", QT_TRANSLATE_NOOP("Messages", "Save the basket before sending it.")
            )
        basket = _basket(writes.conn, row)
        if basket.owner_id not in (None, writes.user_id):
            raise WriteError(
                "owner", QT_TRANSLATE_NOOP("Messages", "This basket belongs to another associate.")
            )
        if not basket.lines:
            raise WriteError(
                "lines",
                QT_TRANSLATE_NOOP(
                    "Messages", "The basket is empty: add an item before sending it."
                ),
            )
        if basket.status not in ("draft", "sent"):
            raise WriteError(
                "status",
                QT_TRANSLATE_NOOP("Messages", "This basket is already on its way to the customer."),
            )
        reason = send_blockers(writes.conn, basket.customer_id)[channel]
        if reason:
            raise WriteError("channel", reason)
        writes.conn.execute(
            "UPDATE basket SET status = ?, sent_channel = ? WHERE id = ?",
            (SENDING, channel, basket_id),
        )
        return enqueue(
            writes.conn,
            "basket.send",
            {"basket_id": basket_id, "channel": channel},
            customer_id=basket.customer_id,
            target_id=basket_id,
            summary=f"Basket sent by {_WORDS[channel]}",
        )


def home_store(conn: sqlite3.Connection, customer_id: str) -> str | None:
    row = conn.execute("SELECT home_store_id FROM customer WHERE id = ?", (customer_id,)).fetchone()
    return row[0] if row is not None else None


def stores(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, display name) of every store, for pick-up."""
    return [
        (r[0], f"{r[1]} ({r[2]})" if r[2] and r[2] not in (r[1] or "") else str(r[1] or r[0]))
        for r in conn.execute("SELECT id, name, city FROM store ORDER BY name")
    ]


def with_lines(basket: Basket, lines: Sequence[BasketLine]) -> Basket:
    return replace(basket, lines=tuple(lines))


# -- the customer's web shopping -----------------------------------------------------------------


def customer_intent(conn: sqlite3.Connection, customer_id: str, now: datetime) -> Intent:
    """The intent summary of the customer's last :data:`INTEREST_DAYS` of web events (what the
    360 shows): their interest ranks the catalog, their abandoned cart starts a basket."""
    events, catalog = intent_inputs(conn, customer_id, now - timedelta(days=INTEREST_DAYS))
    return summarize_intent(events, catalog, now, window_days=INTEREST_DAYS)


@dataclass(frozen=True, slots=True)
class WebCart:
    """A cart the customer left on the website, as basket lines."""

    lines: tuple[BasketLine, ...]
    value: int  # what the site said it came to (minor units)
    currency: str
    left_at: datetime


def _preferences(conn: sqlite3.Connection, customer_id: str) -> dict[str, object]:
    row = conn.execute("SELECT preferences FROM customer WHERE id = ?", (customer_id,)).fetchone()
    try:
        prefs = orjson.loads(row[0]) if row and row[0] else {}
    except orjson.JSONDecodeError:
        return {}
    return prefs if isinstance(prefs, dict) else {}


def _preferred(
    variants: Sequence[VariantStock], category: str | None, prefs: dict[str, object]
) -> VariantStock:
    """Web events name the product, not its size or colour: take the customer's usual size for
    the category ("shoes": "43" for running shoes) and a colour they like, else what is in stock
    here, else elsewhere, else the first."""
    sizes = prefs.get("sizes")
    kind = (category or "").lower()
    size = next(
        (
            str(value)
            for key, value in (sizes.items() if isinstance(sizes, dict) else ())
            if str(key).lower().rstrip("s") and str(key).lower().rstrip("s") in kind
        ),
        None,
    )
    colors = prefs.get("colors")
    liked = {str(c).lower() for c in colors} if isinstance(colors, list) else set()

    def rank(v: VariantStock) -> tuple[bool, bool, bool, bool]:
        return (
            size is not None and v.size != size,
            bool(liked) and (v.color or "").lower() not in liked,
            v.here <= 0,
            v.elsewhere_total <= 0,
        )

    return min(variants, key=rank)  # the first of equals: variants come in a stable order


def abandoned_cart(
    conn: sqlite3.Connection,
    customer_id: str,
    intent: Intent,
    store_id: str | None,
    now: datetime,
) -> WebCart | None:
    """The customer's latest web cart if they left it without buying (the intent summary's
    judgement, which knows a later order of the same items), at most :data:`CART_FRESH_DAYS`
    ago, and no basket was made for them since; None otherwise."""
    cart = intent.carts[0] if intent.carts else None
    if cart is None or cart.status != "abandoned" or not cart.product_ids:
        return None
    if now - cart.last_at > timedelta(days=CART_FRESH_DAYS):
        return None
    made_since = conn.execute(
        "SELECT 1 FROM basket WHERE customer_id = ? AND coalesce(updated_at, created_at) >= ?",
        (customer_id, utc_text(cart.last_at)),
    ).fetchone()
    if made_since is not None:
        return None
    prefs = _preferences(conn, customer_id)
    quantities = cart.quantities or (1,) * len(cart.product_ids)
    lines = []
    for product_id, quantity in zip(cart.product_ids, quantities, strict=False):
        variants = variant_stock(conn, product_id, store_id)
        if not variants:
            continue  # not in this computer's catalog
        category = conn.execute(
            "SELECT category FROM product WHERE id = ?", (product_id,)
        ).fetchone()
        v = _preferred(variants, category[0] if category else None, prefs)
        # Where the basket dialog would take it from: here, else the nearest store that has it.
        source = None if v.here or not v.elsewhere else v.elsewhere[0].store_id
        lines.append(line_for(v, max(1, min(quantity, MAX_QUANTITY)), source))
    if not lines:
        return None
    return WebCart(tuple(lines), cart.value, cart.currency, cart.last_at)
