"""Stored monthly figures (rekap_bulanan): always what computing the month now gives, on both databases."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, delete, func, select, update

from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from kutorejo_data.core.models import RT, Laporan, RekapBulanan
from kutorejo_data.demo.generate import generate_demo
from kutorejo_data.records.report_writes import NewReport, create_report
from kutorejo_data.store.monthly_rekap import compute, monthly_figures

from .factories import KUTOREJO, add_area, add_report

TODAY = date(2026, 11, 29)
YEAR = (date(2025, 12, 1), date(2026, 11, 29))  # eleven closed months and the running one


@pytest.fixture
def small_demo(any_db: Engine) -> Engine:
    """A 600-report demo on each backend, ending today, with the store emptied (so reads fill it)."""
    generate_demo(any_db, seed=3, months=14, reports=600, end=TODAY)
    with any_db.begin() as conn:
        conn.execute(delete(RekapBulanan))
    return any_db


def _figures(engine: Engine, filters: ReportFilters) -> pd.DataFrame:
    with engine.connect() as conn:
        return monthly_figures(conn, filters, EVERYTHING, *YEAR, today=TODAY)


def _computed_now(engine: Engine, filters: ReportFilters) -> pd.DataFrame:
    with engine.connect() as conn:
        return compute(conn, filters, EVERYTHING, *YEAR)


def _stored_rows(engine: Engine, **where: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(RekapBulanan).filter_by(**where)).scalar_one())


def _rt_of(engine: Engine, rw: str, rt: str) -> int:
    with engine.connect() as conn:
        return add_area(conn, rw=rw, rt=rt).rt_id


AREAS = [
    pytest.param(ReportFilters(), id="every-kelurahan"),
    pytest.param(ReportFilters(kelurahan_kode=KUTOREJO), id="kelurahan"),
    pytest.param(ReportFilters(kelurahan_kode=KUTOREJO, rw="03"), id="rw"),
    pytest.param(ReportFilters(kelurahan_kode=KUTOREJO, rw="03", rt="002"), id="rt"),
]


@pytest.mark.parametrize("filters", AREAS)
def test_stored_months_are_what_computing_them_gives(small_demo: Engine, filters: ReportFilters) -> None:
    first_read = _figures(small_demo, filters)
    assert _stored_rows(small_demo) == 11  # the closed months of this area, stored on the first read
    second_read = _figures(small_demo, filters)
    expected = _computed_now(small_demo, filters)
    pd.testing.assert_frame_equal(first_read, expected, check_dtype=False)
    pd.testing.assert_frame_equal(second_read, expected, check_dtype=False)
    assert expected["selesai"].sum() > 0 and expected["masuk"].sum() > 0


def test_the_running_month_and_other_filters_are_never_stored(small_demo: Engine) -> None:
    by_category = ReportFilters(kelurahan_kode=KUTOREJO, kategori=("sampah-kebersihan",))
    figures = _figures(small_demo, by_category)
    pd.testing.assert_frame_equal(figures, _computed_now(small_demo, by_category), check_dtype=False)
    assert _stored_rows(small_demo) == 0
    _figures(small_demo, ReportFilters(kelurahan_kode=KUTOREJO))
    assert _stored_rows(small_demo, bulan="2026-11") == 0


def test_a_report_backdated_into_a_closed_month_forgets_that_month_of_its_areas_only(small_demo: Engine) -> None:
    kelurahan, rw03, rw04 = (
        ReportFilters(kelurahan_kode=KUTOREJO),
        ReportFilters(kelurahan_kode=KUTOREJO, rw="03"),
        ReportFilters(kelurahan_kode=KUTOREJO, rw="04"),
    )
    before = _figures(small_demo, rw03).set_index("bulan")
    _figures(small_demo, kelurahan), _figures(small_demo, rw04)
    create_report(
        small_demo,
        NewReport(KUTOREJO, "03", "002", "sampah-kebersihan", "Sampah menumpuk", reported_at=datetime(2026, 6, 10, 9)),
        actor="uji",
        now=datetime(2026, 11, 29, 10),
    )
    assert _stored_rows(small_demo, bulan="2026-06") == 1  # only RW 04's June is still stored
    assert _stored_rows(small_demo, bulan="2026-05") == 3
    after = _figures(small_demo, rw03).set_index("bulan")
    assert after.loc["2026-06", "masuk"] == before.loc["2026-06", "masuk"] + 1
    for filters in (kelurahan, rw03, rw04):
        pd.testing.assert_frame_equal(
            _figures(small_demo, filters), _computed_now(small_demo, filters), check_dtype=False
        )


def test_a_resolution_recorded_in_a_closed_month_forgets_that_month(any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        add_report(conn, area, "drainase-banjir", datetime(2026, 3, 2, 8), [(datetime(2026, 3, 4, 8), "selesai", "rt")])
    rw03 = ReportFilters(kelurahan_kode=KUTOREJO, rw="03")
    march = _figures(any_db, rw03).set_index("bulan").loc["2026-03"]
    assert (march["masuk"], march["selesai"], march["selesai_median"]) == (1, 1, 2.0)
    with any_db.begin() as conn:  # an import brings a late-entered resolution from March
        late_entry = [(datetime(2026, 3, 10, 8), "selesai", "rt")]
        add_report(conn, area, "drainase-banjir", datetime(2026, 2, 20, 8), late_entry)
    assert _stored_rows(any_db, bulan="2026-03") == 0
    assert _stored_rows(any_db, bulan="2026-04") == 1
    march = _figures(any_db, rw03).set_index("bulan").loc["2026-03"]
    assert (march["masuk"], march["selesai"], march["selesai_median"]) == (1, 2, 10.0)


def test_moving_a_report_to_another_rt_forgets_both_areas(small_demo: Engine) -> None:
    old_rt, new_rt = (
        ReportFilters(kelurahan_kode=KUTOREJO, rw="03", rt="002"),
        ReportFilters(kelurahan_kode=KUTOREJO, rw="03", rt="001"),
    )
    _figures(small_demo, old_rt), _figures(small_demo, new_rt)
    with small_demo.begin() as conn:
        moved = conn.execute(
            select(Laporan.id).where(Laporan.rt_id == _rt_of(small_demo, "03", "002")).order_by(Laporan.id).limit(1)
        ).scalar_one()
        target = conn.execute(select(RT.id).where(RT.id == _rt_of(small_demo, "03", "001"))).scalar_one()
        conn.execute(update(Laporan).where(Laporan.id == moved).values(rt_id=target))
    assert _stored_rows(small_demo, tingkat="rt") == 0
    for filters in (old_rt, new_rt):
        pd.testing.assert_frame_equal(
            _figures(small_demo, filters), _computed_now(small_demo, filters), check_dtype=False
        )


def test_two_readers_filling_the_same_months_store_each_month_once(small_demo: Engine) -> None:
    kelurahan = ReportFilters(kelurahan_kode=KUTOREJO)
    with small_demo.connect() as first, small_demo.connect() as second:
        first_read = monthly_figures(first, kelurahan, EVERYTHING, *YEAR, today=TODAY)
        second_read = monthly_figures(second, kelurahan, EVERYTHING, *YEAR, today=TODAY)
    pd.testing.assert_frame_equal(first_read, second_read)
    assert _stored_rows(small_demo) == 11


def test_the_demo_stores_the_trend_months_of_every_area(any_db: Engine) -> None:
    generate_demo(any_db, seed=5, months=14, reports=300, end=TODAY)
    with any_db.connect() as conn:
        stored = conn.execute(
            select(
                RekapBulanan.tingkat, func.count(), func.min(RekapBulanan.bulan), func.max(RekapBulanan.bulan)
            ).group_by(RekapBulanan.tingkat)
        ).all()
        rts = conn.execute(select(func.count()).select_from(RT)).scalar_one()
    by_level = {tingkat: (n, first, last) for tingkat, n, first, last in stored}
    # Twelve closed months: the meeting of October (told in November) shows November 2025 to October 2026.
    assert by_level["kelurahan"] == (12, "2025-11", "2026-10")
    assert by_level["rt"] == (12 * rts, "2025-11", "2026-10")
    assert by_level["rw"][0] % 12 == 0 and by_level["rw"][0] > 0
    kelurahan = ReportFilters(kelurahan_kode=KUTOREJO)
    pd.testing.assert_frame_equal(_figures(any_db, kelurahan), _computed_now(any_db, kelurahan), check_dtype=False)
