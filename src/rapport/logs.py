"""Logging: a rotating file in the platform log folder. Never names, emails, phones or notes:
log ids and counts, and exception types rather than messages that may quote data."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rapport.config import log_dir
from rapport.private_files import private_dir, private_file


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file (the first and every one after a rollover) 0600, whatever the umask: the
    log holds no customer data, but ids and the activity of the person signed in."""

    def _open(self):  # type: ignore[no-untyped-def]
        private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging(verbose: bool = False, folder: Path | None = None) -> Path | None:
    folder = folder or log_dir()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = folder / "rapport.log"
    try:
        private_dir(folder)
        handler: logging.Handler = _PrivateRotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(fmt)
    root.addHandler(handler)
    # httpx logs each request URL, which carries search text: keep it quiet.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path
