"""Every refusal has one shape, {code, message} (and detail, which older clients read), and none
echoes what was sent; a 500 logs one line with an error id, never a traceback or the request."""

from __future__ import annotations

import logging
import re

import httpx
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import login


def test_a_refusal_has_a_code_and_a_message(server: HubServer) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        r = http.get("/v1/me")
        assert r.status_code == 401
        body = r.json()
        assert body["code"] == "unauthorized" and "sign in" in body["message"]
        assert body["detail"] == body["message"]
        r = http.post("/v1/auth/login", json={"username": "agent", "password": "wrong"})
        assert r.status_code == 401 and r.json()["code"] == "unauthorized"


def test_a_validation_error_names_the_field_and_never_echoes_the_input(server: HubServer) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        # A password sent as a number (or too long) must not come back in the answer.
        r = http.post("/v1/auth/login", json={"username": "agent", "password": 31415926535})
        assert r.status_code == 422
        assert "31415926535" not in r.text and '"input"' not in r.text
        body = r.json()
        assert body["code"] == "invalid" and body["message"].startswith("password:")
        assert body["detail"][0]["loc"] == ["body", "password"]
        long_secret = "hunter2" * 200
        r = http.post("/v1/auth/login", json={"username": "agent", "password": long_secret})
        assert r.status_code == 422 and "hunter2" not in r.text


def test_a_500_logs_one_line_with_an_error_id_and_no_request_data(
    server: HubServer,
    hub: Hub,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = login(server)

    # A bug the hub does not have (yet): an exception whose message quotes the request.
    def broken_search(q: str, *_args: object, **_kw: object) -> list[dict]:
        raise RuntimeError(f"cannot search for {q}")

    monkeypatch.setattr(hub, "search", broken_search)
    capfd.readouterr()
    r = client.get("/v1/customers/search", params={"q": "Lucas Martin"})
    assert r.status_code == 500
    body = r.json()
    assert body["code"] == "internal"
    error_id = re.search(r"error id ([0-9a-f]+)", body["message"]).group(1)
    assert client.get("/v1/me").status_code == 200  # the connection is still fine
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Lucas" not in err
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    line = record.getMessage()
    assert error_id in line and "RuntimeError" in line and "/v1/customers/search" in line
    assert "Lucas" not in line and record.exc_info is None
