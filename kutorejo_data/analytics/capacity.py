"""The RT/RW capacity scorecard: measure shares → four pillar scores → index, with the minimum-data rule.

Formulas, weights and minimums are in metrics.CAPACITY_PILLARS; this module only applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Connection

from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, resolve_area
from kutorejo_data.core.periods import add_months, month_end
from kutorejo_data.core.units import Level, unit_ids

from .metrics import CAPACITY_PILLARS, INDEKS_KAPASITAS, PILLAR_MIN_WEIGHT_SHARE
from .unit_measures import UnitCounts, UnitQuery, unit_counts, unit_counts_by_period

PILLAR_KEYS: tuple[str, ...] = tuple(p.key for p in CAPACITY_PILLARS)
INDEX_KEY = INDEKS_KAPASITAS.key
NO_RECORDS = "no_records"  # reason a unit is not scored at all
# A measure this good is named a strength, this weak a point to work on (shares 0–1).
STRENGTH_FROM = 0.75
WEAKNESS_BELOW = 0.5
TREND_POINTS = 6


@dataclass(frozen=True)
class Scorecard:
    """Scores of every unit of a level in an area for one period.

    `table`: one row per unit — unit_id, rw, rt, label, jumlah_kk, the four pillar keys and INDEX_KEY (0–100 or None),
    peringkat (1 = best; None when not ranked), kurang_data (pillar keys without enough data, or NO_RECORDS).
    `measures`: one row per unit and measure — unit_id, pillar, measure, weight, num, den, share, counts.
    """

    table: pd.DataFrame
    measures: pd.DataFrame


def _measure_rows(counts: UnitCounts) -> pd.DataFrame:
    """Each unit's measure counts with their pillar, weight and share, and whether they count (minimum data)."""
    config = pd.DataFrame(
        [(p.key, m.metric.key, m.weight, m.min_denominator) for p in CAPACITY_PILLARS for m in p.measures],
        columns=["pillar", "measure", "weight", "min_den"],
    )
    rows = counts.counts.merge(config, on="measure")
    has_records = rows["unit_id"].isin(counts.with_records)
    rows["share"] = (rows["num"] / rows["den"].where(rows["den"] > 0)).astype("float64")
    rows["counts"] = has_records & (rows["den"] >= rows["min_den"])
    return rows[["unit_id", "pillar", "measure", "weight", "num", "den", "share", "counts"]]


def _pillar_scores(measures: pd.DataFrame, unit_ids: pd.Series) -> pd.DataFrame:
    """Each unit's pillar scores (rows: unit_ids, columns: PILLAR_KEYS; NaN where a pillar has too little data).

    A score is the weighted mean of the counting measures (×100), if they carry enough of the pillar's weight.
    """
    counting_weight = measures["weight"].where(measures["counts"], 0.0)
    sums = (
        measures.assign(
            counting_weight=counting_weight, weighted_share=(counting_weight * measures["share"]).fillna(0.0)
        )
        .groupby(["unit_id", "pillar"])[["weight", "counting_weight", "weighted_share"]]
        .sum()
    )
    enough = (sums["counting_weight"] > 0) & (sums["counting_weight"] >= PILLAR_MIN_WEIGHT_SHARE * sums["weight"])
    scores = (100 * sums["weighted_share"] / sums["counting_weight"]).where(enough)
    return scores.unstack("pillar").reindex(index=unit_ids.to_numpy(), columns=list(PILLAR_KEYS))


def score_units(counts: UnitCounts) -> Scorecard:
    """Apply the pillar formulas and the minimum-data rule to measure counts; rank the units with an index."""
    measures = _measure_rows(counts)
    scores = _pillar_scores(measures, counts.units["unit_id"]).to_numpy(dtype="float64")
    table = counts.units[["unit_id", "rw", "rt", "label", "jumlah_kk"]].reset_index(drop=True)
    # Without records no measure counts, so every pillar is None; the reason is then the missing records.
    recorded = table["unit_id"].isin(counts.with_records).to_numpy()
    table[list(PILLAR_KEYS)] = scores
    table[INDEX_KEY] = np.where(recorded & ~np.isnan(scores).any(axis=1), scores.mean(axis=1), np.nan)
    table["kurang_data"] = [
        tuple(key for key, score in zip(PILLAR_KEYS, row, strict=True) if np.isnan(score)) if has else (NO_RECORDS,)
        for row, has in zip(scores, recorded, strict=True)
    ]
    table["peringkat"] = table[INDEX_KEY].rank(ascending=False, method="min").astype("Int64")
    return Scorecard(table=table, measures=measures)


def scorecard(
    conn: Connection,
    filters: ReportFilters,
    level: Level,
    scope: Scope = EVERYTHING,
    *,
    now: datetime,
    reports: pd.DataFrame | None = None,
) -> Scorecard:
    """The scorecard of every RT (or RW) in the filter's area for the filter's period.

    `reports`: the period's capacity_rekap.report_counts when the caller has them (see MonthlyCounts.read).
    """
    assert filters.dari and filters.sampai
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    counts = unit_counts(conn, UnitQuery(area, level, filters.dari, filters.sampai, now), reports)
    return score_units(counts)


def area_unit_ids(conn: Connection, filters: ReportFilters, level: Level, scope: Scope = EVERYTHING) -> frozenset[int]:
    """The ids of the units a scorecard of the filter's area holds (inside the scope)."""
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    return frozenset(int(unit) for unit in conn.execute(unit_ids(area, level)).scalars())


def for_units(card: Scorecard, ids: frozenset[int]) -> Scorecard:
    """The rows of a wider scorecard for some of its units, ranked among themselves.

    A unit's scores come from its own counts only, so the scorecard of a kelurahan holds every RW's and RT's exactly
    as a scorecard of that RW alone would; only the ranking depends on who else is in the table.
    """
    table = card.table[card.table["unit_id"].isin(ids)].reset_index(drop=True)
    table["peringkat"] = table[INDEX_KEY].rank(ascending=False, method="min").astype("Int64")
    measures = card.measures[card.measures["unit_id"].isin(ids)].reset_index(drop=True)
    return Scorecard(table=table, measures=measures)


def with_change(current: Scorecard, previous: Scorecard) -> pd.DataFrame:
    """The current table plus `perubahan` (index minus the previous period's; None unless both exist)."""
    before = previous.table.set_index("unit_id")[INDEX_KEY]
    table = current.table.copy()
    table["perubahan"] = (table[INDEX_KEY] - table["unit_id"].map(before)).astype("float64")
    return table


def scorecard_with_change(
    conn: Connection, filters: ReportFilters, level: Level, scope: Scope = EVERYTHING, *, now: datetime
) -> tuple[Scorecard, pd.DataFrame]:
    """The scorecard for the period, and its table with the change since the previous period."""
    assert filters.dari and filters.sampai
    current = scorecard(conn, filters, level, scope, now=now)
    previous = scorecard(conn, filters.compared_with(), level, scope, now=now)
    return current, with_change(current, previous)


def trend_windows(dari: date, sampai: date, points: int = TREND_POINTS) -> list[tuple[date, date]]:
    """Windows of as many whole months as the period touches, ending at the ends of the months before it, and the
    period itself."""
    months = (sampai.year - dari.year) * 12 + sampai.month - dari.month + 1
    windows = []
    for back in range(points - 1, 0, -1):
        end = month_end(add_months(sampai, -back))
        # Counted back from the next month's first day: from a 30-day month's end, a month back is the 30th.
        windows.append((add_months(end + timedelta(days=1), -months), end))
    return [*windows, (dari, sampai)]  # the last point is the period itself, as in the table


@dataclass(frozen=True)
class CapacityHistory:
    """A period's scorecard, the previous period's, and every unit's trend over rolling windows (see trend_windows).

    `trends`: unit_id, sampai, the four pillar keys and INDEX_KEY, one row per unit and window.
    """

    current: Scorecard
    previous: Scorecard
    trends: pd.DataFrame


def _trend_table(windows: list[tuple[date, date]], cards: list[Scorecard]) -> pd.DataFrame:
    tables = [
        card.table[["unit_id", *PILLAR_KEYS, INDEX_KEY]].assign(sampai=sampai)
        for (_, sampai), card in zip(windows, cards, strict=True)
    ]
    return pd.concat(tables, ignore_index=True)[["unit_id", "sampai", *PILLAR_KEYS, INDEX_KEY]]


def capacity_history(
    conn: Connection, filters: ReportFilters, level: Level, scope: Scope = EVERYTHING, *, now: datetime
) -> CapacityHistory:
    """Everything Kapasitas shows for an area, from one read of the monthly counts where the periods line up: the
    trend's last window is the period itself, and the previous period is counted with the windows."""
    assert filters.dari and filters.sampai
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    windows = trend_windows(filters.dari, filters.sampai)
    before = filters.compared_with()
    assert before.dari and before.sampai
    cards = [
        score_units(c) for c in unit_counts_by_period(conn, area, level, [*windows, (before.dari, before.sampai)], now)
    ]
    return CapacityHistory(current=cards[-2], previous=cards[-1], trends=_trend_table(windows, cards[:-1]))


def trend_of(trends: pd.DataFrame, unit_id: int) -> pd.DataFrame:
    """One unit's rows of CapacityHistory.trends (columns: sampai, the pillar keys, INDEX_KEY); empty scores when the
    unit is not in them."""
    rows = trends[trends["unit_id"] == unit_id]
    if rows.empty:
        rows = pd.DataFrame({"sampai": trends["sampai"].unique()}).reindex(columns=list(trends.columns))
    return (
        rows[["sampai", *PILLAR_KEYS, INDEX_KEY]]
        .reset_index(drop=True)
        .astype(dict.fromkeys((*PILLAR_KEYS, INDEX_KEY), "float64"))
    )


@dataclass(frozen=True)
class Finding:
    """One measure of one unit in words: which, how many of how many, and its share."""

    measure: str
    num: float
    den: int
    share: float


def _findings(rows: pd.DataFrame) -> list[Finding]:
    """Rows of Scorecard.measures as findings, in their order."""
    columns = (rows["measure"], rows["num"], rows["den"], rows["share"])
    return [
        Finding(str(measure), float(num), int(den), float(share))
        for measure, num, den, share in zip(*columns, strict=True)
    ]


def strengths_and_weaknesses(card: Scorecard, unit_id: int, limit: int = 3) -> tuple[list[Finding], list[Finding]]:
    """The unit's best measures (share ≥ STRENGTH_FROM) and weakest (share < WEAKNESS_BELOW), counting ones only."""
    rows = card.measures[(card.measures["unit_id"] == unit_id) & card.measures["counts"]]
    findings = _findings(rows)
    strong = sorted((f for f in findings if f.share >= STRENGTH_FROM), key=lambda f: -f.share)[:limit]
    weak = sorted((f for f in findings if f.share < WEAKNESS_BELOW), key=lambda f: f.share)[:limit]
    return strong, weak


def weakest_measure(card: Scorecard, unit_id: int, pillar: str) -> Finding | None:
    """The counting measure with the lowest share in one pillar of a unit (what to work on first)."""
    rows = card.measures[
        (card.measures["unit_id"] == unit_id) & (card.measures["pillar"] == pillar) & card.measures["counts"]
    ]
    if rows.empty:
        return None
    return _findings(rows.loc[[rows["share"].idxmin()]])[0]
