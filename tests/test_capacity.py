"""The capacity scorecard: every measure, pillar score and the index against a hand-computed dataset, and the
minimum-data rule on its own."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine

from kutorejo_data.analytics import area_view, capacity, metrics
from kutorejo_data.analytics.capacity import INDEX_KEY, NO_RECORDS, Finding, score_units
from kutorejo_data.analytics.unit_measures import UnitCounts, UnitQuery, unit_counts, unit_counts_by_period
from kutorejo_data.core.filters import ReportFilters, Scope, resolve_area
from kutorejo_data.core.periods import add_months, month_end
from kutorejo_data.core.units import UNIT_COLUMNS
from tests.factories import KUTOREJO, add_area, add_report
from tests.factories_activities import add_activity, set_rt_facts, set_rw_head

JAN_JUN = ReportFilters(kelurahan_kode=KUTOREJO, dari=date(2026, 1, 1), sampai=date(2026, 6, 30))
NOW = datetime(2026, 7, 10, 12, 0)
A, B, C = "RT 002/RW 03", "RT 003/RW 03", "RT 001/RW 04"


def at(month: int, day: int, hour: int = 8) -> datetime:
    return datetime(2026, month, day, hour, 0)


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


@pytest.fixture
def scorecard_data(any_db: Engine) -> Engine:
    """Three RTs, January–June 2026 (six whole months), looked at on 10 July 2026.

    A (03/002): head Sri, 40 KK, 150 residents, confirmed 1 Mar 2026. B (03/003): no head, 30 KK, residents
    unknown, confirmed 2024. C (04/001): a new RT with nothing recorded. RW 03 head: Budi.

    Coordination meetings: one each month (6); A's head came to 5, B's to 2, RW 03's head to all 6.
    Bimtek: 5 Mar 2026 (A's head and RW 03's head); 10 Jan 2025 (B's head; more than 12 months before 30 June).
    A's activities: kerja bakti every month (target 40, 20 came → 0.5), March's entered 10 days late;
    musyawarah RT in Jan, Mar, May (target 40, 30 came → 0.75). B's: four ronda in January (target 8, 8 came → 1).

    | report | RT | category (SLA) | reported | history                                         |
    | R1     | A  | drainase (14)  | 5 Jan    | diverifikasi 6 Jan (rt), selesai 10 Jan (rt)    |
    | R2     | A  | sampah (7)     | 2 Feb    | diproses 3 Feb (kelurahan), selesai 20 Feb      |
    | R3     | A  | jalan (30)     | 1 Mar    | diverifikasi 8 Mar (rw)                         |
    | R4     | A  | keamanan (3)   | 1 Apr    | ditolak 2 Apr (rt)                              |
    | R5     | A  | drainase (14)  | 28 Jun   | (still baru)                                    |
    | R6     | A  | sampah (7)     | 10 May   | diproses 11 May (dinas), selesai 15 May         |
    | R7     | B  | sampah (7)     | 10 Jan   | diverifikasi 11 Jan (rt), selesai 12 Jan (rt)   |
    | R8     | B  | lainnya (30)   | 1 Feb    | (still baru)                                    |
    """
    with any_db.begin() as conn:
        a, b = add_area(conn, rw="03", rt="002"), add_area(conn, rw="03", rt="003")
        c = add_area(conn, rw="04", rt="001")
        set_rt_facts(conn, a, ketua="Sri", kk=40, warga=150, diperbarui=d(3, 1))
        set_rt_facts(conn, b, ketua=None, kk=30, warga=None, diperbarui=d(1, 1, 2024))
        set_rt_facts(conn, c, ketua=None, kk=None, warga=None, diperbarui=None)
        set_rw_head(conn, a, "Budi")
        for month in range(1, 7):
            heads = [("ketua_rw", a)] + [("ketua_rt", a)] * (month != 6) + [("ketua_rt", b)] * (month <= 2)
            add_activity(
                conn,
                "rapat_koordinasi",
                d(month, 10),
                a,
                tingkat="kelurahan",
                target=10,
                counts={"ketua_rt": len(heads) - 1, "ketua_rw": 1},
                named=heads,
            )
            add_activity(
                conn,
                "kerja_bakti",
                d(month, 7),
                a,
                target=40,
                counts={"warga": 20},
                entered=at(3, 17) if month == 3 else None,
            )
        for month in (1, 3, 5):
            add_activity(conn, "musyawarah_rt", d(month, 20), a, target=40, counts={"warga": 30})
        for day in (3, 10, 17, 24):
            add_activity(conn, "ronda", d(1, day), b, target=8, counts={"warga": 8})
        add_activity(
            conn,
            "bimtek",
            d(3, 5),
            a,
            tingkat="kelurahan",
            target=20,
            counts={"ketua_rt": 1},
            named=[("ketua_rt", a), ("ketua_rw", a)],
        )
        add_activity(
            conn,
            "bimtek",
            d(1, 10, 2025),
            a,
            tingkat="kelurahan",
            target=20,
            counts={"ketua_rt": 1},
            named=[("ketua_rt", b)],
        )
        add_report(
            conn, a, "drainase-banjir", at(1, 5), [(at(1, 6), "diverifikasi", "rt"), (at(1, 10), "selesai", "rt")]
        )
        add_report(
            conn,
            a,
            "sampah-kebersihan",
            at(2, 2),
            [(at(2, 3), "diproses", "kelurahan"), (at(2, 20), "selesai", "kelurahan")],
        )
        add_report(conn, a, "jalan-gang", at(3, 1), [(at(3, 8), "diverifikasi", "rw")])
        add_report(conn, a, "keamanan-ketertiban", at(4, 1), [(at(4, 2), "ditolak", "rt")])
        add_report(conn, a, "drainase-banjir", at(6, 28))
        add_report(
            conn, a, "sampah-kebersihan", at(5, 10), [(at(5, 11), "diproses", "dinas"), (at(5, 15), "selesai", "dinas")]
        )
        add_report(
            conn, b, "sampah-kebersihan", at(1, 10), [(at(1, 11), "diverifikasi", "rt"), (at(1, 12), "selesai", "rt")]
        )
        add_report(conn, b, "lainnya", at(2, 1))
    return any_db


def _counts(card: capacity.Scorecard, label: str) -> dict[str, tuple[float, int]]:
    unit_id = card.table.set_index("label").loc[label, "unit_id"]
    rows = card.measures[card.measures["unit_id"] == unit_id]
    return {r.measure: (r.num, r.den) for r in rows.itertuples()}


def test_every_measure_of_an_rt(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        card = capacity.scorecard(conn, JAN_JUN, "rt", now=NOW)
    assert _counts(card, A) == {
        "kehadiran_rakor": (5, 6),
        "pencatatan_tepat_waktu": (5, 6),  # March's kerja bakti was entered late
        "tindak_lanjut_eskalasi": (2, 3),  # R2, R6 followed up; R3 (RW) still only verified
        "tingkat_penyelesaian": (3, 5),  # R1 R2 R6 of the valid R1 R2 R3 R5 R6
        "selesai_tepat_waktu": (2, 4),  # R1, R6 in time; R2 late; R3 past its deadline; R5 not yet due
        "tanggap_cepat": (4, 6),  # R1 R2 R4 R6 in a day; R3 took 7 days; R5 unanswered after 12 days
        "tingkat_partisipasi": (pytest.approx(6 * 0.5 + 3 * 0.75), 9),
        "kegiatan_terlaksana": (6, 30),  # kerja bakti 6 of 6, ronda 0 of 24
        "musyawarah_rutin": (3, 6),
        "kehadiran_bimtek": (1, 1),
        "kelengkapan_data": (4, 4),
    }
    assert _counts(card, B)["kehadiran_bimtek"] == (0, 1)  # January 2025 is outside the 12 months
    assert _counts(card, B)["kelengkapan_data"] == (1, 4)  # only the households are known and fresh
    assert _counts(card, B)["kegiatan_terlaksana"] == (4, 30)


def test_pillar_scores_and_index_of_an_rt(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        table = capacity.scorecard(conn, JAN_JUN, "rt", now=NOW).table.set_index("label")
    koordinasi = 100 * (0.5 * 5 / 6 + 0.25 * 5 / 6 + 0.25 * 2 / 3)
    # Resolved within SLA has only 4 reports (minimum 5): the other two measures carry 0.65 of the weight.
    penyelesaian = 100 * (0.4 * 3 / 5 + 0.25 * 4 / 6) / 0.65
    partisipasi = 100 * (0.5 * 5.25 / 9 + 0.5 * 6 / 30)
    kepemimpinan = 100 * (0.4 * 3 / 6 + 0.3 * 1 + 0.3 * 1)
    row = table.loc[A]
    assert row["skor_koordinasi"] == pytest.approx(koordinasi)
    assert row["skor_penyelesaian"] == pytest.approx(penyelesaian)
    assert row["skor_partisipasi"] == pytest.approx(partisipasi)
    assert row["skor_kepemimpinan"] == pytest.approx(kepemimpinan)
    assert row[INDEX_KEY] == pytest.approx((koordinasi + penyelesaian + partisipasi + kepemimpinan) / 4)
    assert row["peringkat"] == 1


def test_too_little_data_is_not_scored_and_not_ranked(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        table = capacity.scorecard(conn, JAN_JUN, "rt", now=NOW).table.set_index("label")
    b = table.loc[B]
    # Two reports only: no problem-solving score, so no index and no rank, but the other goals are shown.
    assert b["kurang_data"] == ("skor_penyelesaian",)
    assert pd.isna(b[INDEX_KEY]) and pd.isna(b["peringkat"])
    # Meetings 2 of 6, months recorded 2 of 6 (January, February); no escalated report, so those weights rescale.
    assert b["skor_koordinasi"] == pytest.approx(100 * (0.5 * 2 / 6 + 0.25 * 2 / 6) / 0.75)
    assert b["skor_kepemimpinan"] == pytest.approx(100 * 0.3 * 1 / 4)
    # The new RT recorded nothing: not scored at all, whatever the meetings it missed.
    c = table.loc[C]
    assert c["kurang_data"] == (NO_RECORDS,)
    assert c[[*capacity.PILLAR_KEYS, INDEX_KEY]].isna().all()


def test_rw_measures_add_up_their_rts(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        card = capacity.scorecard(conn, JAN_JUN, "rw", now=NOW)
    rw03 = _counts(card, "RW 03")
    assert rw03["kehadiran_rakor"] == (6, 6)
    assert rw03["kehadiran_bimtek"] == (1, 1)
    assert rw03["kelengkapan_data"] == (4 + 1 + 1, 4 + 4 + 1)  # both RTs' facts and the RW head's name
    assert rw03["tingkat_penyelesaian"] == (3 + 1, 5 + 2)
    assert rw03["tindak_lanjut_eskalasi"] == (2, 2)  # only kelurahan/dinas count as escalated from an RW
    assert rw03["musyawarah_rutin"] == (3, 6 + 6 + 6)  # both RTs' musyawarah and the RW's own meeting
    assert card.table.set_index("label").loc["RW 04", "kurang_data"] == (NO_RECORDS,)


def test_scope_limits_the_units(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        card = capacity.scorecard(conn, JAN_JUN, "rt", Scope(rw="04"), now=NOW)
    assert card.table["label"].tolist() == [C]


def test_strengths_and_weak_points_in_plain_words(scorecard_data: Engine) -> None:
    from kutorejo_data.ui.blocks.capacity import finding_text

    with scorecard_data.connect() as conn:
        card = capacity.scorecard(conn, JAN_JUN, "rt", now=NOW)
    unit_id = int(card.table.set_index("label").loc[A, "unit_id"])
    strong, weak = capacity.strengths_and_weaknesses(card, unit_id)
    assert [f.measure for f in strong] == ["kehadiran_bimtek", "kelengkapan_data", "kehadiran_rakor"]
    assert [f.measure for f in weak] == ["kegiatan_terlaksana"]
    assert (
        finding_text(Finding("kehadiran_rakor", 5, 6, 5 / 6), "id")
        == "Kehadiran rapat koordinasi: hadir 5 dari 6 rapat"
    )
    assert (
        finding_text(Finding("kehadiran_rakor", 3, 12, 0.25), "en")
        == "Coordination meeting attendance: attended 3 of 12 meetings"
    )
    assert capacity.weakest_measure(card, unit_id, "skor_partisipasi") == Finding("kegiatan_terlaksana", 6, 30, 0.2)


def test_change_since_the_previous_period(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        current, table = capacity.scorecard_with_change(conn, JAN_JUN, "rt", now=NOW)
    # July–December 2025 has no records: no previous index, so no change.
    assert table["perubahan"].isna().all()
    assert table[INDEX_KEY].notna().sum() == 1


def test_area_view_measures(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        rows = area_view.area_measures(conn, JAN_JUN, "rt", now=NOW).set_index("label")
    # Open on 30 June: A has R3 (overdue: 122 days, SLA 30) and R5 (2 days); B has R8 (overdue).
    assert rows.loc[A, ["terbuka", "terlambat"]].tolist() == [2, 1]
    assert rows.loc[A, "terbuka_per_100_kk"] == pytest.approx(5.0)
    assert rows.loc[A, "persen_terlambat"] == pytest.approx(0.5)
    assert rows.loc[A, "tingkat_partisipasi"] == pytest.approx(5.25 / 9)
    assert rows.loc[B, "terbuka_per_100_kk"] == pytest.approx(100 / 30)
    assert rows.loc[B, "persen_terlambat"] == pytest.approx(1.0)
    assert pd.isna(rows.loc[B, "indeks_kapasitas"])
    assert rows.loc[C, ["terbuka_per_100_kk", "persen_terlambat", "tingkat_partisipasi"]].isna().all()


@pytest.mark.parametrize(("rw", "rt"), [(None, None), ("03", None), ("03", "002")])
def test_both_area_view_levels_from_shared_counts_equal_each_counted_alone(demo_db: Engine, rw, rt) -> None:
    now = datetime(2026, 11, 29, 12)
    filters = ReportFilters(rw=rw, rt=rt, dari=date(2025, 12, 1), sampai=date(2026, 11, 29))
    with demo_db.connect() as conn:
        shared = {
            "reports": area_view.shared_report_counts(conn, filters, Scope(), now),
            "open_counts": area_view.open_and_overdue(conn, filters, Scope(), now),
        }
        for level in ("rt", "rw"):
            alone = area_view.area_measures(conn, filters, level, now=now)
            together = area_view.area_measures(conn, filters, level, now=now, **shared)
            pd.testing.assert_frame_equal(together, alone)
            if level == "rw" and rt:
                assert alone.empty  # an RT's area shows no RW
            else:
                assert alone["terbuka"].sum() > 0


def test_an_empty_database_has_no_units_and_no_errors(any_db: Engine) -> None:
    with any_db.connect() as conn:
        card = capacity.scorecard(conn, JAN_JUN, "rt", now=NOW)
        assert card.table.empty and card.measures.empty
        assert area_view.area_measures(conn, JAN_JUN, "rw", now=NOW).empty


# -- The rules on their own, with counts made by hand (no database) -----------------------------------------------


def _one_unit(counts: dict[str, tuple[float, int]], *, has_records: bool = True) -> capacity.Scorecard:
    """Score one unit whose measures have the given (numerator, denominator); others have no data."""
    units = pd.DataFrame([[1, 1, 1, "01", "001", "RT 001/RW 01", "X", 40, 150]], columns=UNIT_COLUMNS)
    rows = [
        (1, key, *counts.get(key, (0, 0)))
        for p in metrics.CAPACITY_PILLARS
        for key in (m.metric.key for m in p.measures)
    ]
    frame = pd.DataFrame(rows, columns=["unit_id", "measure", "num", "den"])
    return score_units(UnitCounts(units, frame, frozenset({1} if has_records else set())))


FULL = {
    "kehadiran_rakor": (6, 6),
    "pencatatan_tepat_waktu": (6, 6),
    "tindak_lanjut_eskalasi": (3, 3),
    "tingkat_penyelesaian": (5, 5),
    "selesai_tepat_waktu": (5, 5),
    "tanggap_cepat": (5, 5),
    "tingkat_partisipasi": (3.0, 3),
    "kegiatan_terlaksana": (30, 30),
    "musyawarah_rutin": (6, 6),
    "kehadiran_bimtek": (1, 1),
    "kelengkapan_data": (4, 4),
}


def test_full_marks_give_100_and_nothing_gives_0() -> None:
    assert _one_unit(FULL).table.loc[0, INDEX_KEY] == pytest.approx(100)
    nothing = {key: (0, den) for key, (_, den) in FULL.items()}
    assert _one_unit(nothing).table.loc[0, INDEX_KEY] == pytest.approx(0)


def test_one_solved_report_does_not_top_the_table() -> None:
    one_report = {**FULL, "tingkat_penyelesaian": (1, 1), "selesai_tepat_waktu": (1, 1), "tanggap_cepat": (1, 1)}
    row = _one_unit(one_report).table.loc[0]
    assert pd.isna(row["skor_penyelesaian"]) and pd.isna(row[INDEX_KEY]) and pd.isna(row["peringkat"])


@pytest.mark.parametrize(
    ("counting", "scored"),
    [
        (("tingkat_penyelesaian",), False),  # 0.40 of the weight: not enough
        (("tingkat_penyelesaian", "tanggap_cepat"), True),  # 0.65
        (("selesai_tepat_waktu", "tanggap_cepat"), True),  # 0.60
        (("tanggap_cepat",), False),  # 0.25
    ],
)
def test_a_pillar_needs_measures_carrying_half_its_weight(counting: tuple[str, ...], scored: bool) -> None:
    too_few = {key: (1, 1) for key in ("tingkat_penyelesaian", "selesai_tepat_waktu", "tanggap_cepat")}
    counts = {**FULL, **too_few, **{key: FULL[key] for key in counting}}
    assert pd.notna(_one_unit(counts).table.loc[0, "skor_penyelesaian"]) == scored


def test_a_unit_without_records_is_not_scored_even_with_data_about_it() -> None:
    row = _one_unit(FULL, has_records=False).table.loc[0]
    assert row["kurang_data"] == (NO_RECORDS,)
    assert row[[*capacity.PILLAR_KEYS, INDEX_KEY]].isna().all()


def test_weights_of_each_pillar_sum_to_one() -> None:
    for pillar in metrics.CAPACITY_PILLARS:
        assert sum(m.weight for m in pillar.measures) == pytest.approx(1.0)


def test_trend_windows_keep_the_period_length_and_end_at_month_ends() -> None:
    assert capacity.trend_windows(date(2025, 12, 1), date(2026, 11, 29), points=3) == [
        (date(2025, 10, 1), date(2026, 9, 30)),
        (date(2025, 11, 1), date(2026, 10, 31)),
        (date(2025, 12, 1), date(2026, 11, 29)),
    ]


@pytest.mark.parametrize(
    ("dari", "sampai"),
    [
        (date(2026, 12, 1), date(2026, 12, 7)),  # this month, early in it
        (date(2027, 1, 1), date(2027, 1, 31)),  # last month, across the new year
        (date(2026, 3, 1), date(2026, 3, 31)),  # after February
        (date(2026, 10, 1), date(2026, 12, 31)),  # three months
    ],
)
def test_the_trend_windows_of_a_period_of_whole_months_are_whole_months(dari: date, sampai: date) -> None:
    windows = capacity.trend_windows(dari, sampai)
    months = (sampai.year - dari.year) * 12 + sampai.month - dari.month + 1
    assert windows[-1] == (dari, sampai)
    for start, end in windows[:-1]:
        assert start.day == 1 and end == month_end(end)
        assert (end.year - start.year) * 12 + end.month - start.month + 1 == months
    ends = [end for _, end in windows[:-1]]
    assert ends == sorted(ends) and ends[-1] == month_end(add_months(sampai, -1))


def test_trend_of_one_unit_ends_with_the_tables_value(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        card = capacity.scorecard(conn, JAN_JUN, "rt", now=NOW)
        unit_id = int(card.table.set_index("label").loc[A, "unit_id"])
        trend = capacity.trend_of(capacity.capacity_history(conn, JAN_JUN, "rt", now=NOW).trends, unit_id)
    assert len(trend) == capacity.TREND_POINTS
    assert trend.iloc[-1][INDEX_KEY] == pytest.approx(card.table.set_index("label").loc[A, INDEX_KEY])
    values = trend[[*capacity.PILLAR_KEYS, INDEX_KEY]].to_numpy(dtype=float)
    assert ((values[~pd.isna(values)] >= 0) & (values[~pd.isna(values)] <= 100)).all()


def test_every_activity_type_role_and_measure_has_words_in_both_languages() -> None:
    from kutorejo_data.core.domain import ACTIVITY_TYPES, ATTENDANCE_ROLES
    from kutorejo_data.core.i18n import CATALOGUE

    keys = [f"jenis.{j}" for j in ACTIVITY_TYPES] + [f"peran.{p}" for p in ATTENDANCE_ROLES]
    keys += [f"kapasitas.detail.{m.metric.key}" for p in metrics.CAPACITY_PILLARS for m in p.measures]
    for key in keys:
        indonesian, english = CATALOGUE[key]
        assert indonesian and english


def _scores(table: pd.DataFrame, unit_id: int) -> list[float | None]:
    row = table[table["unit_id"] == unit_id].iloc[0]
    return [None if pd.isna(row[key]) else round(float(row[key]), 9) for key in (*capacity.PILLAR_KEYS, INDEX_KEY)]


@pytest.mark.parametrize("level", ["rt", "rw"])
def test_each_trend_point_is_the_scorecard_of_its_window(scorecard_data: Engine, level: str) -> None:
    windows = capacity.trend_windows(JAN_JUN.dari, JAN_JUN.sampai)  # type: ignore[arg-type]
    with scorecard_data.connect() as conn:
        trends = capacity.capacity_history(conn, JAN_JUN, level, now=NOW).trends  # type: ignore[arg-type]
        for unit_id in capacity.scorecard(conn, JAN_JUN, level, now=NOW).table["unit_id"]:  # type: ignore[arg-type]
            trend = capacity.trend_of(trends, int(unit_id))
            for (dari, sampai), point in zip(windows, trend.itertuples(index=False), strict=True):
                alone = capacity.scorecard(conn, JAN_JUN.with_period(dari, sampai), level, now=NOW)  # type: ignore[arg-type]
                point_scores = [None if pd.isna(v) else round(float(v), 9) for v in point[1:]]
                assert (point.sampai, point_scores) == (sampai, _scores(alone.table, int(unit_id)))


def test_counting_several_periods_at_once_equals_counting_each_alone(demo_db: Engine) -> None:
    now = datetime(2026, 11, 29, 12)
    periods = [
        (date(2025, 12, 1), date(2026, 11, 29)),  # lines up: starts on the 1st, ends on the latest end
        (date(2025, 6, 1), date(2026, 5, 31)),  # lines up: whole months
        (date(2026, 3, 15), date(2026, 8, 10)),  # does not: counted on its own
        (date(2026, 2, 1), date(2026, 9, 10)),  # does not end on a month's last day
    ]
    with demo_db.connect() as conn:
        area = resolve_area(conn, None, "03", None, Scope())
        for level in ("rt", "rw"):
            together = unit_counts_by_period(conn, area, level, periods, now)  # type: ignore[arg-type]
            for (dari, sampai), counts in zip(periods, together, strict=True):
                alone = unit_counts(conn, UnitQuery(area, level, dari, sampai, now))  # type: ignore[arg-type]
                pd.testing.assert_frame_equal(counts.counts, alone.counts)
                assert counts.with_records == alone.with_records
                assert not alone.counts["den"].eq(0).all()


AREAS = [(None, None, Scope()), ("03", None, Scope()), ("03", "002", Scope()), (None, None, Scope(rw="05"))]


@pytest.mark.parametrize(("rw", "rt", "scope"), AREAS)
@pytest.mark.parametrize("level", ["rt", "rw"])
def test_an_areas_rows_of_the_kelurahan_scorecard_are_its_own_scorecard(demo_db: Engine, rw, rt, scope, level) -> None:
    """What Kapasitas shows after choosing an RW: the kelurahan's scorecard sliced, ranked among the RW's units."""
    now = datetime(2026, 11, 29, 12)
    filters = ReportFilters(kelurahan_kode=KUTOREJO, rw=rw, rt=rt, dari=date(2025, 12, 1), sampai=date(2026, 11, 29))
    whole = ReportFilters(kelurahan_kode=KUTOREJO, dari=filters.dari, sampai=filters.sampai)
    with demo_db.connect() as conn:
        alone = capacity.scorecard(conn, filters, level, scope, now=now)
        ids = capacity.area_unit_ids(conn, filters, level, scope)
        sliced = capacity.for_units(capacity.scorecard(conn, whole, level, scope, now=now), ids)
    empty = len(alone.table) == 0  # an RT's area holds no RW (an empty frame's column types are not compared)
    assert empty == (level == "rw" and rt is not None)
    pd.testing.assert_frame_equal(sliced.table, alone.table, check_dtype=not empty)
    pd.testing.assert_frame_equal(sliced.measures, alone.measures, check_dtype=not empty)


def test_a_unit_outside_the_trend_has_empty_scores(scorecard_data: Engine) -> None:
    with scorecard_data.connect() as conn:
        trends = capacity.capacity_history(conn, JAN_JUN, "rt", now=NOW).trends
    missing = capacity.trend_of(trends, -1)
    assert len(missing) == capacity.TREND_POINTS and missing[INDEX_KEY].isna().all()


@pytest.mark.parametrize(("rw", "rt", "scope"), AREAS)
def test_an_areas_rows_of_the_kelurahan_area_view_are_its_own(demo_db: Engine, rw, rt, scope) -> None:
    """What Wilayah shows after choosing an RW: the kelurahan's rows of that RW's units, the same as counted alone."""
    now = datetime(2026, 11, 29, 12)
    filters = ReportFilters(kelurahan_kode=KUTOREJO, rw=rw, rt=rt, dari=date(2025, 12, 1), sampai=date(2026, 11, 29))
    whole = ReportFilters(kelurahan_kode=KUTOREJO, dari=filters.dari, sampai=filters.sampai)
    with demo_db.connect() as conn:
        for level in ("rt", "rw"):
            alone = area_view.area_measures(conn, filters, level, scope, now=now)
            everything = area_view.area_measures(conn, whole, level, scope, now=now)
            ids = capacity.area_unit_ids(conn, filters, level, scope)
            sliced = everything[everything["unit_id"].isin(ids)].reset_index(drop=True)
            pd.testing.assert_frame_equal(sliced, alone, check_dtype=not alone.empty)


@pytest.mark.parametrize(
    ("dari", "sampai"),
    [
        (date(2025, 12, 1), date(2026, 11, 29)),
        (date(2026, 11, 1), date(2026, 11, 29)),
        (date(2026, 1, 1), date(2026, 6, 30)),
    ],
)
@pytest.mark.parametrize("level", ["rt", "rw"])
def test_the_capacity_history_is_each_scorecard_and_trend_counted_alone(demo_db: Engine, dari, sampai, level) -> None:
    """Kapasitas reads its two scorecards and the trend from one read of the monthly counts: nothing may change."""
    now = datetime(2026, 11, 29, 12)
    filters = ReportFilters(kelurahan_kode=KUTOREJO, dari=dari, sampai=sampai)
    with demo_db.connect() as conn:
        history = capacity.capacity_history(conn, filters, level, now=now)
        pd.testing.assert_frame_equal(history.current.table, capacity.scorecard(conn, filters, level, now=now).table)
        previous = capacity.scorecard(conn, filters.compared_with(), level, now=now)
        pd.testing.assert_frame_equal(history.previous.table, previous.table)
    # The trend's last point is the period itself: the current scorecard's scores (each point: the test above).
    last = history.trends[history.trends["sampai"] == sampai].set_index("unit_id")[[*capacity.PILLAR_KEYS, INDEX_KEY]]
    current = history.current.table.set_index("unit_id")[[*capacity.PILLAR_KEYS, INDEX_KEY]]
    pd.testing.assert_frame_equal(last, current, check_dtype=False)
