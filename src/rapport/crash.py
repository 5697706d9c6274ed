"""Uncaught exceptions: into the log, and a report support can be sent that holds no customer data.

Exception messages often quote what was being handled (a name, a phone, a note), so neither the
log nor the report carries them: the exception type and the code path (file, line, function) are
what support needs to find the bug, and they cannot hold data.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from rapport import __version__

_log = logging.getLogger("rapport.crash")

ShowReport = Callable[[str], None]


def crash_report(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """Version, platform and the chain of exception types with their frames; no messages."""
    lines = [
        f"Rapport {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Thread: {threading.current_thread().name}",
        "",
    ]
    seen: set[int] = set()
    chain: list[tuple[type[BaseException], TracebackType | None]] = [(exc_type, tb)]
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    while cause is not None and id(cause) not in seen:  # a cycle is possible in odd code
        seen.add(id(cause))
        chain.append((type(cause), cause.__traceback__))
        cause = cause.__cause__ or cause.__context__
    for depth, (typ, frames) in enumerate(chain):
        if depth:
            lines.append("While handling / caused by:")
        lines.append(f"{typ.__module__}.{typ.__qualname__} (message withheld: it may hold data)")
        for frame in traceback.extract_tb(frames):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    # Paths into site-packages or a user's home say who the user is: keep from the package on.
    for marker in ("/rapport/", "\\rapport\\", "site-packages/", "site-packages\\"):
        if marker in filename:
            return filename[filename.index(marker) + 1 :]
    return filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]


def install_crash_hooks(show: ShowReport | None) -> None:
    """Log every uncaught exception, main thread or not; ``show`` (None: no dialog) gets the
    report. KeyboardInterrupt stays Python's: Ctrl+C in a terminal is not a crash."""
    previous = sys.excepthook

    def on_main(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        _handle(exc_type, exc, tb, show)

    def on_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        _handle(args.exc_type, args.exc_value, args.exc_traceback, show)

    sys.excepthook = on_main
    threading.excepthook = on_thread


def _handle(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    show: ShowReport | None,
) -> None:
    report = crash_report(exc_type, exc, tb)
    _log.critical("uncaught exception\n%s", report)
    for handler in logging.getLogger().handlers:
        handler.flush()  # the process may be about to die: the log must hold the report
    print(f"rapport: crashed with {exc_type.__name__}; details are in the log", file=sys.stderr)
    if show is not None:
        try:
            show(report)
        except Exception as dialog_exc:  # a broken dialog must not hide the crash it reports
            _log.error("crash dialog failed: %s", type(dialog_exc).__name__)
