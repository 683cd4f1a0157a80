"""Write side: create a report and change its status. Short transactions; scope checked and audited in every write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.domain import (
    CLOCK_TOLERANCE,
    DESKRIPSI_MAX,
    EARLIEST_REPORT,
    JUDUL_MAX,
    LOKASI_MAX,
    MAX_REPORT_NUMBER,
    NAMA_MAX,
    PHONE_PATTERN,
)
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope, area_conditions, resolve_area
from kutorejo_data.core.models import Kategori, Laporan, StatusHistory

from . import audit, notifications
from .assignment import assign_new_report, release_inactive_holder
from .holidays import calendar
from .photos import PhotoFile, check_count, check_resolution_photos, first_gps, save_photos
from .routing import ReportPlace
from .tracking_codes import fresh_codes

# Leaving a report as rejected, or taking back a resolution, must say why.
NOTE_REQUIRED: dict[tuple[str, str], str] = {
    (domain.STATUS_SELESAI, domain.STATUS_DIPROSES): "error.reopen_needs_reason",
}
NOTE_REQUIRED_TO: dict[str, str] = {domain.STATUS_DITOLAK: "error.reject_needs_reason"}


@dataclass(frozen=True)
class NewReport:
    """What a report form (or an import row) provides."""

    kelurahan_kode: str
    rw: str
    rt: str
    kategori: str  # slug
    judul: str
    deskripsi: str = ""
    lokasi: str = ""
    lat: float | None = None
    lon: float | None = None
    sumber: str = "rt"
    prioritas: str = "sedang"
    pelapor_nama: str | None = None
    pelapor_telepon: str | None = None
    external_id: str | None = None  # an import's stable key (unique): the same message is never saved twice
    reported_at: datetime | None = None  # None: now
    photos: tuple[PhotoFile, ...] = ()  # *sebelum* photos; the first one's GPS fills empty coordinates


def _text_errors(report: NewReport) -> dict[str, str]:
    errors: dict[str, str] = {}
    judul = report.judul.strip()
    if not judul:
        errors["judul"] = "error.judul_required"
    elif len(judul) > JUDUL_MAX:
        errors["judul"] = "error.judul_too_long"
    if len(report.deskripsi) > DESKRIPSI_MAX:
        errors["deskripsi"] = "error.deskripsi_too_long"
    if len(report.lokasi) > LOKASI_MAX:
        errors["lokasi"] = "error.lokasi_too_long"
    if report.pelapor_nama and len(report.pelapor_nama.strip()) > NAMA_MAX:
        errors["pelapor_nama"] = "error.nama_too_long"
    if report.pelapor_telepon and not PHONE_PATTERN.match(report.pelapor_telepon.strip()):
        errors["pelapor_telepon"] = "error.telepon_invalid"
    return errors


def _choice_errors(report: NewReport, now: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if report.sumber not in domain.SOURCES:
        errors["sumber"] = "error.sumber_invalid"
    if report.prioritas not in domain.PRIORITIES:
        errors["prioritas"] = "error.prioritas_invalid"
    if (report.lat is None) != (report.lon is None):
        errors["lat"] = "error.coordinates_pair"
    elif (
        report.lat is not None
        and report.lon is not None
        and not (-90 <= report.lat <= 90 and -180 <= report.lon <= 180)
    ):
        errors["lat"] = "error.coordinates_range"
    if report.reported_at is not None:
        if report.reported_at > now + CLOCK_TOLERANCE:
            errors["reported_at"] = "error.date_in_future"
        elif report.reported_at < EARLIEST_REPORT:
            errors["reported_at"] = "error.date_too_old"
    return errors


def validate_new_report(conn: Connection, report: NewReport, scope: Scope, now: datetime) -> dict[str, str]:
    """Field → message key for everything wrong with the report; empty when it can be saved."""
    errors = {**_text_errors(report), **_choice_errors(report, now)}
    area = resolve_area(conn, report.kelurahan_kode, report.rw, report.rt, scope)
    if area.empty or area.rt_id is None:
        errors["rt"] = "error.rt_unknown"
    active = conn.execute(select(Kategori.aktif).where(Kategori.slug == report.kategori)).scalar()
    if not report.kategori:
        errors["kategori"] = "error.kategori_required"
    elif not active:
        errors["kategori"] = "error.kategori_unknown"
    return errors


def report_errors(
    engine: Engine, report: NewReport, *, scope: Scope = EVERYTHING, now: datetime | None = None
) -> dict[str, str]:
    """Field → message key for a report, without saving it (a form that found its own errors shows them all)."""
    with engine.connect() as conn:
        return validate_new_report(conn, report, scope, now or now_local())


def create_report(
    engine: Engine, report: NewReport, *, actor: str, scope: Scope = EVERYTHING, now: datetime | None = None
) -> int:
    """Save a new report and its first history entry in one transaction; returns the report number."""
    now = now or now_local()
    require_writable(scope)
    with write_transaction(engine) as conn:
        errors = validate_new_report(conn, report, scope, now)
        if errors:
            raise ValidationError(errors)
        check_count(conn, None, report.photos)
        gps = first_gps(report.photos) if report.lat is None and report.lon is None else None
        area = resolve_area(conn, report.kelurahan_kode, report.rw, report.rt, scope)
        kategori_id = conn.execute(select(Kategori.id).where(Kategori.slug == report.kategori)).scalar_one()
        reported_at = min(report.reported_at or now, now)
        inserted = conn.execute(
            insert(Laporan).values(
                kelurahan_id=area.kelurahan_id,
                rw_id=area.rw_id,
                rt_id=area.rt_id,
                kategori_id=kategori_id,
                judul=report.judul.strip(),
                deskripsi=report.deskripsi.strip(),
                lokasi=report.lokasi.strip(),
                lat=gps[0] if gps else report.lat,
                lon=gps[1] if gps else report.lon,
                sumber=report.sumber,
                prioritas=report.prioritas,
                pelapor_nama=(report.pelapor_nama or "").strip() or None,
                pelapor_telepon=(report.pelapor_telepon or "").strip() or None,
                external_id=report.external_id,
                reported_at=reported_at,
                status=domain.STATUS_BARU,
                kode_lacak=fresh_codes(conn, 1)[0],
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        laporan_id = inserted_id(inserted)
        conn.execute(
            insert(StatusHistory).values(
                laporan_id=laporan_id,
                changed_at=reported_at,
                from_status=None,
                to_status=domain.STATUS_BARU,
                changed_by=actor,
                note="",
            )
        )
        assert area.kelurahan_id is not None and area.rw_id is not None and area.rt_id is not None  # validated above
        place = ReportPlace(area.kelurahan_id, area.rw_id, area.rt_id, kategori_id)
        assign_new_report(conn, laporan_id, place, reported_at, actor=actor, now=now)
        save_photos(conn, laporan_id, domain.PHOTO_BEFORE, report.photos, actor=actor, at=now)
        notifications.report_received(conn, laporan_id, now=now)
        audit.record(
            conn,
            actor,
            "create",
            "laporan",
            laporan_id,
            after={
                "kelurahan": report.kelurahan_kode,
                "rw": report.rw,
                "rt": report.rt,
                "kategori": report.kategori,
                "judul": report.judul.strip(),
                "prioritas": report.prioritas,
                "sumber": report.sumber,
                "reported_at": reported_at,
                "status": domain.STATUS_BARU,
                # Only whether a reporter was named: the audit log must not become a second copy of personal data.
                "pelapor_dicatat": bool((report.pelapor_nama or "").strip() or (report.pelapor_telepon or "").strip()),
                **({"foto": len(report.photos), "koordinat_dari_foto": gps is not None} if report.photos else {}),
            },
            at=now,
        )
    return int(laporan_id)


@dataclass(frozen=True)
class StatusChange:
    """A requested status change, naming the version of the report the user saw."""

    laporan_id: int
    to_status: str
    expected_version: int
    note: str = ""
    penanganan: str | None = None
    penanganan_nama: str | None = None
    duplikat_dari_id: int | None = None
    photos: tuple[PhotoFile, ...] = ()  # *sesudah* photos, with a change to selesai only
    foto_publik: bool = False  # the after photos may be shown on public pages


def note_required(from_status: str, to_status: str) -> str | None:
    """The message key when this transition needs a reason in the note (reopen, reject); None otherwise."""
    return NOTE_REQUIRED.get((from_status, to_status)) or NOTE_REQUIRED_TO.get(to_status)


def _check_transition(conn: Connection, from_status: str, change: StatusChange, scope: Scope) -> None:
    if change.to_status not in domain.ALLOWED_TRANSITIONS.get(from_status, ()):
        raise ServiceError("error.transition_not_allowed", dari=from_status, ke=change.to_status)
    needs_note = note_required(from_status, change.to_status)
    if needs_note and not change.note.strip():
        raise ValidationError({"note": needs_note})
    if change.penanganan is not None and change.penanganan not in domain.HANDLER_LEVELS:
        raise ValidationError({"penanganan": "error.penanganan_invalid"})
    if change.to_status == domain.STATUS_DUPLIKAT:
        original = change.duplikat_dari_id
        if original is None:
            raise ValidationError({"duplikat_dari_id": "error.duplikat_needs_original"})
        if original == change.laporan_id:
            raise ValidationError({"duplikat_dari_id": "error.duplikat_self"})
        if not 1 <= original <= MAX_REPORT_NUMBER:
            raise ValidationError({"duplikat_dari_id": "error.report_number_invalid"})
        area = resolve_area(conn, None, None, None, scope)
        found = conn.execute(select(Laporan.id).where(Laporan.id == original, *area_conditions(area))).scalar()
        if found is None:
            raise ValidationError({"duplikat_dari_id": "error.duplikat_original_unknown"})


def change_status(
    engine: Engine, change: StatusChange, *, actor: str, scope: Scope = EVERYTHING, now: datetime | None = None
) -> int:
    """Move a report to a new status and append the history entry, in one transaction; returns the new version.

    Raises ServiceError("error.changed_meanwhile") when someone else changed the report since the user loaded it.
    """
    now = now or now_local()
    require_writable(scope)
    with write_transaction(engine) as conn:
        return apply_status_change(conn, change, actor=actor, scope=scope, now=now)


def apply_status_change(conn: Connection, change: StatusChange, *, actor: str, scope: Scope, now: datetime) -> int:
    """`change_status` inside the caller's transaction (a resident's "belum" writes its answer in the same one)."""
    area = resolve_area(conn, None, None, None, scope)
    report = conn.execute(
        select(
            Laporan.id,
            Laporan.status,
            Laporan.version,
            Laporan.reported_at,
            Laporan.updated_at,
            Laporan.penanganan,
            Laporan.penanganan_nama,
            Laporan.kelurahan_id,
            Laporan.kategori_id,
        ).where(Laporan.id == change.laporan_id, *area_conditions(area))
    ).one_or_none()
    if report is None:
        raise ServiceError("error.report_not_found", nomor=change.laporan_id)
    if report.version != change.expected_version:
        raise ServiceError("error.changed_meanwhile", nomor=change.laporan_id)
    _check_transition(conn, report.status, change, scope)
    check_resolution_photos(conn, report.id, report.kategori_id, change.to_status, change.photos)
    penanganan = change.penanganan or report.penanganan
    penanganan_nama = (change.penanganan_nama or "").strip() or (
        report.penanganan_nama if penanganan == report.penanganan else None
    )
    changed_at = max(now, report.updated_at, report.reported_at)  # history never runs backwards
    reopened = report.status in domain.CLOSED_STATUSES and change.to_status in domain.OPEN_STATUSES
    extra: dict[str, object] = {}
    if reopened:  # back in someone's queue: their level gets its stage again, from now
        cal = calendar(conn, report.kelurahan_id)
        extra["batas_tahap"] = cal.due(changed_at, domain.ESCALATION_STAGE_WORKING_DAYS)
    updated = conn.execute(
        update(Laporan)
        .where(Laporan.id == report.id, Laporan.version == change.expected_version)
        .values(
            **extra,
            status=change.to_status,
            version=Laporan.version + 1,
            updated_at=changed_at,
            penanganan=penanganan,
            penanganan_nama=penanganan_nama,
            duplikat_dari_id=change.duplikat_dari_id if change.to_status == domain.STATUS_DUPLIKAT else None,
        )
    )
    if updated.rowcount != 1:  # a concurrent writer got there first (PostgreSQL READ COMMITTED)
        raise ServiceError("error.changed_meanwhile", nomor=change.laporan_id)
    if reopened:  # its holder may have left while it was closed: the rules name someone else
        release_inactive_holder(conn, report.id, actor=actor, now=changed_at)
    conn.execute(
        insert(StatusHistory).values(
            laporan_id=report.id,
            changed_at=changed_at,
            from_status=report.status,
            to_status=change.to_status,
            changed_by=actor,
            note=change.note.strip(),
            penanganan=penanganan,
            penanganan_nama=penanganan_nama,
        )
    )
    save_photos(
        conn, report.id, domain.PHOTO_AFTER, change.photos, actor=actor, at=changed_at, publik=change.foto_publik
    )
    audit.record(
        conn,
        actor,
        "status",
        "laporan",
        report.id,
        {
            "status": report.status,
            "version": report.version,
            "penanganan": report.penanganan,
            "penanganan_nama": report.penanganan_nama,
        },
        {
            "status": change.to_status,
            "version": report.version + 1,
            "penanganan": penanganan,
            "penanganan_nama": penanganan_nama,
            "note": change.note.strip(),
            "duplikat_dari_id": change.duplikat_dari_id if change.to_status == domain.STATUS_DUPLIKAT else None,
        },
        at=changed_at,
    )
    notifications.status_changed(conn, report.id, report.version + 1, actor=actor, now=changed_at)
    return report.version + 1
