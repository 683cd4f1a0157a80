"""`python -m kutorejo_data report`: the monthly meeting's PPTX, PDF or WhatsApp text for one month and area."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.core.config import now_local
from kutorejo_data.core.filters import EVERYTHING
from kutorejo_data.core.periods import EARLIEST_DAY, month_start, parse_month, preset_period
from kutorejo_data.meeting.deck import MeetingArea, build_meeting_report
from kutorejo_data.meeting.exports import render_report


def run_report_command(engine: Engine, args: argparse.Namespace) -> int:
    """`python -m kutorejo_data report ...`: write the report to --output or stdout; return the exit code."""
    now = now_local()
    month = parse_month(args.bulan) if args.bulan else preset_period("bulan_lalu", now.date())[0]
    if month is None or not EARLIEST_DAY <= month <= month_start(now.date()):
        print(f"report: --bulan harus YYYY-MM, dari 2000-01 sampai bulan ini: {args.bulan!r}", file=sys.stderr)
        return 2
    area = MeetingArea(kelurahan_kode=args.kelurahan, rw=args.rw.zfill(2) if args.rw else None)
    try:
        # Whoever runs the command line reads the database itself: the deck carries the before/after photos.
        report = build_meeting_report(engine, month, area, EVERYTHING, now=now, may_see_reports=True)
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
