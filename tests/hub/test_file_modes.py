"""The hub's files hold every customer: only the account the hub runs as may read them (folder
0700; database, its -wal and -shm, and the JSON-lines outboxes 0600), whatever the umask, and a
hub made before this tightens its files when it opens."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rapport.hub.notify import FileNotifier, Message
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url

from .conftest import customer_row

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual default: new files 0644, folders 0755
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_hub_keeps_its_folder_and_files_private(tmp_path: Path) -> None:
    data = tmp_path / "hub-data"
    data.mkdir()
    hub = Hub.open(database_url(data))
    try:
        hub.add_user("agent", "s3cret-pass", "Alex Agent", "agent")
        hub.write("customer", [customer_row(1)])
        with HubServer(hub) as server:
            r = httpx.post(f"{server.url}/v1/auth/login",
                           json={"username": "agent", "password": "s3cret-pass"})  # fmt: skip
            assert r.status_code == 200
            files = sorted(p.name for p in data.iterdir())
            assert {"hub.sqlite3", "hub.sqlite3-wal", "hub.sqlite3-shm"} <= set(files)
            assert mode(data) == 0o700
            assert {name: mode(data / name) for name in files} == {n: 0o600 for n in files}
    finally:
        hub.engine.dispose()


def test_an_older_hub_is_tightened_when_it_opens(tmp_path: Path) -> None:
    data = tmp_path / "hub-data"
    data.mkdir()
    Hub.open(database_url(data)).engine.dispose()
    for p in (data, *data.iterdir()):
        p.chmod(0o755 if p.is_dir() else 0o644)
    (data / "hub.sqlite3-wal").write_bytes(b"")
    (data / "hub.sqlite3-wal").chmod(0o644)
    hub = Hub.open(database_url(data))
    try:
        assert mode(data) == 0o700
        for p in data.iterdir():
            assert mode(p) == 0o600, p.name
    finally:
        hub.engine.dispose()


def test_a_shared_folder_is_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: the sticky bit says others keep files here too
    hub = Hub.open(database_url(shared))
    try:
        assert mode(shared) == 0o1777
        assert mode(shared / "hub.sqlite3") == 0o600
    finally:
        hub.engine.dispose()


def test_the_outbox_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "sms-outbox.jsonl"
    FileNotifier(path).send(Message(channel="sms", to="+33612345678", subject=None, body="Hi"))
    assert mode(path) == 0o600
    path.chmod(0o644)  # an older hub's file
    FileNotifier(path).send(Message(channel="sms", to="+33612345678", subject=None, body="Hi"))
    assert mode(path) == 0o600
    assert len(path.read_text().splitlines()) == 2
