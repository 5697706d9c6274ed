"""What the end-to-end tests share: a session on the demo hub, window activation, hub reads."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from rapport.demo import DemoSite
from rapport.ui.shell.session import Session


def session_on(demo: DemoSite, cache: Path, hub_url: str | None = None) -> Session:
    """A session on the demo hub (or ``hub_url``) that long-polls briefly, so tests end fast."""
    return Session(
        cache,
        hub_url or demo.hub_url,
        demo.login.token,
        user=dict(demo.login.user),
        live_wait=1.0,
    )


class DownHub:
    """An address where the hub is down: each connection is closed unanswered, and counted, so a
    test can wait for the sync worker's next attempt instead of sleeping."""

    def __init__(self) -> None:
        self.attempts = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="down-hub", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            self.attempts += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sock.close()


def activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()  # a window manager does this when a dialog closes; offscreen does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5000)


def hub_row(demo: DemoSite, sql: str, *args: object) -> Any:
    with demo.server.hub.engine.connect() as conn:
        return conn.exec_driver_sql(sql, args).mappings().first()
