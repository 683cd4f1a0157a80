"""The query functions behind the pages, timed on their own with the pages' default filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from kutorejo_data.analytics import metrics, overview, resolution
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.records import reports

Query = Callable[[Connection, ReportFilters, datetime], Any]

# name → call. One line per function a page needs; add the functions of a new page here.
KEY_QUERIES: dict[str, Query] = {
    "overview.kpi_comparison": lambda c, f, now: overview.kpi_comparison(c, f, now=now),
    "overview.monthly_flow": lambda c, f, now: overview.monthly_flow(c, f),
    "overview.breakdown_by_area": lambda c, f, now: overview.breakdown_by_area(c, f),
    "overview.breakdown_by_category": lambda c, f, now: overview.breakdown_by_category(c, f),
    "reports.count_reports": lambda c, f, now: reports.count_reports(c, f),
    "reports.report_page": lambda c, f, now: reports.report_page(c, f, now=now),
    "reports.report_detail": lambda c, f, now: reports.report_detail(c, _latest_report(c), now=now),
    "resolution.status_flow": lambda c, f, now: resolution.status_flow(c, f),
    "resolution.timing": lambda c, f, now: resolution.timing(c, f),
    "resolution.monthly_timing": lambda c, f, now: resolution.monthly_timing(c, f),
    "resolution.backlog_by_age": lambda c, f, now: resolution.backlog_by_age(c, f, now=now),
    "resolution.backlog_by_area": lambda c, f, now: resolution.backlog_by_area(c, f, now=now),
    "resolution.overdue_reports": lambda c, f, now: resolution.overdue_reports(c, f, now=now),
    "metrics.terlambat": lambda c, f, now: metrics.terlambat(c, f, now=now),
    "resolution.area_comparison": lambda c, f, now: resolution.area_comparison(c, f, now=now),
}


def _latest_report(conn: Connection) -> int:
    """The newest report number (the detail a reader most likely opens)."""
    return int(conn.exec_driver_sql("SELECT MAX(id) FROM laporan").scalar_one())
