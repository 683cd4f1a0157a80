"""Covering indexes for the read side: period-and-area queries and per-report history lookups read no table rows.

The area/period indexes of laporan and the open-status index carry the columns every aggregate groups or filters
on (status, category, priority, handler, RW/RT), and the per-report history index carries the statuses, so that
status-at-a-moment, first response and "ever reached" checks are one index seek per report. The open-status
index leads with status and kelurahan, and an id-led index serves history-to-report lookups.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NEW = {
    "laporan": {
        "ix_laporan_kelurahan_reported": ["kelurahan_id", "reported_at", "status", "kategori_id", "prioritas",
                                          "penanganan", "rw_id", "rt_id"],
        "ix_laporan_rw_reported": ["rw_id", "reported_at", "status", "kategori_id", "prioritas", "penanganan",
                                   "rt_id"],
        "ix_laporan_rt_reported": ["rt_id", "reported_at", "status", "kategori_id", "prioritas", "penanganan"],
        "ix_laporan_status_reported": ["status", "kelurahan_id", "reported_at", "rw_id", "rt_id", "kategori_id",
                                       "prioritas"],
    },
    "status_history": {
        "ix_status_history_laporan_changed": ["laporan_id", "changed_at", "to_status", "from_status", "id"],
    },
}
_OLD = {
    "laporan": {
        "ix_laporan_kelurahan_reported": ["kelurahan_id", "reported_at"],
        "ix_laporan_rw_reported": ["rw_id", "reported_at"],
        "ix_laporan_rt_reported": ["rt_id", "reported_at"],
        "ix_laporan_status_reported": ["status", "reported_at"],
    },
    "status_history": {
        "ix_status_history_laporan_changed": ["laporan_id", "changed_at"],
    },
}


# Looked up by id from the history side (resolutions, changes since a moment): area and facets without the row.
_ID_FACETS = ["id", "kelurahan_id", "rw_id", "rt_id", "reported_at", "status", "kategori_id", "prioritas",
              "penanganan"]


def _replace(indexes: dict[str, dict[str, list[str]]]) -> None:
    for table, by_name in indexes.items():
        for name, columns in by_name.items():
            op.drop_index(name, table_name=table)
            op.create_index(name, table, columns)


def upgrade() -> None:
    _replace(_NEW)
    op.create_index("ix_laporan_id_facets", "laporan", _ID_FACETS)
    if op.get_bind().dialect.name == "sqlite":
        # Without statistics SQLite guesses between these indexes (a full pass takes seconds at 1M reports).
        op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_laporan_id_facets", table_name="laporan")
    _replace(_OLD)
