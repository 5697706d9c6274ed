"""Salvaging what a damaged cache or outbox file still holds, and letting go of the copies.

A file that fails its integrity check is renamed aside (``cache.corrupt-<time>.sqlite3``) and a
fresh one takes its place; what can still be read of it is copied into the fresh files here, row
by row (a damaged page ends a scan; the rows past it are then looked up one by one).

The copies set aside hold customer data, and a damaged file cannot be edited safely, so no
erasure could reach into one: they are deleted. A copy from which everything typed was recovered
goes at once (the cache is downloaded again; its writes are in the new outbox file). A copy that
lost writes is kept :data:`SET_ASIDE_DAYS` days, for support to try a deeper recovery, then
deleted at an open; an erasure arriving meanwhile deletes it at once (:func:`forget_set_aside`).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from rapport.cache.outbox_file import COUNTER_KEYS, IDENTITY_KEYS, outbox_path
from rapport.private_files import SIDE_FILES, private_file
from rapport.protocol import MUTATIONS

log = logging.getLogger(__name__)

SET_ASIDE_DAYS = 7
_STAMP = "%Y%m%d-%H%M%S"
_OUTBOX_COLUMNS = (
    "client_seq", "mutation_id", "name", "args", "customer_id", "target_id", "state",
    "created_at", "attempts", "error_code", "last_error", "summary",
)  # fmt: skip
MAX_LOOKUPS = 100_000  # numbers tried one by one past a damaged page


@dataclass(slots=True)
class Salvage:
    """What could be read of a damaged file."""

    rows: dict[int, tuple[object, ...]] = field(default_factory=dict)  # client_seq -> row
    state: dict[str, str] = field(default_factory=dict)  # identity and counters it held
    dropped: set[int] = field(default_factory=set)  # numbers that left without a loss
    complete: bool = True  # every row was read (no damaged page met)


def set_aside(path: Path) -> Path:
    """Rename a damaged file (and its -wal/-shm) aside; returns the new name."""
    moved = path.with_name(f"{path.stem}.corrupt-{time.strftime(_STAMP)}{path.suffix}")
    path.rename(moved)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(moved.with_name(moved.name + suffix))
    private_file(moved)  # an older release's copy may be world-readable
    log.warning("%s failed its integrity check; set aside as %s", path.name, moved.name)
    return moved


def delete_copy(moved: Path) -> None:
    for p in (moved, *(moved.with_name(moved.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _copies(cache_path: Path) -> list[Path]:
    stems = (cache_path.stem, outbox_path(cache_path).stem)
    return sorted(
        p for stem in stems for p in cache_path.parent.glob(f"{stem}.corrupt-*{cache_path.suffix}")
    )


def forget_set_aside(cache_path: Path, older_than_days: float | None = None) -> int:
    """Delete the copies set aside next to ``cache_path`` (all of them, or those older than
    ``older_than_days``, by the time in their name). Returns how many went."""
    gone = 0
    cutoff = None if older_than_days is None else time.time() - older_than_days * 86400
    for p in _copies(cache_path):
        if cutoff is not None:
            stamp = p.name.rsplit(".corrupt-", 1)[1].removesuffix(cache_path.suffix)
            try:
                made = time.mktime(time.strptime(stamp, _STAMP))
            except ValueError:
                made = 0.0  # not a name this code gave: nothing says it is recent
            if made >= cutoff:
                continue
        delete_copy(p)
        gone += 1
    if gone:
        log.info("deleted %d damaged copies set aside", gone)
    return gone


def _open_damaged(path: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
        # A file cut short has fewer pages than its header says, and SQLite refuses to read any
        # page of it then; with writable_schema it takes the file's real size and reads what is
        # there (read-only: nothing is written).
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        return None


def _read_pairs(conn: sqlite3.Connection, sql: str) -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in conn.execute(sql).fetchall() if v is not None}
    except sqlite3.Error:
        return {}


def _whole(row: tuple[object, ...]) -> bool:
    """A row read from a damaged page can come back half zeros: kept only if it still reads as
    a write (a known state and mutation, arguments that parse)."""
    _seq, mutation_id, name, args, *_rest = row
    state = row[6]
    if state not in ("pending", "rejected", "notice") or name not in MUTATIONS:
        return False
    if not isinstance(mutation_id, str) or not mutation_id.strip("\x00"):
        return False
    try:
        return isinstance(args, str) and isinstance(orjson.loads(args), dict)
    except orjson.JSONDecodeError:
        return False


def _read_rows(conn: sqlite3.Connection, table: str, upto: int, out: Salvage) -> None:
    cols = ", ".join(_OUTBOX_COLUMNS)
    try:
        for row in conn.execute(f"SELECT {cols} FROM {table} ORDER BY client_seq"):
            if _whole(tuple(row)):
                out.rows[int(row[0])] = tuple(row)
    except sqlite3.Error as exc:
        out.complete = False
        log.warning("outbox salvage met a damaged page: %s", type(exc).__name__)
    if out.complete:
        return
    # Past a damaged leaf, other leaves may still be whole: look the missing numbers up.
    start = max(out.rows, default=0) + 1
    for seq in range(start, min(upto, start + MAX_LOOKUPS) + 1):
        with contextlib.suppress(sqlite3.Error):
            row = conn.execute(
                f"SELECT {cols} FROM {table} WHERE client_seq = ?", (seq,)
            ).fetchone()
            if row is not None and _whole(tuple(row)):
                out.rows[seq] = tuple(row)


def read_damaged_outbox(path: Path, mirror: Mapping[str, str]) -> Salvage:
    """What a damaged outbox file still holds. ``mirror``: the cache's copy of the counters,
    used to know how far to look when the file's own are unreadable."""
    out = Salvage(complete=False)
    conn = _open_damaged(path)
    if conn is None:
        return out
    try:
        out.complete = True
        out.state = _read_pairs(conn, "SELECT key, value FROM outbox_meta")
        upto = max(_int(out.state.get("high_water")), _int(mirror.get("high_water")))
        _read_rows(conn, "outbox", upto, out)
        try:
            out.dropped = {int(r[0]) for r in conn.execute("SELECT client_seq FROM outbox_dropped")}
        except sqlite3.Error:
            out.complete = False
    finally:
        conn.close()
    return out


def read_damaged_cache(path: Path) -> Salvage:
    """What a damaged cache still holds that is not downloaded again: its copy of the device's
    identity and counters, and (a cache from before the outbox file) its outbox."""
    out = Salvage()
    conn = _open_damaged(path)
    if conn is None:
        out.complete = False
        return out
    try:
        keys = ", ".join(f"'{k}'" for k in (*IDENTITY_KEYS, *COUNTER_KEYS))
        out.state = _read_pairs(conn, f"SELECT key, value FROM sync_state WHERE key IN ({keys})")
        try:
            legacy = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"
            ).fetchone()
        except sqlite3.Error:
            legacy, out.complete = None, False
        if legacy:
            seq = _read_pairs(
                conn, "SELECT 'high_water', seq FROM sqlite_sequence WHERE name = 'outbox'"
            )
            out.state["high_water"] = seq.get("high_water", "0")
            _read_rows(conn, "outbox", _int(out.state["high_water"]), out)
            # Applied writes with a notice are not work to redo: not carried over.
            out.rows = {s: r for s, r in out.rows.items() if r[6] != "notice"}
    finally:
        conn.close()
    return out


def _int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def copy_rows(conn: sqlite3.Connection, salvage: Salvage) -> int:
    """Put salvaged rows into the (fresh) outbox, same numbers and ids: the hub answers those it
    already has with their stored result and applies the others, each once."""
    if not salvage.rows:
        return 0
    marks = ", ".join("?" * len(_OUTBOX_COLUMNS))
    with conn:
        cur = conn.executemany(
            f"INSERT OR IGNORE INTO outbox ({', '.join(_OUTBOX_COLUMNS)}) VALUES ({marks})",
            list(salvage.rows.values()),
        )
        if salvage.dropped:
            conn.executemany(
                "INSERT OR IGNORE INTO outbox_dropped (client_seq) VALUES (?)",
                [(s,) for s in salvage.dropped],
            )
    log.warning("recovered %d pending writes from a damaged file", len(salvage.rows))
    return int(cur.rowcount if cur.rowcount >= 0 else len(salvage.rows))


def lost_writes(salvage: Salvage, high_water: int, hub_last_seq: int) -> int:
    """Numbers issued here above what the hub applied, neither recovered nor known to have left
    (erased, renumbered): writes that were typed and could not be read back."""
    return sum(
        1
        for seq in range(hub_last_seq + 1, high_water + 1)
        if seq not in salvage.rows and seq not in salvage.dropped
    )
