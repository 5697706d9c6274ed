"""A hub in its own process for the hub-side benchmarks, on any database URL.

``--database URL`` (default: a fresh SQLite hub in a temporary folder) lets the same benchmark run
on SQLite and PostgreSQL side by side; the hub seeds the demo data set when the database is empty.
``--database postgresql`` (no URL) starts a throwaway PostgreSQL cluster the way the tests do
(``tests/pgcluster.py``, the server's own durability settings) and drops it at the end.
"""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from rapport.hub.server import free_port

PASSWORD = "demo"  # the demo users' password (rapport.hub.bootstrap)


def machine() -> str:
    return (
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
    )


def default_database() -> str:
    folder = Path(tempfile.mkdtemp(prefix="rapport-bench-hub-"))
    return f"sqlite:///{(folder / 'hub.sqlite3').as_posix()}"


@contextlib.contextmanager
def database(arg: str | None) -> Iterator[str]:
    """The URL to run on: ``arg`` as given, a fresh SQLite file when None, or a throwaway
    PostgreSQL cluster (fsync and synchronous commit on, as a production server) for
    ``postgresql``."""
    if arg != "postgresql":
        yield arg or default_database()
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.pgcluster
    from tests.pgcluster import PgCluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries (apt-get install postgresql)")
    cluster = PgCluster(bindir, durable=True).start()
    try:
        yield cluster.url(cluster.create_database())
    finally:
        cluster.stop()


def start_hub(database: str, customers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    # A file, not a pipe: a hub logging more than a pipe holds would block on it.
    log = Path(tempfile.mkdtemp(prefix="rapport-bench-log-")) / "hub.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "rapport.cli", "hub", "--database", database,
             "--port", str(port), "--demo-customers", str(customers)],
            stdout=subprocess.DEVNULL, stderr=sink,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/openapi.json", timeout=5).raise_for_status()
            return proc, url
        except httpx.HTTPError:
            if proc.poll() is not None:
                err = log.read_text(errors="replace")
                raise SystemExit(f"the hub did not start:\n{err[-2000:]}") from None
            time.sleep(0.3)
    raise SystemExit("the hub did not start in time")


def stop_hub(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()


def login(url: str, username: str = "agent") -> str:
    r = httpx.post(f"{url}/v1/auth/login", json={"username": username, "password": PASSWORD})
    r.raise_for_status()
    return str(r.json()["token"])


def head_cursor(url: str, token: str) -> str:
    """The cursor after the last change: a first page of one row tells the hub id and how many
    rows remain."""
    body = httpx.get(
        f"{url}/v1/sync/changes",
        params={"limit": 1},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    ).json()
    hub_id, _, seq = str(body["cursor"]).rpartition(".")
    return f"{hub_id}.{int(seq) + int(body['remaining'])}"


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest rank."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(q * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]
