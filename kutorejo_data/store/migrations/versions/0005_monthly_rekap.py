"""Monthly resolution figures per area (rekap_bulanan), and the triggers that forget the ones a write makes stale.

The 12-month trends of the overview and the resolution page rank every resolution of a year; at a million reports
that is most of a second per view. A closed month's figures change only when a report is received into it, moved
or re-dated, or resolved in it, so they are kept per area and month, and the database itself deletes the affected
rows on such a write, whichever code path (form, import, demo, SQL console) made it. Reads fill what is missing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The rows of one area (`row` is a laporan row: NEW or OLD) at every level, whatever the month.
_SQLITE_AREA = """(tingkat = 'semua' OR (tingkat = 'kelurahan' AND wilayah_id = {row}.kelurahan_id)
                   OR (tingkat = 'rw' AND wilayah_id = {row}.rw_id) OR (tingkat = 'rt' AND wilayah_id = {row}.rt_id))"""
# Triggers do nothing while the table is empty (a fresh or bulk-loaded database pays nothing per row).
_SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER rekap_bulanan_report_added AFTER INSERT ON laporan
        WHEN EXISTS (SELECT 1 FROM rekap_bulanan)
        BEGIN DELETE FROM rekap_bulanan
              WHERE bulan = strftime('%Y-%m', NEW.reported_at) AND {_SQLITE_AREA.format(row="NEW")}; END""",
    f"""CREATE TRIGGER rekap_bulanan_report_moved AFTER UPDATE OF reported_at, kelurahan_id, rw_id, rt_id ON laporan
        WHEN EXISTS (SELECT 1 FROM rekap_bulanan)
             AND (NEW.reported_at IS NOT OLD.reported_at OR NEW.kelurahan_id IS NOT OLD.kelurahan_id
                  OR NEW.rw_id IS NOT OLD.rw_id OR NEW.rt_id IS NOT OLD.rt_id)
        BEGIN DELETE FROM rekap_bulanan WHERE {_SQLITE_AREA.format(row="OLD")};
              DELETE FROM rekap_bulanan WHERE {_SQLITE_AREA.format(row="NEW")}; END""",
    f"""CREATE TRIGGER rekap_bulanan_report_removed AFTER DELETE ON laporan
        WHEN EXISTS (SELECT 1 FROM rekap_bulanan)
        BEGIN DELETE FROM rekap_bulanan WHERE {_SQLITE_AREA.format(row="OLD")}; END""",
    f"""CREATE TRIGGER rekap_bulanan_resolution_added AFTER INSERT ON status_history
        WHEN NEW.to_status = 'selesai' AND EXISTS (SELECT 1 FROM rekap_bulanan)
        BEGIN DELETE FROM rekap_bulanan
              WHERE bulan = strftime('%Y-%m', NEW.changed_at)
                AND EXISTS (SELECT 1 FROM laporan AS r WHERE r.id = NEW.laporan_id AND {_SQLITE_AREA.format(row="r")});
        END""",
)
_SQLITE_TRIGGER_NAMES = ("rekap_bulanan_report_added", "rekap_bulanan_report_moved", "rekap_bulanan_report_removed",
                         "rekap_bulanan_resolution_added")

# PostgreSQL: statement-level triggers over transition tables, so a COPY of millions of rows runs one DELETE.
_PG_AREA = """(k.tingkat = 'semua' OR (k.tingkat = 'kelurahan' AND k.wilayah_id = c.kelurahan_id)
               OR (k.tingkat = 'rw' AND k.wilayah_id = c.rw_id) OR (k.tingkat = 'rt' AND k.wilayah_id = c.rt_id))"""
_POSTGRES_FUNCTIONS = {
    "rekap_bulanan_forget_added": f"""
        IF EXISTS (SELECT 1 FROM rekap_bulanan) THEN
            DELETE FROM rekap_bulanan AS k
            USING (SELECT DISTINCT to_char(reported_at, 'YYYY-MM') AS bulan, kelurahan_id, rw_id, rt_id
                   FROM changed_rows) AS c
            WHERE k.bulan = c.bulan AND {_PG_AREA};
        END IF;""",
    "rekap_bulanan_forget_moved": f"""
        IF EXISTS (SELECT 1 FROM rekap_bulanan) THEN
            DELETE FROM rekap_bulanan AS k
            USING (SELECT o.kelurahan_id, o.rw_id, o.rt_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                   WHERE (o.reported_at, o.kelurahan_id, o.rw_id, o.rt_id)
                         IS DISTINCT FROM (n.reported_at, n.kelurahan_id, n.rw_id, n.rt_id)
                   UNION
                   SELECT n.kelurahan_id, n.rw_id, n.rt_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                   WHERE (o.reported_at, o.kelurahan_id, o.rw_id, o.rt_id)
                         IS DISTINCT FROM (n.reported_at, n.kelurahan_id, n.rw_id, n.rt_id)) AS c
            WHERE {_PG_AREA};
        END IF;""",
    "rekap_bulanan_forget_removed": f"""
        IF EXISTS (SELECT 1 FROM rekap_bulanan) THEN
            DELETE FROM rekap_bulanan AS k
            USING (SELECT DISTINCT kelurahan_id, rw_id, rt_id FROM changed_rows) AS c WHERE {_PG_AREA};
        END IF;""",
    "rekap_bulanan_forget_resolved": f"""
        IF EXISTS (SELECT 1 FROM rekap_bulanan) THEN
            DELETE FROM rekap_bulanan AS k
            USING (SELECT DISTINCT to_char(h.changed_at, 'YYYY-MM') AS bulan, r.kelurahan_id, r.rw_id, r.rt_id
                   FROM changed_rows AS h JOIN laporan AS r ON r.id = h.laporan_id
                   WHERE h.to_status = 'selesai') AS c
            WHERE k.bulan = c.bulan AND {_PG_AREA};
        END IF;""",
}
_POSTGRES_TRIGGERS = (
    ("rekap_bulanan_report_added", "AFTER INSERT ON laporan REFERENCING NEW TABLE AS changed_rows",
     "rekap_bulanan_forget_added"),
    ("rekap_bulanan_report_moved", "AFTER UPDATE ON laporan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
     "rekap_bulanan_forget_moved"),
    ("rekap_bulanan_report_removed", "AFTER DELETE ON laporan REFERENCING OLD TABLE AS changed_rows",
     "rekap_bulanan_forget_removed"),
    ("rekap_bulanan_resolution_added", "AFTER INSERT ON status_history REFERENCING NEW TABLE AS changed_rows",
     "rekap_bulanan_forget_resolved"),
)


def upgrade() -> None:
    op.create_table(
        "rekap_bulanan",
        sa.Column("bulan", sa.String(length=7), nullable=False),
        sa.Column("tingkat", sa.String(length=10), nullable=False),
        sa.Column("wilayah_id", sa.Integer(), nullable=False),
        sa.Column("masuk", sa.Integer(), nullable=False),
        sa.Column("selesai", sa.Integer(), nullable=False),
        sa.Column("selesai_median", sa.Float(), nullable=True),
        sa.Column("selesai_p90", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "tingkat IN ('semua', 'kelurahan', 'rw', 'rt')", name=op.f("ck_rekap_bulanan_tingkat_valid")
        ),
        sa.PrimaryKeyConstraint("bulan", "tingkat", "wilayah_id", name=op.f("pk_rekap_bulanan")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        for function, body in _POSTGRES_FUNCTIONS.items():
            op.execute(f"CREATE FUNCTION {function}() RETURNS trigger AS $$ BEGIN {body} RETURN NULL; END; $$ "
                       "LANGUAGE plpgsql")
        for trigger, event, function in _POSTGRES_TRIGGERS:
            op.execute(f"CREATE TRIGGER {trigger} {event} FOR EACH STATEMENT EXECUTE FUNCTION {function}()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in _SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    elif dialect == "postgresql":
        for trigger, event, _ in _POSTGRES_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {event.split(' ON ')[1].split()[0]}")
        for function in _POSTGRES_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_table("rekap_bulanan")
