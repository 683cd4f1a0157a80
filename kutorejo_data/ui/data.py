"""Cached wrappers around the query layer. Cache keys include the database, the filters and the scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from .. import queries
from ..filters import ReportFilters, Scope
from .context import engine_for

# Short enough that a report recorded elsewhere shows up within a minute without manual refresh.
CACHE_TTL_SECONDS = 60


@dataclass(frozen=True)
class Overview:
    """Everything the Ringkasan page shows for one filter."""

    kpis: queries.KpiComparison
    flow: pd.DataFrame
    by_area: pd.DataFrame
    by_category: pd.DataFrame


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def database_status(db_url: str) -> tuple[bool, bool]:
    """(has reports, is demo data) for the database."""
    with engine_for(db_url).connect() as conn:
        return queries.has_reports(conn), queries.is_demo_database(conn)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def kelurahan_options(db_url: str, scope: Scope) -> list[queries.AreaOption]:
    """Kelurahan the reader may pick."""
    with engine_for(db_url).connect() as conn:
        return queries.kelurahan_options(conn, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def rw_options(db_url: str, kelurahan_kode: str, scope: Scope) -> list[queries.AreaOption]:
    """RWs of a kelurahan the reader may pick."""
    with engine_for(db_url).connect() as conn:
        return queries.rw_options(conn, kelurahan_kode, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def rt_options(db_url: str, kelurahan_kode: str, rw: str, scope: Scope) -> list[queries.AreaOption]:
    """RTs of an RW the reader may pick."""
    with engine_for(db_url).connect() as conn:
        return queries.rt_options(conn, kelurahan_kode, rw, scope)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def overview(db_url: str, filters: ReportFilters, scope: Scope, now: datetime) -> Overview:
    """KPIs with comparison, the monthly flow and both breakdowns, in one cached call."""
    with engine_for(db_url).connect() as conn:
        return Overview(
            kpis=queries.kpi_comparison(conn, filters, scope, now=now),
            flow=queries.monthly_flow(conn, filters, scope),
            by_area=queries.breakdown_by_area(conn, filters, scope),
            by_category=queries.breakdown_by_category(conn, filters, scope),
        )


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def category_names(db_url: str) -> dict[str, str]:
    """Category slug → name."""
    with engine_for(db_url).connect() as conn:
        return queries.category_names(conn)


def invalidate_cached_reads() -> None:
    """Forget every cached query result, so a write shows up on the next rerun."""
    st.cache_data.clear()
