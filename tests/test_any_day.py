"""The date matrix: everything that depends on "today" works on the days calendars make awkward.

Each test runs on the 1st of a month, the last day of a month, 1 January, 29 February of a leap year, and at 00:30
WIB while UTC is still on the previous day (that one on the running clock, moved by time-machine, not pinned).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
import time_machine
from sqlalchemy import Engine, func, select, update

from kutorejo_data.access.accounts import authenticate
from kutorejo_data.access.sessions import resume_session, start_session
from kutorejo_data.analytics.cadence import cadence_grid
from kutorejo_data.analytics.metrics import terbuka, terlambat
from kutorejo_data.core import config
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, resolve_area
from kutorejo_data.core.models import Kegiatan, Laporan, Pengguna, StatusHistory
from kutorejo_data.core.periods import PRESETS, add_months, month_end, month_start, preset_period, previous_period
from kutorejo_data.demo.generate import generate_demo
from kutorejo_data.store.migrate import migrate
from kutorejo_data.store.monthly_rekap import compute, monthly_figures
from kutorejo_data.ui.frame.url_params import DEFAULT_PRESET
from tests.factories import KUTOREJO, add_area, add_report
from tests.factories_activities import add_activity
from tests.signin import PASSWORD, add_user, open_as

# (id, the moment in WIB, whether it comes from the running clock rather than KUTOREJO_NOW)
DAYS = [
    pytest.param((datetime(2026, 12, 1, 7, 30), False), id="first-of-month"),
    pytest.param((datetime(2026, 11, 30, 16, 0), False), id="last-of-month"),
    pytest.param((datetime(2027, 1, 1, 9, 0), False), id="new-year"),
    pytest.param((datetime(2028, 2, 29, 10, 0), False), id="leap-day"),
    pytest.param((datetime(2026, 12, 1, 0, 30), True), id="0030-wib-utc-yesterday"),
]


@pytest.fixture(params=DAYS)
def now(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[datetime]:
    """Set the app's clock to the day under test and return that moment (WIB, naive)."""
    moment, running = request.param
    if not running:
        monkeypatch.setenv(config.NOW_ENV, moment.isoformat())
        yield moment
        return
    monkeypatch.delenv(config.NOW_ENV)
    utc = moment.replace(tzinfo=config.LOCAL_TZ).astimezone(UTC)
    assert utc.date() < moment.date()  # the point of this case
    with time_machine.travel(utc, tick=False):
        assert config.now_local() == moment
        yield moment


def test_every_preset_ends_by_today_and_is_compared_with_an_earlier_period_of_its_length(now: datetime) -> None:
    today = config.today_local()
    for preset in PRESETS[:-1]:
        dari, sampai = preset_period(preset, today)
        before_dari, before_sampai = previous_period(dari, sampai)
        assert dari <= sampai <= today, preset
        assert before_sampai < dari, preset
        length, before_length = (sampai - dari).days + 1, (before_sampai - before_dari).days + 1
        assert abs(length - before_length) <= 3, preset  # calendar months differ by at most three days
        if dari.day == 1:  # calendar months compare with the same days (or whole months) of the months before
            assert before_dari.day == 1
            if sampai == month_end(sampai):
                assert before_sampai == month_end(before_sampai), preset
            else:
                assert before_sampai.day == min(sampai.day, month_end(before_sampai).day), preset
    dari, sampai = preset_period(DEFAULT_PRESET, today)
    assert (dari, sampai) == (today - timedelta(days=29), today)
    if dari.day != 1:
        assert previous_period(dari, sampai) == (dari - timedelta(days=30), dari - timedelta(days=1))


def test_the_running_month_counts_as_whole_only_on_its_last_day(now: datetime, fresh_db: Engine) -> None:
    today = config.today_local()
    with fresh_db.begin() as conn:
        add_activity(conn, "ronda", today, add_area(conn, rw="03", rt="002"), entered=now)
        area = resolve_area(conn, KUTOREJO, "03", "002", EVERYTHING)
        grid = cadence_grid(conn, area, month_start(today), today, ("ronda",))
    assert list(grid["bulan"]) == [today.strftime("%Y-%m")]
    row = grid.iloc[0]
    assert row["held"] == 1
    # Weekly ronda: four expected in a whole month; a month still running cannot have missed any yet.
    assert row["expected"] == (4 if today == month_end(today) else 1)


def test_overdue_is_counted_from_the_clock_across_month_and_year_ends(now: datetime, any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        # keamanan-ketertiban has a 3-working-day target: one report made two weeks ago, one made an hour ago.
        add_report(conn, area, "keamanan-ketertiban", now - timedelta(days=14))
        add_report(conn, area, "keamanan-ketertiban", now - timedelta(hours=1))
    today = config.today_local()
    filters = ReportFilters(kelurahan_kode=KUTOREJO, dari=today - timedelta(days=29), sampai=today)
    with any_db.connect() as conn:
        assert terbuka(conn, filters, now=config.now_local()) == 2
        assert terlambat(conn, filters, now=config.now_local()) == 1


def test_sessions_expire_and_lock_outs_end_by_the_clock(now: datetime, any_db: Engine) -> None:
    add_user(any_db, "lurah", "lurah")
    idle = timedelta(minutes=30)
    with any_db.connect() as conn:
        account_id = conn.execute(select(Pengguna.id).where(Pengguna.username == "lurah")).scalar_one()
    fresh = start_session(any_db, account_id, now=now - timedelta(minutes=29))
    stale = start_session(any_db, account_id, now=now - timedelta(minutes=31))
    assert resume_session(any_db, fresh, now=config.now_local(), idle_limit=idle).account_id == account_id
    assert resume_session(any_db, stale, now=config.now_local(), idle_limit=idle).reason == "timeout"

    with any_db.begin() as conn:
        conn.execute(update(Pengguna).values(terkunci_sampai=now + timedelta(minutes=1)))
    assert authenticate(any_db, "lurah", PASSWORD) is None  # still locked: read from the clock
    with any_db.begin() as conn:
        conn.execute(update(Pengguna).values(terkunci_sampai=now - timedelta(minutes=1)))
    assert authenticate(any_db, "lurah", PASSWORD) is not None


@pytest.fixture
def demo_today(now: datetime, tmp_path) -> str:
    """A small demo database generated on the day under test, ending today (the default end)."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    generate_demo(engine, seed=11, months=14, reports=700)
    engine.dispose()
    return url


def test_the_demo_ends_today_and_nothing_lies_in_the_future(now: datetime, demo_today: str) -> None:
    engine = make_engine(demo_today)
    with engine.connect() as conn:
        last_report = conn.execute(select(func.max(Laporan.reported_at))).scalar_one()
        last_change = conn.execute(select(func.max(StatusHistory.changed_at))).scalar_one()
        last_activity = conn.execute(select(func.max(Kegiatan.tanggal))).scalar_one()
        recent = conn.execute(select(func.count()).where(Laporan.reported_at >= now - timedelta(days=30))).scalar_one()
    engine.dispose()
    assert last_report <= now and last_change <= now and last_activity <= now.date()
    assert last_report >= now - timedelta(days=3)  # it reaches today, not last month
    assert recent > 0


def test_stored_months_equal_computing_them_now(now: datetime, demo_today: str) -> None:
    today = config.today_local()
    first = month_start(add_months(today, -11))
    engine = make_engine(demo_today)
    for filters in (ReportFilters(kelurahan_kode=KUTOREJO), ReportFilters(kelurahan_kode=KUTOREJO, rw="03")):
        with engine.connect() as conn:
            stored = monthly_figures(conn, filters, EVERYTHING, first, today, today=today)
            live = compute(conn, filters, EVERYTHING, first, today)
        pd.testing.assert_frame_equal(stored, live, check_dtype=False)
        assert list(stored["bulan"])[-1] == today.strftime("%Y-%m")
    engine.dispose()


def test_ringkasan_opens_on_the_last_30_days_with_figures_and_a_fair_comparison(
    now: datetime, demo_today: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_as(monkeypatch, demo_today, "lurah")
    assert not at.exception
    assert at.selectbox(key="ringkasan_preset").value == "30_hari"
    received = next(m for m in at.metric if m.label == "Laporan masuk")
    assert int(received.value.replace(".", "")) > 0
    captions = " ".join(c.value for c in at.caption)
    today = config.today_local()
    assert f"{today.day} " in captions and "dibanding" in captions
    assert not at.warning and not at.error


def test_links_with_dates_of_an_awkward_day_open_without_error(now: datetime, demo_today: str, monkeypatch) -> None:
    today = config.today_local()
    at = open_as(monkeypatch, demo_today, "lurah", dari=date(today.year, 1, 1).isoformat(), sampai=today.isoformat())
    assert not at.exception
    assert at.selectbox(key="ringkasan_preset").value == "kustom"
