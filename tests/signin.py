"""Signing in as a person would, for AppTests: open a link, type into the login form, press the button."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from kutorejo_data.access.account_admin import AccountDraft, create_user
from kutorejo_data.demo.accounts import DEMO_PASSWORD

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASSWORD = "kata-sandi-uji"


def sign_in(at: AppTest, username: str, password: str = DEMO_PASSWORD) -> AppTest:
    """Type the username and password into the login form and submit it."""
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button(key="login_submit").click()
    return at.run()


def open_link(
    monkeypatch: pytest.MonkeyPatch, db_url: str, page: str | None = None, *, lang: str = "id", **params: str
) -> AppTest:
    """Open the app at a page with query params, signed out (the login page shows)."""
    monkeypatch.setenv("KUTOREJO_DATABASE_URL", db_url)
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["app_lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    if page is not None:
        at.switch_page(page)
    return at.run()


def open_as(
    monkeypatch: pytest.MonkeyPatch,
    db_url: str,
    username: str,
    page: str | None = None,
    *,
    password: str = DEMO_PASSWORD,
    lang: str = "id",
    **params: str,
) -> AppTest:
    """Open a link and sign in on the login page it shows; the linked page with its filters follows."""
    return sign_in(open_link(monkeypatch, db_url, page, lang=lang, **params), username, password)


def add_user(
    engine: Engine, username: str, role: str, *, rw: str | None = None, rt: str | None = None, password: str = PASSWORD
) -> None:
    """Create an account the way the CLI does (for databases without demo accounts)."""
    create_user(engine, AccountDraft(username, role, rw=rw, rt=rt), password, actor="uji")


def open_signed_in(
    monkeypatch: pytest.MonkeyPatch, db_url: str, page: str | None = None, *, lang: str = "id", **params: str
) -> AppTest:
    """Open a page as an administrator: the demo `admin`, or `uji-admin` created on a database without accounts."""
    from sqlalchemy import select

    from kutorejo_data.core.db import make_engine
    from kutorejo_data.core.models import Pengguna

    engine = make_engine(db_url)
    with engine.connect() as conn:
        existing = set(
            conn.execute(select(Pengguna.username).where(Pengguna.username.in_(("admin", "uji-admin")))).scalars()
        )
    if "admin" in existing:
        username, password = "admin", DEMO_PASSWORD
    else:
        username, password = "uji-admin", PASSWORD
        if username not in existing:
            add_user(engine, username, "admin")
    engine.dispose()
    return open_as(monkeypatch, db_url, username, page, password=password, lang=lang, **params)
