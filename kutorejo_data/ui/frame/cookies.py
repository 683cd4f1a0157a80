"""The login cookie in the browser: read from the page's request here, set and cleared only by the server.

Streamlit reads cookies itself (`st.context.cookies`, sent with the page's connection, so a reloaded tab has its
cookie before the first line runs). Writing one is the server's job (`session_routes.py`): the cookie is HttpOnly,
so no page script can read it. Right after signing in, the page posts a one-time code to the sign-in route, which
answers with the cookie; after signing out, it posts to the sign-out route, which clears it. Each request is sent
once, by a tiny script rendered in the run that asks for it (AppTest, which runs no scripts, sees the request).
"""

from __future__ import annotations

import json

import streamlit as st

from kutorejo_data.access.cookie import COOKIE_NAME

from .session_paths import SIGN_IN_PATH, SIGN_OUT_PATH

_HANDOVER_KEY = "auth_cookie_handover"  # the one-time code the page still has to send
_SIGN_OUT_KEY = "auth_cookie_sign_out"


def login_cookie() -> str | None:
    """The login cookie the browser sent when this tab connected, if any."""
    return st.context.cookies.get(COOKIE_NAME)


def remember(code: str) -> None:
    """Have the page exchange this one-time code for the login cookie (sent at the end of this run)."""
    st.session_state.pop(_SIGN_OUT_KEY, None)
    st.session_state[_HANDOVER_KEY] = code


def forget() -> None:
    """Have the page ask the server to drop the login cookie (sent at the end of this run)."""
    st.session_state.pop(_HANDOVER_KEY, None)
    st.session_state[_SIGN_OUT_KEY] = True


def pending_request() -> tuple[str, str] | None:
    """The request the page has yet to send: (route path, body), or None."""
    code = st.session_state.get(_HANDOVER_KEY)
    if code:
        return SIGN_IN_PATH, code
    if st.session_state.get(_SIGN_OUT_KEY):
        return SIGN_OUT_PATH, ""
    return None


def sync() -> None:
    """Send a requested cookie change to the server from the page; call once per run, after the login decisions."""
    request = pending_request()
    if request is None:
        return
    path, body = request
    st.session_state.pop(_HANDOVER_KEY, None)
    st.session_state.pop(_SIGN_OUT_KEY, None)
    # The code is URL-safe base64 and the path a constant; json.dumps quotes both for the script all the same.
    script = (
        f"<script>fetch({json.dumps(path)}, {{method: 'POST', credentials: 'same-origin', "
        f"headers: {{'Content-Type': 'text/plain'}}, body: {json.dumps(body)}}});</script>"
    )
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True)
