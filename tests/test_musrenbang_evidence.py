"""A recurring problem's count, dates and listed evidence are its group's, by the definition, whatever the scope, the
day and how many reports the evidence lists: LAPORAN_BERULANG's valid reports of the 12 months, per RT and category
(or per RW where no single RT reaches the threshold), the most recent listed, oldest first."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from kutorejo_data.analytics import musrenbang
from kutorejo_data.analytics.metrics import RECURRING_MIN_REPORTS
from kutorejo_data.core.config import DEFAULT_KELURAHAN_KODE
from kutorejo_data.core.domain import INVALID_STATUSES
from kutorejo_data.core.filters import Scope, area_conditions, day_after, day_start, resolve_area
from kutorejo_data.core.models import Laporan

KELURAHAN = DEFAULT_KELURAHAN_KODE
SCOPES = (
    Scope(),
    Scope(kelurahan_kode=KELURAHAN),
    Scope(kelurahan_kode=KELURAHAN, rw="03"),
    Scope(kelurahan_kode=KELURAHAN, rw="07", rt="001"),
)
Evidence = tuple[int, datetime, datetime, tuple[int, ...]]


def _summary(rows: list[Any], listed: int) -> Evidence:
    rows = sorted(rows, key=lambda r: (r.reported_at, r.id))
    return len(rows), rows[0].reported_at, rows[-1].reported_at, tuple(r.id for r in rows[-listed:])


def by_definition(engine: Engine, scope: Scope, today: date, listed: int) -> dict[str, Evidence]:
    """Every recurring group's evidence, from the window's valid reports grouped in Python."""
    span = musrenbang.window(today)
    with engine.connect() as conn:
        area = resolve_area(conn, None, None, None, scope)
        rows = conn.execute(
            select(Laporan.id, Laporan.rw_id, Laporan.rt_id, Laporan.kategori_id, Laporan.reported_at).where(
                *area_conditions(area),
                Laporan.reported_at >= day_start(span.dari),
                Laporan.reported_at < day_after(span.sampai),
                Laporan.status.not_in(INVALID_STATUSES),
            )
        ).all()
    per_rt: dict[tuple[int, int], list[Any]] = defaultdict(list)
    per_rw: dict[tuple[int, int], list[Any]] = defaultdict(list)
    for row in rows:
        per_rt[(row.rt_id, row.kategori_id)].append(row)
        per_rw[(row.rw_id, row.kategori_id)].append(row)
    found = {
        f"rt-{rt}-{kategori}": _summary(group, listed)
        for (rt, kategori), group in per_rt.items()
        if len(group) >= RECURRING_MIN_REPORTS
    }
    covered = {
        (group[0].rw_id, kategori) for (_, kategori), group in per_rt.items() if len(group) >= RECURRING_MIN_REPORTS
    }
    found.update(
        {
            f"rw-{rw}-{kategori}": _summary(group, listed)
            for (rw, kategori), group in per_rw.items()
            if (rw, kategori) not in covered and len(group) >= RECURRING_MIN_REPORTS
        }
    )
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scope=st.sampled_from(SCOPES),
    today=st.dates(date(2025, 12, 31), date(2026, 11, 29)),
    listed=st.integers(1, 30),
)
def test_each_recurring_problem_lists_its_most_recent_valid_reports(
    demo_db: Engine, scope: Scope, today: date, listed: int
) -> None:
    with mock.patch.object(musrenbang, "EVIDENCE_REPORTS", listed), demo_db.connect() as conn:
        found = musrenbang.candidates(conn, now=datetime.combine(today, time(20)), scope=scope)
    recurring = {
        c.kunci: (c.bukti.jumlah_laporan, c.bukti.pertama, c.bukti.terakhir, c.bukti.laporan)
        for c in found
        if not c.judul
    }
    assert recurring == by_definition(demo_db, scope, today, listed)


def test_the_demo_has_recurring_problems_with_more_reports_than_the_evidence_lists(demo_db: Engine) -> None:
    # Keeps the property above from passing on empty answers or on groups the evidence lists whole.
    expected = by_definition(demo_db, Scope(kelurahan_kode=KELURAHAN), date(2026, 11, 29), 3)
    assert len(expected) > 10
    assert any(count > 3 for count, *_ in expected.values())
    assert any(key.startswith("rw-") for key in expected)
