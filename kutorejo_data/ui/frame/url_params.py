"""Every query parameter of every page, and reading them: valid values are kept, invalid ones become notices.

A link is typed by hand, shared in WhatsApp and edited by the curious: nothing in it may raise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from kutorejo_data.core.domain import CLOSED_STATUSES, OPEN_STATUSES, PRIORITIES, STATUSES
from kutorejo_data.core.periods import PRESETS, month_start, preset_period

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
}

STATUS_GROUPS: dict[str, tuple[str, ...]] = {"terbuka": OPEN_STATUSES, "tertutup": CLOSED_STATUSES}
STATUS_CHOICES: tuple[str, ...] = (*STATUS_GROUPS, *STATUSES)
DEFAULT_PRESET = "30_hari"
MAX_QUERY_LENGTH = 100
# No report predates the dashboard by decades: older dates in a link are typos or probes (and year 1 has no
# previous period to compare with).
EARLIEST_DATE = date(2000, 1, 1)


@dataclass(frozen=True)
class Notice:
    """Something in the link was ignored or changed; `key` is an i18n key, `value` what the link said."""

    key: str
    value: str = ""


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


def _parse_date(text: str | None, notices: list[Notice]) -> date | None:
    if not text:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        notices.append(Notice("notice.bad_date", text))
        return None
    if day < EARLIEST_DATE:
        notices.append(Notice("notice.too_early", text))
        return None
    return day


def _parse_list(text: str | None, allowed: Sequence[str], notice: str, notices: list[Notice]) -> tuple[str, ...]:
    """Comma-separated values kept in the order given; unknown ones dropped with a notice."""
    values: list[str] = []
    for raw in (text or "").split(","):
        value = raw.strip().lower()
        if not value:
            continue
        if value in allowed:
            if value not in values:
                values.append(value)
        else:
            notices.append(Notice(notice, raw.strip()))
    return tuple(values)


def _parse_area(
    params: Mapping[str, str], rw_numbers: list[str], rt_numbers_of: Callable[[str], list[str]], notices: list[Notice]
) -> tuple[str | None, str | None]:
    rw = params.get("rw") or None
    if rw is not None and rw not in rw_numbers:
        padded = rw.zfill(2) if rw.isdigit() else rw
        if padded in rw_numbers:
            rw = padded
        else:
            notices.append(Notice("notice.unknown_rw", rw))
            rw = None
    rt = params.get("rt") or None
    if rt is None:
        return rw, None
    if rw is None:
        notices.append(Notice("notice.rt_without_rw", rt))
        return None, None
    padded = rt.zfill(3) if rt.isdigit() else rt
    if padded in rt_numbers_of(rw):
        return rw, padded
    notices.append(Notice("notice.unknown_rt", rt))
    return rw, None


def _parse_period(
    params: Mapping[str, str], today: date, notices: list[Notice], default_preset: str
) -> tuple[str, date, date]:
    dari = _parse_date(params.get("dari"), notices)
    sampai = _parse_date(params.get("sampai"), notices)
    preset = (params.get("periode") or "").strip()
    if preset and preset not in PRESETS:
        notices.append(Notice("notice.unknown_periode", preset))
        preset = ""
    if preset == "kustom" and dari is None and sampai is None:
        preset = ""  # "custom" without its dates means nothing more than the default
    if dari is None and sampai is None:
        preset = preset or default_preset
        return (preset, *preset_period(preset, today))
    default_dari, default_sampai = preset_period(default_preset, today)
    if (sampai is not None and sampai > today) or (dari is not None and dari > today):
        notices.append(Notice("notice.future"))
        sampai = min(sampai, today) if sampai else None
        dari = min(dari, today) if dari else None
    sampai = sampai or today
    dari = dari or month_start(sampai)
    if dari > sampai:
        notices.append(Notice("notice.range_reversed"))
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
    kategori = _parse_list(params.get("kategori"), list(category_slugs), "notice.unknown_kategori", notices)
    status = _parse_list(params.get("status"), STATUS_CHOICES, "notice.unknown_status", notices)
    prioritas = _parse_list(params.get("prioritas"), PRIORITIES, "notice.unknown_prioritas", notices)
    q = (params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    return LinkFilters(rw, rt, preset, dari, sampai, kategori, status, prioritas, q, tuple(notices))
