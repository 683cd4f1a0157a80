"""`python -m kutorejo_data import-lapor FILE [--dry-run]`: statuses from an SP4N-LAPOR! admin export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.access.accounts import cli_actor
from kutorejo_data.core.config import now_local
from kutorejo_data.core.i18n import t
from kutorejo_data.intake.importing import refusal_message
from kutorejo_data.intake.lapor import LaporFile, preview_lapor, read_lapor_file, run_lapor_import
from kutorejo_data.intake.reading import ImportRefused, check_size
from kutorejo_data.records.lapor import LaporResult


def summary_lines(data: LaporFile, result: LaporResult, lang: str = "id") -> list[str]:
    """What changed, what stayed, which IDs are unknown here and which rows were skipped, one line each."""
    lines = [
        t("sp4n.summary", lang, diperbarui=len(result.moved), tetap=len(result.unchanged), asing=len(result.unknown))
    ]
    for outcome in result.moved:
        steps = " → ".join((outcome.from_status, *outcome.steps))
        lines.append(f"  #{outcome.laporan_id} (LAPOR! {outcome.update.lapor_id}): {steps}")
    for outcome in result.unchanged:
        if outcome.reason:
            reason = t(outcome.reason, lang)
            lines.append(f"  #{outcome.laporan_id} (LAPOR! {outcome.update.lapor_id}): {reason}")
    if result.unknown:
        ids = ", ".join(u.lapor_id for u in result.unknown)
        lines.append(t("sp4n.unknown_ids", lang, daftar=ids))
    for row in data.skipped:
        lines.append(t("sp4n.skipped_row", lang, baris=row.row, isi=row.value, alasan=t(row.reason, lang)))
    return lines


def run_lapor_command(engine: Engine, args: argparse.Namespace) -> int:
    """Read the file, then write (or with --dry-run only show) the moves; exit 1 when the file is refused."""
    path = Path(args.file)
    if not path.is_file():
        print(f"import-lapor: berkas tidak ditemukan: {path}", file=sys.stderr)
        return 2
    try:
        check_size(path.stat().st_size)
        data = read_lapor_file(path.read_bytes())
    except ImportRefused as refused:
        print(f"import-lapor: {refusal_message(refused, 'id')}", file=sys.stderr)
        return 1
    if args.dry_run:
        result = preview_lapor(engine, data)
    else:
        result = run_lapor_import(engine, data, actor=cli_actor(), now=now_local(), file_name=path.name)
    print("\n".join(summary_lines(data, result)))
    return 0
