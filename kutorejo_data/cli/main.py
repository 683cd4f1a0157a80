"""Command-line interface: `python -m kutorejo_data migrate|demo|export|import|report|musrenbang|tick|...`.

This module parses the arguments and hands each command to its own module in this package; the work itself is
done by the subpackages below (demo, records, intake, meeting, store, access).
"""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import Engine

from kutorejo_data.core.db import make_engine
from kutorejo_data.store.migrate import migrate

from .args import iso_date
from .users import add_user_commands

# The exit status of a process whose reader went away (128 + SIGPIPE), as `cat` and `grep` end with `| head`.
EXIT_BROKEN_PIPE = 141


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kutorejo_data", description="Dasbor masalah Kelurahan Kutorejo")
    parser.add_argument("--database-url", help="database URL (default: env KUTOREJO_DATABASE_URL or instance/)")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="bring the database to the current schema")

    demo = sub.add_parser("demo", help="fill an empty database with deterministic demo data")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--months", type=int, default=24)
    demo.add_argument("--reports", type=int, default=2000)
    demo.add_argument("--sampai", type=iso_date, help="last day of the demo data (default: today)")
    demo.add_argument("--if-empty", action="store_true", help="do nothing (exit 0) when the database has data")

    export = sub.add_parser("export", help="export reports as CSV, XLSX or Open311 JSON")
    export.add_argument("--format", choices=("csv", "xlsx", "open311"), required=True)
    export.add_argument("--kelurahan", help="Kemendagri code, e.g. 35.14.11.1006")
    export.add_argument("--rw")
    export.add_argument("--rt")
    export.add_argument("--dari", type=iso_date)
    export.add_argument("--sampai", type=iso_date)
    export.add_argument("-o", "--output", help="file to write (default: stdout)")
    export.add_argument("--with-personal-data", action="store_true", help="include reporter name and phone")

    imp = sub.add_parser("import", help="import reports or activities from a CSV or XLSX file")
    imp.add_argument("file", help="CSV or XLSX file")
    imp.add_argument("--jenis", choices=("laporan", "kegiatan"), default="laporan", help="what the file holds")
    imp.add_argument("--dry-run", action="store_true", help="check and print the summary; write nothing")
    imp.add_argument(
        "--map",
        action="append",
        metavar="HEADER=FIELD",
        help="map a column to a field (repeatable); an empty FIELD ignores the column",
    )
    imp.add_argument("--kelurahan", help="Kemendagri code for rows without a kelurahan column")
    chat = sub.add_parser("import-whatsapp", help="reports from the complaints in a WhatsApp chat export")
    chat.add_argument("file", help="the chat export: the .txt, or the .zip with media")
    chat.add_argument("--rw", required=True, help="the RW the chat belongs to, e.g. 03")
    chat.add_argument("--rt", help="the RT for messages that name none, e.g. 002")
    chat.add_argument("--kelurahan", help="Kemendagri code, e.g. 35.14.11.1006 (default: the only one)")
    chat.add_argument("--dry-run", action="store_true", help="show what would be created; write nothing")
    chat.add_argument("--format", choices=("text", "json"), default="text", help="json: one object per message")
    report = sub.add_parser("report", help="the monthly meeting report as PPTX slides, a PDF or WhatsApp text")
    report.add_argument("--format", choices=("pptx", "pdf", "text"), required=True)
    report.add_argument("--bulan", help="month YYYY-MM (default: last month)")
    report.add_argument("--kelurahan", help="Kemendagri code, e.g. 35.14.11.1006 (default: the only one)")
    report.add_argument("--rw", help="one RW, e.g. 03 (default: the whole kelurahan)")
    report.add_argument("-o", "--output", help="file to write (default: stdout)")
    musrenbang = sub.add_parser("musrenbang", help="the usulan Musrenbang form (proposals and candidates) as XLSX")
    musrenbang.add_argument("--tahun", type=int, help="the plan year, e.g. 2027 (default: next year)")
    musrenbang.add_argument("--kelurahan", help="Kemendagri code, e.g. 35.14.11.1006")
    musrenbang.add_argument("--rw", help="one RW, e.g. 03 (default: the whole kelurahan)")
    musrenbang.add_argument("-o", "--output", help="file to write (default: stdout)")
    lapor = sub.add_parser("import-lapor", help="statuses from an SP4N-LAPOR! admin export (CSV or XLSX)")
    lapor.add_argument("file", help="the LAPOR! export, CSV or XLSX")
    lapor.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    sub.add_parser(
        "tick",
        help="daily job: escalate reports past their level's deadline, queue reminders and digests (idempotent; cron)",
    )
    digest = sub.add_parser("digest", help="the daily digest as WhatsApp text, for one RW or the whole kelurahan")
    digest.add_argument("--rw", help="one RW, e.g. 03 (default: the whole kelurahan)")
    digest.add_argument("--tanggal", type=iso_date, help="the day, YYYY-MM-DD (default: today)")
    digest.add_argument("--kelurahan", help="Kemendagri code, e.g. 35.14.11.1006 (default: the only one)")
    add_user_commands(sub)
    backup = sub.add_parser("backup", help="consistent copy of an SQLite database, also while the app runs")
    backup.add_argument("file", help="where to write the copy (must not exist yet)")
    return parser


def _run(engine: Engine, args: argparse.Namespace) -> int:
    """Hand the parsed command to its module (imported only when it runs, so every command starts quickly)."""
    if args.command == "migrate":
        print("Database is at the current schema.")
        return 0
    if args.command == "demo":
        from .demo import run_demo_command

        return run_demo_command(engine, args)
    if args.command == "export":
        from .export import run_export_command

        return run_export_command(engine, args)
    if args.command == "import":
        from .imports import run_import_command

        return run_import_command(engine, args)
    if args.command == "import-whatsapp":
        from .whatsapp import run_whatsapp_command

        return run_whatsapp_command(engine, args)
    if args.command == "report":
        from .report import run_report_command

        return run_report_command(engine, args)
    if args.command == "musrenbang":
        from .musrenbang import run_musrenbang_command

        return run_musrenbang_command(engine, args)
    if args.command == "import-lapor":
        from .lapor import run_lapor_command

        return run_lapor_command(engine, args)
    if args.command in ("create-user", "set-password", "deactivate-user"):
        from .users import run_user_command

        return run_user_command(engine, args)
    if args.command == "tick":
        from .tick import run_tick_command

        return run_tick_command(engine, args)
    if args.command == "digest":
        from .digest import run_digest_command

        return run_digest_command(engine, args)
    if args.command == "backup":
        from .backup import run_backup_command

        return run_backup_command(engine, args)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    args = _build_parser().parse_args(argv)
    engine = make_engine(args.database_url)
    try:
        migrate(engine)  # every command works on the current schema
        return _run(engine, args)
    except BrokenPipeError:
        # The reader of our output stopped early (`export ... | head`): end quietly, without a traceback, and
        # point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    finally:
        engine.dispose()
