"""The interface language: a link's `lang` wins, then the reader's choice in this tab, then the account's remembered
choice (applied once per sign-in), then Bahasa Indonesia. The language is kept in the URL (`?lang=en`) like the
filters, so a reload, a page change and a shared link keep it."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.access.accounts import Account, remember_language
from kutorejo_data.core.i18n import DEFAULT_LANG, LANGUAGES

from .context import LANG_KEY, current_lang, engine_for
from .url_params import Notice, parse_lang_param

# The link's `lang` last applied (a new one in the URL wins again), and the account whose preference was applied.
_LINK_SEEN_KEY = "app_lang_link_seen"
_ACCOUNT_APPLIED_KEY = "app_lang_account"
_NOTICES_KEY = "app_lang_notices"


def decide_language(account: Account | None) -> None:
    """Set this tab's language before the picker renders: the account's preference at sign-in, then the link's."""
    state = st.session_state
    if account is not None and state.get(_ACCOUNT_APPLIED_KEY) != account.id:
        state[_ACCOUNT_APPLIED_KEY] = account.id
        if account.bahasa in LANGUAGES:
            state[LANG_KEY] = account.bahasa
        state.pop(_LINK_SEEN_KEY, None)  # a `lang` in the link still wins over the preference
    raw = st.query_params.get("lang")
    if state.get(_LINK_SEEN_KEY, "") == (raw or ""):
        return
    state[_LINK_SEEN_KEY] = raw or ""
    asked, notices = parse_lang_param(st.query_params)
    if asked is not None:
        state[LANG_KEY] = asked
    state[_NOTICES_KEY] = list(notices)


def keep_language_in_url() -> str:
    """Write the tab's language into the URL (nothing for the default, unless the link named a language) and
    return it."""
    lang = current_lang()
    wanted = "" if lang == DEFAULT_LANG and "lang" not in st.query_params else lang
    if (st.query_params.get("lang") or "") != wanted:
        if wanted:
            st.query_params["lang"] = wanted
        else:
            st.query_params.pop("lang", None)
    st.session_state[_LINK_SEEN_KEY] = wanted
    return lang


def remember_choice(db_url: str, account: Account | None) -> None:
    """Picker callback: the signed-in user's choice is kept for their next sign-ins, and wins over this link."""
    lang = current_lang()
    if account is not None and account.bahasa != lang:
        remember_language(engine_for(db_url), account.id, lang)


def link_language_notices() -> list[Notice]:
    """Notices about the link's `lang` (shown once, at the top of the page)."""
    return st.session_state.pop(_NOTICES_KEY, [])
