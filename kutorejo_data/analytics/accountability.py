"""On time, in working days: per level, per person in charge and per area, how many of the period's reports were
responded to and resolved by their deadlines (TANGGAP_CEPAT, SELESAI_TEPAT_WAKTU), and how many escalated."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import pandas as pd
from sqlalchemy import ColumnElement, Connection, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute

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


def area_unit(
    conn: Connection, filters: ReportFilters, scope: Scope
) -> tuple[str, InstrumentedAttribute[str], tuple[type[RT] | type[RW], ColumnElement[bool]]]:
    """The area a table groups by, as a word, its plain number column and its join: RT within an RW, else RW."""
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    if area.rw_id is not None:
        return "RT ", RT.nomor, (RT, RT.id == Laporan.rt_id)
    return "RW ", RW.nomor, (RW, RW.id == Laporan.rw_id)


def on_time_tables(conn: Connection, filters: ReportFilters, scope: Scope, *, now: datetime) -> OnTime:
    """TANGGAP_CEPAT and SELESAI_TEPAT_WAKTU counted per level, person and area over the reports received in the
    period, with the escalations (automatic level changes) of those groups' reports in the period. Columns: COLUMNS.

    One counting pass and one escalation pass grouped by all three at once; each table adds its groups up here
    (every figure is a count), which costs less than three passes each.
    """
    assert filters.dari is not None and filters.sampai is not None
    word, nomor, area_join = area_unit(conn, filters, scope)
    keys = (Laporan.penanganan, Pengguna.nama, Pengguna.username, nomor)
    joins = ((Pengguna, Pengguna.id == Laporan.penanggung_jawab_id), area_join)
    counted = select(*keys, *_on_time_counts(now)).select_from(Laporan)
    escalated = (
        select(*keys, func.count())
        .select_from(RiwayatPenugasan)
        .join(Laporan, Laporan.id == RiwayatPenugasan.laporan_id)
    )
    for table, on in joins:
        counted, escalated = counted.outerjoin(table, on), escalated.outerjoin(table, on)
    counted = counted.where(*received_conditions(conn, filters, scope)).group_by(*keys)
    escalated = escalated.where(
        RiwayatPenugasan.jenis == "eskalasi",
        RiwayatPenugasan.changed_at >= day_start(filters.dari),
        RiwayatPenugasan.changed_at < day_after(filters.sampai),
        *report_conditions(conn, filters, scope, with_period=False),
    ).group_by(*keys)
    # (counts, escalations) per group, per grouping; a group with escalations only counts zero reports.
    tables: dict[Grouping, dict[str | None, list[int]]] = {grouping: {} for grouping in ON_TIME_GROUPINGS}
    for rows, first, width in ((conn.execute(counted), 0, 4), (conn.execute(escalated), 4, 1)):
        for penanganan, nama, username, unit, *figures in rows:
            groups = (
                _NO_LEVEL if penanganan is None else penanganan,
                _person(nama, username),
                None if unit is None else word + unit,
            )
            for grouping, group in zip(ON_TIME_GROUPINGS, groups, strict=True):
                sums = tables[grouping].setdefault(group, [0] * (len(COLUMNS) - 1))
                for i in range(width):
                    sums[first + i] += int(figures[i])
    return OnTime(*(_table(tables[grouping]) for grouping in ON_TIME_GROUPINGS))


def _person(nama: str | None, username: str | None) -> str:
    """The person in charge as the tables name them: the name, else the account, else nobody."""
    if nama:
        return nama
    return NOBODY if username is None else username


def in_order(groups: Iterable[str | None]) -> list[str | None]:
    """Groups in the tables' order: by name, a report outside any area (None) last."""
    return sorted(groups, key=lambda group: (group is None, group or ""))


def _table(sums: dict[str | None, list[int]]) -> pd.DataFrame:
    """A table of COLUMNS from figures per group."""
    rows = [(group, *sums[group]) for group in in_order(sums)]
    return pd.DataFrame(rows, columns=COLUMNS).astype(dict.fromkeys(COLUMNS[1:], "int64"))


# The groupings OnTime holds, in its fields' order.
ON_TIME_GROUPINGS: tuple[Grouping, ...] = ("tingkat", "orang", "wilayah")
_NO_LEVEL = "belum"  # a report no level has taken up yet
