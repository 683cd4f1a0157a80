"""Reading filters from a shared link's query string: valid values are kept, invalid ones become notices."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .periods import PRESETS, month_start, preset_period


@dataclass(frozen=True)
class Notice:
    """Something in the link was ignored or changed; `key` is an i18n key, `value` what the link said."""

    key: str
    value: str = ""


@dataclass(frozen=True)
class AreaPeriod:
    """The area and period a page shows, as read from the link (or the defaults)."""

    rw: str | None
    rt: str | None
    preset: str
    dari: date
    sampai: date
    notices: tuple[Notice, ...] = field(default=())


DEFAULT_PRESET = "bulan_ini"


def _parse_date(text: str | None, notices: list[Notice]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        notices.append(Notice("notice.bad_date", text))
        return None


def matching_preset(dari: date, sampai: date, today: date) -> str:
    """The preset whose period is exactly (dari, sampai) today, or `kustom`."""
    for preset in PRESETS[:-1]:
        if preset_period(preset, today) == (dari, sampai):
            return preset
    return "kustom"


def parse_area_period(
    params: Mapping[str, str],
    today: date,
    rw_numbers: list[str],
    rt_numbers_of: Callable[[str], list[str]],
) -> AreaPeriod:
    """Read `rw`, `rt`, `dari`, `sampai` from query params; anything invalid is dropped with a notice."""
    notices: list[Notice] = []
    rw = params.get("rw") or None
    if rw is not None and rw not in rw_numbers:
        padded = rw.zfill(2) if rw.isdigit() else rw
        if padded in rw_numbers:
            rw = padded
        else:
            notices.append(Notice("notice.unknown_rw", rw))
            rw = None
    rt = params.get("rt") or None
    if rt is not None:
        if rw is None:
            notices.append(Notice("notice.rt_without_rw", rt))
            rt = None
        else:
            valid = rt_numbers_of(rw)
            padded = rt.zfill(3) if rt.isdigit() else rt
            if padded in valid:
                rt = padded
            else:
                notices.append(Notice("notice.unknown_rt", rt))
                rt = None

    dari = _parse_date(params.get("dari"), notices)
    sampai = _parse_date(params.get("sampai"), notices)
    default_dari, default_sampai = preset_period(DEFAULT_PRESET, today)
    if dari is None and sampai is None:
        return AreaPeriod(rw, rt, DEFAULT_PRESET, default_dari, default_sampai, tuple(notices))
    if sampai is not None and sampai > today:
        notices.append(Notice("notice.future"))
        sampai = today
    if dari is not None and dari > today:
        notices.append(Notice("notice.future"))
        dari = today
    sampai = sampai or today
    dari = dari or month_start(sampai)
    if dari > sampai:
        notices.append(Notice("notice.range_reversed"))
        return AreaPeriod(rw, rt, DEFAULT_PRESET, default_dari, default_sampai, tuple(notices))
    return AreaPeriod(rw, rt, matching_preset(dari, sampai, today), dari, sampai, tuple(notices))
