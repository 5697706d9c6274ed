"""The client cache: applying pages, search over every kind of identifier, odd input,
migrations and a corrupt file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rapport.cache import db
from rapport.cache.apply import apply_changes, reset_cache
from rapport.cache.db import CacheError, get_state, open_cache
from rapport.cache.schema import SCHEMA_VERSION
from rapport.cache.search import fts_query, search_customers
from rapport.hub.identity import normalize_identity_rows


def _customer(cid: str, given: str, family: str, last: str = "2026-01-01T00:00:00Z") -> dict:
    return {
        "entity": "customer",
        "op": "upsert",
        "id": cid,
        "version": 1,
        "data": {
            "id": cid,
            "given_name": given,
            "family_name": family,
            "tier": "gold",
            "last_contact_at": last,
            "consent": {"sms": {"status": "denied"}},
        },
    }


def _identity(iid: str, cid: str, kind: str, value: str) -> dict:
    row = normalize_identity_rows(
        [{"id": iid, "customer_id": cid, "kind": kind, "value": value, "is_primary": 1}], "FR"
    )[0]
    return {"entity": "identity", "op": "upsert", "id": iid, "version": 1, "data": row}


@pytest.fixture
def cache(tmp_path: Path) -> sqlite3.Connection:
    conn, report = open_cache(tmp_path / "cache.sqlite3")
    assert report.created and report.migrated_from == 0
    apply_changes(
        conn,
        [
            _customer("c1", "José", "Smith-Ödegaard", "2026-03-01T00:00:00Z"),
            _customer("c2", "Lucas", "Martin", "2026-05-01T00:00:00Z"),
            _customer("c3", "Lucie", "Marchand", "2026-04-01T00:00:00Z"),
            _identity("i1", "c2", "phone", "06 12 34 56 78"),
            _identity("i2", "c2", "email", "Lucas.Martin@Example.com"),
            _identity("i3", "c2", "loyalty", "loy-100001"),
            _identity("i4", "c1", "phone", "+1 415 555 0134"),
            _identity("i5", "c3", "phone", "0033 7 81 23 45 67"),
        ],
        cursor="hub.8",
    )
    return conn


def ids(conn: sqlite3.Connection, text: str) -> list[str]:
    return [h.id for h in search_customers(conn, text)]


@pytest.mark.parametrize(
    "typed",
    [
        "+33612345678",
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "0612345678",
        "06.12.34.56.78",
        "06 12 3",
        "+33 6 12",
        "(0)6-12-34-56-78",
    ],
)
def test_phone_in_any_format_finds_the_customer(cache: sqlite3.Connection, typed: str) -> None:
    assert ids(cache, typed) == ["c2"]


def test_names_emails_loyalty_accents_and_prefixes(cache: sqlite3.Connection) -> None:
    assert ids(cache, "lucas") == ["c2"]
    assert ids(cache, "LUC") == ["c2", "c3"]  # newest contact first
    assert ids(cache, "martin luc") == ["c2"]
    assert ids(cache, "jose") == ["c1"]  # diacritics folded
    assert ids(cache, "JOSÉ smith") == ["c1"]
    assert ids(cache, "odegaard") == ["c1"]
    assert ids(cache, "lucas.martin@exa") == ["c2"]
    assert ids(cache, "LOY-100001") == ["c2"]
    assert ids(cache, "100001") == ["c2"]
    assert ids(cache, "+1 415 555") == ["c1"]
    assert ids(cache, "07 81 23") == ["c3"]


def test_hits_carry_primary_contacts(cache: sqlite3.Connection) -> None:
    (hit,) = search_customers(cache, "lucas")
    assert (hit.name, hit.tier, hit.email, hit.phone) == (
        "Lucas Martin",
        "gold",
        "lucas.martin@example.com",
        "+33612345678",
    )


@pytest.mark.parametrize(
    "odd",
    [
        "",
        "   ",
        '"',
        '""',
        "'",
        "*",
        "**",
        "lucas*",
        "AND",
        "OR NOT",
        "-",
        "- lucas",
        "NEAR(a b)",
        "a:b",
        "^",
        "(",
        ")",
        "{}",
        "😀",
        "📞 06 12",
        "lucas 😀",
        "\x00",
        "\\",
        "%",
        "_",
        "x" * 5000,
        "é" * 5000,
        "0" * 5000,
        "+",
        "+++",
        "@",
        "name:lucas",
        "customer_fts",
        "'; DROP TABLE customer;--",
    ],
)
def test_any_text_returns_results_or_none_never_an_error(
    cache: sqlite3.Connection, odd: str
) -> None:
    result = search_customers(cache, odd)
    assert isinstance(result, list)
    assert cache.execute("SELECT count(*) FROM customer").fetchone()[0] == 3


def test_operators_are_matched_as_text() -> None:
    assert fts_query("lucas AND martin") == '"lucas"* "and"* "martin"*'
    assert fts_query('"') is None


def test_page_apply_stores_cursor_and_reindexes_updates_and_deletes(
    cache: sqlite3.Connection,
) -> None:
    assert get_state(cache, "cursor") == "hub.8"
    apply_changes(cache, [_customer("c2", "Lucas", "Bernard")], cursor="hub.9")
    assert ids(cache, "bernard") == ["c2"]
    assert ids(cache, "lucas martin") == ["c2"]  # still found by the email address
    assert ids(cache, "06 12 34") == ["c2"]  # identities survive a profile update
    apply_changes(
        cache,
        [{"entity": "identity", "op": "delete", "id": "i1", "version": 10, "data": None}],
        cursor="hub.10",
    )
    assert ids(cache, "06 12 34") == []
    apply_changes(
        cache,
        [{"entity": "customer", "op": "delete", "id": "c1", "version": 11, "data": None}],
        cursor="hub.11",
    )
    assert ids(cache, "jose") == []
    assert get_state(cache, "cursor") == "hub.11"


def test_unknown_entities_from_a_newer_hub_are_skipped(cache: sqlite3.Connection) -> None:
    applied = apply_changes(
        cache, [{"entity": "hologram", "op": "upsert", "id": "h", "data": {}}], cursor="hub.12"
    )
    assert applied.rows == 0 and get_state(cache, "cursor") == "hub.12"


def test_reset_forgets_everything(cache: sqlite3.Connection) -> None:
    reset_cache(cache)
    assert ids(cache, "lucas") == [] and get_state(cache, "cursor") is None


def test_reopen_keeps_data_and_schema_version(tmp_path: Path, cache: sqlite3.Connection) -> None:
    cache.close()
    conn, report = open_cache(tmp_path / "cache.sqlite3")
    assert not report.created and report.migrated_from == SCHEMA_VERSION
    assert ids(conn, "lucas") == ["c2"]


def test_a_cache_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    c.close()
    with pytest.raises(CacheError, match="newer Rapport"):
        open_cache(path)


@pytest.mark.parametrize("damage", ["garbage", "truncate"])
def test_a_corrupt_cache_is_moved_aside_and_replaced(
    tmp_path: Path, cache: sqlite3.Connection, damage: str
) -> None:
    path = tmp_path / "cache.sqlite3"
    cache.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(data[:100] + b"\xde\xad\xbe\xef" * 2000 + data[8100:])
    else:
        path.write_bytes(data[: len(data) // 3])
    conn, report = open_cache(path)
    assert report.moved_aside is not None
    assert not report.moved_aside.exists()  # nothing typed in it: not kept (test_recovery.py)
    assert report.created
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert ids(conn, "lucas") == []  # empty until the next sync


def test_name_matches_rank_before_matches_elsewhere(tmp_path: Path) -> None:
    conn, _ = open_cache(tmp_path / "rank.sqlite3")
    apply_changes(
        conn,
        [
            _customer("a", "Mamadou", "Lucas", "2026-09-01T00:00:00Z"),
            _customer("b", "Lucas", "Martin", "2026-01-01T00:00:00Z"),
            _customer("c", "Anne", "Roux", "2026-10-01T00:00:00Z"),
            _identity("ci", "c", "email", "lucas.fan@example.com"),
            _customer("d", "Lucassia", "Moreau", "2026-10-02T00:00:00Z"),
        ],
        cursor=None,
    )
    assert ids(conn, "lucas") == ["b", "a", "d", "c"]
    assert ids(conn, "lucas mar") == ["b"]


def test_a_big_cache_is_checked_in_the_background_and_moved_aside_at_the_next_start(
    tmp_path: Path, cache: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cache.sqlite3"
    cache.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    monkeypatch.setattr(db, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    conn, report = open_cache(path)
    assert report.check_deferred and report.moved_aside is None
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xde\xad\xbe\xef" * 2000 + data[4096 + 8000 :])
    conn, report = open_cache(path)  # header and schema still read: opens, check deferred
    conn.close()
    assert report.check_deferred
    db.check_in_background(path).join(30)
    conn, report = open_cache(path)
    assert report.moved_aside is not None and not report.check_deferred
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn, report = open_cache(path)
    assert report.moved_aside is None  # the marker went with the damaged file


def test_an_address_typed_past_its_at_sign_is_found_by_its_start(tmp_path: Path) -> None:
    conn, _ = open_cache(tmp_path / "email.sqlite3")
    apply_changes(
        conn,
        [
            _customer("a", "Lucas", "Fan"),
            _identity("ai", "a", "email", "Lucas.Fan@Example.com"),
            _customer("b", "Lucas", "Fanning"),
            _identity("bi", "b", "email", "lucas.fanning@example.org"),
            _identity("bp", "b", "phone", "+33612345678"),
        ],
        cursor=None,
    )
    assert sorted(ids(conn, "lucas.fan")) == ["a", "b"]  # words, before the @
    assert ids(conn, "lucas.fan@") == ["a"]
    assert ids(conn, "LUCAS.FAN@EXAMPLE.C") == ["a"]
    assert ids(conn, " lucas.fanning@example.org ") == ["b"]
    assert ids(conn, "lucas.fan@example.org") == []
    assert ids(conn, "@") == []  # every address has one, but none starts with it
    hit = search_customers(conn, "lucas.fanning@")[0]
    assert hit.email == "lucas.fanning@example.org" and hit.phone == "+33612345678"


def test_rows_with_every_column_missing_ones_or_extra_keys_are_stored(
    cache: sqlite3.Connection,
) -> None:
    """A hub sends every column; an older one fewer (None then), a newer one more (ignored).
    JSON columns arrive nested and are kept as JSON text."""
    from rapport.protocol import ENTITIES

    full = {c: None for c in ENTITIES["customer"].column_names}
    full |= {"id": "c9", "given_name": "Ana", "family_name": "Lopes", "lifetime_value": 120}
    full |= {"consent": {"email": {"status": "granted"}}, "preferences": ["store"]}
    newer = dict(full, id="c10", given_name="Bea", hologram="yes")
    older = {"id": "c11", "given_name": "Cid", "consent": {"sms": {"status": "denied"}}}
    apply_changes(
        cache,
        [
            {"entity": "customer", "op": "upsert", "id": row["id"], "version": 1, "data": row}
            for row in (full, newer, older)
        ],
        cursor="hub.13",
    )
    got = {
        r["id"]: tuple(r)
        for r in cache.execute(
            "SELECT id, given_name, lifetime_value, consent, preferences, tier FROM customer"
            " WHERE id IN ('c9', 'c10', 'c11')"
        )
    }
    assert got["c9"] == ("c9", "Ana", 120, '{"email":{"status":"granted"}}', '["store"]', None)
    assert got["c10"][:2] == ("c10", "Bea") and got["c10"][3] == got["c9"][3]
    assert got["c11"] == ("c11", "Cid", None, '{"sms":{"status":"denied"}}', None, None)
    assert ids(cache, "cid") == ["c11"]
