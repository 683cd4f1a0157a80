"""The data-entry pages open on real-sized data in both languages, and what they write reaches the dashboards."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.app_driver import click, open_page
from tests.factories import add_area


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", ["lapor", "kegiatan", "pengaturan"])
def test_each_entry_page_opens_on_the_demo_data(monkeypatch, demo_db_url: str, page: str, lang: str) -> None:
    at = open_page(monkeypatch, demo_db_url, page, lang)
    assert (
        at.title[0].value
        == {
            "lapor": ("Lapor", "Report"),
            "kegiatan": ("Kegiatan", "Activities"),
            "pengaturan": ("Pengaturan", "Settings"),
        }[page][lang == "en"]
    )
    assert not at.error


def test_a_new_report_shows_on_the_overview_at_the_next_rerun(monkeypatch, fresh_db: Engine, fresh_db_url: str) -> None:
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    at = open_page(monkeypatch, fresh_db_url, "ringkasan")
    assert "Belum ada data" in at.info[0].value  # the overview has cached "no reports"
    at.switch_page("pages/lapor.py").run()
    at.selectbox(key="lapor_kategori").select("kesehatan")
    at.text_input(key="lapor_judul").input("Jentik nyamuk di bak mandi warga")
    click(at, "Kirim laporan")
    assert at.success
    at.switch_page("pages/ringkasan.py").run()
    assert next(m.value for m in at.metric if m.label == "Laporan masuk") == "1"
