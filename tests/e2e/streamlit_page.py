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


def open_page(page: Page, base_url: str, path: str) -> None:
    """Go to a page of the app and wait for it to finish running."""
    page.goto(f"{base_url}/{path.lstrip('/')}")
    wait_until_idle(page)


def error_texts(page: Page) -> list[str]:
    """Texts of exception and error elements on the page (a healthy page has none)."""
    selectors = "[data-testid='stException'], [data-testid='stAlertContentError']"
    return [element.inner_text() for element in page.query_selector_all(selectors)]


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
