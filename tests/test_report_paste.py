"""Tempel pesan WhatsApp: one pasted message fills the new-report form; the head checks it and sends it."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.models import Kategori, Laporan
from tests.app_driver import click, open_page
from tests.factories import add_area

NOW = datetime(2026, 11, 29, 10, 0)


@pytest.fixture
def lapor_db(monkeypatch: pytest.MonkeyPatch, fresh_db: Engine, fresh_db_url: str) -> Engine:
    """RW 03 (RT 002, 005), with the clock of the app and the services at NOW."""
    with fresh_db.begin() as conn:
        for rw, rt in (("03", "002"), ("03", "005")):
            add_area(conn, rw=rw, rt=rt)
    monkeypatch.setattr("kutorejo_data.ui.frame.context.now_local", lambda: NOW)
    monkeypatch.setattr("kutorejo_data.records.report_writes.now_local", lambda: NOW)
    return fresh_db


def paste(monkeypatch: pytest.MonkeyPatch, engine: Engine, text: str) -> AppTest:
    at = open_page(monkeypatch, engine.url.render_as_string(hide_password=False), "lapor")
    at.text_area(key="lapor_tempel").input(text)
    return at.button(key="lapor_tempel_isi").click().run()


def test_a_pasted_message_fills_the_form_and_is_saved_as_checked(monkeypatch, lapor_db: Engine) -> None:
    at = paste(
        monkeypatch,
        lapor_db,
        "[03/11/26 08.15.02] Pak Darto: lampu PJU gg 3 mati sudah seminggu, rt 05\ngelap banget kalau malam",
    )
    assert not at.exception
    assert at.text_input(key="lapor_judul").value == "Lampu PJU gg 3 mati sudah seminggu, rt 05…"
    assert at.text_area(key="lapor_deskripsi").value == (
        "lampu PJU gg 3 mati sudah seminggu, rt 05\ngelap banget kalau malam"
    )
    assert at.selectbox(key="lapor_kategori").value == "penerangan-jalan"
    assert at.selectbox(key="lapor_rt").value == "005"
    assert at.date_input(key="lapor_tanggal").value == date(2026, 11, 3)
    assert at.time_input(key="lapor_jam").value == time(8, 15)
    assert at.selectbox(key="lapor_sumber").value == "warga"
    assert at.text_input(key="lapor_pelapor_nama").value == "Pak Darto"
    assert any("Kategori tebakan\\: Penerangan jalan \\(yakin" in info.value for info in at.info)  # escaped text
    assert at.text_area(key="lapor_tempel").value == ""  # moved into the form

    click(at, "Kirim laporan")
    assert at.success[0].value.startswith("Laporan tersimpan dengan nomor #1. Kode lacak untuk pelapor")
    with lapor_db.connect() as conn:
        saved = conn.execute(
            select(Laporan.judul, Kategori.slug, Laporan.reported_at, Laporan.sumber, Laporan.pelapor_nama).join(
                Kategori, Kategori.id == Laporan.kategori_id
            )
        ).one()
    assert tuple(saved) == (
        "Lampu PJU gg 3 mati sudah seminggu, rt 05…",
        "penerangan-jalan",
        datetime(2026, 11, 3, 8, 15),
        "warga",
        "Pak Darto",
    )


def test_a_message_without_its_prefix_fills_the_words_and_keeps_today(monkeypatch, lapor_db: Engine) -> None:
    at = paste(monkeypatch, lapor_db, "selokan depan rumah pak Darto mampet lagi")
    assert at.text_input(key="lapor_judul").value == "Selokan depan rumah pak Darto mampet lagi"
    assert at.selectbox(key="lapor_kategori").value == "drainase-banjir"
    assert at.date_input(key="lapor_tanggal").value == NOW.date()
    assert at.text_input(key="lapor_pelapor_nama").value == ""


def test_a_message_that_is_no_complaint_is_filled_with_a_warning(monkeypatch, lapor_db: Engine) -> None:
    at = paste(monkeypatch, lapor_db, "03/11/26 08.00 - Pak RT: besok kerja bakti jam 7")
    assert at.text_input(key="lapor_judul").value == "Besok kerja bakti jam 7"
    assert any("tidak tampak seperti keluhan" in warning.value for warning in at.warning)


def test_nothing_pasted_says_so(monkeypatch, lapor_db: Engine) -> None:
    at = paste(monkeypatch, lapor_db, "   ")
    assert [w.value for w in at.warning] == ["Tempel pesannya dulu\\."]
    assert at.text_input(key="lapor_judul").value == ""
