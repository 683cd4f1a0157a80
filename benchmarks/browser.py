"""How long a filter change takes to be fully drawn in a real browser (headless Chromium through Playwright).

Run as `python -m benchmarks.browser DB_URL [--pages ringkasan,masalah] [--repeat 5]`; prints one JSON object. It
starts the app (`streamlit run serve.py`) on the database, signs in as the demo administrator, opens each page
at its default view, then picks RWs it has not shown yet in the page's RW box, one after the other. A change is
timed from the click on the option to the last change drawn on the page (in the page's clock), once the script has
finished and nothing has moved for SETTLE_MS: what a reader waits for, drawing included.

A drawn change is a change to the page's content (a MutationObserver) or a drawing call on a canvas (the data grid
draws its cells there, which changes no element). Changes inside a canvas element are not drawn: they are its
fallback content, for screen readers (the data grid's hidden copy of its cells, which it updates on a timer about
200 ms after drawing them). Those are still timed on their own, as `with_canvas_fallback_ms`.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, ViewportSize, sync_playwright

from kutorejo_data.core.config import DATABASE_URL_ENV
from kutorejo_data.demo.accounts import DEMO_PASSWORD

from .pages import ROOT

CHROMIUM = os.environ.get("KUTOREJO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PAGES = ("ringkasan", "masalah", "penyelesaian", "kapasitas")
SETTLE_MS = 1500
VIEWPORT: ViewportSize = {"width": 1440, "height": 900}
POINTER_REST = (VIEWPORT["width"] - 4, VIEWPORT["height"] // 2)  # the main area's right margin: nothing drawn there
# Records when the page last drew a change, in the page's own clock: any canvas drawing call (installed before the
# page's scripts run), and every change to the page's content outside a canvas element (installed once per load).
CANVAS_DRAWS = """(() => {
  const context = CanvasRenderingContext2D.prototype;
  for (const name of ['fillText', 'strokeText', 'fillRect', 'strokeRect', 'clearRect', 'fill', 'stroke', 'drawImage']) {
    const draw = context[name];
    context[name] = function (...args) { window.__lastChange = performance.now(); return draw.apply(this, args); };
  }
})();"""
OBSERVER = """() => {
  if (window.__observing) return;
  window.__observing = true;
  const main = document.querySelector("[data-testid='stMain']");
  const inCanvas = (node) => Boolean(node.parentElement && node.parentElement.closest('canvas'));
  new MutationObserver((changes) => {
    const now = performance.now();
    window.__lastAnyChange = now;
    if (changes.some((change) => !inCanvas(change.target))) window.__lastChange = now;
  }).observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
}"""
# Then the next click (on the option) starts the clock.
ARM = """() => {
  window.__clickAt = null;
  window.__lastChange = null;
  window.__lastAnyChange = null;
  document.addEventListener('click', () => { window.__clickAt = performance.now(); }, {capture: true, once: true});
}"""
# From the click to the last drawn change, and to the last change of any kind.
TIMES = """() => [window.__lastChange - window.__clickAt,
  Math.max(window.__lastChange, window.__lastAnyChange) - window.__clickAt]"""
SETTLED = f"""() => !document.querySelector("[data-testid='stStatusWidget']")
  && !document.querySelector("[data-stale='true']")
  && window.__lastChange !== null
  && performance.now() - Math.max(window.__lastChange, window.__lastAnyChange) > {SETTLE_MS}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_app(db_url: str) -> Iterator[str]:
    """The app on a free port over the database; yields its base URL."""
    port = _free_port()
    env = {**os.environ, DATABASE_URL_ENV: db_url}
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _idle(page: Page) -> None:
    page.wait_for_selector("[data-testid='stMainBlockContainer'] [data-testid='stVerticalBlock']", timeout=120_000)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=120_000)
    page.wait_for_timeout(SETTLE_MS)


def _sign_in(page: Page, url: str) -> None:
    page.goto(url)
    _idle(page)
    page.get_by_label("Nama pengguna").fill("admin")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    _idle(page)


def _rw_options(page: Page) -> list[str]:
    """The RWs the page's RW box offers (not 'all')."""
    page.locator("[data-testid='stSelectbox']", has_text="RW").first.click()
    names = [text.strip() for text in page.get_by_role("option").all_inner_texts()]
    page.keyboard.press("Escape")
    return [name for name in names if name and not name.lower().startswith(("semua", "all"))]


def time_filter_change(page: Page, option: str) -> tuple[float, float]:
    """Milliseconds from choosing an RW to the page's last drawn change, and to its last change of any kind."""
    page.evaluate(OBSERVER)
    page.locator("[data-testid='stSelectbox']", has_text="RW").first.click()
    page.evaluate(ARM)
    page.get_by_role("option", name=option, exact=True).click()
    # The pointer leaves for the blank right margin, as a reader's would: left on the option, it rested on whatever the
    # page drew there next, and a help icon's tooltip opened half a second later (Masalah, every run's third change).
    page.mouse.move(POINTER_REST[0], POINTER_REST[1])
    page.wait_for_function(SETTLED, timeout=120_000, polling=100)
    drawn, any_change = page.evaluate(TIMES)
    return float(drawn), float(any_change)


def measure(db_url: str, pages: list[str], repeat: int) -> dict[str, Any]:
    """The median filter change of each page, and its samples."""
    results: dict[str, Any] = {}
    with running_app(db_url) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=VIEWPORT, locale="id-ID")
        context.add_init_script(CANVAS_DRAWS)
        page = context.new_page()
        _sign_in(page, url)
        for name in pages:
            page.goto(f"{url}/{name}")
            _idle(page)
            options = _rw_options(page)
            timed = [time_filter_change(page, options[i % len(options)]) for i in range(repeat)]
            samples = [round(drawn, 1) for drawn, _ in timed]
            results[name] = {
                "filter_change_ms": round(statistics.median(samples), 1),
                "samples_ms": samples,
                "with_canvas_fallback_ms": round(statistics.median(any_change for _, any_change in timed), 1),
            }
            print(name, json.dumps(results[name]), file=sys.stderr, flush=True)
        browser.close()
    return results


def available() -> bool:
    """True when the Chromium the benchmark drives is installed."""
    return Path(CHROMIUM).exists()


def main(argv: list[str] | None = None) -> int:
    """Measure and print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser")
    parser.add_argument("db_url")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    json.dump({"pages": measure(args.db_url, args.pages.split(","), args.repeat)}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
