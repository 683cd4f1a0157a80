"""One clock: only kutorejo_data.core.config reads the wall clock, and KUTOREJO_NOW pins it for a whole process."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from kutorejo_data.core import config

ROOT = Path(__file__).resolve().parent.parent
THE_CLOCK = ROOT / "kutorejo_data" / "core" / "config.py"
# Calls that read the wall clock (by their last two name parts), and SQL that asks the database for its time.
CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("func", "now"),
    ("func", "current_timestamp"),
    ("func", "current_date"),
    ("func", "localtimestamp"),
}
CLOCK_SQL = re.compile(r"current_timestamp|current_date|localtimestamp|\bnow\(\)|'now'", re.IGNORECASE)


def _sources() -> list[Path]:
    return sorted([*(ROOT / "kutorejo_data").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def _dotted(node: ast.expr) -> tuple[str, ...]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.insert(0, node.id)
    return tuple(parts)


def _clock_reads(source: str) -> list[str]:
    """Each wall-clock read in a module's source, as `line what`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _dotted(node.func)[-2:] in CLOCK_CALLS:
            found.append(f"{node.lineno} {'.'.join(_dotted(node.func))}()")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and CLOCK_SQL.search(node.value):
            found.append(f"{node.lineno} SQL clock in {node.value[:60]!r}")
    return found


def test_nothing_but_the_config_reads_the_wall_clock() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{read}"
        for path in _sources()
        if path != THE_CLOCK
        for read in _clock_reads(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "read the time through kutorejo_data.core.config.now_local():\n" + "\n".join(offenders)


def test_the_scan_notices_clock_reads_in_code_and_in_sql() -> None:
    source = "import datetime\nx = datetime.date.today()\ny = func.now()\nz = 'SELECT CURRENT_TIMESTAMP'\n"
    expected = ["2 datetime.date.today()", "3 func.now()", "4 SQL clock in 'SELECT CURRENT_TIMESTAMP'"]
    assert _clock_reads(source) == expected


def test_kutorejo_now_pins_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.NOW_ENV, "2026-12-01T07:30")
    assert config.now_local() == datetime(2026, 12, 1, 7, 30)
    assert config.today_local() == datetime(2026, 12, 1).date()
    assert config.pinned_now() == datetime(2026, 12, 1, 7, 30)


def test_a_pin_with_an_offset_is_stated_in_wib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.NOW_ENV, "2026-11-30T17:30:00+00:00")
    assert config.now_local() == datetime(2026, 12, 1, 0, 30)


def test_a_malformed_pin_is_refused_with_an_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.NOW_ENV, "besok pagi")
    with pytest.raises(config.ClockSettingError, match="KUTOREJO_NOW=2026-12-01T07:30"):
        config.now_local()


def test_the_running_clock_is_wib_while_utc_is_still_the_previous_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.NOW_ENV)
    with time_machine.travel(datetime(2026, 12, 31, 17, 30, tzinfo=UTC), tick=False):
        assert config.pinned_now() is None
        assert config.now_local() == datetime(2027, 1, 1, 0, 30)
        assert config.today_local().isoformat() == "2027-01-01"
