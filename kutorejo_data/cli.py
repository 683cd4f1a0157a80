"""Command-line interface: `python -m kutorejo_data migrate|demo|export|backup ...`."""

from __future__ import annotations

import argparse
from datetime import date

from .db import make_engine
from .migrate import migrate


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan tanggal YYYY-MM-DD: {text!r}") from None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kutorejo_data", description="Dasbor masalah Kelurahan Kutorejo")
    parser.add_argument("--database-url", help="database URL (default: env KUTOREJO_DATABASE_URL or instance/)")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="bring the database to the current schema")

    demo = sub.add_parser("demo", help="fill an empty database with deterministic demo data")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--months", type=int, default=24)
    demo.add_argument("--reports", type=int, default=2000)
    demo.add_argument("--sampai", type=_iso_date, help="last day of the demo data (default: today)")
    demo.add_argument("--if-empty", action="store_true", help="do nothing (exit 0) when the database has data")

    export = sub.add_parser("export", help="export reports as CSV, XLSX or Open311 JSON")
    export.add_argument("--format", choices=("csv", "xlsx", "open311"), required=True)
    export.add_argument("--kelurahan", help="Kemendagri code, e.g. 35.14.11.1006")
    export.add_argument("--rw")
    export.add_argument("--rt")
    export.add_argument("--dari", type=_iso_date)
    export.add_argument("--sampai", type=_iso_date)
    export.add_argument("--output", help="file to write (default: stdout)")
    export.add_argument("--with-personal-data", action="store_true", help="include reporter name and phone")

    backup = sub.add_parser("backup", help="consistent copy of an SQLite database, also while the app runs")
    backup.add_argument("file", help="where to write the copy (must not exist yet)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    args = _build_parser().parse_args(argv)
    engine = make_engine(args.database_url)
    migrate(engine)  # every command works on the current schema
    try:
        if args.command == "migrate":
            print("Database is at the current schema.")
            return 0
        if args.command == "demo":
            from .demo import run_demo_command

            return run_demo_command(engine, args)
        if args.command == "export":
            from .exporting import run_export_command

            return run_export_command(engine, args)
        if args.command == "backup":
            from .backup import run_backup_command

            return run_backup_command(engine, args)
    finally:
        engine.dispose()
    return 2
