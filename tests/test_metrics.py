"""Each metric against a small hand-made dataset whose answers were worked out by hand (see the table)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, insert, literal, select, union_all

from kutorejo_data.analytics import metrics, overview
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, resolve_area
from kutorejo_data.core.models import RT, RW, Kelurahan, Laporan, StatusHistory
from kutorejo_data.core.periods import previous_period
from kutorejo_data.core.sqlfuncs import median
from tests.factories import KUTOREJO, add_area, add_report, at

NOVEMBER = ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 11, 30))
OCTOBER = ReportFilters(dari=date(2026, 10, 1), sampai=date(2026, 10, 31))
AFTER_NOVEMBER = at(12, 5, 12)


def test_laporan_masuk_counts_reports_received_in_the_period(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        assert metrics.laporan_masuk(conn, NOVEMBER) == 5  # R1 R2 R3 R4 R7
        assert metrics.laporan_masuk(conn, OCTOBER) == 3  # R5 R6 R8


def test_selesai_counts_reports_resolved_in_the_period_whenever_reported(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        assert metrics.selesai(conn, NOVEMBER) == 3  # R1 R2 and R5 (reported in October)
        assert metrics.selesai(conn, OCTOBER) == 1  # R8, later reopened, was resolved in October


def test_tingkat_penyelesaian_excludes_rejected_and_duplicates(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        assert metrics.tingkat_penyelesaian(conn, NOVEMBER) == pytest.approx(2 / 4)  # R1 R2 of R1 R2 R4 R7
        assert metrics.tingkat_penyelesaian(conn, NOVEMBER.with_period(date(2025, 1, 1), date(2025, 1, 31))) is None


def test_median_waktu_tanggap_uses_the_first_change_away_from_baru(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        # R2 0.5, R1 1, R7 2, R3 3 days; R4 has no response yet and is left out.
        assert metrics.median_waktu_tanggap(conn, NOVEMBER) == pytest.approx(1.5)


def test_median_waktu_penyelesaian_over_reports_resolved_in_the_period(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        assert metrics.median_waktu_penyelesaian(conn, NOVEMBER) == pytest.approx(10.0)  # of 4, 10, 45 days


def test_terbuka_and_terlambat_use_the_status_at_the_end_of_a_past_period(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        # R4, R6, R7 were open on 30 Nov; R8 was selesai then (reopened 2 Dec); R9 did not exist yet.
        assert metrics.terbuka(conn, NOVEMBER, now=AFTER_NOVEMBER) == 3
        # R4 (10.7 days, SLA 3) and R6 (41.7 days, SLA 7) are overdue; R7 (5.7 days, SLA 14) is not.
        assert metrics.terlambat(conn, NOVEMBER, now=AFTER_NOVEMBER) == 2


def test_terbuka_and_terlambat_use_the_current_status_when_the_period_reaches_now(handmade_db: Engine) -> None:
    to_now = ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 12, 5))
    with handmade_db.connect() as conn:
        assert metrics.terbuka(conn, to_now, now=AFTER_NOVEMBER) == 5  # R4 R6 R7 R8 R9
        assert metrics.terlambat(conn, to_now, now=AFTER_NOVEMBER) == 3  # R4 R6 R8


def test_metrics_respect_the_area_filter_and_the_scope(handmade_db: Engine) -> None:
    rw04 = ReportFilters(rw="04", dari=NOVEMBER.dari, sampai=NOVEMBER.sampai)
    with handmade_db.connect() as conn:
        assert metrics.laporan_masuk(conn, rw04) == 1
        assert metrics.terbuka(conn, rw04, now=AFTER_NOVEMBER) == 2
        assert metrics.laporan_masuk(conn, NOVEMBER, Scope(rw="04")) == 1
        # Asking for another RW than the scope allows yields nothing, not the other RW's rows.
        assert (
            metrics.laporan_masuk(
                conn, ReportFilters(rw="03", dari=NOVEMBER.dari, sampai=NOVEMBER.sampai), Scope(rw="04")
            )
            == 0
        )
        assert metrics.laporan_masuk(conn, ReportFilters(rw="99", dari=NOVEMBER.dari, sampai=NOVEMBER.sampai)) == 0


def test_monthly_flow_matches_the_monthly_metrics(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        flow = overview.monthly_flow(conn, NOVEMBER, min_months=2)
    assert flow.to_dict("list") == {"bulan": ["2026-10", "2026-11"], "masuk": [3, 5], "selesai": [1, 3]}


def test_breakdowns_split_received_reports_by_current_outcome(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        by_area = overview.breakdown_by_area(conn, NOVEMBER)
        by_category = overview.breakdown_by_category(conn, NOVEMBER)
        by_rt = overview.breakdown_by_area(conn, ReportFilters(rw="04", dari=NOVEMBER.dari, sampai=NOVEMBER.sampai))
    assert by_area.to_dict("records") == [
        {"wilayah": "RW 03", "terbuka": 1, "selesai": 2, "tidak_valid": 1, "total": 4},
        {"wilayah": "RW 04", "terbuka": 1, "selesai": 0, "tidak_valid": 0, "total": 1},
    ]
    assert by_category.set_index("kategori")["total"].to_dict() == {
        "drainase-banjir": 2,
        "sampah-kebersihan": 2,
        "keamanan-ketertiban": 1,
    }
    assert by_rt["wilayah"].tolist() == ["RT 001"]


def test_kpi_comparison_uses_the_previous_period(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        comparison = overview.kpi_comparison(conn, NOVEMBER, now=AFTER_NOVEMBER)
    assert (comparison.previous_dari, comparison.previous_sampai) == (date(2026, 10, 1), date(2026, 10, 31))
    assert comparison.current["laporan_masuk"] == 5
    assert comparison.previous["laporan_masuk"] == 3


@pytest.mark.parametrize(
    ("now", "judged_at", "previous_rate"),
    [
        # 4½ days after November: October is judged 4½ days after its end. R8 was resolved then (reopened on
        # 2 Dec, later), R5 not yet (resolved 15 Nov); R6 is open.
        (AFTER_NOVEMBER, at(11, 5, 12), 1 / 3),
        # 19 days after November: by 20 Nov, R5 and R8 were both resolved.
        (at(12, 20), at(11, 20), 2 / 3),
    ],
)
def test_the_resolution_rate_is_compared_at_the_same_age(handmade_db: Engine, now, judged_at, previous_rate) -> None:
    assert metrics.comparison_moment(NOVEMBER, OCTOBER, now) == judged_at
    with handmade_db.connect() as conn:
        comparison = overview.kpi_comparison(conn, NOVEMBER, now=now)
    assert comparison.current["tingkat_penyelesaian"] == 2 / 4  # R1 R2 of R1 R2 R4 R7 (R3 rejected)
    assert (comparison.current["selesai_dari_masuk"], comparison.current["masuk_sah"]) == (2, 4)
    assert comparison.previous["tingkat_penyelesaian"] == pytest.approx(previous_rate)


def test_a_period_still_running_is_compared_with_the_previous_one_at_its_end(handmade_db: Engine) -> None:
    running = ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 11, 29))
    now = at(11, 29, 16)
    assert metrics.comparison_moment(running, running.compared_with(), now) == at(10, 30, 0)  # its end, midnight


@pytest.mark.parametrize(
    ("dari", "sampai", "expected"),
    [
        (date(2026, 11, 1), date(2026, 11, 30), (date(2026, 10, 1), date(2026, 10, 31))),
        (date(2026, 11, 1), date(2026, 11, 29), (date(2026, 10, 1), date(2026, 10, 29))),
        (date(2026, 3, 1), date(2026, 3, 31), (date(2026, 2, 1), date(2026, 2, 28))),
        (date(2026, 7, 1), date(2026, 9, 30), (date(2026, 4, 1), date(2026, 6, 30))),
        (date(2026, 11, 10), date(2026, 11, 19), (date(2026, 10, 31), date(2026, 11, 9))),
    ],
)
def test_previous_period(dari: date, sampai: date, expected: tuple[date, date]) -> None:
    assert previous_period(dari, sampai) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], None), ([4.0], 4.0), ([3.0, 1.0, 2.0], 2.0), ([4.0, 1.0, 3.0, 2.0], 2.5)],
)
def test_median_is_computed_by_the_database(any_db: Engine, values: list[float], expected: float | None) -> None:
    if values:
        statement = union_all(*(select(literal(v).label("v")) for v in values))
        values_select = select(statement.subquery().c.v)
    else:
        values_select = select(literal(1.0).label("v")).where(literal(False))
    with any_db.connect() as conn:
        assert median(conn, values_select) == expected


def test_every_metric_has_a_definition_in_both_languages() -> None:
    for metric in metrics.METRICS.values():
        assert metric.label("id") and metric.label("en")
        assert metric.help("id").endswith(".") and metric.help("en").endswith(".")


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], (9, 10), 9.1),  # percentile_cont(0.9)
        ([5.0], (9, 10), 5.0),
        ([2.0, 4.0], (9, 10), 3.8),
        ([], (9, 10), None),
    ],
)
def test_percentile_interpolates_like_percentile_cont(any_db: Engine, values, fraction, expected) -> None:
    from kutorejo_data.core.sqlfuncs import percentile

    if values:
        values_select = select(union_all(*(select(literal(v).label("v")) for v in values)).subquery().c.v)
    else:
        values_select = select(literal(1.0).label("v")).where(literal(False))
    with any_db.connect() as conn:
        result = percentile(conn, values_select, fraction)
    assert result == (None if expected is None else pytest.approx(expected))


def test_a_report_changed_after_a_past_period_is_judged_by_its_history_then(handmade_db: Engine) -> None:
    # R8 was resolved on 20 Oct and reopened on 2 Dec: open now, closed at the end of October.
    october = ReportFilters(dari=date(2026, 10, 1), sampai=date(2026, 10, 31))
    with handmade_db.connect() as conn:
        conditions, _ = metrics.open_at_end_conditions(conn, october, EVERYTHING, at(12, 5))
        still_open = list(conn.execute(select(Laporan.id).where(*conditions).order_by(Laporan.id)).scalars())
    assert still_open == [5, 6]  # R5 (in progress until 15 Nov) and R6; not R8


def test_a_history_entry_never_leaves_the_reports_updated_at_behind(handmade_db: Engine) -> None:
    with handmade_db.begin() as conn:
        report = conn.execute(select(Laporan.id, Laporan.updated_at).order_by(Laporan.id).limit(1)).one()
        later = report.updated_at + timedelta(days=3)
        conn.execute(
            insert(StatusHistory).values(
                laporan_id=report.id,
                changed_at=later,
                from_status="selesai",
                to_status="diproses",
                changed_by="sql",
            )
        )
        earlier = report.updated_at - timedelta(days=30)
        conn.execute(
            insert(StatusHistory).values(
                laporan_id=report.id,
                changed_at=earlier,
                from_status="baru",
                to_status="diverifikasi",
                changed_by="sql",
            )
        )
    with handmade_db.connect() as conn:
        assert conn.execute(select(Laporan.updated_at).where(Laporan.id == report.id)).scalar_one() == later


def test_a_reports_first_response_and_resolution_follow_its_history(any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        report = add_report(
            conn, area, "drainase-banjir", at(10, 1), [(at(10, 5), "diverifikasi", "rt"), (at(10, 9), "selesai", "rt")]
        )

        def firsts(report_id: int = report) -> tuple:
            stmt = select(Laporan.first_response_at, Laporan.first_resolved_at).where(Laporan.id == report_id)
            return tuple(conn.execute(stmt).one())

        assert firsts() == (at(10, 5), at(10, 9))
        # A reopening and a second resolution leave the first ones as they were.
        for when, from_status, to_status in ((at(11, 1), "selesai", "diproses"), (at(11, 3), "diproses", "selesai")):
            conn.execute(
                insert(StatusHistory).values(
                    laporan_id=report, changed_at=when, from_status=from_status, to_status=to_status, changed_by="sql"
                )
            )
        assert firsts() == (at(10, 5), at(10, 9))
        # An import bringing earlier entries (typed on paper first) moves them earlier.
        for when, from_status, to_status in ((at(10, 2), "baru", "diproses"), (at(10, 4), "diproses", "selesai")):
            conn.execute(
                insert(StatusHistory).values(
                    laporan_id=report, changed_at=when, from_status=from_status, to_status=to_status, changed_by="sql"
                )
            )
        assert firsts() == (at(10, 2), at(10, 4))
        unanswered = add_report(conn, area, "drainase-banjir", at(10, 6))
        assert firsts(unanswered) == (None, None)


def test_percentiles_of_every_grouping_match_numpy(any_db: Engine) -> None:
    import numpy as np

    from kutorejo_data.core.sqlfuncs import MEDIAN, P90, percentile_table, row_percentile

    rng = np.random.default_rng(3)
    groups = rng.integers(0, 5, 300)
    values = np.round(rng.exponential(4.0, 300), 1)  # rounded: ties, as durations in days have
    rows = union_all(
        *(select(literal(int(g)).label("g"), literal(float(v)).label("v")) for g, v in zip(groups, values, strict=True))
    )
    source = rows.subquery()
    with any_db.connect() as conn:
        found = conn.execute(percentile_table(select(source.c.g, source.c.v), (None, 0), (MEDIAN, P90))).all()
    expected = {(0, None): values, **{(1, str(g)): values[groups == g] for g in range(5)}}
    assert len(found) == len(expected)
    for row in found:
        chosen = expected[(row.grouping, row.grp)]
        assert row.n == len(chosen)
        assert row_percentile(row, 0) == pytest.approx(np.percentile(chosen, 50))
        assert row_percentile(row, 1) == pytest.approx(np.percentile(chosen, 90))


def test_a_past_months_resolution_kpis_come_from_the_monthly_store(handmade_db: Engine) -> None:
    from sqlalchemy import update

    from kutorejo_data.core.models import RekapBulanan

    november, now = ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 11, 30)), at(12, 5)
    resolution_kpis = (metrics.SELESAI.key, metrics.MEDIAN_WAKTU_PENYELESAIAN.key)
    with handmade_db.connect() as conn:
        kpis = metrics.kpi_values(conn, november, now=now)
    assert [kpis[key] for key in resolution_kpis] == [3, pytest.approx(10.0)]  # R2 4, R1 10, R5 45 days
    with handmade_db.begin() as conn:  # what is stored is what is shown
        conn.execute(update(RekapBulanan).where(RekapBulanan.bulan == "2026-11").values(selesai=99, selesai_median=1.5))
    with handmade_db.connect() as conn:
        kpis = metrics.kpi_values(conn, november, now=now)
        assert [kpis[key] for key in resolution_kpis] == [99, 1.5]
        # Not a whole month, or not yet over: counted from the reports.
        part = metrics.kpi_values(conn, november.with_period(date(2026, 11, 1), date(2026, 11, 29)), now=now)
        running = metrics.kpi_values(conn, november, now=at(11, 30))
    assert [part[key] for key in resolution_kpis] == [3, pytest.approx(10.0)]
    assert [running[key] for key in resolution_kpis] == [3, pytest.approx(10.0)]


@pytest.mark.parametrize(
    ("kode", "rw", "rt", "scope", "expected"),
    [
        (KUTOREJO, None, None, EVERYTHING, ("kelurahan",)),
        (KUTOREJO, "03", None, EVERYTHING, ("kelurahan", "rw")),
        (KUTOREJO, "03", "002", EVERYTHING, ("kelurahan", "rw", "rt")),
        (None, "03", "002", EVERYTHING, ("kelurahan", "rw", "rt")),  # the only kelurahan there is
        (None, None, None, EVERYTHING, ()),  # everything
        ("9999999999", None, None, EVERYTHING, None),  # no such kelurahan
        (KUTOREJO, "99", None, EVERYTHING, None),  # no such RW
        (KUTOREJO, "03", "999", EVERYTHING, None),  # no such RT in it
        (KUTOREJO, None, "002", EVERYTHING, None),  # an RT without its RW means nothing
        (KUTOREJO, "05", None, Scope(KUTOREJO, "03"), None),  # outside the reader's RW
        (KUTOREJO, None, None, Scope(KUTOREJO, "03"), ("kelurahan", "rw")),  # the scope narrows
    ],
)
def test_an_area_resolves_to_the_ids_of_its_units_or_to_nothing(demo_db: Engine, kode, rw, rt, scope, expected):
    with demo_db.connect() as conn:
        area = resolve_area(conn, kode, rw, rt, scope)
        if expected is None:
            assert area.empty
            return
        assert not area.empty
        kelurahan_id = conn.execute(select(Kelurahan.id).where(Kelurahan.kode == KUTOREJO)).scalar()
        rw_id = conn.execute(select(RW.id).where(RW.kelurahan_id == kelurahan_id, RW.nomor == "03")).scalar()
        rt_id = conn.execute(select(RT.id).where(RT.rw_id == rw_id, RT.nomor == "002")).scalar()
    ids = {"kelurahan": kelurahan_id, "rw": rw_id, "rt": rt_id}
    assert (area.kelurahan_id, area.rw_id, area.rt_id) == tuple(
        ids[level] if level in expected else None for level in ("kelurahan", "rw", "rt")
    )
