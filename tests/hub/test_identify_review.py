"""A website's identify may not take over a customer with history: the older profile keeps its name,
a web identify only fills what is empty, and a doubtful match becomes a merge proposal that a
supervisor or an admin approves (the merge runs) or rejects. Real hub over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, login, rows
from .tracking_payloads import post_batch, product_row, py_message


@pytest.fixture
def write_key(staff: Hub) -> str:
    staff.write("product", [product_row(1)])
    return staff.add_write_key("shop.example.com")


@pytest.fixture
def http(server: HubServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture
def ana(staff: Hub) -> str:
    """A silver customer with five orders, known by her email."""
    staff.write("customer", [{**customer_row(1), "tier": "silver"}])
    staff.write("identity", [{"id": "i-1", "customer_id": "c-0001", "kind": "email",
                              "value": "ana@example.org", "is_primary": 1,
                              "created_at": "2025-01-01T00:00:00Z"}])  # fmt: skip
    staff.write("order", [{"id": f"o-{n}", "customer_id": "c-0001", "number": f"N-{n}",
                           "channel": "store", "status": "delivered", "total": 5_000,
                           "currency": "EUR", "placed_at": f"2025-0{n}-01T10:00:00Z",
                           "lines": []} for n in range(1, 6)])  # fmt: skip
    return "c-0001"


def _send(http: httpx.Client, key: str, *messages: dict) -> None:
    r = post_batch(http, key, list(messages))
    assert r.json()["accepted"] == len(messages), r.text


def _profile(hub: Hub, cid: str) -> tuple:
    [row] = rows(hub, "SELECT given_name, family_name, tier FROM customer WHERE id = ?", cid)
    return row


def _owner(hub: Hub, kind: str, value: str) -> list[str]:
    return [c for (c,) in rows(hub, "SELECT customer_id FROM identity WHERE kind = ? AND"
                                    " normalized = ?", kind, value)]  # fmt: skip


def _reviews(hub: Hub) -> list[tuple]:
    return rows(hub, "SELECT customer_id, into_id, status FROM merge_review ORDER BY created_at")


def test_a_web_account_claiming_a_customers_email_does_not_take_her_over(
    http: httpx.Client, staff: Hub, write_key: str, ana: str
) -> None:
    # A visitor makes a web account under another name, then gives Ana's email.
    _send(http, write_key, py_message("identify", anonymousId="anon-eve", userId="web-77",
                                      traits={"firstName": "Eve", "lastName": "Mallory"}))  # fmt: skip
    [eve] = _owner(staff, "user_id", "web-77")
    _send(http, write_key, py_message("identify", anonymousId="anon-eve", userId="web-77",
                                      traits={"email": "ana@example.org"}))  # fmt: skip
    # Ana is still Ana, with her orders; Eve's profile is apart, proposed for review.
    assert _profile(staff, ana) == ("Given1", "Family1", "silver")
    assert rows(staff, "SELECT count(*) FROM orders WHERE customer_id = ?", ana) == [(5,)]
    assert _profile(staff, eve)[:2] == ("Eve", "Mallory")
    assert rows(staff, "SELECT count(*) FROM customer_alias") == [(0,)]
    assert _owner(staff, "email", "ana@example.org") == [ana]
    assert _owner(staff, "user_id", "web-77") == [eve]
    assert _reviews(staff) == [(eve, ana, "pending")]


def test_a_web_identify_naming_the_customer_differently_is_held_apart(
    http: httpx.Client, staff: Hub, write_key: str, ana: str
) -> None:
    view = py_message("track", anonymousId="anon-x", event="Product Viewed",
                      properties={"product_id": "p-00001"})  # fmt: skip
    ident = py_message("identify", anonymousId="anon-x",
                       traits={"email": "ana@example.org", "name": "Eve Mallory"})  # fmt: skip
    _send(http, write_key, view, ident)
    assert _profile(staff, ana) == ("Given1", "Family1", "silver")
    [visitor] = _owner(staff, "anonymous_id", "anon-x")
    assert visitor != ana
    assert _profile(staff, visitor)[:2] == ("Eve", "Mallory")
    assert rows(staff, "SELECT customer_id FROM web_event") == [(visitor,)]
    assert _owner(staff, "email", "ana@example.org") == [ana]
    assert _reviews(staff) == [(visitor, ana, "pending")]
    # The same claim again is not proposed twice.
    again = py_message("identify", anonymousId="anon-x",
                       traits={"email": "ana@example.org", "name": "Eve Mallory"})  # fmt: skip
    _send(http, write_key, again)
    assert len(_reviews(staff)) == 1


@pytest.mark.parametrize("traits", [{}, {"firstName": "given1"}, {"name": "Given1 Family1"}])
def test_a_web_identify_agreeing_with_the_customer_joins_her(
    http: httpx.Client, staff: Hub, write_key: str, ana: str, traits: dict
) -> None:
    view = py_message("track", anonymousId="anon-a", event="Product Viewed",
                      properties={"product_id": "p-00001"})  # fmt: skip
    ident = py_message("identify", anonymousId="anon-a", userId="web-1",
                       traits={"email": "ana@example.org", **traits})  # fmt: skip
    _send(http, write_key, view, ident)
    assert _owner(staff, "anonymous_id", "anon-a") == [ana]
    assert _owner(staff, "user_id", "web-1") == [ana]
    assert rows(staff, "SELECT customer_id FROM web_event") == [(ana,)]
    assert _profile(staff, ana) == ("Given1", "Family1", "silver")
    assert _reviews(staff) == []


def test_a_browser_already_someone_elses_is_proposed_not_merged(
    http: httpx.Client, staff: Hub, write_key: str, ana: str
) -> None:
    # A shared computer: Bob identified on it first, then Ana signs in on it.
    _send(http, write_key, py_message("identify", anonymousId="anon-pc",
                                      traits={"email": "bob@example.org"}))  # fmt: skip
    [bob] = _owner(staff, "email", "bob@example.org")
    _send(http, write_key, py_message("identify", anonymousId="anon-pc",
                                      traits={"email": "ana@example.org"}))  # fmt: skip
    assert _owner(staff, "anonymous_id", "anon-pc") == [bob]
    assert rows(staff, "SELECT count(*) FROM customer") == [(2,)]
    assert _reviews(staff) == [(bob, ana, "pending")]


def test_supervisors_approve_or_reject_proposed_merges(
    server: HubServer, http: httpx.Client, staff: Hub, write_key: str, ana: str
) -> None:
    for anon, name in (("anon-1", "Eve Mallory"), ("anon-2", "Ana Other")):
        _send(http, write_key, py_message("identify", anonymousId=anon,
                                          traits={"email": "ana@example.org", "name": name}))  # fmt: skip
    assert login(server, "agent").get("/v1/admin/merge-reviews").status_code == 403
    sup = login(server, "super")
    # Oldest first; two proposals made in the same second come in either order.
    listed = sorted(sup.get("/v1/admin/merge-reviews").json()["reviews"],
                    key=lambda r: r["customer"]["given_name"] != "Eve")  # fmt: skip
    assert [(r["into"]["id"], r["customer"]["given_name"], r["status"]) for r in listed] == [
        (ana, "Eve", "pending"), (ana, "Ana", "pending")
    ]  # fmt: skip
    assert listed[0]["into"]["given_name"] == "Given1" and listed[0]["reason"]
    first, second = listed[0]["id"], listed[1]["id"]
    r = sup.post(f"/v1/admin/merge-reviews/{second}/approve")
    assert r.status_code == 200, r.text
    other = listed[1]["customer"]["id"]
    assert (r.json()["merged"], r.json()["into"]) == (other, ana)
    [(reason,)] = rows(staff, "SELECT reason FROM customer_alias WHERE alias_id = ?", other)
    assert reason.startswith("merge review:")
    assert _profile(staff, ana) == ("Given1", "Family1", "silver")
    assert _owner(staff, "anonymous_id", "anon-2") == [ana]
    r = sup.post(f"/v1/admin/merge-reviews/{first}/reject")
    assert (r.status_code, r.json()["status"]) == (200, "rejected")
    assert sup.post(f"/v1/admin/merge-reviews/{first}/approve").status_code == 409
    assert sup.post("/v1/admin/merge-reviews/nope/approve").status_code == 404
    assert sorted(r["status"] for r in sup.get("/v1/admin/merge-reviews",
                                               params={"status": "all"}).json()["reviews"]) == [
        "approved", "rejected"
    ]  # fmt: skip
    assert sup.get("/v1/admin/merge-reviews").json()["reviews"] == []
    # A rejected pair is not proposed again.
    _send(http, write_key, py_message("identify", anonymousId="anon-1",
                                      traits={"email": "ana@example.org", "name": "Eve Mallory"}))  # fmt: skip
    assert sup.get("/v1/admin/merge-reviews").json()["reviews"] == []


def test_a_web_profile_that_absorbed_a_customer_has_her_history(
    server: HubServer, http: httpx.Client, staff: Hub, write_key: str
) -> None:
    # A supervisor merged a CRM customer (no orders) into a website's profile by hand.
    staff.write("customer", [customer_row(2)])
    _send(
        http, write_key, py_message("identify", userId="web-5", traits={"email": "x@example.org"})
    )
    [web] = _owner(staff, "user_id", "web-5")
    assert login(server, "super").post("/v1/admin/customers/c-0002/merge",
                                       json={"into": web, "reason": "same person"}).status_code == 200  # fmt: skip
    # A visitor giving that email under another name is not folded into her.
    _send(http, write_key, py_message("identify", anonymousId="anon-e",
                                      traits={"email": "x@example.org", "name": "Eve Mallory"}))  # fmt: skip
    [visitor] = _owner(staff, "anonymous_id", "anon-e")
    assert visitor != web
    assert _reviews(staff) == [(visitor, web, "pending")]
