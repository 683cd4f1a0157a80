"""Reports from a WhatsApp chat: `python -m kutorejo_data import-whatsapp` and the write it shares with the page."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kutorejo_data.cli.main import main
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import RT, AuditLog, Kategori, Laporan, StatusHistory
from kutorejo_data.intake import chat_import
from kutorejo_data.intake.chat_file import read_chat_export
from kutorejo_data.intake.chat_import import (
    ChatTarget,
    Choice,
    candidates,
    message_key,
    reporter_of,
    save_chosen,
    title_of,
)
from tests.factories import KUTOREJO, add_area

DATA = Path(__file__).parent / "data" / "whatsapp"


@pytest.fixture
def db_url(fresh_db_url: str) -> str:
    """Kutorejo with RW 03 (RT 001–003) and RW 04 (RT 001), no reports."""
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        for rw, rt in (("03", "001"), ("03", "002"), ("03", "003"), ("04", "001")):
            add_area(conn, rw=rw, rt=rt)
    engine.dispose()
    return fresh_db_url


def run(db_url: str, *args: str) -> int:
    return main(["--database-url", db_url, "import-whatsapp", *args])


def reports(db_url: str) -> list[dict[str, object]]:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                Laporan.id,
                Laporan.judul,
                Laporan.deskripsi,
                Laporan.sumber,
                Laporan.pelapor_nama,
                Laporan.pelapor_telepon,
                Laporan.reported_at,
                Laporan.external_id,
                Laporan.status,
                Kategori.slug.label("kategori"),
            )
            .join(Kategori, Kategori.id == Laporan.kategori_id)
            .order_by(Laporan.id)
        ).mappings()
        found = [dict(row) for row in rows]
    engine.dispose()
    return found


def count(db_url: str, model: type) -> int:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return total


def test_dry_run_lists_the_complaints_and_writes_nothing(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, str(DATA / "android_id.txt"), "--rw", "03", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "android_id.txt: 10 pesan (Android), 9 baris sistem dilewati." in out
    assert "Tanggal dibaca sebagai hari/bulan/tahun: angka pertama tanggal di baris 19 lebih dari 12." in out
    assert "baris 21 (31/02/26 10.00)" in out
    assert out.count("akan dibuat") == 4
    assert "Keluhan: 4 dari 10 pesan" in out
    assert count(db_url, Laporan) == 0


def test_each_complaint_becomes_a_report_once(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, str(DATA / "android_id.txt"), "--rw", "03", "--rt", "003") == 0
    assert [(r["judul"], r["kategori"], r["reported_at"]) for r in reports(db_url)] == [
        ("Selokan depan rumah pak Darto mampet lagi…", "drainase-banjir", datetime(2026, 11, 3, 8, 15)),
        ("Ini fotonya pak, sampah numpuk di TPS belakang pasar", "sampah-kebersihan", datetime(2026, 11, 3, 8, 17)),
        ("Lampu PJU gg 3 mati sudah seminggu, rt.02", "penerangan-jalan", datetime(2026, 11, 5, 6, 30)),
        ("Air pdam tidak mengalir dari kemarin sore, RT 001", "air-bersih", datetime(2026, 11, 15, 7, 5)),
    ]
    first = reports(db_url)[0]
    assert (
        first["deskripsi"] == "selokan depan rumah pak Darto mampet lagi\nbaunya sampai ke dalam rumah\n\ntolong pak RT"
    )
    assert (first["sumber"], first["pelapor_nama"], first["pelapor_telepon"], first["status"]) == (
        "warga",
        "Pak Darto",
        None,
        "baru",
    )
    assert str(first["external_id"]).startswith("wa:") and len(str(first["external_id"])) == 43
    assert count(db_url, StatusHistory) == 4
    assert count(db_url, AuditLog) == 4  # one audited create per report, through the write service
    assert capsys.readouterr().out.count("dibuat #") == 4

    assert run(db_url, str(DATA / "android_id.txt"), "--rw", "03", "--rt", "003") == 0
    out = capsys.readouterr().out
    assert count(db_url, Laporan) == 4
    assert out.count("sudah ada #") == 4
    assert "dibuat 0 · dukungan 0 · sudah ada 4 · ditolak 0" in out


def test_the_rt_a_message_names_wins_over_the_chosen_one(db_url: str) -> None:
    assert run(db_url, str(DATA / "android_id.txt"), "--rw", "03", "--rt", "003") == 0
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rts = conn.execute(select(RT.nomor).join(Laporan, Laporan.rt_id == RT.id).order_by(Laporan.id)).scalars()
        assert list(rts) == ["003", "003", "002", "001"]  # "rt.02" and "RT 001" in the text; the rest: --rt
    engine.dispose()


def test_a_message_naming_no_rt_without_rt_given_is_refused_with_the_way_out(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_url, str(DATA / "android_id.txt"), "--rw", "03") == 0
    out = capsys.readouterr().out
    assert out.count("ditolak: pesan ini tidak menyebut RT-nya: pakai --rt") == 2
    assert count(db_url, Laporan) == 2


def test_json_prints_one_object_per_message_and_no_system_line(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, str(DATA / "ios_id_foto.zip"), "--rw", "03", "--rt", "002", "--format", "json") == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [row["baris"] for row in rows] == [4, 6, 7, 8, 9, 13, 15]
    assert {"waktu", "pengirim", "teks", "keluhan", "kategori", "yakin", "rt", "media"} <= set(rows[0])
    first = rows[0]
    assert (first["waktu"], first["pengirim"], first["keluhan"], first["kategori"], first["rt"]) == (
        "2026-11-03T08:15:02",
        "Pak Darto",
        True,
        "drainase-banjir",
        "002",
    )
    assert first["hasil"] == "dibuat" and isinstance(first["laporan"], int) and 0 < first["yakin"] <= 1
    assert rows[1]["media"] == [
        {"berkas": "00000012-PHOTO-2026-11-03-08-15-02.jpg", "jenis": "gambar", "dalam_zip": True}
    ]
    assert rows[4]["dihapus"] is True and rows[4]["keluhan"] is False
    thanks = rows[5]
    assert (thanks["keluhan"], thanks["kategori"], thanks["hasil"]) == (False, None, None)
    assert rows[6]["diedit"] is True
    assert "Keluhan: 3 dari 7 pesan" in captured.err  # the summary goes to stderr: stdout is the data
    phone_report = reports(db_url)[-1]
    assert (phone_report["pelapor_nama"], phone_report["pelapor_telepon"]) == (None, "+62 813-1111-2222")


def test_the_same_chat_as_txt_and_as_zip_is_the_same_messages(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, str(DATA / "ios_id.txt"), "--rw", "03", "--rt", "002") == 0
    assert count(db_url, Laporan) == 3
    assert run(db_url, str(DATA / "ios_id_foto.zip"), "--rw", "03", "--rt", "002") == 0
    assert count(db_url, Laporan) == 3
    assert "dibuat 0 · dukungan 0 · sudah ada 3" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--rw", "09"], 2, "RW 09 tidak ada"),
        (["--rw", "03", "--rt", "009"], 2, "RT 009 tidak ada"),
        (["--rw", "abc"], 2, "--rw harus nomor"),
        (["--rw", "03", "--kelurahan", "35.14.11.9999"], 2, "belum ada di database"),
    ],
)
def test_wrong_areas_are_usage_errors(
    db_url: str, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    assert run(db_url, str(DATA / "android_id.txt"), *args) == code
    assert message in capsys.readouterr().err


def test_a_file_that_is_not_a_chat_is_refused_with_exit_1(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, str(DATA / "bukan_chat.txt"), "--rw", "03") == 1
    assert "bukan ekspor chat WhatsApp" in capsys.readouterr().err
    assert run(db_url, str(DATA / "tidak_ada.txt"), "--rw", "03") == 2


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("selokan depan rumah pak Darto mampet lagi", "Selokan depan rumah pak Darto mampet lagi"),
        ("lampu mati\nsudah seminggu", "Lampu mati…"),
        (
            "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas",
            "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh…",
        ),
    ],
)
def test_a_title_is_the_first_words_of_the_message(text: str, title: str) -> None:
    assert title_of(text) == title


@pytest.mark.parametrize(
    ("sender", "reporter"),
    [
        ("Pak Darto", ("Pak Darto", None)),
        ("+62 812-3456-7890", (None, "+62 812-3456-7890")),
        ("Anda", (None, None)),
        ("You", (None, None)),
    ],
)
def test_the_sender_is_the_reporter_by_name_or_phone(sender: str, reporter: tuple[str | None, str | None]) -> None:
    assert reporter_of(sender) == reporter


def test_a_head_cannot_save_into_another_area_and_a_guest_cannot_save_at_all(db_url: str) -> None:
    engine = make_engine(db_url)
    export = read_chat_export(DATA / "ios_id.txt")
    target = ChatTarget(KUTOREJO, "03", "002")
    with engine.connect() as conn:
        found = [c for c in candidates(conn, export, target, EVERYTHING) if c.guess.is_complaint]
    chosen = [Choice(c, "lainnya", c.rt) for c in found]
    other_rw = Scope(kelurahan_kode=KUTOREJO, rw="04")
    outcome = save_chosen(engine, chosen, target, actor="rw04", scope=other_rw)
    assert (len(outcome.created), len(outcome.refused)) == (0, 3)
    assert outcome.refused[0][1] == {"rt": "error.rt_unknown"}
    with pytest.raises(ServiceError):
        save_chosen(engine, chosen, target, actor="tamu", scope=Scope(read_only=True))
    assert count(db_url, Laporan) == 0
    engine.dispose()


def test_a_message_saved_meanwhile_by_another_import_counts_as_already_there(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(db_url)
    export = read_chat_export(DATA / "ios_id.txt")
    target = ChatTarget(KUTOREJO, "03", "002")
    with engine.connect() as conn:
        found = [c for c in candidates(conn, export, target, EVERYTHING) if c.guess.is_complaint]
    chosen = [Choice(c, "lainnya", c.rt) for c in found]
    first = save_chosen(engine, chosen[:1], target, actor="uji", scope=EVERYTHING)
    real = chat_import.existing_reports
    calls = []

    def blind_at_first(conn, keys):  # type: ignore[no-untyped-def]
        calls.append(keys)
        return {} if len(calls) == 1 else real(conn, keys)

    monkeypatch.setattr(chat_import, "existing_reports", blind_at_first)
    outcome = save_chosen(engine, chosen, target, actor="uji", scope=EVERYTHING)
    assert [number for _, number in outcome.already] == [first.created[0][1]]
    assert len(outcome.created) == 2
    engine.dispose()


def test_the_key_of_a_message_is_its_sender_minute_and_words() -> None:
    export = read_chat_export(DATA / "ios_id.txt")
    message = export.messages[0]
    assert message_key(message) == message_key(message.__class__(**{**message.__dict__, "line": 99}))
    spaced = message.__class__(**{**message.__dict__, "text": message.text.replace(" ", "  ")})
    assert message_key(spaced) == message_key(message)
    other = message.__class__(**{**message.__dict__, "sender": "Bu Sri"})
    assert message_key(other) != message_key(message)


def test_neighbours_repeating_a_complaint_become_support_for_the_first_report(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUTOREJO_NOW", "2026-11-20T08:00")
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "03/11/26 08.15 - Pak Darto: selokan depan rumah saya mampet lagi, air masuk rumah\n"
        "03/11/26 09.02 - Bu Sri: iya pak selokan gang 3 mampet, rumah saya juga kemasukan air\n"
        "03/11/26 09.30 - Pak Budi: lampu PJU di pojok gang mati\n",
        encoding="utf-8",
    )
    assert run(db_url, str(chat), "--rw", "03", "--rt", "002") == 0
    titles = [r["judul"] for r in reports(db_url)]
    assert len(titles) == 2 and titles[0].startswith("Selokan depan rumah saya")
    engine = make_engine(db_url)
    with engine.connect() as conn:
        support = conn.execute(select(Laporan.jumlah_dukungan).order_by(Laporan.id)).scalars().all()
    engine.dispose()
    assert support == [1, 0]  # Bu Sri's message joined Pak Darto's report
    assert run(db_url, str(chat), "--rw", "03", "--rt", "002") == 0  # again: nothing twice
    assert len(reports(db_url)) == 2
