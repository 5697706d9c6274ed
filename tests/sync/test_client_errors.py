"""The client reads the hub's refusals as the hub writes them, ``{"code", "message", "detail"}``:
the message for people, the code for the kind of error; ``detail`` only from a hub that sends
nothing else. Real hub over HTTP; an older hub's answer through the test proxy."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url, open_engine
from rapport.sync.client import AuthRequired, HubClient, HubUnavailable, Rejected

from .proxy import Fault, FaultyProxy

PASSWORD = "pw-agent-1"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    # Impatient: a writer waits 0.2 s for the lock, then the hub answers 503.
    h = Hub(open_engine(database_url(tmp_path), busy_timeout=0.2))
    h.add_user("agent", PASSWORD, "Alex", "agent")
    yield h
    h.engine.dispose()


async def _signed_in(url: str) -> HubClient:
    client = HubClient(url)
    await client.login("agent", PASSWORD)
    return client


def test_a_refusal_is_read_by_its_message_and_its_code(hub: Hub) -> None:
    async def go(url: str) -> None:
        async with HubClient(url) as anon:
            with pytest.raises(AuthRequired) as signin:
                await anon.login("agent", "wrong password")
            assert str(signin.value) == "wrong username or password"
            assert signin.value.code == "unauthorized"
        client = await _signed_in(url)
        try:
            # A validation error: ``detail`` lists the fields, ``message`` says which one.
            bad = {"client_seq": "one", "mutation_id": "m-1", "name": "x", "args": {}}
            with pytest.raises(Rejected) as refused:
                await client.push("dev-1", 1, [bad])
            assert str(refused.value).startswith("mutations[0].client_seq:"), str(refused.value)
            assert refused.value.code == "invalid"
            # The database busy: the hub's reason and its wait, not just a status.
            holder = hub.engine.connect()
            trans = holder.begin()
            holder.exec_driver_sql("UPDATE hub_meta SET value = value WHERE key = 'hub_id'")
            try:
                with pytest.raises(HubUnavailable) as busy:
                    await client.push("dev-1", 1, [{**bad, "client_seq": 1}])
            finally:
                trans.rollback()
                holder.close()
            assert str(busy.value) == "the hub's database is busy; retry shortly"
            assert busy.value.code == "busy" and busy.value.retry_after == 1
        finally:
            await client.aclose()

    with HubServer(hub) as server:
        asyncio.run(go(server.url))


def _answer(status: str, body: dict) -> bytes:
    data = orjson.dumps(body)
    head = f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\n"
    return head.encode() + b"content-length: %d\r\nconnection: close\r\n\r\n" % len(data) + data


def test_an_older_hubs_detail_is_still_read(hub: Hub) -> None:
    """Hubs before 0.9 sent FastAPI's ``{"detail": ...}`` only."""

    async def go(url: str, proxy: FaultyProxy) -> None:
        client = HubClient(url, token="whatever")
        try:
            proxy.inject(Fault(garbage=_answer("403 Forbidden", {"detail": "not yours"})))
            with pytest.raises(Rejected) as refused:
                await client.search("ana")
            assert str(refused.value) == "not yours" and refused.value.code is None
            proxy.inject(Fault(garbage=_answer("401 Unauthorized", {"detail": "expired"})))
            with pytest.raises(AuthRequired) as expired:
                await client.search("ana")
            assert str(expired.value) == "expired"
            fields = {"detail": [{"loc": ["query", "q"], "msg": "field required"}]}
            proxy.inject(Fault(garbage=_answer("422 Unprocessable Entity", fields)))
            with pytest.raises(Rejected) as invalid:
                await client.search("ana")
            assert str(invalid.value) == "field required"
        finally:
            await client.aclose()

    with HubServer(hub) as server, FaultyProxy(server.port) as proxy:
        asyncio.run(go(proxy.url, proxy))
