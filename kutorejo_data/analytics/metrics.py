"""Every number on screen: one definition each, computed in SQL, with the help text the UI shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Select, SQLColumnExpression, and_, case, func, or_, select, union_all

from kutorejo_data.core.db import is_sqlite
from kutorejo_data.core.domain import INVALID_STATUSES, OPEN_STATUSES, STATUS_SELESAI
from kutorejo_data.core.filters import (
    EVERYTHING,
    AreaReader,
    ReportFilters,
    Scope,
    area_conditions,
    changes_area_conditions,
    day_after,
    day_start,
    grouped_area_conditions,
    history_area_conditions,
    past_due,
    report_conditions,
)
from kutorejo_data.core.metric import Metric
from kutorejo_data.core.models import Laporan, StatusHistory
from kutorejo_data.core.periods import month_end, month_start
from kutorejo_data.core.sqlfuncs import (
    MEDIAN,
    days_between,
    median,
    not_index_served,
    percentile_rows,
    row_percentile,
)

LAPORAN_MASUK = Metric(
    "laporan_masuk",
    "count",
    None,
    "Laporan masuk",
    "Reports received",
    "Jumlah laporan dengan tanggal lapor di dalam periode.",
    "Number of reports whose report date falls in the period.",
    "Dilaporkan dalam periode ini",
    "Reported in this period",
)
SELESAI = Metric(
    "selesai",
    "count",
    True,
    "Diselesaikan dalam periode",
    "Resolved in the period",
    "Jumlah laporan yang berstatus selesai di dalam periode (menurut riwayat status), kapan pun dilaporkan.",
    "Number of reports marked resolved during the period (from the status history), whenever reported.",
    "Kapan pun dilaporkan",
    "Whenever reported",
)
TINGKAT_PENYELESAIAN = Metric(
    "tingkat_penyelesaian",
    "percent",
    True,
    "Tingkat penyelesaian",
    "Resolution rate",
    "Dari laporan yang masuk dalam periode (tanpa ditolak/duplikat), persentase yang sekarang berstatus selesai. "
    "Dibandingkan dengan periode sebelumnya pada umur yang sama: laporan periode itu yang sudah selesai "
    "sekian hari setelah periodenya berakhir, sebanyak hari yang sudah lewat sejak akhir periode ini.",
    "Of the reports received in the period (excluding rejected/duplicates), the share now resolved. Compared with "
    "the previous period at the same age: its reports resolved as many days after it ended as have passed since "
    "this period ended.",
    "Selesai dari laporan periode ini",
    "Resolved of this period's reports",
    ("selesai_dari_masuk", "masuk_sah"),
)
SELESAI_DARI_MASUK = Metric(
    "selesai_dari_masuk",
    "count",
    True,
    "Selesai dari laporan periode ini",
    "Resolved of this period's reports",
    "Dari laporan yang masuk dalam periode (tanpa ditolak/duplikat), berapa yang sekarang berstatus selesai.",
    "Of the reports received in the period (excluding rejected/duplicates), how many are now resolved.",
)
MASUK_SAH = Metric(
    "masuk_sah",
    "count",
    None,
    "Laporan sah",
    "Valid reports",
    "Laporan yang masuk dalam periode, tanpa yang ditolak atau duplikat.",
    "Reports received in the period, not counting rejected or duplicate ones.",
)
MEDIAN_WAKTU_TANGGAP = Metric(
    "median_waktu_tanggap",
    "days",
    False,
    "Median waktu tanggap",
    "Median response time",
    "Median hari dari laporan masuk sampai status pertama kali berubah dari 'baru', untuk laporan masuk "
    "dalam periode yang sudah ditanggapi.",
    "Median days from report to its first status change away from 'new', for reports received in the period "
    "that have been responded to.",
    "Laporan masuk periode ini yang sudah ditanggapi",
    "This period's reports that were responded to",
)
MEDIAN_WAKTU_PENYELESAIAN = Metric(
    "median_waktu_penyelesaian",
    "days",
    False,
    "Median waktu penyelesaian",
    "Median resolution time",
    "Median hari dari laporan masuk sampai selesai, untuk laporan yang selesai di dalam periode.",
    "Median days from report to resolution, for reports resolved during the period.",
    "Laporan yang selesai dalam periode ini",
    "Reports resolved in this period",
)
TERBUKA = Metric(
    "terbuka",
    "count",
    False,
    "Terbuka",
    "Open",
    "Laporan yang masih terbuka (baru, diverifikasi, diproses) pada akhir periode.",
    "Reports still open (new, verified, in progress) at the end of the period.",
    "Pada akhir periode",
    "At the end of the period",
)
TERLAMBAT = Metric(
    "terlambat",
    "count",
    False,
    "Terlambat",
    "Overdue",
    "Laporan terbuka pada akhir periode yang sudah melewati batas waktu (SLA) kategorinya, dihitung dalam hari "
    "kerja (tanpa Sabtu, Minggu, hari libur nasional, cuti bersama dan libur yang ditambahkan kelurahan).",
    "Reports open at the end of the period that are past their category's target time (SLA), counted in working "
    "days (without weekends, national holidays, cuti bersama and the days off the kelurahan adds).",
    "Terbuka, melewati SLA kategorinya",
    "Open, past their category's SLA",
)

P90_WAKTU_TANGGAP = Metric(
    "p90_waktu_tanggap",
    "days",
    False,
    "P90 waktu tanggap",
    "P90 response time",
    "9 dari 10 laporan ditanggapi dalam waktu ini (persentil ke-90 hari sampai status pertama berubah).",
    "9 in 10 reports are responded to within this time (90th percentile of days to the first status change).",
    "Laporan masuk periode ini yang sudah ditanggapi",
    "This period's reports that were responded to",
)
P90_WAKTU_PENYELESAIAN = Metric(
    "p90_waktu_penyelesaian",
    "days",
    False,
    "P90 waktu penyelesaian",
    "P90 resolution time",
    "9 dari 10 laporan yang selesai dalam periode diselesaikan dalam waktu ini (persentil ke-90).",
    "9 in 10 reports resolved in the period were resolved within this time (90th percentile).",
    "Laporan yang selesai dalam periode ini",
    "Reports resolved in this period",
)
PORSI_TERLAMBAT = Metric(
    "porsi_terlambat",
    "percent",
    False,
    "Porsi terlambat",
    "Overdue share",
    "Dari laporan terbuka pada akhir periode, persentase yang melewati batas waktu (SLA, hari kerja) kategorinya.",
    "Of the reports open at the end of the period, the share past their category's target time (SLA, working days).",
)
PORSI_ESKALASI = Metric(
    "porsi_eskalasi",
    "percent",
    None,
    "Porsi eskalasi",
    "Escalated share",
    "Dari laporan yang masuk dalam periode, persentase yang ditangani kelurahan atau dinas/OPD, bukan RT/RW.",
    "Of the reports received in the period, the share handled by the kelurahan or a regency office, not the RT/RW.",
    "Laporan masuk periode ini",
    "Reports received in this period",
)
UMUR = Metric(
    "umur",
    "days",
    False,
    "Umur",
    "Age",
    "Hari sejak laporan masuk; untuk laporan tertutup, sampai laporan ditutup.",
    "Days since the report was received; for closed reports, until it was closed.",
)
STATUS_SLA = Metric(
    "status_sla",
    "days",
    None,
    "Batas waktu (SLA)",
    "Target time (SLA)",
    "Tepat waktu bila laporan selesai atau masih terbuka sebelum batas waktunya (SLA kategorinya dalam hari kerja); "
    "jika lewat, terlambat sekian hari kerja.",
    "On time when the report is resolved, or still open, before its deadline (its category's SLA in working days); "
    "otherwise late by that many working days.",
)

# Below this many reports in the period, an RW or RT is shown as "data belum cukup" and not compared or ranked:
# a unit with one solved report must not top a league table.
MIN_REPORTS_FOR_COMPARISON = 5
DATA_BELUM_CUKUP = Metric(
    "data_belum_cukup",
    "count",
    None,
    "Data belum cukup",
    "Not enough data",
    f"RW/RT dengan kurang dari {MIN_REPORTS_FOR_COMPARISON} laporan dalam periode tidak dibandingkan atau diperingkat.",
    f"An RW/RT with fewer than {MIN_REPORTS_FOR_COMPARISON} reports in the period is not compared or ranked.",
)

# Backlog age buckets in days (inclusive bounds; None = no upper bound).
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0–7", 0, 7),
    ("8–30", 8, 30),
    ("31–90", 31, 90),
    (">90", 91, None),
)
UMUR_TERBUKA = Metric(
    "umur_terbuka",
    "count",
    False,
    "Umur laporan terbuka",
    "Age of open reports",
    "Laporan terbuka pada akhir periode, dikelompokkan menurut hari sejak laporan masuk (0–7, 8–30, 31–90, >90).",
    "Reports open at the end of the period, grouped by days since they were received (0–7, 8–30, 31–90, >90).",
)
ALUR_STATUS = Metric(
    "alur_status",
    "count",
    None,
    "Alur laporan",
    "Report flow",
    "Laporan yang masuk dalam periode dan tahap terjauh yang pernah dicapai: ditanggapi (status pertama "
    "berubah), diproses, selesai (saat ini); serta yang ditolak atau duplikat.",
    "Reports received in the period and the furthest stage they reached: responded (first status change), "
    "in progress, resolved (now); and those rejected or duplicate.",
)

# What makes a problem structural rather than a one-off (the usulan Musrenbang candidates, analytics/musrenbang.py).
RECURRING_MIN_REPORTS = 3
RECURRING_WINDOW_MONTHS = 12
LONG_OPEN_DAYS = 90
LAPORAN_BERULANG = Metric(
    "laporan_berulang",
    "count",
    None,
    "Masalah berulang",
    "Recurring problem",
    f"Laporan sah (tanpa ditolak/duplikat) dengan kategori yang sama di RT yang sama (atau di RW yang sama bila "
    f"tersebar di beberapa RT) yang masuk dalam {RECURRING_WINDOW_MONTHS} bulan terakhir; mulai "
    f"{RECURRING_MIN_REPORTS} laporan menjadi kandidat usulan Musrenbang, seperti laporan yang terbuka lebih dari "
    f"{LONG_OPEN_DAYS} hari atau yang diserahkan ke dinas.",
    f"Valid reports (not rejected/duplicate) of one category in one RT (or one RW when spread over its RTs) received "
    f"in the last {RECURRING_WINDOW_MONTHS} months; from {RECURRING_MIN_REPORTS} reports on they are a Musrenbang "
    f"proposal candidate, as are reports open longer than {LONG_OPEN_DAYS} days or handed to the regency office.",
    "Laporan sah 12 bulan terakhir",
    "Valid reports of the last 12 months",
)


KPI_METRICS: tuple[Metric, ...] = (
    LAPORAN_MASUK,
    SELESAI,
    TINGKAT_PENYELESAIAN,
    MEDIAN_WAKTU_PENYELESAIAN,
    TERBUKA,
    TERLAMBAT,
)
METRICS: dict[str, Metric] = {
    m.key: m
    for m in (
        LAPORAN_MASUK,
        SELESAI,
        TINGKAT_PENYELESAIAN,
        SELESAI_DARI_MASUK,
        MASUK_SAH,
        MEDIAN_WAKTU_TANGGAP,
        MEDIAN_WAKTU_PENYELESAIAN,
        TERBUKA,
        TERLAMBAT,
        P90_WAKTU_TANGGAP,
        P90_WAKTU_PENYELESAIAN,
        PORSI_TERLAMBAT,
        PORSI_ESKALASI,
        UMUR,
        STATUS_SLA,
        DATA_BELUM_CUKUP,
        UMUR_TERBUKA,
        ALUR_STATUS,
        LAPORAN_BERULANG,
    )
}


def _period_bounds(filters: ReportFilters) -> tuple[datetime, datetime]:
    if filters.dari is None or filters.sampai is None:
        raise ValueError("metrics need a period: set filters.dari and filters.sampai")
    return day_start(filters.dari), day_after(filters.sampai)


def received_conditions(
    conn: Connection, filters: ReportFilters, scope: Scope, area_reader: AreaReader = area_conditions
) -> list[ColumnElement[bool]]:
    start, end = _period_bounds(filters)
    return [
        *report_conditions(conn, filters, scope, with_period=False, area_reader=area_reader),
        Laporan.reported_at >= start,
        Laporan.reported_at < end,
    ]


def _received_counts(
    conn: Connection, filters: ReportFilters, scope: Scope, judged_at: datetime | None = None
) -> tuple[int, int, int]:
    """Reports received in the period: all, valid (not rejected/duplicate), and valid ones `selesai`.

    Validity and `selesai` are read now, or as they stood at `judged_at` (from the history).
    """
    status: SQLColumnExpression[str] = Laporan.status
    if judged_at is not None:
        # A report unchanged since that moment has the status it had then; only the others need their history.
        status = case((Laporan.updated_at < judged_at, Laporan.status), else_=_status_at(judged_at))
    valid = status.not_in(INVALID_STATUSES)
    stmt = select(
        func.count(),
        func.coalesce(func.sum(case((valid, 1), else_=0)), 0),
        func.coalesce(func.sum(case((status == STATUS_SELESAI, 1), else_=0)), 0),
    ).where(*received_conditions(conn, filters, scope))
    total, valid_total, solved = conn.execute(stmt).one()
    return int(total), int(valid_total), int(solved)


def masuk_sah_conditions(
    conn: Connection, filters: ReportFilters, scope: Scope, area_reader: AreaReader = area_conditions
) -> list[ColumnElement[bool]]:
    """MASUK_SAH's reports: received in the period, neither rejected nor duplicate (the status as it is now)."""
    return [*received_conditions(conn, filters, scope, area_reader), Laporan.status.not_in(INVALID_STATUSES)]


def masuk_sah_by_category(conn: Connection, filters: ReportFilters, scope: Scope, level: Literal["rt", "rw"]) -> Select:
    """MASUK_SAH per area (each RT, or each RW) and category: how many, the first and the last report date.

    The counts of LAPORAN_BERULANG: a report export with the same filters (and the valid statuses) lists exactly
    these reports.
    """
    columns: list[Any] = [Laporan.rw_id] + ([Laporan.rt_id] if level == "rt" else [])
    # Grouped by RW, RT and category, SQLite walks ix_laporan_rw_rt_kategori in the groups' order instead of sorting
    # the year's reports; a kelurahan's condition must not draw it to an area index instead (see the reader).
    conditions = masuk_sah_conditions(conn, filters, scope, grouped_area_conditions)
    return (
        select(
            *columns,
            Laporan.kategori_id,
            func.count().label("jumlah"),
            func.min(Laporan.reported_at).label("pertama"),
            func.max(Laporan.reported_at).label("terakhir"),
        )
        .where(*conditions)
        .group_by(*columns, Laporan.kategori_id)
    )


def laporan_masuk(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> int:
    """LAPORAN_MASUK: reports with reported_at in the period."""
    return _received_counts(conn, filters, scope)[0]


def resolutions_in_period(conn: Connection, filters: ReportFilters, scope: Scope) -> Select:
    """Per report resolved in the period: its last transition to `selesai` inside the period."""
    start, end = _period_bounds(filters)
    return (
        select(StatusHistory.laporan_id, func.max(StatusHistory.changed_at).label("resolved_at"))
        .join(Laporan, Laporan.id == StatusHistory.laporan_id)
        .where(
            StatusHistory.to_status == STATUS_SELESAI,
            StatusHistory.changed_at >= start,
            StatusHistory.changed_at < end,
            *history_area_conditions(conn, filters, scope),
            *report_conditions(conn, filters, scope, with_period=False),
        )
        .group_by(StatusHistory.laporan_id)
    )


def selesai(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> int:
    """SELESAI: distinct reports with a transition to `selesai` in the period."""
    return _resolution_summary(conn, filters, scope)[0]


def _tingkat(valid: int, solved: int) -> float | None:
    return None if not valid else solved / valid


def tingkat_penyelesaian(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> float | None:
    """TINGKAT_PENYELESAIAN: share (0–1) now `selesai` of valid reports received in the period; None if none."""
    _, valid, solved = _received_counts(conn, filters, scope)
    return _tingkat(valid, solved)


def response_durations(
    conn: Connection, filters: ReportFilters, scope: Scope, *groups: SQLColumnExpression[Any]
) -> Select[Any]:
    """SELECT (*groups, days to first response) for reports received in the period that have a response."""
    return select(*groups, days_between(Laporan.reported_at, Laporan.first_response_at).label("days")).where(
        *received_conditions(conn, filters, scope), Laporan.first_response_at.is_not(None)
    )


def resolution_durations(
    conn: Connection, filters: ReportFilters, scope: Scope, *groups: SQLColumnExpression[Any]
) -> Select[Any]:
    """SELECT (*groups, days from report to resolution) for reports resolved in the period."""
    resolved = resolutions_in_period(conn, filters, scope).subquery()
    return select(*groups, days_between(Laporan.reported_at, resolved.c.resolved_at).label("days")).join(
        resolved, resolved.c.laporan_id == Laporan.id
    )


def median_waktu_tanggap(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> float | None:
    """MEDIAN_WAKTU_TANGGAP: median days from report to the first change away from `baru`."""
    return median(conn, response_durations(conn, filters, scope))


def _resolution_summary(
    conn: Connection, filters: ReportFilters, scope: Scope, now: datetime | None = None
) -> tuple[int, float | None]:
    """SELESAI and MEDIAN_WAKTU_PENYELESAIAN from one pass over the reports resolved in the period.

    A whole month before `now`'s, filtered on the area alone, is read from the monthly store (the same figures).
    """
    if now is not None and _is_past_whole_month(filters, now):
        from kutorejo_data.store.monthly_rekap import area_key, monthly_figures

        if area_key(conn, filters, scope) is not None:
            assert filters.dari and filters.sampai
            month = monthly_figures(conn, filters, scope, filters.dari, filters.sampai, today=now.date())
            if month.empty:
                return 0, None
            median_days = month["selesai_median"].iloc[0]
            return int(month["selesai"].iloc[0]), None if pd.isna(median_days) else float(median_days)
    row = conn.execute(percentile_rows(resolution_durations(conn, filters, scope), (MEDIAN,))).one()
    return int(row.n or 0), row_percentile(row, 0)


def _is_past_whole_month(filters: ReportFilters, now: datetime) -> bool:
    """Whether the period is exactly one calendar month that ended before the current one began."""
    dari, sampai = filters.dari, filters.sampai
    return (
        dari is not None
        and sampai is not None
        and dari == month_start(dari)
        and sampai == month_end(dari)
        and sampai < month_start(now.date())
    )


def median_waktu_penyelesaian(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> float | None:
    """MEDIAN_WAKTU_PENYELESAIAN: median days from report to `selesai`, over reports resolved in the period."""
    return _resolution_summary(conn, filters, scope)[1]


def _history_at(column: SQLColumnExpression[Any], cutoff: datetime) -> ColumnElement[Any]:
    """A report's value of a history column just before `cutoff`: from the last history entry before it."""
    return (
        select(column)
        .where(StatusHistory.laporan_id == Laporan.id, StatusHistory.changed_at < cutoff)
        .order_by(StatusHistory.changed_at.desc(), StatusHistory.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _status_at(cutoff: datetime) -> ColumnElement[str]:
    """The status a report had just before `cutoff`: the last history entry before it."""
    return _history_at(StatusHistory.to_status, cutoff)


# The columns of `laporan` its history keeps: the current one, and the history's record of it.
_KEPT_IN_HISTORY: dict[str, tuple[SQLColumnExpression[Any], SQLColumnExpression[Any]]] = {
    "status": (Laporan.status, StatusHistory.to_status),
    "penanganan": (Laporan.penanganan, StatusHistory.penanganan),
    "penanganan_nama": (Laporan.penanganan_nama, StatusHistory.penanganan_nama),
}


def as_it_stood(column: Literal["status", "penanganan", "penanganan_nama"], moment: datetime, now: datetime) -> Any:
    """A history-kept column of `laporan` as it stood at `moment` (a SQL expression, labelled with the column's name).

    At `now` that is the column itself; before, a report unchanged since the moment still has it, and the others read
    their last history entry before the moment (every status change records the handler it leaves the report with).
    """
    current, kept = _KEPT_IN_HISTORY[column]
    if moment >= now:
        return current
    return case((Laporan.updated_at < moment, current), else_=_history_at(kept, moment)).label(column)


@dataclass(frozen=True)
class OpenAtEnd:
    """The reports open at the end of a period, in disjoint parts (each an index range of its own), and the moment
    that end stands for.

    `unchanged`: open now and unchanged since the moment (every open report, when the period reaches today), whose
    columns are as they stood then. `changed`: changed since the moment and open then, whose history tells how they
    stood; None when the period reaches today.
    """

    unchanged: list[ColumnElement[bool]]
    changed: list[ColumnElement[bool]] | None
    moment: datetime

    def parts(self) -> list[tuple[list[ColumnElement[bool]], bool]]:
        """Each part's conditions, and whether its reports need their history to tell how they stood."""
        return [(self.unchanged, False)] + ([(self.changed, True)] if self.changed is not None else [])


def open_at_end(conn: Connection, filters: ReportFilters, scope: Scope, now: datetime) -> OpenAtEnd:
    """The reports open at the end of the period (or now, if sooner), in parts: see OpenAtEnd."""
    _, end = _period_bounds(filters)
    conditions = report_conditions(conn, filters, scope, with_period=False)
    if end >= now:
        # The period reaches today: the current status is the status at its end (and needs no history scan).
        return OpenAtEnd([*conditions, Laporan.reported_at < now, Laporan.status.in_(OPEN_STATUSES)], None, now)
    # A report unchanged since that moment had the status it has now; only those changed since (updated_at never
    # lags the history) need their history read.
    unchanged = [*conditions, Laporan.reported_at < end, Laporan.status.in_(OPEN_STATUSES), Laporan.updated_at < end]
    if is_sqlite(conn):
        # SQLite reads the changes from the kelurahan's index by update time (a few weeks at most), not from every
        # report the area ever had; `reported_at < end` holds for nearly all of them and must not choose the index.
        conditions = report_conditions(conn, filters, scope, with_period=False, area_reader=changes_area_conditions)
        reported_before = not_index_served(Laporan.reported_at) < end
    else:
        reported_before = Laporan.reported_at < end
    changed = [*conditions, reported_before, Laporan.updated_at >= end, _status_at(end).in_(OPEN_STATUSES)]
    return OpenAtEnd(unchanged, changed, end)


def as_it_stood_in(column: Literal["status", "penanganan", "penanganan_nama"], changed: bool, moment: datetime) -> Any:
    """as_it_stood for the reports of one part of OpenAtEnd: the column itself, or for a part changed since the
    moment, the history's record of it (labelled with the column's name)."""
    current, kept = _KEPT_IN_HISTORY[column]
    return (_history_at(kept, moment) if changed else current).label(column)


def open_at_end_conditions(
    conn: Connection, filters: ReportFilters, scope: Scope, now: datetime
) -> tuple[list[ColumnElement[bool]], datetime]:
    """Conditions for "open at the end of the period", and the moment that end stands for."""
    found = open_at_end(conn, filters, scope, now)
    if found.changed is None:
        return found.unchanged, found.moment
    if not is_sqlite(conn):
        # PostgreSQL ORs the two index ranges into one bitmap scan, twice as fast as naming the reports by id.
        return [or_(and_(*found.unchanged), and_(*found.changed))], found.moment
    # SQLite would scan the whole area for the OR; each part is an index range of its own, the reports named by id.
    parts = [select(Laporan.id).where(*part).correlate(None) for part, _ in found.parts()]
    return [Laporan.id.in_(union_all(*parts))], found.moment


def _open_and_overdue(conn: Connection, filters: ReportFilters, scope: Scope, now: datetime) -> tuple[int, int]:
    """TERBUKA and TERLAMBAT: counted in each part's index range and added (they are disjoint), so no report is
    looked up by id."""
    found = open_at_end(conn, filters, scope, now)
    late = case((past_due(found.moment), 1), else_=0)
    counts = union_all(
        *(select(func.count().label("n"), func.sum(late).label("late")).where(*part) for part, _ in found.parts())
    ).subquery()
    total, overdue = conn.execute(select(func.sum(counts.c.n), func.sum(counts.c.late))).one()
    return int(total or 0), int(overdue or 0)


def terbuka(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime) -> int:
    """TERBUKA: reports whose status at the end of the period (or now, if sooner) is open."""
    return _open_and_overdue(conn, filters, scope, now)[0]


def terlambat(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime) -> int:
    """TERLAMBAT: reports open at the end of the period that are past their deadline (SLA in working days)."""
    return _open_and_overdue(conn, filters, scope, now)[1]


def comparison_moment(current: ReportFilters, previous: ReportFilters, now: datetime) -> datetime:
    """When the earlier period's reports are judged for a like-with-like comparison: as long after that period's
    end as `now` is after the current period's end (its end, while the current period is still running)."""
    _, current_end = _period_bounds(current)
    _, previous_end = _period_bounds(previous)
    elapsed = max(now - current_end, timedelta(0))
    return min(previous_end + elapsed, now)


def period_kpi_values(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
    judged_at: datetime | None = None,
) -> dict[str, float | int | None]:
    """The KPI values of the reports received and resolved in the period: all of kpi_values but TERBUKA and TERLAMBAT
    (two queries), for a caller that counts the open reports its own way (e.g. split by holder).

    `judged_at` reads the received reports' outcome (TINGKAT_PENYELESAIAN) as it stood then instead of now: for the
    comparison period, see `comparison_moment`.
    """
    received, valid, solved = _received_counts(conn, filters, scope, judged_at)
    resolved, median_days = _resolution_summary(conn, filters, scope, now)
    return {
        LAPORAN_MASUK.key: received,
        SELESAI.key: resolved,
        TINGKAT_PENYELESAIAN.key: _tingkat(valid, solved),
        SELESAI_DARI_MASUK.key: solved,
        MASUK_SAH.key: valid,
        MEDIAN_WAKTU_PENYELESAIAN.key: median_days,
    }


def kpi_values(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
    judged_at: datetime | None = None,
) -> dict[str, float | int | None]:
    """The overview's KPI values for one period and area, keyed by metric key (three queries for eight metrics; see
    period_kpi_values for `judged_at`)."""
    still_open, overdue = _open_and_overdue(conn, filters, scope, now)
    values = period_kpi_values(conn, filters, scope, now=now, judged_at=judged_at)
    return {**values, TERBUKA.key: still_open, TERLAMBAT.key: overdue}


def previous_kpi_values(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime
) -> dict[str, float | int | None]:
    """The KPI values of the period `filters` is compared with, its outcome judged at the same age."""
    previous = filters.compared_with()
    return kpi_values(conn, previous, scope, now=now, judged_at=comparison_moment(filters, previous, now))


# ==============================================================================================================
# Partisipasi, kapasitas RT/RW and the area view (issue 4)
#
# The definitions below are what the Partisipasi, Kapasitas and Wilayah pages show. Their SQL lives in
# kutorejo_data/analytics/cadence.py, participation.py, unit_measures.py and area_view.py; the scoring in capacity.py.
# Everything the kelurahan may want to adjust (the expected cadence of activities, the capacity weights and the
# minimum data) is in the three config blocks below and nowhere else.
# ==============================================================================================================

TINGKAT_PARTISIPASI = Metric(
    "tingkat_partisipasi",
    "percent",
    True,
    "Tingkat partisipasi",
    "Participation rate",
    "Rata-rata jumlah hadir ÷ target peserta per kegiatan (paling tinggi 100% per kegiatan), untuk kegiatan "
    "bertarget dalam periode.",
    "Average of attendance ÷ target per activity (at most 100% per activity), over activities with a target in "
    "the period.",
)
KEGIATAN_TERLAKSANA = Metric(
    "kegiatan_terlaksana",
    "percent",
    True,
    "Kegiatan terlaksana",
    "Activities held",
    "Kegiatan rutin yang terlaksana ÷ yang dijadwalkan (mis. ronda 4× sebulan per RT), per bulan penuh dalam "
    "periode; bulan berjalan hanya menghitung yang sudah terlaksana.",
    "Routine activities held ÷ scheduled (e.g. ronda 4× a month per RT), per whole month of the period; the "
    "running month counts only what was already held.",
)
KEGIATAN_TERCATAT = Metric(
    "kegiatan_tercatat",
    "count",
    None,
    "Kegiatan tercatat",
    "Activities recorded",
    "Jumlah kegiatan dengan tanggal di dalam periode.",
    "Number of activities dated within the period.",
)
JUMLAH_HADIR = Metric(
    "jumlah_hadir",
    "count",
    None,
    "Jumlah kehadiran",
    "Attendance",
    "Jumlah orang yang hadir di semua kegiatan dalam periode (satu orang di dua kegiatan dihitung dua kali).",
    "People attending all activities in the period (one person at two activities counts twice).",
)
KEHADIRAN_RAKOR = Metric(
    "kehadiran_rakor",
    "percent",
    True,
    "Kehadiran rapat koordinasi",
    "Coordination meeting attendance",
    "Dari rapat koordinasi kelurahan dalam periode, persentase yang dihadiri ketua RT/RW sendiri.",
    "Of the kelurahan coordination meetings in the period, the share the RT/RW head attended in person.",
)
PENCATATAN_TEPAT_WAKTU = Metric(
    "pencatatan_tepat_waktu",
    "percent",
    True,
    "Pencatatan tepat waktu",
    "Timely recording",
    "Dari bulan penuh dalam periode, persentase bulan ketika wilayah mencatat kegiatan atau laporan dan semuanya "
    "dicatat paling lambat 7 hari setelah tanggalnya.",
    "Of the whole months in the period, the share in which the area recorded activities or reports, all entered "
    "within 7 days of their date.",
)
TINDAK_LANJUT_ESKALASI = Metric(
    "tindak_lanjut_eskalasi",
    "percent",
    True,
    "Tindak lanjut eskalasi",
    "Escalations followed up",
    "Dari laporan masuk dalam periode yang ditangani tingkat di atasnya (RW, kelurahan, dinas), persentase yang "
    "sudah diproses atau selesai (tanpa ditolak/duplikat).",
    "Of the reports received in the period that are handled above the area's level (RW, kelurahan, dinas), the "
    "share in progress or resolved (excluding rejected/duplicates).",
)
SELESAI_TEPAT_WAKTU = Metric(
    "selesai_tepat_waktu",
    "percent",
    True,
    "Selesai tepat waktu",
    "Resolved on time",
    "Dari laporan masuk dalam periode (tanpa ditolak/duplikat) yang sudah selesai atau sudah lewat batas waktunya, "
    "persentase yang pertama kali selesai dalam batas waktu (SLA) kategorinya, dihitung dalam hari kerja.",
    "Of the reports received in the period (excluding rejected/duplicates) that are resolved or past their "
    "deadline, the share first resolved within their category's target time (SLA), counted in working days.",
)
TANGGAP_CEPAT = Metric(
    "tanggap_cepat",
    "percent",
    True,
    "Tanggap tepat waktu",
    "Responded on time",
    "Dari laporan masuk dalam periode yang sudah ditanggapi atau sudah lewat batas tanggapnya, persentase yang "
    "statusnya berubah dari 'baru' dalam batas tanggap kategorinya (hari kerja; bawaan 3, seperti SP4N-LAPOR!).",
    "Of the reports received in the period that were responded to or are past their response deadline, the share "
    "whose status left 'new' within their category's response target (working days; 3 by default, as SP4N-LAPOR!).",
)
# "Sudah beres?" (residents' answers on the public page): over the resolutions made in the period, each answered
# at most once (konfirmasi_warga.selesai_at names the resolution).
MIN_RATINGS_FOR_IKM = 5
DIKONFIRMASI_WARGA = Metric(
    "dikonfirmasi_warga",
    "percent",
    True,
    "Dikonfirmasi warga",
    "Confirmed by residents",
    "Dari penyelesaian laporan dalam periode, persentase yang dijawab pelapornya 'Ya, sudah beres' di halaman "
    "cek (jawaban dalam 14 hari).",
    "Of the period's resolutions, the share its reporter answered 'Yes, fixed' on the public page (within 14 days).",
    "Penyelesaian dalam periode",
    "Resolutions in the period",
    counts_of=("dikonfirmasi_ya", "penyelesaian"),
)
DIBUKA_KEMBALI_PELAPOR = Metric(
    "dibuka_kembali_pelapor",
    "percent",
    False,
    "Dibuka kembali pelapor",
    "Reopened by the reporter",
    "Dari penyelesaian laporan dalam periode, persentase yang dijawab pelapornya 'Belum' sehingga laporan dibuka "
    "kembali.",
    "Of the period's resolutions, the share its reporter answered 'Not yet', which reopened the report.",
    "Penyelesaian dalam periode",
    "Resolutions in the period",
    counts_of=("dikonfirmasi_belum", "penyelesaian"),
)
IKM_WARGA = Metric(
    "ikm_warga",
    "score",
    True,
    "Indeks kepuasan warga",
    "Resident satisfaction index",
    "Nilai 1–5 yang diberikan pelapor saat menjawab 'Ya', dijadikan 0–100 seperti IKM: (rata-rata − 1) ÷ 4 × 100. "
    f"Dihitung bila ada sedikitnya {MIN_RATINGS_FOR_IKM} penilaian.",
    "The 1–5 ratings reporters give when answering 'Yes', on a 0–100 scale like the IKM: (mean − 1) ÷ 4 × 100. "
    f"Computed from {MIN_RATINGS_FOR_IKM} ratings on.",
    "Dari penilaian pelapor",
    "From reporters' ratings",
)
MUSYAWARAH_RUTIN = Metric(
    "musyawarah_rutin",
    "percent",
    True,
    "Musyawarah rutin",
    "Regular meetings",
    "Musyawarah RT (dan rapat RW, untuk RW) yang terlaksana ÷ yang dijadwalkan (sebulan sekali), per bulan penuh.",
    "RT meetings (and RW meetings, for an RW) held ÷ scheduled (once a month), per whole month.",
)
KEHADIRAN_BIMTEK = Metric(
    "kehadiran_bimtek",
    "percent",
    True,
    "Kehadiran Bimtek",
    "Bimtek attendance",
    "Dari Bimtek/pelatihan dalam 12 bulan sampai akhir periode, persentase yang dihadiri ketua RT/RW.",
    "Of the Bimtek/trainings in the 12 months up to the end of the period, the share the RT/RW head attended.",
)
KELENGKAPAN_DATA = Metric(
    "kelengkapan_data",
    "percent",
    True,
    "Kelengkapan data wilayah",
    "Area data complete",
    "Persentase isian yang lengkap: nama ketua, jumlah KK, jumlah warga, dan data dikonfirmasi dalam 12 bulan "
    "terakhir (RW: nama ketua RW dan isian semua RT-nya).",
    "Share of filled-in facts: head's name, households, residents, and data confirmed in the last 12 months "
    "(RW: the RW head's name and the facts of all its RTs).",
)
SKOR_KOORDINASI = Metric(
    "skor_koordinasi",
    "score",
    True,
    "Koordinasi",
    "Coordination",
    "Skor 0–100: koordinasi ketua RT/RW dengan pemerintah kelurahan (rata-rata berbobot ukurannya).",
    "Score 0–100: coordination of the RT/RW head with the kelurahan government (weighted mean of its measures).",
)
SKOR_PENYELESAIAN = Metric(
    "skor_penyelesaian",
    "score",
    True,
    "Penyelesaian masalah",
    "Problem solving",
    "Skor 0–100: mengenali dan menyelesaikan masalah di wilayahnya (rata-rata berbobot ukurannya).",
    "Score 0–100: identifying and solving the problems of the area (weighted mean of its measures).",
)
SKOR_PARTISIPASI = Metric(
    "skor_partisipasi",
    "score",
    True,
    "Partisipasi",
    "Participation",
    "Skor 0–100: keikutsertaan warga dalam kegiatan (rata-rata berbobot ukurannya).",
    "Score 0–100: residents taking part in activities (weighted mean of its measures).",
)
SKOR_KEPEMIMPINAN = Metric(
    "skor_kepemimpinan",
    "score",
    True,
    "Kepemimpinan & manajerial",
    "Leadership & management",
    "Skor 0–100: mengorganisasi, memutuskan bersama, dan mengelola data wilayah (rata-rata berbobot ukurannya).",
    "Score 0–100: organising, deciding together and keeping the area's data (weighted mean of its measures).",
)
INDEKS_KAPASITAS = Metric(
    "indeks_kapasitas",
    "score",
    True,
    "Indeks Kapasitas",
    "Capacity Index",
    "Rata-rata empat skor tujuan Bimtek (0–100); hanya untuk wilayah yang datanya cukup di keempatnya.",
    "Mean of the four Bimtek goal scores (0–100); only for areas with enough data for all four.",
)
TERBUKA_PER_100_KK = Metric(
    "terbuka_per_100_kk",
    "per_100_kk",
    False,
    "Laporan terbuka per 100 KK",
    "Open reports per 100 households",
    "Laporan yang masih terbuka pada akhir periode, per 100 KK wilayah.",
    "Reports still open at the end of the period, per 100 households of the area.",
)
PERSEN_TERLAMBAT = Metric(
    "persen_terlambat",
    "percent",
    False,
    "Porsi terlambat",
    "Overdue share",
    "Dari laporan terbuka pada akhir periode, persentase yang melewati batas waktu (SLA, hari kerja) kategorinya.",
    "Of the reports open at the end of the period, the share past their category's target time (SLA, working days).",
)

METRICS.update(
    {
        m.key: m
        for m in (
            TINGKAT_PARTISIPASI,
            KEGIATAN_TERLAKSANA,
            KEGIATAN_TERCATAT,
            JUMLAH_HADIR,
            KEHADIRAN_RAKOR,
            PENCATATAN_TEPAT_WAKTU,
            TINDAK_LANJUT_ESKALASI,
            SELESAI_TEPAT_WAKTU,
            TANGGAP_CEPAT,
            MUSYAWARAH_RUTIN,
            KEHADIRAN_BIMTEK,
            KELENGKAPAN_DATA,
            SKOR_KOORDINASI,
            SKOR_PENYELESAIAN,
            SKOR_PARTISIPASI,
            SKOR_KEPEMIMPINAN,
            INDEKS_KAPASITAS,
            TERBUKA_PER_100_KK,
            PERSEN_TERLAMBAT,
        )
    }
)


ActivityLevel = Literal["rt", "rw", "kelurahan"]


@dataclass(frozen=True)
class Cadence:
    """How often each unit of a level (rt, rw, kelurahan) is expected to hold an activity type."""

    jenis: str
    tingkat: ActivityLevel
    per_month: int


# Config 1 of 3: the expected schedule. A month with more than `per_month` activities still counts `per_month`,
# so a busy month cannot make up for a missed one.
EXPECTED_CADENCE: tuple[Cadence, ...] = (
    Cadence("kerja_bakti", "rt", 1),
    Cadence("ronda", "rt", 4),  # weekly
    Cadence("musyawarah_rt", "rt", 1),
    Cadence("posyandu", "rw", 1),
    Cadence("rapat_rw", "rw", 1),
    Cadence("rapat_koordinasi", "kelurahan", 1),
)
# Which scheduled activity types each cadence-based measure counts.
COMMUNITY_ACTIVITY_TYPES: tuple[str, ...] = ("kerja_bakti", "ronda", "posyandu")
MEETING_ACTIVITY_TYPES: tuple[str, ...] = ("musyawarah_rt", "rapat_rw")

# Config 2 of 3: the thresholds inside the measures. ON_TIME_RECORDING_DAYS is set in domain.py, beside the other
# rules a report is judged by, because the capacity store keeps counts made with it; the response and resolution
# targets are each category's, in working days (Pengaturan).
DATA_FRESH_DAYS = 365
BIMTEK_WINDOW_MONTHS = 12


@dataclass(frozen=True)
class Measure:
    """One measure of a capacity pillar: its weight in the pillar and the least data it needs to count."""

    metric: Metric
    weight: float
    min_denominator: int


@dataclass(frozen=True)
class Pillar:
    """One Bimtek goal: its score is the weighted mean of its measures (each a share 0–1, times 100)."""

    metric: Metric
    measures: tuple[Measure, ...]

    @property
    def key(self) -> str:
        """The pillar's metric key."""
        return self.metric.key


# Config 3 of 3: the capacity scorecard. Minimum data rule:
#  1. a measure counts only when its denominator reaches `min_denominator` (e.g. 5 reports, 3 meetings);
#  2. a pillar is scored only when its counting measures carry at least PILLAR_MIN_WEIGHT_SHARE of its weight
#     (their weights are then rescaled to sum to 1);
#  3. the index (the plain mean of the four pillars) exists, and the unit is ranked, only when all four pillars
#     are scored; a unit that recorded no report and no activity in the period is not scored at all.
CAPACITY_PILLARS: tuple[Pillar, ...] = (
    Pillar(
        SKOR_KOORDINASI,
        (
            Measure(KEHADIRAN_RAKOR, 0.50, 3),
            Measure(PENCATATAN_TEPAT_WAKTU, 0.25, 3),
            Measure(TINDAK_LANJUT_ESKALASI, 0.25, 3),
        ),
    ),
    Pillar(
        SKOR_PENYELESAIAN,
        (
            Measure(TINGKAT_PENYELESAIAN, 0.40, 5),
            Measure(SELESAI_TEPAT_WAKTU, 0.35, 5),
            Measure(TANGGAP_CEPAT, 0.25, 5),
        ),
    ),
    Pillar(
        SKOR_PARTISIPASI,
        (
            Measure(TINGKAT_PARTISIPASI, 0.50, 3),
            Measure(KEGIATAN_TERLAKSANA, 0.50, 3),
        ),
    ),
    Pillar(
        SKOR_KEPEMIMPINAN,
        (
            Measure(MUSYAWARAH_RUTIN, 0.40, 3),
            Measure(KEHADIRAN_BIMTEK, 0.30, 1),
            Measure(KELENGKAPAN_DATA, 0.30, 1),
        ),
    ),
)
PILLAR_MIN_WEIGHT_SHARE = 0.5
