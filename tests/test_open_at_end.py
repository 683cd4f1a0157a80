"""Reports open at a period's end, however their parts are read (on SQLite an RW's changes come from its kelurahan's
index by update time), are exactly the reports whose status as it stood then was open."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.dialects import postgresql, sqlite

from kutorejo_data.analytics import metrics
from kutorejo_data.core.domain import OPEN_STATUSES
from kutorejo_data.core.filters import ReportFilters, Scope, area_conditions, past_due, resolve_area
from kutorejo_data.core.models import Laporan
from kutorejo_data.core.sqlfuncs import not_index_served
from kutorejo_data.meeting.deck import open_by_holder

NOW = datetime(2026, 11, 29, 20, 0)  # the demo's last day
RWS = (None, "01", "03", "07")


def reference(engine: Engine, filters: ReportFilters, scope: Scope) -> tuple[list[int], dict[str, tuple[int, int]]]:
    """The open reports at the period's end by the definition alone (the area as it is, the status and holder as they
    stood), and TERBUKA/TERLAMBAT per holder."""
    assert filters.sampai
    moment = min(NOW, datetime.combine(filters.sampai + timedelta(days=1), datetime.min.time()))
    with engine.connect() as conn:
        area = resolve_area(conn, filters.kelurahan_kode, filters.rw, filters.rt, scope)
        rows = conn.execute(
            select(Laporan.id, metrics.as_it_stood("penanganan", moment, NOW), past_due(moment))
            .where(
                *area_conditions(area),
                Laporan.reported_at < moment,
                metrics.as_it_stood("status", moment, NOW).in_(OPEN_STATUSES),
            )
            .order_by(Laporan.id)
        ).all()
    by_holder: dict[str, tuple[int, int]] = {}
    for _, holder, late in rows:
        n, overdue = by_holder.get(holder or "belum", (0, 0))
        by_holder[holder or "belum"] = (n + 1, overdue + int(bool(late)))
    return [row[0] for row in rows], by_holder


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rw=st.sampled_from(RWS),
    rt=st.sampled_from((None, "001", "002")),
    last_day=st.dates(date(2025, 12, 20), date(2026, 12, 5)),
)
def test_open_reports_at_a_periods_end_are_those_open_as_they_stood(
    demo_db: Engine, rw: str | None, rt: str | None, last_day: date
) -> None:
    filters = ReportFilters(rw=rw, rt=rt if rw else None, dari=last_day.replace(day=1), sampai=last_day)
    expected_ids, expected_by_holder = reference(demo_db, filters, Scope())
    with demo_db.connect() as conn:
        conditions, _ = metrics.open_at_end_conditions(conn, filters, Scope(), NOW)
        ids = list(conn.execute(select(Laporan.id).where(*conditions).order_by(Laporan.id)).scalars())
        follow_ups = open_by_holder(conn, filters, Scope(), now=NOW)
        counts = (metrics.terbuka(conn, filters, now=NOW), metrics.terlambat(conn, filters, now=NOW))
    assert ids == expected_ids
    assert {f.penanganan: (f.terbuka, f.terlambat) for f in follow_ups} == expected_by_holder
    assert counts == (len(expected_ids), sum(late for _, late in expected_by_holder.values()))


def test_the_demo_has_reports_open_at_a_past_months_end_in_an_rw(demo_db: Engine) -> None:
    # Keeps the property above from passing on empty answers: October's end, RW 03, both parts non-empty.
    october = ReportFilters(rw="03", dari=date(2026, 10, 1), sampai=date(2026, 10, 31))
    with demo_db.connect() as conn:
        found = metrics.open_at_end(conn, october, Scope(), NOW)
        sizes = [conn.execute(select(func.count()).where(*part)).scalar_one() for part, _ in found.parts()]
    assert len(sizes) == 2 and all(size > 0 for size in sizes)


def test_a_condition_sqlite_must_not_read_an_index_by_is_the_bare_column_elsewhere() -> None:
    condition = not_index_served(Laporan.reported_at) < datetime(2026, 12, 1)
    on_sqlite = str(condition.compile(dialect=sqlite.dialect()))
    on_postgresql = str(condition.compile(dialect=postgresql.dialect()))
    assert on_sqlite.startswith("(+laporan.reported_at) <")
    assert on_postgresql.startswith("laporan.reported_at <")
