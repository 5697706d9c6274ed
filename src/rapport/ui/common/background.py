"""One way to run long work off the UI thread: ``run_task(fn, on_success, on_failure)``.

The callbacks run on the UI thread (queued signal), never the worker; the worker touches no widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the caller, which decides what to tell the user
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


_live: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> None:
    relay = _Relay()
    _live.add(relay)  # keep the relay alive until it has reported

    def done_ok(result: Any) -> None:
        _live.discard(relay)
        on_success(result)

    def done_err(exc: BaseException) -> None:
        _live.discard(relay)
        on_failure(exc)

    relay.succeeded.connect(done_ok)
    relay.failed.connect(done_err)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))
