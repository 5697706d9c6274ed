"""Each route takes a body up to its own cap, refused (413, {code, message}) before the body is
read; a route that takes a token checks it before reading anything. Raw sockets here: the point is
that the hub answers from the headers alone, without waiting for a body that never comes."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import httpx

from rapport.hub.limits import CAPS, DEFAULT_CAP, MB
from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, interaction_args, login, mutation, push
from .tracking_payloads import basic, py_message

# Not a timing assertion: a guard so a hub that waits for the body fails instead of hanging.
HANG_GUARD = 20


def _connect(server: HubServer) -> socket.socket:
    url = urlsplit(server.url)
    sock = socket.create_connection((url.hostname, url.port), timeout=HANG_GUARD)
    return sock


def _answer(sock: socket.socket) -> tuple[int, dict[str, str], dict]:
    """Read one HTTP/1.1 answer (headers and a Content-Length body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, json.loads(body) if body else {}


def _headers_only(server: HubServer, path: str, length: int, token: str | None = None) -> tuple:
    """Send a POST's headers announcing ``length`` bytes, and no byte of the body."""
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    with _connect(server) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n{auth}"
            f"Content-Length: {length}\r\n\r\n".encode()
        )
        return _answer(sock)


def test_a_login_body_over_its_cap_is_refused(server: HubServer) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        r = http.post("/v1/auth/login", json={"username": "agent", "password": "x" * 20_000})
        assert r.status_code == 413
        assert r.json()["code"] == "too_large" and "8 KB" in r.json()["message"]
    # 20 MB announced: answered from the headers.
    status, headers, body = _headers_only(server, "/v1/auth/login", 20 * MB)
    assert status == 413 and body["code"] == "too_large"
    assert headers.get("connection") == "close"


def test_a_push_is_refused_before_its_body_without_a_valid_token(server: HubServer) -> None:
    status, headers, body = _headers_only(server, "/v1/sync/push", 1000)
    assert status == 401 and body["code"] == "unauthorized"
    assert headers["www-authenticate"] == "Bearer"
    status, _headers, body = _headers_only(server, "/v1/sync/push", 100 * MB, token="forged")
    assert status == 401 and "sign in again" in body["message"]


def test_a_100_mb_push_is_refused_from_its_headers(server: HubServer) -> None:
    token = login(server).headers["Authorization"].split()[1]
    status, _headers, body = _headers_only(server, "/v1/sync/push", 100 * MB, token=token)
    assert status == 413 and "8 MB" in body["message"]


def _stream(server: HubServer, path: str, auth: str, chunks: int) -> tuple:
    """A chunked POST of ``chunks`` x 64 KB that never ends."""
    chunk = b" " * (64 * 1024)
    with _connect(server) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
            f"{auth}Transfer-Encoding: chunked\r\n\r\n".encode()
        )
        try:
            for _ in range(chunks):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass  # the hub may close as soon as it has answered
        return _answer(sock)


def test_a_streamed_body_is_cut_off_at_the_cap(server: HubServer, hub: Hub) -> None:
    status, _headers, body = _stream(server, "/v1/auth/login", "", 2)
    assert status == 413 and body["code"] == "too_large"
    key = hub.add_write_key("shop.example.com")
    auth = f"Authorization: {basic(key)['Authorization']}\r\n"
    status, _headers, body = _stream(server, "/v1/batch", auth, 10)  # 640 KB > 500 KB
    assert status == 413 and body["code"] == "too_large"


def test_bodies_within_the_caps_go_through(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])
    client = login(server)
    note = "n" * 2000
    writes = [
        mutation(i, "interaction.log", interaction_args("c-0001", i, summary=note,
                                                        payload={"blob": "p" * 60_000}))
        for i in range(1, 101)
    ]  # fmt: skip
    r = push(client, "dev-1", *writes)  # the desktop app's largest push: about 6 MB
    assert r.status_code == 200, r.text[:200]
    assert r.json()["last_seq"] == 100
    key = hub.add_write_key("shop.example.com")
    messages = [py_message("track", anonymousId=f"a-{i}", event="Products Searched",
                           properties={"query": "q" * 4000}) for i in range(100)]  # fmt: skip
    r = client.post("/v1/batch", json={"batch": messages}, headers=basic(key))
    assert r.status_code == 200 and r.json()["accepted"] == 100


def test_every_route_with_a_body_has_a_cap() -> None:
    assert all(c.limit >= DEFAULT_CAP for c in CAPS if c.bearer)
