"""Accountability: every open report has a person in charge and due moments in working days; routing rules, the
days off the kelurahan adds, and the history of who was in charge.

- `kategori.tanggap_hari`: working days to respond (SP4N-LAPOR!: 3); `sla_hari` now counts working days too.
- `laporan.penanggung_jawab_id`, `batas_tanggap`, `batas_selesai`, `batas_tahap`: who must act, and by when
  (to respond, to resolve, and the current level's own deadline that escalation moves).
- `hari_libur`, `aturan_penugasan`, `riwayat_penugasan` (append-only, like the status history).

Existing reports get their due moments computed from their category's targets in working days, and every open
report a person by the default routing (records/routing.py). The capacity store is emptied: "resolved within the
SLA" and "responded on time" are now counted in working days.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import numpy as np
import sqlalchemy as sa
from alembic import op

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_BATCH = 20_000

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER riwayat_penugasan_no_update BEFORE UPDATE ON riwayat_penugasan
       BEGIN SELECT RAISE(ABORT, 'riwayat_penugasan is append-only'); END""",
    """CREATE TRIGGER riwayat_penugasan_no_delete BEFORE DELETE ON riwayat_penugasan
       BEGIN SELECT RAISE(ABORT, 'riwayat_penugasan is append-only'); END""",
)
_POSTGRES_TRIGGERS = (
    """CREATE FUNCTION riwayat_penugasan_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'riwayat_penugasan is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER riwayat_penugasan_no_change BEFORE UPDATE OR DELETE ON riwayat_penugasan
       FOR EACH ROW EXECUTE FUNCTION riwayat_penugasan_append_only()""",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column(
        "kategori", sa.Column("tanggap_hari", sa.Integer(), server_default=str(domain.DEFAULT_RESPONSE_WORKING_DAYS),
                              nullable=False)
    )

    if dialect == "sqlite":
        # SQLite adds a column with its foreign key in place (a batch rebuild would drop laporan's triggers).
        op.execute(
            "ALTER TABLE laporan ADD COLUMN penanggung_jawab_id INTEGER "
            "CONSTRAINT fk_laporan_penanggung_jawab_id_pengguna REFERENCES pengguna (id)"
        )
    else:
        op.add_column("laporan", sa.Column("penanggung_jawab_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_laporan_penanggung_jawab_id_pengguna"), "laporan", "pengguna", ["penanggung_jawab_id"], ["id"]
        )
    for column in ("batas_tanggap", "batas_selesai", "batas_tahap"):
        op.add_column("laporan", sa.Column(column, sa.DateTime(), nullable=True))
    op.create_index("ix_laporan_penanggung_jawab", "laporan", ["penanggung_jawab_id", "status", "batas_tahap"])
    op.create_index("ix_laporan_status_batas_tahap", "laporan", ["status", "batas_tahap"])

    op.create_table(
        "hari_libur",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("nama", sa.String(length=100), nullable=False),
        sa.Column("kelurahan_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["kelurahan_id"], ["kelurahan.id"], name=op.f("fk_hari_libur_kelurahan_id_kelurahan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hari_libur")),
        sa.UniqueConstraint("tanggal", "kelurahan_id", name=op.f("uq_hari_libur_tanggal_kelurahan_id")),
    )
    op.create_table(
        "aturan_penugasan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tingkat", sa.String(length=20), nullable=False),
        sa.Column("kelurahan_id", sa.Integer(), nullable=False),
        sa.Column("rw_id", sa.Integer(), nullable=True),
        sa.Column("rt_id", sa.Integer(), nullable=True),
        sa.Column("kategori_id", sa.Integer(), nullable=True),
        sa.Column("pengguna_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(_in("tingkat", domain.HANDLER_LEVELS), name=op.f("ck_aturan_penugasan_tingkat_valid")),
        sa.CheckConstraint("rt_id IS NULL OR rw_id IS NOT NULL", name=op.f("ck_aturan_penugasan_rt_needs_rw")),
        sa.ForeignKeyConstraint(
            ["kategori_id"], ["kategori.id"], name=op.f("fk_aturan_penugasan_kategori_id_kategori")
        ),
        sa.ForeignKeyConstraint(
            ["kelurahan_id"], ["kelurahan.id"], name=op.f("fk_aturan_penugasan_kelurahan_id_kelurahan")
        ),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_aturan_penugasan_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["rt_id", "rw_id"], ["rt.id", "rt.rw_id"], name=op.f("fk_aturan_penugasan_rt_id_rw_id_rt")
        ),
        sa.ForeignKeyConstraint(
            ["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"], name=op.f("fk_aturan_penugasan_rw_id_kelurahan_id_rw")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aturan_penugasan")),
    )
    op.create_table(
        "riwayat_penugasan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("laporan_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("tingkat", sa.String(length=20), nullable=False),
        sa.Column("dari_pengguna_id", sa.Integer(), nullable=True),
        sa.Column("ke_pengguna_id", sa.Integer(), nullable=True),
        sa.Column("batas_tahap", sa.DateTime(), nullable=True),
        sa.Column("alasan", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(_in("tingkat", domain.HANDLER_LEVELS), name=op.f("ck_riwayat_penugasan_tingkat_valid")),
        sa.CheckConstraint(_in("jenis", domain.ASSIGNMENT_KINDS), name=op.f("ck_riwayat_penugasan_jenis_valid")),
        sa.ForeignKeyConstraint(
            ["dari_pengguna_id"], ["pengguna.id"], name=op.f("fk_riwayat_penugasan_dari_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["ke_pengguna_id"], ["pengguna.id"], name=op.f("fk_riwayat_penugasan_ke_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(["laporan_id"], ["laporan.id"], name=op.f("fk_riwayat_penugasan_laporan_id_laporan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_penugasan")),
    )
    op.create_index("ix_riwayat_penugasan_laporan", "riwayat_penugasan", ["laporan_id", "changed_at"])
    op.create_index("ix_riwayat_penugasan_jenis_changed", "riwayat_penugasan", ["jenis", "changed_at", "laporan_id"])
    for statement in {"sqlite": _SQLITE_TRIGGERS, "postgresql": _POSTGRES_TRIGGERS}.get(dialect, ()):
        op.execute(statement)

    _backfill(op.get_bind())
    op.execute("DELETE FROM rekap_kapasitas")


def _backfill(conn: sa.Connection) -> None:
    """Due moments for every existing report, and a person for every open one (by the default routing)."""
    from kutorejo_data.records.assignment import assign_unassigned, deadlines_many
    from kutorejo_data.records.holidays import calendar

    cal = calendar(conn)
    last_id = 0
    stages = {level: index for index, level in enumerate(domain.ESCALATION_LADDER)}
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT l.id, l.reported_at, k.tanggap_hari, k.sla_hari, l.penanganan FROM laporan AS l "
                "JOIN kategori AS k ON k.id = l.kategori_id WHERE l.id > :last ORDER BY l.id LIMIT :n"
            ),
            {"last": last_id, "n": _BATCH},
        ).all()
        if not rows:
            break
        ids = [row.id for row in rows]
        reported = np.array([row.reported_at for row in rows], dtype="datetime64[s]")
        tanggap, selesai, tahap = deadlines_many(
            cal,
            reported,
            np.array([row.tanggap_hari for row in rows]),
            np.array([row.sla_hari for row in rows]),
            np.array([stages.get(row.penanganan, 0) for row in rows]),
        )
        conn.execute(
            sa.text("UPDATE laporan SET batas_tanggap = :t, batas_selesai = :s, batas_tahap = :h WHERE id = :id"),
            [
                {"id": i, "t": t.item(), "s": s.item(), "h": h.item()}
                for i, t, s, h in zip(ids, tanggap, selesai, tahap, strict=True)
            ],
        )
        last_id = ids[-1]
    assign_unassigned(conn, actor="migrasi 0009", now=now_local())


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS riwayat_penugasan_no_update")
        op.execute("DROP TRIGGER IF EXISTS riwayat_penugasan_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS riwayat_penugasan_no_change ON riwayat_penugasan")
        op.execute("DROP FUNCTION IF EXISTS riwayat_penugasan_append_only()")
    op.drop_index("ix_riwayat_penugasan_jenis_changed", table_name="riwayat_penugasan")
    op.drop_index("ix_riwayat_penugasan_laporan", table_name="riwayat_penugasan")
    op.drop_table("riwayat_penugasan")
    op.drop_table("aturan_penugasan")
    op.drop_table("hari_libur")
    op.drop_index("ix_laporan_status_batas_tahap", table_name="laporan")
    op.drop_index("ix_laporan_penanggung_jawab", table_name="laporan")
    if dialect == "postgresql":
        op.drop_constraint(op.f("fk_laporan_penanggung_jawab_id_pengguna"), "laporan", type_="foreignkey")
    # SQLite ≥ 3.35 drops a column in place, its inline foreign key with it (laporan's triggers stay).
    for column in ("batas_tahap", "batas_selesai", "batas_tanggap", "penanggung_jawab_id"):
        op.drop_column("laporan", column)
    op.drop_column("kategori", "tanggap_hari")
