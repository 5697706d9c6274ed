"""Cache recovery against a real hub: what was typed before the damage reaches the hub exactly
once, numbering never goes back below what the hub has, the command line works on a damaged
cache, and an erasure reaches the copies set aside."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rapport.cache.db import connect, open_cache, outbox_path
from rapport.cache.outbox import counts, entries, pending_batch
from rapport.cache.profile import save_profile
from rapport.cache.writes import LocalWrites
from rapport.hub.server import HubServer, free_port
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.sync.engine import SyncEngine

from ..hub.conftest import customer_row
from .test_push_faults import PASSWORD, _admin, _sync, hub_count, log_call, run, token


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    (tmp_path / "hubdata").mkdir()
    h = Hub.open(database_url(tmp_path / "hubdata"))
    h.add_user("agent", PASSWORD, "Alex", "agent")
    h.add_user("admin", PASSWORD, "Root", "admin")
    # Enough customers that the cache spans many pages: damage hits replicated rows, not just one.
    h.write("customer", [customer_row(i) for i in range(1, 301)])
    yield h
    h.engine.dispose()


@pytest.fixture
def server(hub: Hub) -> Iterator[HubServer]:
    with HubServer(hub) as srv:
        yield srv


def _synced(path: Path, url: str, tok: str) -> Path:
    conn, _ = open_cache(path)
    save_profile(conn, url, {"id": "u-agent", "username": "agent"})
    conn.close()
    run(_sync(path, url, tok))
    return path


def _damage(path: Path, how: str) -> None:
    conn = sqlite3.connect(path)  # the file alone (the cache or the outbox file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(data[:100] + b"\xba\xad\xf0\x0d" * ((len(data) - 100) // 4))


async def _pull_only(cache: Path, url: str, tok: str) -> None:
    engine = SyncEngine(cache, url, tok)
    try:
        await engine.pull()
    finally:
        await engine.aclose()


def _on_hub(hub: Hub, iid: str) -> int:
    return hub_count(hub, "SELECT count(*) FROM interaction WHERE id = ?", iid)


@pytest.mark.parametrize("how", ["truncate", "garbage"])
def test_writes_typed_before_the_cache_was_damaged_reach_the_hub_once(
    tmp_path: Path, server: HubServer, hub: Hub, how: str
) -> None:
    tok = token(server.url)
    cache = _synced(tmp_path / "c.sqlite3", server.url, tok)
    sent = log_call(cache, note="sent before the damage")
    run(_sync(cache, server.url, tok))
    iids = [log_call(cache, customer=f"c-{i:04d}", note=f"pending {i}") for i in range(1, 6)]
    _damage(cache, how)
    conn, report = open_cache(cache)
    conn.close()
    assert report.moved_aside is not None and report.salvaged == 5
    run(_sync(cache, server.url, tok))
    assert [_on_hub(hub, i) for i in [sent, *iids]] == [1] * 6
    local = connect(cache)
    assert counts(local).pending == 0 and entries(local) == []  # none refused either
    assert local.execute("SELECT count(*) FROM customer").fetchone()[0] == 300  # downloaded again


def test_after_a_repair_new_writes_are_numbered_above_the_hubs_and_applied(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = _synced(tmp_path / "c.sqlite3", server.url, tok)
    for i in range(3):
        log_call(cache, note=f"sent {i}")
    run(_sync(cache, server.url, tok))  # the hub's last number for this device is 3
    _damage(cache, "truncate")
    open_cache(cache)[0].close()
    run(_sync(cache, server.url, tok))
    iid = log_call(cache, note="typed after the repair")
    assert pending_batch(connect(cache))[0].client_seq == 4
    run(_sync(cache, server.url, tok))
    assert _on_hub(hub, iid) == 1
    assert entries(connect(cache)) == []  # not refused as "another write"


def test_a_lost_high_water_mark_is_renumbered_above_the_hub_not_refused(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = _synced(tmp_path / "c.sqlite3", server.url, tok)
    for i in range(3):
        log_call(cache, note=f"sent {i}")
    run(_sync(cache, server.url, tok))
    # Both copies of the counter lost (say, both files restored from an old backup): the next
    # writes take numbers the hub already applied for other writes.
    conn = connect(cache)
    with conn:
        conn.execute(
            "UPDATE outbox_meta SET value = '0' WHERE key IN ('high_water', 'hub_last_seq')"
        )
        conn.execute("DELETE FROM sync_state WHERE key IN ('high_water', 'hub_last_seq')")
    conn.close()
    iids = [log_call(cache, note=f"after the restore {i}") for i in range(2)]
    assert [e.client_seq for e in pending_batch(connect(cache))] == [1, 2]
    run(_sync(cache, server.url, tok))
    assert [_on_hub(hub, i) for i in iids] == [1, 1]
    assert entries(connect(cache)) == []
    later = log_call(cache, note="and one more")
    assert pending_batch(connect(cache))[0].client_seq == 6
    run(_sync(cache, server.url, tok))
    assert _on_hub(hub, later) == 1


def test_a_pending_write_erased_from_the_middle_of_the_queue_does_not_stop_the_rest(
    tmp_path: Path, server: HubServer, hub: Hub
) -> None:
    tok = token(server.url)
    cache = _synced(tmp_path / "c.sqlite3", server.url, tok)
    first = log_call(cache, customer="c-0001", note="before")
    log_call(cache, customer="c-0003", note="about someone who asked to be forgotten")
    last = log_call(cache, customer="c-0002", note="after")
    r = _admin(server).post("/v1/admin/customers/c-0003/erase", json={"reason": "GDPR request"})
    assert r.status_code == 200, r.text
    run(_pull_only(cache, server.url, tok))  # the erasure drops #2 here: #3 now follows a gap
    run(_sync(cache, server.url, tok))
    assert [_on_hub(hub, i) for i in (first, last)] == [1, 1]
    assert counts(connect(cache)).pending == 0 and entries(connect(cache)) == []


def test_an_erasure_reaches_the_copies_set_aside(tmp_path: Path, server: HubServer) -> None:
    tok = token(server.url)
    cache = _synced(tmp_path / "c.sqlite3", server.url, tok)
    conn = connect(cache, durable=True)
    w = LocalWrites(conn, "u")
    for i in range(12):
        w.log_interaction("c-0001", channel="phone", summary=f"{i} " + "z" * 3000)
    conn.close()
    obx = outbox_path(cache)
    _damage(obx, "truncate")  # some writes are lost: the copy is kept for support
    conn, report = open_cache(cache)
    conn.close()
    assert report.lost and report.outbox_moved_aside is not None
    assert report.outbox_moved_aside.exists()
    r = _admin(server).post("/v1/admin/customers/c-0005/erase", json={"reason": "GDPR request"})
    assert r.status_code == 200, r.text
    run(_sync(cache, server.url, tok))
    assert list(cache.parent.glob("*corrupt*")) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rapport.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_the_command_line_works_on_a_damaged_cache(tmp_path: Path, hub: Hub) -> None:
    hub.add_user("cliagent", "demo", "Cli", "agent")  # a kept demo signs in with the demo password
    demo = tmp_path / "demo"
    cache = demo / "client" / "cache.sqlite3"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with HubServer(hub, port=port) as srv:
        conn, _ = open_cache(cache)
        save_profile(conn, url, {"id": "x", "username": "cliagent"})
        conn.close()
        run(_sync(cache, srv.url, token(srv.url)))
        iid = _cli("log", "--customer", "c-0001", "--channel", "phone", "--note", "typed",
                   "--data", str(demo)).stdout.strip()  # fmt: skip
        _damage(cache, "truncate")
        search = _cli("search", "Family7", "--data", str(demo))
        assert search.returncode == 1 and "no match" in search.stderr  # checked, rebuilt, empty
        assert "damaged" in search.stderr
        _damage(cache, "garbage")
        logged = _cli("log", "--customer", "c-0002", "--channel", "phone", "--note", "after",
                      "--data", str(demo))  # fmt: skip
        # The customer is not in the rebuilt cache until the next sync: said so, nothing queued.
        assert logged.returncode == 2 and "customer" in logged.stderr, logged.stderr
        synced = _cli("sync", "--once", "--data", str(demo))
        assert synced.returncode == 0, synced.stderr
        assert "now 0 pending" in synced.stdout
        again = _cli("log", "--customer", "c-0002", "--channel", "phone", "--note", "after",
                     "--data", str(demo))  # fmt: skip
        assert again.returncode == 0, again.stderr
        assert _cli("sync", "--once", "--data", str(demo)).returncode == 0
        found = _cli("search", "Family7", "--data", str(demo))
        assert found.returncode == 0 and "Given7" in found.stdout
    assert _on_hub(hub, iid) == 1
    assert _on_hub(hub, again.stdout.strip()) == 1


def test_the_command_line_says_how_many_writes_a_damaged_outbox_file_lost(
    tmp_path: Path, hub: Hub
) -> None:
    hub.add_user("cliagent", "demo", "Cli", "agent")
    demo = tmp_path / "demo"
    cache = demo / "client" / "cache.sqlite3"
    port = free_port()
    with HubServer(hub, port=port) as srv:
        conn, _ = open_cache(cache)
        save_profile(conn, srv.url, {"id": "x", "username": "cliagent"})
        conn.close()
        run(_sync(cache, srv.url, token(srv.url)))
        conn = connect(cache, durable=True)
        w = LocalWrites(conn, "u")
        iids = [
            w.log_interaction("c-0001", channel="phone", summary=f"{i} " + "n" * 3000)
            for i in range(12)
        ]
        conn.close()
        _damage(outbox_path(cache), "truncate")
        synced = _cli("sync", "--once", "--data", str(demo))
        assert synced.returncode == 0, synced.stderr
        on_hub = [_on_hub(hub, i) for i in iids]
    kept = sum(on_hub)
    assert 0 < kept < 12 and on_hub == [1] * kept + [0] * (12 - kept)
    assert f"{kept} change(s) not yet sent were recovered" in synced.stderr
    assert f"{12 - kept} change(s) not yet sent could not be recovered" in synced.stderr
