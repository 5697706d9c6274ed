"""macOS rapport:// links arrive as QFileOpenEvent: they pop the caller like `rapport pop`, and
a link that launched the app waits for the session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent

from rapport.ui.shell.url_events import UrlEvents


def _link(url: str) -> QFileOpenEvent:
    return QFileOpenEvent(QUrl(url))


def test_a_link_before_sign_in_waits_then_pops(qapp) -> None:  # type: ignore[no-untyped-def]
    events = UrlEvents()
    got: list[dict[str, Any]] = []
    assert events.handle(_link("rapport://pop?phone=%2B33612345678")) is True
    assert got == []
    events.attach(got.append)
    assert got == [{"cmd": "pop", "phone": "+33612345678"}]
    assert events.handle(_link("rapport://pop?phone=+33698765432")) is True
    assert got[-1] == {"cmd": "pop", "phone": "+33698765432"}


def test_other_events_and_links_are_left_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    events = UrlEvents()
    got: list[dict[str, Any]] = []
    events.attach(got.append)
    assert events.handle(_link("file:///Users/ana/report.pdf")) is False
    assert events.handle(QEvent(QEvent.Type.ApplicationActivate)) is False
    assert events.handle(_link("rapport://dial?phone=1")) is True  # ours, refused: logged only
    assert got == []


def test_the_application_object_routes_link_events() -> None:
    """In its own process: pytest-qt's application is a plain QApplication, ours overrides event()."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QFileOpenEvent
        from rapport.ui.shell.url_events import RapportApplication, attach_url_events

        app = RapportApplication(["rapport"])
        got = []
        attach_url_events(app, got.append)
        app.sendEvent(app, QFileOpenEvent(QUrl("rapport://pop?phone=%2B33612345678")))
        print(got)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[{'cmd': 'pop', 'phone': '+33612345678'}]"
