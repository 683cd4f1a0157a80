"""The meeting deck (kutorejo_data.meeting.deck): the same numbers as the metrics, scope, and the minimum-data rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.capacity import INDEX_KEY, scorecard_with_change
from kutorejo_data.analytics.overview import breakdown_by_area, breakdown_by_category
from kutorejo_data.analytics.resolution import overdue_reports
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.periods import parse_month
from kutorejo_data.meeting.deck import (
    HIGHLIGHTS,
    OVERDUE_LISTED,
    TOP_N,
    FollowUp,
    MeetingArea,
    build_meeting_report,
    month_period,
    open_by_holder,
    selectable_months,
)
from kutorejo_data.meeting.words import headline, next_steps
from tests.factories import KUTOREJO

NOW = datetime(2026, 11, 29, 12, 0)
OCTOBER = date(2026, 10, 1)


def october(rw: str | None = None) -> ReportFilters:
    return ReportFilters(kelurahan_kode=KUTOREJO, rw=rw, dari=date(2026, 10, 1), sampai=date(2026, 10, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10", date(2026, 10, 1)),
        (" 2025-01 ", date(2025, 1, 1)),
        ("2026-13", None),
        ("2026-1", None),
        ("２０２６-１０", None),  # digits of another script
        ("0000-01", None),
        ("oktober", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_month_reads_only_yyyy_mm(text: str | None, expected: date | None) -> None:
    assert parse_month(text) == expected


def test_the_running_month_ends_today_and_a_past_month_at_its_last_day() -> None:
    assert month_period(date(2026, 11, 1), date(2026, 11, 29)) == (date(2026, 11, 1), date(2026, 11, 29))
    assert month_period(date(2026, 10, 1), date(2026, 11, 29)) == (date(2026, 10, 1), date(2026, 10, 31))
    assert selectable_months(date(2026, 11, 29))[:3] == ["2026-11", "2026-10", "2026-09"]


@pytest.mark.parametrize("rw", [None, "03"])
def test_the_month_in_numbers_are_the_metrics_modules_numbers(demo_db: Engine, rw: str | None) -> None:
    with demo_db.connect() as conn:
        report = build_meeting_report(demo_db, OCTOBER, MeetingArea(rw=rw), EVERYTHING, now=NOW)
        # A month that is over is told as it stood at its end, and September at its own end (like with like).
        current = metrics.kpi_values(conn, october(rw), now=NOW, judged_at=datetime(2026, 11, 1))
        september = october(rw).with_period(date(2026, 9, 1), date(2026, 9, 30))
        previous = metrics.kpi_values(conn, september, now=NOW, judged_at=datetime(2026, 10, 1))
        categories = breakdown_by_category(conn, october(rw)).head(TOP_N)
        areas = breakdown_by_area(conn, october(rw)).head(TOP_N)
        overdue = overdue_reports(conn, october(rw), now=NOW, limit=OVERDUE_LISTED)
    assert report.kpis.current == current
    assert report.kpis.previous == previous
    assert report.by_category.values == tuple(float(v) for v in categories["total"])
    assert report.by_area.keys == tuple(areas["wilayah"])
    assert [item.nomor for item in report.overdue] == list(overdue["nomor"])
    assert report.overdue_total == current[metrics.TERLAMBAT.key]
    assert report.area_label == ("Kelurahan Kutorejo · RW 03" if rw else "Kelurahan Kutorejo")


def test_overdue_reports_come_worst_first(demo_db: Engine) -> None:
    report = build_meeting_report(demo_db, OCTOBER, MeetingArea(), EVERYTHING, now=NOW)
    late = [item.lewat_sla for item in report.overdue]
    assert late == sorted(late, reverse=True) and len(late) == OVERDUE_LISTED


@pytest.mark.parametrize("rw", [None, "03"])
def test_follow_ups_split_exactly_the_open_and_overdue_reports(demo_db: Engine, rw: str | None) -> None:
    report = build_meeting_report(demo_db, OCTOBER, MeetingArea(rw=rw), EVERYTHING, now=NOW)
    with demo_db.connect() as conn:
        month = ReportFilters(kelurahan_kode=report.kelurahan_kode, rw=rw, dari=report.dari, sampai=report.sampai)
        expected = (metrics.terbuka(conn, month, now=NOW), metrics.terlambat(conn, month, now=NOW))
    assert sum(f.terbuka for f in report.follow_ups) == report.kpis.current[metrics.TERBUKA.key] == expected[0]
    assert sum(f.terlambat for f in report.follow_ups) == report.kpis.current[metrics.TERLAMBAT.key] == expected[1]
    assert expected[0] >= expected[1] > 0


def test_follow_ups_by_holder_on_hand_computed_data(handmade_db: Engine) -> None:
    # End of November: R4 (nobody, 20 Nov, SLA 3) and R6 (RW, 20 Oct, SLA 7) are overdue, R7 (RW, 25 Nov) is not;
    # R8 was still resolved then (reopened 2 Dec) and R9 came in December.
    november = ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 11, 30))
    with handmade_db.connect() as conn:
        follow_ups = open_by_holder(conn, november, EVERYTHING, now=datetime(2026, 12, 5))
    assert follow_ups == (FollowUp("belum", 1, 1, 10), FollowUp("rw", 2, 1, 41))


def test_a_meeting_on_hand_made_data_names_who_must_act(handmade_db: Engine) -> None:
    report = build_meeting_report(handmade_db, date(2026, 11, 1), MeetingArea(), EVERYTHING, now=datetime(2026, 12, 5))
    assert report.kpis.current[metrics.LAPORAN_MASUK.key] == 5
    assert headline(report, "terlambat", "id") == "2 laporan melewati batas waktu"
    assert [item.penanganan for item in report.overdue] == ["rw", None]
    assert next_steps(report, "id")[:2] == [
        "Putuskan langkah untuk 2 laporan terlambat",
        "Tunjuk penanggung jawab 1 laporan yang belum ditangani",
    ]


@pytest.mark.parametrize("rw", [None, "03"])
def test_capacity_highlights_never_rank_units_without_enough_data(demo_db: Engine, rw: str | None) -> None:
    with demo_db.connect() as conn:
        report = build_meeting_report(demo_db, OCTOBER, MeetingArea(rw=rw), EVERYTHING, now=NOW)
        window = october(rw).with_period(date(2025, 11, 1), date(2026, 10, 31))
        _, table = scorecard_with_change(conn, window, "rt" if rw else "rw", now=NOW)
    capacity = report.capacity
    scored = table.dropna(subset=[INDEX_KEY])
    assert sorted(u.label for u in capacity.ranked) == sorted(scored["label"])
    assert set(capacity.not_enough) == set(table.loc[table[INDEX_KEY].isna(), "label"])
    assert not set(capacity.not_enough) & {u.label for u in (*capacity.most_improved, *capacity.needs_support)}
    assert [u.index for u in capacity.ranked] == sorted((u.index for u in capacity.ranked), reverse=True)
    assert all(u.change is not None and u.change > 0 for u in capacity.most_improved)
    assert len(capacity.needs_support) <= min(HIGHLIGHTS, len(capacity.ranked) // 2)


def test_one_units_data_is_shown_as_not_enough_not_ranked(handmade_db: Engine) -> None:
    report = build_meeting_report(handmade_db, date(2026, 11, 1), MeetingArea(), EVERYTHING, now=datetime(2026, 12, 5))
    assert report.capacity.ranked == ()
    assert report.capacity.not_enough == ("RW 03", "RW 04")
    assert headline(report, "kapasitas", "id") == "Belum ada RW yang datanya cukup untuk dinilai"


def test_an_rw_heads_meeting_is_always_about_their_rw(demo_db: Engine) -> None:
    scoped = build_meeting_report(demo_db, OCTOBER, MeetingArea(rw="05"), Scope(KUTOREJO, "03"), now=NOW)
    own = build_meeting_report(demo_db, OCTOBER, MeetingArea(rw="03"), EVERYTHING, now=NOW)
    assert scoped.rw == "03"
    assert scoped.kpis == own.kpis
    assert {item.rw for item in scoped.overdue} == {"03"}


def test_an_unknown_rw_or_an_empty_database_is_refused_with_a_message(demo_db: Engine, fresh_db: Engine) -> None:
    with pytest.raises(LookupError, match="RW 99"):
        build_meeting_report(demo_db, OCTOBER, MeetingArea(rw="99"), EVERYTHING, now=NOW)
    with pytest.raises(LookupError, match="kelurahan"):
        build_meeting_report(fresh_db, OCTOBER, MeetingArea(), EVERYTHING, now=NOW)


@pytest.mark.parametrize(("rw", "scope"), [(None, EVERYTHING), ("03", EVERYTHING), ("05", Scope(KUTOREJO, "05"))])
def test_the_capacity_slide_from_the_kelurahans_kept_scorecards_is_the_same(demo_db: Engine, rw, scope) -> None:
    """Presentasi passes scorecards sliced from the kelurahan's (kept across RWs); the slide must not change."""
    from kutorejo_data.analytics import capacity
    from kutorejo_data.meeting.deck import capacity_window, meeting_filters

    area = MeetingArea(rw=rw)
    _, filters = meeting_filters(demo_db, OCTOBER, area, scope, NOW)
    window, level = capacity_window(filters)
    whole = ReportFilters(kelurahan_kode=KUTOREJO, dari=window.dari, sampai=window.sampai)
    with demo_db.connect() as conn:
        ids = capacity.area_unit_ids(conn, window, level, scope)
        cards = tuple(
            capacity.for_units(capacity.scorecard(conn, period, level, scope, now=NOW), ids)
            for period in (whole, whole.compared_with())
        )
    given = build_meeting_report(demo_db, OCTOBER, area, scope, now=NOW, scorecards=cards)  # type: ignore[arg-type]
    computed = build_meeting_report(demo_db, OCTOBER, area, scope, now=NOW)
    assert given.capacity == computed.capacity
    assert computed.capacity.ranked  # the slide has something to show
