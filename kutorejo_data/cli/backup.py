"""`python -m kutorejo_data backup FILE`: a consistent copy of an SQLite database, or where to look on PostgreSQL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.core.db import is_sqlite
from kutorejo_data.store.backup import backup_sqlite


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
