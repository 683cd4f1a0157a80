"""Bulk inserts of generated rows inside the caller's transaction: executemany on SQLite, COPY on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine

# Values are passed as plain Python objects; datetimes as text in the format SQLAlchemy itself stores on
# SQLite ("YYYY-MM-DD HH:MM:SS.ffffff"), which PostgreSQL's COPY parses as well.
Row = Sequence[object]
LOAD_CACHE_SIZE = -262_144  # SQLite page cache during a bulk load, in KiB when negative (256 MiB)


def _driver(conn: Connection) -> Any:
    """The driver's own connection (psycopg's or sqlite3's) under a SQLAlchemy connection."""
    driver = conn.connection.driver_connection
    if driver is None:  # only for a connection that was invalidated or given back to the pool
        raise RuntimeError("the database connection is no longer usable")
    return driver


def insert_rows(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Row]) -> int:
    """Insert `rows` (tuples in `columns` order) into `table` as fast as the backend allows; returns the count."""
    driver = _driver(conn)
    column_list = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        count = 0
        with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    placeholders = ", ".join("?" for _ in columns)
    cursor = driver.cursor()
    try:
        # executemany streams from the iterator (no list of a million tuples) and sums the rows it inserted.
        cursor.executemany(f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})", rows)
        return max(cursor.rowcount, 0)
    finally:
        cursor.close()


@contextmanager
def bulk_load(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Prepare SQLite for a large load into `tables`: a big page cache, secondary indexes built once at the end, and
    neither triggers nor CHECK constraints during the load.

    Building an index once over all rows is several times faster than updating it row by row, and the triggers
    would update a report per history row. The caller writes what they would have (the demo writes each report's
    updated_at and firsts; the stores they clear are empty). The DDL is read from sqlite_master and replayed as
    is, and DDL is transactional in SQLite: a failed load rolls back to the original indexes and triggers.
    SQLite tests a CHECK's `IN (...)` list about ten times slower than the row's insert itself (19 s of the demo's
    3.6 million history rows): the caller writes valid rows, and `PRAGMA quick_check` finds any that are not (the
    demo's test runs it). PostgreSQL's COPY is fast enough with all of them in place.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    placeholders = ", ".join(f"'{t}'" for t in tables)
    saved = conn.exec_driver_sql(
        "SELECT name, type, sql FROM sqlite_master"
        f" WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({placeholders}) ORDER BY name"
    ).all()
    cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {LOAD_CACHE_SIZE}")
    conn.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
    try:
        for name, kind, _sql in saved:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        yield
        for _name, _kind, sql in saved:
            conn.exec_driver_sql(sql)
    finally:
        # The connection goes back to the pool: it must not keep a quarter-gigabyte cache, nor skip the checks.
        conn.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")


@contextmanager
def written_in_place(engine: Engine) -> Iterator[None]:
    """On an SQLite file that nothing else has open, write a large load straight into the database file (a rollback
    journal) instead of into the write-ahead log and then once more into the file; WAL again afterwards.

    Generating the 1M-report demo takes a fifth less time. If another connection has the file open, SQLite keeps WAL
    and nothing changes; PostgreSQL is left as it is.
    """
    if engine.dialect.name != "sqlite":
        yield
        return
    engine.dispose()  # the pool's idle connections would count as others having the file open
    with engine.connect() as conn:
        try:
            # On the driver's connection, outside any transaction: the journal mode cannot change inside one.
            switched = _driver(conn).execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        except sqlite3.OperationalError:  # "database is locked": another connection has it open
            switched = False
    try:
        yield
    finally:
        if switched:
            with engine.connect() as conn:
                _driver(conn).execute("PRAGMA journal_mode = WAL")


def reset_sequences(conn: Connection, tables: Iterable[str]) -> None:
    """After inserting explicit ids on PostgreSQL, move each `id` sequence past the largest id (no-op on SQLite)."""
    if conn.dialect.name != "postgresql":
        return
    driver = _driver(conn)
    with driver.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL)"
                f" FROM {table}"
            )


def analyze(conn: Connection, tables: Iterable[str]) -> None:
    """Refresh the planner statistics after a bulk load, so each query picks the right index from the start."""
    if conn.dialect.name == "sqlite":
        # A full pass (seconds at a million rows): a sampled one misjudges low-cardinality columns like status.
        for table in tables:
            conn.exec_driver_sql(f"ANALYZE {table}")
        return
    driver = _driver(conn)
    with driver.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {table}")


def vacuum(engine: Engine, tables: Iterable[str]) -> None:
    """On PostgreSQL, VACUUM (ANALYZE) freshly loaded tables, outside any transaction as VACUUM requires.

    It marks the pages all-visible, so index-only scans answer from the index alone instead of visiting the table
    for every row (several times faster at a million reports; autovacuum would get there only later).
    """
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in tables:
            conn.exec_driver_sql(f"VACUUM (ANALYZE) {table}")
