"""Running the hub: in the foreground (``rapport hub``) or on a thread (the demo, tests)."""

from __future__ import annotations

import contextlib
import copy
import ipaddress
import socket
import sys
import threading
import time
from typing import Any

import uvicorn

from rapport.hub.app import create_app
from rapport.hub.service import Hub


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class HubServer:
    """A uvicorn server on its own thread with a clean shutdown path."""

    def __init__(self, hub: Hub, host: str = "127.0.0.1", port: int = 0) -> None:
        self.hub = hub
        self.host = host
        self.port = port or free_port(host)
        config = uvicorn.Config(
            create_app(hub),
            host=host,
            port=self.port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> HubServer:
        self._thread = threading.Thread(target=self._server.run, name="rapport-hub", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not start on {self.url}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.hub.notifier.close()
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        release_database(self.hub)

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _ReleasingServer(uvicorn.Server):
    """On SIGTERM/SIGINT, release waiting long polls first: uvicorn would otherwise wait for
    each of them to time out before it stops."""

    def __init__(self, config: uvicorn.Config, hub: Hub) -> None:
        super().__init__(config)
        self._hub = hub

    def handle_exit(self, sig: int, frame: object) -> None:
        self._hub.notifier.close()
        super().handle_exit(sig, frame)  # type: ignore[arg-type]


def raise_open_files_limit() -> None:
    """Each waiting long poll holds a socket: the usual soft limit of 1,024 open files would cap
    a hub below a thousand connected desks, while the hard limit is usually far higher."""
    try:
        import resource
    except ImportError:  # Windows: no such limit
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 65_536 if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < want:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def _log_config() -> dict[str, Any]:
    """uvicorn's own logging, plus the hub's loggers on the same stderr handler and format (without
    it their lines would go to Python's last-resort handler, unformatted)."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"]["rapport"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def plain_http_notice(host: str, port: int) -> str | None:
    """What to tell whoever starts a hub that answers plain HTTP beyond this machine."""
    name = host.strip("[]").lower()
    try:
        local = name == "localhost" or ipaddress.ip_address(name).is_loopback
    except ValueError:
        local = False
    if local:
        return None
    return (
        f"rapport hub: serving plain HTTP on {host}:{port}: passwords, tokens and customer data "
        "cross the network unencrypted. Put a TLS reverse proxy in front and keep the hub on "
        "127.0.0.1 (README, 'Hub over the network')."
    )


def release_database(hub: Hub) -> None:
    """Close the pooled connections. On SQLite, closing the last one checkpoints the WAL into the
    database and deletes it: a WAL left behind holds pages as they were, erased rows among them.
    The engine stays usable (a server started again on this hub opens new connections)."""
    hub.engine.dispose()


def serve_forever(hub: Hub, host: str, port: int) -> None:
    raise_open_files_limit()
    if notice := plain_http_notice(host, port):
        print(notice, file=sys.stderr)
    # No access log: request lines carry search text (names, phone numbers).
    config = uvicorn.Config(create_app(hub), host=host, port=port, log_level="info",
                            access_log=False, timeout_graceful_shutdown=5,
                            log_config=_log_config())  # fmt: skip
    try:
        _ReleasingServer(config, hub).run()
    finally:
        release_database(hub)
