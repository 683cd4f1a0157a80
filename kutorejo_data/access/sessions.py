"""Signed-in browsers as database rows: a random token per sign-in, ended by logout, inactivity or an admin.

The browser keeps the token (signed, in an HttpOnly cookie the server sets); the database keeps only its SHA-256, so
a copy of the database does not let anyone sign in. Inactivity is measured from `last_seen_at`, across page reloads.

The token never reaches a page script. A sign-in happens in the Streamlit session (server side); the page then
sends a one-time code to the server's sign-in route, which answers with the cookie. The token is the code signed
with the server's secret (an HMAC), so the code alone tells a script nothing, and the route gives the cookie for a
code only once (`cookie_set_at`) and only within HANDOVER_TTL of signing in.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, insert, select, update

from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.models import Pengguna, SesiLogin

# However active, a sign-in lasts at most a working day; the cookie expires with it.
SESSION_MAX_AGE = timedelta(hours=12)
# Recording activity at most once a minute keeps it to one tiny write per minute per active user.
TOUCH_INTERVAL = timedelta(minutes=1)
# The page asks for its cookie as soon as it renders after signing in; a code older than this is refused.
HANDOVER_TTL = timedelta(minutes=2)


@dataclass(frozen=True)
class Resumed:
    """The outcome of presenting a token: the account id, or why the session is over."""

    account_id: int | None
    reason: str | None = None  # "timeout", "expired", "ended", "unknown", "inactive"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_for_code(code: str, secret: str) -> str:
    """The session token a one-time code stands for: the code signed with the server's secret."""
    digest = hmac.new(secret.encode("utf-8"), b"kutorejo.cookie-handover:" + code.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()


def start_session(engine: Engine, account_id: int, *, now: datetime, token: str | None = None) -> str:
    """Record a new sign-in and return its token (only the server and the browser's HttpOnly cookie hold it)."""
    token = token or secrets.token_urlsafe(32)
    with write_transaction(engine) as conn:
        conn.execute(
            insert(SesiLogin).values(
                pengguna_id=account_id, token_hash=_digest(token), created_at=now, last_seen_at=now
            )
        )
    return token


def start_handed_over_session(engine: Engine, account_id: int, secret: str, *, now: datetime) -> tuple[str, str]:
    """Record a new sign-in whose cookie the page will fetch: returns (token, one-time code for the page)."""
    code = secrets.token_urlsafe(32)
    return start_session(engine, account_id, now=now, token=token_for_code(code, secret)), code


def claim_cookie(engine: Engine, code: str, secret: str, *, now: datetime) -> str | None:
    """The token to set as the cookie for a one-time code: once, within HANDOVER_TTL of signing in, for a live
    session; None otherwise (a replayed, late, forged or ended code)."""
    token = token_for_code(code, secret)
    with write_transaction(engine) as conn:
        claimed = conn.execute(
            update(SesiLogin)
            .where(
                SesiLogin.token_hash == _digest(token),
                SesiLogin.cookie_set_at.is_(None),
                SesiLogin.ended_at.is_(None),
                SesiLogin.created_at >= now - HANDOVER_TTL,
            )
            .values(cookie_set_at=now)
        )
    return token if claimed.rowcount == 1 else None


def resume_session(engine: Engine, token: str, *, now: datetime, idle_limit: timedelta) -> Resumed:
    """Whose session the token belongs to, if it is still alive; a live session is marked as seen now."""
    digest = _digest(token)
    with engine.connect() as conn:
        row = conn.execute(
            select(
                SesiLogin.id,
                SesiLogin.pengguna_id,
                SesiLogin.created_at,
                SesiLogin.last_seen_at,
                SesiLogin.ended_at,
                Pengguna.aktif,
            )
            .join(Pengguna, Pengguna.id == SesiLogin.pengguna_id)
            .where(SesiLogin.token_hash == digest)
        ).one_or_none()
    if row is None:
        return Resumed(None, "unknown")
    if row.ended_at is not None:
        return Resumed(None, "ended")
    reason = (
        "inactive"
        if not row.aktif
        else "expired"
        if now - row.created_at > SESSION_MAX_AGE
        else "timeout"
        if now - row.last_seen_at > idle_limit
        else None
    )
    if reason is not None:
        _end(engine, row.id, now, reason)
        return Resumed(None, reason)
    if now - row.last_seen_at >= TOUCH_INTERVAL:
        with write_transaction(engine) as conn:
            conn.execute(update(SesiLogin).where(SesiLogin.id == row.id).values(last_seen_at=now))
    return Resumed(row.pengguna_id)


def _end(engine: Engine, session_id: int, now: datetime, reason: str) -> None:
    with write_transaction(engine) as conn:
        conn.execute(
            update(SesiLogin)
            .where(SesiLogin.id == session_id, SesiLogin.ended_at.is_(None))
            .values(ended_at=now, ended_reason=reason)
        )


def end_session(engine: Engine, token: str, *, now: datetime, reason: str = "logout") -> None:
    """End the session of this token (logout); an unknown or ended token is left alone."""
    with write_transaction(engine) as conn:
        conn.execute(
            update(SesiLogin)
            .where(SesiLogin.token_hash == _digest(token), SesiLogin.ended_at.is_(None))
            .values(ended_at=now, ended_reason=reason)
        )


def end_user_sessions(conn: Connection, account_id: int, *, now: datetime, reason: str) -> None:
    """End every live session of an account, inside the caller's transaction (new password, deactivation)."""
    conn.execute(
        update(SesiLogin)
        .where(SesiLogin.pengguna_id == account_id, SesiLogin.ended_at.is_(None))
        .values(ended_at=now, ended_reason=reason)
    )
