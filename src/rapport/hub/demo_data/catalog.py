"""The product catalog (the same for every seed, so demos and tests can name products), its rows,
and the stock of each variant in each store (which depends on the seed)."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

from rapport.hub.demo_data.common import CURRENCY, DAY, iso, resource
from rapport.hub.demo_data.stores import STORES


@dataclass(slots=True)
class Variant:
    id: str
    sku: str
    size: str | None
    color: str | None
    price: int


@dataclass(slots=True)
class Product:
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
    variants: list[Variant]
    size_key: str | None  # preference key ("shoes", "ring", ...) when sizes follow the customer
    by_size: dict[str | None, list[Variant]]


@dataclass(slots=True)
class Category:
    name: str
    department: str
    products: list[Product]
    popularity: float
    queries: list[str]
    sized: bool
    multi: bool  # bought several at a time (balls, bottles)


def _price(rng: random.Random, lo: float, hi: float) -> int:
    """A shop price in cents between ``lo`` and ``hi`` euros: 19.99, 149.00, 1,290.00."""
    euros = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    if euros < 100:
        return int(euros) * 100 + 99
    if euros < 1000:
        return (int(euros / 10) * 10 + 9) * 100
    return (int(euros / 100) * 100 - 10) * 100


def build_catalog() -> tuple[list[Product], dict[str, Category]]:
    """The product catalog: the same for every seed (fixed generator), built fresh on each call."""
    data = resource("catalog.json")
    rng = random.Random("rapport-catalog-v1")
    products: list[Product] = []
    categories: dict[str, Category] = {}
    related_of: dict[str, list[str]] = {}
    for dept in data["departments"]:
        for cat in dept["categories"]:
            category = Category(
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
            for pick in _pick_models(rng, cat):
                products.append(
                    _make_product(rng, data, dept["name"], cat, pick, len(products) + 1)
                )
                category.products.append(products[-1])
    for p in products:
        pool = [q.id for name in related_of[p.category] for q in categories[name].products]
        p.related = sorted(rng.sample(pool, min(len(pool), rng.randint(2, 4))))
    return products, categories


def _pick_models(rng: random.Random, cat: dict) -> list[dict]:
    """The category's products as (brand, model, type): its pinned ones, then drawn ones."""
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
    return [dict(p) for p in pinned] + [
        {"brand": b, "model": m, "type": t}
        for b, m, t in rng.sample(combos, cat["count"] - len(pinned))
    ]


def _make_product(
    rng: random.Random, data: dict, department: str, cat: dict, pick: dict, num: int
) -> Product:
    """Product number ``num`` of the catalog, with a variant per size and color."""
    sku = f"{cat['code']}-{num:05d}"
    lo, hi = cat["price"]
    ncol_lo, ncol_hi = cat["colors_per_product"]
    price = pick.get("price") or _price(rng, lo, hi)
    colors = pick.get("colors") or rng.sample(
        cat["colors"], min(len(cat["colors"]), rng.randint(ncol_lo, ncol_hi))
    )
    attrs = {k: rng.choice(v) for k, v in cat["attributes"].items()}
    attrs.update(pick.get("attributes", {}))
    kind = pick["type"]
    blurb = rng.choice(cat["blurbs"])
    sizes = data["size_schemes"][cat["sizes"]] if cat["sizes"] else [None]
    color_codes: dict[str, str] = data["colors"]
    variants = []
    by_size: dict[str | None, list[Variant]] = {}
    for size in sizes:
        for color in colors:
            k = len(variants) + 1
            parts = [sku, size, color_codes[color]] if size else [sku, color_codes[color]]
            v = Variant(f"v-{num:05d}-{k:02d}", "-".join(parts), size, color, price)
            variants.append(v)
            by_size.setdefault(size, []).append(v)
    return Product(
        f"p-{num:05d}",
        sku,
        f"{pick['brand']} {pick['model']} {kind}",
        department,
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


def product_rows(products: list[Product]) -> list[dict]:
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
        for p in products
    ]


def variant_rows(products: list[Product]) -> list[dict]:
    return [
        {
            "id": v.id,
            "product_id": p.id,
            "sku": v.sku,
            "size": v.size,
            "color": v.color,
            "price": v.price,
        }
        for p in products
        for v in p.variants
    ]


def inventory_rows(
    products: list[Product], categories: dict[str, Category], seed: int, now: int
) -> Iterator[dict]:
    """Stock per variant and store: jewelry and bikes scarce, many zeros everywhere."""
    rng = random.Random(f"rapport-inventory:{seed}")
    r = rng.random
    stores = [(s["id"], s["weight"] / 10) for s in STORES]
    # story 5: black leather gloves in M are out of stock at Paris Opéra, in stock nearby
    gloves = categories["Leather gloves"].products[0]
    story5 = next(v.id for v in gloves.variants if v.size == "M" and v.color == "black")
    forced = {
        (story5, "st-paris-opera"): 0,
        (story5, "st-paris-la-defense"): 4,
        (story5, "st-lyon-part-dieu"): 2,
    }
    for p in products:
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
                    "updated_at": iso(now - int(r() * 3 * DAY)),
                }
