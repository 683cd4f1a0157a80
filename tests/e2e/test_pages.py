"""Every page in a real browser: it loads, finishes, shows its main content, has no errors, and is accessible."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.streamlit_page import alert_texts, error_texts, open_page, screenshot, wait_until_idle

# Page name → (URL path, what must be visible when it works: its main content). The default page lives at "/".
PAGES = {
    "ringkasan": ("", "[data-testid='stMetric']"),
    "masalah": ("masalah", "[data-testid='stDataFrame']"),
    "penyelesaian": ("penyelesaian", ".js-plotly-plot"),
    "partisipasi": ("partisipasi", ".js-plotly-plot"),
    "kapasitas": ("kapasitas", "[data-testid='stDataFrame']"),
    "wilayah": ("wilayah", ".js-plotly-plot"),
    "peta": ("peta", ".js-plotly-plot"),
    "lapor": ("lapor", "[data-testid='stForm']"),
    "kegiatan": ("kegiatan", "[data-testid='stForm']"),
    "impor_ekspor": ("impor_ekspor", "[data-testid='stFileUploader']"),
    "pengaturan": ("pengaturan", "[data-testid='stTabs']"),
    "presentasi": ("presentasi", "[data-testid='stHeading']"),
    "pengguna": ("pengguna", "[data-testid='stDataFrame']"),
}
SERIOUS = {"serious", "critical"}


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of the selectbox with this label."""
    page.locator("[data-testid='stSelectbox']", has_text=label).first.click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_until_idle(page)


def metric_value(page: Page, label: str) -> Locator:
    """The value shown on the KPI card with this label."""
    card = page.locator("[data-testid='stMetric']", has_text=label).first
    return card.locator("[data-testid='stMetricValue']")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_with_its_content_and_no_errors(request, app_url: str, name: str, viewport: str) -> None:
    page: Page = request.getfixturevalue(viewport)
    path, content = PAGES[name]
    open_page(page, app_url, path)
    assert error_texts(page) == []
    assert page.locator(content).first.is_visible()
    assert screenshot(page, f"{name}-{viewport}").stat().st_size > 10_000


def test_changing_a_filter_changes_the_numbers(desktop: Page, app_url: str) -> None:
    open_page(desktop, app_url, "?dari=2026-06-01&sampai=2026-11-29")
    whole = metric_value(desktop, "Laporan masuk").inner_text()
    choose(desktop, "RW", "RW 03")
    expect(desktop).to_have_url(re.compile("rw=03"))
    expect(metric_value(desktop, "Laporan masuk")).not_to_have_text(whole)


def test_opening_a_report_shows_its_detail_and_history(desktop: Page, app_url: str) -> None:
    open_page(desktop, app_url, "masalah?laporan=28")
    assert desktop.get_by_role("heading", name="Laporan #28").is_visible()
    assert desktop.get_by_text("Riwayat status").is_visible()
    assert error_texts(desktop) == []


def test_switching_the_language(desktop: Page, app_url: str, restores_the_language: None) -> None:
    open_page(desktop, app_url, "")
    choose(desktop, "Bahasa", "English")
    expect(desktop.get_by_role("heading", name="Overview")).to_be_visible()
    expect(desktop.locator("[data-testid='stMetric']", has_text="Reports received").first).to_be_visible()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(desktop: Page, app_url: str, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_page(desktop, app_url, PAGES[name][0])
    violations = Axe().run(desktop).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]
    assert serious == []


def test_an_rt_head_reports_from_a_phone_and_finds_it_in_the_list(phone: Page, app_url: str) -> None:
    title = "Uji e2e: sampah menumpuk di pos ronda"
    open_page(phone, app_url, "lapor", user="rt05-003")  # an RT head, on their phone
    choose(phone, "Kategori", "Sampah & kebersihan")
    phone.get_by_label("Judul (masalahnya apa?)").fill(title)
    phone.get_by_role("button", name="Kirim laporan").click()
    wait_until_idle(phone)
    saved = phone.get_by_text("Laporan tersimpan dengan nomor #")
    try:  # a loaded CI machine can take a while to answer the click
        expect(saved).to_be_visible(timeout=30_000)
    except AssertionError as missing:
        raise AssertionError(f"no confirmation; the page shows {alert_texts(phone)}") from missing
    nomor = re.search(r"#(\d+)", saved.inner_text())[1]
    screenshot(phone, "lapor-submitted-phone")

    open_page(phone, app_url, "masalah?rw=05&rt=003&q=pos%20ronda")
    expect(phone.get_by_text("1 laporan").first).to_be_visible()
    open_page(phone, app_url, f"masalah?laporan={nomor}")
    screenshot(phone, "masalah-new-report-phone")
    assert phone.get_by_role("heading", name=f"Laporan #{nomor}").is_visible()
    assert phone.get_by_text(title).first.is_visible()


def test_the_open_tab_is_kept_in_the_link_and_opens_again_from_it(desktop: Page, app_url: str) -> None:
    open_page(desktop, app_url, "partisipasi?rw=03")
    desktop.get_by_role("tab", name="Bimtek").click()
    wait_until_idle(desktop)
    expect(desktop).to_have_url(re.compile(r"bagian=bimtek"))
    expect(desktop.get_by_role("heading", name="Catatan Bimtek / pelatihan")).to_be_visible()
    open_page(desktop, app_url, "partisipasi?rw=03&bagian=bimtek")  # the shared link, in a new visit
    expect(desktop.get_by_role("tab", name="Bimtek")).to_have_attribute("aria-selected", "true")
    expect(desktop.get_by_role("heading", name="Catatan Bimtek / pelatihan")).to_be_visible()
    desktop.get_by_role("tab", name="Jenis & wilayah").click()
    wait_until_idle(desktop)
    expect(desktop).not_to_have_url(re.compile(r"bagian="))  # the first tab needs no parameter
    assert error_texts(desktop) == []
