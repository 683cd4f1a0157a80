"""An index reads the year's recurring problems in their groups' order, and each group's latest reports directly.

Usulan Musrenbang counts a year's valid reports per RT and category. SQLite read them from an area index and sorted
them all to group them (0.5 s for the 600,000 of a year at 1M reports); ranking each group's reports to list its
25 most recent cost PostgreSQL 0.8 s. With the reports indexed by RW, RT, category and date, the count walks the
index in the groups' order and each group's latest are a short walk back from its end.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_NAME = "ix_laporan_rw_rt_kategori"


def upgrade() -> None:
    op.create_index(_NAME, "laporan", ["rw_id", "rt_id", "kategori_id", "reported_at", "status", "kelurahan_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE laporan")  # SQLite chooses between the report indexes by their statistics


def downgrade() -> None:
    op.drop_index(_NAME, table_name="laporan")
