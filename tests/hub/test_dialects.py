"""Where SQLite and PostgreSQL differ by default, the hub answers the same on both."""

from __future__ import annotations

import orjson

from rapport.hub.service import Hub
from rapport.hub.store.changes import Scope
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
