"""Helpers to drive a Streamlit page in Playwright: wait for the script to finish, find errors, screenshot."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.e2e.conftest import ARTIFACTS


def wait_until_idle(page: Page, settle_ms: int = 2000) -> None:
    """Wait until the app has rendered and no script run is in progress for a moment."""
    page.wait_for_selector("[data-testid='stMainBlockContainer'] [data-testid='stVerticalBlock']", timeout=60_000)
    idle = 0
    for _ in range(240):
        running = page.query_selector("[data-testid='stStatusWidget']") is not None
        idle = 0 if running else idle + 1
        if idle * 250 >= settle_ms:
            return
        page.wait_for_timeout(250)


DEMO_PASSWORD = "demo"


def sign_in_if_asked(page: Page, username: str) -> None:
    """Fill in the login page when it shows (a fresh browser); a signed-in browser goes straight on."""
    username_box = page.get_by_label("Nama pengguna")
    if username_box.count() == 0:
        return
    username_box.fill(username)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_until_idle(page)


def open_page(page: Page, base_url: str, path: str, user: str = "admin") -> None:
    """Go to a page of the app (signing in as `user`, a demo account, when asked) and wait for it to finish."""
    page.goto(f"{base_url}/{path.lstrip('/')}")
    wait_until_idle(page)
    sign_in_if_asked(page, user)


def error_texts(page: Page) -> list[str]:
    """Texts of exception and error elements on the page (a healthy page has none)."""
    selectors = "[data-testid='stException'], [data-testid='stAlertContentError']"
    return [element.inner_text() for element in page.query_selector_all(selectors)]


def alert_texts(page: Page) -> list[str]:
    """Texts of every message box on the page (success, info, warning, error)."""
    return [element.inner_text() for element in page.query_selector_all("[data-testid='stAlert']")]


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot under test-artifacts/e2e (the viewport grows to the content first)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1440, "height": 900}
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height) + 120)})
    page.wait_for_timeout(800)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    page.set_viewport_size(size)
    return target
