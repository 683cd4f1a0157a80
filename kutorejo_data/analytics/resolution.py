"""Penyelesaian analytics: where reports get stuck, and how fast each category and handler is. All in SQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Select, SQLColumnExpression, case, exists, func, literal, select

from kutorejo_data.core.domain import STATUS_BARU, STATUS_DIPROSES, STATUS_DITOLAK, STATUS_DUPLIKAT, STATUS_SELESAI
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, days_past_due, past_due, resolve_area
from kutorejo_data.core.models import RT, RW, Kategori, Laporan, StatusHistory
from kutorejo_data.core.periods import add_months, month_start
from kutorejo_data.core.sqlfuncs import (
    MEDIAN,
    P90,
    days_between,
    percentile_rows,
    percentile_table,
    percentiles,
    row_percentile,
)
from kutorejo_data.store.monthly_rekap import monthly_figures

from .metrics import (
    AGE_BUCKETS,
    MEDIAN_WAKTU_PENYELESAIAN,
    MEDIAN_WAKTU_TANGGAP,
    MIN_REPORTS_FOR_COMPARISON,
    P90_WAKTU_PENYELESAIAN,
    P90_WAKTU_TANGGAP,
    PORSI_ESKALASI,
    as_it_stood,
    open_at_end_conditions,
    received_conditions,
    resolution_durations,
    response_durations,
)

ESCALATED_LEVELS = ("kelurahan", "dinas")
NO_HANDLER = "belum"  # reports nobody has taken on yet


def status_flow(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> dict[str, int]:
    """ALUR_STATUS: of the reports received in the period, how many reached each stage."""

    def reached(*statuses: str) -> ColumnElement[bool]:
        return exists().where(StatusHistory.laporan_id == Laporan.id, StatusHistory.to_status.in_(statuses))

    responded = exists().where(StatusHistory.laporan_id == Laporan.id, StatusHistory.from_status == STATUS_BARU)

    def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = conn.execute(
        select(
            func.count().label("masuk"),
            count_if(responded).label("ditanggapi"),
            count_if(reached(STATUS_DIPROSES, STATUS_SELESAI)).label("diproses"),
            count_if(Laporan.status == STATUS_SELESAI).label("selesai"),
            count_if(Laporan.status == STATUS_DITOLAK).label("ditolak"),
            count_if(Laporan.status == STATUS_DUPLIKAT).label("duplikat"),
        ).where(*received_conditions(conn, filters, scope))
    ).one()
    return {key: int(value) for key, value in row._mapping.items()}


@dataclass(frozen=True)
class Timing:
    """Median and P90 response and resolution times overall, per category and per handler level.

    `median_by_unit` is the median resolution time per comparison unit id (see _unit), for area_comparison.
    """

    overall: dict[str, float | None]
    by_category: pd.DataFrame
    by_handler: pd.DataFrame
    median_by_unit: dict[int, float | None]


_OVERALL, _BY_CATEGORY, _BY_HANDLER, _BY_UNIT = 0, 1, 2, 3


Percentiles = dict[int, pd.DataFrame]  # grouping (_OVERALL, …) → n, median and P90 per group key


def _timing_rows(conn: Connection, durations: Select[Any], groupings: tuple[int | None, ...]) -> Percentiles:
    """n, median and P90 for each grouping (overall, category id, handler level, unit) of a durations SELECT."""
    rows = conn.execute(percentile_table(durations, groupings, (MEDIAN, P90))).all()
    frames = {}
    for grouping in range(len(groupings)):
        mine = [row for row in rows if row.grouping == grouping and row.n]
        frames[grouping] = pd.DataFrame(
            [(row.grp, row.n, row_percentile(row, 0), row_percentile(row, 1)) for row in mine],
            columns=["grup", "n", "median", "p90"],
        ).set_index("grup")
    return frames


def response_percentiles(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> Percentiles:
    """Response-time percentiles overall, per category and per handler level (the first half of timing)."""
    level = func.coalesce(Laporan.penanganan, NO_HANDLER)
    return _timing_rows(conn, response_durations(conn, filters, scope, Laporan.kategori_id, level), (None, 0, 1))


def resolution_percentiles(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> Percentiles:
    """Resolution-time percentiles overall, per category, per handler level and per comparison unit."""
    level = func.coalesce(Laporan.penanganan, NO_HANDLER)
    unit_id = _unit(conn, filters, scope).id
    durations = resolution_durations(conn, filters, scope, Laporan.kategori_id, level, unit_id)
    return _timing_rows(conn, durations, (None, 0, 1, 2))


def timing(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    tanggap: Percentiles | None = None,
    selesai: Percentiles | None = None,
) -> Timing:
    """Response and resolution percentiles in every grouping the page shows, each set of durations read once.

    `tanggap` (response_percentiles) and `selesai` (resolution_percentiles) of the same filter are used when the
    caller has them, so the two, the slowest part, can be read side by side.
    """
    tanggap = response_percentiles(conn, filters, scope) if tanggap is None else tanggap
    selesai = resolution_percentiles(conn, filters, scope) if selesai is None else selesai

    def overall(frame: pd.DataFrame, column: str) -> float | None:
        return None if frame.empty else float(frame[column].iloc[0])

    slugs = {str(id_): slug for id_, slug in conn.execute(select(Kategori.id, Kategori.slug))}
    by_category = _joined(tanggap[_BY_CATEGORY], selesai[_BY_CATEGORY])
    by_unit = selesai[_BY_UNIT]["median"]  # indexed by the unit id as text
    return Timing(
        overall={
            "tanggap_median": overall(tanggap[_OVERALL], "median"),
            "tanggap_p90": overall(tanggap[_OVERALL], "p90"),
            "selesai_median": overall(selesai[_OVERALL], "median"),
            "selesai_p90": overall(selesai[_OVERALL], "p90"),
        },
        by_category=by_category.assign(grup=by_category["grup"].map(slugs)),
        by_handler=_with_received(conn, filters, scope, _joined(tanggap[_BY_HANDLER], selesai[_BY_HANDLER])),
        median_by_unit=dict(zip(by_unit.index.astype(int), by_unit.astype(float), strict=True)),
    )


def _joined(tanggap: pd.DataFrame, selesai: pd.DataFrame) -> pd.DataFrame:
    """Response and resolution columns side by side per group (n = 0 where a group has none of one kind)."""
    table = tanggap.add_prefix("tanggap_").join(selesai.add_prefix("selesai_"), how="outer")
    for column in ("tanggap_n", "selesai_n"):
        table[column] = table[column].fillna(0).astype(int)
    table.index.name = "grup"
    return table.reset_index()


def timing_by_category(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Median and P90 response and resolution times per category (slug in `grup`)."""
    return timing(conn, filters, scope).by_category


def timing_by_handler(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Median and P90 response and resolution times per handler level (rt, rw, kelurahan, dinas, belum)."""
    return timing(conn, filters, scope).by_handler


def _with_received(conn: Connection, filters: ReportFilters, scope: Scope, table: pd.DataFrame) -> pd.DataFrame:
    """The handler table with the reports received per level and their share, in the levels' order."""
    counts = pd.DataFrame(list(received_by_level(conn, filters, scope).items()), columns=["grup", "masuk"])
    table = counts.merge(table, on="grup", how="outer").fillna({"masuk": 0, "tanggap_n": 0, "selesai_n": 0})
    table[["masuk", "tanggap_n", "selesai_n"]] = table[["masuk", "tanggap_n", "selesai_n"]].astype(int)
    total = table["masuk"].sum()
    table["porsi"] = table["masuk"] / total if total else 0.0
    order = {level: i for i, level in enumerate(("rt", "rw", "kelurahan", "dinas", NO_HANDLER))}
    return table.sort_values("grup", key=lambda s: s.map(order)).reset_index(drop=True)


def received_by_level(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> dict[str, int]:
    """Reports received in the period per handler level (NO_HANDLER for those nobody has taken on)."""
    level = func.coalesce(Laporan.penanganan, NO_HANDLER)
    rows = conn.execute(select(level, func.count()).where(*received_conditions(conn, filters, scope)).group_by(level))
    return {str(name): int(count) for name, count in rows}


def escalated_share(received: Mapping[str, int]) -> float | None:
    """PORSI_ESKALASI: of the reports received, the share handled by the kelurahan or a dinas (None when none)."""
    total = sum(received.values())
    return sum(received.get(level, 0) for level in ESCALATED_LEVELS) / total if total else None


def overall_times(conn: Connection, durations: Select[Any]) -> tuple[float | None, float | None]:
    """Median and P90 of a durations SELECT over the whole selection (the overall row of the timing tables)."""
    median_days, p90_days = percentiles(conn, durations, (MEDIAN, P90))
    return median_days, p90_days


def speed_reads(filters: ReportFilters, scope: Scope = EVERYTHING) -> dict[str, Callable[[Connection], Any]]:
    """The three reads behind the speed cards, by speed_values' parameter, for the caller to run side by side: the
    overall response and resolution times, and the reports received per level."""
    return {
        "tanggap": lambda conn: overall_times(conn, response_durations(conn, filters, scope)),
        "selesai": lambda conn: overall_times(conn, resolution_durations(conn, filters, scope)),
        "masuk": lambda conn: received_by_level(conn, filters, scope),
    }


def speed_values(
    tanggap: tuple[float | None, float | None], selesai: tuple[float | None, float | None], masuk: Mapping[str, int]
) -> dict[str, float | None]:
    """The speed cards' values by metric key: response and resolution median and P90, and PORSI_ESKALASI (the
    per-category, per-level and per-unit tables of `timing` are not needed for them)."""
    return {
        MEDIAN_WAKTU_TANGGAP.key: tanggap[0],
        P90_WAKTU_TANGGAP.key: tanggap[1],
        MEDIAN_WAKTU_PENYELESAIAN.key: selesai[0],
        P90_WAKTU_PENYELESAIAN.key: selesai[1],
        PORSI_ESKALASI.key: escalated_share(masuk),
    }


def monthly_timing(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, months: int = 12, today: date | None = None
) -> pd.DataFrame:
    """Median and P90 resolution days by month resolved over the last months (the page's trend line).

    Each month is the period of MEDIAN_WAKTU_PENYELESAIAN: a report resolved in two months counts in both.
    """
    assert filters.sampai is not None
    first = min(month_start(add_months(filters.sampai, -(months - 1))), filters.dari or filters.sampai)
    figures = monthly_figures(conn, filters, scope, first, filters.sampai, today=today)
    figures = figures[figures["selesai"] > 0]
    return pd.DataFrame(
        {
            "bulan": figures["bulan"],
            "selesai_n": figures["selesai"].astype(int),
            "selesai_median": figures["selesai_median"],
            "selesai_p90": figures["selesai_p90"],
        }
    ).reset_index(drop=True)


def _age_bucket(age: ColumnElement[float]) -> ColumnElement[str]:
    whens = [(age < upper + 1, literal(label)) for label, _, upper in AGE_BUCKETS if upper is not None]
    return case(*whens, else_=literal(AGE_BUCKETS[-1][0]))


def backlog_by_age(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime
) -> pd.DataFrame:
    """UMUR_TERBUKA: open reports at the end of the period per age bucket, with how many are overdue."""
    conditions, moment = open_at_end_conditions(conn, filters, scope, now)
    age = days_between(Laporan.reported_at, moment)
    bucket = _age_bucket(age).label("umur")
    rows = conn.execute(
        select(bucket, func.count(), func.coalesce(func.sum(case((past_due(moment), 1), else_=0)), 0))
        .select_from(Laporan)
        .where(*conditions)
        .group_by(bucket)
    ).all()
    found = {label: (int(total), int(late)) for label, total, late in rows}
    return pd.DataFrame(
        [(label, *found.get(label, (0, 0))) for label, _, _ in AGE_BUCKETS], columns=["umur", "terbuka", "terlambat"]
    )


class _Unit(NamedTuple):
    """A comparison unit's number column, label prefix, table, join condition on laporan, and laporan's id column."""

    number: SQLColumnExpression[str]
    prefix: str
    table: type[RT] | type[RW]
    join: ColumnElement[bool]
    id: SQLColumnExpression[int]


def _unit(conn: Connection, filters: ReportFilters, scope: Scope) -> _Unit:
    """The comparison unit: RTs inside a chosen RW, RWs otherwise."""
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    if area.rw_id is not None:
        return _Unit(RT.nomor, "RT ", RT, RT.id == Laporan.rt_id, Laporan.rt_id)
    return _Unit(RW.nomor, "RW ", RW, RW.id == Laporan.rw_id, Laporan.rw_id)


def backlog_by_area(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime
) -> pd.DataFrame:
    """Open and overdue reports at the end of the period per RW (or per RT inside one RW), most overdue first."""
    conditions, moment = open_at_end_conditions(conn, filters, scope, now)
    unit, prefix, table, on, _ = _unit(conn, filters, scope)
    late = case((past_due(moment), 1), else_=0)
    rows = conn.execute(
        select(unit, func.count(), func.coalesce(func.sum(late), 0))
        .select_from(Laporan)
        .join(table, on)
        .where(*conditions)
        .group_by(unit)
    ).all()
    frame = pd.DataFrame(rows, columns=["wilayah", "terbuka", "terlambat"]).astype({"terbuka": int, "terlambat": int})
    frame["wilayah"] = prefix + frame["wilayah"]
    return frame.sort_values(["terlambat", "terbuka", "wilayah"], ascending=[False, False, True]).reset_index(drop=True)


def overdue_reports(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime, limit: int = 50
) -> pd.DataFrame:
    """Reports open past their deadline (the category's SLA in working days) at the end of the period, worst (most
    days past it) first."""
    conditions, moment = open_at_end_conditions(conn, filters, scope, now)
    # Rank on the few columns an index holds; the text of a report is read only for the rows shown. The overdue
    # reports are found first, as a whole (MATERIALIZED): with the LIMIT in view, PostgreSQL would otherwise sort
    # every report by lateness and test each against the open ones.
    overdue = (
        select(Laporan.id, days_past_due(moment).label("lewat_sla"))
        .where(*conditions, past_due(moment))
        .cte("overdue")
        .prefix_with("MATERIALIZED")
    )
    worst = select(overdue).order_by(overdue.c.lewat_sla.desc(), overdue.c.id).limit(limit).subquery()
    rows = (
        conn.execute(
            select(
                Laporan.id.label("nomor"),
                Laporan.reported_at.label("tanggal"),
                RW.nomor.label("rw"),
                RT.nomor.label("rt"),
                Kategori.slug.label("kategori"),
                Kategori.nama.label("kategori_nama"),
                Laporan.judul,
                as_it_stood("status", moment, now),
                days_between(Laporan.reported_at, moment).label("umur"),
                Kategori.sla_hari,
                worst.c.lewat_sla,
                Laporan.batas_selesai,
                as_it_stood("penanganan", moment, now),  # who held it then, for a past period
                as_it_stood("penanganan_nama", moment, now),
                Laporan.penanggung_jawab_id,
            )
            .select_from(worst)
            .join(Laporan, Laporan.id == worst.c.id)
            .join(RW, RW.id == Laporan.rw_id)
            .join(RT, RT.id == Laporan.rt_id)
            .join(Kategori, Kategori.id == Laporan.kategori_id)
            .order_by(worst.c.lewat_sla.desc(), Laporan.id)
        )
        .mappings()
        .all()
    )
    columns = [
        "nomor",
        "tanggal",
        "rw",
        "rt",
        "kategori",
        "kategori_nama",
        "judul",
        "status",
        "umur",
        "sla_hari",
        "lewat_sla",
        "batas_selesai",
        "penanganan",
        "penanganan_nama",
        "penanggung_jawab_id",
    ]
    return pd.DataFrame([dict(r) for r in rows], columns=columns)


def area_comparison(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
    backlog: pd.DataFrame | None = None,
    timings: Timing | None = None,
) -> pd.DataFrame:
    """Per RW (or RT in one RW): reports received, resolution rate, median resolution days, overdue share.

    Units with fewer than MIN_REPORTS_FOR_COMPARISON reports in the period get `cukup_data` False and no figures.
    `backlog` (backlog_by_area) and `timings` (timing) of the same filter are used when the caller has them
    already, so neither is computed twice.
    """
    unit, prefix, table, on, unit_id = _unit(conn, filters, scope)
    valid = case((Laporan.status.in_((STATUS_DITOLAK, STATUS_DUPLIKAT)), 0), else_=1)
    solved = case((Laporan.status == STATUS_SELESAI, 1), else_=0)
    received = pd.DataFrame(
        conn.execute(
            select(unit, func.count(), func.sum(valid), func.sum(solved))
            .select_from(Laporan)
            .join(table, on)
            .where(*received_conditions(conn, filters, scope))
            .group_by(unit)
        ).all(),
        columns=["wilayah", "masuk", "valid", "selesai"],
    )
    received["wilayah"] = prefix + received["wilayah"]
    if timings is None:
        medians = conn.execute(percentile_rows(resolution_durations(conn, filters, scope, unit_id), (MEDIAN,), 1))
        median_by_id = {int(row[0]): row_percentile(row, 0) for row in medians}
    else:
        median_by_id = timings.median_by_unit
    labels = conn.execute(select(table.id, unit).where(table.id.in_(list(median_by_id)))).all()
    median_by_unit = {prefix + nomor: median_by_id[id_] for id_, nomor in labels}
    if backlog is None:
        backlog = backlog_by_area(conn, filters, scope, now=now)
    frame = received.set_index("wilayah").join(backlog.set_index("wilayah"), how="outer")
    frame = frame.fillna(0).astype(int).reset_index()
    frame["tingkat_penyelesaian"] = frame["selesai"] / frame["valid"].where(frame["valid"] > 0)
    frame["median_penyelesaian"] = frame["wilayah"].map(median_by_unit)
    frame["porsi_terlambat"] = frame["terlambat"] / frame["terbuka"].where(frame["terbuka"] > 0)
    frame["cukup_data"] = frame["masuk"] >= MIN_REPORTS_FOR_COMPARISON
    figures = ["tingkat_penyelesaian", "median_penyelesaian", "porsi_terlambat"]
    frame.loc[~frame["cukup_data"], figures] = None
    return frame.sort_values(["cukup_data", "wilayah"], ascending=[False, True]).reset_index(drop=True)
