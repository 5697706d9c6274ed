"""Reading and writing whole customer rows (JSON columns as Python values)."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Connection, select

from rapport.hub.store.changes import write_rows
from rapport.hub.store.schema import entity_tables
from rapport.protocol import CUSTOMER

_customer = entity_tables["customer"]


class UnknownCustomer(LookupError):
    """No such customer (never existed, or erased: the hub does not say which)."""


def get_customer(conn: Connection, customer_id: str) -> dict[str, Any] | None:
    # The replicated columns only: the hub's folded copies stay out of rows it sends.
    cols = [_customer.c[n] for n in CUSTOMER.column_names]
    row = conn.execute(select(*cols).where(_customer.c.id == customer_id)).mappings().first()
    if row is None:
        return None
    out = {str(k): v for k, v in row.items()}
    for c in CUSTOMER.json_columns:
        if out[c] is not None:
            out[c] = orjson.loads(out[c])
    return out


def exists(conn: Connection, customer_id: str) -> bool:
    return (
        conn.execute(select(_customer.c.id).where(_customer.c.id == customer_id)).first()
        is not None
    )


def put_customer(conn: Connection, row: dict[str, Any]) -> int:
    """Write the whole row through the change log; returns its seq."""
    return write_rows(conn, "customer", [row])
