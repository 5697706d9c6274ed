"""Caches for the UI tests: demo data seeded once, then copied for each test that writes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from rapport.cache.db import connect
from rapport.cache.writes import LocalWrites
from tests.helpers import FIXED_NOW, seeded_cache


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "cache.sqlite3"
    seeded_cache(path).close()  # closing checkpoints the WAL: the file alone is the cache
    return path


@pytest.fixture
def cache_path(seeded_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "cache.sqlite3"
    shutil.copyfile(seeded_template, path)
    return path


@pytest.fixture
def reader(cache_path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(cache_path)
    yield conn
    conn.close()


@pytest.fixture
def writes(cache_path: Path) -> Iterator[LocalWrites]:
    w = LocalWrites(connect(cache_path, durable=True), "u-agent", None, now=lambda: FIXED_NOW)
    yield w
    w.conn.close()


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    """The interface in English (its catalog holds the plural forms: "1 view", "2 views")."""
