"""The customer 360 read model: what the customer screen shows, read from the local cache.

Plain frozen dataclasses over a reader connection (``row_factory = sqlite3.Row``); no Qt, so the
same reads serve the widgets, the screen pop and the benchmarks. Every read is an index lookup or
an index range scan on the customer's rows (``ix_*_customer_time``), so a customer with tens of
thousands of rows opens as fast as one with ten.

The timeline merges three sources newest first: interactions, orders, and web activity condensed
to one entry per web session and UTC day (a session that runs past midnight shows as two, the way
web analytics split them). Pages are keyset pages on ``(occurred_at, id)``: a page starts strictly
after the last entry of the previous one, so rows arriving from sync never shift or repeat entries.

Entries are facts (a call's direction and length, an order's first item and count, what a web
session did), not sentences: ``rapport.ui.common.wording`` writes them in the agent's language.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from rapport.domain.json_text import json_or
from rapport.domain.phones import format_phone
from rapport.domain.timestamps import utc_text
from rapport.protocol import CONSENT_CHANNELS

__all__ = [
    "ACTIVITY_MONTHS",
    "Consent",
    "Cursor",
    "CustomerHeader",
    "Identifier",
    "MonthActivity",
    "OfferView",
    "OrderItems",
    "OrderLineView",
    "OrderView",
    "TimelineEntry",
    "WebSession",
    "customer_header",
    "intent_inputs",
    "last_contact_at",
    "offers",
    "order_count",
    "orders_page",
    "timeline_page",
]

ACTIVITY_MONTHS = 24
Cursor = tuple[str, str]  # (occurred_at, id) of the last entry already shown

# An interaction counts as a contact when the customer started it or a person took part; automated
# mailings, surveys and notifications do not.
_CONTACT_SQL = "(direction = 'inbound' OR user_id IS NOT NULL)"
_END_OF_TIME = "9999"


# --------------------------------------------------------------------------------------------------
# Header


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str  # email, phone, loyalty, user_id, anonymous_id, device
    display: str  # what the agent reads: a phone in national or international form
    normalized: str | None
    label: str | None
    primary: bool


@dataclass(frozen=True, slots=True)
class Consent:
    channel: str
    status: str  # granted, denied, unknown
    source: str | None
    effective_at: str | None


@dataclass(frozen=True, slots=True)
class MonthActivity:
    year: int
    month: int
    spend: int  # minor units, net of returns, cancelled orders left out
    contacts: int


@dataclass(frozen=True, slots=True)
class CustomerHeader:
    id: str
    given_name: str
    family_name: str
    tier: str | None
    lifetime_value: int | None
    currency: str | None
    home_store_id: str | None
    home_store_name: str | None
    home_store_city: str | None
    birth_date: str | None
    notes: str | None
    created_at: str | None
    last_contact_at: str | None
    identifiers: tuple[Identifier, ...]
    consent: tuple[Consent, ...]
    preferences: Mapping[str, Any]
    activity: tuple[MonthActivity, ...]  # oldest month first, ending with the month of ``now``

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def consent_for(self, channel: str) -> Consent | None:
        return next((c for c in self.consent if c.channel == channel), None)


_IDENTITY_ORDER = {kind: i for i, kind in enumerate(("phone", "email", "loyalty", "user_id"))}


def _identifier(row: sqlite3.Row, region: str) -> Identifier:
    kind = row["kind"] or ""
    value = row["value"] or ""
    normalized = row["normalized"]
    if kind == "phone" and normalized:
        display = format_phone(normalized, region)
    elif kind == "loyalty":
        display = normalized or value
    else:
        display = value or normalized or ""
    return Identifier(kind, display, normalized, row["label"], bool(row["is_primary"]))


def _consent(raw: Any) -> tuple[Consent, ...]:
    entries = raw if isinstance(raw, dict) else {}
    channels = list(CONSENT_CHANNELS) + sorted(k for k in entries if k not in CONSENT_CHANNELS)
    out = []
    for channel in channels:
        entry = entries.get(channel)
        entry = entry if isinstance(entry, dict) else {}
        out.append(
            Consent(
                channel,
                str(entry.get("status") or "unknown"),
                entry.get("source"),
                entry.get("effective_at"),
            )
        )
    return tuple(out)


def _months(now: datetime, count: int) -> list[tuple[int, int]]:
    year, month = now.year, now.month
    out = []
    for _ in range(count):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _refunded(lines: Any) -> int:
    if not isinstance(lines, list):
        return 0
    return sum(
        int(line.get("returned_quantity") or 0) * int(line.get("unit_price") or 0)
        for line in lines
        if isinstance(line, dict)
    )


def _activity(
    conn: sqlite3.Connection, customer_id: str, now: datetime, count: int
) -> tuple[MonthActivity, ...]:
    months = _months(now.astimezone(UTC), count)
    first_year, first_month = months[0]
    start = f"{first_year:04d}-{first_month:02d}"
    spend: dict[str, int] = {}
    for row in conn.execute(
        "SELECT placed_at, total, lines FROM orders"
        " WHERE customer_id = ? AND placed_at >= ? AND status IS NOT 'cancelled'",
        (customer_id, start),
    ):
        key = (row["placed_at"] or "")[:7]
        spend[key] = (
            spend.get(key, 0) + int(row["total"] or 0) - _refunded(json_or(row["lines"], []))
        )
    contacts = {
        row[0]: row[1]
        for row in conn.execute(
            "SELECT substr(occurred_at, 1, 7) AS month, COUNT(*) FROM interaction"
            f" WHERE customer_id = ? AND occurred_at >= ? AND {_CONTACT_SQL} GROUP BY month",
            (customer_id, start),
        )
    }
    return tuple(
        MonthActivity(y, m, spend.get(f"{y:04d}-{m:02d}", 0), contacts.get(f"{y:04d}-{m:02d}", 0))
        for y, m in months
    )


def last_contact_at(conn: sqlite3.Connection, customer_id: str) -> str | None:
    """When someone last spoke with the customer: the latest interaction they started or a person
    here took part in (mailings, surveys and notifications are not contacts). The one notion of
    "last contact" on the screen: the header shows it and the next best action reasons from it.
    The hub's ``customer.last_contact_at`` counts every interaction, mailings too, so it is not
    used here. The index on (customer, time) is walked newest first to the first contact."""
    row = conn.execute(
        f"SELECT occurred_at FROM interaction WHERE customer_id = ? AND {_CONTACT_SQL}"
        " ORDER BY occurred_at DESC LIMIT 1",
        (customer_id,),
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def survivor_of(conn: sqlite3.Connection, customer_id: str) -> str | None:
    """The customer ``customer_id`` was merged into, when this cache has applied that merge."""
    row = conn.execute(
        "SELECT new_id FROM customer_redirect WHERE old_id = ?", (customer_id,)
    ).fetchone()
    return str(row[0]) if row else None


def customer_header(
    conn: sqlite3.Connection,
    customer_id: str,
    *,
    now: datetime | None = None,
    region: str = "FR",
    months: int = ACTIVITY_MONTHS,
) -> CustomerHeader | None:
    """The top of the customer screen, or None when the customer is not (or no longer) here.
    ``activity`` covers ``months`` calendar months (UTC) ending with the month of ``now``."""
    row = conn.execute(
        "SELECT c.*, s.name AS store_name, s.city AS store_city"
        " FROM customer AS c LEFT JOIN store AS s ON s.id = c.home_store_id WHERE c.id = ?",
        (customer_id,),
    ).fetchone()
    if row is None:
        return None
    identities = conn.execute(
        "SELECT kind, value, normalized, label, is_primary, created_at FROM identity"
        " WHERE customer_id = ?",
        (customer_id,),
    ).fetchall()
    identifiers = sorted(
        (_identifier(r, region) for r in identities),
        key=lambda i: (_IDENTITY_ORDER.get(i.kind, len(_IDENTITY_ORDER)), not i.primary, i.display),
    )
    prefs = json_or(row["preferences"], {})
    return CustomerHeader(
        id=row["id"],
        given_name=row["given_name"] or "",
        family_name=row["family_name"] or "",
        tier=row["tier"],
        lifetime_value=row["lifetime_value"],
        currency=row["currency"],
        home_store_id=row["home_store_id"],
        home_store_name=row["store_name"],
        home_store_city=row["store_city"],
        birth_date=row["birth_date"],
        notes=row["notes"],
        created_at=row["created_at"],
        last_contact_at=last_contact_at(conn, customer_id),
        identifiers=tuple(identifiers),
        consent=_consent(json_or(row["consent"], {})),
        preferences=prefs if isinstance(prefs, dict) else {},
        activity=_activity(conn, customer_id, now or datetime.now(UTC), months),
    )


# --------------------------------------------------------------------------------------------------
# Timeline

EntryKind = str  # an interaction kind (call, visit, campaign...), "order" or "session"


@dataclass(frozen=True, slots=True)
class OrderItems:
    """An order's lines at a glance: the first one's name, how many lines, pieces and returns."""

    first: str | None
    lines: int
    quantity: int
    returned: int


@dataclass(frozen=True, slots=True)
class WebSession:
    """One web session (or its part on one UTC day), condensed."""

    product_views: int
    category: str | None  # the one category of the products viewed, when there is one
    page_views: int
    searches: tuple[str, ...]  # at most three, first typed first
    added_to_cart: bool
    ordered: bool
    checkout: bool  # started checkout without ordering
    devices: tuple[str, ...]
    events: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the timeline, as facts: ``rapport.ui.common.wording`` writes its title and detail."""

    id: str
    occurred_at: str
    channel: str
    kind: EntryKind
    direction: str | None
    summary: str = ""  # what was written about an interaction
    disposition: str | None = None
    store_name: str | None = None
    amount: int | None = None
    currency: str | None = None
    reference: str | None = None  # order number, offer code: something to quote on the phone
    duration_s: int | None = None  # calls and chats
    subject: str | None = None  # what an appointment was for
    minutes: int | None = None  # how long an appointment was booked for
    offer: bool = False  # a campaign that carried an offer (else a newsletter)
    score: int | None = None  # survey answers: score out of scale, and the comment
    scale: int | None = None
    answer: str | None = None
    items: OrderItems | None = None  # orders
    session: WebSession | None = None  # web sessions

    @property
    def key(self) -> Cursor:
        return (self.occurred_at, self.id)


def _int_or_none(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _interaction_entry(row: sqlite3.Row) -> TimelineEntry:
    payload = json_or(row["payload"], {})
    payload = payload if isinstance(payload, dict) else {}
    kind, channel = row["kind"] or "", row["channel"] or ""
    subject = str(payload.get("type") or "").strip() if kind == "appointment" else ""
    answer = str(payload.get("answer") or "").strip() if kind == "survey" else ""
    minutes = payload.get("duration_min")
    return TimelineEntry(
        id=row["id"],
        occurred_at=row["occurred_at"],
        channel=channel,
        kind=kind,
        direction=row["direction"],
        summary=row["summary"] or "",
        disposition=row["disposition"],
        store_name=row["store_name"],
        reference=payload.get("order_number") or payload.get("code"),
        duration_s=_int_or_none(payload.get("duration_s")) if kind in ("call", "chat") else None,
        subject=subject or None,
        minutes=minutes if isinstance(minutes, int) and not isinstance(minutes, bool) else None,
        offer=kind == "campaign" and (payload.get("offer_id") is not None or "code" in payload),
        score=_int_or_none(payload.get("score")) if kind == "survey" else None,
        scale=_int_or_none(payload.get("scale")) if kind == "survey" else None,
        answer=answer or None,
    )


def _order_items(lines: Any) -> OrderItems | None:
    if not isinstance(lines, list):
        return None
    lines = [line for line in lines if isinstance(line, dict)]
    if not lines:
        return None
    return OrderItems(
        first=str(lines[0].get("name") or "") or None,
        lines=len(lines),
        quantity=sum(int(line.get("quantity") or 1) for line in lines),
        returned=sum(int(line.get("returned_quantity") or 0) for line in lines),
    )


def _order_entry(row: sqlite3.Row) -> TimelineEntry:
    number = row["number"] or ""
    return TimelineEntry(
        id=row["id"],
        occurred_at=row["placed_at"],
        channel=row["channel"] or "web",
        kind="order",
        direction="inbound",
        disposition=row["status"],
        store_name=row["store_name"],
        amount=row["total"],
        currency=row["currency"],
        reference=number or None,
        items=_order_items(json_or(row["lines"], [])),
    )


def _session_entry(key: str, events: list[sqlite3.Row]) -> TimelineEntry:
    """One web session (events in time order) as one entry an agent reads at a glance."""
    views = [e for e in events if e["event"] == "Product Viewed"]
    categories = list(dict.fromkeys(e["category"] for e in views if e["category"]))
    kinds = {e["event"] for e in events}
    # The order itself is its own entry; a cart left at checkout is worth its amount here.
    amount = currency = None
    checkout = "Checkout Started" in kinds and "Order Completed" not in kinds
    if checkout:
        last = next(e for e in reversed(events) if e["event"] == "Checkout Started")
        amount, currency = last["value"], last["currency"]
    session = WebSession(
        product_views=len(views),
        category=categories[0] if len(categories) == 1 else None,
        page_views=sum(e["event"] == "Page Viewed" for e in events),
        searches=tuple(dict.fromkeys(" ".join(e["query"].split()) for e in events if e["query"]))[
            :3
        ],
        added_to_cart="Product Added" in kinds,
        ordered="Order Completed" in kinds,
        checkout=checkout,
        devices=tuple(dict.fromkeys(e["device"] for e in events if e["device"])),
        events=len(events),
    )
    return TimelineEntry(
        id=key,
        occurred_at=events[-1]["occurred_at"],
        channel="web",
        kind="session",
        direction="inbound",
        amount=amount,
        currency=currency,
        session=session,
    )


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _web_sessions(
    conn: sqlite3.Connection,
    customer_id: str,
    before: Cursor | None,
    limit: int,
    floor: Cursor | None,
) -> list[TimelineEntry]:
    """Web sessions with a key below ``before``, newest first, reading whole UTC days back from the
    cursor's day until ``limit`` sessions are found or the day is older than ``floor`` (the entries
    the other sources already have make anything older useless for this page)."""
    out: list[TimelineEntry] = []
    bound = _next_day(before[0][:10]) if before else _END_OF_TIME
    while len(out) < limit:
        newest = conn.execute(
            "SELECT occurred_at FROM web_event WHERE customer_id = ? AND occurred_at < ?"
            " ORDER BY occurred_at DESC LIMIT 1",
            (customer_id, bound),
        ).fetchone()
        if newest is None or not newest[0]:
            break
        day = newest[0][:10]
        day_end = _next_day(day)
        if floor is not None and day_end <= floor[0]:
            break
        sessions: dict[str, list[sqlite3.Row]] = {}
        for row in conn.execute(
            "SELECT event, category, query, device, session_id, value, currency, occurred_at"
            " FROM web_event WHERE customer_id = ? AND occurred_at >= ? AND occurred_at < ?"
            " ORDER BY occurred_at",
            (customer_id, day, day_end),
        ):
            sid = row["session_id"] or f"device-{row['device'] or 'unknown'}"
            sessions.setdefault(f"web:{day}:{sid}", []).append(row)
        entries = [_session_entry(key, events) for key, events in sessions.items()]
        if before is not None:
            entries = [e for e in entries if e.key < before]
        entries.sort(key=lambda e: e.key, reverse=True)
        out.extend(entries)
        bound = day
    return out


def _before_sql(column: str, prefix: str, before: Cursor | None) -> tuple[str, list[Any]]:
    if before is None:
        return "", []
    # The first term bounds the index range; the second drops the ties already shown.
    return (
        f" AND {prefix}.{column} <= ? AND ({prefix}.{column} < ? OR {prefix}.id < ?)",
        [before[0], before[0], before[1]],
    )


def _in_sql(column: str, values: Collection[str] | None) -> tuple[str, list[Any]]:
    if values is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(values))})", list(values)


def timeline_page(
    conn: sqlite3.Connection,
    customer_id: str,
    *,
    channels: frozenset[str] | None = None,
    before: Cursor | None = None,
    limit: int = 50,
) -> list[TimelineEntry]:
    """Up to ``limit`` entries older than ``before`` (the ``key`` of the last entry shown), newest
    first, from every channel or only ``channels``. Fewer than ``limit`` means the end."""
    if limit <= 0 or (channels is not None and not channels):
        return []
    entries: list[TimelineEntry] = []

    cond, args = _before_sql("occurred_at", "i", before)
    chan, chan_args = _in_sql("i.channel", channels)
    entries += map(
        _interaction_entry,
        conn.execute(
            "SELECT i.id, i.occurred_at, i.channel, i.kind, i.direction, i.summary,"
            " i.disposition, i.payload, s.name AS store_name"
            " FROM interaction AS i LEFT JOIN store AS s ON s.id = i.store_id"
            f" WHERE i.customer_id = ?{cond}{chan}"
            " ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?",
            [customer_id, *args, *chan_args, limit],
        ),
    )

    cond, args = _before_sql("placed_at", "o", before)
    chan, chan_args = _in_sql("o.channel", channels)
    entries += map(
        _order_entry,
        conn.execute(
            "SELECT o.id, o.number, o.channel, o.status, o.placed_at, o.currency, o.total,"
            " o.lines, s.name AS store_name"
            " FROM orders AS o LEFT JOIN store AS s ON s.id = o.store_id"
            f" WHERE o.customer_id = ?{cond}{chan}"
            " ORDER BY o.placed_at DESC, o.id DESC LIMIT ?",
            [customer_id, *args, *chan_args, limit],
        ),
    )

    if channels is None or "web" in channels:
        entries.sort(key=lambda e: e.key, reverse=True)
        floor = entries[limit - 1].key if len(entries) >= limit else None
        entries += _web_sessions(conn, customer_id, before, limit, floor)

    entries.sort(key=lambda e: e.key, reverse=True)
    return entries[:limit]


# --------------------------------------------------------------------------------------------------
# Web intent


def intent_inputs(
    conn: sqlite3.Connection, customer_id: str, since: datetime | str
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The customer's web events since ``since`` (oldest first) and the catalog rows they name:
    the two inputs of :func:`rapport.domain.intent.summarize_intent`."""
    start = since if isinstance(since, str) else utc_text(since)
    events = [
        dict(row)
        for row in conn.execute(
            "SELECT id, anonymous_id, event, product_id, category, query, device, session_id,"
            " value, currency, occurred_at FROM web_event"
            " WHERE customer_id = ? AND occurred_at >= ? ORDER BY occurred_at",
            (customer_id, start),
        )
    ]
    ids = sorted({e["product_id"] for e in events if e["product_id"]})
    products: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids, 500):
        for row in conn.execute(
            "SELECT id, sku, name, department, category, brand, price, currency FROM product"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            products[row["id"]] = dict(row)
    return events, products


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --------------------------------------------------------------------------------------------------
# Orders and offers


@dataclass(frozen=True, slots=True)
class OrderLineView:
    line_id: int | str | None
    product_id: str | None
    name: str
    size: str | None
    color: str | None
    quantity: int
    unit_price: int
    returned_quantity: int
    return_reason: str | None
    category: str | None = None  # the catalog's, when the product is in this computer's cache

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True, slots=True)
class OrderView:
    id: str
    number: str
    channel: str
    status: str | None
    placed_at: str
    store_name: str | None
    currency: str | None
    subtotal: int
    shipping: int
    total: int
    lines: tuple[OrderLineView, ...]

    @property
    def refunded(self) -> int:
        return sum(line.returned_quantity * line.unit_price for line in self.lines)

    @property
    def items(self) -> int:
        return sum(line.quantity for line in self.lines)


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _line(raw: Mapping[str, Any], categories: Mapping[str, str]) -> OrderLineView:
    return OrderLineView(
        line_id=raw.get("line_id"),
        product_id=raw.get("product_id"),
        name=str(raw.get("name") or raw.get("sku") or "Item"),
        size=raw.get("size"),
        color=raw.get("color"),
        quantity=_int(raw.get("quantity"), 1),
        unit_price=_int(raw.get("unit_price")),
        returned_quantity=_int(raw.get("returned_quantity")),
        return_reason=raw.get("return_reason"),
        category=categories.get(str(raw.get("product_id"))),
    )


def _categories(conn: sqlite3.Connection, lines: Iterable[Any]) -> dict[str, str]:
    """Catalog category of each product the lines name: one query per page of orders."""
    ids = sorted(
        {str(x["product_id"]) for x in lines if isinstance(x, dict) and x.get("product_id")}
    )
    out: dict[str, str] = {}
    for chunk in _chunks(ids, 500):
        out.update(
            conn.execute(
                f"SELECT id, category FROM product WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    return out


def orders_page(
    conn: sqlite3.Connection, customer_id: str, limit: int = 50, offset: int = 0
) -> list[OrderView]:
    """The customer's orders, newest first, with their lines."""
    rows = conn.execute(
        "SELECT o.*, s.name AS store_name FROM orders AS o LEFT JOIN store AS s ON s.id = o.store_id"
        " WHERE o.customer_id = ? ORDER BY o.placed_at DESC, o.id DESC LIMIT ? OFFSET ?",
        (customer_id, limit, offset),
    ).fetchall()
    parsed = [json_or(row["lines"], []) for row in rows]
    categories = _categories(
        conn, (x for lines in parsed if isinstance(lines, list) for x in lines)
    )
    out = []
    for row, lines in zip(rows, parsed, strict=True):
        out.append(
            OrderView(
                id=row["id"],
                number=row["number"] or "",
                channel=row["channel"] or "",
                status=row["status"],
                placed_at=row["placed_at"] or "",
                store_name=row["store_name"],
                currency=row["currency"],
                subtotal=_int(row["subtotal"]),
                shipping=_int(row["shipping"]),
                total=_int(row["total"]),
                lines=tuple(_line(x, categories) for x in lines if isinstance(x, dict))
                if isinstance(lines, list)
                else (),
            )
        )
    return out


def order_count(conn: sqlite3.Connection, customer_id: str) -> int:
    return int(
        conn.execute(
            "SELECT COUNT(*) FROM orders WHERE customer_id = ?", (customer_id,)
        ).fetchone()[0]
    )


OfferStatus = Literal["active", "redeemed", "expired"]


@dataclass(frozen=True, slots=True)
class OfferView:
    id: str
    code: str
    channel: str
    campaign: str
    description: str
    sent_at: str | None
    expires_at: str | None
    redeemed_at: str | None

    @property
    def redeemed(self) -> bool:
        return self.redeemed_at is not None

    def status(self, now: datetime) -> OfferStatus:
        if self.redeemed_at:
            return "redeemed"
        if self.expires_at and self.expires_at <= utc_text(now):
            return "expired"
        return "active"


def offers(conn: sqlite3.Connection, customer_id: str) -> list[OfferView]:
    """Offers sent to the customer, the latest first."""
    return [
        OfferView(
            id=row["id"],
            code=row["code"] or "",
            channel=row["channel"] or "",
            campaign=row["campaign"] or "",
            description=row["description"] or "",
            sent_at=row["sent_at"],
            expires_at=row["expires_at"],
            redeemed_at=row["redeemed_at"],
        )
        for row in conn.execute(
            "SELECT id, code, channel, campaign, description, sent_at, expires_at, redeemed_at"
            " FROM offer WHERE customer_id = ? ORDER BY sent_at DESC, id DESC",
            (customer_id,),
        )
    ]
