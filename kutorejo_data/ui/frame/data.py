"""Cached wrappers around the query layer. Cache keys include the database, the filters and the scope."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Connection

from kutorejo_data.access import permissions
from kutorejo_data.access.accounts import Account
from kutorejo_data.analytics import (
    accountability,
    area_view,
    cadence,
    capacity,
    metrics,
    participation,
    participation_summary,
    resolution,
)
from kutorejo_data.analytics import satisfaction as satisfaction_figures
from kutorejo_data.analytics.overview import KpiComparison, breakdown_by_area, breakdown_by_category, monthly_flow
from kutorejo_data.core.concurrent_reads import read_concurrently
from kutorejo_data.core.config import now_local
from kutorejo_data.core.filters import ReportFilters, Scope
from kutorejo_data.core.units import Level
from kutorejo_data.meeting import deck as meeting
from kutorejo_data.records import (
    assignment,
    boundaries,
    holidays,
    options,
    outbox,
    photos,
    public,
    report_map,
    reports,
    routing,
    settings_lists,
    tasks,
)
from kutorejo_data.store.capacity_rekap import counting_moment
from kutorejo_data.ui.kit.images import jpeg_data_url

from .context import engine_for

# Short enough that a report recorded elsewhere shows up within a minute without manual refresh.
CACHE_TTL_SECONDS = 60


@dataclass(frozen=True)
class Overview:
    """Everything the Ringkasan page shows for one filter."""

    kpis: KpiComparison
    flow: pd.DataFrame
    by_area: pd.DataFrame
    by_category: pd.DataFrame


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def database_status(db_url: str) -> tuple[bool, bool]:
    """(has reports, is demo data) for the database."""
    with engine_for(db_url).connect() as conn:
        return options.has_reports(conn), options.is_demo_database(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def kelurahan_options(db_url: str, scope: Scope) -> list[options.AreaOption]:
    """Kelurahan the reader may pick."""
    with engine_for(db_url).connect() as conn:
        return options.kelurahan_options(conn, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def rw_options(db_url: str, kelurahan_kode: str, scope: Scope) -> list[options.AreaOption]:
    """RWs of a kelurahan the reader may pick."""
    with engine_for(db_url).connect() as conn:
        return options.rw_options(conn, kelurahan_kode, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def rt_options(db_url: str, kelurahan_kode: str, rw: str, scope: Scope) -> list[options.AreaOption]:
    """RTs of an RW the reader may pick."""
    with engine_for(db_url).connect() as conn:
        return options.rt_options(conn, kelurahan_kode, rw, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def overview(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> Overview:
    """KPIs with comparison, the monthly flow and both breakdowns, in one cached call (queries side by side)."""
    previous = filters.compared_with()
    found = read_concurrently(
        engine_for(db_url),
        {
            "current": lambda conn: metrics.kpi_values(conn, filters, scope, now=now),
            "previous": lambda conn: metrics.previous_kpi_values(conn, filters, scope, now=now),
            "flow": lambda conn: monthly_flow(conn, filters, scope),
            "by_area": lambda conn: breakdown_by_area(conn, filters, scope),
            "by_category": lambda conn: breakdown_by_category(conn, filters, scope),
        },
    )
    return Overview(
        kpis=KpiComparison.of(found["current"], found["previous"], previous),
        flow=found["flow"],
        by_area=found["by_area"],
        by_category=found["by_category"],
    )


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def category_names(db_url: str) -> dict[str, str]:
    """Category slug → name."""
    with engine_for(db_url).connect() as conn:
        return options.category_names(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def report_count(db_url: str, filters: ReportFilters, scope: Scope) -> int:
    """How many reports match the filters."""
    with engine_for(db_url).connect() as conn:
        return reports.count_reports(conn, filters, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def report_page(db_url: str, filters: ReportFilters, scope: Scope, now: datetime, page: int) -> pd.DataFrame:
    """One page of the report list."""
    with engine_for(db_url).connect() as conn:
        return reports.report_page(conn, filters, scope, now=now, page=page)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def report_detail(
    db_url: str, nomor: int, scope: Scope, now: datetime, with_personal_data: bool
) -> reports.ReportDetail | None:
    """One report with its history, or None outside the scope."""
    with engine_for(db_url).connect() as conn:
        return reports.report_detail(conn, nomor, scope, now=now, with_personal_data=with_personal_data)


# Penyelesaian: one cached read per part of the page, so a filter change reads only what the open tab shows.


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def speed_cards(db_url: str, filters: ReportFilters, scope: Scope) -> dict[str, float | None]:
    """The speed cards above every tab: overall response and resolution times and the escalated share, three reads
    side by side (the per-category, per-level and per-unit tables are read only by the tabs that show them)."""
    return resolution.speed_values(**read_concurrently(engine_for(db_url), resolution.speed_reads(filters, scope)))


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def resolution_speed(db_url: str, filters: ReportFilters, scope: Scope) -> resolution.Timing:
    """Response and resolution times overall, per category, per handler level and per unit (the two reads side by
    side: they are the page's slowest)."""
    engine = engine_for(db_url)
    found = read_concurrently(
        engine,
        {
            "selesai": lambda conn: resolution.resolution_percentiles(conn, filters, scope),
            "tanggap": lambda conn: resolution.response_percentiles(conn, filters, scope),
        },
    )
    with engine.connect() as conn:
        return resolution.timing(conn, filters, scope, tanggap=found["tanggap"], selesai=found["selesai"])


# The worst overdue reports Penyelesaian lists: a static table read at a glance (the total is told beside it).
OVERDUE_SHOWN = 10


@dataclass(frozen=True)
class ResolutionFlow:
    """How the period's reports moved, and the open backlog by age with its worst overdue reports."""

    flow: dict[str, int]
    backlog_age: pd.DataFrame
    overdue: pd.DataFrame
    overdue_total: int


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def resolution_flow(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> ResolutionFlow:
    """The status flow, the backlog by age and the overdue list (queries side by side)."""
    found = read_concurrently(
        engine_for(db_url),
        {
            # Its overdue column also sums to the TERLAMBAT total the overdue list quotes.
            "backlog_age": lambda conn: resolution.backlog_by_age(conn, filters, scope, now=now),
            "overdue": lambda conn: resolution.overdue_reports(conn, filters, scope, now=now, limit=OVERDUE_SHOWN),
            "flow": lambda conn: resolution.status_flow(conn, filters, scope),
        },
    )
    return ResolutionFlow(
        flow=found["flow"],
        backlog_age=found["backlog_age"],
        overdue=found["overdue"],
        overdue_total=int(found["backlog_age"]["terlambat"].sum()),
    )


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def backlog_by_area(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> pd.DataFrame:
    """Open and overdue reports at the end of the period per RW (or per RT inside one RW), most overdue first."""
    with engine_for(db_url).connect() as conn:
        return resolution.backlog_by_area(conn, filters, scope, now=now)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def resolution_trend(db_url: str, filters: ReportFilters, scope: Scope) -> pd.DataFrame:
    """Median and P90 resolution days per month."""
    with engine_for(db_url).connect() as conn:
        return resolution.monthly_timing(conn, filters, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def area_comparison(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> pd.DataFrame:
    """Per RW (or RT in one RW): received, resolution rate, median days, overdue share; from the same backlog and
    timings the other parts show."""
    backlog = backlog_by_area(db_url, filters, scope, now)
    timing = resolution_speed(db_url, filters, scope)
    with engine_for(db_url).connect() as conn:
        return resolution.area_comparison(conn, filters, scope, now=now, backlog=backlog, timings=timing)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def on_time(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> accountability.OnTime:
    """On time in working days, per level, per person in charge and per area."""
    with engine_for(db_url).connect() as conn:
        return accountability.on_time_tables(conn, filters, scope, now=now)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def satisfaction(db_url: str, filters: ReportFilters, scope: Scope) -> satisfaction_figures.Satisfaction:
    """Residents' answers to the period's resolutions: the whole selection, per area and per category."""
    with engine_for(db_url).connect() as conn:
        return satisfaction_figures.satisfaction(conn, filters, scope)


# ---------------------------------------------------------------------------------------------------------------
# Partisipasi, Kapasitas and Wilayah


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def activity_status(db_url: str) -> tuple[bool, bool]:
    """(has areas, has activities) for the database."""
    with engine_for(db_url).connect() as conn:
        return participation_summary.has_areas(conn), participation_summary.has_activities(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def participation_kpis(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> KpiComparison:
    """Partisipasi's headline numbers for the period and the period before, read side by side."""
    return participation_summary.participation_comparison(engine_for(db_url), filters, scope, now=now)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def participation_by(db_url: str, filters: ReportFilters, scope: Scope, by: participation.GroupBy) -> pd.DataFrame:
    """TINGKAT_PARTISIPASI and attendance per activity type, RW, RT or RT and month (participation.participation_by)."""
    with engine_for(db_url).connect() as conn:
        return participation.participation_by(conn, filters, scope, by=by)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def activity_schedule(db_url: str, filters: ReportFilters, scope: Scope) -> pd.DataFrame:
    """Routine activities held vs expected per type, unit and month of the filter's area (cadence.cadence_grid)."""
    assert filters.dari and filters.sampai
    with engine_for(db_url).connect() as conn:
        area = participation.activity_area(conn, filters, scope)
        return cadence.cadence_grid(conn, area, filters.dari, filters.sampai)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def attendance_by_role(db_url: str, filters: ReportFilters, scope: Scope) -> pd.DataFrame:
    """People attending per activity type and role."""
    with engine_for(db_url).connect() as conn:
        return participation.attendance_by_role(conn, filters, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def bimtek_record(db_url: str, filters: ReportFilters, scope: Scope) -> pd.DataFrame:
    """The area's RT/RW heads, Tomas and Toga with the Bimtek sessions each attended in the year to the period's end."""
    with engine_for(db_url).connect() as conn:
        return participation.bimtek_record(conn, filters, scope)


def _whole_kelurahan(filters: ReportFilters) -> ReportFilters:
    """The filter without its RW and RT: what the per-unit pages compute once and then slice (see area_units)."""
    return replace(filters, rw=None, rt=None)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def area_units(db_url: str, filters: ReportFilters, scope: Scope, level: Level) -> frozenset[int]:
    """The ids of the RTs or RWs of the filter's area inside the scope.

    The per-unit pages (Kapasitas, Wilayah) compute every unit of the kelurahan once and show the area's rows: a
    unit's figures do not depend on the area around it, so choosing another RW costs one lookup, not a recount.
    """
    with engine_for(db_url).connect() as conn:
        return capacity.area_unit_ids(conn, filters, level, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _kelurahan_capacity_counted_at(
    db_url: str, filters: ReportFilters, scope: Scope, level: Level, counted_at: datetime
) -> capacity.CapacityHistory:
    """Every RT's or RW's scorecards (period, previous period) and trend in the kelurahan (capacity_history)."""
    with engine_for(db_url).connect() as conn:
        return capacity.capacity_history(conn, filters, level, scope, now=counted_at)


def _kelurahan_capacity(
    db_url: str, filters: ReportFilters, scope: Scope, level: Level, now: datetime
) -> capacity.CapacityHistory:
    """The kelurahan's capacity history, kept by its counting moment: the most expensive read of Kapasitas and the
    meeting's capacity slide (0.4–0.8 s) is then not redone when the minute changes between two RWs."""
    return _kelurahan_capacity_counted_at(db_url, filters, scope, level, counting_moment(now))


def _area_scorecards(
    db_url: str, filters: ReportFilters, scope: Scope, level: Level, now: datetime
) -> tuple[capacity.Scorecard, capacity.Scorecard]:
    """The scorecards of the area's units for the period and the period before, sliced from the kelurahan's."""
    history = _kelurahan_capacity(db_url, _whole_kelurahan(filters), scope, level, now)
    ids = area_units(db_url, filters, scope, level)
    return capacity.for_units(history.current, ids), capacity.for_units(history.previous, ids)


def capacity_scorecard(
    db_url: str, filters: ReportFilters, scope: Scope, level: Level, now: datetime
) -> tuple[capacity.Scorecard, pd.DataFrame]:
    """The capacity scorecard of every RT or RW in the area, and its table with the change since last period."""
    current, previous = _area_scorecards(db_url, filters, scope, level, now)
    return current, capacity.with_change(current, previous)


def capacity_trend(
    db_url: str, filters: ReportFilters, scope: Scope, level: Level, unit_id: int, now: datetime
) -> pd.DataFrame:
    """One unit's pillar scores and index over rolling windows."""
    history = _kelurahan_capacity(db_url, _whole_kelurahan(filters), scope, level, now)
    return capacity.trend_of(history.trends, unit_id)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _kelurahan_area_measures(
    db_url: str, filters: ReportFilters, scope: Scope, now: datetime
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The area-view measures of every RT and of every RW of the kelurahan (what both levels count is read once,
    side by side, then the two levels side by side)."""
    engine = engine_for(db_url)
    shared = read_concurrently(
        engine,
        {
            "reports": lambda conn: area_view.shared_report_counts(conn, filters, scope, now),
            "open_counts": lambda conn: area_view.open_and_overdue(conn, filters, scope, now),
        },
    )

    def measures(level: Level) -> Callable[[Connection], pd.DataFrame]:
        return lambda conn: area_view.area_measures(conn, filters, level, scope, now=now, **shared)

    found = read_concurrently(engine, {level: measures(level) for level in ("rt", "rw")})
    return found["rt"], found["rw"]


def area_measures(
    db_url: str, filters: ReportFilters, scope: Scope, now: datetime
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The area-view measures of every RT and of every RW in the area."""
    rts, rws = _kelurahan_area_measures(db_url, _whole_kelurahan(filters), scope, now)

    def of_area(frame: pd.DataFrame, level: Level) -> pd.DataFrame:
        return frame[frame["unit_id"].isin(area_units(db_url, filters, scope, level))].reset_index(drop=True)

    return of_area(rts, "rt"), of_area(rws, "rw")


def active_categories(db_url: str) -> dict[str, str]:
    """Slug → name of the categories a new report may use."""
    with engine_for(db_url).connect() as conn:
        return options.active_category_names(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def settings_rws(db_url: str, kelurahan_kode: str, scope: Scope) -> list[settings_lists.RwRow]:
    """The RWs of a kelurahan as Pengaturan lists them (each with its RTs and reports counted)."""
    with engine_for(db_url).connect() as conn:
        return settings_lists.rw_rows(conn, kelurahan_kode, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def settings_rts(db_url: str, kelurahan_kode: str, rw: str, scope: Scope) -> list[settings_lists.RtRow]:
    """The RTs of an RW as Pengaturan lists them (each with its reports counted)."""
    with engine_for(db_url).connect() as conn:
        return settings_lists.rt_rows(conn, kelurahan_kode, rw, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def routing_rules(db_url: str, kelurahan_kode: str, scope: Scope) -> list[routing.RuleRow]:
    """The kelurahan's routing rules (Pengaturan)."""
    with engine_for(db_url).connect() as conn:
        return routing.list_rules(conn, kelurahan_kode) if scope.rw is None else []


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def routable_accounts(db_url: str, scope: Scope) -> list[tuple[int, str]]:
    """Active accounts a rule may name (Pengaturan, for the office only)."""
    with engine_for(db_url).connect() as conn:
        return routing.active_accounts(conn) if scope.rw is None else []


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def days_off(db_url: str, kelurahan_kode: str, scope: Scope) -> list[holidays.DayOff]:
    """The days off a kelurahan added (and those for every kelurahan)."""
    with engine_for(db_url).connect() as conn:
        kelurahan = [o for o in options.kelurahan_options(conn, scope) if o.kode == kelurahan_kode]
        return holidays.days_off(conn, holidays.kelurahan_id(conn, kelurahan_kode)) if kelurahan else []


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def settings_categories(db_url: str, scope: Scope) -> list[settings_lists.CategoryRow]:
    """The categories as Pengaturan lists them (each with its reports inside the scope counted)."""
    with engine_for(db_url).connect() as conn:
        return settings_lists.category_rows(conn, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def open_task_count(db_url: str, account_id: int, scope: Scope) -> int:
    """How many open reports the person is in charge of inside their area (for the menu)."""
    with engine_for(db_url).connect() as conn:
        return tasks.open_task_count(conn, account_id, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def my_tasks(db_url: str, account_id: int, scope: Scope, now: datetime) -> list[tasks.Task]:
    """The person's open reports, the most overdue first."""
    with engine_for(db_url).connect() as conn:
        return tasks.my_tasks(conn, account_id, scope, now=now)


def sender_of(account: Account) -> outbox.Sender:
    """Whose WhatsApp messages this account sends: their own, and the office's for the office roles."""
    return outbox.Sender(
        account.id, office=permissions.sends_office_messages(account.role), kelurahan_kode=account.scope.kelurahan_kode
    )


# The outbox is read fresh on every run: a message sent through its link is marked by the server, not by a rerun.
def waiting_messages(db_url: str, account: Account) -> list[outbox.Queued]:
    """The WhatsApp messages this person should send, oldest first."""
    with engine_for(db_url).connect() as conn:
        return outbox.waiting_for(conn, sender_of(account))


def waiting_message_count(db_url: str, account: Account) -> int:
    """How many messages wait for this person (the menu's number beside Pesan)."""
    with engine_for(db_url).connect() as conn:
        return outbox.count_waiting(conn, sender_of(account))


def public_status(db_url: str, typed: str) -> public.PublicStatus | None:
    """The report a typed tracking code finds (read fresh: typed codes are not worth caching)."""
    with engine_for(db_url).connect() as conn:
        return public.public_status(conn, typed)


def tracking_code(db_url: str, nomor: int) -> str | None:
    """A report's tracking code, read fresh (right after the report was saved)."""
    with engine_for(db_url).connect() as conn:
        return public.tracking_code(conn, nomor)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def message_templates(db_url: str) -> dict[str, str]:
    """Every WhatsApp message kind's text (the kelurahan's edit, else the default)."""
    with engine_for(db_url).connect() as conn:
        return outbox.templates(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def assignment_candidates(db_url: str, nomor: int, scope: Scope) -> list[assignment.Candidate]:
    """Who may be put in charge of a report (only for a report inside the reader's scope)."""
    with engine_for(db_url).connect() as conn:
        if reports.report_detail(conn, nomor, scope, now=now_local()) is None:
            return []
        return assignment.candidates(conn, nomor)


def invalidate_cached_reads() -> None:
    """Forget every cached read, so the next rerun of any page shows what was just written."""
    st.cache_data.clear()


# ---------------------------------------------------------------------------------------------------------------
# Presentasi rapat


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def meeting_header(
    db_url: str, month: date, area: meeting.MeetingArea, scope: Scope, now: datetime
) -> meeting.MeetingHeader:
    """Which meeting a month and an area make (raises LookupError outside the scope): all the cover shows."""
    kelurahan, filters = meeting.meeting_filters(engine_for(db_url), month, area, scope, now)
    return meeting.meeting_header(kelurahan, filters, now)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def meeting_part(
    db_url: str,
    month: date,
    area: meeting.MeetingArea,
    scope: Scope,
    now: datetime,
    may_see_reports: bool,
    name: str,
) -> Any:
    """One of a meeting's PARTS for a month and an area (raises LookupError outside the scope): a slide reads only
    the parts it shows, and the exports reuse them. The before/after photos only for a reader who may see single
    reports."""
    engine = engine_for(db_url)
    query = meeting.meeting_query(engine, month, area, scope, now=now, may_see_reports=may_see_reports)
    if name == "capacity":
        # The capacity slide's scorecards come from the kelurahan's, kept like Kapasitas's: another RW costs a lookup.
        window, level = meeting.capacity_window(query.filters)
        query = replace(query, scorecards=_area_scorecards(db_url, window, scope, level, now))
    return meeting.read_part(engine, query, name)


# ---------------------------------------------------------------------------------------------------------------
# Photos and the map: every photo read carries the reader's scope and whether they may see single reports


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def after_photo_categories(db_url: str) -> frozenset[str]:
    """Slugs of the categories resolved only with an after photo."""
    with engine_for(db_url).connect() as conn:
        return photos.after_photo_categories(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def report_photos(db_url: str, nomor: int, scope: Scope, may_see_reports: bool) -> tuple[photos.PhotoInfo, ...]:
    """A report's photos with their thumbnails (none outside the scope, none for a guest)."""
    with engine_for(db_url).connect() as conn:
        return photos.photos_of(conn, nomor, scope, may_see_reports=may_see_reports)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=16)
def photo_image(db_url: str, foto_id: int, scope: Scope, may_see_reports: bool) -> bytes | None:
    """One photo's full JPEG (a few hundred KB: few kept), or None when the reader may not see it."""
    with engine_for(db_url).connect() as conn:
        return photos.photo_image(conn, foto_id, scope, may_see_reports=may_see_reports)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def list_thumbnails(db_url: str, nomors: tuple[int, ...], scope: Scope, may_see_reports: bool) -> dict[int, str]:
    """For a page of the report list: report number → a small thumbnail as a data URL (for an image column)."""
    with engine_for(db_url).connect() as conn:
        found = photos.list_thumbnails(conn, nomors, scope, may_see_reports=may_see_reports)
    return {nomor: jpeg_data_url(thumbnail) for nomor, thumbnail in found.items()}


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def report_points(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> report_map.ReportPoints:
    """The filtered reports with coordinates, as map points."""
    with engine_for(db_url).connect() as conn:
        return report_map.report_points(conn, filters, scope, now=now)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def area_boundaries(db_url: str, kelurahan_kode: str) -> boundaries.StoredBoundaries | None:
    """The kelurahan's RW/RT polygons, if uploaded."""
    with engine_for(db_url).connect() as conn:
        return boundaries.boundaries_of(conn, kelurahan_kode)
