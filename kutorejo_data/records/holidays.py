"""The days off the kelurahan adds to Indonesia's national ones (cuti bersama not yet announced in the package, local
days), and the working-day calendar they make. Due dates already set keep their day: a new day off moves only the
dates computed after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, delete, insert, or_, select

from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import HariLibur, Kelurahan
from kutorejo_data.core.workdays import WorkCalendar

from . import audit

NAME_MAX = 100
_LINE = re.compile(r"^\s*(?P<tanggal>\S+)\s*(?P<nama>.*)$")


@dataclass(frozen=True)
class DayOff:
    """A day off the kelurahan added."""

    id: int
    tanggal: date
    nama: str


@dataclass(frozen=True)
class ParsedDays:
    """A pasted list of days off: the lines that could be read, and those that could not (line number, text)."""

    days: tuple[tuple[date, str], ...]
    unreadable: tuple[tuple[int, str], ...]


def calendar(conn: Connection, kelurahan_id: int | None = None) -> WorkCalendar:
    """The working-day calendar of a kelurahan: national days off plus the ones added for it or for all."""
    stmt = select(HariLibur.tanggal)
    if kelurahan_id is not None:
        stmt = stmt.where(or_(HariLibur.kelurahan_id.is_(None), HariLibur.kelurahan_id == kelurahan_id))
    return WorkCalendar(conn.execute(stmt).scalars())


def kelurahan_id(conn: Connection, kode: str) -> int | None:
    """The database id of a kelurahan by its Kemendagri code."""
    return conn.execute(select(Kelurahan.id).where(Kelurahan.kode == kode)).scalar()


def days_off(conn: Connection, kelurahan_id: int | None) -> list[DayOff]:
    """The days off added for a kelurahan (and for all), in date order."""
    stmt = select(HariLibur.id, HariLibur.tanggal, HariLibur.nama).order_by(HariLibur.tanggal)
    if kelurahan_id is not None:
        stmt = stmt.where(or_(HariLibur.kelurahan_id.is_(None), HariLibur.kelurahan_id == kelurahan_id))
    return [DayOff(*row) for row in conn.execute(stmt)]


def parse_days(text: str) -> ParsedDays:
    """One day off per line, `YYYY-MM-DD name` (or `DD/MM/YYYY name`); lines that are not a date are listed."""
    days: list[tuple[date, str]] = []
    unreadable: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        day = _read_date(match["tanggal"]) if match else None
        if day is None or not (2000 <= day.year <= 2100):
            unreadable.append((number, line.strip()))
            continue
        days.append((day, (match["nama"] if match else "").strip()[:NAME_MAX] or "Libur"))
    return ParsedDays(tuple(days), tuple(unreadable))


def _read_date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def add_days_off(
    engine: Engine,
    days: tuple[tuple[date, str], ...],
    kelurahan_id: int | None,
    *,
    actor: str,
    scope: Scope = EVERYTHING,
    now: datetime,
) -> int:
    """Add days off (a day already there is kept as it is); returns how many were new."""
    require_writable(scope)
    if scope.kelurahan_kode is not None and kelurahan_id is None:
        raise ValidationError({"kelurahan": "error.holiday_needs_kelurahan"})
    with write_transaction(engine) as conn:
        stmt = select(HariLibur.tanggal).where(
            HariLibur.kelurahan_id.is_(None) if kelurahan_id is None else HariLibur.kelurahan_id == kelurahan_id
        )
        existing = set(conn.execute(stmt).scalars())
        new = [(day, nama) for day, nama in dict(days).items() if day not in existing]
        for day, nama in new:
            conn.execute(insert(HariLibur).values(tanggal=day, nama=nama, kelurahan_id=kelurahan_id, created_at=now))
        if new:
            added = {"kelurahan_id": kelurahan_id, "hari": [f"{day.isoformat()} {nama}" for day, nama in new]}
            audit.record(conn, actor, "create", "hari_libur", None, after=added, at=now)
    return len(new)


def remove_day_off(engine: Engine, day_id: int, *, actor: str, scope: Scope = EVERYTHING, now: datetime) -> None:
    """Remove one added day off."""
    require_writable(scope)
    with write_transaction(engine) as conn:
        row = conn.execute(select(HariLibur.tanggal, HariLibur.nama).where(HariLibur.id == day_id)).one_or_none()
        if row is None:
            return
        conn.execute(delete(HariLibur).where(HariLibur.id == day_id))
        audit.record(
            conn, actor, "delete", "hari_libur", day_id, before={"tanggal": row.tanggal, "nama": row.nama}, at=now
        )
