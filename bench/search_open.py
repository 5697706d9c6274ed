"""Search as you type and opening a customer, on a cache built by ``bench/build_cache.py``.

    uv run python bench/search_open.py --customers 1000000 [--samples 200] [--no-ui]

Search: for sampled customers, the agent types a name, an email, a phone number as a caller ID
gives it (+33..., 0..., spaced) and a loyalty id, one character at a time; every keystroke runs the
real ``search_customers`` (the same call the search box makes). Open: the read the customer 360
makes (``load_customer``: header, intent, next best action, first timeline and orders pages, offers,
open issues, in one pass), then the real ``Customer360.show_customer`` offscreen, for sampled
customers plus the heavy ones. Beside each figure, a naive baseline: ``LIKE '%text%'`` scans for search, and the first timeline
page read without the (customer, time) index for open. Prints median, p99, max.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_cache import add_cache_arguments, cache_from_arguments, machine
from rapport.cache.customer_360 import load_customer
from rapport.cache.db import connect
from rapport.cache.search import search_customers
from rapport.domain.next_best_action import suggest
from rapport.domain.timestamps import parse_utc_text


def stats(ms: list[float], unit: str = "ms") -> str:
    """``median / p99 / max`` (p99: nearest rank)."""
    if not ms:
        return "n/a"
    s = sorted(ms)
    p99 = s[min(len(s) - 1, max(0, round(0.99 * len(s)) - 1))]
    return f"{statistics.median(s):7.2f} / {p99:7.2f} / {s[-1]:7.2f} {unit} (n={len(s)})"


def timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def sample_customers(conn: sqlite3.Connection, count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Random customers (by rowid, deterministic) with their primary contacts."""
    top = conn.execute("SELECT max(rowid) FROM customer").fetchone()[0] or 0
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    tries = 0
    while len(out) < count and tries < count * 10:
        tries += 1
        row = conn.execute(
            "SELECT id, given_name, family_name FROM customer WHERE rowid = ?",
            (rng.randint(1, top),),
        ).fetchone()
        if row is None:
            continue
        ids: dict[str, str] = {}
        for kind, value, normalized in conn.execute(
            "SELECT kind, value, normalized FROM identity WHERE customer_id = ?"
            " ORDER BY is_primary DESC",
            (row["id"],),
        ):
            ids.setdefault(kind, normalized or value)
        out.append(
            {
                "id": row["id"],
                "name": f"{row['given_name'] or ''} {row['family_name'] or ''}".strip(),
                **ids,
            }
        )
    return out


def caller_id(e164: str, variant: int) -> str:
    """A phone number the way a caller ID or an agent gives it."""
    if variant == 0 or not e164.startswith("+33"):
        return e164  # +33612345678
    national = "0" + e164[3:]
    if variant == 1:
        return national  # 0612345678
    return " ".join(national[i : i + 2] for i in range(0, len(national), 2))  # 06 12 34 56 78


def keystrokes(people: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Every prefix of what an agent types, by kind."""
    seqs: dict[str, list[str]] = {"name": [], "email": [], "phone": [], "loyalty": []}
    for i, p in enumerate(people):
        typed = {
            "name": p["name"],
            "email": p.get("email"),
            "phone": caller_id(p["phone"], i % 3) if p.get("phone") else None,
            "loyalty": p.get("loyalty"),
        }
        for kind, text in typed.items():
            if text:
                seqs[kind] += [text[:n] for n in range(1, len(text) + 1)]
    return seqs


def naive_search(conn: sqlite3.Connection, text: str) -> list[Any]:
    """What search would cost without the FTS index: substring scans of names and identities."""
    like = f"%{text}%"
    rows = conn.execute(
        "SELECT id FROM customer WHERE given_name || ' ' || family_name LIKE ? LIMIT 200", (like,)
    ).fetchall()
    digits = "".join(ch for ch in text if ch.isdigit())
    rows += conn.execute(
        "SELECT customer_id FROM identity WHERE normalized LIKE ? LIMIT 200",
        (f"%{digits}%" if digits and len(digits) == len(text.replace(" ", "")) else like,),
    ).fetchall()
    return rows


def open_reads(conn: sqlite3.Connection, customer_id: str, now: datetime) -> None:
    """What ``Customer360.show_customer`` reads, without the widgets: ``load_customer`` (header,
    intent, next best action inputs, offers, first timeline and orders pages, open issues, sync
    marks, in one read transaction), then the next best actions from its inputs."""
    data = load_customer(conn, customer_id, now)
    if data is not None:
        suggest(data.nba, now)


def naive_timeline(conn: sqlite3.Connection, customer_id: str) -> None:
    """The first timeline page without the (customer_id, time) index: a table scan."""
    conn.execute(
        "SELECT * FROM interaction NOT INDEXED WHERE customer_id = ?"
        " ORDER BY occurred_at DESC LIMIT 50",
        (customer_id,),
    ).fetchall()


def run(
    cache: Path,
    meta: dict[str, Any],
    samples: int = 200,
    ui: bool = True,
    baseline_samples: int = 40,
    passes: int = 2,
) -> dict[str, list[float]]:
    """``passes`` > 1: the keystrokes and opens run again and the last pass is the figure; the
    first is reported apart as cold (pages still on disk, as on a desk just started: a
    million-customer cache is 10 GB and only what searches touch comes into memory)."""
    conn = connect(cache, readonly=True)
    now = parse_utc_text(meta["now"])
    people = sample_customers(conn, samples)
    results: dict[str, list[float]] = {}
    rng = random.Random(11)
    search_customers(conn, "warm up")
    typed = keystrokes(people)
    for n in range(passes):
        for kind, seq in typed.items():
            ms = [timed(lambda t=t: search_customers(conn, t)) for t in seq]
            if n == 0 and passes > 1:
                results[f"cold search {kind}"] = ms
            results[f"search {kind}"] = ms
    for kind, seq in typed.items():
        picked = rng.sample(seq, min(baseline_samples, len(seq)))
        results[f"naive search {kind}"] = [timed(lambda t=t: naive_search(conn, t)) for t in picked]
    every = [x for k, v in results.items() if k.startswith("search ") for x in v]
    results["search all"] = every
    if passes > 1:
        results["cold search all"] = [
            x for k, v in results.items() if k.startswith("cold search ") for x in v
        ]

    heavy = [h["id"] for h in meta.get("heavy", [])]
    to_open = [p["id"] for p in people] + heavy
    for n in range(passes):
        ms = [timed(lambda c=c: open_reads(conn, c, now)) for c in to_open]
        if n == 0 and passes > 1:
            results["cold open reads"] = ms
        results["open reads"] = ms
    results["open reads heavy"] = [timed(lambda c=c: open_reads(conn, c, now)) for c in heavy]
    picked = rng.sample(to_open, min(max(3, baseline_samples // 8), len(to_open)))
    results["naive timeline page"] = [timed(lambda c=c: naive_timeline(conn, c)) for c in picked]

    if ui:
        results["open Customer360"] = open_in_widget(cache, to_open, now)
    conn.close()
    return results


def open_in_widget(cache: Path, ids: list[str], now: datetime) -> list[float]:
    """``Customer360.show_customer`` offscreen, one customer after the other, events processed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from rapport.ui.customer.view import Customer360

    app = QApplication.instance() or QApplication([])
    reader = connect(cache, readonly=True)
    view = Customer360(reader, now=lambda: now.astimezone())
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    out = []
    for cid in ids:
        t = time.perf_counter()
        view.show_customer(cid)
        app.processEvents()  # layout and paint, as the agent would see it
        out.append((time.perf_counter() - t) * 1000)
    view.close()
    reader.close()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cache_arguments(ap)
    ap.add_argument("--samples", type=int, default=200, help="customers to type and open")
    ap.add_argument("--no-ui", action="store_true", help="skip the Qt widget measurement")
    ap.add_argument(
        "--passes", type=int, default=2, help="runs of the same keystrokes; the last is the figure"
    )
    args = ap.parse_args(argv)
    cache, meta = cache_from_arguments(args)
    print(f"machine: {machine()}")
    print(f"cache: {cache} ({meta['rows']:,} rows; {meta['counts']})")
    results = run(cache, meta, args.samples, ui=not args.no_ui, passes=args.passes)
    print("figure: median / p99 / max")
    for name, ms in results.items():
        print(f"  {name:24s} {stats(ms)}")
    for kind in ("name", "email", "phone", "loyalty"):
        a, b = results[f"search {kind}"], results[f"naive search {kind}"]
        print(
            f"  naive/FTS median ratio, {kind}: {statistics.median(b) / statistics.median(a):,.0f}x"
        )
    a, b = results["open reads"], results["naive timeline page"]
    print(
        f"  naive timeline page / whole open, median: {statistics.median(b) / statistics.median(a):,.0f}x"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
