"""The Usulan Musrenbang page, the SP4N-LAPOR! block of a dinas report and the LAPOR! import tab, as an RW head and
the office meet them (Streamlit AppTest)."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import Engine, insert, select

from kutorejo_data.core.models import Foto, Laporan, UsulanMusrenbang
from tests.factories import add_area, add_report, at, kategori_id
from tests.signin import PASSWORD, add_user, open_as, open_signed_in
from tests.spreadsheets import csv_bytes, xlsx_bytes


def jpeg() -> bytes:
    """A tiny real JPEG (the detail draws the thumbnail)."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "gray").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def office(fresh_db: Engine, fresh_db_url: str) -> str:
    """Drainage three times in RT 03/002, rubbish three times in RT 04/001, a water report of RW 03 at the dinas
    (LAPOR! 1001); an RW 03 head."""
    with fresh_db.begin() as conn:
        rt3 = add_area(conn, rw="03", rt="002")
        rt4 = add_area(conn, rw="04", rt="001")
        for month in (5, 8, 11):
            add_report(conn, rt3, "drainase-banjir", at(month, 3), [(at(month, 4), "diverifikasi", "rt")])
            add_report(conn, rt4, "sampah-kebersihan", at(month, 3), [(at(month, 4), "selesai", "rt")])
        water = add_report(
            conn,
            rt3,
            "air-bersih",
            at(11, 20),
            [(at(11, 21), "diverifikasi", ("dinas", "PDAM"))],
            judul="Air PDAM keruh sepekan",
            lapor_id="1001",
        )
        conn.execute(
            insert(Foto).values(
                laporan_id=water,
                jenis="sebelum",
                gambar=jpeg(),
                gambar_kecil=jpeg(),
                lebar=8,
                tinggi=8,
                ukuran=len(jpeg()),
                created_at=at(11, 20),
                created_by="uji",
            )
        )
    add_user(fresh_db, "rw03", "ketua_rw", rw="03")
    return fresh_db_url


def test_an_rw_head_sees_their_candidates_and_turns_one_into_a_proposal(
    monkeypatch: pytest.MonkeyPatch, office: str, fresh_db: Engine
) -> None:
    page = open_as(monkeypatch, office, "rw03", "pages/musrenbang.py", password=PASSWORD)
    assert not page.exception
    assert page.title[0].value == "Usulan Musrenbang"
    choice = page.selectbox(key="musrenbang_kandidat")
    labels = list(choice.options)
    assert any("Drainase" in label and "RT 002 / RW 03" in label and "3 laporan" in label for label in labels)
    assert any("Air PDAM keruh" in label for label in labels)
    assert not any("RW 04" in label for label in labels)  # another RW's problem is not this head's
    with fresh_db.connect() as conn:
        drainase = kategori_id(conn, "drainase-banjir")
        rt_id, rw_id = conn.execute(select(Laporan.rt_id, Laporan.rw_id).where(Laporan.kategori_id == drainase)).first()
    choice.set_value(f"rt-{rt_id}-{drainase}").run()
    prefix = f"musrenbang_rt_{rt_id}_{drainase}"
    page.text_input(key=f"{prefix}_usulan").input("Normalisasi saluran Gang Mawar")
    page.number_input(key=f"{prefix}_volume").set_value(120.0)
    page.text_input(key=f"{prefix}_satuan").input("m")
    page.button(key=f"{prefix}_simpan").click().run()
    assert not page.exception
    assert "disimpan untuk 2027" in page.success[0].value
    with fresh_db.connect() as conn:
        saved = conn.execute(select(UsulanMusrenbang)).one()._mapping
    assert (saved["usulan"], saved["volume"], saved["satuan"], saved["rw_id"]) == (
        "Normalisasi saluran Gang Mawar",
        120.0,
        "m",
        rw_id,
    )
    assert saved["jumlah_laporan"] == 3 and saved["updated_by"] == "rw03"
    assert any(button.label.startswith("Unduh formulir Musrenbang") for button in page.get("download_button"))


def test_a_dinas_report_shows_its_lapor_text_and_records_its_lapor_id(
    monkeypatch: pytest.MonkeyPatch, office: str, fresh_db: Engine
) -> None:
    with fresh_db.connect() as conn:
        nomor = conn.execute(select(Laporan.id).where(Laporan.lapor_id == "1001")).scalar_one()
        other = conn.execute(select(Laporan.id).where(Laporan.lapor_id.is_(None)).limit(1)).scalar_one()
    page = open_signed_in(monkeypatch, office, "pages/masalah.py", laporan=str(nomor))
    assert not page.exception
    text = page.code[0].value
    assert text.startswith("Judul: Air PDAM keruh sepekan")
    assert "Lokasi: RT 002 / RW 03, Kelurahan Kutorejo" in text and "Kategori: Air bersih" in text
    assert "ID LAPOR!: **1001**" in " ".join(m.value for m in page.markdown)
    assert [b.label for b in page.get("download_button") if b.label.startswith("Foto")] == ["Foto 1 (sebelum)"]
    page.text_input(key=f"lapor_{nomor}_id").input("#2002")
    page.button(key=f"lapor_{nomor}_simpan").click().run()
    assert "disimpan: 2002" in page.success[0].value
    with fresh_db.connect() as conn:
        assert conn.execute(select(Laporan.lapor_id).where(Laporan.id == nomor)).scalar_one() == "2002"
    plain = open_signed_in(monkeypatch, office, "pages/masalah.py", laporan=str(other))
    assert not plain.code  # a report at the RT has no LAPOR! block


def _upload(page, name: str, content: bytes):
    page.file_uploader(key="impor_lapor_file").set_value((name, content, "application/octet-stream"))
    return page.run()


def test_the_lapor_tab_previews_then_updates_and_lists_unknown_ids(
    monkeypatch: pytest.MonkeyPatch, office: str, fresh_db: Engine
) -> None:
    page = open_signed_in(monkeypatch, office, "pages/impor_ekspor.py")
    export = xlsx_bytes([("No. Tracking", "Status Terakhir"), ("1001", "Ditindaklanjuti"), ("7777", "Selesai")])
    page = _upload(page, "lapor.xlsx", export)
    assert not page.exception
    metrics = {m.label: m.value for m in page.metric}
    assert (metrics["Diperbarui"], metrics["ID tidak dikenal"]) == ("1", "1")
    assert "7777" in page.warning[0].value
    page.button(key="impor_lapor_confirm").click().run()
    assert "1 laporan diperbarui" in page.success[0].value
    with fresh_db.connect() as conn:
        status = conn.execute(select(Laporan.status).where(Laporan.lapor_id == "1001")).scalar_one()
    assert status == "diproses"


def test_a_lapor_file_without_a_status_column_is_refused_on_the_page(
    monkeypatch: pytest.MonkeyPatch, office: str
) -> None:
    page = open_signed_in(monkeypatch, office, "pages/impor_ekspor.py")
    page = _upload(page, "lapor.csv", csv_bytes([("ID Laporan", "Judul"), ("1001", "Air keruh")]))
    assert "Kolom status tidak ditemukan" in page.error[0].value
    assert not [button for button in page.button if button.key == "impor_lapor_confirm"]


def test_the_page_is_in_the_menu_of_the_office_and_rw_heads_only() -> None:
    from kutorejo_data.access.permissions import may_open, may_write

    assert may_open("ketua_rw", "musrenbang") and may_write("ketua_rw", "musrenbang")
    assert may_open("lurah", "musrenbang")
    assert not may_open("ketua_rt", "musrenbang") and not may_open("tamu", "musrenbang")


def test_the_office_sees_every_rw_in_english_too(monkeypatch: pytest.MonkeyPatch, office: str) -> None:
    page = open_signed_in(monkeypatch, office, "pages/musrenbang.py", lang="en")
    assert not page.exception
    assert page.title[0].value == "Musrenbang proposals"
    labels = list(page.selectbox(key="musrenbang_kandidat").options)
    assert any("Recurring in the RW" in label or "Recurring in the RT" in label for label in labels)
    assert any("RW 04" in label for label in labels)  # the office sees the whole kelurahan
    page.selectbox(key="musrenbang_rw").set_value("04").run()
    assert all("RW 04" in label for label in page.selectbox(key="musrenbang_kandidat").options)
