"""Pinning a customer outside one's scope: the history now, the changes later; and which redirects
and purges reach a restricted scope."""

from __future__ import annotations

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import business, customer_row, interaction_args, login, mutation, pull_all, push

MINE, OTHER = "c-0001", "c-0002"  # MINE is in the associate's store st-a, OTHER in st-b


def _interaction(customer_id: str, n: int) -> dict:
    return {**interaction_args(customer_id, n), "user_id": None}


def _seed(hub: Hub) -> None:
    hub.write("customer", [customer_row(1, "st-a"), customer_row(2, "st-b")])
    hub.write("interaction", [_interaction(MINE, 1), _interaction(OTHER, 2)])
    hub.write("interaction", [_interaction(OTHER, 3)])


def test_subscribe_answers_the_history_and_later_pulls_carry_the_customer(
    server: HubServer, hub: Hub
) -> None:
    _seed(hub)
    assoc = login(server, "assoc")
    body = pull_all(assoc)
    mine = {MINE, interaction_args(MINE, 1)["id"]}
    assert {ch["id"] for ch in business(body["changes"])} == mine
    cursor = body["cursor"]

    r = assoc.post("/v1/sync/subscribe", json={"customer_id": OTHER})
    assert r.status_code == 200, r.text
    changes = r.json()["changes"]
    assert [(ch["entity"], ch["op"]) for ch in changes] == [
        ("customer", "upsert"),
        ("interaction", "upsert"),
        ("interaction", "upsert"),
    ]
    assert changes[0]["id"] == OTHER and changes[0]["data"]["preferences"] == {"colors": ["black"]}
    assert {ch["data"]["id"] for ch in changes[1:]} == {
        interaction_args(OTHER, 2)["id"],
        interaction_args(OTHER, 3)["id"],
    }
    assert all(ch["version"] > 0 for ch in changes)
    assert assoc.post("/v1/sync/subscribe", json={"customer_id": OTHER}).status_code == 200

    # Changes to the pinned customer now reach the associate's pulls, from any writer.
    hub.write("interaction", [_interaction(OTHER, 4)])
    agent = login(server, "agent")
    update = {"customer_id": OTHER, "changes": [{"field": "notes", "base": None, "new": "hi"}]}
    assert push(agent, "dev", mutation(1, "customer.update", update)).is_success
    later = pull_all(assoc, cursor)
    got = {(ch["entity"], ch["id"]) for ch in later["changes"]}
    assert got == {("interaction", interaction_args(OTHER, 4)["id"]), ("customer", OTHER)}
    assert next(ch for ch in later["changes"] if ch["id"] == OTHER)["data"]["notes"] == "hi"

    # Unpinned: its changes stop flowing; other associates never saw them.
    assert assoc.delete(f"/v1/sync/subscribe/{OTHER}").status_code == 204
    assert assoc.delete(f"/v1/sync/subscribe/{OTHER}").status_code == 204
    hub.write("interaction", [_interaction(OTHER, 5)])
    assert pull_all(assoc, later["cursor"])["changes"] == []


def test_subscribe_errors_and_a_merged_id(server: HubServer, hub: Hub) -> None:
    _seed(hub)
    assoc = login(server, "assoc")
    assert assoc.post("/v1/sync/subscribe", json={"customer_id": "nobody"}).status_code == 404
    r = assoc.post("/v1/sync/subscribe", json={})
    assert r.status_code == 422 and "customer_id" in r.text
    hub.write("customer", [customer_row(3, "st-c")])
    hub.merge(OTHER, "c-0003", "duplicate")
    changes = assoc.post("/v1/sync/subscribe", json={"customer_id": OTHER}).json()["changes"]
    assert changes[0]["id"] == "c-0003"
    assert changes[-1] == {
        "entity": "customer",
        "op": "redirect",
        "id": OTHER,
        "version": 0,
        "data": {"into": "c-0003"},
    }
    assert len([ch for ch in changes if ch["entity"] == "interaction"]) == 2


def test_redirects_and_purges_reach_a_restricted_scope(server: HubServer, hub: Hub) -> None:
    hub.add_user("admin", "s3cret-pass", "Ada Admin", "admin")
    _seed(hub)
    hub.write("customer", [customer_row(3, "st-b"), customer_row(4, "st-b")])
    assoc = login(server, "assoc")
    assert assoc.post("/v1/sync/subscribe", json={"customer_id": OTHER}).is_success
    cursor = pull_all(assoc)["cursor"]
    # MINE (st-a) is merged into a st-b customer; OTHER (pinned) is erased; c-0004 is unrelated.
    hub.merge(MINE, "c-0003", "duplicate")
    r = login(server, "admin").post(
        f"/v1/admin/customers/{OTHER}/erase", json={"reason": "request"}
    )
    assert r.status_code == 200
    hub.write("customer", [{**customer_row(4, "st-b"), "tier": "gold"}])
    changes = pull_all(assoc, cursor)["changes"]
    assert [(ch["op"], ch["id"], ch["data"]) for ch in changes] == [
        ("redirect", MINE, {"into": "c-0003"}),
        ("purge", OTHER, None),
    ]
    # The rows moved to c-0003 stay outside this associate's scope.
    assert not [ch for ch in pull_all(assoc)["changes"] if ch["id"] in ("c-0003", "c-0004")]
