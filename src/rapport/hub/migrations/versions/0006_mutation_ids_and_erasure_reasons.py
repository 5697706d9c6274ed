"""mutation results by mutation id, erasure reasons as kinds

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

``ix_mutation_result_mutation`` on ``mutation_result (device_id, mutation_id)``: a pushed write is
recognized by its mutation id as well as by its number, since the client renumbers pending writes
after a gap or a repair (``rapport.hub.push``). Not unique: a write sent again under a new number
is answered, and recorded, under that number too.

``erased_subject.reason`` keeps only the kind of reason (``rapport.hub.store.subjects``): reasons
typed before, which may name the person, become ``other``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

# As rapport.hub.store.subjects.ERASURE_REASONS was when this revision was written.
_KINDS = (
    "request",
    "consent_withdrawn",
    "objection",
    "retention",
    "unlawful",
    "legal_obligation",
    "other",
)


def upgrade() -> None:
    with op.batch_alter_table("mutation_result", schema=None) as batch_op:
        batch_op.create_index(
            "ix_mutation_result_mutation", ["device_id", "mutation_id"], unique=False
        )
    erased = sa.table("erased_subject", sa.column("reason", sa.Text))
    op.get_bind().execute(
        sa.update(erased).where(erased.c.reason.not_in(_KINDS)).values(reason="other")
    )


def downgrade() -> None:
    with op.batch_alter_table("mutation_result", schema=None) as batch_op:
        batch_op.drop_index("ix_mutation_result_mutation")
