"""`python -m kutorejo_data import FILE`: reports or activities from a CSV or XLSX file, as the page reads them."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.access.accounts import cli_actor
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.intake.columns import IGNORE, Jenis, field_names
from kutorejo_data.intake.common import AreaIndex, ImportOptions
from kutorejo_data.intake.importing import column_summary, refusal_message, run_import, summary_lines
from kutorejo_data.intake.reading import ImportRefused, Table, check_size, read_table

from .args import UsageError, kelurahan_code


def parse_mapping(pairs: Sequence[str] | None, jenis: Jenis) -> tuple[tuple[str, str], ...]:
    """`--map "Kolom X=judul"` arguments as (header, field) pairs; an empty field ignores the column."""
    mapping = []
    allowed = field_names(jenis)
    for pair in pairs or ():
        header, sep, name = pair.rpartition("=")
        name = name.strip() or IGNORE
        if not sep or not header.strip():
            raise UsageError(f'--map harus berbentuk "Judul kolom=isian", bukan {pair!r}')
        if name != IGNORE and name not in allowed:
            raise UsageError(f"--map: isian {name!r} tidak dikenal; pilih salah satu: {', '.join(allowed)}")
        mapping.append((header.strip(), name))
    return tuple(mapping)


def _options(engine: Engine, args: argparse.Namespace) -> ImportOptions:
    kode = kelurahan_code(args.kelurahan)
    if kode is not None:
        with engine.connect() as conn:
            if kode not in AreaIndex(conn).kelurahan:
                raise UsageError(f"kelurahan {kode} belum ada di database")
    return ImportOptions(jenis=args.jenis, kelurahan_kode=kode, mapping=parse_mapping(args.map, args.jenis))


def _read_file(path: Path, jenis: Jenis) -> Table:
    """Check the size before reading anything, then parse."""
    check_size(path.stat().st_size)
    return read_table(path.read_bytes(), jenis)


def run_import_command(engine: Engine, args: argparse.Namespace) -> int:
    """`python -m kutorejo_data import FILE`; exit 0 when rows were accepted, 1 when none could be, 2 on usage."""
    lang = "id"
    path = Path(args.file)
    try:
        options = _options(engine, args)
        if not path.is_file():
            raise UsageError(f"berkas tidak ditemukan: {path}")
    except UsageError as error:
        print(f"import: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        table = _read_file(path, options.jenis)
        print(
            t(
                "import.cli.file",
                lang,
                nama=path.name,
                format=table.file_format.upper(),
                baris=fmt_int(len(table.rows), lang),
            )
        )
        plan = run_import(engine, table, options, actor=cli_actor(), file_name=path.name, dry_run=args.dry_run)
    except ImportRefused as refused:
        print(f"{t('import.cli.refused', lang)}: {refusal_message(refused, lang)}", file=sys.stderr)
        return 1
    recognised, ignored = column_summary(plan.columns, lang)
    print(f"{t('import.columns_recognised', lang)}: {', '.join(recognised)}")
    if ignored:
        print(f"{t('import.columns_ignored', lang)}: {', '.join(ignored)}")
    print("\n".join(summary_lines(plan, lang)))
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(t("import.cli.dry_run" if args.dry_run else "import.cli.done", lang, detik=seconds))
    return 0 if plan.accepted else 1
