"""A customer created on this computer: checked like the hub checks, findable at once, queued in
the outbox, and gone with what waited for it when the user dismisses the hub's refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rapport.cache.acks import apply_push_results, dismiss_entry
from rapport.cache.db import open_cache
from rapport.cache.new_customer import NewCustomer, create_customer
from rapport.cache.outbox import entries, pending_batch
from rapport.cache.search import search_customers
from rapport.cache.writes import LocalWrites, WriteError


@pytest.fixture
def writes(tmp_path: Path) -> LocalWrites:
    conn, _ = open_cache(tmp_path / "cache.sqlite3")
    return LocalWrites(conn, user_id="u-agent", store_id="st-1")


def test_a_new_customer_is_searchable_by_name_phone_and_email_at_once(writes: LocalWrites) -> None:
    new = NewCustomer("Yasmine", "Haddad", "Y.Haddad@Example.com", "06 11 22 33 44", {"sms": True})
    cid = create_customer(writes, new, "FR")
    conn = writes.conn
    for typed in ("yasmine had", "+33 6 11 22 33", "0611223344", "y.haddad@example.com"):
        assert [h.id for h in search_customers(conn, typed, 10, "FR")] == [cid], typed
    (entry,) = pending_batch(conn)
    assert entry.name == "customer.create" and entry.args["id"] == cid
    kinds = {i["kind"]: i["value"] for i in entry.args["identities"]}
    assert kinds == {"phone": "+33611223344", "email": "Y.Haddad@Example.com"}
    assert entry.args["consent"]["sms"]["status"] == "granted"
    assert entry.args["home_store_id"] == "st-1"


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (NewCustomer(" ", ""), "family_name"),
        (NewCustomer("Ana", email="ana@"), "email"),
        (NewCustomer("Ana", phone="06 11 22 33 44 55 66 77 88"), "phone"),
        (NewCustomer("Ana", phone="call me maybe"), "phone"),
        (NewCustomer("Ana", consent={"email": True}), "email"),
        (NewCustomer("Ana", consent={"sms": True}), "phone"),
        (NewCustomer("A" * 201), "given_name"),
    ],
)
def test_bad_details_name_the_field_and_write_nothing(
    writes: LocalWrites, new: NewCustomer, field: str
) -> None:
    with pytest.raises(WriteError) as err:
        create_customer(writes, new, "FR")
    assert err.value.field == field
    assert writes.conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 0
    assert entries(writes.conn) == []


def test_dismissing_a_refused_creation_takes_the_profile_and_its_queue(writes: LocalWrites) -> None:
    cid = create_customer(writes, NewCustomer("Ana", "Lima", phone="0611223344"), "FR")
    writes.log_interaction(cid, channel="phone", summary="first call")
    apply_push_results(
        writes.conn,
        [
            {"client_seq": 1, "status": "rejected", "error": {"code": "invalid", "message": "x"}},
            {"client_seq": 2, "status": "rejected", "error": {"code": "unknown_customer"}},
        ],
    )
    dismiss_entry(writes.conn, 1)
    conn: sqlite3.Connection = writes.conn
    assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM identity").fetchone()[0] == 0
    assert entries(conn) == []
    assert search_customers(conn, "0611223344", 10, "FR") == []
