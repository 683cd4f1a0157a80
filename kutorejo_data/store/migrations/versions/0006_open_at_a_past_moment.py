"""A report's `updated_at` never lags behind its history, and indexes to find what was open at a past moment.

"Open at the end of a past period" (the comparison period of every KPI row) used to read every status change
since that moment. A report unchanged since then had the status it has now, so only reports changed since then
(`updated_at` at or after the moment) need their history read. That holds only if `updated_at` is never older
than the report's newest history entry: the application keeps it so, and a trigger enforces it for any writer.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_SQLITE_TRIGGER = """CREATE TRIGGER laporan_updated_follows_history AFTER INSERT ON status_history
    BEGIN UPDATE laporan SET updated_at = NEW.changed_at WHERE id = NEW.laporan_id AND updated_at < NEW.changed_at;
    END"""
_POSTGRES_FUNCTION = """CREATE FUNCTION laporan_updated_follows_history() RETURNS trigger AS $$ BEGIN
    UPDATE laporan AS r SET updated_at = h.newest
    FROM (SELECT laporan_id, max(changed_at) AS newest FROM changed_rows GROUP BY laporan_id) AS h
    WHERE r.id = h.laporan_id AND r.updated_at < h.newest;
    RETURN NULL; END; $$ LANGUAGE plpgsql"""
_POSTGRES_TRIGGER = """CREATE TRIGGER laporan_updated_follows_history AFTER INSERT ON status_history
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION laporan_updated_follows_history()"""

_FACETS = ["status", "kategori_id", "prioritas", "penanganan"]
# Existing indexes that gain updated_at at the end, so "changed since" is read from the index, not the rows.
_GAIN_UPDATED_AT = {
    "ix_laporan_rw_reported": ["rw_id", "reported_at", *_FACETS, "rt_id"],
    "ix_laporan_rt_reported": ["rt_id", "reported_at", *_FACETS],
    "ix_laporan_status_reported": ["status", "kelurahan_id", "reported_at", "rw_id", "rt_id", "kategori_id",
                                   "prioritas"],
}
_CHANGED = ["kelurahan_id", "updated_at", "reported_at", "rw_id", "rt_id", "status", "kategori_id", "prioritas"]


def upgrade() -> None:
    bind = op.get_bind()
    # Rows written before this revision by other means than the application get the newest history time.
    op.execute("""UPDATE laporan SET updated_at = (SELECT max(changed_at) FROM status_history AS h
                                                  WHERE h.laporan_id = laporan.id)
                  WHERE updated_at < (SELECT max(changed_at) FROM status_history AS h WHERE h.laporan_id = laporan.id)""")
    for name, columns in _GAIN_UPDATED_AT.items():
        op.drop_index(name, table_name="laporan")
        op.create_index(name, "laporan", [*columns, "updated_at"])
    op.create_index("ix_laporan_kelurahan_changed", "laporan", _CHANGED)
    if bind.dialect.name == "sqlite":
        op.execute(_SQLITE_TRIGGER)
        op.execute("ANALYZE")
    elif bind.dialect.name == "postgresql":
        op.execute(_POSTGRES_FUNCTION)
        op.execute(_POSTGRES_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS laporan_updated_follows_history ON status_history")
        op.execute("DROP FUNCTION IF EXISTS laporan_updated_follows_history()")
    else:
        op.execute("DROP TRIGGER IF EXISTS laporan_updated_follows_history")
    op.drop_index("ix_laporan_kelurahan_changed", table_name="laporan")
    for name, columns in _GAIN_UPDATED_AT.items():
        op.drop_index(name, table_name="laporan")
        op.create_index(name, "laporan", columns)
