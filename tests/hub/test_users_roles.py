"""Users and roles over real HTTP: every endpoint tried as every role (and without a token), login
throttling, sign-out, disabling and password resets ending every session; `rapport hub user`."""

from __future__ import annotations

import argparse
import io

import httpx
import pytest
from fastapi.routing import APIRoute, iter_route_contexts

from rapport.hub.app import create_app
from rapport.hub.ingest import review
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.throttle import LoginThrottle
from rapport.hub.users_cli import add_parser, run_user

from .conftest import customer_row, login, pull_all
from .tracking_payloads import product_row, variant_row

ROLES = ("agent", "assoc", "super", "admin", "system")
ANY = frozenset({"agent", "assoc", "super", "admin"})  # every desk role; not service accounts
SIGNED_IN = frozenset(ROLES)
SUPERVISORS = frozenset({"super", "admin"})
SYSTEMS = frozenset({"system", "admin"})
# Each endpoint: who may call it, and a request that is valid apart from who sends it.
MATRIX: dict[tuple[str, str], tuple[frozenset[str], dict]] = {
    ("GET", "/v1/me"): (SIGNED_IN, {}),
    ("POST", "/v1/auth/logout"): (SIGNED_IN, {}),
    ("GET", "/v1/client/release"): (ANY, {}),
    ("GET", "/v1/sync/changes"): (ANY, {}),
    ("POST", "/v1/sync/push"): (ANY, {"json": {"device_id": "d-{role}", "schema_version": 1,
                                               "mutations": []}}),
    ("GET", "/v1/customers/search"): (ANY, {"params": {"q": "Given1"}}),
    ("POST", "/v1/sync/subscribe"): (ANY, {"json": {"customer_id": "c-0001"}}),
    ("DELETE", "/v1/sync/subscribe/{customer_id}"): (ANY, {}),
    ("GET", "/v1/admin/audit"): (SUPERVISORS, {}),
    ("GET", "/v1/customers/{customer_id}/export"): (SUPERVISORS, {}),
    ("PUT", "/v1/admin/settings/{key}"): (
        SUPERVISORS, {"json": {"value": [{"code": "resolved", "label": "Resolved"}]}}),
    ("POST", "/v1/admin/customers/{customer_id}/merge"): (
        SUPERVISORS, {"json": {"into": "c-0002", "reason": "test"}}),
    ("POST", "/v1/admin/customers/{customer_id}/erase"): (
        frozenset({"admin"}), {"json": {"reason": "test"}}),
    ("POST", "/v1/admin/write-keys"): (frozenset({"admin"}), {"json": {"name": "web shop"}}),
    ("GET", "/v1/admin/write-keys"): (frozenset({"admin"}), {}),
    ("PUT", "/v1/admin/write-keys/{key_id}/origins"): (
        frozenset({"admin"}), {"json": {"allowed_origins": ["https://shop.example.com"]}}),
    ("GET", "/v1/admin/merge-reviews"): (SUPERVISORS, {}),
    ("POST", "/v1/admin/merge-reviews/{review_id}/approve"): (SUPERVISORS, {}),
    ("POST", "/v1/admin/merge-reviews/{review_id}/reject"): (SUPERVISORS, {}),
    ("POST", "/v1/orders"): (SYSTEMS, {"json": {
        "source": "pos", "external_id": "T-1", "customer_id": "c-0001", "channel": "store",
        "status": "completed", "placed_at": "2026-11-28T15:04:00Z", "currency": "EUR",
        "lines": [{"sku": "HOOP-00001-BLA", "quantity": 1, "unit_price": 45000}]}}),
    ("POST", "/v1/interactions"): (SYSTEMS, {"json": {
        "source": "ccaas", "external_id": "call-1", "customer_id": "c-0001", "channel": "phone",
        "direction": "inbound", "kind": "call", "occurred_at": "2026-11-28T09:12:00Z",
        "summary": "Asked about delivery"}}),
}  # fmt: skip
# Signed in by other means: login itself, a sent basket's link (the token in it), and the tracking
# API (a source's write key, tests/hub/test_ingest.py).
PUBLIC = {("POST", "/v1/auth/login"), ("GET", "/b/{token}")}
TRACKING = ("/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/alias", "/v1/group",
            "/v1/batch", "/v1/t", "/v1/i", "/v1/p", "/v1/s", "/v1/a", "/v1/g", "/v1/b",
            "/v1/m")  # fmt: skip
PUBLIC |= {("POST", path) for path in TRACKING} | {("GET", "/v1/projects/{write_key}/settings")}
PATH_VALUES = {"customer_id": "c-0001", "key": "wrapup_codes", "token": "x" * 32, "key_id": "k",
               "review_id": "r"}  # fmt: skip


def _routes(hub: Hub) -> set[tuple[str, str]]:
    app = create_app(hub)
    # Through the included routers too: app.routes lists a router, not its routes.
    contexts = iter_route_contexts(app.routes)
    return {(method, c.path) for c in contexts if isinstance(c.original_route, APIRoute)
            for method in c.methods or ()}  # fmt: skip


def test_every_endpoint_is_in_the_role_matrix(hub: Hub) -> None:
    assert _routes(hub) - PUBLIC == set(MATRIX), "add the new endpoint to MATRIX"


@pytest.mark.parametrize(("method", "path"), sorted(MATRIX))
def test_each_role_gets_exactly_what_it_may(
    server: HubServer, staff: Hub, method: str, path: str
) -> None:
    allowed, request = MATRIX[(method, path)]
    url = path.format(**PATH_VALUES)
    anonymous = httpx.request(method, server.url + url, timeout=10, **request)
    assert anonymous.status_code == 401, anonymous.text
    for i, role in enumerate(ROLES):
        # Customers of their own per role: a merge or an erasure by one role does not stand in
        # the way of the next.
        cid, into = f"c-{10 + 2 * i:04d}", f"c-{11 + 2 * i:04d}"
        staff.write("customer", [customer_row(10 + 2 * i), customer_row(11 + 2 * i)])
        staff.write("product", [product_row(1)])
        staff.write("variant", [variant_row(1, 1, None, "black")])
        body = dict(request)
        if "json" in body:
            body["json"] = {
                k: ({"device_id": f"d-{role}", "into": into, "customer_id": cid}.get(k, v))
                for k, v in body["json"].items()
            }
        values = {**PATH_VALUES, "customer_id": cid}
        if "{key_id}" in path:
            values["key_id"] = staff.tracking.add_write_key(f"key of {role}")[0]
        if "{review_id}" in path:  # a merge identity resolution proposed
            with staff.engine.begin() as conn:
                values["review_id"] = review.propose(
                    conn, cid, into, "test", "2026-01-01T00:00:00Z"
                )
        c = login(server, role)
        r = c.request(method, path.format(**values), **body)
        if role in allowed:
            assert r.status_code < 400, (role, r.status_code, r.text)
        else:
            assert r.status_code == 403, (role, r.status_code, r.text)


def test_wrong_passwords_are_throttled_then_the_right_one_works(
    server: HubServer, hub: Hub
) -> None:
    hub.login_throttle = LoginThrottle(first_delay=600)  # still waiting however slow the machine
    for _ in range(6):
        r = httpx.post(f"{server.url}/v1/auth/login", json={"username": "agent", "password": "x"})
        assert r.status_code == 401
    r = httpx.post(f"{server.url}/v1/auth/login",
                   json={"username": "agent", "password": "s3cret-pass"})  # fmt: skip
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert "try again in" in r.json()["detail"]
    # Another user from the same address is not locked out by the first one's mistakes.
    assert login(server, "assoc").get("/v1/me").status_code == 200


def test_the_throttle_forgets_after_its_window() -> None:
    now = [0.0]
    t = LoginThrottle(free_failures=2, first_delay=60, forget_after=600, clock=lambda: now[0])
    for _ in range(3):
        t.failed("ana", "10.0.0.1")
    assert t.retry_after("ana", "10.0.0.1") == 60
    now[0] = 30
    assert t.retry_after("ana", "10.0.0.1") == 30
    now[0] = 61
    assert t.retry_after("ana", "10.0.0.1") == 0
    t.failed("ana", "10.0.0.1")
    assert t.retry_after("ana", "10.0.0.1") == 120
    t.succeeded("ana", "10.0.0.1")
    assert t.retry_after("ana", "10.0.0.1") == 0


def test_sign_out_disable_and_reset_end_sessions(server: HubServer, hub: Hub) -> None:
    first, second = login(server), login(server)
    assert first.post("/v1/auth/logout").status_code == 204
    assert first.get("/v1/me").status_code == 401
    assert second.get("/v1/me").status_code == 200  # only that session ended
    hub.set_user_disabled("agent", True)
    assert second.get("/v1/me").status_code == 401
    r = httpx.post(f"{server.url}/v1/auth/login",
                   json={"username": "agent", "password": "s3cret-pass"})  # fmt: skip
    assert r.status_code == 401
    hub.set_user_disabled("agent", False)
    third = login(server)
    hub.reset_password("agent", "a-new-long-password")
    assert third.get("/v1/me").status_code == 401
    r = httpx.post(f"{server.url}/v1/auth/login",
                   json={"username": "agent", "password": "a-new-long-password"})  # fmt: skip
    assert r.status_code == 200


def _cli(url: str, *argv: str, stdin: str = "") -> tuple[int, Hub]:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="hub_command"))
    args = parser.parse_args(["user", *argv, "--database", url, "--password-stdin"])
    hub = Hub.open(url)
    try:
        return run_user(args, hub, io.StringIO(stdin)), hub
    finally:
        hub.engine.dispose()


def test_rapport_hub_user(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _cli(db_url, "add", "ines", "--role", "associate", "--store", "st-a",
                   "--name", "Inès Roy", stdin="a-long-enough-pw\n")  # fmt: skip
    assert code == 0 and "ines added" in capsys.readouterr().out
    assert _cli(db_url, "add", "ines", stdin="a-long-enough-pw\n")[0] == 2  # exists
    assert _cli(db_url, "add", "bob", stdin="short\n")[0] == 2
    assert "at least 10 characters" in capsys.readouterr().err
    assert _cli(db_url, "disable", "ines")[0] == 0
    assert _cli(db_url, "disable", "nobody")[0] == 1
    capsys.readouterr()
    assert _cli(db_url, "list")[0] == 0
    assert capsys.readouterr().out.splitlines() == [
        "ines\tassociate\tdisabled store st-a\tInès Roy"
    ]


def test_a_system_account_cannot_sign_in_to_the_desktop_app(server: HubServer, staff: Hub) -> None:
    import asyncio

    from rapport.sync.client import HubClient, Rejected

    async def sign_in() -> str | None:
        async with HubClient(server.url) as client:
            with pytest.raises(Rejected, match="service account") as caught:
                await client.login("system", "s3cret-pass")
            assert "cannot sign in to the desktop app" in str(caught.value)
            return client.token

    assert asyncio.run(sign_in()) is None
    # The session the hub opened for the app was ended: no token of it is live any more.
    with staff.engine.connect() as conn:
        from sqlalchemy import select

        from rapport.hub.store.schema import token, user

        live = conn.execute(
            select(token.c.token_hash)
            .join(user, user.c.id == token.c.user_id)
            .where(user.c.username == "system", token.c.revoked == 0)
        ).all()
    assert live == []
    # The same account works where it belongs, and nowhere else.
    c = login(server, "system")
    assert c.get("/v1/me").json()["role"] == "system"
    r = c.get("/v1/customers/search", params={"q": "Given"})
    assert r.status_code == 403 and "service accounts" in r.json()["detail"]
    assert "system" not in {ch["data"]["role"] for ch in pull_all(login(server)).get("changes", [])
                            if ch["entity"] == "staff"}  # fmt: skip


def test_rapport_hub_user_adds_a_system_account(db_url: str) -> None:
    code, _ = _cli(db_url, "add", "pos-paris", "--role", "system", stdin="a-long-enough-pw\n")
    assert code == 0
    hub = Hub.open(db_url)
    try:
        assert [(r["username"], r["role"]) for r in hub.list_users()] == [("pos-paris", "system")]
    finally:
        hub.engine.dispose()
