"""Opening the hub database: SQLite (embedded, a file in the data folder) or any SQLAlchemy URL."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, insert, select

from rapport.hub.store.schema import counter, meta, metadata

CHANGE_COUNTER = "changes"


def database_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'hub.sqlite3').as_posix()}"


def open_engine(url: str, busy_timeout: float = 30.0) -> Engine:
    """Create the engine and the schema (idempotent). SQLite gets WAL and a busy timeout, because
    the long-poll readers and the writers run on different threads; a writer still waiting after
    ``busy_timeout`` seconds fails (the API answers 503, retry later)."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": busy_timeout}
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=OFF")
            cur.close()
    else:
        engine = create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    with engine.begin() as conn:
        if (
            conn.execute(select(counter.c.seq).where(counter.c.name == CHANGE_COUNTER)).first()
            is None
        ):
            conn.execute(insert(counter).values(name=CHANGE_COUNTER, seq=0))
        if conn.execute(select(meta.c.value).where(meta.c.key == "hub_id")).first() is None:
            # Part of every cursor: a client whose cursor came from another database resets.
            conn.execute(insert(meta).values(key="hub_id", value=uuid.uuid4().hex[:12]))
            conn.execute(insert(meta).values(key="horizon_seq", value="0"))
    return engine


def get_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        row = conn.execute(select(meta.c.value).where(meta.c.key == key)).first()
    return row[0] if row else None


def set_meta(engine: Engine, key: str, value: str) -> None:
    with engine.begin() as conn:
        if conn.execute(select(meta.c.key).where(meta.c.key == key)).first() is None:
            conn.execute(insert(meta).values(key=key, value=value))
        else:
            conn.execute(meta.update().where(meta.c.key == key).values(value=value))
