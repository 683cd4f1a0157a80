"""Look up official area names (Kemendagri kode wilayah) in the package's copy of the Kabupaten Pasuruan list."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# The package ships its own copy so that the app never depends on files outside it at run time.
REFERENCE_FILE = "reference/wilayah_pasuruan.csv"


@dataclass(frozen=True)
class WilayahEntry:
    """One area of the official list, with the names of the kecamatan and kabupaten it lies in."""

    kode: str
    nama: str
    tingkat: str
    kecamatan: str | None
    kabupaten: str | None


@lru_cache(maxsize=1)
def _rows() -> dict[str, tuple[str, str]]:
    """kode → (nama, tingkat) for every row of the reference CSV (read once per process)."""
    text = resources.files("kutorejo_data.core").joinpath(REFERENCE_FILE).read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return {row["kode"].strip(): (row["nama"].strip(), row["tingkat"].strip()) for row in rows}


def _name(kode: str) -> str | None:
    row = _rows().get(kode)
    return row[0] if row else None


def lookup(kode: str) -> WilayahEntry:
    """The entry for a Kemendagri code such as `35.14.11.1006`; KeyError when the list does not have it."""
    kode = kode.strip()
    try:
        nama, tingkat = _rows()[kode]
    except KeyError:
        raise KeyError(f"kode wilayah {kode!r} tidak ada di {REFERENCE_FILE}") from None
    parts = kode.split(".")
    # Codes nest by prefix: 35.14 is the kabupaten, 35.14.11 the kecamatan of 35.14.11.1006.
    kecamatan = _name(".".join(parts[:3])) if len(parts) > 3 else None
    kabupaten = _name(".".join(parts[:2])) if len(parts) > 2 else None
    return WilayahEntry(kode=kode, nama=nama, tingkat=tingkat, kecamatan=kecamatan, kabupaten=kabupaten)


def children(kode: str) -> list[WilayahEntry]:
    """The areas directly below `kode` (the kecamatan of a kabupaten, the desa/kelurahan of a kecamatan)."""
    depth = kode.count(".") + 1
    return [lookup(k) for k in _rows() if k.startswith(kode + ".") and k.count(".") == depth]
