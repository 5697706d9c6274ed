"""Screen pop: a real demo hub, a real synced cache, the real window; the number arrives as a
softphone's carrier sends it, through the real local socket when it matters."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QLabel

from rapport.cache.apply import apply_changes
from rapport.cli import main
from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.calls.screen_pop import CHOOSER, INVALID, OPENED, UNKNOWN
from rapport.ui.shell.session import Session
from rapport.ui.shell.single_instance import (
    INSTANCE_ENV,
    PopUrlError,
    parse_pop_url,
    send_to_running,
    server_name,
)

CUSTOMERS = 60
LUCAS = STORY_CUSTOMERS["hoops"]  # Lucas Martin, stored as 06 12 34 56 78


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo"), customers=CUSTOMERS)
    yield site
    site.close()


@pytest.fixture
def session(qtbot, demo: DemoSite, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    s = Session(
        tmp_path / "cache.sqlite3",
        demo.hub_url,
        demo.login.token,
        user=dict(demo.login.user),
        live_wait=1.0,
    )
    qtbot.addWidget(s.window)
    s.start(show=True)
    qtbot.waitUntil(lambda: s.worker.status.state == "online", timeout=60_000)
    yield s
    s.shutdown()


@pytest.fixture
def instance(monkeypatch: pytest.MonkeyPatch) -> str:
    """A socket name of this test's own, also seen by `rapport pop` run as a subprocess."""
    monkeypatch.setenv(INSTANCE_ENV, f"test-{uuid.uuid4().hex[:8]}")
    return server_name()


def _shown_name(session: Session) -> str:
    label = session.window.findChild(QLabel, "customerName")
    return label.text() if label is not None and label.isVisible() else ""


@pytest.mark.parametrize("caller_id", ["+33612345678", "0033612345678"])
def test_the_carriers_number_opens_the_customer(qtbot, session: Session, caller_id: str) -> None:  # type: ignore[no-untyped-def]
    assert session.screen_pop.pop(caller_id) == OPENED
    assert "Lucas Martin" in _shown_name(session)
    assert session.window.customer.current_customer_id == LUCAS


def test_rapport_pop_reaches_the_running_app_through_the_socket(
    qtbot, session: Session, instance: str
) -> None:  # type: ignore[no-untyped-def]
    assert session.listen()
    assert session.instance is not None and session.instance.name == instance
    cmd = [sys.executable, "-m", "rapport.cli", "pop", "rapport://pop?phone=%2B33612345678"]
    with qtbot.waitSignal(session.screen_pop.popped, timeout=20_000) as popped:
        proc = subprocess.Popen(cmd, env=os.environ.copy(), stderr=subprocess.PIPE)
        # The app answers while the command waits: keep the event loop turning meanwhile.
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20_000)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert popped.args == [OPENED, "+33612345678"]
    assert "Lucas Martin" in _shown_name(session)


def test_the_socket_refuses_other_protocol_versions(qtbot, session: Session, instance: str) -> None:  # type: ignore[no-untyped-def]
    assert session.listen()
    sock = QLocalSocket()
    sock.connectToServer(instance)
    qtbot.waitUntil(lambda: sock.state() == QLocalSocket.LocalSocketState.ConnectedState)
    sock.write(b'{"v": 99, "cmd": "pop", "phone": "+33612345678"}\n')
    sock.flush()
    qtbot.waitUntil(lambda: sock.bytesAvailable() > 0, timeout=5000)
    reply = bytes(sock.readAll().data())
    assert b'"ok": false' in reply and b"protocol version" in reply
    assert session.window.customer.current_customer_id is None


def test_no_running_app_is_said_and_a_stale_socket_is_replaced(
    qtbot, session: Session, instance: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    assert main(["pop", "--phone", "+33612345678"]) == 1
    assert "not running" in capsys.readouterr().err
    if sys.platform != "win32":  # a crashed Rapport leaves its socket file behind
        stale = socket.socket(socket.AF_UNIX)
        stale.bind(instance)
        stale.close()
        assert Path(instance).exists()
        assert not send_to_running({"cmd": "raise"}, 300)
    assert session.listen()
    assert session.instance is not None and session.instance.listening


def test_a_shared_number_asks_which_customer(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    other = STORY_CUSTOMERS["vip"]
    row = {
        "id": "idn-shared-landline",
        "customer_id": other,
        "kind": "phone",
        "value": "06 12 34 56 78",
        "normalized": "+33612345678",
        "label": "home",
        "is_primary": 0,
        "created_at": "2026-01-05T10:00:00Z",
    }
    apply_changes(
        session.writes.conn,
        [{"entity": "identity", "op": "upsert", "id": row["id"], "version": 1, "data": row}],
        None,
    )
    assert session.screen_pop.pop("+33612345678") == CHOOSER
    chooser = session.screen_pop.chooser
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    assert chooser.model.rowCount() == 2
    ids = [chooser.model.hit(r).id for r in range(2)]  # type: ignore[union-attr]
    assert set(ids) == {LUCAS, other}
    assert "2 customers" in chooser.title.text()
    qtbot.keyClick(chooser.list, Qt.Key.Key_2)  # the second one, from the keyboard
    assert session.window.customer.current_customer_id == ids[1]
    assert not chooser.isVisible()


def test_an_unknown_caller_gets_the_number_to_search_or_copy(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    assert session.screen_pop.pop("+44 20 7946 0321") == UNKNOWN
    panel = session.screen_pop.unknown
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    assert panel.number.text() == "+44 20 7946 0321"
    assert session.window.customer.current_customer_id is None
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "+442079460321"
    qtbot.mouseClick(panel.hub_button, Qt.MouseButton.LeftButton)
    assert session.window.search.box.text() == "+442079460321"
    assert not panel.isVisible()


@pytest.mark.parametrize("garbage", ["call me maybe", "", "+33 6 12 34 56 78 ; DROP TABLE", "12"])
def test_garbage_is_refused_clearly(qtbot, session: Session, garbage: str) -> None:  # type: ignore[no-untyped-def]
    assert session.screen_pop.pop(garbage) == INVALID
    assert "not a phone number" in session.window.statusBar().currentMessage()
    assert session.screen_pop.chooser is None and session.screen_pop.unknown is None


def test_rapport_pop_refuses_garbage_before_sending(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pop", "--phone", "call me maybe"]) == 2
    assert "not a phone number" in capsys.readouterr().err
    assert main(["pop"]) == 2
    assert "--phone" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "phone"),
    [
        ("rapport://pop?phone=%2B33612345678", "+33612345678"),
        ("rapport://pop/?phone=0612345678", "0612345678"),
        ("rapport://pop?phone=+33612345678", "+33612345678"),
        ("RAPPORT://pop?tel=%2B33%206%2012%2034%2056%2078", "+33 6 12 34 56 78"),
        ("rapport:pop?phone=0033612345678", "0033612345678"),
    ],
)
def test_pop_links_are_read(url: str, phone: str) -> None:
    assert parse_pop_url(url) == phone


@pytest.mark.parametrize(
    "url",
    [
        "https://pop?phone=1",
        "rapport://open?phone=0612345678",
        "rapport://pop",
        "rapport://pop?phone=",
    ],
)
def test_other_links_are_refused(url: str) -> None:
    with pytest.raises(PopUrlError):
        parse_pop_url(url)
