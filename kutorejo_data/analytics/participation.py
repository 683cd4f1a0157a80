"""Read side of the Partisipasi page: attendance and participation rates, aggregated in SQL per type, area, month."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Float, Subquery, case, cast, func, literal, select

from kutorejo_data.core.domain import NAMED_ROLES
from kutorejo_data.core.filters import EVERYTHING, Area, ReportFilters, Scope, area_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Kegiatan, KegiatanKehadiran, KegiatanPeserta, Tokoh
from kutorejo_data.core.periods import add_months
from kutorejo_data.core.sqlfuncs import month_key
from kutorejo_data.core.units import rt_conditions, rw_conditions

from .metrics import BIMTEK_WINDOW_MONTHS

GroupBy = Literal["jenis", "rw", "rt", "bulan", "rt_bulan"]
RATE_COLUMNS = ["kegiatan", "hadir", "bertarget", "partisipasi"]


def activity_area(conn: Connection, filters: ReportFilters, scope: Scope) -> Area:
    """The filter's area inside the scope, resolved to ids."""
    return resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)


def activity_conditions(area: Area, dari: date, sampai: date) -> list[ColumnElement[bool]]:
    """Activities held by units inside the area (an RT's, its RW's, ...) and dated within the period."""
    return [*area_conditions(area, Kegiatan), Kegiatan.tanggal >= dari, Kegiatan.tanggal <= sampai]


def activity_rates(conditions: list[ColumnElement[bool]]) -> Subquery:
    """One row per activity: its attendance (sum over roles), target, and rate = min(1, attendance ÷ target)."""
    attendance = (
        select(KegiatanKehadiran.kegiatan_id, func.sum(KegiatanKehadiran.jumlah).label("hadir"))
        .where(KegiatanKehadiran.kegiatan_id.in_(select(Kegiatan.id).where(*conditions)))
        .group_by(KegiatanKehadiran.kegiatan_id)
        .subquery()
    )
    hadir = func.coalesce(attendance.c.hadir, 0)
    rate = case(
        (Kegiatan.target_peserta.is_(None), literal(None, Float)),
        (hadir >= Kegiatan.target_peserta, literal(1.0, Float)),
        else_=cast(hadir, Float) / Kegiatan.target_peserta,
    )
    return (
        select(
            Kegiatan.id,
            Kegiatan.jenis,
            Kegiatan.tingkat,
            Kegiatan.kelurahan_id,
            Kegiatan.rw_id,
            Kegiatan.rt_id,
            month_key(Kegiatan.tanggal).label("bulan"),
            hadir.label("hadir"),
            rate.label("rate"),
        )
        .outerjoin(attendance, attendance.c.kegiatan_id == Kegiatan.id)
        .where(*conditions)
        .subquery()
    )


def _rate_aggregates(rates: Subquery) -> list[Any]:
    return [
        func.count().label("kegiatan"),
        func.coalesce(func.sum(rates.c.hadir), 0).label("hadir"),
        func.count(rates.c.rate).label("bertarget"),
        func.avg(rates.c.rate).label("partisipasi"),
    ]


def participation_summary(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING
) -> dict[str, float | int | None]:
    """KEGIATAN_TERCATAT, JUMLAH_HADIR and TINGKAT_PARTISIPASI for the filter's area and period."""
    assert filters.dari and filters.sampai
    return area_summary(conn, activity_area(conn, filters, scope), filters.dari, filters.sampai)


def area_summary(conn: Connection, area: Area, dari: date, sampai: date) -> dict[str, float | int | None]:
    """participation_summary of a resolved area and a period."""
    rates = activity_rates(activity_conditions(area, dari, sampai))
    kegiatan, hadir, _, partisipasi = conn.execute(select(*_rate_aggregates(rates))).one()
    return {
        "kegiatan_tercatat": int(kegiatan),
        "jumlah_hadir": int(hadir),
        "tingkat_partisipasi": None if partisipasi is None else float(partisipasi),
    }


def participation_by(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, by: GroupBy
) -> pd.DataFrame:
    """TINGKAT_PARTISIPASI and attendance per activity type, RW, RT, month, or RT and month.

    Key columns: jenis | rw | rw, rt | bulan | rw, rt, bulan; then RATE_COLUMNS (partisipasi is a share 0–1, or
    None when no activity had a target). Per RW counts the RW's own and its RTs' activities; per RT only the RT's.
    """
    assert filters.dari and filters.sampai
    rates = activity_rates(activity_conditions(activity_area(conn, filters, scope), filters.dari, filters.sampai))
    stmt = select()
    keys: list[Any]
    if by == "jenis":
        keys = [rates.c.jenis]
    elif by == "bulan":
        keys = [rates.c.bulan]
    elif by == "rw":
        stmt = stmt.select_from(rates).join(RW, RW.id == rates.c.rw_id)
        keys = [RW.nomor.label("rw")]
    else:
        stmt = stmt.select_from(rates).join(RT, RT.id == rates.c.rt_id).join(RW, RW.id == RT.rw_id)
        keys = [RW.nomor.label("rw"), RT.nomor.label("rt")] + ([rates.c.bulan] if by == "rt_bulan" else [])
    stmt = stmt.add_columns(*keys, *_rate_aggregates(rates)).group_by(*keys).order_by(*keys)
    columns = [k.name for k in keys] + RATE_COLUMNS
    frame = pd.DataFrame(conn.execute(stmt).all(), columns=columns)
    frame["partisipasi"] = frame["partisipasi"].astype("float64")
    return frame


def attendance_by_role(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """People attending per activity type and role (JUMLAH_HADIR split). Columns: jenis, peran, jumlah."""
    assert filters.dari and filters.sampai
    area = activity_area(conn, filters, scope)
    stmt = (
        select(Kegiatan.jenis, KegiatanKehadiran.peran, func.sum(KegiatanKehadiran.jumlah))
        .join(Kegiatan, Kegiatan.id == KegiatanKehadiran.kegiatan_id)
        .where(*activity_conditions(area, filters.dari, filters.sampai))
        .group_by(Kegiatan.jenis, KegiatanKehadiran.peran)
    )
    frame = pd.DataFrame(conn.execute(stmt).all(), columns=["jenis", "peran", "jumlah"])
    frame["jumlah"] = frame["jumlah"].astype("int64")
    return frame


def bimtek_window(sampai: date) -> tuple[date, date]:
    """The 12 months up to the end of the period in which a Bimtek counts as recent (both ends inclusive)."""
    return add_months(sampai, -BIMTEK_WINDOW_MONTHS) + timedelta(days=1), sampai


def _bimtek_attendance(start: date, end: date, peran: str, person: Any) -> Subquery:
    """Per person of one role: Bimtek sessions attended in the window and the last date."""
    return (
        select(
            person.label("person_id"),
            func.count(func.distinct(Kegiatan.id)).label("kali"),
            func.max(Kegiatan.tanggal).label("terakhir"),
        )
        .join(Kegiatan, Kegiatan.id == KegiatanPeserta.kegiatan_id)
        .where(
            Kegiatan.jenis == "bimtek",
            Kegiatan.tanggal >= start,
            Kegiatan.tanggal <= end,
            KegiatanPeserta.peran == peran,
        )
        .group_by(person)
        .subquery()
    )


def bimtek_record(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Every RT/RW head, Tomas and Toga of the area, and the Bimtek sessions each attended in the 12 months to
    the period's end. Columns: peran, nama, rw, rt, kali, terakhir (date or None); those who have not come first.
    """
    assert filters.sampai
    area = activity_area(conn, filters, scope)
    start, end = bimtek_window(filters.sampai)
    rt_att = _bimtek_attendance(start, end, "ketua_rt", KegiatanPeserta.rt_id)
    rw_att = _bimtek_attendance(start, end, "ketua_rw", KegiatanPeserta.rw_id)
    tokoh_att = _bimtek_attendance(start, end, "tomas", KegiatanPeserta.tokoh_id)
    toga_att = _bimtek_attendance(start, end, "toga", KegiatanPeserta.tokoh_id)
    rows: list[tuple[Any, ...]] = []
    rows += conn.execute(
        select(literal("ketua_rt"), RT.ketua_nama, RW.nomor, RT.nomor, rt_att.c.kali, rt_att.c.terakhir)
        .join(RW, RW.id == RT.rw_id)
        .outerjoin(rt_att, rt_att.c.person_id == RT.id)
        .where(RT.aktif.is_(True), RW.aktif.is_(True), *rt_conditions(area))
    ).all()
    if area.rt_id is None:
        rows += conn.execute(
            select(literal("ketua_rw"), RW.ketua_nama, RW.nomor, literal(None), rw_att.c.kali, rw_att.c.terakhir)
            .outerjoin(rw_att, rw_att.c.person_id == RW.id)
            .where(RW.aktif.is_(True), *rw_conditions(area))
        ).all()
    for jenis, attended in (("tomas", tokoh_att), ("toga", toga_att)):
        rows += conn.execute(
            select(Tokoh.jenis, Tokoh.nama, RW.nomor, RT.nomor, attended.c.kali, attended.c.terakhir)
            .join(RW, RW.id == Tokoh.rw_id)
            .outerjoin(RT, RT.id == Tokoh.rt_id)
            .outerjoin(attended, attended.c.person_id == Tokoh.id)
            .where(Tokoh.aktif.is_(True), Tokoh.jenis == jenis, *area_conditions(area, Tokoh))
        ).all()
    frame = pd.DataFrame(rows, columns=["peran", "nama", "rw", "rt", "kali", "terakhir"])
    frame["kali"] = frame["kali"].fillna(0).astype("int64")
    frame["rt"] = frame["rt"].astype(object).where(frame["rt"].notna(), None)
    frame["terakhir"] = [None if pd.isna(d) else _as_date(d) for d in frame["terakhir"]]
    role_order = {peran: i for i, peran in enumerate(NAMED_ROLES)}
    frame["_attended"] = frame["kali"] > 0
    frame["_role"] = frame["peran"].map(role_order)
    frame = frame.sort_values(["_attended", "_role", "rw", "rt"], na_position="first", kind="stable")
    return frame.drop(columns=["_attended", "_role"]).reset_index(drop=True)


def _as_date(value: Any) -> date:
    """A date from the database (SQLite returns MAX() of a date column as text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
