"""A TCP proxy for fault tests: sits between the client and a real hub on 127.0.0.1 and, per
connection, passes traffic through, cuts it mid-request or mid-response, delays it, or answers
garbage. Bounded: it serves only while the test holds it."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass


@dataclass
class Fault:
    """What the next connections suffer. ``cut_request_after``: bytes of the request forwarded
    before the connection is cut; ``cut_response_after``: bytes of the response delivered before
    the cut (the hub has done the work, the client never hears); ``delay``: seconds before
    forwarding; ``garbage``: answer this instead of forwarding."""

    cut_request_after: int | None = None
    cut_response_after: int | None = None
    delay: float = 0.0
    garbage: bytes | None = None
    hold_response: float = 0.0  # seconds the hub's answer is held back (kill the client meanwhile)
    times: int = 1  # how many connections suffer it; then traffic passes


class FaultyProxy:
    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.faults: list[Fault] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def inject(self, fault: Fault) -> None:
        with self._lock:
            self.faults.append(fault)

    def _next_fault(self) -> Fault | None:
        with self._lock:
            self.connections += 1
            if not self.faults:
                return None
            fault = self.faults[0]
            fault.times -= 1
            if fault.times <= 0:
                self.faults.pop(0)
            return fault

    def __enter__(self) -> FaultyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.sock.close()
        self._thread.join(5)

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(
                target=self._serve, args=(client, self._next_fault()), daemon=True
            ).start()

    def _serve(self, client: socket.socket, fault: Fault | None) -> None:
        upstream = None
        try:
            if fault and fault.delay:
                time.sleep(fault.delay)
            if fault and fault.garbage is not None:
                client.recv(65536)
                client.sendall(fault.garbage)
                return
            upstream = socket.create_connection(self.target, timeout=30)
            up = threading.Thread(
                target=_pump, args=(client, upstream, fault.cut_request_after if fault else None),
                daemon=True,
            )  # fmt: skip
            up.start()
            if fault and fault.hold_response:
                first = upstream.recv(65536)  # the hub has answered: it committed
                time.sleep(fault.hold_response)
                client.sendall(first)
            _pump(upstream, client, fault.cut_response_after if fault else None)
            up.join(1)
        except OSError:
            pass
        finally:
            for s in (client, upstream):
                if s is not None:
                    with contextlib.suppress(OSError):
                        s.shutdown(socket.SHUT_RDWR)
                    s.close()


def _pump(src: socket.socket, dst: socket.socket, cut_after: int | None) -> None:
    sent = 0
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if cut_after is not None and sent + len(data) >= cut_after:
                dst.sendall(data[: max(0, cut_after - sent)])
                break
            dst.sendall(data)
            sent += len(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
