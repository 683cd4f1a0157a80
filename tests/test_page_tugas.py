"""Tugas saya: an RT head sees exactly their open reports, most overdue first, and acts on them with one tap."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Engine, select

from kutorejo_data.core.models import Laporan
from kutorejo_data.records.report_writes import NewReport, create_report
from tests.factories import KUTOREJO, add_area
from tests.signin import PASSWORD, add_user, open_as

NOW = "2026-12-07T08:00"  # a Monday


@pytest.fixture
def rt_office(monkeypatch: pytest.MonkeyPatch, fresh_db: Engine, fresh_db_url: str) -> str:
    """RT 002 and RT 001 of RW 03, each with a head; three reports for RT 002's head, one for RT 001's."""
    monkeypatch.setenv("KUTOREJO_NOW", NOW)
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="001")
        add_area(conn, rw="03", rt="002")
    add_user(fresh_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    add_user(fresh_db, "rt03-001", "ketua_rt", rw="03", rt="001")
    add_user(fresh_db, "rw03", "ketua_rw", rw="03")
    for rt, title, when in (
        ("002", "Selokan mampet di Gg. 3", datetime(2026, 12, 4, 9)),  # keamanan: due Wed 9 Dec
        ("002", "Lampu PJU mati", datetime(2026, 12, 1, 9)),  # due Fri 4 Dec: past it on Monday
        ("002", "Pohon tumbang", datetime(2026, 12, 7, 7)),
        ("001", "Sampah menumpuk", datetime(2026, 12, 3, 9)),
    ):
        report = NewReport(KUTOREJO, "03", rt, "keamanan-ketertiban", title, reported_at=when)
        create_report(fresh_db, report, actor="uji", now=when)
    return fresh_db_url


def test_an_rt_head_lands_on_their_queue_soonest_deadline_first(monkeypatch, rt_office: str) -> None:
    at = open_as(monkeypatch, rt_office, "rt03-002", password=PASSWORD)
    assert not at.exception
    assert at.title[0].value == "Tugas saya"  # the first page an RT head sees
    cards = [m.value for m in at.markdown if m.value.startswith("**#")]
    assert [card.split("·", 1)[1].strip(" *") for card in cards] == ["Selokan mampet di Gg\\. 3", "Pohon tumbang"]
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Rabu, 9 Des — 2 hari kerja lagi" in shown
    # The report past its deadline (due Friday 4 Dec) went up to the RW when the app opened (the hourly job),
    # and another RT's report was never this head's.
    assert "Lampu PJU mati" not in shown and "Sampah menumpuk" not in shown


def test_the_rw_head_gets_what_escalated_with_a_new_deadline(monkeypatch, rt_office: str) -> None:
    at = open_as(monkeypatch, rt_office, "rw03", "pages/tugas.py", password=PASSWORD)
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")  # as the reader sees it: escapes undone
    assert "Lampu PJU mati" in shown and "Senin, 14 Des — 5 hari kerja lagi" in shown


def test_due_words_for_late_today_and_later() -> None:
    from kutorejo_data.records.tasks import Task
    from kutorejo_data.ui.blocks.tasks import due_text

    def task(left: int, due: datetime) -> Task:
        return Task(1, "x", "03", "002", "lainnya", "Lainnya", "baru", "sedang", 1, due, None, due, left)

    assert due_text(task(-3, datetime(2026, 12, 8, 23, 59)), "id") == "terlambat 3 hari kerja (batas Selasa, 8 Des)"
    assert due_text(task(0, datetime(2026, 12, 8, 23, 59)), "id") == "Selasa, 8 Des — batasnya hari ini"
    assert due_text(task(2, datetime(2026, 12, 8, 23, 59)), "en") == "Tuesday, 8 Dec — 2 working days left"


def test_acknowledging_and_resolving_from_the_queue(monkeypatch, rt_office: str, fresh_db: Engine) -> None:
    at = open_as(monkeypatch, rt_office, "rt03-002", "pages/tugas.py", password=PASSWORD)
    with fresh_db.connect() as conn:
        nomor = conn.execute(select(Laporan.id).where(Laporan.judul == "Pohon tumbang")).scalar_one()
    at.button(key=f"tugas_{nomor}_diverifikasi").click().run()
    assert "sekarang Diverifikasi" in at.success[0].value
    at.text_input(key=f"tugas_catatan_{nomor}").input("Sudah dipotong bersama warga")
    at.button(key=f"tugas_{nomor}_selesai").click().run()
    assert "sekarang Selesai" in at.success[0].value
    with fresh_db.connect() as conn:
        status = conn.execute(select(Laporan.status).where(Laporan.id == nomor)).scalar_one()
    assert status == "selesai"
    assert not any("Pohon tumbang" in m.value for m in at.markdown)  # it has left the queue


def test_the_menu_counts_the_open_tasks(monkeypatch, rt_office: str) -> None:
    at = open_as(monkeypatch, rt_office, "rt03-002", "pages/tugas.py", password=PASSWORD)
    assert "2 laporan terbuka menjadi tanggung jawab Anda" in " ".join(c.value for c in at.caption)


def test_a_guest_has_no_queue(monkeypatch, rt_office: str, fresh_db: Engine) -> None:
    add_user(fresh_db, "tamu", "tamu")
    at = open_as(monkeypatch, rt_office, "tamu", "pages/tugas.py", password=PASSWORD)
    assert any("tidak tersedia" in w.value for w in at.warning)


def test_with_nothing_to_do_the_page_says_so(monkeypatch, rt_office: str, fresh_db: Engine) -> None:
    add_user(fresh_db, "staf", "staf")
    at = open_as(monkeypatch, rt_office, "staf", "pages/tugas.py", password=PASSWORD)
    assert "Tidak ada laporan terbuka" in at.info[0].value
