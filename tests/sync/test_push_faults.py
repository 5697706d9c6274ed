"""Writes reach the hub exactly once whatever happens on the way: a dead hub, a cut connection
either way, garbage, 5xx, timeouts, a client killed with -9 at the worst moments, two clients on
the same field, a merge or an erasure racing an offline write. Real hub, real cache files."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rapport.cache.db import connect, open_cache
from rapport.cache.outbox import counts, entries
from rapport.cache.writes import LocalWrites
from rapport.hub.server import HubServer, free_port
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.sync.client import HubUnavailable
from rapport.sync.engine import SyncEngine

from ..hub.conftest import customer_row
from .proxy import Fault, FaultyProxy

PASSWORD = "pw-agent-1"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    (tmp_path / "hubdata").mkdir()
    h = Hub.open(database_url(tmp_path / "hubdata"))
    h.add_user("agent", PASSWORD, "Alex", "agent")
    h.add_user("agent2", PASSWORD, "Sam", "agent")
    h.add_user("admin", PASSWORD, "Root", "admin")
    h.write("customer", [customer_row(i) for i in range(1, 4)])
    yield h
    h.engine.dispose()


@pytest.fixture
def server(hub: Hub) -> Iterator[HubServer]:
    with HubServer(hub) as srv:
        yield srv


def token(url: str, user: str = "agent") -> str:
    return httpx.post(f"{url}/v1/auth/login", json={"username": user, "password": PASSWORD}).json()[
        "token"
    ]


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


async def _sync(cache: Path, url: str, tok: str, **kw) -> SyncEngine:  # type: ignore[no-untyped-def]
    engine = SyncEngine(cache, url, tok, **kw)
    try:
        await engine.push()
        await engine.pull()
    finally:
        await engine.aclose()
    return engine


def synced_cache(path: Path, url: str, tok: str) -> Path:
    open_cache(path)[0].close()
    run(_sync(path, url, tok))
    return path


def hub_count(hub: Hub, sql: str, *args: object) -> int:
    with hub.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql, args).scalar_one())


def log_call(cache: Path, customer: str = "c-0001", note: str = "called about delivery") -> str:
    conn = connect(cache, durable=True)
    try:
        return LocalWrites(conn, "u").log_interaction(customer, channel="phone", summary=note)
    finally:
        conn.close()


def test_written_offline_then_sent_once_when_the_hub_returns(tmp_path: Path, hub: Hub) -> None:
    with HubServer(hub) as srv:
        cache = synced_cache(tmp_path / "c.sqlite3", srv.url, tok := token(srv.url))
        port = srv.port
    iid = log_call(cache)
    dead = SyncEngine(cache, f"http://127.0.0.1:{port}", tok)
    with pytest.raises(HubUnavailable):
        run(_push_only(dead))
    assert counts(connect(cache)).pending == 1
    with HubServer(hub, port=port) as srv:
        run(_sync(cache, srv.url, tok))
    assert hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 1
    assert counts(connect(cache)).pending == 0


async def _push_only(engine: SyncEngine) -> None:
    try:
        await engine.push()
    finally:
        await engine.aclose()


@pytest.mark.parametrize("fault", [
    Fault(cut_request_after=60),      # the hub never got the whole request
    Fault(cut_response_after=12),     # the hub applied it; the answer was lost mid-way
    Fault(cut_response_after=0),      # ... or entirely
    Fault(garbage=b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{garbage"),
    Fault(garbage=b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"),
    Fault(garbage=b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n"),
    Fault(garbage=b"\x00\xff not http at all\r\n\r\n"),
    Fault(delay=3.0),                 # slower than the client's timeout
], ids=["cut-request", "cut-response", "lost-response", "garbage", "500", "503", "not-http", "timeout"])  # fmt: skip
def test_faults_on_the_way_never_lose_or_double_a_write(
    tmp_path: Path, server: HubServer, hub: Hub, fault: Fault
) -> None:
    tok = token(server.url)
    cache = synced_cache(tmp_path / "c.sqlite3", server.url, tok)
    iids = [log_call(cache, note=f"note {i}") for i in range(3)]
    with FaultyProxy(server.port) as proxy:
        proxy.inject(fault)
        engine = SyncEngine(cache, proxy.url, tok, http_timeout=1.5)
        with pytest.raises(HubUnavailable) as exc:
            run(_push_only(engine))
        if b"503" in (fault.garbage or b""):
            assert exc.value.retry_after == 7
        run(_sync(cache, proxy.url, tok))  # the fault has passed: the retry goes through
    for iid in iids:
        assert hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 1
    assert counts(connect(cache)).pending == 0
    summaries = [r[0] for r in connect(cache).execute(
        "SELECT summary FROM interaction WHERE id IN (?, ?, ?)", iids)]  # fmt: skip
    assert sorted(summaries) == ["note 0", "note 1", "note 2"]


def _client_script(cache: Path, url: str, tok: str) -> str:
    return textwrap.dedent(f"""
        import asyncio
        from pathlib import Path
        from rapport.sync.engine import SyncEngine
        async def main():
            e = SyncEngine(Path({str(cache)!r}), {url!r}, {tok!r}, http_timeout=60)
            await e.push()
            print("pushed", flush=True)
        asyncio.run(main())
    """)


def test_kill_9_after_the_hub_committed_before_it_answered(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = synced_cache(tmp_path / "c.sqlite3", server.url, tok)
    iid = log_call(cache)
    with FaultyProxy(server.port) as proxy:
        proxy.inject(Fault(hold_response=30))
        proc = subprocess.Popen([sys.executable, "-c", _client_script(cache, proxy.url, tok)])
        deadline = time.monotonic() + 30
        while hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 0:
            assert time.monotonic() < deadline, "the hub never received the push"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)  # the hub has it; the client never heard back
        proc.wait()
    assert counts(connect(cache)).pending == 1  # the client still thinks it must send it
    run(_sync(cache, server.url, tok))
    assert hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 1
    assert counts(connect(cache)).pending == 0


def test_kill_9_before_the_push(tmp_path: Path, server: HubServer, hub: Hub) -> None:
    tok = token(server.url)
    cache = synced_cache(tmp_path / "c.sqlite3", server.url, tok)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from rapport.cache.db import connect
        from rapport.cache.writes import LocalWrites
        w = LocalWrites(connect(Path({str(cache)!r}), durable=True), "u")
        print(w.log_interaction("c-0002", channel="chat", summary="typed, then the power went"), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    iid = out.stdout.strip()
    run(_sync(cache, server.url, tok))
    assert hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 1


def test_two_clients_edit_the_same_field_offline(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    a = synced_cache(tmp_path / "a.sqlite3", server.url, ta := token(server.url, "agent"))
    b = synced_cache(tmp_path / "b.sqlite3", server.url, tb := token(server.url, "agent2"))
    for path, name in ((a, "Annabel"), (b, "Bettina")):
        conn = connect(path, durable=True)
        LocalWrites(conn, "u").update_customer(
            "c-0001", {"given_name": name, "notes": f"by {name}"}
        )
        conn.close()
    run(_sync(a, server.url, ta))
    run(_sync(b, server.url, tb))
    with hub.engine.connect() as conn:
        given, notes = conn.exec_driver_sql(
            "SELECT given_name, notes FROM customer WHERE id = 'c-0001'").one()  # fmt: skip
    assert given == "Annabel"  # the first to arrive set it; B's base was stale
    assert notes == "by Annabel"
    (notice,) = entries(connect(b))
    assert notice.state == "notice" and "given_name" in (notice.last_error or "")
    local_b = connect(b).execute("SELECT given_name FROM customer WHERE id='c-0001'").fetchone()[0]
    assert local_b == "Annabel"  # B's cache shows the hub's value, and B was told


def _admin(server: HubServer) -> httpx.Client:
    return httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {token(server.url, 'admin')}"}
    )


def test_an_offline_write_racing_a_merge_lands_on_the_survivor(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = synced_cache(tmp_path / "c.sqlite3", server.url, tok)
    iid = log_call(cache, customer="c-0002", note="for the merged-away profile")
    r = _admin(server).post(
        "/v1/admin/customers/c-0002/merge", json={"into": "c-0001", "reason": "same person"}
    )
    assert r.status_code == 200, r.text
    run(_sync(cache, server.url, tok))
    with hub.engine.connect() as conn:
        owner = conn.exec_driver_sql(
            "SELECT customer_id FROM interaction WHERE id = ?", (iid,)
        ).scalar_one()
    assert owner == "c-0001"
    local = connect(cache)
    assert (
        local.execute("SELECT customer_id FROM interaction WHERE id = ?", (iid,)).fetchone()[0]
        == "c-0001"
    )
    assert local.execute("SELECT count(*) FROM customer WHERE id = 'c-0002'").fetchone()[0] == 0
    assert counts(local).pending == 0


def test_an_offline_write_racing_an_erasure_is_not_kept_anywhere(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = synced_cache(tmp_path / "c.sqlite3", server.url, tok)
    log_call(cache, customer="c-0003", note="about someone who asked to be forgotten")
    r = _admin(server).post("/v1/admin/customers/c-0003/erase", json={"reason": "GDPR request"})
    assert r.status_code == 200, r.text
    run(_sync(cache, server.url, tok))
    assert hub_count(hub, "SELECT count(*) FROM interaction WHERE customer_id = 'c-0003'") == 0
    assert hub_count(hub, "SELECT count(*) FROM customer WHERE id = 'c-0003'") == 0
    local = connect(cache)
    assert (
        local.execute("SELECT count(*) FROM interaction WHERE customer_id = 'c-0003'").fetchone()[0]
        == 0
    )
    assert local.execute("SELECT count(*) FROM customer WHERE id = 'c-0003'").fetchone()[0] == 0
    assert (
        local.execute("SELECT count(*) FROM outbox WHERE customer_id = 'c-0003'").fetchone()[0] == 0
    )


def test_cli_log_works_offline_and_sync_once_sends_it(tmp_path: Path, hub: Hub) -> None:
    from rapport.cache.profile import save_profile
    from rapport.cli import main

    demo = tmp_path / "demo"
    cache = demo / "client" / "cache.sqlite3"
    cache.parent.mkdir(parents=True)
    port = free_port()
    hub.add_user("cliagent", "demo", "Cli", "agent")
    with HubServer(hub, port=port) as srv:
        synced_cache(cache, srv.url, token(srv.url))
    conn = connect(cache)
    save_profile(conn, f"http://127.0.0.1:{port}", {"id": "x", "username": "cliagent"})
    conn.close()
    # Hub down: the write is queued anyway and its id printed.
    proc = subprocess.run(
        [sys.executable, "-m", "rapport.cli", "log", "--customer", "c-0001", "--channel", "phone",
         "--disposition", "resolved", "--note", "Offline note from the softphone", "--data", str(demo)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    iid = proc.stdout.strip()
    assert main(["sync", "--once", "--data", str(demo)]) == 1  # hub unreachable: non-zero
    with HubServer(hub, port=port):
        assert main(["sync", "--once", "--data", str(demo)]) == 0
    assert hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 1
    bad = subprocess.run(
        [sys.executable, "-m", "rapport.cli", "log", "--customer", "nobody", "--note", "x", "--data", str(demo)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode == 2 and "customer" in bad.stderr


def test_a_401_keeps_the_outbox_and_a_new_token_resumes(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = synced_cache(tmp_path / "c.sqlite3", server.url, tok)
    iid = log_call(cache)
    with hub.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE token SET revoked = 1")
    states: list[str] = []
    engine = SyncEngine(cache, server.url, tok, on_status=lambda s: states.append(s.state))

    async def go() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(engine.run(stop))
        while "signin" not in states:
            await asyncio.sleep(0.02)
        assert counts(connect(cache)).pending == 1  # nothing typed is lost
        engine.client.token = token(server.url)
        engine.kick()
        while states[-1] != "online" or engine.status.pending:
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(task, 30)
        await engine.aclose()

    run(asyncio.wait_for(go(), 60))
    assert hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid) == 1
