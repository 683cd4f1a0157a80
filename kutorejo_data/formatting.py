"""Numbers and dates in the reader's language (Indonesian `1.234`, `29 Nov 2026`), via Babel."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALES = {"id": "id_ID", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def fmt_int(value: int | float | None, lang: str = "id") -> str:
    """A whole number with the language's grouping (`1.234`); an em dash for no value."""
    return "—" if value is None else format_decimal(round(value), format="#,##0", locale=_locale(lang))


def fmt_decimal(value: float | None, lang: str = "id", digits: int = 1) -> str:
    """A number with `digits` decimals (`3,5`)."""
    if value is None:
        return "—"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_percent(share: float | None, lang: str = "id", digits: int = 0) -> str:
    """A share 0–1 as a percentage (`73%`)."""
    if share is None:
        return "—"
    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(share, format=pattern, locale=_locale(lang))


def fmt_days(days: float | None, lang: str = "id") -> str:
    """A duration in days (`3,5 hari` / `3.5 days`)."""
    if days is None:
        return "—"
    unit = "days" if lang == "en" else "hari"
    return f"{fmt_decimal(days, lang, 1 if days < 10 else 0)} {unit}"


def fmt_date(day: date, lang: str = "id") -> str:
    """A date as `29 Nov 2026`."""
    return format_date(day, "d MMM y", locale=_locale(lang))


def fmt_datetime(moment: datetime, lang: str = "id") -> str:
    """A timestamp as `29 Nov 2026 14.05` (Indonesian) or `29 Nov 2026 14:05`."""
    clock = moment.strftime("%H:%M") if lang == "en" else moment.strftime("%H.%M")
    return f"{fmt_date(moment.date(), lang)} {clock}"


def fmt_month(month_key: str, lang: str = "id") -> str:
    """A `YYYY-MM` key as `Nov 2026`."""
    year, month = (int(part) for part in month_key.split("-"))
    return format_date(date(year, month, 1), "MMM y", locale=_locale(lang))


def fmt_period(dari: date, sampai: date, lang: str = "id") -> str:
    """A period as `1 Nov 2026 – 29 Nov 2026`."""
    return f"{fmt_date(dari, lang)} – {fmt_date(sampai, lang)}"
