"""Keputusan rapat as people meet them (AppTest): recorded on Presentasi and on the meeting's Kegiatan record, refused
with a clear message when it has no owner or is due before the meeting, and moved on by its owner in Tugas saya."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from kutorejo_data.core.models import KeputusanRapat
from kutorejo_data.records.decisions import DecisionInput, create_decision
from tests.app_driver import click
from tests.factories import KUTOREJO
from tests.signin import PASSWORD, open_as
from tests.test_decisions import OFFICE, account_id, build_office


@pytest.fixture
def office(fresh_db: Engine, fresh_db_url: str) -> str:
    build_office(fresh_db)
    return fresh_db_url


def stored(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                select(
                    KeputusanRapat.apa,
                    KeputusanRapat.pemilik_id,
                    KeputusanRapat.pemilik_nama,
                    KeputusanRapat.batas,
                    KeputusanRapat.tanggal_rapat,
                    KeputusanRapat.kegiatan_id,
                ).order_by(KeputusanRapat.id)
            )
        ]


def shown(at) -> str:  # type: ignore[no-untyped-def]
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def test_presentasi_records_a_decision_for_the_months_meeting(monkeypatch, office: str, fresh_db: Engine) -> None:
    at = open_as(monkeypatch, office, "staf", "pages/presentasi.py", password=PASSWORD, bulan="2026-11")
    assert not at.exception
    assert "Rapat koordinasi 10 Nov 2026 (kegiatan #1)." in [c.value for c in at.caption]
    prefix = "presentasi_keputusan"
    at.text_area(key=f"{prefix}_apa").input("Kerja bakti selokan Gang Mawar")
    click(at, "Simpan keputusan")
    # No owner: a clear message, nothing written, and what was typed is kept.
    assert "Keputusan harus punya penanggung jawab: pilih akun atau tulis nama orangnya." in [e.value for e in at.error]
    assert stored(fresh_db) == []
    assert at.text_area(key=f"{prefix}_apa").value == "Kerja bakti selokan Gang Mawar"

    owner = account_id(fresh_db, "rw03")
    at.selectbox(key=f"{prefix}_pemilik").select(owner)
    at.date_input(key=f"{prefix}_batas").set_value(date(2026, 11, 3))  # before the meeting
    click(at, "Simpan keputusan")
    assert "Batas waktu tidak boleh sebelum tanggal rapat." in [e.value for e in at.error]
    assert stored(fresh_db) == []

    at.date_input(key=f"{prefix}_batas").set_value(date(2026, 12, 1))
    click(at, "Simpan keputusan")
    assert not at.exception
    assert at.success[0].value == "Keputusan #1 dicatat."
    assert stored(fresh_db) == [("Kerja bakti selokan Gang Mawar", owner, "", date(2026, 12, 1), date(2026, 11, 10), 1)]
    assert "#1 · Kerja bakti selokan Gang Mawar" in shown(at)
    assert at.title[0].value == "Rapat Koordinasi"  # the slide stays the page's title


def test_the_meetings_kegiatan_record_holds_its_decisions(monkeypatch, office: str, fresh_db: Engine) -> None:
    at = open_as(monkeypatch, office, "staf", "pages/kegiatan.py", password=PASSWORD)
    at.selectbox(key="kegiatan_daftar_pilih").select(1).run()
    assert "Keputusan rapat November 2026" in [h.value for h in at.subheader]
    prefix = "kegiatan_keputusan"
    at.text_area(key=f"{prefix}_apa").input("Ajukan perbaikan jalan ke Dinas PU")
    at.text_input(key=f"{prefix}_nama").input("Pak Slamet (LPM)")
    at.text_input(key=f"{prefix}_laporan").input("1, 999")
    click(at, "Simpan keputusan")
    assert "Ada nomor laporan yang tidak dikenal di kelurahan ini." in [e.value for e in at.error]
    at.text_input(key=f"{prefix}_laporan").input("#1")
    click(at, "Simpan keputusan")
    assert not at.exception and at.success[0].value == "Keputusan #1 dicatat."
    assert stored(fresh_db) == [
        ("Ajukan perbaikan jalan ke Dinas PU", None, "Pak Slamet (LPM)", date(2026, 12, 13), date(2026, 11, 10), 1)
    ]


def test_the_owner_sees_an_overdue_decision_in_tugas_saya_and_moves_it_on(
    monkeypatch, office: str, fresh_db: Engine
) -> None:
    owner = account_id(fresh_db, "rw03")
    draft = DecisionInput(KUTOREJO, "2026-11", "Data ulang penerima bansos", date(2026, 11, 17), pemilik_id=owner)
    nomor = create_decision(fresh_db, draft, actor="staf", role="staf", scope=OFFICE)
    at = open_as(monkeypatch, office, "rw03", "pages/tugas.py", password=PASSWORD)
    assert not at.exception
    assert "Keputusan rapat yang Anda pegang" in [h.value for h in at.subheader]
    assert "#1 · Data ulang penerima bansos" in shown(at)
    assert "belum · Batas 17 Nov 2026 · lewat batas" in shown(at)
    at.selectbox(key=f"tugas_keputusan_{nomor}_status").select("berjalan")
    at.text_input(key=f"tugas_keputusan_{nomor}_catatan").input("Sudah mulai didata")
    at.button(key=f"tugas_keputusan_{nomor}_simpan").click().run()
    assert not at.exception
    assert at.success[0].value == "Keputusan #1 diperbarui: berjalan."
    with fresh_db.connect() as conn:
        status, note = conn.execute(select(KeputusanRapat.status, KeputusanRapat.catatan)).one()
    assert (status, note) == ("berjalan", "Sudah mulai didata")


def test_someone_else_sees_the_decision_without_its_update_controls(monkeypatch, office: str, fresh_db: Engine) -> None:
    draft = DecisionInput(KUTOREJO, "2026-11", "Ronda malam", date(2026, 12, 1), pemilik_nama="Pak Budi", rw="03")
    create_decision(fresh_db, draft, actor="staf", role="staf", scope=OFFICE)
    at = open_as(monkeypatch, office, "rw03", "pages/presentasi.py", password=PASSWORD, bulan="2026-11")
    assert "#1 · Ronda malam" in shown(at)
    assert not [b for b in at.button if b.key and b.key.startswith("presentasi_keputusan_1")]
    with fresh_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(KeputusanRapat)).scalar_one() == 1
