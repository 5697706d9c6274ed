"""The customer 360 read model on a seeded cache: header facts of the story customers, the merged
timeline (order, keyset pages without gaps or repeats, channel filter, web sessions condensed),
intent inputs, orders with returns, offers, and index use."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rapport.cache.nba_inputs import nba_inputs
from rapport.cache.queries import (
    TimelineEntry,
    customer_header,
    intent_inputs,
    offers,
    order_count,
    orders_page,
    timeline_page,
)
from rapport.domain.intent import PendingCart, Research, summarize_intent
from rapport.hub.demo_data import STORY_CUSTOMERS
from tests.helpers import FIXED_NOW, seeded_cache

HOOPS = STORY_CUSTOMERS["hoops"]
COMPLAINT = STORY_CUSTOMERS["complaint"]
VIP = STORY_CUSTOMERS["vip"]


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    db = seeded_cache(Path(tmp_path_factory.mktemp("queries")) / "cache.db")
    yield db
    db.close()


def _busiest(conn: sqlite3.Connection) -> str:
    return conn.execute(
        "SELECT customer_id FROM interaction GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]


def _walk(conn: sqlite3.Connection, cid: str, limit: int, **kw: Any) -> list[TimelineEntry]:
    out: list[TimelineEntry] = []
    before = None
    for _ in range(10_000):
        page = timeline_page(conn, cid, before=before, limit=limit, **kw)
        assert len(page) <= limit
        out += page
        if len(page) < limit:
            return out
        before = page[-1].key
    raise AssertionError("the timeline never ended")


def _expected_count(conn: sqlite3.Connection, cid: str) -> int:
    """Interactions + orders + one per web session and UTC day, counted straight from the tables."""
    (n,) = conn.execute(
        "SELECT (SELECT COUNT(*) FROM interaction WHERE customer_id = :c)"
        " + (SELECT COUNT(*) FROM orders WHERE customer_id = :c)"
        " + (SELECT COUNT(*) FROM (SELECT DISTINCT session_id, substr(occurred_at, 1, 10)"
        "    FROM web_event WHERE customer_id = :c))",
        {"c": cid},
    ).fetchone()
    return n


# --------------------------------------------------------------------------------------------------
# Header


def test_header_of_the_hoops_customer(conn: sqlite3.Connection) -> None:
    h = customer_header(conn, HOOPS, now=FIXED_NOW)
    assert h is not None
    assert h.name == "Lucas Martin"
    assert h.tier == "silver"
    assert (h.home_store_name, h.home_store_city) == ("Paris Opéra", "Paris")
    assert h.currency == "EUR" and h.lifetime_value and h.lifetime_value > 0
    shown = {(i.kind, i.display, i.primary) for i in h.identifiers}
    assert ("phone", "06 12 34 56 78", True) in shown  # typed "06 12 34 56 78", stored E.164
    assert ("email", "lucas.martin@example.com", True) in shown
    assert ("loyalty", "LOY-100001", True) in shown
    assert h.identifiers[0].kind == "phone"  # what an agent dials comes first
    assert [c.channel for c in h.consent] == ["email", "sms", "phone", "push", "mail"]
    email = h.consent_for("email")
    assert email is not None and email.status == "granted"
    assert email.source and email.effective_at and email.effective_at.endswith("Z")
    push = h.consent_for("push")
    assert push is not None and (push.status, push.source, push.effective_at) == (
        "unknown",
        None,
        None,
    )
    assert h.preferences["sizes"]["shoes"] == "43"
    # Web browsing is not a contact: the last one is from the generic history, over a month ago.
    assert h.last_contact_at is not None and h.last_contact_at < "2026-10-21"


def test_activity_series_covers_24_months_ending_now(conn: sqlite3.Connection) -> None:
    h = customer_header(conn, VIP, now=FIXED_NOW)
    assert h is not None
    months = [(m.year, m.month) for m in h.activity]
    assert len(months) == 24
    assert months[0] == (2024, 12) and months[-1] == (2026, 11)
    assert months == sorted(months)
    # Spend is net of returns and leaves cancelled orders out, per month of placing.
    expected = sum(
        o.total - o.refunded
        for o in orders_page(conn, VIP, 1000, 0)
        if o.status != "cancelled" and o.placed_at >= "2024-12"
    )
    assert sum(m.spend for m in h.activity) == expected > 0


def test_contacts_count_people_not_mailings(conn: sqlite3.Connection) -> None:
    h = customer_header(conn, COMPLAINT, now=FIXED_NOW)
    assert h is not None
    # November: the escalated call and the store visit; the emailed survey is automated.
    assert h.activity[-1].contacts == 2
    assert h.activity[-1].spend > 0  # the hoop order of twelve days ago


def test_header_and_next_best_action_share_one_last_contact(conn: sqlite3.Connection) -> None:
    """Issue 14: the header said "Last contact 4 days ago" (a mailing) beside a next best action
    saying "no contact for 127 days": both now count a person's contact only (the customer started
    it or someone here took part), the rule the activity chart counts contacts by."""
    for cid in STORY_CUSTOMERS.values():
        h = customer_header(conn, cid, now=FIXED_NOW)
        inputs = nba_inputs(conn, cid, FIXED_NOW)
        assert h is not None and inputs is not None
        assert h.last_contact_at is not None
        assert datetime.fromisoformat(h.last_contact_at) == inputs.last_contact_at, cid
    # The VIP's offer email of four days ago is a mailing, not a contact: her last one is a call.
    vip = customer_header(conn, VIP, now=FIXED_NOW)
    assert vip is not None and vip.last_contact_at is not None
    assert vip.last_contact_at < "2026-11-16"


def test_header_of_unknown_customer_is_none(conn: sqlite3.Connection) -> None:
    assert customer_header(conn, "no-such-customer", now=FIXED_NOW) is None


# --------------------------------------------------------------------------------------------------
# Timeline


def test_timeline_newest_first_across_channels(conn: sqlite3.Connection) -> None:
    page = timeline_page(conn, COMPLAINT, limit=5)
    assert [e.kind for e in page[:3]] == ["visit", "survey", "call"]
    visit, survey, call = page[:3]
    assert visit.store_name == "Paris Opéra" and visit.channel == "store"
    assert call.disposition == "escalated" and call.direction == "inbound"
    assert call.duration_s == 734 and call.reference and call.reference.startswith("W-")
    assert (survey.score, survey.scale) == (2, 5) and survey.answer
    assert survey.summary.startswith("Satisfaction survey")
    keys = [e.key for e in page]
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize("limit", [1, 7, 50])
def test_pages_have_no_gaps_or_repeats(conn: sqlite3.Connection, limit: int) -> None:
    for cid in (HOOPS, VIP, _busiest(conn)):
        walked = _walk(conn, cid, limit)
        everything = timeline_page(conn, cid, limit=100_000)
        assert [e.key for e in walked] == [e.key for e in everything]
        assert len({e.id for e in walked}) == len(walked) == _expected_count(conn, cid)
        keys = [e.key for e in walked]
        assert keys == sorted(keys, reverse=True)


def test_channel_filter(conn: sqlite3.Connection) -> None:
    cid = _busiest(conn)
    everything = timeline_page(conn, cid, limit=100_000)
    for channels in ({"phone"}, {"email", "store"}, {"web"}):
        picked = _walk(conn, cid, 6, channels=frozenset(channels))
        assert picked == [e for e in everything if e.channel in channels]
    assert timeline_page(conn, cid, channels=frozenset(), limit=10) == []


def test_orders_are_entries_on_their_channel(conn: sqlite3.Connection) -> None:
    page = timeline_page(conn, COMPLAINT, limit=100)
    orders = [e for e in page if e.kind == "order"]
    assert len(orders) == order_count(conn, COMPLAINT) == 2
    web = next(e for e in orders if e.channel == "web")
    assert web.reference and web.reference.startswith("W-")
    assert web.amount and web.currency == "EUR" and web.disposition == "delivered"
    assert web.items is not None and web.items.first and "basketball hoop" in web.items.first
    assert (web.items.lines, web.items.quantity, web.items.returned) == (2, 2, 0)
    store = next(e for e in orders if e.channel == "store")
    assert store.store_name and store.reference and store.reference.startswith("S-")


def test_web_activity_is_one_entry_per_session(conn: sqlite3.Connection) -> None:
    page = timeline_page(conn, HOOPS, limit=100)
    sessions = [e for e in page if e.kind == "session"]
    n_sessions, n_events = conn.execute(
        "SELECT COUNT(DISTINCT session_id), COUNT(*) FROM web_event WHERE customer_id = ?", (HOOPS,)
    ).fetchone()
    assert len(sessions) == n_sessions < n_events
    recent = [e for e in sessions if e.occurred_at >= "2026-11-18"]
    assert all(e.session is not None for e in recent)
    assert [e.session.devices for e in recent if e.session] == [
        ("mobile",),
        ("desktop",),
        ("mobile",),
        ("desktop",),
    ]
    today, cart, _, first = (e.session for e in recent)
    assert today is not None and cart is not None and first is not None
    assert (today.product_views, today.category, today.searches) == (2, "Basketball hoops", ())
    assert cart.added_to_cart and cart.checkout and not cart.ordered
    assert (recent[1].amount, recent[1].currency) == (34900, "EUR")
    assert (first.product_views, first.searches) == (3, ("basketball hoop",))
    assert all(e.channel == "web" and e.id.startswith("web:") for e in sessions)


def test_timeline_reads_index_ranges(conn: sqlite3.Connection) -> None:
    """Every statement a page runs is an index search on the customer's rows, never a table scan."""
    cid = _busiest(conn)
    statements: list[tuple[str, Any]] = []

    class Recorder:
        def execute(self, sql: str, args: Any = ()) -> sqlite3.Cursor:
            statements.append((sql, args))
            return conn.execute(sql, args)

    first = timeline_page(Recorder(), cid, limit=20)  # type: ignore[arg-type]
    timeline_page(Recorder(), cid, limit=20, before=first[-1].key)  # type: ignore[arg-type]
    timeline_page(Recorder(), cid, limit=20, channels=frozenset({"web", "phone"}))  # type: ignore[arg-type]
    assert statements
    for sql, args in statements:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, args)]
        assert not any(step.startswith("SCAN") for step in plan), (sql, plan)
        main = next(s for s in plan if s.startswith("SEARCH") and "store" not in s.split()[1])
        assert "_customer_time" in main, (sql, plan)


# --------------------------------------------------------------------------------------------------
# Intent, orders, offers


def test_intent_inputs_feed_the_summary(conn: sqlite3.Connection) -> None:
    events, products = intent_inputs(conn, HOOPS, FIXED_NOW - timedelta(days=30))
    assert len(events) == 12
    assert [e["occurred_at"] for e in events] == sorted(e["occurred_at"] for e in events)
    assert {e["product_id"] for e in events if e["product_id"]} == set(products)
    assert any(p["price"] == 34900 for p in products.values())
    summary = summarize_intent(events, products, FIXED_NOW).summary
    # "Researching basketball hoops: 9 views over 3 days on 2 devices; cart of EUR 349 abandoned
    # yesterday" (rapport.ui.common.wording writes it; tests/ui/test_wording.py reads it).
    assert (summary.kind, summary.topic) == ("researching", "basketball hoops")
    assert summary.research == Research(views=9, days=3, devices=2, days_ago=0)
    assert summary.cart == PendingCart("abandoned", 34900, "EUR", 1)
    # The same window as a text timestamp.
    assert intent_inputs(conn, HOOPS, "2026-10-21T15:30:00Z")[0] == events


def test_intent_names_the_product_the_order_row_names(conn: sqlite3.Connection) -> None:
    """Issue 14: Nadia's intent said she bought the basketball while her order's row (timeline and
    purchases) and the thank-you suggestion name the hoop. The intent now names the order's first
    item, as the rows do."""
    events, products = intent_inputs(conn, COMPLAINT, FIXED_NOW - timedelta(days=30))
    purchase = summarize_intent(events, products, FIXED_NOW).summary.purchase
    order = orders_page(conn, COMPLAINT, 1, 0)[0]
    row = next(
        e
        for e in timeline_page(conn, COMPLAINT, limit=100)
        if e.kind == "order" and e.reference == order.number
    )
    assert row.items is not None and row.items.first == order.lines[0].name
    assert purchase is not None and (purchase.product, purchase.others) == (order.lines[0].name, 1)


def test_orders_with_lines(conn: sqlite3.Connection) -> None:
    orders = orders_page(conn, COMPLAINT, 10, 0)
    assert [o.placed_at for o in orders] == sorted((o.placed_at for o in orders), reverse=True)
    hoop = orders[0]
    assert hoop.channel == "web" and hoop.status == "delivered" and hoop.store_name is None
    assert [line.quantity for line in hoop.lines] == [1, 1]
    assert "basketball hoop" in hoop.lines[0].name
    assert hoop.lines[1].size == "7"  # the ball
    assert hoop.subtotal == sum(line.amount for line in hoop.lines)
    assert hoop.total == hoop.subtotal + hoop.shipping
    assert orders[1].store_name == "Paris Opéra"
    # Paging by offset.
    assert orders_page(conn, COMPLAINT, 1, 1) == orders[1:2]
    assert orders_page(conn, COMPLAINT, 10, 2) == []


def test_orders_with_returns(conn: sqlite3.Connection) -> None:
    cid, number = conn.execute(
        "SELECT o.customer_id, o.number FROM orders AS o, json_each(o.lines) AS j"
        " WHERE json_extract(j.value, '$.returned_quantity') > 0 LIMIT 1"
    ).fetchone()
    order = next(o for o in orders_page(conn, cid, 1000, 0) if o.number == number)
    returned = [line for line in order.lines if line.returned_quantity]
    assert returned and all(line.return_reason for line in returned)
    assert order.refunded == sum(line.returned_quantity * line.unit_price for line in returned) > 0


def test_offers(conn: sqlite3.Connection) -> None:
    vip = offers(conn, VIP)
    assert vip[0].code == "VIP-20-HROUSSEAU"
    assert (vip[0].channel, vip[0].campaign, vip[0].redeemed) == (
        "email",
        "VIP private sale",
        False,
    )
    assert vip[0].status(FIXED_NOW) == "active"
    assert vip[0].status(FIXED_NOW + timedelta(days=30)) == "expired"
    assert [o.sent_at for o in vip] == sorted((o.sent_at for o in vip), reverse=True)
    assert offers(conn, "no-such-customer") == []
