"""folded customer names for search

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

``customer.given_key`` and ``family_key``: the names case-folded with their accents set aside,
written by the hub with each customer row (``rapport.hub.store.fold``) and searched instead of
``lower(name)``, which folds ASCII only on SQLite (and under PostgreSQL's "C" locale). Hub-only:
devices never receive them. Existing rows are folded here.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_BATCH = 5_000


def _fold(text: str | None) -> str | None:
    # As rapport.hub.store.fold.fold was when this revision was written.
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def upgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("given_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("family_key", sa.Text(), nullable=True))
    conn = op.get_bind()
    customer = sa.table(
        "customer",
        sa.column("id", sa.String),
        sa.column("given_name", sa.Text),
        sa.column("family_name", sa.Text),
        sa.column("given_key", sa.Text),
        sa.column("family_key", sa.Text),
    )
    update = (
        sa.update(customer)
        .where(customer.c.id == sa.bindparam("cid"))
        .values(given_key=sa.bindparam("gk"), family_key=sa.bindparam("fk"))
    )
    after = ""
    while True:
        rows = conn.execute(
            sa.select(customer.c.id, customer.c.given_name, customer.c.family_name)
            .where(customer.c.id > after)
            .order_by(customer.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        conn.execute(update, [{"cid": i, "gk": _fold(g), "fk": _fold(f)} for i, g, f in rows])
        after = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("family_key")
        batch_op.drop_column("given_key")
