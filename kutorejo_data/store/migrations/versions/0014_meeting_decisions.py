"""Keputusan rapat: a coordination meeting's decisions with owner, due date, linked reports or area, and status
history.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kutorejo_data.core import domain

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "keputusan_rapat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kelurahan_id", sa.Integer(), nullable=False),
        sa.Column("kegiatan_id", sa.Integer(), nullable=True),
        sa.Column("bulan", sa.String(length=7), nullable=False),
        sa.Column("tanggal_rapat", sa.Date(), nullable=False),
        sa.Column("rw_id", sa.Integer(), nullable=True),
        sa.Column("rt_id", sa.Integer(), nullable=True),
        sa.Column("apa", sa.Text(), nullable=False),
        sa.Column("pemilik_id", sa.Integer(), nullable=True),
        sa.Column("pemilik_nama", sa.String(length=100), nullable=False),
        sa.Column("batas", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=150), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=150), nullable=False),
        sa.CheckConstraint(_in("status", domain.DECISION_STATUSES), name=op.f("ck_keputusan_rapat_status_valid")),
        sa.CheckConstraint(
            "pemilik_id IS NOT NULL OR pemilik_nama <> ''", name=op.f("ck_keputusan_rapat_has_owner")
        ),
        sa.CheckConstraint("batas >= tanggal_rapat", name=op.f("ck_keputusan_rapat_due_after_meeting")),
        sa.ForeignKeyConstraint(
            ["kelurahan_id"], ["kelurahan.id"], name=op.f("fk_keputusan_rapat_kelurahan_id_kelurahan")
        ),
        sa.ForeignKeyConstraint(["kegiatan_id"], ["kegiatan.id"], name=op.f("fk_keputusan_rapat_kegiatan_id_kegiatan")),
        sa.ForeignKeyConstraint(["pemilik_id"], ["pengguna.id"], name=op.f("fk_keputusan_rapat_pemilik_id_pengguna")),
        sa.ForeignKeyConstraint(
            ["rt_id", "rw_id"], ["rt.id", "rt.rw_id"], name=op.f("fk_keputusan_rapat_rt_id_rw_id_rt")
        ),
        sa.ForeignKeyConstraint(
            ["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"], name=op.f("fk_keputusan_rapat_rw_id_kelurahan_id_rw")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keputusan_rapat")),
    )
    op.create_index("ix_keputusan_rapat_bulan", "keputusan_rapat", ["kelurahan_id", "bulan"])
    op.create_index("ix_keputusan_rapat_pemilik", "keputusan_rapat", ["pemilik_id", "status", "batas"])
    op.create_table(
        "keputusan_laporan",
        sa.Column("keputusan_id", sa.Integer(), nullable=False),
        sa.Column("laporan_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["keputusan_id"], ["keputusan_rapat.id"], name=op.f("fk_keputusan_laporan_keputusan_id_keputusan_rapat")
        ),
        sa.ForeignKeyConstraint(["laporan_id"], ["laporan.id"], name=op.f("fk_keputusan_laporan_laporan_id_laporan")),
        sa.PrimaryKeyConstraint("keputusan_id", "laporan_id", name=op.f("pk_keputusan_laporan")),
    )
    op.create_table(
        "keputusan_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("keputusan_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=150), nullable=False),
        sa.Column("from_status", sa.String(length=10), nullable=True),
        sa.Column("to_status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["keputusan_id"], ["keputusan_rapat.id"], name=op.f("fk_keputusan_status_keputusan_id_keputusan_rapat")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keputusan_status")),
    )
    op.create_index("ix_keputusan_status_keputusan", "keputusan_status", ["keputusan_id", "changed_at"])


def downgrade() -> None:
    op.drop_index("ix_keputusan_status_keputusan", table_name="keputusan_status")
    op.drop_table("keputusan_status")
    op.drop_table("keputusan_laporan")
    op.drop_index("ix_keputusan_rapat_pemilik", table_name="keputusan_rapat")
    op.drop_index("ix_keputusan_rapat_bulan", table_name="keputusan_rapat")
    op.drop_table("keputusan_rapat")
