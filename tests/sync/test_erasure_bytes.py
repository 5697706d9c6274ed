"""Erasure leaves no bytes behind: after a person is erased on the hub and a client has synced,
neither the client's data folder nor the hub's holds their name, email, phone or the notes typed
about them, in any file (the databases, their -wal and -shm, logs, the hub's message outbox files,
anything set aside), in UTF-8 or UTF-16. Real hub (SQLite in tmp_path) over HTTP, real caches."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from rapport.cache.basket import Basket, BasketLine, save_basket, send_basket
from rapport.cache.db import connect, open_cache
from rapport.cache.writes import LocalWrites
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.logs import setup_logging
from rapport.sync import engine as engine_module
from rapport.sync.engine import SyncEngine

from ..hub.conftest import customer_row

PASSWORD = "pw-agent-1"
ERASED = "c-0042"
SURNAME = "Zawadzkiewicz"
GIVEN = "Maëlys"
EMAIL = "maelys.zawadzkiewicz@example.org"
PHONE_TYPED = "06 47 29 81 53"
PHONE_E164 = "+33647298153"
NOTE = "Wants the Quetzalcoatl edition gift-wrapped"
PROFILE_NOTE = "Xylophonist; call after six"
# Every form the person's data could be stored in: as typed, normalized, lowercased by the search
# index, the phone's national and international digits.
NEEDLES = (
    SURNAME,
    GIVEN,
    EMAIL,
    PHONE_TYPED,
    PHONE_E164,
    "0647298153",
    "647298153",
    NOTE,
    "Quetzalcoatl",
    PROFILE_NOTE,
    "Xylophonist",
)


def leaks(folder: Path, needles: tuple[str, ...] = NEEDLES) -> list[tuple[str, str, str]]:
    """(file, needle, encoding) for every needle found in the raw bytes of any file under
    ``folder``; ASCII case is ignored (the search index lowercases)."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        lowered = data.lower()
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if needle.encode(encoding) in data or needle.lower().encode(encoding) in lowered:
                    found.append((path.relative_to(folder).as_posix(), needle, encoding))
    return found


def wait_until(done: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _consent() -> dict:
    granted = {"status": "granted", "source": "store", "effective_at": "2026-01-01T00:00:00Z"}
    return {"email": granted, "sms": granted}


def _stock(hub: Hub) -> None:
    """A catalog, the person (profile, email, phone, an order) and two bystanders."""
    hub.write("store", [{"id": "st-a", "name": "Paris Opéra"}, {"id": "st-b", "name": "Lyon"}])
    hub.write("product", [{"id": "p-gloves", "sku": "GLV", "name": "Leather gloves",
                           "category": "Leather gloves", "price": 8900, "currency": "EUR"}])  # fmt: skip
    hub.write("variant", [{"id": "v-m-black", "product_id": "p-gloves", "sku": "GLV-M-BLK",
                           "size": "M", "color": "black", "price": None}])  # fmt: skip
    person = {**customer_row(42), "given_name": GIVEN, "family_name": SURNAME,
              "consent": _consent()}  # fmt: skip
    hub.write("customer", [customer_row(1), customer_row(2), person])
    hub.write("identity", [
        {"id": "i-mail", "customer_id": ERASED, "kind": "email", "value": EMAIL, "is_primary": 1},
        {"id": "i-tel", "customer_id": ERASED, "kind": "phone", "value": PHONE_TYPED, "is_primary": 1},
        {"id": "i-1", "customer_id": "c-0001", "kind": "email", "value": "ann@example.com"},
    ])  # fmt: skip
    hub.write("order", [{
        "id": "o-42", "customer_id": ERASED, "number": "W-42", "channel": "web",
        "store_id": None, "status": "paid", "placed_at": "2026-01-05T10:00:00Z", "currency": "EUR",
        "subtotal": 8900, "shipping": 0, "total": 8900,
        "lines": [{"sku": "GLV-M-BLK", "name": "Leather gloves", "qty": 1,
                   "ship_to": f"{GIVEN} {SURNAME}"}],
    }])  # fmt: skip


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """(hub folder, client folder); the process logs into the client's, at debug level."""
    monkeypatch.delenv("RAPPORT_SMTP_HOST", raising=False)  # email goes to mail-outbox.jsonl
    hub_dir, client_dir = tmp_path / "hub", tmp_path / "client"
    hub_dir.mkdir()
    client_dir.mkdir()
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    setup_logging(verbose=True, folder=client_dir / "logs")
    try:
        yield hub_dir, client_dir
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def _login(url: str, user: str) -> tuple[str, str]:
    """(token, user id)"""
    r = httpx.post(f"{url}/v1/auth/login", json={"username": user, "password": PASSWORD})
    return str(r.json()["token"]), str(r.json()["user"]["id"])


def _token(url: str, user: str) -> str:
    return _login(url, user)[0]


async def _sync(cache: Path, url: str, token: str, **kw: object) -> None:
    engine = SyncEngine(cache, url, token, **kw)  # type: ignore[arg-type]
    try:
        await engine.push()
        await engine.pull()
    finally:
        await engine.aclose()


def _track(url: str, hub: Hub, *messages: dict) -> None:
    from ..hub.tracking_payloads import basic

    key = hub.add_write_key("shop.example.com")
    r = httpx.post(f"{url}/v1/batch", json={"batch": list(messages)}, headers=basic(key))
    assert r.status_code == 200 and r.json()["accepted"] == len(messages), r.text


def _web_visits_before(url: str, hub: Hub) -> None:
    """Before the hub knows her, the web shop (whose user ids are emails) ties her browser to her
    email by an alias, and holds that browser's search for her own name."""
    from ..hub.tracking_payloads import py_message

    _track(url, hub,
        py_message("track", anonymousId="anon-her-phone", event="Products Searched",
                   properties={"query": f"{SURNAME} wedding list"}),
        py_message("alias", previousId="anon-her-phone", userId=EMAIL),
    )  # fmt: skip
    with hub.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM ingest_pending_link").scalar() == 1


def _doubtful_identify(url: str, hub: Hub) -> None:
    """Another browser gives her phone with another name: it gets a web profile of its own and a
    merge review names her."""
    from ..hub.tracking_payloads import py_message

    _track(url, hub, py_message("identify", anonymousId="anon-other",
                                traits={"phone": PHONE_E164, "firstName": "Léa"}))  # fmt: skip
    with hub.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM ingest_web_profile").scalar() == 1
        assert conn.exec_driver_sql("SELECT into_id FROM merge_review").scalars().all() == [ERASED]


def _basket_status(hub: Hub) -> list[str]:
    with hub.engine.connect() as conn:
        return list(conn.exec_driver_sql("SELECT state FROM message_outbox").scalars())


def test_nothing_of_an_erased_person_is_left_in_any_file_of_hub_or_client(
    folders: tuple[Path, Path],
) -> None:
    hub_dir, client_dir = folders
    hub = Hub.open(database_url(hub_dir))
    hub.add_user("agent", PASSWORD, "Agent", "agent")
    hub.add_user("admin", PASSWORD, "Admin", "admin")
    cache = client_dir / "cache.sqlite3"
    open_cache(cache)[0].close()
    server = HubServer(hub).start()
    try:
        token, agent_id = _login(server.url, "agent")
        # She calls before the hub has her: the agent's search of the hub, her name in its audit
        # trail, finds nobody.
        http = httpx.Client(base_url=server.url, timeout=30,
                            headers={"Authorization": f"Bearer {token}"})  # fmt: skip
        assert http.get("/v1/customers/search", params={"q": SURNAME}).json()["results"] == []
        _web_visits_before(server.url, hub)
        _stock(hub)
        _doubtful_identify(server.url, hub)
        asyncio.run(_sync(cache, server.url, token))
        # On the client: a call note, a profile note, a basket sent by email and by SMS.
        writes = LocalWrites(connect(cache), agent_id, "st-a")
        writes.log_interaction(ERASED, channel="phone", summary=NOTE)
        writes.update_customer(ERASED, {"notes": PROFILE_NOTE})
        line = BasketLine(str(uuid.uuid4()), "p-gloves", "v-m-black", "GLV-M-BLK",
                          "Leather gloves", "M", "black", 1, 8900)  # fmt: skip
        basket = save_basket(writes, Basket(str(uuid.uuid4()), ERASED, "st-a", lines=(line,)))
        send_basket(writes, basket.id, "email")
        asyncio.run(_sync(cache, server.url, token))
        wait_until(lambda: _basket_status(hub) == ["sent"])
        asyncio.run(_sync(cache, server.url, token))  # the basket's new status
        send_basket(writes, basket.id, "sms")
        asyncio.run(_sync(cache, server.url, token))
        wait_until(lambda: sorted(_basket_status(hub)) == ["sent", "sent"])
        writes.conn.close()
        asyncio.run(_sync(cache, server.url, token))
        # The data is there before the erasure (the needles are spelled as stored).
        assert {n for _f, n, _e in leaks(hub_dir)} >= {SURNAME, EMAIL, PHONE_E164, NOTE}
        assert {n for _f, n, _e in leaks(client_dir)} >= {SURNAME, EMAIL, "647298153", NOTE}

        admin = httpx.Client(base_url=server.url, timeout=30,
                             headers={"Authorization": f"Bearer {_token(server.url, 'admin')}"})  # fmt: skip
        # The reason as an admin would type it, naming her.
        reason = f"{GIVEN} {SURNAME} asked by email ({EMAIL})"
        r = admin.post(f"/v1/admin/customers/{ERASED}/erase", json={"reason": reason})
        assert r.status_code == 200 and r.json()["erased"] is True, r.text
        asyncio.run(_sync(cache, server.url, token))
        # While both run: the erasure's checkpoint emptied the hub's WAL, the client's too.
        assert leaks(hub_dir) == []
        assert leaks(client_dir) == []
    finally:
        server.stop()  # a clean stop: the engine is disposed, the -wal checkpointed away
    assert leaks(hub_dir) == []
    assert leaks(client_dir) == []
    assert not (hub_dir / "hub.sqlite3-wal").exists()
    # The bystanders are still there, in the cache and on the hub, and so is the other browser's
    # profile (a review said it might be her; nobody decided it was).
    local = sqlite3.connect(cache)
    names = {r[0] for r in local.execute("SELECT given_name FROM customer")}
    assert names == {"Given1", "Given2", "Léa"}
    found = local.execute("SELECT rowid FROM customer_fts WHERE customer_fts MATCH 'ann'")
    assert len(found.fetchall()) == 1
    local.close()
    hub.engine.dispose()


def test_the_apps_sync_worker_forgets_an_erased_person_in_its_child_process(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folders: tuple[Path, Path]
) -> None:  # type: ignore[no-untyped-def]
    """The app's path: the SyncWorker (its engine applies pages in a child process), the UI's
    reader connection open throughout."""
    from rapport.ui.shell.sync_worker import SyncWorker

    monkeypatch.setattr(engine_module, "CHILD_MIN_BYTES", 0)  # every page through the child
    hub_dir, client_dir = folders
    hub = Hub.open(database_url(hub_dir))
    hub.add_user("agent", PASSWORD, "Agent", "agent")
    hub.add_user("admin", PASSWORD, "Admin", "admin")
    _stock(hub)
    cache = client_dir / "cache.sqlite3"
    open_cache(cache)[0].close()
    reader = connect(cache, readonly=True)
    with HubServer(hub) as server:
        worker = SyncWorker(cache, server.url, _token(server.url, "agent"), live_wait=1.0)
        worker.start()
        try:

            def has(cid: str) -> bool:
                row = reader.execute("SELECT count(*) FROM customer WHERE id = ?", (cid,))
                return bool(row.fetchone()[0])

            qtbot.waitUntil(lambda: has(ERASED), timeout=30_000)
            hub.write("interaction", [{
                "id": "int-42", "customer_id": ERASED, "channel": "phone", "direction": "inbound",
                "kind": "call", "occurred_at": "2026-02-01T09:00:00Z", "user_id": None,
                "store_id": None, "summary": NOTE, "disposition": None, "payload": None}])  # fmt: skip
            qtbot.waitUntil(
                lambda: reader.execute("SELECT count(*) FROM interaction").fetchone()[0] == 1,
                timeout=30_000,
            )
            assert {n for _f, n, _e in leaks(client_dir)} >= {SURNAME, EMAIL, NOTE}
            hub.erase(ERASED, "GDPR request")
            qtbot.waitUntil(lambda: not has(ERASED), timeout=30_000)
            qtbot.waitUntil(lambda: leaks(client_dir) == [], timeout=30_000)
            assert worker._engine._child is not None  # the purge was applied in the child
        finally:
            worker.stop()
    reader.close()
    assert leaks(client_dir) == []
    hub.engine.dispose()
