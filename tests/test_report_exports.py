"""The meeting exports: PPTX with native charts, the monthly PDF, the WhatsApp text, and `report` on the CLI."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime

import pytest
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader
from sqlalchemy import Engine

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.capacity import INDEX_KEY, scorecard_with_change
from kutorejo_data.analytics.overview import breakdown_by_area, breakdown_by_category
from kutorejo_data.analytics.participation import participation_by
from kutorejo_data.analytics.resolution import monthly_timing
from kutorejo_data.cli.main import main
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from kutorejo_data.core.formatting import fmt_days, fmt_int, fmt_percent
from kutorejo_data.meeting.deck import SLIDES, MeetingArea, MeetingReport, build_meeting_report
from kutorejo_data.meeting.pdf import meeting_pdf
from kutorejo_data.meeting.pptx import meeting_pptx
from kutorejo_data.meeting.whatsapp import WHATSAPP_LIMIT, whatsapp_text
from tests.factories import KUTOREJO, add_area, add_report, at

NOW = datetime(2026, 11, 29, 12, 0)
OCTOBER = date(2026, 10, 1)
NAME, PHONE = "Siti Rahayu Wulandari", "081234567890"
TITLE = "*Got* _mampet_ <b>x</b> & <img src=y>"


def october(rw: str | None = None) -> ReportFilters:
    return ReportFilters(kelurahan_kode=KUTOREJO, rw=rw, dari=date(2026, 10, 1), sampai=date(2026, 10, 31))


@pytest.fixture(scope="module", params=[None, "03"], ids=["kelurahan", "rw03"])
def built(request, demo_db_url: str) -> tuple[str | None, MeetingReport, bytes, bytes, str]:
    """(rw, report, pptx, pdf, text) for October 2026 of the demo data, built once per area."""
    engine = make_engine(demo_db_url)
    report = build_meeting_report(engine, OCTOBER, MeetingArea(rw=request.param), EVERYTHING, now=NOW)
    engine.dispose()
    return request.param, report, meeting_pptx(report), meeting_pdf(report), whatsapp_text(report)


def chart_values(slide) -> list[tuple[float | None, ...]]:  # type: ignore[no-untyped-def]
    """The values of the first series of every native chart on a slide, in the slide's order."""
    return [tuple(shape.chart.plots[0].series[0].values) for shape in slide.shapes if shape.has_chart]


def slide_text(slide) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_deck_has_the_pages_slides_in_16_9_with_area_and_month_on_each(built) -> None:
    rw, report, pptx, _, _ = built
    deck = Presentation(io.BytesIO(pptx))
    assert (Emu(deck.slide_width).inches, Emu(deck.slide_height).inches) == pytest.approx((13.333, 7.5), abs=0.01)
    assert len(deck.slides) == len(SLIDES)
    titles = [slide_text(s).strip().split("\n")[0] for s in deck.slides]
    assert titles == [
        "Rapat Koordinasi",
        "Tindak lanjut rapat lalu",
        "Angka bulan ini",
        "Masalah terbanyak",
        "Terlambat: perlu keputusan",
        "Kecepatan penyelesaian",
        "Kepuasan warga",
        "Partisipasi warga",
        "Kapasitas RT/RW",
        "Sebelum & sesudah",
        "Tindak lanjut",
    ]
    area = "Kelurahan Kutorejo · RW 03" if rw else "Kelurahan Kutorejo"
    for slide in deck.slides:
        assert area in slide_text(slide) and "Oktober 2026" in slide_text(slide)


def test_every_chart_is_native_and_holds_the_metrics_modules_numbers(built, demo_db: Engine) -> None:
    rw, _, pptx, _, _ = built
    deck = Presentation(io.BytesIO(pptx)).slides
    with demo_db.connect() as conn:
        categories = breakdown_by_category(conn, october(rw)).head(5)["total"]
        areas = breakdown_by_area(conn, october(rw)).head(5)["total"]
        timing = monthly_timing(conn, october(rw), months=12).set_index("bulan")["selesai_median"]
        participation = participation_by(conn, october(rw), by="rt" if rw else "rw")["partisipasi"].dropna()
        _, capacity = scorecard_with_change(
            conn, october(rw).with_period(date(2025, 11, 1), date(2026, 10, 31)), "rt" if rw else "rw", now=NOW
        )
    months = [f"{2025 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(12)]
    assert chart_values(deck[SLIDES.index("masalah")]) == [tuple(map(float, categories)), tuple(map(float, areas))]
    trend = chart_values(deck[SLIDES.index("kecepatan")])[0]
    assert trend == pytest.approx([timing.get(m) for m in months])
    assert chart_values(deck[SLIDES.index("partisipasi")])[0] == pytest.approx(list(participation))
    ranked = sorted(capacity[INDEX_KEY].dropna(), reverse=True)
    assert chart_values(deck[SLIDES.index("kapasitas")])[0] == pytest.approx(ranked)
    charts = sum(1 for slide in deck for shape in slide.shapes if shape.has_chart)
    pictures = sum(1 for slide in deck for shape in slide.shapes if shape.shape_type == 13)  # MSO_SHAPE_TYPE.PICTURE
    assert (charts, pictures) == (5, 0)


def test_the_numbers_slide_shows_every_kpi_formatted_the_indonesian_way(built) -> None:
    _, report, pptx, _, _ = built
    text = slide_text(Presentation(io.BytesIO(pptx)).slides[SLIDES.index("angka")])
    for metric in metrics.KPI_METRICS:
        assert metric.label("id") in text
    assert fmt_percent(report.kpis.current[metrics.TINGKAT_PENYELESAIAN.key]) in text
    assert fmt_days(report.kpis.current[metrics.MEDIAN_WAKTU_PENYELESAIAN.key]) in text


def test_the_pdf_holds_the_headline_numbers_their_definitions_and_page_numbers(built) -> None:
    _, report, _, pdf, _ = built
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(" ".join(pages).split())  # extraction breaks lines where the layout wraps them
    current = report.kpis.current
    assert "Laporan Bulanan" in text and "Oktober 2026" in text
    for metric in metrics.KPI_METRICS:
        assert metric.help("id") in text
    assert (
        f"Laporan masuk (Dilaporkan dalam periode ini) Jumlah laporan dengan tanggal lapor di dalam periode. "
        f"{current['laporan_masuk']}"
    ) in text
    solved, valid = current[metrics.SELESAI_DARI_MASUK.key], current[metrics.MASUK_SAH.key]
    assert f"Selesai dari laporan periode ini: {solved} dari {valid}" in text  # which reports the rate counts
    assert fmt_percent(current[metrics.TINGKAT_PENYELESAIAN.key]) in text
    assert fmt_days(current[metrics.MEDIAN_WAKTU_PENYELESAIAN.key]) in text
    assert f"{fmt_int(current[metrics.TERLAMBAT.key])} laporan melewati batas waktu" in text
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page


def test_the_whatsapp_text_has_the_key_numbers_and_stays_short(built) -> None:
    _, report, _, _, text = built
    current = report.kpis.current
    assert len(text) <= WHATSAPP_LIMIT
    assert f"• Laporan masuk: *{fmt_int(current['laporan_masuk'])}*" in text
    assert f"• Terlambat: *{fmt_int(current['terlambat'])}*" in text
    assert f"• Tingkat penyelesaian: *{fmt_percent(current['tingkat_penyelesaian'])}*" in text
    assert f"#{report.overdue[0].nomor} " in text  # the worst overdue report comes first
    assert "<" not in text and "**" not in text


@pytest.fixture
def private_db_url(fresh_db_url: str) -> str:
    """An overdue report whose reporter left a name and phone, and whose title is full of markup."""
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        add_report(conn, add_area(conn, rw="02", rt="001"), "jalan-gang", at(9, 20), judul="Jalan berlubang")
        add_report(
            conn,
            add_area(conn),
            "drainase-banjir",
            at(3, 1),
            [(at(3, 2), "diverifikasi", "rw")],
            judul=TITLE,
            pelapor_nama=NAME,
            pelapor_telepon=PHONE,
            deskripsi=f"hubungi {PHONE}",
        )
    engine.dispose()
    return fresh_db_url


def test_no_output_carries_personal_data_and_titles_stay_plain_text(private_db_url: str) -> None:
    engine = make_engine(private_db_url)
    report = build_meeting_report(engine, OCTOBER, MeetingArea(), EVERYTHING, now=NOW)
    engine.dispose()
    deck = "\n".join(slide_text(s) for s in Presentation(io.BytesIO(meeting_pptx(report))).slides)
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(report))).pages)
    text = whatsapp_text(report)
    for output in (deck, pdf, text):
        assert NAME not in output and PHONE not in output and "Siti" not in output
    assert TITLE in deck
    assert TITLE in " ".join(pdf.split())  # printed as written, not interpreted as markup
    assert "∗Got∗" in text and "*Got*" not in text  # a title cannot switch on WhatsApp's bold


def test_a_long_whatsapp_text_drops_overdue_lines_but_keeps_the_numbers(built) -> None:
    _, report, _, _, _ = built
    text = whatsapp_text(replace(report, kelurahan_nama="Kutorejo " * 60))
    assert len(text) <= WHATSAPP_LIMIT
    assert f"• Terlambat: *{fmt_int(report.overdue_total)}*" in text
    assert f"#{report.overdue[2].nomor} " not in text


def test_report_command_prints_the_text_and_writes_files(demo_db_url: str, tmp_path, capsys) -> None:
    assert main(["--database-url", demo_db_url, "report", "--format", "text", "--bulan", "2026-10", "--rw", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("*Rapat Koordinasi — Kelurahan Kutorejo · RW 03*\n*Oktober 2026*")
    for fmt, magic in (("pptx", b"PK"), ("pdf", b"%PDF")):
        target = tmp_path / f"rapat.{fmt}"
        assert (
            main(
                [
                    "--database-url",
                    demo_db_url,
                    "report",
                    "--format",
                    fmt,
                    "--bulan",
                    "2026-10",
                    "--output",
                    str(target),
                ]
            )
            == 0
        )
        assert target.read_bytes().startswith(magic)
    assert len(Presentation(str(tmp_path / "rapat.pptx")).slides) == len(SLIDES)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--bulan", "2026-13"], 2, "YYYY-MM"),
        (["--bulan", "2099-01"], 2, "sampai bulan ini"),
        (["--bulan", "0001-01"], 2, "dari 2000-01"),
        (["--bulan", "2026-10", "--rw", "99"], 1, "RW 99 tidak ada"),
    ],
)
def test_report_command_refuses_bad_arguments(
    demo_db_url: str, capsys, args: list[str], code: int, message: str
) -> None:
    assert main(["--database-url", demo_db_url, "report", "--format", "text", *args]) == code
    assert message in capsys.readouterr().err


@pytest.fixture
def october_then_and_now(any_db: Engine) -> Engine:
    """Three October reports whose story went on in November.

    | report | RT/RW  | reported | October                     | November                  |
    | A      | 002/03 | 5 Oct    | diverifikasi 6 Oct (RW)     | selesai 10 Nov (kelurahan) |
    | B      | 002/03 | 10 Oct   | (baru)                      | diproses 20 Nov (kelurahan) |
    | C      | 001/03 | 12 Oct   | selesai 20 Oct (RT)         |                           |
    """
    with any_db.begin() as conn:
        rt2, rt1 = add_area(conn, rw="03", rt="002"), add_area(conn, rw="03", rt="001")
        add_report(
            conn,
            rt2,
            "drainase-banjir",
            at(10, 5),
            [(at(10, 6), "diverifikasi", "rw"), (at(11, 10), "selesai", "kelurahan")],
        )
        add_report(conn, rt2, "drainase-banjir", at(10, 10), [(at(11, 20), "diproses", "kelurahan")])
        add_report(conn, rt1, "drainase-banjir", at(10, 12), [(at(10, 20), "selesai", "rt")])
    return any_db


def test_a_past_months_deck_states_its_figures_as_of_the_months_end(october_then_and_now: Engine) -> None:
    report = build_meeting_report(october_then_and_now, OCTOBER, MeetingArea(), EVERYTHING, now=NOW)
    current = report.kpis.current
    assert report.month_is_over and report.as_of == datetime(2026, 11, 1)
    # At the end of October one of its three reports was resolved (today two are): 33%, not 67%.
    assert (current["laporan_masuk"], current["selesai_dari_masuk"], current["masuk_sah"]) == (3, 1, 3)
    assert current["tingkat_penyelesaian"] == pytest.approx(1 / 3)
    assert (current["terbuka"], current["selesai"]) == (2, 1)
    # Who held the open reports then: A the RW, B nobody yet (today: A is closed, B with the kelurahan).
    assert {(f.penanganan, f.terbuka) for f in report.follow_ups} == {("rw", 1), ("belum", 1)}


def test_the_page_pptx_pdf_and_whatsapp_say_the_same_and_when_it_stood(october_then_and_now: Engine) -> None:
    from kutorejo_data.meeting.words import as_of_line, capacity_note

    report = build_meeting_report(october_then_and_now, OCTOBER, MeetingArea(), EVERYTHING, now=NOW)
    rate = fmt_percent(report.kpis.current["tingkat_penyelesaian"], "id")
    stood = "Angka per akhir bulan (31 Okt 2026)"
    assert as_of_line(report, "id").startswith(stood)
    assert "per 29 Nov 2026 (hari ini)" in capacity_note(report, "id")  # the one part told as of today, and labelled
    deck = "\n".join(slide_text(s) for s in Presentation(io.BytesIO(meeting_pptx(report))).slides)
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(meeting_pdf(report))).pages)
    text = whatsapp_text(report)
    for output in (deck, pdf, text):
        assert rate in output and stood in output


def test_the_running_month_stands_as_of_now(october_then_and_now: Engine) -> None:
    report = build_meeting_report(october_then_and_now, date(2026, 11, 1), MeetingArea(), EVERYTHING, now=NOW)
    assert not report.month_is_over and report.as_of == NOW


def test_an_rt_heads_deck_is_headed_and_counted_for_their_rt(october_then_and_now: Engine) -> None:
    from kutorejo_data.core.filters import Scope
    from kutorejo_data.meeting.exports import report_filename

    rt002 = Scope(KUTOREJO, "03", "002")
    report = build_meeting_report(october_then_and_now, OCTOBER, MeetingArea(), rt002, now=NOW)
    assert report.area_label == "Kelurahan Kutorejo · RW 03 · RT 002"
    assert report.kpis.current["laporan_masuk"] == 2  # RT 002's reports only, as the heading says
    assert report_filename(report, "pdf") == "laporan_bulanan_kutorejo_rw03_rt002_2026-10.pdf"
    deck = "\n".join(slide_text(s) for s in Presentation(io.BytesIO(meeting_pptx(report))).slides)
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(meeting_pdf(report))).pages)
    for output in (deck, pdf, whatsapp_text(report)):
        assert "RW 03 · RT 002" in output
