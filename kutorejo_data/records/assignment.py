"""Who is in charge of a report (penanggung jawab) and by when: set when a report is made, changed by hand with a
reason, moved up by escalation, and handed on when an account is deactivated. Every change is appended to
`riwayat_penugasan` in the same transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import Connection, Engine, and_, insert, or_, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.db import batches, write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope, area_conditions, resolve_area
from kutorejo_data.core.models import Kategori, Laporan, Pengguna, RiwayatPenugasan
from kutorejo_data.core.workdays import END_OF_DAY, WorkCalendar

from . import audit, notifications
from .holidays import calendar
from .routing import ReportPlace, Router

REASON_MAX = 500


@dataclass(frozen=True)
class Deadlines:
    """A report's due moments: to respond, to resolve (the category's targets), and for its current level."""

    batas_tanggap: datetime
    batas_selesai: datetime
    batas_tahap: datetime


def deadlines(
    cal: WorkCalendar, reported_at: datetime, tanggap_hari: int, sla_hari: int, level: str | None = None
) -> Deadlines:
    """The due moments of a report made at `reported_at`; a level above RT has had its extra stages."""
    selesai = cal.due(reported_at, sla_hari)
    stages = domain.ESCALATION_LADDER.index(level) if level in domain.ESCALATION_LADDER else 0
    tahap = cal.due(selesai, domain.ESCALATION_STAGE_WORKING_DAYS * stages) if stages else selesai
    return Deadlines(cal.due(reported_at, tanggap_hari), selesai, tahap)


def deadlines_many(
    cal: WorkCalendar, reported_at: np.ndarray, tanggap_hari: np.ndarray, sla_hari: np.ndarray, stages: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`deadlines` for many reports at once (numpy datetime64 moments; stages = levels above RT): for bulk loads."""
    days = reported_at.astype("datetime64[D]")
    end = np.timedelta64(END_OF_DAY.hour * 3600 + END_OF_DAY.minute * 60 + END_OF_DAY.second, "s")
    tanggap = cal.due_many(days, tanggap_hari) + end
    selesai_day = cal.due_many(days, sla_hari)
    extra = domain.ESCALATION_STAGE_WORKING_DAYS * stages
    tahap_day = np.where(extra > 0, cal.due_many(selesai_day, np.maximum(extra, 1)), selesai_day)
    return tanggap, selesai_day + end, tahap_day.astype("datetime64[D]") + end


def deadlines_for(
    conn: Connection,
    kelurahan_ids: Sequence[int],
    kategori_ids: Sequence[int],
    reported_at: Sequence[datetime],
    levels: Sequence[str | None],
) -> list[Deadlines]:
    """Due moments of many reports at once (a bulk import, a backfill), each by its kelurahan's calendar and its
    category's targets."""
    targets = {row.id: (row.tanggap_hari, row.sla_hari) for row in conn.execute(_TARGETS)}
    result: list[Deadlines | None] = [None] * len(reported_at)
    stages = {level: index for index, level in enumerate(domain.ESCALATION_LADDER)}
    for kelurahan_id in set(kelurahan_ids):
        where = [i for i, k in enumerate(kelurahan_ids) if k == kelurahan_id]
        tanggap, selesai, tahap = deadlines_many(
            calendar(conn, kelurahan_id),
            np.array([reported_at[i] for i in where], dtype="datetime64[s]"),
            np.array([targets[kategori_ids[i]][0] for i in where]),
            np.array([targets[kategori_ids[i]][1] for i in where]),
            np.array([stages.get(levels[i] or "rt", 0) for i in where]),
        )
        for position, i in enumerate(where):
            result[i] = Deadlines(tanggap[position].item(), selesai[position].item(), tahap[position].item())
    return [due for due in result if due is not None]


_TARGETS = select(Kategori.id, Kategori.tanggap_hari, Kategori.sla_hari)


@dataclass(frozen=True)
class Change:
    """One change of who is in charge of a report, as its assignment history records it."""

    laporan_id: int
    jenis: str
    tingkat: str
    dari: int | None
    ke: int | None
    batas_tahap: datetime | None
    alasan: str


def record_changes(conn: Connection, changes: Sequence[Change], *, actor: str, at: datetime) -> None:
    """Append changes of who is in charge to the reports' assignment history; each new holder hears of theirs. Written
    in batches (the daily escalation may move hundreds of reports at once)."""
    told: list[notifications.HolderChange] = []
    for batch in batches(changes):
        rows = [
            {
                "laporan_id": change.laporan_id,
                "changed_at": at,
                "jenis": change.jenis,
                "tingkat": change.tingkat,
                "dari_pengguna_id": change.dari,
                "ke_pengguna_id": change.ke,
                "batas_tahap": change.batas_tahap,
                "alasan": change.alasan,
                "changed_by": actor,
            }
            for change in batch
        ]
        added = insert(RiwayatPenugasan).returning(RiwayatPenugasan.id, sort_by_parameter_order=True)
        ids = conn.execute(added, rows).scalars().all()
        told += [
            notifications.HolderChange(change_id, change.laporan_id, change.jenis, change.ke)
            for change_id, change in zip(ids, batch, strict=True)
            if change.ke is not None
        ]
    notifications.holders_changed(conn, told, actor=actor, now=at)


def record_change(
    conn: Connection,
    laporan_id: int,
    *,
    jenis: str,
    tingkat: str,
    dari: int | None,
    ke: int | None,
    batas_tahap: datetime | None,
    alasan: str,
    actor: str,
    at: datetime,
) -> None:
    """Append one change of who is in charge to the report's assignment history; the new holder hears of it."""
    record_changes(conn, [Change(laporan_id, jenis, tingkat, dari, ke, batas_tahap, alasan)], actor=actor, at=at)


def assign_new_report(
    conn: Connection, laporan_id: int, place: ReportPlace, reported_at: datetime, *, actor: str, now: datetime
) -> int | None:
    """Set a new report's person in charge (by the routing rules) and its due moments; returns the account id."""
    tanggap_hari, sla_hari = conn.execute(
        select(Kategori.tanggap_hari, Kategori.sla_hari).where(Kategori.id == place.kategori_id)
    ).one()
    due = deadlines(calendar(conn, place.kelurahan_id), reported_at, tanggap_hari, sla_hari)
    holder = Router(conn).holder(place, "rt")
    conn.execute(
        update(Laporan)
        .where(Laporan.id == laporan_id)
        .values(
            penanggung_jawab_id=holder,
            batas_tanggap=due.batas_tanggap,
            batas_selesai=due.batas_selesai,
            batas_tahap=due.batas_tahap,
        )
    )
    record_change(
        conn,
        laporan_id,
        jenis="awal",
        tingkat="rt",
        dari=None,
        ke=holder,
        batas_tahap=due.batas_tahap,
        alasan="",
        actor=actor,
        at=now,
    )
    return holder


@dataclass(frozen=True)
class Reassignment:
    """A change of the person in charge by hand: to whom, and why (the reason is required)."""

    laporan_id: int
    to_pengguna_id: int
    reason: str


def reassign(engine: Engine, change: Reassignment, *, actor: str, scope: Scope = EVERYTHING, now: datetime) -> None:
    """Hand an open report to another active account of its area, with a reason, in one audited transaction."""
    require_writable(scope)
    reason = change.reason.strip()
    if not reason:
        raise ValidationError({"alasan": "error.reassign_needs_reason"})
    if len(reason) > REASON_MAX:
        raise ValidationError({"alasan": "error.reason_too_long"})
    with write_transaction(engine) as conn:
        area = resolve_area(conn, None, None, None, scope)
        report = conn.execute(
            select(
                Laporan.id, Laporan.status, Laporan.penanganan, Laporan.penanggung_jawab_id, Laporan.batas_tahap
            ).where(Laporan.id == change.laporan_id, *area_conditions(area))
        ).one_or_none()
        if report is None:
            raise ServiceError("error.report_not_found", nomor=change.laporan_id)
        if report.status not in domain.OPEN_STATUSES:
            raise ServiceError("error.reassign_closed", nomor=change.laporan_id)
        active = conn.execute(select(Pengguna.aktif).where(Pengguna.id == change.to_pengguna_id)).scalar_one_or_none()
        if not active:
            raise ValidationError({"pengguna": "error.reassign_inactive"})
        if report.penanggung_jawab_id == change.to_pengguna_id:
            return
        conn.execute(update(Laporan).where(Laporan.id == report.id).values(penanggung_jawab_id=change.to_pengguna_id))
        level = report.penanganan or "rt"
        record_change(
            conn,
            report.id,
            jenis="manual",
            tingkat=level,
            dari=report.penanggung_jawab_id,
            ke=change.to_pengguna_id,
            batas_tahap=report.batas_tahap,
            alasan=reason,
            actor=actor,
            at=now,
        )
        audit.record(
            conn,
            actor,
            "reassign",
            "laporan",
            report.id,
            {"penanggung_jawab_id": report.penanggung_jawab_id},
            {"penanggung_jawab_id": change.to_pengguna_id, "alasan": reason},
            at=now,
        )


@dataclass(frozen=True)
class Candidate:
    """An account that may be put in charge of a report: its id and how it is shown."""

    id: int
    label: str


def candidates(conn: Connection, laporan_id: int) -> list[Candidate]:
    """Active accounts whose area covers the report: its RT's and RW's heads, and the office."""
    place = conn.execute(
        select(Laporan.kelurahan_id, Laporan.rw_id, Laporan.rt_id).where(Laporan.id == laporan_id)
    ).one_or_none()
    if place is None:
        return []
    covers = or_(
        and_(Pengguna.role == "ketua_rt", Pengguna.rt_id == place.rt_id),
        and_(Pengguna.role == "ketua_rw", Pengguna.rw_id == place.rw_id),
        and_(
            Pengguna.role.in_(("staf", "lurah", "admin")),
            or_(Pengguna.kelurahan_id.is_(None), Pengguna.kelurahan_id == place.kelurahan_id),
        ),
    )
    rows = conn.execute(
        select(Pengguna.id, Pengguna.username, Pengguna.nama, Pengguna.role)
        .where(Pengguna.aktif.is_(True), covers)
        .order_by(Pengguna.role, Pengguna.username)
    )
    return [Candidate(row.id, f"{row.nama or row.username} ({row.username}, {row.role})") for row in rows]


def hand_on_reports_of(conn: Connection, account_id: int, *, actor: str, now: datetime) -> dict[int | None, int]:
    """Give an account's open reports to the next person the rules name (the account itself passed over), inside
    the caller's transaction; returns how many went to whom (None: nobody could take them)."""
    rows = conn.execute(
        select(
            Laporan.id,
            Laporan.kelurahan_id,
            Laporan.rw_id,
            Laporan.rt_id,
            Laporan.kategori_id,
            Laporan.penanganan,
            Laporan.batas_tahap,
        ).where(Laporan.penanggung_jawab_id == account_id, Laporan.status.in_(domain.OPEN_STATUSES))
    ).all()
    router = Router(conn, excluding=[account_id])
    moved: dict[int | None, int] = {}
    for row in rows:
        holder = router.holder(ReportPlace(row.kelurahan_id, row.rw_id, row.rt_id, row.kategori_id), row.penanganan)
        conn.execute(update(Laporan).where(Laporan.id == row.id).values(penanggung_jawab_id=holder))
        record_change(
            conn,
            row.id,
            jenis="akun_nonaktif",
            tingkat=row.penanganan or "rt",
            dari=account_id,
            ke=holder,
            batas_tahap=row.batas_tahap,
            alasan="",
            actor=actor,
            at=now,
        )
        moved[holder] = moved.get(holder, 0) + 1
    return moved


def assign_unassigned(conn: Connection, *, actor: str, now: datetime, only: Iterable[int] | None = None) -> int:
    """Name a person for every open report that has none (a head's account made later, an old database, an
    import); returns how many got one."""
    stmt = select(
        Laporan.id,
        Laporan.kelurahan_id,
        Laporan.rw_id,
        Laporan.rt_id,
        Laporan.kategori_id,
        Laporan.penanganan,
        Laporan.batas_tahap,
    ).where(Laporan.penanggung_jawab_id.is_(None), Laporan.status.in_(domain.OPEN_STATUSES))
    if only is not None:
        stmt = stmt.where(Laporan.id.in_(list(only)))
    router = Router(conn)
    by_holder: dict[int, list[int]] = {}
    history = []
    for row in conn.execute(stmt).all():
        holder = router.holder(ReportPlace(row.kelurahan_id, row.rw_id, row.rt_id, row.kategori_id), row.penanganan)
        if holder is None:
            continue
        by_holder.setdefault(holder, []).append(row.id)
        history.append(
            {
                "laporan_id": row.id,
                "changed_at": now,
                "jenis": "awal",
                "tingkat": row.penanganan or "rt",
                "dari_pengguna_id": None,
                "ke_pengguna_id": holder,
                "batas_tahap": row.batas_tahap,
                "alasan": "",
                "changed_by": actor,
            }
        )
    # One UPDATE per person (and batch) and one multi-row INSERT: an import or an old database may bring thousands.
    for holder, ids in by_holder.items():
        for batch in batches(ids):
            conn.execute(update(Laporan).where(Laporan.id.in_(batch)).values(penanggung_jawab_id=holder))
    if history:
        conn.execute(insert(RiwayatPenugasan), history)
    return len(history)


def release_inactive_holder(conn: Connection, laporan_id: int, *, actor: str, now: datetime) -> None:
    """A reopened report whose person in charge was deactivated meanwhile goes to whom the rules name now."""
    stale = conn.execute(
        update(Laporan)
        .where(
            Laporan.id == laporan_id,
            Laporan.penanggung_jawab_id.in_(select(Pengguna.id).where(Pengguna.aktif.is_(False))),
        )
        .values(penanggung_jawab_id=None)
    )
    if stale.rowcount:
        assign_unassigned(conn, actor=actor, now=now, only=[laporan_id])
