"""Recent customers in a real cache file: noted with each audited view, newest first, only customers
still here; an erased person leaves the list, a merged profile hands its place to the survivor; the
list keeps a bounded number."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from rapport.cache.apply import apply_changes
from rapport.cache.audit import record_view
from rapport.cache.db import connect
from rapport.cache.recent import KEEP, recent_customers
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from tests.helpers import FIXED_NOW, seeded_cache

HOOPS, RING, VIP = STORY_CUSTOMERS["hoops"], STORY_CUSTOMERS["bride"], STORY_CUSTOMERS["vip"]


@pytest.fixture
def writes(tmp_path: Path) -> Iterator[LocalWrites]:
    path = tmp_path / "cache.sqlite3"
    seeded_cache(path, customers=60).close()
    clock = {"now": FIXED_NOW}
    w = LocalWrites(connect(path, durable=True), "u-agent", None, now=lambda: clock["now"])
    w.clock = clock  # type: ignore[attr-defined]
    yield w
    w.conn.close()


def _view(writes: LocalWrites, cid: str, minutes: int) -> None:
    writes.clock["now"] = FIXED_NOW + timedelta(minutes=minutes)  # type: ignore[attr-defined]
    record_view(writes, cid, "search")


def test_newest_first_with_names_and_numbers(writes: LocalWrites) -> None:
    _view(writes, HOOPS, 1)
    _view(writes, RING, 2)
    _view(writes, HOOPS, 3)  # opened again: moves to the top, listed once
    recent = recent_customers(writes.conn)
    assert [r.id for r in recent] == [HOOPS, RING]
    assert recent[0].name == "Lucas Martin" and recent[0].phone == "+33612345678"
    assert recent[0].opened_at == "2026-11-20T15:33:00Z"


def test_erasure_and_merge_keep_the_list_honest(writes: LocalWrites) -> None:
    _view(writes, HOOPS, 1)
    _view(writes, RING, 2)
    _view(writes, VIP, 3)
    apply_changes(writes.conn, [{"entity": "customer", "op": "purge", "id": RING}], None)
    assert [r.id for r in recent_customers(writes.conn)] == [VIP, HOOPS]
    # VIP merged into Lucas: Lucas takes the newer of the two places.
    apply_changes(
        writes.conn,
        [{"entity": "customer", "op": "redirect", "id": VIP, "data": {"into": HOOPS}}],
        None,
    )
    recent = recent_customers(writes.conn)
    assert [r.id for r in recent] == [HOOPS]
    assert recent[0].opened_at == "2026-11-20T15:33:00Z"


def test_only_so_many_are_kept(writes: LocalWrites) -> None:
    ids = [
        r[0]
        for r in writes.conn.execute("SELECT id FROM customer ORDER BY id LIMIT ?", (KEEP + 5,))
    ]
    for i, cid in enumerate(ids):
        _view(writes, cid, i)
    assert writes.conn.execute("SELECT count(*) FROM recent_customer").fetchone()[0] == KEEP
    assert recent_customers(writes.conn, limit=3)[0].id == ids[-1]


def _instructions(conn: sqlite3.Connection, read: Callable[[], object]) -> int:
    """SQLite virtual machine instructions ``read`` runs: what it visits, not how long it takes."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    conn.set_progress_handler(tick, 1)
    try:
        read()
    finally:
        conn.set_progress_handler(None, 1)
    return count[0]


def test_reading_the_list_visits_the_recent_customers_not_every_customer(
    writes: LocalWrites,
) -> None:
    # The start page reads the list when the app starts. A cache analyzed while the list was empty
    # (bench/build_cache.py runs ANALYZE) has statistics for `customer` and none for
    # `recent_customer`: the planner then walked every customer (65 ms and 37 MB of page cache at
    # start with 100,000 customers) to find the few opened here.
    many = 5_000
    apply_changes(
        writes.conn,
        [
            {"entity": "customer", "op": "upsert", "id": f"c-{i}", "version": 1,
             "data": {"id": f"c-{i}", "given_name": "Ana", "family_name": f"Lima {i}"}}
            for i in range(many)
        ],
        None,
    )  # fmt: skip
    writes.conn.execute("ANALYZE")
    _view(writes, HOOPS, 1)
    _view(writes, RING, 2)
    steps = _instructions(writes.conn, lambda: recent_customers(writes.conn))
    assert [r.id for r in recent_customers(writes.conn)] == [RING, HOOPS]
    assert steps < many, f"{steps} SQLite instructions to read 2 recent customers"
