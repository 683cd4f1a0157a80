"""The report list (one page at a time, in SQL) and one report's detail with its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, ScalarSelect, case, func, select

from kutorejo_data.core.domain import MAX_REPORT_NUMBER, OPEN_STATUSES, STATUS_SELESAI
from kutorejo_data.core.filters import (
    EVERYTHING,
    ReportFilters,
    Scope,
    area_conditions,
    report_conditions,
    resolve_area,
)
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, Laporan, StatusHistory
from kutorejo_data.core.sqlfuncs import days_between

PAGE_SIZE = 50


def _last_change() -> ScalarSelect[datetime]:
    """When the report's status last changed (for a closed report: when it was closed)."""
    return select(func.max(StatusHistory.changed_at)).where(StatusHistory.laporan_id == Laporan.id).scalar_subquery()


def _age_days(now: datetime) -> days_between:
    """UMUR: days since received; for a closed report, until it was closed."""
    end = case((Laporan.status.in_(OPEN_STATUSES), now), else_=_last_change())
    return days_between(Laporan.reported_at, end)


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
    sla_hari, lewat_sla (days past the SLA; ≤ 0 means on time), penanganan, penanganan_nama.
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
            (age - Kategori.sla_hari).label("lewat_sla"),
            Laporan.penanganan,
            Laporan.penanganan_nama,
        )
        .join(RT, RT.id == Laporan.rt_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(*report_conditions(conn, filters, scope))
        .order_by(Laporan.reported_at.desc(), Laporan.id.desc())
        .limit(page_size)
        .offset(max(page, 0) * page_size)
    )
    rows = conn.execute(stmt).mappings().all()
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
        "lewat_sla",
        "penanganan",
        "penanganan_nama",
    ]
    return pd.DataFrame([dict(row) for row in rows], columns=columns)


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
    lewat_sla: float  # umur − SLA days; > 0 means overdue (or resolved late)


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
        )
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
        lewat_sla=float(row.umur) - row.sla_hari,
    )
