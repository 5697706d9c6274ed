"""Track, page and screen messages as web events, and Order Completed / Order Refunded as orders
(Segment's e-commerce v2 spec)."""

from __future__ import annotations

import math
import uuid
from typing import Any

from rapport.hub.ingest.catalog import Catalog, Item
from rapport.hub.ingest.messages import MAX_AMOUNT, BadMessage, Message

DEFAULT_CURRENCY = "EUR"
# Ids made from the source and messageId (or order_id): a message replayed after its dedupe row
# expired writes the same rows again instead of new ones.
_NS = uuid.UUID("4d1b0f5e-8a0c-4c53-9a7e-6c1f3e0b9d21")

ORDER_EVENTS = ("Order Completed", "Order Refunded")
MAX_QUANTITY = 1_000_000


def row_id(source_id: str, *parts: str) -> str:
    return str(uuid.uuid5(_NS, "\x1f".join((source_id, *parts))))


def cents(value: Any, where: str = "amount") -> int | None:
    """Segment sends money as decimal units (``18.99``); the hub keeps minor units. Text that is
    not a number counts as no amount, as it always did; a number no column can hold is refused."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
        if not math.isfinite(value):
            return None
    if not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or abs(value) * 100 > MAX_AMOUNT:
        raise BadMessage(f"{where} is out of range")
    return round(value * 100)


def _in_range(amount: int, where: str) -> int:
    if abs(amount) > MAX_AMOUNT:
        raise BadMessage(f"{where} is out of range")
    return amount


def device_of(context: dict[str, Any] | None) -> str | None:
    """desktop, mobile or tablet (the kinds the timeline shows), from ``context.device`` (mobile
    SDKs) or the browser's user agent (analytics.js)."""
    if not context:
        return None
    device = context.get("device")
    if isinstance(device, dict):
        dtype = str(device.get("type") or "").lower()
        model = str(device.get("model") or "").lower()
        if "ipad" in model or dtype == "tablet":
            return "tablet"
        if dtype in ("ios", "android", "mobile", "phone"):
            return "mobile"
    ua = context.get("userAgent")
    if isinstance(ua, str) and ua:
        if "iPad" in ua or "Tablet" in ua:
            return "tablet"
        if "Mobi" in ua or "iPhone" in ua or "Android" in ua:
            return "mobile"
        return "desktop"
    return None


def _text(value: Any) -> str | None:
    return value[:200] if isinstance(value, str) and value.strip() else None


def _products(props: dict[str, Any]) -> list[dict[str, Any]]:
    raw = props.get("products")
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
        raise BadMessage("properties.products must be a list of objects")
    return raw


def _currency(props: dict[str, Any]) -> str:
    cur = props.get("currency")
    return cur.upper()[:3] if isinstance(cur, str) and cur.strip() else DEFAULT_CURRENCY


def web_event_row(
    source_id: str, msg: Message, catalog: Catalog, customer_id: str | None
) -> dict[str, Any]:
    props = msg.properties or {}
    item: Item | None = None
    products = _products(props)
    if "sku" in props or "product_id" in props:
        item = catalog.find(props)
    elif len(products) == 1:
        item = catalog.find(products[0])
    value = cents(props.get("price"), "properties.price")
    for key in ("total", "revenue", "value"):
        if value is None:
            value = cents(props.get(key), f"properties.{key}")
    query = props.get("query")
    category = props.get("category")
    context = msg.context or {}
    return {
        "id": row_id(source_id, "event", msg.message_id),
        "customer_id": customer_id,
        "anonymous_id": msg.anonymous_id,
        "event": msg.event,
        "product_id": item.product_id if item else None,
        "category": (item.category if item else None)
        or (category if isinstance(category, str) else None),
        "query": query if isinstance(query, str) else None,
        "device": device_of(context),
        "session_id": _session(context, props) or _day_session(msg),
        "value": value,
        "currency": _currency(props) if value is not None else None,
        "occurred_at": msg.timestamp,
    }


def _session(context: dict[str, Any], props: dict[str, Any]) -> str | None:
    for value in (context.get("sessionId"), props.get("session_id")):
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    return None


def _day_session(msg: Message) -> str:
    """Segment's SDKs send no session id; the timeline groups a visitor's events by session, so
    one visitor's day is taken as one session (a cheap, deterministic stand-in)."""
    visitor = msg.anonymous_id or msg.user_id or "unknown"
    return f"{visitor[:200]}/{msg.timestamp[:10]}"


def order_number(props: dict[str, Any]) -> str:
    number = props.get("order_id")
    if not isinstance(number, str | int) or isinstance(number, bool) or not str(number).strip():
        raise BadMessage("properties.order_id is required")
    return str(number).strip()


def order_row(
    source_id: str, msg: Message, catalog: Catalog, customer_id: str | None
) -> dict[str, Any]:
    """Order Completed as an order with its lines."""
    props = msg.properties or {}
    number = order_number(props)
    lines = []
    subtotal = 0
    for n, p in enumerate(_products(props), 1):
        item = catalog.find(p)
        qty = p.get("quantity", 1)
        if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= MAX_QUANTITY:
            raise BadMessage(
                f"each product's quantity must be a whole number from 1 to {MAX_QUANTITY:,}"
            )
        price = cents(p.get("price"), f"properties.products[{n - 1}].price")
        if price is None and item is not None:
            price = item.price
        subtotal = _in_range(subtotal + (price or 0) * qty, "the order's subtotal")
        lines.append(
            {
                "line_id": n,
                "product_id": item.product_id if item else None,
                "variant_id": item.variant_id if item else None,
                "sku": (item.sku if item else None) or _text(p.get("sku")),
                "name": (item.name if item else None) or _text(p.get("name")),
                "size": item.size if item else None,
                "color": item.color if item else _text(p.get("variant")),
                "quantity": qty,
                "unit_price": price,
                "returned_quantity": 0,
                "return_reason": None,
            }
        )
    shipping = cents(props.get("shipping"), "properties.shipping") or 0
    total = cents(props.get("total"), "properties.total")
    if total is None:
        total = cents(props.get("revenue"), "properties.revenue")
    if total is None:
        total = _in_range(subtotal + shipping, "the order's total")
    return {
        "id": row_id(source_id, "order", number),
        "customer_id": customer_id,
        "number": number,
        "channel": "web",
        "store_id": None,
        "status": "processing",
        "placed_at": msg.timestamp,
        "currency": _currency(props),
        "subtotal": cents(props.get("subtotal"), "properties.subtotal") or subtotal,
        "shipping": shipping,
        "total": total,
        "lines": lines,
    }


def refund(order: dict[str, Any], msg: Message, catalog: Catalog) -> dict[str, Any]:
    """Order Refunded: the products listed (or every line) are marked returned."""
    props = msg.properties or {}
    products = _products(props)
    lines = [dict(line) for line in order.get("lines") or []]
    if not products:
        for line in lines:
            line["returned_quantity"] = line.get("quantity") or 0
    for p in products:
        item = catalog.find(p)
        for line in lines:
            same = (item and line.get("product_id") == item.product_id) or (
                p.get("sku") and line.get("sku") == p.get("sku")
            )
            if same and line.get("returned_quantity", 0) < line.get("quantity", 0):
                qty = p.get("quantity", line.get("quantity"))
                qty = qty if isinstance(qty, int) and not isinstance(qty, bool) else 1
                line["returned_quantity"] = min(
                    line.get("quantity", 0), line.get("returned_quantity", 0) + qty
                )
                break
    if lines and all(line.get("returned_quantity") == line.get("quantity") for line in lines):
        status = "returned"
    else:
        status = order.get("status")
    return {**order, "lines": lines, "status": status}
