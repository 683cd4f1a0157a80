"""Every query parameter of every page, and reading them: valid values are kept, invalid ones become notices.

A link is typed by hand, shared in WhatsApp and edited by the curious: nothing in it may raise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from kutorejo_data.core.domain import CLOSED_STATUSES, OPEN_STATUSES, PRIORITIES, STATUSES, parse_report_number
from kutorejo_data.core.i18n import LANGUAGES
from kutorejo_data.core.periods import EARLIEST_DAY, PRESETS, latest_day, month_start, parse_month, preset_period

# The one list of the app's URL parameters and what each means (the README documents each; tests/test_docs.py).
URL_PARAMETERS: dict[str, str] = {
    "kel": "kelurahan code, when the database holds several",
    "rw": "RW number",
    "rt": "RT number (within the RW)",
    "kategori": "category slugs, comma-separated",
    "status": "statuses, comma-separated, or the groups terbuka/tertutup",
    "prioritas": "priorities, comma-separated",
    "periode": "a period preset that rolls with the calendar, e.g. bulan_ini",
    "dari": "first day of a fixed period, YYYY-MM-DD (wins over periode)",
    "sampai": "last day of a fixed period, YYYY-MM-DD",
    "q": "text search in title, description and location",
    "laporan": "the number of the report to open (Masalah, Peta, Lapor)",
    "bulan": "the month of the meeting, YYYY-MM (Presentasi)",
    "bagian": (
        "the tab to open: on Penyelesaian alur, tepat_waktu, kecepatan, wilayah or kepuasan; on Partisipasi jenis, "
        "jadwal, rt_bulan, peran or bimtek"
    ),
    "kode": "a report's tracking code, as people type it (Cek laporan, the public page)",
    "lang": "the interface language, id or en (kept across pages and in shared links)",
}

STATUS_GROUPS: dict[str, tuple[str, ...]] = {"terbuka": OPEN_STATUSES, "tertutup": CLOSED_STATUSES}
STATUS_CHOICES: tuple[str, ...] = (*STATUS_GROUPS, *STATUSES)
DEFAULT_PRESET = "30_hari"
MAX_QUERY_LENGTH = 100
EARLIEST_DATE = EARLIEST_DAY
# What a notice quotes of a link's value: enough to recognise it, never a wall of text.
SHOWN_VALUE_LENGTH = 40
MAX_NOTICES_PER_PARAM = 3


@dataclass(frozen=True)
class Notice:
    """Something in the link was ignored or changed: `key` is an i18n key, `param` the URL parameter it is about,
    `value` what the link said (shortened)."""

    key: str
    value: str = ""
    param: str = ""


def notice(key: str, param: str, value: str = "") -> Notice:
    """A notice about `param`, quoting at most SHOWN_VALUE_LENGTH characters of its value (no control characters)."""
    shown = clean_text(value)
    if len(shown) > SHOWN_VALUE_LENGTH:
        shown = shown[: SHOWN_VALUE_LENGTH - 1] + "…"
    return Notice(key, shown, param)


def clean_text(text: str) -> str:
    """The text without control, format and unpaired surrogate characters (a NUL byte is an error in PostgreSQL)."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"})


@dataclass(frozen=True)
class LinkFilters:
    """The filters a page shows, as read from the link (or the defaults)."""

    rw: str | None
    rt: str | None
    preset: str
    dari: date
    sampai: date
    kategori: tuple[str, ...] = ()
    status: tuple[str, ...] = ()  # as chosen: may contain the groups "terbuka"/"tertutup"
    prioritas: tuple[str, ...] = ()
    q: str = ""
    notices: tuple[Notice, ...] = field(default=())


def expand_statuses(chosen: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Statuses meant by a choice that may contain the groups `terbuka`/`tertutup`, in the domain's order."""
    wanted = {status for choice in chosen for status in STATUS_GROUPS.get(choice, (choice,))}
    return tuple(status for status in STATUSES if status in wanted)


def parse_day(text: str | None, today: date, param: str, notices: list[Notice]) -> date | None:
    """A `YYYY-MM-DD` date from 2000-01-01 to a year after today; None (with a notice naming `param`) otherwise."""
    if not text:
        return None
    raw = text.strip()
    try:
        # fromisoformat also reads other ISO 8601 spellings; non-ASCII digits never reach it.
        day = date.fromisoformat(raw) if raw.isascii() and len(raw) <= 10 else None
    except ValueError:
        day = None
    if day is None:
        notices.append(notice("notice.bad_date", param, text))
        return None
    if day < EARLIEST_DATE:
        notices.append(notice("notice.too_early", param, text))
        return None
    if day > latest_day(today):
        notices.append(notice("notice.too_late", param, text))
        return None
    return day


def parse_report_param(params: Mapping[str, str]) -> tuple[int | None, tuple[Notice, ...]]:
    """`laporan`: the number of a report (ASCII digits, 1 … 2147483647), or None with a notice."""
    raw = params.get("laporan") or ""
    if not raw.strip():
        return None, ()
    number = parse_report_number(raw)
    return (number, ()) if number is not None else (None, (notice("notice.bad_report_number", "laporan", raw),))


def parse_month_param(params: Mapping[str, str], latest: date) -> tuple[date | None, tuple[Notice, ...]]:
    """`bulan`: the first day of a `YYYY-MM` month from 2000-01 up to `latest`'s month; None (with a notice if the
    link said something else) when absent or not one."""
    raw = params.get("bulan") or ""
    if not raw.strip():
        return None, ()
    month = parse_month(raw)
    if month is None or not EARLIEST_DATE <= month <= month_start(latest):
        return None, (notice("notice.bad_month", "bulan", raw),)
    return month, ()


def parse_choice_param(
    params: Mapping[str, str], param: str, choices: Sequence[str]
) -> tuple[str | None, tuple[Notice, ...]]:
    """A parameter naming one of `choices` (case and surrounding spaces forgiven); None when absent, and with a
    notice when the link names something else."""
    raw = (params.get(param) or "").strip()
    if not raw:
        return None, ()
    if raw.lower() in choices:
        return raw.lower(), ()
    return None, (notice("notice.unknown_choice", param, raw),)


def parse_lang_param(params: Mapping[str, str]) -> tuple[str | None, tuple[Notice, ...]]:
    """`lang`: a language of the interface (`id`, `en`); None (with a notice for anything else) when absent."""
    raw = (params.get("lang") or "").strip()
    if not raw:
        return None, ()
    if raw.lower() in LANGUAGES:
        return raw.lower(), ()
    return None, (notice("notice.unknown_lang", "lang", raw),)


def _parse_list(
    params: Mapping[str, str], param: str, allowed: Sequence[str], key: str, notices: list[Notice]
) -> tuple[str, ...]:
    """Comma-separated values kept in the order given; unknown ones dropped with a notice."""
    values: list[str] = []
    unknown = 0
    for raw in (params.get(param) or "").split(","):
        value = raw.strip().lower()
        if not value:
            continue
        if value in allowed:
            if value not in values:
                values.append(value)
        elif unknown < MAX_NOTICES_PER_PARAM:  # a link of a thousand commas is one notice's worth of mistake
            unknown += 1
            notices.append(notice(key, param, raw.strip()))
    return tuple(values)


def _parse_area(
    params: Mapping[str, str], rw_numbers: list[str], rt_numbers_of: Callable[[str], list[str]], notices: list[Notice]
) -> tuple[str | None, str | None]:
    rw = params.get("rw") or None
    if rw is not None and rw not in rw_numbers:
        padded = pad_number(rw, 2)
        if padded in rw_numbers:
            rw = padded
        else:
            notices.append(notice("notice.unknown_rw", "rw", rw))
            rw = None
    rt = params.get("rt") or None
    if rt is None:
        return rw, None
    if rw is None:
        notices.append(notice("notice.rt_without_rw", "rt", rt))
        return None, None
    padded = pad_number(rt, 3)
    if padded in rt_numbers_of(rw):
        return rw, padded
    notices.append(notice("notice.unknown_rt", "rt", rt))
    return rw, None


def pad_number(text: str, width: int) -> str:
    """An RW or RT number as stored (`3` → `03`); anything but a short ASCII number is returned as it is."""
    value = text.strip()
    return value.zfill(width) if value.isascii() and value.isdigit() and len(value) <= width else value


def _parse_period(
    params: Mapping[str, str], today: date, notices: list[Notice], default_preset: str
) -> tuple[str, date, date]:
    dari = parse_day(params.get("dari"), today, "dari", notices)
    sampai = parse_day(params.get("sampai"), today, "sampai", notices)
    preset = (params.get("periode") or "").strip()
    if preset and preset not in PRESETS:
        notices.append(notice("notice.unknown_periode", "periode", preset))
        preset = ""
    if preset == "kustom" and dari is None and sampai is None:
        preset = ""  # "custom" without its dates means nothing more than the default
    if dari is None and sampai is None:
        preset = preset or default_preset
        return (preset, *preset_period(preset, today))
    default_dari, default_sampai = preset_period(default_preset, today)
    if (sampai is not None and sampai > today) or (dari is not None and dari > today):
        notices.append(notice("notice.future", "sampai" if sampai is not None and sampai > today else "dari"))
        sampai = min(sampai, today) if sampai else None
        dari = min(dari, today) if dari else None
    sampai = sampai or today
    dari = dari or month_start(sampai)
    if dari > sampai:
        notices.append(notice("notice.range_reversed", "dari"))
        return default_preset, default_dari, default_sampai
    return "kustom", dari, sampai  # dates in a link are the period it was shared with, whatever today is


def parse_link_filters(
    params: Mapping[str, str],
    today: date,
    rw_numbers: list[str],
    rt_numbers_of: Callable[[str], list[str]],
    category_slugs: list[str] | tuple[str, ...] = (),
    default_preset: str = DEFAULT_PRESET,
) -> LinkFilters:
    """Read every filter from query params; anything invalid is dropped with a notice, never raised.

    A link without dates means the page's default period (`default_preset`).
    """
    notices: list[Notice] = []
    rw, rt = _parse_area(params, rw_numbers, rt_numbers_of, notices)
    preset, dari, sampai = _parse_period(params, today, notices, default_preset)
    kategori = _parse_list(params, "kategori", list(category_slugs), "notice.unknown_kategori", notices)
    status = _parse_list(params, "status", STATUS_CHOICES, "notice.unknown_status", notices)
    prioritas = _parse_list(params, "prioritas", PRIORITIES, "notice.unknown_prioritas", notices)
    q = clean_text(params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    return LinkFilters(rw, rt, preset, dari, sampai, kategori, status, prioritas, q, tuple(notices))
