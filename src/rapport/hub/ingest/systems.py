"""Records from other systems (POS and e-commerce orders, contact-center interactions, CRM
customers), idempotent by the source system's own id: the same ``(source, external_id)`` always
lands on the same row, so a re-post updates instead of duplicating."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, and_, select

from rapport.domain.timestamps import utc_now_text
from rapport.hub.identity import normalize_identity
from rapport.hub.ingest import records
from rapport.hub.ingest.catalog import Catalog
from rapport.hub.ingest.identity import owners
from rapport.hub.ingest.records import BadRecord
from rapport.hub.ingest.tables import source_record
from rapport.hub.store import aliases, customers
from rapport.hub.store.aliases import MergedCustomerError
from rapport.hub.store.changes import lock_feed, write_rows
from rapport.hub.store.merge import MergeError, merge_customers
from rapport.hub.store.schema import entity_tables
from rapport.hub.store.subjects import ErasedIdentifiers, ErasedSubjectError
from rapport.hub.textcheck import refusal

KINDS = ("customers", "orders", "interactions")
RecordFailure = (BadRecord, ErasedSubjectError, MergedCustomerError, MergeError)
_NS = uuid.UUID("0b8f5a52-6f7e-4d8e-9d53-3f5a0c7e2b11")
_identity = entity_tables["identity"]


@dataclass(slots=True)
class BatchResult:
    results: dict[int, dict[str, Any]] = field(default_factory=dict)  # index -> result
    rejected: dict[int, str] = field(default_factory=dict)  # index -> reason


def _id(source: str, entity: str, external_id: str) -> str:
    return str(uuid.uuid5(_NS, "\x1f".join((source, entity, external_id))))


def _mapped(conn: Connection, source: str, entity: str, external_id: str) -> str | None:
    return conn.execute(
        select(source_record.c.entity_id).where(
            and_(
                source_record.c.source == source,
                source_record.c.entity == entity,
                source_record.c.external_id == external_id,
            )
        )
    ).scalar()


def _remember(
    conn: Connection, source: str, entity: str, external_id: str, eid: str, now: str
) -> None:
    conn.execute(
        source_record.insert().values(
            source=source, entity=entity, external_id=external_id, entity_id=eid, created_at=now
        )
    )


def _check(kind: str, rec: Any, now: str) -> dict[str, Any]:
    if not isinstance(rec, dict):
        raise BadRecord("a record must be an object")
    if (why := refusal(rec)) is not None:
        raise BadRecord(why)
    if kind == "orders":
        return records.order(rec, now)
    if kind == "interactions":
        return records.interaction(rec, now)
    return records.customer(rec, now)


class Systems:
    def __init__(self, engine: Engine, notify: Callable[[], None], default_region: str) -> None:
        self.engine = engine
        self.notify = notify
        self.region = default_region

    def apply(self, kind: str, source: str, recs: Sequence[Any]) -> BatchResult:
        """Apply records of one kind in one transaction; a record that fails is left out and the
        others applied (checks first, without the database; a failure found while applying
        replays the transaction without that record)."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        now = utc_now_text()
        out = BatchResult()
        remaining: list[tuple[int, dict[str, Any]]] = []
        for i, rec in enumerate(recs):
            try:
                remaining.append((i, _check(kind, rec, now)))
            except BadRecord as exc:
                out.rejected[i] = str(exc)
        while remaining:
            current = -1
            results: dict[int, dict[str, Any]] = {}
            try:
                with self.engine.begin() as conn:
                    lock_feed(conn)
                    catalog = Catalog(conn)
                    for i, rec in remaining:
                        current = i
                        results[i] = self._one(conn, kind, source, rec, catalog, now)
            except RecordFailure as exc:
                out.rejected[current] = str(exc)
                remaining = [(i, r) for i, r in remaining if i != current]
                continue
            out.results = results
            break
        if out.results:
            self.notify()
        return out

    def _one(
        self,
        conn: Connection,
        kind: str,
        source: str,
        rec: dict[str, Any],
        catalog: Catalog,
        now: str,
    ) -> dict[str, Any]:
        if kind == "orders":
            return self._order(conn, source, rec, catalog)
        if kind == "interactions":
            return self._interaction(conn, source, rec)
        return self._customer(conn, source, rec, now)

    # -- who a record is about -------------------------------------------------------------------
    def _normalized(self, kind: str, value: str) -> str:
        normalized = normalize_identity(kind, value, self.region)
        if not normalized:
            raise BadRecord(f"{kind} is not valid")
        return normalized

    def _resolve(self, conn: Connection, source: str, ref: dict[str, str]) -> str:
        if "customer_id" in ref:
            cid = aliases.resolve_one(conn, ref["customer_id"])
            if customers.exists(conn, cid):
                return cid
            raise BadRecord("customer_id names no customer")
        if "customer_external_id" in ref:
            mapped = _mapped(conn, source, "customer", ref["customer_external_id"])
            if mapped and customers.exists(conn, aliases.resolve_one(conn, mapped)):
                return aliases.resolve_one(conn, mapped)
            raise BadRecord("customer_external_id names no customer imported from this source")
        for kind in records.REF_KINDS:
            if kind in ref:
                found = owners(conn, kind, self._normalized(kind, ref[kind]))
                if found:
                    return found[0]
        raise BadRecord("no customer has this email, phone or loyalty id")

    # -- the three kinds -------------------------------------------------------------------------
    def _order(
        self, conn: Connection, source: str, rec: dict[str, Any], catalog: Catalog
    ) -> dict[str, Any]:
        cid = self._resolve(conn, source, rec["ref"])
        ext = rec["external_id"]
        existing = _mapped(conn, source, "order", ext)
        oid = existing or _id(source, "order", ext)
        lines, subtotal = [], 0
        for n, line in enumerate(rec["lines"], 1):
            item = catalog.find({"sku": line["sku"], "product_id": line["product_id"]})
            if item is None:
                raise BadRecord(f"line {n}: no product with this sku or product_id")
            price = line["unit_price"] if line["unit_price"] is not None else item.price or 0
            subtotal = records.amount(subtotal + price * line["quantity"], "the order's subtotal")
            lines.append(
                {
                    "line_id": n,
                    "product_id": item.product_id,
                    "variant_id": item.variant_id,
                    "sku": item.sku or line["sku"],
                    "name": line["name"] or item.name,
                    "size": item.size,
                    "color": item.color,
                    "quantity": line["quantity"],
                    "unit_price": price,
                    "returned_quantity": line["returned_quantity"],
                    "return_reason": line["return_reason"],
                }
            )
        total = rec["total"]
        if total is None:
            total = records.amount(subtotal + rec["shipping"], "the order's total")
        write_rows(
            conn,
            "order",
            [
                {
                    "id": oid,
                    "customer_id": cid,
                    "number": rec["number"] or ext,
                    "channel": rec["channel"],
                    "store_id": rec["store_id"],
                    "status": rec["status"],
                    "placed_at": rec["placed_at"],
                    "currency": rec["currency"],
                    "subtotal": subtotal,
                    "shipping": rec["shipping"],
                    "total": total,
                    "lines": lines,
                }
            ],
        )
        if existing is None:
            _remember(conn, source, "order", ext, oid, rec["placed_at"])
        return {"id": oid, "customer_id": cid, "created": existing is None}

    def _interaction(self, conn: Connection, source: str, rec: dict[str, Any]) -> dict[str, Any]:
        cid = self._resolve(conn, source, rec["ref"])
        ext = rec["external_id"]
        existing = _mapped(conn, source, "interaction", ext)
        iid = existing or _id(source, "interaction", ext)
        row = {k: v for k, v in rec.items() if k not in ("external_id", "ref")}
        payload = {**(row.pop("payload") or {}), "source": source}
        write_rows(
            conn,
            "interaction",
            [{**row, "id": iid, "customer_id": cid, "user_id": None, "payload": payload}],
        )
        if existing is None:
            _remember(conn, source, "interaction", ext, iid, rec["occurred_at"])
        return {"id": iid, "customer_id": cid, "created": existing is None}

    def _customer(
        self, conn: Connection, source: str, rec: dict[str, Any], now: str
    ) -> dict[str, Any]:
        ext = rec["external_id"]
        idents = [(k, v, self._normalized(k, v)) for k, v in rec["identities"].items()]
        ErasedIdentifiers(conn).check((k, n) for k, _v, n in idents)
        mapped = _mapped(conn, source, "customer", ext)
        cid = aliases.resolve_one(conn, mapped) if mapped else None
        if cid is None or not customers.exists(conn, cid):
            matches: list[tuple[str, str]] = []
            for kind, _v, normalized in idents:
                matches += [(c, kind) for c in owners(conn, kind, normalized)]
            cid = matches[0][0] if matches else _id(source, "customer", ext)
            # Another profile with one of these strong identifiers is the same person.
            for other, kind in matches[1:]:
                if other != cid and customers.exists(conn, other):
                    merge_customers(
                        conn, other, cid, f"identity resolution: shared {kind} (import)", None, now
                    )
        current = customers.get_customer(conn, cid)
        created = current is None
        row = {
            **(current or {"lifetime_value": 0, "version": 0, "created_at": rec["created_at"]}),
            "id": cid,
            "tier": rec["tier"],
            "currency": rec["currency"],
            "updated_at": now,
        }
        for key in ("given_name", "family_name", "home_store_id", "birth_date"):
            if rec[key] is not None:
                row[key] = rec[key]
        row["version"] = int(row.get("version") or 0) + 1
        customers.put_customer(conn, row)
        have = {
            (k, n)
            for k, n in conn.execute(
                select(_identity.c.kind, _identity.c.normalized).where(
                    _identity.c.customer_id == cid
                )
            )
        }
        write_rows(
            conn,
            "identity",
            [
                {
                    "id": _id(source, f"identity:{kind}", normalized),
                    "customer_id": cid,
                    "kind": kind,
                    "value": value,
                    "normalized": normalized,
                    "label": source,
                    "is_primary": 1,
                    "created_at": now,
                }
                for kind, value, normalized in idents
                if (kind, normalized) not in have
            ],
        )
        if mapped is None:
            _remember(conn, source, "customer", ext, cid, now)
        return {"id": cid, "created": created}
