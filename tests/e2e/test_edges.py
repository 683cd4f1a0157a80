"""The edges in a real browser: links that used to crash, the HttpOnly session cookie, old links, the language."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import serve_app
from tests.e2e.streamlit_page import alert_texts, error_texts, open_page, screenshot, wait_until_idle

# One of each class that crashed a page before (issue #24); tests/test_any_link.py generates the rest.
CRASHED = {
    "report-number-too-large": "masalah?laporan=99999999999999999999",
    "unicode-digit": "masalah?laporan=%C2%B2",
    "year-one": "?dari=0001-01-01&sampai=0001-01-31",
    "year-one-penyelesaian": "penyelesaian?dari=0001-01-01&sampai=0001-01-31",
    "meeting-month-year-one": "presentasi?bulan=0001-01",
    "lapor-number-too-large": "lapor?laporan=99999999999999999999",
}


@pytest.mark.parametrize("name", list(CRASHED))
def test_a_link_that_crashed_a_page_opens_it_with_a_notice(desktop: Page, app_url: str, name: str) -> None:
    open_page(desktop, app_url, CRASHED[name])
    assert error_texts(desktop) == []
    assert any("di tautan" in text for text in alert_texts(desktop)), alert_texts(desktop)
    assert desktop.locator("h1").first.is_visible()


def test_the_session_cookie_is_httponly_and_a_reload_keeps_the_user_signed_in(desktop: Page, app_url: str) -> None:
    open_page(desktop, app_url, "masalah?rw=03", user="lurah")
    expect(desktop.get_by_role("heading", name="Masalah")).to_be_visible()
    cookies = {c["name"]: c for c in desktop.context.cookies()}
    for _ in range(20):  # the fetch that sets it may land a moment after the page settles
        if "kutorejo_sesi" in cookies:
            break
        desktop.wait_for_timeout(250)
        cookies = {c["name"]: c for c in desktop.context.cookies()}
    session = cookies["kutorejo_sesi"]
    assert session["httpOnly"] and session["sameSite"] == "Lax" and session["path"] == "/"
    assert "kutorejo_sesi" not in desktop.evaluate("document.cookie")
    desktop.reload()
    wait_until_idle(desktop)
    assert desktop.get_by_label("Nama pengguna").count() == 0  # no login page
    expect(desktop.get_by_role("heading", name="Masalah")).to_be_visible()
    assert "rw=03" in desktop.url

    desktop.get_by_role("button", name="Keluar").click()
    wait_until_idle(desktop)
    expect(desktop.get_by_text("sudah keluar")).to_be_visible()
    desktop.wait_for_timeout(500)
    assert "kutorejo_sesi" not in {c["name"] for c in desktop.context.cookies()}
    desktop.reload()
    wait_until_idle(desktop)
    expect(desktop.get_by_label("Nama pengguna")).to_be_visible()


def test_an_old_link_to_ringkasan_opens_the_overview_with_its_filters(desktop: Page, app_url: str) -> None:
    open_page(desktop, app_url, "ringkasan?rw=03&periode=bulan_lalu")
    expect(desktop.get_by_role("heading", name="Ringkasan")).to_be_visible()
    assert re.search(r"/\?.*rw=03", desktop.url) and "periode=bulan_lalu" in desktop.url
    assert desktop.get_by_text("Page not found").count() == 0
    assert error_texts(desktop) == []


def test_the_language_of_a_link_is_kept_across_pages_and_reloads(
    desktop: Page, app_url: str, restores_the_language: None
) -> None:
    open_page(desktop, app_url, "")  # signed in (in Indonesian)
    desktop.goto(f"{app_url}/?lang=en")  # then a shared English link
    wait_until_idle(desktop)
    expect(desktop.get_by_role("heading", name="Overview")).to_be_visible()
    desktop.get_by_role("link", name="Issues").first.click()
    wait_until_idle(desktop)
    expect(desktop.get_by_role("heading", name="Issues")).to_be_visible()
    expect(desktop).to_have_url(re.compile(r"/masalah\?.*lang=en"))
    desktop.reload()
    wait_until_idle(desktop)
    expect(desktop.get_by_role("heading", name="Issues")).to_be_visible()


def test_on_a_phone_a_notice_about_the_link_comes_before_the_filters(phone: Page, app_url: str) -> None:
    open_page(phone, app_url, "masalah?rw=05", user="rw03")
    notice = phone.locator("[data-testid='stAlert']", has_text="di luar wilayah Anda").first
    expect(notice).to_be_visible()
    first_filter = phone.locator("[data-testid='stSelectbox']").first
    notice_box, filter_box = notice.bounding_box(), first_filter.bounding_box()
    assert notice_box and filter_box and notice_box["y"] < filter_box["y"]
    assert notice_box["y"] < 844  # on the first screen, without scrolling
    screenshot(phone, "masalah-out-of-area-phone")


@pytest.fixture(scope="module")
def broken_app(tmp_path_factory, chromium_path: str) -> Iterator[tuple[str, Path]]:
    """The app whose database cannot be opened (a folder that does not exist): every run fails, unforeseen."""
    folder = tmp_path_factory.mktemp("broken")
    env = {**os.environ, "KUTOREJO_DATABASE_URL": f"sqlite:///{folder / 'tidak-ada' / 'db.sqlite3'}"}
    log = folder / "streamlit.log"
    for url in serve_app(env, log):
        yield url, log


def test_an_unforeseen_error_shows_a_number_the_log_also_has_and_no_traceback(desktop: Page, broken_app) -> None:
    url, log = broken_app
    desktop.goto(url)
    message = desktop.locator("[data-testid='stAlert']", has_text="nomor kesalahan").first
    expect(message).to_be_visible(timeout=60_000)
    number = re.search(r"E-[0-9A-F]{6}", message.inner_text())
    assert number is not None
    assert desktop.locator("[data-testid='stException']").count() == 0
    assert f"kesalahan {number.group(0)}" in log.read_text(encoding="utf-8")
