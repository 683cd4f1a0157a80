"""Pesan and its templates: each person sees the messages they must send, marks one sent, and the office edits the
texts in Pengaturan, where an unknown placeholder cannot be saved."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Engine, select, update

from kutorejo_data.core.models import Pengguna, Pesan, TemplatePesan
from kutorejo_data.records.report_writes import NewReport, create_report
from tests.factories import KUTOREJO, add_area
from tests.signin import PASSWORD, add_user, open_as

NOW = "2026-12-07T08:00"


@pytest.fixture
def outbox_db(monkeypatch: pytest.MonkeyPatch, fresh_db: Engine, fresh_db_url: str) -> str:
    """RW 03 / RT 002 with its head (with a number) and staff; the staff records a resident's report."""
    monkeypatch.setenv("KUTOREJO_NOW", NOW)
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(fresh_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    add_user(fresh_db, "staf", "staf")
    with fresh_db.begin() as conn:
        conn.execute(update(Pengguna).where(Pengguna.username == "rt03-002").values(telepon="6281311112222"))
    report = NewReport(
        KUTOREJO,
        "03",
        "002",
        "penerangan-jalan",
        "Lampu <b>jalan</b> mati",
        pelapor_nama="Bu Sri",
        pelapor_telepon="0812-3456-7890",
    )
    create_report(fresh_db, report, actor="staf", now=datetime(2026, 12, 7, 7, 30))
    return fresh_db_url


def _code_blocks(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.value for block in at.code]


def test_the_rt_head_sees_the_reporters_message_with_a_send_link(monkeypatch, outbox_db: str) -> None:
    at = open_as(monkeypatch, outbox_db, "rt03-002", "pages/pesan.py", password=PASSWORD)
    assert not at.exception
    texts = _code_blocks(at)
    assert len(texts) == 1 and "Lampu <b>jalan</b> mati" in texts[0] and "/cek?kode=KTR-" in texts[0]
    captions = " ".join(c.value for c in at.caption)
    assert "+62 812-3456-7890" in captions and "1 pesan menunggu" in captions
    assert "Tugas baru" not in " ".join(texts)  # the office's message is not the RT head's to send


def test_the_office_sees_the_task_message_and_marks_it_sent(monkeypatch, outbox_db: str, fresh_db: Engine) -> None:
    at = open_as(monkeypatch, outbox_db, "staf", "pages/pesan.py", password=PASSWORD)
    (task,) = _code_blocks(at)
    assert task.startswith("Tugas baru, laporan #1")
    with fresh_db.connect() as conn:
        message_id = conn.execute(select(Pesan.id).where(Pesan.jenis == "tugas_baru")).scalar_one()
    at.button(key=f"pesan_terkirim_{message_id}").click().run()
    assert not at.exception
    assert "ditandai terkirim" in at.success[0].value
    assert any("Tidak ada pesan yang menunggu" in s.value for s in at.success)
    with fresh_db.connect() as conn:
        assert conn.execute(select(Pesan.status, Pesan.sent_by).where(Pesan.id == message_id)).one()[0] == "terkirim"


def test_a_template_with_an_unknown_placeholder_cannot_be_saved(monkeypatch, outbox_db: str, fresh_db: Engine) -> None:
    at = open_as(monkeypatch, outbox_db, "staf", "pages/pengaturan.py", password=PASSWORD)
    key = "pengaturan_pesan_laporan_diterima"
    at.text_area(key=key).input("Halo {nama}, kode {kode}").run()
    assert any("isian yang tidak dikenal" in w.value for w in at.warning)
    assert at.button(key=f"{key}_simpan").disabled

    at.text_area(key=key).input("Kode lacak Anda {kode}. Cek: {link}").run()
    assert any("KTR-7F3K-2Q9M" in text.value for text in at.text)  # the preview
    at.button(key=f"{key}_simpan").click().run()
    assert not at.exception
    with fresh_db.connect() as conn:
        saved = conn.execute(select(TemplatePesan.teks).where(TemplatePesan.jenis == "laporan_diterima")).scalar()
    assert saved == "Kode lacak Anda {kode}. Cek: {link}"
