"""The capacity measures counted per RT or RW in SQL: for every unit a numerator and a denominator.

Each function answers one measure of metrics.CAPACITY_PILLARS for all units of a level inside an area; the share
is numerator ÷ denominator (0–1). Thresholds come from the config in metrics.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Connection, and_, case, func, select

from kutorejo_data.core.domain import ON_TIME_RECORDING_DAYS
from kutorejo_data.core.filters import Area
from kutorejo_data.core.models import RT, Kegiatan, KegiatanPeserta
from kutorejo_data.core.periods import month_end, month_start, months_between, period_months
from kutorejo_data.core.sqlfuncs import days_between, month_key
from kutorejo_data.core.units import Level, area_units, unit_ids, units_by_level
from kutorejo_data.store.capacity_rekap import COUNTS, report_counts

from . import metrics
from .cadence import cadence_grid
from .participation import activity_rates, bimtek_window


@dataclass(frozen=True)
class UnitQuery:
    """What every measure needs: the area, the level of its units, the period and the current time."""

    area: Area
    level: Level
    dari: date
    sampai: date
    now: datetime

    def report_unit_column(self) -> str:
        """The column of report_counts naming the unit."""
        return "rt_id" if self.level == "rt" else "rw_id"

    def own_activities(self) -> list[ColumnElement[bool]]:
        """Activities held by the units in the period: an RT's own; an RW's own and its RTs'."""
        ids = unit_ids(self.area, self.level)
        owner = (
            and_(Kegiatan.tingkat == "rt", Kegiatan.rt_id.in_(ids)) if self.level == "rt" else Kegiatan.rw_id.in_(ids)
        )
        return [owner, Kegiatan.tanggal >= self.dari, Kegiatan.tanggal <= self.sampai]


def _per_unit(units: pd.DataFrame, rows: Iterable[tuple[Any, Any, Any]]) -> pd.DataFrame:
    """Counts for every unit from (unit_id, num, den) rows (0 for units without a row)."""
    # Plain Python over the few units of an area: pandas' index machinery costs more than the counting here.
    found = {int(unit): (num or 0, den or 0) for unit, num, den in rows}
    ids = units["unit_id"].to_numpy(dtype="int64")
    counts = [found.get(int(unit), (0, 0)) for unit in ids]
    return pd.DataFrame(
        {
            "unit_id": ids,
            "num": np.array([num for num, _ in counts], dtype="float64"),
            "den": np.array([den for _, den in counts], dtype="int64"),
        }
    )


HEAD_MEETINGS = ("rapat_koordinasi", "bimtek")  # the meetings whose attendance by the unit heads is a measure


@dataclass(frozen=True)
class HeadMeetings:
    """Coordination meetings and Bimtek sessions held in a span of days, and which of them each unit's head attended:
    a few rows a month, read once and counted for any window inside the span."""

    held: pd.DataFrame  # id, jenis, kelurahan_id, tanggal (datetime64; every kelurahan's)
    attended: pd.DataFrame  # kegiatan_id, unit_id (each pair once)

    @classmethod
    def read(cls, conn: Connection, q: UnitQuery, start: date, end: date) -> HeadMeetings:
        """The meetings held from `start` to `end` (inclusive) and their attendance by the heads of q's units."""
        in_span = [Kegiatan.jenis.in_(HEAD_MEETINGS), Kegiatan.tanggal >= start, Kegiatan.tanggal <= end]
        held = pd.DataFrame(
            conn.execute(select(Kegiatan.id, Kegiatan.jenis, Kegiatan.kelurahan_id, Kegiatan.tanggal).where(*in_span)),
            columns=["id", "jenis", "kelurahan_id", "tanggal"],
        ).astype({"tanggal": "datetime64[ns]"})
        person = KegiatanPeserta.rt_id if q.level == "rt" else KegiatanPeserta.rw_id
        attended = pd.DataFrame(
            conn.execute(
                select(KegiatanPeserta.kegiatan_id, person)
                .distinct()
                .join(Kegiatan, Kegiatan.id == KegiatanPeserta.kegiatan_id)
                .where(
                    *in_span,
                    KegiatanPeserta.peran == f"ketua_{q.level}",
                    person.in_(unit_ids(q.area, q.level)),
                )
            ),
            columns=["kegiatan_id", "unit_id"],
        )
        return cls(held, attended)

    def attendance(self, units: pd.DataFrame, jenis: str, start: date, end: date) -> pd.DataFrame:
        """Meetings of a type held in each unit's kelurahan in [start, end], and how many the unit's head attended."""
        dates = self.held["tanggal"]
        held = self.held[(self.held["jenis"] == jenis) & (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))]
        attended = Counter(self.attended.loc[self.attended["kegiatan_id"].isin(held["id"]), "unit_id"].tolist())
        per_kelurahan = Counter(held["kelurahan_id"].tolist())
        return pd.DataFrame(
            {
                "unit_id": units["unit_id"],
                "num": [float(attended[unit]) for unit in units["unit_id"].tolist()],
                "den": np.array([per_kelurahan[kel] for kel in units["kelurahan_id"].tolist()], dtype="int64"),
            }
        )


def kehadiran_rakor(q: UnitQuery, units: pd.DataFrame, meetings: HeadMeetings) -> pd.DataFrame:
    """KEHADIRAN_RAKOR: coordination meetings the head attended, of those held in the period."""
    return meetings.attendance(units, "rapat_koordinasi", q.dari, q.sampai)


def kehadiran_bimtek(q: UnitQuery, units: pd.DataFrame, meetings: HeadMeetings) -> pd.DataFrame:
    """KEHADIRAN_BIMTEK: Bimtek sessions the head attended, of those held in the 12 months to the period's end."""
    return meetings.attendance(units, "bimtek", *bimtek_window(q.sampai))


def records_by_month(conn: Connection, q: UnitQuery, reports: pd.DataFrame) -> pd.DataFrame:
    """Activities and reports each unit recorded per month, and how many were entered late.

    `reports` is capacity_rekap.report_counts of the same query. Columns: unit_id, bulan, n, late.
    """
    late_days = ON_TIME_RECORDING_DAYS
    # An activity has only a date: entered by the end of its 7th day after is on time, hence the extra day.
    activity_unit = Kegiatan.rt_id if q.level == "rt" else Kegiatan.rw_id
    bulan = month_key(Kegiatan.tanggal)
    late = case((days_between(Kegiatan.tanggal, Kegiatan.created_at) > late_days + 1, 1), else_=0)
    activities = pd.DataFrame(
        conn.execute(
            select(activity_unit, bulan, func.count(), func.sum(late))
            .where(*q.own_activities())
            .group_by(activity_unit, bulan)
        ).all(),
        columns=["unit_id", "bulan", "n", "late"],
    )
    received = reports[reports["laporan"] > 0].rename(
        columns={q.report_unit_column(): "unit_id", "laporan": "n", "dicatat_terlambat": "late"}
    )[["unit_id", "bulan", "n", "late"]]
    frames = [frame for frame in (activities, received) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=["unit_id", "bulan", "n", "late"]).astype(
            {"unit_id": "int64", "n": "int64", "late": "int64"}
        )
    records = pd.concat(frames, ignore_index=True).astype({"unit_id": "int64", "n": "int64", "late": "int64"})
    return records.groupby(["unit_id", "bulan"], as_index=False)[["n", "late"]].sum()


def pencatatan_tepat_waktu(q: UnitQuery, units: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """PENCATATAN_TEPAT_WAKTU: whole months with records, all entered on time, of the period's whole months.

    `records` is records_by_month of the same query.
    """
    whole = [bulan for bulan, is_whole in period_months(q.dari, q.sampai) if is_whole]
    on_time = records[records["bulan"].isin(whole) & (records["late"] == 0)]
    months_on_time = Counter(on_time["unit_id"].tolist())
    return _per_unit(units, ((unit, months_on_time[unit], len(whole)) for unit in units["unit_id"].tolist()))


def _summed(units: pd.DataFrame, by_unit: pd.DataFrame, num: str, den: str) -> pd.DataFrame:
    """A report-based measure per unit: two columns of the report counts summed per unit (see unit_counts)."""
    return _per_unit(units, zip(by_unit.index, by_unit[num], by_unit[den], strict=True))


def tindak_lanjut_eskalasi(q: UnitQuery, units: pd.DataFrame, by_unit: pd.DataFrame) -> pd.DataFrame:
    """TINDAK_LANJUT_ESKALASI: escalated valid reports now in progress or resolved, of escalated valid reports."""
    return _summed(units, by_unit, f"eskalasi_dari_{q.level}_lanjut", f"eskalasi_dari_{q.level}")


def tingkat_penyelesaian(q: UnitQuery, units: pd.DataFrame, by_unit: pd.DataFrame) -> pd.DataFrame:
    """TINGKAT_PENYELESAIAN per unit: valid reports received in the period that are now resolved."""
    return _summed(units, by_unit, "sah_selesai", "sah")


def selesai_tepat_waktu(q: UnitQuery, units: pd.DataFrame, by_unit: pd.DataFrame) -> pd.DataFrame:
    """SELESAI_TEPAT_WAKTU: first resolved within the SLA, of valid reports resolved or past their deadline."""
    return _summed(units, by_unit, "sla_tepat", "sla_dihitung")


def tanggap_cepat(q: UnitQuery, units: pd.DataFrame, by_unit: pd.DataFrame) -> pd.DataFrame:
    """TANGGAP_CEPAT: first change away from `baru` by the response deadline, of reports responded to or past it."""
    return _summed(units, by_unit, "tanggap_cepat", "tanggap_dihitung")


def participation_by_month(conn: Connection, q: UnitQuery) -> pd.DataFrame:
    """Per unit and month of the period: the sum of its activities' participation rates and how many had a target.

    Columns: unit_id, bulan, num, den."""
    rates = activity_rates(q.own_activities())
    unit = rates.c.rt_id if q.level == "rt" else rates.c.rw_id
    stmt = select(unit, rates.c.bulan, func.coalesce(func.sum(rates.c.rate), 0.0), func.count(rates.c.rate)).group_by(
        unit, rates.c.bulan
    )
    frame = pd.DataFrame(conn.execute(stmt).all(), columns=["unit_id", "bulan", "num", "den"])
    return frame.astype({"unit_id": "int64", "num": "float64", "den": "int64"})


def tingkat_partisipasi(q: UnitQuery, units: pd.DataFrame, participation: pd.DataFrame) -> pd.DataFrame:
    """TINGKAT_PARTISIPASI per unit: the sum of per-activity rates over the number of activities with a target.

    `participation` is participation_by_month of the period's months."""
    sums = participation.groupby("unit_id")[["num", "den"]].sum()
    return _per_unit(units, zip(sums.index, sums["num"], sums["den"], strict=True))


def schedule_grid(conn: Connection, q: UnitQuery) -> pd.DataFrame:
    """The cadence grid of every scheduled type the grid measures count, read once for both (an RT: its own)."""
    levels = ("rt",) if q.level == "rt" else ("rt", "rw")
    jenis = tuple(c.jenis for c in metrics.EXPECTED_CADENCE if c.jenis in GRID_ACTIVITY_TYPES and c.tingkat in levels)
    return cadence_grid(conn, q.area, q.dari, q.sampai, jenis)


def _held_vs_expected(q: UnitQuery, units: pd.DataFrame, grid: pd.DataFrame, jenis: tuple[str, ...]) -> pd.DataFrame:
    """Scheduled activities of the given types held, of expected: an RT's own; an RW's own and its RTs'."""
    levels = ("rt",) if q.level == "rt" else ("rt", "rw")
    mine = grid[grid["jenis"].isin(jenis) & grid["tingkat"].isin(levels)]
    owner = mine["unit_id"] if q.level == "rt" else mine["rw_id"]
    sums = mine[["held", "expected"]].groupby(owner.to_numpy()).sum()
    return _per_unit(units, zip(sums.index, sums["held"], sums["expected"], strict=True))


def kegiatan_terlaksana(q: UnitQuery, units: pd.DataFrame, grid: pd.DataFrame) -> pd.DataFrame:
    """KEGIATAN_TERLAKSANA per unit, over the community activities (kerja bakti, ronda, posyandu)."""
    return _held_vs_expected(q, units, grid, metrics.COMMUNITY_ACTIVITY_TYPES)


def musyawarah_rutin(q: UnitQuery, units: pd.DataFrame, grid: pd.DataFrame) -> pd.DataFrame:
    """MUSYAWARAH_RUTIN: RT musyawarah (and, for an RW, its rapat RW) held, of scheduled."""
    return _held_vs_expected(q, units, grid, metrics.MEETING_ACTIVITY_TYPES)


def kelengkapan_data(conn: Connection, q: UnitQuery, units: pd.DataFrame) -> pd.DataFrame:
    """KELENGKAPAN_DATA: filled-in facts of each RT (head, households, residents, confirmed in the last 12 months);
    an RW adds its head's name to those of its RTs."""
    fresh_since = q.sampai - timedelta(days=metrics.DATA_FRESH_DAYS)
    owner = RT.id if q.level == "rt" else RT.rw_id
    filled = (
        case((and_(RT.ketua_nama.is_not(None), RT.ketua_nama != ""), 1), else_=0)
        + case((RT.jumlah_kk.is_not(None), 1), else_=0)
        + case((RT.jumlah_warga.is_not(None), 1), else_=0)
        + case((RT.data_diperbarui >= fresh_since, 1), else_=0)
    )
    stmt = (
        select(owner, func.sum(filled), 4 * func.count())
        .where(RT.aktif.is_(True), owner.in_(unit_ids(q.area, q.level)))
        .group_by(owner)
    )
    frame = _per_unit(units, conn.execute(stmt).all())
    if q.level == "rw":
        named = units["ketua_nama"].fillna("").astype(str).str.strip() != ""
        frame = frame.assign(num=frame["num"] + named.to_numpy(), den=frame["den"] + 1)
    return frame


# Measures counted from the reports (report_counts summed per unit) or from the schedule grid (schedule_grid).
FrameMeasure = Callable[[UnitQuery, pd.DataFrame, pd.DataFrame], pd.DataFrame]  # (query, units, prepared frame)
REPORT_MEASURES: dict[str, FrameMeasure] = {
    metrics.TINDAK_LANJUT_ESKALASI.key: tindak_lanjut_eskalasi,
    metrics.TINGKAT_PENYELESAIAN.key: tingkat_penyelesaian,
    metrics.SELESAI_TEPAT_WAKTU.key: selesai_tepat_waktu,
    metrics.TANGGAP_CEPAT.key: tanggap_cepat,
}
GRID_MEASURES: dict[str, FrameMeasure] = {
    metrics.KEGIATAN_TERLAKSANA.key: kegiatan_terlaksana,
    metrics.MUSYAWARAH_RUTIN.key: musyawarah_rutin,
}
GRID_ACTIVITY_TYPES = (*metrics.COMMUNITY_ACTIVITY_TYPES, *metrics.MEETING_ACTIVITY_TYPES)


@dataclass(frozen=True)
class UnitCounts:
    """The units of a level in an area, every measure's counts for them, and which units recorded anything."""

    units: pd.DataFrame
    counts: pd.DataFrame  # unit_id, measure, num, den
    with_records: frozenset[int]


@dataclass(frozen=True)
class MonthlyCounts:
    """The per-month counts the measures are summed from (see unit_counts), and the heads' meetings."""

    reports: pd.DataFrame  # capacity_rekap.report_counts
    records: pd.DataFrame  # records_by_month
    grid: pd.DataFrame  # schedule_grid
    participation: pd.DataFrame  # participation_by_month
    meetings: HeadMeetings  # from the Bimtek window of the period's first day: any window inside the period's

    @classmethod
    def read(cls, conn: Connection, q: UnitQuery, reports: pd.DataFrame | None = None) -> MonthlyCounts:
        """The counts of the query's period; `reports` is its report_counts when the caller has them already
        (rows of RTs outside the units are ignored)."""
        if reports is None:
            reports = report_counts(conn, q.area, q.level, q.dari, q.sampai, q.now)
        return cls(
            reports,
            records_by_month(conn, q, reports),
            schedule_grid(conn, q),
            participation_by_month(conn, q),
            HeadMeetings.read(conn, q, bimtek_window(q.dari)[0], q.sampai),
        )

    def months_of(self, dari: date, sampai: date) -> MonthlyCounts:
        """The rows of the months a period touches (it must cover them as the read period did)."""
        keys = months_between(dari, sampai)
        reports, records, grid, participation = (
            frame[frame["bulan"].isin(keys)] for frame in (self.reports, self.records, self.grid, self.participation)
        )
        return MonthlyCounts(reports, records, grid, participation, self.meetings)


def _counted(conn: Connection, q: UnitQuery, units: pd.DataFrame, monthly: MonthlyCounts) -> UnitCounts:
    """Every capacity measure for the units: summed from the monthly counts, or queried (KELENGKAPAN_DATA)."""
    by_unit = monthly.reports.groupby(q.report_unit_column())[COUNTS].sum()
    parts = {
        metrics.PENCATATAN_TEPAT_WAKTU.key: pencatatan_tepat_waktu(q, units, monthly.records),
        **{key: measure(q, units, by_unit) for key, measure in REPORT_MEASURES.items()},
        **{key: measure(q, units, monthly.grid) for key, measure in GRID_MEASURES.items()},
        metrics.TINGKAT_PARTISIPASI.key: tingkat_partisipasi(q, units, monthly.participation),
        metrics.KEHADIRAN_RAKOR.key: kehadiran_rakor(q, units, monthly.meetings),
        metrics.KEHADIRAN_BIMTEK.key: kehadiran_bimtek(q, units, monthly.meetings),
        metrics.KELENGKAPAN_DATA.key: kelengkapan_data(conn, q, units),
    }
    order = [measure.metric.key for pillar in metrics.CAPACITY_PILLARS for measure in pillar.measures]
    # One frame from the columns (not a concat of eleven frames): this runs for every scorecard and trend point.
    counts = pd.DataFrame(
        {
            "unit_id": np.concatenate([parts[key]["unit_id"].to_numpy() for key in order]),
            "measure": np.repeat(order, len(units)),
            "num": np.concatenate([parts[key]["num"].to_numpy() for key in order]),
            "den": np.concatenate([parts[key]["den"].to_numpy() for key in order]),
        }
    )
    return UnitCounts(units=units, counts=counts, with_records=frozenset(int(u) for u in monthly.records["unit_id"]))


def unit_counts(conn: Connection, q: UnitQuery, reports: pd.DataFrame | None = None) -> UnitCounts:
    """Run every capacity measure for the units of `q` (`reports`: see MonthlyCounts.read)."""
    return _counted(conn, q, area_units(conn, q.area, q.level), MonthlyCounts.read(conn, q, reports))


def unit_counts_by_period(
    conn: Connection, area: Area, level: Level, periods: list[tuple[date, date]], now: datetime
) -> list[UnitCounts]:
    """unit_counts for several periods, with the monthly counts read once for every period that lines up.

    A period lines up when it starts on the first of a month and ends on a month's last day or on the latest
    end: its months are then covered exactly as in one read from the earliest start to the latest end.
    """
    last = max(sampai for _, sampai in periods)
    aligned = [
        (dari, sampai) for dari, sampai in periods if dari == month_start(dari) and sampai in (month_end(sampai), last)
    ]
    shared = (
        MonthlyCounts.read(conn, UnitQuery(area, level, min(d for d, _ in aligned), last, now)) if aligned else None
    )
    units = area_units(conn, area, level)
    found = []
    for dari, sampai in periods:
        q = UnitQuery(area, level, dari, sampai, now)
        if shared is not None and (dari, sampai) in aligned:
            monthly = shared.months_of(dari, sampai)
        else:
            monthly = MonthlyCounts.read(conn, q)
        found.append(_counted(conn, q, units, monthly))
    return found


def heads_attendance(
    conn: Connection,
    area: Area,
    dari: date,
    sampai: date,
    now: datetime,
    units: Mapping[Level, pd.DataFrame] | None = None,
) -> tuple[int, int]:
    """KEHADIRAN_RAKOR over every RT and RW head of an area: (attendances, meetings × heads).

    `units` is the area's units_by_level when the caller has read them already.
    """
    attended = expected = 0
    for level, level_units in (units or units_by_level(conn, area)).items():
        q = UnitQuery(area, level, dari, sampai, now)
        counts = kehadiran_rakor(q, level_units, HeadMeetings.read(conn, q, dari, sampai))
        attended += int(counts["num"].sum())
        expected += int(counts["den"].sum())
    return attended, expected
