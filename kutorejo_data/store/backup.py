"""`python -m kutorejo_data backup FILE`: a consistent copy of an SQLite database, safe while the app runs."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.core.db import is_sqlite


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
            raw.driver_connection.backup(destination, pages=-1)
            if destination.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise RuntimeError(f"salinan {target} rusak")
        finally:
            destination.close()
    finally:
        raw.close()
    return target.stat().st_size


def run_backup_command(engine: Engine, args: argparse.Namespace) -> int:
    """Back up an SQLite database to args.file; on PostgreSQL, point to pg_dump and exit 1."""
    if not is_sqlite(engine):
        print(
            "Perintah backup hanya untuk SQLite. Untuk PostgreSQL gunakan pg_dump, misalnya:\n"
            "  pg_dump --format=custom --file kutorejo.dump NAMA_DATABASE",
            file=sys.stderr,
        )
        return 1
    target = Path(args.file)
    try:
        size = backup_sqlite(engine, target)
    except FileExistsError:
        print(f"Berkas {target} sudah ada; pilih nama lain.", file=sys.stderr)
        return 1
    print(f"Cadangan dibuat: {target} ({size / 2**20:.1f} MB).")
    return 0
