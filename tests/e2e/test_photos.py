"""Evidence in a real browser, as an RT head on a phone: a report made with a photo carrying GPS gets its coordinates,
the stored image has no EXIF and is at most 1600 px; resolving the drain without an after photo is refused with a
clear message; with one it is saved, and the detail shows both photos. The map shows its points."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, select

from kutorejo_data.core.models import Foto, Laporan
from tests.e2e.streamlit_page import alert_texts, error_texts, open_page, screenshot, wait_until_idle
from tests.e2e.test_pages import choose
from tests.photo_files import KUTOREJO_GPS, KUTOREJO_LAT_LON, jpeg, scene

RT_HEAD = "rt02-001"
WAIT = 30_000  # ms: a loaded machine can take a while to answer a click


def _attach(page: Page, path: Path, label: str) -> None:
    """Choose a file in the photo uploader with this label, as the phone's gallery would; wait until it is uploaded."""
    uploader = page.locator("[data-testid='stFileUploader']").filter(has=page.get_by_text(label, exact=True))
    uploader.locator("input[type='file']").set_input_files(str(path))
    expect(page.get_by_text(path.name).first).to_be_visible(timeout=30_000)
    wait_until_idle(page)


def _save_status(page: Page, status: str) -> None:
    page.locator("[data-testid='stRadio']").get_by_text(status, exact=True).click()
    wait_until_idle(page)
    page.get_by_role("button", name="Simpan status").click()
    wait_until_idle(page)


def test_an_rt_head_reports_with_a_photo_and_resolves_with_an_after_photo(
    phone: Page, app_url: str, e2e_db_url: str, tmp_path: Path
) -> None:
    before, after = tmp_path / "IMG_sebelum.jpg", tmp_path / "IMG_sesudah.jpg"
    before.write_bytes(jpeg(scene(2400, 1800), gps=KUTOREJO_GPS, orientation=6))  # a phone held upright
    after.write_bytes(jpeg(scene(2000, 1500, colour=(60, 150, 80))))

    open_page(phone, app_url, "lapor", user=RT_HEAD)
    choose(phone, "Kategori", "Drainase & banjir")
    phone.get_by_label("Judul (masalahnya apa?)").fill("Uji e2e: selokan mampet, ada fotonya")
    _attach(phone, before, "Foto (opsional, paling banyak 4)")
    phone.get_by_role("button", name="Kirim laporan").click()
    wait_until_idle(phone)
    saved = phone.get_by_text("Laporan tersimpan dengan nomor #")
    try:
        expect(saved).to_be_visible(timeout=30_000)
    except AssertionError as missing:
        raise AssertionError(f"no confirmation; the page shows {alert_texts(phone)}") from missing
    expect(phone.get_by_text("Koordinat laporan diambil dari GPS foto")).to_be_visible(timeout=WAIT)
    nomor = int(re.search(r"#(\d+)", saved.inner_text())[1])
    screenshot(phone, "lapor-photo-phone")

    engine = create_engine(e2e_db_url)
    with engine.connect() as conn:
        lat, lon = conn.execute(select(Laporan.lat, Laporan.lon).where(Laporan.id == nomor)).one()
        [stored] = conn.execute(select(Foto.gambar).where(Foto.laporan_id == nomor)).scalars()
    image = Image.open(io.BytesIO(stored))
    assert (round(lat, 5), round(lon, 5)) == tuple(round(v, 5) for v in KUTOREJO_LAT_LON)
    assert dict(image.getexif()) == {} and "exif" not in image.info and b"UjiPhone" not in stored
    assert max(image.size) <= 1600 and image.size == (1200, 1600)

    # Resolving the drain: first without an after photo (refused, clearly), then with one.
    open_page(phone, app_url, f"lapor?laporan={nomor}", user=RT_HEAD)
    _save_status(phone, "Diproses")
    expect(phone.get_by_text(f"Status laporan #{nomor} sekarang: Diproses.")).to_be_visible(timeout=WAIT)
    _save_status(phone, "Selesai")
    refusal = phone.get_by_text("hanya bisa ditandai selesai dengan foto sesudah")
    expect(refusal).to_be_visible(timeout=30_000)
    screenshot(phone, "lapor-after-photo-required-phone")
    phone.locator("[data-testid='stRadio']").get_by_text("Selesai", exact=True).click()
    wait_until_idle(phone)
    _attach(phone, after, "Foto sesudah (wajib untuk kategori ini, paling banyak 4)")
    phone.get_by_role("button", name="Simpan status").click()
    wait_until_idle(phone)
    expect(phone.get_by_text(f"Status laporan #{nomor} sekarang: Selesai.")).to_be_visible(timeout=30_000)

    open_page(phone, app_url, f"masalah?laporan={nomor}", user=RT_HEAD)
    expect(phone.get_by_role("heading", name=f"Laporan #{nomor}")).to_be_visible(timeout=WAIT)
    main = phone.locator("[data-testid='stMainBlockContainer']")
    expect(main.locator("[data-testid='stImage']")).to_have_count(
        2, timeout=WAIT
    )  # the list's thumbnails are drawn in its grid
    expect(main.get_by_text("Sebelum", exact=True)).to_be_visible(timeout=WAIT)
    expect(main.get_by_text("Sesudah", exact=True)).to_be_visible(timeout=WAIT)
    screenshot(phone, "masalah-photos-phone")
    assert error_texts(phone) == []


def test_the_map_shows_the_reports_as_points(desktop: Page, app_url: str) -> None:
    open_page(desktop, app_url, "peta?periode=12_bulan")
    expect(desktop.locator(".js-plotly-plot").first).to_be_visible(timeout=WAIT)
    expect(desktop.get_by_text("laporan punya koordinat").first).to_be_visible(timeout=WAIT)
    assert error_texts(desktop) == []
    screenshot(desktop, "peta-desktop")
