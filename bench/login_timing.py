"""How long a wrong sign-in takes for a username the hub knows and for one it does not: if the two
differ, the time alone tells an attacker which usernames exist.

    uv run python bench/login_timing.py [--rounds 40]

A real hub on 127.0.0.1 (SQLite in a temp folder, its own thread) and one HTTP client; known and
unknown usernames alternate, with a throttle allowing every try (so the password check answers,
not the backoff). Prints the median and p90 of each, and their difference. The machine's load
moves both; compare the two within one run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url
from rapport.hub.throttle import LoginThrottle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rapport-bench-login-") as folder:
        hub = Hub.open(database_url(Path(folder)))
        hub.add_user("agent", "s3cret-pass", "Alex Agent", "agent")
        # Enough free tries for the whole run: this measures the password check, not the throttle.
        hub.login_throttle = LoginThrottle(free_failures=10 * args.rounds)
        times: dict[str, list[float]] = {"known": [], "unknown": []}
        with HubServer(hub) as server, httpx.Client(base_url=server.url, timeout=30) as http:
            http.post("/v1/auth/login", json={"username": "warm-up", "password": "x"})
            for i in range(args.rounds):
                for kind, username in (("known", "agent"), ("unknown", f"nobody-{i}")):
                    start = time.perf_counter()
                    r = http.post("/v1/auth/login", json={"username": username, "password": "x"})
                    times[kind].append((time.perf_counter() - start) * 1000)
                    assert r.status_code == 401, r.text
        hub.engine.dispose()
    for kind, ms in times.items():
        ms.sort()
        p90 = ms[int(len(ms) * 0.9) - 1]
        print(f"{kind:8} wrong password: median {statistics.median(ms):6.1f} ms, p90 {p90:6.1f} ms")
    diff = statistics.median(times["unknown"]) - statistics.median(times["known"])
    print(f"unknown - known: {diff:+.1f} ms (median), over {args.rounds} rounds each")


if __name__ == "__main__":
    main()
