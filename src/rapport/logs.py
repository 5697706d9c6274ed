"""Logging: a rotating file in the platform log folder. Never names, emails, phones or notes:
log ids and counts, and exception types rather than messages that may quote data."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rapport.config import log_dir


def setup_logging(verbose: bool = False, folder: Path | None = None) -> Path | None:
    folder = folder or log_dir()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = folder / "rapport.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
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
