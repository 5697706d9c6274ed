"""The hub's own operations on SQLite and on PostgreSQL, side by side, in one process (no HTTP).

    uv run python bench/hub_backends.py [--customers 5000] [--durable]

For each database: the demo seed (bulk writes), the whole change feed read in pages of 1,000,
one store's feed, 40 hub searches, 300 one-row writes each in its own transaction. PostgreSQL is
a throwaway cluster started like the tests' (``tests/pgcluster.py``; needs the server binaries):
durability off unless ``--durable`` (then the server's own fsync and synchronous commit, stricter
than SQLite's WAL with synchronous=NORMAL, which does not sync on commit).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.pgcluster

from tests.pgcluster import PgCluster, find_bindir

from rapport.hub.bootstrap import seed_demo
from rapport.hub.demo_data import SeedConfig
from rapport.hub.service import Hub
from rapport.hub.store.changes import Scope
from rapport.hub.store.db import database_url
from rapport.hub.store.search import search_customers

QUERIES = ["mar", "dubois", "+3361", "0612", "jean.m", "camille dubois", "LOY", "zz"]


def _customer(i: int) -> dict:
    return {"id": f"bench-{i:06d}", "given_name": f"Given{i}", "family_name": f"Family{i}",
            "tier": "bronze", "home_store_id": "st-bench", "lifetime_value": i, "currency": "EUR",
            "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z",
            "version": 1}  # fmt: skip


def _feed(hub: Hub, scope: Scope) -> int:
    cursor = count = 0
    while True:
        page = hub.changes(cursor, 1000, scope)
        count += len(page.changes)
        cursor = page.last_seq
        if not page.more:
            return count


def measure(url: str, customers: int) -> dict[str, float]:
    out: dict[str, float] = {}
    hub = Hub.open(url)
    try:
        t = time.perf_counter()
        out["rows"] = seed_demo(hub, SeedConfig(customers=customers)).rows
        out["seed_s"] = time.perf_counter() - t
        t = time.perf_counter()
        out["feed_changes"] = _feed(hub, Scope())
        out["feed_s"] = time.perf_counter() - t
        with hub.engine.connect() as conn:
            store = conn.exec_driver_sql("SELECT min(home_store_id) FROM customer").scalar()
        t = time.perf_counter()
        out["store_feed_changes"] = _feed(hub, Scope(store_id=store, user_id="nobody"))
        out["store_feed_s"] = time.perf_counter() - t
        times = []
        for q in QUERIES * 5:
            with hub.engine.connect() as conn:
                t = time.perf_counter()
                search_customers(conn, q, 50, Scope())
                times.append(time.perf_counter() - t)
        out["search_median_ms"] = statistics.median(times) * 1000
        out["search_max_ms"] = max(times) * 1000
        t = time.perf_counter()
        for i in range(300):
            hub.write("customer", [_customer(i)])
        out["one_row_writes_per_s"] = 300 / (time.perf_counter() - t)
    finally:
        hub.engine.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--durable", action="store_true", help="PostgreSQL with fsync on")
    args = parser.parse_args()
    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL server binaries not found (apt-get install postgresql)", file=sys.stderr)
        return 2
    results = {"sqlite": measure(database_url(Path(tempfile.mkdtemp())), args.customers)}
    cluster = PgCluster(bindir, durable=args.durable).start()
    try:
        with cluster.admin() as conn:
            conn.execute("CREATE DATABASE bench")
        results["postgresql"] = measure(cluster.url("bench"), args.customers)
    finally:
        cluster.stop()
    print(f"{args.customers:,} demo customers; PostgreSQL durable: {args.durable}")
    print(f"{'':24}{'sqlite':>12}{'postgresql':>12}")
    for key in results["sqlite"]:
        a, b = results["sqlite"][key], results["postgresql"][key]
        fmt = "{:>12,.0f}" if a >= 100 else "{:>12.2f}"
        print(f"{key:24}" + fmt.format(a) + fmt.format(b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
