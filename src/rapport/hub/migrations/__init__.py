"""The hub's schema migrations (Alembic). Every start upgrades the database to the newest revision.

The scripts ship inside the package (``env.py``, ``versions/``) so the frozen app finds them: the
PyInstaller spec copies them as data files, since Alembic reads them from disk.

To add a revision after changing ``rapport.hub.store.schema`` or ``rapport.hub.ingest.tables``::

    uv run python -m rapport.hub.migrations revision -m "add the thing table"

writes ``versions/NNNN_add_the_thing_table.py`` from the difference between the models and a
database migrated to the current head; read it, fix what autogenerate cannot know (renames, data),
and commit it with the model change. ``tests/hub/test_migrations.py`` fails until the revisions
produce exactly the models, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, text

HERE = Path(__file__).resolve().parent

# Any constant: hub processes starting together on one PostgreSQL database take turns to migrate.
_PG_LOCK_KEY = 0x7261_7070  # "rapp"


def target_metadata() -> list[MetaData]:
    """Every table the hub owns: the replicated schema and ingestion's bookkeeping."""
    from rapport.hub.ingest import tables as ingest_tables
    from rapport.hub.store import schema

    return [schema.metadata, ingest_tables.metadata]


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    rev = ScriptDirectory.from_config(config()).get_current_head()
    assert rev is not None
    return rev


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` in one transaction (PostgreSQL's DDL is transactional:
    a failed upgrade leaves the database as it was). A database made before the hub used Alembic
    has no ``alembic_version``: the baseline revision creates only the tables it lacks, so such a
    hub keeps its data and continues from there."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        if current(conn) == head() and revision == "head":
            return  # the common case, without loading the scripts' environment
        command.upgrade(config(conn), revision)
