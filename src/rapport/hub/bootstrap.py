"""Filling a hub with the demo data set and its users."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from rapport.hub.demo_data import SeedConfig, generate
from rapport.hub.demo_users import DEMO_PASSWORD, DEMO_USERS
from rapport.hub.service import Hub


@dataclass(frozen=True, slots=True)
class SeedReport:
    rows: int
    customers: int
    seconds: float


def seed_demo(
    hub: Hub, config: SeedConfig, progress: Callable[[int], None] | None = None
) -> SeedReport:
    started = time.perf_counter()
    first_store: list[str] = []
    count = 0

    def batches():  # type: ignore[no-untyped-def]
        nonlocal count
        for entity, rows in generate(config):
            if entity == "store" and not first_store and rows:
                first_store.append(rows[0]["id"])
            count += len(rows)
            if progress is not None:
                progress(count)
            yield entity, rows

    rows = hub.write_batches(batches())
    for username, display, role in DEMO_USERS:
        store = first_store[0] if role == "associate" and first_store else None
        hub.add_user(username, DEMO_PASSWORD, display, role, store)
    return SeedReport(rows, config.customers, time.perf_counter() - started)
