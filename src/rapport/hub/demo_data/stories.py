"""The four story customers (DESIGN.md stories 1, 3, 4 and 6): always present, with fixed ids
and facts, and a recent scene each on top of a generic history that ends 31 days before now."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from rapport.hub.demo_data.campaigns import add_offer
from rapport.hub.demo_data.common import DAY, HOUR, uuid_from
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.interactions import add_interaction
from rapport.hub.demo_data.orders import add_order
from rapport.hub.demo_data.stores import ASSOCIATE_OF, STORE_BY_ID, STORY_STORE
from rapport.hub.demo_data.web import order_session, web_event
from rapport.hub.demo_data.world import World

_STORY_KEYS = ("hoops", "bride", "complaint", "vip")
STORY_CUSTOMERS: dict[str, str] = {
    key: uuid_from(random.Random(f"rapport-story-customer:{key}")) for key in _STORY_KEYS
}


@dataclass(frozen=True, slots=True)
class StoryProfile:
    """A story customer's fixed profile."""

    key: str
    given: str
    family: str
    female: bool
    tier: str
    level: str
    interests: tuple[str, ...]
    emails: tuple[str, ...]
    phone: str
    loyalty: str
    devices: tuple[str, ...]
    sizes: dict[str, str]
    granted: tuple[str, ...]
    exclude: frozenset[str]
    min_orders: int


STORIES = (
    StoryProfile(
        "hoops",
        "Lucas",
        "Martin",
        False,
        "silver",
        "medium",
        ("Basketballs", "Running shoes", "Sports bags"),
        ("lucas.martin@example.com",),
        "06 12 34 56 78",
        "LOY-100001",
        ("desktop", "mobile"),
        {"shoes": "43", "gloves": "L"},
        ("email", "sms", "phone"),
        frozenset({"Basketball hoops"}),
        3,
    ),
    StoryProfile(
        "bride",
        "Camille",
        "Dubois",
        True,
        "silver",
        "medium",
        ("Necklaces", "Yoga mats", "Handbags"),
        ("camille.dubois@example.com",),
        "+33 6 98 76 54 32",
        "LOY-100002",
        ("mobile", "desktop"),
        {"ring": "52", "shoes": "38"},
        ("email", "sms"),
        frozenset({"Engagement rings", "Wedding bands"}),
        2,
    ),
    StoryProfile(
        "complaint",
        "Nadia",
        "Benali",
        True,
        "bronze",
        "light",
        ("Basketballs", "Yoga mats"),
        ("nadia.benali@example.net",),
        "0033 7 81 23 45 67",
        "LOY-100003",
        ("desktop",),
        {},
        ("email", "phone"),
        frozenset({"Basketball hoops"}),
        1,
    ),
    StoryProfile(
        "vip",
        "Hélène",
        "Rousseau",
        True,
        "platinum",
        "high",
        ("Handbags", "Necklaces", "Watches", "Scarves"),
        ("helene.rousseau@example.com",),
        "+33 6 12 70 44 18",
        "LOY-100004",
        ("desktop", "mobile", "tablet"),
        {"gloves": "S", "ring": "51"},
        ("email", "sms", "mail"),
        frozenset(),
        12,
    ),
)
assert tuple(s.key for s in STORIES) == _STORY_KEYS


def _hoops(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """Nine views of basketball hoops over three days on two devices, then an abandoned cart."""
    hoops = world.categories["Basketball hoops"].products
    hoop = next(p for p in hoops if p.price == 34900)
    a, b, d = [p for p in hoops if p is not hoop][:3]
    desktop, mobile = c.devices
    web = web_event
    day2, day1, today = world.today - 2 * DAY, world.today - DAY, world.today
    s = uuid_from(rng)
    t = day2 + 19 * HOUR + 4 * 60 + 12
    web(c, rng, t, "Products Searched", desktop, s, None, "basketball hoop")
    for i, p in enumerate((a, b, hoop)):
        web(c, rng, t + (2 + 4 * i) * 60 + 7 * i, "Product Viewed", desktop, s, p, None, p.price)
    s = uuid_from(rng)
    t = day1 + 11 * HOUR + 22 * 60 + 40
    for i, p in enumerate((hoop, b, d)):
        web(c, rng, t + 3 * 60 * i + 11 * i, "Product Viewed", mobile, s, p, None, p.price)
    s = uuid_from(rng)
    t = day1 + 20 * HOUR + 5 * 60 + 31
    web(c, rng, t, "Product Viewed", desktop, s, hoop, None, hoop.price)
    web(c, rng, t + 4 * 60 + 2, "Product Added", desktop, s, hoop, None, hoop.price)
    web(c, rng, t + 7 * 60 + 48, "Checkout Started", desktop, s, None, None, hoop.price)
    s = uuid_from(rng)
    span = world.now - today  # today's views happen before now, however early now is
    web(c, rng, today + span * 2 // 5, "Product Viewed", mobile, s, hoop, None, hoop.price)
    web(c, rng, today + span * 3 // 5, "Product Viewed", mobile, s, a, None, a.price)


def _bride(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """In-store appointments (browsing, ring sizing, financing) and online ring research."""
    rings = world.categories["Engagement rings"].products
    bands = world.categories["Wedding bands"].products
    r1, r2, r3, r4 = rings[:4]
    _bride_appointments(world, c, rng, r1, r2)
    mobile, desktop = c.devices
    sessions = (
        (19, desktop, "engagement ring", (r1, r2, r3)),
        (14, mobile, None, (r1, r4)),
        (9, desktop, "wedding band", (bands[0], bands[1], r1)),
        (5, mobile, None, (r1, bands[0])),
        (2, mobile, None, (r1, r2)),
    )
    for days, dev, query, products in sessions:
        s = uuid_from(rng)
        t = world.today - days * DAY + 20 * HOUR + 30 * 60 + days * 7
        if query:
            web_event(c, rng, t, "Products Searched", dev, s, None, query)
        for i, p in enumerate(products, 1):
            web_event(c, rng, t + i * 150, "Product Viewed", dev, s, p, None, p.price)


def _bride_appointments(world: World, c: CustomerDraft, rng: random.Random, r1, r2) -> None:
    assoc = ASSOCIATE_OF[STORY_STORE]
    today = world.today

    def appointment(ts: int, summary: str, payload: dict) -> None:
        add_interaction(
            c,
            rng,
            ts,
            "store",
            "inbound",
            "appointment",
            assoc,
            STORY_STORE,
            summary,
            None,
            payload,
        )

    appointment(
        today - 21 * DAY + 14 * HOUR + 10 * 60,
        f"Appointment: browsing engagement rings with her partner; liked the {r1.name} "
        f"and the {r2.name}.",
        {
            "type": "browsing engagement rings",
            "store_id": STORY_STORE,
            "duration_min": 60,
            "product_ids": [r1.id, r2.id],
        },
    )
    appointment(
        today - 10 * DAY + 16 * HOUR + 30 * 60,
        "Appointment: ring sizing. She is a 52; prefers white gold.",
        {"type": "ring sizing", "store_id": STORY_STORE, "duration_min": 30, "ring_size": "52"},
    )
    appointment(
        today - 3 * DAY + 10 * HOUR + 15 * 60,
        f"Appointment: financing options for the {r1.name} "
        f"(EUR {r1.price // 100}); explained payment in 3 or 10 instalments.",
        {
            "type": "financing options",
            "store_id": STORY_STORE,
            "duration_min": 45,
            "product_id": r1.id,
        },
    )


def _complaint(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """A hoop delivered broken: an escalated call, a bad survey, then a store visit."""
    hoop = world.categories["Basketball hoops"].products[2]
    ball = world.categories["Basketballs"].products[0]
    items = [(hoop, hoop.variants[0], 1), (ball, ball.by_size["7"][0], 1)]
    placed = world.today - 12 * DAY + 18 * HOUR + 41 * 60
    order = add_order(world, c, rng, placed, "web", None, items, status="delivered")
    order_session(c, rng, placed, order, items)
    number = order["number"]
    today = world.today
    add_interaction(
        c,
        rng,
        today - 6 * DAY + 9 * HOUR + 12 * 60,
        "phone",
        "inbound",
        "call",
        "agent-07",
        None,
        f"Order {number} arrived with a broken backboard; customer upset, escalated "
        "to logistics for a replacement.",
        "escalated",
        {"duration_s": 734, "order_number": number},
    )
    add_interaction(
        c,
        rng,
        today - 5 * DAY + 8 * HOUR,
        "email",
        "outbound",
        "survey",
        None,
        None,
        "Satisfaction survey after the call: 2/5",
        None,
        {
            "score": 2,
            "scale": 5,
            "question": "How satisfied were you with your recent call?",
            "answer": "The agent was polite, but nobody can tell me when the new "
            "backboard will arrive.",
        },
    )
    add_interaction(
        c,
        rng,
        today - DAY + 15 * HOUR + 20 * 60,
        "store",
        "inbound",
        "visit",
        ASSOCIATE_OF[STORY_STORE],
        STORY_STORE,
        f"Came to {STORE_BY_ID[STORY_STORE]['name']} about the broken backboard (order {number}); "
        "still waiting for the replacement.",
        None,
        {},
    )


def _vip(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """A VIP private sale offer sent by email four days ago, not yet redeemed."""
    add_offer(
        c,
        rng,
        world.today - 4 * DAY + 7 * HOUR,
        "email",
        "VIP private sale",
        "VIP-20-HROUSSEAU",
        "20% off everything during the VIP private sale, online and in store",
        "Hélène, your invitation to the VIP private sale",
        world.today + 10 * DAY + 22 * HOUR + 59 * 60,
        None,
    )


SCENES: dict[str, Callable[[World, CustomerDraft, random.Random], None]] = {
    "hoops": _hoops,
    "bride": _bride,
    "complaint": _complaint,
    "vip": _vip,
}
