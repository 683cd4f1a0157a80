"""The Partisipasi page's headline numbers for a period and the period before it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine, select

from kutorejo_data.core.concurrent_reads import read_concurrently
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.models import Kegiatan, Kelurahan

from . import metrics
from .cadence import cadence_totals
from .overview import KpiComparison
from .participation import activity_area, participation_summary
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
    assert filters.dari and filters.sampai
    area = activity_area(conn, filters, scope)
    summary = participation_summary(conn, filters, scope)
    held, expected = cadence_totals(conn, area, filters.dari, filters.sampai)
    attended, meetings = heads_attendance(conn, area, filters.dari, filters.sampai, now)
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
    found = read_concurrently(
        engine,
        {
            "current": lambda conn: participation_kpis(conn, filters, scope, now=now),
            "previous": lambda conn: participation_kpis(conn, previous, scope, now=now),
        },
    )
    return KpiComparison.of(found["current"], found["previous"], previous)
