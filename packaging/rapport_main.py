"""Frozen entry point: PyInstaller needs a script, not a console_scripts entry."""

import multiprocessing
import sys

from rapport.cli import main

if __name__ == "__main__":
    # The sync's child process (rapport.sync.apply_process) is started with "spawn": in a frozen
    # build the child runs this executable, which must then act as the child and not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
