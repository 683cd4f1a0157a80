"""Spreadsheets built inside tests, the way offices make them: XLSX with real date cells and formulas, CSV in
Excel's encodings and delimiters."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

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
