"""The login cookie in the browser: read from the page's request here, set and cleared only by the server.

Streamlit reads cookies itself (`st.context.cookies`, sent with the page's connection, so a reloaded tab has its
cookie before the first line runs). Writing one is the server's job (`session_routes.py`): the cookie is HttpOnly,
so no page script can read it. Right after signing in, the page posts a one-time code to the sign-in route, which
answers with the cookie; after signing out, it posts to the sign-out route, which clears it. Each request is sent
once, by a fixed script rendered in the run that asks for it; the request itself (the route and the code) is plain
text next to it, so no HTML or script is ever built at run time (tests/test_no_raw_html.py). AppTest, which runs no
scripts, reads that text.
"""

from __future__ import annotations

import streamlit as st

from kutorejo_data.access.cookie import COOKIE_NAME

from .session_paths import SIGN_IN_PATH, SIGN_OUT_PATH

_HANDOVER_KEY = "auth_cookie_handover"  # the one-time code the page still has to send
_SIGN_OUT_KEY = "auth_cookie_sign_out"
REQUEST_BOX_KEY = "auth_cookie_request"
# Reads `PATH [CODE]` from the hidden text box before it (waiting a moment for it to appear), posts CODE to PATH on
# this origin, and nothing else: only the app's own session routes are ever called.
_REQUEST_SCRIPT = """<style>.st-key-auth_cookie_request { display: none; }</style>
<script>
(function () {
  let tries = 0;
  function send() {
    const box = document.querySelector(".st-key-auth_cookie_request");
    if (!box) { if (tries++ < 100) { setTimeout(send, 50); } return; }
    const [path, body = ""] = box.innerText.trim().split(/\\s+/);
    if (path !== "@SIGN_IN@" && path !== "@SIGN_OUT@") { return; }
    fetch(path, {method: "POST", credentials: "same-origin", headers: {"Content-Type": "text/plain"}, body: body});
  }
  send();
})();
</script>"""
REQUEST_SCRIPT = _REQUEST_SCRIPT.replace("@SIGN_IN@", SIGN_IN_PATH).replace("@SIGN_OUT@", SIGN_OUT_PATH)


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
    with st.sidebar:
        with st.container(key=REQUEST_BOX_KEY):
            st.text(f"{path} {body}".strip())
        st.html(REQUEST_SCRIPT, unsafe_allow_javascript=True)
