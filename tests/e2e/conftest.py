"""The end-to-end modules each start their own demo hub (a module-scoped ``demo`` fixture); this
gives every test a fresh cache synced from it, in a session with its window shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rapport.demo import DemoSite
from rapport.ui.shell.session import Session

from .support import session_on


@pytest.fixture
def session(qtbot, demo: DemoSite, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    s = session_on(demo, tmp_path / "cache.sqlite3")
    qtbot.addWidget(s.window)
    s.start(show=True)
    qtbot.waitUntil(lambda: s.worker.status.state == "online", timeout=60_000)
    yield s
    s.shutdown()


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    """The interface in English (its catalog holds the plural forms: "1 view", "2 views")."""
