"""Identity resolution for tracked messages: which customer a message is about, identify (attach
identities, create the customer, merge profiles sharing a strong identifier) and alias.

Strong identifiers (a user id, an email, a phone) name one person: two profiles holding the same one
are merged through :func:`rapport.hub.store.merge.merge_customers`, with the reason recorded. An
anonymous id is weak (a shared computer): it links a visitor to at most one customer, never merges.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterable
from functools import partial
from typing import Any

from sqlalchemy import Connection, delete, or_, select

from rapport.hub.identity import normalize_identity
from rapport.hub.ingest import pending, review
from rapport.hub.ingest.messages import BadMessage, Message
from rapport.hub.ingest.tables import pending_link, web_profile
from rapport.hub.store import aliases, customers
from rapport.hub.store.changes import write_rows
from rapport.hub.store.merge import merge_customers
from rapport.hub.store.schema import customer_alias, entity_tables

STRONG = ("user_id", "email", "phone")
# How many ids aliases of unknown visitors may tie together: a visitor has a few devices; a chain
# longer than this is a script, and what lies beyond it stays apart.
MAX_LINKED = 50
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# No address is longer (RFC 5321); a longer one would not fit PostgreSQL's index on identities.
MAX_EMAIL = 254
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
        if len(email.strip()) > MAX_EMAIL:
            raise BadMessage(f"traits.email is longer than {MAX_EMAIL} characters")
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
    conn.execute(web_profile.insert().values(customer_id=cid, created_at=now))
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
    """Link the message's identifiers to one customer (created when none is known); returns the
    customer the visitor now is. The caller holds the change feed's lock.

    A write key is public (it sits in every page of the site), so an identify is a claim, not a
    proof. It may never take over a profile with history:

    - Among the profiles its user id, email or phone name, the one with history survives (then
      the oldest): its names stay; an identify only fills names a profile lacks.
    - Another of them is merged in automatically only when the merge is certain enough: it has
      no history of its own (a profile a website made, no orders, interactions, offers, baskets
      or tasks), its names agree with the survivor's, and the identify's name agrees with the
      survivor's. Otherwise the merge is proposed for review (``merge_review``) and the
      identifiers stay where they are.
    - The visitor (anonymous id, events held) joins the survivor, unless the survivor has history
      and the identify names the person differently: then the visitor keeps a web profile of its
      own, proposed for review. A browser that is already another customer's is never moved (an
      anonymous id is weak: a shared computer): that pair is proposed too.
    """
    strong = strong_identifiers(msg, region)
    traits = _traits(msg)
    named = _names(traits)
    matched: dict[str, str] = {}  # customer -> first kind it matched by
    for kind, _value, normalized in strong:
        for cid in owners(conn, kind, normalized):
            matched.setdefault(cid, kind)
    anon_owner = None
    if msg.anonymous_id:
        found = owners(conn, "anonymous_id", msg.anonymous_id)
        anon_owner = found[0] if found else None
    if not matched:
        survivor = anon_owner or _new_customer(conn, traits, now)
        return _attach_visitor(conn, msg, survivor, strong, anon_owner, traits, now)
    ranked = sorted(matched, key=lambda c: (not has_history(conn, c), _created_at(conn, c), c))
    survivor, apart = ranked[0], set[str]()
    for other in ranked[1:]:
        # What tied them: one identifier both hold, or one identify giving one's and the other's.
        shared = "shared " + " and ".join(sorted({matched[other], matched[survivor]}))
        why = _doubt(conn, survivor, other, named)
        if why is None:
            merge_customers(
                conn, other, survivor, f"identity resolution: {shared} (tracking identify)", None,
                now,
            )  # fmt: skip
        else:
            apart.add(other)
            review.propose(conn, other, survivor, f"{shared}; {why}", now)
    # Identifiers another profile still holds stay with it until a reviewer decides.
    held = {(k, n) for c in apart for k, n in _identities_of(conn, c)}
    strong = [s for s in strong if (s[0], s[2]) not in held]
    if anon_owner not in (None, survivor) and anon_owner not in apart:
        review.propose(conn, anon_owner, survivor, "this browser is already another customer's",
                       now)  # fmt: skip
    if has_history(conn, survivor) and _disagree(named, _names_of(conn, survivor)):
        # The visitor stays apart: its own web profile (the browser's, or a new one) keeps its
        # events and the identifiers nobody holds, and is proposed for review.
        mine = {(k, n) for k, n in _identities_of(conn, survivor)}
        free = [s for s in strong if (s[0], s[2]) not in mine]
        visitor = anon_owner if anon_owner not in (None, survivor) else None
        visitor = visitor or _new_customer(conn, traits, now)
        review.propose(
            conn,
            visitor,
            survivor,
            f"shared {matched[survivor]}; the website gave another name",
            now,
        )
        return _attach_visitor(conn, msg, visitor, free, anon_owner, traits, now)
    return _attach_visitor(conn, msg, survivor, strong, anon_owner, traits, now)


def _attach_visitor(
    conn: Connection,
    msg: Message,
    cid: str,
    idents: list[tuple[str, str, str]],
    anon_owner: str | None,
    traits: dict[str, Any],
    now: str,
) -> str:
    """Give customer ``cid`` the identifiers, the browser (when it is nobody else's) and what was
    held for them; fill the names it lacks."""
    _fill_names(conn, cid, traits, now)
    idents = list(idents)
    mine = msg.anonymous_id is not None and anon_owner in (None, cid)
    if mine:
        assert msg.anonymous_id is not None
        idents.append(("anonymous_id", msg.anonymous_id, msg.anonymous_id))
    _add_identities(conn, cid, idents, now)
    keys: list[pending.Key] = []
    if mine:
        assert msg.anonymous_id is not None
        keys.append(("anonymous_id", msg.anonymous_id))
    if msg.user_id and any(k == "user_id" for k, _v, _n in idents):
        keys.append(("user_id", msg.user_id))
    attach_pending(conn, cid, keys)
    adopt_links(conn, cid, [k[1] for k in keys], now)
    return cid


# What makes a profile more than a website's account: the desk or another system knows them.
_HISTORY = ("order", "interaction", "offer", "basket", "task")


def has_history(conn: Connection, cid: str) -> bool:
    """Whether the profile is more than what a website's identify made: made elsewhere (the desk,
    an import, another system; or by tracking before this was recorded), merged with such a
    profile, or with orders, interactions, offers, baskets or tasks of its own."""
    made_by_web = conn.execute(
        select(web_profile.c.customer_id).where(web_profile.c.customer_id == cid)
    ).first()
    if made_by_web is None:
        return True
    # A profile merged into it brings its history: one the website did not make.
    absorbed = select(customer_alias.c.alias_id).where(
        customer_alias.c.customer_id == cid,
        customer_alias.c.alias_id.not_in(select(web_profile.c.customer_id)),
    )
    if conn.execute(absorbed.limit(1)).first():
        return True
    for entity in _HISTORY:
        table = entity_tables[entity]
        if conn.execute(select(table.c.id).where(table.c.customer_id == cid).limit(1)).first():
            return True
    return False


def _doubt(
    conn: Connection, survivor: str, other: str, named: tuple[str | None, str | None]
) -> str | None:
    """Why merging ``other`` into ``survivor`` on a website's word needs a person, or None."""
    if has_history(conn, other):
        return "both profiles have history"
    if _disagree(_names_of(conn, other), _names_of(conn, survivor)):
        return "the two profiles' names differ"
    if _disagree(named, _names_of(conn, survivor)):
        return "the website gave another name"
    return None


def _names_of(conn: Connection, cid: str) -> tuple[str | None, str | None]:
    row = conn.execute(
        select(_customer.c.given_name, _customer.c.family_name).where(_customer.c.id == cid)
    ).first()
    return (row[0], row[1]) if row else (None, None)


def _fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _disagree(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Two names of one person disagree when a part both give differs (case and accents aside);
    a missing part agrees with anything."""
    return any(_fold(x) and _fold(y) and _fold(x) != _fold(y) for x, y in zip(a, b, strict=True))


def _identities_of(conn: Connection, cid: str) -> list[tuple[str, str]]:
    return [
        (k, n)
        for k, n in conn.execute(
            select(_identity.c.kind, _identity.c.normalized).where(_identity.c.customer_id == cid)
        )
    ]


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


def forget_links(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Erasure: the aliases that tied ``ids`` to ids nobody knew go, and so, transitively, do
    those tying the ids they reached (an alias says both ids are one visitor). Returns every id
    reached, ``ids`` included, so their held events can go too. No :data:`MAX_LINKED` bound
    here: whatever an alias tied to the person is theirs."""
    seen = {x for x in ids if x}
    frontier = list(seen)
    while frontier:
        found: list[tuple[str, str]] = []
        for start in range(0, len(frontier), 500):
            chunk = frontier[start : start + 500]
            found += [
                (str(p), str(u))
                for p, u in conn.execute(
                    select(pending_link.c.previous_id, pending_link.c.user_id).where(
                        or_(
                            pending_link.c.previous_id.in_(chunk), pending_link.c.user_id.in_(chunk)
                        )
                    )
                )
            ]
        frontier = [x for pair in found for x in pair if x not in seen]
        seen.update(frontier)
        for prev, new in set(found):
            conn.execute(
                delete(pending_link).where(
                    pending_link.c.previous_id == prev, pending_link.c.user_id == new
                )
            )
    return seen


def forget_web_profiles(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Erasure: the mark that a website made these profiles goes with them."""
    conn.execute(delete(web_profile).where(web_profile.c.customer_id.in_(list(customer_ids))))


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
