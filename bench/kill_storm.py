"""Kill storm: writes typed with `rapport log` while `rapport sync` is killed with SIGKILL over and
over, and the cache file is cut to half in the middle. Every write typed must reach the hub once.

    uv run python bench/kill_storm.py [--writes 60] [--customers 100] [--kill-after 1,8]

A demo hub runs in this process. One thread types with `rapport log` (a new process per write,
as a softphone script would); another starts `rapport sync` (the live loop) and kills it -9 after
a random delay, again and again (every fourth sync is a `--once` left to finish). Halfway through the writes, the syncs pause, the cache file is
truncated to half its size (WAL checkpointed first), and the storm resumes: the next command to
open the cache finds it damaged and rebuilds it. The last writes before the cut (--pending-at-cut)
are typed with no sync running, so that they are still in the outbox when the cache is cut. At the end one clean `rapport sync --once` runs,
and the hub is asked about every write typed. Prints writes typed (the command printed an id),
refused at the keyboard (customer not in the rebuilt cache yet: the command said so, nothing was
queued), arrived on the hub, duplicates, lost, and writes the hub refused.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from rapport.cache.db import connect, open_cache
from rapport.cache.outbox import counts, entries
from rapport.cache.profile import save_profile
from rapport.demo import start_demo

FINISH_EVERY = 4


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rapport.cli", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=300,
    )


class Storm:
    def __init__(self, data: Path, kill_after: tuple[float, float], rng: random.Random) -> None:
        self.data = data
        self.kill_after = kill_after
        self.rng = rng
        self.running = threading.Event()  # syncs may run
        self.stop = threading.Event()
        self.kills = 0
        self.idle = threading.Event()  # no sync process alive
        self.idle.set()

    def killer(self) -> None:
        rounds = 0
        while not self.stop.is_set():
            if not self.running.wait(0.1):
                continue
            self.idle.clear()
            rounds += 1
            # Every FINISH_EVERY-th sync runs to its end: a rebuilt cache gets its customers back
            # (the commands take seconds to start here, most syncs die before their first page).
            finish = rounds % FINISH_EVERY == 0
            command = ["sync", "--once"] if finish else ["sync"]
            proc = subprocess.Popen(
                [sys.executable, "-m", "rapport.cli", *command, "--data", str(self.data)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if finish:
                proc.wait()
            else:
                time.sleep(self.rng.uniform(*self.kill_after))
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                self.kills += 1
            self.idle.set()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writes", type=int, default=60)
    ap.add_argument("--customers", type=int, default=100)
    ap.add_argument("--kill-after", default="1,8", help="min,max seconds before each kill")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--pending-at-cut",
        type=int,
        default=5,
        help="writes typed with no sync just before the cut",
    )
    args = ap.parse_args()
    low, high = (float(x) for x in args.kill_after.split(","))
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="rapport-storm-"))
    data = tmp / "demo"
    site = start_demo(data, customers=args.customers)
    try:
        conn, _ = open_cache(site.cache_path)
        save_profile(conn, site.hub_url, site.login.user)
        conn.close()
        first = _cli(data, "sync", "--once")
        assert first.returncode == 0, first.stderr
        reader = connect(site.cache_path)
        customers = [r[0] for r in reader.execute("SELECT id FROM customer LIMIT 50")]
        reader.close()
        storm = Storm(data, (low, high), rng)
        threading.Thread(target=storm.killer, daemon=True).start()
        storm.running.set()
        typed: list[str] = []
        refused = 0
        damaged_at = args.writes // 2
        quiet_from = max(0, damaged_at - args.pending_at_cut)
        pending_at_cut = 0
        started = time.perf_counter()
        for i in range(args.writes):
            if i == quiet_from:  # the last writes before the cut wait in the outbox
                storm.running.clear()
                storm.idle.wait()
            if i == damaged_at:
                reader = connect(site.cache_path)
                pending_at_cut = counts(reader).pending
                reader.close()
                plain = sqlite3.connect(site.cache_path)
                plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                plain.close()
                size = site.cache_path.stat().st_size
                with site.cache_path.open("r+b") as f:
                    f.truncate(size // 2)
                print(
                    f"cache cut from {size:,} to {size // 2:,} bytes after {i} writes,"
                    f" {pending_at_cut} of them not sent yet"
                )
                storm.running.set()
            done = _cli(
                data, "log", "--customer", rng.choice(customers), "--channel", "phone",
                "--note", f"storm note {i}",
            )  # fmt: skip
            if done.returncode == 0:
                typed.append(done.stdout.strip())
            else:
                refused += 1
                print(f"write {i} refused: {done.stderr.strip()[-300:]}", flush=True)
        storm.stop.set()
        storm.running.clear()
        storm.idle.wait()
        seconds = time.perf_counter() - started
        last = _cli(data, "sync", "--once")
        local = connect(site.cache_path)
        pending = counts(local).pending
        refused_by_hub = [e for e in entries(local) if e.state == "rejected"]
        local.close()
        with site.server.hub.engine.connect() as hub:
            found = [
                int(
                    hub.exec_driver_sql(
                        "SELECT count(*) FROM interaction WHERE id = ?", (iid,)
                    ).scalar_one()
                )
                for iid in typed
            ]
    finally:
        site.close()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{args.writes} writes in {seconds:.0f} s, `rapport sync` killed -9 {storm.kills} times")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"not sent yet when the cache was cut: {pending_at_cut}")
    print(f"writes typed (id printed):          {len(typed)}")
    print(f"refused at the keyboard (said so):  {refused}")
    print(f"arrived on the hub:                 {sum(1 for n in found if n >= 1)}")
    print(f"duplicates on the hub:              {sum(n - 1 for n in found if n > 1)}")
    print(f"lost (typed, not on the hub):       {sum(1 for n in found if n == 0)}")
    print(f"refused by the hub:                 {len(refused_by_hub)}")
    print(f"still pending after a clean sync:   {pending} (last sync exit {last.returncode})")
    return 0 if all(n == 1 for n in found) else 1


if __name__ == "__main__":
    sys.exit(main())
