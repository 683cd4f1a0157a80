"""End-to-end fixtures: the real app (`streamlit run serve.py`, the st.App around app.py) on a free port, driven by
headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KUTOREJO_CHROMIUM", "/usr/bin/chromium")
# As root, in a closed network: no sandbox, and no background calls home that would only fail.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
DEMO_END = "2026-11-29"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_health(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not become healthy in {timeout} s")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium binary; without it the suite skips, except on CI where that is a failure."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        message = f"no Chromium at {CHROMIUM} (install the Debian package `chromium`)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


@pytest.fixture(scope="session")
def e2e_db_url(tmp_path_factory) -> str:
    """The URL of the demo database the app under test runs on (tests read what the browser saved)."""
    return f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'demo.sqlite3'}"


@pytest.fixture
def restores_the_language(e2e_db_url: str) -> Iterator[None]:
    """A test that switches the language puts every account back on Bahasa Indonesia after (the choice is saved)."""
    yield
    import sqlalchemy as sa

    engine = sa.create_engine(e2e_db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE pengguna SET bahasa = NULL"))
    engine.dispose()


@pytest.fixture(scope="session")
def app_url(e2e_db_url: str, chromium_path: str) -> Iterator[str]:
    """Base URL of the app running on a fresh demo database in a temporary folder."""
    folder = Path(e2e_db_url.removeprefix("sqlite:///")).parent
    env = {**os.environ, "KUTOREJO_DATABASE_URL": e2e_db_url}
    subprocess.run(
        [sys.executable, "-m", "kutorejo_data", "demo", "--seed", "7", "--sampai", DEMO_END],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    yield from serve_app(env, folder / "streamlit.log")


def serve_app(env: dict[str, str], log_path: Path) -> Iterator[str]:
    """Run `streamlit run serve.py` with this environment on a free port; yields its base URL, stops it after."""
    port = _free_port()
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "serve.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def browser(chromium_path: str):  # type: ignore[no-untyped-def]
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def desktop(browser):  # type: ignore[no-untyped-def]
    """A fresh desktop-sized browser page (own cookies)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="id-ID")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    """A fresh 390×844 phone-sized browser page."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="id-ID"
    )
    yield context.new_page()
    context.close()
