"""Initial sync against a real hub over HTTP: complete, resumable after a kill, and robust to a
hub that is down, refuses the token or answers garbage."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rapport.cache.db import get_state, open_cache
from rapport.hub.server import HubServer, free_port
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.sync import engine as engine_module
from rapport.sync.client import HubUnavailable
from rapport.sync.engine import SyncEngine, SyncStatus

from ..hub.conftest import customer_row

N = 3000


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    h = Hub.open(database_url(tmp_path))
    h.add_user("agent", "pw-agent-1", "Alex", "agent")
    h.write_batches(
        ("customer", [customer_row(i) for i in range(s, s + 500)]) for s in range(0, N, 500)
    )
    yield h
    h.engine.dispose()


def _token(url: str) -> str:
    import httpx

    r = httpx.post(f"{url}/v1/auth/login", json={"username": "agent", "password": "pw-agent-1"})
    return r.json()["token"]


def _cache_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM customer")}
    finally:
        conn.close()


def test_full_sync_then_nothing_more(tmp_path: Path, hub: Hub) -> None:
    cache = tmp_path / "client" / "cache.sqlite3"
    open_cache(cache)[0].close()
    with HubServer(hub) as srv:
        statuses: list[SyncStatus] = []
        engine = SyncEngine(
            cache, srv.url, _token(srv.url), on_status=statuses.append, page_limit=700
        )

        async def go() -> tuple:
            first = await engine.pull()
            second = await engine.pull()
            await engine.aclose()
            return first, second

        first, second = asyncio.run(go())
    # The customers, the hub's settings and its staff directory (one user).
    assert first.rows == N + 2 and first.pages == 5
    assert second.rows == 0 and second.pages == 1
    assert _cache_ids(cache) == {f"c-{i:04d}" for i in range(N)}
    progress = [s for s in statuses if s.state == "syncing"]
    assert progress and progress[-1].done == 2800 and progress[0].total == N + 2


def test_big_pages_are_applied_in_a_child_process(
    tmp_path: Path, hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's engine decodes and writes big pages in a child process (its own GIL): the same
    rows, cursor and reports as in this process; small pages stay here."""
    monkeypatch.setattr(engine_module, "CHILD_MIN_BYTES", 50_000)  # the 700-change pages
    cache = tmp_path / "client" / "cache.sqlite3"
    open_cache(cache)[0].close()
    applied: list = []
    with HubServer(hub) as srv:
        engine = SyncEngine(
            cache, srv.url, _token(srv.url), page_limit=700, apply_process=True,
            on_applied=applied.append,
        )  # fmt: skip
        fetched_here: list[str | None] = []
        changes_raw = engine.client.changes_raw

        async def counted(cursor: str | None, *args: object, **kwargs: object) -> bytes:
            fetched_here.append(cursor)
            return await changes_raw(cursor, *args, **kwargs)  # type: ignore[arg-type]

        engine.client.changes_raw = counted  # type: ignore[method-assign]

        async def go() -> tuple:
            first = await engine.pull()
            used_child = engine._child is not None
            hub.write_batches([("customer", [customer_row(N)])])
            second = await engine.pull()
            await engine.aclose()
            return first, second, used_child

        first, second, used_child = asyncio.run(go())
    assert used_child
    assert first.rows == N + 2 and first.pages == 5
    # This process read the first page of each pull; the child read the catch-up's other four.
    assert len(fetched_here) == 2 and fetched_here[0] is None
    assert second.rows == 1  # a page of one change, applied in this process
    assert _cache_ids(cache) == {f"c-{i:04d}" for i in range(N + 1)}
    assert sum(len(a.customers) for a in applied) == N + 1
    conn = sqlite3.connect(cache)
    try:
        assert get_state(conn, "cursor") is not None
        # The child kept the search index in step, as apply_changes does here.
        assert conn.execute("SELECT count(*) FROM customer_fts").fetchone()[0] == N + 1
    finally:
        conn.close()


def test_sync_resumes_after_kill_9(tmp_path: Path, hub: Hub) -> None:
    cache = tmp_path / "client" / "cache.sqlite3"
    open_cache(cache)[0].close()
    with HubServer(hub) as srv:
        token = _token(srv.url)
        script = textwrap.dedent(f"""
            import asyncio, time
            from pathlib import Path
            from rapport.sync import engine as eng
            from rapport.cache import apply as ap
            slow = ap.apply_changes
            def slowed(*a, **k):
                out = slow(*a, **k)
                time.sleep(0.2)  # leave the test time to kill us between pages
                return out
            eng.apply_changes = slowed
            e = eng.SyncEngine(Path({str(cache)!r}), {srv.url!r}, {token!r}, page_limit=100)
            asyncio.run(e.pull())
        """)
        proc = subprocess.Popen([sys.executable, "-c", script])
        deadline = time.monotonic() + 60
        cursor = None
        while time.monotonic() < deadline:
            time.sleep(0.1)
            conn = sqlite3.connect(cache)
            try:
                cursor = get_state(conn, "cursor")
                applied = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
            finally:
                conn.close()
            if applied >= 500:
                break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert cursor is not None
        partial = _cache_ids(cache)
        assert 0 < len(partial) < N

        engine = SyncEngine(cache, srv.url, token, page_limit=100)

        async def resume():
            report = await engine.pull()
            await engine.aclose()
            return report

        report = asyncio.run(resume())
    assert _cache_ids(cache) == {f"c-{i:04d}" for i in range(N)}
    # It went on from the stored cursor instead of starting over.
    assert report.rows <= N - len(partial) + 100


def _run_until(engine: SyncEngine, state: str, timeout: float = 20) -> SyncStatus:
    seen: list[SyncStatus] = []
    engine._on_status = seen.append  # type: ignore[method-assign]

    async def go() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(engine.run(stop))
        t0 = time.monotonic()
        while not any(s.state == state for s in seen) and time.monotonic() - t0 < timeout:
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(task, 5)
        await engine.aclose()

    asyncio.run(go())
    matching = [s for s in seen if s.state == state]
    assert matching, [s.state for s in seen]
    return matching[0]


def test_hub_down_means_offline_and_the_cache_stays(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    open_cache(cache)[0].close()
    status = _run_until(SyncEngine(cache, f"http://127.0.0.1:{free_port()}", "t"), "offline")
    assert "cannot reach the hub" in status.message
    assert status.since is not None


def test_revoked_token_asks_to_sign_in(tmp_path: Path, hub: Hub) -> None:
    cache = tmp_path / "cache.sqlite3"
    open_cache(cache)[0].close()
    with HubServer(hub) as srv:
        status = _run_until(SyncEngine(cache, srv.url, "not-a-token"), "signin")
    assert "sign in" in status.message.lower()


class _FailingOnce(BaseHTTPRequestHandler):
    """Passes requests to the real hub, except the ``fail_at``-th change page: 503."""

    upstream = ""
    fail_at = 0
    pages = 0

    def do_GET(self) -> None:
        import httpx

        cls = type(self)
        if self.path.startswith("/v1/sync/changes"):
            cls.pages += 1
            if cls.pages == cls.fail_at:
                self.send_response(503)
                self.send_header("Retry-After", "7")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        headers = {"Authorization": self.headers.get("Authorization", "")}
        r = httpx.get(cls.upstream + self.path, headers=headers)
        self.send_response(r.status_code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(r.content)))
        self.end_headers()
        self.wfile.write(r.content)

    def log_message(self, *args: object) -> None:
        pass


def test_a_page_the_child_cannot_read_is_read_again(
    tmp_path: Path, hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hub fails the third page, read by the child process: the hub's answer reaches the
    engine whole (503 and its Retry-After), the two pages before it stay written with their
    cursor, and the next pull goes on from there."""
    monkeypatch.setattr(engine_module, "CHILD_MIN_BYTES", 50_000)
    cache = tmp_path / "client" / "cache.sqlite3"
    open_cache(cache)[0].close()
    with HubServer(hub) as srv:
        handler = type("P", (_FailingOnce,), {"upstream": srv.url, "fail_at": 3})
        proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{proxy.server_port}"
        engine = SyncEngine(cache, url, _token(srv.url), page_limit=700, apply_process=True)

        async def go() -> tuple:
            failure = None
            try:
                await engine.pull()
            except HubUnavailable as exc:
                failure = exc
            rows = len(_cache_ids(cache))
            again = await engine.pull()
            await engine.aclose()
            return failure, rows, again

        try:
            failure, rows_after_failure, again = asyncio.run(go())
        finally:
            proxy.shutdown()
    assert failure is not None and "503" in str(failure) and failure.retry_after == 7
    assert rows_after_failure == 1400 - 2  # the first page also brings settings and staff
    assert again.rows == N + 2 - 1400
    assert _cache_ids(cache) == {f"c-{i:04d}" for i in range(N)}


class _Garbage(BaseHTTPRequestHandler):
    mode = "garbage"

    def do_GET(self) -> None:
        if self.mode == "503":
            self.send_response(503)
            self.send_header("Retry-After", "7")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{not json" if self.mode == "garbage" else b'{"changes": 5}')

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("mode", ["garbage", "wrong-shape", "503"])
def test_a_hub_answering_garbage_changes_nothing(tmp_path: Path, mode: str) -> None:
    cache = tmp_path / "cache.sqlite3"
    conn, _ = open_cache(cache)
    conn.execute("INSERT INTO customer (id, given_name) VALUES ('keep', 'Kept')")
    conn.commit()
    conn.close()
    handler = type("H", (_Garbage,), {"mode": mode})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        status = _run_until(
            SyncEngine(cache, f"http://127.0.0.1:{httpd.server_port}", "t"), "offline"
        )
    finally:
        httpd.shutdown()
    assert _cache_ids(cache) == {"keep"}
    expected = {"garbage": "not valid JSON", "wrong-shape": "malformed", "503": "503"}[mode]
    assert expected in status.message
