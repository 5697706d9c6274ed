"""PostgreSQL: identity.normalized compares bytewise (COLLATE "C")

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30

Hub search looks identifiers up by prefix (``normalized LIKE '+3361%'``). Under a database's
usual collation (en_US.UTF-8, C.UTF-8) PostgreSQL cannot use the btree index for that and reads
the whole identity table on every search; under "C" it can. SQLite compares bytewise already.
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Rewrites the column's index with the new collation.
        op.execute('ALTER TABLE identity ALTER COLUMN normalized TYPE text COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE identity ALTER COLUMN normalized TYPE text COLLATE "default"')
