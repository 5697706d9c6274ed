"""A customer created on this computer (an unknown caller, a walk-in): the profile, its email and
phone, and the consent given on the spot, in the cache and the outbox in one durable transaction.

The customer is searchable and can be opened, noted and given tasks at once; what is queued after
the creation reaches the hub behind it. A rejected creation dismissed by the user takes the local
profile with it (see :func:`rapport.cache.acks.dismiss_entry`)."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

import orjson

from rapport.cache.outbox import enqueue
from rapport.cache.outbox_file import begin_write
from rapport.cache.search_index import reindex_customers
from rapport.cache.writes import LocalWrites, WriteError, refuse_bad_text
from rapport.domain.messages import QT_TRANSLATE_NOOP
from rapport.domain.phones import normalize_phone
from rapport.protocol import CONSENT_CHANNELS

# The hub's check (rapport.hub.mutations.customer_create.EMAIL): refuse here what it would refuse.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class NewCustomer:
    given_name: str = ""
    family_name: str = ""
    email: str = ""
    phone: str = ""  # as typed; read in the agent's region
    consent: Mapping[str, bool] = field(default_factory=dict)  # channel -> agreed on the spot
    consent_source: str = "agent, on the call"


def check(new: NewCustomer, region: str) -> tuple[str | None, str | None]:
    """(email, E.164 phone) ready to store; raises :class:`WriteError` naming the field."""
    refuse_bad_text(given_name=new.given_name, family_name=new.family_name, email=new.email,
                    phone=new.phone)  # fmt: skip
    given, family = new.given_name.strip(), new.family_name.strip()
    if not given and not family:
        raise WriteError(
            "family_name", QT_TRANSLATE_NOOP("Messages", "Give at least a first or a last name.")
        )
    for name, value in (("given_name", given), ("family_name", family)):
        if len(value) > MAX_NAME:
            raise WriteError(
                name, QT_TRANSLATE_NOOP("Messages", "A name is at most {n} characters."), n=MAX_NAME
            )
    email = new.email.strip() or None
    if email is not None and (len(email) > 320 or not EMAIL.match(email)):
        raise WriteError(
            "email",
            QT_TRANSLATE_NOOP("Messages", "This is not an email address (like name@example.com)."),
        )
    phone = None
    if new.phone.strip():
        phone = normalize_phone(new.phone, region)
        if phone is None:
            raise WriteError(
                "phone",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "This is not a phone number. Type it as dialled, or with +country code.",
                ),
            )
    for channel, agreed in new.consent.items():
        if channel not in CONSENT_CHANNELS:
            raise WriteError(
                "consent",
                QT_TRANSLATE_NOOP("Messages", "Unknown consent channel {channel}."),
                channel=channel,
            )
        if agreed and channel == "email" and email is None:
            raise WriteError(
                "email", QT_TRANSLATE_NOOP("Messages", "Email consent needs an email address.")
            )
        if agreed and channel == "sms" and phone is None:
            raise WriteError(
                "phone", QT_TRANSLATE_NOOP("Messages", "SMS consent needs a phone number.")
            )
        if agreed and channel == "phone" and phone is None:
            raise WriteError(
                "phone", QT_TRANSLATE_NOOP("Messages", "Phone consent needs a phone number.")
            )
    return email, phone


@dataclass(frozen=True, slots=True)
class Holder:
    """A customer on this computer who already has a phone number or email address."""

    customer_id: str
    name: str
    kind: str  # "phone" | "email"


def existing_holders(conn: sqlite3.Connection, phone: str, email: str, region: str) -> list[Holder]:
    """Who on this computer already has this phone (read in ``region``, as the form reads it) or
    this email (any case): phone first, then email. Unfinished values match nothing."""
    wanted = []
    e164 = normalize_phone(phone, region) if phone.strip() else None
    if e164:
        wanted.append(("phone", e164))
    address = email.strip().lower()
    if address and EMAIL.match(address):
        wanted.append(("email", address))
    out = []
    for kind, value in wanted:
        for cid, given, family in conn.execute(
            "SELECT DISTINCT c.id, c.given_name, c.family_name FROM identity i"
            " JOIN customer c ON c.id = i.customer_id WHERE i.kind = ? AND i.normalized = ?"
            " ORDER BY c.family_name, c.given_name, c.id LIMIT 3",
            (kind, value),
        ):
            name = " ".join(n for n in (given, family) if n) or cid
            out.append(Holder(cid, name, kind))
    return out


def create_customer(writes: LocalWrites, new: NewCustomer, region: str = "FR") -> str:
    """Queue a new customer; returns their id (made here, so what follows can name them)."""
    email, phone = check(new, region)
    cid = str(uuid.uuid4())
    now = writes.now_text()
    consent = {
        channel: {"status": "granted", "source": new.consent_source, "effective_at": now}
        for channel, agreed in new.consent.items()
        if agreed
    }
    identities = [
        {"id": str(uuid.uuid4()), "kind": kind, "value": value, "normalized": norm}
        for kind, value, norm in (
            ("phone", phone, phone),
            ("email", email, email.lower() if email else None),
        )
        if value
    ]
    given, family = new.given_name.strip() or None, new.family_name.strip() or None
    with writes.conn:
        begin_write(writes.conn)
        writes.conn.execute(
            "INSERT INTO customer (id, given_name, family_name, tier, home_store_id,"
            " lifetime_value, currency, consent, created_at, updated_at, version)"
            " VALUES (?, ?, ?, 'bronze', ?, 0, 'EUR', ?, ?, ?, 0)",
            (
                cid,
                given,
                family,
                writes.store_id,
                orjson.dumps(consent).decode() if consent else None,
                now,
                now,
            ),
        )
        writes.conn.executemany(
            "INSERT INTO identity (id, customer_id, kind, value, normalized, is_primary, created_at)"
            " VALUES (?, ?, ?, ?, ?, 1, ?)",
            [(i["id"], cid, i["kind"], i["value"], i["normalized"], now) for i in identities],
        )
        reindex_customers(writes.conn, [cid])
        enqueue(
            writes.conn,
            "customer.create",
            {
                "id": cid,
                "given_name": given,
                "family_name": family,
                "home_store_id": writes.store_id,
                "identities": [
                    {"id": i["id"], "kind": i["kind"], "value": i["value"]} for i in identities
                ],
                "consent": consent,
            },
            customer_id=cid,
            target_id=cid,
            summary=f"New customer: {' '.join(n for n in (given, family) if n)}"[:200],
        )
    return cid
