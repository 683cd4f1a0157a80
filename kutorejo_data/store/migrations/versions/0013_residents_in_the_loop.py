"""Residents in the loop: every report gets a public tracking code (kode lacak); residents' answers to "sudah
beres?"; the WhatsApp outbox and the templates the kelurahan edits.

Existing reports get a fresh random code each.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kutorejo_data.core import domain
from kutorejo_data.core.tracking import new_code

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BATCH = 20_000


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.add_column("laporan", sa.Column("kode_lacak", sa.String(length=16), nullable=True))
    op.add_column("pengguna", sa.Column("telepon", sa.String(length=30), nullable=True))
    _backfill_codes(op.get_bind())
    op.create_index("uq_laporan_kode_lacak", "laporan", ["kode_lacak"], unique=True)
    op.create_table(
        "konfirmasi_warga",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("laporan_id", sa.Integer(), nullable=False),
        sa.Column("selesai_at", sa.DateTime(), nullable=False),
        sa.Column("jawaban", sa.String(length=10), nullable=False),
        sa.Column("nilai", sa.Integer(), nullable=True),
        sa.Column("alasan", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(_in("jawaban", domain.CONFIRMATION_ANSWERS), name=op.f("ck_konfirmasi_warga_jawaban_valid")),
        sa.CheckConstraint("nilai IS NULL OR (nilai BETWEEN 1 AND 5)", name=op.f("ck_konfirmasi_warga_nilai_range")),
        sa.ForeignKeyConstraint(["laporan_id"], ["laporan.id"], name=op.f("fk_konfirmasi_warga_laporan_id_laporan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_konfirmasi_warga")),
        sa.UniqueConstraint("laporan_id", "selesai_at", name=op.f("uq_konfirmasi_warga_laporan_id_selesai_at")),
    )
    op.create_index("ix_konfirmasi_warga_selesai", "konfirmasi_warga", ["selesai_at", "laporan_id"])
    op.create_table(
        "pesan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=40), nullable=False),
        sa.Column("laporan_id", sa.Integer(), nullable=True),
        sa.Column("pengirim_id", sa.Integer(), nullable=True),
        sa.Column("kelurahan_id", sa.Integer(), nullable=True),
        sa.Column("penerima", sa.String(length=100), nullable=False),
        sa.Column("nomor", sa.String(length=20), nullable=True),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("kunci", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("sent_by", sa.String(length=100), nullable=True),
        sa.CheckConstraint(_in("status", domain.MESSAGE_STATUSES), name=op.f("ck_pesan_status_valid")),
        sa.ForeignKeyConstraint(["laporan_id"], ["laporan.id"], name=op.f("fk_pesan_laporan_id_laporan")),
        sa.ForeignKeyConstraint(["pengirim_id"], ["pengguna.id"], name=op.f("fk_pesan_pengirim_id_pengguna")),
        sa.ForeignKeyConstraint(["kelurahan_id"], ["kelurahan.id"], name=op.f("fk_pesan_kelurahan_id_kelurahan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pesan")),
        sa.UniqueConstraint("kunci", name=op.f("uq_pesan_kunci")),
    )
    op.create_index("ix_pesan_pengirim_status", "pesan", ["pengirim_id", "status", "created_at"])
    op.create_index("ix_pesan_status_created", "pesan", ["status", "created_at"])
    op.create_table(
        "template_pesan",
        sa.Column("jenis", sa.String(length=40), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("jenis", name=op.f("pk_template_pesan")),
    )


def _backfill_codes(conn: sa.Connection) -> None:
    """A distinct random code for every report already stored."""
    used: set[str] = set()
    last_id = 0
    while True:
        ids = conn.execute(
            sa.text("SELECT id FROM laporan WHERE id > :last ORDER BY id LIMIT :n"), {"last": last_id, "n": _BATCH}
        ).scalars().all()
        if not ids:
            return
        rows = []
        for laporan_id in ids:
            code = new_code()
            while code in used:
                code = new_code()
            used.add(code)
            rows.append({"id": laporan_id, "kode": code})
        conn.execute(sa.text("UPDATE laporan SET kode_lacak = :kode WHERE id = :id"), rows)
        last_id = ids[-1]


def downgrade() -> None:
    op.drop_table("template_pesan")
    op.drop_index("ix_pesan_status_created", table_name="pesan")
    op.drop_index("ix_pesan_pengirim_status", table_name="pesan")
    op.drop_table("pesan")
    op.drop_index("ix_konfirmasi_warga_selesai", table_name="konfirmasi_warga")
    op.drop_table("konfirmasi_warga")
    op.drop_index("uq_laporan_kode_lacak", table_name="laporan")
    op.drop_column("laporan", "kode_lacak")
    op.drop_column("pengguna", "telepon")
