"""Systems API and ``rapport hub import`` over a real hub: orders and interactions posted by other
systems, idempotent by their own ids; a CRM export loaded with its bad rows reported by line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rapport.hub.ingest.cli import run_import
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url

from .conftest import customer_row, login, rows
from .tracking_payloads import product_row, variant_row


def _rows(hub: Hub, sql: str, *params: object) -> list[tuple]:
    return rows(hub, sql, *params)


@pytest.fixture
def known(staff: Hub) -> Hub:
    staff.write("product", [product_row(1)])
    staff.write("variant", [variant_row(1, 1, None, "black")])
    staff.write("customer", [customer_row(1)])
    staff.write("identity", [{"id": "i-1", "customer_id": "c-0001", "kind": "email",
                              "value": "ana@example.org", "created_at": "2025-01-01T00:00:00Z"}])  # fmt: skip
    return staff


ORDER = {
    "source": "pos-paris",
    "external_id": "T-812",
    "customer": {"email": "Ana@Example.org"},
    "channel": "store",
    "store_id": "st-a",
    "status": "completed",
    "placed_at": "2026-11-28T15:04:00Z",
    "currency": "EUR",
    "lines": [{"sku": "HOOP-00001-BLA", "quantity": 2, "unit_price": 45000}],
}


def test_an_order_posted_twice_is_one_order(server: HubServer, known: Hub) -> None:
    admin = login(server, "admin")
    first = admin.post("/v1/orders", json=ORDER)
    assert first.status_code == 200, first.text
    assert first.json()["created"] is True
    assert first.json()["customer_id"] == "c-0001"
    again = admin.post("/v1/orders", json={**ORDER, "status": "returned"})
    assert again.json() == {**first.json(), "created": False}
    [(oid, cust, status, total, lines)] = _rows(
        known, "SELECT id, customer_id, status, total, lines FROM orders"
    )
    assert (oid, cust, status, total) == (first.json()["id"], "c-0001", "returned", 90_000)
    [line] = json.loads(lines)
    assert (line["product_id"], line["variant_id"], line["quantity"]) == (
        "p-00001",
        "v-00001-01",
        2,
    )
    # Another system's order with the same number is another order.
    other = admin.post("/v1/orders", json={**ORDER, "source": "eshop", "channel": "web"})
    assert other.json()["created"] is True
    assert _rows(known, "SELECT count(*) FROM orders") == [(2,)]


def test_systems_api_refuses_bad_records_and_non_admins(server: HubServer, known: Hub) -> None:
    admin = login(server, "admin")
    r = admin.post("/v1/orders", json={**ORDER, "lines": []})
    assert (r.status_code, r.json()["detail"]) == (400, "lines must be a non-empty list")
    r = admin.post("/v1/orders", json={**ORDER, "customer": {"email": "nobody@example.org"}})
    assert r.json()["detail"] == "no customer has this email, phone or loyalty id"
    r = admin.post("/v1/orders", json={**ORDER, "lines": [{"sku": "NOPE", "quantity": 1}]})
    assert r.json()["detail"] == "line 1: no product with this sku or product_id"
    assert admin.post("/v1/orders", json={k: v for k, v in ORDER.items() if k != "source"}
                      ).json()["detail"] == "source is required"  # fmt: skip
    assert login(server, "agent").post("/v1/orders", json=ORDER).status_code == 403
    assert _rows(known, "SELECT count(*) FROM orders") == [(0,)]


def test_an_interaction_from_the_contact_center(server: HubServer, known: Hub) -> None:
    admin = login(server, "admin")
    body = {
        "source": "ccaas", "external_id": "call-8812", "customer_id": "c-0001",
        "channel": "phone", "direction": "inbound", "kind": "call",
        "occurred_at": "2026-11-28T09:12:00Z", "summary": "Asked about delivery",
        "disposition": "information given", "payload": {"duration_s": 184},
    }  # fmt: skip
    first = admin.post("/v1/interactions", json=body).json()
    second = admin.post("/v1/interactions", json=body).json()
    assert (first["created"], second["created"], first["id"]) == (True, False, second["id"])
    [(cust, channel, payload)] = _rows(
        known, "SELECT customer_id, channel, payload FROM interaction"
    )
    assert (cust, channel) == ("c-0001", "phone")
    assert json.loads(payload) == {"duration_s": 184, "source": "ccaas"}
    r = admin.post("/v1/interactions", json={**body, "channel": "pigeon"})
    assert r.status_code == 400
    assert r.json()["detail"].startswith("channel must be one of")


CUSTOMERS_CSV = """external_id,given_name,family_name,email,phone,loyalty,tier
CRM-1,Ana,Lopez,ana@example.org,,,gold
CRM-2,Ben,Martin,ben@example.org,06 11 22 33 44,LOY-1,silver
CRM-3,,,carl@example.org,,,bronze
CRM-4,Dee,Kay,dee@example.org,,,emperor
CRM-5,Eve,Roy,eve@example.org,not a phone,,bronze
"""

ORDERS_CSV = """external_id,customer_external_id,channel,store_id,placed_at,sku,quantity,unit_price
W-1,CRM-2,web,,2026-10-01T10:00:00Z,HOOP-00001-BLA,1,49999
W-1,CRM-2,web,,2026-10-01T10:00:00Z,p-00001,2,100
W-2,CRM-404,web,,2026-10-02T10:00:00Z,HOOP-00001-BLA,1,49999
W-3,CRM-1,store,st-a,2026-10-03T10:00:00Z,HOOP-00001-BLA,1,
"""


def test_import_a_crm_export_reports_rejected_lines(tmp_path: Path, known: Hub) -> None:
    url = known.engine.url.render_as_string(hide_password=False)
    customers = tmp_path / "crm-customers.csv"
    customers.write_text(CUSTOMERS_CSV)
    out = io.StringIO()
    assert run_import(customers, None, url, None, "crm", out=out) == 1
    text = out.getvalue()
    assert "customers: 2 of 5 records imported" in text
    assert "  line 4: given_name or family_name is required" in text
    assert "  line 5: tier must be one of bronze, silver, gold, platinum" in text
    assert "  line 6: phone is not valid" in text
    assert "[##############################] 6/6 lines" in text
    # Ana was known by her email: the CRM record lands on her, not on a new customer.
    assert _rows(known, "SELECT tier FROM customer WHERE id = 'c-0001'") == [("gold",)]
    ben = _rows(known, "SELECT customer_id FROM identity WHERE normalized = '+33611223344'")
    assert len(ben) == 1
    assert _rows(known, "SELECT count(*) FROM customer") == [(2,)]

    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS_CSV)
    out = io.StringIO()
    assert run_import(orders, None, url, None, "crm", out=out) == 1
    assert "orders: 2 of 3 records imported" in out.getvalue()
    assert "  line 4: customer_external_id names no customer imported from this source" in (
        out.getvalue()
    )
    [(cust, lines)] = _rows(known, "SELECT customer_id, lines FROM orders WHERE number = 'W-1'")
    assert cust == ben[0][0]
    assert [ln["quantity"] for ln in json.loads(lines)] == [1, 2]
    # Again: the same rows, nothing doubled.
    run_import(orders, None, url, None, "crm", out=io.StringIO())
    assert _rows(known, "SELECT count(*) FROM orders") == [(2,)]


def test_import_json_lines_interactions(tmp_path: Path, known: Hub) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps({"external_id": "e-1", "email": "ana@example.org", "channel": "email",
                    "direction": "outbound", "kind": "campaign",
                    "occurred_at": "2026-11-01T08:00:00Z", "summary": "VIP offer"}) + "\n"
        "{broken\n\n"
        + json.dumps({"external_id": "e-2", "customer_id": "c-0001", "channel": "email",
                      "kind": "survey"}) + "\n"
    )  # fmt: skip
    out = io.StringIO()
    url = known.engine.url.render_as_string(hide_password=False)
    assert run_import(path, None, url, "interactions", "esp", out=out) == 1
    assert "interactions: 1 of 3 records imported" in out.getvalue()
    assert "  line 2: not valid JSON" in out.getvalue()
    assert "  line 4: occurred_at is required" in out.getvalue()
    assert _rows(known, "SELECT summary FROM interaction") == [("VIP offer",)]


def test_rapport_hub_import_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rapport.cli import main

    path = tmp_path / "customers.jsonl"
    path.write_text(
        json.dumps({"external_id": "CRM-1", "given_name": "Ana", "email": "ana@example.org"}) + "\n"
    )
    data = tmp_path / "hub"
    assert main(["hub", "import", str(path), "--data", str(data), "--source", "crm"]) == 0
    assert "customers: 1 of 1 records imported" in capsys.readouterr().err
    hub = Hub.open(database_url(data))
    try:
        assert _rows(hub, "SELECT kind, normalized FROM identity") == [("email", "ana@example.org")]
    finally:
        hub.engine.dispose()
