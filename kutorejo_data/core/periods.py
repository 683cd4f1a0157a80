"""Reporting periods: presets, the comparison period, and the months a period spans."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

PRESETS: tuple[str, ...] = ("30_hari", "bulan_ini", "bulan_lalu", "3_bulan", "12_bulan", "tahun_ini", "kustom")
ROLLING_DAYS = 30
# Dates a link or a command may name: nothing predates the dashboard by decades (and year 1 has no previous period
# to compare with); a year ahead is the furthest a typo may reach before it is refused rather than cut at today.
EARLIEST_DAY = date(2000, 1, 1)
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")  # ASCII digits: \d would also take other scripts' digits


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def latest_day(today: date) -> date:
    """The latest date a link or a command may name: a year after today."""
    return add_months(today, 12)


def parse_month(text: str | None) -> date | None:
    """The first day of a `YYYY-MM` month (ASCII digits, a real month), or None when the text is not one."""
    found = _MONTH.match((text or "").strip())
    if not found or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1:
        return None
    return date(int(found.group(1)), int(found.group(2)), 1)


def month_start(day: date) -> date:
    """The first day of the day's month."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the day's month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def preset_period(preset: str, today: date) -> tuple[date, date]:
    """The (dari, sampai) of a named preset as of `today`; months are calendar months."""
    if preset == "30_hari":
        return today - timedelta(days=ROLLING_DAYS - 1), today
    if preset == "bulan_ini":
        return month_start(today), today
    if preset == "bulan_lalu":
        last = month_start(today) - timedelta(days=1)
        return month_start(last), last
    if preset == "3_bulan":
        return month_start(add_months(today, -2)), today
    if preset == "12_bulan":
        return month_start(add_months(today, -11)), today
    if preset == "tahun_ini":
        return date(today.year, 1, 1), today
    raise ValueError(f"unknown period preset: {preset}")


def previous_period(dari: date, sampai: date) -> tuple[date, date]:
    """The period to compare with: the same days one period earlier.

    A period starting on the 1st is shifted by whole months (1–29 Nov compares with 1–29 Oct,
    the whole of Q3 with the whole of Q2); any other period by its own length.
    """
    if dari.day == 1:
        months = (sampai.year - dari.year) * 12 + sampai.month - dari.month + 1
        prev_dari = add_months(dari, -months)
        prev_sampai = (
            month_end(add_months(sampai, -months)) if sampai == month_end(sampai) else add_months(sampai, -months)
        )
        return prev_dari, prev_sampai
    length = (sampai - dari).days + 1
    return dari - timedelta(days=length), dari - timedelta(days=1)


def months_between(dari: date, sampai: date) -> list[str]:
    """The `YYYY-MM` keys of every month the period touches, in order."""
    keys = []
    current = month_start(dari)
    while current <= sampai:
        keys.append(f"{current.year:04d}-{current.month:02d}")
        current = add_months(current, 1)
    return keys


def month_of_key(bulan: str) -> date:
    """The first day of a `YYYY-MM` month key (the inverse of months_between's keys)."""
    return date(int(bulan[:4]), int(bulan[5:]), 1)


def period_months(dari: date, sampai: date) -> list[tuple[str, bool]]:
    """`YYYY-MM` of every month the period touches, and whether the period covers that whole month."""
    months = []
    current = month_start(dari)
    while current <= sampai:
        whole = dari <= current and month_end(current) <= sampai
        months.append((f"{current.year:04d}-{current.month:02d}", whole))
        current = add_months(current, 1)
    return months
