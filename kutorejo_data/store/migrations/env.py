"""Alembic environment: runs on the connection handed over by `kutorejo_data.store.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Migrate on the caller's connection, or open one from the configured URL (alembic CLI use)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


def _run(connection: Connection) -> None:
    # Batch mode lets later migrations alter tables on SQLite, which has no ALTER COLUMN.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
