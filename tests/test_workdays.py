"""Working days: weekends, Indonesia's national holidays and cuti bersama, and the days the kelurahan adds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kutorejo_data.core.workdays import WorkCalendar, national_holidays

CALENDAR = WorkCalendar()


@pytest.mark.parametrize(
    ("made", "count", "due"),
    [
        # The example: Thursday 24 Dec 2026 is cuti bersama, 25 Dec Christmas, then the weekend.
        (datetime(2026, 12, 24, 9, 0), 2, date(2026, 12, 29)),
        # Friday evening: the weekend does not count.
        (datetime(2026, 11, 27, 21, 0), 1, date(2026, 11, 30)),
        (datetime(2026, 11, 27, 21, 0), 3, date(2026, 12, 2)),
        # Over the year end: 1 January is a holiday.
        (datetime(2026, 12, 30, 8, 0), 2, date(2027, 1, 4)),
        # Idul Fitri 2026: Nyepi and the Lebaran holidays and cuti bersama from 18 to 24 March.
        (datetime(2026, 3, 17, 8, 0), 1, date(2026, 3, 25)),
        # A leap day.
        (datetime(2028, 2, 28, 8, 0), 1, date(2028, 2, 29)),
    ],
)
def test_due_dates_skip_weekends_and_holidays(made: datetime, count: int, due: date) -> None:
    assert CALENDAR.due(made, count) == datetime.combine(due, datetime.max.time()).replace(microsecond=0)


def test_national_holidays_include_cuti_bersama_in_indonesian() -> None:
    days = national_holidays(2026)
    assert "Natal" in days[date(2026, 12, 25)]
    assert "Cuti Bersama" in days[date(2026, 12, 24)]


def test_a_day_the_kelurahan_adds_is_not_a_working_day() -> None:
    local = WorkCalendar([date(2026, 12, 28)])  # e.g. the village's anniversary
    assert CALENDAR.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert local.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_working_days_between_counts_after_the_start_up_to_the_end() -> None:
    assert CALENDAR.working_days_between(date(2026, 11, 27), date(2026, 11, 30)) == 1  # Friday → Monday
    assert CALENDAR.working_days_between(date(2026, 11, 30), date(2026, 11, 27)) == -1
    assert CALENDAR.working_days_between(date(2026, 12, 23), date(2026, 12, 29)) == 2  # 28 and 29 only


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.dates(date(2024, 1, 1), date(2028, 12, 31)), st.integers(min_value=1, max_value=40)),
        min_size=1,
        max_size=20,
    )
)
def test_the_bulk_due_dates_are_the_single_ones(cases: list[tuple[date, int]]) -> None:
    days = np.array([day for day, _ in cases], dtype="datetime64[D]")
    counts = np.array([count for _, count in cases])
    bulk = CALENDAR.due_many(days, counts).astype(date).tolist()
    assert bulk == [CALENDAR.add_working_days(day, count) for day, count in cases]


@settings(max_examples=60, deadline=None)
@given(st.datetimes(datetime(2024, 1, 1), datetime(2028, 12, 31)), st.integers(min_value=1, max_value=40))
def test_a_due_date_is_always_a_working_day_after_the_report(made: datetime, count: int) -> None:
    due = CALENDAR.due(made, count)
    assert due.date() > made.date() and CALENDAR.is_working_day(due.date())
    assert CALENDAR.working_days_between(made.date(), due.date()) == count
    assert due - made < timedelta(days=2 * count + 14)
