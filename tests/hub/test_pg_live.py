"""Several hub processes on one PostgreSQL database: a change pushed through one reaches a client
long-polling another at once (LISTEN/NOTIFY), not when its poll times out."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine

from rapport.hub.pglisten import CHANNEL
from rapport.hub.server import HubServer, free_port
from rapport.hub.service import Hub
from rapport.hub.store.changes import write_rows
from rapport.hub.store.db import normalize_url
from tests.pgcluster import TEMPLATE, PgCluster

from .conftest import customer_row, interaction_args, login, mutation, push

WAIT = 30  # the long poll's timeout: a wake must come long before it
PASSWORD = "hunter2-in-the-url"


def _start_hub(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    # Output to a file, not a pipe nobody reads: a chatty hub would block on a full pipe.
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "rapport.cli", "hub", "--database", url, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"hub exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base}/v1/me", timeout=1).status_code == 401:
                return proc, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("hub did not start")
        time.sleep(0.1)


def _login(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=WAIT + 30)
    r = client.post("/v1/auth/login", json={"username": "agent", "password": "s3cret-pass"})
    assert r.status_code == 200, r.text
    client.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return client


@pytest.fixture
def shared_db(pg_cluster: PgCluster) -> Iterator[str]:
    name = pg_cluster.create_database(template=TEMPLATE)
    # As IT would write it, with a password (trust auth ignores it) that must not reach the logs.
    url = pg_cluster.url(name, driver="postgresql").replace("@/", f":{PASSWORD}@/", 1)
    hub = Hub.open(url)
    hub.add_user("agent", "s3cret-pass", "Alex Agent", "agent")
    hub.write("customer", [customer_row(1)])
    hub.engine.dispose()
    try:
        yield url
    finally:
        pg_cluster.drop_database(name)


@pytest.mark.slow
def test_a_change_through_one_process_wakes_a_long_poll_on_another(
    shared_db: str, tmp_path: Path
) -> None:
    procs = []
    try:
        a, base_a = _start_hub(shared_db, tmp_path / "a.log")
        procs.append(a)
        b, base_b = _start_hub(shared_db, tmp_path / "b.log")
        procs.append(b)
        on_a, on_b = _login(base_a), _login(base_b)
        cursor = on_a.get("/v1/sync/changes", params={"limit": 1000}).json()["cursor"]

        answer: dict = {}

        def long_poll() -> None:
            t0 = time.monotonic()
            answer["body"] = on_a.get(
                "/v1/sync/changes", params={"cursor": cursor, "wait": WAIT}
            ).json()
            answer["seconds"] = time.monotonic() - t0

        poller = threading.Thread(target=long_poll)
        poller.start()
        time.sleep(1.0)  # let the poll reach its wait (if not, it finds the change at once anyway)
        r = push(on_b, "dev-b", mutation(1, "interaction.log", interaction_args("c-0001")))
        assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text
        poller.join(WAIT + 30)
        body = answer["body"]
        logged = [ch["data"]["summary"] for ch in body["changes"] if ch["entity"] == "interaction"]
        assert logged == ["call number 0"], body["changes"]
        # Woken by B's commit, not by the poll's timeout (generous bound: a correctness check).
        assert answer["seconds"] < WAIT / 2, answer["seconds"]
        for name in ("a.log", "b.log"):
            log = (tmp_path / name).read_text()
            assert "rapport:***@" in log and PASSWORD not in log, log
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


def _wait_for(cond: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_listener_reconnects_and_wakes_on_another_process_notify(shared_db: str) -> None:
    """In one process: the listener's connection is killed, it listens again, and a commit that
    another process would make (rows, change log, NOTIFY with another token) wakes a long poll."""
    hub = Hub.open(shared_db)
    other = create_engine(normalize_url(shared_db))
    try:
        with HubServer(hub) as srv:
            client = login(srv)
            cursor = client.get("/v1/sync/changes", params={"limit": 1000}).json()["cursor"]
            listener = hub.listener
            assert listener is not None and listener.connections == 1
            with other.begin() as conn:
                conn.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    f" WHERE query = 'LISTEN {CHANNEL}' AND pid <> pg_backend_pid()"
                )
            _wait_for(lambda: listener.connections == 2 and listener.listening.is_set())

            answer: dict = {}

            def long_poll() -> None:
                t0 = time.monotonic()
                answer["body"] = client.get(
                    "/v1/sync/changes", params={"cursor": cursor, "wait": WAIT}
                ).json()
                answer["seconds"] = time.monotonic() - t0

            poller = threading.Thread(target=long_poll)
            poller.start()
            time.sleep(0.5)
            with other.begin() as conn:
                write_rows(conn, "customer", [customer_row(2)])
                conn.exec_driver_sql(f"SELECT pg_notify('{CHANNEL}', 'another-process')")
            poller.join(WAIT + 30)
            ids = [ch["id"] for ch in answer["body"]["changes"] if ch["entity"] == "customer"]
            assert ids == ["c-0002"]
            assert answer["seconds"] < WAIT / 2, answer["seconds"]
    finally:
        other.dispose()
        hub.engine.dispose()
