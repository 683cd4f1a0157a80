"""`python -m kutorejo_data musrenbang --tahun 2027 [--rw 03] -o usulan.xlsx`: the usulan Musrenbang form as XLSX."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.analytics.musrenbang_form import write_form
from kutorejo_data.core.config import now_local
from kutorejo_data.records.musrenbang import MAX_YEAR, MIN_YEAR

from .args import UsageError, area_number, kelurahan_code


def run_musrenbang_command(engine: Engine, args: argparse.Namespace) -> int:
    """Write the year's proposals and the current candidates to --output (or stdout); return the exit code."""
    now = now_local()
    tahun = args.tahun if args.tahun is not None else now.year + 1
    try:
        kode = kelurahan_code(args.kelurahan)
        rw = area_number(args.rw, "--rw", 2)
        if not MIN_YEAR <= tahun <= MAX_YEAR:
            raise UsageError(f"--tahun harus tahun {MIN_YEAR}–{MAX_YEAR}, bukan {tahun}")
    except UsageError as error:
        print(f"musrenbang: {error}", file=sys.stderr)
        return 2
    out = io.BytesIO()
    saved, found = write_form(engine, out, tahun, now=now, kelurahan_kode=kode, rw=rw)
    if args.output:
        Path(args.output).write_bytes(out.getvalue())
        print(f"{saved} usulan dan {found} kandidat ditulis ke {args.output}", file=sys.stderr)
        return 0
    sys.stdout.buffer.write(out.getvalue())
    sys.stdout.buffer.flush()
    return 0
