"""Live updates across hub processes on one PostgreSQL database (LISTEN/NOTIFY).

A transaction that writes change-log rows also runs ``pg_notify`` (see ``NOTIFY_SQL``);
PostgreSQL delivers it to every listener when, and only if, that transaction commits. Each hub
process listens on a dedicated connection and wakes its own long-polling pulls, so a client waiting
on process A hears of a change pushed through process B at once, not when its poll times out.

SQLite has no such channel: one hub process per SQLite database.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

CHANNEL = "rapport_changes"
# This process's own notifications come back to it too; it already woke its pulls after the
# commit, so it skips those.
PROCESS_TOKEN = uuid.uuid4().hex

log = logging.getLogger("rapport.hub.listen")


# Run in the writer's transaction (``rapport.hub.store.changes`` appends it to the change-log
# insert): the other hub processes hear of it once, and only if, the transaction commits.
# PostgreSQL folds identical notifications of one transaction into one, so one per batch is fine.
NOTIFY_SQL = f"SELECT pg_notify('{CHANNEL}', '{PROCESS_TOKEN}')"


class ChangeListener:
    """A thread holding a LISTEN connection; calls ``wake`` for every other process's commit.
    Reconnects when the connection drops, and wakes once after reconnecting, since commits made
    while it was away were not heard (a spurious wake only makes a pull query again)."""

    def __init__(
        self,
        engine: Engine,
        wake: Callable[[], None],
        poll: float = 0.5,
        heartbeat: float = 15.0,
    ) -> None:
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        self._cargs, self._cparams = list(cargs), dict(cparams)
        # TCP keepalives bound how long the heartbeat query can hang on a dead peer (libpq
        # ignores them on a unix socket); the URL's own settings win.
        for key, value in (("keepalives", 1), ("keepalives_idle", 30),
                           ("keepalives_interval", 10), ("keepalives_count", 3)):  # fmt: skip
            self._cparams.setdefault(key, value)
        self._wake = wake
        self._poll = poll
        self._heartbeat = heartbeat
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while a LISTEN connection is up
        self.connections = 0  # LISTEN connections made so far (1 + reconnects)
        self._thread = threading.Thread(target=self._run, name="rapport-hub-listen", daemon=True)

    def start(self, wait: float = 5.0) -> ChangeListener:
        """Start, and wait (up to ``wait`` seconds) until it listens: a hub that answers requests
        then hears every commit. A database down at this moment is not fatal; it keeps trying."""
        self._thread.start()
        if not self.listening.wait(wait):
            log.warning("not listening for other hub processes' changes yet; still trying")
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        backoff = 0.5
        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(*self._cargs, **self._cparams, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connections += 1
                    self.listening.set()
                    if not first:
                        self._wake()
                        log.info("listening for other hub processes' changes again")
                    first, backoff = False, 0.5
                    quiet_since = time.monotonic()
                    while not self._stop.is_set():
                        # The timeout only bounds how long stop() waits; each notification is
                        # handled as it arrives.
                        for n in conn.notifies(timeout=self._poll):
                            quiet_since = time.monotonic()
                            if n.payload != PROCESS_TOKEN:
                                self._wake()
                        if time.monotonic() - quiet_since > self._heartbeat:
                            # A connection dropped without a word (a NAT, a failover) would wait
                            # forever: a query finds out.
                            conn.execute("SELECT 1")
                            quiet_since = time.monotonic()
            except Exception as exc:  # whatever broke: reconnect, never die quietly
                self.listening.clear()
                # The type only: a connection error's text can carry the host and user.
                log.warning("change listener lost its connection (%s); retrying in %.1f s",
                            type(exc).__name__, backoff)  # fmt: skip
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
        self.listening.clear()


def start_listener(engine: Engine, wake: Callable[[], None]) -> ChangeListener | None:
    """A running listener on PostgreSQL; None on SQLite (nothing to listen to)."""
    if engine.dialect.name != "postgresql":
        return None
    return ChangeListener(engine, wake).start()
