"""Tracking ingestion throughput through ``/v1/batch``, with the hub in its own process.

    uv run python bench/ingest.py [--customers 2000] [--events 5000] [--batch 100] [--runs 3]
                                  [--database URL|postgresql]

Seeds a demo hub (``--database`` as in ``hub_process.py``: SQLite by default), makes a write key, then posts ``--events`` Segment messages
in batches of ``--batch`` as analytics-python sends them: product views, searches, cart adds and
pages, half from visitors the hub knows by their anonymous id (written straight to the customer),
half from unknown visitors (held until they identify), and 1% identify calls that link an
anonymous visitor to an email. Prints events/s per run and the median.
"""

from __future__ import annotations

import base64
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime

import httpx
import orjson

from hub_process import database, machine, start_hub, stop_hub
from rapport.hub.service import Hub


def _catalog_and_visitors(url: str) -> tuple[str, list[str], list[str]]:
    hub = Hub.open(url)
    try:
        key = hub.add_write_key("bench")
        with hub.engine.connect() as conn:
            skus = [r[0] for r in conn.exec_driver_sql("SELECT sku FROM variant LIMIT 2000")]
            anons = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT normalized FROM identity WHERE kind = 'anonymous_id' LIMIT 5000"
                )
            ]
    finally:
        hub.engine.dispose()
    return key, skus, anons


def _message(rng: random.Random, skus: list[str], anons: list[str], run: int, n: int) -> dict:
    anon = rng.choice(anons) if rng.random() < 0.5 else f"bench-{run}-{n % 700}"
    now = datetime.now(UTC).isoformat()
    base = {
        "context": {"library": {"name": "analytics-python", "version": "2.3.2"},
                    "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148"},
        "integrations": {}, "timestamp": now, "messageId": str(uuid.uuid4()), "anonymousId": anon,
    }  # fmt: skip
    r = rng.random()
    if r < 0.01:
        return {**base, "type": "identify", "userId": f"bench-user-{run}-{n}",
                "traits": {"email": f"bench-{run}-{n}@example.org"}}  # fmt: skip
    if r < 0.05:
        return {**base, "type": "page", "name": "Home", "properties": {"path": "/"}}
    if r < 0.15:
        return {**base, "type": "track", "event": "Products Searched",
                "properties": {"query": rng.choice(["hoop", "red dress", "gloves"])}}  # fmt: skip
    event = "Product Added" if r < 0.20 else "Product Viewed"
    return {**base, "type": "track", "event": event,
            "properties": {"sku": rng.choice(skus), "price": 49.99, "currency": "EUR"}}  # fmt: skip


def run_once(url: str, key: str, skus: list[str], anons: list[str], args, run: int) -> float:  # type: ignore[no-untyped-def]
    rng = random.Random(run)
    auth = "Basic " + base64.b64encode(f"{key}:".encode()).decode()
    batches = []
    for start in range(0, args.events, args.batch):
        msgs = [_message(rng, skus, anons, run, n) for n in range(start, start + args.batch)]
        batches.append(msgs)
    with httpx.Client(base_url=url, timeout=120, headers={"Authorization": auth}) as client:
        t0 = time.perf_counter()
        for msgs in batches:
            body = orjson.dumps({"batch": msgs, "sentAt": datetime.now(UTC).isoformat()})
            r = client.post("/v1/batch", content=body, headers={"Content-Type": "application/json"})
            r.raise_for_status()
            if r.json()["rejected"]:
                raise SystemExit(f"rejected: {r.json()['rejected'][:3]}")
        return args.events / (time.perf_counter() - t0)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=2_000)
    ap.add_argument("--events", type=int, default=5_000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--database",
        help="SQLAlchemy URL, or postgresql for a throwaway cluster (default: a fresh SQLite hub)",
    )
    args = ap.parse_args()
    print(machine())
    with database(args.database) as db:
        proc, url = start_hub(db, args.customers)
        print(f"hub on {db.split(':', 1)[0]}")
        try:
            key, skus, anons = _catalog_and_visitors(db)
            rates = []
            for run in range(args.runs):
                rate = run_once(url, key, skus, anons, args, run)
                rates.append(rate)
                print(
                    f"run {run + 1}: {args.events:,} events in batches of {args.batch}: "
                    f"{rate:,.0f} events/s"
                )
            print(f"median {statistics.median(rates):,.0f} events/s through /v1/batch")
        finally:
            stop_hub(proc)


if __name__ == "__main__":
    sys.exit(main())
