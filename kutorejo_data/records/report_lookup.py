"""Read one report for the status-update form: what it says, where it is, its status, version and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select

from kutorejo_data.core.domain import MAX_REPORT_NUMBER
from kutorejo_data.core.filters import Scope, area_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, Laporan, StatusHistory

from .reports import HistoryEntry, history_of

HISTORY_SHOWN = 10


@dataclass(frozen=True)
class ReportCard:
    """A report as the status form shows it; `version` is what a status change must name."""

    nomor: int
    judul: str
    lokasi: str
    status: str
    version: int
    kelurahan_nama: str
    rw: str
    rt: str
    kategori_slug: str
    kategori_nama: str
    reported_at: datetime
    penanganan: str | None
    penanganan_nama: str | None
    duplikat_dari_id: int | None
    history: tuple[HistoryEntry, ...]  # newest first, at most HISTORY_SHOWN
    history_count: int


def find_report(conn: Connection, nomor: int, scope: Scope, history_limit: int = HISTORY_SHOWN) -> ReportCard | None:
    """The report with this number inside the scope, with its latest history; None when there is none."""
    if not 1 <= nomor <= MAX_REPORT_NUMBER:  # no such id; a larger number would not even bind in SQLite
        return None
    area = resolve_area(conn, None, None, None, scope)
    row = conn.execute(
        select(
            Laporan.id,
            Laporan.judul,
            Laporan.lokasi,
            Laporan.status,
            Laporan.version,
            Kelurahan.nama,
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
            Kategori.slug,
            Kategori.nama.label("kategori_nama"),
            Laporan.reported_at,
            Laporan.penanganan,
            Laporan.penanganan_nama,
            Laporan.duplikat_dari_id,
        )
        .join(Kelurahan, Kelurahan.id == Laporan.kelurahan_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(RT, RT.id == Laporan.rt_id)
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(Laporan.id == nomor, *area_conditions(area))
    ).one_or_none()
    if row is None:
        return None
    count = conn.execute(
        select(func.count()).select_from(StatusHistory).where(StatusHistory.laporan_id == nomor)
    ).scalar_one()
    return ReportCard(
        nomor=row.id,
        judul=row.judul,
        lokasi=row.lokasi,
        status=row.status,
        version=row.version,
        kelurahan_nama=row.nama,
        rw=row.rw,
        rt=row.rt,
        kategori_slug=row.slug,
        kategori_nama=row.kategori_nama,
        reported_at=row.reported_at,
        penanganan=row.penanganan,
        penanganan_nama=row.penanganan_nama,
        duplikat_dari_id=row.duplikat_dari_id,
        history=history_of(conn, nomor, newest_first=True, limit=history_limit),
        history_count=count,
    )
