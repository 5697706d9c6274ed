"""Segment-compatible tracking over real HTTP: messages as Segment's SDKs send them, write keys,
dedupe, clock skew, anonymous browsing joined on identify, merges on a shared email, e-commerce
events as web events and orders, and the 400/413 answers."""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from rapport.hub.ingest import pending
from rapport.hub.ingest.messages import BadMessage, parse_message
from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, login, pull_all, rows
from .tracking_payloads import (
    DESKTOP_UA,
    basic,
    js_message,
    post_batch,
    product_row,
    py_message,
    variant_row,
)


@pytest.fixture
def write_key(hub: Hub) -> str:
    hub.write("product", [product_row(1), product_row(2, "Basketballs", 2_999)])
    hub.write(
        "variant", [variant_row(1, 1, None, "black"), variant_row(2, 1, "7", "orange", 2_999)]
    )
    return hub.add_write_key("shop.example.com")


@pytest.fixture
def http(server: HubServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def _rows(hub: Hub, sql: str, *params: object) -> list[tuple]:
    return rows(hub, sql, *params)


def _owner_of(hub: Hub, kind: str, value: str) -> str:
    [(cid,)] = _rows(hub, "SELECT customer_id FROM identity WHERE kind = ? AND normalized = ?",
                     kind, value)  # fmt: skip
    return cid


def test_anonymous_browsing_joins_the_customer_on_identify(
    server: HubServer, http: httpx.Client, hub: Hub, write_key: str
) -> None:
    anon = str(uuid.uuid4())
    viewed = js_message(
        "track", anon, event="Product Viewed",
        properties={"product_id": "p-00001", "sku": "HOOP-00001-BLA", "category": "Basketball hoops",
                    "name": "Pro Dunk 1", "price": 499.99, "currency": "EUR"},
    )  # fmt: skip
    searched = js_message(
        "track", anon, event="Products Searched", properties={"query": "54 inch hoop"}
    )
    page = js_message("page", anon, name="Hoops", properties={"path": "/hoops"})
    r = http.post("/v1/batch", content=json.dumps({"batch": [viewed, searched, page],
                  "writeKey": write_key}), headers={"Content-Type": "text/plain"})  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["accepted"] == 3
    # Not yet anyone's: held back, out of every device's change feed.
    assert _rows(hub, "SELECT count(*) FROM web_event") == [(0,)]
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(3,)]

    identify = js_message(
        "identify", anon, userId="u-1001",
        traits={"email": "Jordan.Lee@Example.org", "phone": "06 12 34 56 78",
                "firstName": "Jordan", "lastName": "Lee"},
    )  # fmt: skip
    r = http.post("/v1/identify", json=identify, headers=basic(write_key))
    assert r.status_code == 200, r.text
    assert r.json() == {"success": True}

    cid = _owner_of(hub, "email", "jordan.lee@example.org")
    kinds = _rows(
        hub, "SELECT kind, normalized FROM identity WHERE customer_id = ? ORDER BY kind", cid
    )
    assert kinds == [("anonymous_id", anon), ("email", "jordan.lee@example.org"),
                     ("phone", "+33612345678"), ("user_id", "u-1001")]  # fmt: skip
    assert _rows(hub, "SELECT given_name, family_name FROM customer WHERE id = ?", cid) == [
        ("Jordan", "Lee")
    ]
    events = _rows(
        hub, "SELECT event, product_id, category, query, device, value, customer_id FROM web_event"
        " ORDER BY event",
    )  # fmt: skip
    assert events == [
        ("Page Viewed", None, None, None, "mobile", None, cid),
        ("Product Viewed", "p-00001", "Basketball hoops", None, "mobile", 49_999, cid),
        ("Products Searched", None, None, "54 inch hoop", "mobile", None, cid),
    ]
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(0,)]
    # The SDK sends no session: one visitor's day is one session on the timeline.
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    assert _rows(hub, "SELECT DISTINCT session_id FROM web_event") == [(f"{anon}/{day}",)]
    # Later browsing on the same device goes straight to the customer.
    later = js_message("track", anon, event="Cart Viewed", properties={"value": 499.99})
    assert http.post("/v1/track", json=later, headers=basic(write_key)).status_code == 200
    assert _rows(hub, "SELECT customer_id, value FROM web_event WHERE event = 'Cart Viewed'") == [
        (cid, 49_999)
    ]
    # And the agents' caches hear of it all through the change feed.
    agent = login(server, "agent")
    feed = pull_all(agent)["changes"]
    assert {c["data"]["event"] for c in feed if c["entity"] == "web_event"} == {
        "Page Viewed", "Product Viewed", "Products Searched", "Cart Viewed"
    }  # fmt: skip


def test_a_resent_batch_is_applied_once(http: httpx.Client, hub: Hub, write_key: str) -> None:
    messages = [
        py_message("identify", userId="u-7", traits={"email": "sam@example.org"}),
        py_message("track", userId="u-7", event="Product Added",
                   properties={"sku": "HOOP-00002-ORA", "quantity": 1, "price": 29.99}),
    ]  # fmt: skip
    first = post_batch(http, write_key, messages).json()
    again = post_batch(http, write_key, messages).json()
    assert (first["accepted"], first["duplicates"]) == (2, 0)
    assert (again["accepted"], again["duplicates"]) == (0, 2)
    assert _rows(hub, "SELECT event, product_id FROM web_event") == [("Product Added", "p-00002")]
    assert _rows(hub, "SELECT count(*) FROM customer") == [(1,)]


def test_the_senders_clock_is_corrected_from_sent_at(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    # The phone's clock is two hours fast; the event happened 30 s before the batch was sent.
    skew = timedelta(hours=2)
    before = datetime.now(UTC)
    msg = py_message("track", at=before + skew - timedelta(seconds=30), anonymousId="a-1",
                     event="Checkout Started", properties={"value": 12.5})  # fmt: skip
    assert post_batch(http, write_key, [msg], skew=skew).status_code == 200
    after = datetime.now(UTC)
    [(row,)] = _rows(hub, "SELECT row FROM ingest_pending_event")
    occurred = datetime.fromisoformat(json.loads(row)["occurred_at"].replace("Z", "+00:00"))
    # 30 s before the hub received it (by the hub's clock, between before and after), not 2 h
    # after; however slow the machine, the bounds move with it (stored to the second).
    slack = (after - before) + timedelta(seconds=1)
    assert (
        before - timedelta(seconds=30) - slack <= occurred <= after - timedelta(seconds=30) + slack
    )


def test_a_shared_email_merges_two_profiles_with_the_reason(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    # A CRM customer with an email; the web account is created separately with a phone.
    hub.write("customer", [customer_row(1)])
    hub.write("identity", [{"id": "i-1", "customer_id": "c-0001", "kind": "email",
                            "value": "Ana@Example.org", "is_primary": 1,
                            "created_at": "2025-01-01T00:00:00Z"}])  # fmt: skip
    first = py_message("identify", userId="web-42", traits={"phone": "+33 6 98 76 54 32"})
    assert post_batch(http, write_key, [first]).json()["accepted"] == 1
    web = _owner_of(hub, "user_id", "web-42")
    assert web != "c-0001"
    # The account then gives the same email: one person, one profile.
    second = py_message("identify", userId="web-42", traits={"email": "ana@example.org"})
    assert post_batch(http, write_key, [second]).json()["accepted"] == 1
    # The profile with history (the CRM's) survives and keeps its name; the web account, which
    # has none of its own, is folded into it.
    assert _rows(hub, "SELECT alias_id, customer_id, reason FROM customer_alias") == [
        (web, "c-0001", "identity resolution: shared email and user_id (tracking identify)")
    ]
    # In the audit trail too, made by no user (the hub's identity resolution).
    [(user, detail)] = _rows(
        hub,
        "SELECT user_id, detail FROM audit_event WHERE action = 'merge' AND customer_id = ?",
        "c-0001",
    )
    assert (user, json.loads(detail)["merged"]) == (None, web)
    assert _rows(hub, "SELECT given_name FROM customer") == [("Given1",)]
    kinds = _rows(hub, "SELECT kind FROM identity WHERE customer_id = ? ORDER BY kind", "c-0001")
    assert kinds == [("email",), ("phone",), ("user_id",)]
    assert _rows(hub, "SELECT count(*) FROM customer") == [(1,)]


def test_order_completed_and_refunded(http: httpx.Client, hub: Hub, write_key: str) -> None:
    hub.write("customer", [customer_row(2)])
    hub.write("identity", [{"id": "i-2", "customer_id": "c-0002", "kind": "user_id",
                            "value": "u-2", "created_at": "2025-01-01T00:00:00Z"}])  # fmt: skip
    completed = py_message(
        "track", userId="u-2", event="Order Completed",
        properties={"checkout_id": "fksdjfsdjfisjf9sdfjsd9f", "order_id": "50314b8e9bcf000000000000",
                    "affiliation": "Google Store", "total": 559.97, "subtotal": 529.98,
                    "revenue": 529.98, "shipping": 29.99, "tax": 0, "discount": 0, "coupon": "",
                    "currency": "EUR",
                    "products": [
                        {"product_id": "p-00001", "sku": "HOOP-00001-BLA", "name": "Pro Dunk 1",
                         "price": 499.99, "quantity": 1, "category": "Basketball hoops"},
                        {"product_id": "p-00002", "sku": "HOOP-00002-ORA", "name": "Ball",
                         "price": 14.995, "quantity": 2},
                    ]},
    )  # fmt: skip
    r = post_batch(http, write_key, [completed])
    assert r.json()["accepted"] == 1, r.text
    [(number, cust, status, total, shipping, lines)] = _rows(
        hub, "SELECT number, customer_id, status, total, shipping, lines FROM orders"
    )
    assert (number, cust, status, total, shipping) == (
        "50314b8e9bcf000000000000", "c-0002", "processing", 55_997, 2_999
    )  # fmt: skip
    lines = json.loads(lines)
    assert [(ln["variant_id"], ln["color"], ln["quantity"], ln["unit_price"]) for ln in lines] == [
        ("v-00001-01", "black", 1, 49_999),
        ("v-00002-01", "orange", 2, 1_500),
    ]
    refunded = py_message(
        "track", userId="u-2", event="Order Refunded",
        properties={"order_id": "50314b8e9bcf000000000000",
                    "products": [{"sku": "HOOP-00002-ORA", "quantity": 2}]},
    )  # fmt: skip
    assert post_batch(http, write_key, [refunded]).json()["accepted"] == 1
    [(status, lines)] = _rows(hub, "SELECT status, lines FROM orders")
    returned = [ln["returned_quantity"] for ln in json.loads(lines)]
    assert (status, returned) == ("processing", [0, 2])
    full = py_message("track", userId="u-2", event="Order Refunded",
                      properties={"order_id": "50314b8e9bcf000000000000"})  # fmt: skip
    post_batch(http, write_key, [full])
    assert _rows(hub, "SELECT status FROM orders") == [("returned",)]
    assert _rows(hub, "SELECT event FROM web_event ORDER BY occurred_at, event") == [
        ("Order Completed",), ("Order Refunded",), ("Order Refunded",)
    ]  # fmt: skip


def test_alias_links_the_previous_id(http: httpx.Client, hub: Hub, write_key: str) -> None:
    view = py_message("track", anonymousId="anon-9", event="Product Viewed",
                      properties={"product_id": "p-00001"},
                      context={**py_message("x")["context"], "userAgent": DESKTOP_UA})  # fmt: skip
    ident = py_message("identify", userId="u-9", traits={"email": "lou@example.org"})
    alias = py_message("alias", previousId="anon-9", userId="u-9")
    r = post_batch(http, write_key, [view, ident, alias])
    assert r.json()["accepted"] == 3, r.text
    cid = _owner_of(hub, "user_id", "u-9")
    assert _owner_of(hub, "anonymous_id", "anon-9") == cid
    assert _rows(hub, "SELECT customer_id, device FROM web_event") == [(cid, "desktop")]


@pytest.mark.parametrize(
    ("path", "body", "reason"),
    [
        ("/v1/track", {"anonymousId": "a", "properties": {}}, "track needs an event name"),
        ("/v1/track", {"event": "Product Viewed"}, "userId or anonymousId is required"),
        ("/v1/alias", {"userId": "u-1"}, "alias needs previousId and userId"),
        ("/v1/identify", {"userId": "u", "traits": {"email": "nope"}}, "traits.email is not"),
        ("/v1/page", {"userId": "u", "timestamp": "yesterday"}, "timestamp is not an ISO-8601"),
        ("/v1/group", {"userId": "u"}, "group needs a groupId"),
        ("/v1/track", {"userId": "u", "event": "Order Completed", "properties": {}},
         "properties.order_id is required"),
    ],
)  # fmt: skip
def test_bad_messages_get_400_with_the_reason(
    http: httpx.Client, write_key: str, path: str, body: dict, reason: str
) -> None:
    r = http.post(path, json=body, headers=basic(write_key))
    assert r.status_code == 400
    assert r.json()["detail"].startswith(reason)


def test_not_json_and_wrong_key(http: httpx.Client, write_key: str) -> None:
    r = http.post("/v1/track", content=b"{not json", headers=basic(write_key))
    assert (r.status_code, r.json()["detail"]) == (400, "body is not valid JSON")
    msg = py_message("track", userId="u", event="Cart Viewed")
    r = http.post("/v1/track", json=msg, headers=basic("wk_not-a-key"))
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Basic")
    assert http.post("/v1/track", json=msg).status_code == 401


def test_oversized_payloads_get_413(http: httpx.Client, hub: Hub, write_key: str) -> None:
    big = py_message("track", userId="u", event="Product Viewed",
                     properties={"description": "x" * 33_000})  # fmt: skip
    r = http.post("/v1/track", json=big, headers=basic(write_key))
    assert r.status_code == 413
    many = [py_message("track", userId="u", event="Product Viewed",
                       properties={"blurb": "y" * 20_000}) for _ in range(30)]  # fmt: skip
    assert post_batch(http, write_key, many).status_code == 413
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(0,)]


def test_a_batch_with_bad_messages_keeps_the_rest(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    good = [py_message("track", anonymousId=f"a-{i}", event="Product Viewed",
                       properties={"sku": "HOOP-00001"}) for i in range(3)]  # fmt: skip
    no_event = py_message("track", anonymousId="a-x")
    too_big = py_message("track", anonymousId="a-y", event="Product Viewed",
                         properties={"blurb": "z" * 33_000})  # fmt: skip
    # Valid on its face, fails when applied (no order_id): rolled back alone.
    bad_order = py_message("track", userId="u-1", event="Order Completed", properties={})
    batch = [good[0], no_event, good[1], too_big, bad_order, good[2]]
    r = post_batch(http, write_key, batch)
    assert r.status_code == 200
    body = r.json()
    assert (body["success"], body["accepted"]) == (True, 3)
    assert [(x["index"], x["messageId"]) for x in body["rejected"]] == [
        (1, no_event["messageId"]), (3, too_big["messageId"]), (4, bad_order["messageId"])
    ]  # fmt: skip
    assert body["rejected"][0]["reason"] == "track needs an event name"
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(3,)]
    # Nothing to keep at all: 400 with the reasons.
    r = post_batch(http, write_key, [no_event])
    assert r.status_code == 400
    assert r.json()["rejected"][0]["reason"] == "track needs an event name"


def test_write_keys_are_made_by_admins_and_kept_hashed(server: HubServer, hub: Hub) -> None:
    hub.add_user("admin", "s3cret-pass", "Ada Admin", "admin")
    assert (
        login(server, "agent").post("/v1/admin/write-keys", json={"name": "app"}).status_code == 403
    )
    r = login(server, "admin").post("/v1/admin/write-keys", json={"name": "iOS app"})
    assert r.status_code == 200
    key = r.json()["write_key"]
    assert _rows(hub, "SELECT count(*) FROM ingest_write_key WHERE key_hash = ?", key) == [(0,)]
    with httpx.Client(base_url=server.url) as http:
        msg = py_message("screen", anonymousId="a-1", name="Home")
        assert http.post("/v1/screen", json=msg, headers=basic(key)).status_code == 200


ODD_BODIES = [
    {"batch": [{"type": "track", "userId": 1.5, "event": "x"}]},
    {"batch": [{"type": "track", "anonymousId": "a", "event": ["x"]}]},
    {"batch": [{"type": "identify", "userId": "u", "traits": {"phone": 612345678}}]},
    {"batch": [{"type": "identify", "userId": "u", "traits": ["email"]}]},
    {"batch": [{"type": "track", "anonymousId": "a", "event": "Order Completed",
                "properties": {"order_id": "o", "products": [{"sku": {"a": 1}, "quantity": "2"}]}}]},
    {"batch": [{"type": "track", "anonymousId": "a", "event": "Order Completed",
                "properties": {"order_id": "o", "products": "all of them"}}]},
    {"batch": [{"type": "page", "anonymousId": "a", "timestamp": "0001-01-01T00:00:00Z",
                "sentAt": "9999-12-31T23:59:59Z"}]},
    {"batch": [{"type": "track", "anonymousId": "a", "event": "e" * 500}]},
    {"batch": [{"type": "rocket", "anonymousId": "a"}], "context": "not an object"},
    {"batch": "not a list"},
    {"batch": [None, 3, "x"]},
    [1, 2, 3],
    "just a string",
]  # fmt: skip


@pytest.mark.parametrize("body", ODD_BODIES)
def test_odd_payloads_are_refused_not_crashed_on(
    http: httpx.Client, write_key: str, body: object
) -> None:
    r = http.post("/v1/batch", json=body, headers=basic(write_key))
    assert r.status_code == 400, r.text
    assert r.json().get("detail") or r.json()["rejected"]


def test_properties_of_the_wrong_type_are_ignored_not_refused(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    # Sites send all sorts of properties; only the event and the visitor are required.
    msg = py_message("track", anonymousId="a", event="Product Viewed",
                     properties={"price": {"amount": 3}, "sku": None, "query": 4})  # fmt: skip
    assert post_batch(http, write_key, [msg]).json()["accepted"] == 1
    [(row,)] = _rows(hub, "SELECT row FROM ingest_pending_event")
    held = json.loads(row)
    assert (held["value"], held["product_id"], held["query"]) == (None, None, None)


def test_analytics_js_short_paths_with_the_key_in_the_body(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    # analytics.js posts to /v1/t, /v1/p, /v1/i ... as text/plain, with writeKey in the body.
    msg = js_message("track", "anon-js", event="Product Viewed",
                     properties={"sku": "HOOP-00001-BLA"}, writeKey=write_key)  # fmt: skip
    r = http.post("/v1/t", content=json.dumps(msg), headers={"Content-Type": "text/plain"})
    assert (r.status_code, r.json()) == (200, {"success": True})
    page = js_message("page", "anon-js", writeKey=write_key)
    assert http.post("/v1/p", content=json.dumps(page)).status_code == 200
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(2,)]


def test_an_anonymous_order_reaches_the_customer_who_identifies(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    order = py_message("track", anonymousId="guest-1", event="Order Completed",
                       properties={"order_id": "G-1", "total": 29.99, "currency": "EUR",
                                   "products": [{"sku": "HOOP-00002-ORA", "quantity": 1}]})  # fmt: skip
    ident = py_message("identify", anonymousId="guest-1", traits={"email": "guest@example.org"})
    refund = py_message("track", anonymousId="guest-1", event="Order Refunded",
                        properties={"order_id": "G-1"})  # fmt: skip
    assert post_batch(http, write_key, [order, refund]).json()["accepted"] == 2
    assert _rows(hub, "SELECT count(*) FROM orders") == [(0,)]
    assert post_batch(http, write_key, [ident]).json()["accepted"] == 1
    cid = _owner_of(hub, "email", "guest@example.org")
    [(cust, total, status, lines)] = _rows(
        hub, "SELECT customer_id, total, status, lines FROM orders"
    )
    assert (cust, total, status) == (cid, 2_999, "returned")
    assert [
        (ln["variant_id"], ln["unit_price"], ln["returned_quantity"]) for ln in json.loads(lines)
    ] == [("v-00002-01", 2_999, 1)]


def test_a_buffered_write_that_fails_is_traced_to_its_message(
    hub: Hub, write_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pending.hold_many

    def refuse_one_visitor(conn, held, now):  # type: ignore[no-untyped-def]
        if any(key == ("anonymous_id", "a-bad") for key, _e, _r in held):
            raise BadMessage("refused by the database")
        real(conn, held, now)

    monkeypatch.setattr(pending, "hold_many", refuse_one_visitor)
    source = hub.tracking.source_for_key(write_key)
    assert source is not None
    msgs = [
        parse_message(py_message("track", anonymousId=a, event="Cart Viewed"), None,
                      datetime.now(UTC))
        for a in ("a-1", "a-bad", "a-2")
    ]  # fmt: skip
    outcome = hub.tracking.apply(source, msgs)
    assert (outcome.accepted, outcome.rejected) == (2, {1: "refused by the database"})
    assert _rows(hub, "SELECT key_value FROM ingest_pending_event ORDER BY key_value") == [
        ("a-1",), ("a-2",)
    ]  # fmt: skip


def test_after_the_dedupe_window_a_replay_rewrites_the_same_rows(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    hub.write("customer", [customer_row(3)])
    hub.write("identity", [{"id": "i-3", "customer_id": "c-0003", "kind": "user_id",
                            "value": "u-3", "created_at": "2025-01-01T00:00:00Z"}])  # fmt: skip
    batch = [py_message("track", userId="u-3", event="Product Viewed",
                        properties={"sku": "HOOP-00001-BLA"})]  # fmt: skip
    assert post_batch(http, write_key, batch).json()["accepted"] == 1
    assert _rows(hub, "SELECT count(*) FROM ingest_seen_message") == [(1,)]
    # The window has passed: the messageId is forgotten...
    hub.tracking.dedupe_window = timedelta(seconds=-5)
    hub.tracking.forget_expired()
    assert _rows(hub, "SELECT count(*) FROM ingest_seen_message") == [(0,)]
    again = post_batch(http, write_key, batch).json()
    assert (again["accepted"], again["duplicates"]) == (1, 0)
    # ...but the row's id comes from the messageId, so the replay lands on the same row.
    assert _rows(hub, "SELECT count(*) FROM web_event") == [(1,)]


def test_identify_fills_missing_names_but_never_overwrites_them(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    steps = [
        {"email": "kim@example.org"},
        {"email": "kim@example.org", "firstName": "Kim", "lastName": "Ito"},
        {"email": "kim@example.org", "name": "Someone Else"},
    ]
    for traits in steps:
        msg = py_message("identify", anonymousId="anon-kim", traits=traits)
        assert post_batch(http, write_key, [msg]).json()["accepted"] == 1
    assert _rows(hub, "SELECT given_name, family_name, version FROM customer") == [
        ("Kim", "Ito", 2)
    ]


def test_visitors_who_never_identify_are_forgotten(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    msg = py_message("track", anonymousId="drifter", event="Product Viewed")
    assert post_batch(http, write_key, [msg]).json()["accepted"] == 1
    hub.tracking.forget_expired()
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(1,)]
    hub.tracking.pending_window = timedelta(seconds=-5)
    hub.tracking.forget_expired()
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(0,)]


def test_gzip_bodies_are_read_and_bombs_refused(
    http: httpx.Client, hub: Hub, write_key: str
) -> None:
    msg = py_message("track", anonymousId="a-gz", event="Product Viewed")
    body = gzip.compress(json.dumps({"batch": [msg]}).encode())
    headers = {**basic(write_key), "Content-Encoding": "gzip"}
    r = http.post("/v1/batch", content=body, headers=headers)
    assert (r.status_code, r.json()["accepted"]) == (200, 1)
    bomb = gzip.compress(b'{"batch": [' + b" " * 2_000_000 + b"]}")
    assert len(bomb) < 10_000
    assert http.post("/v1/batch", content=bomb, headers=headers).status_code == 413
    r = http.post("/v1/batch", content=b"not gzip", headers=headers)
    assert (r.status_code, r.json()["detail"]) == (400, "body is not valid gzip")


def _sdk_error(r: httpx.Response) -> tuple[int, str, str]:
    """What analytics-python and rudder-sdk-python do with a non-200 answer (their request.py):
    ``APIError(status, payload['code'], payload['message'])``. A missing key raises KeyError
    instead, which their backoff retries (for minutes) whatever the status."""
    payload = r.json()
    return r.status_code, payload["code"], payload["message"]


def test_error_replies_carry_code_and_message_so_sdks_give_up(
    http: httpx.Client, write_key: str
) -> None:
    msg = py_message("track", userId="u", event="Cart Viewed")
    status, code, message = _sdk_error(http.post("/v1/batch", json={"batch": [msg]},
                                                 headers=basic("wk_not-a-key")))  # fmt: skip
    # Final for the SDKs: they retry only 5xx and 429 (consumer.py's fatal_exception).
    assert (status, code) == (401, "invalid_write_key")
    assert "write key" in message
    assert _sdk_error(http.post("/v1/track", content=b"{nope", headers=basic(write_key)))[:2] == (
        400, "invalid_json"
    )  # fmt: skip
    assert _sdk_error(http.post("/v1/track", json={"event": "x"}, headers=basic(write_key)))[
        :2
    ] == (400, "invalid_message")
    big = py_message("track", userId="u", event="x", properties={"blurb": "x" * 40_000})
    assert _sdk_error(http.post("/v1/track", json=big, headers=basic(write_key)))[:2] == (
        413, "too_large"
    )  # fmt: skip
    r = post_batch(http, write_key, [py_message("track", anonymousId="a")])
    assert _sdk_error(r)[:2] == (400, "no_valid_message")
    assert r.json()["rejected"][0]["reason"] == "track needs an event name"
    # The reason stays under ``detail`` too, for clients that read it.
    r = http.post("/v1/track", json={"event": "x"}, headers=basic(write_key))
    assert r.json()["detail"] == r.json()["message"] == "userId or anonymousId is required"


@pytest.mark.parametrize("identified", ["anon-2", "anon-1"])
def test_an_alias_between_two_unknown_ids_is_kept_until_either_identifies(
    http: httpx.Client, hub: Hub, write_key: str, identified: str
) -> None:
    def view(anon: str, sku: str = "HOOP-00001-BLA") -> dict:
        return py_message("track", anonymousId=anon, event="Product Viewed",
                          properties={"sku": sku})  # fmt: skip

    # Two devices (or a cleared cookie) of one visitor, tied by an alias while nobody knows them.
    alias = py_message("alias", previousId="anon-1", userId="anon-2")
    batch = [view("anon-1"), view("anon-2"), alias, view("anon-1", "HOOP-00002-ORA")]
    assert post_batch(http, write_key, batch).json()["accepted"] == 4
    assert _rows(hub, "SELECT count(*) FROM web_event") == [(0,)]
    # Either one identifies: both visitors' events join the customer...
    ident = py_message("identify", anonymousId=identified, traits={"email": "pat@example.org"})
    assert post_batch(http, write_key, [ident]).json()["accepted"] == 1
    cid = _owner_of(hub, "email", "pat@example.org")
    assert _rows(hub, "SELECT customer_id, count(*) FROM web_event GROUP BY customer_id") == [
        (cid, 3)
    ]
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(0,)]
    # ...and so do the later visits of both.
    later = [view("anon-1"), view("anon-2")]
    later[0]["messageId"], later[1]["messageId"] = "later-1", "later-2"
    assert post_batch(http, write_key, later).json()["accepted"] == 2
    assert _rows(hub, "SELECT customer_id, count(*) FROM web_event GROUP BY customer_id") == [
        (cid, 5)
    ]
