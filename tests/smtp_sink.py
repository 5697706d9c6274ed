"""A local SMTP server for tests: just enough SMTP for smtplib, every message kept in memory; it
can refuse recipients for good (550) or fail the next messages for now (451).
The hub's real SMTP notifier talks to it over TCP on 127.0.0.1."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message


class _SmtpHandler(socketserver.StreamRequestHandler):
    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self._say("220 test SMTP")
        rcpt: list[str] = []
        while line := self.rfile.readline():
            cmd = line.decode().strip()
            verb = cmd.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 test")
            elif verb == "RCPT":
                address = cmd.split(":", 1)[1].strip(" <>")
                if address in self.server.refuse:  # type: ignore[attr-defined]
                    self._say("550 5.1.1 no such mailbox")
                    continue
                rcpt.append(address)
                self._say("250 OK")
            elif verb == "DATA":
                self._say("354 go on")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                srv = self.server
                if srv.fail_next > 0:  # type: ignore[attr-defined]
                    srv.fail_next -= 1  # type: ignore[attr-defined]
                    srv.failed += 1  # type: ignore[attr-defined]
                    self._say("451 4.3.0 temporary failure, try again later")
                    continue
                srv.messages.append((rcpt, message_from_bytes(data)))  # type: ignore[attr-defined]
                self._say("250 queued")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:  # MAIL, RSET, NOOP
                self._say("250 OK")


class SmtpSink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    messages: list[tuple[list[str], Message]]
    refuse: set[str]  # recipients answered 550 (a permanent refusal)
    fail_next: int  # how many next messages get 451 after their data (a transient failure)
    failed: int  # how many got it


@contextmanager
def smtp_sink() -> Iterator[SmtpSink]:
    srv = SmtpSink(("127.0.0.1", 0), _SmtpHandler)
    srv.messages, srv.refuse, srv.fail_next, srv.failed = [], set(), 0, 0
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)
