"""What an erasure costs the client: applying one purge to a cache whose search index holds N
customers, the search index's rewrite (FTS5 ``optimize``) and the WAL's truncation included.

    uv run python bench/erasure_purge.py --customers 100000 [--out DIR] [--purges 3]

Builds (once, kept in ``OUT/purge-<customers>.sqlite3``) a cache of the seed's customers and their
identities, applied as an initial sync applies them (no timelines: the index is what the purge
rewrites), then purges customers one by one and prints how long each took and the WAL left.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from rapport.cache.apply import ERASURE_CLEANUP, apply_changes
from rapport.cache.db import connect_sync_writer, get_state, open_cache
from rapport.hub.demo_data import SeedConfig, generate
from rapport.hub.identity import normalize_identity_rows

PAGE = 5_000


def build(cache: Path, customers: int) -> None:
    open_cache(cache)[0].close()
    conn = connect_sync_writer(cache)
    started, rows = time.perf_counter(), 0
    try:
        for entity, batch in generate(SeedConfig(seed=42, customers=customers)):
            if entity not in ("customer", "identity"):
                continue
            if entity == "identity":
                batch = normalize_identity_rows(batch, "FR")
            for start in range(0, len(batch), PAGE):
                changes = [
                    {"entity": entity, "op": "upsert", "id": r["id"], "version": 1, "data": r}
                    for r in batch[start : start + PAGE]
                ]
                rows += apply_changes(conn, changes, None).rows
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    print(f"built: {rows:,} rows in {time.perf_counter() - started:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rapport-bench")
    ap.add_argument("--purges", type=int, default=3)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.out / f"purge-{args.customers}.sqlite3"
    if not cache.exists():
        build(cache, args.customers)
    conn = connect_sync_writer(cache)
    try:
        blocks = conn.execute("SELECT count(*) FROM customer_fts_data").fetchone()[0]
        print(f"cache: {cache.stat().st_size / 1e6:,.0f} MB, search index {blocks:,} blocks")
        wal = cache.with_name(cache.name + "-wal")
        ids = [r[0] for r in conn.execute("SELECT id FROM customer LIMIT ?", (args.purges,))]
        for cid in ids:
            purge = {"entity": "customer", "op": "purge", "id": cid, "version": 1, "data": None}
            started = time.perf_counter()
            apply_changes(conn, [purge], None)
            seconds = time.perf_counter() - started
            left = wal.stat().st_size if wal.exists() else 0
            owed = get_state(conn, ERASURE_CLEANUP) or "nothing"
            print(f"purge: {seconds:.2f} s (WAL left: {left:,} bytes; still owed: {owed})")
    finally:
        conn.close()


if __name__ == "__main__":
    main()
