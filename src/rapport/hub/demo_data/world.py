"""What a data set is made from (:class:`SeedConfig`) and what every customer is drawn against
(:class:`World`): the clock, the catalog, the stores, names and texts, and the order counters."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapport.hub.demo_data.catalog import Category, Product, build_catalog
from rapport.hub.demo_data.common import DAY, cumulative, resource, year_of
from rapport.hub.demo_data.stores import STORE_BY_ID, STORES


def _default_now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


@dataclass(frozen=True)
class SeedConfig:
    seed: int = 42
    customers: int = 2000
    now: datetime = field(default_factory=_default_now)


@dataclass(slots=True)
class Script:
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


def _scripts(texts: dict) -> tuple[list[Script], list[float]]:
    """The interaction templates of ``texts.json`` and their weights (an entry's weight shared
    by its summaries)."""
    scripts: list[Script] = []
    weights: list[float] = []
    for entry in texts["interactions"]:
        disp = entry["dispositions"]
        dpop = [k for k, v in disp.items() if v]
        dcum, dtot = cumulative([disp[k] for k in dpop]) if dpop else ([], 0.0)
        for summary in entry["summaries"]:
            scripts.append(
                Script(
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
    return scripts, weights


def _home_store_weights() -> dict[str, tuple[list[dict], list[float], float]]:
    """Per country group, the stores a customer's home store is drawn from, with weights:
    Belgians also shop in Lille; customers abroad in Paris and Nice."""
    fr = [s for s in STORES if s["country"] == "FR"]
    be = [s for s in STORES if s["country"] == "BE"]
    return {
        "FR": (fr, *cumulative(s["weight"] for s in fr)),
        "BE": (
            [*be, STORE_BY_ID["st-lille-euralille"]],
            *cumulative([*(s["weight"] for s in be), 3]),
        ),
        "INTL": (
            [
                STORE_BY_ID["st-paris-opera"],
                STORE_BY_ID["st-paris-la-defense"],
                STORE_BY_ID["st-nice-massena"],
            ],
            *cumulative((5, 2, 2)),
        ),
    }


class World:
    """The shared, read-mostly state of one data set (only the order counters and the e-mail
    name cache change as customers are drawn). ``config.now`` must be timezone-aware."""

    def __init__(self, config: SeedConfig) -> None:
        self.config = config
        self.now = int(config.now.astimezone(UTC).timestamp())
        self.today = self.now - self.now % DAY
        self.heavy = config.customers >= 10_000
        self.products: list[Product]
        self.categories: dict[str, Category]
        self.products, self.categories = build_catalog()
        self.cat_list = list(self.categories.values())
        self.cat_cum, self.cat_tot = cumulative(c.popularity for c in self.cat_list)
        self.sized_cats = [c for c in self.cat_list if c.sized]
        self.multi = frozenset(c.name for c in self.cat_list if c.multi)
        self.country_stores = {k: [s for s in STORES if s["country"] == k] for k in ("FR", "BE")}
        self.home_stores = _home_store_weights()
        names = resource("names.json")
        self.names = {
            c: (names[c]["male"], names[c]["female"], names[c]["family"]) for c in ("FR", "BE")
        }
        self.intl = [(r["region"], r["male"], r["female"], r["family"]) for r in names["INTL"]]
        self.domains = names["email_domains"]
        self.ascii: dict[str, str] = {}
        self.texts = texts = resource("texts.json")
        self.scripts, weights = _scripts(texts)
        self.script_cum, self.script_tot = cumulative(weights)
        self.survey_cum, self.survey_tot = cumulative(texts["surveys"]["score_weights"])
        self.salt = random.Random(f"rapport-salt:{config.seed}").getrandbits(40)
        self.counters: dict[tuple[str, int], int] = {}

    def random_category(self, r) -> Category:
        """A category drawn by popularity."""
        return self.cat_list[bisect(self.cat_cum, r() * self.cat_tot)]

    def order_number(self, prefix: str, ts: int) -> str:
        """``W-2026-001234``: numbered per channel prefix and year."""
        key = (prefix, year_of(ts))
        n = self.counters.get(key, 1000) + 1
        self.counters[key] = n
        return f"{prefix}-{key[1]}-{n:06d}"
