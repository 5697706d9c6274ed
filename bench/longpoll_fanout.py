"""Long-poll fan-out: how long one change takes to reach every connected desk.

    uv run python bench/longpoll_fanout.py [--clients 500] [--rounds 5] [--customers 200]
                                           [--database URL]

A hub in its own process (``--database``, default a fresh SQLite hub). ``--clients`` connections
each hold ``GET /v1/sync/changes?wait=...`` at once, as the desks' sync workers do; one desk then
pushes one interaction (``POST /v1/sync/push``), and the time from the start of that push to each
long poll's complete answer is measured. Prints p50/p99/max over every client and round.

The clients are raw HTTP/1.1 over asyncio streams (one keep-alive connection each, one event loop)
rather than 500 httpx clients, so the measuring side stays cheap; the script also prints how late
a 1 ms ticker on the clients' loop ran during the fan-out (if that lag were close to the delivery
times, the client would be the bottleneck, not the hub).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).parent))

from hub_process import (
    database,
    head_cursor,
    login,
    machine,
    percentile,
    start_hub,
    stop_hub,
)

WAIT = 55  # seconds a long poll is held (the hub's limit is 60)


class Poller:
    """One desk's long poll on its own keep-alive connection."""

    def __init__(self, host: str, port: int, token: str, device: str) -> None:
        self.host, self.port, self.token, self.device = host, port, token, device
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def poll(self, cursor: str) -> tuple[float, dict]:
        assert self.reader is not None and self.writer is not None
        self.writer.write(
            (
                f"GET /v1/sync/changes?cursor={cursor}&wait={WAIT}&limit=100&device={self.device}"
                f" HTTP/1.1\r\n"
                f"Host: {self.host}:{self.port}\r\nAuthorization: Bearer {self.token}\r\n\r\n"
            ).encode()
        )
        await self.writer.drain()
        status = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        arrived = time.perf_counter()
        if b" 200 " not in status:
            raise RuntimeError(f"long poll answered {status!r}: {body[:200]!r}")
        return arrived, orjson.loads(body)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _ticker(stop: asyncio.Event, lags: list[float]) -> None:
    while not stop.is_set():
        t = time.perf_counter()
        await asyncio.sleep(0.001)
        lags.append(time.perf_counter() - t - 0.001)


async def run(url: str, clients: int, rounds: int) -> list[list[float]]:
    host, port = url.removeprefix("http://").split(":")
    token = login(url)
    cursor = head_cursor(url, token)
    # A device id each, as the desks' sync workers send (the hub answers their acked_through).
    pollers = [Poller(host, int(port), token, f"fanout-{i}") for i in range(clients)]
    await asyncio.gather(*(p.connect() for p in pollers))
    pusher = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {token}"})
    customer = (await pusher.get("/v1/customers/search", params={"q": "a", "limit": 1})).json()[
        "results"
    ][0]["id"]
    results: list[list[float]] = []
    try:
        for n in range(rounds):
            waiting = [asyncio.create_task(p.poll(cursor)) for p in pollers]
            # Every request sent and parked on the hub (its first read finds nothing): the hub
            # takes a moment to read 500 requests on two cores.
            await asyncio.sleep(2.0 + clients / 250)
            if any(t.done() for t in waiting):
                raise RuntimeError("a long poll answered before the change: is something writing?")
            stop, lags = asyncio.Event(), []
            ticker = asyncio.create_task(_ticker(stop, lags))
            mutation = {
                "client_seq": n + 1,
                "mutation_id": str(uuid.uuid4()),
                "name": "interaction.log",
                "args": {
                    "id": str(uuid.uuid4()), "customer_id": customer, "channel": "phone",
                    "direction": "inbound", "kind": "call",
                    "occurred_at": "2026-11-30T10:00:00Z", "summary": f"fan-out round {n + 1}",
                },
            }  # fmt: skip
            pushed = time.perf_counter()
            r = await pusher.post(
                "/v1/sync/push",
                json={"device_id": f"bench-{uuid.uuid4()}", "schema_version": 1,
                      "mutations": [{**mutation, "client_seq": 1}]},
            )  # fmt: skip
            r.raise_for_status()
            answers = await asyncio.gather(*waiting)
            stop.set()
            await ticker
            delays = sorted((arrived - pushed) * 1000 for arrived, _body in answers)
            cursor = answers[0][1]["cursor"]
            got = {len(body["changes"]) for _a, body in answers}
            lag = max(lags) * 1000 if lags else 0.0
            print(
                f"round {n + 1}: {len(delays)} clients, p50 {percentile(delays, 0.5):.1f} ms, "
                f"p99 {percentile(delays, 0.99):.1f} ms, max {delays[-1]:.1f} ms "
                f"(changes per answer {sorted(got)}; client loop lag max {lag:.1f} ms)"
            )
            results.append(delays)
    finally:
        for p in pollers:
            p.close()
        await pusher.aclose()
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--customers", type=int, default=200, help="demo data set of a fresh hub")
    ap.add_argument(
        "--database",
        help="SQLAlchemy URL, or postgresql for a throwaway cluster (default: a fresh SQLite hub)",
    )
    args = ap.parse_args()
    # Each client is a socket: make sure this process may hold them all.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.clients + 256)), hard))
    with database(args.database) as db:
        print(machine())
        t0 = time.perf_counter()
        proc, url = start_hub(db, args.customers)
        print(f"hub ready in {time.perf_counter() - t0:.1f} s on {db.split(':', 1)[0]}")
        try:
            rounds = asyncio.run(run(url, args.clients, args.rounds))
        finally:
            stop_hub(proc)
        every = sorted(d for r in rounds for d in r)
        print(
            f"delivery of one change to {args.clients} long polls, {len(rounds)} rounds "
            f"({len(every)} deliveries): median {statistics.median(every):.1f} ms, "
            f"p50 {percentile(every, 0.5):.1f} ms, p99 {percentile(every, 0.99):.1f} ms, "
            f"max {every[-1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
