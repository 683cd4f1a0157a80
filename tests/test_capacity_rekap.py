"""Stored capacity counts (rekap_kapasitas): always what counting the reports now gives, on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, func, select, update

from kutorejo_data.analytics.capacity import scorecard
from kutorejo_data.core.domain import INVALID_STATUSES
from kutorejo_data.core.filters import EVERYTHING, Area, ReportFilters, resolve_area
from kutorejo_data.core.models import RT, Laporan, RekapKapasitas
from kutorejo_data.core.units import Level, unit_ids
from kutorejo_data.demo.generate import generate_demo
from kutorejo_data.records.categories import update_category
from kutorejo_data.records.holidays import add_days_off
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from kutorejo_data.store.capacity_rekap import (
    COUNTS,
    SETTLING_MARGIN_DAYS,
    compute,
    counting_moment,
    report_counts,
    settled_before,
)

from .factories import KUTOREJO, add_area, add_report, photo_rule_off

NOW = datetime(2026, 11, 29, 12)
YEAR = (date(2025, 12, 1), date(2026, 11, 29))
# With a 30-working-day longest SLA, a report of 30 September is due on 11 November: a week later, on NOW, December
# to September are settled; October and November are counted live.
SETTLED = ["2025-12", *(f"2026-{m:02d}" for m in range(1, 10))]


@pytest.fixture
def small_demo(any_db: Engine) -> Engine:
    """A 600-report demo on each backend, ending today, with the store emptied (so reads fill it)."""
    generate_demo(any_db, seed=3, months=14, reports=600, end=NOW.date())
    with any_db.begin() as conn:
        conn.execute(delete(RekapKapasitas))
    return any_db


def _area(engine: Engine, rw: str | None = None, rt: str | None = None) -> Area:
    with engine.connect() as conn:
        return resolve_area(conn, KUTOREJO, rw, rt, EVERYTHING)


def _by_month_and_rt(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts per (month, RT), without the all-zero rows the store keeps for months an RT received nothing."""
    summed = frame.groupby(["bulan", "rt_id"])[COUNTS].sum()
    return summed[summed["laporan"] > 0].sort_index()


def _read(engine: Engine, area: Area, level: Level, period: tuple[date, date] = YEAR) -> pd.DataFrame:
    with engine.connect() as conn:
        return _by_month_and_rt(report_counts(conn, area, level, *period, NOW))


def _counted_now(engine: Engine, area: Area, level: Level, period: tuple[date, date] = YEAR) -> pd.DataFrame:
    unit = Laporan.rt_id if level == "rt" else Laporan.rw_id
    with engine.connect() as conn:
        return _by_month_and_rt(compute(conn, unit.in_(unit_ids(area, level)), *period, NOW))


def _stored(engine: Engine, **where: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(RekapKapasitas).filter_by(**where)).scalar_one())


def _rts(engine: Engine, area: Area) -> int:
    with engine.connect() as conn:
        return len(conn.execute(unit_ids(area, "rt")).all())


@pytest.mark.parametrize(
    ("rw", "rt", "level"), [(None, None, "rt"), (None, None, "rw"), ("03", None, "rt"), ("03", "002", "rt")]
)
def test_stored_counts_are_what_counting_the_reports_now_gives(
    small_demo: Engine, rw: str | None, rt: str | None, level: Level
) -> None:
    area = _area(small_demo, rw, rt)
    first_read = _read(small_demo, area, level)
    stored = _stored(small_demo)
    assert stored >= len(SETTLED) * _rts(small_demo, area)  # every RT's settled months, zeros included
    second_read = _read(small_demo, area, level)
    assert _stored(small_demo) == stored
    expected = _counted_now(small_demo, area, level)
    pd.testing.assert_frame_equal(first_read, expected, check_dtype=False)
    pd.testing.assert_frame_equal(second_read, expected, check_dtype=False)
    assert expected["sah_selesai"].sum() > 0 and expected["tanggap_cepat"].sum() > 0


def _stored_months(engine: Engine) -> dict[str, set[date | None]]:
    """Every stored month, with the days its rows were counted on (None: settled)."""
    with engine.connect() as conn:
        rows = conn.execute(select(RekapKapasitas.bulan, RekapKapasitas.hari).distinct()).all()
    months: dict[str, set[date | None]] = {}
    for bulan, hari in rows:
        months.setdefault(bulan, set()).add(hari)
    return months


def test_only_whole_months_are_stored_settled_or_for_the_day(small_demo: Engine) -> None:
    kelurahan = _area(small_demo)
    part_of_a_month = (date(2026, 3, 10), date(2026, 6, 20))
    pd.testing.assert_frame_equal(
        _read(small_demo, kelurahan, "rt", part_of_a_month),
        _counted_now(small_demo, kelurahan, "rt", part_of_a_month),
        check_dtype=False,
    )
    assert _stored_months(small_demo) == {"2026-04": {None}, "2026-05": {None}}  # March and June are partly in it
    _read(small_demo, kelurahan, "rt")
    stored = _stored_months(small_demo)
    # October is whole in the year but still settling: kept for today only. November is only partly in it.
    assert stored["2026-10"] == {NOW.date()} and "2026-11" not in stored
    assert all(stored[bulan] == {None} for bulan in SETTLED)


def test_a_month_is_settled_a_week_after_its_last_days_deadline(small_demo: Engine) -> None:
    """30 working days after 30 September is 11 November (no days off in between): September is settled from the
    19th; a day off on 5 November moves the deadline, and so the day, by one."""
    with small_demo.connect() as conn:
        assert settled_before(conn, datetime(2026, 11, 18, 23)) <= date(2026, 9, 30)
        assert settled_before(conn, datetime(2026, 11, 19, 0, 1)) == date(2026, 10, 1)
    add_days_off(small_demo, ((date(2026, 11, 5), "Libur lokal"),), None, actor="uji", now=NOW)
    with small_demo.connect() as conn:
        assert settled_before(conn, datetime(2026, 11, 19, 0, 1)) <= date(2026, 9, 30)
        assert settled_before(conn, datetime(2026, 11, 20, 0, 1)) == date(2026, 10, 1)


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 11, 30, 23, 59),
        datetime(2026, 12, 1, 0, 1),
        datetime(2026, 12, 31, 23, 59),
        datetime(2027, 1, 1, 8),
    ],
)
def test_every_report_before_the_settled_day_is_past_its_deadlines_by_the_margin(
    small_demo: Engine, now: datetime
) -> None:
    with small_demo.connect() as conn:
        first_live = settled_before(conn, now)
        latest = conn.execute(
            select(func.max(Laporan.batas_selesai), func.max(Laporan.batas_tanggap)).where(
                Laporan.reported_at < datetime.combine(first_live, datetime.min.time())
            )
        ).one()
    assert all(due + timedelta(days=SETTLING_MARGIN_DAYS) < now for due in latest)


def _counts_at(engine: Engine, now: datetime) -> pd.DataFrame:
    """The kelurahan's counts over YEAR, read as the pages read them (stored months included)."""
    with engine.connect() as conn:
        return _by_month_and_rt(report_counts(conn, _area(engine), "rt", *YEAR, now))


def _counted_at(engine: Engine, now: datetime) -> pd.DataFrame:
    """The same counts counted from the reports, nothing stored."""
    with engine.connect() as conn:
        return _by_month_and_rt(compute(conn, Laporan.rt_id.in_(unit_ids(_area(engine), "rt")), *YEAR, now))


MINUTES_WHILE_DEADLINES_FALL_DUE = st.datetimes(datetime(2026, 11, 29), datetime(2027, 1, 31, 23, 59)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MINUTES_WHILE_DEADLINES_FALL_DUE)
def test_the_counts_at_any_minute_of_a_day_are_those_at_its_start(small_demo: Engine, now: datetime) -> None:
    """The reports' deadlines fall due through December and January; every deadline is the end of its day."""
    assert counting_moment(now) == datetime.combine(now.date(), datetime.min.time())
    pd.testing.assert_frame_equal(_counted_at(small_demo, now), _counted_at(small_demo, counting_moment(now)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MINUTES_WHILE_DEADLINES_FALL_DUE)
def test_the_counts_read_on_any_day_are_what_counting_gives_then(small_demo: Engine, now: datetime) -> None:
    """The store outlives each example: rows kept for other days (and months settled since, or not yet) are there."""
    pd.testing.assert_frame_equal(_counts_at(small_demo, now), _counted_at(small_demo, now), check_dtype=False)


def test_the_counts_change_from_one_day_to_the_next_when_a_deadline_passes(small_demo: Engine) -> None:
    with small_demo.connect() as conn:
        due = conn.execute(
            select(func.min(Laporan.batas_selesai)).where(
                Laporan.first_resolved_at.is_(None),
                Laporan.status.not_in(INVALID_STATUSES),
                Laporan.reported_at >= datetime(2026, 10, 1),
                Laporan.batas_selesai > NOW,
            )
        ).scalar_one()
    day = counting_moment(due)
    before, last_minute = _counts_at(small_demo, day), _counts_at(small_demo, due.replace(second=0))
    pd.testing.assert_frame_equal(last_minute, before)
    after = _counts_at(small_demo, day + timedelta(days=1))
    assert after["sla_dihitung"].sum() > before["sla_dihitung"].sum()


def test_a_kelurahan_counted_live_leaves_out_its_inactive_rts(small_demo: Engine) -> None:
    """A whole kelurahan's live months are read in date order, not RT by RT: still only its active RTs count."""
    rt = _area(small_demo, "03", "002").rt_id
    live = (date(2026, 10, 1), date(2026, 11, 29))  # not yet settled on NOW
    assert _read(small_demo, _area(small_demo), "rt", live).loc[(slice(None), rt), "laporan"].sum() > 0
    with small_demo.begin() as conn:
        conn.execute(update(RT).where(RT.id == rt).values(aktif=False))
    kelurahan = _area(small_demo)
    counted = _read(small_demo, kelurahan, "rt", live)
    assert rt not in counted.index.get_level_values("rt_id")
    pd.testing.assert_frame_equal(counted, _counted_now(small_demo, kelurahan, "rt", live), check_dtype=False)
    # An RW counts every report of its RTs, an inactive RT's too.
    by_rw = _read(small_demo, kelurahan, "rw", live)
    assert rt in by_rw.index.get_level_values("rt_id")
    pd.testing.assert_frame_equal(by_rw, _counted_now(small_demo, kelurahan, "rw", live), check_dtype=False)


def test_a_report_backdated_into_a_settled_month_forgets_that_month_of_its_rt_only(small_demo: Engine) -> None:
    kelurahan = _area(small_demo)
    before = _read(small_demo, kelurahan, "rt")
    stored = _stored(small_demo)
    create_report(
        small_demo,
        NewReport(KUTOREJO, "03", "002", "sampah-kebersihan", "Sampah menumpuk", reported_at=datetime(2026, 6, 10, 9)),
        actor="uji",
        now=NOW,
    )
    assert _stored(small_demo) == stored - 1
    after = _read(small_demo, kelurahan, "rt")
    rt = _area(small_demo, "03", "002").rt_id
    assert after["laporan"].get(("2026-06", rt), 0) == before["laporan"].get(("2026-06", rt), 0) + 1
    pd.testing.assert_frame_equal(after, _counted_now(small_demo, kelurahan, "rt"), check_dtype=False)


def test_a_status_change_of_an_old_report_forgets_its_month(any_db: Engine) -> None:
    with any_db.begin() as conn:
        photo_rule_off(conn)
        area = add_area(conn, rw="03", rt="002")
        verified = [(datetime(2026, 3, 3, 8), "diverifikasi", "rt")]
        report = add_report(conn, area, "drainase-banjir", datetime(2026, 3, 2, 8), verified)
    rt_area = _area(any_db, "03", "002")
    march = _read(any_db, rt_area, "rt").loc[("2026-03", area.rt_id)]
    assert (march["sah"], march["sah_selesai"], march["tanggap_cepat"]) == (1, 0, 1)
    change_status(any_db, StatusChange(report, "diproses", 2, "Dikerjakan"), actor="uji", now=NOW)
    change_status(any_db, StatusChange(report, "selesai", 3, "Beres"), actor="uji", now=NOW)
    assert _stored(any_db, bulan="2026-03") == 0
    assert _stored(any_db, bulan="2026-04") == 1
    march = _read(any_db, rt_area, "rt").loc[("2026-03", area.rt_id)]
    assert (march["sah_selesai"], march["sla_dihitung"], march["sla_tepat"]) == (1, 1, 0)  # resolved, too late


def test_a_new_report_in_a_month_still_settling_forgets_that_days_row_of_its_rt(small_demo: Engine) -> None:
    kelurahan = _area(small_demo)
    before = _read(small_demo, kelurahan, "rt")
    rt = _area(small_demo, "03", "002").rt_id
    assert _stored(small_demo, bulan="2026-10", rt_id=rt, hari=NOW.date()) == 1
    create_report(
        small_demo,
        NewReport(KUTOREJO, "03", "002", "jalan-gang", "Jalan berlubang", reported_at=datetime(2026, 10, 20, 9)),
        actor="uji",
        now=NOW,
    )
    assert _stored(small_demo, bulan="2026-10", rt_id=rt) == 0
    after = _read(small_demo, kelurahan, "rt")
    assert after["laporan"].get(("2026-10", rt), 0) == before["laporan"].get(("2026-10", rt), 0) + 1
    pd.testing.assert_frame_equal(after, _counted_now(small_demo, kelurahan, "rt"), check_dtype=False)


def test_a_month_still_settling_is_counted_again_the_day_after_a_deadline_in_it_passes(small_demo: Engine) -> None:
    report = create_report(
        small_demo,
        NewReport(KUTOREJO, "03", "002", "jalan-gang", "Jalan berlubang", reported_at=datetime(2026, 10, 20, 9)),
        actor="uji",
        now=NOW,
    )
    with small_demo.connect() as conn:
        due = conn.execute(select(Laporan.batas_selesai).where(Laporan.id == report)).scalar_one()
    assert NOW < due < datetime(2026, 12, 31)  # still open, due in December
    key = ("2026-10", _area(small_demo, "03", "002").rt_id)
    on_the_day = _counts_at(small_demo, due.replace(second=0))
    day_after = _counts_at(small_demo, counting_moment(due) + timedelta(days=1))
    assert day_after.loc[key, "sla_dihitung"] == on_the_day.loc[key, "sla_dihitung"] + 1
    pd.testing.assert_frame_equal(day_after, _counted_at(small_demo, counting_moment(due) + timedelta(days=1)))


def test_a_month_that_settles_later_after_days_off_are_added_is_kept_for_the_day_until_it_does(
    small_demo: Engine,
) -> None:
    """Ten working days off in November move September's last deadline past NOW: its settled rows are counted for
    the day again, and stored as settled once it is."""
    kelurahan = _area(small_demo)
    _read(small_demo, kelurahan, "rt")
    assert _stored_months(small_demo)["2026-09"] == {None}
    days_off = tuple((date(2026, 11, day), "Libur lokal") for day in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13))
    add_days_off(small_demo, days_off, None, actor="uji", now=NOW)
    pd.testing.assert_frame_equal(
        _read(small_demo, kelurahan, "rt"), _counted_now(small_demo, kelurahan, "rt"), check_dtype=False
    )
    assert _stored_months(small_demo)["2026-09"] == {NOW.date()}
    later = datetime(2027, 1, 4, 9)
    pd.testing.assert_frame_equal(_counts_at(small_demo, later), _counted_at(small_demo, later), check_dtype=False)
    assert _stored_months(small_demo)["2026-09"] == {None}


def test_moving_a_report_to_another_rt_forgets_both_rts(small_demo: Engine) -> None:
    kelurahan = _area(small_demo)
    _read(small_demo, kelurahan, "rt")
    old_rt, new_rt = _area(small_demo, "03", "002").rt_id, _area(small_demo, "03", "001").rt_id
    with small_demo.begin() as conn:
        moved, month = conn.execute(
            select(Laporan.id, func.min(Laporan.reported_at))
            .where(Laporan.rt_id == old_rt, Laporan.reported_at < datetime(2026, 9, 1))
            .group_by(Laporan.id)
            .order_by(Laporan.id)
            .limit(1)
        ).one()
        conn.execute(update(Laporan).where(Laporan.id == moved).values(rt_id=new_rt))
    bulan = pd.Timestamp(month).strftime("%Y-%m")
    assert _stored(small_demo, bulan=bulan, rt_id=old_rt) == 0
    assert _stored(small_demo, bulan=bulan, rt_id=new_rt) == 0
    pd.testing.assert_frame_equal(
        _read(small_demo, kelurahan, "rt"), _counted_now(small_demo, kelurahan, "rt"), check_dtype=False
    )


def test_changing_a_categorys_sla_forgets_everything(small_demo: Engine) -> None:
    kelurahan = _area(small_demo)
    _read(small_demo, kelurahan, "rt")
    update_category(small_demo, "sampah-kebersihan", "Sampah & kebersihan", 2, True, actor="uji")
    assert _stored(small_demo) == 0
    pd.testing.assert_frame_equal(
        _read(small_demo, kelurahan, "rt"), _counted_now(small_demo, kelurahan, "rt"), check_dtype=False
    )


def test_two_readers_filling_the_same_months_store_each_row_once(small_demo: Engine) -> None:
    kelurahan = _area(small_demo)
    with small_demo.connect() as first, small_demo.connect() as second:
        first_read = report_counts(first, kelurahan, "rt", *YEAR, NOW)
        second_read = report_counts(second, kelurahan, "rt", *YEAR, NOW)
    pd.testing.assert_frame_equal(_by_month_and_rt(first_read), _by_month_and_rt(second_read))
    with small_demo.connect() as conn:
        rts = conn.execute(select(func.count()).select_from(RT)).scalar_one()
    assert _stored(small_demo, hari=None) == len(SETTLED) * rts
    assert _stored(small_demo, hari=NOW.date()) == rts  # October, for today


def test_the_demo_stores_the_settled_months_of_every_rt_and_the_scorecard_reads_them(any_db: Engine) -> None:
    generate_demo(any_db, seed=5, months=14, reports=300, end=NOW.date())
    with any_db.connect() as conn:
        rts = conn.execute(select(func.count()).select_from(RT)).scalar_one()
    assert _stored(any_db) >= len(SETTLED) * rts
    filters = ReportFilters(kelurahan_kode=KUTOREJO).with_period(*YEAR)
    with any_db.connect() as conn:
        from_store = scorecard(conn, filters, "rw", now=NOW)
    with any_db.begin() as conn:
        conn.execute(delete(RekapKapasitas))
    with any_db.connect() as conn:
        counted = scorecard(conn, filters, "rw", now=NOW)
    pd.testing.assert_frame_equal(from_store.measures, counted.measures)
    pd.testing.assert_frame_equal(from_store.table, counted.table)
