"""Alembic's environment: run on the connection the hub passes in (see ``upgrade``), or, for
``python -m rapport.hub.migrations revision``, on the URL in the config."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from rapport.hub.migrations import target_metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata(),
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


conn = context.config.attributes.get("connection")
if conn is not None:
    _run(conn)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as c:
        _run(c)
    engine.dispose()
