"""Photos and the map as people meet them (AppTest): a report with a phone photo, resolving a drain without and with
an after photo, the photos in a report's detail, the map of a scope-locked RW head, the boundary upload."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.models import RW, Foto, Laporan
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.app_driver import click, open_page
from tests.factories import KUTOREJO, add_area
from tests.photo_files import KUTOREJO_GPS, KUTOREJO_LAT_LON, jpeg, scene
from tests.signin import open_as

NOW = datetime(2026, 11, 29, 10, 0)
JPEG = "image/jpeg"


@pytest.fixture
def lapor_db(monkeypatch: pytest.MonkeyPatch, fresh_db: Engine) -> Engine:
    """RW 03 (RT 002) and RW 04 (RT 001), with the clock of the app and the services at NOW."""
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="04", rt="001")
    monkeypatch.setattr("kutorejo_data.ui.frame.context.now_local", lambda: NOW)
    monkeypatch.setattr("kutorejo_data.records.report_writes.now_local", lambda: NOW)
    return fresh_db


def url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def shown(at: AppTest) -> str:
    texts = [*at.markdown, *at.caption, *at.info, *at.success, *at.error, *at.warning]
    return " ".join(e.value for e in texts).replace("\\", "")  # as the reader sees it: Markdown escapes undone


def images(at: AppTest) -> int:
    return len(at.get("image"))


def test_a_report_with_a_phone_photo_takes_the_photos_coordinates(monkeypatch, lapor_db: Engine) -> None:
    at = open_page(monkeypatch, url(lapor_db), "lapor")
    at.selectbox(key="lapor_kategori").select("drainase-banjir")
    at.text_input(key="lapor_judul").input("Selokan mampet di Gang Mawar")
    at.file_uploader(key="lapor_foto_0").set_value(("IMG_0001.jpg", jpeg(gps=KUTOREJO_GPS, orientation=6), JPEG))
    click(at, "Kirim laporan")
    assert not at.exception and at.success[0].value.startswith("Laporan tersimpan dengan nomor #")
    assert "Koordinat laporan diambil dari GPS foto (-7.65119, 112.68194)." in [i.value for i in at.info]
    with lapor_db.connect() as conn:
        lat, lon = conn.execute(select(Laporan.lat, Laporan.lon)).one()
        width, height = conn.execute(select(Foto.lebar, Foto.tinggi)).one()
    assert (lat, lon) == pytest.approx(KUTOREJO_LAT_LON, abs=1e-5) and (width, height) == (1200, 1600)
    # The form is ready for the next report: an empty uploader under a new key.
    assert at.file_uploader(key="lapor_foto_1").value in (None, [])


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_typed_is_lost(monkeypatch, lapor_db: Engine) -> None:
    at = open_page(monkeypatch, url(lapor_db), "lapor")
    at.selectbox(key="lapor_kategori").select("drainase-banjir")
    at.text_input(key="lapor_judul").input("Selokan mampet")
    at.file_uploader(key="lapor_foto_0").set_value(("foto.jpg", b"<html>bukan foto</html>", JPEG))
    click(at, "Kirim laporan")
    assert [e.value.replace("\\", "") for e in at.error] == [
        "Berkas foto.jpg bukan foto JPEG atau PNG. Tidak ada yang disimpan."
    ]
    assert at.text_input(key="lapor_judul").value == "Selokan mampet"
    with lapor_db.connect() as conn:
        assert conn.execute(select(Laporan.id)).first() is None


def test_resolving_a_drain_without_an_after_photo_is_refused_then_done_with_one(monkeypatch, lapor_db: Engine) -> None:
    nomor = create_report(lapor_db, NewReport(KUTOREJO, "03", "002", "drainase-banjir", "Selokan mampet"), actor="x")
    change_status(lapor_db, StatusChange(nomor, "diproses", 1), actor="x", now=NOW)
    at = open_page(monkeypatch, url(lapor_db), "lapor", laporan=str(nomor))
    at.radio(key="lapor_status_ke").set_value("selesai").run()
    assert "Foto sesudah (wajib untuk kategori ini, paling banyak 4)" in [u.label for u in at.get("file_uploader")]
    click(at, "Simpan status")
    assert at.error[0].value.replace("\\", "") == (
        f"Laporan #{nomor} (Drainase & banjir) hanya bisa ditandai selesai dengan foto sesudah. Tambahkan foto yang "
        "menunjukkan hasilnya, lalu simpan lagi."
    )
    at.radio(key="lapor_status_ke").set_value("selesai").run()
    at.file_uploader(key="lapor_status_foto_0").set_value(("sesudah.jpg", jpeg(scene(colour=(60, 150, 80))), JPEG))
    at.checkbox(key="lapor_status_foto_publik").check()
    click(at, "Simpan status")
    assert at.success[0].value == f"Status laporan #{nomor} sekarang: Selesai."
    with lapor_db.connect() as conn:
        assert conn.execute(select(Laporan.status).where(Laporan.id == nomor)).scalar_one() == "selesai"
        assert conn.execute(select(Foto.jenis, Foto.publik)).all() == [("sesudah", True)]


# --- On the demo database (read-only): the detail, the list, the map -----------------------------------------------


def _report_with_photos(demo_db: Engine, rw: str) -> int:
    with demo_db.connect() as conn:
        return conn.execute(
            select(Laporan.id)
            .join(RW, RW.id == Laporan.rw_id)
            .where(RW.nomor == rw, Laporan.id.in_(select(Foto.laporan_id).where(Foto.jenis == "sesudah")))
            .order_by(Laporan.id)
            .limit(1)
        ).scalar() or pytest.skip(f"the demo has no resolved report with photos in RW {rw}")


def test_the_detail_shows_before_and_after_side_by_side(monkeypatch, demo_db_url: str, demo_db: Engine) -> None:
    nomor = _report_with_photos(demo_db, "05")
    at = open_as(monkeypatch, demo_db_url, "lurah", "pages/masalah.py", laporan=str(nomor))
    assert not at.exception
    assert images(at) == 2 and "Sebelum" in shown(at) and "Sesudah" in shown(at)
    assert [b.label for b in at.button if b.key and b.key.startswith("foto_besar_")] == ["Perbesar", "Perbesar"]


def test_another_rws_head_sees_no_photo_of_it(monkeypatch, demo_db_url: str, demo_db: Engine) -> None:
    nomor = _report_with_photos(demo_db, "05")
    at = open_as(monkeypatch, demo_db_url, "rw03", "pages/masalah.py", laporan=str(nomor))
    assert images(at) == 0 and f"#{nomor}" in " ".join(w.value for w in at.warning)
    at = open_as(monkeypatch, demo_db_url, "rw03", "pages/peta.py", laporan=str(nomor))
    assert images(at) == 0


def test_the_map_shows_the_filtered_reports(monkeypatch, demo_db_url: str) -> None:
    at = open_as(monkeypatch, demo_db_url, "lurah", "pages/peta.py", periode="12_bulan")
    assert not at.exception
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    numbers = [n for trace in chart["data"] if "customdata" in trace for [n] in trace["customdata"]]
    assert len(numbers) > 100 and "titik" in shown(at)


def test_an_rw_head_sees_only_their_rws_points_also_when_the_link_asks_for_another(
    monkeypatch, demo_db_url: str, demo_db: Engine
) -> None:
    at = open_as(monkeypatch, demo_db_url, "rw03", "pages/peta.py", rw="05", periode="12_bulan")
    assert not at.exception
    assert any("RW 05" in w.value or "05" in w.value for w in at.warning)  # the link's RW is replaced, with a notice
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    numbers = [n for trace in chart["data"] if "customdata" in trace for [n] in trace["customdata"]]
    with demo_db.connect() as conn:
        rws = set(
            conn.execute(
                select(RW.nomor).join(Laporan, Laporan.rw_id == RW.id).where(Laporan.id.in_(numbers))
            ).scalars()
        )
    assert numbers and rws == {"03"}
    listed = at.dataframe[0].value
    assert set(listed["RT/RW"].str.split("/").str[1]) == {"03"}
    # Their own RW's photos show in the detail the map opens.
    own = _report_with_photos(demo_db, "03")
    at = open_as(monkeypatch, demo_db_url, "rw03", "pages/peta.py", laporan=str(own))
    assert images(at) == 2


def test_the_office_uploads_the_boundaries_and_sees_them_drawn(monkeypatch, lapor_db: Engine) -> None:
    at = open_page(monkeypatch, url(lapor_db), "pengaturan")
    square = [[112.68, -7.66], [112.684, -7.66], [112.684, -7.656], [112.68, -7.656], [112.68, -7.66]]
    geojson = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"rw": "03"},
               "geometry": {"type": "Polygon", "coordinates": [square]}}]}  # fmt: skip
    at.file_uploader(key="pengaturan_peta_berkas_0").set_value(("rw.geojson", json.dumps(geojson).encode(), "x"))
    at.run()
    assert "Pratinjau: 1 wilayah" in shown(at)
    at.button(key="pengaturan_peta_simpan").click().run()
    assert "Peta batas wilayah tersimpan (1 wilayah)." in shown(at)
    lines = at.file_uploader(key="pengaturan_peta_berkas_1")
    lines.set_value(("jalan.geojson", json.dumps({"type": "LineString", "coordinates": square}).encode(), "x")).run()
    assert "Bagian ke-1 berupa LineString, bukan poligon." in shown(at)
