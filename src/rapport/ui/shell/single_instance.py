"""One running Rapport per person: the app listens on a local socket, and commands (``rapport pop``,
a second ``rapport`` start) hand their request to it instead of opening a second window.

The wire format is one JSON object per line, ``{"v": 1, "cmd": ...}``, answered by one line
``{"v": 1, "ok": true}`` or ``{"v": 1, "ok": false, "error": "..."}``. Commands:

- ``{"cmd": "raise"}``: bring the window to the front (what a second start sends);
- ``{"cmd": "pop", "phone": "+33612345678"}``: an incoming call, show that caller (also
  what a ``rapport://pop?phone=%2B33612345678`` link asks, see :func:`parse_pop_url`).

The server only acknowledges and queues; the app handles the request on the next turn of its event
loop, so a slow handler never keeps the command waiting. The socket lives in the user's private
runtime folder where there is one, and is named after the user (and ``RAPPORT_INSTANCE``, which
tests, benches and people running two profiles side by side set), never after customer data.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import socket
import sys
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
COMMANDS = frozenset({"raise", "pop"})
MAX_LINE = 4096  # far beyond any request; a peer sending more is cut off
INSTANCE_ENV = "RAPPORT_INSTANCE"
_MAX_SHOWN = 40  # how much of a refused link an error message repeats


def server_name(scope: str | None = None) -> str:
    """The socket name for this user (and ``scope``, default ``$RAPPORT_INSTANCE`` or none)."""
    scope = os.environ.get(INSTANCE_ENV, "") if scope is None else scope
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some containers): the home folder still tells users apart
        user = os.path.expanduser("~")
    digest = hashlib.sha256(f"{user}\0{scope}".encode()).hexdigest()[:16]
    name = f"rapport-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and os.path.isdir(runtime):
        # The per-user 0700 folder: nobody else can even see the socket.
        return os.path.join(runtime, f"{name}.sock")
    return name


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps({"v": PROTOCOL_VERSION, **message}, ensure_ascii=True).encode() + b"\n"


def decode(line: bytes) -> tuple[dict[str, Any] | None, str]:
    """The request in ``line``, or None and why it is refused."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, "not a JSON line"
    if not isinstance(message, dict):
        return None, "not a JSON object"
    if message.get("v") != PROTOCOL_VERSION:
        return None, f"protocol version {message.get('v')!r} is not {PROTOCOL_VERSION}"
    if message.get("cmd") not in COMMANDS:
        return None, f"unknown command {message.get('cmd')!r}"
    if message["cmd"] == "pop" and not isinstance(message.get("phone"), str):
        return None, "pop needs a phone number"
    return message, ""


class PopUrlError(ValueError):
    pass


def parse_pop_url(url: str) -> str:
    """The phone number in ``rapport://pop?phone=%2B33612345678`` (``tel=`` is accepted too)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "rapport":
        raise PopUrlError(f"not a rapport:// link: {url[:_MAX_SHOWN]!r}")
    # rapport://pop?... puts "pop" in the host; rapport:pop?... in the path.
    action = (parts.netloc or parts.path).strip("/").lower()
    if action != "pop":
        raise PopUrlError(f"unknown rapport:// action {action[:_MAX_SHOWN]!r} (expected pop)")
    # A number's "+" is never a space: softphones often leave it unencoded (phone=+336...).
    query = parse_qs(parts.query.replace("+", "%2B"), keep_blank_values=True)
    values = query.get("phone") or query.get("tel") or []
    if not values or not values[0].strip():
        raise PopUrlError("the rapport://pop link has no phone= number")
    return values[0].strip()


def send_to_running(
    message: dict[str, Any], timeout_ms: int = 1000, name: str | None = None
) -> bool:
    """Hand ``message`` to the running app; True once it acknowledged it, False when no Rapport
    answers (none running, or a stale socket). Blocking: call it from a command, not from the
    thread of the app it talks to.

    On Unix the socket is a plain Unix socket, talked to without loading Qt (a call is ringing:
    Qt's import alone would cost ~45 ms); on Windows it is a named pipe, through QLocalSocket."""
    name = name or server_name()
    try:
        if sys.platform == "win32":
            reply = _exchange_qt(name, encode(message), timeout_ms)
        else:
            reply = _exchange_unix(name, encode(message), timeout_ms)
    except OSError:
        return False
    try:
        answer = json.loads(reply.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(answer, dict) and answer.get("ok") is True


def _exchange_unix(name: str, request: bytes, timeout_ms: int) -> bytes:
    # QLocalServer puts a bare name in the temp folder, as tempfile finds it (TMPDIR or /tmp).
    path = name if os.path.isabs(name) else os.path.join(tempfile.gettempdir(), name)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout_ms / 1000)
        sock.connect(path)
        sock.sendall(request)
        reply = b""
        while not reply.endswith(b"\n") and len(reply) < MAX_LINE:
            chunk = sock.recv(MAX_LINE)
            if not chunk:
                break
            reply += chunk
        return reply


def _exchange_qt(name: str, request: bytes, timeout_ms: int) -> bytes:
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    try:
        if not sock.waitForConnected(timeout_ms):
            raise OSError(sock.errorString())
        sock.write(request)
        sock.flush()
        reply = b""
        while not reply.endswith(b"\n") and len(reply) < MAX_LINE:
            if not sock.waitForReadyRead(timeout_ms):
                break
            reply += bytes(sock.readAll().data())
        return reply
    finally:
        sock.abort()


class InstanceServer:
    """Listens for requests from commands and second starts; ``handler`` gets each valid one on
    the UI thread. Its owner calls :meth:`close` when the app ends."""

    def __init__(self, handler: Callable[[dict[str, Any]], None], name: str | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        self.name = name or server_name()
        self._handler = handler
        self._server = QLocalServer()
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}  # connections still sending their line

    def listen(self) -> bool:
        """Start listening; False when another Rapport already does (or the socket cannot be
        made). A socket file left by a crashed Rapport is removed first."""
        from PySide6.QtNetwork import QLocalServer

        if self._server.isListening():
            return True
        if send_to_running({"cmd": "raise"}, 300, self.name):
            return False  # a live one answered
        QLocalServer.removeServer(self.name)  # stale: nobody answered on it
        if not self._server.listen(self.name):
            log.warning("single instance: cannot listen: %s", self._server.errorString())
            return False
        return True

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        for conn in list(self._buffers):
            conn.abort()
        self._buffers.clear()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            self._buffers[conn] = b""
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(lambda c=conn: self._drop(c))

    def _drop(self, conn: QLocalSocket) -> None:
        self._buffers.pop(conn, None)
        conn.deleteLater()

    def _read(self, conn: QLocalSocket) -> None:
        if conn not in self._buffers:
            return
        data = self._buffers[conn] + bytes(conn.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_LINE:
                self._answer(conn, False, "request too long")
            else:
                self._buffers[conn] = data
            return
        line = data.split(b"\n", 1)[0]
        message, error = decode(line[:MAX_LINE])
        self._answer(conn, message is not None, error)
        if message is not None:
            # After the answer is on its way: the command returns while the window updates.
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: self._handler(message))

    def _answer(self, conn: QLocalSocket, ok: bool, error: str) -> None:
        if not ok:
            log.info("single instance: refused a request: %s", error)
        reply: dict[str, Any] = {"ok": ok} if ok else {"ok": False, "error": error}
        conn.write(encode(reply))
        conn.flush()
        conn.disconnectFromServer()
        self._buffers.pop(conn, None)
