"""Take full-page screenshots of a running app in headless Chromium (for the README and for checking pages).

Usage: python scripts/screenshots.py http://localhost:8501 OUTDIR [path?query ...]  (the app: `make run`, or
`streamlit run serve.py`)
Each path is opened at desktop (1440×900) and phone (390×844) width; PNGs are written to OUTDIR.
The pages are behind the login: the script signs in as SCREENSHOT_USER (default `lurah`) with
SCREENSHOT_PASSWORD (default `demo`, the demo accounts' password).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"desktop": (1440, 900), "phone": (390, 844)}


def wait_until_idle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has rendered the page and stayed idle (no running script) for a moment."""
    page.wait_for_selector("[data-testid='stMainBlockContainer'] [data-testid='stVerticalBlock']", timeout=60_000)
    idle_checks = 0
    for _ in range(240):  # at most a minute
        running = page.query_selector("[data-testid='stStatusWidget']") is not None
        idle_checks = 0 if running else idle_checks + 1
        if idle_checks >= 8:
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(1000)  # plotly animates its first draw


def sign_in_if_asked(page: Page) -> None:
    """Fill the login form when the page shows it; the linked page follows."""
    username = page.get_by_label("Nama pengguna")
    if username.count() == 0:
        return
    username.fill(os.environ.get("SCREENSHOT_USER", "lurah"))
    page.get_by_label("Kata sandi").fill(os.environ.get("SCREENSHOT_PASSWORD", "demo"))
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_timeout(1500)
    wait_until_idle(page)


def fit_to_content(page, width: int, min_height: int) -> None:  # type: ignore[no-untyped-def]
    """Grow the viewport to the page's content: Streamlit scrolls inside its own container, not the body."""
    content_height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight"
    )
    page.set_viewport_size({"width": width, "height": max(min_height, int(content_height) + 120)})
    page.wait_for_timeout(1500)


def main(base_url: str, outdir: str, paths: list[str]) -> None:
    """Screenshot every path at every viewport."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in paths or [""]:
                page.goto(f"{base_url.rstrip('/')}/{path.lstrip('/')}")
                wait_until_idle(page)
                sign_in_if_asked(page)
                fit_to_content(page, width, height)
                slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                target = out / f"{slug}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
