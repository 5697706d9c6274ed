"""The client's files are private: folders 0700, files 0600, whatever the user's umask.

The cache holds customer data and the outbox what agents typed about them; on a shared computer
nobody else may read either. Modes are set explicitly (chmod), not left to the umask. SQLite makes
a database's -wal and -shm files with the database file's own mode, so creating the database file
0600 first covers them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def private_dir(folder: Path) -> None:
    """Create ``folder`` and its missing parents 0700; tighten ``folder`` itself when it exists
    (a release before this one made it 0755). Parents that exist are left alone: they may be
    the user's own (home, data folder)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for p in reversed(missing):
        with contextlib.suppress(FileExistsError):
            p.mkdir(mode=DIR_MODE)
        os.chmod(p, DIR_MODE)
    os.chmod(folder, DIR_MODE)


def private_file(path: Path) -> None:
    """Create ``path`` empty if missing, and make it and its SQLite side files 0600."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.close(fd)
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(p, FILE_MODE)
