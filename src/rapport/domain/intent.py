"""Recent web intent: what a customer has been doing on the site, condensed so an agent can read it
in one second ("Researching basketball hoops: 9 views over 3 days on 2 devices; cart of EUR 349
abandoned yesterday"). This module finds the facts (:class:`Summary`); the sentence itself is
written in the agent's language by ``rapport.ui.common.wording``.

Input rows have the ``web_event`` columns of :mod:`rapport.protocol` and event names from the
Segment e-commerce spec. Calendar days ("today", "3 days ago") are counted in the time zone of
``now``, so a caller passing a local aware datetime gets the customer's days as the agent sees them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from rapport.domain.timestamps import parse_timestamp

__all__ = [
    "INTENT_WINDOW_DAYS",
    "Cart",
    "CartStatus",
    "CategoryInterest",
    "Intent",
    "Money",
    "PendingCart",
    "ProductInterest",
    "Purchase",
    "Research",
    "SearchTerm",
    "Summary",
    "SummaryKind",
    "days_between",
    "default_money",
    "summarize_intent",
]

Money = Callable[[int, str], str]
CartStatus = Literal["abandoned", "purchased", "open"]

VIEWED = "Product Viewed"
SEARCHED = "Products Searched"
ADDED = "Product Added"
REMOVED = "Product Removed"
CART_VIEWED = "Cart Viewed"
CHECKOUT = "Checkout Started"
ORDERED = "Order Completed"
PAGE = "Page Viewed"

# Interest fades with a half-life of a few days: last night's browsing says more about why the
# customer is calling than last month's, but a week-old burst still counts.
HALF_LIFE_DAYS = 3.0
# Putting something in the cart is a much stronger signal than looking at it.
VIEW_WEIGHT = 1.0
ADD_WEIGHT = 3.0
# Taking it out again takes back most of that: what is left is about as much as a careful look.
REMOVE_WEIGHT = VIEW_WEIGHT - ADD_WEIGHT
# A cart untouched this long is taken as left behind rather than still being filled.
ABANDON_AFTER = timedelta(hours=1)
# How far back the intent looks: the readers fetch this many days of events, the summary weighs them.
INTENT_WINDOW_DAYS = 30
_MAX_NAME = 40
_MAX_TERM = 24
_MAX_TERMS = 3
# Events that show the customer is still shopping, as opposed to e.g. an order confirmation page.
_RESEARCH = frozenset({VIEWED, ADDED, SEARCHED})
_CART_EVENTS = frozenset({ADDED, REMOVED, CART_VIEWED, CHECKOUT, ORDERED})

# ISO 4217 minor units that are not the usual two, so the default formatter does not print
# JPY 349 as "JPY 3.49".
_ZERO_DECIMAL = frozenset(
    {
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "ISK",
        "JPY",
        "KMF",
        "KRW",
        "PYG",
        "RWF",
        "UGX",
        "UYI",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    }
)
_THREE_DECIMAL = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


def default_money(amount_minor: int, currency: str) -> str:
    """``EUR 349``, ``EUR 349.50``, ``EUR 1,299``: plain and locale-free, for when the UI does not
    pass its own formatter."""
    code = (currency or "").upper()
    exponent = 0 if code in _ZERO_DECIMAL else 3 if code in _THREE_DECIMAL else 2
    major, minor = divmod(abs(amount_minor), 10**exponent)
    text = f"{major:,}"
    if minor:
        text += f".{minor:0{exponent}d}"
    if amount_minor < 0:
        text = "-" + text
    return f"{code} {text}" if code else text


@dataclass(frozen=True, slots=True)
class ProductInterest:
    product_id: str
    name: str
    category: str | None
    views: int
    # Latest view, or latest add to cart for a product added without a tracked view.
    last_viewed: datetime
    # Added and not removed since, within the window (a bought product stays True).
    added_to_cart: bool
    score: float


@dataclass(frozen=True, slots=True)
class CategoryInterest:
    category: str
    views: int
    # Latest view, or latest add to cart when the category was only reached through the cart.
    last_viewed: datetime
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class SearchTerm:
    query: str
    count: int
    last_at: datetime


@dataclass(frozen=True, slots=True)
class Cart:
    # The session id, or ``"<date>/<device>"`` for events that came without one.
    session_id: str
    value: int
    currency: str
    items: int
    last_at: datetime
    status: CartStatus
    product_ids: tuple[str, ...] = ()
    # How many of each of ``product_ids`` (same order): added, less what was removed.
    quantities: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Intent:
    summary: Summary  # the facts of the one-second sentence (rapport.ui.common.wording writes it)
    topic: str | None
    products: list[ProductInterest] = field(default_factory=list)
    categories: list[CategoryInterest] = field(default_factory=list)
    searches: list[SearchTerm] = field(default_factory=list)
    carts: list[Cart] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)
    purchased: bool = False
    last_seen: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Event:
    kind: str
    at: datetime
    day: date
    product_id: str | None
    category: str | None
    query: str | None
    device: str | None
    session: str
    value: int | None
    currency: str | None


# --------------------------------------------------------------------------------------------------
# Reading rows


def _text(row: Mapping[str, Any], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _timestamp(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        # The protocol stores UTC; a naive value is that UTC without its marker.
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return parse_timestamp(value) if isinstance(value, str) else None


def _read_events(
    rows: Iterable[Mapping[str, Any]],
    products: Mapping[str, Mapping[str, Any]],
    now: datetime,
    window_days: int,
) -> list[_Event]:
    since = now - timedelta(days=window_days)
    tz = now.tzinfo
    events: list[_Event] = []
    for row in rows:
        at = _timestamp(row.get("occurred_at"))
        if at is None or at < since:
            continue
        product_id = _text(row, "product_id")
        product = products.get(product_id, {}) if product_id else {}
        category = _text(row, "category") or _text(product, "category")
        device = _text(row, "device")
        local_day = at.astimezone(tz).date()
        events.append(
            _Event(
                kind=_text(row, "event") or "",
                at=at,
                day=local_day,
                product_id=product_id,
                category=category,
                query=_text(row, "query"),
                device=device,
                session=_text(row, "session_id") or f"{local_day.isoformat()}/{device or ''}",
                value=_int(row.get("value")),
                currency=_text(row, "currency"),
            )
        )
    events.sort(key=lambda e: e.at)
    return events


# --------------------------------------------------------------------------------------------------
# Aggregates


def _decay(at: datetime, now: datetime) -> float:
    # Clock skew can put an event slightly in the future; it is then simply "now".
    age_days = max((now - at).total_seconds(), 0.0) / 86_400
    return math.pow(0.5, age_days / HALF_LIFE_DAYS)


def _is_category_view(e: _Event) -> bool:
    # A product page usually fires both Page Viewed and Product Viewed; only the latter counts so
    # the view is not counted twice. A Page Viewed with a category and no product is a listing.
    if e.kind == VIEWED:
        return e.category is not None
    return e.kind == PAGE and e.category is not None and e.product_id is None


def _product_name(product_id: str, products: Mapping[str, Mapping[str, Any]]) -> str:
    return _text(products.get(product_id, {}), "name") or product_id


def _rank_products(
    events: Sequence[_Event], products: Mapping[str, Mapping[str, Any]], now: datetime
) -> list[ProductInterest]:
    views: dict[str, int] = {}
    last: dict[str, datetime] = {}
    in_cart: dict[str, int] = {}
    score: dict[str, float] = {}
    category: dict[str, str | None] = {}
    for e in events:
        pid = e.product_id
        if pid is None:
            continue
        if e.kind == REMOVED:
            # A removal with no add in the window says nothing about recent interest.
            if in_cart.get(pid):
                in_cart[pid] -= 1
                score[pid] += REMOVE_WEIGHT * _decay(e.at, now)
            continue
        if e.kind not in (VIEWED, ADDED):
            continue
        weight = VIEW_WEIGHT if e.kind == VIEWED else ADD_WEIGHT
        score[pid] = score.get(pid, 0.0) + weight * _decay(e.at, now)
        views[pid] = views.get(pid, 0) + (e.kind == VIEWED)
        if e.kind == ADDED:
            in_cart[pid] = in_cart.get(pid, 0) + 1
        # Events are in time order, so the latest wins.
        last[pid] = e.at
        category[pid] = e.category or category.get(pid)
    ranked = [
        ProductInterest(
            product_id=pid,
            name=_product_name(pid, products),
            category=category[pid],
            views=views[pid],
            last_viewed=last[pid],
            added_to_cart=in_cart.get(pid, 0) > 0,
            score=score[pid],
        )
        for pid in score
    ]
    ranked.sort(key=lambda p: (-p.score, -p.last_viewed.timestamp(), p.product_id))
    return ranked


def _rank_categories(events: Sequence[_Event], now: datetime) -> list[CategoryInterest]:
    views: dict[str, int] = {}
    last: dict[str, datetime] = {}
    score: dict[str, float] = {}
    for e in events:
        if e.category is None:
            continue
        if _is_category_view(e):
            weight, is_view = VIEW_WEIGHT, True
        elif e.kind == ADDED:
            weight, is_view = ADD_WEIGHT, False
        elif e.kind == REMOVED and e.category in score:
            score[e.category] += REMOVE_WEIGHT * _decay(e.at, now)
            continue
        else:
            continue
        score[e.category] = score.get(e.category, 0.0) + weight * _decay(e.at, now)
        views[e.category] = views.get(e.category, 0) + is_view
        last[e.category] = e.at
    ranked = [CategoryInterest(c, views[c], last[c], score[c]) for c in score]
    ranked.sort(key=lambda c: (-c.score, -c.last_viewed.timestamp(), c.category))
    return ranked


def _collect_searches(events: Sequence[_Event]) -> list[SearchTerm]:
    # Same words typed with other case or spacing are one search; the latest spelling is shown.
    count: dict[str, int] = {}
    shown: dict[str, str] = {}
    last: dict[str, datetime] = {}
    for e in events:
        if e.kind != SEARCHED or e.query is None:
            continue
        key = " ".join(e.query.split()).casefold()
        count[key] = count.get(key, 0) + 1
        shown[key] = " ".join(e.query.split())
        last[key] = e.at
    terms = [SearchTerm(shown[k], count[k], last[k]) for k in count]
    terms.sort(key=lambda t: (-t.last_at.timestamp(), -t.count, t.query))
    return terms


def _collect_carts(
    events: Sequence[_Event], products: Mapping[str, Mapping[str, Any]], now: datetime
) -> list[Cart]:
    sessions: dict[str, list[_Event]] = {}
    for e in events:
        sessions.setdefault(e.session, []).append(e)
    orders = [e for e in events if e.kind == ORDERED]

    carts: list[Cart] = []
    for session, session_events in sessions.items():
        if not any(e.kind in (ADDED, CHECKOUT, ORDERED) for e in session_events):
            continue
        quantity: dict[str, int] = {}
        unit_price: dict[str, int] = {}
        currency = ""
        checkout_value: int | None = None
        session_order: _Event | None = None
        last_add: datetime | None = None
        for e in session_events:
            if e.kind not in _CART_EVENTS:
                continue
            product = products.get(e.product_id, {}) if e.product_id else {}
            currency = currency or e.currency or _text(product, "currency") or ""
            if e.kind == ADDED and e.product_id:
                last_add = e.at
                quantity[e.product_id] = quantity.get(e.product_id, 0) + 1
                price = e.value if e.value is not None else _int(product.get("price"))
                if price is not None:
                    unit_price[e.product_id] = price
            elif e.kind == REMOVED and e.product_id and quantity.get(e.product_id):
                quantity[e.product_id] -= 1
            elif e.kind == CHECKOUT:
                last_add = e.at
                checkout_value = e.value if e.value is not None else checkout_value
            elif e.kind == ORDERED:
                session_order = e
        in_cart = {pid: n for pid, n in quantity.items() if n > 0}
        if not in_cart and checkout_value is None and session_order is None:
            # Everything added was taken out again: nothing was left behind.
            continue

        # Only an order placed after the last addition settles the cart; things added after
        # buying are a new, unsettled cart.
        order = session_order
        if last_add is not None and (order is None or order.at < last_add):
            # Persistent carts get bought in a later visit, often on another device: a later order
            # counts when it names one of the cart's products or names none at all.
            order = next(
                (
                    o
                    for o in orders
                    if o.at >= last_add and (o.product_id is None or o.product_id in in_cart)
                ),
                None,
            )
        last_at = session_events[-1].at
        if order is not None:
            status: CartStatus = "purchased"
        elif now - last_at >= ABANDON_AFTER:
            status = "abandoned"
        else:
            status = "open"

        if order is not None and order.session == session and order.value is not None:
            value = order.value
        elif checkout_value is not None:
            value = checkout_value
        else:
            value = sum(unit_price.get(pid, 0) * n for pid, n in in_cart.items())
        carts.append(
            Cart(
                session_id=session,
                value=value,
                currency=currency,
                items=sum(in_cart.values()),
                last_at=last_at,
                status=status,
                product_ids=tuple(in_cart),
                quantities=tuple(in_cart.values()),
            )
        )
    carts.sort(key=lambda c: c.last_at, reverse=True)
    return carts


def _devices(events: Sequence[_Event]) -> list[str]:
    # Most recently used first; dict keeps the first insertion, so walk newest to oldest.
    return list(dict.fromkeys(e.device for e in reversed(events) if e.device))


# --------------------------------------------------------------------------------------------------
# The summary: the facts of the one-second sentence (rapport.ui.common.wording writes it)


def days_between(at: datetime, now: datetime) -> int:
    """Calendar days from ``at`` to ``now`` in ``now``'s time zone (0: today, 1: yesterday)."""
    return max((now.date() - at.astimezone(now.tzinfo).date()).days, 0)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _humanize(category: str) -> str:
    # Lowercase only ordinary capitalised words, so "Basketball Hoops" reads as running text
    # while "TV", "NBA" or "iPhone" keep their shape.
    words = [
        w.lower() if w[:1].isupper() and w[1:] == w[1:].lower() else w for w in category.split()
    ]
    return _clip(" ".join(words), _MAX_NAME)


@dataclass(frozen=True, slots=True)
class Research:
    """Views of the topic's category: how many, on how many calendar days and devices."""

    views: int
    days: int
    devices: int
    days_ago: int | None  # since the latest of them


@dataclass(frozen=True, slots=True)
class Purchase:
    """The latest order placed on the site: its first item (as the order's rows name it) and how
    many more, or only its amount when the events do not say what was bought."""

    product: str | None
    others: int
    value: int | None
    currency: str
    days_ago: int


@dataclass(frozen=True, slots=True)
class PendingCart:
    status: CartStatus  # "open" or "abandoned"
    value: int
    currency: str
    days_ago: int


SummaryKind = Literal[
    "none", "bought", "researching", "interested", "searched", "cart", "visited", "active"
]


@dataclass(frozen=True, slots=True)
class Summary:
    """What the sentence says, most telling first:

    - ``none``: no event in the last ``window_days``;
    - ``bought``: a purchase closed the story (``purchase``, with the ``research`` before it);
    - ``researching`` / ``interested``: views of (or adds to cart in) ``topic``, then the pending
      ``cart``, the ``purchase`` and the ``searches``;
    - ``searched``: searches only, then ``cart`` and ``purchase``;
    - ``cart``: a pending cart and nothing else to say, then ``purchase``;
    - ``visited`` (``pages`` page views) / ``active``: seen on the site ``days_ago``.
    """

    kind: SummaryKind
    window_days: int
    topic: str | None = None
    research: Research | None = None
    purchase: Purchase | None = None
    cart: PendingCart | None = None
    searches: tuple[str, ...] = ()  # newest first, each clipped, at most three
    search_count: int = 0  # searches in all, repeats included
    search_days: int = 0  # calendar days with a search
    days_ago: int = 0  # since the last search (searched) or the last event (visited, active)
    pages: int = 0


def _research(
    events: Sequence[_Event], category: str, before: datetime | None, now: datetime
) -> Research:
    views = [
        e
        for e in events
        if e.category == category and _is_category_view(e) and (before is None or e.at <= before)
    ]
    return Research(
        views=len(views),
        days=len({e.day for e in views}),
        devices=len({e.device for e in views if e.device}),
        days_ago=days_between(views[-1].at, now) if views else None,
    )


def _purchase(
    order: _Event,
    carts: Sequence[Cart],
    products: Mapping[str, Mapping[str, Any]],
    now: datetime,
) -> Purchase:
    days_ago = days_between(order.at, now)
    currency = order.currency or ""
    if order.product_id:
        name = _clip(_product_name(order.product_id, products), _MAX_NAME)
        return Purchase(name, 0, order.value, currency, days_ago)
    # The order's own session says what was bought; failing that, the cart it settled from an
    # earlier visit (carts are newest first, so that is the latest one left before the order).
    cart = next((c for c in carts if c.session_id == order.session and c.product_ids), None)
    cart = cart or next(
        (c for c in carts if c.status == "purchased" and c.product_ids and c.last_at <= order.at),
        None,
    )
    if cart is not None:
        # Name the first item, as the order's own rows do (timeline, purchases, the thank-you
        # suggestion): carts keep the order items went in, which is the order's line order.
        name = _clip(_product_name(cart.product_ids[0], products), _MAX_NAME)
        return Purchase(name, max(cart.items - 1, 0), order.value, currency, days_ago)
    return Purchase(None, 0, order.value, currency, days_ago)


def _pending(cart: Cart | None, now: datetime) -> PendingCart | None:
    if cart is None:
        return None
    return PendingCart(cart.status, cart.value, cart.currency, days_between(cart.last_at, now))


def _summary(
    events: Sequence[_Event],
    products: Mapping[str, Mapping[str, Any]],
    categories: Sequence[CategoryInterest],
    searches: Sequence[SearchTerm],
    carts: Sequence[Cart],
    now: datetime,
    window_days: int,
) -> Summary:
    if not events:
        return Summary("none", window_days)

    topic = categories[0].category if categories else None
    orders = [e for e in events if e.kind == ORDERED]
    order = orders[-1] if orders else None
    purchase = _purchase(order, carts, products, now) if order is not None else None
    cart = _pending(next((c for c in carts if c.status != "purchased"), None), now)
    terms = tuple(_clip(t.query, _MAX_TERM) for t in searches[:_MAX_TERMS])

    # A purchase closes the story unless the customer kept shopping afterwards.
    if order is not None and not any(e.kind in _RESEARCH and e.at > order.at for e in events):
        research = _research(events, topic, order.at, now) if topic is not None else None
        return Summary(
            "bought",
            window_days,
            topic=_humanize(topic) if topic is not None else None,
            research=research if research is not None and research.views else None,
            purchase=purchase,
        )

    if topic is not None:
        research = _research(events, topic, None, now)
        return Summary(
            "researching" if research.views else "interested",
            window_days,
            topic=_humanize(topic),
            research=research if research.views else None,
            purchase=purchase,
            cart=cart,
            searches=terms,
        )

    if searches:
        return Summary(
            "searched",
            window_days,
            purchase=purchase,
            cart=cart,
            searches=terms,
            search_count=sum(t.count for t in searches),
            search_days=len({e.day for e in events if e.kind == SEARCHED and e.query}),
            days_ago=days_between(max(t.last_at for t in searches), now),
        )

    if cart is not None:
        return Summary("cart", window_days, purchase=purchase, cart=cart)

    pages = sum(e.kind == PAGE for e in events)
    return Summary(
        "visited" if pages else "active",
        window_days,
        days_ago=days_between(events[-1].at, now),
        pages=pages,
    )


# --------------------------------------------------------------------------------------------------


def summarize_intent(
    events: Sequence[Mapping[str, Any]],
    products: Mapping[str, Mapping[str, Any]],
    now: datetime,
    *,
    window_days: int = INTENT_WINDOW_DAYS,
) -> Intent:
    """Condense a customer's web events from the last ``window_days`` into an :class:`Intent`.

    ``events`` are rows with the ``web_event`` columns (any order, rows outside the window or with
    an unreadable ``occurred_at`` are skipped); ``products`` maps product ids to catalog rows.
    ``now`` must be aware; its time zone decides what "today" means.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    read = _read_events(events, products, now, window_days)
    ranked = _rank_products(read, products, now)
    categories = _rank_categories(read, now)
    searches = _collect_searches(read)
    carts = _collect_carts(read, products, now)
    return Intent(
        summary=_summary(read, products, categories, searches, carts, now, window_days),
        topic=_humanize(categories[0].category) if categories else None,
        products=ranked,
        categories=categories,
        searches=searches,
        carts=carts,
        devices=_devices(read),
        purchased=any(e.kind == ORDERED for e in read),
        last_seen=read[-1].at if read else None,
    )
