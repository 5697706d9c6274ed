"""Orders: in store, on the web (each with the session that led to it) and by phone; what a
customer picks, in their sizes and colors; returns and refunds."""

from __future__ import annotations

import random
from bisect import bisect

from rapport.hub.demo_data.catalog import Product, Variant
from rapport.hub.demo_data.common import (
    CURRENCY,
    DAY,
    HOUR,
    STORE_HOURS,
    WAKING_HOURS,
    daytime,
    iso,
    uuid_from,
)
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.web import order_session
from rapport.hub.demo_data.world import World

Item = tuple[Product, Variant, int]  # what, which variant, how many


def pick_product(
    world: World, rng: random.Random, c: CustomerDraft, sized: bool = False
) -> Product:
    """A product in the customer's interests most of the time, never in a category they avoid."""
    r = rng.random
    while True:
        pool = [x for x in c.interests if x.sized] if sized else c.interests
        if pool and r() < 0.8:
            cat = pool[int(r() * len(pool))]
        elif sized:
            cat = world.sized_cats[int(r() * len(world.sized_cats))]
        else:
            cat = world.cat_list[bisect(world.cat_cum, r() * world.cat_tot)]
        if cat.name not in c.exclude:
            ps = cat.products
            return ps[int(r() * len(ps))]


def pick_variant(rng: random.Random, c: CustomerDraft, p: Product) -> Variant:
    """The customer's size when the product has it, often in a color they like."""
    vs = p.by_size.get(c.sizes.get(p.size_key)) if p.size_key else None
    if not vs:
        vs = p.variants
    if len(vs) > 1 and rng.random() < 0.6:
        for v in vs:
            if v.color in c.colors:
                return v
    return vs[int(rng.random() * len(vs))]


def place_orders(world: World, c: CustomerDraft, rng: random.Random, channels: list[str]) -> None:
    """One order per channel in ``channels``, at a moment in the customer's history."""
    r = rng.random
    home_id = c.home["id"]
    same_country = world.country_stores[c.home["country"]]
    for ch in channels:
        hours = STORE_HOURS if ch == "store" else WAKING_HOURS
        ts = daytime(rng, c.start + HOUR, c.until, hours)
        n_lines = 1 if r() < 0.6 else 2 if r() < 0.7 else 3 + (r() < 0.3)
        items = []
        for _ in range(n_lines):
            p = pick_product(world, rng, c)
            qty = 1 + (r() < 0.35) + (r() < 0.15) if p.category in world.multi else 1
            items.append((p, pick_variant(rng, c, p), qty))
        if ch == "store":
            store_id = home_id if r() < 0.85 else same_country[int(r() * len(same_country))]["id"]
            add_order(world, c, rng, ts, "store", store_id, items, 0.04)
        else:
            order = add_order(world, c, rng, ts, ch, None, items, 0.12)
            if ch == "web":
                order_session(c, rng, ts, order, items)


def _status(r, now: int, ts: int, channel: str) -> str:
    """Where an order placed at ``ts`` stands at ``now``: a few are cancelled."""
    if r() < 0.025:
        return "cancelled"
    if channel == "store":
        return "completed"
    if ts > now - 2 * DAY:
        return "processing"
    if ts > now - 5 * DAY:
        return "shipped"
    return "delivered"


def _lines(
    world: World, r, items: list[Item], channel: str, returns: float
) -> tuple[list[dict], int, int, int]:
    """The order lines, with a share of them returned (probability ``returns`` each, when the
    order can be returned at all: ``returns`` is 0 otherwise); and the subtotal, the refunded
    amount and the number of lines returned whole."""
    reasons = world.texts["return_reasons"]["store" if channel == "store" else "web"]
    lines = []
    subtotal = refunded = returned_lines = 0
    for n, (p, v, qty) in enumerate(items, 1):
        ret = 0
        reason = None
        if returns and r() < returns:
            ret = qty if qty == 1 or r() < 0.5 else 1
            reason = reasons[int(r() * len(reasons))]
            refunded += ret * v.price
            returned_lines += ret == qty
        lines.append(
            {
                "line_id": n,
                "product_id": p.id,
                "variant_id": v.id,
                "sku": v.sku,
                "name": p.name,
                "size": v.size,
                "color": v.color,
                "quantity": qty,
                "unit_price": v.price,
                "returned_quantity": ret,
                "return_reason": reason,
            }
        )
        subtotal += qty * v.price
    return lines, subtotal, refunded, returned_lines


def add_order(
    world: World,
    c: CustomerDraft,
    rng: random.Random,
    ts: int,
    channel: str,
    store_id: str | None,
    items: list[Item],
    returns: float = 0.0,
    status: str | None = None,
) -> dict:
    """The order row, added to the customer with its effect on lifetime value."""
    r = rng.random
    if status is None:
        status = _status(r, world.now, ts, channel)
    can_return = returns and status in ("completed", "delivered")
    lines, subtotal, refunded, returned_lines = _lines(
        world, r, items, channel, returns if can_return else 0.0
    )
    if returned_lines == len(lines):
        status = "returned"
    shipping = 0 if channel == "store" or subtotal >= 5000 else 499
    total = subtotal + shipping
    prefix = "S" if channel == "store" else "W" if channel == "web" else "P"
    number = world.order_number(prefix, ts)
    row = {
        "id": uuid_from(rng),
        "customer_id": c.id,
        "number": number,
        "channel": channel,
        "store_id": store_id,
        "status": status,
        "placed_at": iso(ts),
        "currency": CURRENCY,
        "subtotal": subtotal,
        "shipping": shipping,
        "total": total,
        "lines": lines,
    }
    c.orders.append(row)
    if status != "cancelled":
        c.ltv += total - refunded
        if ts > c.updated:
            c.updated = ts
    if channel != "store":  # what calls, chats and e-mails are about
        c.order_refs.append((ts, number, row))
    return row
