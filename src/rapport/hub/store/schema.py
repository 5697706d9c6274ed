"""The hub's tables, built from the entity registry in ``rapport.protocol`` plus the hub's own
bookkeeping tables (users, tokens, change log and its counter, devices and their mutation results,
customer aliases, erased subjects, subscriptions).

SQLAlchemy Core so the same code runs on SQLite (embedded, demo) and PostgreSQL (production).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from rapport.hub.store.fold import FOLDED
from rapport.protocol import ENTITIES, Entity

metadata = MetaData()

_TYPES = {"text": Text, "int": BigInteger, "json": Text}

# Columns searched by prefix (LIKE 'x%'). PostgreSQL uses a btree index for that only under the
# C collation, and databases are usually created with the system's (en_US.UTF-8, C.UTF-8): these
# compare bytewise there, as SQLite always does (migration 0002).
BYTEWISE = {("identity", "normalized")}
_BYTEWISE_TEXT = Text().with_variant(Text(collation="C"), "postgresql")


def _entity_table(entity: Entity) -> Table:
    cols = []
    # The hub's own folded copies (search), after the replicated columns.
    extra = [Column(name, Text) for name, _source in FOLDED.get(entity.name, ())]
    for col in entity.columns:
        if col.name == "id":
            cols.append(Column("id", String(64), primary_key=True))
        elif (entity.table, col.name) in BYTEWISE:
            cols.append(Column(col.name, _BYTEWISE_TEXT, index=col.indexed))
        else:
            cols.append(Column(col.name, _TYPES[col.type], index=col.indexed))
    return Table(entity.table, metadata, *cols, *extra)


entity_tables: dict[str, Table] = {name: _entity_table(e) for name, e in ENTITIES.items()}

# One row per entity row, renumbered on each write: a pull reads rows with seq > cursor, so a row
# changed ten times is sent once. Tombstones (op='delete') stay until compaction.
change_log = Table(
    "change_log",
    metadata,
    # INTEGER on SQLite makes seq the rowid: page reads are a range scan of the table itself.
    Column(
        "seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    ),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("customer_id", String(64), nullable=True),
    Column("op", String(8), nullable=False),
    # entity_id first: with entity first, SQLite prefers it over the seq range for page reads.
    Index("ix_change_log_entity_row", "entity_id", "entity", unique=True),
)

# A single row: commit order equals seq order because the UPDATE takes the row lock for the
# whole transaction (a plain PostgreSQL sequence can commit out of order).
counter = Table(
    "counter",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("seq", BigInteger, nullable=False),
)

user = Table(
    "user",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("username", String(128), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("store_id", String(64)),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Integer, nullable=False, default=0),
    Column("created_at", Text, nullable=False),
)

token = Table(
    "token",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False, index=True),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("revoked", Integer, nullable=False, default=0),
)

meta = Table(
    "hub_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# A device is one client cache pushing numbered mutations; it belongs to the user who first pushed.
device = Table(
    "device",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False, index=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("created_at", Text, nullable=False),
    Column("last_seen_at", Text, nullable=False),
)

# What each applied (or rejected) mutation answered, so a resend answers the same without applying
# again, by its number or by its mutation id (a write renumbered by the client). Kept as long as
# the device: nothing prunes it. ``customer_id`` is the customer the mutation was about (after alias
# resolution), so merges re-point it and erasure redacts it. Not unique by mutation id: a write
# sent again under a new number is answered and recorded under that number too.
mutation_result = Table(
    "mutation_result",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("client_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("mutation_id", String(64), nullable=False),
    Column("name", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("result", Text),
    Column("error", Text),
    Column("customer_id", String(64), index=True),
    Column("created_at", Text, nullable=False),
    Index("ix_mutation_result_mutation", "device_id", "mutation_id"),
)

# B was merged into A: ``alias_id`` B resolves to ``customer_id`` A (chains are collapsed on merge).
customer_alias = Table(
    "customer_alias",
    metadata,
    Column("alias_id", String(64), primary_key=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("merged_by", String(64)),
    Column("created_at", Text, nullable=False),
)

# Erased customers, by the SHA-256 of their id: enough to refuse re-creating them, without keeping
# the id itself in clear.
erased_subject = Table(
    "erased_subject",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("erased_by", String(64)),
    Column("erased_at", Text, nullable=False),
)

# The identifiers (email, phone, user id, loyalty id, anonymous id) an erased customer had, by a
# keyed hash (HMAC-SHA256 with the hub's ``identifier_key`` from hub_meta) of kind and normalized
# value: tracking and imports refuse messages carrying them instead of re-creating the person. Keyed,
# because a plain hash of an email or a phone number is reversed by hashing every candidate.
erased_identifier = Table(
    "erased_identifier",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("erased_at", Text, nullable=False),
)

# Messages to customers (a sent basket), written by the push that sends them and delivered after
# it commits by ``rapport.hub.outbox.MessageDispatcher``. ``key`` is the idempotency key (the
# ``basket.send`` mutation id). state: pending -> sending (claimed: marked before the provider is
# called) -> sent | failed; pending again after a failure worth retrying. Address and body are
# cleared once the row is done; erasure deletes the customer's rows.
message_outbox = Table(
    "message_outbox",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("basket_id", String(64), nullable=False, index=True),
    Column("customer_id", String(64), index=True),
    Column("user_id", String(64)),
    Column("channel", String(16), nullable=False),
    Column("recipient", Text),
    Column("subject", Text),
    Column("body", Text),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", Text, nullable=False),
    Column("claimed_at", Text),
    Column("last_error", Text),
    Column("created_at", Text, nullable=False),
    Column("done_at", Text),
    Index("ix_message_outbox_due", "state", "next_attempt_at"),
)

# Customers a user pinned outside their scope: their changes flow down to that user too.
subscription = Table(
    "subscription",
    metadata,
    Column("user_id", String(64), primary_key=True),
    Column("customer_id", String(64), primary_key=True, index=True),
    Column("created_at", Text, nullable=False),
)

# Who looked at or acted on which customer, and when: views (sent by devices through their outbox,
# so offline views are audited too), hub searches, exports, merges, erasures. Erasure keeps the
# rows (that someone looked, and when) but forgets whom they were about.
audit_event = Table(
    "audit_event",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False, index=True),
    Column("user_id", String(64), index=True),
    Column("action", String(32), nullable=False),
    Column("customer_id", String(64), index=True),
    Column("device_id", String(64)),
    Column("detail", Text),
)
