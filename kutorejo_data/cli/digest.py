"""`python -m kutorejo_data digest`: the daily digest's WhatsApp text for one RW or the whole kelurahan."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import Engine

from kutorejo_data.core.config import now_local
from kutorejo_data.meeting.digest import build_digest, digest_text

from .args import UsageError, area_number, kelurahan_code


def run_digest_command(engine: Engine, args: argparse.Namespace) -> int:
    """Print the digest of --tanggal (default: today) for --rw (default: the whole kelurahan)."""
    now = now_local()
    day = args.tanggal or now.date()
    try:
        if day > now.date():
            raise UsageError(f"--tanggal tidak boleh sesudah hari ini ({now.date().isoformat()}): {day.isoformat()}")
        rw = area_number(args.rw, "--rw", 2)
        kelurahan = kelurahan_code(args.kelurahan)
    except UsageError as error:
        print(f"digest: {error}", file=sys.stderr)
        return 2
    with engine.connect() as conn:
        try:
            digest = build_digest(conn, day, kelurahan_kode=kelurahan, rw=rw, now=now)
        except LookupError as error:
            print(f"digest: {error}", file=sys.stderr)
            return 1
    print(digest_text(digest))
    return 0
