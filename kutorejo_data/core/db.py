"""Engine set-up: SQLite tuned for several concurrent form submissions, PostgreSQL as is."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, CursorResult, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from .config import database_url, pool_settings

SQLITE_BUSY_TIMEOUT_MS = 15_000
# Ids per IN list and rows per multi-row statement in the writes that may touch thousands of reports at once
# (the daily escalation after a missed week, an import): one statement each, well below any bound-parameter limit.
BATCH_SIZE = 1_000

T = TypeVar("T")


def batches(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """`items` in consecutive slices of at most BATCH_SIZE."""
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


def is_sqlite(engine: Engine | Connection) -> bool:
    """True when the engine (or connection) talks to SQLite."""
    return engine.dialect.name == "sqlite"


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the row a single-row INSERT added."""
    key = result.inserted_primary_key
    if key is None:  # SQLAlchemy has none to give after a multi-row INSERT
        raise ValueError("inserted_id needs the result of a single-row INSERT")
    return int(key[0])


def make_engine(url: str | None = None) -> Engine:
    """Create an engine for the URL (default: the configured one) with the project's settings."""
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        # psycopg 3 is the driver we ship; plain postgresql:// URLs should just work.
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    pool_size, max_overflow = pool_settings()
    # JIT compilation pays off for long analytical queries; the dashboard's are many and short, and compiling
    # each costs more (a fifth of a second at a million reports) than it saves.
    return create_engine(
        url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow, connect_args={"options": "-c jit=off"}
    )


def _configure_sqlite(engine: Engine) -> None:
    """WAL, busy timeout, foreign keys; SQLAlchemy (not pysqlite) emits BEGIN so we can choose IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # pysqlite must not BEGIN on its own
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write transaction takes the write lock up front: two writers then queue on the
        # busy timeout instead of one failing with "database is locked" on lock upgrade.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A short write transaction: BEGIN IMMEDIATE on SQLite, an ordinary transaction elsewhere."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn
