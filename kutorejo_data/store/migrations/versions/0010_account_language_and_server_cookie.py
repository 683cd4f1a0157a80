"""Each account remembers its language, and a sign-in records when the server set its HttpOnly cookie.

`pengguna.bahasa`: the language the user last chose in the sidebar (NULL: Bahasa Indonesia, the default). A link's
own `?lang=` still wins for the page it opens; the column only decides the language of a sign-in whose link says
nothing.

`sesi_login.cookie_set_at`: the session cookie is set by the server (HttpOnly), in exchange for a one-time code the
signed-in page sends right after signing in; the column makes that exchange happen once (access/sessions.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pengguna", sa.Column("bahasa", sa.String(length=2), nullable=True))
    op.add_column("sesi_login", sa.Column("cookie_set_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sesi_login") as batch:
        batch.drop_column("cookie_set_at")
    with op.batch_alter_table("pengguna") as batch:
        batch.drop_column("bahasa")
