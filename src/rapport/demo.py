"""The embedded demo: a hub on a free 127.0.0.1 port over a generated data set, and a signed-in
client profile next to it. Used by ``rapport demo``, its self-test and the end-to-end tests."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapport.config import demo_cache_path
from rapport.hub.bootstrap import SeedReport, seed_demo
from rapport.hub.demo_data import SeedConfig
from rapport.hub.demo_users import DEMO_PASSWORD
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.sync.client import HubClient, LoginResult

DEFAULT_CUSTOMERS = 2_000
DEMO_USER = "agent"


@dataclass(slots=True)
class DemoSite:
    data_dir: Path
    server: HubServer
    login: LoginResult
    seeded: SeedReport | None
    temporary: bool

    @property
    def hub_url(self) -> str:
        return self.server.url

    @property
    def cache_path(self) -> Path:
        return demo_cache_path(self.data_dir)

    def close(self) -> None:
        self.server.stop()
        self.server.hub.engine.dispose()
        if self.temporary:
            shutil.rmtree(self.data_dir, ignore_errors=True)


def hub_is_seeded(data_dir: Path) -> bool:
    return (data_dir / "hub" / "hub.sqlite3").exists() and (data_dir / "hub" / ".seeded").exists()


def start_demo(
    data_dir: Path | None = None,
    customers: int = DEFAULT_CUSTOMERS,
    seed: int = 42,
    username: str = DEMO_USER,
    progress: Callable[[int], None] | None = None,
) -> DemoSite:
    """Seed (first time only) and start the hub, then sign in. The caller owns ``close()``."""
    temporary = data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="rapport-demo-")) if data_dir is None else data_dir
    hub_dir = data_dir / "hub"
    hub_dir.mkdir(parents=True, exist_ok=True)
    seeded_before = hub_is_seeded(data_dir)
    if not seeded_before and (hub_dir / "hub.sqlite3").exists():
        # A seed that was interrupted: start it over rather than serve half a data set.
        for leftover in hub_dir.glob("hub.sqlite3*"):
            leftover.unlink()
    hub = Hub.open(database_url(hub_dir))
    report = None
    if not seeded_before:
        report = seed_demo(hub, SeedConfig(seed=seed, customers=customers), progress)
        (hub_dir / ".seeded").write_text(f"seed={seed} customers={customers}\n")
    server = HubServer(hub).start()
    try:
        login = asyncio.run(_login(server.url, username))
    except Exception:
        server.stop()
        raise
    return DemoSite(data_dir, server, login, report, temporary)


async def _login(url: str, username: str) -> LoginResult:
    async with HubClient(url) as client:
        return await client.login(username, DEMO_PASSWORD)
