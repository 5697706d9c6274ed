"""``RAPPORT_PAINT_PROBE=1``: print the wall-clock time of the first window's first paint and leave
at once. ``packaging/measure.sh`` subtracts the time it started the process: start to first paint,
the figure a user feels, for the frozen app as for the source tree."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

ENV = "RAPPORT_PAINT_PROBE"


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            print(f"rapport: first paint at {time.time():.6f}", file=sys.stderr, flush=True)
            # Nothing else to measure: leave without the shutdown of the session and hub.
            os._exit(0)
        return False


def install_if_asked(app: QApplication) -> None:
    if os.environ.get(ENV):
        probe = _FirstPaint(app)
        app.installEventFilter(probe)
