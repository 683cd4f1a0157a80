"""Presentasi rapat as a presenter meets it (AppTest): month and RW from the link, every slide, both languages."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from kutorejo_data.analytics import capacity
from kutorejo_data.analytics.metrics import kpi_values
from kutorejo_data.core.config import now_local
from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.meeting import deck
from kutorejo_data.meeting.deck import SLIDES
from kutorejo_data.meeting.whatsapp import WHATSAPP_LIMIT
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import engine_for
from tests.factories import KUTOREJO
from tests.signin import open_signed_in

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/presentasi.py"
TITLES = {
    "id": [
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
    ],
    "en": [
        "Coordination meeting",
        "Follow-up of the last meeting",
        "The month in numbers",
        "Top problems",
        "Overdue: decisions needed",
        "Resolution speed",
        "Resident satisfaction",
        "Residents taking part",
        "RT/RW capacity",
        "Before & after",
        "Follow-ups",
    ],
}


def open_presentation(monkeypatch: pytest.MonkeyPatch, db_url: str, lang: str = "id", **params: str) -> AppTest:
    return open_signed_in(monkeypatch, db_url, PAGE, lang=lang, **params)


def parts_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the meeting parts read from the database from now on, in order."""
    read: list[str] = []
    read_part = deck.read_part
    monkeypatch.setattr(deck, "read_part", lambda engine, q, name: read.append(name) or read_part(engine, q, name))
    return read


def slide_footer(at: AppTest) -> str:
    """The caption at the bottom of the slide: area · month · n / total."""
    shown = (re.sub(r"\\(.)", r"\1", c.value) for c in at.caption)  # as the reader sees it: escapes undone
    return next(text for text in shown if text.endswith(f"/ {len(SLIDES)}"))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("rw", ["", "03"])
def test_every_slide_shows_for_the_kelurahan_and_one_rw_in_both_languages(
    monkeypatch, demo_db_url: str, rw: str, lang: str
) -> None:
    params = {"bulan": "2026-10", **({"rw": rw} if rw else {})}
    at = open_presentation(monkeypatch, demo_db_url, lang, **params)
    shown = []
    for number in range(len(SLIDES)):
        assert not at.exception and not at.error and not at.warning
        shown.append(at.title[0].value)
        footer = slide_footer(at)
        assert footer.endswith(f"{number + 1} / {len(SLIDES)}") and ("RW 03" in footer) == bool(rw)
        if number < len(SLIDES) - 1:
            at.button(key="presentasi_next").click().run()
    assert shown == TITLES[lang]
    assert at.button(key="presentasi_next").disabled
    at.button(key="presentasi_prev").click().run()
    assert at.title[0].value == TITLES[lang][-2]


def test_the_numbers_slide_shows_the_metrics_and_the_whatsapp_text_fits(
    monkeypatch, demo_db_url: str, demo_db: Engine
) -> None:
    at = open_presentation(monkeypatch, demo_db_url, bulan="2026-10", rw="03")
    at.button(key="presentasi_next").click().run()  # Tindak lanjut rapat lalu
    at.button(key="presentasi_next").click().run()
    october = ReportFilters(kelurahan_kode=KUTOREJO, rw="03", dari=date(2026, 10, 1), sampai=date(2026, 10, 31))
    with demo_db.connect() as conn:
        expected = kpi_values(conn, october, now=now_local())  # the app's clock, pinned for the tests
    cards = {m.label: m.value for m in at.metric}
    assert cards["Laporan masuk"] == fmt_int(expected["laporan_masuk"])
    assert cards["Terlambat"] == fmt_int(expected["terlambat"])
    assert not at.code  # the exports read the whole meeting only once opened
    at.session_state["presentasi_unduhan"] = True
    at.run()
    whatsapp = at.code[0].value
    assert len(whatsapp) <= WHATSAPP_LIMIT and "RW 03" in whatsapp
    assert f"• Laporan masuk: *{fmt_int(expected['laporan_masuk'])}*" in whatsapp
    assert [b.label for b in at.get("download_button")] == ["Unduh slide (PowerPoint)", "Unduh Laporan Bulanan (PDF)"]


def test_the_cover_shows_without_reading_the_months_figures(monkeypatch, demo_db_url: str) -> None:
    st.cache_data.clear()  # another test may have read this meeting already
    built: list[str | None] = []
    build = deck.build_meeting_report
    monkeypatch.setattr(deck, "build_meeting_report", lambda *a, **k: built.append(a[2].rw) or build(*a, **k))
    read = parts_read(monkeypatch)
    at = open_presentation(monkeypatch, demo_db_url, bulan="2026-10")
    at.selectbox(key="presentasi_rw").select("05").run()
    assert at.title[0].value == "Rapat Koordinasi" and "RW 05 · Oktober 2026" in slide_footer(at)
    assert read == []
    at.button(key="presentasi_next").click().run()  # the first content slide reads the decisions only
    assert not at.exception and read == ["previous_decisions"]
    at.button(key="presentasi_next").click().run()
    assert read == ["previous_decisions", "numbers"]
    assert built == []  # the page never reads the whole meeting at once


def test_each_slide_reads_its_own_parts_once_and_the_exports_reuse_them(monkeypatch, demo_db_url: str) -> None:
    st.cache_data.clear()
    read = parts_read(monkeypatch)
    at = open_presentation(monkeypatch, demo_db_url, bulan="2026-10")
    for _ in SLIDES[1:]:
        at.button(key="presentasi_next").click().run()
        assert not at.exception
    for _ in SLIDES[1:]:
        at.button(key="presentasi_prev").click().run()  # going back reads nothing again
    assert sorted(read) == sorted(deck.PARTS)
    at.session_state["presentasi_unduhan"] = True
    at.run()
    assert not at.exception and at.code and sorted(read) == sorted(deck.PARTS)


@pytest.mark.parametrize("rw", [None, "03"])
def test_the_parts_read_one_by_one_equal_the_whole_meeting_read_at_once(demo_db_url: str, rw: str | None) -> None:
    st.cache_data.clear()
    month, area, now = date(2026, 10, 1), deck.MeetingArea(KUTOREJO, rw), datetime(2026, 11, 29, 20)
    whole = deck.build_meeting_report(engine_for(demo_db_url), month, area, EVERYTHING, now=now, may_see_reports=True)
    one_by_one = {name: data.meeting_part(demo_db_url, month, area, EVERYTHING, now, True, name) for name in deck.PARTS}
    assert one_by_one == dict(whole.parts)
    assert whole.kpis.current["laporan_masuk"] > 0 and whole.capacity.ranked


def test_the_kelurahans_capacity_is_counted_once_a_day_not_once_a_minute(monkeypatch, demo_db_url: str) -> None:
    """The capacity slide and Kapasitas slice the kelurahan's scorecards: another RW, or the same RW a minute later,
    reads them again only on another day (or after the cache's minute, which this test does not wait for)."""
    st.cache_data.clear()
    counted_at: list[datetime] = []
    history = capacity.capacity_history

    def counting(*args: Any, **kwargs: Any) -> capacity.CapacityHistory:
        counted_at.append(kwargs["now"])
        return history(*args, **kwargs)

    monkeypatch.setattr(capacity, "capacity_history", counting)
    month, rws = date(2026, 10, 1), ["03", "05"]
    for now in (datetime(2026, 11, 29, 9), datetime(2026, 11, 29, 17, 31), datetime(2026, 11, 30, 0, 1)):
        slides = [
            data.meeting_part(demo_db_url, month, deck.MeetingArea(KUTOREJO, rw), EVERYTHING, now, True, "capacity")
            for rw in rws
        ]
        assert all(slide.ranked for slide in slides)
    assert counted_at == [datetime(2026, 11, 29), datetime(2026, 11, 30)]


def test_month_and_rw_are_written_to_the_link(monkeypatch, demo_db_url: str) -> None:
    at = open_presentation(monkeypatch, demo_db_url, bulan="2026-10")
    at.selectbox(key="presentasi_rw").select("05").run()
    at.selectbox(key="presentasi_bulan").select("2026-09").run()
    assert (at.query_params["rw"], at.query_params["bulan"]) == ("05", "2026-09")
    assert "RW 05 · September 2026" in slide_footer(at)


def test_a_new_month_starts_again_at_the_cover(monkeypatch, demo_db_url: str) -> None:
    at = open_presentation(monkeypatch, demo_db_url, bulan="2026-10")
    at.button(key="presentasi_next").click().run()
    at.button(key="presentasi_next").click().run()
    at.selectbox(key="presentasi_bulan").select("2026-08").run()
    assert at.title[0].value == "Rapat Koordinasi"


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"bulan": "2026-13"}, r"2026\-13"),  # the link's value is quoted as text (Markdown escaped)
        ({"bulan": "2099-01"}, r"2099\-01"),
        ({"bulan": "0001-01"}, r"0001\-01"),
        ({"rw": "99"}, "RW '99'"),
    ],
)
def test_a_bad_link_opens_with_a_notice(monkeypatch, demo_db_url: str, params: dict[str, str], notice: str) -> None:
    at = open_presentation(monkeypatch, demo_db_url, **params)
    assert not at.exception
    assert notice in at.warning[0].value
    assert at.title[0].value == "Rapat Koordinasi"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_empty_database_gets_a_helpful_message(monkeypatch, fresh_db_url: str, lang: str) -> None:
    at = open_presentation(monkeypatch, fresh_db_url, lang)
    assert not at.exception
    assert at.title[0].value == ("Meeting mode" if lang == "en" else "Presentasi rapat")
    assert ("No data yet" if lang == "en" else "Belum ada data") in at.info[0].value


def test_the_page_hides_the_sidebar_with_static_css_only(monkeypatch, demo_db_url: str) -> None:
    at = open_presentation(monkeypatch, demo_db_url, bulan="2026-10")
    styles = [element.proto.body for element in at.get("html") if "<script" not in element.proto.body]
    assert len(styles) == 1 and '[data-testid="stSidebar"]' in styles[0]  # (the script: the sign-in's cookie request)
    assert "Kutorejo" not in styles[0]


def test_leaving_and_coming_back_opens_the_meeting_again(monkeypatch, demo_db_url: str) -> None:
    """Streamlit forgets a page's widgets while another page runs; coming back must not find them missing."""
    at = open_presentation(monkeypatch, demo_db_url)
    at.switch_page("pages/ringkasan.py").run()
    at.query_params.clear()  # a page change in the browser drops the query string
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.selectbox(key="presentasi_bulan").value == "2026-10"


def test_an_rt_heads_meeting_is_headed_with_their_rt_and_says_when_its_figures_stood(
    monkeypatch, demo_db_url: str
) -> None:
    from tests.signin import open_as

    at = open_as(monkeypatch, demo_db_url, "rt03-002", PAGE, bulan="2026-10")
    assert not at.exception
    assert "RW 03 · RT 002" in slide_footer(at)
    assert at.selectbox(key="presentasi_rw").format_func("03") == "RW 03 · RT 002"
    shown = " ".join(re.sub(r"\\(.)", r"\1", c.value) for c in at.caption)
    assert "Angka per akhir bulan (31 Okt 2026)" in shown
