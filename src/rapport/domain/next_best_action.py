"""Next best action: a few explainable suggestions for the agent, ranked, each with the facts behind
it ("Left a cart of EUR 349 yesterday; opted in to email and SMS" is how ``rapport.ui.common.wording``
writes the facts of an incentive).

The rules, highest priority first:

- an unresolved service contact (a recent call or chat wrapped up as escalated or callback, with no
  resolved contact since) comes first and holds back everything else;
- a recent purchase is acknowledged, with what goes with it (the catalog's ``related`` products),
  and what was just bought is no longer pitched anywhere else;
- an abandoned cart earns an incentive, only on a channel the customer opted in to;
- an active, unused offer is worth a reminder (code and expiry);
- a VIP with no contact for a long while deserves a personal call (a contact as the header counts
  them: the customer started it or a person here took part);
- a channel never asked about is worth asking about (an opt-out is respected, never re-asked).

Pure Python over plain inputs (gathered by ``rapport.cache.nba_inputs``); ``now`` must be aware and
its time zone decides what "yesterday" means.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from rapport.domain.intent import Intent, days_between
from rapport.protocol import CONSENT_CHANNELS

__all__ = [
    "CartIncentive",
    "ContactFact",
    "Facts",
    "GoesWith",
    "MissingConsent",
    "NbaInputs",
    "OfferFact",
    "OfferReminder",
    "OpenIssue",
    "OrderFact",
    "QuietVip",
    "RecentPurchase",
    "Suggestion",
    "SuggestionKind",
    "suggest",
]

SuggestionKind = Literal[
    "resolve", "acknowledge", "related", "incentive", "offer", "reach_out", "consent"
]

RECENT_PURCHASE = timedelta(days=14)
RECENT_SERVICE = timedelta(days=30)
RECENT_CART = timedelta(days=14)
VIP_SILENCE = timedelta(days=90)
VIP_TIERS = frozenset({"gold", "platinum"})
OPEN_DISPOSITIONS = frozenset({"escalated", "callback"})
SERVICE_KINDS = frozenset({"call", "chat", "email", "message", "visit", "form", "sms"})
MAX_RELATED = 3
_MAX_QUOTE = 70

# Lower comes first.
PRIORITY: dict[str, int] = {
    "resolve": 0,
    "acknowledge": 10,
    "incentive": 20,
    "offer": 25,
    "related": 30,
    "reach_out": 40,
    "consent": 50,
}
# What an open service issue holds back: nobody wants a pitch, or thanks for a purchase that may be
# what went wrong, while their problem is pending.
HELD_BACK_BY_ISSUE = frozenset(
    {"acknowledge", "related", "incentive", "offer", "reach_out", "consent"}
)
# Where an incentive goes, most direct first.
INCENTIVE_CHANNELS = ("sms", "email", "push", "mail", "phone")


@dataclass(frozen=True, slots=True)
class OrderFact:
    id: str
    number: str
    placed_at: datetime
    channel: str
    status: str | None
    product_ids: tuple[str, ...]
    names: tuple[str, ...]  # line names ("" when a line has none), same order as the lines


@dataclass(frozen=True, slots=True)
class ContactFact:
    id: str
    occurred_at: datetime
    channel: str
    kind: str
    direction: str | None
    disposition: str | None
    summary: str


@dataclass(frozen=True, slots=True)
class OfferFact:
    code: str
    description: str
    channel: str
    sent_at: datetime | None
    expires_at: datetime | None
    redeemed: bool


@dataclass(frozen=True, slots=True)
class NbaInputs:
    tier: str | None = None
    consent: Mapping[str, str] = field(default_factory=dict)  # channel -> granted/denied/unknown
    intent: Intent | None = None
    orders: Sequence[OrderFact] = ()  # any order; cancelled ones are ignored
    contacts: Sequence[ContactFact] = ()
    offers: Sequence[OfferFact] = ()
    products: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # id -> name, related
    last_contact_at: datetime | None = None


# --------------------------------------------------------------------------------------------------
# The facts behind each kind of suggestion (what the agent reads is written from them)


@dataclass(frozen=True, slots=True)
class OpenIssue:
    """A service contact wrapped up as escalated or with a callback promised, not resolved since."""

    kind: str  # call, chat, email...
    callback: bool  # a callback was promised (else: escalated)
    days_ago: int
    summary: str  # clipped; may be empty
    later_contacts: int  # contacts since, none of them resolving it


@dataclass(frozen=True, slots=True)
class RecentPurchase:
    product: str | None  # the order's first line; None for an order without lines
    others: int  # lines after the first
    channel: str  # store, web, phone...
    days_ago: int
    order_number: str


@dataclass(frozen=True, slots=True)
class GoesWith:
    product: str | None  # what was bought (the order's first line)
    days_ago: int
    related: tuple[str, ...]  # names of what goes with it, at most MAX_RELATED


@dataclass(frozen=True, slots=True)
class CartIncentive:
    product: str  # the product of the cart the customer looked at most
    value: int
    currency: str
    days_ago: int
    views: int
    channels: tuple[str, ...]  # opted-in channels, most direct first


@dataclass(frozen=True, slots=True)
class OfferReminder:
    code: str
    description: str  # clipped; may be empty
    channel: str
    sent_days_ago: int | None
    expires_on: date | None  # the last day, in now's time zone


@dataclass(frozen=True, slots=True)
class QuietVip:
    tier: str  # gold, platinum
    days_since: int | None  # since the last contact; None: never contacted


@dataclass(frozen=True, slots=True)
class MissingConsent:
    unknown: tuple[str, ...]  # channels never asked about
    granted: tuple[str, ...]


Facts = (
    OpenIssue
    | RecentPurchase
    | GoesWith
    | CartIncentive
    | OfferReminder
    | QuietVip
    | MissingConsent
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: SuggestionKind
    facts: Facts  # what the suggestion rests on, for the UI to put in words
    priority: int
    channel: str | None = None  # where to act, when it matters
    action: str | None = None  # a hint for the UI: "log", "consent", "offer:<code>", ...
    product_ids: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------------


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;.") + "…"


def _name(product_id: str, products: Mapping[str, Mapping[str, Any]]) -> str:
    name = products.get(product_id, {}).get("name")
    return str(name) if name else product_id


# --------------------------------------------------------------------------------------------------
# Rules


def _open_issue(contacts: Sequence[ContactFact], now: datetime) -> Suggestion | None:
    recent = sorted(
        (c for c in contacts if now - c.occurred_at <= RECENT_SERVICE),
        key=lambda c: c.occurred_at,
    )
    issue = next(
        (
            c
            for c in reversed(recent)
            if c.kind in SERVICE_KINDS and (c.disposition or "").lower() in OPEN_DISPOSITIONS
        ),
        None,
    )
    if issue is None:
        return None
    if any(
        c.occurred_at > issue.occurred_at and (c.disposition or "").lower() == "resolved"
        for c in recent
    ):
        return None
    later = [c for c in recent if c.occurred_at > issue.occurred_at]
    facts = OpenIssue(
        kind=issue.kind,
        callback=(issue.disposition or "").lower() == "callback",
        days_ago=days_between(issue.occurred_at, now),
        summary=_clip(issue.summary, _MAX_QUOTE) if issue.summary else "",
        later_contacts=len(later),
    )
    return Suggestion("resolve", facts, PRIORITY["resolve"], channel=issue.channel, action="log")


def _recent_order(orders: Sequence[OrderFact], now: datetime) -> OrderFact | None:
    recent = [
        o
        for o in orders
        if (o.status or "") != "cancelled" and timedelta(0) <= now - o.placed_at <= RECENT_PURCHASE
    ]
    return max(recent, key=lambda o: o.placed_at, default=None)


def _bought_recently(orders: Sequence[OrderFact], now: datetime) -> set[str]:
    return {
        pid
        for o in orders
        if (o.status or "") != "cancelled" and now - o.placed_at <= RECENT_PURCHASE
        for pid in o.product_ids
    }


def _purchase(
    order: OrderFact, bought: set[str], products: Mapping[str, Mapping[str, Any]], now: datetime
) -> list[Suggestion]:
    main = order.names[0] if order.names and order.names[0] else None  # None: a line without a name
    days_ago = days_between(order.placed_at, now)
    ack = Suggestion(
        "acknowledge",
        RecentPurchase(main, max(len(order.names) - 1, 0), order.channel, days_ago, order.number),
        PRIORITY["acknowledge"],
        action=f"order:{order.number}",
        product_ids=order.product_ids,
    )
    related: list[str] = []
    for pid in order.product_ids:
        raw = products.get(pid, {}).get("related")
        for rid in raw if isinstance(raw, list) else ():
            if isinstance(rid, str) and rid not in bought and rid not in related:
                related.append(rid)
    if not related:
        return [ack]
    picks = related[:MAX_RELATED]
    return [
        ack,
        Suggestion(
            "related",
            GoesWith(main, days_ago, tuple(_name(p, products) for p in picks)),
            PRIORITY["related"],
            action="products",
            product_ids=tuple(picks),
        ),
    ]


def _granted(consent: Mapping[str, str]) -> list[str]:
    return [ch for ch in INCENTIVE_CHANNELS if consent.get(ch) == "granted"]


def _incentive(
    intent: Intent | None,
    consent: Mapping[str, str],
    bought: set[str],
    products: Mapping[str, Mapping[str, Any]],
    now: datetime,
) -> Suggestion | None:
    if intent is None:
        return None
    cart = next(
        (
            c
            for c in intent.carts
            if c.status == "abandoned" and now - c.last_at <= RECENT_CART and c.product_ids
        ),
        None,
    )
    if cart is None:
        return None
    left = tuple(pid for pid in cart.product_ids if pid not in bought)
    if not left:
        return None  # bought since, maybe in store: nothing left to win back
    channels = _granted(consent)
    if not channels:
        return None
    interest = {p.product_id: p for p in intent.products}
    top = max(left, key=lambda pid: interest[pid].score if pid in interest else 0.0)
    name = (
        _name(top, products) if top in products else interest[top].name if top in interest else top
    )
    facts = CartIncentive(
        product=name,
        value=cart.value,
        currency=cart.currency,
        days_ago=days_between(cart.last_at, now),
        views=interest[top].views if top in interest else 0,
        channels=tuple(channels),
    )
    return Suggestion(
        "incentive",
        facts,
        PRIORITY["incentive"],
        channel=channels[0],
        action="incentive",
        product_ids=left,
    )


def _offer_reminders(offers: Sequence[OfferFact], now: datetime) -> list[Suggestion]:
    out = []
    live = [o for o in offers if not o.redeemed and (o.expires_at is None or o.expires_at > now)]
    live.sort(key=lambda o: (o.expires_at is None, o.expires_at or now))
    for offer in live[:2]:
        facts = OfferReminder(
            code=offer.code,
            description=_clip(offer.description, _MAX_QUOTE) if offer.description else "",
            channel=offer.channel,
            sent_days_ago=days_between(offer.sent_at, now) if offer.sent_at else None,
            expires_on=offer.expires_at.astimezone(now.tzinfo).date() if offer.expires_at else None,
        )
        out.append(
            Suggestion(
                "offer",
                facts,
                PRIORITY["offer"],
                channel=offer.channel or None,
                action=f"offer:{offer.code}",
            )
        )
    return out


def _vip(inputs: NbaInputs, now: datetime) -> Suggestion | None:
    tier = (inputs.tier or "").lower()
    if tier not in VIP_TIERS:
        return None
    last = inputs.last_contact_at
    newest = max((c.occurred_at for c in inputs.contacts), default=None)
    if newest is not None and (last is None or newest > last):
        last = newest
    if last is not None and now - last < VIP_SILENCE:
        return None
    channels = _granted(inputs.consent)
    channel = "phone" if "phone" in channels else channels[0] if channels else None
    return Suggestion(
        "reach_out",
        QuietVip(tier, (now - last).days if last is not None else None),
        PRIORITY["reach_out"],
        channel=channel,
        action="log",
    )


def _consent(consent: Mapping[str, str]) -> Suggestion | None:
    unknown = tuple(ch for ch in CONSENT_CHANNELS if consent.get(ch, "unknown") == "unknown")
    if not unknown:
        return None
    granted = tuple(ch for ch in CONSENT_CHANNELS if consent.get(ch) == "granted")
    return Suggestion(
        "consent",
        MissingConsent(unknown, granted),
        PRIORITY["consent"],
        channel=unknown[0],
        action="consent",
    )


# --------------------------------------------------------------------------------------------------


def suggest(inputs: NbaInputs, now: datetime) -> list[Suggestion]:
    """The suggestions for this customer now, most important first."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    out: list[Suggestion] = []
    issue = _open_issue(inputs.contacts, now)
    if issue is not None:
        out.append(issue)
    bought = _bought_recently(inputs.orders, now)
    order = _recent_order(inputs.orders, now)
    if order is not None:
        out += _purchase(order, bought, inputs.products, now)
    incentive = _incentive(inputs.intent, inputs.consent, bought, inputs.products, now)
    if incentive is not None:
        out.append(incentive)
    out += _offer_reminders(inputs.offers, now)
    for extra in (_vip(inputs, now), _consent(inputs.consent)):
        if extra is not None:
            out.append(extra)

    if issue is not None:
        out = [s for s in out if s.kind not in HELD_BACK_BY_ISSUE]
    # Stop pitching what was just bought: a suggestion about products keeps only the others.
    kept: list[Suggestion] = []
    for s in out:
        if s.kind in ("incentive", "related") and s.product_ids:
            rest = tuple(p for p in s.product_ids if p not in bought)
            if not rest:
                continue
            if rest != s.product_ids:
                s = replace(s, product_ids=rest)
        kept.append(s)
    kept.sort(key=lambda s: s.priority)
    return kept
