"""Spreadsheets built inside tests, the way offices make them: XLSX with real date cells and formulas, CSV in
Excel's encodings and delimiters."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

import openpyxl

Row = Sequence[object]


def xlsx_bytes(rows: Sequence[Row], *, sheet: str = "Rekap", cover: str | None = None) -> bytes:
    """An XLSX workbook with `rows` on sheet `sheet` (None leaves a cell empty, a '=' string is a formula).

    With `cover`, a first sheet of that name holds only a title, as offices put in front of their recaps.
    """
    workbook = openpyxl.Workbook()
    if cover:
        workbook.active.title = cover
        workbook.active.append(["REKAP LAPORAN MASALAH KELURAHAN"])
        target = workbook.create_sheet(sheet)
    else:
        target = workbook.active
        target.title = sheet
    for row in rows:
        target.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def big_xlsx_bytes(header: Row, rows: Sequence[Row]) -> bytes:
    """A large XLSX written row by row (openpyxl write-only mode)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Rekap")
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows: Sequence[Row], *, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    """A CSV file; Indonesian Excel writes ';' and Windows-1252."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter).writerows(["" if v is None else v for v in row] for row in rows)
    return text.getvalue().encode(encoding)


def encrypted_xlsx_bytes(password: str = "rahasia") -> bytes:
    """A password-protected XLSX, as Excel's 'Encrypt with Password' writes it."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(xlsx_bytes([["Tanggal", "Judul"], ["29/11/2026", "Selokan"]]))
    out = io.BytesIO()
    OOXMLFile(plain).encrypt(password, out)
    return out.getvalue()


def messy_xlsx() -> bytes:
    """A recap as an office keeps it: title row, odd headers, every date and area spelling, and mistakes."""
    return xlsx_bytes(
        [
            ["REKAP PENGADUAN WARGA KELURAHAN KUTOREJO 2026"],
            [],
            ["NO.", "Tgl. Lapor", "Wilayah", "JENIS MASALAH", "Masalah", "Keterangan", "status", "Paraf"],
            [1, datetime(2026, 11, 29), "RT 2 / RW 3", "Drainase", "Selokan mampet", "Air meluap", "Baru", "ok"],  # 4
            [2, "2026-11-20", "002/003", "banjir", "Genangan di gang", "=1+1", "proses"],  # 5
            [3, "20-11-26", "RT.01 RW.03", "sampah", "Sampah menumpuk", None, "sdh selesai"],  # 6
            [4, "29 Nov 2026", "RT 1 / RW 1", "Lampu jalan", "Lampu mati", None, "Selesai"],  # 7
            [5, "3 Agustus 2026", "rt 1 rw 1", "Jalan & Gang", "Jalan berlubang", None, None],  # 8
            [6, 46300, "RT 2/RW 3", "DBD", "Kasus DBD", None, "diverifikasi"],  # 9: an Excel serial date
            [],  # 10
            [7, "15/11/2026", "RT 2 / RW 3", "Pertanian", "Hama tikus"],  # 11: unknown category
            [8, "31/02/2026", "RT 2 / RW 3", "sampah", "Tanggal mustahil"],  # 12
            [9, "10/11/2026", "RT 9 / RW 3", "sampah", "RT tak terdaftar"],  # 13
            [10, "=TODAY()", "RT 2 / RW 3", "sampah", "Tanggal berupa rumus"],  # 14
            [11, "12/11/2026", "RT 2 / RW 3", "sampah", '=HYPERLINK("http://contoh.id","klik")'],  # 15: kept as text
            [1, datetime(2026, 11, 29), "RT 2 / RW 3", "Drainase", "Selokan mampet", "Air meluap", "Baru"],  # 16: dup
            [None, None, None, None, None, None, None, None],  # 17
            [12, "12/11/2026", "dekat masjid", "sampah", "Wilayah tak terbaca"],  # 18
            [13, "13/11/2026", "RT 2 / RW 3", "sampah", None],  # 19: no title
            [14, "13/11/2026", "RT 2 / RW 3", "sampah", "Status duplikat", None, "duplikat"],  # 20
            [15, "1 Desember 2026", "RT 2 / RW 3", "sampah", "Tanggal di masa depan"],  # 21
        ]
    )


def activities_xlsx() -> bytes:
    return xlsx_bytes(
        [
            [
                "No",
                "Hari/Tanggal",
                "RT/RW",
                "Kegiatan",
                "Nama kegiatan",
                "Sasaran",
                "Satuan",
                "Ketua RT",
                "Tomas",
                "Jumlah hadir",
                "Keterangan",
            ],
            ["K1", "Sabtu, 14 November 2026", "RT 2 / RW 3", "Kerja bakti", "Bersih selokan", 40, "KK", 1, 2, 30, None],
            ["K2", "2026-11-10", "RW 3", "rapat rw", "Rapat bulanan", 20, "orang", None, None, 15, None],
            ["K3", "5/11/2026", None, "rakor", "Rakor kelurahan", None, None, None, None, 40, "=SUM(1,2)"],
            ["K4", "1/11/2026", "RT 2 / RW 3", "Senam pagi", "Senam", None, None, None, None, 10, None],
            ["K5", "2/11/2026", "RT 2 / RW 3", "Posyandu", "Posyandu balita", 30, None, 1, 0, 0, None],
        ]
    )
