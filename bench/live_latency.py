"""How long a change made on one desk takes to reach another desk's cache (push -> hub ->
long poll -> apply), over loopback with the hub in its own process.

    uv run python bench/live_latency.py [--customers 2000] [--samples 30]

Desk A logs an interaction and pushes it; desk B runs the live sync loop. Prints the median, p90
and max delay from A starting its push to the row being committed in B's cache.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from initial_sync import login, start_hub
from rapport.cache.apply import Applied
from rapport.cache.db import connect, open_cache
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.sync.engine import SyncEngine


async def measure(url: str, samples: int, tmp: Path) -> list[float]:
    token = login(url)
    a_path, b_path = tmp / "a.sqlite3", tmp / "b.sqlite3"
    for p in (a_path, b_path):
        open_cache(p)[0].close()
    seen: dict[str, float] = {}
    arrived = asyncio.Event()

    def on_applied(applied: Applied) -> None:
        for iid in applied.by_entity.get("interaction", ()):
            seen.setdefault(iid, time.perf_counter())
        arrived.set()

    a = SyncEngine(a_path, url, token)
    b = SyncEngine(b_path, url, token, on_applied=on_applied)
    await a.pull()
    stop = asyncio.Event()
    runner = asyncio.create_task(b.run(stop))
    while b.status.state != "online":
        await asyncio.sleep(0.05)
    writes = LocalWrites(connect(a_path, durable=True), "bench")
    delays = []
    for i in range(samples):
        iid = writes.log_interaction(STORY_CUSTOMERS["vip"], channel="phone", summary=f"sample {i}")
        pushed = time.perf_counter()  # from the moment desk A starts sending
        await a.push()
        while iid not in seen:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 10)
        delays.append(seen[iid] - pushed)
        await asyncio.sleep(0.2)
    stop.set()
    runner.cancel()
    await a.aclose()
    await b.aclose()
    return delays


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=2000)
    ap.add_argument("--samples", type=int, default=30)
    args = ap.parse_args()
    data = Path(tempfile.mkdtemp(prefix="rapport-bench-live-"))
    proc, url = start_hub(data / "hub", args.customers)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            delays = asyncio.run(measure(url, args.samples, Path(tmp)))
    finally:
        proc.terminate()
        proc.wait(10)
    ms = sorted(d * 1000 for d in delays)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    print(f"change visible on another desk: median {statistics.median(ms):.1f} ms, "
          f"p90 {p90:.1f} ms, max {ms[-1]:.1f} ms over {len(ms)} samples")  # fmt: skip


if __name__ == "__main__":
    main()
