"""Routine activities held vs expected: one row per scheduled activity type, unit and month (KEGIATAN_TERLAKSANA)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
from sqlalchemy import Connection, func, select

from kutorejo_data.core.filters import Area, area_conditions
from kutorejo_data.core.models import Kegiatan, Kelurahan
from kutorejo_data.core.periods import period_months
from kutorejo_data.core.sqlfuncs import month_key
from kutorejo_data.core.units import Level, area_units

from .metrics import EXPECTED_CADENCE, ActivityLevel, Cadence

GRID_COLUMNS = ["jenis", "tingkat", "unit_id", "rw_id", "label", "bulan", "whole", "count", "held", "expected"]


def _units_of(
    conn: Connection, area: Area, tingkat: ActivityLevel, known: Mapping[Level, pd.DataFrame] | None = None
) -> pd.DataFrame:
    """Units expected to hold an activity of a level: RTs, RWs, or kelurahan (only when the area is one); `known` is
    the area's units_by_level when the caller has read them."""
    if tingkat in ("rt", "rw"):
        units = known[tingkat] if known is not None else area_units(conn, area, tingkat)
        return units[["unit_id", "rw_id", "label"]]
    if area.empty or area.rw_id is not None or area.rt_id is not None:
        return pd.DataFrame(columns=["unit_id", "rw_id", "label"])
    stmt = select(Kelurahan.id, Kelurahan.nama).order_by(Kelurahan.kode)
    if area.kelurahan_id is not None:
        stmt = stmt.where(Kelurahan.id == area.kelurahan_id)
    return pd.DataFrame(
        [(k, None, f"Kel. {nama}") for k, nama in conn.execute(stmt)], columns=["unit_id", "rw_id", "label"]
    )


def _held_counts(conn: Connection, area: Area, dari: date, sampai: date, cadences: tuple[Cadence, ...]) -> pd.DataFrame:
    """Activities of the scheduled types per level, unit and month, counted by the database."""
    bulan = month_key(Kegiatan.tanggal).label("bulan")
    stmt = (
        select(
            Kegiatan.jenis,
            Kegiatan.tingkat,
            Kegiatan.kelurahan_id,
            Kegiatan.rw_id,
            Kegiatan.rt_id,
            bulan,
            func.count().label("n"),
        )
        .where(
            *area_conditions(area, Kegiatan),
            Kegiatan.tanggal >= dari,
            Kegiatan.tanggal <= sampai,
            Kegiatan.jenis.in_([c.jenis for c in cadences]),
        )
        .group_by(Kegiatan.jenis, Kegiatan.tingkat, Kegiatan.kelurahan_id, Kegiatan.rw_id, Kegiatan.rt_id, bulan)
    )
    frame = pd.DataFrame(
        conn.execute(stmt).all(), columns=["jenis", "tingkat", "kelurahan_id", "rw_id", "rt_id", "bulan", "n"]
    )
    # The unit that held an activity is its RT, its RW or its kelurahan, by the activity's level.
    unit = frame["kelurahan_id"].where(frame["tingkat"] == "kelurahan", frame["rw_id"])
    frame["unit_id"] = frame["rt_id"].where(frame["tingkat"] == "rt", unit).astype("int64")
    return frame[["jenis", "tingkat", "unit_id", "bulan", "n"]]


def cadence_grid(
    conn: Connection, area: Area, dari: date, sampai: date, jenis: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Held vs expected per scheduled activity type, unit and month of the period (columns: GRID_COLUMNS).

    `held` is the month's count capped at the cadence; `expected` is the cadence for a month the period covers
    whole, and equal to `held` for a partly covered month (it cannot have been missed yet).
    """
    cadences = tuple(c for c in EXPECTED_CADENCE if jenis is None or c.jenis in jenis)
    months = pd.DataFrame(period_months(dari, sampai), columns=["bulan", "whole"])
    counts = _held_counts(conn, area, dari, sampai, cadences)
    parts = []
    # One grid per level (units × months × that level's cadences), so each level's units are read once.
    for tingkat in dict.fromkeys(c.tingkat for c in cadences):
        units = _units_of(conn, area, tingkat)
        if units.empty:
            continue
        schedule = pd.DataFrame(
            [(c.jenis, c.per_month) for c in cadences if c.tingkat == tingkat], columns=["jenis", "per_month"]
        )
        grid = units.merge(months, how="cross").merge(schedule, how="cross").assign(tingkat=tingkat)
        held = counts[counts["tingkat"] == tingkat][["jenis", "unit_id", "bulan", "n"]]
        grid = grid.merge(held, on=["jenis", "unit_id", "bulan"], how="left")
        grid["count"] = grid["n"].fillna(0).astype(int)
        grid["held"] = grid["count"].clip(upper=grid["per_month"])
        grid["expected"] = grid["held"].where(~grid["whole"], grid["per_month"])
        parts.append(grid[GRID_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=GRID_COLUMNS)
    # Rows in the order of EXPECTED_CADENCE, as callers and tests read them.
    order = {c.jenis: i for i, c in enumerate(cadences)}
    grid = pd.concat(parts, ignore_index=True)
    return grid.sort_values("jenis", key=lambda column: column.map(order), kind="stable", ignore_index=True)


def cadence_totals(
    conn: Connection, area: Area, dari: date, sampai: date, units: Mapping[Level, pd.DataFrame] | None = None
) -> tuple[int, int]:
    """(held, expected) summed over every row cadence_grid would give, without building the grid.

    For a KPI that needs only the two sums (the comparison period's): the grid's merges cost more than its query.
    `units` is the area's units_by_level when the caller has read them already.
    """
    whole = dict(period_months(dari, sampai))
    counts = _held_counts(conn, area, dari, sampai, EXPECTED_CADENCE)
    held = expected = 0
    for tingkat in dict.fromkeys(c.tingkat for c in EXPECTED_CADENCE):
        ids = set(_units_of(conn, area, tingkat, units)["unit_id"])
        if not ids:
            continue
        per_month = {c.jenis: c.per_month for c in EXPECTED_CADENCE if c.tingkat == tingkat}
        # Every unit is expected its full cadence in a whole month; a partly covered month expects what was held.
        expected += len(ids) * sum(whole.values()) * sum(per_month.values())
        mine = counts[(counts["tingkat"] == tingkat) & counts["jenis"].isin(per_month) & counts["unit_id"].isin(ids)]
        for jenis, bulan, n in zip(mine["jenis"], mine["bulan"], mine["n"], strict=True):
            capped = min(int(n), per_month[jenis])
            held += capped
            expected += 0 if whole[bulan] else capped
    return held, expected
