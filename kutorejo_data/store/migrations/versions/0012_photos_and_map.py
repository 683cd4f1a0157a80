"""Evidence and place: photos of reports, a category's "after photo required", and the kelurahan's boundary map.

- `foto`: the before/after photos of a report, re-encoded JPEG and thumbnail bytes in the database (both backends
  alike; every backup has them), with size, who and when, and whether an after photo may be shown publicly.
- `kategori.foto_sesudah_wajib`: such reports are not closed as resolved without an after photo; on for the
  infrastructure categories (domain.AFTER_PHOTO_REQUIRED_CATEGORIES).
- `peta_wilayah`: one uploaded GeoJSON of RW/RT polygons per kelurahan, for the Peta page.

Independent of the migrations written alongside it (0010, 0011): it touches only `kategori` and new tables.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kutorejo_data.core import domain

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    # A plain ALTER TABLE on both backends (kategori has no triggers a batch rebuild could lose, but none is needed).
    op.add_column(
        "kategori", sa.Column("foto_sesudah_wajib", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    kategori = sa.table("kategori", sa.column("slug", sa.String()), sa.column("foto_sesudah_wajib", sa.Boolean()))
    op.execute(
        kategori.update()
        .where(kategori.c.slug.in_(domain.AFTER_PHOTO_REQUIRED_CATEGORIES))
        .values(foto_sesudah_wajib=True)
    )
    op.create_table(
        "foto",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("laporan_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("gambar", sa.LargeBinary(), nullable=False),
        sa.Column("gambar_kecil", sa.LargeBinary(), nullable=False),
        sa.Column("lebar", sa.Integer(), nullable=False),
        sa.Column("tinggi", sa.Integer(), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("publik", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(_in("jenis", domain.PHOTO_KINDS), name=op.f("ck_foto_jenis_valid")),
        sa.CheckConstraint("ukuran > 0", name=op.f("ck_foto_ukuran_positive")),
        sa.ForeignKeyConstraint(["laporan_id"], ["laporan.id"], name=op.f("fk_foto_laporan_id_laporan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foto")),
    )
    op.create_index("ix_foto_laporan", "foto", ["laporan_id", "jenis", "id"])
    op.create_table(
        "peta_wilayah",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kelurahan_id", sa.Integer(), nullable=False),
        sa.Column("geojson", sa.Text(), nullable=False),
        sa.Column("fitur", sa.Integer(), nullable=False),
        sa.Column("nama_file", sa.String(length=200), nullable=False),
        sa.Column("contoh", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["kelurahan_id"], ["kelurahan.id"], name=op.f("fk_peta_wilayah_kelurahan_id_kelurahan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_peta_wilayah")),
        sa.UniqueConstraint("kelurahan_id", name=op.f("uq_peta_wilayah_kelurahan_id")),
    )


def downgrade() -> None:
    op.drop_table("peta_wilayah")
    op.drop_index("ix_foto_laporan", table_name="foto")
    op.drop_table("foto")
    # Not a batch rebuild: on SQLite that would drop kategori's trigger (migration 0007); both have DROP COLUMN.
    op.execute("ALTER TABLE kategori DROP COLUMN foto_sesudah_wajib")
