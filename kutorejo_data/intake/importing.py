"""Import reports or activities from CSV/XLSX: read, map columns, preview, then write in one transaction.

The same functions serve the Impor & Ekspor page and `python -m kutorejo_data import`. Nothing is written
until `run_import(..., dry_run=False)`; it plans again inside its write transaction, so what it writes is
consistent with the database at that moment even if the preview is older. Each import writes one audit entry
(what the file added, updated and left as it was) in that same transaction.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.records import audit

from .activities import plan_activities, write_activities
from .columns import IGNORE, ColumnMap, display_headers, field_names, map_columns, resolve_overrides
from .common import ImportOptions, ImportPlan
from .reading import ImportRefused, Table, read_table
from .reports import plan_reports, write_reports

SUMMARY_REASONS = 20  # rejected rows listed by the command line; the page shows them all

# The import's public face; the page and the command line need nothing from the import_* modules directly.
__all__ = [
    "ImportOptions",
    "ImportPlan",
    "ImportRefused",
    "Table",
    "column_summary",
    "columns_for",
    "preview_frames",
    "preview_import",
    "read_table",
    "refusal_message",
    "run_import",
    "summary_lines",
]


def columns_for(table: Table, options: ImportOptions) -> ColumnMap:
    """The column map of a table with the user's mapping applied; raises ImportRefused for a bad mapping."""
    headers = display_headers(table.headers)
    try:
        overrides = resolve_overrides(headers, dict(options.mapping), options.jenis)
    except KeyError as missing:
        raise ImportRefused("import.refused.map_header", kolom=missing.args[0]) from None
    except ValueError as wrong:
        raise ImportRefused(
            "import.refused.map_field", isian=wrong.args[0], daftar=", ".join([*field_names(options.jenis), IGNORE])
        ) from None
    return map_columns(table.headers, options.jenis, overrides)


def _plan(conn: Connection, table: Table, options: ImportOptions, scope: Scope, now: datetime) -> ImportPlan:
    columns = columns_for(table, options)
    if columns.missing:
        raise ImportRefused("import.refused.missing_columns", kolom=", ".join(columns.missing))
    planner = plan_reports if options.jenis == "laporan" else plan_activities
    return planner(conn, table, columns, options, scope, now)


def preview_import(
    engine: Engine, table: Table, options: ImportOptions, scope: Scope = EVERYTHING, now: datetime | None = None
) -> ImportPlan:
    """What importing the table would do, without writing anything."""
    with engine.connect() as conn:
        return _plan(conn, table, options, scope, now or now_local())


def _audit_summary(plan: ImportPlan, file_name: str | None) -> dict[str, object]:
    """The import's audit entry: counts of what it did (one entry per file, not one per row), and the file."""
    summary: dict[str, object] = {
        "ditambah": len(plan.added),
        "diperbarui": len(plan.updated),
        "sama": len(plan.unchanged),
        "ditolak": len(plan.rejected),
    }
    if file_name:
        summary["berkas"] = file_name
    return summary


def run_import(
    engine: Engine,
    table: Table,
    options: ImportOptions,
    scope: Scope = EVERYTHING,
    *,
    actor: str,
    file_name: str | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> ImportPlan:
    """Plan and write the accepted rows and one audit entry in one transaction (nothing at all on any error).

    Returns what was done; a dry run only plans. A read-only scope is refused (ServiceError) before anything.
    """
    require_writable(scope)
    now = now or now_local()
    if dry_run:
        return preview_import(engine, table, options, scope, now)
    try:
        with write_transaction(engine) as conn:
            plan = _plan(conn, table, options, scope, now)
            if plan.jenis == "laporan":
                write_reports(conn, plan, actor, now)
            else:
                write_activities(conn, plan, now)
            audit.record(conn, actor, "import", plan.jenis, after=_audit_summary(plan, file_name), at=now)
    except IntegrityError as error:
        # A unique number taken between planning and writing: another import of the same rows ran meanwhile.
        raise ImportRefused("import.refused.changed_meanwhile") from error
    return plan


def refusal_message(refused: ImportRefused, lang: str) -> str:
    """The user-facing text of a refusal."""
    return t(refused.key, lang, **refused.values)


def preview_frames(plan: ImportPlan, lang: str) -> dict[str, pd.DataFrame]:
    """The preview's tables (added, updated, unchanged, rejected), with the reader's column names."""
    rejected = [
        {t("import.col.baris", lang): r.row, t("import.col.alasan", lang): r.message(plan.columns, lang)}
        for r in plan.rejected
    ]
    return {
        "added": pd.DataFrame([item.display(lang) for item in plan.added]),
        "updated": pd.DataFrame([item.display(lang) for item in plan.updated]),
        "unchanged": pd.DataFrame([item.display(lang) for item in plan.unchanged]),
        "rejected": pd.DataFrame(rejected),
    }


def column_summary(columns: ColumnMap, lang: str) -> tuple[list[str], list[str]]:
    """('Header → field' for each recognised column, headers that are ignored)."""
    recognised = [
        f"{columns.headers[index]} → {t(f'import.field.{name}', lang)}"
        for name, index in sorted(columns.fields.items(), key=lambda item: item[1])
    ]
    used = set(columns.fields.values())
    ignored = [header for index, header in enumerate(columns.headers) if index not in used]
    return recognised, ignored


def summary_lines(plan: ImportPlan, lang: str, *, limit: int = SUMMARY_REASONS) -> list[str]:
    """Counts and the first `limit` rejected rows, one line each, for the command line."""
    lines = [
        f"{t('import.count.added', lang)}: {fmt_int(len(plan.added), lang)}",
        f"{t('import.count.updated', lang)}: {fmt_int(len(plan.updated), lang)}",
        f"{t('import.count.unchanged', lang)}: {fmt_int(len(plan.unchanged), lang)}",
        f"{t('import.count.rejected', lang)}: {fmt_int(len(plan.rejected), lang)}",
    ]
    lines += [f"  {t('import.row', lang, baris=r.row)}: {r.message(plan.columns, lang)}" for r in plan.rejected[:limit]]
    if len(plan.rejected) > limit:
        lines.append("  " + t("import.more_rejected", lang, jumlah=fmt_int(len(plan.rejected) - limit, lang)))
    if plan.empty_rows:
        lines.append(t("import.empty_rows", lang, jumlah=fmt_int(plan.empty_rows, lang)))
    lines += [notice.message(plan.columns, lang) for notice in plan.notices]
    return lines


# ---------------------------------------------------------------------------------------------------------
# Command line
