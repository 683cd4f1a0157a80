"""Each account remembers the language its user last chose in the sidebar (NULL: Bahasa Indonesia, the default).

A link's own `?lang=` still wins for the page it opens; this column only decides the language of a sign-in whose
link says nothing.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pengguna", sa.Column("bahasa", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pengguna") as batch:
        batch.drop_column("bahasa")
