"""Everything the customer 360 shows of one customer, read in one pass: :func:`load_customer`.

The screen used to read its parts one by one (header, intent, next best action, offers, issues,
each model its own page), and the next best action read the profile, the last contact and the
offers again. Here each is read once, inside one read transaction, so the parts agree with each
other even while sync writes (WAL: the transaction sees one snapshot). The reads are the index
lookups and range scans of :mod:`rapport.cache.queries`; later pages of the timeline and of the
orders are read by their models as the agent scrolls.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapport.cache.nba_inputs import nba_inputs_around
from rapport.cache.open_issues import OpenIssues, open_issues
from rapport.cache.outbox import pending_targets
from rapport.cache.outbox_view import rejected_targets
from rapport.cache.queries import (
    ACTIVITY_MONTHS,
    CustomerHeader,
    OfferView,
    OrderView,
    TimelineEntry,
    customer_header,
    intent_inputs,
    offers,
    order_count,
    orders_page,
    timeline_page,
)
from rapport.domain.intent import INTENT_WINDOW_DAYS, Intent, summarize_intent
from rapport.domain.next_best_action import NbaInputs, OfferFact
from rapport.domain.timestamps import parse_timestamp

__all__ = ["PAGE_SIZE", "Customer360Data", "load_customer"]

PAGE_SIZE = 50  # the first page of the timeline and of the orders, as their models page


@dataclass(frozen=True, slots=True)
class Customer360Data:
    """One customer as the 360 shows them, at one moment."""

    header: CustomerHeader  # profile, identities, consent, two years of activity, last contact
    intent: Intent  # the web intent, computed once for the banner, its tab and the next action
    nba: NbaInputs  # what :func:`rapport.domain.next_best_action.suggest` reasons from
    offers: tuple[OfferView, ...]  # every offer sent, latest first
    timeline: tuple[TimelineEntry, ...]  # the first page, newest first
    channels: frozenset[str] | None  # the channels that page shows (None: all)
    orders: tuple[OrderView, ...]  # the first page, newest first
    order_count: int  # all of them, loaded or not
    issues: OpenIssues  # open tasks, writes the hub refused
    pending: frozenset[str]  # ids of rows written here the hub does not have yet
    refused: Mapping[str, str]  # ids of rows written here the hub refused -> its reason

    @property
    def id(self) -> str:
        return self.header.id


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction (one WAL snapshot), unless the caller is in one already."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _active_offer_facts(sent: Iterable[OfferView], now: datetime) -> list[OfferFact]:
    """The offers the next best action weighs: neither redeemed nor expired, latest first."""
    return [
        OfferFact(
            code=o.code,
            description=o.description,
            channel=o.channel,
            sent_at=parse_timestamp(o.sent_at),
            expires_at=parse_timestamp(o.expires_at),
            redeemed=False,
        )
        for o in sent
        if o.status(now) == "active"
    ]


def load_customer(
    conn: sqlite3.Connection,
    customer_id: str,
    now: datetime,
    *,
    region: str = "FR",
    channels: Collection[str] | None = None,
    timeline_limit: int = PAGE_SIZE,
    orders_limit: int = PAGE_SIZE,
    months: int = ACTIVITY_MONTHS,
) -> Customer360Data | None:
    """The customer 360's read model, or None when the customer is not (or no longer) here.

    ``now`` is aware (its time zone is the agent's: the intent's days). ``channels`` filters the
    timeline's first page; the limits are the first pages' sizes (a refresh asks for as many rows
    as the screen had loaded)."""
    with _snapshot(conn):
        header = customer_header(conn, customer_id, now=now, region=region, months=months)
        if header is None:
            return None
        events, products = intent_inputs(
            conn, customer_id, now - timedelta(days=INTENT_WINDOW_DAYS)
        )
        intent = summarize_intent(events, products, now, window_days=INTENT_WINDOW_DAYS)
        sent = tuple(offers(conn, customer_id))
        nba = nba_inputs_around(
            conn,
            customer_id,
            now,
            intent,
            tier=header.tier,
            consent={c.channel: c.status for c in header.consent},
            offers=_active_offer_facts(sent, now),
            last_contact_at=header.last_contact_at,
        )
        shown = None if channels is None else frozenset(channels)
        return Customer360Data(
            header=header,
            intent=intent,
            nba=nba,
            offers=sent,
            timeline=tuple(timeline_page(conn, customer_id, channels=shown, limit=timeline_limit)),
            channels=shown,
            orders=tuple(orders_page(conn, customer_id, orders_limit, 0)),
            order_count=order_count(conn, customer_id),
            issues=open_issues(conn, customer_id),
            pending=frozenset(pending_targets(conn, customer_id)),
            refused=rejected_targets(conn, customer_id),
        )
