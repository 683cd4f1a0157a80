"""Keputusan rapat: a coordination meeting's decisions, recorded with an owner and a due date, followed to done.

A decision belongs to a kelurahan's meeting of one month (`bulan`, and the rapat koordinasi row of that month when
there is one); it may be about some reports and about one RW or RT. The office records decisions for the whole
kelurahan, an RW head for their own RW; the owner (an account) and the office move the status on, with a note. Every
change is appended to `keputusan_status` and audited. Reads are scope-aware: a head sees the kelurahan-wide
decisions, their own area's, and the ones they own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, Connection, Engine, and_, false, insert, or_, select, true, update

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope, resolve_area
from kutorejo_data.core.models import (
    RT,
    RW,
    Kegiatan,
    Kelurahan,
    KeputusanLaporan,
    KeputusanRapat,
    KeputusanStatus,
    Laporan,
    Pengguna,
)
from kutorejo_data.core.periods import month_end, month_start

from . import audit

APA_MAX = 1000
CATATAN_MAX = 5000  # as the activities' notes (error.catatan_too_long)
LINKED_MAX = 20  # reports one decision is about: more is a programme, not a decision


@dataclass(frozen=True)
class DecisionInput:
    """What the decision form provides."""

    kelurahan_kode: str
    bulan: str  # YYYY-MM of the meeting
    apa: str
    batas: date
    pemilik_id: int | None = None
    pemilik_nama: str = ""
    rw: str | None = None
    rt: str | None = None
    laporan: tuple[int, ...] = ()
    tanggal_rapat: date | None = None  # None: the month's rapat koordinasi, else the day it is recorded


@dataclass(frozen=True)
class Decision:
    """A decision as it is listed: on the deck, on the meeting's record, in Tugas saya and the digest."""

    nomor: int
    bulan: str
    tanggal_rapat: date
    apa: str
    pemilik: str  # the account's name, or the named person
    pemilik_id: int | None
    batas: date
    status: str
    catatan: str
    rw: str | None
    rt: str | None
    updated_at: datetime
    updated_by: str
    laporan: tuple[int, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        """Not done yet."""
        return self.status in domain.DECISION_OPEN_STATUSES

    def overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return self.is_open and self.batas < today

    @property
    def area(self) -> str:
        """`RT 002/RW 03`, `RW 03`, or empty for the whole kelurahan."""
        if self.rt:
            return f"RT {self.rt}/RW {self.rw}"
        return f"RW {self.rw}" if self.rw else ""


def parse_report_numbers(text: str) -> tuple[int, ...] | None:
    """`12, #40 41` as (12, 40, 41); None when anything in it is not a report number."""
    numbers = []
    for part in text.replace(",", " ").replace(";", " ").split():
        number = domain.parse_report_number(part)
        if number is None:
            return None
        numbers.append(number)
    return tuple(dict.fromkeys(numbers))


def month_key(day: date) -> str:
    """`YYYY-MM` of a day."""
    return day.strftime("%Y-%m")


def kelurahan_id_of(conn: Connection, kelurahan_kode: str) -> int | None:
    """The id of a kelurahan by its code."""
    return conn.execute(select(Kelurahan.id).where(Kelurahan.kode == kelurahan_kode)).scalar()


def meeting_of_month(conn: Connection, kelurahan_id: int, bulan: str) -> tuple[int, date] | None:
    """(id, date) of the month's kelurahan rapat koordinasi (the last one, if it met twice); None when none."""
    first = date.fromisoformat(f"{bulan}-01")
    row = conn.execute(
        select(Kegiatan.id, Kegiatan.tanggal)
        .where(
            Kegiatan.kelurahan_id == kelurahan_id,
            Kegiatan.jenis == domain.MEETING_ACTIVITY,
            Kegiatan.tingkat == "kelurahan",
            Kegiatan.tanggal.between(month_start(first), month_end(first)),
        )
        .order_by(Kegiatan.tanggal.desc(), Kegiatan.id.desc())
        .limit(1)
    ).first()
    return (int(row[0]), row[1]) if row else None


def _valid_month(bulan: str) -> bool:
    try:
        date.fromisoformat(f"{bulan}-01")
    except ValueError:
        return False
    return len(bulan) == 7


def _field_errors(decision: DecisionInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not decision.apa.strip():
        errors["apa"] = "error.keputusan_apa_empty"
    elif len(decision.apa.strip()) > APA_MAX:
        errors["apa"] = "error.keputusan_apa_too_long"
    if decision.pemilik_id is None and not decision.pemilik_nama.strip():
        errors["pemilik"] = "error.keputusan_pemilik_empty"
    elif len(decision.pemilik_nama.strip()) > domain.NAMA_MAX:
        errors["pemilik"] = "error.nama_too_long"
    if not _valid_month(decision.bulan):
        errors["bulan"] = "error.keputusan_bulan_invalid"
    if len(set(decision.laporan)) > LINKED_MAX:
        errors["laporan"] = "error.keputusan_laporan_too_many"
    if decision.rt and not decision.rw:
        errors["wilayah"] = "error.rw_unknown"
    return errors


def _meeting_date(conn: Connection, decision: DecisionInput, kelurahan_id: int, today: date) -> tuple[int | None, date]:
    """The meeting the decision belongs to: its rapat koordinasi row, or the day given (or today, inside the month)."""
    meeting = meeting_of_month(conn, kelurahan_id, decision.bulan)
    if decision.tanggal_rapat is not None:
        return (meeting[0] if meeting and meeting[1] == decision.tanggal_rapat else None), decision.tanggal_rapat
    if meeting:
        return meeting
    first = date.fromisoformat(f"{decision.bulan}-01")
    return None, min(max(today, first), month_end(first))


def _owner_error(conn: Connection, pemilik_id: int | None, kelurahan_id: int) -> str | None:
    if pemilik_id is None:
        return None
    row = conn.execute(
        select(Pengguna.aktif, Pengguna.kelurahan_id, Pengguna.role).where(Pengguna.id == pemilik_id)
    ).first()
    if row is None or not row.aktif or row.role == "tamu":
        return "error.keputusan_pemilik_unknown"
    if row.kelurahan_id not in (None, kelurahan_id):
        return "error.keputusan_pemilik_unknown"
    return None


def _unknown_reports(conn: Connection, ids: Sequence[int], kelurahan_id: int) -> list[int]:
    """The ids that are not reports of the kelurahan."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    found = set(
        conn.execute(select(Laporan.id).where(Laporan.id.in_(wanted), Laporan.kelurahan_id == kelurahan_id)).scalars()
    )
    return [i for i in wanted if i not in found]


def _may_create(role: str, scope: Scope, rw: str | None) -> bool:
    """The office for anything in its kelurahan; an RW head for their own RW (the decision must name it)."""
    if role in domain.OFFICE_ROLES:
        return True
    return role == "ketua_rw" and scope.rw is not None and rw == scope.rw


def create_decision(
    engine: Engine,
    decision: DecisionInput,
    *,
    actor: str,
    role: str,
    scope: Scope = EVERYTHING,
    now: datetime | None = None,
) -> int:
    """Record a decision with its first status (`belum`), its reports and its audit entry; returns its number.

    ValidationError names each bad field (no owner, empty text, a due date before the meeting, unknown reports);
    ServiceError when the role may not record decisions for that area. Nothing is written when either is raised.
    """
    now = now or now_local()
    require_writable(scope)
    if not _may_create(role, scope, decision.rw):
        raise ServiceError("error.keputusan_not_allowed")
    errors = _field_errors(decision)
    with write_transaction(engine) as conn:
        area = resolve_area(conn, decision.kelurahan_kode, decision.rw, decision.rt, scope)
        if area.empty or area.kelurahan_id is None:
            errors.setdefault("wilayah", "error.keputusan_wilayah_unknown")
            raise ValidationError(errors)
        kelurahan_id = area.kelurahan_id
        owner_error = _owner_error(conn, decision.pemilik_id, kelurahan_id)
        if owner_error and "pemilik" not in errors:
            errors["pemilik"] = owner_error
        unknown = _unknown_reports(conn, decision.laporan, kelurahan_id)
        if unknown and "laporan" not in errors:
            errors["laporan"] = "error.keputusan_laporan_unknown"
        kegiatan_id, meeting_day = (
            (None, now.date()) if "bulan" in errors else _meeting_date(conn, decision, kelurahan_id, now.date())
        )
        if decision.batas < meeting_day:
            errors["batas"] = "error.keputusan_batas_before_meeting"
        if errors:
            raise ValidationError(errors)
        values = {
            "kelurahan_id": kelurahan_id,
            "kegiatan_id": kegiatan_id,
            "bulan": decision.bulan,
            "tanggal_rapat": meeting_day,
            "rw_id": area.rw_id,
            "rt_id": area.rt_id,
            "apa": decision.apa.strip(),
            "pemilik_id": decision.pemilik_id,
            "pemilik_nama": decision.pemilik_nama.strip(),
            "batas": decision.batas,
            "status": "belum",
            "catatan": "",
        }
        inserted = conn.execute(
            insert(KeputusanRapat).values(**values, created_at=now, created_by=actor, updated_at=now, updated_by=actor)
        )
        nomor = inserted_id(inserted)
        linked = sorted(set(decision.laporan))
        if linked:
            conn.execute(insert(KeputusanLaporan), [{"keputusan_id": nomor, "laporan_id": i} for i in linked])
        conn.execute(
            insert(KeputusanStatus).values(
                keputusan_id=nomor, changed_at=now, changed_by=actor, from_status=None, to_status="belum", note=""
            )
        )
        after = {**values, "rw": decision.rw, "rt": decision.rt, "laporan": linked}
        audit.record(conn, actor, "create", "keputusan_rapat", nomor, after=after, at=now)
    return int(nomor)


def update_decision(
    engine: Engine,
    nomor: int,
    status: str,
    catatan: str,
    *,
    actor: str,
    role: str,
    account_id: int | None,
    scope: Scope = EVERYTHING,
    now: datetime | None = None,
) -> None:
    """Move a decision's status on (or only change its note): its owner or the office; appended and audited."""
    now = now or now_local()
    require_writable(scope)
    if status not in domain.DECISION_STATUSES:
        raise ValidationError({"status": "error.keputusan_status_invalid"})
    if len(catatan.strip()) > CATATAN_MAX:
        raise ValidationError({"catatan": "error.catatan_too_long"})
    with write_transaction(engine) as conn:
        row = conn.execute(
            select(KeputusanRapat.status, KeputusanRapat.catatan, KeputusanRapat.pemilik_id).where(
                KeputusanRapat.id == nomor, *visible(conn, scope, account_id)
            )
        ).first()
        if row is None:
            raise ServiceError("error.keputusan_not_found", nomor=nomor)
        if role not in domain.OFFICE_ROLES and (account_id is None or row.pemilik_id != account_id):
            raise ServiceError("error.keputusan_not_owner")
        note = catatan.strip()
        if row.status == status and row.catatan == note:
            return
        conn.execute(
            update(KeputusanRapat)
            .where(KeputusanRapat.id == nomor)
            .values(status=status, catatan=note, updated_at=now, updated_by=actor)
        )
        conn.execute(
            insert(KeputusanStatus).values(
                keputusan_id=nomor,
                changed_at=now,
                changed_by=actor,
                from_status=row.status,
                to_status=status,
                note=note,
            )
        )
        before, after = audit.changed_fields(
            {"status": row.status, "catatan": row.catatan}, {"status": status, "catatan": note}
        )
        audit.record(conn, actor, "status", "keputusan_rapat", nomor, before, after, at=now)


def visible(conn: Connection, scope: Scope, account_id: int | None = None) -> list[ColumnElement[bool]]:
    """Conditions for the decisions a scope sees: its kelurahan's kelurahan-wide ones and its own area's, and any
    the account owns."""
    if scope.kelurahan_kode is None and scope.rw is None:
        return []
    area = resolve_area(conn, scope.kelurahan_kode, scope.rw, scope.rt, scope)
    owned = KeputusanRapat.pemilik_id == account_id if account_id is not None else false()
    if area.empty or area.kelurahan_id is None:
        return [owned]
    inside: ColumnElement[bool] = KeputusanRapat.kelurahan_id == area.kelurahan_id
    if area.rw_id is not None:
        rw_ok = or_(KeputusanRapat.rw_id.is_(None), KeputusanRapat.rw_id == area.rw_id)
        rt_ok = (
            or_(KeputusanRapat.rt_id.is_(None), KeputusanRapat.rt_id == area.rt_id)
            if area.rt_id is not None
            else true()
        )
        inside = and_(inside, rw_ok, rt_ok)
    return [or_(inside, owned)]


def _listed(conn: Connection, conditions: Sequence[ColumnElement[bool]], order: Sequence) -> list[Decision]:
    owner = Pengguna.__table__.alias("pemilik")
    rows = conn.execute(
        select(
            KeputusanRapat.id,
            KeputusanRapat.bulan,
            KeputusanRapat.tanggal_rapat,
            KeputusanRapat.apa,
            KeputusanRapat.pemilik_nama,
            owner.c.nama,
            owner.c.username,
            KeputusanRapat.pemilik_id,
            KeputusanRapat.batas,
            KeputusanRapat.status,
            KeputusanRapat.catatan,
            RW.nomor,
            RT.nomor,
            KeputusanRapat.updated_at,
            KeputusanRapat.updated_by,
        )
        .outerjoin(owner, owner.c.id == KeputusanRapat.pemilik_id)
        .outerjoin(RW, RW.id == KeputusanRapat.rw_id)
        .outerjoin(RT, RT.id == KeputusanRapat.rt_id)
        .where(*conditions)
        .order_by(*order)
    ).all()
    ids = [row[0] for row in rows]
    links: dict[int, list[int]] = {}
    if ids:
        for keputusan_id, laporan_id in conn.execute(
            select(KeputusanLaporan.keputusan_id, KeputusanLaporan.laporan_id)
            .where(KeputusanLaporan.keputusan_id.in_(ids))
            .order_by(KeputusanLaporan.laporan_id)
        ):
            links.setdefault(keputusan_id, []).append(laporan_id)
    return [
        Decision(
            nomor=row[0],
            bulan=row[1],
            tanggal_rapat=row[2],
            apa=row[3],
            pemilik=row[4] or row[5] or row[6] or "",
            pemilik_id=row[7],
            batas=row[8],
            status=row[9],
            catatan=row[10],
            rw=row[11],
            rt=row[12],
            updated_at=row[13],
            updated_by=row[14],
            laporan=tuple(links.get(row[0], ())),
        )
        for row in rows
    ]


def decisions_of_month(
    conn: Connection,
    kelurahan_kode: str,
    bulan: str,
    scope: Scope,
    *,
    rw: str | None = None,
    account_id: int | None = None,
    as_of: datetime | None = None,
) -> list[Decision]:
    """The decisions of a month's meeting inside the scope (for one RW: the kelurahan-wide ones and that RW's),
    in the order they were recorded; with `as_of`, each with its status and note as they stood then (from the
    status history: a decision recorded later stands at its first status)."""
    kelurahan_id = kelurahan_id_of(conn, kelurahan_kode)
    if kelurahan_id is None:
        return []
    conditions = [KeputusanRapat.kelurahan_id == kelurahan_id, KeputusanRapat.bulan == bulan]
    conditions += visible(conn, scope, account_id)
    if rw:
        rw_id = conn.execute(select(RW.id).where(RW.kelurahan_id == kelurahan_id, RW.nomor == rw)).scalar()
        conditions.append(or_(KeputusanRapat.rw_id.is_(None), KeputusanRapat.rw_id == rw_id))
    listed = _listed(conn, conditions, (KeputusanRapat.id,))
    return listed if as_of is None else _as_it_stood(conn, listed, as_of)


def _as_it_stood(conn: Connection, listed: list[Decision], as_of: datetime) -> list[Decision]:
    """The decisions with the status and note of their last change before `as_of` (their first when none was)."""
    if not listed:
        return listed
    steps: dict[int, tuple[datetime, str, str]] = {}
    for nomor, changed_at, to_status, note in conn.execute(
        select(
            KeputusanStatus.keputusan_id, KeputusanStatus.changed_at, KeputusanStatus.to_status, KeputusanStatus.note
        )
        .where(KeputusanStatus.keputusan_id.in_([d.nomor for d in listed]))
        .order_by(KeputusanStatus.keputusan_id, KeputusanStatus.changed_at, KeputusanStatus.id)
    ):
        if nomor not in steps or changed_at < as_of:
            steps[nomor] = (changed_at, to_status, note)
    return [
        replace(d, status=steps[d.nomor][1], catatan=steps[d.nomor][2], updated_at=steps[d.nomor][0])
        if d.nomor in steps and d.updated_at >= as_of
        else d
        for d in listed
    ]


def decisions_of_owner(conn: Connection, account_id: int, scope: Scope) -> list[Decision]:
    """The open decisions a person owns, the earliest due first (Tugas saya)."""
    conditions = [
        KeputusanRapat.pemilik_id == account_id,
        KeputusanRapat.status.in_(domain.DECISION_OPEN_STATUSES),
        *visible(conn, scope, account_id),
    ]
    return _listed(conn, conditions, (KeputusanRapat.batas, KeputusanRapat.id))


def overdue_decisions(
    conn: Connection, kelurahan_kode: str, rw: str | None, scope: Scope, *, today: date
) -> list[Decision]:
    """Open decisions past their due date in a kelurahan (for one RW: that RW's and the kelurahan-wide ones)."""
    kelurahan_id = kelurahan_id_of(conn, kelurahan_kode)
    if kelurahan_id is None:
        return []
    conditions = [
        KeputusanRapat.kelurahan_id == kelurahan_id,
        KeputusanRapat.status.in_(domain.DECISION_OPEN_STATUSES),
        KeputusanRapat.batas < today,
        *visible(conn, scope),
    ]
    if rw:
        rw_id = conn.execute(select(RW.id).where(RW.kelurahan_id == kelurahan_id, RW.nomor == rw)).scalar()
        conditions.append(or_(KeputusanRapat.rw_id.is_(None), KeputusanRapat.rw_id == rw_id))
    return _listed(conn, conditions, (KeputusanRapat.batas, KeputusanRapat.id))


def status_history(conn: Connection, nomor: int) -> list[tuple[datetime, str, str | None, str, str]]:
    """(when, who, from, to, note) of a decision's changes, oldest first."""
    rows = conn.execute(
        select(
            KeputusanStatus.changed_at,
            KeputusanStatus.changed_by,
            KeputusanStatus.from_status,
            KeputusanStatus.to_status,
            KeputusanStatus.note,
        )
        .where(KeputusanStatus.keputusan_id == nomor)
        .order_by(KeputusanStatus.changed_at, KeputusanStatus.id)
    ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def owner_choices(conn: Connection, kelurahan_kode: str) -> list[tuple[int, str]]:
    """(id, label) of the active accounts who may own a decision: the office and the RW/RT heads of the kelurahan."""
    kelurahan_id = kelurahan_id_of(conn, kelurahan_kode)
    rows = conn.execute(
        select(Pengguna.id, Pengguna.nama, Pengguna.username, Pengguna.role)
        .where(
            Pengguna.aktif.is_(True),
            Pengguna.role != "tamu",
            or_(Pengguna.kelurahan_id == kelurahan_id, Pengguna.kelurahan_id.is_(None)),
        )
        .order_by(Pengguna.username)
    ).all()
    return [(row.id, f"{row.nama or row.username} ({row.username})") for row in rows]
