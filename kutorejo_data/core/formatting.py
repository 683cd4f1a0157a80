"""Numbers and dates in the reader's language (Indonesian `1.234`, `29 Nov 2026`), via Babel."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from .i18n import t
from .metric import Metric

LOCALES = {"id": "id_ID", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def fmt_int(value: int | float | None, lang: str = "id") -> str:
    """A whole number with the language's grouping (`1.234`); an em dash for no value."""
    return "—" if value is None else _grouped(round(value), _locale(lang))


# Babel takes about 60 µs a number; a map's hover texts format thousands of them, mostly the same few (ages in days).
@lru_cache(maxsize=4096)
def _grouped(value: int, locale: str) -> str:
    return format_decimal(value, format="#,##0", locale=locale)


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
    return _short_date(day, _locale(lang))


# Like numbers: a list of reports or candidates formats the same few hundred days over and over.
@lru_cache(maxsize=4096)
def _short_date(day: date, locale: str) -> str:
    return format_date(day, "d MMM y", locale=locale)


def fmt_day(day: date, lang: str = "id") -> str:
    """A date with its weekday, as a due date is said: `Selasa, 8 Des`."""
    return format_date(day, "EEEE, d MMM", locale=_locale(lang))


def fmt_day_long(day: date, lang: str = "id") -> str:
    """A date with its weekday and year, as a digest is headed: `Rabu, 2 Desember 2026`."""
    return format_date(day, "EEEE, d MMMM y", locale=_locale(lang))


def fmt_datetime(moment: datetime, lang: str = "id") -> str:
    """A timestamp as `29 Nov 2026 14.05` (Indonesian) or `29 Nov 2026 14:05`."""
    clock = moment.strftime("%H:%M") if lang == "en" else moment.strftime("%H.%M")
    return f"{fmt_date(moment.date(), lang)} {clock}"


def fmt_month(month_key: str, lang: str = "id") -> str:
    """A `YYYY-MM` key as `Nov 2026`."""
    year, month = (int(part) for part in month_key.split("-"))
    return format_date(date(year, month, 1), "MMM y", locale=_locale(lang))


def fmt_month_long(month_key: str, lang: str = "id") -> str:
    """A `YYYY-MM` key as `Oktober 2026` (for titles)."""
    year, month = (int(part) for part in month_key.split("-"))
    return format_date(date(year, month, 1), "LLLL y", locale=_locale(lang))


def fmt_period(dari: date, sampai: date, lang: str = "id") -> str:
    """A period as `1 Nov 2026 – 29 Nov 2026`."""
    return f"{fmt_date(dari, lang)} – {fmt_date(sampai, lang)}"


def format_value(metric: Metric, value: float | int | None, lang: str) -> str:
    """A metric value in its unit and the reader's language."""
    if metric.unit == "percent":
        return fmt_percent(value, lang)
    if metric.unit == "days":
        return fmt_days(value, lang)
    if metric.unit == "per_100_kk":
        return fmt_decimal(value, lang, 1)
    return fmt_int(value, lang)


def format_delta(metric: Metric, current: float | int | None, previous: float | int | None, lang: str) -> str | None:
    """The change vs the previous period, signed (st.metric colours by the sign); None when not comparable."""
    if current is None or previous is None:
        return None
    change = current - previous
    if metric.unit == "percent":
        size: float = round(abs(change) * 100)
        shown = f"{fmt_int(size, lang)} {'pts' if lang == 'en' else 'poin'}"
    elif metric.unit == "days":
        size = round(abs(change), 1 if abs(change) < 10 else 0)
        shown = fmt_days(size, lang)
    else:
        size = round(abs(change))
        shown = fmt_int(size, lang)
    # A change too small to show is no change: `0 poin`, never `-0 poin` in red.
    sign = "" if size == 0 else ("+" if change > 0 else "-")
    return f"{sign}{shown}"


def delta_shown(delta: str | None) -> bool:
    """Whether a format_delta text shows a change (a signed one), which a card colours and points."""
    return delta is not None and delta[:1] in ("+", "-")


def format_counts(metric: Metric, values: dict[str, float | int | None], lang: str) -> str:
    """Which reports a number counts (a card's caption, an export's note); a share spells out its parts."""
    words = metric.counts(lang)
    if metric.counts_of is None:
        return words
    part, whole = (values.get(key) for key in metric.counts_of)
    if part is None or whole is None:
        return words
    return t("kpi.of", lang, label=words, part=fmt_int(part, lang), whole=fmt_int(whole, lang))


def fmt_share(part: int, whole: int, lang: str = "id") -> str:
    """`3 dari 12 (25%)`, or an em dash when there is nothing to count."""
    if not whole:
        return "—"
    return t(
        "kpi.share", lang, part=fmt_int(part, lang), whole=fmt_int(whole, lang), rate=fmt_percent(part / whole, lang)
    )
