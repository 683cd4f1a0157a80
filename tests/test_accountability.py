"""Every open report has a named person and due dates in working days; rules route it, escalation moves it up."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine, func, insert, select

from kutorejo_data.access.account_admin import set_active
from kutorejo_data.analytics.accountability import on_time_tables
from kutorejo_data.core.errors import ValidationError
from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from kutorejo_data.core.models import AturanPenugasan, Kategori, Laporan, Pengguna, RiwayatPenugasan
from kutorejo_data.records.assignment import Reassignment, reassign
from kutorejo_data.records.escalation import tick
from kutorejo_data.records.holidays import add_days_off, parse_days
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area
from tests.signin import add_user

CHRISTMAS_EVE = datetime(2026, 12, 24, 9, 0)  # Thursday, cuti bersama


@pytest.fixture
def office(any_db: Engine) -> Engine:
    """RW 03 with RTs 001 and 002: a head for RT 002 and for the RW, kelurahan staff and the lurah."""
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="001")
        add_area(conn, rw="03", rt="002")
    add_user(any_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    add_user(any_db, "rw03", "ketua_rw", rw="03")
    add_user(any_db, "staf", "staf")
    add_user(any_db, "lurah", "lurah")
    return any_db


def _id(engine: Engine, username: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(Pengguna.id).where(Pengguna.username == username)).scalar_one()


def _report(engine: Engine, rt: str = "002", kategori: str = "keamanan-ketertiban", when: datetime = CHRISTMAS_EVE):
    nomor = create_report(
        engine, NewReport(KUTOREJO, "03", rt, kategori, "Lampu jalan mati", reported_at=when), actor="uji", now=when
    )
    with engine.connect() as conn:
        return conn.execute(select(Laporan).where(Laporan.id == nomor)).one()


def _history(engine: Engine, nomor: int) -> list[tuple[str, str, int | None]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(RiwayatPenugasan.jenis, RiwayatPenugasan.tingkat, RiwayatPenugasan.ke_pengguna_id)
            .where(RiwayatPenugasan.laporan_id == nomor)
            .order_by(RiwayatPenugasan.id)
        )
        return [tuple(row) for row in rows]


def test_a_new_report_goes_to_its_rt_head_with_due_dates_in_working_days(office: Engine) -> None:
    report = _report(office)  # keamanan: respond in 3, resolve in 3 working days
    assert report.penanggung_jawab_id == _id(office, "rt03-002")
    # From Thursday 24 Dec (cuti bersama): Christmas and the weekend are skipped: 28, 29, 30 December.
    assert report.batas_selesai == datetime(2026, 12, 30, 23, 59, 59)
    assert report.batas_tanggap == datetime(2026, 12, 30, 23, 59, 59)
    assert report.batas_tahap == report.batas_selesai
    assert _history(office, report.id) == [("awal", "rt", _id(office, "rt03-002"))]


def test_a_two_working_day_target_from_24_december_is_due_after_christmas_and_the_weekend(office: Engine) -> None:
    with office.begin() as conn:
        conn.execute(Kategori.__table__.update().where(Kategori.slug == "air-bersih").values(sla_hari=2))
    report = _report(office, kategori="air-bersih")
    assert report.batas_selesai == datetime(2026, 12, 29, 23, 59, 59)
    assert report.batas_selesai.weekday() == 1  # a Tuesday


def test_without_an_rt_head_the_rw_head_then_the_office_is_in_charge(office: Engine) -> None:
    assert _report(office, rt="001").penanggung_jawab_id == _id(office, "rw03")
    set_active(office, "rw03", False, actor="uji", now=CHRISTMAS_EVE)
    assert _report(office, rt="001").penanggung_jawab_id == _id(office, "staf")


def test_the_most_specific_rule_wins_and_a_rule_to_a_deactivated_account_is_passed_over(office: Engine) -> None:
    add_user(office, "pju", "staf")
    add_user(office, "sampah", "staf")
    with office.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        pju = conn.execute(select(Kategori.id).where(Kategori.slug == "penerangan-jalan")).scalar_one()
        for rule in (
            {"rw_id": area.rw_id, "kategori_id": None, "pengguna_id": _id(office, "sampah")},
            {"rw_id": area.rw_id, "kategori_id": pju, "pengguna_id": _id(office, "pju")},
        ):
            conn.execute(
                insert(AturanPenugasan).values(
                    tingkat="rt", kelurahan_id=area.kelurahan_id, created_at=CHRISTMAS_EVE, **rule
                )
            )
    assert _report(office, kategori="penerangan-jalan").penanggung_jawab_id == _id(office, "pju")
    assert _report(office, kategori="sampah-kebersihan").penanggung_jawab_id == _id(office, "sampah")
    set_active(office, "pju", False, actor="uji", now=CHRISTMAS_EVE)
    assert _report(office, kategori="penerangan-jalan").penanggung_jawab_id == _id(office, "sampah")


def test_reassigning_needs_a_reason_and_is_in_the_history(office: Engine) -> None:
    report = _report(office)
    with pytest.raises(ValidationError):
        reassign(office, Reassignment(report.id, _id(office, "staf"), "  "), actor="lurah", now=CHRISTMAS_EVE)
    reassign(
        office,
        Reassignment(report.id, _id(office, "staf"), "butuh alat dari kelurahan"),
        actor="lurah",
        now=CHRISTMAS_EVE,
    )
    assert _history(office, report.id)[-1] == ("manual", "rt", _id(office, "staf"))


def test_a_deactivated_accounts_open_reports_go_to_the_next_person(office: Engine) -> None:
    first, second = _report(office), _report(office)
    handed_on = set_active(office, "rt03-002", False, actor="admin", now=CHRISTMAS_EVE)
    assert handed_on == {"rw03": 2}
    with office.connect() as conn:
        holders = set(conn.execute(select(Laporan.penanggung_jawab_id).where(Laporan.id.in_([first.id, second.id]))))
    assert holders == {(_id(office, "rw03"),)}
    assert _history(office, first.id)[-1] == ("akun_nonaktif", "rt", _id(office, "rw03"))


@pytest.mark.parametrize(
    ("now", "deadline"),
    [
        # Past its due on Wednesday 30 Dec; the RW gets 5 working days from New Year's Eve: 1 January and
        # Isra Mi'raj (5 January 2027) are holidays, so they are 4, 6, 7, 8 and 11 January.
        (datetime(2026, 12, 31, 7, 0), datetime(2027, 1, 11, 23, 59, 59)),
        # Run on a Friday evening: the weekend does not count.
        (datetime(2027, 1, 8, 19, 0), datetime(2027, 1, 15, 23, 59, 59)),
    ],
)
def test_tick_moves_a_late_report_up_once_and_a_second_run_writes_nothing(
    office: Engine, now: datetime, deadline: datetime
) -> None:
    report = _report(office)
    assert tick(office, now=now).escalated == 1
    with office.connect() as conn:
        moved = conn.execute(select(Laporan).where(Laporan.id == report.id)).one()
        writes = conn.execute(select(func.count()).select_from(RiwayatPenugasan)).scalar_one()
    assert (moved.penanganan, moved.penanggung_jawab_id, moved.batas_tahap) == ("rw", _id(office, "rw03"), deadline)
    assert _history(office, report.id)[-1] == ("eskalasi", "rw", _id(office, "rw03"))
    assert tick(office, now=now).escalated == 0
    with office.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RiwayatPenugasan)).scalar_one() == writes


def test_the_ladder_climbs_to_the_dinas_and_stops_there(office: Engine) -> None:
    report = _report(office)
    levels = []
    for month in range(1, 6):
        tick(office, now=datetime(2027, month, 28, 7, 0))
        with office.connect() as conn:
            levels.append(conn.execute(select(Laporan.penanganan).where(Laporan.id == report.id)).scalar_one())
    assert levels == ["rw", "kelurahan", "dinas", "dinas", "dinas"]


def test_a_resolved_report_is_not_escalated_and_a_reopened_one_gets_a_fresh_stage(office: Engine) -> None:
    report = _report(office)
    change_status(office, StatusChange(report.id, "diproses", 1), actor="rt03-002", now=datetime(2026, 12, 28, 9))
    change_status(office, StatusChange(report.id, "selesai", 2), actor="rt03-002", now=datetime(2026, 12, 28, 10))
    assert tick(office, now=datetime(2027, 4, 12, 7)).escalated == 0
    change_status(
        office, StatusChange(report.id, "diproses", 3, note="masih mati"), actor="warga", now=datetime(2027, 4, 12, 9)
    )
    with office.connect() as conn:
        stage = conn.execute(select(Laporan.batas_tahap).where(Laporan.id == report.id)).scalar_one()
    assert stage == datetime(2027, 4, 19, 23, 59, 59)  # 5 working days from Monday 12 April


def test_days_off_the_kelurahan_adds_move_new_due_dates(office: Engine) -> None:
    parsed = parse_days("2026-12-28 HUT Desa\nbesok\n31/12/2026 Cuti tambahan\n")
    assert [day for day, _ in parsed.days] == [date(2026, 12, 28), date(2026, 12, 31)]
    assert parsed.unreadable == ((2, "besok"),)
    assert add_days_off(office, parsed.days, None, actor="admin", now=CHRISTMAS_EVE) == 2
    assert add_days_off(office, parsed.days, None, actor="admin", now=CHRISTMAS_EVE) == 0  # nothing twice
    report = _report(office)
    assert report.batas_selesai == datetime(2027, 1, 4, 23, 59, 59)  # 29, 30 Dec, (31 off, 1 Jan), 4 Jan


def test_on_time_rates_per_level_person_and_area_count_working_days(office: Engine) -> None:
    made = datetime(2026, 11, 23, 9, 0)  # Monday; keamanan is due Thursday 26 Nov (3 working days) for both targets
    quick, slow, _silent = (_report(office, when=made) for _ in range(3))
    steps = [
        (quick.id, "diverifikasi", datetime(2026, 11, 24, 9)),
        (quick.id, "selesai", datetime(2026, 11, 26, 20)),  # Thursday evening: on time
        (slow.id, "diverifikasi", datetime(2026, 11, 26, 9)),  # responded on time …
        (slow.id, "selesai", datetime(2026, 11, 27, 8)),  # … resolved on Friday: late
    ]
    versions: dict[int, int] = {}
    for nomor, status, when in steps:
        versions[nomor] = versions.get(nomor, 1)
        change_status(office, StatusChange(nomor, status, versions[nomor]), actor="rt03-002", now=when)
        versions[nomor] += 1
    now = datetime(2026, 12, 1, 9)
    tick(office, now=now)  # `silent` is past its deadline: it goes up to the RW
    november = ReportFilters(kelurahan_kode=KUTOREJO, dari=date(2026, 11, 1), sampai=date(2026, 11, 30))
    december = ReportFilters(kelurahan_kode=KUTOREJO, dari=date(2026, 11, 1), sampai=date(2026, 12, 1))
    with office.connect() as conn:
        by_area = on_time_tables(conn, november, EVERYTHING, now=now).by_area.set_index("grup")
        in_december = on_time_tables(conn, december, EVERYTHING, now=now)
        by_person, by_level = in_december.by_person.set_index("grup"), in_december.by_level.set_index("grup")
    # Responses: quick and slow on time, silent unanswered past its deadline; resolutions: quick only.
    assert by_area.loc["RW 03", ["tanggap_n", "tanggap_tepat", "selesai_n", "selesai_tepat"]].tolist() == [3, 2, 3, 1]
    assert by_area.loc["RW 03", "eskalasi"] == 0  # the escalation happened on 1 December
    assert by_level.loc["rw", "eskalasi"] == 1 and by_level.loc["rw", "tanggap_n"] == 1
    assert by_person.loc["rt03-002", "selesai_tepat"] == 1
