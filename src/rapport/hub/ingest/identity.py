"""Identity resolution for tracked messages: which customer a message is about, identify (attach
identities, create the customer, merge profiles sharing a strong identifier) and alias.

Strong identifiers (a user id, an email, a phone) name one person: two profiles holding the same one
are merged through :func:`rapport.hub.store.merge.merge_customers`, with the reason recorded. An
anonymous id is weak (a shared computer): it links a visitor to at most one customer, never merges.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from functools import partial
from typing import Any

from sqlalchemy import Connection, delete, or_, select

from rapport.hub.identity import normalize_identity
from rapport.hub.ingest import pending
from rapport.hub.ingest.messages import BadMessage, Message
from rapport.hub.ingest.tables import pending_link
from rapport.hub.store import aliases, customers
from rapport.hub.store.changes import write_rows
from rapport.hub.store.merge import merge_customers
from rapport.hub.store.schema import entity_tables

STRONG = ("user_id", "email", "phone")
# How many ids aliases of unknown visitors may tie together: a visitor has a few devices; a chain
# longer than this is a script, and what lies beyond it stays apart.
MAX_LINKED = 50
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_identity = entity_tables["identity"]
_customer = entity_tables["customer"]


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def owners(conn: Connection, kind: str, normalized: str) -> list[str]:
    """Live customers holding this identifier (merged-away holders resolved to their survivor)."""
    m = _mark(conn)
    # Plain SQL: this runs for nearly every tracked message, and SQLAlchemy's statement and result
    # machinery cost more than SQLite answering it.
    found = conn.exec_driver_sql(
        f"SELECT i.customer_id, c.id FROM identity i LEFT JOIN customer c ON c.id = i.customer_id"
        f" WHERE i.kind = {m} AND i.normalized = {m}",
        (kind, normalized),
    ).fetchall()
    return _resolve(conn, found)


def _resolve(conn: Connection, found: Iterable[tuple[str, str | None]]) -> list[str]:
    out: list[str] = []
    for owner, live in found:
        if live is None:  # a merged-away holder: follow it to its survivor
            live = aliases.resolve_one(conn, owner)
            if live == owner or not customers.exists(conn, live):
                continue
        if live not in out:
            out.append(live)
    return out


class Owners:
    """:func:`owners` remembered within one transaction, and filled for a whole batch in a few
    queries: a query per message was half of a batch's time on PostgreSQL (a round trip each).
    ``forget`` after anything that changes who holds what (identify, alias, merges)."""

    _CHUNK = 500

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._memo: dict[tuple[str, str], list[str]] = {}
        self._batch: list[tuple[str, str]] = []
        self._stale = False

    def prefetch(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._batch = list(dict.fromkeys(pairs))
        self._fill()

    def _fill(self) -> None:
        self._stale = False
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, normalized in self._batch:
            if (kind, normalized) not in self._memo:
                by_kind[kind].append(normalized)
        m = _mark(self._conn)
        for kind, values in by_kind.items():
            for i in range(0, len(values), self._CHUNK):
                chunk = values[i : i + self._CHUNK]
                found: dict[str, list[tuple[str, str | None]]] = {v: [] for v in chunk}
                for normalized, owner, live in self._conn.exec_driver_sql(
                    "SELECT i.normalized, i.customer_id, c.id FROM identity i"
                    " LEFT JOIN customer c ON c.id = i.customer_id"
                    f" WHERE i.kind = {m} AND i.normalized IN ({', '.join([m] * len(chunk))})",
                    (kind, *chunk),
                ):
                    found[normalized].append((owner, live))
                for normalized, held in found.items():
                    self._memo[(kind, normalized)] = _resolve(self._conn, held)

    def get(self, kind: str, normalized: str) -> list[str]:
        if self._stale:
            self._fill()  # again for the whole batch: still one query, not one per message
        key = (kind, normalized)
        if key not in self._memo:
            self._memo[key] = owners(self._conn, kind, normalized)
        return self._memo[key]

    def forget(self) -> None:
        self._memo.clear()
        self._stale = bool(self._batch)


def customer_for(conn: Connection, msg: Message, known: Owners | None = None) -> str | None:
    """The customer a track/page/screen message is about, if known yet."""
    lookup = known.get if known is not None else partial(owners, conn)
    if msg.user_id:
        found = lookup("user_id", msg.user_id)
        if found:
            return found[0]
    if msg.anonymous_id:
        found = lookup("anonymous_id", msg.anonymous_id)
        if found:
            return found[0]
    return None


def pending_key(msg: Message) -> pending.Key:
    if msg.anonymous_id:
        return ("anonymous_id", msg.anonymous_id)
    assert msg.user_id is not None  # parse_message requires one of them
    return ("user_id", msg.user_id)


def _traits(msg: Message) -> dict[str, Any]:
    if msg.traits is not None:
        return msg.traits
    ctx = (msg.context or {}).get("traits")
    return ctx if isinstance(ctx, dict) else {}


def strong_identifiers(msg: Message, region: str) -> list[tuple[str, str, str]]:
    """``(kind, value, normalized)`` of the message's user id and its traits' email and phone."""
    traits = _traits(msg)
    out: list[tuple[str, str, str]] = []
    if msg.user_id:
        out.append(("user_id", msg.user_id, msg.user_id))
    email = traits.get("email")
    if email not in (None, ""):
        if not isinstance(email, str) or not EMAIL.match(email.strip()):
            raise BadMessage("traits.email is not an email address")
        out.append(("email", email.strip(), email.strip().lower()))
    phone = traits.get("phone")
    if phone not in (None, ""):
        normalized = normalize_identity("phone", phone, region) if isinstance(phone, str) else None
        if normalized is None:
            raise BadMessage("traits.phone is not a phone number")
        out.append(("phone", phone.strip(), normalized))
    return out


def _names(traits: dict[str, Any]) -> tuple[str | None, str | None]:
    def text(*keys: str) -> str | None:
        for k in keys:
            v = traits.get(k)
            if isinstance(v, str) and v.strip():
                return v.strip()[:200]
        return None

    given, family = text("firstName", "first_name"), text("lastName", "last_name")
    if not given and not family:
        full = text("name")
        if full:
            given, _, rest = full.partition(" ")
            family = rest or None
    return given, family


def _new_customer(conn: Connection, traits: dict[str, Any], now: str) -> str:
    given, family = _names(traits)
    cid = str(uuid.uuid4())
    customers.put_customer(
        conn,
        {
            "id": cid,
            "given_name": given,
            "family_name": family,
            "tier": "bronze",
            "home_store_id": None,
            "lifetime_value": 0,
            "currency": "EUR",
            "created_at": now,
            "updated_at": now,
            "version": 1,
        },
    )
    return cid


def _fill_names(conn: Connection, cid: str, traits: dict[str, Any], now: str) -> None:
    """Names the profile lacks (a visitor first known by an email) come from traits; names it has
    are the agents' to change, never overwritten by a website form."""
    given, family = _names(traits)
    row = customers.get_customer(conn, cid)
    if row is None or (row["given_name"] or row["family_name"]) or not (given or family):
        return
    row.update(
        given_name=given,
        family_name=family,
        updated_at=now,
        version=int(row["version"] or 0) + 1,
    )
    customers.put_customer(conn, row)


def _created_at(conn: Connection, cid: str) -> str:
    return conn.execute(select(_customer.c.created_at).where(_customer.c.id == cid)).scalar() or ""


def _add_identities(
    conn: Connection, cid: str, idents: list[tuple[str, str, str]], now: str
) -> None:
    have = {
        (k, n)
        for k, n in conn.execute(
            select(_identity.c.kind, _identity.c.normalized).where(_identity.c.customer_id == cid)
        )
    }
    rows = [
        {
            "id": str(uuid.uuid4()),
            "customer_id": cid,
            "kind": kind,
            "value": value,
            "normalized": normalized,
            "label": "web" if kind in ("user_id", "anonymous_id") else None,
            "is_primary": 0,
            "created_at": now,
        }
        for kind, value, normalized in idents
        if (kind, normalized) not in have
    ]
    write_rows(conn, "identity", rows)


def attach_pending(conn: Connection, cid: str, keys: list[pending.Key]) -> int:
    """Write the events held under ``keys`` as rows of customer ``cid``."""
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity, row in pending.take(conn, keys):
        by_entity[entity].append({**row, "customer_id": cid})
    for entity, rows in by_entity.items():
        write_rows(conn, entity, rows)
    return sum(len(r) for r in by_entity.values())


def identify(conn: Connection, msg: Message, region: str, now: str) -> str:
    """Link the message's identifiers to one customer (created when none is known); returns it.
    The caller holds the change feed's lock."""
    strong = strong_identifiers(msg, region)
    matched: dict[str, str] = {}  # customer -> first kind it matched by
    for kind, _value, normalized in strong:
        for cid in owners(conn, kind, normalized):
            matched.setdefault(cid, kind)
    anon_owner = None
    created = False
    if msg.anonymous_id:
        found = owners(conn, "anonymous_id", msg.anonymous_id)
        anon_owner = found[0] if found else None
    if matched:
        # The account (user id) survives; otherwise the oldest profile, which agents know best.
        ranked = sorted(matched, key=lambda c: (matched[c] != "user_id", _created_at(conn, c), c))
        survivor = ranked[0]
        for other in ranked[1:]:
            merge_customers(
                conn,
                other,
                survivor,
                f"identity resolution: shared {matched[other]} (tracking identify)",
                None,
                now,
            )
    elif anon_owner is not None:
        survivor = anon_owner
    else:
        survivor = _new_customer(conn, _traits(msg), now)
        created = True
    if not created:
        _fill_names(conn, survivor, _traits(msg), now)
    idents = list(strong)
    if msg.anonymous_id and anon_owner in (None, survivor):
        idents.append(("anonymous_id", msg.anonymous_id, msg.anonymous_id))
    _add_identities(conn, survivor, idents, now)
    keys: list[pending.Key] = []
    if msg.anonymous_id and anon_owner in (None, survivor):
        keys.append(("anonymous_id", msg.anonymous_id))
    if msg.user_id:
        keys.append(("user_id", msg.user_id))
    attach_pending(conn, survivor, keys)
    adopt_links(conn, survivor, [k[1] for k in keys], now)
    return survivor


def link(conn: Connection, previous_id: str, user_id: str, now: str) -> None:
    """An alias of two ids nobody is known by yet: remembered (and what each holds stays under
    its own key) until either is identified, see :func:`adopt_links`."""
    if previous_id == user_id:
        return
    have = conn.execute(
        select(pending_link.c.previous_id).where(
            pending_link.c.previous_id == previous_id, pending_link.c.user_id == user_id
        )
    ).first()
    if have is None:
        conn.execute(
            pending_link.insert().values(previous_id=previous_id, user_id=user_id, created_at=now)
        )


def _linked(conn: Connection, start: Iterable[str]) -> tuple[set[str], set[str]]:
    """Every id tied to ``start`` by aliases of unknown ids, transitively (``start`` included),
    and those of them that were an alias's ``userId``."""
    seen = set(start)
    as_user: set[str] = set()
    frontier = list(seen)
    while frontier and len(seen) < MAX_LINKED:
        found = conn.execute(
            select(pending_link.c.previous_id, pending_link.c.user_id).where(
                or_(pending_link.c.previous_id.in_(frontier), pending_link.c.user_id.in_(frontier))
            )
        ).all()
        frontier = []
        for prev, new in found:
            as_user.add(new)
            for x in (prev, new):
                if x not in seen and len(seen) < MAX_LINKED:
                    seen.add(x)
                    frontier.append(x)
    return seen, as_user & seen


def adopt_links(conn: Connection, cid: str, ids: Iterable[str], now: str) -> None:
    """``ids`` now name customer ``cid``: the ids an earlier alias tied to them become ``cid``'s
    too (as anonymous ids, and as user ids where they were an alias's ``userId``), with the
    events held under them. The links are spent."""
    ids = list(ids)
    if not ids:
        return
    everything, as_user = _linked(conn, ids)
    if everything == set(ids) and not as_user:
        return
    others = sorted(everything - set(ids))
    _add_identities(conn, cid, [("anonymous_id", x, x) for x in others], now)
    _add_identities(conn, cid, [("user_id", x, x) for x in sorted(as_user)], now)
    attach_pending(conn, cid, [(kind, x) for x in others for kind in ("anonymous_id", "user_id")])
    conn.execute(
        delete(pending_link).where(
            or_(
                pending_link.c.previous_id.in_(list(everything)),
                pending_link.c.user_id.in_(list(everything)),
            )
        )
    )


def alias(conn: Connection, msg: Message, now: str) -> str | None:
    """``previousId`` (an anonymous id or an earlier user id) is now ``userId``."""
    prev, new = msg.previous_id, msg.user_id
    assert prev is not None and new is not None  # parse_message checks alias
    prev_owner = next(
        iter(owners(conn, "user_id", prev) or owners(conn, "anonymous_id", prev)), None
    )
    new_owner = next(iter(owners(conn, "user_id", new)), None)
    prev_keys: list[pending.Key] = [("anonymous_id", prev), ("user_id", prev)]
    if prev_owner is None and new_owner is None:
        link(conn, prev, new, now)
        return None
    if prev_owner is not None and new_owner is not None:
        if prev_owner != new_owner:
            merge_customers(
                conn, prev_owner, new_owner, "identity resolution: alias (tracking)", None, now
            )
        survivor = new_owner
    elif new_owner is not None:
        survivor = new_owner
        _add_identities(conn, survivor, [("anonymous_id", prev, prev)], now)
    else:
        assert prev_owner is not None
        survivor = prev_owner
        _add_identities(conn, survivor, [("user_id", new, new)], now)
    attach_pending(conn, survivor, [*prev_keys, ("user_id", new)])
    adopt_links(conn, survivor, [prev, new], now)
    return survivor
