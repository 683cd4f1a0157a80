"""`python -m kutorejo_data backup FILE`: a consistent copy of an SQLite database, safe while the app runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine


def backup_sqlite(engine: Engine, target: Path) -> int:
    """Copy the database to `target` with SQLite's online backup API; returns the size of the copy in bytes.

    The copy is taken in one step inside a read transaction, so it is the database as of one moment: writers
    (WAL mode) carry on meanwhile and nothing half-written ends up in the copy.
    """
    if target.exists():
        raise FileExistsError(target)
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            driver = raw.driver_connection
            if driver is None:  # only for a connection that was invalidated
                raise RuntimeError("the database connection is no longer usable")
            driver.backup(destination, pages=-1)
            if destination.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise RuntimeError(f"salinan {target} rusak")
        finally:
            destination.close()
    finally:
        raw.close()
    return target.stat().st_size
