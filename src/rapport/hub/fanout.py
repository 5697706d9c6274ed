"""One database read for every long poll a commit wakes.

A commit wakes every waiting pull at once; each used to read its page on the thread pool by
itself: 500 desks meant 500 queries of the same rows queued on a 40-thread pool, and the last
desk got the change after all of them. Pulls woken by the same commit, with the same cursor,
page size and scope (the usual case: desks that are up to date) now share one read, and their
devices' acknowledged seqs are read in that same thread hop, before the page, as each pull did.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from rapport.hub.store import devices
from rapport.hub.store.changes import ChangePage, Scope, read_changes

if TYPE_CHECKING:
    from sqlalchemy import Engine

_Key = tuple[int, int, int, Scope]  # (generation, after, limit, scope)


@dataclass(slots=True)
class _Batch:
    future: asyncio.Future[tuple[ChangePage, dict[tuple[str, str], int]]]
    devices: set[tuple[str, str]] = field(default_factory=set)


class SharedReads:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pending: dict[_Key, _Batch] = {}

    async def read(
        self,
        generation: int,
        after: int,
        limit: int,
        scope: Scope,
        user_id: str,
        device: str | None,
    ) -> tuple[ChangePage, int | None]:
        """The page after ``after`` and the device's counter, read after wake-up ``generation``
        (so after the commit that caused it); shared with the pulls woken alongside."""
        loop = asyncio.get_running_loop()
        key = (generation, after, limit, scope)
        batch = self._pending.get(key)
        if batch is None:
            batch = self._pending[key] = _Batch(loop.create_future())
            # After the callbacks already queued: every pull the same wake-up released joins
            # (they were made ready together, before this).
            loop.call_soon(self._start, key, batch)
        if device:
            batch.devices.add((device, user_id))
        page, acked = await asyncio.shield(batch.future)
        return page, (acked.get((device, user_id)) if device else None)

    def _start(self, key: _Key, batch: _Batch) -> None:
        self._pending.pop(key, None)  # later pulls start a read of their own
        pairs = sorted(batch.devices)
        task = asyncio.ensure_future(run_in_threadpool(self._read, key, pairs))

        def settle(done: asyncio.Future[tuple[ChangePage, dict[tuple[str, str], int]]]) -> None:
            if batch.future.cancelled():
                return
            if done.cancelled():
                batch.future.cancel()
            elif (exc := done.exception()) is not None:
                batch.future.set_exception(exc)
            else:
                batch.future.set_result(done.result())

        task.add_done_callback(settle)

    def _read(
        self, key: _Key, pairs: list[tuple[str, str]]
    ) -> tuple[ChangePage, dict[tuple[str, str], int]]:
        _generation, after, limit, scope = key
        with self.engine.connect() as conn:
            # The counters before the page: every write they acknowledge committed before the
            # page was read, so the page (or a later one) carries its effect.
            acked = devices.last_seqs(conn, pairs) if pairs else {}
            return read_changes(conn, after, limit, scope), acked
