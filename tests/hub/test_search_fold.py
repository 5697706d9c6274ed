"""Hub search matches names whatever their case and accents, the same on SQLite (whose lower()
folds ASCII only) and PostgreSQL (whose lower() depends on the database's locale)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from rapport.hub import migrations
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.changes import Scope
from rapport.hub.store.db import database_url

from .conftest import customer_row, login

SEARCH = "/v1/customers/search"


def _named(i: int, given: str, family: str) -> dict:
    return {**customer_row(i), "given_name": given, "family_name": family}


def test_search_finds_emilie_however_it_is_typed(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [_named(1, "Émilie", "Durand"), _named(2, "Emil", "Ørsted"),
                           _named(3, "Zoë", "Straße"), _named(4, "Ana", "Émery")])  # fmt: skip
    client = login(server)

    def found(q: str) -> list[str]:
        r = client.get(SEARCH, params={"q": q})
        assert r.status_code == 200, r.text
        return sorted(row["id"] for row in r.json()["results"])

    for q in ("Émilie", "émilie", "EMILIE", "emilie", "ÉMILIE DURAND", "E\u0301milie", "émi dur"):
        assert found(q) == ["c-0001"], q
    assert found("emi") == ["c-0001", "c-0002"]  # Émilie, Emil
    assert found("EM") == ["c-0001", "c-0002", "c-0004"]  # ... and Ana Émery
    assert found("zoe strasse") == ["c-0003"]
    assert found("ørsted") == ["c-0002"] and found("ØRSTED") == ["c-0002"]
    # A rename is found under the new name only.
    hub.write("customer", [_named(1, "Hélène", "Durand")])
    assert found("helene") == ["c-0001"] and found("émilie") == []


def test_names_written_before_the_upgrade_are_found_after_it(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    migrations.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customer (id, given_name, family_name, last_contact_at)"
            " VALUES ('c-0001', 'Émilie', 'Durand', '2026-01-01T00:00:00Z')"
        )
    engine.dispose()
    hub = Hub.open(database_url(tmp_path))
    try:
        assert [r["id"] for r in hub.search("EMILIE", 10, Scope())] == ["c-0001"]
    finally:
        hub.engine.dispose()
