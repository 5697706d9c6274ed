"""How long an incoming call takes to put the caller's name on screen: from the softphone running
``rapport pop --phone NUMBER`` to the customer's name painted in the running app's window.

    uv run python bench/screen_pop.py [--customers 500] [--pops 20]

The app runs in this process (offscreen) on a demo hub with a small data set, listening on its own
socket; each pop is a real ``rapport pop`` subprocess. Calls alternate between two customers so that
every pop changes the name. Prints median and p90 of the whole path, and of the part inside the
app alone (the request handed to the window -> the name painted). The goal is under 200 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not os.path.isdir(os.environ.get("XDG_RUNTIME_DIR", "")):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="rapport-bench-xdg-")
os.environ["RAPPORT_INSTANCE"] = f"bench-{os.getpid()}"  # never a Rapport the user has open

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from rapport.demo import start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.shell.app import make_app
from rapport.ui.shell.session import Session
from rapport.ui.shell.single_instance import InstanceServer


class PaintWatch(QObject):
    """Notes when the label is painted showing the expected text."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        self.expected = ""
        self.painted_at: float | None = None
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.expected
            and self.painted_at is None
            and self.expected in self.label.text()
        ):
            self.painted_at = time.perf_counter()
        return False


def pump_until(app: QApplication, done, timeout_s: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the pop did not reach the window")
        app.processEvents()
        time.sleep(0.0005)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=500)
    ap.add_argument("--pops", type=int, default=20)
    args = ap.parse_args()

    app = make_app()
    tmp = Path(tempfile.mkdtemp(prefix="rapport-bench-pop-"))
    site = start_demo(tmp / "demo", customers=args.customers)
    session = Session(
        tmp / "cache.sqlite3", site.hub_url, site.login.token, user=dict(site.login.user)
    )
    try:
        session.start(show=True)
        pump_until(app, lambda: session.worker.status.state == "online", 300)
        received: dict[str, float] = {}

        def handler(message: dict) -> None:  # type: ignore[type-arg]
            received["at"] = time.perf_counter()
            session.screen_pop.handle(message)

        session.instance = InstanceServer(handler)
        if not session.listen():
            print("screen pop bench: could not listen", file=sys.stderr)
            return 1
        callers = []
        for key in ("hoops", "vip"):
            cid = STORY_CUSTOMERS[key]
            phone, given, family = session.reader.execute(
                "SELECT i.normalized, c.given_name, c.family_name FROM identity i"
                " JOIN customer c ON c.id = i.customer_id"
                " WHERE i.customer_id = ? AND i.kind = 'phone' ORDER BY i.is_primary DESC",
                (cid,),
            ).fetchone()
            callers.append((phone, f"{given} {family}"))
        label = session.window.findChild(QLabel, "customerName")
        watch = PaintWatch(label)
        exe = shutil.which("rapport") or ""
        base = [exe] if exe else [sys.executable, "-m", "rapport.cli"]

        whole, inside, command = [], [], []
        for i in range(args.pops + 1):  # the first one warms caches up and is not counted
            phone, name = callers[i % 2]
            watch.expected, watch.painted_at = name, None
            received.clear()
            t0 = time.perf_counter()
            proc = subprocess.Popen([*base, "pop", "--phone", phone])
            pump_until(
                app, lambda p=proc: watch.painted_at is not None and p.poll() is not None, 30
            )
            if proc.returncode != 0:
                print(f"screen pop bench: rapport pop exited {proc.returncode}", file=sys.stderr)
                return 1
            if i == 0:
                continue
            whole.append((watch.painted_at - t0) * 1000)  # type: ignore[operator]
            inside.append((watch.painted_at - received["at"]) * 1000)  # type: ignore[operator]
            command.append((received["at"] - t0) * 1000)
            time.sleep(0.05)
        print(f"screen pop, {args.customers:,} customers, {args.pops} pops ({' '.join(base)}):")
        for title, values in (
            ("`rapport pop` started -> name painted", whole),
            ("  of which: command start -> request in the app", command),
            ("  of which: request in the app -> name painted", inside),
        ):
            print(
                f"  {title:<50} median {statistics.median(values):7.1f} ms"
                f"   p90 {pct(values, 0.9):7.1f} ms   max {max(values):7.1f} ms"
            )
        return 0
    finally:
        session.shutdown()
        site.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
