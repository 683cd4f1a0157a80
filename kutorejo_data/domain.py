"""Fixed vocabularies of the domain: statuses, priorities, sources, handler levels, activity types, roles."""

from __future__ import annotations

from dataclasses import dataclass

STATUS_BARU = "baru"
STATUS_DIVERIFIKASI = "diverifikasi"
STATUS_DIPROSES = "diproses"
STATUS_SELESAI = "selesai"
STATUS_DITOLAK = "ditolak"
STATUS_DUPLIKAT = "duplikat"

STATUSES: tuple[str, ...] = (
    STATUS_BARU,
    STATUS_DIVERIFIKASI,
    STATUS_DIPROSES,
    STATUS_SELESAI,
    STATUS_DITOLAK,
    STATUS_DUPLIKAT,
)
# Open311's open/closed split: a report is "open" while someone still has to act on it.
OPEN_STATUSES: tuple[str, ...] = (STATUS_BARU, STATUS_DIVERIFIKASI, STATUS_DIPROSES)
CLOSED_STATUSES: tuple[str, ...] = (STATUS_SELESAI, STATUS_DITOLAK, STATUS_DUPLIKAT)
# Rejected and duplicate reports are not problems the area failed to solve.
INVALID_STATUSES: tuple[str, ...] = (STATUS_DITOLAK, STATUS_DUPLIKAT)

ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    STATUS_BARU: (STATUS_DIVERIFIKASI, STATUS_DIPROSES, STATUS_DITOLAK, STATUS_DUPLIKAT),
    STATUS_DIVERIFIKASI: (STATUS_DIPROSES, STATUS_SELESAI, STATUS_DITOLAK, STATUS_DUPLIKAT),
    STATUS_DIPROSES: (STATUS_SELESAI, STATUS_DITOLAK, STATUS_DUPLIKAT),
    STATUS_SELESAI: (STATUS_DIPROSES,),  # reopening; needs a reason
    STATUS_DITOLAK: (),
    STATUS_DUPLIKAT: (),
}

PRIORITIES: tuple[str, ...] = ("tinggi", "sedang", "rendah")
SOURCES: tuple[str, ...] = ("warga", "rt", "rw", "musyawarah", "kelurahan")
HANDLER_LEVELS: tuple[str, ...] = ("rt", "rw", "kelurahan", "dinas")
AREA_LEVELS: tuple[str, ...] = ("rt", "rw", "kelurahan")

ACTIVITY_TYPES: tuple[str, ...] = (
    "kerja_bakti",
    "musyawarah_rt",
    "rapat_rw",
    "posyandu",
    "ronda",
    "keagamaan",
    "pkk",
    "karang_taruna",
    "bimtek",
    "rapat_koordinasi",
)
ATTENDANCE_ROLES: tuple[str, ...] = ("ketua_rt", "ketua_rw", "tomas", "toga", "pkk", "karang_taruna", "warga")
# Roles that are named people in the registry (their individual attendance is tracked).
NAMED_ROLES: tuple[str, ...] = ("ketua_rt", "ketua_rw", "tomas", "toga")
USER_ROLES: tuple[str, ...] = ("admin", "lurah", "staf", "ketua_rw", "ketua_rt", "tamu")


@dataclass(frozen=True)
class DefaultCategory:
    """A problem category shipped with a new database."""

    slug: str
    nama: str
    sla_hari: int


DEFAULT_CATEGORIES: tuple[DefaultCategory, ...] = (
    DefaultCategory("jalan-gang", "Jalan & gang", 30),
    DefaultCategory("drainase-banjir", "Drainase & banjir", 14),
    DefaultCategory("sampah-kebersihan", "Sampah & kebersihan", 7),
    DefaultCategory("penerangan-jalan", "Penerangan jalan", 14),
    DefaultCategory("air-bersih", "Air bersih", 7),
    DefaultCategory("keamanan-ketertiban", "Keamanan & ketertiban", 3),
    DefaultCategory("kesehatan", "Kesehatan (posyandu, DBD, stunting)", 7),
    DefaultCategory("sosial-bansos", "Sosial & bansos", 30),
    DefaultCategory("administrasi-kependudukan", "Administrasi kependudukan", 14),
    DefaultCategory("fasilitas-umum", "Fasilitas umum", 30),
    DefaultCategory("lingkungan-pohon", "Lingkungan & pohon", 14),
    DefaultCategory("lainnya", "Lainnya", 30),
)


def format_rw(nomor: int | str) -> str:
    """Zero-pad an RW number to two digits (`3` → `03`)."""
    return f"{int(nomor):02d}"


def format_rt(nomor: int | str) -> str:
    """Zero-pad an RT number to three digits (`2` → `002`)."""
    return f"{int(nomor):03d}"
