"""On time, in working days: per level, per person in charge and per area, how many of the period's reports were
responded to and resolved by their deadlines (TANGGAP_CEPAT, SELESAI_TEPAT_WAKTU), and how many escalated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import pandas as pd
from sqlalchemy import ColumnElement, Connection, and_, case, func, literal, or_, select

from kutorejo_data.core import domain
from kutorejo_data.core.filters import ReportFilters, Scope, day_after, day_start, report_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Laporan, Pengguna, RiwayatPenugasan

from .metrics import received_conditions

Grouping = Literal["tingkat", "orang", "wilayah"]
COLUMNS = ["grup", "tanggap_n", "tanggap_tepat", "selesai_n", "selesai_tepat", "eskalasi"]
NOBODY = "—"


@dataclass(frozen=True)
class OnTime:
    """The three on-time tables of the Penyelesaian page."""

    by_level: pd.DataFrame
    by_person: pd.DataFrame
    by_area: pd.DataFrame


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _on_time_counts(now: datetime) -> list[ColumnElement[int]]:
    """Per group: responses judged (answered or past the response deadline) and on time; resolutions likewise."""
    valid = Laporan.status.not_in(domain.INVALID_STATUSES)
    return [
        _flag(or_(Laporan.first_response_at.is_not(None), Laporan.batas_tanggap < now)).label("tanggap_n"),
        _flag(Laporan.first_response_at <= Laporan.batas_tanggap).label("tanggap_tepat"),
        _flag(and_(valid, or_(Laporan.first_resolved_at.is_not(None), Laporan.batas_selesai < now))).label("selesai_n"),
        _flag(and_(valid, Laporan.first_resolved_at <= Laporan.batas_selesai)).label("selesai_tepat"),
    ]


def group_of(conn: Connection, filters: ReportFilters, scope: Scope, grouping: Grouping) -> tuple[ColumnElement, list]:
    """The column a table groups by, and the joins it needs (the area: RT within an RW, else RW)."""
    if grouping == "tingkat":
        return func.coalesce(Laporan.penanganan, literal("belum")), []
    if grouping == "orang":
        name = func.coalesce(func.nullif(Pengguna.nama, ""), Pengguna.username, literal(NOBODY))
        return name, [(Pengguna, Pengguna.id == Laporan.penanggung_jawab_id)]
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    if area.rw_id is not None:
        return literal("RT ") + RT.nomor, [(RT, RT.id == Laporan.rt_id)]
    return literal("RW ") + RW.nomor, [(RW, RW.id == Laporan.rw_id)]


def on_time(
    conn: Connection, filters: ReportFilters, scope: Scope, grouping: Grouping, *, now: datetime
) -> pd.DataFrame:
    """TANGGAP_CEPAT and SELESAI_TEPAT_WAKTU counted per group over the reports received in the period, with the
    escalations (automatic level changes) of those groups' reports in the period. Columns: COLUMNS."""
    group, joins = group_of(conn, filters, scope, grouping)
    stmt = select(group.label("grup"), *_on_time_counts(now)).select_from(Laporan)
    for table, on in joins:
        stmt = stmt.outerjoin(table, on)
    counts = pd.DataFrame(
        conn.execute(stmt.where(*received_conditions(conn, filters, scope)).group_by(group)).all(),
        columns=COLUMNS[:-1],
    )
    escalated = _escalations(conn, filters, scope, group, joins)
    table = counts.merge(escalated, on="grup", how="outer").fillna(0)
    table[COLUMNS[1:]] = table[COLUMNS[1:]].astype(int)
    return table[COLUMNS].sort_values("grup", ignore_index=True)


def _escalations(
    conn: Connection, filters: ReportFilters, scope: Scope, group: ColumnElement, joins: list
) -> pd.DataFrame:
    """Escalations made in the period, per group of the escalated report (now)."""
    assert filters.dari is not None and filters.sampai is not None
    stmt = (
        select(group.label("grup"), func.count().label("eskalasi"))
        .select_from(RiwayatPenugasan)
        .join(Laporan, Laporan.id == RiwayatPenugasan.laporan_id)
    )
    for table, on in joins:
        stmt = stmt.outerjoin(table, on)
    stmt = stmt.where(
        RiwayatPenugasan.jenis == "eskalasi",
        RiwayatPenugasan.changed_at >= day_start(filters.dari),
        RiwayatPenugasan.changed_at < day_after(filters.sampai),
        *report_conditions(conn, filters, scope, with_period=False),
    ).group_by(group)
    return pd.DataFrame(conn.execute(stmt).all(), columns=["grup", "eskalasi"])


# The groupings OnTime holds, in its fields' order (callers count them side by side).
ON_TIME_GROUPINGS: tuple[Grouping, ...] = ("tingkat", "orang", "wilayah")
