"""Fixed vocabularies of the domain: statuses, priorities, sources, handler levels, activity types, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

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
# The kelurahan office: reads and writes the whole kelurahan, and sends the office's WhatsApp messages.
OFFICE_ROLES: tuple[str, ...] = ("admin", "lurah", "staf")


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

# Photos of a report: *sebelum* when it is made, *sesudah* when it is resolved (a status change to selesai).
PHOTO_BEFORE = "sebelum"
PHOTO_AFTER = "sesudah"
PHOTO_KINDS: tuple[str, ...] = (PHOTO_BEFORE, PHOTO_AFTER)
# Infrastructure: "selesai" is believed when a photo shows it. These categories start with *foto sesudah wajib* on
# (a new database and migration 0012); Pengaturan → Kategori turns it on or off per category.
AFTER_PHOTO_REQUIRED_CATEGORIES: tuple[str, ...] = (
    "jalan-gang",
    "drainase-banjir",
    "penerangan-jalan",
    "air-bersih",
    "fasilitas-umum",
)

# A threshold the capacity measures judge a report by (see metrics.py, config 2 of 3). The capacity store
# (capacity_rekap.py) keeps counts made with it: a migration that changes it must empty that store.
ON_TIME_RECORDING_DAYS = 7  # a report entered within this many days of its date was recorded on time

# A kelurahan or desa code of the Kemendagri list, e.g. 35.14.11.1006.
KODE_WILAYAH_PATTERN = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
# Why the person in charge of a report changed: when it was made, by hand (with a reason), by the escalation
# ladder, or because their account was deactivated.
ASSIGNMENT_KINDS: tuple[str, ...] = ("awal", "manual", "eskalasi", "akun_nonaktif")
# The ladder a stuck report climbs, one level each time its level's deadline passes.
ESCALATION_LADDER: tuple[str, ...] = ("rt", "rw", "kelurahan", "dinas")
# Working days each level above the first gets before the report moves up again (SP4N-LAPOR!: 5 to follow up).
ESCALATION_STAGE_WORKING_DAYS = 5
# The response target of a category unless the kelurahan sets another (SP4N-LAPOR!: 3 working days to verify).
DEFAULT_RESPONSE_WORKING_DAYS = 3
# A resident may answer "sudah beres?" for this long after a report was resolved; "belum" then reopens it.
CONFIRMATION_DAYS = 14
CONFIRMATION_ANSWERS: tuple[str, ...] = ("ya", "belum")
# The outbox: messages the system wants a person to send by WhatsApp (or a configured gateway sends).
MESSAGE_STATUSES: tuple[str, ...] = ("antre", "terkirim", "gagal")
# Keputusan rapat: a coordination meeting's decision, followed from belum through berjalan to selesai.
MEETING_ACTIVITY = "rapat_koordinasi"
DECISION_STATUSES: tuple[str, ...] = ("belum", "berjalan", "selesai")
DECISION_OPEN_STATUSES: tuple[str, ...] = ("belum", "berjalan")
# What a valid report or activity looks like: field lengths, the earliest date, the phone format.
JUDUL_MAX = 200
DESKRIPSI_MAX = 5000
LOKASI_MAX = 200
NAMA_MAX = 100
EARLIEST_REPORT = datetime(2000, 1, 1)
# Report numbers are INTEGER ids: PostgreSQL's INTEGER stops here, and a larger number cannot name a report.
MAX_REPORT_NUMBER = 2_147_483_647
# Phones and laptops disagree by a few minutes; a report "from the future" beyond that is a typo.
CLOCK_TOLERANCE = timedelta(minutes=10)
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 \-]{6,18}[0-9]$")


def parse_report_number(text: str | None) -> int | None:
    """A report number typed or linked: ASCII digits only, 1 … MAX_REPORT_NUMBER; None for anything else."""
    digits = (text or "").strip().removeprefix("#")
    # str.isdigit() accepts '²' and other Unicode digits that int() refuses; the length check keeps int() cheap.
    if not digits.isascii() or not digits.isdigit() or len(digits) > len(str(MAX_REPORT_NUMBER)):
        return None
    number = int(digits)
    return number if 1 <= number <= MAX_REPORT_NUMBER else None


def format_rw(nomor: int | str) -> str:
    """Zero-pad an RW number to two digits (`3` → `03`)."""
    return f"{int(nomor):02d}"


def format_rt(nomor: int | str) -> str:
    """Zero-pad an RT number to three digits (`2` → `002`)."""
    return f"{int(nomor):03d}"
