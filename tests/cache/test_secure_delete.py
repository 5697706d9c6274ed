"""A purge (erasure) applied to the cache leaves none of the person's bytes in its files: not in the
pages their rows were on, not in pages their rows freed (many interactions, a note long enough to
spill into overflow pages), not in the search index's older segments, not in the WAL."""

from __future__ import annotations

from pathlib import Path

from rapport.cache.apply import ERASURE_CLEANUP, apply_changes
from rapport.cache.db import connect, get_state

from ..helpers import seeded_cache

VICTIM = "c-erase-me"
SURNAME = "Zawadzkiewicz"
EMAIL = "maelys.zawadzkiewicz@example.org"
NOTE_WORD = "Quetzalcoatl"
NEEDLES = (SURNAME.lower(), EMAIL, "647298153", NOTE_WORD.lower())


def _change(entity: str, data: dict, op: str = "upsert") -> dict:
    return {"entity": entity, "op": op, "id": data["id"], "version": 1, "data": data}


def _customer(loyalty_tier: str) -> dict:
    return {
        "id": VICTIM, "given_name": "Maëlys", "family_name": SURNAME, "tier": loyalty_tier,
        "home_store_id": None, "lifetime_value": 0, "currency": "EUR", "birth_date": None,
        "preferences": None, "consent": None, "notes": f"{NOTE_WORD} " * 600,  # overflow pages
        "last_contact_at": None, "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:00:00Z", "version": 1,
    }  # fmt: skip


def _interaction(n: int) -> dict:
    return {
        "id": f"int-{n}", "customer_id": VICTIM, "channel": "phone", "direction": "inbound",
        "kind": "call", "occurred_at": f"2026-01-01T10:{n // 60 % 60:02d}:{n % 60:02d}Z",
        "user_id": None, "store_id": None, "summary": f"{NOTE_WORD} call {n}: {SURNAME}",
        "disposition": None, "payload": None,
    }  # fmt: skip


def _found(folder: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        data = path.read_bytes().lower()
        out += [(path.name, n) for n in NEEDLES if n.encode() in data]
    return out


def test_a_purge_leaves_no_bytes_of_the_person_in_the_cache_files(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    seeded_cache(cache, customers=200).close()
    conn = connect(cache, durable=False)
    idents = [
        {"id": "i-mail", "customer_id": VICTIM, "kind": "email", "value": EMAIL,
         "normalized": EMAIL, "label": None, "is_primary": 1, "created_at": None},
        {"id": "i-tel", "customer_id": VICTIM, "kind": "phone", "value": "06 47 29 81 53",
         "normalized": "+33647298153", "label": None, "is_primary": 1, "created_at": None},
    ]  # fmt: skip
    apply_changes(conn, [_change("customer", _customer("bronze"))]
                  + [_change("identity", i) for i in idents]
                  + [_change("interaction", _interaction(n)) for n in range(400)], "c1")  # fmt: skip
    # Profile updates rewrite the person's search-index row: older segments keep the old one.
    for n, tier in enumerate(("silver", "gold"), 2):
        apply_changes(conn, [_change("customer", _customer(tier))], f"c{n}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the data in the main file, as after a while
    assert {n for _f, n in _found(tmp_path)} == set(NEEDLES)

    applied = apply_changes(conn, [_change("customer", {"id": VICTIM}, op="purge")], "c9")

    assert applied.purged == {VICTIM}
    assert _found(tmp_path) == []
    assert get_state(conn, ERASURE_CLEANUP) is None
    # The search index still works for everyone else.
    assert conn.execute("SELECT count(*) FROM customer_fts").fetchone()[0] == 200
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_reader_in_the_way_leaves_the_wal_for_the_next_page_to_empty(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    seeded_cache(cache, customers=20).close()
    conn = connect(cache, durable=False)
    apply_changes(conn, [_change("customer", _customer("bronze"))], "c1")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    reader = connect(cache, readonly=True)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()  # reads the pages before the purge

    apply_changes(conn, [_change("customer", {"id": VICTIM}, op="purge")], "c2")

    assert get_state(conn, ERASURE_CLEANUP) == "wal"
    # The purge's own frames (FTS5 writes a delete as its terms with a tombstone) are still there.
    assert (cache.name + "-wal", SURNAME.lower()) in _found(tmp_path)
    reader.execute("COMMIT")
    apply_changes(conn, [], "c3")  # the next page, empty as a long poll's often is
    assert get_state(conn, ERASURE_CLEANUP) is None
    assert _found(tmp_path) == []
    reader.close()
    conn.close()
