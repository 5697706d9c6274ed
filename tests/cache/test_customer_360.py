"""The customer 360's one-pass read (:func:`load_customer`) gives what the piecewise reads give:
the header, the intent, the next best actions, the first pages, the offers, the open issues and
the sync marks, for each story customer; nobody for an unknown id; and no transaction left open."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from rapport.cache.customer_360 import load_customer
from rapport.cache.nba_inputs import nba_inputs
from rapport.cache.open_issues import open_issues
from rapport.cache.outbox import pending_targets
from rapport.cache.outbox_view import rejected_targets
from rapport.cache.queries import (
    customer_header,
    intent_inputs,
    offers,
    order_count,
    orders_page,
    timeline_page,
)
from rapport.domain.intent import INTENT_WINDOW_DAYS, summarize_intent
from rapport.domain.next_best_action import suggest
from rapport.hub.demo_data import STORY_CUSTOMERS
from tests.helpers import FIXED_NOW, seeded_cache


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    db = seeded_cache(Path(tmp_path_factory.mktemp("c360")) / "cache.db")
    yield db
    db.close()


@pytest.mark.parametrize("story", sorted(STORY_CUSTOMERS))
def test_one_pass_reads_what_the_parts_read(conn: sqlite3.Connection, story: str) -> None:
    cid, now = STORY_CUSTOMERS[story], FIXED_NOW
    data = load_customer(conn, cid, now)
    assert data is not None and data.id == cid
    assert data.header == customer_header(conn, cid, now=now)
    events, products = intent_inputs(conn, cid, now - timedelta(days=INTENT_WINDOW_DAYS))
    assert data.intent == summarize_intent(events, products, now)
    # The next best action from the header's consent and the offers already read says the same
    # as from its own reads of them.
    apart = nba_inputs(conn, cid, now)
    assert apart is not None
    assert suggest(data.nba, now) == suggest(apart, now)
    assert (data.nba.offers, data.nba.orders, data.nba.contacts, data.nba.products) == (
        apart.offers, apart.orders, apart.contacts, apart.products
    )  # fmt: skip
    assert (data.nba.tier, data.nba.last_contact_at) == (apart.tier, apart.last_contact_at)
    assert list(data.timeline) == timeline_page(conn, cid, limit=50)
    assert list(data.orders) == orders_page(conn, cid, 50, 0)
    assert data.order_count == order_count(conn, cid)
    assert list(data.offers) == offers(conn, cid)
    assert data.issues == open_issues(conn, cid)
    assert data.pending == pending_targets(conn, cid)
    assert data.refused == rejected_targets(conn, cid)


def test_a_filtered_and_longer_first_page(conn: sqlite3.Connection) -> None:
    cid = STORY_CUSTOMERS["hoops"]
    data = load_customer(conn, cid, FIXED_NOW, channels={"web"}, timeline_limit=3)
    assert data is not None and data.channels == frozenset({"web"})
    assert list(data.timeline) == timeline_page(conn, cid, channels={"web"}, limit=3)


def test_nobody_and_no_transaction_left_open(conn: sqlite3.Connection) -> None:
    assert load_customer(conn, "no-such-customer", FIXED_NOW) is None
    assert not conn.in_transaction
    assert load_customer(conn, STORY_CUSTOMERS["vip"], FIXED_NOW) is not None
    assert not conn.in_transaction
