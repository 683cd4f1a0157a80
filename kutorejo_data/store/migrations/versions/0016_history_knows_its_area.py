"""Each status change carries its report's area (kelurahan, RW, RT), kept by the database for any writer.

The resolutions of one RW in a period (its median resolution time, its residents' answers) were found by reading
every resolution of the kelurahan in the period and looking up each one's report: at a million reports, 46,000
lookups to keep 4,700. With the area on the history, an index on (to_status, rw_id, changed_at) reads the RW's
alone. The history stays append-only for what it records; only the area copies may follow their report, which the
app never moves, but a correction by hand would.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_AREA = ("kelurahan_id", "rw_id", "rt_id")
_OWN_COLUMNS = "id, laporan_id, changed_at, from_status, to_status, changed_by, note, penanganan, penanganan_nama"
_INDEXES = {
    "ix_status_history_to_rw_changed": ["to_status", "rw_id", "changed_at", "laporan_id"],
    "ix_status_history_to_rt_changed": ["to_status", "rt_id", "changed_at", "laporan_id"],
}
_SAME_AREA = "laporan.kelurahan_id = {row}.kelurahan_id AND laporan.rw_id = {row}.rw_id AND laporan.rt_id = {row}.rt_id"

_SQLITE_GUARD = f"""CREATE TRIGGER status_history_no_update BEFORE UPDATE OF {_OWN_COLUMNS} ON status_history
    BEGIN SELECT RAISE(ABORT, 'status_history is append-only'); END"""
_SQLITE_GUARD_0002 = """CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history
       BEGIN SELECT RAISE(ABORT, 'status_history is append-only'); END"""
# A writer that names the report's area (the demo generator) costs one lookup; any other gets it filled in.
_SQLITE_FILL = f"""CREATE TRIGGER status_history_takes_its_area AFTER INSERT ON status_history
    WHEN NOT EXISTS (SELECT 1 FROM laporan WHERE laporan.id = NEW.laporan_id AND {_SAME_AREA.format(row="NEW")})
    BEGIN UPDATE status_history
          SET (kelurahan_id, rw_id, rt_id) = (SELECT kelurahan_id, rw_id, rt_id FROM laporan WHERE id = NEW.laporan_id)
          WHERE id = NEW.id;
    END"""
_SQLITE_FOLLOW = """CREATE TRIGGER status_history_follows_its_report AFTER UPDATE OF kelurahan_id, rw_id, rt_id ON laporan
    BEGIN UPDATE status_history SET kelurahan_id = NEW.kelurahan_id, rw_id = NEW.rw_id, rt_id = NEW.rt_id
          WHERE laporan_id = NEW.id;
    END"""
_SQLITE_BACKFILL = """UPDATE status_history
    SET (kelurahan_id, rw_id, rt_id) = (SELECT kelurahan_id, rw_id, rt_id FROM laporan WHERE id = laporan_id)"""

_POSTGRES = (
    # The guard of 0002 refused every UPDATE; now every DELETE, and an UPDATE of what the history records.
    "DROP TRIGGER status_history_no_change ON status_history",
    """CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history
       FOR EACH ROW EXECUTE FUNCTION status_history_append_only()""",
    f"""CREATE TRIGGER status_history_no_change BEFORE UPDATE OF {_OWN_COLUMNS} ON status_history
       FOR EACH ROW EXECUTE FUNCTION status_history_append_only()""",
    """UPDATE status_history AS h SET kelurahan_id = r.kelurahan_id, rw_id = r.rw_id, rt_id = r.rt_id
       FROM laporan AS r WHERE r.id = h.laporan_id""",
    """CREATE FUNCTION status_history_takes_its_area() RETURNS trigger AS $$ BEGIN
       SELECT kelurahan_id, rw_id, rt_id INTO NEW.kelurahan_id, NEW.rw_id, NEW.rt_id
       FROM laporan WHERE id = NEW.laporan_id;
       RETURN NEW; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER status_history_takes_its_area BEFORE INSERT ON status_history
       FOR EACH ROW EXECUTE FUNCTION status_history_takes_its_area()""",
    """CREATE FUNCTION status_history_follows_its_report() RETURNS trigger AS $$ BEGIN
       UPDATE status_history SET kelurahan_id = NEW.kelurahan_id, rw_id = NEW.rw_id, rt_id = NEW.rt_id
       WHERE laporan_id = NEW.id;
       RETURN NULL; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER status_history_follows_its_report AFTER UPDATE OF kelurahan_id, rw_id, rt_id ON laporan
       FOR EACH ROW WHEN ((OLD.kelurahan_id, OLD.rw_id, OLD.rt_id) IS DISTINCT FROM
                          (NEW.kelurahan_id, NEW.rw_id, NEW.rt_id))
       EXECUTE FUNCTION status_history_follows_its_report()""",
)
_POSTGRES_DOWN = (
    "DROP TRIGGER status_history_follows_its_report ON laporan",
    "DROP FUNCTION status_history_follows_its_report()",
    "DROP TRIGGER status_history_takes_its_area ON status_history",
    "DROP FUNCTION status_history_takes_its_area()",
    "DROP TRIGGER status_history_no_change ON status_history",
    "DROP TRIGGER status_history_no_delete ON status_history",
    """CREATE TRIGGER status_history_no_change BEFORE UPDATE OR DELETE ON status_history
       FOR EACH ROW EXECUTE FUNCTION status_history_append_only()""",
)


def upgrade() -> None:
    for column in _AREA:
        op.add_column("status_history", sa.Column(column, sa.Integer(), nullable=True))
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER status_history_no_update")
        op.execute(_SQLITE_GUARD)
        op.execute(_SQLITE_BACKFILL)
        op.execute(_SQLITE_FILL)
        op.execute(_SQLITE_FOLLOW)
    elif dialect == "postgresql":
        for statement in _POSTGRES:
            op.execute(statement)
    for name, columns in _INDEXES.items():
        op.create_index(name, "status_history", columns)
    # Statistics for the new indexes: without them SQLite's planner guesses, and picks them where they do not help.
    op.execute("ANALYZE status_history")


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, "status_history")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER status_history_follows_its_report")
        op.execute("DROP TRIGGER status_history_takes_its_area")
        op.execute("DROP TRIGGER status_history_no_update")
        op.execute(_SQLITE_GUARD_0002)
    elif dialect == "postgresql":
        for statement in _POSTGRES_DOWN:
            op.execute(statement)
    for column in reversed(_AREA):
        op.drop_column("status_history", column)  # SQLite ≥ 3.35 drops a column in place (triggers stay)
