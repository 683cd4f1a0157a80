"""Areas the office keeps: kelurahan, RWs and RTs (heads, households, residents, active).

Short write transactions that check the writer's scope and write their audit entry in the same transaction.
Anything reports or activities use is never deleted, only deactivated, so history stays whole; unused rows may be
deleted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core import domain, wilayah
from kutorejo_data.core.config import today_local
from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.domain import NAMA_MAX
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Area, Scope, resolve_area
from kutorejo_data.core.models import RT, RW, Base, Kegiatan, KegiatanPeserta, Kelurahan, Laporan, Pengguna, Tokoh

from . import audit

# Kelurahan and desa are the areas that have RWs; a kecamatan code is a typo here.
KELURAHAN_LEVELS = ("kelurahan", "desa")


@dataclass(frozen=True)
class RtFields:
    """The editable facts of an RT."""

    ketua_nama: str = ""
    jumlah_kk: int | None = None
    jumlah_warga: int | None = None
    aktif: bool = True


@contextmanager
def integrity_backstop(key: str, field: str | None = None) -> Iterator[None]:
    """Turn a constraint violation into the message the explicit check gives (a concurrent writer won the race)."""
    try:
        yield
    except IntegrityError:
        raise (ValidationError({field: key}) if field else ServiceError(key)) from None


def _number(value: int | str, maximum: int) -> int | None:
    """An RW/RT number typed as 3, "3" or "003"; None when it is not a number from 1 to `maximum`."""
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= maximum:
        return None
    return int(text)


def _name(value: str) -> str | None:
    return value.strip() or None


# An RT holds 30–60 households; even a whole kelurahan stays far below this. More is a typo (and would not fit).
RT_COUNT_MAX = 100_000


def _rt_errors(fields: RtFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(fields.ketua_nama.strip()) > NAMA_MAX:
        errors["ketua_nama"] = "error.nama_too_long"
    for name in ("jumlah_kk", "jumlah_warga"):
        count = getattr(fields, name)
        if count is not None and count < 0:
            errors[name] = "error.jumlah_negative"
        elif count is not None and count > RT_COUNT_MAX:
            errors[name] = "error.jumlah_too_large"
    if (
        not errors
        and fields.jumlah_kk is not None
        and fields.jumlah_warga is not None
        and fields.jumlah_warga < fields.jumlah_kk
    ):
        errors["jumlah_warga"] = "error.warga_less_than_kk"  # every household has at least one resident
    return errors


def _area_at_level(conn: Connection, scope: Scope, kode: str, rw: str | None, rt: str | None) -> Area:
    """The area the writer manages; refused when it does not exist or the scope covers only part of it."""
    area = resolve_area(conn, kode, rw, rt, scope)
    if area.empty or area.kelurahan_id is None:
        raise ServiceError("error.area_not_found")
    # resolve_area narrows a wider request to the scope (an RW head asking for the kelurahan gets the RW).
    if (rw is None and area.rw_id is not None) or (rt is None and area.rt_id is not None):
        raise ServiceError("error.settings_outside_scope")
    return area


def rw_label(kelurahan_kode: str, rw: str) -> str:
    """How the audit log names an RW: its kelurahan's code and its number (`35.14.11.1006 RW 03`)."""
    return f"{kelurahan_kode} RW {rw}"


def rt_label(kelurahan_kode: str, rw: str, rt: str) -> str:
    """How the audit log names an RT (`35.14.11.1006 RW 03 RT 002`)."""
    return f"{rw_label(kelurahan_kode, rw)} RT {rt}"


def _rw_snapshot(conn: Connection, rw_id: int | None) -> dict[str, object]:
    """The audited facts of an RW."""
    row = conn.execute(select(RW.ketua_nama, RW.aktif).where(RW.id == rw_id)).one()
    return {"ketua_nama": row.ketua_nama, "aktif": row.aktif}


def _rt_snapshot(conn: Connection, rt_id: int | None) -> dict[str, object]:
    """The audited facts of an RT."""
    row = conn.execute(
        select(RT.ketua_nama, RT.jumlah_kk, RT.jumlah_warga, RT.aktif, RT.data_diperbarui).where(RT.id == rt_id)
    ).one()
    return dict(row._mapping)


# Kelurahan


def add_kelurahan(engine: Engine, kode: str, *, actor: str, scope: Scope = EVERYTHING) -> str:
    """Add a kelurahan or desa by its Kemendagri code, with the official names; returns its name."""
    require_writable(scope)
    if scope.kelurahan_kode is not None:
        raise ServiceError("error.settings_outside_scope")
    try:
        entry = wilayah.lookup(kode)
    except KeyError:
        raise ValidationError({"kode": "error.kode_unknown"}) from None
    if entry.tingkat not in KELURAHAN_LEVELS:
        raise ValidationError({"kode": "error.kode_not_kelurahan"})
    with write_transaction(engine) as conn:
        if conn.execute(select(Kelurahan.id).where(Kelurahan.kode == entry.kode)).scalar() is not None:
            raise ValidationError({"kode": "error.kelurahan_exists"})
        values = {
            "kode": entry.kode,
            "nama": entry.nama,
            "kecamatan": entry.kecamatan or "",
            "kabupaten": entry.kabupaten or "",
        }
        conn.execute(insert(Kelurahan).values(**values))
        audit.record(conn, actor, "create", "kelurahan", entry.kode, after=values)
    return entry.nama


# RW


def add_rw(
    engine: Engine,
    kelurahan_kode: str,
    nomor: int | str,
    ketua_nama: str = "",
    *,
    actor: str,
    scope: Scope = EVERYTHING,
) -> str:
    """Add an RW to a kelurahan; returns its zero-padded number (`03`)."""
    require_writable(scope)
    number = _number(nomor, 99)
    errors = {"nomor": "error.rw_nomor_invalid"} if number is None else {}
    if len(ketua_nama.strip()) > NAMA_MAX:
        errors["ketua_nama"] = "error.nama_too_long"
    if errors or number is None:
        raise ValidationError(errors)
    rw = domain.format_rw(number)
    with integrity_backstop("error.rw_exists", "nomor"), write_transaction(engine) as conn:
        area = _area_at_level(conn, scope, kelurahan_kode, None, None)
        if conn.execute(select(RW.id).where(RW.kelurahan_id == area.kelurahan_id, RW.nomor == rw)).scalar():
            raise ValidationError({"nomor": "error.rw_exists"})
        conn.execute(
            insert(RW).values(kelurahan_id=area.kelurahan_id, nomor=rw, ketua_nama=_name(ketua_nama), aktif=True)
        )
        audit.record(
            conn,
            actor,
            "create",
            "rw",
            rw_label(kelurahan_kode, rw),
            after={"ketua_nama": _name(ketua_nama), "aktif": True},
        )
    return rw


def update_rw(
    engine: Engine, kelurahan_kode: str, rw: str, ketua_nama: str, aktif: bool, *, actor: str, scope: Scope = EVERYTHING
) -> None:
    """Change an RW's head and whether it is active (an inactive RW leaves the forms, its data stays)."""
    require_writable(scope)
    if len(ketua_nama.strip()) > NAMA_MAX:
        raise ValidationError({"ketua_nama": "error.nama_too_long"})
    _require_rw_manager(scope)
    with write_transaction(engine) as conn:
        area = _area_at_level(conn, scope, kelurahan_kode, rw, None)
        stored = _rw_snapshot(conn, area.rw_id)
        conn.execute(update(RW).where(RW.id == area.rw_id).values(ketua_nama=_name(ketua_nama), aktif=aktif))
        before, after = audit.changed_fields(stored, _rw_snapshot(conn, area.rw_id))
        if after:
            audit.record(conn, actor, "update", "rw", rw_label(kelurahan_kode, rw), before, after)


def _require_rw_manager(scope: Scope) -> None:
    """Only the kelurahan office (or wider) creates, edits or removes RWs."""
    if scope.rw is not None:
        raise ServiceError("error.settings_outside_scope")


# Every table that points at an RW or RT; a row any of them uses cannot be deleted.
AREA_USERS = (Laporan, Kegiatan, Tokoh, Pengguna, KegiatanPeserta)


def _usage(conn: Connection, column_of: dict[type[Base], str], row_id: int | None) -> dict[str, int]:
    """How many reports, activities and other rows point at an RW or RT."""
    counts = {"laporan": 0, "kegiatan": 0, "lainnya": 0}
    for model, column in column_of.items():
        n = conn.execute(select(func.count()).select_from(model).where(getattr(model, column) == row_id)).scalar_one()
        bucket = {Laporan: "laporan", Kegiatan: "kegiatan"}.get(model, "lainnya")
        counts[bucket] += n
    return counts


def delete_rw(engine: Engine, kelurahan_kode: str, rw: str, *, actor: str, scope: Scope = EVERYTHING) -> None:
    """Delete an RW that has no RTs and that nothing uses; otherwise refuse and explain."""
    require_writable(scope)
    _require_rw_manager(scope)
    with integrity_backstop("error.in_use_now"), write_transaction(engine) as conn:
        area = _area_at_level(conn, scope, kelurahan_kode, rw, None)
        rts = conn.execute(select(func.count()).select_from(RT).where(RT.rw_id == area.rw_id)).scalar_one()
        if rts:
            raise ServiceError("error.rw_has_rt", rw=rw, jumlah=rts)
        usage = _usage(conn, {model: "rw_id" for model in AREA_USERS}, area.rw_id)
        if any(usage.values()):
            raise ServiceError("error.rw_in_use", rw=rw, **usage)
        before = _rw_snapshot(conn, area.rw_id)
        conn.execute(delete(RW).where(RW.id == area.rw_id))
        audit.record(conn, actor, "delete", "rw", rw_label(kelurahan_kode, rw), before=before)


# RT


def add_rt(
    engine: Engine,
    kelurahan_kode: str,
    rw: str,
    nomor: int | str,
    fields: RtFields,
    *,
    actor: str,
    scope: Scope = EVERYTHING,
) -> str:
    """Add an RT to an RW; returns its zero-padded number (`002`). RT numbers are unique within their RW."""
    require_writable(scope)
    number = _number(nomor, 999)
    errors = _rt_errors(fields)
    if number is None:
        errors["nomor"] = "error.rt_nomor_invalid"
    if errors or number is None:
        raise ValidationError(errors)
    rt = domain.format_rt(number)
    with integrity_backstop("error.rt_exists", "nomor"), write_transaction(engine) as conn:
        area = _area_at_level(conn, scope, kelurahan_kode, rw, None)
        if conn.execute(select(RT.id).where(RT.rw_id == area.rw_id, RT.nomor == rt)).scalar():
            raise ValidationError({"nomor": "error.rt_exists"})
        inserted = conn.execute(
            insert(RT).values(
                rw_id=area.rw_id,
                nomor=rt,
                ketua_nama=_name(fields.ketua_nama),
                jumlah_kk=fields.jumlah_kk,
                jumlah_warga=fields.jumlah_warga,
                aktif=fields.aktif,
                data_diperbarui=today_local(),
            )
        )
        rt_id = inserted_id(inserted)
        audit.record(conn, actor, "create", "rt", rt_label(kelurahan_kode, rw, rt), after=_rt_snapshot(conn, rt_id))
    return rt


def update_rt(
    engine: Engine, kelurahan_kode: str, rw: str, rt: str, fields: RtFields, *, actor: str, scope: Scope = EVERYTHING
) -> None:
    """Change an RT's head, households, residents and whether it is active; an RT head may update their own."""
    require_writable(scope)
    errors = _rt_errors(fields)
    if errors:
        raise ValidationError(errors)
    with write_transaction(engine) as conn:
        area = _area_at_level(conn, scope, kelurahan_kode, rw, rt)
        current = _rt_snapshot(conn, area.rt_id)
        facts = (_name(fields.ketua_nama), fields.jumlah_kk, fields.jumlah_warga)
        # The date says when the head and sizes were last confirmed: only a change to them moves it.
        stored_facts = (current["ketua_nama"], current["jumlah_kk"], current["jumlah_warga"])
        confirmed = today_local() if facts != stored_facts else current["data_diperbarui"]
        conn.execute(
            update(RT)
            .where(RT.id == area.rt_id)
            .values(
                ketua_nama=facts[0],
                jumlah_kk=facts[1],
                jumlah_warga=facts[2],
                aktif=fields.aktif,
                data_diperbarui=confirmed,
            )
        )
        before, after = audit.changed_fields(current, _rt_snapshot(conn, area.rt_id))
        if after:
            audit.record(conn, actor, "update", "rt", rt_label(kelurahan_kode, rw, rt), before, after)


def delete_rt(engine: Engine, kelurahan_kode: str, rw: str, rt: str, *, actor: str, scope: Scope = EVERYTHING) -> None:
    """Delete an RT that nothing uses; otherwise refuse and explain (deactivate it instead)."""
    require_writable(scope)
    if scope.rt is not None:
        raise ServiceError("error.settings_outside_scope")
    with integrity_backstop("error.in_use_now"), write_transaction(engine) as conn:
        area = _area_at_level(conn, scope, kelurahan_kode, rw, rt)
        usage = _usage(conn, {model: "rt_id" for model in AREA_USERS}, area.rt_id)
        if any(usage.values()):
            raise ServiceError("error.rt_in_use", rt=rt, **usage)
        before = _rt_snapshot(conn, area.rt_id)
        conn.execute(delete(RT).where(RT.id == area.rt_id))
        audit.record(conn, actor, "delete", "rt", rt_label(kelurahan_kode, rw, rt), before=before)
