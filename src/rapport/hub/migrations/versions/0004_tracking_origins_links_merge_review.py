"""write key origins, alias links, web profiles, merge review

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

``ingest_write_key.allowed_origins``: the sites whose pages may use a key (CORS); existing keys get
none (servers only) until an admin sets them. ``ingest_pending_link``: ids an alias tied while
neither was known. ``ingest_web_profile``: customers a website's identify created.
``merge_review``: merges identity resolution proposes instead of doing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_pending_link",
        sa.Column("previous_id", sa.String(length=256), nullable=False),
        sa.Column("user_id", sa.String(length=256), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("previous_id", "user_id"),
    )
    with op.batch_alter_table("ingest_pending_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ingest_pending_link_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index("ix_ingest_pending_link_user", ["user_id"], unique=False)

    op.create_table(
        "ingest_web_profile",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    op.create_table(
        "merge_review",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("into_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("merge_review", schema=None) as batch_op:
        batch_op.create_index("ix_merge_review_pair", ["customer_id", "into_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_merge_review_status"), ["status"], unique=False)

    with op.batch_alter_table("ingest_write_key", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("allowed_origins", sa.Text(), server_default="[]", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("ingest_write_key", schema=None) as batch_op:
        batch_op.drop_column("allowed_origins")

    with op.batch_alter_table("merge_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merge_review_status"))
        batch_op.drop_index("ix_merge_review_pair")

    op.drop_table("merge_review")
    op.drop_table("ingest_web_profile")
    with op.batch_alter_table("ingest_pending_link", schema=None) as batch_op:
        batch_op.drop_index("ix_ingest_pending_link_user")
        batch_op.drop_index(batch_op.f("ix_ingest_pending_link_created_at"))

    op.drop_table("ingest_pending_link")
