"""The Partisipasi page's headline numbers for a period and the period before it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import partial

import pandas as pd
from sqlalchemy import Connection, Engine, select

from kutorejo_data.core.concurrent_reads import read_concurrently
from kutorejo_data.core.filters import EVERYTHING, Area, ReportFilters, Scope
from kutorejo_data.core.models import Kegiatan, Kelurahan
from kutorejo_data.core.units import Level, units_by_level

from . import metrics
from .cadence import cadence_totals
from .overview import KpiComparison
from .participation import activity_area, area_summary
from .unit_measures import heads_attendance

PARTICIPATION_KPIS: tuple[metrics.Metric, ...] = (
    metrics.TINGKAT_PARTISIPASI,
    metrics.KEGIATAN_TERLAKSANA,
    metrics.KEHADIRAN_RAKOR,
    metrics.KEGIATAN_TERCATAT,
)


def has_areas(conn: Connection) -> bool:
    """True when at least one kelurahan is set up."""
    return conn.execute(select(Kelurahan.id).limit(1)).first() is not None


def has_activities(conn: Connection) -> bool:
    """True when the database holds at least one activity."""
    return conn.execute(select(Kegiatan.id).limit(1)).first() is not None


def participation_kpis(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
) -> dict[str, float | int | None]:
    """PARTICIPATION_KPIS for the filter's area and period (shares 0–1; None when there is nothing to divide)."""
    area = activity_area(conn, filters, scope)
    return _area_kpis(conn, area=area, units=units_by_level(conn, area), period=_period(filters), now=now)


def _period(filters: ReportFilters) -> tuple[date, date]:
    """The filter's period (both ends set)."""
    assert filters.dari and filters.sampai
    return filters.dari, filters.sampai


def _area_kpis(
    conn: Connection, *, area: Area, units: Mapping[Level, pd.DataFrame], period: tuple[date, date], now: datetime
) -> dict[str, float | int | None]:
    """participation_kpis of a resolved area, its units and a period."""
    dari, sampai = period
    summary = area_summary(conn, area, dari, sampai)
    held, expected = cadence_totals(conn, area, dari, sampai, units)
    attended, meetings = heads_attendance(conn, area, dari, sampai, now, units)
    return {
        metrics.TINGKAT_PARTISIPASI.key: summary["tingkat_partisipasi"],
        metrics.KEGIATAN_TERLAKSANA.key: held / expected if expected else None,
        metrics.KEHADIRAN_RAKOR.key: attended / meetings if meetings else None,
        metrics.KEGIATAN_TERCATAT.key: summary["kegiatan_tercatat"],
    }


def participation_comparison(
    engine: Engine, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime
) -> KpiComparison:
    """PARTICIPATION_KPIS for the period and for the previous period, read side by side (each on its own
    connection: the Partisipasi cards and the meeting's participation slide wait for the slower, not the sum)."""
    previous = filters.compared_with()
    # The area and its units are the same for both periods: read once, before the periods are counted.
    with engine.connect() as conn:
        area = activity_area(conn, filters, scope)
        units = units_by_level(conn, area)
    found = read_concurrently(
        engine,
        {
            name: partial(_area_kpis, area=area, units=units, period=_period(period_filters), now=now)
            for name, period_filters in (("current", filters), ("previous", previous))
        },
    )
    return KpiComparison.of(found["current"], found["previous"], previous)
