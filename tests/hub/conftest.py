from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url


def customer_row(i: int, store: str = "st-a") -> dict:
    return {
        "id": f"c-{i:04d}",
        "given_name": f"Given{i}",
        "family_name": f"Family{i}",
        "tier": "bronze",
        "home_store_id": store,
        "lifetime_value": 1000 * i,
        "currency": "EUR",
        "birth_date": None,
        "preferences": {"colors": ["black"]},
        "consent": {
            "email": {"status": "granted", "source": "web", "effective_at": "2026-01-01T00:00:00Z"}
        },
        "notes": None,
        "last_contact_at": f"2026-01-{1 + i % 28:02d}T10:00:00Z",
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:00:00Z",
        "version": 1,
    }


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    h = Hub.open(database_url(tmp_path))
    h.add_user("agent", "s3cret-pass", "Alex Agent", "agent")
    h.add_user("assoc", "s3cret-pass", "Ines Associate", "associate", store_id="st-a")
    yield h
    h.engine.dispose()


@pytest.fixture
def server(hub: Hub) -> Iterator[HubServer]:
    with HubServer(hub) as srv:
        yield srv


def login(server: HubServer, username: str = "agent") -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=30)
    r = client.post("/v1/auth/login", json={"username": username, "password": "s3cret-pass"})
    assert r.status_code == 200, r.text
    client.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return client
