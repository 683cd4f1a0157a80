"""The Lapor page as an RT or RW head meets it (AppTest): the new-report form and the status update."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.models import Laporan, StatusHistory
from kutorejo_data.records.report_writes import StatusChange, change_status
from tests.app_driver import click, open_page
from tests.factories import add_area, add_report

NOW = datetime(2026, 11, 29, 10, 0)
SUBMIT = "Kirim laporan"
SAVE_STATUS = "Simpan status"


@pytest.fixture
def lapor_db(monkeypatch: pytest.MonkeyPatch, fresh_db: Engine, fresh_db_url: str) -> Engine:
    """RW 03 (RT 002, 005) and RW 04 (RT 001), with the clock of the app and the services at NOW."""
    with fresh_db.begin() as conn:
        for rw, rt in (("03", "002"), ("03", "005"), ("04", "001")):
            add_area(conn, rw=rw, rt=rt)
    monkeypatch.setattr("kutorejo_data.ui.frame.context.now_local", lambda: NOW)
    monkeypatch.setattr("kutorejo_data.records.report_writes.now_local", lambda: NOW)
    return fresh_db


def open_lapor(monkeypatch: pytest.MonkeyPatch, engine: Engine, lang: str = "id", **params: str) -> AppTest:
    return open_page(monkeypatch, engine.url.render_as_string(hide_password=False), "lapor", lang, **params)


def fill_valid(at: AppTest) -> None:
    at.selectbox(key="lapor_kategori").select("drainase-banjir")
    at.text_input(key="lapor_judul").input("Selokan mampet di Gang Mawar")
    at.text_input(key="lapor_lokasi").input("depan musala")


def errors(at: AppTest) -> list[str]:
    return [element.value for element in at.error]


def report_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Laporan)).scalar_one()


def test_an_empty_title_gets_its_message_the_typed_text_stays_and_nothing_is_written(
    monkeypatch, lapor_db: Engine
) -> None:
    at = open_lapor(monkeypatch, lapor_db)
    fill_valid(at)
    at.text_input(key="lapor_judul").input("   ")
    click(at, SUBMIT)
    assert errors(at) == ["Periksa kembali isian yang ditandai.", "Judul wajib diisi."]
    assert at.text_input(key="lapor_lokasi").value == "depan musala"
    assert at.selectbox(key="lapor_kategori").value == "drainase-banjir"
    assert report_count(lapor_db) == 0


@pytest.mark.parametrize(
    ("widget", "key", "value", "message"),
    [
        ("text_input", "lapor_judul", "x" * 201, "Judul paling panjang 200 karakter."),
        ("text_input", "lapor_pelapor_telepon", "bukan nomor", "Nomor telepon tidak valid (contoh: 0812 3456 7890)."),
        (
            "text_input",
            "lapor_koordinat",
            "Gang Mawar",
            "Koordinat tidak dikenali; tulis lintang, bujur (mis. -7.6453, 112.6834) atau tempel tautan Google Maps.",
        ),
        (
            "text_input",
            "lapor_koordinat",
            "-97.1, 112.6",
            "Koordinat di luar jangkauan (lintang −90…90, bujur −180…180).",
        ),
        ("time_input", "lapor_jam", time(15, 30), "Tanggal lapor tidak boleh di masa depan."),
        ("selectbox", "lapor_kategori", None, "Pilih kategori masalahnya."),
    ],
)
def test_each_invalid_input_gets_a_message_at_its_field(
    monkeypatch, lapor_db: Engine, widget: str, key: str, value: object, message: str
) -> None:
    at = open_lapor(monkeypatch, lapor_db)
    fill_valid(at)
    getattr(at, widget)(key=key).set_value(value)
    click(at, SUBMIT)
    assert message in errors(at)
    assert getattr(at, widget)(key=key).value == value  # what was typed stays
    assert report_count(lapor_db) == 0


def test_the_rt_choices_follow_the_chosen_rw(monkeypatch, lapor_db: Engine) -> None:
    at = open_lapor(monkeypatch, lapor_db)
    assert at.selectbox(key="lapor_rw").options == ["RW 03", "RW 04"]
    assert at.selectbox(key="lapor_rt").options == ["RT 002", "RT 005"]
    at.selectbox(key="lapor_rw").select("04").run()
    assert at.selectbox(key="lapor_rt").options == ["RT 001"]
    assert at.selectbox(key="lapor_rt").value == "001"


def test_a_valid_report_is_saved_with_its_number_and_the_form_is_ready_for_the_next(
    monkeypatch, lapor_db: Engine
) -> None:
    at = open_lapor(monkeypatch, lapor_db)
    at.selectbox(key="lapor_rt").select("005")
    fill_valid(at)
    at.radio(key="lapor_prioritas").set_value("tinggi")
    at.text_input(key="lapor_koordinat").input("-7,6453, 112,6834")
    at.text_input(key="lapor_pelapor_nama").input("Bu Siti")
    at.text_input(key="lapor_pelapor_telepon").input("0812 3456 7890")
    at.date_input(key="lapor_tanggal").set_value(date(2026, 11, 28))
    at.time_input(key="lapor_jam").set_value(time(19, 15))
    click(at, SUBMIT)
    assert not at.exception
    saved = at.success[0].value
    assert saved.startswith("Laporan tersimpan dengan nomor #1. Kode lacak untuk pelapor: **KTR\\-")
    assert "cek\\?kode\\=KTR" in saved  # where the reporter follows it
    assert at.get("page_link")  # to the report's detail (or back to the overview while there is none)
    assert at.text_input(key="lapor_judul").value == "" and at.text_input(key="lapor_pelapor_nama").value == ""
    assert at.selectbox(key="lapor_rt").value == "005"  # the next report usually comes from the same RT
    with lapor_db.connect() as conn:
        saved = conn.execute(
            select(
                Laporan.judul,
                Laporan.lokasi,
                Laporan.prioritas,
                Laporan.lat,
                Laporan.lon,
                Laporan.pelapor_nama,
                Laporan.pelapor_telepon,
                Laporan.reported_at,
                Laporan.status,
            )
        ).one()
        history = conn.execute(select(StatusHistory.to_status, StatusHistory.changed_at)).all()
    assert tuple(saved) == (
        "Selokan mampet di Gang Mawar",
        "depan musala",
        "tinggi",
        -7.6453,
        112.6834,
        "Bu Siti",
        "0812 3456 7890",
        datetime(2026, 11, 28, 19, 15),
        "baru",
    )
    assert [tuple(row) for row in history] == [("baru", datetime(2026, 11, 28, 19, 15))]


def test_messages_follow_the_language(monkeypatch, lapor_db: Engine) -> None:
    at = open_lapor(monkeypatch, lapor_db, lang="en")
    fill_valid(at)
    at.text_input(key="lapor_judul").input("")
    click(at, "Submit report")
    assert errors(at) == ["Please check the marked fields.", "A title is required."]


@pytest.fixture
def one_report(lapor_db: Engine) -> int:
    with lapor_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        return add_report(
            conn,
            area,
            "sampah-kebersihan",
            datetime(2026, 11, 20, 8, 0),
            judul="<img src=x onerror=alert(1)> **tebal**",
            lokasi="`Gang` [Mawar](javascript:x)",
        )


def history(engine: Engine, nomor: int) -> list[tuple[str | None, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(StatusHistory.from_status, StatusHistory.to_status)
            .where(StatusHistory.laporan_id == nomor)
            .order_by(StatusHistory.id)
        )
        return [tuple(row) for row in rows]


def test_a_link_opens_the_status_update_with_only_the_allowed_next_statuses(
    monkeypatch, lapor_db: Engine, one_report: int
) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    assert at.text_input(key="lapor_status_nomor").value == str(one_report)
    assert at.radio(key="lapor_status_ke").options == ["Diverifikasi", "Diproses", "Ditolak", "Duplikat"]
    texts = [element.value for element in at.text]
    # Report text is shown exactly as typed: never as HTML, never as Markdown.
    assert "<img src=x onerror=alert(1)> **tebal**" in texts
    assert any("`Gang` [Mawar](javascript:x)" in text for text in texts)
    assert not any("Mawar" in element.value or "img" in element.value for element in at.markdown)


def test_rejecting_needs_a_reason_at_the_note_field(monkeypatch, lapor_db: Engine, one_report: int) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    at.radio(key="lapor_status_ke").set_value("ditolak").run()
    assert at.text_area(key="lapor_status_catatan").label == "Alasan (wajib)"
    click(at, SAVE_STATUS)
    assert "Menolak laporan harus disertai alasan." in errors(at)
    assert history(lapor_db, one_report) == [(None, "baru")]


def test_a_status_change_appends_history_and_the_page_shows_the_new_status(
    monkeypatch, lapor_db: Engine, one_report: int
) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    at.radio(key="lapor_status_ke").set_value("diproses").run()
    at.text_area(key="lapor_status_catatan").input("diangkut DLH Jumat")
    at.selectbox(key="lapor_status_penanganan").select("dinas")
    at.text_input(key="lapor_status_penanganan_nama").input("DLH Kab. Pasuruan")
    click(at, SAVE_STATUS)
    assert at.success[0].value == f"Status laporan #{one_report} sekarang: Diproses."
    assert "Status sekarang: **Diproses**" in [element.value for element in at.markdown]
    assert at.radio(key="lapor_status_ke").options == ["Selesai", "Ditolak", "Duplikat"]
    assert history(lapor_db, one_report) == [(None, "baru"), ("baru", "diproses")]
    with lapor_db.connect() as conn:
        row = conn.execute(
            select(
                StatusHistory.note, StatusHistory.penanganan, StatusHistory.penanganan_nama, StatusHistory.changed_at
            ).where(StatusHistory.to_status == "diproses")
        ).one()
    assert tuple(row) == ("diangkut DLH Jumat", "dinas", "DLH Kab. Pasuruan", NOW)


def test_a_duplicate_needs_the_number_of_its_original(monkeypatch, lapor_db: Engine, one_report: int) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    at.radio(key="lapor_status_ke").set_value("duplikat").run()
    click(at, SAVE_STATUS)
    assert "Laporan duplikat harus menyebut nomor laporan aslinya." in errors(at)
    at.text_input(key="lapor_status_duplikat_dari").input("999")
    click(at, SAVE_STATUS)
    assert "Laporan asli dengan nomor itu tidak ditemukan." in errors(at)
    assert history(lapor_db, one_report) == [(None, "baru")]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("self", "Laporan tidak bisa menjadi duplikat dirinya sendiri; sebutkan nomor laporan lain."),
        ("99999999999", "Nomor laporan harus berupa angka 1 sampai 2.147.483.647."),
        ("2147483648", "Nomor laporan harus berupa angka 1 sampai 2.147.483.647."),
        ("²", "Nomor laporan harus berupa angka 1 sampai 2.147.483.647."),
        ("-3", "Nomor laporan harus berupa angka 1 sampai 2.147.483.647."),
    ],
)
def test_a_wrong_original_is_explained_in_the_readers_language(
    monkeypatch, lapor_db: Engine, one_report: int, typed: str, message: str
) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    at.radio(key="lapor_status_ke").set_value("duplikat").run()
    at.text_input(key="lapor_status_duplikat_dari").input(str(one_report) if typed == "self" else typed)
    click(at, SAVE_STATUS)
    assert not at.exception
    assert message in errors(at)
    assert history(lapor_db, one_report) == [(None, "baru")]


@pytest.mark.parametrize("typed", ["99999999999", "²", "0", "abc"])
def test_a_number_that_cannot_be_a_report_is_explained_not_looked_up(
    monkeypatch, lapor_db: Engine, one_report: int, typed: str
) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    at.text_input(key="lapor_status_nomor").input(typed).run()
    assert not at.exception
    assert "Nomor laporan harus berupa angka 1 sampai 2.147.483.647." in errors(at)


def test_two_people_updating_the_same_report_the_second_is_told_it_changed(
    monkeypatch, lapor_db: Engine, one_report: int
) -> None:
    rt_head = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    rw_head = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    rw_head.radio(key="lapor_status_ke").set_value("diverifikasi").run()
    click(rw_head, SAVE_STATUS)
    assert rw_head.success

    rt_head.radio(key="lapor_status_ke").set_value("ditolak")  # chosen and typed on the screen loaded before
    rt_head.text_area(key="lapor_status_catatan").input("bukan wewenang RT")
    click(rt_head, SAVE_STATUS)
    assert errors(rt_head) == [
        f"Laporan #{one_report} baru saja diubah orang lain. Muat ulang untuk melihat status terbaru, lalu coba lagi."
    ]
    assert "Status sekarang: **Diverifikasi**" in [element.value for element in rt_head.markdown]
    assert rt_head.text_area(key="lapor_status_catatan").value == "bukan wewenang RT"  # nothing typed is lost
    assert history(lapor_db, one_report) == [(None, "baru"), ("baru", "diverifikasi")]


def test_a_change_made_between_loading_and_saving_is_not_overwritten(
    monkeypatch, lapor_db: Engine, one_report: int
) -> None:
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))  # shows "baru", version 1
    change_status(lapor_db, StatusChange(one_report, "diproses", 1), actor="kelurahan")
    click(at, SAVE_STATUS)  # "diverifikasi", chosen while the page still showed "baru"
    assert errors(at) == [
        f"Laporan #{one_report} baru saja diubah orang lain. Muat ulang untuk melihat status terbaru, lalu coba lagi."
    ]
    assert history(lapor_db, one_report) == [(None, "baru"), ("baru", "diproses")]


def test_a_final_status_offers_no_change_and_an_unknown_number_says_so(
    monkeypatch, lapor_db: Engine, one_report: int
) -> None:
    change_status(lapor_db, StatusChange(one_report, "ditolak", 1, note="di luar wilayah"), actor="kelurahan")
    at = open_lapor(monkeypatch, lapor_db, laporan=str(one_report))
    assert at.info[0].value == "Status Ditolak sudah final; tidak bisa diubah lagi."
    assert not [radio for radio in at.radio if radio.key == "lapor_status_ke"]
    at.text_input(key="lapor_status_nomor").input("4040").run()
    assert at.warning[0].value == "Laporan #4040 tidak ditemukan di wilayah Anda."
