"""`python -m kutorejo_data demo`: fill an empty database with the demo data and say what was made."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import Engine

from kutorejo_data.core import config
from kutorejo_data.core.formatting import fmt_decimal, fmt_int
from kutorejo_data.demo.accounts import DEMO_PASSWORD
from kutorejo_data.demo.generate import DemoError, DemoSummary, database_has_data, generate_demo


def run_demo_command(engine: Engine, args: argparse.Namespace) -> int:
    """`python -m kutorejo_data demo`: generate, print a summary; exit code 0, or 1 with the reason on stderr."""
    if args.if_empty and database_has_data(engine):
        print("Database sudah berisi data; data demo tidak dibuat.")
        return 0
    try:
        summary = generate_demo(engine, seed=args.seed, months=args.months, reports=args.reports, end=args.sampai)
    except DemoError as exc:
        print(f"Data demo tidak dibuat: {exc}", file=sys.stderr)
        return 1
    print(_summary_text(summary, args))
    return 0


def _summary_text(summary: DemoSummary, args: argparse.Namespace) -> str:
    """One paragraph in Indonesian, numbers in Indonesian format."""
    end = args.sampai or config.today_local()
    return (
        f"Data demo (ilustrasi, bukan data asli) dibuat dalam {fmt_decimal(summary.seconds)} detik: "
        f"{summary.kelurahan} kelurahan, {summary.rw} RW, {summary.rt} RT, {summary.tokoh} tokoh, "
        f"{fmt_int(summary.reports)} laporan dengan {fmt_int(summary.history)} riwayat status, "
        f"{fmt_int(summary.activities)} kegiatan, {fmt_int(summary.photos)} foto contoh; "
        f"{args.months} bulan sampai {end:%d-%m-%Y}, seed {args.seed}. "
        f"{summary.accounts} akun demo (admin, lurah, staf, tamu, rwNN, rtNN-MMM), kata sandi '{DEMO_PASSWORD}'."
    )
