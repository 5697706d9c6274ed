"""Waking long-polling pulls when a change commits.

Writers run on worker threads; waiters are coroutines on the server's event loop. ``generation``
lets a pull that found nothing check, without a race, whether a change committed while it queried.
"""

from __future__ import annotations

import asyncio
import contextlib


class ChangeNotifier:
    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self.generation = 0
        self.closing = False

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._event = asyncio.Event()

    def notify(self) -> None:
        """Thread-safe: call after a commit that wrote change-log rows."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # loop shutting down
                loop.call_soon_threadsafe(self._wake)

    def close(self) -> None:
        """The server is stopping: release every waiting pull now, so shutdown does not have to
        cancel them mid-response."""
        self.closing = True
        self.notify()

    def _wake(self) -> None:
        self.generation += 1
        if self._event is not None:
            self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> bool:
        """Wait for the next change; False on timeout. Must run on the bound loop."""
        if self._event is None:
            self.bind(asyncio.get_running_loop())
        assert self._event is not None
        if self.closing:
            return False
        try:
            await asyncio.wait_for(self._event.wait(), timeout)
        except TimeoutError:
            return False
        return True
