"""Where SQLite and PostgreSQL differ by default, the hub answers the same on both."""

from __future__ import annotations

import threading

import orjson

from rapport.hub.service import Hub
from rapport.hub.store.changes import Scope
from rapport.hub.store.db import open_engine
from rapport.hub.store.search import search_customers

from .conftest import customer_row, rows


def _search(hub: Hub, q: str) -> list[str]:
    with hub.engine.connect() as conn:
        return [r["id"] for r in search_customers(conn, q, 50, Scope())]


def test_search_puts_never_contacted_customers_last_and_breaks_ties_by_id(hub: Hub) -> None:
    # PostgreSQL sorts NULL first in a descending order, SQLite last.
    hub.write("customer", [
        {**customer_row(3), "family_name": "Same", "last_contact_at": None},
        {**customer_row(2), "family_name": "Same", "last_contact_at": "2026-01-05T10:00:00Z"},
        {**customer_row(1), "family_name": "Same", "last_contact_at": "2026-01-05T10:00:00Z"},
        {**customer_row(4), "family_name": "Same", "last_contact_at": "2026-03-01T10:00:00Z"},
    ])  # fmt: skip
    assert _search(hub, "same") == ["c-0004", "c-0001", "c-0002", "c-0003"]


def test_like_wildcards_typed_by_the_user_match_themselves(hub: Hub) -> None:
    hub.write("customer", [
        {**customer_row(1), "family_name": "Ab%_Real"},
        {**customer_row(2), "family_name": "AbxxReal"},
    ])  # fmt: skip
    # Words are "ab" and "_": an unescaped "_" would match any name, an escaped one none here.
    assert _search(hub, "ab%_") == []
    assert sorted(_search(hub, "ab")) == ["c-0001", "c-0002"]


def test_json_and_non_ascii_text_round_trip(hub: Hub) -> None:
    prefs = {"colors": ["noir", "écru"], "sizes": {"ring": 52}, "note": "Ça va 🙂"}
    hub.write("customer", [{**customer_row(1), "given_name": "Hélène", "preferences": prefs}])
    page = hub.changes(0, 100, Scope())
    [row] = [ch["data"] for ch in page.changes if ch["entity"] == "customer"]
    assert row["given_name"] == "Hélène"
    assert rows(hub, "SELECT lifetime_value FROM customer") == [(1000,)]
    assert orjson.loads(orjson.dumps(row))["preferences"] == prefs


def test_a_reader_following_concurrent_writers_misses_nothing(hub: Hub) -> None:
    """Seq order must be commit order on both databases (the counter row lock): a reader that
    moves its cursor past what it saw, while writers commit concurrently, still gets every row."""
    writers, per_writer = 4, 25
    done = threading.Event()
    errors: list[BaseException] = []

    def write(w: int) -> None:
        try:
            for i in range(per_writer):
                hub.write("customer", [customer_row(w * 1000 + i)])
        except BaseException as exc:  # the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    seen: set[str] = set()
    cursor = 0
    for t in threads:
        t.start()
    while not done.is_set():
        if not any(t.is_alive() for t in threads):
            done.set()  # one last read after every writer finished
        page = hub.changes(cursor, 7, Scope())
        seen |= {ch["id"] for ch in page.changes if ch["entity"] == "customer"}
        cursor = page.last_seq
        while page.more:
            page = hub.changes(cursor, 7, Scope())
            seen |= {ch["id"] for ch in page.changes if ch["entity"] == "customer"}
            cursor = page.last_seq
    assert not errors
    assert len(seen) == writers * per_writer


def test_a_batch_naming_a_row_twice_keeps_the_last(hub: Hub) -> None:
    """PostgreSQL writes a batch as one statement, which may not touch a row twice: the batch
    must end as row-by-row upserts would (last wins, one change), with NULLs and booleans."""
    first = {**customer_row(1), "notes": None, "tier": "bronze"}
    again = {**customer_row(1), "notes": "second", "tier": "gold", "version": True}
    other = {**customer_row(2), "preferences": None, "birth_date": None, "lifetime_value": None}
    last = hub.write("customer", [first, other, again])
    assert rows(
        hub, "SELECT id, tier, notes, version, lifetime_value FROM customer ORDER BY id"
    ) == [
        ("c-0001", "gold", "second", 1, 1000),
        ("c-0002", "bronze", None, 1, None),
    ]
    page = hub.changes(0, 100, Scope())
    seqs = {ch["id"]: ch["version"] for ch in page.changes if ch["entity"] == "customer"}
    assert seqs == {"c-0001": last, "c-0002": last - 1}


def test_postgresql_settings_in_the_url_are_kept(db_url: str) -> None:
    """The hub adds its lock_timeout to the URL's ``options`` rather than replacing them."""
    if not db_url.startswith("postgresql"):
        return  # SQLite URLs carry no server settings
    engine = open_engine(db_url + "&options=-c%20statement_timeout%3D12345", busy_timeout=2)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "12345ms"
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "2s"
    finally:
        engine.dispose()
