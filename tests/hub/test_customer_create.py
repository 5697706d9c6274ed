"""``customer.create`` over real HTTP: a new customer with the writes queued behind it, a caller
the hub already knows merged at once, bad details refused, a repeat answered once."""

from __future__ import annotations

import uuid

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, interaction_args, login, mutation, pull_all, push, rows

NOW = "2026-02-01T09:00:00Z"


def _create_args(n: int, **over: object) -> dict:
    return {
        "id": str(uuid.UUID(int=1000 + n)),
        "given_name": "Zoé",
        "family_name": "Nouvelle",
        "identities": [
            {"id": str(uuid.UUID(int=2000 + n)), "kind": "phone", "value": "+33698765432"},
            {"id": str(uuid.UUID(int=3000 + n)), "kind": "email", "value": "Zoe.N@example.org"},
        ],
        "consent": {"sms": {"status": "granted", "source": "agent, on the call",
                            "effective_at": NOW}},
        **over,
    }  # fmt: skip


def _rows(hub: Hub, sql: str, *params: object) -> list[tuple]:
    return rows(hub, sql, *params)


def test_a_new_customer_and_a_call_logged_behind_it_arrive_in_order(
    server: HubServer, hub: Hub
) -> None:
    c = login(server)
    args = _create_args(1)
    cid = args["id"]
    body = push(
        c,
        "dev-1",
        mutation(1, "customer.create", args),
        mutation(2, "interaction.log", interaction_args(cid)),
    ).json()
    assert [r["status"] for r in body["results"]] == ["applied", "applied"], body
    assert body["results"][0]["result"] == {"customer_id": cid}
    assert _rows(hub, "SELECT given_name, family_name, tier FROM customer WHERE id = ?", cid) == [
        ("Zoé", "Nouvelle", "bronze")
    ]
    idents = _rows(
        hub, "SELECT kind, normalized FROM identity WHERE customer_id = ? ORDER BY kind", cid
    )
    assert idents == [("email", "zoe.n@example.org"), ("phone", "+33698765432")]
    # The creator's device hears of it (and of its consent) through the change feed.
    feed = pull_all(c)["changes"]
    [row] = [ch["data"] for ch in feed if ch["entity"] == "customer" and ch["id"] == cid]
    assert row["consent"]["sms"]["status"] == "granted"
    # Hub search finds the new customer by the number as a caller ID gives it.
    hits = c.get("/v1/customers/search", params={"q": "06 98 76 54 32"}).json()
    assert cid in [h["id"] for h in hits["results"]]
    # Sent again by a rebuilt cache: nothing is created twice.
    again = push(c, "dev-2", mutation(1, "customer.create", args)).json()
    assert again["results"][0]["result"]["duplicate"] is True
    assert _rows(hub, "SELECT count(*) FROM customer WHERE id = ?", cid) == [(1,)]


def test_a_caller_already_known_by_phone_is_merged_into_the_existing_customer(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    hub.write(
        "identity",
        [{"id": "i-1", "customer_id": "c-0001", "kind": "phone", "value": "06 98 76 54 32",
          "label": "mobile", "is_primary": 1, "created_at": NOW}],
    )  # fmt: skip
    c = login(server)
    args = _create_args(2)
    body = push(
        c,
        "dev-1",
        mutation(1, "customer.create", args),
        mutation(2, "interaction.log", interaction_args(args["id"], 5)),
    ).json()
    first, second = body["results"]
    assert first["status"] == "applied"
    assert first["result"] == {"customer_id": "c-0001", "merged_into": "c-0001", "matched": "phone"}
    # The call queued for the new id lands on the existing customer.
    assert second["status"] == "applied" and second["result"]["customer_id"] == "c-0001"
    assert _rows(hub, "SELECT count(*) FROM customer WHERE id = ?", args["id"]) == [(0,)]
    phones = _rows(hub, "SELECT count(*) FROM identity WHERE normalized = '+33698765432'")
    assert phones == [(1,)]  # not a second copy of the same number
    emails = _rows(hub, "SELECT customer_id FROM identity WHERE normalized = 'zoe.n@example.org'")
    assert emails == [("c-0001",)]  # the new email joined the existing profile
    # A device following the feed is told where the new id went.
    feed = pull_all(c)["changes"]
    redirects = [ch for ch in feed if ch["op"] == "redirect"]
    assert [(r["id"], r["data"]["into"]) for r in redirects] == [(args["id"], "c-0001")]


def test_bad_details_are_refused_with_the_field_named(server: HubServer, hub: Hub) -> None:
    c = login(server)
    cases = {
        "given_name or family_name": _create_args(3, given_name=" ", family_name=None),
        "email": _create_args(4, identities=[
            {"id": str(uuid.UUID(int=9)), "kind": "email", "value": "zoe@"}]),
        "phone": _create_args(5, identities=[
            {"id": str(uuid.UUID(int=10)), "kind": "phone", "value": "06 98 76 54 32"}]),
        "id": _create_args(6, id="not-a-uuid"),
        "consent": _create_args(7, consent={"fax": {"status": "granted"}}),
    }  # fmt: skip
    batch = [mutation(i + 1, "customer.create", a) for i, a in enumerate(cases.values())]
    results = push(c, "dev-1", *batch).json()["results"]
    for (field, _), res in zip(cases.items(), results, strict=True):
        assert res["status"] == "rejected", field
        assert res["error"]["code"] == "invalid"
        assert field in res["error"]["message"], (field, res["error"]["message"])
    assert _rows(hub, "SELECT count(*) FROM customer") == [(0,)]
