"""Text with a NUL character is refused at every door, with the reason and nothing else lost:
PostgreSQL cannot store it (SQLite can), so the same input must get the same answer on both."""

from __future__ import annotations

import httpx

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, interaction_args, login, mutation, push, rows
from .test_systems_api import ORDER, known  # noqa: F401  (fixture)
from .tracking_payloads import basic, post_batch, py_message


def test_a_push_rejects_the_write_with_a_nul_and_applies_the_next(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    client = login(server)
    bad = interaction_args("c-0001", 0, summary="called back\x00")
    good = interaction_args("c-0001", 1)
    r = push(
        client, "dev-1", mutation(1, "interaction.log", bad), mutation(2, "interaction.log", good)
    )
    assert r.status_code == 200, r.text
    first, second = r.json()["results"]
    assert first["status"] == "rejected" and first["error"]["code"] == "invalid"
    assert "args.summary" in first["error"]["message"] and "NUL" in first["error"]["message"]
    assert second["status"] == "applied"
    assert r.json()["last_seq"] == 2  # the device's outbox moves on past the refused write
    assert rows(hub, "SELECT summary FROM interaction") == [("call number 1",)]


def test_a_push_envelope_with_a_nul_is_refused_whole(server: HubServer) -> None:
    client = login(server)
    r = push(client, "dev\x00-1", mutation(1, "interaction.log", {}))
    assert r.status_code == 422


def test_a_batch_keeps_every_message_but_the_one_with_a_nul(server: HubServer, hub: Hub) -> None:
    key = hub.add_write_key("shop.example.com")
    good = py_message("track", anonymousId="anon-ok", event="Products Searched",
                      properties={"query": "hoop"})  # fmt: skip
    bad = py_message("track", anonymousId="anon-bad", event="Products Searched",
                     properties={"query": "ho\x00op"})  # fmt: skip
    with httpx.Client(base_url=server.url, timeout=30) as http:
        r = post_batch(http, key, [bad, good])
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["accepted"] == 1
        [rejected] = body["rejected"]
        assert rejected["index"] == 0 and "properties.query" in rejected["reason"]
        one = http.post("/v1/track", json=bad, headers=basic(key))
        assert one.status_code == 400 and "NUL" in one.json()["detail"]


def test_systems_api_and_addresses_refuse_a_nul(server: HubServer, known: Hub) -> None:  # noqa: F811
    admin = login(server, "admin")
    r = admin.post("/v1/orders", json={**ORDER, "external_id": "T-\x00"})
    assert r.status_code == 400 and "external_id" in r.json()["detail"]
    assert rows(known, "SELECT count(*) FROM orders") == [(0,)]
    r = admin.get("/v1/customers/search", params={"q": "ana\x00"})
    assert r.status_code == 400 and "NUL" in r.json()["detail"]
    assert admin.get("/v1/customers/c-0001%00/export").status_code == 400
    r = httpx.post(f"{server.url}/v1/auth/login", json={"username": "admin\x00", "password": "x"})
    assert r.status_code == 422
