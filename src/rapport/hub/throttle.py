"""Login throttling: wrong passwords for one username from one address back off exponentially (a
few free tries, then 1 s, 2 s, 4 s ... up to 15 min between attempts); so do wrong passwords for
any usernames from one address, with a wider allowance (one office behind one address has many
agents). Guessing a password then takes years instead of minutes, a person who mistyped a few
times waits seconds, and nobody can lock an account from elsewhere: a wrong password from one
address never delays the same user signing in from another.

In memory, per hub process: several hub processes each allow their own share, which still bounds
guessing; a restart forgets (a backed-off agent can be let in by restarting the hub)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 5  # per username and address; per address alone x 4
FIRST_DELAY = 1.0
MAX_DELAY = 15 * 60.0
FORGET_AFTER = 15 * 60.0  # a key without a failure this long starts afresh
_MAX_KEYS = 100_000  # beyond this, forgotten keys are swept out (memory stays bounded)


@dataclass(slots=True)
class _Failures:
    count: int = 0
    last: float = 0.0
    blocked_until: float = 0.0


class LoginThrottle:
    def __init__(
        self,
        free_failures: int = FREE_FAILURES,
        first_delay: float = FIRST_DELAY,
        max_delay: float = MAX_DELAY,
        forget_after: float = FORGET_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_failures = free_failures
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.forget_after = forget_after
        self._clock = clock
        self._keys: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def _limits(self, username: str, address: str | None) -> list[tuple[str, int]]:
        user = username.casefold()
        keys = [(f"user:{user}\x1faddr:{address or '?'}", self.free_failures)]
        if address:
            keys.append((f"addr:{address}", self.free_failures * 4))
        return keys

    def _current(self, key: str, now: float) -> _Failures | None:
        state = self._keys.get(key)
        if state is not None and now - state.last > self.forget_after:
            del self._keys[key]
            return None
        return state

    def retry_after(self, username: str, address: str | None) -> int:
        """Whole seconds until this username may try again from this address (0: now)."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key, _free in self._limits(username, address):
                state = self._current(key, now)
                if state is not None:
                    wait = max(wait, state.blocked_until - now)
        return int(wait) + (1 if wait > int(wait) else 0)

    def failed(self, username: str, address: str | None) -> None:
        now = self._clock()
        with self._lock:
            if len(self._keys) >= _MAX_KEYS:
                self._sweep(now)
            for key, free in self._limits(username, address):
                state = self._current(key, now) or self._keys.setdefault(key, _Failures())
                state.count += 1
                state.last = now
                if state.count > free:
                    delay = self.first_delay * 2 ** min(state.count - free - 1, 30)
                    state.blocked_until = now + min(delay, self.max_delay)

    def succeeded(self, username: str, address: str | None) -> None:
        """The right password: this username's failures from this address are forgotten (the
        address's own count is not: one valid account must not reset a sweep over others)."""
        with self._lock:
            self._keys.pop(self._limits(username, address)[0][0], None)

    def _sweep(self, now: float) -> None:
        for key in [k for k, s in self._keys.items() if now - s.last > self.forget_after]:
            del self._keys[key]
        if len(self._keys) >= _MAX_KEYS:  # a flood within the window: forget the oldest half
            for key, _ in sorted(self._keys.items(), key=lambda kv: kv[1].last)[: _MAX_KEYS // 2]:
                del self._keys[key]
