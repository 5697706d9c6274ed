"""Alembic: the revisions build exactly the models, on both databases, and a hub made before
Alembic opens, keeps its data and is stamped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from rapport.hub import migrations
from rapport.hub.service import Hub
from rapport.hub.store.changes import Scope
from rapport.hub.store.db import database_url, normalize_url, safe_url

from .conftest import customer_row, rows


def test_the_revisions_build_exactly_the_models(db_url: str) -> None:
    """Fails when a table or column is added to the models without a revision (see
    ``rapport.hub.migrations`` for how to write one)."""
    hub = Hub.open(db_url)
    try:
        with hub.engine.connect() as conn:
            assert migrations.current(conn) == migrations.head()
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}),
                migrations.target_metadata(),  # type: ignore[arg-type]
            )
        assert diff == []
    finally:
        hub.engine.dispose()


def _pre_alembic_hub(path: Path) -> None:
    """A hub file as the code before Alembic left it: the baseline's tables (as ``create_all``
    made them), rows, no ``alembic_version``, and (an older hub still) none of ingestion's
    tables. Built from the baseline revision, not from today's models, which will have moved on."""
    engine = create_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE alembic_version")
        for name in ("ingest_write_key", "ingest_seen_message", "ingest_pending_event",
                     "ingest_source_record"):  # fmt: skip
            conn.execute(f"DROP TABLE {name}")
        conn.execute("INSERT INTO counter (name, seq) VALUES ('changes', 1)")
        conn.execute("INSERT INTO hub_meta (key, value) VALUES ('hub_id', 'oldhub'), ('horizon_seq', '0')")  # fmt: skip
        conn.execute("INSERT INTO customer (id, given_name, family_name) VALUES ('c-0001', 'Ana', 'Old')")  # fmt: skip
        conn.execute("INSERT INTO change_log (seq, entity, entity_id, customer_id, op) VALUES (1, 'customer', 'c-0001', 'c-0001', 'upsert')")  # fmt: skip


def test_a_hub_made_before_alembic_opens_and_keeps_its_data(tmp_path: Path) -> None:
    _pre_alembic_hub(tmp_path / "hub.sqlite3")
    hub = Hub.open(database_url(tmp_path))
    try:
        assert hub.hub_id == "oldhub"  # cursors its clients hold stay valid
        assert rows(hub, "SELECT given_name, family_name FROM customer") == [("Ana", "Old")]
        with hub.engine.connect() as conn:
            assert migrations.current(conn) == migrations.head()
            assert "ingest_write_key" in inspect(conn).get_table_names()
        # It carries on numbering where it was.
        hub.write("customer", [customer_row(2)])
        assert hub.latest_seq() > 1
        assert pull_all_ids(hub) == ["c-0001", "c-0002"]
    finally:
        hub.engine.dispose()
    # And opening it again is a no-op.
    Hub.open(database_url(tmp_path)).engine.dispose()


def pull_all_ids(hub: Hub) -> list[str]:
    page = hub.changes(0, 100, Scope())
    return sorted(ch["id"] for ch in page.changes if ch["entity"] == "customer")


def test_urls_name_psycopg_and_hide_passwords() -> None:
    assert str(normalize_url("postgresql://u@db/rapport")).startswith("postgresql+psycopg://")
    assert str(normalize_url("postgres://u@db/rapport")).startswith("postgresql+psycopg://")
    assert str(normalize_url("sqlite:///x.sqlite3")) == "sqlite:///x.sqlite3"
    shown = safe_url("postgresql://hub:hunter2-secret@db.example:5432/rapport")
    assert "hunter2" not in shown and shown.startswith("postgresql+psycopg://hub:***@db.example")


def test_rapport_hub_migrate(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from rapport.cli import main

    assert main(["hub", "migrate", "--database", db_url]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith(f"schema at revision {migrations.head()}")


def test_prefix_searched_columns_compare_bytewise_on_postgresql(hub: Hub) -> None:
    """Whatever the database's collation, so LIKE 'prefix%' can use their index (0002)."""
    if hub.engine.dialect.name != "postgresql":
        return  # SQLite compares bytewise anyway
    found = rows(
        hub,
        "SELECT collation_name FROM information_schema.columns"
        " WHERE table_name = 'identity' AND column_name = 'normalized'",
    )
    assert found == [("C",)]


def test_erasure_reasons_typed_before_are_kept_as_their_kind_only(tmp_path: Path) -> None:
    """Revision 0006: a reason typed before (it may name the person) becomes ``other``."""
    path = tmp_path / "hub.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO erased_subject (digest, reason, erased_by, erased_at) VALUES"
            " ('d1', 'Ana Old asked by phone', 'u', 't'), ('d2', 'objection', 'u', 't')"
        )
    migrations.upgrade(engine)
    with engine.connect() as conn:
        kept = conn.exec_driver_sql("SELECT digest, reason FROM erased_subject ORDER BY digest")
        assert [tuple(r) for r in kept] == [("d1", "other"), ("d2", "objection")]
    engine.dispose()
