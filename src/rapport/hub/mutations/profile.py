"""``customer.update``: compare-and-set per profile field, never last-writer-wins."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, Rejected, target_customer
from rapport.hub.rules import json_equal, text_equal
from rapport.hub.store.customers import get_customer, put_customer
from rapport.protocol import EDITABLE_CUSTOMER_FIELDS

_MAX_TEXT = {"given_name": 200, "family_name": 200, "notes": 10_000}


def _check_new(name: str, value: Any) -> Any:
    if name == "preferences":
        return v.json_object(value, "preferences", 16_000)
    if name == "birth_date":
        return v.birth_date(value)
    return v.text({name: value}, name, _MAX_TEXT[name])


def _same(name: str, a: Any, b: Any) -> bool:
    return json_equal(a, b) if name == "preferences" else text_equal(a, b)


def _parse_changes(args: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    changes = args.get("changes")
    if not isinstance(changes, list) or not changes:
        raise Rejected("invalid", "changes must be a non-empty list of {field, base, new}")
    out: list[tuple[str, Any, Any]] = []
    seen: set[str] = set()
    for ch in changes:
        if not isinstance(ch, dict) or "base" not in ch or "new" not in ch:
            raise Rejected("invalid", "each change needs field, base and new")
        name = ch.get("field")
        if name not in EDITABLE_CUSTOMER_FIELDS:
            raise Rejected("invalid", f"field must be one of {', '.join(EDITABLE_CUSTOMER_FIELDS)}")
        if name in seen:
            raise Rejected("invalid", f"{name} is changed twice")
        seen.add(name)
        out.append((name, ch["base"], _check_new(name, ch["new"])))
    return out


def update_customer(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    cid = target_customer(conn, args)
    changes = _parse_changes(args)
    customer = get_customer(conn, cid)
    assert customer is not None
    applied: list[str] = []
    conflicts: list[dict[str, Any]] = []
    changed = False
    for name, base, new in changes:
        current = customer.get(name)
        if _same(name, new, current):
            applied.append(name)  # already so (another device made the same edit)
        elif _same(name, base, current):
            customer[name] = new
            applied.append(name)
            changed = True
        else:
            conflicts.append({"field": name, "current": current})
    if changed:
        customer["version"] = int(customer.get("version") or 0) + 1
        customer["updated_at"] = ctx.now_text
        put_customer(conn, customer)
    return Outcome("applied", {"applied": applied, "conflicts": conflicts}, None, cid)
