"""Report counts behind the capacity measures per RT and month (rekap_kapasitas), and the triggers that keep them.

The capacity scorecard counts, per RT or RW, the reports received over twelve months and their first response and
first resolution: at a million reports that is seconds per view. Once every report of a month is past its longest
deadline, the month's counts change only when one of its reports is written, so they are kept per RT and month;
the database deletes a row when a write touches one of its reports, whichever code path made it. Reads fill what
is missing (kutorejo_data/store/capacity_rekap.py).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_COUNTS = ("laporan", "dicatat_terlambat", "sah", "sah_selesai", "eskalasi_dari_rt", "eskalasi_dari_rt_lanjut",
           "eskalasi_dari_rw", "eskalasi_dari_rw_lanjut", "sla_dihitung", "sla_tepat", "tanggap_dihitung",
           "tanggap_cepat")
# The columns of `laporan` a count depends on.
_COUNTED = ("reported_at", "created_at", "rw_id", "rt_id", "status", "penanganan", "kategori_id")

_FORGET_SQLITE = ("DELETE FROM rekap_kapasitas"
                  " WHERE bulan = strftime('%Y-%m', {row}.reported_at) AND rt_id = {row}.rt_id")
_CHANGED_SQLITE = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in _COUNTED)
# Triggers do nothing while the table is empty (a fresh or bulk-loaded database pays nothing per row).
_SQLITE_TRIGGERS = {
    "rekap_kapasitas_report_added": f"""AFTER INSERT ON laporan WHEN EXISTS (SELECT 1 FROM rekap_kapasitas)
        BEGIN {_FORGET_SQLITE.format(row="NEW")}; END""",
    "rekap_kapasitas_report_changed": f"""AFTER UPDATE OF {", ".join(_COUNTED)} ON laporan
        WHEN EXISTS (SELECT 1 FROM rekap_kapasitas) AND ({_CHANGED_SQLITE})
        BEGIN {_FORGET_SQLITE.format(row="OLD")}; {_FORGET_SQLITE.format(row="NEW")}; END""",
    "rekap_kapasitas_report_removed": f"""AFTER DELETE ON laporan WHEN EXISTS (SELECT 1 FROM rekap_kapasitas)
        BEGIN {_FORGET_SQLITE.format(row="OLD")}; END""",
    "rekap_kapasitas_history_added": """AFTER INSERT ON status_history WHEN EXISTS (SELECT 1 FROM rekap_kapasitas)
        BEGIN DELETE FROM rekap_kapasitas
              WHERE (bulan, rt_id) = (SELECT strftime('%Y-%m', reported_at), rt_id FROM laporan
                                      WHERE id = NEW.laporan_id); END""",
    "rekap_kapasitas_sla_changed": """AFTER UPDATE OF sla_hari ON kategori WHEN NEW.sla_hari IS NOT OLD.sla_hari
        BEGIN DELETE FROM rekap_kapasitas; END""",
}

# PostgreSQL: statement-level triggers over transition tables, so a COPY of millions of rows runs one DELETE.
_FORGET_POSTGRES = """IF EXISTS (SELECT 1 FROM rekap_kapasitas) THEN
    DELETE FROM rekap_kapasitas AS k USING ({keys}) AS c WHERE k.bulan = c.bulan AND k.rt_id = c.rt_id;
END IF;"""
_KEYS = "SELECT DISTINCT to_char({row}.reported_at, 'YYYY-MM') AS bulan, {row}.rt_id FROM {source}"
_CHANGED_POSTGRES = (f"({', '.join(f'o.{c}' for c in _COUNTED)}) IS DISTINCT FROM "
                     f"({', '.join(f'n.{c}' for c in _COUNTED)})")
_CHANGED_ROWS = f"old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE {_CHANGED_POSTGRES}"
_POSTGRES_FUNCTIONS = {
    "rekap_kapasitas_forget_added": _FORGET_POSTGRES.format(keys=_KEYS.format(row="r", source="changed_rows AS r")),
    "rekap_kapasitas_forget_changed": _FORGET_POSTGRES.format(
        keys=f"{_KEYS.format(row='o', source=_CHANGED_ROWS)} UNION {_KEYS.format(row='n', source=_CHANGED_ROWS)}"
    ),
    "rekap_kapasitas_forget_removed": _FORGET_POSTGRES.format(keys=_KEYS.format(row="r", source="changed_rows AS r")),
    "rekap_kapasitas_forget_history": _FORGET_POSTGRES.format(
        keys=_KEYS.format(row="r", source="changed_rows AS h JOIN laporan AS r ON r.id = h.laporan_id")
    ),
}
_POSTGRES_TRIGGERS = (
    ("rekap_kapasitas_report_added", "laporan", "AFTER INSERT ON laporan REFERENCING NEW TABLE AS changed_rows",
     "rekap_kapasitas_forget_added"),
    ("rekap_kapasitas_report_changed", "laporan",
     "AFTER UPDATE ON laporan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
     "rekap_kapasitas_forget_changed"),
    ("rekap_kapasitas_report_removed", "laporan", "AFTER DELETE ON laporan REFERENCING OLD TABLE AS changed_rows",
     "rekap_kapasitas_forget_removed"),
    ("rekap_kapasitas_history_added", "status_history",
     "AFTER INSERT ON status_history REFERENCING NEW TABLE AS changed_rows", "rekap_kapasitas_forget_history"),
)
_POSTGRES_SLA_FUNCTION = """CREATE FUNCTION rekap_kapasitas_forget_all() RETURNS trigger AS $$
    BEGIN DELETE FROM rekap_kapasitas; RETURN NULL; END; $$ LANGUAGE plpgsql"""
_POSTGRES_SLA_TRIGGER = """CREATE TRIGGER rekap_kapasitas_sla_changed AFTER UPDATE OF sla_hari ON kategori
    FOR EACH ROW WHEN (OLD.sla_hari IS DISTINCT FROM NEW.sla_hari) EXECUTE FUNCTION rekap_kapasitas_forget_all()"""


def upgrade() -> None:
    op.create_table(
        "rekap_kapasitas",
        sa.Column("bulan", sa.String(length=7), nullable=False),
        sa.Column("rt_id", sa.Integer(), nullable=False),
        sa.Column("rw_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTS),
        sa.PrimaryKeyConstraint("bulan", "rt_id", name=op.f("pk_rekap_kapasitas")),
    )
    op.create_index("ix_rekap_kapasitas_rw", "rekap_kapasitas", ["rw_id", "bulan"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger, body in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {trigger} {body}")
    elif dialect == "postgresql":
        for function, body in _POSTGRES_FUNCTIONS.items():
            op.execute(f"CREATE FUNCTION {function}() RETURNS trigger AS $$ BEGIN {body} RETURN NULL; END; $$ "
                       "LANGUAGE plpgsql")
        for trigger, _, event, function in _POSTGRES_TRIGGERS:
            op.execute(f"CREATE TRIGGER {trigger} {event} FOR EACH STATEMENT EXECUTE FUNCTION {function}()")
        op.execute(_POSTGRES_SLA_FUNCTION)
        op.execute(_POSTGRES_SLA_TRIGGER)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    elif dialect == "postgresql":
        for trigger, table, _, _ in _POSTGRES_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS rekap_kapasitas_sla_changed ON kategori")
        for function in (*_POSTGRES_FUNCTIONS, "rekap_kapasitas_forget_all"):
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_index("ix_rekap_kapasitas_rw", table_name="rekap_kapasitas")
    op.drop_table("rekap_kapasitas")
