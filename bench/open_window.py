"""Opening a customer the way the app does: ``MainWindow.open_customer`` in a started ``Session``,
on a cache built by ``bench/build_cache.py``.

    uv run python bench/open_window.py --cache /tmp/rapport-bench/cache-100000.sqlite3
        [--samples 200] [--passes 2]

``search_open.py`` times the reads of the 360 and ``Customer360.show_customer``; an agent's open
also writes (the audited view queued for the hub, and since 2026-12 the recent-customer row, both
on the local writer) and runs the slots of ``customer_opened``. Each open here is timed whole
(``open_customer`` and the events it leaves, layout and paint) and in parts: ``show_customer``,
``_audit_view`` (the write), the rest of ``open_customer`` (signal slots), and the events
processed after it. The session's hub is unreachable (the app starts offline, the worker's
backoff is idle), as in ``ui_scale.py --only start``.

Self-contained (no import of ``build_cache``) so that the same file can be run against an older
tree: ``cd OLD && uv run python NEW/bench/open_window.py --cache ...``. The cache is written to
(views and recent customers), as an agent's would be. Prints median / p99 (nearest rank) / max.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not os.path.isdir(os.environ.get("XDG_RUNTIME_DIR", "")):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="rapport-bench-xdg-")
os.environ["RAPPORT_INSTANCE"] = f"bench-{os.getpid()}"  # never a Rapport the user has open


def stats(ms: list[float]) -> str:
    s = sorted(ms)
    p99 = s[min(len(s) - 1, max(0, round(0.99 * len(s)) - 1))]
    return f"{statistics.median(s):7.2f} / {p99:7.2f} / {s[-1]:7.2f} ms (n={len(s)})"


def sample(reader, count: int, seed: int = 7) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(id, name, primary phone) of random customers, by rowid, deterministic."""
    top = reader.execute("SELECT max(rowid) FROM customer").fetchone()[0] or 0
    rng = random.Random(seed)
    out: list[tuple[str, str, str | None]] = []
    while len(out) < count:
        row = reader.execute(
            "SELECT id, given_name, family_name FROM customer WHERE rowid = ?",
            (rng.randint(1, top),),
        ).fetchone()
        if row is None:
            continue
        phone = reader.execute(
            "SELECT normalized FROM identity WHERE customer_id = ? AND kind = 'phone'"
            " ORDER BY is_primary DESC LIMIT 1",
            (row[0],),
        ).fetchone()
        name = f"{row[1] or ''} {row[2] or ''}".strip()
        out.append((row[0], name, phone[0] if phone else None))
    return out


def profiled(path: Path | None, last: bool):  # type: ignore[no-untyped-def]
    """A cProfile around the last pass when ``--profile`` is given, else nothing."""
    import contextlib

    if path is None or not last:
        return contextlib.nullcontext()
    import cProfile

    @contextlib.contextmanager
    def run():  # type: ignore[no-untyped-def]
        prof = cProfile.Profile()
        prof.enable()
        try:
            yield
        finally:
            prof.disable()
            prof.dump_stats(str(path))

    return run()


def typing(window, people, passes: int, profile: Path | None = None) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """Every prefix of each name and phone typed in the window's search box: the query the box's
    coalescing timer would run (``_run_query``), then the events it leaves (the result list's
    layout and paint through the search delegate)."""
    from PySide6.QtWidgets import QApplication

    search = window.search
    texts = [t for _id, name, phone in people for t in (name, phone) if t]
    prefixes = [t[:n] for t in texts for n in range(1, len(t) + 1)]
    out: dict[str, list[float]] = {}
    for n in range(passes):
        query, paint, whole, cpu = [], [], [], []
        with profiled(profile, n == passes - 1):
            for text in prefixes:
                search.box.setText(text)
                search._timer.stop()  # run it now rather than after the typing pause
                c = time.thread_time()
                t = time.perf_counter()
                search._run_query()
                t1 = time.perf_counter()
                QApplication.processEvents()
                t2 = time.perf_counter()
                cpu.append((time.thread_time() - c) * 1000)
                query.append((t1 - t) * 1000)
                paint.append((t2 - t1) * 1000)
                whole.append((t2 - t) * 1000)
        out = {
            "keystroke whole": whole,
            "keystroke query": query,
            "keystroke events": paint,
            "keystroke CPU": cpu,
        }
        if n == 0 and passes > 1:
            print(f"first pass, keystroke whole: {stats(whole)}")
    search.box.clear()
    search._timer.stop()
    QApplication.processEvents()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--passes", type=int, default=2, help="the last pass is the figure")
    ap.add_argument(
        "--plain-style",
        action="store_true",
        help="plain Fusion instead of the app's style (what a QProxyStyle in Python costs)",
    )
    ap.add_argument("--profile", type=Path, help="cProfile the last pass of each part into FILE.*")
    args = ap.parse_args()
    meta = json.loads(args.cache.with_suffix(".json").read_text())

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    try:
        from rapport.ui.shell.app import make_app
        from rapport.ui.shell.session import Session
    except ImportError:  # a tree from before the UI was arranged by feature (2026-12)
        from rapport.ui.app import make_app  # type: ignore[no-redef]
        from rapport.ui.session import Session  # type: ignore[no-redef]

    app = make_app()
    if args.plain_style:
        app.setStyle("Fusion")
    qInstallMessageHandler(lambda *_a: None)
    session = Session(
        args.cache, "http://127.0.0.1:9", "token", user={"id": "u-bench", "username": "bench"}
    )
    session.start()
    window = session.window
    QApplication.processEvents()
    people = sample(session.reader, args.samples)
    window.show()
    QApplication.processEvents()
    keys = typing(
        window, people[:50], args.passes, args.profile and args.profile.with_suffix(".typing")
    )
    print(f"typing in the window's search box, {len(keys['keystroke whole'])} keystrokes:")
    for name, ms in keys.items():
        print(f"  {name:16s} {stats(ms)}")
    ids = [p[0] for p in people] + [h["id"] for h in meta.get("heavy", [])]

    parts: dict[str, float] = {}

    def timed(name, fn):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                parts[name] = parts.get(name, 0.0) + (time.perf_counter() - t) * 1000

        return wrapper

    # Instance attributes shadow the methods: open_customer calls them through self.
    window.customer.show_customer = timed("show_customer", window.customer.show_customer)
    window._audit_view = timed("audit write", window._audit_view)

    figures: dict[str, list[float]] = {}
    for n in range(args.passes):
        rows: dict[str, list[float]] = {
            k: []
            for k in (
                "whole",
                "whole CPU",
                "open_customer",
                "show_customer",
                "audit write",
                "slots",
                "events",
            )
        }
        last = n == args.passes - 1
        with profiled(args.profile and args.profile.with_suffix(".open"), last):
            for cid in ids:
                parts.clear()
                c = time.thread_time()
                t = time.perf_counter()
                window.open_customer(cid)
                t1 = time.perf_counter()
                QApplication.processEvents()
                t2 = time.perf_counter()
                rows["whole CPU"].append((time.thread_time() - c) * 1000)
                rows["whole"].append((t2 - t) * 1000)
                rows["open_customer"].append((t1 - t) * 1000)
                rows["events"].append((t2 - t1) * 1000)
                rows["show_customer"].append(parts.get("show_customer", 0.0))
                rows["audit write"].append(parts.get("audit write", 0.0))
                rows["slots"].append(
                    (t1 - t) * 1000
                    - parts.get("show_customer", 0.0)
                    - parts.get("audit write", 0.0)
                )
        figures = rows if n == args.passes - 1 else figures
        if n == 0 and args.passes > 1:
            print(f"first pass, whole open: {stats(rows['whole'])}")
    print(f"open through MainWindow, {len(ids)} customers ({len(meta.get('heavy', []))} heavy):")
    print("figure: median / p99 / max")
    for name, ms in figures.items():
        print(f"  {name:16s} {stats(ms)}")
    session.shutdown()
    app.quit()


if __name__ == "__main__":
    main()
