"""Signing in: an unknown username costs the same scrypt as a known one (the timing does not tell
which exist; ``bench/login_timing.py`` prints the figures), and wrong passwords back off per
username and address, so nobody can lock an account from elsewhere."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from rapport.hub.server import HubServer, plain_http_notice
from rapport.hub.service import Hub
from rapport.hub.throttle import LoginThrottle

LOGIN = "/v1/auth/login"
RIGHT = {"username": "agent", "password": "s3cret-pass"}
WRONG = {"username": "agent", "password": "guess"}


def _from(server: HubServer, address: str) -> httpx.Client:
    """A client whose connections leave from ``address`` (any 127.x.y.z is this machine)."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.url, timeout=30, transport=transport)


def test_an_unknown_username_costs_one_scrypt_like_a_known_one(
    server: HubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = hashlib.scrypt

    def counted(*args: object, **kw: int) -> bytes:
        calls.append(kw["n"])
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "scrypt", counted)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        for username in ("agent", "nobody-by-that-name", "agent"):
            calls.clear()
            r = http.post(LOGIN, json={"username": username, "password": "wrong"})
            assert r.status_code == 401
            assert calls == [2**14], username  # one hash, at the real users' cost
        calls.clear()
        assert http.post(LOGIN, json=RIGHT).status_code == 200
        assert calls == [2**14]


def test_wrong_passwords_from_one_address_do_not_lock_the_user_out_from_another(
    server: HubServer, hub: Hub
) -> None:
    # A first wait of ten minutes: however slow this machine, the guesser is still waiting below.
    hub.login_throttle = LoginThrottle(first_delay=600)
    with _from(server, "127.0.0.2") as guesser, _from(server, "127.0.0.1") as agent:
        answers = [guesser.post(LOGIN, json=WRONG) for _ in range(7)]
        assert [a.status_code for a in answers] == [401] * 6 + [429]
        assert int(answers[-1].headers["Retry-After"]) > 500
        assert "try again in" in answers[-1].json()["message"]
        # The guesser must wait, even with the right password...
        assert guesser.post(LOGIN, json=RIGHT).status_code == 429
        # ...while the agent at their own desk signs in at once.
        r = agent.post(LOGIN, json=RIGHT)
        assert r.status_code == 200, r.text
        # And the agent's own typo does not inherit the guesser's backoff.
        assert agent.post(LOGIN, json=WRONG).status_code == 401


def test_the_wait_grows_with_each_further_failure() -> None:
    now = [0.0]
    t = LoginThrottle(clock=lambda: now[0])
    waits = []
    for _ in range(9):
        t.failed("Ana", "10.0.0.1")
        waits.append(t.retry_after("ana", "10.0.0.1"))  # usernames compare without case
    assert waits == [0, 0, 0, 0, 0, 1, 2, 4, 8]
    assert t.retry_after("ana", "10.0.0.2") == 0  # another address: not delayed
    now[0] = 8.5
    assert t.retry_after("ana", "10.0.0.1") == 0
    for _ in range(30):
        t.failed("ana", "10.0.0.1")
    assert t.retry_after("ana", "10.0.0.1") == 15 * 60  # capped
    now[0] += 15 * 60 + 1  # quiet for the whole window: starts afresh
    t.failed("ana", "10.0.0.1")
    assert t.retry_after("ana", "10.0.0.1") == 0
    t.succeeded("ana", "10.0.0.1")


def test_one_address_guessing_many_usernames_backs_off_too() -> None:
    t = LoginThrottle(clock=lambda: 0.0)
    for i in range(20):
        t.failed(f"user{i}", "10.0.0.9")
    assert t.retry_after("someone-else", "10.0.0.9") == 0
    t.failed("user20", "10.0.0.9")
    assert t.retry_after("someone-else", "10.0.0.9") == 1
    assert t.retry_after("someone-else", "10.0.0.8") == 0


def test_behind_a_proxy_on_this_machine_each_client_address_backs_off_alone(
    server: HubServer, hub: Hub
) -> None:
    """A TLS proxy on 127.0.0.1 says who the client is in X-Forwarded-For (uvicorn trusts it
    from 127.0.0.1 only): one guesser behind the proxy does not delay everyone behind it."""
    hub.login_throttle = LoginThrottle(first_delay=600)
    with _from(server, "127.0.0.1") as proxy:
        guesser = {"X-Forwarded-For": "203.0.113.5"}
        codes = [proxy.post(LOGIN, json=WRONG, headers=guesser).status_code for _ in range(7)]
        assert codes == [401] * 6 + [429]
        r = proxy.post(LOGIN, json=RIGHT, headers={"X-Forwarded-For": "198.51.100.7"})
        assert r.status_code == 200, r.text
    # Headers from anywhere else are not believed: 127.0.0.2 cannot pose as another client.
    with _from(server, "127.0.0.2") as other:
        for _ in range(6):
            other.post(LOGIN, json=WRONG, headers={"X-Forwarded-For": "192.0.2.1"})
        r = other.post(LOGIN, json=WRONG, headers={"X-Forwarded-For": "192.0.2.2"})
        assert r.status_code == 429


def test_a_hub_listening_beyond_this_machine_says_to_put_tls_in_front() -> None:
    assert "TLS reverse proxy" in (plain_http_notice("0.0.0.0", 8765) or "")
    assert "TLS reverse proxy" in (plain_http_notice("hub.corp.example", 8765) or "")
    for host in ("127.0.0.1", "localhost", "::1", "[::1]"):
        assert plain_http_notice(host, 8765) is None
