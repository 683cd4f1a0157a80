"""Residents in the loop in a real browser: the public page opens without signing in and shows a report by its code
(with the after photo marked public, nothing personal); the Pesan page's send link marks the message sent and
opens WhatsApp with it."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, select

from kutorejo_data.core.models import Foto, Laporan, Pesan
from tests.e2e.streamlit_page import error_texts, open_page, screenshot, wait_until_idle

WAIT = 30_000  # ms


def test_the_public_page_shows_a_resolved_report_by_its_code_without_signing_in(
    phone: Page, app_url: str, e2e_db_url: str
) -> None:
    engine = create_engine(e2e_db_url)
    with engine.connect() as conn:
        kode, judul = conn.execute(
            select(Laporan.kode_lacak, Laporan.judul)
            .join(Foto, Foto.laporan_id == Laporan.id)
            .where(Foto.publik.is_(True), Laporan.status == "selesai")
            .limit(1)
        ).one()
    engine.dispose()
    phone.goto(f"{app_url}/cek?kode={kode.lower().replace('-', '%20')}")
    wait_until_idle(phone)
    expect(phone.get_by_text("Status: Selesai")).to_be_visible(timeout=WAIT)
    expect(phone.locator("[data-testid='stImage'] img").first).to_be_visible()
    assert phone.get_by_label("Nama pengguna").count() == 0  # no sign-in form
    assert judul not in phone.content()  # the title may name people: never on the public page
    assert not error_texts(phone)
    screenshot(phone, "cek-phone")


def test_the_send_link_marks_the_message_sent_and_opens_whatsapp(desktop: Page, app_url: str, e2e_db_url: str) -> None:
    asked: list[str] = []  # what the browser asked for (WhatsApp itself is out of reach here: no internet)
    desktop.context.on("request", lambda request: asked.append(request.url))
    open_page(desktop, app_url, "pesan", user="staf")
    expect(desktop.get_by_text("Pesan WhatsApp")).to_be_visible(timeout=WAIT)
    link = desktop.get_by_role("link", name="Kirim lewat WhatsApp").first
    message_id = int(str(link.get_attribute("href")).split("/")[2])
    with desktop.context.expect_page() as new_tab:
        link.click()
    new_tab.value.wait_for_load_state()
    assert f"{app_url}/pesan/{message_id}/kirim" in asked
    assert any(url.startswith("https://wa.me/") and "text=" in url for url in asked)
    engine = create_engine(e2e_db_url)
    with engine.connect() as conn:
        assert conn.execute(select(Pesan.status).where(Pesan.id == message_id)).scalar_one() == "terkirim"
    engine.dispose()
