"""What the end-to-end tests share: a session on the demo hub, window activation, hub reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from rapport.demo import DemoSite
from rapport.ui.session import Session


def session_on(demo: DemoSite, cache: Path, hub_url: str | None = None) -> Session:
    """A session on the demo hub (or ``hub_url``) that long-polls briefly, so tests end fast."""
    return Session(
        cache,
        hub_url or demo.hub_url,
        demo.login.token,
        user=dict(demo.login.user),
        live_wait=1.0,
    )


def activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()  # a window manager does this when a dialog closes; offscreen does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5000)


def hub_row(demo: DemoSite, sql: str, *args: object) -> Any:
    with demo.server.hub.engine.connect() as conn:
        return conn.exec_driver_sql(sql, args).mappings().first()
