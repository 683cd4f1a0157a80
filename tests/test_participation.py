"""Participation aggregates against a small hand-made set of activities whose answers were worked out by hand."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine

from kutorejo_data.analytics import participation
from kutorejo_data.analytics.cadence import cadence_grid
from kutorejo_data.analytics.participation_summary import (
    has_activities,
    participation_comparison,
    participation_kpis,
)
from kutorejo_data.analytics.unit_measures import heads_attendance
from kutorejo_data.core.filters import Area, ReportFilters, Scope, resolve_area
from kutorejo_data.core.periods import period_months
from tests.factories import KUTOREJO, add_area
from tests.factories_activities import add_activity, add_tokoh, set_rt_facts, set_rw_head

SEP_NOV = ReportFilters(kelurahan_kode=KUTOREJO, dari=date(2026, 9, 1), sampai=date(2026, 11, 30))
NOW = datetime(2026, 12, 5, 12, 0)


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


@pytest.fixture
def activities(any_db: Engine) -> Engine:
    """Three RTs (A = 03/002, B = 03/003, C = 04/001), September–November 2026.

    | id  | held by | jenis            | date   | target | attendance                 | rate  |
    | K1  | A       | kerja_bakti      | 6 Sep  | 40     | warga 20, ketua_rt 1       | 0.525 |
    | K2  | A       | kerja_bakti      | 4 Oct  | 40     | warga 50                   | 1 (capped) |
    | K3  | A       | ronda            | 5 Sep  | 8      | warga 6                    | 0.75  |
    | K4  | A       | ronda            | 12 Sep | 8      | warga 4                    | 0.5   |
    | K5  | B       | kerja_bakti      | 6 Sep  | 30     | warga 15                   | 0.5   |
    | K6  | B       | kerja_bakti      | 20 Sep | 30     | warga 30                   | 1     |
    | K7  | RW 03   | posyandu         | 5 Oct  | 20     | pkk 4, warga 12            | 0.8   |
    | K8  | C       | musyawarah_rt    | 10 Nov | —      | warga 10                   | —     |
    | K9  | kel.    | rapat_koordinasi | 8 Sep  | 5      | heads of A and RW 03       | 0.4   |
    | K10 | kel.    | rapat_koordinasi | 13 Oct | 5      | heads of A and B           | 0.4   |
    | K11 | kel.    | rapat_koordinasi | 10 Nov | 5      | head of A                  | 0.2   |
    | K12 | A       | kerja_bakti      | 5 Dec  | 40     | warga 30 (after the period)|       |
    | K13 | kel.    | bimtek           | 2 Jul  | 10     | heads of A and RW 03, Tomas T1 |   |
    | K14 | kel.    | bimtek           | 1 Mar 2025 | 10 | head of B (over 12 months ago) |  |
    Tokoh: T1 (tomas, RT A), T2 (toga, RW 04). Every RT and RW has a named head.
    """
    with any_db.begin() as conn:
        a, b = add_area(conn, rw="03", rt="002"), add_area(conn, rw="03", rt="003")
        c = add_area(conn, rw="04", rt="001")
        for area, ketua in ((a, "Sri"), (b, "Joko"), (c, "Rina")):
            set_rt_facts(conn, area, ketua=ketua, kk=40, warga=150, diperbarui=d(6, 1))
        set_rw_head(conn, a, "Budi")
        set_rw_head(conn, c, "Wati")
        t1 = add_tokoh(conn, a, "tomas", "Haji Salim")
        add_tokoh(conn, c, "toga", "Ustadz Amin", of_rt=False)
        add_activity(conn, "kerja_bakti", d(9, 6), a, target=40, counts={"warga": 20, "ketua_rt": 1})
        add_activity(conn, "kerja_bakti", d(10, 4), a, target=40, counts={"warga": 50})
        add_activity(conn, "ronda", d(9, 5), a, target=8, counts={"warga": 6})
        add_activity(conn, "ronda", d(9, 12), a, target=8, counts={"warga": 4})
        add_activity(conn, "kerja_bakti", d(9, 6), b, target=30, counts={"warga": 15})
        add_activity(conn, "kerja_bakti", d(9, 20), b, target=30, counts={"warga": 30})
        add_activity(conn, "posyandu", d(10, 5), a, tingkat="rw", target=20, counts={"pkk": 4, "warga": 12})
        add_activity(conn, "musyawarah_rt", d(11, 10), c, counts={"warga": 10})
        add_activity(
            conn,
            "rapat_koordinasi",
            d(9, 8),
            a,
            tingkat="kelurahan",
            target=5,
            counts={"ketua_rt": 1, "ketua_rw": 1},
            named=[("ketua_rt", a), ("ketua_rw", a)],
        )
        add_activity(
            conn,
            "rapat_koordinasi",
            d(10, 13),
            a,
            tingkat="kelurahan",
            target=5,
            counts={"ketua_rt": 2},
            named=[("ketua_rt", a), ("ketua_rt", b)],
        )
        add_activity(
            conn,
            "rapat_koordinasi",
            d(11, 10),
            a,
            tingkat="kelurahan",
            target=5,
            counts={"ketua_rt": 1},
            named=[("ketua_rt", a)],
        )
        add_activity(conn, "kerja_bakti", d(12, 5), a, target=40, counts={"warga": 30})
        add_activity(
            conn,
            "bimtek",
            d(7, 2),
            a,
            tingkat="kelurahan",
            target=10,
            counts={"ketua_rt": 1, "ketua_rw": 1, "tomas": 1},
            named=[("ketua_rt", a), ("ketua_rw", a), ("tomas", t1)],
        )
        add_activity(
            conn,
            "bimtek",
            d(3, 1, 2025),
            b,
            tingkat="kelurahan",
            target=10,
            counts={"ketua_rt": 1},
            named=[("ketua_rt", b)],
        )
    return any_db


def test_participation_is_the_mean_of_capped_rates_over_activities_with_a_target(activities: Engine) -> None:
    with activities.connect() as conn:
        summary = participation.participation_summary(conn, SEP_NOV)
    assert summary["kegiatan_tercatat"] == 11  # K1–K11
    assert summary["jumlah_hadir"] == 21 + 50 + 6 + 4 + 15 + 30 + 16 + 10 + 2 + 2 + 1
    rates = [0.525, 1, 0.75, 0.5, 0.5, 1, 0.8, 0.4, 0.4, 0.2]  # K8 has no target
    assert summary["tingkat_partisipasi"] == pytest.approx(sum(rates) / len(rates))


def test_participation_by_type(activities: Engine) -> None:
    with activities.connect() as conn:
        by_jenis = participation.participation_by(conn, SEP_NOV, by="jenis").set_index("jenis")
    assert by_jenis.loc["kerja_bakti", "partisipasi"] == pytest.approx((0.525 + 1 + 0.5 + 1) / 4)
    assert by_jenis.loc["kerja_bakti", "hadir"] == 21 + 50 + 15 + 30
    assert by_jenis.loc["ronda", "partisipasi"] == pytest.approx(0.625)
    assert by_jenis.loc["rapat_koordinasi", "partisipasi"] == pytest.approx(1 / 3)
    assert by_jenis.loc["musyawarah_rt", "kegiatan"] == 1
    assert pd.isna(by_jenis.loc["musyawarah_rt", "partisipasi"])  # no target: no rate, not 0


def test_participation_by_rw_counts_its_rts_and_itself_and_by_rt_only_the_rt(activities: Engine) -> None:
    with activities.connect() as conn:
        by_rw = participation.participation_by(conn, SEP_NOV, by="rw").set_index("rw")
        by_rt = participation.participation_by(conn, SEP_NOV, by="rt").set_index(["rw", "rt"])
        by_rt_month = participation.participation_by(conn, SEP_NOV, by="rt_bulan").set_index(["rt", "bulan"])
    assert by_rw.loc["03", "kegiatan"] == 7  # K1–K7
    assert by_rw.loc["03", "partisipasi"] == pytest.approx((0.525 + 1 + 0.75 + 0.5 + 0.5 + 1 + 0.8) / 7)
    assert by_rt.loc[("03", "002"), "partisipasi"] == pytest.approx((0.525 + 1 + 0.75 + 0.5) / 4)
    assert by_rt.loc[("03", "003"), "partisipasi"] == pytest.approx(0.75)
    assert by_rt_month.loc[("002", "2026-09"), "partisipasi"] == pytest.approx((0.525 + 0.75 + 0.5) / 3)
    assert by_rt_month.loc[("002", "2026-10"), "partisipasi"] == pytest.approx(1.0)


def test_reads_respect_the_area_filter_and_the_scope(activities: Engine) -> None:
    rw03 = ReportFilters(kelurahan_kode=KUTOREJO, rw="03", dari=SEP_NOV.dari, sampai=SEP_NOV.sampai)
    with activities.connect() as conn:
        assert participation.participation_summary(conn, rw03)["kegiatan_tercatat"] == 7
        assert participation.participation_summary(conn, SEP_NOV, Scope(rw="04"))["kegiatan_tercatat"] == 1
        # Asking for RW 03 while allowed only RW 04 shows nothing, not RW 03's rows.
        assert participation.participation_summary(conn, rw03, Scope(rw="04"))["kegiatan_tercatat"] == 0
        assert participation.bimtek_record(conn, rw03, Scope(rw="04")).empty


def test_attendance_by_role(activities: Engine) -> None:
    rw03 = ReportFilters(kelurahan_kode=KUTOREJO, rw="03", dari=SEP_NOV.dari, sampai=SEP_NOV.sampai)
    with activities.connect() as conn:
        roles = participation.attendance_by_role(conn, rw03).set_index(["jenis", "peran"])["jumlah"].to_dict()
    assert roles == {
        ("kerja_bakti", "warga"): 115,
        ("kerja_bakti", "ketua_rt"): 1,
        ("ronda", "warga"): 10,
        ("posyandu", "pkk"): 4,
        ("posyandu", "warga"): 12,
    }


def test_held_vs_expected_caps_each_month_at_the_cadence(activities: Engine) -> None:
    with activities.connect() as conn:
        area = resolve_area(conn, KUTOREJO, None, None, Scope())
        grid = cadence_grid(conn, area, SEP_NOV.dari, SEP_NOV.sampai)  # type: ignore[arg-type]
    sums = grid.groupby("jenis")[["held", "expected"]].sum().to_dict("index")
    assert sums == {
        "kerja_bakti": {"held": 3, "expected": 9},  # A in Sep and Oct; B twice in Sep counts once
        "ronda": {"held": 2, "expected": 36},  # 4 a month × 3 RTs × 3 months
        "musyawarah_rt": {"held": 1, "expected": 9},
        "posyandu": {"held": 1, "expected": 6},  # per RW
        "rapat_rw": {"held": 0, "expected": 6},
        "rapat_koordinasi": {"held": 3, "expected": 3},  # once for the kelurahan
    }


def test_a_partly_covered_month_expects_only_what_was_held() -> None:
    assert period_months(date(2026, 9, 10), date(2026, 11, 15)) == [
        ("2026-09", False),
        ("2026-10", True),
        ("2026-11", False),
    ]


def test_held_vs_expected_in_a_period_ending_mid_month(activities: Engine) -> None:
    with activities.connect() as conn:
        area = resolve_area(conn, KUTOREJO, None, None, Scope())
        grid = cadence_grid(conn, area, date(2026, 9, 1), date(2026, 11, 15), ("kerja_bakti", "musyawarah_rt"))
    sums = grid.groupby("jenis")[["held", "expected"]].sum().to_dict("index")
    assert sums["kerja_bakti"] == {"held": 3, "expected": 6}  # November is running: nothing missed yet
    assert sums["musyawarah_rt"] == {"held": 1, "expected": 7}  # C's 10 November meeting counts


def test_coordination_attendance_over_every_head_of_the_area(activities: Engine) -> None:
    with activities.connect() as conn:
        area = resolve_area(conn, KUTOREJO, None, None, Scope())
        # 3 meetings × (3 RT heads + 2 RW heads); present: A ×3, B ×1, RW 03 ×1.
        assert heads_attendance(conn, area, SEP_NOV.dari, SEP_NOV.sampai, NOW) == (5, 15)  # type: ignore[arg-type]


def test_participation_kpis(activities: Engine) -> None:
    with activities.connect() as conn:
        kpis = participation_kpis(conn, SEP_NOV, now=NOW)
    assert kpis["kegiatan_tercatat"] == 11
    assert kpis["kegiatan_terlaksana"] == pytest.approx(10 / 69)
    assert kpis["kehadiran_rakor"] == pytest.approx(5 / 15)


@pytest.mark.parametrize(
    ("rw", "rt", "scope"),
    [(None, None, Scope()), ("03", None, Scope()), ("03", "002", Scope()), (None, None, Scope(rw="04"))],
)
def test_the_comparison_counts_each_period_as_it_counts_alone(
    activities: Engine, rw: str | None, rt: str | None, scope: Scope
) -> None:
    # The comparison reads the area and its units once for both periods; each must count as it does on its own.
    # October–November is compared with August–September: the fixture has activities in both.
    filters = ReportFilters(kelurahan_kode=KUTOREJO, rw=rw, rt=rt, dari=d(10, 1), sampai=d(11, 30))
    comparison = participation_comparison(activities, filters, scope, now=NOW)
    with activities.connect() as conn:
        assert comparison.current == participation_kpis(conn, filters, scope, now=NOW)
        assert comparison.previous == participation_kpis(conn, filters.compared_with(), scope, now=NOW)


def test_bimtek_record_lists_who_has_not_attended_in_the_last_12_months_first(activities: Engine) -> None:
    with activities.connect() as conn:
        record = participation.bimtek_record(conn, SEP_NOV)
    assert participation.bimtek_window(date(2026, 11, 30)) == (date(2025, 12, 1), date(2026, 11, 30))
    rows = [(r.peran, r.nama, r.kali, r.terakhir) for r in record.itertuples()]
    assert rows == [
        ("ketua_rt", "Joko", 0, None),  # came to a Bimtek in March 2025: too long ago
        ("ketua_rt", "Rina", 0, None),
        ("ketua_rw", "Wati", 0, None),
        ("toga", "Ustadz Amin", 0, None),
        ("ketua_rt", "Sri", 1, date(2026, 7, 2)),
        ("ketua_rw", "Budi", 1, date(2026, 7, 2)),
        ("tomas", "Haji Salim", 1, date(2026, 7, 2)),
    ]


def test_an_empty_database_gives_empty_answers_not_errors(any_db: Engine) -> None:
    with any_db.connect() as conn:
        assert not has_activities(conn)
        summary = participation.participation_summary(conn, SEP_NOV)
        assert summary == {"kegiatan_tercatat": 0, "jumlah_hadir": 0, "tingkat_partisipasi": None}
        assert participation.participation_by(conn, SEP_NOV, by="rt_bulan").empty
        assert participation.bimtek_record(conn, SEP_NOV).empty
        assert cadence_grid(conn, Area(), SEP_NOV.dari, SEP_NOV.sampai).empty  # type: ignore[arg-type]
        kpis = participation_kpis(conn, SEP_NOV, now=NOW)
    assert kpis == {
        "tingkat_partisipasi": None,
        "kegiatan_terlaksana": None,
        "kehadiran_rakor": None,
        "kegiatan_tercatat": 0,
    }
