"""baseline: the hub schema as it was before Alembic

Revision ID: 0001
Revises:
Create Date: 2026-11-30

Every table the hub had when it started using Alembic. Frozen: later model changes go in new
revisions, never here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # A hub made before Alembic already has some or all of these tables (ingestion's were created
    # on first use): create only the missing ones, so such a hub keeps its data.
    have = set(sa.inspect(op.get_bind()).get_table_names())
    for name, create in _TABLES.items():
        if name not in have:
            create()


def _audit_event() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_audit_event_at"), "audit_event", ["at"], unique=False)
    op.create_index(
        op.f("ix_audit_event_customer_id"), "audit_event", ["customer_id"], unique=False
    )
    op.create_index(op.f("ix_audit_event_user_id"), "audit_event", ["user_id"], unique=False)


def _basket() -> None:
    op.create_table(
        "basket",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("owner_id", sa.Text(), nullable=True),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("fulfillment", sa.Text(), nullable=True),
        sa.Column("pickup_store_id", sa.Text(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("subtotal", sa.BigInteger(), nullable=True),
        sa.Column("shipping", sa.BigInteger(), nullable=True),
        sa.Column("total", sa.BigInteger(), nullable=True),
        sa.Column("lines", sa.Text(), nullable=True),
        sa.Column("sent_channel", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.Text(), nullable=True),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_basket_customer_id"), "basket", ["customer_id"], unique=False)


def _change_log() -> None:
    op.create_table(
        "change_log",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_change_log_entity_row", "change_log", ["entity_id", "entity"], unique=True)


def _counter() -> None:
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def _customer() -> None:
    op.create_table(
        "customer",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("given_name", sa.Text(), nullable=True),
        sa.Column("family_name", sa.Text(), nullable=True),
        sa.Column("tier", sa.Text(), nullable=True),
        sa.Column("home_store_id", sa.Text(), nullable=True),
        sa.Column("lifetime_value", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("birth_date", sa.Text(), nullable=True),
        sa.Column("preferences", sa.Text(), nullable=True),
        sa.Column("consent", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("last_contact_at", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.Text(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_customer_home_store_id"), "customer", ["home_store_id"], unique=False)


def _customer_alias() -> None:
    op.create_table(
        "customer_alias",
        sa.Column("alias_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("merged_by", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("alias_id"),
    )
    op.create_index(
        op.f("ix_customer_alias_customer_id"), "customer_alias", ["customer_id"], unique=False
    )


def _device() -> None:
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("last_seen_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_device_user_id"), "device", ["user_id"], unique=False)


def _erased_subject() -> None:
    op.create_table(
        "erased_subject",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("erased_by", sa.String(length=64), nullable=True),
        sa.Column("erased_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
    )


def _hub_meta() -> None:
    op.create_table(
        "hub_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def _hub_setting() -> None:
    op.create_table(
        "hub_setting",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def _identity() -> None:
    op.create_table(
        "identity",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("normalized", sa.Text(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("is_primary", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_identity_customer_id"), "identity", ["customer_id"], unique=False)
    op.create_index(op.f("ix_identity_normalized"), "identity", ["normalized"], unique=False)


def _interaction() -> None:
    op.create_table(
        "interaction",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("direction", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Text(), nullable=True),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("disposition", sa.Text(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_interaction_customer_id"), "interaction", ["customer_id"], unique=False
    )


def _inventory() -> None:
    op.create_table(
        "inventory",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("variant_id", sa.Text(), nullable=True),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("quantity", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_inventory_store_id"), "inventory", ["store_id"], unique=False)
    op.create_index(op.f("ix_inventory_variant_id"), "inventory", ["variant_id"], unique=False)


def _mutation_result() -> None:
    op.create_table(
        "mutation_result",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("client_seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("mutation_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "client_seq"),
    )
    op.create_index(
        op.f("ix_mutation_result_customer_id"), "mutation_result", ["customer_id"], unique=False
    )


def _offer() -> None:
    op.create_table(
        "offer",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("campaign", sa.Text(), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.Text(), nullable=True),
        sa.Column("expires_at", sa.Text(), nullable=True),
        sa.Column("redeemed_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_offer_customer_id"), "offer", ["customer_id"], unique=False)


def _orders() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("placed_at", sa.Text(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("subtotal", sa.BigInteger(), nullable=True),
        sa.Column("shipping", sa.BigInteger(), nullable=True),
        sa.Column("total", sa.BigInteger(), nullable=True),
        sa.Column("lines", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_orders_customer_id"), "orders", ["customer_id"], unique=False)


def _product() -> None:
    op.create_table(
        "product",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("department", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("brand", sa.Text(), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("attributes", sa.Text(), nullable=True),
        sa.Column("related", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_product_category"), "product", ["category"], unique=False)
    op.create_index(op.f("ix_product_sku"), "product", ["sku"], unique=False)


def _staff() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("active", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_staff_store_id"), "staff", ["store_id"], unique=False)


def _store() -> None:
    op.create_table(
        "store",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def _subscription() -> None:
    op.create_table(
        "subscription",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "customer_id"),
    )
    op.create_index(
        op.f("ix_subscription_customer_id"), "subscription", ["customer_id"], unique=False
    )


def _task() -> None:
    op.create_table(
        "task",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("assignee_id", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("due_at", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("appointment_type", sa.Text(), nullable=True),
        sa.Column("duration_min", sa.BigInteger(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_task_assignee_id"), "task", ["assignee_id"], unique=False)
    op.create_index(op.f("ix_task_customer_id"), "task", ["customer_id"], unique=False)


def _token() -> None:
    op.create_table(
        "token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.Text(), nullable=False),
        sa.Column("revoked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index(op.f("ix_token_user_id"), "token", ["user_id"], unique=False)


def _user() -> None:
    op.create_table(
        "user",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=128), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("store_id", sa.String(length=64), nullable=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("disabled", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )


def _variant() -> None:
    op.create_table(
        "variant",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("product_id", sa.Text(), nullable=True),
        sa.Column("sku", sa.Text(), nullable=True),
        sa.Column("size", sa.Text(), nullable=True),
        sa.Column("color", sa.Text(), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_variant_product_id"), "variant", ["product_id"], unique=False)
    op.create_index(op.f("ix_variant_sku"), "variant", ["sku"], unique=False)


def _web_event() -> None:
    op.create_table(
        "web_event",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("anonymous_id", sa.Text(), nullable=True),
        sa.Column("event", sa.Text(), nullable=True),
        sa.Column("product_id", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("device", sa.Text(), nullable=True),
        sa.Column("session_id", sa.Text(), nullable=True),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_web_event_customer_id"), "web_event", ["customer_id"], unique=False)


def _ingest_pending_event() -> None:
    op.create_table(
        "ingest_pending_event",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("key_kind", sa.String(length=16), nullable=False),
        sa.Column("key_value", sa.String(length=256), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("received_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_ingest_pending_key", "ingest_pending_event", ["key_kind", "key_value"], unique=False
    )


def _ingest_seen_message() -> None:
    op.create_table(
        "ingest_seen_message",
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=128), nullable=False),
        sa.Column("received_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source_id", "message_id"),
    )
    op.create_index(
        op.f("ix_ingest_seen_message_received_at"),
        "ingest_seen_message",
        ["received_at"],
        unique=False,
    )


def _ingest_source_record() -> None:
    op.create_table(
        "ingest_source_record",
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=128), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source", "entity", "external_id"),
    )


def _ingest_write_key() -> None:
    op.create_table(
        "ingest_write_key",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("disabled", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_hash"),
    )


_TABLES = {
    "audit_event": _audit_event,
    "basket": _basket,
    "change_log": _change_log,
    "counter": _counter,
    "customer": _customer,
    "customer_alias": _customer_alias,
    "device": _device,
    "erased_subject": _erased_subject,
    "hub_meta": _hub_meta,
    "hub_setting": _hub_setting,
    "identity": _identity,
    "interaction": _interaction,
    "inventory": _inventory,
    "mutation_result": _mutation_result,
    "offer": _offer,
    "orders": _orders,
    "product": _product,
    "staff": _staff,
    "store": _store,
    "subscription": _subscription,
    "task": _task,
    "token": _token,
    "user": _user,
    "variant": _variant,
    "web_event": _web_event,
    "ingest_pending_event": _ingest_pending_event,
    "ingest_seen_message": _ingest_seen_message,
    "ingest_source_record": _ingest_source_record,
    "ingest_write_key": _ingest_write_key,
}


def downgrade() -> None:
    for name in reversed(_TABLES):
        op.drop_table(name)
