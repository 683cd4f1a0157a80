"""Who is signed in to this browser tab: login, the cookie across reloads, inactivity, logout, optional SSO.

State kept per browser session: the session token (never the password), a notice for the login page, and the
cookie value already tried. The database decides whether a token is still alive (kutorejo_data.access.sessions).
A sign-in starts from an empty page state, so the next person at a shared computer inherits nothing.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from kutorejo_data.access.accounts import Account, authenticate, load_account, load_account_by_id
from kutorejo_data.access.cookie import token_from_cookie
from kutorejo_data.access.secret_key import secret_key
from kutorejo_data.access.sessions import SESSION_MAX_AGE, end_session, resume_session, start_handed_over_session
from kutorejo_data.core.config import now_local, session_timeout

from . import cookies
from .context import ACCOUNT_KEY, LANG_KEY, engine_for

TOKEN_KEY = "auth_token"
NOTICE_KEY = "auth_notice"
FAILED_KEY = "auth_failed"
TRIED_COOKIE_KEY = "auth_cookie_tried"
LOGOUT_KEY = "auth_logout_requested"
SSO_KEY = "auth_via_sso"
SSO_LOGOUT_KEY = "auth_sso_logout"
SSO_REFUSED_KEY = "auth_sso_refused"
# What survives a sign-in: the language and the cookie tried. Everything else belongs to the previous user.
_KEPT_ON_SIGN_IN = {LANG_KEY, TRIED_COOKIE_KEY}
# Why a session ended → the login page's notice.
_NOTICES = {
    "timeout": "login.timeout",
    "expired": "login.expired",
    "inactive": "login.expired",
    "ended": "login.expired",
    "logout": "login.logged_out",
}


def signing_secret() -> str:
    """The key that signs login cookies (env, then `KUTOREJO_SECRET_KEY` in secrets.toml, then instance/)."""
    configured = st.secrets.get("KUTOREJO_SECRET_KEY") if st.secrets.load_if_toml_exists() else None
    return secret_key(configured)


def sso_configured() -> bool:
    """True when `[auth]` in secrets.toml sets up Streamlit's OpenID Connect login."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def _sign_out_locally(reason: str) -> None:
    """Forget the user in this tab; the login page says why. Page state is wiped at the next sign-in.

    Not now: the page's widgets are still on screen and their callbacks would run against missing state.
    """
    # A tab reloaded from the cookie does not remember how it signed in; Streamlit's SSO identity does.
    via_sso = st.session_state.pop(SSO_KEY, False) or (sso_configured() and bool(st.user.is_logged_in))
    for key in (TOKEN_KEY, ACCOUNT_KEY):
        st.session_state.pop(key, None)
    st.session_state[NOTICE_KEY] = _NOTICES.get(reason, "login.expired")
    if via_sso:
        st.session_state[SSO_LOGOUT_KEY] = True  # else Streamlit's SSO cookie would sign them straight back in
    cookies.forget()


def _start(account: Account, db_url: str, now: datetime) -> None:
    """Sign the account in to this tab: a new session, a fresh page state, and the cookie for reloads (the page
    fetches it from the server with a one-time code; the token itself stays on the server)."""
    for key in list(st.session_state.keys()):
        if key not in _KEPT_ON_SIGN_IN:  # the previous user's filters, drafts and selections (a shared computer)
            del st.session_state[key]
    token, code = start_handed_over_session(engine_for(db_url), account.id, signing_secret(), now=now)
    st.session_state[TOKEN_KEY] = token
    st.session_state[ACCOUNT_KEY] = account
    cookies.remember(code)


def attempt_login(db_url: str) -> None:
    """Login form callback: check the typed username and password; the password leaves session state at once."""
    state = st.session_state
    username, password = state.get("login_username", ""), state.get("login_password", "")
    state["login_password"] = ""
    now = now_local()
    account = authenticate(engine_for(db_url), username, password, now=now)
    if account is None:
        state[FAILED_KEY] = True
        return
    _start(account, db_url, now)


def logout(db_url: str) -> None:
    """Logout button callback: end the session in the database; the run that follows shows the login page."""
    token = st.session_state.pop(TOKEN_KEY, None)
    if token:
        end_session(engine_for(db_url), token, now=now_local())
    st.session_state[LOGOUT_KEY] = True


def _token() -> str | None:
    """This tab's session token, or the one in the cookie the browser sent (each cookie value is tried once)."""
    token = st.session_state.get(TOKEN_KEY)
    if token:
        return token
    value = cookies.login_cookie()
    if not value or value == st.session_state.get(TRIED_COOKIE_KEY):
        return None
    st.session_state[TRIED_COOKIE_KEY] = value
    return token_from_cookie(value, signing_secret(), SESSION_MAX_AGE)


def _sso_account(db_url: str, now: datetime) -> Account | None:
    """The account matching the SSO identity (username = e-mail or preferred username), signed in here."""
    if not sso_configured() or not st.user.is_logged_in or st.session_state.get(SSO_REFUSED_KEY):
        return None
    identity = str(st.user.get("email") or st.user.get("preferred_username") or "")
    with engine_for(db_url).connect() as conn:
        account = load_account(conn, identity) if identity else None
    if account is None or not account.aktif:
        st.session_state[SSO_REFUSED_KEY] = identity or "?"
        return None
    _start(account, db_url, now)
    st.session_state[SSO_KEY] = True
    return account


def signed_in_account(db_url: str) -> Account | None:
    """The user signed in to this tab, re-read from the database on every run; None shows the login page."""
    if st.session_state.pop(LOGOUT_KEY, False):
        _sign_out_locally("logout")
    now = now_local()
    token = _token()
    if token is not None:
        engine = engine_for(db_url)
        resumed = resume_session(engine, token, now=now, idle_limit=session_timeout())
        if resumed.account_id is not None:
            with engine.connect() as conn:
                account = load_account_by_id(conn, resumed.account_id)
            if account is not None:
                st.session_state[TOKEN_KEY] = token
                st.session_state[ACCOUNT_KEY] = account
                return account
        _sign_out_locally(resumed.reason or "ended")
    if st.session_state.pop(SSO_LOGOUT_KEY, False):
        st.logout()  # ends Streamlit's SSO identity too, else it would sign the tab straight back in
        return None
    return _sso_account(db_url, now)
