"""A throwaway PostgreSQL cluster for the tests: initdb into a temp folder, listening only on a
unix socket inside it (no port to collide with another test run or a system server), stopped and
deleted at the end.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user (Debian's
``postgresql`` package creates it); otherwise as whoever runs the tests.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

import psycopg

SUPERUSER = "rapport"
TEMPLATE = "rapport_template"


def find_bindir() -> Path | None:
    """``RAPPORT_PG_BIN``, else Debian's PostgreSQL 15, else ``initdb`` on the PATH."""
    candidates = [os.environ.get("RAPPORT_PG_BIN"), "/usr/lib/postgresql/15/bin"]
    found = shutil.which("initdb")
    if found:
        candidates.append(str(Path(found).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    return None


class PgCluster:
    def __init__(self, bindir: Path, durable: bool = False) -> None:
        """``durable``: the server's own settings (fsync, synchronous commit), for measuring;
        otherwise durability is off, since a test database is thrown away."""
        self.bindir = bindir
        self.durable = durable
        self.root = Path(tempfile.mkdtemp(prefix="rapport-pg-"))
        self.data = self.root / "data"
        self._run_as: dict[str, Any] = {}
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError(
                    "running as root: PostgreSQL needs an unprivileged user 'postgres' "
                    "(Debian's postgresql package creates it)"
                ) from None
            self._run_as = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self.socket_dir = str(self.root)
        self.port = 5432  # names the socket file only: nothing listens on TCP

    def _pg(self, *args: str) -> None:
        done = subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            cwd=self.root,
            **self._run_as,
        )
        if done.returncode != 0:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr[-2000:]}{tail}")

    def start(self) -> PgCluster:
        # C locale: text sorts and compares bytewise, as on SQLite. -N: no fsync of the fresh files.
        self._pg("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                 "--encoding=UTF8", "--locale=C", "-N")  # fmt: skip
        opts = f"-p {self.port} -k {self.socket_dir} -c listen_addresses='' -c max_connections=200"
        if not self.durable:
            # fsync dominates small transactions, and nothing here needs to survive a crash.
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._pg("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w",
                 "start")  # fmt: skip
        return self

    def stop(self) -> None:
        try:
            self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host=self.socket_dir, port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def create_database(self, template: str | None = None) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        with self.admin() as conn:
            conn.execute(
                f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
            )
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
