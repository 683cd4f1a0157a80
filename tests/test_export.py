"""The export contract: CSV, XLSX and Open311 JSON of exactly the filtered reports, streamed, safe for Excel."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import Engine

from kutorejo_data.cli.main import main
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.tracking import normalise_code
from kutorejo_data.records import export as exporting
from kutorejo_data.records.export import export_query, export_reports
from tests.factories import add_area, add_report

NOW = datetime(2026, 11, 29, 12, 0)

OPEN311_KEYS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
    "kode_wilayah",
    "rw",
    "rt",
    "status_detail",
    "kode_lacak",
}

NAME = "Siti Rahayu"
PHONE = "081234567890"


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every export in these tests happens at NOW, so 'Terlambat' is reproducible."""
    monkeypatch.setattr(exporting, "now_local", lambda: NOW)


def export_bytes(
    engine: Engine,
    fmt: exporting.ExportFormat,
    filters: ReportFilters | None = None,
    scope: Scope = EVERYTHING,
    **kwargs: bool,
) -> bytes:
    out = io.BytesIO()
    export_reports(engine, fmt, out, filters or ReportFilters(), scope, **kwargs)
    return out.getvalue()


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def xlsx_rows(data: bytes) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def all_text(fmt: str, data: bytes) -> str:
    """Everything a file contains, as text (an XLSX is a zip of XML parts)."""
    if fmt != "xlsx":
        return data.decode("utf-8-sig")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())


# --- Open311 ------------------------------------------------------------------------------------------------


def test_open311_requests_have_the_georeport_v2_fields_and_types(any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn)
        add_report(
            conn,
            area,
            "drainase-banjir",  # SLA 14 days
            datetime(2026, 3, 1, 8, 30),
            [
                (datetime(2026, 3, 2, 9, 0), "diverifikasi", "rt"),
                (datetime(2026, 3, 5, 10, 0), "diproses", ("dinas", "Dinas PUPR")),
                (datetime(2026, 3, 10, 16, 0), "selesai", ("dinas", "Dinas PUPR"), "Saluran sudah dibersihkan"),
            ],
            judul="Selokan mampet",
            deskripsi="Air meluap ke jalan",
            lokasi="Gang Mawar",
            lat=-7.65,
            lon=112.68,
        )
        add_report(conn, area, "sampah-kebersihan", datetime(2026, 4, 1, 7, 0), judul="Sampah menumpuk")

    solved, fresh = json.loads(export_bytes(any_db, "open311").decode("utf-8"))

    assert set(solved) == OPEN311_KEYS
    assert solved == {
        "service_request_id": solved["service_request_id"],
        "status": "closed",
        "status_notes": "Saluran sudah dibersihkan",
        "service_name": "Drainase & banjir",
        "service_code": "drainase-banjir",
        "description": "Selokan mampet: Air meluap ke jalan",
        "agency_responsible": "Dinas PUPR",
        "service_notice": None,
        "requested_datetime": "2026-03-01T08:30:00+07:00",
        "updated_datetime": "2026-03-10T16:00:00+07:00",
        # 14 working days from Sunday 1 March 2026: 2–6, 9–13, 16, 17 March, then Nyepi and Idul Fitri with its
        # cuti bersama (18–24 March) are days off, so the 13th and 14th are 25 and 26 March; due at that day's end.
        "expected_datetime": "2026-03-26T23:59:59+07:00",
        "address": "RT 002 / RW 03, Kel. Kutorejo, Gang Mawar",
        "address_id": None,
        "zipcode": None,
        "lat": -7.65,
        "long": 112.68,
        "media_url": None,
        "kode_wilayah": "35.14.11.1006",
        "rw": "03",
        "rt": "002",
        "status_detail": "selesai",
        "kode_lacak": solved["kode_lacak"],
    }
    assert normalise_code(solved["kode_lacak"]) == solved["kode_lacak"]
    assert isinstance(solved["service_request_id"], str) and solved["service_request_id"].isdigit()
    assert isinstance(solved["lat"], float) and isinstance(solved["long"], float)
    assert fresh["status"] == "open"
    assert fresh["status_notes"] is None
    assert fresh["description"] == "Sampah menumpuk"
    assert fresh["agency_responsible"] is None
    assert fresh["address"] == "RT 002 / RW 03, Kel. Kutorejo"
    assert fresh["lat"] is None and fresh["long"] is None
    # sampah: 7 working days from Wednesday 1 April: Good Friday (3 April) and the weekends are skipped.
    assert fresh["expected_datetime"] == "2026-04-13T23:59:59+07:00"


@pytest.mark.parametrize(
    ("history", "open311_status"),
    [
        ([], "open"),
        ([(datetime(2026, 5, 2), "diverifikasi", None)], "open"),
        ([(datetime(2026, 5, 2), "diproses", "rt")], "open"),
        ([(datetime(2026, 5, 2), "diproses", "rt"), (datetime(2026, 5, 3), "selesai", "rt")], "closed"),
        ([(datetime(2026, 5, 2), "ditolak", None)], "closed"),
        ([(datetime(2026, 5, 2), "duplikat", None)], "closed"),
    ],
    ids=["baru", "diverifikasi", "diproses", "selesai", "ditolak", "duplikat"],
)
def test_open311_status_is_open_or_closed(fresh_db: Engine, history: list, open311_status: str) -> None:
    with fresh_db.begin() as conn:
        area = add_area(conn)
        original = add_report(conn, area, "lainnya", datetime(2026, 5, 1))
        add_report(conn, area, "lainnya", datetime(2026, 5, 1, 1), history, duplikat_dari_id=original)

    _, request = json.loads(export_bytes(fresh_db, "open311"))

    assert request["status"] == open311_status
    assert request["status_detail"] == (history[-1][1] if history else "baru")


@pytest.mark.parametrize(
    ("handler", "agency"),
    [
        (None, None),
        ("rt", "Ketua RT 002 / RW 03"),
        ("rw", "Ketua RW 03"),
        ("kelurahan", "Kelurahan Kutorejo"),
        (("dinas", "DLH Kabupaten Pasuruan"), "DLH Kabupaten Pasuruan"),
    ],
)
def test_open311_agency_responsible_names_the_handler(fresh_db: Engine, handler, agency: str | None) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn), "lainnya", datetime(2026, 5, 1), [(datetime(2026, 5, 2), "diproses", handler)])

    [request] = json.loads(export_bytes(fresh_db, "open311"))

    assert request["agency_responsible"] == agency


def test_open311_names_a_desa_as_desa(fresh_db: Engine) -> None:
    with fresh_db.begin() as conn:
        area = add_area(conn, kode="35.14.11.2001", rw="1", rt="4", nama="Sumberrejo")
        add_report(conn, area, "lainnya", datetime(2026, 5, 1), [(datetime(2026, 5, 2), "diproses", "kelurahan")])

    [request] = json.loads(export_bytes(fresh_db, "open311"))

    assert request["address"] == "RT 004 / RW 01, Desa Sumberrejo"
    assert request["agency_responsible"] == "Desa Sumberrejo"


def test_open311_of_nothing_is_an_empty_json_array(fresh_db: Engine) -> None:
    assert json.loads(export_bytes(fresh_db, "open311")) == []


# --- Filters ------------------------------------------------------------------------------------------------


def _filter_dataset(engine: Engine) -> None:
    """Five reports around the period 1–28 Feb 2026, on both sides of each boundary."""
    with engine.begin() as conn:
        rw03_rt002 = add_area(conn, rw="03", rt="002")
        rw03_rt001 = add_area(conn, rw="03", rt="001")
        rw01_rt001 = add_area(conn, rw="01", rt="001")
        add_report(conn, rw03_rt002, "lainnya", datetime(2026, 1, 31, 23, 59), judul="a: day before dari")
        add_report(conn, rw03_rt002, "lainnya", datetime(2026, 2, 1, 0, 0), judul="b: midnight of dari")
        add_report(conn, rw03_rt001, "lainnya", datetime(2026, 2, 15, 12, 0), judul="c: middle")
        add_report(conn, rw01_rt001, "lainnya", datetime(2026, 2, 28, 23, 59), judul="d: 23:59 of sampai")
        add_report(conn, rw03_rt002, "lainnya", datetime(2026, 3, 1, 0, 0), judul="e: day after sampai")


FEB = {"dari": date(2026, 2, 1), "sampai": date(2026, 2, 28)}


@pytest.mark.parametrize(
    ("filters", "scope", "expected"),
    [
        (ReportFilters(), EVERYTHING, "abcde"),
        (ReportFilters(rw="03"), EVERYTHING, "abce"),
        (ReportFilters(rw="03", rt="002"), EVERYTHING, "abe"),
        (ReportFilters(rw="01"), EVERYTHING, "d"),
        (ReportFilters(rw="09"), EVERYTHING, ""),
        (ReportFilters(**FEB), EVERYTHING, "bcd"),
        (ReportFilters(dari=date(2026, 2, 28), sampai=date(2026, 2, 28)), EVERYTHING, "d"),
        (ReportFilters(rw="03", **FEB), EVERYTHING, "bc"),
        (ReportFilters(kelurahan_kode="35.14.11.1006", rw="03", rt="001"), EVERYTHING, "c"),
        (ReportFilters(), Scope(kelurahan_kode="35.14.11.1006", rw="03"), "abce"),
        (ReportFilters(rw="01"), Scope(kelurahan_kode="35.14.11.1006", rw="03"), ""),
    ],
    ids=[
        "all",
        "rw",
        "rw-rt",
        "other-rw",
        "unknown-rw",
        "period-inclusive",
        "single-day",
        "rw-and-period",
        "kelurahan-rw-rt",
        "scope-rw",
        "outside-scope",
    ],
)
def test_filters_select_exactly_the_expected_reports(
    any_db: Engine, filters: ReportFilters, scope: Scope, expected: str
) -> None:
    _filter_dataset(any_db)
    out = io.BytesIO()

    count = export_reports(any_db, "open311", out, filters, scope)

    labels = [request["description"][0] for request in json.loads(out.getvalue())]
    assert "".join(labels) == expected  # also in reported_at order
    assert count == len(expected)


def test_export_streams_in_chunks_and_keeps_the_order(any_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporting, "CHUNK_SIZE", 2)  # several round trips (a server-side cursor on PostgreSQL)
    with any_db.begin() as conn:
        area = add_area(conn)
        same_time = datetime(2026, 6, 1, 9, 0)
        ids = [add_report(conn, area, "lainnya", same_time, judul=f"r{i}") for i in range(5)]
        ids.insert(0, add_report(conn, area, "lainnya", datetime(2026, 5, 31), judul="earliest"))

    rows = csv_rows(export_bytes(any_db, "csv"))

    assert [int(row["No. laporan"]) for row in rows] == ids  # by reported_at, then id


# --- Spreadsheet safety ---------------------------------------------------------------------------------------

DANGEROUS_TITLES = ["=1+1", "@SUM(A1)", "+6281234567890", "-5", '=HYPERLINK("http://x")', "\t=1", "\r=1"]


@pytest.mark.parametrize("title", DANGEROUS_TITLES)
def test_csv_neutralises_formulas_with_an_apostrophe(fresh_db: Engine, title: str) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn), "lainnya", datetime(2026, 5, 1), judul=title, lokasi=title, lat=-7.6)

    [row] = csv_rows(export_bytes(fresh_db, "csv"))

    assert row["Judul"] == "'" + title
    assert row["Lokasi"] == "'" + title
    assert row["Lintang"] == "-7.6"  # numbers are not text: left alone


@pytest.mark.parametrize("title", DANGEROUS_TITLES)
def test_xlsx_writes_formulas_as_plain_prefixed_text(fresh_db: Engine, title: str) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn), "lainnya", datetime(2026, 5, 1), judul=title, lat=-7.6)

    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes(fresh_db, "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    judul = sheet.cell(row=2, column=header.index("Judul") + 1)
    lintang = sheet.cell(row=2, column=header.index("Lintang") + 1)

    assert judul.data_type == "s"
    # Without lxml, openpyxl writes a raw CR, which XML parsing reads back as LF; with lxml it survives.
    assert judul.value.replace("\r", "\n") == "'" + title.replace("\r", "\n")
    assert lintang.value == -7.6 and lintang.data_type == "n"


@pytest.mark.parametrize("title", ["Jalan rusak di depan masjid", "5 lampu mati", "#N/A"])
def test_ordinary_text_is_left_as_is(fresh_db: Engine, title: str) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn), "lainnya", datetime(2026, 5, 1), judul=title)

    [csv_row] = csv_rows(export_bytes(fresh_db, "csv"))
    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes(fresh_db, "xlsx"))).active

    assert csv_row["Judul"] == title
    assert sheet["H2"].value == title and sheet["H2"].data_type == "s"


# --- Columns ------------------------------------------------------------------------------------------------


def test_lifecycle_dates_come_from_the_status_history(any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn)
        add_report(
            conn,
            area,
            "jalan-gang",
            datetime(2026, 3, 1, 8, 0),
            [
                (datetime(2026, 3, 2, 9, 0), "diverifikasi", "rt"),
                (datetime(2026, 3, 3, 10, 0), "diproses", "rw"),
                (datetime(2026, 3, 4, 11, 0), "selesai", "rw", "Sudah ditambal"),
            ],
            judul="straight",
        )
        add_report(
            conn,
            area,
            "jalan-gang",
            datetime(2026, 3, 1, 9, 0),
            [
                (datetime(2026, 3, 2, 9, 0), "diproses", "rt"),
                (datetime(2026, 3, 3, 9, 0), "selesai", "rt"),
                (datetime(2026, 3, 5, 9, 0), "diproses", "rw", "Belum tuntas"),
                (datetime(2026, 3, 8, 15, 30), "selesai", "rw", "Tuntas"),
            ],
            judul="reopened then solved",
        )
        add_report(
            conn,
            area,
            "jalan-gang",
            datetime(2026, 3, 1, 10, 0),
            [
                (datetime(2026, 3, 2, 9, 0), "diverifikasi", "rt"),
                (datetime(2026, 3, 2, 10, 0), "diproses", "rt"),
                (datetime(2026, 3, 3, 9, 0), "selesai", "rt"),
                (datetime(2026, 3, 6, 9, 0), "diproses", "kelurahan", "Muncul lagi"),
            ],
            judul="reopened, still open",
        )

    straight, reopened, still_open = csv_rows(export_bytes(any_db, "csv"))

    def dates(row: dict[str, str]) -> tuple[str, ...]:
        columns = ("Tanggal diverifikasi", "Tanggal diproses", "Tanggal selesai", "Pembaruan terakhir")
        return tuple(row[c] for c in columns)

    assert dates(straight) == ("2026-03-02 09:00", "2026-03-03 10:00", "2026-03-04 11:00", "2026-03-04 11:00")
    assert dates(reopened) == ("", "2026-03-02 09:00", "2026-03-08 15:30", "2026-03-08 15:30")
    assert dates(still_open) == ("2026-03-02 09:00", "2026-03-02 10:00", "", "2026-03-06 09:00")
    rows = (straight, reopened, still_open)
    assert [r["Catatan terakhir"] for r in rows] == ["Sudah ditambal", "Tuntas", "Muncul lagi"]
    assert [r["Status"] for r in rows] == ["selesai", "selesai", "diproses"]
    assert still_open["Penanganan"] == "kelurahan"


def test_terlambat_means_open_and_past_the_category_sla(fresh_db: Engine) -> None:
    with fresh_db.begin() as conn:
        area = add_area(conn)
        # keamanan-ketertiban has an SLA of 3 working days; NOW is Sunday 2026-11-29 12:00. From Tuesday the
        # third working day is Friday (due that evening: late now); from Wednesday it is Monday 30 November.
        add_report(conn, area, "keamanan-ketertiban", datetime(2026, 11, 24, 10, 0), judul="late")
        add_report(conn, area, "keamanan-ketertiban", datetime(2026, 11, 25, 10, 0), judul="in time")
        add_report(
            conn,
            area,
            "keamanan-ketertiban",
            datetime(2026, 1, 1, 8, 0),
            [(datetime(2026, 1, 2), "ditolak", None)],
            judul="closed long ago",
        )

    rows = {row["Judul"]: row for row in csv_rows(export_bytes(fresh_db, "csv"))}

    assert rows["late"]["Terlambat"] == "ya"
    assert rows["late"]["Batas waktu (hari kerja)"] == "2026-11-27 23:59"
    assert rows["in time"]["Batas waktu (hari kerja)"] == "2026-11-30 23:59"
    assert rows["in time"]["Terlambat"] == "tidak"
    assert rows["closed long ago"]["Terlambat"] == "tidak"


def test_csv_is_utf8_with_bom_indonesian_headers_and_padded_area_numbers(fresh_db: Engine) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn, rw="3", rt="2"), "air-bersih", datetime(2026, 5, 1, 7, 5), judul="Air keruh")

    data = export_bytes(fresh_db, "csv")
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

    assert data.startswith(b"\xef\xbb\xbf")
    assert header == exporting.tabular_headers()
    assert header[-1] == "Kode lacak"
    assert header[:7] == [
        "No. laporan",
        "Tanggal lapor",
        "Kode wilayah",
        "Kelurahan",
        "RW",
        "RT",
        "Kategori",
    ]
    values = dict(zip(header, row, strict=True))
    assert values["Tanggal lapor"] == "2026-05-01 07:05"
    assert (values["RW"], values["RT"]) == ("03", "002")
    assert values["Kategori"] == "Air bersih"
    assert values["Batas waktu (hari kerja)"] == "2026-05-12 23:59"  # 7 working days from Friday 1 May


def test_xlsx_has_a_bold_frozen_header_text_area_numbers_and_real_dates(fresh_db: Engine) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn), "air-bersih", datetime(2026, 5, 1, 7, 5), judul="Air keruh")

    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes(fresh_db, "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    cell = {name: sheet.cell(row=2, column=i + 1) for i, name in enumerate(header)}

    assert header == exporting.tabular_headers()
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert (cell["RW"].value, cell["RW"].data_type) == ("03", "s")
    assert (cell["RT"].value, cell["RT"].data_type) == ("002", "s")
    assert cell["Tanggal lapor"].value == datetime(2026, 5, 1, 7, 5) and cell["Tanggal lapor"].is_date
    assert isinstance(cell["No. laporan"].value, int)
    assert sheet.column_dimensions["I"].width > sheet.column_dimensions["A"].width  # Deskripsi is wide


def test_xlsx_continues_on_a_new_sheet_past_the_row_limit(fresh_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporting, "XLSX_MAX_DATA_ROWS", 2)
    with fresh_db.begin() as conn:
        area = add_area(conn)
        for day in range(1, 6):
            add_report(conn, area, "lainnya", datetime(2026, 5, day), judul=f"hari {day}")

    workbook = openpyxl.load_workbook(io.BytesIO(export_bytes(fresh_db, "xlsx")))

    assert workbook.sheetnames == ["Laporan", "Laporan 2", "Laporan 3"]
    assert [sheet.max_row for sheet in workbook] == [3, 3, 2]  # header + data rows
    assert workbook["Laporan 3"]["H2"].value == "hari 5"


# --- Personal data ------------------------------------------------------------------------------------------


def _report_with_reporter(engine: Engine) -> None:
    with engine.begin() as conn:
        add_report(conn, add_area(conn), "lainnya", datetime(2026, 5, 1), pelapor_nama=NAME, pelapor_telepon=PHONE)


@pytest.mark.parametrize("fmt", exporting.FORMATS)
def test_no_personal_data_by_default(fresh_db: Engine, fmt: exporting.ExportFormat) -> None:
    _report_with_reporter(fresh_db)

    text = all_text(fmt, export_bytes(fresh_db, fmt))

    assert NAME not in text
    assert PHONE not in text
    assert "pelapor" not in text and "reporter" not in text


def test_personal_data_is_not_even_read_without_the_flag(fresh_db: Engine) -> None:
    with fresh_db.connect() as conn:
        sql = str(export_query(conn, ReportFilters()))
    assert "pelapor" not in sql


def test_personal_data_with_the_flag(fresh_db: Engine) -> None:
    _report_with_reporter(fresh_db)

    [csv_row] = csv_rows(export_bytes(fresh_db, "csv", with_personal_data=True))
    [xlsx_row] = xlsx_rows(export_bytes(fresh_db, "xlsx", with_personal_data=True))
    [request] = json.loads(export_bytes(fresh_db, "open311", with_personal_data=True))

    assert (csv_row["Nama pelapor"], csv_row["Telepon pelapor"]) == (NAME, PHONE)
    assert (xlsx_row["Nama pelapor"], xlsx_row["Telepon pelapor"]) == (NAME, PHONE)
    assert (request["reporter_name"], request["reporter_phone"]) == (NAME, PHONE)
    assert set(request) == OPEN311_KEYS | {"reporter_name", "reporter_phone"}


# --- Command line -------------------------------------------------------------------------------------------


def _two_rws(engine: Engine) -> None:
    with engine.begin() as conn:
        add_report(conn, add_area(conn, rw="03", rt="002"), "lainnya", datetime(2026, 5, 1), judul="di RW 03")
        add_report(conn, add_area(conn, rw="01", rt="001"), "lainnya", datetime(2026, 5, 2), judul="di RW 01")


def test_cli_exports_to_a_file(fresh_db: Engine, fresh_db_url: str, tmp_path, capsys) -> None:
    _two_rws(fresh_db)
    target = tmp_path / "laporan.csv"

    code = main(
        ["--database-url", fresh_db_url, "export", "--format", "csv", "--rw", "3", "--rt", "2", "--output", str(target)]
    )

    assert code == 0
    assert [row["Judul"] for row in csv_rows(target.read_bytes())] == ["di RW 03"]
    assert capsys.readouterr().err.strip() == f"1 laporan diekspor ke {target}"
    assert not list(tmp_path.glob("*.part"))  # the temporary file was renamed into place


@pytest.mark.parametrize("fmt", ["open311", "csv", "xlsx"])
def test_cli_exports_to_stdout(fresh_db: Engine, fresh_db_url: str, capsysbinary, fmt: str) -> None:
    _two_rws(fresh_db)

    code = main(["--database-url", fresh_db_url, "export", "--format", fmt, "--dari", "2026-05-02"])

    assert code == 0
    data = capsysbinary.readouterr().out
    if fmt == "open311":
        assert [r["description"] for r in json.loads(data)] == ["di RW 01"]
    elif fmt == "csv":
        assert [r["Judul"] for r in csv_rows(data)] == ["di RW 01"]
    else:
        assert [r["Judul"] for r in xlsx_rows(data)] == ["di RW 01"]


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--rw", "abc"], "--rw"),
        (["--rw", "3a"], "--rw"),
        (["--rw", "100"], "--rw"),
        (["--rw", "0"], "--rw"),
        (["--rw", "3", "--rt", "x"], "--rt"),
        (["--rt", "2"], "--rw"),
        (["--kelurahan", "Kutorejo"], "--kelurahan"),
        (["--dari", "2026-03-01", "--sampai", "2026-02-01"], "--dari"),
    ],
)
def test_cli_rejects_unusable_arguments_with_exit_2(
    fresh_db_url: str, tmp_path, capsys, arguments: list[str], complaint: str
) -> None:
    target = tmp_path / "laporan.csv"

    code = main(["--database-url", fresh_db_url, "export", "--format", "csv", "--output", str(target), *arguments])

    assert code == 2
    assert complaint in capsys.readouterr().err
    assert not target.exists()
