"""The server's session routes for tests: what a signed-in page asks the server for, and the server's answer.

AppTest runs no page scripts, so the tests read the request the page's fixed script would send (the text it reads)
and call the route with it, as the browser would, with the headers a page of the app itself sends.
"""

from __future__ import annotations

import asyncio
import re
from http.cookies import SimpleCookie

from starlette.requests import Request
from starlette.responses import Response
from streamlit.testing.v1 import AppTest

from kutorejo_data.access.cookie import COOKIE_NAME
from kutorejo_data.ui.frame import session_routes
from kutorejo_data.ui.frame.cookies import REQUEST_SCRIPT
from kutorejo_data.ui.frame.session_paths import SIGN_IN_PATH, SIGN_OUT_PATH

HOST = "kutorejo.test"
_REQUEST = re.compile(r"^(?P<path>/sesi/\S+)(?: (?P<body>\S+))?$")


def page_requests(app: AppTest) -> list[tuple[str, str]]:
    """The (route path, body) the page's script posts to the server after the last run (it reads them from text)."""
    if not any(e.value == REQUEST_SCRIPT for e in app.html):
        return []
    return [(m["path"], m["body"] or "") for e in app.text if (m := _REQUEST.match(e.value))]


def post(
    path: str, body: str = "", *, cookie: str | None = None, origin: str | None = f"http://{HOST}", https: bool = False
) -> Response:
    """Call the route at `path` as a page of the app would (or, with another `origin`, as another site)."""
    headers = [(b"host", HOST.encode()), (b"content-type", b"text/plain")]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
        headers.append((b"sec-fetch-site", b"same-origin" if HOST in origin else b"cross-site"))
    if cookie is not None:
        headers.append((b"cookie", f"{COOKIE_NAME}={cookie}".encode()))
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "headers": headers,
        "scheme": "https" if https else "http",
        "query_string": b"",
        "server": (HOST, 443 if https else 80),
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body.encode(), "more_body": False}

    handler = {SIGN_IN_PATH: session_routes.sign_in, SIGN_OUT_PATH: session_routes.sign_out}[path]
    return asyncio.run(handler(Request(scope, receive)))


def set_cookie(response: Response) -> SimpleCookie:
    """The cookie the response sets (its attributes as the browser reads them)."""
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.getlist("set-cookie"):
        jar.load(header)
    return jar


def cookie_after_sign_in(app: AppTest) -> str:
    """Do what the signed-in page does (post its one-time code) and return the login cookie the server sets."""
    [(path, code)] = page_requests(app)
    assert path == SIGN_IN_PATH
    response = post(path, code)
    assert response.status_code == 204
    return set_cookie(response)[COOKIE_NAME].value
