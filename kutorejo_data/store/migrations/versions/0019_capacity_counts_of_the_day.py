"""Capacity counts of months still settling are kept for the day they were counted on (rekap_kapasitas.hari).

A month's counts compare the clock only with its reports' deadlines, each the end of a working day, so until the
month is settled they hold for a whole day. The months whose deadlines are still running (at a million reports,
October to December: 0.2–0.4 s) were counted again by every reader. A row with a day is what counting gave on that
day, and is read only then; a settled row has none. The triggers of 0007 forget both kinds the same way.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rekap_kapasitas", sa.Column("hari", sa.Date(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM rekap_kapasitas WHERE hari IS NOT NULL")
    # Not a batch copy: SQLite would refuse to rename the copy into place under 0007's triggers, which name the table.
    op.execute("ALTER TABLE rekap_kapasitas DROP COLUMN hari")
