"""One customer being drawn: their profile and the rows made for them so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapport.hub.demo_data.catalog import Category


@dataclass(slots=True)
class CustomerDraft:
    id: str
    idx: int
    country: str  # "FR", "BE" or "INTL"
    region: str  # the phone region: the country, or the region abroad
    female: bool
    given: str
    family: str
    home: dict  # the home store
    created: int
    start: int  # where the generated history starts (at most HISTORY_DAYS back)
    until: int  # where it ends (now; 31 days before now for a story customer)
    level: str  # activity: "light", "medium", "high" or "heavy"
    interests: list[Category]
    exclude: frozenset[str]  # categories never bought or browsed (a story's own)
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
    # (placed at, number, row) of orders not made in a store: what calls and e-mails are about
    order_refs: list[tuple[int, str, dict]] = field(default_factory=list)
    ltv: int = 0
    last_contact: int = -1
