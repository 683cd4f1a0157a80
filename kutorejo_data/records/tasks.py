"""Tugas saya: the open reports a person is in charge of, late ones first, then those more households suffer
from, then the nearest deadline; with what each needs next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, case, func, select

from kutorejo_data.core import domain
from kutorejo_data.core.filters import Scope, area_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Kategori, Laporan
from kutorejo_data.core.workdays import WorkCalendar

from .holidays import calendar

# A long queue is shown a page at a time on a phone.
TASKS_SHOWN = 30


@dataclass(frozen=True)
class Task:
    """One open report in someone's queue."""

    nomor: int
    judul: str
    rw: str
    rt: str
    kategori: str
    kategori_nama: str
    status: str
    prioritas: str
    version: int
    reported_at: datetime
    penanganan: str | None
    batas_tahap: datetime | None  # the deadline of the report's current level
    sisa_hari_kerja: int | None  # working days left until it (0: today; negative: late by that many)
    dukungan: int = 0  # other households affected


def _days_left(cal: WorkCalendar, due: datetime | None, now: datetime) -> int | None:
    if due is None:
        return None
    if due < now:
        return -max(cal.working_days_between(due.date(), now.date()), 1)
    return cal.working_days_between(now.date(), due.date())


def open_task_count(conn: Connection, account_id: int, scope: Scope) -> int:
    """How many open reports inside their area the person is in charge of (the number beside Tugas saya)."""
    area = resolve_area(conn, None, None, None, scope)
    stmt = select(func.count()).where(
        Laporan.penanggung_jawab_id == account_id,
        Laporan.status.in_(domain.OPEN_STATUSES),
        *area_conditions(area),
    )
    return int(conn.execute(stmt).scalar_one())


def my_tasks(conn: Connection, account_id: int, scope: Scope, *, now: datetime, limit: int = TASKS_SHOWN) -> list[Task]:
    """The person's open reports inside their scope, the most overdue (earliest deadline) first."""
    area = resolve_area(conn, None, None, None, scope)
    rows = conn.execute(
        select(
            Laporan.id,
            Laporan.judul,
            RW.nomor,
            RT.nomor,
            Kategori.slug,
            Kategori.nama,
            Laporan.status,
            Laporan.prioritas,
            Laporan.version,
            Laporan.reported_at,
            Laporan.penanganan,
            Laporan.batas_tahap,
            Laporan.kelurahan_id,
            Laporan.jumlah_dukungan,
        )
        .join(RW, RW.id == Laporan.rw_id)
        .join(RT, RT.id == Laporan.rt_id)
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(
            Laporan.penanggung_jawab_id == account_id,
            Laporan.status.in_(domain.OPEN_STATUSES),
            *area_conditions(area),
        )
        # Late first; then what more households suffer from; then the nearest deadline.
        .order_by(
            case((Laporan.batas_tahap < now, 0), else_=1),
            Laporan.jumlah_dukungan.desc(),
            Laporan.batas_tahap.is_(None),
            Laporan.batas_tahap,
            Laporan.id,
        )
        .limit(limit)
    ).all()
    calendars: dict[int, WorkCalendar] = {}
    tasks = []
    for row in rows:
        cal = calendars.setdefault(row.kelurahan_id, calendar(conn, row.kelurahan_id))
        tasks.append(
            Task(
                nomor=row.id,
                judul=row.judul,
                rw=row[2],
                rt=row[3],
                kategori=row.slug,
                kategori_nama=row.nama,
                status=row.status,
                prioritas=row.prioritas,
                version=row.version,
                reported_at=row.reported_at,
                penanganan=row.penanganan,
                batas_tahap=row.batas_tahap,
                sisa_hari_kerja=_days_left(cal, row.batas_tahap, now),
                dukungan=row.jumlah_dukungan,
            )
        )
    return tasks
