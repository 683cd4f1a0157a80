"""Usulan Musrenbang (proposals built from recurring problems) and the SP4N-LAPOR! link of a report handed to the dinas
(its LAPOR! tracking ID, unique, and the LAPOR! status last imported).

Chained after 0014 (the meeting decisions).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("laporan", sa.Column("lapor_id", sa.String(length=40), nullable=True))
    op.add_column("laporan", sa.Column("lapor_status", sa.String(length=60), nullable=True))
    op.create_index("uq_laporan_lapor_id", "laporan", ["lapor_id"], unique=True)
    op.create_table(
        "usulan_musrenbang",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kelurahan_id", sa.Integer(), nullable=False),
        sa.Column("rw_id", sa.Integer(), nullable=True),
        sa.Column("rt_id", sa.Integer(), nullable=True),
        sa.Column("kategori_id", sa.Integer(), nullable=True),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("kandidat", sa.String(length=60), nullable=False),
        sa.Column("usulan", sa.String(length=300), nullable=False),
        sa.Column("permasalahan", sa.Text(), nullable=False),
        sa.Column("lokasi", sa.String(length=200), nullable=False),
        sa.Column("volume", sa.Float(), nullable=True),
        sa.Column("satuan", sa.String(length=30), nullable=False),
        sa.Column("prioritas", sa.Integer(), nullable=False),
        sa.Column("alasan", sa.Text(), nullable=False),
        sa.Column("jumlah_laporan", sa.Integer(), nullable=False),
        sa.Column("laporan_terkait", sa.Text(), nullable=False),
        sa.Column("jumlah_foto", sa.Integer(), nullable=False),
        sa.Column("pertama_dilaporkan", sa.DateTime(), nullable=True),
        sa.Column("terakhir_dilaporkan", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint("rt_id IS NULL OR rw_id IS NOT NULL", name=op.f("ck_usulan_musrenbang_rt_needs_rw")),
        sa.CheckConstraint("tahun BETWEEN 2000 AND 2100", name=op.f("ck_usulan_musrenbang_tahun_range")),
        sa.CheckConstraint("prioritas >= 1", name=op.f("ck_usulan_musrenbang_prioritas_positive")),
        sa.CheckConstraint("volume IS NULL OR volume > 0", name=op.f("ck_usulan_musrenbang_volume_positive")),
        sa.CheckConstraint("length(usulan) > 0", name=op.f("ck_usulan_musrenbang_usulan_not_empty")),
        sa.CheckConstraint("jumlah_laporan >= 0", name=op.f("ck_usulan_musrenbang_jumlah_laporan_nonnegative")),
        sa.ForeignKeyConstraint(
            ["kelurahan_id"], ["kelurahan.id"], name=op.f("fk_usulan_musrenbang_kelurahan_id_kelurahan")
        ),
        sa.ForeignKeyConstraint(
            ["kategori_id"], ["kategori.id"], name=op.f("fk_usulan_musrenbang_kategori_id_kategori")
        ),
        sa.ForeignKeyConstraint(
            ["rt_id", "rw_id"], ["rt.id", "rt.rw_id"], name=op.f("fk_usulan_musrenbang_rt_id_rw_id_rt")
        ),
        sa.ForeignKeyConstraint(
            ["rw_id", "kelurahan_id"],
            ["rw.id", "rw.kelurahan_id"],
            name=op.f("fk_usulan_musrenbang_rw_id_kelurahan_id_rw"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usulan_musrenbang")),
        sa.UniqueConstraint("tahun", "kandidat", name=op.f("uq_usulan_musrenbang_tahun_kandidat")),
    )
    op.create_index("ix_usulan_musrenbang_tahun", "usulan_musrenbang", ["kelurahan_id", "tahun", "rw_id"])


def downgrade() -> None:
    op.drop_index("ix_usulan_musrenbang_tahun", table_name="usulan_musrenbang")
    op.drop_table("usulan_musrenbang")
    op.drop_index("uq_laporan_lapor_id", table_name="laporan")
    op.drop_column("laporan", "lapor_status")
    op.drop_column("laporan", "lapor_id")
