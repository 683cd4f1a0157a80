"""Cell values as offices type them: dates, RT/RW areas, counts, coordinates and free text.

Every parser takes a raw cell (text from CSV; text, number or datetime from XLSX) and returns the value, or
raises ValueProblem with the i18n key of the reason. Dates are day-first, as everywhere in Indonesia.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from functools import lru_cache

from openpyxl.utils.datetime import from_excel

from kutorejo_data.core import domain

Cell = object


class ValueProblem(ValueError):
    """A cell that cannot be used; `key` is the i18n message key, `values` fill its placeholders."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


# Indonesian (also the old spelling "Nopember", "Pebruari") and English month names and abbreviations.
MONTHS: dict[str, int] = {
    "jan": 1,
    "januari": 1,
    "january": 1,
    "feb": 2,
    "peb": 2,
    "februari": 2,
    "pebruari": 2,
    "february": 2,
    "mar": 3,
    "maret": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "agustus": 8,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "nop": 11,
    "november": 11,
    "nopember": 11,
    "des": 12,
    "desember": 12,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = (
    r"(?:senin|selasa|rabu|kamis|jumat|jum at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
)
_TIME = r"(?:[ t]+(?:pukul |jam )?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?: ?wib)?)?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + "$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME + "$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})[ -]+([a-z]+)\.?[ -]+(\d{4}|\d{2})" + _TIME + "$")
_MONTH_D_Y = re.compile(r"^([a-z]+)\.? +(\d{1,2}),? +(\d{4})" + _TIME + "$")
_WEEKDAY_PREFIX = re.compile(rf"^{WEEKDAYS}\b[ ,/]*")
# Excel serial days from 2000-01-01 up to the last day Excel knows.
_EXCEL_SERIALS = (36526, 2958465)

_RT_LABEL = re.compile(r"\brt\s*[.:\-]?\s*(\d{1,3})\b")
_RW_LABEL = re.compile(r"\brw\s*[.:\-]?\s*(\d{1,3})\b")
_PAIR = re.compile(r"^(\d{1,3})\s*[/\\\-.]\s*(\d{1,3})$")
_PAIR_PREFIX = re.compile(r"^rt\s*[/\\\-. ]\s*rw\b[\s.:]*")
# Words that mean "the whole kelurahan" in an activity's area column.
KELURAHAN_WIDE = frozenset({"", "-", "kelurahan", "se kelurahan", "sekelurahan", "semua", "semua rw", "umum", "desa"})


def is_blank(value: Cell) -> bool:
    """True for an empty cell (None or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Cell) -> str:
    """A cell as text; whole numbers without '.0' (Excel stores 12 as 12.0), formulas as their text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    # openpyxl returns array and data-table formulas as objects: keep their formula text, never a result.
    return str(getattr(value, "text", value)).strip()


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: 'Tgl. Lapor' → 'tgl lapor'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _refuse_formula(text: str) -> None:
    """Formulas are never evaluated: a typed field holding one is refused with a clear reason."""
    if text.startswith("="):
        raise ValueProblem("import.reason.formula", value=text[:60])


def _build(year: int, month: int, day: int, clock: Sequence[str | None]) -> datetime:
    if year < 100:
        year += 2000
    hour, minute, second = (int(part) if part else 0 for part in clock)
    return datetime(year, month, day, hour, minute, second)


def parse_datetime(value: Cell) -> datetime:
    """A report or activity date: an Excel date cell, an Excel serial number or text in a common format."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time.min)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _EXCEL_SERIALS[0] <= value <= _EXCEL_SERIALS[1]:
            return from_excel(value).replace(microsecond=0)
        raise ValueProblem("import.reason.date_invalid", value=cell_text(value))
    return _parse_date_text(cell_text(value))


@lru_cache(maxsize=4096)  # a file has a few hundred distinct dates over thousands of rows
def _parse_date_text(text: str) -> datetime:
    _refuse_formula(text)
    cleaned = _WEEKDAY_PREFIX.sub("", " ".join(text.lower().replace(",", ", ").split())).replace(" ,", ",")
    try:
        if match := _ISO.match(cleaned):
            y, m, d, *clock = match.groups()
            return _build(int(y), int(m), int(d), clock)
        if match := _DMY.match(cleaned):
            d, m, y, *clock = match.groups()
            return _build(int(y), int(m), int(d), clock)
        if (match := _D_MONTH_Y.match(cleaned)) and match.group(2) in MONTHS:
            d, name, y, *clock = match.groups()
            return _build(int(y), MONTHS[name], int(d), clock)
        if (match := _MONTH_D_Y.match(cleaned)) and match.group(1) in MONTHS:
            name, d, y, *clock = match.groups()
            return _build(int(y), MONTHS[name], int(d), clock)
    except ValueError:  # 31/02/2026, 25:00 and friends
        pass
    raise ValueProblem("import.reason.date_invalid", value=text[:40])


def _area_number(digits: str, width: int, text: str) -> str:
    number = int(digits)
    if number == 0 or len(str(number)) > width:
        raise ValueProblem("import.reason.area_invalid", value=text[:40])
    return domain.format_rw(number) if width == 2 else domain.format_rt(number)


def parse_area(value: Cell) -> tuple[str | None, str | None]:
    """(RW, RT) from one cell: 'RT 2 / RW 3', 'RT.02 RW.03', '002/003' (RT/RW order), 'RW 3'; Nones when blank."""
    return _parse_area_text(cell_text(value))


@lru_cache(maxsize=4096)  # a kelurahan has a few dozen RTs, written the same way row after row
def _parse_area_text(text: str) -> tuple[str | None, str | None]:
    _refuse_formula(text)
    lowered = text.lower().strip()
    if normalise(lowered) in KELURAHAN_WIDE:
        return None, None
    rt_match, rw_match = _RT_LABEL.search(lowered), _RW_LABEL.search(lowered)
    if rt_match or rw_match:
        unlabelled = _PAIR.match(_PAIR_PREFIX.sub("", lowered))
        if unlabelled:  # 'RT/RW 002/003': the labels name the order of the numbers
            return _area_number(unlabelled.group(2), 2, text), _area_number(unlabelled.group(1), 3, text)
        rw = _area_number(rw_match.group(1), 2, text) if rw_match else None
        rt = _area_number(rt_match.group(1), 3, text) if rt_match else None
        return rw, rt
    if match := _PAIR.match(lowered):
        return _area_number(match.group(2), 2, text), _area_number(match.group(1), 3, text)
    raise ValueProblem("import.reason.area_invalid", value=text[:40])


def parse_area_part(value: Cell, width: int) -> str | None:
    """One RW (width 2) or RT (width 3) number from its own column: '3', '03', 'RW 03', 3.0; None when blank."""
    text = cell_text(value)
    _refuse_formula(text)
    if not text:
        return None
    match = re.fullmatch(r"(?:r[tw]\s*[.:\-]?\s*)?0*(\d{1,3})", text.lower().strip())
    if not match:
        raise ValueProblem("import.reason.area_invalid", value=text[:40])
    return _area_number(match.group(1), width, text)


# No gathering or target in a kelurahan comes near a million: a larger count is a typo (and would not fit the database).
COUNT_MAX = 1_000_000


def parse_count(value: Cell) -> int | None:
    """A head count or target: 25, '25', '25 orang', '1.234'; None when blank; never negative, at most COUNT_MAX."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0 or not float(value).is_integer():  # also NaN and infinity
            raise ValueProblem("import.reason.number_invalid", value=cell_text(value)[:40])
        count = int(value)
    else:
        text = cell_text(value)
        _refuse_formula(text)
        if not text:
            return None
        # At most ten digits: a longer "number" is a mistake, and int() of thousands of digits is refused anyway.
        match = re.fullmatch(r"([0-9]{1,3}(?:\.[0-9]{3}){1,3}|[0-9]{1,10})(?:\s*[a-zA-Z ]+)?", text)
        if not match:
            raise ValueProblem("import.reason.number_invalid", value=text[:40])
        count = int(match.group(1).replace(".", ""))  # Indonesian thousands separator
    if count > COUNT_MAX:
        raise ValueProblem("import.reason.number_too_large", value=f"{count:,}".replace(",", ".")[:40])
    return count


def parse_coordinate(value: Cell) -> float | None:
    """A latitude or longitude: -7.655 or '-7,655' (decimal comma); None when blank."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = cell_text(value)
    _refuse_formula(text)
    if not text:
        return None
    try:
        return float(text.replace(",", ".").replace("−", "-"))
    except ValueError:
        raise ValueProblem("import.reason.number_invalid", value=text[:40]) from None


def parse_phone(value: Cell) -> str | None:
    """A phone number; Excel turns 0812… into the number 812…, so a leading 0 is put back."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = cell_text(value)
        return "0" + text if text.startswith("8") else text
    text = cell_text(value)
    return text or None


def parse_external_id(value: Cell) -> str | None:
    """A report or activity number as text ('12', 'LP-2026-001'); None when blank."""
    text = cell_text(value)
    return text[:100] or None
