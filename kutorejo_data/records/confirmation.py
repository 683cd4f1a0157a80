""" "Sudah beres?": a resident's answer, on the public page, to a report's resolution.

*Ya* records the confirmation (with an optional 1–5 rating); *Belum* with a reason, within CONFIRMATION_DAYS of the
resolution, reopens the report (the history says the reporter reopened it) and puts it back in the queue of its
person in charge. One answer per resolution: the database refuses a second one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core import domain
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING
from kutorejo_data.core.models import KonfirmasiWarga, Laporan, StatusHistory
from kutorejo_data.core.tracking import normalise_code

from . import audit, notifications
from .notifications import REOPENED_BY_REPORTER, REPORTER_ACTOR
from .report_writes import StatusChange, apply_status_change

REASON_MAX = 500
WINDOW = timedelta(days=domain.CONFIRMATION_DAYS)


@dataclass(frozen=True)
class Answer:
    """A resident's answer: "ya" (with an optional rating 1–5) or "belum" (with a reason)."""

    jawaban: str
    nilai: int | None = None
    alasan: str = ""


@dataclass(frozen=True)
class Resolution:
    """A resolved report as the public page asks about it: when it was resolved, until when it may be answered, and
    the answer already given to this resolution (None: not yet)."""

    laporan_id: int
    resolved_at: datetime
    answer_until: datetime
    answered: str | None


@dataclass(frozen=True)
class ResidentAnswer:
    """An answer as a report's detail shows it."""

    created_at: datetime
    jawaban: str
    nilai: int | None
    alasan: str


def answers_of(conn: Connection, laporan_id: int) -> tuple[ResidentAnswer, ...]:
    """A report's "sudah beres?" answers, oldest first."""
    rows = conn.execute(
        select(KonfirmasiWarga.created_at, KonfirmasiWarga.jawaban, KonfirmasiWarga.nilai, KonfirmasiWarga.alasan)
        .where(KonfirmasiWarga.laporan_id == laporan_id)
        .order_by(KonfirmasiWarga.created_at, KonfirmasiWarga.id)
    )
    return tuple(ResidentAnswer(*row) for row in rows)


def answer_errors(answer: Answer) -> dict[str, str]:
    """What is wrong with an answer, field → message key."""
    if answer.jawaban not in domain.CONFIRMATION_ANSWERS:
        return {"jawaban": "error.confirm_answer_unknown"}
    if answer.nilai is not None and not 1 <= answer.nilai <= 5:
        return {"nilai": "error.confirm_rating_range"}
    reason = answer.alasan.strip()
    if answer.jawaban == "belum" and not reason:
        return {"alasan": "error.confirm_needs_reason"}
    if len(reason) > REASON_MAX:
        return {"alasan": "error.reason_too_long"}
    return {}


def latest_resolution(conn: Connection, laporan_id: int) -> Resolution | None:
    """The resolution a resident may answer now, when the report's current status is `selesai`; else None."""
    status = conn.execute(select(Laporan.status).where(Laporan.id == laporan_id)).scalar()
    if status != domain.STATUS_SELESAI:
        return None
    resolved_at = conn.execute(
        select(StatusHistory.changed_at)
        .where(StatusHistory.laporan_id == laporan_id, StatusHistory.to_status == domain.STATUS_SELESAI)
        .order_by(StatusHistory.changed_at.desc(), StatusHistory.id.desc())
        .limit(1)
    ).scalar_one()
    answered = conn.execute(
        select(KonfirmasiWarga.jawaban).where(
            KonfirmasiWarga.laporan_id == laporan_id, KonfirmasiWarga.selesai_at == resolved_at
        )
    ).scalar()
    return Resolution(laporan_id, resolved_at, resolved_at + WINDOW, answered)


def confirm(engine: Engine, kode: str, answer: Answer, *, now: datetime) -> str:
    """Record a resident's answer to the report with this tracking code; returns "ya" or "belum" (reopened).

    Refused politely (ServiceError) when nothing has the code, the report is not resolved, the 14 days are over,
    or this resolution was answered already.
    """
    errors = answer_errors(answer)
    if errors:
        raise ValidationError(errors)
    code = normalise_code(kode)
    try:
        with write_transaction(engine) as conn:
            found = conn.execute(select(Laporan.id, Laporan.version).where(Laporan.kode_lacak == code)).one_or_none()
            if code is None or found is None:
                raise ServiceError("error.code_not_found")
            resolution = latest_resolution(conn, found.id)
            if resolution is None:
                raise ServiceError("error.confirm_not_resolved")
            if resolution.answered is not None:
                raise ServiceError("error.confirm_answered")
            if now > resolution.answer_until:
                raise ServiceError("error.confirm_too_late", hari=domain.CONFIRMATION_DAYS)
            _record(conn, found.id, resolution.resolved_at, answer, now)
            if answer.jawaban == "belum":
                reason = answer.alasan.strip()
                note = f"{REOPENED_BY_REPORTER}: {reason}"
                change = StatusChange(found.id, domain.STATUS_DIPROSES, found.version, note=note)
                apply_status_change(conn, change, actor=REPORTER_ACTOR, scope=EVERYTHING, now=now)
                notifications.reopened_by_reporter(conn, found.id, reason, now=now)
    except IntegrityError as exc:  # the same resolution answered at the same moment elsewhere
        raise ServiceError("error.confirm_answered") from exc
    return answer.jawaban


def _record(conn: Connection, laporan_id: int, resolved_at: datetime, answer: Answer, now: datetime) -> None:
    values = {
        "laporan_id": laporan_id,
        "selesai_at": resolved_at,
        "jawaban": answer.jawaban,
        "nilai": answer.nilai if answer.jawaban == "ya" else None,
        "alasan": answer.alasan.strip(),
        "created_at": now,
    }
    conn.execute(insert(KonfirmasiWarga).values(**values))
    audit.record(conn, REPORTER_ACTOR, "konfirmasi", "laporan", laporan_id, after=values, at=now)
