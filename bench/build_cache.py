"""Build a call-center-scale client cache through the sync bulk-load path.

    uv run python bench/build_cache.py --customers 1000000 [--out /tmp/rapport-bench] [--page 5000]

The seed generator's rows become change records (``{entity, op, id, version, data}``, as the hub
serves them) and go to ``apply_changes`` in pages, exactly as an initial sync applies them, minus
HTTP (a million customers over HTTP would take most of an hour and measure the hub, not the cache).
Heavy customers (``--heavy``: interaction counts, 20,000 by default for the first) are added on top,
since the generator's customers have tens of rows, not thousands.

The cache lands at ``OUT/cache-<customers>.sqlite3`` with a ``.json`` beside it that records the
parameters (and the generator's ``now``, which the other benchmarks use as the present); a cache
built with the same parameters is reused. Prints rows/s.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rapport.cache.apply import apply_changes
from rapport.cache.db import connect_sync_writer, open_cache, outbox_path
from rapport.cache.schema import SCHEMA_VERSION
from rapport.domain.timestamps import utc_text
from rapport.hub.demo_data import SeedConfig, generate

DEFAULT_OUT = Path("/tmp/rapport-bench")
DEFAULT_HEAVY = "20000,15000,12000,10000,10000"
_HEAVY_NS = uuid.UUID("6c1f7f8e-2b0e-4e53-9a55-0d5f3c1b7a11")
HISTORY_SECONDS = 3 * 365 * 86_400


def machine() -> str:
    """CPU model, cores, Python and SQLite versions: printed beside every figure."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}"
    )


def cache_paths(out: Path, customers: int) -> tuple[Path, Path]:
    cache = out / f"cache-{customers}.sqlite3"
    return cache, cache.with_suffix(".json")


def _heavy_rows(
    customer_id: str, count: int, templates: list[dict[str, Any]], now: datetime
) -> Iterator[dict[str, Any]]:
    """``count`` interactions for one customer, newest first, spread over three years: copies of
    generated rows (so titles and payloads look real) with fresh ids."""
    end = now.timestamp()
    step = HISTORY_SECONDS / count
    for j in range(count):
        row = copy.deepcopy(templates[j % len(templates)])
        row["id"] = str(uuid.uuid5(_HEAVY_NS, f"{customer_id}:{j}"))
        row["customer_id"] = customer_id
        row["occurred_at"] = utc_text(datetime.fromtimestamp(end - 3600 - j * step, UTC))
        yield row


def _changes(
    config: SeedConfig, heavy: list[int], info: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    """The data set as a change feed, heavy customers' extra rows after their own block."""
    n = config.customers
    # Spread heavy customers through the set, away from the four story customers at the start.
    heavy_at = {max(4, (i + 1) * n // (len(heavy) + 1)): size for i, size in enumerate(heavy)}
    templates: list[dict[str, Any]] = []
    pending: list[tuple[str, int]] = []
    seen = 0
    for entity, rows in generate(config):
        if entity == "customer":
            for row in rows:
                if seen in heavy_at:
                    pending.append((row["id"], heavy_at[seen]))
                seen += 1
        elif entity == "interaction" and len(templates) < 500:
            templates.extend(rows[: 500 - len(templates)])
        for row in rows:
            yield {
                "entity": entity,
                "op": "upsert",
                "id": row["id"],
                "version": row.get("version") or 1,
                "data": row,
            }
        if pending and entity == "offer" and templates:  # the block's last entity
            for cid, size in pending:
                info["heavy"].append({"id": cid, "interactions": size})
                for row in _heavy_rows(cid, size, templates, config.now):
                    yield {
                        "entity": "interaction",
                        "op": "upsert",
                        "id": row["id"],
                        "version": 1,
                        "data": row,
                    }
            pending.clear()


def build(
    customers: int,
    out: Path = DEFAULT_OUT,
    heavy: list[int] | None = None,
    page: int = 5_000,
    seed: int = 42,
    quiet: bool = False,
) -> tuple[Path, dict[str, Any]]:
    """Build (or reuse) the cache; returns its path and its metadata."""
    heavy = [int(x) for x in DEFAULT_HEAVY.split(",")] if heavy is None else heavy
    cache, meta_path = cache_paths(out, customers)
    # A cache of another schema is rebuilt, not migrated: the figures are for this code's schema.
    params = {
        "customers": customers,
        "seed": seed,
        "heavy": heavy,
        "page": page,
        "schema": SCHEMA_VERSION,
    }
    if cache.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("params") == params:
            if not quiet:
                print(f"reusing {cache} ({meta['rows']:,} rows, built in {meta['seconds']:.0f} s)")
            return cache, meta
    out.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_name(cache.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), outbox_path(tmp)):
        p.unlink(missing_ok=True)
    open_cache(tmp)[0].close()
    conn = connect_sync_writer(tmp)  # the sync's own writer settings
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    config = SeedConfig(seed=seed, customers=customers, now=now)
    info: dict[str, Any] = {"heavy": []}
    rows = 0
    started = time.perf_counter()
    last = started
    batch: list[dict[str, Any]] = []
    for change in _changes(config, heavy, info):
        batch.append(change)
        if len(batch) >= page:
            rows += apply_changes(conn, batch, f"bench:{rows}").rows
            batch = []
            if not quiet and time.perf_counter() - last > 15:
                last = time.perf_counter()
                print(f"  {rows:,} rows, {rows / (last - started):,.0f} rows/s", flush=True)
    if batch:
        rows += apply_changes(conn, batch, f"bench:{rows}").rows
    seconds = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")  # the app's caches never run it; the build does not either
    conn.close()
    tmp.replace(cache)
    # The outbox file goes with its cache (the device id, hub and user live there).
    if outbox_path(tmp).exists():
        outbox_path(tmp).replace(outbox_path(cache))
    counts = {}
    check = sqlite3.connect(cache)
    for table in ("customer", "identity", "interaction", "web_event", "orders", "offer"):
        counts[table] = check.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    check.close()
    meta = {
        "params": params,
        "now": utc_text(now),
        "rows": rows,
        "seconds": seconds,
        "counts": counts,
        "heavy": info["heavy"],
        "machine": machine(),
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    if not quiet:
        print(
            f"built {cache}: {rows:,} rows in {seconds:.0f} s = {rows / seconds:,.0f} rows/s"
            f" (cache {cache.stat().st_size / 1e9:.2f} GB)"
        )
    return cache, meta


def add_cache_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of the scripts that measure on a built cache."""
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--heavy", default=DEFAULT_HEAVY, help="as for build_cache.py")
    ap.add_argument(
        "--cache",
        type=Path,
        help="an existing cache (its .json beside it), used as it is and never rebuilt, whatever"
        " its parameters",
    )


def cache_from_arguments(args: argparse.Namespace) -> tuple[Path, dict[str, Any]]:
    """``--cache`` as it is, or the cache ``--customers``/``--heavy`` describe, built if needed."""
    if args.cache:
        return args.cache, json.loads(args.cache.with_suffix(".json").read_text())
    heavy = [int(x) for x in args.heavy.split(",") if x.strip()]
    return build(args.customers, args.out, heavy)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--heavy", default=DEFAULT_HEAVY, help="interactions per heavy customer")
    ap.add_argument("--page", type=int, default=5_000, help="changes per apply_changes call")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args(argv)
    print(f"machine: {machine()}")
    heavy = [int(x) for x in args.heavy.split(",") if x.strip()]
    _cache, meta = build(args.customers, args.out, heavy, args.page, args.seed)
    print(f"counts: {json.dumps(meta['counts'])}")
    print(f"heavy customers: {', '.join(h['id'] for h in meta['heavy'])}")


if __name__ == "__main__":
    main(sys.argv[1:])
