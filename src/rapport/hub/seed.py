"""Deterministic demo data: a French sports, fashion and jewelry retailer with stores in France and
Belgium, its catalog, stock, and customers with a multi-year, cross-channel history.

``generate(SeedConfig(seed, customers, now))`` yields ``(entity_name, rows)`` batches in dependency
order; the hub loads them. The same config gives byte-identical rows: every random choice comes from a
``random.Random`` seeded from the config (one stream per customer, so memory stays flat and customer
``i`` does not depend on how many come after it), and every timestamp is relative to ``config.now``.

The catalog (stores, products, variants) is the same for every seed, so demos and tests can name
products; stock levels and customers depend on the seed. Four story customers (``STORY_CUSTOMERS``)
are always present, with fixed ids and facts, and count toward ``customers``.

Json columns are fresh Python lists and dicts per row. A consent entry is
``{"status": "granted"|"denied"|"unknown", "source": str|None, "effective_at": ts|None}``; unknown
consent has no source or time.
"""

from __future__ import annotations

import json
import math
import random
import unicodedata
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from itertools import accumulate

import phonenumbers

from rapport import protocol
from rapport.domain.phones import normalize_phone

__all__ = ["AGENT_IDS", "BATCH_ROWS", "STORY_CUSTOMERS", "SeedConfig", "generate"]

BATCH_ROWS = 5_000
BLOCK_CUSTOMERS = 250
CURRENCY = "EUR"
DAY = 86_400
HOUR = 3_600
YEAR = 365 * DAY
HISTORY_DAYS = 3 * 365

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _default_now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


@dataclass(frozen=True)
class SeedConfig:
    seed: int = 42
    customers: int = 2000
    now: datetime = field(default_factory=_default_now)


# --------------------------------------------------------------------------------------------------
# Resources


@cache
def _resource(name: str):
    text = resources.files("rapport.resources.demo").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


_STORES: list[dict] = _resource("stores.json")

AGENT_IDS: tuple[str, ...] = tuple(f"agent-{i:02d}" for i in range(1, 21)) + tuple(
    "assoc-" + s["id"].removeprefix("st-") for s in _STORES
)
_AGENTS = AGENT_IDS[:20]
_ASSOC = {s["id"]: "assoc-" + s["id"].removeprefix("st-") for s in _STORES}

_UUID_MASK = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng``."""
    h = "%032x" % ((rng.getrandbits(128) & _UUID_MASK) | _UUID_SET)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_STORY_KEYS = ("hoops", "bride", "complaint", "vip")
STORY_CUSTOMERS: dict[str, str] = {
    key: _uuid(random.Random(f"rapport-story-customer:{key}")) for key in _STORY_KEYS
}

_day_prefix: dict[int, str] = {}
_D2 = [f"{i:02d}" for i in range(60)]
_HMS = [
    hm + ss for hm in [f"{h}:{m}:" for h in _D2[:24] for m in _D2] for ss in [f"{s}Z" for s in _D2]
]


def _iso(ts: int) -> str:
    """Epoch seconds to ``YYYY-MM-DDTHH:MM:SSZ`` (a day-prefix cache and a time-of-day table)."""
    d, s = divmod(ts, DAY)
    p = _day_prefix.get(d)
    if p is None:
        p = _day_prefix[d] = (_EPOCH + timedelta(days=d)).strftime("%Y-%m-%dT")
    return p + _HMS[s]


def _year(ts: int) -> int:
    return int(_iso(ts)[:4])


def _cum(weights) -> tuple[list[float], float]:
    c = list(accumulate(weights))
    return c, c[-1]


_LIGATURES = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})


def _ascii(name: str) -> str:
    """``"Hélène"`` -> ``"helene"``, ``"N'Diaye"`` -> ``"ndiaye"``, ``"Groß"`` -> ``"gross"``: an
    e-mail local part."""
    s = unicodedata.normalize("NFKD", name.lower().translate(_LIGATURES))
    s = s.encode("ascii", "ignore").decode()
    return "".join(ch for ch in s if ch.isalnum() or ch == "-")


def _perm(idx: int, size: int, salt: int) -> int:
    """An injective map of ``0 <= idx < size`` into ``range(size)`` that looks scattered (the
    multiplier is the prime 2**31 - 1, coprime with every size used here). Identifiers derived from
    the customer index this way are unique without remembering the ones already handed out."""
    return (idx * 2_147_483_647 + salt) % size


# --------------------------------------------------------------------------------------------------
# Catalog


@dataclass(slots=True)
class _Variant:
    id: str
    sku: str
    size: str | None
    color: str | None
    price: int


@dataclass(slots=True)
class _Product:
    id: str
    sku: str
    name: str
    department: str
    category: str
    brand: str
    price: int
    description: str
    attributes: dict
    related: list[str]
    variants: list[_Variant]
    size_key: str | None  # preference key ("shoes", "ring", ...) when sizes follow the customer
    by_size: dict[str | None, list[_Variant]]


@dataclass(slots=True)
class _Category:
    name: str
    department: str
    products: list[_Product]
    popularity: float
    queries: list[str]
    sized: bool
    multi: bool  # bought several at a time (balls, bottles)


def _price(rng: random.Random, lo: float, hi: float) -> int:
    euros = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    if euros < 100:
        return int(euros) * 100 + 99
    if euros < 1000:
        return (int(euros / 10) * 10 + 9) * 100
    return (int(euros / 100) * 100 - 10) * 100


def _build_catalog() -> tuple[list[_Product], dict[str, _Category]]:
    """The product catalog: the same for every seed (fixed generator), built fresh on each call."""
    data = _resource("catalog.json")
    rng = random.Random("rapport-catalog-v1")
    schemes: dict[str, list[str]] = data["size_schemes"]
    color_codes: dict[str, str] = data["colors"]
    products: list[_Product] = []
    categories: dict[str, _Category] = {}
    related_of: dict[str, list[str]] = {}
    for dept in data["departments"]:
        for cat in dept["categories"]:
            models = cat["models"]  # a list for every brand, or a list per brand
            combos = [
                (b, m, t)
                for b in cat["brands"]
                for m in (models[b] if isinstance(models, dict) else models)
                for t in cat["types"]
            ]
            pinned = cat.get("pinned", [])
            taken = {(p["brand"], p["model"], p["type"]) for p in pinned}
            combos = [c for c in combos if c not in taken]
            picks = [dict(p) for p in pinned] + [
                {"brand": b, "model": m, "type": t}
                for b, m, t in rng.sample(combos, cat["count"] - len(pinned))
            ]
            lo, hi = cat["price"]
            sizes = schemes[cat["sizes"]] if cat["sizes"] else [None]
            ncol_lo, ncol_hi = cat["colors_per_product"]
            category = _Category(
                cat["name"],
                dept["name"],
                [],
                float(cat["popularity"]),
                cat["queries"],
                cat["sizes"] is not None,
                cat.get("multi", False),
            )
            categories[cat["name"]] = category
            related_of[cat["name"]] = cat["related"]
            for pick in picks:
                num = len(products) + 1
                pid = f"p-{num:05d}"
                sku = f"{cat['code']}-{num:05d}"
                price = pick.get("price") or _price(rng, lo, hi)
                colors = pick.get("colors") or rng.sample(
                    cat["colors"], min(len(cat["colors"]), rng.randint(ncol_lo, ncol_hi))
                )
                attrs = {k: rng.choice(v) for k, v in cat["attributes"].items()}
                attrs.update(pick.get("attributes", {}))
                kind = pick["type"]
                blurb = rng.choice(cat["blurbs"])
                variants = []
                by_size: dict[str | None, list[_Variant]] = {}
                for size in sizes:
                    for color in colors:
                        k = len(variants) + 1
                        parts = (
                            [sku, size, color_codes[color]] if size else [sku, color_codes[color]]
                        )
                        v = _Variant(f"v-{num:05d}-{k:02d}", "-".join(parts), size, color, price)
                        variants.append(v)
                        by_size.setdefault(size, []).append(v)
                products.append(
                    _Product(
                        pid,
                        sku,
                        f"{pick['brand']} {pick['model']} {kind}",
                        dept["name"],
                        cat["name"],
                        pick["brand"],
                        price,
                        f"{kind[0].upper()}{kind[1:]} by {pick['brand']}. {blurb}",
                        attrs,
                        [],
                        variants,
                        cat.get("size_pref"),
                        by_size,
                    )
                )
                category.products.append(products[-1])
    for p in products:
        pool = [q.id for name in related_of[p.category] for q in categories[name].products]
        p.related = sorted(rng.sample(pool, min(len(pool), rng.randint(2, 4))))
    return products, categories


# --------------------------------------------------------------------------------------------------
# Phones: valid numbers (phonenumbers), unique per customer, typed the way people type them.

_FR6 = [b for b in range(100) if b not in (39, 90, 91, 92, 93, 94, 96, 97)]
_FR_MOBILE = [f"6{b:02d}" for b in _FR6 if b not in (12, 98)] + [
    f"7{b:02d}" for b in range(30, 100) if b != 81
]  # 06 12.., 06 98.., 07 81.. belong to stories
_FR_LANDLINE = [f"{b}" for b in (*range(10, 26), *range(27, 40), *range(41, 59))]
_BE_MOBILE = [f"{b}" for b in range(450, 500)]
_INTL_SPACES = {  # region: (country code, prefixes, free digits)
    "US": (
        "1",
        [
            f"{a}{x}"
            for a in (212, 213, 305, 312, 415, 617, 646, 718, 206, 512)
            for x in range(200, 1000)
            if x % 100 != 11
        ],
        4,
    ),
    "DE": ("49", ["151", "152", "157", "160", "170", "171", "172", "175", "176", "177"], 8),
    "ES": ("34", [f"6{b}" for b in range(10)], 7),
    "IT": ("39", ["320", "328", "329", "333", "338", "339", "340", "347", "348", "349"], 7),
    "PT": ("351", ["91", "92", "93", "96"], 7),
    "CH": ("41", ["75", "76", "77", "78", "79"], 7),
    "NL": ("31", ["61", "62", "63", "64", "65", "68"], 7),
}

_FR_FORMATS = (
    (34, lambda d: f"0{d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (20, lambda d: f"0{d}"),
    (8, lambda d: f"0{d[0]}.{d[1:3]}.{d[3:5]}.{d[5:7]}.{d[7:]}"),
    (15, lambda d: f"+33 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (8, lambda d: f"+33{d}"),
    (5, lambda d: f"0033{d}"),
    (3, lambda d: f"0033 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (4, lambda d: f"0{d[0]}-{d[1:3]}-{d[3:5]}-{d[5:7]}-{d[7:]}"),
    (3, lambda d: f"+33 (0){d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
)
_BE_FORMATS = (
    (45, lambda d: f"+32 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (15, lambda d: f"+32{d}"),
    (15, lambda d: f"0032 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (10, lambda d: f"0032{d}"),
    (10, lambda d: f"+32 {d[:3]}/{d[3:5]}.{d[5:7]}.{d[7:]}"),
    (5, lambda d: f"+32 (0){d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
)


def _formatter(formats):
    cum, tot = _cum(w for w, _ in formats)
    fns = [f for _, f in formats]

    def fmt(rng: random.Random, digits: str) -> str:
        return fns[bisect(cum, rng.random() * tot)](digits)

    return fmt


_fmt_fr = _formatter(_FR_FORMATS)
_fmt_be = _formatter(_BE_FORMATS)


def _number(prefixes: list[str], free: int, idx: int, salt: int) -> str:
    n = _perm(idx, len(prefixes) * 10**free, salt)
    p, rest = divmod(n, 10**free)
    return f"{prefixes[p]}{rest:0{free}d}"


def _intl_phone(rng: random.Random, region: str, idx: int, salt: int) -> tuple[str, str]:
    """(as typed, E.164) for a number abroad."""
    cc, prefixes, free = _INTL_SPACES[region]
    e164 = f"+{cc}{_number(prefixes, free, idx, salt)}"
    x = rng.random()
    if x < 0.6:
        num = phonenumbers.parse(e164)
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL), e164
    return (e164 if x < 0.85 else "00" + e164[1:]), e164


# --------------------------------------------------------------------------------------------------
# The generator


@dataclass(slots=True)
class _Script:
    """One interaction template: a summary with ``{order}``, ``{product}``... placeholders."""

    channel: str
    direction: str
    kind: str
    user: str | None  # "agent", "assoc" or None (automated)
    ref: str | None  # "order", "product" or None
    summary: str
    needs_size: bool
    dispositions: list[str]
    disp_cum: list[float]
    disp_tot: float


@dataclass(frozen=True, slots=True)
class _Story:
    """A story customer's fixed profile; their generic history ends 31 days before ``now``."""

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


@dataclass(slots=True)
class _Cust:
    """One customer being built: profile and rows so far."""

    id: str
    idx: int
    country: str
    region: str
    female: bool
    given: str
    family: str
    home: dict
    created: int
    start: int
    until: int
    level: str
    interests: list[_Category]
    exclude: frozenset[str]
    sizes: dict[str, str]
    colors: list[str]
    devices: list[tuple[str, str]]  # (device, anonymous_id)
    consent: dict
    granted: set[str]
    updated: int
    identities: list[dict] = field(default_factory=list)
    interactions: list[dict] = field(default_factory=list)
    web_events: list[dict] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)
    offers: list[dict] = field(default_factory=list)
    order_refs: list[tuple[int, str, dict]] = field(default_factory=list)
    ltv: int = 0
    last_contact: int = -1


_LEVELS = ("light", "medium", "high")
_LEVEL_CUM, _LEVEL_TOT = _cum((58, 31, 11))
# per level, (lo, hi) of: orders, interactions, browsing sessions, newsletters, offers
_VOLUME = {
    "light": ((0, 2), (0, 3), (0, 3), (0, 3), (0, 1)),
    "medium": ((1, 5), (2, 9), (2, 8), (1, 8), (0, 2)),
    "high": ((4, 14), (6, 24), (6, 20), (4, 16), (1, 4)),
    "heavy": ((180, 220), (2800, 2900), (1650, 1750), (150, 200), (20, 30)),
}
_TIER_WEIGHTS = {
    "light": _cum((82, 15, 3, 0)),
    "medium": _cum((56, 30, 11, 3)),
    "high": _cum((28, 36, 26, 10)),
    "heavy": _cum((0, 0, 0, 1)),
}
_CONSENT = {  # channel: weights of granted, denied, unknown
    "email": _cum((62, 12, 26)),
    "sms": _cum((38, 22, 40)),
    "phone": _cum((45, 10, 45)),
    "push": _cum((50, 30, 20)),
    "mail": _cum((30, 10, 60)),
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
# hours of the day (UTC) when people shop, call and visit, weighted
_HOUR_WEIGHTS = (0, 0, 0, 0, 0, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 9, 10, 10, 9, 7, 4, 2, 1)
_HOURS = [h for h, w in enumerate(_HOUR_WEIGHTS) for _ in range(w)]
# store opening hours, 10:00 to 19:00 in Paris, in UTC, busier in the afternoon
_STORE_HOURS = [
    h for h, w in zip(range(8, 18), (2, 4, 5, 5, 6, 7, 8, 8, 6, 3), strict=True) for _ in range(w)
]
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_LABELS = {"email": "Email", "sms": "SMS", "push": "Push"}
_HOME = "st-paris-opera"  # the story customers' store, where the demo associate works


class _Generator:
    def __init__(self, config: SeedConfig) -> None:
        now = config.now
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("SeedConfig.now must be timezone-aware")
        if config.customers < len(STORY_CUSTOMERS):
            raise ValueError(
                f"customers must be at least {len(STORY_CUSTOMERS)}, the story customers"
            )
        self.config = config
        self.now = int(now.astimezone(UTC).timestamp())
        self.today = self.now - self.now % DAY
        self.heavy = config.customers >= 10_000
        self.products, self.categories = _build_catalog()
        self.cat_list = list(self.categories.values())
        self.cat_cum, self.cat_tot = _cum(c.popularity for c in self.cat_list)
        self.sized_cats = [c for c in self.cat_list if c.sized]
        self.multi = frozenset(c.name for c in self.cat_list if c.multi)
        self.stores = {s["id"]: s for s in _STORES}
        self.country_stores = {k: [s for s in _STORES if s["country"] == k] for k in ("FR", "BE")}
        fr = [s for s in _STORES if s["country"] == "FR"]
        be = [s for s in _STORES if s["country"] == "BE"]
        self.home_stores = {
            "FR": (fr, *_cum(s["weight"] for s in fr)),
            "BE": (
                [*be, self.stores["st-lille-euralille"]],
                *_cum([*(s["weight"] for s in be), 3]),
            ),
            "INTL": (
                [
                    self.stores["st-paris-opera"],
                    self.stores["st-paris-la-defense"],
                    self.stores["st-nice-massena"],
                ],
                *_cum((5, 2, 2)),
            ),
        }
        names = _resource("names.json")
        self.names = {
            c: (names[c]["male"], names[c]["female"], names[c]["family"]) for c in ("FR", "BE")
        }
        self.intl = [(r["region"], r["male"], r["female"], r["family"]) for r in names["INTL"]]
        self.domains = names["email_domains"]
        self.ascii: dict[str, str] = {}
        texts = _resource("texts.json")
        self.texts = texts
        scripts: list[_Script] = []
        weights: list[float] = []
        for entry in texts["interactions"]:
            disp = entry["dispositions"]
            dpop = [k for k, v in disp.items() if v]
            dcum, dtot = _cum([disp[k] for k in dpop]) if dpop else ([], 0.0)
            for summary in entry["summaries"]:
                scripts.append(
                    _Script(
                        entry["channel"],
                        entry["direction"],
                        entry["kind"],
                        entry["user"],
                        entry["ref"],
                        summary,
                        "{size}" in summary,
                        dpop,
                        dcum,
                        dtot,
                    )
                )
                weights.append(entry["weight"] / len(entry["summaries"]))
        self.scripts = scripts
        self.script_cum, self.script_tot = _cum(weights)
        self.survey_cum, self.survey_tot = _cum(texts["surveys"]["score_weights"])
        self.salt = random.Random(f"rapport-salt:{config.seed}").getrandbits(40)
        self.counters: dict[tuple[str, int], int] = {}

    # ---- catalog rows ----------------------------------------------------------------------------

    def store_rows(self) -> list[dict]:
        cols = protocol.STORE.column_names
        return [{k: s[k] for k in cols} for s in _STORES]

    def product_rows(self) -> list[dict]:
        return [
            {
                "id": p.id,
                "sku": p.sku,
                "name": p.name,
                "department": p.department,
                "category": p.category,
                "brand": p.brand,
                "price": p.price,
                "currency": CURRENCY,
                "description": p.description,
                "attributes": dict(p.attributes),
                "related": list(p.related),
            }
            for p in self.products
        ]

    def variant_rows(self) -> list[dict]:
        return [
            {
                "id": v.id,
                "product_id": p.id,
                "sku": v.sku,
                "size": v.size,
                "color": v.color,
                "price": v.price,
            }
            for p in self.products
            for v in p.variants
        ]

    def inventory_rows(self) -> Iterator[dict]:
        """Stock per variant and store: jewelry and bikes scarce, many zeros everywhere."""
        rng = random.Random(f"rapport-inventory:{self.config.seed}")
        r = rng.random
        now = self.now
        stores = [(s["id"], s["weight"] / 10) for s in _STORES]
        # story 5: black leather gloves in M are out of stock at Paris Opéra, in stock nearby
        gloves = self.categories["Leather gloves"].products[0]
        story5 = next(v.id for v in gloves.variants if v.size == "M" and v.color == "black")
        forced = {
            (story5, "st-paris-opera"): 0,
            (story5, "st-paris-la-defense"): 4,
            (story5, "st-lyon-part-dieu"): 2,
        }
        for p in self.products:
            if p.department == "Jewelry":
                zero, most = 0.5, 3
            elif p.category in ("Bikes", "Basketball hoops"):
                zero, most = 0.45, 4
            else:
                zero, most = 0.3, 18
            for v in p.variants:
                for sid, big in stores:
                    q = 0 if r() < zero else 1 + int(r() * r() * most * big)
                    if v.id == story5:
                        q = forced.get((v.id, sid), q)
                    yield {
                        "id": f"{v.id}@{sid}",
                        "variant_id": v.id,
                        "store_id": sid,
                        "quantity": q,
                        "updated_at": _iso(now - int(r() * 3 * DAY)),
                    }

    # ---- small helpers ---------------------------------------------------------------------------

    def daytime(self, rng: random.Random, lo: int, hi: int, hours: list[int] = _HOURS) -> int:
        """A moment in ``[lo, hi]``, at an hour people are awake (or the store is open) when the
        range allows."""
        if hi <= lo:
            return hi
        r = rng.random
        t = lo + int(r() * (hi - lo))
        t2 = t - t % DAY + hours[int(r() * len(hours))] * HOUR + int(r() * HOUR)
        return t2 if lo <= t2 <= hi else t

    def order_number(self, prefix: str, ts: int) -> str:
        key = (prefix, _year(ts))
        n = self.counters.get(key, 1000) + 1
        self.counters[key] = n
        return f"{prefix}-{key[1]}-{n:06d}"

    def pick_product(self, rng: random.Random, c: _Cust, sized: bool = False) -> _Product:
        r = rng.random
        while True:
            pool = [x for x in c.interests if x.sized] if sized else c.interests
            if pool and r() < 0.8:
                cat = pool[int(r() * len(pool))]
            elif sized:
                cat = self.sized_cats[int(r() * len(self.sized_cats))]
            else:
                cat = self.cat_list[bisect(self.cat_cum, r() * self.cat_tot)]
            if cat.name not in c.exclude:
                ps = cat.products
                return ps[int(r() * len(ps))]

    def pick_variant(self, rng: random.Random, c: _Cust, p: _Product) -> _Variant:
        vs = p.by_size.get(c.sizes.get(p.size_key)) if p.size_key else None
        if not vs:
            vs = p.variants
        if len(vs) > 1 and rng.random() < 0.6:
            for v in vs:
                if v.color in c.colors:
                    return v
        return vs[int(rng.random() * len(vs))]

    def interaction(
        self,
        c: _Cust,
        rng: random.Random,
        ts: int,
        channel: str,
        direction: str,
        kind: str,
        user: str | None,
        store: str | None,
        summary: str,
        disposition: str | None,
        payload: dict,
    ) -> dict:
        row = {
            "id": _uuid(rng),
            "customer_id": c.id,
            "channel": channel,
            "direction": direction,
            "kind": kind,
            "occurred_at": _iso(ts),
            "user_id": user,
            "store_id": store,
            "summary": summary,
            "disposition": disposition,
            "payload": payload,
        }
        c.interactions.append(row)
        # A contact is one the customer started or a person took part in, as the client counts
        # them (rapport.cache.queries.last_contact_at): a mailing is not a contact.
        if ts > c.last_contact and (direction == "inbound" or user is not None):
            c.last_contact = ts
        return row

    def web(
        self,
        c: _Cust,
        rng: random.Random,
        ts: int,
        event: str,
        dev: tuple[str, str],
        session: str,
        product: _Product | None = None,
        query: str | None = None,
        value: int | None = None,
    ) -> None:
        c.web_events.append(
            {
                "id": _uuid(rng),
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
                "occurred_at": _iso(ts),
            }
        )

    def order(
        self,
        c: _Cust,
        rng: random.Random,
        ts: int,
        channel: str,
        store_id: str | None,
        items: list[tuple[_Product, _Variant, int]],
        returns: float = 0.0,
        status: str | None = None,
    ) -> dict:
        r = rng.random
        now = self.now
        if status is None:
            if r() < 0.025:
                status = "cancelled"
            elif channel == "store":
                status = "completed"
            elif ts > now - 2 * DAY:
                status = "processing"
            elif ts > now - 5 * DAY:
                status = "shipped"
            else:
                status = "delivered"
        can_return = returns and status in ("completed", "delivered")
        reasons = self.texts["return_reasons"]["store" if channel == "store" else "web"]
        lines = []
        subtotal = refunded = returned_lines = 0
        for n, (p, v, qty) in enumerate(items, 1):
            ret = 0
            reason = None
            if can_return and r() < returns:
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
        if returned_lines == len(lines):
            status = "returned"
        shipping = 0 if channel == "store" or subtotal >= 5000 else 499
        total = subtotal + shipping
        prefix = "S" if channel == "store" else "W" if channel == "web" else "P"
        number = self.order_number(prefix, ts)
        row = {
            "id": _uuid(rng),
            "customer_id": c.id,
            "number": number,
            "channel": channel,
            "store_id": store_id,
            "status": status,
            "placed_at": _iso(ts),
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

    def offer(
        self,
        c: _Cust,
        rng: random.Random,
        ts: int,
        channel: str,
        campaign: str,
        code: str,
        description: str,
        subject: str,
        expires: int,
        redeemed: int | None,
    ) -> dict:
        row = {
            "id": _uuid(rng),
            "customer_id": c.id,
            "campaign": campaign,
            "channel": channel,
            "code": code,
            "description": description,
            "sent_at": _iso(ts),
            "expires_at": _iso(expires),
            "redeemed_at": _iso(redeemed) if redeemed else None,
        }
        c.offers.append(row)
        self.interaction(
            c,
            rng,
            ts,
            channel,
            "outbound",
            "campaign",
            None,
            None,
            f"{_LABELS[channel]} campaign: {subject} (code {code})",
            None,
            {"subject": subject, "offer_id": row["id"], "code": code},
        )
        return row

    # ---- one customer ----------------------------------------------------------------------------

    def customer(self, idx: int, rng: random.Random, story: _Story | None) -> _Cust:
        r = rng.random
        now = self.now
        if story is None:
            cid = _uuid(rng)
            x = r()
            country = "FR" if x < 0.86 else "BE" if x < 0.97 else "INTL"
            female = r() < 0.55
            if country == "INTL":
                region, male_n, female_n, family_n = self.intl[int(r() * len(self.intl))]
            else:
                region = country
                male_n, female_n, family_n = self.names[country]
            pool = female_n if female else male_n
            given = pool[int(r() * len(pool))]
            family = family_n[int(r() * len(family_n))]
            stores, scum, stot = self.home_stores[country]
            home = stores[bisect(scum, r() * stot)]
            if country == "FR" and r() < 0.04:  # moved away, or shops near work
                home = _STORES[int(r() * len(_STORES))]
            created = now - DAY * (3 + int(2200 * r() ** 1.4))
            created += _HOURS[int(r() * len(_HOURS))] * HOUR - created % DAY + int(r() * HOUR)
            until = now
            if self.heavy and idx % 10_000 == 4_999:  # a loyal, very busy customer (a club buyer)
                level = "heavy"
                created = now - 4 * YEAR - int(r() * YEAR)
            else:
                level = _LEVELS[bisect(_LEVEL_CUM, r() * _LEVEL_TOT)]
            interests: list[_Category] = []
            for _ in range(1 + (r() < 0.55) + (r() < 0.25)):
                cat = self.cat_list[bisect(self.cat_cum, r() * self.cat_tot)]
                if cat not in interests:
                    interests.append(cat)
            exclude: frozenset[str] = frozenset()
        else:
            cid = STORY_CUSTOMERS[story.key]
            country = region = "FR"
            female, given, family = story.female, story.given, story.family
            home = self.stores[_HOME]
            created = now - 4 * YEAR + int(r() * 200) * DAY + int(r() * DAY)
            until = now - 31 * DAY
            level = story.level
            interests = [self.categories[n] for n in story.interests]
            exclude = story.exclude
        start = max(created, now - HISTORY_DAYS * DAY)

        if female:
            sizes = {
                "shoes": str(36 + min(5, int(r() * 3.2 + r() * 3.2))),
                "gloves": "S" if r() < 0.45 else "M",
                "ring": str(48 + int(r() * 4 + r() * 4)),
                "belt": ("80", "85", "90")[int(r() * 3)],
                "bike": "S" if r() < 0.5 else "M",
            }
        else:
            sizes = {
                "shoes": str(40 + min(6, int(r() * 3.5 + r() * 3.5))),
                "gloves": "M" if r() < 0.4 else "L",
                "ring": str(56 + int(r() * 5)),
                "belt": ("90", "95", "100", "105")[int(r() * 4)],
                "bike": ("M", "L", "XL")[int(r() * 3)],
            }
        colors = [_PALETTE[int(r() * len(_PALETTE))], _PALETTE[int(r() * len(_PALETTE))]]
        if story is not None:
            sizes.update(story.sizes)

        volume = _VOLUME[level]
        scale = 1.0
        if level != "heavy":
            scale = min(1.0, (max(1, until - start) / (HISTORY_DAYS * DAY)) ** 0.6)

        def count(i: int) -> int:
            lo, hi = volume[i]
            return int((lo + (hi - lo + 1) * r() ** 1.5) * scale)

        n_orders = count(0)
        if story is not None:
            n_orders = max(n_orders, story.min_orders)
        channels = []
        for _ in range(n_orders):
            x = r()
            channels.append("store" if x < 0.52 else "web" if x < 0.94 else "phone")
        if story is not None:
            devices = [(d, _uuid(rng)) for d in story.devices]
        elif "web" in channels or level == "heavy" or r() < 0.55:
            devices = [(d, _uuid(rng)) for d in _DEVICE_SETS[bisect(_DEVICE_CUM, r())]]
        else:
            devices = []

        consent = {}
        granted: set[str] = set()
        updated = created
        src = self.texts["consent_sources"]
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
                eff = self.daytime(rng, created, created + int(r() * (until - created)))
                granted.add(ch)
            else:
                pool = src["sms_denied"] if ch == "sms" else src["denied"]
                eff = self.daytime(rng, created, until)
            updated = max(updated, eff)
            consent[ch] = {
                "status": status,
                "source": pool[int(r() * len(pool))],
                "effective_at": _iso(eff),
            }

        c = _Cust(
            cid,
            idx,
            country,
            region,
            female,
            given,
            family,
            home,
            created,
            start,
            until,
            level,
            interests,
            exclude,
            sizes,
            colors,
            devices,
            consent,
            granted,
            updated,
        )

        # orders, each web order with the session that led to it
        home_id = home["id"]
        same_country = self.country_stores[home["country"]]
        for ch in channels:
            ts = self.daytime(rng, start + HOUR, until, _STORE_HOURS if ch == "store" else _HOURS)
            n_lines = 1 if r() < 0.6 else 2 if r() < 0.7 else 3 + (r() < 0.3)
            items = []
            for _ in range(n_lines):
                p = self.pick_product(rng, c)
                qty = 1 + (r() < 0.35) + (r() < 0.15) if p.category in self.multi else 1
                items.append((p, self.pick_variant(rng, c, p), qty))
            if ch == "store":
                store_id = (
                    home_id if r() < 0.85 else same_country[int(r() * len(same_country))]["id"]
                )
                self.order(c, rng, ts, "store", store_id, items, 0.04)
            else:
                order = self.order(c, rng, ts, ch, None, items, 0.12)
                if ch == "web":
                    self.order_session(c, rng, ts, order, items)

        # browsing, and for some a recent burst on one category ("in market")
        if devices:
            mine = [x for x in interests if x.name not in exclude]
            for _ in range(count(2)):
                cat = (
                    mine[int(r() * len(mine))]
                    if mine and r() < 0.75
                    else self.cat_list[bisect(self.cat_cum, r() * self.cat_tot)]
                )
                if cat.name not in exclude:
                    self.browse_session(c, rng, self.daytime(rng, start, until - HOUR), cat)
            if story is None and level != "heavy" and r() < 0.15:
                cat = interests[0]
                for _ in range(2 + int(r() * 5)):
                    lo = max(start, now - int(DAY * (1 + 20 * r())))
                    self.browse_session(c, rng, self.daytime(rng, lo, now - HOUR), cat)

        self.timeline(c, rng, count(1), count(3), count(4))
        return c

    def order_session(
        self,
        c: _Cust,
        rng: random.Random,
        ts: int,
        order: dict,
        items: list[tuple[_Product, _Variant, int]],
    ) -> None:
        r = rng.random
        dev = c.devices[int(r() * len(c.devices))]
        sid = _uuid(rng)
        steps: list[tuple[str, _Product | None, int]] = []
        for p, v, _ in items:
            steps.append(("Product Viewed", p, v.price))
            steps.append(("Product Added", p, v.price))
        steps.append(("Cart Viewed", None, order["subtotal"]))
        steps.append(("Checkout Started", None, order["subtotal"]))
        t = ts - 120 * (len(steps) + 1) - int(r() * 600)
        self.web(c, rng, t, "Page Viewed", dev, sid)
        for event, p, value in steps:
            t += 20 + int(r() * 100)
            self.web(c, rng, t, event, dev, sid, p, None, value)
        self.web(c, rng, ts, "Order Completed", dev, sid, None, None, order["total"])

    def browse_session(self, c: _Cust, rng: random.Random, t: int, cat: _Category) -> None:
        r = rng.random
        dev = c.devices[int(r() * len(c.devices))]
        sid = _uuid(rng)
        web = self.web
        web(c, rng, t, "Page Viewed", dev, sid)
        if r() < 0.4:
            t += 10 + int(r() * 60)
            web(
                c,
                rng,
                t,
                "Products Searched",
                dev,
                sid,
                None,
                cat.queries[int(r() * len(cat.queries))],
            )
        ps = cat.products
        p = ps[0]
        append = c.web_events.append
        cid = c.id
        device, anon = dev
        for _ in range(1 + int(r() * r() * 6)):  # the most common row of all: inlined web()
            t += 15 + int(r() * 150)
            p = ps[int(r() * len(ps))]
            append(
                {
                    "id": _uuid(rng),
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
                    "occurred_at": _iso(t),
                }
            )
        if r() < 0.2:
            t += 20 + int(r() * 90)
            web(c, rng, t, "Product Added", dev, sid, p, None, p.price)
            if r() < 0.6:
                t += 10 + int(r() * 60)
                web(c, rng, t, "Cart Viewed", dev, sid, None, None, p.price)
                if r() < 0.45:
                    t += 20 + int(r() * 120)
                    web(c, rng, t, "Checkout Started", dev, sid, None, None, p.price)

    def timeline(self, c: _Cust, rng: random.Random, n: int, n_news: int, n_offers: int) -> None:
        r = rng.random
        now = self.now
        start, until = c.start, c.until
        home = c.home
        scripts, scum, stot = self.scripts, self.script_cum, self.script_tot
        refs = c.order_refs
        texts = self.texts
        for _ in range(n):
            s = scripts[bisect(scum, r() * stot)]
            if s.ref == "order" and not refs:
                s = scripts[bisect(scum, r() * stot)]  # no order yet: something else
                if s.ref == "order":
                    continue
            store = home
            number = None
            size = None
            hours = _STORE_HOURS if s.channel == "store" else _HOURS
            if s.ref == "order":
                o_ts, number, order = refs[int(r() * len(refs))]
                lo = o_ts + HOUR
                if lo >= until:  # placed just now: nothing to say about it yet
                    continue
                ts = self.daytime(rng, lo, min(until, lo + int(DAY * (1 + 9 * r()))), hours)
                line = order["lines"][int(r() * len(order["lines"]))]
                pname = line["name"]
                category = self.products[int(line["product_id"][2:]) - 1].category
                size = line["size"]
                if order["store_id"]:
                    store = self.stores[order["store_id"]]
            else:
                p = self.pick_product(rng, c, s.needs_size)
                pname, category = p.name, p.category
                ts = self.daytime(rng, start, until, hours)
                if s.needs_size:
                    size = self.pick_variant(rng, c, p).size
            summary = s.summary.format(
                order=number,
                product=pname,
                category=category.lower(),
                store=store["name"],
                size=size or "M",
                day=_WEEKDAYS[(ts // DAY + 5) % 7],
            )
            user = (
                _AGENTS[int(r() * 20)]
                if s.user == "agent"
                else _ASSOC[store["id"]]
                if s.user == "assoc"
                else None
            )
            disposition = (
                s.dispositions[bisect(s.disp_cum, r() * s.disp_tot)] if s.dispositions else None
            )
            payload: dict = {}
            if s.kind == "call" or s.kind == "chat":
                payload = {"duration_s": 45 + int(r() * r() * 1500)}
                if number:
                    payload["order_number"] = number
                if s.direction == "inbound" and r() < 0.25:
                    survey_at = ts + DAY // 2 + int(r() * DAY)
                    if survey_at <= until:
                        self.survey(c, rng, survey_at, s.kind)
            self.interaction(
                c,
                rng,
                ts,
                s.channel,
                s.direction,
                s.kind,
                user,
                store["id"] if s.channel == "store" else None,
                summary,
                disposition,
                payload,
            )
        # in-store appointments
        if c.level == "heavy" or r() < 0.12:
            appts = texts["appointments"]
            assoc = _ASSOC[home["id"]]
            for _ in range(40 if c.level == "heavy" else 1 + (r() < 0.3)):
                a = appts[int(r() * len(appts))]
                payload = {
                    "type": a["type"],
                    "store_id": home["id"],
                    "duration_min": a["duration_min"][int(r() * len(a["duration_min"]))],
                }
                pname = size = ""
                if a["category"]:
                    cat = self.categories[a["category"]]
                    p = cat.products[int(r() * len(cat.products))]
                    pname = p.name
                    size = self.pick_variant(rng, c, p).size
                    payload["product_id"] = p.id
                summary = a["summary"].format(store=home["name"], product=pname, size=size)
                when = self.daytime(rng, start, until, _STORE_HOURS)
                self.interaction(
                    c,
                    rng,
                    when,
                    "store",
                    "inbound",
                    "appointment",
                    assoc,
                    home["id"],
                    summary,
                    None,
                    payload,
                )
        # newsletters and offers, only on channels the customer agreed to
        granted = c.granted
        if "email" in granted:
            news = texts["newsletters"]
            for _ in range(n_news):
                subject = news[int(r() * len(news))]
                self.interaction(
                    c,
                    rng,
                    self.daytime(rng, start, until),
                    "email",
                    "outbound",
                    "campaign",
                    None,
                    None,
                    f"Newsletter: {subject}",
                    None,
                    {"subject": subject, "offer_id": None},
                )
        chans = [ch for ch in ("email", "sms", "push") if ch in granted]
        if chans:
            camps = texts["campaigns"]
            for _ in range(n_offers):
                camp = camps[int(r() * len(camps))]
                sent = self.daytime(rng, start, until)
                expires = sent + (14, 21, 30)[int(r() * 3)] * DAY
                redeemed = None
                if r() < 0.22:
                    redeemed = sent + HOUR + int(r() * (expires - sent - HOUR))
                    if redeemed > now:
                        redeemed = None
                code = (
                    camp["prefix"] + "-" + "".join(_CODE_ALPHABET[int(r() * 32)] for _ in range(6))
                )
                self.offer(
                    c,
                    rng,
                    sent,
                    chans[int(r() * len(chans))],
                    camp["campaign"],
                    code,
                    camp["description"],
                    camp["subject"],
                    expires,
                    redeemed,
                )

    def survey(self, c: _Cust, rng: random.Random, ts: int, about: str) -> None:
        r = rng.random
        survey = self.texts["surveys"]
        score = 1 + bisect(self.survey_cum, r() * self.survey_tot)
        answers = survey["answers"][str(score)]
        question = survey["questions"][0 if about == "call" else 1]
        self.interaction(
            c,
            rng,
            ts,
            "email",
            "outbound",
            "survey",
            None,
            None,
            f"Satisfaction survey after the {about}: {score}/5",
            None,
            {
                "score": score,
                "scale": 5,
                "question": question,
                "answer": answers[int(r() * len(answers))] or None,
            },
        )

    # ---- identities and the customer row ---------------------------------------------------------

    def email_name(self, name: str) -> str:
        s = self.ascii.get(name)
        if s is None:
            s = self.ascii[name] = _ascii(name)
        return s

    def finish(self, c: _Cust, rng: random.Random, story: _Story | None) -> dict:
        """Identities, then the customer row (lifetime value and last contact from the history)."""
        r = rng.random
        now = self.now
        idx = c.idx
        salt = self.salt
        cid = c.id
        ids = c.identities

        def ident(
            kind: str,
            value: str,
            label: str | None,
            primary: int,
            ts: int,
            normalized: str | None = None,
        ) -> None:
            # ``normalized`` as rapport.hub.identity.normalize_identity makes it (region FR);
            # known by construction here, so no parsing in the hot loop
            ids.append(
                {
                    "id": _uuid(rng),
                    "customer_id": cid,
                    "kind": kind,
                    "value": value,
                    "normalized": normalized or value,
                    "label": label,
                    "is_primary": primary,
                    "created_at": _iso(ts),
                }
            )

        if story is not None:
            for i, e in enumerate(story.emails):
                ident("email", e, "personal", int(i == 0), c.created)
            ident("phone", story.phone, "mobile", 1, c.created, normalize_phone(story.phone))
            ident("loyalty", story.loyalty, "loyalty card", 1, c.created + DAY)
        else:
            g = self.email_name(c.given)
            f = self.email_name(c.family).replace("-", "")
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
            dom = self.domains["INTL" if c.country == "INTL" else c.country]
            d1 = int(r() * len(dom))
            ident("email", f"{local}@{dom[d1]}", "personal", 1, c.created)
            if r() < 0.15:
                later = self.daytime(rng, c.created, now)
                if r() < 0.5:
                    work = self.domains["work"]
                    ident("email", f"{g}.{f}{idx}@{work[int(r() * len(work))]}", "work", 0, later)
                else:
                    d2 = (d1 + 1 + int(r() * (len(dom) - 1))) % len(dom)
                    ident("email", f"{g}{f}.{idx}@{dom[d2]}", "personal", 0, later)
            if r() < 0.86:
                if c.country == "FR":
                    nsn = _number(_FR_MOBILE, 6, idx, salt)
                    phone, e164 = _fmt_fr(rng, nsn), "+33" + nsn
                elif c.country == "BE":
                    nsn = _number(_BE_MOBILE, 6, idx, salt)
                    phone, e164 = _fmt_be(rng, nsn), "+32" + nsn
                else:
                    phone, e164 = _intl_phone(rng, c.region, idx, salt)
                ident("phone", phone, "mobile", 1, c.created, e164)
                if c.country == "FR" and r() < 0.12:
                    nsn = _number(_FR_LANDLINE, 7, idx, salt + 7)
                    ident("phone", _fmt_fr(rng, nsn), "home", 0, c.created, "+33" + nsn)
            if r() < 0.3 or any(o["channel"] == "store" for o in c.orders):
                n = 200_000 + _perm(idx, 800_000, salt) if idx < 800_000 else 1_000_000 + idx
                ident("loyalty", f"LOY-{n}", "loyalty card", 1, c.created)
        if c.devices:
            if story is None:
                ident(
                    "user_id",
                    f"U{10_000_000 + _perm(idx, 90_000_000, salt + 3)}",
                    "web account",
                    1,
                    c.created,
                )
            for i, (dev, anon) in enumerate(c.devices):
                ident("anonymous_id", anon, f"{dev} web", int(i == 0), c.created)
            if any(d == "mobile" for d, _ in c.devices) and (story is not None or r() < 0.35):
                app = "iPhone app" if r() < 0.55 else "Android app"
                ident(
                    "device",
                    _uuid(rng).upper(),
                    app,
                    1,
                    c.created + int(r() * (c.until - c.created)),
                )

        if story is not None:
            tier = story.tier
        else:
            tcum, ttot = _TIER_WEIGHTS[c.level]
            tier = protocol.TIERS[bisect(tcum, r() * ttot)]
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
        birth = None
        if story is not None or r() < 0.9:
            y = _year(now) - 18 - int(r() * r() * 60 + r() * 12)
            birth = f"{y:04d}-{1 + int(r() * 12):02d}-{1 + int(r() * 28):02d}"
        notes = None
        if story is None and r() < 0.05:
            pool = self.texts["customer_notes"]
            notes = pool[int(r() * len(pool))]
        return {
            "id": cid,
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
            "last_contact_at": _iso(c.last_contact) if c.last_contact >= 0 else None,
            "created_at": _iso(c.created),
            "updated_at": _iso(c.updated),
            "version": 1,
        }


# --------------------------------------------------------------------------------------------------
# Story customers (DESIGN.md stories 1, 3, 4 and 6)

_STORIES = (
    _Story(
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
    _Story(
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
    _Story(
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
    _Story(
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
assert tuple(s.key for s in _STORIES) == _STORY_KEYS


def _story_hoops(g: _Generator, c: _Cust, rng: random.Random) -> None:
    """Nine views of basketball hoops over three days on two devices, then an abandoned cart."""
    hoops = g.categories["Basketball hoops"].products
    hoop = next(p for p in hoops if p.price == 34900)
    a, b, d = [p for p in hoops if p is not hoop][:3]
    desktop, mobile = c.devices
    web = g.web
    day2, day1, today = g.today - 2 * DAY, g.today - DAY, g.today
    s = _uuid(rng)
    t = day2 + 19 * HOUR + 4 * 60 + 12
    web(c, rng, t, "Products Searched", desktop, s, None, "basketball hoop")
    for i, p in enumerate((a, b, hoop)):
        web(c, rng, t + (2 + 4 * i) * 60 + 7 * i, "Product Viewed", desktop, s, p, None, p.price)
    s = _uuid(rng)
    t = day1 + 11 * HOUR + 22 * 60 + 40
    for i, p in enumerate((hoop, b, d)):
        web(c, rng, t + 3 * 60 * i + 11 * i, "Product Viewed", mobile, s, p, None, p.price)
    s = _uuid(rng)
    t = day1 + 20 * HOUR + 5 * 60 + 31
    web(c, rng, t, "Product Viewed", desktop, s, hoop, None, hoop.price)
    web(c, rng, t + 4 * 60 + 2, "Product Added", desktop, s, hoop, None, hoop.price)
    web(c, rng, t + 7 * 60 + 48, "Checkout Started", desktop, s, None, None, hoop.price)
    s = _uuid(rng)
    span = g.now - today  # today's views happen before now, however early now is
    web(c, rng, today + span * 2 // 5, "Product Viewed", mobile, s, hoop, None, hoop.price)
    web(c, rng, today + span * 3 // 5, "Product Viewed", mobile, s, a, None, a.price)


def _story_bride(g: _Generator, c: _Cust, rng: random.Random) -> None:
    """In-store appointments (browsing, ring sizing, financing) and online ring research."""
    rings = g.categories["Engagement rings"].products
    bands = g.categories["Wedding bands"].products
    r1, r2, r3, r4 = rings[:4]
    assoc = _ASSOC[_HOME]
    today = g.today
    g.interaction(
        c,
        rng,
        today - 21 * DAY + 14 * HOUR + 10 * 60,
        "store",
        "inbound",
        "appointment",
        assoc,
        _HOME,
        f"Appointment: browsing engagement rings with her partner; liked the {r1.name} "
        f"and the {r2.name}.",
        None,
        {
            "type": "browsing engagement rings",
            "store_id": _HOME,
            "duration_min": 60,
            "product_ids": [r1.id, r2.id],
        },
    )
    g.interaction(
        c,
        rng,
        today - 10 * DAY + 16 * HOUR + 30 * 60,
        "store",
        "inbound",
        "appointment",
        assoc,
        _HOME,
        "Appointment: ring sizing. She is a 52; prefers white gold.",
        None,
        {"type": "ring sizing", "store_id": _HOME, "duration_min": 30, "ring_size": "52"},
    )
    g.interaction(
        c,
        rng,
        today - 3 * DAY + 10 * HOUR + 15 * 60,
        "store",
        "inbound",
        "appointment",
        assoc,
        _HOME,
        f"Appointment: financing options for the {r1.name} "
        f"(EUR {r1.price // 100}); explained payment in 3 or 10 instalments.",
        None,
        {"type": "financing options", "store_id": _HOME, "duration_min": 45, "product_id": r1.id},
    )
    mobile, desktop = c.devices
    sessions = (
        (19, desktop, "engagement ring", (r1, r2, r3)),
        (14, mobile, None, (r1, r4)),
        (9, desktop, "wedding band", (bands[0], bands[1], r1)),
        (5, mobile, None, (r1, bands[0])),
        (2, mobile, None, (r1, r2)),
    )
    for days, dev, query, products in sessions:
        s = _uuid(rng)
        t = today - days * DAY + 20 * HOUR + 30 * 60 + days * 7
        if query:
            g.web(c, rng, t, "Products Searched", dev, s, None, query)
        for i, p in enumerate(products, 1):
            g.web(c, rng, t + i * 150, "Product Viewed", dev, s, p, None, p.price)


def _story_complaint(g: _Generator, c: _Cust, rng: random.Random) -> None:
    """A hoop delivered broken: an escalated call, a bad survey, then a store visit."""
    hoop = g.categories["Basketball hoops"].products[2]
    ball = g.categories["Basketballs"].products[0]
    items = [(hoop, hoop.variants[0], 1), (ball, ball.by_size["7"][0], 1)]
    placed = g.today - 12 * DAY + 18 * HOUR + 41 * 60
    order = g.order(c, rng, placed, "web", None, items, status="delivered")
    g.order_session(c, rng, placed, order, items)
    number = order["number"]
    today = g.today
    g.interaction(
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
    g.interaction(
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
    g.interaction(
        c,
        rng,
        today - DAY + 15 * HOUR + 20 * 60,
        "store",
        "inbound",
        "visit",
        _ASSOC[_HOME],
        _HOME,
        f"Came to {g.stores[_HOME]['name']} about the broken backboard (order {number}); "
        "still waiting for the replacement.",
        None,
        {},
    )


def _story_vip(g: _Generator, c: _Cust, rng: random.Random) -> None:
    """A VIP private sale offer sent by email four days ago, not yet redeemed."""
    g.offer(
        c,
        rng,
        g.today - 4 * DAY + 7 * HOUR,
        "email",
        "VIP private sale",
        "VIP-20-HROUSSEAU",
        "20% off everything during the VIP private sale, online and in store",
        "Hélène, your invitation to the VIP private sale",
        g.today + 10 * DAY + 22 * HOUR + 59 * 60,
        None,
    )


_STORY_FNS = {
    "hoops": _story_hoops,
    "bride": _story_bride,
    "complaint": _story_complaint,
    "vip": _story_vip,
}


# --------------------------------------------------------------------------------------------------
# Entry point

_CUSTOMER_ENTITIES = ("customer", "identity", "interaction", "web_event", "order", "offer")


def _batches(name: str, rows: list[dict]) -> Iterator[tuple[str, list[dict]]]:
    for i in range(0, len(rows), BATCH_ROWS):
        yield name, rows[i : i + BATCH_ROWS]


def generate(config: SeedConfig) -> Iterator[tuple[str, list[dict]]]:
    """Yields ``(entity_name, rows)`` batches of at most ``BATCH_ROWS`` rows in dependency order:
    store, product, variant, inventory, then customers in blocks (customer, identity, interaction,
    web_event, order, offer for a block, then the next block), so memory stays flat however many
    customers. Every row has exactly the entity's columns (``protocol.ENTITIES``)."""
    g = _Generator(config)
    yield from _batches("store", g.store_rows())
    yield from _batches("product", g.product_rows())
    yield from _batches("variant", g.variant_rows())
    batch: list[dict] = []
    for row in g.inventory_rows():
        batch.append(row)
        if len(batch) == BATCH_ROWS:
            yield "inventory", batch
            batch = []
    if batch:
        yield "inventory", batch

    rng = random.Random()
    block: dict[str, list[dict]] = {name: [] for name in _CUSTOMER_ENTITIES}
    customers, identities, interactions = block["customer"], block["identity"], block["interaction"]
    web_events, orders, offers = block["web_event"], block["order"], block["offer"]
    seed = config.seed
    for idx in range(config.customers):
        story = _STORIES[idx] if idx < len(_STORIES) else None
        rng.seed(f"rapport-story:{story.key}" if story else f"rapport-customer:{seed}:{idx}")
        c = g.customer(idx, rng, story)
        if story is not None:
            _STORY_FNS[story.key](g, c, rng)
        customers.append(g.finish(c, rng, story))
        identities += c.identities
        interactions += c.interactions
        web_events += c.web_events
        orders += c.orders
        offers += c.offers
        if len(customers) == BLOCK_CUSTOMERS:
            for name in _CUSTOMER_ENTITIES:
                yield from _batches(name, block[name])
                block[name].clear()
    for name in _CUSTOMER_ENTITIES:
        yield from _batches(name, block[name])
