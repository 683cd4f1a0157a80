"""The escalation ladder: an open report past its level's deadline moves up (RT → RW → kelurahan → dinas) with a new
deadline and a new person in charge, written to its assignment history as an automatic step with the reason.

`tick` is idempotent: a report it moved has a deadline in the future, so running it twice, or again after a missed
day, moves nothing twice. It is the first step of the daily job (meeting/daily.py), which cron runs
(`python -m kutorejo_data tick`) and the app runs at most once an hour when nobody has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, func, insert, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.db import batches, write_transaction
from kutorejo_data.core.formatting import fmt_date
from kutorejo_data.core.models import AppMeta, Laporan

from . import audit
from .assignment import Change, assign_unassigned, record_changes
from .holidays import calendar
from .routing import ReportPlace, Router

SYSTEM_ACTOR = "sistem"
LAST_TICK_KEY = "tick_terakhir"
# The app runs the daily job itself when nobody has for this long (a kelurahan without cron still escalates).
TICK_INTERVAL = timedelta(hours=1)


@dataclass(frozen=True)
class TickResult:
    """What one run did: reports moved up a level, and open reports that got a person in charge."""

    escalated: int
    assigned: int


def next_level(level: str | None) -> str | None:
    """The level above on the ladder, or None at the top (dinas)."""
    ladder = domain.ESCALATION_LADDER
    index = ladder.index(level) if level in ladder else 0
    return ladder[index + 1] if index + 1 < len(ladder) else None


def tick(engine: Engine, *, now: datetime, actor: str = SYSTEM_ACTOR) -> TickResult:
    """Escalate every open report past its level's deadline, name a person for open reports without one, and note
    when this ran; one transaction."""
    with write_transaction(engine) as conn:
        escalated = _escalate(conn, now, actor)
        assigned = assign_unassigned(conn, actor=actor, now=now)
        if escalated or assigned:
            audit.record(
                conn, actor, "tick", "laporan", None, after={"eskalasi": escalated, "ditugaskan": assigned}, at=now
            )
        _remember_run(conn, now)
    return TickResult(escalated, assigned)


def _escalate(conn: Connection, now: datetime, actor: str) -> int:
    due = conn.execute(
        select(
            Laporan.id,
            Laporan.kelurahan_id,
            Laporan.rw_id,
            Laporan.rt_id,
            Laporan.kategori_id,
            Laporan.penanganan,
            Laporan.penanggung_jawab_id,
            Laporan.batas_tahap,
        )
        .where(
            Laporan.status.in_(domain.OPEN_STATUSES),
            Laporan.batas_tahap < now,
            func.coalesce(Laporan.penanganan, "rt") != domain.ESCALATION_LADDER[-1],
        )
        .order_by(Laporan.id)
    ).all()
    router = Router(conn)
    # Every report moved today gets the same deadline in its kelurahan: so many working days from now.
    deadlines = {
        kelurahan: calendar(conn, kelurahan).due(now, domain.ESCALATION_STAGE_WORKING_DAYS)
        for kelurahan in {row.kelurahan_id for row in due}
    }
    moves: dict[tuple[str, int | None, datetime], list[int]] = {}
    changes: list[Change] = []
    for row in due:
        level = row.penanganan or domain.ESCALATION_LADDER[0]
        above = next_level(level)
        if above is None:
            continue
        deadline = deadlines[row.kelurahan_id]
        holder = router.holder(ReportPlace(row.kelurahan_id, row.rw_id, row.rt_id, row.kategori_id), above)
        moves.setdefault((above, holder, deadline), []).append(row.id)
        reason = f"Otomatis: lewat batas tingkat {level.upper()} ({fmt_date(row.batas_tahap.date())})"
        changes.append(Change(row.id, "eskalasi", above, row.penanggung_jawab_id, holder, deadline, reason))
    # One UPDATE per new level, holder and deadline: after a missed week the job may move thousands at once.
    for (above, holder, deadline), ids in moves.items():
        for batch in batches(ids):
            conn.execute(
                update(Laporan)
                .where(Laporan.id.in_(batch))
                .values(penanganan=above, penanganan_nama=None, penanggung_jawab_id=holder, batas_tahap=deadline)
            )
    record_changes(conn, changes, actor=actor, at=now)
    return len(due)


def _remember_run(conn: Connection, now: datetime) -> None:
    updated = conn.execute(update(AppMeta).where(AppMeta.key == LAST_TICK_KEY).values(value=now.isoformat()))
    if updated.rowcount == 0:
        conn.execute(insert(AppMeta).values(key=LAST_TICK_KEY, value=now.isoformat()))


def last_run(conn: Connection) -> datetime | None:
    """When the job last ran, or None."""
    value = conn.execute(select(AppMeta.value).where(AppMeta.key == LAST_TICK_KEY)).scalar()
    return datetime.fromisoformat(value) if value else None
