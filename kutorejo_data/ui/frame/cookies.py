"""The login cookie in the browser: read from the page request, written by streamlit-extras' cookie manager.

Streamlit reads cookies itself (`st.context.cookies`, sent with the page's connection, so a reloaded tab has
its cookie before the first line runs) but cannot write them; the cookie manager extra (a Streamlit custom
component) sets them in the browser. It is rendered only while a change still has to reach the browser.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st
from streamlit_extras.cookie_manager import cookie_manager

from kutorejo_data.access.cookie import COOKIE_NAME

JAR_KEY = "auth_cookie_jar"
# Where the extra keeps its queue of changes the browser has not confirmed yet (see its CookieManager).
_JAR_STORE_KEY = f"{JAR_KEY}__cookie_manager_state"
_CHANGE_KEY = "auth_cookie_change"
KEPT_KEYS = frozenset({JAR_KEY, _JAR_STORE_KEY, _CHANGE_KEY})


def login_cookie() -> str | None:
    """The login cookie the browser sent when this tab connected, if any."""
    return st.context.cookies.get(COOKIE_NAME)


def remember(value: str, max_age: timedelta) -> None:
    """Have the browser keep the login cookie for `max_age` (sent at the end of this run)."""
    st.session_state[_CHANGE_KEY] = ("set", value, int(max_age.total_seconds()))


def forget() -> None:
    """Have the browser drop the login cookie (sent at the end of this run)."""
    st.session_state[_CHANGE_KEY] = ("delete", "", 0)


def _unconfirmed() -> bool:
    return bool(st.session_state.get(_JAR_STORE_KEY, {}).get("pending_operations"))


def sync() -> None:
    """Send a requested cookie change to the browser; call once per run, after the login decisions."""
    change = st.session_state.pop(_CHANGE_KEY, None)
    if change is None and not _unconfirmed():
        return
    jar = cookie_manager(key=JAR_KEY)
    if change is None:
        return
    kind, value, max_age = change
    # A Secure cookie is dropped by the browser over plain HTTP (an office LAN address): only ask for it on HTTPS.
    secure = (st.context.url or "").startswith("https://")
    if kind == "set":
        jar.set(COOKIE_NAME, value, max_age=max_age, secure=secure, samesite="lax")
    else:
        jar.delete(COOKIE_NAME, secure=secure, samesite="lax")
    st.rerun()  # the jar sends queued changes when it renders, i.e. in the next run
