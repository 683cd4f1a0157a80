"""Importing the office's spreadsheets: exact outcomes for messy files, idempotence, status history, refusals."""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl.utils.datetime import from_excel
from sqlalchemy import Engine, func, select

from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.models import Kegiatan, KegiatanKehadiran, Laporan, StatusHistory
from kutorejo_data.intake import guard as import_guard
from kutorejo_data.intake import reading as import_reading
from kutorejo_data.intake.importing import (
    ImportOptions,
    ImportPlan,
    ImportRefused,
    preview_import,
    read_table,
    run_import,
)
from kutorejo_data.intake.reports import write_reports
from kutorejo_data.intake.template import template_csv, template_xlsx
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area
from tests.spreadsheets import (
    activities_xlsx,
    big_xlsx_bytes,
    csv_bytes,
    encrypted_xlsx_bytes,
    messy_xlsx,
    xlsx_bytes,
)

NOW = datetime(2026, 11, 29, 12, 0)
HEADER = ["No", "Tanggal", "RT/RW", "Kategori", "Judul", "Status"]


@pytest.fixture
def area_db(any_db: Engine) -> Engine:
    """Kutorejo with RW 03 (RT 001, 002) and RW 01 (RT 001)."""
    with any_db.begin() as conn:
        for rw, rt in (("03", "001"), ("03", "002"), ("01", "001")):
            add_area(conn, rw=rw, rt=rt)
    return any_db


def do_import(
    engine: Engine, data: bytes, *, dry_run: bool = False, scope: Scope | None = None, **options: object
) -> ImportPlan:
    opts = ImportOptions(**options)  # type: ignore[arg-type]
    table = read_table(data, opts.jenis)
    if scope is None:
        return run_import(engine, table, opts, actor="impor", now=NOW, dry_run=dry_run)
    return run_import(engine, table, opts, scope, actor="impor", now=NOW, dry_run=dry_run)


def counts(plan: ImportPlan) -> tuple[int, int, int, int]:
    """(added, updated, unchanged, rejected)."""
    return len(plan.added), len(plan.updated), len(plan.unchanged), len(plan.rejected)


def reasons(plan: ImportPlan) -> dict[int, list[str]]:
    """Row number → reason keys."""
    return {r.row: [reason.key for reason in r.reasons] for r in plan.rejected}


def table_sizes(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(
            conn.execute(select(func.count()).select_from(m)).scalar_one()  # type: ignore[return-value]
            for m in (Laporan, StatusHistory, Kegiatan)
        )


def test_messy_xlsx_exact_outcome(area_db: Engine) -> None:
    plan = do_import(area_db, messy_xlsx())

    assert counts(plan) == (7, 0, 0, 9)
    assert plan.empty_rows == 2
    assert reasons(plan) == {
        11: ["import.reason.kategori_unknown"],
        12: ["import.reason.date_invalid"],
        13: ["import.reason.area_unknown"],
        14: ["import.reason.formula"],
        16: ["import.reason.duplicate_row"],
        18: ["import.reason.area_invalid"],
        19: ["error.judul_required"],
        20: ["import.reason.duplikat_status"],
        21: ["error.date_in_future"],
    }
    rejected_16 = next(r for r in plan.rejected if r.row == 16)
    assert rejected_16.message(plan.columns, "id") == "NO.: sama dengan baris 4 di berkas ini"
    assert rejected_16.message(plan.columns, "en") == "NO.: same as row 4 of this file"
    with area_db.connect() as conn:
        stored = {row.external_id: row for row in conn.execute(select(Laporan))}
    assert sorted(stored) == ["1", "11", "2", "3", "4", "5", "6"]
    assert stored["2"].deskripsi == "=1+1"  # a formula is text, never a number
    assert stored["11"].judul == '=HYPERLINK("http://contoh.id","klik")'
    assert stored["6"].reported_at == from_excel(46300)
    assert stored["3"].reported_at == datetime(2026, 11, 20)
    assert {k: stored[k].status for k in stored} == {
        "1": "baru",
        "2": "diproses",
        "3": "selesai",
        "4": "selesai",
        "5": "baru",
        "6": "diverifikasi",
        "11": "baru",
    }


def test_a_skipped_step_is_one_history_entry_noted_impor(area_db: Engine) -> None:
    do_import(area_db, messy_xlsx())
    with area_db.connect() as conn:
        laporan_id = conn.execute(select(Laporan.id).where(Laporan.external_id == "3")).scalar_one()
        history = conn.execute(
            select(StatusHistory.from_status, StatusHistory.to_status, StatusHistory.note, StatusHistory.changed_by)
            .where(StatusHistory.laporan_id == laporan_id)
            .order_by(StatusHistory.id)
        ).all()
        version = conn.execute(select(Laporan.version).where(Laporan.id == laporan_id)).scalar_one()
    assert [tuple(h) for h in history] == [(None, "baru", "impor", "impor"), ("baru", "selesai", "impor", "impor")]
    assert version == 2


def test_reimporting_the_same_file_adds_and_changes_nothing(area_db: Engine) -> None:
    first = do_import(area_db, messy_xlsx())
    sizes = table_sizes(area_db)
    again = do_import(area_db, messy_xlsx())
    assert counts(again) == (0, 0, len(first.added), len(first.rejected))
    assert not again.writes_anything
    assert table_sizes(area_db) == sizes


def test_messy_csv_with_semicolons_windows_encoding_and_separate_rt_rw(area_db: Engine) -> None:
    rows = [
        ["Tanggal Lapor", "RT", "RW", "Kategori", "Judul", "Uraian", "Prioritas", "No HP"],
        [
            "29/11/2026",
            "2",
            "3",
            "Sampah & kebersihan",
            "Sampah di pinggir kali",
            "Bau — dekat café",
            "Tinggi",
            "0812-3456-7890",
        ],
        ["28/11/2026", "002", "03", "Air bersih", "PDAM mati", "", "sedang", ""],
        ["27/11/2026", "RT 1", "RW 1", "kebersihan", "Got kotor", "", "rendah", ""],
        ["29/11/2026", "2", "3", "Sampah & kebersihan", "Sampah di pinggir kali", "", "Tinggi", ""],  # same key
        ["26/11/2026", "3", "3", "Air bersih", "RT belum terdaftar", "", "", ""],
        ["25/11/2026", "2", "", "Air bersih", "RW kosong", "", "", ""],
        ["", "", "", "", "", "", "", ""],
        ["24/11/2026", "2", "3", "Air bersih", "Prioritas aneh", "", "super", ""],
    ]
    plan = do_import(area_db, csv_bytes(rows, delimiter=";", encoding="cp1252"))

    assert counts(plan) == (3, 0, 0, 4)
    assert plan.empty_rows == 1
    assert reasons(plan) == {
        5: ["import.reason.duplicate_row"],
        6: ["import.reason.area_unknown"],
        7: ["import.reason.rw_missing"],
        9: ["import.reason.prioritas_unknown"],
    }
    with area_db.connect() as conn:
        first = conn.execute(select(Laporan).where(Laporan.judul == "Sampah di pinggir kali")).one()
    assert first.deskripsi == "Bau — dekat café"
    assert (first.prioritas, first.pelapor_telepon) == ("tinggi", "0812-3456-7890")
    assert first.external_id.startswith("key:")  # no number column: a content key stands in
    assert counts(do_import(area_db, csv_bytes(rows, delimiter=";", encoding="cp1252"))) == (0, 0, 3, 4)


def status_file(status: str, *, selesai: str | None = None) -> bytes:
    row = ["LP-7", "01/11/2026", "RT 2 / RW 3", "Drainase", "Gorong-gorong ambrol", status, selesai]
    return xlsx_bytes([[*HEADER, "Tanggal selesai"], row])


def history_of(engine: Engine, external_id: str) -> list[tuple[str | None, str, datetime]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(StatusHistory.from_status, StatusHistory.to_status, StatusHistory.changed_at)
            .join(Laporan, Laporan.id == StatusHistory.laporan_id)
            .where(Laporan.external_id == external_id)
            .order_by(StatusHistory.id)
        )
        return [tuple(row) for row in rows]


def test_status_moves_forward_with_appended_history_never_backwards(area_db: Engine) -> None:
    assert counts(do_import(area_db, status_file("Baru"))) == (1, 0, 0, 0)

    forward = do_import(area_db, status_file("Selesai", selesai="25/11/2026"))
    assert counts(forward) == (0, 1, 0, 0)
    assert history_of(area_db, "LP-7") == [
        (None, "baru", datetime(2026, 11, 1)),
        ("baru", "selesai", datetime(2026, 11, 25)),  # dated by the file's 'Tanggal selesai'
    ]

    backwards = do_import(area_db, status_file("proses"))
    assert counts(backwards) == (0, 0, 0, 1)
    assert reasons(backwards) == {2: ["import.reason.backwards"]}
    assert "selesai" in backwards.rejected[0].message(backwards.columns, "id")
    assert counts(do_import(area_db, status_file("Selesai", selesai="25/11/2026"))) == (0, 0, 1, 0)
    assert len(history_of(area_db, "LP-7")) == 2


def test_a_rejected_report_stays_rejected(area_db: Engine) -> None:
    do_import(area_db, status_file("ditolak"))
    assert reasons(do_import(area_db, status_file("Selesai"))) == {2: ["import.reason.closed"]}


def test_a_report_typed_in_the_app_is_matched_by_content_not_duplicated(area_db: Engine) -> None:
    report = NewReport(
        kelurahan_kode=KUTOREJO,
        rw="03",
        rt="002",
        kategori="penerangan-jalan",
        judul="Lampu padam",
        reported_at=datetime(2026, 11, 2, 19, 0),
    )
    number = create_report(area_db, report, actor="rt", now=NOW)
    rows = [
        ["Tanggal", "RT", "RW", "Kategori", "Judul", "Status"],
        ["02/11/2026", 2, 3, "Lampu jalan", "lampu  PADAM", "diproses"],
    ]

    plan = do_import(area_db, xlsx_bytes(rows))

    assert counts(plan) == (0, 1, 0, 0)
    assert plan.updated[0].laporan_id == number
    with area_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Laporan)).scalar_one() == 1
        assert conn.execute(select(Laporan.external_id)).scalar_one().startswith("key:")
    assert counts(do_import(area_db, xlsx_bytes(rows))) == (0, 0, 1, 0)


def test_the_same_number_with_another_rt_or_date_is_refused_not_overwritten(area_db: Engine) -> None:
    do_import(area_db, xlsx_bytes([HEADER, [1, "05/01/2026", "RT 2 / RW 3", "sampah", "Sampah januari", "Baru"]]))
    next_recap = xlsx_bytes([HEADER, [1, "01/03/2026", "RT 1 / RW 3", "sampah", "Sampah maret", "Selesai"]])

    plan = do_import(area_db, next_recap)

    assert reasons(plan) == {2: ["import.reason.id_conflict"]}
    with area_db.connect() as conn:
        assert conn.execute(select(Laporan.judul, Laporan.status)).one() == ("Sampah januari", "baru")


def test_a_number_that_belongs_to_another_area_is_not_found_in_yours(area_db: Engine) -> None:
    do_import(area_db, xlsx_bytes([HEADER, [7, "05/11/2026", "RT 1 / RW 1", "sampah", "Di RW 01", None]]))
    rw03 = Scope(KUTOREJO, "03")
    plan = do_import(
        area_db, xlsx_bytes([HEADER, [7, "05/11/2026", "RT 2 / RW 3", "sampah", "Di RW 03", None]]), scope=rw03
    )
    assert reasons(plan) == {2: ["import.reason.not_in_area"]}  # not "it exists with another RT": nothing leaks
    assert plan.rejected[0].message(plan.columns, "id") == "No: nomor '7' tidak ditemukan di wilayah Anda"
    with area_db.connect() as conn:
        assert conn.execute(select(Laporan.judul)).scalars().all() == ["Di RW 01"]


def test_rows_outside_the_writers_scope_are_refused(area_db: Engine) -> None:
    rows = [
        HEADER,
        [1, "05/11/2026", "RT 2 / RW 3", "sampah", "Di RW 03", None],
        [2, "05/11/2026", "RT 1 / RW 1", "sampah", "Di RW 01", None],
    ]
    plan = do_import(area_db, xlsx_bytes(rows), scope=Scope(KUTOREJO, "03"))
    assert counts(plan) == (1, 0, 0, 1)
    assert reasons(plan) == {3: ["import.reason.outside_scope"]}


def test_kelurahan_by_column_code_or_name(area_db: Engine) -> None:
    rows = [
        ["Kelurahan", *HEADER],
        [KUTOREJO, 1, "05/11/2026", "RT 2 / RW 3", "sampah", "Dengan kode", None],
        ["Kel. Kutorejo", 2, "05/11/2026", "RT 2 / RW 3", "sampah", "Dengan nama", None],
        ["Sumberrejo", 3, "05/11/2026", "RT 2 / RW 3", "sampah", "Kelurahan lain", None],
    ]
    plan = do_import(area_db, xlsx_bytes(rows))
    assert counts(plan) == (2, 0, 0, 1)
    assert reasons(plan) == {4: ["import.reason.kelurahan_unknown"]}


def test_without_registered_areas_rows_say_so(any_db: Engine) -> None:
    plan = do_import(any_db, xlsx_bytes([HEADER, [1, "05/11/2026", "RT 2 / RW 3", "sampah", "Sampah", None]]))
    assert reasons(plan) == {2: ["import.reason.no_areas"]}


def test_a_dry_run_writes_nothing(area_db: Engine) -> None:
    plan = do_import(area_db, messy_xlsx(), dry_run=True)
    assert counts(plan) == (7, 0, 0, 9)
    assert table_sizes(area_db) == (0, 0, 0)


def test_a_preview_gone_stale_is_refused_as_changed_meanwhile(area_db: Engine) -> None:
    do_import(area_db, status_file("Baru"))
    stale = preview_import(area_db, read_table(status_file("Selesai"), "laporan"), ImportOptions(), now=NOW)
    with area_db.connect() as conn:
        laporan_id = conn.execute(select(Laporan.id)).scalar_one()
    change_status(area_db, StatusChange(laporan_id, "diverifikasi", 1), actor="rw", now=NOW)

    with pytest.raises(ImportRefused) as refused, write_transaction(area_db) as conn:
        write_reports(conn, stale, "impor", NOW)

    assert refused.value.key == "import.refused.changed_meanwhile"
    assert [h[1] for h in history_of(area_db, "LP-7")] == ["baru", "diverifikasi"]


def test_unknown_headers_can_be_mapped(area_db: Engine) -> None:
    data = xlsx_bytes([["Tanggal", "RT/RW", "Kategori", "Perihal X"], ["05/11/2026", "2/3", "sampah", "Sampah"]])
    with pytest.raises(ImportRefused) as refused:
        do_import(area_db, data)
    assert (refused.value.key, refused.value.values) == ("import.refused.missing_columns", {"kolom": "judul"})
    assert counts(do_import(area_db, data, mapping=(("perihal x", "judul"),))) == (1, 0, 0, 0)
    with pytest.raises(ImportRefused) as wrong_field:
        do_import(area_db, data, mapping=(("Perihal X", "judulnya"),))
    assert wrong_field.value.key == "import.refused.map_field"


def test_the_header_row_is_found_below_a_cover_sheet_and_title(area_db: Engine) -> None:
    data = xlsx_bytes(
        [["Rekap 2026"], HEADER, [1, "05/11/2026", "RT 2 / RW 3", "sampah", "Sampah", None]], cover="Sampul"
    )
    table = read_table(data, "laporan")
    assert table.header_row == 2
    assert counts(do_import(area_db, data)) == (1, 0, 0, 0)


@pytest.mark.parametrize("jenis", ["laporan", "kegiatan"])
def test_the_template_is_recognised_and_its_example_row_never_imported(area_db: Engine, jenis: str) -> None:
    for data in (template_xlsx(jenis, {"sampah-kebersihan": "Sampah & kebersihan"}), template_csv(jenis)):
        plan = do_import(area_db, data, jenis=jenis)
        assert not plan.columns.unknown
        assert reasons(plan) == {2: ["import.reason.example_row"]}


def test_a_filled_in_template_imports(area_db: Engine) -> None:
    filled = read_table(template_csv("laporan"), "laporan")
    row = ["LP-1", "05/11/2026", "002", "03", "Sampah & kebersihan", "Sampah liar", "", "", "Baru"]
    plan = run_import(area_db, replace(filled, rows=((2, tuple(row)),)), ImportOptions(), actor="impor", now=NOW)
    assert counts(plan) == (1, 0, 0, 0)


# --- Activities -----------------------------------------------------------------------------------------


def test_activities_exact_outcome_levels_and_attendance(area_db: Engine) -> None:
    plan = do_import(area_db, activities_xlsx(), jenis="kegiatan")

    assert counts(plan) == (3, 0, 0, 2)
    assert reasons(plan) == {5: ["import.reason.jenis_unknown"], 6: ["import.reason.hadir_mismatch"]}
    with area_db.connect() as conn:
        stored = {k.external_id: k for k in conn.execute(select(Kegiatan))}
        hadir = {
            (k, p): n
            for k, p, n in conn.execute(
                select(Kegiatan.external_id, KegiatanKehadiran.peran, KegiatanKehadiran.jumlah).join(
                    Kegiatan, Kegiatan.id == KegiatanKehadiran.kegiatan_id
                )
            )
        }
    assert {k: (v.tingkat, v.jenis, v.tanggal) for k, v in stored.items()} == {
        "K1": ("rt", "kerja_bakti", date(2026, 11, 14)),
        "K2": ("rw", "rapat_rw", date(2026, 11, 10)),
        "K3": ("kelurahan", "rapat_koordinasi", date(2026, 11, 5)),
    }
    assert (stored["K1"].target_peserta, stored["K1"].target_satuan) == (40, "KK")
    assert stored["K3"].catatan == "=SUM(1,2)"
    assert hadir == {
        ("K1", "ketua_rt"): 1,
        ("K1", "tomas"): 2,
        ("K1", "warga"): 27,
        ("K2", "warga"): 15,
        ("K3", "warga"): 40,
    }
    assert counts(do_import(area_db, activities_xlsx(), jenis="kegiatan")) == (0, 0, 3, 2)


def test_an_activity_number_of_another_area_is_not_found_in_yours(area_db: Engine) -> None:
    header = ["No", "Tanggal", "RT/RW", "Jenis kegiatan", "Warga"]
    do_import(area_db, csv_bytes([header, ["K9", "03/11/2026", "RT 1 / RW 1", "Kerja bakti", 20]]), jenis="kegiatan")
    plan = do_import(
        area_db,
        csv_bytes([header, ["K9", "03/11/2026", "RT 2 / RW 3", "Kerja bakti", 20]]),
        jenis="kegiatan",
        scope=Scope(KUTOREJO, "03"),
    )
    assert reasons(plan) == {2: ["import.reason.not_in_area"]}


def test_a_csv_whose_first_header_is_pkk_is_not_mistaken_for_a_zip(area_db: Engine) -> None:
    rows = [["PKK", "Tanggal", "RT/RW", "Jenis kegiatan", "Warga"], [12, "03/11/2026", "RT 2 / RW 3", "PKK", 20]]
    plan = do_import(area_db, csv_bytes(rows), jenis="kegiatan")
    assert counts(plan) == (1, 0, 0, 0)


# --- Refusals: nothing is written -----------------------------------------------------------------------


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda: b"", "import.refused.empty"),
        (lambda: b"  \r\n\r\n ", "import.refused.empty"),
        (lambda: csv_bytes([HEADER]), "import.refused.no_rows"),
        (lambda: messy_xlsx()[:3000], "import.refused.broken"),
        (lambda: _zip({"xl/workbook.xml": "<niet", "[Content_Types].xml": "x"}), "import.refused.broken"),
        (lambda: encrypted_xlsx_bytes(), "import.refused.encrypted"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "import.refused.xls"),
        (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "import.refused.wrong_type"),
        (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "import.refused.wrong_type"),
        (
            lambda: _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
            "import.refused.wrong_type",
        ),
        (lambda: b"\x00\x01\x02binary" * 100, "import.refused.wrong_type"),
        (lambda: b"Tanggal,Judul\n" + b"x" * import_reading.upload_limit_bytes(), "import.refused.too_large"),
        (
            lambda: b"Tanggal,Judul\n" + b"29/11/2026,x\n" * (import_guard.MAX_ROWS.default + 1),
            "import.refused.too_many_rows",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "header-only",
        "truncated-xlsx",
        "broken-xml",
        "encrypted",
        "old-xls",
        "pdf",
        "png",
        "ods",
        "binary",
        "oversized",
        "too-many-rows",
    ],
)
def test_refused_files_write_nothing(area_db: Engine, make, key: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        do_import(area_db, make())
    assert refused.value.key == key
    assert table_sizes(area_db) == (0, 0, 0)


def test_the_upload_limit_is_the_one_in_streamlit_config() -> None:
    assert import_reading.upload_limit_bytes() == 20 * 1024 * 1024


# --- Big files ------------------------------------------------------------------------------------------


def test_a_20000_row_file_previews_and_imports_in_reasonable_time(area_db: Engine) -> None:
    areas = ["RT 1 / RW 3", "002/003", "RT.01 RW.01"]
    categories = ["Drainase", "sampah", "Jalan & gang", "Lampu jalan", "air bersih", "DBD"]
    statuses = ["Baru", "proses", "Selesai", "sdh selesai", "diverifikasi"]
    rows = []
    for i in range(20_000):
        day = date(2025, 1, 1).toordinal() + i % 600
        reported = date.fromordinal(day)
        kategori = "Pertanian" if i % 4000 == 0 else categories[i % 6]  # 5 unknown categories
        tanggal = reported if i % 2 else reported.strftime("%d/%m/%Y")  # date cells and text, mixed
        rows.append([f"R-{i}", tanggal, areas[i % 3], kategori, f"Masalah nomor {i}", statuses[i % 5]])
    data = big_xlsx_bytes(HEADER, rows)

    started = time.perf_counter()
    table = read_table(data, "laporan")
    preview = preview_import(area_db, table, ImportOptions(), now=NOW)
    previewed = time.perf_counter() - started
    plan = run_import(area_db, table, ImportOptions(), actor="impor", now=NOW)
    imported = time.perf_counter() - started - previewed
    again = run_import(area_db, table, ImportOptions(), actor="impor", now=NOW)
    reimported = time.perf_counter() - started - previewed - imported
    print(
        f"\n20,000 rows on {area_db.dialect.name}: read+preview {previewed:.1f}s, import {imported:.1f}s, "
        f"re-import {reimported:.1f}s"
    )

    assert counts(preview) == counts(plan) == (19_995, 0, 0, 5)
    assert counts(again) == (0, 0, 19_995, 5)
    assert table_sizes(area_db)[0] == 19_995
    # Generous bounds for a loaded 2-core machine; unloaded it takes a few seconds each.
    assert previewed < 90 and imported < 90 and reimported < 90
