"""Tables counted in one pass and added up per grouping: every grouping of the same reports adds up to the same."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine

from kutorejo_data.analytics.accountability import COLUMNS, on_time_tables
from kutorejo_data.analytics.satisfaction import COUNTS, satisfaction
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope

NOW = datetime(2026, 11, 29, 20, 0)
PERIODS = [(date(2025, 12, 1), date(2026, 1, 31)), (date(2026, 11, 1), date(2026, 11, 29))]


@pytest.mark.parametrize(("rw", "scope"), [(None, EVERYTHING), ("03", EVERYTHING), (None, Scope(rw="05"))])
@pytest.mark.parametrize(("dari", "sampai"), PERIODS)
def test_the_three_on_time_tables_count_the_same_reports(
    demo_db: Engine, rw: str | None, scope: Scope, dari: date, sampai: date
) -> None:
    filters = ReportFilters(rw=rw, dari=dari, sampai=sampai)
    with demo_db.connect() as conn:
        tables = on_time_tables(conn, filters, scope, now=NOW)
    level, person, area = (t[COLUMNS[1:]].sum().tolist() for t in (tables.by_level, tables.by_person, tables.by_area))
    assert level == person == area
    assert level[0] > 0  # the demo has reports in both periods


@pytest.mark.parametrize("rw", [None, "03"])
@pytest.mark.parametrize(("dari", "sampai"), PERIODS)
def test_satisfaction_per_area_and_per_category_add_up_to_the_whole(
    demo_db: Engine, rw: str | None, dari: date, sampai: date
) -> None:
    with demo_db.connect() as conn:
        figures = satisfaction(conn, ReportFilters(rw=rw, dari=dari, sampai=sampai), EVERYTHING)
    whole = [figures.total[column] for column in COUNTS]
    assert whole[0] > 0
    assert figures.by_area[COUNTS].sum().tolist() == whole
    assert figures.by_category[COUNTS].sum().tolist() == whole
