"""What a reader asked for (filters) and what they may see (scope), turned into SQL conditions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Connection, Select, and_, false, null, or_, select

from .models import RT, RW, Kategori, Kegiatan, Kelurahan, Laporan, StatusHistory, Tokoh
from .periods import previous_period
from .sqlfuncs import days_between, not_index_ordered, not_index_served


@dataclass(frozen=True)
class Scope:
    """The area a user may see: everything (all None), one kelurahan, one RW in it, or one RT in that.

    `read_only` marks a scope that may look but never write (a guest): write services refuse it.
    """

    kelurahan_kode: str | None = None
    rw: str | None = None
    rt: str | None = None
    read_only: bool = False


EVERYTHING = Scope()


@dataclass(frozen=True)
class ReportFilters:
    """A reader's filter over reports; empty fields mean "all". Dates are inclusive, on reported_at."""

    kelurahan_kode: str | None = None
    rw: str | None = None
    rt: str | None = None
    kategori: tuple[str, ...] = ()  # category slugs
    status: tuple[str, ...] = ()
    prioritas: tuple[str, ...] = ()
    dari: date | None = None
    sampai: date | None = None
    q: str | None = None

    def with_period(self, dari: date | None, sampai: date | None) -> ReportFilters:
        """The same filter over another period."""
        return replace(self, dari=dari, sampai=sampai)

    def compared_with(self) -> ReportFilters:
        """The same filter over the period its figures are compared with (see periods.previous_period)."""
        assert self.dari and self.sampai
        return self.with_period(*previous_period(self.dari, self.sampai))


@dataclass(frozen=True)
class Area:
    """Database ids of a resolved area; `empty` when the requested area does not exist or is out of scope."""

    kelurahan_id: int | None = None
    rw_id: int | None = None
    rt_id: int | None = None
    empty: bool = False


def _narrow(requested: str | None, allowed: str | None) -> tuple[str | None, bool]:
    """Combine a requested code with the scope's: the scope wins; a different request sees nothing."""
    if allowed is None:
        return requested, False
    if requested is not None and requested != allowed:
        return allowed, True
    return allowed, False


def resolve_area(conn: Connection, kelurahan_kode: str | None, rw: str | None, rt: str | None, scope: Scope) -> Area:
    """Look up the ids of the requested area inside the scope (a few indexed lookups, no table scan)."""
    kode, outside_kel = _narrow(kelurahan_kode, scope.kelurahan_kode)
    rw, outside_rw = _narrow(rw, scope.rw)
    rt, outside_rt = _narrow(rt, scope.rt)
    if outside_kel or outside_rw or outside_rt:
        return Area(empty=True)
    if kode is None:
        if rw is None and rt is None:
            return Area()
        # RW numbers only mean something inside one kelurahan: use the only one there is.
        kodes = conn.execute(select(Kelurahan.kode).limit(2)).scalars().all()
        if len(kodes) != 1:
            return Area(empty=True)
        kode = kodes[0]
    if rw is None and rt is not None:
        return Area(empty=True)
    # One round trip: the kelurahan, and its RW and RT by number when asked (pages resolve the area many times).
    stmt = select(Kelurahan.id, RW.id if rw is not None else null(), RT.id if rt is not None else null())
    stmt = stmt.where(Kelurahan.kode == kode)
    if rw is not None:
        stmt = stmt.outerjoin(RW, and_(RW.kelurahan_id == Kelurahan.id, RW.nomor == rw))
    if rt is not None:
        stmt = stmt.outerjoin(RT, and_(RT.rw_id == RW.id, RT.nomor == rt))
    found = conn.execute(stmt).first()
    if found is None:
        return Area(empty=True)
    kelurahan_id, rw_id, rt_id = found
    if rw is None:
        return Area(kelurahan_id=kelurahan_id)
    if rw_id is None:
        return Area(empty=True)
    if rt is None:
        return Area(kelurahan_id=kelurahan_id, rw_id=rw_id)
    if rt_id is None:
        return Area(empty=True)
    return Area(kelurahan_id=kelurahan_id, rw_id=rw_id, rt_id=rt_id)


def day_start(day: date) -> datetime:
    """Midnight at the start of a day (inclusive lower bound)."""
    return datetime.combine(day, time.min)


def day_after(day: date) -> datetime:
    """Midnight after a day (exclusive upper bound)."""
    return datetime.combine(day + timedelta(days=1), time.min)


AreaModel = type[Laporan] | type[Kegiatan] | type[Tokoh] | type[StatusHistory]  # the tables area_conditions restricts


def area_conditions(area: Area, model: AreaModel = Laporan) -> list[ColumnElement[bool]]:
    """Conditions restricting a table with kelurahan_id/rw_id/rt_id columns to an area."""
    if area.empty:
        return [false()]
    conditions: list[ColumnElement[bool]] = []
    if area.rt_id is not None:
        conditions.append(model.rt_id == area.rt_id)
    elif area.rw_id is not None:
        conditions.append(model.rw_id == area.rw_id)
    elif area.kelurahan_id is not None:
        conditions.append(model.kelurahan_id == area.kelurahan_id)
    return conditions


def changes_area_conditions(area: Area) -> list[ColumnElement[bool]]:
    """area_conditions for reading the reports changed since a moment on SQLite: an RW as its kelurahan with the RW
    tested on each row, so that SQLite reads the kelurahan's index by update time (a week's changes) instead of every
    report the RW ever had (RW 04's changes since 1 December at 1M reports: 54 → 21 ms)."""
    if area.rt_id is None and area.rw_id is not None and area.kelurahan_id is not None:
        return [Laporan.kelurahan_id == area.kelurahan_id, not_index_ordered(Laporan.rw_id) == area.rw_id]
    return area_conditions(area)


def grouped_area_conditions(area: Area) -> list[ColumnElement[bool]]:
    """area_conditions for counting a kelurahan's reports per RW, RT and category: the kelurahan (nearly every
    report) must not choose the index on SQLite, which then walks the area-and-category index in the groups' order
    instead of sorting a year of reports (a year at 1M reports: 1.1 → 0.18 s)."""
    if not area.empty and area.rt_id is None and area.rw_id is None and area.kelurahan_id is not None:
        return [not_index_served(Laporan.kelurahan_id) == area.kelurahan_id]
    return area_conditions(area)


AreaReader = Callable[[Area], list[ColumnElement[bool]]]  # area_conditions or one of the variants above


def report_conditions(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope,
    *,
    with_period: bool = True,
    area_reader: AreaReader = area_conditions,
) -> list[ColumnElement[bool]]:
    """SQL conditions on `laporan` for the filters inside the scope (period optional); `area_reader` turns the area
    into conditions (area_conditions unless a caller steers the index choice)."""
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    conditions = area_reader(area)
    if filters.kategori:
        ids = select(Kategori.id).where(Kategori.slug.in_(filters.kategori))
        conditions.append(Laporan.kategori_id.in_(ids.scalar_subquery()))
    if filters.status:
        conditions.append(Laporan.status.in_(filters.status))
    if filters.prioritas:
        conditions.append(Laporan.prioritas.in_(filters.prioritas))
    if with_period and filters.dari is not None:
        conditions.append(Laporan.reported_at >= day_start(filters.dari))
    if with_period and filters.sampai is not None:
        conditions.append(Laporan.reported_at < day_after(filters.sampai))
    if filters.q:
        # Literal text: `%`, `_` and the escape character match themselves (autoescape), not any text.
        text = filters.q.strip()
        conditions.append(
            or_(
                *(
                    column.icontains(text, autoescape=True)
                    for column in (Laporan.judul, Laporan.deskripsi, Laporan.lokasi)
                )
            )
        )
    return conditions


def history_area_conditions(conn: Connection, filters: ReportFilters, scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on the history's copy of its report's area for an RW or RT of the filter inside the scope: an
    index then reads that area's changes alone. None for a kelurahan: its changes are read by period, and the join
    with their reports (report_conditions, always applied too) keeps the kelurahan's."""
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    if area.empty or (area.rw_id is None and area.rt_id is None):
        return []
    return area_conditions(area, StatusHistory)


def history_of_selected(
    conn: Connection, filters: ReportFilters, scope: Scope, *conditions: ColumnElement[bool]
) -> Select:
    """SELECT status_history rows matching `conditions` of the reports the filters select (period aside).

    For windows of many months: the reports are named as a set of ids, so the database reads the few history
    entries of each selected report through its (laporan_id, changed_at) index instead of looking up the report of
    every history entry in the window (three times faster over a year; a join is faster for one month).
    """
    stmt = select(StatusHistory).where(*conditions)
    selected = report_conditions(conn, filters, scope, with_period=False)
    if selected:
        stmt = stmt.where(StatusHistory.laporan_id.in_(select(Laporan.id).where(*selected)))
    return stmt


def past_due(moment: datetime) -> ColumnElement[bool]:
    """Whether a report's resolution deadline (its category's SLA in working days, `batas_selesai`) has passed at
    `moment`: what TERLAMBAT counts among the reports open then."""
    return Laporan.batas_selesai < moment


def days_past_due(moment: datetime) -> ColumnElement[float]:
    """Calendar days from a report's resolution deadline to `moment` (positive: late), for ranking the overdue."""
    return days_between(Laporan.batas_selesai, moment)
