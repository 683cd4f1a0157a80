"""The pages' queries read reports and history through indexes, never by scanning the whole table.

Every statement a query function sends is captured and explained: on SQLite no plan step may be a `SCAN` of
laporan or status_history (a full pass over the table or one of its indexes); on PostgreSQL, with sequential scans
disabled, no step may still be a `Seq Scan` of them (which it is only when no index can serve the query).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, event

from kutorejo_data.analytics import capacity, metrics, musrenbang, overview, resolution
from kutorejo_data.core.config import DEFAULT_KELURAHAN_KODE
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.demo.generate import generate_demo
from kutorejo_data.records import reports
from kutorejo_data.store.migrate import migrate
from tests.conftest import DEMO_END, DEMO_SEED, _throwaway_pg_database

NOW = datetime.combine(DEMO_END, datetime.max.time()).replace(microsecond=0)
THIS_MONTH = ReportFilters(kelurahan_kode=DEFAULT_KELURAHAN_KODE, dari=DEMO_END.replace(day=1), sampai=DEMO_END)
ONE_RW = ReportFilters(kelurahan_kode=DEFAULT_KELURAHAN_KODE, rw="03", dari=DEMO_END.replace(day=1), sampai=DEMO_END)
PAST_MONTH = ReportFilters(kelurahan_kode=DEFAULT_KELURAHAN_KODE, dari=date(2026, 6, 1), sampai=date(2026, 6, 30))
FILTERS = {"this month": THIS_MONTH, "one RW": ONE_RW, "a past month": PAST_MONTH}

Query = Callable[[Connection, ReportFilters], Any]
QUERIES: dict[str, Query] = {
    "kpi_comparison": lambda c, f: overview.kpi_comparison(c, f, now=NOW),
    "monthly_flow": overview.monthly_flow,
    "breakdown_by_area": overview.breakdown_by_area,
    "breakdown_by_category": overview.breakdown_by_category,
    "count_reports": reports.count_reports,
    "report_page": lambda c, f: reports.report_page(c, f, now=NOW),
    "report_detail": lambda c, f: reports.report_detail(c, 7, now=NOW),
    "status_flow": resolution.status_flow,
    "timing": resolution.timing,
    "monthly_timing": resolution.monthly_timing,
    "backlog_by_age": lambda c, f: resolution.backlog_by_age(c, f, now=NOW),
    "overdue_reports": lambda c, f: resolution.overdue_reports(c, f, now=NOW),
    "area_comparison": lambda c, f: resolution.area_comparison(c, f, now=NOW),
    "terlambat": lambda c, f: metrics.terlambat(c, f, now=NOW),
    "capacity_scorecard": lambda c, f: capacity.scorecard(c, f, "rt", now=NOW),
}
FULL_SCAN = {
    "sqlite": re.compile(r"^SCAN (laporan|status_history)\b"),
    "postgresql": re.compile(r"Seq Scan on (laporan|status_history)\b"),
}


@pytest.fixture(scope="module")
def planned_db(request, tmp_path_factory) -> Iterator[Engine]:
    """Demo data on each backend, with planner statistics, as after `python -m kutorejo_data demo`."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('plans') / 'plans.sqlite3'}")
        migrate(engine)
        generate_demo(engine, seed=DEMO_SEED, end=DEMO_END, reports=3000)
        yield engine
        engine.dispose()
        return
    pg_admin = request.getfixturevalue("pg_admin")
    template = request.getfixturevalue("pg_template")
    for url in _throwaway_pg_database(pg_admin, template):
        engine = make_engine(url)
        generate_demo(engine, seed=DEMO_SEED, end=DEMO_END, reports=3000)
        yield engine
        engine.dispose()


@contextmanager
def captured(conn: Connection) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements (with their parameters) sent on `conn` inside the block."""
    statements: list[tuple[str, Any]] = []

    def note(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(conn, "before_cursor_execute", note)


def plan(conn: Connection, statement: str, parameters: Any) -> list[str]:
    """The plan steps of one statement, one line each."""
    if conn.dialect.name == "sqlite":
        return [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    return [row[0] for row in conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)]


@pytest.mark.parametrize("planned_db", ["sqlite", "postgresql"], indirect=True)
@pytest.mark.parametrize("filters", FILTERS.values(), ids=FILTERS.keys())
@pytest.mark.parametrize("name", QUERIES)
def test_page_queries_read_reports_and_history_through_indexes(
    planned_db: Engine, name: str, filters: ReportFilters
) -> None:
    with planned_db.connect() as conn:
        if conn.dialect.name == "postgresql":
            # A few thousand rows fit in a few pages, where a sequential scan is rightly cheaper: ask whether an
            # index *can* serve the query, which is what matters at a million rows.
            conn.exec_driver_sql("SET enable_seqscan = off")
        with captured(conn) as statements:
            QUERIES[name](conn, filters)
        full_scans = [
            (statement, step)
            for statement, parameters in statements
            for step in plan(conn, statement, parameters)
            if FULL_SCAN[conn.dialect.name].search(step.strip())
        ]
    assert statements
    assert not full_scans, f"{name} reads a whole table: {full_scans[0][1]!r} in\n{full_scans[0][0]}"


@pytest.mark.parametrize("planned_db", ["sqlite", "postgresql"], indirect=True)
def test_each_recurring_problems_latest_reports_are_read_from_the_end_of_its_group(planned_db: Engine) -> None:
    with planned_db.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
        with captured(conn) as statements:
            musrenbang.candidates(conn, now=NOW)
        latest = [(s, p) for s, p in statements if "kelompok" in s]
        steps = [step for statement, parameters in latest for step in plan(conn, statement, parameters)]
    assert latest
    assert any("ix_laporan_rw_rt_kategori" in step for step in steps), steps
    assert not any(FULL_SCAN[conn.dialect.name].search(step.strip()) for step in steps), steps
