"""The meeting's three exports (PPTX, PDF, WhatsApp text) by name, for the page's buttons and `report` on the CLI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine

from kutorejo_data.core.config import now_local
from kutorejo_data.core.filters import EVERYTHING
from kutorejo_data.core.periods import month_start, preset_period

from .deck import MeetingArea, MeetingReport, build_meeting_report, parse_month

ReportFormat = Literal["pptx", "pdf", "text"]
FILE_EXTENSIONS: dict[str, str] = {"pptx": "pptx", "pdf": "pdf", "text": "txt"}
MEDIA_TYPES: dict[str, str] = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "text": "text/plain; charset=utf-8",
}


def render_report(report: MeetingReport, fmt: ReportFormat) -> bytes:
    """The report in one format, as the bytes of the file."""
    if fmt == "pptx":
        from .pptx import meeting_pptx

        return meeting_pptx(report)
    if fmt == "pdf":
        from .pdf import meeting_pdf

        return meeting_pdf(report)
    from .whatsapp import whatsapp_text

    return (whatsapp_text(report) + "\n").encode("utf-8")


def report_filename(report: MeetingReport, fmt: ReportFormat) -> str:
    """A descriptive file name, e.g. `rapat_kutorejo_rw03_2026-10.pptx`."""
    parts = ["rapat" if fmt == "pptx" else "laporan_bulanan", report.kelurahan_nama.lower().replace(" ", "-")]
    if report.rw:
        parts.append(f"rw{report.rw}")
    parts.append(report.month)
    return "_".join(parts) + "." + FILE_EXTENSIONS[fmt]


def run_report_command(engine: Engine, args: argparse.Namespace) -> int:
    """`python -m kutorejo_data report ...`: write the report to --output or stdout; return the exit code."""
    now = now_local()
    month = parse_month(args.bulan) if args.bulan else preset_period("bulan_lalu", now.date())[0]
    if month is None or month > month_start(now.date()):
        print(f"report: --bulan harus YYYY-MM, paling lambat bulan ini: {args.bulan!r}", file=sys.stderr)
        return 2
    area = MeetingArea(kelurahan_kode=args.kelurahan, rw=args.rw.zfill(2) if args.rw else None)
    try:
        report = build_meeting_report(engine, month, area, EVERYTHING, now=now)
    except LookupError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    content = render_report(report, args.format)
    if args.output:
        Path(args.output).write_bytes(content)
        print(f"{report.area_label}, {report.month}: ditulis ke {args.output}", file=sys.stderr)
        return 0
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return 0
