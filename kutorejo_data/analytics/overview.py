"""The overview (Ringkasan): KPIs against the previous period, the monthly flow, breakdowns by area and category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Case, Connection, case, func, literal, select

from kutorejo_data.core.domain import OPEN_STATUSES, STATUS_SELESAI
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, report_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Kategori, Laporan
from kutorejo_data.core.periods import add_months, month_start
from kutorejo_data.records.options import category_names
from kutorejo_data.store.monthly_rekap import monthly_figures

from .metrics import kpi_values, previous_kpi_values


@dataclass(frozen=True)
class KpiComparison:
    """KPI values of a period and of the period before it."""

    current: dict[str, float | int | None]
    previous: dict[str, float | int | None]
    previous_dari: date
    previous_sampai: date

    @classmethod
    def of(
        cls,
        current: dict[str, float | int | None],
        previous: dict[str, float | int | None],
        compared_with: ReportFilters,
    ) -> KpiComparison:
        """The values of a period and of `compared_with` (the filter over the earlier period)."""
        assert compared_with.dari and compared_with.sampai
        return cls(current, previous, compared_with.dari, compared_with.sampai)


def kpi_comparison(
    conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING, *, now: datetime
) -> KpiComparison:
    """The overview's KPI values for the period and for the comparison period."""
    return KpiComparison.of(
        kpi_values(conn, filters, scope, now=now),
        previous_kpi_values(conn, filters, scope, now=now),
        filters.compared_with(),
    )


def monthly_flow(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope = EVERYTHING,
    *,
    min_months: int = 12,
    today: date | None = None,
) -> pd.DataFrame:
    """Reports received and resolved per month, for the period's months (at least `min_months` back from its end).

    Columns: bulan (YYYY-MM), masuk, selesai. Resolved counts distinct reports per month, as the SELESAI metric does.
    """
    assert filters.dari and filters.sampai
    first = min(month_start(filters.dari), month_start(add_months(filters.sampai, -(min_months - 1))))
    figures = monthly_figures(conn, filters, scope, first, filters.sampai, percentiles=False, today=today)
    return figures[["bulan", "masuk", "selesai"]].astype({"masuk": int, "selesai": int})


_OUTCOMES = ("terbuka", "selesai", "tidak_valid")


def _outcome() -> Case[str]:
    """Current outcome of a report: terbuka, selesai, or tidak_valid (rejected/duplicate)."""
    return case(
        (Laporan.status.in_(OPEN_STATUSES), literal("terbuka")),
        (Laporan.status == STATUS_SELESAI, literal("selesai")),
        else_=literal("tidak_valid"),
    )


def breakdown_by_area(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Reports received in the period per RW (or per RT when one RW is chosen), by current outcome.

    Columns: wilayah (e.g. "RW 03"), terbuka, selesai, tidak_valid, total; sorted by total, descending.
    """
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    conditions = report_conditions(conn, filters, scope)
    outcome = _outcome().label("outcome")
    # Group by the plain number column: PostgreSQL will not match two separately bound 'RW ' || nomor expressions.
    if area.rw_id is not None:
        prefix, unit, stmt = "RT ", RT.nomor, select(RT.nomor, outcome, func.count()).join(RT, RT.id == Laporan.rt_id)
    else:
        prefix, unit, stmt = "RW ", RW.nomor, select(RW.nomor, outcome, func.count()).join(RW, RW.id == Laporan.rw_id)
    rows = conn.execute(stmt.where(*conditions).group_by(unit, outcome)).all()
    return _pivot_outcomes([(prefix + nomor, kind, n) for nomor, kind, n in rows], "wilayah")


def breakdown_by_category(conn: Connection, filters: ReportFilters, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Reports received in the period per category, by current outcome.

    Columns: kategori (slug), nama, terbuka, selesai, tidak_valid, total; sorted by total, descending.
    """
    outcome = _outcome().label("outcome")
    stmt = (
        select(Kategori.slug, outcome, func.count())
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(*report_conditions(conn, filters, scope))
        .group_by(Kategori.slug, outcome)
    )
    frame = _pivot_outcomes(conn.execute(stmt).all(), "kategori")
    names = category_names(conn)
    frame.insert(1, "nama", frame["kategori"].map(names))
    return frame


def _pivot_outcomes(rows: Sequence[tuple[str, str, int]], unit: str) -> pd.DataFrame:
    # Plain dicts rather than pivot_table: a few dozen rows, and pandas' pivot costs more than the query.
    counts: dict[str, dict[str, int]] = {}
    for key, outcome, n in rows:
        by_outcome = counts.setdefault(key, dict.fromkeys(_OUTCOMES, 0))
        by_outcome[outcome] += int(n)
    ordered = sorted(counts, key=lambda key: (-sum(counts[key].values()), key))
    records = [(key, *counts[key].values(), sum(counts[key].values())) for key in ordered]
    frame = pd.DataFrame(records, columns=[unit, *_OUTCOMES, "total"])
    return frame.astype(dict.fromkeys((*_OUTCOMES, "total"), "int64"))
