"""Downloadable import templates (XLSX and CSV): the recognised headers and one example row that is never imported.

The XLSX has drop-down lists for category, status and priority and a 'Petunjuk' sheet with the accepted values.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kutorejo_data.core import domain
from kutorejo_data.core.i18n import t

from .columns import Jenis
from .common import EXAMPLE_ID

EXAMPLE_DATE = date(2026, 1, 15)
TEMPLATE_ROWS = 1000  # rows covered by the drop-down lists
REPORT_HEADERS = (
    "No",
    "Tanggal",
    "RT",
    "RW",
    "Kategori",
    "Judul",
    "Uraian",
    "Lokasi",
    "Status",
    "Tanggal selesai",
    "Catatan",
    "Prioritas",
    "Sumber",
    "Nama pelapor",
    "Telepon pelapor",
)
ACTIVITY_HEADERS = (
    "No",
    "Tanggal",
    "RT",
    "RW",
    "Jenis kegiatan",
    "Judul",
    "Target peserta",
    "Satuan",
    "Ketua RT",
    "Ketua RW",
    "Tomas",
    "Toga",
    "PKK",
    "Karang taruna",
    "Warga",
    "Catatan",
)
_REPORT_EXAMPLE = (
    EXAMPLE_ID,
    EXAMPLE_DATE,
    "002",
    "03",
    "Drainase & banjir",
    "Selokan mampet di Gang Mawar",
    "Air meluap ke jalan setiap hujan deras",
    "Gang Mawar depan musala",
    "Baru",
    None,
    None,
    "Sedang",
    "RT",
    None,
    None,
)
_ACTIVITY_EXAMPLE = (
    EXAMPLE_ID,
    EXAMPLE_DATE,
    "002",
    "03",
    "Kerja bakti",
    "Kerja bakti bersih selokan",
    40,
    "KK",
    1,
    0,
    1,
    1,
    5,
    3,
    25,
    "Selokan Gang Mawar dan Gang Melati",
)
_WIDTHS = {"Judul": 36, "Uraian": 44, "Lokasi": 28, "Kategori": 24, "Jenis kegiatan": 20, "Catatan": 36}


def template_headers(jenis: Jenis) -> tuple[str, ...]:
    """The template's column headers for reports or activities."""
    return REPORT_HEADERS if jenis == "laporan" else ACTIVITY_HEADERS


def _example(jenis: Jenis) -> tuple[object, ...]:
    return _REPORT_EXAMPLE if jenis == "laporan" else _ACTIVITY_EXAMPLE


def template_csv(jenis: Jenis) -> bytes:
    """The CSV template: UTF-8 with a BOM (Excel then reads the encoding right), dates as 15/01/2026."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(template_headers(jenis))
    writer.writerow(
        ["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in _example(jenis)]
    )
    return codecs.BOM_UTF8 + text.getvalue().encode("utf-8")


def _guide(jenis: Jenis, categories: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Sections of the Petunjuk sheet: a title and its accepted values."""
    common = [
        ("Tanggal", ["29/11/2026", "2026-11-29", "29-11-26", "29 Nov 2026", "29 November 2026"]),
        (
            "Wilayah",
            ["kolom RT dan RW: 2 dan 3, atau 002 dan 03", "satu kolom RT/RW: RT 2 / RW 3, 002/003, RT.02 RW.03"],
        ),
        ("No", [f"nomor tetap per baris; impor ulang tidak menggandakan. Baris bernomor {EXAMPLE_ID} tidak diimpor."]),
    ]
    if jenis == "kegiatan":
        types = [t(f"import.kegiatan.{slug}") for slug in domain.ACTIVITY_TYPES]
        return [("Jenis kegiatan", types), ("Satuan", ["orang", "KK"]), *common]
    return [
        ("Kategori", list(categories.values())),
        ("Status", [t(f"status.{s}") for s in domain.STATUSES if s != domain.STATUS_DUPLIKAT]),
        ("Prioritas", [t(f"prioritas.{p}") for p in domain.PRIORITIES]),
        ("Sumber", ["Warga", "RT", "RW", "Musyawarah", "Kelurahan"]),
        *common,
    ]


def template_xlsx(jenis: Jenis, categories: Mapping[str, str]) -> bytes:
    """The XLSX template: a data sheet with headers, the example row and drop-down lists, and a Petunjuk sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one empty worksheet, the active one
    sheet.title = "Laporan" if jenis == "laporan" else "Kegiatan"
    headers = template_headers(jenis)
    sheet.append(headers)
    sheet.append(list(_example(jenis)))
    for index, header in enumerate(headers, start=1):
        sheet.cell(1, index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(header, 14)
    sheet.cell(2, 2).number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("Petunjuk")
    lists: dict[str, str] = {}
    for column, (title, values) in enumerate(_guide(jenis, categories), start=1):
        guide.cell(1, column, title).font = Font(bold=True)
        guide.column_dimensions[get_column_letter(column)].width = 34
        for row, value in enumerate(values, start=2):
            guide.cell(row, column, value)
        letter = get_column_letter(column)
        lists[title] = f"Petunjuk!${letter}$2:${letter}${len(values) + 1}"
    for index, header in enumerate(headers, start=1):
        if header in ("Kategori", "Status", "Prioritas", "Jenis kegiatan", "Satuan"):
            # Typing something else stays possible (close spellings are matched): warn, do not stop.
            validation = DataValidation(type="list", formula1=lists[header], errorStyle="warning", allow_blank=True)
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(validation)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
