"""erased identifiers and the message outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

``erased_identifier``: keyed hashes of an erased person's identifiers, which tracking and imports
refuse. ``message_outbox``: basket messages a push enqueued, sent by the dispatcher after commit.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "erased_identifier",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("erased_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
    )
    op.create_table(
        "message_outbox",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("basket_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("user_id", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.Text(), nullable=False),
        sa.Column("claimed_at", sa.Text(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("done_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("message_outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_message_outbox_basket_id"), ["basket_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_message_outbox_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index("ix_message_outbox_due", ["state", "next_attempt_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("message_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_message_outbox_due")
        batch_op.drop_index(batch_op.f("ix_message_outbox_customer_id"))
        batch_op.drop_index(batch_op.f("ix_message_outbox_basket_id"))

    op.drop_table("message_outbox")
    op.drop_table("erased_identifier")
