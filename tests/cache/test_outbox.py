"""Local writes and the outbox: one transaction each, never a reused number, the hub's answers
applied faithfully, merges and erasures reaching pending writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest

from rapport.cache.acks import apply_push_results, dismiss_entry
from rapport.cache.apply import apply_changes
from rapport.cache.db import connect, open_cache
from rapport.cache.outbox import counts, device_id, entries, pending_batch, pending_targets
from rapport.cache.queries import survivor_of
from rapport.cache.search import search_customers
from rapport.cache.writes import LocalWrites, WriteError


def _customer(cid: str, given: str, family: str) -> dict:
    return {"entity": "customer", "op": "upsert", "id": cid, "version": 1,
            "data": {"id": cid, "given_name": given, "family_name": family, "tier": "gold",
                     "consent": {"sms": {"status": "granted", "source": "web",
                                         "effective_at": "2026-01-01T00:00:00Z"}}}}  # fmt: skip


@pytest.fixture
def cache(tmp_path: Path) -> sqlite3.Connection:
    conn, _ = open_cache(tmp_path / "cache.sqlite3")
    apply_changes(conn, [_customer("c1", "Ana", "Lima"), _customer("c2", "Ben", "Okafor")], "h.1")
    return conn


@pytest.fixture
def writes(cache: sqlite3.Connection) -> LocalWrites:
    return LocalWrites(cache, user_id="u-agent", store_id="st-1")


def test_a_logged_call_is_in_the_cache_and_the_outbox_at_once(cache, writes) -> None:  # type: ignore[no-untyped-def]
    iid = writes.log_interaction("c1", channel="phone", summary="Asked about delivery",
                                 disposition="resolved")  # fmt: skip
    row = cache.execute("SELECT * FROM interaction WHERE id = ?", (iid,)).fetchone()
    assert (row["customer_id"], row["summary"], row["user_id"]) == (
        "c1",
        "Asked about delivery",
        "u-agent",
    )
    (entry,) = pending_batch(cache)
    assert entry.name == "interaction.log" and entry.args["id"] == iid
    assert entry.args["disposition"] == "resolved"
    assert pending_targets(cache, "c1") == {iid}
    assert counts(cache).pending == 1


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"channel": "pigeon", "summary": "x"}, "channel"),
    ({"channel": "phone", "summary": "   "}, "summary"),
    ({"channel": "phone", "summary": "x" * 10_001}, "summary"),
    ({"channel": "phone", "summary": "x", "direction": "sideways"}, "direction"),
])  # fmt: skip
def test_invalid_writes_say_which_field_and_write_nothing(cache, writes, kwargs, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WriteError) as exc:
        writes.log_interaction("c1", **kwargs)
    assert exc.value.field == field
    assert counts(cache).pending == 0
    assert cache.execute("SELECT count(*) FROM interaction").fetchone()[0] == 0


def test_unknown_customer_is_refused_and_rolls_back(cache, writes) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WriteError, match="not in this computer"):
        writes.log_interaction("nobody", channel="phone", summary="x")
    assert cache.execute("SELECT count(*) FROM interaction").fetchone()[0] == 0
    assert counts(cache).pending == 0


def test_client_seq_is_never_reused(cache, writes) -> None:  # type: ignore[no-untyped-def]
    writes.log_interaction("c1", channel="phone", summary="one")
    writes.log_interaction("c1", channel="phone", summary="two")
    apply_push_results(
        cache, [{"client_seq": 1, "status": "applied"}, {"client_seq": 2, "status": "applied"}]
    )
    assert counts(cache).pending == 0
    writes.log_interaction("c1", channel="phone", summary="three")
    assert [e.client_seq for e in pending_batch(cache)] == [3]


def test_device_id_is_stable_per_cache(tmp_path: Path, cache) -> None:  # type: ignore[no-untyped-def]
    dev = device_id(cache)
    assert len(dev) == 32
    assert device_id(connect(tmp_path / "cache.sqlite3")) == dev
    other, _ = open_cache(tmp_path / "other.sqlite3")
    assert device_id(other) != dev


def test_answers_applied_rejected_and_conflicts(cache, writes) -> None:  # type: ignore[no-untyped-def]
    iid = writes.log_interaction("c1", channel="phone", summary="fine")
    bad = writes.log_interaction("c2", channel="email", summary="refused")
    writes.update_customer("c1", {"given_name": "Anna", "notes": "VIP"})
    writes.set_consent("c2", "sms", "granted", "store")
    assert search_customers(cache, "anna")[0].id == "c1"
    report = apply_push_results(cache, [
        {"client_seq": 1, "status": "applied", "result": None},
        {"client_seq": 2, "status": "rejected",
         "error": {"code": "unknown_customer", "message": "No such customer on the hub"}},
        {"client_seq": 3, "status": "applied",
         "result": {"applied": ["notes"], "conflicts": [{"field": "given_name", "current": "Ana-Maria"}]}},
        {"client_seq": 4, "status": "applied",
         "result": {"superseded": True, "consent": {"status": "denied", "source": "call center",
                                                      "effective_at": "2026-11-22T10:00:00Z"}}},
    ])  # fmt: skip
    assert (report.applied, report.rejected, report.notices) == (3, 1, 2)
    left = {e.client_seq: e for e in entries(cache)}
    assert set(left) == {2, 3, 4}
    assert left[2].state == "rejected" and left[2].error_code == "unknown_customer"
    assert left[2].args["summary"] == "refused"  # the content is kept for the user to redo
    assert left[3].state == "notice" and "given_name" in (left[3].last_error or "")
    # The cache now shows the hub's values where the hub kept its own.
    c1 = cache.execute("SELECT given_name, notes FROM customer WHERE id='c1'").fetchone()
    assert tuple(c1) == ("Ana-Maria", "VIP")
    assert search_customers(cache, "ana-maria")[0].id == "c1"
    consent = orjson.loads(
        cache.execute("SELECT consent FROM customer WHERE id='c2'").fetchone()[0]
    )
    assert consent["sms"]["status"] == "denied"
    assert cache.execute("SELECT count(*) FROM interaction WHERE id=?", (iid,)).fetchone()[0] == 1
    # Dismissing the rejection removes the refused call from the timeline too.
    dismiss_entry(cache, 2)
    assert cache.execute("SELECT count(*) FROM interaction WHERE id=?", (bad,)).fetchone()[0] == 0
    assert counts(cache).rejected == 0


def test_a_repeated_answer_changes_nothing(cache, writes) -> None:  # type: ignore[no-untyped-def]
    writes.log_interaction("c1", channel="phone", summary="once")
    apply_push_results(cache, [{"client_seq": 1, "status": "applied"}])
    report = apply_push_results(cache, [{"client_seq": 1, "status": "applied"}])
    assert report.applied == 0 and counts(cache).pending == 0


def test_merge_redirect_repoints_rows_and_pending_writes(cache, writes) -> None:  # type: ignore[no-untyped-def]
    iid = writes.log_interaction("c2", channel="phone", summary="for Ben")
    applied = apply_changes(cache, [{"entity": "customer", "op": "redirect", "id": "c2",
                                     "data": {"into": "c1"}}], "h.3")  # fmt: skip
    assert applied.redirects == {"c2": "c1"}
    assert (
        cache.execute("SELECT customer_id FROM interaction WHERE id=?", (iid,)).fetchone()[0]
        == "c1"
    )
    assert cache.execute("SELECT count(*) FROM customer WHERE id='c2'").fetchone()[0] == 0
    (entry,) = pending_batch(cache)
    assert entry.customer_id == "c1" and entry.args["customer_id"] == "c1"
    assert search_customers(cache, "ben") == []


def test_the_cache_remembers_where_a_merged_customer_went(cache) -> None:  # type: ignore[no-untyped-def]
    apply_changes(cache, [_customer("c3", "Ben", "Okafor-Lima")], "h.2")
    redirect = {"entity": "customer", "op": "redirect", "id": "c2", "data": {"into": "c1"}}
    apply_changes(cache, [redirect], "h.3")
    assert survivor_of(cache, "c2") == "c1"
    assert survivor_of(cache, "c1") is None
    # c1 in turn merged into c3: c2 now leads straight to c3.
    apply_changes(cache, [{**redirect, "id": "c1", "data": {"into": "c3"}}], "h.4")
    assert (survivor_of(cache, "c2"), survivor_of(cache, "c1")) == ("c3", "c3")
    # The survivor erased: nothing leads to it any more.
    apply_changes(cache, [{"entity": "customer", "op": "purge", "id": "c3", "data": None}], "h.5")
    assert (survivor_of(cache, "c2"), survivor_of(cache, "c1")) == (None, None)


def test_purge_removes_every_row_and_pending_write(cache, writes) -> None:  # type: ignore[no-untyped-def]
    writes.log_interaction("c2", channel="phone", summary="for Ben")
    writes.log_interaction("c1", channel="phone", summary="for Ana")
    apply_changes(cache, [{"entity": "customer", "op": "purge", "id": "c2", "data": None}], "h.4")
    assert cache.execute("SELECT count(*) FROM customer WHERE id='c2'").fetchone()[0] == 0
    assert (
        cache.execute("SELECT count(*) FROM interaction WHERE customer_id='c2'").fetchone()[0] == 0
    )
    assert [e.customer_id for e in pending_batch(cache)] == ["c1"]
    assert search_customers(cache, "okafor") == []


def test_a_write_survives_kill_9_right_after_it_returns(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    conn, _ = open_cache(path)
    apply_changes(conn, [_customer("c1", "Ana", "Lima")], "h.1")
    conn.close()
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from rapport.cache.db import connect
        from rapport.cache.writes import LocalWrites
        w = LocalWrites(connect(Path({str(path)!r})), user_id="u")
        iid = w.log_interaction("c1", channel="phone", summary="typed before the crash")
        print(iid, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    iid = out.stdout.strip()
    assert out.returncode == -9 and iid
    conn, report = open_cache(path)
    assert report.moved_aside is None
    assert conn.execute("SELECT summary FROM interaction WHERE id=?", (iid,)).fetchone()[0] == (
        "typed before the crash"
    )
    assert [e.args["id"] for e in pending_batch(conn)] == [iid]


def test_a_damaged_cache_keeps_its_pending_writes(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    conn, _ = open_cache(path)
    apply_changes(conn, [_customer(f"c{i}", f"Given{i}", f"Family{i}") for i in range(400)], "h.1")
    w = LocalWrites(conn, "u")
    ids = [w.log_interaction("c1", channel="phone", summary=f"note {i}") for i in range(3)]
    dev = device_id(conn)
    pages = [
        r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'customer_fts_data'")
    ]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as f:  # wreck the search index's pages, leave the outbox readable
        for pageno in pages:
            f.seek((pageno - 1) * page_size)
            f.write(b"\xba\xad" * (page_size // 2))
    conn, report = open_cache(path)
    assert report.moved_aside is not None and report.salvaged == 3
    assert device_id(conn) == dev  # same device: the hub recognises what it already applied
    assert [e.args["id"] for e in pending_batch(conn)] == ids
    assert [e.client_seq for e in pending_batch(conn)] == [1, 2, 3]
