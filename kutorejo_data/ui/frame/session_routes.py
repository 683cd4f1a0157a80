"""The app's own HTTP routes, served by st.App next to Streamlit's (serve.py): the login cookie and old links.

- POST /sesi/masuk: the signed-in page sends its one-time code; the answer sets `kutorejo_sesi` (HttpOnly,
  SameSite=Lax, Secure over HTTPS). The code is good once, for a couple of minutes (access/sessions.py).
- POST /sesi/keluar: ends the session the cookie names and clears the cookie.
- GET /ringkasan: the overview's own name in older links; redirected to `/` with the link's query string.
- GET /pesan/<id>/kirim: the Pesan page's send link. Marks the signed-in person's queued WhatsApp message sent and
  redirects to WhatsApp (`wa.me`) with its number and text; anything else (signed out, not theirs, sent already, a
  link from another site) goes back to /pesan.

Both POST routes answer only requests made by the app's own pages (the Origin is this host; no cross-site fetch):
another site must not sign a browser in as someone else, or out.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from kutorejo_data.access.accounts import Account, load_account_by_id
from kutorejo_data.access.cookie import COOKIE_NAME, sign_token, token_from_cookie
from kutorejo_data.access.sessions import SESSION_MAX_AGE, claim_cookie, end_session, resume_session
from kutorejo_data.core.config import database_url, now_local, session_timeout
from kutorejo_data.core.phones import wa_link
from kutorejo_data.records.outbox import mark_sent

from . import data
from .auth import signing_secret
from .context import engine_for
from .session_paths import SIGN_IN_PATH, SIGN_OUT_PATH

PESAN_PATH = "/pesan"
MAX_BODY_BYTES = 256  # a one-time code is 43 characters; nothing longer is read


def _from_own_page(request: Request) -> bool:
    """The request comes from a page of this app: its Origin names this host, and the browser says same-origin."""
    if request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        return False
    origin = request.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc == request.headers.get("host")


def _secure(request: Request) -> bool:
    """Over HTTPS (directly, or behind a proxy that says so): a plain-HTTP office address would drop a Secure cookie."""
    return request.url.scheme == "https"


async def _short_body(request: Request) -> str:
    """The first MAX_BODY_BYTES of the body, as text; the rest is never read into memory."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            break
    return body[:MAX_BODY_BYTES].decode("ascii", errors="ignore").strip()


async def sign_in(request: Request) -> Response:
    """Swap the page's one-time code for the HttpOnly login cookie."""
    if not _from_own_page(request):
        return Response(status_code=403)
    code = await _short_body(request)
    secret = signing_secret()
    engine = engine_for(database_url())
    token = await run_in_threadpool(lambda: claim_cookie(engine, code, secret, now=now_local())) if code else None
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        COOKIE_NAME,
        sign_token(token, secret),
        max_age=int(SESSION_MAX_AGE.total_seconds()),
        path="/",
        secure=_secure(request),
        httponly=True,
        samesite="lax",
    )
    return response


async def sign_out(request: Request) -> Response:
    """End the session the cookie names (if any is alive) and clear the cookie."""
    if not _from_own_page(request):
        return Response(status_code=403)
    value = request.cookies.get(COOKIE_NAME)
    token = token_from_cookie(value, signing_secret(), SESSION_MAX_AGE) if value else None
    if token is not None:
        engine = engine_for(database_url())
        await run_in_threadpool(lambda: end_session(engine, token, now=now_local()))
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(COOKIE_NAME, path="/", secure=_secure(request), httponly=True, samesite="lax")
    return response


def _signed_in_account(request: Request) -> Account | None:
    """Whose live session the request's cookie names, if any (the session is marked as seen, as a page run does)."""
    value = request.cookies.get(COOKIE_NAME)
    token = token_from_cookie(value, signing_secret(), SESSION_MAX_AGE) if value else None
    if token is None:
        return None
    engine = engine_for(database_url())
    resumed = resume_session(engine, token, now=now_local(), idle_limit=session_timeout())
    if resumed.account_id is None:
        return None
    with engine.connect() as conn:
        return load_account_by_id(conn, resumed.account_id)


def _send(request: Request, message_id: int) -> str:
    """Where the send link leads: WhatsApp with the message, once it is marked sent; else back to the Pesan page."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return PESAN_PATH  # a link on another site must not mark anyone's messages
    account = _signed_in_account(request)
    if account is None:
        return PESAN_PATH
    sent = mark_sent(
        engine_for(database_url()), message_id, data.sender_of(account), actor=account.actor, now=now_local()
    )
    return wa_link(sent.nomor, sent.teks) if sent is not None else PESAN_PATH


async def send_message(request: Request) -> Response:
    """`/pesan/<id>/kirim`: mark the message sent and open WhatsApp with it."""
    target = await run_in_threadpool(_send, request, int(request.path_params["message_id"]))
    return RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})


async def overview_by_name(request: Request) -> Response:
    """`/ringkasan` (older links name the start page): the start page, with the link's filters."""
    query = request.url.query
    return RedirectResponse("/" + (f"?{query}" if query else ""), status_code=307)


def routes() -> list[BaseRoute]:
    """The routes serve.py hands to st.App."""
    return [
        Route(SIGN_IN_PATH, sign_in, methods=["POST"]),
        Route(SIGN_OUT_PATH, sign_out, methods=["POST"]),
        Route("/ringkasan", overview_by_name, methods=["GET", "HEAD"]),
        Route(f"{PESAN_PATH}/{{message_id:int}}/kirim", send_message, methods=["GET"]),
    ]
