"""Each report keeps when it was first responded to and first resolved, as its history says.

The capacity measures (TANGGAP_CEPAT, SELESAI_TEPAT_WAKTU) and the response times ask, per report, for its first
change away from `baru` and its first change to `selesai`. Looking that up in the history costs two index probes
per report, most of the time of counting a month at a million reports. The history is append-only, so the two
moments only ever move earlier: the trigger that already keeps `updated_at` no older than the newest history entry
(migration 0006) now keeps these two as well, for any writer.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_RESPONSE = "NEW.from_status = 'baru' AND (first_response_at IS NULL OR first_response_at > NEW.changed_at)"
_RESOLUTION = "NEW.to_status = 'selesai' AND (first_resolved_at IS NULL OR first_resolved_at > NEW.changed_at)"
_SQLITE_TRIGGER = f"""CREATE TRIGGER laporan_updated_follows_history AFTER INSERT ON status_history
    BEGIN UPDATE laporan
          SET updated_at = max(updated_at, NEW.changed_at),
              first_response_at = CASE WHEN {_RESPONSE} THEN NEW.changed_at ELSE first_response_at END,
              first_resolved_at = CASE WHEN {_RESOLUTION} THEN NEW.changed_at ELSE first_resolved_at END
          WHERE id = NEW.laporan_id AND (updated_at < NEW.changed_at OR ({_RESPONSE}) OR ({_RESOLUTION}));
    END"""
_SQLITE_TRIGGER_0006 = """CREATE TRIGGER laporan_updated_follows_history AFTER INSERT ON status_history
    BEGIN UPDATE laporan SET updated_at = NEW.changed_at WHERE id = NEW.laporan_id AND updated_at < NEW.changed_at;
    END"""
# LEAST and GREATEST skip NULLs, so a report's first entry of a kind sets the column and a later one leaves it.
_POSTGRES_FUNCTION = """CREATE OR REPLACE FUNCTION laporan_updated_follows_history() RETURNS trigger AS $$ BEGIN
    UPDATE laporan AS r
    SET updated_at = GREATEST(r.updated_at, h.newest),
        first_response_at = LEAST(r.first_response_at, h.answered),
        first_resolved_at = LEAST(r.first_resolved_at, h.resolved)
    FROM (SELECT laporan_id, max(changed_at) AS newest,
                 min(changed_at) FILTER (WHERE from_status = 'baru') AS answered,
                 min(changed_at) FILTER (WHERE to_status = 'selesai') AS resolved
          FROM changed_rows GROUP BY laporan_id) AS h
    WHERE r.id = h.laporan_id
      AND (r.updated_at < h.newest
           OR h.answered < r.first_response_at OR (r.first_response_at IS NULL AND h.answered IS NOT NULL)
           OR h.resolved < r.first_resolved_at OR (r.first_resolved_at IS NULL AND h.resolved IS NOT NULL));
    RETURN NULL; END; $$ LANGUAGE plpgsql"""
_POSTGRES_FUNCTION_0006 = """CREATE OR REPLACE FUNCTION laporan_updated_follows_history() RETURNS trigger AS $$ BEGIN
    UPDATE laporan AS r SET updated_at = h.newest
    FROM (SELECT laporan_id, max(changed_at) AS newest FROM changed_rows GROUP BY laporan_id) AS h
    WHERE r.id = h.laporan_id AND r.updated_at < h.newest;
    RETURN NULL; END; $$ LANGUAGE plpgsql"""
_BACKFILL = """UPDATE laporan SET
    first_response_at = (SELECT min(changed_at) FROM status_history AS h
                         WHERE h.laporan_id = laporan.id AND h.from_status = 'baru'),
    first_resolved_at = (SELECT min(changed_at) FROM status_history AS h
                         WHERE h.laporan_id = laporan.id AND h.to_status = 'selesai')"""


def upgrade() -> None:
    op.add_column("laporan", sa.Column("first_response_at", sa.DateTime(), nullable=True))
    op.add_column("laporan", sa.Column("first_resolved_at", sa.DateTime(), nullable=True))
    op.execute(_BACKFILL)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER laporan_updated_follows_history")
        op.execute(_SQLITE_TRIGGER)
    elif dialect == "postgresql":
        op.execute(_POSTGRES_FUNCTION)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER laporan_updated_follows_history")
        op.execute(_SQLITE_TRIGGER_0006)
    elif dialect == "postgresql":
        op.execute(_POSTGRES_FUNCTION_0006)
    op.drop_column("laporan", "first_resolved_at")  # SQLite ≥ 3.35 drops a column in place (triggers stay)
    op.drop_column("laporan", "first_response_at")
