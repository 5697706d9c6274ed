"""What an agent typed survives any damage to the cache file: the outbox lives in its own small
durable file, a damaged cache is rebuilt around it, a damaged outbox file is salvaged row by row
and the loss counted, and nothing is left lying around (set-aside copies, world-readable files)."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path

import orjson
import pytest

from rapport.cache import db
from rapport.cache.apply import apply_changes
from rapport.cache.db import open_cache, outbox_path
from rapport.cache.outbox import device_id, pending_batch
from rapport.cache.profile import load_profile, save_profile
from rapport.cache.schema import MIGRATIONS
from rapport.cache.writes import LocalWrites

HUB = "https://hub.example"
USER = {"id": "u-agent", "username": "agent", "store_id": "st-1"}


def _customer(i: int) -> dict:
    cid = f"c{i}"
    return {"entity": "customer", "op": "upsert", "id": cid, "version": 1,
            "data": {"id": cid, "given_name": f"Given{i}", "family_name": f"Family{i}",
                     "notes": "x" * 300}}  # fmt: skip


def _filled(path: Path, customers: int = 400) -> sqlite3.Connection:
    conn, _ = open_cache(path)
    apply_changes(conn, [_customer(i) for i in range(customers)], "h.1")
    save_profile(conn, HUB, USER)
    return conn


def _type(conn: sqlite3.Connection, n: int, note: str = "note") -> list[str]:
    w = LocalWrites(conn, "u-agent")
    return [w.log_interaction("c1", channel="phone", summary=f"{note} {i}") for i in range(n)]


def _close_checkpointed(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _pending_ids(conn: sqlite3.Connection) -> list[str]:
    return [e.args["id"] for e in pending_batch(conn, 10_000)]


@pytest.mark.parametrize("damage", ["truncate to half", "garbage over every page"])
def test_every_pending_write_survives_damage_to_the_cache_file(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = _filled(path)
    ids = _type(conn, 5)
    dev = device_id(conn)
    _close_checkpointed(conn)
    data = path.read_bytes()
    if damage == "truncate to half":
        path.write_bytes(data[: len(data) // 2])
    else:  # the header survives, nothing else
        path.write_bytes(data[:100] + b"\xde\xad\xbe\xef" * ((len(data) - 100) // 4))
    conn, report = open_cache(path)
    assert report.moved_aside is not None
    assert _pending_ids(conn) == ids
    assert (report.salvaged, report.lost) == (5, 0)
    assert device_id(conn) == dev
    assert load_profile(conn) == (HUB, USER)  # `rapport log` and `rapport sync` still know the hub
    assert [e.client_seq for e in pending_batch(conn)] == [1, 2, 3, 4, 5]
    apply_changes(conn, [_customer(1)], "h.2")  # the next sync brings the customers back
    _type(conn, 1, "after the repair")
    assert pending_batch(conn)[-1].client_seq == 6  # never a number already used


def test_a_damaged_outbox_file_keeps_what_can_be_read_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = _filled(path, customers=20)
    ids = [
        LocalWrites(conn, "u").log_interaction("c1", channel="phone", summary=f"{i} " + "y" * 3000)
        for i in range(12)
    ]
    _close_checkpointed(conn)
    obx = outbox_path(path)
    with sqlite3.connect(obx) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = obx.read_bytes()
    obx.write_bytes(data[: len(data) * 2 // 3])  # the last writes' pages are gone
    conn, report = open_cache(path)
    kept = _pending_ids(conn)
    assert report.outbox_moved_aside is not None and report.moved_aside is None
    assert 0 < len(kept) < 12 and kept == ids[: len(kept)]
    assert (report.salvaged, report.lost) == (len(kept), 12 - len(kept))
    assert load_profile(conn) == (HUB, USER)
    _type(conn, 1, "after the repair")
    assert pending_batch(conn)[-1].client_seq == 13  # above every number issued before


def test_a_cache_built_by_the_previous_schema_moves_its_outbox_out(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old = sqlite3.connect(path)
    for version, migration in enumerate(MIGRATIONS[:7]):  # the schema with the outbox inside
        with old:
            migration(old)
            old.execute(f"PRAGMA user_version = {version + 1}")
    with old:
        old.execute("INSERT INTO sync_state VALUES ('hub_url', ?), ('user', ?)",
                    (HUB, orjson.dumps(USER).decode()))  # fmt: skip
        for seq in (7, 8):
            old.execute(
                "INSERT INTO outbox (client_seq, mutation_id, name, args, customer_id, target_id,"
                " created_at, summary) VALUES (?, ?, 'interaction.log', ?, 'c1', ?, 'now', 's')",
                (seq, f"m{seq}", orjson.dumps({"id": f"i{seq}"}).decode(), f"i{seq}"),
            )
        old.execute("UPDATE sqlite_sequence SET seq = 9 WHERE name = 'outbox'")  # 9 was acked
        dev = old.execute("SELECT value FROM sync_state WHERE key = 'device_id'").fetchone()[0]
    old.close()
    conn, report = open_cache(path)
    assert report.migrated_from == 7
    assert _pending_ids(conn) == ["i7", "i8"]
    assert device_id(conn) == dev and load_profile(conn) == (HUB, USER)
    assert (
        conn.execute("SELECT count(*) FROM main.sqlite_master WHERE name = 'outbox'").fetchone()[0]
        == 0
    )
    apply_changes(conn, [_customer(1)], "h.2")
    _type(conn, 1)
    assert pending_batch(conn)[-1].client_seq == 10


def test_every_file_the_client_makes_is_private(tmp_path: Path) -> None:
    previous = os.umask(0)  # whatever the user's umask, nobody else reads the cache
    try:
        path = tmp_path / "profiles" / "abc" / "cache.sqlite3"
        conn = _filled(path, customers=5)
        _type(conn, 1)
        files = [path, outbox_path(path)]
        files += [f.with_name(f.name + s) for f in list(files) for s in ("-wal", "-shm")]
        for f in files:
            assert f.exists(), f
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        for folder in (path.parent, path.parent.parent):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        _close_checkpointed(conn)
        path.write_bytes(path.read_bytes()[:8192])
        conn, report = open_cache(path)
        assert report.moved_aside is not None
        for f in path.parent.iterdir():
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    finally:
        os.umask(previous)


def test_an_old_cache_file_left_world_readable_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    _filled(path, customers=5).close()
    path.chmod(0o644)
    open_cache(path)[0].close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_set_aside_copy_is_deleted_once_everything_was_recovered(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = _filled(path)
    _type(conn, 2)
    _close_checkpointed(conn)
    path.write_bytes(path.read_bytes()[:8192])
    conn, report = open_cache(path)
    assert report.moved_aside is not None and report.salvaged == 2 and report.lost == 0
    assert not report.moved_aside.exists()  # nothing in it that is not in the new files
    assert list(tmp_path.glob("*.corrupt-*")) == []


def test_set_aside_copies_from_before_are_not_kept_forever(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    _filled(path, customers=5).close()
    old = tmp_path / "cache.corrupt-20250101-101010.sqlite3"  # an earlier release kept these
    old.write_bytes(b"customer data nobody will ever read")
    recent = tmp_path / f"cache.outbox.corrupt-{time.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    recent.write_bytes(b"writes support may still recover")
    open_cache(path)[0].close()
    assert not old.exists()
    assert recent.exists()  # kept a few days (db.SET_ASIDE_DAYS) for a deeper recovery
    db.forget_set_aside(path)  # what an erasure does: no copy may still hold the person
    assert not recent.exists()


def test_the_log_file_is_private(tmp_path: Path) -> None:
    import logging

    from rapport.logs import setup_logging

    previous = os.umask(0)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        folder = tmp_path / "state" / "log"
        path = setup_logging(folder=folder)
        logging.getLogger("rapport.test").warning("a line")
        assert path is not None and path.exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        handler = next(h for h in root.handlers if h not in before)
        handler.doRollover()  # type: ignore[attr-defined]
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(previous)
        for h in [h for h in root.handlers if h not in before]:
            root.removeHandler(h)
            h.close()


def test_the_report_says_what_was_recovered_and_lost(tmp_path: Path) -> None:
    report = db.OpenReport(tmp_path / "c.sqlite3", True, 8, tmp_path / "x", 3, False, None, 2)
    text = report.message() or ""
    assert "rebuilt" in text and "3 change(s)" in text and "2 change(s)" in text
    assert "could not be recovered" in text
    assert db.OpenReport(tmp_path / "c.sqlite3", False, 8).message() is None


def test_a_missing_outbox_file_is_said_not_kept_silent(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = _filled(path, customers=5)
    _type(conn, 2)
    dev = device_id(conn)
    conn.close()
    for p in tmp_path.glob("cache.outbox.sqlite3*"):
        p.unlink()
    conn, report = open_cache(path)
    assert report.lost is None and "may not have been recovered" in (report.message() or "")
    assert device_id(conn) == dev and load_profile(conn) == (HUB, USER)  # from the cache's copy
    apply_changes(conn, [_customer(1)], "h.2")
    _type(conn, 1)
    assert pending_batch(conn)[-1].client_seq == 3  # the cache's copy of the counter


def test_a_reader_of_a_cache_without_its_outbox_file_sees_no_pending_writes(
    tmp_path: Path,
) -> None:
    # A cache copied or built elsewhere without its outbox file (bench/build_cache.py did so):
    # the UI's read-only connection answers its outbox queries (no writes waiting) instead of
    # "no such table: outbox".
    conn = _filled(tmp_path / "cache.sqlite3", customers=3)
    _close_checkpointed(conn)
    outbox_path(tmp_path / "cache.sqlite3").unlink()
    reader = db.connect(tmp_path / "cache.sqlite3", readonly=True)
    try:
        assert reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
        assert pending_batch(reader) == []
    finally:
        reader.close()
    assert not outbox_path(tmp_path / "cache.sqlite3").exists()  # a reader creates nothing
