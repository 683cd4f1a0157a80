"""The Partisipasi, Kapasitas and Wilayah pages as a reader meets them (AppTest), on demo data and empty databases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import insert
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import RT
from tests.factories import add_area
from tests.signin import open_signed_in

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ("pages/partisipasi.py", "pages/kapasitas.py", "pages/wilayah.py")
TITLES = {
    "id": dict(zip(PAGES, ("Partisipasi", "Kapasitas RT/RW", "Wilayah"), strict=True)),
    "en": dict(zip(PAGES, ("Participation", "RT/RW capacity", "Areas"), strict=True)),
}


def open_page(monkeypatch: pytest.MonkeyPatch, db_url: str, page: str, lang: str = "id", **params: str) -> AppTest:
    """Run the app, then the page (st.navigation needs one run before switching), with link params."""
    return open_signed_in(monkeypatch, db_url, page, lang=lang, **params)


def chart_values(at: AppTest) -> list[float]:
    """Every bar length, heatmap cell and line point drawn on the page (treemap sizes are households)."""
    values: list[float] = []
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            if trace["type"] == "bar":
                values += trace["x"] if trace.get("orientation") == "h" else trace["y"]
            elif trace["type"] == "heatmap":
                values += [v for row in trace["z"] for v in row]
            elif trace["type"] == "scatter":
                values += trace["y"]
    return [v for v in values if v is not None]


def percent_values(at: AppTest) -> list[int]:
    return [int(m.value.rstrip("%")) for m in at.metric if m.value.endswith("%")]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_on_demo_data_show_values_within_0_and_100(monkeypatch, demo_db_url: str, page: str, lang: str) -> None:
    at = open_page(monkeypatch, demo_db_url, page, lang)
    assert not at.exception
    assert at.title[0].value == TITLES[lang][page]
    values = chart_values(at)
    assert all(0 <= v <= 100 for v in values)
    assert values or page == "pages/wilayah.py"  # the treemap's sizes are households, checked below
    assert all(0 <= v <= 100 for v in percent_values(at))
    assert "nan" not in " ".join(m.value.lower() for m in at.metric)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_on_an_empty_database_explain_how_to_get_data(
    monkeypatch, fresh_db_url: str, page: str, lang: str
) -> None:
    at = open_page(monkeypatch, fresh_db_url, page, lang)
    assert not at.exception
    assert "python -m kutorejo_data demo" in at.info[0].value
    assert not at.get("plotly_chart")


PARTISIPASI_TABS = {
    "jenis": "Partisipasi per jenis kegiatan",
    "jadwal": "Kegiatan rutin: terlaksana dari jadwal",
    "rt_bulan": "Partisipasi per RT per bulan (%)",
    "peran": "Siapa yang hadir: kehadiran menurut peran",
    "bimtek": "Catatan Bimtek / pelatihan",
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("section", list(PARTISIPASI_TABS))
def test_each_partisipasi_tab_opens_from_its_link_runs_alone_and_stays_within_0_and_100(
    monkeypatch, demo_db_url: str, section: str, lang: str
) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/partisipasi.py", lang, rw="03", bagian=section)
    assert not at.exception and not at.error and not at.warning
    filled = [tab for tab in at.tabs if len(tab.children)]
    assert len(at.tabs) == len(PARTISIPASI_TABS) and len(filled) == 1  # the other tabs did not run
    assert len(at.metric) >= 4  # the headline numbers stay above every tab
    assert all(0 <= v <= 100 for v in chart_values(at))
    if lang == "id":
        assert any(s.value.startswith(PARTISIPASI_TABS[section]) for s in at.subheader)


def test_switching_the_partisipasi_tab_keeps_the_filter(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/partisipasi.py", rw="03")
    assert "bagian" not in at.query_params
    at.session_state["partisipasi_bagian_id"] = "Bimtek"
    at.run()
    assert any(s.value == PARTISIPASI_TABS["bimtek"] for s in at.subheader)
    assert at.query_params["rw"] == "03"


def test_one_rts_partisipasi_shows_its_months_but_no_units_to_compare(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/partisipasi.py", rw="03", rt="002")
    assert not at.exception
    assert not any(s.value.startswith("Partisipasi per RT") for s in at.subheader)
    at = open_page(monkeypatch, demo_db_url, "pages/partisipasi.py", rw="03", rt="002", bagian="rt_bulan")
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert set(heatmap["y"]) == {"RT 002/RW 03"}


def test_partisipasi_cards_carry_their_definitions(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/partisipasi.py")
    assert [m.label for m in at.metric][:4] == [
        "Tingkat partisipasi",
        "Kegiatan terlaksana",
        "Kehadiran rapat koordinasi",
        "Kegiatan tercatat",
    ]
    assert all(m.help for m in at.metric[:4])
    assert at.selectbox(key="partisipasi_preset").value == "12_bulan"  # this page's default period
    assert "dari" not in at.query_params  # the default period stays out of the link


def test_partisipasi_follows_the_link_to_one_rw(monkeypatch, demo_db_url: str) -> None:
    at = open_page(
        monkeypatch,
        demo_db_url,
        "pages/partisipasi.py",
        rw="03",
        dari="2026-06-01",
        sampai="2026-10-31",
        bagian="jadwal",
    )
    assert not at.exception
    assert at.selectbox(key="partisipasi_rw").value == "03"
    assert "RW 03" in at.caption[0].value
    at.selectbox(key="partisipasi_jadwal").select("ronda").run()
    assert not at.exception


def test_kapasitas_table_ranks_only_units_with_enough_data(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/kapasitas.py")
    assert not at.exception
    table = at.dataframe[0].value
    scores = table[
        ["skor_koordinasi", "skor_penyelesaian", "skor_partisipasi", "skor_kepemimpinan", "indeks_kapasitas"]
    ].to_numpy(dtype=float)
    assert ((scores[~pd.isna(scores)] >= 0) & (scores[~pd.isna(scores)] <= 100)).all()
    unranked = table[table["peringkat"].isna()]
    assert unranked["indeks_kapasitas"].isna().all()
    assert unranked["catatan"].str.startswith("data belum cukup").all()
    assert table["peringkat"].dropna().is_monotonic_increasing


def test_kapasitas_compares_rws_too(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/kapasitas.py", lang="en")
    at.radio(key="kapasitas_tingkat").set_value("rw").run()
    assert not at.exception
    assert at.dataframe[0].value["wilayah"].str.startswith("RW ").all()
    assert any(m.label == "Capacity Index" for m in at.metric)


def test_kapasitas_profile_of_a_new_rt_says_there_is_not_enough_data(
    monkeypatch, demo_db_url: str, tmp_path: Path
) -> None:
    copy = tmp_path / "demo-with-new-rt.sqlite3"
    shutil.copy(demo_db_url.removeprefix("sqlite:///"), copy)
    engine = make_engine(f"sqlite:///{copy}")
    with engine.begin() as conn:
        rw01 = add_area(conn, rw="01", rt="001")
        conn.execute(insert(RT).values(rw_id=rw01.rw_id, nomor="099", aktif=True))
    engine.dispose()
    at = open_page(monkeypatch, f"sqlite:///{copy}", "pages/kapasitas.py", rw="01", rt="099")
    assert not at.exception
    assert at.metric[0].value == "data belum cukup"
    assert "belum ada laporan atau kegiatan" in " ".join(c.value for c in at.caption)
    assert "Belum cukup data untuk menampilkan tren." in [i.value for i in at.info]


@pytest.mark.parametrize("measure", ["persen_terlambat", "tingkat_partisipasi", "indeks_kapasitas"])
def test_wilayah_shares_and_scores_stay_within_0_and_100(monkeypatch, demo_db_url: str, measure: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/wilayah.py")
    at.selectbox(key="wilayah_ukuran").select(measure).run()
    assert not at.exception
    shown = at.dataframe[0].value.iloc[:, 1]
    numbers = [int(v.rstrip("%")) for v in shown if v != "—"]
    assert numbers and all(0 <= n <= 100 for n in numbers)


def test_wilayah_opens_a_chosen_area_in_the_other_pages(monkeypatch, demo_db_url: str) -> None:
    at = open_page(monkeypatch, demo_db_url, "pages/wilayah.py")
    at.selectbox(key="wilayah_ukuran").select("indeks_kapasitas").run()
    at.selectbox(key="wilayah_pilih").select("03/002").run()
    assert not at.exception
    links = {link.proto.page: link.proto.query_string for link in at.get("page_link")}
    # The overview is the default page: its link is the root in the app frame, its file name when run alone.
    assert set(links) in ({"", "partisipasi", "kapasitas"}, {"ringkasan", "partisipasi", "kapasitas"})
    assert "rw=03&rt=002" in links["kapasitas"] and "dari=" in links["kapasitas"]


def test_pages_with_areas_but_no_activities(monkeypatch, fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        add_area(conn, rw="01", rt="001")
    engine.dispose()
    at = open_page(monkeypatch, fresh_db_url, "pages/partisipasi.py")
    assert not at.exception
    assert "Belum ada kegiatan tercatat" in at.info[0].value
    at = open_page(monkeypatch, fresh_db_url, "pages/kapasitas.py")
    assert not at.exception
    assert "Belum ada wilayah yang datanya cukup" in at.info[0].value
    at = open_page(monkeypatch, fresh_db_url, "pages/wilayah.py")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
