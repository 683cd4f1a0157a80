"""Meeting mode: one month of one area (the kelurahan or one RW) as the numbers, tables and chart series of each slide.

The content is built once here and presented four ways (the Presentasi page, PPTX, PDF and WhatsApp text), so every
output shows the same numbers. Nothing here reads personal data: no reporter name or phone is ever selected.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Engine, case, func, select, union_all

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.capacity import INDEX_KEY, PILLAR_KEYS, Scorecard, scorecard_with_change, with_change
from kutorejo_data.analytics.metrics import (
    as_it_stood,
    as_it_stood_in,
    open_at_end,
    open_at_end_conditions,
    period_kpi_values,
    previous_kpi_values,
)
from kutorejo_data.analytics.overview import KpiComparison, breakdown_by_area, breakdown_by_category
from kutorejo_data.analytics.participation import participation_by
from kutorejo_data.analytics.participation_summary import participation_comparison
from kutorejo_data.analytics.resolution import NO_HANDLER, monthly_timing, overdue_reports
from kutorejo_data.analytics.satisfaction import satisfaction_counts, totals
from kutorejo_data.core.concurrent_reads import read_concurrently
from kutorejo_data.core.db import is_sqlite
from kutorejo_data.core.filters import ReportFilters, Scope, day_after, past_due
from kutorejo_data.core.models import Laporan
from kutorejo_data.core.periods import add_months, month_end, month_start, months_between, previous_period
from kutorejo_data.core.sqlfuncs import days_between
from kutorejo_data.core.units import Level
from kutorejo_data.records.decisions import Decision, decisions_of_month
from kutorejo_data.records.options import AreaOption, kelurahan_options, rw_options
from kutorejo_data.records.photos import ResolvedWithPhotos, resolved_with_photos

# The slides in order, the cover ("sampul") first; the page, the PPTX and the PDF all follow this list.
SLIDES: tuple[str, ...] = (
    "sampul",
    "keputusan_lalu",  # the first content slide: what the last meeting decided, and how far each has got
    "angka",
    "masalah",
    "terlambat",
    "kecepatan",
    "kepuasan",
    "partisipasi",
    "kapasitas",
    "sebelum_sesudah",
    "tindak_lanjut",
)
TOP_N = 5  # categories and RWs/RTs on the problems slide: more is not readable from the back of a room
OVERDUE_LISTED = 10  # overdue reports carried by the report; slides show the first OVERDUE_ON_SLIDE
OVERDUE_ON_SLIDE = 5
TREND_MONTHS = 12
# The capacity index needs months of data (three coordination meetings, five reports...): one month never scores.
CAPACITY_MONTHS = 12
NOTABLE_RESOLUTIONS = 3  # before/after pairs on the evidence slide: three fit side by side on a projector
HIGHLIGHTS = 3  # units named as most improved / needing support (at most half the scored units need support)
HOLDER_ORDER: tuple[str, ...] = (NO_HANDLER, "rt", "rw", "kelurahan", "dinas")


@dataclass(frozen=True)
class MeetingArea:
    """What the meeting is about: a kelurahan (None: the only one in scope), optionally one RW of it."""

    kelurahan_kode: str | None = None
    rw: str | None = None


@dataclass(frozen=True)
class Series:
    """One chart series: category keys (slug, `YYYY-MM`, `RW 03`), their labels in Indonesian, and the values."""

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    values: tuple[float | None, ...]

    def __len__(self) -> int:
        return len(self.keys)


@dataclass(frozen=True)
class OverdueItem:
    """One overdue report as a meeting sees it: what, where, how late, and who holds it."""

    nomor: int
    judul: str
    kategori: str
    rw: str
    rt: str
    lewat_sla: int  # days past the category's SLA at the end of the month, rounded up (overdue is at least 1)
    penanganan: str | None
    penanganan_nama: str | None


@dataclass(frozen=True)
class UnitScore:
    """A scored RW/RT: its capacity index, change since the comparison period, and its weakest goal."""

    label: str
    index: float
    change: float | None
    weakest_goal: str


@dataclass(frozen=True)
class CapacityHighlights:
    """The capacity scorecard's highlights; units without enough data are only named, never ranked."""

    level: Level
    dari: date
    sampai: date
    previous_dari: date
    previous_sampai: date
    ranked: tuple[UnitScore, ...]  # every scored unit, best first
    most_improved: tuple[UnitScore, ...]
    needs_support: tuple[UnitScore, ...]
    not_enough: tuple[str, ...]  # labels of the units shown as "data belum cukup"

    @property
    def index_series(self) -> Series:
        """The scored units' INDEKS_KAPASITAS as a chart series, best first."""
        labels = tuple(u.label for u in self.ranked)
        return Series(labels, labels, tuple(u.index for u in self.ranked))


@dataclass(frozen=True)
class FollowUp:
    """Reports still open at the end of the month held at one level (NO_HANDLER: nobody has taken them on)."""

    penanganan: str
    terbuka: int
    terlambat: int
    tertua: int  # age in days of the oldest


@dataclass(frozen=True)
class MeetingHeader:
    """Which meeting: its kelurahan, area and month, and when its figures stand (all the cover slide shows)."""

    kelurahan_nama: str
    kelurahan_kode: str
    rw: str | None
    rt: str | None  # an RT head's meeting: their RT
    month: str  # YYYY-MM
    dari: date
    sampai: date
    generated_at: datetime
    # When the month's figures stand: its end once it is over (then generated_at is later), else generated_at.
    as_of: datetime

    @property
    def area_label(self) -> str:
        """`Kelurahan Kutorejo`, `Kelurahan Kutorejo · RW 03` or `Kelurahan Kutorejo · RW 03 · RT 002`."""
        parts = [
            f"Kelurahan {self.kelurahan_nama}",
            f"RW {self.rw}" if self.rw else "",
            f"RT {self.rt}" if self.rt else "",
        ]
        return " · ".join(part for part in parts if part)

    @property
    def month_is_over(self) -> bool:
        """The month ended before the report was made: its figures stand at the month's end (`as_of`)."""
        return self.as_of < self.generated_at

    @property
    def unit(self) -> Level:
        """The units compared inside the area: RWs of the kelurahan, or RTs of the RW."""
        return "rt" if self.rw else "rw"

    @property
    def decisions_month(self) -> str:
        """The month whose meeting's decisions the deck follows up, as `YYYY-MM` (the month before the deck's)."""
        return add_months(self.dari, -1).strftime("%Y-%m")

    @property
    def decisions_day(self) -> date:
        """The day the decisions' status stands on (and overdue is judged): the month's last, once it is over."""
        return self.sampai if self.month_is_over else self.generated_at.date()


@dataclass(frozen=True)
class MonthNumbers:
    """The month's KPIs against the month before, and its open reports split by who held them (counted once)."""

    kpis: KpiComparison
    follow_ups: tuple[FollowUp, ...]


@dataclass(frozen=True)
class TopProblems:
    """Reports received per category and per RW (RT inside an RW), the TOP_N largest of each."""

    by_category: Series
    by_area: Series


@dataclass(frozen=True)
class MeetingReport(MeetingHeader):
    """Everything the meeting slides, the PDF and the WhatsApp text show, for one month and one area.

    Its content is PARTS, one read each: `parts` holds them all (build_meeting_report, for the exports), or reads
    each when first asked (the Presentasi page, so that a slide reads only what it shows).
    """

    parts: Mapping[str, Any]

    @property
    def kpis(self) -> KpiComparison:
        """The month's KPIs against the month before."""
        return self.parts["numbers"].kpis

    @property
    def follow_ups(self) -> tuple[FollowUp, ...]:
        """TERBUKA and TERLAMBAT at the month's end by who held the reports, in HOLDER_ORDER."""
        return self.parts["numbers"].follow_ups

    @property
    def by_category(self) -> Series:
        """The TOP_N categories by reports received."""
        return self.parts["top_problems"].by_category

    @property
    def by_area(self) -> Series:
        """The TOP_N RWs (RTs inside an RW) by reports received."""
        return self.parts["top_problems"].by_area

    @property
    def overdue(self) -> tuple[OverdueItem, ...]:
        """The OVERDUE_LISTED most overdue reports at the month's end."""
        return self.parts["overdue"]

    @property
    def trend(self) -> Series:
        """Median resolution days per month."""
        return self.parts["trend"]

    @property
    def participation(self) -> KpiComparison:
        """The participation KPIs against the month before."""
        return self.parts["participation"]

    @property
    def participation_by_area(self) -> Series:
        """TINGKAT_PARTISIPASI share per RW (or RT)."""
        return self.parts["participation_by_area"]

    @property
    def capacity(self) -> CapacityHighlights:
        """The capacity scorecard's highlights."""
        return self.parts["capacity"]

    @property
    def resolutions(self) -> tuple[ResolvedWithPhotos, ...]:
        """The month's notable resolutions with before/after photos."""
        return self.parts["resolutions"]

    @property
    def previous_decisions(self) -> tuple[Decision, ...]:
        """The decisions of the previous month's meeting (Tindak lanjut rapat lalu) with their status now, or at the
        month's end once it is over (decisions_day)."""
        return self.parts["previous_decisions"]

    @property
    def satisfaction(self) -> KpiComparison:
        """Residents' "sudah beres?" answers over the month's resolutions (analytics/satisfaction.py), vs the month
        before."""
        return self.parts["satisfaction"]

    @property
    def previous_month(self) -> str:
        """The comparison month as `YYYY-MM`."""
        return self.kpis.previous_dari.strftime("%Y-%m")

    @property
    def overdue_total(self) -> int:
        """TERLAMBAT at the end of the month (the overdue list shows the worst of these)."""
        return int(self.kpis.current[metrics.TERLAMBAT.key] or 0)


def month_period(month: date, today: date) -> tuple[date, date]:
    """The days of a month that have happened: the whole month, or up to today for the running one."""
    return month_start(month), min(month_end(month), today)


def selectable_months(today: date, count: int = 24) -> list[str]:
    """The last `count` months up to the current one, newest first, as `YYYY-MM`."""
    return months_between(month_start(add_months(today, -(count - 1))), today)[::-1]


def _series(keys: list[str], labels: list[str], values: list[Any]) -> Series:
    clean = tuple(None if value is None or pd.isna(value) else float(value) for value in values)
    return Series(tuple(keys), tuple(labels), clean)


def _top_problems(conn: Connection, filters: ReportFilters, scope: Scope) -> TopProblems:
    """Reports received per category and per RW (RT inside an RW), the TOP_N largest of each."""
    categories = breakdown_by_category(conn, filters, scope).head(TOP_N)
    areas = breakdown_by_area(conn, filters, scope).head(TOP_N)
    return TopProblems(
        _series(list(categories["kategori"]), list(categories["nama"]), list(categories["total"])),
        _series(list(areas["wilayah"]), list(areas["wilayah"]), list(areas["total"])),
    )


def _text_or_none(value: Any) -> str | None:
    """A text cell of a DataFrame, with pandas' missing value (NaN) and the empty text as None."""
    return None if value is None or pd.isna(value) or value == "" else str(value)


def _overdue(conn: Connection, filters: ReportFilters, scope: Scope, now: datetime) -> tuple[OverdueItem, ...]:
    rows = overdue_reports(conn, filters, scope, now=now, limit=OVERDUE_LISTED)
    return tuple(
        OverdueItem(
            nomor=int(r["nomor"]),
            judul=str(r["judul"]),
            kategori=str(r["kategori_nama"]),
            rw=str(r["rw"]),
            rt=str(r["rt"]),
            lewat_sla=math.ceil(r["lewat_sla"]),
            penanganan=_text_or_none(r["penanganan"]),
            penanganan_nama=_text_or_none(r["penanganan_nama"]),
        )
        for r in rows.to_dict("records")
    )


def _trend(conn: Connection, filters: ReportFilters, scope: Scope) -> Series:
    """Median resolution days for each of the TREND_MONTHS months up to the meeting's month (None: none resolved)."""
    assert filters.sampai
    timing = monthly_timing(conn, filters, scope, months=TREND_MONTHS).set_index("bulan")["selesai_median"]
    months = months_between(month_start(add_months(filters.sampai, -(TREND_MONTHS - 1))), filters.sampai)
    return _series(months, months, [timing.get(month) for month in months])


def _participation_by_area(conn: Connection, filters: ReportFilters, scope: Scope) -> Series:
    """TINGKAT_PARTISIPASI per RW (or per RT of the RW), for the units that held an activity with a target."""
    if filters.rw:
        frame = participation_by(conn, filters, scope, by="rt")
        labels = [f"RT {rt}" for rt in frame["rt"]]
    else:
        frame = participation_by(conn, filters, scope, by="rw")
        labels = [f"RW {rw}" for rw in frame["rw"]]
    frame = frame.assign(label=labels).dropna(subset=["partisipasi"])
    return _series(list(frame["label"]), list(frame["label"]), list(frame["partisipasi"]))


def _unit_score(row: dict[Hashable, Any]) -> UnitScore:
    """One scored row of the scorecard table (with its change)."""
    return UnitScore(
        label=str(row["label"]),
        index=float(row[INDEX_KEY]),
        change=None if pd.isna(row["perubahan"]) else float(row["perubahan"]),
        weakest_goal=min(PILLAR_KEYS, key=lambda key: row[key]),
    )


def capacity_window(filters: ReportFilters) -> tuple[ReportFilters, Level]:
    """The scorecard the deck highlights: its units' level (an RW's meeting ranks its RTs, the kelurahan's its RWs)
    and the CAPACITY_MONTHS up to the month's end."""
    assert filters.dari and filters.sampai
    window = filters.with_period(month_start(add_months(filters.dari, -(CAPACITY_MONTHS - 1))), filters.sampai)
    return window, "rt" if filters.rw else "rw"


def _capacity(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope,
    now: datetime,
    scorecards: tuple[Scorecard, Scorecard] | None = None,
) -> CapacityHighlights:
    """Highlights of the scorecard of the capacity window vs the months before them (`scorecards`: both, when the
    caller has them already)."""
    window, level = capacity_window(filters)
    assert window.dari and window.sampai
    if scorecards is None:
        _, table = scorecard_with_change(conn, window, level, scope, now=now)
    else:
        table = with_change(*scorecards)
    previous = previous_period(window.dari, window.sampai)
    scored = table.dropna(subset=[INDEX_KEY]).sort_values([INDEX_KEY, "label"], ascending=[False, True])
    units = [_unit_score(row) for row in scored.to_dict("records")]
    improved = sorted((u for u in units if u.change is not None and u.change > 0), key=lambda u: -(u.change or 0))
    return CapacityHighlights(
        level=level,
        dari=window.dari,
        sampai=window.sampai,
        previous_dari=previous[0],
        previous_sampai=previous[1],
        ranked=tuple(units),
        most_improved=tuple(improved[:HIGHLIGHTS]),
        needs_support=tuple(sorted(units, key=lambda u: (u.index, u.label))[: min(HIGHLIGHTS, len(units) // 2)]),
        not_enough=tuple(sorted(table.loc[table[INDEX_KEY].isna(), "label"])),
    )


def open_by_holder(conn: Connection, filters: ReportFilters, scope: Scope, *, now: datetime) -> tuple[FollowUp, ...]:
    """TERBUKA and TERLAMBAT at the end of the period split by who held the reports then, in HOLDER_ORDER."""
    reads, moment = _holder_reads(conn, filters, scope, now)
    counted = []
    for conditions, holder in reads:
        # One row per open report first, grouped after: PostgreSQL will not match a GROUP BY expression holding bound
        # values (the moment) with the same expression in the SELECT list.
        reports = (
            select(
                holder.label("holder"),
                case((past_due(moment), 1), else_=0).label("late"),
                days_between(Laporan.reported_at, moment).label("age"),
            )
            .where(*conditions)
            .subquery()
        )
        counted.append(
            select(
                reports.c.holder,
                func.count().label("n"),
                func.coalesce(func.sum(reports.c.late), 0).label("late"),
                func.max(reports.c.age).label("oldest"),
            ).group_by(reports.c.holder)
        )
    rows = conn.execute(union_all(*counted) if len(counted) > 1 else counted[0]).all()
    found: dict[str, tuple[int, int, float]] = {}
    for level, count, late, oldest in rows:
        key = level or NO_HANDLER
        before = found.get(key, (0, 0, 0.0))
        found[key] = (before[0] + int(count), before[1] + int(late), max(before[2], float(oldest)))
    return tuple(
        FollowUp(level, n, late, int(oldest))
        for level in HOLDER_ORDER
        if level in found
        for n, late, oldest in [found[level]]
    )


def _holder_reads(
    conn: Connection, filters: ReportFilters, scope: Scope, now: datetime
) -> tuple[list[tuple[list[ColumnElement[bool]], ColumnElement[Any]]], datetime]:
    """What open_by_holder counts: conditions and the holder as it stood, per read; and the moment."""
    if not is_sqlite(conn):
        # PostgreSQL reads both parts in one bitmap scan of their OR; counted part by part it is slower (RW 04 in
        # November at 1M reports: 76 → 136 ms).
        conditions, moment = open_at_end_conditions(conn, filters, scope, now)
        return [(conditions, as_it_stood("penanganan", moment, now))], moment
    # SQLite counts each part in its own index range and adds them (the parts are disjoint); named by id instead, it
    # would look every open report up (RWs 04 and 07 in November at 1M reports: 129–171 → 69–109 ms).
    found = open_at_end(conn, filters, scope, now)
    reads = [(part, as_it_stood_in("penanganan", changed, found.moment)) for part, changed in found.parts()]
    return reads, found.moment


def meeting_filters(
    engine: Engine, month: date, area: MeetingArea, scope: Scope, now: datetime
) -> tuple[AreaOption, ReportFilters]:
    """The meeting's kelurahan, and the filter of its figures: the month (to today while it runs) and the area
    inside the reader's scope.

    Raises LookupError (with a message for the user) when the kelurahan or the RW is not in the scope.
    """
    with engine.connect() as conn:
        chosen = [o for o in kelurahan_options(conn, scope) if area.kelurahan_kode in (None, o.kode)]
        if not chosen:
            raise LookupError(f"kelurahan {area.kelurahan_kode or ''} tidak ada di database".replace("  ", " "))
        kelurahan = chosen[0]
        rw = scope.rw or area.rw  # an RW head's meeting is always about their own RW
        if rw and rw not in {o.kode for o in rw_options(conn, kelurahan.kode, scope)}:
            raise LookupError(f"RW {rw} tidak ada di Kelurahan {kelurahan.label}")
    rt = scope.rt  # and an RT head's about their own RT: its figures, and its name on every heading
    dari, sampai = month_period(month, now.date())
    return kelurahan, ReportFilters(kelurahan_kode=kelurahan.kode, rw=rw, rt=rt, dari=dari, sampai=sampai)


def meeting_header(kelurahan: AreaOption, filters: ReportFilters, now: datetime) -> MeetingHeader:
    """The meeting of meeting_filters' kelurahan and filter, as it stands at `now`."""
    assert filters.dari and filters.sampai
    return MeetingHeader(
        kelurahan_nama=kelurahan.label,
        kelurahan_kode=kelurahan.kode,
        rw=filters.rw,
        rt=filters.rt,
        month=filters.dari.strftime("%Y-%m"),
        dari=filters.dari,
        sampai=filters.sampai,
        generated_at=now,
        # A month that is over is told as it stood at its end (its reports' statuses, who held them, what was open);
        # the running month as it stands now. The month before is judged at the same age
        # (metrics.comparison_moment).
        as_of=min(now, day_after(filters.sampai)),
    )


@dataclass(frozen=True)
class MeetingQuery:
    """What a meeting's parts are read with: which meeting, its figures' filter, and the reader's scope and rights."""

    header: MeetingHeader
    filters: ReportFilters
    scope: Scope
    now: datetime
    may_see_reports: bool = False  # the before/after photos are only for a reader who may see single reports
    # The scorecards of capacity_window and of the period before it, when the caller keeps them.
    scorecards: tuple[Scorecard, Scorecard] | None = None

    @property
    def judged_at(self) -> datetime | None:
        """The moment a month that is over is told at (its end); None while it runs (now)."""
        return self.header.as_of if self.header.as_of < self.now else None


def _numbers(conn: Connection, q: MeetingQuery) -> MonthNumbers:
    """The month's KPIs and its follow-ups, which split TERBUKA and TERLAMBAT by holder (counted once for both).

    The reports received are judged (TINGKAT_PENYELESAIAN) as they stood at the month's end, once it is over; the
    month before at the same age.
    """
    filters, scope, now = q.filters, q.scope, q.now
    # Side by side, each on its own connection: the numbers slide waits for the slowest, not for the sum.
    read = read_concurrently(
        conn.engine,
        {
            "follow_ups": lambda conn: open_by_holder(conn, filters, scope, now=now),
            "current": lambda conn: period_kpi_values(conn, filters, scope, now=now, judged_at=q.judged_at),
            "before": lambda conn: previous_kpi_values(conn, filters, scope, now=q.header.as_of),
        },
    )
    follow_ups: tuple[FollowUp, ...] = read["follow_ups"]
    current = {
        **read["current"],
        metrics.TERBUKA.key: sum(f.terbuka for f in follow_ups),
        metrics.TERLAMBAT.key: sum(f.terlambat for f in follow_ups),
    }
    return MonthNumbers(KpiComparison.of(current, read["before"], filters.compared_with()), follow_ups)


def _satisfaction(conn: Connection, q: MeetingQuery) -> KpiComparison:
    """DIKONFIRMASI_WARGA, DIBUKA_KEMBALI_PELAPOR and IKM_WARGA (with their counts) of the month's resolutions, vs the
    month before."""
    previous = q.filters.compared_with()
    current, before = (totals(satisfaction_counts(conn, f, q.scope, "semua")) for f in (q.filters, previous))
    return KpiComparison.of(current, before, previous)


def _previous_decisions(conn: Connection, q: MeetingQuery) -> tuple[Decision, ...]:
    """The decisions of the month before's meeting, as they stood at the month's end once it is over."""
    header = q.header
    decisions = decisions_of_month(
        conn, header.kelurahan_kode, header.decisions_month, q.scope, rw=header.rw, as_of=q.judged_at
    )
    return tuple(decisions)


# A meeting's content, one read each; the slowest first, so that reading them all starts them at once.
PARTS: dict[str, Callable[[Connection, MeetingQuery], Any]] = {
    "capacity": lambda conn, q: _capacity(conn, q.filters, q.scope, q.now, q.scorecards),
    "numbers": _numbers,
    "overdue": lambda conn, q: _overdue(conn, q.filters, q.scope, q.now),
    "top_problems": lambda conn, q: _top_problems(conn, q.filters, q.scope),
    "participation": lambda conn, q: participation_comparison(conn.engine, q.filters, q.scope, now=q.now),
    "trend": lambda conn, q: _trend(conn, q.filters, q.scope),
    "participation_by_area": lambda conn, q: _participation_by_area(conn, q.filters, q.scope),
    "resolutions": lambda conn, q: resolved_with_photos(
        conn, q.filters, q.scope, may_see_reports=q.may_see_reports, limit=NOTABLE_RESOLUTIONS
    ),
    "previous_decisions": _previous_decisions,
    "satisfaction": _satisfaction,
}


def meeting_query(
    engine: Engine,
    month: date,
    area: MeetingArea,
    scope: Scope,
    *,
    now: datetime,
    may_see_reports: bool = False,
    scorecards: tuple[Scorecard, Scorecard] | None = None,
) -> MeetingQuery:
    """The meeting of a month (any day in it) and an area inside the reader's scope, ready to read its parts.

    Raises LookupError (see meeting_filters).
    """
    kelurahan, filters = meeting_filters(engine, month, area, scope, now)
    return MeetingQuery(meeting_header(kelurahan, filters, now), filters, scope, now, may_see_reports, scorecards)


def read_part(engine: Engine, query: MeetingQuery, name: str) -> Any:
    """One of the meeting's PARTS (KeyError for another name)."""
    reader = PARTS[name]
    with engine.connect() as conn:
        return reader(conn, query)


def _reading(read: Callable[[Connection, MeetingQuery], Any], query: MeetingQuery) -> Callable[[Connection], Any]:
    return lambda conn: read(conn, query)


def build_meeting_report(
    engine: Engine,
    month: date,
    area: MeetingArea,
    scope: Scope,
    *,
    now: datetime,
    may_see_reports: bool = False,
    scorecards: tuple[Scorecard, Scorecard] | None = None,
) -> MeetingReport:
    """The meeting's whole content for a month (any day in it) and an area, inside the reader's scope; the
    before/after photos of its notable resolutions only when the reader may see single reports.

    The parts are independent reads, run side by side (read_concurrently). Raises LookupError (see meeting_filters).
    `scorecards`: the scorecards of capacity_window and of the period before it, when the caller keeps them.
    """
    query = meeting_query(engine, month, area, scope, now=now, may_see_reports=may_see_reports, scorecards=scorecards)
    reads = {name: _reading(read, query) for name, read in PARTS.items()}
    return MeetingReport(**vars(query.header), parts=read_concurrently(engine, reads))
