"""Pushed writes through ``Hub.push`` on SQLite (no HTTP): what a mutation costs the hub with its
exactly-once bookkeeping (the device lock, the lookup by number and by mutation id, the stored
answer).

    uv run python bench/push_writes.py [--writes 3000] [--batch 100] [--runs 3]

Each run is a fresh hub with 200 customers; one device pushes ``--writes`` ``interaction.log``
writes in batches of ``--batch``, then the same writes again (answered from the record).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.hub.conftest

from tests.hub.conftest import customer_row, interaction_args

from rapport.hub.push import Mutation
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url


def _run(writes: int, batch: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        hub = Hub.open(database_url(Path(tmp)))
        try:
            hub.add_user("agent", "pw-bench-1", "Agent", "agent")
            hub.write("customer", [customer_row(i) for i in range(1, 201)])
            user = hub.login("agent", "pw-bench-1")
            assert user is not None
            muts = [
                Mutation(n, str(uuid.uuid4()), "interaction.log",
                         interaction_args(f"c-{1 + n % 200:04d}", n))
                for n in range(1, writes + 1)
            ]  # fmt: skip
            figures = []
            for _pass in ("apply", "replay"):
                t = time.perf_counter()
                for start in range(0, writes, batch):
                    hub.push(user[0], "dev-bench", muts[start : start + batch])
                figures.append(writes / (time.perf_counter() - t))
            return figures[0], figures[1]
        finally:
            hub.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [_run(args.writes, args.batch) for _ in range(args.runs)]
    applied = statistics.median(r[0] for r in runs)
    replayed = statistics.median(r[1] for r in runs)
    print(f"{args.writes} writes in batches of {args.batch}, median of {args.runs} runs")
    print(f"applied   {applied:8,.0f} writes/s  (runs: {', '.join(f'{r[0]:,.0f}' for r in runs)})")
    print(f"replayed  {replayed:8,.0f} writes/s  (runs: {', '.join(f'{r[1]:,.0f}' for r in runs)})")


if __name__ == "__main__":
    main()
