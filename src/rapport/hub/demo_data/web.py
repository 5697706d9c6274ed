"""Web sessions, as Segment-style events: browsing a category, and the session before each web
order."""

from __future__ import annotations

import random

from rapport.hub.demo_data.catalog import Category, Product, Variant
from rapport.hub.demo_data.common import CURRENCY, DAY, HOUR, daytime, iso, uuid_from
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.world import World


def web_event(
    c: CustomerDraft,
    rng: random.Random,
    ts: int,
    event: str,
    dev: tuple[str, str],
    session: str,
    product: Product | None = None,
    query: str | None = None,
    value: int | None = None,
) -> None:
    c.web_events.append(
        {
            "id": uuid_from(rng),
            "customer_id": c.id,
            "anonymous_id": dev[1],
            "event": event,
            "product_id": product.id if product else None,
            "category": product.category if product else None,
            "query": query,
            "device": dev[0],
            "session_id": session,
            "value": value,
            "currency": CURRENCY if value is not None else None,
            "occurred_at": iso(ts),
        }
    )


def order_session(
    c: CustomerDraft,
    rng: random.Random,
    ts: int,
    order: dict,
    items: list[tuple[Product, Variant, int]],
) -> None:
    """The session that ended in ``order``: each item viewed and added, cart, checkout."""
    r = rng.random
    dev = c.devices[int(r() * len(c.devices))]
    sid = uuid_from(rng)
    steps: list[tuple[str, Product | None, int]] = []
    for p, v, _ in items:
        steps.append(("Product Viewed", p, v.price))
        steps.append(("Product Added", p, v.price))
    steps.append(("Cart Viewed", None, order["subtotal"]))
    steps.append(("Checkout Started", None, order["subtotal"]))
    t = ts - 120 * (len(steps) + 1) - int(r() * 600)
    web_event(c, rng, t, "Page Viewed", dev, sid)
    for event, p, value in steps:
        t += 20 + int(r() * 100)
        web_event(c, rng, t, event, dev, sid, p, None, value)
    web_event(c, rng, ts, "Order Completed", dev, sid, None, None, order["total"])


def browsing_history(
    world: World, c: CustomerDraft, rng: random.Random, sessions: int, story: bool
) -> None:
    """``sessions`` visits of a customer who uses the website (``c.devices``), mostly in their
    interests, and for some a recent burst on one category ("in market")."""
    r = rng.random
    start, until, now = c.start, c.until, world.now
    mine = [x for x in c.interests if x.name not in c.exclude]
    for _ in range(sessions):
        cat = mine[int(r() * len(mine))] if mine and r() < 0.75 else world.random_category(r)
        if cat.name not in c.exclude:
            browse_session(c, rng, daytime(rng, start, until - HOUR), cat)
    if not story and c.level != "heavy" and r() < 0.15:
        cat = c.interests[0]
        for _ in range(2 + int(r() * 5)):
            lo = max(start, now - int(DAY * (1 + 20 * r())))
            browse_session(c, rng, daytime(rng, lo, now - HOUR), cat)


def browse_session(c: CustomerDraft, rng: random.Random, t: int, cat: Category) -> None:
    """A visit: maybe a search, a few products viewed, sometimes a cart left behind."""
    r = rng.random
    dev = c.devices[int(r() * len(c.devices))]
    sid = uuid_from(rng)
    web_event(c, rng, t, "Page Viewed", dev, sid)
    if r() < 0.4:
        t += 10 + int(r() * 60)
        query = cat.queries[int(r() * len(cat.queries))]
        web_event(c, rng, t, "Products Searched", dev, sid, None, query)
    t, p = _product_views(c, rng, t, cat, dev, sid)
    if r() < 0.2:
        t += 20 + int(r() * 90)
        web_event(c, rng, t, "Product Added", dev, sid, p, None, p.price)
        if r() < 0.6:
            t += 10 + int(r() * 60)
            web_event(c, rng, t, "Cart Viewed", dev, sid, None, None, p.price)
            if r() < 0.45:
                t += 20 + int(r() * 120)
                web_event(c, rng, t, "Checkout Started", dev, sid, None, None, p.price)


def _product_views(
    c: CustomerDraft, rng: random.Random, t: int, cat: Category, dev: tuple[str, str], sid: str
) -> tuple[int, Product]:
    """One to six products of ``cat`` viewed; returns the time and the last one viewed. The most
    common row of all, so :func:`web_event` is inlined here."""
    r = rng.random
    ps = cat.products
    p = ps[0]
    append = c.web_events.append
    cid = c.id
    device, anon = dev
    for _ in range(1 + int(r() * r() * 6)):
        t += 15 + int(r() * 150)
        p = ps[int(r() * len(ps))]
        append(
            {
                "id": uuid_from(rng),
                "customer_id": cid,
                "anonymous_id": anon,
                "event": "Product Viewed",
                "product_id": p.id,
                "category": p.category,
                "query": None,
                "device": device,
                "session_id": sid,
                "value": p.price,
                "currency": CURRENCY,
                "occurred_at": iso(t),
            }
        )
    return t, p
