from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url, open_engine
from tests.pgcluster import TEMPLATE, PgCluster, find_bindir


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


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL 15 cluster for the whole session, with a template database already migrated
    to head (CREATE DATABASE from it takes about 0.1 s). Without the server binaries the
    PostgreSQL tests skip, except in CI (``CI=true``), where they fail."""
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL server binaries not found (apt-get install postgresql, or set RAPPORT_PG_BIN)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = PgCluster(bindir).start()
    try:
        with cluster.admin() as conn:
            conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
        open_engine(cluster.url(TEMPLATE), schema_only=True).dispose()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty hub database: a file in ``tmp_path``, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield database_url(tmp_path)
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = cluster.create_database(template=TEMPLATE)
    try:
        yield cluster.url(name)
    finally:
        cluster.drop_database(name)


@pytest.fixture
def hub(db_url: str) -> Iterator[Hub]:
    h = Hub.open(db_url)
    h.add_user("agent", "s3cret-pass", "Alex Agent", "agent")
    h.add_user("assoc", "s3cret-pass", "Ines Associate", "associate", store_id="st-a")
    yield h
    h.engine.dispose()


def rows(hub: Hub, sql: str, *params: object) -> list[tuple]:
    """Plain SQL with ``?`` placeholders on either database (psycopg wants ``%s``)."""
    with hub.engine.connect() as conn:
        if conn.dialect.paramstyle != "qmark":
            sql = sql.replace("?", "%s")
        return [tuple(r) for r in conn.exec_driver_sql(sql, params)]


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


@pytest.fixture
def staff(hub: Hub) -> Hub:
    """The hub with an admin, a supervisor (merge and erasure need them) and a system account
    (the systems API)."""
    hub.add_user("admin", "s3cret-pass", "Ada Admin", "admin")
    hub.add_user("super", "s3cret-pass", "Sam Supervisor", "supervisor")
    hub.add_user("system", "s3cret-pass", "POS connector", "system")
    return hub


def interaction_args(customer_id: str, n: int = 0, **over: object) -> dict:
    """Args of an ``interaction.log`` mutation, as the client sends them."""
    return {
        "id": str(uuid.UUID(int=n + 1)),
        "customer_id": customer_id,
        "channel": "phone",
        "direction": "inbound",
        "kind": "call",
        "occurred_at": "2026-02-01T09:00:00Z",
        "user_id": "whoever-the-client-says",
        "store_id": None,
        "summary": f"call number {n}",
        "disposition": "resolved",
        "payload": None,
        **over,
    }


# What every device receives whatever its scope: the hub's settings and its staff directory.
DIRECTORY = frozenset({"setting", "staff"})


def business(changes: list[dict]) -> list[dict]:
    """The changes about stores, products and customers, without the directory's."""
    return [ch for ch in changes if ch["entity"] not in DIRECTORY]


def mutation(seq: int, name: str, args: dict) -> dict:
    return {"client_seq": seq, "mutation_id": f"m-{seq}", "name": name, "args": args}


def push(client: httpx.Client, device: str, *mutations: dict) -> httpx.Response:
    return client.post(
        "/v1/sync/push",
        json={"device_id": device, "schema_version": 1, "mutations": list(mutations)},
    )


def pull_all(client: httpx.Client, cursor: str | None = None, **params: object) -> dict:
    """Every change after ``cursor``, following pages; the last page's body with all changes."""
    changes: list[dict] = []
    while True:
        body = client.get(
            "/v1/sync/changes", params={**params, **({"cursor": cursor} if cursor else {})}
        ).json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["more"]:
            return {**body, "changes": changes}
