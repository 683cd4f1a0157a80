"""The login page, shown by the frame instead of any page until someone signs in.

It stands in for the page the opened link points to (same URL path, query string untouched), so after
signing in the frame's navigation opens exactly the shared page with its filters.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Connection

from kutorejo_data.access.accounts import LOCKOUT_ATTEMPTS, LOCKOUT_DURATION, Account, has_accounts
from kutorejo_data.access.permissions import AREA_ROLES, PUBLIC_PAGE
from kutorejo_data.core.config import session_timeout
from kutorejo_data.core.i18n import t
from kutorejo_data.demo.accounts import DEMO_PASSWORD, listed_demo_accounts
from kutorejo_data.ui.kit.text import escape_markdown

from . import auth, cookies
from .context import engine_for
from .navigation import signed_out_navigation


def _forget_sso_refusal() -> None:
    st.session_state.pop(auth.SSO_REFUSED_KEY, None)
    st.session_state[auth.SSO_LOGOUT_KEY] = True


def _render_notices(lang: str, linked: str | None) -> None:
    notice = st.session_state.get(auth.NOTICE_KEY)
    if notice:
        minutes = int(session_timeout().total_seconds() // 60)
        st.info(t(notice, lang, minutes=minutes), icon=":material/info:")
    refused = st.session_state.get(auth.SSO_REFUSED_KEY)
    if refused:
        st.warning(t("login.sso_unknown", lang, identity=escape_markdown(refused)), icon=":material/person_off:")
        st.button(t("login.sso_logout", lang), key="login_sso_logout", on_click=_forget_sso_refusal)
    if linked:
        st.caption(t("login.next", lang, page=t(f"nav.{linked}", lang)))


def _render_form(db_url: str, lang: str) -> None:
    with st.form("login_form", border=True, enter_to_submit=True):
        st.text_input(t("login.username", lang), key="login_username", max_chars=64, autocomplete="username")
        st.text_input(
            t("login.password", lang),
            key="login_password",
            type="password",
            max_chars=256,
            autocomplete="current-password",
        )
        st.form_submit_button(
            t("login.submit", lang),
            key="login_submit",
            type="primary",
            width="stretch",
            on_click=auth.attempt_login,
            args=(db_url,),
        )
    if st.session_state.get(auth.FAILED_KEY):
        # One message for every cause (unknown user, wrong password, locked, deactivated): it reveals nothing.
        st.error(
            t("login.failed", lang, attempts=LOCKOUT_ATTEMPTS, minutes=int(LOCKOUT_DURATION.total_seconds() // 60)),
            icon=":material/lock:",
        )


def _render_demo_accounts(conn: Connection, lang: str) -> None:
    accounts = listed_demo_accounts(conn)
    if not accounts:
        return
    with st.expander(t("login.demo_title", lang, password=DEMO_PASSWORD), icon=":material/key:"):
        st.caption(t("login.demo_body", lang))
        for username, role in accounts:
            if role not in AREA_ROLES:
                st.markdown(f"`{username}` · {t(f'role.{role}', lang)}")
        for role in AREA_ROLES:  # one account per RW and per RT: listed by role, names only
            names = [f"`{username}`" for username, account_role in accounts if account_role == role]
            if names:
                st.markdown(f"{t(f'role.{role}', lang)}: {', '.join(names)}")


def render_login_page(db_url: str, lang: str, linked: str | None = None) -> None:
    """Title, notices, the login form, SSO, and the demo accounts of a demo database.

    `linked` is the page the opened link points to (None for the start page): it opens after signing in.
    """
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title(t("login.title", lang))
        st.caption(t("login.subtitle", lang))
        _render_notices(lang, linked)
        _render_form(db_url, lang)
        if auth.sso_configured():
            st.button(
                t("login.sso", lang), key="login_sso", on_click=st.login, icon=":material/badge:", width="stretch"
            )
        with engine_for(db_url).connect() as conn:
            if not has_accounts(conn):
                st.info(t("login.no_accounts", lang), icon=":material/person_add:")
            _render_demo_accounts(conn, lang)
        st.caption(t("login.privacy", lang))
        st.page_link(PUBLIC_PAGE.path, label=t("login.check_report", lang), icon=f":material/{PUBLIC_PAGE.icon}:")


def require_account(db_url: str, lang: str, account: Account | None) -> Account:
    """The signed-in user (`auth.signed_in_account`); otherwise the login page is shown and the run ends here."""
    if account is None:
        signed_out_navigation(lambda linked: render_login_page(db_url, lang, linked), lang).run()
    cookies.sync()
    if account is None:
        st.stop()
    return account
