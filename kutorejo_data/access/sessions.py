"""Signed-in browsers as database rows: a random token per sign-in, ended by logout, inactivity or an admin.

The browser keeps the token (signed, in a cookie); the database keeps only its SHA-256, so a copy of the
database does not let anyone sign in. Inactivity is measured from `last_seen_at`, across page reloads.
"""

from __future__ import annotations

import hashlib
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


@dataclass(frozen=True)
class Resumed:
    """The outcome of presenting a token: the account id, or why the session is over."""

    account_id: int | None
    reason: str | None = None  # "timeout", "expired", "ended", "unknown", "inactive"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(engine: Engine, account_id: int, *, now: datetime) -> str:
    """Record a new sign-in and return its token (only the browser ever holds it)."""
    token = secrets.token_urlsafe(32)
    with write_transaction(engine) as conn:
        conn.execute(
            insert(SesiLogin).values(
                pengguna_id=account_id, token_hash=_digest(token), created_at=now, last_seen_at=now
            )
        )
    return token


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
