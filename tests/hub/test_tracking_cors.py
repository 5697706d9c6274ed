"""What a browser on a shop's own origin needs from the tracking API, over real HTTP: CORS for the
origins an admin allowed on the write key (and for no other origin, nor on the agent API), the
settings analytics.js loads first, and its metrics endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import login, rows
from .tracking_payloads import js_message

SHOP = "https://shop.example.com"
PREFLIGHT = {
    "Origin": SHOP,
    "Access-Control-Request-Method": "POST",
    # analytics-next 1.84 sends the key as basic auth, so every post is preflighted.
    "Access-Control-Request-Headers": "authorization,content-type",
}


@pytest.fixture
def shop_key(hub: Hub) -> str:
    return hub.add_write_key("shop", origins=[SHOP + "/"])  # a trailing slash is forgiven


@pytest.fixture
def http(server: HubServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def _cors(r: httpx.Response) -> str | None:
    return r.headers.get("access-control-allow-origin")


def test_a_preflight_from_an_allowed_origin_is_answered(http: httpx.Client, shop_key: str) -> None:
    for path in ("/v1/t", "/v1/i", "/v1/p", "/v1/b", "/v1/batch", "/v1/track", "/v1/m"):
        r = http.options(path, headers=PREFLIGHT)
        assert r.status_code == 204, (path, r.status_code, r.text)
        assert _cors(r) == SHOP
        assert "POST" in r.headers["access-control-allow-methods"]
        allowed = {h.strip().lower() for h in r.headers["access-control-allow-headers"].split(",")}
        assert {"content-type", "authorization"} <= allowed
        assert int(r.headers["access-control-max-age"]) > 0
        assert "origin" in r.headers["vary"].lower()


def test_an_origin_not_allowed_gets_no_cors_headers(
    http: httpx.Client, hub: Hub, shop_key: str
) -> None:
    evil = {**PREFLIGHT, "Origin": "https://evil.example"}
    r = http.options("/v1/t", headers=evil)
    assert r.status_code == 403
    assert _cors(r) is None
    assert r.json()["code"] == "origin_not_allowed"
    # The post itself: refused, and without the header the page cannot even read why.
    msg = js_message("track", "anon-evil", event="Product Viewed", writeKey=shop_key)
    r = http.post("/v1/t", content=json.dumps(msg), headers={"Origin": "https://evil.example"})
    assert (r.status_code, r.json()["code"], _cors(r)) == (403, "origin_not_allowed", None)
    # Another key's origin does not open this one: the check is per key.
    hub.add_write_key("blog", origins=["https://blog.example"])
    r = http.post("/v1/t", content=json.dumps(msg), headers={"Origin": "https://blog.example"})
    assert (r.status_code, r.json()["code"]) == (403, "origin_not_allowed")
    assert rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(0,)]
    # Servers send no Origin: a server SDK keeps working whatever the key's origins.
    r = http.post("/v1/t", content=json.dumps(msg))
    assert r.status_code == 200, r.text


def test_a_browser_post_from_the_shop_is_accepted_with_cors(
    http: httpx.Client, hub: Hub, shop_key: str
) -> None:
    msg = js_message("track", "anon-shop", event="Product Viewed", writeKey=shop_key)
    r = http.post(
        "/v1/t",
        content=json.dumps(msg),
        headers={"Origin": SHOP, "Content-Type": "text/plain", "X-Retry-Count": "1"},
    )
    assert (r.status_code, _cors(r)) == (200, SHOP)
    # A refusal carries the header too, so the SDK reads the status and drops the event.
    r = http.post("/v1/t", content=b"{oops", headers={"Origin": SHOP})
    assert (r.status_code, _cors(r)) == (400, SHOP)
    assert rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(1,)]


def test_a_key_without_origins_serves_no_browser(http: httpx.Client, hub: Hub) -> None:
    key = hub.add_write_key("backend")
    msg = js_message("track", "anon-b", event="Product Viewed", writeKey=key)
    assert http.options("/v1/t", headers=PREFLIGHT).status_code == 403
    r = http.post("/v1/t", content=json.dumps(msg), headers={"Origin": SHOP})
    assert (r.status_code, _cors(r)) == (403, None)


def test_star_is_an_explicit_choice(http: httpx.Client, hub: Hub) -> None:
    key = hub.add_write_key("any site", origins=["*"])
    anywhere = "http://localhost:3000"
    r = http.options("/v1/t", headers={**PREFLIGHT, "Origin": anywhere})
    assert (r.status_code, _cors(r)) == (204, anywhere)
    msg = js_message("track", "anon-s", event="Product Viewed", writeKey=key)
    r = http.post("/v1/t", content=json.dumps(msg), headers={"Origin": anywhere})
    assert (r.status_code, _cors(r)) == (200, anywhere)


def test_the_agent_api_has_no_cors(http: httpx.Client, shop_key: str) -> None:
    for path in ("/v1/auth/login", "/v1/sync/changes", "/v1/admin/write-keys"):
        r = http.options(path, headers=PREFLIGHT)
        assert _cors(r) is None, path
    r = http.post("/v1/auth/login", json={"username": "agent", "password": "s3cret-pass"},
                  headers={"Origin": SHOP})  # fmt: skip
    assert r.status_code == 200
    assert _cors(r) is None


def test_analytics_js_settings_point_at_the_hub(
    server: HubServer, http: httpx.Client, shop_key: str
) -> None:
    r = http.get(f"/v1/projects/{shop_key}/settings", headers={"Origin": SHOP})
    assert (r.status_code, _cors(r)) == (200, SHOP)
    segment = r.json()["integrations"]["Segment.io"]
    host = server.url.removeprefix("http://")
    assert (segment["apiKey"], segment["apiHost"], segment["protocol"]) == (
        shop_key, f"{host}/v1", "http"
    )  # fmt: skip
    assert r.json()["metrics"]["sampleRate"] == 0  # nothing to learn from them here
    r = http.get("/v1/projects/wk_nope/settings", headers={"Origin": SHOP})
    assert (r.status_code, r.json()["code"]) == (404, "invalid_write_key")
    r = http.get(f"/v1/projects/{shop_key}/settings", headers={"Origin": "https://evil.example"})
    assert (r.status_code, _cors(r)) == (403, None)


def test_metrics_are_accepted_and_dropped(http: httpx.Client, hub: Hub, shop_key: str) -> None:
    series = {"series": [{"type": "Counter", "metric": "analytics_js.invoke.track", "value": 1,
                          "tags": {"library": "analytics.js", "library_version": "npm:next-1"}}]}  # fmt: skip
    r = http.post("/v1/m", content=json.dumps(series), headers={"Origin": SHOP,
                  "Content-Type": "text/plain"})  # fmt: skip
    assert (r.status_code, _cors(r)) == (200, SHOP)
    assert http.post("/v1/m", content=b"x" * 100_000).status_code == 413


def test_admins_set_a_keys_origins(server: HubServer, hub: Hub, http: httpx.Client) -> None:
    hub.add_user("admin", "s3cret-pass", "Ada Admin", "admin")
    admin = login(server, "admin")
    r = admin.post("/v1/admin/write-keys", json={"name": "web", "allowed_origins": [SHOP]})
    assert r.status_code == 200, r.text
    key_id, key = r.json()["id"], r.json()["write_key"]
    assert r.json()["allowed_origins"] == [SHOP]
    assert http.options("/v1/t", headers=PREFLIGHT).status_code == 204
    for bad in (["shop.example.com"], ["https://shop.example.com/path"], ["ftp://x"], ["*", SHOP]):
        r = admin.put(f"/v1/admin/write-keys/{key_id}/origins", json={"allowed_origins": bad})
        assert (r.status_code, bad) == (422, bad)
    staging = "http://127.0.0.1:8080"
    r = admin.put(f"/v1/admin/write-keys/{key_id}/origins", json={"allowed_origins": [staging]})
    assert (r.status_code, r.json()["allowed_origins"]) == (200, [staging])
    assert http.options("/v1/t", headers=PREFLIGHT).status_code == 403
    listed = admin.get("/v1/admin/write-keys").json()["write_keys"]
    assert [(k["id"], k["name"], k["allowed_origins"]) for k in listed] == [
        (key_id, "web", [staging])
    ]
    assert key not in json.dumps(listed)  # the key itself was shown once, at creation
    assert login(server, "agent").get("/v1/admin/write-keys").status_code == 403
    r = admin.put("/v1/admin/write-keys/nope/origins", json={"allowed_origins": []})
    assert r.status_code == 404
