"""The app as a reader meets it (Streamlit AppTest): overview on demo data, on an empty database, via links."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import RW, Laporan
from tests.signin import PASSWORD, add_user, open_as


def run_app(monkeypatch: pytest.MonkeyPatch, db_url: str, lang: str = "id", **params: str) -> AppTest:
    """The start page as the lurah sees it after signing in from a link with these params."""
    return open_as(monkeypatch, db_url, "lurah", lang=lang, **params)


def metric_value(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def indonesian_int(text: str) -> int:
    return int(text.replace(".", ""))


def test_empty_database_explains_how_to_get_data(monkeypatch, fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    add_user(engine, "admin", "admin")
    engine.dispose()
    at = open_as(monkeypatch, fresh_db_url, "admin", password=PASSWORD)
    assert not at.exception
    assert "Belum ada data" in at.info[0].value
    assert "python -m kutorejo_data demo" in at.info[0].value
    assert not at.metric


def test_laporan_masuk_card_equals_an_independent_count(monkeypatch, demo_db_url: str, demo_db: Engine) -> None:
    at = run_app(monkeypatch, demo_db_url, rw="03", dari="2026-09-01", sampai="2026-10-31")
    assert not at.exception
    with demo_db.connect() as conn:
        expected = conn.execute(
            select(func.count())
            .select_from(Laporan)
            .join(RW, RW.id == Laporan.rw_id)
            .where(
                RW.nomor == "03",
                Laporan.reported_at >= datetime(2026, 9, 1),
                Laporan.reported_at < datetime(2026, 11, 1),
            )
        ).scalar_one()
    assert expected > 0
    assert indonesian_int(metric_value(at, "Laporan masuk")) == expected
    assert [m.label for m in at.metric] == [
        "Laporan masuk",
        "Diselesaikan dalam periode",
        "Tingkat penyelesaian",
        "Median waktu penyelesaian",
        "Terbuka",
        "Terlambat",
    ]
    assert all(m.help for m in at.metric)  # every number carries its definition


def test_default_view_is_the_last_30_days_of_the_whole_kelurahan(monkeypatch, demo_db_url: str) -> None:
    at = run_app(monkeypatch, demo_db_url)
    assert not at.exception
    assert at.selectbox(key="ringkasan_preset").value == "30_hari"
    assert at.selectbox(key="ringkasan_rw").value == ""
    header = next(c.value for c in at.caption if "Kel. Kutorejo" in c.value)
    assert "31 Okt 2026 – 29 Nov 2026" in header  # the rolling period spelled out under the filters
    assert any("dibanding 1 Okt 2026 – 30 Okt 2026" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 3


def test_link_filters_fill_the_widgets_and_widgets_update_the_link(monkeypatch, demo_db_url: str) -> None:
    at = run_app(monkeypatch, demo_db_url, rw="03", rt="002", dari="2026-06-01", sampai="2026-06-30")
    assert at.selectbox(key="ringkasan_rw").value == "03"
    assert at.selectbox(key="ringkasan_rt").value == "002"
    assert at.selectbox(key="ringkasan_preset").value == "kustom"
    at.selectbox(key="ringkasan_rw").select("05").run()
    assert at.query_params["rw"] == "05"
    assert "rt" not in at.query_params  # the RT belonged to the old RW
    assert at.query_params["dari"] == "2026-06-01"


def test_invalid_link_values_are_ignored_with_a_notice(monkeypatch, demo_db_url: str) -> None:
    at = run_app(monkeypatch, demo_db_url, rw="99", dari="kemarin")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "RW '99' di tautan (`rw`) tidak ada" in warnings
    assert "kemarin" in warnings
    assert at.selectbox(key="ringkasan_rw").value == ""


def test_english_ui(monkeypatch, demo_db_url: str) -> None:
    at = run_app(monkeypatch, demo_db_url, lang="en", dari="2026-10-01", sampai="2026-10-31")
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert "Reports received" in [m.label for m in at.metric]
    # Numbers follow the language: English groups thousands with a comma.
    assert all("." not in m.value or "%" in m.value or "days" in m.value for m in at.metric)
