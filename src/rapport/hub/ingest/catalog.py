"""Finding the catalog product (and variant) an e-commerce event names, by SKU or product id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection


@dataclass(frozen=True, slots=True)
class Item:
    product_id: str
    category: str | None
    name: str | None
    price: int | None
    variant_id: str | None = None
    sku: str | None = None
    size: str | None = None
    color: str | None = None


def _text(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


class Catalog:
    """Lookups within one transaction, remembered: a batch names the same products again and
    again."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._memo: dict[tuple[str | None, str | None], Item | None] = {}
        self._by_sku: dict[str, Item] = {}

    def prefetch(self, skus: Iterable[Any]) -> None:
        """Look up every SKU a batch names in one query (one per SKU was a round trip each on
        PostgreSQL); those not found still go through ``find``'s own lookup."""
        wanted = [s for s in dict.fromkeys(_text(x) for x in skus) if s and s not in self._by_sku]
        m = "?" if self._conn.dialect.paramstyle == "qmark" else "%s"
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            for vid, vsku, size, color, vprice, prod, category, name in self._conn.exec_driver_sql(
                "SELECT v.id, v.sku, v.size, v.color, v.price, p.id, p.category, p.name"
                " FROM variant v JOIN product p ON p.id = v.product_id"
                f" WHERE v.sku IN ({', '.join([m] * len(chunk))})",
                tuple(chunk),
            ):
                self._by_sku[vsku] = Item(prod, category, name, vprice, vid, vsku, size, color)

    def find(self, props: dict[str, Any]) -> Item | None:
        sku, pid = _text(props.get("sku")), _text(props.get("product_id") or props.get("id"))
        if sku is not None and sku in self._by_sku:
            return self._by_sku[sku]  # a variant's SKU wins over any product id, as in _lookup
        key = (sku, pid)
        if key not in self._memo:
            self._memo[key] = self._lookup(sku, pid)
        return self._memo[key]

    def _lookup(self, sku: str | None, pid: str | None) -> Item | None:
        # Plain SQL, as in ``identity.owners``: a batch looks up many products.
        m = "?" if self._conn.dialect.paramstyle == "qmark" else "%s"
        if sku:
            row = self._conn.exec_driver_sql(
                "SELECT v.id, v.sku, v.size, v.color, v.price, p.id, p.category, p.name"
                f" FROM variant v JOIN product p ON p.id = v.product_id WHERE v.sku = {m}",
                (sku,),
            ).first()
            if row:
                vid, vsku, size, color, vprice, prod, category, name = row
                return Item(prod, category, name, vprice, vid, vsku, size, color)
        for value in (pid, sku):
            if value:
                row = self._conn.exec_driver_sql(
                    f"SELECT id, category, name, price, sku FROM product WHERE id = {m}"
                    f" UNION ALL SELECT id, category, name, price, sku FROM product WHERE sku = {m}",
                    (value, value),
                ).first()
                if row:
                    return Item(row[0], row[1], row[2], row[3], sku=row[4])
        return None
