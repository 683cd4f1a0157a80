"""Masalah and Penyelesaian as a reader meets them (AppTest): links, filters, detail, both languages."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from kutorejo_data.analytics.metrics import terlambat
from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.core.i18n import t
from kutorejo_data.records.reports import count_reports
from kutorejo_data.ui.frame.url_params import expand_statuses
from tests.factories import add_area, add_report
from tests.factories import at as moment
from tests.signin import PASSWORD, add_user, open_as, open_signed_in

PAGES = ["pages/ringkasan.py", "pages/masalah.py", "pages/penyelesaian.py"]


def open_page(monkeypatch: pytest.MonkeyPatch, db_url: str, page: str, lang: str = "id", **params: str) -> AppTest:
    """A page as the lurah sees it after signing in from a link to it."""
    return open_as(monkeypatch, db_url, "lurah", page, lang=lang, **params)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(monkeypatch, demo_db_url: str, page: str, lang: str) -> None:
    at = open_page(monkeypatch, demo_db_url, page, lang, dari="2026-09-01", sampai="2026-10-31")
    assert not at.exception
    assert not at.error
    assert at.title[0].value in {"Ringkasan", "Overview", "Masalah", "Issues", "Penyelesaian", "Resolution"}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_explains_an_empty_database(monkeypatch, fresh_db_url: str, page: str) -> None:
    engine = make_engine(fresh_db_url)
    add_user(engine, "admin", "admin")
    engine.dispose()
    at = open_as(monkeypatch, fresh_db_url, "admin", page, password=PASSWORD)
    assert not at.exception
    assert "Belum ada data" in at.info[0].value


def test_masalah_link_fills_the_filters_and_lists_exactly_the_matching_reports(
    monkeypatch, demo_db_url: str, demo_db: Engine
) -> None:
    at = open_page(
        monkeypatch,
        demo_db_url,
        "pages/masalah.py",
        rw="03",
        status="terbuka",
        kategori="drainase-banjir",
        dari="2025-12-01",
        sampai="2026-11-29",
    )
    assert not at.exception
    assert at.selectbox(key="masalah_rw").value == "03"
    assert at.multiselect(key="masalah_status").value == ["terbuka"]
    assert at.multiselect(key="masalah_kategori").value == ["drainase-banjir"]
    filters = ReportFilters(
        rw="03",
        status=expand_statuses(["terbuka"]),
        kategori=("drainase-banjir",),
        dari=date(2025, 12, 1),
        sampai=date(2026, 11, 29),
    )
    with demo_db.connect() as conn:
        expected = count_reports(conn, filters)
    assert at.caption[0].value.startswith(f"{expected} laporan")
    assert len(at.dataframe[0].value) == min(expected, 50)


def test_changing_a_filter_updates_the_link(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/masalah.py", rw="03")
    at.multiselect(key="masalah_prioritas").select("tinggi").run()
    at.text_input(key="masalah_q").input("selokan").run()
    assert at.query_params["rw"] == "03"
    assert at.query_params["prioritas"] == "tinggi"
    assert at.query_params["q"] == "selokan"


def test_invalid_link_values_become_notices(monkeypatch, demo_db_url: str) -> None:
    at = open_page(
        monkeypatch,
        demo_db_url,
        "pages/masalah.py",
        rw="03",
        rt="999",
        status="hilang",
        dari="2026-10-31",
        sampai="2026-10-01",
    )
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "RT '999'" in notices and "hilang" in notices and "setelah" in notices
    assert at.selectbox(key="masalah_rt").value == ""


def test_report_text_is_shown_literally_never_as_html_or_markdown(monkeypatch, fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    title = "<img src=x onerror=alert(1)> **tebal**"
    with engine.begin() as conn:
        nomor = add_report(
            conn, add_area(conn), "lainnya", moment(11, 20), judul=title, deskripsi="[klik](http://x) _a_"
        )
    add_user(engine, "lurah", "lurah")
    engine.dispose()
    at = open_as(
        monkeypatch, fresh_db_url, "lurah", "pages/masalah.py", password=PASSWORD, laporan=str(nomor), dari="2026-11-01"
    )
    assert not at.exception
    assert title in at.dataframe[0].value.iloc[:, 4].tolist()  # the list cell holds the raw text
    shown = [m.value for m in at.markdown]
    assert r"\<img src\=x onerror\=alert\(1\)\> \*\*tebal\*\*" in " ".join(shown)
    assert r"\[klik\]\(http\:\/\/x\) \_a\_" in " ".join(shown)
    assert not any(getattr(m.proto, "allow_html", False) for m in at.markdown)


def test_opening_a_report_by_number_shows_its_history(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/masalah.py", laporan="28")
    assert not at.exception
    assert at.subheader[0].value == "Laporan #28"
    assert at.text_input(key="masalah_nomor").value == "28"
    at.text_input(key="masalah_nomor").input("40").run()
    assert at.query_params["laporan"] == "40"
    assert any(s.value == "Laporan #40" for s in at.subheader)


def test_penyelesaian_shows_comparisons_with_the_min_data_rule(monkeypatch, demo_db_url: str) -> None:
    at = open_page(
        monkeypatch,
        demo_db_url,
        "pages/penyelesaian.py",
        rw="03",
        dari="2026-11-01",
        sampai="2026-11-29",
        bagian="wilayah",
    )
    assert not at.exception
    comparison = at.dataframe[-1].value
    assert comparison.iloc[:, 0].str.startswith("RT ").all()
    assert "Data belum cukup" in comparison.to_string() or (comparison.iloc[:, 1] >= 5).all()
    assert [m.label for m in at.metric][:2] == ["Median waktu tanggap", "P90 waktu tanggap"]


PENYELESAIAN_TABS = {
    "alur": "Laporan terlambat (terparah dulu)",
    "tepat_waktu": "Tepat waktu (hari kerja)",
    "kecepatan": "Waktu per kategori",
    "wilayah": "Perbandingan RT",
    "kepuasan": "Kepuasan warga",
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("section", list(PENYELESAIAN_TABS))
def test_each_penyelesaian_tab_opens_from_its_link_and_runs_alone(
    monkeypatch, demo_db_url: str, section: str, lang: str
) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/penyelesaian.py", lang, rw="03", bagian=section)
    assert not at.exception and not at.error and not at.warning
    filled = [tab for tab in at.tabs if len(tab.children)]
    assert len(at.tabs) == len(PENYELESAIAN_TABS) and len(filled) == 1  # the other tabs did not run
    if lang == "id":
        assert any(PENYELESAIAN_TABS[section] in s.value for s in at.subheader)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_penyelesaian_over_a_period_with_nothing_says_so_instead_of_drawing_empty_charts(
    monkeypatch, demo_db_url: str, lang: str
) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/penyelesaian.py", lang, dari="2021-01-01", sampai="2021-01-31")
    assert not at.exception and not at.error
    said = [info.value for info in at.info]
    assert t("penyelesaian.no_data", lang) in said and t("penyelesaian.backlog_none", lang) in said
    assert not at.get("plotly_chart")


def test_switching_the_penyelesaian_tab_keeps_it_in_the_link(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/penyelesaian.py", rw="03")
    assert "bagian" not in at.query_params
    assert any("Laporan terlambat" in s.value for s in at.subheader)  # the first tab
    at.session_state["penyelesaian_bagian_id"] = "Per wilayah"
    at.run()
    assert any(s.value == "Perbandingan RT" for s in at.subheader)
    assert at.query_params["rw"] == "03"


def test_an_unknown_tab_in_the_link_opens_the_first_and_says_so(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/penyelesaian.py", bagian="<b>semua</b>")
    assert not at.exception
    assert any("`bagian`" in w.value and "tidak dikenal" in w.value for w in at.warning)
    assert any("Laporan terlambat" in s.value for s in at.subheader)


def test_list_mixes_reports_with_and_without_a_handler(monkeypatch, fresh_db_url: str) -> None:
    from kutorejo_data.core.db import make_engine

    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        area = add_area(conn)
        add_report(conn, area, "lainnya", moment(11, 20), [(moment(11, 21), "diverifikasi", ("rw", "Ketua RW 03"))])
        add_report(conn, area, "lainnya", moment(11, 22))  # nobody has taken it on yet
    engine.dispose()
    at = open_signed_in(monkeypatch, fresh_db_url, "pages/masalah.py", dari="2026-11-01", sampai="2026-11-29")
    assert not at.exception
    assert at.dataframe[0].value.iloc[:, -1].tolist() == ["—", "RW · Ketua RW 03"]


@pytest.mark.parametrize("rw", [None, "03"])
def test_penyelesaian_lists_the_ten_worst_overdue_reports_as_text_with_a_link_each(
    monkeypatch, demo_db: Engine, demo_db_url: str, rw: str | None
) -> None:
    area = {"rw": rw} if rw else {}
    at = open_page(monkeypatch, demo_db_url, "pages/penyelesaian.py", dari="2026-10-01", sampai="2026-10-31", **area)
    assert not at.exception
    [table] = at.table
    shown = table.value
    with demo_db.connect() as conn:
        filters = ReportFilters(rw=rw, dari=date(2026, 10, 1), sampai=date(2026, 10, 31))
        overdue = terlambat(conn, filters, now=now_local())
    assert len(shown) == min(overdue, 10) > 0
    assert shown.iloc[:, 0].str.fullmatch(r"\[\\#\d+\]\(masalah\?laporan=\d+\)").all()
    more = any(f"dari {overdue} laporan terlambat" in caption.value for caption in at.caption)
    assert more == (overdue > 10)


def test_a_title_full_of_markdown_stays_text_in_the_overdue_table(monkeypatch, fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        area = add_area(conn)
        add_report(
            conn, area, "keamanan-ketertiban", moment(11, 2), judul="**Darurat** [klik](http://contoh.id) <b>x</b>"
        )
    engine.dispose()
    at = open_signed_in(monkeypatch, fresh_db_url, "pages/penyelesaian.py", dari="2026-11-01", sampai="2026-11-29")
    assert not at.exception
    titles = at.table[0].value.iloc[:, 4].tolist()
    assert titles == [r"\*\*Darurat\*\* \[klik\]\(http\:\/\/contoh\.id\) \<b\>x\<\/b\>"]
