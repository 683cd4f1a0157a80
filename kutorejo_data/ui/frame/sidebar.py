"""The sidebar around every page: the language, a pinned clock, who is signed in, and the demo-data notice."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.access.accounts import Account
from kutorejo_data.core.config import pinned_now
from kutorejo_data.core.formatting import fmt_datetime
from kutorejo_data.core.i18n import LANGUAGES, t
from kutorejo_data.ui.kit.text import escape_markdown

from . import auth, data
from .context import LANG_KEY, current_lang
from .language import decide_language, keep_language_in_url, remember_choice


def render_language_picker(db_url: str, account: Account | None) -> str:
    """The language choice (and a note while KUTOREJO_NOW pins the clock); returns the language to use.

    The link's `lang`, the reader's choice and the account's remembered one are weighed in frame.language.
    """
    decide_language(account)
    with st.sidebar:
        languages: list[str] = list(LANGUAGES)
        st.selectbox(
            t("app.language", current_lang()),
            languages,
            key=LANG_KEY,
            format_func=lambda code: LANGUAGES[code],
            on_change=remember_choice,
            args=(db_url, account),
        )
        lang = keep_language_in_url()
        if (pinned := pinned_now()) is not None:
            st.caption(":material/schedule: " + t("app.clock_pinned", lang, moment=fmt_datetime(pinned, lang)))
    return lang


def render_footer(db_url: str, lang: str) -> None:
    """The app's name, and the notice that demo data is illustrative whenever it is shown."""
    with st.sidebar:
        st.caption(t("app.title", lang))
        _, is_demo = data.database_status(db_url)
        if is_demo:
            st.info(t("app.demo_notice", lang), icon=":material/info:")


def area_label(account: Account, lang: str) -> str:
    """The user's area in words: `RT 002 / RW 03`, `RW 03`, `Kel. Kutorejo`, or everything."""
    if account.rt:
        return f"RT {account.rt} / RW {account.rw}"
    if account.rw:
        return f"RW {account.rw}"
    if account.kelurahan_kode:
        return t("area.kelurahan", lang, nama=account.kelurahan_nama or account.kelurahan_kode)
    return t("account.everywhere", lang)


def render_account(account: Account, db_url: str, lang: str) -> None:
    """Sidebar: who is signed in, in which role and area, and the logout button."""
    with st.sidebar, st.container(border=True):
        who = (
            f"**{escape_markdown(account.nama)}**  \n{escape_markdown(account.username)}"
            if account.nama
            else (f"**{escape_markdown(account.username)}**")
        )
        st.markdown(who)
        st.caption(f"{t(f'role.{account.role}', lang)} · {area_label(account, lang)}")
        st.button(
            t("account.logout", lang),
            key="auth_logout",
            on_click=auth.logout,
            args=(db_url,),
            icon=":material/logout:",
            width="stretch",
        )
