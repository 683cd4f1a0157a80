"""Keputusan rapat: recorded at the month's coordination meeting with an owner and a due date, moved on by its owner
or the office with every change kept, read inside the reader's scope; bad input is refused with nothing written."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from kutorejo_data.access.permissions import scope_for
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.i18n import t
from kutorejo_data.core.models import AuditLog, KeputusanLaporan, KeputusanRapat, KeputusanStatus, Pengguna
from kutorejo_data.records.activities import ActivityInput, create_activity
from kutorejo_data.records.decisions import (
    DecisionInput,
    create_decision,
    decisions_of_month,
    decisions_of_owner,
    overdue_decisions,
    parse_report_numbers,
    status_history,
    update_decision,
)
from kutorejo_data.records.report_writes import NewReport, create_report
from tests.factories import KUTOREJO, add_area
from tests.signin import add_user

MEETING = date(2026, 11, 10)  # the second Tuesday: November's rapat koordinasi
HELD = datetime(2026, 11, 10, 11, 0)
OFFICE = scope_for("staf", KUTOREJO, None, None)
RW03 = scope_for("ketua_rw", KUTOREJO, "03", None)
RW04 = scope_for("ketua_rw", KUTOREJO, "04", None)
RT03 = scope_for("ketua_rt", KUTOREJO, "03", "002")


def account_id(engine: Engine, username: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(Pengguna.id).where(Pengguna.username == username)).scalar_one())


def build_office(engine: Engine) -> Engine:
    """RW 03/RT 002 and RW 04/RT 001 with their heads and a staf; November's meeting; a report in RW 03."""
    with engine.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="04", rt="001")
    add_user(engine, "staf", "staf")
    add_user(engine, "rw03", "ketua_rw", rw="03")
    add_user(engine, "rw04", "ketua_rw", rw="04")
    add_user(engine, "rt03-002", "ketua_rt", rw="03", rt="002")
    add_user(engine, "tamu", "tamu")
    meeting = ActivityInput(
        KUTOREJO, "kelurahan", None, None, "rapat_koordinasi", MEETING, "Rakor November", kehadiran={"ketua_rw": 2}
    )
    create_activity(engine, meeting, actor="staf", today=MEETING)
    report = NewReport(KUTOREJO, "03", "002", "drainase-banjir", "Selokan mampet", reported_at=HELD - timedelta(days=9))
    create_report(engine, report, actor="rt03-002", now=HELD - timedelta(days=9))
    return engine


@pytest.fixture
def office(any_db: Engine) -> Engine:
    return build_office(any_db)


def decision(**fields: object) -> DecisionInput:
    values: dict = {
        "kelurahan_kode": KUTOREJO,
        "bulan": "2026-11",
        "apa": "Kerja bakti bersihkan selokan Gang Mawar",
        "batas": date(2026, 11, 24),
        "pemilik_nama": "Pak Slamet (LPM)",
    }
    return DecisionInput(**{**values, **fields})


def count(engine: Engine, model: type) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_the_office_records_a_decision_at_the_months_meeting_with_its_first_status(office: Engine) -> None:
    owner = account_id(office, "rw03")
    nomor = create_decision(
        office,
        decision(pemilik_id=owner, pemilik_nama="", rw="03", laporan=(1,)),
        actor="staf",
        role="staf",
        scope=OFFICE,
        now=HELD,
    )
    with office.connect() as conn:
        [stored] = decisions_of_month(conn, KUTOREJO, "2026-11", OFFICE)
        row = conn.execute(select(KeputusanRapat.__table__).where(KeputusanRapat.id == nomor)).one()
        entry = conn.execute(select(AuditLog.__table__).where(AuditLog.entity == "keputusan_rapat")).one()
        history = status_history(conn, nomor)
    assert (stored.nomor, stored.status, stored.tanggal_rapat, stored.rw, stored.laporan) == (
        nomor,
        "belum",
        MEETING,
        "03",
        (1,),
    )
    assert stored.pemilik_id == owner and stored.pemilik == "rw03"
    assert row.kegiatan_id is not None  # it belongs to the meeting's Kegiatan record
    assert (row.updated_at, row.updated_by) == (HELD, "staf")
    assert [(step[2], step[3]) for step in history] == [(None, "belum")]
    assert (entry.action, entry.actor, json.loads(entry.after)["laporan"]) == ("create", "staf", [1])


def test_a_named_person_without_an_account_may_own_a_decision(office: Engine) -> None:
    create_decision(office, decision(), actor="staf", role="staf", scope=OFFICE, now=HELD)
    with office.connect() as conn:
        [stored] = decisions_of_month(conn, KUTOREJO, "2026-11", OFFICE)
    assert (stored.pemilik, stored.pemilik_id, stored.area) == ("Pak Slamet (LPM)", None, "")


def test_the_owner_and_the_office_move_it_on_and_every_change_is_kept(office: Engine) -> None:
    owner = account_id(office, "rw03")
    nomor = create_decision(
        office, decision(pemilik_id=owner, rw="03"), actor="staf", role="staf", scope=OFFICE, now=HELD
    )
    later = HELD + timedelta(days=3)
    update_decision(
        office,
        nomor,
        "berjalan",
        "Jadwal hari Minggu",
        actor="rw03",
        role="ketua_rw",
        account_id=owner,
        scope=RW03,
        now=HELD + timedelta(days=1),
    )
    update_decision(
        office, nomor, "selesai", "Sudah bersih", actor="staf", role="staf", account_id=None, scope=OFFICE, now=later
    )
    with office.connect() as conn:
        history = status_history(conn, nomor)
        [stored] = decisions_of_month(conn, KUTOREJO, "2026-11", OFFICE)
        entries = conn.execute(
            select(AuditLog.action, AuditLog.actor).where(AuditLog.entity == "keputusan_rapat").order_by(AuditLog.id)
        ).all()
    assert [(step[1], step[2], step[3], step[4]) for step in history] == [
        ("staf", None, "belum", ""),
        ("rw03", "belum", "berjalan", "Jadwal hari Minggu"),
        ("staf", "berjalan", "selesai", "Sudah bersih"),
    ]
    assert (stored.status, stored.catatan, stored.updated_by, stored.updated_at) == (
        "selesai",
        "Sudah bersih",
        "staf",
        later,
    )
    assert [tuple(entry) for entry in entries] == [("create", "staf"), ("status", "rw03"), ("status", "staf")]


def test_someone_who_neither_owns_it_nor_works_in_the_office_may_not_update_it(office: Engine) -> None:
    nomor = create_decision(
        office,
        decision(pemilik_id=account_id(office, "rw03"), rw="03"),
        actor="staf",
        role="staf",
        scope=OFFICE,
        now=HELD,
    )
    rt_head = account_id(office, "rt03-002")
    with pytest.raises(ServiceError) as refused:
        update_decision(office, nomor, "selesai", "", actor="rt03-002", role="ketua_rt", account_id=rt_head, scope=RT03)
    assert refused.value.key == "error.keputusan_not_owner"
    with pytest.raises(ServiceError) as hidden:  # another RW's head does not even see it
        rw04 = account_id(office, "rw04")
        update_decision(office, nomor, "selesai", "", actor="rw04", role="ketua_rw", account_id=rw04, scope=RW04)
    assert hidden.value.key == "error.keputusan_not_found"
    assert count(office, KeputusanStatus) == 1


@pytest.mark.parametrize(
    ("role", "scope", "rw", "refusal"),
    [
        ("ketua_rw", RW03, "04", "error.keputusan_not_allowed"),  # another RW
        ("ketua_rw", RW03, None, "error.keputusan_not_allowed"),  # the whole kelurahan is the office's
        ("ketua_rt", RT03, "03", "error.keputusan_not_allowed"),
        ("tamu", Scope(KUTOREJO, read_only=True), None, "error.read_only"),
    ],
)
def test_only_the_office_and_an_rw_head_for_their_own_rw_record_decisions(
    fresh_db: Engine, role: str, scope: Scope, rw: str | None, refusal: str
) -> None:
    build_office(fresh_db)
    with pytest.raises(ServiceError) as refused:
        create_decision(fresh_db, decision(rw=rw), actor="x", role=role, scope=scope, now=HELD)
    assert refused.value.key == refusal
    create_decision(fresh_db, decision(rw="03"), actor="rw03", role="ketua_rw", scope=RW03, now=HELD)
    assert count(fresh_db, KeputusanRapat) == 1


def test_reads_follow_the_scope_and_owners_see_what_they_own(office: Engine) -> None:
    rw04 = account_id(office, "rw04")
    for rw, owner in (("03", None), (None, None), ("04", None), ("03", rw04)):
        create_decision(
            office,
            decision(rw=rw, pemilik_id=owner, apa=f"RW {rw} / {owner}"),
            actor="staf",
            role="staf",
            scope=OFFICE,
            now=HELD,
        )
    with office.connect() as conn:
        everything = decisions_of_month(conn, KUTOREJO, "2026-11", OFFICE)
        for_rw03 = decisions_of_month(conn, KUTOREJO, "2026-11", RW03)
        for_rw04 = decisions_of_month(conn, KUTOREJO, "2026-11", RW04, account_id=rw04)
        rw03_meeting = decisions_of_month(conn, KUTOREJO, "2026-11", OFFICE, rw="03")
        october = decisions_of_month(conn, KUTOREJO, "2026-10", OFFICE)
    assert len(everything) == 4 and october == []
    assert [d.rw for d in for_rw03] == ["03", None, "03"]
    assert [d.rw for d in for_rw04] == [None, "04", "03"]  # RW 03's decision they own, too
    assert [d.rw for d in rw03_meeting] == ["03", None, "03"]


def test_overdue_open_decisions_are_the_owners_and_the_digests(office: Engine) -> None:
    owner = account_id(office, "rw03")
    early = create_decision(
        office,
        decision(pemilik_id=owner, rw="03", batas=date(2026, 11, 17)),
        actor="staf",
        role="staf",
        scope=OFFICE,
        now=HELD,
    )
    done = create_decision(
        office,
        decision(pemilik_id=owner, rw="03", batas=date(2026, 11, 12)),
        actor="staf",
        role="staf",
        scope=OFFICE,
        now=HELD,
    )
    create_decision(
        office, decision(pemilik_id=owner, batas=date(2026, 12, 20)), actor="staf", role="staf", scope=OFFICE, now=HELD
    )
    update_decision(office, done, "selesai", "", actor="rw03", role="ketua_rw", account_id=owner, scope=RW03)
    today = date(2026, 11, 29)
    with office.connect() as conn:
        owned = decisions_of_owner(conn, owner, RW03)
        late = overdue_decisions(conn, KUTOREJO, "03", RW03, today=today)
        late_rw04 = overdue_decisions(conn, KUTOREJO, "04", OFFICE, today=today)
    assert [(d.batas, d.overdue(today)) for d in owned] == [(date(2026, 11, 17), True), (date(2026, 12, 20), False)]
    assert [d.nomor for d in late] == [early] and late_rw04 == []


def test_report_numbers_are_read_as_typed() -> None:
    assert parse_report_numbers("12, #40 41;12") == (12, 40, 41)
    assert parse_report_numbers("") == ()
    assert parse_report_numbers("12, dua") is None


def test_empty_text_and_unknown_reports_are_refused_with_clear_messages(office: Engine) -> None:
    with pytest.raises(ValidationError) as refused:
        create_decision(
            office, decision(apa="   ", laporan=(1, 999)), actor="staf", role="staf", scope=OFFICE, now=HELD
        )
    assert refused.value.fields == {"apa": "error.keputusan_apa_empty", "laporan": "error.keputusan_laporan_unknown"}
    assert t("error.keputusan_laporan_unknown") == "Ada nomor laporan yang tidak dikenal di kelurahan ini."
    assert count(office, KeputusanRapat) == count(office, KeputusanLaporan) == count(office, KeputusanStatus) == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    owner=st.sampled_from(["", "   ", "\t", "Pak Slamet"]),
    days_before=st.integers(min_value=-30, max_value=400),
    apa=st.text(min_size=1, max_size=60).filter(lambda s: s.strip()),
)
def test_no_owner_or_a_due_date_before_the_meeting_is_refused_and_nothing_is_written(
    fresh_db: Engine, owner: str, days_before: int, apa: str
) -> None:
    if not count(fresh_db, Pengguna):
        build_office(fresh_db)
    bad_owner, early = not owner.strip(), days_before > 0
    attempt = decision(apa=apa, pemilik_nama=owner, batas=MEETING - timedelta(days=days_before))
    if not bad_owner and not early:
        nomor = create_decision(fresh_db, attempt, actor="staf", role="staf", scope=OFFICE, now=HELD)
        with fresh_db.begin() as conn:  # start each example from an empty decision table again
            conn.execute(KeputusanStatus.__table__.delete())
            conn.execute(KeputusanRapat.__table__.delete().where(KeputusanRapat.id == nomor))
        return
    with pytest.raises(ValidationError) as refused:
        create_decision(fresh_db, attempt, actor="staf", role="staf", scope=OFFICE, now=HELD)
    expected = {}
    if bad_owner:
        expected["pemilik"] = "error.keputusan_pemilik_empty"
    if early:
        expected["batas"] = "error.keputusan_batas_before_meeting"
    assert refused.value.fields == expected
    assert count(fresh_db, KeputusanRapat) == count(fresh_db, KeputusanStatus) == 0


def test_the_messages_say_what_is_wrong_in_indonesian() -> None:
    assert t("error.keputusan_pemilik_empty") == (
        "Keputusan harus punya penanggung jawab: pilih akun atau tulis nama orangnya."
    )
    assert t("error.keputusan_batas_before_meeting") == "Batas waktu tidak boleh sebelum tanggal rapat."
    assert t("error.keputusan_apa_empty") == "Tulis keputusannya: apa yang akan dikerjakan."
