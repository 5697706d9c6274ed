"""Row counts of the cache, for the self-test, `rapport sync` and support."""

from __future__ import annotations

import sqlite3

from rapport.protocol import ENTITIES


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        name: int(conn.execute(f'SELECT count(*) FROM "{spec.table}"').fetchone()[0])
        for name, spec in ENTITIES.items()
    }
