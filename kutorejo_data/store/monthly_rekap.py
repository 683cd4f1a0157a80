"""Received and resolved figures per month for the 12-month trends: closed months kept per area, the rest live.

A month's figures follow the metrics of one month as a period: LAPORAN_MASUK, SELESAI, and the median and P90 of
MEDIAN_WAKTU_PENYELESAIAN's durations (each report's last resolution inside that month). For a filter on the area
alone, the months before the current one are read from `rekap_bulanan`; missing months are computed once and
stored. Database triggers (migration 0005) delete the stored rows a later write changes, so a stored month is
always what computing it now would give. Other filters (category, status, priority, text) are computed live.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Engine, Subquery, delete, func, insert, select, text

from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import is_sqlite, write_transaction
from kutorejo_data.core.domain import STATUS_SELESAI
from kutorejo_data.core.filters import (
    ReportFilters,
    Scope,
    day_after,
    day_start,
    history_of_selected,
    report_conditions,
    resolve_area,
)
from kutorejo_data.core.models import RT, RW, Kelurahan, Laporan, RekapBulanan, StatusHistory
from kutorejo_data.core.periods import add_months, month_end, month_of_key, month_start, months_between
from kutorejo_data.core.sqlfuncs import MEDIAN, P90, days_between, month_key, percentile_rows, row_percentile

COLUMNS = ["bulan", "masuk", "selesai", "selesai_median", "selesai_p90"]
AreaKey = tuple[str, int]
# Up to this many months, the resolutions are found by joining the history to the reports (see compute).
LONG_RANGE_MONTHS = 2
# The trends show this many months (the pages' 12-month flow and resolution trend).
TREND_MONTHS = 12


def area_key(conn: Connection, filters: ReportFilters, scope: Scope) -> AreaKey | None:
    """The stored figures' key for a filter on the area alone; None when other filters apply or nothing matches."""
    if filters.kategori or filters.status or filters.prioritas or filters.q:
        return None
    area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
    if area.empty:
        return None
    if area.rt_id is not None:
        return "rt", area.rt_id
    if area.rw_id is not None:
        return "rw", area.rw_id
    if area.kelurahan_id is not None:
        return "kelurahan", area.kelurahan_id
    return "semua", 0


def _span(run: list[str]) -> tuple[date, date]:
    """First and last day of a run of months."""
    return month_of_key(run[0]), month_end(month_of_key(run[-1]))


def _runs(months: list[str]) -> Iterator[list[str]]:
    """Consecutive months as runs (so each run is computed with one range query)."""
    run: list[str] = []
    for bulan in months:
        if run and month_of_key(bulan) != add_months(month_of_key(run[-1]), 1):
            yield run
            run = []
        run.append(bulan)
    if run:
        yield run


def _last_resolution_per_month(start: datetime, end: datetime, *report_conditions: ColumnElement[bool]) -> Subquery:
    """(laporan_id, bulan, at): each report's last resolution in each month from `start` to `end`.

    Joined to the reports only when conditions on them are given.
    """
    month = month_key(StatusHistory.changed_at)
    stmt = select(StatusHistory.laporan_id, month.label("bulan"), func.max(StatusHistory.changed_at).label("at"))
    if report_conditions:
        stmt = stmt.join(Laporan, Laporan.id == StatusHistory.laporan_id).where(*report_conditions)
    return (
        stmt.where(
            StatusHistory.to_status == STATUS_SELESAI, StatusHistory.changed_at >= start, StatusHistory.changed_at < end
        )
        .group_by(StatusHistory.laporan_id, month)
        .subquery()
    )


def compute(
    conn: Connection, filters: ReportFilters, scope: Scope, first: date, last: date, *, percentiles: bool = True
) -> pd.DataFrame:
    """The figures of every month from `first` to `last` (inclusive days), computed from the reports and history."""
    start, end = day_start(first), day_after(last)
    base = report_conditions(conn, filters, scope, with_period=False)
    received_month = month_key(Laporan.reported_at)
    received = dict(
        conn.execute(
            select(received_month, func.count())
            .where(*base, Laporan.reported_at >= start, Laporan.reported_at < end)
            .group_by(received_month)
        ).all()
    )
    if len(months_between(first, last)) > LONG_RANGE_MONTHS:
        # Over many months, name the reports as a set of ids (see history_of_selected); a join is faster for a few.
        in_range = (
            StatusHistory.to_status == STATUS_SELESAI,
            StatusHistory.changed_at >= start,
            StatusHistory.changed_at < end,
        )
        history = history_of_selected(conn, filters, scope, *in_range).subquery()
        by_month = month_key(history.c.changed_at)
        resolved = (
            select(history.c.laporan_id, by_month.label("bulan"), func.max(history.c.changed_at).label("at"))
            .group_by(history.c.laporan_id, by_month)
            .subquery()
        )
    else:
        resolved = _last_resolution_per_month(start, end, *base)
    figures: dict[str, tuple[int, float | None, float | None]] = {}
    if percentiles:
        durations = select(resolved.c.bulan, days_between(Laporan.reported_at, resolved.c.at)).join(
            Laporan, Laporan.id == resolved.c.laporan_id
        )
        for row in conn.execute(percentile_rows(durations, (MEDIAN, P90), 1)):
            figures[row[0]] = (int(row.n), row_percentile(row, 0), row_percentile(row, 1))
    else:
        for bulan, n in conn.execute(select(resolved.c.bulan, func.count()).group_by(resolved.c.bulan)):
            figures[bulan] = (int(n), None, None)
    return _typed(
        pd.DataFrame(
            [
                (bulan, int(received.get(bulan, 0)), *figures.get(bulan, (0, None, None)))
                for bulan in months_between(first, last)
            ],
            columns=COLUMNS,
        )
    )


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts as integers and durations as floats (NaN where none), however the frame was made."""
    return frame.astype({"masuk": int, "selesai": int, "selesai_median": float, "selesai_p90": float})


def _stored(conn: Connection, key: AreaKey, months: list[str]) -> pd.DataFrame:
    rows = conn.execute(
        select(
            RekapBulanan.bulan,
            RekapBulanan.masuk,
            RekapBulanan.selesai,
            RekapBulanan.selesai_median,
            RekapBulanan.selesai_p90,
        ).where(RekapBulanan.tingkat == key[0], RekapBulanan.wilayah_id == key[1], RekapBulanan.bulan.in_(months))
    ).all()
    return _typed(pd.DataFrame([tuple(row) for row in rows], columns=COLUMNS))


def _compute_and_store(
    conn: Connection, filters: ReportFilters, scope: Scope, key: AreaKey, months: list[str]
) -> pd.DataFrame:
    """Compute the closed months not stored yet and store them, with writers held off meanwhile.

    The computing happens inside a write transaction (BEGIN IMMEDIATE on SQLite; on PostgreSQL a SHARE lock on
    the two tables, which waits for running writes and holds new ones): a write that landed while a month was
    being computed would find nothing to delete, and the stored month would miss it. Another reader may have
    stored some of the months meanwhile; those are read, not computed again.
    """
    with write_transaction(conn.engine) as writer:
        if not is_sqlite(writer):
            writer.execute(text("LOCK TABLE laporan, status_history IN SHARE MODE"))
        stored = _stored(writer, key, months)
        missing = [bulan for bulan in months if bulan not in set(stored["bulan"])]
        if not missing:
            return stored
        computed = pd.concat(
            [compute(writer, filters, scope, *_span(run)) for run in _runs(missing)], ignore_index=True
        )
        rows = [{"tingkat": key[0], "wilayah_id": key[1], **row} for row in _plain_rows(computed)]
        writer.execute(insert(RekapBulanan), rows)
    return computed if stored.empty else pd.concat([stored, computed], ignore_index=True)


def _plain_rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    """DataFrame rows as plain Python values (NaN → None) for an INSERT."""
    return [
        {column: (None if pd.isna(value) else value) for column, value in zip(COLUMNS, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def monthly_figures(
    conn: Connection,
    filters: ReportFilters,
    scope: Scope,
    first: date,
    last: date,
    *,
    percentiles: bool = True,
    today: date | None = None,
) -> pd.DataFrame:
    """Figures per month from `first` to `last`: closed whole months of an area from the store, the rest live.

    Columns: bulan (YYYY-MM), masuk, selesai, selesai_median, selesai_p90 (the last two NaN for a month without
    resolutions, and for a month computed live when `percentiles` is False).
    """
    months = months_between(first, last)
    key = area_key(conn, filters, scope)
    this_month = (today or now_local().date()).strftime("%Y-%m")
    closed = (
        []
        if key is None
        else [
            bulan for bulan in months if bulan < this_month and first <= _span([bulan])[0] and _span([bulan])[1] <= last
        ]
    )
    frames = []
    if closed:
        assert key is not None
        area_only = ReportFilters(kelurahan_kode=filters.kelurahan_kode, rw=filters.rw, rt=filters.rt)
        stored = _stored(conn, key, closed)
        missing = [bulan for bulan in closed if bulan not in set(stored["bulan"])]
        frames.append(_compute_and_store(conn, area_only, scope, key, closed) if missing else stored)
    for run in _runs([bulan for bulan in months if bulan not in closed]):
        run_first, run_last = _span(run)
        live = compute(conn, filters, scope, max(first, run_first), min(last, run_last), percentiles=percentiles)
        frames.append(live)
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return _typed(pd.DataFrame(columns=COLUMNS))
    return pd.concat(frames, ignore_index=True).sort_values("bulan").reset_index(drop=True)


def _every_unit(conn: Connection, tingkat: str, first: date, last: date) -> list[dict[str, object]]:
    """The figures of every kelurahan, RW or RT for each month from `first` to `last`, in three grouped queries."""
    unit = {"kelurahan": Laporan.kelurahan_id, "rw": Laporan.rw_id, "rt": Laporan.rt_id}[tingkat]
    tables: dict[str, type[Kelurahan] | type[RW] | type[RT]] = {"kelurahan": Kelurahan, "rw": RW, "rt": RT}
    table = tables[tingkat]
    start, end = day_start(first), day_after(last)
    received_month = month_key(Laporan.reported_at)
    received = conn.execute(
        select(unit, received_month, func.count())
        .where(Laporan.reported_at >= start, Laporan.reported_at < end)
        .group_by(unit, received_month)
    ).all()
    resolved = _last_resolution_per_month(start, end)
    durations = select(unit, resolved.c.bulan, days_between(Laporan.reported_at, resolved.c.at)).join(
        Laporan, Laporan.id == resolved.c.laporan_id
    )
    figures = {
        (row[0], row[1]): (int(row.n), row_percentile(row, 0), row_percentile(row, 1))
        for row in conn.execute(percentile_rows(durations, (MEDIAN, P90), 2))
    }
    counts = {(unit_id, bulan): int(n) for unit_id, bulan, n in received}
    rows = []
    for unit_id in conn.execute(select(table.id)).scalars():
        for bulan in months_between(first, last):
            selesai, median_days, p90_days = figures.get((unit_id, bulan), (0, None, None))
            rows.append(
                {
                    "bulan": bulan,
                    "tingkat": tingkat,
                    "wilayah_id": unit_id,
                    "masuk": counts.get((unit_id, bulan), 0),
                    "selesai": selesai,
                    "selesai_median": median_days,
                    "selesai_p90": p90_days,
                }
            )
    return rows


def fill_every_area(engine: Engine, today: date, *, months: int = TREND_MONTHS) -> None:
    """Store the last `months` closed months for every kelurahan, RW and RT at once: the closed months of the trend
    to today (one fewer, the running month is live) and of the meeting's trend to the month before.

    Reads fill the store area by area on their own; the demo fills it up front (one grouped pass per level) so a
    fresh demo database answers like one in use. (With one month fewer, every RW's first meeting computed and stored
    its oldest trend month on the resolution-speed slide: 150–200 ms at 1M reports.)
    """
    first, last = month_start(add_months(today, -months)), month_start(today) - timedelta(days=1)
    if last < first:
        return
    with write_transaction(engine) as writer:
        if not is_sqlite(writer):
            writer.execute(text("LOCK TABLE laporan, status_history IN SHARE MODE"))
        bulan = months_between(first, last)
        writer.execute(delete(RekapBulanan).where(RekapBulanan.bulan.in_(bulan), RekapBulanan.tingkat != "semua"))
        for tingkat in ("kelurahan", "rw", "rt"):
            writer.execute(insert(RekapBulanan), _every_unit(writer, tingkat, first, last))
