"""`python -m kutorejo_data export`: the filtered reports as CSV, XLSX or Open311 JSON, to a file or stdout."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.records.export import ExportFormat, export_reports

from .args import UsageError, area_number, kelurahan_code


def filters_from_args(args: argparse.Namespace) -> ReportFilters:
    """ReportFilters from the `export` command's arguments; raises UsageError with a readable message."""
    kode = kelurahan_code(args.kelurahan)
    rw = area_number(args.rw, "--rw", 2)
    rt = area_number(args.rt, "--rt", 3)
    if rt is not None and rw is None:
        raise UsageError("--rt hanya berarti di dalam satu RW: tambahkan --rw")
    if args.dari and args.sampai and args.dari > args.sampai:
        raise UsageError(f"--dari ({args.dari}) jatuh sesudah --sampai ({args.sampai})")
    return ReportFilters(kelurahan_kode=kode, rw=rw, rt=rt, dari=args.dari, sampai=args.sampai)


def _export_to_file(engine: Engine, fmt: ExportFormat, path: Path, filters: ReportFilters, personal: bool) -> int:
    """Export into a temporary file renamed over `path` at the end: a failed export leaves no half file."""
    if path.exists() and not path.is_file():  # a device or pipe such as /dev/stdout cannot be renamed over
        with path.open("wb") as out:
            return export_reports(engine, fmt, out, filters, with_personal_data=personal)
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("wb") as out:
            count = export_reports(engine, fmt, out, filters, with_personal_data=personal)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def run_export_command(engine: Engine, args: argparse.Namespace) -> int:
    """`python -m kutorejo_data export ...`: write the export to --output or stdout; return the exit code."""
    try:
        filters = filters_from_args(args)
    except UsageError as error:
        print(f"export: {error}", file=sys.stderr)
        return 2
    if args.output:
        path = Path(args.output)
        count = _export_to_file(engine, args.format, path, filters, args.with_personal_data)
        print(f"{count} laporan diekspor ke {path}", file=sys.stderr)
        return 0
    export_reports(engine, args.format, sys.stdout.buffer, filters, with_personal_data=args.with_personal_data)
    sys.stdout.buffer.flush()
    return 0
