"""Support (dukungan): another household affected by an open report's problem is added to it, not reported twice.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kutorejo_data.core import domain

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild on SQLite would drop laporan's triggers.
    op.add_column("laporan", sa.Column("jumlah_dukungan", sa.Integer(), server_default="0", nullable=False))
    sumber = ", ".join(repr(s) for s in domain.SOURCES)
    op.create_table(
        "dukungan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("laporan_id", sa.Integer(), nullable=False),
        sa.Column("pelapor_nama", sa.String(length=100), nullable=True),
        sa.Column("pelapor_telepon", sa.String(length=30), nullable=True),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("sumber", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(f"sumber IN ({sumber})", name=op.f("ck_dukungan_sumber_valid")),
        sa.ForeignKeyConstraint(["laporan_id"], ["laporan.id"], name=op.f("fk_dukungan_laporan_id_laporan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dukungan")),
        sa.UniqueConstraint("external_id", name=op.f("uq_dukungan_external_id")),
    )
    op.create_index("ix_dukungan_laporan", "dukungan", ["laporan_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_dukungan_laporan", table_name="dukungan")
    op.drop_table("dukungan")
    op.drop_column("laporan", "jumlah_dukungan")
