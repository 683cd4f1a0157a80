"""The deck follows up the last meeting: its first content slide lists the previous month's decisions with their
status now, on the page model and in the PPTX, the PDF and the WhatsApp text; across the year's end too. And its
resident-satisfaction slide shows the metrics module's figures for the month and area."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from pptx import Presentation
from pypdf import PdfReader
from sqlalchemy import Engine, select

from kutorejo_data.access.permissions import scope_for
from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.satisfaction import satisfaction_counts
from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from kutorejo_data.core.formatting import fmt_percent
from kutorejo_data.core.models import KeputusanRapat
from kutorejo_data.meeting.deck import SLIDES, MeetingArea, MeetingReport, build_meeting_report
from kutorejo_data.meeting.digest import build_digest, digest_text
from kutorejo_data.meeting.pdf import meeting_pdf
from kutorejo_data.meeting.pptx import meeting_pptx
from kutorejo_data.meeting.whatsapp import WHATSAPP_LIMIT, whatsapp_text
from kutorejo_data.records.decisions import DecisionInput, create_decision, update_decision
from tests.factories import KUTOREJO
from tests.test_decisions import account_id, build_office
from tests.test_report_exports import slide_text

OFFICE = scope_for("staf", KUTOREJO, None, None)
NOVEMBER_MEETING = datetime(2026, 11, 10, 11, 0)
DECEMBER_MEETING = datetime(2026, 12, 8, 11, 0)
EARLY_DECEMBER = datetime(2026, 12, 5, 9, 0)


def record(engine: Engine, held: datetime, apa: str, batas: date, **fields: object) -> int:
    draft = DecisionInput(KUTOREJO, held.strftime("%Y-%m"), apa, batas, **fields)  # type: ignore[arg-type]
    return create_decision(engine, draft, actor="staf", role="staf", scope=OFFICE, now=held)


@pytest.fixture
def decided(any_db: Engine) -> Engine:
    """November's meeting decided three things: one is under way, one is done, one is late and not started."""
    build_office(any_db)
    owner = account_id(any_db, "rw03")
    going = record(any_db, NOVEMBER_MEETING, "Kerja bakti selokan Gang Mawar", date(2026, 12, 15), pemilik_id=owner)
    done = record(any_db, NOVEMBER_MEETING, "Data ulang penerima bansos", date(2026, 11, 20), pemilik_nama="Bu Sri")
    record(any_db, NOVEMBER_MEETING, "Ajukan perbaikan jalan ke Dinas PU", date(2026, 11, 30), pemilik_nama="Pak RW")
    update_decision(
        any_db, going, "berjalan", "Jadwal Minggu", actor="rw03", role="ketua_rw", account_id=owner, scope=OFFICE
    )
    update_decision(any_db, done, "selesai", "", actor="staf", role="staf", account_id=None, scope=OFFICE)
    return any_db


def deck(engine: Engine, month: date, now: datetime) -> MeetingReport:
    return build_meeting_report(engine, month, MeetingArea(), EVERYTHING, now=now)


def test_decembers_deck_opens_with_novembers_decisions_and_their_status_now(decided: Engine) -> None:
    report = deck(decided, date(2026, 12, 1), EARLY_DECEMBER)
    assert SLIDES[1] == "keputusan_lalu"  # the first slide after the cover
    assert report.decisions_month == "2026-11"
    assert [(d.apa, d.status) for d in report.previous_decisions] == [
        ("Kerja bakti selokan Gang Mawar", "berjalan"),
        ("Data ulang penerima bansos", "selesai"),
        ("Ajukan perbaikan jalan ke Dinas PU", "belum"),
    ]
    slide = slide_text(Presentation(io.BytesIO(meeting_pptx(report))).slides[1])
    assert slide.strip().startswith("Tindak lanjut rapat lalu")
    assert "3 keputusan: 1 selesai, 1 lewat batas" in slide
    for line in ("Kerja bakti selokan Gang Mawar", "berjalan — Jadwal Minggu", "Bu Sri", "belum · lewat batas"):
        assert line in slide
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(report))).pages).split())
    assert "Tindak lanjut rapat lalu" in pdf and "Ajukan perbaikan jalan ke Dinas PU" in pdf
    assert "berjalan — Jadwal Minggu" in pdf
    text = whatsapp_text(report)
    assert len(text) <= WHATSAPP_LIMIT
    assert "*Tindak lanjut rapat lalu*: 3 keputusan: 1 selesai, 1 lewat batas" in text
    assert "Kerja bakti selokan Gang Mawar" in text


def test_a_januarys_deck_follows_up_decembers_meeting(decided: Engine) -> None:
    record(decided, DECEMBER_MEETING, "Siapkan posko banjir", date(2026, 12, 22), pemilik_nama="Pak Slamet")
    january = deck(decided, date(2027, 1, 1), datetime(2027, 1, 20, 9, 0))
    assert january.decisions_month == "2026-12"
    assert [(d.apa, d.overdue(date(2027, 1, 20))) for d in january.previous_decisions] == [
        ("Siapkan posko banjir", True)
    ]
    slide = slide_text(Presentation(io.BytesIO(meeting_pptx(january))).slides[1])
    assert "Siapkan posko banjir" in slide and "Desember 2026" in slide


def test_without_decisions_last_month_the_slide_says_so(decided: Engine) -> None:
    november = deck(decided, date(2026, 11, 1), datetime(2026, 11, 29, 20, 0))  # October decided nothing
    assert november.previous_decisions == ()
    slide = slide_text(Presentation(io.BytesIO(meeting_pptx(november))).slides[1])
    assert "Tidak ada keputusan rapat bulan lalu yang dicatat" in slide
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(november))).pages).split())
    assert "Tidak ada keputusan rapat bulan lalu yang dicatat" in pdf


def test_an_rw_deck_follows_up_its_own_and_the_kelurahan_wide_decisions(decided: Engine) -> None:
    record(decided, NOVEMBER_MEETING, "Ronda RW 04", date(2026, 12, 1), pemilik_nama="Pak Budi", rw="04")
    rw03 = build_meeting_report(decided, date(2026, 12, 1), MeetingArea(rw="03"), EVERYTHING, now=EARLY_DECEMBER)
    rw04 = build_meeting_report(decided, date(2026, 12, 1), MeetingArea(rw="04"), EVERYTHING, now=EARLY_DECEMBER)
    assert "Ronda RW 04" not in [d.apa for d in rw03.previous_decisions]
    assert "Ronda RW 04" in [d.apa for d in rw04.previous_decisions] and len(rw04.previous_decisions) == 4


def test_the_digest_lists_overdue_decisions_of_the_rw(decided: Engine) -> None:
    with decided.connect() as conn:
        digest = build_digest(conn, date(2026, 12, 4), rw="03", now=EARLY_DECEMBER)
    text = digest_text(digest)
    assert "*1 keputusan rapat lewat batas*" in text
    assert "• Ajukan perbaikan jalan ke Dinas PU — Pak RW, Batas 30 Nov 2026" in text


def test_the_satisfaction_slide_shows_the_metrics_modules_figures(demo_db: Engine) -> None:
    october = ReportFilters(kelurahan_kode=KUTOREJO, rw="03", dari=date(2026, 10, 1), sampai=date(2026, 10, 31))
    report = build_meeting_report(
        demo_db, date(2026, 10, 1), MeetingArea(rw="03"), EVERYTHING, now=datetime(2026, 11, 29, 12)
    )
    with demo_db.connect() as conn:
        expected = satisfaction_counts(conn, october, EVERYTHING, "semua").iloc[0]
    assert report.satisfaction.current[metrics.DIKONFIRMASI_WARGA.key] == expected[metrics.DIKONFIRMASI_WARGA.key]
    assert report.satisfaction.current[metrics.IKM_WARGA.key] == expected[metrics.IKM_WARGA.key]
    assert expected["penyelesaian"] > 0
    slide = slide_text(Presentation(io.BytesIO(meeting_pptx(report))).slides[SLIDES.index("kepuasan")])
    confirmed = fmt_percent(expected[metrics.DIKONFIRMASI_WARGA.key])
    assert slide.strip().startswith("Kepuasan warga") and confirmed in slide and "Indeks kepuasan warga" in slide
    assert f"{expected['dikonfirmasi_ya']} dari {expected['penyelesaian']} penyelesaian" in slide
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(report))).pages).split())
    assert metrics.DIKONFIRMASI_WARGA.help("id") in pdf and confirmed in pdf


def test_the_demo_deck_follows_up_the_demo_meetings(demo_db: Engine) -> None:
    november = build_meeting_report(demo_db, date(2026, 11, 1), MeetingArea(), EVERYTHING, now=datetime(2026, 11, 29))
    assert november.previous_decisions and {d.bulan for d in november.previous_decisions} == {"2026-10"}
    assert all(d.tanggal_rapat == date(2026, 10, 13) for d in november.previous_decisions)
    assert all(d.batas >= d.tanggal_rapat for d in november.previous_decisions)
    assert timedelta(0) <= november.generated_at - datetime(2026, 11, 29)


def test_a_past_months_deck_tells_the_decisions_as_they_stood_at_its_end(decided: Engine) -> None:
    owner = account_id(decided, "rw03")
    with decided.connect() as conn:
        going = conn.execute(select(KeputusanRapat.id).where(KeputusanRapat.apa.startswith("Kerja bakti"))).scalar_one()
    update_decision(
        decided,
        going,
        "selesai",
        "Selesai 3 Januari",
        actor="rw03",
        role="ketua_rw",
        account_id=owner,
        scope=OFFICE,
        now=datetime(2027, 1, 3, 9, 0),
    )
    # December's deck made in February: the decisions stand as on 31 December; overdue is judged on that day.
    december = deck(decided, date(2026, 12, 1), datetime(2027, 2, 2, 9, 0))
    assert december.decisions_day == date(2026, 12, 31)
    assert [(d.status, d.catatan) for d in december.previous_decisions][0] == ("berjalan", "Jadwal Minggu")
    assert [d.overdue(december.decisions_day) for d in december.previous_decisions] == [True, False, True]
    slide = slide_text(Presentation(io.BytesIO(meeting_pptx(december))).slides[1])
    assert "status per 31 Des 2026" in slide and "berjalan · lewat batas — Jadwal Minggu" in slide
    # While the month runs, its deck shows the status now.
    running = deck(decided, date(2026, 12, 1), datetime(2027, 1, 1, 0, 0) - timedelta(minutes=1))
    assert running.decisions_day == date(2026, 12, 31) and not running.month_is_over
    assert running.previous_decisions[0].status == "selesai"  # stored: the latest status, whenever it was set


def test_the_slide_shows_six_decisions_and_says_how_many_more_the_pdf_lists(decided: Engine) -> None:
    for n in range(5):
        record(decided, NOVEMBER_MEETING, f"Keputusan tambahan {n + 1}", date(2026, 12, 20), pemilik_nama="Pak RT")
    report = deck(decided, date(2026, 12, 1), EARLY_DECEMBER)
    slide = slide_text(Presentation(io.BytesIO(meeting_pptx(report))).slides[1])
    assert "Keputusan tambahan 3" in slide and "Keputusan tambahan 4" not in slide
    assert "dan 2 keputusan lagi (lihat Laporan Bulanan PDF)." in slide
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(report))).pages).split())
    assert "Keputusan tambahan 5" in pdf
