"""An SP4N-LAPOR! admin export (CSV or XLSX) read into status updates for the reports linked by their LAPOR! ID.

The file passes the upload guard and the spreadsheet reader of every import (intake/reading.py), and its columns are
recognised like a recap's (intake/columns.py, `LAPOR_FIELDS`: renamed or reordered columns are found). Without a
column for the tracking ID or for the status, the whole file is refused with a message and nothing is written. Rows
whose status LAPOR! words are not known, or whose ID is not one, are listed and skipped; IDs that no report here
carries are listed by records/lapor.py and change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from kutorejo_data.core import domain
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.records.lapor import LaporResult, LaporUpdate, apply_updates, normalise_lapor_id, plan_updates

from .columns import ColumnMap, map_columns
from .reading import ImportRefused, Table, read_table
from .values import is_blank, normalise

# LAPOR!'s words for where a complaint stands (normalised), and the status each means here.
LAPOR_STATUSES: dict[str, str] = {
    "belum terverifikasi": domain.STATUS_BARU,
    "belum diverifikasi": domain.STATUS_BARU,
    "menunggu verifikasi": domain.STATUS_BARU,
    "baru": domain.STATUS_BARU,
    "terverifikasi": domain.STATUS_DIVERIFIKASI,
    "diverifikasi": domain.STATUS_DIVERIFIKASI,
    "terdisposisi": domain.STATUS_DIVERIFIKASI,
    "didisposisikan": domain.STATUS_DIVERIFIKASI,
    "disposisi": domain.STATUS_DIVERIFIKASI,
    "menunggu tindak lanjut": domain.STATUS_DIVERIFIKASI,
    "diproses": domain.STATUS_DIPROSES,
    "dalam proses": domain.STATUS_DIPROSES,
    "proses": domain.STATUS_DIPROSES,
    "ditindaklanjuti": domain.STATUS_DIPROSES,
    "sedang ditindaklanjuti": domain.STATUS_DIPROSES,
    "tindak lanjut": domain.STATUS_DIPROSES,
    "selesai": domain.STATUS_SELESAI,
    "telah ditindaklanjuti": domain.STATUS_SELESAI,
    "sudah ditindaklanjuti": domain.STATUS_SELESAI,
    "selesai ditindaklanjuti": domain.STATUS_SELESAI,
    "tuntas": domain.STATUS_SELESAI,
    "ditutup": domain.STATUS_SELESAI,
    "closed": domain.STATUS_SELESAI,
    "ditolak": domain.STATUS_DITOLAK,
    "tidak valid": domain.STATUS_DITOLAK,
    "diarsipkan": domain.STATUS_DITOLAK,
    "arsip": domain.STATUS_DITOLAK,
}
CATATAN_MAX = 1000


class LaporRefused(ImportRefused):
    """The whole LAPOR! file is refused (unreadable, or its ID or status column not found); nothing is written."""


@dataclass(frozen=True)
class SkippedRow:
    """A row that names no usable update: its row number, what it held, and why (an i18n key)."""

    row: int
    value: str
    reason: str


@dataclass(frozen=True)
class LaporFile:
    """A LAPOR! export read: its updates, the rows skipped, and which columns were used."""

    updates: tuple[LaporUpdate, ...]
    skipped: tuple[SkippedRow, ...]
    columns: ColumnMap


def lapor_status(text: object) -> str | None:
    """The status a LAPOR! status text means here, or None when it is not one LAPOR! uses."""
    return None if is_blank(text) else LAPOR_STATUSES.get(normalise(str(text)))


def _cell(cells: tuple[object, ...], columns: ColumnMap, name: str) -> object:
    index = columns.fields.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def updates_from_table(table: Table) -> LaporFile:
    """The updates of a read table; raises LaporRefused when its ID or status column is not found."""
    columns = map_columns(table.headers, "lapor")
    if columns.missing:
        found = ", ".join(columns.headers) or "—"
        raise LaporRefused("sp4n.refused.columns", kolom=", ".join(columns.missing), ada=found[:300])
    updates: list[LaporUpdate] = []
    skipped: list[SkippedRow] = []
    for number, cells in table.rows:
        raw_id, raw_status = _cell(cells, columns, "lapor_id"), _cell(cells, columns, "status")
        lapor_id = normalise_lapor_id(raw_id)
        if lapor_id is None:
            skipped.append(SkippedRow(number, "" if raw_id is None else str(raw_id)[:60], "sp4n.reason.bad_id"))
            continue
        status = lapor_status(raw_status)
        if status is None:
            shown = "" if raw_status is None else str(raw_status)[:60]
            skipped.append(SkippedRow(number, f"{lapor_id}: {shown}", "sp4n.reason.bad_status"))
            continue
        catatan = _cell(cells, columns, "catatan")
        note = "" if is_blank(catatan) else str(catatan).strip()[:CATATAN_MAX]
        updates.append(LaporUpdate(number, lapor_id, status, str(raw_status).strip(), note))
    return LaporFile(tuple(updates), tuple(skipped), columns)


def read_lapor_file(data: bytes) -> LaporFile:
    """Read an uploaded LAPOR! export through the upload guard; raises ImportRefused (LaporRefused for columns)."""
    return updates_from_table(read_table(data, "lapor"))


def preview_lapor(engine: Engine, data: LaporFile, scope: Scope = EVERYTHING) -> LaporResult:
    """What importing would change, without writing."""
    with engine.connect() as conn:
        return plan_updates(conn, data.updates, scope)


def run_lapor_import(
    engine: Engine, data: LaporFile, *, actor: str, scope: Scope = EVERYTHING, now: datetime, file_name: str | None
) -> LaporResult:
    """Write the updates in one transaction (records/lapor.apply_updates)."""
    return apply_updates(engine, data.updates, actor=actor, scope=scope, now=now, file_name=file_name)
