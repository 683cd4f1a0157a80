"""Duplicates at entry: a complaint that repeats an open report of its RT is offered as support for it instead."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Engine, func, select

from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import Dukungan, Laporan
from kutorejo_data.intake.duplicates import similar_open_reports, similarity
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from kutorejo_data.records.support import Support, add_support
from tests.factories import KUTOREJO, add_area
from tests.signin import PASSWORD, add_user, open_as

NOW = datetime(2026, 12, 7, 8, 0)


@pytest.mark.parametrize(
    ("new", "stored", "same_category", "alike"),
    [
        ("selokan depan rumah pak darto mampet lagi", "Selokan mampet di Gg. 3, air meluap", True, True),
        ("lampu PJU gg 3 mati sudah seminggu", "Lampu jalan mati di Gang 3", True, True),
        ("got depan mushola buntu", "Selokan mampet di depan musholla", True, True),
        ("lampu PJU gg 3 mati sudah seminggu", "Selokan mampet di Gg. 3", False, False),
        ("jalan berlubang depan SD", "Lampu jalan berkedip di Jl. Sawah", False, False),
        ("anjing liar berkeliaran", "Jalan rusak di gang 4", False, False),
    ],
)
def test_alike_complaints_score_high_and_others_low(new: str, stored: str, same_category: bool, alike: bool) -> None:
    assert (similarity(new, stored, same_category) >= 60) is alike


@pytest.fixture
def rt_reports(any_db: Engine) -> Engine:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="03", rt="001")
    for rt, kategori, title, when in (
        ("002", "drainase-banjir", "Selokan mampet di Gg. 3", datetime(2026, 12, 5, 9)),
        ("001", "drainase-banjir", "Selokan mampet di Gg. 3", datetime(2026, 12, 5, 9)),  # another RT
        ("002", "drainase-banjir", "Selokan mampet di Gg. 3 tahun lalu", datetime(2026, 10, 1, 9)),  # too old
    ):
        create_report(any_db, NewReport(KUTOREJO, "03", rt, kategori, title, reported_at=when), actor="uji", now=when)
    return any_db


def _similar(engine: Engine, text: str, scope: Scope = EVERYTHING) -> list[int]:
    with engine.connect() as conn:
        found = similar_open_reports(
            conn, scope, kelurahan_kode=KUTOREJO, rw="03", rt="002", text=text, kategori="drainase-banjir", now=NOW
        )
    return [item.nomor for item in found]


def test_only_open_reports_of_the_same_rt_from_the_last_30_days_are_offered(rt_reports: Engine) -> None:
    assert _similar(rt_reports, "got di gang 3 mampet lagi pak") == [1]
    change_status(rt_reports, StatusChange(1, "diproses", 1), actor="uji", now=NOW)
    change_status(rt_reports, StatusChange(1, "ditolak", 2, note="bukan wewenang RT"), actor="uji", now=NOW)
    assert _similar(rt_reports, "got di gang 3 mampet lagi pak") == []  # closed: a new report, then


def test_support_counts_once_per_message_and_never_for_a_closed_or_foreign_report(rt_reports: Engine) -> None:
    support = Support(1, "air masuk rumah", "Bu Sri", "0812 3456 7890", external_id="wa:abc")
    assert add_support(rt_reports, support, actor="uji", now=NOW) == 1
    assert add_support(rt_reports, Support(1, "sama"), actor="uji", now=NOW) == 2
    with pytest.raises(ServiceError, match="support_exists"):
        add_support(rt_reports, support, actor="uji", now=NOW)
    with pytest.raises(ServiceError, match="report_not_found"):
        add_support(rt_reports, Support(2), actor="uji", scope=Scope(KUTOREJO, "03", "002"), now=NOW)
    change_status(rt_reports, StatusChange(1, "ditolak", 1, note="bukan wilayah"), actor="uji", now=NOW)
    with pytest.raises(ServiceError, match="support_closed"):
        add_support(rt_reports, Support(1), actor="uji", now=NOW)
    with rt_reports.connect() as conn:
        assert conn.execute(select(Laporan.jumlah_dukungan).where(Laporan.id == 1)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(Dukungan)).scalar_one() == 2


def test_the_form_offers_the_open_report_and_adds_the_complaint_as_support(
    monkeypatch, fresh_db: Engine, fresh_db_url: str
) -> None:
    monkeypatch.setenv("KUTOREJO_NOW", NOW.isoformat())
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(fresh_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    create_report(
        fresh_db,
        NewReport(
            KUTOREJO, "03", "002", "drainase-banjir", "Selokan mampet di Gg. 3", reported_at=datetime(2026, 12, 5, 9)
        ),
        actor="uji",
        now=NOW,
    )
    at = open_as(monkeypatch, fresh_db_url, "rt03-002", "pages/lapor.py", password=PASSWORD)
    at.selectbox(key="lapor_kategori").select("drainase-banjir")
    at.text_input(key="lapor_judul").input("Got gang 3 mampet lagi, air masuk rumah")
    at.button(key="FormSubmitter:lapor_form-Kirim laporan").click().run()
    offered = " ".join(m.value for m in at.markdown)
    assert "Mungkin sudah dilaporkan" in offered and "Selokan mampet di Gg" in offered
    with fresh_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Laporan)).scalar_one() == 1  # nothing saved yet
    at.button(key="lapor_dukung_1").click().run()
    assert "dukungan untuk laporan #1" in at.success[0].value
    with fresh_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Laporan)).scalar_one() == 1
        assert conn.execute(select(Laporan.jumlah_dukungan)).scalar_one() == 1


def test_the_form_still_sends_a_new_report_when_the_reader_says_it_is_not_the_same(
    monkeypatch, fresh_db: Engine, fresh_db_url: str
) -> None:
    monkeypatch.setenv("KUTOREJO_NOW", NOW.isoformat())
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(fresh_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    create_report(
        fresh_db,
        NewReport(
            KUTOREJO, "03", "002", "drainase-banjir", "Selokan mampet di Gg. 3", reported_at=datetime(2026, 12, 5, 9)
        ),
        actor="uji",
        now=NOW,
    )
    at = open_as(monkeypatch, fresh_db_url, "rt03-002", "pages/lapor.py", password=PASSWORD)
    at.selectbox(key="lapor_kategori").select("drainase-banjir")
    at.text_input(key="lapor_judul").input("Selokan mampet di Gg. 5")
    at.button(key="FormSubmitter:lapor_form-Kirim laporan").click().run()
    at.button(key="lapor_bukan_duplikat").click().run()
    assert "#2" in at.success[0].value
