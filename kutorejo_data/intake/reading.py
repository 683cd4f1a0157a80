"""Read an uploaded CSV or XLSX into header + rows, or refuse it with a reason before anything else happens.

The file type is decided by its content, not its name: a PDF or an image renamed `.xlsx` is refused, and so are
password-protected workbooks, old `.xls` files, empty files, files over the upload limit of
`.streamlit/config.toml`, archives that would unpack too large (checked by intake/guard.py before openpyxl opens
them) and sheets with more data rows or columns than the guard's limits.

Formulas are never evaluated: the workbook is opened with `data_only=False`, so a cell holding `=1+1` or
`=HYPERLINK(...)` is read as its formula text (never as a cached result that may be stale or missing).
Text fields keep that text; typed fields (dates, areas, numbers) refuse it with a reason.
"""

from __future__ import annotations

import codecs
import csv
import io
import tomllib
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from kutorejo_data.core.config import PROJECT_ROOT

from .columns import Jenis, count_recognised
from .guard import Limits, UploadRefused, check_archive, check_columns, check_rows, upload_limits
from .values import is_blank

HEADER_SEARCH_ROWS = 10  # a title or a blank line may stand above the header row
# A sheet formatted down to row 1,048,576 yields a million empty rows: after this many in a row, it has ended.
MAX_EMPTY_RUN = 10_000
DEFAULT_UPLOAD_MB = 20
STREAMLIT_CONFIG = PROJECT_ROOT / ".streamlit" / "config.toml"

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: old .xls, or an encrypted .xlsx
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# Files named by their first bytes; other binaries (BMP, WEBP, audio …) hold NUL bytes and are refused as such.
_SIGNATURES: dict[bytes, str] = {
    b"%PDF-": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"\x1f\x8b": "GZIP",
    b"Rar!\x1a": "RAR",
    b"7z\xbc\xaf": "7-Zip",
}
# Full zip signatures: a CSV whose first header is 'PKK' also starts with 'PK'.
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")


class ImportRefused(UploadRefused):
    """The whole file is refused and nothing is written; `key` is the i18n message key."""


@dataclass(frozen=True)
class Table:
    """One sheet: its header cells, its non-empty data rows with their spreadsheet row numbers."""

    file_format: str  # "csv" or "xlsx"
    header_row: int
    headers: tuple[object, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]
    empty_rows: int


def upload_limit_bytes(config_path: Path = STREAMLIT_CONFIG) -> int:
    """The upload limit of `.streamlit/config.toml` (server.maxUploadSize, MB of 1024² bytes as Streamlit counts)."""
    try:
        megabytes = tomllib.loads(config_path.read_text("utf-8"))["server"]["maxUploadSize"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        megabytes = DEFAULT_UPLOAD_MB
    return int(megabytes) * 1024 * 1024


def check_size(size: int) -> None:
    """Refuse an empty file or one over the upload limit."""
    if size == 0:
        raise ImportRefused("import.refused.empty")
    limit = upload_limit_bytes()
    if size > limit:
        raise ImportRefused("import.refused.too_large", size=f"{size / 1024 / 1024:.1f}", limit=limit // 1024 // 1024)


def read_table(data: bytes, jenis: Jenis) -> Table:
    """Parse the file's content (CSV or XLSX, decided by the bytes) into a Table; raises ImportRefused."""
    check_size(len(data))
    kind = _sniff(data)
    limits = upload_limits()
    try:
        if kind == "xlsx":
            check_archive(data, limits)  # before openpyxl unpacks a single part
            return _read_xlsx(data, jenis, limits)
        return _read_csv(_decode(data), jenis, limits)
    except ImportRefused:
        raise
    except UploadRefused as refused:
        raise ImportRefused(refused.key, **refused.values) from None


def _sniff(data: bytes) -> str:
    """'xlsx' or 'csv', or refuse with what the file really is."""
    if data.startswith(_CFB):
        raise ImportRefused("import.refused.encrypted" if _ENCRYPTED_STREAM in data else "import.refused.xls")
    for signature, name in _SIGNATURES.items():
        if data.startswith(signature):
            raise ImportRefused("import.refused.wrong_type", kind=name)
    if data.startswith(_ZIP):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            raise ImportRefused("import.refused.broken", format="XLSX") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        kind = "ODS (LibreOffice)" if "content.xml" in names else "DOCX" if "word/document.xml" in names else "ZIP"
        raise ImportRefused("import.refused.wrong_type", kind=kind)
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in data[:8192]:
        raise ImportRefused("import.refused.wrong_type", kind="biner")
    return "csv"


def _decode(data: bytes) -> str:
    """CSV text: UTF-8 (with or without BOM), Excel's 'Unicode text' (UTF-16), else Windows-1252 as Excel writes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(text: str) -> str:
    """Indonesian Excel writes ';' (the comma is the decimal sign): pick what splits the first line most."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def _read_csv(text: str, jenis: Jenis, limits: Limits) -> Table:
    if not text.strip():
        raise ImportRefused("import.refused.empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _table("csv", reader, jenis, limits)
    except csv.Error:
        raise ImportRefused("import.refused.broken", format="CSV") from None


def _read_xlsx(data: bytes, jenis: Jenis, limits: Limits) -> Table:
    # openpyxl raises many kinds of errors on a damaged archive or XML; each means "cannot be read".
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:
        raise ImportRefused("import.refused.broken", format="XLSX") from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise ImportRefused("import.refused.empty")
        # The template's 'Petunjuk' sheet, or a cover sheet, may come first: take the sheet whose header fits best.
        scores = [_header_score(_values(sheet, limits), jenis) for sheet in sheets]
        sheet = sheets[max(range(len(sheets)), key=lambda i: (scores[i], -i))]
        return _table("xlsx", _values(sheet, limits), jenis, limits)
    except UploadRefused:
        raise
    except Exception:
        raise ImportRefused("import.refused.broken", format="XLSX") from None
    finally:
        workbook.close()


def _values(sheet: Worksheet, limits: Limits) -> Iterator[Sequence[object]]:
    """Cell values row by row; a stray cell far to the right must not widen every row to thousands of columns."""
    # A ReadOnlyWorksheet in fact (read_only=True), which types-openpyxl types as a Worksheet among a workbook's sheets.
    widest = limits.max_columns
    return sheet.iter_rows(values_only=True, max_col=min(sheet.max_column or widest, widest))


def _trimmed(row: Sequence[object]) -> tuple[object, ...]:
    """A row without its trailing empty cells (CSV rows and XLSX rows then compare alike)."""
    end = len(row)
    while end and is_blank(row[end - 1]):
        end -= 1
    return tuple(row[:end])


def _header_score(rows: Iterable[Sequence[object]], jenis: Jenis) -> int:
    best = 0
    for _, cells in _non_empty(rows, limit=HEADER_SEARCH_ROWS):
        best = max(best, count_recognised(cells, jenis))
    return best


def _non_empty(rows: Iterable[Sequence[object]], limit: int | None = None) -> Iterator[tuple[int, tuple]]:
    seen = 0
    for number, row in enumerate(rows, start=1):
        cells = _trimmed(row)
        if cells:
            yield number, cells
            seen += 1
            if limit is not None and seen >= limit:
                return


def _table(file_format: str, rows: Iterable[Sequence[object]], jenis: Jenis, limits: Limits) -> Table:
    """Find the header row (the first with two known headers, else the first non-empty row) and collect data rows."""
    iterator = iter(rows)
    leading: list[tuple[int, tuple]] = []
    header: tuple[int, tuple] | None = None
    number = 0
    for number, row in enumerate(iterator, start=1):
        cells = _trimmed(row)
        if not cells:
            continue
        check_columns(len(cells), limits)
        if count_recognised(cells, jenis) >= 2:
            header = (number, cells)
            break
        leading.append((number, cells))
        if len(leading) >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        if not leading:
            raise ImportRefused("import.refused.empty")
        header, rest = leading[0], leading[1:]
    else:
        rest = []
    data_rows, empty = _data_rows(rest, iterator, number, limits)
    if not data_rows:
        raise ImportRefused("import.refused.no_rows")
    return Table(
        file_format=file_format, header_row=header[0], headers=header[1], rows=tuple(data_rows), empty_rows=empty
    )


def _data_rows(
    already_read: list[tuple[int, tuple]], iterator: Iterator[Sequence[object]], last_number: int, limits: Limits
) -> tuple[list[tuple[int, tuple]], int]:
    data = list(already_read)
    empty = empty_run = 0
    for number, row in enumerate(iterator, start=last_number + 1):
        cells = _trimmed(row)
        if not cells:
            empty += 1
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        check_columns(len(cells), limits)
        data.append((number, cells))
        check_rows(len(data), limits)
    trailing = empty_run  # blank rows after the last data row are not worth mentioning
    return data, empty - trailing
