"""Read side of the Wilayah page: one row per RT or RW with the measures the area view can colour by."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, case, func, select

from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, past_due, resolve_area
from kutorejo_data.core.models import Laporan
from kutorejo_data.core.sqlfuncs import not_index_ordered
from kutorejo_data.core.units import Level
from kutorejo_data.store.capacity_rekap import report_counts

from . import metrics
from .capacity import INDEX_KEY, scorecard

# The measures a reader can colour the area view by, in the order offered.
AREA_METRICS: tuple[metrics.Metric, ...] = (
    metrics.TERBUKA_PER_100_KK,
    metrics.PERSEN_TERLAMBAT,
    metrics.TINGKAT_PARTISIPASI,
    metrics.INDEKS_KAPASITAS,
)
AREA_COLUMNS = ["unit_id", "rw", "rt", "label", "jumlah_kk", "terbuka", "terlambat", *(m.key for m in AREA_METRICS)]


def open_and_overdue(conn: Connection, filters: ReportFilters, scope: Scope, now: datetime) -> pd.DataFrame:
    """TERBUKA and TERLAMBAT per RT (with its RW), by the one definition of "open at the end of the period".

    Columns: rt_id, rw_id, terbuka, terlambat. Both levels of the area view sum these.
    """
    conditions, moment = metrics.open_at_end_conditions(conn, filters, scope, now)
    overdue = case((past_due(moment), 1), else_=0)
    area = (not_index_ordered(Laporan.rt_id).label("rt_id"), not_index_ordered(Laporan.rw_id).label("rw_id"))
    stmt = select(*area, func.count(), func.sum(overdue)).where(*conditions).group_by(*area)
    return pd.DataFrame(conn.execute(stmt).all(), columns=["rt_id", "rw_id", "terbuka", "terlambat"])


def shared_report_counts(conn: Connection, filters: ReportFilters, scope: Scope, now: datetime) -> pd.DataFrame | None:
    """The period's capacity report counts for both levels at once, or None for an RT's area (it shows no RW)."""
    assert filters.dari and filters.sampai
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    if area.rt_id is not None:
        return None
    # Per RT of every RW in the area (inactive RTs too): what the RW level counts, and more than the RT level.
    return report_counts(conn, area, "rw", filters.dari, filters.sampai, now)


def area_measures(
    conn: Connection,
    filters: ReportFilters,
    level: Level,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
    open_counts: pd.DataFrame | None = None,
    reports: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every RT (or RW) of the filter's area with open/overdue counts and the AREA_METRICS values.

    Shares are 0–1; the index is 0–100; per-100-KK is None without a household count; every value is None
    when it has no data (no open report for the overdue share, no scored index, ...). Columns: AREA_COLUMNS.
    `open_counts` (open_and_overdue) and `reports` (shared_report_counts) of the same filter are used when the
    caller has them, so both levels can share them.
    """
    card = scorecard(conn, filters, level, scope, now=now, reports=reports)
    if open_counts is None:
        open_counts = open_and_overdue(conn, filters, scope, now)
    by_unit = open_counts.groupby(f"{level}_id")[["terbuka", "terlambat"]].sum()
    counts = {
        int(unit_id): (int(terbuka), int(terlambat))
        for unit_id, terbuka, terlambat in zip(by_unit.index, by_unit["terbuka"], by_unit["terlambat"], strict=True)
    }
    measured = card.measures[card.measures["measure"] == metrics.TINGKAT_PARTISIPASI.key]
    participation = measured[measured["den"] > 0].set_index("unit_id")["share"]
    index = card.table.set_index("unit_id")[INDEX_KEY]
    rows = []
    for unit in card.table.to_dict("records"):
        unit_id = unit["unit_id"]
        terbuka, terlambat = counts.get(unit_id, (0, 0))
        kk = None if pd.isna(unit["jumlah_kk"]) else int(unit["jumlah_kk"])
        rows.append(
            {
                "unit_id": unit_id,
                "rw": unit["rw"],
                "rt": unit["rt"],
                "label": unit["label"],
                "jumlah_kk": kk,
                "terbuka": terbuka,
                "terlambat": terlambat,
                metrics.TERBUKA_PER_100_KK.key: 100 * terbuka / kk if kk else None,
                metrics.PERSEN_TERLAMBAT.key: terlambat / terbuka if terbuka else None,
                metrics.TINGKAT_PARTISIPASI.key: participation.get(unit_id),
                metrics.INDEKS_KAPASITAS.key: None if pd.isna(index[unit_id]) else float(index[unit_id]),
            }
        )
    return pd.DataFrame(rows, columns=AREA_COLUMNS)
