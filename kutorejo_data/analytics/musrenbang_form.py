"""The usulan Musrenbang as an XLSX in the columns of a kelurahan's Musrenbang form, for the UI and the CLI.

Two sheets: `Usulan <tahun>` (the saved proposals, by priority) and `Kandidat` (every candidate with its evidence, so
the RW meeting sees what the data says even before anyone wrote a proposal). Report numbers are listed; tracking codes
are not (a code lets its holder answer "sudah beres?", and the form travels to the kecamatan).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine

from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.records.export import MEDIA_TYPES, neutralise_formula
from kutorejo_data.records.musrenbang import SavedProposal, proposals

from .musrenbang import Candidate, basis_text, candidates, problem_text

XLSX_MEDIA_TYPE = MEDIA_TYPES["xlsx"]
# The columns of the form (README: "Usulan Musrenbang"), with their widths.
FORM_COLUMNS: tuple[tuple[str, float], ...] = (
    ("No", 5),
    ("Usulan/Kegiatan", 36),
    ("Permasalahan", 40),
    ("Lokasi (RT/RW)", 24),
    ("Volume", 9),
    ("Satuan", 10),
    ("Prioritas", 9),
    ("Alasan/Data pendukung", 50),
    ("Kategori", 22),
    ("Jumlah laporan", 10),
    ("Pertama dilaporkan", 13),
    ("Terakhir dilaporkan", 13),
    ("Jumlah foto", 8),
    ("Laporan terkait", 30),
)
HEADERS: tuple[str, ...] = tuple(name for name, _ in FORM_COLUMNS)
DATE_FORMAT = "dd-mm-yyyy"


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def proposal_row(number: int, proposal: SavedProposal) -> list[Any]:
    """One proposal in the form's columns."""
    place = f"RT {proposal.rt} / RW {proposal.rw}" if proposal.rt else f"RW {proposal.rw}" if proposal.rw else ""
    lokasi = proposal.lokasi or place
    return [
        number,
        proposal.usulan,
        proposal.permasalahan,
        lokasi,
        proposal.volume,
        proposal.satuan or None,
        proposal.prioritas,
        proposal.alasan,
        proposal.kategori_nama,
        proposal.jumlah_laporan,
        proposal.pertama_dilaporkan,
        proposal.terakhir_dilaporkan,
        proposal.jumlah_foto,
        proposal.laporan_terkait,
    ]


def candidate_row(number: int, candidate: Candidate) -> list[Any]:
    """One candidate in the form's columns: the proposal fields left for the meeting to fill."""
    evidence = candidate.bukti
    return [
        number,
        None,
        problem_text(candidate),
        candidate.lokasi,
        None,
        None,
        None,
        basis_text(candidate),
        candidate.kategori_nama,
        evidence.jumlah_laporan,
        evidence.pertama,
        evidence.terakhir,
        evidence.jumlah_foto,
        ", ".join(str(n) for n in evidence.laporan),
    ]


def _sheet(workbook: Workbook, title: str, rows: Sequence[list[Any]]) -> Worksheet:
    sheet = workbook.create_sheet(title)
    sheet.append(list(HEADERS))
    for index, (_, width) in enumerate(FORM_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        header = sheet.cell(row=1, column=index)
        header.font = Font(bold=True)
        header.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, datetime):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    return sheet


def write_form(
    engine: Engine,
    out: BinaryIO,
    tahun: int,
    *,
    now: datetime,
    kelurahan_kode: str | None = None,
    rw: str | None = None,
    scope: Scope = EVERYTHING,
) -> tuple[int, int]:
    """Write the year's proposals and the current candidates inside the scope; return (proposals, candidates)."""
    with engine.connect() as conn:
        saved = proposals(conn, tahun, kelurahan_kode=kelurahan_kode, rw=rw, scope=scope)
        found = candidates(conn, now=now, kelurahan_kode=kelurahan_kode, rw=rw, scope=scope)
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    _sheet(workbook, f"Usulan {tahun}", [proposal_row(i, p) for i, p in enumerate(saved, start=1)])
    _sheet(workbook, "Kandidat", [candidate_row(i, c) for i, c in enumerate(found, start=1)])
    workbook.save(out)
    return len(saved), len(found)


def form_filename(tahun: int, rw: str | None) -> str:
    """A descriptive download name, e.g. `usulan_musrenbang_2027_rw03.xlsx`."""
    return f"usulan_musrenbang_{tahun}" + (f"_rw{rw}" if rw else "") + ".xlsx"
