"""Penyelesaian analytics against the hand-made dataset of tests/conftest.py (answers worked out by hand)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine

from kutorejo_data.analytics import area_view, metrics, resolution
from kutorejo_data.analytics.metrics import MIN_REPORTS_FOR_COMPARISON
from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from tests.factories import add_area, add_report, at

NOVEMBER = ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 11, 30))
AFTER_NOVEMBER = at(12, 5, 12)


def test_status_flow_counts_the_furthest_stage_reached(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        flow = resolution.status_flow(conn, NOVEMBER)
    # Received: R1 R2 R3 R4 R7. Responded: all but R4. Reached diproses (or selesai): R1 R2. Selesai now: R1 R2.
    assert flow == {"masuk": 5, "ditanggapi": 4, "diproses": 2, "selesai": 2, "ditolak": 1, "duplikat": 0}


def test_backlog_by_age_uses_the_status_and_age_at_the_end_of_the_period(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        backlog = resolution.backlog_by_age(conn, NOVEMBER, now=AFTER_NOVEMBER)
    # On 1 Dec 00:00: R7 is 5.7 days old, R4 10.7 days (overdue), R6 41.7 days (overdue).
    assert backlog.to_dict("list") == {
        "umur": ["0–7", "8–30", "31–90", ">90"],
        "terbuka": [1, 1, 1, 0],
        "terlambat": [0, 1, 1, 0],
    }


def test_overdue_reports_worst_first(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        overdue = resolution.overdue_reports(conn, NOVEMBER, now=AFTER_NOVEMBER)
    # At the end of November: R6 (sampah, 7 working days from Tuesday 20 Oct) was due at the end of 29 Oct, R4
    # (keamanan, 3 working days from Friday 20 Nov) at the end of 25 Nov.
    end = datetime(2026, 12, 1)
    late = [(end - datetime(2026, 10, 29, 23, 59, 59)), (end - datetime(2026, 11, 25, 23, 59, 59))]
    assert overdue["nomor"].tolist() == [6, 4]
    assert overdue["lewat_sla"].tolist() == pytest.approx([d.total_seconds() / 86400 for d in late])


def test_backlog_by_area_lists_the_most_overdue_unit_first(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        by_area = resolution.backlog_by_area(conn, NOVEMBER, now=AFTER_NOVEMBER)
    assert by_area.to_dict("records") == [
        {"wilayah": "RW 04", "terbuka": 2, "terlambat": 1},
        {"wilayah": "RW 03", "terbuka": 1, "terlambat": 1},
    ]


def test_timing_by_handler_and_the_escalated_share(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        timing = resolution.timing_by_handler(conn, NOVEMBER).set_index("grup")
    # Received in November by current handler: rt R1 R2 R3, rw R7, none yet R4; kelurahan only resolved R5.
    assert timing["masuk"].to_dict() == {"rt": 3, "rw": 1, "kelurahan": 0, "belum": 1}
    assert timing.loc["kelurahan", "selesai_n"] == 1
    # Resolved in November: R1 (10 days, rt), R2 (4 days, rt), R5 (45 days, kelurahan).
    assert timing.loc["rt", "selesai_median"] == pytest.approx(7.0)
    assert timing.loc["rt", "selesai_p90"] == pytest.approx(4 + 0.9 * 6)
    assert resolution.escalated_share(timing["masuk"].to_dict()) == pytest.approx(0.0)


def test_the_overall_times_are_the_medians_and_p90_of_every_report(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        overall = resolution.timing(conn, NOVEMBER).overall
    assert overall["tanggap_median"] == pytest.approx(1.5)  # 0.5, 1, 2, 3 days
    assert overall["selesai_median"] == pytest.approx(10.0)  # 4, 10, 45 days
    assert overall["selesai_p90"] == pytest.approx(10 + 0.8 * 35)


def test_units_below_the_minimum_show_no_figures_and_are_not_ranked(any_db: Engine) -> None:
    with any_db.begin() as conn:
        busy = add_area(conn, rw="01", rt="001")
        quiet = add_area(conn, rw="02", rt="001")
        for day in range(1, MIN_REPORTS_FOR_COMPARISON + 1):
            add_report(conn, busy, "sampah-kebersihan", at(11, day), [(at(11, day, 12), "diverifikasi", "rt")])
        add_report(
            conn,
            quiet,
            "sampah-kebersihan",
            at(11, 2),
            [(at(11, 2, 9), "diproses", "rt"), (at(11, 3), "selesai", "rt")],
        )
    with any_db.connect() as conn:
        comparison = resolution.area_comparison(conn, NOVEMBER, now=AFTER_NOVEMBER).set_index("wilayah")
    assert bool(comparison.loc["RW 01", "cukup_data"]) is True
    assert comparison.loc["RW 01", "tingkat_penyelesaian"] == pytest.approx(0.0)
    assert bool(comparison.loc["RW 02", "cukup_data"]) is False
    # One resolved report must not make RW 02 look perfect: no figures at all.
    assert pd.isna(comparison.loc["RW 02", "tingkat_penyelesaian"])
    assert pd.isna(comparison.loc["RW 02", "median_penyelesaian"])
    assert comparison.index.tolist() == ["RW 01", "RW 02"]


def test_monthly_timing_covers_twelve_months(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        monthly = resolution.monthly_timing(conn, NOVEMBER)
    november = monthly.set_index("bulan").loc["2026-11"]
    assert november["selesai_n"] == 3 and november["selesai_median"] == pytest.approx(10.0)
    assert monthly.set_index("bulan").loc["2026-10", "selesai_n"] == 1  # R8 resolved 20 Oct after 15 days


def test_the_comparison_takes_its_medians_from_the_timing_it_is_given(handmade_db: Engine) -> None:
    for filters in (NOVEMBER, replace(NOVEMBER, rw="03")):
        with handmade_db.connect() as conn:
            alone = resolution.area_comparison(conn, filters, now=AFTER_NOVEMBER)
            reused = resolution.area_comparison(
                conn, filters, now=AFTER_NOVEMBER, timings=resolution.timing(conn, filters)
            )
        pd.testing.assert_frame_equal(alone, reused)
        assert alone["median_penyelesaian"].notna().any() or not alone["cukup_data"].any()


@pytest.mark.parametrize(("rw", "rt"), [(None, None), ("03", None), ("07", None), ("03", "002")])
@pytest.mark.parametrize(
    ("dari", "sampai"),
    [
        (date(2026, 11, 1), date(2026, 11, 30)),  # last month
        (date(2026, 12, 1), date(2026, 12, 5)),  # reaching now
        (date(2025, 12, 15), date(2026, 1, 14)),  # across a new year, long past
    ],
)
def test_the_backlog_by_age_by_area_and_per_rt_add_up_to_terbuka_and_terlambat(
    demo_db: Engine, rw: str | None, rt: str | None, dari: date, sampai: date
) -> None:
    filters = ReportFilters(rw=rw, rt=rt, dari=dari, sampai=sampai)
    with demo_db.connect() as conn:
        by_age = resolution.backlog_by_age(conn, filters, now=AFTER_NOVEMBER)
        by_area = resolution.backlog_by_area(conn, filters, now=AFTER_NOVEMBER)
        per_rt = area_view.open_and_overdue(conn, filters, EVERYTHING, AFTER_NOVEMBER)
        still_open = metrics.terbuka(conn, filters, now=AFTER_NOVEMBER)
        overdue = metrics.terlambat(conn, filters, now=AFTER_NOVEMBER)
    assert by_age["terlambat"].sum() == by_area["terlambat"].sum() == per_rt["terlambat"].sum() == overdue > 0
    assert by_age["terbuka"].sum() == by_area["terbuka"].sum() == per_rt["terbuka"].sum() == still_open > overdue


@pytest.mark.parametrize(
    "filters",
    [
        NOVEMBER,
        ReportFilters(rw="03", dari=date(2025, 12, 1), sampai=date(2026, 11, 29)),
        ReportFilters(rw="03", rt="002", dari=date(2026, 1, 1), sampai=date(2026, 1, 31)),
        ReportFilters(rw="03", dari=date(2027, 1, 1), sampai=date(2027, 1, 31)),  # nothing received or resolved
    ],
)
def test_the_speed_cards_equal_the_timing_tables_overall_and_escalated_share(demo_db: Engine, filters) -> None:
    with demo_db.connect() as conn:
        reads = resolution.speed_reads(filters)
        cards = resolution.speed_values(**{name: read(conn) for name, read in reads.items()})
        timing = resolution.timing(conn, filters)
    assert cards == {
        metrics.MEDIAN_WAKTU_TANGGAP.key: pytest.approx(timing.overall["tanggap_median"]),
        metrics.P90_WAKTU_TANGGAP.key: pytest.approx(timing.overall["tanggap_p90"]),
        metrics.MEDIAN_WAKTU_PENYELESAIAN.key: pytest.approx(timing.overall["selesai_median"]),
        metrics.P90_WAKTU_PENYELESAIAN.key: pytest.approx(timing.overall["selesai_p90"]),
        metrics.PORSI_ESKALASI.key: pytest.approx(resolution.escalated_share(_received_per_level(timing))),
    }


def _received_per_level(timing: resolution.Timing) -> dict[str, int]:
    return dict(zip(timing.by_handler["grup"], timing.by_handler["masuk"], strict=True))
