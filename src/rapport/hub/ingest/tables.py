"""Ingestion's own bookkeeping tables. They live in their own ``MetaData`` so the replicated schema
in ``rapport.hub.store.schema`` stays about sync; the migrations (``rapport.hub.migrations``) create
both."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

# Write keys identify a source (a website, an app); only their SHA-256 is kept, so a leaked
# database does not let anyone post events.
write_key = Table(
    "ingest_write_key",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("disabled", Integer, nullable=False, default=0),
    Column("created_at", Text, nullable=False),
    # Browser origins allowed to post with this key (CORS), as a JSON list: empty for a server
    # source, ``["*"]`` when an admin chose any site.
    Column("allowed_origins", Text, nullable=False, server_default="[]"),
)

# messageIds seen per source, kept for a retention window (SDKs retry a batch whose answer was
# lost; Segment dedupes over about a day).
seen_message = Table(
    "ingest_seen_message",
    metadata,
    Column("source_id", String(64), primary_key=True),
    Column("message_id", String(128), primary_key=True),
    Column("received_at", Text, nullable=False, index=True),
)

# Events of a visitor no customer is known for yet, keyed by the identifier that will link them
# (``anonymous_id`` or ``user_id``). Held off the change feed: a row with no customer would be in
# every device's scope (catalog-like), and most anonymous visitors never identify.
pending_event = Table(
    "ingest_pending_event",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("key_kind", String(16), nullable=False),
    Column("key_value", String(256), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("row", Text, nullable=False),
    Column("received_at", Text, nullable=False),
    Index("ix_ingest_pending_key", "key_kind", "key_value"),
)

# What a source system's own id became here: a re-posted order or interaction answers the same.
source_record = Table(
    "ingest_source_record",
    metadata,
    Column("source", String(64), primary_key=True),
    Column("entity", String(32), primary_key=True),
    Column("external_id", String(128), primary_key=True),
    Column("entity_id", String(64), nullable=False),
    Column("created_at", Text, nullable=False),
)

# Ids an alias tied together while neither was anyone's yet (two anonymous ids of one visitor):
# when either is identified, the other's events and later visits join the same customer.
pending_link = Table(
    "ingest_pending_link",
    metadata,
    Column("previous_id", String(256), primary_key=True),
    Column("user_id", String(256), primary_key=True),
    Column("created_at", Text, nullable=False, index=True),
    Index("ix_ingest_pending_link_user", "user_id"),
)

# Customers a website's identify created. Such a profile has no history of its own until it orders
# or is talked to, so tracking may fold it into another automatically (see ingest.identity).
web_profile = Table(
    "ingest_web_profile",
    metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("created_at", Text, nullable=False),
)

# Merges identity resolution found doubtful: proposed, not done, until a supervisor or an admin
# approves (the merge then runs) or rejects (the pair is not proposed again). The reason names
# what matched and what disagreed, never the values.
merge_review = Table(
    "merge_review",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("customer_id", String(64), nullable=False),  # would be merged away
    Column("into_id", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", String(16), nullable=False, index=True),  # pending approved rejected obsolete
    Column("created_at", Text, nullable=False),
    Column("decided_at", Text, nullable=True),
    Column("decided_by", String(64), nullable=True),
    Index("ix_merge_review_pair", "customer_id", "into_id"),
)
