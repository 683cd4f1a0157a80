"""Small hand-made datasets for tests: areas and reports with a consistent status history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from kutorejo_data.core import domain
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, Laporan, StatusHistory
from kutorejo_data.core.tracking import new_code
from kutorejo_data.records.assignment import deadlines
from kutorejo_data.records.holidays import calendar

KUTOREJO = "35.14.11.1006"

# A handler is None, a level ("rt", "rw", "kelurahan", "dinas") or a (level, name) pair.
Handler = str | tuple[str, str | None] | None
# One transition: (when, to_status, handler) or (when, to_status, handler, note).
Transition = tuple[datetime, str, Handler] | tuple[datetime, str, Handler, str]


@dataclass(frozen=True)
class AreaIds:
    """Database ids of one RT and the RW and kelurahan it belongs to."""

    kelurahan_id: int
    rw_id: int
    rt_id: int


def _get_or_insert(conn: Connection, model: type, where: dict[str, Any], extra: dict[str, Any]) -> int:
    """The id of the row matching `where`, inserting it (with `extra`) when missing."""
    found = conn.execute(select(model.id).filter_by(**where)).scalar()
    if found is not None:
        return found
    return conn.execute(insert(model).values(**where, **extra)).inserted_primary_key[0]


def add_area(
    conn: Connection,
    kode: str = KUTOREJO,
    rw: str = "03",
    rt: str = "002",
    *,
    nama: str = "Kutorejo",
    kecamatan: str = "Pandaan",
    kabupaten: str = "Kabupaten Pasuruan",
) -> AreaIds:
    """Make sure the kelurahan, RW and RT exist (reusing existing rows) and return their ids."""
    kelurahan_id = _get_or_insert(
        conn, Kelurahan, {"kode": kode}, {"nama": nama, "kecamatan": kecamatan, "kabupaten": kabupaten}
    )
    rw_id = _get_or_insert(conn, RW, {"kelurahan_id": kelurahan_id, "nomor": domain.format_rw(rw)}, {"aktif": True})
    rt_id = _get_or_insert(conn, RT, {"rw_id": rw_id, "nomor": domain.format_rt(rt)}, {"aktif": True})
    return AreaIds(kelurahan_id=kelurahan_id, rw_id=rw_id, rt_id=rt_id)


def kategori_id(conn: Connection, slug: str) -> int:
    """The id of a category by slug (the default categories exist after migration)."""
    found = conn.execute(select(Kategori.id).where(Kategori.slug == slug)).scalar()
    if found is None:
        raise LookupError(f"no kategori {slug!r}")
    return found


def _handler(handler: Handler) -> tuple[str | None, str | None]:
    """Split a handler into (level, name)."""
    if handler is None or isinstance(handler, str):
        return handler, None
    return handler


def add_report(
    conn: Connection,
    area: AreaIds,
    kategori_slug: str,
    reported_at: datetime,
    history: Sequence[Transition] = (),
    *,
    changed_by: str = "uji",
    **fields: Any,
) -> int:
    """Insert a report, its creation history row (None → baru) and the given transitions; return its id.

    laporan.status, penanganan and penanganan_nama are taken from the last history row, as the
    services layer keeps them, so tests cannot build a report whose current state contradicts its history; its
    deadlines are its category's targets in working days, as creating a report sets them.
    """
    steps = [(reported_at, domain.STATUS_BARU, None, "")] + [(*t, "")[:4] for t in history]
    level, name = _handler(steps[-1][2])
    kategori = conn.execute(
        select(Kategori.id, Kategori.tanggap_hari, Kategori.sla_hari).where(Kategori.slug == kategori_slug)
    ).one()
    due = deadlines(calendar(conn, area.kelurahan_id), reported_at, kategori.tanggap_hari, kategori.sla_hari, level)
    values: dict[str, Any] = {
        "kelurahan_id": area.kelurahan_id,
        "rw_id": area.rw_id,
        "rt_id": area.rt_id,
        "kategori_id": kategori.id,
        "judul": "Laporan uji",
        "deskripsi": "",
        "lokasi": "",
        "sumber": "warga",
        "prioritas": "sedang",
        "reported_at": reported_at,
        "status": steps[-1][1],
        "penanganan": level,
        "penanganan_nama": name,
        "version": len(steps),
        "created_at": reported_at,
        "updated_at": steps[-1][0],
        "batas_tanggap": due.batas_tanggap,
        "batas_selesai": due.batas_selesai,
        "batas_tahap": due.batas_tahap,
        "kode_lacak": new_code(),
    }
    values.update(fields)
    report_id = conn.execute(insert(Laporan).values(**values)).inserted_primary_key[0]
    _add_history(conn, report_id, steps, changed_by)
    return report_id


def _add_history(conn: Connection, report_id: int, steps: list[tuple], changed_by: str) -> None:
    """Append one status_history row per step, chaining from_status."""
    previous: str | None = None
    for when, to_status, handler, note in steps:
        level, name = _handler(handler)
        conn.execute(
            insert(StatusHistory).values(
                laporan_id=report_id,
                changed_at=when,
                from_status=previous,
                to_status=to_status,
                changed_by=changed_by,
                note=note,
                penanganan=level,
                penanganan_nama=name,
            )
        )
        previous = to_status


def at(month: int, day: int, hour: int = 8) -> datetime:
    """A timestamp in 2026, for hand-made datasets."""
    return datetime(2026, month, day, hour, 0)


def photo_rule_off(conn: Connection) -> None:
    """Let every category be resolved without an after photo: for tests of the status workflow, not of evidence."""
    conn.execute(Kategori.__table__.update().values(foto_sesudah_wajib=False))
