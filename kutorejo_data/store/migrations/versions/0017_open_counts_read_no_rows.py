"""The indexes open reports are counted in carry the resolution deadline, so TERBUKA and TERLAMBAT read no table rows.

Counting the reports open at a moment and how many of them were past their deadline (`batas_selesai`) looked up
every open report's row for its deadline: at a million reports, 76,000 lookups for the kelurahan's count at the end
of last month. With the deadline at the end of the area, status and changed-since indexes, each part of the count
is one index range.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_FACETS = ["status", "kategori_id", "prioritas", "penanganan"]
_BEFORE = {
    "ix_laporan_rw_reported": ["rw_id", "reported_at", *_FACETS, "rt_id", "updated_at"],
    "ix_laporan_rt_reported": ["rt_id", "reported_at", *_FACETS, "updated_at"],
    "ix_laporan_status_reported": [
        "status",
        "kelurahan_id",
        "reported_at",
        "rw_id",
        "rt_id",
        "kategori_id",
        "prioritas",
        "updated_at",
    ],
    "ix_laporan_kelurahan_changed": [
        "kelurahan_id",
        "updated_at",
        "reported_at",
        "rw_id",
        "rt_id",
        "status",
        "kategori_id",
        "prioritas",
    ],
}


def _replace(indexes: dict[str, list[str]]) -> None:
    for name, columns in indexes.items():
        op.drop_index(name, table_name="laporan")
        op.create_index(name, "laporan", columns)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE laporan")  # SQLite chooses between these indexes by their statistics


def upgrade() -> None:
    _replace({name: [*columns, "batas_selesai"] for name, columns in _BEFORE.items()})


def downgrade() -> None:
    _replace(_BEFORE)
