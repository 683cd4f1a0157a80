"""The login page as people meet it (AppTest): shared links, mistakes, lock-out, logout, reloads, idle tabs, SSO."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from kutorejo_data.access.cookie import COOKIE_NAME
from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import SesiLogin
from kutorejo_data.ui.frame.session_paths import SIGN_IN_PATH, SIGN_OUT_PATH
from kutorejo_data.ui.kit.text import escape_markdown
from tests.factories import add_area, add_report, at
from tests.session_routes import cookie_after_sign_in, page_requests, post, set_cookie
from tests.signin import PASSWORD, add_user, open_as, open_link, sign_in


@pytest.fixture
def office_db(fresh_db_url: str) -> str:
    """A database set up with `migrate` (no demo accounts): one RT, a report, a lurah and an RT head."""
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        add_report(conn, add_area(conn, rw="03", rt="002"), "drainase-banjir", at(11, 2))
    add_user(engine, "lurah", "lurah")
    add_user(engine, "rt03-002", "ketua_rt", rw="03", rt="002")
    engine.dispose()
    return fresh_db_url


def is_login_page(app: AppTest) -> bool:
    return any(t.value.startswith("Masuk ke Dasbor") for t in app.title)


def error_text(app: AppTest) -> str:
    return " ".join(e.value for e in app.error)


def test_a_shared_link_opened_signed_out_leads_to_that_page_with_its_filters(monkeypatch, demo_db_url: str) -> None:
    app = open_link(
        monkeypatch, demo_db_url, "pages/masalah.py", rw="03", status="terbuka", dari="2026-10-01", sampai="2026-10-31"
    )
    assert is_login_page(app)
    assert not app.dataframe  # nothing of the page before signing in
    assert any("halaman Masalah" in c.value for c in app.caption)
    app = sign_in(app, "lurah")
    assert not app.exception
    assert app.title[0].value == "Masalah"
    assert app.selectbox(key="masalah_rw").value == "03"
    assert app.multiselect(key="masalah_status").value == ["terbuka"]
    assert dict(app.query_params) == {"rw": "03", "status": "terbuka", "dari": "2026-10-01", "sampai": "2026-10-31"}


def test_wrong_password_and_unknown_user_get_the_same_message(monkeypatch, office_db: str) -> None:
    wrong = sign_in(open_link(monkeypatch, office_db), "lurah", "bukan-ini")
    unknown = sign_in(open_link(monkeypatch, office_db), "tidak-ada", PASSWORD)
    assert is_login_page(wrong) and is_login_page(unknown)
    assert error_text(wrong) == error_text(unknown) != ""
    assert wrong.text_input(key="login_password").value == ""  # the typed password is not kept
    assert wrong.text_input(key="login_username").value == "lurah"


def test_the_login_form_locks_after_repeated_failures(monkeypatch, office_db: str) -> None:
    app = open_link(monkeypatch, office_db)
    for _ in range(5):
        app = sign_in(app, "lurah", "tebak-tebak")
    message = error_text(app)
    app = sign_in(app, "lurah", PASSWORD)  # the right password, during the lock
    assert is_login_page(app)
    assert error_text(app) == message  # still the same message: nothing says "locked" to a guesser


def test_signing_in_has_the_page_fetch_an_httponly_cookie_from_the_server(monkeypatch, office_db: str) -> None:
    app = open_as(monkeypatch, office_db, "lurah", password=PASSWORD)
    assert not app.exception and app.title[0].value == "Ringkasan"
    [(path, code)] = page_requests(app)  # the page posts a one-time code; the token itself never reaches it
    assert path == SIGN_IN_PATH and app.session_state["auth_token"] not in code
    response = post(path, code)
    assert response.status_code == 204
    cookie = set_cookie(response)[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"].lower() == "lax" and cookie["path"] == "/"
    assert cookie["max-age"] == str(12 * 3600) and not cookie["secure"]  # plain HTTP: an office LAN address
    assert app.session_state["auth_token"] not in cookie.value or "." in cookie.value  # signed, never bare
    assert "login_password" not in app.session_state or app.session_state["login_password"] == ""
    assert page_requests(app.run()) == []  # asked once


def test_the_cookie_is_secure_over_https(monkeypatch, office_db: str) -> None:
    [(path, code)] = page_requests(open_as(monkeypatch, office_db, "lurah", password=PASSWORD))
    assert set_cookie(post(path, code, https=True))[COOKIE_NAME]["secure"]


def test_a_code_is_good_once_and_only_from_the_apps_own_pages(monkeypatch, office_db: str) -> None:
    [(path, code)] = page_requests(open_as(monkeypatch, office_db, "lurah", password=PASSWORD))
    assert post(path, code, origin="https://penipu.example").status_code == 403  # another site's form or fetch
    assert post(path, code, origin=None).status_code == 403
    assert post(path, "tebakan").status_code == 403
    assert post(path, code).status_code == 204
    assert post(path, code).status_code == 403  # replayed


def test_a_late_code_gets_no_cookie(monkeypatch, office_db: str) -> None:
    [(path, code)] = page_requests(open_as(monkeypatch, office_db, "lurah", password=PASSWORD))
    monkeypatch.setenv("KUTOREJO_NOW", "2026-11-29T20:03")  # three minutes after signing in
    assert post(path, code).status_code == 403


def test_a_reloaded_tab_stays_signed_in_with_its_cookie(monkeypatch, office_db: str) -> None:
    value = cookie_after_sign_in(open_as(monkeypatch, office_db, "rt03-002", password=PASSWORD))
    monkeypatch.setattr("kutorejo_data.ui.frame.cookies.login_cookie", lambda: value)
    reloaded = open_link(monkeypatch, office_db, "pages/masalah.py")  # a new browser session, same cookie
    assert not is_login_page(reloaded)
    assert reloaded.title[0].value == "Masalah"
    assert reloaded.selectbox(key="masalah_rt").value == "002"
    assert page_requests(reloaded) == []  # the cookie is there already


def test_a_forged_cookie_shows_the_login_page(monkeypatch, office_db: str) -> None:
    monkeypatch.setattr("kutorejo_data.ui.frame.cookies.login_cookie", lambda: "palsu.palsu.palsu")
    app = open_link(monkeypatch, office_db, "pages/masalah.py")
    assert is_login_page(app) and not app.dataframe


def test_logout_ends_the_session_drops_the_cookie_and_the_next_user_starts_afresh(monkeypatch, office_db: str) -> None:
    app = open_as(monkeypatch, office_db, "lurah", "pages/masalah.py", password=PASSWORD)
    value = cookie_after_sign_in(app)
    app.session_state["lapor_pelapor_nama"] = "Siti Aminah"  # e.g. a half-typed form of the lurah
    app.button(key="auth_logout").click().run()
    assert is_login_page(app)
    assert any("sudah keluar" in i.value for i in app.info)
    [(path, _)] = page_requests(app)  # the page asks the server to clear the cookie
    assert path == SIGN_OUT_PATH
    cleared = set_cookie(post(path, cookie=value))[COOKIE_NAME]
    assert cleared.value == "" and cleared["max-age"] == "0" and cleared["httponly"]
    app = sign_in(app, "rt03-002", PASSWORD)  # the next person at the same computer inherits nothing
    assert "lapor_pelapor_nama" not in app.session_state
    assert app.title[0].value == "Masalah" and app.selectbox(key="masalah_rt").value == "002"
    # The old cookie is of no use any more, in any tab.
    monkeypatch.setattr("kutorejo_data.ui.frame.cookies.login_cookie", lambda: value)
    assert is_login_page(open_link(monkeypatch, office_db))


def test_signing_out_through_the_route_alone_ends_the_session(monkeypatch, office_db: str) -> None:
    value = cookie_after_sign_in(open_as(monkeypatch, office_db, "lurah", password=PASSWORD))
    assert post(SIGN_OUT_PATH, cookie=value, origin="https://penipu.example").status_code == 403
    assert post(SIGN_OUT_PATH, cookie=value).status_code == 204
    monkeypatch.setattr("kutorejo_data.ui.frame.cookies.login_cookie", lambda: value)
    assert is_login_page(open_link(monkeypatch, office_db))


def test_an_idle_tab_is_signed_out_at_its_next_click(monkeypatch, office_db: str) -> None:
    app = open_as(monkeypatch, office_db, "lurah", "pages/masalah.py", password=PASSWORD, rw="03")
    engine = make_engine(office_db)
    with engine.begin() as conn:
        conn.execute(update(SesiLogin).values(last_seen_at=now_local() - timedelta(minutes=31)))
    engine.dispose()
    app.run()
    assert is_login_page(app)
    assert any("30 menit" in i.value for i in app.info)
    assert app.query_params["rw"] == "03"  # the link survives for the next sign-in


def test_a_configured_timeout_is_used(monkeypatch, office_db: str) -> None:
    monkeypatch.setenv("KUTOREJO_SESSION_TIMEOUT_MINUTES", "5")
    app = open_as(monkeypatch, office_db, "lurah", password=PASSWORD)
    engine = make_engine(office_db)
    with engine.begin() as conn:
        conn.execute(update(SesiLogin).values(last_seen_at=now_local() - timedelta(minutes=6)))
    engine.dispose()
    app.run()
    assert is_login_page(app) and any("5 menit" in i.value for i in app.info)


def test_a_database_without_accounts_says_how_to_make_the_first(monkeypatch, fresh_db_url: str) -> None:
    app = open_link(monkeypatch, fresh_db_url)
    assert is_login_page(app) and not app.exception
    assert any("create-user admin --role admin" in i.value for i in app.info)


def test_demo_accounts_are_listed_only_on_a_demo_database(monkeypatch, demo_db_url: str, office_db: str) -> None:
    demo = open_link(monkeypatch, demo_db_url)
    listed = " ".join(m.value for m in demo.markdown)
    assert "`lurah`" in listed and "`rw03`" in listed and "`rt03-002`" in listed
    assert any("kata sandi: demo" in e.label for e in demo.expander)
    office = open_link(monkeypatch, office_db)
    assert not office.expander and "`lurah`" not in " ".join(m.value for m in office.markdown)


@pytest.fixture
def sso_db(office_db: str) -> str:
    engine = make_engine(office_db)
    add_user(engine, "lurah@kutorejo.go.id", "lurah")
    engine.dispose()
    return office_db


SSO_SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "c" * 32,
        "client_id": "dasbor",
        "client_secret": "rahasia",
        "server_metadata_url": "https://sso.example/.well-known/openid-configuration",
    }
}


def open_with_sso(monkeypatch, db_url: str, email: str) -> AppTest:
    monkeypatch.setenv("KUTOREJO_DATABASE_URL", db_url)
    from tests.signin import APP

    app = AppTest.from_file(APP, default_timeout=90)
    app.secrets = SSO_SECRETS
    app.user = {"email": email, "is_logged_in": True}
    return app.run()


def test_single_sign_on_maps_to_an_existing_account(monkeypatch, sso_db: str) -> None:
    app = open_with_sso(monkeypatch, sso_db, "Lurah@Kutorejo.go.id")
    assert not app.exception
    assert app.title[0].value == "Ringkasan"
    assert any(escape_markdown("lurah@kutorejo.go.id") in m.value for m in app.sidebar.markdown)


def test_an_idle_single_sign_on_tab_is_signed_out_of_sso_too(monkeypatch, sso_db: str) -> None:
    app = open_with_sso(monkeypatch, sso_db, "lurah@kutorejo.go.id")
    engine = make_engine(sso_db)
    with engine.begin() as conn:
        conn.execute(update(SesiLogin).values(last_seen_at=now_local() - timedelta(minutes=31)))
    engine.dispose()
    app.run()
    assert is_login_page(app)
    assert not app.user.get("is_logged_in")  # st.logout() ran: the SSO identity cannot sign the tab back in


def test_single_sign_on_without_an_account_is_refused(monkeypatch, sso_db: str) -> None:
    app = open_with_sso(monkeypatch, sso_db, "orang.lain@example.org")
    assert is_login_page(app)
    assert any("belum terdaftar" in w.value for w in app.warning)
    assert app.button(key="login_sso") is not None


def test_the_login_page_offers_sso_only_when_configured(monkeypatch, office_db: str) -> None:
    app = open_link(monkeypatch, office_db)
    assert "login_sso" not in [b.key for b in app.button]


@pytest.mark.parametrize("username", ["lurah", "rt03-002"])
def test_every_page_is_behind_the_login(monkeypatch, office_db: str, username: str) -> None:
    for page in ("pages/ringkasan.py", "pages/masalah.py", "pages/penyelesaian.py", "pages/pengguna.py"):
        app = open_link(monkeypatch, office_db, page, rw="03")
        assert is_login_page(app) and not app.dataframe and not app.metric
