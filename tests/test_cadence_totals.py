"""The comparison period's held-vs-expected sums, counted without the grid, equal the grid's own sums."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from kutorejo_data.analytics.cadence import cadence_grid, cadence_totals
from kutorejo_data.core.filters import Scope, resolve_area
from kutorejo_data.core.units import units_by_level

RWS = (None, "01", "03", "07")
RTS = (None, "001", "002")


def grid_sums(engine: Engine, rw: str | None, rt: str | None, dari: date, sampai: date) -> tuple[tuple[int, int], ...]:
    with engine.connect() as conn:
        area = resolve_area(conn, None, rw, rt if rw else None, Scope())
        grid = cadence_grid(conn, area, dari, sampai)
        totals = cadence_totals(conn, area, dari, sampai)
        assert cadence_totals(conn, area, dari, sampai, units_by_level(conn, area)) == totals
    return (int(grid["held"].sum()), int(grid["expected"].sum())), totals


def test_totals_over_a_year_boundary_and_a_running_month(demo_db: Engine) -> None:
    for dari, sampai in ((date(2025, 12, 1), date(2026, 1, 31)), (date(2026, 11, 1), date(2026, 11, 29))):
        from_grid, counted = grid_sums(demo_db, None, None, dari, sampai)
        assert counted == from_grid
        assert from_grid[1] > 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rw=st.sampled_from(RWS),
    rt=st.sampled_from(RTS),
    dari=st.dates(date(2024, 1, 1), date(2027, 2, 1)),
    days=st.integers(0, 800),
)
def test_totals_equal_the_grid_for_any_area_and_period(
    demo_db: Engine, rw: str | None, rt: str | None, dari: date, days: int
) -> None:
    from_grid, counted = grid_sums(demo_db, rw, rt, dari, dari + timedelta(days=days))
    assert counted == from_grid
