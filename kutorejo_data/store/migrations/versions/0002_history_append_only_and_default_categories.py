"""Make the status history append-only in the database, and add the default problem categories.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kutorejo_data.core.domain import DEFAULT_CATEGORIES

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history
       BEGIN SELECT RAISE(ABORT, 'status_history is append-only'); END""",
    """CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history
       BEGIN SELECT RAISE(ABORT, 'status_history is append-only'); END""",
)
_POSTGRES_TRIGGERS = (
    """CREATE FUNCTION status_history_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'status_history is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER status_history_no_change BEFORE UPDATE OR DELETE ON status_history
       FOR EACH ROW EXECUTE FUNCTION status_history_append_only()""",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_TRIGGERS, "postgresql": _POSTGRES_TRIGGERS}.get(dialect, ()):
        op.execute(statement)

    kategori = sa.table(
        "kategori",
        sa.column("slug", sa.String),
        sa.column("nama", sa.String),
        sa.column("sla_hari", sa.Integer),
        sa.column("aktif", sa.Boolean),
        sa.column("urutan", sa.Integer),
    )
    existing = {row[0] for row in op.get_bind().execute(sa.text("SELECT slug FROM kategori"))}
    op.bulk_insert(
        kategori,
        [
            {"slug": c.slug, "nama": c.nama, "sla_hari": c.sla_hari, "aktif": True, "urutan": i}
            for i, c in enumerate(DEFAULT_CATEGORIES, start=1)
            if c.slug not in existing
        ],
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS status_history_no_update")
        op.execute("DROP TRIGGER IF EXISTS status_history_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS status_history_no_change ON status_history")
        op.execute("DROP FUNCTION IF EXISTS status_history_append_only()")
