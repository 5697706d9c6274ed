"""A customer: who they are (country, name, home store, sizes, tastes, devices, consent), how
active, their history drawn from that, and their ``customer`` row."""

from __future__ import annotations

import random
from bisect import bisect
from typing import NamedTuple

from rapport import protocol
from rapport.hub.demo_data.campaigns import campaign_offers, newsletters
from rapport.hub.demo_data.catalog import Category
from rapport.hub.demo_data.common import (
    CURRENCY,
    DAY,
    HISTORY_DAYS,
    HOUR,
    WAKING_HOURS,
    YEAR,
    cumulative,
    daytime,
    iso,
    uuid_from,
    year_of,
)
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.interactions import appointments, scripted_interactions
from rapport.hub.demo_data.orders import place_orders
from rapport.hub.demo_data.stores import STORE_BY_ID, STORES, STORY_STORE
from rapport.hub.demo_data.stories import STORY_CUSTOMERS, StoryProfile
from rapport.hub.demo_data.web import browsing_history
from rapport.hub.demo_data.world import World


class _Volume(NamedTuple):
    """Per activity level, (lo, hi) of how many of each a customer gets over the history."""

    orders: tuple[int, int]
    interactions: tuple[int, int]
    sessions: tuple[int, int]  # browsing sessions
    newsletters: tuple[int, int]
    offers: tuple[int, int]


_LEVELS = ("light", "medium", "high")
_LEVEL_CUM, _LEVEL_TOT = cumulative((58, 31, 11))
_VOLUME = {
    "light": _Volume((0, 2), (0, 3), (0, 3), (0, 3), (0, 1)),
    "medium": _Volume((1, 5), (2, 9), (2, 8), (1, 8), (0, 2)),
    "high": _Volume((4, 14), (6, 24), (6, 20), (4, 16), (1, 4)),
    "heavy": _Volume((180, 220), (2800, 2900), (1650, 1750), (150, 200), (20, 30)),
}
_TIER_WEIGHTS = {
    "light": cumulative((82, 15, 3, 0)),
    "medium": cumulative((56, 30, 11, 3)),
    "high": cumulative((28, 36, 26, 10)),
    "heavy": cumulative((0, 0, 0, 1)),
}
_CONSENT = {  # channel: weights of granted, denied, unknown
    "email": cumulative((62, 12, 26)),
    "sms": cumulative((38, 22, 40)),
    "phone": cumulative((45, 10, 45)),
    "push": cumulative((50, 30, 20)),
    "mail": cumulative((30, 10, 60)),
}
_STATUSES = ("granted", "denied", "unknown")
_PALETTE = (
    "black",
    "navy",
    "tan",
    "brown",
    "grey",
    "white",
    "camel",
    "burgundy",
    "cognac",
    "rose gold",
    "yellow gold",
    "white gold",
    "teal",
    "pink",
    "olive",
    "steel",
)
_DEVICE_SETS = (
    ("desktop",),
    ("mobile",),
    ("desktop", "mobile"),
    ("mobile", "tablet"),
    ("desktop", "mobile", "tablet"),
)
_DEVICE_CUM = (0.3, 0.55, 0.85, 0.93)


class _Profile(NamedTuple):
    id: str
    country: str
    region: str
    female: bool
    given: str
    family: str
    home: dict
    created: int
    until: int
    level: str
    interests: list[Category]
    exclude: frozenset[str]


def draw_customer(
    world: World, idx: int, rng: random.Random, story: StoryProfile | None
) -> CustomerDraft:
    """Customer ``idx`` and their history: orders, browsing, interactions and campaigns."""
    r = rng.random
    who = _drawn_profile(world, idx, rng) if story is None else _story_profile(world, rng, story)
    start = max(who.created, world.now - HISTORY_DAYS * DAY)
    sizes = _sizes(r, who.female)
    colors = [_PALETTE[int(r() * len(_PALETTE))], _PALETTE[int(r() * len(_PALETTE))]]
    if story is not None:
        sizes.update(story.sizes)
    volume = _VOLUME[who.level]
    scale = 1.0
    if who.level != "heavy":
        scale = min(1.0, (max(1, who.until - start) / (HISTORY_DAYS * DAY)) ** 0.6)
    n_orders = _amount(r, volume.orders, scale)
    if story is not None:
        n_orders = max(n_orders, story.min_orders)
    channels = []
    for _ in range(n_orders):
        x = r()
        channels.append("store" if x < 0.52 else "web" if x < 0.94 else "phone")
    devices = _devices(rng, story, channels, who.level)
    consent, granted, updated = _consent(world, rng, story, who.created, who.until, devices)
    c = CustomerDraft(
        who.id, idx, who.country, who.region, who.female, who.given, who.family, who.home,
        who.created, start, who.until, who.level, who.interests, who.exclude, sizes, colors,
        devices, consent, granted, updated,
    )  # fmt: skip
    place_orders(world, c, rng, channels)
    if devices:
        sessions = _amount(r, volume.sessions, scale)
        browsing_history(world, c, rng, sessions, story is not None)
    n_interactions = _amount(r, volume.interactions, scale)
    n_newsletters = _amount(r, volume.newsletters, scale)
    n_offers = _amount(r, volume.offers, scale)
    scripted_interactions(world, c, rng, n_interactions)
    appointments(world, c, rng)
    newsletters(world, c, rng, n_newsletters)
    campaign_offers(world, c, rng, n_offers)
    return c


def _amount(r, bounds: tuple[int, int], scale: float) -> int:
    """How many, between ``bounds`` (skewed low), scaled down for a short history."""
    lo, hi = bounds
    return int((lo + (hi - lo + 1) * r() ** 1.5) * scale)


def _drawn_profile(world: World, idx: int, rng: random.Random) -> _Profile:
    r = rng.random
    now = world.now
    cid = uuid_from(rng)
    x = r()
    country = "FR" if x < 0.86 else "BE" if x < 0.97 else "INTL"
    female = r() < 0.55
    if country == "INTL":
        region, male_n, female_n, family_n = world.intl[int(r() * len(world.intl))]
    else:
        region = country
        male_n, female_n, family_n = world.names[country]
    pool = female_n if female else male_n
    given = pool[int(r() * len(pool))]
    family = family_n[int(r() * len(family_n))]
    stores, scum, stot = world.home_stores[country]
    home = stores[bisect(scum, r() * stot)]
    if country == "FR" and r() < 0.04:  # moved away, or shops near work
        home = STORES[int(r() * len(STORES))]
    created = now - DAY * (3 + int(2200 * r() ** 1.4))
    created += WAKING_HOURS[int(r() * len(WAKING_HOURS))] * HOUR - created % DAY + int(r() * HOUR)
    if world.heavy and idx % 10_000 == 4_999:  # a loyal, very busy customer (a club buyer)
        level = "heavy"
        created = now - 4 * YEAR - int(r() * YEAR)
    else:
        level = _LEVELS[bisect(_LEVEL_CUM, r() * _LEVEL_TOT)]
    interests: list[Category] = []
    for _ in range(1 + (r() < 0.55) + (r() < 0.25)):
        cat = world.random_category(r)
        if cat not in interests:
            interests.append(cat)
    return _Profile(
        cid, country, region, female, given, family, home, created, now, level, interests,
        frozenset(),
    )  # fmt: skip


def _story_profile(world: World, rng: random.Random, story: StoryProfile) -> _Profile:
    """A story customer: four years a customer; the generic history stops 31 days ago."""
    r = rng.random
    now = world.now
    return _Profile(
        STORY_CUSTOMERS[story.key],
        "FR",
        "FR",
        story.female,
        story.given,
        story.family,
        STORE_BY_ID[STORY_STORE],
        now - 4 * YEAR + int(r() * 200) * DAY + int(r() * DAY),
        now - 31 * DAY,
        story.level,
        [world.categories[n] for n in story.interests],
        story.exclude,
    )


def _sizes(r, female: bool) -> dict[str, str]:
    if female:
        return {
            "shoes": str(36 + min(5, int(r() * 3.2 + r() * 3.2))),
            "gloves": "S" if r() < 0.45 else "M",
            "ring": str(48 + int(r() * 4 + r() * 4)),
            "belt": ("80", "85", "90")[int(r() * 3)],
            "bike": "S" if r() < 0.5 else "M",
        }
    return {
        "shoes": str(40 + min(6, int(r() * 3.5 + r() * 3.5))),
        "gloves": "M" if r() < 0.4 else "L",
        "ring": str(56 + int(r() * 5)),
        "belt": ("90", "95", "100", "105")[int(r() * 4)],
        "bike": ("M", "L", "XL")[int(r() * 3)],
    }


def _devices(
    rng: random.Random, story: StoryProfile | None, channels: list[str], level: str
) -> list[tuple[str, str]]:
    """(device, anonymous id) of each browser the customer uses: web buyers and the busiest
    always, about half of the others."""
    if story is not None:
        return [(d, uuid_from(rng)) for d in story.devices]
    if "web" in channels or level == "heavy" or rng.random() < 0.55:
        return [(d, uuid_from(rng)) for d in _DEVICE_SETS[bisect(_DEVICE_CUM, rng.random())]]
    return []


def _consent(
    world: World,
    rng: random.Random,
    story: StoryProfile | None,
    created: int,
    until: int,
    devices: list[tuple[str, str]],
) -> tuple[dict, set[str], int]:
    """Consent per channel (push only with a mobile), the granted channels, and when the
    customer row was last changed by it."""
    r = rng.random
    consent = {}
    granted: set[str] = set()
    updated = created
    src = world.texts["consent_sources"]
    has_mobile = "mobile" in [d for d, _ in devices]
    for ch in protocol.CONSENT_CHANNELS:
        if story is not None:
            status = "granted" if ch in story.granted else "unknown"
        elif ch == "push" and not has_mobile:
            status = "unknown"
        else:
            ccum, ctot = _CONSENT[ch]
            status = _STATUSES[bisect(ccum, r() * ctot)]
        if status == "unknown":
            consent[ch] = {"status": status, "source": None, "effective_at": None}
            continue
        if status == "granted":
            pool = src["granted"]
            eff = daytime(rng, created, created + int(r() * (until - created)))
            granted.add(ch)
        else:
            pool = src["sms_denied"] if ch == "sms" else src["denied"]
            eff = daytime(rng, created, until)
        updated = max(updated, eff)
        consent[ch] = {
            "status": status,
            "source": pool[int(r() * len(pool))],
            "effective_at": iso(eff),
        }
    return consent, granted, updated


def customer_row(
    world: World, c: CustomerDraft, rng: random.Random, story: StoryProfile | None
) -> dict:
    """The ``customer`` row, once the history is made (lifetime value, last contact)."""
    r = rng.random
    if story is not None:
        tier = story.tier
    else:
        tcum, ttot = _TIER_WEIGHTS[c.level]
        tier = protocol.TIERS[bisect(tcum, r() * ttot)]
    prefs = _preferences(r, c, story)
    birth = None
    if story is not None or r() < 0.9:
        y = year_of(world.now) - 18 - int(r() * r() * 60 + r() * 12)
        birth = f"{y:04d}-{1 + int(r() * 12):02d}-{1 + int(r() * 28):02d}"
    notes = None
    if story is None and r() < 0.05:
        pool = world.texts["customer_notes"]
        notes = pool[int(r() * len(pool))]
    return {
        "id": c.id,
        "given_name": c.given,
        "family_name": c.family,
        "tier": tier,
        "home_store_id": c.home["id"],
        "lifetime_value": c.ltv,
        "currency": CURRENCY,
        "birth_date": birth,
        "preferences": prefs,
        "consent": c.consent,
        "notes": notes,
        "last_contact_at": iso(c.last_contact) if c.last_contact >= 0 else None,
        "created_at": iso(c.created),
        "updated_at": iso(c.updated),
        "version": 1,
    }


def _preferences(r, c: CustomerDraft, story: StoryProfile | None) -> dict:
    """Sizes, colors and brands the customer told a store, for about half of them."""
    prefs: dict = {}
    if story is not None or r() < 0.45:
        keys = {cat.products[0].size_key for cat in c.interests if cat.products[0].size_key}
        if story is not None:
            keys |= set(story.sizes)
        if not keys or r() < 0.3:
            keys.add("shoes" if r() < 0.6 else "gloves")
        prefs["sizes"] = {k: c.sizes[k] for k in sorted(keys)}
        prefs["colors"] = list(dict.fromkeys(c.colors))
        prefs["brands"] = sorted(
            {cat.products[int(r() * len(cat.products))].brand for cat in c.interests}
        )
    return prefs
