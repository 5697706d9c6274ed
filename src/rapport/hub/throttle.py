"""Login throttling: after too many wrong passwords for one username, or from one address, further
attempts wait. Guessing a password then takes years instead of minutes, while a person who
mistyped a few times is not locked out for long.

In memory, per hub process: several hub processes each allow their own share, which still bounds
guessing; a restart forgets (a locked-out agent can be let in by restarting the hub)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 5  # per username, and per address x 4
WINDOW_SECONDS = 15 * 60


class LoginThrottle:
    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, username: str, address: str | None) -> list[tuple[str, int]]:
        keys = [(f"user:{username.casefold()}", self.max_failures)]
        if address:
            # One office behind one address has many agents: a wider allowance there.
            keys.append((f"addr:{address}", self.max_failures * 4))
        return keys

    def retry_after(self, username: str, address: str | None) -> int:
        """Seconds until another attempt is allowed (0: now)."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(username, address):
                times = self._failures.get(key)
                if not times:
                    continue
                while times and times[0] <= now - self.window:
                    times.popleft()
                if len(times) >= limit:
                    wait = max(wait, times[0] + self.window - now)
        return int(wait) + (1 if wait > int(wait) else 0)

    def failed(self, username: str, address: str | None) -> None:
        now = self._clock()
        with self._lock:
            for key, _ in self._keys(username, address):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(f"user:{username.casefold()}", None)
