"""Which spreadsheet column holds which field: Indonesian headers in any order and case, with synonyms.

A header is normalised ('Tgl. Lapor' → 'tgl lapor', text in brackets dropped) and looked up among the
field's synonyms, then as a close spelling. What is still unknown is listed for the user to map
(`--map "Kolom X=judul"` on the command line, a select box per column in the app).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from openpyxl.utils import get_column_letter

from .values import normalise

# "lapor" is an SP4N-LAPOR! admin export (intake/lapor.py): not one of the recap kinds the import page offers.
Jenis = Literal["laporan", "kegiatan", "lapor"]
JENIS: tuple[Jenis, ...] = ("laporan", "kegiatan")
IGNORE = "abaikan"  # the mapping target that drops a column

_ID = (
    "no",
    "nomor",
    "id",
    "no laporan",
    "nomor laporan",
    "id laporan",
    "kode laporan",
    "no tiket",
    "nomor tiket",
    "no urut",
    "no register",
    "nomor register",
)
_AREA = {
    "kelurahan": (
        "kelurahan",
        "desa",
        "kelurahan desa",
        "desa kelurahan",
        "kode wilayah",
        "kode kelurahan",
        "kode desa",
        "nama kelurahan",
    ),
    "rt_rw": ("rt rw", "rtrw", "wilayah", "alamat rt rw", "rt rw lokasi", "area", "lokasi rt rw"),
    "rt": ("rt", "no rt", "nomor rt"),
    "rw": ("rw", "no rw", "nomor rw"),
}

REPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "nomor": _ID,
    "tanggal": (
        "tanggal",
        "tgl",
        "tanggal lapor",
        "tgl lapor",
        "tanggal laporan",
        "tgl laporan",
        "tanggal masuk",
        "tgl masuk",
        "tanggal pelaporan",
        "tanggal kejadian",
        "tanggal dilaporkan",
        "waktu",
        "waktu lapor",
        "date",
        "hari tanggal",
    ),
    **_AREA,
    "kategori": (
        "kategori",
        "jenis masalah",
        "jenis",
        "kategori masalah",
        "bidang",
        "jenis laporan",
        "jenis pengaduan",
        "kategori laporan",
        "jenis permasalahan",
    ),
    "judul": (
        "judul",
        "masalah",
        "judul laporan",
        "permasalahan",
        "perihal",
        "pengaduan",
        "judul masalah",
        "laporan",
        "hal",
        "nama masalah",
    ),
    "deskripsi": (
        "keterangan",
        "uraian",
        "deskripsi",
        "uraian masalah",
        "rincian",
        "detail",
        "isi laporan",
        "penjelasan",
        "uraian singkat",
        "keterangan masalah",
    ),
    "lokasi": ("lokasi", "alamat", "tempat", "lokasi kejadian", "alamat lokasi", "lokasi detail"),
    "lat": ("lintang", "latitude", "lat"),
    "lon": ("bujur", "longitude", "lon", "lng", "long"),
    "status": ("status", "status laporan", "keadaan", "status terakhir", "progres", "progress", "perkembangan"),
    "tanggal_status": (
        "tanggal status",
        "tgl status",
        "tanggal selesai",
        "tgl selesai",
        "tanggal penyelesaian",
        "tanggal update",
        "tgl update",
        "tanggal pembaruan",
        "tanggal tindak lanjut",
    ),
    "catatan": ("catatan", "tindak lanjut", "catatan status", "catatan terakhir", "hasil tindak lanjut"),
    "prioritas": ("prioritas", "urgensi", "tingkat urgensi", "priority"),
    "sumber": ("sumber", "sumber laporan", "asal laporan"),
    "penanganan": ("penanganan", "ditangani oleh", "tingkat penanganan", "penanggung jawab"),
    "penanganan_nama": ("nama penanganan", "dinas", "opd", "instansi", "dinas opd", "nama dinas"),
    "pelapor_nama": ("nama pelapor", "pelapor", "nama", "dilaporkan oleh"),
    "pelapor_telepon": (
        "telepon",
        "telp",
        "no telp",
        "no telepon",
        "no hp",
        "hp",
        "nomor hp",
        "no wa",
        "wa",
        "whatsapp",
        "telepon pelapor",
        "kontak",
        "no hp pelapor",
    ),
}

ATTENDANCE_FIELDS: dict[str, tuple[str, ...]] = {
    "hadir_ketua_rt": ("ketua rt", "hadir ketua rt", "jumlah ketua rt", "ketua rt hadir"),
    "hadir_ketua_rw": ("ketua rw", "hadir ketua rw", "jumlah ketua rw", "ketua rw hadir"),
    "hadir_tomas": ("tomas", "tokoh masyarakat", "hadir tomas", "jumlah tomas"),
    "hadir_toga": ("toga", "tokoh agama", "hadir toga", "jumlah toga"),
    "hadir_pkk": ("pkk", "kader pkk", "ibu pkk", "hadir pkk", "jumlah pkk"),
    "hadir_karang_taruna": ("karang taruna", "hadir karang taruna", "jumlah karang taruna"),
    "hadir_warga": ("warga", "hadir warga", "jumlah warga", "warga hadir"),
}

ACTIVITY_FIELDS: dict[str, tuple[str, ...]] = {
    "nomor": _ID,
    "tanggal": (
        "tanggal",
        "tgl",
        "tanggal kegiatan",
        "tgl kegiatan",
        "hari tanggal",
        "waktu",
        "waktu kegiatan",
        "date",
        "pelaksanaan",
        "tanggal pelaksanaan",
    ),
    **_AREA,
    "jenis": ("jenis", "jenis kegiatan", "kegiatan", "tipe", "macam kegiatan", "kategori", "jenis acara"),
    "judul": ("judul", "nama kegiatan", "acara", "uraian kegiatan", "tema", "judul kegiatan", "nama acara"),
    "target": ("target", "target peserta", "sasaran", "jumlah sasaran", "undangan", "jumlah undangan"),
    "target_satuan": ("satuan", "satuan target"),
    "catatan": ("catatan", "keterangan", "hasil", "notulen", "ringkasan", "hasil kegiatan"),
    "hadir": ("jumlah hadir", "hadir", "peserta", "jumlah peserta", "kehadiran", "total hadir", "peserta hadir"),
    **ATTENDANCE_FIELDS,
}

# An SP4N-LAPOR! admin export: its tracking ID and status (README: "SP4N-LAPOR!"); other columns are ignored.
LAPOR_FIELDS: dict[str, tuple[str, ...]] = {
    "lapor_id": (
        "id laporan",
        "id",
        "tracking id",
        "id tracking",
        "no tracking",
        "nomor tracking",
        "kode tracking",
        "no tiket",
        "nomor tiket",
        "id lapor",
        "id sp4n lapor",
        "nomor laporan lapor",
        "no laporan",
        "nomor laporan",
    ),
    "status": ("status", "status laporan", "status terakhir", "status tindak lanjut", "progres", "progress", "tahapan"),
    "catatan": (
        "tindak lanjut",
        "tanggapan",
        "tanggapan instansi",
        "tanggapan terakhir",
        "catatan",
        "keterangan",
        "respon",
        "respon instansi",
    ),
    "judul": ("judul", "judul laporan"),
    "instansi": ("instansi", "instansi tujuan", "disposisi", "dinas", "opd"),
}

FIELDS: dict[Jenis, dict[str, tuple[str, ...]]] = {
    "laporan": REPORT_FIELDS,
    "kegiatan": ACTIVITY_FIELDS,
    "lapor": LAPOR_FIELDS,
}
# Without these a row means nothing; an area is either the combined RT/RW column or RT and RW columns.
REQUIRED: dict[Jenis, tuple[str, ...]] = {
    "laporan": ("tanggal", "wilayah", "kategori", "judul"),
    "kegiatan": ("tanggal", "jenis"),
    "lapor": ("lapor_id", "status"),
}
HEADER_CUTOFF = 0.88


@dataclass(frozen=True)
class ColumnMap:
    """Field → column index for one sheet, plus what the user still has to decide."""

    fields: dict[str, int]
    headers: tuple[str, ...]  # as shown to the user ('Kolom F' for an empty header)
    unknown: tuple[int, ...]  # columns whose header was not recognised (ignored unless mapped)
    missing: tuple[str, ...]  # required fields without a column

    def header(self, field: str) -> str:
        """The file's header of the column holding `field`."""
        return self.headers[self.fields[field]]


def display_headers(raw: Sequence[object]) -> tuple[str, ...]:
    """Header texts as the user sees them; an empty header is named by its column letter."""
    return tuple(
        str(h).strip() if h not in (None, "") else f"Kolom {get_column_letter(i + 1)}" for i, h in enumerate(raw)
    )


def header_key(header: str) -> str:
    """A header normalised for lookup: bracketed hints dropped ('Tanggal (dd/mm/yyyy)' → 'tanggal')."""
    return normalise(re.sub(r"\(.*?\)|\[.*?\]", " ", header))


@cache
def _synonyms(jenis: Jenis) -> dict[str, str]:
    return {synonym: field for field, synonyms in FIELDS[jenis].items() for synonym in synonyms}


def recognise(header: str, jenis: Jenis) -> str | None:
    """The field a header names, or None."""
    synonyms = _synonyms(jenis)
    key = header_key(header)
    if key in synonyms:
        return synonyms[key]
    if len(key) >= 5:  # short headers ('RT', 'RW', 'No') must match exactly
        close = difflib.get_close_matches(key, synonyms, n=1, cutoff=HEADER_CUTOFF)
        if close:
            return synonyms[close[0]]
    return None


def field_names(jenis: Jenis) -> tuple[str, ...]:
    """The fields a column can be mapped to, in a sensible order."""
    return tuple(FIELDS[jenis])


def resolve_overrides(headers: Sequence[str], overrides: Mapping[str, str], jenis: Jenis) -> dict[int, str]:
    """Column index → field (or IGNORE) from the user's 'Header=field' choices; raises KeyError/ValueError."""
    by_key = {header_key(h): i for i, h in enumerate(headers)}
    by_key.update({normalise(h): i for i, h in enumerate(headers)})
    resolved: dict[int, str] = {}
    for header, field in overrides.items():
        index = by_key.get(header_key(header), by_key.get(normalise(header)))
        if index is None:
            raise KeyError(header)
        if field != IGNORE and field not in FIELDS[jenis]:
            raise ValueError(field)
        resolved[index] = field
    return resolved


def map_columns(raw_headers: Sequence[object], jenis: Jenis, overrides: Mapping[int, str] | None = None) -> ColumnMap:
    """Recognise every header; the user's overrides (column index → field or IGNORE) win. First column wins ties."""
    headers = display_headers(raw_headers)
    overrides = overrides or {}
    fields: dict[str, int] = {}
    unknown: list[int] = []
    for index, header in enumerate(headers):
        field = overrides.get(index) or recognise(header, jenis)
        if field is None and index not in overrides:
            unknown.append(index)
        if field and field != IGNORE and field not in fields:
            fields[field] = index
    missing = [name for name in REQUIRED[jenis] if not _present(name, fields)]
    return ColumnMap(fields=fields, headers=headers, unknown=tuple(unknown), missing=tuple(missing))


def _present(required: str, fields: Mapping[str, int]) -> bool:
    if required == "wilayah":
        return "rt_rw" in fields or ("rt" in fields and "rw" in fields)
    return required in fields


def count_recognised(raw_headers: Sequence[object], jenis: Jenis) -> int:
    """How many cells of a row read as known headers (used to find the header row under a title)."""
    return sum(1 for h in raw_headers if isinstance(h, str) and h.strip() and recognise(h, jenis))
