"""Initial sync throughput over loopback, with the hub in its own process (as in production).

    uv run python bench/initial_sync.py --customers 10000 [--data DIR] [--runs 3] [--apply-process]
        [--write-only [--secure-delete-ab]]

Seeds a hub folder once (kept with --data), starts ``rapport hub`` on a free port, and pulls the
whole data set into a fresh cache ``--runs`` times; prints rows/s per run and the median.
``--write-only``: reads the pages from the hub once into memory, then times only our side,
decoding and ``apply_changes`` on the sync's writer connection, as the sync runs them.
``--secure-delete-ab``: each run writes the pages twice, with ``PRAGMA secure_delete`` OFF (as before
issue 13) and ON (as the writer has it), in alternating order; prints wall time, CPU time and bytes
written for each (CPU time and bytes hold still when other processes share the cores; wall time
does not).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from rapport.cache.apply import apply_changes
from rapport.cache.db import connect_sync_writer, open_cache
from rapport.hub.server import free_port
from rapport.sync.client import HubClient, decode_change_page
from rapport.sync.engine import SyncEngine


def start_hub(data: Path, customers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rapport.cli", "hub", "--data", str(data), "--port", str(port),
         "--demo-customers", str(customers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline:
        try:
            r = httpx.post(f"{url}/v1/auth/login", json={"username": "agent", "password": "demo"})
            r.raise_for_status()
            return proc, url
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise SystemExit("the hub did not start") from None
            time.sleep(0.5)
    raise SystemExit("the hub did not start in time")


def login(url: str) -> str:
    r = httpx.post(f"{url}/v1/auth/login", json={"username": "agent", "password": "demo"})
    return str(r.json()["token"])


async def fetch_pages(url: str, token: str, limit: int = 5_000) -> list[bytes]:
    """Every change page of the feed, as the hub sends it."""
    async with HubClient(url, token) as client:
        pages: list[bytes] = []
        cursor = None
        while True:
            pages.append(await client.changes_raw(cursor, limit))
            page = decode_change_page(pages[-1])
            cursor = page["cursor"]
            if not page.get("more"):
                return pages


def write(cache: Path, pages: list[bytes], secure_delete: str | None = None) -> tuple[int, float]:
    conn = connect_sync_writer(cache)
    if secure_delete is not None:
        conn.execute(f"PRAGMA secure_delete = {secure_delete}")
    try:
        rows = 0
        started = time.perf_counter()
        for raw in pages:
            page = decode_change_page(raw)
            rows += apply_changes(conn, page["changes"], page["cursor"]).rows
        return rows, time.perf_counter() - started
    finally:
        conn.close()


def _written_bytes() -> int:
    """Bytes this process has had written to storage (Linux); 0 elsewhere."""
    try:
        with open("/proc/self/io") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("write_bytes"))
    except (OSError, StopIteration):
        return 0


def secure_delete_ab(pages: list[bytes], runs: int) -> None:
    figures: dict[str, list[tuple[float, float, float]]] = {"OFF": [], "ON": []}
    for run in range(runs):
        for mode in ("OFF", "ON") if run % 2 == 0 else ("ON", "OFF"):
            with tempfile.TemporaryDirectory() as tmp:
                cache = Path(tmp) / "cache.sqlite3"
                open_cache(cache)[0].close()
                written, cpu = _written_bytes(), time.process_time()
                rows, seconds = write(cache, pages, mode)
                cpu, mb = time.process_time() - cpu, (_written_bytes() - written) / 1e6
            figures[mode].append((rows / seconds, cpu, mb))
            print(
                f"run {run + 1} secure_delete={mode}: {rows:,} rows, {rows / seconds:,.0f} rows/s,"
                f" CPU {cpu:.2f} s, {mb:,.0f} MB written"
            )
    for mode, runs_of in figures.items():
        print(
            f"median secure_delete={mode}: {statistics.median(r[0] for r in runs_of):,.0f} rows/s,"
            f" CPU {statistics.median(r[1] for r in runs_of):.2f} s,"
            f" {statistics.median(r[2] for r in runs_of):,.0f} MB written"
        )


async def pull(cache: Path, url: str, token: str, apply_process: bool = False) -> tuple[int, float]:
    engine = SyncEngine(cache, url, token, apply_process=apply_process)
    report = await engine.pull()
    await engine.aclose()
    return report.rows, report.seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=10_000)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--apply-process",
        action="store_true",
        help="decode and apply pages in a child process, as the app's sync worker does",
    )
    ap.add_argument(
        "--write-only", action="store_true", help="time decoding and writing alone, pages in memory"
    )
    ap.add_argument(
        "--secure-delete-ab",
        action="store_true",
        help="with --write-only: each run writes with secure_delete OFF and ON (issue 13)",
    )
    args = ap.parse_args()
    if args.secure_delete_ab and not args.write_only:
        ap.error("--secure-delete-ab needs --write-only")
    data = args.data or Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    t0 = time.perf_counter()
    proc, url = start_hub(data, args.customers)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(f"hub ready in {time.perf_counter() - t0:.1f} s ({args.customers:,} customers)")
    try:
        rates = []
        pages = asyncio.run(fetch_pages(url, login(url))) if args.write_only else []
        if args.secure_delete_ab:
            secure_delete_ab(pages, args.runs)
            return
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                cache = Path(tmp) / "cache.sqlite3"
                open_cache(cache)[0].close()
                if args.write_only:
                    rows, seconds = write(cache, pages)
                else:
                    rows, seconds = asyncio.run(pull(cache, url, login(url), args.apply_process))
                rates.append(rows / seconds)
                size = cache.stat().st_size / 1e6
                print(
                    f"run {run + 1}: {rows:,} rows in {seconds:.2f} s = {rows / seconds:,.0f} rows/s"
                    f" (cache {size:,.0f} MB)"
                )
        print(f"median: {statistics.median(rates):,.0f} rows/s")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
