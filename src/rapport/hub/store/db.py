"""Opening the hub database: SQLite (embedded, a file in the data folder) or PostgreSQL.

SQLite serves one hub process; several hub processes need PostgreSQL (they share live updates
through LISTEN/NOTIFY, see ``rapport.hub.pglisten``).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.engine import URL, make_url

from rapport.hub.db_secret import with_keyring_password
from rapport.hub.store.private import private_sqlite
from rapport.hub.store.schema import counter, meta

CHANGE_COUNTER = "changes"
# After a checkpoint resets the WAL, SQLite cuts the file back to this size (it keeps it at its
# largest otherwise: a bulk import's worth).
JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024


def database_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'hub.sqlite3').as_posix()}"


def normalize_url(url: str | URL) -> URL:
    """``postgresql://`` and ``postgres://`` mean psycopg 3, the driver the hub ships with
    (SQLAlchemy would otherwise pick psycopg2, which is not installed)."""
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u


def safe_url(url: str | URL) -> str:
    """The URL to show in logs and messages: the password masked."""
    return normalize_url(url).render_as_string(hide_password=True)


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def open_engine(url: str | URL, busy_timeout: float = 30.0, schema_only: bool = False) -> Engine:
    """Create the engine and bring the schema to the newest migration. SQLite gets WAL and a busy
    timeout, because the long-poll readers and the writers run on different threads; a writer
    still waiting after ``busy_timeout`` seconds fails (the API answers 503, retry later).

    ``schema_only``: migrate, but do not create this hub's identity rows (a template database
    that others are copied from must not give them all the same ``hub_id``)."""
    from rapport.hub.migrations import upgrade

    u = with_keyring_password(normalize_url(url))
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            private_sqlite(Path(u.database))
        engine = create_engine(
            u, connect_args={"check_same_thread": False, "timeout": busy_timeout}
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=OFF")
            # Erasure: deleted rows are overwritten with zeros, and the pages they free too (FAST
            # would leave those as they were), so an erased person's bytes leave the file.
            cur.execute("PRAGMA secure_delete=ON")
            cur.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT}")
            cur.close()
    else:
        # READ COMMITTED (PostgreSQL's default) is what the writers are built for: each takes the
        # change counter's row lock first (UPDATE ... RETURNING), so they run one after the other
        # and every statement after the lock sees all that committed before.
        # lock_timeout plays SQLite's busy timeout: a writer stuck behind another's lock fails.
        # Added to the URL's own ``options`` (connect_args would replace them).
        options = " ".join(
            o for o in (u.query.get("options"), f"-c lock_timeout={int(busy_timeout * 1000)}") if o
        )
        engine = create_engine(
            u,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            isolation_level="READ COMMITTED",
            connect_args={"options": options},
        )
    upgrade(engine)
    if not schema_only:
        _ensure_rows(engine)
    return engine


def truncate_wal(engine: Engine) -> bool:
    """SQLite: copy the WAL into the database and empty it, since it holds pages as they were
    before the last changes (an erasure's rows among them). Waits up to the busy timeout for
    readers of older pages to finish; False when they did not (the WAL is then emptied at the
    next of these, or removed when the hub stops). PostgreSQL: nothing to do here."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as conn:
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
    return busy == 0


def _ensure_rows(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Two hub processes opening a new database together: one creates the rows.
            conn.exec_driver_sql("LOCK TABLE hub_meta IN EXCLUSIVE MODE")
        if (
            conn.execute(select(counter.c.seq).where(counter.c.name == CHANGE_COUNTER)).first()
            is None
        ):
            conn.execute(insert(counter).values(name=CHANGE_COUNTER, seq=0))
        if conn.execute(select(meta.c.value).where(meta.c.key == "hub_id")).first() is None:
            # Part of every cursor: a client whose cursor came from another database resets.
            conn.execute(insert(meta).values(key="hub_id", value=uuid.uuid4().hex[:12]))
            conn.execute(insert(meta).values(key="horizon_seq", value="0"))


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
