"""``python -m rapport.hub.migrations revision -m MESSAGE``: a new revision from the difference
between the models and a scratch SQLite database migrated to the current head.

``python -m rapport.hub.migrations upgrade URL``: migrate a database (``rapport hub migrate``
does the same with the hub's URL handling)."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from rapport.hub.migrations import HERE, config, upgrade


def _next_rev_id() -> str:
    numbers = [int(m.group(1)) for p in (HERE / "versions").glob("*.py")
               if (m := re.match(r"(\d{4})_", p.name))]  # fmt: skip
    return f"{max(numbers, default=0) + 1:04d}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rapport.hub.migrations")
    sub = parser.add_subparsers(dest="command", required=True)
    rev = sub.add_parser("revision", help="autogenerate a revision from the models")
    rev.add_argument("-m", "--message", required=True)
    up = sub.add_parser("upgrade", help="migrate a database to head")
    up.add_argument("url")
    args = parser.parse_args(argv)
    if args.command == "upgrade":
        engine = create_engine(args.url)
        upgrade(engine)
        engine.dispose()
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'head.sqlite3'}"
        engine = create_engine(url)
        upgrade(engine)
        engine.dispose()
        cfg = config()
        cfg.set_main_option("sqlalchemy.url", url)
        rev_id = _next_rev_id()
        slug = re.sub(r"\W+", "_", args.message.lower()).strip("_")[:40]
        cfg.set_main_option("file_template", f"{rev_id}_{slug}")
        script = command.revision(cfg, args.message, autogenerate=True, rev_id=rev_id)
    path = getattr(script, "path", None)
    if path:
        # Our line length and import order, so the new file passes the linters as written.
        subprocess.run([sys.executable, "-m", "ruff", "format", "-q", path], check=False)
        subprocess.run([sys.executable, "-m", "ruff", "check", "-q", "--fix", path], check=False)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
