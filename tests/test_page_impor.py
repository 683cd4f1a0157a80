"""The Impor & Ekspor page as the office meets it (Streamlit AppTest, uploads through the real file uploader)."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import Laporan
from tests.factories import add_area, add_report
from tests.signin import open_signed_in
from tests.spreadsheets import csv_bytes, encrypted_xlsx_bytes, xlsx_bytes
from tests.test_audit import entries

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/impor_ekspor.py"
HEADER = ["No", "Tanggal", "RT/RW", "Kategori", "Judul", "Status"]
RECAP = csv_bytes(
    [
        HEADER,
        [1, "05/11/2025", "RT 2 / RW 3", "Drainase", "Selokan mampet", "Baru"],
        [2, "2025-11-06", "002/003", "sampah", "<b>Sampah</b> **tebal**", "proses"],
        [3, "07-11-25", "RT 1 / RW 1", "Pertanian", "Hama tikus", ""],
        [4, "31/02/2025", "RT 2 / RW 3", "sampah", "Tanggal salah", ""],
    ]
)


@pytest.fixture
def db_url(fresh_db_url: str) -> str:
    """Kutorejo with three RTs and no reports yet."""
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        for rw, rt in (("03", "001"), ("03", "002"), ("01", "001")):
            add_area(conn, rw=rw, rt=rt)
    engine.dispose()
    return fresh_db_url


def open_page(monkeypatch: pytest.MonkeyPatch, db_url: str, lang: str = "id", **params: str) -> AppTest:
    return open_signed_in(monkeypatch, db_url, PAGE, lang=lang, **params)


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="impor_file").set_value((name, data, "application/octet-stream"))
    return at.run()


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def report_count(db_url: str) -> int:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(Laporan)).scalar_one()
    engine.dispose()
    return count


def test_the_page_offers_templates_an_uploader_and_says_when_there_is_nothing_to_export(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    at = open_page(monkeypatch, db_url)
    assert not at.exception
    assert at.title[0].value == "Impor & Ekspor"
    assert at.file_uploader(key="impor_file").allowed_type == [".csv", ".xlsx"]
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Unduh templat XLSX", "Unduh templat CSV"]
    assert any("Belum ada laporan untuk diekspor" in info.value for info in at.info)


def test_upload_preview_confirm_then_the_same_file_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    at = upload(open_page(monkeypatch, db_url), "rekap.csv", RECAP)

    assert not at.exception
    assert metric_values(at) == {"Ditambahkan": "2", "Diperbarui": "0", "Sudah ada, tidak berubah": "0", "Ditolak": "2"}
    rejected, added = (frame.value for frame in at.dataframe)
    assert rejected["Baris"].tolist() == [4, 5]
    assert rejected["Alasan"].tolist()[0] == "Kategori: kategori 'Pertanian' tidak dikenali"
    assert "<b>Sampah</b> **tebal**" in added["Judul"].tolist()  # report text stays text
    assert report_count(db_url) == 0  # a preview writes nothing

    at.button(key="impor_confirm").click().run()

    assert not at.exception
    assert at.success[0].value == "Impor selesai: 2 ditambahkan, 0 diperbarui, 0 sudah ada, 2 ditolak."
    assert report_count(db_url) == 2
    engine = make_engine(db_url)
    [entry] = [e for e in entries(engine) if e["action"] == "import"]  # one entry for the file, named by its user
    engine.dispose()
    assert (entry["actor"], entry["entity"], entry["after"]["berkas"]) == ("uji-admin", "laporan", "rekap.csv")
    assert metric_values(at)["Sudah ada, tidak berubah"] == "2"
    assert "impor_confirm" not in [b.key for b in at.button]  # nothing left to save
    assert any("Tidak ada yang perlu disimpan" in info.value for info in at.info)
    # Cached reads were cleared: the export tab now knows there are reports and shows its filter.
    assert not any("Belum ada laporan untuk diekspor" in info.value for info in at.info)
    assert at.selectbox(key="impor_ekspor_rw").value == ""


def test_unknown_columns_get_a_mapping_step(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    data = xlsx_bytes([["Tanggal", "RT/RW", "Kategori", "**Isi**"], ["05/11/2025", "2/3", "sampah", "Sampah"]])
    at = upload(open_page(monkeypatch, db_url), "rekap.xlsx", data)

    mapping = at.selectbox(key="impor_map_3")
    assert mapping.label == "\\*\\*Isi\\*\\*"  # the header is shown as typed, not as markdown
    assert "Kolom wajib belum ada: judul" in at.warning[0].value
    assert not at.metric

    mapping.select("judul").run()

    assert metric_values(at)["Ditambahkan"] == "1"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("laporan.xlsx", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "Ini bukan berkas CSV atau XLSX (isinya PDF)."),
        ("rahasia.xlsx", encrypted_xlsx_bytes(), "Berkas Excel ini dilindungi kata sandi."),
        ("kosong.csv", b"No,Tanggal,Judul\n", "Berkas hanya berisi judul kolom, tanpa baris data."),
    ],
)
def test_refused_uploads_show_why_and_write_nothing(
    monkeypatch: pytest.MonkeyPatch, db_url: str, name: str, data: bytes, message: str
) -> None:
    at = upload(open_page(monkeypatch, db_url), name, data)
    assert not at.exception
    assert at.error[0].value.startswith(message)
    assert not at.metric and "impor_confirm" not in [b.key for b in at.button]
    assert report_count(db_url) == 0


def test_the_export_tab_uses_the_shared_filter_and_offers_three_formats(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        for day in (3, 4, 5):
            add_report(conn, area, "sampah-kebersihan", datetime(2026, 6, day, 9, 0))
        add_report(conn, add_area(conn, rw="01", rt="001"), "lainnya", datetime(2026, 6, 6, 9, 0))
    engine.dispose()

    at = open_page(monkeypatch, db_url, rw="03", dari="2026-06-01", sampai="2026-06-30")

    assert not at.exception
    assert at.selectbox(key="impor_ekspor_rw").value == "03"
    assert any(c.value.startswith("3 laporan · Kel. Kutorejo · RW 03") for c in at.caption)
    exports = [b for b in at.get("download_button") if b.key and b.key.startswith("impor_ekspor_")]
    assert [b.label for b in exports] == ["Unduh CSV", "Unduh Excel (XLSX)", "Unduh Open311 (JSON)"]
    assert not any(b.disabled for b in exports)


def test_the_page_in_english(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    at = upload(open_page(monkeypatch, db_url, lang="en"), "rekap.csv", RECAP)
    assert at.title[0].value == "Import & Export"
    assert list(metric_values(at)) == ["Added", "Updated", "Already there, unchanged", "Refused"]
    assert at.button(key="impor_confirm").label == "Save 2 rows"


def test_a_zip_bomb_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    from tests.bombs import bomb_xlsx

    at = open_page(monkeypatch, db_url)
    started = time.perf_counter()
    at = upload(at, "rekap.xlsx", bomb_xlsx(1536))  # 1.5 MB that unpacks to 1.5 GiB
    assert time.perf_counter() - started < 5
    assert not at.exception
    assert "terbuka menjadi 1.536 MB, lebih dari batas 100 MB" in at.error[0].value
    assert not at.metric and report_count(db_url) == 0
