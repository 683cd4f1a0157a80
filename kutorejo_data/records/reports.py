"""The report list (one page at a time, in SQL) and one report's detail with its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import ColumnElement, Connection, ScalarSelect, case, func, select

from kutorejo_data.core.domain import MAX_REPORT_NUMBER, OPEN_STATUSES, STATUS_SELESAI
from kutorejo_data.core.filters import (
    EVERYTHING,
    ReportFilters,
    Scope,
    area_conditions,
    report_conditions,
    resolve_area,
)
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, Laporan, Pengguna, RiwayatPenugasan, StatusHistory
from kutorejo_data.core.sqlfuncs import days_between
from kutorejo_data.core.workdays import WorkCalendar

from .confirmation import ResidentAnswer, answers_of
from .holidays import calendar
from .support import SupportEntry, supports_of

PAGE_SIZE = 50


def _last_change() -> ScalarSelect[datetime]:
    """When the report's status last changed (for a closed report: when it was closed)."""
    return select(func.max(StatusHistory.changed_at)).where(StatusHistory.laporan_id == Laporan.id).scalar_subquery()


def _end(now: datetime) -> ColumnElement[datetime]:
    """Until when a report's age runs: now while it is open, else when it was closed."""
    return case((Laporan.status.in_(OPEN_STATUSES), now), else_=_last_change())


def _age_days(now: datetime) -> days_between:
    """UMUR: days since received; for a closed report, until it was closed."""
    return days_between(Laporan.reported_at, _end(now))


def working_days_past_due(cal: WorkCalendar, due: datetime | None, end: datetime | None) -> int:
    """STATUS_SLA in working days: how many working days after its deadline a report was still open (or was closed),
    negative for the working days it had left; 0 on the day itself."""
    if due is None or end is None:
        return 0
    return cal.working_days_between(due.date(), end.date())


def count_reports(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> int:
    """How many reports match the filters (the list's total)."""
    stmt = select(func.count()).select_from(Laporan).where(*report_conditions(conn, filters, scope))
    return int(conn.execute(stmt).scalar_one())


def report_page(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
    page: int = 0,
    page_size: int = PAGE_SIZE,
) -> pd.DataFrame:
    """One page of the filtered list, newest first: only these rows ever leave the database.

    Columns: nomor, tanggal, rw, rt, kategori (slug), kategori_nama, judul, status, prioritas, umur (days),
    sla_hari, batas_selesai, lewat_sla (working days past the deadline; ≤ 0 means on time), penanganan,
    penanganan_nama, penanggung_jawab (the name of the person in charge), dukungan (other households affected).
    """
    age = _age_days(now).label("umur")
    stmt = (
        select(
            Laporan.id.label("nomor"),
            Laporan.reported_at.label("tanggal"),
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
            Kategori.slug.label("kategori"),
            Kategori.nama.label("kategori_nama"),
            Laporan.judul,
            Laporan.status,
            Laporan.prioritas,
            age,
            Kategori.sla_hari,
            Laporan.batas_selesai,
            _end(now).label("akhir"),
            Laporan.penanganan,
            Laporan.penanganan_nama,
            func.coalesce(func.nullif(Pengguna.nama, ""), Pengguna.username).label("penanggung_jawab"),
            Laporan.jumlah_dukungan.label("dukungan"),
        )
        .join(RT, RT.id == Laporan.rt_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .outerjoin(Pengguna, Pengguna.id == Laporan.penanggung_jawab_id)
        .where(*report_conditions(conn, filters, scope))
        .order_by(Laporan.reported_at.desc(), Laporan.id.desc())
        .limit(page_size)
        .offset(max(page, 0) * page_size)
    )
    rows = [dict(row) for row in conn.execute(stmt).mappings()]
    cal = calendar(conn, None)
    for row in rows:
        row["lewat_sla"] = working_days_past_due(cal, row["batas_selesai"], row.pop("akhir"))
    columns = [
        "nomor",
        "tanggal",
        "rw",
        "rt",
        "kategori",
        "kategori_nama",
        "judul",
        "status",
        "prioritas",
        "umur",
        "sla_hari",
        "batas_selesai",
        "lewat_sla",
        "penanganan",
        "penanganan_nama",
        "penanggung_jawab",
        "dukungan",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class AssignmentEntry:
    """One change of who was in charge of a report."""

    changed_at: datetime
    jenis: str  # domain.ASSIGNMENT_KINDS
    tingkat: str
    ke: str | None  # the new person's name (or username); None when nobody could take it
    alasan: str
    changed_by: str


def assignments_of(conn: Connection, nomor: int) -> tuple[AssignmentEntry, ...]:
    """Who was in charge of a report and why, oldest first; the caller checked the scope."""
    stmt = (
        select(
            RiwayatPenugasan.changed_at,
            RiwayatPenugasan.jenis,
            RiwayatPenugasan.tingkat,
            func.coalesce(func.nullif(Pengguna.nama, ""), Pengguna.username),
            RiwayatPenugasan.alasan,
            RiwayatPenugasan.changed_by,
        )
        .outerjoin(Pengguna, Pengguna.id == RiwayatPenugasan.ke_pengguna_id)
        .where(RiwayatPenugasan.laporan_id == nomor)
        .order_by(RiwayatPenugasan.changed_at, RiwayatPenugasan.id)
    )
    return tuple(AssignmentEntry(*row) for row in conn.execute(stmt))


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a report's status timeline."""

    changed_at: datetime
    from_status: str | None
    to_status: str
    changed_by: str
    note: str
    penanganan: str | None
    penanganan_nama: str | None


def history_of(
    conn: Connection, nomor: int, *, newest_first: bool = False, limit: int | None = None
) -> tuple[HistoryEntry, ...]:
    """A report's status history, oldest first (or the newest `limit` entries first); the caller checked the scope."""
    order = (
        (StatusHistory.changed_at.desc(), StatusHistory.id.desc())
        if newest_first
        else (
            StatusHistory.changed_at,
            StatusHistory.id,
        )
    )
    stmt = (
        select(
            StatusHistory.changed_at,
            StatusHistory.from_status,
            StatusHistory.to_status,
            StatusHistory.changed_by,
            StatusHistory.note,
            StatusHistory.penanganan,
            StatusHistory.penanganan_nama,
        )
        .where(StatusHistory.laporan_id == nomor)
        .order_by(*order)
        .limit(limit)
    )
    return tuple(HistoryEntry(*entry) for entry in conn.execute(stmt))


@dataclass(frozen=True)
class ReportDetail:
    """Everything about one report that the reader may see."""

    nomor: int
    kelurahan: str
    kode_wilayah: str
    rw: str
    rt: str
    kategori: str
    kategori_nama: str
    sla_hari: int
    judul: str
    deskripsi: str
    lokasi: str
    lat: float | None
    lon: float | None
    sumber: str
    prioritas: str
    status: str
    penanganan: str | None
    penanganan_nama: str | None
    reported_at: datetime
    version: int
    duplikat_dari: int | None
    duplikat_dari_judul: str | None
    pelapor_nama: str | None  # None unless the reader may see personal data
    pelapor_telepon: str | None
    history: tuple[HistoryEntry, ...]
    waktu_tanggap: float | None  # days to the first change away from "baru"
    waktu_penyelesaian: float | None  # days to the current resolution, if resolved
    umur: float  # UMUR, days
    lewat_sla: int  # working days past the deadline; > 0 means overdue (or resolved late)
    batas_tanggap: datetime | None
    batas_selesai: datetime | None
    batas_tahap: datetime | None
    penanggung_jawab: str | None  # the person in charge (name, or username)
    penugasan: tuple[AssignmentEntry, ...]  # who was in charge when, and why
    dukungan: tuple[SupportEntry, ...]  # other households affected, oldest first
    kode_lacak: str | None  # the public tracking code
    jawaban_warga: tuple[ResidentAnswer, ...]  # the reporter's "sudah beres?" answers, oldest first


def report_detail(
    conn: Connection, nomor: int, scope: Scope = EVERYTHING, *, now: datetime, with_personal_data: bool = False
) -> ReportDetail | None:
    """One report inside the scope, with its history; None when it does not exist or is outside the scope."""
    if not 1 <= nomor <= MAX_REPORT_NUMBER:  # no such id; a larger number would not even bind in SQLite
        return None
    area = resolve_area(conn, None, None, None, scope)
    age = _age_days(now)
    row = conn.execute(
        select(
            *Laporan.__table__.columns,
            Kelurahan.nama.label("kelurahan"),
            Kelurahan.kode.label("kode_wilayah"),
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
            Kategori.slug.label("kategori"),
            Kategori.nama.label("kategori_nama"),
            Kategori.sla_hari,
            days_between(Laporan.reported_at, Laporan.first_response_at).label("waktu_tanggap"),
            age.label("umur"),
            _end(now).label("akhir"),
            func.coalesce(func.nullif(Pengguna.nama, ""), Pengguna.username).label("penanggung_jawab"),
        )
        .outerjoin(Pengguna, Pengguna.id == Laporan.penanggung_jawab_id)
        .join(Kelurahan, Kelurahan.id == Laporan.kelurahan_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(RT, RT.id == Laporan.rt_id)
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(Laporan.id == nomor, *area_conditions(area))
    ).first()
    if row is None:
        return None
    report = row
    history = history_of(conn, nomor)
    original_title = None
    if report.duplikat_dari_id is not None:
        original_title = conn.execute(
            select(Laporan.judul).where(Laporan.id == report.duplikat_dari_id, *area_conditions(area))
        ).scalar()
    resolution = None
    if report.status == STATUS_SELESAI and history:
        resolution = (history[-1].changed_at - report.reported_at).total_seconds() / 86400
    return ReportDetail(
        nomor=report.id,
        kelurahan=row.kelurahan,
        kode_wilayah=row.kode_wilayah,
        rw=row.rw,
        rt=row.rt,
        kategori=row.kategori,
        kategori_nama=row.kategori_nama,
        sla_hari=row.sla_hari,
        judul=report.judul,
        deskripsi=report.deskripsi,
        lokasi=report.lokasi,
        lat=report.lat,
        lon=report.lon,
        sumber=report.sumber,
        prioritas=report.prioritas,
        status=report.status,
        penanganan=report.penanganan,
        penanganan_nama=report.penanganan_nama,
        reported_at=report.reported_at,
        version=report.version,
        duplikat_dari=report.duplikat_dari_id,
        duplikat_dari_judul=original_title,
        pelapor_nama=report.pelapor_nama if with_personal_data else None,
        pelapor_telepon=report.pelapor_telepon if with_personal_data else None,
        history=history,
        waktu_tanggap=row.waktu_tanggap,
        waktu_penyelesaian=resolution,
        umur=float(row.umur),
        lewat_sla=working_days_past_due(calendar(conn, report.kelurahan_id), report.batas_selesai, row.akhir),
        batas_tanggap=report.batas_tanggap,
        batas_selesai=report.batas_selesai,
        batas_tahap=report.batas_tahap,
        penanggung_jawab=row.penanggung_jawab,
        penugasan=assignments_of(conn, nomor),
        dukungan=supports_of(conn, nomor, with_personal_data=with_personal_data),
        kode_lacak=report.kode_lacak,
        jawaban_warga=answers_of(conn, nomor),
    )
