"""Pull throughput on the hub's side: the whole change feed through ``GET /v1/sync/changes``, pages
read and decoded but applied to no cache (bench/initial_sync.py measures the desk's side too).

    uv run python bench/pull.py [--customers 5000] [--limit 10000] [--runs 3] [--database URL]

A hub in its own process (``--database``, default a fresh SQLite hub seeded with ``--customers``
demo customers). Each run reads every page from the start as an agent (whole-book scope). Prints
rows/s per run (wall clock, and without the client's JSON decoding), page times p50/p99/max, and
the median over runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).parent))

from hub_process import database, login, machine, percentile, start_hub, stop_hub


def pull_all(url: str, token: str, limit: int) -> tuple[int, float, float, list[float], int]:
    """(rows, wall seconds, seconds spent decoding, page milliseconds, bytes)."""
    rows = size = 0
    decode = 0.0
    pages: list[float] = []
    cursor: str | None = None
    with httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=300
    ) as client:
        t0 = time.perf_counter()
        while True:
            params: dict[str, object] = {"limit": limit}
            if cursor:
                params["cursor"] = cursor
            p0 = time.perf_counter()
            r = client.get("/v1/sync/changes", params=params)
            r.raise_for_status()
            p1 = time.perf_counter()
            body = orjson.loads(r.content)
            decode += time.perf_counter() - p1
            pages.append((p1 - p0) * 1000)
            rows += len(body["changes"])
            size += len(r.content)
            cursor = body["cursor"]
            if not body["more"]:
                break
        wall = time.perf_counter() - t0
    return rows, wall, decode, pages, size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=5000, help="demo data set of a fresh hub")
    ap.add_argument("--limit", type=int, default=10_000, help="page size (the hub's maximum)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--database",
        help="SQLAlchemy URL, or postgresql for a throwaway cluster (default: a fresh SQLite hub)",
    )
    args = ap.parse_args()
    with database(args.database) as db:
        print(machine())
        t0 = time.perf_counter()
        proc, url = start_hub(db, args.customers)
        print(f"hub ready in {time.perf_counter() - t0:.1f} s on {db.split(':', 1)[0]} "
              f"({args.customers:,} demo customers when seeded)")  # fmt: skip
        try:
            token = login(url)
            rates = []
            for run in range(args.runs):
                rows, wall, decode, pages, size = pull_all(url, token, args.limit)
                rate = rows / wall
                rates.append(rate)
                ms = sorted(pages)
                print(
                    f"run {run + 1}: {rows:,} rows in {len(pages)} pages of {args.limit:,}, "
                    f"{wall:.2f} s = {rate:,.0f} rows/s ({rows / (wall - decode):,.0f} rows/s without "
                    f"the client's JSON decoding; {size / 1e6:,.1f} MB); page p50 "
                    f"{percentile(ms, 0.5):.0f} ms, p99 {percentile(ms, 0.99):.0f} ms, "
                    f"max {ms[-1]:.0f} ms"
                )
            print(f"median: {statistics.median(rates):,.0f} rows/s over {args.runs} runs")
        finally:
            stop_hub(proc)


if __name__ == "__main__":
    main()
