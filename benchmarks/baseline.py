"""The naive way, as the yardstick: read the whole reports and history tables with pandas, filter and group there.

Run as `python -m benchmarks.baseline DB_URL --repeat N`; prints one JSON object. Each page's baseline time is the
time to read the tables (every run of a naive page reads them again) plus the time to answer that page's questions
in pandas: the same figures the page shows, for the pages' default filter (this month, the whole kelurahan).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import Connection

from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.domain import INVALID_STATUSES, OPEN_STATUSES
from kutorejo_data.core.periods import add_months, month_start, preset_period, previous_period
from kutorejo_data.ui.frame.url_params import DEFAULT_PRESET

DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class Tables:
    """Everything a naive page reads, whole."""

    laporan: pd.DataFrame
    history: pd.DataFrame
    kategori: pd.DataFrame
    rw: pd.DataFrame


def read_tables(conn: Connection) -> Tables:
    """SELECT * of the report and history tables (and the small lookups) into DataFrames."""
    laporan = pd.read_sql("SELECT * FROM laporan", conn, parse_dates=["reported_at", "created_at", "updated_at"])
    history = pd.read_sql("SELECT * FROM status_history", conn, parse_dates=["changed_at"])
    return Tables(laporan, history, pd.read_sql("SELECT * FROM kategori", conn), pd.read_sql("SELECT * FROM rw", conn))


def _days(delta: pd.Series) -> pd.Series:
    return delta / DAY


def _status_at(t: Tables, end: datetime) -> pd.Series:
    """Status of every report just before `end`, from its last history entry before it."""
    before = t.history[t.history["changed_at"] < end].sort_values(["changed_at", "id"])
    return before.groupby("laporan_id")["to_status"].last()


def _resolved_in(t: Tables, start: datetime, end: datetime) -> pd.Series:
    h = t.history
    done = h[(h["to_status"] == "selesai") & (h["changed_at"] >= start) & (h["changed_at"] < end)]
    return done.groupby("laporan_id")["changed_at"].max()


def _open_at(t: Tables, end: datetime, now: datetime) -> pd.DataFrame:
    rep = t.laporan
    if end >= now:
        return rep[(rep["reported_at"] < now) & rep["status"].isin(OPEN_STATUSES)].assign(moment=now)
    status = rep["id"].map(_status_at(t, end))
    return rep[(rep["reported_at"] < end) & status.isin(OPEN_STATUSES)].assign(moment=end)


def _kpis(t: Tables, start: datetime, end: datetime, now: datetime) -> dict[str, float]:
    rep = t.laporan
    received = rep[(rep["reported_at"] >= start) & (rep["reported_at"] < end)]
    valid = received[~received["status"].isin(INVALID_STATUSES)]
    resolved = _resolved_in(t, start, end)
    durations = _days(resolved - rep.set_index("id").loc[resolved.index, "reported_at"])
    open_ = _open_at(t, end, now).merge(t.kategori[["id", "sla_hari"]], left_on="kategori_id", right_on="id")
    return {
        "masuk": len(received),
        "selesai": len(resolved),
        "tingkat": (valid["status"] == "selesai").mean() if len(valid) else None,
        "median": durations.median(),
        "terbuka": len(open_),
        "terlambat": int((_days(open_["moment"] - open_["reported_at"]) > open_["sla_hari"]).sum()),
    }


def ringkasan(t: Tables, start: datetime, end: datetime, now: datetime) -> object:
    """KPIs now and in the previous period, received/resolved per month, per RW and per category by outcome."""
    prev_dari, prev_sampai = previous_period(start.date(), (end - DAY).date())
    prev = _kpis(
        t,
        datetime.combine(prev_dari, datetime.min.time()),
        datetime.combine(prev_sampai, datetime.min.time()) + DAY,
        now,
    )
    first = datetime.combine(month_start(add_months(start.date(), -11)), datetime.min.time())
    rep = t.laporan
    in_year = rep[(rep["reported_at"] >= first) & (rep["reported_at"] < end)]
    masuk = in_year.groupby(in_year["reported_at"].dt.strftime("%Y-%m")).size()
    resolved = _resolved_in(t, first, end)
    selesai = resolved.groupby(resolved.dt.strftime("%Y-%m")).size()
    received = rep[(rep["reported_at"] >= start) & (rep["reported_at"] < end)]
    outcome = received["status"].map(lambda s: "terbuka" if s in OPEN_STATUSES else s)
    by_rw = received.groupby([received["rw_id"], outcome]).size().unstack(fill_value=0)
    by_kategori = received.groupby([received["kategori_id"], outcome]).size().unstack(fill_value=0)
    return _kpis(t, start, end, now), prev, masuk, selesai, by_rw, by_kategori


def masalah(t: Tables, start: datetime, end: datetime, now: datetime) -> object:
    """The number of matching reports and the newest 50 with their age and SLA."""
    rep = t.laporan
    chosen = rep[(rep["reported_at"] >= start) & (rep["reported_at"] < end)]
    last_change = t.history.groupby("laporan_id")["changed_at"].max()
    page = chosen.sort_values(["reported_at", "id"], ascending=False).head(50)
    closed_at = page["id"].map(last_change)
    age = _days(closed_at.where(~page["status"].isin(OPEN_STATUSES), now) - page["reported_at"])
    return len(chosen), page.assign(umur=age).merge(
        t.kategori[["id", "sla_hari"]], left_on="kategori_id", right_on="id"
    )


def _percentiles(values: pd.Series, by: pd.Series | None = None) -> pd.DataFrame | pd.Series:
    if by is None:
        return values.quantile([0.5, 0.9])
    return values.groupby(by).quantile([0.5, 0.9]).unstack()


def penyelesaian(t: Tables, start: datetime, end: datetime, now: datetime) -> object:
    """Flow, response/resolution percentiles overall, per category, handler and month, backlog and comparison."""
    rep, h = t.laporan, t.history
    received = rep[(rep["reported_at"] >= start) & (rep["reported_at"] < end)].set_index("id")
    first_response = h[h["from_status"] == "baru"].groupby("laporan_id")["changed_at"].min()
    reached = h[h["to_status"].isin(["diproses", "selesai"])]["laporan_id"].unique()
    flow = {
        "masuk": len(received),
        "ditanggapi": received.index.isin(first_response.index).sum(),
        "diproses": received.index.isin(reached).sum(),
        **received["status"].value_counts().to_dict(),
    }
    response = _days(first_response.reindex(received.index) - received["reported_at"]).dropna()
    resolved = _resolved_in(t, start, end)
    by_id = rep.set_index("id")
    resolution = _days(resolved - by_id.loc[resolved.index, "reported_at"])
    handler = by_id["penanganan"].fillna("belum")
    first = datetime.combine(month_start(add_months(start.date(), -11)), datetime.min.time())
    year_resolved = _resolved_in(t, first, end)
    year_days = _days(year_resolved - by_id.loc[year_resolved.index, "reported_at"])
    open_ = _open_at(t, end, now).merge(t.kategori[["id", "sla_hari"]], left_on="kategori_id", right_on="id")
    open_age = _days(open_["moment"] - open_["reported_at"])
    late = open_age > open_["sla_hari"]
    buckets = pd.cut(open_age, [-1, 8, 31, 91, float("inf")], right=False)
    return (
        flow,
        _percentiles(response),
        _percentiles(resolution),
        _percentiles(response, by_id.loc[response.index, "kategori_id"]),
        _percentiles(resolution, by_id.loc[resolution.index, "kategori_id"]),
        _percentiles(response, handler.loc[response.index]),
        _percentiles(resolution, handler.loc[resolution.index]),
        _percentiles(year_days, year_resolved.dt.strftime("%Y-%m")),
        open_age.groupby(buckets, observed=False).size(),
        late.groupby(buckets, observed=False).sum(),
        open_.groupby("rw_id").agg(terbuka=("id_x", "size"), terlambat=("sla_hari", lambda s: late[s.index].sum())),
        open_.assign(lewat=open_age - open_["sla_hari"])[late].nlargest(50, "lewat"),
        received.groupby("rw_id")["status"].agg(["size", lambda s: (s == "selesai").sum()]),
        _percentiles(resolution, by_id.loc[resolution.index, "rw_id"]),
    )


# page (file stem) → its questions answered the naive way. A page without an entry gets no baseline ratio.
PAGE_QUESTIONS: dict[str, Callable[[Tables, datetime, datetime, datetime], object]] = {
    "ringkasan": ringkasan,
    "masalah": masalah,
    "penyelesaian": penyelesaian,
}


def main(argv: list[str] | None = None) -> int:
    """Time the naive read and each page's naive questions; print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.baseline")
    parser.add_argument("db_url")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    engine = make_engine(args.db_url)
    now = now_local().replace(second=0)
    dari, sampai = preset_period(DEFAULT_PRESET, now.date())
    start, end = (
        datetime.combine(dari, datetime.min.time()),
        datetime.combine(sampai + timedelta(days=1), datetime.min.time()),
    )
    reads, answers = [], {name: [] for name in PAGE_QUESTIONS}
    for _ in range(args.repeat):
        started = time.perf_counter()
        with engine.connect() as conn:
            tables = read_tables(conn)
        reads.append(time.perf_counter() - started)
        for name, questions in PAGE_QUESTIONS.items():
            started = time.perf_counter()
            questions(tables, start, end, now)
            answers[name].append(time.perf_counter() - started)
        del tables
    read_ms = statistics.median(reads) * 1000
    pages = {name: round(read_ms + statistics.median(s) * 1000, 1) for name, s in answers.items()}
    json.dump({"read_ms": round(read_ms, 1), "pages_ms": pages}, sys.stdout)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
