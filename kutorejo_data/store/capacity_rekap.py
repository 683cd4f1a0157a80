"""The report counts behind the capacity measures, per RT and month of receipt: settled months kept, the rest live.

Every report-based capacity measure (TINGKAT_PENYELESAIAN, SELESAI_TEPAT_WAKTU, TANGGAP_CEPAT,
TINDAK_LANJUT_ESKALASI and the reports of PENCATATAN_TEPAT_WAKTU) is a count over the reports a unit received in
the period, so it adds up over RTs and months. A month is *settled* once every report in it is past the longest
deadline any count compares against: from then on its counts change only when one of its reports is written.
Settled whole months of the period are read from `rekap_kapasitas` (missing ones are computed once and stored);
database triggers (migration 0007) delete a row when a write touches one of its reports, and every row when a
category's SLA changes. A whole month still settling is kept the same way for the day it was counted on (its `hari`):
its counts compare the clock only with deadlines, which fall due at the end of a day (see counting_moment). The other
days of the period (a month only partly in it) are counted live.

The thresholds (domain.ON_TIME_RECORDING_DAYS, the handler levels of ESCALATED_FROM) are part
of the stored counts: a migration that changes one must empty the table.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, cast

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Engine, Select, and_, case, func, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite

from kutorejo_data.core.concurrent_reads import read_concurrently
from kutorejo_data.core.db import is_sqlite, write_transaction
from kutorejo_data.core.domain import (
    INVALID_STATUSES,
    ON_TIME_RECORDING_DAYS,
    STATUS_DIPROSES,
    STATUS_SELESAI,
)
from kutorejo_data.core.filters import Area, day_after, day_start
from kutorejo_data.core.models import RT, HariLibur, Kategori, Laporan, RekapKapasitas
from kutorejo_data.core.periods import add_months, month_end, month_of_key, month_start, months_between, period_months
from kutorejo_data.core.sqlfuncs import days_between, month_key, not_index_ordered
from kutorejo_data.core.units import Level, unit_ids
from kutorejo_data.core.workdays import WorkCalendar

# Handler levels above a unit: a report handled there was escalated by the unit.
ESCALATED_FROM: dict[str, tuple[str, ...]] = {"rt": ("rw", "kelurahan", "dinas"), "rw": ("kelurahan", "dinas")}
COUNTS = [
    "laporan",
    "dicatat_terlambat",
    "sah",
    "sah_selesai",
    "eskalasi_dari_rt",
    "eskalasi_dari_rt_lanjut",
    "eskalasi_dari_rw",
    "eskalasi_dari_rw_lanjut",
    "sla_dihitung",
    "sla_tepat",
    "tanggap_dihitung",
    "tanggap_cepat",
]
COLUMNS = ["bulan", "rt_id", "rw_id", *COUNTS]
# A day off removed after reports were given deadlines leaves theirs a day later than the calendar now says; a week
# of margin covers several.
SETTLING_MARGIN_DAYS = 7
# The capacity page and the meeting look back this far (twelve months and the twelve before): what the demo fills.
FILLED_MONTHS = 24


def _flag(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _counts(received: list[ColumnElement[bool]], now: datetime) -> Select[Any]:
    """The counts of the reports matching `received`, per month of receipt, RT and RW."""
    valid = Laporan.status.not_in(INVALID_STATUSES)
    moving = Laporan.status.in_((STATUS_DIPROSES, STATUS_SELESAI))
    done, answered = Laporan.first_resolved_at.is_not(None), Laporan.first_response_at.is_not(None)
    escalated = {level: and_(valid, Laporan.penanganan.in_(above)) for level, above in ESCALATED_FROM.items()}
    bulan = month_key(Laporan.reported_at)
    return (
        select(
            bulan,
            Laporan.rt_id,
            Laporan.rw_id,
            func.count(),
            _flag(days_between(Laporan.reported_at, Laporan.created_at) > ON_TIME_RECORDING_DAYS),
            _flag(valid),
            _flag(and_(valid, Laporan.status == STATUS_SELESAI)),
            _flag(escalated["rt"]),
            _flag(and_(escalated["rt"], moving)),
            _flag(escalated["rw"]),
            _flag(and_(escalated["rw"], moving)),
            # Deadlines in working days (batas_*, core/workdays.py): a report counts once resolved or past it.
            _flag(and_(valid, or_(done, Laporan.batas_selesai < now))),
            _flag(and_(valid, Laporan.first_resolved_at <= Laporan.batas_selesai)),
            _flag(or_(answered, Laporan.batas_tanggap < now)),
            _flag(Laporan.first_response_at <= Laporan.batas_tanggap),
        )
        .where(*received)
        .group_by(bulan, Laporan.rt_id, Laporan.rw_id)
    )


def _frame(rows: Any) -> pd.DataFrame:
    frame = pd.DataFrame([tuple(row) for row in rows], columns=COLUMNS)
    return frame.astype({column: "int64" for column in COLUMNS[1:]})


def compute(conn: Connection, unit: ColumnElement[bool], dari: date, sampai: date, now: datetime) -> pd.DataFrame:
    """Counts of the reports received from `dari` to `sampai` (inclusive days) matching `unit`. Columns: COLUMNS."""
    received = [unit, Laporan.reported_at >= day_start(dari), Laporan.reported_at < day_after(sampai)]
    return _frame(conn.execute(_counts(received, now)))


def settled_before(conn: Connection, now: datetime) -> date:
    """The first day whose reports may still count differently later: every report before it is past every limit."""
    targets = conn.execute(select(func.max(Kategori.sla_hari), func.max(Kategori.tanggap_hari))).one()
    longest = max((days or 0) for days in targets)
    # A report's deadlines are set when it is made: at most `longest` working days after the day it was received,
    # by its kelurahan's calendar. Every kelurahan's days off at once give the latest such day.
    days_off = WorkCalendar(conn.execute(select(HariLibur.tanggal)).scalars())
    day = now.date()
    while days_off.due(datetime.combine(day, time()), longest) + timedelta(days=SETTLING_MARGIN_DAYS) >= now:
        day -= timedelta(days=1)
    return day + timedelta(days=1)


def counting_moment(now: datetime) -> datetime:
    """The start of `now`'s day: every count here is the same then as at any moment of the day before its last second.

    The counts compare `now` only with deadlines (batas_*, settled_before), and every deadline is the end of a working
    day (workdays.END_OF_DAY): none falls due between a day's start and its last second. A reader that keeps counts
    by this moment keeps them for their whole cache time, not only until the minute changes.
    """
    return datetime.combine(now.date(), time())


def _live_filter(area: Area, level: Level) -> ColumnElement[bool]:
    """The units' reports, for counting a live month; a whole kelurahan's are read in date order.

    From the RT index a month's rows are fetched RT by RT, each pass over pages spread through the whole month; from
    the kelurahan's date index they are fetched in the order they lie (at 1M reports: 15–30 % faster a month). The
    units' ids still decide which reports count (an inactive RT's do not).
    """
    unit = Laporan.rt_id if level == "rt" else Laporan.rw_id
    if area.kelurahan_id is None or area.rw_id is not None or area.rt_id is not None or area.empty:
        return unit.in_(unit_ids(area, level))
    return and_(Laporan.kelurahan_id == area.kelurahan_id, not_index_ordered(unit).in_(unit_ids(area, level)))


def report_counts(conn: Connection, area: Area, level: Level, dari: date, sampai: date, now: datetime) -> pd.DataFrame:
    """Counts of the reports the units of a level in an area received in the period, per month and RT.

    Columns: COLUMNS. An RT or month without reports may be missing or have zeros.
    """
    first_live = settled_before(conn, now)
    months = period_months(dari, sampai)
    whole = [bulan for bulan, is_whole in months if is_whole]
    settled = [bulan for bulan in whole if month_end(month_of_key(bulan)) < first_live]
    settling = [bulan for bulan in whole if bulan not in settled]
    live = [
        (max(dari, month_of_key(bulan)), min(sampai, month_end(month_of_key(bulan))))
        for bulan, is_whole in months
        if not is_whole
    ]
    frames = [
        _kept(conn, area, level, kept, day, now) for kept, day in ((settled, None), (settling, now.date())) if kept
    ]
    frames += _counted_live(conn, _live_filter(area, level), live, now)
    frames = [frame for frame in frames if not frame.empty]
    return pd.concat(frames, ignore_index=True) if frames else _frame([])


def _counted_live(
    conn: Connection, unit: ColumnElement[bool], ranges: list[tuple[date, date]], now: datetime
) -> list[pd.DataFrame]:
    """compute for each live month's days; two or more months are counted side by side, each on a connection."""
    if len(ranges) <= 1:
        return [compute(conn, unit, first, last, now) for first, last in ranges]
    reads = {
        f"{first}": lambda reader, first=first, last=last: compute(reader, unit, first, last, now)
        for first, last in ranges
    }
    return list(read_concurrently(conn.engine, reads).values())


def _stored(conn: Connection, area: Area, level: Level, months: list[str], day: date | None) -> pd.DataFrame:
    """The stored rows of the months: settled ones (`day` None), or those counted on `day`."""
    key = RekapKapasitas.rt_id if level == "rt" else RekapKapasitas.rw_id
    counted_on = RekapKapasitas.hari.is_(None) if day is None else RekapKapasitas.hari == day
    stmt = select(*(getattr(RekapKapasitas, column) for column in COLUMNS)).where(
        key.in_(unit_ids(area, level)), RekapKapasitas.bulan.in_(months), counted_on
    )
    return _frame(conn.execute(stmt))


def _rts(conn: Connection, area: Area, level: Level) -> list[tuple[int, int]]:
    """(rt_id, rw_id) of every RT whose reports the units count (an RW's inactive RTs too)."""
    owner = RT.id if level == "rt" else RT.rw_id
    return [(rt, rw) for rt, rw in conn.execute(select(RT.id, RT.rw_id).where(owner.in_(unit_ids(area, level))))]


def _kept(
    conn: Connection, area: Area, level: Level, months: list[str], day: date | None, now: datetime
) -> pd.DataFrame:
    """Stored counts of whole months, settled (`day` None) or counted on `day`; the missing (month, RT) rows are
    computed and stored first."""
    stored = _stored(conn, area, level, months, day)
    have = set(zip(stored["bulan"], stored["rt_id"], strict=True))
    rts = _rts(conn, area, level)
    missing = [(bulan, rt, rw) for bulan in months for rt, rw in rts if (bulan, rt) not in have]
    if not missing:
        return stored
    # A day's row holds the counts at its start, which every moment of the day but its last second shares.
    counted_at = now if day is None else counting_moment(now)
    return pd.concat([stored, _store(conn.engine, missing, day, counted_at)], ignore_index=True)


def _store(engine: Engine, missing: list[tuple[str, int, int]], day: date | None, now: datetime) -> pd.DataFrame:
    """Compute and store the counts of the missing (month, RT, RW) rows, marked with `day` (see _kept), with writers
    held off meanwhile.

    As in monthly_rekap: computing inside the write transaction (BEGIN IMMEDIATE on SQLite; a SHARE lock on the
    counted tables on PostgreSQL) means no write can land between computing and storing, which its trigger would
    then have nothing to delete for. A row stored for another day, or settled before a day off made its month settle
    later, is replaced; one another reader stored meanwhile is replaced by the same counts.
    """
    rt_ids = sorted({rt for _, rt, _ in missing})
    first, last = min(bulan for bulan, _, _ in missing), max(bulan for bulan, _, _ in missing)
    with write_transaction(engine) as writer:
        if not is_sqlite(writer):
            writer.execute(text("LOCK TABLE laporan, status_history, kategori IN SHARE MODE"))
        computed = compute(writer, Laporan.rt_id.in_(rt_ids), month_of_key(first), month_end(month_of_key(last)), now)
        rows = [row | {"hari": day} for row in _with_zeros(computed, missing)]
        _replace(writer, rows)
    return _frame([tuple(row[column] for column in COLUMNS) for row in rows])


def _with_zeros(computed: pd.DataFrame, keys: list[tuple[str, int, int]]) -> list[dict[str, Any]]:
    """One row per key: its computed counts, or zeros (a month an RT received nothing is stored too)."""
    # Its columns are COLUMNS, all text; pandas-stubs types the keys of a record as any Hashable.
    records = cast(list[dict[str, Any]], computed.to_dict("records"))
    found = {(row["bulan"], row["rt_id"]): row for row in records}
    zeros = dict.fromkeys(COUNTS, 0)
    return [found.get((bulan, rt), {**zeros, "rw_id": rw}) | {"bulan": bulan, "rt_id": rt} for bulan, rt, rw in keys]


def _replace(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Store the rows, each in place of the (month, RT) row already there."""
    if not rows:
        return
    stmt = (sqlite if is_sqlite(conn) else postgresql).insert(RekapKapasitas)
    kept = ["rw_id", *COUNTS, "hari"]
    conn.execute(
        stmt.on_conflict_do_update(index_elements=["bulan", "rt_id"], set_={c: stmt.excluded[c] for c in kept}), rows
    )


def fill_every_rt(engine: Engine, now: datetime, *, months: int = FILLED_MONTHS) -> None:
    """Store the settled months of the last `months` for every RT at once (the demo does this up front)."""
    with engine.connect() as conn:
        first_live = settled_before(conn, now)
        rts = [(rt, rw) for rt, rw in conn.execute(select(RT.id, RT.rw_id))]
    first = month_start(add_months(now.date(), -(months - 1)))
    settled = [bulan for bulan in months_between(first, now.date()) if month_end(month_of_key(bulan)) < first_live]
    if settled and rts:
        _store(engine, [(bulan, rt, rw) for bulan in settled for rt, rw in rts], None, now)
