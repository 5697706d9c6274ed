"""``rapport://`` links on macOS. There a clicked link is not a command line (``rapport pop URL``,
as on Linux and Windows) but an Apple Event that Qt hands to the application object as a
``QFileOpenEvent``, possibly before anyone has signed in: such pops wait for the session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from rapport.ui.shell.single_instance import PopUrlError, parse_pop_url

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], None]


class UrlEvents:
    """Turns link events into the same ``{"cmd": "pop", ...}`` messages ``rapport pop`` sends."""

    def __init__(self) -> None:
        self.handler: Handler | None = None
        self.pending: list[dict[str, Any]] = []

    def attach(self, handler: Handler) -> None:
        self.handler = handler
        waiting, self.pending = self.pending, []
        for message in waiting:
            handler(message)

    def handle(self, event: QEvent) -> bool:
        """True when the event was a rapport:// link (used or refused), False for anything else."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        url = event.url().toString()
        if not url.lower().startswith("rapport:"):
            return False
        try:
            message = {"cmd": "pop", "phone": parse_pop_url(url)}
        except PopUrlError as exc:
            log.warning("ignored a rapport:// link: %s", type(exc).__name__)
            return True
        if self.handler is None:
            self.pending.append(message)
        else:
            self.handler(message)
        return True


class RapportApplication(QApplication):
    """Only ``event()`` differs: it sees the events sent to the application object itself, unlike
    an application-wide event filter, which would run Python for every event of every widget."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.url_events = UrlEvents()

    def event(self, event: QEvent) -> bool:
        if self.url_events.handle(event):
            return True
        return super().event(event)


def attach_url_events(app: QApplication, handler: Handler) -> None:
    """Route link events to ``handler`` (the session's screen pop), when the app is ours (tests
    run in pytest-qt's plain QApplication)."""
    if isinstance(app, RapportApplication):
        app.url_events.attach(handler)
