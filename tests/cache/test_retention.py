"""Retention: a customer brought here by a pin is let go of once nobody here opened them for the
policy's days; their later changes are left out until pinned again; customers of the sync scope,
and customers with writes still waiting, stay."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rapport.cache.apply import apply_changes
from rapport.cache.audit import record_view
from rapport.cache.db import open_cache
from rapport.cache.retention import apply_pinned, release_stale
from rapport.cache.search import search_customers
from rapport.cache.writes import LocalWrites

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _customer(cid: str, family: str) -> dict:
    return {"entity": "customer", "op": "upsert", "id": cid, "version": 1,
            "data": {"id": cid, "given_name": "Ana", "family_name": family}}  # fmt: skip


def _call(cid: str, n: int) -> dict:
    return {"entity": "interaction", "op": "upsert", "id": f"i-{n}", "version": 1,
            "data": {"id": f"i-{n}", "customer_id": cid, "channel": "phone", "kind": "call",
                     "occurred_at": "2026-11-01T10:00:00Z", "summary": f"call {n}"}}  # fmt: skip


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c, _ = open_cache(tmp_path / "cache.sqlite3")
    apply_changes(c, [_customer("c-scope", "Scope")], "h.1")  # arrived by the sync: in scope
    return c


def _count(conn: sqlite3.Connection, cid: str) -> int:
    return conn.execute(
        "SELECT (SELECT count(*) FROM customer WHERE id = ?)"
        " + (SELECT count(*) FROM interaction WHERE customer_id = ?)",
        (cid, cid),
    ).fetchone()[0]


def test_a_pinned_customer_not_opened_is_let_go_of_and_stays_out(conn: sqlite3.Connection) -> None:
    pinned_at = NOW - timedelta(days=40)
    apply_pinned(conn, "c-far", [_customer("c-far", "Far"), _call("c-far", 1)], now=pinned_at)
    apply_pinned(conn, "c-seen", [_customer("c-seen", "Seen")], now=pinned_at)
    writes = LocalWrites(conn, "u", now=lambda: NOW - timedelta(days=2))
    record_view(writes, "c-seen", "search")  # opened two days ago: kept
    assert release_stale(conn, 30, now=NOW) == ["c-far"]
    assert _count(conn, "c-far") == 0 and search_customers(conn, "far", 10, "FR") == []
    assert _count(conn, "c-seen") == 1 and _count(conn, "c-scope") == 1
    # The hub keeps sending the customer's changes (the pin is still on the hub): left out.
    apply_changes(conn, [_customer("c-far", "Far"), _call("c-far", 2)], "h.2")
    assert _count(conn, "c-far") == 0
    # Pinned again (an agent searched the hub for them): back, whole.
    apply_pinned(conn, "c-far", [_customer("c-far", "Far"), _call("c-far", 1), _call("c-far", 2)])
    assert _count(conn, "c-far") == 3
    apply_changes(conn, [_call("c-far", 3)], "h.3")
    assert _count(conn, "c-far") == 4


def test_a_customer_with_unsent_writes_is_kept(conn: sqlite3.Connection) -> None:
    apply_pinned(conn, "c-far", [_customer("c-far", "Far")], now=NOW - timedelta(days=40))
    LocalWrites(conn, "u").log_interaction("c-far", channel="phone", summary="typed offline")
    assert release_stale(conn, 30, now=NOW) == []
    assert _count(conn, "c-far") == 2


def test_no_policy_keeps_everything(conn: sqlite3.Connection) -> None:
    apply_pinned(conn, "c-far", [_customer("c-far", "Far")], now=NOW - timedelta(days=4000))
    assert release_stale(conn, 0, now=NOW) == []
    assert _count(conn, "c-far") == 1


def test_the_session_applies_the_policy_at_start(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rapport.ui.shell.session import Session

    path = tmp_path / "cache.sqlite3"
    c, _ = open_cache(path)
    apply_pinned(c, "c-far", [_customer("c-far", "Far")], now=NOW - timedelta(days=400))
    c.close()
    session = Session(path, "http://127.0.0.1:9", "token", user={"id": "u"}, retention_days=30)
    qtbot.addWidget(session.window)
    try:
        session.start(show=False)
        assert session.reader.execute("SELECT count(*) FROM customer").fetchone()[0] == 0
    finally:
        session.shutdown()
