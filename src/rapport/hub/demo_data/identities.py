"""A customer's identities: e-mails, phones, a loyalty card, and their web and app ids. Each is
unique across customers by construction (the customer's index is in it, or scattered into it)."""

from __future__ import annotations

import random
import unicodedata

from rapport.domain.phones import normalize_phone
from rapport.hub.demo_data.common import DAY, daytime, iso, scatter, uuid_from
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.phones import (
    BE_MOBILE,
    FR_LANDLINE,
    FR_MOBILE,
    abroad_phone,
    national_number,
    typed_be,
    typed_fr,
)
from rapport.hub.demo_data.stories import StoryProfile
from rapport.hub.demo_data.world import World

_LIGATURES = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})


def _ascii(name: str) -> str:
    """``"Hélène"`` -> ``"helene"``, ``"N'Diaye"`` -> ``"ndiaye"``, ``"Groß"`` -> ``"gross"``: an
    e-mail local part."""
    s = unicodedata.normalize("NFKD", name.lower().translate(_LIGATURES))
    s = s.encode("ascii", "ignore").decode()
    return "".join(ch for ch in s if ch.isalnum() or ch == "-")


def _email_name(world: World, name: str) -> str:
    s = world.ascii.get(name)
    if s is None:
        s = world.ascii[name] = _ascii(name)
    return s


def _identity(
    c: CustomerDraft,
    rng: random.Random,
    kind: str,
    value: str,
    label: str | None,
    primary: int,
    ts: int,
    normalized: str | None = None,
) -> None:
    # ``normalized`` as rapport.hub.identity.normalize_identity makes it (region FR); known by
    # construction here, so no parsing in the hot loop
    c.identities.append(
        {
            "id": uuid_from(rng),
            "customer_id": c.id,
            "kind": kind,
            "value": value,
            "normalized": normalized or value,
            "label": label,
            "is_primary": primary,
            "created_at": iso(ts),
        }
    )


def add_identities(
    world: World, c: CustomerDraft, rng: random.Random, story: StoryProfile | None
) -> None:
    if story is not None:
        for i, e in enumerate(story.emails):
            _identity(c, rng, "email", e, "personal", int(i == 0), c.created)
        phone = normalize_phone(story.phone)
        _identity(c, rng, "phone", story.phone, "mobile", 1, c.created, phone)
        _identity(c, rng, "loyalty", story.loyalty, "loyalty card", 1, c.created + DAY)
    else:
        _emails(world, c, rng)
        _phones(world, c, rng)
        r = rng.random
        if r() < 0.3 or any(o["channel"] == "store" for o in c.orders):
            idx = c.idx
            n = 200_000 + scatter(idx, 800_000, world.salt) if idx < 800_000 else 1_000_000 + idx
            _identity(c, rng, "loyalty", f"LOY-{n}", "loyalty card", 1, c.created)
    if c.devices:
        _online_identities(world, c, rng, story)


def _emails(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """A personal address, and for some a second one (work, or another provider)."""
    r = rng.random
    idx = c.idx
    g = _email_name(world, c.given)
    f = _email_name(world, c.family).replace("-", "")
    x = r()
    local = (
        f"{g}.{f}{idx}"
        if x < 0.45
        else f"{g}{f}{idx}"
        if x < 0.6
        else f"{g[0]}.{f}{idx}"
        if x < 0.75
        else f"{f}.{g}{idx}"
        if x < 0.87
        else f"{g}_{f}{idx}"
    )
    dom = world.domains["INTL" if c.country == "INTL" else c.country]
    d1 = int(r() * len(dom))
    _identity(c, rng, "email", f"{local}@{dom[d1]}", "personal", 1, c.created)
    if r() < 0.15:
        later = daytime(rng, c.created, world.now)
        if r() < 0.5:
            work = world.domains["work"]
            address = f"{g}.{f}{idx}@{work[int(r() * len(work))]}"
            _identity(c, rng, "email", address, "work", 0, later)
        else:
            d2 = (d1 + 1 + int(r() * (len(dom) - 1))) % len(dom)
            _identity(c, rng, "email", f"{g}{f}.{idx}@{dom[d2]}", "personal", 0, later)


def _phones(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """Most customers give a mobile number; some in France a landline too."""
    r = rng.random
    idx, salt = c.idx, world.salt
    if not r() < 0.86:
        return
    if c.country == "FR":
        nsn = national_number(FR_MOBILE, 6, idx, salt)
        phone, e164 = typed_fr(rng, nsn), "+33" + nsn
    elif c.country == "BE":
        nsn = national_number(BE_MOBILE, 6, idx, salt)
        phone, e164 = typed_be(rng, nsn), "+32" + nsn
    else:
        phone, e164 = abroad_phone(rng, c.region, idx, salt)
    _identity(c, rng, "phone", phone, "mobile", 1, c.created, e164)
    if c.country == "FR" and r() < 0.12:
        nsn = national_number(FR_LANDLINE, 7, idx, salt + 7)
        _identity(c, rng, "phone", typed_fr(rng, nsn), "home", 0, c.created, "+33" + nsn)


def _online_identities(
    world: World, c: CustomerDraft, rng: random.Random, story: StoryProfile | None
) -> None:
    """The web account, each browser's anonymous id, and for some mobile users the app's
    device id."""
    r = rng.random
    if story is None:
        user_id = f"U{10_000_000 + scatter(c.idx, 90_000_000, world.salt + 3)}"
        _identity(c, rng, "user_id", user_id, "web account", 1, c.created)
    for i, (dev, anon) in enumerate(c.devices):
        _identity(c, rng, "anonymous_id", anon, f"{dev} web", int(i == 0), c.created)
    if any(d == "mobile" for d, _ in c.devices) and (story is not None or r() < 0.35):
        app = "iPhone app" if r() < 0.55 else "Android app"
        device_id = uuid_from(rng).upper()
        _identity(c, rng, "device", device_id, app, 1, c.created + int(r() * (c.until - c.created)))
