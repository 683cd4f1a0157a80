"""The Chat WhatsApp tab of Impor & Ekspor, as an RW head or the office meets it (Streamlit AppTest)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from kutorejo_data.access.accounts import Account
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.filters import EVERYTHING
from kutorejo_data.core.models import RT, Kategori, Laporan
from kutorejo_data.intake.chat_file import read_chat_export
from kutorejo_data.intake.chat_import import ChatTarget, candidates
from kutorejo_data.ui.blocks.impor_whatsapp import _frame
from kutorejo_data.ui.frame.context import AppContext
from tests.factories import KUTOREJO, add_area
from tests.signin import PASSWORD, add_user, open_as, open_signed_in

PAGE = "pages/impor_ekspor.py"
DATA = Path(__file__).parent / "data" / "whatsapp"
EMPTY_EDIT = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


@pytest.fixture
def db_url(fresh_db_url: str) -> str:
    """Kutorejo with RW 03 (RT 001–003) and RW 04 (RT 001), no reports."""
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        for rw, rt in (("03", "001"), ("03", "002"), ("03", "003"), ("04", "001")):
            add_area(conn, rw=rw, rt=rt)
    engine.dispose()
    return fresh_db_url


def upload(at: AppTest, name: str, content: bytes, rt: str | None = "003") -> AppTest:
    at.file_uploader(key="impor_wa_file").set_value((name, content, "application/octet-stream"))
    if rt is not None:
        at.selectbox(key="impor_wa_rt").set_value(rt)
    return at.run()


def stored(db_url: str) -> list[tuple[str, str, str, str | None]]:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(Laporan.judul, Kategori.slug, RT.nomor, Laporan.pelapor_nama)
            .join(Kategori, Kategori.id == Laporan.kategori_id)
            .join(RT, RT.id == Laporan.rt_id)
            .order_by(Laporan.id)
        ).all()
    engine.dispose()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_the_guessed_complaints_are_ticked_and_created_once(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    at = upload(
        open_signed_in(monkeypatch, db_url, PAGE),
        "WhatsApp Chat with Warga RT 02.txt",
        (DATA / "android_id.txt").read_bytes(),
    )
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(
        "Warga RT 02: 10 pesan, 3 Nov 2026 08.00 – 15 Nov 2026 07.05; 9 baris sistem dilewati." in c for c in captions
    )
    assert "Tanggal dibaca sebagai hari/bulan/tahun: angka pertama tanggal di baris 19 lebih dari 12." in captions
    assert any("baris 21" in w.value for w in at.warning)  # the date that does not exist, by its line
    complaints, others = (frame.value for frame in at.dataframe)
    assert list(complaints["pilih"]) == [True, True, True, True]
    assert list(complaints["pesan"])[0] == (
        "selokan depan rumah pak Darto mampet lagi\nbaunya sampai ke dalam rumah\n\ntolong pak RT"
    )
    assert list(complaints["kategori"]) == ["drainase-banjir", "sampah-kebersihan", "penerangan-jalan", "air-bersih"]
    assert list(complaints["rt"]) == ["003", "003", "002", "001"]
    assert list(others["pilih"]) == [False, False, False]
    assert [b.label for b in at.button if b.key == "impor_wa_create"] == ["Buat 4 laporan"]

    at = at.button(key="impor_wa_create").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        "4 laporan dibuat, 0 ditambahkan sebagai dukungan untuk laporan yang sama, 0 sudah ada sebelumnya, 0 ditolak."
    ]
    assert stored(db_url) == [
        ("Selokan depan rumah pak Darto mampet lagi…", "drainase-banjir", "003", "Pak Darto"),
        ("Ini fotonya pak, sampah numpuk di TPS belakang pasar", "sampah-kebersihan", "003", "Bu Sri"),
        ("Lampu PJU gg 3 mati sudah seminggu, rt.02", "penerangan-jalan", "002", "Budi Santoso"),
        ("Air pdam tidak mengalir dari kemarin sore, RT 001", "air-bersih", "001", "Pak Darto"),
    ]
    # The reports are read again at once (cached reads cleared): the export tab now has something to export.
    assert not any("Belum ada laporan untuk diekspor" in info.value for info in at.info)

    complaints = at.dataframe[0].value
    assert list(complaints["pilih"]) == [False, False, False, False]
    assert list(complaints["keterangan"])[0] == "sudah jadi laporan #1"
    assert at.button(key="impor_wa_create").disabled


def test_the_reader_can_untick_a_guess_change_its_category_and_tick_another_message(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    at = upload(open_signed_in(monkeypatch, db_url, PAGE), "chat.txt", (DATA / "android_id.txt").read_bytes())
    at.session_state["impor_wa_complaints_1"] = {
        **EMPTY_EDIT,
        "edited_rows": {
            0: {"pilih": False},
            1: {"kategori": "lainnya", "rt": "001"},
            2: {"pilih": False},
            3: {"pilih": False},
        },
    }
    at.session_state["impor_wa_others_1"] = {**EMPTY_EDIT, "edited_rows": {1: {"pilih": True}}}
    at = at.run()
    assert [b.label for b in at.button if b.key == "impor_wa_create"] == ["Buat 2 laporan"]
    at = at.button(key="impor_wa_create").click().run()
    assert stored(db_url) == [
        ("Ini fotonya pak, sampah numpuk di TPS belakang pasar", "lainnya", "001", "Bu Sri"),
        ("Besok kerja bakti jam 7, kumpul di pos ronda", "fasilitas-umum", "003", "Pak RT"),
    ]


def test_a_chat_without_complaints_says_so(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    chat = b"03/11/26 08.00 - Pak RT: Assalamualaikum\n03/11/26 08.01 - Bu Sri: siap pak\n"
    at = upload(open_signed_in(monkeypatch, db_url, PAGE), "chat.txt", chat)
    assert any("Tidak ada pesan yang tampak seperti keluhan" in info.value for info in at.info)
    assert at.button(key="impor_wa_create").disabled


def test_a_file_that_is_not_a_chat_is_refused_with_the_reason(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    at = upload(open_signed_in(monkeypatch, db_url, PAGE), "catatan.txt", (DATA / "bukan_chat.txt").read_bytes())
    assert not at.exception
    assert any("bukan ekspor chat WhatsApp" in e.value for e in at.error)
    assert not at.dataframe


def test_an_rw_head_imports_into_their_own_rw_only(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    add_user(make_engine(db_url), "rw04", "ketua_rw", rw="04")
    at = open_as(monkeypatch, db_url, "rw04", PAGE, password=PASSWORD)
    assert at.selectbox(key="impor_wa_rw").options == ["RW 04"]
    at = upload(at, "chat.zip", (DATA / "ios_id_foto.zip").read_bytes(), rt="001")
    complaints = at.dataframe[0].value
    assert list(complaints["rt"]) == ["001", "001", "001"]  # "RT 02" of another RW is not theirs
    at = at.button(key="impor_wa_create").click().run()
    assert [s.value for s in at.success] == [
        "3 laporan dibuat, 0 ditambahkan sebagai dukungan untuk laporan yang sama, 0 sudah ada sebelumnya, 0 ditolak."
    ]


def context(role: str) -> AppContext:
    account = Account(id=1, username="x", nama="X", role=role, kelurahan_kode=KUTOREJO, rw=None, rt=None)
    return AppContext(
        db_url="sqlite://", lang="id", account=account, now=datetime(2026, 11, 29, 20), page="impor_ekspor"
    )


def test_the_sender_is_shown_only_to_who_may_see_personal_data(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        found = candidates(conn, read_chat_export(DATA / "ios_id.txt"), ChatTarget(KUTOREJO, "03", "002"), EVERYTHING)
    engine.dispose()
    active = {"lainnya": "Lainnya", "drainase-banjir": "Drainase & banjir"}
    assert "pengirim" in _frame(found, context("ketua_rw"), True, active).columns
    assert "pengirim" not in _frame(found, context("tamu"), True, active).columns


def test_messages_that_name_no_rt_are_pointed_out_before_and_after_saving(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    at = upload(open_signed_in(monkeypatch, db_url, PAGE), "chat.txt", (DATA / "android_id.txt").read_bytes(), rt=None)
    assert list(at.dataframe[0].value["rt"].fillna("")) == ["", "", "002", "001"]
    assert any("2 pesan yang dicentang tidak menyebut RT-nya" in w.value for w in at.warning)
    at = at.button(key="impor_wa_create").click().run()
    assert [s.value for s in at.success] == [
        "2 laporan dibuat, 0 ditambahkan sebagai dukungan untuk laporan yang sama, 0 sudah ada sebelumnya, 2 ditolak."
    ]
    refused = next(w.value for w in at.warning if "Selokan depan rumah" in w.value)
    assert refused.count("pesan ini tidak menyebut RT\\-nya") == 2
    assert len(stored(db_url)) == 2
