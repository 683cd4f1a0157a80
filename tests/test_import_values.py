"""How the import reads what offices type: dates, areas, statuses, categories and column headers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kutorejo_data.core import domain
from kutorejo_data.intake.columns import map_columns, recognise
from kutorejo_data.intake.values import ValueProblem, cell_text, parse_area, parse_count, parse_datetime, parse_phone
from kutorejo_data.intake.vocab import ACTIVITY_TYPES, STATUSES, category_vocabulary

CATEGORIES = category_vocabulary({c.slug: c.nama for c in domain.DEFAULT_CATEGORIES})


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("29/11/2026", datetime(2026, 11, 29)),
        ("2026-11-29", datetime(2026, 11, 29)),
        ("29-11-26", datetime(2026, 11, 29)),
        ("29.11.2026", datetime(2026, 11, 29)),
        ("29 Nov 2026", datetime(2026, 11, 29)),
        ("29 November 2026", datetime(2026, 11, 29)),
        ("29 Nopember 2026", datetime(2026, 11, 29)),
        ("3 Agustus 2026", datetime(2026, 8, 3)),
        ("3 Agt 2026", datetime(2026, 8, 3)),
        ("17 Mei 2026", datetime(2026, 5, 17)),
        ("5 Okt 2026", datetime(2026, 10, 5)),
        ("24 Des 2025", datetime(2025, 12, 24)),
        ("3 August 2026", datetime(2026, 8, 3)),
        ("November 29, 2026", datetime(2026, 11, 29)),
        ("Sabtu, 14 November 2026", datetime(2026, 11, 14)),
        ("29/11/2026 08.30", datetime(2026, 11, 29, 8, 30)),
        ("2026-11-29 08:30", datetime(2026, 11, 29, 8, 30)),
        ("2026-11-29T08:30:15", datetime(2026, 11, 29, 8, 30, 15)),
        ("  1/2/2026 ", datetime(2026, 2, 1)),  # day first, always
        (datetime(2026, 11, 29, 7, 5), datetime(2026, 11, 29, 7, 5)),  # an Excel date cell
        (date(2026, 11, 29), datetime(2026, 11, 29)),
        (46355, datetime(2026, 11, 29)),  # an Excel serial number in a cell formatted as General
    ],
)
def test_dates_in_the_formats_offices_use(cell: object, expected: datetime) -> None:
    assert parse_datetime(cell) == expected


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("31/02/2026", "import.reason.date_invalid"),
        ("kemarin", "import.reason.date_invalid"),
        ("29 Novembre 2026", "import.reason.date_invalid"),
        (12, "import.reason.date_invalid"),  # a small number is not a date
        ("=TODAY()", "import.reason.formula"),
        ("=DATE(2026,11,29)", "import.reason.formula"),
    ],
)
def test_unreadable_dates_and_formulas_are_refused_with_a_reason(cell: object, key: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_datetime(cell)
    assert refused.value.key == key


@pytest.mark.parametrize(
    ("cell", "rw_rt"),
    [
        ("RT 2 / RW 3", ("03", "002")),
        ("RT 02/RW 03", ("03", "002")),
        ("RT.02 RW.03", ("03", "002")),
        ("rt.002 rw.003", ("03", "002")),
        ("RT02/RW03", ("03", "002")),
        ("RW 3 RT 2", ("03", "002")),
        ("002/003", ("03", "002")),  # unlabelled: RT first, as in 'RT/RW 002/003'
        ("2/3", ("03", "002")),
        ("2-3", ("03", "002")),
        ("RT/RW 002/003", ("03", "002")),
        ("RW 03", ("03", None)),
        ("Kelurahan", (None, None)),
        ("-", (None, None)),
    ],
)
def test_area_spellings(cell: str, rw_rt: tuple[str | None, str | None]) -> None:
    assert parse_area(cell) == rw_rt


@pytest.mark.parametrize("cell", ["dekat masjid", "RT 0 / RW 3", "RT 2 / RW 300", "=A1"])
def test_unreadable_areas_are_refused(cell: str) -> None:
    with pytest.raises(ValueProblem):
        parse_area(cell)


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Baru", "baru"),
        ("belum ditangani", "baru"),
        ("Diverifikasi", "diverifikasi"),
        ("terverifikasi", "diverifikasi"),
        ("proses", "diproses"),
        ("Dalam proses", "diproses"),
        ("sdg diproses", "diproses"),
        ("on progress", "diproses"),
        ("Selesai", "selesai"),
        ("sdh selesai", "selesai"),
        ("SUDAH SELESAI", "selesai"),
        ("seleasi", "selesai"),
        ("tuntas", "selesai"),
        ("Ditolak", "ditolak"),
        ("tdk valid", "ditolak"),
        ("dobel", "duplikat"),
        ("belum selesai", None),
        ("tidak selesai", None),
        ("entahlah", None),
    ],
)
def test_statuses_by_name_abbreviation_or_close_spelling(cell: str, status: str | None) -> None:
    assert STATUSES.match(cell) == status


@pytest.mark.parametrize(
    ("cell", "slug"),
    [
        ("Drainase", "drainase-banjir"),
        ("banjir", "drainase-banjir"),
        ("Drainase & Banjir", "drainase-banjir"),
        ("drainase-banjir", "drainase-banjir"),
        ("drainse", "drainase-banjir"),
        ("selokan", "drainase-banjir"),
        ("sampah", "sampah-kebersihan"),
        ("Jalan & Gang", "jalan-gang"),
        ("jalan berlubang", "jalan-gang"),
        ("Lampu jalan", "penerangan-jalan"),
        ("PJU", "penerangan-jalan"),
        ("Penerangan Jalan Umum", "penerangan-jalan"),
        ("DBD", "kesehatan"),
        ("Kesehatan (posyandu, DBD, stunting)", "kesehatan"),
        ("lain-lain", "lainnya"),
        ("Pertanian", None),
        ("", None),
    ],
)
def test_categories_by_slug_name_word_or_close_spelling(cell: str, slug: str | None) -> None:
    assert CATEGORIES.match(cell) == slug


@pytest.mark.parametrize(
    ("cell", "jenis"),
    [
        ("Kerja Bakti", "kerja_bakti"),
        ("gotong royong", "kerja_bakti"),
        ("Siskamling", "ronda"),
        ("Yasinan", "keagamaan"),
        ("rakor", "rapat_koordinasi"),
        ("Senam pagi", None),
    ],
)
def test_activity_types(cell: str, jenis: str | None) -> None:
    assert ACTIVITY_TYPES.match(cell) == jenis


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Tanggal", "tanggal"),
        ("Tgl Lapor", "tanggal"),
        ("tanggal_lapor", "tanggal"),
        ("TGL. LAPOR", "tanggal"),
        ("Tanggal (dd/mm/yyyy)", "tanggal"),
        ("Tangal Lapor", "tanggal"),
        ("RT/RW", "rt_rw"),
        ("Wilayah", "rt_rw"),
        ("Kategori", "kategori"),
        ("Jenis Masalah", "kategori"),
        ("Judul", "judul"),
        ("Masalah", "judul"),
        ("Keterangan", "deskripsi"),
        ("Uraian", "deskripsi"),
        ("Status", "status"),
        ("No.", "nomor"),
        ("Nomor laporan", "nomor"),
        ("ID", "nomor"),
        ("Tanggal selesai", "tanggal_status"),
        ("No HP", "pelapor_telepon"),
        ("Paraf", None),
        ("RT", "rt"),
        ("RW", "rw"),
    ],
)
def test_report_headers_in_any_case_with_synonyms(header: str, field: str | None) -> None:
    assert recognise(header, "laporan") == field


def test_required_columns_and_unknown_headers_are_reported() -> None:
    columns = map_columns(["No", "Tgl", "Perihal X", None, "RT", "RW"], "laporan")
    assert columns.missing == ("kategori", "judul")
    assert [columns.headers[i] for i in columns.unknown] == ["Perihal X", "Kolom D"]


def test_user_mapping_wins_over_recognition() -> None:
    columns = map_columns(["Tanggal", "Perihal X", "Keterangan"], "laporan", {1: "judul", 2: "abaikan"})
    assert columns.fields == {"tanggal": 0, "judul": 1}


@pytest.mark.parametrize(
    ("cell", "text"), [(12.0, "12"), (12.5, "12.5"), (None, ""), ("  Selokan ", "Selokan"), ("=1+1", "=1+1")]
)
def test_cells_as_text_never_evaluate_formulas(cell: object, text: str) -> None:
    assert cell_text(cell) == text


def test_counts_and_phones_as_excel_stores_them() -> None:
    assert parse_count("25 orang") == 25
    assert parse_count("1.234") == 1234
    assert parse_count(40.0) == 40
    assert parse_phone(81234567890) == "081234567890"  # Excel dropped the leading zero
    with pytest.raises(ValueProblem):
        parse_count("-3")


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("99999999999999999999", "import.reason.number_invalid"),  # more digits than any count
        ("9" * 5000, "import.reason.number_invalid"),  # int() would refuse it outright
        ("2000000", "import.reason.number_too_large"),
        (1e300, "import.reason.number_too_large"),
        (float("inf"), "import.reason.number_invalid"),
        (float("nan"), "import.reason.number_invalid"),
        ("²", "import.reason.number_invalid"),
    ],
)
def test_a_count_out_of_all_proportion_is_refused_with_a_reason(cell: object, key: str) -> None:
    with pytest.raises(ValueProblem) as problem:
        parse_count(cell)
    assert problem.value.key == key
