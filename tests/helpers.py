"""Shared test helpers: demo data straight into a cache, without a hub, for fast unit tests.

The end-to-end tests go through a real hub over HTTP instead (see tests/e2e)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from rapport.cache.apply import apply_changes
from rapport.cache.db import open_cache
from rapport.hub.demo_data import SeedConfig, generate
from rapport.hub.identity import normalize_identity_rows

FIXED_NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


def seeded_cache(path: Path, customers: int = 200, now: datetime = FIXED_NOW) -> sqlite3.Connection:
    conn, _report = open_cache(path)
    for entity, rows in generate(SeedConfig(seed=42, customers=customers, now=now)):
        if entity == "identity":
            rows = normalize_identity_rows(rows, "FR")
        apply_changes(
            conn,
            [
                {"entity": entity, "op": "upsert", "id": r["id"], "version": 1, "data": r}
                for r in rows
            ],
            cursor=None,
        )
    return conn
