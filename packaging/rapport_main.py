"""Frozen entry point: PyInstaller needs a script, not a console_scripts entry."""

import sys

from rapport.cli import main

if __name__ == "__main__":
    sys.exit(main())
