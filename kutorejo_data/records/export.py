"""Export reports as CSV, XLSX or Open311 GeoReport v2 JSON: one streaming implementation for CLI and UI.

The rows are exactly what `filters.report_conditions` selects, so an export matches the filtered view.
Reporter name and phone (personal data) are only read from the database when explicitly asked for.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, BinaryIO, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import ColumnElement, Connection, Engine, Select, case, func, select
from sqlalchemy.orm import aliased

from kutorejo_data.core import domain
from kutorejo_data.core.config import LOCAL_TZ, now_local
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, report_conditions
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, Laporan, Pengguna, StatusHistory

ExportFormat = Literal["csv", "xlsx", "open311"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "open311")
FILE_EXTENSIONS: dict[str, str] = {"csv": "csv", "xlsx": "xlsx", "open311": "json"}
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "open311": "application/json; charset=utf-8",
}

# Rows fetched per round trip; PostgreSQL uses a server-side cursor, so memory stays flat at any size.
CHUNK_SIZE = 2000
# Excel's sheet limit is 1,048,576 rows including the header; more rows continue on a new sheet.
XLSX_MAX_DATA_ROWS = 1_048_575

CSV_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

# OWASP "CSV injection" rule: a text cell starting with one of these is prefixed with an apostrophe,
# in CSV and in XLSX alike, so no spreadsheet ever evaluates report text as a formula (also after re-saving).
FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportRecord:
    """One report as exported, with its lifecycle dates taken from the status history."""

    id: int
    reported_at: datetime
    kelurahan_kode: str
    kelurahan_nama: str
    rw: str
    rt: str
    kategori_slug: str
    kategori_nama: str
    sla_hari: int
    judul: str
    deskripsi: str
    lokasi: str
    lat: float | None
    lon: float | None
    sumber: str
    prioritas: str
    status: str
    penanganan: str | None
    penanganan_nama: str | None
    diverifikasi_at: datetime | None
    diproses_at: datetime | None
    selesai_at: datetime | None
    updated_at: datetime
    latest_note: str | None
    duplikat_dari_id: int | None
    batas_selesai: datetime | None  # the category's SLA counted in working days from the report day
    penanggung_jawab: str | None
    kode_lacak: str | None  # the public tracking code (core/tracking.py)
    pelapor_nama: str | None = None
    pelapor_telepon: str | None = None

    @property
    def deadline(self) -> datetime:
        """When the report should be solved: the end of its SLA's last working day (never a weekend or holiday)."""
        # A report from before due dates were kept has none: its SLA from the report day, as it was then counted.
        return self.batas_selesai or self.reported_at + timedelta(days=self.sla_hari)

    def is_overdue(self, now: datetime) -> bool:
        """Still open and past its deadline at `now`."""
        return self.status in domain.OPEN_STATUSES and now > self.deadline


# ---------------------------------------------------------------------------------------------------------
# Query


def _history_time(aggregate: Any, to_status: str | None = None) -> ColumnElement[datetime | None]:
    """min/max(changed_at) of the current report's history (optionally only transitions to one status)."""
    h = aliased(StatusHistory)
    # The status test sits inside the aggregate, not in WHERE: with `to_status = ...` in WHERE PostgreSQL
    # may answer min/max by walking the (to_status, changed_at) index across all reports, once per report.
    changed_at = h.changed_at if to_status is None else case((h.to_status == to_status, h.changed_at))
    return select(aggregate(changed_at)).where(h.laporan_id == Laporan.id).correlate(Laporan).scalar_subquery()


def _latest_note() -> ColumnElement[str | None]:
    """The note of the current report's latest history row."""
    h = aliased(StatusHistory)
    return (
        select(h.note)
        .where(h.laporan_id == Laporan.id)
        .order_by(h.changed_at.desc(), h.id.desc())
        .limit(1)
        .correlate(Laporan)
        .scalar_subquery()
    )


def _lifecycle_columns() -> list[Any]:
    """Lifecycle dates of each selected report, aggregated from its own history rows.

    Correlated aggregates, each an index range scan on (laporan_id, changed_at), cost the same per row
    whatever the planner believes: a join against a GROUP BY subquery of the history degenerated into a
    quadratic nested loop on PostgreSQL while table statistics were missing (e.g. right after an import).
    They also let the first rows stream out before the whole history has been read.
    """
    return [
        _history_time(func.min, domain.STATUS_DIVERIFIKASI).label("diverifikasi_at"),
        _history_time(func.min, domain.STATUS_DIPROSES).label("diproses_at"),
        # A reopened report is not solved: the resolution date only counts while it is selesai now.
        case(
            (Laporan.status == domain.STATUS_SELESAI, _history_time(func.max, domain.STATUS_SELESAI)),
        ).label("selesai_at"),
        func.coalesce(_history_time(func.max), Laporan.updated_at).label("updated_at"),
        _latest_note().label("latest_note"),
    ]


def export_query(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, with_personal_data: bool = False
) -> Select:
    """The SELECT behind every export format, ordered by reported_at then id."""
    conditions = report_conditions(conn, filters, scope)
    # Aliases keep the filter's own subqueries (e.g. on kategori) from being correlated into this join.
    kel, rw, rt, kat = aliased(Kelurahan), aliased(RW), aliased(RT), aliased(Kategori)
    holder = aliased(Pengguna)
    columns: list[Any] = [
        Laporan.id,
        Laporan.reported_at,
        kel.kode.label("kelurahan_kode"),
        kel.nama.label("kelurahan_nama"),
        rw.nomor.label("rw"),
        rt.nomor.label("rt"),
        kat.slug.label("kategori_slug"),
        kat.nama.label("kategori_nama"),
        kat.sla_hari,
        Laporan.judul,
        Laporan.deskripsi,
        Laporan.lokasi,
        Laporan.lat,
        Laporan.lon,
        Laporan.sumber,
        Laporan.prioritas,
        Laporan.status,
        Laporan.penanganan,
        Laporan.penanganan_nama,
        *_lifecycle_columns(),
        Laporan.duplikat_dari_id,
        Laporan.batas_selesai,
        func.coalesce(func.nullif(holder.nama, ""), holder.username).label("penanggung_jawab"),
        Laporan.kode_lacak,
    ]
    if with_personal_data:
        columns += [Laporan.pelapor_nama, Laporan.pelapor_telepon]
    return (
        select(*columns)
        .join_from(Laporan, kat, kat.id == Laporan.kategori_id)
        .join(rt, rt.id == Laporan.rt_id)
        .join(rw, rw.id == Laporan.rw_id)
        .join(kel, kel.id == Laporan.kelurahan_id)
        .outerjoin(holder, holder.id == Laporan.penanggung_jawab_id)
        .where(*conditions)
        .order_by(Laporan.reported_at, Laporan.id)
    )


def iter_records(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, with_personal_data: bool = False
) -> Iterator[ExportRecord]:
    """Stream the selected reports in chunks of CHUNK_SIZE rows."""
    stmt = export_query(conn, filters, scope, with_personal_data=with_personal_data)
    for row in conn.execute(stmt.execution_options(yield_per=CHUNK_SIZE)):
        yield ExportRecord(**row._mapping)


# ---------------------------------------------------------------------------------------------------------
# Cell values shared by CSV and XLSX


def neutralise_formula(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would read as a formula (see FORMULA_TRIGGERS)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def tabular_headers(with_personal_data: bool = False) -> list[str]:
    """The Indonesian column headers of the CSV and XLSX exports."""
    headers = [
        "No. laporan",
        "Tanggal lapor",
        "Kode wilayah",
        "Kelurahan",
        "RW",
        "RT",
        "Kategori",
        "Judul",
        "Deskripsi",
        "Lokasi",
        "Lintang",
        "Bujur",
        "Sumber",
        "Prioritas",
        "Status",
        "Penanganan",
        "Nama penanganan",
        "Penanggung jawab",
        "Tanggal diverifikasi",
        "Tanggal diproses",
        "Tanggal selesai",
        "Pembaruan terakhir",
        "Catatan terakhir",
        "Batas waktu (hari kerja)",
        "Terlambat",
        "Duplikat dari",
        "Kode lacak",
    ]
    if with_personal_data:
        headers += ["Nama pelapor", "Telepon pelapor"]
    return headers


def tabular_values(record: ExportRecord, now: datetime, with_personal_data: bool = False) -> list[Any]:
    """One report's cells, in the order of `tabular_headers`; None is an empty cell."""
    values: list[Any] = [
        record.id,
        record.reported_at,
        record.kelurahan_kode,
        record.kelurahan_nama,
        record.rw,
        record.rt,
        record.kategori_nama,
        record.judul,
        record.deskripsi,
        record.lokasi,
        record.lat,
        record.lon,
        record.sumber,
        record.prioritas,
        record.status,
        record.penanganan,
        record.penanganan_nama,
        record.penanggung_jawab,
        record.diverifikasi_at,
        record.diproses_at,
        record.selesai_at,
        record.updated_at,
        record.latest_note or None,
        record.deadline,
        "ya" if record.is_overdue(now) else "tidak",
        record.duplikat_dari_id,
        record.kode_lacak,
    ]
    if with_personal_data:
        values += [record.pelapor_nama, record.pelapor_telepon]
    return values


# ---------------------------------------------------------------------------------------------------------
# CSV


def _csv_cell(value: Any) -> Any:
    """A CSV field: dates as 'YYYY-MM-DD HH:MM', text neutralised, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(CSV_DATETIME_FORMAT)
    if isinstance(value, str):
        return neutralise_formula(value)
    return value


def write_csv(records: Iterable[ExportRecord], out: BinaryIO, now: datetime, with_personal_data: bool) -> int:
    """Write UTF-8 CSV with a BOM (so Excel on Windows detects the encoding); return the row count."""
    out.write(codecs.BOM_UTF8)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    count = 0
    try:
        writer = csv.writer(text)
        writer.writerow(tabular_headers(with_personal_data))
        for record in records:
            writer.writerow([_csv_cell(v) for v in tabular_values(record, now, with_personal_data)])
            count += 1
    finally:
        text.flush()
        text.detach()  # the caller owns `out`: do not close it
    return count


# ---------------------------------------------------------------------------------------------------------
# XLSX

_XLSX_WIDTHS: dict[str, float] = {
    "No. laporan": 11,
    "Kode wilayah": 15,
    "Kelurahan": 16,
    "RW": 5,
    "RT": 5,
    "Kategori": 24,
    "Judul": 40,
    "Deskripsi": 60,
    "Lokasi": 30,
    "Lintang": 11,
    "Bujur": 11,
    "Nama penanganan": 24,
    "Penanggung jawab": 20,
    "Catatan terakhir": 40,
    "Terlambat": 10,
    "Nama pelapor": 24,
    "Telepon pelapor": 16,
}
_XLSX_DATE_WIDTH = 17
_XLSX_DEFAULT_WIDTH = 13


def _xlsx_width(header: str) -> float:
    """A readable column width for a header (dates fit 'yyyy-mm-dd hh:mm')."""
    if header.startswith(("Tanggal", "Pembaruan", "Batas waktu")):
        return _XLSX_DATE_WIDTH
    return _XLSX_WIDTHS.get(header, _XLSX_DEFAULT_WIDTH)


def _xlsx_sheet(workbook: Workbook, headers: list[str], number: int) -> WriteOnlyWorksheet:
    """A new sheet with widths, a frozen bold header row (write-only sheets need these before any row)."""
    sheet = workbook.create_sheet("Laporan" if number == 1 else f"Laporan {number}")
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _xlsx_width(header)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    row = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        row.append(cell)
    sheet.append(row)
    return sheet


def _xlsx_cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """An XLSX cell: real datetimes, numbers as numbers, text always a plain (neutralised) string."""
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = XLSX_DATETIME_FORMAT
        return cell
    if not isinstance(value, str):
        return value
    # Control characters are invalid in the XML of a worksheet; neutralising leaves no leading '='.
    text = neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    if text in ERROR_CODES:  # openpyxl would otherwise type '#N/A' and friends as error cells
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text


def write_xlsx(records: Iterable[ExportRecord], out: BinaryIO, now: datetime, with_personal_data: bool) -> int:
    """Write an XLSX workbook row by row (openpyxl write-only mode); return the row count."""
    workbook = Workbook(write_only=True)
    headers = tabular_headers(with_personal_data)
    sheets = 1
    sheet = _xlsx_sheet(workbook, headers, sheets)
    count = rows_in_sheet = 0
    for record in records:
        if rows_in_sheet == XLSX_MAX_DATA_ROWS:
            sheets += 1
            sheet = _xlsx_sheet(workbook, headers, sheets)
            rows_in_sheet = 0
        sheet.append([_xlsx_cell(sheet, v) for v in tabular_values(record, now, with_personal_data)])
        count += 1
        rows_in_sheet += 1
    workbook.save(out)
    return count


# ---------------------------------------------------------------------------------------------------------
# Open311 GeoReport v2


def iso_local(value: datetime | None) -> str | None:
    """ISO 8601 with the WIB offset (+07:00) for a naive local timestamp as stored."""
    if value is None:
        return None
    return value.replace(tzinfo=LOCAL_TZ).isoformat(timespec="seconds")


def _is_desa(kode: str) -> bool:
    """Kemendagri codes: a `2xxx` suffix is a desa, a `1xxx` suffix a kelurahan."""
    return kode.rsplit(".", 1)[-1].startswith("2")


def _agency_responsible(record: ExportRecord) -> str | None:
    """Who handles the report now, named the way residents know them."""
    if record.penanganan == "rt":
        return f"Ketua RT {record.rt} / RW {record.rw}"
    if record.penanganan == "rw":
        return f"Ketua RW {record.rw}"
    if record.penanganan == "kelurahan":
        return f"{'Desa' if _is_desa(record.kelurahan_kode) else 'Kelurahan'} {record.kelurahan_nama}"
    if record.penanganan == "dinas":
        return record.penanganan_nama or None
    return None


def _address(record: ExportRecord) -> str:
    """'RT 002 / RW 03, Kel. Kutorejo' plus the location text when there is one."""
    village = f"{'Desa' if _is_desa(record.kelurahan_kode) else 'Kel.'} {record.kelurahan_nama}"
    address = f"RT {record.rt} / RW {record.rw}, {village}"
    lokasi = (record.lokasi or "").strip()
    return f"{address}, {lokasi}" if lokasi else address


def open311_request(record: ExportRecord, with_personal_data: bool = False) -> dict[str, Any]:
    """One report as an Open311 GeoReport v2 service request (GET requests.json shape) plus local fields."""
    deskripsi = (record.deskripsi or "").strip()
    request: dict[str, Any] = {
        "service_request_id": str(record.id),
        "status": "open" if record.status in domain.OPEN_STATUSES else "closed",
        "status_notes": record.latest_note or None,
        "service_name": record.kategori_nama,
        "service_code": record.kategori_slug,
        "description": f"{record.judul}: {deskripsi}" if deskripsi else record.judul,
        "agency_responsible": _agency_responsible(record),
        "service_notice": None,
        "requested_datetime": iso_local(record.reported_at),
        "updated_datetime": iso_local(record.updated_at),
        "expected_datetime": iso_local(record.deadline),
        "address": _address(record),
        "address_id": None,
        "zipcode": None,
        "lat": None if record.lat is None else float(record.lat),
        "long": None if record.lon is None else float(record.lon),
        "media_url": None,
        "kode_wilayah": record.kelurahan_kode,
        "rw": record.rw,
        "rt": record.rt,
        "status_detail": record.status,
        "kode_lacak": record.kode_lacak,
    }
    if with_personal_data:
        request["reporter_name"] = record.pelapor_nama
        request["reporter_phone"] = record.pelapor_telepon
    return request


def write_open311(records: Iterable[ExportRecord], out: BinaryIO, with_personal_data: bool) -> int:
    """Write a JSON array object by object (never one giant string); return the object count."""
    count = 0
    out.write(b"[")
    for record in records:
        item = json.dumps(open311_request(record, with_personal_data), ensure_ascii=False)
        out.write((",\n" if count else "\n").encode("utf-8") + item.encode("utf-8"))
        count += 1
    out.write(b"\n]\n" if count else b"]\n")
    return count


# ---------------------------------------------------------------------------------------------------------
# Entry points


def export_reports(
    engine: Engine,
    fmt: ExportFormat,
    out: BinaryIO,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    with_personal_data: bool = False,
) -> int:
    """Write the reports matching the filters (inside the scope) to `out` in `fmt`; return how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    now = now_local()  # one instant for the whole file, so "Terlambat" is consistent across rows
    with engine.connect() as conn:
        records = iter_records(conn, filters, scope, with_personal_data=with_personal_data)
        if fmt == "csv":
            return write_csv(records, out, now, with_personal_data)
        if fmt == "xlsx":
            return write_xlsx(records, out, now, with_personal_data)
        return write_open311(records, out, with_personal_data)


def export_filename(fmt: ExportFormat, filters: ReportFilters, today: date | None = None) -> str:
    """A descriptive download name, e.g. `laporan_rw03_rt002_2026-01-01_2026-06-30.csv`."""
    parts = ["laporan"]
    if filters.rw:
        parts.append(f"rw{filters.rw}")
    if filters.rt:
        parts.append(f"rt{filters.rt}")
    if filters.dari or filters.sampai:
        parts.append(f"{filters.dari or ''}_{filters.sampai or ''}".strip("_"))
    else:
        parts.append(str(today or now_local().date()))
    return "_".join(parts) + "." + FILE_EXTENSIONS[fmt]
