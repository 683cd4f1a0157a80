"""Working days (hari kerja): Monday to Friday, minus Indonesia's national holidays and cuti bersama, minus the days
the kelurahan adds. Due dates count them, as SP4N-LAPOR! does (3 working days to verify, 5 to follow up).

The national days come from the `holidays` package (country ID, its public and government categories: the
government category holds the announced cuti bersama). A due date is the end of the Nth working day after the day
a report was made, so it never falls on a weekend or a holiday.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import numpy as np

# Imported here, not looked up by country code on first use: that lookup imports every country's module (0.2–0.4 s),
# which would land on the first request that counts a due date instead of on the process's start.
from holidays.countries.indonesia import Indonesia

# A due moment is the end of its working day: a report is on time if it is dealt with that day.
END_OF_DAY = time(23, 59, 59)


@lru_cache(maxsize=64)
def national_holidays(year: int) -> dict[date, str]:
    """Indonesia's national holidays and cuti bersama of a year, with their Indonesian names."""
    days = Indonesia(years=year, categories=("public", "government"), language="id")
    return {day: str(name) for day, name in sorted(days.items())}


class WorkCalendar:
    """Which days are working days: weekdays that are neither national holidays nor one of `extra_days`."""

    def __init__(self, extra_days: Iterable[date] = ()) -> None:
        self.extra_days = frozenset(extra_days)

    def is_working_day(self, day: date) -> bool:
        """Monday–Friday, not a national holiday or cuti bersama, not a day the kelurahan added."""
        return day.weekday() < 5 and day not in self.extra_days and day not in national_holidays(day.year)

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (count ≥ 1); `day` itself is never counted."""
        current, left = day, max(count, 1)
        while left:
            current += timedelta(days=1)
            if self.is_working_day(current):
                left -= 1
        return current

    def due(self, moment: datetime, count: int) -> datetime:
        """The end of the `count`-th working day after the day of `moment`: when something made then is due."""
        return datetime.combine(self.add_working_days(moment.date(), count), END_OF_DAY)

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie after `start` up to and including `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for offset in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(offset)))

    def due_many(self, days: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """`add_working_days` for many days at once (numpy `datetime64[D]` days, integer counts): for bulk loads."""
        if len(days) == 0:
            return days.astype("datetime64[D]")
        first = days.min().astype("datetime64[D]")
        # Room for the longest count: at most ~2 working days in 7 are lost to weekends, plus holiday weeks.
        span = int((days.max() - first).astype(int)) + int(counts.max()) * 2 + 60
        every_day = first + np.arange(span + 1).astype("timedelta64[D]")
        working = np.array([self.is_working_day(d) for d in every_day.astype(date)], dtype=np.int64)
        ordinal = np.cumsum(working)  # working days from `first` up to and including each day
        offsets = (days.astype("datetime64[D]") - first).astype(np.int64)
        wanted = ordinal[offsets] + np.maximum(counts, 1)
        return every_day[np.searchsorted(ordinal, wanted, side="left")]
