"""The interface language as a reader keeps it: in the link (`?lang=en`), across reloads and pages, and per account."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import Pengguna
from tests.factories import add_area, add_report, at
from tests.signin import APP, PASSWORD, add_user, open_as, sign_in


@pytest.fixture
def office_db(fresh_db_url: str) -> str:
    """One RT with a report, and a lurah who has never chosen a language."""
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        add_report(conn, add_area(conn, rw="03", rt="002"), "drainase-banjir", at(11, 2))
    add_user(engine, "lurah", "lurah")
    engine.dispose()
    return fresh_db_url


def stored_language(db_url: str) -> str | None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        chosen = conn.execute(select(Pengguna.bahasa).where(Pengguna.username == "lurah")).scalar()
    engine.dispose()
    return chosen


def title(app: AppTest) -> str:
    return app.title[0].value


def open_link(monkeypatch: pytest.MonkeyPatch, db_url: str, page: str | None = None, **params: str) -> AppTest:
    """Open a link signed out, `lang` being one of its query parameters (not a language set in the session)."""
    monkeypatch.setenv("KUTOREJO_DATABASE_URL", db_url)
    app = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        app.query_params[key] = value
    if page is not None:
        app.switch_page(page)
    return app.run()


def test_a_link_with_lang_en_opens_in_english_and_keeps_it_in_the_url(monkeypatch, office_db: str) -> None:
    app = open_link(monkeypatch, office_db, "pages/masalah.py", rw="03", lang="en")
    assert title(app).startswith("Sign in")  # the login page already speaks the link's language
    app = sign_in(app, "lurah", PASSWORD)
    assert not app.exception
    assert title(app) == "Issues"
    assert app.query_params["lang"] == "en" and app.query_params["rw"] == "03"
    assert stored_language(office_db) is None  # a link is not a preference


def test_the_default_language_leaves_the_url_alone(monkeypatch, office_db: str) -> None:
    app = open_as(monkeypatch, office_db, "lurah", password=PASSWORD, rw="03")
    assert title(app) == "Ringkasan" and "lang" not in app.query_params


def test_a_choice_in_the_sidebar_is_kept_in_the_url_and_remembered_for_the_account(monkeypatch, office_db: str) -> None:
    app = open_as(monkeypatch, office_db, "lurah", password=PASSWORD)
    app.selectbox(key="app_lang").select("en").run()
    assert title(app) == "Overview" and app.query_params["lang"] == "en"
    assert stored_language(office_db) == "en"
    # Another browser, a link without `lang`: the account's choice.
    elsewhere = open_as(monkeypatch, office_db, "lurah", "pages/masalah.py", password=PASSWORD)
    assert title(elsewhere) == "Issues" and elsewhere.query_params["lang"] == "en"
    # A link's own language still wins for the page it opens.
    linked = sign_in(open_link(monkeypatch, office_db, lang="id"), "lurah", PASSWORD)
    assert title(linked) == "Ringkasan" and linked.query_params["lang"] == "id"


@pytest.mark.parametrize("value", ["fr", "²", "x" * 300])
def test_an_unknown_language_in_the_link_is_a_notice(monkeypatch, office_db: str, value: str) -> None:
    app = open_link(monkeypatch, office_db, lang=value)
    assert not app.exception
    assert any("(`lang`)" in w.value for w in app.warning)
    assert app.query_params["lang"] == "id"  # the link now says what is shown
    app = sign_in(app, "lurah", PASSWORD)
    assert not app.exception and title(app) == "Ringkasan"
