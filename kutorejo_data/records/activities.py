"""Activities (kegiatan): record one with its attendance by role, correct it, list the recent ones.

Writes are short transactions that check the scope and are audited in the same transaction; validation maps each
bad field to an i18n message key, as `services.create_report` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.domain import EARLIEST_REPORT, JUDUL_MAX
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Area, Scope, area_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Kegiatan, KegiatanKehadiran, Kelurahan

from . import audit

TARGET_UNITS: tuple[str, ...] = ("orang", "KK")
# Larger than any kelurahan gathering; a bigger number is a typo (an extra zero), not a crowd.
ATTENDANCE_MAX = 10_000
# A target of households or people: a whole kabupaten stays under this; more is a typo (and would not fit the column).
TARGET_MAX = 1_000_000
PAGE_SIZE = 20
CATATAN_MAX = 5000
UNKNOWN_AREA: dict[str, str] = {
    "rt": "error.rt_unknown",
    "rw": "error.rw_unknown",
    "kelurahan": "error.kelurahan_unknown",
}


@dataclass(frozen=True)
class ActivityInput:
    """What the activity form provides: where and what, the target, and attendance counts by role."""

    kelurahan_kode: str
    tingkat: str  # "rt", "rw" or "kelurahan"
    rw: str | None
    rt: str | None
    jenis: str
    tanggal: date
    judul: str = ""
    target_peserta: int | None = None
    target_satuan: str = "orang"
    kehadiran: Mapping[str, int] = field(default_factory=dict)
    catatan: str = ""


def _area(conn: Connection, activity: ActivityInput, scope: Scope) -> tuple[Area, dict[str, str]]:
    """The activity's area inside the scope, and the field errors when there is no such area for the writer."""
    rw = activity.rw if activity.tingkat in ("rw", "rt") else None
    rt = activity.rt if activity.tingkat == "rt" else None
    area = resolve_area(conn, activity.kelurahan_kode, rw, rt, scope)
    if area.empty or area.kelurahan_id is None:
        return area, {activity.tingkat: UNKNOWN_AREA[activity.tingkat]}
    # The scope narrows a wider request (an RW head asking for the whole kelurahan gets their RW): refuse that.
    level = "rt" if area.rt_id is not None else "rw" if area.rw_id is not None else "kelurahan"
    if level != activity.tingkat:
        return area, {"tingkat": "error.tingkat_outside_scope"}
    return area, {}


def _field_errors(activity: ActivityInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if activity.jenis not in domain.ACTIVITY_TYPES:
        errors["jenis"] = "error.jenis_invalid"
    if activity.tingkat not in domain.AREA_LEVELS:
        errors["tingkat"] = "error.tingkat_invalid"
    if activity.tanggal > today:
        errors["tanggal"] = "error.tanggal_in_future"
    elif activity.tanggal < EARLIEST_REPORT.date():
        errors["tanggal"] = "error.date_too_old"
    if len(activity.judul.strip()) > JUDUL_MAX:
        errors["judul"] = "error.judul_too_long"
    if len(activity.catatan) > CATATAN_MAX:
        errors["catatan"] = "error.catatan_too_long"
    if activity.target_peserta is not None and activity.target_peserta <= 0:
        errors["target_peserta"] = "error.target_positive"
    elif activity.target_peserta is not None and activity.target_peserta > TARGET_MAX:
        errors["target_peserta"] = "error.jumlah_too_large"
    if activity.target_satuan not in TARGET_UNITS:
        errors["target_satuan"] = "error.satuan_invalid"
    for peran, jumlah in activity.kehadiran.items():
        if peran not in domain.ATTENDANCE_ROLES:
            errors["kehadiran"] = "error.peran_invalid"
        elif jumlah < 0:
            errors[f"hadir_{peran}"] = "error.jumlah_negative"
        elif jumlah > ATTENDANCE_MAX:
            errors[f"hadir_{peran}"] = "error.jumlah_too_large"
    if "kehadiran" not in errors and sum(max(0, n) for n in activity.kehadiran.values()) == 0:
        errors["kehadiran"] = "error.kehadiran_empty"  # nobody came: it did not take place
    return errors


def validate_activity(conn: Connection, activity: ActivityInput, scope: Scope, today: date) -> dict[str, str]:
    """Field → message key for everything wrong with the activity; empty when it can be saved."""
    errors = _field_errors(activity, today)
    if "tingkat" not in errors:
        errors.update(_area(conn, activity, scope)[1])
    return errors


def _values(activity: ActivityInput, area: Area) -> dict[str, object]:
    return {
        "kelurahan_id": area.kelurahan_id,
        "rw_id": area.rw_id,
        "rt_id": area.rt_id,
        "tingkat": activity.tingkat,
        "jenis": activity.jenis,
        "tanggal": activity.tanggal,
        "judul": activity.judul.strip(),
        "target_peserta": activity.target_peserta,
        "target_satuan": activity.target_satuan,
        "catatan": activity.catatan.strip(),
    }


def _write_attendance(conn: Connection, kegiatan_id: int, kehadiran: Mapping[str, int]) -> None:
    rows = [{"kegiatan_id": kegiatan_id, "peran": p, "jumlah": n} for p, n in kehadiran.items() if n > 0]
    if rows:
        conn.execute(insert(KegiatanKehadiran), rows)


def _checked_area(conn: Connection, activity: ActivityInput, scope: Scope, today: date) -> Area:
    errors = validate_activity(conn, activity, scope, today)
    if errors:
        raise ValidationError(errors)
    return _area(conn, activity, scope)[0]


def _snapshot(activity: ActivityInput) -> dict[str, object]:
    """The audited facts of an activity as stored: area codes, fields, and attendance counts by role."""
    return {
        "kelurahan": activity.kelurahan_kode,
        "tingkat": activity.tingkat,
        "rw": activity.rw if activity.tingkat in ("rw", "rt") else None,
        "rt": activity.rt if activity.tingkat == "rt" else None,
        "jenis": activity.jenis,
        "tanggal": activity.tanggal,
        "judul": activity.judul.strip(),
        "target_peserta": activity.target_peserta,
        "target_satuan": activity.target_satuan,
        "catatan": activity.catatan.strip(),
        "kehadiran": {peran: jumlah for peran, jumlah in sorted(activity.kehadiran.items()) if jumlah > 0},
    }


def create_activity(
    engine: Engine, activity: ActivityInput, *, actor: str, scope: Scope = EVERYTHING, today: date | None = None
) -> int:
    """Save an activity and its attendance in one transaction, with its audit entry; returns its number."""
    now = now_local()
    require_writable(scope)
    with write_transaction(engine) as conn:
        area = _checked_area(conn, activity, scope, today or now.date())
        inserted = conn.execute(insert(Kegiatan).values(**_values(activity, area), created_at=now))
        kegiatan_id = inserted_id(inserted)
        _write_attendance(conn, kegiatan_id, activity.kehadiran)
        audit.record(conn, actor, "create", "kegiatan", kegiatan_id, after=_snapshot(activity), at=now)
    return int(kegiatan_id)


def update_activity(
    engine: Engine,
    kegiatan_id: int,
    activity: ActivityInput,
    *,
    actor: str,
    scope: Scope = EVERYTHING,
    today: date | None = None,
) -> None:
    """Correct an activity inside the scope: fields and attendance replaced in one transaction, changes audited."""
    now = now_local()
    require_writable(scope)
    with write_transaction(engine) as conn:
        stored = load_activity(conn, kegiatan_id, scope)
        if stored is None:
            raise ServiceError("error.kegiatan_not_found", nomor=kegiatan_id)
        area = _checked_area(conn, activity, scope, today or now.date())
        conn.execute(update(Kegiatan).where(Kegiatan.id == kegiatan_id).values(**_values(activity, area)))
        conn.execute(delete(KegiatanKehadiran).where(KegiatanKehadiran.kegiatan_id == kegiatan_id))
        _write_attendance(conn, kegiatan_id, activity.kehadiran)
        before, after = audit.changed_fields(_snapshot(stored), _snapshot(activity))
        if after:
            audit.record(conn, actor, "update", "kegiatan", kegiatan_id, before, after, at=now)


def load_activity(conn: Connection, kegiatan_id: int, scope: Scope) -> ActivityInput | None:
    """An activity inside the scope as the form edits it; None when there is none."""
    allowed = resolve_area(conn, None, None, None, scope)
    row = conn.execute(
        select(
            Kelurahan.kode,
            Kegiatan.tingkat,
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
            Kegiatan.jenis,
            Kegiatan.tanggal,
            Kegiatan.judul,
            Kegiatan.target_peserta,
            Kegiatan.target_satuan,
            Kegiatan.catatan,
        )
        .join(Kelurahan, Kelurahan.id == Kegiatan.kelurahan_id)
        .outerjoin(RW, RW.id == Kegiatan.rw_id)
        .outerjoin(RT, RT.id == Kegiatan.rt_id)
        .where(Kegiatan.id == kegiatan_id, *area_conditions(allowed, Kegiatan))
    ).one_or_none()
    if row is None:
        return None
    counts = conn.execute(
        select(KegiatanKehadiran.peran, KegiatanKehadiran.jumlah).where(KegiatanKehadiran.kegiatan_id == kegiatan_id)
    )
    return ActivityInput(
        kelurahan_kode=row.kode,
        tingkat=row.tingkat,
        rw=row.rw,
        rt=row.rt,
        jenis=row.jenis,
        tanggal=row.tanggal,
        judul=row.judul,
        target_peserta=row.target_peserta,
        target_satuan=row.target_satuan,
        kehadiran=dict(counts.all()),
        catatan=row.catatan,
    )


@dataclass(frozen=True)
class ActivityRow:
    """One line of the recent-activities list."""

    nomor: int
    tanggal: date
    jenis: str
    tingkat: str
    rw: str | None
    rt: str | None
    judul: str
    hadir: int
    target_peserta: int | None
    target_satuan: str


@dataclass(frozen=True)
class ActivityPage:
    """One page of recent activities, newest first, and how many there are in all."""

    rows: list[ActivityRow]
    total: int
    page: int
    pages: int


def recent_activities(conn: Connection, scope: Scope, *, page: int = 1, page_size: int = PAGE_SIZE) -> ActivityPage:
    """The activities inside the scope, newest first, one page at a time (LIMIT/OFFSET in SQL)."""
    area = resolve_area(conn, None, None, None, scope)
    conditions = area_conditions(area, Kegiatan)
    total = conn.execute(select(func.count()).select_from(Kegiatan).where(*conditions)).scalar_one()
    pages = max(1, -(-total // page_size))
    page = min(max(1, page), pages)
    hadir = (
        select(func.coalesce(func.sum(KegiatanKehadiran.jumlah), 0))
        .where(KegiatanKehadiran.kegiatan_id == Kegiatan.id)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            Kegiatan.id,
            Kegiatan.tanggal,
            Kegiatan.jenis,
            Kegiatan.tingkat,
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
            Kegiatan.judul,
            hadir.label("hadir"),
            Kegiatan.target_peserta,
            Kegiatan.target_satuan,
        )
        .outerjoin(RW, RW.id == Kegiatan.rw_id)
        .outerjoin(RT, RT.id == Kegiatan.rt_id)
        .where(*conditions)
        .order_by(Kegiatan.tanggal.desc(), Kegiatan.id.desc())
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    return ActivityPage(rows=[ActivityRow(*row) for row in rows], total=total, page=page, pages=pages)
