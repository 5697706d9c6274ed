"""The UI side of call-center scale, on a cache built by ``bench/build_cache.py``.

    uv run python bench/ui_scale.py --customers 1000000 [--only scroll,start,stall]
        [--sync-customers 100000]

- scroll: the heaviest customer's timeline (20,000 rows) in the real ``TimelineView``, offscreen,
  scrolled a screenful per frame to the end; each frame's time (``fetchMore`` and the rows' data
  for painting, or the paint itself) is recorded. Baseline: loading the whole timeline at once.
- start: a fresh process, as the app starts (``make_app``, ``Session`` over the cache, the window
  shown); the time from spawning it to the first search answered in its search box, then its RSS
  after opening 100 customers (heavy ones included) through the main window.
- stall: the app's ``Session`` (main window, sync worker) with a ``QTimer`` ticking every 5 ms
  while the ``SyncWorker`` thread pulls a fresh cache of ``--sync-customers`` from a hub in its
  own process; prints the ten latest ticks, each with every thread's time on a CPU and waiting
  for one (the kernel's run queue: other threads and processes, the hub's included) from
  ``/proc/self/task/*/schedstat`` (the rest of the UI thread's time it was blocked: the GIL, a
  lock, I/O) and the major page faults in it; the garbage collections over 1 ms; the host's
  stolen time. Figures are for an installed app: run ``uv sync --compile-bytecode`` first (see
  bench/README.md, issue 7 third pass). ``--watchdog FILE``
  has ``faulthandler`` (a C thread, needing no GIL) write every thread's stack into FILE whenever
  a tick is over ``--watchdog-ms`` (50) late, while it is late.
  Baseline: the same probe for two seconds with the worker idle, before the pull starts.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_cache import add_cache_arguments, cache_from_arguments, machine
from search_open import stats

STALL_MS = 50
TICK_MS = 5


def _quiet_qt() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda *_args: None)  # the offscreen platform's chatter


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---- scroll -------------------------------------------------------------------------------------


def scroll(cache: Path, meta: dict[str, Any], view_rows: int = 20_000) -> dict[str, list[float]]:
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from rapport.cache.db import connect
    from rapport.ui.customer.timeline import TimelineView
    from rapport.ui.customer.timeline_model import TimelineModel, TimelineRole

    _quiet_qt()
    app = QApplication.instance() or QApplication([])
    heavy = max(meta["heavy"], key=lambda h: h["interactions"])
    now = datetime.strptime(meta["now"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone()
    reader = connect(cache, readonly=True)
    out: dict[str, list[float]] = {"scroll frame (model)": [], "scroll frame (view paint)": []}

    # The model alone: per frame, the page fetch when the view reaches the end, and the roles the
    # delegate reads for a screenful of rows.
    model = TimelineModel(reader, lambda: now)
    model.set_customer(heavy["id"])
    roles = [int(r) for r in TimelineRole] + [0]
    screen = 20
    top = 0
    while True:
        t = time.perf_counter()
        if top + screen >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        for row in range(top, min(top + screen, model.rowCount())):
            index = model.index(row)
            for role in roles:
                model.data(index, role)
        out["scroll frame (model)"].append((time.perf_counter() - t) * 1000)
        if top + screen >= model.rowCount() and not model.canFetchMore():
            break
        top += screen
    rows = model.rowCount()

    # The real view: a page of scrolling per frame, painted.
    view_model = TimelineModel(reader, lambda: now)
    view = TimelineView(view_model)
    view.resize(900, 700)
    view.show()
    view_model.set_customer(heavy["id"])
    app.processEvents()
    bar = view.list.verticalScrollBar()
    still = 0
    # Until the end: the last row fetched and laid out, the bar stopped moving for a while.
    cap = rows * 2 + 1000  # a frame per row at worst: never loop for ever
    while (
        still < 50
        and len(out["scroll frame (view paint)"]) < cap
        and view_model.rowCount() < view_rows
    ):
        t = time.perf_counter()
        before = (bar.value(), bar.maximum())
        bar.setValue(bar.value() + bar.pageStep())
        view.list.viewport().repaint()
        app.processEvents()
        out["scroll frame (view paint)"].append((time.perf_counter() - t) * 1000)
        moved = (bar.value(), bar.maximum()) != before
        still = 0 if moved else still + 1
    view.close()

    # Baseline: the whole timeline read in one go, as a model without paging would.
    from rapport.cache.queries import timeline_page

    t = time.perf_counter()
    everything = timeline_page(reader, heavy["id"], limit=1_000_000)
    out["naive: whole timeline at once"] = [(time.perf_counter() - t) * 1000]
    reader.close()
    print(
        f"scroll: customer {heavy['id']} with {heavy['interactions']:,} extra interactions:"
        f" {rows:,} rows in the model, {view_model.rowCount():,} in the view,"
        f" {len(everything):,} in one read"
    )
    return out


# ---- cold start and memory ----------------------------------------------------------------------


def _child_start(cache: Path, meta_path: Path) -> None:
    """Runs in a fresh process: start as the app does, answer a search, then open 100 customers."""
    from PySide6.QtWidgets import QApplication

    from rapport.ui.shell.app import make_app
    from rapport.ui.shell.session import Session

    app = make_app()
    _quiet_qt()
    meta = json.loads(meta_path.read_text())
    # An unreachable hub: the app starts offline, as on a train; the worker's backoff is idle.
    session = Session(
        cache, "http://127.0.0.1:9", "token", user={"id": "u-bench", "username": "bench"}
    )
    session.start()
    window = session.window
    window.search.box.setFocus()
    window.search.model.set_query("ma")  # the first keystrokes, answered
    QApplication.processEvents()
    ready = time.time()
    rss_start = _rss_mb()
    ids = [r[0] for r in session.reader.execute("SELECT id FROM customer LIMIT 95")]
    ids += [h["id"] for h in meta["heavy"]]
    opened = 0
    for cid in ids:
        opened += bool(window.open_customer(cid))
        QApplication.processEvents()
    print(
        json.dumps(
            {"ready": ready, "rss_start": rss_start, "rss_100": _rss_mb(), "opened": opened}
        ),
        flush=True,
    )
    session.shutdown()
    app.quit()


def start(cache: Path, meta_path: Path, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {
        "cold start to search": [],
        "RSS at start (MB)": [],
        "RSS after 100 opened (MB)": [],
    }
    for _ in range(runs):
        t = time.time()
        done = subprocess.run(
            [sys.executable, __file__, "--child-start", str(cache), str(meta_path)],
            capture_output=True,
            text=True,
        )
        lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
        if not lines:
            raise SystemExit(f"the started app did not report:\n{done.stderr[-2000:]}")
        report = json.loads(lines[-1])
        out["cold start to search"].append((report["ready"] - t) * 1000)
        out["RSS at start (MB)"].append(report["rss_start"])
        out["RSS after 100 opened (MB)"].append(report["rss_100"])
    # Baseline: a bare interpreter that imports nothing of ours.
    t = time.time()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    out["naive: bare python start"] = [(time.time() - t) * 1000]
    return out


# ---- stall probe --------------------------------------------------------------------------------


def _schedstat() -> dict[int, tuple[int, int]]:
    """Each thread of this process: (ns on a CPU, ns waiting for one), from Linux's schedstat;
    empty elsewhere."""
    out: dict[int, tuple[int, int]] = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/self/task/{tid}/schedstat", "rb", buffering=0) as f:
                run, wait, _slices = f.read().split()
        except OSError:  # the thread ended meanwhile
            continue
        out[int(tid)] = (int(run), int(wait))
    return out


def _major_faults() -> int:
    """Page faults of this process that waited for the disk (code or data paged out)."""
    try:
        stat = Path("/proc/self/stat").read_text()
    except OSError:
        return 0
    return int(stat.rsplit(")", 1)[1].split()[9])


def _steal_ticks() -> int:
    """The whole machine's stolen time (a VM's vCPU waiting for its host), in clock ticks."""
    return int(Path("/proc/stat").read_text().split("\n", 1)[0].split()[8])


def stall(
    sync_customers: int, data: Path, watchdog: Path | None = None, watchdog_ms: float = STALL_MS
) -> dict[str, list[float]]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from initial_sync import login, start_hub
    from rapport.cache.db import open_cache
    from rapport.ui.shell.session import Session

    _quiet_qt()
    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    proc, url = start_hub(data, sync_customers)
    print(f"stall: hub with {sync_customers:,} customers ready in {time.perf_counter() - t0:.0f} s")
    out: dict[str, list[float]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "cache.sqlite3"
            open_cache(cache)[0].close()
            # The app's own start: Session opens the cache, builds the window and, in start(),
            # starts the sync worker.
            session = Session(
                cache, url, login(url), user={"id": "u-bench", "username": "agent"}, live_wait=1.0
            )
            window, worker, reader = session.window, session.worker, session.reader
            window.show()
            gaps: list[float] = []
            clock = QElapsedTimer()
            clock.start()
            last = [clock.nsecsElapsed()]

            at: list[float] = []  # when each tick ran, ms on the clock
            ui_tid = threading.get_native_id()
            # Every thread's schedstat at each tick: a late tick is then split into the UI
            # thread's time on a CPU, waiting for one and blocked, beside what the others did.
            snaps: list[dict[int, tuple[int, int]]] = [_schedstat()]
            faults = [_major_faults()]  # pages this process waited for the disk to read
            # (at, wall ms, the thread's CPU ms, generation, objects freed, thread)
            collections: list[tuple[float, float, float, int, int, str]] = []
            gc_start = threading.local()

            def on_gc(phase: str, info: dict[str, int]) -> None:
                n = clock.nsecsElapsed()
                if phase == "start":
                    gc_start.at, gc_start.cpu = n, time.thread_time_ns()
                elif (n - gc_start.at) / 1e6 >= 1:
                    collections.append(
                        (
                            gc_start.at / 1e6,
                            (n - gc_start.at) / 1e6,
                            (time.thread_time_ns() - gc_start.cpu) / 1e6,
                            info["generation"],
                            info["collected"],
                            threading.current_thread().name,
                        )
                    )

            gc.callbacks.append(on_gc)
            dog = open(watchdog, "w") if watchdog else None  # noqa: SIM115

            def tick() -> None:
                n = clock.nsecsElapsed()
                gaps.append((n - last[0]) / 1e6 - TICK_MS)
                at.append(n / 1e6)
                last[0] = n
                snaps.append(_schedstat())
                faults.append(_major_faults())
                if dog:
                    faulthandler.dump_traceback_later(
                        (TICK_MS + watchdog_ms) / 1000, file=dog, exit=False
                    )

            timer = QTimer(interval=TICK_MS)
            timer.timeout.connect(tick)
            timer.start()
            done = [False]

            def on_status(status: Any) -> None:
                if status.state == "online" and not status.total:
                    done[0] = True

            worker.status_changed.connect(on_status)
            idle_until = time.perf_counter() + 2
            while time.perf_counter() < idle_until:
                app.processEvents()
                time.sleep(0.0005)
            out["UI tick lateness, idle"] = gaps[:]
            gaps.clear()
            at.clear()
            del snaps[:-1]
            del faults[:-1]
            steal_before = _steal_ticks()
            started = time.perf_counter()
            start_at = clock.nsecsElapsed() / 1e6
            session.start()
            start_ms = clock.nsecsElapsed() / 1e6 - start_at
            while not done[0] and time.perf_counter() - started < 3600:
                app.processEvents()
                time.sleep(0.0005)  # an idle event loop's wait, without blocking signals
            seconds = time.perf_counter() - started
            timer.stop()
            if dog:
                faulthandler.cancel_dump_traceback_later()
                dog.close()
            steal_ms = (_steal_ticks() - steal_before) * 1000 / os.sysconf("SC_CLK_TCK")
            gc.callbacks.remove(on_gc)
            names = {t.native_id: t.name for t in threading.enumerate()}
            names[ui_tid] = "UI"
            rows = reader.execute("SELECT count(*) FROM customer").fetchone()[0]
            session.shutdown()
            window.close()
            late = [i for i, g in enumerate(gaps) if g > STALL_MS]
            print(
                f"stall: synced {rows:,} customers in {seconds:.0f} s; {len(gaps):,} ticks,"
                f" {len(late)} late by over {STALL_MS} ms; Session.start() itself took"
                f" {start_ms:.0f} ms on the UI thread; the machine's vCPUs had {steal_ms:.0f} ms"
                " stolen by the host"
            )
            worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-10:]
            print(
                "  the ten latest ticks, and each thread's time on a CPU / waiting for one"
                " meanwhile (ms):"
            )
            ui_waits = []
            for i in range(len(gaps)):
                before, after = snaps[i], snaps[i + 1]
                deltas = {
                    tid: ((run - before[tid][0]) / 1e6, (wait - before[tid][1]) / 1e6)
                    for tid, (run, wait) in after.items()
                    if tid in before
                }
                ui_waits.append(deltas.get(ui_tid, (0.0, 0.0))[1])
                if i not in worst:
                    continue
                line = f"  {(at[i] - start_at) / 1000:8.2f} s: late {gaps[i]:.0f} ms;"
                if faults[i + 1] > faults[i]:
                    line += f" {faults[i + 1] - faults[i]} major page faults;"
                for tid, (run, wait) in sorted(deltas.items(), key=lambda d: d[0] != ui_tid):
                    if tid == ui_tid or run + wait >= 1:
                        line += f" {names.get(tid, tid)} {run:.0f}/{wait:.0f}"
                print(line)
            for when, ms, cpu, generation, freed, thread in collections:
                print(
                    f"  garbage collection {(when - start_at) / 1000:8.2f} s: generation"
                    f" {generation} in {thread}, {ms:.0f} ms ({cpu:.0f} ms on a CPU),"
                    f" {freed} objects freed"
                )
            if ui_waits:
                ui_waits.sort()
                print(
                    f"  UI thread waiting for a CPU per tick: p99"
                    f" {ui_waits[int(len(ui_waits) * 0.99)]:.2f} ms, max {ui_waits[-1]:.1f} ms"
                )
            faulted = [i for i in range(len(gaps)) if faults[i + 1] > faults[i]]
            if faulted:
                print(
                    f"  major page faults during the sync: {faults[-1] - faults[0]} in"
                    f" {len(faulted)} ticks; those ticks late by up to"
                    f" {max(gaps[i] for i in faulted):.1f} ms"
                )
            out["UI tick lateness during sync"] = gaps
    finally:
        proc.terminate()
        proc.wait(10)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cache_arguments(ap)
    ap.add_argument("--only", default="scroll,start,stall")
    ap.add_argument("--runs", type=int, default=3, help="cold starts")
    ap.add_argument("--view-rows", type=int, default=20_000, help="rows to scroll in the view")
    ap.add_argument("--sync-customers", type=int, default=100_000)
    ap.add_argument(
        "--watchdog", type=Path, help="stall: write every thread's stack here at each late tick"
    )
    ap.add_argument("--watchdog-ms", type=float, default=STALL_MS, help="stall: late means this")
    ap.add_argument("--child-start", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_start:
        _child_start(*args.child_start)
        return
    parts = set(args.only.split(","))
    print(f"machine: {machine()}")
    results: dict[str, list[float]] = {}
    if parts & {"scroll", "start"}:
        cache, meta = cache_from_arguments(args)
        print(f"cache: {cache} ({meta['rows']:,} rows)")
        if "scroll" in parts:
            results |= scroll(cache, meta, args.view_rows)
        if "start" in parts:
            results |= start(cache, cache.with_suffix(".json"), args.runs)
    if "stall" in parts:
        data = args.out / f"hub-{args.sync_customers}"
        results |= stall(args.sync_customers, data, args.watchdog, args.watchdog_ms)
    print("figure: median / p99 / max")
    for name, ms in results.items():
        print(f"  {name:30s} {stats(ms, 'MB' if 'MB' in name else 'ms')}")
    if "scroll frame (model)" in results:
        frames = results["scroll frame (model)"]
        print(f"  model frames over 16 ms: {sum(f > 16 for f in frames)} of {len(frames)}")
    if "RSS after 100 opened (MB)" in results:
        print(f"  peak RSS after 100 opened: {max(results['RSS after 100 opened (MB)']):.0f} MB")
    if results.get("UI tick lateness during sync"):
        print(f"  worst UI stall: {max(results['UI tick lateness during sync']):.0f} ms")
        print(
            f"  median of ticks: {statistics.median(results['UI tick lateness during sync']):.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
