"""Files only the hub's own account may read: its data folder 0700, the SQLite database and its
-wal and -shm, and the JSON-lines outboxes 0600 (they hold every customer's name, phone and
email). Created so from the start, whatever the umask; an older hub's looser ones are tightened
when it opens. No-ops on Windows, where folders under the user's profile are private already."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

FOLDER_MODE = 0o700
FILE_MODE = 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed, and make it 0700 when this account owns it,
    unless others share it (the sticky bit, as on /tmp): the hub keeps to its own files there."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if not _POSIX:
        return
    st = folder.stat()
    if st.st_uid == os.getuid() and not st.st_mode & stat.S_ISVTX:
        folder.chmod(FOLDER_MODE)


def private_file(path: Path) -> None:
    """Create ``path`` empty if missing, 0600 either way."""
    if not _POSIX:
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    path.chmod(FILE_MODE)


def private_sqlite(db: Path) -> None:
    """Before SQLite opens ``db``: its folder private, the file 0600 (SQLite creates -wal and
    -shm with the database's mode), and side files an older hub left loose tightened."""
    private_folder(db.parent)
    private_file(db)
    for suffix in SQLITE_SIDE_FILES:
        side = db.with_name(db.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            if _POSIX and stat.S_IMODE(side.stat().st_mode) != FILE_MODE:
                side.chmod(FILE_MODE)


def open_private_append(path: Path) -> BinaryIO:
    """``path`` opened for appending, created 0600 (an existing looser file is tightened)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    if _POSIX:
        os.fchmod(fd, FILE_MODE)
    return os.fdopen(fd, "ab")
