"""Residents in the loop: the tracking code, the public status, "sudah beres?", and the WhatsApp outbox."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select, update

from kutorejo_data.core import db
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.formatting import fmt_day_long
from kutorejo_data.core.models import KonfirmasiWarga, Laporan, Pengguna, Pesan, RiwayatPenugasan, StatusHistory
from kutorejo_data.core.phones import normalise_phone, wa_link
from kutorejo_data.core.tracking import ALPHABET, new_code, normalise_code
from kutorejo_data.records import outbox
from kutorejo_data.records.assignment import Reassignment, reassign
from kutorejo_data.records.confirmation import Answer, confirm
from kutorejo_data.records.escalation import tick
from kutorejo_data.records.notifications import queue_reminders
from kutorejo_data.records.public import public_status
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from kutorejo_data.records.tasks import my_tasks
from tests.factories import KUTOREJO, add_area
from tests.signin import add_user

MONDAY = datetime(2026, 11, 2, 9, 0)
REPORTER = "Bu Sulastri"
REPORTER_PHONE = "0812-3456-7890"


@pytest.fixture
def office(any_db: Engine) -> Engine:
    """RW 03 / RT 002 with its RT head (who has a WhatsApp number), the RW head and kelurahan staff."""
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(any_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    add_user(any_db, "rw03", "ketua_rw", rw="03")
    add_user(any_db, "staf", "staf")
    with any_db.begin() as conn:
        conn.execute(update(Pengguna).where(Pengguna.username == "rt03-002").values(telepon="+62 813-1111-2222"))
    return any_db


def _id(engine: Engine, username: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(Pengguna.id).where(Pengguna.username == username)).scalar_one()


def _new(engine: Engine, *, actor: str = "staf", phone: str | None = REPORTER_PHONE, when: datetime = MONDAY) -> int:
    report = NewReport(
        KUTOREJO,
        "03",
        "002",
        "keamanan-ketertiban",
        "Pos ronda di depan rumah Pak Darto roboh",
        deskripsi="Sudah seminggu tidak dipakai",
        pelapor_nama=REPORTER,
        pelapor_telepon=phone,
        reported_at=when,
    )
    return create_report(engine, report, actor=actor, now=when)


def _report(engine: Engine, nomor: int):
    with engine.connect() as conn:
        return conn.execute(select(Laporan).where(Laporan.id == nomor)).one()


def _messages(engine: Engine, nomor: int | None = None) -> list:
    with engine.connect() as conn:
        stmt = select(Pesan).order_by(Pesan.id)
        if nomor is not None:
            stmt = stmt.where(Pesan.laporan_id == nomor)
        return list(conn.execute(stmt).all())


def _resolve(engine: Engine, nomor: int, when: datetime) -> None:
    version = _report(engine, nomor).version
    version = change_status(engine, StatusChange(nomor, "diproses", version), actor="rt03-002", now=when)
    change_status(engine, StatusChange(nomor, "selesai", version), actor="rt03-002", now=when + timedelta(hours=2))


# ---------------------------------------------------------------------------------------------------------------
# The code


def test_a_code_carries_40_random_bits_in_two_groups_of_four_without_look_alikes() -> None:
    code = new_code()
    prefix, first, second = code.split("-")
    assert prefix == "KTR" and len(first) == len(second) == 4
    assert set(first + second) <= set(ALPHABET)
    assert not set("ILOU") & set(ALPHABET) and len(ALPHABET) == 32  # 8 symbols × 5 bits
    assert new_code(lambda bits: 2**bits - 1) == "KTR-ZZZZ-ZZZZ"
    assert new_code(lambda bits: 0) == "KTR-0000-0000"


@given(st.integers(min_value=0, max_value=2**40 - 1), st.sampled_from(["lower", "spaces", "look-alikes", "bare"]))
def test_a_code_typed_carelessly_still_finds_its_report(value: int, variant: str) -> None:
    code = new_code(lambda bits: value)
    typed = {
        "lower": code.lower(),
        "spaces": " " + code.replace("-", " ") + " ",
        "look-alikes": code.replace("0", "O").replace("1", "I"),
        "bare": code.replace("-", "")[3:],
    }[variant]
    assert normalise_code(typed) == code


@given(st.text(max_size=40))
def test_any_text_is_a_code_or_nothing_and_never_an_error(text: str) -> None:
    found = normalise_code(text)
    assert found is None or (len(found) == 13 and normalise_code(found) == found)


def test_every_report_gets_its_own_code_when_it_is_made(office: Engine) -> None:
    codes = {_report(office, _new(office)).kode_lacak for _ in range(5)}
    assert len(codes) == 5 and all(normalise_code(code) == code for code in codes)


# ---------------------------------------------------------------------------------------------------------------
# The public status


def test_the_public_status_shows_the_progress_and_nothing_personal(office: Engine) -> None:
    nomor = _new(office)
    _resolve(office, nomor, MONDAY + timedelta(days=1))
    kode = _report(office, nomor).kode_lacak
    with office.connect() as conn:
        shown = public_status(conn, kode.lower().replace("-", " "))
    assert shown is not None
    assert (shown.kode, shown.status, shown.rw, shown.rt) == (kode, "selesai", "03", "002")
    assert [update.status for update in shown.updates] == ["baru", "diproses", "selesai"]
    assert shown.resolution is not None and shown.resolution.answered is None
    everything_shown = repr(shown)
    for private in (REPORTER, "0812", "Pak Darto", "seminggu", "rt03-002", "staf"):
        assert private not in everything_shown


@pytest.mark.parametrize("typed", ["", "KTR-0000-0000", "bukan kode", "KTR-ZZZZ-ZZZ", "x" * 500])
def test_a_wrong_code_finds_nothing(office: Engine, typed: str) -> None:
    _new(office)
    with office.connect() as conn:
        assert public_status(conn, typed) is None


# ---------------------------------------------------------------------------------------------------------------
# "Sudah beres?"


def test_yes_records_the_confirmation_with_its_rating_once(office: Engine) -> None:
    nomor = _new(office)
    _resolve(office, nomor, MONDAY + timedelta(days=1))
    kode = _report(office, nomor).kode_lacak
    assert confirm(office, kode, Answer("ya", nilai=5), now=MONDAY + timedelta(days=3)) == "ya"
    with pytest.raises(ServiceError) as second:
        confirm(office, kode, Answer("ya", nilai=1), now=MONDAY + timedelta(days=4))
    assert second.value.key == "error.confirm_answered"
    with office.connect() as conn:
        assert conn.execute(select(KonfirmasiWarga.jawaban, KonfirmasiWarga.nilai)).all() == [("ya", 5)]
    assert _report(office, nomor).status == "selesai"


def test_not_yet_reopens_the_report_into_its_holders_queue(office: Engine) -> None:
    nomor = _new(office)
    resolved_on = MONDAY + timedelta(days=1)
    _resolve(office, nomor, resolved_on)
    kode = _report(office, nomor).kode_lacak
    answered_on = resolved_on + timedelta(days=13)
    confirm(office, kode, Answer("belum", alasan="Posnya roboh lagi"), now=answered_on)

    report = _report(office, nomor)
    assert report.status == "diproses"
    with office.connect() as conn:
        last = conn.execute(
            select(StatusHistory.changed_by, StatusHistory.note)
            .where(StatusHistory.laporan_id == nomor)
            .order_by(StatusHistory.id.desc())
        ).first()
        queue = my_tasks(
            conn, _id(office, "rt03-002"), Scope(kelurahan_kode=KUTOREJO, rw="03", rt="002"), now=answered_on
        )
    assert last == ("pelapor", "Dibuka kembali oleh pelapor: Posnya roboh lagi")
    assert [task.nomor for task in queue] == [nomor]
    assert report.batas_tahap > answered_on  # its level gets a fresh stage
    told = [m for m in _messages(office, nomor) if m.jenis == "dibuka_kembali"]
    assert len(told) == 1 and "Posnya roboh lagi" in told[0].teks and told[0].nomor == "6281311112222"


@pytest.mark.parametrize(
    ("answer", "key"),
    [(Answer("belum"), "error.confirm_needs_reason"), (Answer("ya", nilai=6), "error.confirm_rating_range")],
)
def test_an_incomplete_answer_is_explained(office: Engine, answer: Answer, key: str) -> None:
    nomor = _new(office)
    _resolve(office, nomor, MONDAY)
    with pytest.raises(ValidationError) as refused:
        confirm(office, _report(office, nomor).kode_lacak, answer, now=MONDAY + timedelta(days=1))
    assert key in refused.value.fields.values()


def test_an_answer_is_refused_politely_before_resolution_after_14_days_and_for_an_unknown_code(office: Engine) -> None:
    open_one, resolved = _new(office), _new(office)
    _resolve(office, resolved, MONDAY)
    refusals = {
        "error.confirm_not_resolved": (_report(office, open_one).kode_lacak, MONDAY + timedelta(days=1)),
        "error.confirm_too_late": (_report(office, resolved).kode_lacak, MONDAY + timedelta(days=14, hours=3)),
        "error.code_not_found": ("KTR-0000-0000", MONDAY),
    }
    for key, (kode, when) in refusals.items():
        with pytest.raises(ServiceError) as refused:
            confirm(office, kode, Answer("belum", alasan="masih rusak"), now=when)
        assert refused.value.key == key
    assert _report(office, resolved).status == "selesai"  # nothing reopened


# ---------------------------------------------------------------------------------------------------------------
# The outbox


def test_the_reporter_hears_from_the_rt_head_and_the_rt_head_from_the_office(office: Engine) -> None:
    nomor = _new(office, actor="staf")
    task, received = _messages(office, nomor)
    kode = _report(office, nomor).kode_lacak
    assert (received.jenis, received.nomor, received.penerima) == ("laporan_diterima", "6281234567890", REPORTER)
    assert received.pengirim_id == _id(office, "rt03-002")  # the person in charge tells the reporter
    assert kode in received.teks and f"/cek?kode={kode}" in received.teks
    assert (task.jenis, task.pengirim_id, task.nomor) == ("tugas_baru", None, "6281311112222")


def test_nobody_is_told_of_their_own_action_and_a_report_without_a_phone_tells_no_reporter(office: Engine) -> None:
    nomor = _new(office, actor="rt03-002", phone=None)
    assert _messages(office, nomor) == []


def test_status_changes_reach_the_reporter_and_resolution_asks_sudah_beres(office: Engine) -> None:
    nomor = _new(office)
    _resolve(office, nomor, MONDAY + timedelta(days=1))
    kinds = [m.jenis for m in _messages(office, nomor)]
    assert kinds == ["tugas_baru", "laporan_diterima", "status_berubah", "laporan_selesai"]
    assert "Sudah beres?" in _messages(office, nomor)[-1].teks


def test_a_number_whatsapp_cannot_reach_is_kept_and_flagged_not_dropped(office: Engine) -> None:
    nomor = _new(office, phone="0343 631234")  # a landline
    received = next(m for m in _messages(office, nomor) if m.jenis == "laporan_diterima")
    assert received.nomor is None and received.status == "antre"


def test_handing_over_and_escalating_tell_the_new_holder(office: Engine) -> None:
    nomor = _new(office, actor="rt03-002", phone=None)
    reassign(office, Reassignment(nomor, _id(office, "rw03"), "butuh tangga"), actor="staf", now=MONDAY)
    late = _report(office, nomor).batas_tahap + timedelta(hours=1)
    tick(office, now=late)
    tick(office, now=late)  # a second run adds nothing
    kinds = [(m.jenis, m.penerima) for m in _messages(office, nomor)]
    assert kinds[0] == ("tugas_baru", "rw03")
    assert [kind for kind, _ in kinds[1:]] == ["tugas_terlambat"]


def test_the_daily_job_moves_many_reports_at_once_each_once_and_tells_the_new_holder_of_each(
    office: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BATCH_SIZE", 2)  # five reports cross every batch's edge
    numbers = [_new(office, actor="rt03-002", phone=None, when=MONDAY + timedelta(minutes=i)) for i in range(5)]
    late = max(_report(office, nomor).batas_tahap for nomor in numbers) + timedelta(hours=1)
    assert tick(office, now=late).escalated == 5
    assert tick(office, now=late).escalated == 0
    with office.connect() as conn:
        moves = conn.execute(
            select(RiwayatPenugasan.id, RiwayatPenugasan.laporan_id, RiwayatPenugasan.ke_pengguna_id)
            .where(RiwayatPenugasan.jenis == "eskalasi")
            .order_by(RiwayatPenugasan.id)
        ).all()
    assert [move.laporan_id for move in moves] == numbers
    assert {move.ke_pengguna_id for move in moves} == {_id(office, "rw03")}
    assert {(_report(office, n).penanganan, _report(office, n).penanggung_jawab_id) for n in numbers} == {
        ("rw", _id(office, "rw03"))
    }
    told = [m for m in _messages(office) if m.jenis == "tugas_terlambat"]
    assert [(m.laporan_id, m.kunci, m.penerima) for m in told] == [
        (move.laporan_id, f"tugas:{move.id}", "rw03") for move in moves
    ]
    assert all(f"#{m.laporan_id} " in m.teks for m in told)


def test_a_reminder_goes_out_the_working_day_before_a_deadline_once(office: Engine) -> None:
    nomor = _new(office, actor="rt03-002", phone=None)
    with office.begin() as conn:
        conn.execute(update(Laporan).where(Laporan.id == nomor).values(batas_tahap=datetime(2026, 11, 9, 23, 59, 59)))
    with office.begin() as conn:  # due Monday 9 November
        assert queue_reminders(conn, now=datetime(2026, 11, 5, 7, 0)) == 0  # Thursday: two working days before
        assert queue_reminders(conn, now=datetime(2026, 11, 6, 7, 0)) == 1  # Friday: the working day before
        assert queue_reminders(conn, now=datetime(2026, 11, 7, 7, 0)) == 0  # Saturday: told already
    assert [m.jenis for m in _messages(office, nomor)] == ["tugas_besok"]


def test_a_template_with_an_unknown_placeholder_is_refused_and_a_good_one_is_used(office: Engine) -> None:
    with pytest.raises(ValidationError):
        outbox.save_template(office, "laporan_diterima", "Halo {nama_pelapor}", actor="staf", now=MONDAY)
    with pytest.raises(ValidationError):
        outbox.save_template(office, "laporan_diterima", "Kode {kode", actor="staf", now=MONDAY)
    with pytest.raises(ServiceError):
        outbox.save_template(office, "laporan_diterima", "Kode {kode}", actor="rw03", scope=Scope(rw="03"), now=MONDAY)
    outbox.save_template(office, "laporan_diterima", "Kode Anda {kode}, cek {link}", actor="staf", now=MONDAY)
    nomor = _new(office)
    received = next(m for m in _messages(office, nomor) if m.jenis == "laporan_diterima")
    assert received.teks.startswith(f"Kode Anda {_report(office, nomor).kode_lacak}, cek http")


def test_a_message_is_marked_sent_only_by_the_person_who_must_send_it(office: Engine) -> None:
    nomor = _new(office)
    received = next(m for m in _messages(office, nomor) if m.jenis == "laporan_diterima")
    staf = outbox.Sender(_id(office, "staf"), office=True)
    head = outbox.Sender(_id(office, "rt03-002"))
    assert outbox.mark_sent(office, received.id, staf, actor="staf", now=MONDAY) is None
    assert outbox.mark_sent(office, received.id, head, actor="rt03-002", now=MONDAY)
    assert outbox.mark_sent(office, received.id, head, actor="rt03-002", now=MONDAY) is None
    with office.connect() as conn:
        assert outbox.waiting_for(conn, head) == []


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0812-3456-7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("812 3456 789", "628123456789"),
        ("(0343) 631234", None),  # a landline: no WhatsApp
        ("12345", None),
        ("", None),
    ],
)
def test_numbers_are_normalised_as_whatsapp_wants_them(typed: str, number: str | None) -> None:
    assert normalise_phone(typed) == number


@given(st.text(max_size=40))
def test_any_text_is_a_number_or_nothing(text: str) -> None:
    number = normalise_phone(text)
    assert number is None or (number.startswith("628") and number.isdigit() and 11 <= len(number) <= 14)


def test_a_click_to_send_link_carries_the_whole_text() -> None:
    link = wa_link("6281234567890", 'Laporan "A&B" #5?\nCek: https://x/cek?kode=KTR-1')
    assert link.startswith("https://wa.me/6281234567890?text=")
    assert "\n" not in link and "&B" not in link and "#5" not in link


# ---------------------------------------------------------------------------------------------------------------
# The digest agrees with the export


def test_the_digest_of_an_rw_and_day_agrees_with_the_export(demo_db_url: str, capsys: pytest.CaptureFixture) -> None:
    from kutorejo_data.cli.main import main
    from kutorejo_data.core.config import now_local

    today = now_local().date()
    assert main(["--database-url", demo_db_url, "export", "--format", "csv", "--rw", "03"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert main(["--database-url", demo_db_url, "digest", "--rw", "3", "--tanggal", today.isoformat()]) == 0
    figures = _digest_figures(capsys.readouterr().out)

    on_day = today.isoformat()
    assert figures["Laporan masuk"] == sum(row["Tanggal lapor"].startswith(on_day) for row in rows)
    assert figures["Diselesaikan"] == sum(row["Tanggal selesai"].startswith(on_day) for row in rows)
    assert figures["Masih terbuka di akhir hari"] == sum(
        row["Status"] in ("baru", "diverifikasi", "diproses") for row in rows
    )
    assert figures["Di antaranya terlambat"] == sum(row["Terlambat"] == "ya" for row in rows)
    assert figures["Masih terbuka di akhir hari"] > 0 and figures["Di antaranya terlambat"] > 0


def test_a_past_days_digest_counts_that_days_new_reports_as_the_export_does(
    demo_db_url: str, capsys: pytest.CaptureFixture
) -> None:
    from kutorejo_data.cli.main import main

    main(["--database-url", demo_db_url, "export", "--format", "csv", "--rw", "03", "--sampai", "2026-11-20"])
    exported = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    day = date.fromisoformat(exported[-1]["Tanggal lapor"][:10])  # the last day before the 21st with a report
    main(["--database-url", demo_db_url, "digest", "--rw", "03", "--tanggal", str(day)])
    text = capsys.readouterr().out
    on_day = sum(row["Tanggal lapor"].startswith(str(day)) for row in exported)
    assert _digest_figures(text)["Laporan masuk"] == on_day > 0
    assert fmt_day_long(day) in text and str(day.year) in text


def _digest_figures(text: str) -> dict[str, int]:
    figures = {}
    for line in text.splitlines():
        if line.startswith("• ") and ": *" in line:
            label, value = line[2:].split(": *", 1)
            figures[label] = int(value.split("*", 1)[0].replace(".", ""))
    return figures


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--tanggal", "2999-01-01"], "tidak boleh sesudah hari ini"),
        (["--rw", "99"], "RW 99 tidak ada"),
        (["--rw", "x"], "--rw harus nomor"),
    ],
)
def test_digest_explains_a_bad_argument(demo_db_url: str, capsys: pytest.CaptureFixture, args: list, said: str) -> None:
    from kutorejo_data.cli.main import main

    assert main(["--database-url", demo_db_url, "digest", *args]) in (1, 2)
    assert said in capsys.readouterr().err


def test_scope_keeps_a_heads_messages_their_own(office: Engine) -> None:
    nomor = _new(office)
    with office.connect() as conn:
        mine = outbox.waiting_for(conn, outbox.Sender(_id(office, "rt03-002")))
        office_queue = outbox.waiting_for(
            conn, outbox.Sender(_id(office, "staf"), office=True, kelurahan_kode=KUTOREJO)
        )
        other_office = outbox.waiting_for(
            conn, outbox.Sender(_id(office, "staf"), office=True, kelurahan_kode="35.14.11.1001")
        )
        rw_queue = outbox.waiting_for(conn, outbox.Sender(_id(office, "rw03")))
    assert other_office == []
    assert [m.jenis for m in mine] == ["laporan_diterima"]
    assert [m.jenis for m in office_queue] == ["tugas_baru"]
    assert rw_queue == [] and all(m.laporan_id == nomor for m in mine + office_queue)
